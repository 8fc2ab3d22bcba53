"""Building the example site, serving it on a free local port and driving Debian's Chromium.

Used by the browser tests' fixtures and by `take_screenshots.py`. The browser is the system's
`/usr/bin/chromium` (installed with apt-get by `.ci/run`), driven by Playwright for Python through
`executable_path`: Playwright's own browser download (`playwright install`) is never used. Nothing
leaves the machine: the site is served from 127.0.0.1 and Chromium runs without background
networking.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

from conftest import copy_example_site, local_http_server

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("BRIEFING_GEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOT_DIR = REPO_ROOT / "test-output" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 667}


def build_example_site(project: Path) -> Path:
    """Copy the example site into `project`, run `briefing-gen build`; the project folder."""
    copy_example_site(project)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "briefing_gen", "build", "--quiet"],
        cwd=project, capture_output=True, text=True, encoding="utf-8", env=env, timeout=900,
    )
    if result.returncode != 0 or not (project / "site" / "index.html").is_file():
        raise RuntimeError(f"briefing-gen build failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return project


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` over HTTP on a free port of 127.0.0.1; yields the base URL, stops on exit."""
    with local_http_server(functools.partial(_QuietHandler, directory=str(folder))) as base:
        yield base + "/"


def chromium_problem() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -r requirements-test.txt)"
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium (Playwright `Browser`), closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def use_dark_palette(page, site_dir: Path) -> None:
    """Switch Material to its dark (slate) palette, as a palette toggle would. The example
    mkdocs.yml configures no palette, so Material's palette stylesheet is loaded first."""
    for css in sorted((site_dir / "assets" / "stylesheets").glob("palette.*.css")):
        page.add_style_tag(path=str(css))
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate'); document.body.setAttribute('data-md-color-primary', 'indigo')")


def briefing_url(base: str, project: Path, source_name: str) -> str:
    """The URL of the briefing page made from `articles/<source_name>`."""
    import frontmatter

    for path in sorted((project / "docs" / "briefings").glob("*.md")):
        if path.name != "index.md" and Path(frontmatter.load(path).get("source", "")).name == source_name:
            return f"{base}briefings/{path.stem}/"
    raise LookupError(source_name)


def save_screenshots(browser, base: str, project: Path, folder: Path = SCREENSHOT_DIR) -> list[Path]:
    """Full-page screenshots of a briefing page and an actor page (light and dark), the home page and
    the briefing on a phone, for people to look at. Returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    briefing = briefing_url(base, project, "gr-baltic-interconnector.txt")
    shots = [
        ("briefing.png", briefing, DESKTOP, False),
        ("briefing-dark.png", briefing, DESKTOP, True),
        ("actor.png", f"{base}actors/russia/", DESKTOP, False),
        ("actor-dark.png", f"{base}actors/russia/", DESKTOP, True),
        ("home.png", base, DESKTOP, False),
        ("briefing-mobile.png", briefing, MOBILE, False),
    ]
    written = []
    for name, url, viewport, dark in shots:
        context = browser.new_context(viewport=viewport, device_scale_factor=1)
        try:
            page = context.new_page()
            page.goto(url, wait_until="load")
            if dark:
                use_dark_palette(page, project / "site")
            page.screenshot(path=str(folder / name), full_page=True)
            written.append(folder / name)
        finally:
            context.close()
    return written
