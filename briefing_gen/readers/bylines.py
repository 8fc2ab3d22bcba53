"""Byline and dateline lines, as saved text and reposts carry them above (or below) the article.

`read_byline` reads one line into authors, a date and the site a repost came from, or says it is
no such line. The forms:

- `By NAME`, `By NAME and NAME`, `By NAME, DATE`, `By NAME | DATE`, `by NAME — Monday, DATE`
- `by NAME DATE from SITE Website` (a repost's header on one line)
- `Posted on DATE by NAME`, `Posted by NAME on DATE`, `Posted on by NAME` (a date the saving lost),
  `Published: DATE`, `Updated DATE`
- a line that is a date and nothing else
- `from SITE Website` (the last line of a repost's header)

Names are checked by `names.author_names`: "By the way, ..." is no byline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from text_unidecode import unidecode

from briefing_gen.extract.names import first_name_gender, is_name_suffix
from briefing_gen.readers.names import author_names
from briefing_gen.readers.text import find_date, fold_space, parse_date

_BY = re.compile(r"^(?:written\s+|reported\s+|words\s+)?by\s*:?\s+(?P<rest>.+)$", re.IGNORECASE)
_POSTED = re.compile(
    r"^(?:posted|published|updated|last\s+updated|written|filed|first\s+published)\s*(?:on|at|:)?\s*(?P<rest>.*)$", re.IGNORECASE
)
_FROM_SITE = re.compile(r"^from\s+(?P<site>\S.{0,60}?)(?:\s+Website)?\s*$", re.IGNORECASE)
_SITE_AFTER = re.compile(r"\s+from\s+(?P<site>\S.{0,60}?)(?:\s+Website)?\s*$", re.IGNORECASE)
_JOINERS = " \t,.;:|/-–—·•()"
_MAX_LINE = 160


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    site: str | None = None


def read_byline(line: str, site_line: bool = False) -> Byline | None:
    """The authors, date and site of one byline or dateline line; None when it is neither.
    `site_line`: a `from SITE Website` line is read too (in a repost's header, where it belongs)."""
    line = fold_space(line)
    if not line or len(line) > _MAX_LINE:
        return None
    if (date := _only_date(line)) is not None:
        return Byline(date=date)
    if site_line and (match := _FROM_SITE.match(line)) and not find_date(line):
        return Byline(site=fold_space(match.group("site")))
    if match := _POSTED.match(line):
        return _posted(match.group("rest"))
    if match := _BY.match(line):
        return _by(match.group("rest"))
    return None


def _only_date(line: str) -> str | None:
    found = find_date(line)
    if found and not line[: found[0]].strip(_JOINERS) and not line[found[1]:].strip(_JOINERS):
        return found[2]
    if len(line) < 40 and re.search(r"\d{4}", line) and not re.search(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}", line):
        return parse_date(line)
    return None


def _by(rest: str) -> Byline | None:
    """`NAME ...` after "By": names, perhaps a date after them, perhaps `from SITE Website`."""
    byline = Byline()
    if match := _SITE_AFTER.search(rest):
        byline.site = fold_space(match.group("site"))
        rest = rest[: match.start()]
    found = find_date(rest)
    if found:
        byline.date = found[2]
        rest = rest[: found[0]] + " " + rest[found[1]:]
    rest = re.sub(r"\s+on\s*$", "", rest.strip(_JOINERS), flags=re.IGNORECASE)
    byline.authors = author_names(rest.strip(_JOINERS))
    if not byline.authors:
        return None
    return byline


def _posted(rest: str) -> Byline:
    """`Posted on DATE by NAME`, `Posted by NAME on DATE`, `Published: DATE`."""
    byline = Byline()
    found = find_date(rest)
    if found:
        byline.date = found[2]
        rest = rest[: found[0]] + " " + rest[found[1]:]
    by = re.search(r"\bby\s+(?P<names>.+)$", rest, re.IGNORECASE)
    if by:
        byline.authors = author_names(re.sub(r"\s+on\s*$", "", by.group("names").strip(_JOINERS), flags=re.IGNORECASE))
    elif not byline.date:
        byline.date = parse_date(rest) if rest.strip() else None
    return byline


# "Mr. Phillips is Director of the Program on ...", "Jane Roe is a fellow at ...": the line an
# opinion page closes with, about its writer. One sentence, or one and a line on the writer's own
# account ("His opinions are his own.", "He tweets @...").
_CLOSING_BIO = re.compile(
    r"^(?P<name>(?:(?P<honorific>Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+is\s+(?P<role>[^.]+(?:\.[^.\s][^.]*)*)\."
    r"(?:\s+(?:(?:His|Her|Their)\s+(?:opinions|views)\b|(?:He|She)\s+tweets\b|Follow\b).*)?$"
)
# Roles of people who write opinion pages, and roles of office, which a news report's closing
# line gives a person it quoted as often ("Rick Hale is the governor of Ohio.").
_WRITERS_ROLES = frozenset(
    "author writer columnist journalist reporter correspondent editor contributor contributors fellow scholar "
    "professor lecturer historian".split()
)
_OFFICE_ROLES = frozenset("director president chairman chair executive governor senator founder economist analyst researcher".split())
_ACADEMIC_PLACES = frozenset("university college institute school".split())
_BIO_MAX_WORDS = 45
# The writer's own voice: an opinion page says "I" or "we" outside quotation marks, a news report
# does not, and a news report may end on a line about a person it quoted.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|We|our|Our|us)\b")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")


def author_in_closing_bio(paragraphs: list, title: str = "") -> list[str]:
    """The writer an opinion page names in its closing line, when nothing above names its authors:
    one short sentence that says who a person is, about someone neither the title nor the text
    names before, by a role that a writer has ("... is a columnist", "... is a fellow at Yale",
    "... is Director of the Program on ... at Columbia University"), or by any role of office on a
    page written in the first person ("I", "we" outside quotation marks). A news report that ends
    on a line about a person it quoted ("Rick Hale is the governor of Ohio.") has no such line: it
    speaks of others, and names that person before by name or role ("the governor said")."""
    if len(paragraphs) < 3:
        return []
    last = fold_space(paragraphs[-1].text)
    match = _CLOSING_BIO.match(last) if len(last.split()) <= _BIO_MAX_WORDS else None
    if match is None:
        return []
    name_words = [w for w in match.group("name").split() if not is_name_suffix(w)]
    if match.group("honorific"):
        name_words = name_words[1:]
    elif len(name_words) < 2 or first_name_gender(name_words[0]) is None:
        return []  # "Carson is leading", "Northfield University is searching": no writer's name
    body = [fold_space(paragraph.text) for paragraph in paragraphs[:-1]]
    earlier = _name_fold(" ".join([title, *body]))
    if re.search(rf"\b{re.escape(_name_fold(name_words[-1]))}\b", earlier):
        return []  # a person the article is about ("Kane said"), described at its end
    role = set(re.findall(r"[a-z]+", match.group("role").lower()))
    first_person = any(_FIRST_PERSON.search(_QUOTED.sub(" ", text)) for text in body)
    named_by_role = any(re.search(rf"\bthe {word}\b", earlier) for word in role & (_WRITERS_ROLES | _OFFICE_ROLES))
    if first_person and role & (_WRITERS_ROLES | _OFFICE_ROLES) or role & (_WRITERS_ROLES | _ACADEMIC_PLACES) and not named_by_role:
        return author_names(" ".join(name_words))
    return []


def _name_fold(text: str) -> str:
    """Names as the closing line and the text may spell them differently: accents, apostrophes, case."""
    return unidecode(text).lower()


__all__ = ["Byline", "author_in_closing_bio", "read_byline"]
