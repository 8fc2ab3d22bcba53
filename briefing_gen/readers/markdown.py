"""Reader for Markdown articles: front matter (python-frontmatter) and reposts with header lines.

Front matter keys map onto the data model (`title`, `date`, `author`/`authors`, `tags`,
`categories`, `source`/`url`, ...); front matter that uses YAML aliases is refused with a one-line
error, since a few nested aliases can stand for gigabytes. Reposts carry their header in the body
instead: `# Title`, `> Source: URL`, `by AUTHOR DATE from SITE`, and "Return to ..." navigation at
the end.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

from briefing_gen.errors import SkipReason
from briefing_gen.model import Article, Paragraph
from briefing_gen.readers.bylines import read_byline
from briefing_gen.readers.decode import ArticleError
from briefing_gen.readers.furniture import is_furniture
from briefing_gen.readers.names import author_names
from briefing_gen.readers.text import (
    fold_space,
    join_broken_paragraphs,
    parse_date,
    parse_inline_links,
    remove_scrape_duplicates,
    strip_inline_links,
    unescape_entities,
    unfold_collapsed_lists,
)

# A heading's marks and the space after them; its text is the rest of the line less a closing run
# of `#`s and the space before it (`heading_text`). The regex `\s+(.*?)\s*#*$` said the same, but
# tried the rest of the line at every character: quadratic in a run of spaces.
_HEADING = re.compile(r"(#{1,6})\s+")
_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+(.*)$")
_QUOTE = re.compile(r"^>\s?(.*)$")
_SOURCE_LINE = re.compile(r"^>?\s*Source:\s*(?P<url>\S+)\s*$", re.IGNORECASE)
_NAVIGATION = re.compile(r"^(?:Return to|Back to|Go to)\s+\S", re.IGNORECASE)
_SHORTCODE = re.compile(r"^\{\{[<%].*[%>]\}\}$")
# Emphasis and code marks around a run of text, as the regex
# `(?<![\w*_])(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1(?![\w*_])` finds them (see strip_emphasis).
_MARKS = ("**", "__", "*", "_", "`")
_WORD_OR_MARK = re.compile(r"[\w*_]")
_SPACE = re.compile(r"\s")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_FENCE = re.compile(r"^(```|~~~)")

class _PlainYAMLLoader(yaml.SafeLoader):
    """YAML without aliases. An alias repeats what its anchor holds without repeating its text,
    so a few hundred bytes of nested aliases (a "billion laughs") can stand for a value of
    gigabytes once written out; article front matter never needs one."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.events.AliasEvent):
            alias = self.peek_event()
            raise ArticleError(
                f"invalid front matter: line {alias.start_mark.line + 1} uses the YAML alias *{alias.anchor}, "
                "and aliases are not allowed in article front matter (write the value out)",
                SkipReason.FRONT_MATTER,
            )
        return super().compose_node(parent, index)


class _PlainYAMLHandler(YAMLHandler):
    def load(self, fm: str, **kwargs: object):
        return yaml.load(fm, Loader=_PlainYAMLLoader)


_LIST_KEYS = {"tags": "tags", "categories": "tags", "keywords": "tags", "regions": "regions", "geo": "regions", "themes": "themes"}


class MarkdownReader:
    name = "markdown"
    extensions = (".md", ".markdown")

    def sniff(self, text: str) -> bool:
        return True

    def read(self, source: str, text: str) -> Article:
        handler = frontmatter.detect_format(text, frontmatter.handlers)
        if isinstance(handler, YAMLHandler):
            handler = _PlainYAMLHandler()
        try:
            post = frontmatter.loads(text, handler=handler)
        except yaml.YAMLError as error:
            problem = str(error).splitlines()[0] if str(error) else "invalid YAML"
            raise ArticleError(f"invalid front matter: {problem}", SkipReason.FRONT_MATTER) from None
        except RecursionError:  # thousands of nested brackets: no front matter is written so
            raise ArticleError("invalid front matter: nested too deeply to read", SkipReason.FRONT_MATTER) from None
        article = Article(source=source, layout="markdown")
        apply_front_matter(article, post.metadata)
        lines = [line.rstrip() for line in post.content.split("\n")]
        lines = take_repost_header(article, lines)
        article.paragraphs = remove_scrape_duplicates(join_broken_paragraphs(unfold_collapsed_lists(markdown_blocks(lines))))
        return article


def apply_front_matter(article: Article, meta: dict) -> None:
    def text(value) -> str | None:
        if value is None or isinstance(value, (dict, list)):
            return None
        return fold_space(str(value)) or None

    def strings(value) -> list[str]:
        if value is None:
            return []
        values = value if isinstance(value, list) else str(value).split(",")
        return [fold_space(str(v)) for v in values if not isinstance(v, (dict, list)) and fold_space(str(v))]

    article.title = unescape_entities(text(meta.get("title")) or "")
    authors = meta.get("authors", meta.get("author"))
    article.authors = author_names(strings(authors))
    for key in ("date", "published", "pubdate", "publishDate"):
        if key in meta:
            article.published = as_iso_date(meta[key])
            break
    article.original_published = as_iso_date(meta.get("original_published"))
    article.publisher = text(meta.get("publisher") or meta.get("site") or meta.get("site_name"))
    article.original_source = text(meta.get("original_source"))
    source = text(meta.get("source") or meta.get("url") or meta.get("link") or meta.get("canonical_url"))
    if source and re.match(r"https?://", source):
        article.url = source
    elif source:
        article.original_source = article.original_source or source
    for key, field_name in _LIST_KEYS.items():
        for value in strings(meta.get(key)):
            if value not in getattr(article, field_name):
                getattr(article, field_name).append(value)


def as_iso_date(value) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return None
    return parse_date(str(value))


def take_repost_header(article: Article, lines: list[str]) -> list[str]:
    """Read the header at the top of a repost: `# Title`, `> Source: URL` and the byline, on one
    line (`by AUTHOR DATE from SITE Website`) or on a line each (`by AUTHOR`, `DATE`,
    `from SITE Website`), and drop the "Return to ..." navigation at the end."""
    index = 0
    while index < len(lines) and index < 12:
        line = lines[index].strip()
        heading = _HEADING.match(line)
        if not line:
            pass
        elif heading and len(heading.group(1)) == 1 and not article.title:
            article.title = unescape_entities(fold_space(parse_inline_links(heading_text(line, heading)).text))
        elif match := _SOURCE_LINE.match(line):
            article.url = article.url or match.group("url")
        elif (byline := read_byline(strip_inline_links(line), site_line=True)) is not None:
            article.authors = article.authors or byline.authors
            article.published = article.published or byline.date
            article.original_source = article.original_source or byline.site
        else:
            break
        index += 1
    rest = lines[index:]
    while rest and (not rest[-1].strip() or _NAVIGATION.match(rest[-1].strip())):
        rest.pop()
    return rest


def heading_text(line: str, heading: re.Match) -> str:
    """The text of a heading line: after its marks, without a closing run of `#`s and the white
    space before that run."""
    return line[heading.end():].rstrip("#").rstrip()


def markdown_blocks(lines: list[str]) -> list[Paragraph]:
    """Body lines to paragraphs: headings, list items and quotes keep their kind.

    Lines not separated by a blank line are joined unless each line is a full paragraph of its
    own (reposts write one paragraph per line with no blank lines between).
    """
    one_paragraph_per_line = sum(1 for line in lines if not line.strip()) < len(lines) * 0.1
    blocks: list[Paragraph] = []
    current: list[str] = []
    in_fence = False

    def flush():
        if current:
            paragraph = inline(" ".join(current))
            if paragraph.text:
                blocks.append(paragraph)
            current.clear()

    for raw in lines:
        line = raw.strip()
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence or _SHORTCODE.match(line) or _NAVIGATION.match(line):
            continue
        if not line or re.fullmatch(r"[-*_]{3,}", line):
            flush()
            continue
        if heading := _HEADING.match(line):
            flush()
            blocks.append(inline(heading_text(line, heading), kind="heading"))
        elif item := _ITEM.match(line):
            flush()
            blocks.append(inline(item.group(1), kind="item"))
        elif quote := _QUOTE.match(line):
            flush()
            if quote.group(1).strip():
                blocks.append(inline(quote.group(1), kind="quote"))
        else:
            current.append(line)
            if one_paragraph_per_line:
                flush()
    flush()
    return [b for b in blocks if b.text and not is_furniture(b.text)]


def strip_emphasis(text: str) -> str:
    """`text` with each emphasised run (`*a*`, `**a**`, `_a_`, `__a__`, `` `a` ``) replaced by its
    inner text, exactly as `re.sub` with the regex above would, in time linear in the text.

    The regex's lazy `(.+?)` searched the rest of the line for a closing mark from every opening
    one, so a paragraph of marks that never close was quadratic (40,000 marks took minutes).
    Here the valid closing marks of each kind are listed once, in order, and an opening mark takes
    the first one after it by binary search. Left to right, the first mark kind (in the regex's
    order) that has a closing mark wins, and the search goes on after that mark, as `re.sub` does.
    """
    if not any(mark in text for mark in "*_`"):
        return text
    length = len(text)
    newlines = [i for i, char in enumerate(text) if char == "\n"]
    closers: dict[str, list[int]] = {}
    for mark in _MARKS:
        found = []
        at = text.find(mark, 1)
        while at >= 0:
            after = at + len(mark)
            if not _SPACE.match(text, at - 1) and not _WORD_OR_MARK.match(text, after):
                found.append(at)  # non-space before it, no word character or mark after it
            at = text.find(mark, at + 1)
        closers[mark] = found
    pieces: list[str] = []
    copied = position = 0
    while position < length:
        if text[position] not in "*_`" or (position and _WORD_OR_MARK.match(text, position - 1)):
            position += 1
            continue
        for mark in _MARKS:
            inner = position + len(mark)
            if not text.startswith(mark, position) or inner >= length or _SPACE.match(text, inner):
                continue
            ends = closers[mark]
            index = bisect.bisect_left(ends, inner + 1)  # at least one character inside
            if index == len(ends):
                continue
            end = ends[index]
            line_end = bisect.bisect_left(newlines, inner)
            if line_end < len(newlines) and newlines[line_end] < end:
                continue  # the text between may not run over a line break
            pieces += [text[copied:position], text[inner:end]]
            position = copied = end + len(mark)
            break
        else:
            position += 1
    pieces.append(text[copied:])
    return "".join(pieces)


def inline(markdown: str, kind: str = "paragraph") -> Paragraph:
    markdown = _IMAGE.sub("", markdown)
    for _ in range(2):
        markdown = strip_emphasis(markdown)
    paragraph = parse_inline_links(markdown)
    paragraph.kind = kind
    return paragraph


__all__ = ["MarkdownReader", "ArticleError"]
