"""The built example site in a real browser: headless Chromium driven by Playwright.

What an analyst does: read the home page, search for an actor, open a briefing, follow an actor and
come back, jump from a claim to its paragraph, browse a tag, read on a phone. The site is built once
from a copy of articles/ and served on a free port of 127.0.0.1 (fixtures in conftest.py); a failed
test leaves a screenshot in its tmp_path and in test-output/browser-failures/.
"""
from __future__ import annotations

import re

import frontmatter
import pytest
from browser_helpers import MOBILE, briefing_url, save_screenshots
from playwright.sync_api import expect

pytestmark = [pytest.mark.slow, pytest.mark.browser]

AMBER = "gr-baltic-interconnector.txt"
AMBER_TITLE = "Amber Link: How a Baltic Power Cable Became a Geopolitical Tripwire"
ACTOR = "Kadri Vaher"  # named only in the Amber Link article


def briefing_titles(project) -> list[str]:
    return [
        frontmatter.load(path)["title"]
        for path in sorted((project / "docs" / "briefings").glob("*.md"))
        if path.name != "index.md"
    ]


def in_viewport(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector,
        "el => { const r = el.getBoundingClientRect();"
        " return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth; }",
    )


def test_home_page_lists_the_briefings(page, site_url, example_project):
    page.goto(site_url)
    content = page.locator("article.md-content__inner")
    expect(content.locator("h1")).to_be_visible()
    titles = briefing_titles(example_project)
    assert len(titles) == 6
    for title in titles:
        expect(content.get_by_role("link", name=title, exact=True)).to_be_visible()
    # the timeline picture and the tables an analyst starts the day from
    expect(content.locator("figure.bg-chart svg[role=img] > title")).to_have_text("Briefings over time")
    expect(content.get_by_role("heading", name="Most active actors this week")).to_be_visible()
    expect(content.get_by_role("heading", name="Themes and regions")).to_be_visible()
    # a region's count links to its listing on the tags page
    content.locator("p", has_text="Regions:").get_by_role("link", name="Europe", exact=True).click()
    expect(page).to_have_url(re.compile(r"/tags/#tag:europe$"))
    expect(page.locator("[id='tag:europe'] + ul").get_by_role("link", name=AMBER_TITLE)).to_be_visible()


def test_search_for_an_actor_shows_the_briefing(page, site_url):
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search = page.locator("input.md-search__input")
    search.press_sequentially(ACTOR, delay=30)
    results = page.locator(".md-search-result__list")
    expect(results).to_contain_text(AMBER_TITLE, timeout=20_000)
    expect(page.locator(".md-search-result__meta")).to_contain_text(re.compile(r"\d+ matching document"))


def test_briefing_page_shows_its_sections(page, site_url, example_project):
    page.goto(briefing_url(site_url, example_project, AMBER))
    content = page.locator("article.md-content__inner")
    expect(content.locator("h1")).to_have_text(re.compile(re.escape(AMBER_TITLE)))
    key_points = content.locator(".admonition.abstract")
    expect(key_points).to_contain_text("Key points")
    assert key_points.locator("li").count() >= 2
    for heading in ("Summary", "Actors", "Claims", "Text"):
        expect(content.locator("h2", has_text=heading).first).to_be_visible()
    expect(content.locator("table").get_by_role("link", name=ACTOR, exact=True)).to_be_visible()
    assert content.locator("a[href^='#p-']").count() >= 5  # claims with their paragraph links
    expect(content.locator("#p-0")).to_contain_text("Amber Link")
    graph = content.locator("figure.bg-chart--claims svg[role=img]")
    expect(graph).to_be_visible()
    expect(graph.locator("> title")).to_have_text("Who claims what about whom")
    assert graph.locator("path.bg-edge").count() >= 3


def test_actor_link_opens_its_page_which_links_back(page, site_url, example_project):
    url = briefing_url(site_url, example_project, AMBER)
    page.goto(url)
    # the mentions column of the actors table (an HTML block) is aligned like the numbers it holds
    assert page.evaluate("getComputedStyle(document.querySelector('article .bg-table tbody td:last-child')).textAlign") == "right"
    page.locator("article table").get_by_role("link", name=ACTOR, exact=True).click()
    expect(page).to_have_url(re.compile(r"/actors/kadri-vaher/$"))
    content = page.locator("article.md-content__inner")
    expect(content.locator("h1")).to_have_text(re.compile(ACTOR))
    expect(content.locator("figure.bg-chart--mentions svg[role=img]")).to_be_visible()
    back = content.locator("table").get_by_role("link", name=AMBER_TITLE, exact=True)
    expect(back).to_be_visible()
    back.click()
    expect(page).to_have_url(url)
    expect(content.locator("h1")).to_have_text(re.compile(re.escape(AMBER_TITLE)))


def test_claim_link_scrolls_to_its_paragraph(page, site_url, example_project):
    page.goto(briefing_url(site_url, example_project, AMBER))
    links = page.locator("article a[href^='#p-']")
    numbers = [int(href[3:]) for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")]
    target = max(numbers)  # the paragraph furthest down the text, well below the first screen
    assert not in_viewport(page, f"#p-{target}")
    page.locator(f"article a[href='#p-{target}']").first.click()
    expect(page).to_have_url(re.compile(rf"#p-{target}$"))
    page.wait_for_function(f"document.querySelector(':target') && document.querySelector(':target').id === 'p-{target}'")
    page.wait_for_function(
        f"(() => {{ const r = document.getElementById('p-{target}').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; })()"
    )
    assert page.evaluate("window.scrollY") > 0
    assert in_viewport(page, f"#p-{target}")


def test_tag_page_lists_its_briefings(page, site_url, example_project):
    page.goto(briefing_url(site_url, example_project, AMBER))
    page.locator("article .md-tag", has_text="Europe").first.click()
    expect(page).to_have_url(re.compile(r"/tags/#tag:europe$"))
    listing = page.locator("[id='tag:europe'] + ul")
    expect(listing.get_by_role("link", name=AMBER_TITLE)).to_be_visible()
    europe = [t for t in briefing_titles(example_project) if t.startswith(("Amber Link", "Black Sea Grain"))]
    for title in europe:
        expect(listing.get_by_role("link", name=title)).to_be_visible()
    assert listing.get_by_role("link").count() == len(europe)


def test_narrow_mobile_viewport_still_shows_the_content(make_page, site_url, example_project):
    page = make_page(MOBILE)
    page.goto(briefing_url(site_url, example_project, AMBER))
    content = page.locator("article.md-content__inner")
    heading = content.locator("h1")
    expect(heading).to_be_visible()
    box = heading.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= MOBILE["width"] + 1
    expect(content.locator("h2", has_text="Summary").first).to_be_visible()
    summary = content.locator("h2#summary + p")
    expect(summary).to_be_visible()
    assert summary.bounding_box()["width"] <= MOBILE["width"]
    # the page itself does not scroll sideways; a wide chart scrolls inside its own box
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
    expect(page.locator("label.md-header__button[for='__drawer']")).to_be_visible()
    page.goto(site_url)
    expect(page.locator("article.md-content__inner").get_by_role("link", name=AMBER_TITLE, exact=True)).to_be_visible()


def test_screenshots_for_people_to_look_at(browser, site_url, example_project):
    """Not a check of the look: it leaves test-output/screenshots/*.png for a person to open."""
    written = save_screenshots(browser, site_url, example_project)
    assert {p.name for p in written} >= {"briefing.png", "actor.png"}
    assert all(p.stat().st_size > 10_000 for p in written)
