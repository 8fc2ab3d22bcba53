"""Source pages (one per publisher and per author) and the Atom feeds of new briefings and of each
story (issue 21, items 4 and 5).

The fast tests render hand-made briefings; the slow ones build `tests/fixtures/stories/` (seventeen
invented articles from ten publishers, three of them `.txt` files with a byline and no publisher)
with the real `briefing-gen build`, plus one article whose title, publisher and author are hostile.
"""
from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import frontmatter
import pytest

from briefing_gen.collection.stories import Story
from briefing_gen.editorial.corrections import Corrections, Verdict
from briefing_gen.editorial.notes import Note
from briefing_gen.model import Actor, AlsoPublished, Article, Briefing, Claim
from briefing_gen.site import feeds, pages
from briefing_gen.site.urls import PageUrls

STORIES_DIR = Path(__file__).resolve().parent / "fixtures" / "stories"
A = "{http://www.w3.org/2005/Atom}"
HOSTILE = "<script>alert(1)</script> *bold* [link](javascript:x) &amp; \x00\x07"
HOSTILE_PUBLISHER = "<img src=x onerror=alert(1)> Daily"
HOSTILE_AUTHOR = 'Eve <b onmouseover="alert(1)">Bold</b> & ]]>'


def briefing(slug: str, day: str | None, publisher: str | None, authors: list[str], claims: int = 1, title: str = "") -> Briefing:
    article = Article(source=f"{slug}.md", title=title or slug.replace("-", " ").title(), published=day, publisher=publisher, authors=authors)
    return Briefing(
        article=article,
        slug=slug,
        summary=[f"What happened in {slug}.", "A second sentence."],
        actors=[Actor(name="Teodor Vasko", type="person", mentions=2)],
        claims=[
            Claim(id=f"c-{slug}-{n}", text=f"claim {n} of {slug}", claimant="Teodor Vasko", kind="statement", cue="say", paragraph=0)
            for n in range(claims)
        ],
    )


def collection_of(items: list[Briefing], notes: dict[str, Note] | None = None, **options) -> pages.Collection:
    collection = pages.Collection(**options)
    for item in items:
        collection.add(item, (notes or {}).get(item.slug))
    collection.assign_actor_slugs()
    return collection


def verdict_note(slug: str, claim_id: str, verdict: str, note: str = "") -> Note:
    return Note(slug=slug, path=Path(f"notes/{slug}.md"), body="", corrections=Corrections(verdicts={claim_id: Verdict(verdict, note)}))


# Source pages ----------------------------------------------------------------------------------------


def test_each_publisher_and_author_has_a_page_with_its_briefings_claims_and_verdicts():
    items = [
        briefing("a", "2026-03-02", "Estrelia Herald", ["Nadia Korhonen"], claims=2),
        briefing("b", "2026-03-05", "estrelia  herald", ["Nadia Korhonen", "Pieter Aalto"]),  # the same publisher, spelt otherwise
        briefing("c", "2026-03-04", "Coastal Freight Review", ["Pieter Aalto"]),
        briefing("d", None, None, []),
    ]
    notes = {"a": verdict_note("a", "c-a-1", "disputed", "See the [port's figures](https://example.org).")}
    collection = collection_of(items, notes)
    sources = collection.sources
    assert sorted(e.slug for e in sources.publishers.values()) == ["coastal-freight-review", "estrelia-herald"]
    assert sorted(e.slug for e in sources.authors.values()) == ["nadia-korhonen", "pieter-aalto"]
    herald = sources.get("publisher", "Estrelia Herald")
    assert herald is not None and herald.name == "Estrelia Herald" and herald.page == "sources/publishers/estrelia-herald.md"
    page = pages.source_page(herald, collection)
    post = frontmatter.loads(page)
    assert post["title"] == "Estrelia Herald" and post["source_kind"] == "publisher" and post["briefing_count"] == 2
    body = post.content
    assert body.index("../../../briefings/b/") < body.index("../../../briefings/a/")  # newest first
    assert "c-a-0" in body and "c-a-1" in body and "c-b-0" in body and "c-c-0" not in body
    assert "(../../briefings/a.md#c-a-1)" in body  # the claim's anchor on its briefing page
    assert "⚠ disputed" in body and "figures](https://example.org)" in body  # the editors' verdict and its note
    assert "[Teodor Vasko](../../actors/teodor-vasko.md)" in body
    assert '<a href="../../authors/nadia-korhonen/">Nadia Korhonen</a> (2)' in body
    pieter = pages.source_page(sources.authors["pieter aalto"], collection)
    assert "c-b-0" in pieter and "c-c-0" in pieter and "c-a-0" not in pieter
    assert '<li><a href="../../../actors/teodor-vasko/">Teodor Vasko</a> (statement)' in pieter  # no verdict: an HTML list
    index = frontmatter.loads(pages.sources_index_page(collection)).content
    assert '<a href="publishers/estrelia-herald/">Estrelia Herald</a><td>2<td>3' in index
    assert '<a href="authors/pieter-aalto/">Pieter Aalto</a><td>2<td>2' in index
    assert "1 briefing names no publisher" in index


def test_a_briefing_links_its_publisher_authors_and_copies():
    item = briefing("a", "2026-03-02", "Estrelia Herald", ["Nadia Korhonen", "Anon Ymous"])
    item.article.also_published = [AlsoPublished(source="copy.md", publisher="Coastal Freight Review"), AlsoPublished(source="x.md")]
    collection = collection_of([item])
    page = pages.briefing_page(item, collection)
    assert 'by <a href="../../sources/publishers/estrelia-herald/">Estrelia Herald</a>' in page
    assert '<a href="../../sources/authors/nadia-korhonen/">Nadia Korhonen</a>, <a href="../../sources/authors/anon-ymous/">' in page
    assert '<tr><th>Also published<td><a href="../../sources/publishers/coastal-freight-review/">Coastal Freight Review</a>' in page
    assert "<tr><th>Also published<td>another site" in page
    copy_page = pages.source_page(collection.sources.publishers["coastal freight review"], collection)
    assert "(a copy)" in copy_page
    file_urls = collection_of([item], urls=PageUrls(directory_urls=False))  # `build --offline`
    assert 'href="../sources/publishers/estrelia-herald.html"' in pages.briefing_page(item, file_urls)


def test_publisher_and_author_of_one_name_get_pages_of_their_own_and_slugs_are_stable():
    items = [briefing("a", "2026-03-02", "Reuters", ["Reuters"]), briefing("b", "2026-03-03", "Le Monde", ["Con"])]
    sources = collection_of(items).sources
    assert sources.publishers["reuters"].page == "sources/publishers/reuters.md"
    assert sources.authors["reuters"].page == "sources/authors/reuters.md"
    assert sources.authors["con"].slug == "con-article"  # a name Windows reserves
    again = collection_of(list(reversed(items)) + [briefing("c", "2026-03-04", "Le-Monde", [])]).sources
    assert again.publishers["reuters"].slug == "reuters" and again.publishers["le monde"].slug == "le-monde"
    assert again.publishers["le-monde"].slug == "le-monde-2"


def test_source_pages_escape_article_text():
    items = [briefing("a", "2026-03-02", HOSTILE_PUBLISHER, [HOSTILE_AUTHOR], title=HOSTILE), briefing("b", "2026-03-03", HOSTILE, [])]
    notes = {"a": verdict_note("a", "c-a-0", "false")}
    collection = collection_of(items, notes)
    rendered = [pages.source_page(entry, collection) for kind in pages.SOURCE_FOLDERS for entry in collection.sources.of_kind(kind).values()]
    rendered += [pages.sources_index_page(collection), pages.briefing_page(items[0], collection, notes["a"])]
    assert len(rendered) == 5
    for text in rendered:
        post = frontmatter.loads(text)
        for value in (post.content, post.get("title", "")):
            assert "<script>" not in value and "<img" not in value and "<b " not in value
    for text in rendered[:-1]:  # (a briefing's title comes from a reader, which drops control characters)
        assert "\x00" not in text and "\x07" not in text
    assert "&lt;img src=x onerror=alert(1)&gt; Daily" in rendered[-1]
    assert "Eve &lt;b onmouseover=&quot;alert(1)&quot;&gt;Bold&lt;/b&gt; &amp; ]]&gt;" in rendered[-1]
    for entry in [*collection.sources.publishers.values(), *collection.sources.authors.values()]:
        assert re.fullmatch(r"[a-z0-9-]+", entry.slug)


# Feeds -----------------------------------------------------------------------------------------------


def parse_feed(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{A}feed"
    for tag in ("id", "title", "updated"):
        assert root.find(A + tag) is not None and root.find(A + tag).text, tag
    assert root.find(f"{A}author/{A}name") is not None  # entries without authors take the feed's
    for entry in root.findall(f"{A}entry"):
        for tag in ("id", "title", "updated"):
            assert entry.find(A + tag) is not None and entry.find(A + tag).text, tag
        link = entry.find(f"{A}link[@rel='alternate']")
        assert link is not None and link.get("href")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", entry.find(f"{A}updated").text)
    return root


def entry_links(root: ET.Element) -> list[str]:
    return [entry.find(f"{A}link").get("href") for entry in root.findall(f"{A}entry")]


def test_the_briefings_feed_lists_the_newest_dated_briefings_first():
    items = [briefing(f"b{n:02}", f"2026-01-{n + 1:02}", "Herald", []) for n in range(30)]
    items += [briefing(f"m{n:02}", f"2026-02-{n + 1:02}", None, ["Ann"]) for n in range(28)]
    items.append(briefing("undated", None, None, []))
    collection = collection_of(items, site_name="Valmora Watch")
    root = parse_feed(feeds.briefings_feed(collection))
    links = entry_links(root)
    assert len(links) == feeds.FEED_ENTRIES == 50
    assert links[0] == "../briefings/m27/" and links[27] == "../briefings/m00/" and links[28] == "../briefings/b29/"
    assert "../briefings/undated/" not in links
    assert root.find(f"{A}title").text == "Valmora Watch"
    assert root.find(f"{A}updated").text == "2026-02-28T00:00:00Z"
    first = root.find(f"{A}entry")
    assert first.find(f"{A}summary").text == "What happened in m27. A second sentence."
    assert first.find(f"{A}author/{A}name").text == "Ann"
    assert first.find(f"{A}id").text.startswith("urn:uuid:")
    assert feeds.briefings_feed(collection_of(list(reversed(items)), site_name="Valmora Watch")) == feeds.briefings_feed(collection)
    ids = [e.find(f"{A}id").text for e in root.findall(f"{A}entry")]
    assert len(set(ids)) == 50


def test_feed_links_are_absolute_under_site_url_and_ids_stay():
    items = [briefing("a", "2026-03-02", "Herald", [])]
    relative = parse_feed(feeds.briefings_feed(collection_of(items)))
    absolute = parse_feed(feeds.briefings_feed(collection_of(items, site_url="https://example.org/brief")))
    assert entry_links(absolute) == ["https://example.org/brief/briefings/a/"]
    assert absolute.find(f"{A}link[@rel='self']").get("href") == "https://example.org/brief/feeds/briefings.xml"
    assert absolute.find(f"{A}link[@rel='alternate']").get("href") == "https://example.org/brief/"
    assert relative.find(f"{A}link[@rel='self']").get("href") == "briefings.xml"
    again = parse_feed(feeds.briefings_feed(collection_of(items)))
    assert again.find(f"{A}entry/{A}id").text == relative.find(f"{A}entry/{A}id").text


def test_story_feeds_list_the_story_and_escape_everything():
    items = [
        briefing("s1", "2026-03-02", HOSTILE_PUBLISHER, [HOSTILE_AUTHOR], title=HOSTILE),
        briefing("s2", "2026-03-04", "Herald", []),
        briefing("other", "2026-03-05", "Herald", []),
    ]
    items[0].summary = [HOSTILE + " \ud800 ]]> end"]
    collection = collection_of(items)
    story = Story(slug="strike", title=HOSTILE, briefings=["s1", "s2"], first="2026-03-02", last="2026-03-04")
    collection.set_stories([story])
    text = feeds.story_feed(story, collection)
    assert text is not None and "<script>" not in text and "\x00" not in text
    root = parse_feed(text)
    assert entry_links(root) == ["../../briefings/s2/", "../../briefings/s1/"]
    hostile_entry = root.findall(f"{A}entry")[1]
    assert hostile_entry.find(f"{A}title").text == "<script>alert(1)</script> *bold* [link](javascript:x) &amp;"
    assert hostile_entry.find(f"{A}author/{A}name").text == 'Eve <b onmouseover="alert(1)">Bold</b> & ]]>'
    assert hostile_entry.find(f"{A}summary").text.endswith("]]> end")
    assert root.find(f"{A}link[@rel='alternate']").get("href") == "../../stories/strike/"
    page = pages.story_page(story, collection)
    assert "[Atom feed](../feeds/stories/strike.xml)" in page
    undated = Story(slug="undated", title="x", briefings=["u1", "u2"])
    collection = collection_of([briefing("u1", None, None, []), briefing("u2", None, None, [])])
    collection.set_stories([undated])
    assert feeds.story_feed(undated, collection) is None and "Atom feed" not in pages.story_page(undated, collection)


# The fixture collection, built for real ----------------------------------------------------------------


def expected_sources() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Publisher -> files and author -> files, from the fixtures' front matter and bylines."""
    publishers: dict[str, set[str]] = {}
    authors: dict[str, set[str]] = {}
    for path in sorted(STORIES_DIR.iterdir()):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            meta = frontmatter.loads(text)
            publishers.setdefault(meta["publisher"], set()).add(path.name)
            authors.setdefault(meta["author"], set()).add(path.name)
        else:
            byline = re.search(r"^By (.+)$", text, flags=re.MULTILINE)
            assert byline is not None
            authors.setdefault(byline.group(1).strip(), set()).add(path.name)
    return publishers, authors


HOSTILE_ARTICLE = f"""---
title: {HOSTILE.replace(chr(0), "").replace(chr(7), "")!r}
date: 2026-06-01
author: {HOSTILE_AUTHOR!r}
publisher: {HOSTILE_PUBLISHER!r}
---

The Valmora chess club said on Monday that its new hall would open in June. "We waited ten years for this," said Marta Kolberg, the club's chair.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory, repo_root, run_cli) -> Path:
    project = tmp_path_factory.mktemp("sources") / "site"
    shutil.copytree(STORIES_DIR, project / "articles")
    (project / "articles" / "hostile.md").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    shutil.copy(repo_root / "mkdocs.yml", project / "mkdocs.yml")
    if (repo_root / "overrides").is_dir():
        shutil.copytree(repo_root / "overrides", project / "overrides")
    shutil.copytree(repo_root / "docs" / "about", project / "docs" / "about")
    result = run_cli(["build"], cwd=project)
    assert result.returncode == 0, result.stderr
    return project


def posts_by_source(docs: Path) -> dict[str, frontmatter.Post]:
    posts = (frontmatter.load(path) for path in (docs / "briefings").glob("*.md") if path.name != "index.md")
    return {Path(post["source"]).name: post for post in posts}


@pytest.mark.slow
def test_build_writes_a_page_per_publisher_and_author_listing_briefings_and_claims(built):
    docs = built / "docs"
    posts = posts_by_source(docs)
    publishers, authors = expected_sources()
    for kind, expected in (("publishers", publishers), ("authors", authors)):
        found = {frontmatter.load(path)["title"]: path for path in (docs / "sources" / kind).glob("*.md")}
        assert {title for title in found if "alert(1)" not in title} == set(expected)
        # and the hostile article's publisher (the readers refuse an author name with markup in it)
        assert len(found) == len(expected) + (kind == "publishers")
        for name, files in expected.items():
            text = found[name].read_text(encoding="utf-8")
            assert frontmatter.loads(text)["briefing_count"] == len(files)
            for file in files:
                slug = posts[file]["slug"]
                assert f"/briefings/{slug}/" in text  # the briefing, linked
                briefing_text = (docs / "briefings" / f"{slug}.md").read_text(encoding="utf-8")
                claim_ids = re.findall(r'<li id="(c-[0-9a-f]+)"', briefing_text) + re.findall(r"\{ #(c-[0-9a-f]+) \}", briefing_text)
                assert claim_ids, file
                for claim_id in claim_ids:
                    assert f"/briefings/{slug}/#{claim_id}" in text  # each claim, linked to its anchor
            built_page = built / "site" / "sources" / kind / found[name].stem / "index.html"
            assert built_page.is_file()
    index = (docs / "sources" / "index.md").read_text(encoding="utf-8")
    assert all(name in index for name in [*publishers, *authors])
    assert "sources/index.md" in (built / "mkdocs.yml").read_text(encoding="utf-8")
    assert (built / "site" / "sources" / "index.html").is_file()


@pytest.mark.slow
def test_briefing_pages_link_their_publisher_and_author_pages(built):
    docs = built / "docs"
    post = posts_by_source(docs)["dam-breach.md"]
    page = (built / "site" / "briefings" / post["slug"] / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../sources/publishers/northern-dispatch/">Northern Dispatch</a>' in page
    assert '<a href="../../sources/authors/rafael-montes/">Rafael Montes</a>' in page
    assert '<link rel="alternate" type="application/atom+xml"' in page and 'href="../../feeds/briefings.xml"' in page


@pytest.mark.slow
def test_hostile_source_names_and_titles_are_text_in_the_built_site(built):
    site = built / "site"
    pages_to_check = [site / "sources" / "index.html", *site.glob("sources/*/*/index.html")]
    hostile_slug = posts_by_source(built / "docs")["hostile.md"]["slug"]
    pages_to_check.append(site / "briefings" / hostile_slug / "index.html")
    for path in pages_to_check:
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html, path
    publisher_page = next(p for p in site.glob("sources/publishers/*/index.html") if "img-src-x" in str(p))
    assert re.search(r"<h1[^>]*>(＜|&lt;)img src=x onerror=alert\(1\)&gt; Daily<", publisher_page.read_text(encoding="utf-8"))
    briefing_page = (site / "briefings" / hostile_slug / "index.html").read_text(encoding="utf-8")
    assert '">&lt;img src=x onerror=alert(1)&gt; Daily</a>' in briefing_page  # the Source box's link


@pytest.mark.slow
def test_feeds_are_valid_atom_with_the_right_entries_newest_first(built):
    docs = built / "docs"
    posts = posts_by_source(docs)
    root = parse_feed((docs / "feeds" / "briefings.xml").read_text(encoding="utf-8"))
    links = entry_links(root)
    newest_first = sorted(posts.values(), key=lambda p: (str(p["published"]), p["title"], p["slug"]), reverse=True)
    assert links == [f"../briefings/{post['slug']}/" for post in newest_first]
    titles = [e.find(f"{A}title").text for e in root.findall(f"{A}entry")]
    assert "<script>alert(1)</script> *bold* [link](javascript:x) &" in titles  # (the reader decoded the &amp;)
    assert (built / "site" / "feeds" / "briefings.xml").read_bytes() == (docs / "feeds" / "briefings.xml").read_bytes()
    stories = [frontmatter.load(p) for p in (docs / "stories").glob("*.md") if p.name != "index.md"]
    assert len(stories) == 3
    for story in stories:
        feed = docs / "feeds" / "stories" / f"{story['story']}.xml"
        story_root = parse_feed(feed.read_text(encoding="utf-8"))
        assert entry_links(story_root) == [f"../../briefings/{slug}/" for slug in reversed(story["briefings"])]
        assert f"../feeds/stories/{story['story']}.xml" in story.content
        assert (built / "site" / "feeds" / "stories" / f"{story['story']}.xml").is_file()


@pytest.mark.slow
def test_a_verdict_shows_on_the_source_page_and_a_rebuild_without_change_rewrites_nothing(built, run_cli):
    docs = built / "docs"

    def state() -> dict[str, tuple[int, int]]:
        return {str(p.relative_to(built)): (p.stat().st_mtime_ns, p.stat().st_size) for p in docs.rglob("*") if p.is_file()}

    before = state()
    result = run_cli(["build", "--no-site"], cwd=built)
    assert result.returncode == 0, result.stderr
    assert "pages: 0 written" in result.stderr
    assert state() == before
    result = run_cli(["build", "--no-site", "--no-cache"], cwd=built)  # rendered again, compared, not written
    assert result.returncode == 0, result.stderr
    assert state() == before

    post = posts_by_source(docs)["dam-breach.md"]
    text = (docs / "briefings" / f"{post['slug']}.md").read_text(encoding="utf-8")
    claim_id = re.findall(r'<li id="(c-[0-9a-f]+)"', text)[0]
    (built / "notes").mkdir(exist_ok=True)
    (built / "notes" / f"{post['slug']}.md").write_text(
        f"---\nverdicts:\n  {claim_id}:\n    verdict: disputed\n    note: The dam authority disagrees.\n---\n", encoding="utf-8"
    )
    result = run_cli(["build", "--no-site"], cwd=built)
    assert result.returncode == 0, result.stderr
    for page in ("sources/publishers/northern-dispatch.md", "sources/authors/rafael-montes.md"):
        source = (docs / page).read_text(encoding="utf-8")
        assert f"#{claim_id})" in source and "⚠ disputed" in source and "The dam authority disagrees." in source
        assert "<tr><th>Editors' verdicts<td>1 ⚠ disputed" in source


def test_an_editors_verdict_link_still_leads_to_its_page_from_a_source_page():
    from briefing_gen.site.pages import rebased

    note = "**Disputed**: see [FFA](../actors/ffa.md), [the report](other-briefing.md#c-1) and [UN](https://un.example/r)"
    assert rebased(note, "sources/authors/jane-doe.md") == (
        "**Disputed**: see [FFA](../../actors/ffa.md), [the report](../../briefings/other-briefing.md#c-1) and [UN](https://un.example/r)"
    )
    assert rebased(note, "claims/index.md") == note.replace("(other-briefing.md", "(../briefings/other-briefing.md")
