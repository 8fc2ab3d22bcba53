"""Links written into the HTML blocks of pages (`briefing_gen.site.urls`): the URLs MkDocs gives
the target pages, relative to the linking page, for both of MkDocs' URL styles."""
from __future__ import annotations

import pytest

from briefing_gen.site.urls import PageUrls, page_urls


@pytest.mark.parametrize(
    "source, target, anchor, directory, flat",
    [
        ("briefings/talks-stall.md", "actors/egypt.md", "", "../../actors/egypt/", "../actors/egypt.html"),
        ("actors/egypt.md", "briefings/talks-stall.md", "c-1f790681f7", "../../briefings/talks-stall/#c-1f790681f7",
         "../briefings/talks-stall.html#c-1f790681f7"),
        ("index.md", "tags.md", "", "tags/", "tags.html"),
        ("index.md", "briefings/index.md", "", "briefings/", "briefings/index.html"),
        ("briefings/index.md", "index.md", "", "../", "../index.html"),
        ("briefings/a.md", "actors/zoë-ekström.md", "", "../../actors/zo%C3%AB-ekstr%C3%B6m/", "../actors/zo%C3%AB-ekstr%C3%B6m.html"),
    ],
)
def test_links_are_the_urls_mkdocs_gives_the_pages(source, target, anchor, directory, flat):
    assert PageUrls(directory_urls=True).href(source, target, anchor) == directory
    assert PageUrls(directory_urls=False).href(source, target, anchor) == flat


@pytest.mark.parametrize(
    "config, directory_urls",
    [
        ("site_name: A\n", True),
        ("site_name: A\nuse_directory_urls: false\n", False),
        ("site_name: A\nuse_directory_urls: False  # plain files for a file server\n", False),
        ("site_name: A\nuse_directory_urls: true\n", True),
        ("site_name: A\nextra:\n  use_directory_urls: false\n", True),  # not the top-level key
    ],
)
def test_url_style_is_read_from_mkdocs_yml(tmp_path, config, directory_urls):
    path = tmp_path / "mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    assert page_urls(path).directory_urls is directory_urls
    assert page_urls(tmp_path / "missing.yml").directory_urls is True
