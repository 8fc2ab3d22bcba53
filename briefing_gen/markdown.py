"""Turning untrusted article text into Markdown that renders as exactly that text.

Everything from an article goes through `escape_text` before it reaches a page: Markdown syntax,
raw HTML, attribute lists (`{: onclick=...}`) and template-like braces all come out as inert text.
Links are kept only when the reader recorded them as links and their scheme is safe.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from briefing_gen.model import Paragraph

# Characters that are Markdown syntax anywhere in a line and that Python-Markdown accepts a
# backslash escape for (`|` with the tables extension). `<` and `&` become entities instead, because
# a backslash does not stop raw HTML or entities. `(`, `)`, `!` and `#` only matter next to `[` or
# at a line start, which are handled.
_INLINE_SYNTAX = re.compile(r"([\\`*_{}\[\]|])")
# Line starts that would turn a paragraph into a list, heading or quote.
_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+#])")
SAFE_URL_SCHEMES = ("http", "https", "mailto")


def escape_text(text: str) -> str:
    """Escape `text` so Markdown renders it verbatim; white space runs become one space."""
    text = re.sub(r"\s+", " ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _INLINE_SYNTAX.sub(r"\\\1", text)


def escape_block_start(markdown: str) -> str:
    """Escape a leading `1.`, `-`, `+` or `#` so a line stays a plain paragraph."""
    match = _BLOCK_START.match(markdown)
    if match is None:
        return markdown
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}{markdown[match.end():]}"
    return "\\" + markdown


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
    """Percent-encode the characters that could end a Markdown link destination early."""
    return "".join(f"%{ord(c):02X}" if c in " ()<>[]\"'\\`" or ord(c) < 32 else c for c in url.strip())


def link(text: str, url: str) -> str:
    if not is_safe_url(url):
        return escape_text(text)
    return f"[{escape_text(text)}]({escape_url(url)})"


def paragraph_to_markdown(paragraph: Paragraph) -> str:
    """Render one body paragraph as a single Markdown line (block prefix, escaped text, links)."""
    pieces: list[str] = []
    position = 0
    for span in sorted(paragraph.links, key=lambda span: span.start):
        if span.start < position or span.end > len(paragraph.text) or span.start >= span.end:
            continue
        pieces.append(escape_text(paragraph.text[position:span.start]))
        pieces.append(link(paragraph.text[span.start:span.end], span.url))
        position = span.end
    pieces.append(escape_text(paragraph.text[position:]))
    body = escape_block_start("".join(pieces).strip())
    prefix = {"heading": "#### ", "item": "- ", "quote": "> "}.get(paragraph.kind, "")
    return prefix + body
