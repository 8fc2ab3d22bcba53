"""A phone (390 × 844): tables and pictures fit, or scroll inside their own box; the page itself
never scrolls sideways."""
from __future__ import annotations

import pytest
from browser_helpers import briefing_url

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
AMBER = "gr-baltic-interconnector.txt"

# Each table and picture of the content: its right edge, and the right edge of the box that clips
# it (the nearest ancestor that scrolls sideways), or of the element itself when nothing does.
BOXES = """() => [...document.querySelectorAll('article table, article svg, article figure, article .admonition')].map(el => {
  let clip = el.parentElement;
  while (clip && !['auto', 'scroll', 'hidden'].includes(getComputedStyle(clip).overflowX)) clip = clip.parentElement;
  const shown = clip && clip !== document.documentElement && clip !== document.body ? clip : el;
  const box = shown.getBoundingClientRect();
  return {tag: el.tagName, cls: el.getAttribute('class'), left: box.left, right: box.right};
})"""


def check_fits(page, pictures: bool = True) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate("window.innerWidth")
    assert page.evaluate("document.body.scrollWidth") <= page.evaluate("window.innerWidth")
    width = page.evaluate("window.innerWidth")
    boxes = page.evaluate(BOXES)
    assert boxes or not pictures
    for box in boxes:
        assert box["left"] >= -1 and box["right"] <= width + 1, box


@pytest.mark.parametrize("which", ["briefing", "actor", "home", "actors index", "claims"])
def test_nothing_makes_the_page_scroll_sideways_on_a_phone(make_page, site_url, example_project, which):
    page = make_page(PHONE)
    url = {
        "briefing": briefing_url(site_url, example_project, AMBER),
        "actor": f"{site_url}actors/russia/",
        "home": site_url,
        "actors index": f"{site_url}actors/",
        "claims": f"{site_url}claims/",
    }[which]
    page.goto(url, wait_until="load")
    check_fits(page, pictures=which in ("briefing", "actor", "home"))


def test_the_actors_table_scrolls_inside_its_box(make_page, site_url, example_project):
    page = make_page(PHONE)
    page.goto(briefing_url(site_url, example_project, AMBER), wait_until="load")
    table = page.locator("article .bg-table").first
    last = table.locator("tbody tr").first.locator("td").last
    last.scroll_into_view_if_needed()
    box = last.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1  # the Mentions column can be reached
