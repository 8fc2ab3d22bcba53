"""What summarising costs next to parsing, measured on the same articles in one run.

    python bench/summary_cost.py [FOLDER ...] [--repeat N] [--json OUT]

Reads every article under the folders (default: articles/, plus ../shared/corpus/dev when it
exists), parses each once with spaCy, then times genre, summary and key points on the parsed
documents. What is timed is `briefing_gen.extract.briefing.article_genre` and
`summary_and_points`, the steps the pipeline runs around the claims: the genre, then the summary
and key points by that genre.
Prints both totals and their ratio: the step is cheap when the ratio is small.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from briefing_gen.extract.actors import extract_actors  # noqa: E402
from briefing_gen.extract.briefing import article_genre, summary_and_points  # noqa: E402
from briefing_gen.extract.claims import extract_claims  # noqa: E402
from briefing_gen.extract.parse import load_nlp, parse  # noqa: E402
from briefing_gen.extract.reference import load_reference  # noqa: E402
from briefing_gen.pipeline.sources import find_sources  # noqa: E402
from briefing_gen.readers import ArticleError, ReaderRegistry  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="time each article this many times")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    folders = args.folders or [REPO / "articles", *([p] if (p := REPO.parent / "shared" / "corpus" / "dev").is_dir() else [])]

    registry = ReaderRegistry()
    articles = []
    for folder in folders:
        paths, _ = find_sources(folder, registry)
        for path in paths:
            try:
                articles.append(registry.read(path))
            except ArticleError:
                continue
    reference = load_reference()
    load_nlp()  # loading the model is not parsing: keep it out of the timing

    started = time.perf_counter()
    parsed = [parse(article) for article in articles]
    parse_seconds = time.perf_counter() - started
    prepared = []
    for item in parsed:
        actors = extract_actors(item, reference)
        prepared.append((item, actors, extract_claims(item, actors)))

    started = time.perf_counter()
    for _ in range(args.repeat):
        for item, actors, claims in prepared:
            genre, quotes = article_genre(item)
            summary_and_points(item, actors, claims, genre, quotes)
    summary_seconds = (time.perf_counter() - started) / args.repeat

    words = sum(len(item.doc) for item in parsed)
    figures = {
        "articles": len(articles),
        "tokens": words,
        "parse_seconds": round(parse_seconds, 3),
        "summary_seconds": round(summary_seconds, 4),
        "summary_to_parse_ratio": round(summary_seconds / parse_seconds, 4) if parse_seconds else None,
    }
    print(f"{'articles':<24}{figures['articles']:>10}")
    print(f"{'tokens':<24}{figures['tokens']:>10}")
    print(f"{'spaCy parse (s)':<24}{figures['parse_seconds']:>10.3f}")
    print(f"{'genre+summary+points (s)':<24}{figures['summary_seconds']:>10.4f}")
    print(f"{'ratio summary/parse':<24}{figures['summary_to_parse_ratio']:>10.4f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
