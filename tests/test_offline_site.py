"""The built site works offline: it loads nothing from other hosts.

The example site (a copy of articles/, mkdocs.yml, overrides/ and docs/about/) is built, served with
`http.server` on a free port of 127.0.0.1, and every page is opened in Debian's headless Chromium
(`/usr/bin/chromium`, driven by Playwright through `executable_path`; no browser is downloaded).
Every request of the pages and their workers is recorded; any request for another host is aborted
and fails the test, and the host resolver maps every other name to nothing as a second wall. The
search is used too, so its worker and index load (MkDocs' built-in search, and Pagefind's). A static scan of the HTML and CSS backs this up:
no `<link>`, `<script>`, `<img>` or CSS `url()` points at another host.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser.browser_helpers import serve

pytestmark = [pytest.mark.slow, pytest.mark.browser]

REPO_ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("BRIEFING_GEN_CHROMIUM", "/usr/bin/chromium"))
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Network blocked twice: Playwright aborts every request for another host (and records it), and
# Chromium's resolver finds no other host at all.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    "--disable-component-update", "--disable-domain-reliability", "--no-pings",
]


@pytest.fixture(scope="module", params=["builtin", "pagefind"])
def example_site(request, tmp_path_factory) -> Path:
    """The example site, with MkDocs' built-in search and with Pagefind's (large sites). Six
    articles get the built-in search: that site is the one conftest's `example_build` built."""
    if request.param == "builtin":
        build = request.getfixturevalue("example_build")
        assert build["first"].returncode == 0 and (build["project"] / "site" / "search" / "search_index.json").is_file(), build["first"].stderr[-3000:]
        return build["project"] / "site"
    project = tmp_path_factory.mktemp(f"offline-{request.param}")
    shutil.copytree(REPO_ROOT / "articles", project / "articles")
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("overrides", "docs/about"):  # the theme overrides (`custom_dir`) and hand-written pages
        if (REPO_ROOT / folder).is_dir():
            shutil.copytree(REPO_ROOT / folder, project / folder)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "briefing_gen", "build", "--quiet", "--search", request.param],
        cwd=project, capture_output=True, text=True, encoding="utf-8", env=env, timeout=1200,
    )
    assert result.returncode == 0 and (project / "site" / "index.html").is_file(), result.stderr[-3000:]
    return project / "site"


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True  # made by the page itself, nothing fetched
    return parts.scheme in ("http", "https") and parts.hostname in LOCAL_HOSTS


def require_chromium() -> None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problem = "playwright is not installed (pip install -r requirements-test.txt)"
    else:
        problem = None if CHROMIUM.is_file() else f"{CHROMIUM} is missing (apt-get install chromium)"
    if problem:
        pytest.fail(problem) if os.environ.get("CI") else pytest.skip(problem)


def in_own_thread(function):
    """Run `function` in a thread of its own and return what it returns (or raise what it raises).

    Playwright's sync API refuses to start in a thread where another sync session already runs its
    event loop, as the browser tests' session-wide browser does when they run first."""
    outcome: dict = {}

    def target():
        try:
            outcome["value"] = function()
        except BaseException as error:  # handed to the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=target, name="playwright")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def browse(site: Path, visit) -> dict:
    """Serve `site`, open a headless Chromium with every other host blocked, call `visit(page, base)`
    and return every URL requested, those of other hosts, local ones that failed, and dialogs."""
    from playwright.sync_api import sync_playwright

    seen = {"requests": [], "foreign": [], "failed_local": [], "dialogs": []}

    def route(route):
        url = route.request.url
        seen["requests"].append(url)
        if is_local(url):
            route.continue_()
        else:
            seen["foreign"].append(url)
            route.abort("blockedbyclient")

    with sync_playwright() as playwright, serve(site) as base:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(service_workers="block")
            context.route("**/*", route)
            context.on("request", lambda request: seen["requests"].append(request.url))
            context.on("requestfailed", lambda request: seen["failed_local"].append(request.url) if is_local(request.url) else None)
            page = context.new_page()
            page.set_default_timeout(20_000)
            page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
            visit(page, base)
            context.close()
        finally:
            browser.close()
    seen["foreign"] += [url for url in seen["requests"] if not is_local(url)]
    return seen


def one_page_of_each_kind(site: Path) -> list[Path]:
    """The first page of each folder of the built site (home, briefings index, a briefing, an actor,
    a list of actors, claims, tags, timeline, about): pages of one kind share their template, and
    `test_pages_and_stylesheets_point_at_no_other_host` reads every page's HTML."""
    kinds: dict[tuple[str, int], Path] = {}
    for html_file in sorted(site.rglob("*.html")):
        parts = html_file.relative_to(site).parts
        kinds.setdefault((parts[0] if len(parts) > 1 else "", len(parts)), html_file)
    return list(kinds.values())


def test_site_loads_nothing_from_other_hosts(example_site):
    require_chromium()
    pages = one_page_of_each_kind(example_site)
    assert len(pages) >= 8

    def visit(page, base):
        for html_file in pages:
            page.goto(base + html_file.relative_to(example_site).as_posix().removesuffix("index.html"), wait_until="networkidle")
        # The search: its worker, the index and whatever the worker loads.
        page.goto(base, wait_until="networkidle")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.locator("input.md-search__input").press_sequentially("Baltic", delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=20_000)
        page.wait_for_load_state("networkidle")

    seen = in_own_thread(lambda: browse(example_site, visit))
    assert seen["requests"], "no request was recorded"
    search_files = ("search/search_index.json", "pagefind/pagefind-entry.json")
    assert any(urlsplit(url).path.endswith(search_files) for url in seen["requests"]), "the search loaded no index"
    assert sorted(set(seen["foreign"])) == []
    assert seen["dialogs"] == []
    assert sorted(set(seen["failed_local"])) == []


class _Loads(HTMLParser):
    """What an HTML page makes the browser fetch: scripts, stylesheets and other <link>s, images,
    frames, media and inline `style` urls."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link":
            self.urls.append(attributes.get("href") or "")
        for name in ("src", "poster", "data", "srcset", "background"):
            if attributes.get(name):
                self.urls.extend(part.strip().split(" ")[0] for part in attributes[name].split(","))
        self.urls.extend(re.findall(r"url\(\s*['\"]?([^'\")]+)", attributes.get("style") or ""))

    handle_startendtag = handle_starttag


def foreign(url: str) -> bool:
    url = url.strip()
    return bool(re.match(r"(?i)^(?:[a-z][a-z0-9+.-]*:)?//", url)) and not is_local(url if ":" in url.split("//")[0] else "http:" + url)


def test_pages_and_stylesheets_point_at_no_other_host(example_site):
    problems = []
    for page in sorted(example_site.rglob("*.html")):
        loads = _Loads()
        loads.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(example_site)}: {url}" for url in loads.urls if foreign(url)]
    for sheet in sorted(example_site.rglob("*.css")):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text):
            if foreign(url):
                problems.append(f"{sheet.relative_to(example_site)}: {url}")
    assert problems == []


# Opening the site from disk -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """The example site built with `--offline`, to open as files (`file://`) with no server."""
    project = tmp_path_factory.mktemp("from-disk")
    shutil.copytree(REPO_ROOT / "articles", project / "articles")
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("overrides", "docs/about"):
        if (REPO_ROOT / folder).is_dir():
            shutil.copytree(REPO_ROOT / folder, project / folder)
    before = (project / "mkdocs.yml").read_bytes()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "briefing_gen", "build", "--quiet", "--offline"],
        cwd=project, capture_output=True, text=True, encoding="utf-8", env=env, timeout=1200,
    )
    assert result.returncode == 0 and (project / "site" / "index.html").is_file(), result.stderr[-3000:]
    assert (project / "mkdocs.yml").read_bytes() == before  # the user's configuration is not changed
    return project / "site"


def test_offline_site_has_file_links_and_loads_nothing_from_other_hosts(offline_site):
    assert (offline_site / "briefings" / "index.html").is_file()
    assert not (offline_site / "pagefind").exists()
    assert (offline_site / "search" / "search_index.js").is_file()  # the index as a script: no fetch from disk
    for page in sorted(offline_site.rglob("*.html")):
        loads = _Loads()
        loads.feed(page.read_text(encoding="utf-8"))
        assert [url for url in loads.urls if foreign(url)] == [], page
        hrefs = re.findall(r'href="([^"#:?]+/)"', page.read_text(encoding="utf-8"))
        assert hrefs == [], f"{page.relative_to(offline_site)} links to folders: {hrefs[:5]}"


def test_offline_site_works_from_disk_in_chromium(offline_site):
    """From file://: the home page, a link to a briefing opens the page (not a folder listing), and
    the header's search box is shown and finds the briefing."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    def visit() -> dict:
        seen: dict = {"foreign": [], "errors": []}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=[*CHROMIUM_ARGS, "--allow-file-access-from-files"],
            )
            try:
                context = browser.new_context()
                context.route("**/*", lambda route: (seen["foreign"].append(route.request.url), route.abort())
                              if route.request.url.startswith(("http:", "https:")) else route.continue_())
                page = context.new_page()
                page.set_default_timeout(20_000)
                page.on("pageerror", lambda error: seen["errors"].append(str(error)))
                page.goto((offline_site / "index.html").as_uri())
                page.locator('.md-tabs a[href$="briefings/index.html"], .md-nav a[href$="briefings/index.html"]').first.click()
                page.wait_for_load_state()
                link = page.locator('article a[href*="amber-link"]').first
                link.click()
                page.wait_for_load_state()
                seen["url"] = page.url
                seen["title"] = page.locator("article h1").first.inner_text()
                seen["body"] = page.locator("body").inner_text()
                search = page.locator("label.md-search__icon, .md-search__input").first
                seen["search_visible"] = page.locator(".md-search").first.is_visible() and search.is_visible()
                search.click()
                page.locator("input.md-search__input").press_sequentially("Baltic", delay=30)
                result = page.locator(".md-search-result__item").first
                result.wait_for(timeout=20_000)
                seen["result"] = result.inner_text()
                seen["result_href"] = page.locator(".md-search-result__item a").first.get_attribute("href")
                page.screenshot(path=str(offline_site.parent / "from-disk.png"))
                context.close()
            finally:
                browser.close()
        return seen

    seen = in_own_thread(visit)
    assert seen["url"].startswith("file://") and seen["url"].endswith(".html"), seen["url"]
    assert "Index of" not in seen["body"]
    assert "Amber Link" in seen["title"]
    assert "Summary" in seen["body"]
    assert seen["search_visible"]
    assert "Baltic" in seen["result"] or "Amber" in seen["result"]
    assert seen["result_href"] and re.split(r"[?#]", seen["result_href"])[0].endswith(".html")
    assert seen["foreign"] == []
    assert seen["errors"] == []
