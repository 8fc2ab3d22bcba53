"""Claims: who claims what, of which kind, from which paragraph.

Four sources of claims, tried in this order for each sentence:
1. quotations (straight or curly, also running over sentences and paragraphs), attributed to the
   speaker found from the sentence structure around them;
2. reported speech: a reporting verb from `data/language.yml` with its subject, or `according to X`;
3. statistics: a figure or percentage with the source it is attributed to;
4. the author's own predictions and assessments, kept to the strongest few.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from briefing_gen.extract.actors import ActorSet
from briefing_gen.extract.parse import ParsedArticle, language_data, reporting_verbs
from briefing_gen.model import Claim

AUTHOR = "author"
_PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_MIN_QUOTE_WORDS = 3
_QUOTE_PAIRS = {"“": "”", "„": "“", "«": "»", '"': '"', "‘": "’"}


@dataclass
class QuoteSpan:
    start: int  # character offsets in doc.text, inside the quotation marks
    end: int
    text: str


@lru_cache(maxsize=1)
def _cues() -> tuple[set[str], dict[str, set[str]], list[str], list[str], list[str]]:
    data = language_data()
    verbs = set(reporting_verbs())
    particles = {verb: set(words) for verb, words in data["reporting_particles"].items()}
    return verbs, particles, data["attribution_phrases"], data["prediction_markers"], data["assessment_markers"]


@lru_cache(maxsize=1)
def _stance_verbs() -> set[str]:
    return set(language_data()["stance_verbs"])


def reports_content(verb: Token) -> bool:
    """A reporting verb used to report something: with a reported clause, or (for stance verbs such
    as reject or condemn) with an object; "held talks" or "conceded some ground" are not speech."""
    deps = {child.dep_ for child in verb.children}
    if deps & {"ccomp", "xcomp", "parataxis", "oprd"} or verb.dep_ == "parataxis":
        return True  # "X said that ...", "..., she said", "X describes himself as ..."
    if verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ in {",", "that", ":"} and verb.dep_ in {"ROOT", "conj"}:
        return True
    if any(child.dep_ == "prt" for child in verb.children) and deps & {"dobj", "prep"}:
        return True
    lemma = verb.lemma_.lower()
    return lemma in _stance_verbs() and bool(deps & {"dobj", "prep", "dative"})


def claim_id(text: str) -> str:
    """A stable id from the claim's normalised text: same words, same id, on every extraction."""
    normalised = fold_for_id(text)
    return "c-" + hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:10]


def fold_for_id(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[‘’‚‛′`]", "'", text)
    text = re.sub(r"[“”„‟″«»]", '"', text)
    return " ".join(re.sub(r"[^\w%$€£' ]+", " ", text).split())


def extract_claims(parsed: ParsedArticle, actors: ActorSet) -> list[Claim]:
    doc = parsed.doc
    quotes = find_quotes(doc.text, parsed.paragraph_starts)
    claims: list[Claim] = []
    claimed_sentences: dict[int, set[str]] = {}

    quote_map = QuoteMap(quotes)
    sentence_index = SentenceIndex(doc)
    previous: tuple[str, str | None, int] | None = None  # speaker, cue, paragraph of the last quote
    for quote in quotes:
        sentences = sentence_index.touching(quote.start, quote.end)
        if not sentences:
            continue
        paragraph = parsed.paragraph_of(quote.start)
        speaker, cue = quote_speaker(doc, sentences, quote, actors, quote_map)
        if speaker is None and previous is not None and _continues(previous[2], paragraph, quote, parsed):
            speaker, cue = previous[0], previous[1]
        if speaker is None and _is_whole_paragraph(quote, paragraph, parsed):
            # A paragraph that is nothing but a quotation: the person the text was just about.
            speaker = previous_actor(sentences[0][0], actors, quote_map, person=True)
            cue = None
        if speaker is None:
            continue
        context = " ".join(s.text.strip() for s in sentences)
        claims.append(_claim(quote.text, speaker, "quote", cue, paragraph, context))
        previous = (speaker, cue, paragraph)
        for sentence in sentences:
            claimed_sentences.setdefault(sentence.start, set()).add(speaker)

    author_candidates: list[tuple[float, Claim]] = []
    for sentence in parsed.sentences:
        if _is_heading_like(sentence):
            continue
        paragraph = parsed.paragraph_of_span(sentence)
        statement = reported_statement(sentence, actors)
        if statement is not None:
            claimant, cue, content = statement
            if claimant in claimed_sentences.get(sentence.start, set()):
                continue
            kind = "statistic" if has_statistic(sentence) else "statement"
            claims.append(_claim(content, claimant, kind, cue, paragraph, sentence.text.strip()))
            claimed_sentences.setdefault(sentence.start, set()).add(claimant)
            continue
        if sentence.start in claimed_sentences:
            continue
        scored = author_claim(sentence)
        if scored is not None:
            score, kind = scored
            author_candidates.append((score, _claim(sentence.text.strip(), AUTHOR, kind, None, paragraph, sentence.text.strip())))

    budget = max(3, len(parsed.article.paragraphs) // 2)
    strongest = sorted(author_candidates, key=lambda pair: -pair[0])[:budget]
    claims.extend(claim for _, claim in strongest)
    text = doc.text  # built anew on every access: once, not once per claim
    claims.sort(key=lambda c: (c.paragraph, _position_in_paragraph(text, c, parsed.paragraph_starts)))
    return _unique_ids(claims)


def _position_in_paragraph(text: str, claim: Claim, paragraph_starts: list[int]) -> int:
    """Where the claim's sentence starts, searched within its own paragraph only (a search of the
    whole text per claim made long articles quadratic)."""
    start = paragraph_starts[claim.paragraph] if claim.paragraph < len(paragraph_starts) else 0
    end = paragraph_starts[claim.paragraph + 1] if claim.paragraph + 1 < len(paragraph_starts) else len(text)
    return text.find(claim.sentence[:40], start, end + 40)


def _claim(text: str, claimant: str, kind: str, cue: str | None, paragraph: int, sentence: str) -> Claim:
    text = " ".join(text.split()).strip(" ,;")
    return Claim(id=claim_id(text), text=text, claimant=claimant, kind=kind, cue=cue, paragraph=paragraph, sentence=" ".join(sentence.split()))


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


# Quotations --------------------------------------------------------------------------------------


def find_quotes(text: str, paragraph_starts: list[int]) -> list[QuoteSpan]:
    """Quoted passages, including ones that run on into the next paragraph.

    A paragraph that ends inside an open quotation continues in the next paragraph when that one
    opens with a quotation mark again (the usual convention for multi-paragraph quotes).
    """
    quotes: list[QuoteSpan] = []
    bounds = list(zip(paragraph_starts, paragraph_starts[1:] + [len(text)]))
    carried: QuoteSpan | None = None
    for start, end in bounds:
        paragraph = text[start:end]
        spans, open_at = _quote_spans(paragraph)
        spans = [(start + a, start + b) for a, b in spans]
        if carried is not None:
            stripped = paragraph.lstrip()
            if stripped[:1] in _QUOTE_PAIRS and spans and spans[0][0] <= start + (len(paragraph) - len(stripped)) + 1:
                a, b = spans.pop(0)
                carried = QuoteSpan(carried.start, b, carried.text + " " + text[a:b].strip())
                quotes.append(carried)
                carried = None
            elif stripped[:1] in _QUOTE_PAIRS and open_at is not None and not spans:
                carried = QuoteSpan(carried.start, end, carried.text + " " + paragraph[open_at:].strip())
                continue
            else:
                quotes.append(carried)
                carried = None
        for a, b in spans:
            quotes.append(QuoteSpan(a, b, text[a:b].strip()))
        if open_at is not None:
            carried = QuoteSpan(start + open_at, end, paragraph[open_at:].strip())
    if carried is not None:
        quotes.append(carried)
    return [q for q in quotes if q.text and re.search(r"\w", q.text)]


def _quote_spans(paragraph: str) -> tuple[list[tuple[int, int]], int | None]:
    """Quoted spans inside one paragraph, and where an unclosed quotation opens (if any)."""
    spans: list[tuple[int, int]] = []
    i = 0
    open_at: int | None = None
    closer = ""
    while i < len(paragraph):
        char = paragraph[i]
        if open_at is None:
            if char in "“„«" or (char == '"' and _opens(paragraph, i)) or (char == "‘" and _opens(paragraph, i)):
                open_at, closer = i + 1, _QUOTE_PAIRS[char]
            elif char == "'" and _opens(paragraph, i) and _single_quote_closes_later(paragraph, i):
                open_at, closer = i + 1, "'"
        elif char == closer and (closer not in "'’" or _closes(paragraph, i)):
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
        i += 1
    return spans, open_at


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{:—–-/") and not after.isspace()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not (before.isalpha() and after.isalpha())


def _single_quote_closes_later(text: str, i: int) -> bool:
    for j in range(i + 1, min(len(text), i + 600)):
        if text[j] == "'" and _closes(text, j):
            return len(text[i + 1:j].split()) >= _MIN_QUOTE_WORDS
    return False


class SentenceIndex:
    """The sentences of a document by character offset, so finding the ones around a quotation
    does not walk the whole document each time."""

    def __init__(self, doc: Doc):
        self.sentences = list(doc.sents)
        self.ends = [s.end_char for s in self.sentences]

    def touching(self, start: int, end: int) -> list[Span]:
        import bisect

        found = []
        for sentence in self.sentences[bisect.bisect_right(self.ends, start):]:
            if sentence.start_char >= end + 2:
                break
            if sentence.text.strip():
                found.append(sentence)
        return found


def _continues(previous_paragraph: int, paragraph: int, quote: QuoteSpan, parsed: ParsedArticle) -> bool:
    """An unattributed quote continues the previous speaker's words: in the same paragraph
    ("“...,” she said. “...”"), or opening the next paragraph."""
    if paragraph == previous_paragraph:
        return True
    paragraph_start = parsed.paragraph_starts[paragraph]
    return paragraph == previous_paragraph + 1 and quote.start - paragraph_start <= 2


def _is_whole_paragraph(quote: QuoteSpan, paragraph: int, parsed: ParsedArticle) -> bool:
    start = parsed.paragraph_starts[paragraph]
    end = len(parsed.article.paragraphs[paragraph].text) + start
    return quote.start - start <= 2 and end - quote.end <= 2


class QuoteMap:
    """Which characters of the text are inside quotation marks."""

    def __init__(self, quotes: list[QuoteSpan]):
        self.starts = [q.start for q in quotes]
        self.ends = [q.end for q in quotes]

    def contains(self, offset: int) -> bool:
        import bisect

        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


def quote_speaker(
    doc: Doc, sentences: list[Span], quote: QuoteSpan, actors: ActorSet, quote_map: "QuoteMap"
) -> tuple[str | None, str | None]:
    """Who said the quoted words: the subject of a reporting verb outside the quote, nearest first."""
    verbs, particles, _, _, _ = _cues()
    outside = [t for s in sentences for t in s if not quote_map.contains(t.idx) and not (quote.start <= t.idx < quote.end)]
    cues = [t for t in outside if _is_reporting_cue(t, verbs, particles)]
    cues.sort(key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
    for cue in cues:
        claimant = claimant_of_verb(cue, actors, quote_map)
        if claimant:
            return claimant, cue.lemma_
    for token in outside:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            claimant = claimant_of_phrase(doc[token.i + 1], actors, quote_map)
            if claimant:
                return claimant, "according to"
    # "X is concerned over "...": the subject of the sentence, when it names an actor.
    for sentence in sentences:
        root = sentence.root
        if quote.start <= root.idx < quote.end:
            continue
        for child in root.children:
            if child.dep_ in _SUBJECT_DEPS and not (quote.start <= child.idx < quote.end):
                claimant = resolve_subject(child, actors, quote_map, require_actor=True)
                if claimant:
                    return claimant, None
    # A quote introduced by a colon: "X said:" in the sentence before.
    first = sentences[0]
    if first.start > 0:
        previous = doc[first.start - 1].sent
        if previous.text.rstrip().endswith(":"):
            for token in previous:
                if _is_reporting_cue(token, verbs, particles):
                    claimant = claimant_of_verb(token, actors, quote_map)
                    if claimant:
                        return claimant, token.lemma_
    return None, None


def _is_reporting_cue(token: Token, verbs: set[str], particles: dict[str, set[str]]) -> bool:
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBD", "VBZ", "VBP", "VBN", "VBG", "VB"}:
        return False
    lemma = token.lemma_.lower()
    if lemma in particles:
        return any(child.lower_ in particles[lemma] for child in token.children) or (
            token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in particles[lemma]
        )
    return lemma in verbs


def claimant_of_verb(verb: Token, actors: ActorSet, quote_map: "QuoteMap | None" = None) -> str | None:
    """The subject of a reporting verb, following conjunctions and control verbs up to one."""
    token: Token | None = verb
    for _ in range(5):
        if token is None:
            break
        for child in token.children:
            if child.dep_ in _SUBJECT_DEPS:
                return resolve_subject(child, actors, quote_map)
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return resolve_subject(grandchild, actors, quote_map)
        if token.dep_ in {"conj", "xcomp", "advcl", "pcomp", "prep"} and token.head is not token:
            token = token.head
        else:
            break
    return _name_next_to(verb, actors, quote_map)


def _name_next_to(verb: Token, actors: ActorSet, quote_map: "QuoteMap | None") -> str | None:
    """'"...," DeBoer said': the parser sometimes leaves the speaker without a subject arc; take a
    name standing right before or after the reporting verb."""
    doc = verb.doc
    for i in (verb.i - 1, verb.i + 1):
        if 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and not (quote_map and quote_map.contains(doc[i].idx)):
            return actors.actor_at(i) or actors.person_by_name_part(doc[i].text)
    return None


def claimant_of_phrase(preposition: Token, actors: ActorSet, quote_map: "QuoteMap | None" = None) -> str | None:
    for child in preposition.children:
        if child.dep_ == "pobj":
            return resolve_subject(child, actors, quote_map)
    return None


def resolve_subject(token: Token, actors: ActorSet, quote_map: "QuoteMap | None" = None, require_actor: bool = False) -> str | None:
    """An actor for a subject token: its own mention, a pronoun's antecedent, a description of a
    known actor ("the mayor", "the agency"), or a named part of it."""
    lowered = token.lower_
    if lowered in _PERSONAL_PRONOUNS:
        return previous_actor(token, actors, quote_map, person=True)
    if lowered in {"it", "they", "them"}:
        return previous_actor(token, actors, quote_map, person=False)
    if lowered in {"i", "we", "who", "this", "there", "what"}:
        return None  # "we may expect ..." outside a quotation is the author's own voice
    if token.pos_ == "NOUN" and token.lemma_.lower() not in _GOVERNMENT_NOUNS and _named_only_by_demonym(token, actors):
        return _noun_phrase(token)  # "American analysts" are not the United States
    if lowered in {"which", "that"} and token.head.dep_ == "relcl":
        return _antecedent_claimant(token.head.head, actors, quote_map, require_actor)
    direct = actors.actor_at(token.i)
    if direct:
        return direct
    if _is_unnamed_office_holder(token, actors):
        return _noun_phrase(token)  # "China's Ambassador to Belgium said": a person, not China
    named = [actors.actor_at(t.i) for t in token.subtree if actors.actor_at(t.i)]
    if named:
        people = [n for n in named if (actor := actors.by_name(n)) is not None and actor.type == "person"]
        return (people or named)[0]
    described = described_actor(token, actors, quote_map)
    if described:
        return described
    owner = next((child for child in token.children if child.dep_ == "poss"), None)
    if owner is not None and token.lemma_.lower() in _DOCUMENT_NOUNS:
        return resolve_subject(owner, actors, quote_map, require_actor)  # "her statement read"
    phrase = _noun_phrase(token)
    if token.pos_ == "PROPN" and (known := actors.person_by_name_part(token.text)):
        return known  # a surname the recogniser missed ("Hinderks said")
    if require_actor:
        return None
    return phrase if phrase and len(phrase.split()) <= 6 else None


# People who speak for their state: "Russian officials said" is Russia speaking.
_GOVERNMENT_NOUNS = {
    "official", "government", "authority", "diplomat", "troop", "force", "military", "army", "leader",
    "leadership", "minister", "ministry", "side", "delegation", "negotiator", "envoy", "administration",
    "state", "embassy", "spokesman", "spokeswoman", "spokesperson", "president", "navy", "air",
}


def _named_only_by_demonym(token: Token, actors: ActorSet) -> bool:
    """The subject names an actor only through an adjective such as "American" or "Russian"."""
    named = [t for t in token.subtree if actors.actor_at(t.i)]
    return bool(named) and all(t.dep_ == "amod" or t.pos_ == "ADJ" for t in named)


_DOCUMENT_NOUNS = {"statement", "release", "letter", "tweet", "post", "email", "e-mail", "message", "note", "memo"}
_ORGANISATION_NOUNS = {
    "agency", "company", "firm", "city", "government", "ministry", "department", "council", "party",
    "organization", "organisation", "group", "club", "team", "university", "school", "board",
    "commission", "committee", "authority", "administration", "office", "bank", "court", "police",
    "union", "alliance", "bloc", "country", "state", "province", "municipality", "district", "network",
}


_FINDING_NOUNS = {"poll", "survey", "report", "study", "statement", "letter", "document", "analysis",
                  "assessment", "investigation", "review", "audit", "paper", "research", "census"}


def _antecedent_claimant(antecedent: Token, actors: ActorSet, quote_map, require_actor: bool) -> str | None:
    """"..., which found that": a poll or report speaks for whoever issued it."""
    if antecedent.dep_ == "pobj" and antecedent.head.lower_ == "of" and antecedent.head.head.lemma_.lower() in _FINDING_NOUNS:
        antecedent = antecedent.head.head  # "a poll of 65 countries, which found"
    if antecedent.lemma_.lower() in _FINDING_NOUNS and antecedent.dep_ in {"dobj", "pobj"}:
        verb = antecedent.head if antecedent.dep_ == "dobj" else antecedent.head.head
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS:
                return resolve_subject(child, actors, quote_map, require_actor)
    if antecedent.pos_ in {"NOUN", "PROPN"}:
        return resolve_subject(antecedent, actors, quote_map, require_actor)
    return None


def _is_unnamed_office_holder(token: Token, actors: ActorSet) -> bool:
    """A singular office named without its holder: "China's ambassador", "a Marine spokeswoman"."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.tag_ not in {"NN", "NNP"} or actors.actor_at(token.i):
        return False
    if token.lemma_.lower() not in _role_nouns():
        return False
    if token.lemma_.lower() in _person_nouns_only():
        return False
    named_people = [t for t in token.subtree if (n := actors.actor_at(t.i)) and (a := actors.by_name(n)) and a.type == "person"]
    if named_people:
        return False
    return not any(a.type == "person" and a.role and token.lemma_.lower() in a.role.lower().split() for a in actors.actors)


@lru_cache(maxsize=1)
def _person_nouns_only() -> set[str]:
    """Nouns for people that are not offices (a daughter, a farmer): no claimant of their own."""
    return set(language_data()["person_nouns"]) - {t.lower() for t in language_data()["role_titles"]}


def described_actor(token: Token, actors: ActorSet, quote_map: "QuoteMap | None") -> str | None:
    """"The mayor said ..." is the person whose role is mayor; "the agency said" the last body named."""
    if token.pos_ != "NOUN" or not any(child.lower_ in {"the", "this", "that"} for child in token.children):
        return None
    noun = token.lemma_.lower()
    if any(re.search(r"(?<!\d)\d+-year-old", t.lower_) for t in token.subtree):
        return previous_actor(token, actors, quote_map, person=True)  # "the 32-year-old labourer"
    if noun in _ORGANISATION_NOUNS:
        return previous_actor(token, actors, quote_map, person=False)
    people = [a for a in actors.actors if a.type == "person" and a.role and noun in a.role.lower().split()]
    if people:
        return people[0].name
    if noun in _role_nouns():
        return previous_actor(token, actors, quote_map, person=True)
    return None


@lru_cache(maxsize=1)
def _role_nouns() -> set[str]:
    data = language_data()
    return {t.lower() for t in data["role_titles"] if " " not in t and t.islower()} | {
        w for w in data["person_nouns"]
    }


def _noun_phrase(token: Token) -> str:
    words = [t for t in token.subtree if t.i <= token.i or t.dep_ in {"prep", "pobj", "compound", "amod", "poss", "case"}]
    appositions = [t for t in token.children if t.dep_ in {"appos", "relcl", "acl"}]
    excluded = {w.i for child in appositions for w in child.subtree}
    words = [t for t in words if t.i not in excluded and (t.dep_ not in {"punct", "advmod", "cc"} or t.i == token.i)]
    if not words:
        return token.text
    start, end = min(t.i for t in words), max(t.i for t in words) + 1
    text = token.doc[start:end].text
    text = re.sub(r"^(?:even|also|only|just|both)\s+", "", text, flags=re.IGNORECASE)
    return " ".join(text.split())


def previous_actor(token: Token, actors: ActorSet, quote_map: "QuoteMap | None", person: bool) -> str | None:
    """The actor a pronoun stands for: the nearest earlier subject of the right kind (a person for
    he/she), else the nearest mention of that kind; words inside quotations are skipped."""
    fallback = None
    doc = token.doc
    wanted = {"she": "m", "her": "m", "he": "f", "him": "f"}.get(token.lower_)  # the gender to skip
    for i in range(token.i - 1, max(-1, token.i - 400), -1):
        name = actors.actor_at(i)
        if not name or (quote_map is not None and quote_map.contains(doc[i].idx)):
            continue
        actor = actors.by_name(name)
        if actor is None or person != (actor.type == "person"):
            continue
        if wanted and actors.genders.get(name) == wanted:
            continue  # "she" is not a man the text called Mr or husband
        head = doc[i]
        while head.dep_ in {"compound", "flat"} and head.head is not head:
            head = head.head
        if head.dep_ in _SUBJECT_DEPS:
            return name
        if fallback is None:
            fallback = name
        if token.i - i > 120 and fallback:
            break
    return fallback


# Reported speech, statistics and the author's own claims ------------------------------------------


def reported_statement(sentence: Span, actors: ActorSet) -> tuple[str, str, str] | None:
    """(claimant, cue, reported content) for a sentence of reported speech, else None."""
    verbs, particles, phrases, _, _ = _cues()
    lowered = sentence.text.lower()
    for phrase in phrases:
        at = lowered.find(phrase + " ")
        if at < 0:
            continue
        tokens = [t for t in sentence if t.idx - sentence.start_char >= at + len(phrase)]
        if tokens:
            claimant = resolve_subject(_phrase_object(tokens[0]), actors)
            if claimant:
                return claimant, phrase, _without_phrase(sentence, at, tokens[0])
    for token in sentence:
        if not _is_reporting_cue(token, verbs, particles):
            continue
        if token.dep_ in {"amod", "acl"} and token.tag_ == "VBN":
            continue
        if not reports_content(token):
            continue
        claimant = claimant_of_verb(token, actors)
        if not claimant:
            continue
        return claimant, token.lemma_, _reported_content(token, sentence)
    return None


def _phrase_object(token: Token) -> Token:
    head = token
    while head.head is not head and head.head.i >= token.i and head.head.i < token.i + 8 and head.dep_ in {"compound", "amod", "det", "poss", "nummod"}:
        head = head.head
    return head


def _without_phrase(sentence: Span, at: int, first_object: Token) -> str:
    head = _phrase_object(first_object)
    cut_end = head.right_edge.idx + len(head.right_edge.text) - sentence.start_char
    text = sentence.text
    return (text[:at] + text[cut_end:]).strip(" ,;")


def _reported_content(verb: Token, sentence: Span) -> str:
    complements = [child for child in verb.children if child.dep_ in {"ccomp", "xcomp"} and child.i > verb.i]
    if complements:
        # From the first complement to the last: the parser may split one reported clause in two
        # ("said he feels | voting yes was a misstep").
        start, end = complements[0].left_edge.i, max(c.right_edge.i for c in complements) + 1
        clause = sentence.doc[start:end].text
        return re.sub(r"^(?:that|whether)\s+", "", clause, flags=re.IGNORECASE)
    after = sentence.doc[verb.i + 1:sentence.end].text.strip()
    return after if len(after.split()) >= 4 else sentence.text


# A figure starts where a run of digits starts (`(?<!\d)`): searched from every digit, a long run
# of digits was tried from each of them, quadratic in its length. Whether a sentence has a figure
# is the same.
_FIGURE = re.compile(r"(?<!\d)\d+(?:[.,]\d+)?\s*(?:%|per ?cent|percent)|[$€£]\s?\d|(?<!\d)\d+(?:\.\d+)?\s*(?:million|billion|trillion)", re.IGNORECASE)


def has_statistic(sentence: Span) -> bool:
    # Token entity types, not `sentence.ents`: that walks every entity of the whole document.
    return bool(_FIGURE.search(sentence.text)) or any(token.ent_type_ in {"PERCENT", "MONEY"} for token in sentence)


def author_claim(sentence: Span) -> tuple[float, str] | None:
    """Score a sentence as the author's own prediction, assessment or statistic."""
    _, _, _, prediction_markers, assessment_markers = _cues()
    text = sentence.text.strip()
    if len(text.split()) < 6 or text.endswith("?"):
        return None
    lowered = f" {text.lower()} "
    prediction = sum(1 for m in prediction_markers if f" {m} " in lowered)
    prediction += sum(1 for t in sentence if t.tag_ == "MD" and t.lower_ in {"will", "may", "might", "could", "would", "shall"})
    assessment = sum(1 for m in assessment_markers if f" {m} " in lowered or f" {m}," in lowered)
    statistic = has_statistic(sentence)
    if re.search(r"\bif\b", lowered) and re.search(r"certain|inevitabl|bound to", lowered):
        prediction += 2
    score = 1.2 * prediction + 1.5 * assessment + (1.0 if statistic else 0) + (0.5 if text.endswith("!") else 0)
    if score < 1.5:
        return None
    if statistic and prediction == 0 and assessment == 0:
        return score, "statistic"
    return score, "prediction" if prediction * 1.2 > assessment * 1.5 else "assessment"


def _is_heading_like(sentence: Span) -> bool:
    text = sentence.text.strip()
    return len(text.split()) < 4 or not re.search(r"[a-z]", text)
