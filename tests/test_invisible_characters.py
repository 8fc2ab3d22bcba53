"""Invisible characters (bidirectional overrides, zero-width spaces, soft hyphens) never reach a
title, a name, a tag or a slug: they would make a title read backwards or one name two actors."""
from __future__ import annotations

from briefing_gen.model import Link, Paragraph
from briefing_gen.pipeline.slugs import slugify
from briefing_gen.readers.invisible import visible_paragraph

RLO, PDF, ZWSP, SHY, LRI, PDI, BOM = "\u202e", "\u202c", "\u200b", "\u00ad", "\u2066", "\u2069", "\ufeff"


def test_markdown_article_fields_lose_invisible_characters(read_as):
    article = read_as(
        "a.md",
        f"---\ntitle: \"Port {RLO}deal{PDF} signed{ZWSP}\"\nauthor: \"Ann{SHY}a Be{ZWSP}rg\"\ntags: [\"fish{LRI}eries{PDI}\"]\n"
        f"source: \"https://example.org/{ZWSP}news\"\n---\n\n"
        f"The port authority of Tal{ZWSP}linn said on Monday that the {BOM}ferries would sail again.\n",
    )
    assert article.title == "Port deal signed"
    assert article.authors == ["Anna Berg"]
    assert article.tags == ["fisheries"]
    assert article.paragraphs[0].text == "The port authority of Tallinn said on Monday that the ferries would sail again."
    assert article.url == "https://example.org/news"


def test_plain_text_title_and_body(read_as):
    article = read_as("b.txt", f"Har{ZWSP}bour {RLO}Talks{PDF} End\n\nAnna{ZWSP} Berg said the ferries to Riga would sail again in May.\n")
    assert article.title == "Harbour Talks End"
    assert "Anna Berg said" in article.paragraphs[0].text


def test_joiners_stay_where_a_script_needs_them():
    persian = "می\u200cخواهم"  # the non-joiner between two Persian letters shapes the word
    assert visible_paragraph(Paragraph(text=persian)).text == persian
    assert visible_paragraph(Paragraph(text="Pu\u200dtin")).text == "Putin"  # between Latin letters it only hides


def test_links_keep_their_words():
    text = f"Read {RLO}the{PDF} re{ZWSP}port and the {ZWSP}{ZWSP}memo today."
    start = text.index("re")
    memo = text.index(f"{ZWSP}{ZWSP}memo")
    paragraph = visible_paragraph(
        Paragraph(text=text, links=[Link(start, start + 7, "https://example.org/r"), Link(memo, memo + 6, "https://example.org/m")])
    )
    assert paragraph.text == "Read the report and the memo today."
    assert [paragraph.text[link.start : link.end] for link in paragraph.links] == ["report", "memo"]


def test_slugs_hold_no_invisible_characters():
    assert slugify(f"Port {RLO}deal{PDF} sig{ZWSP}ned") == "port-deal-signed"
