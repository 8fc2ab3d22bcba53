"""Tests for the PolNeAR scoring (eval/polnear.py) and the split-persons count (eval/split_persons.py).

The articles and annotations here are tiny invented texts; nothing is read from the shared corpus.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from eval import polnear  # noqa: E402
from eval.polnear import (  # noqa: E402
    Part,
    annotation_file,
    claimant_matches_source,
    covers,
    is_direct,
    names_match,
    parse_brat,
    resolve_sources,
    score_article,
)
from eval.split_persons import name_key, split_groups  # noqa: E402

TEXT = (
    "Harbour news.\n\n"
    "Mayor Ann Veld said the bridge will open in May. She added: \u201cWe are ready.\u201d\n\n"
    "Critics warn that tolls will rise, the paper reported."
)


def _span(needle: str, text: str = TEXT) -> str:
    start = text.index(needle)
    return f"{start} {start + len(needle)}"


def _ann(text: str = TEXT) -> str:
    rows = [
        f"T1\tSource {_span('Mayor Ann Veld')}\tMayor Ann Veld",
        f"T2\tCue {_span('said')}\tsaid",
        f"T3\tContent {_span('the bridge will open in May')}\tthe bridge will open in May",
        f"T4\tAttribution {_span('said')}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tSource {_span('She')}\tShe",
        f"T6\tCue {_span('added')}\tadded",
        f"T7\tContent {_span('“We are ready.”')}\t\u201cWe are ready.\u201d",
        "T8\tAttribution 0 0\t",
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        # a discontinuous content: "Critics warn" + "that tolls will rise"; the paper is the source
        f"T9\tSource {_span('the paper')}\tthe paper",
        f"T10\tCue {_span('reported')}\treported",
        f"T11\tContent {_span('Critics warn')};{_span('that tolls will rise')}\tCritics warn that tolls will rise",
        "#1\tAnnotatorNotes T11\ta note that is not an annotation",
        "a stray line that ran on after a newline",
        "E3\tAttribution:T4 Content:T11 Cue:T10 Source:T9",
        # no source, and a short content
        f"T12\tContent {_span('ready')}\tready",
        "E4\tAttribution-no-source:T8 Content:T12 Content2:T99",
    ]
    return "\n".join(rows) + "\n"


# ------------------------------------------------------------------------------------ brat


def test_parse_brat_parts_discontinuous_spans_and_odd_lines():
    found = parse_brat(_ann(), TEXT)
    assert [a.id for a in found] == ["E1", "E2", "E3", "E4"]
    first = found[0]
    assert (first.source.text, first.cue.text, first.content.text) == ("Mayor Ann Veld", "said", "the bridge will open in May")
    assert found[1].source.text == "She" and found[1].content.text == "\u201cWe are ready.\u201d"
    third = found[2]
    assert len(third.content.spans) == 2
    assert third.content.text == "Critics warn that tolls will rise"  # taken from the article, spans joined by a space
    fourth = found[3]
    assert fourth.kind == "Attribution-no-source" and fourth.source is None and fourth.cue is None
    assert fourth.content.text == "ready"  # Content2 names a T line that does not exist: left out


def test_parse_brat_joins_a_repeated_role():
    text = "He said one thing, then he said another thing."
    ann = (f"T1\tContent {_span('one thing', text)}\tone thing\n"
           f"T2\tContent {_span('another thing', text)}\tanother thing\n"
           "E1\tAttribution:T9 Content:T1 Content2:T2\n")
    (attribution,) = parse_brat(ann, text)
    assert attribution.content.text == "one thing another thing"


def test_annotation_file_takes_the_first_and_not_a_longer_name(tmp_path):
    folder = tmp_path / "pn"
    (folder / "attributions").mkdir(parents=True)
    for name in ("site_2016_story_b2.ann", "site_2016_story_a1.ann", "site_2016_story_more_a1.ann", "other_a1.ann"):
        (folder / "attributions" / name).write_text("", encoding="utf-8")
    assert annotation_file(folder, "site_2016_story").name == "site_2016_story_a1.ann"
    assert annotation_file(folder, "site_2016_story_more").name == "site_2016_story_more_a1.ann"
    assert annotation_file(folder, "missing") is None


# -------------------------------------------------------------------------------- matching


def test_covers_needs_half_of_each_side():
    gold = "the bridge will open in May"
    assert covers("The bridge will open in May.", gold)
    assert covers("bridge will open", gold)                  # 3 of 6 gold words, all of its own
    assert not covers("open", gold)                          # a fragment: under half of the gold
    paragraph = "Mayor Ann Veld said the bridge will open in May, and many other things happened in town that week."
    assert not covers(paragraph, gold)                       # holds all the gold, but is mostly other words
    assert not covers("", gold)


def test_direct_quotes_and_names():
    assert is_direct("\u201cWe are ready.\u201d") and is_direct('he called it "late"')
    assert not is_direct("that tolls will rise")
    assert names_match("Trump", "Donald Trump")
    assert names_match("Mr. Trump", "Donald J. Trump")
    assert names_match("Trump's campaign", "Trump")
    assert names_match("officials", "some officials")        # one is a run of the other's words
    assert not names_match("Mr. Lee", "Mr. Park")            # a title is no shared name
    assert not names_match("the House", "House Republicans")
    assert not names_match("author", "the author's friend")
    assert names_match("author", "author")
    assert not names_match("", "Trump") and not names_match("Trump", None)


def test_a_claimant_matches_by_the_names_the_article_gives_it():
    text = "The Saudis said they would support the release. The Washington Post said so too."
    saudis = Part([(0, 10)], "The Saudis")
    post = Part([(text.index("The Washington Post"), text.index(" said so"))], "The Washington Post")
    assert not claimant_matches_source("Saudi Arabia", saudis, "The Saudis")
    assert claimant_matches_source("Saudi Arabia", saudis, "The Saudis", ["Saudis"])
    # an alias must be the whole source: "Washington" for the United States is not the Post
    assert not claimant_matches_source("United States", post, "The Washington Post", ["Washington"])
    government = Part([(0, 21)], "the German government")
    assert claimant_matches_source("Germany", government, "the German government", ["German"])


def test_pronouns_and_short_descriptions_resolve_to_the_last_named_source():
    text = ("Ann Veld said the bridge will open. She said it is safe. The mayor said so too. "
            "I think it is fine. Critics said it was late. A long description of some people without any name said no.")
    parts = [("Ann Veld", "E1"), ("She", "E2"), ("The mayor", "E3"), ("I", "E4"), ("Critics", "E5"),
             ("A long description of some people without any name", "E6")]
    attributions = []
    for needle, event in parts:
        start = text.index(needle)
        attributions.append(polnear.Attribution(id=event, kind="Attribution", source=Part([(start, start + len(needle))], needle)))
    resolved = resolve_sources(attributions, text)
    assert resolved["E1"] == "Ann Veld"
    assert resolved["E2"] == "Ann Veld"
    assert resolved["E3"] == "Ann Veld"            # "The" starts a sentence, "mayor" is lower case: no name
    assert resolved["E4"] == "author"              # first person outside quotation marks: the writer
    assert resolved["E5"] == "Ann Veld"            # capitalised only because it starts the sentence
    assert resolved["E6"] == attributions[5].source.text
    # the claimant may name the source as written or as resolved, but never just repeat a pronoun
    she = attributions[1].source
    assert claimant_matches_source("Veld", she, "Ann Veld")
    assert not claimant_matches_source("she", she, "Ann Veld")
    critics = attributions[4].source
    assert claimant_matches_source("critics", critics, "Ann Veld")


def test_a_quoted_first_person_is_not_the_author():
    text = "Bo Grieg spoke. \u201cI know it,\u201d he said."
    start = text.index("I know")
    attribution = polnear.Attribution(id="E1", kind="Attribution", source=Part([(start, start + 1)], "I"))
    named = polnear.Attribution(id="E0", kind="Attribution", source=Part([(0, 8)], "Bo Grieg"))
    assert resolve_sources([named, attribution], text)["E1"] == "Bo Grieg"


def test_score_article_counts():
    attributions = parse_brat(_ann(), TEXT)
    claims = [
        {"text": "the bridge will open in May", "claimant": "Ann Veld", "paragraph": 1},   # covered, right speaker
        {"text": "We are ready.", "claimant": "Bo Grieg", "paragraph": 1},                 # covered, wrong speaker
        {"text": "tolls", "claimant": "critics", "paragraph": 2},                          # a fragment
        {"text": "Harbour news today is good", "claimant": "author", "paragraph": 0},     # no attribution
    ]
    scored = score_article(claims, attributions, TEXT)
    counts = scored["counts"]
    assert counts["gold"] == 3                      # E4 has no cue (and a one-word content)
    assert (counts["gold_direct"], counts["gold_indirect"]) == (1, 2)
    assert (counts["covered"], counts["covered_direct"], counts["covered_indirect"]) == (2, 1, 1)
    assert [m["content"] for m in scored["missed"]] == ["Critics warn that tolls will rise"]
    assert (counts["claims"], counts["claims_matched"], counts["claims_author"], counts["claims_fragment"]) == (4, 2, 1, 1)
    assert (counts["speaker_n"], counts["speaker_right"]) == (2, 1)
    assert scored["wrong_speakers"] == [{"source": "She", "resolved": "Mayor Ann Veld", "claimant": "Bo Grieg", "text": "We are ready."}]
    assert counts["claims_in_text"] == 3
    result = polnear.figures(counts)
    assert result["content_recall"] == pytest.approx(2 / 3)
    assert result["precision"] == pytest.approx(1 / 2)
    assert result["precision_not_author"] == pytest.approx(2 / 3)
    assert result["speaker_accuracy"] == pytest.approx(1 / 2)


def test_cli_with_precomputed_output(tmp_path, capsys):
    folder = tmp_path / "pn"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "a_story.txt").write_text(TEXT, encoding="utf-8")
    (folder / "attributions" / "a_story_x1.ann").write_text(_ann(), encoding="utf-8")
    (folder / "text" / "b_story.txt").write_text("Nothing to see.", encoding="utf-8")
    output = [{"source": "/x/a_story.txt", "claims": [{"text": "the bridge will open in May", "claimant": "Veld"}]}]
    (tmp_path / "out.json").write_text(json.dumps(output), encoding="utf-8")
    figures = tmp_path / "fig.json"
    code = polnear.main([str(folder), "--from-json", str(tmp_path / "out.json"), "--json", str(figures), "--verbose"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "missed indirect [the paper]: 'Critics warn that tolls will rise'" in printed
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert data["counts"]["no_annotation"] == 1
    assert data["figures"]["content_recall"] == pytest.approx(1 / 3)
    assert data["figures"]["speaker_accuracy"] == 1.0
    assert polnear.main([str(folder), "--from-json", str(tmp_path / "out.json"), "--limit", "1"]) == 0
    assert polnear.main([str(tmp_path / "missing")]) == 2
    assert "PolNeAR folder not found" in capsys.readouterr().err


# --------------------------------------------------------------------------- split persons


def test_name_key_folds_variants():
    assert name_key("Donald J. Trump") == name_key("Donald Trump") == name_key("President Donald Trump")
    assert name_key("Trump's") == name_key("Mr. Trump") == ("trump",)
    assert name_key("Arseniy Yatsenyuk") == name_key("Arseny Yatsenyuk")
    assert name_key("Zo\u00eb Lindqvist") == name_key("Zoe Lindqvist") == ("zoe", "lindqvist")
    assert name_key("Dr") == ()
    assert name_key("RW Tillerson") == name_key("R.W. Tillerson") == ("tilerson",)
    assert name_key("Van Gaal") == ("van", "gal")


def test_split_groups_surnames_and_variants():
    pages = ["Ann Veld", "Veld", "Mrs. Veld", "Bo Grieg", "Arseniy Petrenko", "Arseny Petrenko",
             "Cy Dahl", "Eve Dahl", "Dahl", "Flo Moss", "Mossberg", "Gus", "Jan van Dijkstra", "Van Dijkstra",
             "K.T. Brennan", "Kit Brennan", "Veld's"]
    groups = split_groups(pages)
    assert [g["names"] for g in groups] == [
        ["Ann Veld", "Mrs. Veld", "Veld", "Veld's"],
        ["Arseniy Petrenko", "Arseny Petrenko"],
        ["Cy Dahl", "Dahl", "Eve Dahl"],
        ["Jan van Dijkstra", "Van Dijkstra"],
        ["K.T. Brennan", "Kit Brennan"],
    ]
    assert groups[0]["reasons"] == ["surname", "variant"]
    assert groups[1]["reasons"] == ["variant"] and not groups[1]["ambiguous"]
    assert groups[2]["ambiguous"]                      # the bare surname could be either person
    assert groups[3]["reasons"] == ["surname"] and not groups[3]["ambiguous"]
    assert groups[4]["reasons"] == ["variant"]         # initials only: not a surname-only page
    assert split_groups(["Ann Veld", "Bo Grieg"]) == []


def test_person_pages_use_the_site_collection():
    from eval.split_persons import briefing_from_dict, person_pages

    briefings = [
        briefing_from_dict({"source": "a.txt", "title": "A", "actors": [
            {"name": "Ann Veld", "type": "person", "aliases": [], "mentions": 3},
            {"name": "Harbour Board", "type": "organization", "aliases": [], "mentions": 1}]}),
        briefing_from_dict({"source": "b.txt", "title": "B", "actors": [
            {"name": "ann veld", "type": "person", "aliases": [], "mentions": 1},   # same page: names are keyed case-folded
            {"name": "Veld", "type": "person", "aliases": [], "mentions": 1}]}),
    ]
    pages = person_pages(briefings)
    # The build's name resolution gives "Veld" the one full name that carries it.
    assert [(p["name"], p["briefings"]) for p in pages] == [("Ann Veld", 2)]
    assert all(p["slug"] for p in pages)


def test_a_name_of_initials_is_split_only_from_a_full_name_it_fits():
    groups = split_groups(["P.J. Tucker", "Chris Tucker", "D. Smith", "Dan Smith"])
    assert [g["names"] for g in groups] == [["D. Smith", "Dan Smith"]]


def test_a_relative_pronoun_stands_for_the_words_before_it_not_the_last_named_source():
    text = "Ann Veld said the bridge will open. The group includes former senator Gordon Pike, who told the paper he will help."
    named = polnear.Attribution(id="E1", kind="Attribution", source=Part([(0, 8)], "Ann Veld"))
    start = text.index("who")
    who = polnear.Attribution(id="E2", kind="Attribution", source=Part([(start, start + 3)], "who"))
    resolved = resolve_sources([named, who], text)
    assert resolved["E2"] == "former senator Gordon Pike"
    assert claimant_matches_source("Gordon Pike", who.source, resolved["E2"])
    assert not claimant_matches_source("Ann Veld", who.source, resolved["E2"])


def test_names_with_different_middle_initials_are_no_split_but_a_bare_form_between_them_is_ambiguous():
    assert split_groups(["Lena H.W. Ortiz", "Lena W. Ortiz", "Max J. Hale", "Max Hale"]) == [
        {"names": ["Max Hale", "Max J. Hale"], "reasons": ["variant"], "ambiguous": False}]
    [group] = split_groups(["Lena H.W. Ortiz", "Lena W. Ortiz", "Lena Ortiz"])
    assert group["ambiguous"]


def test_a_page_named_with_a_description_in_brackets_is_no_split_of_anyone():
    """The site names a relative known only by a given name "Patrick (father of Jake Patterson)":
    that page is not the surname page of Dan Patrick, nor a full name ending in Patterson."""
    assert split_groups(["Patrick (father of Jake Patterson)", "Dan Patrick", "Patterson", "Jake Patterson"]) == [
        {"names": ["Jake Patterson", "Patterson"], "reasons": ["surname"], "ambiguous": False}]
    assert split_groups(["Patrick", "Dan Patrick"]) != []  # without the description it is counted
