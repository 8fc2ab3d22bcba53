"""Atom 1.0 feeds (RFC 4287) of the newest briefings and of each story, written into `docs/feeds/`.

MkDocs copies a file of `docs/` that is not Markdown into the site as it is, so the feeds are
served beside the pages: `feeds/briefings.xml`, and `feeds/stories/<story slug>.xml` for each story
with a dated briefing. They are built with `xml.etree.ElementTree`, which escapes every text and
attribute, after dropping the characters XML 1.0 cannot hold (controls, lone surrogates), so no
article text can break a feed.

A feed changes only when its briefings do, so an unchanged rebuild rewrites nothing: no date is the
build's own. An entry's `updated` (and `published`) is its briefing's date at midnight UTC, the
feed's `updated` its newest entry's. Ids are `urn:uuid:` names derived from the site (its
`site_url`, else its `site_name`) and the briefing's slug, so an entry keeps its id across builds
and two sites never share one. Links are absolute when mkdocs.yml sets `site_url`, else relative
to the feed's own address, which feed readers resolve (RFC 4287 §4.2.7: IRI references).
"""
from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from briefing_gen.collection.stories import Story
from briefing_gen.site import charts
from briefing_gen.site.pages import GENERATOR, BriefingSummary, Collection, briefing_date
from briefing_gen.whitespace import fold_space

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 50  # the newest briefings in the main feed
BRIEFINGS_FEED = "feeds/briefings.xml"
NO_DATE = "1970-01-01T00:00:00Z"  # the `updated` of a feed without entries (Atom requires one)
# Characters XML 1.0 does not allow, even as references: ElementTree would write them as they are.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def story_feed_path(slug: str) -> str:
    return f"feeds/stories/{slug}.xml"


def briefings_feed(collection: Collection, limit: int = FEED_ENTRIES) -> str:
    """The newest `limit` dated briefings of the collection, newest first."""
    return _feed(
        collection,
        BRIEFINGS_FEED,
        title=collection.site_name,
        subtitle=f"New briefings on {collection.site_name}",
        alternate="index.md",
        briefings=collection.briefings,
        limit=limit,
    )


def story_feed(story: Story, collection: Collection) -> str | None:
    """The dated briefings of a story, newest first; None when none is dated (no feed)."""
    members = [b for slug in story.briefings if (b := collection.summary(slug)) is not None]
    if not any(briefing_date(b) for b in members):
        return None
    return _feed(
        collection,
        story_feed_path(story.slug),
        title=f"{story.title} ({collection.site_name})",
        subtitle=f"Briefings of the story “{story.title}”",
        alternate=f"stories/{story.slug}.md",
        briefings=members,
        limit=None,
    )


def _feed(
    collection: Collection, path: str, title: str, subtitle: str, alternate: str, briefings: list[BriefingSummary], limit: int | None
) -> str:
    dated = [b for b in briefings if atom_time(briefing_date(b))]
    newest = sorted(dated, key=lambda b: (atom_time(briefing_date(b)) or NO_DATE, b.title, b.slug), reverse=True)
    if limit is not None:
        newest = newest[:limit]
    feed = ET.Element("feed", {"xmlns": ATOM})
    _text(feed, "id", entry_id(collection, path))
    _text(feed, "title", title)
    _text(feed, "subtitle", subtitle)
    _text(feed, "updated", max((atom_time(briefing_date(b)) or NO_DATE for b in newest), default=NO_DATE))
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": _address(collection, path, path)})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": _address(collection, path, alternate)})
    author = ET.SubElement(feed, "author")
    _text(author, "name", collection.site_name)
    _text(feed, "generator", GENERATOR)
    for b in newest:
        when = atom_time(briefing_date(b)) or NO_DATE
        entry = ET.SubElement(feed, "entry")
        _text(entry, "id", entry_id(collection, f"briefings/{b.slug}"))
        _text(entry, "title", b.title or b.slug)
        _text(entry, "updated", when)
        _text(entry, "published", when)
        target = f"briefings/{b.slug}.md"
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": _address(collection, path, target)})
        for name in b.authors:
            if clean(name).strip():
                _text(ET.SubElement(entry, "author"), "name", name)
        summary = " ".join(b.summary)
        if summary.strip():
            _text(entry, "summary", summary)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def atom_time(value: str | None) -> str | None:
    """An ISO date (`2026-04-10`) as an Atom date-time at midnight UTC; None when it is no date."""
    day = charts.iso_date(value)
    return f"{day.isoformat()}T00:00:00Z" if day is not None else None


def entry_id(collection: Collection, name: str) -> str:
    """A permanent id for `name` (`briefings/<slug>`, a feed's path) on this site."""
    site = collection.site_url or f"briefing-gen:{collection.site_name}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{site}#{name}')}"


def _address(collection: Collection, feed: str, target: str) -> str:
    """The address of `target` (a path under docs/) from the feed at `feed`: absolute under
    `site_url` when the site has one, else relative to the feed."""
    if collection.site_url:
        base = collection.site_url if collection.site_url.endswith("/") else collection.site_url + "/"
        return urljoin(base, collection.urls.site_path(target))
    return collection.urls.href(feed, target)


def clean(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold, on one line."""
    return fold_space(_NOT_XML.sub("", str(text)))


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = clean(text)
    return element
