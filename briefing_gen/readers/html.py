"""Reader for HTML pages (saved from a browser, fetched by `briefing-gen add`, or written from a feed).

The page is parsed once. Its metadata is read first (`html_meta`: JSON-LD, meta tags, headings,
with trafilatura's and htmldate's passes as fallbacks). Then the tree is prepared (`html_page`:
hidden parts removed, layout tables opened, loose text wrapped) and the article is found by
trafilatura, not by stripping tags here: it drops navigation, ads, share bars, related links and
comment sections and gives the article as TEI-like elements (`<p>`, `<head>`, `<list>/<item>`,
`<quote>`, `<table>`, `<ref target>`), which are mapped onto our paragraph kinds and link spans.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from briefing_gen.errors import SkipReason
from briefing_gen.model import Article, Link, Paragraph
from briefing_gen.readers.bylines import read_byline
from briefing_gen.readers.decode import ArticleError
from briefing_gen.readers.furniture import is_furniture
from briefing_gen.readers.html_meta import SOURCE_URL_META, PageFacts, apply_metadata
from briefing_gen.readers.html_page import fold_key, navigation_texts, prepare_page
from briefing_gen.readers.text import _normalised, ends_sentence, fold_space, join_broken_paragraphs, remove_scrape_duplicates

_SNIFF = re.compile(r"^[\s\ufeff]*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE | re.DOTALL)
_SAFE_SCHEMES = ("http", "https", "mailto")


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
    if not text.strip():
        raise ArticleError("file is empty", SkipReason.EMPTY)
    tree = parse_page(text)
    page = PageFacts.from_tree(tree, text)
    article = Article(source=source, layout="html")
    apply_metadata(article, page)
    base_url = article.url

    prepare_page(tree)
    paragraphs = body_paragraphs(extract_body(tree), base_url)
    # The page's structured data may carry the article body itself (schema.org `articleBody`).
    # When the extraction misses most of it, the page layout fooled the extractor: try again
    # leaning to recall, and as a last resort take the declared body as plain paragraphs.
    declared = declared_body(page.article_object())
    if declared and _coverage(paragraphs, declared) < 0.6:
        retry = body_paragraphs(extract_body(tree, favor_recall=True), base_url)
        if _coverage(retry, declared) > _coverage(paragraphs, declared):
            paragraphs = retry
        if _coverage(paragraphs, declared) < 0.6:
            paragraphs = [Paragraph(text=fold_space(block)) for block in re.split(r"\n\s*\n|\n", declared) if fold_space(block)]
    article.paragraphs = take_leading_bylines(article, clean_paragraphs(paragraphs, article.title, lambda: navigation_texts(tree)))
    if not article.title and article.paragraphs:
        from briefing_gen.readers.plain_text import title_from_text

        prose = [p.text for p in article.paragraphs if p.kind == "paragraph" and not is_furniture(p.text)]
        article.title = title_from_text(prose[0] if prose else article.paragraphs[0].text)
    return article


def take_leading_bylines(article: Article, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Byline and dateline lines at the top of the body ("By Ana Ruelle | May 8, 2024", "Posted
    on ... by ...", a date alone) fill the authors and date the page's fields left empty, and
    leave the body."""
    index = 0
    while index < min(len(paragraphs), 3) and paragraphs[index].kind == "paragraph":
        byline = read_byline(paragraphs[index].text)
        if byline is None:
            break
        article.authors = article.authors or byline.authors
        article.published = article.published or byline.date
        index += 1
    return paragraphs[index:]


def parse_page(text: str):
    """The page as an lxml tree, parsed once for the metadata and the article search."""
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)
    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (ValueError, lxml.etree.ParserError) as error:
        raise ArticleError(f"cannot parse HTML: {error}".splitlines()[0], SkipReason.UNREADABLE) from None
    return tree


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


#: Below this many words, the fast extraction may have missed the article: the full cascade runs.
SHORT_EXTRACTION_WORDS = 150


def extract_body(tree, favor_recall: bool = False):
    """The article as trafilatura's body element (`<p>`, `<head>`, `<list>`, `<quote>`, `<table>` ...),
    or None.

    trafilatura runs in its fast mode, without comparing its result with readability's and
    jusText's: on the prepared tree they changed nothing on the benchmark pages, and they take a
    third of its time. When the fast result is short, the full cascade runs and the longer result
    is kept; when nothing is found, a recall-leaning pass with no minimum size runs (a feed
    entry's text, a brief)."""
    from trafilatura.core import bare_extraction

    options = dict(
        url=None,  # links are made absolute by safe_url, much faster than trafilatura's own
        favor_recall=favor_recall,
        fast=True,
        output_format="xml",
        include_links=True,
        include_formatting=True,
        include_tables=True,
        include_images=False,
        include_comments=False,
        with_metadata=False,
        deduplicate=False,
    )
    body = _body_of(bare_extraction(tree, **options))
    if _word_count(body) < SHORT_EXTRACTION_WORDS:
        options["fast"] = False
        full = _body_of(bare_extraction(tree, **options))
        if _word_count(full) > _word_count(body):
            body = full
    if not _word_count(body):
        options["favor_recall"] = True
        body = _body_of(bare_extraction(tree, config=_short_page_config(), **options))
    return body


def _body_of(document):
    return document.body if document is not None else None


def _word_count(body) -> int:
    return len(" ".join(body.itertext()).split()) if body is not None else 0


def _short_page_config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return config


# XML to paragraphs ------------------------------------------------------------------------------------

# trafilatura's block elements: each is a paragraph (or several) of its own. Anything else inside a
# block (`hi`, `ref`, `lb`, `del`, ...) is inline and runs with the text around it.
_BLOCKS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "cell", "div", "code", "ab", "main", "body", "doc", "section", "note"})
# Never article text: pictures, and site chrome that a fallback extraction passed on as it was.
_SKIPPED = frozenset({"graphic", "fw", "figure", "nav", "header", "footer", "aside", "form", "script", "style"})


def body_paragraphs(body, base_url: str | None) -> list[Paragraph]:
    """trafilatura's body element as paragraphs, in order. Text standing directly in a block
    beside nested blocks (a lead sentence before the first `<p>`, a line after a quote) is a
    paragraph of its own where it stands, never dropped or run into its neighbours."""
    out: list[Paragraph] = []
    if body is not None and body.tag not in _SKIPPED:
        _blocks(body, base_url, "paragraph", out)
    return out


def xml_blocks(element, base_url: str | None, kind: str = "paragraph") -> list[Paragraph]:
    """The content of one trafilatura element (a `<main>`, a quote, a cell ...) as paragraphs."""
    out: list[Paragraph] = []
    _blocks(element, base_url, kind, out)
    return out


def _blocks(element, base_url: str | None, kind: str, out: list[Paragraph]) -> None:
    """`element`'s text and inline children as paragraphs of `kind`, each nested block as its own."""
    run = _Inline(base_url, split_breaks=kind != "heading")
    run.add(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _BLOCKS:
            out.extend(run.finish(kind))
            _block(child, base_url, kind, out)
            run = _Inline(base_url, split_breaks=kind != "heading")
        elif tag and tag not in _SKIPPED:
            run.walk_inline(child)
        run.add(child.tail)
    out.extend(run.finish(kind))


def _block(element, base_url: str | None, outer: str, out: list[Paragraph]) -> None:
    """One block element; `outer` is the kind of the block around it."""
    tag = element.tag
    if tag == "head":
        _blocks(element, base_url, "heading", out)
    elif tag == "quote":
        _blocks(element, base_url, "quote", out)
    elif tag == "list":
        for child in element:
            if isinstance(child.tag, str) and child.tag == "item":
                _blocks(child, base_url, "quote" if outer == "quote" else "item", out)
            elif isinstance(child.tag, str) and child.tag in _BLOCKS:
                _block(child, base_url, outer, out)
    elif tag == "item":
        _blocks(element, base_url, "quote" if outer == "quote" else "item", out)
    elif tag == "table":
        _table(element, base_url, outer, out)
    elif outer in ("quote", "heading", "item"):
        _blocks(element, base_url, outer, out)
    else:
        _blocks(element, base_url, "paragraph", out)


def _table(table, base_url: str | None, outer: str, out: list[Paragraph]) -> None:
    """A data table: each row one paragraph, its cells separated by ` | `. A table whose cells
    hold blocks (paragraphs, lists, headings, tables) lays out text: each cell's blocks in order."""
    rows = [row for row in table if isinstance(row.tag, str) and row.tag == "row"]
    cells = [cell for row in rows for cell in row if isinstance(cell.tag, str) and cell.tag == "cell"]
    if any(isinstance(child.tag, str) and child.tag in _BLOCKS for cell in cells for child in cell):
        for child in table:
            if isinstance(child.tag, str) and child.tag in _BLOCKS:
                _blocks(child, base_url, "quote" if outer == "quote" else "paragraph", out)
        return
    for row in rows:
        pieces = []
        for cell in row:
            if isinstance(cell.tag, str) and cell.tag == "cell":
                run = _Inline(base_url, split_breaks=False)
                run.walk_inline(cell, with_tail=False)
                pieces.extend(p for p in run.finish("paragraph") if p.text)
        if not pieces:
            continue
        joined = pieces[0]
        for piece in pieces[1:]:
            offset = len(joined.text) + 3
            joined = Paragraph(
                text=f"{joined.text} | {piece.text}",
                links=joined.links + [Link(span.start + offset, span.end + offset, span.url) for span in piece.links],
            )
        if outer == "quote":
            joined.kind = "quote"
        out.append(joined)


@dataclass
class _BodyParagraph(Paragraph):
    """A paragraph as the page gave it, with how many of its characters are link text, counting
    links whose address could not be kept (relative ones on a page saved without its address):
    whether a line is only a link is a fact of the page, not of what could be kept of it."""

    linked: int = 0


def linked_chars(paragraph: Paragraph) -> int:
    if isinstance(paragraph, _BodyParagraph):
        return paragraph.linked
    return sum(link.end - link.start for link in paragraph.links)


class _Inline:
    """Collects the text of one block with its link spans, cut into pieces at line breaks."""

    def __init__(self, base_url: str | None, split_breaks: bool):
        self.base_url = base_url
        self.split_breaks = split_breaks
        self.pieces: list[tuple[list[str], list[Link]]] = [([], [])]
        self.linked = [0]  # the link text of each piece, in characters without spaces
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
            self.linked.append(0)
            self.length = 0
        else:
            self.add(" ")

    def walk_inline(self, element, bold: bool = False, with_tail: bool = False) -> None:
        """`element` and everything inside it as inline text (blocks nested in an inline element
        run with the text around them)."""
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "lb":
            self.line_break()
        elif tag in _SKIPPED:
            pass
        elif tag == "ref":
            start = self.length
            before = len(self.pieces)
            mark = len(self.pieces[-1][0])
            self._children(element, bold)
            url = safe_url(element.get("target"), self.base_url)
            if len(self.pieces) == before and self.length > start:
                self.linked[-1] += sum(len("".join(text.split())) for text in self.pieces[-1][0][mark:])
                if url:
                    self.pieces[-1][1].append(Link(start=start, end=self.length, url=url))
        elif tag:
            self._children(element, bold or (tag == "hi" and element.get("rend", "") == "#b"))
        if with_tail:
            self.add(element.tail, bold)

    def _children(self, element, bold: bool) -> None:
        self.add(element.text, bold)
        for child in element:
            self.walk_inline(child, bold)
            self.add(child.tail, bold)

    def finish(self, kind: str) -> list[Paragraph]:
        """The pieces as paragraphs of `kind`; a short all-bold line standing alone is a subheading."""
        out = []
        for (texts, links), linked in zip(self.pieces, self.linked):
            paragraph = _normalised(Paragraph(text="".join(texts), links=links, kind=kind))
            if paragraph.text:
                out.append(_BodyParagraph(text=paragraph.text, links=paragraph.links, kind=kind, linked=linked))
        if kind == "paragraph" and len(out) == 1 and self.bold_chars and self.bold_chars >= len(out[0].text.replace(" ", "")) and looks_like_subheading(out[0].text):
            out[0].kind = "heading"
        return out


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


def clean_paragraphs(paragraphs: list[Paragraph], title: str, navigation: Callable[[], set[str]] | None = None) -> list[Paragraph]:
    """Drop the headline repeated at the top, the page's furniture by where it stands, and blocks
    the page doubled; join split sentences.

    Furniture is recognised by where it stands, not by what it says. The extraction already left
    out the page's chrome (menus, header, footer, asides, share bars, comments, hidden parts), so a
    line inside the article that reads like furniture ("Click here to ...") is the article's own.
    What remains to drop stands apart from the prose: a menu link that reached the body (a line
    that is one link, whose text is a link of the page's navigation), teasers for other pages (a
    labelled link such as "Read more: <link>", a headline in capitals that is one link), the run
    of lines that are only links closing the body (related stories, "Subscribe to ..."), and a
    heading with nothing under it at the end ("Related", "Comments").
    """
    folded_title = _fold_title(title)
    while paragraphs and paragraphs[0].kind == "heading" and folded_title and _fold_title(paragraphs[0].text) in (folded_title, ""):
        paragraphs = paragraphs[1:]
    menu = _Menu(navigation)
    kept = [p for p in paragraphs if p.text and not menu.holds(p) and not is_teaser(p)]
    while kept and (kept[-1].kind == "heading" or (kept[-1].kind != "quote" and is_link_line(kept[-1]) and not _ADDRESS_LINE.match(kept[-1].text))):
        kept.pop()
    kept = [Paragraph(text=p.text, links=p.links, kind=p.kind) for p in kept]
    return remove_scrape_duplicates(join_broken_paragraphs(kept))


def is_link_line(paragraph: Paragraph) -> bool:
    """A line that is (nearly) all link text."""
    linked = linked_chars(paragraph)
    return bool(linked) and linked >= 0.8 * len(paragraph.text.replace(" ", ""))


# The labels of links to other pages: "Related: <link>", "READ MORE | <link>", "Don't miss: <link>".
_TEASER_LABEL = re.compile(
    r"^(?:related(?: stories| articles| content| coverage)?|read (?:more|also|next|this)|more|see (?:also|more)|also(?: read| see)?|"
    r"watch(?: more)?|don[’']?t miss|must read|recommended(?: reading)?|trending|further reading|more (?:on|from|about) [\w ]{1,30}|"
    r"you (?:may|might) also like|editor[’']?s picks?)\s*[:|»›>]+\s*",
    re.IGNORECASE,
)
_ADDRESS_LINE = re.compile(r"^(?:https?://|www\.|doi:)\S+$", re.IGNORECASE)


def is_teaser(paragraph: Paragraph) -> bool:
    """A line that points to another page instead of telling: a teaser's label and a link or a
    headline ("Read more: <link>", "SEE ALSO | <link>", "Related: <headline>"), or a headline in
    capitals that is one link."""
    text = paragraph.text
    label = _TEASER_LABEL.match(text)
    if label and label.end() < len(text):  # (a bold "Related: ..." is read as a heading: it is none)
        rest = text[label.end():]
        if linked_chars(paragraph) >= 0.8 * len(rest.replace(" ", "")):
            return True
        if len(rest.split()) <= 20 and not ends_sentence(rest):
            return True  # a headline whose link the saved page lost
    if paragraph.kind == "heading" or not linked_chars(paragraph):
        return False
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 3 and is_link_line(paragraph) and bool(letters) and all(c.isupper() for c in letters) and not ends_sentence(text)


class _Menu:
    """The link texts of the page's navigation, read from the page only when a line could be one."""

    def __init__(self, texts: Callable[[], set[str]] | None):
        self._read = texts
        self._texts: set[str] | None = None

    def holds(self, paragraph: Paragraph) -> bool:
        """True for a short line that is all one link whose text is a menu link of the page."""
        if self._read is None or paragraph.kind == "heading" or len(paragraph.text) > 80:
            return False
        if linked_chars(paragraph) < len(paragraph.text.replace(" ", "")):
            return False
        if self._texts is None:
            self._texts = self._read()
        return fold_key(paragraph.text) in self._texts


def _fold_title(text: str) -> str:
    return re.sub(r"\W+", " ", (text or "").casefold()).strip()


__all__ = ["HtmlReader", "looks_like_html", "read_html", "SOURCE_URL_META"]
