"""Editors' changes to stories (`notes/stories/<slug>.md`) and story slugs that stay as stories grow.

The unit tests use small briefings made by hand (no language analysis) and notes files in tmp_path.
The end-to-end tests build `tests/fixtures/stories/` (three invented stories) for real, three times
in one project: first without the inquiry into the dam breach (so the dam story gets the slug
"breach-kessara"), with notes that rename, annotate, take a briefing out of and split stories, and
with broken notes; then with the inquiry added, which on its own would rename the dam story
"breach-orvin-dam"; then with a merge instead of the split, and the site built.
"""
from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import frontmatter
import pytest
from conftest import FIXTURES_DIR, REPO_ROOT

from briefing_gen.collection.stories import group_stories
from briefing_gen.collection.story_slugs import stable_story_slugs
from briefing_gen.editorial.story_edits import edit_stories
from briefing_gen.editorial.story_notes import StoryNote, StoryNotes, load_story_notes
from briefing_gen.model import Actor, Article, Briefing

# Stable slugs -----------------------------------------------------------------------------------------


def test_a_found_story_takes_the_slug_of_the_recorded_story_it_shares_most_briefings_with():
    previous = {"strike-valmora": ["a", "b", "c"], "dam-kessara": ["d", "e"]}
    found = [("dam orvin", ["d", "e", "f"]), ("strike dockworkers", ["a", "b", "c", "g"]), ("quarry collapse", ["x", "y"])]
    assert stable_story_slugs(found, previous) == ["dam-kessara", "strike-valmora", "quarry-collapse"]


def test_when_a_recorded_story_splits_in_two_the_larger_part_keeps_its_slug():
    previous = {"strike-valmora": ["a", "b", "c", "d", "e"]}
    found = [("strike talks", ["a", "b"]), ("strike dockworkers", ["c", "d", "e"])]
    assert stable_story_slugs(found, previous) == ["strike-talks", "strike-valmora"]


def test_a_new_story_never_takes_a_recorded_or_reserved_slug():
    """The dam story is gone (its articles deleted) and an unrelated story would be named the
    same: it gets another slug, so the dam story's notes never attach to it."""
    previous = {"dam-kessara": ["d", "e"]}
    assert stable_story_slugs([("dam kessara", ["p", "q"])], previous) == ["dam-kessara-2"]
    assert stable_story_slugs([("dam kessara", ["p", "q"])], {}, reserved={"dam-kessara"}) == ["dam-kessara-2"]
    assert stable_story_slugs([("index", ["p", "q"])], {}) == ["index-2"]


def test_stable_slugs_do_not_depend_on_the_order_of_the_record():
    previous = {"one": ["a", "b"], "two": ["b", "c"]}
    found = [("x", ["a", "b", "c"])]
    assert stable_story_slugs(found, previous) == stable_story_slugs(found, dict(reversed(previous.items()))) == ["one"]


# Story notes files --------------------------------------------------------------------------------------


def write_story_notes(notes_dir: Path, slug: str, text: str) -> Path:
    path = notes_dir / "stories" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_story_notes_file_is_read_with_its_keys_and_body(tmp_path):
    write_story_notes(
        tmp_path, "strike-valmora",
        "---\ntitle: The  Valmora strike\nmerge: strike-talks\nremove: [b, b]\nsplit:\n  strike-aftermath: [c]\n---\nThe port closed.\n",
    )
    notes = load_story_notes(tmp_path)
    assert notes.warnings == [] and notes.file_slugs == {"strike-valmora"}
    note = notes.by_slug["strike-valmora"]
    assert (note.title, note.merge, note.remove, note.split, note.body) == (
        "The Valmora strike", ["strike-talks"], ["b"], {"strike-aftermath": ["c"]}, "The port closed."
    )
    assert notes.split_slugs() == {"strike-aftermath"}


@pytest.mark.parametrize(
    "text, words",
    [
        ("---\nmerge: 5\n---\n", ["'merge'", "expected a list of story slugs", "5 (a number)"]),
        ("---\ntitle: [a, b]\n---\n", ["'title'", "expected the story's title (text), got a list"]),
        ("---\nadd: [ok, {x: 1}]\n---\n", ["'add.1'", "expected a briefing slug (text), got a mapping"]),
        ("---\nsplit: [a, b]\n---\n", ["'split'", "expected a mapping of new story slugs"]),
        ("---\nsplit:\n  New Story: [a]\n---\n", ["'split.New Story'", "lower-case letters, digits and hyphens"]),
        ("---\nsplit:\n  strike-valmora: [a]\n---\n", ["'split.strike-valmora'", "the story's own slug"]),
        ("---\nsplit:\n  one: [a]\n  two: [a]\n---\n", ["'split.two'", "'a' is also split into 'one'"]),
        ("---\nmerge: [strike-valmora]\n---\n", ["'merge'", "this story itself"]),
        ("---\nadd: [a]\nremove: [a]\n---\n", ["'add'", "'a' is also under remove"]),
        ("---\ntitle: [unclosed\n---\n", ["invalid YAML front matter"]),
        ("---\n- a list\n---\n", ["must be a mapping of keys (title, merge, add, remove, split)"]),
    ],
)
def test_a_broken_story_notes_file_is_one_warning_per_problem_and_is_left_out(tmp_path, text, words):
    path = write_story_notes(tmp_path, "strike-valmora", text)
    notes = load_story_notes(tmp_path)
    assert notes.by_slug == {} and notes.file_slugs == {"strike-valmora"}
    assert len(notes.warnings) == 1, notes.warnings
    line = notes.warnings[0]
    assert "\n" not in line and line.startswith(f"{path}: ") and line.endswith("this file is left out until it is fixed")
    for word in words:
        assert word in line


def test_an_unknown_key_is_a_warning_and_the_rest_applies(tmp_path):
    write_story_notes(tmp_path, "strike-valmora", "---\ntitel: Oops\ntitle: Right\n---\n")
    notes = load_story_notes(tmp_path)
    assert notes.by_slug["strike-valmora"].title == "Right"
    assert [w for w in notes.warnings if "'titel': unrecognised key, ignored" in w]


# Applying the notes to stories (hand-made briefings) ----------------------------------------------------


def briefing(slug: str, day: str, actors: list[str], summary: str) -> Briefing:
    article = Article(source=f"{slug}.txt", title=slug.replace("-", " ").title(), published=day)
    return Briefing(article=article, slug=slug, summary=[summary], actors=[Actor(name=a, type="person", mentions=1) for a in actors])


def three_stories() -> list[Briefing]:
    """A strike, a quarry collapse and a ferry collision, three briefings each, and unrelated filler."""
    strike = "Dockworkers went on strike at the harbour over the night bonus and the cranes stood idle."
    quarry = "The quarry collapse buried the excavators and the quarry road stayed closed for the rescue."
    ferry = "The ferry collision in the strait damaged the ferry hull and the pier was closed to passengers."
    items = []
    for n in range(3):
        items.append(briefing(f"strike-{n}", f"2026-03-0{2 + n}", ["Teodor Vasko", "Oskar Lindqvist"], strike))
        items.append(briefing(f"quarry-{n}", f"2026-04-0{2 + n}", ["Mara Quist", "Ivo Stenberg"], quarry))
        items.append(briefing(f"ferry-{n}", f"2026-05-0{2 + n}", ["Lena Hald", "Per Ossian"], ferry))
    start = date(2026, 2, 20)
    items += [briefing(f"filler-{n}", (start + timedelta(days=n * 3)).isoformat(), [f"Person {n}"], f"Topic{n} in place{n}.") for n in range(30)]
    return items


def story_notes(*notes: StoryNote) -> StoryNotes:
    return StoryNotes(by_slug={note.slug: note for note in notes}, file_slugs={note.slug for note in notes})


@pytest.fixture(scope="module")
def grouping():
    items = three_stories()
    grouping = group_stories(items, previous={"strike": ["strike-0"], "quarry": ["quarry-0"], "ferry": ["ferry-0"]})
    assert sorted((s.slug, tuple(s.briefings)) for s in grouping.stories) == [
        ("ferry", ("ferry-0", "ferry-1", "ferry-2")), ("quarry", ("quarry-0", "quarry-1", "quarry-2")), ("strike", ("strike-0", "strike-1", "strike-2"))
    ]
    return grouping, {b.slug for b in items}


def shown(edited) -> dict[str, list[str]]:
    return {story.slug: story.briefings for story in edited.stories}


def test_merges_follow_a_story_into_the_story_it_was_merged_into(grouping):
    """ferry merges quarry, quarry merges strike: all three end in ferry, whatever order."""
    found, briefings = grouping
    notes = story_notes(
        StoryNote("ferry", Path("notes/stories/ferry.md"), merge=["quarry"]),
        StoryNote("quarry", Path("notes/stories/quarry.md"), merge=["strike"], title="Unused"),
    )
    edited = edit_stories(found, notes, briefings)
    assert list(shown(edited)) == ["ferry"]
    story = edited.stories[0]
    assert story.briefings == [f"{kind}-{n}" for kind in ("strike", "quarry", "ferry") for n in range(3)]  # oldest first
    assert (story.first, story.last, story.edited) == ("2026-03-02", "2026-05-04", True)
    assert edited.warnings == [
        "notes/stories/quarry.md: the story is merged into 'ferry', so its title and notes are not shown; move them to the notes of 'ferry'"
    ]


def test_add_moves_a_briefing_and_removing_every_briefing_leaves_no_story(grouping):
    found, briefings = grouping
    notes = story_notes(
        StoryNote("ferry", Path("notes/stories/ferry.md"), add=["quarry-0", "filler-3"]),
        StoryNote("quarry", Path("notes/stories/quarry.md"), add=["filler-3"]),
        StoryNote("strike", Path("notes/stories/strike.md"), remove=["strike-0", "strike-1", "strike-2"]),
    )
    edited = edit_stories(found, notes, briefings)
    assert shown(edited) == {"ferry": ["filler-3", "quarry-0", "ferry-0", "ferry-1", "ferry-2"], "quarry": ["quarry-1", "quarry-2"]}
    assert edited.warnings == ["notes/stories/quarry.md: 'add': 'filler-3' is added to the story 'ferry' by notes/stories/ferry.md too; it stays there"]


def test_a_split_needs_the_storys_own_briefings_and_a_free_slug(grouping):
    found, briefings = grouping
    notes = story_notes(
        StoryNote("strike", Path("notes/stories/strike.md"), split={"strike-end": ["strike-2", "ferry-0", "strike-9"], "quarry": ["strike-1"]}),
    )
    edited = edit_stories(found, notes, briefings)
    assert shown(edited)["strike-end"] == ["strike-2"] and shown(edited)["strike"] == ["strike-0", "strike-1"]
    assert edited.warnings == [
        "notes/stories/strike.md: 'split.strike-end': 'ferry-0' is not in this story; only its own briefings can be split off",
        "notes/stories/strike.md: 'split.strike-end': no briefing has the slug 'strike-9'; did you mean strike-2, strike-1, strike-0?",
        "notes/stories/strike.md: 'split.quarry': there is already a story with the slug 'quarry'; choose another for the new story",
    ]


def test_notes_of_a_story_that_is_gone_are_orphaned(grouping):
    found, briefings = grouping
    edited = edit_stories(found, story_notes(StoryNote("strike-old", Path("notes/stories/strike-old.md"), title="Old")), briefings)
    assert shown(edited) == {story.slug: story.briefings for story in found.stories}
    assert edited.warnings == ["notes/stories/strike-old.md: orphaned story notes: no story has the slug 'strike-old' (any more); kept, not applied"]


def test_serve_regenerates_when_a_story_notes_file_changes(tmp_path):
    from briefing_gen.config import BuildOptions
    from briefing_gen.site.serve import Changes, Watcher

    (tmp_path / "articles").mkdir()
    (tmp_path / "notes" / "stories").mkdir(parents=True)
    watcher = Watcher(BuildOptions(articles_dir=tmp_path / "articles", notes_dir=tmp_path / "notes", config_file=tmp_path / "mkdocs.yml"))
    changes = Changes()  # (the watcher is not started: only how it sorts a changed path is tested)
    watcher.classify((tmp_path / "notes" / "stories" / "strike.md").resolve(), changes)
    assert changes.notes


# The fixture collection, built for real ---------------------------------------------------------------

HARBOUR_DIARY = "valmora-harbour-diary-idle-cranes-and-a-strike-slogan"
MEMO_LEAK = "leaked-memo-shows-tarsk-2-satellite-contract-went-to-skyreach-orbital-despite"
MINISTER_DENIES = "aubel-denies-favouring-skyreach-orbital-in-tarsk-2-satellite-deal"
SUSPENSION = "defence-ministry-suspends-jonas-feld-over-tarsk-2-memo-leak"
AUDIT = "audit-office-to-review-tarsk-2-satellite-contract-after-memo-leak"
INQUIRY = "strand-orders-independent-inquiry-into-orvin-dam-collapse"
NOTE_MARKER = "the harbour was closed for a week"
STORY_NOTES = {
    "strike-port-of-valmora": (
        "---\ntitle: The Valmora dock strike, day by day\n"
        f"remove: [{HARBOUR_DIARY}, no-such-briefing]\n---\n# Why it matters\n\nValmora is the country's largest port: {NOTE_MARKER}.\n"
    ),
    "tarsk-skyreach-orbital": f"---\nsplit:\n  tarsk-2-fallout: [{SUSPENSION}, {AUDIT}]\n---\n",
    "breach-kessara": "---\ntitle: The Orvin Dam breach\n---\nWatch the inquiry.\n",
    "broken": "---\nmerge: 5\n---\n",
}


def notes_state(notes_dir: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(notes_dir)): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(notes_dir.rglob("*")) if p.is_file()}


def story_pages(docs: Path) -> dict[str, frontmatter.Post]:
    return {p.stem: frontmatter.load(p) for p in sorted((docs / "stories").glob("*.md")) if p.name != "index.md"}


def snapshot(project: Path, result) -> dict:
    docs = project / "docs"
    return {
        "result": result,
        "stories": story_pages(docs),
        "index": (docs / "stories" / "index.md").read_text(encoding="utf-8"),
        "briefing_story": {p.stem: frontmatter.load(p).get("story") for p in (docs / "briefings").glob("*.md") if p.name != "index.md"},
        "notes": notes_state(project / "notes"),
        "feeds": sorted(p.stem for p in (docs / "feeds" / "stories").glob("*.xml")),
    }


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory, run_cli) -> dict:
    project = tmp_path_factory.mktemp("story-notes") / "site"
    shutil.copytree(FIXTURES_DIR / "stories", project / "articles", ignore=shutil.ignore_patterns("dam-inquiry.md"))
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "overrides", project / "overrides")
    shutil.copytree(REPO_ROOT / "docs" / "about", project / "docs" / "about")
    for slug, text in STORY_NOTES.items():
        write_story_notes(project / "notes", slug, text)
    before = notes_state(project / "notes")
    steps = {"before": before, "first": snapshot(project, run_cli(["build", "--no-site"], cwd=project))}

    # The dam inquiry is reported: on its own, the dam story would now be "breach-orvin-dam".
    shutil.copy(FIXTURES_DIR / "stories" / "dam-inquiry.md", project / "articles" / "dam-inquiry.md")
    steps["grown"] = snapshot(project, run_cli(["build", "--no-site"], cwd=project))
    steps["note_command"] = run_cli(["note", "--story", "tarsk-2-fallout"], cwd=project)
    steps["fallout_notes"] = (project / "notes" / "stories" / "tarsk-2-fallout.md").read_text(encoding="utf-8")
    steps["note_again"] = run_cli(["note", "--story", "tarsk-2-fallout"], cwd=project)
    steps["note_unknown"] = run_cli(["note", "--story", "tarsk-skyreach"], cwd=project)

    # Only a notes file changes: the split goes, the satellite story takes in the dam story.
    write_story_notes(project / "notes", "tarsk-skyreach-orbital", "---\nmerge: [breach-kessara]\n---\n")
    steps["before_merge"] = notes_state(project / "notes")
    steps["merged"] = snapshot(project, run_cli(["build"], cwd=project))
    steps["project"] = project
    return steps


def stderr_lines(step: dict) -> list[str]:
    return step["result"].stderr.splitlines()


@pytest.mark.slow
def test_the_build_succeeds_and_warns_about_broken_story_notes_on_one_line_each(edited_site):
    first = edited_site["first"]
    assert first["result"].returncode == 1, first["result"].stderr  # a notes file was left out: the exit status says so
    lines = stderr_lines(first)
    assert "briefing-gen: warning: notes/stories/broken.md: 'merge': expected a list of story slugs, like [other-story-slug], got 5 (a number); " \
        "this file is left out until it is fixed" in lines
    assert (
        "briefing-gen: warning: notes/stories/strike-port-of-valmora.md: 'remove': no briefing has the slug 'no-such-briefing' "
        "(a briefing's slug is its file name in docs/briefings/, without .md)"
    ) in lines
    assert sorted(first["stories"]) == ["breach-kessara", "strike-port-of-valmora", "tarsk-2-fallout", "tarsk-skyreach-orbital"]


@pytest.mark.slow
def test_a_renamed_story_shows_its_new_title_on_its_page_the_index_and_its_briefings(edited_site):
    first = edited_site["first"]
    page = first["stories"]["strike-port-of-valmora"]
    assert page["title"] == "The Valmora dock strike, day by day"
    assert page.content.startswith("# The Valmora dock strike, day by day\n")
    assert ">The Valmora dock strike, day by day</a>" in first["index"]
    docs = edited_site["project"] / "docs"
    briefing = (docs / "briefings" / f"{page['briefings'][0]}.md").read_text(encoding="utf-8")
    assert "Story: [The Valmora dock strike, day by day](../stories/strike-port-of-valmora.md)" in briefing


@pytest.mark.slow
def test_the_editors_note_is_shown_on_the_story_page(edited_site):
    page = edited_site["first"]["stories"]["strike-port-of-valmora"]
    assert "## Editors' notes\n\n### Why it matters" in page.content
    assert NOTE_MARKER in page.content and "then changed by the editors" in page.content
    built = (edited_site["project"] / "site" / "stories" / "strike-port-of-valmora" / "index.html").read_text(encoding="utf-8")
    assert NOTE_MARKER in built and "Why it matters" in built


@pytest.mark.slow
def test_a_removed_briefing_leaves_the_story_and_is_in_none(edited_site):
    first = edited_site["first"]
    assert HARBOUR_DIARY not in first["stories"]["strike-port-of-valmora"]["briefings"]
    assert len(first["stories"]["strike-port-of-valmora"]["briefings"]) == 5
    assert first["briefing_story"][HARBOUR_DIARY] is None


@pytest.mark.slow
def test_a_split_makes_a_story_of_its_own_under_the_slug_the_editor_chose(edited_site):
    first = edited_site["first"]
    assert first["stories"]["tarsk-2-fallout"]["briefings"] == [SUSPENSION, AUDIT]  # oldest first
    assert first["stories"]["tarsk-skyreach-orbital"]["briefings"] == [MEMO_LEAK, MINISTER_DENIES]
    assert first["briefing_story"][AUDIT] == "tarsk-2-fallout"
    assert "tarsk-2-fallout" in first["feeds"]


@pytest.mark.slow
def test_a_story_keeps_its_slug_and_its_notes_when_a_new_article_joins_it(edited_site):
    grown = edited_site["grown"]
    assert grown["result"].returncode == 1, grown["result"].stderr  # broken.md is still left out
    assert "breach-orvin-dam" not in grown["stories"]
    dam = grown["stories"]["breach-kessara"]
    assert dam["briefings"][-1] == INQUIRY and len(dam["briefings"]) == 4
    assert dam["title"] == "The Orvin Dam breach" and "Watch the inquiry." in dam.content
    assert grown["briefing_story"][INQUIRY] == "breach-kessara"


@pytest.mark.slow
def test_a_change_to_story_notes_alone_is_built_merge_makes_one_story_of_two(edited_site):
    merged = edited_site["merged"]
    assert merged["result"].returncode == 1, merged["result"].stderr  # broken.md is still left out
    assert sorted(merged["stories"]) == ["strike-port-of-valmora", "tarsk-skyreach-orbital"]
    story = merged["stories"]["tarsk-skyreach-orbital"]
    dam = edited_site["grown"]["stories"]["breach-kessara"]["briefings"]
    assert story["briefings"] == [*dam, MEMO_LEAK, MINISTER_DENIES, SUSPENSION, AUDIT]  # oldest first
    assert {merged["briefing_story"][slug] for slug in story["briefings"]} == {"tarsk-skyreach-orbital"}
    project = edited_site["project"]
    assert not (project / "docs" / "stories" / "breach-kessara.md").exists()
    assert (project / "site" / "stories" / "tarsk-skyreach-orbital" / "index.html").is_file()
    assert not (project / "site" / "stories" / "breach-kessara").exists()
    assert (
        "briefing-gen: warning: notes/stories/breach-kessara.md: the story is merged into 'tarsk-skyreach-orbital', so its title and notes "
        "are not shown; move them to the notes of 'tarsk-skyreach-orbital'"
    ) in stderr_lines(merged)


@pytest.mark.slow
def test_notes_of_a_story_that_is_gone_are_reported_and_kept(edited_site):
    merged = edited_site["merged"]
    assert (
        "briefing-gen: warning: notes/stories/tarsk-2-fallout.md: orphaned story notes: no story has the slug 'tarsk-2-fallout' (any more); "
        "kept, not applied"
    ) in stderr_lines(merged)
    assert (edited_site["project"] / "notes" / "stories" / "tarsk-2-fallout.md").is_file()


@pytest.mark.slow
def test_the_build_never_writes_a_notes_file(edited_site):
    assert edited_site["first"]["notes"] == edited_site["grown"]["notes"] == edited_site["before"]
    assert edited_site["merged"]["notes"] == edited_site["before_merge"]


@pytest.mark.slow
def test_the_note_command_creates_a_commented_story_notes_file_once(edited_site):
    created = edited_site["note_command"]
    assert created.returncode == 0, created.stderr
    assert created.stdout.strip() == str(Path("notes") / "stories" / "tarsk-2-fallout.md")
    text = edited_site["fallout_notes"]
    assert text.startswith("---\n# Editors' notes for the story: ") and text.endswith("---\n")
    assert f"#   {SUSPENSION}    (" in text and f"#   {AUDIT}    (" in text
    for key in ("# title:", "# merge:", "# add:", "# remove:", "# split:"):
        assert key in text
    metadata = frontmatter.loads(text).metadata
    assert metadata == {}  # every key is a comment until the editor uncomments it
    assert edited_site["note_again"].returncode == 2 and "already exists" in edited_site["note_again"].stderr
    unknown = edited_site["note_unknown"]
    assert unknown.returncode == 2 and "no story with the slug 'tarsk-skyreach'" in unknown.stderr
    assert "did you mean tarsk-skyreach-orbital" in unknown.stderr
