"""The static charts: escaped, aggregated so they stay readable with many items, and passed through
Markdown as one raw HTML block."""
from __future__ import annotations

import random
import re
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest

from briefing_gen.model import Actor, Article, Briefing, Claim
from briefing_gen.site import charts, pages

HOSTILE = '<script>alert(1)</script> & "quoted" \'single\' {: onclick=x }'
SVG_TAGS = {"figure", "div", "svg", "title", "desc", "g", "line", "text", "rect", "path", "circle", "figcaption"}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> Tags:
    parser = Tags()
    parser.feed(markup)
    parser.close()
    return parser


def to_html(markdown_text: str) -> str:
    """Markdown to HTML with the extensions of mkdocs.yml."""
    import markdown

    return markdown.markdown(markdown_text, extensions=["admonition", "attr_list", "tables", "toc"])


def days(start: str, count: int, step: int = 1) -> list[str]:
    first = date.fromisoformat(start)
    return [(first + timedelta(days=i * step)).isoformat() for i in range(count)]


def test_timeline_is_an_accessible_svg_figure():
    markup = charts.timeline_chart(["2026-03-02", "2026-03-04", "2026-03-20", None])
    tags = parse(markup)
    assert tags.tags[:3] == ["figure", "div", "svg"]
    attributes = dict(tags.attributes)
    assert attributes["role"] == "img"
    assert "timeline-title" in attributes["aria-labelledby"]
    assert "<title id=\"timeline-title\">Briefings over time</title>" in markup
    assert "1 undated briefing not shown" in markup
    assert "\n\n" not in markup  # one raw HTML block: a blank line would end it
    assert "script" not in {t for t in tags.tags}


@pytest.mark.parametrize(
    "dates, unit",
    [
        (days("2026-01-01", 40), "day"),
        (days("2024-01-01", 700), "week"),
        (days("2016-01-01", 3000, step=1), "month"),
        (days("2000-01-01", 800, step=5), "month"),
        (days("1970-01-01", 3000, step=11), "year"),
    ],
)
def test_timeline_buckets_keep_the_bar_count_small(dates, unit):
    markup = charts.timeline_chart(dates)
    assert f"Briefings per {unit}" in markup
    bars = parse(markup).tags.count("rect")
    assert 0 < bars <= 160
    assert len(markup) < 60_000


def test_timeline_counts_add_up_and_gaps_are_kept():
    markup = charts.timeline_chart(["2026-01-05", "2026-01-05", "2026-01-07"])
    assert "2026-01-05: 2 briefings" in markup and "2026-01-07: 1 briefing" in markup
    assert charts.timeline_chart([None, "not a date"]) == ""
    assert charts.timeline_chart([]) == ""


def test_thousands_of_briefings_make_one_small_chart():
    rng = random.Random(9)
    dates = [(date(2020, 1, 1) + timedelta(days=rng.randrange(2000))).isoformat() for _ in range(5000)]
    markup = charts.timeline_chart(dates)
    assert "Briefings per month" in markup
    assert parse(markup).tags.count("rect") <= 70


def test_mentions_per_month_fill_the_gaps():
    markup = charts.mentions_chart([("2026-01-10", 3), ("2026-01-20", 2), ("2026-04-01", 1), (None, 9)], "Estonia")
    assert "2026-01: 5 mentions in 2 briefings" in markup
    assert "2026-04: 1 mention in 1 briefing" in markup
    assert "Mentions per month, 2026-01 to 2026-04" in markup
    assert parse(markup).tags.count("rect") == 2  # February and March are empty months: no bar
    assert ">Mar 2026<" in markup or ">Feb 2026<" in markup
    assert charts.mentions_chart([(None, 3)], "X") == ""


def test_mentions_over_decades_are_counted_per_year():
    markup = charts.mentions_chart([("1990-05-01", 1), ("2026-05-01", 2)], "Norway")
    assert "Mentions per year" in markup
    assert parse(markup).tags.count("rect") == 2


def test_claims_graph_is_capped_and_grouped():
    rng = random.Random(4)
    claimants = [f"Claimant {i}" for i in range(40)]
    named = [f"Actor {i}" for i in range(70)]
    pairs = [(rng.choice(claimants), rng.sample(named, rng.randrange(0, 3))) for _ in range(400)]
    markup = charts.claims_graph(pairs)
    tags = parse(markup)
    assert tags.tags.count("text") == 2 + 2 * charts.MAX_GRAPH_NODES  # two headings, ten names a side
    assert "others" in markup
    assert tags.tags.count("path") <= charts.MAX_GRAPH_NODES**2 + 4  # the edges, and the dots of each side
    assert "the rest are grouped as others" in markup
    assert len(markup) < 60_000


def test_claims_graph_edges_and_counts():
    pairs = [("Kadri Vaher", ["Russia", "Germany"]), ("Kadri Vaher", ["Russia"]), ("Germany", ["Estonia"]), ("Germany", [])]
    markup = charts.claims_graph(pairs)
    assert "Kadri Vaher → Russia: 2 claims" in markup
    assert ">Kadri Vaher (2)</text>" in markup and ">Russia (2)</text>" in markup and ">Estonia (1)</text>" in markup
    # a claimant's number is all of its claims (as the page lists them), those naming nobody too
    assert ">Germany (2)</text>" in markup and "Germany: 2 claims in all" in markup
    assert "Estonia: named in 1 claim" in markup
    assert "3 of 4 claims name other actors" in markup
    assert charts.claims_graph([("A", []), ("B", [])]) == ""


def test_every_text_is_escaped():
    pairs = [(HOSTILE, [HOSTILE + " target"]), ("Plain", [HOSTILE])]
    for markup in (
        charts.claims_graph(pairs),
        charts.mentions_chart([("2026-01-01", 1)], HOSTILE),
        charts.timeline_chart(["2026-01-01"], chart_id='x" onload="alert(1)', title=HOSTILE),
    ):
        tags = parse(markup)
        assert set(tags.tags) <= SVG_TAGS, set(tags.tags) - SVG_TAGS
        assert not any(name.startswith("on") for name, _ in tags.attributes)
        assert "<script" not in markup
        assert "&lt;script&gt;" in markup or "alert(1)" not in markup


def test_chart_passes_through_markdown_as_raw_html():
    chart = charts.timeline_chart(["2026-01-01", "2026-02-01"])
    html = to_html(f"# Title\n\n{chart}\n\nAfter the chart.\n")
    assert "<svg" in html and "</figure>" in html
    assert "<p>After the chart.</p>" in html
    assert html.count("<p>") == 1  # nothing inside the figure became a paragraph


# Pages -------------------------------------------------------------------------------------------


def briefing(slug: str, published: str | None, actors: list[Actor], claims: list[Claim], regions=(), themes=()) -> Briefing:
    article = Article(source=f"{slug}.txt", title=f"Title {slug}", published=published, regions=list(regions), themes=list(themes))
    return Briefing(article=article, slug=slug, key_points=[f"Point {i}" for i in range(5)], actors=actors, claims=claims)


@pytest.fixture
def collection():
    c = pages.Collection()
    items = [
        briefing(
            "new",
            "2026-04-03",
            [Actor("Russia", "state", ["Moscow"], 5), Actor("Kadri Vaher", "person", [], 2)],
            [Claim("c-1", "Moscow is wrong", "Kadri Vaher", "statement", "say", 0, about=["Russia"])],
            regions=["Europe"],
            themes=["Energy & Oil"],
        ),
        briefing("week", "2026-03-30", [Actor("Russia", "state", [], 1)], [], regions=["Europe", "Asia"]),
        briefing("old", "2026-01-02", [Actor("Estonia", "state", [], 9)], [], themes=["Energy & Oil"]),
        briefing("undated", None, [Actor(HOSTILE, "person", [], 1)], []),
    ]
    for item in items:
        c.add(item)
    c.assign_actor_slugs()
    return c, items


def test_tag_links_are_escaped():
    link = pages.tag_link('<b>"x"</b> & *y*')
    assert link.startswith('<a href="tags/#tag:')
    html = to_html(f"Tags: {link}")
    assert "<b>" not in html and "&lt;b&gt;" in html and "<em>" not in html


def test_home_page_for_the_morning(collection):
    c, _ = collection
    page = pages.home_page(c, "Site")
    assert "Most active actors this week" in page
    assert "week to 2026-04-03" in page
    active = page.split("## Most active actors this week")[1].split("## Newest briefings")[0]
    assert "Russia" in active and "Kadri Vaher" in active and "Estonia" not in active  # Estonia is older
    assert active.index("Russia") < active.index("Kadri Vaher")  # two briefings this week, before one
    assert '<a href="tags/#tag:europe">Europe</a> (2)' in page
    assert '<a href="tags/#tag:energy--oil">Energy &amp; Oil</a> (2)' in page
    assert "*2 more on [the briefing]" in page  # five key points, three shown
    assert 'class="bg-chart bg-chart--timeline"' in page
    html = to_html(page.split("---\n", 2)[2])
    assert "<script" not in html
    assert '<a href="tags/#tag:europe">Europe</a> (2)' in html
    assert "<svg" in html


def test_actor_page_has_mentions_over_time(collection):
    c, _ = collection
    page = pages.actor_page(c.actors["russia"])
    assert "bg-chart--mentions" in page and "Mentions of Russia per month" in page
    hostile = pages.actor_page(c.actors[HOSTILE.casefold()])
    assert "bg-chart" not in hostile  # undated only: no chart


def test_briefing_page_has_the_claims_graph(collection):
    c, items = collection
    page = pages.briefing_page(items[0], c)
    assert "Kadri Vaher → Russia: 1 claim" in page
    assert page.index("## Claims") < page.index("bg-chart--claims") < page.index("## Text")


def test_claims_graph_joins_claimants_to_what_their_claims_are_about():
    """The graph's lines come from each claim's `about`, found by extraction in the content's words,
    not from searching the claim's text for names again."""
    actors = [Actor("Russia", "state", ["Moscow"], 4), Actor("Estonia", "state", [], 2), Actor("Germany", "state", [], 2), Actor("Kadri Vaher", "person", [], 3)]
    claims = [
        # the text names Moscow and Estonia, but extraction found the content to be about Germany
        Claim("c-1", "Moscow and Estonia are wrong", "Kadri Vaher", "statement", "say", 0, about=["Germany"]),
        Claim("c-2", "Estonia should pay", "Kadri Vaher", "statement", "say", 0, about=[]),
        Claim("c-3", "Russia will not be moved", "Russia", "statement", "say", 1, about=["Russia", "Estonia"]),
    ]
    markup = charts.briefing_claims_graph(briefing("about", "2026-04-03", actors, claims))
    edges = [title for title in re.findall(r"<title>([^<]*→[^<]*)</title>", markup)]
    assert sorted(edges) == ["Kadri Vaher → Germany: 1 claim", "Russia → Estonia: 1 claim"]  # never the claimant itself
    assert ">Kadri Vaher (2)</text>" in markup  # both of its claims, as listed under its name
    assert charts.briefing_claims_graph(briefing("none", None, actors, claims[1:2])) == ""


def test_graph_counts_match_the_claim_lists_of_the_briefing_page():
    actors = [Actor("Russia", "state", [], 6), Actor("Estonia", "state", [], 2)]
    claims = [Claim(f"c-{i}", f"Claim {i}", "Russia", "statement", "say", i, about=["Estonia"] if i < 2 else []) for i in range(6)]
    c = pages.Collection()
    item = briefing("six", "2026-04-03", actors, claims)
    c.add(item)
    c.assign_actor_slugs()
    page = pages.briefing_page(item, c)
    listed = page.split("### [Russia]", 1)[1].split("\n## ", 1)[0].count("<li ")
    assert listed == 6 and ">Russia (6)</text>" in page and ">Estonia (2)</text>" in page
