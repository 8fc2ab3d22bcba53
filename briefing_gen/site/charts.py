"""Static pictures for the site: small pure functions that return inline SVG as a string.

Every chart is drawn at build time, needs no JavaScript and loads nothing from other hosts. Each
function returns one raw HTML block (a `<figure>` holding an `<svg role="img">` with a `<title>` and
a `<desc>`, and a `<figcaption>`) without blank lines, so Python-Markdown passes it through when it
stands at column 0 between blank lines. Every piece of text in the markup, labels included, goes
through `html.escape`: names and dates come from articles and are untrusted. Links are not drawn in
the pictures (MkDocs does not rewrite links inside raw HTML); the pages list the same things as
Markdown links next to them.

Colours come from the stylesheet `briefing_gen/assets/briefing.css` (Material's CSS variables, so
light and dark palettes both work); the presentation attributes in the markup (`currentColor`) are
only a fallback for a site whose mkdocs.yml does not load it.

Charts stay readable with many items: the timeline picks day, week, month or year buckets so it
never has more than about 160 bars, actor mentions are counted per month (per year past ten years),
and the claims graph shows the busiest claimants and named actors and groups the rest.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Iterable, Sequence

from briefing_gen.whitespace import fold_space

WIDTH = 720
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAX_GRAPH_NODES = 10  # per side of the claims graph, the last one being "N others" when capped
LABEL_CHARS = 30

_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def e(text: object) -> str:
    """Escape text for HTML and SVG, quotes included (it may end up in an attribute)."""
    return escape(str(text), quote=True)


def iso_date(value: object) -> date | None:
    """`YYYY-MM-DD` (or `YYYY-MM`, `YYYY`, read as the first day) as a date; None otherwise."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError:
        return None


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    text = fold_space(str(text))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


# Time buckets ----------------------------------------------------------------------------------------


def choose_unit(first: date, last: date) -> str:
    """The finest of day, week, month, year that keeps the timeline to at most ~160 bars."""
    days = (last - first).days
    if days <= 62:
        return "day"
    if days <= 3 * 365:
        return "week"
    if days <= 13 * 365:
        return "month"
    return "year"


def bucket_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return date(day.year, 1, 1)
    return day


def next_bucket(start: date, unit: str) -> date:
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def buckets(first: date, last: date, unit: str) -> list[date]:
    """Every bucket start from the one holding `first` to the one holding `last`, gaps included."""
    current, end, out = bucket_start(first, unit), bucket_start(last, unit), []
    while current <= end:
        out.append(current)
        current = next_bucket(current, unit)
    return out


def bucket_label(start: date, unit: str) -> str:
    """The full name of a bucket, for tooltips: `week of 2026-03-02`, `2026-03`, `2026`."""
    if unit == "week":
        return f"week of {start.isoformat()}"
    if unit == "month":
        return f"{start.year}-{start.month:02d}"
    if unit == "year":
        return str(start.year)
    return start.isoformat()


def tick_label(start: date, unit: str) -> str:
    """A short axis label: `2 Mar 2026`, `Mar 2026`, `2026`."""
    if unit in ("day", "week"):
        return f"{start.day} {MONTHS[start.month - 1]} {start.year}"
    if unit == "month":
        return f"{MONTHS[start.month - 1]} {start.year}"
    return str(start.year)


# Bar charts ------------------------------------------------------------------------------------------


@dataclass
class Bar:
    tick: str  # short axis label
    tooltip: str  # full text shown on hover (the bar's <title>)
    value: int


def figure(kind: str, svg: str, caption: str) -> str:
    return f'<figure class="bg-chart bg-chart--{e(kind)}" data-pagefind-ignore data-search-exclude>\n<div class="bg-chart__scroll">\n{svg}\n</div>\n<figcaption>{e(caption)}</figcaption>\n</figure>'


def svg_open(chart_id: str, height: int, title: str, description: str) -> list[str]:
    cid = e(chart_id)
    return [
        f'<svg class="bg-chart__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="{cid}-title {cid}-desc" '
        f'font-size="12" fill="currentColor">',
        f'<title id="{cid}-title">{e(title)}</title>',
        f'<desc id="{cid}-desc">{e(description)}</desc>',
    ]


def bar_chart(chart_id: str, bars: Sequence[Bar], title: str, description: str, height: int = 170) -> str:
    """A column chart: one bar per item, an axis with about six evenly spaced tick labels and the
    largest value marked. Returns the `<svg>` element only."""
    left, right, top, bottom = 36, 12, 14, 30
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    peak = max((bar.value for bar in bars), default=0) or 1
    step = plot_w / max(len(bars), 1)
    gap = step * 0.18 if step >= 4 else 0
    lines = svg_open(chart_id, height, title, description)
    baseline = top + plot_h
    lines.append(
        f'<g class="bg-axis" stroke="currentColor" stroke-opacity="0.3">'
        f'<line x1="{left}" y1="{baseline}" x2="{WIDTH - right}" y2="{baseline}"/>'
        f'<line x1="{left}" y1="{top}" x2="{WIDTH - right}" y2="{top}" stroke-dasharray="3 3"/></g>'
    )
    lines.append(f'<text class="bg-value" x="{left - 6}" y="{top + 4}" text-anchor="end">{e(peak)}</text>')
    lines.append(f'<text class="bg-value" x="{left - 6}" y="{baseline + 4}" text-anchor="end">0</text>')
    lines.append('<g class="bg-bars">')
    for index, bar in enumerate(bars):
        if bar.value <= 0:
            continue
        h = max(plot_h * bar.value / peak, 2.0)
        x = left + index * step + gap / 2
        lines.append(
            f'<rect class="bg-bar" x="{x:.1f}" y="{baseline - h:.1f}" width="{max(step - gap, 1):.1f}" '
            f'height="{h:.1f}" fill-opacity="0.7"><title>{e(bar.tooltip)}</title></rect>'
        )
    lines.append("</g>")
    for index in tick_indexes(len(bars)):
        x = left + index * step + step / 2
        anchor = "start" if index == 0 and len(bars) > 1 else ("end" if index == len(bars) - 1 and len(bars) > 1 else "middle")
        tx = left if anchor == "start" else (WIDTH - right if anchor == "end" else x)
        lines.append(f'<text class="bg-tick" x="{tx:.1f}" y="{baseline + 18}" text-anchor="{anchor}">{e(bars[index].tick)}</text>')
    lines.append("</svg>")
    return "\n".join(lines)


def tick_indexes(count: int, most: int = 6) -> list[int]:
    """Up to `most` evenly spaced bar indexes to label, always the first and the last."""
    if count <= 0:
        return []
    if count <= most:
        return list(range(count)) if count <= 3 else sorted({0, count - 1, *range(0, count, max(1, math.ceil(count / most)))})
    spacing = (count - 1) / (most - 1)
    return sorted({round(i * spacing) for i in range(most)})


def timeline_chart(dates: Iterable[object], chart_id: str = "timeline", title: str = "Briefings over time") -> str:
    """Briefings per day, week, month or year (whichever keeps the chart readable), as a figure.

    `dates` holds one publication date per briefing (`YYYY-MM-DD` strings; None for undated).
    Returns "" when no date can be read.
    """
    dates = list(dates)
    parsed = [d for d in (iso_date(x) for x in dates) if d is not None]
    undated = len(dates) - len(parsed)
    if not parsed:
        return ""
    first, last = min(parsed), max(parsed)
    unit = choose_unit(first, last)
    counts = Counter(bucket_start(d, unit) for d in parsed)
    bars = [
        Bar(tick_label(start, unit), f"{bucket_label(start, unit)}: {plural(counts[start], 'briefing')}", counts[start])
        for start in buckets(first, last, unit)
    ]
    busiest = max(bars, key=lambda bar: bar.value)
    description = (
        f"{plural(len(parsed), 'dated briefing')} from {first.isoformat()} to {last.isoformat()}, "
        f"counted per {unit}; the busiest {unit} is {busiest.tooltip}."
    )
    caption = f"Briefings per {unit}, {first.isoformat()} to {last.isoformat()}"
    if undated:
        caption += f" ({plural(undated, 'undated briefing')} not shown)"
    caption += "."
    return figure("timeline", bar_chart(chart_id, bars, title, description), caption)


def mentions_chart(items: Iterable[tuple[object, int]], name: str, chart_id: str = "mentions") -> str:
    """An actor's mentions per month (per year when the months span more than ten years).

    `items` holds (publication date, mentions) for each briefing that involves the actor.
    Returns "" when none of them is dated.
    """
    items = list(items)
    dated = [(d, int(m or 0), 1) for d, m in ((iso_date(x), m) for x, m in items) if d is not None]
    undated = len(items) - len(dated)
    if not dated:
        return ""
    first, last = min(d for d, _, _ in dated), max(d for d, _, _ in dated)
    unit = "month" if (last.year - first.year) * 12 + last.month - first.month < 120 else "year"
    mentions: Counter = Counter()
    briefings: Counter = Counter()
    for day, count, _ in dated:
        mentions[bucket_start(day, unit)] += count
        briefings[bucket_start(day, unit)] += 1
    bars = []
    for start in buckets(first, last, unit):
        tooltip = f"{bucket_label(start, unit)}: {plural(mentions[start], 'mention')} in {plural(briefings[start], 'briefing')}"
        bars.append(Bar(tick_label(start, unit), tooltip, mentions[start]))
    total = sum(mentions.values())
    title = f"Mentions of {name} per {unit}"
    description = f"{plural(total, 'mention')} of {name} in {plural(len(dated), 'dated briefing')} from {bucket_label(bucket_start(first, unit), unit)} to {bucket_label(bucket_start(last, unit), unit)}."
    caption = f"Mentions per {unit}, {bucket_label(bucket_start(first, unit), unit)} to {bucket_label(bucket_start(last, unit), unit)}"
    if undated:
        caption += f" ({plural(undated, 'undated briefing')} not shown)"
    caption += "."
    return figure("mentions", bar_chart(chart_id, bars, title, description, height=150), caption)


# Who claims what about whom -------------------------------------------------------------------------


def claims_graph(pairs: Iterable[tuple[str, Sequence[str]]], chart_id: str = "claims-graph", max_nodes: int = MAX_GRAPH_NODES) -> str:
    """Claimants (left) joined to the actors their claims name (right), as a figure.

    `pairs` holds (claimant, actors the claim is about) for each claim, those naming nobody
    included: the number after a claimant counts all of its claims, as the page lists them, and the
    number after a named actor the claims that name it. Lines are thicker for more claims. Past
    `max_nodes` on a side the least busy are grouped into one "N others" node, so the graph keeps
    its size with hundreds of claims. Returns "" when no claim names another actor.
    """
    pairs = [(claimant, list(named)) for claimant, named in pairs]
    total_claims = len(pairs)
    edges: Counter = Counter()
    for claimant, named in pairs:
        for target in named:
            edges[(claimant, target)] += 1
    if not edges:
        return ""
    naming = sum(1 for _, named in pairs if named)
    left_weight: Counter = Counter()
    right_weight: Counter = Counter()
    for (source, target), count in edges.items():
        left_weight[source] += count
        right_weight[target] += count
    left, left_other = capped(left_weight, max_nodes)
    right, right_other = capped(right_weight, max_nodes)
    OTHER = object()
    merged: Counter = Counter()
    for (source, target), count in edges.items():
        merged[(source if source in left else OTHER, target if target in right else OTHER)] += count
    left_nodes = [*left, *([OTHER] if left_other else [])]
    right_nodes = [*right, *([OTHER] if right_other else [])]

    def label(node, others: int) -> str:
        return plural(others, "other") if node is OTHER else shorten(node)

    def full(node, others: int) -> str:
        return plural(others, "other actor") if node is OTHER else node

    row, top = 26, 40
    height = top + row * max(len(left_nodes), len(right_nodes)) + 8
    x_left, x_right = 262, WIDTH - 262
    y_left = {node: top + row * i + row / 2 for i, node in enumerate(left_nodes)}
    y_right = {node: top + row * i + row / 2 for i, node in enumerate(right_nodes)}
    title = "Who claims what about whom"
    names = f"{naming} of {plural(total_claims, 'claim')} {'names' if naming == 1 else 'name'} other actors of this briefing"
    description = (
        f"{names}: "
        + "; ".join(
            f"{full(s, left_other)} about {full(t, right_other)} ({c})"
            for (s, t), c in sorted(merged.items(), key=lambda kv: -kv[1])[:20]
        )
        + "."
    )
    lines = svg_open(chart_id, height, title, description)
    lines.append(f'<text class="bg-heading" x="{x_left}" y="18" text-anchor="end" font-weight="bold">Claimant</text>')
    lines.append(f'<text class="bg-heading" x="{x_right}" y="18" font-weight="bold">Named in the claim</text>')
    lines.append('<g class="bg-edges" fill="none" stroke="currentColor" stroke-opacity="0.4">')
    for (source, target), count in sorted(merged.items(), key=lambda kv: kv[1]):
        y1, y2 = y_left[source], y_right[target]
        mid = (x_left + x_right) / 2
        width = min(1.5 + 1.5 * (count - 1), 9)
        tooltip = f"{full(source, left_other)} → {full(target, right_other)}: {plural(count, 'claim')}"
        lines.append(
            f'<path class="bg-edge" d="M{x_left + 6},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x_right - 6},{y2:.1f}" '
            f'stroke-width="{width:.1f}"><title>{e(tooltip)}</title></path>'
        )
    lines.append("</g>")
    # A claimant's number is all of its claims, as many as the page lists under its name, not only
    # those that name someone; a named actor's is how many claims name it.
    node_claims: dict[str, Counter] = {"left": Counter(), "right": Counter()}
    for claimant, _named in pairs:
        if claimant in left_weight:
            node_claims["left"][claimant if claimant in left else OTHER] += 1
    for (_source, target), count in merged.items():
        node_claims["right"][target] += count

    def count_tooltip(side: str, node, others: int) -> str:
        count = node_claims[side][node]
        if side == "left":
            return f"{full(node, others)}: {plural(count, 'claim')} in all"
        return f"{full(node, others)}: named in {plural(count, 'claim')}"

    # Each node is its label with its number of claims, written out rather than in a tooltip
    # (touch screens show no tooltips), and a dot; the dots of a side are one path.
    for side, nodes, ys, others in (("left", left_nodes, y_left, left_other), ("right", right_nodes, y_right, right_other)):
        x = x_left if side == "left" else x_right
        text_x, anchor = (x - 10, "end") if side == "left" else (x + 10, "start")
        for dots, css in (([n for n in nodes if n is not OTHER], "bg-dots"), ([n for n in nodes if n is OTHER], "bg-dots bg-dots--other")):
            if dots:
                lines.append(f'<path class="{css}" d="{"".join(dot(x, ys[node]) for node in dots)}"/>')
        for node in nodes:
            css = ' class="bg-node--other"' if node is OTHER else ""
            lines.append(
                f'<text{css} x="{text_x}" y="{ys[node] + 4:.1f}" text-anchor="{anchor}">'
                f"<title>{e(count_tooltip(side, node, others))}</title>"
                f"{e(label(node, others))} ({node_claims[side][node]})</text>"
            )
    lines.append("</svg>")
    caption = (
        f"{names}. "
        "Lines join each claimant to the actors named in its claims; thicker lines stand for more claims. "
        "The number after a claimant counts all its claims, as listed below; after a named actor, the claims that name it."
    )
    if left_other or right_other:
        caption += f" The {max_nodes - 1} busiest on each side are shown; the rest are grouped as others."
    return figure("claims", "\n".join(lines), caption)


def dot(x: float, y: float, r: int = 5) -> str:
    """A circle as path data: two half arcs."""
    return f"M{x - r},{y:.1f}a{r},{r} 0 1,0 {2 * r},0a{r},{r} 0 1,0 {-2 * r},0"


def capped(weights: Counter, max_nodes: int) -> tuple[list[str], int]:
    """The heaviest keys (all of them when they fit), and how many were left out."""
    ranked = [key for key, _ in sorted(weights.items(), key=lambda kv: (-kv[1], str(kv[0]).casefold()))]
    if len(ranked) <= max_nodes:
        return ranked, 0
    keep = max(max_nodes - 1, 1)
    return ranked[:keep], len(ranked) - keep


def briefing_claims_graph(briefing, author: str = "The author") -> str:
    """The claims graph of a `Briefing`: each claim joins its claimant to the actors its content is
    about (`Claim.about`, found by extraction from the words of the content, never the claimant)."""
    pairs = []
    for claim in briefing.claims:
        claimant = author if claim.claimant == "author" else claim.claimant
        pairs.append((claimant, [name for name in claim.about if name != claim.claimant]))
    return claims_graph(pairs)
