"""Summaries and key points: whole prose sentences in article order, sized to the article, never
furniture, headings or quotation fragments; news leans on the lead, analysis on the argument."""
from __future__ import annotations

import pytest

from briefing_gen.extract.briefing import extract
from briefing_gen.extract.parse import parse
from briefing_gen.extract.reference import load_reference
from briefing_gen.extract.summary import ANALYSIS, NEWS, is_summary_candidate, word_budget
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
    news = briefing_for(paragraphs, genre="news")
    assert any("dams store water in summer" in s or "release water in summer" in s for s in analysis.summary)
    assert news.summary[0] == paragraphs[0]
    assert "trout" not in " ".join(analysis.summary)


def test_summary_length_scales_with_the_article():
    short = briefing_for(NEWS_PARAGRAPHS[:3])
    assert len(short.summary) == 3
    assert word_budget(NEWS, 4000) > word_budget(NEWS, 300)
    assert ANALYSIS.max_sentences == NEWS.max_sentences == 5


def test_key_points_are_three_to_five_short_bullets_led_by_actors_claims():
    briefing = briefing_for(NEWS_PARAGRAPHS)
    assert 3 <= len(briefing.key_points) <= 5
    assert any(point.startswith("Inge Solberg: ") for point in briefing.key_points)
    assert all(len(point.split()) <= 30 for point in briefing.key_points)


def test_candidate_filter_rejects_fragments():
    doc = parse(Article(source="t", paragraphs=[Paragraph(text="Too short. “And then the rest of a quote that was broken.")]))
    assert [is_summary_candidate(s) for s in doc.sentences] == [False, False]
