"""The data model passed between stages: readers make an `Article`, extraction makes a `Briefing`.

The JSON contract printed by `briefing-gen extract --json` (`briefing_gen.pipeline.sources.briefing_json`)
is made from these classes and described by `briefing_gen/schema/briefing.schema.json`; change them
together. The model holds data and renders nothing.
"""
from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Literal

ActorType = Literal["person", "state", "organization", "group", "media", "place", "other"]
ClaimKind = Literal["statement", "quote", "statistic", "prediction", "assessment"]

# Claims whose `confidence` is below this are uncertain attributions: pages mark them and the
# claims index lists them for an editor to check.
REVIEW_BELOW = 0.65

ACTOR_TYPES: tuple[str, ...] = ("person", "state", "organization", "group", "media", "place", "other")
CLAIM_KINDS: tuple[str, ...] = ("statement", "quote", "statistic", "prediction", "assessment")


@dataclass
class Link:
    """A hyperlink over `text[start:end]` of its paragraph."""

    start: int
    end: int
    url: str


@dataclass
class Paragraph:
    """One block of the article body as plain text, with its links and block kind kept aside.

    Keeping markup out of `text` means language analysis sees clean prose, and the Markdown
    renderer alone decides how text is escaped: article text can never smuggle in markup.
    """

    text: str
    links: list[Link] = field(default_factory=list)
    kind: Literal["paragraph", "heading", "item", "quote"] = "paragraph"


@dataclass
class Article:
    """What a reader found in one source file."""

    source: str
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    original_published: str | None = None
    publisher: str | None = None
    original_source: str | None = None
    url: str | None = None
    in_depth_report: str | None = None
    copyright: str | None = None
    regions: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    layout: str = "plain-text"
    # The genre the source itself declares, when it does (a publisher's profile, an HTML page's
    # opinion section); extraction decides the briefing's genre from it and the text (`Briefing.genre`).
    genre: str = "news"
    description: str | None = None  # the page's own standfirst or meta description, when it has one
    # Other copies of the same article merged into this one by the build (`briefing_gen.pipeline.duplicates`)
    also_published: list[AlsoPublished] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict) -> "Article":
        """The inverse of `dataclasses.asdict(article)`: paragraphs, links and copies restored as
        they were (the extraction cache stores articles this way)."""
        return _from_dict(cls, data)


@dataclass
class AlsoPublished:
    """Another copy of an article (a repost, or the same file twice) merged into the kept one."""

    source: str
    publisher: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass
class Actor:
    name: str
    type: ActorType = "other"
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    role: str | None = None
    # The state or organisation an official named only by office speaks for ("China's Ambassador
    # to Belgium" speaks for China); None for everyone else.
    speaks_for: str | None = None
    # Whose relative a person is whom the article names only by a given name ("his father,
    # Patrick"): that person's name, with the relation as `role` ("father"). Such a name is no
    # name the collection can match, so it is never merged with another bearer of it.
    relative_of: str | None = None


@dataclass
class TextSpan:
    """Characters `start:end` of one paragraph's text."""

    start: int
    end: int


@dataclass
class Claim:
    """Who claims what: the claimant, the cue that attributes the content to them, and the content,
    kept as spans of the claim's paragraph so that pages point at the words themselves and nothing
    has to be found again by searching the text.

    `claimant` is an actor's name, a description the text gives ("a State Department spokesperson")
    when no named actor is certain, or `author`. `confidence` (0 to 1) says how sure the attribution
    is: a named subject of "said" is near 1, a pronoun resolved across sentences lower; pages mark
    the uncertain ones for an editor to check.
    """

    id: str
    text: str
    claimant: str
    kind: ClaimKind
    cue: str | None  # the cue's lemma ("say", "according to"), None when nothing in the text attributes it
    paragraph: int
    sentence: str = ""
    content: TextSpan | None = None  # where `text` starts in the paragraph (a quote may run on into the next ones)
    speaker: TextSpan | None = None  # the words naming or standing for the claimant ("Ms Lee", "he", "the ministry")
    cue_span: TextSpan | None = None
    about: list[str] = field(default_factory=list)  # actors named in the content, never the claimant
    confidence: float = 1.0


Genre = Literal["news", "analysis", "opinion", "fact-check"]


@dataclass
class Briefing:
    article: Article
    slug: str
    genre: Genre = "news"  # decided by extraction (`extract/genre.py`); analysis and opinion argue a position
    summary: list[str] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict, article: Article | None = None) -> "Briefing":
        """The inverse of `dataclasses.asdict(briefing)` (not of the JSON contract, which renders
        the body as Markdown). With `article`, that article is used and `data` needs no
        `article` key: the extraction cache stores what was extracted apart from the article."""
        if article is not None:
            data = {**data, "article": article}
        return _from_dict(cls, data)


@dataclass
class ReadError:
    """A source file that could not become a briefing, with a one-line reason."""

    source: str
    error: str

    def to_dict(self) -> dict:
        return {"source": self.source, "error": self.error}


def _from_dict(cls, data: dict):
    """Build dataclass `cls` from its `asdict` form, recursing into fields typed as a dataclass,
    a list of one, or either or None; a value that is already an instance is kept."""
    if isinstance(data, cls):
        return data
    return cls(**{name: convert(data[name]) for name, convert in _field_converters(cls) if name in data})


@functools.lru_cache(maxsize=None)
def _field_converters(cls) -> tuple:
    """(field name, function turning its `asdict` value back) for each field of `cls`, worked out
    once per class: resolving the annotations is far slower than converting a value."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def _converter(hint):
    origin = typing.get_origin(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        convert_item = _converter(item)
        if convert_item is _same:
            return _same
        return lambda value: None if value is None else [convert_item(v) for v in value]
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _converter(options[0]) if len(options) == 1 else _same
    if dataclasses.is_dataclass(hint):
        return lambda value: _from_dict(hint, value) if isinstance(value, dict) else value
    return _same


def _same(value):
    return value
