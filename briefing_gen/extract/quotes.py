"""Quotations in an article's text: where they are, which ones run on over paragraphs, and which
characters lie inside one (words inside a quotation never name the person who speaks it)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

MIN_QUOTE_WORDS = 3
_QUOTE_PAIRS = {"“": "”", "„": "“", "«": "»", '"': '"', "‘": "’"}
# Every token that may open or close a quotation, as the tokenizer splits it ('' and `` included).
QUOTE_MARKS = frozenset(_QUOTE_PAIRS) | frozenset(_QUOTE_PAIRS.values()) | {"''", "``"}
DOUBLED = "''"  # two apostrophes for a double quotation mark, both opening and closing (archive copies of US papers)

# "“...” ― Vladimir Putin": a name after a dash that follows the closing mark, the layout of quote
# collections and epigraphs.
_TRAILING_NAME = re.compile(r"^'?[\s,.]{0,2}[―—–]+\s*([A-Z][^,;()\n―—–]{1,60}?)\s*(?:[,;(]|$)")


@dataclass
class QuoteSpan:
    start: int  # character offsets in doc.text, inside the quotation marks
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def find_quotes(text: str, paragraph_starts: list[int]) -> list[QuoteSpan]:
    """Quoted passages, including ones that run on into the next paragraph.

    A paragraph that ends inside an open quotation continues in the next paragraph when that one
    opens with a quotation mark again (the usual convention for multi-paragraph quotes).
    """
    quotes: list[QuoteSpan] = []
    bounds = list(zip(paragraph_starts, paragraph_starts[1:] + [len(text)]))
    carried: QuoteSpan | None = None
    for start, end in bounds:
        paragraph = text[start:end]
        spans, open_at = _quote_spans(paragraph)
        spans = [(start + a, start + b) for a, b in spans]
        if carried is not None:
            stripped = paragraph.lstrip()
            if stripped.startswith(DOUBLED):
                stripped = '"' + stripped[2:]
            if stripped[:1] in _QUOTE_PAIRS and spans and spans[0][0] <= start + (len(paragraph) - len(stripped)) + 1:
                a, b = spans.pop(0)
                carried = QuoteSpan(carried.start, b, carried.text + " " + text[a:b].strip())
                quotes.append(carried)
                carried = None
            elif stripped[:1] in _QUOTE_PAIRS and open_at is not None and not spans:
                carried = QuoteSpan(carried.start, end, carried.text + " " + paragraph[open_at:].strip())
                continue
            else:
                quotes.append(carried)
                carried = None
        for a, b in spans:
            quotes.append(QuoteSpan(a, b, text[a:b].strip()))
        if open_at is not None:
            carried = QuoteSpan(start + open_at, end, paragraph[open_at:].strip())
    if carried is not None:
        quotes.append(carried)
    return [q for q in quotes if q.text and re.search(r"\w", q.text)]


def _quote_spans(paragraph: str) -> tuple[list[tuple[int, int]], int | None]:
    """Quoted spans inside one paragraph, and where an unclosed quotation opens (if any)."""
    spans: list[tuple[int, int]] = []
    i = 0
    open_at: int | None = None
    closer = ""
    last = {mark: paragraph.rfind(mark) for mark in ('"', "”")}  # where each double mark last stands
    last_curly_open = -1
    straight_inside = 0  # straight double marks met inside the open quotation
    while i < len(paragraph):
        char = paragraph[i]
        if paragraph.startswith(DOUBLED, i):
            if open_at is None and _opens(paragraph, i + 1, before=paragraph[i - 1] if i > 0 else " "):
                open_at, closer = i + 2, DOUBLED
                i += 2
                continue
            if open_at is not None and _closes(paragraph, i) and (closer == DOUBLED or closer in last and last[closer] < i + 2):
                # A double mark closed by two apostrophes ('"would not be enough'' for'), unless its
                # own closing mark follows: then they are a quotation inside it.
                if i > open_at:
                    spans.append((open_at, i))
                open_at = None
                i += 2
                continue
        if char == "“":
            last_curly_open = i
        if open_at is None:
            elided = paragraph[i + 1:i + 2].isdigit()  # "the '80s", "class of ’16": an apostrophe, no quotation
            if char in "“„«" or (char == '"' and _opens(paragraph, i)) or (char == "‘" and _opens(paragraph, i) and not elided):
                open_at, closer, straight_inside = i + 1, _QUOTE_PAIRS[char], 0
            elif char == "'" and not elided and _opens(paragraph, i) and _single_quote_closes_later(paragraph, i):
                open_at, closer = i + 1, "'"
        elif char == '"' == closer and reopens(paragraph, i):
            pass  # '... worse. "The office ...': the quotation runs on, as over a paragraph break the text lost
        elif char == closer and (closer not in "'’" or _closes(paragraph, i) and not _plural_possessive(paragraph, i)) or (
                last_curly_open < open_at and _closes_mismatched(paragraph, i, closer, last, straight_inside % 2 == 1)):
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
        elif char == '"':
            straight_inside += 1
        i += 1
    return spans, open_at


def closed_as_opened(text: str, start: int, end: int) -> bool:
    """The quotation inside `start`..`end` closes with the mark its opening mark pairs with: not
    one that runs on to a paragraph's end or a mismatched mark ('“highly significant." Cruz ...')."""
    if text[max(0, start - 2):start] == DOUBLED:
        return text.startswith(DOUBLED, end)
    opener = text[start - 1:start]
    return opener in _QUOTE_PAIRS and text[end:end + 1] == _QUOTE_PAIRS[opener]


_NEXT_DOUBLE_MARK = re.compile('["“”]')


def _closes_mismatched(paragraph: str, i: int, closer: str, last: dict[str, int], inner_open: bool) -> bool:
    """A straight double mark closed by a curly one ('"Just when ..., it just did.”'), when the
    paragraph holds no straight mark further on (`last`: where each kind last stands), or the next
    straight mark opens another quotation ('"A,” said X. "B."'), and no curly quotation opened
    inside it. A curly quotation closed by a straight mark ('“I disagree," said X. "The ...”') only
    when no straight pair is open inside it (`inner_open`), and the next double mark opens another quotation
    ('"The ...', '“But ...'), or no double mark follows and a stop or comma stands before it: a
    straight pair inside a curly quotation is a quotation within it ('“The so-called "reform"
    package ...')."""
    if not _closes(paragraph, i):
        return False
    if closer == "”" and paragraph[i] == '"':
        if inner_open:
            return False  # it closes a straight pair opened inside: '“They called it a "pilot." Then ...”'
        following = _NEXT_DOUBLE_MARK.search(paragraph, i + 1)
        if following is None:  # the last double mark, after a stop or comma: '“Yes we can," she said.'
            return paragraph[i - 1] in ",.?!"
        return following.group() == "“" or following.group() == '"' and _opens(paragraph, following.start())
    if closer != '"' or paragraph[i] != "”":
        return False
    following = paragraph.find('"', i + 1)
    return last['"'] < i or _opens(paragraph, following)


def reopens(text: str, i: int) -> bool:
    """The straight double mark at `i` follows a sentence's stop and a space and comes before a
    word: it opens a quotation, so inside an open one it is the next paragraph of that quotation
    in a text saved on one line ('... worse. "The office flagged ..."'), not its end."""
    return text[max(0, i - 2):i] in {". ", "? ", "! "} and text[i + 1:i + 2].isalpha()


def _opens(text: str, i: int, before: str | None = None) -> bool:
    """The mark at `i` opens a quotation: after a space or an opening bracket or dash (or the
    given `before`, for a mark of two characters), and before a word."""
    if before is None:
        before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{:—–-/") and not after.isspace()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not (before.isalpha() and after.isalpha())


def _plural_possessive(text: str, i: int) -> bool:
    """The single mark at `i` is the apostrophe of a plural possessive inside a quotation in
    single marks ("'Every penny of this is taxpayers' money,' she said"): it follows an "s", a
    lower-case word comes after it, and the mark that closes the quotation follows, after the
    stop or comma that ends quoted words. A scare quote ("'the elites' and") has no such mark."""
    if text[i - 1:i] != "s" or not re.match(r" [a-z]", text[i + 1:i + 3]):
        return False
    following = text.find(text[i], i + 1)
    return following > 0 and text[following - 1] in ",.?!" and _closes(text, following)


def _single_quote_closes_later(text: str, i: int) -> bool:
    for j in range(i + 1, min(len(text), i + 600)):
        if text[j] == "'" and _closes(text, j):
            return len(text[i + 1:j].split()) >= MIN_QUOTE_WORDS
    return False


def is_embedded(text: str, quote: QuoteSpan) -> bool:
    """A quotation that is part of a clause ('called it "a disgrace"', 'is "quite real."'): the
    word before its opening mark is not the end of a clause or a cue's comma or colon, so the
    quoted words are a piece of the writer's sentence rather than a sentence of their own."""
    before = text[max(0, quote.start - 40):quote.start - 1]
    if before.endswith("'"):
        before = before[:-1]  # the first of two apostrophes
    before = before[before.rfind("\n") + 1:].rstrip()
    if before.endswith(DOUBLED):
        return False  # right after another quotation, closed by two apostrophes  # this paragraph only: one opening with a quote is no clause
    if not before or before[-1] in ".!?:;,—–―-([" or before[-1] in _QUOTE_PAIRS.values():
        return False
    return True


def trailing_name(text: str, quote: QuoteSpan, paragraph_end: int) -> tuple[str, int, int] | None:
    """The name after a dash that closes a quotation ("“...” ― Jane Doe, minister"), with its
    offsets, when it stands in the same paragraph right after the closing mark."""
    after_start = quote.end + 1
    match = _TRAILING_NAME.match(text[after_start:min(paragraph_end, after_start + 80)])
    if match is None:
        return None
    name = match.group(1).strip()
    if not all(word[:1].isupper() or word.lower() in {"de", "van", "von", "al", "bin", "la", "le", "da"} for word in name.split()):
        return None
    return name, after_start + match.start(1), after_start + match.start(1) + len(name)


class QuoteMap:
    """Which characters of the text are inside quotation marks (quotes nested in quotes merged)."""

    def __init__(self, quotes: list[QuoteSpan]):
        merged: list[list[int]] = []
        for quote in sorted(quotes, key=lambda q: q.start):
            if merged and quote.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], quote.end)
            else:
                merged.append([quote.start, quote.end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def contains(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]

    def bounds(self, offset: int) -> tuple[int, int] | None:
        """The quotation holding `offset`, inside its marks, if any."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return (self.starts[index], self.ends[index]) if index >= 0 and offset < self.ends[index] else None

    def encloses(self, quote: QuoteSpan) -> bool:
        """The quote sits inside another, longer quotation (someone quoted by the speaker)."""
        index = bisect.bisect_right(self.starts, quote.start) - 1
        return index >= 0 and (self.starts[index], self.ends[index]) != (quote.start, quote.end) and quote.end <= self.ends[index]
