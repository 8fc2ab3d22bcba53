"""Shared fixtures: paths, the expected values of the example articles, readers, a Markdown renderer
configured like mkdocs.yml, and a runner for the `briefing-gen` command.

Every input used by the tests is in this folder (inline or under `tests/fixtures/`) or in the
repository's own `articles/`; nothing is read from outside the repository.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
ARTICLES_DIR = REPO_ROOT / "articles"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
EXPECTED_FILE = Path(__file__).resolve().parent / "data" / "examples_expected.md"
# The Markdown extensions of mkdocs.yml (toc's `permalink` only adds an anchor link to headings).
MKDOCS_EXTENSIONS = ["admonition", "attr_list", "tables", "toc"]


# Paths and example data ---------------------------------------------------------------------------


def copy_example_site(project: Path) -> Path:
    """Copy the example site's sources (articles/, mkdocs.yml, its theme overrides/ and the
    hand-written docs/about/ that its navigation names) into `project`, ready for `briefing-gen build`."""
    project.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO_ROOT / "articles", project / "articles")
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    if (REPO_ROOT / "overrides").is_dir():
        shutil.copytree(REPO_ROOT / "overrides", project / "overrides")
    about = REPO_ROOT / "docs" / "about"
    if about.is_dir():
        shutil.copytree(about, project / "docs" / "about")
    return project


def docs_snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` with its modification time and inode: what a rewrite changes."""
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.stat().st_ino) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def example_build(tmp_path_factory, run_cli) -> dict:
    """The example site (`copy_example_site`) built once with `briefing-gen build`, then built again
    with nothing changed; both results and the snapshots of docs/ after each. Shared by every test
    that reads the built example site (tests/test_build_site.py, the browser tests, the built-in
    search of tests/test_offline_site.py): a test that changes anything works on a copy."""
    project = copy_example_site(tmp_path_factory.mktemp("example") / "site-project")
    first = run_cli(["build"], cwd=project)
    after_first = docs_snapshot(project / "docs")
    second = run_cli(["build"], cwd=project)
    after_second = docs_snapshot(project / "docs")
    return {"project": project, "first": first, "second": second, "after_first": after_first, "after_second": after_second}


@pytest.fixture(scope="session")
def stories_build(tmp_path_factory, run_cli) -> Path:
    """`tests/fixtures/stories/` (seventeen invented articles over three stories) built once with
    the repo's mkdocs.yml and theme overrides; read, never changed, by tests/test_stories.py and
    tests/test_claim_records.py."""
    project = tmp_path_factory.mktemp("stories") / "site"
    shutil.copytree(FIXTURES_DIR / "stories", project / "articles")
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    if (REPO_ROOT / "overrides").is_dir():
        shutil.copytree(REPO_ROOT / "overrides", project / "overrides")
    shutil.copytree(REPO_ROOT / "docs" / "about", project / "docs" / "about")
    result = run_cli(["build"], cwd=project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    return ARTICLES_DIR


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES_DIR


def load_expected_examples() -> dict[str, dict]:
    """The YAML block of each `## N. `file`` section of tests/data/examples_expected.md, by file name."""
    text = EXPECTED_FILE.read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    examples = {}
    for block in blocks:
        data = yaml.safe_load(block)
        examples[data["article"]] = data
    return examples


@pytest.fixture(scope="session")
def expected_examples() -> dict[str, dict]:
    examples = load_expected_examples()
    assert len(examples) == 6, sorted(examples)
    return examples


# Readers ----------------------------------------------------------------------------------------


@pytest.fixture
def registry():
    from briefing_gen.readers import ReaderRegistry

    return ReaderRegistry()


@pytest.fixture
def read_as(tmp_path, registry):
    """Write `text` to a file called `name` in a temporary folder and read it through the registry."""

    def read(name: str, text: str | bytes):
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return registry.read(path, source=name)

    return read


@pytest.fixture(scope="session")
def gr_sample_text() -> str:
    """A small article of my own in the Global Research saved-text layout."""
    return (FIXTURES_DIR / "globalresearch-sample.txt").read_text(encoding="utf-8")


# Rendering Markdown like MkDocs does --------------------------------------------------------------


@dataclass
class Rendered:
    html: str
    text: str  # the visible text, entities decoded
    elements: list[tuple[str, list[tuple[str, str | None]]]]  # (tag, attributes) in document order

    @property
    def tags(self) -> list[str]:
        return [tag for tag, _ in self.elements]

    @property
    def attributes(self) -> list[tuple[str, str | None]]:
        return [attr for _, attrs in self.elements for attr in attrs]


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.elements: list = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def render_markdown(markdown_text: str) -> Rendered:
    import markdown

    html = markdown.markdown(markdown_text, extensions=MKDOCS_EXTENSIONS)
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return Rendered(html=html, text="".join(collector.text), elements=collector.elements)


@pytest.fixture(scope="session")
def render():
    """Render Markdown with Python-Markdown and the extensions of mkdocs.yml."""
    return render_markdown


# A local HTTP server ------------------------------------------------------------------------------


@contextlib.contextmanager
def local_http_server(handler) -> Iterator[str]:
    """Serve with `handler` (a BaseHTTPRequestHandler class) on a free port of 127.0.0.1; yields
    the base URL (no trailing slash), stops on exit."""
    from http.server import ThreadingHTTPServer

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


# The command line ---------------------------------------------------------------------------------


def briefing_gen_command() -> list[str]:
    script = Path(sys.executable).with_name("briefing-gen")
    if script.is_file():
        return [str(script)]
    found = shutil.which("briefing-gen")
    if found:
        return [found]
    pytest.skip("the briefing-gen command is not installed")


@pytest.fixture(scope="session")
def run_cli():
    """Run `briefing-gen ARGS...` (or `python -m briefing_gen ARGS...` with module=True) in `cwd`."""

    def run(args: list[str], cwd: Path, module: bool = False, timeout: float = 600) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "briefing_gen"] if module else briefing_gen_command()
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
        return subprocess.run(
            [*command, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=timeout, env=env
        )

    return run


# Long child processes started early ---------------------------------------------------------------
#
# A few tests spend a minute or more waiting for one child process of their own (a megabyte of text
# through the spaCy model, the benchmark's smoke run) while the test process sits idle. Marked
# `@pytest.mark.early(function, *args)`, such a test gets `function(*args)`'s return value from the
# `early` fixture: the call is started in a background thread as soon as the tests are collected, so
# the child runs on the second core while the other tests run. The calls run one after another (at
# most one such child at a time, for the memory), in the order of the tests; the test then makes its
# assertions on the result exactly as if it had made the call itself. (A function alone is marked
# with `@pytest.mark.early.with_args(function)`: pytest takes a lone callable for the decorated test.)

_early_pool = None
_early_calls: dict = {}


def pytest_collection_finish(session):
    global _early_pool
    from concurrent.futures import ThreadPoolExecutor

    marked = [(item, item.get_closest_marker("early")) for item in session.items]
    marked = [(item, marker) for item, marker in marked if marker is not None]
    if not marked or session.config.option.collectonly:
        return
    _early_pool = ThreadPoolExecutor(1, thread_name_prefix="early")
    for item, marker in marked:
        function, *args = marker.args
        _early_calls[item.nodeid] = _early_pool.submit(function, *args, **marker.kwargs)


def pytest_sessionfinish(session):
    if _early_pool is not None:
        _early_pool.shutdown(wait=False, cancel_futures=True)


@pytest.fixture
def early(request):
    """The return value of the test's `@pytest.mark.early(function, *args)` call (made now if it was
    not started early)."""
    marker = request.node.get_closest_marker("early")
    assert marker is not None, "the early fixture needs @pytest.mark.early(function, *args)"
    started = _early_calls.pop(request.node.nodeid, None)
    if started is not None and not started.cancelled():
        return started.result()
    function, *args = marker.args
    return function(*args, **marker.kwargs)
