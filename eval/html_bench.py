"""Body extraction on HTML pages, scored with the article-extraction benchmark's shingle metric.

Reads every page of the html-bench corpus (`ID.html` with `gold.json`: `{ID: {"articleBody": ...}}`)
with the project's reader (`ReaderRegistry().read(path)`, body = its paragraphs' text joined by blank
lines) and with plain `trafilatura.extract(html)`, in the same run, and scores both against the
human gold body: precision, recall and F1 over word 4-gram shingles (tokens `\\w+`, punctuation
ignored, case kept, shingles counted with multiplicity), summed over all pages (the benchmark's
figure); per-page means are printed beside. The dev corpus's HTML pages with a `gold_body_file` are
scored the same way when that folder exists.

    python eval/html_bench.py [FOLDER] [--dev DEV_FOLDER] [--worst N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = REPO_ROOT.parent / "shared" / "corpus" / "html-bench"
DEFAULT_DEV = REPO_ROOT.parent / "shared" / "corpus" / "dev"
SHINGLE_N = 4
ENGINES = ("reader", "trafilatura")

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Word tokens: runs of word characters; punctuation and white space dropped, case kept."""
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = SHINGLE_N) -> Counter:
    """Overlapping runs of `n` tokens, counted with multiplicity."""
    toks = tokens(text)
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def shingle_counts(gold: str, extracted: str, n: int = SHINGLE_N) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of the extracted shingles against the gold."""
    g, e = shingles(gold, n), shingles(extracted, n)
    tp = sum((g & e).values())
    return tp, sum(e.values()) - tp, sum(g.values()) - tp


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1. A ratio with nothing to count is 1 when both sides are empty, else 0."""
    both_empty = tp + fp + fn == 0
    p = tp / (tp + fp) if tp + fp else float(both_empty)
    r = tp / (tp + fn) if tp + fn else float(both_empty)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Page:
    name: str
    path: Path
    gold: str
    counts: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def bench_pages(folder: Path) -> list[Page]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold):
        path = folder / f"{key}.html"
        if path.is_file():
            pages.append(Page(key, path, str(gold[key].get("articleBody") or "")))
        else:
            print(f"warning: {path} not found; skipped", file=sys.stderr)
    return pages


def dev_pages(folder: Path) -> list[Page]:
    from eval.evaluate import discover

    return [
        Page(e.rel, e.article, e.gold_body)
        for e in discover(folder)
        if e.gold_body is not None and e.article.suffix.lower() in (".html", ".htm")
    ]


def make_engines():
    import trafilatura

    from briefing_gen.readers import ReaderRegistry

    registry = ReaderRegistry()

    def reader(path: Path, html: str) -> str:
        article = registry.read(path)
        return "\n\n".join(p.text for p in article.paragraphs)

    def plain(path: Path, html: str) -> str:
        return trafilatura.extract(html) or ""

    return {"reader": reader, "trafilatura": plain}, getattr(trafilatura, "__version__", "?")


def run(pages: list[Page], engines) -> None:
    if pages:  # warm-up, untimed: imports and lazy set-up are not page time
        html = pages[0].path.read_text(encoding="utf-8", errors="replace")
        for fn in engines.values():
            try:
                fn(pages[0].path, html)
            except Exception:  # noqa: BLE001 - scored below
                pass
    for page in pages:
        html = page.path.read_text(encoding="utf-8", errors="replace")
        for name, fn in engines.items():
            start = time.perf_counter()
            try:
                body = fn(page.path, html)
            except Exception as exc:  # noqa: BLE001 - a failure is an empty extraction
                body = ""
                page.errors[name] = f"{type(exc).__name__}: {exc}"
            page.seconds[name] = time.perf_counter() - start
            page.counts[name] = shingle_counts(page.gold, body)


def summary(pages: list[Page], engine: str) -> dict:
    tp = sum(p.counts[engine][0] for p in pages)
    fp = sum(p.counts[engine][1] for p in pages)
    fn = sum(p.counts[engine][2] for p in pages)
    per_page = [prf(*p.counts[engine]) for p in pages]
    n = len(per_page) or 1
    return {
        "summed": prf(tp, fp, fn),
        "mean": tuple(sum(x[i] for x in per_page) / n for i in range(3)),
        "seconds": sum(p.seconds[engine] for p in pages),
        "failed": sum(engine in p.errors for p in pages),
    }


def report(title: str, pages: list[Page], worst: int) -> dict:
    print(f"\n{title}: {len(pages)} pages")
    figures = {e: summary(pages, e) for e in ENGINES}
    print(f"  {'engine':<12} {'P':>6} {'R':>6} {'F1':>6}   {'meanP':>6} {'meanR':>6} {'meanF1':>6}  {'seconds':>8} failed")
    for e in ENGINES:
        f = figures[e]
        print(
            f"  {e:<12} {f['summed'][0]:6.3f} {f['summed'][1]:6.3f} {f['summed'][2]:6.3f}   "
            f"{f['mean'][0]:6.3f} {f['mean'][1]:6.3f} {f['mean'][2]:6.3f}  {f['seconds']:8.2f} {f['failed']}"
        )
    t = figures["trafilatura"]["seconds"]
    ratio = figures["reader"]["seconds"] / t if t else float("nan")
    print(f"  time ratio reader / trafilatura: {ratio:.2f}")
    ranked = sorted(pages, key=lambda p: prf(*p.counts["reader"])[2])[:worst]
    if ranked:
        print(f"  worst {len(ranked)} pages by reader F1 (P R F1 | trafilatura F1):")
    for p in ranked:
        rp, rr, rf = prf(*p.counts["reader"])
        tf = prf(*p.counts["trafilatura"])[2]
        note = f"  [{p.errors['reader']}]" if "reader" in p.errors else ""
        print(f"    {p.name:<48} {rp:.3f} {rr:.3f} {rf:.3f} | {tf:.3f}{note}")
    return {"pages": len(pages), "time_ratio": ratio, **figures}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="dev corpus (its HTML pages with gold bodies)")
    parser.add_argument("--worst", type=int, default=5)
    args = parser.parse_args(argv)
    if not (args.folder / "gold.json").is_file():
        print(f"error: no html-bench corpus at {args.folder} (gold.json missing)", file=sys.stderr)
        return 2
    engines, version = make_engines()
    print(f"shingle P/R/F1 (word {SHINGLE_N}-grams, summed over pages; means per page beside); trafilatura {version}")
    pages = bench_pages(args.folder)
    run(pages, engines)
    report(f"html-bench {args.folder}", pages, args.worst)
    if args.dev.is_dir():
        dev = dev_pages(args.dev)
        if dev:
            run(dev, engines)
            report(f"dev HTML {args.dev}", dev, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
