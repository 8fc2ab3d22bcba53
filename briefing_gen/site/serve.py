"""Live preview: `mkdocs serve` shows `docs/`, and we keep `docs/` up to date as files change.

Generation stays outside MkDocs (no plugin): this loop watches the articles, the notes, the
editor's `actors.yml`, `mkdocs.yml` and the page templates, and regenerates only what a change
needs. Extracted briefings are kept in memory between changes, so a changed or new article is the
only one parsed again; corrections and pages are redone from memory, which is cheap. Pages whose
content did not change are not rewritten (`write_if_changed`), so MkDocs rebuilds only when
something it shows changed, and our own writes never set off another round.
"""
from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from briefing_gen.build import BuildOptions, BuildReport, generate_pages
from briefing_gen.build_lock import build_lock
from briefing_gen.cache import cache_dir_for
from briefing_gen.notes import NotesError, load_notes
from briefing_gen.pipeline import Outcome, extract_outcomes, find_sources
from briefing_gen.readers import ReaderRegistry
from briefing_gen.site.build import read_slugs
from briefing_gen.reference import ReferenceError, load_reference
from briefing_gen.slugs import allocate_slugs

QUIET_PERIOD = 0.3  # seconds without events before regenerating: an editor's save is often several events
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


@dataclass
class Changes:
    """What changed since the last regeneration, by kind."""

    articles: bool = False
    notes: bool = False
    reference: bool = False
    templates: bool = False
    config: bool = False

    def __bool__(self) -> bool:
        return self.articles or self.notes or self.reference or self.templates or self.config


@dataclass
class Extracted:
    """One article file as last extracted, and the file state it was extracted from."""

    state: tuple[int, int]
    outcome: Outcome


@dataclass
class Preview:
    """The generation side of `serve`: extracted briefings in memory, regenerated on change."""

    options: BuildOptions
    say: Callable[[str], None] = lambda message: print(message, file=sys.stderr, flush=True)
    registry: ReaderRegistry = field(default_factory=ReaderRegistry)
    extracted: dict[Path, Extracted] = field(default_factory=dict)
    reference: object | None = None
    reported: set[str] = field(default_factory=set)

    def regenerate(self, changes: Changes | None = None) -> BuildReport | None:
        """Bring `docs/` up to date; None when an error (reported) left it as it was."""
        started = time.perf_counter()
        everything = changes is None
        try:
            if everything or changes.reference or self.reference is None:
                self.reference = load_reference(self.options.actors_file)
                self.extracted.clear()
            if everything or changes.templates:
                from briefing_gen.site.pages import environment

                environment.cache_clear()
            notes = load_notes(self.options.notes_dir)
        except (ReferenceError, NotesError) as error:
            for line in str(error).splitlines():
                self.say(f"briefing-gen: error: {line}")
            self.say("briefing-gen: the pages were left as they were; fix the file and save it again")
            return None
        report = BuildReport()
        with build_lock(cache_dir_for(self.options.config_file).parent, self.say):  # a build of the same site waits, and so does this
            extracted_now = self._extract_changed(report)
            briefings = self._briefings_with_slugs()
            generate_pages(self.options, briefings, notes, self.reference, report, batch_writes=True)
        report.seconds = time.perf_counter() - started
        self._tell(report, extracted_now)
        return report

    def _extract_changed(self, report: BuildReport) -> int:
        paths, skipped = find_sources(self.options.articles_dir, self.registry)
        report.outcomes.extend(skipped)
        states = {path: _file_state(path) for path in paths}
        for gone in set(self.extracted) - set(paths):
            del self.extracted[gone]
        stale = [path for path in paths if path not in self.extracted or self.extracted[path].state != states[path]]
        if stale:
            for path, outcome in zip(stale, extract_outcomes(stale, reference=self.reference, registry=self.registry)):
                self.extracted[path] = Extracted(state=states[path], outcome=outcome)
        report.outcomes.extend(self.extracted[path].outcome for path in paths)
        return len(stale)

    def _briefings_with_slugs(self) -> list:
        """The briefings in source order, with slugs given out as a full build gives them.

        Slugs depend on every title (a repeated title gets `-2`), so they are given out again over
        all articles after each change; only the slug changes, nothing is extracted again.
        """
        briefings = [self.extracted[path].outcome.briefing for path in sorted(self.extracted)]
        briefings = [briefing for briefing in briefings if briefing is not None]
        items = [(briefing.article.title, briefing.article.source) for briefing in briefings]
        for briefing, slug in zip(briefings, allocate_slugs(items, {"index"}, read_slugs(self.options.docs_dir))):
            briefing.slug = slug
        return briefings

    def _tell(self, report: BuildReport, extracted_now: int) -> None:
        lines = [f"briefing-gen: {outcome.source}: {outcome.error}" for outcome in report.errors]
        lines += [f"briefing-gen: warning: {warning}" for warning in report.warnings]
        lines += [f"briefing-gen: orphaned notes (no briefing has this slug; kept): {path}" for path in report.orphaned_notes]
        for line in lines:
            if line not in self.reported:
                self.say(line)
        self.reported = set(lines)
        written = report.written
        if written is not None and (written.written or written.removed or extracted_now):
            self.say(
                f"regenerated in {report.seconds:.1f}s: {extracted_now} article(s) extracted, "
                f"{len(written.written)} page(s) written, {len(written.removed)} removed"
            )


def _file_state(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return (0, -1)
    return (stat.st_mtime_ns, stat.st_size)


# Watching -------------------------------------------------------------------------------------------


class Watcher:
    """File events from watchdog, sorted into `Changes`. Hidden files (our own temporary files
    among them) and anything outside the watched inputs are ignored."""

    def __init__(self, options: BuildOptions):
        from watchdog.observers import Observer

        self.options = options
        self.events: queue.Queue[Path] = queue.Queue()
        self.articles = options.articles_dir.resolve()
        self.notes = options.notes_dir.resolve()
        self.actors = options.actors_file.resolve()
        self.config = options.config_file.resolve()
        self.templates = TEMPLATES_DIR
        self.observer = Observer()
        folders = {
            self.articles: True,
            self.templates: False,
            self.actors.parent: False,
            self.config.parent: False,
            # the notes folder may not exist yet: watch its parent, and the folder itself when it does
            self.notes.parent: False,
        }
        for folder, recursive in folders.items():
            if folder.is_dir():
                self.observer.schedule(_Handler(self.events), str(folder), recursive=recursive)
        self.notes_watched = False
        self.watch_notes()

    def watch_notes(self) -> None:
        """Watch the notes folder itself once it exists (`briefing-gen note` may create it later)."""
        if not self.notes_watched and self.notes.is_dir():
            self.observer.schedule(_Handler(self.events), str(self.notes), recursive=False)
            self.notes_watched = True

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=5)

    def wait(self, timeout: float) -> Changes:
        """Changes seen within `timeout` seconds, collected until QUIET_PERIOD passes without any."""
        changes = Changes()
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                path = self.events.get(timeout=max(0.0, remaining))
            except queue.Empty:
                return changes
            self.classify(path, changes)
            if changes:
                deadline = time.monotonic() + QUIET_PERIOD

    def classify(self, path: Path, changes: Changes) -> None:
        if path.name.startswith("."):
            return
        if path == self.actors:
            changes.reference = True
        elif path == self.config:
            changes.config = True
        elif _inside(path, self.articles):
            changes.articles = True
        elif _inside(path, self.templates) and path.suffix == ".j2":
            changes.templates = True
        elif path.parent == self.notes or path == self.notes:
            changes.notes = True
            self.watch_notes()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


class _Handler:
    """A watchdog event handler that only queues the paths involved."""

    def __init__(self, events: queue.Queue):
        self.events = events

    def dispatch(self, event) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw:
                self.events.put(Path(os.fsdecode(raw)).absolute())


# Serving --------------------------------------------------------------------------------------------


def start_mkdocs(config_file: Path, dev_addr: str) -> subprocess.Popen:
    """`mkdocs serve` as a child process in our process group, so Ctrl-C reaches both."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file), "--dev-addr", dev_addr]
    return subprocess.Popen(command)


def stop_process(process: subprocess.Popen, timeout: float = 5.0) -> None:
    """Stop the process we started: politely first, then for sure."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


def serve(options: BuildOptions, dev_addr: str, say: Callable[[str], None] | None = None) -> int:
    """Generate, start `mkdocs serve`, then regenerate on every change until stopped.

    Returns mkdocs' exit status if it stops on its own, 0 when stopped by Ctrl-C or SIGTERM; in
    every case the mkdocs process we started is stopped before returning.
    """
    preview = Preview(options) if say is None else Preview(options, say=say)
    if not options.articles_dir.is_dir():
        raise FileNotFoundError(f"{options.articles_dir}: articles folder not found")
    preview.regenerate()
    watcher = Watcher(options)
    watcher.start()
    previous_handler = signal.signal(signal.SIGTERM, _raise_interrupt)
    process = start_mkdocs(options.config_file, dev_addr)
    try:
        while True:
            status = process.poll()
            if status is not None:
                return status
            changes = watcher.wait(timeout=0.5)
            if changes:
                _regenerate_or_report(preview, changes)
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
        stop_process(process)
        watcher.stop()


def _regenerate_or_report(preview: Preview, changes: Changes) -> None:
    """A preview outlives mistakes made while it runs (a template being edited, say): the error is
    shown, the pages stay as they were (batched writes happen only at the end), and the next save
    tries again."""
    try:
        preview.regenerate(changes)
    except Exception:  # noqa: BLE001 - anything, so that the preview keeps running
        preview.say(traceback.format_exc().rstrip())
        preview.say("briefing-gen: regenerating failed; the pages were left as they were, save again to retry")


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
