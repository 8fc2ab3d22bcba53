"""The readers: each field they fill, for the Global Research saved-text layout, plain text and
Markdown, plus the registry that picks a reader and the errors for files that are not articles.

Inputs are my own small texts (inline, or tests/fixtures/globalresearch-sample.txt) and the example
articles in articles/, checked against tests/data/examples_expected.md.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from briefing_gen.readers import ArticleError, ReaderRegistry
from briefing_gen.readers.markdown import as_iso_date
from briefing_gen.readers.text import fold_space, parse_date
from briefing_gen.site.escaping import paragraph_to_markdown

# Global Research layout: my own fixture --------------------------------------------------------------

GR_BODY = [
    "The lease of the northern quay to a shipping consortium was announced on Monday, and the port "
    "authority report was published the same day.",
    "The harbour master said the terms had been settled in a single night, which surprised the members "
    "of the council who had expected a longer negotiation and a public hearing before any signature.",
    "Dockworkers gathered outside the authority building on Tuesday and asked for the full text of the "
    "contract to be released.",
    "The council will vote on the lease in March.",
]

GR_FURNITURE = [
    "can be read in 51 languages",
    "Translate Website",
    "Daily Newsletter",
    "click here",
    "follow us on Instagram",
    "@globalresearch_crg",
    "Note to readers",
    "share button",
    "Featured image",
    "The original source of this article is",
    "Copyright",
    "Comment on Global Research Articles",
    "Facebook",
    "Become a Member",
    "Articles by",
    "Disclaimer",
    "copyrighted material",
    "fair use",
    "For media inquiries",
    "publications@globalresearch.ca",
    "Region:",
    "Theme:",
    "In-depth Report:",
    "Global Research, February 3, 2024",
    "By Jane Roe",
    "PORT LEASE FILES",
]


@pytest.fixture
def gr_article(read_as, gr_sample_text):
    return read_as("globalresearch-sample.txt", gr_sample_text)


def body_texts(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def test_gr_layout_is_recognised(gr_article):
    assert gr_article.layout == "globalresearch-text"


def test_gr_title(gr_article):
    assert gr_article.title == "Harbour Deal: How a Port Lease Became a Test of Loyalty"


def test_gr_two_authors_from_linked_byline(gr_article):
    assert gr_article.authors == ["Jane Roe", "John Q. Public"]


@pytest.mark.parametrize(
    "byline, authors",
    [
        ("By [Jane Roe](#)", ["Jane Roe"]),
        ("By [Jane Roe](#) and [John Q. Public](#)", ["Jane Roe", "John Q. Public"]),
        ("By [Roe, Jane](#) and [John Q. Public](#)", ["Roe, Jane", "John Q. Public"]),
        ("By Jane Roe", ["Jane Roe"]),
        ("By Jane Roe and John Q. Public", ["Jane Roe", "John Q. Public"]),
    ],
)
def test_gr_byline_forms(read_as, gr_sample_text, byline, authors):
    assert "By [Jane Roe](#) and [John Q. Public](#)\n" in gr_sample_text
    text = gr_sample_text.replace("By [Jane Roe](#) and [John Q. Public](#)\n", byline + "\n")
    article = read_as("byline.txt", text)
    assert article.authors == authors
    assert not any("By " in p for p in body_texts(article))


def test_gr_publisher_and_date(gr_article):
    assert gr_article.publisher == "Global Research"
    assert gr_article.published == "2024-02-03"


def test_gr_original_source_line(gr_article):
    assert gr_article.original_source == "Harbour Gazette"
    assert gr_article.original_published == "2024-02-01"


def test_gr_without_original_source_line_takes_source_from_footer(read_as, gr_sample_text):
    text = gr_sample_text.replace("[Harbour Gazette](#) 1 February 2024\n\n", "")
    assert text != gr_sample_text
    article = read_as("no-original.txt", text)
    assert article.original_source == "Harbour Gazette"
    assert article.original_published is None
    assert article.published == "2024-02-03"
    assert body_texts(article) == GR_BODY


def test_gr_region_link_broken_over_two_lines_is_one_item(gr_article):
    assert gr_article.regions == ["Asia", "Latin America & Caribbean", "Oceania"]


def test_gr_theme_link_broken_over_two_lines_is_one_item(gr_article):
    assert gr_article.themes == ["Science and Medicine", "Media Disinformation"]


def test_gr_in_depth_report(gr_article):
    assert gr_article.in_depth_report == "PORT LEASE FILES"


def test_gr_list_without_links_is_split_on_commas(read_as, gr_sample_text):
    text = gr_sample_text.replace("Region: [Asia](#), [Latin America &](#)\n[Caribbean](#), [Oceania](#)", "Region: Asia, Europe")
    assert text != gr_sample_text
    assert read_as("plain-list.txt", text).regions == ["Asia", "Europe"]


def test_gr_copyright_from_footer(gr_article):
    assert gr_article.copyright == "Jane Roe, Harbour Gazette, 2024"


def test_gr_copyright_with_two_linked_holders(read_as, gr_sample_text):
    text = gr_sample_text.replace("Copyright © [Jane Roe](#), ", "Copyright © [Jane Roe](#) and [John Q. Public](#), ")
    assert text != gr_sample_text
    assert read_as("copyright.txt", text).copyright == "Jane Roe and John Q. Public, Harbour Gazette, 2024"


def test_gr_body_is_exactly_the_article_paragraphs(gr_article):
    # The stray blank line inside the second paragraph and the hard wraps of the third are joined;
    # every header line and every furniture paragraph is gone.
    assert body_texts(gr_article) == GR_BODY
    assert all(p.kind == "paragraph" for p in gr_article.paragraphs)


@pytest.mark.parametrize("phrase", GR_FURNITURE)
def test_gr_furniture_and_header_not_in_body(gr_article, phrase):
    body = "\n".join(body_texts(gr_article) + [paragraph_to_markdown(p) for p in gr_article.paragraphs])
    assert phrase.lower() not in body.lower()


def test_gr_placeholder_link_becomes_text_and_real_link_stays(gr_article):
    first = gr_article.paragraphs[0]
    assert [(first.text[span.start:span.end], span.url) for span in first.links] == [("port authority report", "https://example.org/x")]
    assert paragraph_to_markdown(first) == (
        "The lease of the northern quay to a shipping consortium was announced on Monday, and the "
        "[port authority report](https://example.org/x) was published the same day."
    )
    markdown_body = "\n".join(paragraph_to_markdown(p) for p in gr_article.paragraphs)
    assert "(#)" not in markdown_body
    assert "[shipping consortium]" not in markdown_body


def test_gr_stray_blank_line_inside_a_sentence_is_joined(gr_article):
    joined = [p for p in body_texts(gr_article) if "who had expected a longer negotiation" in p]
    assert len(joined) == 1


def test_gr_hard_wrapped_lines_are_joined(gr_article):
    assert GR_BODY[2] in body_texts(gr_article)


GR_BODY_FURNITURE = [
    "Global Research articles can be read in 51 languages by activating the Translate Website drop-down menu.",
    "To receive Global Research's Daily Newsletter (selected articles), [click here](#).",
    "Visit and follow us on Instagram at [@globalresearch_crg](#).",
    "*",
    "Featured image is from the Harbour Gazette",
    "[Comment on Global Research Articles on our Facebook page](#)",
    "[Become a Member of Global Research](#)",
    "Disclaimer: The contents of this article are of sole responsibility of the author(s).",
    'www.globalresearch.ca contains copyrighted material the use of which has not always been specifically '
    'authorized by the copyright owner. We are making such material available under the "fair use" provisions.',
    "For media inquiries: publications@globalresearch.ca",
]

GR_MINIMAL = "Short Title Here\n\nBy [Ann Lee](#)\n\nGlobal Research, February 3, 2024\n\nRegion: [Asia](#)\n\n"


@pytest.mark.parametrize("furniture", GR_BODY_FURNITURE)
def test_gr_furniture_between_body_paragraphs_is_dropped(read_as, furniture):
    text = GR_MINIMAL + "The first body paragraph stays here.\n\n" + furniture + "\n\nThe second body paragraph stays too.\n"
    article = read_as("furniture.txt", text)
    assert body_texts(article) == ["The first body paragraph stays here.", "The second body paragraph stays too."]


@pytest.mark.parametrize(
    "footer_start",
    ["Note to readers: Please share this article.", "Articles by: [Ann Lee](#)", "The original source of this article is [X](#)"],
)
def test_gr_footer_start_ends_the_body(read_as, footer_start):
    text = GR_MINIMAL + "The first body paragraph stays here.\n\n" + footer_start + "\n\nAnything after the footer start.\n"
    article = read_as("footer.txt", text)
    assert body_texts(article) == ["The first body paragraph stays here."]


# Global Research layout: the example articles ---------------------------------------------------------


def read_example(name: str):
    return ReaderRegistry().read(Path(__file__).resolve().parents[1] / "articles" / name, source=name)


def expected_value(expected: dict, field: str):
    meta = expected["metadata"]
    if field == "url":
        value = meta.get("source_url")
    elif field == "tags":
        value = list(meta.get("tags") or []) + list(meta.get("categories") or [])
    elif field == "layout":
        value = expected["layout"]
    else:
        value = meta.get(field)
    if isinstance(value, dt.date):
        value = value.isoformat()
    if field in ("regions", "themes", "authors", "tags") and value is None:
        value = []
    return value


EXAMPLES = [
    "gr-baltic-interconnector.txt",
    "gr-grain-corridor-talks.txt",
    "wire-fisheries-row.txt",
    "plain-water-summit.txt",
    "md-sanctions-vote.md",
    "md-repost-arctic-shipping.md",
]
FIELDS = [
    "layout", "title", "authors", "published", "publisher", "original_source", "original_published",
    "url", "regions", "themes", "in_depth_report", "copyright", "tags",
]
KNOWN_FAILURES: dict[tuple[str, str], str] = {}


def example_field_params():
    params = []
    for name in EXAMPLES:
        for field in FIELDS:
            if name == "wire-fisheries-row.txt" and field == "title":
                continue  # no title line: checked by test_example_without_title_line
            marks = ()
            if (name, field) in KNOWN_FAILURES:
                marks = pytest.mark.xfail(reason=KNOWN_FAILURES[(name, field)], strict=True)
            params.append(pytest.param(name, field, marks=marks, id=f"{name}-{field}"))
    return params


@pytest.mark.parametrize("name, field", example_field_params())
def test_example_metadata(expected_examples, name, field):
    article = read_example(name)
    assert getattr(article, field) == expected_value(expected_examples[name], field)


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_boilerplate_not_in_body(expected_examples, name):
    article = read_example(name)
    text = "\n".join(body_texts(article))
    markdown = "\n".join(paragraph_to_markdown(p) for p in article.paragraphs)
    for phrase in expected_examples[name]["boilerplate"]:
        assert phrase not in text, phrase
        assert phrase not in markdown, phrase


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_joined_paragraphs(expected_examples, name):
    article = read_example(name)
    for phrase in expected_examples[name]["joined_paragraphs"]:
        holders = [p for p in body_texts(article) if fold_space(phrase) in p]
        assert len(holders) == 1, phrase


def test_example_gr_links(expected_examples):
    article = read_example("gr-baltic-interconnector.txt")
    markdown = "\n".join(paragraph_to_markdown(p) for p in article.paragraphs)
    assert "[Commission's own impact assessment](https://example.org/reports/amber-link-impact-2025)" in markdown
    assert "(#)" not in markdown
    assert "seabed monitoring equipment" in markdown
    assert "[seabed monitoring equipment]" not in markdown
    assert "The quarrel over Amber Link, the 460-kilometre" in article.paragraphs[0].text


def test_example_gr_two_paragraph_quote_keeps_both_paragraphs():
    texts = body_texts(read_example("gr-baltic-interconnector.txt"))
    assert any(t.startswith("Estonian Economy Minister Kadri Vaher") for t in texts)
    assert any(t.startswith("“If the funding is not restored") for t in texts)


def test_example_without_title_line(expected_examples):
    article = read_example("wire-fisheries-row.txt")
    expected = expected_examples["wire-fisheries-row.txt"]
    assert article.paragraphs[0].text.startswith(expected["body_starts_with"])
    assert article.title  # generated from the first sentence
    assert article.title.rstrip("…").split()[:5] == expected["body_starts_with"].split()[:5]
    assert len(article.paragraphs) == 9


def test_example_markdown_structure(expected_examples):
    expected = expected_examples["md-sanctions-vote.md"]
    article = read_example("md-sanctions-vote.md")
    assert [p.text for p in article.paragraphs if p.kind == "heading"] == expected["headings"]
    assert [p.text for p in article.paragraphs if p.kind == "item"] == expected["list_items"]
    quotes = [p.text for p in article.paragraphs if p.kind == "quote"]
    assert len(quotes) == 1 and quotes[0].startswith("We are told that these sanctions protect our people.")
    links = [(p.text[span.start:span.end], span.url) for p in article.paragraphs for span in p.links]
    assert links == [(link["text"], link["url"]) for link in expected["links"]]


def test_example_repost_duplicate_line_kept_once(expected_examples):
    article = read_example("md-repost-arctic-shipping.md")
    for line in expected_examples["md-repost-arctic-shipping.md"]["deduplicated_lines"]:
        assert sum(line in p.text for p in article.paragraphs) == 1


# Plain text ---------------------------------------------------------------------------------------

PLAIN_BODY = "The council met on Monday and agreed a plan for the river.\n\nIt will meet again in May to review the plan.\n"


def test_plain_title_byline_and_date_on_separate_blocks(read_as):
    article = read_as("plain.txt", "River Council Agrees Water Plan\n\nBy Jane Roe\n\nMarch 12, 2026\n\n" + PLAIN_BODY)
    assert article.layout == "plain-text"
    assert article.title == "River Council Agrees Water Plan"
    assert article.authors == ["Jane Roe"]
    assert article.published == "2026-03-12"
    assert body_texts(article) == [
        "The council met on Monday and agreed a plan for the river.",
        "It will meet again in May to review the plan.",
    ]


def test_plain_title_byline_and_date_on_consecutive_lines(read_as):
    article = read_as("plain.txt", "River Council Agrees Water Plan\nBy Jane Roe\nMarch 12, 2026\n\n" + PLAIN_BODY)
    assert (article.title, article.authors, article.published) == ("River Council Agrees Water Plan", ["Jane Roe"], "2026-03-12")


@pytest.mark.parametrize(
    "byline, authors",
    [
        ("By Jane Roe", ["Jane Roe"]),
        ("By Jane Roe and John Smith", ["Jane Roe", "John Smith"]),
        ("By Jane Roe, John Smith and Ann Lee", ["Jane Roe", "John Smith", "Ann Lee"]),
    ],
)
def test_plain_byline_forms(read_as, byline, authors):
    article = read_as("plain.txt", f"River Council Agrees Water Plan\n\n{byline}\n\n" + PLAIN_BODY)
    assert article.authors == authors
    assert not any(p.startswith("By ") for p in body_texts(article))


@pytest.mark.parametrize(
    "date_line",
    ["March 12, 2026", "12 March 2026", "2026-03-12", "Thursday, March 12, 2026", "Mar. 12, 2026", "12 Mar 2026"],
)
def test_plain_date_line_forms(read_as, date_line):
    article = read_as("plain.txt", f"River Council Agrees Water Plan\n\nBy Jane Roe\n\n{date_line}\n\n" + PLAIN_BODY)
    assert article.published == "2026-03-12"
    assert len(article.paragraphs) == 2


TABLOID = "By . Oliver Grant . PUBLISHED: . 10:14 EST, 3 March 2026 . | . UPDATED: . 12:40 EST, 4 March 2026 . "
TABLOID_LEAD = (
    "A tiny island state has detained two fishing boats and their crews, accusing them of fishing illegally "
    "inside its waters and setting off a diplomatic row."
)


def test_plain_tabloid_residue(read_as):
    article = read_as("tabloid.txt", TABLOID + TABLOID_LEAD + "\n\nThe second paragraph follows here.\n")
    assert article.authors == ["Oliver Grant"]
    assert article.published == "2026-03-03"  # the PUBLISHED stamp, not the UPDATED one
    assert body_texts(article) == [TABLOID_LEAD, "The second paragraph follows here."]
    body = "\n".join(body_texts(article))
    for residue in ("By .", "Oliver Grant", "PUBLISHED", "UPDATED", "10:14 EST", "12:40", " . | . "):
        assert residue not in body


def test_plain_tabloid_residue_with_two_authors(read_as):
    text = "By . Jill Reilly . and Ted Thornhill . PUBLISHED: . 08:06 EST, 5 November 2012 . | . UPDATED: . 10:06 EST, 5 November 2012 . "
    article = read_as("tabloid.txt", text + TABLOID_LEAD + "\n\nThe second paragraph follows here.\n")
    assert article.authors == ["Jill Reilly", "Ted Thornhill"]
    assert article.published == "2012-11-05"
    assert article.paragraphs[0].text == TABLOID_LEAD


def test_plain_tabloid_residue_followed_by_short_lead(read_as):
    lead = "Two men were arrested."
    article = read_as("tabloid.txt", TABLOID + lead + "\n\nThe second paragraph follows here.\n")
    assert body_texts(article) == [lead, "The second paragraph follows here."]


@pytest.mark.parametrize(
    "dateline, agency",
    [("WASHINGTON (CNN) -- ", "CNN"), ("Canberra, Australia (CNN) -- ", "CNN"), ("(CNN) -- ", "CNN"), ("LONDON (Reuters) - ", "Reuters"),
     ("SEOUL, March 8 (Yonhap) - ", "Yonhap"), ("ANKARA, May 2 (Anadolu Agency) — ", "Anadolu Agency")],
)
def test_plain_wire_dateline_removed_from_body(read_as, dateline, agency):
    first = "The Senate passed the budget bill on Tuesday after a debate that lasted well into the night."
    article = read_as("wire.txt", "Senate Passes Budget Bill\n\n" + dateline + first + "\n\nThe president is expected to sign it.\n")
    assert article.title == "Senate Passes Budget Bill"
    assert article.paragraphs[0].text == first
    assert article.publisher == agency
    assert "(CNN)" not in "\n".join(body_texts(article))


def test_a_wire_dateline_after_a_headline_ending_with_a_full_stop_is_removed(read_as):
    """Some saved pages end the headline with a full stop, so it reads as the first paragraph; the
    dateline then opens the second."""
    first = "The former minister told delegates on Tuesday that the ferry contract should be cancelled."
    article = read_as("wire.txt", "Former minister at congress: ferry contract must go.\n\nTARTU, July 19 (UPI) — " + first + "\n\nThe vote is on Friday.\n")
    assert article.title == "Former minister at congress: ferry contract must go"
    assert first in body_texts(article) and not any("TARTU" in text for text in body_texts(article))
    assert article.publisher == "UPI"


def test_a_dateline_below_a_subheading_is_removed(read_as):
    first = "Sen. Ilse Marten (D-Ore.) kept up her attack on the ferry contract on Saturday, calling it a giveaway."
    article = read_as(
        "wire.txt",
        "Marten steps up ferry fight.\n\nAfter months of quiet talks, the two sides are now sparring.\n\n"
        "ASTORIA, Ore. - " + first + "\n\nThe vote is on Friday.\n",
    )
    assert first in body_texts(article) and not any("ASTORIA" in text for text in body_texts(article))


def test_plain_text_without_title_line(read_as):
    first = (
        "The Senate passed the long-delayed budget bill on Tuesday after a debate that lasted well into the night "
        "and exposed deep divisions. Members voted late."
    )
    article = read_as("untitled.txt", first + "\n\nThe president is expected to sign it.\n")
    assert article.title.startswith("The Senate passed the long-delayed budget bill")
    assert len(article.title.split()) <= 15
    assert article.paragraphs[0].text == first  # the first paragraph is still in the body
    assert len(article.paragraphs) == 2


def test_plain_short_first_sentence_becomes_whole_title(read_as):
    article = read_as("untitled.txt", "(CNN) -- Rain closed the airport on Friday. Flights resumed later.\n\nMore text.\n")
    assert article.title == "Rain closed the airport on Friday"
    assert article.paragraphs[0].text.startswith("Rain closed the airport on Friday.")


def test_plain_hard_wrapped_lines_joined(read_as):
    text = (
        "River Council Agrees Water Plan\n\nThe presidents agreed on Wednesday to create a\npermanent council "
        "to share the waters of the river, but\nthe summit failed to settle the dam dispute.\n\nSecond paragraph.\n"
    )
    article = read_as("wrapped.txt", text)
    assert body_texts(article) == [
        "The presidents agreed on Wednesday to create a permanent council to share the waters of the river, "
        "but the summit failed to settle the dam dispute.",
        "Second paragraph.",
    ]


def test_plain_stray_blank_line_inside_a_sentence_joined(read_as):
    text = "River Council Agrees Water Plan\n\nThe presidents agreed to create a council, but\n\nthe summit failed to settle the dam dispute.\n"
    article = read_as("stray.txt", text)
    assert body_texts(article) == ["The presidents agreed to create a council, but the summit failed to settle the dam dispute."]


# Markdown ---------------------------------------------------------------------------------------


def test_markdown_front_matter_mapping(read_as):
    text = (
        "---\n"
        'title: "Council: a vote # 1"\n'
        "date: 2024-02-03\n"
        "author: Jane Roe\n"
        "tags:\n  - Energy\n  - Baltic Sea\n"
        "categories: [World, Diplomacy]\n"
        "source: https://example.org/articles/council-vote\n"
        "---\n\nBody paragraph one.\n\nBody paragraph two.\n"
    )
    article = read_as("front.md", text)
    assert article.layout == "markdown"
    assert article.title == "Council: a vote # 1"
    assert article.published == "2024-02-03"
    assert article.authors == ["Jane Roe"]
    assert article.tags == ["Energy", "Baltic Sea", "World", "Diplomacy"]
    assert article.url == "https://example.org/articles/council-vote"
    assert body_texts(article) == ["Body paragraph one.", "Body paragraph two."]


@pytest.mark.parametrize(
    "date_value", ["2024-02-03", '"2024-02-03"', '"3 February 2024"', '"February 3, 2024"', "2024-02-03T10:14:00", "2024-02-03 23:59:00"]
)
def test_markdown_front_matter_date_forms(read_as, date_value):
    article = read_as("date.md", f"---\ntitle: T\ndate: {date_value}\n---\n\nBody.\n")
    assert article.published == "2024-02-03"


def test_markdown_front_matter_authors_list_and_tag_string(read_as):
    text = "---\ntitle: T\nauthors:\n  - Jane Roe\n  - John Smith\ntags: \"energy, baltic sea\"\ncategories: World\n---\n\nBody.\n"
    article = read_as("authors.md", text)
    assert article.authors == ["Jane Roe", "John Smith"]
    assert article.tags == ["energy", "baltic sea", "World"]


def test_markdown_front_matter_source_that_is_not_a_url(read_as):
    article = read_as("outlet.md", "---\ntitle: T\nsource: Harbour Gazette\n---\n\nBody.\n")
    assert article.url is None
    assert article.original_source == "Harbour Gazette"


def test_markdown_front_matter_keys_not_in_body(read_as):
    article = read_as("front.md", "---\ntitle: Secret Title\nauthor: Jane Roe\n---\n\nBody only.\n")
    assert body_texts(article) == ["Body only."]


def test_markdown_invalid_front_matter_is_an_article_error(read_as):
    with pytest.raises(ArticleError) as error:
        read_as("bad.md", "---\ntitle: [unclosed\n---\n\nBody.\n")
    assert "front matter" in str(error.value)
    assert "\n" not in str(error.value)


REPOST = (
    "# Repost Title About the Harbour\n"
    "\n"
    "> Source: https://example.net/harbour/repost-title.htm\n"
    "\n"
    "by Jane Roe March 05, 2024 from Harbour Watch Website\n"
    "The first paragraph of the repost body is here and long enough to count as prose.\n"
    "The second paragraph repeats a line that the scrape doubled in the saved text.\n"
    "The second paragraph repeats a line that the scrape doubled in the saved text.\n"
    "The third paragraph closes the article.\n"
    "Return to The Harbour Question\n"
    "Return to Europe\n"
)


def test_markdown_repost_header(read_as):
    article = read_as("repost.md", REPOST)
    assert article.title == "Repost Title About the Harbour"
    assert article.url == "https://example.net/harbour/repost-title.htm"
    assert article.authors == ["Jane Roe"]
    assert article.published == "2024-03-05"


def test_markdown_repost_body_drops_navigation_and_duplicate(read_as):
    article = read_as("repost.md", REPOST)
    assert body_texts(article) == [
        "The first paragraph of the repost body is here and long enough to count as prose.",
        "The second paragraph repeats a line that the scrape doubled in the saved text.",
        "The third paragraph closes the article.",
    ]


def test_markdown_repost_site_is_the_original_source(read_as):
    article = read_as("repost.md", REPOST)
    assert (article.publisher, article.original_source) == (None, "Harbour Watch")


def test_markdown_body_blocks(read_as):
    text = (
        "---\ntitle: T\n---\n\nBody with *emph*, **bold**, `code` and ![an image](https://example.org/i.png) here.\n\n"
        "- item one\n- item two\n\n> quoted text\n\n## Sub heading\n\nMore.\n"
    )
    article = read_as("blocks.md", text)
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("paragraph", "Body with emph, bold, code and here."),
        ("item", "item one"),
        ("item", "item two"),
        ("quote", "quoted text"),
        ("heading", "Sub heading"),
        ("paragraph", "More."),
    ]


# Registry ---------------------------------------------------------------------------------------


def test_registry_sniffs_txt_to_site_profile(registry, gr_sample_text):
    assert registry.choose(Path("a.txt"), gr_sample_text).name == "globalresearch-text"
    assert registry.choose(Path("a.TXT"), gr_sample_text).name == "globalresearch-text"


def test_registry_other_txt_is_plain_text(registry):
    assert registry.choose(Path("a.txt"), "A Title\n\nBy Jane Roe\n\nSome text.\n").name == "plain-text"


def test_registry_md_is_markdown(registry):
    assert registry.choose(Path("a.md"), "# Title\n\nText.\n").name == "markdown"


@pytest.mark.parametrize("name", ["article.pdf", "article.docx", "article"])
def test_registry_unknown_extension(read_as, name):
    with pytest.raises(ArticleError) as error:
        read_as(name, "Some Title\n\nSome text that would otherwise be readable.\n")
    message = str(error.value)
    assert "\n" not in message
    assert "no reader" in message
    assert (Path(name).suffix or "no extension") in message


@pytest.mark.parametrize("content", ["", "   \n\n\t \n"])
def test_registry_empty_file(read_as, content):
    with pytest.raises(ArticleError) as error:
        read_as("empty.txt", content)
    assert "empty" in str(error.value)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # NUL bytes
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(1, 200)),
        random.Random(7).randbytes(4000).replace(b"\x00", b"\x01"),  # no NUL byte at all
    ],
    ids=["nul-bytes", "png", "noise-without-nul"],
)
def test_registry_binary_file(read_as, data):
    with pytest.raises(ArticleError) as error:
        read_as("binary.txt", data)
    assert "binary" in str(error.value)
    assert "\n" not in str(error.value)


def test_registry_binary_file_that_is_valid_utf8(read_as):
    # NUL bytes are valid UTF-8, so only the NUL check stops this one
    with pytest.raises(ArticleError) as error:
        read_as("nul.txt", b"Harbour Title\n\nSome text\x00 with\x00 NUL bytes\x00 in it.\n" * 20)
    assert "binary" in str(error.value)


def test_registry_zero_filled_file(read_as):
    with pytest.raises(ArticleError) as error:
        read_as("zeros.txt", b"\x00" * 4096)
    assert "\n" not in str(error.value)


def test_registry_nul_padding_never_reaches_the_article(read_as):
    try:
        article = read_as("padded.txt", b"Harbour Title\n\nThe quay opened today.\n" + b"\x00" * 4096)
    except ArticleError:
        return
    assert "\x00" not in article.title
    assert not any("\x00" in p.text for p in article.paragraphs)


def test_registry_folder_named_like_an_article(tmp_path, registry):
    folder = tmp_path / "x.txt"
    folder.mkdir()
    with pytest.raises(ArticleError) as error:
        registry.read(folder)
    assert "folder" in str(error.value)


def test_registry_missing_file(tmp_path, registry):
    with pytest.raises(ArticleError) as error:
        registry.read(tmp_path / "missing.txt")
    assert "not found" in str(error.value)


def test_registry_only_furniture_is_an_error(read_as):
    text = GR_MINIMAL + "Visit and follow us on Instagram at [@globalresearch_crg](#).\n\n*\n"
    with pytest.raises(ArticleError) as error:
        read_as("furniture-only.txt", text)
    assert "no article text" in str(error.value)


def test_registry_decodes_utf16_and_latin1(read_as):
    utf16 = read_as("utf16.txt", "\ufeffHarbour Title\n\nThe café opened on the quay.\n".encode("utf-16"))
    assert utf16.title == "Harbour Title"
    assert utf16.paragraphs[0].text == "The café opened on the quay."
    crlf = read_as("crlf.txt", b"Harbour Title\r\n\r\nThe quay\r\nopened today.\r\n")
    assert crlf.paragraphs[0].text == "The quay opened today."


# Dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "February 3, 2024",
        "3 February 2024",
        "03 February 2024",
        "February 03, 2024",
        "2024-02-03",
        "Feb. 3, 2024",
        "Feb 3 2024",
        "3 Feb 2024",
        "Saturday, February 3, 2024",
        "3rd February 2024",
        "FEBRUARY 3, 2024",
        "10:14 EST, 3 February 2024",
        "2024-02-03T10:14:00Z",
        "Sat, 03 Feb 2024 10:14:00 +0000",
        "  February 3,  2024 .",
    ],
)
def test_dates_in_written_forms(written):
    assert parse_date(written) == "2024-02-03"


@pytest.mark.parametrize("text", ["", "no date here", "Global Research", "2024", "31 February 2024"])
def test_not_a_date(text):
    assert parse_date(text) is None


def test_front_matter_date_objects():
    assert as_iso_date(dt.date(2024, 2, 3)) == "2024-02-03"
    assert as_iso_date(dt.datetime(2024, 2, 3, 23, 59)) == "2024-02-03"
    assert as_iso_date("3 February 2024") == "2024-02-03"
    assert as_iso_date(None) is None


def test_an_undated_article_takes_the_date_its_file_name_carries(tmp_path):
    from briefing_gen.readers import ReaderRegistry

    body = "Harbour talks stall\n\nThe two ministers met on the quay and agreed on nothing at all, aides said.\n"
    dated = tmp_path / "harbour-post_2024-03-09_talks-stall.txt"
    dated.write_text(body, encoding="utf-8")
    assert ReaderRegistry().read(dated).published == "2024-03-09"
    for name in ("talks-stall.txt", "report_2024-13-40.txt", "id_120240309.txt"):
        undated = tmp_path / name
        undated.write_text(body, encoding="utf-8")
        assert ReaderRegistry().read(undated).published is None, name
    own = tmp_path / "harbour-post_2024-03-09_own-date.txt"
    own.write_text("Harbour talks stall\nPublished: 12 March 2024\n\nThe ministers met on the quay and agreed on nothing at all.\n", encoding="utf-8")
    assert ReaderRegistry().read(own).published == "2024-03-12"


@pytest.mark.parametrize(
    "caption",
    [
        "Lena Okoro / The Canadian Press Mayor Ivo Brandt, left, waves as the ferry Kestrel leaves the harbour on Monday.",
        'This image released by a studio shows, from left, Mira Quell and Tom Aske in a scene from "The Long Tide." ( Jo Renn / AP )',
    ],
)
def test_news_captions_with_a_photo_credit_are_not_body_text(read_as, caption):
    """A scraped page's caption, with its credit run into it at the start or in spaced brackets at
    the end: the people in the photo are not what the article reports."""
    text = "Ferry service resumes\n\nThe ferry resumed service on Monday.\n\n" + caption + "\n\nTickets are on sale at the pier.\n"
    article = read_as("caption.txt", text)
    assert body_texts(article) == ["The ferry resumed service on Monday.", "Tickets are on sale at the pier."]


# The writer named in an opinion page's closing line ----------------------------------------------

OP_ED = """Tolls will not fix the harbour bridge

The council wants drivers to pay for a bridge that the city let rust for twenty years.

A toll of four dollars a crossing would raise less than the repairs cost, and it would fall on the workers who can least afford it.

The honest answer is a bond, voted on by the people who will repay it.

{closing}
"""

NEWS = """Harbour bridge toll passes

The council voted 6-3 on Monday to charge drivers four dollars a crossing on the harbour bridge.

"This is the only way to pay for the repairs," the governor said at a signing ceremony on the quay.

The toll starts in March.

{closing}
"""


@pytest.mark.parametrize(
    "closing, authors",
    [
        ("Mara Lindqvist is a lecturer in public finance at Northgate University.", ["Mara Lindqvist"]),
        ("Ms. Okafor is Director of the Transport Policy Program at Northgate University.", ["Okafor"]),
        ("Tomas Reyes is a columnist. His opinions are his own.", ["Tomas Reyes"]),
        # not a line about a writer: no role a writer has, a surname alone, a body, a second sentence
        ("Tomas Reyes is leading the race by four points.", []),
        ("Reyes is a lecturer in public finance.", []),
        ("Northgate University is a public university of 9,000 students.", []),
        ("Tomas Reyes is a columnist. He said the toll was unfair.", []),
        # a role of office, on a page that does not speak in the first person
        ("Tomas Reyes is the president of the Harbour Drivers Association.", []),
    ],
)
def test_an_opinion_pages_closing_line_names_its_writer(read_as, closing, authors):
    assert read_as("toll.txt", OP_ED.format(closing=closing)).authors == authors


def test_an_opinion_page_in_the_first_person_may_close_on_its_writers_office(read_as):
    text = OP_ED.format(closing="Tomas Reyes is the Republican governor of Vermont.").replace("The honest answer", "I believe the honest answer")
    assert read_as("toll.txt", text).authors == ["Tomas Reyes"]


@pytest.mark.parametrize(
    "closing",
    [
        "Rick Hale is the governor of Vermont.",  # "the governor said" above
        "Mara Lindqvist is a lecturer in public finance at Northgate University.",  # named in the title below
    ],
)
def test_a_news_report_closing_on_a_person_it_is_about_has_no_byline(read_as, closing):
    text = NEWS.format(closing=closing).replace("Harbour bridge toll passes", "Harbour bridge toll passes over Lindqvist's objection")
    assert read_as("toll.txt", text).authors == []


def test_a_closing_line_about_someone_the_article_names_is_no_byline(read_as):
    text = OP_ED.format(closing="Mara Lindqvist is a lecturer in public finance at Northgate University.")
    text = text.replace("The council wants", "Mara Lindqvist, the council\u2019s adviser, wants")
    assert read_as("toll.txt", text).authors == []


def test_a_closing_line_about_someone_the_text_spells_otherwise_is_no_byline(read_as):
    text = OP_ED.format(closing="Luc\u00eda Garc\u00eda is a columnist for the Harbour Herald.")
    text = text.replace("The council wants", "Councillor Garcia wants")
    assert read_as("toll.txt", text).authors == []


@pytest.mark.parametrize(
    "staff_line",
    ["(Reporting by Ana Ruiz; additional reporting by Tom Vale in Lima; editing by Kim Ross)",
     "Reporting by Ana Ruiz; Writing by Tom Vale; Editing by Kim Ross"],
)
def test_a_wire_story_s_staff_line_is_not_body_text(read_as, staff_line):
    first = "Peru's congress voted on Tuesday to remove the transport minister."
    article = read_as("wire.txt", "Peru Removes Minister\n\nLIMA, May 2 (Reuters) - " + first + "\n\nShe denied wrongdoing.\n\n" + staff_line + "\n")
    assert body_texts(article) == [first, "She denied wrongdoing."]
