"""The writer's own judgement, told by its grammar rather than by its words.

An argued piece (analysis, opinion) makes its case in sentences of a few shapes: advice ("Europe
should ..."), what something is or was, weighed ("The distinction was legal rather than
practical"), the point set out ("The real problem is that ..."), one thing set against another
("a snapshot, not a trend"), a verb that passes a verdict ("The cap has failed") and a plain
forecast ("The subsidy will not survive"). `claims.py` makes such sentences the author's claims;
`genre.py` counts them, since a piece that judges often and quotes little argues even when it
reports in the past tense.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from briefing_gen.extract.parse import is_finite, lemma_of, word_list

PRESCRIBING = frozenset({"should", "must", "ought"})
_JUDGING_VERBS = frozenset({"be", "become", "remain"})


def judgement_form(root: Token) -> bool:
    """The writer's judgement by its grammar, words aside: advice ("Europe should drop the threat",
    "Washington must weigh ..."), or what something is now, said of it plainly ("That routine is
    the real problem", "An empty chair is not a strategy", "The sea has become a testing
    ground"): "be", "become" or "remain" in the present with a noun or adjective after it."""
    auxiliaries = {c.lower_ for c in root.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & PRESCRIBING or lemma_of(root) == "afford" and auxiliaries & {"can", "ca"} and any(c.dep_ == "neg" for c in root.children):
        return True  # "Europe cannot afford to ..." advises too
    complements = [c for c in root.children if c.dep_ in {"attr", "acomp"}]
    if lemma_of(root) not in _JUDGING_VERBS or not complements or any(c.dep_ == "expl" for c in root.children):
        return False  # "There are two ways ...": what exists, no judgement
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ == "it" and any(c.dep_ == "ccomp" for c in root.children):
        return False  # "It is clear that ..." is `_held_plain`'s, "Nor is it clear that ..." holds nothing
    if any(g.dep_ in {"ccomp", "xcomp"} for c in (root, *complements) for g in c.children) and (subject is None or subject.lower_ != "it"):
        return False  # "They are convinced that ...", "He is sure to ...": what the subject holds, not the writer's judgement
    if subject is not None and subject.ent_type_ == "PERSON" and any(p.dep_ == "prep" and p.lower_ in {"of", "at"} for c in complements for p in c.children):
        return False  # "Jane Roe is the author of ...", "... a fellow at ...": who someone is
    return root.tag_ in {"VBZ", "VBP"} or root.tag_ == "VBN" and auxiliaries & {"has", "have"} != set()


_NOT_JUDGEMENTS = frozenset({"first", "last", "only", "next", "same", "other", "former", "latter", "previous", "present", "able", "unable"})


def judged_in_the_past(root: Token) -> bool:
    """What something was, by a word that weighs it: "The distinction was legal rather than
    practical", "It was an expensive lesson in ..."; not a state or a rank ("The border was
    closed", "The meeting was the first since 2019", "Turnout was 48 per cent")."""
    if lemma_of(root) != "be" or root.tag_ != "VBD" or any(c.dep_ == "expl" for c in root.children):
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is not None and (subject.ent_type_ in {"PERSON", "NORP"} or subject.lower_ in {"he", "she", "they", "everyone", "i", "we"}):
        return False  # "Cyrus was a Persian king", "She was unavailable": who someone was, or how they felt
    if any(t.ent_type_ in {"PERCENT", "CARDINAL", "MONEY", "QUANTITY"} for t in root.subtree):
        return False  # "Seventy-eight percent were white": a count, not a judgement
    for complement in root.children:
        if complement.dep_ == "acomp" and complement.tag_ in {"JJ", "JJR"} and complement.lower_ not in _NOT_JUDGEMENTS:
            return True
        if complement.dep_ == "attr" and not any(c.like_num for c in complement.children) and any(
                c.dep_ == "amod" and c.tag_ in {"JJ", "JJR", "JJS"} and not c.ent_type_ and c.lower_ not in _NOT_JUDGEMENTS
            for c in complement.children):
            return True
    return False


def thesis_form(root: Token) -> bool:
    """ "The real problem is that ...", "The honest course is to admit ...": what the writer weighs
    as the point, a noun with a word that weighs it, then "is" and a clause (not "The plan is to
    build a dam", nor "The new rule is that ...")."""
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return (lemma_of(root) == "be" and subject is not None and subject.pos_ == "NOUN"
            and any(c.dep_ == "amod" and c.tag_ in {"JJ", "JJR", "JJS"} and not c.ent_type_ and c.lower_ not in _NOT_JUDGEMENTS
                    for c in subject.children)
            and any(c.dep_ in {"ccomp", "xcomp"} for c in root.children))


def contrast(sentence: Span) -> bool:
    """ "It was a snapshot, not a trend", "lost not to Russian money but to European complacency",
    "reassurance rather than ideas": one thing set against another, the shape of an argument. A
    "not" on a noun, an adjective or a preposition, not on a verb ("did not say" only denies)."""
    for token in sentence:
        if token.lower_ == "not" and token.dep_ == "neg" and (
                token.head.pos_ in {"NOUN", "PROPN", "ADP"} or token.head.pos_ == "ADJ" and token.head.dep_ in {"conj", "appos"}):  # not "pleaded not guilty"
            return True
        if token.lower_ == "rather" and token.i + 1 < sentence.end and token.nbor().lower_ == "than":
            return True
    return False


def verdict_verb(clause: Token) -> bool:
    """ "The price cap has failed", "European governments mistook it for disinformation": a verb
    that itself passes judgement on what its subject did (`verdict_verbs`), in the writer's voice."""
    return (lemma_of(clause) in word_list("verdict_verbs") and is_finite(clause)
            and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in {"i", "we", "you"} for c in clause.children))


def writers_forecast(root: Token) -> bool:
    """"Enforcement will not catch up with evasion": what will happen, said plainly of a third
    party (not "we will see", nor a promise in the first person, nor an event set for a day)."""
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return (subject is not None and subject.lower_ not in {"i", "we", "you"}
            and any(c.dep_ == "aux" and c.lemma_.lower() in {"will", "shall"} for c in root.children)
            and not any(t.ent_type_ in {"DATE", "TIME"} for t in root.subtree))  # not what is on the calendar ("will speak on Thursday")


def judges(sentence: Span) -> bool:
    """The sentence passes the writer's judgement by its grammar: in its main clause or a clause
    joined to it with its own subject ("..., and a temporary discount is a thin achievement"),
    or as a point set out or a contrast drawn."""
    root = sentence.root
    clauses = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and any(g.dep_ == "nsubj" for g in c.children))]
    return any(judgement_form(c) or judged_in_the_past(c) or verdict_verb(c) for c in clauses) or thesis_form(root) or contrast(sentence)
