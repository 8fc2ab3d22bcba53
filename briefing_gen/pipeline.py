"""The stages wired together: find sources, read them, give each a slug, extract briefings."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from briefing_gen.extract import extract_parsed, parse_many
from briefing_gen.model import Article, Briefing, ReadError
from briefing_gen.readers import ArticleError, ReaderRegistry
from briefing_gen.reference import ReferenceIndex, load_reference
from briefing_gen.slugs import SlugAllocator


@dataclass
class Outcome:
    """What became of one source file: a briefing or an error, never silence."""

    source: str
    briefing: Briefing | None = None
    error: str | None = None

    def to_dict(self) -> dict:
        if self.briefing is not None:
            return self.briefing.to_dict()
        return ReadError(source=self.source, error=self.error or "unknown error").to_dict()


@dataclass
class ReadResult:
    articles: list[tuple[Path, Article]] = field(default_factory=list)
    errors: list[Outcome] = field(default_factory=list)


def find_sources(folder: Path, registry: ReaderRegistry) -> tuple[list[Path], list[Outcome]]:
    """Every article file under `folder`, sorted so slugs are allocated in a stable order.

    Files with an extension no reader handles are reported, not silently skipped; hidden files
    and the `EXPECTED.md`-style notes an example folder may hold are still articles if readable.
    """
    sources: list[Path] = []
    skipped: list[Outcome] = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_dir():
            if path.suffix.lower() in registry.extensions:
                skipped.append(Outcome(source=str(path), error="is a folder, not an article file"))
            continue
        if path.suffix.lower() in registry.extensions:
            sources.append(path)
        else:
            skipped.append(Outcome(source=str(path), error=f"not an article: no reader for '{path.suffix or 'no extension'}' files"))
    return sources, skipped


def read_articles(paths: list[Path], registry: ReaderRegistry, sources: list[str] | None = None, max_bytes: int | None = None) -> tuple[list[Outcome], dict[int, Article]]:
    outcomes: list[Outcome] = []
    articles: dict[int, Article] = {}
    for index, path in enumerate(paths):
        source = sources[index] if sources else str(path)
        try:
            articles[index] = registry.read(path, source=source, max_bytes=max_bytes)
            outcomes.append(Outcome(source=source))
        except ArticleError as error:
            outcomes.append(Outcome(source=source, error=str(error)))
        except (UnicodeError, ValueError) as error:
            outcomes.append(Outcome(source=source, error=f"cannot read article: {error}".splitlines()[0]))
    return outcomes, articles


def extract_outcomes(
    paths: list[Path],
    reference: ReferenceIndex | None = None,
    registry: ReaderRegistry | None = None,
    sources: list[str] | None = None,
    reserved_slugs: set[str] | None = None,
) -> Iterator[Outcome]:
    """Read and extract each path, yielding one `Outcome` per path in input order.

    Articles are parsed in batches and each briefing is yielded as soon as it is ready, so memory
    holds one batch of parsed documents, not the whole collection.
    """
    registry = registry or ReaderRegistry()
    reference = reference or load_reference()
    outcomes, articles = read_articles(paths, registry, sources)
    allocator = SlugAllocator(reserved_slugs)
    slugs = {index: allocator.allocate(article.title, article.source) for index, article in articles.items()}
    ordered = sorted(articles)
    parsed_iter = parse_many([articles[i] for i in ordered])
    parsed_by_index = {}
    next_parse = 0
    for index, outcome in enumerate(outcomes):
        if index in articles:
            while index not in parsed_by_index:
                parsed_by_index[ordered[next_parse]] = next(parsed_iter)
                next_parse += 1
            parsed = parsed_by_index.pop(index)
            outcome.briefing = extract_parsed(parsed, reference, slugs[index])
        yield outcome


def extract_many(paths: list[Path]) -> list[dict]:
    """The JSON contract for each path, in input order (used by `extract --json` and `eval/`)."""
    return [outcome.to_dict() for outcome in extract_outcomes([Path(p) for p in paths])]
