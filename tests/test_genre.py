"""Genre: news, analysis, opinion or fact-check, told from how the article is written (the writer's
own voice, judgement and argument against attribution and dated events), a verdict box, a declared
section, and what the reader set."""
from __future__ import annotations

import pytest

from briefing_gen.extract.briefing import extract
from briefing_gen.extract.genre import ARGUED, detect_genre, genre_signals
from briefing_gen.extract.parse import parse
from briefing_gen.extract.reference import load_reference
from briefing_gen.model import Article, Paragraph

pytestmark = pytest.mark.slow

NEWS_REPORT = [
    "The regional council of Ostervik voted on Tuesday to close two rural bus lines from March.",
    "Council leader Mara Lindqvist said the lines carried fewer than forty passengers a day.",
    "“We cannot keep paying for empty buses,” she told reporters after the vote.",
    "The bus operator said on Wednesday that eleven drivers would be moved to city routes.",
    "Residents of the lakeside villages said the closure would leave them without a link to the hospital.",
    "A petition against the plan had collected 2,300 signatures by Thursday, according to its organisers.",
    "The council will review the decision in June, a spokesman said.",
]

OPINION_PIECE = [
    "I have ridden the lakeside bus for twenty years, and I can tell you that closing it is a reckless mistake.",
    "The council calls this prudent budgeting. It is nothing of the kind!",
    "You cannot claim to care about rural villages and then cut the only road to the hospital.",
    "The savings are trivial, and the harm is obvious to anyone who has waited at a frozen stop in January.",
    "Frankly, the whole plan is a shameful piece of accounting dressed up as reform.",
    "Why should a pensioner in Fjellby pay for the council's vanity projects in town?",
    "I argue that the council must reverse this decision before a single line closes.",
]

ANALYSIS_PIECE = [
    "Rural bus lines across the region have been losing passengers for a decade, and the reasons are largely structural.",
    "Car ownership in the villages has risen steadily, while the population has grown older and smaller.",
    "Cutting two lines may save money in the short term, but it is likely to deepen the isolation of the villages.",
    "Other regions that closed lines saw the remaining routes lose passengers faster, which suggests the cuts feed on themselves.",
    "A demand-responsive service could perhaps keep a link to the hospital at a fraction of the cost.",
    "The real question is whether the council treats buses as a service or as a business.",
    "In short, the closure seems to solve this year's budget at the price of the next decade's villages.",
]

FACT_CHECK = [
    "Claim: The council is closing every rural bus line in Ostervik.",
    "A post shared widely on social media says that all rural bus lines will stop running in March.",
    "The council's published decision names two lines, the lakeside route and the forest route.",
    "The other five rural lines are funded until 2027, according to the council's budget documents.",
    "Verdict: False",
]


def article(paragraphs, title="Bus lines", genre="news", kinds=None):
    kinds = kinds or ["paragraph"] * len(paragraphs)
    return Article(source="t.txt", title=title, genre=genre,
                   paragraphs=[Paragraph(text=p, kind=k) for p, k in zip(paragraphs, kinds)])


def genre_of(paragraphs, **kwargs):
    return detect_genre(parse(article(paragraphs, **kwargs)))


def test_a_news_report_is_news():
    assert genre_of(NEWS_REPORT) == "news"


def test_an_opinion_piece_in_the_writers_own_voice_is_opinion():
    assert genre_of(OPINION_PIECE) == "opinion"


def test_an_analysis_argues_but_weighs_and_hedges():
    assert genre_of(ANALYSIS_PIECE) == "analysis"


# An analysis told in the reporting past tense: no "I", no questions, few evaluative words, one
# quotation; what marks it is judgement in the grammar of its sentences.
PAST_TENSE_ANALYSIS = [
    "When the regional council closed the lakeside bus line in 2019, it presented the decision as housekeeping.",
    "The line had lost passengers for a decade, and the savings were put at two million crowns a year.",
    "The saving was real, but it was a saving on paper, not in the budget of the region as a whole.",
    "The council misjudged what the bus had been carrying: pensioners to the hospital and pupils to the gymnasium.",
    "The hospital's patient transport bill rose within a year, and the school board hired two minibuses of its own.",
    "The real cost was that three departments now paid separately for what one bus had done together.",
    "A council report in 2022 called the closure “a qualified success”, a phrase that did a great deal of work.",
    "The lesson was an old one, and the council was slow to learn it.",
]

# The same events as a report: dated, attributed, quoted.
PAST_TENSE_REPORT = [
    "The regional council closed the lakeside bus line on Monday, council leader Mara Lindqvist said.",
    "“The line lost passengers for a decade, and we save two million crowns a year,” she told reporters.",
    "The hospital said on Tuesday that its patient transport bill would rise by about a third.",
    "“We will have to hire two minibuses of our own,” the head of the school board, Anders Holm, said.",
    "Opposition councillor Petra Nyberg said the closure was “a saving on paper, not in the budget”.",
    "A council report published on Wednesday called the closure “a qualified success”.",
    "The council will review the decision in June, a spokesman said.",
]


def test_an_analysis_in_the_past_tense_is_argued_by_its_judgements_and_its_report_is_news():
    assert genre_of(PAST_TENSE_ANALYSIS) in ARGUED
    assert genre_of(PAST_TENSE_REPORT) == "news"


def test_a_verdict_box_beside_the_claim_makes_a_fact_check():
    kinds = ["paragraph"] * 4 + ["heading"]
    assert genre_of(FACT_CHECK, kinds=kinds) == "fact-check"
    # a rating alone does not: a news report may end on a one-word paragraph
    assert genre_of(NEWS_REPORT + ["False."]) == "news"


def test_first_person_inside_quotations_is_not_the_writers_voice():
    quoted = [
        "The mayor of Ostervik defended the closure of two bus lines at a meeting on Monday.",
        "“I think we made the right choice, and I will not apologise for it,” she said.",
        "“We must balance the budget, and I believe our voters understand that,” she added.",
        "'I am furious!' one resident shouted from the back of the hall on Monday evening.",
        "The council's finance committee will meet again on Friday to discuss the bus budget.",
        "Opposition councillors said they would table a motion to restore the lines.",
    ]
    signals = genre_signals(parse(article(quoted)))
    assert signals.first_singular == 0 and signals.exclamations == 0
    assert genre_of(quoted) == "news"


def test_an_interview_is_the_interviewees_voice():
    interview = [
        "The head of the regional transport authority spoke to us on Monday about the bus closures.",
        "Q: Why close the lakeside line now?",
        "A: I think we simply ran out of money. I regret it, and I would reverse it tomorrow if we could.",
        "Q: What do you say to the villagers?",
        "A: I understand their anger. We owe them a better answer than we have given so far.",
    ]
    signals = genre_signals(parse(article(interview)))
    assert signals.interview
    assert signals.first_singular == 0


def test_what_the_reader_set_is_kept_and_a_declared_section_counts():
    # a site profile or an HTML opinion section said analysis: it stays an argued genre
    assert genre_of(NEWS_REPORT, genre="analysis") in ARGUED
    assert genre_of(NEWS_REPORT, genre="fact-check") == "fact-check"
    assert genre_of(NEWS_REPORT, title="Opinion: the buses and the council") == "opinion"
    assert genre_of(NEWS_REPORT, title="Fact check: are the buses stopping?") == "news"  # no verdict anywhere


def test_extraction_records_the_genre_on_the_briefing():
    briefing = extract(article(OPINION_PIECE), load_reference(), "buses")
    assert briefing.genre == "opinion"


def test_the_authors_own_claims_are_in_argued_pieces_not_in_news_reports():
    """A news report's own sentences are the report; an analysis's are its argument."""
    reporter_aside = "In reality, the closure will almost certainly leave the villages without a bus for good."
    news = extract(article([*NEWS_REPORT, reporter_aside]), load_reference(), "buses")
    assert news.genre == "news"
    assert [c for c in news.claims if c.claimant == "author"] == []
    assert any(c.claimant == "Mara Lindqvist" for c in news.claims)  # its sources' claims stay
    analysis = extract(article(ANALYSIS_PIECE), load_reference(), "buses")
    assert analysis.genre == "analysis"
    assert any(c.claimant == "author" and "seems to solve this year's budget" in c.text for c in analysis.claims)


def test_the_genre_is_in_the_briefing_page_front_matter_and_the_json_contract():
    import frontmatter

    from briefing_gen.pipeline.sources import briefing_json
    from briefing_gen.site import pages

    briefing = extract(article(OPINION_PIECE), load_reference(), "buses")
    collection = pages.Collection()
    collection.add(briefing)
    collection.assign_actor_slugs()
    assert frontmatter.loads(pages.briefing_page(briefing, collection))["genre"] == "opinion"
    assert briefing_json(briefing)["genre"] == "opinion"
