"""Sources: find the article files, read them, give each a slug, extract briefings (cached or not)."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from briefing_gen.errors import ArticleError, SkipReason
from briefing_gen.extract.body import MAX_TEXT_CHARS, body_text
from briefing_gen.extract.reference import ReferenceIndex, load_reference
from briefing_gen.model import Article, Briefing, ReadError
from briefing_gen.pipeline.slugs import allocate_slugs
from briefing_gen.readers import ReaderRegistry
from briefing_gen.site.escaping import paragraph_to_markdown

if TYPE_CHECKING:
    from briefing_gen.pipeline.cache import BuildCache, CachingRegistry
    from briefing_gen.pipeline.parallel import ExtractionFailed


@dataclass
class Outcome:
    """What became of one source file: a briefing or an error, never silence."""

    source: str
    briefing: Briefing | None = None
    error: str | None = None
    extraction_key: str | None = None  # the build cache's key of the briefing (None without a cache)
    reason: SkipReason | None = None  # with an error: the kind of problem, as the closing summary counts it

    def to_dict(self) -> dict:
        if self.briefing is not None:
            return briefing_json(self.briefing)
        return ReadError(source=self.source, error=self.error or "unknown error").to_dict()


def briefing_json(briefing: Briefing) -> dict:
    """The JSON contract of a briefing (`extract --json`, the evaluation), described by
    `briefing_gen/schema/briefing.schema.json`: the article's metadata, what was extracted, and the
    body as Markdown paragraphs."""
    a = briefing.article
    return {
        "source": a.source,
        "slug": briefing.slug,
        "title": a.title,
        "authors": list(a.authors),
        "published": a.published,
        "original_published": a.original_published,
        "publisher": a.publisher,
        "original_source": a.original_source,
        "url": a.url,
        "in_depth_report": a.in_depth_report,
        "copyright": a.copyright,
        "regions": list(a.regions),
        "themes": list(a.themes),
        "tags": list(a.tags),
        "layout": a.layout,
        "genre": briefing.genre,
        "description": a.description,
        "also_published": [asdict(copy) for copy in a.also_published],
        "summary": list(briefing.summary),
        "key_points": list(briefing.key_points),
        "actors": [asdict(actor) for actor in briefing.actors],
        "claims": [asdict(claim) for claim in briefing.claims],
        "body": [paragraph_to_markdown(p) for p in a.paragraphs],
    }


def find_sources(folder: Path, registry: "ReaderRegistry | CachingRegistry") -> tuple[list[Path], list[Outcome]]:
    """Every article file under `folder`, sorted so slugs are allocated in a stable order.

    Files with an extension no reader handles are reported, not silently skipped; hidden files
    and the `EXPECTED.md`-style notes an example folder may hold are still articles if readable.
    """
    sources: list[Path] = []
    skipped: list[Outcome] = []
    root = folder.resolve()
    for path in sorted(folder.rglob("*")):  # does not descend into linked folders
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            # A link is followed only inside the folder: an article file must not publish /etc/passwd.
            kind = "folder" if path.is_dir() else "file"
            skipped.append(Outcome(str(path), error=f"a link to a {kind} outside {folder} (not read: links must stay inside it)", reason=SkipReason.LINK_OUTSIDE))
            continue
        if path.is_dir():
            if path.suffix.lower() in registry.extensions:
                skipped.append(Outcome(str(path), error="is a folder, not an article file", reason=SkipReason.FOLDER))
            continue
        if not valid_utf8(str(relative)):  # bytes Python could only keep as surrogates: no page can name it
            skipped.append(Outcome(str(path), error="file name is not valid UTF-8 (rename the file)", reason=SkipReason.FILE_NAME))
            continue
        if not path.is_file():  # a pipe would block the build forever; a dangling link has nothing to read
            if path.suffix.lower() in registry.extensions:
                problem = "a broken link" if path.is_symlink() else "not a regular file (a pipe, socket or device)"
                skipped.append(Outcome(str(path), error=problem, reason=SkipReason.NOT_REGULAR))
            continue
        if path.suffix.lower() in registry.extensions:
            sources.append(path)
        else:
            skipped.append(Outcome(str(path), error=f"not an article: no reader for '{path.suffix or 'no extension'}' files", reason=SkipReason.NO_READER))
    return sources, skipped


def valid_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_articles(paths: list[Path], registry: "ReaderRegistry | CachingRegistry", sources: list[str] | None = None, max_bytes: int | None = None) -> tuple[list[Outcome], dict[int, Article]]:
    outcomes: list[Outcome] = []
    articles: dict[int, Article] = {}
    for index, path in enumerate(paths):
        source = sources[index] if sources else str(path)
        try:
            article = registry.read(path, source=source, max_bytes=max_bytes)
            check_text_length(article)
            articles[index] = article
            outcomes.append(Outcome(source=source))
        except ArticleError as error:
            outcomes.append(Outcome(source, error=str(error), reason=error.reason))
        except (UnicodeError, ValueError) as error:
            outcomes.append(Outcome(source, error=f"cannot read article: {error}".splitlines()[0], reason=SkipReason.UNREADABLE))
    return outcomes, articles


def check_text_length(article: Article) -> None:
    """Refuse an article longer than the language model takes, before it is parsed (spaCy would
    stop the whole batch with an error)."""
    length = len(body_text(article)[0])
    if length > MAX_TEXT_CHARS:
        raise ArticleError(
            f"article text is {length / 1e6:.1f} million characters, over the limit of {MAX_TEXT_CHARS / 1e6:g} million "
            "characters of text the extraction takes (a limit of the text once read, not of the file: --max-size does not change it)",
            SkipReason.TOO_LONG,
        )


def extract_outcomes(
    paths: list[Path],
    reference: ReferenceIndex | None = None,
    registry: "ReaderRegistry | CachingRegistry | None" = None,
    sources: list[str] | None = None,
    reserved_slugs: set[str] | None = None,
    previous_slugs: dict[str, str] | None = None,
    cache: "BuildCache | None" = None,
    jobs: int | None = 1,
) -> Iterator[Outcome]:
    """Read and extract each path, yielding one `Outcome` per path in input order.

    Articles are parsed in batches and each briefing is yielded as soon as it is ready, so memory
    holds one batch of parsed documents, not the whole collection. With a `cache`
    (`briefing_gen.pipeline.cache.BuildCache`), articles extracted by an earlier build come from it and only
    the others are analysed (and added to it); `jobs` processes share the analysis (None: one per
    core; `briefing_gen.pipeline.parallel`). Slugs come from the titles in input order either way, except
    that a source keeps its slug of `previous_slugs` (`briefing_gen.pipeline.slugs.allocate_slugs`).
    """
    from briefing_gen.pipeline.parallel import ExtractionFailed, extract_articles

    registry = registry or ReaderRegistry()
    reference = reference or load_reference()
    outcomes, articles = read_articles(paths, registry, sources)
    ordered = sorted(articles)
    given = allocate_slugs([(articles[i].title, articles[i].source) for i in ordered], reserved_slugs, previous_slugs)
    slugs = dict(zip(ordered, given))
    cached: dict[int, Briefing] = {}
    keys: dict[int, str] = {}
    if cache is not None:
        for index in ordered:
            keys[index] = cache.extract_key(articles[index])
            briefing = cache.get_briefing(articles[index], keys[index])
            if briefing is not None:
                cached[index] = briefing
    extracted = extract_articles([articles[i] for i in ordered if i not in cached], reference, jobs=jobs)
    for index, outcome in enumerate(outcomes):
        if index in articles:
            result: Briefing | ExtractionFailed | None = cached.pop(index, None)
            if result is None:
                result = next(extracted)
                if cache is not None and isinstance(result, Briefing):
                    cache.put_briefing(result, keys[index])
            if isinstance(result, ExtractionFailed):
                outcome.error = result.message  # one hostile article does not stop the build for the rest
                outcome.reason = SkipReason.EXTRACTION_FAILED
            elif result is not None:
                result.slug = slugs[index]
                outcome.briefing = result
                outcome.extraction_key = keys.get(index)
        yield outcome


def extract_many(paths: list[Path]) -> list[dict]:
    """The JSON contract for each path, in input order (used by `extract --json` and `eval/`)."""
    return [outcome.to_dict() for outcome in extract_outcomes([Path(p) for p in paths])]
