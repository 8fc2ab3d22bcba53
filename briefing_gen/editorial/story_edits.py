"""The editors' changes to stories (`notes/stories/<slug>.md`), applied to the stories a build found.

Every build finds the stories again, then applies every story notes file to them, so an editor's
split, merge or new title is never lost. The changes are applied in a fixed order, each kind for
all files in the order of their slugs, so the result never depends on the order files are read:

1. **split**: briefings of a story move out into a new story under the slug the editor chose;
2. **remove**: briefings leave their story and are in none;
3. **merge**: the stories listed join the story whose notes list them (a story merged into one
   that is itself merged goes along into the last);
4. **add**: briefings join the story, taken out of the one they were in (a briefing added by two
   files stays with the first);
5. **title** and the notes' Markdown go onto the story.

A story whose briefings changed is described again from its new briefings (dates, shared actors and
terms, the headline of its most central briefing as its title) by `StoryGrouping.describe`. A
story the editors leave with one briefing keeps its page: they said so. One left with none has no
page, which is how an editor says that a group is no story at all. Whatever matches nothing (a
story or briefing slug that does not exist, a briefing that is not in the story) is a warning naming
the file and the key on every build until the notes are updated; notes whose story is gone are
kept and reported as orphaned, like a briefing's.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace

from briefing_gen.collection.stories import Story, StoryGrouping
from briefing_gen.editorial.story_notes import StoryNote, StoryNotes


@dataclass
class EditedStories:
    """The stories as the site shows them (newest last date first), and one warning per change
    that could not be applied."""

    stories: list[Story]
    warnings: list[str] = field(default_factory=list)


def edit_stories(grouping: StoryGrouping, notes: StoryNotes, briefings: set[str]) -> EditedStories:
    """The stories of `grouping` with the editors' `notes` applied; `briefings` are the slugs of
    every briefing of the build (an editor may add any of them to a story)."""
    edit = _Editing(grouping, briefings)
    ordered = [notes.by_slug[slug] for slug in sorted(notes.by_slug)]
    for note in ordered:
        edit.split(note)
    for note in ordered:
        edit.remove(note)
    for note in ordered:
        edit.merge(note)
    for note in ordered:
        edit.add(note)
    return EditedStories(edit.stories(notes.by_slug), edit.warnings + edit.unapplied(ordered))


class _Editing:
    def __init__(self, grouping: StoryGrouping, briefings: set[str]) -> None:
        self.grouping = grouping
        self.briefings = briefings
        self.found = {story.slug: story for story in grouping.stories}
        self.members: dict[str, list[str]] = {story.slug: list(story.briefings) for story in grouping.stories}
        self.changed: set[str] = set()  # stories whose briefings the editors changed
        self.merged_into: dict[str, str] = {}  # a merged story -> the story it joined
        self.added_by: dict[str, StoryNote] = {}  # briefing -> the notes that added it
        self.warnings: list[str] = []

    def warn(self, note: StoryNote, key: str, message: str) -> None:
        self.warnings.append(f"{note.path}: '{key}': {message}")

    def current(self, slug: str) -> str:
        """Where the story `slug` is now: itself, or the story it was merged into."""
        while slug in self.merged_into:
            slug = self.merged_into[slug]
        return slug

    def unknown_briefing(self, note: StoryNote, key: str, briefing: str) -> None:
        close = difflib.get_close_matches(briefing, sorted(self.briefings), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else " (a briefing's slug is its file name in docs/briefings/, without .md)"
        self.warn(note, key, f"no briefing has the slug '{briefing}'{hint}")

    def split(self, note: StoryNote) -> None:
        if not note.split:
            return
        if note.slug not in self.found:
            return  # orphaned or made by a split itself: reported by `unapplied`
        for new, taken in note.split.items():
            key = f"split.{new}"
            if new in self.members:
                self.warn(note, key, f"there is already a story with the slug '{new}'; choose another for the new story")
                continue
            moved = []
            for briefing in taken:
                if briefing in self.members[note.slug]:
                    moved.append(briefing)
                elif briefing not in self.briefings:
                    self.unknown_briefing(note, key, briefing)
                else:
                    self.warn(note, key, f"'{briefing}' is not in this story; only its own briefings can be split off")
            if moved:
                self.members[note.slug] = [b for b in self.members[note.slug] if b not in moved]
                self.members[new] = moved
                self.changed.update((note.slug, new))

    def remove(self, note: StoryNote) -> None:
        if note.slug not in self.members:
            return
        for briefing in note.remove:
            if briefing in self.members[note.slug]:
                self.members[note.slug].remove(briefing)
                self.changed.add(note.slug)
            elif briefing not in self.briefings:
                self.unknown_briefing(note, "remove", briefing)
            else:
                self.warn(note, "remove", f"'{briefing}' is not in this story (any more); nothing to remove")

    def merge(self, note: StoryNote) -> None:
        if note.slug not in self.members:
            return
        target = self.current(note.slug)
        for other in note.merge:
            if other not in self.members:
                close = difflib.get_close_matches(other, sorted(self.members), n=3, cutoff=0.6)
                hint = f"; did you mean {', '.join(close)}?" if close else " (a story's slug is its file name in docs/stories/, without .md)"
                self.warn(note, "merge", f"no story has the slug '{other}'{hint}")
                continue
            source = self.current(other)
            if source == target:
                continue
            self.members[target].extend(b for b in self.members[source] if b not in self.members[target])
            self.members[source] = []
            self.merged_into[source] = target
            self.changed.add(target)

    def add(self, note: StoryNote) -> None:
        if note.slug not in self.members:
            return
        target = self.current(note.slug)
        for briefing in note.add:
            if briefing not in self.briefings:
                self.unknown_briefing(note, "add", briefing)
                continue
            if briefing in self.added_by:
                first = self.added_by[briefing]
                self.warn(note, "add", f"'{briefing}' is added to the story '{first.slug}' by {first.path} too; it stays there")
                continue
            self.added_by[briefing] = note
            if briefing in self.members[target]:
                continue
            for slug, members in self.members.items():
                if briefing in members:
                    members.remove(briefing)
                    self.changed.add(slug)
            self.members[target].append(briefing)
            self.changed.add(target)

    def stories(self, notes: dict[str, StoryNote]) -> list[Story]:
        stories = []
        for slug, members in self.members.items():
            if not members:
                continue  # merged into another, or every briefing taken out: no page
            story = self.grouping.describe(slug, members) if slug in self.changed else self.found[slug]
            if story is None:
                continue
            note = notes.get(slug)
            if note is not None:
                story = replace(story, title=note.title or story.title, note=note.body)
            if slug in self.changed or (note is not None and note.title):
                story = replace(story, edited=True)
            stories.append(story)
        return sorted(stories, key=lambda s: (s.last or "", s.slug), reverse=True)

    def unapplied(self, ordered: list[StoryNote]) -> list[str]:
        """Notes, or parts of them, that change nothing: their story was merged into another, it
        was made by a split (and cannot be split again), or no story has their slug (orphaned:
        kept, never deleted)."""
        warnings = []
        for note in ordered:
            if note.slug in self.merged_into:
                if note.title or note.body:
                    into = self.current(note.slug)
                    warnings.append(
                        f"{note.path}: the story is merged into '{into}', so its title and notes are not shown; move them to the notes of '{into}'"
                    )
            elif note.slug not in self.members:
                warnings.append(f"{note.path}: orphaned story notes: no story has the slug '{note.slug}' (any more); kept, not applied")
            elif note.split and note.slug not in self.found:
                warnings.append(f"{note.path}: 'split': this story was made by a split; split the story it came from instead")
        return warnings


__all__ = ["EditedStories", "edit_stories"]
