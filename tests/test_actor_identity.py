"""One person, one name, one actor page across the collection (`briefing_gen.collection.identity`).

The unit tests give the resolution the actors that extraction would hand it; the collection test
builds two real articles and reads the actor pages.
"""
from __future__ import annotations

import shutil

import pytest

from briefing_gen.collection.identity import person_key, renamed, resolve_identities
from briefing_gen.model import Actor, Article, Briefing, Claim


def briefing(slug: str, *actors: Actor, claims=()) -> Briefing:
    return Briefing(article=Article(source=f"{slug}.txt", title=slug), slug=slug, actors=list(actors), claims=list(claims))


def person(name: str, mentions: int = 1) -> Actor:
    return Actor(name=name, type="person", mentions=mentions)


@pytest.mark.parametrize(
    "one, other",
    [
        ("Donald J. Trump", "Donald Trump"),
        ("President Donald Trump", "Donald Trump"),
        ("Donald Trump's", "Donald Trump"),
        ("Arseniy Yatsenyuk", "Arseny Yatsenyuk"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
        ("Olexander Hrytsenko", "Oleksandr Hrytsenko"),
        ("Yevgeny Orlov", "Evgeny Orlov"),
        ("Dr. Hana Sato", "Hana Sato"),
        ("Ban Ki-moon", "Ban Ki Moon"),
        ("James B. Comey Jr.", "James Comey"),
        ("N.J. Roger Ailes", "Roger Ailes"),
    ],
)
def test_name_variants_share_one_key(one, other):
    assert person_key(one) == person_key(other)


def test_a_surname_that_is_also_a_title_is_a_surname():
    assert person_key("Charlie King") == "charlie king" != person_key("Charlie Cook")
    assert person_key("President Charlie King") == "charlie king"


def test_different_people_keep_different_keys():
    assert person_key("Kim Jong Un") != person_key("Kim Yo Jong")
    assert person_key("Jody Wilson-Raybould") != person_key("Jody Raybould")
    assert person_key("Seth Jones") != person_key("Caleb Jones")


def test_a_surname_takes_the_full_name_of_the_one_person_who_has_it():
    first = briefing("a", person("Vladimir Putin", 5))
    second = briefing("b", person("Putin", 2), claims=[Claim(id="c-1", text="Talks will go on.", claimant="Putin", kind="quote", cue="say", paragraph=0)])
    identities = resolve_identities([first, second])
    resolved = renamed(second, identities)
    assert [a.name for a in resolved.actors] == ["Vladimir Putin"]
    assert "Putin" in resolved.actors[0].aliases
    assert resolved.claims[0].claimant == "Vladimir Putin"
    assert [a.name for a in second.actors] == ["Putin"]  # the extracted briefing itself is not changed


def test_a_surname_goes_to_the_one_person_of_that_surname_not_to_someone_with_that_first_name():
    identities = resolve_identities([
        briefing("a", person("Ben Carlsen", 4)),
        briefing("b", person("Carlsen Moore")),
        briefing("c", person("Carlsen")),
        briefing("d", person("Bernadette")),
        briefing("e", person("Bernadette Ruiz")),
    ])
    assert identities.name_of("Carlsen") == "Ben Carlsen"
    assert identities.name_of("Bernadette") == "Bernadette Ruiz"  # no surname fits: the one first name
    assert identities.warnings() == []


def test_two_people_sharing_a_surname_are_never_merged_and_the_editor_is_told():
    identities = resolve_identities([
        briefing("a", person("Kim Jong Un")),
        briefing("b", person("Kim Yo Jong")),
        briefing("c", person("Kim")),
    ])
    assert identities.name_of("Kim") == "Kim"
    assert identities.name_of("Kim Jong Un") == "Kim Jong Un"
    (warning,) = identities.warnings()
    assert "'Kim'" in warning and "Kim Jong Un" in warning and "Kim Yo Jong" in warning


def test_a_shared_surname_goes_to_the_person_the_collection_is_about_and_the_editor_is_told():
    """Twelve briefings name Hana Ferrant in full and one names her brother Luc: a briefing that
    only says "Ferrant" means her. With two people named about as often, it stays apart."""
    hana = [briefing(f"h{i}", person("Hana Ferrant")) for i in range(12)]
    identities = resolve_identities([*hana, briefing("l", person("Luc Ferrant")), briefing("f", person("Ferrant"))])
    assert identities.name_of("Ferrant") == "Hana Ferrant"
    (warning,) = identities.warnings()
    assert "'Ferrant' taken as Hana Ferrant" in warning and "Luc Ferrant" in warning
    beside_luc = renamed(briefing("lf", person("Luc Ferrant"), person("Ferrant")), identities)
    assert sorted(a.name for a in beside_luc.actors) == ["Ferrant", "Luc Ferrant"]  # not Hana, where Luc is named
    close = resolve_identities([*hana[:6], *(briefing(f"o{i}", person("Omar Dalby")) for i in range(6)),
                                *(briefing(f"p{i}", person("Pia Dalby")) for i in range(2)), briefing("d", person("Dalby"))])
    assert close.name_of("Dalby") == "Dalby"


def test_a_nickname_joins_the_full_first_name_with_the_same_surname_but_not_when_two_fit():
    identities = resolve_identities([
        briefing("a", person("Robert Castellan"), person("Edward Lorne"), person("Theodore Lorne")),
        briefing("b", person("Bob Castellan")),
        briefing("c", person("Robert Castellan"), person("Ted Lorne")),
        briefing("d", person("Castellan")),
    ])
    assert identities.name_of("Bob Castellan") == "Robert Castellan"
    assert identities.name_of("Castellan") == "Robert Castellan"  # one person now, not two
    assert identities.name_of("Ted Lorne") == "Ted Lorne"  # Edward or Theodore: kept apart
    assert any("'Bob Castellan' and 'Robert Castellan' taken as one person" in w for w in identities.warnings())


def test_a_nickname_of_many_names_or_of_the_other_sex_joins_no_one():
    identities = resolve_identities([
        briefing("a", person("Robert Vance"), person("Andrea Holm")),
        briefing("b", person("Bill Vance"), person("Andy Holm")),
    ])
    assert identities.name_of("Bill Vance") == "Bill Vance"  # "Bill" is short for Robert, William and more
    assert identities.name_of("Andy Holm") == "Andy Holm"  # short for Andrew too, and Andy is a man's name here


def test_a_shared_surname_with_a_role_only_one_bearer_holds_is_that_bearer_in_that_briefing():
    def with_role(name, role):
        return Actor(name=name, type="person", role=role)

    identities = resolve_identities([
        briefing("a", with_role("Anton Marsh", "Supreme Court Justice")),
        briefing("b", with_role("Tobias Marsh", "President")),
        briefing("c", with_role("Marsh", "Justice"), claims=[Claim(id="c-1", text="The law stands.", claimant="Marsh", kind="quote", cue="say", paragraph=0)]),
        briefing("d", person("Marsh")),
    ])
    resolved = renamed(briefing("c", with_role("Marsh", "Justice"), claims=[Claim(id="c-1", text="The law stands.", claimant="Marsh", kind="quote", cue="say", paragraph=0)]), identities)
    assert [a.name for a in resolved.actors] == ["Anton Marsh"] and resolved.claims[0].claimant == "Anton Marsh"
    assert [a.name for a in renamed(briefing("d", person("Marsh")), identities).actors] == ["Marsh"]  # no role: kept apart


def test_variants_in_one_briefing_merge_into_one_actor():
    both = briefing("a", person("Donald Trump", 4), person("Donald J. Trump", 2), person("Ivana Lind"), person("Lind"))
    resolved = renamed(both, resolve_identities([both, briefing("b", person("Donald Trump"))]))
    assert [(a.name, a.mentions) for a in resolved.actors] == [("Donald Trump", 6), ("Ivana Lind", 2)]


ARTICLE_FULL_NAME = """Grain talks resume in Geneva

By Ines Calder

Russian President Vladimir Putin said on Monday that grain shipments through the Black Sea would resume once the insurance dispute was settled.

Vladimir Putin added that his government had no quarrel with the shipping companies.
"""

ARTICLE_SURNAME = """Ports reopen along the coast

By Ines Calder

Port officials in Odesa reported the first loaded ship in three weeks.

Putin said the corridor was a gesture of good will, while shipping companies remained cautious about the insurance costs.
"""


def build_articles(tmp_path, run_cli, articles: dict[str, str]):
    """A new project with only these articles, built to Markdown: (project folder, the build's result)."""
    project = tmp_path / "site"
    assert run_cli(["init", str(project)], cwd=tmp_path).returncode == 0
    shutil.rmtree(project / "articles")
    (project / "articles").mkdir()
    for name, text in articles.items():
        (project / "articles" / name).write_text(text, encoding="utf-8")
    result = run_cli(["build", "--no-site"], cwd=project)
    assert result.returncode == 0, result.stderr
    return project, result


@pytest.mark.slow
def test_one_actor_page_links_both_briefings(tmp_path, run_cli):
    project, _ = build_articles(tmp_path, run_cli, {"talks.txt": ARTICLE_FULL_NAME, "ports.txt": ARTICLE_SURNAME})
    actors = project / "docs" / "actors"
    pages = {p.name: p.read_text(encoding="utf-8") for p in actors.glob("*.md")}
    assert "putin.md" not in pages  # no page for the surname alone
    page = pages["vladimir-putin.md"]
    briefings = sorted(p.stem for p in (project / "docs" / "briefings").glob("*.md") if p.stem != "index")
    assert len(briefings) == 2
    for slug in briefings:
        assert f"briefings/{slug}" in page  # the actor page lists both briefings
        assert "vladimir-putin.md" in (project / "docs" / "briefings" / f"{slug}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "short, full",
    [("Van Gaal", "Louis van Gaal"), ("G.W. Bush", "George W. Bush"), ("RW Tillerson", "Rex Tillerson"), ("Yuriy Tymoshenko", "Yuri Tymoshenko")],
)
def test_particles_initials_and_spellings_join_the_full_name(short, full):
    identities = resolve_identities([briefing("a", person(full), person(full, 3)), briefing("b", person(short))])
    assert identities.name_of(short) == full


def test_an_office_and_a_surname_name_the_one_holder_of_that_office():
    """"President Truman" is Harry S. Truman beside an economist Truman, as the collection writes
    him; "Justice Brennan" is William J. Brennan Jr. though no briefing names him in full; two
    Presidents Bush leave "President Bush" apart, and "Senator Kennedy" is no one's guess."""
    def with_role(name, role):
        return Actor(name=name, type="person", role=role)

    identities = resolve_identities([
        briefing("a", person("Harry Truman"), person("Edwin M. Truman")),
        briefing("b", with_role("Truman", "President")),
        briefing("c", person("John Brennan"), person("Margaret Brennan")),
        briefing("d", with_role("Brennan", "Justice")),
        briefing("e", person("Jeb Bush"), person("George W. Bush"), with_role("Bush", "President")),
        briefing("f", person("Ted Kennedy"), person("John F. Kennedy"), with_role("Kennedy", "Senator")),
    ])
    def name(slug, actor):
        return [a.name for a in renamed(briefing(slug, actor), identities).actors]

    assert name("b", with_role("Truman", "President")) == ["Harry Truman"]
    assert name("d", with_role("Brennan", "Justice")) == ["William J. Brennan Jr."]
    assert name("e", with_role("Bush", "President")) == ["Bush"]
    assert name("f", with_role("Kennedy", "Senator")) == ["Kennedy"]


def test_names_with_different_middle_initials_are_different_people():
    identities = resolve_identities([
        briefing("a", person("George H.W. Bush"), person("Donald J. Trump")),
        briefing("b", person("George W. Bush"), person("Donald Trump")),
        briefing("c", person("George P. Bush"), person("George W.H. Bush")),
        briefing("d", person("George Bush")),
    ])
    assert identities.name_of("Donald J. Trump") == identities.name_of("Donald Trump")
    assert identities.name_of("George W.H. Bush") == identities.name_of("George H.W. Bush")
    assert len({identities.name_of(n) for n in ("George H.W. Bush", "George W. Bush", "George P. Bush", "George Bush")}) == 4


def test_a_name_without_middle_initials_beside_one_with_them_is_the_other_bearer():
    # Five briefings name the father in full, twenty the son, one a grandson; the family history
    # names "George Bush" beside "George W. Bush", so it means someone else: the father, by far
    # the most named of the others. Where no Bush is named in full, the son is not named in far
    # more briefings than the others together (20 against 6), so the name stays apart.
    briefings = [briefing(f"father-{i}", person("George H.W. Bush")) for i in range(5)]
    briefings += [briefing(f"son-{i}", person("George W. Bush")) for i in range(20)]
    briefings += [briefing("grandson", person("George P. Bush"))]
    family = briefing("family", person("Prescott Bush"), person("George Bush"), person("George W. Bush"))
    alone = briefing("alone", person("George Bush"))
    identities = resolve_identities([*briefings, family, alone])
    assert {a.name for a in renamed(family, identities).actors} == {"Prescott Bush", "George H.W. Bush", "George W. Bush"}
    assert [a.name for a in renamed(alone, identities).actors] == ["George Bush"]
    assert any("'George Bush' taken as George H.W. Bush in 1 briefing" in w for w in identities.warnings())
    assert any("'George Bush' could be George H.W. Bush or George P. Bush or George W. Bush: kept apart in 1 briefing" in w
               for w in identities.warnings())


def test_a_name_without_middle_initials_stays_apart_when_the_others_are_close_or_rare():
    briefings = [briefing(f"father-{i}", person("George H.W. Bush")) for i in range(5)]
    briefings += [briefing(f"grandson-{i}", person("George P. Bush")) for i in range(4)]
    family = briefing("family", person("George Bush"), person("George W. Bush"))
    identities = resolve_identities([*briefings, briefing("son", person("George W. Bush")), family])
    assert {a.name for a in renamed(family, identities).actors} == {"George Bush", "George W. Bush"}
    # The only other bearer is named once: the bare name may well be the man named beside it.
    senator = briefing("senator", person("John N. Kennedy"))
    president = briefing("president", person("John F. Kennedy"), person("John Kennedy"))
    identities = resolve_identities([senator, president])
    assert {a.name for a in renamed(president, identities).actors} == {"John F. Kennedy", "John Kennedy"}



ARTICLE_MINISTER = """Ferry subsidies cut

Transport minister Mara Lindqvist announced on Monday that ferry subsidies would be cut by a third.

Mara Lindqvist said the money would go to rail instead.
"""

ARTICLE_FOOTBALLER = """Harbour club signs striker

The harbour club signed striker Oskar Lindqvist on Friday for an undisclosed fee.

Oskar Lindqvist said he was proud to join the club.
"""

ARTICLE_SHARED = """Island councils protest

Island councils protested outside parliament on Wednesday.

"We were not consulted," Lindqvist said at the rally, adding that the islands would go to court.
"""


@pytest.mark.slow
def test_a_shared_surname_page_says_whom_it_could_be(tmp_path, run_cli):
    project, result = build_articles(
        tmp_path, run_cli, {"minister.txt": ARTICLE_MINISTER, "footballer.txt": ARTICLE_FOOTBALLER, "protest.txt": ARTICLE_SHARED})
    assert "actor 'Lindqvist' could be Mara Lindqvist or Oskar Lindqvist" in result.stderr
    actors = project / "docs" / "actors"
    shared = (actors / "lindqvist.md").read_text(encoding="utf-8")
    assert '!!! warning "A name several people bear"' in shared
    assert '<tr><th>Could be<td><a href="../mara-lindqvist/">Mara Lindqvist</a>, <a href="../oskar-lindqvist/">Oskar Lindqvist</a>' in shared
    assert "A name several people bear" not in (actors / "mara-lindqvist.md").read_text(encoding="utf-8")


def relative(name: str, relation: str, of: str) -> Actor:
    return Actor(name=name, type="person", mentions=1, role=relation, relative_of=of)


def test_a_relative_takes_the_full_name_of_given_name_and_family_name_when_the_collection_has_it():
    first = briefing("a", person("Bernie Sanders", 4), relative("Jane", "wife", "Bernie Sanders"))
    second = briefing("b", person("Jane Sanders", 2), person("Jane Harman"))
    resolved = renamed(first, resolve_identities([first, second]))
    assert [a.name for a in resolved.actors] == ["Bernie Sanders", "Jane Sanders"]
    assert resolved.actors[1].relative_of == "Bernie Sanders"


def test_a_relative_is_never_another_bearer_of_the_given_name():
    first = briefing("a", person("Patterson", 3), relative("Patrick", "father", "Patterson"))
    second = briefing("b", person("Dan Patrick", 2), person("Deval Patrick"), person("Patrick Leahy"), person("Jake Patterson"))
    third = briefing("c", person("Kevin Vickers", 3), relative("Bill", "father", "Kevin Vickers"))
    fourth = briefing("d", person("Mara Quist", 3), relative("Bill", "husband", "Mara Quist"), person("Bill Clinton", 5))
    identities = resolve_identities([first, second, third, fourth])
    # the family's own name for him, with whose father he is (under the collection's name for the son)
    assert [a.name for a in renamed(first, identities).actors] == ["Jake Patterson", "Patrick (father of Jake Patterson)"]
    # two fathers called Bill are two people, and neither is Bill Clinton
    assert [a.name for a in renamed(third, identities).actors] == ["Kevin Vickers", "Bill (father of Kevin Vickers)"]
    assert [a.name for a in renamed(fourth, identities).actors] == ["Mara Quist", "Bill (husband of Mara Quist)", "Bill Clinton"]


def test_unnamed_officials_of_different_states_are_never_one_person():
    us = Actor(name="senior US defense official", type="person", role="Defense official", speaks_for="United States")
    israel = Actor(name="senior Israeli military official", type="person", role="Military official", speaks_for="Israel")
    spokesperson = Actor(name="US Army spokesperson", type="person", role="Army spokesperson", speaks_for="US Army")
    other = Actor(name="US State Department spokesperson", type="person", role="Spokesperson", speaks_for="US State Department")
    first, second = briefing("a", us, spokesperson), briefing("b", israel, other)
    identities = resolve_identities([first, second])
    assert [a.name for a in renamed(first, identities).actors] == ["senior US defense official", "US Army spokesperson"]
    assert [a.name for a in renamed(second, identities).actors] == ["senior Israeli military official", "US State Department spokesperson"]


def test_a_relative_is_never_renamed_into_the_person_whose_relative_they_are():
    family = briefing("a", person("Trump", 4), relative("Donald", "son", "Trump"))
    identities = resolve_identities([family, briefing("b", person("Donald Trump", 9))])
    assert [a.name for a in renamed(family, identities).actors] == ["Donald Trump", "Donald (son of Donald Trump)"]


def test_a_title_of_rule_keeps_a_given_name_from_other_bearers_but_finds_the_numbered_monarch():
    royal = briefing("a", person("Queen Elizabeth", 3), person("Pope Francis", 2))
    others = briefing("b", person("Elizabeth II", 2), person("Elizabeth Warren", 6), person("Francis Gary Powers"))
    identities = resolve_identities([royal, others])
    assert [a.name for a in renamed(royal, identities).actors] == ["Elizabeth II", "Pope Francis"]
    senator = briefing("c", person("Elizabeth Warren", 6))
    assert [a.name for a in renamed(royal, resolve_identities([royal, senator])).actors] == ["Queen Elizabeth", "Pope Francis"]


ARTICLE_FATHER = """Dairy owner runs for the legislature

Jake Patterson, who runs the family dairy outside Hartland, has filed papers to run for the provincial legislature.

Patterson said he wants to carry on the work of his father, Patrick, who started the dairy in 1971.

Voters in the riding go to the polls in October.
"""

ARTICLE_LIEUTENANT_GOVERNOR = """Senate passes property tax cap

Lieutenant Governor Dan Patrick said on Tuesday that the Senate had passed a cap on property taxes.

"Homeowners have waited long enough," Dan Patrick told reporters in Austin.
"""


@pytest.mark.slow
def test_a_father_named_patrick_has_his_own_page_apart_from_dan_patrick(tmp_path, run_cli):
    project, _ = build_articles(tmp_path, run_cli, {"dairy.txt": ARTICLE_FATHER, "senate.txt": ARTICLE_LIEUTENANT_GOVERNOR})
    actors = project / "docs" / "actors"
    pages = {p.name: p.read_text(encoding="utf-8") for p in actors.glob("*.md")}
    assert "patrick.md" not in pages
    father = pages["patrick-father-of-jake-patterson.md"]
    assert "briefings/dairy-owner-runs" in father and "briefings/senate-passes" not in father
    assert "briefings/dairy-owner-runs" not in pages["dan-patrick.md"]
