"""The stories stage of a build: found from the briefings, kept under their slugs, edited by the editors.

1. The last build's stories are read from `docs/.briefing-gen-stories.json` (story slug -> its
   briefings' slugs, as the build found them, before the editors' changes), so that each story
   keeps its slug as it grows (`briefing_gen.collection.story_slugs`). A site built before the
   record existed has it read from the front matter of its story pages instead.
2. The stories are found (`briefing_gen.collection.stories.group_stories`). When there is a
   record, a new story never takes the slug of a story notes file: notes whose story is gone stay
   orphaned rather than attach to an unrelated story. A slug an editor chose for a split is never
   taken either.
3. The editors' story notes are applied (`briefing_gen.editorial.story_edits`).
4. After the pages are written, the found stories are recorded for the next build.

The record is kept in docs/ with the pages (not in the build cache, which may be deleted): a
story's page and its slug go together, as a briefing's do (`.briefing-gen-slugs.json`).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from briefing_gen.collection.stories import Story, group_stories
from briefing_gen.editorial.story_edits import edit_stories
from briefing_gen.editorial.story_notes import StoryNotes
from briefing_gen.model import Briefing
from briefing_gen.site.build import MANIFEST, read_manifest
from briefing_gen.site.writer import write_if_changed

STORIES_RECORD = ".briefing-gen-stories.json"  # in docs/, beside the briefing slugs record


@dataclass
class SiteStories:
    """The stories of a build: as the site shows them (`shown`), as the build found them before the
    editors' changes (`found`, what the next build keeps slugs from), and warnings about the notes."""

    shown: list[Story]
    found: list[Story]
    warnings: list[str] = field(default_factory=list)

    def fingerprint(self) -> str:
        """A hash of the found stories with their slugs: with the briefings and the notes files
        (already in the pages' inputs) it decides the story pages, so a rebuild that gives a story
        another slug (the record deleted) renders the pages again."""
        return hashlib.sha256(record_text(self.found).encode("utf-8")).hexdigest()


def site_stories(briefings: list[Briefing], notes: StoryNotes, docs_dir: Path) -> SiteStories:
    """The stories of `briefings` (corrected, one name per person) with the editors' `notes` applied."""
    previous = read_story_record(docs_dir)
    reserved = notes.split_slugs() | (notes.file_slugs if previous is not None else set())
    grouping = group_stories(briefings, previous=previous, reserved=reserved)
    edited = edit_stories(grouping, notes, {b.slug for b in briefings})
    return SiteStories(shown=edited.stories, found=grouping.stories, warnings=notes.warnings + edited.warnings)


def read_story_record(docs_dir: Path) -> dict[str, list[str]] | None:
    """Story slug -> briefing slugs of the last build; None when there was no story before (a new
    site). A missing or damaged record is read from the story pages' front matter instead."""
    try:
        data = json.loads((docs_dir / STORIES_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return stories_of_pages(docs_dir)
    if not isinstance(data, dict):
        return stories_of_pages(docs_dir)
    return {
        slug: [b for b in briefings if isinstance(b, str)]
        for slug, briefings in data.items()
        if isinstance(slug, str) and isinstance(briefings, list)
    }


def stories_of_pages(docs_dir: Path) -> dict[str, list[str]] | None:
    """{story slug: briefing slugs} from the front matter of the story pages the last build made
    (its manifest lists them); None when it made none."""
    import frontmatter
    import yaml

    pages = [r for r in read_manifest(docs_dir / MANIFEST) if r.startswith("stories/") and r.count("/") == 1 and r != "stories/index.md"]
    if not pages:
        return None
    stories = {}
    for relative in pages:
        try:
            post = frontmatter.load(docs_dir / relative)
        except (OSError, ValueError, yaml.YAMLError):
            continue
        slug, briefings = post.get("story"), post.get("briefings")
        if isinstance(slug, str) and isinstance(briefings, list):
            stories[slug] = [b for b in briefings if isinstance(b, str)]
    return stories


def record_text(stories: list[Story]) -> str:
    return json.dumps({story.slug: story.briefings for story in stories}, indent=0, sort_keys=True, ensure_ascii=False) + "\n"


def record_stories(docs_dir: Path, stories: list[Story]) -> None:
    """Keep each found story's slug and briefings for the next build (written only when changed)."""
    write_if_changed(docs_dir / STORIES_RECORD, record_text(stories))


__all__ = ["STORIES_RECORD", "SiteStories", "read_story_record", "record_stories", "site_stories", "stories_of_pages"]
