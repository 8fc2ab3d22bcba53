"""Summaries and key points: whole prose sentences in article order, sized to the article, never
furniture, headings or quotation fragments; news leans on the lead, argued pieces on their thesis;
every sentence stands alone (no dangling "Second," or "He"); key points are whole clauses."""
from __future__ import annotations

import pytest

from briefing_gen.extract.actors import extract_actors
from briefing_gen.extract.briefing import extract
from briefing_gen.extract.claims import extract_claims
from briefing_gen.extract.parse import parse
from briefing_gen.extract.reference import load_reference
from briefing_gen.extract.summary import ANALYSIS, NEWS, is_summary_candidate, key_points, opening, summarise_article, word_budget
from briefing_gen.model import Article, Paragraph
from briefing_gen.readers import ReaderRegistry

pytestmark = pytest.mark.slow

NEWS_PARAGRAPHS = [
    "The port authority of Valmora closed its northern terminal on Tuesday after a fuel barge ran aground in the approach channel.",
    "Harbour master Inge Solberg said the barge had lost engine power in a storm and drifted onto a sandbank.",
    "No fuel has leaked, according to the coastguard, but divers will inspect the hull on Wednesday.",
    "Ferries to the islands will sail from the southern terminal until the channel reopens.",
    "Fishermen said the closure would cost them a week of landings at the height of the season.",
    "The terminal handled a record number of containers last year.",
    "Local councillors asked for a review of pilotage rules for barges in winter.",
]


def briefing_for(paragraphs, genre="news", kinds=None):
    kinds = kinds or ["paragraph"] * len(paragraphs)
    item = Article(
        source="t.txt",
        title="Barge aground",
        genre=genre,
        paragraphs=[Paragraph(text=p, kind=k) for p, k in zip(paragraphs, kinds)],
    )
    return extract(item, load_reference(), "barge-aground")


def test_news_summary_is_whole_sentences_from_the_lead_in_order():
    briefing = briefing_for(NEWS_PARAGRAPHS)
    assert 3 <= len(briefing.summary) <= 5
    assert briefing.summary[0] == NEWS_PARAGRAPHS[0]
    positions = [next(i for i, p in enumerate(NEWS_PARAGRAPHS) if s in p) for s in briefing.summary]
    assert positions == sorted(positions)
    assert all(s in NEWS_PARAGRAPHS for s in briefing.summary)  # one-sentence paragraphs: whole sentences


def test_summary_never_uses_headings_captions_or_quote_fragments():
    paragraphs = [
        "Storm damage",
        "The port authority of Valmora closed its northern terminal on Tuesday after a fuel barge ran aground.",
        "“The channel will stay closed until the hull has been inspected,",
        "and we cannot say when that will be,” the harbour master said on the quay yesterday evening.",
        "Ferries to the islands will sail from the southern terminal until the channel reopens next week.",
        "Fishermen said the closure would cost them a week of landings at the height of the season.",
        "Local councillors asked for a review of pilotage rules for barges in the winter months.",
    ]
    kinds = ["heading"] + ["paragraph"] * 6
    briefing = briefing_for(paragraphs, kinds=kinds)
    assert "Storm damage" not in " ".join(briefing.summary)
    assert not any(s.startswith(("“", '"', "and we cannot")) for s in briefing.summary)


def test_plain_text_byline_residue_is_metadata_not_summary(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(
        "By . Tomas Lind . PUBLISHED: . 09:12 EST, 4 May 2025 . | . UPDATED: . 11:40 EST, 4 May 2025 . "
        + " ".join(NEWS_PARAGRAPHS),
        encoding="utf-8",
    )
    article = ReaderRegistry().read(path)
    assert article.authors == ["Tomas Lind"]
    assert article.published == "2025-05-04"
    briefing = extract(article, load_reference(), "wire")
    joined = " ".join(briefing.summary)
    assert "PUBLISHED" not in joined and "By ." not in joined
    assert briefing.summary[0].startswith("The port authority of Valmora")


def summary_with(paragraphs, weights, title="Barge aground"):
    parsed = parse(Article(source="t.txt", title=title, paragraphs=[Paragraph(text=p) for p in paragraphs]))
    actors = extract_actors(parsed, load_reference())
    return summarise_article(parsed, actors, extract_claims(parsed, actors), weights)


def test_analysis_weighs_the_argument_over_the_opening():
    paragraphs = [
        "It was a cold morning when the delegates arrived at the lakeside hotel for another round.",
        "The water treaty between the three upstream states and the two downstream states has failed because the upstream dams store water in summer.",
        "Every downstream farmer knows that the dams store water in summer, when the downstream fields need it most.",
        "The hotel served a lunch of trout from the lake, which the delegates ate in near silence.",
        "Until the treaty makes the dams release water in summer, the downstream states will keep losing their harvests.",
        "The delegates left for the airport in the early evening, promising to meet again in the autumn.",
        "A fair treaty would share the stored water in summer between upstream and downstream states alike.",
    ]
    analysis = briefing_for(paragraphs, genre="analysis")
    news = summary_with(paragraphs, NEWS)
    assert any("dams store water in summer" in s or "release water in summer" in s for s in analysis.summary)
    assert news.sentences[0] == paragraphs[0]
    assert "trout" not in " ".join(analysis.summary)


# An argued piece whose point comes in its last paragraph, after the evidence.
ARGUED = [
    "The city of Brennholt opened its new cable car over the river in April, at a cost of 90 million euros.",
    "Planners promised 12,000 riders a day; the operator counted 3,100 a day over the summer.",
    "The fares were set high to cover the running costs, and the stations were built far from the tram lines.",
    "Second, the cable car stops at nine in the evening, when the concerts on the far bank are only starting.",
    "Residents who were asked about it mostly said they had tried it once, for the view.",
    "The council has asked for a report on the first year of operation, due in the spring.",
    "In short, the cable car is a costly monument to wishful planning, and the city should stop pretending it is transport.",
]


def test_an_argued_piece_states_its_thesis_from_the_conclusion():
    result = summary_with(ARGUED, ANALYSIS, title="Brennholt's cable car is a costly monument")
    assert result.thesis is not None and "costly monument to wishful planning" in result.thesis
    assert any("costly monument to wishful planning" in s for s in result.sentences)
    assert "costly monument to wishful planning" in result.key_points[0]  # the thesis leads the key points
    assert 3 <= len(result.key_points) <= 5
    # whole sentences in article order
    positions = [next(i for i, p in enumerate(ARGUED) if s.rstrip(".") in p or s[1:].rstrip(".") in p) for s in result.sentences]
    assert positions == sorted(positions)


def test_an_argued_piece_is_summarised_by_its_thesis_once_its_genre_is_detected():
    argued = [
        "I have argued before that the Brennholt cable car was a mistake, and its first summer proves it.",
        *ARGUED[1:],
    ]
    briefing = briefing_for(argued, genre="news")
    assert briefing.genre in {"analysis", "opinion"}
    assert any("costly monument" in point for point in briefing.key_points[:2])


def test_a_dangling_second_is_not_summarised_without_what_it_follows():
    paragraphs = [
        "The ferry company of Harrowby raised its fares by a third on Monday, the largest rise in its history.",
        "The company blamed the price of fuel, which has doubled since the spring.",
        "Second, the company said its two oldest ships need new engines before the winter.",
        "Passengers on the morning crossing said the new fares would force them to drive around the bay.",
        "The harbour board will discuss the fares at its meeting on Thursday evening.",
        "He said the board had not been consulted about the rise before it was announced.",
        "The company's last fare rise, two years ago, was under a tenth.",
    ]
    for weights in (NEWS, ANALYSIS):
        result = summary_with(paragraphs, weights)
        for i, sentence in enumerate(result.sentences):
            if sentence.startswith("Second,"):
                assert i > 0 and result.sentences[i - 1] == paragraphs[1]
            assert not sentence.startswith("He said")
        assert not any(point.startswith(("Second,", "He ")) for point in result.key_points)


def test_a_connective_is_dropped_where_the_sentence_still_reads_right():
    parsed = parse(Article(source="t", paragraphs=[Paragraph(text=p) for p in [
        "The talks ended without a deal on Friday night.",
        "However, the latest word from the capital is that negotiations will continue next week.",
        "Second, it will need another round of votes.",
        "This is a pragmatic decision.",
        "It is clear that both sides want a deal before the summer.",
        "This week the negotiators will meet in the capital again.",
        "In reality, they have little time left before the summer recess.",
    ]]))
    sentences = parsed.sentences
    assert opening(sentences[1]) == (True, "The latest word from the capital is that negotiations will continue next week.")
    assert opening(sentences[2]) == (True, None)  # "it" after the connective still leans back
    assert opening(sentences[3]) == (True, None)
    assert opening(sentences[4]) == (False, None)  # an "it" that stands for the clause after it
    assert opening(sentences[5]) == (False, None)  # "This week" points at no sentence
    assert opening(sentences[6])[0] is True  # a pronoun as the subject after an opening phrase


def test_summary_length_scales_with_the_article():
    short = briefing_for(NEWS_PARAGRAPHS[:3])
    assert len(short.summary) == 3
    assert word_budget(NEWS, 4000) > word_budget(NEWS, 300)
    assert ANALYSIS.max_sentences == NEWS.max_sentences == 5


def test_key_points_are_whole_sentences_with_what_the_main_actors_said():
    briefing = briefing_for(NEWS_PARAGRAPHS)
    assert 3 <= len(briefing.key_points) <= 5
    assert briefing.key_points[0] == NEWS_PARAGRAPHS[0]
    assert NEWS_PARAGRAPHS[1] in briefing.key_points  # the harbour master's claim with its cue
    assert not any(point.startswith("Inge Solberg:") for point in briefing.key_points)
    assert all(point in NEWS_PARAGRAPHS for point in briefing.key_points)


def test_a_quote_fragment_is_never_a_key_point():
    paragraphs = [
        "The port authority of Valmora closed its northern terminal on Tuesday after a fuel barge ran aground.",
        "Inge Solberg: The hull of the barge will be inspected by divers from a pilot boat on Wednesday .",
        "“The channel will stay closed until the hull has been inspected. We cannot say when that will be,” harbour master Inge Solberg said.",
        "“It is a matter of days,” she said, “not weeks, if the weather holds.”",
        "Ferries to the islands will sail from the southern terminal until the channel reopens next week.",
        "Fishermen's association chair Pavel Ondra said the closure would cost his members a week of landings.",
        "Local councillors asked for a review of pilotage rules for barges in the winter months.",
    ]
    briefing = briefing_for(paragraphs)
    assert 3 <= len(briefing.key_points) <= 5
    for point in briefing.key_points:
        assert not point.startswith(("We cannot say", "not weeks", "“", '"'))
        assert not any(point.startswith(f"{name}:") for name in ("Inge Solberg", "Pavel Ondra"))  # not even a caption
        assert point in " ".join(paragraphs)
    assert paragraphs[5] in briefing.key_points  # a claim with its cue is a whole clause


def test_key_points_without_the_parse_are_whole_sentences_too():
    briefing = briefing_for(NEWS_PARAGRAPHS)
    from briefing_gen.extract.actors import ActorSet
    from briefing_gen.extract.reference import ReferenceIndex

    actors = ActorSet(actors=briefing.actors, token_actor={}, mentions=[], reference=ReferenceIndex())
    points = key_points(briefing.claims, briefing.summary, actors)
    assert 3 <= len(points) <= 5
    assert all(point in NEWS_PARAGRAPHS for point in points)


def test_candidate_filter_rejects_fragments():
    doc = parse(Article(source="t", paragraphs=[Paragraph(text="Too short. “And then the rest of a quote that was broken.")]))
    assert [is_summary_candidate(s) for s in doc.sentences] == [False, False]
