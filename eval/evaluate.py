#!/usr/bin/env python
"""Evaluate briefing extraction against the gold corpus.

    python eval/evaluate.py [CORPUS_DIR] [--from-json FILE] [--json OUT] [--only GLOB] [--verbose]

CORPUS_DIR defaults to ../shared/corpus/dev beside the repository.  Every article with gold is
found recursively: `X.gold.yml` whose `article:` names a file beside it, and `X.json` whose
`gold_body_file` names a human gold body text (the article is the non-JSON file `X.*` beside
it, e.g. `X.html`).  Extraction runs through `briefing_gen.pipeline.sources.extract_outcomes` (the JSON contract
of each, plus the article's `genre`), or
`--from-json` reads precomputed output (a JSON array of extraction dicts, matched to the
articles by the basename of `source`).  See eval/README.md for what each figure means.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "dev"
ROOT_GROUP = "(root)"

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from eval.scoring import FIGURES, score_article  # noqa: E402

FORMATS = {key: fmt for key, _, fmt in FIGURES}
HEADERS = {key: header for key, header, _ in FIGURES}


@dataclass
class Entry:
    article: Path
    rel: str
    group: str
    gold: dict | None = None
    gold_file: Path | None = None
    gold_body: str | None = None
    json_meta: dict | None = None


# --------------------------------------------------------------------------------------------
# Finding the gold
# --------------------------------------------------------------------------------------------

_NOT_ARTICLE_SUFFIXES = (".json", ".gold.yml", ".gold.yaml", ".gold_body.txt")


def _group_of(rel: Path) -> str:
    parent = rel.parent.as_posix()
    return ROOT_GROUP if parent in ("", ".") else parent


def _article_beside_json(json_path: Path, meta: dict) -> Path | None:
    if meta.get("article"):
        candidate = json_path.parent / str(meta["article"])
        return candidate if candidate.is_file() else None
    stem = json_path.name[: -len(".json")]
    body_name = str(meta.get("gold_body_file") or "")
    candidates = [
        p
        for p in json_path.parent.iterdir()
        if p.is_file()
        and p.name.startswith(stem + ".")
        and p.name != body_name
        and not p.name.endswith(_NOT_ARTICLE_SUFFIXES)
    ]
    candidates.sort(key=lambda p: (p.suffix.lower() not in (".html", ".htm"), p.name))
    return candidates[0] if candidates else None


def discover(corpus: Path, warn=lambda message: print(message, file=sys.stderr)) -> list[Entry]:
    """Every article under `corpus` that has gold, with its gold loaded."""
    import yaml

    entries: dict[Path, Entry] = {}

    def entry_for(article: Path) -> Entry:
        key = article.resolve()
        if key not in entries:
            rel = article.relative_to(corpus)
            entries[key] = Entry(article=article, rel=rel.as_posix(), group=_group_of(rel))
        return entries[key]

    for gold_path in sorted(corpus.rglob("*.gold.yml")):
        try:
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            warn(f"warning: cannot read {gold_path}: {exc}")
            continue
        name = gold.get("article") if isinstance(gold, dict) else None
        article = gold_path.parent / str(name) if name else None
        if article is None or not article.is_file():
            warn(f"warning: {gold_path}: article {name!r} not found beside it; skipped")
            continue
        entry = entry_for(article)
        entry.gold, entry.gold_file = gold, gold_path

    for json_path in sorted(corpus.rglob("*.json")):
        try:
            meta = json.loads(json_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(meta, dict) or not meta.get("gold_body_file"):
            continue
        body_path = json_path.parent / str(meta["gold_body_file"])
        article = _article_beside_json(json_path, meta)
        if article is None or not body_path.is_file():
            warn(f"warning: {json_path}: article or gold body {body_path.name!r} not found; skipped")
            continue
        entry = entry_for(article)
        entry.gold_body = body_path.read_text(encoding="utf-8")
        entry.json_meta = meta
    return sorted(entries.values(), key=lambda e: (e.group != ROOT_GROUP, e.group, e.rel))


def select(entries: list[Entry], globs: list[str] | None) -> list[Entry]:
    if not globs:
        return entries
    return [
        e
        for e in entries
        if any(fnmatch.fnmatch(e.rel, g) or fnmatch.fnmatch(e.article.name, g) for g in globs)
    ]


# --------------------------------------------------------------------------------------------
# Getting the extraction
# --------------------------------------------------------------------------------------------


def _as_dict(item) -> dict:
    if isinstance(item, dict):
        return item
    if hasattr(item, "to_dict"):
        return item.to_dict()
    from briefing_gen.model import Briefing
    from briefing_gen.pipeline.sources import briefing_json

    if isinstance(item, Briefing):
        return briefing_json(item)
    raise TypeError(f"extraction result is neither a dict nor has to_dict(): {type(item).__name__}")


def run_extraction(entries: list[Entry]) -> list[dict]:
    try:
        from briefing_gen.pipeline.sources import extract_outcomes
    except ImportError as exc:
        print(
            f"error: cannot import briefing_gen.pipeline.sources.extract_outcomes ({exc}); "
            "use --from-json FILE with precomputed output",
            file=sys.stderr,
        )
        raise SystemExit(2) from None
    results = [_as_dict(outcome) for outcome in extract_outcomes([e.article for e in entries])]
    if len(results) != len(entries):
        print(f"error: extract_outcomes returned {len(results)} results for {len(entries)} files", file=sys.stderr)
        raise SystemExit(1)
    return results


def load_precomputed(path: Path, entries: list[Entry]) -> list[dict]:
    """Match the dicts of a JSON array to the entries by the basename of `source`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"error: cannot read --from-json {path}: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        print(f"error: --from-json {path}: expected a JSON array of extraction dicts", file=sys.stderr)
        raise SystemExit(2)
    by_name: dict[str, list[dict]] = {}
    for item in data:
        if isinstance(item, dict) and item.get("source"):
            name = str(item["source"]).replace("\\", "/").rsplit("/", 1)[-1]
            by_name.setdefault(name, []).append(item)
    results = []
    for entry in entries:
        found = by_name.get(entry.article.name, [])
        if len(found) > 1:  # same basename in two subfolders: prefer the one whose path ends alike
            found = [d for d in found if str(d["source"]).replace("\\", "/").endswith(entry.rel)] or found
        if found:
            results.append(found[0])
        else:
            results.append({"source": entry.rel, "error": f"not in {path.name}"})
    return results


# --------------------------------------------------------------------------------------------
# Aggregation and printing
# --------------------------------------------------------------------------------------------


def means(rows: list[dict]) -> dict:
    out = {}
    for key, _, fmt in FIGURES:
        values = [r["figures"][key] for r in rows if r["figures"].get(key) is not None]
        if values:
            out[key] = {"mean": sum(values) / len(values), "n": len(values)}
            if fmt == "count":
                out[key]["sum"] = sum(values)
    return out


def fmt_value(key: str, value, mean: bool = False) -> str:
    if value is None:
        return "-"
    kind = FORMATS[key]
    if kind == "rouge":
        return f"{value:.1f}"
    if kind == "count" and not mean:
        return str(int(value))
    return f"{value:.3f}"


def _short(name: str, width: int = 48) -> str:
    return name if len(name) <= width else name[: width - 13] + "…" + name[-12:]


def table(header: list[str], rows: list[list[str]], left: int = 1) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]

    def line(cells):
        return "  ".join(c.ljust(w) if i < left else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


def print_misses(row: dict) -> None:
    d = row["details"]
    out = []
    if d.get("error"):
        out.append(f"extraction failed: {d['error']}")
    for item in d.get("metadata_wrong") or []:
        out.append(f"metadata {item['field']}: expected {item['expected']!r}, got {item['got']!r}")
    for item in d.get("boilerplate_leaked") or []:
        out.append(f"leaked boilerplate ({'+'.join(item['where'])}): {item['text']!r}")
    for item in d.get("joined_missed") or []:
        out.append(f"joined paragraph {item['reason']}: {item['text']!r}")
    for name in d.get("actors_missing_key") or []:
        out.append(f"missing key actor: {name}")
    for item in d.get("actors_unmatched") or []:
        out.append(f"unmatched extracted actor: {item['name']} ({item['type']})")
    for item in d.get("actors_wrong_type") or []:
        out.append(f"wrong actor type: {item['name']} is {item['type']}, gold {'/'.join(item['expected'])}")
    for item in d.get("actors_not_actors_found") or []:
        out.append(f"reported a not_actor: {item['name']} (= {', '.join(item['matches'])})")
    for claim in d.get("claims") or []:
        if claim["key"] and not claim["found"]:
            if claim["text_found"]:
                got = ", ".join(repr(c) for c in claim["found_claimants"])
                seen = f"phrase found with claimant {got}"
            else:
                seen = "phrase not found in any claim"
            out.append(f"missing key claim [{claim['claimant']}] {claim['contains']!r}: {seen}")
    for name in d.get("missing_quoted_people") or []:
        out.append(f"quoted person without a claim: {name}")
    for item in d.get("wrong_speakers") or []:
        gold_claimants = " / ".join(item["gold_claimants"])
        out.append(f"wrong speaker: gold [{gold_claimants}], extracted [{item['claimant']}] for {item['contains']!r}")
    if d.get("thesis_in_summary") is False and d.get("thesis_in_key_points") is False:
        out.append("thesis not stated by the summary or the key points")
    for sentence in d.get("dangling_sentences") or []:
        out.append(f"summary sentence leaning on one left out: {sentence!r}")
    genre = d.get("genre") or {}
    if row["figures"].get("genre_accuracy") == 0.0 or (genre.get("expected") and row["figures"].get("argued_accuracy") == 0.0):
        out.append(f"genre: expected {genre.get('expected')}, got {genre.get('predicted')}")
    if out:
        print(f"  {row['file']}:")
        for line in out:
            print(f"    - {line}")


def report(rows: list[dict], verbose: bool) -> dict:
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["group"], []).append(row)
    group_means = {}
    for group, members in groups.items():
        keys = [k for k, _, _ in FIGURES if any(r["figures"].get(k) is not None for r in members)]
        header = ["file", *(HEADERS[k] for k in keys), "err"]
        body = [
            [_short(r["file"]), *(fmt_value(k, r["figures"].get(k)) for k in keys), "ERR" if r["details"].get("error") else ""]
            for r in members
        ]
        print(f"\n== {group} ({len(members)} file{'s' if len(members) != 1 else ''}) ==")
        print(table(header, body))
        if verbose:
            print("\nmisses:")
            for r in members:
                print_misses(r)
        group_means[group] = {"n_files": len(members), "n_errors": sum(bool(r["details"].get("error")) for r in members), **means(members)}
    overall = {"n_files": len(rows), "n_errors": sum(bool(r["details"].get("error")) for r in rows), **means(rows)}

    names = [*groups, "ALL"]
    summaries = {**group_means, "ALL": overall}
    print("\n== means by group ==")
    header = ["figure", *names]
    body = [["files", *(str(summaries[g]["n_files"]) for g in names)]]
    body.append(["failed", *(str(summaries[g]["n_errors"]) for g in names)])
    for key, label, _ in FIGURES:
        if any(key in summaries[g] for g in names):
            body.append([f"{label} ({key})", *(fmt_value(key, summaries[g].get(key, {}).get("mean"), mean=True) for g in names)])
    print(table(header, body))
    return {"groups": group_means, "all": overall}


# --------------------------------------------------------------------------------------------


def corpus_entries(corpus: Path, only: list[str] | None) -> tuple[Path, list[Entry]] | None:
    """The corpus folder resolved and its articles with gold (`--only` applied), or None after a
    one-line error when there is no such folder or nothing in it."""
    if not corpus.is_dir():
        print(f"error: corpus folder not found: {corpus}", file=sys.stderr)
        return None
    corpus = corpus.resolve()
    entries = select(discover(corpus), only)
    if not entries:
        print(f"error: no article with gold found in {corpus}" + (f" matching {only}" if only else ""), file=sys.stderr)
        return None
    return corpus, entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score briefing extraction against the gold corpus.")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, help=f"corpus folder (default {DEFAULT_CORPUS})")
    parser.add_argument("--from-json", type=Path, metavar="FILE", help="precomputed extraction output: a JSON array of dicts")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write all figures and misses as JSON")
    parser.add_argument("--only", action="append", metavar="GLOB", help="only files whose relative path or name matches (repeatable)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args(argv)

    found = corpus_entries(args.corpus, args.only)
    if found is None:
        return 2
    corpus, entries = found

    extractions = load_precomputed(args.from_json, entries) if args.from_json else run_extraction(entries)

    rows = []
    for entry, extraction in zip(entries, extractions):
        scored = score_article(extraction, entry.gold, entry.gold_body, entry.json_meta)
        rows.append({"file": entry.rel, "group": entry.group, **scored})

    print(f"corpus: {corpus}  ({len(rows)} articles; source: {args.from_json or 'briefing_gen.pipeline.sources.extract_outcomes'})")
    summary = report(rows, args.verbose)
    if args.json:
        payload = {
            "corpus": str(corpus),
            "source": str(args.from_json) if args.from_json else "briefing_gen.pipeline.sources.extract_outcomes",
            "files": rows,
            **summary,
        }
        args.json.write_text(json.dumps(payload, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
