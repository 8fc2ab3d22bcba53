"""Extractive summary and key points, chosen by genre (`extract/genre.py`), over the one parse.

- **News** (and fact-checks) put what happened first: sentences are scored by position (the
  inverted pyramid), by centrality (degree centrality over a graph of sentence similarity, as in
  LexRank) and by how much of the article's main actors and claims they cover.
- **Analysis and opinion** build towards a point: the **thesis** is the writer's own sentence that
  judges (evaluative words, "I argue", "the point is"), sums up ("Therefore", "In short"), echoes
  the title, exclaims, or closes the piece. The summary is the thesis and the sentences that best
  support it (central to the article, close to the thesis), in article order.

Either way redundant sentences are skipped (maximal marginal relevance), the chosen whole sentences
come back in article order, and every sentence stands alone: one that opens with a connective
("Second,", "However,") or a pronoun ("He", "This is") is used only right after the sentence it
leans on, or without its connective when the rest reads right ("However, talks go on." -> "Talks
go on."), or not at all.

Key points are the article's points, 3 to 5 whole sentences: for argued pieces the thesis first,
then its strongest other claims; for news the lead, then what the main actors said with the words
that attribute it ("X warned that ..."). Never a quotation fragment under a speaker's name.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span

from briefing_gen.extract.actors import ActorSet
from briefing_gen.extract.genre import ARGUED, quotation_states, word_lists
from briefing_gen.extract.parse import ParsedArticle, reporting_verbs
from briefing_gen.model import Claim
from briefing_gen.whitespace import fold_space

_QUOTE_CHARS = "\"“”‘’'«»"
_FURNITURE = re.compile(
    r"^(?:click here|read more|share this|follow us|subscribe|sign up|advertisement|related:|photo:|image:|"
    r"video:|watch:|scroll down|published:|updated:|by \.|copyright)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SummaryWeights:
    """How much each signal counts; news and analysis differ (see docs/about/summaries.md)."""

    centrality: float
    position: float
    coverage: float
    min_sentences: int
    max_sentences: int
    words_per_sentence: float  # word budget per minimum sentence, before scaling with length
    claims: float = 0.0  # weight of holding one of the article's main claims
    fill: bool = False  # always use the full length for the article, whatever the word budget
    thesis: float = 0.0  # weight of the thesis score (argued pieces)
    support: float = 0.0  # weight of similarity to the thesis (argued pieces)


# News is written in the inverted pyramid: the lead carries the story, so position dominates and
# centrality only breaks ties and skips weak or redundant lead sentences. Analysis builds its case
# across the piece: the thesis, then the sentences most central to the piece and closest to it.
NEWS = SummaryWeights(centrality=1.0, position=12.0, coverage=0.0, min_sentences=3, max_sentences=5, words_per_sentence=22)
ANALYSIS = SummaryWeights(
    centrality=1.0, position=0.4, coverage=0.3, min_sentences=3, max_sentences=5, words_per_sentence=40, claims=0.4,
    fill=True, thesis=1.2, support=0.8,
)


def summary_length(sentence_count: int, weights: SummaryWeights) -> int:
    """The most sentences a summary of this article may have: 3 for a short piece, up to 5."""
    if sentence_count <= 15:
        return weights.min_sentences
    return min(weights.max_sentences, weights.min_sentences + (1 if sentence_count <= 40 else 2))


def weights_for(genre: str) -> SummaryWeights:
    return ANALYSIS if genre in ARGUED else NEWS


def word_budget(weights: SummaryWeights, article_words: int) -> float:
    """Enough words for the minimum number of sentences, growing slowly with the article."""
    return weights.min_sentences * weights.words_per_sentence * (1 + min(1.0, article_words / 4000))


# --------------------------------------------------------------------------------------------------
# Candidates and how each opens


@dataclass
class Candidate:
    """A prose sentence that may be summarised, with what the summary needs to know of it."""

    span: Span
    order: int  # its place among all the article's sentences
    paragraph: int
    text: str  # white space folded
    leans: bool = False  # opens with a connective or pronoun that needs the sentence before it
    alone: str | None = None  # the text without its opening connective, when that stands alone
    reported: bool = False  # reports someone else's words
    question: bool = False
    thesis: float = 0.0


@lru_cache(maxsize=1)
def _phrases() -> dict:
    lists = word_lists()
    connectives = lists["connectives"]

    def pattern(phrases) -> re.Pattern:
        alternatives = sorted({re.escape(str(p).lower()) for p in phrases}, key=len, reverse=True)
        return re.compile(r"^(?:" + "|".join(alternatives) + r")(?![\w'’-])")

    with_comma = sorted({re.escape(str(w).lower()) for w in connectives["with_comma"]}, key=len, reverse=True)
    return {
        "droppable": re.compile(
            pattern(connectives["always"]).pattern + r"|^(?:" + "|".join(with_comma) + r")(?=\s*,)"
        ),
        "binding": pattern(connectives["binding"]),
        "conclusion": pattern(lists["conclusion_openers"]),
        "support": pattern(lists["support_openers"]),
        "argument": re.compile(
            r"(?<![\w-])(?:" + "|".join(sorted((re.escape(str(p).lower()) for p in lists["argument_phrases"]), key=len, reverse=True)) + r")(?![\w-])"
        ),
        "evaluative": frozenset(str(w).lower() for w in lists["evaluative"]),
        "loaded": frozenset(str(w).lower() for w in lists["loaded"]),
        "speech": frozenset(str(w).lower() for w in lists["speech_cues"]),
    }


_PERSONAL = frozenset({"he", "she", "they", "him", "her", "his", "its", "their", "them", "hers", "theirs"})
_DEMONSTRATIVE = frozenset({"this", "that", "these", "those", "such"})
_BACK_REFERENCE = re.compile(r"^(?:the latter|the former|the two|both of them|the same)\b", re.IGNORECASE)
_TIME_NOUNS = frozenset({
    "week", "weekend", "year", "month", "day", "morning", "afternoon", "evening", "night", "time", "season",
    "summer", "winter", "spring", "autumn", "fall", "decade", "century", "term", "quarter",
})


def opening(sentence: Span) -> tuple[bool, str | None]:
    """Whether the sentence leans on the one before it, and its text without the opening connective
    when that text stands alone (None when it does not, or there is nothing to take off)."""
    text = clean_sentence(sentence.text)
    lowered = text.lower()
    phrases = _phrases()
    if phrases["binding"].match(lowered) or _BACK_REFERENCE.match(text):
        return True, None
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    match = phrases["droppable"].match(lowered)
    if match:
        rest = text[match.end():].lstrip(" ,;:—–-")
        rest_words = words[len(match.group(0).split()):]
        if len(rest.split()) < 5 or not rest_words or _leans_by_pronoun(rest_words) or _pronoun_subject(rest_words):
            return True, None
        return True, rest[0].upper() + rest[1:]
    return bool(words) and (_leans_by_pronoun(words) or _pronoun_subject(words)), None


def _pronoun_subject(words: list) -> bool:
    """'In reality, it gives ...', 'After the vote, they left': an opening phrase, then a pronoun as
    the subject of the main clause, with no name before it that it could stand for."""
    for word in words[:12]:
        if word.ent_type_ or word.pos_ == "PROPN":
            return False
        if word.dep_ in {"nsubj", "nsubjpass"} and word.head.dep_ == "ROOT":
            if word.lower_ == "it":
                return not _extraposed([word, *[w for w in words if w.i > word.i]])
            return word.lower_ in _PERSONAL or (word.lower_ in _DEMONSTRATIVE and word.pos_ == "PRON")
    return False


def _leans_by_pronoun(words: list) -> bool:
    """The first word is a pronoun or demonstrative standing for something said before."""
    first = words[0]
    lower = first.lower_
    if lower in _PERSONAL:
        return True
    if lower == "it":
        return not _extraposed(words)
    if lower in _DEMONSTRATIVE:
        if first.dep_ != "det" or lower == "such":
            return True  # "This is ...", "That means ...", "Such moves ..."
        head = first.head
        if head.lemma_.lower() in _TIME_NOUNS or head.ent_type_ in {"DATE", "TIME"}:
            return False  # "This week ..."
        # "This criticism of the aggressive nationalist Obama ..." says what it is about itself.
        return not any(child.dep_ in {"prep", "relcl", "acl", "appos"} for child in head.children)
    return False


# "It is clear that ...", "It seems to ...", "It is time to ...": an "it" that stands for the clause
# after it, not for something said before. A comma before the clause ("It is clear, therefore,
# that") or an article ("It was an odd thing to say") and the "it" points back after all.
_EXTRAPOSED_IT = re.compile(
    r"^it(?:'s|’s|\s+(?:is|was|seems|seemed|appears|appeared|remains|remained|would be|will be|may be|might be|"
    r"could be|must be|has been|had been|is not|was not|isn't|wasn't))\s+(?:(?!a\b|an\b|the\b|this\b|that\b)[\w-]+\s+){0,3}?"
    r"(?:that|to|whether|how|why|if|when)\b",
    re.IGNORECASE,
)


def _extraposed(words: list) -> bool:
    """The sentence from `words[0]` ("it") on is an extraposition ("It is clear that ...")."""
    if not words:
        return False
    if words[0].dep_ == "expl":
        return True
    doc = words[0].doc
    return bool(_EXTRAPOSED_IT.match(doc[words[0].i: words[0].i + 16].text))


def is_summary_candidate(sentence: Span) -> bool:
    """Whole prose sentences only: no headings, bylines, captions, furniture or quote fragments."""
    text = sentence.text.strip()
    words = text.split()
    if len(words) < 6 or len(words) > 80:
        return False
    if not re.search(r"[.!?][\"'”’)]*$", text):
        return False
    if _FURNITURE.match(text):
        return False
    if text[0] in _QUOTE_CHARS:
        return False  # a quotation, or a fragment of one broken across sentences: not the author's prose
    if text[0] in "([":
        return False  # an aside
    if text[0].islower():
        return False
    return True


_FOOTNOTE = re.compile(r"^(?:\(\d{1,3}\)|\[\d{1,3}\])\s+")


def clean_sentence(text: str) -> str:
    """White space folded, and without a footnote mark the sentence splitter left at its start."""
    return _FOOTNOTE.sub("", fold_space(text))


def candidates_of(
    parsed: ParsedArticle, claims: list[Claim], sentences: list[Span] | None = None, quotes: list | None = None
) -> tuple[list[Candidate], list[Span]]:
    """The article's summary candidates, in order, with how each opens and whether it reports
    someone else's words; and all its sentences (`sentences` and `quotes`: the parse's sentences
    and their `genre.quotation_states`, when the caller has them already)."""
    sentences = parsed.sentences if sentences is None else sentences
    paragraphs = parsed.article.paragraphs
    introduced = _introduced(parsed, sentences)
    spoken = _speaker_offsets(parsed, claims)
    out: list[Candidate] = []
    opening_order = None  # the article's first sentence of prose: it leans on nothing
    orders = bounded(list(range(len(sentences))))
    if quotes is None:
        quotes = quotation_states(parsed, sentences) if len(orders) == len(sentences) else None
    inside = [quotes[i][1] for i in orders] if quotes is not None else [False] * len(orders)
    for order, starts_inside in zip(orders, inside):
        sentence = sentences[order]
        paragraph = parsed.paragraph_of_span(sentence)
        kind = paragraphs[paragraph].kind if paragraph < len(paragraphs) else "paragraph"
        if kind == "heading":
            continue
        if opening_order is None:
            opening_order = order
        if starts_inside or not is_summary_candidate(sentence):
            continue  # the rest of a quotation opened in a sentence before: a fragment
        text = clean_sentence(sentence.text)
        leans, alone = opening(sentence) if order != opening_order else (False, None)
        reported = (
            kind == "quote"
            or paragraph in introduced
            or bisect.bisect_left(spoken, sentence.end_char) > bisect.bisect_left(spoken, sentence.start_char)
            or _reports(sentence)
        )
        question = text.rstrip(" \"'”’)").endswith("?")
        out.append(Candidate(sentence, order, paragraph, text, leans, alone, reported, question))
    return out, sentences


_GENERIC_SPEAKERS = frozenset({"author", "one", "i", "we", "you", "someone", "anyone", "everyone"})


def _speaker_offsets(parsed: ParsedArticle, claims: list[Claim]) -> list[int]:
    """Where (sorted) the text names the speaker of words reported from someone other than the writer ("X
    said", "according to X"; not a stand such as "X praised", which the writer may go on to judge)."""
    speech = _phrases()["speech"]
    offsets = []
    for claim in claims:
        if claim.claimant.lower() in _GENERIC_SPEAKERS or claim.speaker is None or claim.paragraph >= len(parsed.paragraph_starts):
            continue
        if claim.kind == "quote" or (claim.cue or "") in speech:
            offsets.append(parsed.paragraph_starts[claim.paragraph] + claim.speaker.start)
    return sorted(offsets)


def _introduced(parsed: ParsedArticle, sentences: list[Span]) -> set[int]:
    """Paragraphs that a paragraph ending in a colon after a reporting verb introduces ("As X
    wrote on Twitter:"): someone else's words."""
    verbs = reporting_verbs()
    last: dict[int, Span] = {}
    for sentence in sentences:
        last[parsed.paragraph_of_span(sentence)] = sentence
    return {
        paragraph + 1
        for paragraph, sentence in last.items()
        if sentence.text.rstrip().endswith(":") and any(t.lemma_ in verbs and t.pos_ == "VERB" for t in sentence)
    }


def _reports(sentence: Span) -> bool:
    """The sentence reports someone's words: 'X said', 'according to X' (not the writer's 'I say')."""
    for token in sentence:
        if token.lemma_ in {"say", "tell"} and token.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not subjects or any(s.lower_ not in {"i", "we"} for s in subjects):
                return True
        if token.lower_ == "according" and token.i + 1 < sentence.end and token.doc[token.i + 1].lower_ == "to":
            return True
    return False


# The similarity matrix is quadratic in the number of candidate sentences: a huge article (a
# 20,000-paragraph dump) is summarised from its first sentences plus an even sample of the rest.
MAX_CANDIDATES = 1500


def bounded(sentences: list, limit: int = MAX_CANDIDATES) -> list:
    """At most `limit` sentences in article order: the first half of them as they are (the lead,
    where position counts most), then evenly spaced ones from the rest."""
    if len(sentences) <= limit:
        return sentences
    head = limit // 2
    rest = sentences[head:]
    step = len(rest) / (limit - head)
    return sentences[:head] + [rest[int(i * step)] for i in range(limit - head)]


# --------------------------------------------------------------------------------------------------
# Scores


def sentence_vectors(sentences: list[Span]) -> np.ndarray:
    """L2-normalised TF-IDF vectors over content-word lemmas."""
    bags = [Counter(t.lemma_.lower() for t in s if t.is_alpha and not t.is_stop and len(t) > 2) for s in sentences]
    vocabulary = {word: i for i, word in enumerate(sorted({w for bag in bags for w in bag}))}
    if not vocabulary:
        return np.eye(len(sentences))
    document_frequency = Counter(w for bag in bags for w in bag)
    n = len(sentences)
    matrix = np.zeros((n, len(vocabulary)))
    for row, bag in enumerate(bags):
        for word, count in bag.items():
            matrix[row, vocabulary[word]] = (1 + math.log(count)) * math.log((1 + n) / (1 + document_frequency[word]))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1
    return matrix / norms


def degree_centrality(similarity: np.ndarray) -> np.ndarray:
    """How much of the rest of the article each sentence echoes: the sum of its similarities.

    This is LexRank's continuous degree centrality. Unlike PageRank over row-normalised weights, a
    pair of off-topic sentences that only resemble each other cannot pass rank back and forth and
    look central.
    """
    weights = similarity.copy()
    np.fill_diagonal(weights, 0)
    return weights.sum(axis=1)


def actor_coverage(sentences: list[Span], actors: ActorSet) -> np.ndarray:
    top = {a.name: a.mentions for a in actors.actors[:8]}
    scores = []
    for sentence in sentences:
        named = {actors.actor_at(t.i) for t in sentence} - {None}
        scores.append(sum(math.log1p(top.get(name, 0)) for name in named))
    return np.array(scores, dtype=float)


def claim_coverage(sentences: list[Span], claims: list[Claim], actors: ActorSet) -> np.ndarray:
    """Sentences holding a claim by one of the main actors, or one of the author's judgements."""
    main = {a.name for a in actors.actors[:6]} | {"author"}
    held = [fold_space(c.sentence) for c in claims if c.claimant in main and c.sentence]
    texts = [fold_space(s.text) for s in sentences]
    return np.array([sum(1 for h in held if text in h) for text in texts], dtype=float)


def _stem(word: str) -> str:
    """A rough stem, enough to match a title's words to a sentence's (Empires / empire, Working /
    works)."""
    word = word.lower()
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "zes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    if word.endswith("ing") and len(word) >= 7:
        word = word[:-3]
    elif word.endswith("ed") and len(word) >= 6:
        word = word[:-2]
    return word


def title_words(title: str) -> set[str]:
    """The title's content words, stemmed (the title is not parsed: a second parse would cost more
    than the whole summary)."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]+", title or "")
    return {_stem(w) for w in words if w.lower() not in STOP_WORDS and len(w) > 2}


def thesis_scores(candidates: list[Candidate], parsed: ParsedArticle, claims: list[Claim], centrality: np.ndarray) -> np.ndarray:
    """How surely each candidate states the writer's main point (see the module's docstring)."""
    phrases = _phrases()
    title = title_words(parsed.article.title)
    judged = {fold_space(c.sentence) for c in claims if c.claimant == "author" and c.kind in {"assessment", "prediction"}}
    own = [c.paragraph for c in candidates if not c.reported and not c.question]
    first = min(c.paragraph for c in candidates)
    # The conclusion: the last two paragraphs where the writer speaks (not a closing quotation).
    closing = set(sorted(set(own))[-2:]) if len(set(own)) > 3 else set()
    central = _normalise(centrality)
    scores = []
    for index, candidate in enumerate(candidates):
        words = [t for t in candidate.span if not t.is_punct and not t.is_space]
        lowered = " ".join(t.lower_ for t in words)
        stems = {_stem(t.text) for t in words} | {_stem(t.lemma_) for t in words}
        echo = min(1.0, len(title & stems) / min(len(title), 5)) if len(title) >= 2 else 0.0
        concluding = phrases["conclusion"].match(candidate.text.lower())
        argued = lowered[concluding.end():] if concluding else lowered
        evaluative = sum(1 for t in words if t.lower_ in phrases["evaluative"] or t.lower_ in phrases["loaded"])
        evaluative += len(phrases["argument"].findall(argued))
        first_person = any(t.lower_ in {"i", "we"} and t.dep_ in {"nsubj", "nsubjpass"} and t.head.lemma_ in _OPINION_VERBS for t in words)
        end = candidate.text.rstrip(" \"'”’)")
        content = sum(1 for t in words if t.is_alpha and not t.is_stop)
        stance = (
            0.35 * min(evaluative, 3)
            + 0.6 * bool(concluding)
            + 0.6 * first_person
            + 0.6 * end.endswith("!")
            + 0.4 * (candidate.text in judged)
        )
        # Where the writer judges, the opening and the closing paragraphs are where a thesis stands;
        # a plain report of events there is the lead, not the point.
        placed = 0.4 * ((candidate.paragraph == first) + (candidate.paragraph in closing)) if stance else 0.0
        score = (
            1.0 * echo
            + stance
            + placed
            + 0.5 * central[index]
            + 0.3 * min(1.0, content / 10)
            - 0.5 * (content < 5 and echo < 0.5)  # a point says something: "The irony is hard to miss" barely does
            - 0.5 * bool(phrases["support"].match(candidate.text.lower()))
            - 1.0 * candidate.reported
            - 1.0 * candidate.question
        )
        scores.append(score)
    return np.array(scores, dtype=float)


_OPINION_VERBS = frozenset({
    "argue", "believe", "think", "regard", "contend", "suggest", "suspect", "submit", "maintain", "insist",
    "conclude", "see", "consider", "doubt", "fear", "hope", "must", "should", "need",
})


def _normalise(values: np.ndarray) -> np.ndarray:
    if not len(values):
        return values
    span = values.max() - values.min()
    return (values - values.min()) / span if span > 0 else np.zeros_like(values)


# --------------------------------------------------------------------------------------------------
# Choosing sentences that stand alone


@dataclass
class Choice:
    """Chosen candidates (indexes into the candidates) and the text each is shown with."""

    indexes: list[int] = field(default_factory=list)
    texts: dict[int, str] = field(default_factory=dict)


def _predecessor(candidates: list[Candidate], index: int) -> int | None:
    """The candidate that is the sentence right before this one in the article, if it is one."""
    if index > 0 and candidates[index - 1].order == candidates[index].order - 1:
        return index - 1
    return None


def _unit(candidates: list[Candidate], index: int, chosen: set[int], room: int) -> list[int] | None:
    """The sentences to add so that `index` reads right: itself, or the sentence it leans on and
    itself (when there is room for both), or None when it cannot stand in the summary."""
    candidate = candidates[index]
    if not candidate.leans:
        return [index]
    before = _predecessor(candidates, index)
    if before is not None and before in chosen:
        return [index]
    if candidate.alone is not None:
        return [index]
    if before is not None and room >= 2 and not candidates[before].leans:
        return [before, index]
    return None


def select(
    candidates: list[Candidate],
    score: np.ndarray,
    vectors: np.ndarray,
    minimum: int,
    maximum: int,
    budget: float,
    first: list[int] | None = None,
    redundancy: float = 0.6,
    skip_questions: bool = False,
) -> Choice:
    """Best-scoring sentences that stand alone, skipping near-repeats, until the minimum count and
    the word budget are both met (or the maximum count is reached). `first` is taken before the
    others (the thesis)."""
    chosen: list[int] = []
    words = 0
    for index in [*(first or []), *(int(i) for i in np.argsort(-score, kind="stable"))]:
        if len(chosen) >= maximum or (len(chosen) >= minimum and words >= budget):
            break
        if index in chosen or (skip_questions and candidates[index].question):
            continue
        unit = _unit(candidates, index, set(chosen), maximum - len(chosen))
        if unit is None:
            continue
        if any(float(vectors[i] @ vectors[other]) > redundancy for i in unit for other in chosen):
            continue
        chosen.extend(unit)
        words += sum(len(candidates[i].span) for i in unit)
    chosen.sort()
    return Choice(indexes=chosen, texts=_shown(candidates, chosen))


def _shown(candidates: list[Candidate], chosen: list[int]) -> dict[int, str]:
    """Each chosen sentence as shown: without its connective unless the sentence it leans on comes
    right before it."""
    picked = set(chosen)
    texts = {}
    for index in chosen:
        candidate = candidates[index]
        before = _predecessor(candidates, index)
        if candidate.leans and (before is None or before not in picked) and candidate.alone is not None:
            texts[index] = candidate.alone
        else:
            texts[index] = candidate.text
    return texts


# --------------------------------------------------------------------------------------------------
# The summary and the key points


@dataclass
class Summary:
    sentences: list[str]
    key_points: list[str]
    thesis: str | None = None  # the sentence stating the writer's main point (argued pieces)


def summarise_article(
    parsed: ParsedArticle,
    actors: ActorSet,
    claims: list[Claim],
    weights: SummaryWeights | None = None,
    sentences: list[Span] | None = None,
    quotes: list | None = None,
) -> Summary:
    """The summary and key points of one parsed article, by its genre (`sentences` and `quotes`:
    see `candidates_of`)."""
    weights = weights or weights_for(parsed.article.genre)
    candidates, _ = candidates_of(parsed, claims, sentences, quotes)
    if not candidates:
        return Summary([], [])
    spans = [c.span for c in candidates]
    vectors = sentence_vectors(spans)
    centrality = degree_centrality(vectors @ vectors.T)
    position = np.array([1.0 / (1 + i) for i in range(len(candidates))])
    score = (
        weights.centrality * _normalise(centrality)
        + weights.position * _normalise(position)
        + weights.coverage * _normalise(actor_coverage(spans, actors))
        + weights.claims * _normalise(claim_coverage(spans, claims, actors))
    )
    budget = word_budget(weights, len(parsed.doc))
    limit = summary_length(len(candidates), weights)
    minimum = limit if weights.fill else weights.min_sentences
    thesis_index = None
    first: list[int] = []
    if weights.thesis:
        thesis = thesis_scores(candidates, parsed, claims, centrality)
        for candidate, value in zip(candidates, thesis):
            candidate.thesis = float(value)
        thesis_index = _best_thesis(candidates, thesis)
        if thesis_index is not None:
            first = [thesis_index]
            score = score + weights.thesis * _normalise(thesis) + weights.support * np.clip(vectors @ vectors[thesis_index], 0, 1)
    if len(candidates) <= weights.min_sentences:  # a short piece: every sentence that can stand
        choice = select(candidates, score, vectors, len(candidates), len(candidates), 0, first=first, redundancy=1.01)
    else:
        choice = select(candidates, score, vectors, minimum, limit, budget, first=first, skip_questions=bool(weights.thesis))
    summary = [choice.texts[i] for i in choice.indexes]
    points = _argued_points(candidates, vectors, thesis_index, choice) if thesis_index is not None else _news_points(
        candidates, score, vectors, choice, claims, actors
    )
    thesis_text = choice.texts.get(thesis_index) if thesis_index is not None else None
    return Summary(summary, points, thesis_text)


def _best_thesis(candidates: list[Candidate], thesis: np.ndarray) -> int | None:
    """The best thesis that can stand in the summary (alone, without its connective, or after the
    sentence it leans on)."""
    for index in np.argsort(-thesis, kind="stable"):
        index = int(index)
        if not candidates[index].reported and not candidates[index].question and _unit(candidates, index, set(), 2) is not None:
            return index
    return None


def summarise(parsed: ParsedArticle, actors: ActorSet, claims: list[Claim], weights: SummaryWeights | None = None) -> list[str]:
    """The summary alone (the benchmarks time it this way)."""
    return summarise_article(parsed, actors, claims, weights).sentences


MAX_POINT_WORDS = 40
MAX_THESIS_WORDS = 60  # the thesis leads the key points even when it takes a long sentence to say
MIN_POINT_CONTENT_WORDS = 4  # "The irony is hard to miss." says nothing on its own
_LABELLED = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,3}:\s")  # "Scam: ...", "Andrew Moss: He will ..."


def _point_text(candidate: Candidate, most: int = MAX_POINT_WORDS) -> str | None:
    """A candidate as a key point: a whole sentence that stands alone (without its connective) and
    says something, not too long. A long one is cut at a semicolon or a dash that ends a whole
    clause; otherwise, or when it leans on the sentence before it, it is no key point."""
    text = candidate.alone if candidate.leans else candidate.text
    if text is None:
        return None
    if sum(1 for t in candidate.span if t.is_alpha and not t.is_stop) < MIN_POINT_CONTENT_WORDS:
        return None
    if _LABELLED.match(text):
        return None  # a caption or a "Name: words" line, the form a key point must not take
    text = re.sub(r"\s*\([^()]{1,80}\)", "", text)
    if len(text.split()) <= most:
        return text
    for separator in ("; ", " – ", " — ", ": "):
        head = text.split(separator)[0]
        if 10 <= len(head.split()) <= most:
            return head.rstrip(",;:") + "."
    return None


def _add_point(points: list[str], vectors_used: list[int], index: int, text: str | None, vectors: np.ndarray, limit: int) -> bool:
    if text is None or len(points) >= limit or text in points:
        return False
    if any(float(vectors[index] @ vectors[other]) > 0.5 for other in vectors_used):
        return False
    points.append(text)
    vectors_used.append(index)
    return True


def _argued_points(candidates: list[Candidate], vectors: np.ndarray, thesis_index: int, choice: Choice, limit: int = 5) -> list[str]:
    """The thesis first, then the writer's strongest other points, preferring those the summary
    does not already state."""
    points: list[str] = []
    used: list[int] = []
    ranked = [int(i) for i in np.argsort(-np.array([c.thesis for c in candidates]), kind="stable")]
    thesis = candidates[thesis_index]
    thesis_text = _point_text(thesis, MAX_THESIS_WORDS)
    if thesis_text is None:
        # The thesis leans on the sentence before it: that sentence leads when it argues too,
        # else the best point that stands alone.
        before = _predecessor(candidates, thesis_index)
        if before is not None and candidates[before].thesis >= 0.6 * thesis.thesis and _point_text(candidates[before], MAX_THESIS_WORDS):
            thesis_index = before
        else:
            thesis_index = next((i for i in ranked if _point_text(candidates[i]) and not candidates[i].reported), thesis_index)
        thesis_text = _point_text(candidates[thesis_index], MAX_THESIS_WORDS)
    _add_point(points, used, thesis_index, thesis_text, vectors, limit)
    # Then the writer's strongest other points; one the summary already states counts a little less,
    # so the two together say more.
    in_summary = set(choice.indexes)
    strength = {i: candidates[i].thesis - 0.3 * (i in in_summary) for i in ranked}
    others = sorted(
        (i for i in ranked if not candidates[i].reported and not candidates[i].question and candidates[i].thesis > 0),
        key=lambda i: -strength[i],
    )
    for index in others:
        if len(points) >= 4:
            break
        _add_point(points, used, index, _point_text(candidates[index]), vectors, limit)
    for index in ranked:  # a short piece: whatever else stands alone
        if len(points) >= 3:
            break
        if candidates[index].question:
            continue
        _add_point(points, used, index, _point_text(candidates[index]), vectors, limit)
    return points


def _news_points(
    candidates: list[Candidate], score: np.ndarray, vectors: np.ndarray, choice: Choice, claims: list[Claim], actors: ActorSet,
    limit: int = 5,
) -> list[str]:
    """The lead, then what the main actors said with the words attributing it, then the rest of
    the summary."""
    points: list[str] = []
    used: list[int] = []
    if choice.indexes:
        lead = choice.indexes[0]
        _add_point(points, used, lead, _point_text(candidates[lead]), vectors, limit)
    rank = {a.name: i for i, a in enumerate(actors.actors)}
    by_text = {c.text: i for i, c in enumerate(candidates)}
    attributed = []
    for claim in claims:
        sentence = fold_space(claim.sentence)
        if claim.claimant == "author" or claim.cue is None or claim.claimant not in rank or sentence not in by_text:
            continue
        attributed.append((rank[claim.claimant], claim.paragraph, by_text[sentence], claim.claimant))
    speakers: set[str] = set()
    for _, _, index, claimant in sorted(attributed):
        if len(points) >= limit - 1:
            break
        if claimant in speakers:
            continue
        if _add_point(points, used, index, _point_text(candidates[index]), vectors, limit):
            speakers.add(claimant)
    for index in [*choice.indexes, *(int(i) for i in np.argsort(-score, kind="stable"))]:
        if len(points) >= 3:
            break
        _add_point(points, used, index, _point_text(candidates[index]), vectors, limit)
    return points


_LEANING_WORD = re.compile(
    r"^(?:he|she|they|it|this|that|these|those|his|her|their|its|such|but|and|yet|however|also|then|so)\b", re.IGNORECASE
)


def key_points(claims: list[Claim], summary: list[str], actors: ActorSet, limit: int = 5) -> list[str]:
    """Key points without the parse (the editors' corrections recount them after dropping claims):
    the summary's sentences, then the main actors' claims as the whole sentences that attribute
    them, never a quotation fragment."""
    rank = {a.name: i for i, a in enumerate(actors.actors)}
    points: list[str] = []
    for sentence in summary[:1]:
        points.append(sentence)
    speakers: set[str] = set()
    attributed = sorted(
        (rank.get(c.claimant, len(rank)), c.paragraph, fold_space(c.sentence), c.claimant)
        for c in claims
        if c.claimant != "author" and c.cue and c.sentence and c.claimant in rank
    )
    for _, _, sentence, claimant in attributed:
        if len(points) >= limit - 1:
            break
        if claimant in speakers or sentence in points or len(sentence.split()) > MAX_POINT_WORDS:
            continue
        if sentence[:1] in _QUOTE_CHARS or not sentence[:1].isupper() or _LEANING_WORD.match(sentence):
            continue  # a quotation, the rest of one, or a sentence that needs the one before it
        speakers.add(claimant)
        points.append(sentence)
    for sentence in summary[1:]:
        if len(points) >= 3:
            break
        if sentence not in points:
            points.append(sentence)
    return points[:limit]
