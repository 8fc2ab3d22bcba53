"""The built site is replaced whole: a build killed while MkDocs writes leaves the old site exactly
as it was, and two builds of one site at once run one after the other."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_example_site
from test_atomic_writes import kill_build_when

pytestmark = pytest.mark.slow
ADDED = "\n\nThe harbour master added on Tuesday that the new berths would open to cargo ships in the spring.\n"


def command() -> list[str]:
    script = Path(sys.executable).with_name("briefing-gen")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "briefing_gen"]


def snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()}


def unfinished(project: Path) -> list[Path]:
    return sorted(project.glob(".site.*"))


def test_killed_site_build_leaves_the_old_site_whole(tmp_path):
    project = tmp_path / "project"
    copy_example_site(project)
    subprocess.run([*command(), "build", "--quiet"], cwd=project, check=True, capture_output=True, timeout=600)
    before = snapshot(project / "site")
    assert "index.html" in before

    article = sorted((project / "articles").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    # Killed once MkDocs has written part of the new site (its pages come after the theme's assets).
    kill_build_when(project, ["build", "--quiet"], lambda: any((folder / "assets").is_dir() for folder in unfinished(project)))
    assert snapshot(project / "site") == before

    result = subprocess.run([*command(), "build", "--quiet"], cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    after = snapshot(project / "site")
    assert after != before and "index.html" in after
    assert any("new berths would open to cargo ships" in p.read_text(encoding="utf-8") for p in (project / "site" / "briefings").rglob("*.html"))
    assert unfinished(project) == []  # the killed build's folder was removed


def test_two_builds_of_one_site_run_one_after_the_other(tmp_path):
    project = tmp_path / "project"
    copy_example_site(project)
    runs = [
        subprocess.Popen([*command(), "build", "--no-cache"], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=900) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err[-2000:] for _, err in outputs]
    waited = [err for _, err in outputs if "waiting for another build of this site to finish" in err]
    assert len(waited) == 1, [err[-1000:] for _, err in outputs]
    assert (project / "site" / "index.html").is_file() and unfinished(project) == []


def test_only_the_folders_of_unfinished_builds_are_removed(tmp_path):
    from briefing_gen.site.writer import remove_unfinished_sites

    site = tmp_path / "my.site"
    kept = [site, tmp_path / ".my.site.notes", tmp_path / ".my.site.backup-1"]
    removed = [tmp_path / ".my.site.new-a1b2", tmp_path / ".my.site.old-c3d4"]
    for folder in kept + removed:
        folder.mkdir()
    remove_unfinished_sites(site)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in kept)
