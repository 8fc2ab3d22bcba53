"""Claims: who claims what, of which kind, from which paragraph.

A claim is a proposition with its cue: a speaker, the words that attribute (a reporting verb,
"according to", a dash after a quotation) and the content, each kept as a span of the paragraph
(`briefing_gen.model.Claim`), as textacy's quotation triples keep speaker, cue and content. Four
sources, tried in this order for each sentence:
1. quotations that stand as sentences of their own (straight or curly, also running over
   sentences and paragraphs), attributed to the speaker found around them (`speakers.Attributor`);
2. reported speech: a reporting verb from `data/language.yml` with its subject, "according to X",
   or "the word from X is that ..."; a partial quotation ('warned that an attack is "quite
   real"') is reported inside this clause, and a quoted term with no cue (scare quotes) is none;
3. statistics: a figure or percentage with the source it is attributed to;
4. the author's own predictions and assessments, kept to the strongest few. A prediction speaks of
   the future (will, is expected to, forecast); a modal verb alone decides nothing.
Headings and headline-like lines ("Name: the plan must go") are never claims.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from briefing_gen.extract.actors import SPEAKER_LABEL, ActorSet, is_transcript
from briefing_gen.extract.genre import is_interview
from briefing_gen.extract.judgements import PRESCRIBING, judges, writers_forecast
from briefing_gen.extract.parse import FINITE_TAGS, ParsedArticle, doc_text, is_finite, language_data, lemma_of, reporting_verbs, word_list
from briefing_gen.extract.quotes import (
    MIN_QUOTE_WORDS,
    QUOTE_MARKS,
    QuoteMap,
    QuoteSpan,
    closed_as_opened,
    find_quotes,
    is_embedded,
    trailing_name,
)
from briefing_gen.extract.speakers import (
    ASKING_VERBS,
    CONTINUED,
    DESCRIBED,
    GUESSED,
    INVERTING_VERBS,
    NAMED,
    SUBJECT_DEPS,
    Attributor,
    Speaker,
    issued_document_says,
    misread_as_modifier,
    next_act_on_the_cue,
    role_nouns,
)
from briefing_gen.model import Claim, TextSpan
from briefing_gen.whitespace import fold_space

AUTHOR = "author"


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], dict[str, set[str]], list[str], list[str]]:
    data = language_data()
    particles = {verb: set(words) for verb, words in data["reporting_particles"].items()}
    return reporting_verbs(), particles, data["attribution_phrases"], data["assessment_markers"]


@lru_cache(maxsize=1)
def _quote_cues() -> frozenset[str]:
    """Reporting verbs and the verbs that only attribute a quotation next to them."""
    return reporting_verbs() | frozenset(language_data()["quote_cues"])


@lru_cache(maxsize=1)
def _stance_verbs() -> set[str]:
    return set(language_data()["stance_verbs"])


@lru_cache(maxsize=1)
def _speech_acts() -> frozenset[str]:
    """Verbs for what a speaker does with words: reporting, taking a stance, echoing another."""
    return frozenset(reporting_verbs() | _stance_verbs() | {"echo"})


def claim_id(text: str) -> str:
    """A stable id from the claim's normalised text: same words, same id, on every extraction."""
    normalised = fold_for_id(text)
    return "c-" + hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:10]


def fold_for_id(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[‘’‚‛′`]", "'", text)
    text = re.sub(r"[“”„‟″«»]", '"', text)
    return fold_space(re.sub(r"[^\w%$€£' ]+", " ", text))


_ABBREVIATION = re.compile(r"\b(?:[A-Z][a-z]{0,4}|[ap]\.m)\.")  # "Mr.", "Sen.", "Calif.", "J.", "p.m."


class _Builder:
    """Claims of one article, made with offsets of `doc_text(doc)` and turned into paragraph spans."""

    def __init__(self, parsed: ParsedArticle, actors: ActorSet):
        self.parsed = parsed
        self.doc = parsed.doc
        self.text = doc_text(parsed.doc)
        self.actors = actors
        self.claims: list[tuple[int, Claim]] = []  # (offset in doc_text(doc), claim) to sort by
        self.joined: set[int] = set()  # id() of the claims a run-on quotation was joined to

    def add(self, text: str, speaker: Speaker | str, kind: str, cue: str | None, cue_at: tuple[int, int] | None,
            content_at: tuple[int, int], sentence: str) -> Claim | None:
        if isinstance(speaker, str):
            speaker = Speaker(speaker, confidence=NAMED)
        paragraph = self.parsed.paragraph_of(content_at[0])
        text = fold_space(text).strip(" ,;")
        if not text:
            return None
        claim = Claim(
            id=claim_id(text),
            text=text,
            claimant=speaker.name,
            kind=kind,
            cue=cue,
            paragraph=paragraph,
            sentence=fold_space(sentence),
            content=self.span(paragraph, content_at),
            speaker=self.span(paragraph, (speaker.start, speaker.end)) if speaker.start is not None else None,
            cue_span=self.span(paragraph, cue_at) if cue_at else None,
            about=self._about(content_at, speaker.name),
            confidence=round(speaker.confidence, 2),
        )
        self.claims.append((content_at[0], claim))
        return claim

    def run_on(self, claim: Claim, text: str, content_at: tuple[int, int], sentence: str) -> bool:
        """Join a quotation to `claim`, the same speaker's quote just before it in the paragraph:
        "“A,” she said. “B.”" is one statement cut by its cue, and "A" alone is often no
        proposition ("I'll tell you what worries me"). The text marks the cut with an ellipsis;
        the content span runs from A to B, over the cue. Only once, only while `claim` is the last
        one made, and only when nothing but the cue's clause stands between A and B ('"A," Doe
        said. "B."', not '"A," Doe said. Lee disagreed. "B."'), so nothing said in between is
        skipped and no one else's words are joined."""
        text = fold_space(text).strip(" ,;")
        if not text or claim.content is None or id(claim) in self.joined or not self._last_by(claim):
            return False  # joined once already (an ellipsis in the speaker's own words is no join)
        end = self.span(claim.paragraph, content_at)
        if end is None:
            return False
        base = self.parsed.paragraph_starts[claim.paragraph]
        between = _ABBREVIATION.sub("", self.text[base + claim.content.end:content_at[0]]).strip(" \"'“”‘’,")
        if re.search(r"[.!?;:]\W*\w", between) or self._sentence_between(base + claim.content.end, content_at[0]):
            return False  # a sentence of its own between the two
        self.joined.add(id(claim))
        claim.text = f"{claim.text} … {text}"
        claim.id = claim_id(claim.text)
        claim.content = TextSpan(claim.content.start, end.end)
        claim.sentence = fold_space(f"{claim.sentence} {sentence}")
        claim.about += [name for name in self._about(content_at, claim.claimant) if name not in claim.about]
        return True

    def _sentence_between(self, start: int, end: int) -> bool:
        """A whole sentence of the parse lies between the offsets ('... on CNN's "State of the
        Union." Rep. Ibe disagreed. "B."', which the stops of abbreviations hide from a pattern)."""
        words = self.doc.char_span(start, end, alignment_mode="contract")
        return words is not None and any(start <= s.start_char and s.end_char <= end and not s.text.isspace() for s in words.sents)

    def _last_by(self, claim: Claim) -> bool:
        """`claim` is the last one made, or those made after it are the same speaker's, from the
        clause of its cue ('"A," she said, adding that C. "B."': C is hers, and A … B is one quote)."""
        for _, later in reversed(self.claims):
            if later is claim:
                return True
            if later.claimant != claim.claimant or later.paragraph != claim.paragraph:
                return False
        return False

    def span(self, paragraph: int, at: tuple[int | None, int | None]) -> TextSpan | None:
        """Doc offsets as a span of the paragraph, cut to it (a quote may run on past its end)."""
        start, end = at
        if start is None or end is None:
            return None
        base = self.parsed.paragraph_starts[paragraph]
        length = len(self.parsed.article.paragraphs[paragraph].text)
        if not (base <= start <= base + length):
            return None  # a pronoun's or description's words in an earlier paragraph
        return TextSpan(start - base, min(end, base + length) - base)

    def _about(self, at: tuple[int, int], claimant: str) -> list[str]:
        """Actors named in the content, in order, without the claimant."""
        tokens = self._token_range(at)
        names: list[str] = []
        for i in tokens:
            name = self.actors.actor_at(i)
            if name and name != claimant and name not in names:
                names.append(name)
        return names

    def _token_range(self, at: tuple[int, int]) -> range:
        doc = self.doc
        first = doc.char_span(at[0], at[0] + 1, alignment_mode="expand")
        last = doc.char_span(max(at[0], at[1] - 1), at[1], alignment_mode="expand")
        if first is None or last is None:
            return range(0)
        return range(first.start, last.end)

    def drop_quotes_within(self, at: tuple[int, int], claimant: str) -> None:
        """A quotation the speaker's own reported clause holds whole ('the route "is not a
        commercial decision"'): the clause is the claim, the quote alone would repeat it."""
        index = self._first_from(at[0])
        self.claims[index:] = [(offset, claim) for offset, claim in self.claims[index:] if not self._quote_within(offset, claim, at, claimant)]

    def has_quote_within(self, at: tuple[int, int], claimant: str) -> bool:
        return any(self._quote_within(offset, claim, at, claimant) for offset, claim in self.claims[self._first_from(at[0]):])

    def _first_from(self, start: int) -> int:
        """Claims are added in reading order, so only the last ones can start at `start` or later."""
        index = len(self.claims)
        while index > 0 and self.claims[index - 1][0] >= start:
            index -= 1
        return index

    @staticmethod
    def _quote_within(offset: int, claim: Claim, at: tuple[int, int], claimant: str) -> bool:
        return (claim.kind == "quote" and claim.claimant == claimant and offset < at[1] and claim.content is not None
                and offset + (claim.content.end - claim.content.start) <= at[1] + 1)

    def finished(self) -> list[Claim]:
        self.claims.sort(key=lambda pair: (pair[1].paragraph, pair[0]))
        return _unique_ids([claim for _, claim in self.claims])


def extract_claims(parsed: ParsedArticle, actors: ActorSet, authors_view: bool = True) -> list[Claim]:
    """The claims of one article, found in one pass in reading order, so that a pronoun finds the
    speakers named before it whichever way they spoke (a quote or reported speech).

    `authors_view`: the author's own judgements are claims. They are in a piece that argues or
    rules (analysis, opinion, a fact-check's verdict); in a news report the writer's sentences are
    the report itself, in its text, and its claims are what its sources say."""
    finder = _ClaimFinder(parsed, actors, authors_view)
    quotes = finder.quotes
    next_quote = 0
    for sentence in parsed.sentences:
        while next_quote < len(quotes) and quotes[next_quote].start < sentence.end_char:
            finder.quotation(quotes[next_quote])
            next_quote += 1
        finder.sentence(sentence)
    for quote in quotes[next_quote:]:
        finder.quotation(quote)
    return finder.finished()


class _ClaimFinder:
    """The state of one article's pass: which sentences are claimed by whom, the last quote's
    speaker (a quote that runs on is theirs), and the author's candidate claims."""

    def __init__(self, parsed: ParsedArticle, actors: ActorSet, authors_view: bool):
        self.parsed = parsed
        self.authors_view = authors_view
        self.doc = parsed.doc
        self.quotes = find_quotes(doc_text(self.doc), parsed.paragraph_starts)
        self.quote_map = QuoteMap(self.quotes)
        self.attributor = Attributor(actors, self.quote_map, self.doc)
        self.builder = _Builder(parsed, actors)
        self.headings = _heading_paragraphs(parsed)
        self.sentence_index = SentenceIndex(self.doc)
        self.claimed: dict[int, set[str]] = {}  # sentence start -> claimants with a claim from it
        self.embedded: set[int] = set()  # sentences holding a partial quotation, reported as a clause
        self.previous: tuple[Speaker, str | None, int, int] | None = None  # speaker, cue, paragraph, end of the last quote
        self.author_candidates: list[tuple[float, int, str, Span]] = []
        self.open_quote: Claim | None = None  # the last quote claimed: a quotation running on in its paragraph joins it
        self.transcript = _transcript_turns(parsed, actors)  # paragraph -> speaker, label and turn offsets of "LEE: ..." turns
        # questions and answers ("Q: ...", "A: I think ..."): the answers' "I" is the interviewee's
        self.interview = is_interview(parsed.article.paragraphs)

    def quotation(self, quote: QuoteSpan) -> None:
        doc, parsed = self.doc, self.parsed
        if parsed.paragraph_of(quote.start) in self.transcript:
            return  # words quoted inside a speaker's turn are part of the turn
        open_quote, self.open_quote = self.open_quote, None  # only the very next quotation may join it
        sentences = self.sentence_index.touching(quote.start, quote.end)
        cue_sentence = self.sentence_index.cue_after(quote)
        if cue_sentence is not None and cue_sentence not in sentences:
            sentences.append(cue_sentence)
        paragraph = parsed.paragraph_of(quote.start)
        if not sentences or paragraph in self.headings or self.quote_map.encloses(quote):
            return
        found = quote_speaker(doc, sentences, quote, self.attributor, parsed)
        if _is_title(quote.text):
            self.embedded.update(s.start for s in sentences)  # a work's name or a slogan ("The Walking Dead"), not words spoken
            self.open_quote = open_quote  # 'said on NBC's "Today." "B."': B still runs on from the quote before the show's name
            return
        if (is_embedded(doc_text(doc), quote) and found is not None and found[1] not in {None, "dash"} and found[2] is not None
                and found[2][0] >= quote.end and found[0].confidence >= NAMED and closed_as_opened(doc_text(doc), quote.start, quote.end)
                and not _DOUBLE_MARK.search(doc_text(doc), quote.start, quote.end) and self._runs_past_its_sentence(quote, sentences)):
            # 'The endorsement "was early enough ... People were still talking about her," said
            # Lee': the quotation runs on past the writer's sentence to its cue, so no clause of
            # the writer's holds it. The claim is the writer's lead-in with the quotation.
            start = next(s for s in sentences if s.start_char <= quote.start).start_char
            start, end = _closing_quote_kept(doc_text(doc), *_stripped(doc_text(doc), start, quote.end))
            claim = self.builder.add(doc_text(doc)[start:end], found[0], "quote", found[1], found[2], (start, end), " ".join(s.text.strip() for s in sentences))
            self.open_quote = claim if claim is not None and claim.paragraph == paragraph else None
            self.previous = (found[0], found[1], paragraph, quote.end)
            self.embedded.update(s.start for s in sentences)
            for sentence in sentences:
                self.claimed.setdefault(sentence.start, set()).add(found[0].name)
            return
        if is_embedded(doc_text(doc), quote) or quote.words < MIN_QUOTE_WORDS:
            # Part of the writer's clause: reported with its cue as that clause ('warned that an
            # attack is "quite real"'); with no cue at all, a quoted term (scare quotes) is no claim.
            if found is None or found[1] is not None and found[1] != "dash" or not _ends_clause(doc_text(doc), quote):
                self.embedded.update(s.start for s in sentences)
                if found is not None:
                    self.previous = (found[0], found[1], paragraph, quote.end)  # a quote that runs on is theirs
                return
            if quote.words < 6:
                # A short quotation with its speaker: the sentence that holds it is the claim. With
                # no cue but the sentence's subject, the subject's clause that holds it is ('Bush
                # called the orders "quite dangerous"', 'Dunn was "really proud"'), with its verb as
                # the cue when that is a verb of speech ('mocked Rubio for "having a tough night"').
                sentence = next(s for s in sentences if s.start_char <= quote.start < s.end_char + 1)
                start, end = _closing_quote_kept(doc_text(doc), *_stripped(doc_text(doc), sentence.start_char, sentence.end_char))
                kind, cue, cue_at = "quote", None, None
                root = sentence.root
                if found[1] is None and root.pos_ in {"VERB", "AUX"}:
                    clause = _stance_clause(root)
                    if clause[0] <= quote.start and quote.end <= clause[1]:
                        start, end = clause
                        self.embedded.update(s.start for s in sentences)
                        if lemma_of(root) in _speech_acts() or lemma_of(root) in _MOCKING:
                            kind, cue, cue_at = "statement", lemma_of(root), _token_at(root)
                self.builder.add(doc_text(doc)[start:end], found[0], kind, cue, cue_at, (start, end), sentence.text.strip())
                self.previous = (found[0], None, paragraph, quote.end)
                self.claimed.setdefault(sentence.start, set()).add(found[0].name)
                return
        manner = _verb_after(doc, quote) if found is None else None
        if manner is not None:
            # '"...," mused co-host Stu Lane', '"...," the crowd roared': a verb of the manner of
            # speaking; its subject said it, and nobody said it when the subject is unclear.
            inverted = [c for c in manner.children if c.dep_ == "dobj" and c.i > manner.i]  # "mused co-host Lane", read as its object
            speaker = self.attributor.of_verb(manner) or (self.attributor.subject(inverted[-1]) if inverted else None)
            found = (speaker.with_confidence(min(speaker.confidence, DESCRIBED)), lemma_of(manner), _token_at(manner)) if speaker else None
            if found is None:
                return
        if found is None:
            found = self._introduced_by(quote)
        if found is None and self.previous is not None and _continues(self.previous[2], paragraph, quote, parsed):
            context = " ".join(s.text.strip() for s in sentences)
            if open_quote is not None and open_quote.claimant == self.previous[0].name and self.builder.run_on(open_quote, quote.text, (quote.start, quote.end), context):
                self.previous = (self.previous[0], self.previous[1], paragraph, quote.end)
                for sentence in sentences:
                    self.claimed.setdefault(sentence.start, set()).add(open_quote.claimant)
                return
            found = (self.previous[0].with_confidence(CONTINUED), self.previous[1], None)
        if found is None and _is_whole_paragraph(quote, paragraph, parsed):
            # A paragraph that is nothing but a quotation: the person the text was just about.
            guess = self.attributor.previous(sentences[0][0], person=True)
            found = (guess.with_confidence(GUESSED), None, None) if guess else None
        if found is None:
            return
        speaker, cue, cue_at = found
        context = " ".join(s.text.strip() for s in sentences)
        if (open_quote is not None and open_quote.claimant == speaker.name and cue_at is not None and open_quote.paragraph == paragraph
                and open_quote.cue_span == self.builder.span(paragraph, cue_at) and self.builder.run_on(open_quote, quote.text, (quote.start, quote.end), context)):
            # '"A," said X, "and B."': one sentence cut by its cue, the second piece under the same cue
            self.previous = (speaker, cue, paragraph, quote.end)
            return
        claim = self.builder.add(quote.text, speaker, "quote", cue, cue_at, (quote.start, quote.end), context)
        self.open_quote = claim if claim is not None and claim.paragraph == paragraph else None
        self.previous = (speaker, cue, paragraph, quote.end)
        for sentence in sentences:
            self.claimed.setdefault(sentence.start, set()).add(speaker.name)

    def _runs_past_its_sentence(self, quote: QuoteSpan, sentences: list[Span]) -> bool:
        """A quotation opened inside a sentence of the writer's that runs on past that sentence's
        end into the next, whose cue follows it."""
        opening = next((s for s in sentences if s.start_char <= quote.start < s.end_char), None)
        if opening is None or not (opening.start_char < quote.start - 1 and quote.end > opening.end_char + 1):
            return False
        verbs, particles, _, _ = _cues()
        # not 'Ferris said the deal "was rushed ... fine print," Ferris added': a cue of its own
        return not any(_is_reporting_cue(t, verbs, particles) for t in opening if t.idx < quote.start)

    def _introduced_by(self, quote: QuoteSpan) -> tuple[Speaker, str | None, tuple[int, int] | None] | None:
        """The speaker of a quotation with no cue right after a sentence in which a person, by
        name, only replies or takes a side ('Rep. Ibe disagreed. "It is wide open."', 'Crowe put it
        bluntly. "..."'), not the speaker of the quotation before that sentence. Not one who did
        not reply, nor a group or an event ("Firefighters responded quickly", "The rain
        continued"), nor a pronoun, whose person is a guess."""
        before = self.sentence_index.before(quote)
        text = doc_text(self.doc)
        if before is None or len(before) > 16 or any((q := self.quote_map.bounds(t.idx)) and not _is_title(text[q[0]:q[1]]) for t in before):
            return None  # words quoted in it may be someone else's (a show's name is nobody's)
        root = before.root
        subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
        objects = [c for c in root.children if c.dep_ in {"ccomp", "xcomp", "dobj", "prep", "dative"}]
        replies = lemma_of(root) in _REPLYING and not objects or lemma_of(root) == "put" and [c.lower_ for c in objects] == ["it"]
        if subject is None or not replies or any(c.dep_ == "neg" for c in root.children):
            return None
        name = self.attributor.actors.actor_at(subject.i)
        actor = self.attributor.actors.by_name(name) if name else None
        if actor is None or actor.type != "person":
            return None
        speaker = self.attributor.subject(subject)
        return (speaker.with_confidence(min(speaker.confidence, DESCRIBED)), lemma_of(root), _token_at(root)) if speaker else None

    def sentence(self, sentence: Span) -> None:
        doc, quote_map = self.doc, self.quote_map
        paragraph = self.parsed.paragraph_of_span(sentence)
        if paragraph in self.transcript:
            if sentence.start_char <= self.transcript[paragraph][2][0]:
                self._turn(paragraph)
            return
        if paragraph in self.headings or _is_heading_like(sentence):
            return
        statements = reported_statements(sentence, self.attributor, quote_map)
        for speaker, cue, cue_at, content_at in statements:
            if _inside_quotes(content_at, quote_map, sentence.start in self.embedded):
                continue
            if speaker.name == AUTHOR and self.interview:
                continue  # "In my view, ..." in an interview's answer is the interviewee's
            if quote_map.contains(content_at[0]) and _is_title(doc_text(doc)[content_at[0]:content_at[1]]):
                continue  # 'said on NBC's "Meet the Press"': the parser took the show's name for what was said
            if len(doc_text(doc)[content_at[0]:content_at[1]].split()) < MIN_QUOTE_WORDS and not _has_subject(doc, content_at):
                continue  # "the values he holds dear": two words with no subject are no proposition ("talks failed" is one)
            if _unquoted_words(doc_text(doc), content_at, quote_map) < 4 and self.builder.has_quote_within(content_at, speaker.name):
                continue  # the quotation already claimed says it
            if _nothing_but_who_and_cue(doc, content_at, cue_at):
                continue  # "Mr. Ailes denies", "most Whigs opposed": no what
            if not quote_map.contains(content_at[0]) and _is_title(doc_text(doc)[content_at[0]:content_at[1]]):
                continue  # "told Meet the Press", "Clinton Vows Change": a name or a headline, no proposition
            content_at = self._through_quotation(content_at, sentence)
            content = _without_aside(doc, content_at, cue_at)
            statistic = has_statistic(doc.char_span(*content_at, alignment_mode="expand"))  # the claim's own figure, not one beside it
            kind = "statistic" if statistic else ("prediction" if cue in word_list("forecast_cues") else "statement")
            if kind == "statement" and quote_map.contains(content_at[1] - 2) and _unquoted_words(doc_text(doc), content_at, quote_map) <= 2:
                kind = "quote"  # 'Manafort "has taken on a tough task,"' said X
            if speaker.name == AUTHOR:  # the author's own view: a prediction when it speaks of the future
                kind = "prediction" if any(f" {m} " in f" {content.lower()} " for m in word_list("future_markers")) else "assessment"
            self.builder.drop_quotes_within(content_at, speaker.name)
            claim = self.builder.add(content, speaker, kind, cue, cue_at, content_at, sentence.text.strip())
            if claim is not None and self._quoted_before_cue(content_at, cue_at):
                # 'The fund was a "good thing," Hale said. "We ought to start it up again."': the
                # quotation after it runs on from the words quoted in the clause before the cue
                self.open_quote = claim
            self.claimed.setdefault(sentence.start, set()).add(speaker.name)
        if statements or sentence.start in self.claimed or _starts_quoted(sentence, quote_map):
            return
        paragraph_text = self.parsed.article.paragraphs[paragraph].text
        kind = None if self.interview else (_writers_first_person_view(sentence, quote_map, paragraph_text)
                                            or self._writers_advice(sentence, quote_map, paragraph_text))
        if kind is not None:
            # "I expect ...", "Europe should ...": the writer's view in so many words, whatever the
            # genre vote (an analysis that quotes much is taken for news, which keeps no other view
            # of its writer's)
            self.author_candidates.append((10.0, sentence.start, kind, sentence))
            return
        if not self.authors_view:
            return
        scored = author_claim(sentence)
        if scored is not None:
            score, kind = scored
            self.author_candidates.append((score, sentence.start, kind, sentence))

    def _writers_advice(self, sentence: Span, quote_map: QuoteMap, paragraph: str) -> str | None:
        """"Europe should drop the threat", "Washington must weigh what it would gain": what a
        state, body or person named in the text should do, in the writer's own words, is the
        writer's advice ("assessment"); not what readers or residents should do ("Voters should
        bring an ID"), which is a report's service."""
        root = sentence.root
        if not {c.lower_ for c in root.children if c.dep_ == "aux"} & PRESCRIBING:
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        named = self.builder.actors.actor_at(subject.i) if subject is not None else None
        actor = self.builder.actors.by_name(named) if named else None
        if actor is None or actor.type not in {"state", "organization", "person"} or not _in_writers_voice(sentence, quote_map, paragraph):
            return None
        return "assessment"

    def _turn(self, paragraph: int) -> None:
        """A transcript's turn ("SANDERS: Well, I think ..."): the whole turn is the speaker's
        quote, made once, whatever reported speech or quotation it holds."""
        speaker, label_at, content_at = self.transcript[paragraph]
        text = doc_text(self.doc)[content_at[0]:content_at[1]]
        self.builder.add(text, Speaker(speaker, *label_at, confidence=NAMED), "quote", "label", label_at, content_at, text)
        self.previous = (Speaker(speaker, confidence=NAMED), None, paragraph, content_at[1])

    def _quoted_before_cue(self, at: tuple[int, int], cue_at: tuple[int, int]) -> bool:
        """The content ends with quoted words and its cue comes after them ('... gave "frankly
        good results," Hale remarked'), not a title nor a verb before a term in scare quotes."""
        text = doc_text(self.doc)
        end = at[1]
        while end > at[0] and (text[end - 1] in QUOTE_MARKS or text[end - 1] in " ,.;:!?"):
            end -= 1
        quote = self.quote_map.bounds(end - 1)
        return quote is not None and quote[1] <= min(at[1], cue_at[0]) and not _is_title(text[quote[0]:quote[1]])

    def _through_quotation(self, at: tuple[int, int], sentence: Span) -> tuple[int, int]:
        """A quotation the clause opens runs on to its closing mark, past the sentence's end
        ('argues that "only Ferro can win. Nobody else can. The math won't work."'), within
        its paragraph. One that a colon introduces is a claim of its own, and the clause ends at
        the colon."""
        quote = self.quote_map.bounds(at[1] - 1)
        if quote is None or quote[0] < sentence.start_char or quote[1] <= sentence.end_char:
            return at
        text = doc_text(self.doc)
        window = max(at[0], quote[0] - 12)
        before = text[window:quote[0] - 1].rstrip()
        if before.endswith(":"):
            # 'said he was busy: "A. B," he wrote': a quotation of its own, with its own cue
            return _stripped(text, at[0], window + len(before) - 1)
        if not closed_as_opened(text, *quote) or text[quote[0] - 1] in "‘'" or _DOUBLE_MARK.search(text, quote[0], quote[1]):
            return at  # marks that may be misread: a mismatched pair, apostrophes, a mark inside
        if quote[1] > _paragraph_end(self.parsed, self.parsed.paragraph_of(at[0])):
            return at
        return _closing_quote_kept(doc_text(self.doc), at[0], quote[1])

    def finished(self) -> list[Claim]:
        budget = max(3, len(self.parsed.article.paragraphs) * 3 // 4)  # an argued piece judges in most of its paragraphs
        for _, _, kind, sentence in sorted(self.author_candidates, key=lambda item: (-item[0], item[1]))[:budget]:
            text = sentence.text.strip()
            start = sentence.start_char + (len(sentence.text) - len(sentence.text.lstrip()))
            self.builder.add(text, Speaker(AUTHOR, confidence=NAMED), kind, None, None, (start, start + len(text)), text)
        return self.builder.finished()


_TITLE_SMALL_WORDS = frozenset("a an the and or of to in on at for with by from as vs".split())


def _nothing_but_who_and_cue(doc: Doc, content_at: tuple[int, int], cue_at: tuple[int, int]) -> bool:
    """The content holds only its speaker, its cue and words that say nothing by themselves
    ("he has denied", "most Whigs opposed"); what the cue acts on is something, even a pronoun
    ("Obama endorsed her", "Brandt has denied that")."""
    words = doc.char_span(*content_at, alignment_mode="expand")
    if words is None:
        return False
    cue = doc.char_span(*cue_at, alignment_mode="expand")
    subjects = [c for c in cue[0].children if c.dep_ in SUBJECT_DEPS] if cue else []
    if len(subjects) > 1:  # "The talks stalled on Monday, officials said": the parser's second subject is what was said
        subjects = subjects[-1:]
    subject = {t.i for c in subjects for t in c.subtree}
    return not [t for t in words if not (t.is_punct or t.is_space) and not cue_at[0] <= t.idx < cue_at[1] and t.i not in subject
                and (t.pos_ not in {"AUX", "PART", "DET", "ADV", "PRON", "CCONJ", "SCONJ", "NUM"} or cue and t.head == cue[0] and t.dep_ in {"dobj", "ccomp", "xcomp"})]


def _is_title(text: str) -> bool:
    """Quoted words in title case: the name of a book, show or film ("Crippled America: How to
    Make America Great Again") or a slogan, which names something rather than quoting anyone."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return len(words) >= 1 and all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words) and any(
        w[0].isupper() for w in words) and not all(w.isupper() for w in words)


def _ends_clause(text: str, quote: QuoteSpan) -> bool:
    """Quoted words that close their clause ('is "quite real."', 'called him "a total stiff"')
    carry a claim; a quoted term inside a noun phrase (the "establishment" candidate) does not."""
    if quote.words >= MIN_QUOTE_WORDS:
        return True
    inside = quote.text.rstrip()
    after = text[quote.end + 1:quote.end + 4].lstrip("' ")
    return inside[-1:] in ".!?,;" or after[:1] in {".", "!", "?", ",", ";", ""}


def _without_opening(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without what opens them before a quotation: a conjunction ('But "if you ...'), or
    a short phrase set off by a comma ('In the end, "nobody wins ..."')."""
    opening = re.match(r"(?:But|And|Yet)\s+(?=[\"“'])|[^\"“]{1,40},\s+(?=[\"“])", text[start:end])
    return (start + opening.end(), end) if opening else (start, end)


def _starts_quoted(sentence: Span, quote_map: QuoteMap) -> bool:
    """A sentence that opens inside a quotation: someone's words, never the author's claim."""
    text = sentence.text
    offset = sentence.start_char + len(text) - len(text.lstrip())
    return any(quote_map.contains(offset + step) for step in range(3))  # after a mark of one or two characters ('')


def _unquoted_words(text: str, at: tuple[int, int], quote_map: QuoteMap) -> int:
    return len("".join(char for offset, char in enumerate(text[at[0]:at[1]], at[0]) if not quote_map.contains(offset)).split())


def _inside_quotes(at: tuple[int, int], quote_map: QuoteMap, allowed: bool) -> bool:
    """Reported content that lies wholly inside a quotation already claimed as a quote."""
    return not allowed and quote_map.contains(at[0]) and quote_map.contains(max(at[0], at[1] - 1))


_HEADLINE_LABEL = re.compile(r"^([A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}):\s")


def _transcript_turns(parsed: ParsedArticle, actors: ActorSet) -> dict[int, tuple[str, tuple[int, int], tuple[int, int]]]:
    """Paragraphs of a transcript (two labelled turns or more) that open with a speaker's label in
    capitals ("CLINTON: ...", "JANE DOE: ..."): the person the label names, by surname or full name, when exactly one person
    of the article bears it, with the label's and the turn's offsets. "Q:", "A:" or "MODERATOR:"
    name no one the article names, and such turns are left as they are."""
    people = [actor.name for actor in actors.actors if actor.type == "person"]
    turns: dict[int, tuple[str, tuple[int, int], tuple[int, int]]] = {}
    if not is_transcript(doc_text(parsed.doc)):
        return turns
    for index, paragraph in enumerate(parsed.article.paragraphs):
        label = SPEAKER_LABEL.match(paragraph.text)
        if label is None or paragraph.kind == "heading":
            continue
        written = label.group(1).rstrip(".")
        named = [name for name in people if name.upper() == written or " " not in written and name.split()[-1].upper() == written]
        if len(named) != 1:
            continue
        base = parsed.paragraph_starts[index]
        end = len(paragraph.text.rstrip())
        if len(paragraph.text[label.end():end].split()) < MIN_QUOTE_WORDS:
            continue
        turns[index] = (named[0], (base, base + len(label.group(1))), (base + label.end(), base + end))
    return turns


def _heading_paragraphs(parsed: ParsedArticle) -> set[int]:
    """Headings, and headline-like lines: short, and either a name and a colon at the start
    ("Minister: talks will go on.", a related story's link) or most words capitalised with no
    closing full stop. A transcript's speaker label is in capitals ("LEE: We will.") and stays."""
    found = set()
    for index, paragraph in enumerate(parsed.article.paragraphs):
        text = paragraph.text.strip()
        if paragraph.kind == "heading":
            found.add(index)
            continue
        words = text.split()
        if not words or len(words) > 16:
            continue
        labelled = _HEADLINE_LABEL.match(text)
        if labelled and not labelled.group(1).isupper() and not _reports_speech(parsed, index):
            # "Lewandowski: FBI director acted as 'judge and jury'." A transcript's label is in
            # capitals; a dateline or a label before reported speech ("Islamabad: the prime
            # minister said ...", "Update: police said ...") is a paragraph of the story.
            found.add(index)
            continue
        if text[-1:] in ".!?\"”’'":
            continue
        capitalised = sum(1 for w in words if w[:1].isupper())
        if labelled or capitalised >= 0.7 * len(words):
            found.add(index)
    return found


def _reports_speech(parsed: ParsedArticle, paragraph: int) -> bool:
    """The paragraph has a reporting verb used as a verb ("said", "told")."""
    start = parsed.paragraph_starts[paragraph]
    span = parsed.doc.char_span(start, start + len(parsed.article.paragraphs[paragraph].text), alignment_mode="expand")
    verbs = reporting_verbs()
    return span is not None and any(t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in verbs for t in span)


def _unique_ids(claims: list[Claim]) -> list[Claim]:
    seen: dict[str, int] = {}
    kept: set[tuple[str, str]] = set()  # (id, claimant) of the claims kept so far
    unique = []
    for claim in claims:
        if claim.id in seen:
            if (claim.id, claim.claimant) in kept:
                continue
            seen[claim.id] += 1
            claim.id = f"{claim.id}-{seen[claim.id]}"
        else:
            seen[claim.id] = 1
        kept.add((claim.id, claim.claimant))
        unique.append(claim)
    return unique


# Verbs whose subject answers or takes a side with no words of its own in the sentence: the
# quotation right after is theirs ("Ibe disagreed. \"It is wide open.\"").
_REPLYING = frozenset({"disagree", "agree", "respond", "reply", "counter", "object", "demur", "dissent", "concur",
                       "scoff", "explain", "elaborate", "add", "continue", "protest", "retort"})


class SentenceIndex:
    """The sentences of a document by character offset, so finding the ones around a quotation
    does not walk the whole document each time."""

    def __init__(self, doc: Doc):
        self.sentences = list(doc.sents)
        self.ends = [s.end_char for s in self.sentences]

    def touching(self, start: int, end: int) -> list[Span]:
        found = []
        for sentence in self.sentences[bisect_right(self.ends, start):]:
            if sentence.start_char >= end + 2:
                break
            if sentence.text.strip():
                found.append(sentence)
        return found

    def before(self, quote: QuoteSpan) -> Span | None:
        """The sentence that ends right before a quotation's opening mark, in its paragraph."""
        index = bisect_right(self.ends, quote.start - 1) - 1
        if index < 0:
            return None
        sentence = self.sentences[index]
        between = doc_text(sentence.doc)[sentence.end_char:quote.start]
        return sentence if sentence.text.strip() and "\n" not in between and not between.strip(" \"'“‘") else None

    def cue_after(self, quote: QuoteSpan) -> Span | None:
        """The sentence right after a quotation that ends in "!" or "?" ('"... A pathetic figure!"
        he wrote.'), when it is nothing but a cue: the parser ends the sentence at the mark, where a
        writer would have put a comma. After a full stop the next sentence is a sentence."""
        if not quote.text.rstrip().rstrip("'’\"”").endswith(("!", "?")):
            return None
        index = bisect_right(self.ends, quote.end)
        while index < len(self.sentences) and self.sentences[index].start_char <= quote.end:
            index += 1  # the sentence that holds the closing mark
        following = self.sentences[index] if index < len(self.sentences) else None
        if following is None or not 0 < following.start_char - quote.end <= 3 or "\n" in doc_text(following.doc)[quote.end:following.start_char]:
            return None
        return following if _only_a_cue(following) else None


def _has_subject(doc: Doc, at: tuple[int, int]) -> bool:
    span = doc.char_span(*at, alignment_mode="expand")
    return span is not None and any(t.dep_ in SUBJECT_DEPS for t in span)


def _only_a_cue(sentence: Span) -> bool:
    """A sentence that is nothing but the cue of the quotation before it: it opens in lower case
    ("he wrote.") or is a short clause whose verb reports nothing of its own ("Renteria told
    reporters.")."""
    words = [t for t in sentence if not t.is_punct]
    if words and words[0].is_lower:
        return True  # no sentence opens in lower case, however long ("asked Mr. Lee, referring to ...")
    if not words or len(words) > 12:
        return False
    root = sentence.root
    addressed = lemma_of(root) in word_list("addressing_verbs")  # "Okafor told reporters."; not "Park confirmed the figures."
    return lemma_of(root) in _quote_cues() and not any(
        c.dep_ in {"ccomp", "xcomp", "parataxis"} and not _circumstance(c) or c.dep_ == "dobj" and not addressed for c in root.children)


def _circumstance(clause: Token) -> bool:
    """A participle after a comma that tells what the speaker did meanwhile ("Sanders asked, |
    shaking his head no"), not what was said: not a verb of speech or of words about something
    ("adding that ...", "referring to ..."), nor a clause of its own ('"...," he said, "and
    they're not letting ..."'). As for the words after a cue that has no clause (`_reported_content`)."""
    if _after_comma(clause.left_edge) and lemma_of(clause) in ASKING_VERBS and clause.tag_ in {"VBN", "VBD"} and clause.left_edge.i == clause.i:
        return not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "ccomp" for c in clause.children)  # '"...," he said, asked about the delay'
    return (clause.tag_ == "VBG" and _after_comma(clause.left_edge) and lemma_of(clause) not in _speech_acts() | _WORDS_ABOUT
            and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in {"aux", "auxpass"} for c in clause.children))


def _continues(previous_paragraph: int, paragraph: int, quote: QuoteSpan, parsed: ParsedArticle) -> bool:
    """An unattributed quote continues the previous speaker's words: in the same paragraph
    ("“...,” she said. “...”"), or opening the next paragraph."""
    if paragraph == previous_paragraph:
        return True
    paragraph_start = parsed.paragraph_starts[paragraph]
    return paragraph == previous_paragraph + 1 and quote.start - paragraph_start <= 2


def _verb_after(doc: Doc, quote: QuoteSpan) -> Token | None:
    """The finite verb right after a quotation that no cue list holds ('"...," cheered the crowd',
    '"...," the crowd roared'): it says the quotation is someone's. Not a participle after a dash
    ('"..." - increasing his name recognition'), which is the writer's."""
    after = doc.char_span(quote.end, quote.end + 1, alignment_mode="expand")
    if after is None:
        return None
    i = after.start
    while i < len(doc) and doc[i].is_punct and doc[i].text != "." and not doc[i].is_space:
        i += 1
    if i >= len(doc) or doc[i].is_space or doc[i].is_sent_start or doc[i].sent.start != doc[after.start].sent.start:
        return None  # the paragraph or the sentence ends with the quotation
    first = doc[i]
    subject = first if first.dep_ in SUBJECT_DEPS else first.head if first.head.dep_ in SUBJECT_DEPS else None  # "the crowd"
    verb = first if first.pos_ == "VERB" else subject.head if subject is not None else None
    return verb if verb is not None and verb.tag_ in {"VBD", "VBZ", "VBP"} else None


def _is_whole_paragraph(quote: QuoteSpan, paragraph: int, parsed: ParsedArticle) -> bool:
    start = parsed.paragraph_starts[paragraph]
    end = len(parsed.article.paragraphs[paragraph].text) + start
    return quote.start - start <= 2 and end - quote.end <= 2


def _paragraph_end(parsed: ParsedArticle, paragraph: int) -> int:
    return parsed.paragraph_starts[paragraph] + len(parsed.article.paragraphs[paragraph].text)


def quote_speaker(
    doc: Doc, sentences: list[Span], quote: QuoteSpan, attributor: Attributor, parsed: ParsedArticle
) -> tuple[Speaker, str | None, tuple[int, int] | None] | None:
    """Who said the quoted words, the cue's lemma and where the cue stands: a name after a dash
    right after the quote, else the subject of a reporting verb outside the quote, nearest first."""
    verbs, particles, _, _ = _cues()
    quote_map = attributor.quote_map
    assert quote_map is not None
    paragraph = parsed.paragraph_of(quote.start)
    dashed = trailing_name(doc_text(doc), quote, _paragraph_end(parsed, paragraph))
    if dashed is not None:
        name, start, end = dashed
        token = doc.char_span(start, end, alignment_mode="expand")
        canonical = attributor.canonical(name, token.start if token is not None else 0)
        return Speaker(canonical, start, end, confidence=NAMED), "dash", (start - 2, start)

    outside = [t for s in sentences for t in s if not quote_map.contains(t.idx) and not (quote.start <= t.idx < quote.end)]
    cues = [t for t in outside if (_is_reporting_cue(t, _quote_cues(), particles) or _as_put_it(t)) and not _event_not_speech(t)
            and not _asked_aside(t)]
    cues.sort(key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
    for cue in cues:
        speaker = attributor.of_verb(cue)
        if speaker:
            _remember(attributor, cue, speaker)
            return speaker, cue.lemma_, _token_at(cue)
    for token in outside:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            speaker = attributor.of_phrase(doc[token.i + 1])
            if speaker:
                return speaker, "according to", (token.idx, doc[token.i + 1].idx + 2)
    # "X is concerned over "...": the subject of the sentence, when it names an actor; not when
    # the quoted words only qualify a noun ('Trump is the "kind-hearted" man who ...': whose
    # words these are, the sentence does not say).
    after_colon = ":" in doc_text(doc)[max(0, quote.start - 4):quote.start]
    for sentence in sentences if not _qualifies_a_noun(doc, quote) else ():
        root = sentence.root
        if quote.start <= root.idx < quote.end:
            continue
        if after_colon and _put_to_subject(root):
            continue  # 'Hale faced a simple question: "Will ...?"': words put to Hale, not his
        for child in root.children:
            if child.dep_ in SUBJECT_DEPS and not (quote.start <= child.idx < quote.end) and not quote_map.contains(child.idx) and child.lower_ not in {"it", "this", "that", "they"}:
                speaker = attributor.subject(child, require_actor=True)
                if speaker:
                    return speaker.with_confidence(DESCRIBED), None, None
    # A quote introduced by a colon: "X said:" in the sentence before.
    first = sentences[0]
    if first.start > 0:
        before = doc[first.start - 1].sent
        if before.text.rstrip().endswith(":"):
            for token in before:
                if _is_reporting_cue(token, verbs, particles) and not quote_map.contains(token.idx):
                    speaker = attributor.of_verb(token)
                    if speaker:
                        return speaker, token.lemma_, _token_at(token)
    introduced = _introducing_subject(doc, quote, attributor)
    return (introduced.with_confidence(DESCRIBED), None, None) if introduced else None


_PUT_TO = frozenset({"question", "query", "challenge", "accusation", "charge", "criticism", "demand"})


def _put_to_subject(verb: Token) -> bool:
    """The verb's object is words put to its subject ("faced a simple question", "got a demand")."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _PUT_TO for c in verb.children)


def _introducing_subject(doc: Doc, quote: QuoteSpan, attributor: Attributor) -> Speaker | None:
    """'Clinton has since apologized for what happened: "Yes, I should have ..."': a person named
    as the subject of the clause a colon ends, right before the quotation, says what it
    introduces, unless they are words put to that person ("faced a question:")."""
    text = doc_text(doc)
    colon = text.rfind(":", max(0, quote.start - 4), quote.start)
    token = doc.char_span(colon, colon + 1, alignment_mode="expand") if colon >= 0 else None
    if token is None:
        return None
    clause = doc[token[0].sent.start:token[0].i]
    for verb in (t for t in clause if t.pos_ in {"VERB", "AUX"} and not (clause.start <= t.head.i < clause.end and t.head.i != t.i)):
        if _put_to_subject(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or attributor.quote_map is not None and attributor.quote_map.contains(subject.idx):
            continue  # (not a quoted headline's subject)
        # a surname the recogniser missed counts when one person of the article bears it
        named = attributor.actors.actor_at(subject.i) or (
            people[0] if subject.text.istitle() and len(people := attributor.actors.people_named(subject.text)) == 1 else None)
        actor = attributor.actors.by_name(named) if named else None
        if actor is not None and actor.type == "person":
            return Speaker(actor.name, subject.idx, subject.idx + len(subject.text))
    return None


def _qualifies_a_noun(doc: Doc, quote: QuoteSpan) -> bool:
    """The quoted words modify a noun outside the quotation ('the "kind-hearted" man')."""
    words = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if words is None:
        return False
    head = words.root
    return head.dep_ in {"amod", "compound", "nmod"} and head.head.pos_ in {"NOUN", "PROPN"} and not (quote.start <= head.head.idx < quote.end)


_SET_PHRASES = frozenset({("that", "said"), ("all", "told"), ("this", "said")})


def _parenthetical(verb: Token, sentence: Span) -> bool:
    """A set phrase opening the sentence before a comma ("All told,", "That said,"): no one is
    reported ("It said, however, ..." still is)."""
    doc = verb.doc
    return (
        verb.i - sentence.start == 1 and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","
        and (doc[sentence.start].lower_, verb.lower_) in _SET_PHRASES
    )


def _says_nothing(content: str) -> bool:
    """The content is only a verb of speaking and what it was about ("to comment", "to elaborate
    on the plan"): nothing was said."""
    words = re.findall(r"[\w']+", content.lower())
    return len(words) >= 2 and words[0] == "to" and words[1] in word_list("speaking_verbs") and "that" not in words


def _top_verbs(words: Span) -> list[Token]:
    """The verbs of the words whose heads lie outside them."""
    return [t for t in words if t.pos_ in {"VERB", "AUX"} and not (words.start <= t.head.i < words.end)]


def _past_read_as_participle(verb: Token, closing_subject: Token) -> bool:
    """The parser made the reported clause's subject a second subject of the cue and its verb a
    participle on it ("The talks stalled on Monday, Egyptian officials said." as talks that were
    stalled): a noun phrase alone is nothing to report, so the verb is the clause's, in the past."""
    return any(
        subject.i < closing_subject.i and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_.endswith("ed") and c.i > subject.i
                                              and not any(g.dep_ in {"agent", "aux", "auxpass"} for g in c.children) for c in subject.children)
        for subject in verb.children if subject.dep_ == "nsubj" and subject.left_edge.i == verb.sent.start)


def _is_main_clause(words: Span) -> bool:
    """The words hold a finite verb, and are more than a clause of time, cause or contrast
    ("After Trump announced his run", "In a speech last July")."""
    tops = _top_verbs(words)
    return any(t.tag_ in FINITE_TAGS for t in words) and not (tops and all(_opens_adverbial(t) for t in tops))


def _opens_adverbial(clause: Token) -> bool:
    """The clause opens with its own "while", "if", "because" ... (the parser may hang it on the subject)."""
    mark = clause.left_edge
    return mark.dep_ == "mark" and mark.lower_ in _ADVERBIAL_MARKS and (mark.head == clause or mark.head.head == clause and mark.head.dep_ in SUBJECT_DEPS)


_TIME_MARKS = frozenset({"once", "when", "after", "before", "until", "if", "because", "since", "while"})
_ADVERBIAL_MARKS = _TIME_MARKS | {"whereas", "although", "though", "as", "unless"}


def _event_not_speech(cue: Token) -> bool:
    """A verb that attributes a quotation only by standing next to it ("goes", "continued")
    describes an event inside a clause of time or condition ("once the Senate goes on recess")."""
    return (
        cue.lemma_.lower() not in reporting_verbs() and cue.dep_ == "advcl"
        and any(child.dep_ == "mark" and child.lower_ in _TIME_MARKS for child in cue.children)
    )


def _remember(attributor: Attributor, cue: Token, speaker: Speaker) -> None:
    """Keep who the cue's subject turned out to be, for pronouns further on; the subject of the
    verb a participle hangs on counts ("She escalated her criticism, telling CNN that ...")."""
    verb = cue
    for _ in range(3):
        subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            if subject.dep_ == "nsubjpass" and any(child.dep_ == "agent" for child in verb.children):
                return  # "Marchetti was asked by reporters whether ...": she is asked, they ask
            attributor.remember(subject.i, speaker.name, speaker.confidence)  # "he said" after this is the same person
            return
        if verb.dep_ not in {"advcl", "conj", "xcomp"} or verb.head.i == verb.i or any(c.dep_ == "agent" for c in verb.children):
            return  # "Asked by Vance whether ..., the superintendent said": Vance asks, the superintendent is asked
        verb = verb.head


_UNSAID_MODALS = frozenset({"could", "might", "should", "ought", "must"})


def _unsaid(verb: Token) -> bool:
    """A verb of saying under a modal of what may or ought to be said, or joined to one that is
    ("it should insist that ... and make clear to Baku that ...")."""
    verbs = [verb, verb.head] if verb.dep_ == "conj" and lemma_of(verb.head) in reporting_verbs() else [verb]
    return any(c.dep_ == "aux" and c.lower_ in _UNSAID_MODALS for v in verbs for c in v.children)


def _token_at(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


def _is_reporting_cue(token: Token, verbs: frozenset[str], particles: dict[str, set[str]]) -> bool:
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBD", "VBZ", "VBP", "VBN", "VBG", "VB"}:
        # "Trump predicts that ...": the small model may read "Trump predicts" as a plural noun
        # with a reported clause; the clause shows it is the verb.
        return _misread_as_noun(token) and token.lemma_.lower() in verbs
    lemma = lemma_of(token)
    if lemma in _NAMING | _CHARACTERISING and _naming_end(token) is not None:
        # "called the senator a 'nasty guy'", "referred to them as 'thugs'"; a view only with its
        # holder as subject ("Cairo regards X as Y", not "his aim is to present X as Y")
        return lemma not in _VIEWING or any(c.dep_ == "nsubj" for c in token.children)
    if lemma in particles:
        # the particle of the verb, not a preposition after its object ("called her mother for ten
        # years") nor one before the verb ("On Friday, Palin called ...")
        objects = [c.i for c in token.children if c.dep_ == "dobj" and c.lower_ != "it"]  # "made it clear that"
        particle = next((child for child in token.children if child.i > token.i and child.lower_ in particles[lemma]
                         and (child.dep_ == "prt" or not any(token.i < i < child.i for i in objects))), None)
        if particle is None and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in particles[lemma]:
            particle = token.doc[token.i + 1]
        if particle is not None and lemma == "call" and particle.lower_ in {"on", "upon"}:
            return _calls_on(token)  # "called on allies to act", not "was called on it by the press"
        return particle is not None
    return lemma in verbs or _poll_gives(token)


def _clause_made_clear(adjective: Token) -> list[Token]:
    """The clause under "clear" in "made it clear that ...", which the parser reads as "it
    (is) clear", with the that-clause its complement or an adverbial clause."""
    return [c for c in adjective.children if c.dep_ == "ccomp" or c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]


def _clause_read_as_relative(verb: Token) -> Token | None:
    """What a verb of telling reports when the parser read it as a relative clause of whom it
    tells: "told the jury | she had signed the papers", "told the hearing | that he had checked".
    A clause with a subject of its own after the one addressed is what was told."""
    if lemma_of(verb) not in word_list("addressing_verbs") or lemma_of(verb) in _SHOWING:
        return None  # "showed a side she did not reveal", "wrote the book he wanted": a relative clause after all
    addressed = next((c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i > verb.i), None)
    if addressed is None:
        return None
    clause = next((c for c in addressed.children if c.dep_ in {"relcl", "acl"} and c.i > addressed.i), None)
    if clause is None:
        return None
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.lower_ in {"who", "which", "that", "whom"}:
        return None
    opening = clause.left_edge
    # It opens with its subject, or "that": not "the square where crowds watched", "a book in which he ..."
    return clause if opening.i == subject.left_edge.i or opening.lower_ == "that" and opening.i + 1 == subject.left_edge.i else None


_SAYING = frozenset({"say", "tell", "state", "add", "announce", "declare", "write", "report", "insist", "claim", "argue", "warn",
                     "explain", "note", "confirm", "acknowledge", "admit", "testify", "recall", "stress", "reply", "respond"})


def _that_clause_after_phrase(verb: Token) -> Token | None:
    """ "said at the time that France had fulfilled ...": a "that" clause with a subject of its
    own, right after a phrase of the verb, which the parser hung on the phrase's noun as a
    relative clause. After a verb of saying it is what was said, when nothing is missing from it
    ("procedures that they might not need" lacks what they need: a relative clause after all)."""
    if lemma_of(verb) not in _SAYING:
        return None  # not "pointing to high ratings that students gave their courses"
    for phrase in (c for c in verb.children if c.dep_ in {"prep", "npadvmod"} and c.i > verb.i):
        noun = next((c for c in phrase.children if c.dep_ == "pobj"), phrase if phrase.dep_ == "npadvmod" else None)
        clause = next((c for c in noun.children if c.dep_ == "relcl" and c.i > noun.i), None) if noun is not None else None
        if clause is None or clause.left_edge.lower_ != "that":
            continue
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        whole = any(c.dep_ in {"dobj", "attr", "acomp", "ccomp", "xcomp", "auxpass"} and c.lower_ not in {"that", "which", "whom"} for c in clause.children)
        if subject is not None and subject.lower_ not in {"that", "which", "who"} and whole:
            return clause
    return None


def _calls_on(verb: Token) -> bool:
    """"called on allies to act": a request, with whom it is put to and what they are to do."""
    return (lemma_of(verb) == "call" and _to_infinitive_after(verb) is not None
            and any(c.dep_ in {"prep", "prt"} and c.lower_ in {"on", "upon"} and c.i > verb.i for c in verb.children))


def _calls_for(verb: Token) -> bool:
    """"called for the board to resign": the parser hangs "for the board to resign" on the cue as
    a clause of its own, with "for" as its mark."""
    infinitive = _to_infinitive_after(verb) if lemma_of(verb) == "call" else None
    return infinitive is not None and any(c.dep_ == "mark" and c.lower_ == "for" for c in infinitive.children)


def _to_infinitive_after(verb: Token) -> Token | None:
    """The verb's to-infinitive after it ("urged NATO to act"), however the parser hung it."""
    return next((c for c in verb.children if c.i > verb.i and c.dep_ in {"xcomp", "advcl"}
                 and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)


def _misread_as_noun(token: Token) -> bool:
    """A verb of saying tagged as a noun: "Trump predicts that ..." read as one plural noun, or
    "..., the Bank of England forecast on Thursday", a noun with a subject of its own, or "Police
    allege that ..." read as a noun with a relative clause."""
    if token.dep_ != "ROOT" or token.tag_ not in {"NN", "NNS"}:
        return False
    who = next((c for c in token.children if c.dep_ == "compound" and c.i == token.i - 1 and c.tag_ in {"NNS", "NNP", "NNPS"}), None)
    if token.tag_ == "NN" and who is not None and (_that_clause_read_as_relative(token) is not None or any(c.dep_ == "ccomp" for c in token.children)):
        return True  # "Police allege that ...": people or a name, then the verb read as a noun
    if not any(c.dep_ == "ccomp" for c in token.children):
        return False
    plural_with_name = token.tag_ == "NNS" and any(c.dep_ == "compound" and c.i == token.i - 1 for c in token.children)
    return plural_with_name or any(c.dep_ == "nsubj" and c.i < token.i for c in token.children)


def _that_clause_read_as_relative(token: Token) -> Token | None:
    """ "allege | that Sandhu posed ...": a "that" clause with a subject of its own, which the
    parser hung on the word as a relative clause."""
    return next((c for c in token.children if c.dep_ == "relcl" and c.i > token.i
                 and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) and any(g.dep_ in SUBJECT_DEPS and g.lower_ != "that" for g in c.children)), None)


def _name_article(token: Token, name: Token) -> bool:
    """The "the" a name opens with ("the Zangezur corridor"), not an article of a description."""
    return token.dep_ == "det" and token.lower_ == "the" and token.i == name.left_edge.i and token.head.i == name.i


def reports_content(verb: Token) -> bool:
    """A reporting verb used to report something: with a reported clause, or (for stance verbs such
    as reject or condemn) with an object; "held talks" or "conceded some ground" are not speech."""
    deps = {child.dep_ for child in verb.children}
    if (deps & {"oprd"} and not deps & {"ccomp", "xcomp", "parataxis"} and verb.lemma_.lower() in {"call", "name", "dub"}
            and all(all(t.text[:1].isupper() or t.tag_ in {"NNP", "NNPS"} for t in c.subtree if not _name_article(t, c))
                    and not any(t.dep_ == "det" and not _name_article(t, c) or t.text in QUOTE_MARKS for t in c.doc[c.left_edge.i - 1:verb.right_edge.i + 1])
                    for c in verb.children if c.dep_ == "oprd")):
        # "they called him Bob", "calls itself Amaq Media", "Baku calls it the Zangezur corridor": a
        # name given, nothing claimed
        return False
    if deps & {"ccomp", "xcomp", "parataxis", "oprd"} or verb.dep_ == "parataxis" or _aside(verb) is not None:
        return True  # "X said that ...", "..., she said", "X describes himself as ...", "If ..., she argued, ..."
    if _naming_end(verb) is not None:
        return True  # "described the field as 'all very good'"
    if verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ in {",", "that", ":"} and verb.dep_ in {"ROOT", "conj"}:
        return True
    if any(child.dep_ == "prt" for child in verb.children) and deps & {"dobj", "prep"}:
        return True
    if (_closing_subject(verb) is not None or _as_noted(verb) or _clause_read_as_relative(verb) is not None or _calls_for(verb)
            or _that_clause_after_phrase(verb) is not None):
        return True  # "..., she said.", "As Lee noted, ...": whatever the parser hung the clause on, it is what was said
    if verb.lemma_.lower() in {"say", "tell", "state", "add"} and any(t.dep_ == "mark" and t.lower_ == "that" for t in verb.subtree):
        return True  # "said in a statement that ..." (the clause hung on the noun)
    lemma = verb.lemma_.lower()
    return (lemma in _stance_verbs() or _finding_shows(verb)) and bool(deps & {"dobj", "prep", "dative"})


def _finding_shows(verb: Token) -> bool:
    """A poll, survey or study that shows something ("a new poll shows the two in a dead heat")
    reports its object as a stance verb does."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None and verb.lemma_.lower() in word_list("evidence_verbs")
        and subject.lemma_.lower() in word_list("finding_nouns") and any(c.dep_ == "dobj" for c in verb.children)
    ) or _poll_gives(verb)


def _poll_gives(verb: Token) -> bool:
    """A poll that gives or puts a candidate at a figure: "a survey ... gave Lee 47 percent", "the
    poll put Lee ahead by 52 percent to 48" (not "the poll has a margin of error of 3 points")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (verb.lemma_.lower() in {"give", "put", "place"} and subject is not None and subject.lemma_.lower() in {"poll", "survey"}
            and any(c.dep_ in {"dobj", "dative"} for c in verb.children) and has_statistic(verb.sent))


_AS_NOTED = frozenset("say note write argue explain observe point put report suggest remark warn acknowledge admit concede".split())


def _as_noted(verb: Token) -> bool:
    """A cue in an "as" clause set off beside the clause it reports ("As the Times noted, trust
    is falling", "..., as Lee put it."): not "As the crowd chanted" (no speech verb), "As he said
    this" (an object of its own), "as bad as she said" (a comparison) nor "as she said, 'I ...'"
    (the time of a quotation)."""
    lemma, doc, sentence = lemma_of(verb), verb.doc, verb.sent
    if verb.dep_ != "advcl" or lemma not in _AS_NOTED or verb.left_edge.lower_ != "as" or verb.head.i == verb.i:
        return False
    if not any(c.dep_ == "nsubj" for c in verb.children) or any(c.dep_ in {"ccomp", "xcomp", "neg"} for c in verb.children):
        return False
    if lemma in {"observe", "write", "report"} and any(c.dep_ == "prep" and c.lower_ not in {"in", "on"} for c in verb.children):
        return False  # "As the officers observed from a distance", "as he reported for duty": no speech
    before = verb.left_edge.i - 1
    if before >= sentence.start and doc[before].pos_ == "CCONJ":
        before -= 1  # "..., and as Lee noted, ...", "But as Lee noted, ..."
    set_off_before = before < sentence.start or doc[before].text == "," or (before == sentence.start and doc[before].pos_ == "ADV")
    after = _last_word(verb).i + 1
    set_off_after = after >= sentence.end or doc[after].text in {",", ".", ":", ";", "!", "?"}
    if not (set_off_before and set_off_after):
        return False
    if after + 1 < sentence.end and doc[after].text in {",", ":"} and doc[after + 1].text in QUOTE_MARKS:
        return False  # 'As she said, "This square is ours," the crowd roared': the quotation's own cue
    objects = [c.lower_ for c in verb.children if c.dep_ == "dobj"]
    if lemma == "put":
        return objects == ["it"]
    if lemma == "point":
        return not objects and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return not objects


def _as_put_it(verb: Token) -> bool:
    """'As Varga put it, "We are not done"': the cue of the quotation after it."""
    return (lemma_of(verb) == "put" and verb.left_edge.lower_ == "as" and any(c.dep_ == "nsubj" for c in verb.children)
            and [c.lower_ for c in verb.children if c.dep_ == "dobj"] == ["it"])


def _as_noted_content(verb: Token, sentence: Span, quote_map: QuoteMap) -> tuple[int, int] | None:
    """What an "as" cue reports: the words after it when it opens the sentence or a clause joined
    by "and" or "but" ("However, as the Times noted, trust is falling"), the words before it when
    it closes the sentence or comes before a colon, and the sentence around it when it
    interrupts ("That, as Lee points out, is a lot": the aside is left out of the claim's
    text), unless that sentence quotes someone, whose words may be another's. (The parser's
    heads are no guide here: it often hangs the "as" clause on a word far from its clause.)"""
    doc = verb.doc
    first, last = sentence.start, sentence.end - 1
    while last > first and (doc[last].is_punct and doc[last].text not in QUOTE_MARKS or doc[last].is_space):
        last -= 1
    joining = doc[verb.left_edge.i - 2] if doc[verb.left_edge.i - 1].text == "," else doc[verb.left_edge.i - 1]
    if joining.i > first and (joining.pos_ in {"CCONJ", "SCONJ"} or joining.lower_ == "that"):
        first = verb.left_edge.i  # "..., and as Lee noted, X", "given that, as Lee noted, X": the clause after
    leading = doc[first:verb.left_edge.i]
    # (a one-word subject leads into it too: "Rates, as Lee warned, will stay high")
    opens = not (_leads_into_clause(leading) or any(t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} for t in leading))
    after = _last_word(verb).i + 1
    closes = after > last or doc[after].text == ":"
    if opens and closes:
        return None
    if opens:
        first = _last_word(verb).i + 1
        while first < last and doc[first].is_punct:
            first += 1
        other = next((t for t in doc[first:last] if doc[first].pos_ == "CCONJ" and t.left_edge.i == first + 1 and _as_noted(t)), None)
        if other is not None:  # "As Lee has argued, and as her critics concede, X": X alone
            first = _last_word(other).i + 1
            while first < last and doc[first].is_punct:
                first += 1
    elif closes:
        last = verb.left_edge.i - 1
        while last > first and doc[last].is_punct and doc[last].text not in QUOTE_MARKS:
            last -= 1
    elif any(quote_map.contains(t.idx) for t in doc[first:last + 1]):
        return None
    return _stripped(doc_text(doc), doc[first].idx, doc[last].idx + len(doc[last].text))


def _last_word(verb: Token) -> Token:
    """The last word of an "as" clause: up to the comma after its verb, whatever else the parser
    hung on the verb ("was, as one lawyer put it, a demolition")."""
    last = verb
    for token in verb.doc[verb.i + 1:verb.right_edge.i + 1]:
        if token.text in {",", ":", ";"} or token.text in QUOTE_MARKS:
            break
        if not token.is_punct:
            last = token
    return last


def _as_aside(verb: Token) -> tuple[int, int] | None:
    """The token range of an "as" cue set off by commas inside the clause it reports."""
    if not _as_noted(verb):
        return None
    first, last = verb.left_edge.i, _last_word(verb).i + 1
    sentence = verb.sent
    if first - 1 <= sentence.start or last + 1 >= sentence.end or verb.doc[first - 1].text != "," or verb.doc[last].text != ",":
        return None
    return first, last


def _closing_subject(verb: Token) -> Token | None:
    """The subject of a verb of saying that closes its sentence after a comma ("..., she said.",
    "..., he told reporters on Tuesday."), None for any other verb: the small model often hangs
    the clause before such a cue on it as anything but a clause (an adverbial clause, a
    subject), yet the words before are what was said."""
    sentence = verb.sent
    lemma = lemma_of(verb)
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or lemma not in _SAYING | _AS_NOTED:
        return None
    # After it, only where, when and (for "told") to whom: "in an interview", "on Tuesday",
    # "reporters"; not what ("said no", "wrote in 'Ralph Nader'"), another verb, or a colon
    # ("In a speech last July, he said:" opens a quotation).
    allowed = {"prep", "npadvmod", "advmod", "punct"} | ({"dobj", "dative"} if lemma in word_list("addressing_verbs") else set())
    after = verb.doc[verb.i + 1:sentence.end]
    if any(c.i > verb.i and (c.dep_ not in allowed or c.lower_ in _SAID_BY_REFERENCE | {"no", "yes"}) for c in verb.children):
        return None
    if sentence[-1].text == ":" or any(t.pos_ in {"VERB", "AUX"} or t.text in QUOTE_MARKS or verb not in t.ancestors and not t.is_punct for t in after):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.right_edge.i + 1 == verb.i), None)
    if subject is None or subject.lower_ in {"i", "we"}:  # the writer's own words
        return None
    opening = subject.left_edge.i - 1
    return subject if opening > sentence.start + 3 and verb.doc[opening].text == "," else None


# Reported speech, statistics and the author's own claims ------------------------------------------


Statement = tuple[Speaker, str, tuple[int, int], tuple[int, int]]  # speaker, cue, cue offsets, content offsets


def _asked_aside(verb: Token) -> bool:
    """"Trump, asked about the deaths, had said": the one asked answers; the question is nobody's cue."""
    return (lemma_of(verb) in ASKING_VERBS and verb.dep_ in {"advcl", "acl"} and verb.i > 0 and verb.doc[verb.i - 1].text == ","
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children))


_COMING_TO_KNOW = frozenset({"find", "discover", "learn", "realise", "realize", "conclude"})


def _names_someone(noun: Token) -> bool:
    """A person, by name or by role: "manager Emeka Okafor", "its chief executive"."""
    return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in role_nouns()


def reported_statements(sentence: Span, attributor: Attributor, quote_map: QuoteMap) -> list[Statement]:
    """Each attribution in a sentence of reported speech: reporting verbs with their subjects,
    then "according to X" for what no verb claims ("According to the agency, the target is met,
    but Ms Lee says it is not" holds two). A cue inside a quotation is the quoted speaker's word,
    and a cue inside another's reported content is reported by that other ("X said Y told him").
    """
    verbs, particles, phrases, _ = _cues()
    found: list[Statement] = []
    silenced: list[tuple[int, int]] = []
    for token in sentence:
        if quote_map.contains(token.idx) or not (_is_reporting_cue(token, verbs, particles) or _as_noted(token)):
            continue
        if any(start <= token.idx < end for start, end in silenced):
            continue
        if (token.dep_ in {"amod", "acl"} and (token.tag_ == "VBN" or token.lemma_.lower() in _stance_verbs()) and not issued_document_says(token)
                and not misread_as_modifier(token, attributor.actors)):
            continue  # "the plan announced on Monday", "a super PAC supporting Faso": a modifier, not a claim
        if (token.dep_ == "advcl" and (token.tag_ == "VBN" or token.tag_ == "VBD" and token.i == sentence.start) and lemma_of(token) in ASKING_VERBS
                and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "agent" for c in token.children)):
            # "Asked what he wants, Adelson said ...": the question put to the speaker, by no one
            # named; "When asked by a reporter whether ..." is the reporter's question
            continue
        if (token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ == "of" and lemma_of(token) in _stance_verbs()
                and any(c.dep_ in SUBJECT_DEPS for c in token.children)):
            continue  # "the largesse of donors supporting her campaign": who they are, not what they said
        if (token.dep_ == "relcl" and any(c.dep_ in SUBJECT_DEPS and c.lower_ in {"who", "whom"} for c in token.children)
                and not any(c.dep_ in {"ccomp", "parataxis"} for c in token.children)):
            continue  # "voters who support Sanders", "Christie, who endorsed him": who they are, not what they said
        if any(child.dep_ == "neg" or child.dep_ == "mark" and child.lower_ in {"if", "unless", "until", "whether"} for child in token.children):
            continue  # "did not respond", "unless Brussels accepts that ...": nothing was claimed
        if lemma_of(token) == "find" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in _REFLEXIVES:
            continue  # "the candidates found themselves targeted": where they were, not a finding
        if lemma_of(token) in _COMING_TO_KNOW and any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children):
            continue  # "Turkey's leaders may yet find that ...": the writer's guess of what they will learn, not theirs
        if _unsaid(token):
            # "New Delhi could claim it never bowed": what one might say, not what was said; "the
            # government should say openly that ...": the writer's advice of what to say
            continue
        if any(c.lower_ in {"neither", "nor"} for c in token.children) or token.dep_ == "conj" and any(c.lower_ == "neither" for c in token.head.children):
            continue  # "has neither confirmed nor denied that promise": nothing was claimed
        if (lemma_of(token) == "dismiss" and any(c.dep_ == "dobj" and _names_someone(c) for c in token.children)
                and not any(t.lower_ == "as" and t.dep_ == "prep" for t in token.subtree)):
            continue  # "the club dismissed manager Emeka Okafor": sacked, nothing said (but "dismissed Walker as ...")
        if any(content[0] <= token.idx < content[1] for _, _, _, content in found) or not reports_content(token):
            continue
        if any(cue_at == _token_at(token) for _, _, cue_at, _ in found):
            continue  # the cue of a clause already claimed with it, below
        if _parenthetical(token, sentence):
            continue  # "All told, ...", "That said, ...": no one is reported
        cue = token
        if _reported_by_later_cue(token, verbs, particles, quote_map):
            # "Polling shows that ..., said Ms Tempel": she says the whole clause.
            cue = token.head
            content = _closing_quote_kept(doc_text(sentence.doc), *_stripped(doc_text(sentence.doc), token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)))
        else:
            content = _reported_content(token, sentence, quote_map)
        if content is not None and lemma_of(cue) in word_list("refusing_verbs") and _says_nothing(doc_text(sentence.doc)[content[0]:content[1]]):
            silenced.append(content)  # "declined to comment", "declined to say whether ...": nothing said
            continue
        speaker = attributor.of_verb(cue) if content is not None else None
        owner = _next_act_of(cue, found)
        if content is not None and owner is not None:
            speaker = owner  # "The mayor said the city would appeal and added that ...": the mayor added it
        if not speaker:
            continue
        _remember(attributor, cue, speaker)
        found.append((speaker, lemma_of(cue), _token_at(cue), content))
    found.extend(_owned_statements(sentence, attributor, quote_map, found))
    if not found:
        position = _position_statement(sentence, attributor)
        if position is not None:
            return [position]
    lowered = sentence.text.lower()
    for phrase in phrases:
        at = lowered.find(phrase + " ")
        if at < 0:
            continue
        tokens = [t for t in sentence if t.idx - sentence.start_char >= at + len(phrase)]
        if not tokens or quote_map.contains(tokens[0].idx):
            continue
        quoting = next((t for t in sentence if t.idx - sentence.start_char == at), None)
        if quoting is not None and any(c.lower_ == "as" for c in quoting.children):
            continue  # "was quoted by the Register as saying ...": the one quoted says it, above
        source = _phrase_object(tokens[0])
        speaker = attributor.subject(source)
        if not speaker:
            continue
        if source.tag_ in {"NNS", "NNPS"}:
            attributor.remember(source.i, speaker.name, speaker.confidence)  # "according to three diplomats. ..., they said"
        cue_at = (sentence.start_char + at, sentence.start_char + at + len(phrase))
        content = _without_phrase(sentence, at, tokens[0])
        # A stance inside what the source reports is part of it ("according to the poll, 61% of
        # voters oppose the tariff"); another's speech is theirs ("..., but Ms Lee says ...").
        found = [f for f in found if not (content[0] <= f[2][0] < content[1] and f[1] in _stance_verbs())]
        for other, _, other_cue, _ in found:  # stop where another's attribution starts
            if content[0] <= other_cue[0] < content[1] and not (other.start is not None and other.start <= content[0]):
                # (the clause's own subject speaking is what the source reports: "According to her
                # diary, the first lady had referred to him as ...")
                cut = other.start if other.start is not None and content[0] < other.start < other_cue[0] else other_cue[0]
                content = _stripped(doc_text(sentence.doc), content[0], cut)
                relative = re.search(r"\s+(?:that|which|who)$", doc_text(sentence.doc)[content[0]:content[1]])
                if relative:  # "well below the 95 percent | that experts say is needed": the other's clause opens with it
                    content = (content[0], content[0] + relative.start())
        content = _closing_quote_kept(doc_text(sentence.doc), *content)
        if _quotation_with_its_cue(sentence, content, quote_map, verbs, particles):
            break  # '"...," Pence said, according to audio provided to The Times': the quotation has its speaker
        text = doc_text(sentence.doc)[content[0]:content[1]]
        text = re.sub(r"\s*\b(?:but|and|while|whereas)$", "", text.rstrip(" ,;"))
        if len(text.split()) >= 4:
            found.append((speaker, phrase, cue_at, (content[0], content[0] + len(text))))
        break
    if not found:
        found.extend(_figures_of_a_finding(sentence, attributor))
    if not found:
        found.extend(_holders_view(sentence, attributor, quote_map))
    return _with_disputed_allegation(sentence, attributor, found)


_VIEW_NOUNS = frozenset({"view", "opinion", "judgement", "judgment", "estimation", "reckoning"})


def _holders_view(sentence: Span, attributor: Attributor, quote_map: QuoteMap) -> list[Statement]:
    """"In my view, X", "X, in his view, Y", "In Lee's judgement, X": the clause is its holder's
    claim, the writer's for "my". Only where the phrase frames the clause (it opens the sentence or
    commas set it off), not "a change in his view of the war"."""
    doc = sentence.doc
    for token in sentence:
        if token.lower_ != "in" or quote_map.contains(token.idx) or not (token.i == sentence.start or doc[token.i - 1].text == ","):
            continue
        noun = next((c for c in token.children if c.dep_ == "pobj"), None)
        holder = next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
        if (holder is None or noun.lemma_.lower() not in _VIEW_NOUNS or noun.i - token.i > 4 or noun.i + 1 >= len(doc)
                or doc[noun.i + 1].text != ","):
            continue
        if holder.lower_ == "my":
            speaker: Speaker | None = Speaker(AUTHOR, confidence=NAMED)
        elif holder.lower_ in {"his", "her"}:
            speaker = attributor.previous(holder, person=True)
        else:
            speaker = attributor.subject(holder)
        if speaker is None:
            return []
        content = _without_phrase(sentence, token.idx - sentence.start_char, noun)
        if len(doc_text(doc)[content[0]:content[1]].split()) < 4:
            return []
        return [(speaker, "view", (token.idx, noun.idx + len(noun.text)), content)]
    return []


# ", a charge Athens has repeatedly denied.", ", an allegation London rejected.", ", which Moscow denies.",
# ', a charge the party dismissed as "an excuse".'
_DISPUTED = re.compile(
    r",\s+(?:(?:a|an)\s+(?:charge|claim|allegation|accusation|assertion|account|finding|conclusion|characteri[sz]ation|label)\s+(?:that\s+|which\s+)?|which\s+|something\s+)"
    r"(?P<who>[\w’'.\- ]+?)\s+(?:(?:has|have|had|also|long|always|repeatedly|strongly|flatly|since|vehemently|consistently)\s+)*"
    r"(?P<verb>deni(?:ed|es)|deny|reject(?:ed|s)?|disput(?:ed|es|e)|dismiss(?:ed|es)?)(?:\s+as\s+[^,;]+)?\W*$")


def _with_disputed_allegation(sentence: Span, attributor: Attributor, found: list[Statement]) -> list[Statement]:
    """A wire's closing aside, "X said Y did it, a charge Y denies": the denial is Y's claim
    about what X alleged, and not part of X's claim."""
    offset = max(0, len(sentence.text) - 200)  # the aside closes the sentence: a search of its end stays linear
    match = _DISPUTED.search(sentence.text, offset)
    if match is None:
        return found
    doc = sentence.doc
    tail = sentence.start_char + match.start()
    who = doc.char_span(sentence.start_char + match.start("who"), sentence.start_char + match.end("who"), alignment_mode="expand")
    kept = [(speaker, cue, cue_at, (content[0], min(content[1], tail))) for speaker, cue, cue_at, content in found
            if cue_at[0] < tail and content[0] < tail]
    alleged = next((content for _, _, cue_at, content in kept), None)
    # The span's last noun, not its root: the parser may hang "the" and "ministry" of "a claim the
    # ministry disputes" each on the verb it took for a noun, and "the" is then the root.
    head = next((t for t in reversed(who) if t.pos_ in {"NOUN", "PROPN", "PRON"}), who.root) if who is not None else None
    speaker = attributor.subject(head) if head is not None else None
    if speaker is not None and who is not None and head is not who.root and speaker.name[:1].islower():
        speaker = Speaker(fold_space(who.text), confidence=DESCRIBED)  # "the ministry", as written
    if alleged is None or speaker is None:
        return kept
    verb_at = (sentence.start_char + match.start("verb"), sentence.start_char + match.end("verb"))
    return [*kept, (speaker, lemma_of(doc.char_span(*verb_at, alignment_mode="expand").root), verb_at, alleged)]


def _owned_statements(sentence: Span, attributor: Attributor, quote_map: QuoteMap, found: list[Statement]) -> list[Statement]:
    """"Mr. Dorn's assertion that the tariffs would be paid abroad", "stood by his claim that
    borrowing would fall": a noun of saying, its owner and the clause it holds make the owner's
    claim, as a verb of saying would."""
    statements: list[Statement] = []
    text = doc_text(sentence.doc)
    for noun in sentence:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in word_list("claim_nouns") or quote_map.contains(noun.idx):
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        # The clause right after the noun, wherever the parser hung it ("backpedaled on her
        # forecast | that ...": on the verb)
        that = sentence.doc[noun.i + 1] if noun.i + 1 < sentence.end else None
        clause = that.head if that is not None and that.lower_ == "that" and that.dep_ == "mark" else None
        if clause is not None and (clause.dep_ not in {"acl", "ccomp", "appos"} or clause.left_edge.i != that.i):
            clause = None
        if owner is None or clause is None or noun.dep_ == "ROOT" or owner.lower_ in {"my", "our", "your", "their"}:
            continue  # (a noun as the root: the parser took the main verb into the clause)
        if owner.lower_ in {"his", "her", "its"}:
            speaker = _owner_is_subject(noun, owner, attributor)
        else:
            speaker = attributor.subject(owner)
        last = clause.right_edge
        joined = [c for c in clause.children if c.dep_ == "conj" and c.tag_ != clause.tag_]  # "..., and blamed oil prices"
        if joined:
            last = sentence.doc[joined[0].left_edge.i - 1]
            while last.i > clause.i and (last.is_punct or last.dep_ == "cc"):
                last = sentence.doc[last.i - 1]
        content = _closing_quote_kept(text, *_stripped(text, clause.left_edge.nbor().idx, last.idx + len(last.text)))
        if speaker is None or len(text[content[0]:content[1]].split()) < 3:
            continue
        for i, other in enumerate(found):
            if other[3] == content and other[1] != "say" and other[0].name != speaker.name:
                # "He rejected the mayor's claim that crime had fallen": he rejects the claim, the
                # mayor made it
                found[i] = (other[0], other[1], other[2], (noun.left_edge.idx, content[1]))
        if any(other[3] == content for other in found):
            continue  # "said in his statement that ...": claimed with its verb
        statements.append((speaker, noun.lemma_.lower(), _token_at(noun), content))
    return statements


# Verbs of stance by which one keeps to or goes over one's own claim ("reiterated his claim"), and
# verbs of meeting another's claim besides those of stance ("laughed off her suggestion").
_OWN_CLAIM_VERBS = frozenset({"reiterate", "reaffirm"})
_MEETING_A_CLAIM = frozenset("dispute contest disagree laugh ridicule mock read hear seize question challenge doubt dismiss scoff "
                             "answer counter rebut refute debunk fact-check investigate probe".split())


def _owner_is_subject(noun: Token, owner: Token, attributor: Attributor) -> Speaker | None:
    """Whose "his claim" is, when the sentence says: the subject of the verb it hangs on, when it
    fits ("Vane stood by his claim", "she backpedaled on her forecast", "Pence is not alone in
    his contention"). Not after a verb of meeting another's claim ("Ruiz disputed her assertion",
    "Critics seized on his claim"): "his" may be anyone named before, so no one."""
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or lemma_of(verb) in (_stance_verbs() | _MEETING_A_CLAIM) - _OWN_CLAIM_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in {"NNS", "NNPS"} or subject.lower_ in {"they", "we", "i", "you"}:
        return None
    speaker = attributor.subject(subject)
    actor = attributor.actors.by_name(speaker.name) if speaker is not None else None
    if speaker is None or actor is None or (actor.type == "person") != (owner.lower_ != "its"):
        return None
    gender = attributor.gender(speaker.name)
    if gender is not None and owner.lower_ in {"his", "her"} and gender != ("m" if owner.lower_ == "his" else "f"):
        return None
    return speaker


def _quotation_with_its_cue(sentence: Span, content: tuple[int, int], quote_map: QuoteMap, verbs: frozenset[str], particles: dict[str, set[str]]) -> bool:
    """The content is a quotation that opens the sentence with its cue right after it ('"We won,"
    Pence said'), not a quoted term that opens a clause ('"Red flag" laws, which supporters say
    ...')."""
    if not _starts_quoted(sentence, quote_map):
        return False
    quote = quote_map.bounds(next(t.idx for t in sentence if not t.is_space and t.text not in QUOTE_MARKS))
    if quote is None or not re.search(r"[,.!?]\W*$", doc_text(sentence.doc)[quote[0]:quote[1]]):
        return False
    verb = next((t for t in sentence if t.idx >= quote[1] and t.pos_ == "VERB"), None)  # "the two-term president will say"
    return verb is not None and _is_reporting_cue(verb, verbs, particles) and content[0] <= verb.idx < content[1]


def _figures_of_a_finding(sentence: Span, attributor: Attributor) -> list[Statement]:
    """Figures "in" or "from" a poll or study that names who made it ("In an October CBS News
    poll, she led 56 percent to 32") are that maker's: the sentence without the phrase."""
    if not has_statistic(sentence):
        return []
    for preposition in sentence:
        if preposition.lower_ not in {"in", "from"} or preposition.dep_ != "prep" or preposition.head.dep_ != "ROOT":
            continue
        finding = next((c for c in preposition.children if c.dep_ == "pobj" and c.lemma_.lower() in word_list("finding_nouns")), None)
        speaker = attributor.subject(finding, require_actor=True) if finding is not None else None
        if speaker is None:
            continue
        content = _without_phrase(sentence, preposition.idx - sentence.start_char, sentence.doc[preposition.i + 1])
        if len(doc_text(sentence.doc)[content[0]:content[1]].split()) >= 4:
            return [(speaker, preposition.lower_, _token_at(preposition), content)]
    return []


def _reported_by_later_cue(token: Token, verbs: frozenset[str], particles: dict[str, set[str]], quote_map: QuoteMap) -> bool:
    """The cue's clause is what a reporting verb after it says, with a subject of its own ("The
    data show that ..., the analyst said"): the claim is that speaker's, not the clause's subject's."""
    head = token.head
    return (
        token.dep_ == "ccomp" and head.i > token.i and not quote_map.contains(head.idx) and token.lemma_.lower() in word_list("evidence_verbs")
        and _is_reporting_cue(head, verbs, particles) and any(c.dep_ in SUBJECT_DEPS for c in head.children)
    )


def _position_statement(sentence: Span, attributor: Attributor) -> tuple[Speaker, str, tuple[int, int], tuple[int, int]] | None:
    """"The latest word from Moscow is that talks will go on": the owner of a position noun says
    the clause after "is that"."""
    root = sentence.root
    if root.lemma_ != "be":
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    clause = next((c for c in root.children if c.dep_ in {"ccomp", "attr"} and c.i > root.i), None)
    if subject is None or clause is None or subject.lemma_.lower() not in word_list("position_nouns"):
        return None
    if not (root.i + 1 < len(root.doc) and root.doc[root.i + 1].lower_ == "that"):
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None:
        source = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        owner = next((c for c in source.children if c.dep_ == "pobj"), None) if source is not None else None
    if owner is None:
        return None
    if owner.lower_ in {"my", "our"}:  # "My own expectation is that ...": the author's own view
        return Speaker(AUTHOR, owner.idx, owner.idx + len(owner.text), confidence=NAMED), "be", _token_at(root), _position_content(root, clause, sentence)
    speaker = attributor.subject(owner, require_actor=True)
    if speaker is None:
        return None
    return speaker.with_confidence(0.8), "be", _token_at(root), _position_content(root, clause, sentence)


def _position_content(root: Token, clause: Token, sentence: Span) -> tuple[int, int]:
    first = root.doc[root.i + 2] if root.i + 2 < sentence.end else clause
    end = clause.right_edge
    return first.idx, end.idx + len(end.text)


def _phrase_object(token: Token) -> Token:
    """The noun of the phrase `token` opens ("the latest New York Times/CBS News poll")."""
    head = token
    while head.head.i > head.i and head.dep_ in {"compound", "amod", "det", "poss", "nummod", "nmod"}:
        head = head.head
    return head


_BRACKETED_SHORT = re.compile(r"\s*\([^()\s]{1,12}\)")


def _without_phrase(sentence: Span, at: int, first_object: Token) -> tuple[int, int]:
    """The sentence's offsets without "according to X": the longer side of the phrase, or, when
    the phrase closes a bracket, what the bracket holds ("Iowa (93 percent of voters there were
    white, according to exit polls), New Hampshire ...")."""
    head = _phrase_object(first_object)
    text = doc_text(sentence.doc)
    phrase_start, phrase_end = sentence.start_char + at, head.right_edge.idx + len(head.right_edge.text)
    abbreviation = _BRACKETED_SHORT.match(text, phrase_end, sentence.end_char)
    if abbreviation:
        phrase_end = abbreviation.end()  # "according to the Office for ... (OCHA), ...": the source's short name
    opening = text.rfind("(", sentence.start_char, phrase_start)
    if opening >= 0 and ")" not in text[opening:phrase_start] and text[phrase_end:sentence.end_char].lstrip().startswith(")"):
        inside = _stripped(text, opening + 1, phrase_start)
        if len(text[inside[0]:inside[1]].split()) >= 3:
            return inside
        return _stripped(text, sentence.start_char, sentence.end_char)  # "Turnout (according to exit polls) rose"
    before = _stripped(text, sentence.start_char, phrase_start)
    after = _stripped(text, phrase_end, sentence.end_char)
    set_off = text[:phrase_start].rstrip().endswith(",") and text[phrase_end:sentence.end_char].lstrip().startswith(",")
    verbs = [t for t in sentence if t.pos_ in {"VERB", "AUX"}]
    if (set_off and before[0] < before[1] and not any(t.idx < phrase_start for t in verbs) and any(t.idx >= phrase_end for t in verbs)
            and not any(t.idx >= phrase_end and t.lemma_.lower() in reporting_verbs() for t in verbs)):  # not "..., according to Gibson, Major said ..."
        # "The plan, according to the ministry, will cost $2 billion": the phrase interrupts the
        # clause, whose subject is part of what the ministry says
        return _stripped(text, sentence.start_char, sentence.end_char)
    if before[0] < before[1] and _source_named_after(sentence, phrase_end):
        return before  # "..., according to the hospital's director, Ayu Dewi, who ...": what follows is the source's name
    if set_off and before[0] < before[1] and re.match(r",\s*(?:and|but)\s", text[phrase_end:sentence.end_char].lstrip()):
        return before  # "Doha funded convoys, according to aid workers, and has offered ...": the writer goes on
    return max(before, after, key=lambda at: len(text[at[0]:at[1]].split()))


def _source_named_after(sentence: Span, phrase_end: int) -> bool:
    """The source's name set off by commas after "according to the director": ", Ayu Dewi," or
    ", Ayu Dewi." (not ", Major said ...", the subject of another clause)."""
    rest = sentence.doc.char_span(phrase_end, sentence.end_char, alignment_mode="expand")
    if rest is None or len(rest) < 3 or rest[0].text != "," or rest[1].ent_type_ != "PERSON":
        return False
    end = next((t for t in rest[1:] if t.ent_type_ != "PERSON"), None)
    return end is None or end.text in {",", ".", ";"}


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """Without spaces and separators at the ends, nor the opening mark of the next quotation
    that the parser left at the end of the sentence ('were unacceptable. “This is ...')."""
    while start < end and text[start] in " ,;":
        start += 1
    while end > start:
        if text[end - 1] in " ,;":
            end -= 1
        elif opening := _OPENING_AT_END.search(text, start, end):
            end = opening.start()
        else:
            break
    return start, end


_OPENING_AT_END = re.compile(r"""(?:“|\s"|\s'')$""")


def _closing_quote_kept(text: str, start: int, end: int) -> tuple[int, int]:
    """'failing to meet "expectations and standards' ends with its closing mark (and the comma
    the text puts inside it), so the claim never opens a quotation it does not close; it keeps an
    opening mark just before it, and never opens a bracket it does not close either."""
    start, end = _stripped(text, start, end)
    content = text[start:end]
    if content.count("”") > content.count("“") and text[max(0, start - 2):start].rstrip().endswith("“"):
        start = text.rindex("“", 0, start)  # 'saying “pray for him” in response': with its opening mark
        content = text[start:end]
    opened = content.count("“") > content.count("”") or content.count('"') % 2 == 1 or content.count("''") % 2 == 1
    if opened:
        match = re.match(r"""[,.!?]?(?:["”]|'')""", text[end:end + 3])
        if match:
            return start, end + match.end()
    if content.count("(") > content.count(")"):
        # "raising taxes (which Clinton also supports": to the closing bracket, or without the
        # bracket when it closes further than its sentence would
        closing = re.match(r"[^()\n.!?]{0,80}\)", text[end:])
        return (start, end + closing.end()) if closing else _stripped(text, start, start + content.rindex("("))
    return start, end


def _reported_content(verb: Token, sentence: Span, quote_map: QuoteMap) -> tuple[int, int] | None:
    """What the verb reports: its clause, else the words after it, else the sentence, unless the
    sentence is a quotation with its cue ('"...," said X'), which the quote's own claim holds."""
    if _as_noted(verb):
        return _as_noted_content(verb, sentence, quote_map)
    closing_subject = _closing_subject(verb)
    if closing_subject is not None:
        # "..., she said.": all that comes before, however the parser hung it, when it is a
        # clause; a quotation with its cue is the quote's own claim
        words = sentence.doc[sentence.start:closing_subject.left_edge.i - 1]
        before = _closing_quote_kept(doc_text(sentence.doc), *_stripped(doc_text(sentence.doc), sentence.start_char, sentence.doc[closing_subject.left_edge.i - 1].idx))
        tops = _top_verbs(words)
        clause = _is_main_clause(words) and (not tops or any(is_finite(t) or any(c.dep_ in SUBJECT_DEPS for c in t.children) for t in tops))
        clause = clause or _past_read_as_participle(verb, closing_subject)
        return before if clause and _unquoted_words(doc_text(sentence.doc), before, quote_map) >= 4 else None
    complements = [child for child in verb.children if child.dep_ in {"ccomp", "xcomp"} and child.i > verb.i]
    if not complements and verb.pos_ == "NOUN" and (relative := _that_clause_read_as_relative(verb)) is not None:
        complements = [relative]  # "Police allege that ...", read as a noun
    misread = (_clause_read_as_relative(verb) or _that_clause_after_phrase(verb)) if not complements else None
    if misread is not None:
        # "told the jury she had signed them", read as "the jury she had signed"; "said at the
        # time that France had ...", read as "the time that France had ..."
        complements = [misread]
    if not complements and (_calls_on(verb) or _calls_for(verb)):
        complements = [_to_infinitive_after(verb)]  # "calling on candidates | to support ...", "called for the board to resign"
    if lemma_of(verb) == "make":
        # "made (it) clear that ...": what was made clear, the clause the parser hangs on "clear";
        # "made plain its opposition" reports no clause
        complements = [clause for c in complements for clause in (_clause_made_clear(c) if c.lower_ in {"clear", "plain"} else [c])
                       if clause.dep_ in {"ccomp", "advcl"} and clause.pos_ in {"VERB", "AUX"}]  # not "made clear his aim"
        if not complements:
            return None
    if complements and all(_circumstance(c) for c in complements):
        return None  # "Marsh asked, nodding yes": what the speaker did, and nothing said here
    complements = [c for c in complements if not _circumstance(c)]
    complements = complements[:1] + [c for c in complements[1:] if not _another_cue(c, quote_map) and not next_act_on_the_cue(c)]
    doc = sentence.doc
    aside = _aside(verb) if not complements else None
    interrupted = _interrupted_clause(verb, aside, sentence) if aside is not None else None
    if interrupted is not None:
        # "The city, Reyes said, was caught ...", "If the city goes alone, she argued, it will
        # lose": the cue interrupts what it reports, whose first part belongs to it (the
        # condition changes what was said). The claim's text leaves the aside out.
        return _closing_quote_kept(doc_text(doc), *_stripped(doc_text(doc), *interrupted))
    named = _naming_end(verb)
    if named is not None and not complements:  # "called the senator a 'nasty guy'": the naming is the claim, with its verb
        return _closing_quote_kept(doc_text(doc), verb.idx, named.idx + len(named.text))
    inverted = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i > verb.i), None)
    if inverted is None and lemma_of(verb) in INVERTING_VERBS and verb.i > sentence.start and doc[verb.i - 1].text == ",":
        # "..., added Tom Hale": the parser took the speaker for the verb's object
        inverted = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1 and c.pos_ == "PROPN"), None)
    if not complements and inverted is not None and lemma_of(verb) not in INVERTING_VERBS:
        return None  # "(think Roosevelt and Truman)": an aside to the reader, no speaker after its verb
    if not complements and inverted is not None:  # "..., said Mayor Don Guardian": what came before
        if _starts_quoted(sentence, quote_map):
            return None  # '"...," said X': the quotation's own claim
        if verb.dep_ == "parataxis" and verb.head.i > verb.i and any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.head.children):
            # "The paradox of Nancy, says Carl Anthony, is that ...": the cue interrupts one clause
            return _closing_quote_kept(doc_text(doc), sentence.start_char, sentence.end_char)
        before = _stripped(doc_text(doc), sentence.start_char, verb.idx)
        if any(quote_map.contains(t.idx) for t in sentence):  # 'But "if you ...," said X': the clause it opens
            before = _closing_quote_kept(doc_text(doc), *_without_opening(doc_text(doc), *before))
        return before if len(doc_text(doc)[before[0]:before[1]].split()) >= 4 else None
    # Not a clause of time, cause or contrast the parser took for one ("While populists blame X,
    # Francis points to Y"); a clause that holds one is ("If states fail, Washington can step in, he said").
    leading = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and not _opens_adverbial(c)), None)
    addressed = lemma_of(verb) in word_list("addressing_verbs")  # "..., a person familiar with the talks told the AP": whom, not what
    if not complements and leading is not None and (addressed or not any(c.dep_ == "dobj" for c in verb.children)):  # not "...: Trump holds 14 percent"
        # "There was a 'whiff' of concern back in 1994, ..., Shibley said": the clause before the
        # cue, when it is more than a quotation (a quotation with its cue is the quote's own claim).
        end = _before_speaker_in_apposition(verb, leading) or leading.right_edge
        before = _closing_quote_kept(doc_text(doc), *_stripped(doc_text(doc), leading.left_edge.idx, end.idx + len(end.text)))
        words = _unquoted_words(doc_text(doc), before, quote_map)
        if words >= 4 or words == 3 and any(c.dep_ in SUBJECT_DEPS for c in leading.children):
            return before  # three words make a claim when they are a clause ("Sales were great, he said")
    if complements:
        if _starts_quoted(sentence, quote_map) and complements[0].left_edge.i == verb.i + 1 and doc[verb.i + 1].pos_ == "PROPN":
            return None  # '"...," said Robin Maynard, half joking': the speaker, misread as a clause
        if _negated(verb, complements[0]):
            return _stance_clause(verb)  # "Serbia refused to impose sanctions", not "to impose sanctions"
        # From the first complement to the last: the parser may split one reported clause in two
        # ("said he feels | voting yes was a misstep").
        first, last = complements[0].left_edge, max((c.right_edge for c in complements), key=lambda t: t.i)
        if lemma_of(verb) == "make" and first.lower_ in {"clear", "plain"} and first.i < last.i:
            first = doc[first.i + 1]  # "has made clear it is watching", "clear" read as part of the clause
        first = _after_time_of_saying(first, last)
        # "said the days when ... are gone": the parser took the clause's subject for the verb's
        # object; not a time ("said last week the budget ...") nor whom a verb addresses.
        split_subject = next((c for c in verb.children if c.dep_ in {"dobj", "npadvmod"} and c.right_edge.i + 1 == first.i and c.i > verb.i
                              and (c.pos_ in {"NOUN", "PROPN"} or c.pos_ == "NUM" and any(g.dep_ == "relcl" for g in c.children))
                              and c.lower_ not in _DAY_WORDS
                              and (c.ent_type_ not in {"DATE", "TIME"} or any(g.dep_ in {"relcl", "acl"} for g in c.children))), None)
        if split_subject is not None and (lemma_of(verb) not in word_list("addressing_verbs") or split_subject.pos_ == "NUM"):
            first = split_subject.left_edge  # "records show the $204,202 that she raised is the most": no one addressed
        addressee = _addressee(verb, complements[0])
        if addressee is not None and addressee.lower_ == "anonymity":
            return None  # "asking for anonymity to speak freely": the terms of speaking, nothing said
        if addressee is not None and addressee.left_edge.i < first.i:
            first = addressee.left_edge  # "urged NATO allies to send troops": who is to act is part of what is asked
        that = next((t for t in doc[first.i:last.i] if t.dep_ == "mark" and t.lower_ == "that" and not quote_map.contains(t.idx)), None)
        if quote_map.contains(first.idx) and that is not None:
            first = that  # 'said on NBC's "Meet the Press" on Sunday that ...': the clause after "that"
        last = _content_runs_on(verb, last, sentence, quote_map)
        last = _before_speakers_next_act(verb, complements, first, last, quote_map)
        last = _before_writers_gloss(first, last, quote_map)
        last = _before_as_did(first, last, quote_map)
        if (first.lower_ == "that" or first.lower_ == "for" and first.dep_ == "mark") and first.i < last.i:  # "whether" stays: a question is no assertion
            first = doc[first.i + 1]
        if _relative_cue(verb) is not None:
            first = verb.head.left_edge  # "vessels that the EU says belong to ...": the vessels are what belongs
        return _closing_quote_kept(doc_text(doc), first.idx, last.idx + len(last.text))
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    takes_object = any(c.dep_ == "dobj" for c in verb.children)  # "..., Christie endorsed Trump": the stance is the claim
    if subject is not None and not takes_object and subject.left_edge.i > sentence.start and doc[subject.left_edge.i - 1].text == ",":
        # "The emails were on many topics, the Times said, including ...": what came before,
        # when it is a clause ("In the wake of the remarks, Trump called ..." is not).
        before = _stripped(doc_text(doc), sentence.start_char, doc[subject.left_edge.i - 1].idx)
        # A clause, and not only what leads up to the main one the cue interrupts ("If the bill
        # passes, the mayor said, taxes will rise") or one of time or contrast ("While X blames
        # migrants, Y points to ...").
        leading_part = doc[sentence.start:subject.left_edge.i]
        asked = doc[sentence.start].tag_ == "VBN" and lemma_of(doc[sentence.start]) in ASKING_VERBS  # "Asked why ..., he replied": the question
        clause = _is_main_clause(leading_part) and not (verb.dep_ == "parataxis" and verb.head.i > verb.i) and not asked
        if clause and len(doc_text(doc)[before[0]:before[1]].split()) >= 4 and _unquoted_words(doc_text(doc), before, quote_map) >= 4:
            return before  # a quotation with its cue is the quote's own claim
    that = next((t for t in verb.subtree if t.dep_ == "mark" and t.lower_ == "that" and t.i > verb.i), None)
    branch = _branch_of_another_cue(that, verb) if that is not None else None
    if branch is not None:
        # "said, adding that ...", "dismissed the charges by pointing out that ...": the clause is
        # what the other verb reports, a claim of its own; a stance keeps what comes before it.
        if not (takes_object and lemma_of(verb) in _stance_verbs()):
            return None
        start, end = _stance_clause(verb)
        last = doc[branch.left_edge.i - 1]
        while last.i > verb.i and (last.is_punct and last.text not in QUOTE_MARKS or last.dep_ == "cc"):
            last = doc[last.i - 1]
        return start, min(end, last.idx + len(last.text))
    if that is not None and that.i + 1 < sentence.end:  # "told NBC's show on Wednesday that he ...": the clause hung on a noun
        last = that.head.right_edge
        return doc[that.i + 1].idx, last.idx + len(last.text)
    if (takes_object and lemma_of(verb) in _stance_verbs()) or _finding_shows(verb):
        return _stance_clause(verb)  # "Christie endorsed Trump last week", without what leads up to it
    after = doc[verb.i + 1:sentence.end]
    if len(after.text.split()) >= 4:
        first = after[0]
        while first.is_punct and first.i + 1 < sentence.end:
            first = doc[first.i + 1]
        # What follows is what was said only when it is a clause ("said: the talks failed"), not
        # where or to whom ("said at a rally in Ohio", "told CBS News on Tuesday"), nor what the
        # speaker did next ("said, and left the hall").
        # Nor the speaker's next act ("said, adding that ..."), which is a claim of its own.
        next_act = first.pos_ == "VERB" and lemma_of(first) in _speech_acts() and any(c.dep_ == "ccomp" for c in first.children)
        # Nor the circumstances ('..., Trump said when a protester fell', 'she said as she accepted
        # the award', 'he said, popping a soda'), unless they are words too ("citing ...", "as he
        # traced her career").
        if first.tag_ == "VBG":
            circumstance = lemma_of(first) not in _speech_acts() | _WORDS_ABOUT
        elif lemma_of(first) in ASKING_VERBS and first.tag_ in {"VBN", "VBD"} and not any(c.dep_ in SUBJECT_DEPS for c in first.children):
            circumstance = True  # '"...," McCain said, asked about the delay': the question put to him
        elif first.lower_ in {"when", "as", "after", "before", "once", "until"}:
            act = first.head
            circumstance = lemma_of(act) not in _WORDS_ABOUT and not (lemma_of(act) in _speech_acts() and any(c.dep_ == "ccomp" for c in act.children))
        else:
            circumstance = False
        addressed = first.dep_ in {"dobj", "dative"} or first.dep_ in {"compound", "flat"} and first.head.dep_ in {"dobj", "dative"}  # "told Mr. Obama as ..."
        when = first.dep_ == "npadvmod" or first.dep_ in {"compound", "amod", "det"} and first.head.dep_ == "npadvmod"  # "said Saturday night at ..."
        if (first.pos_ not in {"ADP", "ADV", "CCONJ"} and first.dep_ != "cc" and not when and not addressed and not next_act and not circumstance
                and any(t.tag_ in FINITE_TAGS for t in after)):
            return _closing_quote_kept(doc_text(doc), first.idx, sentence.end_char)
        if lemma_of(verb) not in _stance_verbs():
            return None
    quoted = [t for t in sentence if quote_map.contains(t.idx)]
    if lemma_of(verb) in _stance_verbs() and quoted:
        # A stance beside a quotation that is not its own: 'accused him of "hiding" and called
        # for a debate' (but not '"Quiet," he demanded, ...', the quotation's cue)
        clause = _stance_clause(verb)
        first = sentence.doc.char_span(clause[0], clause[1], alignment_mode="expand")
        before = [t for t in sentence.doc[max(0, first.start - 3):first.start] if not (t.is_punct and t.text not in QUOTE_MARKS)] if first else []
        quotes_cue = bool(before) and (quote_map.contains(before[-1].idx) or before[-1].text in QUOTE_MARKS)
        return None if quotes_cue or any(clause[0] <= t.idx < clause[1] for t in quoted) else clause
    if quoted:
        return None
    if verb.dep_ != "ROOT" or lemma_of(verb) in _stance_verbs():
        # A stance inside another clause ("..., though they swore they would support him"), or
        # the sentence's own ("Both criticized Trump and his rhetoric"): its own clause.
        return _stance_clause(verb)
    return sentence.start_char, sentence.end_char


def _aside(verb: Token) -> tuple[int, int] | None:
    """The token range of a cue set off by commas inside the clause it reports (", Reyes said,",
    ", she argued in an interview,"), which the parser hangs on that clause's verb after it;
    None for any other cue."""
    doc = verb.doc
    if verb.dep_ not in {"parataxis", "ccomp"} or any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return None
    if verb.head.i < verb.i and not any(c.i > verb.right_edge.i and _goes_on_with_a_clause(c) for c in verb.head.children):
        return None  # but "The plan is unworkable, Fenwick said, because ...": the clause goes on after it
    first, last = verb.left_edge.i, verb.right_edge.i
    while first < verb.i and doc[first].is_punct:
        first += 1
    while last > verb.i and doc[last].is_punct:
        last -= 1
    if (last - first > 8 or first <= verb.sent.start or last + 2 >= verb.sent.end
            or doc[first - 1].text != "," or doc[last + 1].text != "," or not any(c.dep_ in SUBJECT_DEPS for c in verb.children)):
        return None
    if doc[last + 2].text[0] in QUOTE_MARKS and not (last + 3 < len(doc) and doc[last + 3].text[:1].islower()):
        # 'In his memo, he wrote, "We must ...": the cue of a quotation, which is a claim of its
        # own; but 'The system, she said, "is still rigged"' goes on with the clause it interrupts
        return None
    return first, last + 1


_REFLEXIVES = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"})
_THEN = frozenset({"before", "after", "when", "while", "until", "as", "once"})


def _goes_on_with_a_clause(child: Token) -> bool:
    """More of the reported clause after an aside cue ("..., Fenwick said, because the border has
    no ..."), not when the speaker said it ("..., he said, before leaving the chamber") nor the
    source of the report ("..., according to the complaint")."""
    marker = next((c.lower_ for c in child.children if c.dep_ == "mark"), None)
    return (not child.is_punct and child.lower_ not in _THEN | {"according"} and marker not in _THEN
            # not "..., he said, in the latest clash"; but "..., officials said, the first (interview) by ..." goes on
            and not (child.left_edge.lower_ in {"in", "a", "an"} and _opens_writers_gloss(child.doc, child.left_edge.i)))


def _interrupted_clause(verb: Token, aside: tuple[int, int], sentence: Span) -> tuple[int, int] | None:
    """The offsets of the clause an aside cue interrupts, when words of it come before the aside:
    the sentence, when the aside interrupts its main clause; a clause inside it from its subject
    on ("... because the contractor, Ruiz said, had missed three deadlines"), since the writer's
    main clause around it is not what was said. None when only a connective or a relative
    pronoun comes before ("Rather, she said, ...", "a man who, witnesses said, had ...")."""
    doc, head = verb.doc, verb.head
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if head.dep_ == "ROOT":
        # (a main verb with no subject is a misreading: "closed the bridge after inspectors,
        # engineers said, found cracks")
        return (sentence.start_char, sentence.end_char) if subjects and _leads_into_clause(doc[sentence.start:aside[0]]) else None
    subject = next((c for c in subjects if c.i < aside[0]), None)
    if subject is None or subject.lower_ in {"who", "which", "that", "whom", "what"} or subject.left_edge.i < sentence.start:
        return None
    return subject.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)


def _leads_into_clause(words: Span) -> bool:
    """The words before an aside are part of the reported clause: more than a connective
    ("Rather,", "But,", "Meanwhile,"), which stands outside what was said."""
    content = [t for t in words if not t.is_punct]
    if len(content) == 1:
        return content[0].pos_ in {"PROPN", "NOUN", "PRON"}  # "Berlin, she said, would not accept ..."
    return len(content) >= 2 and not all(t.pos_ in {"ADV", "CCONJ", "SCONJ", "INTJ"} for t in content)


def _relative_cue(verb: Token) -> tuple[int, int] | None:
    """The token range of a cue inside a relative clause, with the relative word before it
    ("vessels | that the EU says | belong to ...", "the deal | he said | he would sign"): what is
    reported is about the noun the clause hangs on, which the cue's own words interrupt."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in {"NOUN", "PROPN"} or verb.head.i >= verb.i:
        return None
    complement = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if complement is None or subject is None or subject.lower_ in {"that", "which", "who", "whom"}:
        return None
    words_before = verb.doc[verb.head.i + 1:subject.left_edge.i]
    if any(t.tag_ in {"WRB", "IN"} for t in words_before):
        return None  # "the city where ...", "a campaign in which ...": the noun is no part of what was said
    relative = next((t for t in words_before if t.tag_ in {"WDT", "WP"}), None)
    if relative is not None and (relative.dep_ not in {"nsubj", "nsubjpass", "dobj"} or relative.head.i <= verb.i):
        return None
    if relative is None and any(c.dep_ in SUBJECT_DEPS for c in complement.children):
        return None  # "the reason voters say they stay home": the noun need not be a part of the clause
    start = relative.i if relative is not None else subject.left_edge.i
    end = complement.left_edge.i if complement.left_edge.i > verb.i else verb.i + 1
    if start <= verb.head.i:
        return None
    return start, end


def _without_aside(doc: Doc, content_at: tuple[int, int], cue_at: tuple[int, int]) -> str:
    """The content's words without the cue that interrupts them: "The city … was caught ...",
    "about 40 vessels … belong to a 'shadow fleet'". """
    text = doc_text(doc)
    cue = doc.char_span(*cue_at, alignment_mode="expand")
    relative = _relative_cue(cue[0]) if cue else None
    if relative is not None and content_at[0] < doc[relative[0]].idx and doc[relative[1]].idx < content_at[1]:
        return f"{text[content_at[0]:doc[relative[0]].idx].rstrip(' ,')} … {text[doc[relative[1]].idx:content_at[1]]}"
    aside = (_aside(cue[0]) or _as_aside(cue[0])) if cue else None
    if aside is None or not (content_at[0] < doc[aside[0]].idx and doc[aside[1] - 1].idx < content_at[1]):
        return text[content_at[0]:content_at[1]]
    before = text[content_at[0]:doc[aside[0] - 1].idx].rstrip()
    after = text[doc[aside[1]].idx + 1:content_at[1]].lstrip()
    return f"{before} … {after}"


def _another_cue(clause: Token, quote_map: QuoteMap) -> bool:
    """A later clause the parser hung on the cue that is a cue of its own, joined by "and" or
    "but", with its own subject and what it reports ("voters said Clinton is honest, | and
    three-quarters said the same of Sanders"): another claim, not more of this one. Not inside
    quotation marks, nor a participle ("said he was flooded with email, some of it mentioning
    Trump")."""
    doc = clause.doc
    opener = clause.left_edge
    return (clause.pos_ == "VERB" and clause.tag_ in FINITE_TAGS and lemma_of(clause) in reporting_verbs()
            and any(c.dep_ in SUBJECT_DEPS for c in clause.children) and any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in clause.children)
            and opener.i > 0 and doc[opener.i - 1].lower_ in {"and", "but"} and not quote_map.contains(clause.idx))


def _after_comma(token: Token) -> bool:
    """A comma before the token, or before the closing mark just before it ('as "fantastic,"
    telling ...')."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.text in QUOTE_MARKS and before.i > 0:
        before = doc[before.i - 1]
    return before is not None and before.text == ","


def _branch_of_another_cue(mark: Token, verb: Token) -> Token | None:
    """When the clause "that" opens is what another verb of speech under `verb` reports ('said,
    adding that ...', 'dismissed the charges by pointing out that ...'): the child of `verb`
    that holds that other verb. Not when the parser hung it on the verb's object, which the
    stance needs. The walk up the tree is bounded by its depth."""
    head, other = mark.head.head, None
    while head.i != verb.i and head.head.i != head.i:
        if other is None and head.pos_ == "VERB" and lemma_of(head) in _speech_acts():
            other = head
        if head.head.i == verb.i:
            return head if other is not None and head.dep_ not in {"dobj", "dative", "oprd", "attr"} else None
        head = head.head
    return None


def _next_act_of(verb: Token, found: list[Statement]) -> Speaker | None:
    """The speaker of an earlier cue whose reported clause the parser hung this verb of speech on
    (see `_before_speakers_next_act`): it has no subject of its own and stands just past that clause."""
    if verb.dep_ not in {"conj", "advcl"} or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    head = verb.head
    for speaker, _, _, content in found:
        if content is not None and content[0] <= head.idx < content[1] and verb.idx >= content[1]:
            return speaker
    return None


def _before_speakers_next_act(verb: Token, complements: list[Token], first: Token, last: Token, quote_map: QuoteMap) -> Token:
    """Where the reported clause ends when the parser hung another act of speech on it, outside
    quotation marks.

    Another speaker's act: "officials said the fire started in the kitchen, | while neighbors said
    ...": a verb of saying with a subject of its own, joined to the clause, is a claim of its own.
    The speaker's next act: "said he makes $41,000 a year | and questioned how ...", "said Kasich
    should leave the race, | echoing a memo from ...", "said the talks had begun - | but said
    ...". A verb of speech joined to the clause without a subject of its own, or a participle of
    speech after a comma, is the speaker's, not part of what was said, when the clause is in
    another tense than the cue or states something; a dangling "but" or dash goes with it. A
    clause that tells events in the cue's tense may go on with its subject's acts: "police said
    the man threatened the clerk and demanded cash", "... entered the bank, telling customers
    that he had a bomb"; only "added", and "said" joined with a clause of its own ("told the AP
    her group never met him and said the group ..."), are the speaker's whatever the tense."""
    doc = verb.doc
    end = last.i
    for complement in complements:
        stative = complement.lemma_.lower() in {"be", "have"} or any(c.dep_ == "aux" and c.tag_ == "MD" for c in complement.children)
        tells_events = complement.tag_ == verb.tag_ and not stative
        for child in (c for clause in _joined_clauses(complement) for c in clause.children):
            if child.dep_ == "conj" and first.i < child.i <= end and _gives_no_details(child) and not quote_map.contains(child.idx):
                end = min(end, child.left_edge.i - 1)  # "said the destroyer was operating in the sea | but gave no details"
                continue
            if child.i <= first.i or child.i > end or child.pos_ != "VERB" or lemma_of(child) not in _speech_acts() or quote_map.contains(child.idx):
                continue
            subject = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None:
                marker = next((c.lower_ for c in child.children if c.dep_ == "mark"), None)
                # Not "said that ... and that she expects ..." nor "... and he feels ...": the same
                # speaker goes on; nor a "while" clause the reported clause opens with.
                another = subject.lower_ not in _PRONOUNS and child.i > complement.i and marker != "that"
                # "while neighbors said ...", "whereas Petraeus acknowledged that ...": a contrast
                # brings in another source, whatever the verb of speech.
                # "..., | and three-quarters said the same of Sanders": a claim by reference to the last
                says = (lemma_of(child) in _SAYING or marker in {"while", "whereas"}) and any(
                    c.dep_ == "ccomp" or c.dep_ == "dobj" and lemma_of(child) == "say" and c.lower_ in _SAID_BY_REFERENCE for c in child.children)
                if another and says and (child.dep_ == "conj" or child.dep_ == "advcl" and marker in {"while", "whereas"}):
                    end = min(end, child.left_edge.i - 1)
                continue
            says_more = child.dep_ == "conj" and lemma_of(child) in _SAYING and any(c.dep_ == "ccomp" for c in child.children)
            if tells_events and lemma_of(child) != "add" and not says_more:
                continue
            joined = child.dep_ == "conj" and (child.tag_ == verb.tag_ or any(a.dep_ == "aux" and a.lower_ in {"did", "does"} for a in child.children)
                                               # "said the deal was done and added that ...", which the tagger read as one more participle
                                               or lemma_of(child) == "add" and any(c.dep_ == "ccomp" for c in child.children))
            # "noting that ...", "echoing a memo"; not "grew, adding 200,000 jobs"
            speech = lemma_of(child) in {"echo", "cite", "quote", "repeat"} or any(c.dep_ == "ccomp" for c in child.children)
            participle = child.dep_ == "advcl" and child.tag_ == "VBG" and _after_comma(child.left_edge) and speech
            if joined or participle:
                end = min(end, child.left_edge.i - 1)
    while end > first.i and (doc[end].is_punct and doc[end].text not in QUOTE_MARKS or doc[end].dep_ in {"cc", "mark"}):
        end -= 1
    return doc[end]


def _before_speaker_in_apposition(verb: Token, clause: Token) -> Token | None:
    """Where a clause before its cue ends when the parser hung the speaker on its last word as an
    apposition and left the cue with no subject: "... after leaving the port of Ust-Luga, | the
    National Bureau of Investigation said"."""
    doc = verb.doc
    if verb.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in verb.children) or clause.right_edge.i != verb.i - 1:
        return None
    word = doc[verb.i - 1]
    for _ in range(6):  # up from "Investigation" to "Bureau", the apposition
        if word.dep_ == "appos":
            opening = word.left_edge.i
            return doc[opening - 2] if opening - 2 > clause.left_edge.i and doc[opening - 1].text == "," else None
        if word.head.i == word.i or word.head.i >= verb.i:
            return None
        word = word.head
    return None


_DETAIL_NOUNS = frozenset("detail information evidence explanation reason timeline figure specific name comment".split())


def _gives_no_details(verb: Token) -> bool:
    """"gave no details", "did not provide evidence": the speaker's refusal to say more, an act of
    their own and no part of what they said."""
    if lemma_of(verb) not in {"give", "provide", "offer"}:
        return False
    negated = any(c.dep_ == "neg" for c in verb.children)
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _DETAIL_NOUNS and (negated or any(g.lower_ == "no" for g in c.children)) for c in verb.children)


def _after_time_of_saying(first: Token, last: Token) -> Token:
    """Where the reported clause starts when the parser took the time of saying into it: "said on
    Monday | it would require licences", "said Tuesday | that ..."; not "said Monday's vote was ...",
    where the time belongs to the clause's subject."""
    doc = first.doc
    i = first.i + (first.lower_ == "on")
    if not (first.lower_ == "on" or doc[i].lower_ in _TIMES_OF_SAYING):
        return first  # not "said each day he learns ...", whose time is the clause's
    end = i
    while end < last.i and doc[end].ent_type_ in {"DATE", "TIME"} and doc[end].lower_ not in {"'s", "’s"}:
        end += 1
    after = doc[end]
    if end > i and end < last.i and (after.lower_ == "that" and after.dep_ == "mark"
                                     or after.dep_ in SUBJECT_DEPS and after.head.pos_ in {"VERB", "AUX"} and after.head.i > after.i):
        return after
    return first


def _before_writers_gloss(first: Token, last: Token, quote_map: QuoteMap) -> Token:
    """A relative clause after a comma that ends the reported clause explains a word of it to the
    reader ("said he would quarantine people over the Zika virus, | which is spread by
    mosquitoes"), and a phrase after a comma places the event ("..., | a move that could disrupt
    supplies", "..., | the first claimed attack in months"): the writer's gloss, not what was
    said. Inside quotation marks it is the speaker's."""
    doc = first.doc
    for token in doc[first.i + 1:last.i]:
        if token.text == "," and token.i - 1 > first.i and not quote_map.contains(token.idx) and (
                _opens_writers_gloss(doc, token.i + 1) or _others_act_meanwhile(doc[token.i + 1])):
            return doc[token.i - 1]
    for token in doc[first.i:last.i + 1]:
        opener = token.left_edge
        if (token.dep_ == "relcl" and first.i <= token.head.i < opener.i and opener.lower_ in {"which", "who", "whom", "whose", "where"}
                and doc[opener.i - 1].text == "," and token.right_edge.i >= last.i - 1 and not quote_map.contains(opener.idx)):
            end = doc[opener.i - 2]
            return end if end.i > first.i else last
    return last


# Words that open the writer's gloss on an event after a comma: "in the latest clash", "the first
# such attack", "a move that ...", "a further escalation".
_GLOSS_RANKS = frozenset("latest first second third newest".split())  # not "the highest since 1990", often the speaker's
_GLOSS_NOUNS = frozenset("move step sign decision development blow setback escalation reversal signal shift rebuke departure change "
                         "concession climbdown".split())


def _opens_writers_gloss(doc: Doc, i: int) -> bool:
    """Whether the words from `i` open a gloss on the event: "in the latest ...", "the first ...",
    "a move ...", "a further step ..."."""
    if i < len(doc) and doc[i].lower_ == "in":
        i += 1
    if i + 1 >= len(doc) or doc[i].lower_ not in {"the", "a", "an"}:
        return False
    if doc[i].lower_ == "the":
        return doc[i + 1].lower_ in _GLOSS_RANKS
    noun = doc[i + 2] if doc[i + 1].pos_ == "ADJ" and i + 2 < len(doc) else doc[i + 1]
    return noun.lower_ in _GLOSS_NOUNS


def _others_act_meanwhile(word: Token) -> bool:
    """", as opposition parties demanded an inquiry", ", while the civilian government has called
    for dialogue": what others said while the speaker spoke, told by the writer ("as" or "while"
    with a clause of speech that has its own subject)."""
    act = word.head
    return (word.lower_ in {"as", "while", "whereas"} and word.dep_ == "mark" and act.i > word.i and lemma_of(act) in _speech_acts()
            and any(c.dep_ in SUBJECT_DEPS and c.lower_ not in _PRONOUNS and not _a_share(c) for c in act.children))


def _a_share(noun: Token) -> bool:
    """"31 per cent", "two in five": a share of those the claim counts ("61 per cent opposed it,
    while 31 per cent supported it" is one finding), not another speaker."""
    return noun.like_num or noun.ent_type_ in {"PERCENT", "CARDINAL"} or any(t.like_num for t in noun.subtree)


_AS_DID = frozenset({"do", "have", "be", "will", "would", "can", "could", "should"})


def _before_as_did(first: Token, last: Token, quote_map: QuoteMap) -> Token:
    """", as did two of his colleagues" after the reported clause: the writer tells who else did
    the same, which is no part of what was said. Only in that inverted order: ", as they have every
    year" may be the speaker's."""
    doc = first.doc
    for token in doc[first.i + 1:last.i - 1]:
        after = doc[token.i + 1]
        if (token.text == "," and after.lower_ == "as" and doc[token.i + 2].lemma_.lower() in _AS_DID and doc[token.i + 2].tag_ in {"VBD", "VBZ", "VBP", "MD"}
                and not quote_map.contains(token.idx)):
            return doc[token.i - 1]
    return last


# Verbs of saying, whose own subject makes a joined clause another speaker's claim; not verbs of
# thought ("said the candidate knew ... and thought ..." may go on with the candidate).
_SAYING = frozenset({"say", "tell", "add", "write", "tweet", "reply", "respond"})
# Verbs of addressing whose object is as often a thing shown or written as a person addressed.
_SHOWING = frozenset({"show", "teach", "write", "email", "text", "message", "call", "answer", "reply"})
_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})
_SAID_BY_REFERENCE = frozenset({"same", "opposite", "so", "otherwise", "likewise"})


def _joined_clauses(clause: Token) -> list[Token]:
    """The clause and the clauses joined to it ("has been an advocate | and would do the same")."""
    joined, stack = [], [clause]
    while stack:
        current = stack.pop()
        joined.append(current)
        stack.extend(c for c in current.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})
    return joined


def _is_setting(phrase: Token) -> bool:
    """A phrase that says when or where a stance was taken, and nothing of its content: "on
    Monday", "at a press conference in Halden"; not "on years of neglect", "in principle", nor
    "in a speech that praised its sponsors" (a clause of its own stays with the claim)."""
    if any(t.pos_ in {"VERB", "AUX"} for t in phrase.subtree):
        return False
    if phrase.dep_ == "npadvmod":
        return phrase.ent_type_ in {"DATE", "TIME"}
    if phrase.dep_ != "prep" or phrase.lower_ not in {"at", "in", "on", "during", "after", "before"}:
        return False
    place = next((c for c in phrase.children if c.dep_ == "pobj"), None)
    if place is None:
        return False
    named = [t for t in place.subtree if not (t.is_punct or t.dep_ == "det")]
    return place.lemma_.lower() in word_list("occasion_nouns") or all(t.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "FAC"} for t in named)


def _negated(verb: Token, complement: Token) -> bool:
    """What the cue reports is negated by the cue's own words, so that the clause alone would say
    the opposite: a verb of refusing before a clause with no subject ("refused to impose
    sanctions", "denied losing the town"), a negated cue ("did not say"), a subject of no one
    ("Neither side believes the truce is permanent")."""
    if (lemma_of(verb) in word_list("refusing_verbs") and not any(c.dep_ in SUBJECT_DEPS for c in complement.children)
            and complement.tag_ in {"VB", "VBG"} and lemma_of(complement) not in word_list("speaking_verbs")
            and complement.right_edge.i - complement.i >= 2):  # not "refused to endorse" alone, which names no what
        return True  # not "declined to comment", which says nothing (`_says_nothing`)
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and (subject.lower_ in {"nobody", "none", "neither"}
                                    or any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in subject.children))


def _addressee(verb: Token, complement: Token) -> Token | None:
    """Whom a request is put to, when they are the one to act: "urged NATO allies | to send
    troops", "called on both sides | to show restraint", "appealed to the public | not to share".
    Without them the claim ("to send troops") does not say who is asked to do it."""
    if complement != _to_infinitive_after(verb):
        return None
    for child in verb.children:
        if not verb.i < child.i < complement.i:
            continue
        if child.dep_ in {"dobj", "dative"} and child.pos_ in {"NOUN", "PROPN", "PRON"} and child.ent_type_ not in {"DATE", "TIME"}:
            return child  # (not "promised Monday to act")
        if child.dep_ == "prep" and child.lower_ in {"on", "upon", "to", "for"}:
            asked = next((g for g in child.children if g.dep_ == "pobj"), None)
            if asked is not None and asked.pos_ in {"NOUN", "PROPN", "PRON"} and asked.ent_type_ not in {"DATE", "TIME"}:
                return asked
    return None


def _stance_clause(verb: Token) -> tuple[int, int]:
    """A stance as its own clause: its subject, the verb with its auxiliaries and what it governs
    ("Christie endorsed Trump last week", "she would support him if he wins"), without what leads
    up to it ("In a move that shocked ...") or a joined clause of someone else's."""
    doc = verb.doc
    start = verb
    while start.i > 0 and doc[start.i - 1].head.i == verb.i and doc[start.i - 1].dep_ in {"aux", "auxpass", "neg", "advmod"}:
        start = doc[start.i - 1]
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is not None and subject.lower_ in {"which", "that", "who"}:
        subject = None  # "Russia, which denied any involvement": the claimant stands for it
    if subject is not None and not any(t.is_punct for t in doc[subject.right_edge.i + 1:start.i]):
        start = subject.left_edge  # the subject, when nothing but the verb's auxiliaries stands between
    end = verb.right_edge
    objects = [c for c in verb.children if c.i > verb.i and c.dep_ in {"dobj", "dative", "oprd", "xcomp", "ccomp", "acomp", "attr"}]
    # Where and when, after what the stance is about: "praised Boyle | at a press conference on Monday".
    settings = [c for c in verb.children if objects and c.i > max(o.i for o in objects) and _is_setting(c)]
    if settings and any(c.i > settings[0].i and c.dep_ != "punct" and c not in settings for c in verb.children):
        settings = []  # what the stance is comes after it: "promised Sunday at a rally to end ..."
    # Another clause, or the speaker's next act: "criticized Trump, and Rubio later dropped out",
    # "criticized the policy and said allies wanted ...": not part of the stance.
    joined = next((c for c in verb.children if c.i > verb.i and (
        c.dep_ == "conj" and (any(g.dep_ in SUBJECT_DEPS for g in c.children) or lemma_of(c) in _speech_acts())
        # "denied the accusations, dismissing O'Donnell as ...", "endorsed Trump, saying ...": a
        # second claim of its own
        or c.dep_ == "advcl" and c.tag_ == "VBG" and lemma_of(c) in _speech_acts() and _after_comma(c.left_edge))), None)
    cut = min([c.left_edge.i for c in settings] + ([joined.left_edge.i] if joined is not None else []), default=None)
    if cut is not None:
        end = doc[cut - 1]
        while end.i > verb.i and (end.dep_ == "cc" or end.is_punct):
            end = doc[end.i - 1]
    while end.i > verb.i and end.is_punct and end.text not in QUOTE_MARKS:
        end = end.doc[end.i - 1]
    return _closing_quote_kept(doc_text(doc), *_stripped(doc_text(doc), start.idx, end.idx + len(end.text)))


# Verbs of scorn that quote a target's words at them: cues of a short quotation they hold.
_MOCKING = frozenset({"mock", "ridicule", "deride", "taunt", "lampoon"})
_DOUBLE_MARK = re.compile("[\"“”„]|''")
# Verbs that say what something is "as": "described the field as 'all very good'" (not "confirmed
# Park as ambassador", "recalled her years as a nurse").
_CHARACTERISING = frozenset("describe characterize characterise portray depict label brand cast paint refer regard present view see".split())
_VIEWING = frozenset({"regard", "present", "view", "see"})
# Verbs that give something a name of the speaker's: 'called the plan "a disgrace"', 'dubbed him "Little Marco"'.
_NAMING = frozenset("call dub label brand term nickname deem".split())
# Verbs for speaking about something, beside the reporting verbs: "referring to ...", "as he traced her career".
_WORDS_ABOUT = frozenset("refer reference talk speak trace read recount mean".split())
# Words that make "call" another verb: "called for", "called on", "calling him out".
_CALL_PARTICLES = frozenset({"for", "on", "upon", "out"})
_DAY_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split())
_TIMES_OF_SAYING = _DAY_WORDS | {"last", "this", "earlier"}  # "said on Monday", "said last week", "said earlier this month"


def _adverbial(words: Span) -> bool:
    """Quoted words that only say when or how ('called her mother "every Sunday"'): no one's
    words about anything."""
    heads = [t for t in words if not t.is_punct and not words.start <= t.head.i < words.end]
    return bool(heads) and all(t.dep_ in {"npadvmod", "advmod"} for t in heads)


def _naming_end(verb: Token) -> Token | None:
    """The last word of what the verb calls something, when it names or characterises it: an
    object predicate ('called the senator a "nasty guy"'), "as" after the object of a verb of
    characterising ('described the field as "all very good"', 'referred to them as "thugs"'), or
    a quotation after what a verb of naming names ('called that "beyond preposterous"', 'calling
    him "a disgrace to ..."', where the parser hangs the quoted words anywhere).
    Something must be named, before the name ("what he calls the ...") or after it ('called
    "fake news" the reports that ...'): the passive "chains labeled 'top secret'" names no one's
    words, and 'called a "special session"' or 'called the reporter back "to clarify"' name
    nothing."""
    doc = verb.doc
    after = [c for c in verb.children if c.i > verb.i]
    relative = verb.dep_ == "relcl" or any(c.dep_ == "dobj" and c.i < verb.i for c in verb.children)

    def named_before(position: int, name: Token | None = None) -> bool:
        # a short noun phrase of its own stands between, not a clause ('calls for ending taxes;
        # some cheer when he insists that "..."'), a particle ("called for a '...'") or the
        # name's own words ("called a 'special session'")
        between = doc[verb.i + 1:position]
        if len(between) > 10 or len(between) and between[0].lower_ in _CALL_PARTICLES:
            return False
        if any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} or t.is_punct and t.text not in {",", "-", "'s", "’s"}
               for t in between):
            return False
        own = set() if name is None else {t.i for c in name.children if c.dep_ in {"det", "amod", "nummod", "poss", "compound"} and c.i < name.i for t in c.subtree}
        return relative or any(not t.is_punct and t.i not in own for t in between)

    predicate = next((c for c in reversed(after) if c.dep_ == "oprd"), None)
    if predicate is not None:
        opening = next((t.i for t in doc[verb.i + 1:predicate.i] if t.text in QUOTE_MARKS), predicate.left_edge.i)
        if named_before(opening, predicate) or any(c.dep_ == "dobj" for c in after):
            return predicate.right_edge
    lemma = lemma_of(verb)
    if lemma in _CHARACTERISING:
        return _characterised_as(verb, after)
    if lemma in _NAMING:
        end = verb.sent.end
        opening = next((t.i for t in doc[verb.i + 1:end] if t.text in QUOTE_MARKS), None)
        if opening is None or not named_before(opening):
            return None
        between = doc[verb.i + 1:opening]
        if any(t.pos_ in {"ADP", "ADV", "PART"} and t.text not in {"'s", "’s"} for t in between) or all(t.pos_ == "DET" or t.is_punct for t in between):
            return None  # 'called an emergency meeting of its "..."', 'called the reporter back "to clarify"', 'called a "special session"'
        closing = next((t.i for t in doc[opening + 1:end] if t.text in QUOTE_MARKS), None)
        if closing is not None and closing > opening + 1 and doc[opening + 1].lower_ != "to" and not _adverbial(doc[opening + 1:closing]):
            return doc[closing - 1]
    return None


# What an "as" phrase says of the doing, not of the thing: "painted the fence as a favor".
_MANNER_NOUNS = frozenset("favor favour precaution gesture result means courtesy".split())


def _characterised_as(verb: Token, after: list[Token]) -> Token | None:
    """The end of 'as ...' after what a verb of characterising is about: "described the field
    as ...", "referred to them as ..." (to whom a case was referred is no such thing), or "as"
    with a participle ("described the country as beset by ...", not "as the deadline neared")."""
    if lemma_of(verb) == "refer":
        targets = [c for c in after if c.dep_ == "prep" and c.lower_ == "to" and c.i == verb.i + 1 and any(g.dep_ == "pobj" for g in c.children)]
    else:
        targets = [c for c in after if c.dep_ == "dobj" or c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children)]
    # "described the demand as ...": the parser may hang "as" on the object instead of the verb
    on_object = [g for c in after if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep" and g.lower_ == "as" and g.nbor(-1).lower_ != "such"]
    for child in after + on_object:
        if child.dep_ == "prep" and child.lower_ == "as":
            said = not any(g.dep_ == "pobj" and g.lemma_.lower() in _MANNER_NOUNS for g in child.children)
        else:
            said = child.dep_ == "advcl" and child.tag_ in {"VBN", "VBG", "JJ"} and any(m.dep_ == "mark" and m.lower_ == "as" for m in child.children)
        if said and any(t.i < child.i for t in targets):
            return child.right_edge
    return None


def _content_runs_on(verb: Token, last: Token, sentence: Span, quote_map: QuoteMap) -> Token:
    """Where a reported clause really ends, when the parser hung its continuation on the cue:
    "said money is needed to develop a vaccine, | educate the public and ..." (a bare verb with
    no subject: the list goes on), "believes there are no good options, | but that ..." (a second
    "that" clause), and a quotation the clause opens runs to its closing mark (or the sentence's
    end). A clause with a subject of its own ("..., but the party disagrees") is the writer's,
    unless it stands in quotation marks."""
    for child in sorted(verb.children, key=lambda t: t.i):
        if child.i <= last.i:
            continue
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        has_subject = any(c.dep_ in SUBJECT_DEPS for c in child.children)
        listed = (child.dep_ in {"advcl", "conj"} and child.tag_ == "VB" and not marks and not has_subject
                  and not any(c.dep_ == "aux" and c.lower_ == "did" for c in child.children))  # not "but did not give a figure": the speaker's act
        # '..., but "the offers were to use the gun in a way I did not like."': the quotation marks
        # give the joined clause to the speaker
        quoted = child.dep_ == "conj" and child.left_edge.text in QUOTE_MARKS and _quotation_ends_sentence(child, sentence, quote_map)
        if listed or quoted or child.dep_ == "conj" and "that" in marks:
            last = max(last, child.right_edge, key=lambda t: t.i)
    doc = sentence.doc
    if quote_map.contains(last.idx):
        i = last.i
        while i + 1 < sentence.end and quote_map.contains(doc[i + 1].idx):
            i += 1
        last = doc[i]
    return last


def _quotation_ends_sentence(token: Token, sentence: Span, quote_map: QuoteMap) -> bool:
    """The token is quoted and its quotation closes the sentence: no other source is named after
    it ('..., but "the outlook is uncertain," according to an analyst')."""
    quote = quote_map.bounds(token.idx)
    return quote is not None and not re.search(r"\w", doc_text(sentence.doc)[quote[1]:sentence.end_char])


# A figure starts where a run of digits starts (`(?<!\d)`): searched from every digit, a long run
# of digits was tried from each of them, quadratic in its length. Whether a sentence has a figure
# is the same.
_FIGURE = re.compile(r"(?<!\d)\d+(?:[.,]\d+)?\s*(?:%|per ?cent|percent)|[$€£]\s?\d|(?<!\d)\d+(?:\.\d+)?\s*(?:million|billion|trillion)", re.IGNORECASE)


def has_statistic(sentence: Span) -> bool:
    # Token entity types, not `sentence.ents`: that walks every entity of the whole document.
    return bool(_FIGURE.search(sentence.text)) or any(token.ent_type_ in {"PERCENT", "MONEY"} for token in sentence)


_WRITERS_VIEWS = frozenset({"think", "believe", "expect", "predict", "doubt", "suspect", "agree", "side", "fear", "judge", "conclude",
                            "argue", "contend"})
_WRITERS_FORECASTS = frozenset({"expect", "predict"})
_WRITERS_BELIEFS = frozenset({"think", "believe", "expect"})


def _writers_first_person_view(sentence: Span, quote_map: QuoteMap, paragraph: str) -> str | None:
    """ "I expect the presence to remain thin", "I would argue that ...", "I side with Lee", "It
    is clear that ...": the writer's own view, outside any quotation (whose "I" may be another's:
    a sentence with no quotation marks, after every quotation opened in its paragraph is closed)
    and not in a headline ("prediction" or "assessment"), else None."""
    # The main verb or one joined to it ("..., and I expect the crisis to decide them"); a view
    # denied is a view too ("I do not believe Moscow is impressed"), but not a doubt denied.
    root = next((v for v in (sentence.root, *sentence.root.conjuncts) if lemma_of(v) in _WRITERS_VIEWS
                 and any(c.dep_ == "nsubj" and c.text == "I" for c in v.children)), sentence.root)
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "expl"}), None)
    if subject is None or quote_map.contains(subject.idx):
        return None
    held_plain = subject.lower_ == "it" and _held_plain(root)  # "It is clear that the West has failed ..."
    if not held_plain and (subject.text != "I" or lemma_of(root) not in _WRITERS_VIEWS
                           or any(c.dep_ == "neg" for c in root.children) and lemma_of(root) not in _WRITERS_BELIEFS):
        return None
    if not _in_writers_voice(sentence, quote_map, paragraph):
        return None
    return "prediction" if lemma_of(root) in _WRITERS_FORECASTS else "assessment"


def _in_writers_voice(sentence: Span, quote_map: QuoteMap, paragraph: str) -> bool:
    """No quotation marks in the sentence, every quotation its paragraph opened before it closed,
    not a question, not a headline: words no one else is quoted saying."""
    if quote_map.contains(sentence.root.idx) or sentence.text.rstrip().endswith("?"):
        return False
    if _is_title(sentence.text) or _DOUBLE_MARK.search(sentence.text) or re.search(r"(?:^|\s)['‘]", sentence.text):
        return False
    before = paragraph[:max(0, paragraph.find(sentence.text.strip()))]
    return not (before.count("“") > before.count("”") or before.count('"') % 2 or re.search(r"(?:^|\s)['‘]", before))


_PLAIN = frozenset({"clear", "obvious", "evident", "plain", "undeniable", "apparent"})


def _held_plain(verb: Token) -> bool:
    """ "It is clear that ...", "it is now obvious that ...": "be" with one of these words and a
    clause, not negated ("it is not clear whether ...", "nor is it clear that ..." hold nothing)."""
    return (lemma_of(verb) == "be" and not any(c.dep_ == "neg" or c.lower_ in {"nor", "neither"} for c in verb.children)
            and any(c.dep_ == "acomp" and c.lower_ in _PLAIN for c in verb.children)
            and any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark") for c in verb.children))


def author_claim(sentence: Span) -> tuple[float, str] | None:
    """Score a sentence as the author's own prediction, assessment or statistic."""
    _, _, _, assessment_markers = _cues()
    text = sentence.text.strip()
    if len(text.split()) < 6 or text.endswith("?"):
        return None
    root = sentence.root
    unquoted = not any(t.text in QUOTE_MARKS for t in sentence) and not _is_title(text)  # not about another's words ("... his having called it "the one nation"")
    judged = unquoted and judges(sentence)
    lowered = f" {text.lower()} "
    prediction = sum(1 for m in word_list("future_markers") if f" {m} " in lowered)
    assessment = sum(1 for m in assessment_markers if f" {m} " in lowered or f" {m}," in lowered)
    statistic = has_statistic(sentence)
    if re.search(r"\bif\b", lowered) and re.search(r"certain|inevitabl|bound to", lowered):
        prediction += 2
    if judged:
        assessment += 1
    elif unquoted and writers_forecast(root):
        prediction += 1
    score = 1.2 * prediction + 1.5 * assessment + (1.0 if statistic else 0) + (0.5 if text.endswith("!") else 0)
    if score < 1.5:
        return None
    if statistic and prediction == 0 and assessment == 0:
        return score, "statistic"
    return score, "prediction" if prediction * 1.2 > assessment * 1.5 else "assessment"


def _is_heading_like(sentence: Span) -> bool:
    text = sentence.text.strip()
    return len(text.split()) < 4 or not re.search(r"[a-z]", text)

