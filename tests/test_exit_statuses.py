"""Output that cannot be written and settings that are wrong end with one line naming the path and
the problem, and an exit status of their own (README.md lists them), never a traceback."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from briefing_gen.cli import EXIT_FILES_SKIPPED, EXIT_OUTPUT, EXIT_SETTINGS

ARTICLE = (
    "Harbour Talks Resume\n\n"
    "The port authority of Tallinn said on Monday that ferries to Riga would sail again from May, after ten days of talks "
    "with the shipping lines about fees and berths.\n"
)


def project_with_one_article(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "tallinn.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def error_lines(result: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("briefing-gen: error:")]


def test_a_file_where_the_briefings_folder_belongs(tmp_path, run_cli):
    project = project_with_one_article(tmp_path)
    (project / "docs").mkdir()
    (project / "docs" / "briefings").write_text("not a folder", encoding="utf-8")
    result = run_cli(["build", "--no-site", "--no-cache"], cwd=project)
    assert result.returncode == EXIT_OUTPUT
    (line,) = error_lines(result)
    assert "docs/briefings" in line and "a file stands where a folder is needed" in line
    assert (project / "docs" / "briefings").read_text(encoding="utf-8") == "not a folder"  # nothing overwritten


def test_a_folder_where_a_page_belongs(tmp_path, run_cli):
    project = project_with_one_article(tmp_path)
    (project / "docs" / "briefings" / "harbour-talks-resume.md").mkdir(parents=True)
    result = run_cli(["build", "--no-site", "--no-cache"], cwd=project)
    assert result.returncode == EXIT_OUTPUT
    (line,) = error_lines(result)
    assert "harbour-talks-resume.md" in line and "a folder stands where a file is needed" in line


def test_a_site_folder_inside_a_file(tmp_path, run_cli, repo_root):
    project = project_with_one_article(tmp_path)
    (project / "mkdocs.yml").write_text((repo_root / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "output").write_text("a file", encoding="utf-8")
    result = run_cli(["build", "--no-cache", "--site", "output/site"], cwd=project)
    assert result.returncode == EXIT_OUTPUT
    (line,) = error_lines(result)
    assert "output" in line and "a file stands where a folder is needed" in line


@pytest.mark.parametrize(
    "entry, problem",
    [
        ("link: 12345", "'link' must be a web address (http or https), not 12345"),
        ("link: \"javascript:alert(1)\"", "'link' must be a web address"),
        ("description: [a, b]", "'description' must be text"),
    ],
)
def test_wrong_actors_file(tmp_path, run_cli, entry, problem):
    project = project_with_one_article(tmp_path)
    (project / "actors.yml").write_text(f"- name: Harbour Council\n  type: organization\n  {entry}\n", encoding="utf-8")
    result = run_cli(["build", "--no-site", "--no-cache"], cwd=project)
    assert result.returncode == EXIT_SETTINGS
    (line,) = error_lines(result)
    assert "actors.yml" in line and "Harbour Council" in line and problem in line


def test_a_full_disk(tmp_path, run_cli):
    """docs/ on a file system of 64 KB, which the pages do not fit in."""
    project = project_with_one_article(tmp_path)
    # 90 KB of text with no one quoted in it: the page holds it whole, and finding claims in it is quick
    (project / "articles" / "long.txt").write_text("Harbour Fees\n\n" + "Harbour fees rose by four percent in the spring of this year. " * 1500, encoding="utf-8")
    docs = project / "docs"
    docs.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(docs)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        result = run_cli(["build", "--no-site", "--no-cache"], cwd=project)
    finally:
        subprocess.run(["umount", str(docs)], check=True)
    assert result.returncode == EXIT_OUTPUT
    (line,) = error_lines(result)
    assert "docs" in line and "the disk is full" in line


def test_skipped_files_keep_their_own_status(tmp_path, run_cli):
    project = project_with_one_article(tmp_path)
    (project / "articles" / "empty.txt").write_bytes(b"")
    result = run_cli(["build", "--no-site", "--no-cache"], cwd=project)
    assert result.returncode == EXIT_FILES_SKIPPED
    assert (project / "docs" / "briefings" / "harbour-talks-resume.md").is_file()


def test_every_problem_of_the_actors_file_at_once(tmp_path, run_cli):
    project = project_with_one_article(tmp_path)
    (project / "actors.yml").write_text(
        "- name: Harbour Council\n  type: company\n  link: 12345\n- type: person\n- name: Anna Berg\n  type: person\n", encoding="utf-8"
    )
    result = run_cli(["build", "--no-site", "--no-cache"], cwd=project)
    assert result.returncode == EXIT_SETTINGS
    lines = error_lines(result)
    assert [line.split("actors.yml: ", 1)[1] for line in lines] == [
        "actor 'Harbour Council' has type 'company', expected one of person, state, organization, group, media, place, other",
        "actor 'Harbour Council': 'link' must be a web address (http or https), not 12345",
        "actor #2 needs a 'name'",
    ]
