"""An HTML page's metadata: each field from a chain of named sources, the page's own statements first.

The chain follows trafilatura's metadata pass (meta tags, JSON-LD, the page's headings and bylines,
htmldate for the date), but reads the tree the reader already parsed and asks the slower sources
only for the fields the faster ones left empty:

| field | sources, in order |
|---|---|
| title | JSON-LD `headline`; the `<h1>` that `og:title`/`<title>` begin with; those titles without the site's name; the first `<h1>`; (html.py) the first sentence of the body; never furniture ("Subscribe to ...") |
| authors | JSON-LD `author`; author meta tags; the feed entry that linked the page; the page's byline (trafilatura); (html.py) a byline line at the top of the body |
| published | JSON-LD `datePublished`; date meta tags; a `<time>` marked as the publication date; the feed entry; htmldate (the page's other dates, its address); (html.py) a dateline at the top of the body |
| publisher | `og:site_name`; `application-name`; JSON-LD `publisher`, `WebSite` or `Organization`; `twitter:site`; the site name trafilatura finds; the site's address |

Every value is checked before it is taken: entities decoded in titles ("&#163;" is "£"), a title
never a site's furniture, authors that are names (`names.author_names`), dates in a year from 1900
to 2100 (a template's "0001-01-01" is no date).
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from urllib.parse import urlsplit

from briefing_gen.model import Article
from briefing_gen.readers.furniture import is_furniture
from briefing_gen.readers.names import author_names, names_a_desk
from briefing_gen.readers.text import fold_space, parse_date, unescape_entities

#: The `<meta name>` that `briefing-gen add` writes with the address a page was fetched from.
SOURCE_URL_META = "briefing-gen:source-url"

_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "blogposting", "scholarlyarticle", "techarticle", "report", "liveblogposting",
}
_ANALYSIS_SECTIONS = re.compile(r"\b(?:opinion|comment(?:ary|isfree)?|editorials?|analysis|columns?|op-?eds?|essays?|blogs?)\b", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "byl", "sailthru.author", "parsely-author", "twitter:creator:name")
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "publishdate", "publish-date", "pubdate", "dc.date.issued",
    "dcterms.issued", "dc.date", "date", "sailthru.date", "parsely-pub-date", "article.published", "og:pubdate",
)
_SITE_NAME_META = ("og:site_name", "application-name", "twitter:app:name:iphone")


class PageFacts:
    """What the reader takes from the page itself: JSON-LD, meta tags, headings, link tags."""

    def __init__(self):
        self.jsonld: list[dict] = []
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}
        self.meta_all: dict[str, list[str]] = {}
        self.times: list[str] = []  # `datetime` of `<time>`s marked as the publication date
        self.canonical: str | None = None
        self.source_url: str | None = None
        self.title_tag: str | None = None
        self.saved_from: str | None = None  # the address a browser noted when saving the page
        self.tree = None

    @classmethod
    def from_tree(cls, tree, text: str = "") -> "PageFacts":
        facts = cls()
        facts.tree = tree
        for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
            facts.jsonld.extend(_jsonld_objects(script.text_content()))
        facts.h1 = [title_text(h.text_content()) for h in tree.xpath("//h1") if fold_space(h.text_content())]
        for meta in tree.xpath("//meta[@content]"):
            key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
            value = fold_space(meta.get("content", ""))
            if key and value:
                facts.meta.setdefault(key, value)
                facts.meta_all.setdefault(key, []).append(value)
        for link in tree.xpath('//link[@href][contains(translate(@rel, "CANONICAL", "canonical"), "canonical")]'):
            facts.canonical = _absolute(link.get("href"))
            if facts.canonical:
                break
        facts.times = [
            value
            for element in tree.xpath("//time[@datetime][@pubdate or @itemprop='datePublished' or contains(@class, 'publish')] | //*[@itemprop='datePublished'][@datetime or @content]")
            if (value := element.get("datetime") or element.get("content"))
        ]
        facts.source_url = _absolute(facts.meta.get(SOURCE_URL_META))
        titles = tree.xpath("//title")
        facts.title_tag = title_text(titles[0].text_content()) if titles else None
        match = _SAVED_FROM.search(text[:2048])
        facts.saved_from = _absolute(match.group(1)) if match else None
        return facts

    @property
    def url(self) -> str | None:
        return self.canonical or _absolute(self.meta.get("og:url")) or self.source_url or self.saved_from

    def resolve(self, value):
        """A JSON-LD reference (`{"@id": ...}` alone) replaced by the object it names, when the page
        has it (a `@graph` lists the article's author and publisher once, by reference)."""
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str):
            for obj in self.jsonld:
                if obj is not value and obj.get("@id") == value["@id"] and len(obj) > 1:
                    return obj
        return value

    def website_name(self) -> str | None:
        """The name a JSON-LD `WebSite` or `Organization` object gives the site."""
        for kind in ("website", "newsmediaorganization", "organization"):
            for obj in self.jsonld:
                types = obj.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and t.lower() == kind for t in types) and (name := _jsonld_text(obj.get("name"))):
                    return name
        return None

    def article_object(self) -> dict:
        for obj in self.jsonld:
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types):
                return obj
        return {}

    def site_names(self) -> tuple[str, ...]:
        """The names the site goes by: its meta names and its host ("example" of www.example.com)."""
        names = [self.meta.get(key) for key in _SITE_NAME_META]
        host = urlsplit(self.url or "").netloc.lower().removeprefix("www.")
        if host:
            names += [host, host.split(".")[0]]
        return tuple(name for name in names if name)


def apply_metadata(article: Article, page: PageFacts) -> None:
    jsonld = page.article_object()
    article.url = page.url
    article.publisher = publisher(page, jsonld)
    article.title = choose_title(page, jsonld, article.publisher)
    article.authors = authors(page, jsonld, article.publisher)
    article.published = published(page, jsonld)
    description = page.meta.get("og:description") or page.meta.get("description") or page.meta.get("twitter:description")
    if description:
        article.description = fold_space(html.unescape(description))
    tags: list[str] = []
    raw_tags = page.meta_all.get("article:tag") or [page.meta.get("keywords") or page.meta.get("news_keywords") or ""]
    for raw in raw_tags:
        for tag in re.split(r"[;,]", raw):
            tag = fold_space(html.unescape(tag))
            if tag and tag.lower() not in {t.lower() for t in tags}:
                tags.append(tag)
    article.tags = tags
    section = " ".join(filter(None, [page.meta.get("article:section"), _jsonld_text(jsonld.get("articleSection")), article.url or ""]))
    if _ANALYSIS_SECTIONS.search(section.replace("/", " ")):
        article.genre = "analysis"


# Title ------------------------------------------------------------------------------------------------


def title_text(text: str | None) -> str:
    """A title as it reads: entities decoded (also when the page escaped them twice), white space
    folded."""
    return fold_space(unescape_entities(text or ""))


def choose_title(page: PageFacts, jsonld: dict, publisher_name: str | None) -> str:
    """The headline as the page shows it: JSON-LD `headline`, or an `<h1>` that the `og:title` or
    `<title>` begins with, or those with their site name removed, or the first `<h1>`."""
    headline = title_text(_jsonld_text(jsonld.get("headline")))
    if headline:
        return strip_site_suffix(headline, publisher_name, page) or headline
    candidates = [title_text(c) for c in (page.meta.get("og:title"), page.meta.get("twitter:title"), page.title_tag) if c]
    candidates = [c for c in candidates if not is_furniture(c)]
    headings = [h1 for h1 in page.h1 if not is_furniture(h1)]  # "Subscribe to ..." in a promotion box
    for h1 in headings:
        if any(_begins_with(candidate, h1) for candidate in candidates):
            return h1
    for candidate in candidates:
        stripped = strip_site_suffix(candidate, publisher_name, page)
        if stripped:
            return stripped
    return headings[0] if headings else title_text(page.meta.get("briefing-gen:title", ""))


def _begins_with(title: str, headline: str) -> bool:
    """True when `title` is `headline`, or `headline` followed by a separator and more."""
    if title.casefold() == headline.casefold():
        return True
    return title.casefold().startswith(headline.casefold()) and bool(_TITLE_SEPARATORS.match(title[len(headline):]))


def strip_site_suffix(title: str, publisher_name: str | None, page: PageFacts) -> str:
    """`Title | Site` and `Site - Title` without the part that names the site."""
    names = {_fold(n) for n in (publisher_name, *page.site_names())}
    names.discard("")
    separators = list(_TITLE_SEPARATORS.finditer(title))
    start, end = 0, len(title)
    while separators and _is_site_name(title[separators[-1].end():end], names):
        end = separators.pop().start()
    while separators and _is_site_name(title[start:separators[0].start()], names):
        start = separators.pop(0).end()
    return title[start:end].strip()


def _is_site_name(part: str, names: set[str]) -> bool:
    key = _fold(part)
    return bool(key) and any(key == name or key.replace(" ", "") == name.replace(" ", "") for name in names)


def _fold(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").casefold()).strip()


# Publisher --------------------------------------------------------------------------------------------


def publisher(page: PageFacts, jsonld: dict) -> str | None:
    """The site's name: `og:site_name`, `application-name`, the JSON-LD publisher, or what
    trafilatura reads as the site name; a tagline after the name is left out."""
    name = page.meta.get("og:site_name") or page.meta.get("application-name")
    if not name:
        value = page.resolve(jsonld.get("publisher"))
        values = value if isinstance(value, list) else [value]
        name = next((_jsonld_text(v.get("name") if isinstance(v, dict) else v) for v in values if _jsonld_text(v.get("name") if isinstance(v, dict) else v)), None)
    name = name or page.website_name() or page.meta.get("twitter:site")
    if not name and page.tree is not None:
        from trafilatura.metadata import extract_sitename

        name = extract_sitename(page.tree)
    if not name and page.url:
        name = urlsplit(page.url).netloc.lower().removeprefix("www.")  # the site's address, as trafilatura names it
    name = title_text(name).lstrip("@")
    if not name:
        return None
    parts = [part for part in re.split(r"\s+[|–—]\s+|\s+-\s+", name) if part.strip()]
    name = parts[0].strip() if parts else name
    if name[:1].islower() and "." not in name:
        name = name[:1].upper() + name[1:]  # "the Guardian" as written in og:site_name
    return name


# Authors ----------------------------------------------------------------------------------------------


def authors(page: PageFacts, jsonld: dict, publisher_name: str | None) -> list[str]:
    """The first source that names someone: JSON-LD `author` (of the article, else of the page),
    the author meta tags, the feed entry that linked the page; only when none of them states an
    author, the byline trafilatura finds in the page. A stated author that is no name (a desk,
    "Staff", "Admin") leaves the article without authors rather than with a name found elsewhere
    on the page."""
    site = page.site_names()
    stated = [
        _jsonld_names(page.resolve(jsonld.get("author") or next((obj["author"] for obj in page.jsonld if obj.get("author")), None))),
        [value for key in _AUTHOR_META for value in page.meta_all.get(key, [])[:1] if not value.startswith("http")],
        [name for name in page.meta.get("briefing-gen:author", "").split(";") if name.strip()],
    ]
    for candidates in stated:
        names = author_names(candidates, publisher_name, site)
        if names:
            return names
    if any(names_a_desk(candidate) for candidates in stated for candidate in candidates):
        return []
    return author_names(_byline(page.tree), publisher_name, site)


def _byline(tree) -> list[str]:
    """The byline in the page, as trafilatura's `extract_author` finds it (its author XPaths,
    outside the parts it discards), without copying the whole tree first."""
    if tree is None:
        return []
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.utils import trim
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

    discarded: set | None = None
    for expression in AUTHOR_XPATHS:
        for element in expression(tree):
            if discarded is None:
                discarded = {element for expression in AUTHOR_DISCARD_XPATHS for element in expression(tree)}
            if element in discarded or any(ancestor in discarded for ancestor in element.iterancestors()):
                continue
            content = trim(" ".join(_text_outside(element, discarded)))
            if content and 2 < len(content) < 120:
                found = normalize_authors(None, content)
                return found.split(";") if found else []
    return []


def _text_outside(element, discarded: set) -> list[str]:
    """The text of `element`, without the parts in `discarded` (their tails stay)."""
    out = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child not in discarded:
            out.extend(_text_outside(child, discarded))
        out.append(child.tail or "")
    return out


def _jsonld_names(value) -> list[str]:
    if isinstance(value, str):
        return [fold_space(value)] if value.strip() and not value.strip().startswith("http") else []
    if isinstance(value, list):
        return [name for item in value for name in _jsonld_names(item)]
    if isinstance(value, dict):
        return _jsonld_names(value.get("name"))
    return []


def _jsonld_text(value) -> str:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), "")
    return fold_space(value) if isinstance(value, str) else ""


# Date -------------------------------------------------------------------------------------------------


def published(page: PageFacts, jsonld: dict) -> str | None:
    """The publication date the page states (structured data first), else the one htmldate finds
    in the page's other dates and its address."""
    values = [jsonld.get("datePublished"), *(page.meta.get(key) for key in _DATE_META), *page.times, page.meta.get("briefing-gen:published"), jsonld.get("dateCreated")]
    for value in values:
        if isinstance(value, str) and value.strip() and (iso := plausible_date(_iso_date(value))):
            return iso
    if page.tree is None:
        return None
    from htmldate import find_date

    for extensive in (False, True):
        try:
            found = find_date(page.tree, extensive_search=extensive, original_date=True, outputformat="%Y-%m-%d", url=page.url)
        except Exception:  # htmldate on a hostile page: no date rather than no article
            found = None
        if found and (iso := plausible_date(found)):
            return iso
    return None


def plausible_date(iso: str | None) -> str | None:
    """`iso` when it can be a publication date: a year from 1900 to 2100 (a template's empty
    date, "0001-01-01", is none)."""
    if not iso:
        return None
    try:
        year = int(iso[:4])
    except ValueError:
        return None
    return iso if 1900 <= year <= 2100 else None


def _iso_date(value: str) -> str | None:
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    return parse_date(value)


# JSON-LD and addresses --------------------------------------------------------------------------------


def _absolute(url: str | None) -> str | None:
    url = (url or "").strip()
    return url if re.match(r"https?://[^\s/]+", url, re.IGNORECASE) else None


def _jsonld_objects(raw: str) -> list[dict]:
    try:
        data = json.loads(raw.strip().rstrip(";"))
    except ValueError:
        return []
    out: list[dict] = []

    def visit(value, depth=0):
        if depth > 4:
            return
        if isinstance(value, list):
            for item in value:
                visit(item, depth + 1)
        elif isinstance(value, dict):
            out.append(value)
            if "@graph" in value:
                visit(value["@graph"], depth + 1)

    visit(data)
    return out


__all__ = ["PageFacts", "apply_metadata", "choose_title", "strip_site_suffix", "title_text", "plausible_date", "SOURCE_URL_META"]
