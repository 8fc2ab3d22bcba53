"""Reader for HTML pages (saved from a browser, fetched by `briefing-gen add`, or written from a feed).

The main text is found by trafilatura, not by stripping tags here: it drops navigation, ads, share
bars, related links and comment sections and gives the article as TEI-like XML (`<p>`, `<head>`,
`<list>/<item>`, `<quote>`, `<table>`, `<ref target>`), which is mapped onto our paragraph kinds
and link spans. Metadata comes from trafilatura's metadata pass (meta tags, JSON-LD, htmldate for
the date), with the page's own JSON-LD headline and `<h1>` preferred for the title, since
`og:title` and `<title>` usually carry a site suffix (`Title | Site`).
"""
from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

from briefing_gen.errors import SkipReason
from briefing_gen.model import Article, Link, Paragraph
from briefing_gen.readers.decode import ArticleError
from briefing_gen.readers.furniture import is_furniture
from briefing_gen.readers.text import fold_space, join_broken_paragraphs, parse_date, remove_scrape_duplicates

#: The `<meta name>` that `briefing-gen add` writes with the address a page was fetched from.
SOURCE_URL_META = "briefing-gen:source-url"

_SNIFF = re.compile(r"^[\s\ufeff]*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE | re.DOTALL)
_SAFE_SCHEMES = ("http", "https", "mailto")
_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "blogposting", "scholarlyarticle", "techarticle", "report", "liveblogposting",
}
_ANALYSIS_SECTIONS = re.compile(r"\b(?:opinion|comment(?:ary|isfree)?|editorials?|analysis|columns?|op-?eds?|essays?|blogs?)\b", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
_BLOCK_TAGS = {"p", "head", "list", "quote", "table", "code", "div", "ab", "item", "row", "cell"}


class HtmlReader:
    name = "html"
    extensions = (".html", ".htm", ".xhtml", ".shtml")
    #: Other extensions whose files are read as HTML when their text is an HTML document
    #: (a page saved as `.txt`): see `ReaderRegistry.choose`.
    sniff_extensions = (".txt", ".text")

    def sniff(self, text: str) -> bool:
        return looks_like_html(text)

    def read(self, source: str, text: str) -> Article:
        return read_html(source, text)


def looks_like_html(text: str) -> bool:
    return bool(_SNIFF.match(text[:4096]))


def read_html(source: str, text: str) -> Article:
    import lxml.html
    import trafilatura

    if not text.strip():
        raise ArticleError("file is empty", SkipReason.EMPTY)
    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, lxml.etree.ParserError) as error:
        raise ArticleError(f"cannot parse HTML: {error}".splitlines()[0], SkipReason.UNREADABLE) from None
    page = PageFacts.from_tree(tree)
    page.saved_from = _saved_from(text)
    article = Article(source=source, layout="html")

    doc = _parse_xml(_extract_xml(trafilatura, text, page.url))
    meta = dict(doc.attrib) if doc is not None else _metadata_only(trafilatura, tree, page.url)
    apply_metadata(article, meta, page)
    paragraphs = _doc_paragraphs(doc, article.url or page.url)

    # The page's structured data may carry the article body itself (schema.org `articleBody`).
    # When the extraction misses most of it, the page layout fooled the extractor: try again
    # leaning to recall, and as a last resort take the declared body as plain paragraphs.
    declared = declared_body(page.article_object())
    if declared and _coverage(paragraphs, declared) < 0.6:
        retry = _doc_paragraphs(_parse_xml(_extract_xml(trafilatura, text, page.url, favor_recall=True)), article.url or page.url)
        if _coverage(retry, declared) > _coverage(paragraphs, declared):
            paragraphs = retry
        if _coverage(paragraphs, declared) < 0.6:
            paragraphs = [Paragraph(text=fold_space(block)) for block in re.split(r"\n\s*\n|\n", declared) if fold_space(block)]
    article.paragraphs = clean_paragraphs(paragraphs, article.title)
    if not article.title and article.paragraphs:
        from briefing_gen.readers.plain_text import title_from_text

        article.title = title_from_text(next((p.text for p in article.paragraphs if p.kind == "paragraph"), article.paragraphs[0].text))
    return article


def _doc_paragraphs(doc, base_url: str | None) -> list[Paragraph]:
    main = doc.find("main") if doc is not None else None
    return xml_blocks(main, base_url=base_url) if main is not None else []


def declared_body(jsonld: dict) -> str | None:
    """A JSON-LD `articleBody` long enough to be the article (not a teaser)."""
    body = jsonld.get("articleBody")
    if isinstance(body, list):
        body = "\n\n".join(b for b in body if isinstance(b, str))
    if not isinstance(body, str) or len(body.split()) < 80:
        return None
    if "<" in body and re.search(r"</?(?:p|div|br|span|a)\b", body):
        import lxml.html

        body = "\n\n".join(fold_space(t) for t in lxml.html.fragment_fromstring(body, create_parent="div").itertext())
    return body


def _coverage(paragraphs: list[Paragraph], reference: str) -> float:
    """Share of the reference's words (as a bag) that the paragraphs hold."""
    from collections import Counter

    words = Counter(re.findall(r"\w+", reference.lower()))
    found = Counter(re.findall(r"\w+", " ".join(p.text for p in paragraphs).lower()))
    total = sum(words.values())
    return sum((words & found).values()) / total if total else 1.0


# Extraction -----------------------------------------------------------------------------------------


def _extract_xml(trafilatura, text: str, url: str | None, favor_recall: bool = False) -> str | None:
    """The article as trafilatura XML; a second, recall-leaning pass when the first finds nothing."""
    options = dict(
        favor_recall=favor_recall,
        url=url,
        output_format="xml",
        include_links=True,
        include_formatting=True,
        include_tables=True,
        include_images=False,
        include_comments=False,
        with_metadata=True,
        deduplicate=False,
        date_extraction_params={"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d", "url": url},
    )
    xml = trafilatura.extract(text, **options)
    if xml is None or _main_text_length(xml) == 0:
        # Short pages (a feed entry's text, a brief) fall under the default minimum size.
        options["favor_recall"] = True
        xml = trafilatura.extract(text, config=_short_page_config(), **options)
    return xml


def _short_page_config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return config


def _main_text_length(xml: str) -> int:
    doc = _parse_xml(xml)
    main = doc.find("main") if doc is not None else None
    return len("".join(main.itertext()).strip()) if main is not None else 0


def _parse_xml(xml: str | None):
    if not xml:
        return None
    from lxml import etree

    try:
        return etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(recover=True, huge_tree=True))
    except etree.XMLSyntaxError:
        return None


def _metadata_only(trafilatura, tree, url: str | None) -> dict:
    try:
        document = trafilatura.extract_metadata(tree, default_url=url)
    except Exception:  # a metadata failure must not lose an article whose text was fine
        return {}
    data = document.as_dict() if document is not None else {}
    return {key: value if isinstance(value, str) else ", ".join(value) if isinstance(value, list) else str(value) for key, value in data.items() if value}


# XML to paragraphs ------------------------------------------------------------------------------------


def xml_blocks(element, base_url: str | None, kind: str = "paragraph") -> list[Paragraph]:
    """The block children of a trafilatura `<main>` (or of a quote, a cell ...) as paragraphs."""
    out: list[Paragraph] = []
    if element.text and element.text.strip() and element.tag not in ("main", "div"):
        pass  # loose text directly in a container is picked up by the caller's inline pass
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "p" or tag == "ab" or tag == "code":
            out.extend(_inline_paragraphs(child, base_url, "quote" if kind == "quote" else "paragraph"))
        elif tag == "head":
            out.extend(p for p in _inline_paragraphs(child, base_url, "heading", split_breaks=False))
        elif tag == "list":
            out.extend(_list_items(child, base_url, kind))
        elif tag == "quote":
            if any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in child):
                out.extend(xml_blocks(child, base_url, kind="quote"))
                tail = _inline_paragraphs(child, base_url, "quote", own_text_only=True)
                out.extend(tail)
            else:
                out.extend(_inline_paragraphs(child, base_url, "quote"))
        elif tag == "table":
            out.extend(_table_rows(child, base_url))
        elif tag in ("div", "main", "item", "cell"):
            out.extend(xml_blocks(child, base_url, kind))
        elif tag in ("hi", "ref", "lb") or not tag:
            continue
        # graphic, comments and anything unknown are not text
    return out


def _list_items(list_element, base_url: str | None, kind: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    for item in list_element:
        if not isinstance(item.tag, str) or item.tag != "item":
            continue
        out.extend(_inline_paragraphs(item, base_url, "quote" if kind == "quote" else "item", split_breaks=False))
        for nested in item:
            if isinstance(nested.tag, str) and nested.tag in ("list", "p", "quote", "table"):
                out.extend(xml_blocks(_wrap(nested), base_url, kind))
    return out


def _table_rows(table, base_url: str | None) -> list[Paragraph]:
    """Each table row as one paragraph, its cells separated by ` | `."""
    out: list[Paragraph] = []
    for row in table.iter("row"):
        pieces = [p for cell in row if isinstance(cell.tag, str) and cell.tag == "cell" for p in _inline_paragraphs(cell, base_url, "paragraph", split_breaks=False)]
        pieces = [p for p in pieces if p.text]
        if not pieces:
            continue
        joined = pieces[0]
        for piece in pieces[1:]:
            offset = len(joined.text) + 3
            joined = Paragraph(
                text=f"{joined.text} | {piece.text}",
                links=joined.links + [Link(span.start + offset, span.end + offset, span.url) for span in piece.links],
            )
        out.append(joined)
    return out


def _wrap(element):
    from lxml import etree

    wrapper = etree.Element("div")
    wrapper.append(_copy(element))
    return wrapper


def _copy(element):
    import copy

    clone = copy.deepcopy(element)
    clone.tail = None
    return clone


class _Inline:
    """Collects the text of one block with its link spans, cut into pieces at line breaks."""

    def __init__(self, base_url: str | None, split_breaks: bool):
        self.base_url = base_url
        self.split_breaks = split_breaks
        self.pieces: list[tuple[list[str], list[Link]]] = [([], [])]
        self.length = 0
        self.bold_chars = 0

    def add(self, text: str | None, bold: bool = False) -> None:
        if text:
            self.pieces[-1][0].append(text)
            self.length += len(text)
            if bold:
                self.bold_chars += len(text.strip())

    def line_break(self) -> None:
        if self.split_breaks:
            self.pieces.append(([], []))
            self.length = 0
        else:
            self.add(" ")

    def walk(self, element, bold: bool = False, skip_blocks: bool = True, own_text_only: bool = False) -> None:
        if not own_text_only:
            self.add(element.text, bold)
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if own_text_only:
                self.add(child.tail, bold)
                continue
            if tag in ("list", "p", "quote", "table", "head", "div") and skip_blocks:
                self.add(child.tail, bold)  # nested blocks are their own paragraphs
                continue
            if tag == "lb":
                self.line_break()
            elif tag == "ref":
                start = self.length
                before = len(self.pieces)
                self.walk(child, bold)
                url = safe_url(child.get("target"), self.base_url)
                if url and len(self.pieces) == before and self.length > start:
                    self.pieces[-1][1].append(Link(start=start, end=self.length, url=url))
            elif tag == "hi":
                self.walk(child, bold or child.get("rend", "") == "#b")
            elif tag == "graphic":
                pass
            elif tag:
                self.walk(child, bold)
            self.add(child.tail, bold)

    def paragraphs(self, kind: str) -> list[Paragraph]:
        from briefing_gen.readers.text import _normalised

        out = []
        for texts, links in self.pieces:
            paragraph = _normalised(Paragraph(text="".join(texts), links=links, kind=kind))
            if paragraph.text:
                out.append(paragraph)
        return out


def _inline_paragraphs(element, base_url: str | None, kind: str, split_breaks: bool = True, own_text_only: bool = False) -> list[Paragraph]:
    collector = _Inline(base_url, split_breaks)
    collector.walk(element, own_text_only=own_text_only)
    paragraphs = collector.paragraphs(kind)
    total = sum(len(p.text.replace(" ", "")) for p in paragraphs)
    if kind == "paragraph" and len(paragraphs) == 1 and total and collector.bold_chars >= total and looks_like_subheading(paragraphs[0].text):
        paragraphs[0].kind = "heading"  # a short all-bold line standing alone is a subheading
    return paragraphs


def looks_like_subheading(text: str) -> bool:
    return len(text.split()) <= 14 and not re.search(r"[.,;]$", text) and text[:1].isupper()


def safe_url(target: str | None, base_url: str | None) -> str | None:
    """An absolute http(s) or mailto address, relative ones resolved against the page; else None."""
    if not target:
        return None
    target = target.strip()
    if target.startswith("#"):
        return None
    try:
        scheme = urlsplit(target).scheme.lower()
        if not scheme and base_url:
            target = urljoin(base_url, target)
            scheme = urlsplit(target).scheme.lower()
        parts = urlsplit(target)
    except ValueError:
        return None
    if scheme not in _SAFE_SCHEMES or (scheme != "mailto" and not parts.netloc):
        return None
    return target


def clean_paragraphs(paragraphs: list[Paragraph], title: str) -> list[Paragraph]:
    """Drop the headline repeated at the top, furniture lines and scrape repeats; join split sentences."""
    folded_title = _fold_title(title)
    while paragraphs and paragraphs[0].kind == "heading" and folded_title and _fold_title(paragraphs[0].text) in (folded_title, ""):
        paragraphs = paragraphs[1:]
    kept = [p for p in paragraphs if p.text and not is_furniture(p.text)]
    while kept and kept[-1].kind == "heading":
        kept.pop()  # a heading with nothing under it ("Related", "Comments") is furniture
    return remove_scrape_duplicates(join_broken_paragraphs(kept))


def _fold_title(text: str) -> str:
    return re.sub(r"\W+", " ", (text or "").casefold()).strip()


# Metadata ---------------------------------------------------------------------------------------------


class PageFacts:
    """What the reader takes from the page itself, beside trafilatura: JSON-LD, headings, link tags."""

    def __init__(self):
        self.jsonld: list[dict] = []
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.source_url: str | None = None
        self.title_tag: str | None = None
        self.saved_from: str | None = None  # the address a browser noted when saving the page

    @classmethod
    def from_tree(cls, tree) -> "PageFacts":
        facts = cls()
        for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
            facts.jsonld.extend(_jsonld_objects(script.text_content()))
        facts.h1 = [fold_space(h.text_content()) for h in tree.xpath("//h1") if fold_space(h.text_content())]
        for meta in tree.xpath("//meta[@content]"):
            key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
            if key and key not in facts.meta and meta.get("content", "").strip():
                facts.meta[key] = fold_space(meta.get("content"))
        for link in tree.xpath('//link[@href][contains(translate(@rel, "CANONICAL", "canonical"), "canonical")]'):
            facts.canonical = _absolute(link.get("href"))
            if facts.canonical:
                break
        facts.source_url = _absolute(facts.meta.get(SOURCE_URL_META))
        titles = tree.xpath("//title")
        facts.title_tag = fold_space(titles[0].text_content()) if titles else None
        return facts

    @property
    def url(self) -> str | None:
        return self.canonical or _absolute(self.meta.get("og:url")) or self.source_url or self.saved_from

    def article_object(self) -> dict:
        for obj in self.jsonld:
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types):
                return obj
        return {}


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)


def _saved_from(text: str) -> str | None:
    match = _SAVED_FROM.search(text[:2048])
    return _absolute(match.group(1)) if match else None


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


def _jsonld_names(value) -> list[str]:
    if isinstance(value, str):
        return [fold_space(value)] if value.strip() and not value.strip().startswith("http") else []
    if isinstance(value, list):
        return [name for item in value for name in _jsonld_names(item)]
    if isinstance(value, dict):
        kind = value.get("@type")
        if isinstance(kind, str) and kind.lower() != "person":
            return []
        return _jsonld_names(value.get("name"))
    return []


def apply_metadata(article: Article, meta: dict, page: PageFacts) -> None:
    jsonld = page.article_object()
    article.publisher = _publisher(meta, page, jsonld)
    article.title = choose_title(meta, page, jsonld, article.publisher)
    article.authors = _authors(meta, page, jsonld, article.publisher)
    article.published = _date(meta, page, jsonld)
    article.url = page.url or _absolute(meta.get("url"))
    description = meta.get("description") or page.meta.get("og:description") or page.meta.get("description")
    if description:
        article.description = fold_space(description)
    tags: list[str] = []
    for raw in (meta.get("tags"), page.meta.get("keywords") if not meta.get("tags") else None):
        for tag in re.split(r"[;,]", raw or ""):
            tag = fold_space(tag)
            if tag and tag.lower() not in {t.lower() for t in tags}:
                tags.append(tag)
    article.tags = tags
    section = " ".join(filter(None, [meta.get("categories"), page.meta.get("article:section"), article.url or ""]))
    if _ANALYSIS_SECTIONS.search(section.replace("/", " ")):
        article.genre = "analysis"


def choose_title(meta: dict, page: PageFacts, jsonld: dict, publisher: str | None) -> str:
    """The headline as the page shows it: JSON-LD `headline`, or an `<h1>` that the `og:title` or
    `<title>` begins with, or those with their site suffix removed."""
    headline = jsonld.get("headline")
    if isinstance(headline, str) and fold_space(headline):
        return fold_space(headline)
    candidates = [fold_space(c) for c in (page.meta.get("og:title"), page.meta.get("twitter:title"), page.title_tag, meta.get("title")) if c]
    for h1 in page.h1:
        if any(_begins_with(candidate, h1) for candidate in candidates):
            return h1
    for candidate in candidates:
        stripped = strip_site_suffix(candidate, publisher, page)
        if stripped:
            return stripped
    return page.h1[0] if page.h1 else page.meta.get("briefing-gen:title", "")


def _begins_with(title: str, headline: str) -> bool:
    """True when `title` is `headline`, or `headline` followed by a separator and more."""
    if title.casefold() == headline.casefold():
        return True
    return title.casefold().startswith(headline.casefold()) and bool(_TITLE_SEPARATORS.match(title[len(headline):]))


def strip_site_suffix(title: str, publisher: str | None, page: PageFacts) -> str:
    """`Title | Site` and `Site - Title` without the part that names the site."""
    names = {_fold_title(n) for n in (publisher, page.meta.get("og:site_name"), page.meta.get("application-name")) if n}
    host = urlsplit(page.url or "").netloc.lower().removeprefix("www.")
    if host:
        names.update({_fold_title(host), _fold_title(host.split(".")[0])})
    names.discard("")
    separators = list(_TITLE_SEPARATORS.finditer(title))
    start, end = 0, len(title)
    while separators and _is_site_name(title[separators[-1].end():end], names):
        end = separators.pop().start()
    while separators and _is_site_name(title[start:separators[0].start()], names):
        start = separators.pop(0).end()
    return title[start:end].strip()


def _is_site_name(part: str, names: set[str]) -> bool:
    key = _fold_title(part)
    return bool(key) and any(key == name or key.replace(" ", "") == name.replace(" ", "") for name in names)


def _publisher(meta: dict, page: PageFacts, jsonld: dict) -> str | None:
    name = page.meta.get("og:site_name") or meta.get("sitename")
    if not name:
        publisher = jsonld.get("publisher")
        names = [publisher.get("name")] if isinstance(publisher, dict) else [publisher] if isinstance(publisher, str) else []
        name = next((n for n in names if isinstance(n, str) and n.strip()), None)
    if not name:
        return None
    name = fold_space(name)
    # "the Guardian" as written in og:site_name; trafilatura's sitename has the conventional case
    site = fold_space(meta.get("sitename") or "")
    if site and site.lower() == name.lower() and site[:1].isupper():
        name = site
    return name


def _authors(meta: dict, page: PageFacts, jsonld: dict, publisher: str | None) -> list[str]:
    raw = meta.get("author")
    names = [fold_space(n) for n in re.split(r";|\s+and\s+|\s*&\s*", raw)] if raw else []
    if not names:
        names = _jsonld_names(jsonld.get("author"))
    if not names:
        for key in ("author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"):
            value = page.meta.get(key)
            if value and not value.startswith("http"):
                names = [fold_space(re.sub(r"^by\s+", "", n, flags=re.IGNORECASE)) for n in re.split(r";|,\s+(?=[A-Z])|\s+and\s+", value)]
                break
    if not names and page.meta.get("briefing-gen:author"):  # from the feed entry that linked the page
        names = [fold_space(n) for n in page.meta["briefing-gen:author"].split(";")]
    out: list[str] = []
    for name in names:
        if name and (not publisher or name.lower() != publisher.lower()) and name not in out:
            out.append(name)
    return out


def _date(meta: dict, page: PageFacts, jsonld: dict) -> str | None:
    """The publication date the page states (structured data first), else trafilatura's."""
    for value in (
        jsonld.get("datePublished"),
        page.meta.get("article:published_time"),
        page.meta.get("datepublished"),
        page.meta.get("publishdate"),
        page.meta.get("pubdate"),
        page.meta.get("dc.date.issued"),
        page.meta.get("date"),
        page.meta.get("briefing-gen:published"),  # from the feed entry that linked the page
        meta.get("date"),
    ):
        if isinstance(value, str) and value.strip():
            iso = _iso_date(value)
            if iso:
                return iso
    return None


def _iso_date(value: str) -> str | None:
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        return "-".join(match.groups())
    return parse_date(value)


__all__ = ["HtmlReader", "looks_like_html", "read_html", "SOURCE_URL_META"]
