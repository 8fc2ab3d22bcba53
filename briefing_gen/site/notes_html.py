"""The editors' notes as they go into a briefing page: sanitised HTML, unless the site asks for raw.

Editors write Markdown (`notes/<slug>.md`: the body, and a one-paragraph note per verdict), and
Markdown lets them write any HTML: `<script>`, `onclick=`, `javascript:` links, attribute lists
(`{: onclick=... }`). By default (`notes_html: sanitised` in briefing-gen.yml) what they write is
published only after cleaning; `notes_html: raw` puts their Markdown into the page as written.

Design. Finding the raw HTML inside Markdown and cleaning only that would miss what Markdown itself
turns into markup (a `[link](javascript:...)`, an attribute list, a link title), so the whole
note is rendered first: Python-Markdown with the extensions of mkdocs.yml (and the ones MkDocs
always adds), then nh3 cleans the HTML to an allow-list (no script, style, iframe, form or
event-handler attributes; links and images only to http, https, mailto or relative addresses;
classes but not the theme's own `md-*` ones). What is left goes back into the page's Markdown:

- the body as HTML blocks, which MkDocs leaves as they are. Its top-level headings are taken
  out of the HTML and written as Markdown headings (plain text, with the editor's `{ #id .class }`
  if any), so they stay in the page's table of contents. MkDocs does not convert links inside
  HTML, so relative links (`../actors/egypt.md`) are converted here with `PageUrls`, the way MkDocs
  converts them in Markdown, for either `use_directory_urls`;
- a verdict note as one line of inline Markdown: its links become Markdown links again, because
  the same line is shown on the briefing, actor and claims pages, and MkDocs converts a relative
  link for each page it is on; everything else stays inline HTML.

Text and attribute values are written with their Markdown punctuation as character references, so
no part of the cleaned HTML can be read as Markdown again, whether MkDocs takes it as HTML or not.

The theme (`content.tooltips`) inserts the value of any `title` attribute into a tooltip as HTML,
and the text of truncated (`md-ellipsis`) navigation and table-of-contents entries too. So a title,
and a heading's text, keep no `<` that could open a tag and no `&` that could start a reference
(`briefing_gen.site.escaping.inert_label`), and `md-*` classes are dropped.
"""
from __future__ import annotations

import posixpath
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from briefing_gen.addresses import escape_url
from briefing_gen.site.escaping import escape_text, inert_label
from briefing_gen.site.urls import PageUrls
from briefing_gen.whitespace import fold_space

SANITISED, RAW = "sanitised", "raw"
NOTES_HTML_CHOICES = (SANITISED, RAW)
# mkdocs.yml's extensions when it cannot be read; MkDocs always adds tables and fenced_code.
DEFAULT_EXTENSIONS = ("admonition", "attr_list")
ALWAYS_EXTENSIONS = ("tables", "fenced_code")
URL_SCHEMES = {"http", "https", "mailto"}
BLOCK_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}
INLINE_TAGS = {"a", "abbr", "b", "br", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "u", "var"}
ATTRIBUTES = {
    "*": {"class", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style"},
    **{f"h{level}": {"id"} for level in range(1, 7)},
}
HEADINGS = {f"h{level}" for level in range(1, 7)}
VOID = {"br", "col", "hr", "img", "wbr"}
_ALIGN = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")
_NAME = re.compile(r"^[A-Za-z][\w-]*$")  # a class or id an editor may give (classes: not the theme's `md-*`)
# Markdown punctuation (and HTML's), written as a character reference wherever the text goes.
_KEEP = set(string.ascii_letters + string.digits + " .,:;/?=%+@-#!")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def inert(text: str) -> str:
    """`text` with every character Markdown or HTML could read as syntax as a character reference."""
    text = _CONTROL.sub("", text)
    return "".join(c if c in _KEEP or ord(c) > 127 or c in "\t\n" else f"&#{ord(c)};" for c in text)


def _class_names(value: str) -> str | None:
    names = [name for name in value.split() if _NAME.match(name) and not name.lower().startswith("md-")]
    return " ".join(names) or None


def _attribute(element: str, name: str, value: str) -> str | None:
    """nh3's attribute filter: values as the browser reads them (references decoded)."""
    if name == "title":
        return inert_label(value)
    if name == "class":
        return _class_names(value)
    if name == "id":
        return value if _NAME.match(value) else None
    if name == "style":
        match = _ALIGN.match(value)
        return f"text-align: {match.group(1)};" if match else None
    return value


# Reading mkdocs.yml's extensions --------------------------------------------------------------------


def markdown_extensions(config_file: Path | None) -> list[tuple[str, dict]]:
    """The `markdown_extensions` of mkdocs.yml as (name, options) (`briefing_gen.config`: no YAML tag
    is run; a tagged option is left out); without `toc`, whose ids and permalinks MkDocs adds itself."""
    from briefing_gen.config import SettingsError, Tagged, read_mkdocs_settings

    configured: list = list(DEFAULT_EXTENSIONS)
    if config_file is not None and config_file.is_file():
        try:
            configured = [{name: options} for name, options in read_mkdocs_settings(config_file).markdown_extensions]
        except SettingsError:
            pass
    extensions: dict[str, dict] = {name: {} for name in ALWAYS_EXTENSIONS}
    for item in configured if isinstance(configured, list) else []:
        if isinstance(item, str):
            extensions[item] = {}
        elif isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
            if isinstance(name, str):
                options = options if isinstance(options, dict) else {}
                extensions[name] = {key: value for key, value in options.items() if value is not None and not isinstance(value, Tagged)}
    extensions.pop("toc", None)
    return list(extensions.items())


def _markdown(extensions: list[tuple[str, dict]]):
    """A Python-Markdown renderer with those of `extensions` that load (MkDocs reports the others)."""
    import markdown

    usable: list[tuple[str, dict]] = []
    for name, options in extensions:
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: options})
        except Exception:  # not installed, or options it does not accept  # noqa: BLE001
            continue
        usable.append((name, options))
    return markdown.Markdown(extensions=[name for name, _ in usable], extension_configs=dict(usable))


# The renderer ---------------------------------------------------------------------------------------


@dataclass
class NotesHtml:
    """How editors' Markdown goes into the pages: `mode` is `sanitised` (the default) or `raw`."""

    mode: str = SANITISED
    extensions: list[tuple[str, dict]] = field(default_factory=lambda: markdown_extensions(None))

    def __post_init__(self) -> None:
        self._renderer = None

    def _html(self, markdown_text: str) -> str:
        if self._renderer is None:
            self._renderer = _markdown(self.extensions)
        self._renderer.reset()
        return self._renderer.convert(markdown_text)

    def body(self, markdown_text: str, page: str, urls: PageUrls) -> str:
        """The notes body (headings already nested, `briefing_gen.editorial.notes.nest_in_section`) for the
        page built from `page` (such as `briefings/harbour.md`)."""
        if self.mode == RAW or not markdown_text.strip():
            return markdown_text
        import nh3

        def relative(url: str) -> str | None:
            return site_link(url, page, urls)

        cleaned = nh3.clean(
            self._html(markdown_text), tags=BLOCK_TAGS, attributes=ATTRIBUTES, attribute_filter=_attribute,
            url_schemes=URL_SCHEMES, link_rel=None, url_relative=relative,
        )
        writer = _BodyWriter()
        writer.feed(cleaned)
        writer.close()
        return writer.markdown()

    def verdict(self, note: str) -> str:
        """A one-paragraph verdict note as one line of inline Markdown."""
        if self.mode == RAW or not note.strip():
            return note
        import nh3

        inline_attributes = {tag: names for tag, names in ATTRIBUTES.items() if tag in INLINE_TAGS or tag == "*"}
        cleaned = nh3.clean(
            self._html(note), tags=INLINE_TAGS, attributes=inline_attributes, attribute_filter=_attribute,
            url_schemes=URL_SCHEMES, link_rel=None,
        )
        writer = _InlineWriter()
        writer.feed(cleaned)
        writer.close()
        return fold_space("".join(writer.out))


@lru_cache(maxsize=1)
def default_notes_html() -> NotesHtml:
    """Sanitised, with the extensions of the example mkdocs.yml: for pages rendered without a site."""
    return NotesHtml()


def notes_html(config_file: Path, mode: str = SANITISED) -> NotesHtml:
    """The renderer for the site of `config_file` (mkdocs.yml)."""
    return NotesHtml(mode=mode, extensions=markdown_extensions(config_file))


def site_link(url: str, page: str, urls: PageUrls) -> str | None:
    """A relative link of the page built from `page`, as MkDocs would write it in the built site
    (`../actors/egypt.md` becomes `../../actors/egypt/`); others are left as they are."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/") or parts.path.endswith("/"):
        return url
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
    if target.startswith("../") or target == "..":
        return url  # outside docs/: MkDocs leaves it as written, and so does this
    link = urls.href(page, target)
    if parts.query:
        link += f"?{parts.query}"
    return f"{link}#{parts.fragment}" if parts.fragment else link


# Writing the cleaned HTML back into Markdown --------------------------------------------------------


def _start_tag(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    return "<" + tag + "".join(f' {name}="{inert(value or "")}"' for name, value in attrs) + ">"


class _BodyWriter(HTMLParser):
    """Cleaned HTML as HTML blocks (one per run of content) and Markdown headings between them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []  # finished blocks and headings
        self.block: list[str] = []
        self.depth = 0
        self.pre = 0
        self.heading: dict | None = None

    def handle_starttag(self, tag, attrs):
        if self.heading is not None:
            return  # a heading's text only: its markup stays out of the table of contents
        if self.depth == 0 and tag in HEADINGS:
            self.heading = {"level": int(tag[1]), "attrs": dict(attrs), "text": []}
            return
        self.block.append(_start_tag(tag, attrs))
        if tag not in VOID:
            self.depth += 1
            self.pre += tag == "pre"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.heading is not None:
            if tag in HEADINGS:
                self._end_heading()
            return
        if tag in VOID:
            return
        self.block.append(f"</{tag}>")
        self.depth -= 1
        self.pre -= tag == "pre"

    def handle_data(self, data):
        if self.heading is not None:
            self.heading["text"].append(data)
        elif self.pre:
            self.block.append(inert(data).replace("\n", "&#10;"))  # no blank line ends the block
        else:
            self.block.append(inert(re.sub(r"\s*\n\s*", "\n", data)))

    def _end_block(self) -> None:
        content = re.sub(r"\n\s*\n", "\n", "".join(self.block)).strip()
        if content:
            self.parts.append(f'<div class="bg-notes">\n{content}\n</div>')
        self.block = []

    def _end_heading(self) -> None:
        self._end_block()
        heading, self.heading = self.heading, None
        text = escape_text(inert_label(fold_space("".join(heading["text"])))) or "&nbsp;"
        marks = [f"#{heading['attrs']['id']}"] if heading["attrs"].get("id") else []
        marks += [f".{name}" for name in (heading["attrs"].get("class") or "").split()]
        suffix = f" {{ {' '.join(marks)} }}" if marks else ""
        self.parts.append(f"{'#' * heading['level']} {text}{suffix}")

    def markdown(self) -> str:
        if self.heading is not None:
            self._end_heading()
        self._end_block()
        return "\n\n".join(self.parts)


class _InlineWriter(HTMLParser):
    """Cleaned inline HTML as inline Markdown: links as Markdown links, the rest as HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.links: list[str] = []  # how each open <a> ends: `](destination "title")`, or nothing

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            self.out.append(_start_tag(tag, attrs))
            return
        values = dict(attrs)
        if not values.get("href"):
            self.links.append("")  # a link without an address (a scheme nh3 refused): its text only
            return
        title = f' "{inert(values["title"])}"' if values.get("title") else ""
        self.links.append(f"]({escape_url(values['href'])}{title})")
        self.out.append("[")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "a":
            if self.links:
                self.out.append(self.links.pop())
        elif tag not in VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(inert(data))

