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


# Who the cue attributes the words to (issue: claims an analyst can trust) ---------------------------


def test_a_name_after_a_dash_speaks_the_quote_before_it(reference):
    claims = claims_of(
        reference,
        "“The sea does not forgive the careless, and neither will the voters.” ― Marta Kovač",
        "“We built the ferries to last a century.” ― Tomas Ruiz, shipwright",
    )
    assert [(c.claimant, c.cue) for c in claims] == [("Marta Kovač", "dash"), ("Tomas Ruiz", "dash")]


def test_a_pronoun_after_a_named_speaker_is_that_speaker_not_a_person_named_between(reference):
    claims = claims_of(
        reference,
        "Ferry operator Lena Park met Governor Aldo Brenn on Tuesday.",
        "Park defended the contract. “Every vessel passed its inspection twice,” she said.",
    )
    claim = find(claims, "passed its inspection")
    assert claim.claimant == "Lena Park"
    assert claim.kind == "quote"


def test_she_is_never_a_man_named_by_first_name(reference):
    claims = claims_of(
        reference,
        "Carmen Ortiz chairs the committee. Robert Vance, its clerk, took the minutes.",
        "“We will publish every invoice,” she said.",
    )
    assert find(claims, "publish every invoice").claimant == "Carmen Ortiz"


def test_an_allegation_about_someone_reported_by_another_goes_to_the_reporter(reference):
    claims = claims_of(reference, "The Daily Tide reported that Governor Aldo Brenn had received payments from the shipyard.")
    claim = find(claims, "received payments")
    assert claim.claimant in {"The Daily Tide", "Daily Tide"}  # the paper, as the actors list names it
    assert "Aldo Brenn" in claim.about and claim.claimant not in claim.about
    assert not any(c.claimant == "Aldo Brenn" for c in claims)


def test_a_scare_quote_is_no_claim_and_a_partial_quote_stays_in_its_clause(reference):
    claims = claims_of(
        reference,
        "The so-called “people's committees” met in the town hall on Monday evening.",
        "The ministry warned that an attack on the port was “quite real.”",
    )
    assert not any("people's committees" in c.text for c in claims)
    claim = find(claims, "quite real")
    assert claim.text.startswith("an attack on the port")  # the whole proposition, with its quoted words
    assert claim.cue == "warn"


def test_a_quote_running_over_paragraphs_keeps_its_speaker(reference):
    claims = claims_of(
        reference,
        "“The ferries were late, and the costs doubled,” said auditor Priya Raman. “Nobody in the ministry asked why.",
        "“Now the taxpayers will pay for that silence.”",
    )
    claim = find(claims, "taxpayers will pay")
    assert claim.claimant == "Priya Raman" and claim.kind == "quote"
    assert len([c for c in claims if "costs doubled" in c.text]) == 1  # the quote, not also its sentence


def test_headlines_and_headings_are_not_claims(reference):
    claims = claims_of(
        reference,
        "Harbour Watch: Minister Must Resign Over Ferry Contract",
        "The minister said on Monday that she would stay in office until the inquiry reports.",
    )
    assert not any("Must Resign" in c.text for c in claims)
    assert find(claims, "stay in office")


def test_a_related_story_line_with_a_colon_is_no_claim_but_a_transcript_line_is_kept(reference):
    """"Okafor: port director acted 'like a judge'." between paragraphs is a link to another story:
    not Okafor's claim, and never the port director's. A transcript's label is in capitals."""
    claims = claims_of(
        reference,
        "The port director closed the north gate on Friday without a vote of the board.",
        "Okafor: Port director acted 'like a judge and jury' on the gate.",
        "Union leader Ade Okafor said the closure would cost the night shift a week of pay.",
    )
    assert not any("judge and jury" in c.text for c in claims)
    assert find(claims, "cost the night shift").claimant == "Ade Okafor"


def test_a_modal_alone_is_no_prediction(reference):
    claims = claims_of(
        reference,
        "The harbour could in theory hold twice as many boats, and the old pier would be a fine place for a market.",
        "The council will almost certainly approve the new pier next spring, which is bound to anger the fishermen.",
    )
    assert not any(c.kind == "prediction" and "could in theory" in c.text for c in claims)
    assert find(claims, "approve the new pier").kind == "prediction"


def test_the_word_from_a_capital_is_that_capital_speaking(reference):
    claims = claims_of(reference, "The latest word from Moscow is that negotiations will continue next week in Geneva.")
    claim = find(claims, "negotiations will continue")
    assert claim.claimant == "Russia"
    assert claim.text.startswith("negotiations will continue")


def test_spans_point_at_the_words_of_the_paragraph(reference):
    paragraph = "“Every vessel passed its inspection twice,” Lena Park said on Tuesday."
    claim = find(claims_of(reference, paragraph), "passed its inspection")
    assert paragraph[claim.content.start:claim.content.end] == "Every vessel passed its inspection twice,"
    assert paragraph[claim.speaker.start:claim.speaker.end] == "Lena Park"
    assert paragraph[claim.cue_span.start:claim.cue_span.end] == "said"
    assert claim.confidence >= 0.9


def test_an_uncertain_speaker_has_a_low_confidence(reference):
    claims = claims_of(
        reference,
        "Inspector Hana Sato visited the shipyard on Friday with two engineers.",
        "“The welds on the hull will not last a winter.”",
    )
    claim = find(claims, "welds on the hull")
    assert claim.claimant == "Hana Sato"
    assert claim.confidence < 0.65  # a whole-paragraph quote with no cue: a guess, flagged for review


def test_calling_someone_a_name_is_a_claim_with_its_cue(reference):
    claims = claims_of(reference, "Senator Jane Holt met the president on Monday. Donald Trump called the senator a “nasty guy” after the meeting.")
    claim = find(claims, "nasty guy")
    assert claim.claimant == "Donald Trump"
    assert claim.text.startswith("called the senator")  # the whole naming, not the two quoted words


def test_what_a_speaker_calls_or_casts_someone_as_is_their_claim(reference):
    claims = claims_of(
        reference,
        "Governor Ada Brenn spoke in Harwick on Friday, calling the rival plan “a tax on every family in this state.”",
        "Mayor Tom Ellery referred to the protesters as “paid agitators” in a radio interview.",
        "Councillor Rhea Vance called that “beyond absurd.”",
        "Senator Ivo Marsh cast his opponent as a friend of the banks.",
    )
    assert find(claims, "a tax on every family").claimant == "Ada Brenn"
    assert find(claims, "a tax on every family").text.startswith("calling the rival plan")
    assert find(claims, "paid agitators").claimant == "Tom Ellery"
    assert find(claims, "paid agitators").cue == "refer"
    assert find(claims, "beyond absurd").claimant == "Rhea Vance"
    assert find(claims, "friend of the banks").claimant == "Ivo Marsh"


def test_a_call_or_a_cast_that_names_nothing_is_no_claim(reference):
    claims = claims_of(
        reference,
        "The files sat in folders recently labeled “top secret” by the agency.",
        "Nadia Orlov called her mother “every Sunday” for ten years.",
        "Governor Ada Brenn called a “special session” of the legislature to deal with the budget.",
        "Premier Hal Osk called a snap election after his party’s “humiliating” defeat.",
        "Senator Ivo Marsh called the reporter back “to clarify” his earlier remarks.",
        "The scandal cast a shadow over the talks as the deadline neared.",
        "The judge referred the case to federal prosecutors as protests grew outside the courthouse.",
        "Tom Baker painted the fence as a favor to his elderly neighbor.",
    )
    assert [c.text for c in claims] == []


def test_a_name_given_before_what_it_names_is_still_a_naming(reference):
    claims = claims_of(reference, "Mayor Tom Ellery called “fake news” the reports that he had fired his deputy.")
    assert find(claims, "fake news").claimant == "Tom Ellery"


def test_the_source_of_a_report_keeps_the_clause_whose_subject_speaks(reference):
    claims = claims_of(
        reference,
        "According to letters kept by Lena Dray, a friend of the family, the senator had referred to the "
        "mayor as “a small man with a big office.”",
    )
    texts = {(c.claimant, c.text) for c in claims}
    assert ("Lena Dray", "the senator had referred to the mayor as “a small man with a big office.”") in texts
    assert ("the senator", "referred to the mayor as “a small man with a big office.”") in texts

def test_where_and_to_whom_is_not_what_was_said(reference):
    claims = claims_of(
        reference,
        "“We will rebuild the pier before the summer,” Mayor Ines Calder said on Monday.",
        "Calder told the harbour council at a meeting on Tuesday.",
        "She told the Tide’s morning show on Wednesday that the pier would cost less than planned.",
        "The port authority did not respond to requests for comment about the schedule.",
    )
    assert not any(c.text.startswith(("the harbour council", "at a meeting")) for c in claims)
    assert find(claims, "cost less than planned").text.startswith("the pier would cost")
    assert not any("requests for comment" in c.text for c in claims)  # a cue that is denied claims nothing
    assert find(claims, "rebuild the pier").claimant == "Ines Calder"


def test_when_or_how_a_quotation_was_said_is_not_what_was_said(reference):
    claims = claims_of(
        reference,
        "“Get him out of here,” Tomas Brenner said when a protester seemed to stumble.",
        "“This is for every girl who was told no,” Amara Stone said as she accepted her award.",
        "“We will win the state,” Lena Ward said, answering a question at a town hall in Berlin.",
    )
    assert sorted(c.text for c in claims) == [
        "Get him out of here", "This is for every girl who was told no", "We will win the state"]


def test_a_quote_opening_its_paragraph_after_a_heading_is_a_quote(reference):
    claims = claims_of(
        reference,
        "Mayor Ines Calder spoke on Monday.",
        "Savings from the new schedule",
        "“If we build seven days a week, we can save two million,” Calder told the council on Friday.",
    )
    assert find(claims, "seven days a week").kind == "quote"


def test_a_condition_is_not_a_claim(reference):
    claims = claims_of(
        reference,
        "The deal will not hold for long unless the European Union and Norway accept that the quota must be shared.",
    )
    assert not any(c.claimant in {"European Union", "Norway"} for c in claims)


def test_the_authors_own_expectation_is_their_prediction_and_a_passive_cue_names_nobody(reference):
    claims = claims_of(
        reference,
        "My own expectation is that the pier will survive, but smaller: the cranes will be dropped, and the town will be told to be grateful.",
    )
    claim = find(claims, "the pier will survive")
    assert (claim.claimant, claim.kind) == ("author", "prediction")
    assert not any(c.cue == "tell" for c in claims)


def test_a_survey_speaks_for_whoever_published_it(reference):
    claims = claims_of(reference, "A survey published last week by the Harbour Institute found that 64% of residents support the new pier.")
    assert find(claims, "64% of residents").claimant == "Harbour Institute"


def test_a_quote_inside_the_speakers_own_clause_is_claimed_once(reference):
    claims = claims_of(
        reference,
        "Deputy Minister Anna Petrova told reporters that the route, which passes close to the naval base, \"is not a commercial decision but a military one.\"",
    )
    assert len([c for c in claims if "commercial decision" in c.text]) == 1
    assert find(claims, "commercial decision").text.startswith("the route")


def test_a_three_word_clause_before_its_cue_is_a_claim_but_yes_is_not(reference):
    claims = claims_of(
        reference,
        "Lena Marsh, 13, sold lemonade by the route of the march.",
        "Sales were great, she said, counting the coins. Yes, she said.",
    )
    assert find(claims, "Sales were great").claimant == "Lena Marsh"
    assert not any(c.text.strip(" .") == "Yes" for c in claims)


def test_a_reported_clause_keeps_the_words_the_parser_hung_on_its_cue(reference):
    """The parser often attaches the rest of a reported list, a second "that" clause or the rest of
    an opened quotation to "said"; the claim is the whole proposition. A clause with a subject of
    its own after a plain comma and "but" is the writer's."""
    claims = claims_of(
        reference,
        "Health officials said money is urgently needed to train nurses, buy vaccines and open two clinics before winter.",
        "Councillor Rosa Tamm believes there are no easy answers, but that the ferry must keep running.",
        'Mayor Ilse Varga said the dam was "sound in every part we inspected, and it will hold through the spring floods."',
        "The treasurer said the budget is balanced, but the auditors found a gap of two million.",
    )
    assert find(claims, "urgently needed").text.endswith("open two clinics before winter")
    assert find(claims, "no easy answers").text.rstrip(".").endswith("the ferry must keep running")
    assert find(claims, "sound in every part").text.endswith('hold through the spring floods."')
    assert not any("auditors" in c.text for c in claims if c.claimant != "author")


def test_a_dateline_or_label_before_reported_speech_is_not_a_headline(reference):
    claims = claims_of(
        reference,
        "Islamabad: Prime Minister Imran Qadir said on Monday that talks with the lenders had ended.",
        "Update: Police said the suspect was arrested on Friday night in Halifax.",
    )
    assert find(claims, "talks with the lenders").claimant == "Imran Qadir"
    assert find(claims, "the suspect was arrested")


def test_a_quoted_title_names_a_work_and_is_no_claim(reference):
    claims = claims_of(
        reference,
        "The senator likes \"The Long Harbour,\" while her rival prefers \"Nights in Tallinn.\"",
        "Critics have been reading the mayor's new book, \"Building Varna: How to Make a City Work Again.\"",
        "\"The harbour will reopen in May,\" Mayor Ilse Varga said.",
    )
    assert not any("Long Harbour" in c.text or "Building Varna" in c.text for c in claims), [c.text for c in claims]
    assert find(claims, "will reopen in May").claimant == "Ilse Varga"


def test_a_stance_is_its_own_clause_and_a_participle_takes_no_stance(reference):
    claims = claims_of(
        reference,
        "In a move that shocked nearly everyone in the state, Governor Chris Dale endorsed Ron Vance last week.",
        "The fund manager wrote a check to a committee supporting Ron Vance.",
        "Vance was unhappy with his rivals, though at the end Senator Ada Quill swore that she would support him if he wins.",
        "Both Ada Quill and Ron Vance criticised the toll and its author.",
    )
    endorsement = find(claims, "endorsed Ron Vance")
    assert endorsement.claimant == "Chris Dale" and not endorsement.text.startswith("In a move")
    assert not any(c.cue == "support" and "committee" in c.text for c in claims)
    support = find(claims, "would support him")
    assert support.claimant == "Ada Quill" and support.text.startswith("she would support him")  # its own clause
    assert find(claims, "criticised the toll").text == "Both Ada Quill and Ron Vance criticised the toll and its author"


def test_hoped_and_hoping_report_what_is_hoped(reference):
    # The model lemmatises "hoped" as "hop"; the claim's cue is still "hope".
    claims = claims_of(reference, "Senator Ada Quill hoped that the vote would pass. Mayor Tom Reed is hoping that the bridge opens in May.")
    assert find(claims, "the vote would pass").cue == "hope"
    assert find(claims, "the bridge opens in May").claimant == "Tom Reed"


def test_an_aside_cue_before_a_quotation_that_goes_on_with_the_clause_claims_the_whole_clause(reference):
    claims = claims_of(
        reference,
        'Mayor Ana Ruiz spoke at the rally on Sunday. The system, she said, "is still rigged against working families."',
        'In his memo, the director wrote, "We must act before the winter."',
    )
    system = find(claims, "still rigged")
    assert (system.claimant, system.text) == ("Ana Ruiz", 'The system … "is still rigged against working families."')
    assert find(claims, "We must act").text == "We must act before the winter."  # a whole sentence quoted: its own claim


def test_according_to_between_a_subject_and_its_verb_keeps_the_subject_in_the_claim(reference):
    claims = claims_of(
        reference,
        "The new bridge, according to the transport ministry, will cost $2 billion.",
        "According to the ministry, the old bridge will close in May.",
    )
    assert find(claims, "will cost").text == "The new bridge, according to the transport ministry, will cost $2 billion."
    assert find(claims, "will close").text == "the old bridge will close in May."


def test_a_refusal_or_a_subject_of_no_one_stays_in_the_claim_so_it_does_not_say_the_opposite(reference):
    claims = claims_of(
        reference,
        "Norway refused to impose new sanctions on the shipping firms.",
        "The militia denied shelling the town.",
        "Neither side believes the truce is permanent.",
        "The ministry declined to comment.",
        "The ministry denied that its troops had crossed the border.",
        "The mayor refused to endorse the governor's budget.",
    )
    assert find(claims, "impose new sanctions").text == "Norway refused to impose new sanctions on the shipping firms."
    assert find(claims, "shelling the town").text == "The militia denied shelling the town."
    assert find(claims, "truce is permanent").text == "Neither side believes the truce is permanent."
    assert not any("comment" in c.text for c in claims)  # refusing to speak says nothing
    assert find(claims, "crossed the border").text == "its troops had crossed the border"  # the cue, deny, says the rest
    assert find(claims, "endorse the governor").text.rstrip(".") == "The mayor refused to endorse the governor's budget"


def test_a_request_names_who_is_asked_to_act(reference):
    claims = claims_of(
        reference,
        "Estonia urged its NATO allies to send more air defence systems.",
        "China called on both sides to exercise restraint.",
        "The union called for the board to resign.",
        "The regional police appealed to residents not to share videos of the blast.",
        "On Friday, Mayor Ilse Brandt called a local farmer, Tomas Weber, and thanked him for his help.",
        "The governor was called on it by the local newspaper, which ran a front-page editorial.",
        '"The budget is already gone," said a council member who supports the mayor, asking for anonymity to speak freely.',
    )
    assert (find(claims, "air defence").claimant, find(claims, "air defence").text) == (
        "Estonia", "its NATO allies to send more air defence systems")
    china = find(claims, "exercise restraint")  # "call on" is a cue
    assert (china.claimant, china.cue, china.text) == ("China", "call", "both sides to exercise restraint")
    assert find(claims, "share videos").text == "residents not to share videos of the blast"
    assert find(claims, "board to resign").text == "the board to resign"  # "called for X to": the parser's "for" clause
    assert not any("farmer" in c.text for c in claims)  # "On Friday, X called Y": a phone call, and "On" is no particle
    assert not any("front-page" in c.text or "newspaper" in c.claimant for c in claims)  # "called on it": taken to task
    assert not any("anonymity" in c.text or "speak freely" in c.text for c in claims)  # the terms of speaking, nothing said


def test_a_charge_denied_in_a_closing_aside_is_the_denier_s_claim_not_part_of_the_charge(reference):
    claims = claims_of(
        reference,
        "The Kremlin accused Britain of supplying the targeting data, an allegation London rejected.",
        "Erdem Kaya said Greek jets had violated Turkish airspace, a charge Athens has repeatedly denied.",
        "Kyiv accused Russia of shelling the dam, which Moscow denies.",
    )
    by = {(c.claimant, c.cue): c.text for c in claims}
    assert by[("Russia", "accuse")] == "The Kremlin accused Britain of supplying the targeting data"
    assert by[("United Kingdom", "reject")] == by[("Russia", "accuse")]  # what London rejected is the accusation
    assert by[("Erdem Kaya", "say")] == "Greek jets had violated Turkish airspace"
    assert by[("Greece", "deny")] == "Greek jets had violated Turkish airspace"
    assert by[("Russia", "deny")] == "Kyiv accused Russia of shelling the dam"
    assert not any("Kaya said" in c.text for c in claims)  # the denial is of the charge, not of his saying it


def test_what_a_witness_told_the_jury_is_a_claim_however_the_parser_hung_it(reference):
    claims = claims_of(
        reference,
        "Carol Denby told the jury she had signed the documents without reading them.",
        "The night nurse, Daniel Okoro, told the hearing that he had checked on the resident at midnight.",
        "And she has shown a side she did not reveal in her first trial.",
        "The aviation authority reminded passengers that they may also be entitled to compensation.",
    )
    assert (find(claims, "signed the documents").claimant, find(claims, "signed the documents").text) == (
        "Carol Denby", "she had signed the documents without reading them")
    assert find(claims, "checked on the resident").text == "he had checked on the resident at midnight"
    assert not any("did not reveal" in c.text for c in claims)  # "a side she did not reveal" is a relative clause
    assert find(claims, "entitled to compensation").text == "they may also be entitled to compensation"


def test_a_question_reads_as_a_question_and_declining_to_confirm_says_nothing(reference):
    claims = claims_of(
        reference,
        "Senator Ruth Abbott asked whether the new bridge was safe.",
        "The ministry declined to confirm the report. The company declined to name the buyer.",
    )
    assert find(claims, "bridge was safe").text == "whether the new bridge was safe"  # not her assertion that it is
    assert not any("confirm" in c.text or "name the buyer" in c.text for c in claims)


def test_what_a_speaker_made_clear_is_their_claim(reference):
    claims = claims_of(
        reference,
        "Greek officials have made clear that they will not accept foreign patrols in the Aegean.",
        "The minister, Eleni Vlachou, made it clear that no deal would be signed before June.",
        "During the campaign, Vlachou made clear her aim to cut the deficit by half.",
    )
    assert find(claims, "foreign patrols").claimant == "Greece"
    signed = find(claims, "no deal would be signed")
    assert (signed.claimant, signed.text) == ("Eleni Vlachou", "no deal would be signed before June")
    assert not [c for c in claims if "deficit" in c.text]  # an aim made clear is no clause anyone reports


def test_the_writers_gloss_and_the_time_of_saying_are_not_what_was_said(reference):
    claims = claims_of(
        reference,
        "Vietnam said on Monday it would require licences for exports of graphite, a move that could disrupt supplies to battery makers.",
        "Patrol boats rammed a fishing vessel near the shoal on Saturday, injuring two crew, the Indonesian navy said, in the latest clash over the waters.",
        "The agency said river levels had peaked at 4.1 metres, the highest since records began.",
    )
    assert find(claims, "licences for exports").text == "it would require licences for exports of graphite"
    assert find(claims, "rammed a fishing vessel").text.endswith("injuring two crew")
    assert find(claims, "river levels").text.endswith("the highest since records began")  # a figure the agency gave


def test_a_refusal_to_say_more_and_a_speaker_hung_on_the_clause_stay_out_of_the_claim(reference):
    claims = claims_of(
        reference,
        "The Sixth Fleet said the frigate was operating in the Ionian Sea but gave no details of its movements.",
        "The tanker, the Panama-flagged Sofia Marin, is believed to have dragged its anchor along the seabed for almost "
        "80 kilometres after leaving the Russian port of Ust-Luga, the National Bureau of Investigation said.",
    )
    assert find(claims, "Ionian Sea").text == "the frigate was operating in the Ionian Sea"
    dragged = find(claims, "dragged its anchor")
    assert dragged.text.endswith("the Russian port of Ust-Luga")  # the parser hung the speaker on "Ust-Luga"
    assert dragged.claimant == "National Bureau of Investigation"


def test_a_one_word_subject_before_an_aside_cue_stays_in_the_claim(reference):
    claims = claims_of(
        reference,
        "German Economy Minister Julia Roth said talks would continue. Berlin, she said, would not accept a watered-down package.",
    )
    assert find(claims, "watered-down package").text == "Berlin … would not accept a watered-down package."


def test_a_characterisation_a_second_stance_and_a_cue_inside_a_relative_clause(reference):
    claims = claims_of(
        reference,
        'One of the traders described the demand as "a hostage-taking exercise dressed up as energy policy".',
        'Opposition leader Marta Kowalczyk accused Prime Minister Tomas Brandt of "hiding behind slogans" and called for a '
        "parliamentary debate on the deal.",
        'Customs officers seized about 40 vessels that the EU says belong to a "shadow fleet" of tankers.',
        '"Sit down and let the witness finish," the chairman demanded, as the minister continued to interject.',
    )
    assert find(claims, "hostage-taking").claimant == "One of the traders"  # "as" hung on "the demand", not on the verb
    [debate] = [c for c in claims if "parliamentary debate" in c.text]
    assert debate.claimant == "Marta Kowalczyk" and debate.text == "called for a parliamentary debate on the deal"
    fleet = find(claims, "shadow fleet")
    assert fleet.claimant == "European Union"
    assert fleet.text == 'about 40 vessels … belong to a "shadow fleet" of tankers'  # what belongs, without the cue
    assert not [c for c in claims if "interject" in c.text]  # the cue of a quotation is no stance of its own


def test_acts_guesses_and_questions_are_no_claims_and_a_view_of_something_as_something_is(reference):
    claims = claims_of(
        reference,
        "Harcourt Athletic have dismissed manager Emeka Okafor after a 3-0 home defeat.",
        "The mayor on Tuesday dismissed Councillor Ann Webb as an ineffective leader.",
        "Voters may yet find that the promises were empty.",
        'Asked why no receipts had been found, Ravi Menon replied: "Because I paid in cash, which was foolish."',
        "Cairo regards the Sudanese Armed Forces as the only institution capable of holding the state together.",
        "A survey by Desert Research Associates last week gave Margaret Lindqvist 47 percent and John Hollowell 45 percent.",
        "His aim is to present the lack of a climate plan as proof of unfitness for office.",
    )
    texts = [c.text for c in claims]
    assert not [t for t in texts if "unfitness" in t]  # no one holds that view yet: an aim, not a claim
    assert not [t for t in texts if "Okafor" in t]  # sacked: nothing was said
    assert find(claims, "ineffective leader").claimant == "The mayor"  # dismissed as something: said of him
    assert not [t for t in texts if "promises were empty" in t]  # the writer's guess of what voters will learn
    assert not [t for t in texts if t.startswith("Asked")]  # the question put to him, not his words
    assert find(claims, "paid in cash").claimant == "Ravi Menon"
    assert find(claims, "holding the state together").claimant == "Egypt"
    poll = find(claims, "47 percent")
    assert (poll.claimant, poll.kind) == ("Desert Research Associates", "statistic")


def test_a_denial_closing_the_sentence_and_a_cue_in_a_relative_clause_end_the_claim_before_them(reference):
    claims = claims_of(
        reference,
        'The Jan Samruddhi Party accused the government of rigging the rolls, a charge the ruling party dismissed as '
        '"an excuse prepared in advance for defeat".',
        "Only 81 percent of children had both doses, according to the health authority, well below the 95 percent that "
        "experts say is needed.",
    )
    assert find(claims, "rigging the rolls").text.endswith("rigging the rolls")
    assert find(claims, "81 percent").text.endswith("well below the 95 percent")  # not "... that"


def test_what_the_speaker_did_and_what_others_did_meanwhile_stay_out_of_the_claim(reference):
    claims = claims_of(
        reference,
        'Solvane said it would repay the subsidies "in line with its contractual obligations" but did not give a figure.',
        "The housing minister, Rupert Ashdown-Clarke, denied on Wednesday that he had misled parliament about his links to a "
        "consultancy firm, as opposition parties demanded an independent inquiry.",
        "The premier also announced that future reports would include the number of patients who left without being seen, "
        "a change the opposition claimed as a victory.",
        "The defence minister hinted that a ground operation could begin within days.",
    )
    assert find(claims, "repay the subsidies").text.endswith('"in line with its contractual obligations"')
    assert find(claims, "misled parliament").text.endswith("his links to a consultancy firm")
    assert find(claims, "future reports").text.endswith("who left without being seen")
    assert find(claims, "ground operation").text == "a ground operation could begin within days"


def test_an_allegation_read_as_a_noun_a_hypothetical_and_a_non_denial(reference):
    claims = claims_of(
        reference,
        "Police allege that Vikram Sandhu posed as a licensed financial adviser.",
        "New Delhi could claim it never bowed to pressure, and Moscow could claim it never lost a customer.",
        "Riyadh has neither confirmed nor denied that promise.",
    )
    alleged = find(claims, "licensed financial adviser")
    assert (alleged.claimant, alleged.text) == ("Police", "Vikram Sandhu posed as a licensed financial adviser")
    assert not [c for c in claims if "never" in c.text]  # what each could say, not what was said
    assert not [c for c in claims if "promise" in c.text]  # neither confirmed nor denied: nothing was claimed


def test_the_writers_i_think_is_the_authors_claim_but_not_an_interviewees_or_a_quoted_one(reference):
    claims = claims_of(
        reference,
        "Mali said the Russian instructors would stay.",
        "I expect the Russian presence to remain thin and the results to remain poor.",
        '"I think we will win," the colonel said. I doubt that he is right.',
        '"We will hold the line, whatever it costs. I think the rebels are exhausted.',
        '"I believe the next month decides it," the colonel added.',
        "I would argue that the instructors were never the point. In my view, the junta wanted a patron, not trainers.",
        authors=("Ines Moreau",),
    )
    writer = [c for c in claims if c.claimant == "author"]
    assert [(c.kind, c.text) for c in writer] == [
        ("prediction", "I expect the Russian presence to remain thin and the results to remain poor."),
        ("assessment", "I doubt that he is right."),  # the writer's answer to the quotation beside it
        ("assessment", "I would argue that the instructors were never the point."),
        ("assessment", "the junta wanted a patron, not trainers."),
    ]  # not the colonel's words in a quotation that runs on to the next paragraph
    interview = claims_of(reference, "Q: Will the talks succeed?", "A: I think they will, in the end.", "Q: Why?", "A: I believe both sides need a deal.")
    assert not [c for c in interview if c.claimant == "author"]


def test_another_voice_after_while_a_denied_finding_and_a_clause_after_according_to(reference):
    claims = claims_of(
        reference,
        "The army chief said the border would stay closed, while the civilian government has called for dialogue.",
        'A UN panel described the militia\'s campaign as genocide, a finding that the militia dismissed as "political theatre".',
        "Doha has quietly funded relief convoys, according to aid workers in Chad, and has offered to host talks.",
    )
    assert find(claims, "border would stay closed").text == "the border would stay closed"
    described = [c for c in claims if c.cue == "describe"]
    assert [c.text for c in described] == ["described the militia's campaign as genocide"]
    assert [c.cue for c in claims if "genocide" in c.text] == ["describe", "dismiss"]  # the denial is the militia's, of that finding
    convoys = find(claims, "relief convoys")
    assert (convoys.claimant, convoys.text) == ("aid workers in Chad", "Doha has quietly funded relief convoys")


def test_a_share_after_while_is_the_same_finding(reference):
    claims = claims_of(
        reference,
        "A Probe Research poll found that 58 per cent of residents opposed the cuts, while 31 per cent supported them.",
    )
    assert find(claims, "58 per cent").text == "58 per cent of residents opposed the cuts, while 31 per cent supported them"
    assert not [c for c in claims if c.claimant == "31 per cent"]


def test_a_plural_possessive_inside_single_quotation_marks_does_not_end_the_quotation(reference):
    claims = claims_of(
        reference,
        "Councillor Jane Hale said she had kept every receipt. 'Every penny of this is taxpayers' money,' she said.",
        "Her rivals said the 'voters' anger' was justified.",
    )
    texts = [claim.text for claim in claims]
    assert any("Every penny of this is taxpayers' money" in text for text in texts), texts


def test_a_claim_disputed_by_a_body_named_only_by_a_description_keeps_the_whole_description(reference):
    claims = claims_of(reference, "Critics say the plan will raise prices, a claim the ministry disputes.")
    claimants = {claim.claimant for claim in claims}
    assert "the ministry" in claimants and "the" not in claimants, claimants


def test_what_a_body_should_say_is_the_writers_advice_not_a_claim_of_that_body(reference):
    claims = claims_of(
        reference,
        "If the West wants this peace to last, it should insist that the route stays under Armenian law.",
        "The deputy head of the delegation said the United States should reduce its patrols and said any attempt to isolate China would fail.",
    )
    assert not [c for c in claims if "route stays under Armenian law" in c.text and c.claimant != "author"]
    assert find(claims, "isolate China would fail").claimant == "The deputy head of the delegation"


def test_a_name_given_with_its_article_is_no_claim(reference):
    claims = claims_of(reference, "Baku calls it the Zangezur Corridor. Critics called the plan a disaster for the region.")
    assert not [c for c in claims if "Zangezur" in c.text]
    assert find(claims, "a disaster for the region")


def test_the_writers_plain_judgement_and_a_belief_denied_are_the_authors_in_any_genre(reference):
    claims = claims_of(
        reference,
        "The minister said on Tuesday that the talks had stalled. Officials said on Monday that a deal was close.",
        "It is clear that the West has failed to offer the region a serious alternative.",
        "Nor is it clear that the ministry knows what it wants.",
        "I do not believe Moscow is impressed by percentages, and I expect the gas crisis to decide the vote.",
    )
    assert find(claims, "the West has failed").claimant == "author"
    assert find(claims, "Moscow is impressed").claimant == "author"
    assert not [c for c in claims if "ministry knows" in c.text]


def test_the_writers_judgements_by_their_grammar_are_the_authors_but_not_what_exists_or_who_someone_is(reference):
    claims = claims_of(
        reference,
        "Finland's interior minister said on Monday that the tanker had dragged its anchor for sixty miles.",
        "That routine is the real problem. The Baltic Sea has become a testing ground for sabotage.",
        "Europe cannot afford to guard its seabed with footnotes. Helsinki should announce an inspection zone.",
        "There are two ways to read the ministry's silence.",
        "Lena Marsh is the author of a book on the Baltic fleets.",
        "The next meeting of the council is in May.",
    )
    writer = [c.text for c in claims if c.claimant == "author"]
    for phrase in ("the real problem", "a testing ground for sabotage", "cannot afford to guard", "should announce an inspection zone"):
        assert any(phrase in text for text in writer), (phrase, writer)
    assert not [text for text in writer if "two ways" in text or "author of a book" in text]
    assert find(claims, "dragged its anchor").claimant != "author"


def test_the_writers_past_judgements_and_forecasts_are_the_authors_but_not_a_biography_a_count_or_a_date(reference):
    claims = claims_of(
        reference,
        "The energy commissioner said in March that the bloc had secured its winter supply.",
        "The announcement from the commission was premature. It was an expensive lesson in the limits of short contracts.",
        "The fuel subsidy will not survive the next election in the southern states.",
        "Marta Ilves was an Estonian diplomat before she joined the commission's staff.",
        "Sixty-two percent of the cargoes were late in the first quarter of the year.",
        "The commission will publish its review of the contracts on Thursday.",
    )
    writer = {c.text: c.kind for c in claims if c.claimant == "author"}
    for phrase, kind in (("was premature", "assessment"), ("an expensive lesson", "assessment"), ("will not survive the next election", "prediction")):
        found = [k for text, k in writer.items() if phrase in text]
        assert found == [kind], (phrase, writer)
    assert not [text for text in writer if "diplomat" in text or "were late" in text or "on Thursday" in text], writer


def test_a_that_clause_after_said_at_the_time_is_what_was_said_not_a_relative_clause(reference):
    claims = claims_of(
        reference,
        "The Belgian interior ministry spokeswoman, Aline Dumont, said at the time that Belgium had “met every obligation "
        "under the treaty” and would keep its border posts open.",
        "Patients will think twice before agreeing to extensive tests and procedures that they might not actually need.",
    )
    said = find(claims, "met every obligation")
    assert said.claimant == "Aline Dumont" and said.text.startswith("Belgium had")
    assert not [c for c in claims if c.text.startswith("they might not")]  # what they need is no one's claim


def test_the_point_set_out_a_contrast_a_verdict_and_a_joined_judgement_are_the_writers(reference):
    claims = claims_of(
        reference,
        "The port authority said in 2019 that cargo volumes would double within a decade.",
        "The real difficulty is that the authority assumed shipping lines would keep calling at mid-sized ports.",
        "The dredging programme was a gamble, not an investment.",
        "The authority misjudged how quickly the lines would move to larger vessels.",
        "Traffic has since recovered a little, and the new terminal is an expensive monument to that forecast.",
        "The harbour master pleaded not guilty to the charges in April.",
        "The terminal handled 41,000 containers in its first full year.",
        "The harbour pilots are convinced that the old quay will be needed again.",
    )
    writer = [c.text for c in claims if c.claimant == "author"]
    for phrase in ("The real difficulty is that", "a gamble, not an investment", "misjudged how quickly", "an expensive monument"):
        assert [text for text in writer if phrase in text], (phrase, writer)
    assert not [text for text in writer if "pleaded not guilty" in text or "41,000 containers" in text or "are convinced" in text], writer
    assert find(claims, "would double").claimant == "The port authority"


def test_the_writers_advice_to_a_named_state_is_theirs_even_in_a_piece_taken_for_a_report(reference):
    item = Article(source="t.txt", title="T", authors=["Dana Rook"], paragraphs=[Paragraph(text=p) for p in (
        "The ministry said on Tuesday that the talks had stalled again.",
        "Japan should publish every contract with the consortium in full.",
        "Residents should bring their own water to the shelters.",
    )])
    parsed = parse(item)
    claims = extract_claims(parsed, extract_actors(parsed, reference), authors_view=False)
    assert (find(claims, "publish every contract").claimant, find(claims, "publish every contract").kind) == ("author", "assessment")
    assert not [c for c in claims if "bring their own water" in c.text]
