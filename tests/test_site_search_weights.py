"""The built-in search leads to briefings: their front matter boosts them (Material's
`search.boost`), the lists that only name them weigh less, the paged lists of actors by type are
left out (`search.exclude`), and tables and charts are not indexed as text (`data-search-exclude`
for the built-in search, `data-pagefind-ignore` for Pagefind)."""
from __future__ import annotations

import frontmatter

from briefing_gen.model import Actor, Article, Briefing, Claim, Paragraph
from briefing_gen.site import pages


def collection_of_one(monkeypatch) -> tuple[pages.Collection, Briefing]:
    monkeypatch.setattr(pages, "ACTORS_ON_INDEX", 0)  # every type gets its paged list
    article = Article(source="a.md", title="SWIFT cut-off", published="2026-04-02", paragraphs=[Paragraph("SWIFT said so.")])
    briefing = Briefing(
        article=article,
        slug="swift",
        summary=["SWIFT acted."],
        actors=[Actor("SWIFT", "organization", [], 3), Actor("Russia", "state", [], 1)],
        claims=[Claim("c-0000000001", "the cut-off holds", "SWIFT", "statement", "say", 0, about=["Russia"])],
    )
    collection = pages.Collection()
    collection.add(briefing)
    collection.assign_actor_slugs()
    return collection, briefing


def test_briefings_are_boosted_and_lists_weigh_less(monkeypatch):
    collection, briefing = collection_of_one(monkeypatch)
    assert frontmatter.loads(pages.briefing_page(briefing, collection))["search"] == {"boost": 2}
    assert frontmatter.loads(pages.actor_page(collection.actors["swift"]))["search"]["boost"] < 1
    lists = {**pages.actor_index_pages(collection), **pages.claims_pages(collection)}
    lists["briefings/index.md"] = pages.briefings_index_page(collection)
    lists["timeline.md"] = pages.timeline_page(collection)
    paged = [name for name in lists if name.startswith("actors/") and name != "actors/index.md"]
    assert sorted(paged) == ["actors/organization-1.md", "actors/state-1.md"]
    for name, text in lists.items():
        search = frontmatter.loads(text)["search"]
        if name in paged:
            assert search == {"exclude": True}, name
        else:
            assert search == {"boost": 0.3}, name


def test_tables_and_charts_are_not_indexed_as_text(monkeypatch):
    collection, briefing = collection_of_one(monkeypatch)
    page = pages.briefing_page(briefing, collection)
    assert '<div class="bg-table" data-pagefind-ignore data-search-exclude>' in page  # the actors table
    assert '<figure class="bg-chart bg-chart--claims" data-pagefind-ignore data-search-exclude>' in page
    actor = pages.actor_page(collection.actors["swift"])
    assert '<div class="bg-table" data-pagefind-ignore data-search-exclude>' in actor
    assert "data-pagefind-ignore data-search-exclude>" in actor.split("<figure", 1)[1].split("\n", 1)[0]
