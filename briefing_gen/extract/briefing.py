"""One article's extraction over one parse: actors, the genre, the claims (the author's own only
in a piece that argues or rules), then the summary and the key points."""
from __future__ import annotations

from briefing_gen.extract.actors import ActorSet, extract_actors
from briefing_gen.extract.claims import extract_claims
from briefing_gen.extract.genre import detect_genre, quotation_states
from briefing_gen.extract.parse import ParsedArticle, parse
from briefing_gen.extract.reference import ReferenceIndex
from briefing_gen.extract.summary import Summary, summarise_article, weights_for
from briefing_gen.model import Article, Briefing, Claim


def article_genre(parsed: ParsedArticle) -> tuple[str, list]:
    """The article's genre, and which of its words are quoted, which the summary needs too."""
    quotes = quotation_states(parsed, parsed.sentences)
    return detect_genre(parsed, parsed.sentences, quotes), quotes


def summary_and_points(parsed: ParsedArticle, actor_set: ActorSet, claims: list[Claim], genre: str, quotes: list) -> Summary:
    """The summary and key points, weighed by the article's genre."""
    return summarise_article(parsed, actor_set, claims, weights=weights_for(genre), sentences=parsed.sentences, quotes=quotes)


def extract_parsed(parsed: ParsedArticle, reference: ReferenceIndex, slug: str) -> Briefing:
    actor_set = extract_actors(parsed, reference)
    genre, quotes = article_genre(parsed)
    claims = extract_claims(parsed, actor_set, authors_view=genre != "news")
    summary = summary_and_points(parsed, actor_set, claims, genre, quotes)
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
