"""Contradictions within a story: pairs of claims that cannot both be true, for an editor to judge.

A story brings together what several sources say about one event, and that is where they disagree:
a minister denies what a leaked memo says, a relief agency counts thirty dead where the governor
counts twelve. The build cannot tell who is right; it lists the pairs on the story page so that an
editor can. It uses only what extraction already gives each claim (its words, its cue, its
claimant), no language analysis, and it favours precision over recall: a pair is listed only when
one clause of each says the same thing of the same someone and they disagree in one of two ways.

- **Negation.** One claim negates what the other states: "Mexico would not pay for a wall" against
  "Mexico will pay for the wall". A negator ("not" after an auxiliary or before "to", "never",
  "neither", "nor", "cannot", "didn't", ...) negates the rest of its clause up to the next "and"
  or "or", from its *head*: the first word after it that is no auxiliary or adverb ("did not
  *overrule*", "has never *been*"). The head must be a content word in lower case ("not for ...",
  "not Clinton" negate no statement), and one clause of the other claim must state it with at least
  `min_scope_share` of the negated words, close together (at most two words between them). A claim
  whose cue is "deny" and that denies a statement ("denied that she had favoured ...", not "denied
  the charges") negates the first clause of its content, and must share `min_shared` words with the
  other. "Would not *end* the strike before the bonus was restored" is no contradiction of "the
  strike would continue until the bonus was restored": "end" is not stated.
- **Figures.** Both give a figure for the same unit ("12 dead" and "30 dead", "four percent" and
  "2%") counting the same thing (a content word next to both figures is the same, and they share
  `min_figure_context` words and `min_figure_share` of the shorter claim's), and the figures cannot
  both hold: "at least six" agrees with "eleven", "about 10" with "11", a round "3,000" with
  "2,900", and the same figure restated is agreement. A claim with two figures for one unit (a
  change, a range, a poll's two shares) offers none for it; two claims naming different years, or
  naming only different names ("Poland's economy grew by 2.5 per cent", "Kenya's ... by 4.5 per
  cent"), are about different things; and the claims must be published at most `figure_days`
  apart: a toll that rises over a week is news, not a contradiction.

What a claim does not state is never one side: a clause from "if", "whether", "unless", "suppose",
"how" or "why", a clause with "or not", a question, what follows a negation ("none of the
messages was marked classified" states no message marked classified), what is wished, needed or
possible ("has to win", "can win"), and an obligation ("she shouldn't be president"). A negation in
a relative clause ("someone who doesn't answer questions") is said of no one in particular. The
stated and the negated words must be said of the same someone: capitalised words before the stated
head ("Coca-Cola's funding", "Defence Minister Corinne Aubel") are among the negating claim's words
or its claimant's name, and the other way round; when both have words before them, some are the
same (or the other's claimant: "military officers understand" and "the candidates don't
understand" are about different people); and the third-person pronouns before them agree ("he
won't vote" and "they would vote"). Two claims share at least `min_shared` content words
(stemmed, without stop words). Two claims of one claim record (`collection.claim_records`: the same
claim in two briefings) are never a pair, and neither are one claimant's two claims in one
briefing. What is left out, knowingly: a pronoun can stand for the claimant or for someone else
("Comey said she received ..."), so two claimants each saying "he" of themselves can still make a
pair; and sarcasm, quoted hypotheticals and passives are read as plain statements.

The cost is bounded: claims are compared only within one story, and only through an index from a
negated head or a figure's unit to the claims that have it, each claim with at most
`max_candidates` others per key (the nearest in date order). That is linear in the number of claims
of the collection. The result is deterministic: the same briefings and stories give the same pairs
in the same order (`docs/about/stories.md` has the figures on the corpus).
"""
from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Iterable, Literal

from briefing_gen.collection.claim_records import ClaimRecord, normalise
from briefing_gen.collection.paused_gc import cycle_collection_paused
from briefing_gen.collection.stories import _STOPWORDS, Story, _stem, iso_day
from briefing_gen.model import Briefing, Claim
from briefing_gen.whitespace import fold_space

Reason = Literal["negation", "figures"]


@dataclass(frozen=True)
class ContradictionSettings:
    """The thresholds; the defaults are the ones measured in `docs/about/stories.md`."""

    min_shared: int = 3  # content words two contradicting claims share
    min_scope_share: float = 0.6  # of a negated clause's content words, the share one clause of the other states
    min_figure_context: int = 2  # content words besides the unit two claims with figures share
    min_figure_share: float = 0.5  # ... at least this share of the shorter claim's
    figure_days: int = 1  # the most days between two claims whose figures disagree
    max_candidates: int = 50  # claims one claim is compared with per negated word or unit
    same_briefing: bool = True  # whether two claimants of one briefing can contradict each other


@dataclass(frozen=True)
class ClaimSide:
    """One claim of a contradiction: where it is (briefing slug, claim id) and what it says."""

    briefing: str
    claim: str
    claimant: str
    text: str
    kind: str
    date: str | None
    publisher: str | None


@dataclass(frozen=True)
class Contradiction:
    """Two claims of one story that cannot both be true, the older first. `point` says what they
    disagree on: the negated words as the stating claim has them ("pay wall"), or the unit and the
    two figures ("dead: 12 / 30")."""

    story: str
    first: ClaimSide
    second: ClaimSide
    reason: Reason
    point: str


# Negation ---------------------------------------------------------------------------------------------

# Words that negate the statement that follows them in their clause; apostrophes are folded away
# ("didn't" is "didnt"). "No", "nothing", "nobody" negate a noun ("no one is above the law").
_NEGATORS = frozenset(
    """
    not never neither nor cannot
    dont doesnt didnt wont wouldnt cant couldnt isnt wasnt arent werent hasnt havent hadnt shouldnt mustnt aint
    """.split()
)
# A negator that negates nothing: "not only", "more often than not", "whether or not".
_NOT_NEGATING_AFTER = frozenset({"only", "just", "merely", "least", "necessarily", "surprisingly", "unlike", "quite"})
_NOT_NEGATING_BEFORE = frozenset({"than", "or", "if"})
# Between a negator and what it negates: auxiliaries, articles, adverbs ("has never *been*", "did not even *try*").
_NEGATION_FILLERS = frozenset(
    """
    be been being is are was were am have has had do does did will would shall should can could may might must
    to ever even yet also always really actually just quite so too very any a an the at all immediately
    """.split()
)
_POSSESSION = frozenset({"have", "has", "had"})  # an auxiliary only before a participle ("has not *seen*")
# "Not" negates a statement after an auxiliary ("did not", "would not", "is not") or before "to"
# ("decided not to run"); elsewhere it negates a phrase ("blame failures, not gun laws", "by not voting").
_AUXILIARIES = frozenset(
    "be been being is are was were am have has had do does did will would shall can could may might".split()
)
# Obligations are no statements of fact: "she shouldn't be president" contradicts no "she is president".
_DEONTIC = frozenset({"should", "must", "ought", "shouldnt", "mustnt"})
# What the stating claim must not negate, more than what may negate it: "none of the messages was
# marked classified" states nothing about messages marked classified.
_ANY_NEGATION = _NEGATORS | frozenset({"no", "none", "nothing", "nobody", "without", "hardly", "barely"})
_DENIAL_CUES = frozenset({"deny"})  # "refute", "dispute" take a report as their object more often than a statement
# A sentence in which a "deny" cue takes a statement: "denied on Wednesday that ...".
_DENIED_THAT = re.compile(r"\bden(?:y|ies|ied|ying)\b(?:\s+\w+){0,4}?\s+that\b", re.IGNORECASE)
# "denied that ...", "denies having ..." inside a claim's content negate what follows, like "not".
_DENIAL_WORDS = frozenset({"deny", "denies", "denied", "denying"})
# What ends a clause: punctuation (not quotation marks: a quoted phrase, "marked classified at the
# time", is part of what is said), a dash between spaces, and the words that begin another clause;
# from a hedge word the clause states nothing.
_PIECE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[.;:!?,()\[\]…]|\s[–—-]+\s")
_CLAUSE_WORDS = frozenset(
    {"but", "while", "although", "though", "whereas", "because", "however", "when", "after", "before", "until", "since", "which", "who", "where"}
)
_HEDGES = frozenset({"if", "whether", "unless", "suppose", "supposing", "imagine", "how", "why"})
_POSSIBLE = frozenset({"can", "could", "may", "might"})  # "he can win" states no win
_RELATIVE = frozenset({"who", "which"})  # a clause they open describes someone unnamed ("someone who ...")
# "... to" before a verb that is wished, planned or needed, not done: "has to win", "wants to leave".
_INTENT = frozenset(
    "have has had need needs needed want wants wanted hope hopes hoped plan plans planned try tries tried trying seek seeks aim aims wish wishes".split()
)
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})
_PRONOUNS = {"he": "he", "him": "he", "she": "she", "her": "she", "they": "they", "them": "they", "it": "it"}
_CLITIC = re.compile(r"['’](?:s|d|ll|re|ve|m)$", re.IGNORECASE)
# The full stop of a title or an initial ("Sen. Marco Rubio", "U.S. troops") ends no clause.
_ABBREVIATION = re.compile(r"\b([A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+)\.(?=\s)")
_QUESTION_START = frozenset("did does do is are was were will would can could should has have who what why how where which".split())
_SCOPE_WORDS = 8  # content words a negation covers at most


# Figures ----------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"(?<![a-z0-9])\d+(?:,\d{3})*(?:\.\d+)?%?|[a-z][a-z0-9]*(?:[-'’][a-z0-9]+)*")
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
    if value >= 2  # "one" is mostly a pronoun ("no one", "one of them")
} | {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12}
_ANY_NUMBER = re.compile(r"\d|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b")
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august september october november december".split())
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
# Words before a figure that make it a bound or an estimate: "at least 6" agrees with "11".
_AT_LEAST = ("at least", "more than", "over", "above", "upwards of", "in excess of", "a minimum of", "minimum of")
_AT_MOST = ("up to", "fewer than", "less than", "under", "below", "at most", "no more than", "a maximum of", "maximum of")
_ABOUT = ("about", "around", "roughly", "some", "approximately", "nearly", "almost", "as many as", "an estimated", "estimated", "close to")
_NOT_UNITS = frozenset({"am", "pm", "per"}) | _NUMBER_WORDS.keys() | _SCALES.keys() | _MONTHS
_FRAME = 4  # words either side of a figure that say what it counts
_COUNTED = frozenset({"people", "years", "days", "weeks", "months"})  # stop words elsewhere, units here

# Words that are no content of a claim, on top of the stop words: negators, number words, and what
# follows a negator without being what it negates ("no longer").
_NOT_CONTENT = _NEGATORS | _NUMBER_WORDS.keys() | _SCALES.keys() | {"longer", "necessarily", "immediately", "actually", "really"}


@dataclass(frozen=True)
class _Figure:
    value: float
    low: float
    high: float
    text: str  # as written, for the page ("at least six people")
    unit: str  # the unit as written ("people")
    frame: frozenset[str]  # content words next to it ("killed", "flood"): what is counted


@dataclass(frozen=True)
class _Clause:
    """One clause of a claim: its content words (stemmed) in order, which were written with a
    capital (a name, unless the claim starts with it), and up to where it states them (its first
    negator, or nothing when the clause is hedged)."""

    roots: tuple[str, ...]
    capitals: tuple[bool, ...]
    stated_until: int
    pronouns: tuple[tuple[int, str], ...] = ()  # (content words before it, third-person pronoun)
    intended: frozenset[int] = frozenset()  # content words after "wants to", "has to", ...: not stated

    def stated(self) -> frozenset[str]:
        return frozenset(root for at, root in enumerate(self.roots[: self.stated_until]) if at not in self.intended)

    def pronoun_before(self, index: int) -> str | None:
        """The last third-person pronoun before content word `index` ("he", "she", "they", "it")."""
        return next((pronoun for at, pronoun in reversed(self.pronouns) if at <= index), None)


@dataclass(frozen=True)
class _Negation:
    head: str  # the negated word ("overrul")
    scope: frozenset[str]  # the content words of the negated part of its clause
    subject: frozenset[str]  # the content words before the negator in its clause (who or what it is said of)
    names: frozenset[str]  # ... those written with a capital
    pronoun: str | None  # the last third-person pronoun before the negator ("he won't vote")
    denied: bool = False  # a denial's content, not a negator's clause


@dataclass
class _Reading:
    """What the comparison needs of one claim, worked out once."""

    index: int
    slug: str
    claim: Claim
    day: date | None
    date: str | None
    publisher: str | None
    words: frozenset[str]  # stemmed content words, no numbers
    surface: dict[str, str]  # stemmed word -> as the claim writes it (folded)
    clauses: list[_Clause]
    negations: list[_Negation]
    denial: bool
    figures: dict[str, _Figure]  # unit -> the one figure the claim gives for it
    years: frozenset[str]
    claimant: str  # folded
    claimant_words: frozenset[str]  # the claimant's name as content words ("corinne", "aubel")
    names: frozenset[str]  # the content words of the names in it: written with a capital, or of an actor it names

    @property
    def sort_key(self) -> tuple:
        return (self.date or "9999-99-99", self.slug, self.claim.paragraph, self.claim.id)

    def side(self) -> ClaimSide:
        return ClaimSide(self.slug, self.claim.id, self.claim.claimant, self.claim.text, self.claim.kind, self.date, self.publisher)


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """One word as `claim_records.normalise` folds it ("Didn’t" -> "didnt"), cached: the same words recur."""
    word = _CLITIC.sub("", word)  # "Yanukovych's" is "yanukovych", "he'd" is "he"; "didn't" stays "didnt"
    folded = word.casefold().replace("'", "").replace("’", "")
    return folded if folded.isascii() and folded.isalnum() else normalise(word)


@lru_cache(maxsize=65536)
def _root(word: str) -> str:
    """A verb's stem beside the noun stems of `stories._stem`: "overruled", "overrule" and
    "overrules" are one word, so that a negated "overrule" meets a stated "overruled"."""
    word = _stem(word)
    if len(word) > 5 and word.endswith("ied"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "stopp" -> "stop"
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _content(word: str) -> bool:
    """A word that says what a claim is about: no stop word, negator or number word."""
    return len(word) >= 3 and word.isalpha() and word not in _STOPWORDS and word not in _NOT_CONTENT


@lru_cache(maxsize=65536)
def _content_root(word: str) -> str:
    """The stem of a content word, "" for any other word."""
    return _root(word) if _content(word) else ""


def _split_clauses(text: str) -> tuple[list[list[tuple[str, bool]]], list[str]]:
    """The words of each clause of a claim, folded, each with whether it was written with a
    capital (not at the start of the claim), and the word that opened each clause ("if", "who",
    ...; "" after punctuation)."""
    clauses: list[list[tuple[str, bool]]] = []
    openers: list[str] = []
    current: list[tuple[str, bool]] = []
    opener = ""
    for piece in _PIECE.findall(_ABBREVIATION.sub(r"\1", text)):
        folded = _fold(piece) if piece[0].isalnum() else ""
        if not folded or folded in _CLAUSE_WORDS or folded in _HEDGES:
            if current:
                clauses.append(current)
                openers.append(opener)
                current = []
            opener = folded
            continue
        current.append((folded, piece[0].isupper() and bool(clauses or current)))
    if current:
        clauses.append(current)
        openers.append(opener)
    return clauses, openers


def _read_clauses(text: str, denial: bool = False) -> tuple[list[_Clause], list[_Negation], dict[str, str]]:
    """The clauses of a claim, the negations in them and the surface form of each stemmed word.
    The content of a `denial` (its cue is "deny") is negated from its start to the end of its
    first clause, unless it negates something itself ("denied that she had not ...": a double
    negative says too little to compare)."""
    split, openers = _split_clauses(text)
    question = text.rstrip().rstrip("\"”’'").endswith("?") or (bool(split) and split[0][0][0] in _QUESTION_START)
    clauses: list[_Clause] = []
    negations: list[_Negation] = []
    surface: dict[str, str] = {}
    first_tokens: list[tuple[str, bool]] = []  # the words of the first clause with content words
    for tokens, opener in zip(split, openers):
        words = [t for t, _ in tokens]
        hedged = opener in _HEDGES
        if question or ("not" in words and "or" in words and any(a == "or" and b == "not" for a, b in zip(words, words[1:]))):
            hedged = True  # a question, or "... or not": a choice, not a statement
        roots: list[str] = []
        capitals: list[bool] = []
        pronouns: list[tuple[int, str]] = []
        intended: set[int] = set()
        stated_until: int | None = None
        for position, (word, capital) in enumerate(tokens):
            root = _content_root(word)
            if root:
                surface.setdefault(root, word)
                roots.append(root)
                capitals.append(capital)
            elif word in _PRONOUNS:
                pronouns.append((len(roots), _PRONOUNS[word]))
            if root and position >= 2 and words[position - 1] == "to" and words[position - 2] in _INTENT:
                intended.add(len(roots) - 1)  # "he will have to win": no win stated
            elif root and position >= 1 and (words[position - 1] in _POSSIBLE or position >= 2 and words[position - 2] in _POSSIBLE):
                intended.add(len(roots) - 1)  # "he can win": no win stated either
            if word not in _ANY_NEGATION and word not in _DENIAL_WORDS:
                continue
            before = words[position - 1] if position else ""
            after = words[position + 1] if position + 1 < len(words) else ""
            if word in _DENIAL_WORDS and after not in ("that", "having", "being"):
                continue
            if after in _NOT_NEGATING_AFTER or before in _NOT_NEGATING_BEFORE:
                continue
            if stated_until is None:
                stated_until = len(roots)  # what follows a negation is not stated
            if hedged or word not in _NEGATORS and word not in _DENIAL_WORDS or before in _DEONTIC or word in _DEONTIC:
                continue
            if word == "not" and before not in _AUXILIARIES and after != "to":
                continue
            if opener in _RELATIVE:
                continue  # "someone who doesn't answer questions": said of no one in particular
            negation = _negation_at(tokens, position, roots, capitals, pronouns[-1][1] if pronouns else None)
            if negation is not None:
                negations.append(negation)
        if roots:
            until = 0 if hedged else len(roots) if stated_until is None else stated_until
            clauses.append(_Clause(tuple(roots), tuple(capitals), until, tuple(pronouns), frozenset(intended)))
            first_tokens = first_tokens or tokens
    if denial and clauses:
        if negations or any(clause.stated_until < len(clause.roots) for clause in clauses):
            return clauses, [], surface
        negation = _negation_at(first_tokens, -1, [], [], None, denied=True)
        clauses[0] = dataclasses.replace(clauses[0], stated_until=0)
        return clauses, [negation] if negation is not None else [], surface
    return clauses, negations, surface


def _negation_at(
    tokens: list[tuple[str, bool]], position: int, roots: list[str], capitals: list[bool], pronoun: str | None, denied: bool = False
) -> _Negation | None:
    """What the negator at `tokens[position]` negates: its head (the first word after it that is no
    auxiliary or adverb, a content word in lower case) and the content words after it; `roots` and
    `capitals` are the clause's content words before it (its subject)."""
    rest = tokens[position + 1 :]
    for end, (word, _) in enumerate(rest):
        if word in ("and", "or", "nor") or word in _NEGATORS:
            rest = rest[:end]  # the next statement ("... and said Manafort was not involved")
            break
    head = None
    for at, (word, capital) in enumerate(rest):
        following = rest[at + 1][0] if at + 1 < len(rest) else ""
        if word in _NEGATION_FILLERS and not (word in _POSSESSION and not following.endswith(("ed", "en", "wn"))):
            continue  # but "did not have a strategy" negates a possession, no statement made elsewhere
        if position < 0 and word in _SUBJECT_PRONOUNS:
            continue  # a denial's own subject: "(denied that) she had favoured ..."
        head = (word, capital)
        break
    if head is None or not _content(head[0]) or head[1]:
        return None  # "not for ...", "not Clinton": no statement negated
    scope = [_root(w) for w, _ in rest if _content(w)][:_SCOPE_WORDS]
    names = frozenset(root for root, capital in zip(roots, capitals) if capital)
    return _Negation(_root(head[0]), frozenset(scope), frozenset(roots), names, pronoun, denied)


def _denies_statement(claim: Claim) -> bool:
    """Whether a claim with the cue "deny" denies a statement ("denied that she had favoured ...",
    "denied it happened"), rather than denies someone something ("to deny Donald Trump the
    nomination") or denies a noun ("denied the charges")."""
    first = next(iter(_PIECE.findall(claim.text)), "").casefold()
    return first in _SUBJECT_PRONOUNS or _DENIED_THAT.search(claim.sentence or "") is not None


def _reading(briefing: Briefing, claim: Claim, day: date | None) -> _Reading:
    denial = (claim.cue or "") in _DENIAL_CUES and _denies_statement(claim)
    clauses, negations, surface = _read_clauses(claim.text, denial)
    claimant = fold_space(claim.claimant).casefold()
    return _Reading(
        index=0,
        slug=briefing.slug,
        claim=claim,
        day=day,
        date=day.isoformat() if day else None,
        publisher=briefing.article.publisher,
        words=frozenset(root for clause in clauses for root in clause.roots),
        surface=surface,
        clauses=clauses,
        negations=negations,
        denial=denial,
        figures=_figures(claim.text),
        years=frozenset(_YEAR.findall(claim.text)),
        claimant=claimant,
        claimant_words=frozenset(_root(w) for w in normalise(claim.claimant).split() if _content(w)),
        names=frozenset(root for clause in clauses for root, capital in zip(clause.roots, clause.capitals) if capital)
        | {_root(word) for name in claim.about for word in normalise(name).split() if _content(word)},
    )


def _figures(text: str) -> dict[str, _Figure]:
    """The figures of a claim by unit, the word after the figure ("3,200 people" -> people: 3200;
    "four percent", "4 per cent" and "4%" -> percent: 4). A unit given two different figures is
    left out; years and dates are not figures."""
    lower = text.lower()
    if _ANY_NUMBER.search(lower) is None:
        return {}
    tokens = _TOKEN.findall(lower.replace("’", "'"))
    found: dict[str, list[_Figure]] = defaultdict(list)
    position = 0
    while position < len(tokens):
        value, width = _number_at(tokens, position)
        if value is None:
            position += 1
            continue
        token, end = tokens[position], position + width
        previous = tokens[position - 1] if position else ""
        following = tokens[end] if end < len(tokens) else ""
        if token.endswith("%"):
            unit, shown = "percent", tokens[position:end]
        elif following == "percent" or (following == "per" and end + 1 < len(tokens) and tokens[end + 1] == "cent"):
            unit, shown = "percent", [*tokens[position:end], "percent"]
        elif (_content(following) or following in _COUNTED) and following not in _NOT_UNITS:
            unit, shown = _root(following), [*tokens[position:end], following]
        else:
            unit = ""
        is_year = width == 1 and _YEAR.fullmatch(token) is not None
        if unit and not is_year and previous not in _MONTHS:
            low, high, bound = _bounds(tokens, position, value)
            near = [*tokens[max(0, position - _FRAME) : position], *tokens[end + 1 : end + 1 + _FRAME]]
            frame = frozenset(_root(t) for t in near if _content(t))
            unit_word = "percent" if unit == "percent" else following
            found[unit].append(_Figure(value, low, high, " ".join([*bound, *shown]), unit_word, frame))
        position = end
    return {unit: figures[0] for unit, figures in found.items() if len({f.value for f in figures}) == 1}


def _number_at(tokens: list[str], position: int) -> tuple[float | None, int]:
    """The number that starts at `tokens[position]` ("3,200", "4%", "two million", "twenty-five",
    "a dozen"), and how many tokens it takes; (None, 0) when none does."""
    token = tokens[position].rstrip("%")
    if token[0].isdigit():
        value = float(token.replace(",", ""))
    elif token in _NUMBER_WORDS:
        value = float(_NUMBER_WORDS[token])
    elif "-" in token and all(part in _NUMBER_WORDS for part in token.split("-")):
        value = float(sum(_NUMBER_WORDS[part] for part in token.split("-")))
    else:
        return None, 0
    width = 1
    while position + width < len(tokens) and tokens[position + width] in _SCALES and not tokens[position].endswith("%"):
        value *= _SCALES[tokens[position + width]]
        width += 1
    return value, width


def _bounds(tokens: list[str], position: int, value: float) -> tuple[float, float, list[str]]:
    """The range a figure allows by the words before it: "at least 6" is 6 or more, "about 3,000"
    within a tenth of it, a round figure ("3,000", "two million") within a twentieth."""
    before = " " + " ".join(tokens[max(0, position - 3) : position])
    for phrases, low, high in ((_AT_LEAST, 1.0, math.inf), (_AT_MOST, 0.0, 1.0), (_ABOUT, 0.9, 1.1)):
        for phrase in phrases:
            if before.endswith(" " + phrase):
                return value * low, value * high, phrase.split()
    if value >= 100 and value % 100 == 0:
        return value * 0.95, value * 1.05, []
    return value, value, []


# Pairs ------------------------------------------------------------------------------------------------


@cycle_collection_paused()
def find_contradictions(
    briefings: Iterable[Briefing],
    stories: list[Story],
    records: list[ClaimRecord] | None = None,
    settings: ContradictionSettings | None = None,
    stats: dict | None = None,
) -> list[Contradiction]:
    """The contradictions of each story (see the module's docstring), story by story in the order
    of `stories`, each story's pairs in date order of their first claim. `records` are the claim
    records of the same briefings: two appearances of one record are one claim. `stats`, when
    given, receives `claims` (the claims of the stories), `pairs_compared` (the pairs of claims
    whose words were compared: the cost that must stay far below all pairs) and `contradictions`."""
    settings = settings or ContradictionSettings()
    by_slug = {b.slug: b for b in briefings}
    record_of = {member: record.id for record in records or [] for member in record.members}
    found: list[Contradiction] = []
    claims = compared = 0
    for story in stories:
        readings = _story_readings(story, by_slug)
        claims += len(readings)
        pairs, count = _story_pairs(readings, record_of, settings)
        compared += count
        found.extend(Contradiction(story.slug, first, second, reason, point) for first, second, reason, point in pairs)
    if stats is not None:
        stats.update(claims=claims, pairs_compared=compared, contradictions=len(found))
    return found


def _story_readings(story: Story, by_slug: dict[str, Briefing]) -> list[_Reading]:
    readings: list[_Reading] = []
    for slug in story.briefings:
        briefing = by_slug.get(slug)
        if briefing is None:
            continue
        day = iso_day(briefing.article.published or briefing.article.original_published)
        readings.extend(_reading(briefing, claim, day) for claim in briefing.claims)
    readings.sort(key=lambda r: r.sort_key)
    for index, reading in enumerate(readings):
        reading.index = index
    return readings


def _story_pairs(
    readings: list[_Reading], record_of: dict[tuple[str, str], str], settings: ContradictionSettings
) -> tuple[list[tuple[ClaimSide, ClaimSide, Reason, str]], int]:
    """The contradicting pairs among one story's claims, and how many pairs were compared."""
    by_word: dict[str, list[int]] = defaultdict(list)
    by_unit: dict[str, list[int]] = defaultdict(list)
    for reading in readings:
        for word in reading.words:
            by_word[word].append(reading.index)
        for unit in reading.figures:
            by_unit[unit].append(reading.index)

    def near(indexes: list[int], index: int) -> list[int]:
        """At most `max_candidates` of `indexes` (ascending: in date order), those nearest to `index`."""
        if len(indexes) <= settings.max_candidates:
            return indexes
        start = bisect.bisect_left(indexes, index) - settings.max_candidates // 2
        start = max(0, min(start, len(indexes) - settings.max_candidates))
        return indexes[start : start + settings.max_candidates]

    candidates: dict[tuple[int, int], None] = {}  # an ordered set of (earlier, later)
    for reading in readings:
        keys = [by_word[negation.head] for negation in reading.negations]
        keys.extend(by_unit[unit] for unit in reading.figures)
        for indexes in keys:
            for other in near(indexes, reading.index):
                if other != reading.index:
                    candidates[(min(other, reading.index), max(other, reading.index))] = None

    pairs: list[tuple[ClaimSide, ClaimSide, Reason, str]] = []
    for i, j in candidates:
        a, b = readings[i], readings[j]
        if not _comparable(a, b, record_of, settings):
            continue
        point = _negated(a, b, settings) or _negated(b, a, settings)
        if point is not None:
            pairs.append((a.side(), b.side(), "negation", point))
        elif (point := _figure_conflict(a, b, settings)) is not None:
            pairs.append((a.side(), b.side(), "figures", point))
    return pairs, len(candidates)


def _comparable(a: _Reading, b: _Reading, record_of: dict[tuple[str, str], str], settings: ContradictionSettings) -> bool:
    """Whether two claims may contradict each other at all: not one claim twice, not one
    claimant's two claims in one briefing, about the same named actors, sharing enough words."""
    if a.slug == b.slug and (not settings.same_briefing or a.claimant == b.claimant):
        return False
    record = record_of.get((a.slug, a.claim.id))
    if record is not None and record == record_of.get((b.slug, b.claim.id)):
        return False
    return len(a.words & b.words) >= settings.min_shared


def _negated(negative: _Reading, positive: _Reading, settings: ContradictionSettings) -> str | None:
    """What `negative` negates or denies that one clause of `positive` states, in `positive`'s
    words; None when it negates nothing `positive` states."""
    if positive.denial:
        return None
    for negation in negative.negations:
        for clause in positive.clauses:
            stated = clause.stated()
            if negation.head not in stated:
                continue
            shared = negation.scope & stated
            if len(shared) < (settings.min_shared if negation.denied else 2) or len(shared) < settings.min_scope_share * len(negation.scope):
                continue
            start = _window(clause, shared)
            if start is not None:
                start = clause.roots.index(negation.head, start)  # what precedes the stated head is its subject
            if start is not None and _same_subject(negation.subject, negation.names, negation.pronoun, clause, start, negative, positive):
                return _point(positive, shared)
    return None


def _window(clause: _Clause, shared: frozenset[str]) -> int | None:
    """Where the shortest run of the clause's stated words holding all of `shared` starts, when
    it is at most two words longer than `shared` (the same statement, not words scattered over a
    long clause); else None."""
    roots = clause.roots[: clause.stated_until]
    best: tuple[int, int] | None = None
    counts: dict[str, int] = defaultdict(int)
    covered = left = 0
    for right, root in enumerate(roots):
        if root in shared:
            counts[root] += 1
            covered += counts[root] == 1
        while covered == len(shared):
            if best is None or right - left < best[1] - best[0]:
                best = (left, right)
            gone = roots[left]
            if gone in shared:
                counts[gone] -= 1
                covered -= counts[gone] == 0
            left += 1
    if best is None or best[1] - best[0] + 1 > len(shared) + 2:
        return None
    return best[0]


def _same_subject(
    subject: frozenset[str], names: frozenset[str], pronoun: str | None, clause: _Clause, start: int, negative: _Reading, positive: _Reading
) -> bool:
    """Whether the negated and the stated words are said of the same someone: the names before the
    stated words ("Coca-Cola's funding ...", "Defence Minister Corinne Aubel ...") are among what
    precedes the negation or the negating claimant's name, the names before the negation among
    what precedes the stated words or the stating claimant's name, and when both are preceded by
    words, some are the same ("military officers understand" and "the candidates don't understand"
    are about different people), and the pronouns before them are the same ("he won't vote" and
    "they would vote" are about different people)."""
    before = frozenset(clause.roots[:start])
    stated_names = frozenset(root for root, capital in zip(clause.roots[:start], clause.capitals[:start]) if capital)
    if stated_names and not stated_names & (negative.words | negative.claimant_words):
        return False
    if names and not names & (before | positive.claimant_words):
        return False
    stated_pronoun = clause.pronoun_before(start)
    if pronoun and stated_pronoun and pronoun != stated_pronoun:
        return False
    if subject and before and not (subject | negative.claimant_words) & (before | positive.claimant_words):
        return False
    return True


def _point(reading: _Reading, words: frozenset[str]) -> str:
    """The words of `reading` among `words`, in its order, as it writes them."""
    seen: list[str] = []
    for clause in reading.clauses:
        for root in clause.roots:
            if root in words and root not in seen:
                seen.append(root)
    return " ".join(reading.surface[root] for root in seen)


def _figure_conflict(a: _Reading, b: _Reading, settings: ContradictionSettings) -> str | None:
    """The unit and the two figures when `a` and `b` count the same thing with figures that cannot
    both hold, published at most `figure_days` apart; None otherwise."""
    if a.day is not None and b.day is not None and abs((a.day - b.day).days) > settings.figure_days:
        return None
    if a.years != b.years:
        return None
    names_a, names_b = a.names - b.claimant_words, b.names - a.claimant_words
    if names_a and names_b and not names_a & names_b:
        return None  # "Poland's economy grew by 2.5 per cent", "Kenya's economy grew by 4.5 per cent"
    for unit in sorted(a.figures.keys() & b.figures.keys()):
        fa, fb = a.figures[unit], b.figures[unit]
        if fa.low <= fb.high and fb.low <= fa.high:
            continue  # they can both hold
        context = (a.words & b.words) - {unit}
        shorter = min(len(a.words - {unit}), len(b.words - {unit}))
        if fa.frame & fb.frame and len(context) >= settings.min_figure_context and len(context) >= settings.min_figure_share * shorter:
            return f"{fa.unit}: {fa.text} / {fb.text}"
    return None


__all__ = ["ClaimSide", "Contradiction", "ContradictionSettings", "find_contradictions"]
