"""Stories across the collection (`briefing_gen.collection.stories`) and their pages.

The fixture collection `tests/fixtures/stories/` holds three invented stories (a dock strike in
Valmora in six articles, two of which repeat the union leader's slogan in other words, the Orvin
Dam breach and a leaked memo on the Tarsk-2 satellite contract in four each),
two off-topic articles (a chess festival, a food fair) and one article that shares the labour
minister of the strike story but is about her pension reform.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import frontmatter
import pytest

from briefing_gen.collection.identity import renamed, resolve_identities
from briefing_gen.collection.stories import Story, StorySettings, find_stories
from briefing_gen.model import Actor, Article, Briefing
from briefing_gen.site import pages

STORIES_DIR = Path(__file__).resolve().parent / "fixtures" / "stories"
EXPECTED = {
    "port-strike": {"port-strike-begins.md", "port-strike-ships-diverted.md", "port-strike-minister-mediates.txt", "port-strike-deal.md",
                    "port-strike-night-shift-bonus.md", "port-strike-harbour-diary.md"},
    "dam": {"dam-breach.md", "dam-inspection-warnings.md", "dam-death-toll.txt", "dam-inquiry.md"},
    "satellite": {"satellite-memo-leak.md", "satellite-minister-denies.md", "satellite-official-suspended.txt", "satellite-audit.md"},
}
UNGROUPED = {"chess-festival.md", "bakery-fair.md", "pension-reform-brandner.md"}


# Small hand-made briefings: fast, no language analysis -------------------------------------------------


def briefing(slug: str, day: str | None, actors: list[str], summary: str, title: str = "") -> Briefing:
    article = Article(source=f"{slug}.txt", title=title or slug.replace("-", " ").title(), published=day)
    return Briefing(article=article, slug=slug, summary=[summary], actors=[Actor(name=a, type="person", mentions=1) for a in actors])


def filler(count: int, start: date) -> list[Briefing]:
    """Unrelated briefings that all name the same broad actor, as a large collection would."""
    return [
        briefing(f"filler-{n}", (start + timedelta(days=n % 40)).isoformat(), ["Governor Broad", f"Person {n}"], f"Topic{n} happened in place{n}.")
        for n in range(count)
    ]


def strike_briefings() -> list[Briefing]:
    text = "Dockworkers went on strike at the harbour over the night bonus and the cranes stood idle."
    return [
        briefing("strike-a", "2026-03-02", ["Teodor Vasko", "Oskar Lindqvist", "Governor Broad"], text),
        briefing("strike-b", "2026-03-04", ["Teodor Vasko", "Oskar Lindqvist"], "The strike by dockworkers over the bonus kept the cranes idle."),
        briefing("strike-c", "2026-03-07", ["Oskar Lindqvist", "Teodor Vasko"], "Talks on the dockworkers' bonus failed; the strike and idle cranes went on."),
    ]


def test_briefings_sharing_specific_actors_and_terms_form_a_story():
    stories = find_stories(strike_briefings() + filler(30, date(2026, 2, 20)))
    assert [story.briefings for story in stories] == [["strike-a", "strike-b", "strike-c"]]
    story = stories[0]
    assert story.first == "2026-03-02" and story.last == "2026-03-07"
    assert set(story.actors[:2]) == {"Teodor Vasko", "Oskar Lindqvist"}
    assert "Governor Broad" not in story.actors  # in every filler briefing: ubiquitous, no evidence
    assert {"strike", "dockworkers", "bonus"} <= set(story.terms)


def test_a_broad_actor_alone_makes_no_story():
    """Thirty briefings that all name the same governor, each about something else."""
    assert find_stories(filler(30, date(2026, 1, 1))) == []


def test_one_shared_actor_and_shared_words_are_not_enough():
    a = briefing("a", "2026-03-02", ["Ilse Brandner", "Hanna Ilves"], "The pension reform raises the retirement age.")
    b = briefing("b", "2026-03-03", ["Ilse Brandner", "Teodor Vasko"], "The pension reform was criticised by the dockworkers.")
    assert find_stories([a, b]) == []


def test_briefings_far_apart_in_time_are_not_one_story():
    a, b, _ = strike_briefings()
    b.article.published = "2026-05-30"
    assert find_stories([a, b]) == []


def test_stories_do_not_depend_on_input_order_and_repeat_exactly():
    collection = strike_briefings() + filler(30, date(2026, 2, 20))
    first = find_stories(collection)
    assert find_stories(list(reversed(collection))) == first
    assert find_stories(collection) == first


def test_average_link_does_not_chain_unrelated_briefings():
    """A links to B and B to C on different specifics; A and C share nothing: two groups at most,
    never A with C through B alone."""
    a = briefing("a", "2026-03-01", ["Anna Alpha", "Bert Beta"], "The quarry explosion shook the village of the quarry workers.")
    b = briefing("b", "2026-03-02", ["Anna Alpha", "Bert Beta", "Cora Gamma", "Dirk Delta"],
                 "The quarry explosion and the ferry collision dominated the council meeting on the ferry.")
    c = briefing("c", "2026-03-03", ["Cora Gamma", "Dirk Delta"], "The ferry collision closed the harbour for the ferry crews.")
    groups = [set(story.briefings) for story in find_stories([a, b, c], StorySettings(min_similarity=0.1))]
    assert not any({"a", "c"} <= group for group in groups)


def test_clustering_compares_only_briefings_that_share_a_rare_feature():
    """A thousand briefings, none sharing anything specific, and twenty pairs that do: only the
    pairs that share a rare feature are scored, never all 500,000."""
    many = [
        briefing(f"b{n}", (date(2025, 1, 1) + timedelta(days=n % 300)).isoformat(), [f"Unique Person{n}", "Everyone"], f"Word{n} other{n}.")
        for n in range(1000)
    ]
    stats: dict = {}
    assert find_stories(many, stats=stats) == []
    assert stats["pairs_compared"] == 0
    pairs = [
        briefing(f"p{n}-{side}", (date(2025, 1, 1) + timedelta(days=n * 5 + side)).isoformat(),
                 [f"Mayor Pair{n}", f"Agency Pair{n}", "Everyone"], f"Quarry{n} collapse near Bridge{n} closed the Bridge{n} road.")
        for n in range(20) for side in (0, 1)
    ]
    assert len(find_stories(many + pairs, stats=stats)) == 20
    assert 20 <= stats["pairs_compared"] <= 40 * 39 // 2  # only among the forty that share words


def test_story_pages_escape_article_text():
    hostile = "<script>alert(1)</script> *bold* [link](javascript:x)"
    collection = pages.Collection()
    items = strike_briefings()
    items[0].article.title = hostile
    items[0].article.publisher = "<img src=x onerror=alert(1)>"
    for item in items:
        collection.add(item)
    collection.assign_actor_slugs()
    story = Story(slug="strike", title=hostile, briefings=[b.slug for b in items], actors=["Teodor Vasko", hostile], terms=[hostile],
                  first="2026-03-02", last="2026-03-07")
    collection.set_stories([story])
    page = pages.story_page(story, collection)
    index = pages.stories_index_page(collection)
    briefing_page = pages.briefing_page(items[0], collection)
    for text in (page, index, briefing_page):
        body = frontmatter.loads(text).content  # (the front matter is data; MkDocs shows only its title as HTML)
        assert "<script>" not in body and "<img" not in body
        assert "<script>" not in frontmatter.loads(text).get("title", "")
    assert "&lt;script&gt;" in page
    assert "(../stories/strike.md)" in briefing_page
    assert frontmatter.loads(briefing_page)["story"] == "strike"


# The fixture collection, extracted for real (spaCy) ----------------------------------------------------


@pytest.fixture(scope="module")
def fixture_briefings() -> list[Briefing]:
    from briefing_gen.pipeline.sources import extract_outcomes

    outcomes = list(extract_outcomes(sorted(STORIES_DIR.iterdir()), jobs=1))
    assert all(o.briefing is not None for o in outcomes), [o.error for o in outcomes if o.error]
    briefings = [o.briefing for o in outcomes if o.briefing is not None]
    identities = resolve_identities(briefings)
    return [renamed(b, identities) for b in briefings]


def by_source(briefings: list[Briefing]) -> dict[str, str]:
    return {b.slug: Path(b.article.source).name for b in briefings}


@pytest.mark.slow
def test_the_three_invented_stories_are_found_with_exactly_their_articles(fixture_briefings):
    names = by_source(fixture_briefings)
    stories = find_stories(fixture_briefings)
    found = sorted(sorted(names[slug] for slug in story.briefings) for story in stories)
    assert found == sorted(sorted(group) for group in EXPECTED.values())
    grouped = {names[slug] for story in stories for slug in story.briefings}
    assert not grouped & UNGROUPED  # off-topic articles, and the minister's pension reform, are in no story


@pytest.mark.slow
def test_fixture_stories_are_deterministic(fixture_briefings):
    first = find_stories(fixture_briefings)
    assert find_stories(fixture_briefings) == first
    assert find_stories(list(reversed(fixture_briefings))) == first
    assert len({story.slug for story in first}) == 3
    for story in first:
        dates = [next(b.article.published for b in fixture_briefings if b.slug == slug) for slug in story.briefings]
        assert dates == sorted(dates)  # in date order


@pytest.mark.slow
def test_build_writes_story_pages_and_briefings_link_to_them(stories_build):
    project = stories_build
    docs = project / "docs"
    story_pages = sorted(p for p in (docs / "stories").glob("*.md") if p.name != "index.md")
    assert len(story_pages) == 3
    index = (docs / "stories" / "index.md").read_text(encoding="utf-8")
    briefing_posts = {Path(post["source"]).name: post for post in map(frontmatter.load, (docs / "briefings").glob("*.md")) if "source" in post}
    for page in story_pages:
        post = frontmatter.load(page)
        assert post["story"] == page.stem and page.stem in index
        members = {Path(briefing_posts_by_slug(briefing_posts)[slug]["source"]).name for slug in post["briefings"]}
        assert members in EXPECTED.values()
        for slug in post["briefings"]:
            briefing_page = docs / "briefings" / f"{slug}.md"
            assert frontmatter.load(briefing_page)["story"] == page.stem
            assert f"(../stories/{page.stem}.md)" in briefing_page.read_text(encoding="utf-8")
            built = project / "site" / "briefings" / slug / "index.html"
            assert f"stories/{page.stem}/" in built.read_text(encoding="utf-8")
        assert (project / "site" / "stories" / page.stem / "index.html").is_file()
    for name in UNGROUPED:
        assert "story" not in briefing_posts[name]


def briefing_posts_by_slug(posts: dict[str, frontmatter.Post]) -> dict[str, frontmatter.Post]:
    return {post["slug"]: post for post in posts.values()}
