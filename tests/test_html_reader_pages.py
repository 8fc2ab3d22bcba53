"""The HTML reader on the kinds of page that lose text or let furniture in.

Layout tables, text standing between blocks, lines an article repeats on purpose, lines that read
like furniture but belong to the article, furniture that stands in the site's chrome, hidden
copies of the metadata, quoted social posts, teasers for other pages; and the page metadata each
field of which comes from a chain of sources (entities decoded, authors that are names, dates that
are dates). The pages are written for these tests (`tests/fixtures/html/` and inline).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from briefing_gen.readers import ReaderRegistry
from briefing_gen.readers.html import read_html
from briefing_gen.readers.names import author_names
from briefing_gen.readers.text import parse_date, remove_scrape_duplicates

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"


def texts(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def page(head: str, body: str) -> str:
    return f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


PROSE = [
    "The harbour board met on Monday to decide the fate of the old grain store on the east quay.",
    "Members heard from the engineers who surveyed the building over the winter and found its roof beyond repair.",
    "The board agreed to ask the town for permission to take the roof down before the autumn storms arrive.",
    "A public meeting on the future of the building will be held at the library in the first week of June.",
]


# Layout tables --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def layout_page():
    return ReaderRegistry().read(FIXTURES / "layout-table-page.html")


def test_layout_table_article_is_read_whole_and_in_order(layout_page):
    assert texts(layout_page) == [
        "The quarry road between Elm Hollow and the river crossing reopened on Monday after eleven weeks of repairs, the county works office said.",
        "Crews replaced two culverts that had collapsed during the February floods and resurfaced almost a mile of the road, which carries most of the gravel trucks leaving the valley.",
        '"We had to rebuild the bed before we could lay anything on top of it," said Tomas Rue, who ran the project for the works office.',
        "The repairs cost about 410,000 dollars, a third more than the first estimate, because the second culvert was in worse shape than the survey showed.",
        "Drivers who used the detour through Lower Mill will no longer need to add twenty minutes to the trip, although the weight limit on the new culverts stays at thirty tonnes until the summer inspection.",
        "The works office said a full report on the costs would go to the county board in April.",
    ]


def test_layout_table_menu_and_footer_cells_are_not_body(layout_page):
    body = " ".join(texts(layout_page))
    for furniture in ("Archive", "Classifieds", "Valley weather", "Letters", "All rights reserved", "Privacy"):
        assert furniture not in body


def test_layout_table_metadata_and_the_date_in_the_byline(layout_page):
    assert layout_page.title == "Quarry road reopens after winter repairs"
    assert layout_page.authors == ["Mira Okafor"]
    assert layout_page.published == "2024-03-04"  # no date field: the date the page shows


def test_a_data_table_keeps_its_rows():
    html = page(
        "<title>Votes</title>",
        "<article>" + "".join(f"<p>{s}</p>" for s in PROSE) + "<table><tr><th>Ward</th><th>Votes</th></tr><tr><td>East Quay</td><td>1,204</td></tr></table></article>",
    )
    assert texts(read_html("votes.html", html))[-2:] == ["Ward | Votes", "East Quay | 1,204"]


# Text between blocks, repeats, furniture by where it stands -----------------------------------------------


@pytest.fixture(scope="module")
def loose_page():
    return ReaderRegistry().read(FIXTURES / "loose-text-page.html")


def test_text_standing_between_blocks_is_kept_where_it_stands(loose_page):
    body = texts(loose_page)
    lead = "The island ferry will run two extra crossings a day from June, the operator announced on Thursday, after a winter in which queues at the mainland terminal grew longer every weekend."
    quote = "“We heard the complaints and we counted the cars in the queue,” said Ines Varga, the operator's director."
    assert body[0] == lead
    assert body.index(quote) == body.index("The council welcomed the change but said it would watch whether the extra crossings were kept after the summer.") - 1


def test_a_line_the_article_repeats_is_kept_each_time(loose_page):
    assert texts(loose_page).count("Will the extra crossings still run in October?") == 2


def test_lines_that_read_like_furniture_stay_when_they_are_the_articles(loose_page):
    body = texts(loose_page)
    assert "Click here to read the full summer timetable, which is also posted at both terminals." in body
    assert "This article has been adapted from a report to the island council." in body


def test_furniture_standing_in_the_chrome_is_left_out(loose_page):
    body = " ".join(texts(loose_page))
    for furniture in ("Click here to contact the newsroom", "Subscribe to our newsletter", "Related stories", "A new boat for the island run", "© 2031", "Ferries Council"):
        assert furniture not in body


def test_teaser_for_another_page_is_left_out(loose_page):
    assert not any("Winter queues at the mainland terminal" in text for text in texts(loose_page))


def test_hidden_copy_of_the_metadata_is_not_body(loose_page):
    body = " ".join(texts(loose_page))
    assert "2024-05-08T06:00:00Z" not in body
    assert body.count("Ferry operator adds crossings for the summer") == 0


def test_quoted_social_post_is_kept_as_a_quote(loose_page):
    quotes = [p.text for p in loose_page.paragraphs if p.kind == "quote"]
    assert quotes[0] == "Two more boats a day from June. Finally someone listened to the night-shift workers."
    assert texts(loose_page)[-1] == "The operator will publish the autumn timetable in August."


def test_loose_page_metadata(loose_page):
    assert loose_page.title == "Ferry operator adds crossings for the summer"
    assert loose_page.authors == ["Ana Ruelle", "Piet Vos"]  # the meta author is the site itself
    assert loose_page.publisher == "Island Post"
    assert loose_page.published == "2024-05-08"


def test_a_block_the_page_doubled_in_a_row_is_kept_once():
    doubled = PROSE[:2] + PROSE[1:3] + PROSE[3:]
    html = page("<title>Grain store</title>", "<article>" + "".join(f"<p>{s}</p>" for s in doubled) + "</article>")
    assert texts(read_html("grain.html", html)) == PROSE


def test_headlines_in_capitals_that_link_elsewhere_are_teasers():
    html = page(
        "<title>Grain store</title><link rel='canonical' href='https://harbour.example/grain'>",
        "<article>"
        + "".join(f"<p>{s}</p>" for s in PROSE[:2])
        + "<p><a href='/other'>HARBOUR BOARD CHAIR STEPS DOWN AFTER TEN YEARS</a></p>"
        + "".join(f"<p>{s}</p>" for s in PROSE[2:])
        + "<p><a href='/a'>Storm damages the breakwater</a></p><p><a href='/b'>New ferry fares from May</a></p></article>",
    )
    assert texts(read_html("grain.html", html)) == PROSE


def test_a_labelled_headline_whose_link_was_lost_is_a_teaser():
    html = page(
        "<title>Grain store</title>",
        "<article>" + "".join(f"<p>{s}</p>" for s in PROSE[:2]) + "<p><b>Related: </b><b>Five harbour buildings older than the town</b></p>"
        + "".join(f"<p>{s}</p>" for s in PROSE[2:]) + "</article>",
    )
    assert texts(read_html("grain.html", html)) == PROSE


def test_a_pop_up_card_of_links_inside_a_sentence_goes_and_the_sentence_stays():
    card = (
        "<span class='card'><a href='/people/lind'>Oskar Lind</a><span class='card-block'><span>"
        "<a href='/a'>Harbour board approves budget</a> <a href='/b'>Lind on the ferry fares</a> <a href='/c'>Board chair steps down</a>"
        " <a href='/people/lind'>MORE</a></span></span></span>"
    )
    html = page(
        "<title>Grain store</title><link rel='canonical' href='https://harbour.example/grain'>",
        f"<article><p>{PROSE[0]}</p><p>The chair of the board, {card}, said the roof could not be saved.</p><p>{PROSE[1]}</p></article>",
    )
    assert texts(read_html("grain.html", html))[1] == "The chair of the board, Oskar Lind, said the roof could not be saved."


def test_scrape_doubling_only_in_a_row():
    from briefing_gen.model import Paragraph

    refrain = "Will the extra crossings still run in October, and who will pay for them?"
    lines = [Paragraph(text=t) for t in [PROSE[0], refrain, PROSE[1], refrain, refrain, PROSE[2]]]
    assert [p.text for p in remove_scrape_duplicates(lines)] == [PROSE[0], refrain, PROSE[1], refrain, PROSE[2]]


# Metadata ---------------------------------------------------------------------------------------------


def test_title_entities_are_decoded():
    html = page(
        "<title>x</title><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "headline": "Club pays &#163;71m for a goalkeeper &#8211; and a &amp;#8216;bargain&amp;#8217;"}'
        "</script>",
        "<article>" + "".join(f"<p>{s}</p>" for s in PROSE) + "</article>",
    )
    assert read_html("club.html", html).title == "Club pays £71m for a goalkeeper – and a ‘bargain’"


def test_title_without_the_site_name_from_json_ld_too():
    html = page(
        "<meta property='og:site_name' content='Harbour Herald'><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "headline": "Grain store roof to come down | Harbour Herald"}</script>',
        "<article>" + "".join(f"<p>{s}</p>" for s in PROSE) + "</article>",
    )
    assert read_html("grain.html", html).title == "Grain store roof to come down"


def test_a_promotion_heading_is_never_the_title():
    html = page(
        "",
        "<div class='promo'><h1>Subscribe to the Harbour Herald for FREE</h1></div>"
        "<article><h1>Grain store roof to come down</h1>" + "".join(f"<p>{s}</p>" for s in PROSE) + "</article>",
    )
    assert read_html("grain.html", html).title == "Grain store roof to come down"


def test_a_byline_at_the_top_of_the_body_is_metadata():
    html = page(
        "<title>Grain store roof to come down</title>",
        "<article><h1>Grain store roof to come down</h1><p>Posted on March 4, 2024 by Oskar Lind</p>"
        + "".join(f"<p>{s}</p>" for s in PROSE) + "</article>",
    )
    article = read_html("grain.html", html)
    assert (article.authors, article.published) == (["Oskar Lind"], "2024-03-04")
    assert texts(article) == PROSE


def test_json_ld_author_given_by_reference_and_a_template_date():
    html = page(
        "<meta property='article:published_time' content='2024-02-11T08:00:00Z'>"
        "<script type='application/ld+json'>"
        '{"@graph": [{"@type": "Article", "headline": "Grain store", "datePublished": "0001-01-01T00:00:00Z",'
        ' "author": {"@id": "https://harbour.example/#/person/1"}},'
        ' {"@type": "Person", "@id": "https://harbour.example/#/person/1", "name": "Oskar Lind"}]}</script>',
        "<article>" + "".join(f"<p>{s}</p>" for s in PROSE) + "</article>",
    )
    article = read_html("grain.html", html)
    assert article.authors == ["Oskar Lind"]
    assert article.published == "2024-02-11"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        (["Tove Berg", "AP Harbour Writer"], ["Tove Berg"]),
        ("Jonas Aalto is a reporter for the Harbour Herald", ["Jonas Aalto"]),
        ("Jonas Aalto Monday", ["Jonas Aalto"]),
        ("Mia Sand November", ["Mia Sand"]),
        ("November", []),
        (["Mia Sand", "Harbour Herald"], ["Mia Sand"]),
        ("Harbour Herald", []),  # the site's own name
        (["Ida Holm", "MS", "RDN"], ["Ida Holm"]),
        ("By Jan de Vries and Lea May", ["Jan de Vries", "Lea May"]),
        ("HARBOUR DESK STAFF", []),
        ("TOVE BERG", ["Tove Berg"]),
        ("Associated Press", ["Associated Press"]),  # an agency credited alone
        (["Tove Berg", "Associated Press"], ["Tove Berg"]),
    ],
)
def test_authors_are_names(byline, names):
    assert author_names(byline, publisher="Harbour Herald") == names


def test_meta_author_that_is_a_sentence_or_the_site():
    html = page(
        "<meta property='og:site_name' content='Harbour Herald'><meta name='author' content='Jonas Aalto is a reporter for the Harbour Herald.'>",
        "<article>" + "".join(f"<p>{s}</p>" for s in PROSE) + "</article>",
    )
    assert read_html("grain.html", html).authors == ["Jonas Aalto"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("19 Nov 2019 07:09 GMT", "2019-11-19"),
        ("Tuesday, November 19, 2019", "2019-11-19"),
        ("Sept. 5, 2018", "2018-09-05"),
        ("1 May 2020 at 10:30 am", "2020-05-01"),
        ("2019-11-19T08:57:40+01:00", "2019-11-19"),
        ("November 2019", "2019-11-01"),
        ("31 February 2020", None),
    ],
)
def test_common_date_forms(text, iso):
    assert parse_date(text) == iso
