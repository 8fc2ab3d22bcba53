"""Markdown reposts as scraped from re-posting sites: header lines, navigation, lines the scrape doubled."""
from __future__ import annotations

from briefing_gen.readers.markdown import MarkdownReader

REPOST = """# Harbour Towns and the Quiet Rise of Coastal Trade

> Source: https://reposts.example/sociopolitics/harbour_towns.htm

by Lena Marsh March 03, 2031 from CoastWatch Website
Which harbour town will matter most in the coming decade?
Many observers argue that the answer lies in the northern ports, which have quietly doubled their trade. It is a trade that covers the entire range of,
grain timber machinery fishing rights and shared customs posts
grain
timber
machinery
fishing rights and shared customs posts
The councils of the two largest towns signed a cooperation charter last spring, and said at the time:
"We will not compete for the same ships when we can share the same quay. The charter is the first step."
"We will not compete for the same ships when we can share the same quay.
The charter is the first step."
Whether the charter survives the next election is another matter.
Return to Coastal Affairs
Return to Northern Europe - The Quiet Giant
"""


def read(text: str):
    return MarkdownReader().read("repost.md", text)


def test_repost_header_is_metadata():
    article = read(REPOST)
    assert article.title == "Harbour Towns and the Quiet Rise of Coastal Trade"
    assert article.authors == ["Lena Marsh"]
    assert article.published == "2031-03-03"
    assert article.url == "https://reposts.example/sociopolitics/harbour_towns.htm"


def test_repost_navigation_and_source_line_are_not_body():
    body = "\n".join(p.text for p in read(REPOST).paragraphs)
    assert "Return to" not in body
    assert "Source:" not in body
    assert "from CoastWatch Website" not in body


def test_list_flattened_by_the_scrape_is_kept_once_as_items():
    paragraphs = read(REPOST).paragraphs
    texts = [p.text for p in paragraphs]
    assert "grain timber machinery fishing rights and shared customs posts" not in "\n".join(texts)
    items = [p.text for p in paragraphs if p.kind == "item"]
    assert items == ["grain", "timber", "machinery", "fishing rights and shared customs posts"]
    assert texts[texts.index("grain") - 1].endswith("It is a trade that covers the entire range of,")


def test_quote_repeated_line_by_line_is_kept_once():
    body = " ".join(p.text for p in read(REPOST).paragraphs)
    assert body.count("We will not compete for the same ships") == 1
    assert body.count("The charter is the first step.") == 1
    assert body.endswith("Whether the charter survives the next election is another matter.")


def test_no_line_is_duplicated():
    texts = [p.text for p in read(REPOST).paragraphs]
    assert len(texts) == len(set(texts))


def test_front_matter_post():
    article = read(
        "---\ntitle: 'Quay vote: the long road'\ndate: 2031-02-01\nauthors: [Ada Holm, Per Lind]\ntags: ports\ngeo: Europe\n"
        "source: https://blog.example/quay-vote\n---\n\nThe vote came after [two years](https://blog.example/review) of review.\n\n"
        "#### What comes next\n\nA permit from the coastal agency.\n"
    )
    assert article.title == "Quay vote: the long road"
    assert article.published == "2031-02-01"
    assert article.authors == ["Ada Holm", "Per Lind"]
    assert article.tags == ["ports"] and article.regions == ["Europe"]
    assert article.url == "https://blog.example/quay-vote"
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("paragraph", "The vote came after two years of review."),
        ("heading", "What comes next"),
        ("paragraph", "A permit from the coastal agency."),
    ]
    assert article.paragraphs[0].links[0].url == "https://blog.example/review"
