"""RSS and Atom feeds for `briefing-gen add`: every entry becomes one article file.

feedparser reads the feed (from an address or a local file) and cleans the HTML it carries. An
entry whose feed carries the full text (`content:encoded` in RSS, `<content>` in Atom) is written
as a small HTML page with its title, authors, date, address and the feed's name as metadata; an
entry with only a summary has its linked page fetched and saved as `briefing-gen add URL` would.
"""
from __future__ import annotations

import calendar
import datetime as dt
import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing_gen.addresses import is_web_address
from briefing_gen.ingest.fetch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    ArticleFolder,
    FetchError,
    Saved,
    fetch,
    inflate,
    megabytes,
    save_fetched_page,
    save_page_text,
)
from briefing_gen.whitespace import fold_space

#: An entry's content counts as the full text from this many words on; shorter content is a teaser.
FULL_TEXT_MIN_WORDS = 60


@dataclass
class Entry:
    title: str
    link: str | None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601, UTC
    content_html: str | None = None  # the full text, when the feed carries it
    summary_html: str | None = None
    tags: list[str] = field(default_factory=list)

    @property
    def has_full_text(self) -> bool:
        return bool(self.content_html) and word_count(self.content_html) >= FULL_TEXT_MIN_WORDS


def add_feed_file(path: Path, articles_dir: Path | ArticleFolder, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Saved]:
    """Save every entry of a feed file; one compressed with gzip is decompressed (up to `max_bytes`)."""
    try:
        data = read_feed_file(path, max_bytes)
    except FetchError as error:
        return [Saved(url=str(path), error=str(error).removeprefix(f"{path}: "))]
    except OSError as error:
        return [Saved(url=str(path), error=f"cannot read file: {error.strerror or error}")]
    return add_feed_bytes(data, None, articles_dir, timeout=timeout, max_bytes=max_bytes, label=str(path))


def read_feed_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The feed file's bytes, decompressed if it is gzip; `FetchError` if either passes `max_bytes`."""
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FetchError(f"{path}: file is over the {megabytes(max_bytes)} limit")
    if data[:2] == _GZIP_MAGIC:
        data = inflate(data, "gzip", max_bytes, str(path), what="file")
    return data


_GZIP_MAGIC = b"\x1f\x8b"


def add_feed_bytes(
    data: bytes,
    feed_url: str | None,
    articles_dir: Path | ArticleFolder,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    label: str | None = None,
) -> list[Saved]:
    label = label or feed_url or "feed"
    try:
        site, entries = parse_feed(data, feed_url)
    except ValueError as error:
        return [Saved(url=label, error=str(error))]
    if not entries:
        return [Saved(url=label, error="the feed has no entries")]
    folder = ArticleFolder.of(articles_dir)  # read once for all the entries
    return [save_entry(entry, site, folder, timeout=timeout, max_bytes=max_bytes) for entry in entries]


def parse_feed(data: bytes, feed_url: str | None = None) -> tuple[str | None, list[Entry]]:
    """The feed's title and its entries; `ValueError` with a one-line reason if it is no feed."""
    import feedparser

    headers = {"content-location": feed_url} if feed_url else None
    # a stream, not bytes: feedparser takes bytes that name a file or an address as that file or address
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {str(problem).splitlines()[0]}" if problem and str(problem) else ""
        raise ValueError(f"not an RSS or Atom feed{detail}")
    site = _clean(parsed.feed.get("title")) or None
    return site, [_entry(item) for item in parsed.entries]


def _entry(item) -> Entry:
    authors = [_clean(a.get("name")) for a in item.get("authors", []) if isinstance(a, dict) and _clean(a.get("name"))]
    if not authors and _clean(item.get("author")):
        authors = [_clean(item.get("author"))]
    when = item.get("published_parsed") or item.get("updated_parsed") or item.get("created_parsed")
    published = dt.datetime.fromtimestamp(calendar.timegm(when), dt.timezone.utc).isoformat() if when else None
    contents = [c for c in item.get("content", []) if isinstance(c, dict) and (c.get("value") or "").strip()]
    content = max(contents, key=lambda c: len(c.get("value", "")), default=None)
    content_html = _as_html(content.get("value"), content.get("type")) if content else None
    summary = item.get("summary_detail") or {}
    summary_html = _as_html(item.get("summary"), summary.get("type")) if item.get("summary") else None
    tags = [_clean(t.get("term")) for t in item.get("tags", []) if isinstance(t, dict) and _clean(t.get("term"))]
    link = item.get("link") or next((other.get("href") for other in item.get("links", []) if other.get("rel") == "alternate"), None)
    return Entry(
        title=_clean(item.get("title")) or "",
        link=link if is_web_address(link) else None,
        authors=authors,
        published=published,
        content_html=content_html,
        summary_html=summary_html,
        tags=tags,
    )


def save_entry(entry: Entry, site: str | None, articles_dir: Path | ArticleFolder, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Saved:
    label = entry.link or entry.title or "feed entry"
    articles_dir = ArticleFolder.of(articles_dir)
    if entry.link:
        existing = articles_dir.find({entry.link})
        if existing:
            return Saved(url=label, existing=existing)
    if entry.has_full_text or (not entry.link and (entry.content_html or entry.summary_html)):
        saved = save_page_text(entry_page(entry, site), entry.link, articles_dir)
        saved.url = label
        return saved
    if not entry.link:
        return Saved(url=label, error="the entry has no text and no link")
    try:
        fetched = fetch(entry.link, timeout=timeout, max_bytes=max_bytes, accept_feeds=False)
    except FetchError as error:
        return Saved(url=label, error=str(error)[len(entry.link) + 2:] if str(error).startswith(entry.link) else str(error))
    fallback = {"title": entry.title, "author": "; ".join(entry.authors), "published": entry.published}
    return save_fetched_page(fetched, articles_dir, requested_url=entry.link, fallback=fallback)


def entry_page(entry: Entry, site: str | None) -> str:
    """A feed entry as an HTML page whose `<head>` carries the entry's metadata."""
    def attr(value: str) -> str:
        return html.escape(value, quote=True)

    head = ['<meta charset="utf-8">', f"<title>{html.escape(entry.title)}</title>", f'<meta property="og:title" content="{attr(entry.title)}">']
    if entry.link:
        head.append(f'<link rel="canonical" href="{attr(entry.link)}">')
    if site:
        head.append(f'<meta property="og:site_name" content="{attr(site)}">')
    if entry.authors:
        head.append(f'<meta name="author" content="{attr("; ".join(entry.authors))}">')
    if entry.published:
        head.append(f'<meta property="article:published_time" content="{attr(entry.published)}">')
    if entry.tags:
        head.append(f'<meta name="keywords" content="{attr(", ".join(entry.tags))}">')
    if entry.summary_html and entry.content_html:
        head.append(f'<meta name="description" content="{attr(_text(entry.summary_html))}">')
    body = entry.content_html or entry.summary_html or ""
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n" + "\n".join(head) + "\n</head>\n<body>\n<article>\n"
        f"<h1>{html.escape(entry.title)}</h1>\n{body}\n</article>\n</body>\n</html>\n"
    )


def _as_html(value: str | None, content_type: str | None) -> str | None:
    if not value or not value.strip():
        return None
    if content_type and "html" not in content_type:
        return "".join(f"<p>{html.escape(block.strip())}</p>\n" for block in re.split(r"\n\s*\n", value) if block.strip())
    return value


def _text(markup: str) -> str:
    return fold_space(html.unescape(_TAG.sub(" ", markup)))


_TAG = re.compile(r"<[^<>]+>")  # up to the next `<` at most, so that stray `<`s cost linear time


def word_count(markup: str) -> int:
    return len(_text(markup).split())


def _clean(value) -> str:
    return fold_space(html.unescape(str(value))) if value else ""


__all__ = ["Entry", "add_feed_bytes", "add_feed_file", "entry_page", "parse_feed", "save_entry"]
