"""Editors' notes and corrections survive every rebuild; hand edits to generated pages are never lost.

The unit tests build small briefings by hand (no spaCy) and real files in tmp_path. The end-to-end
test (slow) is the one of issue 6: build the example site, add a notes file with a note, a verdict
and an actor correction, edit a generated page by hand, rebuild, change the article, rebuild, and
check what changed and what did not, in the Markdown and in the built HTML.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import frontmatter
import pytest
from conftest import copy_example_site

from briefing_gen.editorial.corrections import CorrectionsError, apply_corrections, validate_corrections
from briefing_gen.editorial.notes import NotesError, load_notes, nest_in_section, read_note
from briefing_gen.model import Actor, Article, Briefing, Claim, Paragraph
from briefing_gen.site.build import MANIFEST, DocsWriter
from briefing_gen.site.pages import Collection, briefing_page
from briefing_gen.site.stamp import PageState, page_state, stamp

WHERE = "notes/harbour.md"


# A small briefing made by hand ----------------------------------------------------------------------


def make_briefing() -> Briefing:
    article = Article(
        source="articles/harbour.md",
        title="Velmora harbour dispute",
        authors=["Ines Calloway"],
        published="2026-04-02",
        paragraphs=[
            Paragraph("The harbour authority of Velmora said the new ferry terminal would open in May."),
            Paragraph("“This terminal will double our capacity,” said port director Anika Marsh."),
            Paragraph("The Ostrava Shipping Line disputed the figures and called them wishful thinking."),
        ],
    )
    actors = [
        Actor(name="Velmora Harbour Authority", type="organization", aliases=["harbour authority"], mentions=3),
        Actor(name="Anika Marsh", type="person", mentions=2, role="port director"),
        Actor(name="Ostrava Shipping Line", type="organization", mentions=2),
        Actor(name="Ostrava Line", type="organization", mentions=1),
        Actor(name="May", type="person", mentions=1),
    ]
    claims = [
        Claim(id="c-aaaaaaaaaa", text="the new ferry terminal would open in May", claimant="Velmora Harbour Authority", kind="statement", cue="say", paragraph=0),
        Claim(id="c-bbbbbbbbbb", text="This terminal will double our capacity", claimant="Anika Marsh", kind="quote", cue="say", paragraph=1),
        Claim(id="c-cccccccccc", text="the figures are wishful thinking", claimant="Ostrava Line", kind="statement", cue="dispute", paragraph=2),
    ]
    return Briefing(article=article, slug="harbour", summary=["The harbour authority of Velmora said the new ferry terminal would open in May."], key_points=[], actors=actors, claims=claims)


def corrections_from(metadata: dict):
    corrections, _ = validate_corrections(metadata, WHERE)
    return corrections


# Validation -----------------------------------------------------------------------------------------


def test_full_schema_validates():
    corrections, warnings = validate_corrections(
        {
            "status": "reviewed",
            "tags": ["ports", "Velmora", 2026],
            "actors": {
                "May": {"drop": True},
                "Ostrava Line": {"merge": "Ostrava Shipping Line"},
                "Anika Marsh": {"rename": "Anika Marsh-Oyelaran", "role": "port director of Velmora"},
                "Velmora Harbour Authority": {"type": "group", "role": None},
            },
            "claims": {"c-aaaaaaaaaa": {"kind": "prediction"}, "c-cccccccccc": {"claimant": "author"}},
            "verdicts": {"c-bbbbbbbbbb": {"verdict": "disputed", "note": "Capacity rises by *40%*, see\n[the plan](https://example.org/plan)."}, "c-aaaaaaaaaa": "false"},
        },
        WHERE,
    )
    assert warnings == []
    assert corrections.status == "reviewed"
    assert corrections.tags == ["ports", "Velmora", "2026"]
    assert corrections.actors["May"].drop
    assert corrections.actors["Ostrava Line"].merge == "Ostrava Shipping Line"
    assert corrections.actors["Velmora Harbour Authority"].clear_role
    assert corrections.verdicts["c-bbbbbbbbbb"].note == "Capacity rises by *40%*, see [the plan](https://example.org/plan)."
    assert corrections.verdicts["c-aaaaaaaaaa"].verdict == "false"


def test_unquoted_false_is_the_false_verdict():
    corrections = corrections_from({"verdicts": {"c-1": False, "c-2": {"verdict": False}}})
    assert corrections.verdicts["c-1"].verdict == corrections.verdicts["c-2"].verdict == "false"


@pytest.mark.parametrize(
    "metadata, key, words",
    [
        ({"status": "done"}, "status", "expected one of draft, reviewed, published, got 'done'"),
        ({"tags": "ports"}, "tags", "expected a list of tags"),
        ({"tags": [["x"]]}, "tags.0", "expected a tag"),
        ({"actors": ["May"]}, "actors", "expected a mapping of actor names"),
        ({"actors": {"May": "drop"}}, "actors.May", "expected a mapping with one of rename, merge, drop"),
        ({"actors": {"May": {"dorp": True}}}, "actors.May.dorp", "unrecognised key"),
        ({"actors": {"May": {"type": "country"}}}, "actors.May.type", "expected one of person, state"),
        ({"actors": {"May": {"drop": "yes please"}}}, "actors.May.drop", "expected true"),
        ({"actors": {"May": {"rename": "X", "merge": "Y"}}}, "actors.May", "only one of rename, merge and drop"),
        ({"actors": {"May": {"merge": "Y", "role": "r"}}}, "actors.May", "'merge' cannot be combined"),
        ({"actors": {False: {"drop": True}}}, "actors.False", "put it in quotes"),
        ({"claims": {"c-1": {"kind": "rumour"}}}, "claims.c-1.kind", "expected one of statement, quote"),
        ({"claims": {"c-1": {"drop": True, "kind": "quote"}}}, "claims.c-1", "'drop' cannot be combined"),
        ({"claims": {"c-1": {"claimant": ""}}}, "claims.c-1.claimant", "expected the name of who makes the claim"),
        ({"verdicts": {"c-1": "true"}}, "verdicts.c-1", "expected one of confirmed, disputed, false, unverified, got 'true'"),
        ({"verdicts": {"c-1": {"verdict": "confirmed", "note": ["x"]}}}, "verdicts.c-1.note", "expected a short Markdown text"),
        ({"verdicts": {"c-1": {"verdict": "confirmed", "note": "one\n\ntwo"}}}, "verdicts.c-1.note", "expected one paragraph"),
        ({"verdicts": {"c-1": {"note": "why"}}}, "verdicts.c-1.verdict", "got nothing"),
    ],
)
def test_invalid_corrections_give_one_line_naming_file_and_key(metadata, key, words):
    with pytest.raises(CorrectionsError) as raised:
        validate_corrections(metadata, WHERE)
    problems = raised.value.problems
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{WHERE}: '{key}': "), problems[0]
    assert words in problems[0]
    assert "\n" not in problems[0]


def test_every_problem_is_reported_at_once():
    with pytest.raises(CorrectionsError) as raised:
        validate_corrections({"status": "x", "verdicts": {"c-1": "maybe"}, "claims": {"c-2": {"kind": "k"}}}, WHERE)
    assert [p.split("'")[1] for p in raised.value.problems] == ["status", "claims.c-2.kind", "verdicts.c-1"]


def test_unknown_top_level_key_is_a_warning_not_an_error():
    corrections, warnings = validate_corrections({"verdict": {"c-1": "confirmed"}, "reviewer": "Ines"}, WHERE)
    assert corrections.verdicts == {}
    assert len(warnings) == 2
    assert warnings[0].startswith(f"{WHERE}: 'verdict': unrecognised key")


# Applying -------------------------------------------------------------------------------------------


def test_actor_corrections_apply_to_a_copy():
    briefing = make_briefing()
    corrections = corrections_from(
        {
            "actors": {
                "May": {"drop": True},
                "Ostrava Line": {"merge": "Ostrava Shipping Line"},
                "anika marsh": {"rename": "Anika Marsh-Oyelaran", "role": "port director of Velmora"},
                "harbour authority": {"type": "group"},
            }
        }
    )
    applied = apply_corrections(briefing, corrections)
    assert applied.warnings == []
    actors = {a.name: a for a in applied.briefing.actors}
    assert sorted(actors) == ["Anika Marsh-Oyelaran", "Ostrava Shipping Line", "Velmora Harbour Authority"]
    assert actors["Ostrava Shipping Line"].mentions == 3
    assert "Ostrava Line" in actors["Ostrava Shipping Line"].aliases
    assert actors["Anika Marsh-Oyelaran"].role == "port director of Velmora"
    assert actors["Velmora Harbour Authority"].type == "group"
    claimants = {c.id: c.claimant for c in applied.briefing.claims}
    assert claimants == {"c-aaaaaaaaaa": "Velmora Harbour Authority", "c-bbbbbbbbbb": "Anika Marsh-Oyelaran", "c-cccccccccc": "Ostrava Shipping Line"}
    # the extracted briefing is untouched (serve keeps it and applies the notes again)
    assert [a.name for a in briefing.actors] == ["Velmora Harbour Authority", "Anika Marsh", "Ostrava Shipping Line", "Ostrava Line", "May"]
    assert briefing.claims[1].claimant == "Anika Marsh"


def test_renaming_onto_an_existing_actor_merges_them():
    applied = apply_corrections(make_briefing(), corrections_from({"actors": {"Ostrava Line": {"rename": "Ostrava Shipping Line"}}}))
    names = [a.name for a in applied.briefing.actors]
    assert names.count("Ostrava Shipping Line") == 1 and "Ostrava Line" not in names


def test_claim_corrections_and_key_points_follow():
    applied = apply_corrections(
        make_briefing(),
        corrections_from({"claims": {"c-aaaaaaaaaa": {"drop": True}, "c-bbbbbbbbbb": {"kind": "prediction"}, "c-cccccccccc": {"claimant": "author"}}}),
    )
    claims = {c.id: c for c in applied.briefing.claims}
    assert sorted(claims) == ["c-bbbbbbbbbb", "c-cccccccccc"]
    assert claims["c-bbbbbbbbbb"].kind == "prediction"
    assert claims["c-cccccccccc"].claimant == "author"
    assert not any("open in May" in point and ":" in point.split(" ")[0] for point in applied.briefing.key_points)


def uncertain_briefing() -> Briefing:
    """The small briefing with what extraction adds to claims: two uncertain speakers, and the
    actors each claim is about."""
    briefing = make_briefing()
    first, second, third = briefing.claims
    first.about = ["Ostrava Line", "May", "Anika Marsh"]
    second.confidence = 0.5
    third.confidence, third.about = 0.5, ["Anika Marsh", "Velmora Harbour Authority"]
    return briefing


def test_a_corrected_claimant_is_no_longer_uncertain():
    briefing = uncertain_briefing()
    corrections = corrections_from(
        {"claims": {"c-bbbbbbbbbb": {"claimant": "Anika Marsh"}, "c-cccccccccc": {"kind": "quote"}}}  # the same name confirms it
    )
    claims = {c.id: c for c in apply_corrections(briefing, corrections).briefing.claims}
    assert claims["c-bbbbbbbbbb"].confidence == 1.0 and claims["c-bbbbbbbbbb"].claimant == "Anika Marsh"
    assert claims["c-cccccccccc"].confidence == 0.5  # its kind was corrected, not who said it
    assert briefing.claims[1].confidence == 0.5  # the extracted briefing is untouched


def test_what_claims_are_about_follows_the_actor_corrections():
    briefing = uncertain_briefing()
    corrections = corrections_from(
        {
            "actors": {"May": {"drop": True}, "Ostrava Line": {"merge": "Ostrava Shipping Line"}, "anika marsh": {"rename": "Anika Marsh-Oyelaran"}},
            "claims": {"c-cccccccccc": {"claimant": "Velmora Harbour Authority"}},
        }
    )
    claims = {c.id: c for c in apply_corrections(briefing, corrections).briefing.claims}
    assert claims["c-aaaaaaaaaa"].about == ["Ostrava Shipping Line", "Anika Marsh-Oyelaran"]  # merged, dropped, renamed
    assert claims["c-cccccccccc"].about == ["Anika Marsh-Oyelaran"]  # never the claimant, now the authority
    assert claims["c-cccccccccc"].confidence == 1.0
    assert briefing.claims[0].about == ["Ostrava Line", "May", "Anika Marsh"]


def test_corrections_that_match_nothing_are_reported_with_file_and_key():
    applied = apply_corrections(
        make_briefing(),
        corrections_from(
            {
                "actors": {"Nobody": {"drop": True}, "May": {"merge": "June"}},
                "claims": {"c-gone000000": {"kind": "quote"}, "c-aaaaaaaaaa": {"drop": True}},
                "verdicts": {"c-vanished00": "confirmed", "c-aaaaaaaaaa": "false", "c-bbbbbbbbbb": "confirmed"},
            }
        ),
    )
    warnings = applied.warnings
    assert len(warnings) == 5, warnings
    expected = {
        "actors.Nobody": "no actor 'Nobody'",
        "actors.May.merge": "no other actor 'June'",
        "claims.c-gone000000": "no claim with this id",
        "verdicts.c-vanished00": "no claim with this id",
        "verdicts.c-aaaaaaaaaa": "dropped by this file",
    }
    for key, words in expected.items():
        line = next((w for w in warnings if w.startswith(f"{WHERE}: '{key}':")), None)
        assert line is not None and words in line, (key, warnings)
    assert "May" in [a.name for a in applied.briefing.actors]  # a merge with no target does nothing


# Notes files ----------------------------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_notes_file_is_read_as_written(tmp_path):
    body = "# Checked\r\n\r\nBoth figures come from the *port plan*.\r\n"
    write(tmp_path / "notes" / "harbour.md", "---\nstatus: published\n---\n" + body)
    write(tmp_path / "notes" / ".harbour.md.abcd1234.tmp", "half")  # a write in progress is not a note
    write(tmp_path / "notes" / "README.txt", "not a note")
    notes = load_notes(tmp_path / "notes")
    assert list(notes.by_slug) == ["harbour"]
    note = notes.get("harbour")
    assert note.corrections.status == "published"
    assert note.body == "# Checked\n\nBoth figures come from the *port plan*."


def test_notes_without_front_matter_and_missing_folder(tmp_path):
    assert load_notes(tmp_path / "absent").by_slug == {}
    write(tmp_path / "notes" / "harbour.md", "Just a note.\n")
    note = load_notes(tmp_path / "notes").get("harbour")
    assert note.body == "Just a note." and note.corrections.status is None


@pytest.mark.parametrize(
    "text, words",
    [
        ("---\nstatus: [draft\n---\nx", "invalid YAML front matter at line"),
        ("---\n- a list\n---\nx", "the front matter must be a mapping"),
        ("---\nverdicts: {c-1: wrong}\n---\n", "'verdicts.c-1': expected one of"),
    ],
)
def test_bad_notes_files_are_errors_naming_the_file(tmp_path, text, words):
    path = write(tmp_path / "notes" / "harbour.md", text)
    write(tmp_path / "notes" / "other.md", "---\nstatus: nonsense\n---\n")
    with pytest.raises(NotesError) as raised:
        load_notes(tmp_path / "notes")
    problems = raised.value.problems
    assert len(problems) == 2  # both files reported, not only the first
    assert problems[0].startswith(f"{path}: ") and words in problems[0], problems
    assert problems[1].startswith(f"{tmp_path / 'notes' / 'other.md'}: 'status'")


def test_notes_not_utf8(tmp_path):
    path = tmp_path / "notes" / "harbour.md"
    path.parent.mkdir()
    path.write_bytes(b"caf\xe9\n")
    with pytest.raises(NotesError, match="not UTF-8"):
        read_note(path)


def test_orphaned_notes(tmp_path):
    write(tmp_path / "notes" / "harbour.md", "kept")
    write(tmp_path / "notes" / "removed-article.md", "also kept")
    notes = load_notes(tmp_path / "notes")
    assert [n.slug for n in notes.orphaned({"harbour"})] == ["removed-article"]


def test_headings_nest_under_the_notes_section():
    import markdown

    body = "# Title\n\nText #not-a-heading.\n\n## Sub\n\nSetext\n======\n\nOther\n-----\n\n```\n# code stays\n```\n\n###### deep\n\n~~~\nunclosed # fence\n\n# after"
    nested = nest_in_section(body)
    assert nested.splitlines()[0] == "### Title"
    assert "#### Sub" in nested and "### Setext" in nested and "#### Other" in nested
    assert "# code stays" in nested.splitlines()
    assert "###### deep" in nested
    assert "### after" in nested  # an unclosed fence is plain text, so its headings are too
    # MkDocs always adds fenced_code to the extensions of mkdocs.yml
    html = markdown.markdown("## Notes\n\n" + nested, extensions=["admonition", "attr_list", "tables", "toc", "fenced_code"])
    assert html.count("<h2") == 1 and "<h1" not in html
    assert "<p>Text #not-a-heading.</p>" in html and "<code># code stays" in html


def test_briefing_page_shows_notes_status_tags_and_verdicts(tmp_path, render):
    write(
        tmp_path / "notes" / "harbour.md",
        "---\nstatus: reviewed\ntags: [ports]\nverdicts:\n  c-bbbbbbbbbb: {verdict: disputed, note: 'Capacity rises by *40%* only.'}\n---\n"
        "# Sources\n\nChecked with the [port plan](https://example.org/plan) and **two** officials.\n",
    )
    note = load_notes(tmp_path / "notes").get("harbour")
    briefing = apply_corrections(make_briefing(), note.corrections).briefing
    collection = Collection()
    collection.add(briefing, note)
    collection.assign_actor_slugs()
    page = frontmatter.loads(briefing_page(briefing, collection, note))
    assert page["editorial_status"] == "reviewed"
    assert "ports" in page["tags"]
    html = render(page.content).html
    assert '<strong class="verdict verdict-disputed">⚠ disputed</strong>: Capacity rises by <em>40%</em> only.' in html
    assert 'id="c-bbbbbbbbbb"' in html and 'title="claim c-bbbbbbbbbb"' in html
    assert '<strong class="editorial-status editorial-status-reviewed">reviewed</strong>' in html
    notes_html = html.split('id="notes"', 1)[1]
    assert '<h3 id="sources">Sources</h3>' in notes_html
    assert '<a href="https://example.org/plan">port plan</a> and <strong>two</strong> officials' in notes_html
    claim = next(item for item in collection.claims if item["id"] == "c-bbbbbbbbbb")
    assert claim["verdict"].startswith("**⚠ disputed**")  # the actor pages and claims index show it too


# Hand edits to generated pages ----------------------------------------------------------------------

PAGE = "---\ntitle: Harbour\ngenerator: briefing-gen\n---\n\n# Harbour\n\nGenerated text.\n"
NEW_PAGE = PAGE.replace("Generated text.", "Regenerated text.")


def write_pages(docs: Path, pages: dict[str, str], force: bool = False):
    writer = DocsWriter(docs, force=force)
    for relative, content in pages.items():
        writer.write(relative, content)
    return writer.finish()


def backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".backup-" in p.name)


def test_pages_carry_a_stamp_that_detects_edits():
    stamped = stamp(PAGE)
    assert frontmatter.loads(stamped)["generated_hash"]
    assert page_state(stamped) is PageState.GENERATED
    assert page_state(stamped.replace("Generated", "Edited")) is PageState.EDITED
    assert page_state(stamped.replace("title: Harbour", "title: Harbour!")) is PageState.EDITED
    assert page_state(PAGE) is PageState.UNSTAMPED
    assert page_state("no front matter") is PageState.UNSTAMPED


def test_edited_page_is_kept_then_backed_up_with_force(tmp_path):
    docs = tmp_path / "docs"
    write_pages(docs, {"briefings/harbour.md": PAGE})
    page = docs / "briefings" / "harbour.md"
    edited = page.read_text(encoding="utf-8") + "\nAn editor's paragraph.\n"
    page.write_text(edited, encoding="utf-8")

    report = write_pages(docs, {"briefings/harbour.md": NEW_PAGE})
    assert report.kept_edited == ["briefings/harbour.md"] and report.written == []
    assert page.read_text(encoding="utf-8") == edited
    assert backups(page.parent) == []

    report = write_pages(docs, {"briefings/harbour.md": NEW_PAGE}, force=True)
    assert report.written == ["briefings/harbour.md"]
    assert page.read_text(encoding="utf-8") == stamp(NEW_PAGE)
    [saved] = backups(page.parent)
    assert saved.name.startswith(".harbour.md.backup-")  # hidden: MkDocs does not publish it
    assert saved.read_text(encoding="utf-8") == edited
    assert [b for _, b in report.backups] == [saved]

    # a second forced replacement in the same second never overwrites the first backup
    page.write_text(edited + "More.\n", encoding="utf-8")
    write_pages(docs, {"briefings/harbour.md": PAGE}, force=True)
    first, second = backups(page.parent)
    assert first.read_text(encoding="utf-8") == edited
    assert second.read_text(encoding="utf-8") == edited + "More.\n"


def test_removed_page_that_was_edited_is_backed_up(tmp_path):
    docs = tmp_path / "docs"
    write_pages(docs, {"briefings/harbour.md": PAGE, "briefings/other.md": PAGE})
    (docs / "briefings" / "harbour.md").write_text("edited by hand\n", encoding="utf-8")
    report = write_pages(docs, {"briefings/keep.md": PAGE})
    assert sorted(report.removed) == ["briefings/harbour.md", "briefings/other.md"]
    [saved] = backups(docs / "briefings")  # only the edited one needed a copy
    assert saved.read_text(encoding="utf-8") == "edited by hand\n"
    assert json.loads((docs / MANIFEST).read_text()) == ["briefings/keep.md"]


def test_unstamped_page_at_a_generated_path_is_backed_up_unless_identical(tmp_path):
    docs = tmp_path / "docs"
    write(docs / "briefings" / "same.md", PAGE)  # what an older version wrote: nothing to keep
    write(docs / "briefings" / "hand.md", "# Written by an editor\n")
    report = write_pages(docs, {"briefings/same.md": PAGE, "briefings/hand.md": PAGE})
    assert sorted(report.written) == ["briefings/hand.md", "briefings/same.md"]
    [saved] = backups(docs / "briefings")
    assert saved.name.startswith(".hand.md.backup-")
    assert saved.read_text(encoding="utf-8") == "# Written by an editor\n"


# The `note` command ---------------------------------------------------------------------------------


def fake_docs(project: Path, slug: str = "velmora-harbour-dispute") -> None:
    """docs/ as a build leaves it: a stamped briefing page listed in the manifest."""
    write_pages(
        project / "docs",
        {f"briefings/{slug}.md": "---\ntitle: 'Velmora: harbour dispute\n  # not a comment'\nsource: articles/harbour.md\n---\n\n# Velmora\n"},
    )


def test_note_command_creates_the_notes_file_once(tmp_path, run_cli):
    fake_docs(tmp_path)
    result = run_cli(["note", "velmora-harbour-dispute"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "notes" / "velmora-harbour-dispute.md"
    assert result.stdout.strip() == str(Path("notes") / "velmora-harbour-dispute.md")
    text = path.read_text(encoding="utf-8")
    assert "Velmora: harbour dispute # not a comment" in text.splitlines()[1]
    note, warnings = read_note(path)
    assert note.corrections.status == "draft" and warnings == [] and note.body == ""
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left

    path.write_text(text + "\nThe editor's words.\n", encoding="utf-8")
    again = run_cli(["note", "velmora-harbour-dispute"], cwd=tmp_path)
    assert again.returncode == 2
    assert "already exists" in again.stderr and str(Path("notes") / "velmora-harbour-dispute.md") in again.stderr
    assert path.read_text(encoding="utf-8").endswith("The editor's words.\n")


def test_note_command_refuses_a_slug_without_briefing(tmp_path, run_cli):
    fake_docs(tmp_path)
    result = run_cli(["note", "velmora-harbour"], cwd=tmp_path)
    assert result.returncode == 2
    assert "no briefing with the slug 'velmora-harbour'" in result.stderr
    assert "did you mean velmora-harbour-dispute" in result.stderr
    assert not (tmp_path / "notes").exists()
    empty = run_cli(["note", "anything", "--docs", "nowhere"], cwd=tmp_path)
    assert empty.returncode == 2 and "run `briefing-gen build` first" in empty.stderr


def test_note_suggestions_from_a_prefix_or_a_word():
    from briefing_gen.editorial.new_note import suggested_slugs

    slugs = {"eu-extends-sanctions-on-shipping", "velmora-harbour-dispute", "velmora-ferry-terminal-opens", "sanctions-vote-delayed"}
    assert suggested_slugs("velmora", slugs) == ["velmora-ferry-terminal-opens", "velmora-harbour-dispute"]
    assert suggested_slugs("sanctions", slugs) == ["sanctions-vote-delayed", "eu-extends-sanctions-on-shipping"]
    assert suggested_slugs("velmora-harbour-dispte", slugs)[0] == "velmora-harbour-dispute"
    assert suggested_slugs("zzz", slugs) == []


# End to end (issue 6, "Done when") ------------------------------------------------------------------

FISHERIES = "wire-fisheries-row.txt"
SANCTIONS = "md-sanctions-vote.md"
NOTE_WORD = "Quillfeather"
HAND_EDIT = "\nAn editor's hand edit that must survive: Brackenridge.\n"




def contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def page_of(project: Path, source_name: str) -> Path:
    for path in (project / "docs" / "briefings").glob("*.md"):
        if path.name != "index.md" and frontmatter.load(path).get("source", "").endswith(source_name):
            return path
    raise AssertionError(f"no page for {source_name}")


def actor_rows(markdown: str) -> list[tuple[str, str]]:
    """(name, actor page slug) of the Actors table of a briefing page."""
    section = markdown.split("\n## Actors\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r'^<tr><td><a href="\.\./\.\./actors/([a-z0-9-]+)/">(.+?)</a>', section, flags=re.MULTILINE)
    return [(html.unescape(name), slug) for slug, name in rows]


def named_claim(markdown: str) -> tuple[str, str]:
    """(claim id, claimant's actor slug) of the first claim of a named actor on a briefing page."""
    section = markdown.split("\n## Claims\n", 1)[1].split("\n## Text\n", 1)[0]
    for group in re.split(r"^### ", section, flags=re.MULTILINE)[1:]:
        heading = re.match(r"\[.+?\]\(\.\./actors/([a-z0-9-]+)\.md\)", group)
        ids = re.findall(r'(?:\{ #|<li id=")(c-[0-9a-f]{10}(?:-\d+)?)', group)
        if heading and ids:
            return ids[0], heading.group(1)
    raise AssertionError("no claim by a named actor")


@pytest.mark.slow
def test_notes_verdicts_corrections_and_hand_edits_survive_rebuilds(tmp_path, repo_root, run_cli):
    project = tmp_path / "site-project"
    copy_example_site(project)
    first = run_cli(["build"], cwd=project)
    assert first.returncode == 0, first.stderr

    page = page_of(project, FISHERIES)
    slug = page.stem
    markdown = page.read_text(encoding="utf-8")
    claim_id, claimant_slug = named_claim(markdown)
    # an actor seen in this briefing only, so its correction shows on its own pages
    single = [(name, a) for name, a in actor_rows(markdown) if a != claimant_slug and len(re.findall(r'href="\.\./\.\./briefings/', (project / "docs" / "actors" / f"{a}.md").read_text(encoding="utf-8"))) == 1]
    old_name, old_actor = single[-1]
    new_name = "Zorblat Maritime Inspectorate"

    note = run_cli(["note", slug], cwd=project)
    assert note.returncode == 0, note.stderr
    notes_file = project / note.stdout.strip()
    template = notes_file.read_text(encoding="utf-8")
    notes_text = template.replace(
        "status: draft\n",
        f"status: reviewed\nactors:\n  {old_name}:\n    rename: {new_name}\n"
        f"verdicts:\n  {claim_id}:\n    verdict: confirmed\n    note: Matches the [harbour log](https://example.org/log).\n",
    ) + f"\n# Checked\n\nThe editors called the ministry; {NOTE_WORD} confirmed the figures.\n"
    notes_file.write_text(notes_text, encoding="utf-8")

    edited_page = page_of(project, SANCTIONS)
    edited_text = edited_page.read_text(encoding="utf-8") + HAND_EDIT
    edited_page.write_text(edited_text, encoding="utf-8")
    before = contents(project / "docs")

    second = run_cli(["build"], cwd=project)
    assert second.returncode == 0, second.stderr
    after_second = contents(project / "docs")

    def check_notes_applied() -> str:
        text = page.read_text(encoding="utf-8")
        assert f"{NOTE_WORD} confirmed the figures" in text.split("\n## Notes\n", 1)[1]
        assert re.search(rf"\{{ #{claim_id} \}} <code class=\"bg-claim-id\"[^>]*>{claim_id}</code> \*\*✓ confirmed\*\*\{{ \.verdict \.verdict-confirmed \}}: Matches the \[harbour log\]\(https://example.org/log\)", text)
        rows = actor_rows(text)
        assert new_name in [name for name, _ in rows] and old_name not in [name for name, _ in rows]
        assert frontmatter.loads(text)["editorial_status"] == "reviewed"
        html = (project / "site" / "briefings" / slug / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'id="{claim_id}"[^>]*>¶ \d+</a> <code class="bg-claim-id"[^>]*>{claim_id}</code> <strong class="verdict verdict-confirmed">✓ confirmed</strong>: Matches the <a href="https://example.org/log">harbour log</a>', html)
        assert f"{NOTE_WORD} confirmed the figures" in html and ">Checked<" in html
        assert "reviewed</strong>" in html and new_name in html
        claimant_html = (project / "site" / "actors" / claimant_slug / "index.html").read_text(encoding="utf-8")
        assert "verdict-confirmed" in claimant_html
        index = json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert any(NOTE_WORD in doc["text"] and doc["location"].startswith(f"briefings/{slug}/") for doc in index["docs"])
        assert not (project / "docs" / "actors" / f"{old_actor}.md").exists()
        assert (project / "docs" / "actors" / "zorblat-maritime-inspectorate.md").is_file()
        # the hand edit is intact, in docs/ and on the site, and the build said what to do with it
        assert edited_page.read_text(encoding="utf-8") == edited_text
        assert "Brackenridge" in (project / "site" / "briefings" / edited_page.stem / "index.html").read_text(encoding="utf-8")
        assert notes_file.read_text(encoding="utf-8") == notes_text
        return text

    check_notes_applied()
    warning = next(line for line in second.stderr.splitlines() if str(Path("docs") / "briefings" / edited_page.name) in line)
    assert "edited by hand" in warning and str(Path("notes") / edited_page.name) in warning and "--force" in warning

    # nothing else changed: the other briefing pages are byte for byte the same, and every changed
    # page is one that shows the corrected actor, the verdict or the notes
    changed = {name for name in set(before) | set(after_second) if before.get(name) != after_second.get(name)}
    allowed = {
        f"briefings/{slug}.md",
        f"actors/{old_actor}.md",
        "actors/zorblat-maritime-inspectorate.md",
        f"actors/{claimant_slug}.md",
        "index.md",
        MANIFEST,
    }
    # claims lists and the briefing's publisher and author pages show the verdict too
    unexpected = {name for name in changed if name not in allowed and not name.startswith(("claims/", "actors/index.md", "sources/")) and not re.fullmatch(r"actors/[a-z]+-\d+\.md", name)}
    assert not unexpected, unexpected
    assert f"briefings/{slug}.md" in changed and "actors/zorblat-maritime-inspectorate.md" in changed

    # change the article (a new last paragraph) and build again
    article = project / "articles" / FISHERIES
    article.write_text(article.read_text(encoding="utf-8").rstrip("\n") + "\n\nThe harbour master said the two boats would stay in port until the court rules.\n", encoding="utf-8")
    third = run_cli(["build"], cwd=project)
    assert third.returncode == 0, third.stderr
    assert "court rules" in check_notes_applied()
    after_third = contents(project / "docs")
    for name, data in after_second.items():
        if name.startswith("briefings/") and name not in (f"briefings/{slug}.md", "briefings/index.md"):
            assert after_third.get(name) == data, name
    assert not [line for line in third.stderr.splitlines() if "warning" in line and str(notes_file.name) in line]

    # remove the article whose page was edited by hand: its page goes (a copy of the edit is kept),
    # its notes stay and the build lists them as orphaned
    sanctions_note = run_cli(["note", edited_page.stem], cwd=project)
    assert sanctions_note.returncode == 0, sanctions_note.stderr
    (project / "articles" / SANCTIONS).unlink()
    fourth = run_cli(["build"], cwd=project)
    assert fourth.returncode == 0, fourth.stderr
    assert not edited_page.exists()
    [saved] = [p for p in edited_page.parent.iterdir() if p.name.startswith(f".{edited_page.name}.backup-")]
    assert saved.read_text(encoding="utf-8") == edited_text
    assert (project / sanctions_note.stdout.strip()).is_file()
    orphan_lines = [line for line in fourth.stderr.splitlines() if "orphaned notes" in line]
    assert orphan_lines == [f"briefing-gen: orphaned notes (no briefing has this slug; kept): {sanctions_note.stdout.strip()}"]
    assert f"{NOTE_WORD} confirmed the figures" in page.read_text(encoding="utf-8")
