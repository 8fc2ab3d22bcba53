"""Extraction in parallel: one worker process per core, sharing the spaCy model this process loaded.

Where processes are forked (Linux), this process loads the model before it starts the workers, so
each worker has it at once, in memory shared with this process, instead of importing spaCy and
loading the model again (about a second of CPU per worker, the same wall time as this process's one
load, as the workers would load theirs side by side). Articles go to the workers in small chunks, a
few chunks ahead of what has been handed back, and the briefings come back in input order as soon as
each is ready. Parsed documents stay inside the workers (only briefings cross back), so memory holds
a batch of parsed documents per worker, never the collection's. With one job, or too few articles
to share, everything runs in this process.
"""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Iterator

from briefing_gen.extract.reference import ReferenceIndex
from briefing_gen.model import Article, Briefing
from briefing_gen.whitespace import fold_space

CHUNK = 8  # articles per task: one nlp.pipe batch
AHEAD = 2  # chunks in flight per worker
MIN_PARALLEL = 24  # fewer articles are extracted here: starting workers would cost more than it saves


def default_jobs() -> int:
    """All the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# An extractor's bug on one hostile article must not stop the build for the rest: these become
# that article's error, reported like a file that cannot be read.
EXTRACTION_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError)


@dataclass
class ExtractionFailed:
    message: str


def extract_articles(
    articles: list[Article], reference: ReferenceIndex, jobs: int | None = None
) -> Iterator[Briefing | ExtractionFailed]:
    """One briefing per article (with an empty slug), or why it failed, in order, using up to
    `jobs` processes."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    workers = min(jobs, (len(articles) + CHUNK - 1) // CHUNK) if len(articles) >= MIN_PARALLEL else 1
    if workers <= 1:
        yield from _extract_here(articles, reference)
        return
    chunks = [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]
    context = _context()
    if context.get_start_method() == "fork":
        from briefing_gen.extract.parse import load_nlp

        load_nlp()  # here, once: the forked workers inherit it
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(reference,)) as pool:
        pending: deque = deque()
        next_chunk = 0
        try:
            while next_chunk < len(chunks) or pending:
                while next_chunk < len(chunks) and len(pending) < workers * AHEAD:
                    pending.append(pool.submit(_extract_chunk, chunks[next_chunk]))
                    next_chunk += 1
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _context():
    """Fork where there is fork: workers start at once, sharing what is already imported and loaded
    (the spaCy model included), and the caller's main module need not be importable (spawn re-runs a
    script without a `__main__` guard). Loading the model starts no thread, and the pool forks all
    its workers before starting its own, so no worker is forked while another thread holds a lock."""
    from multiprocessing import get_all_start_methods

    return get_context("fork" if "fork" in get_all_start_methods() else "spawn")


def _extract_here(articles: list[Article], reference: ReferenceIndex, limit_threads: bool = True) -> Iterator[Briefing | ExtractionFailed]:
    if not articles:
        return
    from contextlib import nullcontext

    from threadpoolctl import threadpool_limits

    from briefing_gen.extract.briefing import extract_parsed
    from briefing_gen.extract.parse import parse_many

    # One BLAS thread: the summaries' matrices are small, and OpenBLAS's extra threads spin while
    # they wait, taking a core from the parser (a fifth of the time on two cores, more with workers).
    with threadpool_limits(limits=1, user_api="blas") if limit_threads else nullcontext():
        for parsed in parse_many(articles):
            try:
                yield extract_parsed(parsed, reference, "")
            except EXTRACTION_ERRORS as error:
                detail = fold_space(str(error))[:200]
                yield ExtractionFailed(f"extraction failed: {type(error).__name__}{': ' + detail if detail else ''}")


_REFERENCE: ReferenceIndex | None = None


def _start_worker(reference: ReferenceIndex) -> None:
    global _REFERENCE
    from threadpoolctl import threadpool_limits

    from briefing_gen.extract.parse import load_nlp

    _REFERENCE = reference
    threadpool_limits(limits=1, user_api="blas")  # for the worker's life (see _extract_here)
    load_nlp()  # a forked worker has it already


def _extract_chunk(articles: list[Article]) -> list[Briefing | ExtractionFailed]:
    assert _REFERENCE is not None, "the worker was started without its reference data"
    return list(_extract_here(articles, _REFERENCE, limit_threads=False))
