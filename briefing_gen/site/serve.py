"""Live preview: `mkdocs serve` shows `docs/`, and we keep `docs/` up to date as files change.

Generation stays outside MkDocs (no plugin): this loop watches the articles, the notes, the
editor's `actors.yml`, `mkdocs.yml` and the page templates, and on every change runs the build's
own pipeline (`briefing_gen.pipeline.run.run_build`) without the site stage. The build cache makes that
incremental: a changed or new article is the only one parsed again, the others come from the
cache, and duplicates, slugs and pages are exactly what `briefing-gen build` makes. Pages whose
content did not change are not rewritten, so MkDocs rebuilds only when something it shows changed,
and our own writes never set off another round.
"""
from __future__ import annotations

import dataclasses
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from briefing_gen.config import SETTINGS_FILE, BuildOptions
from briefing_gen.editorial.story_notes import story_notes_dir
from briefing_gen.errors import FileProblems
from briefing_gen.pipeline.cache import code_hash
from briefing_gen.pipeline.run import BuildReport, run_build
from briefing_gen.site.charts import plural

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
class Preview:
    """Keeps `docs/` up to date for `mkdocs serve` with the build's pipeline.

    The first generation honours `options.cache` (`--no-cache` analyses every article again);
    later ones always use the cache, so that a change costs only what changed."""

    options: BuildOptions
    say: Callable[[str], None] = lambda message: print(message, file=sys.stderr, flush=True)
    reported: set[str] = field(default_factory=set)
    generations: int = 0

    def regenerate(self, changes: Changes | None = None) -> BuildReport | None:
        """Bring `docs/` up to date; None when an error (reported) left it as it was."""
        if changes is None or changes.templates:
            from briefing_gen.site.pages import environment

            environment.cache_clear()
            code_hash.cache_clear()  # the pages' inputs include the templates
        options = dataclasses.replace(self.options, build_site=False, cache=self.options.cache or self.generations > 0)
        try:
            report = run_build(options, batch_writes=True)
        except (FileProblems, RuntimeError, FileNotFoundError) as error:
            for line in str(error).splitlines():
                self.say(f"briefing-gen: error: {line}")
            self.say("briefing-gen: the pages were left as they were; fix the file and save it again")
            return None
        self.generations += 1
        self._tell(report)
        return report

    def _tell(self, report: BuildReport) -> None:
        lines = [f"briefing-gen: {outcome.source}: {outcome.error}" for outcome in report.errors]
        lines += [f"briefing-gen: warning: {warning}" for warning in report.warnings]
        lines += [f"briefing-gen: orphaned notes (no briefing has this slug; kept): {path}" for path in report.orphaned_notes]
        for line in lines:
            if line not in self.reported:
                self.say(line)
        self.reported = set(lines)
        written = report.written
        if written is not None and (written.written or written.removed or report.extracted):
            self.say(
                f"regenerated in {report.seconds:.1f}s: {plural(report.extracted, 'article')} extracted, "
                f"{plural(len(written.written), 'page')} written, {len(written.removed)} removed"
            )


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
        self.story_notes = story_notes_dir(self.notes)  # notes/stories/: the editors' changes to stories
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
        """Watch the notes folder itself once it exists (`briefing-gen note` may create it later),
        with its `stories/` folder of story notes."""
        if not self.notes_watched and self.notes.is_dir():
            self.observer.schedule(_Handler(self.events), str(self.notes), recursive=True)
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
        elif path in (self.config, self.config.with_name(SETTINGS_FILE)):
            changes.config = True
        elif _inside(path, self.articles):
            changes.articles = True
        elif _inside(path, self.templates) and path.suffix == ".j2":
            changes.templates = True
        elif path.parent in (self.notes, self.story_notes) or path in (self.notes, self.story_notes):
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


def start_mkdocs(config_file: Path, dev_addr: str, say: Callable[[str], None]) -> subprocess.Popen:
    """`mkdocs serve` as a child process in our process group, so Ctrl-C reaches both. Its output
    goes through `relay_mkdocs_output`.

    `--dirty`: after its first full build, MkDocs rebuilds only the pages whose files changed, and
    `Preview` rewrites only pages whose content changed, so an edited note shows in a second or two
    instead of after a rebuild of every actor page. The preview's search index then holds the pages
    rebuilt since the start; `briefing-gen build` makes the whole one."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--config-file", str(config_file), "--dev-addr", dev_addr]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # the theme's notice about MkDocs 2, on every start
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace", bufsize=1, env=env)
    threading.Thread(target=relay_mkdocs_output, args=(process.stdout, say), name="mkdocs-output", daemon=True).start()
    return process


# A new message of MkDocs' log starts at the line's first character; its continuation lines are indented.
_MKDOCS_KEPT = re.compile(r"Serving on|Documentation built in|WARNING|ERROR|Error|Traceback")
_MKDOCS_LEFT_OUT = ('not included in the "nav"', "A 'dirty' build is being performed")  # known, and by design


def relay_mkdocs_output(stream, say: Callable[[str], None]) -> None:
    """Pass on what MkDocs says that a user needs: where it serves, each rebuild's time, warnings
    and errors. Its other messages, above all the listing of every briefing page that is not in
    the navigation (all of them, by design) on every rebuild, are left out."""
    keeping = False
    for line in stream:
        line = line.rstrip("\n")
        if line and not line[0].isspace():
            keeping = bool(_MKDOCS_KEPT.search(line)) and not any(known in line for known in _MKDOCS_LEFT_OUT)
        if keeping:
            say(line)


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
    process = start_mkdocs(options.config_file, dev_addr, preview.say)
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
