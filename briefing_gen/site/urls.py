"""Links between generated pages, written as the built site's URLs.

Most of a generated page is Markdown, and its links name other pages by their Markdown file
(`../actors/egypt.md`), which MkDocs turns into URLs. The long repeated parts of a page (tables of
actors and briefings, lists of claims, the article's paragraphs) are written as HTML instead: they
are most of the text, and MkDocs renders HTML blocks as they are, without running the Markdown
inline parser over every cell (the site builds about a quarter faster; `docs/about/performance.md`).
Links inside those blocks must already be what MkDocs would have made of them, which depends on
`use_directory_urls` in mkdocs.yml; MkDocs' own functions compute them here, so both agree.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class PageUrls:
    directory_urls: bool = True  # MkDocs' `use_directory_urls`: `actors/egypt/` rather than `actors/egypt.html`

    def href(self, source: str, target: str, anchor: str = "") -> str:
        """A relative link from the page built from `source` to the one built from `target` (paths
        under docs/, such as `actors/egypt.md`), as MkDocs would write it."""
        from mkdocs.utils import get_relative_url

        link = get_relative_url(_site_url(target, self.directory_urls), _site_url(source, self.directory_urls))
        return f"{link}#{anchor}" if anchor else link

    def site_path(self, target: str) -> str:
        """The URL of the page (or file) built from `target`, relative to the site's root
        (`briefings/x/`, `feeds/briefings.xml`; the home page is the empty string)."""
        return _site_url(target, self.directory_urls)


@lru_cache(maxsize=65536)
def _site_url(page: str, directory_urls: bool) -> str:
    """MkDocs' URL of the page built from `page`, once per page: a build links to each many times."""
    from mkdocs.structure.files import File

    return File(page, None, None, directory_urls).url


def page_urls(config_file: Path, offline: bool = False) -> PageUrls:
    """The URL style of the site configured by `config_file` (mkdocs.yml); MkDocs' default
    (directory URLs) when it does not say, file URLs for a site to open from disk (`offline`)."""
    from briefing_gen.config import read_mkdocs_settings

    return PageUrls(directory_urls=read_mkdocs_settings(config_file, offline).use_directory_urls)
