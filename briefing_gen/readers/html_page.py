"""The saved page made readable for the article search, before trafilatura looks at it.

trafilatura finds an article well in a page laid out with `<div>`s and `<p>`s. Older and simpler
pages fool it in two ways, both repaired here on the parsed tree, in place:

- **Layout tables.** A page laid out as a table (a menu in one cell, the article in another) is
  read as a data table: its cells become table cells, their paragraphs are lost, and a nested
  table holding part of the article is moved out of its place. A table whose cells hold
  headings, quotes, several paragraphs or other tables is layout, not data: its rows and cells
  become plain containers, so the article is found in them like in any `<div>`.
- **Text between blocks.** Text that sits directly in a container beside block elements (a lead
  paragraph written straight into the article's `<div>`, a closing line after a nested table) is
  not a block of its own, and trafilatura drops it. Each such run of text, with the links and
  emphasis inside it, is wrapped in a `<p>` where it stands. A `<div>` of text alone between two `<p>`s
  (a quote set apart for styling) is dropped the same way, and becomes a `<p>`.

Before that, what is never the article is removed by where it stands: the site's chrome (menus,
asides, footers, the page header) and the parts the page hides (`display: none`), and posts the
article quotes from social networks are kept as quotes though their wrappers are named like share
bars.

`navigation_texts` lists the link texts of the page's navigation (menus, header, footer), so a
menu line that reached the body can be told from the article's own lines.
"""
from __future__ import annotations

import re

from lxml import etree

# Elements that make a block of their own: text beside them is a run of its own.
_BLOCK_TAGS = frozenset(
    "address article aside blockquote center details dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
# Containers whose loose text is wrapped (lists, tables and headings read their own text).
_CONTAINERS = ("div", "td", "th", "article", "section", "main", "blockquote", "body", "center", "font", "span", "form")
_CONTAINER_WITH_LOOSE_TEXT = etree.XPath(
    "//*[" + " or ".join(f"self::{tag}" for tag in _CONTAINERS) + "][text()[normalize-space()]]"
    "[" + " or ".join(f"{tag}" for tag in ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "section", "article", "pre", "figure")) + "]"
)
_OWN_CELLS = etree.XPath("./tr/td | ./tr/th | ./tbody/tr/td | ./tbody/tr/th | ./thead/tr/td | ./thead/tr/th | ./tfoot/tr/td | ./tfoot/tr/th")
_LAYOUT_BLOCKS = frozenset("table h1 h2 h3 h4 h5 h6 blockquote article".split())
_TABLE_PARTS = ("tbody", "thead", "tfoot", "tr", "td", "th")
_ROLE_NAVIGATION = etree.XPath("descendant::*[@role='navigation' or @role='menubar' or @role='menu']")
_ROLE_CHROME = etree.XPath("descendant::*[@role='navigation' or @role='contentinfo' or @role='complementary' or @role='menubar']")
_IN_ARTICLE = etree.XPath("boolean(ancestor::article or ancestor::main or ancestor::*[@role='main'])")
_HOLDS_ARTICLE = etree.XPath("boolean(descendant-or-self::h1 | descendant-or-self::article | descendant-or-self::main | descendant-or-self::*[@role='main'])")
_HAS_PARAGRAPHS = etree.XPath("boolean(descendant::p[2])")
_HIDDEN = etree.XPath(
    "descendant-or-self::*[@hidden or contains(translate(@style, ' ', ''), 'display:none') or contains(translate(@style, ' ', ''), 'visibility:hidden')]"
)
_EMBEDDED_POST = etree.XPath(
    "descendant-or-self::blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'twitter-video') or contains(@class, 'instagram-media')"
    " or contains(@class, 'tiktok-embed') or contains(@class, 'reddit-card') or contains(@class, 'bluesky-embed') or contains(@class, 'mastodon-embed')]"
)
_WORDS = re.compile(r"\w+")
_MIN_RUN_WORDS = 4


def prepare_page(tree) -> None:
    """Site chrome and hidden parts removed, layout tables opened up and loose text wrapped in
    paragraphs, in place (see the module)."""
    body = tree.find("body")
    if body is None:
        return
    remove_chrome(body)
    remove_hidden(body)
    keep_embedded_posts(body)
    remove_link_clusters(body)
    unfold_layout_tables(body)
    wrap_loose_text(tree)
    paragraphs_from_text_divs(tree)


def paragraphs_from_text_divs(tree) -> int:
    """A `<div>` holding only text and inline elements, between two `<p>`s, is a
    paragraph written with the wrong tag (a quote or a lead set apart for styling); it becomes a
    `<p>`, which trafilatura keeps where it stands. Returns how many."""
    count = 0
    for div in list(tree.iter("div")):
        before, after = div.getprevious(), div.getnext()
        if before is None or after is None or before.tag != "p" or after.tag != "p":
            continue
        if not (div.text or "").strip() or any(isinstance(e.tag, str) and e.tag in _BLOCK_TAGS for e in div.iterdescendants()):
            continue
        if len(_WORDS.findall(div.text_content())) >= _MIN_RUN_WORDS:
            div.tag = "p"
            count += 1
    return count


def remove_chrome(root) -> int:
    """The site's chrome removed by where it stands: menus (`<nav>`, `<menu>`, ARIA navigation),
    asides, footers, and the page's own header (a `<header>` outside the article, without its
    headline). trafilatura leaves these out of the article too, but its last resort, a dump of
    the whole page's text when it finds no article, would keep them. An element holding the
    headline or the article, or paragraphs with a third of the page's text, is never chrome."""
    candidates = [*root.iter("nav", "menu", "aside", "footer"), *_ROLE_CHROME(root)]
    candidates += [header for header in root.iter("header") if not _IN_ARTICLE(header)]
    page_text: list[int] = []  # the page's text length, measured once when first needed

    def is_chrome(element) -> bool:
        if _HOLDS_ARTICLE(element):
            return False
        if _HAS_PARAGRAPHS(element):
            if not page_text:
                page_text.append(len(root.text_content()))
            return len(element.text_content()) * 3 < page_text[0]
        return True

    return _drop_outermost(candidates, is_chrome)


def _drop_outermost(elements, wanted) -> int:
    """Drop each element `wanted` says to drop, its tail kept; an element inside one already
    dropped is not looked at again. Returns how many were dropped."""
    dropped: set = set()
    count = 0
    for element in dict.fromkeys(elements):
        if element.getparent() is None or any(ancestor in dropped for ancestor in element.iterancestors()):
            continue
        if wanted(element):
            dropped.add(element)
            element.drop_tree()
            count += 1
    return count


def remove_hidden(root) -> int:
    """Elements the page never shows (`hidden`, `display: none`, `visibility: hidden`) removed,
    their tails kept: copies of the metadata for search engines, templates, closed pop-ups. An
    element holding a third or more of the page's text stays (a page that shows its article by
    script hides it in the saved file)."""
    hidden = _HIDDEN(root)
    if not hidden:
        return 0
    total = len(root.text_content())
    return _drop_outermost(hidden, lambda element: len(element.text_content()) * 3 < total)


def remove_link_clusters(root) -> int:
    """Clusters of links to other pages inside a paragraph's sentence (the pop-up card of a
    person named in the text, with their latest articles) removed, the text around them kept:
    an inline element of three or more links and nothing else. The innermost such element goes
    first, so a name the sentence links stays when the card beside it goes."""
    spans = list(dict.fromkeys(span for paragraph in root.iter("p") for span in paragraph.iter("span")))
    count = 0
    for span in reversed(spans):
        links = span.findall(".//a")
        if len(links) < 3:
            continue
        text = len("".join(span.text_content().split()))
        linked = sum(len("".join(link.text_content().split())) for link in links)
        if text and linked >= 0.9 * text:
            span.drop_tree()
            count += 1
    return count


def keep_embedded_posts(root) -> int:
    """Posts the article quotes from a social network (a tweet's `<blockquote class="twitter-tweet">`
    and the like, as saved before their script ran) made plain quotes; returns how many. The
    wrappers around them are named "social" or "embed", as share bars are, and would go with
    them: the attributes of wrappers holding nothing but the post are dropped too."""
    count = 0
    for quote in _EMBEDDED_POST(root):
        text = fold_key(quote.text_content())
        if not text:
            continue
        count += 1
        for name in ("class", "id", "style", "data-embed"):
            quote.attrib.pop(name, None)
        ancestor = quote.getparent()
        for _ in range(3):
            if ancestor is None or ancestor.tag in ("body", "article", "main") or fold_key(ancestor.text_content()) != text:
                break
            for name in ("class", "id", "style", "role"):
                ancestor.attrib.pop(name, None)
            ancestor = ancestor.getparent()
    return count


def unfold_layout_tables(root) -> int:
    """Each layout table, its rows and its cells become `<div>`s; returns how many tables."""
    tables = list(root.iter("table"))
    if not tables:
        return 0
    holding = _cells_holding_blocks(tables)
    count = 0
    for table in tables:
        cells = _OWN_CELLS(table)
        if not (any(cell in holding for cell in cells) or (len(cells) == 1 and cells[0].find(".//p") is not None)):
            continue
        count += 1
        parts = list(cells)
        parts += [row for row in table if isinstance(row.tag, str) and row.tag in _TABLE_PARTS]
        parts += [row for section in table if isinstance(section.tag, str) and section.tag in ("tbody", "thead", "tfoot") for row in section]
        for part in parts:
            part.tag = "div"
            for name in ("colspan", "rowspan", "width", "valign", "align"):
                part.attrib.pop(name, None)
        table.tag = "div"
    return count


def _cells_holding_blocks(tables) -> set:
    """The table cells that hold a heading, a quote, a table or two paragraphs: a layout table's
    cells (a data table's cells hold words and numbers). One pass over the tables, each element
    looked at once, whatever the nesting."""
    enclosing: dict = {}  # element -> the nearest cell around it
    paragraphs: dict = {}
    holding: set = set()
    for outer in tables:
        if outer in enclosing:
            continue  # inside a table already walked
        for element in outer.iter():
            if not isinstance(element.tag, str):
                continue
            cell = enclosing.get(element.getparent())
            enclosing[element] = element if element.tag in ("td", "th") else cell
            if cell is None:
                continue
            if element.tag in _LAYOUT_BLOCKS:
                holding.add(cell)
            elif element.tag == "p":
                paragraphs[cell] = paragraphs.get(cell, 0) + 1
                if paragraphs[cell] >= 2:
                    holding.add(cell)
    return holding


def is_layout_table(table) -> bool:
    """A table used to lay out the page: one of its own cells holds a heading, a quote, a nested
    table or several paragraphs, or the table is a single cell around a paragraph (a framed box)."""
    cells = _OWN_CELLS(table)
    holding = _cells_holding_blocks([table])
    return any(cell in holding for cell in cells) or (len(cells) == 1 and cells[0].find(".//p") is not None)


def wrap_loose_text(tree) -> int:
    """Runs of text standing directly in a container beside block elements, wrapped in `<p>`s;
    returns how many. A run is the text with the inline elements (links, emphasis, line breaks)
    around it, up to the next block; runs of fewer than four words (separators, a lone label)
    and runs that are mostly link text (a row of menu links) are left alone."""
    count = 0
    for container in _CONTAINER_WITH_LOOSE_TEXT(tree):
        count += _wrap_runs(container)
    return count


def _is_block(element) -> bool:
    return isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS


def _wrap_runs(container) -> int:
    count = 0
    children = list(container)
    # (the node whose text or tail starts the run, the inline elements of the run)
    runs: list[tuple[object, list]] = []
    start, members = container, []
    for child in children:
        if _is_block(child):
            runs.append((start, members))
            start, members = child, []
        else:
            members.append(child)
    runs.append((start, members))
    for start, members in runs:
        leading = start.text if start is container else start.tail
        if not _worth_wrapping(leading, members):
            continue
        paragraph = etree.Element("p")
        paragraph.text = leading
        if start is container:
            container.text = None
            container.insert(0, paragraph)
        else:
            start.tail = None
            start.addnext(paragraph)
        for member in members:
            paragraph.append(member)  # moves the element, and its tail with it
        count += 1
    return count


def _worth_wrapping(leading: str | None, members: list) -> bool:
    loose = [leading or ""] + [member.tail or "" for member in members]
    inline_text = []
    link_words = 0
    for member in members:
        if not isinstance(member.tag, str) or member.tag in ("script", "style", "noscript", "template"):
            continue
        text = member.text_content() if hasattr(member, "text_content") else "".join(member.itertext())
        if member.tag == "a":
            link_words += len(_WORDS.findall(text))
        else:
            inline_text.append(text)
    loose_words = len(_WORDS.findall(" ".join(loose)))
    if not loose_words:
        return False  # only elements: not loose text
    words = loose_words + link_words + len(_WORDS.findall(" ".join(inline_text)))
    return words >= _MIN_RUN_WORDS and link_words * 2 < words


def navigation_texts(tree) -> set[str]:
    """The folded texts of the links in the page's menus, header and footer."""
    texts = set()
    containers = [*tree.iter("nav", "header", "footer"), *_ROLE_NAVIGATION(tree)]
    for link in dict.fromkeys(link for container in containers for link in container.iter("a")):
        text = fold_key(link.text_content())
        if text:
            texts.add(text)
    return texts


def fold_key(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


__all__ = ["prepare_page", "paragraphs_from_text_divs", "remove_chrome", "remove_hidden", "keep_embedded_posts", "unfold_layout_tables", "wrap_loose_text", "is_layout_table", "navigation_texts", "fold_key"]
