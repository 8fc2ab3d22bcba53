"""Property: a slug made from any title is a safe, portable file name inside its folder, and unique.

Any Unicode title (path tricks, Windows device names, right-to-left and zero-width characters,
emoji, 300-character runs) gives `[a-z0-9-]` of bounded length that is not a reserved Windows name,
lands inside `docs/briefings/` when joined to it, and is the same every time. A batch of titles gets
pairwise different slugs, also on case-insensitive file systems. Fixed seed, bounded examples.
"""
from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from text_unidecode import unidecode

from briefing_gen.pipeline.slugs import MAX_SLUG_LENGTH, SlugAllocator, slugify
from briefing_gen.site.build import safe_join

SETTINGS = settings(max_examples=300, derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
HASH_SLUG = re.compile(r"article-[0-9a-f]{8}")
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", "clock$", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
TRICKS = [
    "../", "..\\", "/", "\\", "C:", "~", ".", "..", "CON", "con", "Aux", "NUL", "COM1", "lpt9", "PRN", ".txt", " ", "\t",
    "\n", "\x00", "\u202e", "\u200f", "\u200b", "\ufeff", "🔥", "🇪🇪", "مرحبا", "שלום", "北京", "Ünï", "ﬁ", "İ", "ß", "-",
    "--", "_", ":", "*", "?", "\"", "<", ">", "|", "%2e%2e%2f", "index", "a" * 120, "word ",
]
titles = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(st.sampled_from(TRICKS), st.text(max_size=5)), max_size=12).map("".join),
    st.text(alphabet="ab -", max_size=300),
)


def ascii_letters_of(text: str) -> str:
    """The letters and digits of `text` once transliterated to ASCII (as the slugs are)."""
    return re.sub(r"[^a-z0-9]", "", unidecode(unicodedata.normalize("NFKC", text)).lower())


def is_subsequence(small: str, big: str) -> bool:
    letters = iter(big)
    return all(char in letters for char in small)


@SETTINGS
@given(title=titles, seed=st.text(max_size=20))
def test_slug_is_a_portable_file_name(title, seed):
    slug = slugify(title, fallback_seed=seed)
    assert SLUG.fullmatch(slug), slug
    assert 1 <= len(slug) <= MAX_SLUG_LENGTH
    assert slug not in WINDOWS_RESERVED and slug.split(".")[0] not in WINDOWS_RESERVED
    assert slug == slugify(title, fallback_seed=seed)  # stable


@SETTINGS
@given(title=titles)
def test_slug_stays_inside_its_folder(tmp_path_factory, title):
    docs = tmp_path_factory.getbasetemp() / "docs"
    path = safe_join(docs, f"briefings/{slugify(title, fallback_seed='articles/x.txt')}.md")
    assert path.parent == (docs / "briefings").resolve()


@SETTINGS
@given(title=titles)
def test_slug_invents_no_text(title):
    """A slug is the title's own letters and digits, transliterated (in order), or a hash slug when it has none."""
    slug = slugify(title, fallback_seed="articles/x.txt")
    letters = ascii_letters_of(title)
    if HASH_SLUG.fullmatch(slug) and not is_subsequence(slug.replace("-", ""), letters):
        assert not letters
    else:
        stem = slug.removesuffix("-article") if slug.removesuffix("-article") in WINDOWS_RESERVED else slug
        assert is_subsequence(stem.replace("-", ""), letters)


@SETTINGS
@given(batch=st.lists(st.tuples(titles, st.sampled_from(["a.txt", "b.txt", "a.txt", ""])), max_size=25))
def test_allocated_slugs_are_unique_even_ignoring_case(batch):
    allocator = SlugAllocator({"index"})
    slugs = [allocator.allocate(title, seed) for title, seed in batch]
    assert len({s.casefold() for s in slugs}) == len(slugs)
    assert "index" not in slugs
    assert all(SLUG.fullmatch(s) and len(s) <= 90 for s in slugs)  # the schema's maxLength
