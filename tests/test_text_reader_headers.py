"""Headers of saved text and Markdown reposts: bylines and datelines into the metadata and out of
the body, titles that are titles (never a site's plea, entities decoded), sentences a hard wrap
cut in two joined, and a file of nothing but site furniture refused like an empty one.

The texts are written for these tests, in the layouts the readers take.
"""
from __future__ import annotations

import pytest

from briefing_gen.errors import SkipReason
from briefing_gen.readers import ArticleError, ReaderRegistry
from briefing_gen.readers.markdown import MarkdownReader

BODY = (
    "The harbour board met on Monday to decide the fate of the old grain store on the east quay.\n\n"
    "Members heard from the engineers who surveyed the building over the winter and found its roof beyond repair.\n"
)

FURNITURE_ONLY = (
    "To receive the Harbour Ledger's Daily Newsletter (selected articles), click here.\n\n"
    "Visit and follow us on Instagram at @harbourledger.\n\n"
    "Disclaimer: The contents of this article are of sole responsibility of the author(s). The Harbour Ledger will not be "
    "responsible for any inaccurate or incorrect statement in this article.\n"
)


@pytest.fixture
def read(tmp_path):
    def read(name: str, text: str):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return ReaderRegistry().read(path)

    return read


def body(article) -> list[str]:
    return [p.text for p in article.paragraphs]


# Furniture only -----------------------------------------------------------------------------------


def test_a_text_of_site_furniture_only_is_refused(read):
    with pytest.raises(ArticleError) as error:
        read("plea.txt", FURNITURE_ONLY)
    assert error.value.reason == SkipReason.FURNITURE_ONLY
    assert "\n" not in str(error.value)


def test_the_build_names_the_furniture_only_file_and_ends_with_status_1(tmp_path, run_cli):
    from briefing_gen.cli import EXIT_FILES_SKIPPED

    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "grain.txt").write_text("Grain Store Roof to Come Down\n\n" + BODY, encoding="utf-8")
    (tmp_path / "articles" / "plea.txt").write_text(FURNITURE_ONLY, encoding="utf-8")
    result = run_cli(["build", "--no-site", "--no-cache"], cwd=tmp_path)
    assert result.returncode == EXIT_FILES_SKIPPED
    lines = [line for line in result.stderr.splitlines() if "plea.txt" in line]
    assert len(lines) == 1 and "site furniture" in lines[0]
    assert (tmp_path / "docs" / "briefings" / "grain-store-roof-to-come-down.md").is_file()
    assert not any("receive" in page.name for page in (tmp_path / "docs" / "briefings").iterdir())


# Plain text -----------------------------------------------------------------------------------------


def test_site_pleas_and_a_posted_line_above_the_title_are_not_the_title(read):
    article = read(
        "grain.txt",
        "Subscribe to the Harbour Ledger for FREE\n\nPosted on March 3, 2024 by Tove Berg\n\nGrain Store Roof to Come Down\n\n" + BODY,
    )
    assert article.title == "Grain Store Roof to Come Down"
    assert article.authors == ["Tove Berg"]
    assert article.published == "2024-03-03"
    assert body(article)[0].startswith("The harbour board met on Monday")


def test_a_byline_with_its_date_run_into_it(read):
    article = read("grain.txt", "Grain Store Roof to Come Down\n\nBy Tove Berg — Monday, March 4, 2024\n\n" + BODY)
    assert article.authors == ["Tove Berg"]
    assert article.published == "2024-03-04"
    assert not any("Tove Berg" in text for text in body(article))


def test_a_wire_credit_line_saved_without_a_headline_gives_the_authors_not_the_title(read):
    article = read("grain.txt", "\n\nTove Berg and Ivo Lind, The Canadian Press\n\n\n\nHALIFAX -- " + BODY)
    assert article.authors == ["Tove Berg", "Ivo Lind"]
    assert article.title.startswith("The harbour board met on Monday")
    assert not any("Canadian Press" in text for text in body(article))
    job = read("grain.txt", "Tove Berg, Harbour Desk producer\n\n" + BODY)
    assert job.authors == ["Tove Berg"]
    headline = read("grain.txt", "Halifax, the Harbour City\n\n" + BODY)  # a title with a comma, no credit
    assert headline.title == "Halifax, the Harbour City" and headline.authors == []


def test_a_wire_credit_line_below_the_headline_and_a_published_line_are_metadata(read):
    article = read("grain.txt", "Harbour board votes to pull down grain store\n\nTove Berg, The Canadian Press\n\n"
                   "Published Thursday, February 13, 2025 4:12PM EST\n\nHALIFAX -- " + BODY)
    assert article.title == "Harbour board votes to pull down grain store"
    assert article.authors == ["Tove Berg"]
    assert article.published == "2025-02-13"
    assert not any("Canadian Press" in text or "Published" in text for text in body(article))


def test_a_photo_caption_and_a_related_link_saved_inside_paragraphs_are_left_out(read):
    article = read("ferry.txt", (
        "Harbour board votes to pull down grain store\n\n"
        "The harbour board voted on Tuesday to pull down the old grain store.\n\n"
        " The grain store seen from the ferry terminal\nFacebook Twitter Pinterest\n"
        " The store has stood empty since 2009. Photograph: Ida Lund/Harbour Press\n"
        "Demolition will begin in June, the board said.\n\n"
        "Why port cities are losing their grain trade\n Read more\n"
        "The site will be sold to the city for housing.\n"))
    assert body(article) == [
        "The harbour board voted on Tuesday to pull down the old grain store.",
        "Demolition will begin in June, the board said.",
        "The site will be sold to the city for housing.",
    ]


def test_a_name_line_with_the_surname_in_capitals(read):
    article = read("grain.txt", "Grain Store Roof to Come Down\n\nTove BERGQVIST\n\n" + BODY)
    assert article.authors == ["Tove Bergqvist"]


def test_a_repost_header_on_three_lines_in_plain_text(read):
    article = read("grain.txt", "Grain Store Roof to Come Down\n\nby Tove Berg\nMarch 4, 2024\nfrom HarbourWatch Website\n\n" + BODY)
    assert (article.title, article.authors, article.published, article.original_source) == (
        "Grain Store Roof to Come Down", ["Tove Berg"], "2024-03-04", "HarbourWatch",
    )
    assert body(article)[0].startswith("The harbour board met on Monday")


def test_title_entities_are_decoded_in_text(read):
    assert read("club.txt", "Club Pays &#163;71m for a Goalkeeper\n\n" + BODY).title == "Club Pays £71m for a Goalkeeper"


def test_a_sentence_cut_after_the_is_joined(read):
    article = read(
        "grain.txt",
        "Grain Store Roof to Come Down\n\nThe engineers published every document relating to the\n\n"
        "East Quay 9 collapse, the board said on Monday.\n\nThe roof will come down in May.\n",
    )
    assert body(article) == [
        "The engineers published every document relating to the East Quay 9 collapse, the board said on Monday.",
        "The roof will come down in May.",
    ]


# Markdown reposts -----------------------------------------------------------------------------------

REPOST = """# Grain Store Roof to Come Down &#8211; What Next?

> Source: https://reposts.example/harbour/grain_store.htm

by Tove Berg
March 4, 2024
from HarbourWatch Website

Which building on the east quay will the board save?
The engineers published every document relating to the
East Quay 9 collapse, and the board said on Monday that the roof could not be saved.
The roof will come down in May.
Return to Harbour Affairs
"""


def test_repost_header_on_three_lines_is_metadata_and_out_of_the_body():
    article = MarkdownReader().read("grain.md", REPOST)
    assert article.title == "Grain Store Roof to Come Down – What Next?"
    assert article.authors == ["Tove Berg"]
    assert article.published == "2024-03-04"
    assert article.original_source == "HarbourWatch"
    assert article.url == "https://reposts.example/harbour/grain_store.htm"
    texts = body(article)
    assert texts[0] == "Which building on the east quay will the board save?"
    assert not any("Tove Berg" in text or "HarbourWatch" in text or "March 4, 2024" in text for text in texts)


def test_repost_line_cut_mid_sentence_is_joined():
    texts = body(MarkdownReader().read("grain.md", REPOST))
    assert (
        "The engineers published every document relating to the East Quay 9 collapse, and the board said on Monday that the roof could not be saved."
        in texts
    )


def test_front_matter_author_that_is_no_name():
    article = MarkdownReader().read("grain.md", "---\ntitle: Grain store\nauthor: November\n---\n\n" + BODY)
    assert article.authors == []


def test_a_text_saved_on_one_line_is_cut_into_paragraphs_between_quotations_not_inside_one(read):
    line = (
        "HARBOURTON (CNN) -- Prosecutors have charged four people with running a ticket scam that took more than $2 million "
        "from concert-goers in six states, in some cases by selling the same seat to a dozen buyers. The indictment, unsealed "
        "on Thursday, alleges that the group worked from a rented office by the docks for nearly two years. \"These defendants "
        "made a business out of other people's excitement,\" District Attorney Mara Quint said at a news conference. \"They "
        "printed the tickets, sold them twice over, and they took families' savings for shows that never let them in.\" "
        "Quint said the youngest buyer was 14 and the oldest was 80. The four will appear in court next month. Investigators "
        "traced the sales through three payment accounts opened under false names, and a fifth suspect is still being sought. "
        "The venue's owners have promised refunds to every buyer who can show a receipt, and the city has asked other "
        "venues to check the tickets sold for their autumn shows against the list the police have published."
    )
    article = read("tickets.txt", line + "\n")
    paragraphs = body(article)
    assert len(paragraphs) > 1
    assert all(text.count('"') % 2 == 0 for text in paragraphs)
    assert any('"They printed the tickets' in text and 'never let them in."' in text for text in paragraphs)
