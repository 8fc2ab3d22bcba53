"""A whole build: articles in `articles/`, pages in `docs/`, the site in `site/`."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from briefing_gen.duplicates import merge_duplicate_files
from briefing_gen.pipeline import Outcome, extract_outcomes, find_sources
from briefing_gen.readers import ReaderRegistry
from briefing_gen.reference import load_reference
from briefing_gen.site.build import WriteReport, build_site, write_site_pages
from briefing_gen.site.pages import Collection


@dataclass
class BuildOptions:
    articles_dir: Path = Path("articles")
    docs_dir: Path = Path("docs")
    site_dir: Path = Path("site")
    config_file: Path = Path("mkdocs.yml")
    actors_file: Path = Path("actors.yml")
    build_site: bool = True
    strict: bool = True


@dataclass
class BuildReport:
    outcomes: list[Outcome] = field(default_factory=list)
    written: WriteReport | None = None
    site_built: bool = False
    seconds: float = 0.0
    merges: list = field(default_factory=list)  # duplicates.Merge: copies of one article merged into it

    @property
    def errors(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.error]

    @property
    def built(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.briefing is not None]


def site_name(config_file: Path) -> str:
    """The `site_name` of mkdocs.yml, read without executing any of its YAML tags."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except OSError:
        return "Briefings"
    match = re.search(r"^site_name:\s*['\"]?(.+?)['\"]?\s*$", text, re.MULTILINE)
    return match.group(1) if match else "Briefings"


def run_build(options: BuildOptions, progress=lambda message: None) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport()
    if not options.articles_dir.is_dir():
        raise FileNotFoundError(f"{options.articles_dir}: articles folder not found")
    registry = ReaderRegistry()
    reference = load_reference(options.actors_file)
    paths, skipped = find_sources(options.articles_dir, registry)
    report.outcomes.extend(skipped)
    # The same article saved twice (or reposted elsewhere) becomes one briefing listing each copy.
    paths, registry, report.merges = merge_duplicate_files(paths, registry, progress)
    progress(f"reading {len(paths)} article files from {options.articles_dir}")
    collection = Collection()
    briefings = []
    for outcome in extract_outcomes(paths, reference=reference, registry=registry, reserved_slugs={"index"}):
        report.outcomes.append(outcome)
        if outcome.briefing is not None:
            briefings.append(outcome.briefing)
            collection.add(outcome.briefing)
        else:
            progress(f"error: {outcome.source}: {outcome.error}")
    collection.apply_reference(reference)
    collection.assign_actor_slugs()
    progress(f"writing pages into {options.docs_dir}")
    report.written = write_site_pages(options.docs_dir, briefings, collection, site_name(options.config_file))
    if options.build_site:
        progress(f"building the site into {options.site_dir}")
        build_site(options.config_file, options.site_dir, strict=options.strict)
        report.site_built = True
    report.seconds = time.perf_counter() - started
    return report
