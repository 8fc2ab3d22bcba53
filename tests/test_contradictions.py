"""Contradictions within a story (`briefing_gen.collection.contradictions`, issue 21 item 3) and how
the story page lists them for an editor to judge.

The fast tests use hand-made briefings and stories; the slow one reads the build of
`tests/fixtures/stories/`, where Defence Minister Corinne Aubel says she never overruled the
evaluation panel (satellite-minister-denies.md) that the leaked memo says she overruled
(satellite-memo-leak.md, and as the other articles report it).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import frontmatter
import pytest

from briefing_gen.collection.claim_records import find_claim_records
from briefing_gen.collection.contradictions import ContradictionSettings, find_contradictions
from briefing_gen.collection.stories import Story
from briefing_gen.editorial.corrections import Corrections, Verdict
from briefing_gen.editorial.notes import Note
from briefing_gen.model import Actor, Article, Briefing, Claim
from briefing_gen.site import pages

MEMO = "Defence Minister Corinne Aubel overruled the evaluation panel"
DENIAL = "she never overruled the evaluation panel"


def claim(text: str, claimant: str, kind: str = "statement", cue: str = "say") -> Claim:
    claim_id = "c-" + hashlib.sha1(f"{claimant}:{text}".encode("utf-8")).hexdigest()[:10]
    return Claim(id=claim_id, text=text, claimant=claimant, kind=kind, cue=cue, paragraph=0)  # type: ignore[arg-type]


def briefing(slug: str, day: str | None, claims: list[Claim], publisher: str = "The Observer") -> Briefing:
    article = Article(source=f"{slug}.md", title=slug.replace("-", " ").title(), published=day, publisher=publisher)
    names = sorted({c.claimant for c in claims if c.claimant != "author"})
    return Briefing(article=article, slug=slug, actors=[Actor(name=n, type="person", mentions=1) for n in names], claims=claims)


def story(*items: Briefing, slug: str = "story") -> Story:
    return Story(slug=slug, title=slug, briefings=[b.slug for b in items])


def pairs(items: list[Briefing], stories: list[Story] | None = None, **settings) -> list[tuple[str, str, str]]:
    """(reason, first claim's text, second claim's text) of each contradiction found."""
    found = find_contradictions(items, stories if stories is not None else [story(*items)], settings=ContradictionSettings(**settings))
    return [(c.reason, c.first.text, c.second.text) for c in found]


# Negation ---------------------------------------------------------------------------------------------


def test_a_claim_negating_what_another_states_is_a_pair_oldest_first():
    memo = briefing("memo-leak", "2026-05-04", [claim(MEMO, "The memo")])
    denial = briefing("minister-denies", "2026-05-06", [claim(DENIAL, "Corinne Aubel")])
    found = find_contradictions([denial, memo], [story(memo, denial)])
    assert len(found) == 1
    item = found[0]
    assert item.story == "story" and item.reason == "negation"
    assert (item.first.briefing, item.first.claimant, item.first.text) == ("memo-leak", "The memo", MEMO)
    assert (item.second.briefing, item.second.claimant, item.second.text) == ("minister-denies", "Corinne Aubel", DENIAL)
    assert item.first.claim == memo.claims[0].id and item.second.date == "2026-05-06"
    assert item.point == "overruled evaluation panel"  # in the stating claim's words


def test_one_actor_contradicting_themselves_across_briefings_is_a_pair():
    said = briefing("a", "2026-03-02", [claim("Mexico will pay for the wall", "Donald Trump")])
    later = briefing("b", "2026-03-03", [claim("Mexico would not pay for a wall", "Donald Trump")])
    assert pairs([said, later]) == [("negation", "Mexico will pay for the wall", "Mexico would not pay for a wall")]


def test_a_denial_cue_negates_the_content_it_denies():
    report = briefing("a", "2026-05-04", [claim("Aubel favoured Skyreach Orbital over the cheaper bid", "The memo")])
    denial = briefing("b", "2026-05-05", [claim("she had favoured Skyreach Orbital", "Corinne Aubel", cue="deny")])
    assert [reason for reason, _, _ in pairs([report, denial])] == ["negation"]
    # The same words with another cue state it: no contradiction.
    agreeing = briefing("b", "2026-05-05", [claim("she had favoured Skyreach Orbital", "Corinne Aubel", cue="admit")])
    assert pairs([report, agreeing]) == []


def test_claims_negating_a_word_the_other_does_not_state_are_no_pair():
    """The dock strike's leader: 'would not end the strike before the bonus was restored' and 'the
    strike would continue until the bonus was restored' say the same."""
    a = briefing("a", "2026-03-02", [claim("the strike would continue until Meridian Terminals restored the night-shift bonus", "Teodor Vasko")])
    b = briefing("b", "2026-03-06", [claim("the federation would attend but would not end the strike before the night-shift bonus was restored", "Teodor Vasko")])
    assert pairs([a, b]) == []


def test_unrelated_claims_are_not_listed():
    a = briefing("a", "2026-05-04", [claim(MEMO, "The memo"), claim("the ministry would review every bid", "Henrik Dahl")])
    b = briefing("b", "2026-05-06", [claim("the satellite would not be delivered before 2028", "Skyreach Orbital"), claim(DENIAL, "Corinne Aubel")])
    found = pairs([a, b])
    assert found == [("negation", MEMO, DENIAL)]  # only the one pair: the other claims share no statement


def test_what_is_hedged_asked_or_wished_is_not_stated():
    denial = claim("the ministry did not prosecute the procurement chief", "Corinne Aubel")
    for text in (
        "the court must decide whether to prosecute the procurement chief",
        "Did the ministry prosecute the procurement chief?",
        "the ministry wants to prosecute the procurement chief",
        "the ministry could prosecute the procurement chief",
    ):
        assert pairs([briefing("a", "2026-05-04", [claim(text, "Jonas Feld")]), briefing("b", "2026-05-05", [denial])]) == [], text


def test_the_same_statement_said_of_someone_else_is_no_pair():
    a = briefing("a", "2026-06-20", [claim("Coca-Cola's funding of the Republican convention was cut", "Analysts")])
    b = briefing("b", "2026-06-20", [claim("it will not fund the Republican convention", "Apple")])
    assert pairs([a, b]) == []
    c = briefing("c", "2026-02-11", [claim("Donald Trump was able to beat every rival", "Brigid Harrison")])
    d = briefing("d", "2026-02-12", [claim("the other candidates are not able to beat Donald Trump", "Ted Cruz")])
    assert pairs([c, d]) == []
    e = briefing("e", "2026-08-17", [claim("he won't vote for Donald Trump this fall", "Paul Winter")])
    f = briefing("f", "2026-08-18", [claim("they would vote for Donald Trump this fall", "Voters")])
    assert pairs([e, f]) == []


def test_phrases_that_negate_no_statement_are_no_pair():
    stated = briefing("a", "2026-03-01", [claim("the candidates answered questions on gun laws", "The moderator")])
    for text in (
        "voters blame failures, not gun laws",  # "not" without an auxiliary negates a phrase
        "someone who doesn't answer questions on gun laws can't lead",  # said of no one in particular
        "the candidates should not answer questions on gun laws",  # an obligation, not a fact
    ):
        assert pairs([stated, briefing("b", "2026-03-01", [claim(text, "A pundit")])]) == [], text


def test_one_claimants_two_claims_in_one_briefing_are_no_pair():
    item = briefing("a", "2026-03-02", [claim("Mexico will pay for the wall", "Donald Trump"), claim("Mexico would not pay for a wall", "Donald Trump")])
    assert pairs([item]) == []
    two_voices = briefing("a", "2026-03-02", [claim("Mexico will pay for the wall", "Donald Trump"), claim("Mexico would not pay for a wall", "Enrique Pena Nieto")])
    assert len(pairs([two_voices])) == 1
    assert pairs([two_voices], same_briefing=False) == []


# Figures ----------------------------------------------------------------------------------------------


def test_different_figures_for_the_same_count_on_the_same_day_are_a_pair():
    a = briefing("a", "2026-04-14", [claim("12 people were killed when the Orvin Dam breached", "Pavel Strand")])
    b = briefing("b", "2026-04-14", [claim("thirty people were killed when the Orvin Dam breached", "Lantern Relief")])
    found = find_contradictions([a, b], [story(a, b)])
    assert [(c.reason, c.point) for c in found] == [("figures", "people: 12 people / thirty people")]


def test_the_same_figure_restated_or_a_bound_that_holds_is_no_pair():
    first = briefing("a", "2026-04-14", [claim("eleven people were killed when the Orvin Dam breached", "Pavel Strand")])
    for text in (
        "11 people were killed when the Orvin Dam breached",  # the same figure in digits
        "at least six people were killed when the Orvin Dam breached",  # a bound that eleven meets
        "about 10 people were killed when the Orvin Dam breached",  # an estimate within a tenth
    ):
        assert pairs([first, briefing("b", "2026-04-14", [claim(text, "Lantern Relief")])]) == [], text


def test_figures_days_apart_in_other_years_or_of_other_things_are_no_pair():
    toll = claim("12 people were killed when the Orvin Dam breached", "Pavel Strand")
    later = briefing("b", "2026-04-20", [claim("30 people were killed when the Orvin Dam breached", "Lantern Relief")])
    assert pairs([briefing("a", "2026-04-14", [toll]), later]) == []  # a toll that rose over a week
    other_year = briefing("b", "2026-04-14", [claim("30 people were killed when the Orvin Dam breached in 1978", "Lantern Relief")])
    assert pairs([briefing("a", "2026-04-14", [toll]), other_year]) == []
    other_count = briefing("b", "2026-04-14", [claim("30 people were evacuated by boat after the Orvin Dam breached", "Lantern Relief")])
    assert pairs([briefing("a", "2026-04-14", [toll]), other_count]) == []
    range_ = briefing("b", "2026-04-14", [claim("the toll rose from 12 people to 30 people killed when the Orvin Dam breached", "Lantern Relief")])
    assert pairs([briefing("a", "2026-04-14", [toll]), range_]) == []  # two figures for one unit: none


def test_figures_of_different_named_things_are_no_pair():
    poland = claim("Poland's economy grew by 2.5 per cent last year", "United Nations")
    poland.about = ["Poland"]
    kenya = claim("Kenya's economy grew by 4.5 per cent last year", "IMF")
    kenya.about = ["Kenya"]
    assert pairs([briefing("a", "2026-02-14", [poland]), briefing("b", "2026-02-14", [kenya])]) == []
    also_poland = claim("Poland's economy grew by 4.5 per cent last year", "IMF")
    also_poland.about = ["Poland"]
    assert [r for r, _, _ in pairs([briefing("a", "2026-02-14", [poland]), briefing("b", "2026-02-14", [also_poland])])] == ["figures"]


def test_percent_written_three_ways_is_one_unit():
    a = briefing("a", "2026-03-02", [claim("the company had offered a wage rise of four percent to the dockworkers", "Oskar Lindqvist")])
    for text in ("the company had offered a wage rise of 2% to the dockworkers", "the company had offered a wage rise of 2 per cent to the dockworkers"):
        assert [r for r, _, _ in pairs([a, briefing("b", "2026-03-02", [claim(text, "Teodor Vasko")])])] == ["figures"], text


# Scope, order and cost --------------------------------------------------------------------------------


def test_claims_of_different_stories_are_never_compared():
    memo = briefing("memo-leak", "2026-05-04", [claim(MEMO, "The memo")])
    denial = briefing("minister-denies", "2026-05-06", [claim(DENIAL, "Corinne Aubel")])
    assert pairs([memo, denial], [story(memo, slug="one"), story(denial, slug="two")]) == []
    assert pairs([memo, denial], []) == []


def test_two_appearances_of_one_claim_record_are_no_pair():
    """The same words by the same claimant in two briefings are one claim (a claim record), even
    when a negation in them could pair them with each other through another claim."""
    a = briefing("a", "2026-03-02", [claim("Mexico will pay for the wall", "Donald Trump")])
    b = briefing("b", "2026-03-03", [claim("Mexico will pay for the wall", "Donald Trump")])
    records = find_claim_records([a, b])
    assert len(records) == 1 and find_contradictions([a, b], [story(a, b)], records) == []


def test_result_does_not_depend_on_input_order():
    items = [
        briefing("memo-leak", "2026-05-04", [claim(MEMO, "The memo")]),
        briefing("minister-denies", "2026-05-06", [claim(DENIAL, "Corinne Aubel")]),
        briefing("audit", "2026-05-12", [claim("Defence Minister Corinne Aubel had overruled the evaluation panel", "a leaked memo")]),
    ]
    stories = [story(*items)]
    first = find_contradictions(items, stories)
    assert len(first) == 2
    assert find_contradictions(list(reversed(items)), [story(*reversed(items))]) == first


def test_comparisons_are_bounded_within_a_story():
    """A thousand claims in one story: those that negate nothing and give no figure are compared
    with nothing; a thousand that all negate the same word are each compared with at most
    `max_candidates` others, never all 500,000 pairs."""
    plain = [briefing(f"p{n}", "2026-03-01", [claim(f"the harbour{n} reopened for ships{n}", f"Official {n}")]) for n in range(1000)]
    stats: dict = {}
    assert find_contradictions(plain, [story(*plain)], stats=stats) == []
    assert stats["claims"] == 1000 and stats["pairs_compared"] == 0
    negating = [briefing(f"n{n}", "2026-03-01", [claim(f"the harbour did not reopen for ships{n}", f"Official {n}")]) for n in range(1000)]
    settings = ContradictionSettings(max_candidates=50)
    find_contradictions(plain + negating, [story(*plain, *negating)], settings=settings, stats=stats)
    assert stats["pairs_compared"] <= 1000 * 50


# The story page ---------------------------------------------------------------------------------------


def story_collection(items: list[Briefing], notes: dict[str, Note] | None = None) -> tuple[pages.Collection, Story]:
    collection = pages.Collection()
    for item in items:
        collection.add(item, (notes or {}).get(item.slug))
    collection.assign_actor_slugs()
    the_story = Story(slug="tarsk", title="Tarsk-2", briefings=[b.slug for b in items], actors=["Corinne Aubel"], first="2026-05-04", last="2026-05-06")
    collection.set_stories([the_story])
    collection.set_contradictions(find_contradictions(items, [the_story]))
    return collection, the_story


def test_story_page_lists_both_claims_with_claimants_and_links_to_their_anchors(render):
    memo = briefing("memo-leak", "2026-05-04", [claim(MEMO, "The memo")], publisher="The Meridian Post")
    denial = briefing("minister-denies", "2026-05-06", [claim(DENIAL, "Corinne Aubel")], publisher="National Observer")
    verdict = Note(slug="minister-denies", path=Path("notes/minister-denies.md"), body="", corrections=Corrections(verdicts={denial.claims[0].id: Verdict("disputed")}))
    collection, the_story = story_collection([memo, denial], {"minister-denies": verdict})
    body = frontmatter.loads(pages.story_page(the_story, collection)).content
    assert "## Contradictions to judge" in body
    section = body.split("## Contradictions to judge", 1)[1].split("## Sources", 1)[0]
    assert "The memo" in section and "Corinne Aubel" in section
    assert f"(../briefings/memo-leak.md#{memo.claims[0].id})" in section
    assert f"(../briefings/minister-denies.md#{denial.claims[0].id})" in section
    assert "The Meridian Post" in section and "2026-05-06" in section and "disputed" in section  # the editor's verdict
    html = render(section).html
    assert html.count("<li>") == 3  # one pair, two claims


def test_story_page_without_contradictions_has_no_such_section():
    a = briefing("a", "2026-05-04", [claim("the ministry would review every bid", "Henrik Dahl")])
    b = briefing("b", "2026-05-06", [claim("it welcomed the review of every bid", "Skyreach Orbital")])
    collection, the_story = story_collection([a, b])
    assert "Contradictions to judge" not in pages.story_page(the_story, collection)


def test_story_page_escapes_the_claims_text(render):
    hostile = "<script>alert(1)</script> [x](javascript:alert(1))"
    memo = briefing("memo-leak", "2026-05-04", [claim(f"{MEMO} {hostile}", "The memo")])
    denial = briefing("minister-denies", "2026-05-06", [claim(DENIAL, f"Corinne Aubel {hostile}")])
    collection, the_story = story_collection([memo, denial])
    body = frontmatter.loads(pages.story_page(the_story, collection)).content
    assert "Contradictions to judge" in body
    rendered = render(body)
    assert "<script>" not in rendered.html
    assert not any(name == "href" and value and value.startswith("javascript") for name, value in rendered.attributes)


# The fixture collection, built for real ----------------------------------------------------------------


@pytest.mark.slow
def test_built_story_page_lists_the_ministers_contradiction_and_nothing_else(stories_build):
    docs = stories_build / "docs"
    pages_with = {}
    for page in sorted((docs / "stories").glob("*.md")):
        if page.name != "index.md":
            text = page.read_text(encoding="utf-8")
            pages_with[page.stem] = "## Contradictions to judge" in text
    satellite = next(stem for stem in pages_with if "tarsk" in stem or "skyreach" in stem or "satellite" in stem)
    assert pages_with == {stem: stem == satellite for stem in pages_with}  # the strike and the dam have none
    text = (docs / "stories" / f"{satellite}.md").read_text(encoding="utf-8")
    section = text.split("## Contradictions to judge", 1)[1].split("## Sources", 1)[0]
    assert "she never overruled the evaluation panel" in section
    assert "Defence Minister Corinne Aubel overruled the evaluation panel" in section  # the memo, as The Meridian Post reports it
    denials = {Path(p.name).stem for p in (docs / "briefings").glob("aubel-denies*.md")}
    assert len(denials) == 1
    assert f"(../briefings/{denials.pop()}.md#c-" in section
    built = (stories_build / "site" / "stories" / satellite / "index.html").read_text(encoding="utf-8")
    assert "Contradictions to judge" in built and "#c-" in built
