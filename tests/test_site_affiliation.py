"""An official named only by office shows whom they speak for: on their actor page, linked to that
actor's page, and in the role column of a briefing's actors table."""
from __future__ import annotations

from briefing_gen.model import Actor, Article, Briefing, Claim, Paragraph
from briefing_gen.site import pages

AMBASSADOR = "China's Ambassador to Belgium"


def briefing(slug: str, speaks_for: str | None, role: str | None = "Ambassador to Belgium") -> Briefing:
    article = Article(source=f"{slug}.md", title=f"Talks {slug}", published="2026-04-02", paragraphs=[Paragraph("The ambassador said so.")])
    actors = [
        Actor(AMBASSADOR, "person", [], 2, role=role, speaks_for=speaks_for),
        Actor("China", "state", [], 3),
        Actor("Taiwan", "state", [], 1),
    ]
    claims = [Claim(f"c-{slug}00001", "trade will grow", AMBASSADOR, "statement", "say", 0)]
    return Briefing(article=article, slug=slug, summary=["Talks."], actors=actors, claims=claims)


def collect(*briefings: Briefing) -> pages.Collection:
    collection = pages.Collection()
    for item in briefings:
        collection.add(item)
    collection.assign_actor_slugs()
    return collection


def test_actor_page_says_whom_the_official_speaks_for_with_a_link(render):
    collection = collect(briefing("a", "China"), briefing("b", "China"), briefing("c", "Taiwan"), briefing("d", None))
    entry = collection.actors[AMBASSADOR.casefold()]
    assert entry.speaks_for == "China"  # the most common value across briefings
    html = render(pages.actor_page(entry).split("---\n", 2)[2]).html
    assert '<tr><th>Speaks for<td><a href="../china/">China</a>' in html.replace("</th>", "").replace("</td>", "")


def test_actor_page_without_a_page_for_whom_they_speak_for():
    collection = collect(briefing("a", "Atlantis"))
    page = pages.actor_page(collection.actors[AMBASSADOR.casefold()])
    assert "<tr><th>Speaks for<td>Atlantis\n" in page


def test_others_have_no_speaks_for_row():
    collection = collect(briefing("a", "China"))
    assert "Speaks for" not in pages.actor_page(collection.actors["china"])


def test_actors_table_role_shows_whom_an_official_speaks_for():
    item = briefing("a", "China")
    page = pages.briefing_page(item, collect(item))
    assert "<td>person<td>Ambassador to Belgium (China)<td>2" in page
    plain = briefing("b", "China", role="Chinese envoy (China)")
    assert "<td>Chinese envoy (China)<td>" in pages.briefing_page(plain, collect(plain))
    no_role = briefing("c", "China", role=None)
    assert "<td>speaks for China<td>" in pages.briefing_page(no_role, collect(no_role))
