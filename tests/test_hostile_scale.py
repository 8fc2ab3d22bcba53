"""A 20,000-paragraph article finishes, in time proportional to its size.

The same synthetic article (quotes, reported speech, figures, named actors: every path of the
extractors) is taken through every stage at 2,000 and at 20,000 paragraphs: reading, the spaCy
parse, actors, claims, summary, the briefing page and its rendering by Python-Markdown with
mkdocs.yml's extensions. Ten times the text may take about ten times as long, never a hundred
times: each stage's ratio is checked with room for a loaded machine (a quadratic stage would be
near 100). These steps were quadratic before: the claim sort searched the whole text per claim,
`Span.ents` and the quote's sentences walked the whole document, the paragraph sentence starts
scanned it per paragraph, the summary's similarity matrix grew with the square of the sentences,
and long paragraphs made Markdown quadratic.
"""
from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SMALL, LARGE = 2_000, 20_000
MAX_RATIO = 25  # linear is 10; quadratic would be about 100
NAMES = ["Anna Berg", "the Harbour Council", "Norland", "Ivo Tamm", "the Baltic Union", "Minister Karl Ots"]
VERBS = ["said", "warned", "claimed", "argued"]
CONTENT = [
    "shipping through the strait would resume after the talks", "prices rose by 12 percent last year",
    "the new cable will cost $3 billion", "the government may collapse if the deal fails",
    "the port handled 4 million containers", "fishing rights are certain to be disputed",
]


def article_text(paragraphs: int) -> str:
    rng = random.Random(paragraphs)
    lines = ["Ports Under Pressure", ""]
    for i in range(paragraphs):
        name, verb, content = rng.choice(NAMES), rng.choice(VERBS), rng.choice(CONTENT)
        roll = rng.random()
        if roll < 0.3:
            text = f"“{content.capitalize()},” {verb} {name}."
        elif roll < 0.6:
            text = f"{name} {verb} that {content}."
        else:
            text = f"In section {i}, {content}."
        lines += [text[0].upper() + text[1:], ""]
    return "\n".join(lines)


def stage_times(path: Path) -> dict[str, float]:
    import markdown
    from test_property_markdown import mkdocs_extensions

    from briefing_gen.extract.actors import extract_actors
    from briefing_gen.extract.claims import extract_claims
    from briefing_gen.extract.parse import parse
    from briefing_gen.extract.reference import load_reference
    from briefing_gen.extract.summary import key_points, summarise
    from briefing_gen.model import Briefing
    from briefing_gen.readers import ReaderRegistry
    from briefing_gen.site.pages import Collection, briefing_page

    reference = load_reference(path.parent / "no-actors.yml")
    times: dict[str, float] = {}

    def timed(stage, function, *args):
        started = time.perf_counter()
        result = function(*args)
        times[stage] = time.perf_counter() - started
        return result

    article = timed("read", ReaderRegistry().read, path)
    parsed = timed("parse", parse, article)
    actors = timed("actors", extract_actors, parsed, reference)
    claims = timed("claims", extract_claims, parsed, actors)
    summary = timed("summary", summarise, parsed, actors, claims)
    briefing = Briefing(article=article, slug="ports", summary=summary, key_points=key_points(claims, summary, actors),
                        actors=actors.actors, claims=claims)
    collection = Collection()
    collection.add(briefing)
    collection.assign_actor_slugs()
    page = timed("page", briefing_page, briefing, collection)
    names, configs = mkdocs_extensions()
    timed("markdown", lambda text: markdown.markdown(text, extensions=names, extension_configs=configs), page.split("\n---\n", 1)[1])
    assert len(article.paragraphs) >= 100 and claims and summary
    return times


def test_twenty_thousand_paragraphs_take_time_proportional_to_size(tmp_path):
    from briefing_gen.extract.parse import load_nlp

    load_nlp()  # loading the model is not part of either run
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(article_text(SMALL), encoding="utf-8")
    large.write_text(article_text(LARGE), encoding="utf-8")
    stage_times(small)  # warm caches (reference data, matchers) outside the measurement
    first, second = stage_times(small), stage_times(large)
    report = ", ".join(f"{stage} {first[stage]:.2f}s -> {second[stage]:.2f}s" for stage in first)
    print(f"\n{SMALL} -> {LARGE} paragraphs: {report}")
    for stage in first:
        # Stages too quick to time reliably are only held to an absolute bound.
        if first[stage] >= 0.2:
            assert second[stage] / first[stage] < MAX_RATIO, report
        else:
            assert second[stage] < 0.2 * MAX_RATIO, report
    assert sum(second.values()) < 1800, report
