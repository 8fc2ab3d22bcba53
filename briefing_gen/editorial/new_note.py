"""Creating an editor's notes file (`briefing-gen note SLUG`, `briefing-gen note --story SLUG`),
from the generated page of the briefing or story.

Apart from `briefing_gen.editorial.notes`, which only reads notes: the build never writes a notes
file, and this is the one place that creates one, once, never over an existing file.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import yaml

from briefing_gen.editorial.notes import NOTES_SUFFIX
from briefing_gen.editorial.story_notes import story_notes_dir
from briefing_gen.site.build import briefing_slugs, generated_slugs
from briefing_gen.site.pages import render
from briefing_gen.site.writer import atomic_create


@dataclass
class BriefingRef:
    """What the note template needs of a briefing, read from its generated page."""

    slug: str
    title: str
    source: str
    page: Path


class NoBriefing(LookupError):
    pass


def find_briefing(docs_dir: Path, slug: str) -> BriefingRef:
    """The generated briefing page for `slug`, or `NoBriefing` with close matches as hints."""
    slugs = briefing_slugs(docs_dir)
    if slug not in slugs:
        hint = ""
        close = suggested_slugs(slug, slugs)
        if close:
            hint = f"; did you mean {', '.join(close)}?"
        elif not slugs:
            hint = f"; {docs_dir} has no generated briefings yet: run `briefing-gen build` first"
        raise NoBriefing(f"no briefing with the slug '{slug}' in {docs_dir / 'briefings'}{hint}")
    page = docs_dir / "briefings" / f"{slug}.md"
    try:
        metadata = frontmatter.loads(page.read_text(encoding="utf-8")).metadata
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        metadata = {}
    return BriefingRef(slug=slug, title=str(metadata.get("title") or slug), source=str(metadata.get("source") or ""), page=page)


def suggested_slugs(asked: str, slugs: set[str], limit: int = 5) -> list[str]:
    """Slugs an editor may have meant: those starting with what was typed, then those holding it
    as a word (`sanctions` finds `eu-extends-sanctions-on-...`), then those spelled alike."""
    asked = asked.strip().lower()
    ordered = sorted(slugs)
    starting = [slug for slug in ordered if asked and slug.startswith(asked)]
    words = [slug for slug in ordered if asked and asked.strip("-") in slug.split("-") and slug not in starting]
    alike = [slug for slug in difflib.get_close_matches(asked, ordered, n=limit, cutoff=0.5) if slug not in starting + words]
    return (starting + words + alike)[:limit]


def note_path(notes_dir: Path, slug: str) -> Path:
    return notes_dir / f"{slug}{NOTES_SUFFIX}"


def create_note(notes_dir: Path, briefing: BriefingRef) -> Path:
    """Create `notes/<slug>.md` from the template; FileExistsError if it exists (never overwritten)."""
    return _create_from_template(note_path(notes_dir, briefing.slug), "note.md.j2", b=briefing)


def _create_from_template(path: Path, template: str, **context) -> Path:
    """A new notes file from its commented template; an editor's existing file is never overwritten."""
    if path.exists():
        raise FileExistsError(f"{path} already exists; edit it (it is never overwritten)")
    atomic_create(path, render(template, **context).encode("utf-8"))
    return path


@dataclass
class StoryRef:
    """What the story note template needs of a story, read from its generated page: its briefings
    by slug with their titles, which the editor names to remove or split them off."""

    slug: str
    title: str
    briefings: list[tuple[str, str]]  # (slug, title)
    page: Path


class NoStory(LookupError):
    pass


def story_slugs(docs_dir: Path) -> set[str]:
    """The slugs of the story pages the last build generated (from its manifest)."""
    return generated_slugs(docs_dir, "stories")


def find_story(docs_dir: Path, slug: str) -> StoryRef:
    """The generated story page for `slug`, or `NoStory` with close matches as hints."""
    slugs = story_slugs(docs_dir)
    if slug not in slugs:
        close = suggested_slugs(slug, slugs)
        if close:
            hint = f"; did you mean {', '.join(close)}?"
        elif not slugs:
            hint = f"; {docs_dir} has no generated stories: run `briefing-gen build` first (a story is two or more briefings about one event)"
        else:
            hint = ""
        raise NoStory(f"no story with the slug '{slug}' in {docs_dir / 'stories'}{hint}")
    page = docs_dir / "stories" / f"{slug}.md"
    metadata = _front_matter(page)
    briefings = [b for b in metadata.get("briefings") or [] if isinstance(b, str)]
    titles = [str(_front_matter(docs_dir / "briefings" / f"{b}.md").get("title") or b) for b in briefings]
    return StoryRef(slug=slug, title=str(metadata.get("title") or slug), briefings=list(zip(briefings, titles)), page=page)


def _front_matter(page: Path) -> dict:
    try:
        return dict(frontmatter.loads(page.read_text(encoding="utf-8")).metadata)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}


def story_note_path(notes_dir: Path, slug: str) -> Path:
    return story_notes_dir(notes_dir) / f"{slug}{NOTES_SUFFIX}"


def create_story_note(notes_dir: Path, story: StoryRef) -> Path:
    """Create `notes/stories/<slug>.md` from the template; FileExistsError if it exists (never overwritten)."""
    return _create_from_template(story_note_path(notes_dir, story.slug), "story_note.md.j2", s=story)
