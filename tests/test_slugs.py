"""Slugs: ASCII `[a-z0-9-]` file names that stay in their folder, are unique and stable."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from briefing_gen.pipeline.slugs import MAX_SLUG_LENGTH, SlugAllocator, slugify
from briefing_gen.site.build import safe_join

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HASH_SLUG = re.compile(r"^article-[0-9a-f]{8}$")
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}

TITLES = [
    "Amber Link: How a Baltic Power Cable Became a Geopolitical Tripwire",
    "../../etc/passwd",
    "..\\..\\Windows\\System32\\config",
    "C:\\Windows\\System32",
    "/absolute/path",
    ".hidden",
    "...",
    "-leading and trailing-",
    "Café Déjà Vu in Zürich",
    "Ünïcödé ﬁ ligature",
    "İstanbul talks",
    "CON",
    "nul",
    "Aux",
    "COM1",
    "lpt9",
    "con.txt",
    "",
    "   ",
    "🔥🌍🚢",
    "مرحبا بالعالم",
    "שלום עולם",
    "Привет мир",
    "北京会谈",
    "abc\u202edcba",
    "tab\tnew\nline\x00nul",
    "a" * 300,
    "word " * 100,
    "Title with <script>alert(1)</script> & \"quotes\" 'too' `ticks` | pipes {braces}",
]


@pytest.mark.parametrize("title", TITLES)
def test_slug_is_plain_ascii(title):
    slug = slugify(title, fallback_seed="articles/x.txt")
    assert SLUG.match(slug), slug
    assert len(slug) <= MAX_SLUG_LENGTH
    assert slug not in RESERVED


@pytest.mark.parametrize("title", TITLES)
def test_slug_stays_inside_its_folder(tmp_path, title):
    slug = slugify(title, fallback_seed="articles/x.txt")
    path = safe_join(tmp_path, f"briefings/{slug}.md")
    assert path.parent == (tmp_path / "briefings").resolve()
    assert path.name == f"{slug}.md"


def test_path_traversal_title_is_a_plain_slug():
    assert slugify("../../etc/passwd") == "etc-passwd"


@pytest.mark.parametrize("title", ["CON", "con", "nul", "NUL", "Prn", "aux", "COM1", "com9", "LPT1", "lpt0"])
def test_windows_reserved_names_are_not_bare(title):
    slug = slugify(title)
    assert slug.lower() not in RESERVED
    assert SLUG.match(slug)
    assert slug.startswith(title.lower())  # still recognisable


def test_max_length_cuts_at_a_word_boundary():
    slug = slugify("harbour " * 40)
    assert len(slug) <= MAX_SLUG_LENGTH
    assert SLUG.match(slug)
    assert all(part == "harbour" for part in slug.split("-"))


def test_max_length_single_long_word():
    assert slugify("a" * 300) == "a" * MAX_SLUG_LENGTH


def test_custom_max_length():
    assert len(slugify("one two three four five", max_length=10)) <= 10


@pytest.mark.parametrize("title", ["", "   ", "🔥🌍🚢", "...", "---"])
def test_titles_without_letters_get_a_hash_slug(title):
    assert HASH_SLUG.match(slugify(title, fallback_seed="articles/a.txt"))


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Путин встретился с Си", "putin-vstretilsia-s-si"),
        ("北京会谈", "bei-jing-hui-tan"),
        ("Ελλάδα και Κύπρος", "ellada-kai-kupros"),
        ("Zürich: Café-Gespräche", "zurich-cafe-gesprache"),
    ],
)
def test_titles_in_other_scripts_are_transliterated(title, slug):
    assert slugify(title, fallback_seed="articles/a.txt") == slug


def test_hash_slug_depends_on_the_seed():
    first = slugify("🔥", fallback_seed="articles/a.txt")
    assert first == slugify("🔥", fallback_seed="articles/a.txt")
    assert first != slugify("🔥", fallback_seed="articles/b.txt")
    assert slugify("", fallback_seed="articles/a.txt") != slugify("", fallback_seed="articles/b.txt")


def test_hash_slug_without_seed_depends_on_the_title():
    assert slugify("🔥🌍") != slugify("🚢⚓")
    assert HASH_SLUG.match(slugify("🔥🌍")) and HASH_SLUG.match(slugify("🚢⚓"))


def test_right_to_left_text_with_latin_words_keeps_the_latin_words():
    assert slugify("تقرير 2024 Annual Report") == "tqryr-2024-annual-report"  # the Arabic word transliterated
    assert slugify("abc\u202edcba") == "abcdcba"  # the right-to-left override is dropped


def test_transliteration():
    assert slugify("Café Déjà Vu in Zürich") == "cafe-deja-vu-in-zurich"


def test_allocator_suffixes_collisions_in_order():
    allocator = SlugAllocator()
    assert [allocator.allocate(t) for t in ["Port Deal", "port deal", "PORT DEAL!", "Port-Deal"]] == [
        "port-deal", "port-deal-2", "port-deal-3", "port-deal-4",
    ]


def test_allocator_never_repeats_a_slug():
    allocator = SlugAllocator({"index"})
    titles = ["A b", "a-b", "A B!", "a b 2", "a-b-2", "index", "Index", "", "", "🔥", "🔥", "CON", "con"]
    slugs = [allocator.allocate(t, fallback_seed="same/seed.txt") for t in titles]
    assert len(set(slugs)) == len(slugs)
    assert "index" not in slugs
    assert all(SLUG.match(s) for s in slugs)
    assert all(s not in RESERVED for s in slugs)


def test_allocator_suffixed_long_slug_fits_the_schema():
    allocator = SlugAllocator()
    slugs = [allocator.allocate("x" * 300) for _ in range(12)]
    assert len(set(slugs)) == 12
    assert all(len(s) <= 90 and SLUG.match(s) for s in slugs)  # schema: maxLength 90


def test_allocation_is_stable():
    titles = [("Port Deal", "a.txt"), ("port deal", "b.txt"), ("🔥", "c.txt"), ("", "d.txt"), ("CON", "e.txt")]
    first = _allocate_all(titles)
    assert first == _allocate_all(titles)
    assert first[:2] == ["port-deal", "port-deal-2"]
    assert slugify("Port Deal", "a.txt") == slugify("Port Deal", "a.txt")


def _allocate_all(titles):
    allocator = SlugAllocator({"index"})
    return [allocator.allocate(t, s) for t, s in titles]


def test_slugs_are_the_same_in_another_process():
    titles = [["Port Deal", "a.txt"], ["🔥", "c.txt"], ["", "d.txt"], ["مرحبا", "e.txt"], ["port deal", "b.txt"]]
    code = (
        "import json, sys\n"
        "from briefing_gen.pipeline.slugs import SlugAllocator\n"
        "allocator = SlugAllocator({'index'})\n"
        "print(json.dumps([allocator.allocate(t, s) for t, s in json.loads(sys.argv[1])]))\n"
    )
    results = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code, json.dumps(titles)], capture_output=True, text=True, env=env, check=True)
        results.append(json.loads(out.stdout))
    assert results[0] == results[1] == _allocate_all([tuple(t) for t in titles])
