"""What kind of article this is: news, analysis, opinion or fact-check.

The genre decides how the article is summarised (`extract/summary.py`): a report puts what happened
first, an argued piece (analysis or opinion) builds towards its point. It is told from the kind of
writing, over the one parse every extractor shares, never from names:

- **declared**: a title, tag or section that names the genre ("Opinion:", "Analysis", "Fact
  check"). A reader may have set the genre already (a site profile, an HTML opinion section):
  anything but the default `news` is kept, as argued or not, and only refined between analysis
  and opinion;
- **fact-check**: a verdict box (a short "Verdict: False" or "Rating: Misleading" paragraph, or a
  rating standing alone) beside the claim it checks, or a title that says it is a fact check;
- **argued or reported**: in the writer's own prose (outside quotation marks and outside sentences
  reporting someone's words), first-person statements ("I argue", "we must"), evaluative words
  ("reckless", "clearly"), phrases of argument ("the point is", "in other words"), exclamations,
  questions put to the reader, question headings and sentences whose grammar judges
  (`judgements.judges`) count for an argued piece; attribution ("said", "according to"), dated
  events ("on Tuesday") and the share of sentences inside quotation marks for a report. Each is a
  rate per sentence, so length does not decide;
- **opinion or analysis**: an argued piece in the writer's own voice (first person, the reader
  addressed, exclamations, loaded words) is opinion; one that argues from evidence is analysis.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span

from briefing_gen.extract.judgements import judges
from briefing_gen.extract.parse import ParsedArticle
from briefing_gen.model import Paragraph
from briefing_gen.whitespace import fold_space

GENRES = ("news", "analysis", "opinion", "fact-check")
ARGUED = frozenset({"analysis", "opinion"})
_OPEN_QUOTES = {"“", "«", "„"}
_CLOSE_QUOTES = {"”", "»"}
_SINGLE_QUOTES = {"'", "‘", "’"}
_REPORTING_LEMMAS = frozenset({"say", "tell", "according", "quote", "report", "announce", "add"})
_FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
_FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
_SECOND = frozenset({"you", "your", "yours", "yourself", "yourselves"})


@lru_cache(maxsize=1)
def word_lists() -> dict:
    text = (resources.files("briefing_gen.data") / "summary.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _phrase_pattern(phrases) -> re.Pattern:
    alternatives = sorted({re.escape(str(p).lower()) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lists = word_lists()
    return {
        "argument": _phrase_pattern(lists["argument_phrases"]),
        "time": _phrase_pattern(lists["news_time_words"]),
        "verdict": re.compile(r"^(?:" + _phrase_pattern(lists["verdict_labels"]).pattern + r")\s*[:\-–—]", re.IGNORECASE),
        "claim": re.compile(r"^(?:" + _phrase_pattern(lists["claim_labels"]).pattern + r")\s*[:\-–—]", re.IGNORECASE),
        "verdict_phrase": _phrase_pattern(lists["verdict_phrases"]),
        "rating": re.compile(r"^(?:" + _phrase_pattern(lists["ratings"]).pattern + r")[.!]?$", re.IGNORECASE),
        **{f"declared_{genre}": _phrase_pattern(words) for genre, words in lists["declared_genres"].items()},
    }


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    lists = word_lists()
    return {name: frozenset(str(w).lower() for w in lists[name]) for name in ("evaluative", "loaded", "hedges")}


def _evaluative() -> frozenset[str]:
    return _lists()["evaluative"]


@dataclass
class GenreSignals:
    """Counts over the writer's own prose (outside quotations, outside reported speech)."""

    sentences: int = 0  # prose sentences (headings and sentences inside quotation marks left out)
    own: int = 0  # of those, sentences that report nobody's words
    first_singular: int = 0  # sentences with I / my / me in the writer's voice
    first_plural: int = 0  # sentences with we / our / us in the writer's voice
    second: int = 0  # sentences addressing the reader (you, your)
    evaluative: int = 0  # evaluative words and phrases of argument
    loaded: int = 0  # words that condemn or praise outright
    hedged: int = 0  # sentences that weigh and hedge (seems, perhaps, may)
    judgements: int = 0  # sentences whose grammar passes judgement (`judgements.judges`)
    exclamations: int = 0
    questions: int = 0  # questions the writer puts
    question_headings: int = 0
    reported: int = 0  # sentences reporting someone's words (said, told, according to)
    dated: int = 0  # sentences dating an event (on Tuesday, yesterday)
    quoted: int = 0  # sentences inside quotation marks
    verdict: bool = False  # a verdict box: "Verdict: False", a rating alone
    claim_label: bool = False  # "Claim: ..." as a fact-check sets out what it checks
    verdict_phrases: int = 0  # "we rate this claim", "is mostly false"
    interview: bool = False  # questions and answers: the answers are someone else's words
    declared: str | None = None  # a genre named by the title, tags or address

    @property
    def is_fact_check(self) -> bool:
        """A verdict box beside the claim it judges; or a page calling itself a fact check that
        gives a verdict somewhere."""
        if self.verdict and self.claim_label:
            return True
        return self.declared == "fact-check" and (self.verdict or self.claim_label or self.verdict_phrases > 0)

    def rate(self, count: int) -> float:
        return count / max(self.sentences, 1)

    @property
    def quoted_share(self) -> float:
        """Of all sentences, the share inside quotation marks: a report gives others' words."""
        return self.quoted / max(self.sentences + self.quoted, 1)

    @property
    def argued_score(self) -> float:
        """Above 0: argued; below: reported. Rates per prose sentence, weighed by how surely
        each marks the writer's own argument."""
        return (
            2.0 * self.rate(self.first_singular)
            + 1.0 * self.rate(self.first_plural)
            + 1.0 * self.rate(self.second)
            + 1.5 * self.rate(self.evaluative)
            + 2.0 * self.rate(self.exclamations)
            + 1.0 * self.rate(self.questions)
            + 0.1 * min(self.question_headings, 3)
            + 1.0 * self.judgements / (self.sentences + 5)  # a habit of judging: two sentences in a short text show none
            - 1.0 * self.rate(self.reported)
            - 1.0 * self.quoted_share
            - 1.0 * self.rate(self.dated)
        )

    @property
    def voice_score(self) -> float:
        """Above 0: the writer takes sides in their own voice (opinion); below: the piece weighs
        and hedges (analysis)."""
        return (
            self.rate(self.first_singular)
            + self.rate(self.second)
            + 2.0 * self.rate(self.exclamations)
            + self.rate(self.questions)
            + self.rate(self.loaded)
            - self.rate(self.hedged)
        )


ARGUED_THRESHOLD = 0.15
VOICE_THRESHOLD = 0.05


def detect_genre(parsed: ParsedArticle, sentences: list[Span] | None = None, quotes: list | None = None) -> str:
    """The article's genre, from what the reader set and how the article is written (`sentences`
    and `quotes`: the parse's sentences and their `quotation_states`, when the caller has them)."""
    return genre_from_signals(genre_signals(parsed, sentences, quotes), parsed.article.genre)


def genre_from_signals(signals: GenreSignals, given: str = "news") -> str:
    """`given` is what the reader set: `news` is also the default, so it is decided again here;
    anything else is kept (analysis and opinion may swap, being the same method)."""
    if given == "fact-check" or signals.is_fact_check:
        return "fact-check"
    argued = given in ARGUED or signals.declared in ARGUED or signals.argued_score > ARGUED_THRESHOLD
    if not argued:
        return "news"
    if signals.declared in ARGUED:
        return signals.declared
    return "opinion" if signals.voice_score > VOICE_THRESHOLD else "analysis"


_QA_LABEL = re.compile(r"^(?:Q|Question)\s*[:.\-–—]\s*\S|^Q(?=[A-Z][a-z])")
_ANSWER_LABEL = re.compile(r"^(?:A|Answer)\s*[:.\-–—]\s*\S")


def is_interview(paragraphs: list[Paragraph]) -> bool:
    """Questions and answers: questions labelled Q, answers labelled A, or headings that are nearly
    all questions. The answers speak in the interviewee's voice, not the writer's."""
    texts = [fold_space(p.text) for p in paragraphs]
    questions = sum(1 for t in texts if _QA_LABEL.match(t))
    asking = sum(1 for p, t in zip(paragraphs, texts) if p.kind == "heading" and t.endswith("?") and not _QA_LABEL.match(t))
    headings = sum(1 for p in paragraphs if p.kind == "heading")
    return questions >= 2 or sum(1 for t in texts if _ANSWER_LABEL.match(t)) >= 2 or (asking >= 3 and 2 * asking >= headings)


def genre_signals(parsed: ParsedArticle, sentences: list[Span] | None = None, quotes: list | None = None) -> GenreSignals:
    article = parsed.article
    sentences = parsed.sentences if sentences is None else sentences
    quotes = quotation_states(parsed, sentences) if quotes is None else quotes
    patterns = _patterns()
    signals = GenreSignals(declared=_declared(article, patterns))
    paragraphs = article.paragraphs
    texts = [fold_space(p.text) for p in paragraphs]
    labelled = set()  # paragraphs labelled as an interview's questions ("Q: ...")
    question_headings = set()
    for number, (paragraph, text) in enumerate(zip(paragraphs, texts)):
        if _QA_LABEL.match(text):
            labelled.add(number)
        elif paragraph.kind == "heading" and text.endswith("?"):
            question_headings.add(number)
        short = len(text.split()) <= 14
        if patterns["verdict"].match(text) or (short and patterns["rating"].match(text.strip("*_ "))):
            signals.verdict = True
        if patterns["claim"].match(text) or (short and paragraph.kind == "heading" and patterns["claim"].match(text + ":")):
            signals.claim_label = True
        signals.verdict_phrases += len(patterns["verdict_phrase"].findall(text.lower()))
    headings = {i for i, p in enumerate(paragraphs) if p.kind == "heading"}
    signals.interview = is_interview(paragraphs)
    signals.question_headings = 0 if signals.interview else len(question_headings)
    quoted = {i for i, p in enumerate(paragraphs) if p.kind == "quote"}  # a block quotation: someone else's words
    skipped = headings | labelled | quoted
    for sentence, (states, starts_inside) in zip(sentences, quotes):
        if parsed.paragraph_of(sentence.start_char) in skipped:
            continue
        if starts_inside:
            signals.quoted += 1
        else:
            _count_sentence(signals, sentence, states)
    return signals


def quotation_states(parsed: ParsedArticle, sentences: list[Span]) -> list[tuple[list, bool]]:
    """`quote_states` of every sentence, paragraph by paragraph, in the order of `sentences`."""
    out: list[tuple[list, bool]] = []
    group: list[Span] = []
    paragraph = None
    for sentence in sentences:
        here = parsed.paragraph_of(sentence.start_char)
        if group and here != paragraph:
            out.extend(quote_states(group))
            group = []
        group.append(sentence)
        paragraph = here
    if group:
        out.extend(quote_states(group))
    return out


def _count_sentence(signals: GenreSignals, sentence: Span, states: list) -> None:
    """Add one sentence of the writer's prose (it does not open inside a quotation)."""
    words = _own_words(states)
    if len(words) < 4:
        return
    signals.sentences += 1
    if any(w.lemma_.lower() in _REPORTING_LEMMAS for w in words):
        signals.reported += 1
        return
    patterns = _patterns()
    lowered = " ".join(w.lower_ for w in words)
    signals.own += 1
    signals.dated += bool(patterns["time"].search(lowered))
    evaluative = sum(1 for w in words if w.lower_ in _evaluative()) + len(patterns["argument"].findall(lowered))
    signals.evaluative += min(2, evaluative)
    lists = _lists()
    signals.loaded += sum(1 for w in words if w.lower_ in lists["loaded"])
    signals.hedged += any(w.lower_ in lists["hedges"] for w in words)
    signals.judgements += not any(inside for _, inside in states) and judges(sentence)
    end = sentence.text.rstrip(" \"'”’)")
    closing = not states[-1][1]  # the sentence ends in the writer's words, not inside a quotation
    signals.exclamations += closing and end.endswith("!")
    if signals.interview:
        return  # the answers' I and we are the interviewee's, the questions the interviewer's
    signals.first_singular += any(w.lower_ in _FIRST_SINGULAR and (w.lower_ != "i" or w.text == "I") for w in words)
    signals.first_plural += any(w.lower_ in _FIRST_PLURAL for w in words)
    signals.second += any(w.lower_ in _SECOND for w in words)
    signals.questions += closing and end.endswith("?")


def _declared(article, patterns) -> str | None:
    """A genre the title's label ("Opinion: ...", "Analysis | ..."), a tag, or for fact-checks also
    the address names."""
    title_label = re.match(r"^\s*([^:|]{2,30})[:|]", article.title or "")
    tags = [str(tag).lower().strip() for tag in article.tags]
    for genre in ("fact-check", "opinion", "analysis"):
        pattern = patterns[f"declared_{genre}"]
        if title_label and pattern.search(title_label.group(1).lower()):
            return genre
        if any(pattern.fullmatch(tag) for tag in tags):
            return genre
        if genre == "fact-check" and pattern.search((article.url or "").lower().replace("/", " ")):
            return genre
    return None


def _mark(token) -> str | None:
    """Whether a token opens or closes a quotation ("open", "close"), or is no quotation mark.
    Straight and single quotes are told by the spaces around them: one before a word opens
    ('Yes,), one after a word closes (yes,'). An apostrophe inside a word (don't, Russia's) is part
    of its token, and one after a plural (the players' union) is no quotation mark."""
    text = token.text
    if text in _OPEN_QUOTES:
        return "open"
    if text in _CLOSE_QUOTES:
        return "close"
    if text != '"' and text not in _SINGLE_QUOTES:
        return None
    doc = token.doc
    previous = doc[token.i - 1] if token.i else None
    before = previous is None or bool(previous.whitespace_) or previous.is_space or previous.is_left_punct
    after = token.i + 1 >= len(doc) or bool(token.whitespace_) or doc[token.i + 1].is_space or (
        doc[token.i + 1].is_punct and doc[token.i + 1].text not in _OPEN_QUOTES
    )
    if before and not after:
        return "open"
    if after and not before:
        if text != '"' and previous is not None and previous.lower_.endswith("s") and not previous.is_punct:
            return None  # the boys' fight
        return "close"
    if text == "‘":
        return "open"
    # Alone between spaces: at the end of a line it opens what the next line says ("she said. '").
    return "open" if token.i + 1 >= len(doc) or doc[token.i + 1].is_space else None


def _closes_after_punctuation(token) -> bool:
    """A closing mark right after sentence punctuation (care.' / no,”): surely a quotation's end."""
    return token.i > 0 and token.doc[token.i - 1].text in {".", ",", "!", "?", "…", "-", "—"}


_QUOTE_MARKS = _OPEN_QUOTES | _CLOSE_QUOTES | _SINGLE_QUOTES | {'"'}


def quote_states(sentences: list[Span]) -> list[tuple[list, bool]]:
    """For each sentence of one paragraph: its tokens other than quotation marks, each with whether
    it stands inside quotation marks, and whether the sentence starts inside them. A paragraph
    whose first mark closes a quotation right after its last words (care.') goes on with a
    quotation a stray line break cut."""
    tokens = [list(sentence) for sentence in sentences]
    kinds = [[_mark(t) if t.text in _QUOTE_MARKS else None for t in sentence] for sentence in tokens]
    first = next(((t, k) for sentence, marks in zip(tokens, kinds) for t, k in zip(sentence, marks) if k), None)
    inside = first is not None and first[1] == "close" and _closes_after_punctuation(first[0])
    out = []
    for sentence, marks in zip(tokens, kinds):
        states = []
        for token, kind in zip(sentence, marks):
            if kind == "open":
                inside = True
            elif kind == "close":
                inside = False
            elif token.text == '"':
                inside = not inside
            elif token.text not in _SINGLE_QUOTES:
                states.append((token, inside))
        out.append((states, bool(states) and states[0][1]))
    return out


def _own_words(states) -> list:
    """The words outside quotation marks."""
    return [token for token, inside in states if not inside and not token.is_punct and not token.is_space]
