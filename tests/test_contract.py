"""`briefing-gen extract --json`: the JSON contract of briefing_gen/schema/briefing.schema.json.

Runs the real command (it loads the spaCy model, hence `slow`).
"""
from __future__ import annotations

import json
import shutil
from importlib import resources

import jsonschema
import pytest

pytestmark = pytest.mark.slow

GOOD = ["articles/gr-baltic-interconnector.txt", "articles/md-sanctions-vote.md"]
BAD = "articles/empty.txt"


@pytest.fixture(scope="module")
def schema() -> dict:
    schema = json.loads(resources.files("briefing_gen.schema").joinpath("briefing.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, articles_dir):
    """A folder with copies of two example articles and an empty file, used through relative paths."""
    folder = tmp_path_factory.mktemp("contract")
    (folder / "articles").mkdir()
    for relative in GOOD:
        shutil.copy(articles_dir / relative.split("/", 1)[1], folder / relative)
    (folder / BAD).write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def with_bad(workdir, run_cli):
    return run_cli(["extract", "--json", GOOD[0], BAD, GOOD[1]], cwd=workdir)


@pytest.fixture(scope="module")
def without_bad(workdir, run_cli):
    return run_cli(["extract", "--json", *GOOD], cwd=workdir)


@pytest.fixture(scope="module")
def as_module(workdir, run_cli):
    return run_cli(["extract", "--json", *GOOD], cwd=workdir, module=True)


def validate(schema, data):
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_with_bad_file_exits_1(with_bad):
    assert with_bad.returncode == 1, with_bad.stderr


def test_with_bad_file_prints_array_in_input_order(with_bad, schema):
    data = json.loads(with_bad.stdout)
    validate(schema, data)
    assert [item["source"] for item in data] == [GOOD[0], BAD, GOOD[1]]


def test_bad_file_is_source_and_error_only(with_bad):
    item = json.loads(with_bad.stdout)[1]
    assert set(item) == {"source", "error"}
    assert item["source"] == BAD
    assert "empty" in item["error"] and "\n" not in item["error"]


def test_bad_file_reported_on_stderr(with_bad):
    lines = [line for line in with_bad.stderr.splitlines() if BAD in line]
    assert len(lines) == 1 and "empty" in lines[0]


def test_without_bad_file_exits_0(without_bad, schema):
    assert without_bad.returncode == 0, without_bad.stderr
    data = json.loads(without_bad.stdout)
    validate(schema, data)
    assert [item["source"] for item in data] == GOOD
    assert all("error" not in item for item in data)


def test_python_m_briefing_gen_extract(as_module, without_bad):
    assert as_module.returncode == 0, as_module.stderr
    assert json.loads(as_module.stdout) == json.loads(without_bad.stdout)


def test_briefings_have_content(without_bad, expected_examples):
    data = {item["source"]: item for item in json.loads(without_bad.stdout)}
    baltic = data[GOOD[0]]
    assert baltic["title"] == expected_examples["gr-baltic-interconnector.txt"]["metadata"]["title"]
    assert baltic["layout"] == "globalresearch-text"
    assert data[GOOD[1]]["layout"] == "markdown"
    for item in data.values():
        assert item["body"] and item["summary"] and item["actors"] and item["claims"]
        assert item["slug"] and all(isinstance(p, str) and p for p in item["body"])


def test_claim_paragraphs_index_the_body(with_bad):
    for item in json.loads(with_bad.stdout):
        if "error" in item:
            continue
        for claim in item["claims"]:
            assert 0 <= claim["paragraph"] < len(item["body"]), claim


def test_claim_ids_unique_within_a_briefing(without_bad):
    for item in json.loads(without_bad.stdout):
        ids = [claim["id"] for claim in item["claims"]]
        assert len(ids) == len(set(ids))


def test_claim_ids_stable_between_runs(with_bad, without_bad, as_module):
    def ids(result):
        return {item["source"]: [(c["id"], c["text"]) for c in item["claims"]] for item in json.loads(result.stdout) if "claims" in item}

    first = ids(with_bad)
    assert first == ids(without_bad) == ids(as_module)
    assert all(first.values())
