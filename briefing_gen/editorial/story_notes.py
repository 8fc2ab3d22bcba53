"""Editors' notes on stories: one `notes/stories/<story-slug>.md` per story, owned by the editor.

The build finds its stories again every time (`briefing_gen.collection.stories`), so an editor who
disagrees with one (two stories that are one event, a briefing in the wrong story, a headline that
makes a poor title) cannot fix its page: the next build would undo it. The story's notes file says
what to change instead, and every build applies it to the stories it found
(`briefing_gen.editorial.story_edits`). The file is named by the story's slug, which stays the same
as the story grows (`briefing_gen.collection.story_slugs`). The build reads these files and never
writes them; `briefing-gen note --story SLUG` creates one from a commented template.

Front matter keys, all optional (the template explains each):

    title: The story's title              # instead of the headline the build chose
    merge: [other-story-slug, ...]        # stories that are this one: their briefings join it
    add: [briefing-slug, ...]             # briefings that belong in this story (out of any other)
    remove: [briefing-slug, ...]          # briefings that do not (then in no story)
    split:                                # briefings that tell a story of their own
      new-story-slug: [briefing-slug, ...]

The Markdown below the front matter is shown on the story page as the editors' note.

A mistake in a briefing's notes stops the build, because its corrections change what the site says
someone claimed. A mistake in a story's notes only leaves a grouping as the build made it, so it
does not: it is a warning naming the file and the key, that file is left out until it is fixed,
and everything else is built.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing_gen.editorial.corrections import as_text, describe
from briefing_gen.editorial.notes import NOTES_SUFFIX, NotesError, split_front_matter

STORY_NOTES_FOLDER = "stories"  # inside the notes folder
STORY_KEYS = ("title", "merge", "add", "remove", "split")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class StoryNote:
    """The validated notes of one story. Lists keep the editor's order, without repeats."""

    slug: str
    path: Path
    body: str = ""  # the editor's Markdown, as written
    title: str | None = None
    merge: list[str] = field(default_factory=list)  # story slugs
    add: list[str] = field(default_factory=list)  # briefing slugs
    remove: list[str] = field(default_factory=list)  # briefing slugs
    split: dict[str, list[str]] = field(default_factory=dict)  # new story slug -> briefing slugs


@dataclass
class StoryNotes:
    """The usable story notes of a site by story slug, the slugs of every story notes file (usable
    or not), and one warning per problem found reading them."""

    by_slug: dict[str, StoryNote] = field(default_factory=dict)
    file_slugs: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    left_out: list[Path] = field(default_factory=list)  # files with a problem: not applied, so the build reports them

    def split_slugs(self) -> set[str]:
        """The slugs editors chose for the stories their splits make."""
        return {new for note in self.by_slug.values() for new in note.split}


def story_notes_dir(notes_dir: Path) -> Path:
    return notes_dir / STORY_NOTES_FOLDER


def story_notes_files(notes_dir: Path) -> list[Path]:
    """The story notes files under `notes_dir`; hidden files (a write in progress) are not notes."""
    folder = story_notes_dir(notes_dir)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"*{NOTES_SUFFIX}") if p.is_file() and not p.name.startswith("."))


def load_story_notes(notes_dir: Path) -> StoryNotes:
    """Every story notes file under `notes_dir`. A file with a problem is left out, with one
    warning per problem (naming the file and the key); the others are used."""
    notes = StoryNotes()
    for path in story_notes_files(notes_dir):
        notes.file_slugs.add(path.stem)
        note, problems, warnings = read_story_note(path)
        notes.warnings.extend(warnings)
        if problems:
            notes.warnings.extend(f"{problem}; this file is left out until it is fixed" for problem in problems)
            notes.left_out.append(path)
        elif note is not None:
            notes.by_slug[note.slug] = note
    return notes


def read_story_note(path: Path) -> tuple[StoryNote | None, list[str], list[str]]:
    """The notes of one story file, its problems (the file cannot be used) and its warnings."""
    where = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [f"{where}: not UTF-8 text (byte {error.start}); save it as UTF-8"], []
    except OSError as error:
        return None, [f"{where}: cannot read: {error.strerror or error}"], []
    try:
        metadata, body = split_front_matter(text, where, keys=", ".join(STORY_KEYS))
    except NotesError as error:
        return None, list(error.problems), []
    check = _Check(where)
    note = StoryNote(slug=path.stem, path=path, body=body)
    for key in metadata:
        if key not in STORY_KEYS:
            check.warnings.append(f"{where}: '{key}': unrecognised key, ignored (story notes use {', '.join(STORY_KEYS)})")
    if metadata.get("title") is not None:
        note.title = check.text("title", metadata["title"], "the story's title")
    note.merge = check.slugs("merge", metadata.get("merge"), "story")
    note.add = check.slugs("add", metadata.get("add"), "briefing")
    note.remove = check.slugs("remove", metadata.get("remove"), "briefing")
    note.split = check.split(metadata.get("split"), note.slug)
    if note.slug in note.merge:
        check.problem("merge", f"'{note.slug}' is this story itself; list the other stories that are the same one")
    for briefing in set(note.add) & set(note.remove):
        check.problem("add", f"'{briefing}' is also under remove; keep it in one of them")
    return (None if check.problems else note), check.problems, check.warnings


class _Check:
    """Collects the problems of one file: one line each, naming the file and the key."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def problem(self, key: str, message: str) -> None:
        self.problems.append(f"{self.where}: '{key}': {message}")

    def text(self, key: str, value, what: str) -> str | None:
        text = as_text(value)
        if text is None:
            self.problem(key, f"expected {what} (text), got {describe(value)}")
        return text

    def slugs(self, key: str, value, kind: str) -> list[str]:
        """A list of slugs; a single slug stands for a list of one."""
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(key, f"expected a list of {kind} slugs, like [{_EXAMPLE[kind]}], got {describe(value)}")
            return []
        slugs: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.problem(f"{key}.{index}", f"expected a {kind} slug (text), got {describe(item)}")
            elif item.strip() not in slugs:
                slugs.append(item.strip())
        return slugs

    def split(self, value, own: str) -> dict[str, list[str]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem("split", f"expected a mapping of new story slugs to briefing slugs, like {{new-story: [{_EXAMPLE['briefing']}]}}, got {describe(value)}")
            return {}
        groups: dict[str, list[str]] = {}
        for raw, briefings in value.items():
            new = raw.strip() if isinstance(raw, str) else ""
            if not SLUG.fullmatch(new) or new == "index":
                self.problem(f"split.{raw}", "a new story's slug is lower-case letters, digits and hyphens, like orvin-dam-inquiry (not index)")
                continue
            if new == own:
                self.problem(f"split.{new}", "this is the story's own slug; give the new story another")
                continue
            groups[new] = self.slugs(f"split.{new}", briefings, "briefing")
            if not groups[new]:
                self.problem(f"split.{new}", "name the briefings that go into the new story")
        seen: dict[str, str] = {}
        for new, briefings in groups.items():
            for briefing in briefings:
                if briefing in seen:
                    self.problem(f"split.{new}", f"'{briefing}' is also split into '{seen[briefing]}'; a briefing goes into one story")
                seen.setdefault(briefing, new)
        return groups


_EXAMPLE = {"story": "other-story-slug", "briefing": "briefing-slug"}




__all__ = ["StoryNote", "StoryNotes", "load_story_notes", "read_story_note", "story_notes_dir", "story_notes_files"]
