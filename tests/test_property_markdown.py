"""Property: any text escaped by briefing_gen.site.escaping renders as exactly that text, and nothing else.

Arbitrary text (any Unicode, plus a generous helping of Markdown, HTML, attribute-list and template
syntax) goes through `escape_text` / `paragraph_to_markdown`, is put where the page templates put
article text (a paragraph, a line start, a heading, a table cell, link text, an admonition's list
item) and is rendered with Python-Markdown using exactly the `markdown_extensions` of mkdocs.yml.
The visible text must equal the input with white space folded (and invisible control characters
dropped), and the HTML may hold no element or attribute the input asked for: only the ones of the
context itself. Runs with a fixed seed and a bounded number of examples (see `SETTINGS`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefing_gen.model import Link, Paragraph
from briefing_gen.site.escaping import escape_text, inert_label, link, paragraph_to_markdown

MKDOCS_YML = Path(__file__).resolve().parents[1] / "mkdocs.yml"
SETTINGS = settings(max_examples=300, derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` or `!ENV` tags; they are read as None, never run."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@lru_cache(maxsize=1)
def mkdocs_extensions() -> tuple[list[str], dict]:
    config = yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    names, configs = [], {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, str):
            names.append(item)
        else:
            ((name, options),) = item.items()
            names.append(name)
            configs[name] = options or {}
    return names, configs


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._skip = 0  # inside toc's permalink anchor (its `¶` is the renderer's, not the input's)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if self._skip or (tag == "a" and "headerlink" in (attributes.get("class") or "")):
            self._skip += 1

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)

    def handle_comment(self, data):
        self.elements.append(("!--", {}))

    def handle_pi(self, data):
        self.elements.append(("?", {}))

    def unknown_decl(self, data):
        self.elements.append(("![", {}))


def render(markdown_text: str) -> _Collector:
    names, configs = mkdocs_extensions()
    html = markdown.markdown(markdown_text, extensions=names, extension_configs=configs)
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


def folded(text: str) -> str:
    return " ".join(_CONTROL.sub("", " ".join(text.split())).split())


def visible(collector: _Collector) -> str:
    return " ".join("".join(collector.text).split())


# Strategies ------------------------------------------------------------------------------------------

SYNTAX = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//evil.example>", "<svg onload=x>",
    "<div markdown=1>", "</div>", "<!--", "-->", "<![CDATA[", "<?php", "<a href=javascript:x>", "&lt;", "&amp;", "&#60;",
    "&#x3c;", "&nbsp;", "&", "<", ">", "[a](javascript:alert(1))", "![i](https://evil.example/i.png)", "[x]: http://e.x",
    "[^1]", "<https://evil.example>", "{: onclick=x}", "{ #id .c }", "{#p-0}", "{{ config }}", "{% include 'x' %}", "{#",
    "#}", "!!! note", "!!!", "???", "1.", "1)", "2024.", "-", "+", "*", "#", "######", ">", "---", "***", "___", "===",
    "|", "||", ":---:", "`", "```", "~~~", "\\", "_", "__", "**", "[", "]", "(", ")", "!", "![", ":", "    ", "\t", "\n",
    "\n\n", "  \n", "\r\n", "\x02wzxhzdk:0\x03", "\x02klzzwxh:0\x03", "\x00", "\u2028", "\u00a0", "\ufeff", "\u202e",
    "javascript:", "data:text/html,x", "http://e.x/a_b*c", "$x$", "@", "%", "^", "~", "=", "C#", "word", "Word", "x",
]
pieces = st.one_of(st.sampled_from(SYNTAX), st.text(max_size=4))
hostile_text = st.lists(pieces, min_size=1, max_size=14).map("".join)
any_text = st.one_of(hostile_text, st.text(min_size=1, max_size=40))


# Properties ------------------------------------------------------------------------------------------


@SETTINGS
@given(text=any_text)
def test_paragraph_renders_as_its_text(text):
    expected = folded(text)
    assume(expected)
    result = render(paragraph_to_markdown(Paragraph(text=text)))
    assert visible(result) == expected
    assert result.elements == [("p", {})]


@SETTINGS
@given(text=any_text, kind=st.sampled_from(["heading", "item", "quote"]))
def test_block_kinds_render_their_text_only(text, kind):
    # A heading's text reaches the table of contents: a `<` or `&` that would open markup when the
    # theme reads it back as HTML shows as its fullwidth form (`inert_label`).
    expected = folded(inert_label(text) if kind == "heading" else text)
    assume(expected)
    result = render(paragraph_to_markdown(Paragraph(text=text, kind=kind)))
    assert visible(result) == expected
    tags = [tag for tag, _ in result.elements]
    if kind == "heading":
        assert tags[0] == "h4" and set(tags[1:]) <= {"a"}  # toc's permalink anchor
        assert set(result.elements[0][1]) <= {"id"}
        assert re.fullmatch(r"[\w-]*", result.elements[0][1].get("id", ""))
    else:
        assert tags == {"item": ["ul", "li"], "quote": ["blockquote", "p"]}[kind]
        assert all(not attributes for _, attributes in result.elements)


# Where the templates put an escaped value: the context, and the elements it makes by itself.
CONTEXTS = {
    "line start": ("{}", ["p"]),
    "mid line": ("Before {} after.", ["p"]),
    "heading": ("# {}", ["h1"]),
    "list item": ("- {}", ["ul", "li"]),
    "table cell": ("| a | b |\n|---|---|\n| {} | x |", ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]),
    "link text": ("[{}](../briefings/x.md)", ["p", "a"]),
    "admonition item": ('!!! abstract "Key points"\n\n    - {}', ["div", "p", "ul", "li"]),
    "emphasis": ("*No claims attributed to {}.*", ["p", "em"]),
}
CONTEXT_TEXT = {"line start": "", "mid line": "Before  after.", "heading": "", "list item": "", "table cell": "a b  x",
                "link text": "", "admonition item": "Key points", "emphasis": "No claims attributed to ."}


@SETTINGS
@given(text=any_text, context=st.sampled_from(sorted(CONTEXTS)))
def test_escaped_value_is_inert_in_every_template_context(text, context):
    expected = folded(text)
    assume(expected)
    template, context_tags = CONTEXTS[context]
    result = render(template.format(escape_text(text)))
    tags = [tag for tag, _ in result.elements if not (context == "heading" and tag == "a")]
    assert tags == context_tags
    for tag, attributes in result.elements:
        for name, value in attributes.items():
            assert name in {"id", "class", "href", "title"}, (tag, name)
            if name == "href":
                assert value == "../briefings/x.md" or value.startswith("#"), value
            if name == "class":
                assert value in {"admonition abstract", "admonition-title", "headerlink"}, value
    # The value's text is all there, in order, and nothing was added to it.
    shown = visible(result)
    if context in ("mid line", "table cell", "emphasis", "admonition item"):
        prefix, _, suffix = {"mid line": ("Before", "", "after."), "table cell": ("a b", "", "x"),
                             "emphasis": ("No claims attributed to", "", "."),
                             "admonition item": ("Key points", "", "")}[context]
        assert shown.startswith(prefix) and shown.endswith(suffix)
        shown = shown[len(prefix):len(shown) - len(suffix)]
    assert " ".join(shown.split()) == expected


@SETTINGS
@given(text=any_text, data=st.data())
def test_links_keep_their_text_and_only_a_safe_href(text, data):
    text = folded(text)
    assume(len(text) >= 2)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assume(text[start:end].strip())
    url = data.draw(st.sampled_from([
        "https://example.org/x", "https://example.org/a(b)c", 'https://e.org/"q" x', "mailto:a@b.c",
        "https://e.org/x) [y](javascript:alert(1)", "https://e.org/<script>", "javascript:alert(1)", "data:text/html,x",
    ]))
    result = render(paragraph_to_markdown(Paragraph(text=text, links=[Link(start, end, url)])))
    assert visible(result) == text
    tags = [tag for tag, _ in result.elements]
    assert tags in (["p", "a"], ["p"])
    for _tag, attributes in result.elements[1:]:
        assert list(attributes) == ["href"]
        assert attributes["href"].startswith(("https://", "mailto:"))
        assert not re.search(r"[\s\"'<>`]", attributes["href"])


@SETTINGS
@given(text=any_text, url=st.text(max_size=30))
def test_link_helper_never_makes_markup_from_its_arguments(text, url):
    expected = folded(text)
    assume(expected)
    result = render(link(text, url))
    assert visible(result) == expected
    for tag, attributes in result.elements:
        assert tag in {"p", "a"}
        if tag == "a":
            assert list(attributes) == ["href"] and attributes["href"].startswith(("http://", "https://", "mailto:"))


@pytest.mark.parametrize("text", ["!!! warning \"x\"", "1. x", "# x", "Learn C#", "Watch!", "\x02wzxhzdk:0\x03", "&amp;"])
def test_examples_the_properties_found(text):
    assert visible(render(paragraph_to_markdown(Paragraph(text=text)))) == folded(text)
