"""Fallback reader for plain text: a title line if there is one, bylines and datelines as metadata.

Saved text from news sites often starts with residue that is metadata, not prose: a tabloid byline
(`By . Name . PUBLISHED: . 19:44 EST, 10 October 2012 . | . UPDATED: ...`), a wire dateline
(`WASHINGTON (CNN) -- `), or a title, byline and date on lines of their own. Each is recognised by
a small named helper below and moved into the article's metadata.
"""
from __future__ import annotations

import re

from briefing_gen.errors import SkipReason
from briefing_gen.model import Article, Paragraph
from briefing_gen.readers.bylines import read_byline
from briefing_gen.readers.decode import ArticleError
from briefing_gen.readers.furniture import is_furniture, without_caption_lines
from briefing_gen.readers.names import author_names, is_organisation, names_a_desk
from briefing_gen.readers.text import (
    fold_space,
    join_broken_paragraphs,
    parse_date,
    parse_inline_links,
    split_blocks,
    split_long_paragraphs,
    unescape_entities,
)

# "By . Jill Reilly . and Ted Thornhill . PUBLISHED: . 08:06 EST, 5 November 2012 . | . UPDATED: ..."
_TABLOID_BYLINE = re.compile(r"^By\s+\.\s+(?P<authors>(?:[^.]+?\s+\.\s+)(?:and\s+[^.]+?\s+\.\s+)*)")
_TABLOID_STAMP = re.compile(  # matched at a position (no `^`): see take_tabloid_residue
    r"(?:\|\s+\.\s+)?(?P<label>PUBLISHED|UPDATED|Last updated at)\s*:?\s*\.?\s*(?P<when>[^|]*?)\s+\.\s+(?:\|\s+\.\s+)?",
    re.IGNORECASE,
)
# "WASHINGTON (CNN)  -- ", "Canberra, Australia (CNN) -- ", "(CNN) -- ", "SEOUL, March 8 (Yonhap) - "
_WIRE_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][\w .,'-]{0,60}?\s*)?\((?P<agency>CNN|AP|Reuters|AFP|UPI)\)"
    r"|[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+){0,2},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?\((?P<wire>[A-Z][\w.&' -]{1,30})\)"
    r"|(?P<city>[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+){0,2})(?:,\s*[A-Z][\w.]+(?: [A-Z][\w.]+)?)?)\s*(?:--|—|–|-)\s+"
)
# A byline line: names of one to four words, the first capitalised, separated by ",", "&" or a
# whole word "and". Each piece of a line can be read one way only: "and" before a capitalised
# word is a separator, never a word of a name, and never the end of a longer word ("Roland" is not
# "Rol and"). That keeps the match linear; when both readings were open, each further name doubled
# the ways a line that is no byline was tried (26 names took minutes).
_NAME_WORDS = r"[A-Z][\w.'-]*(?:\s+(?!and\s+[A-Z])[\w.'-]+){0,3}"
_LINE_BYLINE = re.compile(rf"^By\s+(?P<names>{_NAME_WORDS}(?:(?:\s*[,&]|\s+and)\s*{_NAME_WORDS})*)\s*$")
_NAME_LINE = re.compile(r"^[A-Z][a-zA-Z.'-]+(?:\s+[A-Z][a-zA-Z.'-]+){1,3}$")
# A credit line above the text, as wire copy is saved with no headline: the names, a comma, and the
# outlet or the job ("Jane Roe and John Doe, The Canadian Press", "Jane Roe, Power Play producer").
_CREDIT_LINE = re.compile(rf"^(?P<names>{_NAME_WORDS}(?:(?:\s*[,&]|\s+and)\s*{_NAME_WORDS})*),\s+(?P<credit>[^,]{{2,60}})$")
_MAX_CREDIT_LINE = 120
_DAILY_MAIL_DOT_BREAK = re.compile(r"(?<=\w) \. (?=[a-z])")
_MAX_TITLE_WORDS = 30
_MAX_STAMPS_READ = 4


class PlainTextReader:
    name = "plain-text"
    extensions = (".txt", ".text")

    def sniff(self, text: str) -> bool:
        return True

    def read(self, source: str, text: str) -> Article:
        article = Article(source=source, layout=self.name)
        raw_blocks = [lines for lines in (without_caption_lines(block) for block in split_header_block(split_blocks(text))) if lines]
        blocks = [fold_space(" ".join(block)) for block in raw_blocks]
        if not blocks:
            raise ArticleError("file has no text", SkipReason.EMPTY)
        residue_free = take_tabloid_residue(article, blocks[0])
        had_residue = residue_free != blocks[0]
        blocks[0] = residue_free
        blocks = [b for b in blocks if b]
        # Furniture, bylines and dates above the title ("Posted on ... by ...", "Subscribe to ...")
        # are never the title.
        blocks = take_header_lines(article, blocks, before_title=True)
        # After tabloid residue the article starts at once: there is no title line to take.
        if blocks and not had_residue and looks_like_title(blocks[0], len(blocks)):
            article.title = unescape_entities(blocks.pop(0))
        blocks = take_header_lines(article, blocks)
        # The dateline opens the first paragraph, or the second or third when the headline,
        # ending with a full stop, or a subheading was read as the first ("CLEVELAND, July 19
        # (UPI) — Former Attorney ...").
        for index in range(min(3, len(blocks))):
            undated = take_wire_dateline(article, blocks[index])
            if undated != blocks[index]:
                blocks[index] = undated
                break
        paragraphs = [parse_inline_links(_DAILY_MAIL_DOT_BREAK.sub(" ", block)) for block in blocks if block and not is_furniture(block)]
        article.paragraphs = split_flattened(join_broken_paragraphs([p for p in paragraphs if p.text]))
        if not article.title and article.paragraphs:
            article.title = title_from_text(article.paragraphs[0].text)
        return article


def split_header_block(blocks: list[list[str]]) -> list[list[str]]:
    """A title with its byline and date on the lines right below it, with no blank line between,
    is three header lines, not one paragraph."""
    if not blocks or len(blocks[0]) < 2:
        return blocks
    first, rest = blocks[0], blocks[1:]
    header_like = [line for line in first[1:4] if _LINE_BYLINE.match(line) or read_byline(line, site_line=True) is not None]
    if header_like and first[1] in header_like and not first[0].rstrip().endswith("."):
        count = 1 + len(header_like)
        return [[line] for line in first[:count]] + ([first[count:]] if first[count:] else []) + rest
    return blocks


FLATTENED_PARAGRAPH_CHARS = 450


def split_flattened(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Text whose paragraph breaks were lost in the saving (the whole article on one or two lines)
    is cut back into paragraphs of a few sentences, so the Text section reads like an article and
    each claim links to the passage it comes from."""
    if len(paragraphs) > 2 or not any(len(p.text) > 2 * FLATTENED_PARAGRAPH_CHARS for p in paragraphs):
        return paragraphs
    return split_long_paragraphs(paragraphs, FLATTENED_PARAGRAPH_CHARS)


def take_tabloid_residue(article: Article, text: str) -> str:
    """Move a leading `By . Name . PUBLISHED: . date .` run into the metadata; return the rest."""
    match = _TABLOID_BYLINE.match(text)
    if match:
        names = [fold_space(n.strip(" .")) for n in re.split(r"\s+\.\s+(?:and\s+)?", match.group("authors"))]
        article.authors = [n for n in names if n]
        text = text[match.end():]
    # The stamps are matched where the previous one ended, not on a copy of the rest of the text
    # (a copy per stamp made a text of many stamps quadratic). Residue has a PUBLISHED and an
    # UPDATED stamp; the dates of the first few are read, any further stamps only removed (a
    # date parse each made a text of thousands of stamps take minutes).
    position = 0
    count = 0
    while stamp := _TABLOID_STAMP.match(text, position):
        count += 1
        if count <= _MAX_STAMPS_READ and (stamp.group("label").upper() == "PUBLISHED" or article.published is None):
            article.published = parse_date(stamp.group("when")) or article.published
        position = stamp.end()
    return text[position:].strip()


def take_wire_dateline(article: Article, text: str) -> str:
    match = _WIRE_DATELINE.match(text)
    if not match:
        return text
    article.publisher = article.publisher or match.group("agency") or match.group("wire")
    return text[match.end():]


def take_header_lines(article: Article, blocks: list[str], before_title: bool = False) -> list[str]:
    """Byline, credit ("Jane Roe, The Canadian Press"), author-name, date and `from SITE
    Website` lines right below the title (or, with `before_title`, above it, where site
    furniture may stand too) become metadata."""
    index = 0
    while index < min(len(blocks), 4):
        block = blocks[index]
        byline = read_byline(block, site_line=True)
        if (match := _LINE_BYLINE.match(block)) and not article.authors:
            article.authors = author_names(match.group("names"))  # "By" and names only, however many
        elif byline is not None:
            article.authors = article.authors or byline.authors
            article.published = article.published or byline.date
            article.original_source = article.original_source or byline.site
        elif not article.authors and (credited := _credited_names(block)):
            article.authors = credited
        elif article.title and not article.authors and not before_title and _NAME_LINE.match(block) and len(block) < 40 and author_names(block):
            article.authors = author_names(block)
        elif not (before_title and is_furniture(block)):
            break
        index += 1
    return blocks[index:]


def _credited_names(line: str) -> list[str]:
    """The people a credit line names ("Jane Roe, The Associated Press"); none when the line is
    no credit: what follows the last comma must be an outlet or a job, and a person must be named
    before it (so a headline such as "Ottawa, the capital" is left alone)."""
    match = _CREDIT_LINE.match(line) if len(line) <= _MAX_CREDIT_LINE else None
    if match is None or not (is_organisation(match.group("credit")) or names_a_desk(match.group("credit"))):
        return []
    names = author_names(match.group("names"))
    return names if names and not any(is_organisation(name) for name in names) else []


def looks_like_title(first: str, block_count: int) -> bool:
    """A first line is a title when it is short, not a full sentence run, and text follows."""
    if block_count < 2:
        return False
    words = first.split()
    if len(words) > _MAX_TITLE_WORDS:
        return False
    if first.endswith(".") and len(words) >= 5:
        return False  # a sentence, not a headline
    return not _LINE_BYLINE.match(first) and not _WIRE_DATELINE.match(first)


def title_from_text(text: str, max_words: int = 14) -> str:
    """A title for an article saved without one: its first sentence, shortened."""
    first_sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text, maxsplit=1)[0]
    words = first_sentence.split()
    if len(words) <= max_words:
        return first_sentence.rstrip(".")
    return " ".join(words[:max_words]).rstrip(",;:") + "…"


__all__ = ["PlainTextReader", "Paragraph"]
