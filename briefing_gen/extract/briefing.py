"""One article's extraction: actors, then the claims they make, then the genre and the summary, over
one parse."""
from __future__ import annotations

from briefing_gen.extract.actors import extract_actors
from briefing_gen.extract.claims import extract_claims
from briefing_gen.extract.genre import detect_genre
from briefing_gen.extract.parse import ParsedArticle, parse
from briefing_gen.extract.reference import ReferenceIndex
from briefing_gen.extract.summary import key_points, summarise
from briefing_gen.model import Article, Briefing


def extract_parsed(parsed: ParsedArticle, reference: ReferenceIndex, slug: str) -> Briefing:
    actor_set = extract_actors(parsed, reference)
    claims = extract_claims(parsed, actor_set)
    parsed.article.genre = detect_genre(parsed)  # kept on the article: the summary's method follows it
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
