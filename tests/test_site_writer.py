"""Writing docs/: unchanged files stay untouched, only our own pages are removed, nothing lands
outside docs/, and front matter round-trips whatever a title holds."""
from __future__ import annotations

import json
import os
import stat

import frontmatter
import pytest
import yaml

from briefing_gen.site.build import MANIFEST, DocsWriter, safe_join
from briefing_gen.site.pages import html_front_matter, with_front_matter
from briefing_gen.site.writer import write_if_changed

PAST_NS = 1_000_000_000 * 1_000_000_000  # 2001-09-09, far from "now"


def set_old_mtime(path):
    os.utime(path, ns=(PAST_NS, PAST_NS))


# write_if_changed -----------------------------------------------------------------------------


def test_unchanged_file_is_left_untouched(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("same content ✓\n", encoding="utf-8")
    set_old_mtime(path)
    before = path.stat()
    assert write_if_changed(path, "same content ✓\n") is False
    after = path.stat()
    assert after.st_mtime_ns == before.st_mtime_ns == PAST_NS
    assert after.st_ino == before.st_ino
    assert path.read_text(encoding="utf-8") == "same content ✓\n"


def test_changed_file_is_rewritten(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("old\n", encoding="utf-8")
    set_old_mtime(path)
    assert write_if_changed(path, "new ✓\n") is True
    assert path.read_bytes() == "new ✓\n".encode("utf-8")
    assert path.stat().st_mtime_ns != PAST_NS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.md"]  # no temporary file left behind


def test_new_file_in_new_folder(tmp_path):
    path = tmp_path / "briefings" / "deep" / "page.md"
    assert write_if_changed(path, "x") is True
    assert path.read_text(encoding="utf-8") == "x"
    assert write_if_changed(path, "x") is False


def test_content_differing_only_in_line_endings_is_a_change(tmp_path):
    path = tmp_path / "page.md"
    path.write_bytes(b"a\r\nb\r\n")
    assert write_if_changed(path, "a\nb\n") is True
    assert path.read_bytes() == b"a\nb\n"


def test_written_file_has_ordinary_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        path = tmp_path / "page.md"
        write_if_changed(path, "x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


# DocsWriter and its manifest ------------------------------------------------------------------


def run_writer(docs, pages: dict[str, str]):
    writer = DocsWriter(docs)
    for relative, content in pages.items():
        writer.write(relative, content)
    return writer.finish()


def test_docs_writer_removes_only_pages_from_its_manifest(tmp_path):
    docs = tmp_path / "docs"
    (docs / "briefings").mkdir(parents=True)
    handwritten = docs / "briefings" / "editor-notes.md"
    handwritten.write_text("written by an editor", encoding="utf-8")
    (docs / "about.md").write_text("about", encoding="utf-8")

    first = run_writer(docs, {"index.md": "home", "briefings/a.md": "A", "briefings/b.md": "B"})
    assert sorted(first.written) == ["briefings/a.md", "briefings/b.md", "index.md"]
    assert json.loads((docs / MANIFEST).read_text()) == ["briefings/a.md", "briefings/b.md", "index.md"]

    second = run_writer(docs, {"index.md": "home", "briefings/a.md": "A"})
    assert second.removed == ["briefings/b.md"]
    assert second.unchanged == ["index.md", "briefings/a.md"]
    assert second.written == []
    assert not (docs / "briefings" / "b.md").exists()
    assert (docs / "briefings" / "a.md").read_text() == "A"
    assert handwritten.read_text() == "written by an editor"
    assert (docs / "about.md").read_text() == "about"
    assert json.loads((docs / MANIFEST).read_text()) == ["briefings/a.md", "index.md"]


def test_docs_writer_second_identical_run_touches_nothing(tmp_path):
    docs = tmp_path / "docs"
    pages = {"index.md": "home", "briefings/a.md": "A"}
    run_writer(docs, pages)
    for path in docs.rglob("*"):
        if path.is_file():
            set_old_mtime(path)
    stats = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in docs.rglob("*") if p.is_file()}
    report = run_writer(docs, pages)
    assert report.written == [] and report.removed == []
    assert {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in docs.rglob("*") if p.is_file()} == stats


def test_docs_writer_does_not_follow_a_tampered_manifest_outside_docs(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    victim = tmp_path / "victim.md"
    victim.write_text("keep me", encoding="utf-8")
    (docs / MANIFEST).write_text(json.dumps(["../victim.md", str(victim), "index.md"]), encoding="utf-8")
    try:
        run_writer(docs, {"index.md": "home"})
    except ValueError:
        pass  # refusing is fine; deleting is not
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_docs_writer_refuses_to_write_outside_docs(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    writer = DocsWriter(docs)
    with pytest.raises(ValueError):
        writer.write("../outside.md", "x")
    assert not (tmp_path / "outside.md").exists()


# safe_join ------------------------------------------------------------------------------------


@pytest.mark.parametrize("relative", ["../x.md", "a/../../x.md", "briefings/../../x.md", "/etc/passwd", "..", "../docs-sibling/x.md"])
def test_safe_join_refuses_escapes(tmp_path, relative):
    docs = tmp_path / "docs"
    docs.mkdir()
    with pytest.raises(ValueError):
        safe_join(docs, relative)


def test_safe_join_refuses_absolute_path_elsewhere(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    with pytest.raises(ValueError):
        safe_join(docs, str(tmp_path / "elsewhere.md"))


def test_safe_join_refuses_a_symlink_out_of_docs(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (docs / "briefings").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ValueError):
        safe_join(docs, "briefings/page.md")


@pytest.mark.parametrize("relative, expected", [("a.md", "a.md"), ("briefings/a.md", "briefings/a.md"), ("briefings/../a.md", "a.md")])
def test_safe_join_accepts_paths_inside(tmp_path, relative, expected):
    docs = tmp_path / "docs"
    docs.mkdir()
    assert safe_join(docs, relative) == (docs / expected).resolve()


# Front matter round trip ----------------------------------------------------------------------

TITLES = [
    "Plain title",
    "A --- B",
    "---",
    "---\n---",
    "x\n...\ny",
    "Council: a vote",
    "key: value: more",
    "# not a comment",
    "Title # with hash",
    "He said \"hi\" and 'bye'",
    "'single' \"double\" `back`",
    "line one\nline two",
    "trailing newline\n",
    '!!python/object/apply:os.system ["echo x"]',
    "!!python/object/apply:os.system [\"echo x\"]\n---\nbody: injected",
    "&anchor *alias",
    "- list item",
    "? question",
    "@at %percent",
    "{flow: mapping}",
    "[flow, list]",
    "yes",
    "null",
    "~",
    "2024-02-03",
    "0x1F",
    "1e3",
    "   padded  ",
    "tab\there",
    "Ünïcödé — “quotes” €",
    "\u2028line separator",
    "a" * 500 + " --- " + "b" * 50,
]


@pytest.mark.parametrize("title", TITLES)
def test_front_matter_round_trips_title(title):
    body = "# Body\n\n---\n\nText with title: in it.\n"
    metadata = {"title": title, "authors": [title, "Jane Roe"], "slug": "s", "published": None, "tags": [title]}
    page = with_front_matter(metadata, body)
    post = frontmatter.loads(page)  # python-frontmatter's default handler uses yaml.SafeLoader
    # YAML gives back what was dumped: the title and tags as made safe for the theme's HTML
    # (`&anchor` would start a character reference there, so it reads `＆anchor`).
    assert post.metadata == html_front_matter(metadata)
    assert post.metadata["authors"] == [title, "Jane Roe"]
    assert post.content == body.strip()
    assert isinstance(post["title"], str)


def test_front_matter_is_safe_yaml_and_mkdocs_reads_it_the_same():
    from mkdocs.utils.meta import get_data

    title = '!!python/object/apply:os.system ["echo x"]'
    page = with_front_matter({"title": title}, "Body")
    assert page.startswith("---\n")
    header = page.split("\n---\n", 1)[0][4:]
    assert yaml.safe_load(header) == {"title": title}
    body, meta = get_data(page)
    assert meta == {"title": title}
    assert body.strip() == "Body"
