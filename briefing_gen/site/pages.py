"""Rendering briefings and the cross-article pages into Markdown with YAML front matter."""
from __future__ import annotations

import html
import posixpath
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache

import frontmatter
import jinja2

from briefing_gen.addresses import web_address
from briefing_gen.collection.claim_records import ClaimRecord
from briefing_gen.collection.contradictions import Contradiction
from briefing_gen.collection.stories import Story
from briefing_gen.editorial.notes import Note, nest_in_section
from briefing_gen.model import REVIEW_BELOW, Briefing, Claim, Paragraph
from briefing_gen.pipeline.slugs import SlugAllocator
from briefing_gen.site import charts
from briefing_gen.site.escaping import (
    escape_html,
    escape_text,
    inert_label,
    json_for_script,
    paragraph_to_html,
    paragraph_to_markdown,
)
from briefing_gen.site.notes_html import NotesHtml, default_notes_html
from briefing_gen.site.urls import PageUrls
from briefing_gen.whitespace import fold_space

GENERATOR = "briefing-gen"
# How the built-in search (Material's `search` front matter) weighs each kind of page: a briefing
# above the lists that merely name it, and the paginated lists of actors by type not at all.
SEARCH_BRIEFING = {"boost": 2}
SEARCH_ACTOR = {"boost": 0.5}
SEARCH_LIST = {"boost": 0.3}
SEARCH_EXCLUDED = {"exclude": True}
SITE_NAME = "Briefings"  # the publisher of the verdicts when the build does not name the site (mkdocs.yml's site_name)
HOME_BRIEFINGS = 30
ACTIVE_ACTORS = 10
TAGS_ON_HOME = 40
ACTORS_PER_PAGE = 200
ACTORS_ON_INDEX = 25
CLAIMS_ON_ACTOR_PAGE = 200
CLAIMS_ON_INDEX = 500
REVIEW_ON_INDEX = 200  # claims listed under "To review" on claims/index.md; the rest are counted
TYPE_LABELS = {
    "person": "People",
    "state": "States",
    "organization": "Organisations",
    "group": "Groups",
    "media": "Media",
    "place": "Places",
    "other": "Other",
}


def _code(text: str) -> str:
    return str(text).replace("`", "'").replace("\n", " ")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("briefing_gen", "templates"),
        autoescape=False,  # the output is Markdown: values are escaped by the `md` filter instead
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = lambda value: escape_text(str(value))
    env.filters["heading"] = lambda value: escape_text(inert_label(str(value)))  # reaches the table of contents
    env.filters["h"] = lambda value: escape_html(str(value))  # in the HTML blocks of a page
    env.filters["html_link"] = html_link
    env.filters["code"] = _code
    env.filters["plural"] = charts.plural  # `{{ n | plural("claim") }}`: "1 claim", "2 claims"
    env.filters["one_line"] = lambda value: fold_space(str(value))
    return env


def html_link(url: str) -> str:
    """An address for an HTML block: a link when it is a web address, else its text."""
    address = web_address(url)
    if address is None:
        return escape_html(url)
    return f'<a href="{escape_html(address)}">{escape_html(url)}</a>'


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)


def with_front_matter(metadata: dict, body: str) -> str:
    """Front matter through python-frontmatter's safe YAML dumper; never by string formatting.

    MkDocs and Material put a page's `title`, `description` and `tags` into the HTML as they are
    (MkDocs treats them as HTML: the <title>, the header, a <meta> attribute, the tags listing, the
    search index that Material's search inserts as HTML), so `html_front_matter` escapes those.
    """
    post = frontmatter.Post(body, **html_front_matter(metadata))
    return frontmatter.dumps(post, sort_keys=False) + "\n"


def html_front_matter(metadata: dict) -> dict:
    """`metadata` with the values MkDocs and Material show as HTML made safe for HTML.

    The title and tags are only ever put into text, so only `<` and `>`, which can start markup,
    become `&lt;` and `&gt;`: every other title (`---`, `: `, `#`, quotes, `&`, newlines, YAML
    tags) reads back exactly, and `Energy & Oil` keeps its tag anchor (`tag:energy--oil`). The
    description goes into a `content="..."` attribute, so it is fully escaped, quotes included.
    """
    escaped = dict(metadata)
    if isinstance(escaped.get("title"), str):
        escaped["title"] = markup_free(escaped["title"])
    if isinstance(escaped.get("description"), str):
        escaped["description"] = html.escape(escaped["description"], quote=True)
    if isinstance(escaped.get("tags"), list):
        escaped["tags"] = [tag_html(tag) for tag in escaped["tags"]]
    return escaped


def markup_free(text: str) -> str:
    """Text for an HTML text context that MkDocs fills unescaped, and that the theme may read back
    and insert as HTML again (a truncated title's tooltip: `inert_label`): `<` and `>` as entities."""
    return inert_label(text).replace("<", "&lt;").replace(">", "&gt;")


def tag_html(tag) -> str:
    """A tag as the front matter holds it (and so as Material's tags plugin names and slugifies it)."""
    return markup_free(str(tag))


# Cross-article data --------------------------------------------------------------------------------


@dataclass
class BriefingSummary:
    """What the cross-article pages need of one briefing (the body is not kept)."""

    slug: str
    title: str
    published: str | None
    original_published: str | None
    publisher: str | None
    authors: list[str]
    key_points: list[str]
    tags: list[str]
    regions: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)  # publishers of the other copies merged into it ("Also published")
    copy_publishers: list[str] = field(default_factory=list)  # the same, only those that name their publisher
    summary: list[str] = field(default_factory=list)  # the summary's sentences (the feeds' entries)


@dataclass
class ActorEntry:
    name: str
    slug: str = ""
    types: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    roles: Counter = field(default_factory=Counter)
    briefings: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    description: str | None = None
    link: str | None = None
    fixed_type: str | None = None
    # Whom an official named by office speaks for, in how many briefings ("China" for China's
    # Ambassador to Belgium); `speaks_for_slug` is that actor's page, when it has one.
    speaks_for_counts: Counter = field(default_factory=Counter)
    speaks_for_slug: str | None = None
    # A name several people of the collection bear, which these briefings do not tie to one of
    # them ("Phillips"): the people it could be, as (name, actor page slug or None).
    could_be: list[tuple[str, str | None]] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.fixed_type or (self.types.most_common(1)[0][0] if self.types else "other")

    @property
    def speaks_for(self) -> str | None:
        """The state or organisation the briefings most often say this official speaks for."""
        if not self.speaks_for_counts:
            return None
        return min(self.speaks_for_counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))[0]


class Collection:
    """All briefings of a build, reduced to what the cross-article pages show."""

    def __init__(
        self, urls: PageUrls | None = None, notes_html: NotesHtml | None = None, site_name: str | None = None, site_url: str | None = None
    ) -> None:
        self.urls = urls or PageUrls()  # how the HTML blocks of the pages link to each other
        self.site_name = site_name or SITE_NAME  # who publishes the editors' verdicts (ClaimReview JSON-LD)
        self.site_url = site_url  # mkdocs.yml's `site_url`, when it has one: the feeds' links are absolute then
        self.notes_html = notes_html or default_notes_html()  # how the editors' Markdown goes in
        self.briefings: list[BriefingSummary] = []
        self.actors: dict[str, ActorEntry] = {}
        self.claims: list[dict] = []
        self.stories: list[Story] = []  # `briefing_gen.collection.stories`, newest first
        self.story_of: dict[str, Story] = {}  # briefing slug -> its story
        self.claim_records: list[ClaimRecord] = []  # `briefing_gen.collection.claim_records`: claims in several briefings
        self.contradictions: dict[str, list[Contradiction]] = {}  # story slug -> `briefing_gen.collection.contradictions`
        self._sources: Sources | None = None  # made from the briefings when first asked for (`sources`)
        self._by_slug: tuple[dict[str, BriefingSummary], dict[str, list[dict]]] | None = None  # (`summary`, `claims_in`)

    def set_stories(self, stories: list[Story]) -> None:
        self.stories = list(stories)
        self.story_of = {slug: story for story in self.stories for slug in story.briefings}

    def set_contradictions(self, contradictions: list[Contradiction]) -> None:
        """The pairs of claims within each story that cannot both be true, for its page."""
        self.contradictions = {}
        for item in contradictions:
            self.contradictions.setdefault(item.story, []).append(item)

    def set_claim_records(self, records: list[ClaimRecord]) -> None:
        """The claims stated in several briefings; each claim of one is marked with the record's id
        (`record`, the anchor of its entry on the claims index) and how many other briefings have
        it (`also`), wherever the claims pages and actor pages list it. An editor judges a claim
        once, on one briefing, so each claim of a record also gets the verdicts given on its other
        appearances (`verdicts_elsewhere`), to show beside it wherever it is listed."""
        self.claim_records = list(records)
        items = {(item["slug"], item["id"]): item for item in self.claims}
        for item in self.claims:
            item["record"], item["also"], item["verdicts_elsewhere"] = None, 0, []
        for record in self.claim_records:
            members = [items[member] for member in record.members if member in items]
            judged = [item for item in members if item["verdict_kind"]]
            for item in members:
                item["record"] = record.id
                item["also"] = len(record.appearances) - 1
                item["verdicts_elsewhere"] = verdicts_from_other_appearances(item, judged)

    def add(self, briefing: Briefing, note: Note | None = None) -> None:
        """Add a briefing (with corrections already applied); `note` adds its tags and verdicts."""
        article = briefing.article
        summary = BriefingSummary(
            slug=briefing.slug,
            title=article.title,
            published=article.published,
            original_published=article.original_published,
            publisher=article.publisher,
            authors=list(article.authors),
            key_points=list(briefing.key_points),
            tags=site_tags(briefing, note),
            regions=clean_tags(article.regions),
            themes=clean_tags(article.themes),
            copies=[copy.publisher or "another site" for copy in article.also_published],
            copy_publishers=[copy.publisher for copy in article.also_published if copy.publisher],
            summary=list(briefing.summary),
        )
        self.briefings.append(summary)
        self._sources = self._by_slug = None
        for actor in briefing.actors:
            entry = self.actors.setdefault(actor.name.casefold(), ActorEntry(name=actor.name))
            entry.types[actor.type] += actor.mentions
            entry.aliases.update(actor.aliases)
            if actor.role:
                entry.roles[actor.role] += 1
            if getattr(actor, "speaks_for", None):
                entry.speaks_for_counts[actor.speaks_for] += 1
            entry.briefings.append(
                {"slug": briefing.slug, "title": article.title, "published": article.published, "mentions": actor.mentions}
            )
        for claim in briefing.claims:
            verdict = verdict_of(note, claim.id)
            verdict_note = self.notes_html.verdict(verdict.note) if verdict is not None else ""
            item: dict = {
                "slug": briefing.slug,
                "title": article.title,
                "published": article.published,
                "id": claim.id,
                "kind": claim.kind,
                "claimant": claim.claimant if claim.claimant != "author" else author_label(briefing),
                "display": claim_display(claim.text, claim.kind),
                "verdict": badge_with_note(verdict.verdict, verdict_note) if verdict is not None else "",
                "verdict_kind": verdict.verdict if verdict is not None else None,
                "verdict_note": verdict_note,  # the editor's note, as `notes_html` lets it into a page
                "review": to_review(claim, note),
                "record": None,  # the claim record it belongs to, if it is in several briefings (`set_claim_records`)
                "also": 0,
                "verdicts_elsewhere": [],  # the verdicts on the record's other appearances (`set_claim_records`)
            }
            self.claims.append(item)
            for claimant in claimants_of(claim.claimant, self.actors):
                self.actors[claimant.casefold()].claims.append(item)

    def apply_reference(self, reference) -> None:
        for entry in self.actors.values():
            known = reference.actors.get(entry.name)
            if known is not None:
                entry.description = known.description
                entry.link = known.link
                if known.from_editor:
                    entry.fixed_type = known.type

    def assign_actor_slugs(self) -> None:
        allocator = SlugAllocator({"index"} | {f"{t}-{n}" for t in TYPE_LABELS for n in range(1, 1000)})
        for key in sorted(self.actors):
            self.actors[key].slug = allocator.allocate(self.actors[key].name, key)
        for entry in self.actors.values():
            if entry.speaks_for:
                entry.speaks_for_slug = self.actor_slug(entry.speaks_for)

    def set_shared_names(self, shared: dict[str, list[str]]) -> None:
        """Mark the pages of names the collection could not tie to one person (`Identities.shared_names`)
        with the people they could be, so a reader of the page sees it is not one person's page.
        After `assign_actor_slugs`: the page links to theirs."""
        for name, people in shared.items():
            entry = self.actors.get(name.casefold())
            if entry is not None:
                entry.could_be = [(person, self.actor_slug(person)) for person in people]

    def actor_slug(self, name: str) -> str | None:
        entry = self.actors.get(name.casefold())
        return entry.slug if entry else None

    def _slug_index(self) -> tuple[dict[str, BriefingSummary], dict[str, list[dict]]]:
        if self._by_slug is None:
            claims: dict[str, list[dict]] = defaultdict(list)
            for item in self.claims:
                claims[item["slug"]].append(item)
            self._by_slug = ({b.slug: b for b in self.briefings}, dict(claims))
        return self._by_slug

    def summary(self, slug: str) -> BriefingSummary | None:
        """The briefing with this slug."""
        return self._slug_index()[0].get(slug)

    def claims_in(self, slug: str) -> list[dict]:
        """The claims of the briefing with this slug, as the claims pages list them."""
        return self._slug_index()[1].get(slug, [])

    @property
    def sources(self) -> Sources:
        """The publishers and authors of the briefings, each with a page (`source_page`)."""
        if self._sources is None:
            self._sources = collect_sources(self.briefings)
        return self._sources

    def source_href(self, page: str, kind: str, name: str | None) -> str | None:
        """A link from `page` to the source page of publisher or author `name`, if it has one."""
        entry = self.sources.get(kind, name)
        return self.urls.href(page, entry.page) if entry is not None else None


# Sources: publishers and authors ------------------------------------------------------------------------

SOURCE_FOLDERS = {"publisher": "publishers", "author": "authors"}  # under docs/sources/


def source_name(name: str | None) -> str:
    """A publisher's or author's name as shown: white space folded, invisible control characters dropped."""
    return fold_space("".join(c for c in str(name or "") if c.isprintable() or c.isspace()))


def source_key(name: str | None) -> str:
    """The key a publisher or author is known by: its name as shown, in any case."""
    return source_name(name).casefold()


@dataclass
class SourceEntry:
    """A publisher or an author, with the briefings they published or wrote. `copy` marks a
    briefing a publisher carried as a copy merged into another site's article ("Also published")."""

    kind: str  # publisher or author
    key: str
    spellings: Counter = field(default_factory=Counter)
    slug: str = ""
    briefings: list[dict] = field(default_factory=list)  # {"slug", "copy"}
    related: Counter = field(default_factory=Counter)  # an author's publishers, a publisher's authors: key -> briefings

    @property
    def name(self) -> str:
        """The spelling most briefings use (then the first in sort order)."""
        return min(self.spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    @property
    def page(self) -> str:
        return f"sources/{SOURCE_FOLDERS[self.kind]}/{self.slug}.md"


@dataclass
class Sources:
    publishers: dict[str, SourceEntry] = field(default_factory=dict)  # by `source_key`
    authors: dict[str, SourceEntry] = field(default_factory=dict)

    def of_kind(self, kind: str) -> dict[str, SourceEntry]:
        return self.publishers if kind == "publisher" else self.authors

    def get(self, kind: str, name: str | None) -> SourceEntry | None:
        return self.of_kind(kind).get(source_key(name)) if name else None


def collect_sources(briefings: list[BriefingSummary]) -> Sources:
    """Each publisher and author of `briefings` with their briefings, and a slug for each that
    depends only on the names of its kind (publishers and authors have folders of their own, so a
    publisher never takes an author's address): the same collection gives the same slugs."""
    sources = Sources()

    def add(kind: str, name: str, slug: str, copy: bool = False) -> SourceEntry | None:
        key = source_key(name)
        if not key:
            return None
        entry = sources.of_kind(kind).setdefault(key, SourceEntry(kind=kind, key=key))
        if entry.briefings and entry.briefings[-1]["slug"] == slug:
            return entry  # named twice by one briefing
        entry.spellings[source_name(name)] += 1
        entry.briefings.append({"slug": slug, "copy": copy})
        return entry

    for b in briefings:
        publisher = add("publisher", b.publisher, b.slug) if b.publisher else None
        authors = {entry.key: entry for name in b.authors if (entry := add("author", name, b.slug)) is not None}
        if publisher is not None:
            for author in authors.values():
                author.related[publisher.key] += 1
                publisher.related[author.key] += 1
        for name in b.copy_publishers:
            if source_key(name) != source_key(b.publisher):
                add("publisher", name, b.slug, copy=True)
    for kind in SOURCE_FOLDERS:
        entries = sources.of_kind(kind)
        allocator = SlugAllocator({"index"})
        for key in sorted(entries):
            entries[key].slug = allocator.allocate(key, f"{kind}:{key}")
    return sources


def site_tags(briefing: Briefing, note: Note | None = None) -> list[str]:
    """The Material tags of a briefing: its regions, themes and own tags, and the editors' extra
    tags from its notes, without repeats."""
    seen: list[str] = []
    article = briefing.article
    extra = note.corrections.tags if note is not None else []
    for tag in [*article.regions, *article.themes, *article.tags, *extra]:
        tag = fold_space(str(tag))
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def clean_tags(values) -> list[str]:
    out: list[str] = []
    for value in values:
        value = fold_space(str(value))
        if value and value not in out:
            out.append(value)
    return out


def author_label(briefing: Briefing) -> str:
    authors = briefing.article.authors
    return f"{', '.join(authors)} (author)" if authors else "The author"


def claim_display(text: str, kind: str) -> str:
    return f"“{text}”" if kind == "quote" else text


def to_review(claim: Claim, note: Note | None = None) -> bool:
    """Whether an editor should check who said `claim`: extraction was unsure of its claimant
    (confidence below `briefing_gen.model.REVIEW_BELOW`) and no editor has looked at it since. A claimant corrected in
    the notes file raises the confidence to 1 (`briefing_gen.editorial.corrections`); a verdict
    means an editor has read the claim, so it is not listed either."""
    if claim.confidence >= REVIEW_BELOW:
        return False
    return note is None or claim.id not in note.corrections.verdicts


VERDICT_LABELS = {"confirmed": "✓ confirmed", "disputed": "⚠ disputed", "false": "✗ false", "unverified": "? unverified"}


def verdict_of(note: Note | None, claim_id: str):
    """The editors' verdict on a claim (`briefing_gen.editorial.corrections`), or None."""
    return note.corrections.verdicts.get(claim_id) if note is not None else None


def verdict_badge(note: Note | None, claim_id: str, notes_html: NotesHtml | None = None) -> str:
    """The editors' verdict on a claim as Markdown to put after it: a bold badge with a class per
    verdict, then the editor's one-paragraph note (their own Markdown, sanitised unless the site
    publishes it raw: `briefing_gen.site.notes_html`)."""
    verdict = verdict_of(note, claim_id)
    if verdict is None:
        return ""
    return badge_with_note(verdict.verdict, (notes_html or default_notes_html()).verdict(verdict.note))


def verdict_mark(verdict: str) -> str:
    """The badge of a verdict (`confirmed`, ...): its icon and word in bold, with a class per
    verdict that the site's stylesheet colours."""
    return f"**{VERDICT_LABELS[verdict]}**{{ .verdict .verdict-{verdict} }}"


def badge_with_note(verdict: str, note_markdown: str) -> str:
    """A verdict's badge, then the editor's note (already through `NotesHtml.verdict`), if any."""
    badge = verdict_mark(verdict)
    return f"{badge}: {note_markdown}" if note_markdown else badge


def verdicts_from_other_appearances(item: dict, judged: list[dict]) -> list[dict]:
    """The verdicts to show beside `item`, a claim of a claim record, that were given on the
    record's other claims (`judged`, those with a verdict, the earliest appearance first).

    The claim's own verdict wins: a verdict it already has is not repeated from elsewhere. A
    different one is shown as well, so that an editor sees two verdicts on one claim disagree;
    each verdict is shown once, as the earliest appearance that has it gives it."""
    shown = {item["verdict_kind"]} if item["verdict_kind"] else set()
    found = []
    for other in judged:
        if other is item or other["verdict_kind"] in shown:
            continue
        shown.add(other["verdict_kind"])
        found.append(
            {"verdict": other["verdict_kind"], "note": other["verdict_note"], "slug": other["slug"], "claim": other["id"], "title": other["title"]}
        )
    return found


def verdicts_elsewhere_markdown(verdicts: list[dict], page: str) -> str:
    """The verdicts given on a claim's other appearances (`verdicts_from_other_appearances`) as
    Markdown for `page` (such as `actors/teodor-vasko.md`): each badge, then "on" and the
    briefing it was given on, linked to the claim there, then the editor's note with its links
    made for `page`. The briefing's title is the article's, so it is escaped as text."""
    shown = []
    for verdict in verdicts:
        target = posixpath.relpath(f"briefings/{verdict['slug']}.md", posixpath.dirname(page) or ".")
        where = f"(on [{escape_text(verdict['title'] or verdict['slug'])}]({target}#{verdict['claim']}))"
        note = rebased(verdict["note"], page)
        shown.append(f"{verdict_mark(verdict['verdict'])} {where}" + (f": {note}" if note else ""))
    return " ".join(shown)


# schema.org types of a claimant by actor type: a person is a Person, a state, an organisation, a
# group or a news outlet speaks as an Organization (so does a place: its government or authorities).
_SCHEMA_TYPES = {"person": "Person", "state": "Organization", "organization": "Organization", "group": "Organization",
                 "media": "Organization", "place": "Organization"}
VERDICT_WORDS = {"confirmed": "Confirmed", "disputed": "Disputed", "false": "False", "unverified": "Unverified"}


def claim_reviews(briefing: Briefing, note: Note | None, site_name: str) -> list[dict]:
    """The editors' verdicts on the briefing's claims as schema.org `ClaimReview`s, for search
    engines and fact-check aggregators (https://schema.org/ClaimReview): the claim's text, the
    claim itself (who made it, in which article, when) and the verdict's word, published by the
    site. No review date: the build's date would change every page on every build, and the notes
    file records none."""
    verdicts = note.corrections.verdicts if note is not None else {}
    article = briefing.article
    actors = {actor.name: actor for actor in briefing.actors}
    reviews = []
    for claim in briefing.claims:
        verdict = verdicts.get(claim.id)
        if verdict is None:
            continue
        item: dict = {"@type": "Claim"}
        author = claim_author(claim.claimant, briefing, actors)
        if author:
            item["author"] = author
        if article.published:
            item["datePublished"] = article.published
        if address := web_address(article.url or ""):
            item["appearance"] = {"@type": "CreativeWork", "url": address, **({"headline": article.title} if article.title else {})}
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": claim.text,
                "itemReviewed": item,
                "reviewRating": {"@type": "Rating", "alternateName": VERDICT_WORDS[verdict.verdict]},
                "author": {"@type": "Organization", "name": site_name},
            }
        )
    return reviews


def claim_author(claimant: str, briefing: Briefing, actors: dict) -> dict | list | None:
    """Who made a claim, as schema.org: the actor (a Person or an Organization by its type), a
    description the text gave ("a ministry spokesperson", a Person), or the article's authors (its
    publisher when it names none) for `author`."""
    if claimant == "author":
        authors = [{"@type": "Person", "name": name} for name in briefing.article.authors]
        if authors:
            return authors[0] if len(authors) == 1 else authors
        publisher = briefing.article.publisher
        return {"@type": "Organization", "name": publisher} if publisher else None
    actor = actors.get(claimant)
    return {"@type": _SCHEMA_TYPES.get(actor.type, "Person") if actor else "Person", "name": claimant}


def sort_newest_first(items: list, key=lambda item: item.published) -> list:
    return sorted(items, key=lambda item: (key(item) or "0000-00-00", getattr(item, "title", "")), reverse=True)


# Pages ----------------------------------------------------------------------------------------------


def briefing_page(briefing: Briefing, collection: Collection, note: Note | None = None) -> str:
    """The briefing page; `note` is the editors' notes file (its corrections already applied to
    `briefing`), which adds the status, extra tags, verdicts and the Notes section."""
    article = briefing.article
    page = f"briefings/{briefing.slug}.md"
    actors = [  # most mentioned first
        {"name": a.name, "type": a.type, "role": role_text(a), "mentions": a.mentions, "href": actor_href(collection, page, a.name)}
        for a in sorted(briefing.actors, key=lambda a: -a.mentions)
    ]
    listed = {item["id"]: item for item in collection.claims_in(briefing.slug)}
    groups: dict[str, list[dict]] = defaultdict(list)
    for claim in briefing.claims:
        elsewhere = listed[claim.id]["verdicts_elsewhere"] if claim.id in listed else []
        groups[claim.claimant].append(
            {
                "id": claim.id,
                "kind": claim.kind,
                "cue": claim.cue,
                "paragraph": claim.paragraph,
                "display": claim_display(claim.text, claim.kind),
                "verdict": verdict_badge(note, claim.id, collection.notes_html),
                "verdicts_elsewhere_markdown": verdicts_elsewhere_markdown(elsewhere, page),
                "review": to_review(claim, note),
            }
        )
    order = {a.name: i for i, a in enumerate(briefing.actors)}
    claim_groups = [
        {
            "claimant": author_label(briefing) if claimant == "author" else claimant,
            "slug": collection.actor_slug(claimant) if claimant != "author" else None,
            "claims": items,
            "verdicts": any(item["verdict"] or item["verdicts_elsewhere_markdown"] for item in items),
        }
        for claimant, items in sorted(groups.items(), key=lambda kv: (kv[0] == "author", order.get(kv[0], 999), kv[0]))
    ]
    paragraphs = [text_block(p, index) for index, p in enumerate(article.paragraphs)]
    data = page_fields(briefing)
    body = render(
        "briefing.md.j2",
        b=data,
        actors=actors,
        claim_groups=claim_groups,
        paragraphs=paragraphs,
        notes=collection.notes_html.body(note.markdown, page, collection.urls) if note is not None else "",
        status=note.corrections.status if note is not None else None,
        claims_graph=charts.briefing_claims_graph(briefing, author_label(briefing)),
        claim_reviews=json_for_script(reviews) if (reviews := claim_reviews(briefing, note, collection.site_name)) else "",
        story=story_link(collection, briefing.slug),
        source_links=source_links(briefing, collection, page),
    )
    metadata = {key: data[key] for key in FRONT_MATTER_KEYS}
    metadata["genre"] = briefing.genre  # news, analysis, opinion or fact-check: how the summary was made
    metadata["tags"] = site_tags(briefing, note)
    metadata["article_tags"] = data["tags"]
    if note is not None and note.corrections.status:
        metadata["editorial_status"] = note.corrections.status
    metadata["description"] = " ".join(briefing.summary[:1])[:300]
    # Search filters when the site uses Pagefind (overrides/main.html): who is in it, which claim kinds.
    metadata["actors"] = [actor.name for actor in briefing.actors]
    metadata["claim_kinds"] = sorted({claim.kind for claim in briefing.claims})
    if (story := collection.story_of.get(briefing.slug)) is not None:
        metadata["story"] = story.slug
    metadata["generator"] = GENERATOR
    metadata["search"] = dict(SEARCH_BRIEFING)
    return with_front_matter(metadata, body)


def story_link(collection: Collection, slug: str) -> dict | None:
    """The story a briefing is in, for the line under its summary: title, link and size."""
    story = collection.story_of.get(slug)
    if story is None:
        return None
    return {"title": story.title, "slug": story.slug, "count": len(story.briefings)}


def source_links(briefing: Briefing, collection: Collection, page: str) -> dict:
    """Links from a briefing's Source box to the pages of its publisher, its authors and the
    publishers of its other copies (None where a name has no page)."""
    article = briefing.article
    return {
        "publisher": collection.source_href(page, "publisher", article.publisher),
        "authors": [{"name": name, "href": collection.source_href(page, "author", name)} for name in article.authors],
        "copies": [collection.source_href(page, "publisher", copy.publisher) for copy in article.also_published],
    }


def page_fields(briefing: Briefing) -> dict:
    """What a briefing page shows of the briefing besides its actors, claims and text: the
    article's metadata, the summary and the key points. (Not `Briefing.to_dict`, the JSON
    contract, which also renders every paragraph as Markdown and copies every claim.)"""
    a = briefing.article
    fields = {key: getattr(a, key) for key in FRONT_MATTER_KEYS if key != "slug"}
    return {
        **fields,
        "slug": briefing.slug,
        "authors": list(a.authors),
        "regions": list(a.regions),
        "themes": list(a.themes),
        "tags": list(a.tags),
        "also_published": a.also_published,
        "summary": list(briefing.summary),
        "key_points": list(briefing.key_points),
    }


FRONT_MATTER_KEYS = (
    "title",
    "slug",
    "source",
    "authors",
    "published",
    "original_published",
    "publisher",
    "original_source",
    "url",
    "in_depth_report",
    "copyright",
    "regions",
    "themes",
)


def actor_href(collection: Collection, page: str, name: str) -> str | None:
    slug = collection.actor_slug(name)
    return collection.urls.href(page, f"actors/{slug}.md") if slug else None


def role_text(actor) -> str:
    """An actor's role for the actors table, with whom an official speaks for when the role does
    not say it: "Ambassador to Belgium (China)", and whose relative a relative is."""
    role = actor.role or ""
    relative_of = getattr(actor, "relative_of", None)
    if relative_of:  # "wife of Bernie Sanders"; nothing when the name says it: "Patrick (father of ...)"
        kin = f"{role or 'relative'} of {relative_of}"
        return "" if kin in actor.name else kin
    speaks_for = getattr(actor, "speaks_for", None)
    if not speaks_for or speaks_for.casefold() in role.casefold():
        return role
    return f"{role} ({speaks_for})" if role else f"speaks for {speaks_for}"


TEXT_WEIGHT = 5  # Pagefind's weight of a briefing's body text (1 by default, headings 2 to 7)


def text_block(paragraph: Paragraph, index: int) -> str:
    """A body paragraph with a stable anchor `p-N` that claims link to: a Markdown heading (for
    the table of contents), else a line of HTML (see `briefing_gen.site.urls`)."""
    if paragraph.kind == "heading":
        return f"{paragraph_to_markdown(paragraph)} {{ #p-{index} }}"
    anchor = f"p-{index}"
    html = paragraph_to_html(paragraph, anchor)
    # The article's own words outweigh the same words in the page's headings, so Pagefind takes a
    # result's excerpt from a sentence of the text, not from the run of claimant headings (issue
    # 20; the briefing template leaves those out of the index). The built-in search ignores it.
    return html.replace(f'id="{anchor}"', f'id="{anchor}" data-pagefind-weight="{TEXT_WEIGHT}"', 1)


def actor_page(entry: ActorEntry, urls: PageUrls | None = None) -> str:
    urls = urls or PageUrls()
    page = f"actors/{entry.slug}.md"
    newest_claims = sort_newest_first(entry.claims, key=lambda c: c["published"])
    claims = [
        {
            **item,
            "href": urls.href(page, f"briefings/{item['slug']}.md", item["id"]),
            "also_href": urls.href(page, "claims/index.md", item["record"]) if item.get("record") else None,
            "verdicts_elsewhere_markdown": verdicts_elsewhere_markdown(item["verdicts_elsewhere"], page),
        }
        for item in newest_claims[:CLAIMS_ON_ACTOR_PAGE]
    ]
    briefings = [
        {**item, "href": urls.href(page, f"briefings/{item['slug']}.md")}
        for item in sort_newest_first(entry.briefings, key=lambda b: b["published"])
    ]
    data = {
        "name": entry.name,
        "type": entry.type,
        "aliases": sorted(a for a in entry.aliases if a != entry.name),
        "roles": [role for role, _ in entry.roles.most_common(5)],
        "description": entry.description,
        "link": entry.link,
        "speaks_for": entry.speaks_for,
        "speaks_for_href": urls.href(page, f"actors/{entry.speaks_for_slug}.md") if entry.speaks_for_slug else None,
        "could_be": [{"name": name, "href": urls.href(page, f"actors/{slug}.md") if slug else None} for name, slug in entry.could_be],
        "briefings": briefings,
        "claims": claims,
        "verdicts": any(item["verdict"] or item["verdicts_elsewhere_markdown"] for item in claims),
        "claims_omitted": len(newest_claims) - len(claims),
        "chart": charts.mentions_chart([(b["published"], b["mentions"]) for b in entry.briefings], entry.name),
    }
    body = render("actor.md.j2", a=data)
    return with_front_matter({"title": entry.name, "actor_type": entry.type, "search": dict(SEARCH_ACTOR), "generator": GENERATOR}, body)


def actor_index_pages(collection: Collection) -> dict[str, str]:
    """`actors/index.md` with the top actors of each type, plus paginated full lists per type."""
    by_type: dict[str, list[dict]] = defaultdict(list)
    for entry in collection.actors.values():
        by_type[entry.type].append({"name": entry.name, "slug": entry.slug, "briefing_count": len(entry.briefings)})
    pages: dict[str, str] = {}
    groups = []
    for type_, label in TYPE_LABELS.items():
        actors = sorted(by_type.get(type_, []), key=lambda a: (-a["briefing_count"], a["name"].casefold()))
        if not actors:
            continue
        page_count = (len(actors) + ACTORS_PER_PAGE - 1) // ACTORS_PER_PAGE if len(actors) > ACTORS_ON_INDEX else 0
        for page in range(1, page_count + 1):
            chunk = actors[(page - 1) * ACTORS_PER_PAGE : page * ACTORS_PER_PAGE]
            body = render(
                "actors_type_page.md.j2",
                label=label,
                page=page,
                pages=page_count,
                actors=chunk,
                previous=f"{type_}-{page - 1}.md" if page > 1 else None,
                next=f"{type_}-{page + 1}.md" if page < page_count else None,
            )
            pages[f"actors/{type_}-{page}.md"] = with_front_matter(
                {"title": f"{label} ({page}/{page_count})", "search": dict(SEARCH_EXCLUDED), "generator": GENERATOR}, body
            )
        groups.append(
            {
                "label": label,
                "count": len(actors),
                "actors": actors[:ACTORS_ON_INDEX],
                "page_links": [{"label": f"page {n}", "target": f"{type_}-{n}.md"} for n in range(1, page_count + 1)],
            }
        )
    body = render(
        "actors_index.md.j2", groups=groups, total=len(collection.actors), briefing_count=len(collection.briefings), prefix=""
    )
    pages["actors/index.md"] = with_front_matter({"title": "Actors", "search": dict(SEARCH_LIST), "generator": GENERATOR}, body)
    return pages


def claims_pages(collection: Collection) -> dict[str, str]:
    pages: dict[str, str] = {}
    kinds = Counter(item["kind"] for item in collection.claims)

    def grouped(items: list[dict]) -> list[dict]:
        groups: dict[str, list[dict]] = defaultdict(list)
        for item in sort_newest_first(items, key=lambda c: c["published"]):
            groups[item["claimant"]].append(item)
        return [{"claimant": name, "claims": claims} for name, claims in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))]

    newest = [
        {**item, "verdicts_elsewhere_markdown": verdicts_elsewhere_markdown(item["verdicts_elsewhere"], "claims/index.md")}  # every claims page is in claims/
        for item in sort_newest_first(collection.claims, key=lambda c: c["published"])
    ]
    review = [item for item in newest if item["review"]]
    body = render(
        "claims_index.md.j2",
        kind=None,
        total=len(collection.claims),
        kinds=[{"kind": k, "count": n, "target": f"{k}.md"} for k, n in sorted(kinds.items())],
        review=review[:REVIEW_ON_INDEX],
        review_total=len(review),
        groups=grouped(newest[:CLAIMS_ON_INDEX]),
        omitted=max(0, len(newest) - CLAIMS_ON_INDEX),
        records=claim_record_rows(collection),
        records_page="",
    )
    pages["claims/index.md"] = with_front_matter({"title": "Claims", "search": dict(SEARCH_LIST), "generator": GENERATOR}, body)
    for kind in sorted(kinds):
        items = [c for c in newest if c["kind"] == kind]
        body = render(
            "claims_index.md.j2",
            kind=kind,
            total=len(items),
            kinds=[],
            review=[],
            review_total=0,
            groups=grouped(items[:CLAIMS_ON_INDEX]),
            omitted=max(0, len(items) - CLAIMS_ON_INDEX),
            records=[],
            records_page="index.md",
        )
        pages[f"claims/{kind}.md"] = with_front_matter({"title": f"Claims: {kind}", "tags": [], "search": dict(SEARCH_LIST), "generator": GENERATOR}, body)
    return pages


def claim_record_rows(collection: Collection) -> list[dict]:
    """The claims stated in several briefings, as the claims index lists them: who and what (as
    the first appearance has it), where it first appeared, every later appearance (with the
    claimant that briefing names when it is not the first one's), and the editors' verdicts on
    any appearance. Links are relative to `claims/index.md`."""
    items = {(item["slug"], item["id"]): item for item in collection.claims}
    rows = []
    for record in collection.claim_records:
        appearances = []
        verdicts = []
        for appearance in record.appearances:
            item = items.get((appearance.briefing, appearance.claim))
            summary = collection.summary(appearance.briefing)
            source = (summary.publisher if summary is not None else None) or "unknown source"
            appearances.append(
                {
                    "source": source,
                    "date": appearance.date or "undated",
                    "title": summary.title if summary is not None else appearance.briefing,
                    "href": f"../briefings/{appearance.briefing}.md#{appearance.claim}",
                    "claimant": item["claimant"] if item is not None else appearance.claimant,
                    "same": appearance.same_attribution,
                }
            )
        for slug, claim_id in record.members:
            item = items.get((slug, claim_id))
            if item is not None and item["verdict"]:
                summary = collection.summary(slug)
                verdicts.append({"badge": item["verdict"], "source": (summary.publisher if summary is not None else None) or "unknown source",
                                 "href": f"../briefings/{slug}.md#{claim_id}"})
        first = items.get((record.appearances[0].briefing, record.appearances[0].claim))
        rows.append(
            {
                "id": record.id,
                "claimant": appearances[0]["claimant"],
                "display": first["display"] if first is not None else record.text,
                "first": appearances[0],
                "later": appearances[1:],
                "verdicts": verdicts,
            }
        )
    return rows


def home_page(collection: Collection, site_title: str) -> str:
    """The page an analyst starts the day from: the timeline, the newest briefings with their key
    points, the most active actors of the newest week, and themes and regions with counts."""
    newest = sort_newest_first(collection.briefings)[:HOME_BRIEFINGS]
    latest = max((d for d in (charts.iso_date(b.published) for b in collection.briefings) if d), default=None)
    body = render(
        "home.md.j2",
        site_title=site_title,
        newest=newest,
        briefing_count=len(collection.briefings),
        actor_count=len(collection.actors),
        claim_count=len(collection.claims),
        latest=latest.isoformat() if latest else None,
        timeline_chart=charts.timeline_chart([b.published for b in collection.briefings], chart_id="home-timeline"),
        active_actors=active_actors(collection, latest),
        tag_groups=tag_groups(collection),
        tag_link=lambda tag: tag_link(tag, collection.urls.href("index.md", "tags.md")),
    )
    return with_front_matter({"title": "Home", "hide": ["navigation"], "generator": GENERATOR}, body)


def active_actors(collection: Collection, latest, days: int = 7, limit: int = ACTIVE_ACTORS) -> list[dict]:
    """The actors in most briefings (then most mentions) published in the `days` up to `latest`,
    the newest briefing date of the collection (not today, so an old collection still shows some)."""
    if latest is None:
        return []
    first = latest - timedelta(days=days - 1)
    rows = []
    for entry in collection.actors.values():
        recent = [b for b in entry.briefings if (d := charts.iso_date(b["published"])) and first <= d <= latest]
        if recent:
            rows.append(
                {
                    "name": entry.name,
                    "slug": entry.slug,
                    "type": entry.type,
                    "briefings": len(recent),
                    "mentions": sum(int(b["mentions"] or 0) for b in recent),
                    "claims": sum(1 for c in entry.claims if (d := charts.iso_date(c["published"])) and first <= d <= latest),
                }
            )
    rows.sort(key=lambda r: (-r["briefings"], -r["mentions"], -r["claims"], r["name"].casefold()))
    return rows[:limit]


def tag_groups(collection: Collection, limit: int = TAGS_ON_HOME) -> list[dict]:
    """Regions, themes and other tags with how many briefings carry each, most used first."""
    counts = {"Regions": Counter(), "Themes": Counter(), "Other tags": Counter()}
    for b in collection.briefings:
        counts["Regions"].update(b.regions)
        counts["Themes"].update(b.themes)
        counts["Other tags"].update(t for t in b.tags if t not in b.regions and t not in b.themes)
    groups = []
    for label, counter in counts.items():
        ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
        if ranked:
            groups.append(
                {"label": label, "tags": [{"name": k, "count": n} for k, n in ranked[:limit]], "omitted": max(0, len(ranked) - limit)}
            )
    return groups


def tag_link(tag: str, tags_url: str = "tags/") -> str:
    """A link to a tag's listing on the tags page, as inline HTML around Markdown-escaped text.

    Not a Markdown link to `tags.md#tag:...`: Material's tags plugin adds those anchors after
    MkDocs has collected each page's anchors, so `mkdocs build --strict` would call every such
    link broken. `tags_url` is the tags page relative to the home page (`PageUrls.href`)."""
    href = html.escape(f"{tags_url}#{tag_anchor(tag)}", quote=True)
    return f'<a href="{href}">{escape_text(tag)}</a>'


def tag_anchor(tag: str) -> str:
    """The anchor of a tag on the tags page, as Material's tags plugin makes it (`tag:europe`)."""
    return "tag:" + _tag_slugify(tag_html(tag), "-")


def _tag_slugify(text: str, separator: str) -> str:
    from pymdownx.slugs import slugify

    return slugify(case="lower")(text, separator)


def briefings_index_page(collection: Collection) -> str:
    months: dict[str, list[BriefingSummary]] = defaultdict(list)
    for briefing in sort_newest_first(collection.briefings):
        months[briefing.published[:7] if briefing.published else "Undated"].append(briefing)
    body = render("briefings_index.md.j2", months=[{"label": k, "briefings": v} for k, v in months.items()])
    return with_front_matter({"title": "All briefings", "search": dict(SEARCH_LIST), "generator": GENERATOR}, body)


def timeline_page(collection: Collection) -> str:
    years: dict[str, list[dict]] = defaultdict(list)
    dated = [
        {"slug": b.slug, "title": b.title, "date": b.original_published or b.published}
        for b in collection.briefings
    ]
    for item in sorted(dated, key=lambda d: (d["date"] or "9999", d["title"])):
        years[item["date"][:4] if item["date"] else "Undated"].append(item)
    body = render("timeline.md.j2", years=[{"label": k, "briefings": v} for k, v in years.items()])
    return with_front_matter({"title": "Timeline", "search": dict(SEARCH_LIST), "generator": GENERATOR}, body)


STORY_ACTORS = 8  # main actors shown on a story page
CLAIMS_PER_STORY_ACTOR = 20
CONTRADICTIONS_PER_STORY = 30


def story_page(story: Story, collection: Collection) -> str:
    """A story: what its briefings share, the briefings on a timeline with their sources, the main
    actors (linked to their pages) with what each claimed in these briefings, and every source."""
    page = f"stories/{story.slug}.md"
    summaries = {b.slug: b for b in collection.briefings}
    members = set(story.briefings)
    timeline = []
    sources: Counter[str] = Counter()
    for slug in story.briefings:
        b = summaries.get(slug)
        if b is None:
            continue
        publisher = b.publisher or "unknown source"
        sources[publisher] += 1
        for copy in b.copies:
            sources[copy] += 1
        timeline.append(
            {
                "date": b.original_published or b.published,
                "title": b.title,
                "href": collection.urls.href(page, f"briefings/{slug}.md"),
                "source": publisher,
                "authors": b.authors,
                "copies": b.copies,
            }
        )
    actors = []
    for name in story.actors[:STORY_ACTORS]:
        entry = collection.actors.get(name.casefold())
        claims = [item for item in entry.claims if item["slug"] in members] if entry is not None else []
        claims = sorted(claims, key=lambda c: (c["published"] or "", c["slug"], c["id"]))
        actors.append(
            {
                "name": entry.name if entry is not None else name,
                "type": entry.type if entry is not None else "other",
                "slug": entry.slug if entry is not None and entry.slug else None,
                "claims": [
                    {**item, "href": collection.urls.href(page, f"briefings/{item['slug']}.md", item["id"])}
                    for item in claims[:CLAIMS_PER_STORY_ACTOR]
                ],
                "claims_omitted": max(0, len(claims) - CLAIMS_PER_STORY_ACTOR),
            }
        )
    body = render(
        "story.md.j2",
        s=story,
        notes=collection.notes_html.body(nest_in_section(story.note), page, collection.urls) if story.note else "",  # notes/stories/<slug>.md
        feed=f"../feeds/stories/{story.slug}.xml" if story_has_feed(story, collection) else None,
        timeline=timeline,
        actors=actors,
        contradictions=[contradiction_row(item, collection) for item in collection.contradictions.get(story.slug, [])[:CONTRADICTIONS_PER_STORY]],
        contradictions_omitted=max(0, len(collection.contradictions.get(story.slug, [])) - CONTRADICTIONS_PER_STORY),
        sources=sorted(sources.items(), key=lambda kv: (-kv[1], kv[0].casefold())),
    )
    metadata = {
        "title": story.title,
        "story": story.slug,
        "description": story_description(story)[:300],
        "briefings": list(story.briefings),
        "first": story.first,
        "last": story.last,
        "search": dict(SEARCH_ACTOR),
        "generator": GENERATOR,
    }
    return with_front_matter(metadata, body)


def contradiction_row(item: Contradiction, collection: Collection) -> dict:
    """A contradiction as its story page lists it: what the two claims disagree on, and each claim
    as the claims pages show it (claimant, words, briefing, date, the editors' verdicts, its own
    and those on its other appearances), linked to its anchor on its briefing (a Markdown link,
    from the story page in stories/)."""
    page = f"stories/{item.story}.md"
    sides = []
    for side in (item.first, item.second):
        shown = next((c for c in collection.claims_in(side.briefing) if c["id"] == side.claim), None)
        summary = collection.summary(side.briefing)
        sides.append(
            {
                "claimant": shown["claimant"] if shown else side.claimant,
                "display": shown["display"] if shown else claim_display(side.text, side.kind),
                "title": summary.title if summary else side.briefing,
                "href": f"../briefings/{side.briefing}.md#{side.claim}",
                "date": side.date,
                "publisher": side.publisher,
                "verdict": shown["verdict"] if shown else "",
                "verdicts_elsewhere_markdown": verdicts_elsewhere_markdown(shown["verdicts_elsewhere"], page) if shown else "",
            }
        )
    return {"reason": item.reason, "point": item.point, "sides": sides}


def story_has_feed(story: Story, collection: Collection) -> bool:
    """Whether a story gets an Atom feed (`briefing_gen.site.feeds`): one of its briefings is
    dated (a feed's entries are dated; an undated briefing is in none)."""
    return any((b := collection.summary(slug)) is not None and briefing_date(b) for slug in story.briefings)


def story_description(story: Story) -> str:
    """One line on what a story's briefings share: "4 briefings, 2026-03-02 to 2026-03-09; Tavaru,
    Losana Vaike; tuna, longliner"."""
    dates = story.first if story.first == story.last else f"{story.first} to {story.last}"
    parts = [charts.plural(len(story.briefings), "briefing") + (f", {dates}" if story.first else "")]
    if story.actors:
        parts.append(", ".join(story.actors[:4]))
    if story.terms:
        parts.append(", ".join(story.terms[:4]))
    return "; ".join(parts)


def stories_index_page(collection: Collection) -> str:
    """All stories, the one with the latest briefing first."""
    rows = [
        {
            "slug": story.slug,
            "title": story.title,
            "first": story.first,
            "last": story.last,
            "count": len(story.briefings),
            "actors": story.actors[:4],
            "href": collection.urls.href("stories/index.md", f"stories/{story.slug}.md"),
        }
        for story in collection.stories
    ]
    in_stories = sum(len(story.briefings) for story in collection.stories)
    body = render("stories_index.md.j2", stories=rows, briefing_count=len(collection.briefings), in_stories=in_stories)
    return with_front_matter({"title": "Stories", "search": dict(SEARCH_LIST), "generator": GENERATOR}, body)


CLAIMS_ON_SOURCE_PAGE = 200


def briefing_date(b: BriefingSummary) -> str | None:
    """The date a briefing was published (this copy, else the original), as the feeds date it."""
    return b.published or b.original_published


_RELATIVE_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|/|#)([^)\s]+)")


def rebased(markdown_text: str, page: str) -> str:
    """Inline Markdown written for a briefing page (an editor's verdict note: "[FFA](../actors/ffa.md)")
    with its relative links made for `page`, such as `sources/authors/jane-doe.md`."""
    def rebase(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join("briefings", match[1]))
        return "](" + posixpath.relpath(target, posixpath.dirname(page) or ".")

    return _RELATIVE_LINK.sub(rebase, markdown_text) if markdown_text else markdown_text


def source_page(entry: SourceEntry, collection: Collection) -> str:
    """A publisher or an author: their briefings, newest first, the claims those briefings
    reported (who claimed what, linked to the claim on its briefing) with the editors' verdicts,
    and the authors who wrote for the publisher (or the publishers the author wrote for)."""
    page = entry.page
    briefings = []
    for item in entry.briefings:
        b = collection.summary(item["slug"])
        if b is not None:
            briefings.append(
                {
                    "slug": b.slug,
                    "title": b.title,
                    "published": b.published,
                    "as_copy": item["copy"],
                    "claims": len(collection.claims_in(b.slug)),
                    "href": collection.urls.href(page, f"briefings/{b.slug}.md"),
                }
            )
    briefings = sort_newest_first(briefings, key=lambda b: b["published"])
    every_claim = sort_newest_first([c for b in briefings for c in collection.claims_in(b["slug"])], key=lambda c: c["published"])
    claims = [
        {
            **item,
            "href": collection.urls.href(page, f"briefings/{item['slug']}.md", item["id"]),
            "claimant_slug": collection.actor_slug(item["claimant"]),
            "claimant_href": actor_href(collection, page, item["claimant"]),
            "verdict": rebased(item["verdict"], page),
            "verdicts_elsewhere_markdown": verdicts_elsewhere_markdown(item["verdicts_elsewhere"], page),
        }
        for item in every_claim[:CLAIMS_ON_SOURCE_PAGE]
    ]
    verdicts = Counter(item["verdict_kind"] for item in every_claim if item["verdict_kind"])
    other_kind = "author" if entry.kind == "publisher" else "publisher"
    related = []
    for key, count in sorted(entry.related.items(), key=lambda kv: (-kv[1], kv[0])):
        other = collection.sources.of_kind(other_kind).get(key)
        if other is not None:
            related.append({"name": other.name, "count": count, "href": collection.urls.href(page, other.page)})
    data = {
        "name": entry.name,
        "kind": entry.kind,
        "briefings": briefings,
        "copies": sum(1 for b in briefings if b["as_copy"]),
        "claims": claims,
        "claim_count": len(every_claim),
        "claims_omitted": len(every_claim) - len(claims),
        "verdicts": [{"verdict": v, "label": VERDICT_LABELS[v], "count": verdicts[v]} for v in VERDICT_LABELS if verdicts[v]],
        "any_verdict": any(item["verdict"] or item["verdicts_elsewhere_markdown"] for item in claims),
        "related": related,
        "related_label": "Authors" if entry.kind == "publisher" else "Publishers",
    }
    body = render("source.md.j2", s=data)
    metadata = {"title": entry.name, "source_kind": entry.kind, "briefing_count": len(briefings), "search": dict(SEARCH_ACTOR), "generator": GENERATOR}
    return with_front_matter(metadata, body)


def sources_index_page(collection: Collection) -> str:
    """Every publisher and author with how many briefings and claims, most briefings first."""
    groups = []
    for kind, label in (("publisher", "Publishers"), ("author", "Authors")):
        entries = sorted(collection.sources.of_kind(kind).values(), key=lambda e: (-len(e.briefings), e.name.casefold(), e.name))
        rows = [
            {
                "name": entry.name,
                "href": collection.urls.href("sources/index.md", entry.page),
                "briefings": len(entry.briefings),
                "claims": sum(len(collection.claims_in(item["slug"])) for item in entry.briefings),
            }
            for entry in entries
        ]
        groups.append({"kind": kind, "label": label, "rows": rows})
    unattributed = sum(1 for b in collection.briefings if not source_key(b.publisher))
    body = render("sources_index.md.j2", groups=groups, briefing_count=len(collection.briefings), no_publisher=unattributed)
    return with_front_matter({"title": "Sources", "search": dict(SEARCH_LIST), "generator": GENERATOR}, body)


def tags_page() -> str:
    return with_front_matter({"title": "Tags", "generator": GENERATOR}, render("tags.md.j2"))


def claimants_of(claimant: str, actors: dict) -> list[str]:
    """The actors a claimant string names: itself, or each of "A and B" / "A, B and C" when the
    claim is several people's together (and only when each of them is an actor)."""
    if claimant.casefold() in actors:
        return [claimant]
    parts = [part.strip() for part in re.split(r",\s*|\s+and\s+", claimant)]
    if len(parts) >= 2 and all(part.casefold() in actors for part in parts):
        return parts
    return []
