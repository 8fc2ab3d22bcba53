"""Fixtures of the browser tests: the example site built once, served on a free local port, one
headless Chromium for the session and a fresh page per test; a screenshot of any failed test."""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_helpers import DESKTOP, REPO_ROOT, chromium, chromium_problem, serve  # noqa: E402

FAILURE_DIR = REPO_ROOT / "test-output" / "browser-failures"


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so the `page` fixture knows the test failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def browser():
    problem = chromium_problem()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {problem}")
        pytest.skip(problem)
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def example_project(example_build) -> Path:
    """The example site built once for the whole run (tests/conftest.py's `example_build`); the
    browser tests only read it."""
    project = example_build["project"]
    if example_build["first"].returncode != 0 or not (project / "site" / "index.html").is_file():
        raise RuntimeError(f"briefing-gen build failed ({example_build['first'].returncode}):\n{example_build['first'].stderr[-3000:]}")
    return project


@pytest.fixture(scope="session")
def site_url(example_project) -> str:
    with serve(example_project / "site") as url:
        yield url


def _new_page(browser, request, tmp_path, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        for target in (tmp_path / "failure.png", FAILURE_DIR / f"{name}.png"):
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                page.screenshot(path=str(target), full_page=True)
            except Exception as error:  # a crashed page must not hide the test's own failure
                print(f"no screenshot for {request.node.nodeid}: {error}", file=sys.stderr)
                break
        else:
            print(f"\nscreenshot of the failed page: {FAILURE_DIR / (name + '.png')}", file=sys.stderr)
    context.close()


@pytest.fixture
def page(browser, request, tmp_path):
    """A desktop-sized page; a screenshot is saved to tmp_path and test-output/ if the test fails."""
    yield from _new_page(browser, request, tmp_path, DESKTOP)


@pytest.fixture
def make_page(browser, request, tmp_path):
    """A page of a given viewport (same failure screenshots as `page`)."""
    pages = []

    def make(viewport):
        generator = _new_page(browser, request, tmp_path, viewport)
        pages.append(generator)
        return next(generator)

    yield make
    for generator in pages:
        next(generator, None)
