"""Turning untrusted article text into Markdown that renders as exactly that text.

Everything from an article goes through `escape_text` before it reaches a page: Markdown syntax,
raw HTML, attribute lists (`{: onclick=...}`) and template-like braces all come out as inert text.
Text put into the HTML blocks of a page (`briefing_gen.site.urls` says why there are some) goes
through `escape_html` instead. Links are kept only when the reader recorded them as links and
their scheme is safe.
"""
from __future__ import annotations

import html
import json
import re

from briefing_gen.addresses import escape_url, is_safe_url
from briefing_gen.model import Paragraph

# Characters that are Markdown syntax anywhere in a line and that Python-Markdown accepts a
# backslash escape for (`|` with the tables extension). `<` and `&` become entities instead, because
# a backslash does not stop raw HTML or entities. `(`, `)`, `!` and `#` only matter next to `[`, at
# a line start or at a line end, which are handled.
_INLINE_SYNTAX = re.compile(r"([\\`*_{}\[\]|])")
# Line starts that would turn a paragraph into a list, heading, rule or admonition (`!!!`); up to
# three spaces may come first. And a line end that a heading would drop (its closing `#`s) or that
# would make a link right after it an image (`!`).
_BLOCK_START = re.compile(r"^( {0,3})(?:(\d+)([.)])|([-+#!]))")
_LINE_END = re.compile(r"([!#])( *)$")
# Control characters other than white space: never visible, and Python-Markdown uses STX/ETX
# (`\x02...\x03`) to mark its own placeholders, which text must not be able to forge.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_WHITE_SPACE = re.compile(r"\s+")
# A `<` that an HTML parser would read as the start of a tag, comment or declaration, and an `&`
# that it would read as the start of a character reference.
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_REFERENCE_START = re.compile(r"&(?=[A-Za-z#])")
# In JSON put into a <script> element: what could end the element or open a comment (`</script>`,
# `<!--`), what HTML would read as a reference, the line separators old JavaScript parsers reject,
# and lone surrogates (not encodable as UTF-8). JSON syntax uses none of them, so each is inside a
# string, where `\uXXXX` reads back as the same character.
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")



def escape_text(text: str) -> str:
    """Escape `text` so Markdown renders it verbatim, wherever on a line it is put.

    White space runs become one space and invisible control characters are dropped. The result is
    safe at a line start (`1.`, `-`, `#`, `!!!` stay text), at a line end (a heading keeps its
    closing `#`), before a link (a `!` does not make it an image), in a table cell and in link text.
    """
    text = _CONTROL.sub("", _WHITE_SPACE.sub(" ", text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _LINE_END.sub(r"\\\1\2", _INLINE_SYNTAX.sub(r"\\\1", text), count=1)
    return escape_block_start(text)


def escape_block_start(markdown: str) -> str:
    """Escape a leading `1.`, `-`, `+`, `#` or `!` so a line stays a plain paragraph."""
    match = _BLOCK_START.match(markdown)
    if match is None:
        return markdown
    indent = match.group(1)
    if match.group(2):
        return f"{indent}{match.group(2)}\\{match.group(3)}{markdown[match.end():]}"
    return f"{indent}\\{markdown[len(indent):]}"


def inert_label(text: str) -> str:
    """`text` that stays text even when read as HTML twice over.

    The theme re-reads some text and inserts it into the page as HTML: with `content.tooltips`, a
    truncated title, table-of-contents entry or tag (`.md-ellipsis`) gets a tooltip made from its
    visible text, and so does any `title` attribute. A `<` that would open a tag becomes `＜`
    (U+FF1C) and an `&` that would start a character reference becomes `＆` (U+FF06), so the text
    reads the same and no second reading can make markup or a script of it. Used for titles,
    headings, names and tags: whatever can reach the navigation, the table of contents or a tooltip.
    """
    return _REFERENCE_START.sub("\uff06", _TAG_START.sub("\uff1c", text))


def escape_html(text: str) -> str:
    """Text for an HTML block of a page: on one line, without control characters, with `<`, `>`,
    `&` and `"` as entities (so it is inert in an element and in a double-quoted attribute value;
    the blocks quote every attribute so). Python-Markdown leaves HTML blocks as they are, so no
    Markdown escape is needed, nor wanted."""
    return html.escape(_CONTROL.sub("", _WHITE_SPACE.sub(" ", text)), quote=False).replace('"', "&quot;")


def linked_segments(paragraph: Paragraph) -> list[tuple[str, str | None]]:
    """The paragraph's text cut at its links, as (text, URL) with None outside links. A link that
    overlaps an earlier one or runs past the text is left out: its words stay, as text."""
    segments: list[tuple[str, str | None]] = []
    position = 0
    for span in sorted(paragraph.links, key=lambda span: span.start):
        if span.start < position or span.end > len(paragraph.text) or span.start >= span.end:
            continue
        segments.append((paragraph.text[position:span.start], None))
        segments.append((paragraph.text[span.start:span.end], span.url))
        position = span.end
    segments.append((paragraph.text[position:], None))
    return segments


def paragraph_to_html(paragraph: Paragraph, anchor: str) -> str:
    """A body paragraph as one line of HTML with the id `anchor`: text and safe links. Headings
    are not written this way: they stay Markdown, so they reach the page's table of contents."""
    pieces = []
    for text, url in linked_segments(paragraph):
        if url is not None and is_safe_url(url):
            pieces.append(f'<a href="{escape_html(url.strip())}">{escape_html(text)}</a>')
        else:
            pieces.append(escape_html(text))
    body = "".join(pieces).strip()
    if paragraph.kind == "quote":
        return f'<blockquote id="{anchor}"><p>{body}</p></blockquote>'
    if paragraph.kind == "item":
        return f'<p id="{anchor}">• {body}</p>'
    return f'<p id="{anchor}">{body}</p>'


def link(text: str, url: str) -> str:
    if not is_safe_url(url):
        return escape_text(text)
    return f"[{escape_text(text)}]({escape_url(url)})"


def paragraph_to_markdown(paragraph: Paragraph) -> str:
    """Render one body paragraph as a single Markdown line (block prefix, escaped text, links)."""
    label = inert_label if paragraph.kind == "heading" else str  # headings reach the table of contents
    pieces = [escape_text(label(text)) if url is None else link(label(text), url) for text, url in linked_segments(paragraph)]
    body = escape_block_start("".join(pieces).strip())
    prefix = {"heading": "#### ", "item": "- ", "quote": "> "}.get(paragraph.kind, "")
    return prefix + body


def json_for_script(value) -> str:
    """`value` as JSON on one line to put between `<script type="application/ld+json">` and
    `</script>`: no text in it can close the element or start a comment, whatever it holds."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _SCRIPT_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
