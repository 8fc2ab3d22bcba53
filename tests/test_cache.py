"""The build cache (`briefing_gen.pipeline.cache`): a rebuild with nothing changed analyses nothing and
rewrites nothing; one changed article is extracted again alone; a new actors.yml, reference data or
extraction code is a miss. The fast tests check keys and entries; the slow ones build with spaCy."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from briefing_gen.extract.reference import load_reference
from briefing_gen.model import Actor, AlsoPublished, Article, Briefing, Claim, Link, Paragraph
from briefing_gen.pipeline import cache as cache_module
from briefing_gen.pipeline.cache import BuildCache, CachingRegistry

REPO_ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ["plain-water-summit.txt", "md-sanctions-vote.md", "gr-baltic-interconnector.txt", "wire-fisheries-row.txt"]


def sample_briefing() -> Briefing:
    article = Article(
        source="articles/x.md", title="A *title*", authors=["A. Writer"], published="2026-01-02", regions=["Europe"],
        paragraphs=[
            Paragraph("See the report by the [agency] here.", links=[Link(8, 14, "https://example.org/r?a=1&b=2")]),
            Paragraph("Heading", kind="heading"),
            Paragraph("An item", kind="item"),
        ],
        layout="markdown", genre="analysis", description="Standfirst",
        also_published=[AlsoPublished(source="articles/y.txt", publisher="Other", published=None, url="https://example.org/y")],
    )
    return Briefing(
        article=article, slug="a-title", summary=["One."], key_points=["Point"],
        actors=[Actor(name="Estonia", type="state", aliases=["Tallinn"], mentions=3, role=None)],
        claims=[Claim(id="c-1", text="it is so", claimant="Estonia", kind="statement", cue="say", paragraph=0, sentence="Estonia said it is so.")],
    )


def test_briefing_round_trip_restores_paragraphs_links_and_copies():
    briefing = sample_briefing()
    data = json.loads(json.dumps(asdict(briefing)))
    assert Briefing.from_dict(data) == briefing
    assert Article.from_dict(data["article"]) == briefing.article
    restored = Briefing.from_dict({k: v for k, v in data.items() if k != "article"}, article=briefing.article)
    assert restored.article is briefing.article and restored == briefing
    assert isinstance(restored.article.paragraphs[0].links[0], Link)
    assert isinstance(Article.from_dict(data["article"]).also_published[0], AlsoPublished)


def test_read_articles_round_trip(registry):
    for name in ARTICLES:
        article = registry.read(REPO_ROOT / "articles" / name)
        assert Article.from_dict(json.loads(json.dumps(asdict(article)))) == article


def test_cache_entries_keys_and_pruning(tmp_path):
    reference = load_reference()
    cache = BuildCache(tmp_path / "cache", reference)
    briefing = sample_briefing()
    key = cache.extract_key(briefing.article)
    assert cache.get_briefing(briefing.article, key) is None and cache.extract_misses == 1
    cache.put_briefing(briefing, key)
    again = BuildCache(tmp_path / "cache", reference)
    found = again.get_briefing(briefing.article)
    assert found is not None and found.slug == "" and found.article is briefing.article
    found.slug = briefing.slug
    assert found == briefing
    # Anything the extraction depends on changes the key.
    changed = Article.from_dict({**asdict(briefing.article), "title": "Another"})
    assert again.extract_key(changed) != key
    editor = tmp_path / "actors.yml"
    editor.write_text("- name: Kadri Vaher\n  type: person\n", encoding="utf-8")
    assert BuildCache(tmp_path / "cache", load_reference(editor)).extract_key(briefing.article) != key
    # A damaged entry is a miss, not an error.
    entry = next((tmp_path / "cache" / "extract").rglob("*.json"))
    entry.write_text("{not json", encoding="utf-8")
    assert BuildCache(tmp_path / "cache", reference).get_briefing(briefing.article) is None
    # Entries a build did not use are removed at its end.
    unused = BuildCache(tmp_path / "cache", reference)
    assert unused.prune() == 1 and not list((tmp_path / "cache").rglob("*.json"))


def test_code_change_changes_the_key(tmp_path, monkeypatch):
    reference = load_reference()
    article = sample_briefing().article
    before = BuildCache(tmp_path, reference).extract_key(article)
    monkeypatch.setattr(cache_module, "code_hash", lambda patterns: "changed" if "extract/*.py" in patterns else "same")
    assert BuildCache(tmp_path, reference).extract_key(article) != before


def test_caching_registry_reads_each_file_once(tmp_path, registry):
    path = tmp_path / "a.txt"
    path.write_text("A Title\n\nBy Someone\n\nSome text of the article that is long enough to be a paragraph.\n", encoding="utf-8")
    cache = BuildCache(tmp_path / "cache", load_reference())
    first = CachingRegistry(registry, cache).read(path)
    second_cache = BuildCache(tmp_path / "cache", load_reference())
    second = CachingRegistry(registry, second_cache).read(path)
    assert second == first and second_cache.read_hits == 1
    path.write_text(path.read_text(encoding="utf-8") + "\nMore text.\n", encoding="utf-8")
    third_cache = BuildCache(tmp_path / "cache", load_reference())
    CachingRegistry(registry, third_cache).read(path)
    assert third_cache.read_misses == 1


# Builds with spaCy ------------------------------------------------------------------------------------


def make_site(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    for name in ARTICLES:
        shutil.copy(REPO_ROOT / "articles" / name, root / "articles" / name)
    (root / "mkdocs.yml").write_text("site_name: Cache test\n", encoding="utf-8")
    return root


BUILD = """
import json, sys
from pathlib import Path
from briefing_gen.config import BuildOptions
from briefing_gen.pipeline.run import run_build
report = run_build(BuildOptions(build_site=False, jobs=1))
parse = sys.modules.get("briefing_gen.extract.parse")
print(json.dumps({"cached": report.cached, "extracted": report.extracted, "written": sorted(report.written.written),
                  "unchanged": len(report.written.unchanged), "warnings": report.warnings,
                  "spacy": "spacy" in sys.modules, "loads": parse.MODEL_LOADS if parse else 0}))
"""


def build(site: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", BUILD], cwd=site, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def docs_bytes(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted((site / "docs").rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_rebuilds_use_the_cache(tmp_path):
    site = make_site(tmp_path / "site")
    first = build(site)
    assert (first["extracted"], first["cached"]) == (len(ARTICLES), 0) and first["loads"] == 1
    pages = docs_bytes(site)

    # Nothing changed: no language analysis at all (spaCy is not even imported), and no page
    # written.
    second = build(site)
    assert (second["extracted"], second["cached"]) == (0, len(ARTICLES))
    assert second["loads"] == 0 and second["spacy"] is False
    assert second["written"] == [] and docs_bytes(site) == pages

    # A page touched without a change makes the build render every page again: the pages rendered
    # from the cached briefings are byte for byte the ones the extracted briefings gave.
    touched = site / "docs" / "index.md"
    touched.write_bytes(touched.read_bytes())
    again = build(site)
    assert again["written"] == [] and again["unchanged"] == second["unchanged"] and docs_bytes(site) == pages

    # One article changed: only it is extracted again.
    changed = site / "articles" / "plain-water-summit.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe ministers will meet again in June, officials said.\n", encoding="utf-8")
    third = build(site)
    assert (third["extracted"], third["cached"]) == (1, len(ARTICLES) - 1)
    assert any(page.startswith("briefings/central-asian-leaders") for page in third["written"])

    # The editor's actors.yml is part of every key.
    (site / "actors.yml").write_text("- name: Almaz Tursunbekov\n  type: person\n  description: Energy minister\n", encoding="utf-8")
    fourth = build(site)
    assert (fourth["extracted"], fourth["cached"]) == (len(ARTICLES), 0)


@pytest.mark.slow
def test_unchanged_rebuild_still_sees_every_change_to_pages_notes_and_settings(tmp_path):
    """A rebuild from the same inputs renders nothing, so everything else that shapes the pages, and
    every page an editor touched, must still be noticed."""
    site = make_site(tmp_path / "site")
    build(site)
    docs = site / "docs"
    page = next(p for p in sorted((docs / "briefings").glob("*.md")) if p.name != "index.md")
    generated = page.read_text(encoding="utf-8")

    # An edit by hand is kept and reported, on this build and on the next.
    page.write_text(generated + "\nAn editor's line.\n", encoding="utf-8")
    for _ in range(2):
        report = build(site)
        assert any(str(page.name) in line and "edited by hand" in line for line in report["warnings"]), report["warnings"]
        assert page.read_text(encoding="utf-8").endswith("An editor's line.\n")

    # A deleted page comes back as it was generated.
    page.unlink()
    report = build(site)
    assert f"briefings/{page.name}" in report["written"] and page.read_text(encoding="utf-8") == generated
    actor_page = next(p for p in sorted((docs / "actors").glob("*.md")) if p.name != "index.md")
    actor_page.unlink()
    assert build(site)["written"] == [f"actors/{actor_page.name}"] and actor_page.is_file()

    # A new notes file reaches its briefing page.
    (site / "notes").mkdir()
    (site / "notes" / page.name).write_text("The ministry denied the figures on Friday.\n", encoding="utf-8")
    report = build(site)
    assert report["written"] == [f"briefings/{page.name}"]
    assert "The ministry denied the figures on Friday." in page.read_text(encoding="utf-8")

    # A new site name reaches the home page.
    (site / "mkdocs.yml").write_text("site_name: Renamed briefings\n", encoding="utf-8")
    report = build(site)
    assert "index.md" in report["written"] and (docs / "index.md").read_text(encoding="utf-8").count("# Renamed briefings") == 1
    assert build(site)["written"] == []
