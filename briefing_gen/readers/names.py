"""Authors as names: what every reader does with a byline it found.

A byline field or line often holds more than the names: the writer's job ("AP Auto Writer",
"Phil Helsel is a reporter for ..."), a date run into it ("Jeff Foust Monday", "Carrie Arnold
November"), the outlet they write for ("Sandee LaMotte, CNN"), credentials ("MS, RDN"), or only
the site's own name. `author_names` keeps the names: a person's name, or an organisation's when
no person is named (a wire agency credited alone), never a sentence, a date, a job or the
publisher.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from briefing_gen.readers.text import fold_space

# Words of a dateline or a time stamp run into a byline. "May" and the short forms ("Jan", "Sun")
# are names too, and stay.
_DATE_WORDS = frozenset(
    """january february march april june july august september october november december monday tuesday wednesday
    thursday friday saturday sunday published updated posted modified today yesterday""".split()
)
# Words that name a job, not a person: a byline that holds one is the job or the desk.
_JOB_WORDS = frozenset(
    """writer writers reporter reporters correspondent correspondents editor editors contributor contributors columnist
    columnists producer producers staff desk team newsroom journalist journalists photographer photographers analyst
    intern services wire wires bureau author authors admin administrator webmaster guest""".split()
)
# Credentials after a name: "Ilana Muhlstein, MS, RDN", "Jane Roe PhD".
_CREDENTIALS = frozenset("ms ma msc mba md phd rd rdn cpt cscs jd llm dds rn np pa mph mpp esq jr sr ii iii".split())
_SENTENCE_START = re.compile(r"\s+(?:is|was|has|covers|writes|reports|joined|lives|works)\s+(?:a|an|the|for|about|on|in|at)\b.*$", re.IGNORECASE)
_BY = re.compile(r"^(?:written\s+|posted\s+|reported\s+)?by\s*:?\s+", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:;|\||,\s*and\s+|\s+and\s+|\s*&\s*|,|\s+with\s+|\s+[-–—]\s+|/)\s*")
_HANDLE = re.compile(r"[a-z]{2,}(?:[_.][a-z]{2,}){1,2}")
# Never in a name: an address, a number standing alone (a date, a time), markup, sentence marks.
_NOT_NAME = re.compile(r"https?:|www\.|@|(?<!\w)\d+(?!\w)|[<>{}\[\]=#!?\"“”]")


def author_names(raw: list[str] | str | None, publisher: str | None = None, site_names: tuple[str, ...] = ()) -> list[str]:
    """The names in one or more byline values, in order, each once (see the module)."""
    values = [raw] if isinstance(raw, str) else list(raw or [])
    pieces: list[str] = []
    for value in values:
        if not isinstance(value, str):
            continue
        value = _SENTENCE_START.sub("", fold_space(value))
        pieces.extend(_SEPARATORS.split(_BY.sub("", value)))
    own = {_key(name) for name in (publisher, *site_names) if name}
    own.discard("")
    own_joined = {name.replace(" ", "") for name in own}
    people: list[str] = []
    organisations: list[str] = []
    seen: set[str] = set()
    for piece in pieces:
        name = clean_name(piece)
        key = _key(name)
        if not name or key in own or key.replace(" ", "") in own_joined or key in seen:
            continue
        seen.add(key)
        (organisations if is_organisation(name) else people).append(name)
    return people or organisations


def clean_name(text: str) -> str | None:
    """One name from a piece of a byline, or None when the piece holds none."""
    text = _BY.sub("", fold_space(text)).strip(" .,:;-–—()")
    if not text or _NOT_NAME.search(text):
        return None
    if _HANDLE.fullmatch(text):
        text = " ".join(part.capitalize() for part in re.split(r"[_.]", text))  # a user name: "kei_eno"
    words = text.split()
    media = _media_names()
    # an outlet run into the name: "Jill Lawless Associated Press", "Finian Cunningham Sputnik"
    for size in (3, 2, 1):
        if len(words) > size + 1 and _key(" ".join(words[-size:])) in media:
            words = words[:-size]
            break
    while words and _key(words[-1]) in _DATE_WORDS | _CREDENTIALS:
        words.pop()
    while words and _key(words[0]) in _DATE_WORDS:
        words.pop(0)
    if not words or len(words) > 6:
        return None
    if any(_key(word) in _JOB_WORDS for word in words):
        return None
    if not all(not word[:1].islower() or word.lower() in _PARTICLES for word in words):
        return None  # a phrase, not a name ("the editorial team", "staff reports")
    if len(words) > 1 and not is_organisation(" ".join(words)):
        # a byline set in capitals ("STEVE PEOPLES"), or a surname in capitals ("Jay SYRMOPOULOS")
        words = [_title_case(word) if word.isupper() and len(word) > 2 and "." not in word else word for word in words]
    return " ".join(words).strip(" .,:;-–—")


_PARTICLES = frozenset("de da del della der di du la le van von den ter ten bin al el y e of the".split())


def names_a_desk(text: str) -> bool:
    """True when a byline value credits a job or a desk ("Staff Reports", "Science X staff",
    "Admin") rather than naming someone."""
    return any(word in _JOB_WORDS for word in _key(_SENTENCE_START.sub("", text)).split())


def is_organisation(name: str) -> bool:
    """True for a news outlet (from the reference data) or a name that is one word in capitals
    or one of the names that end in a word for a company."""
    key = _key(name)
    return key in _media_names() or bool(re.search(r"\b(?:news|press|media|agency|times|post|network|group|inc|ltd|online|tv|business|insider)$", key))


def _title_case(word: str) -> str:
    if len(word) <= 2 and word.endswith("."):
        return word
    parts = re.split(r"([-'’])", word.lower())
    out = "".join(part[:1].upper() + part[1:] if part not in "-'’" else part for part in parts)
    return re.sub(r"^Mc(\w)", lambda m: "Mc" + m.group(1).upper(), out)


def _key(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


@lru_cache(maxsize=1)
def _media_names() -> frozenset[str]:
    """The names of news outlets in the reference data, folded."""
    text = (resources.files("briefing_gen.data") / "media.yml").read_text(encoding="utf-8")
    names: set[str] = set()
    for entry in yaml.safe_load(text) or []:
        if isinstance(entry, dict):
            for name in [entry.get("name"), *(entry.get("alternative_names") or [])]:
                if isinstance(name, str) and len(name) > 2:
                    names.add(_key(name))
    return frozenset(names)


__all__ = ["author_names", "clean_name", "is_organisation", "names_a_desk"]
