"""A briefing keeps its slug, and so its editors' notes, when another article with the same title
is added: the new article takes the next free number."""
from __future__ import annotations

import hashlib
from pathlib import Path

import frontmatter

from briefing_gen.config import BuildOptions
from briefing_gen.pipeline.run import run_build
from briefing_gen.pipeline.slugs import allocate_slugs

FIRST = (
    "Harbour Talks Resume\n\n"
    "The port authority of Tallinn said on Monday that ferries to Riga would sail again from May, after ten days of talks "
    "with the shipping lines about fees and berths.\n"
)
SECOND = (
    "Harbour Talks Resume\n\n"
    "Dock workers in Gdansk voted on Friday to end a strike that had closed the container terminal for three weeks, "
    "and the union said wages would rise by 6 percent.\n"
)


def build(project: Path):
    options = BuildOptions(
        articles_dir=project / "articles", docs_dir=project / "docs", notes_dir=project / "notes", config_file=project / "mkdocs.yml",
        actors_file=project / "actors.yml", build_site=False, jobs=1, cache=False,
    )
    return run_build(options)


def slug_of(project: Path, source_name: str) -> str:
    for page in (project / "docs" / "briefings").glob("*.md"):
        if page.name != "index.md" and frontmatter.load(page)["source"].endswith(source_name):
            return page.stem
    raise AssertionError(f"no page for {source_name}")


def test_new_article_with_the_same_title_does_not_take_an_existing_slug(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "tallinn.txt").write_text(FIRST, encoding="utf-8")
    build(tmp_path)
    assert slug_of(tmp_path, "tallinn.txt") == "harbour-talks-resume"
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "harbour-talks-resume.md").write_text("---\nstatus: reviewed\n---\nChecked against the notice of the port authority.\n", encoding="utf-8")

    # "gdansk.txt" sorts before "tallinn.txt": given out in order, it would take the first slug.
    (articles / "gdansk.txt").write_text(SECOND, encoding="utf-8")
    report = build(tmp_path)
    assert slug_of(tmp_path, "tallinn.txt") == "harbour-talks-resume"
    assert slug_of(tmp_path, "gdansk.txt") == "harbour-talks-resume-2"
    assert report.orphaned_notes == []
    page = (tmp_path / "docs" / "briefings" / "harbour-talks-resume.md").read_text(encoding="utf-8")
    assert "Checked against the notice of the port authority." in page and "ferries to Riga" in page

    # The first article removed: the second keeps its number (its own notes would be filed under it).
    (articles / "tallinn.txt").unlink()
    build(tmp_path)
    assert slug_of(tmp_path, "gdansk.txt") == "harbour-talks-resume-2"


def test_allocation_keeps_previous_slugs_only_while_the_title_makes_them():
    items = [("Harbour Talks", "a.txt"), ("Harbour Talks", "b.txt"), ("New Title", "c.txt")]
    previous = {"b.txt": "harbour-talks", "c.txt": "harbour-talks-2", "a.txt": "../../etc/passwd"}
    assert allocate_slugs(items, {"index"}, previous) == ["harbour-talks-2", "harbour-talks", "new-title"]
    assert allocate_slugs(items, {"index"}) == ["harbour-talks", "harbour-talks-2", "new-title"]


def test_slugs_of_earlier_versions_are_kept():
    long_title = "A tiny Pacific island nation has detained two Chinese-flagged tuna boats and their 41 crew"
    items = [(long_title, "articles/tuna.txt"), ("Путин встретился с Си", "articles/moscow.txt")]
    earlier = {  # a long title cut one word sooner, and the hash slug of a title in another script
        "articles/tuna.txt": "a-tiny-pacific-island-nation-has-detained-two-chinese-flagged-tuna-boats-and",
        "articles/moscow.txt": "article-" + hashlib.sha1(b"articles/moscow.txt").hexdigest()[:8],
    }
    assert allocate_slugs(items, {"index"}, earlier) == list(earlier.values())
    assert allocate_slugs(items, {"index"}) == [
        "a-tiny-pacific-island-nation-has-detained-two-chinese-flagged-tuna-boats-and-41", "putin-vstretilsia-s-si",
    ]


def test_pages_of_an_earlier_version_without_a_record_keep_their_slugs(tmp_path):
    """Pages made before slugs were recorded: each page's front matter says its source."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "tallinn.txt").write_text(FIRST, encoding="utf-8")
    (articles / "gdansk.txt").write_text(SECOND, encoding="utf-8")
    build(tmp_path)
    assert slug_of(tmp_path, "tallinn.txt") == "harbour-talks-resume-2"  # gdansk.txt came first
    # As an earlier version left it: tallinn.txt had the first slug, and no record.
    briefings = tmp_path / "docs" / "briefings"
    first, second = briefings / "harbour-talks-resume.md", briefings / "harbour-talks-resume-2.md"
    first_text, second_text = first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")
    first.write_text(second_text.replace("slug: harbour-talks-resume-2", "slug: harbour-talks-resume"), encoding="utf-8")
    second.write_text(first_text.replace("slug: harbour-talks-resume", "slug: harbour-talks-resume-2"), encoding="utf-8")
    (tmp_path / "docs" / ".briefing-gen-slugs.json").unlink()
    build(tmp_path)
    assert slug_of(tmp_path, "tallinn.txt") == "harbour-talks-resume"
    assert slug_of(tmp_path, "gdansk.txt") == "harbour-talks-resume-2"
