"""`briefing-gen init DIR` makes a site that builds at once and never overwrites anything; a build
reports its progress through the `progress` callback and `--quiet` / `--verbose` change how much."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from briefing_gen.cli import ProgressPrinter, main
from briefing_gen.config import BuildOptions
from briefing_gen.pipeline.run import Progress, run_build
from briefing_gen.site.scaffold import ScaffoldError, create_site, skeleton_files

EXPECTED = {".gitignore", "actors.yml", "mkdocs.yml", "notes/.gitkeep"}


def run_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "briefing_gen", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=env, timeout=600
    )


def test_skeleton_holds_the_site_files():
    names = {name for name, _ in skeleton_files()}
    assert EXPECTED <= names
    assert [n for n in names if n.startswith("articles/") and n.endswith(".md")]


def test_init_creates_a_site_folder(tmp_path):
    target = tmp_path / "new" / "site"
    written = create_site(target)
    assert EXPECTED <= set(written)
    assert (target / "notes").is_dir() and list((target / "articles").glob("*.md"))
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert "assets/briefing.css" in config and "site_name:" in config
    # actors.yml holds only comments: valid and empty until an editor uncomments the example
    actors = (target / "actors.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(actors) is None and "# - name:" in actors
    assert "/site/" in (target / ".gitignore").read_text(encoding="utf-8")


def test_init_into_an_existing_empty_folder(tmp_path):
    assert EXPECTED <= set(create_site(tmp_path))


def test_init_refuses_a_non_empty_folder_and_changes_nothing(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("mine\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="not empty"):
        create_site(tmp_path)
    assert main(["init", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml"]


def test_init_refuses_a_file(tmp_path):
    path = tmp_path / "file"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="not a folder"):
        create_site(path)


def test_init_command_prints_the_next_step(tmp_path, capsys):
    assert main(["init", str(tmp_path / "x")]) == 0
    out = capsys.readouterr().out
    assert "briefing-gen build" in out and "mkdocs.yml" in out


def test_progress_printer_levels():
    import io

    messages = [Progress("reading 3 article files", "read", 0, 3)]
    messages += [Progress(f"extracted {i}/3: a{i}.txt (1 actors, 0 claims)", "extract", i, 3, detail=True) for i in (1, 2, 3)]
    messages += [Progress("error: bad.txt: empty", "error"), "a plain string still works"]

    def printed(level: int) -> list[str]:
        stream = io.StringIO()
        printer = ProgressPrinter(level, stream=stream, interval=3600)
        for message in messages:
            printer(message)
        return stream.getvalue().splitlines()

    assert printed(-1) == []
    normal = printed(0)
    assert "extracted 3/3 articles" in normal  # the count, throttled, always the last one
    assert not any("a1.txt" in line for line in normal)
    assert "a plain string still works" in normal
    # An unreadable file gets exactly one line, in the final report, not a second one here.
    assert not any("bad.txt" in line for line in normal + printed(1))
    verbose = printed(1)
    assert sum("extracted" in line and ".txt" in line for line in verbose) == 3


@pytest.mark.slow
def test_new_site_builds_at_once_with_progress_and_report(tmp_path):
    site = tmp_path / "x"
    result = run_cli(["init", str(site)], cwd=tmp_path)
    assert result.returncode == 0, result.stderr

    events: list[Progress] = []
    options = BuildOptions(
        articles_dir=site / "articles", docs_dir=site / "docs", site_dir=site / "site",
        config_file=site / "mkdocs.yml", actors_file=site / "actors.yml", build_site=False,
    )
    if hasattr(options, "notes_dir"):
        options.notes_dir = site / "notes"
    report = run_build(options, progress=events.append)
    assert [e.stage for e in events][:2] == ["read", "extract"]
    assert events[1].done == 1 and events[1].total == 1 and events[1].detail
    assert "write" in [e.stage for e in events]
    assert report.built and not report.errors and report.actor_count > 0 and report.claim_count > 0
    assert set(report.timings) >= {"extract", "write"}

    quiet = run_cli(["build", "--quiet"], cwd=site)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout == "" and quiet.stderr == ""
    assert (site / "site" / "index.html").is_file()
    assert (site / "site" / "assets" / "briefing.css").is_file()
    home = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "assets/briefing.css" in home and "bg-chart--timeline" in home

    verbose = run_cli(["build", "--verbose"], cwd=site)
    assert verbose.returncode == 0, verbose.stderr
    assert "extracted 1/1: " in verbose.stderr
    assert "building the site" in verbose.stderr and "site built in" in verbose.stderr
    assert "1 briefing built, 0 files skipped" in verbose.stdout and "time: extract" in verbose.stdout
    assert "site built (builtin search)" in verbose.stdout
    # the site's build time is said once (by the progress line), the whole build's once
    assert (verbose.stdout + verbose.stderr).count("site built in") == 1 and verbose.stdout.count("in all") == 1

    normal = run_cli(["build", "--no-site"], cwd=site)
    assert "extracted 1/1 articles" in normal.stderr
    assert "1 briefing built" in normal.stdout


def test_command_alone_and_version(run_cli, tmp_path):
    import briefing_gen

    alone = run_cli([], cwd=tmp_path)
    assert alone.returncode == 0 and alone.stderr == ""
    assert alone.stdout.startswith("usage: briefing-gen") and "build" in alone.stdout and "serve" in alone.stdout
    version = run_cli(["--version"], cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.strip() == f"briefing-gen {briefing_gen.__version__}"


def test_serve_quiet_keeps_only_problems(capsys):
    from briefing_gen.cli import serve_messages

    assert serve_messages(0) is None and serve_messages(1) is None  # serve's own default: everything
    say = serve_messages(-1)
    say("regenerated in 0.4s: 1 article extracted, 3 pages written, 0 removed")
    say("briefing-gen: warning: a correction matched nothing")
    say("briefing-gen: articles/x.txt: empty file")
    assert capsys.readouterr().err == "briefing-gen: articles/x.txt: empty file\n"
