"""A whole build: articles in `articles/`, pages in `docs/`, the site in `site/`."""
from __future__ import annotations

import dataclasses
import hashlib
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import briefing_gen
from briefing_gen.collection.claim_records import find_claim_records
from briefing_gen.collection.contradictions import find_contradictions
from briefing_gen.collection.identity import renamed, resolve_identities
from briefing_gen.config import BuildOptions, read_mkdocs_settings, read_site_settings
from briefing_gen.editorial.corrections import apply_corrections
from briefing_gen.editorial.notes import Notes, load_notes, notes_files
from briefing_gen.editorial.story_notes import load_story_notes, story_notes_files
from briefing_gen.errors import SkipReason
from briefing_gen.extract.reference import load_reference
from briefing_gen.model import Briefing
from briefing_gen.pipeline.cache import BuildCache, CachingRegistry, cache_dir_for, code_hash
from briefing_gen.pipeline.duplicates import merge_duplicate_files
from briefing_gen.pipeline.lock import build_lock
from briefing_gen.pipeline.sources import Outcome, extract_outcomes, find_sources
from briefing_gen.pipeline.stories import record_stories, site_stories
from briefing_gen.readers import ReaderRegistry
from briefing_gen.site.build import PagesRecord, WriteReport, build_site, read_slugs, record_slugs, write_site_pages
from briefing_gen.site.charts import plural
from briefing_gen.site.notes_html import notes_html
from briefing_gen.site.pages import Collection
from briefing_gen.site.urls import page_urls


class Progress(str):
    """A progress message for the `progress` callback of `run_build`.

    It is a plain string (a callback may just print it) that also carries its stage (`read`,
    `extract`, `error`, `write`, `site`), counts so far and whether it is a per-item detail, so a
    reporter can throttle or drop the detail lines (`--verbose` shows them all)."""

    stage: str
    done: int | None
    total: int | None
    detail: bool

    def __new__(cls, message: str, stage: str = "", done: int | None = None, total: int | None = None, detail: bool = False):
        self = super().__new__(cls, message)
        self.stage, self.done, self.total, self.detail = stage, done, total, detail
        return self


@dataclass
class BuildReport:
    outcomes: list[Outcome] = field(default_factory=list)
    written: WriteReport | None = None
    site_built: bool = False
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage: extract, write, site
    actor_count: int = 0
    claim_count: int = 0
    warnings: list[str] = field(default_factory=list)  # one line each; the build still succeeds
    orphaned_notes: list[Path] = field(default_factory=list)
    left_out_notes: list[Path] = field(default_factory=list)  # story notes files with a problem, not applied
    merges: list = field(default_factory=list)  # duplicates.Merge: copies of one article merged into it
    cached: int = 0  # briefings taken from the build cache
    search: str | None = None  # the search the site got: builtin or pagefind
    extracted: int = 0  # briefings extracted by this build

    @property
    def errors(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.error]

    @property
    def built(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.briefing is not None]

    @property
    def skip_reasons(self) -> Counter:
        """How many files were skipped for each kind of reason, for the end-of-build summary."""
        return Counter((o.reason or SkipReason.UNREADABLE).value for o in self.errors)


PAGES_RECORD = "pages.json"  # in the build cache folder: see `briefing_gen.site.build.PagesRecord`
# What the pages are rendered by: the whole package but the readers and the language analysis,
# whose changes reach the pages through the briefings' cache keys.
PAGES_CODE = ("*.py", "pipeline/*.py", "collection/*.py", "editorial/*.py", "site/*.py", "templates/*.j2", "assets/*", "data/*.yml")


def pages_inputs(options: BuildOptions, briefing_keys: list[tuple[str, str]], reference) -> str:
    """A hash of everything the pages are made from: each briefing's slug and cache key (which
    covers its article, the extraction and the reference data), the notes files, the reference data
    with `actors.yml`, mkdocs.yml (the site's name, its URL style), and the code and templates that
    render the pages."""
    digest = hashlib.sha256()
    try:
        config = options.config_file.read_bytes()
    except OSError:
        config = b""
    for part in (briefing_gen.__version__, code_hash(PAGES_CODE), reference.fingerprint()):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(config + b"\0")
    digest.update(b"file URLs\0" if options.offline else b"directory URLs\0")  # `build --offline` links to files
    digest.update(read_site_settings(options.config_file).notes_html.encode("utf-8") + b"\0")
    for slug, key in briefing_keys:
        digest.update(f"{slug}\0{key}\0".encode("utf-8"))
    for path in notes_files(options.notes_dir):
        digest.update(path.name.encode("utf-8", "surrogateescape") + b"\0" + path.read_bytes() + b"\0")
    for path in story_notes_files(options.notes_dir):  # notes/stories/<slug>.md: the editors' changes to stories
        digest.update(b"stories/" + path.name.encode("utf-8", "surrogateescape") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def generate_pages(
    options: BuildOptions, briefings: list[Briefing], notes: Notes, reference, report: BuildReport, batch_writes: bool = False,
    record: PagesRecord | None = None,
) -> None:
    """The site stage: apply the editors' corrections to the extracted briefings and write every
    page. The extracted briefings are not changed (`serve` keeps them and calls this again, with
    `batch_writes` so that `mkdocs serve` sees all changed pages at once). With a `record`, pages
    made from the same inputs by the last build, and untouched since, are not rendered again."""
    mode = read_site_settings(options.config_file).notes_html
    mkdocs_settings = read_mkdocs_settings(options.config_file)
    collection = Collection(
        urls=page_urls(options.config_file, options.offline), notes_html=notes_html(options.config_file, mode),
        site_name=mkdocs_settings.site_name, site_url=mkdocs_settings.site_url,
    )
    corrected = []
    identities = resolve_identities(briefings)
    report.warnings.extend(identities.warnings())
    for briefing in briefings:
        briefing = renamed(briefing, identities)  # one name per person across the collection
        note = notes.get(briefing.slug)
        if note is not None:
            applied = apply_corrections(briefing, note.corrections)
            report.warnings.extend(applied.warnings)
            briefing = applied.briefing
        corrected.append(briefing)
        collection.add(briefing, note)
    collection.apply_reference(reference)
    collection.assign_actor_slugs()
    collection.set_shared_names(identities.shared_names())
    # Briefings about one event, after one name per person, under the slugs they had, with the editors' changes.
    story_notes = load_story_notes(options.notes_dir)
    report.left_out_notes = story_notes.left_out
    stories = site_stories(corrected, story_notes, options.docs_dir)
    report.warnings.extend(stories.warnings)
    collection.set_stories(stories.shown)
    if record is not None:  # the story slugs come from the last build's record: part of what the pages are made from
        record = dataclasses.replace(record, inputs=hashlib.sha256(f"{record.inputs}\0{stories.fingerprint()}".encode()).hexdigest())
    records = find_claim_records(corrected)  # the same claim in several briefings, after the editors' corrections
    collection.set_claim_records(records)
    collection.set_contradictions(find_contradictions(corrected, stories.shown, records))  # claims of a story that cannot both be true
    report.actor_count, report.claim_count = len(collection.actors), len(collection.claims)
    report.warnings.extend(notes.warnings)
    report.written = write_site_pages(
        options.docs_dir, corrected, collection, read_mkdocs_settings(options.config_file).site_name, notes=notes, force=options.force, batch=batch_writes,
        record=record,
    )
    record_slugs(options.docs_dir, briefings)
    record_stories(options.docs_dir, stories.found)
    report.warnings.extend(hand_edit_warnings(report.written, options))
    report.orphaned_notes = [note.path for note in notes.orphaned({b.slug for b in briefings})]


def hand_edit_warnings(written: WriteReport, options: BuildOptions) -> list[str]:
    """What happened to pages edited by hand, and how to keep such an edit for good."""
    warnings = []
    for relative in written.kept_edited:
        page = options.docs_dir / relative
        warnings.append(
            f"{page} was edited by hand, so it was kept and not regenerated; {where_edits_belong(relative, options)}, "
            f"then delete {page} or build with --force (which backs it up first)"
        )
    for relative, backup in written.backups:
        page = options.docs_dir / relative
        warnings.append(
            f"{page} differed from what was generated (edited by hand, or by an older version); "
            f"saved a copy as {display_path(backup)} before replacing or removing it"
        )
    return warnings


def where_edits_belong(relative: str, options: BuildOptions) -> str:
    folder, _, name = relative.rpartition("/")
    if folder == "briefings" and name != "index.md":
        slug = name.removesuffix(".md")
        return f"move the edit into {options.notes_dir / name} (notes text or corrections; `briefing-gen note {slug}` creates it)"
    if folder == "stories" and name != "index.md":
        slug = name.removesuffix(".md")
        return (
            f"move the edit into {options.notes_dir / 'stories' / name} (a title, the story's briefings, notes text; "
            f"`briefing-gen note --story {slug}` creates it)"
        )
    if folder == "actors":
        return f"move the edit into {options.actors_file} (actor facts) or the notes of a briefing ({options.notes_dir}/<slug>.md)"
    return f"this page is made from all briefings: put the edit into the notes of a briefing ({options.notes_dir}/<slug>.md)"


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def run_build(options: BuildOptions, progress=lambda message: None, batch_writes: bool = False) -> BuildReport:
    """The whole build, holding the site's build lock: a second build of the same site waits.
    `serve` runs it too, without the site stage and with `batch_writes` (see `generate_pages`)."""
    with build_lock(cache_dir_for(options.config_file).parent, lambda message: progress(Progress(message, "read"))):
        return _run_build(options, progress, batch_writes)


def _run_build(options: BuildOptions, progress, batch_writes: bool) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport()
    if not options.articles_dir.is_dir():
        raise FileNotFoundError(f"{options.articles_dir}: articles folder not found")
    registry: ReaderRegistry | CachingRegistry = ReaderRegistry(max_bytes=options.max_bytes)
    reference = load_reference(options.actors_file)
    cache = BuildCache(cache_dir_for(options.config_file), reference) if options.cache else None
    if cache is not None:
        registry = CachingRegistry(registry, cache)
    notes = load_notes(options.notes_dir)  # before the slow part: invalid notes stop the build at once
    read_site_settings(options.config_file), read_mkdocs_settings(options.config_file)  # and so do invalid settings
    paths, skipped = find_sources(options.articles_dir, registry)
    report.outcomes.extend(skipped)
    # The same article saved twice (or reposted elsewhere) becomes one briefing listing each copy.
    paths, registry, report.merges = merge_duplicate_files(paths, registry, lambda line: progress(Progress(line, "read")))
    total = len(paths)
    progress(Progress(f"reading {plural(total, 'article file')} from {options.articles_dir}", "read", 0, total))
    briefings = []
    stage_started = time.perf_counter()
    outcomes = extract_outcomes(
        paths, reference=reference, registry=registry, reserved_slugs={"index"}, previous_slugs=read_slugs(options.docs_dir), cache=cache,
        jobs=options.jobs,
    )
    for done, outcome in enumerate(outcomes, start=1):
        report.outcomes.append(outcome)
        if outcome.briefing is not None:
            briefings.append(outcome.briefing)
            b = outcome.briefing
            progress(
                Progress(
                    f"extracted {done}/{total}: {outcome.source} ({len(b.actors)} actors, {len(b.claims)} claims)",
                    "extract", done, total, detail=True,
                )
            )
        else:
            progress(Progress(f"error: {outcome.source}: {outcome.error}", "error", done, total))
    report.timings["extract"] = time.perf_counter() - stage_started
    if cache is not None:
        report.cached, report.extracted = cache.extract_hits, cache.extract_misses
        cache.prune()
        progress(Progress(f"{plural(report.cached, 'briefing')} from the cache, {report.extracted} extracted", "extract"))
    else:
        report.extracted = len(briefings)
    progress(Progress(f"writing pages into {options.docs_dir}", "write"))
    stage_started = time.perf_counter()
    record = None
    keys = [(o.briefing.slug, o.extraction_key) for o in report.outcomes if o.briefing is not None]
    if cache is not None and all(key for _, key in keys):
        record = PagesRecord(cache.folder / PAGES_RECORD, pages_inputs(options, [(slug, key or "") for slug, key in keys], reference))
    generate_pages(options, briefings, notes, reference, report, batch_writes=batch_writes, record=record)
    report.timings["write"] = time.perf_counter() - stage_started
    w = report.written
    assert w is not None  # generate_pages always reports what it wrote
    progress(Progress(f"pages: {len(w.written)} written, {len(w.unchanged)} unchanged, {len(w.removed)} removed", "write", len(w.written), len(w.written) + len(w.unchanged)))
    if options.build_site:
        progress(Progress(f"building the site into {options.site_dir}", "site"))
        stage_started = time.perf_counter()
        settings = read_site_settings(options.config_file)
        report.search = build_site(
            options.config_file, options.site_dir, strict=options.strict, search=options.search or settings.search,
            briefings=len(briefings), threshold=settings.pagefind_threshold, engine=options.engine, offline=options.offline,
        )
        report.timings["site"] = time.perf_counter() - stage_started
        report.site_built = True
        progress(Progress(f"site built in {report.timings['site']:.1f}s ({report.search} search)", "site"))
    report.seconds = time.perf_counter() - started
    return report
