"""The same article saved twice (byte-identical, or reposted by another site with its own furniture)
becomes one briefing that lists every copy.

Articles are compared by their normalised text (the readers' paragraphs, lowercased words), as
sets of five-word shingles. MinHash signatures with locality-sensitive banding propose candidate
pairs without comparing every article with every other; each candidate pair is then checked on the
shingles themselves: the two are the same article when most of the shorter one's shingles are in
the longer one and neither is much longer than the other.

Which copy is kept is decided by the articles alone, never by the order files are found: the
original over a repost (an article naming another original source), then the earliest date, then
the file path. The kept article records the others in `also_published`.

The MinHash is our own rather than `datasketch`'s (2.0.0), because its `MinHash.update_batch` holds
a shingles x permutations matrix: on a 7 MB text (1.2 million shingles) it peaked at 1.33 GB
(tracemalloc; 1.58 GB resident) against 0.10 GB (0.35 GB) for the chunked `signature` below. Fed in
chunks of the same size it needs as little memory, but then saves only 0.2-0.3 s per million
shingles (0.33-0.58 s against 0.51-0.85 s, beside 0.7-1.1 s to make the shingles) while adding SciPy
(113 MB installed, 0.6 s more to import), and its `MinHashLSH` would replace only the banding loop of
`find_duplicates`.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from briefing_gen.model import AlsoPublished, Article

SHINGLE_WORDS = 5
MIN_WORDS = 30  # shorter texts are only merged when their text is identical
PERMUTATIONS = 126
BAND_ROWS = 3  # 42 bands of 3 rows: pairs sharing half their shingles are almost surely candidates
SAME_ARTICLE = 0.8  # share of the shorter text's shingles found in the longer
MIN_LENGTH_RATIO = 0.5  # an excerpt of a much longer article is not the same article

_PRIME = (1 << 31) - 1
_rng = np.random.default_rng(20310314)
_A = _rng.integers(1, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


@dataclass
class Merge:
    """One article merged into another; `line()` is what the build reports."""

    kept: str
    merged: str
    similarity: float

    def line(self) -> str:
        return f"duplicate: {self.merged} is the same article as {self.kept} ({self.similarity:.0%} of the text shared); merged into it"


def words(article: Article) -> list[str]:
    return _WORD.findall(" ".join(p.text for p in article.paragraphs).lower())


def shingles(tokens: list[str], size: int = SHINGLE_WORDS) -> set[int]:
    if len(tokens) < size:
        return {zlib.crc32(" ".join(tokens).encode("utf-8"))} if tokens else set()
    return {zlib.crc32(" ".join(tokens[i:i + size]).encode("utf-8")) for i in range(len(tokens) - size + 1)}


SIGNATURE_CHUNK = 8192  # shingles hashed at once: 126 x 8192 x 8 bytes, 8 MB, whatever the text's length


def signature(hashes: set[int]) -> np.ndarray:
    """The MinHash signature: for each permutation, the least hash of any shingle. Computed over
    chunks of the shingles, so a long text (a million shingles) needs megabytes, not gigabytes."""
    values = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    least = np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(values), SIGNATURE_CHUNK):
        chunk = values[start:start + SIGNATURE_CHUNK]
        np.minimum(least, ((_A[:, None] * chunk[None, :] + _B[:, None]) % _PRIME).min(axis=1), out=least)
    return least


def similarity(first: set[int], second: set[int]) -> float:
    """Share of the smaller shingle set found in the larger; 0 when their sizes are too far apart."""
    small, large = sorted((len(first), len(second)))
    if not small or small < large * MIN_LENGTH_RATIO:
        return 0.0
    return len(first & second) / small


def find_duplicates(articles: list[Article]) -> list[tuple[int, int, float]]:
    """Pairs of indices `(i, j, similarity)` of articles that are the same article."""
    tokens = [words(a) for a in articles]
    sets = [shingles(t) for t in tokens]
    candidates: set[tuple[int, int]] = set()
    exact: dict[str, int] = {}
    buckets: dict[tuple, list[int]] = {}
    for index, text_words in enumerate(tokens):
        key = " ".join(text_words)
        if key in exact:
            candidates.add((exact[key], index))
        else:
            exact[key] = index
        if len(text_words) < MIN_WORDS or not sets[index]:
            continue
        sig = signature(sets[index])
        for band in range(PERMUTATIONS // BAND_ROWS):
            bucket = buckets.setdefault((band, sig[band * BAND_ROWS:(band + 1) * BAND_ROWS].tobytes()), [])
            candidates.update((other, index) for other in bucket)
            bucket.append(index)
    pairs = []
    for i, j in sorted(candidates):
        if tokens[i] and tokens[i] == tokens[j]:
            pairs.append((i, j, 1.0))
        elif min(len(tokens[i]), len(tokens[j])) >= MIN_WORDS and (score := similarity(sets[i], sets[j])) >= SAME_ARTICLE:
            pairs.append((i, j, score))
    return pairs


def _is_repost(article: Article) -> bool:
    """The article names another original source than its own publisher."""
    def fold(text: str | None) -> str:
        return re.sub(r"\W+", "", (text or "").lower())

    return bool(article.original_source) and fold(article.original_source) != fold(article.publisher)


def preference(article: Article) -> tuple:
    """Sort key of the copy to keep: the original, then the earliest date, then the path."""
    return (_is_repost(article), article.published or "9999-99-99", article.source)


def merge_duplicates(articles: list[Article]) -> tuple[list[int], list[Merge]]:
    """Merge each group of copies into its preferred article (which records the others in
    `also_published`); return the indices of the articles kept, in input order, and the merges."""
    pairs = find_duplicates(articles)
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    score: dict[tuple[int, int], float] = {}
    for i, j, value in pairs:
        parent[root(i)] = root(j)
        score[(i, j)] = value
    groups: dict[int, list[int]] = {}
    for index in range(len(articles)):
        groups.setdefault(root(index), []).append(index)
    kept_indices: list[int] = []
    merges: list[Merge] = []
    for members in groups.values():
        kept = min(members, key=lambda i: preference(articles[i]))
        kept_indices.append(kept)
        for other in sorted((m for m in members if m != kept), key=lambda i: preference(articles[i])):
            copy = articles[other]
            articles[kept].also_published.append(AlsoPublished(source=copy.source, publisher=copy.publisher or copy.original_source, published=copy.published, url=copy.url))
            articles[kept].also_published.extend(copy.also_published)
            value = score.get((min(kept, other), max(kept, other))) or _group_similarity(articles[kept], copy)
            merges.append(Merge(kept=articles[kept].source, merged=copy.source, similarity=value))
    return sorted(kept_indices), merges


def _group_similarity(first: Article, second: Article) -> float:
    """For members joined through a third copy: their own similarity, for the report."""
    return similarity(shingles(words(first)), shingles(words(second)))


class _PreRead:
    """A reader registry that hands out articles already read (and merged), reading the rest."""

    def __init__(self, registry, articles: dict[Path, Article]):
        self._registry = registry
        self._articles = articles

    def __getattr__(self, name):
        return getattr(self._registry, name)

    def read(self, path: Path, source: str | None = None, max_bytes: int | None = None) -> Article:
        article = self._articles.get(Path(path))
        if article is not None:
            return article
        return self._registry.read(path, source=source, max_bytes=max_bytes)


def merge_duplicate_files(paths: list[Path], registry, progress=lambda message: None) -> tuple[list[Path], Any, list[Merge]]:
    """Read every file once, merge duplicates, and return the paths still to build, a registry
    that serves the articles already read (so nothing is read twice) and the merges made."""
    from briefing_gen.readers import ArticleError

    read: dict[Path, Article] = {}
    for path in paths:
        try:
            read[path] = registry.read(path, source=str(path))
        except (ArticleError, UnicodeError, ValueError):
            continue  # reported when the build reads it again
    order = list(read)
    kept, merges = merge_duplicates([read[p] for p in order])
    dropped = {order[i] for i in range(len(order))} - {order[i] for i in kept}
    for merge in merges:
        progress(merge.line())
    return [p for p in paths if p not in dropped], _PreRead(registry, read), merges


__all__ = ["Merge", "find_duplicates", "merge_duplicates", "merge_duplicate_files", "preference", "shingles", "similarity"]
