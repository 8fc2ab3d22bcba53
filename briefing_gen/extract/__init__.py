"""Extraction: an `Article` in, a `Briefing` out, from one spaCy parse shared by every extractor."""
from __future__ import annotations

from briefing_gen.extract.actors import extract_actors
from briefing_gen.extract.claims import extract_claims
from briefing_gen.extract.parse import ParsedArticle, load_nlp, parse, parse_many
from briefing_gen.extract.summary import key_points, summarise
from briefing_gen.model import Article, Briefing
from briefing_gen.reference import ReferenceIndex


def extract_parsed(parsed: ParsedArticle, reference: ReferenceIndex, slug: str) -> Briefing:
    actor_set = extract_actors(parsed, reference)
    claims = extract_claims(parsed, actor_set)
    summary = summarise(parsed, actor_set, claims)
    return Briefing(
        article=parsed.article,
        slug=slug,
        summary=summary,
        key_points=key_points(claims, summary, actor_set),
        actors=actor_set.actors,
        claims=claims,
    )


def extract(article: Article, reference: ReferenceIndex, slug: str) -> Briefing:
    return extract_parsed(parse(article), reference, slug)


__all__ = ["extract", "extract_parsed", "load_nlp", "parse", "parse_many"]
