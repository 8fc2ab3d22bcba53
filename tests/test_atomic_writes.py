"""A build killed with SIGKILL at any moment leaves every page and notes file whole: old or new.

Each build runs as a subprocess (in its own process group, which is all the test ever kills) and is
killed while it is writing pages, seen from outside by pages appearing in docs/. Every page carries
a hash of its whole generated text (`generated_hash`), so "whole" is checked exactly: a page cut
short would not match its own hash. Slow: each run extracts with spaCy before it writes.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import frontmatter
import pytest
from conftest import copy_example_site

from briefing_gen.pipeline.stories import STORIES_RECORD
from briefing_gen.site.build import MANIFEST, SLUGS_RECORD
from briefing_gen.site.stamp import PageState, page_state

pytestmark = pytest.mark.slow

TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
BACKUP = re.compile(r"^\..+\.md\.backup-\d{8}T\d{6}Z(-\d+)?$")
NOTE = "---\nstatus: reviewed\nverdicts: {}\n---\n# Checked\n\nThe editors' own words, {n}.\n"


def briefing_gen_command() -> list[str]:
    """The installed `briefing-gen` command (or `python -m briefing_gen`, the same entry point)."""
    script = Path(sys.executable).with_name("briefing-gen")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "briefing_gen"]




def pages(docs: Path) -> list[Path]:
    """The generated pages (not the hand-written ones under docs/about/)."""
    return [p for p in docs.rglob("*.md") if not p.name.startswith(".") and p.relative_to(docs).parts[0] != "about"]


def hidden(docs: Path) -> list[Path]:
    return [p for p in docs.rglob(".*") if p.is_file() and p.name not in (MANIFEST, SLUGS_RECORD, STORIES_RECORD)]


def kill_build_when(project: Path, args: list[str], ready, timeout: float = 300) -> subprocess.CompletedProcess:
    """Start `briefing-gen ARGS`, SIGKILL it as soon as `ready()` holds; fail if it ended first."""
    process = subprocess.Popen(
        [*briefing_gen_command(), *args], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + timeout
        while not ready():
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode("utf-8", "replace")
                pytest.fail(f"the build ended (status {process.returncode}) before it could be killed while writing:\n{output[-2000:]}")
            time.sleep(0.002)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL  # killed, not finished
    return process


def check_whole(docs: Path, notes: dict[Path, bytes], old: dict[Path, str] | None = None) -> dict[str, int]:
    """Every page parses and is exactly what a build generated (or, with `old`, exactly the old
    text); every hidden file is a temporary file or a complete backup; notes are untouched."""
    counts = {"new": 0, "old": 0, "temporary": 0, "backup": 0}
    for page in pages(docs):
        text = page.read_text(encoding="utf-8")
        frontmatter.loads(text)  # the front matter loads
        if old is not None and text == old.get(page):
            counts["old"] += 1
        else:
            assert page_state(text) is PageState.GENERATED, page
            counts["new"] += 1
    for path in hidden(docs):
        if TEMPORARY.match(path.name):
            counts["temporary"] += 1  # left by the kill; a dot file, so MkDocs skips it
        else:
            assert BACKUP.match(path.name), path
            original = path.parent / path.name[1:].split(".backup-")[0]
            assert old is not None and path.read_text(encoding="utf-8") == old[original], path
            counts["backup"] += 1
    manifest = docs / MANIFEST
    if manifest.exists():
        assert isinstance(json.loads(manifest.read_text(encoding="utf-8")), list)
    for record in (SLUGS_RECORD, STORIES_RECORD):
        if (docs / record).exists():
            assert isinstance(json.loads((docs / record).read_text(encoding="utf-8")), dict)
    for path, data in notes.items():
        assert path.read_bytes() == data
        frontmatter.load(path)
    return counts


def test_killed_builds_leave_every_file_whole(tmp_path, repo_root, run_cli):
    project = tmp_path / "project"
    copy_example_site(project)
    docs, notes_dir = project / "docs", project / "notes"
    notes_dir.mkdir()
    for n in range(3):  # the build only reads notes; an orphaned one is fine
        (notes_dir / f"note-{n}.md").write_text(NOTE.replace("{n}", str(n)), encoding="utf-8")
    notes = {p: p.read_bytes() for p in notes_dir.iterdir()}

    # 1. A first build, killed once a few pages exist.
    kill_build_when(project, ["build", "--no-site"], lambda: len(pages(docs)) >= 5)
    first = check_whole(docs, notes)
    assert first["new"] >= 5

    # 2. Build on from there, killed again later in its writing.
    kill_build_when(project, ["build", "--no-site"], lambda: len(pages(docs)) >= first["new"] + 20)
    second = check_whole(docs, notes)
    assert second["new"] > first["new"]

    # 3. A complete build, then every page edited by hand, then a --force build, which backs up and
    # replaces every page, killed half way: each page is the edited one or the new one, never a mix.
    result = run_cli(["build", "--no-site"], cwd=project)
    assert result.returncode == 0, result.stderr
    total = len(pages(docs))
    old = {}
    for page in pages(docs):
        old[page] = page.read_text(encoding="utf-8") + "\nEdited by hand.\n"
        page.write_text(old[page], encoding="utf-8")
    kill_build_when(project, ["build", "--no-site", "--force"], lambda: len([p for p in hidden(docs) if BACKUP.match(p.name)]) >= total // 3)
    third = check_whole(docs, notes, old)
    assert third["backup"] >= total // 3
    assert third["new"] >= 1 and third["old"] >= 1, third  # killed in the middle of the replacing

    # 4. What a killed build leaves behind does not bother the next build, nor MkDocs: temporary
    # files and backups are dot files, which it neither builds nor copies into the site.
    leftovers = [p.name for p in hidden(docs)]
    print(f"killed at: {first}, {second}, {third}; {len(leftovers)} hidden files left; {total} pages")
    result = run_cli(["build", "--force"], cwd=project)
    assert result.returncode == 0, result.stderr
    final = check_whole(docs, notes, old)
    assert final["old"] == 0 and final["new"] == total
    published = {p.name for p in (project / "site").rglob("*")}
    assert not [name for name in leftovers if name in published or name.lstrip(".") in published]
    assert not [name for name in published if name.endswith(".tmp") or ".backup-" in name]
