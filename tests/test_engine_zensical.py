"""Zensical as the second engine: `briefing-gen build --engine zensical` builds the example site
from the same docs/ and mkdocs.yml, and a briefing page shows what MkDocs' does."""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[1]
SLUG = "amber-link-how-a-baltic-power-cable-became-a-geopolitical-tripwire"
NOTE = "Editors checked the cable's route against the grid operator's map."


def text_of(page: Path) -> str:
    source = page.read_text(encoding="utf-8")
    article = source[source.index("<article"):source.index("</article>")]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", article)))


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    pytest.importorskip("zensical")
    project = tmp_path_factory.mktemp("zensical")
    shutil.copytree(REPO_ROOT / "articles", project / "articles")
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("overrides", "docs/about"):
        if (REPO_ROOT / folder).is_dir():
            shutil.copytree(REPO_ROOT / folder, project / folder)
    (project / "notes").mkdir()
    (project / "notes" / f"{SLUG}.md").write_text(f"---\nstatus: reviewed\n---\n\n{NOTE}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "briefing_gen", "build", "--quiet", "--engine", "zensical"],
        cwd=project, capture_output=True, text=True, encoding="utf-8", env=env, timeout=1200,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert not list(project.glob(".briefing-gen-*.yml")), "the temporary configuration was left behind"
    return project / "site"


def test_zensical_builds_the_briefing_pages(zensical_site):
    assert (zensical_site / "index.html").is_file()
    assert (zensical_site / "search.json").is_file()  # Zensical's own search index, not MkDocs'
    page = zensical_site / "briefings" / SLUG / "index.html"
    text = text_of(page)
    for heading in ("Summary", "Actors", "Claims", "Notes"):
        assert re.search(rf"\b{heading}\b", text), heading
    assert "Estonia" in text  # an actor
    assert NOTE in text
    assert "Reviewed" in text or "reviewed" in text  # the notes' status
    source = page.read_text(encoding="utf-8")
    assert 'class="md-tag"' in source  # the tags row (Zensical 0.0.73 keeps it)


def test_unknown_engine_is_a_wrong_option():
    from briefing_gen.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--engine", "hugo"])
    assert exit_info.value.code == 2
