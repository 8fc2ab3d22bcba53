"""`briefing-gen build` end to end, in a copy of articles/ and mkdocs.yml (slow: spaCy and MkDocs)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import pytest
from conftest import copy_example_site

pytestmark = pytest.mark.slow

SECTIONS = ["summary", "actors", "claims", "text", "notes"]
SECTION_TITLES = ["Summary", "Actors", "Claims", "Text", "Notes"]


def make_project(tmp_path_factory, repo_root: Path, name: str) -> Path:
    return copy_example_site(tmp_path_factory.mktemp(name))


def briefing_pages(project: Path) -> dict[str, frontmatter.Post]:
    """Generated briefing pages by source file name."""
    pages = {}
    for path in sorted((project / "docs" / "briefings").glob("*.md")):
        if path.name == "index.md":
            continue
        post = frontmatter.load(path)
        pages[Path(post["source"]).name] = post
    return pages


class _Page(HTMLParser):
    """Link texts and h2 headings (id, text) of an HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.h2: list[tuple[str, str]] = []
        self._open: list[tuple[str, str, list[str]]] = []  # (tag, id, text pieces)

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "h2"):
            self._open.append((tag, dict(attrs).get("id") or "", []))

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            _, id_, pieces = self._open.pop()
            text = " ".join("".join(pieces).split())
            if tag == "a":
                self.links.append(text)
            else:
                self.h2.append((id_, text))

    def handle_data(self, data):
        for _, _, pieces in self._open:
            pieces.append(data)


def parse_html(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def built(example_build):
    """A copy of the examples built twice (conftest's `example_build`, shared with the tests that
    read the built example site); both results and the docs/ snapshots."""
    return example_build


def test_build_exits_0(built):
    assert built["first"].returncode == 0, built["first"].stderr
    assert (built["project"] / "site" / "index.html").is_file()


def test_every_example_has_a_briefing_page(built, repo_root):
    pages = briefing_pages(built["project"])
    assert sorted(pages) == sorted(p.name for p in (repo_root / "articles").iterdir())


def test_index_lists_every_briefing_title(built):
    titles = {post["title"] for post in briefing_pages(built["project"]).values()}
    assert len(titles) == 6 and all(titles)
    links = parse_html(built["project"] / "site" / "index.html").links
    assert titles <= set(links), titles - set(links)


def test_index_lists_expected_titles(built, expected_examples):
    text = " ".join(parse_html(built["project"] / "site" / "index.html").links)
    for example in expected_examples.values():
        if example["metadata"]["title"]:
            assert example["metadata"]["title"] in text


def test_briefing_pages_have_the_sections(built):
    pages = briefing_pages(built["project"])
    for post in pages.values():
        html = built["project"] / "site" / "briefings" / post["slug"] / "index.html"
        headings = [(id_, text.rstrip("¶").strip()) for id_, text in parse_html(html).h2]
        assert headings == list(zip(SECTIONS, SECTION_TITLES)), (post["slug"], headings)


def test_search_index_has_body_word_and_location(built):
    project = built["project"]
    slug = briefing_pages(project)["plain-water-summit.txt"]["slug"]
    index = json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_location = {doc["location"]: doc["text"] for doc in index["docs"]}
    # the Text section of the page (the article body) is indexed under the page's own location
    body = by_location[f"briefings/{slug}/#text"]
    assert "Tokmozor" in body
    assert "cotton and wheat farmers" in body


def test_mkdocs_strict_build_of_generated_docs(built, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "strict-site")],
        cwd=built["project"], capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "strict-site" / "index.html").is_file()


def test_second_build_rewrites_nothing(built):
    assert built["second"].returncode == 0, built["second"].stderr
    assert built["after_second"] == built["after_first"]
    assert any(name.startswith("briefings/") for name in built["after_first"])


def test_hand_written_pages_are_left_alone(built, repo_root):
    about = repo_root / "docs" / "about"
    if not about.is_dir():
        pytest.skip("no hand-written pages in docs/about")
    for page in about.rglob("*.md"):
        copy = built["project"] / "docs" / "about" / page.relative_to(about)
        assert copy.read_bytes() == page.read_bytes()
    manifest = json.loads((built["project"] / "docs" / ".briefing-gen-manifest.json").read_text(encoding="utf-8"))
    assert not any(entry.startswith("about/") for entry in manifest)


def test_build_is_strict_about_broken_links(tmp_path_factory, repo_root, run_cli):
    project = make_project(tmp_path_factory, repo_root, "strict")
    (project / "docs" / "about").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "about" / "editor.md").write_text("# Editor page\n\nSee [the missing page](missing-page.md).\n")
    result = run_cli(["build"], cwd=project)
    assert result.returncode != 0
    assert "mkdocs" in result.stderr.lower()


@pytest.fixture(scope="module")
def with_empty_file(tmp_path_factory, repo_root, run_cli):
    project = make_project(tmp_path_factory, repo_root, "empty")
    (project / "articles" / "zz-empty.txt").write_bytes(b"")
    return project, run_cli(["build"], cwd=project)


def test_empty_file_exit_1_and_others_built(with_empty_file, repo_root):
    project, result = with_empty_file
    assert result.returncode == 1
    assert sorted(briefing_pages(project)) == sorted(p.name for p in (repo_root / "articles").iterdir())
    assert (project / "site" / "index.html").is_file()
    assert not list((project / "docs" / "briefings").glob("*empty*"))


def test_empty_file_error_on_stderr(with_empty_file):
    _, result = with_empty_file
    lines = [line for line in result.stderr.splitlines() if "zz-empty.txt" in line]
    assert lines and all("empty" in line.replace("zz-empty.txt", "") for line in lines)


def test_empty_file_error_is_one_line(with_empty_file):
    _, result = with_empty_file
    lines = [line for line in result.stderr.splitlines() if "zz-empty.txt" in line]
    assert len(lines) == 1


def test_removed_article_removes_its_page(tmp_path_factory, repo_root, run_cli):
    project = make_project(tmp_path_factory, repo_root, "removal")
    assert run_cli(["build"], cwd=project).returncode == 0
    slug = briefing_pages(project)["md-sanctions-vote.md"]["slug"]
    assert (project / "docs" / "briefings" / f"{slug}.md").is_file()
    assert (project / "site" / "briefings" / slug / "index.html").is_file()

    (project / "articles" / "md-sanctions-vote.md").unlink()
    result = run_cli(["build"], cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (project / "docs" / "briefings" / f"{slug}.md").exists()
    assert not (project / "site" / "briefings" / slug).exists()
    assert "md-sanctions-vote.md" not in briefing_pages(project)
    assert len(briefing_pages(project)) == 5
    # actors seen only in the removed article lose their pages too
    assert not (project / "docs" / "actors" / "jean-paul-ndoki.md").exists()


class _Anchors(HTMLParser):
    """The ids of an HTML page and the links it holds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])


def broken_links(site: Path, directory_urls: bool = True) -> list[str]:
    """Every link between pages of a built site that leads to no page, or to no such anchor on it."""
    from urllib.parse import unquote, urlsplit

    parsed: dict[Path, _Anchors] = {}

    def page(path: Path) -> _Anchors:
        if path not in parsed:
            parsed[path] = _Anchors()
            parsed[path].feed(path.read_text(encoding="utf-8"))
        return parsed[path]

    broken = []
    for source in sorted(site.rglob("*.html")):
        if "pagefind" in source.parts:
            continue
        for href in page(source).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            if not parts.path:
                target = source
            elif parts.path.startswith("/"):  # from the site's root (the 404 page's links)
                target = site / unquote(parts.path).lstrip("/")
            else:
                target = source.parent / unquote(parts.path)
            if parts.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            target = target.resolve()
            if site.resolve() not in target.parents or not target.is_file():
                broken.append(f"{source.relative_to(site)}: {href} (no such page)")
            elif target.suffix == ".html" and parts.fragment and unquote(parts.fragment) not in page(target).ids:
                broken.append(f"{source.relative_to(site)}: {href} (no such anchor)")
    return broken


def test_every_link_between_pages_leads_to_a_page_and_its_anchor(built):
    """The tables, claim lists and text of the pages are HTML blocks whose links briefing-gen
    writes as URLs itself (MkDocs only checks Markdown links): each must lead somewhere."""
    site = built["project"] / "site"
    assert broken_links(site) == []
    briefing = next(p for p in (site / "briefings").glob("*/index.html"))
    assert any(href.startswith("../../actors/") for href in parse_hrefs(briefing))


def test_links_follow_the_sites_url_style(built, tmp_path, run_cli):
    """With `use_directory_urls: false` pages are `name.html`, and the links written by briefing-gen follow."""
    import shutil

    project = tmp_path / "flat"
    shutil.copytree(built["project"], project, ignore=shutil.ignore_patterns("site"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    result = run_cli(["build"], cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert broken_links(site) == []
    briefing = next(p for p in (site / "briefings").glob("*.html") if p.name != "index.html")
    assert any(href.startswith("../actors/") and ".html" in href for href in parse_hrefs(briefing))


def parse_hrefs(path: Path) -> list[str]:
    page = _Anchors()
    page.feed(path.read_text(encoding="utf-8"))
    return page.hrefs


def test_tables_start_with_their_header_or_their_first_row(built):
    """No table of the site opens with an empty header row, and a briefing's actors are listed
    most mentioned first."""
    site = built["project"] / "site"
    for page in site.rglob("*.html"):
        markup = page.read_text(encoding="utf-8")
        for head in re.findall(r"<thead>(.*?)</thead>", markup, flags=re.DOTALL):
            assert re.sub(r"<[^>]+>|\s", "", head), f"{page.relative_to(site)} has a table with an empty header row"
    for page in (site / "briefings").glob("*/index.html"):
        markup = page.read_text(encoding="utf-8")
        actors = markup.split('id="actors"', 1)[1].split("</table>", 1)[0]
        mentions = [int(n) for n in re.findall(r"<td>(\d+)$", actors, flags=re.MULTILINE)]  # each row's last cell
        assert mentions and mentions == sorted(mentions, reverse=True), page.relative_to(site)


def test_claim_ids_and_graph_counts_on_every_briefing(built):
    """Every claim shows its id right after its ¶ link, and the number after a claimant in the
    claims graph is the number of claims listed under its name beside it."""
    from test_claim_review import ID_TITLE, claim_groups, graph_claimant_counts, html_claims_section

    from briefing_gen.site.charts import shorten

    graphs = 0
    for page in sorted((built["project"] / "site" / "briefings").glob("*/index.html")):
        markup = page.read_text(encoding="utf-8")
        ids = re.findall(r'id="(c-[0-9a-f]{10}(?:-\d+)?)"', html_claims_section(markup))
        assert ids, page
        for claim_id in ids:
            assert re.search(rf'title="claim {claim_id}">¶ \d+</a> <code class="bg-claim-id" title="{ID_TITLE}"[^>]*>{claim_id}</code>', markup), claim_id
        listed = {shorten(name): len(found) for name, found in claim_groups(markup).items()}
        counts = graph_claimant_counts(markup)
        graphs += bool(counts)
        for name, count in counts.items():
            assert listed[name] == count, (page.parent.name, name, count, listed[name])
    assert graphs >= 3
