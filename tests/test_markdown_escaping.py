"""Article text through `escape_text` / `paragraph_to_markdown` (Markdown) and `escape_html` /
`paragraph_to_html` (the HTML blocks of a page) must render as exactly that text.

Every check renders the produced Markdown with Python-Markdown and the extensions of mkdocs.yml
(admonition, attr_list, tables, toc) and compares the visible text with the input, and the elements
and attributes with the few the renderer itself may add.
"""
from __future__ import annotations

import urllib.parse

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefing_gen.addresses import is_safe_url, web_address
from briefing_gen.model import Link, Paragraph
from briefing_gen.site.escaping import escape_html, escape_text, link, paragraph_to_html, paragraph_to_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror=alert(1)>",
    "*emph*",
    "**strong**",
    "_x_",
    "__x__",
    "`code`",
    "``double``",
    "```",
    "[a](javascript:alert(1))",
    "[a](https://example.org/x)",
    "![img](https://example.org/i.png)",
    "<https://example.org/autolink>",
    "[ref]: https://example.org/ref",
    "[^1]",
    "text {: onclick=x}",
    "text {: #id .cls onclick=\"x\" }",
    "Para {#id .cls}",
    "{{ jinja }} {% raw %}",
    "1. first",
    "1) first",
    "2024. A year to remember",
    "- dash",
    "+ plus",
    "* star",
    "# hash",
    "###### six",
    "> quote",
    ">> deeper",
    "---",
    "***",
    "___",
    "|a|b|",
    "a | b | c",
    "a & b &amp; c &lt; &#60;script&#62;",
    "<!-- comment -->",
    "<div markdown=1>*x*</div>",
    "back\\slash \\*not\\* 1986\\. A",
    "trailing backslash\\",
    "    indented code",
    "Text\n===",
    "Text\n---",
    ":   definition",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<svg onload=alert(1)>",
    "Quotes “curly” and 'straight' and \"double\"",
    "Ünïcödé — text … with € and ©",
]
FORBIDDEN_TAGS = {"script", "img", "svg", "a", "div", "em", "strong", "code", "pre", "ol", "ul", "li", "h1", "h2",
                  "h3", "h4", "h5", "h6", "blockquote", "hr", "table", "sup", "iframe", "dl"}


def folded(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_paragraph_renders_as_its_text(render, text):
    markdown = paragraph_to_markdown(Paragraph(text=text))
    assert "\n" not in markdown
    rendered = render(markdown)
    assert folded(rendered.text) == folded(text)
    assert rendered.tags == ["p"]
    assert rendered.attributes == []


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_text_inline_renders_as_its_text(render, text):
    rendered = render(f"Before {escape_text(text)} after.")
    assert folded(rendered.text) == folded(f"Before {text} after.")
    assert rendered.tags == ["p"]
    assert rendered.attributes == []


@pytest.mark.parametrize("text", ["> quote", ">> deeper", "<b>bold</b> text", "*not* a list", "plain text"])
def test_escape_text_at_line_start_renders_as_its_text(render, text):
    rendered = render(escape_text(text))
    assert folded(rendered.text) == folded(text)
    assert rendered.tags == ["p"]


@pytest.mark.parametrize("text", ["1. first", "- dash", "+ plus", "#hashtag rally", "# hash"])
def test_escape_text_block_start_renders_as_its_text(render, text):
    rendered = render(escape_text(text))
    assert folded(rendered.text) == folded(text)
    assert rendered.tags == ["p"]


@pytest.mark.parametrize("text", ['!!! warning "Read this"', "!!!Breaking news"])
def test_paragraph_starting_with_admonition_marker(render, text):
    rendered = render(paragraph_to_markdown(Paragraph(text=text)))
    assert folded(rendered.text) == folded(text)
    assert rendered.tags == ["p"]
    assert rendered.attributes == []


@pytest.mark.parametrize(
    "kind, wrapper",
    [("heading", ["h4"]), ("item", ["ul", "li"]), ("quote", ["blockquote", "p"]), ("paragraph", ["p"])],
)
@pytest.mark.parametrize("text", ["<script>x</script> *y* _z_ {: onclick=w} [a](javascript:b)", "1. # - > text"])
def test_block_kinds_render_their_text_only(render, kind, wrapper, text):
    rendered = render(paragraph_to_markdown(Paragraph(text=text, kind=kind)))
    # A heading reaches the table of contents, whose tooltips read text back as HTML: a `<` that
    # would open a tag shows as the fullwidth `＜` there.
    assert folded(rendered.text) == folded(text if kind != "heading" else text.replace("<s", "＜s").replace("</", "＜/"))
    assert rendered.tags == wrapper
    # toc gives a heading an id; nothing else may carry an attribute
    assert [name for name, _ in rendered.attributes] == (["id"] if kind == "heading" else [])


@pytest.mark.parametrize("kind", ["heading", "item", "quote", "paragraph"])
@pytest.mark.parametrize("attributes", ["{: onclick=alert(1)}", "{: #id .cls onclick=\"x\" }", "{#p-0}", "{ #c-0123456789 }"])
def test_attribute_list_at_block_end_stays_text(render, kind, attributes):
    text = f"Ends with an attribute list {attributes}"
    rendered = render(paragraph_to_markdown(Paragraph(text=text, kind=kind)))
    assert folded(rendered.text) == folded(text)
    names = [name for name, _ in rendered.attributes]
    assert names == (["id"] if kind == "heading" else [])


@pytest.mark.parametrize("attributes", ["{: onclick=alert(1)}", "{: .cls #id }", "{:onmouseover=x}"])
def test_attribute_list_right_after_a_link_stays_text(render, attributes):
    text = f"Read the report{attributes} now."
    paragraph = Paragraph(text=text, links=[Link(start=9, end=15, url="https://example.org/r")])
    rendered = render(paragraph_to_markdown(paragraph))
    assert folded(rendered.text) == text
    assert rendered.tags == ["p", "a"]
    assert rendered.attributes == [("href", "https://example.org/r")]


def test_heading_ending_with_hash(render):
    rendered = render(paragraph_to_markdown(Paragraph(text="Why the Navy Still Writes C#", kind="heading")))
    assert folded(rendered.text) == "Why the Navy Still Writes C#"


def test_safe_link_is_kept(render):
    text = "See the harbour report for details."
    paragraph = Paragraph(text=text, links=[Link(start=8, end=22, url="https://example.org/report?a=1&b=2")])
    markdown = paragraph_to_markdown(paragraph)
    rendered = render(markdown)
    assert folded(rendered.text) == text
    assert rendered.tags == ["p", "a"]
    assert rendered.elements[1][1] == [("href", "https://example.org/report?a=1&b=2")]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "/relative/path",
        "../up",
        "//evil.example/x",
        "https:no-host",
        "#",
        "",
    ],
)
def test_unsafe_link_schemes_dropped(render, url):
    assert not is_safe_url(url)
    paragraph = Paragraph(text="Click here now.", links=[Link(start=6, end=10, url=url)])
    markdown = paragraph_to_markdown(paragraph)
    rendered = render(markdown)
    assert folded(rendered.text) == "Click here now."
    assert rendered.tags == ["p"]
    assert rendered.attributes == []
    assert "script" not in markdown.lower()


@pytest.mark.parametrize("url", ["https://example.org/x", "http://example.org/", "mailto:desk@example.org", "HTTPS://EXAMPLE.ORG/X"])
def test_safe_schemes(url):
    assert is_safe_url(url)


@pytest.mark.parametrize(
    "url",
    [
        'https://example.org/a" onclick="alert(1)',
        "https://example.org/a) [b](javascript:alert(1)",
        "https://example.org/a b <script>",
        "https://example.org/wiki/Foo_(bar)",
        "https://example.org/`code`",
        "https://example.org/x\nnext line",
    ],
)
def test_link_url_cannot_break_out(render, url):
    paragraph = Paragraph(text="Read the report today.", links=[Link(start=9, end=15, url=url)])
    rendered = render(paragraph_to_markdown(paragraph))
    assert folded(rendered.text) == "Read the report today."
    assert rendered.tags == ["p", "a"]
    (attributes,) = [attrs for tag, attrs in rendered.elements if tag == "a"]
    assert [name for name, _ in attributes] == ["href"]
    href = attributes[0][1]
    assert urllib.parse.unquote(href).replace("\n", "") == url.strip().replace("\n", "")
    assert not any(c in href for c in ' "<>`\n')


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a|*x*{:onclick=alert(1)}",
        "https://example.org/a | b | *x*{: onclick=alert(1) }",
        "https://example.org/a?q=1&r=_y_#{ .x onmouseover=alert(1) }",
        "https://example.org/ünïcode path/{x}",
    ],
)
def test_address_in_a_table_cell_is_one_link(render, url):
    """The Source box of a briefing shows the article's address in a table cell: a `|` there must
    not start a new cell, nor `*x*{:onclick=...}` make an element with an event handler."""
    from briefing_gen.site.pages import html_link

    rendered = render(f"<table>\n<tbody>\n<tr><th>Address<td>{html_link(url)}\n</tbody>\n</table>\n")
    assert [tag for tag in rendered.tags if tag in ("td", "a", "em", "strong")] == ["td", "a"]
    assert [name for name, _ in rendered.attributes] == ["href"]
    href = rendered.attributes[0][1]
    assert urllib.parse.unquote(href) == url
    assert not any(c in href for c in "|*{} <>\"'`")


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<script>", "ftp://example.org/x", "https://user:secret@example.org/", "//example.org/x",
     "https://exa mple.org/", "https:///path-only", "mailto:desk@example.org", ""],
)
def test_only_web_addresses_are_addresses(url):
    assert web_address(url) is None


def test_web_address_keeps_a_plain_address_and_encodes_the_rest():
    assert web_address(" https://Example.org:8080/a/b?x=1&y=2#part ") == "https://Example.org:8080/a/b?x=1&y=2#part"
    assert web_address("http://[2001:db8::1]/x y") == "http://[2001:db8::1]/x%20y"
    assert web_address("https://example.org/caf\u00e9") == "https://example.org/caf%C3%A9"


def test_link_text_is_escaped(render):
    markdown = link("*bold* <b>x</b> [y]", "https://example.org/")
    rendered = render(markdown)
    assert rendered.text == "*bold* <b>x</b> [y]"
    assert rendered.tags == ["p", "a"]


def test_link_after_exclamation_mark_stays_a_link(render):
    paragraph = Paragraph(text="Watch!the video", links=[Link(start=6, end=15, url="https://example.org/v")])
    rendered = render(paragraph_to_markdown(paragraph))
    assert folded(rendered.text) == "Watch!the video"
    assert rendered.tags == ["p", "a"]


def test_overlapping_and_out_of_range_links_do_not_corrupt_text(render):
    text = "Alpha beta gamma."
    links = [Link(0, 5, "https://example.org/1"), Link(3, 10, "https://example.org/2"), Link(12, 99, "https://example.org/3")]
    rendered = render(paragraph_to_markdown(Paragraph(text=text, links=links)))
    assert folded(rendered.text) == text
    assert rendered.tags == ["p", "a"]


def test_briefing_page_summary_renders_as_text(render):
    import frontmatter

    from briefing_gen.model import Article, Briefing
    from briefing_gen.site.pages import Collection, briefing_page

    summary = ["#MeToo marchers filled the square.", "1. Not a list.", "- Not an item either."]
    article = Article(source="a.txt", title="Title", paragraphs=[Paragraph(text="Body.")])
    briefing = Briefing(article=article, slug="title", summary=summary)
    collection = Collection()
    collection.add(briefing)
    collection.assign_actor_slugs()
    content = frontmatter.loads(briefing_page(briefing, collection)).content
    section = content.split("## Summary", 1)[1].split('<div class="admonition info">', 1)[0]
    rendered = render(section)
    assert rendered.tags == ["p"]
    assert folded(rendered.text) == folded(" ".join(summary))


# Property: any text made of Markdown-significant pieces renders as itself -----------------------------

PIECES = st.sampled_from(
    ["a", "word", "1.", "1)", "-", "+", "#", ">", "<", "&", "*", "_", "`", "[", "]", "(", ")", "!", "{", ":", "}",
     "|", "\\", "=", "~", "'", '"', "!!!", "http://x.y", "<b>", "&amp;", "&#60;", "$", "%", "^", "@", "/", "...", "{:", "-->"]
)
SEPARATORS = st.sampled_from(["", " ", "  ", "\n", "\t"])


@st.composite
def hostile_text(draw):
    parts = draw(st.lists(st.tuples(PIECES, SEPARATORS), min_size=1, max_size=10))
    return "".join(piece + separator for piece, separator in parts)


@settings(max_examples=400, derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text())
def test_property_paragraph_renders_as_its_text(render, text):
    assume(text.strip())
    rendered = render(paragraph_to_markdown(Paragraph(text=text)))
    assert folded(rendered.text) == folded(text)
    assert rendered.tags == ["p"]
    assert rendered.attributes == []


@st.composite
def linked_text(draw):
    """Hostile text (white space folded) with one safe link somewhere in it."""
    text = folded(draw(hostile_text()))
    assume(len(text) >= 2)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    assume(text[start:end].strip())
    url = draw(st.sampled_from(["https://example.org/x", "https://example.org/a(b)c", 'https://e.org/"q" x', "mailto:a@b.c"]))
    return text, Link(start, end, url)


@settings(max_examples=300, derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(linked=linked_text())
def test_property_links_render_as_links(render, linked):
    text, span = linked
    rendered = render(paragraph_to_markdown(Paragraph(text=text, links=[span])))
    assert folded(rendered.text) == text
    assert rendered.tags == ["p", "a"]
    assert [name for name, _ in rendered.attributes] == ["href"]


# HTML blocks ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_paragraph_as_html_block_renders_as_its_text(render, text):
    block = paragraph_to_html(Paragraph(text=text), "p-3")
    assert "\n" not in block
    rendered = render(f"Before.\n\n{block}\n\nAfter.")
    assert folded(rendered.text) == folded(f"Before. {text} After.")
    assert rendered.tags == ["p", "p", "p"]
    assert rendered.attributes == [("id", "p-3")]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_stays_text_in_an_element_and_in_an_attribute(render, text):
    rendered = render(f'<table>\n<tr><td title="{escape_html(text)}">{escape_html(text)}</td></tr>\n</table>')
    assert folded(rendered.text) == folded(text)
    assert rendered.tags == ["table", "tr", "td"]
    assert [(name, folded(value)) for name, value in rendered.attributes] == [("title", folded(text))]


@pytest.mark.parametrize("kind, tags", [("item", ["p"]), ("quote", ["blockquote", "p"]), ("text", ["p"])])
def test_html_block_kinds(render, kind, tags):
    rendered = render(paragraph_to_html(Paragraph(text="<b>Grain</b> & *oil*", kind=kind), "p-0"))
    assert rendered.tags == tags and ("id", "p-0") in rendered.attributes
    assert folded(rendered.text) == ("• " if kind == "item" else "") + "<b>Grain</b> & *oil*"


def test_html_block_keeps_safe_links_only(render):
    text = "See the report and the script here."
    links = [Link(8, 14, 'https://example.org/r?a=1&b="2"'), Link(27, 33, "javascript:alert(1)"), Link(10, 16, "https://example.org/overlap")]
    rendered = render(paragraph_to_html(Paragraph(text=text, links=links), "p-1"))
    assert folded(rendered.text) == text
    assert rendered.tags == ["p", "a"]
    assert rendered.attributes == [("id", "p-1"), ("href", 'https://example.org/r?a=1&b="2"')]


@settings(max_examples=300, derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(linked=linked_text())
def test_property_html_block_renders_as_its_text_and_links(render, linked):
    text, span = linked
    rendered = render(paragraph_to_html(Paragraph(text=text, links=[span]), "p-0"))
    assert folded(rendered.text) == text
    assert rendered.tags == ["p", "a"]
    assert [name for name, _ in rendered.attributes] == ["id", "href"]
