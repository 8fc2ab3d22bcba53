"""What stories cost a build: the collection steps in a rebuild with one new article, and a whole
build with stories against the same build without them, from a site's cached briefings.

    python bench/stories_cost.py SITE [--repeat 3] [--site] [--json OUT]

SITE is a site folder (mkdocs.yml, articles/) that `briefing-gen build` has built once, so that
its build cache holds every briefing: nothing is extracted here. Each measure runs in a fresh
process, as `briefing-gen build` does, `--repeat` times (the fastest counts):

- **rebuild with one new article**: the briefing whose source file sorts last is the new article.
  A first process runs the steps over the others and keeps the story record a build keeps (in a
  scratch folder, never SITE's docs/); a second runs them over all of them, as the rebuild that
  adds that article does, and reports the time of each step: `site_stories` (finding the stories,
  keeping their slugs, the editors' story notes), `find_claim_records` and `find_contradictions`,
  after the identity resolution they all stand on (reported apart: it is not part of stories).
  The same steps run again in that process show what `serve` pays, with the word caches warm;
- **build with and without stories**: `run_build` from the cache into SITE's docs/ (deleted first,
  with the pages record, so that every page is rendered and written), with `--site` also the MkDocs
  stage; without stories, the stories step finds none (so there are no story pages, story feeds or
  contradictions; the claim records stay). The two are run alternately.

Wall-clock times on whatever else the machine runs: compare figures of one run, and repeat.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


# In a child process ---------------------------------------------------------------------------------


def cached_briefings(site: Path) -> list:
    """The site's briefings as a build reads them (duplicates merged, slugs allocated), from its
    build cache; the cache is keyed by the source paths as the build names them, relative to the site."""
    from briefing_gen.extract.reference import load_reference
    from briefing_gen.pipeline.cache import BuildCache, CachingRegistry, cache_dir_for
    from briefing_gen.pipeline.duplicates import merge_duplicate_files
    from briefing_gen.pipeline.sources import extract_outcomes, find_sources
    from briefing_gen.readers import ReaderRegistry

    os.chdir(site)
    reference = load_reference(Path("actors.yml"))
    cache = BuildCache(cache_dir_for(Path("mkdocs.yml")), reference)
    registry = CachingRegistry(ReaderRegistry(), cache)
    paths, _ = find_sources(Path("articles"), registry)
    paths, registry, _ = merge_duplicate_files(paths, registry, lambda line: None)
    outcomes = list(extract_outcomes(paths, reference=reference, registry=registry, reserved_slugs={"index"}, cache=cache, jobs=1))
    if cache.extract_misses:
        print(f"warning: {cache.extract_misses} briefings were not in the build cache: build {site} first", file=sys.stderr)
    return [o.briefing for o in outcomes if o.briefing is not None]


def child_steps(site: Path, scratch: Path, hold_out: bool) -> dict:
    """The collection steps over the site's briefings (without the newest source when `hold_out`),
    timed the first time (a fresh process) and a second time (warm word caches)."""
    from briefing_gen.collection.claim_records import find_claim_records
    from briefing_gen.collection.contradictions import find_contradictions
    from briefing_gen.collection.identity import renamed, resolve_identities
    from briefing_gen.editorial.story_notes import load_story_notes
    from briefing_gen.pipeline.stories import record_stories, site_stories

    briefings = sorted(cached_briefings(site), key=lambda b: b.article.source)
    if hold_out:
        briefings = briefings[:-1]
    notes = load_story_notes(site / "notes")
    figures: dict = {"briefings": len(briefings), "claims": sum(len(b.claims) for b in briefings)}
    for run in ("first", "again"):
        started = time.perf_counter()
        identities = resolve_identities(briefings)
        corrected = [renamed(b, identities) for b in briefings]
        identity_done = time.perf_counter()
        stories = site_stories(corrected, notes, scratch)
        stories_done = time.perf_counter()
        records = find_claim_records(corrected)
        records_done = time.perf_counter()
        stats: dict = {}
        contradictions = find_contradictions(corrected, stories.shown, records, stats=stats)
        done = time.perf_counter()
        figures[run] = {
            "identity": identity_done - started,
            "stories": stories_done - identity_done,
            "claim_records": records_done - stories_done,
            "contradictions": done - records_done,
            "stories_total": done - identity_done,
        }
        figures.update(
            stories=len(stories.shown), in_stories=sum(len(s.briefings) for s in stories.shown), records=len(records),
            contradictions=len(contradictions), story_claims=stats["claims"], pairs_compared=stats["pairs_compared"],
        )
    if hold_out:
        record_stories(scratch, stories.found)  # what the previous build leaves for the rebuild
    return figures


def child_build(site: Path, stories: bool, with_site: bool) -> dict:
    """A whole build from the cache, every page rendered, with or without the stories step."""
    from briefing_gen.config import BuildOptions
    from briefing_gen.pipeline import run
    from briefing_gen.pipeline.cache import cache_dir_for
    from briefing_gen.pipeline.stories import SiteStories

    os.chdir(site)
    for entry in Path("docs").iterdir() if Path("docs").is_dir() else []:
        if entry.name != "about":  # the hand-written pages the site's navigation names
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    (cache_dir_for(Path("mkdocs.yml")) / run.PAGES_RECORD).unlink(missing_ok=True)
    if not stories:
        run.site_stories = lambda briefings, notes, docs_dir: SiteStories(shown=[], found=[])  # type: ignore[assignment]
    started = time.perf_counter()
    report = run.run_build(BuildOptions(build_site=with_site, strict=False))
    seconds = time.perf_counter() - started
    assert report.written is not None
    return {"seconds": seconds, "timings": report.timings, "pages": len(report.written.written), "cached": report.cached, "extracted": report.extracted}


# The runner -----------------------------------------------------------------------------------------


def in_child(*args: str) -> dict:
    result = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def fastest(runs: list[dict], *keys: str) -> float:
    values = []
    for run in runs:
        value = run
        for key in keys:
            value = value[key]
        values.append(value)
    return min(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a site folder built once by `briefing-gen build` (its cache holds every briefing)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure; the fastest counts (default: 3)")
    parser.add_argument("--site", dest="with_site", action="store_true", help="include the MkDocs stage in the builds with and without stories")
    parser.add_argument("--no-builds", action="store_true", help="only the rebuild with one new article")
    parser.add_argument("--json", type=Path, help="write every run's figures here")
    parser.add_argument("--child", choices=["steps", "build"], help=argparse.SUPPRESS)
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--hold-out", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--without-stories", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    site = args.site.resolve()

    if args.child == "steps":
        print(json.dumps(child_steps(site, args.scratch, args.hold_out)))
        return 0
    if args.child == "build":
        print(json.dumps(child_build(site, not args.without_stories, args.with_site)))
        return 0

    load = os.getloadavg()[0]
    rebuilds = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as scratch:
            in_child(str(site), "--child", "steps", "--scratch", scratch, "--hold-out")
            rebuilds.append(in_child(str(site), "--child", "steps", "--scratch", scratch))
    last = rebuilds[-1]
    print(f"rebuild with one new article: {last['briefings']} briefings, {last['claims']} claims; {last['stories']} stories "
          f"({last['in_stories']} briefings, {last['story_claims']} claims), {last['records']} claim records, "
          f"{last['contradictions']} contradictions ({last['pairs_compared']} pairs of claims compared); load average {load:.1f}")
    for run in ("first", "again"):
        label = "fresh process" if run == "first" else "warm caches  "
        parts = ", ".join(f"{step} {fastest(rebuilds, run, step):.3f} s" for step in ("stories", "claim_records", "contradictions", "stories_total"))
        print(f"  {label}: {parts} (identity {fastest(rebuilds, run, 'identity'):.3f} s)")
    results: dict = {"site": str(site), "load_average": load, "rebuild": rebuilds}

    if not args.no_builds:
        builds: dict[str, list[dict]] = {"with": [], "without": []}
        for _ in range(args.repeat):
            for variant in ("with", "without"):
                extra = ["--site"] if args.with_site else []
                extra += ["--without-stories"] if variant == "without" else []
                builds[variant].append(in_child(str(site), "--child", "build", *extra))
        for variant, runs in builds.items():
            stages = ", ".join(f"{stage} {min(r['timings'][stage] for r in runs):.1f} s" for stage in runs[0]["timings"])
            print(f"build {variant} stories: {fastest(runs, 'seconds'):.1f} s ({stages}; {runs[-1]['pages']} pages)")
        results["builds"] = builds
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
