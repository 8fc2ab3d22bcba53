"""The benchmark's generator makes readable, varied, deterministic articles; the runner runs every
step and prints its ratios (`bench/run.py --quick`, slow: spaCy, MkDocs and Pagefind)."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(REPO_ROOT))

from bench.generate import edit_article, generate, make_article  # noqa: E402


def test_generator_is_deterministic_and_readable(tmp_path, registry):
    first = generate(tmp_path / "a", 12, seed=3)
    second = generate(tmp_path / "b", 12, seed=3)
    assert [p.name for p in first] == [p.name for p in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second))
    assert make_article(5, seed=3).title == make_article(5, seed=3).title != make_article(5, seed=4).title
    layouts = Counter()
    for path in first:
        article = registry.read(path)
        layouts[article.layout] += 1
        words = sum(len(p.text.split()) for p in article.paragraphs)
        assert article.title and article.published and article.authors, path.name
        assert 250 <= words <= 1700, (path.name, words)
    assert len(layouts) == 3, layouts  # plain text, Global Research text and Markdown
    text = " ".join(p.read_text(encoding="utf-8") for p in first)
    for mark in ('"', "“", "”", "%", " said that ", "According to "):
        assert mark in text
    edited = first[0].read_text(encoding="utf-8")
    edit_article(first[0], seed=3)
    assert first[0].read_text(encoding="utf-8") != edited and registry.read(first[0]).title


def test_visible_length_counts_what_a_reader_sees():
    from bench.run import visible_length

    page = (
        "---\ntitle: T\n---\n# Grain\n\n"
        '<table><tr><td><a href="../../actors/egypt/">Egypt</a></td></tr></table>\n\n'
        "See [the report](https://example.org/r).\n{ #p-0 }\n"
    )
    assert visible_length(page) == len("# Grain\n\nEgypt\n\nSee [the report].\n\n")


def run_quick_bench() -> tuple[subprocess.CompletedProcess, dict | None]:
    """`bench/run.py --quick` in a folder of its own: its output and its JSON (None if it wrote none)."""
    with tempfile.TemporaryDirectory(prefix="bench-quick-") as folder:
        out = Path(folder) / "bench.json"
        result = subprocess.run(
            [sys.executable, str(REPO_ROOT / "bench" / "run.py"), "--quick", "--work", str(Path(folder) / "work"), "--json", str(out)],
            capture_output=True, text=True, timeout=900,
        )
        return result, json.loads(out.read_text(encoding="utf-8")) if out.is_file() else None


@pytest.mark.slow
@pytest.mark.early.with_args(run_quick_bench)
def test_bench_quick_runs_every_step(early):
    result, data = early
    assert result.returncode == 0, result.stderr[-3000:]
    assert "extraction throughput" in result.stdout and "no-change rebuild" in result.stdout and "first search download" in result.stdout
    assert "as much visible text" in result.stdout
    assert [row["articles"] for row in data["sizes"]] == [6, 12]
    for row in data["sizes"]:
        assert row["warm_extracted"] == 0 and row["one_change_extracted"] == 1
        assert row["warm_model_loads"] == 0 and row["warm_spacy_imported"] is False
    assert data["search"]["first_search"]["bytes"] > 0
    assert all(line["ratio"] or line["value"] for line in data["table"])


def test_real_news_collection_is_the_corpus_then_the_first_extra_texts(tmp_path):
    from bench.run import real_sources

    corpus, extra = tmp_path / "ggt", tmp_path / "more"
    assert real_sources(corpus, extra, 2) == []  # no corpus: no real-news measure
    corpus.mkdir()
    extra.mkdir()
    for folder, names in ((corpus, ["b.txt", "a.txt", "a.gold.yml"]), (extra, ["z.txt", "x.txt", "y.txt", "w.md"])):
        for name in names:
            (folder / name).write_text("text\n", encoding="utf-8")
    assert [p.name for p in real_sources(corpus, extra, 2)] == ["a.txt", "b.txt", "x.txt", "y.txt"]
    assert [p.name for p in real_sources(corpus, tmp_path / "missing", 2)] == ["a.txt", "b.txt"]


@pytest.mark.slow
def test_bench_real_runs_builds_and_plain_pipe_on_the_texts_given(tmp_path):
    """`--real` on two small folders of this repository's example articles (the real corpus is not
    part of the repository): each measure runs and the table has both ratios."""
    corpus, extra = tmp_path / "corpus", tmp_path / "extra"
    corpus.mkdir()
    extra.mkdir()
    texts = sorted((REPO_ROOT / "articles").glob("*.txt"))
    for path in texts[:2]:
        (corpus / path.name).write_bytes(path.read_bytes())
    for path in texts[2:]:
        (extra / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "real.json"
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "bench" / "run.py"), "--real", "--repeat", "1", "--corpus", str(corpus), "--extra", str(extra),
         "--extra-count", "1", "--work", str(tmp_path / "work"), "--json", str(out)],
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    real = json.loads(out.read_text(encoding="utf-8"))["real"]
    assert real["articles"] == 3 and real["jobs1"]["built"] == real["jobs2"]["built"] == 3
    assert real["jobs2"]["ratio"] > 0 and len(real["runs"]["plain"]) == 1
    assert "real news, 3 articles, --jobs 2" in result.stdout and "real news, 3 articles, --jobs 1" in result.stdout
