"""Story slugs that stay the same as a story grows.

The grouping into stories is made afresh on every build (`briefing_gen.collection.stories`), and a
fresh slug names what the story's headlines share: a new briefing can change that ("breach-kessara"
becomes "breach-orvin-dam" once the inquiry is reported). But a story's slug is its address, and
the key of its editors' notes (`notes/stories/<slug>.md`), so it must not move. So each build
records its stories (slug -> briefings, `briefing_gen.pipeline.stories`), and the next build gives
each story it finds the slug of the recorded story it shares most briefings with:

- pairs of (found story, recorded story) that share briefings are taken most shared briefings first,
  then by the larger share of their briefings together (Jaccard), then by the recorded slug and the
  found story's position; each recorded slug goes to one story at most, and each story takes one;
- a story that shares no briefing with a recorded one that is still free is new: it gets a fresh
  slug from its own words, never the slug of a story of the last build (even one that is gone: its
  page was at that address until now) nor a `reserved` one (slugs an editor chose for a split, the
  notes files of stories that are gone), so an editor's notes never attach to an unrelated story.

Everything is ordered, so the same stories and record always give the same slugs.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from briefing_gen.pipeline.slugs import SlugAllocator

RESERVED_STORY_SLUGS = frozenset({"index"})  # docs/stories/index.md is the list of stories


def stable_story_slugs(
    stories: Sequence[tuple[str, Sequence[str]]], previous: Mapping[str, Sequence[str]] | None = None, reserved: Iterable[str] = ()
) -> list[str]:
    """A slug for each `(name, briefing slugs)` in `stories`, in order: the recorded slug of the
    story in `previous` it overlaps most, else a fresh slug made of `name` (numbered when taken)."""
    previous = previous or {}
    recorded_story: dict[str, str] = {}  # briefing slug -> the recorded story it was in
    for old in sorted(previous):
        for briefing in previous[old]:
            recorded_story.setdefault(briefing, old)
    candidates = []
    for index, (_, briefings) in enumerate(stories):
        members = set(briefings)
        shared = Counter(recorded_story[b] for b in members if b in recorded_story)
        for old, count in shared.items():
            jaccard = count / len(members | set(previous[old]))
            candidates.append((-count, -jaccard, old, index))
    slugs: list[str | None] = [None] * len(stories)
    given: set[str] = set()
    for _, _, old, index in sorted(candidates):
        if slugs[index] is None and old not in given:
            slugs[index] = old
            given.add(old)
    allocator = SlugAllocator({*RESERVED_STORY_SLUGS, *previous, *reserved})
    return [slug or allocator.allocate(name, briefings[0] if briefings else name) for slug, (name, briefings) in zip(slugs, stories)]


__all__ = ["RESERVED_STORY_SLUGS", "stable_story_slugs"]
