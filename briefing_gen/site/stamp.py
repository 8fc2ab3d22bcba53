"""Telling a generated page from one edited by hand: a hash of the generated text in its front matter.

Every page the generator writes carries `generated_hash: <hex>` as the last line of its front
matter: the hash of the whole page without that line. A page whose text no longer matches its own
hash was changed after it was generated, so the build must not overwrite it without a backup. The
check is done on the text itself (not on parsed YAML), so it catches any edit, even one that only
reformats the front matter.
"""
from __future__ import annotations

import enum
import hashlib
import re

HASH_KEY = "generated_hash"
_HASH_LINE = re.compile(rf"^{HASH_KEY}: ([0-9a-f]{{16}})\n", re.MULTILINE)


class PageState(enum.Enum):
    GENERATED = "generated"  # exactly what the generator wrote
    EDITED = "edited"  # carries a hash, but its text changed since
    UNSTAMPED = "unstamped"  # no hash: written by hand, or by a generator without stamps


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def stamp(page: str) -> str:
    """`page` (front matter first) with its hash added as the last front matter line."""
    end = _front_matter_end(page)
    if end is None:
        raise ValueError("a generated page must start with front matter")
    return f"{page[:end]}{HASH_KEY}: {text_hash(page)}\n{page[end:]}"


def page_state(text: str) -> PageState:
    end = _front_matter_end(text)
    if end is None:
        return PageState.UNSTAMPED
    match = _HASH_LINE.search(text, 0, end)
    if match is None:
        return PageState.UNSTAMPED
    unstamped = text[: match.start()] + text[match.end() :]
    return PageState.GENERATED if text_hash(unstamped) == match.group(1) else PageState.EDITED


def _front_matter_end(text: str) -> int | None:
    """The offset of the closing `---` line of the front matter, or None without front matter."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    if end == -1:
        end = text.find("\n---", 3)
        if end == -1 or end + 4 != len(text):
            return None
    return end + 1
