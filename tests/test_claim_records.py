"""The same claim across sources and time (`briefing_gen.collection.claim_records`, issue 21 item 2)
and how the claims index and actor pages show it.

The fast tests use hand-made briefings; the slow one builds `tests/fixtures/stories/`, where the
dockworkers' leader Teodor Vasko's slogan is quoted by three publishers in three wordings
(port-strike-begins.md, port-strike-night-shift-bonus.md with other punctuation and case,
port-strike-harbour-diary.md with "won't" for "will not").
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta
from pathlib import Path

import frontmatter
import pytest

from briefing_gen.collection.claim_records import find_claim_records, normalise
from briefing_gen.editorial.corrections import Corrections, Verdict
from briefing_gen.editorial.notes import Note
from briefing_gen.model import Actor, Article, Briefing, Claim
from briefing_gen.site import pages

STORIES_DIR = Path(__file__).resolve().parent / "fixtures" / "stories"
SLOGAN = "Our members load the cranes in the dark and in the rain, and they will not do it for less"


def claim(text: str, claimant: str, number: int = 0, kind: str = "quote") -> Claim:
    """A claim with an id made from its text, as extraction makes one."""
    claim_id = "c-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return Claim(id=claim_id, text=text, claimant=claimant, kind=kind, cue="say", paragraph=number)  # type: ignore[arg-type]


def briefing(slug: str, day: str | None, publisher: str | None, claims: list[Claim], authors: list[str] | None = None) -> Briefing:
    article = Article(source=f"{slug}.md", title=slug.replace("-", " ").title(), published=day, publisher=publisher, authors=authors or [])
    names = {c.claimant for c in claims if c.claimant != "author"}
    return Briefing(article=article, slug=slug, actors=[Actor(name=n, type="person", mentions=1) for n in sorted(names)], claims=claims)


def slogan_briefings() -> list[Briefing]:
    return [
        briefing("harbour-diary", "2026-03-08", "Baltic Shipping Bulletin",
                 [claim("OUR MEMBERS load the cranes in the dark -- and in the rain -- and they will not do it for less!", "Teodor Vasko")]),
        briefing("strike-begins", "2026-03-02", "Estrelia Herald", [claim(SLOGAN, "Teodor Vasko"), claim("the walkout was illegal", "Meridian Terminals")]),
        briefing("bonus-explained", "2026-03-05", "Valmora Evening News",
                 [claim("“Our members load the cranes in the dark, and in the rain – and they will not do it for less.”", "Teodor Vasko")]),
    ]


def test_one_quote_in_three_wordings_is_one_record_in_date_order():
    records = find_claim_records(slogan_briefings())
    assert len(records) == 1
    record = records[0]
    assert [a.briefing for a in record.appearances] == ["strike-begins", "bonus-explained", "harbour-diary"]
    assert [a.date for a in record.appearances] == ["2026-03-02", "2026-03-05", "2026-03-08"]
    assert [a.publisher for a in record.appearances] == ["Estrelia Herald", "Valmora Evening News", "Baltic Shipping Bulletin"]
    assert record.claimant == "Teodor Vasko" and record.text == SLOGAN
    assert all(a.same_attribution for a in record.appearances)
    first_claim = slogan_briefings()[1].claims[0]
    assert record.id == "same-" + first_claim.id.removeprefix("c-") and record.appearances[0].claim == first_claim.id


def test_normalise_folds_case_quotes_punctuation_and_space():
    assert normalise("“Don’t  STOP” – now!") == normalise('"don\'t stop, now"') == "dont stop now"


def test_a_close_paraphrase_by_the_same_claimant_is_one_record():
    a = briefing("a", "2026-03-02", "Herald", [claim("the strike would continue until Meridian Terminals restored the night-shift bonus", "Teodor Vasko", kind="statement")])
    b = briefing("b", "2026-03-04", "Review", [claim("the strike would go on until Meridian Terminals restored the night bonus", "Teodor Vasko", kind="statement")])
    records = find_claim_records([a, b])
    assert [[x.briefing for x in r.appearances] for r in records] == [["a", "b"]]
    # The same paraphrase by someone else is another claim.
    c = briefing("c", "2026-03-04", "Review", [claim("the strike would go on until Meridian Terminals restored the night bonus", "Oskar Lindqvist", kind="statement")])
    assert find_claim_records([a, c]) == []


def test_the_same_words_by_different_claimants_are_not_one_record():
    words = "The port will reopen on Monday morning at six"
    items = [
        briefing("a", "2026-03-02", "Herald", [claim(words, "Teodor Vasko")]),
        briefing("b", "2026-03-03", "Review", [claim(words, "Oskar Lindqvist")]),
        briefing("c", "2026-03-04", "Bulletin", [claim(words.upper(), "Oskar Lindqvist")]),
    ]
    records = find_claim_records(items)
    assert [(r.claimant, [a.briefing for a in r.appearances]) for r in records] == [("Oskar Lindqvist", ["b", "c"])]
    assert find_claim_records(items[:2]) == []


def test_an_unattributed_copy_joins_its_claimant_and_is_marked():
    words = "Dockworkers will return when the night-shift bonus is restored"
    items = [
        briefing("a", "2026-03-02", "Herald", [claim(words, "Teodor Vasko", kind="statement")]),
        briefing("b", "2026-03-03", "Review", [claim(words + ".", "author", kind="statement")], authors=["Pieter Aalto"]),
    ]
    (record,) = find_claim_records(items)
    assert [(a.claimant, a.same_attribution) for a in record.appearances] == [("Teodor Vasko", True), ("author", False)]


def test_author_paraphrases_of_different_publishers_stay_apart():
    a = briefing("a", "2026-03-02", "Herald", [claim("the government has lost control of the harbour strike and the container backlog", "author", kind="statement")])
    b = briefing("b", "2026-03-03", "Review", [claim("the government lost control of the harbour strike and of the container backlog", "author", kind="statement")])
    assert find_claim_records([a, b]) == []
    b.article.publisher = "Herald"
    assert len(find_claim_records([a, b])) == 1


def test_a_claim_repeated_inside_one_briefing_only_is_no_record():
    one = briefing("a", "2026-03-02", "Herald", [claim(SLOGAN, "Teodor Vasko", 1), claim(SLOGAN.upper(), "Teodor Vasko", 4)])
    other = briefing("b", "2026-03-03", "Review", [claim("the walkout was illegal under the port law", "Oskar Lindqvist")])
    assert find_claim_records([one, other]) == []


def test_records_do_not_depend_on_input_order():
    items = slogan_briefings() + [
        briefing(f"x{n}", (date(2026, 1, 1) + timedelta(days=n)).isoformat(), f"Publisher {n % 3}",
                 [claim(f"the harbour of town{n} will reopen on Monday with extra cranes", "Harbour Master"),
                  claim(f"Town{n} harbour will reopen on Monday with extra cranes", "Harbour Master")])
        for n in range(12)
    ]
    first = find_claim_records(items)
    assert find_claim_records(list(reversed(items))) == first
    assert find_claim_records(items) == first


def test_only_claims_sharing_a_rare_word_with_the_same_claimant_are_compared():
    """A thousand claims by one claimant, none a paraphrase of another: each is compared only with
    the few that share one of its rarest words, never with all 500,000 pairs."""
    many = [
        briefing(f"b{n}", (date(2025, 1, 1) + timedelta(days=n % 300)).isoformat(), "Herald",
                 [claim(f"the council approved budget{n} for district{n} and road{n} repairs", "Mayor Lind", kind="statement")])
        for n in range(1000)
    ]
    stats: dict = {}
    assert find_claim_records(many, stats=stats) == []
    assert stats["claims"] == 1000
    assert stats["pairs_compared"] == 0
    pair = [briefing(f"p{side}", "2026-01-0" + str(side + 1), "Review",
                     [claim("the council approved the harbour budget for the district road repairs", "Mayor Lind", kind="statement")])
            for side in (0, 1)]
    assert len(find_claim_records(many + pair, stats=stats)) == 1
    assert stats["pairs_compared"] <= 1000


# Pages ------------------------------------------------------------------------------------------------


def collection_of(items: list[Briefing], notes: dict[str, Note] | None = None) -> pages.Collection:
    collection = pages.Collection()
    for item in items:
        collection.add(item, (notes or {}).get(item.slug))
    collection.assign_actor_slugs()
    collection.set_claim_records(find_claim_records(items))
    return collection


def test_claims_index_lists_the_record_once_and_claims_link_to_it():
    items = slogan_briefings()
    collection = collection_of(items)
    record = collection.claim_records[0]
    index = pages.claims_pages(collection)["claims/index.md"]
    assert "## Claims in several sources" in index
    assert index.count(f"{{ #{record.id} }}") == 1
    section = index.split("## Claims in several sources")[1]
    assert "first appeared: [Estrelia Herald, 2026-03-02](../briefings/strike-begins.md#" in section
    assert "[Valmora Evening News, 2026-03-05]" in section and "[Baltic Shipping Bulletin, 2026-03-08]" in section
    assert index.count(f"(#{record.id})") == 3  # each appearance, listed by its claimant, links to the record
    assert "also in 2 other sources" in index
    quote_page = pages.claims_pages(collection)["claims/quote.md"]
    assert f"(index.md#{record.id})" in quote_page and "Claims in several sources" not in quote_page
    actor = pages.actor_page(collection.actors["teodor vasko"], collection.urls)
    assert f"../../claims/#{record.id}" in actor and "also in 2 other sources" in actor
    assert actor.count("also in") == 3


def test_a_verdict_on_one_appearance_shows_on_the_record():
    items = slogan_briefings()
    claim_id = items[2].claims[0].id  # bonus-explained
    note = Note(slug="bonus-explained", path=Path("bonus-explained.md"), body="", corrections=Corrections())
    note.corrections.verdicts[claim_id] = Verdict(verdict="disputed", note="Vasko denies *saying* it.")
    collection = collection_of(items, {"bonus-explained": note})
    section = pages.claims_pages(collection)["claims/index.md"].split("## Claims in several sources")[1]
    first_line = next(line for line in section.splitlines() if line.startswith("- **"))
    assert "⚠ disputed" in first_line and "Vasko denies" in first_line and "(../briefings/bonus-explained.md#" in first_line


def test_record_section_escapes_article_text():
    hostile = "<script>alert(1)</script> *bold* [link](javascript:x)"
    items = slogan_briefings()
    items[1].article.publisher = "<img src=x onerror=alert(1)>"
    items[1].article.title = hostile
    items[1].claims[0].text = SLOGAN + " <script>alert(2)</script>"
    for item in items[::2]:
        item.claims[0].text = item.claims[0].text + " <script>alert(2)</script>"
    collection = collection_of(items)
    assert collection.claim_records
    index = pages.claims_pages(collection)["claims/index.md"]
    body = frontmatter.loads(index).content
    assert "<script>" not in body and "<img" not in body and "[link](javascript:" not in body


# The fixture collection, built for real -----------------------------------------------------------------


@pytest.mark.slow
def test_build_lists_the_repeated_slogan_with_its_three_sources(stories_build):
    project = stories_build
    docs = project / "docs"
    index = (docs / "claims" / "index.md").read_text(encoding="utf-8")
    section = index.split("## Claims in several sources")[1]
    entries = [block for block in section.split("\n- ")[1:] if "Teodor Vasko" in block.splitlines()[0]]
    slogan = [block for block in entries if "load the cranes" in block]
    assert len(slogan) == 1, section
    sources = re.findall(r"\[([^\]]+), (\d{4}-\d{2}-\d{2})\]\(\.\./briefings/", slogan[0])
    assert sources == [("Estrelia Herald", "2026-03-02"), ("Valmora Evening News", "2026-03-05"), ("Baltic Shipping Bulletin", "2026-03-08")]
    record_id = re.search(r"\{ #(same-[0-9a-f]+) \}", slogan[0]).group(1)  # type: ignore[union-attr]
    assert index.count(f"(#{record_id})") == 3
    actor = next(p for p in (docs / "actors").glob("*.md") if frontmatter.load(p)["title"] == "Teodor Vasko").read_text(encoding="utf-8")
    assert f"claims/#{record_id}" in actor and "also in 2 other sources" in actor
    built = (project / "site" / "claims" / "index.html").read_text(encoding="utf-8")
    assert f'id="{record_id}"' in built and f'href="#{record_id}"' in built  # the anchor the other pages link to
