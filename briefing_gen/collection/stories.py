"""Stories: briefings about the same specific event or dispute, grouped across the collection.

A story is two or more briefings that report one development (a summit, a detention, a leaked
memo), not a theme: "the election" or "Trump" is in half of a political collection and makes no
story. The grouping uses only what extraction already gives each briefing, so a cached rebuild
never runs the language analysis again:

- **features**: its actors (by name, after `collection.identity` gave each person one name; news
  outlets are left out, they report stories rather than take part in them) and its key terms, the
  content words and capitalised phrases of the title, summary and key points that are not part
  of an actor's name ("tuna", "longliner", "Amber Link");
- **weights**: each feature weighs its inverse document frequency, `log(1 + N / df)`, so a name in
  a large share of the collection counts for little. A feature in more than `ubiquitous_share` of
  the briefings (and in more than `min_ubiquitous` of them) is *ubiquitous*: it still counts in the
  similarity, but never as evidence that two briefings tell one story;
- **links**: two briefings published at most `window_days` apart are linked when they share at
  least `min_actors` specific actors and `min_terms` specific terms, *and* the IDF-weighted cosine
  of their feature sets is at least `min_similarity`. Requiring several independent shared signals
  is what keeps a broad actor (the same mayor in two unrelated articles) from making a story, and
  the cosine keeps two long articles that share a few specifics by chance apart. An undated
  briefing is compared only with undated ones, and needs `undated_similarity`: without dates,
  two articles on the same theme months apart look alike;
- **stories**: links are taken strongest first (ties by slug, so the result does not depend on the
  input order); two groups join when more than `min_linked_share` (half) of the pairs across them
  are linked. This is average-link clustering over the link graph: unlike single-link it does not chain
  A-B-C-D into one story when A and D have nothing in common, and it needs no all-pairs matrix.

Only briefings that share a specific feature are ever compared: an inverted index from feature to
briefings (sorted by date) gives the candidate pairs, each posting list is walked only within the
time window, and ubiquitous features have no posting lists at all. On a collection spread over
time that is linear in the number of briefings (`docs/about/stories.md` has the figures).

The result is deterministic: the same briefings give the same stories in the same order with the
same slugs, whatever order they come in. The grouping is recomputed on every build from the
briefings (a new article joins a story or starts one), which at a few hundred milliseconds for a
thousand briefings is cheaper than keeping state that could go stale. Only the slugs are kept
between builds: given the last build's stories (`previous`), a story keeps the slug of the one it
overlaps most (`briefing_gen.collection.story_slugs`), so the editors' notes filed under a story's
slug stay with it as it grows. `group_stories` also keeps what the stories were found from, so that
a group of briefings an editor put together (`briefing_gen.editorial.story_edits`) is described the
way the build describes its own.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from text_unidecode import unidecode

from briefing_gen.collection.story_slugs import stable_story_slugs
from briefing_gen.model import Briefing
from briefing_gen.whitespace import fold_space


@dataclass(frozen=True)
class StorySettings:
    """The thresholds of the grouping; the defaults are the ones measured in `docs/about/stories.md`."""

    window_days: int = 10  # the most days between two linked briefings
    min_actors: int = 2  # specific actors two linked briefings share
    min_terms: int = 2  # specific key terms they share (on top of the actors)
    min_signals: int = 4  # specific actors and terms together
    min_similarity: float = 0.18  # IDF-weighted cosine of their features
    undated_similarity: float = 0.3  # ... when the two are undated: nothing says they are close in time
    min_linked_share: float = 0.5  # two groups join when more than this share of the pairs across them are linked
    ubiquitous_share: float = 0.05  # a feature in more than this share of the briefings is no evidence
    min_ubiquitous: int = 8  # ... but only once it is in more than this many of them


@dataclass
class Story:
    """Briefings about one event or dispute; `briefings` are slugs, oldest first.

    `actors` and `terms` are what the briefings share, most telling first (how many of the
    briefings have it, times its weight); `first` and `last` are ISO dates (None when no briefing
    of the story is dated). A story is made on every build from the briefings, so it is not part of
    the data contract of `briefing_gen.model`."""

    slug: str
    title: str
    briefings: list[str]
    actors: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    first: str | None = None
    last: str | None = None
    edited: bool = False  # the editors changed its title or its briefings (`notes/stories/<slug>.md`)
    note: str = ""  # the editors' Markdown from its notes file, as written


@dataclass
class _Features:
    slug: str
    day: date | None
    actors: set[str]
    terms: set[str]
    labels: dict[str, str]  # feature -> how to show it ("a:losana vaike" -> "Losana Vaike")
    in_title: set[str] = field(default_factory=set)  # the features its headline names

    @property
    def all(self) -> set[str]:
        return self.actors | self.terms


# Words that say nothing about which event an article reports: function words, reporting verbs,
# the calendar and the vocabulary of all news.
_STOPWORDS = frozenset(
    """
    a about above across after again against ago all almost along already also although always am among an and
    another any anyone anything are around as at away back be became because become been before began behind being
    below between both but by came can cannot could did do does doing done down during each early either else
    enough even ever every few first for former from further get gets getting given go going got had has have having
    he her here hers herself him himself his how however i if in including into is it its itself just last late
    later least less like made make makes making many may me might more most much must my near nearly need never new
    next no nor not now of off often on once one only onto or other others our out over own part per perhaps put
    rather really said same say saying says see seen set several shall she should since so some still such take
    taken than that the their them themselves then there these they this those though three through thus to told
    too toward towards two under until up upon us very via was we week weeks well were what when where whether which
    while who whom whose why will with within without would year years yet you your
    according added adds announced asked call called calls comment comments continue continued day days described
    expected four five further government interview issue issues know known month months news official officials
    people percent place point points report reported reporter reporters reports statement spokesman spokeswoman
    spokesperson thing things think time times today tuesday monday wednesday thursday friday saturday sunday
    tonight yesterday told tell telling want wanted way ways word words work world told whose
    january february march april june july august september october november december
    mr mrs ms dr
    """.split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'’-]*(?:\s+(?:of|the|de|and)?\s*[A-Z][A-Za-z'’-]*)+")


_NOT_WORD = re.compile(r"[^a-z0-9 ]")
_POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Lower-case ASCII words ("Zürich's" -> "zurich s"); cached, as the same words recur."""
    return fold_space(_NOT_WORD.sub(" ", (text if text.isascii() else unidecode(text)).lower()))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude English stem, enough to match "boats" with "boat" and "talks" with "talk"."""
    word = _POSSESSIVE.sub("", word)
    if len(word) > 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def briefing_features(briefing: Briefing) -> _Features:
    """The actors and key terms of one briefing (see the module's docstring)."""
    labels: dict[str, str] = {}
    actors: set[str] = set()
    name_words: set[str] = set()
    for actor in briefing.actors:
        if actor.type == "media":
            continue
        key = "a:" + _fold(actor.name)
        if key == "a:":
            continue
        actors.add(key)
        labels.setdefault(key, actor.name)
        for name in (actor.name, *actor.aliases):
            name_words.update(_stem(w) for w in _fold(name).split())
    article = briefing.article
    texts = [article.title, *briefing.summary, *briefing.key_points]
    terms: set[str] = set()
    title = _fold(article.title)
    title_words = {_stem(w) for w in title.split()}
    in_title = {key for key in actors if f" {key[2:]} " in f" {title} " or key[2:].split()[-1] in title_words}
    padded_names = [f" {key[2:]} " for key in actors]
    for number, text in enumerate(texts):
        before = set(terms)
        # A headline in title case capitalises every word: its names are found in the summary.
        phrases = [] if number == 0 and _title_case(text) else _CAPITALISED.findall(text)
        for phrase in phrases:
            folded = _fold(phrase)
            words = folded.split()
            # A capitalised phrase that is not an actor and does not name one ("Governor Pavel Strand").
            padded = f" {folded} "
            if len(words) >= 2 and not set(words) <= name_words | _STOPWORDS and not any(name in padded for name in padded_names):
                key = "t:" + folded
                terms.add(key)
                labels.setdefault(key, phrase)
        for word in _WORD.findall(text):
            folded = _fold(word)
            if len(folded) < 4 or folded in _STOPWORDS or not folded.isalpha():
                continue
            stem = _stem(folded)
            if stem in name_words or stem in _STOPWORDS:
                continue
            key = "t:" + stem
            terms.add(key)
            labels.setdefault(key, folded)
        if number == 0:
            in_title |= terms - before
    return _Features(briefing.slug, iso_day(article.original_published or article.published), actors, terms, labels, in_title)


def _title_case(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def iso_day(value: str | None) -> date | None:
    """The day an ISO date or timestamp names, None when it names none."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


class _Groups:
    """Union-find over briefing indexes that also keeps each group's members."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.members: dict[int, list[int]] = {i: [i] for i in range(size)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a > b:
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))


def find_stories(briefings: list[Briefing], settings: StorySettings | None = None, stats: dict | None = None) -> list[Story]:
    """The stories of a collection, newest last date first (then by slug), with slugs made afresh.
    `stats`, when given, receives `pairs_compared`: how many pairs of briefings were scored (the
    cost that must stay far below all pairs)."""
    return group_stories(briefings, settings, stats).stories


@dataclass
class StoryGrouping:
    """The stories of a collection (`stories`) and what they were found from: the features, their
    weights and the links between briefings, so that `describe` can make a story of any group of
    briefings (an editor's merge or split) exactly as the build makes its own."""

    stories: list[Story]
    features: list[_Features] = field(default_factory=list, repr=False)
    idf: dict[str, float] = field(default_factory=dict, repr=False)
    specific: set[str] = field(default_factory=set, repr=False)
    links: dict[tuple[int, int], float] = field(default_factory=dict, repr=False)
    titles: dict[str, str] = field(default_factory=dict, repr=False)

    def describe(self, slug: str, briefings: Iterable[str]) -> Story | None:
        """The story `slug` made of `briefings` (slugs; unknown ones are left out), None when none
        is known. Its title is the headline of its most central briefing, as for a found story."""
        position = {item.slug: index for index, item in enumerate(self.features)}
        members = sorted({position[b] for b in briefings if b in position})
        if not members:
            return None
        inside = set(members)
        centrality: dict[int, float] = defaultdict(float)
        for (i, j), similarity in self.links.items():
            if i in inside and j in inside:
                centrality[i] += similarity
                centrality[j] += similarity
        story = _story(members, self.features, self.idf, self.specific, centrality, self.titles)
        story.slug = slug
        return story


def group_stories(
    briefings: list[Briefing], settings: StorySettings | None = None, stats: dict | None = None,
    previous: Mapping[str, Sequence[str]] | None = None, reserved: Iterable[str] = (),
) -> StoryGrouping:
    """The stories of a collection, as `find_stories`, and what they were found from. `previous`
    (story slug -> its briefings' slugs, from the last build) keeps each story's slug as it grows;
    a new story never gets a slug of `previous` or `reserved` (see `story_slugs`)."""
    settings = settings or StorySettings()
    titles = {b.slug: fold_space(b.article.title) for b in briefings}
    features = sorted((briefing_features(b) for b in briefings), key=lambda f: (f.day or date.max, f.slug))
    count = len(features)
    if count < 2:
        return StoryGrouping([], features, titles=titles)
    # A name that one briefing's extraction found as an actor and another's only as a capitalised
    # phrase ("Orvin Dam") is the same feature in both.
    actor_keys = {key for item in features for key in item.actors}
    for item in features:
        named = {key for key in item.terms if "a:" + key[2:] in actor_keys}
        if named:
            item.terms -= named
            item.actors |= {"a:" + key[2:] for key in named}
            item.in_title |= {"a:" + key[2:] for key in named & item.in_title}
            item.labels.update({"a:" + key[2:]: item.labels[key] for key in named})
    df: Counter = Counter()
    for item in features:
        df.update(item.all)
    ubiquitous_above = max(settings.min_ubiquitous, settings.ubiquitous_share * count)
    idf = {feature: math.log(1 + count / n) for feature, n in df.items()}
    specific = {feature for feature, n in df.items() if 2 <= n <= ubiquitous_above}
    # A feature no other briefing has cannot say which story a briefing is in: it is left out of
    # the norms, so that a long article is not kept out of its story by its many details.
    norms = [math.sqrt(sum(idf[f] ** 2 for f in item.all if df[f] >= 2)) or 1.0 for item in features]

    # Candidate pairs: briefings that share a specific feature, within the time window.
    postings: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(features):
        for feature in item.all & specific:
            postings[feature].append(index)
    shared: Counter = Counter()
    for indexes in postings.values():
        for position, i in enumerate(indexes):
            for j in indexes[position + 1 :]:
                if not _close(features[i].day, features[j].day, settings.window_days):
                    if features[i].day is not None and features[j].day is not None:
                        break  # postings are in date order: every later one is further away
                    continue
                shared[(i, j)] += 1
    if stats is not None:
        stats["pairs_compared"] = len(shared)
    links: dict[tuple[int, int], float] = {}
    for (i, j), signals in shared.items():
        if signals < settings.min_signals:
            continue
        a, b = features[i], features[j]
        actors = len(a.actors & b.actors & specific)
        terms = len(a.terms & b.terms & specific)
        if actors < settings.min_actors or terms < settings.min_terms:
            continue
        similarity = sum(idf[f] ** 2 for f in a.all & b.all) / (norms[i] * norms[j])
        if similarity >= (settings.min_similarity if a.day is not None else settings.undated_similarity):
            links[(i, j)] = similarity

    groups = _Groups(count)
    for (i, j), _ in sorted(links.items(), key=lambda kv: (-kv[1], features[kv[0][0]].slug, features[kv[0][1]].slug)):
        a, b = groups.find(i), groups.find(j)
        if a == b:
            continue
        left, right = groups.members[a], groups.members[b]
        linked = sum(1 for x in left for y in right if (min(x, y), max(x, y)) in links)
        if linked > settings.min_linked_share * len(left) * len(right):
            groups.join(a, b)

    centrality: dict[int, float] = defaultdict(float)
    for (i, j), similarity in links.items():
        if groups.find(i) == groups.find(j):
            centrality[i] += similarity
            centrality[j] += similarity
    stories = [
        _story(sorted(members), features, idf, specific, centrality, titles)
        for members in groups.members.values()
        if len(members) >= 2
    ]
    in_order = sorted(stories, key=lambda s: (s.first or "", s.briefings[0]))
    slugs = stable_story_slugs([(story.slug, story.briefings) for story in in_order], previous, reserved)
    for story, slug in zip(in_order, slugs):
        story.slug = slug
    stories = sorted(stories, key=lambda s: (s.last or "", s.slug), reverse=True)
    return StoryGrouping(stories, features, idf, specific, links, titles)


def _close(a: date | None, b: date | None, days: int) -> bool:
    if a is None or b is None:
        return a is None and b is None  # an undated briefing is compared only with undated ones
    return abs((a - b).days) <= days


def _story(
    members: list[int], features: list[_Features], idf: dict[str, float], specific: set[str], centrality: dict[int, float], titles: dict[str, str]
) -> Story:
    """A story of `members` (indexes into the date-sorted `features`), named by what they share and
    titled by the headline of its most central briefing (the one most strongly linked to the others;
    the earliest on a tie): a headline reads better than a list of names."""
    items = [features[i] for i in members]
    counts: Counter = Counter()
    for item in items:
        counts.update(item.all & specific)
    labels: dict[str, str] = {}
    for item in items:
        for key, label in item.labels.items():
            labels.setdefault(key, label)
    shared = [f for f, n in counts.items() if n >= 2]
    ranked = sorted(shared, key=lambda f: (-counts[f] * idf[f], f))
    actors = [labels[f] for f in ranked if f.startswith("a:")]
    terms = [labels[f] for f in ranked if f.startswith("t:")]
    # The slug names the two shared features most headlines of the story name (then the most
    # telling), a term first when there is one: "tuna-tavaru" rather than the rarest shared word.
    headlines: Counter = Counter()
    for item in items:
        headlines.update(item.in_title)
    by_headline = sorted(shared, key=lambda f: (-headlines[f], -counts[f] * idf[f], f))
    term = next((f for f in by_headline if f.startswith("t:")), None)
    actor = next((f for f in by_headline if f.startswith("a:") and not (term and f[2:] in term[2:])), None)
    words = [" ".join(labels[f].split()[:3]) for f in (term, actor) if f]
    days = [item.day for item in items if item.day is not None]
    central = max(members, key=lambda i: (centrality[i], -i))
    return Story(
        slug=" ".join(words) or items[0].slug,
        title=titles.get(features[central].slug) or _title(actors, terms),
        briefings=[item.slug for item in items],
        actors=actors,
        terms=terms,
        first=min(days).isoformat() if days else None,
        last=max(days).isoformat() if days else None,
    )


def _title(actors: list[str], terms: list[str]) -> str:
    """ "Tavaru, Losana Vaike: tuna, longliner": the story's most telling actors and terms."""
    head = ", ".join(actors[:3])
    tail = ", ".join(terms[:3])
    return f"{head}: {tail}" if head and tail else head or tail


def stories_by_briefing(stories: list[Story]) -> dict[str, Story]:
    """The story of each briefing slug that is in one (a briefing is in at most one story)."""
    return {slug: story for story in stories for slug in story.briefings}


__all__ = ["Story", "StoryGrouping", "StorySettings", "briefing_features", "find_stories", "group_stories", "stories_by_briefing"]
