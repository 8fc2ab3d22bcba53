"""The same claim across sources and time: claims of different briefings that state the same thing.

Quotebank merges the same quotation across millions of articles by its normalised text; a
fact-checker follows a claim from its first appearance. This step does the same for a collection:
claims of different briefings are one *claim record* when

- their content is the same after normalisation (case, quotation marks, apostrophes, dashes and
  other punctuation, white space and accents folded: `normalise`), and they have the same claimant,
  or one of them has none (the article states it in its own voice, `author`, or names nobody); two
  different named claimants saying the same words stay apart. An `author` claim is never taken for
  another publisher's author's on anything but the same content;
- or their content is a close paraphrase by the same claimant (one person, after
  `collection.identity` gave each person one name; an `author` claim only within one publisher):
  the Jaccard similarity of their sets of stemmed content words is at least `min_jaccard`, and each
  has at least `min_words` of them.

A record lists its appearances in date order (then by briefing slug), one per briefing: the first
appeared, then every later source, each marked whether it names the claimant the first one did.
Only records with appearances in two or more briefings are returned.

The cost is near linear: the exact matches are buckets of a dictionary on the normalised text, and
paraphrases are looked for only among claims of the same claimant that share one of their rarest
content words (a prefix filter: two sets with a Jaccard similarity of at least `t` share one of the
`n - ceil(t * n) + 1` rarest words of each). The result is deterministic: the same briefings give
the same records with the same ids, whatever order they come in. It runs on every build after
identity resolution and the editors' corrections, and uses no language analysis (`docs/about/stories.md`
has the figures on the corpus).
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from text_unidecode import unidecode

from briefing_gen.collection.paused_gc import cycle_collection_paused
from briefing_gen.collection.stories import _STOPWORDS, _stem
from briefing_gen.model import Briefing, Claim
from briefing_gen.whitespace import fold_space

AUTHOR = "author"


@dataclass(frozen=True)
class RecordSettings:
    min_jaccard: float = 0.6  # stemmed content words two paraphrases share, of all they have
    min_words: int = 5  # content words each paraphrase needs (shorter claims match only exactly)
    min_exact_words: int = 3  # words a claim needs to match others exactly ("it welcomed the review" does)


@dataclass(frozen=True)
class Appearance:
    """One briefing's copy of a claim: `claimant` as that briefing gives it (`author` for the
    article's own voice), and whether it is the claimant of the record's first appearance."""

    briefing: str  # slug
    claim: str  # the claim's id in that briefing
    publisher: str | None
    date: str | None  # YYYY-MM-DD, or None when the briefing is undated
    claimant: str
    same_attribution: bool


@dataclass
class ClaimRecord:
    """A claim stated in several briefings: its first appearance's claimant and text, and every
    appearance, oldest first. `members` holds every (briefing slug, claim id) of the record,
    including a second copy of the claim within one briefing (which is no appearance of its own)."""

    id: str
    claimant: str
    text: str
    appearances: list[Appearance]
    members: list[tuple[str, str]] = field(default_factory=list)

    @property
    def publishers(self) -> set[str]:
        return {a.publisher.casefold() for a in self.appearances if a.publisher}


_APOSTROPHES = re.compile(r"[‘’‚‛′`']")
_NOT_WORD = re.compile(r"[^\w%$€£]+")


def normalise(text: str) -> str:
    """A claim's content as its words alone: "“Our members load the cranes in the dark – and
    they won’t!”" and "our members load the cranes in the dark, and they won't" are one text."""
    text = _NOT_WORD.sub(" ", _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text).casefold()))
    if not text.isascii():  # accents and other scripts as ASCII ("Zürich" is "zurich"); slow, so only when needed
        text = _NOT_WORD.sub(" ", unidecode(text))
    return fold_space(text.replace("_", " "))


def content_words(normalised: str) -> frozenset[str]:
    """The stemmed content words of a normalised text: no stop words; numbers kept (a different
    figure is a different claim)."""
    words = {_content_stem(word) for word in normalised.split()}
    words.discard("")
    return frozenset(words)


@lru_cache(maxsize=65536)
def _content_stem(word: str) -> str:
    """The stem of a content word or number, "" for a stop word; cached, as the same words recur."""
    if word.isdigit() or (len(word) >= 3 and word not in _STOPWORDS):
        stem = _stem(word)
        if stem not in _STOPWORDS:
            return stem
    return ""


@dataclass
class _Item:
    index: int
    slug: str
    claim: Claim
    publisher: str | None
    date: str | None
    text: str  # normalised
    who: str  # the claimant's key: "n:<name>", "author", or "" for none

    @property
    def sort_key(self) -> tuple:
        return (self.date or "9999-99-99", self.slug, self.claim.paragraph, self.claim.id)


def _claimant_key(claimant: str) -> str:
    name = fold_space(claimant).casefold()
    if not name:
        return ""
    return AUTHOR if name == AUTHOR else "n:" + name


def _date(briefing: Briefing) -> str | None:
    value = briefing.article.published or briefing.article.original_published
    match = re.match(r"\d{4}-\d{2}-\d{2}", value or "")
    return match.group(0) if match else None


class _Groups:
    """Union-find over claim indexes that keeps each group's named claimants, so that no group
    ever holds two different named claimants (through an unattributed claim between them)."""

    def __init__(self, items: list[_Item]) -> None:
        self.parent = list(range(len(items)))
        self.named = [{item.who} if item.who.startswith("n:") else set() for item in items]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> bool:
        a, b = self.find(a), self.find(b)
        if a == b:
            return True
        if self.named[a] and self.named[b] and self.named[a] != self.named[b]:
            return False
        if a > b:
            a, b = b, a
        self.parent[b] = a
        self.named[a] |= self.named[b]
        return True


@cycle_collection_paused()
def find_claim_records(briefings: list[Briefing], settings: RecordSettings | None = None, stats: dict | None = None) -> list[ClaimRecord]:
    """The claim records of a collection (see the module's docstring), the one first appeared
    earliest first. `stats`, when given, receives `claims`, `pairs_compared` (the pairs of claims
    whose content words were compared: the cost that must stay far below all pairs) and
    `exact_links`."""
    settings = settings or RecordSettings()
    items: list[_Item] = []
    for briefing in sorted(briefings, key=lambda b: (_date(b) or "9999-99-99", b.slug)):
        day = _date(briefing)
        for claim in briefing.claims:
            text = normalise(claim.text)
            if len(text.split()) < settings.min_exact_words:
                continue
            items.append(_Item(0, briefing.slug, claim, briefing.article.publisher, day, text, _claimant_key(claim.claimant)))
    items.sort(key=lambda item: item.sort_key)
    for index, item in enumerate(items):
        item.index = index
    groups = _Groups(items)
    exact_links = 0

    # The same normalised content: the same claimant, or one with none, is one claim.
    buckets: dict[str, list[int]] = defaultdict(list)
    for item in items:
        buckets[item.text].append(item.index)
    for indexes in buckets.values():
        if len({items[i].slug for i in indexes}) < 2:
            continue
        named = [i for i in indexes if items[i].who.startswith("n:")]
        for i in named:  # each named claimant with their own earliest copy
            first = next(j for j in named if items[j].who == items[i].who)
            exact_links += groups.join(first, i) and i != first
        others = [i for i in indexes if not items[i].who.startswith("n:")]
        for i in others:  # an unattributed copy joins the one named claimant, if only one said it
            target = named[0] if len({items[j].who for j in named}) == 1 else others[0]
            exact_links += groups.join(target, i) and i != target

    # Close paraphrases by one claimant: candidates share one of their rarest content words.
    words = [content_words(item.text) for item in items]
    frequency: Counter = Counter(word for item_words in words for word in item_words)
    # Each word's place from the rarest (then alphabetical), worked out once: sorting a claim's
    # words by it is what the prefix filter does for every claim.
    rank = {word: place for place, word in enumerate(sorted(frequency, key=lambda w: (frequency[w], w)))}
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    pairs: set[tuple[int, int]] = set()
    links: list[tuple[float, int, int]] = []
    for item in items:
        own = words[item.index]
        if len(own) < settings.min_words or not item.who:
            continue
        scope = item.who if item.who != AUTHOR else f"{AUTHOR}:{fold_space(item.publisher or '').casefold()}"
        ranked = sorted(own, key=rank.__getitem__)
        prefix = ranked[: len(own) - math.ceil(settings.min_jaccard * len(own)) + 1]
        for word in prefix:
            postings_list = postings[(scope, word)]
            for other in postings_list:
                pair = (other, item.index)
                if pair in pairs or items[other].slug == item.slug:
                    continue
                pairs.add(pair)
                theirs = words[other]
                if min(len(own), len(theirs)) < settings.min_jaccard * max(len(own), len(theirs)):
                    continue
                shared = len(own & theirs)
                jaccard = shared / (len(own) + len(theirs) - shared)
                if jaccard >= settings.min_jaccard:
                    links.append((jaccard, other, item.index))
            postings_list.append(item.index)
    for _, a, b in sorted(links, key=lambda link: (-link[0], link[1], link[2])):
        groups.join(a, b)
    if stats is not None:
        stats.update(claims=len(items), pairs_compared=len(pairs), exact_links=exact_links)

    members: dict[int, list[_Item]] = defaultdict(list)
    for item in items:
        members[groups.find(item.index)].append(item)
    records = [_record(group) for group in members.values() if len({item.slug for item in group}) >= 2]
    records.sort(key=lambda r: (r.appearances[0].date or "9999-99-99", r.appearances[0].briefing, r.members[0][1]))
    seen: Counter = Counter()
    for record in records:  # two records may begin with one claim id (the same words by two claimants)
        seen[record.id] += 1
        if seen[record.id] > 1:
            record.id = f"{record.id}-{seen[record.id]}"
    return records


def _record(group: list[_Item]) -> ClaimRecord:
    group = sorted(group, key=lambda item: item.sort_key)
    first = group[0]
    appearances = []
    slugs: set[str] = set()
    for item in group:
        if item.slug in slugs:
            continue
        slugs.add(item.slug)
        same = item.who == first.who and (item.who != AUTHOR or _same_publisher(item, first))
        appearances.append(Appearance(item.slug, item.claim.id, item.publisher, item.date, item.claim.claimant, same))
    return ClaimRecord(
        id="same-" + first.claim.id.removeprefix("c-"),
        claimant=first.claim.claimant,
        text=first.claim.text,
        appearances=appearances,
        members=[(item.slug, item.claim.id) for item in group],
    )


def _same_publisher(a: _Item, b: _Item) -> bool:
    return fold_space(a.publisher or "").casefold() == fold_space(b.publisher or "").casefold()


__all__ = ["Appearance", "ClaimRecord", "RecordSettings", "find_claim_records", "normalise", "content_words"]
