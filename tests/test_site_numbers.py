"""Counts on the generated pages agree with their number: "1 claim", "2 claims", never "1 claims"."""
from __future__ import annotations

import re

from briefing_gen.model import Actor, Article, Briefing, Claim, Paragraph
from briefing_gen.site import charts, pages

WRONG_PLURAL = re.compile(r"(?<![\d.,])1 (?:more |older )?(briefings|actors|claims|mentions|others|other actors|claims to review are|are)\b")


def one_of_each() -> pages.Collection:
    article = Article(source="a.md", title="Harbour talks", published="2026-04-02", paragraphs=[Paragraph("Ana Lee said it.")])
    briefing = Briefing(
        article=article,
        slug="harbour",
        summary=["Talks."],
        actors=[Actor("Ana Lee", "person", [], 1)],
        claims=[Claim("c-0000000001", "pay would rise", "Ana Lee", "statement", "say", 0, confidence=0.3)],
    )
    collection = pages.Collection()
    collection.add(briefing)
    collection.assign_actor_slugs()
    return collection, briefing


def every_page(collection, briefing) -> dict[str, str]:
    found = {
        "index.md": pages.home_page(collection, "Briefings"),
        "briefings/harbour.md": pages.briefing_page(briefing, collection),
        "actors/ana-lee.md": pages.actor_page(collection.actors["ana lee"]),
        "briefings/index.md": pages.briefings_index_page(collection),
        "timeline.md": pages.timeline_page(collection),
    }
    found.update(pages.actor_index_pages(collection))
    found.update(pages.claims_pages(collection))
    return found


def test_one_of_each_is_counted_in_the_singular():
    collection, briefing = one_of_each()
    found = every_page(collection, briefing)
    for name, text in found.items():
        assert not WRONG_PLURAL.search(text), (name, WRONG_PLURAL.search(text).group())
    assert "1 briefing, 1 actor, 1 claim;" in found["index.md"]
    assert "1 actor across 1 briefing," in found["actors/index.md"]
    assert "1 claim, grouped by who makes them" in found["claims/index.md"]
    assert "1 claim of kind *statement*" in found["claims/statement.md"]
    assert "· 1 briefing\n" in found["actors/index.md"]


def test_the_rest_of_a_capped_list_is_counted_in_the_singular(monkeypatch):
    collection, briefing = one_of_each()
    monkeypatch.setattr(pages, "CLAIMS_ON_INDEX", 0)
    monkeypatch.setattr(pages, "REVIEW_ON_INDEX", 1)
    monkeypatch.setattr(pages, "CLAIMS_ON_ACTOR_PAGE", 0)
    collection.claims.append({**collection.claims[0], "id": "c-0000000002"})  # two to review, one listed
    index = pages.claims_pages(collection)["claims/index.md"]
    assert "*2 more claims are listed on the pages by kind" in index
    assert "*1 more claim to review is marked" in index
    collection.claims.pop()
    index = pages.claims_pages(collection)["claims/index.md"]
    assert "*1 more claim is listed on the pages by kind" in index
    assert "*1 older claim is not listed here" in pages.actor_page(collection.actors["ana lee"])


def test_plural_helper():
    assert charts.plural(1, "claim") == "1 claim"
    assert charts.plural(0, "claim") == "0 claims"
    assert charts.plural(2, "other actor") == "2 other actors"
