"""The HTML reader: the article and only the article, its structure and links, and its metadata.

Runs the real trafilatura on pages written for these tests (`tests/fixtures/html/` and inline).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from briefing_gen.readers import ArticleError, ReaderRegistry
from briefing_gen.readers.html import HtmlReader, looks_like_html, read_html, safe_url
from briefing_gen.site.escaping import paragraph_to_markdown

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"
NEWS_PAGE = FIXTURES / "harbour-news-page.html"

# Site furniture of the news page: none of it may reach the body.
FURNITURE = [
    "Subscribe today for unlimited access",
    "Weather in Marrowby Bay",
    "discount ferry tickets",
    "Marrowby Marine Insurance",
    "Share on Facebook",
    "Email this story",
    "Share this article",
    "Related stories",
    "Winter ferry timetable",
    "Fish prices at Marrowby market",
    "Comments (3)",
    "seadog77",
    "Finally some progress on this quay",
    "Nobody asked the people living on Harbour Street",
    "Post comment",
    "Luxury cabins",
    "Most read",
    "Storm closes coastal road",
    "morning newsletter",
    "All rights reserved",
    "Privacy policy",
    "Cookie settings",
]


def body_text(article) -> str:
    return "\n".join(p.text for p in article.paragraphs)


@pytest.fixture(scope="module")
def news():
    return ReaderRegistry().read(NEWS_PAGE)


def test_news_page_is_read_by_the_html_reader(news):
    assert news.layout == "html"


def test_news_page_body_has_the_whole_article(news):
    text = body_text(news)
    for sentence in [
        "The Marrowby port authority voted on Thursday to build a deep-water quay",
        "The board approved the plan by seven votes to two.",
        "a rail spur linking the quay to the inland freight terminal at Dunmore;",
        "We were promised a voice in this process",
        "A final environmental permit is still needed from the national coastal agency",
    ]:
        assert sentence in text


@pytest.mark.parametrize("furniture", FURNITURE)
def test_news_page_body_has_no_furniture(news, furniture):
    assert furniture.lower() not in body_text(news).lower()


def test_news_page_headline_and_byline_are_metadata_not_body(news):
    assert not any(p.text == news.title for p in news.paragraphs)
    assert not any(p.text.startswith("By Ines Varga") for p in news.paragraphs)


def test_news_page_structure(news):
    headings = [p.text for p in news.paragraphs if p.kind == "heading"]
    assert headings == ["What the plan includes", "Objections from the fishing fleet"]
    items = [p.text for p in news.paragraphs if p.kind == "item"]
    assert len(items) == 3 and items[0].startswith("a 400-metre quay wall")
    quotes = [p.text for p in news.paragraphs if p.kind == "quote"]
    assert quotes == ["We were promised a voice in this process, and in the end the board listened to the shipping lines and nobody else."]
    # the paragraphs stay apart, in order
    texts = [p.text for p in news.paragraphs]
    assert texts.index("The board approved the plan by seven votes to two. Chair Helga Brandt said the decision would double the freight capacity of the harbour by the end of the decade, and that construction could begin within eighteen months.") == 1


def test_news_page_links(news):
    links = {news_text(p, link): link.url for p in news.paragraphs for link in p.links}
    # a relative link is resolved against the page's canonical address
    assert links["double the freight capacity"] == "https://ledger.example/news/2029/05/02/freight-volumes-record"
    assert links["regional development fund"] == "https://gov.example/regional-fund"
    assert links["the consultation office"] == "mailto:consultation@port.example"
    item = next(p for p in news.paragraphs if p.kind == "item" and p.links)
    assert paragraph_to_markdown(item).startswith("- a new breakwater")
    assert "[regional development fund](https://gov.example/regional-fund)" in paragraph_to_markdown(item)


def news_text(paragraph, link) -> str:
    return paragraph.text[link.start:link.end]


def test_news_page_metadata_from_json_ld_and_meta_tags(news):
    assert news.title == "Port authority approves new northern quay after two-year review"
    assert news.authors == ["Ines Varga", "Tomas Reed"]
    assert news.published == "2031-03-14"
    assert news.publisher == "The Coastal Ledger"
    assert news.url == "https://ledger.example/news/2031/03/14/northern-quay-approved"
    assert news.description == "The Marrowby port authority voted to build a deep-water quay, ending a two-year review."
    assert news.tags == ["ports", "shipping", "Marrowby"]
    assert news.genre == "news"


PARAGRAPHS = "".join(
    f"<p>{sentence}</p>"
    for sentence in [
        "The regional council of Veldmark agreed on Tuesday to close the old ferry pier for repairs that will take most of the spring.",
        "Councillor Mara Osei said the pier had been patched for twenty years and that the time had come to rebuild it properly.",
        "Ferry passengers will use a temporary landing stage at the south beach, the council said in a statement after the vote.",
        "The repairs are expected to cost four million crowns, most of it from the council's own reserves rather than new borrowing.",
    ]
)


def page(head: str, body: str) -> str:
    return f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_metadata_from_meta_tags_without_json_ld():
    html = page(
        "<title>Old ferry pier to close for repairs - Veldmark Post</title>"
        "<meta property='og:title' content='Old ferry pier to close for repairs - Veldmark Post'>"
        "<meta property='og:site_name' content='Veldmark Post'>"
        "<meta name='author' content='Petra Lind'>"
        "<meta property='article:published_time' content='2030-04-02T07:00:00Z'>"
        "<meta property='article:section' content='Opinion'>"
        "<meta property='og:url' content='https://post.example/opinion/pier'>",
        "<nav><a href='/'>Home</a> <a href='/local'>Local</a></nav>"
        f"<article><h1>Old ferry pier to close for repairs</h1>{PARAGRAPHS}</article>",
    )
    article = read_html("pier.html", html)
    assert article.title == "Old ferry pier to close for repairs"
    assert article.authors == ["Petra Lind"]
    assert article.published == "2030-04-02"
    assert article.publisher == "Veldmark Post"
    assert article.url == "https://post.example/opinion/pier"
    assert article.genre == "analysis"  # an opinion section
    assert article.paragraphs[0].text.startswith("The regional council of Veldmark")


def test_site_name_is_stripped_from_a_title_without_h1():
    html = page(
        "<title>Veldmark Post | Old ferry pier to close for repairs</title><meta property='og:site_name' content='Veldmark Post'>",
        f"<article>{PARAGRAPHS}</article>",
    )
    assert read_html("pier.html", html).title == "Old ferry pier to close for repairs"


def test_source_url_recorded_by_add_is_the_url_without_canonical():
    html = page(
        "<meta name='briefing-gen:source-url' content='https://post.example/a?id=7'><title>Pier</title>",
        f"<article>{PARAGRAPHS}<p>More at <a href='/b'>the follow-up</a> today, the council said.</p></article>",
    )
    article = read_html("pier.html", html)
    assert article.url == "https://post.example/a?id=7"
    link = article.paragraphs[-1].links[0]
    assert link.url == "https://post.example/b"


def test_line_breaks_split_paragraphs_and_broken_sentences_are_joined():
    html = page(
        "<title>Pier</title>",
        "<div class='post'><p>"
        "The regional council of Veldmark agreed on Tuesday to close the old ferry pier for repairs.<br><br>"
        "Councillor Mara Osei said the pier had been patched for twenty years and that<br>"
        "the time had come to rebuild it properly, whatever the cost to the reserves.<br><br>"
        "Ferry passengers will use a temporary landing stage at the south beach from May onwards."
        "</p></div>",
    )
    texts = [p.text for p in read_html("pier.html", html).paragraphs]
    assert texts == [
        "The regional council of Veldmark agreed on Tuesday to close the old ferry pier for repairs.",
        "Councillor Mara Osei said the pier had been patched for twenty years and that the time had come to rebuild it properly, whatever the cost to the reserves.",
        "Ferry passengers will use a temporary landing stage at the south beach from May onwards.",
    ]


def test_a_short_page_still_has_its_text():
    html = page("<title>Brief</title>", "<article><p>The pier reopens on Monday, the council said.</p></article>")
    article = read_html("brief.html", html)
    assert [p.text for p in article.paragraphs] == ["The pier reopens on Monday, the council said."]


def test_unsafe_and_placeholder_links_are_dropped():
    assert safe_url("javascript:alert(1)", "https://a.example/") is None
    assert safe_url("#comments", "https://a.example/") is None
    assert safe_url("/x", None) is None  # relative, and no page address to resolve it against
    assert safe_url("data:text/html,hi", None) is None
    assert safe_url("//cdn.example/x", "https://a.example/p") == "https://cdn.example/x"
    assert safe_url("MAILTO:desk@a.example", None) == "MAILTO:desk@a.example"


def test_table_rows_become_paragraphs():
    html = page(
        "<title>Votes</title>",
        f"<article>{PARAGRAPHS}<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Harbour League</td><td>12</td></tr></table></article>",
    )
    texts = [p.text for p in read_html("votes.html", html).paragraphs]
    assert "Party | Seats" in texts and "Harbour League | 12" in texts


def test_html_saved_as_txt_is_sniffed(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text(NEWS_PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    article = ReaderRegistry().read(path)
    assert article.layout == "html"
    assert article.title == "Port authority approves new northern quay after two-year review"


def test_plain_text_mentioning_html_is_not_sniffed(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Why <html> tags matter\n\nA short essay about the <html> element and its history.\n", encoding="utf-8")
    assert ReaderRegistry().read(path).layout == "plain-text"


def test_sniff():
    assert looks_like_html("<!DOCTYPE html><html>")
    assert looks_like_html("\ufeff  <!-- saved from url=(0031)https://a.example/ -->\n<html lang='en'>")
    assert looks_like_html("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>")
    assert not looks_like_html("# A Markdown title\n\n<p>inline html</p>")
    assert ".htm" in HtmlReader.extensions


def test_page_with_only_furniture_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(page("<title>Nothing</title>", "<nav><a href='/'>Home</a></nav><footer>© 2030</footer>"), encoding="utf-8")
    with pytest.raises(ArticleError) as error:
        ReaderRegistry().read(path)
    assert "\n" not in str(error.value)


def test_declared_windows_1252_page(tmp_path):
    html = page(
        "<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'><title>Caf\u00e9 talks</title>",
        "<article>" + PARAGRAPHS + "<p>The caf\u00e9 owner called it \u201ca na\u00efve plan\u201d \u2013 and said so twice.</p></article>",
    ).replace("<meta charset='utf-8'>", "")
    path = tmp_path / "cafe.html"
    path.write_bytes(html.encode("cp1252"))
    article = ReaderRegistry().read(path)
    assert article.paragraphs[-1].text == "The caf\u00e9 owner called it \u201ca na\u00efve plan\u201d \u2013 and said so twice."


def test_address_noted_by_a_browser_when_saving():
    html = "<!-- saved from url=(0029)https://post.example/pier-a -->\n" + page("<title>Pier</title>", f"<article>{PARAGRAPHS}</article>")
    assert read_html("pier.html", html).url == "https://post.example/pier-a"


def test_page_without_any_title_is_named_after_its_first_sentence():
    article = read_html("untitled.html", "<html><body><p>The pier reopens on Monday, the council said. More later.</p></body></html>")
    assert article.title == "The pier reopens on Monday, the council said"
