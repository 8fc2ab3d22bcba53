"""Who speaks: the actor a cue attributes words to, found from the parse around the cue.

The speaker is whoever the cue attributes the content to (the subject of "said", the object of
"according to", the owner of "the ministry's statement"), never an actor merely named inside the
content. Pronouns and descriptions ("he", "the spokeswoman", "the 26-year-old") resolve to the
nearest earlier actor that fits: a person for he or she, of the gender the text or the first name
gives; a body for "the agency". When nothing fits for certain the description itself is the
claimant, and every answer carries a confidence so pages can flag the uncertain ones for an editor.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from spacy.tokens import Doc, Token

from briefing_gen.extract.actors import ActorSet, honorifics, names_a_firm, role_words, strip_possessive, word_gender
from briefing_gen.extract.names import family_name_first, pronoun_gender
from briefing_gen.extract.parse import language_data, reporting_verbs, word_list
from briefing_gen.extract.quotes import QUOTE_MARKS, QuoteMap
from briefing_gen.model import Actor
from briefing_gen.whitespace import fold_space

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
_POSSESSIVE_PRONOUNS = {"his", "her", "its", "their", "my", "our", "your"}
_AGE = re.compile(r"\b\d+\s*-\s*year\s*-\s*old\b", re.IGNORECASE)

# How sure an attribution is, by how it was found; pages flag those under model.REVIEW_BELOW (0.65).
NAMED = 0.95  # the cue's subject names an actor
DESCRIBED = 0.75  # a description kept as written, or one that matches an actor's role
RESOLVED = 0.8  # a pronoun whose antecedent is the last subject of the right kind
CONTINUED = 0.8  # an unattributed quote that continues the previous speaker's
NEAREST = 0.55  # the nearest earlier mention of the right kind, not a subject
GUESSED = 0.5  # the person the text was just about, for a quote with no cue at all


@dataclass
class Speaker:
    name: str
    start: int | None = None  # characters of doc.text that name or stand for the speaker
    end: int | None = None
    confidence: float = NAMED

    def with_confidence(self, confidence: float) -> "Speaker":
        return Speaker(self.name, self.start, self.end, min(self.confidence, confidence))


def _span_of(token: Token) -> tuple[int, int]:
    """The characters of a subject's words (the token with its modifiers, not its clauses)."""
    words = [t for t in token.subtree if t.i == token.i or t.dep_ in {"compound", "flat", "amod", "det", "poss", "case", "nmod", "nummod", "punct"} and t.head.i == token.i]
    start = min(t.idx for t in words) if words else token.idx
    end = max(t.idx + len(t.text) for t in words) if words else token.idx + len(token.text)
    return start, end




# Verbs by which someone makes another do what the verb after them says: that other did it
# ("led Priebus to declare"); not "urged Congress to declare", which Congress has not done.
_MAKING_VERBS = frozenset({"lead", "prompt", "force", "cause", "spur", "drive", "inspire", "compel", "move"})


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    data = language_data()
    # "the CEO", "the Labour MP": a title in capitals is a role noun too
    titles = {t.lower() for t in data["role_titles"] if " " not in t and (t.islower() or t.isupper())}
    return frozenset(titles | set(data["person_nouns"]))


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Offices written as titles before a name ("Senator", "Governor"), lower-case."""
    return frozenset(t.lower() for t in language_data()["role_titles"] if t[:1].isupper() and " " not in t and not t.endswith("."))


@lru_cache(maxsize=1)
def _person_nouns_only() -> frozenset[str]:
    """Nouns for people that are not offices (a daughter, a farmer): no claimant of their own."""
    return frozenset(set(language_data()["person_nouns"]) - {t.lower() for t in language_data()["role_titles"]})


class Attributor:
    """Resolves the subject of a cue to a speaker within one article.

    `recent` remembers the speakers already found, by token index, so that a pronoun after a
    description ("The 26-year-old said ... He added") finds the same person."""

    def __init__(self, actors: ActorSet, quote_map: QuoteMap | None, doc: Doc | None = None):
        self.actors = actors
        self.doc = doc
        self.quote_map = quote_map
        self.recent: dict[int, str] = {}
        self.recent_confidence: dict[int, float] = {}  # a guess stays a guess when the subject is met again
        self._genders: dict[str, str | None] = {}
        self._full_names: dict[str, list[tuple[int, str]]] | None = None
        self.full_names_said: dict[str, str] = {}
        self.described_twice: set[str] = set()  # head nouns of two different descriptions ("the Maine senator", "the Vermont senator")
        self.described_holders: dict[str, set[str]] = {}  # head noun -> people found by a fuller description ("the Maine senator")
        self._beside: dict[str, set[str]] = {}  # person -> places and parties the text puts beside their name
        self._mention_starts: dict[str, list[int]] | None = None
        self._firm_starts: dict[str, int] | None = None
        self.descriptions: dict[str, str] = {}  # head noun -> a person described but not named ("the Nova Scotia judge")  # surname -> the full name a claimant was given

    # Public entry points ---------------------------------------------------------------------

    def of_verb(self, verb: Token) -> Speaker | None:
        """The subject of a reporting verb, following conjunctions and control verbs up to one."""
        token: Token | None = verb
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and not self._quoted(c)]
        if len(subjects) > 1:
            # The parser gave the cue a second subject: the reported clause's ("..., if bogus,
            # ideas ... reach others, she said") or the noun a relative clause without "that"
            # tells of ("a defeat Obama believes to be the worst"). The cue's own is the name or
            # pronoun right before it.
            doc, sentence = verb.doc, verb.sent
            nearest = next((c for c in subjects if c.right_edge.i + 1 == verb.i), None)
            closing = nearest is not None and nearest.left_edge.i > sentence.start and doc[nearest.left_edge.i - 1].text == "," and all(
                t.is_punct or t.is_space for t in doc[verb.i + 1:sentence.end])  # the paragraph's break may end the sentence
            named = nearest is not None and nearest.pos_ in {"PROPN", "PRON"} and not any(
                t.pos_ in {"VERB", "AUX"} for t in nearest.subtree)  # not "a judge Trump appointed said"
            if nearest is not None and (closing or named):
                return self.subject(nearest)
        quoted = _quoted_as_saying(verb)
        if quoted is not None:
            return self.subject(quoted)
        if misread_as_modifier(verb, self.actors):
            return self.subject(verb.head)  # "Mr. Lutz, who had insisted ..., announced on Friday that ..."
        if issued_document_says(verb):
            token = verb.head.head  # "France and Germany issued a joint statement saying ...": its issuers
        elif (verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","
                and verb.head.lemma_.lower() not in word_list("document_nouns")):  # "a statement from X, describing ...": X's
            # "Trump made a third attempt to deflect the criticism, writing that ...": the one who
            # made the attempt, not the nearest name
            owner = next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"} and a.dep_ != "acl"), None)
            if owner is not None and owner.i < verb.i:
                token = owner
        for _ in range(5):
            if token is None:
                break
            for child in token.children:
                if child.dep_ == "agent":
                    for grandchild in child.children:
                        if grandchild.dep_ == "pobj":
                            return self.subject(grandchild)
            for child in token.children:
                # The subject of a passive cue is what was said ("the plan was announced"), not
                # who said it, except "X was quoted as saying"; with no agent, nobody is named.
                passive = child.dep_ == "nsubjpass" and token.lemma_.lower() != "quote"
                if passive and token is verb:
                    return None
                if (passive and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i == token.i and child.lower_ in _PERSONAL_PRONOUNS
                        and (any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in token.children) or token.lemma_.lower() in ASKING_VERBS)
                        and verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ","):
                    # "she's tacked left, calling for ...": "'s tacked" is "has tacked", no passive;
                    # "He was asked about the closure, saying ...": the one asked answers
                    return self.subject(child)
                if (passive and verb.dep_ == "conj" and verb.head.i == token.i and verb.tag_ in {"VBD", "VBZ", "VBP"}
                        and not any(c.dep_ == "xcomp" for c in verb.children) and not self._quoted(child)):
                    # "Trump was forced into damage control and said ...": the same subject; not
                    # "the plan was announced and said to cost ..."
                    return self.subject(child)
                if child.dep_ in SUBJECT_DEPS and not passive and not self._quoted(child):
                    return self.subject(child)
            if token.dep_ == "conj" and token.head.dep_ == "relcl" and token.tag_ != token.head.tag_:
                return None  # "... to attack the oil that funds it and proposed a safe zone": misattached, not the oil's
            made = next((c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i), None) if token.dep_ == "xcomp" else None
            if made is not None and token.head.lemma_.lower() in _MAKING_VERBS and not self._quoted(made):
                return self.subject(made)  # "The victory led Priebus to declare him the nominee": Priebus declared it
            if (token is verb and token.dep_ == "conj" and token.head.dep_ == "ccomp" and token.head.head.i < token.head.i
                    and verb.lemma_.lower() in INVERTING_VERBS and token.head.head.lemma_.lower() in reporting_verbs()
                    and (verb.lemma_.lower() == "add" or not self._clause_has_someone(token.head))):
                # "She said it was too early but added ...": she added it, not "it"; one adds to
                # one's own words ("said the police had come quickly and added"), but "Staff said
                # the manager had locked the doors and explained ..." is the manager's
                token = token.head.head
            elif token is verb and next_act_on_the_cue(verb):
                token = verb.head  # "said the minister had been unaware and added that ...": the parser's second complement
            elif (listed := _listed_after(token)) is not None:
                # "... was when Kelly speculated about A, referred to B and considered C": a
                # tensed verb with no subject after a comma continues the clause before it
                token = listed
            elif _tensed_after_infinitive(token):
                # "Putin backpedaled on his forecast that Russia would recover, and blamed oil
                # prices": a tensed verb cannot share "would recover"'s modal, so it goes with the
                # finite verb above that clause
                token = token.head.head
            elif token.dep_ == "xcomp" and token.head.lemma_.lower() == "be" and self._is_aim(token.head):
                return None  # "The honest course is to admit that ...": what the course is, no one's words
            elif token.dep_ in {"conj", "xcomp", "advcl", "pcomp", "prep"} and token.head.i != token.i:
                token = token.head
            else:
                break
        inverted = self._inverted_subject(verb)
        if inverted is not None:
            return self.subject(inverted)
        if verb.tag_ in {"NNS", "NN"} and verb.dep_ == "ROOT":  # "Trump predicts", "Police allege" read as one noun: the name is its compound
            named = next((c for c in verb.children if c.dep_ == "compound" and c.i == verb.i - 1), None)
            if named is not None:
                return self.subject(named)
        age = next((c for c in verb.children if c.dep_ == "amod" and c.i < verb.i and _bare_age(c)), None)
        if age is not None and verb.doc[age.left_edge.i - 1].lower_ == "the":
            found = self._of_age(age)  # "The 54-year-old added that ...", parsed as an "old" kind of adding
            if found is not None and found.start is None:
                found.start, found.end = verb.doc[age.left_edge.i - 1].idx, age.idx + len(age.text)
            return found
        return self._name_next_to(verb)

    def _is_aim(self, copula: Token) -> bool:
        """"The honest course is to admit ...", "The aim was to show ...": the subject of "be" is
        a thing no one is, not a speaker ("The minister is to announce ..." is the minister's)."""
        subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        return (subject is not None and subject.pos_ == "NOUN" and self.actors.actor_at(subject.i) is None
                and not any(c.dep_ == "poss" for c in subject.children)  # "Francis' message is to call on ...": his
                and subject.lemma_.lower() not in role_nouns() | word_list("organisation_nouns") | word_list("government_nouns"))

    def of_phrase(self, preposition: Token) -> Speaker | None:
        """The object of "according to" (or of another attribution phrase)."""
        for child in preposition.children:
            if child.dep_ == "pobj":
                return self.subject(child)
        return None

    def subject(self, token: Token, require_actor: bool = False) -> Speaker | None:
        """A speaker for a subject token: its own mention, a pronoun's antecedent, a description of
        a known actor ("the mayor", "the agency"), or a named part of it."""
        inner = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i and c.pos_ in {"NOUN", "PROPN"}), None) if token.dep_ == "nsubj" else None
        if inner is not None:
            # "The Cincinnati-based company, which holds contracts with 14 county jails in Ohio,
            # said": the parser made the last noun of the clause the subject, and hung the real
            # one on it as that noun's own subject
            token = inner
        found = self._subject(token, require_actor)
        if found is None:
            return None
        actor = self.actors.by_name(found.name)
        if actor is not None and actor.type == "place":
            # Places do not speak ("WASHINGTON (AP) —", "in Salem, New Hampshire, ..."); people
            # they only qualify do ("Six in 10 Virginia primary voters said").
            if token.pos_ not in {"NOUN", "PROPN"} or require_actor or self.actors.actor_at(token.i):
                return None  # "a South Carolina Democrat" is a person the place qualifies
            found = Speaker(_noun_phrase(token), confidence=DESCRIBED)
        if found.start is None:
            found.start, found.end = _span_of(token)
        found.name = self.canonical(found.name, token.i)
        return found

    def remember(self, token_index: int, name: str, confidence: float = RESOLVED) -> None:
        self.recent[token_index] = name
        self.recent_confidence[token_index] = min(confidence, RESOLVED)

    def canonical(self, name: str, at: int) -> str:
        """The one name of the actor a claimant string stands for: "Horvat" or "Mr. Horvat" is
        the Bo Horvat named before it, "Vancouver's Bo Horvat" is Bo Horvat."""
        actors = self.actors
        cleaned = re.sub(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)", "", name.strip())
        owned = re.sub(r"^[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s\s+(?=[A-Z])", "", cleaned)
        if owned != cleaned and not any(word.lower() in role_nouns() for word in owned.split()):
            cleaned = owned  # "Vancouver's Bo Horvat" is Bo Horvat; "China's Ambassador to Belgium" stays
        for candidate in (name, cleaned):
            resolved = actors.resolve(candidate)
            if resolved:
                return resolved
        words = cleaned.split()
        if len(words) == 1 and words[0][:1].isupper():
            person = self._person_by_part(words[0], at) or self.full_names_said.get(words[0]) or self._full_name_in_text(words[0], at)
            if person:
                return person
            bodies = actors.bodies_ending_with(words[0])
            if len(bodies) == 1:
                return bodies[0]  # "the Rockets" are the Kelowna Rockets
        result = cleaned if cleaned != name and cleaned[:1].isupper() else name
        parts = result.split()
        if 2 <= len(parts) <= 3 and all(part[:1].isupper() for part in parts):
            self.full_names_said[parts[-1]] = result  # "Bo Horvat said", then "Horvat said"
        return result

    # Resolution -------------------------------------------------------------------------------

    def _subject(self, token: Token, require_actor: bool) -> Speaker | None:
        actors = self.actors
        lowered = token.lower_
        if lowered in _PERSONAL_PRONOUNS:
            found = self.previous(token, person=True)
            if (found is not None and lowered in {"he", "she"} and self.gender(found.name) is None
                    and (found.name[:1].islower() or found.name.split()[0].lower() in _DESCRIPTION_OPENINGS)):
                # "A senior official ... conceded ... '...,' he said": the official, whom the text
                # does not name, is a man, and a "she" further on is someone else
                self._genders[found.name] = "f" if lowered == "she" else "m"
            return found
        if lowered == "it" and (document := self._document_subject_before(token)) is not None:
            # "The indictment paints ... It alleges that": the document, or who issued it ("a report by X")
            return self.subject(document, require_actor) or Speaker(_noun_phrase(document), confidence=DESCRIBED)
        if lowered in {"it", "they", "them"}:
            return self.previous(token, person=False)
        group = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                      if g.dep_ == "pobj" and g.lower_ == "them"), None) if lowered == "one" else None
        if group is not None:
            # "Two diplomats said ... '...,' one of them said": one of the group that spoke in the
            # sentence before, as the text describes them
            sentence = token.sent
            start = token.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
            said = [self.recent[i] for i in range(start, token.i) if i in self.recent and token.doc[i].tag_ == "NNS"]
            if said and said[-1].split()[0].lower() in _COUNTED_OPENINGS:
                return Speaker(said[-1], confidence=DESCRIBED)
        if lowered in {"who", "whom"} and token.head.dep_ == "relcl" and token.head.head.i != token.head.i:
            return self._antecedent(token.head.head, require_actor, person=True)  # "Gordon Humphrey, who told POLITICO he ..."
        if re.split(r"['’]", lowered)[0] in {"i", "we", "who", "this", "there", "what", "you", "nobody", "everyone", "anyone", "someone",
                                               "nothing"} or lowered in _POSSESSIVE_PRONOUNS:
            return None  # "we may expect ..." outside a quotation is the author's own voice; "nothing ... supports" no one's
        direct = actors.actor_at(token.i)
        if direct:
            partners = self._named_partners(token, direct)
            if partners:
                # "Both Sandmann and Phillips have said": the claim is theirs together.
                return Speaker(_together(direct, partners), start=token.left_edge.idx, end=token.right_edge.idx + len(token.right_edge.text))
            return Speaker(direct)
        if token.i in self.recent:
            return Speaker(self.recent[token.i], confidence=self.recent_confidence.get(token.i, RESOLVED))
        if lowered in {"which", "that"}:  # a relative pronoun speaks for its antecedent, if any
            return self._antecedent(token.head.head, require_actor) if token.head.dep_ == "relcl" else None
        named_apposition = self._person_in_apposition(token) or self._person_closing_sentence(token) or self._person_ending_title(token)
        if named_apposition:
            return Speaker(named_apposition)  # "the director of operations, Jeff Fraser, says"
        if token.pos_ == "NOUN" and (body := self._body_in_apposition(token)):
            return Speaker(body)  # "The home's owner, Sandhurst Care, said", "campaign group Save Our Buses called for"
        if token.lemma_.lower() == "leader" and (leader := self._state_leader(token)):
            return leader  # "The Turkish leader said": Turkey's president named before
        if self._is_person_description(token):
            described = self.described(token)
            if described:
                return described
        if (token.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children)
                and (named_next := self._named_next(token)) is not None):
            return Speaker(named_next, confidence=RESOLVED)  # "a Texas congresswoman accused ...", named in the sentences after
        if (token.pos_ == "NOUN" and token.lemma_.lower() not in word_list("government_nouns") | word_list("finding_nouns") | word_list("document_nouns")
                and self._named_only_by_modifier(token)):
            return Speaker(_noun_phrase(token), confidence=DESCRIBED)  # "American analysts" are not the United States
        if self._is_unnamed_office_holder(token):
            return Speaker(_noun_phrase(token), confidence=DESCRIBED)  # "China's Ambassador to Belgium said": a person, not China
        head_noun = token.lemma_.lower()
        owner = next((child for child in token.children if child.dep_ == "poss"), None)
        if token.pos_ == "NOUN" and any(c.dep_ in {"amod", "compound"} and c.lower_ == "editorial" for c in token.children):
            return self._editorial_voice(token, owner)
        if owner is not None and token.pos_ == "NOUN" and head_noun not in word_list("document_nouns") | word_list("government_nouns"):
            # "Norman's lawyers", "his supporters": people of their own, not the owner.
            return None if require_actor else Speaker(_noun_phrase(token), confidence=DESCRIBED)
        if token.pos_ == "PROPN" and (known := self._person_by_part(token.text, token.i) or self.full_names_said.get(token.text)):
            return Speaker(known)  # a surname the recogniser missed ("Jamil, researcher at X, said")
        if head_noun in word_list("finding_nouns") | word_list("document_nouns"):  # "a poll by the Harbour Institute": its issuer
            # "a poll by X", "a survey published by X"
            # not "court papers obtained by MailOnline": who holds a document did not write it
            holders = [token, *(c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() not in _HOLDING_VERBS)]
            issuer = next((g for h in holders for c in h.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "from"} for g in c.children if g.dep_ == "pobj"), None)
            issuer = issuer or _issuer_in_relative_clause(token)  # "an interview his brother gave"
            if issuer is not None and (found := self.subject(issuer, require_actor=True)):
                return found
            if (issuer is not None and issuer.head.head.i == token.i and issuer.pos_ == "NOUN"
                    and issuer.lemma_.lower() in role_nouns() | word_list("organisation_nouns") | word_list("government_nouns")):
                # "The statement from the embassy read": the embassy, unnamed; not one that only
                # released or provided a document ("a report released by the governor's office")
                return Speaker(_noun_phrase(issuer), confidence=DESCRIBED)
        named = self._named_in_head(token)
        if named:
            people = [n for n in named if (actor := actors.by_name(n)) is not None and actor.type == "person"]
            together = sorted(set(people), key=people.index)
            if token.tag_ == "NNS" and len(together) > 1 and token.conjuncts and all(actors.actor_at(c.i) for c in token.conjuncts):
                return Speaker(_together(together[0], together[1:]))  # "Both women, Senator Pak and Representative Marsh, said"
            states = sorted({n for n in named if (actor := actors.by_name(n)) is not None and actor.type == "state"}, key=named.index)
            if token.tag_ == "NNS" and len(states) > 1 and len(states) == len(set(named)) and head_noun in word_list("government_nouns"):
                return Speaker(_together(states[0], states[1:]))  # "Syrian and Iraqi officials accuse ...": both states
            return Speaker((people or named)[0], confidence=NAMED if token.pos_ == "PROPN" else RESOLVED)
        described = self.described(token)
        if described:
            return described
        if owner is not None and head_noun in word_list("document_nouns"):
            owned = self.subject(owner, require_actor)  # "her statement read", "the ministry's statement"
            return owned
        if token.pos_ == "PROPN" and (known := self._person_by_part(token.text, token.i)):
            return Speaker(known)  # a surname the recogniser missed ("Hinderks said")
        if require_actor:
            return None
        phrase = _noun_phrase(token).split(",")[0].strip()
        if not phrase or phrase.replace(",", "").isdigit() or len(phrase.split()) > 8 or phrase.lower() in _POSSESSIVE_PRONOUNS or "/" in phrase:
            return None
        if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children) and token.tag_ == "NN":
            self.descriptions.setdefault(token.lemma_.lower(), phrase)  # "a person familiar with the talks", met again as "the person"
        return Speaker(phrase, confidence=NAMED if token.pos_ == "PROPN" else DESCRIBED)

    def _named_in_head(self, token: Token) -> list[str]:
        """Actors named in the subject's own words (compounds, possessors, appositions), not in
        its clauses or prepositional phrases: "the person who spoke to the AP" is not the AP."""
        found = []
        stack = [token]
        while stack:
            current = stack.pop()
            name = self.actors.actor_at(current.i)
            if name and (self.quote_map is None or not self.quote_map.contains(current.idx)):
                found.append(name)
            # A name's apposition describes it ("Lee, a researcher at X"): only a noun's names itself.
            deps = {"compound", "flat", "poss", "amod", "nmod", "conj"} | ({"appos"} if current.pos_ != "PROPN" else set())
            if current.dep_ == "appos" and current.lemma_.lower() in role_nouns():
                continue  # "Jenkins, the Senate majority whip": the body an office belongs to is not its holder
            stack.extend(c for c in current.children if c.dep_ in deps)
        return found

    def _named_only_by_modifier(self, token: Token) -> bool:
        """The subject names an actor only through an adjective ("American analysts") or, for
        nouns of people, a modifier ("Kentucky voters", "Clinton supporters"): they speak for
        themselves."""
        named = [t for t in token.subtree if self.actors.actor_at(t.i)]
        if not named:
            return False
        if all(t.dep_ == "amod" or t.pos_ == "ADJ" for t in named):
            return True
        people = role_nouns() | word_list("person_description_nouns") | word_list("follower_nouns")
        if token.lemma_.lower() in people and all(t.dep_ in {"amod", "compound"} for t in named):
            return True
        # "U.S. steelmakers", "some Chinese lenders": a group of a country's firms or people, no
        # state; its officials, forces and media do speak for it
        return (token.tag_ == "NNS" and token.lemma_.lower() not in word_list("organisation_nouns") | {"medium", "media"}
                and all(t.dep_ in {"amod", "compound"} and t.head.i == token.i for t in named)
                and all((actor := self.actors.by_name(self.actors.actor_at(t.i) or "")) is not None and actor.type == "state" for t in named))

    def _person_in_apposition(self, token: Token) -> str | None:
        """A person named in apposition to the subject or its title ("Keeper of the Seal, Jane
        Doe, said"; the parser may hang the name on the title's last noun), or right after a noun
        or title ("his brother Alastair Osman", "County Supervisor of Elections Susan Bucher")."""
        for t in token.subtree:
            if t.dep_ != "appos" or t.i <= token.i:
                continue
            close = token.pos_ in {"NOUN", "PROPN"} and not any(w.is_punct for w in t.doc[token.i + 1:t.left_edge.i])
            if close or t.doc[t.left_edge.i - 1].text == ",":
                name = self.actors.actor_at(t.i)
                if not name and t.pos_ == "NOUN":
                    # "Its head, the former Norwegian diplomat Sigrid Halvorsen-Aune, said": the
                    # name right after the noun of the apposition
                    named = next((c for c in t.children if c.dep_ == "appos" and c.left_edge.i == t.i + 1), None)
                    name = self.actors.actor_at(named.i) if named is not None else None
                if name and (actor := self.actors.by_name(name)) is not None and actor.type == "person":
                    partners = self._named_partners(t, name) if token.tag_ in {"NNS", "NNPS"} else []
                    return _together(name, partners) if partners else name  # "His lawyers, A and B, said"
        return None

    def _document_subject_before(self, token: Token) -> Token | None:
        """A document no actor is named by ("the indictment", "a report") that is the subject of
        the last clause before "it", in this sentence or the one before: what "it" stands for
        ("The indictment paints a different picture. It alleges ..."), not a body named inside it."""
        doc = token.doc
        start = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
        for i in range(token.i - 1, start - 1, -1):
            if doc[i].dep_ in {"nsubj", "nsubjpass"} and doc[i].head.dep_ in {"ROOT", "conj"}:
                subject = doc[i]
                if (subject.pos_ == "NOUN" and subject.tag_ == "NN" and subject.lemma_.lower() in word_list("document_nouns") | word_list("finding_nouns")
                        and not self.actors.actor_at(i) and not any(c.dep_ == "poss" for c in subject.children)):
                    return subject
                return None
        return None

    def _person_ending_title(self, token: Token) -> str | None:
        """A person named at the end of a title the parser made the subject, with no comma between:
        "FBI Special Agent in Charge Kevin Tran said" (the name hangs on "in"), not the FBI."""
        doc = token.doc
        right = token.right_edge
        name = self.actors.actor_at(right.i)
        if (not name or right.i <= token.i or token.lower_ not in role_nouns() | _titles()
                or any(c.dep_ in {"det", "poss"} for c in token.children)  # "a spokesman for Bernie Sanders" is someone else
                or (actor := self.actors.by_name(name)) is None or actor.type != "person"):
            return None
        first = right.i
        while first > token.i + 1 and self.actors.actor_at(first - 1) == name:
            first -= 1
        between = doc[token.i + 1:first]
        return name if all(t.text.istitle() or t.lower_ in {"of", "for", "in", "on", "the", "and"} for t in between) else None

    def _person_closing_sentence(self, token: Token) -> str | None:
        """A person named after a comma at the end of the sentence, right after a noun for a
        person that ends the phrase: "..., according to the hospital's director, Dr. Ayu Dewi."
        (the parser hangs the name on the main verb)."""
        doc = token.doc
        after = token.right_edge.i + 1
        if token.pos_ != "NOUN" or token.lemma_.lower() not in role_nouns() or after + 1 >= len(doc) or doc[after].text != ",":
            return None
        first = after + 2 if doc[after + 1].lower_.rstrip(".") in honorifics() else after + 1  # past "Dr."
        name = self.actors.actor_at(first) if first < len(doc) else None
        if not name or (actor := self.actors.by_name(name)) is None or actor.type != "person":
            return None
        end = first
        while end < len(doc) and self.actors.actor_at(end) == name:
            end += 1
        return name if end < len(doc) and doc[end].text in {".", ",", ";"} else None

    def _state_leader(self, token: Token) -> Speaker | None:
        """"The Turkish leader": the one president, prime minister or monarch named before whom the
        text ties to Turkey (in the role or beside the name), else the one it ties to no state,
        marked for review; as written when there are more. None for a leader of no state."""
        if not any(c.lower_ == "the" for c in token.children):
            return None
        states = {self._state_named(c.text) for c in token.children if c.dep_ in {"amod", "compound"}} - {None}
        if len(states) != 1:
            return None
        state = states.pop()
        tied, untied = [], []
        for name in sorted(self._people_before(token.i)):
            roles = [role for role in self._roles_of(name) if _LEADING_OFFICE.search(role)]
            if not roles:
                continue
            words = {w for role in roles for w in re.findall(r"[A-Z][\w-]*", role)} | self._said_beside(name)
            named = {self._state_named(w) for w in words} - {None}
            if state in named:
                tied.append(name)
            elif not named:
                untied.append(name)
        if len(tied) == 1:
            return Speaker(tied[0], confidence=RESOLVED)
        if not tied and len(untied) == 1:
            return Speaker(untied[0], confidence=NEAREST)
        return Speaker(_noun_phrase(token), confidence=DESCRIBED)

    def _state_named(self, word: str) -> str | None:
        """The state a word names or is the demonym of: "Turkish", "Estonia's"."""
        hit = self.actors.reference.lookup(strip_possessive(word))
        return hit.actor.name if hit is not None and hit.actor.type == "state" else None

    def _editorial_voice(self, token: Token, owner: Token | None) -> Speaker:
        """An editorial board speaks for its outlet: the one named as its owner ("the Tribune's
        editorial board") or else the one media outlet the article named before ("a headline from
        the Wall Street Journal editorial board ... the editorial board writes"); never the party
        or firm the editorial is about. With no outlet, the board as written."""
        outlet = None
        if owner is not None:
            name = self.actors.actor_at(owner.i)
            outlet = name if name and (actor := self.actors.by_name(name)) is not None and actor.type == "media" else None
        else:
            outlets = {name for i, name in self.actors.token_actor.items()
                       if i < token.i and (actor := self.actors.by_name(name)) is not None and actor.type == "media"}
            outlet = outlets.pop() if len(outlets) == 1 else None
        return Speaker(outlet, confidence=RESOLVED) if outlet else Speaker(_noun_phrase(token), confidence=DESCRIBED)

    def _only_firm_before(self, token: Token) -> str | None:
        """The one firm or club the article named before, by its name's own last word, when it is
        also the body named last."""
        if self._firm_starts is None:  # gathered once per article
            self._firm_starts = {}
            for i, name in sorted(self.actors.token_actor.items()):
                if names_a_firm(name) and (actor := self.actors.by_name(name)) is not None and actor.type == "organization":
                    self._firm_starts.setdefault(name, i)
        firms = [name for name, start in self._firm_starts.items() if start < token.i]
        if len(firms) != 1:
            return None
        doc = token.doc
        for i in range(token.i - 1, max(-1, token.i - 400), -1):  # and the body named last: not a firm named long before others
            name = self.actors.actor_at(i)
            actor = self.actors.by_name(name) if name else None
            if actor is None or actor.type not in {"organization", "media", "group"}:
                continue
            top = doc[i]
            while top.dep_ == "compound" and top.head.i != top.i:
                top = top.head
            kind = top.lemma_.lower() if top.i != i else _head_word(name)
            if kind in _NO_FIRM_HEADS:
                continue  # "the Unite union", "Hull City Council": a body the text says is no firm
            return name if name == firms[0] else None
        return None

    def _body_called(self, token: Token, noun: str) -> str | None:
        """The one body the text called by this noun before: "the GMB union", "Kestrel Foods, a
        food company"; none when it called two bodies so. Not a body a noun only classifies in
        passing ("the founder of hosting company Atlantic.Net")."""
        doc = token.doc
        found: set[str] = set()
        for i in range(token.i - 1, max(-1, token.i - 400), -1):  # bounded like `previous`
            word = doc[i]
            if word.pos_ not in {"NOUN", "PROPN"} or not word.is_lower or word.lemma_.lower() != noun:
                continue
            named = []
            if any(c.lower_ == "the" for c in word.children):
                named = [c.i for c in word.children if c.dep_ == "compound"]
            if word.dep_ == "appos" and word.head.i < word.i:
                named.append(word.head.i)
            kinds = {"organization", "group", "media"}
            if noun in word_list("government_nouns"):
                # "Turkey's foreign ministry summoned ... the ministry said": the state's ministry
                named += [c.i for c in word.children if c.dep_ in {"poss", "amod", "compound"}]
                kinds = kinds | {"state"}
            for at in named:
                name = self.actors.actor_at(at)
                actor = self.actors.by_name(name) if name else None
                if name and actor is not None and actor.type in kinds:
                    found.add(name)
        return found.pop() if len(found) == 1 else None

    def _body_in_apposition(self, token: Token) -> str | None:
        """A body, state or outlet the text names in apposition to a common noun, the noun
        saying what kind of body it is or whose: "the home's owner, Sandhurst Care", "a
        committee called Georgia Forward"."""
        named = [t for t in token.children if t.dep_ == "appos" and t.i > token.i]
        # "A political action committee called Georgia Forward": the name a participle gives it
        named += [g for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in {"call", "name"} for g in c.children if g.dep_ in {"oprd", "dobj", "attr"}]
        for t in named:
            name = self.actors.actor_at(t.i)
            actor = self.actors.by_name(name) if name else None
            if name and actor is not None and actor.type in {"organization", "group", "media", "state"}:
                return name
        return None

    def _is_person_description(self, token: Token) -> bool:
        """A definite description of one person: "the 26-year-old", "the Kentucky Republican",
        "the mayor" (a government office only when an actor holds it: "the president")."""
        if token.tag_ not in {"NN", "NNP"} and not _bare_age(token) or not any(child.lower_ in {"the", "this", "that"} for child in token.children):
            return False
        noun = token.lemma_.lower()
        words = token.doc[token.left_edge.i:token.i + 1].text
        if _AGE.search(words) or noun in word_list("person_description_nouns") or noun in _PARTY_WORDS:
            return True
        if noun in word_list("government_nouns"):
            # "the president" when someone holds that office; not "the ministry" because a
            # "foreign ministry spokesperson" is named
            return any(_role_head(role.lower()) == noun for name in self.actors.role_holders(noun) for role in self._roles_of(name))
        return noun in role_nouns() and noun not in word_list("organisation_nouns")

    def _roles_of(self, name: str) -> list[str]:
        actor = self.actors.by_name(name)
        return [role for role in (actor.role if actor else None, *self.actors.roles.get(name, [])) if role]

    def _antecedent(self, antecedent: Token, require_actor: bool, person: bool = False) -> Speaker | None:
        """"..., which found that": a poll or report speaks for whoever issued it."""
        described = antecedent
        for _ in range(6 if person else 0):  # "Marta Lind, an organizer with the Farm Project, who also said": Lind, not the project
            if described.dep_ == "appos" and self.actors.actor_at(described.head.i):
                antecedent = described.head
                break
            if described.dep_ not in {"pobj", "prep", "compound", "conj"} or described.head.i == described.i:
                break
            described = described.head
        if antecedent.dep_ == "pobj" and antecedent.head.lower_ == "of" and antecedent.head.head.lemma_.lower() in word_list("finding_nouns"):
            antecedent = antecedent.head.head  # "a poll of 65 countries, which found"
        if antecedent.lemma_.lower() in word_list("finding_nouns") and antecedent.dep_ in {"dobj", "pobj"}:
            verb = antecedent.head if antecedent.dep_ == "dobj" else antecedent.head.head
            for child in verb.children:
                if child.dep_ in SUBJECT_DEPS:
                    return self.subject(child, require_actor)
        if (antecedent.lemma_.lower() in word_list("document_nouns") and antecedent.dep_ == "dobj"
                and antecedent.head.lemma_.lower() in word_list("issuing_verbs")):
            # "Trump released a video that said": the video speaks for whoever released it.
            issuer = next((c for c in antecedent.head.children if c.dep_ in SUBJECT_DEPS), None)
            if issuer is not None and (found := self.subject(issuer, require_actor=True)):
                return found
        if antecedent.pos_ in {"NOUN", "PROPN"}:
            return self.subject(antecedent, require_actor)
        return None

    def _is_unnamed_office_holder(self, token: Token) -> bool:
        """A singular office named without its holder: "China's ambassador", "a Marine spokeswoman"."""
        actors = self.actors
        if token.pos_ not in {"NOUN", "PROPN"} or token.tag_ not in {"NN", "NNP"} or actors.actor_at(token.i):
            return False
        lemma = token.lemma_.lower()
        if lemma not in role_nouns() or lemma in _person_nouns_only():
            return False
        if any(child.lower_ == "the" for child in token.children) and not any(child.dep_ in {"poss", "compound", "amod", "prep"} for child in token.children):
            return False  # "the spokeswoman": someone named before, see `described`
        if any((n := actors.actor_at(t.i)) and (a := actors.by_name(n)) and a.type == "person" for t in token.subtree):
            return False
        return not actors.role_holders(lemma)

    def described(self, token: Token) -> Speaker | None:
        """"The mayor said" is the person whose role is mayor (or the mayor described before);
        "the agency said" the last body named, one with "agency" in its name first; "the
        26-year-old said" the last person. "The Nova Scotia judge" is a person of their own."""
        if token.pos_ not in {"NOUN", "PROPN"} and not _bare_age(token) or not any(child.lower_ in {"the", "this", "that"} for child in token.children):
            return None
        if _bare_age(token):
            return self._of_age(token)
        plural = token.tag_ in {"NNS", "NNPS"} and not (token.i > 0 and token.nbor(-1).text == "-")  # not "sergeant-at-arms"
        if plural or any(c.dep_ == "conj" for c in token.children):
            # "the two governors", "the mayor and the police chief": a group, as written, never
            # one of them described or named before
            return Speaker(_noun_phrase(token), confidence=DESCRIBED)
        noun = token.lemma_.lower()
        if (noun in _ISSUED_NOUNS and not any(c.dep_ in {"prep", "poss", "compound"} for c in token.children)
                and (issuer := self._issuer_of(token, noun)) is not None):
            return Speaker(issuer, confidence=RESOLVED)  # "X said in a statement ... '...,' the statement said"
        if noun in role_nouns() and any(c.dep_ == "prep" and any(o.dep_ == "pobj" and _when(c, o) for o in c.children) for c in token.children):
            return Speaker(_noun_phrase(token), confidence=DESCRIBED)  # "the mayor at the time": whoever held it then
        words = token.doc[token.left_edge.i:token.i + 1].text
        bare = all(c.dep_ in {"det", "punct"} for c in token.children)
        described = self.descriptions.get(noun)
        if bare and described and noun in self.described_twice:
            return Speaker(_noun_phrase(token), confidence=DESCRIBED)  # "the senator" after two: either, so as written
        if bare and described:
            # "a person familiar with the talks told the AP ... the person said": the same source
            return Speaker(described, confidence=DESCRIBED)
        if bare and len(self.described_holders.get(noun, ())) > 1:
            return Speaker(_noun_phrase(token), confidence=DESCRIBED)  # "the senator" after two described ones: either, so as written
        holder = self._holder_of_described_role(token, noun)
        if holder is not None:
            if bare and (subject := self._roleless_subject_before(token, {holder})):
                return Speaker(subject, confidence=NEAREST)  # "Cruz defends his record: '...,' the senator says"
            if not bare:
                self.described_holders.setdefault(noun, set()).add(holder)  # "the Washington senator"
            return Speaker(holder, confidence=RESOLVED)  # "Kevin Vickers, the former sergeant-at-arms, ... The former sergeant-at-arms said"
        if noun in _PARTY_WORDS:
            # "the Kentucky Republican" whom the text gave no party or state: the person it was
            # just about, marked for review; not one it puts in another party or state.
            found = self.previous(token, person=True)
            phrase = _noun_phrase(token)
            if found is not None and not self._said_otherwise(found.name, phrase.lower()):
                return found.with_confidence(NEAREST)
            return Speaker(phrase, confidence=DESCRIBED)
        if _AGE.search(words) or noun in word_list("person_description_nouns"):
            return self.previous(token, person=True)
        if noun in word_list("organisation_nouns"):
            # "the diocese" is the Diocese of X named before; with no body of that name, the
            # description stays: the nearest body would be a guess.
            found = self.previous(token, person=False, named=noun)
            if found is not None and (actor := self.actors.by_name(found.name)) is not None and noun in _head_words(actor):
                return found
            nearest = self._nearest_body(token, noun) if noun not in _PLACE_GOVERNMENTS else None
            if nearest is not None:
                return Speaker(nearest, confidence=NEAREST)  # "... by TransLink. The agency told reporters": marked for review
            owner = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            if owner is not None:
                # "The government of Costa Rica": the body or state it names, never one called so before
                name = self.actors.actor_at(owner.i)
                actor = self.actors.by_name(name) if name else None
                if name and actor is not None and actor.type in {"state", "organization", "group"}:
                    return Speaker(name, confidence=RESOLVED)
                return Speaker(_noun_phrase(token), confidence=DESCRIBED)
            called = self._body_called(token, noun)
            if called is not None:
                return Speaker(called, confidence=RESOLVED)  # "the GMB union ... the union said"
            firm = self._only_firm_before(token) if noun in _FIRM_NOUNS else None
            if firm is not None:
                return Speaker(firm, confidence=NEAREST)  # "WestLink Buses ... The company added": the one firm named, marked for review
            return Speaker(_noun_phrase(token), confidence=DESCRIBED)
        if described and _same_description(described, _noun_phrase(token)):
            # "the Nova Scotia judge ... the provincial judge ruled"; not "the Florida senator ...
            # the Vermont senator told ABC", who is another
            return Speaker(described, confidence=DESCRIBED)
        if noun in role_nouns() and any(c.dep_ in {"compound", "amod", "poss"} or c.dep_ == "prep" and c.lower_ in {"of", "for", "to"} for c in token.children):
            # "the Nova Scotia judge", "the minister for Europe" (not the prime minister)
            phrase = _noun_phrase(token)
            if described is not None and described != phrase:
                self.described_twice.add(noun)
            self.descriptions[noun] = phrase
            return Speaker(phrase, confidence=DESCRIBED)
        description = set(role_words(token.doc[token.left_edge.i:token.i + 1].text))
        holders = {name for name in self.actors.role_holders(noun) if self._held(name, noun, description)}
        if holders:
            subject = self._roleless_subject_before(token, holders)
            if subject is not None:
                return Speaker(subject, confidence=NEAREST)
            holder = self._role_holder(holders, token.i)
            return Speaker(holder, confidence=DESCRIBED if len(holders) == 1 else NEAREST) if holder else None
        if noun in role_nouns() and noun not in word_list("government_nouns"):
            # No one in the text holds the role: "the senator" is the senator described before, or
            # the person named last when the text gives them no other role (a guess, marked for
            # review: "The mayor, Ana Ruiz, opened ... The mayor said"); else the description.
            found = self.previous(token, person=True)
            if found is not None and _head_word(found.name) == noun:
                return found.with_confidence(NEAREST)
            if found is not None and (actor := self.actors.by_name(found.name)) is not None and actor.type == "person" and not actor.role:
                return found.with_confidence(NEAREST)
            return Speaker(_noun_phrase(token), confidence=DESCRIBED)
        return None

    def _issuer_of(self, token: Token, noun: str) -> str | None:
        """Who issued the statement (email, letter) "the statement" refers back to: the speaker
        found for "X said in a statement" or "X issued a statement" in the text before."""
        doc = token.doc
        for i in range(token.i - 1, max(-1, token.i - 300), -1):
            word = doc[i]
            if word.lemma_.lower() != noun or word.dep_ not in {"pobj", "dobj"}:
                continue
            verb = word.head.head if word.dep_ == "pobj" and word.head.lower_ in {"in", "by", "via"} else word.head
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None:
                return None
            return self.recent.get(subject.i) or self.actors.actor_at(subject.i)
        return None

    def _holder_of_described_role(self, token: Token, noun: str) -> str | None:
        """The one person whose role has the description's head word and whose role, or what the
        text says beside their name, has every other word of it: "the former sergeant-at-arms of
        the House"; "the Florida senator" for "Sen. Ana Ruiz (R-Fla.)"; "the Arizona Democrat"
        for "Rep. Tom Byrne, a Democrat from Arizona". Not "the company" for a company's founder,
        and no one when two people fit."""
        written = _noun_phrase(token).lower()
        age = _age_in(written)
        phrase = _AGE.sub("", written)  # an age the text may not have given, but not one it gave another
        words = set(re.findall(r"[\w-]+", phrase)) - {"the", "this", "that", "of", "from"}
        head = _role_head(phrase)
        party = noun in _PARTY_WORDS
        candidates = self._people_before(token.i) if party else {name for word in words | {noun} for name in self.actors.role_holders(word)}
        holders = []
        for name in candidates:
            actor = self.actors.by_name(name)
            if actor is None or actor.type != "person":
                continue
            roles = [role for role in self._roles_of(name) if self._fits(role, words)]
            said = {word.strip(".,") for role in roles for word in role_words(role)}
            if not party and not any(head in {_role_head(role.lower()), *role_words(_role_head(role))} for role in roles):
                continue
            rest = words - said - {head, noun}
            if not rest <= self._said_beside(name) or age is not None and self._ages_beside(name) - {age}:
                continue
            # A party description fits a person the text gives that party, or one it gives the
            # description's state and no other party ("the Democrat from Arizona").
            if not party or noun in self._said_beside(name) or (rest and not self._said_otherwise(name, phrase)):
                holders.append(name)
        return holders[0] if len(holders) == 1 else None

    def _mentions(self) -> dict[str, list[int]]:
        """Each person's mentions by their first token, gathered once per article."""
        if self._mention_starts is None:
            self._mention_starts = {}
            for i, name in sorted(self.actors.token_actor.items()):
                actor = self.actors.by_name(name)
                if actor is not None and actor.type == "person" and self.actors.actor_at(i - 1) != name:
                    self._mention_starts.setdefault(name, []).append(i)
        return self._mention_starts

    def _named_next(self, token: Token, window: int = 4) -> str | None:
        """A news lead describes, then names in the sentences that follow: "... as a Republican
        state senator accused the agency of ...", then "State Sen. Teresa Halvorsen ... told
        reporters". The one person first named in the next `window` sentences whose role
        has the description's head word and its other words (a party or a US state aside), and
        whom the text puts in no other party or state."""
        noun = token.lemma_.lower()
        if not self.actors.role_holders(noun):
            return None
        following = list(islice(token.doc[token.sent.end:].sents, window)) if token.sent.end < len(token.doc) else []
        limit = following[-1].end if following else token.sent.end
        phrase = _noun_phrase(token).lower()
        state_words = {word for state in _us_states() for word in state.split()}
        rest = set(re.findall(r"[\w.-]+", phrase)) - {"a", "an", "of", "for", "and", "the", noun, token.lower_} - _PARTY_WORDS - state_words
        starts = self._mentions()
        holders = [name for name in self.actors.role_holders(noun)
                   if name in starts and token.sent.end <= starts[name][0] < limit and not self._said_otherwise(name, phrase)
                   and rest <= {word for role in self._roles_of(name) for word in role_words(role)} | self._said_beside(name)]
        return holders[0] if len(holders) == 1 else None  # not "a spokesperson for the parks department" for Trump's

    def _people_before(self, at: int) -> set[str]:
        return {name for name, starts in self._mentions().items() if starts[0] < at}

    def _held(self, name: str, noun: str, description: set[str]) -> bool:
        """Whether the text gives the person a role with `noun` that the description fits."""
        return any(noun in role_words(role) and self._fits(role, description) for role in self._roles_of(name))

    @staticmethod
    def _fits(role: str, description: set[str]) -> bool:
        """A role fits a description that says "former" only if the role does, and a second-rank
        office only if the description names its rank: "the governor" is neither "Christine
        Whitman, the former New Jersey governor" nor "Lt. Gov. Sam Okafor"."""
        former = bool(_FORMER.match(role.lower()))
        return former == any(_FORMER.match(word) for word in description) and set(role_words(role)) & _RANKS <= description

    def _of_age(self, token: Token) -> Speaker | None:
        """"The 58-year-old said": the one person the text gives that age beside their name, else
        the person it was just about (a guess, marked for review), not one it gives another age."""
        age = _age_in(token.doc[token.left_edge.i:token.i + 1].text)
        people = [name for name in self._people_before(token.i) if age in self._ages_beside(name)]
        if len(people) == 1:
            return Speaker(people[0], confidence=RESOLVED)
        found = self.previous(token, person=True)
        if found is not None and not self._ages_beside(found.name) - {age}:
            return found.with_confidence(NEAREST)
        return Speaker(_noun_phrase(token), confidence=DESCRIBED)

    def _ages_beside(self, name: str) -> set[str]:
        """Ages the text puts beside a person's name ("Sen. Harold Quince (R-Ky.), 71,")."""
        return {word.removeprefix("age ") for word in self._said_beside(name) if word.startswith("age ")}

    def _said_otherwise(self, name: str, phrase: str) -> bool:
        """The text puts the person in a party or US state other than the description's."""
        words = set(re.findall(r"[\w-]+", phrase))
        beside = self._said_beside(name)
        parties = {_PARTY_OF.get(word, word) for word in beside} & _PARTY_WORDS
        described = {_PARTY_OF.get(word, word) for word in words} & _PARTY_WORDS
        states = {state for state in _us_states() if set(state.split()) <= beside}
        described_states = {state for state in _us_states() if set(state.split()) <= words}
        return bool(parties and described and not parties & described) or bool(states and described_states and not states & described_states)

    def _other_person_at(self, i: int, name: str) -> bool:
        other = self.actors.actor_at(i)
        return other is not None and other != name and (actor := self.actors.by_name(other)) is not None and actor.type == "person"

    def _said_beside(self, name: str) -> set[str]:
        """Words the text puts beside a person's name: the state and party of "(D-Ariz.)", "of
        Arizona", "a Democrat from Arizona", "Democratic Sen."; up to the next verb or person."""
        if name in self._beside:
            return self._beside[name]
        found: set[str] = set()
        doc = self.doc
        for i in self._mentions().get(name, []) if doc is not None else []:
            end = i
            while end + 1 < len(doc) and self.actors.actor_at(end + 1) == name:
                end += 1
            sentence = doc[i].sent
            window = []
            for t in reversed(doc[max(sentence.start, i - 3):i]):  # "Vermont Sen. Bernie Sanders"
                if t.pos_ in {"VERB", "AUX", "CCONJ"} or self._other_person_at(t.i, name):
                    break
                window.append(t)
            for t in doc[end + 1:min(sentence.end, end + 10)]:  # "Sanders (I-Vt.)", "Sanders of Vermont"
                if t.pos_ in {"VERB", "AUX", "CCONJ"} or self._other_person_at(t.i, name):
                    break
                window.append(t)
            # Only places, parties and ages: other words beside a name may be another's title.
            found.update(t.lower_ for t in window if t.ent_type_ in {"GPE", "NORP"} or t.lower_ in _PARTY_WORDS)
            found.update("age " + t.text for t in window if re.fullmatch(r"\d\d", t.text) and t.ent_type_ in {"DATE", "CARDINAL", ""})
            text = " ".join(t.text for t in window)
            for letter, state in _PARTY_STATE.findall(text.replace(" ", "")):
                found.update(_PARTY_LETTERS.get(letter, ()))
                found.update(_us_state_words(state.rstrip(".")))
            found.update(w for t in window for w in _us_state_words(t.text.rstrip(".")))
        self._beside[name] = found
        return found

    def previous(self, token: Token, person: bool, named: str | None = None) -> Speaker | None:
        """The actor a pronoun or description stands for: the nearest earlier subject of the right
        kind (a person of a fitting gender for he or she), else the nearest mention of that kind;
        words inside quotations are skipped."""
        actors = self.actors
        doc = token.doc
        wanted = {"she": "f", "her": "f", "he": "m", "him": "m", "his": "m"}.get(token.lower_)
        if named:  # "the diocese": the Diocese of X named before, if any
            for i in range(token.i - 1, max(-1, token.i - 400), -1):
                name = actors.actor_at(i)
                if name and (actor := actors.by_name(name)) is not None and actor.type != "person" and named in _head_words(actor):
                    return Speaker(name, confidence=RESOLVED)
        fallback: str | None = None
        backgrounded: str | None = None
        owner: str | None = None  # the owner of a main subject in the pronoun's paragraph
        fallback_at = -1
        possessor: str | None = None  # a possessor in the pronoun's own sentence
        unnamed: str | None = None  # the nearest subject that describes someone the text does not name
        other_person = False  # a person described nearer, not as a subject
        paragraphs_back = 0
        sentence_start = token.sent.start
        reported: tuple[str, int] | None = None  # a subject inside reported speech, and its sentence
        # "The alliance, they said, would ...": what an aside cue interrupts is what was said, not who said it
        cue = token.head
        aside = (token.dep_ in SUBJECT_DEPS and cue.dep_ == "parataxis" and cue.head.i > cue.i and token.left_edge.i > 0
                 and doc[token.left_edge.i - 1].text == ",")
        interrupted = cue.head if aside else None
        # "He said he had met Briggs": whoever a subject pronoun is, it is no one named after it in its
        # own clause, outside quotation marks
        named_after = set()
        said = set()
        if token.dep_ in SUBJECT_DEPS:
            if token.lower_ == "they" and token.i > 0 and doc[token.i - 1].text == ",":
                # "Germany ... was worried that ..., they said": the state or body that what was said
                # is about did not say it (a person may speak of themselves: "Ms. Roe was shocked, she
                # said"); not a quotation, nor words with a speaker of their own ("X said ..., they said")
                said = {t.i for c in cue.children if c.dep_ == "ccomp" and c.i < token.i
                        and not any(q.text in QUOTE_MARKS or q.lemma_.lower() in reporting_verbs() and any(w.dep_ == "nsubj" for w in q.children)
                                    for q in c.subtree) for t in c.subtree}
            own = {t.i for t in token.subtree}
            named_after = {name for t in cue.subtree if t.i > token.i and t.i not in own and _names_someone_else(t, cue, actors)
                           and not (self.quote_map is not None and self.quote_map.contains(t.idx)) and (name := actors.actor_at(t.i))}
        for i in range(token.i - 1, max(-1, token.i - 400), -1):
            if reported is not None and i < reported[1]:
                return Speaker(reported[0], confidence=RESOLVED)
            if interrupted is not None and interrupted.left_edge.i <= i < cue.left_edge.i or i in said:
                continue
            if self.quote_map is not None and self.quote_map.contains(doc[i].idx):
                continue
            head = doc[i]
            while head.dep_ in {"compound", "flat"} and head.head.i != head.i:
                head = head.head
            if doc[i].is_space and "\n" in doc[i].text:
                paragraphs_back += 1
            is_subject = head.dep_ in SUBJECT_DEPS and not _subject_of_infinitive(head) or _misread_root_subject(head) or (  # "Her husband, Bill, attacked ...": the main clause's subject
                head.dep_ == "appos" and (head.head.dep_ in SUBJECT_DEPS and head.head.head.dep_ == "ROOT" or _misread_root_subject(head.head)
                                          or _subject_hung_on_opening_phrase(head)))
            # "Trump's attempt did not last. Within minutes, he ...": the owner of a main subject that
            # is no person ("his attempt", not "his lawyer")
            owns_subject = (head.dep_ == "poss" and head.head.dep_ in SUBJECT_DEPS and head.head.head.dep_ == "ROOT"
                            and head.head.lemma_.lower() not in role_nouns() | _person_nouns_only())
            name = self.recent.get(i) or actors.actor_at(i) or (self._unlisted_person(doc[i]) if person and (is_subject or owns_subject) else None)
            if (not name and is_subject and token.lower_ == "they" and head.tag_ in {"NNS", "NNPS"} and head.i == i
                    and (i < sentence_start or head.head.lemma_.lower() in reporting_verbs() and head.head in token.ancestors)):
                # "The Conservatives believe ...; they say": a plural subject the actors list lacks.
                phrase = _noun_phrase(head)
                if len(phrase.split()) <= 4:
                    return Speaker(phrase, confidence=DESCRIBED)
            if (token.lower_ == "it" and not name and is_subject and head.i == i and i >= sentence_start and head.head.dep_ == "ROOT"
                    and head.lemma_.lower() in word_list("organisation_nouns") and not _in_reported_clause(head)):
                # "His campaign released the minutes, which it said showed ...": the body the sentence is about
                return Speaker(_noun_phrase(head), confidence=DESCRIBED)
            if not name and is_subject and unnamed is None and not other_person and head.i == i and self._unnamed_subject(head, person, wanted):
                unnamed = _noun_phrase(head)
            if (person and head.i == i and i < sentence_start and not (name and actors.by_name(name) is not None)
                    and (is_subject and head.dep_ != "appos" and _introduces_someone(head) and not _in_reported_clause(head)
                         and not _in_background_clause(head) or _unnamed_source(head))
                    and self.gender(name or _noun_phrase(head)) in (None, wanted)):
                # "One of the victims, a retired teacher, agreed to speak. He said ...": the person the
                # text has just brought in, not someone named before
                return Speaker(name or _noun_phrase(head), confidence=DESCRIBED)
            if person and not name and not is_subject and head.i == i and head.tag_ == "NN" and head.lemma_.lower() in role_nouns():
                other_person = True  # "The defence secretary met the widow ... She said": either
            if not name:
                continue
            if name in named_after:
                continue
            actor = actors.by_name(name)
            if actor is None and not person:
                if token.lower_ == "they" and head.tag_ in {"NNS", "NNPS"} and i in self.recent:
                    return Speaker(name, confidence=RESOLVED)  # "The Greens believe ... They say"
                if (token.lower_ == "it" and i in self.recent and is_subject and head.tag_ == "NN"
                        and head.lemma_.lower() in word_list("organisation_nouns") and not _in_reported_clause(head)):
                    return Speaker(name, confidence=RESOLVED)  # "Israel's prime minister's office said ... It said"
                continue  # a description remembered as a speaker is a person or nothing ("officials from X")
            is_person = actor.type == "person" if actor is not None else (i in self.recent and _looks_personal(name)) or i not in self.recent
            if person != is_person:
                continue
            if wanted and (self.gender(name) or _title_gender(doc, i)) not in (None, wanted):
                continue
            if owns_subject and i not in self.recent and not is_subject:
                # only in the pronoun's own paragraph, nearer than any other name, and not in a
                # reported clause ("Mr. Blaine's plan, according to Mr. Ortega, would ...")
                if paragraphs_back == 0 and not _in_reported_clause(head) and not (fallback is not None and fallback_at > i):
                    owner = owner or name
                continue
            if owner is not None and paragraphs_back > 0:
                return Speaker(owner, confidence=RESOLVED)  # before any subject of an earlier paragraph
            if is_subject or i in self.recent:
                if _in_background_clause(head):
                    # "Although Trump has tweeted that ..., its inclusion ..., he said": the
                    # subject of an "although" clause is not who "he" is, if a main one is near.
                    backgrounded = backgrounded or name
                    continue
                if i not in self.recent and _in_reported_clause(head):
                    # Nor is one inside what someone said ("he suggested that Mr. Lew had ..."),
                    # when the sentence names who said it.
                    reported = reported or (name, doc[i].sent.start)
                    continue
                return Speaker(name, confidence=RESOLVED)
            if fallback is None and i < sentence_start:  # not "Asked what he would tell Mayor Tory, he said"
                fallback, fallback_at = name, i
            elif possessor is None and head.dep_ == "poss":
                possessor = name  # "Since Lee's op-ed ran, she has ...", when no one nearer before
            if token.i - i > 120:
                break
        if owner is not None:
            return Speaker(owner, confidence=RESOLVED)
        if reported is not None:
            return Speaker(reported[0], confidence=RESOLVED)
        if backgrounded:
            return Speaker(backgrounded, confidence=NEAREST)
        if possessor is not None and (fallback is None or token.i - fallback_at > 120):
            return Speaker(possessor, confidence=NEAREST)
        if fallback:
            return Speaker(fallback, confidence=NEAREST)
        # "The home secretary met the chief constables. She said ...": with no one named to stand
        # for, the description stays as written
        return Speaker(unnamed, confidence=DESCRIBED) if unnamed else None

    def _unnamed_subject(self, noun: Token, person: bool, gender: str | None) -> bool:
        """A main clause's subject that describes one person or body the text does not name ("the
        foreign secretary", "the interior ministry"): what a later "she" or "it" can stand for."""
        lemma = noun.lemma_.lower()
        if noun.tag_ not in {"NN", "NNP"} or not noun.text.islower() or not any(c.lower_ == "the" for c in noun.children) or self.actors.role_holders(lemma):
            return False
        if _in_background_clause(noun) or _in_reported_clause(noun) or lemma in self.descriptions:
            return False
        if not person:
            return lemma in word_list("organisation_nouns") and lemma not in _PLACE_GOVERNMENTS
        if lemma not in role_nouns() or lemma in word_list("organisation_nouns"):
            return False
        return gender is None or not lemma.endswith("man") or lemma.endswith("woman") == (gender == "f")

    def _named_partners(self, token: Token, first: str) -> list[str]:
        """The other people, or states, a subject is coordinated with ("X and Y said", "France and
        Germany issued a joint statement"), by their full names; none unless every conjunct names
        an actor of the first one's type."""
        conjuncts = [c for c in token.conjuncts if c.i > token.i]
        first_actor = self.actors.by_name(first)
        kind = first_actor.type if first_actor is not None else None
        if not conjuncts or kind not in {"person", "state"}:
            return []
        names = []
        for conjunct in conjuncts:
            # "Paul Ebert and his counterpart, Rep. Nia Foster, both said": the one the noun names
            name = self.actors.actor_at(conjunct.i) or (self._person_in_apposition(conjunct) if conjunct.pos_ == "NOUN" else None)
            actor = self.actors.by_name(name) if name else None
            if actor is None or actor.type != kind or name == first:
                return []
            names.append(self.canonical(name, conjunct.i))
        return names

    def _nearest_body(self, token: Token, noun: str) -> str | None:
        """The organisation named last before a description of one ("the agency", "the
        company"), within this sentence and the one before, outside quotations; none when two
        different bodies stand there (then the description stays as written). No body whose name
        says it is another kind: "the company" is no "... First Nation" or "... Union", "the union"
        no "... Schools"."""
        doc = token.doc
        sentence = token.sent
        start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        found: list[str] = []
        # "the irrigation ministry" is a ministry of irrigation: a body whose name has that word
        portfolio = {c.lower_ for c in token.children if c.dep_ == "compound" and c.is_lower} if noun == "ministry" else set()
        for i in range(token.i - 1, max(start, token.i - 200) - 1, -1):  # bounded: a hostile sentence may be endless
            name = self.actors.actor_at(i)
            if not name or (self.quote_map is not None and self.quote_map.contains(doc[i].idx)):
                continue
            if portfolio and not portfolio <= set(name.lower().split()):
                continue
            actor = self.actors.by_name(name)
            head = _head_word(name)
            if noun in _FIRM_NOUNS and head in _NO_FIRM_HEADS:
                continue
            if noun == "union" and (head[:-1] if head.endswith("s") else head) in word_list("organisation_nouns") - {"union"}:
                continue  # "the union" is not "Milwaukee Public Schools"
            if actor is not None and actor.type in {"organization", "group"} and name not in found:
                found.append(name)
        return found[0] if len(found) == 1 else None

    def _unlisted_person(self, token: Token) -> str | None:
        """A subject the actors list does not cover that still names or describes a person:
        "Niederreiter has four goals" (the full name given earlier), "Mulder didn't hesitate"
        (a surname the recogniser calls a person), "the mayor brought up" (the mayor named before)."""
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            known = self._person_by_part(token.text, token.i) or self.full_names_said.get(token.text)
            if known:
                return known
            if (token.ent_type_ == "PERSON" and token.ent_iob_ == "B" and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
                    and not (token.i > 0 and token.doc[token.i - 1].text in {"St.", "Ste."})):  # not "Marie" of "Sault Ste. Marie"
                return token.text
            return None
        if token.pos_ == "NOUN" and token.lemma_.lower() in role_nouns() and any(c.lower_ == "the" for c in token.children):
            # Only a person the text gave this role: resolving the description by position would
            # call `previous` again from here, and a run of "the mayor" subjects grew that
            # exponentially.
            return self._role_holder(set(self.actors.role_holders(token.lemma_.lower())), token.i)
        return None

    def _roleless_subject_before(self, token: Token, holders: set[str]) -> str | None:
        """A person named as the subject in this sentence or the two before, nearer than any
        other person, whom the text gives no role: the one "the senator" goes on about when the
        text never called them a senator ("Rubio stopped by his headquarters ... the senator
        said"). None when someone the text did call so is named there too, or is the one who
        holds it and the first person the text names, whom the article is about ("Sen. Abernathy
        held a hearing ... Paul Whitcombe testified ... the senator said")."""
        if token.lemma_.lower() not in _titles():
            return None  # an office news uses as a title ("the senator"), not a trade ("the columnist")
        mentions = self._mentions()
        if len(holders) == 1 and mentions and min(mentions, key=lambda name: mentions[name][0]) in holders:
            return None
        doc = token.doc
        start = token.sent.start
        for _ in range(2):  # the sentence before may be only a quotation's exclamation ("Marco! Marco!")
            start = doc[start - 1].sent.start if start > 0 else start
        nearest = None
        for i in range(token.i - 1, max(start, token.i - 200) - 1, -1):  # bounded: a hostile sentence may be endless
            name = self.actors.actor_at(i)
            actor = self.actors.by_name(name) if name else None
            if name in holders:
                return None
            if actor is None or actor.type != "person" or nearest is not None or (self.quote_map is not None and self.quote_map.contains(doc[i].idx)):
                continue
            roleless = not actor.role and not self.actors.roles.get(name)
            nearest = name if roleless and doc[i].dep_ in SUBJECT_DEPS else ""
        return nearest or None

    def _role_holder(self, holders: set[str], at: int) -> str | None:
        """The one holder of a role, or of several the one named last before `at`."""
        if len(holders) == 1:
            return next(iter(holders))
        return next((name for i in range(at - 1, max(-1, at - 2000), -1) if (name := self.actors.actor_at(i)) in holders), None)

    def gender(self, name: str) -> str | None:
        """"f" or "m" when the text says so (Ms, wife, "she said") or the first name does."""
        if name not in self._genders:
            said = self.actors.genders.get(name)
            if said is None and (name[:1].islower() or name.split()[0].lower() in _DESCRIPTION_OPENINGS):
                said = word_gender(name.split()[-1])  # a description: "the spokeswoman", not the first word's ("The")
            elif said is None and " " in name and not family_name_first(name):
                said = pronoun_gender(name.split()[0])
            self._genders[name] = said
        return self._genders[name]

    def _person_by_part(self, word: str, at: int) -> str | None:
        """The person whose name starts or ends with `word`: the one named last before `at` when
        several share it ("Seth Jones" and "Caleb Jones")."""
        people = self.actors.people_named(word)
        if len(people) <= 1:
            return people[0] if people else None
        for i in range(at - 1, max(-1, at - 2000), -1):
            name = self.actors.actor_at(i)
            if name in people:
                return name
        return None

    def _full_name_in_text(self, word: str, at: int) -> str | None:
        """A surname's full form from the recogniser's person names, the last before `at`, for
        people the actors list missed (the names are gathered once per article)."""
        if self.doc is None:
            return None
        if self._full_names is None:
            self._full_names = {}
            for entity in self.doc.ents:
                names = entity.text.replace("’s", "").replace("'s", "").split()
                if entity.label_ == "PERSON" and 2 <= len(names) <= 3 and all(n[:1].isupper() for n in names):
                    self._full_names.setdefault(names[-1], []).append((entity.start, " ".join(names)))
        found = self._full_names.get(word, [])
        index = bisect.bisect_left(found, (at, "")) - 1  # the last one before `at` (entities come in order)
        return found[index][1] if index >= 0 else None

    def _quoted(self, token: Token) -> bool:
        return self.quote_map is not None and self.quote_map.contains(token.idx)

    def _inverted_subject(self, verb: Token) -> Token | None:
        """'"...," read the email', '"...," added a South Carolina Democrat': after a quotation, the
        parser takes the speaker after the verb for its object."""
        if verb.lemma_.lower() not in INVERTING_VERBS or not self._follows_quotation(verb):
            return None  # not '"...," Trump denounced her record'
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None)
        return obj if obj is not None and obj.lower_ not in _OBJECT_PRONOUNS else None

    def _follows_quotation(self, verb: Token) -> bool:
        """The verb comes right after a quotation, past a comma or dash and its closing mark."""
        i = verb.i - 1
        while i >= 0 and verb.doc[i].is_punct:
            if verb.doc[i].text in QUOTE_MARKS:
                return True
            i -= 1
        return i >= 0 and self._quoted(verb.doc[i])

    def _name_next_to(self, verb: Token) -> Speaker | None:
        """'"...," DeBoer said': the parser sometimes leaves the speaker without a subject arc; take a
        name standing right before or after the reporting verb, or before it across an apposition
        ('"...," Ramos, 58, told AFP'). After the verb only when a quotation comes just before it
        ('"...," said DeBoer'): elsewhere a name after the verb is what it acts on ("criticizing
        Donald Trump's plan", "to paint Trump as unfit")."""
        doc = verb.doc
        before = [verb.i - 1]
        inverted_cue = verb.lemma_.lower() in INVERTING_VERBS and verb.i > 0 and verb.doc[verb.i - 1].text == ","  # "..., added Tom Hale"
        after = [verb.i + 1] if self._follows_quotation(verb) or inverted_cue else []
        for i in range(verb.i - 1, max(-1, verb.i - 6), -1):
            if doc[i].pos_ in {"VERB", "AUX", "CCONJ"} or self._quoted(doc[i]):
                break  # not "criticizing the Keystone XL pipeline and calling for ..."
            if doc[i].pos_ == "PROPN" and i != verb.i - 1:
                before.append(i)
                break
        before.extend(self._name_before_apposition(verb))
        for i in (*before, *after):
            # A capitalised word the tagger misread ('"...," DeBoer said' with DeBoer as a verb) counts too.
            # So does a surname opening the sentence that the tagger took for another word
            # ("Tully urged the council ...", "Tully" an adverb).
            misread = doc[i].is_alpha and doc[i].text[:1].isupper() and (not doc[i].is_sent_start or doc[i].text.istitle() and self._person_by_part(doc[i].text, i))
            if 0 <= i < len(doc) and (doc[i].pos_ == "PROPN" or misread) and not self._quoted(doc[i]):
                name = self.actors.actor_at(i) or self._person_by_part(doc[i].text, i)
                actor = self.actors.by_name(name) if name else None
                if name and not (actor is not None and actor.type == "place"):  # not "... in Cleveland, able to support"
                    return Speaker(name, doc[i].idx, doc[i].idx + len(doc[i].text), confidence=0.7)
        return None

    def _clause_has_someone(self, clause: Token) -> bool:
        """The clause's subject is a name, a pronoun or a noun for people ("the police", "the
        manager"), who may go on to speak in it; not "it", "the deficit" or "the river"."""
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.lower_ in {"it", "this", "that", "there"}:
            return False
        return (subject.pos_ in {"PROPN", "PRON"} or self.actors.actor_at(subject.i) is not None
                or subject.lemma_.lower() in role_nouns() | _person_nouns_only() | {"police"})

    def _name_before_apposition(self, verb: Token) -> list[int]:
        """'..., William Daley, Obama's former chief of staff, said': the person named right before
        an apposition that ends at the cue, which the parser hung elsewhere; none when the words
        between the commas hold a verb."""
        doc = verb.doc
        inverted = verb.i + 1 < len(doc) and doc[verb.i + 1].pos_ == "PROPN" and verb.lemma_.lower() not in word_list("addressing_verbs")
        comma = verb.i - 1
        while comma > 0 and doc[comma].dep_ in {"aux", "neg"}:
            comma -= 1  # "Trump, asked about it, had said"
        if comma < 3 or doc[comma].text != "," or inverted:
            return []  # not '"...," said Kristen Day, director of X, reports USA Today'; "..., told Ms. Marsh" is
        for i in range(comma - 1, max(verb.sent.start, comma - 15), -1):
            if doc[i].tag_ == "MD" or doc[i].tag_ in {"VBD", "VBZ", "VBP"} and any(c.dep_ in SUBJECT_DEPS for c in doc[i].children) or self._quoted(doc[i]):
                return []  # a clause between the commas, not an apposition ("asked about it" is one)
            if doc[i].text == ",":
                name = self.actors.actor_at(i - 1) if i > 0 else None
                actor = self.actors.by_name(name) if name else None
                first = i - 1
                while first > 0 and self.actors.actor_at(first - 1) == name:
                    first -= 1
                after_verb = first > 0 and doc[first - 1].pos_ in {"VERB", "AUX"}  # "said Kristen Day, ...": another cue's speaker
                return [first] if actor is not None and actor.type == "person" and not after_verb else []
        return []


# Verbs of putting a question to someone: the one asked answers.
ASKING_VERBS = frozenset({"ask", "press", "question"})
_OBJECT_PRONOUNS = frozenset({"me", "him", "her", "us", "them", "it", "you"})
# Verbs of saying that put their speaker after them ('"...," added a Democrat'); not verbs of
# stance ('"...," endorsed Senator Cruz').
INVERTING_VERBS = frozenset("say add write read ask reply respond continue explain note recall insist declare argue warn tweet post state quip joke".split())


def _issuer_in_relative_clause(document: Token) -> Token | None:
    """The subject of a relative clause that says who issued a document ("the statement the
    ministry released", "an interview his brother gave to ITV"), unless it is the relative
    pronoun itself ("a report that ran")."""
    for clause in document.children:
        if clause.dep_ == "relcl" and clause.lemma_.lower() in word_list("issuing_verbs"):
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in {"that", "which", "who"}:
                return subject
    return None


def _looks_personal(name: str) -> bool:
    """A description of a person: "the 61-year-old", "the spokeswoman", "a spokeswoman for the
    authority" (the noun before what it is of or for)."""
    head = re.split(r"\s+(?:for|of|at|from|with|in)\s+", name, maxsplit=1)[0]
    return bool(re.search(r"\b\d+-year-old\b", name)) or head.split()[-1].lower() in role_nouns()


def _together(first: str, others: list[str]) -> str:
    """"A and B", "A, B and C"."""
    return " and ".join([", ".join([first, *others[:-1]]), others[-1]])


# Nouns for a party's members, which news uses as a description ("the Arizona Democrat"), and the
# letters of its "(D-Ariz.)" after a name.
_PARTY_WORDS = frozenset({"democrat", "republican", "independent"})
_PARTY_LETTERS = {"D": ("democrat", "democratic"), "R": ("republican", "gop"), "I": ("independent",)}
_FORMER = re.compile(r"(?:former|ex-|then-|onetime|one-time)")
# Words that make an office a lower one: a lieutenant governor is not "the governor".
_RANKS = frozenset({"lieutenant", "deputy", "vice", "assistant", "under"})
_PARTY_OF = {"democratic": "democrat", "gop": "republican"}
_PARTY_STATE = re.compile(r"\(([DRI])[-–]([A-Z][A-Za-z.]*)")


@lru_cache(maxsize=1)
def _us_state_forms() -> dict[str, str]:
    """US states by name and by postal and AP abbreviation ("AZ", "Ariz", "N.H"), lower-case
    names, from the `us` package."""
    import us  # noqa: PLC0415 - only articles with a description to resolve need it

    forms = {}
    for state in us.states.STATES_AND_TERRITORIES:
        for written in (state.abbr, (state.ap_abbr or "").rstrip("."), state.name):
            if written:
                forms[written] = state.name.lower()
    return forms


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    return frozenset(_us_state_forms().values())


def _us_state_words(written: str) -> list[str]:
    """The words of the US state an abbreviation stands for ("Ariz": arizona; "N.H": new
    hampshire); none for other words."""
    name = _us_state_forms().get(written)
    return name.split() if name else []


# A claimant that starts with one of these is a description ("the spokeswoman", "one of the
# victims"), whatever a given name spelt the same would say ("One" is a given name too).
_DESCRIPTION_OPENINGS = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "their", "one", "another", "each", "some", "several"})
# How a group of unnamed sources opens: "Two diplomats familiar with the talks", "Several officials".
_COUNTED_OPENINGS = frozenset("two three four five six several some many".split())
# Verbs by which someone has a document another wrote: "papers obtained by", "a memo seen by".
_HOLDING_VERBS = frozenset({"obtain", "see", "review", "receive", "acquire", "get", "examine"})
# What a speaker issues, and a later "the statement said" stands for: "X said in a statement".
_ISSUED_NOUNS = frozenset({"statement", "email", "letter", "release", "memo", "post"})
# Descriptions of a firm or club: "the company said" is the one firm the article names.
_FIRM_NOUNS = frozenset({"company", "firm", "club", "corporation"})
# The last words of bodies' names that are no firm: what "the company" cannot stand for.
_NO_FIRM_HEADS = (word_list("organisation_nouns") - _FIRM_NOUNS - {"group", "network"}) | {"nation", "band", "tribe"}
# "the city said" is the city's government, not the last body named in it.
_PLACE_GOVERNMENTS = {"city", "country", "state", "province", "municipality", "district", "government", "administration"}
_BACKGROUND_MARKS = {"although", "though", "while", "whereas", "because", "since", "if", "unless"}


def _title_gender(doc: Doc, i: int) -> str | None:
    """The gender the title of a name at `i` says ("Mr. Trump"), for a person the actors list lacks."""
    j = i
    while j >= 0 and doc[j].pos_ == "PROPN" and i - j < 4:
        if (gender := word_gender(doc[j].text)) is not None:
            return gender
        j -= 1
    return None


def _in_background_clause(head: Token) -> bool:
    """The subject's verb heads an adverbial clause of concession, cause or condition."""
    verb = head.head
    return verb.dep_ == "advcl" and any(child.dep_ == "mark" and child.lower_ in _BACKGROUND_MARKS for child in verb.children)


_TENSED = frozenset({"VBD", "VBZ", "VBP"})


def _tensed_after_infinitive(verb: Token) -> bool:
    """A tensed verb the parser joined to an infinitive ("would recover, and blamed"): the two
    cannot be coordinated, since the tensed one does not share the modal or "to"."""
    head = verb.head
    return (verb.dep_ == "conj" and verb.tag_ in _TENSED and head.tag_ == "VB" and head.head.pos_ in {"VERB", "AUX"}
            and head.head.i < head.i and any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in head.children))


def misread_as_modifier(verb: Token, actors: ActorSet) -> bool:
    """A cue the parser hung on a name as a participle, leaving the name as the root: "Mr. Lutz,
    who had insisted ..., announced on Friday that ...". A person is not "announced that"; the
    name is the cue's subject."""
    head = verb.head
    in_apposition = head.dep_ == "appos" and head.head.dep_ == "ROOT"  # "Russia's deputy prime minister, Gennady Sorokin, boasted ..."
    if verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBD"} or not (head.dep_ == "ROOT" or in_apposition):
        return False
    name = actors.actor_at(head.i)
    if (name is not None and (actor := actors.by_name(name)) is not None and actor.type == "person"
            and any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in verb.children)):
        return True
    # "IGAD, the regional bloc, called on ...", "Bristol City Council, which subsidises some
    # routes, called on ...", "Lithuania's foreign minister, Rasa Vaitkute, called for ...": an
    # actor, or a noun with one in apposition, then a comma and the verb, and no other main verb
    named = name is not None or any(c.dep_ == "appos" and actors.actor_at(c.i) for c in head.children)
    return head.pos_ in {"NOUN", "PROPN"} and verb.i > 0 and verb.doc[verb.i - 1].text == "," and named


def issued_document_says(verb: Token) -> bool:
    """A participle on a document its issuers put out ("issued a statement saying ...", "released
    an ad calling it dangerous"): the issuers say it through the document."""
    document = verb.head
    return (verb.dep_ == "acl" and verb.tag_ == "VBG" and document.lemma_.lower() in word_list("document_nouns")
            and document.dep_ == "dobj" and document.head.lemma_.lower() in word_list("issuing_verbs")
            # not "Police released a statement from the mother, describing ...": hers
            and not any(c.dep_ == "prep" and c.lower_ in {"from", "by"} for c in document.children))


def next_act_on_the_cue(clause: Token) -> bool:
    """A verb of saying without a subject, after "and" or "but", that the parser made a second
    complement of the cue ("said the minister had been unaware | and added that ..."): the
    speaker's next act, not more of what was said."""
    doc = clause.doc
    return (clause.dep_ == "ccomp" and clause.pos_ == "VERB" and clause.lemma_.lower() in reporting_verbs() and clause.tag_ in _TENSED
            and clause.head.i < clause.i and clause.left_edge.i == clause.i and doc[clause.i - 1].lower_ in {"and", "but"}
            and not any(c.dep_ in SUBJECT_DEPS for c in clause.children))


def _quoted_as_saying(verb: Token) -> Token | None:
    """Who is quoted "as saying": the object of "Reuters cited three diplomats as saying", the
    subject of "Galloway was quoted by the Register as saying", never the outlet that quotes."""
    phrase = verb.head
    if verb.dep_ != "pcomp" or phrase.lower_ != "as" or phrase.head.lemma_.lower() not in {"quote", "cite"}:
        return None
    quoting = phrase.head
    return next((c for c in quoting.children if c.dep_ in {"dobj", "nsubjpass"}), None)


def _listed_after(verb: Token) -> Token | None:
    """The clause verb a subjectless tensed verb continues when the parser hung both on the same
    head ("when X speculated about A, referred to B"): an adverbial clause has a subject or a
    participle, so a bare tensed verb right after a comma is the next item of a list."""
    if verb.dep_ != "advcl" or verb.tag_ not in _TENSED or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in {"mark", "nsubjpass"} for c in verb.children):
        return None
    before = [c for c in verb.head.children if c.dep_ in {"advcl", "ccomp"} and c.i < verb.i and c.right_edge.i >= verb.i - 2]
    if before and before[-1].tag_ == verb.tag_ and any(c.dep_ in SUBJECT_DEPS for c in before[-1].children):
        return before[-1]
    return None


def _subject_hung_on_opening_phrase(name: Token) -> bool:
    """A name the parser set in apposition to a word of an opening phrase, when the main verb
    after it has no subject: "At Boca West, where it costs $70,000 to join, Jay DiPietro, the
    club's president, suggested ..." is DiPietro suggesting."""
    root = name.sent.root
    return root.pos_ == "VERB" and root.i > name.i > name.head.i and not any(c.dep_ in SUBJECT_DEPS for c in root.children)


def _age_in(text: str) -> str | None:
    """The age a description gives: "58" in "the 58-year-old senator"."""
    found = _AGE.search(text)
    match = re.match(r"\d+", found.group()) if found else None
    return match.group() if match else None


def _bare_age(token: Token) -> bool:
    """An age standing for a person, "the 58-year-old", which the parser heads with "old"."""
    return token.lower_ == "old" and bool(_AGE.search(token.doc[token.left_edge.i:token.i + 1].text))


def _subject_of_infinitive(noun: Token) -> bool:
    """"Trump called for the president to resign. He said ...": the subject of what someone wants
    done is not whom the next sentence goes on about."""
    verb = noun.head
    return verb.tag_ == "VB" and any(child.dep_ == "aux" and child.tag_ == "TO" for child in verb.children)


def _misread_root_subject(noun: Token) -> bool:
    """A noun the parser made the sentence's root, with the sentence's verb in the past tense
    hung on it as a modifier: the subject of that verb ("Ukraine's foreign minister, Andrii
    Sybiha, called on allies ..." parsed as a minister who is "called on allies")."""
    return (noun.dep_ == "ROOT" and noun.pos_ in {"NOUN", "PROPN"}
            and any(c.dep_ == "acl" and c.tag_ == "VBD" and c.i > noun.i for c in noun.children))


def _in_reported_clause(head: Token) -> bool:
    """The subject's clause is what a reporting verb says ("Mr. Lou said that Mr. Lew had ...",
    "Mr. Trump's jabs, Mr. Lou said, were ...")."""
    clause = head.head
    for _ in range(6):
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in reporting_verbs():
            return True
        if any(child.dep_ == "parataxis" and child.lemma_.lower() in reporting_verbs() or child.lower_ == "according" for child in clause.children):
            return True  # "Mr. Trump's jabs, Mr. Lou said, were ...", "Mr. Blaine's plan, according to Mr. Ortega, would ..."
        if clause.dep_ in {"ROOT", ""} or clause.head.i == clause.i:
            return False
        clause = clause.head
    return False


# Offices whose holder leads a state: "the Turkish leader" is one of them.
_LEADING_OFFICE = re.compile(r"\b(?:president|prime minister|premier|chancellor|king|queen|emir|sultan|monarch|taoiseach|supreme leader)\b", re.IGNORECASE)


def _role_head(role: str) -> str:
    """The word a role or description is about: "sergeant-at-arms" in "former sergeant-at-arms of the House"."""
    words = re.split(r"\s+(?:of|for|from|at|in|to|with)\s+", role.strip())[0].split()
    return words[-1] if words else ""


def _head_word(name: str) -> str:
    """The word a body's name is a kind of: "Diocese" in "Roman Catholic Diocese of Covington",
    "Council" in "Surrey City Council" (so "the city" is not the council)."""
    words = name.lower().split(" of ")[0].split()
    return words[-1] if words else ""


def _head_words(actor: Actor) -> set[str]:
    """The kinds of body an actor's name and the other names the text gives it say it is: the US
    Treasury is also "the Treasury Department"."""
    return {_head_word(written) for written in (actor.name, *actor.aliases)}


def _same_description(known: str, phrase: str) -> bool:
    """Two descriptions with one head are one person or thing unless the later one has a proper
    name the first lacks ("the Florida senator", "the Vermont senator"; "a congressional report",
    "the report in the Guardian")."""
    def names(text: str) -> set[str]:
        return {word for word in text.split()[1:] if word[:1].isupper()}
    return names(phrase) <= names(known)


_MONTHS_AND_DAYS = frozenset("january february march april may june july august september october november december "
                             "monday tuesday wednesday thursday friday saturday sunday".split())


def _when(preposition: Token, noun: Token) -> bool:
    """A phrase that says when: "on Wednesday", "at the time", "in 2017", "in March"; not "in their
    eighties" or "from the 1990s era", which say who."""
    if preposition.lower_ == "on":
        return noun.ent_type_ in {"DATE", "TIME"}
    if preposition.lower_ == "at":
        return noun.lower_ == "time" and [c.lower_ for c in noun.children] == ["the"]
    return preposition.lower_ in {"in", "during"} and not list(noun.children) and (
        re.fullmatch(r"(?:19|20)\d\d", noun.text) is not None or noun.lower_ in _MONTHS_AND_DAYS)


def _names_someone_else(token: Token, clause: Token, actors: ActorSet) -> bool:
    """A name in `clause` that a pronoun subject of the clause cannot stand for ("He said he had
    met Briggs"): one that is a participant, not a modifier ("the Carson campaign", "Mr.
    Clinton's remark", which writers do use beside "he"), and not in an apposition, a relative
    clause or a clause of time or reason, which are the writer's words ("... 'the next
    Washington' – the Founding Father who Beck idolizes", "he said after the prosecutor read the
    facts to which Lazar admitted"), nor in a clause joined to it ("He admits ..., but Prager
    thinks ...")."""
    name = actors.actor_at(token.i)
    while token.dep_ in {"compound", "flat"} and token.head.i != token.i and actors.actor_at(token.head.i) == name:
        token = token.head  # to the name's last word
    if token.dep_ in {"poss", "compound", "amod", "nmod"}:
        return False
    while token.i != clause.i and token.head.i != token.i:
        if token.dep_ in {"appos", "parataxis", "advcl", "relcl", "acl"} or token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}:
            return False
        token = token.head
    return True


def _unnamed_source(noun: Token) -> bool:
    """"According to a security analyst in Nairobi, ...": someone new, as the subject of a
    reporting verb would be."""
    return (noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according" and noun.tag_ == "NN"
            and noun.lemma_.lower() in role_nouns() and any(child.dep_ == "det" and child.lower_ in {"a", "an"} for child in noun.children))


def _introduces_someone(noun: Token) -> bool:
    """An indefinite description of one person as a clause's subject ("a neighbour", "one of the
    victims"): it brings someone new into the text, so it cannot be anyone named before. Not "A
    president who ... will hand his successor ..." (the restrictive clause makes it a description
    of someone known), nor "the hardest thing for a president to do"."""
    verb = noun.head
    finite = verb.tag_ in {"VBD", "VBZ", "VBP", "MD"} or any(child.dep_ in {"aux", "auxpass"} and child.tag_ in {"VBD", "VBZ", "VBP", "MD"} for child in verb.children)
    if not finite or any(child.dep_ == "relcl" and noun.doc[child.left_edge.i - 1].text != "," for child in noun.children):
        return False
    if noun.lower_ == "one":
        of = next((child for child in noun.children if child.dep_ == "prep" and child.lower_ == "of"), None)
        group = next((child for child in of.children if child.dep_ == "pobj"), None) if of is not None else None
        return group is not None and group.tag_ == "NNS" and group.lemma_.lower() in role_nouns()
    return (noun.tag_ == "NN" and noun.lemma_.lower() in role_nouns() and noun.lemma_.lower() not in word_list("organisation_nouns")
            and any(child.dep_ == "det" and child.lower_ in {"a", "an"} for child in noun.children))


def _noun_phrase(token: Token) -> str:
    # With a noun joined to it, whole: "the mayor and the police chief", "the Florida senator and
    # Republican presidential candidate".
    words = [t for t in token.subtree if t.i <= token.i or t.dep_ in {"prep", "pobj", "compound", "amod", "poss", "case", "conj"}]
    # Not what any of its words is described by: "results of exit polls | conducted for the AP ..."
    appositions = [t for t in token.subtree if t.dep_ in {"appos", "relcl", "acl"} and t.i > token.left_edge.i]
    # Nor when it spoke: "a congressional report (on Wednesday)", "Trump (at the time)"; but "the
    # mayor at the time", "the governor in 2015" is who held the office then.
    office = token.lemma_.lower() in role_nouns()
    appositions += [t for t in token.children if t.dep_ == "prep" and t.i > token.i and (t.lower_ == "on" or not office)
                    and any(o.dep_ == "pobj" and _when(t, o) for o in t.children)]
    excluded = {w.i for child in appositions for w in child.subtree}
    words = [t for t in words if t.i not in excluded and (t.dep_ not in {"punct", "advmod", "cc"} or t.i == token.i or t.text in {"-", "–", "&", "."})]
    if not words:
        return token.text
    start, end = min(t.i for t in words), max(t.i for t in words) + 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1  # not "Ms. Le" of "Ms. Le Pen"
    text = token.doc[start:end].text
    text = re.sub(r"^(?:even|also|only|just|both)\s+", "", text, flags=re.IGNORECASE)
    # Not the words of a clause or phrase the subject stands in: "While populists ...", "Among
    # Latinos", "(Both) of his senators", "whose political arm", "(recalled) what a partner (told them)".
    text = re.sub(r"^(?:(?:while|whereas|although|though|among|of|whose|what)\s+)+", "", text, flags=re.IGNORECASE)
    # "the campaign's statement that ...": the campaign is the claimant, not "the campaign's".
    text = re.sub(r"\s*['’]s?$", "", text)
    # "Audit files from NGP VAN show": the parser took the cue for the preposition's object
    text = re.sub(r"(?:\s+(?:from|of|by|at|with|for|on|in|to|and|but|or))+$", "", text, flags=re.IGNORECASE)
    return fold_space(text)
