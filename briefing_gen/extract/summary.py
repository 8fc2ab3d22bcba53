"""Extractive summary and key points.

Sentences are scored by centrality (degree centrality over a graph of sentence similarity, as in
LexRank), by position (news puts the essentials first), and by how much of the article's main
actors and claims they cover. Redundant sentences are skipped (maximal marginal relevance), and the
chosen whole sentences are returned in article order.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span

from briefing_gen.extract.actors import ActorSet
from briefing_gen.extract.parse import ParsedArticle
from briefing_gen.model import Claim

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


# News is written in the inverted pyramid: the lead carries the story, so position dominates and
# centrality only breaks ties and skips weak or redundant lead sentences. Analysis builds its case
# across the piece, so the sentences most similar to the rest of it carry the argument.
NEWS = SummaryWeights(centrality=1.0, position=12.0, coverage=0.0, min_sentences=3, max_sentences=5, words_per_sentence=22)
ANALYSIS = SummaryWeights(
    centrality=1.0, position=0.7, coverage=0.5, min_sentences=3, max_sentences=5, words_per_sentence=40, claims=0.8, fill=True
)


def summary_length(sentence_count: int, weights: SummaryWeights) -> int:
    """The most sentences a summary of this article may have: 3 for a short piece, up to 5."""
    if sentence_count <= 15:
        return weights.min_sentences
    return min(weights.max_sentences, weights.min_sentences + (1 if sentence_count <= 40 else 2))


def weights_for(genre: str) -> SummaryWeights:
    return ANALYSIS if genre == "analysis" else NEWS


def word_budget(weights: SummaryWeights, article_words: int) -> float:
    """Enough words for the minimum number of sentences, growing slowly with the article."""
    return weights.min_sentences * weights.words_per_sentence * (1 + min(1.0, article_words / 4000))


def summarise(
    parsed: ParsedArticle,
    actors: ActorSet,
    claims: list[Claim],
    weights: SummaryWeights | None = None,
) -> list[str]:
    weights = weights or weights_for(parsed.article.genre)
    sentences = bounded([s for s in parsed.sentences if is_summary_candidate(s)])
    if len(sentences) <= weights.min_sentences:
        return [clean_sentence(s.text) for s in sentences]
    vectors = sentence_vectors(sentences)
    centrality = degree_centrality(vectors @ vectors.T)
    position = np.array([1.0 / (1 + i) for i in range(len(sentences))])
    coverage = actor_coverage(sentences, actors)
    score = (
        weights.centrality * _normalise(centrality)
        + weights.position * _normalise(position)
        + weights.coverage * _normalise(coverage)
        + weights.claims * _normalise(claim_coverage(sentences, claims, actors))
    )
    budget = word_budget(weights, len(parsed.doc))
    limit = summary_length(len(sentences), weights)
    minimum = limit if weights.fill else weights.min_sentences
    chosen = select_diverse(score, vectors, [len(s) for s in sentences], minimum, limit, budget)
    return [clean_sentence(sentences[i].text) for i in sorted(chosen)]


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
    if text[0].islower():
        return False
    return True


def clean_sentence(text: str) -> str:
    return " ".join(text.split())


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
    held = [" ".join(c.sentence.split()) for c in claims if c.claimant in main and c.sentence]
    texts = [" ".join(s.text.split()) for s in sentences]
    return np.array([sum(1 for h in held if text in h) for text in texts], dtype=float)


def select_diverse(
    score: np.ndarray,
    vectors: np.ndarray,
    lengths: list[int],
    minimum: int,
    maximum: int,
    budget: float,
    redundancy: float = 0.6,
) -> list[int]:
    """Best-scoring sentences, skipping near-repeats, until the minimum count and the word budget
    are both met (or the maximum count is reached)."""
    chosen: list[int] = []
    words = 0
    for index in np.argsort(-score, kind="stable"):
        if len(chosen) >= maximum or (len(chosen) >= minimum and words >= budget):
            break
        if any(float(vectors[index] @ vectors[other]) > redundancy for other in chosen):
            continue
        chosen.append(int(index))
        words += lengths[index]
    return chosen


def _normalise(values: np.ndarray) -> np.ndarray:
    span = values.max() - values.min()
    return (values - values.min()) / span if span > 0 else np.zeros_like(values)


def key_points(claims: list[Claim], summary: list[str], actors: ActorSet, limit: int = 5) -> list[str]:
    """Three to five short bullets for the briefing's top box: the main actors' claims in a compact
    form ("Russia: ..."), one per claimant, topped up with summary sentences."""
    rank = {a.name: i for i, a in enumerate(actors.actors)}
    candidates = [c for c in claims if c.claimant != "author" and c.kind in {"quote", "statement", "statistic"}]
    candidates = [c for c in candidates if len(_claim_gist(c).split()) >= 7]
    # Named actors first (by salience), clauses before whole sentences, earlier before later.
    candidates.sort(key=lambda c: (rank.get(c.claimant, len(rank) + 1), c.text == c.sentence, c.paragraph))
    points: list[str] = []
    used: set[str] = set()
    for claim in candidates:
        if claim.claimant in used or len(points) >= limit - 1:
            continue
        used.add(claim.claimant)
        gist = _shorten(_claim_gist(claim), 20)
        points.append(f"{claim.claimant}: “{gist}”" if claim.kind == "quote" else f"{claim.claimant}: {gist}")
    for sentence in summary:
        if len(points) >= 3:
            break
        shortened = _shorten(sentence, 24)
        if not any(shortened[:30] in point for point in points):
            points.append(shortened)
    points.sort(key=lambda point: 0 if ":" in point.split(" ")[0] or point.split(":")[0] in used else 1)
    return points[:limit]


def _claim_gist(claim: Claim) -> str:
    text = claim.text.strip(_QUOTE_CHARS + " ,;.")
    text = re.sub(r"^(?:that|how|whether)\s+", "", text, flags=re.IGNORECASE)
    if claim.kind == "quote":
        return text
    return text[:1].upper() + text[1:] if text else text


def _shorten(text: str, max_words: int) -> str:
    text = text.strip(_QUOTE_CHARS + " ,;")
    words = text.split()
    if len(words) <= max_words:
        return text
    return " ".join(words[:max_words]).rstrip(",;:") + "…"
