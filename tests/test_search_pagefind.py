"""Site search: MkDocs' built-in index for small sites, Pagefind for large ones or when asked, with
the theme's header search box bound to it and filters on briefing pages (slow: spaCy, MkDocs and
Pagefind)."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from briefing_gen.site.build import search_engine
from conftest import copy_example_site


def test_auto_switches_at_the_threshold():
    assert search_engine("auto", 499) == "builtin"
    assert search_engine("auto", 500) == "pagefind"
    assert search_engine("auto", 10, threshold=5) == "pagefind"
    assert search_engine("builtin", 10_000) == "builtin" and search_engine("pagefind", 1) == "pagefind"
    with pytest.raises(ValueError):
        search_engine("lunr", 1)


@pytest.mark.slow
def test_pagefind_site_keeps_the_header_search_box(tmp_path):
    project = copy_example_site(tmp_path / "site")
    build = [sys.executable, "-m", "briefing_gen", "build", "--quiet"]
    result = subprocess.run([*build, "--search", "pagefind"], cwd=project, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    site = project / "site"
    assert (site / "pagefind" / "pagefind.js").is_file() and (site / "pagefind" / "pagefind-entry.json").is_file()
    assert not (site / "search" / "search_index.json").exists()  # the built-in index is not built
    assert (site / "assets" / "javascripts" / "briefing-search.js").is_file()

    page = next((site / "briefings").glob("central-asian-leaders*/index.html")).read_text(encoding="utf-8")
    assert "data-briefing-search" in page and 'class="md-search__input"' in page  # the header's search box
    assert 'data-md-component="search"' not in page  # Material's own search code is not bound to it
    assert "data-pagefind-body" in page
    assert re.search(r'data-pagefind-filter="region">Central Asia<|data-pagefind-filter="actor">Kyrgyzstan<', page)
    assert 'data-pagefind-filter="kind">' in page
    assert "briefing-search.js" in page and not re.search(r'<script[^>]+src="(?:https?:)?//', page)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in home  # list pages stay out of the index

    # Asked for the built-in search again: the Pagefind bundle goes, the built-in index comes back.
    result = subprocess.run([*build, "--search", "builtin"], cwd=project, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (site / "search" / "search_index.json").is_file() and not (site / "pagefind").exists()
    page = next((site / "briefings").glob("central-asian-leaders*/index.html")).read_text(encoding="utf-8")
    assert 'data-md-component="search"' in page and "data-briefing-search" not in page and "data-pagefind-body" not in page
