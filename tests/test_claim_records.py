"""The same claim across sources and time (`briefing_gen.collection.claim_records`, issue 21 item 2)
and how the claims index and actor pages show it, with the editors' verdicts beside every appearance.

The fast tests use hand-made briefings; the slow ones build `tests/fixtures/stories/`, where the
dockworkers' leader Teodor Vasko's slogan is quoted by three publishers in three wordings
(port-strike-begins.md, port-strike-night-shift-bonus.md with other punctuation and case,
port-strike-harbour-diary.md with "won't" for "will not"), and then a copy of it with editors'
verdicts on two of the three.
"""
from __future__ import annotations

import hashlib
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import frontmatter
import pytest

from briefing_gen.collection.claim_records import find_claim_records, normalise
from briefing_gen.collection.contradictions import ClaimSide, Contradiction
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


def verdict_note(slug: str, verdicts: dict[str, Verdict]) -> Note:
    note = Note(slug=slug, path=Path(f"{slug}.md"), body="", corrections=Corrections())
    note.corrections.verdicts.update(verdicts)
    return note


def claim_line(markdown: str, claim: str) -> str:
    """The item of a page's Markdown list that lists a claim: the one with `claim`, the claim's
    anchor or its link (a verdict from elsewhere links to another claim of the record)."""
    return next(line for line in markdown.splitlines() if claim in line and line.startswith("- "))


def test_a_verdict_on_one_appearance_shows_beside_the_others_on_every_page():
    items = slogan_briefings()
    strike, bonus, diary = items[1], items[2], items[0]
    disputed = Verdict(verdict="disputed", note="Vasko denies *saying* it, see [his union](../actors/teodor-vasko.md).")
    collection = collection_of(items, {"bonus-explained": verdict_note("bonus-explained", {bonus.claims[0].id: disputed})})
    given_on = "**⚠ disputed**{ .verdict .verdict-disputed } (on [Bonus Explained]"

    briefing_line = claim_line(pages.briefing_page(strike, collection), f"{{ #{strike.claims[0].id} }}")
    assert f"{given_on}(bonus-explained.md#{bonus.claims[0].id})): Vasko denies <em>saying</em> it" in briefing_line
    assert "[his union](../actors/teodor-vasko.md)" in briefing_line

    actor = pages.actor_page(collection.actors["teodor vasko"], collection.urls)
    for other in (strike, diary):
        line = claim_line(actor, f"/{other.slug}.md#{other.claims[0].id}")
        assert f"{given_on}(../briefings/bonus-explained.md#{bonus.claims[0].id}))" in line
        assert "[his union](teodor-vasko.md)" in line  # the note's link, made for actors/
    own = claim_line(actor, f"([Bonus Explained](../briefings/bonus-explained.md#{bonus.claims[0].id})")
    assert "⚠ disputed" in own and "(on [" not in own

    source = collection.sources.get("publisher", "Estrelia Herald")
    assert source is not None
    line = claim_line(pages.source_page(source, collection), f"/strike-begins.md#{strike.claims[0].id}")
    assert f"{given_on}(../../briefings/bonus-explained.md#{bonus.claims[0].id}))" in line
    assert "[his union](../../actors/teodor-vasko.md)" in line

    index = pages.claims_pages(collection)["claims/index.md"].split("## Claims in several sources")[0]
    assert f"{given_on}(../briefings/bonus-explained.md#{bonus.claims[0].id}))" in claim_line(index, f"/strike-begins.md#{strike.claims[0].id}")
    # The briefing's other claim is in no record: its claimant's list has no verdict, and stays HTML.
    assert f'<li id="{strike.claims[1].id}">' in pages.briefing_page(strike, collection)


def test_a_claims_own_verdict_wins_and_a_different_one_is_shown_too():
    items = slogan_briefings()
    strike, bonus, diary = items[1], items[2], items[0]
    notes = {
        "bonus-explained": verdict_note("bonus-explained", {bonus.claims[0].id: Verdict(verdict="disputed", note="Denied.")}),
        "harbour-diary": verdict_note("harbour-diary", {diary.claims[0].id: Verdict(verdict="disputed", note="Denied again.")}),
        "strike-begins": verdict_note("strike-begins", {strike.claims[0].id: Verdict(verdict="confirmed", note="On tape.")}),
    }
    collection = collection_of(items, notes)
    diary_line = claim_line(pages.briefing_page(diary, collection, notes["harbour-diary"]), f"{{ #{diary.claims[0].id} }}")
    assert diary_line.count("⚠ disputed") == 1 and "Denied again." in diary_line and "Denied." not in diary_line
    assert "✓ confirmed**{ .verdict .verdict-confirmed } (on [Strike Begins](strike-begins.md#" in diary_line
    strike_line = claim_line(pages.briefing_page(strike, collection, notes["strike-begins"]), f"{{ #{strike.claims[0].id} }}")
    assert strike_line.count("✓ confirmed") == 1 and "On tape." in strike_line
    # Two appearances say `disputed`: the earliest one's is shown.
    assert strike_line.count("⚠ disputed") == 1 and "(on [Bonus Explained](bonus-explained.md#" in strike_line
    assert "Denied again." not in strike_line


def test_a_verdict_from_another_appearance_is_no_claim_review_of_this_page():
    items = slogan_briefings()
    strike, bonus = items[1], items[2]
    note = verdict_note("bonus-explained", {bonus.claims[0].id: Verdict(verdict="false")})
    collection = collection_of(items, {"bonus-explained": note})
    assert "(on [Bonus Explained]" in pages.briefing_page(strike, collection)
    assert "application/ld+json" not in pages.briefing_page(strike, collection)
    assert "application/ld+json" in pages.briefing_page(bonus, collection, note)


def test_the_briefing_and_the_note_of_a_verdict_from_elsewhere_are_made_safe(render):
    """The briefing's title is the article's, escaped as text; the note is the editor's Markdown,
    sanitised as on the briefing it was given on."""
    items = slogan_briefings()
    strike, bonus = items[1], items[2]
    title = "<script>alert(1)</script> [x](javascript:y) *b* { onclick=z }"
    bonus.article.title = title
    hostile_note = "<img src=x onerror=alert(2)> [y](javascript:z) {: onclick=w } as said"
    note = verdict_note("bonus-explained", {bonus.claims[0].id: Verdict(verdict="false", note=hostile_note)})
    collection = collection_of(items, {"bonus-explained": note})
    rendered = render(claim_line(pages.briefing_page(strike, collection), f"{{ #{strike.claims[0].id} }}"))
    assert set(rendered.tags) == {"ul", "li", "strong", "a", "code"}
    assert ("href", f"bonus-explained.md#{bonus.claims[0].id}") in rendered.attributes
    assert not any(name == "onclick" or (value or "").startswith("javascript:") for name, value in rendered.attributes)
    assert f"(on {title}): y {{: onclick=w }} as said" in rendered.text


def test_a_contradiction_on_a_story_page_shows_the_verdicts_on_its_claims_other_appearances():
    items = slogan_briefings()
    strike, bonus = items[1], items[2]
    collection = collection_of(items, {"bonus-explained": verdict_note("bonus-explained", {bonus.claims[0].id: Verdict(verdict="false")})})
    sides = [ClaimSide(b.slug, b.claims[i].id, b.claims[i].claimant, b.claims[i].text, "quote", b.article.published, b.article.publisher)
             for b, i in ((strike, 0), (strike, 1))]
    row = pages.contradiction_row(Contradiction("port-strike", sides[0], sides[1], "negation", "less"), collection)  # type: ignore[arg-type]
    assert row["sides"][0]["verdicts_elsewhere_markdown"].startswith(
        f"**✗ false**{{ .verdict .verdict-false }} (on [Bonus Explained](../briefings/bonus-explained.md#{bonus.claims[0].id}))"
    )
    assert row["sides"][1]["verdicts_elsewhere_markdown"] == ""


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


@pytest.fixture(scope="module")
def verdict_build(stories_build, tmp_path_factory, run_cli) -> dict:
    """The fixture collection built again, in a copy that keeps the extraction cache, with two
    editors' verdicts on the slogan: `disputed` on the explainer's copy, and the harbour diary's
    own `disputed` with its own note. Each appearance as (publisher, briefing slug, claim id),
    oldest first, and the notes files' bytes as written."""
    project = tmp_path_factory.mktemp("verdicts") / "site"
    shutil.copytree(stories_build, project)
    section = (project / "docs" / "claims" / "index.md").read_text(encoding="utf-8").split("## Claims in several sources")[1]
    slogan = next(block for block in section.split("\n- ")[1:] if "load the cranes" in block.splitlines()[0])
    appearances = re.findall(r"\[([^\]]+), \d{4}-\d{2}-\d{2}\]\(\.\./briefings/([^/)]+)\.md#(c-[0-9a-f]+)\)", slogan)
    assert [publisher for publisher, _, _ in appearances] == ["Estrelia Herald", "Valmora Evening News", "Baltic Shipping Bulletin"]
    (_, bonus, bonus_claim), (_, diary, diary_claim) = appearances[1:]
    notes = {
        bonus: f"---\nverdicts:\n  {bonus_claim}:\n    verdict: disputed\n"
               "    note: Vasko says he never *said* it; see [his union](../actors/teodor-vasko.md).\n---\n\nChecked with the union.\n",
        diary: f"---\nverdicts:\n  {diary_claim}: {{verdict: disputed, note: The harbour diary checked it too.}}\n---\n",
    }
    (project / "notes").mkdir()
    for slug, text in notes.items():
        (project / "notes" / f"{slug}.md").write_bytes(text.encode("utf-8"))
    result = run_cli(["build"], cwd=project)
    assert result.returncode == 0, result.stderr
    assert "verdict not shown" not in result.stderr
    return {"project": project, "appearances": appearances, "notes": {slug: text.encode("utf-8") for slug, text in notes.items()}}


def built_page(project: Path, *parts: str) -> str:
    return (project / "site" / Path(*parts) / "index.html").read_text(encoding="utf-8")


def built_item(markup: str, link_or_anchor: str) -> str:
    """The HTML list item of a built page that holds `link_or_anchor` (up to the next item)."""
    start = markup.index(link_or_anchor)
    start = markup.rindex("<li", 0, start)
    end = min(i for i in (markup.find("<li", start + 3), markup.find("</ul>", start)) if i != -1)
    return markup[start:end]


BADGE = '<strong class="verdict verdict-disputed">⚠ disputed</strong>'
BONUS_TITLE = "What the Valmora Dockworkers Want: the Night-Shift Bonus Explained"


@pytest.mark.slow
def test_built_site_shows_a_verdict_beside_the_claims_other_appearances(verdict_build):
    project = verdict_build["project"]
    (_, first, first_claim), (_, bonus, bonus_claim), _ = verdict_build["appearances"]
    given_on = f'{BADGE} (on <a href="{{}}{bonus}/#{bonus_claim}">{BONUS_TITLE}</a>): Vasko says he never <em>said</em> it'

    briefing = built_page(project, "briefings", first)
    item = built_item(briefing, f'id="{first_claim}"')
    assert given_on.format("../") in item and 'see <a href="../../actors/teodor-vasko/">his union</a>' in item
    assert "application/ld+json" not in briefing  # a ClaimReview only where the verdict was given

    actor = built_page(project, "actors", "teodor-vasko")
    item = built_item(actor, f'href="../../briefings/{first}/#{first_claim}"')
    assert given_on.format("../../briefings/") in item and 'see <a href="./">his union</a>' in item

    source = built_page(project, "sources", "publishers", "estrelia-herald")
    item = built_item(source, f'href="../../../briefings/{first}/#{first_claim}"')
    assert given_on.format("../../../briefings/") in item and 'see <a href="../../../actors/teodor-vasko/">his union</a>' in item


@pytest.mark.slow
def test_built_site_keeps_a_briefings_own_verdict_and_the_notes_files(verdict_build):
    project = verdict_build["project"]
    _, (_, bonus, bonus_claim), (_, diary, diary_claim) = verdict_build["appearances"]
    item = built_item(built_page(project, "briefings", diary), f'id="{diary_claim}"')
    assert item.count(BADGE) == 1 and "The harbour diary checked it too." in item
    assert "(on <a" not in item and "never" not in item
    item = built_item(built_page(project, "briefings", bonus), f'id="{bonus_claim}"')
    assert item.count(BADGE) == 1 and "(on <a" not in item
    for slug, written in verdict_build["notes"].items():
        assert (project / "notes" / f"{slug}.md").read_bytes() == written
