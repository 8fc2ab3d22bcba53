"""Claims: each kind, each way of naming the claimant, and ids that survive re-extraction.

Texts are written for these tests; every expected claimant is who a careful reader would name.
"""
from __future__ import annotations

import pytest

from briefing_gen.extract.actors import extract_actors
from briefing_gen.extract.claims import claim_id, extract_claims
from briefing_gen.extract.parse import parse
from briefing_gen.extract.reference import load_reference
from briefing_gen.model import Article, Paragraph

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def reference():
    return load_reference()


def claims_of(reference, *paragraphs: str, authors=("Dana Rook",)):
    item = Article(source="t.txt", title="T", authors=list(authors), paragraphs=[Paragraph(text=p) for p in paragraphs])
    parsed = parse(item)
    return extract_claims(parsed, extract_actors(parsed, reference))


def find(claims, phrase):
    matches = [c for c in claims if phrase.lower() in c.text.lower() or phrase.lower() in c.sentence.lower()]
    assert matches, f"no claim containing {phrase!r} in {[(c.claimant, c.text) for c in claims]}"
    return matches[0]


def test_reported_speech_is_a_statement_by_the_subject(reference):
    claims = claims_of(reference, "Norway said that the fishing quota would be cut by a third next year.")
    claim = find(claims, "fishing quota would be cut")
    assert (claim.claimant, claim.kind, claim.cue) == ("Norway", "statement", "say")
    assert claim.text.startswith("the fishing quota")  # the reported clause, not the whole sentence
    assert claim.paragraph == 0


def test_capital_as_subject_resolves_to_the_state(reference):
    claims = claims_of(reference, "Moscow has rejected the proposal, saying it ignores the security of its borders.")
    assert find(claims, "rejected the proposal").claimant == "Russia"


def test_quote_with_trailing_said_and_name(reference):
    claims = claims_of(
        reference,
        "The vote was delayed again.",
        "“We will not sign a treaty that our parliament cannot defend,” said Foreign Minister Ilse Varga.",
    )
    claim = find(claims, "will not sign a treaty")
    assert claim.kind == "quote"
    assert claim.claimant == "Ilse Varga"
    assert claim.text == "We will not sign a treaty that our parliament cannot defend"
    assert claim.paragraph == 1


def test_straight_quotes_and_told_reporters(reference):
    claims = claims_of(reference, 'Senator Paul Okafor told reporters that the bill "cannot pass in its present form."')
    claim = find(claims, "cannot pass in its present form")
    assert claim.claimant == "Paul Okafor"


def test_according_to_names_the_source(reference):
    claims = claims_of(reference, "According to the Harbour Institute, exports fell sharply in the third quarter.")
    claim = find(claims, "exports fell sharply")
    assert claim.claimant == "Harbour Institute"
    assert claim.cue == "according to"


def test_statistic_with_its_source(reference):
    claims = claims_of(reference, "According to a poll by the Harbour Institute, 61% of voters oppose the new tariff.")
    claim = find(claims, "61% of voters")
    assert claim.kind == "statistic"
    assert claim.claimant == "Harbour Institute"


def test_pronoun_speaker_is_the_last_person_that_fits(reference):
    claims = claims_of(
        reference,
        "Mayor Lucia Brandt opened the new bridge on Monday in front of the Transport Agency staff.",
        "“It took eleven years, but it will carry our city for a century,” she said.",
    )
    assert find(claims, "took eleven years").claimant == "Lucia Brandt"


def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker(reference):
    claims = claims_of(
        reference,
        "“We asked for a fair share of the water, not a favour,” Minister Tomas Reyes said. “The river belongs to all of us.",
        "“If the dam is filled this summer, our farms will be dry by August.”",
    )
    assert find(claims, "our farms will be dry").claimant == "Tomas Reyes"
    assert find(claims, "river belongs to all of us").claimant == "Tomas Reyes"


def test_unattributed_judgement_and_prediction_are_the_authors(reference):
    claims = claims_of(
        reference,
        "The summit produced a communique and little else.",
        "In reality, the dispute was never really about money.",
        "If the talks fail again, the coalition will almost certainly collapse before the winter.",
    )
    assessment = find(claims, "never really about money")
    assert (assessment.claimant, assessment.kind) == ("author", "assessment")
    prediction = find(claims, "coalition will almost certainly collapse")
    assert (prediction.claimant, prediction.kind) == ("author", "prediction")


def test_not_every_sentence_is_a_claim(reference):
    claims = claims_of(
        reference,
        "The ship left the port at noon. It carried grain and fertiliser. The crew numbered twenty.",
        "The weather was calm. The voyage takes four days.",
    )
    assert claims == []


def test_claim_ids_are_stable_and_follow_the_text(reference):
    paragraphs = (
        "Norway said that the fishing quota would be cut by a third next year.",
        "“The fleet will survive,” said Minister Kari Holm.",
    )
    first = claims_of(reference, *paragraphs)
    again = claims_of(reference, *paragraphs)
    assert [c.id for c in first] == [c.id for c in again]
    # Moving the claim to another paragraph keeps its id: the id comes from the words claimed.
    moved = claims_of(reference, "An unrelated opening paragraph about the weather.", *paragraphs)
    assert {c.id for c in first} <= {c.id for c in moved}
    assert claim_id("The fleet will survive,") == claim_id("the  fleet will survive")
    assert claim_id("The fleet will survive") != claim_id("The fleet will not survive")


def test_she_skips_a_man_the_text_calls_mr(reference):
    claims = claims_of(
        reference,
        "Mr. Anton Weiss and his wife, Ms. Ilona Varga, opened the bakery in March.",
        "Mr. Weiss said the first winter was hard.",
        "“We are not leaving this town,” she said.",
    )
    assert find(claims, "not leaving this town").claimant == "Ilona Varga"


def test_speaker_named_next_to_the_verb_without_a_subject_arc(reference):
    claims = claims_of(
        reference,
        "Coach Peter Lind praised the new goalkeeper after the match.",
        '"You can see his impact on our team with the players around him," Lind said of the former captain.',
    )
    assert find(claims, "see his impact on our team").claimant == "Peter Lind"
