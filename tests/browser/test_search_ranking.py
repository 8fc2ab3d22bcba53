"""Search leads to the briefing, with both engines: a name that one briefing's text holds, and
that the actor page and the list pages (actors, claims) repeat, must rank the briefing first, and
its snippet must be a sentence from the article, not table cells or chart labels run together
(issue 20). The example site is built once per engine and searched from the header's box."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from browser_helpers import serve
from conftest import copy_example_site
from playwright.sync_api import expect

pytestmark = [pytest.mark.slow, pytest.mark.browser]

QUERY = "Kadri Vaher"  # named in the Amber Link article, on her actor page and in the actors and claims lists
BRIEFING = "/briefings/amber-link-how-a-baltic-power-cable-became-a-geopolitical-tripwire/"
TABLE_RUN = re.compile(r"ActorTypeRole|TypeRoleMentions|[a-z](?:state|person|organisation)\d")  # "Kadri Vaherperson3"


@pytest.fixture(scope="module", params=["builtin", "pagefind"])
def engine_site(request, tmp_path_factory):
    if request.param == "builtin":  # the shared example build searches with the built-in index (under 500 pages)
        with serve(request.getfixturevalue("example_build")["project"] / "site") as url:
            yield request.param, url
        return
    project = copy_example_site(tmp_path_factory.mktemp(f"search-{request.param}"))
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "briefing_gen", "build", "--quiet", "--search", request.param],
        cwd=project, capture_output=True, text=True, encoding="utf-8", env=env, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    with serve(project / "site") as url:
        yield request.param, url


def search(page, url: str):
    """Type the query into the header's search box; the result items once some are shown."""
    page.goto(url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(QUERY, delay=30)
    results = page.locator(".md-search-result__list > li")
    expect(results.first).to_be_visible()
    expect(page.locator(".md-search-result__meta")).to_contain_text(re.compile(r"\d+ matching document"))
    # The box searches as it is typed: wait for the results of the whole query, not of its first
    # letters ("Ka"), which a busy machine may still be showing.
    expect(results.first).to_contain_text(QUERY.split()[-1])
    return results


def test_first_result_is_the_briefing(page, engine_site):
    # With Pagefind this rests on the ranking set in briefing-search.js and on actor pages weighing
    # half (main.html): by default the 12-word actor page scored about 6 times the briefing.
    engine, url = engine_site
    results = search(page, url)
    hrefs = [item.locator("a").first.get_attribute("href") for item in results.all()[:5]]
    print(f"\n{engine}: results {hrefs}")
    assert BRIEFING in hrefs[0], f"{engine} ranks {hrefs[0]} first: {hrefs}"
    assert any("/actors/kadri-vaher/" in href for href in hrefs[1:]), f"{engine} no longer finds the actor page: {hrefs}"
    results.first.locator("a").first.click()
    expect(page).to_have_url(re.compile(re.escape(BRIEFING)))


def test_briefing_result_shows_a_sentence_of_the_article(page, engine_site):
    engine, url = engine_site
    results = search(page, url)
    briefing = results.filter(has=page.locator(f"a[href*='{BRIEFING}']")).first
    expect(briefing).to_be_visible()
    # the part of the result that holds the hit (Material shows the page, then its matching sections)
    snippet = " ".join(briefing.locator("article", has=page.locator("mark")).first.inner_text().split())
    print(f"\n{engine}: {snippet[:300]}")
    assert "Vaher" in snippet, snippet
    assert not TABLE_RUN.search(snippet), f"{engine} shows table cells: {snippet}"
    # A readable sentence: a run of at least eight words separated by spaces, around the name.
    assert re.search(r"(?:\b[\w'’,-]+ ){8}", snippet), f"{engine} snippet is not a sentence: {snippet}"
    assert re.search(r"Kadri Vaher \w+ \w+ \w+", snippet), f"{engine} snippet is not a sentence: {snippet}"
