"""Tests for the evaluation scoring (eval/scoring.py) and the evaluation CLI (eval/evaluate.py).

All data here is made up for the tests; nothing is read from the shared corpus.
"""
from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from eval import scoring  # noqa: E402
from eval.scoring import (  # noqa: E402
    actor_scores,
    boilerplate_leaks,
    claim_contains,
    claim_scores,
    claimant_matches,
    fold_phrase,
    joined_paragraphs,
    lead_sentences,
    metadata_accuracy,
    score_article,
    speaker_accuracy,
    token_f1,
    unescape_markdown,
)


def _claim(text, claimant, paragraph=0, sentence=""):
    return {"id": "c", "text": text, "claimant": claimant, "kind": "statement", "cue": None,
            "paragraph": paragraph, "sentence": sentence}


# ----------------------------------------------------------------------------------- unescaping


def test_unescape_markdown_removes_escapes_entities_and_links():
    text = r"\*Bold\* claims \[sic\] cost &lt;5 &amp; rising\. See [the \[report\]](https://e.org/a%28b%29)\!"
    assert unescape_markdown(text) == "*Bold* claims [sic] cost <5 & rising. See the [report]!"


def test_unescape_markdown_block_prefixes_and_double_escapes():
    assert unescape_markdown(r"#### Part \#1") == "Part #1"
    assert unescape_markdown(r"- item \- dash") == "item - dash"
    assert unescape_markdown(r"> Source\: x") == "Source: x"
    assert unescape_markdown(r"> Source\: x", keep_block_prefix=True) == "> Source: x"
    assert unescape_markdown(r"1\. First") == "1. First"
    # an escaped backslash before an escaped bracket, and an escaped entity stay literal text
    assert unescape_markdown(r"a\\\[b &amp;lt; c") == r"a\[b &lt; c"
    assert unescape_markdown("  spread \n out  ") == "spread out"


# -------------------------------------------------------------------------------------- folding


def test_quote_and_whitespace_folding_in_claim_phrases():
    claim = _claim('Mayor said IT\'S   "Unacceptable"\nnow', "Mayor")
    assert fold_phrase("it\u2019s \u201cunacceptable\u201d") == 'it\'s "unacceptable"'
    assert claim_contains(claim, "it\u2019s \u201cunacceptable\u201d now")
    assert claim_contains(claim, "\u201e\u201fUnacceptable\u2033") is False  # two quotes in a row are not in the text
    # dashes are not folded: an en dash does not match a hyphen
    assert claim_contains(_claim("as I said before - no", "x"), "as I said before \u2013") is False
    assert claim_contains(_claim("as I said before \u2013 no", "x"), "as I said before \u2013")
    # the phrase may be in the claim's sentence instead of its text
    assert claim_contains(_claim("short", "x", sentence="A longer sentence with the phrase."), "the PHRASE")


# ----------------------------------------------------------------------------------- boilerplate


def test_boilerplate_detection_in_body_and_summary():
    gold = {"boilerplate": ["Subscribe to our Newsletter", "> Source: https://example.org/x", "Donate now",
                            "Share this \u201cstory\u201d"]}
    extraction = {
        "body": [r"Real text\.", r"Please SUBSCRIBE to our", r"newsletter today\!", r"> Source\: https\://example\.org/x"],
        "summary": ['Readers should share this "story" widely.'],
    }
    result = boilerplate_leaks(extraction, gold)
    assert result["count"] == 3
    assert [leak["text"] for leak in result["leaks"]] == [
        "Subscribe to our Newsletter", "> Source: https://example.org/x", "Share this \u201cstory\u201d"]
    assert result["leaks"][2]["where"] == ["summary"]
    # the same source line kept as a plain paragraph still leaks
    assert boilerplate_leaks({"body": [r"Source\: https\://example\.org/x"]}, gold)["count"] == 1
    assert boilerplate_leaks({"body": ["Clean"]}, gold)["count"] == 0
    assert boilerplate_leaks({"body": ["Clean"]}, {})["count"] is None


# -------------------------------------------------------------------------------------- metadata


def test_metadata_dates_lists_and_whitespace():
    gold = yaml.safe_load(
        "metadata:\n"
        "  title: 'A  Title'\n"
        "  published: 2021-03-04\n"
        "  original_published: null\n"
        "  authors: [Ann Veld, Bo Grieg]\n"
        "  regions: [North, South]\n"
    )
    assert gold["metadata"]["published"] == datetime.date(2021, 3, 4)  # YAML loads a date
    extraction = {"title": "A Title", "published": "2021-03-04", "original_published": None,
                  "authors": ["Bo Grieg", "Ann Veld"], "regions": ["South", " North "]}
    result = metadata_accuracy(extraction, gold)
    assert result["score"] == pytest.approx(4 / 5)
    assert [w["field"] for w in result["wrong"]] == ["authors"]  # author order matters
    extraction.update(authors=["Ann Veld", "Bo Grieg"], published="2021-04-03")
    result = metadata_accuracy(extraction, gold)
    assert [w["field"] for w in result["wrong"]] == ["published"]
    assert result["wrong"][0]["expected"] == "2021-03-04"
    assert metadata_accuracy({}, {})["score"] is None


# ----------------------------------------------------------------------------- joined paragraphs


def test_joined_paragraphs_must_be_inside_one_paragraph():
    gold = {"joined_paragraphs": ["the quick brown fox jumps", "lazy dog"]}
    split = {"body": ["It said the quick", "brown fox jumps over\\.", "the lazy  DOG"]}
    result = joined_paragraphs(split, gold)
    assert result["score"] == pytest.approx(0.5)
    assert result["missed"] == [{"text": "the quick brown fox jumps", "reason": "split"}]
    joined = {"body": ["It said the quick brown\nfox jumps over the lazy dog\\."]}
    assert joined_paragraphs(joined, gold)["score"] == 1.0
    assert joined_paragraphs({"body": ["nothing"]}, gold)["missed"][1]["reason"] == "missing"
    assert joined_paragraphs(joined, {})["score"] is None


# ---------------------------------------------------------------------------------------- actors

GOLD_ACTORS = {
    "actors": [
        {"name": "Ruritania", "type": "state", "key": True, "aliases": ["Strelsau", "the Ruritanian government"]},
        {"name": "Rudolf Rassendyll", "type": "person", "key": True, "aliases": ["Rassendyll"]},
        {"name": "Zenda Castle", "type": "place"},
        {"name": "Flavia", "type": "person", "key": True},
    ],
    "not_actors": ["Daily Bugle", "Share"],
}


def test_actor_alias_matching_recall_precision_type():
    extraction = {"actors": [
        {"name": "strelsau", "type": "state", "aliases": []},                          # alias of Ruritania
        {"name": "Mr Rassendyll", "type": "organization", "aliases": ["RASSENDYLL"]},  # via its alias, wrong type
        {"name": "Black Elephant", "type": "group", "aliases": []},                    # not in gold
        {"name": "Bugle", "type": "media", "aliases": ["daily bugle"]},                # a not_actor via alias
    ]}
    result = actor_scores(extraction, GOLD_ACTORS)
    assert result["key_recall"] == pytest.approx(2 / 3)
    assert result["missing_key"] == ["Flavia"]
    assert result["precision"] == pytest.approx(2 / 4)
    assert result["type_accuracy"] == pytest.approx(1 / 2)
    assert result["wrong_type"][0]["name"] == "Mr Rassendyll"
    assert result["not_actors_reported"] == 1
    assert [u["name"] for u in result["unmatched"]] == ["Black Elephant", "Bugle"]


def test_actor_scores_not_applicable_without_gold_actors():
    result = actor_scores({"actors": [{"name": "X", "type": "person"}]}, {"reference_summary": ["s"]})
    assert result["key_recall"] is None and result["precision"] is None and result["not_actors_reported"] is None


def test_type_restricted_precision_and_recall():
    gold = {
        "actor_types_annotated": ["person"],
        "actors": [
            {"name": "Ann Veld", "type": "person", "key": True},
            {"name": "Bo Grieg", "type": "person", "key": True},
            {"name": "Harbour Board", "type": "organization", "key": True},  # not of an annotated type
        ],
    }
    extraction = {"actors": [
        {"name": "Ann Veld", "type": "person", "aliases": []},
        {"name": "Bo", "type": "person", "aliases": []},               # counted, unmatched
        {"name": "Bo Grieg", "type": "organization", "aliases": []},   # not counted for precision
        {"name": "Acme Corp", "type": "organization", "aliases": []},  # not counted
        {"name": "Town Council", "type": "organization", "aliases": []},
    ]}
    result = actor_scores(extraction, gold)
    assert result["precision"] == pytest.approx(1 / 2)   # unrestricted it would be 2/5
    assert result["key_recall"] == pytest.approx(1.0)    # Harbour Board not required; Bo Grieg found
    assert result["type_accuracy"] == pytest.approx(1 / 2)
    unrestricted = actor_scores(extraction, {k: v for k, v in gold.items() if k != "actor_types_annotated"})
    assert unrestricted["precision"] == pytest.approx(2 / 5)  # Ann Veld and Bo Grieg of five
    assert unrestricted["key_recall"] == pytest.approx(2 / 3)


# ---------------------------------------------------------------------------------------- claims


def test_claimant_alias_matching():
    gold = {"actors": GOLD_ACTORS["actors"]}
    # extracted claimant is a gold alias
    assert claimant_matches("Strelsau", "Ruritania", {"actors": []}, gold)
    # extracted claimant is an extracted actor whose alias is the gold name
    extraction = {"actors": [{"name": "the palace", "type": "state", "aliases": ["RURITANIA"]}]}
    assert claimant_matches("The Palace", "Ruritania", extraction, gold)
    # an alias of an extracted actor only counts when the claimant is that actor's name
    assert not claimant_matches("the court", "Ruritania", extraction, gold)
    # a gold claimant that is no gold actor matches only its own string
    assert claimant_matches("some  voters", "Some voters", {}, gold)
    assert not claimant_matches("voters", "Some voters", {}, gold)


def test_author_claimant_rule():
    gold = {"claims": [{"claimant": "author", "kind": "assessment", "key": True, "contains": "plan will fail"}]}
    base = {"authors": ["Jane Q. Writer"], "body": ["p1", "p2"]}
    for claimant, expected in [("Jane Q. Writer", 1.0), ("AUTHOR", 1.0), ("jane q.  writer", 1.0), ("Someone Else", 0.0)]:
        extraction = dict(base, claims=[_claim("The plan will fail.", claimant)])
        result = claim_scores(extraction, gold)
        assert result["key_recall"] == expected, claimant
        assert result["key_text_recall"] == 1.0
    # the gold metadata author counts too, and a gold claimant naming the author matches `author`
    gold_meta = {"metadata": {"authors": ["Jane Q. Writer"]}}
    assert claimant_matches("Jane Q. Writer", "author", {"authors": []}, gold_meta)
    assert claimant_matches("author", "Jane Q. Writer", {"authors": ["Jane Q. Writer"]}, {})
    assert not claimant_matches("author", "Someone Else", {"authors": ["Jane Q. Writer"]}, {})


def test_claim_recall_figures_and_claims_per_paragraph():
    gold = {
        "actors": GOLD_ACTORS["actors"],
        "claims": [
            {"claimant": "Ruritania", "kind": "quote", "key": True, "contains": "we will not yield"},
            {"claimant": "Flavia", "kind": "quote", "key": True, "contains": "the crown is safe"},
            {"claimant": "author", "kind": "assessment", "contains": "a bad bargain"},
        ],
    }
    extraction = {
        "authors": ["Ann Veld"],
        "body": ["one", "two"],
        "claims": [
            _claim("\u201cWe will not yield,\u201d the minister said.", "Strelsau", 0),
            _claim("The crown is safe.", "Rassendyll", 1),   # right text, wrong claimant
            _claim("It was a bad bargain.", "Ann Veld", 1),
        ],
    }
    result = claim_scores(extraction, gold)
    assert result["key_recall"] == pytest.approx(1 / 2)
    assert result["recall"] == pytest.approx(2 / 3)
    assert result["key_text_recall"] == pytest.approx(1.0)
    assert result["per_paragraph"] == pytest.approx(3 / 2)
    assert result["max_per_paragraph"] == 2
    missed = [d for d in result["details"] if not d["found"]]
    assert missed[0]["found_claimants"] == ["Rassendyll"]


def test_quoted_people_recall():
    gold = {"quoted_people": ["Ann Veld", "Bo Grieg"], "actors": [{"name": "Bo Grieg", "type": "person", "aliases": ["Grieg"]}]}
    extraction = {"body": ["x"], "claims": [_claim("x", "Grieg")]}
    result = claim_scores(extraction, gold)
    assert result["quoted_people_recall"] == pytest.approx(1 / 2)
    assert result["missing_quoted_people"] == ["Ann Veld"]


def test_speaker_accuracy_counts_extracted_claims_holding_a_gold_phrase():
    gold = {
        "actors": GOLD_ACTORS["actors"],
        "metadata": {"authors": ["Ann Veld"]},
        "claims": [
            {"claimant": "Ruritania", "kind": "quote", "contains": "we will not yield"},
            {"claimant": "Flavia", "kind": "quote", "contains": "the crown is safe"},
            {"claimant": "author", "kind": "assessment", "contains": "a bad bargain"},
        ],
    }
    extraction = {
        "authors": [],
        "claims": [
            _claim("\u201cWe will  not yield,\u201d", "strelsau"),                      # right: a gold alias
            _claim("The crown is safe.", "Rassendyll"),                             # wrong speaker
            _claim("The crown is SAFE, she said.", "Flavia"),                       # right
            _claim("It was a bad bargain.", "Ann Veld"),                            # right: the gold author
            _claim("Unrelated.", "Flavia", sentence="Flavia: the crown is safe."),  # not counted: text only
            _claim("Nothing here.", "Zenda Castle"),                                # not counted
        ],
    }
    result = speaker_accuracy(extraction, gold)
    assert result["n"] == 4
    assert result["score"] == pytest.approx(3 / 4)
    assert result["wrong"] == [{"gold_claimants": ["Flavia"], "claimant": "Rassendyll",
                                "contains": "the crown is safe", "text": "The crown is safe."}]


def test_speaker_accuracy_with_phrases_of_several_gold_claims_and_without_gold():
    gold = {"claims": [{"claimant": "Ann Veld", "contains": "taxes rise"},
                       {"claimant": "Bo Grieg", "contains": "wages fall"}]}
    both = {"claims": [_claim("Taxes rise and wages fall.", "bo grieg")]}
    assert speaker_accuracy(both, gold)["score"] == 1.0          # matches one of the two claimants
    other = {"claims": [_claim("Taxes rise and wages fall.", "Cy Dahl")]}
    assert speaker_accuracy(other, gold)["wrong"][0]["gold_claimants"] == ["Ann Veld", "Bo Grieg"]
    assert speaker_accuracy({"claims": [_claim("Nothing.", "x")]}, gold)["score"] is None
    assert speaker_accuracy(both, {})["score"] is None
    # score_article carries the figure and the wrong speakers
    scored = score_article(other, gold)
    assert scored["figures"]["speaker_accuracy"] == 0.0
    assert scored["details"]["wrong_speakers"][0]["claimant"] == "Cy Dahl"


# ------------------------------------------------------------------------------ summaries, bodies


def _split_on_periods(text):
    return [s.strip() + "." for s in text.split(".") if s.strip()]


def test_lead_sentences_skip_headings_and_unescape():
    body = ["#### Head", r"One\. Two\.", "Three. Four."]
    assert lead_sentences(body, 3, _split_on_periods) == ["One.", "Two.", "Three."]
    assert lead_sentences([], 3, _split_on_periods) == []


def test_rouge_summary_and_lead3():
    pytest.importorskip("rouge_score")
    gold = {"reference_summary": ["Alpha beta gamma."]}
    extraction = {"summary": ["Alpha beta gamma."], "body": ["Delta epsilon. Alpha beta gamma."]}
    result = scoring.summary_scores(extraction, gold, splitter=_split_on_periods)
    assert result["rouge1"] == pytest.approx(100.0)
    assert result["lead3_rouge1"] == pytest.approx(75.0)      # P 3/5, R 1
    assert result["lead3_rouge2"] == pytest.approx(200 / 3)   # P 2/4, R 1
    assert result["delta_rouge1"] == pytest.approx(25.0)
    assert scoring.summary_scores(extraction, {}, splitter=_split_on_periods) == {}


def test_token_f1_and_html_body():
    result = token_f1("a b b c", "B c d")
    assert result["precision"] == pytest.approx(0.5)
    assert result["recall"] == pytest.approx(2 / 3)
    assert result["f1"] == pytest.approx(4 / 7)
    extraction = {"body": [r"The [big cat](https://e.org/x) sat\.", "&lt;b&gt;"]}
    assert scoring.body_token_f1(extraction, "the big cat sat b")["f1"] == pytest.approx(1.0)


def test_failed_extraction_scores_as_empty():
    gold = {"actors": [{"name": "A", "type": "person", "key": True}], "metadata": {"title": "T"}}
    result = score_article({"source": "x.txt", "error": "boom", "actors": [{"name": "A"}]}, gold)
    assert result["details"]["error"] == "boom"
    assert result["figures"]["actor_key_recall"] == 0.0
    assert result["figures"]["metadata_accuracy"] == 0.0
    assert result["figures"]["rouge1"] is None


# ------------------------------------------------------------------------------------------- CLI


def test_cli_end_to_end_with_from_json(tmp_path, capsys):
    from eval import evaluate

    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("Title\n\nBody one.\n", encoding="utf-8")
    (corpus / "a.gold.yml").write_text(
        "article: a.txt\nmetadata: {title: Title, published: 2020-01-02}\nboilerplate: [Sign up]\n"
        "actors:\n  - {name: Ann Veld, type: person, key: true}\n"
        "claims:\n  - {claimant: Ann Veld, kind: prediction, contains: the bridge will open}\n", encoding="utf-8")
    (corpus / "sub" / "p.html").write_text("<p>Body two</p>", encoding="utf-8")
    (corpus / "sub" / "p.gold_body.txt").write_text("Body two words", encoding="utf-8")
    (corpus / "sub" / "p.json").write_text(json.dumps({"gold_body_file": "p.gold_body.txt", "og_title": "P | Site"}), encoding="utf-8")
    (corpus / "sub" / "q.json").write_text(json.dumps({"title": "no gold body"}), encoding="utf-8")
    output = [
        {"source": "/elsewhere/a.txt", "title": "Title", "published": "2020-01-02", "body": [r"Body one\.", "Sign up"],
         "summary": [], "actors": [{"name": "ann veld", "type": "person", "aliases": []}],
         "claims": [_claim("The bridge will open in May.", "Bo Grieg")]},
        {"source": "p.html", "title": "P", "body": ["Body two"], "summary": [], "actors": [], "claims": []},
    ]
    (tmp_path / "out.json").write_text(json.dumps(output), encoding="utf-8")
    figures = tmp_path / "fig.json"
    code = evaluate.main([str(corpus), "--from-json", str(tmp_path / "out.json"), "--json", str(figures), "--verbose"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "leaked boilerplate (body): 'Sign up'" in printed
    assert "wrong speaker: gold [Ann Veld], extracted [Bo Grieg] for 'the bridge will open'" in printed
    data = json.loads(figures.read_text(encoding="utf-8"))
    files = {f["file"]: f for f in data["files"]}
    assert set(files) == {"a.txt", "sub/p.html"}
    assert files["a.txt"]["figures"]["metadata_accuracy"] == 1.0
    assert files["a.txt"]["figures"]["boilerplate_leaks"] == 1
    assert files["a.txt"]["figures"]["actor_key_recall"] == 1.0
    assert files["a.txt"]["figures"]["speaker_accuracy"] == 0.0
    assert files["sub/p.html"]["figures"]["body_token_f1"] == pytest.approx(0.8)  # P 1, R 2/3
    assert files["sub/p.html"]["figures"]["info_title_match"] == 1.0
    assert data["groups"]["sub"]["n_files"] == 1
    assert data["all"]["boilerplate_leaks"]["sum"] == 1

    assert evaluate.main([str(corpus), "--from-json", str(tmp_path / "out.json"), "--only", "sub/*"]) == 0
    assert "a.txt" not in capsys.readouterr().out.split("means by group")[0]
    assert evaluate.main([str(tmp_path / "missing")]) == 2


# ------------------------------------------------------------------------ thesis, genre, dangling


def test_thesis_is_stated_when_one_sentence_holds_most_of_its_words():
    gold = {"thesis_sentences": ["The ferry subsidy is a waste of public money!", "Nobody else claims this."]}
    body = ["The island council met on Monday. It voted on the ferry. The subsidy was renewed.",
            "In short, the ferry subsidy is a waste of money."]
    extraction = {"summary": ["The island council met on Monday."], "key_points": [], "body": body}
    result = scoring.thesis_scores(extraction, gold, splitter=_split_on_periods)
    assert result["found"] == 0.0 and result["lead3"] == 0.0
    # 8 of the 9 words of the thesis (89 %): stated, whatever the sentence adds around them
    extraction["key_points"] = ["In short, the ferry subsidy is a waste of money."]
    result = scoring.thesis_scores(extraction, gold, splitter=_split_on_periods)
    assert result["found"] == 1.0 and result["in_key_points"] and not result["in_summary"]
    # 7 of 9 (78 %) is not enough
    assert not scoring.holds_sentence("the ferry subsidy is a waste", gold["thesis_sentences"][0])
    assert scoring.holds_sentence("THE FERRY SUBSIDY: a waste of “public” money, is it", gold["thesis_sentences"][0])
    assert scoring.thesis_scores(extraction, {}, splitter=_split_on_periods)["found"] is None


def test_genre_accuracy_and_the_argued_question():
    assert scoring.genre_scores({"genre": "opinion"}, {"genre": "opinion"})["accuracy"] == 1.0
    result = scoring.genre_scores({"genre": "analysis"}, {"genre": "opinion"})
    assert result["accuracy"] == 0.0 and result["argued"] == 1.0  # argued either way
    result = scoring.genre_scores({"genre": "fact-check"}, {"genre": "news"})
    assert result["accuracy"] == 0.0 and result["argued"] == 1.0
    assert scoring.genre_scores({}, {"genre": "news"})["accuracy"] == 0.0  # no genre reported: wrong
    # the `article_type` of other gold answers only the argued question
    result = scoring.genre_scores({"genre": "news"}, {"article_type": "opinion"})
    assert result["accuracy"] is None and result["argued"] == 0.0
    assert scoring.genre_scores({"genre": "news"}, {"article_type": "hard news"})["argued"] == 1.0
    assert scoring.genre_scores({"genre": "news"}, {})["argued"] is None


def test_dangling_summary_sentences():
    body = ["He left early. The mayor closed the bridge on Monday.",
            "Second, the council raised fares. However, the ferry still runs. This is a mistake."]
    extraction = {"body": body, "summary": [
        "He left early.",  # the article's first sentence
        "Second, the council raised fares.",  # leans on a sentence left out
        "However, the ferry still runs.",  # the sentence before it is the one before in the summary
        "This week the ferry runs twice.",  # a determiner, not a pronoun
    ]}
    result = scoring.dangling_starts(extraction)
    assert result["sentences"] == ["Second, the council raised fares."]
    extraction["summary"] = ["The mayor closed the bridge on Monday.", "This is a mistake."]
    assert scoring.dangling_starts(extraction)["count"] == 1
    # "it" counts unless it stands for the clause after it
    extraction["summary"] = ["It is clear that the ferry will run.", "It is clear, therefore, that it runs.",
                             "It was an odd thing to say.", "It runs twice a day.", "Italy has ferries too."]
    assert scoring.dangling_starts(extraction)["sentences"] == extraction["summary"][1:4]
    assert scoring.dangling_starts({"body": body, "summary": []})["count"] is None


def test_score_article_reports_thesis_genre_and_dangling():
    gold = {"genre": "opinion", "thesis_sentences": ["The bridge must stay open."]}
    extraction = {"genre": "opinion", "summary": ["The bridge must stay open."], "key_points": [],
                  "body": ["The bridge must stay open."]}
    figures = score_article(extraction, gold, splitter=_split_on_periods)["figures"]
    assert figures["thesis_found"] == 1.0 and figures["lead3_thesis_found"] == 1.0
    assert figures["genre_accuracy"] == 1.0 and figures["argued_accuracy"] == 1.0
    assert figures["dangling_starts"] == 0
