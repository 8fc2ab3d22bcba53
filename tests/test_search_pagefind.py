"""Site search: MkDocs' built-in index for small sites, Pagefind for large ones or when asked, with
the theme's header search box bound to it and filters on briefing pages (slow: spaCy, MkDocs and
Pagefind)."""
from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_example_site
from mkdocs.structure.files import File

from briefing_gen.site.build import search_engine
from briefing_gen.site.indexed_build import indexed_document, is_indexed


def test_auto_switches_at_the_threshold():
    assert search_engine("auto", 499) == "builtin"
    assert search_engine("auto", 500) == "pagefind"
    assert search_engine("auto", 10, threshold=5) == "pagefind"
    assert search_engine("builtin", 10_000) == "builtin" and search_engine("pagefind", 1) == "pagefind"
    with pytest.raises(ValueError):
        search_engine("lunr", 1)


@pytest.mark.slow
def test_pagefind_site_keeps_the_header_search_box(tmp_path):
    project = copy_example_site(tmp_path / "site")
    build = [sys.executable, "-m", "briefing_gen", "build", "--quiet"]
    result = subprocess.run([*build, "--search", "pagefind"], cwd=project, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    site = project / "site"
    assert (site / "pagefind" / "pagefind.js").is_file() and (site / "pagefind" / "pagefind-entry.json").is_file()
    assert not (site / "search" / "search_index.json").exists()  # the built-in index is not built
    assert (site / "assets" / "javascripts" / "briefing-search.js").is_file()

    page = next((site / "briefings").glob("central-asian-leaders*/index.html")).read_text(encoding="utf-8")
    assert "data-briefing-search" in page and 'class="md-search__input"' in page  # the header's search box
    assert 'data-md-component="search"' not in page  # Material's own search code is not bound to it
    assert "data-pagefind-body" in page
    assert re.search(r'data-pagefind-filter="region">Central Asia<|data-pagefind-filter="actor">Kyrgyzstan<', page)
    assert 'data-pagefind-filter="kind">' in page
    assert "briefing-search.js" in page and not re.search(r'<script[^>]+src="(?:https?:)?//', page)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in home  # list pages stay out of the index

    # Asked for the built-in search again: the Pagefind bundle goes, the built-in index comes back.
    result = subprocess.run([*build, "--search", "builtin"], cwd=project, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (site / "search" / "search_index.json").is_file() and not (site / "pagefind").exists()
    page = next((site / "briefings").glob("central-asian-leaders*/index.html")).read_text(encoding="utf-8")
    assert 'data-md-component="search"' in page and "data-briefing-search" not in page and "data-pagefind-body" not in page


def indexed_pages(bundle: Path) -> dict[str, dict]:
    """Every page of a Pagefind bundle by URL, with its text, title, filters and anchors: each
    fragment file is gzip-compressed JSON behind Pagefind's `pagefind_dcd` signature."""
    pages = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        pages[record["url"]] = record
    return pages


def briefing_page(project: Path, directory_urls: bool) -> str:
    pattern = "central-asian-leaders*/index.html" if directory_urls else "central-asian-leaders*.html"
    return next((project / "site" / "briefings").glob(pattern)).read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("directory_urls", [True, False])
def test_index_built_with_the_site_is_the_one_pagefind_makes_of_the_built_pages(tmp_path, directory_urls):
    """The build hands pages to Pagefind while MkDocs works: the index must hold exactly what
    `pagefind --site` finds in the finished site (same pages, URLs, text, titles, filters)."""
    project = copy_example_site(tmp_path / "site")
    if not directory_urls:
        with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
            config.write("use_directory_urls: false\n")
    build = [sys.executable, "-m", "briefing_gen", "build", "--quiet", "--search", "pagefind"]
    result = subprocess.run(build, cwd=project, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    ours = indexed_pages(project / "site" / "pagefind")

    reference = tmp_path / "reference"
    shutil.copytree(project / "site", reference, ignore=shutil.ignore_patterns("pagefind"))
    command = [sys.executable, "-m", "pagefind", "--site", str(reference), "--exclude-selectors", ".headerlink", "--silent"]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    theirs = indexed_pages(reference / "pagefind")

    assert sorted(ours) == sorted(theirs)
    for url in theirs:
        assert ours[url] == theirs[url], url
    suffix = "/" if directory_urls else ".html"
    urls = set(ours)
    assert any(url.startswith("/briefings/central-asian-leaders") for url in urls)
    assert "/actors/kyrgyzstan" + suffix in urls and "/about/performance" + suffix in urls
    assert not urls & {"/", "/index.html", "/briefings/", "/briefings/index.html", "/actors/", "/actors/index.html", "/timeline" + suffix}
    briefing = next(record for url, record in ours.items() if url.startswith("/briefings/central-asian-leaders"))
    assert "Kyrgyzstan" in briefing["filters"]["actor"] and briefing["filters"]["kind"]

    # What a page repeats from elsewhere is not indexed, so a search leads to where the text is:
    # the charts' labels, a briefing's claim lists (its text holds the same sentences), and an
    # actor page's lists of briefings and claims. The names and the article are.
    assert "Who claims what about whom" not in briefing["content"] and "Mentions of" not in ours["/actors/kyrgyzstan" + suffix]["content"]
    claim = re.compile(r"\b(?:statement|quote|statistic|prediction|assessment) \(\w+\): ")  # "statement (say): ..."
    assert claim.search(re.sub(r"<[^>]+>", "", briefing_page(project, directory_urls)))  # the page lists claims
    assert not claim.search(briefing["content"])  # and the index does not
    actor = ours["/actors/kyrgyzstan" + suffix]["content"]
    assert "Kyrgyzstan" in actor and briefing["meta"]["title"] not in actor

    # An actor page weighs half, as in the built-in search (its `search.boost`), in the page and in
    # what Pagefind is given while MkDocs builds; a briefing keeps the weights of its headings.
    actor_page = (project / "site" / "actors" / ("kyrgyzstan/index.html" if directory_urls else "kyrgyzstan.html")).read_text(encoding="utf-8")
    assert '<div data-pagefind-body data-pagefind-weight="0.5">' in actor_page
    assert "<div data-pagefind-body>" in briefing_page(project, directory_urls)


def test_pages_indexed_are_the_ones_main_html_marks():
    def file(path: str) -> File:
        return File(path, "docs", "site", use_directory_urls=True)

    indexed = ["briefings/grain-talks.md", "actors/kadri-vaher.md", "actors/person-of-interest.md", "about/performance.md"]
    listed = ["index.md", "briefings/index.md", "actors/index.md", "actors/person-2.md", "actors/state-10.md", "claims/statistic.md", "timeline.md"]
    assert [is_indexed(file(path)) for path in indexed] == [True] * len(indexed)
    assert [is_indexed(file(path)) for path in listed] == [False] * len(listed)


def test_pages_the_builtin_search_weighs_less_weigh_less_in_pagefind():
    class Page:
        def __init__(self, meta):
            self.meta, self.title = meta, "Kadri Vaher"

    def body(meta) -> str:
        return re.search(r"<div data-pagefind-body[^>]*>", indexed_document("<h1>Kadri Vaher</h1>", Page(meta), "en")).group()

    assert body({"search": {"boost": 0.5}}) == '<div data-pagefind-body data-pagefind-weight="0.5">'  # actor pages
    assert body({"search": {"boost": 2}}) == body({}) == body({"search": {"boost": True}}) == "<div data-pagefind-body>"


@pytest.mark.slow
def test_a_failed_pagefind_build_says_why(tmp_path):
    project = copy_example_site(tmp_path / "site")
    (project / "docs" / "about" / "links.md").write_text("# Links\n\nSee [the missing page](missing.md).\n", encoding="utf-8")
    build = [sys.executable, "-m", "briefing_gen", "build", "--quiet", "--search", "pagefind"]
    result = subprocess.run(build, cwd=project, capture_output=True, text=True, timeout=900)
    assert result.returncode != 0
    assert "missing.md" in result.stderr and "strict" in result.stderr
