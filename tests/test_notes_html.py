"""Editors' HTML: notes and verdict notes are sanitised (unless briefing-gen.yml says `notes_html: raw`).

The fast tests render hostile notes with `NotesHtml` and Python-Markdown configured like mkdocs.yml.
The slow ones build a real site (one example article, a notes file with every hostile construct and
the usual Markdown) with `briefing-gen build`, and read the built HTML: nothing that runs script
survives, no `title` can become markup in the theme's tooltips, the usual Markdown still renders,
links to other pages resolve with either `use_directory_urls`, and `raw` keeps the raw HTML.
"""
from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import copy_example_site, render_markdown

from briefing_gen.editorial.notes import nest_in_section
from briefing_gen.site.notes_html import NotesHtml, notes_html
from briefing_gen.site.urls import PageUrls

ARTICLE = "wire-fisheries-row.txt"
HOSTILE_BODY = """# Checked &lt;img src=x onerror=alert(1)&gt;

Editors called [the agency](../actors/ffa.md) and [its page](../actors/ffa.md#briefings), see the
[plan](https://example.org/plan "&lt;img src=x onerror=alert(2)&gt;").

<script>alert(3)</script>
<iframe src="https://example.org/frame"></iframe>
<style>body { display: none }</style>
<div onclick="alert(4)" title="&lt;svg onload=alert(5)&gt;">clicky</div>
<a href="javascript:alert(6)">raw js link</a> <img src="x" onerror="alert(7)">
[md js](javascript:alert(8)) [md js 2](  JaVaScRiPt:alert(9)) [data](data:text/html,<script>alert(10)</script>)
<object data="https://example.org/x.swf"></object><form action="https://example.org/"><input name="q"></form>

Styled paragraph
{: onclick="alert(11)" .callout .md-ellipsis title="&lt;img src=x onerror=alert(12)&gt;" }

- first item
- second item

| Boat | Fine |
|:-----|-----:|
| Hai Xiang 318 | 2 million |

!!! note "Follow-up"
    Ask the *ministry* again.

Reading list { .reading }
{: .reading-list }

## Sources &amp; more

Plain text with an entity &amp;amp; and a less-than < sign.
"""
HOSTILE_VERDICT = (
    'See [FFA](../actors/ffa.md "&lt;img src=x onerror=alert(13)&gt;"), [x](javascript:alert(14)), '
    '<img src=x onerror=alert(15)> <a href="javascript:alert(16)">y</a> <b onmouseover="alert(17)">bold</b> '
    '\\[z\\](javascript:alert(18)) **fine**'
)


# What the checks look for ----------------------------------------------------------------------------


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.elements


TAG_OR_REFERENCE = re.compile(r"<[A-Za-z/!?]|&[A-Za-z#]")


def assert_safe(html: str) -> None:
    """No element or attribute that runs script, and no title the theme could turn into markup."""
    for tag, attrs in elements(html):
        assert tag not in {"script", "iframe", "style", "object", "embed", "form", "input", "svg", "math"}, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in {"href", "src", "action", "formaction", "data"}:
                scheme = urlsplit((value or "").strip()).scheme.lower()
                assert scheme in {"", "http", "https", "mailto"}, (tag, name, value)
            if name == "title":
                # the theme inserts the value as HTML: it must not start a tag or a reference
                assert not TAG_OR_REFERENCE.search(value or ""), (tag, value)
            if name == "class":
                assert not any(c.startswith("md-") for c in (value or "").split()), value


def notes_section(html: str) -> str:
    return html.split('id="notes"', 1)[1].split("</article>", 1)[0]


# Without a site --------------------------------------------------------------------------------------


def test_hostile_notes_are_cleaned_and_usual_markdown_is_kept():
    markdown = NotesHtml().body(nest_in_section(HOSTILE_BODY), "briefings/harbour.md", PageUrls())
    page = render_markdown("## Notes\n\n" + markdown)
    assert_safe(page.html)
    assert "alert(3)" not in page.html and "display: none" not in page.html  # script and style content too
    # the headings are Markdown again, below the Notes heading, and their text cannot become markup
    assert re.search(r'<h3 id="[^"]+">Checked ＜img src=x onerror=alert\(1\)&gt;</h3>', page.html)
    assert re.search(r'<h4 id="[^"]+">Sources &amp; more</h4>', page.html)
    assert '<a href="../../actors/ffa/">the agency</a>' in page.html
    assert '<a href="../../actors/ffa/#briefings">its page</a>' in page.html
    assert "<li>first item</li>" in page.html and '<th style="text-align: left;">Boat</th>' in page.html
    assert '<div class="admonition note">' in page.html and "<em>ministry</em>" in page.html
    assert 'class="callout"' in page.html
    assert "Plain text with an entity &amp;amp; and a less-than &lt; sign." in page.html.replace("&#38;", "&amp;").replace("&#60;", "&lt;")


def test_links_follow_the_url_style():
    markdown = "[a](../actors/ffa.md) [b](../index.md#top) ![c](../assets/map.png) [d](#notes) [e](https://example.org/x)"
    flat = NotesHtml().body(markdown, "briefings/harbour.md", PageUrls(directory_urls=False))
    assert 'href="../actors/ffa.html"' in flat and 'href="../index.html#top"' in flat and 'src="../assets/map.png"' in flat
    nested = NotesHtml().body(markdown, "briefings/harbour.md", PageUrls(directory_urls=True))
    assert 'href="../../actors/ffa/"' in nested and 'href="../../#top"' in nested and 'src="../../assets/map.png"' in nested
    for markdown_html in (flat, nested):
        assert 'href="#notes"' in markdown_html and 'href="https://example.org/x"' in markdown_html


def test_verdict_note_is_cleaned_and_stays_one_line_of_markdown():
    renderer = NotesHtml()
    line = renderer.verdict(HOSTILE_VERDICT)
    assert "\n" not in line
    html = render_markdown("- claim " + line).html
    assert_safe(html)
    assert "[z](javascript:alert(18))" in html.replace("&#91;", "[").replace("&#93;", "]").replace("&#40;", "(").replace("&#41;", ")")
    # a relative link stays a Markdown link, so MkDocs converts it on each page that shows the verdict
    assert line.startswith("See [FFA](../actors/ffa.md ")
    assert "<strong>fine</strong>" in html and "<b>bold</b>" in html
    plain = renderer.verdict("Capacity rises by *40%* only, see [the plan](https://example.org/plan).")
    assert render_markdown(plain).html == '<p>Capacity rises by <em>40%</em> only, see <a href="https://example.org/plan">the plan</a>.</p>'


def test_raw_mode_keeps_what_the_editor_wrote():
    raw = NotesHtml(mode="raw")
    assert raw.body(HOSTILE_BODY, "briefings/harbour.md", PageUrls()) == HOSTILE_BODY
    assert raw.verdict(HOSTILE_VERDICT) == HOSTILE_VERDICT


def test_extensions_come_from_mkdocs_yml(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - search:\n      enabled: !ENV [X, true]\nmarkdown_extensions:\n  - abbr\n  - toc:\n      permalink: true\n"
        "  - not_an_extension_anywhere\n",
        encoding="utf-8",
    )
    renderer = notes_html(config)
    assert [name for name, _ in renderer.extensions] == ["tables", "fenced_code", "abbr", "not_an_extension_anywhere"]
    html = renderer.body('The HTML spec.\n\n*[HTML]: <img src=x onerror=alert(1)>', "briefings/a.md", PageUrls())
    assert "<abbr" in html
    assert_safe(render_markdown(html).html)


# A real build ----------------------------------------------------------------------------------------


def build(project: Path, run_cli) -> subprocess.CompletedProcess:
    result = run_cli(["build", "-j", "1"], cwd=project)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def project(tmp_path_factory, run_cli) -> dict:
    """The example site with one article and a notes file holding every hostile construct."""
    root = copy_example_site(tmp_path_factory.mktemp("notes-html") / "site-project")
    for article in (root / "articles").iterdir():
        if article.name != ARTICLE:
            article.unlink()
    first = run_cli(["build", "-j", "1", "--no-site"], cwd=root)
    assert first.returncode == 0, first.stderr
    [page] = [p for p in (root / "docs" / "briefings").glob("*.md") if p.name != "index.md"]
    claim_id = re.search(r'id="(c-[0-9a-f]{10})"|\{ #(c-[0-9a-f]{10}) \}', page.read_text(encoding="utf-8"))
    claim_id = claim_id.group(1) or claim_id.group(2)
    assert (root / "docs" / "actors" / "ffa.md").is_file()
    (root / "notes").mkdir(exist_ok=True)
    verdict = HOSTILE_VERDICT.replace("'", "''")
    (root / "notes" / page.name).write_text(
        f"---\nstatus: reviewed\nverdicts:\n  {claim_id}:\n    verdict: disputed\n    note: '{verdict}'\n---\n{HOSTILE_BODY}", encoding="utf-8"
    )
    build(root, run_cli)
    return {"root": root, "slug": page.stem, "claim": claim_id}


def site_page(root: Path, page: str, directory_urls: bool = True) -> Path:
    stem = page.removesuffix(".md")
    if not directory_urls:
        return root / "site" / f"{stem}.html"
    return root / "site" / (stem.removesuffix("index") if stem.endswith("index") else f"{stem}/") / "index.html"


def claimant_page(root: Path) -> str:
    """The actor page that shows the verdict (the claimant's)."""
    [page] = [p for p in (root / "docs" / "actors").glob("*.md") if "verdict-disputed" in p.read_text(encoding="utf-8")]
    return f"actors/{page.name}"


def content(path: Path) -> str:
    """The page's content (the article element): the theme's own scripts are outside it."""
    html = path.read_text(encoding="utf-8")
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def assert_links_resolve(root: Path, page_file: Path, html: str) -> list[str]:
    """Every relative link of `html` (on the built page `page_file`) names a file of the site."""
    checked = []
    for tag, attrs in elements(html):
        url = attrs.get("href") if tag == "a" else None  # (the hostile `<img src="x">` names no file)
        if not url or urlsplit(url).scheme or url.startswith("#"):
            continue
        path = urlsplit(url).path
        target = Path(posixpath.normpath(posixpath.join(str(page_file.parent), path)))
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        assert target.is_file() and (root / "site") in target.parents, (url, target)
        checked.append(url)
    return checked


@pytest.mark.slow
def test_built_site_has_no_script_from_notes(project):
    root, slug = project["root"], project["slug"]
    pages = [f"briefings/{slug}.md", claimant_page(root), "claims/index.md"]
    briefing = content(site_page(root, pages[0]))
    for page in pages:  # the verdict note, on each page that shows it (the whole line: a title could go anywhere)
        html = content(site_page(root, page))
        line = html.split("verdict-disputed", 1)[0].rsplit("<li", 1)[1] + html.split("verdict-disputed", 1)[1].split("</li>", 1)[0]
        assert_safe("<li" + line)
        assert "alert(1" not in line.replace("alert(18)", "")  # neither script nor handler: no call at all
    notes = notes_section(briefing)
    assert_safe(notes)
    assert "alert(3)" not in notes and "display: none" not in notes
    # the page's table of contents and its heading: text that stays text when read as HTML again
    toc = site_page(root, pages[0]).read_text(encoding="utf-8").split('data-md-component="toc"', 1)[1]
    assert "Checked ＜img src=x onerror=alert(1)&gt;" in toc and "&lt;img" not in toc.split("</nav>", 1)[0]


@pytest.mark.slow
def test_built_site_keeps_the_editors_markdown(project):
    root, slug, claim = project["root"], project["slug"], project["claim"]
    page_file = site_page(root, f"briefings/{slug}.md")
    notes = notes_section(content(page_file))
    assert "<li>first item</li>" in notes and "<li>second item</li>" in notes
    assert '<th style="text-align: left;">Boat</th>' in notes and '<td style="text-align: right;">2 million</td>' in notes
    assert '<div class="admonition note">' in notes and "<em>ministry</em>" in notes
    assert '<p class="callout"' in notes and 'class="reading-list"' in notes
    assert re.search(r'<h3 id="[^"]+">Checked', notes) and re.search(r'<h4 id="[^"]+">Sources', notes)
    links = assert_links_resolve(root, page_file, notes)
    assert "../../actors/ffa/" in links and "../../actors/ffa/#briefings" in links
    # the verdict note: on the briefing, and on the claimant's and the claims pages, its link works
    briefing = content(page_file)
    verdict = briefing.split(f'id="{claim}"', 1)[1].split("</li>", 1)[0]
    assert '<strong class="verdict verdict-disputed">⚠ disputed</strong>: See <a href="../../actors/ffa/"' in verdict
    assert_links_resolve(root, page_file, verdict)
    for page in (claimant_page(root), "claims/index.md"):
        html = content(site_page(root, page))
        shown = html.split("verdict-disputed", 1)[1].split("</li>", 1)[0]
        assert "FFA</a>" in shown and assert_links_resolve(root, site_page(root, page), "<b " + shown)


@pytest.mark.slow
def test_plain_mkdocs_builds_the_same_docs(project, tmp_path):
    root = project["root"]
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "plain-site")],
        cwd=root, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    notes = notes_section((tmp_path / "plain-site" / "briefings" / project["slug"] / "index.html").read_text(encoding="utf-8"))
    assert_safe(notes)
    assert '<a href="../../actors/ffa/">the agency</a>' in notes


@pytest.mark.slow
def test_flat_urls_and_the_raw_switch(project, tmp_path, run_cli):
    root = tmp_path / "copy"
    shutil.copytree(project["root"], root, symlinks=True)
    slug = project["slug"]
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    build(root, run_cli)
    page_file = site_page(root, f"briefings/{slug}.md", directory_urls=False)
    notes = notes_section(content(page_file))
    assert_safe(notes)
    links = assert_links_resolve(root, page_file, notes)
    assert "../actors/ffa.html" in links and "../actors/ffa.html#briefings" in links
    actor = site_page(root, claimant_page(root), directory_urls=False)
    shown = content(actor).split("verdict-disputed", 1)[1].split("</li>", 1)[0]
    assert 'href="ffa.html"' in shown

    # a wrong value stops the build with one line naming the file
    settings = root / "briefing-gen.yml"
    settings.write_text("notes_html: unsafe\n", encoding="utf-8")
    wrong = run_cli(["build", "-j", "1"], cwd=root)
    assert wrong.returncode == 2
    assert "briefing-gen.yml: 'notes_html' must be one of sanitised, raw, not 'unsafe'" in wrong.stderr

    # raw: the editors' HTML is published as written
    settings.write_text("notes_html: raw\n", encoding="utf-8")
    build(root, run_cli)
    markdown = (root / "docs" / "briefings" / f"{slug}.md").read_text(encoding="utf-8")
    assert "<script>alert(3)</script>" in markdown and '<div onclick="alert(4)"' in markdown
    notes = notes_section(content(page_file))
    assert "<script>alert(3)</script>" in notes and 'onclick="alert(4)"' in notes
    assert '<a href="javascript:alert(6)">' in notes
    assert '<a href="../actors/ffa.html">the agency</a>' in notes  # MkDocs converts Markdown links itself
