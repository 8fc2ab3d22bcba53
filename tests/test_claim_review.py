"""What editors need beside each claim: its id, shown and copyable next to its ¶ link; a "check
speaker" mark where extraction is unsure who said it; the "To review" list of the claims index,
which a corrected claimant or a verdict takes the claim off; and a claims graph drawn from what
each claim is about.

The first tests render briefings made by hand (no spaCy). The last ones (slow) build a small site
from an article written for them, whose two whole-paragraph quotes have no cue: extraction guesses
their speakers (the person the paragraph before named), with a confidence under REVIEW_BELOW.
"""
from __future__ import annotations

import html
import json
import re
import textwrap
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import pytest
from conftest import copy_example_site

from briefing_gen.editorial.corrections import apply_corrections, validate_corrections
from briefing_gen.editorial.notes import Note
from briefing_gen.model import REVIEW_BELOW, Actor, Article, Briefing, Claim, Paragraph
from briefing_gen.site import pages

ID_TITLE = "claim id: use it in the notes file to correct or give a verdict"
MARK = "⚠</span> check speaker</span>"
HOSTILE = '<img src=x onerror=alert(1)> *bold* {: onclick=x }'


def make_briefing(slug: str = "harbour", published: str = "2026-04-02", hostile: bool = False) -> Briefing:
    article = Article(
        source=f"{slug}.md",
        title=f"Harbour talks {slug}",
        published=published,
        paragraphs=[Paragraph("Port director Ana Lee met the unions."), Paragraph("“We open in May.”"), Paragraph("Tomas Reyes said pay would rise.")],
    )
    actors = [Actor("Ana Lee", "person", [], 2), Actor("Tomas Reyes", "person", [], 1)]
    claims = [
        Claim(f"c-{slug[:4]}000001", HOSTILE if hostile else "We open in May.", "Ana Lee", "quote", None, 1, confidence=0.5),
        Claim(f"c-{slug[:4]}000002", "pay would rise", "Tomas Reyes", "statement", "say", 2, about=["Ana Lee"]),
        Claim(f"c-{slug[:4]}000003", "talks went well", "Tomas Reyes", "statement", "say", 2, confidence=REVIEW_BELOW),
    ]
    return Briefing(article=article, slug=slug, summary=["Talks."], actors=actors, claims=claims)


def note_with(metadata: dict, slug: str = "harbour") -> Note:
    corrections, _ = validate_corrections(metadata, f"notes/{slug}.md")
    return Note(slug=slug, path=Path(f"notes/{slug}.md"), body="", corrections=corrections)


def collect(*items: tuple[Briefing, Note | None]) -> pages.Collection:
    collection = pages.Collection()
    for briefing, note in items:
        collection.add(briefing, note)
    collection.assign_actor_slugs()
    return collection


def claims_section(markdown: str) -> str:
    return markdown.split("\n## Claims\n", 1)[1].split("\n## Text\n", 1)[0]


def to_review_section(markdown: str) -> str:
    """The "To review" section of the claims index ('' when it has none)."""
    if "\n## To review\n" not in markdown:
        return ""
    return markdown.split("\n## To review\n", 1)[1].split("\n## ", 1)[0]


# Rendering briefings made by hand --------------------------------------------------------------------


def test_each_claim_shows_its_id_after_its_paragraph_link(render):
    briefing = make_briefing(hostile=True)
    section = claims_section(pages.briefing_page(briefing, collect((briefing, None))))
    for claim in briefing.claims:
        shown = f'<code class="bg-claim-id" title="{ID_TITLE}" data-pagefind-ignore>{claim.id}</code>'
        assert re.search(rf'<a href="#p-{claim.paragraph}" title="claim {claim.id}">¶ {claim.paragraph + 1}</a> {re.escape(shown)}', section)
    assert 'class="bg-claims" data-pagefind-ignore' in section  # the list, ids and marks are not indexed
    rendered = render(section)
    assert "<img" not in rendered.html and not any(name.startswith("on") for name in dict(rendered.attributes))
    assert "&lt;img src=x onerror=alert(1)&gt; *bold* {: onclick=x }" in rendered.html


def test_the_id_is_shown_in_the_markdown_list_of_claims_with_verdicts_too(render):
    briefing = make_briefing()
    note = note_with({"verdicts": {"c-harb000002": "disputed"}})
    section = claims_section(pages.briefing_page(briefing, collect((briefing, note)), note))
    rendered = render(section).html
    assert re.search(r'<a href="#p-2" id="c-harb000002" title="claim c-harb000002">¶ 3</a> <code class="bg-claim-id"[^>]*>c-harb000002</code> <strong class="verdict', rendered)
    assert f'title="{ID_TITLE}"' in rendered


def test_an_uncertain_speaker_is_marked_with_an_icon_and_words():
    briefing = make_briefing()
    collection = collect((briefing, None))
    section = claims_section(pages.briefing_page(briefing, collection))
    lines = {re.search(r"c-harb\d+", line).group(): line for line in section.splitlines() if line.startswith("<li id=")}
    assert MARK in lines["c-harb000001"]  # confidence 0.5
    assert MARK not in lines["c-harb000002"] and MARK not in lines["c-harb000003"]  # certain, and exactly at the threshold
    assert 'title="The machine is unsure who said this' in lines["c-harb000001"]
    actor_page = pages.actor_page(collection.actors["ana lee"])
    assert MARK in actor_page.split("## Claims by", 1)[1]
    assert MARK not in pages.actor_page(collection.actors["tomas reyes"])


def test_a_verdict_or_a_corrected_claimant_takes_the_mark_away():
    briefing = make_briefing()
    verdict = note_with({"verdicts": {"c-harb000001": "unverified"}})
    assert MARK not in pages.briefing_page(briefing, collect((briefing, verdict)), verdict)
    corrected = note_with({"claims": {"c-harb000001": {"claimant": "Ana Lee"}}})
    fixed = apply_corrections(briefing, corrected.corrections).briefing
    assert MARK not in pages.briefing_page(fixed, collect((fixed, corrected)), corrected)


VERDICT_WORDS = {"confirmed": "✓ confirmed", "disputed": "⚠ disputed", "false": "✗ false", "unverified": "? unverified"}


@pytest.mark.parametrize("verdict", sorted(VERDICT_WORDS))
def test_a_verdict_is_a_badge_with_an_icon_and_a_word(render, verdict):
    briefing = make_briefing()
    note = note_with({"verdicts": {"c-harb000002": verdict}})
    collection = collect((briefing, note))
    badge = f'<strong class="verdict verdict-{verdict}">{VERDICT_WORDS[verdict]}</strong>'
    assert badge in render(claims_section(pages.briefing_page(briefing, collection, note))).html
    assert badge in render(pages.actor_page(collection.actors["tomas reyes"]).split("---\n", 2)[2]).html


def test_every_verdict_badge_is_styled_in_both_palettes():
    css = (Path(pages.__file__).parents[1] / "assets" / "briefing.css").read_text(encoding="utf-8")
    rules = re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL))
    for verdict in VERDICT_WORDS:
        light = [body for selector, body in rules if selector.strip() == f".md-typeset .verdict-{verdict}"]
        dark = [body for selector, body in rules if selector.strip() == f'[data-md-color-scheme="slate"] .md-typeset .verdict-{verdict}']
        assert light and "color:" in light[0] and "background-color:" in light[0], verdict
        assert dark and "color:" in dark[0], verdict
    base = next(body for selector, body in rules if selector.strip() == ".md-typeset .verdict")
    assert "border:" in base and "inline-block" in base


class JsonLd(HTMLParser):
    """The text of each `<script type="application/ld+json">` of a page, and every script's type."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.blocks: list[str] = []
        self.scripts: list[str | None] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs).get("type"))
            self._open = dict(attrs).get("type") == "application/ld+json"
            if self._open:
                self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = False

    def handle_data(self, data):
        if self._open:
            self.blocks[-1] += data


def claim_reviews(markup: str) -> list[dict]:
    parser = JsonLd()
    parser.feed(markup)
    parser.close()
    found = []
    for block in parser.blocks:
        data = json.loads(block)
        found.extend(data if isinstance(data, list) else [data])
    return found


def check_claim_review(review: dict) -> None:
    """The fields https://schema.org/ClaimReview needs to say what was reviewed, by whom, and how it was rated."""
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["@type"] in ("Person", "Organization") and item["author"]["name"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and (rating.get("ratingValue") is not None or rating.get("alternateName"))
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]


def test_each_verdict_is_published_as_a_claim_review(render):
    briefing = make_briefing()
    briefing.article.url = "https://example.org/harbour"
    briefing.article.authors = ["Ines Calloway"]
    briefing.actors.append(Actor("Port Authority", "organization", [], 1))
    briefing.claims.append(Claim("c-harb000004", "Dredging is late.", "Port Authority", "statement", "say", 2))
    briefing.claims.append(Claim("c-harb000005", "Nobody wants a strike.", "author", "assessment", None, 0))
    note = note_with({"verdicts": {"c-harb000002": "disputed", "c-harb000004": "false", "c-harb000005": {"verdict": "confirmed", "note": "Yes."}}})
    collection = pages.Collection(site_name="Harbour Watch")
    collection.add(briefing, note)
    collection.assign_actor_slugs()
    reviews = {r["claimReviewed"]: r for r in claim_reviews(render(pages.briefing_page(briefing, collection, note).split("---\n", 2)[2]).html)}
    assert sorted(reviews) == ["Dredging is late.", "Nobody wants a strike.", "pay would rise"]
    for review in reviews.values():
        check_claim_review(review)
        assert review["author"] == {"@type": "Organization", "name": "Harbour Watch"}
        assert review["itemReviewed"]["datePublished"] == "2026-04-02"
        assert review["itemReviewed"]["appearance"]["url"] == "https://example.org/harbour"
        assert "datePublished" not in review  # a build date would change every page on every build
    assert reviews["pay would rise"]["itemReviewed"]["author"] == {"@type": "Person", "name": "Tomas Reyes"}
    assert reviews["pay would rise"]["reviewRating"]["alternateName"] == "Disputed"
    assert reviews["Dredging is late."]["itemReviewed"]["author"] == {"@type": "Organization", "name": "Port Authority"}
    assert reviews["Dredging is late."]["reviewRating"]["alternateName"] == "False"
    assert reviews["Nobody wants a strike."]["itemReviewed"]["author"] == {"@type": "Person", "name": "Ines Calloway"}


def test_a_page_without_verdicts_has_no_claim_review():
    briefing = make_briefing()
    assert "application/ld+json" not in pages.briefing_page(briefing, collect((briefing, None)))


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!--<script>", "</SCRIPT >&lt;b&gt; \u2028"])
def test_claim_text_cannot_leave_the_json(render, text):
    briefing = make_briefing()
    briefing.claims[1].text = text
    briefing.article.title = text
    note = note_with({"verdicts": {"c-harb000002": "false"}})
    markdown = pages.briefing_page(briefing, collect((briefing, note)), note)
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', markdown, re.IGNORECASE).group(1)
    assert not re.search(r"[<>&]", script)
    rendered = render(markdown.split("---\n", 2)[2]).html
    parser = JsonLd()
    parser.feed(rendered)
    assert parser.scripts == ["application/ld+json"]  # no script of the claim's making
    [review] = claim_reviews(rendered)
    assert review["claimReviewed"] == text


def test_the_claims_index_lists_the_claims_to_review_newest_first():
    older, newer = make_briefing("older", "2026-03-01"), make_briefing("newer", "2026-04-01")
    index = pages.claims_pages(collect((older, None), (newer, None)))["claims/index.md"]
    review = to_review_section(index)
    ids = re.findall(r"\(\.\./briefings/[a-z]+\.md#(c-[a-z]+\d+)\)", review)
    assert ids == ["c-newe000001", "c-olde000001"]
    assert "- **Ana Lee**: “We open in May.” ([Harbour talks newer](../briefings/newer.md#c-newe000001)) <code" in review
    assert "[2 to review](#to-review)" in index
    for kind_page in ("claims/quote.md", "claims/statement.md"):
        assert "To review" not in pages.claims_pages(collect((older, None)))[kind_page]


def test_the_review_list_is_capped_with_a_count_of_the_rest(monkeypatch):
    monkeypatch.setattr(pages, "REVIEW_ON_INDEX", 2)
    briefings = [make_briefing(f"b{i:03d}", f"2026-01-{i + 1:02d}") for i in range(5)]
    index = pages.claims_pages(collect(*[(b, None) for b in briefings]))["claims/index.md"]
    review = to_review_section(index)
    assert re.findall(r"#(c-b\d+)\)", review) == ["c-b004000001", "c-b003000001"]
    assert "3 more claims to review" in review and "[5 to review](#to-review)" in index


def test_reviewed_claims_leave_the_list():
    briefing = make_briefing()
    note = note_with({"verdicts": {"c-harb000001": "confirmed"}})
    assert "## To review" not in pages.claims_pages(collect((briefing, note)))["claims/index.md"]
    note = note_with({"claims": {"c-harb000001": {"claimant": "Tomas Reyes"}}})
    corrected = apply_corrections(briefing, note.corrections).briefing
    index = pages.claims_pages(collect((corrected, note)))["claims/index.md"]
    assert "## To review" not in index and "to review" not in index


def test_the_notes_template_says_where_the_id_is(tmp_path):
    from briefing_gen.editorial.new_note import BriefingRef, create_note

    path = create_note(tmp_path, BriefingRef(slug="harbour", title="Harbour talks", source="harbour.md", page=tmp_path / "harbour.md"))
    template = path.read_text(encoding="utf-8")
    assert "{ #c-" not in template  # the page's Markdown, not what an editor sees
    assert "link (¶ and a number) and then its id" in template and "check speaker" in template


# A small site built for real -------------------------------------------------------------------------

ARTICLE = """\
---
title: Velmora harbour talks stall over shift pay
date: 2026-04-02
author: Ines Calloway
---

Port director Anika Marsh met the shipping lines in Velmora on Tuesday to discuss the new ferry terminal and its opening date.

"We will open the terminal in May, whatever the weather does to the schedule."

The Ostrava Shipping Line said the figures were wishful thinking and warned that Germany would not pay for the dredging.

Union leader Tomas Reyes spoke to reporters after the meeting in the harbour office.

"Our members will not work double shifts for the same pay, and the ministry knows it."

Anika Marsh said Estonia had offered to lend two tugboats to the port of Velmora.
"""


@pytest.fixture(scope="module")
def small_site(tmp_path_factory, run_cli):
    """The example site's configuration with one article of our own, built once; and what
    `extract --json` says of that article (ids, claimants, confidences, `about`)."""
    project = copy_example_site(tmp_path_factory.mktemp("review"))
    for path in (project / "articles").iterdir():
        path.unlink()
    (project / "articles" / "harbour-talks.md").write_text(ARTICLE, encoding="utf-8")
    result = run_cli(["build"], cwd=project)
    assert result.returncode == 0, result.stderr
    extracted = run_cli(["extract", "articles/harbour-talks.md", "--json"], cwd=project)
    assert extracted.returncode == 0, extracted.stderr
    [briefing] = json.loads(extracted.stdout)
    return project, briefing


def site_page(project: Path, *parts: str) -> str:
    return (project / "site" / Path(*parts) / "index.html").read_text(encoding="utf-8")


def html_claims_section(markup: str) -> str:
    return markup.split('<h2 id="claims">', 1)[1].split('<h2 id="text">', 1)[0]


def uncertain(briefing: dict) -> list[dict]:
    found = [claim for claim in briefing["claims"] if claim["confidence"] < REVIEW_BELOW]
    assert len(found) >= 2, [(c["claimant"], c["confidence"], c["text"]) for c in briefing["claims"]]
    return found


class ClaimGroups(HTMLParser):
    """The claims of each claimant's list on a briefing page: heading text -> claim ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.groups: dict[str, list[str]] = {}
        self._heading: list[str] | None = None
        self._current: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "h3":
            self._heading = []
        elif self._current is not None and (attributes.get("id") or "").startswith("c-"):
            self.groups[self._current].append(attributes["id"])

    def handle_endtag(self, tag):
        if tag == "h3" and self._heading is not None:
            self._current = "".join(self._heading).rstrip("¶").strip()
            self.groups[self._current] = []
            self._heading = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading.append(data)


def claim_groups(markup: str) -> dict[str, list[str]]:
    parser = ClaimGroups()
    parser.feed(html_claims_section(markup))
    return parser.groups


def graph_edges(markup: str) -> Counter:
    """(claimant, named actor) -> claims, read from the tooltips of the graph's lines."""
    edges = Counter()
    for source, target, count in re.findall(r'<path class="bg-edge"[^>]*><title>(.*?) → (.*?): (\d+) claims?</title>', markup):
        edges[(html.unescape(source), html.unescape(target))] += int(count)
    return edges


def graph_claimant_counts(markup: str) -> dict[str, int]:
    labels = re.findall(r'<text x="[\d.]+" y="[\d.]+" text-anchor="end"><title>[^<]*</title>([^<]*) \((\d+)\)</text>', markup)
    return {html.unescape(name): int(count) for name, count in labels}


@pytest.mark.slow
def test_the_built_page_shows_each_id_next_to_its_paragraph_link(small_site):
    project, briefing = small_site
    section = html_claims_section(site_page(project, "briefings", briefing["slug"]))
    for claim in briefing["claims"]:
        assert re.search(
            rf'<a href="#p-{claim["paragraph"]}" title="claim {claim["id"]}">¶ {claim["paragraph"] + 1}</a> '
            rf'<code class="bg-claim-id" title="{ID_TITLE}" data-pagefind-ignore>{claim["id"]}</code>',
            section,
        ), claim["id"]


@pytest.mark.slow
def test_built_site_marks_uncertain_speakers_and_lists_them_to_review(small_site):
    project, briefing = small_site
    section = html_claims_section(site_page(project, "briefings", briefing["slug"]))
    review = site_page(project, "claims").split('id="to-review"', 1)[1].split("<h2", 1)[0]
    for claim in uncertain(briefing):
        item = re.search(rf'<li id="{claim["id"]}">.*', section).group()
        assert 'class="bg-review"' in item and "check speaker" in item
        assert f'#{claim["id"]}"' in review and f">{claim['id']}</code>" in review
        assert html.escape(claim["claimant"]) in review
    for claim in briefing["claims"]:
        if claim["confidence"] >= REVIEW_BELOW:
            assert f'#{claim["id"]}"' not in review
            assert "check speaker" not in re.search(rf'<li id="{claim["id"]}">.*', section).group()
    actor = site_page(project, "actors", "anika-marsh")
    assert "check speaker" in actor.split('id="claims-by-anika-marsh"', 1)[1]


@pytest.mark.slow
def test_built_graph_is_drawn_from_about_and_counts_what_is_listed(small_site):
    project, briefing = small_site
    markup = site_page(project, "briefings", briefing["slug"])
    author = f"{', '.join(briefing['authors'])} (author)" if briefing["authors"] else "The author"
    expected = Counter()
    for claim in briefing["claims"]:
        for name in claim["about"]:
            expected[(author if claim["claimant"] == "author" else claim["claimant"], name)] += 1
    assert expected, "the article should have a claim about another actor"
    assert graph_edges(markup) == expected
    listed = {name: len(ids) for name, ids in claim_groups(markup).items()}
    counts = graph_claimant_counts(markup)
    assert counts and all(listed[name] == count for name, count in counts.items()), (counts, listed)


@pytest.mark.slow
def test_correcting_the_claimant_or_giving_a_verdict_takes_claims_off_the_list(small_site, tmp_path, run_cli):
    import shutil

    built, briefing = small_site
    project = tmp_path / "corrected"
    shutil.copytree(built, project)
    first, second = uncertain(briefing)[:2]
    note = run_cli(["note", briefing["slug"]], cwd=project)
    assert note.returncode == 0, note.stderr
    notes_file = project / note.stdout.strip()
    text = notes_file.read_text(encoding="utf-8")
    notes_file.write_text(
        text.replace(
            "status: draft\n",
            textwrap.dedent(
                f"""\
                status: reviewed
                claims:
                  {first["id"]}:
                    claimant: {first["claimant"]}
                verdicts:
                  {second["id"]}: unverified
                """
            ),
        ),
        encoding="utf-8",
    )
    result = run_cli(["build"], cwd=project)
    assert result.returncode == 0, result.stderr
    index = frontmatter.load(project / "docs" / "claims" / "index.md").content
    review = to_review_section(index)
    assert first["id"] not in review and second["id"] not in review
    section = html_claims_section(site_page(project, "briefings", briefing["slug"]))
    verdict = re.search(rf'(?:<li id="{second["id"]}"|id="{second["id"]}").*', section).group()
    assert '<strong class="verdict verdict-unverified">? unverified</strong>' in verdict
    [review] = claim_reviews(site_page(project, "briefings", briefing["slug"]))
    check_claim_review(review)
    assert review["claimReviewed"] == second["text"] and review["reviewRating"]["alternateName"] == "Unverified"
    assert review["author"]["name"] == "Briefings" and review["itemReviewed"]["datePublished"] == "2026-04-02"
    for claim in (first, second):
        assert "check speaker" not in re.search(rf'(?:<li id="{claim["id"]}"|id="{claim["id"]}").*', section).group()
