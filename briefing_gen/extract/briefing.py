"""One article's extraction: actors, then the claims they make, then the genre, the summary and the
key points, over one parse."""
from __future__ import annotations

from briefing_gen.extract.actors import ActorSet, extract_actors
from briefing_gen.extract.claims import extract_claims
from briefing_gen.extract.genre import detect_genre, quotation_states
from briefing_gen.extract.parse import ParsedArticle, parse
from briefing_gen.extract.reference import ReferenceIndex
from briefing_gen.extract.summary import Summary, summarise_article, weights_for
from briefing_gen.model import Article, Briefing, Claim


def summary_and_points(parsed: ParsedArticle, actor_set: ActorSet, claims: list[Claim]) -> tuple[str, Summary]:
    """Decide the article's genre, then summarise it by that genre."""
    sentences = parsed.sentences
    quotes = quotation_states(parsed, sentences)  # which words are quoted: both need it
    genre = detect_genre(parsed, sentences, quotes)
    return genre, summarise_article(parsed, actor_set, claims, weights=weights_for(genre), sentences=sentences, quotes=quotes)


def extract_parsed(parsed: ParsedArticle, reference: ReferenceIndex, slug: str) -> Briefing:
    actor_set = extract_actors(parsed, reference)
    claims = extract_claims(parsed, actor_set)
    genre, summary = summary_and_points(parsed, actor_set, claims)
    return Briefing(
        article=parsed.article,
        slug=slug,
        genre=genre,
        summary=summary.sentences,
        key_points=summary.key_points,
        actors=actor_set.actors,
        claims=claims,
    )


def extract(article: Article, reference: ReferenceIndex, slug: str) -> Briefing:
    return extract_parsed(parse(article), reference, slug)
