"""Writing the generated pages into `docs/` and building the site with MkDocs (or Zensical)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from briefing_gen.config import ENGINE_CHOICES, SEARCH_CHOICES, SiteSettings, read_mkdocs_settings
from briefing_gen.editorial.notes import Notes
from briefing_gen.model import Briefing
from briefing_gen.site import feeds, pages, stamp
from briefing_gen.site.writer import (
    atomic_create,
    atomic_write_bytes,
    new_site_folder,
    remove_stale_temporaries,
    remove_unfinished_sites,
    swap_in_site,
    write_if_changed,
)

MANIFEST = ".briefing-gen-manifest.json"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)  # edited by hand: left as they are
    backups: list[tuple[str, Path]] = field(default_factory=list)  # (page, its backup) before replacing or removing it


class DocsWriter:
    """Writes generated pages under `docs/` and removes the ones a previous build made and this
    one did not (a removed article). Only files listed in the manifest are ever removed, so pages
    an editor wrote by hand are never touched.

    Every page is stamped with a hash of what was generated (`briefing_gen.site.stamp`). A page
    whose text no longer matches its stamp was edited by hand: it is kept, and reported, unless
    `force` is set, in which case it is backed up next to itself before being replaced. A page at a
    generated path without a stamp (written by hand, or by an older version) is backed up before
    being replaced, unless it already holds what would be generated. Nothing is lost either way.

    With `batch`, pages are only rendered by `write` and all written by `finish`, in one quick burst:
    `mkdocs serve` then sees one change and rebuilds once, instead of starting a rebuild while
    pages are still being rendered and a second one after.
    """

    def __init__(self, docs_dir: Path, force: bool = False, batch: bool = False):
        self.docs_dir = docs_dir
        self.force = force
        self.batch = batch
        self.pending: list[tuple[str, Path, str]] = []
        self.report = WriteReport()
        self.generated: set[str] = set()

    def write(self, relative: str, content: str) -> None:
        path = safe_join(self.docs_dir, relative)
        self.generated.add(relative)
        if self.batch:
            self.pending.append((relative, path, content))
        else:
            self._write(relative, path, content)

    def _write(self, relative: str, path: Path, content: str) -> None:
        stamped = stamp.stamp(content) if content.startswith("---\n") else content
        existing = _read_text(path)
        if existing is not None and existing != stamped and stamped is not content:
            state = stamp.page_state(existing)
            if state is stamp.PageState.EDITED and not self.force:
                self.report.kept_edited.append(relative)
                return
            if state is not stamp.PageState.GENERATED and existing != content:
                self.report.backups.append((relative, backup(path)))
        if write_if_changed(path, stamped):
            self.report.written.append(relative)
        else:
            self.report.unchanged.append(relative)

    def finish(self) -> WriteReport:
        for relative, path, content in self.pending:
            self._write(relative, path, content)
        self.pending.clear()
        manifest_path = self.docs_dir / MANIFEST
        previous = set(read_manifest(manifest_path))
        for relative in sorted(previous - self.generated):
            path = safe_join(self.docs_dir, relative)
            if path.is_file():
                existing = _read_text(path)
                if path.suffix == ".md" and (existing is None or stamp.page_state(existing) is not stamp.PageState.GENERATED):
                    self.report.backups.append((relative, backup(path)))
                path.unlink()
                self.report.removed.append(relative)
        content = json.dumps(sorted(self.generated), indent=0).encode()
        if not manifest_path.is_file() or manifest_path.read_bytes() != content:
            atomic_write_bytes(manifest_path, content)
        remove_stale_temporaries(self.docs_dir)
        return self.report


def _read_text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8", errors="surrogateescape")
    except (FileNotFoundError, IsADirectoryError):
        return None


def backup(path: Path, now: float | None = None) -> Path:
    """Copy `path` to a new hidden file next to it, `.NAME.backup-YYYYMMDDTHHMMSSZ[-N]`.

    Hidden, so MkDocs does not publish it (`exclude_docs` skips dot files); never overwriting an
    earlier backup, so every version an editor made is kept.
    """
    moment = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now))
    data = path.read_bytes()
    number = 1
    while True:
        suffix = "" if number == 1 else f"-{number}"
        target = path.with_name(f".{path.name}.backup-{moment}{suffix}")
        try:
            atomic_create(target, data)
            return target
        except FileExistsError:
            number += 1


def read_manifest(path: Path) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return []
    return [item for item in data if isinstance(item, str)]


def safe_join(folder: Path, relative: str) -> Path:
    """`folder / relative`, refusing anything that would land outside `folder`."""
    path = (folder / relative).resolve()
    root = folder.resolve()
    if root != path and root not in path.parents:
        raise ValueError(f"refusing to write outside {folder}: {relative}")
    return path


def write_site_pages(
    docs_dir: Path,
    briefings: list[Briefing],
    collection: pages.Collection,
    site_title: str,
    notes: Notes | None = None,
    force: bool = False,
    batch: bool = False,
    record: "PagesRecord | None" = None,
) -> WriteReport:
    """Write every page; `briefings` have their notes' corrections applied already, `notes` adds
    the notes text, status and verdicts. `batch`: see `DocsWriter`. With a `record` of what the
    pages are made from, nothing is rendered when the last build made them from the same inputs and
    none has been touched since."""
    if record is not None:
        untouched = record.untouched_pages(docs_dir)
        if untouched is not None:
            remove_stale_temporaries(docs_dir)  # a build killed between two writes may have left one
            return WriteReport(unchanged=untouched)
    writer = DocsWriter(docs_dir, force=force, batch=batch)
    for briefing in briefings:
        note = notes.get(briefing.slug) if notes is not None else None
        writer.write(f"briefings/{briefing.slug}.md", pages.briefing_page(briefing, collection, note))
    write_collection_pages(writer, collection, site_title)
    report = writer.finish()
    if record is not None:
        # A page kept because it was edited by hand is reported on every build until the edit is
        # moved or forced, so such a build is not recorded as one to skip.
        record.save(docs_dir, sorted(writer.generated) if not report.kept_edited else None)
    return report


@dataclass
class PagesRecord:
    """What the pages of the last build were made from, and the size and modification time each
    page had when it was written: a rebuild from the same inputs, with no page touched since (no
    edit, no deletion), has nothing to render or compare. Kept in the build cache folder."""

    path: Path
    inputs: str  # a hash of everything the pages are made from (see `briefing_gen.pipeline.run.pages_inputs`)

    def untouched_pages(self, docs_dir: Path) -> list[str] | None:
        """The pages, when they were made from `inputs` and are as they were written; else None."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("inputs") != self.inputs or not isinstance(data.get("files"), dict):
            return None
        for relative, seen in data["files"].items():
            if _file_state(safe_join(docs_dir, relative)) != seen:
                return None
        return sorted(relative for relative in data["files"] if relative != MANIFEST)

    def save(self, docs_dir: Path, generated: list[str] | None) -> None:
        """Record `generated` pages as made from `inputs`; with None, forget the last record."""
        try:
            if generated is None:
                self.path.unlink(missing_ok=True)
                return
            files = {relative: _file_state(safe_join(docs_dir, relative)) for relative in [*generated, MANIFEST]}
            if None in files.values():
                self.path.unlink(missing_ok=True)
                return
            data = json.dumps({"inputs": self.inputs, "files": files}, separators=(",", ":")).encode("utf-8")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, data)
        except OSError:
            pass  # without a record the next build renders every page: slower, never wrong


def _file_state(path: Path) -> list[int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


SLUGS_RECORD = ".briefing-gen-slugs.json"  # in docs/, beside the manifest: each source's slug


def read_slugs(docs_dir: Path) -> dict[str, str]:
    """The slug each source file had in the last build (`briefing_gen.pipeline.slugs.allocate_slugs`).
    Without a record (pages made by an earlier version), the `source` of each briefing page says."""
    try:
        data = json.loads((docs_dir / SLUGS_RECORD).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return slugs_of_pages(docs_dir)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {source: slug for source, slug in data.items() if isinstance(source, str) and isinstance(slug, str)}


def slugs_of_pages(docs_dir: Path) -> dict[str, str]:
    """{source: slug} read from the front matter of the generated briefing pages."""
    import frontmatter
    import yaml

    slugs = {}
    for slug in briefing_slugs(docs_dir):
        try:
            source = frontmatter.load(docs_dir / "briefings" / f"{slug}.md").get("source")
        except (OSError, ValueError, yaml.YAMLError):
            continue
        if isinstance(source, str):
            slugs[source] = slug
    return slugs


def record_slugs(docs_dir: Path, briefings: list[Briefing]) -> None:
    """Keep each briefing's slug by its source, so the next build gives it the same one. Kept in
    docs/ with the pages (not in the build cache, which may be deleted): a page and its slug go
    together."""
    slugs = {briefing.article.source: briefing.slug for briefing in briefings}
    write_if_changed(docs_dir / SLUGS_RECORD, json.dumps(slugs, indent=0, sort_keys=True, ensure_ascii=False) + "\n")


def briefing_slugs(docs_dir: Path) -> set[str]:
    """The slugs of the briefing pages the last build generated (from its manifest)."""
    return generated_slugs(docs_dir, "briefings")


def generated_slugs(docs_dir: Path, section: str) -> set[str]:
    """The slugs of the pages of one section (`briefings`, `stories`) the last build generated,
    from its manifest; the section's index is no page of its own kind."""
    slugs = set()
    for relative in read_manifest(docs_dir / MANIFEST):
        folder, _, name = relative.rpartition("/")
        if folder == section and name.endswith(".md") and name != "index.md":
            slugs.add(name[: -len(".md")])
    return slugs


def write_collection_pages(writer: DocsWriter, collection: pages.Collection, site_title: str) -> None:
    for entry in collection.actors.values():
        writer.write(f"actors/{entry.slug}.md", pages.actor_page(entry, collection.urls))
    for relative, content in pages.actor_index_pages(collection).items():
        writer.write(relative, content)
    for relative, content in pages.claims_pages(collection).items():
        writer.write(relative, content)
    writer.write("index.md", pages.home_page(collection, site_title))
    writer.write("briefings/index.md", pages.briefings_index_page(collection))
    writer.write("timeline.md", pages.timeline_page(collection))
    for story in collection.stories:
        writer.write(f"stories/{story.slug}.md", pages.story_page(story, collection))
    writer.write("stories/index.md", pages.stories_index_page(collection))
    for kind in pages.SOURCE_FOLDERS:
        for source in collection.sources.of_kind(kind).values():
            writer.write(source.page, pages.source_page(source, collection))
    writer.write("sources/index.md", pages.sources_index_page(collection))
    writer.write(feeds.BRIEFINGS_FEED, feeds.briefings_feed(collection))
    for story in collection.stories:
        if (feed := feeds.story_feed(story, collection)) is not None:
            writer.write(feeds.story_feed_path(story.slug), feed)
    writer.write("tags.md", pages.tags_page())
    writer.write(STYLESHEET, stylesheet())


STYLESHEET = "assets/briefing.css"  # loaded by `extra_css` in mkdocs.yml


def stylesheet() -> str:
    """The charts' and pages' CSS, shipped as package data and copied into docs/ on every build."""
    from importlib import resources

    return resources.files("briefing_gen").joinpath("assets", "briefing.css").read_text(encoding="utf-8")


class SiteBuildError(RuntimeError):
    pass


PAGEFIND_THRESHOLD = SiteSettings.pagefind_threshold  # briefings from which "auto" search uses Pagefind


def search_engine(choice: str, briefings: int, threshold: int = PAGEFIND_THRESHOLD) -> str:
    """The search a site gets: Material's built-in index (all text, fetched whole on the first
    search: about 11 KB per page) for small sites, Pagefind (an index in chunks, fetched as a
    query needs them) from `threshold` briefings on, or whichever `choice` names."""
    if choice == "auto":
        return "pagefind" if briefings >= threshold else "builtin"
    if choice not in SEARCH_CHOICES:
        raise ValueError(f"search must be one of {', '.join(SEARCH_CHOICES)}, not {choice!r}")
    return choice


def site_engine(config_file: Path, engine: str | None = None) -> str:
    """The engine that builds the site: `engine` (`build --engine`), else MkDocs."""
    choice = engine or "mkdocs"
    if choice not in ENGINE_CHOICES:
        raise ValueError(f"engine must be one of {', '.join(ENGINE_CHOICES)}, not {choice!r}")
    return choice


def build_site(
    config_file: Path, site_dir: Path, strict: bool = True, search: str = "builtin", briefings: int | None = None,
    threshold: int = PAGEFIND_THRESHOLD, engine: str | None = None, offline: bool = False,
) -> str:
    """Build the site from docs/ in a separate process, as a user would, so the same `docs/` builds
    the same way from the command line and from here. Returns the search the site got.

    `engine` (see `site_engine`): `mkdocs build`, or `zensical build`, which reads the same
    mkdocs.yml. Zensical has its own search index and no `--site-dir`: it is given a temporary
    configuration beside mkdocs.yml that inherits it (`INHERIT:`) and names the folder to build into.

    With Pagefind (MkDocs only), the build is `briefing_gen.site.indexed_build`: MkDocs' build with
    each page handed to Pagefind once its Markdown is converted, so indexing runs on the other core
    meanwhile. mkdocs.yml reads the choice from the environment (`BRIEFING_GEN_SEARCH`,
    `BRIEFING_GEN_BUILTIN_SEARCH`), so a plain `mkdocs build` still gets the built-in search; a
    configuration that does not read them always gets the built-in search.

    `offline`: a site to open from disk (`file://`): Material's
    offline plugin (the search index as a script, loaded without `fetch`) and page URLs that name
    files (`briefings/x.html`, not `briefings/x/`), added at run time by `indexed_build --offline`,
    so mkdocs.yml is not changed. Pagefind cannot load from disk, so such a site gets the built-in
    search.

    The site is built into a new folder next to `site_dir` and swapped in when it is whole
    (`briefing_gen.site.writer.swap_in_site`): a failed or killed build leaves the old site."""
    engine = site_engine(config_file, engine)
    if briefings is None:
        briefings = len(briefing_slugs(config_file.resolve().parent / "docs"))
    searched = search_engine(search, briefings, threshold)
    if searched == "pagefind" and (engine != "mkdocs" or offline or not read_mkdocs_settings(config_file).reads_search_choice):
        searched = "builtin"
    if offline and engine != "mkdocs":
        raise SiteBuildError(f"{engine} does not build a site for opening from disk (--offline): build it with --engine mkdocs")
    env = {**os.environ, "BRIEFING_GEN_SEARCH": searched, "BRIEFING_GEN_BUILTIN_SEARCH": "false" if searched == "pagefind" else "true"}
    # No --quiet: it raises MkDocs' log level above warnings, and --strict then has nothing to count.
    remove_unfinished_sites(site_dir)
    building = new_site_folder(site_dir)
    derived: Path | None = None
    try:
        if engine == "zensical":
            derived = derived_config(config_file, {"site_dir": str(building.resolve())})
            command = [sys.executable, "-m", "zensical", "build", "--config-file", str(derived)]
        else:
            program = ["briefing_gen.site.indexed_build"] if searched == "pagefind" or offline else ["mkdocs", "build"]
            command = [sys.executable, "-m", *program, "--config-file", str(config_file), "--site-dir", str(building.resolve())]
            if searched != "pagefind" and offline:
                command.append("--no-pagefind")
            if offline:
                command.append("--offline")
        if strict:
            command.append("--strict")
        result = subprocess.run(command, capture_output=True, text=True, cwd=config_file.resolve().parent, env=env)
        if result.returncode != 0:
            details = (result.stderr or result.stdout).strip().splitlines()
            raise SiteBuildError(f"{engine} build failed:\n" + "\n".join(details[-20:]))
        swap_in_site(building, site_dir)
    finally:
        shutil.rmtree(building, ignore_errors=True)
        if derived is not None:
            derived.unlink(missing_ok=True)
    return searched


def derived_config(config_file: Path, overrides: dict) -> Path:
    """A temporary hidden configuration beside `config_file` that inherits it and sets `overrides`
    (so relative paths in it mean what they mean in `config_file`); the caller removes it."""
    import yaml

    text = yaml.safe_dump({"INHERIT": config_file.name, **overrides}, allow_unicode=True, sort_keys=False)
    folder = config_file.resolve().parent
    number = os.getpid()
    while True:
        path = folder / f".briefing-gen-{number}.yml"
        try:
            atomic_create(path, text.encode("utf-8"))
            return path
        except FileExistsError:
            number += 1


