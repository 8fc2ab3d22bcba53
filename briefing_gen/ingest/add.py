"""`briefing-gen add`: a web page, a feed's address or a feed file, saved into the articles folder.

The one entry point of ingestion: it tells a page from a feed and hands each to `fetch` (pages)
or `feeds` (every entry of a feed), which never call back here.
"""
from __future__ import annotations

import re
from pathlib import Path

from briefing_gen.ingest import feeds
from briefing_gen.ingest.fetch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    ArticleFolder,
    FetchError,
    Saved,
    fetch,
    message_without_url,
    save_fetched_page,
)


def add(target: str, articles_dir: "Path | ArticleFolder", timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Saved]:
    """Save a page, or every entry of a feed (an address or a local file), under `articles_dir`.

    `articles_dir` may be an `ArticleFolder` shared by several calls, so that the folder is read
    once for all of them.
    """
    folder = ArticleFolder.of(articles_dir)
    if not re.match(r"https?://", target, re.IGNORECASE):
        path = Path(target)
        if path.is_file():
            return feeds.add_feed_file(path, folder, timeout=timeout, max_bytes=max_bytes)
        if "://" in target:
            return [Saved(url=target, error="not an http or https address")]
        return [Saved(url=target, error="no such file, and not an http or https address")]
    try:
        fetched = fetch(target, timeout=timeout, max_bytes=max_bytes)
    except FetchError as error:
        return [Saved(url=target, error=message_without_url(str(error), target))]
    if fetched.is_feed and not fetched.is_html:
        return feeds.add_feed_bytes(fetched.body, fetched.url, folder, timeout=timeout, max_bytes=max_bytes)
    if not fetched.is_html:
        return [Saved(url=target, error=f"not a web page or feed (content type {fetched.content_type})")]
    return [save_fetched_page(fetched, folder, requested_url=target)]
