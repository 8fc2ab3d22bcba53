"""Slugs: ASCII file names that are safe on every file system and stay inside their folder."""
from __future__ import annotations

import hashlib

from slugify import slugify as transliterated_slug

from briefing_gen.readers.invisible import visible

MAX_SLUG_LENGTH = 80
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_FALLBACK_PREFIX = "article"


def slugify(text: str, fallback_seed: str = "", max_length: int = MAX_SLUG_LENGTH) -> str:
    """`text` as lowercase ASCII words joined by hyphens, cut at a word within `max_length`.

    Other scripts are transliterated by python-slugify (with text-unidecode), so a title in
    Cyrillic or Chinese keeps a slug a reader can recognise (`Путин встретился` gives
    `putin-vstretilsia`). Only `[a-z0-9-]` survives, so no slug can hold a path separator, a
    dot-dot, a drive letter or a character some file system refuses. A title with nothing left
    (only emoji or punctuation) gets a short hash of `fallback_seed` instead.
    """
    slug = transliterated_slug(visible(text), max_length=max_length, word_boundary=True)
    if not slug:
        slug = _hash_slug(fallback_seed or text)
    if slug in _WINDOWS_RESERVED:
        slug = f"{slug}-{_FALLBACK_PREFIX}"
    return slug


def _hash_slug(seed: str) -> str:
    return f"{_FALLBACK_PREFIX}-{hashlib.sha1(seed.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def _made_from(slug: str, base: str, seed: str) -> bool:
    stem, _, number = slug.rpartition("-")
    if not (number.isascii() and number.isdigit() and int(number) >= 2 and stem):
        stem = slug
    cut_sooner = len(base) > MAX_SLUG_LENGTH - 20 and base.startswith(stem + "-")
    return stem in (base, _hash_slug(seed)) or cut_sooner


class SlugAllocator:
    """Hands out unique slugs; a collision gets `-2`, `-3`, ... in the order sources are given."""

    def __init__(self, reserved: set[str] | None = None):
        self.taken: set[str] = set(reserved or ())

    def keep(self, slug: str, text: str, fallback_seed: str = "") -> bool:
        """Give `slug` again when it is free and `text` still makes it: `base` or `base-N`, or what
        earlier versions made of the same title (a long title cut one word sooner, or the hash
        slug a title in another script got before it was transliterated)."""
        if slug in self.taken or not _made_from(slug, slugify(text, fallback_seed), fallback_seed or text):
            return False
        self.taken.add(slug)
        return True

    def allocate(self, text: str, fallback_seed: str = "") -> str:
        base = slugify(text, fallback_seed)
        slug = base
        number = 2
        while slug in self.taken:
            slug = f"{base}-{number}"
            number += 1
        self.taken.add(slug)
        return slug


def allocate_slugs(items: list[tuple[str, str]], reserved: set[str] | None = None, previous: dict[str, str] | None = None) -> list[str]:
    """A slug for each `(title, source)`, in order.

    A source that had a slug in the last build (`previous`, by source) keeps it while its title
    still makes it: an article added later with the same title takes the next free number and never
    the slug of an existing briefing, whose editors' notes are filed under that slug. The others get
    slugs in the order given.
    """
    allocator = SlugAllocator(reserved)
    previous = previous or {}
    slugs: list[str | None] = [
        previous[source] if source in previous and allocator.keep(previous[source], title, source) else None for title, source in items
    ]
    return [slug or allocator.allocate(title, source) for slug, (title, source) in zip(slugs, items)]
