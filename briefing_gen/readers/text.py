"""Small text helpers shared by the readers: inline links, hard wraps, broken paragraphs, dates."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from briefing_gen.extract.quotes import reopens
from briefing_gen.model import Link, Paragraph
from briefing_gen.whitespace import fold_space

_MARKDOWN_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)")


def parse_inline_links(text: str) -> Paragraph:
    """Turn `[text](url)` markup into plain text plus link spans.

    Placeholder targets such as `#` (how saved pages mark links whose address was lost) leave
    only the text.
    """
    plain: list[str] = []
    links: list[Link] = []
    position = 0
    length = 0
    for match in _MARKDOWN_LINK.finditer(text):
        before = text[position:match.start()]
        plain.append(before)
        length += len(before)
        label = match.group(1)
        url = match.group(2).strip()
        if url and not url.startswith("#") and label.strip():
            links.append(Link(start=length, end=length + len(label), url=url))
        plain.append(label)
        length += len(label)
        position = match.end()
    plain.append(text[position:])
    return _normalised(Paragraph(text="".join(plain), links=links))


def strip_inline_links(text: str) -> str:
    return parse_inline_links(text).text


_NON_SPACE = re.compile(r"\S+")


def _normalised(paragraph: Paragraph) -> Paragraph:
    """Fold white space while keeping link offsets pointing at the same words.

    The text is its runs of non-space characters joined by single spaces; a link's ends are moved
    by the white space folded before them (a binary search over the runs' starts)."""
    text = paragraph.text
    if not paragraph.links:
        return Paragraph(text=fold_space(text), links=[], kind=paragraph.kind)
    old_starts: list[int] = []
    old_ends: list[int] = []
    new_starts: list[int] = []
    words: list[str] = []
    length = 0
    for match in _NON_SPACE.finditer(text):
        if words:
            length += 1
        old_starts.append(match.start())
        old_ends.append(match.end())
        new_starts.append(length)
        words.append(match.group())
        length += len(match.group())
    folded = " ".join(words)

    def moved(position: int) -> int:
        run = bisect.bisect_right(old_starts, position) - 1
        if run < 0:
            return 0
        if position <= old_ends[run]:
            return new_starts[run] + position - old_starts[run]
        return min(new_starts[run] + old_ends[run] - old_starts[run] + 1, len(folded))

    links = []
    for span in paragraph.links:
        start, end = moved(span.start), min(moved(span.end), len(folded))
        while start < end and folded[start] == " ":
            start += 1
        while end > start and folded[end - 1] == " ":
            end -= 1
        if start < end:
            links.append(Link(start=start, end=end, url=span.url))
    return Paragraph(text=folded, links=links, kind=paragraph.kind)


def merge_paragraphs(first: Paragraph, second: Paragraph) -> Paragraph:
    offset = len(first.text) + 1
    links = list(first.links) + [Link(span.start + offset, span.end + offset, span.url) for span in second.links]
    return Paragraph(text=f"{first.text} {second.text}", links=links, kind=first.kind)


_CLOSERS = "\"'”’»)]"


def ends_sentence(text: str) -> bool:
    """True when `text` ends with a sentence end (`.`, `!`, `?`, `…`, perhaps followed by closing
    quotes and brackets) or a closing quotation mark. Only the end of the text is read: a regex
    search of the whole text per call made joining many broken lines quadratic."""
    text = text.rstrip()
    if text[-1:] in ("\"", "”", "’", "»"):
        return True
    return text.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…")


# Words no sentence, heading or title ends with: a line ending with one was cut mid-sentence,
# whatever the next line starts with ("... pertaining to the" / "MH 17 crash ...").
_CUT_AFTER = frozenset("a an the and or but nor of its their his her our your my whose than between among into onto upon".split())


def continues_sentence(previous: str, following: str) -> bool:
    """True when `following` is the rest of a sentence that a stray line break cut from `previous`:
    it goes on in lower case, or `previous` stops on a word no sentence ends with."""
    following = following.lstrip()
    if not previous or not following or ends_sentence(previous):
        return False
    first = following[0]
    if first.islower() or (first in "([" and len(following) > 1 and following[1].islower()):
        return True
    last = previous[previous.rfind(" ", 0, len(previous.rstrip())) + 1:].strip().lower()
    return last in _CUT_AFTER and (first.isalnum() or first in "\"'“‘")


def join_broken_paragraphs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs that a stray line break cut from the one before (`continues_sentence`) joined to
    it with a space.

    Each run of pieces is joined once, at its end: joining piece by piece copied the growing text
    for every piece, and looked for its sentence end in all of it, which was quadratic in a text of
    many broken lines. Whether the next piece continues depends only on the end of the text so far,
    which is the end of the run's last piece."""
    joined: list[Paragraph] = []
    run: list[Paragraph] = []
    for paragraph in paragraphs:
        if run and run[-1].kind == paragraph.kind == "paragraph" and continues_sentence(run[-1].text, paragraph.text):
            run.append(paragraph)
            continue
        if run:
            joined.append(_merged(run))
        run = [paragraph]
    if run:
        joined.append(_merged(run))
    return joined


def _merged(run: list[Paragraph]) -> Paragraph:
    """The paragraphs of `run` as one, joined with spaces, as `merge_paragraphs` joins two."""
    if len(run) == 1:
        return run[0]
    links: list[Link] = []
    offset = 0
    for paragraph in run:
        links += [Link(link.start + offset, link.end + offset, link.url) for link in paragraph.links]
        offset += len(paragraph.text) + 1
    return Paragraph(text=" ".join(paragraph.text for paragraph in run), links=links, kind=run[0].kind)


# The longest paragraph kept whole. Longer ones (a page saved as one line, a scrape that lost its
# paragraph breaks) are cut into pieces: Markdown renders a paragraph in time quadratic in its
# length when it holds many escaped characters, and nothing longer is a real paragraph anyway.
MAX_PARAGRAPH_CHARS = 5000
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]* (?=\S)")
# A period after these is not a sentence end: "Mr. Putin", "U.S. officials", "J. Smith".
_ABBREVIATION_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Jr|Sr|No|Nos|vs|Prof|Rev|Inc|Co|Corp|Ltd|U\.S|U\.K|U\.N|E\.U)|\b[A-Z])\.$")


def split_long_paragraphs(paragraphs: list[Paragraph], max_chars: int = MAX_PARAGRAPH_CHARS) -> list[Paragraph]:
    """Paragraphs longer than `max_chars` cut into pieces of the same kind, at a sentence end
    where there is one in the second half of the piece, else at a space, else anywhere. Every
    character is kept, in order; a link cut in two becomes a link in each piece."""
    out: list[Paragraph] = []
    for paragraph in paragraphs:
        if len(paragraph.text) <= max_chars:
            out.append(paragraph)
        else:
            out.extend(_split_paragraph(paragraph, max_chars))
    return out


def _split_paragraph(paragraph: Paragraph, max_chars: int) -> list[Paragraph]:
    text = paragraph.text
    pieces: list[Paragraph] = []
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= max_chars else _break_point(text, start, max_chars)
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if piece:
            offset = start + lead
            links = []
            for link in paragraph.links:
                a, b = max(link.start, offset), min(link.end, offset + len(piece))
                if a < b and text[a:b].strip():
                    a += len(text[a:b]) - len(text[a:b].lstrip())
                    b -= len(text[a:b]) - len(text[a:b].rstrip())
                    links.append(Link(start=a - offset, end=b - offset, url=link.url))
            pieces.append(Paragraph(text=piece, links=links, kind=paragraph.kind))
        start = end
    return pieces


def _break_point(text: str, start: int, max_chars: int) -> int:
    """Where the piece from `start` ends: the last sentence end after a quarter of `max_chars`
    that lies outside a quotation (a quotation cut in two loses its speaker); else the last
    sentence end in the second half; else a space; else anywhere."""
    limit = start + max_chars
    inside = False  # in a double quotation at `scanned`
    scanned = start
    outside_end = None
    any_end = None
    for match in _SENTENCE_BREAK.finditer(text, start, limit):
        inside = _inside_quotation(text, scanned, match.end(), inside)
        scanned = match.end()
        if not _opens_sentence(text, match):
            continue
        if match.end() >= start + max_chars // 4 and not inside:
            outside_end = match.end()
        if match.end() >= start + max_chars // 2:
            any_end = match.end()
    end = outside_end if outside_end is not None else any_end
    if end is not None:
        return end
    half = start + max_chars // 2
    space = text.rfind(" ", half, limit)
    return space + 1 if space > start else limit


def _opens_sentence(text: str, match: re.Match) -> bool:
    """A stop the next sentence follows, a capital letter or a double quotation opening on one ('.
    "They picked up ...'); not the stop of an abbreviation ("Mr. Putin"). Not a single mark: a
    tabloid opens each paragraph of a long quotation with one and closes only the last, so a single
    mark after a stop is as often inside a quotation as at its start."""
    after = text[match.end():match.end() + 2]
    capital = after[:1].isupper() or after[:1] in "\"“" and after[1:2].isupper()
    return capital and not _ABBREVIATION_BEFORE.search(text, max(0, match.start() - 6), match.start() + 1)


def _inside_quotation(text: str, start: int, end: int, inside: bool) -> bool:
    """Whether a double quotation is open at `end`, given whether one was at `start`. A straight
    mark after a sentence's stop and a space, before a word, opens one ('... worse. "The office
    ...'): where it stands inside a quotation, that quotation runs on, as one over paragraphs
    does, and the mark does not close it."""
    for at in range(start, end):
        char = text[at]
        if char == '"':
            inside = not inside or reopens(text, at)
        elif char == "“":
            inside = True
        elif char == "”":
            inside = False
    return inside


def split_blocks(text: str) -> list[list[str]]:
    """Split text into blocks of non-empty lines separated by blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def remove_scrape_duplicates(paragraphs: list[Paragraph], max_run: int = 4) -> list[Paragraph]:
    """Drop what a bad scrape doubled: a block (a paragraph, or a run of up to `max_run`) that
    comes again right after itself, also when the copy is cut into lines differently (one
    paragraph re-spelled as two, or two as one).

    Only a repeat that follows its original is a scrape's doubling. The same line further on is
    the article's own: a question asked of every guest, the same meal on several days of a meal
    plan, a refrain. Repeats shorter than 20 characters ("Yes.") are kept even in a row.
    """
    kept: list[Paragraph] = []
    keys: list[str] = []
    index = 0
    while index < len(paragraphs):
        skip = _doubled_run(paragraphs, index, keys, max_run)
        if skip:
            index += skip
            continue
        kept.append(paragraphs[index])
        keys.append(fold_space(paragraphs[index].text).lower())
        index += 1
    return kept


def _doubled_run(paragraphs: list[Paragraph], index: int, keys: list[str], max_run: int) -> int:
    """How many paragraphs from `index` repeat the paragraphs kept just before them (0: none)."""
    if not keys:
        return 0
    ahead: list[str] = []
    for end in range(index, min(index + max_run, len(paragraphs))):
        ahead.append(fold_space(paragraphs[end].text).lower())
        combined = " ".join(ahead)
        if len(combined) < 20:
            continue
        for count in range(1, min(max_run, len(keys)) + 1):
            behind = " ".join(keys[-count:])
            if len(behind) > len(combined):
                break
            if behind == combined:
                return len(ahead)
    return 0


def unfold_collapsed_lists(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Drop a line that a scrape made by running the following lines together.

    Reposts of web pages often carry a list twice: once flattened into one line
    (`finance energy agriculture`), then item by item (`finance`, `energy`, `agriculture`).
    The flattened line goes; the lines after it stay, as list items when they are short
    phrases rather than sentences.
    """
    out: list[Paragraph] = []
    index = 0
    while index < len(paragraphs):
        end = _collapsed_run_end(paragraphs, index)
        if not end:
            out.append(paragraphs[index])
            index += 1
            continue
        parts = paragraphs[index + 1:end]
        phrases = all(len(p.text.split()) <= 12 and not ends_sentence(p.text) for p in parts)
        out.extend(Paragraph(text=p.text, links=p.links, kind="item" if phrases and p.kind == "paragraph" else p.kind) for p in parts)
        index = end
    return out


def _collapsed_run_end(paragraphs: list[Paragraph], index: int, max_parts: int = 20) -> int:
    key = fold_space(paragraphs[index].text).lower()
    if len(key) < 20:
        return 0
    combined = ""
    for end in range(index + 1, min(index + 1 + max_parts, len(paragraphs))):
        combined = fold_space(f"{combined} {paragraphs[end].text}").lower()
        if combined == key:
            return end + 1 if end - index >= 2 else 0
        if not key.startswith(combined):
            return 0
    return 0


_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"), ("july", "jul"),
         ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?\s+)?"
_CLOCK = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?"
_MONTH = r"(?P<month>[a-z]{3,9})\.?"
# The forms most dates are written in, read without dateparser (which takes a second to load):
# "19 November 2019", "Nov. 19, 2019", "Tuesday, 19 Nov 2019 07:09 GMT", "November 2019", "2019/11/19".
_COMMON_DATES = [
    re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}}){_CLOCK}$"),
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_CLOCK}$"),
    re.compile(rf"^{_MONTH},?\s+(?P<year>\d{{4}})$"),
    re.compile(r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$"),
]


def _common_date(text: str) -> str | None:
    """The ISO date of `text` when it is written in one of the common forms above, else None."""
    import datetime as dt

    lowered = text.lower()
    for pattern in _COMMON_DATES:
        match = pattern.match(lowered)
        if not match:
            continue
        month = match.group("month")
        month = int(month) if month.isdigit() else _MONTH_NUMBERS.get(month)
        day = int(match.groupdict().get("day") or 1)
        try:
            return dt.date(int(match.group("year")), month, day).isoformat() if month else None
        except ValueError:
            return None
    return None


_MONTH_NAMES = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_WRITTEN_DATE = re.compile(
    rf"\b(?:{_WEEKDAY})(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\.?,?\s+\d{{4}}|(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b"
    r"|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)


def find_date(text: str) -> tuple[int, int, str] | None:
    """The first date written out in `text` ("July 27, 2014", "Monday, 3 March 2031", "2031-03-03"):
    its start, its end and its ISO form; None when there is none."""
    for match in _WRITTEN_DATE.finditer(text):
        iso = _common_date(match.group().strip())
        if iso:
            return match.start(), match.end(), iso
    return None


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_entities(text: str) -> str:
    """`text` with HTML character references decoded ("&#163;" is "£"), also when a page escaped
    them twice ("&amp;#8217;"); text without them is returned as it is."""
    import html

    for _ in range(2):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


@lru_cache(maxsize=4096)
def parse_date(text: str) -> str | None:
    """An ISO date from a date written in any common English form, or None."""
    text = fold_space(text).strip(" .,|")
    if not text or not re.search(r"\d", text):
        return None
    common = _common_date(text)
    if common:
        return common
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year", "month"], "STRICT_PARSING": False},
    )
    return parsed.date().isoformat() if parsed else None
