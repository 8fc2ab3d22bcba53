"""Reader for text saved from a known site, driven by a site profile (`briefing_gen/profiles/*.yml`).

The profile holds everything specific to the site: header field labels, footer lines and furniture
patterns. This module only knows the general shape: title, header lines, body, footer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from briefing_gen.errors import SkipReason
from briefing_gen.model import Article, Paragraph
from briefing_gen.readers.decode import ArticleError
from briefing_gen.readers.furniture import is_furniture
from briefing_gen.readers.text import (
    fold_space,
    join_broken_paragraphs,
    parse_date,
    parse_inline_links,
    split_blocks,
    strip_inline_links,
    unescape_entities,
)

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SNIFF_LINES = 40


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"{where}: invalid pattern {pattern!r}: {error}") from None


@dataclass
class SiteProfile:
    name: str
    publisher: str | None
    genre: str
    sniff: list[re.Pattern]
    byline: re.Pattern | None
    publisher_line: re.Pattern | None
    original_source_line: re.Pattern | None
    url_line: re.Pattern | None
    lists: dict[str, re.Pattern]
    footer_start: list[re.Pattern]
    footer_fields: dict[str, re.Pattern]
    furniture: list[re.Pattern] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict, where: str) -> "SiteProfile":
        def one(pattern):
            return _compile(pattern, where) if pattern else None

        def many(patterns):
            return [_compile(p, where) for p in patterns or []]

        header = data.get("header") or {}
        if not data.get("name") or not data.get("sniff"):
            raise ValueError(f"{where}: a site profile needs 'name' and 'sniff'")
        return cls(
            name=data["name"],
            publisher=data.get("publisher"),
            genre=data.get("genre", "news"),
            sniff=many(data["sniff"]),
            byline=one(header.get("byline")),
            publisher_line=one(header.get("publisher_line")),
            original_source_line=one(header.get("original_source_line")),
            url_line=one(header.get("url_line")),
            lists={key: _compile(p, where) for key, p in (header.get("lists") or {}).items()},
            footer_start=many(data.get("footer_start")),
            footer_fields={key: _compile(p, where) for key, p in (data.get("footer_fields") or {}).items()},
            furniture=many(data.get("furniture")),
        )

    def is_furniture(self, text: str) -> bool:
        return any(p.search(text) for p in self.furniture)

    def starts_footer(self, text: str) -> bool:
        return any(p.search(text) for p in self.footer_start)


def load_site_profiles(folder: Path | None = None) -> list["SiteTextReader"]:
    if folder is None:
        files = sorted(
            (entry for entry in resources.files("briefing_gen.profiles").iterdir() if entry.name.endswith(".yml")),
            key=lambda entry: entry.name,
        )
    else:
        files = sorted(folder.glob("*.yml"))
    readers = []
    for entry in files:
        data = yaml.safe_load(entry.read_text(encoding="utf-8"))
        readers.append(SiteTextReader(SiteProfile.from_dict(data, f"site profile {entry.name}")))
    return readers


class SiteTextReader:
    extensions = (".txt", ".text")

    def __init__(self, profile: SiteProfile):
        self.profile = profile
        self.name = profile.name

    def sniff(self, text: str) -> bool:
        lines = [line.strip() for line in text.split("\n") if line.strip()][:_SNIFF_LINES]
        return any(p.search(line) for p in self.profile.sniff for line in lines)

    def read(self, source: str, text: str) -> Article:
        article = Article(source=source, layout=self.profile.name, publisher=self.profile.publisher, genre=self.profile.genre)
        blocks = split_blocks(text)
        if not blocks:
            raise ArticleError("file has no text", SkipReason.EMPTY)
        # The title is the first block that is not the site's furniture (a newsletter plea above it).
        first = next((i for i, block in enumerate(blocks) if not self._is_furniture(strip_inline_links(fold_space(" ".join(block))))), len(blocks))
        if first == len(blocks):
            raise ArticleError("only site furniture, no article text", SkipReason.FURNITURE_ONLY)
        article.title = unescape_entities(fold_space(strip_inline_links(" ".join(blocks[first]))))
        body_start = self._read_header(article, blocks, first + 1)
        article.paragraphs = self._read_body(article, blocks[body_start:])
        if article.original_published is None and article.original_source and article.original_source == article.publisher:
            article.original_published = article.published  # the site's own article: it first ran here
        return article

    def _read_header(self, article: Article, blocks: list[list[str]], index: int = 1) -> int:
        """Fill header fields from `index` on; return the index of the first body block."""
        profile = self.profile
        seen_publisher_line = False
        while index < len(blocks):
            block = blocks[index]
            line = fold_space(" ".join(block))
            plain = strip_inline_links(line)
            list_key = next((key for key, p in profile.lists.items() if p.match(block[0])), None)
            if list_key:
                self._read_list_field(article, list_key, block, profile.lists[list_key])
            elif profile.byline and not article.authors and (match := profile.byline.match(plain)):
                article.authors = split_authors(line[line.lower().find("by") + 2:])
            elif profile.publisher_line and (match := profile.publisher_line.match(plain)):
                article.publisher = match.group("publisher")
                article.published = parse_date(match.group("date"))
                seen_publisher_line = True
            elif (
                seen_publisher_line
                and article.original_source is None
                and profile.original_source_line
                and len(plain) < 120
                and (match := profile.original_source_line.match(plain))
                and parse_date(match.group("date"))
            ):
                article.original_source = fold_space(match.group("source"))
                article.original_published = parse_date(match.group("date"))
            elif profile.url_line and (match := profile.url_line.match(plain)):
                article.url = article.url or match.group("value")
            elif seen_publisher_line and article.original_source is None and (source := _lone_link_text(line)):
                article.original_source = source  # "[Consortium News](#)" with no date
            elif not profile.is_furniture(plain):
                break
            index += 1
        return index

    def _is_furniture(self, text: str) -> bool:
        return self.profile.is_furniture(text) or is_furniture(text)

    def _read_list_field(self, article: Article, key: str, block: list[str], label: re.Pattern) -> None:
        raw = label.sub("", block[0], count=1)
        for line in block[1:]:
            raw += ("\n" if raw.rstrip().endswith(",") else " ") + line
        items = split_list_items(raw)
        if key == "in_depth_report":
            article.in_depth_report = ", ".join(items) or None
        else:
            getattr(article, key).extend(items)

    def _read_body(self, article: Article, blocks: list[list[str]]) -> list[Paragraph]:
        profile = self.profile
        paragraphs: list[Paragraph] = []
        in_footer = False
        for block in blocks:
            paragraph = parse_inline_links(" ".join(block))
            text = paragraph.text
            if not text:
                continue
            in_footer = in_footer or profile.starts_footer(text)
            for line in block:
                self._read_footer_fields(article, strip_inline_links(line))
            if in_footer or profile.is_furniture(text):
                continue
            paragraphs.append(paragraph)
        return join_broken_paragraphs(paragraphs)


    def _read_footer_fields(self, article: Article, line: str) -> None:
        for key, pattern in self.profile.footer_fields.items():
            if (match := pattern.match(line)) and getattr(article, key, None) is None:
                setattr(article, key, fold_space(match.group("value")))


def _lone_link_text(line: str) -> str | None:
    match = _LINK.fullmatch(line.strip())
    return fold_space(match.group(1)) if match and len(match.group(1)) < 80 else None


def split_list_items(raw: str) -> list[str]:
    """Items of a header list: comma-separated; links not separated by a comma are one item."""
    links = list(_LINK.finditer(raw))
    if not links:
        return [item for item in (fold_space(p) for p in raw.split(",")) if item]
    items: list[list[str]] = []
    previous_end = None
    for match in links:
        between = raw[previous_end:match.start()] if previous_end is not None else ","
        if "," in between or not items:
            items.append([])
        items[-1].append(match.group(1))
        previous_end = match.end()
    return [fold_space(" ".join(parts)) for parts in items if fold_space(" ".join(parts))]


_AUTHOR_SEPARATORS = re.compile(r"\s*(?:,\s*and\s+|,|\s+and\s+|&|;)\s*")


def split_authors(raw: str) -> list[str]:
    """Authors from a byline, keeping a name with a comma inside a link whole."""
    raw = raw.strip()
    links = [m.group(1) for m in _LINK.finditer(raw)]
    names = links if links else _AUTHOR_SEPARATORS.split(strip_inline_links(raw))
    return [fold_space(name).strip(" .") for name in names if fold_space(name).strip(" .")]
