"""Editors' notes: one `notes/<slug>.md` per briefing, owned by the editor, never by the generator.

Generated pages are rewritten on every build, so anything an editor wants to keep lives here: the
Markdown body is shown in the briefing's Notes section (and so is searchable), the front matter
holds corrections (`briefing_gen.editorial.corrections`). The generator reads these files and only ever
writes one when asked to create it (`briefing-gen note SLUG`), and never over an existing file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml

from briefing_gen.editorial.corrections import Corrections, CorrectionsError, validate_corrections
from briefing_gen.errors import FileProblems

NOTES_SUFFIX = ".md"


class NotesError(FileProblems):
    """Notes files that cannot be used. `problems`: one line each, naming the file and the key."""


@dataclass
class Note:
    slug: str
    path: Path
    body: str  # the editor's Markdown, as written
    corrections: Corrections

    @property
    def markdown(self) -> str:
        """The body as it goes into the briefing page (see `nest_in_section`)."""
        return nest_in_section(self.body)


@dataclass
class Notes:
    by_slug: dict[str, Note] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def get(self, slug: str) -> Note | None:
        return self.by_slug.get(slug)

    def orphaned(self, slugs: set[str]) -> list[Note]:
        """Notes whose briefing is gone (its article removed, or its title and so its slug changed)."""
        return [note for slug, note in sorted(self.by_slug.items()) if slug not in slugs]


def notes_files(notes_dir: Path) -> list[Path]:
    """The notes files of a folder; hidden files (such as a write in progress) are not notes."""
    if not notes_dir.is_dir():
        return []
    return sorted(p for p in notes_dir.glob(f"*{NOTES_SUFFIX}") if p.is_file() and not p.name.startswith("."))


def load_notes(notes_dir: Path) -> Notes:
    """Every notes file of `notes_dir`, validated. Raises `NotesError` listing all problems."""
    notes = Notes()
    problems: list[str] = []
    for path in notes_files(notes_dir):
        try:
            note, warnings = read_note(path)
        except NotesError as error:
            problems.extend(error.problems)
            continue
        notes.by_slug[note.slug] = note
        notes.warnings.extend(warnings)
    if problems:
        raise NotesError(problems)
    return notes


def read_note(path: Path) -> tuple[Note, list[str]]:
    where = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotesError([f"{where}: not UTF-8 text (byte {error.start}); save it as UTF-8"]) from None
    except OSError as error:
        raise NotesError([f"{where}: cannot read: {error.strerror or error}"]) from None
    metadata, body = split_front_matter(text, where)
    try:
        corrections, warnings = validate_corrections(metadata, where)
    except CorrectionsError as error:
        raise NotesError(error.problems) from None
    return Note(slug=path.stem, path=path, body=body, corrections=corrections), warnings


def split_front_matter(text: str, where: str, keys: str = "status, tags, actors, claims, verdicts") -> tuple[dict, str]:
    """The front matter of a notes file as a mapping, and its Markdown body; `keys` names what the
    front matter may hold in the message when it is not a mapping."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return {}, text.strip("\n")
    try:
        header, body = handler.split(text)
    except ValueError:
        return {}, text.strip("\n")
    try:
        data = yaml.safe_load(header)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        at = f" at line {mark.line + 2}" if mark is not None else ""
        raise NotesError([f"{where}: invalid YAML front matter{at}: {problem}"]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise NotesError([f"{where}: the front matter must be a mapping of keys ({keys})"])
    return data, body.strip("\n")


# Notes in the briefing page -------------------------------------------------------------------------

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^(#{1,6})(?!#)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
SECTION_DEPTH = 2  # the Notes section is an h2: the editor's headings go below it


def nest_in_section(body: str) -> str:
    """The editor's Markdown with its headings moved below the page's `## Notes` heading.

    The text and everything else stay as written; only heading levels change (`#` becomes `###`,
    a `===`/`---` underlined title becomes `###`/`####`), so a note cannot start a new top-level
    section of the page or a second page title. Code blocks are left alone.
    """
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    closing = _closed_fences(lines)
    out: list[str] = []
    fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if fence is not None:
            out.append(line)
            if _FENCE.match(line) and line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            index += 1
            continue
        opening = _FENCE.match(line)
        if opening and index in closing:
            fence = opening.group(1)
            out.append(line)
            index += 1
            continue
        heading = _ATX.match(line)
        if heading:
            level = min(len(heading.group(1)) + SECTION_DEPTH, 6)
            out.append("#" * level + line[len(heading.group(1)) :])
            index += 1
            continue
        starts_block = index == 0 or not lines[index - 1].strip()
        if (
            starts_block
            and line.strip()
            and not line.startswith("    ")
            and index + 1 < len(lines)
            and _SETEXT.match(lines[index + 1])
        ):
            level = (1 if lines[index + 1].strip()[0] == "=" else 2) + SECTION_DEPTH
            out.append("#" * level + " " + line.strip())
            index += 2
            continue
        out.append(line)
        index += 1
    return "\n".join(out).strip("\n")


def _closed_fences(lines: list[str]) -> set[int]:
    """Line numbers of code fences that are closed later (an unclosed fence is plain text)."""
    closed: set[int] = set()
    current: tuple[int, str] | None = None
    for number, line in enumerate(lines):
        match = _FENCE.match(line)
        if not match:
            continue
        if current is None:
            current = (number, match.group(1))
        elif line.strip().startswith(current[1]) and not line.strip().strip(current[1][0]):
            closed.add(current[0])
            current = None
    return closed
