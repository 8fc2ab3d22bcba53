"""Web addresses from articles and settings: checked, and percent-encoded so that no Markdown
syntax, table cell or attribute list can read anything into them.

Readers keep an article's address only as a checked one (`web_address`), `add` fetches only what
`is_web_address` accepts, and the pages link only to addresses `is_safe_url` accepts, written with
`escape_url`.
"""
from __future__ import annotations

import re
import string
from urllib.parse import urlsplit

SAFE_URL_SCHEMES = ("http", "https", "mailto")
# Characters a URL keeps as they are: RFC 3986's unreserved and reserved characters, less the
# ones Markdown or its extensions read inside a line (`*`, `(`, `)`, `[`, `]`, `'`) and the ones a
# URL never holds unencoded (`|`, `{`, `}`, `<`, `>`, `"`, `\`, `` ` ``, spaces, non-ASCII).
_URL_SAFE = frozenset(string.ascii_letters + string.digits + "-._~:/?#@!$&+,;=%")
_HOST = re.compile(r"^(?:[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def is_safe_url(url: str) -> bool:
    """Only web and mail links survive; `javascript:`, `data:` and relative paths do not."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    if parts.scheme.lower() not in SAFE_URL_SCHEMES:
        return False
    return parts.scheme.lower() == "mailto" or bool(parts.netloc)


def escape_url(url: str) -> str:
    """`url` with every character that Markdown, a table (`|`) or an attribute list (`{...}`)
    could read percent-encoded (UTF-8 for non-ASCII), so it reads as one link destination wherever
    it is put. A bracketed IPv6 host keeps its brackets."""
    url = url.strip()
    scheme, separator, rest = url.partition("://")
    prefix = ""
    if separator and scheme.isalpha():
        host_end = min([i for i in (rest.find(c) for c in "/?#") if i >= 0], default=len(rest))
        if _HOST.match(rest[:host_end]):
            prefix, url = f"{scheme}://{rest[:host_end]}", rest[host_end:]
    return prefix + "".join(
        c if c in _URL_SAFE else "".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass")) for c in url
    )


def web_address(url: str | None) -> str | None:
    """`url` as a checked web address (http or https, a plain host name, no user name or
    password), percent-encoded as `escape_url` does; None when it is not one."""
    if not url:
        return None
    url = _CONTROL.sub("", url).strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not _HOST.match(parts.netloc):
        return None
    return escape_url(url)


def is_web_address(url: str | None) -> bool:
    """An absolute http or https address with a plain host, and no white space or control
    characters: one that `add` may fetch as it is."""
    if not url or any(c.isspace() or _CONTROL.match(c) for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:  # a malformed port or IPv6 address
        return False
    return parts.scheme.lower() in ("http", "https") and bool(_HOST.match(parts.netloc))
