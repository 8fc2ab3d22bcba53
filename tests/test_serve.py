"""`briefing-gen serve`: a new article shows up in the running preview within seconds.

The server is started as a subprocess in its own process group on a free local port, in a copy of
the example site, and stopped by its process id (then, to be sure, its process group, which holds
only what this test started). Slow: spaCy, and MkDocs building the site on every change.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import copy_example_site

pytestmark = pytest.mark.slow

NEW_ARTICLE = """---
title: Velmora harbour opens a ferry terminal
date: 2026-04-02
author: Ines Calloway
---
The harbour authority of Velmora opened a new ferry terminal on Tuesday, officials said.

"This terminal will double our capacity," said port director Anika Marsh, who expects the first
ferries from Ostrava in May.
"""
NEW_SLUG = "velmora-harbour-opens-a-ferry-terminal"


def briefing_gen_command() -> list[str]:
    """The installed `briefing-gen` command (or `python -m briefing_gen`, the same entry point)."""
    script = Path(sys.executable).with_name("briefing-gen")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "briefing_gen"]




def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, ""


def wait_for(url: str, seconds: float, expect: str | None = None) -> float | None:
    """Seconds until `url` answers 200 (and holds `expect`), or None if it does not in time."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        status, body = fetch(url)
        if status == 200 and (expect is None or expect in body):
            return time.monotonic() - started
        time.sleep(0.2)
    return None


def stop(process: subprocess.Popen) -> None:
    """Stop the server by its process id; then make sure nothing of its process group is left."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # the group we created with start_new_session
    except ProcessLookupError:
        pass
    process.wait(timeout=15)


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_new_article_is_served_within_10_seconds(tmp_path, repo_root):
    project = tmp_path / "project"
    copy_example_site(project)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [*briefing_gen_command(), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, so the test can stop all of it and nothing else
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        assert wait_for(base, 180) is not None, (tmp_path / "serve.log").read_text(encoding="utf-8")[-3000:]
        assert process.poll() is None
        home_before = (project / "docs" / "index.md").read_bytes()

        (project / "articles" / "velmora-ferry.md").write_text(NEW_ARTICLE, encoding="utf-8")
        seconds = wait_for(f"{base}briefings/{NEW_SLUG}/", 10, expect="Velmora harbour opens a ferry terminal")
        assert seconds is not None, (tmp_path / "serve.log").read_text(encoding="utf-8")[-3000:]
        print(f"new article served after {seconds:.1f}s")

        page = (project / "docs" / "briefings" / f"{NEW_SLUG}.md").read_text(encoding="utf-8")
        assert "Anika Marsh" in page
        assert (project / "docs" / "index.md").read_bytes() != home_before  # the home page lists it too
        output = (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert "1 article extracted" in output  # only the new article was extracted again
        assert "Serving on" in output and "not included in the" not in output  # not MkDocs' listing of every page
        assert len(output.splitlines()) < 40, output
    finally:
        stop(process)
        log.close()
    assert not group_alive(process.pid)  # mkdocs serve, our child, is gone too


def test_incremental_regeneration_matches_a_full_build(tmp_path, repo_root, monkeypatch):
    """What serve writes after a change (re-extracting only that article) is exactly what a full
    build writes, including slugs that depend on the other titles."""
    from briefing_gen.config import BuildOptions
    from briefing_gen.pipeline.run import run_build
    from briefing_gen.site.serve import Changes, Preview

    def project(name: str) -> Path:
        folder = tmp_path / name
        copy_example_site(folder)
        return folder

    options = BuildOptions(build_site=False)  # the default folders, relative to the project

    live = project("live")
    monkeypatch.chdir(live)
    said: list[str] = []
    preview = Preview(options, say=said.append)
    assert preview.regenerate() is not None
    # a second article with the same title as the new one: the slug order must match a full build
    (live / "articles" / "velmora-ferry.md").write_text(NEW_ARTICLE, encoding="utf-8")
    (live / "articles" / "a-velmora-copy.txt").write_text(
        "Velmora harbour opens a ferry terminal\n\nA different text under the same title, said the port director Anika Marsh.\n",
        encoding="utf-8",
    )
    (live / "notes").mkdir()
    (live / "notes" / f"{NEW_SLUG}.md").write_text("---\nstatus: reviewed\n---\nA note.\n", encoding="utf-8")
    report = preview.regenerate(Changes(articles=True, notes=True))
    assert report is not None and not report.warnings
    assert "regenerated" in said[-1] and "2 articles extracted" in said[-1]

    full = project("full")
    shutil.copy(live / "articles" / "velmora-ferry.md", full / "articles")
    shutil.copy(live / "articles" / "a-velmora-copy.txt", full / "articles")
    shutil.copytree(live / "notes", full / "notes")
    monkeypatch.chdir(full)
    run_build(options)
    monkeypatch.chdir(live)

    def docs(folder: Path) -> dict[str, bytes]:
        return {str(p.relative_to(folder / "docs")): p.read_bytes() for p in (folder / "docs").rglob("*") if p.is_file()}

    live_docs, full_docs = docs(live), docs(full)
    assert sorted(live_docs) == sorted(full_docs)
    assert [name for name in live_docs if live_docs[name] != full_docs[name]] == []
    assert f"briefings/{NEW_SLUG}-2.md" in live_docs

    # an unchanged tree rewrites nothing; a broken notes file leaves the pages as they are
    before = {p: p.stat().st_mtime_ns for p in (live / "docs").rglob("*.md")}
    again = preview.regenerate(Changes(notes=True))
    assert again.written.written == []
    (live / "notes" / f"{NEW_SLUG}.md").write_text("---\nstatus: [\n---\n", encoding="utf-8")
    assert preview.regenerate(Changes(notes=True)) is None
    assert any("invalid YAML front matter" in line for line in said)
    assert {p: p.stat().st_mtime_ns for p in (live / "docs").rglob("*.md")} == before


def test_serve_merges_copies_of_one_article_as_build_does(tmp_path, monkeypatch):
    """The preview runs the build's pipeline: the same article saved twice is one briefing there too."""
    from briefing_gen.config import BuildOptions
    from briefing_gen.site.serve import Changes, Preview

    copy_example_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    said: list[str] = []
    preview = Preview(BuildOptions(build_site=False), say=said.append)
    assert preview.regenerate() is not None
    (tmp_path / "articles" / "velmora-ferry.md").write_text(NEW_ARTICLE, encoding="utf-8")
    (tmp_path / "articles" / "velmora-ferry-saved-again.md").write_text(NEW_ARTICLE, encoding="utf-8")
    report = preview.regenerate(Changes(articles=True))
    assert report is not None and len(report.merges) == 1
    velmora = sorted(p.name for p in (tmp_path / "docs" / "briefings").glob("velmora-*.md"))
    assert velmora == [f"{NEW_SLUG}.md"]
