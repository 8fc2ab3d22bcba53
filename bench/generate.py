"""Synthetic article collections for benchmarks: realistic layouts, recurring actors, quotes, figures.

Every article is my own template prose: a few dozen recurring people, states and organisations with
their roles, plus one-off people, towns and companies invented per article, so the collection grows
new names the way a real one does. Articles have 300-1,500 words, quotations in straight, curly and
single quotes (some running over two paragraphs), reported speech, "according to", statistics,
predictions and the author's assessments, and dates spread over eighteen months. Three layouts:
plain text (title, byline and date lines, some hard-wrapped paragraphs), the Global Research saved
text layout of `articles/gr-*.txt`, and Markdown with YAML front matter (with headings, lists,
block quotes and links).

Deterministic: article `i` of seed `s` is always the same text, whatever the collection size, so the
first 100 articles of a 1,000-article collection are the 100-article collection.

    python bench/generate.py OUT_DIR --count 1000 [--seed 0]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

# The recurring cast --------------------------------------------------------------------------------

# (name, capital, demonym, region)
STATES = [
    ("Estonia", "Tallinn", "Estonian", "Europe"),
    ("Germany", "Berlin", "German", "Europe"),
    ("Russia", "Moscow", "Russian", "Russia and FSU"),
    ("China", "Beijing", "Chinese", "Asia"),
    ("France", "Paris", "French", "Europe"),
    ("Poland", "Warsaw", "Polish", "Europe"),
    ("Turkey", "Ankara", "Turkish", "Middle East"),
    ("Japan", "Tokyo", "Japanese", "Asia"),
    ("India", "New Delhi", "Indian", "Asia"),
    ("Brazil", "Brasilia", "Brazilian", "Latin America"),
    ("Kazakhstan", "Astana", "Kazakh", "Russia and FSU"),
    ("Uzbekistan", "Tashkent", "Uzbek", "Russia and FSU"),
    ("Kyrgyzstan", "Bishkek", "Kyrgyz", "Russia and FSU"),
    ("Norway", "Oslo", "Norwegian", "Europe"),
    ("Finland", "Helsinki", "Finnish", "Europe"),
    ("Ukraine", "Kyiv", "Ukrainian", "Russia and FSU"),
    ("Iran", "Tehran", "Iranian", "Middle East"),
    ("Egypt", "Cairo", "Egyptian", "Middle East"),
    ("Nigeria", "Abuja", "Nigerian", "Africa"),
    ("Kenya", "Nairobi", "Kenyan", "Africa"),
    ("Mexico", "Mexico City", "Mexican", "Latin America"),
    ("Canada", "Ottawa", "Canadian", "North America"),
    ("Australia", "Canberra", "Australian", "Oceania"),
    ("Indonesia", "Jakarta", "Indonesian", "Asia"),
    ("Vietnam", "Hanoi", "Vietnamese", "Asia"),
    ("South Africa", "Pretoria", "South African", "Africa"),
    ("United States", "Washington", "American", "North America"),
    ("United Kingdom", "London", "British", "Europe"),
]

# (name, short form, kind)
ORGANISATIONS = [
    ("European Commission", "the Commission", "body"),
    ("NATO", "the alliance", "body"),
    ("World Bank", "the bank", "body"),
    ("United Nations", "the UN", "body"),
    ("International Monetary Fund", "the IMF", "body"),
    ("African Union", "the AU", "body"),
    ("World Health Organization", "the WHO", "body"),
    ("OPEC", "the cartel", "body"),
    ("Baltic Survey Centre", "the centre", "research"),
    ("Vilnius Institute for Grid Studies", "the institute", "research"),
    ("Central Asia Rivers Forum", "the forum", "research"),
    ("Pacific Maritime Institute", "the institute", "research"),
    ("Institute for Trade Studies", "the institute", "research"),
    ("Centre for Maritime Security", "the centre", "research"),
    ("Global Grain Council", "the council", "industry"),
    ("Anatolia Pipeline Company", "the company", "industry"),
    ("Northern Grid Authority", "the authority", "industry"),
    ("Meridian Shipping Group", "the group", "industry"),
    ("Caspian Energy Forum", "the forum", "industry"),
    ("Bosphorus University", "the university", "research"),
]

# (name, pronoun, role, affiliation: a state or an organisation above)
PEOPLE = [
    ("Anna Petrova", "she", "Deputy Foreign Minister", "Russia"),
    ("Nikolai Orlov", "he", "Kremlin spokesman", "Russia"),
    ("Kadri Vaher", "she", "Economy Minister", "Estonia"),
    ("Lukas Brenner", "he", "Finance Minister", "Germany"),
    ("Wen Qiu", "she", "Foreign Ministry spokeswoman", "China"),
    ("Marc Delorme", "he", "Trade Minister", "France"),
    ("Piotr Zielinski", "he", "Defence Minister", "Poland"),
    ("Selin Aydin", "she", "Energy Minister", "Turkey"),
    ("Hiroshi Tanabe", "he", "Ambassador", "Japan"),
    ("Priya Raman", "she", "Commerce Secretary", "India"),
    ("Rafael Moura", "he", "Agriculture Minister", "Brazil"),
    ("Dilnoza Rakhimova", "she", "Minister of Water Resources", "Uzbekistan"),
    ("Almaz Tursunbekov", "he", "Energy Minister", "Kyrgyzstan"),
    ("Ingrid Solheim", "she", "Foreign Minister", "Norway"),
    ("Olena Kravets", "she", "Deputy Prime Minister", "Ukraine"),
    ("Rebecca Lorne", "she", "Ambassador", "United States"),
    ("Daniel Okafor", "he", "Finance Minister", "Nigeria"),
    ("Grace Wanjiru", "she", "Trade Secretary", "Kenya"),
    ("Tomas Lindqvist", "he", "Prime Minister", "Finland"),
    ("Helena Marsh", "she", "regional director", "World Bank"),
    ("Maria Esposito", "she", "Commissioner for Energy", "European Commission"),
    ("Kwame Asante", "he", "spokesman", "African Union"),
    ("Lina Ostrauskaite", "she", "energy analyst", "Vilnius Institute for Grid Studies"),
    ("Timur Bekov", "he", "water policy researcher", "Central Asia Rivers Forum"),
    ("Peter Holloway", "he", "maritime law specialist", "Pacific Maritime Institute"),
    ("Sophie Laurent", "she", "senior economist", "Institute for Trade Studies"),
    ("James Whitcombe", "he", "security analyst", "Centre for Maritime Security"),
    ("Yusuf Demir", "he", "chief executive", "Anatolia Pipeline Company"),
    ("Chen Bo", "he", "spokesman", "Global Grain Council"),
    ("Elif Kaya", "she", "professor of international relations", "Bosphorus University"),
    ("Arvid Nystrom", "he", "director", "Northern Grid Authority"),
    ("Camille Roux", "she", "head of research", "Meridian Shipping Group"),
]

AUTHORS = [
    "Henrik Saarinen", "Clara Whitfield", "Aigerim Sadykova", "Oliver Grant", "Sigrid Alvestad",
    "Marta Kowalczyk", "Jonas Weber", "Leila Haddad", "Samuel Adeyemi", "Ana Ribeiro",
    "Thomas Reilly", "Yuki Morimoto", "Ewa Nowak", "David Mensah", "Irina Volkova",
]
OUTLETS = ["Nordic Ledger", "Strategic Review", "Eurasia Monitor", "PolarWatch", "The Harbour Post", "Atlas Dispatch"]

TOPICS = {
    "energy": {
        "projects": ["Amber Link", "Caspian Crossing", "North Sea Hydrogen Line", "Danube Grid Bridge", "Black Sea Corridor"],
        "things": ["subsea power cable", "gas pipeline", "hydrogen pipeline", "interconnector", "transmission line"],
        "goods": ["electricity", "gas", "hydrogen", "wind power", "power"],
        "issues": ["funding", "the route", "transit fees", "security guarantees", "the cost formula"],
        "theme": "Oil and Energy",
    },
    "grain": {
        "projects": ["Black Sea grain corridor", "Danube export route", "Odesa shipping lane", "Caspian food pact"],
        "things": ["shipping corridor", "export route", "grain deal", "inspection regime"],
        "goods": ["wheat", "maize", "grain", "sunflower oil", "fertiliser"],
        "issues": ["inspections", "insurance costs", "port access", "payments", "the quota system"],
        "theme": "Global Economy",
    },
    "water": {
        "projects": ["Tokmozor dam", "Syr Darya water council", "Naryn cascade", "Amu Darya canal"],
        "things": ["hydropower dam", "water-sharing council", "irrigation canal", "reservoir"],
        "goods": ["water", "irrigation water", "electricity", "cotton", "wheat"],
        "issues": ["release schedules", "summer flows", "the reservoir", "flow data", "canal losses"],
        "theme": "Environment",
    },
    "fisheries": {
        "projects": ["Tavaru patrol agreement", "Pacific tuna treaty", "Coral Sea surveillance plan"],
        "things": ["fishing licence", "patrol agreement", "tuna treaty", "surveillance programme"],
        "goods": ["tuna", "fish", "bigeye tuna", "squid"],
        "issues": ["illegal fishing", "licences", "patrol boats", "catch limits", "transponders"],
        "theme": "Law and Justice",
    },
    "sanctions": {
        "projects": ["Mabura arms embargo", "export control list", "asset freeze", "sanctions package"],
        "things": ["arms embargo", "sanctions regime", "asset freeze", "export ban"],
        "goods": ["weapons", "spare parts", "machine tools", "dual-use goods", "oil"],
        "issues": ["enforcement", "exemptions", "the review clause", "humanitarian exemptions"],
        "theme": "US NATO War Agenda",
    },
    "shipping": {
        "projects": ["Northern Sea Route", "Haixing Polar Line", "Arctic container service", "Murmansk terminal"],
        "things": ["shipping route", "container line", "port terminal", "icebreaker fleet"],
        "goods": ["containers", "cargo", "liquefied gas", "iron ore"],
        "issues": ["escort fees", "insurance", "ice conditions", "fuel rules", "port access"],
        "theme": "Global Economy",
    },
    "trade": {
        "projects": ["steel tariff deal", "customs union", "free trade agreement", "digital services tax"],
        "things": ["tariff schedule", "trade agreement", "customs union", "quota system"],
        "goods": ["steel", "aluminium", "cars", "solar panels", "semiconductors"],
        "issues": ["tariffs", "rules of origin", "subsidies", "quotas", "market access"],
        "theme": "Global Economy",
    },
    "elections": {
        "projects": ["presidential election", "constitutional referendum", "parliamentary vote", "electoral reform"],
        "things": ["election", "referendum", "vote", "reform package"],
        "goods": ["ballots", "votes", "campaign funds"],
        "issues": ["turnout", "observers", "campaign finance", "the voter roll", "media access"],
        "theme": "Politics",
    },
}

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
FIRST_NAMES = [
    "Aleksander", "Maja", "Nils", "Fatima", "Oskar", "Leyla", "Juan", "Irene", "Karim", "Sofia", "Viktor",
    "Amara", "Bruno", "Hana", "Erik", "Zeynep", "Pavel", "Nadia", "Kofi", "Lucia", "Mikko", "Ayesha",
    "Rustam", "Greta", "Mateo", "Aliya", "Stefan", "Noor", "Tariq", "Elena", "Jorge", "Saule",
]
SYLLABLES = ["ka", "ven", "dor", "mi", "tal", "ro", "sen", "bar", "li", "nov", "ask", "ur", "ber", "go", "tan", "vik", "sar", "el", "mon", "rud"]
OCCUPATIONS = [
    "a wheat farmer", "a port worker", "a shop owner", "a retired engineer", "a schoolteacher", "a fisherman",
    "a truck driver", "a local councillor", "a nurse", "a student", "an electrician", "a ferry captain",
]
BODIES = [o[0] for o in ORGANISATIONS if o[2] == "body"]
COMPANY_WORDS = ["Logistics", "Energy", "Holdings", "Shipping", "Agro", "Steel", "Power", "Trading"]

# Subjects with the verb forms that agree with them.
QUOTE_SUBJECTS = [
    ("We", "plural"), ("The people of {town}", "plural"), ("Our partners", "plural"), ("Ministers in {capital2}", "plural"),
    ("Our government", "singular"), ("This country", "singular"), ("Nobody in this region", "singular"), ("My ministry", "singular"),
]
QUOTE_VERBS = [
    ("cannot accept", "cannot accept"), ("will not sign", "will not sign"), ("are ready to discuss", "is ready to discuss"),
    ("have never asked for", "has never asked for"), ("will defend", "will defend"), ("do not need", "does not need"),
    ("are not afraid of", "is not afraid of"), ("have waited too long for", "has waited too long for"),
    ("will not pay for", "will not pay for"), ("want to see", "wants to see"),
]
QUOTE_OBJECTS = [
    "a deal that treats us as junior partners", "a formula written in {capital2}", "guarantees without numbers in them",
    "another year of empty promises", "a {thing} that serves someone else's interests", "the right to manage our own {goods}",
    "a fair share of the {goods}", "a plan that nobody has costed", "more talks about talks", "rules that apply to everyone",
    "a {thing} built on borrowed money", "the full text of the agreement",
]
QUOTE_TAILS = ["", " and we will say so at every meeting", ", whatever {capital2} says", " before the end of the year",
               ", and everyone at this table knows it", " without asking our parliament first", " at any price"]
QUOTE_FRAGMENTS = [
    "a military project wearing a green jacket", "a political signal, not a technical one", "the most important practical step in thirty years",
    "a blank cheque", "an insult to the people of {town}", "a trap dressed up as a favour", "long overdue", "dead on arrival",
]
CLAUSES = [
    "the {project} would be finished by {year_future}", "talks with {state2} had made little progress",
    "the money would stay blocked until {state} and {state2} agree on how to split the bill",
    "{state2} had offered to cover part of the cost", "the decision was driven by politics rather than engineering",
    "prices were likely to rise again in the spring", "{capital2} was using the dispute to slow down the {project}",
    "{org} should publish its own assessment of the {project}", "the government would not change its position on {issue}",
    "the first deliveries of {goods} could begin within months", "{state} had been consulted at every stage",
    "the new rules on {issue} were unfair to smaller countries", "the crisis over {issue} could have been avoided",
    "{town} would need help from {org} to cope", "the talks would resume in {city} next month",
]
BACKGROUND = [
    "The {project} was first proposed in {year_past} as part of a wider plan to link the region's {goods} markets.",
    "Construction started in {month} {year_past}, and the first section opened two years later.",
    "{town} lies about {n} kilometres from the border and has long depended on {goods}.",
    "The talks in {city} lasted {hours} hours and ended late on {weekday}.",
    "{state} and {state2} signed a first memorandum on the {project} in {year_past}.",
    "Officials from {small} countries attended the meeting, which took place behind closed doors.",
    "{body} has a secretariat in {city} and a staff of several hundred.",
    "Farmers along the valley grow wheat, cotton and barley on land that was irrigated in Soviet times.",
    "The delegation travelled on to {city} on {weekday} evening.",
    "The dispute over {issue} has simmered since the {project} was announced.",
    "Most of the {goods} passes through {town} before it reaches the coast.",
    "{state} joined {body} in {year_past}, after years of negotiation.",
    "The ministry occupies a grey building near the old harbour in {city}.",
    "Both governments face elections next year, and neither has much room for concessions.",
    "The last round of negotiations collapsed in {month} over the question of {issue}.",
    "The {thing} runs for {n} kilometres through some of the most sparsely populated land in the region.",
    "Engineers from three countries inspected the site in {month}.",
    "Before the crisis, the port of {town} handled most of the region's {goods}.",
    "The road from {town} to the coast was rebuilt in {year_past} with money from {body}.",
    "Trucks queued for {hours} hours at the crossing outside {town} last {month}.",
    "The first shipment of {goods} left the terminal at {town} in {month} {year_past}.",
    "Parliament in {capital} held a closed session on the {project} in {month}.",
    "The river freezes for about four months of the year, which limits traffic to the summer.",
    "Several ministers visited {town} in the spring and toured the construction site.",
    "The consortium behind the {project} includes companies from {small} countries.",
    "An earlier agreement on {issue} expired in {year_past} and was never renewed.",
    "The regional government in {town} has changed hands twice since {year_past}.",
    "Diplomats from both sides met again in {city} at the end of {month}.",
    "The {thing} was designed by a team of engineers from {state} and {state2}.",
    "Local newspapers in {town} have covered the story almost daily since {month}.",
]
STATISTICS = [
    "A survey published {when} by {org} found that {p}% of {demonym}s support the {project}, while only {p2}% want it shelved.",
    "Exports of {goods} fell by {p} percent to ${x} billion in {year_past}.",
    "The {project} is expected to cost €{x} billion, of which {org} has pledged {p} percent.",
    "About {x} million people live in the areas affected by the dispute over {issue}.",
    "{state}'s economy grew by {small}.{digit} per cent last year, according to {body}.",
    "Shipments of {goods} rose to {n},000 tonnes in {month}, the highest level since {year_past}.",
    "Losses from {issue} are estimated at more than ${n} million a year.",
]
PREDICTIONS = [
    "The dispute is likely to widen before the next round of talks.",
    "{state} will probably have to accept a compromise before the end of the year.",
    "The {project} could become the most expensive {thing} ever built in the region.",
    "Unless {capital} and {capital2} find a formula on {issue}, the money may never arrive.",
    "The next review of the {project} is expected to be much harder than this one.",
    "Prices for {goods} would rise sharply if the talks fail.",
]
ASSESSMENTS = [
    "The irony is hard to miss.",
    "Clearly, the decisive voices in this affair are not in {capital} but in {capital2}.",
    "In reality, the {project} has become a test of who sets the rules in the region.",
    "It is difficult to see how the {project} could survive without the support of {state2}.",
    "The problem is that nobody has asked the people of {town} what they think.",
    "Put differently, {issue} is a question of power, not of engineering.",
    "This is a remarkable turn for a {thing} that was sold as a purely commercial venture.",
]
LEADS = [
    "{state} and {state2} {failed_agreed} on {weekday} {on_what} the {project}, a {thing} that was meant to carry {goods} across the region.",
    "The quarrel over the {project}, the {thing} that is supposed to join {state} to {state2}, has left the engineering offices and landed in the foreign ministries.",
    "{org} on {weekday} froze the second tranche of its funding for the {project}, and within hours {capital2} had condemned the decision.",
    "Talks on the {project} broke down in {city} on {weekday} after {state} refused to discuss {issue}.",
    "A new row over {issue} has put the future of the {project} in doubt, only weeks after {state} and {state2} celebrated its launch.",
]
TITLES = [
    "{state} and {state2} Clash Over {Project}",
    "{Project}: How a {Thing} Became a Geopolitical Tripwire",
    "{org} Freezes Money for {Project} as Talks Stall",
    "{surname} Warns {capital2} Over {Issue}",
    "{Issue} Dispute Puts {Project} in Doubt",
    "Why {town} Matters for the {Project}",
    "{state} Rejects {state2}'s Terms on {Issue}",
    "The {Project} and the Politics of {Goods}",
    "{capital} Talks on {Project} End Without a Deal",
]
SUBHEADINGS = ["What happens next", "The arguments", "Background", "Reactions", "The money", "What the figures show"]


@dataclass
class Person:
    name: str
    pronoun: str
    role: str
    affiliation: str

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class Context:
    """Everything one article talks about; sentence templates are filled from it."""

    rng: random.Random
    topic: dict
    states: list[tuple[str, str, str, str]]
    people: list[Person]
    orgs: list[str]
    project: str
    thing: str
    town: str
    published: dt.date
    mentioned: set[str] = field(default_factory=set)
    used: set[str] = field(default_factory=set)

    def pick(self, templates: list[str]) -> str:
        """A template this article has not used yet (any, once all are used)."""
        fresh = [t for t in templates if t not in self.used] or templates
        choice = self.rng.choice(fresh)
        self.used.add(choice)
        return choice

    def slots(self) -> dict[str, str]:
        rng = self.rng
        state, state2 = self.states[0], self.states[1]
        year = self.published.year
        values = {
            "state": state[0],
            "state2": state2[0],
            "capital": state[1],
            "capital2": state2[1],
            "demonym": state[2],
            "city": rng.choice([state[1], state2[1], self.town]),
            "town": self.town,
            "org": _the(rng.choice(self.orgs)),
            "project": self.project,
            "Project": _title_case(self.project),
            "thing": self.thing,
            "Thing": _title_case(self.thing),
            "goods": rng.choice(self.topic["goods"]),
            "issue": rng.choice(self.topic["issues"]),
            "weekday": rng.choice(WEEKDAYS),
            "month": rng.choice(MONTHS),
            "year_past": str(year - rng.randint(1, 12)),
            "year_future": str(year + rng.randint(1, 6)),
            "when": rng.choice(["last week", "on Monday", "in " + rng.choice(MONTHS), "this month"]),
            "n": str(rng.randint(12, 480)),
            "hours": str(rng.randint(3, 30)),
            "digit": str(rng.randint(0, 9)),
            "body": _the(rng.choice(BODIES)),
            "small": str(rng.randint(2, 9)),
            "x": str(rng.randint(1, 95)),
            "p": str(rng.randint(8, 78)),
            "p2": str(rng.randint(5, 30)),
            "failed_agreed": rng.choice(["failed to agree", "agreed", "clashed publicly"]),
            "on_what": rng.choice(["on how to pay for", "to revive", "over the future of"]),
        }
        values["Issue"] = _title_case(values["issue"])
        values["Goods"] = _title_case(values["goods"])
        values["surname"] = self.people[0].surname
        return values

    def fill(self, template: str, sentence: bool = True) -> str:
        text = template.format(**self.slots())
        return text[0].upper() + text[1:] if sentence else text


def _the(name: str) -> str:
    """"the World Bank", but "NATO" and an invented company name stand alone."""
    if name.isupper() or name.split()[-1] in COMPANY_WORDS:
        return name
    return f"the {name}"


def _title_case(text: str) -> str:
    small = {"a", "an", "the", "of", "for", "on", "in", "and", "to"}
    words = text.split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _invented_name(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def _one_off_person(rng: random.Random, town: str) -> Person:
    name = f"{rng.choice(FIRST_NAMES)} {_invented_name(rng, rng.randint(2, 3))}"
    return Person(name, rng.choice(["he", "she"]), rng.choice(OCCUPATIONS) + f" in {town}", town)


# Sentences --------------------------------------------------------------------------------------------


QUOTE_MARKS = {"straight": ('"', '"'), "curly": ("“", "”"), "single": ("'", "'")}


def quote_text(ctx: Context) -> str:
    rng = ctx.rng
    subject, number = rng.choice(QUOTE_SUBJECTS)
    plural, singular = rng.choice(QUOTE_VERBS)
    verb = plural if number == "plural" else singular
    return ctx.fill(f"{subject} {verb} {rng.choice(QUOTE_OBJECTS)}{rng.choice(QUOTE_TAILS)}")


def mention(ctx: Context, person: Person) -> str:
    """A person's first mention with role ("Estonian Economy Minister Kadri Vaher"), then the surname."""
    if person.name in ctx.mentioned:
        return person.surname
    ctx.mentioned.add(person.name)
    state = next((s for s in STATES if s[0] == person.affiliation), None)
    if state is not None and person.role[:1].isupper():
        return f"{state[2]} {person.role} {person.name}"
    if state is None and person.affiliation == ctx.town:
        return f"{person.name}, {person.role},"  # "Maja Torvik, a port worker in Kavendor,"
    return f"{person.name}, {'the' if ctx.rng.random() < 0.5 else 'a'} {person.role} at {_the(person.affiliation)},"


def quote_sentences(ctx: Context, person: Person, marks: str) -> list[str]:
    rng = ctx.rng
    open_, close = QUOTE_MARKS[marks]
    who = mention(ctx, person)
    first_time = who != person.surname
    style = rng.randrange(5)
    if style == 0 and not first_time:
        return [f"{open_}{quote_text(ctx)},{close} {who} said."]
    if style == 1:
        return [f"{who.rstrip(',')} told reporters in {ctx.fill('{city}')} that the plan was {open_}{ctx.fill(rng.choice(QUOTE_FRAGMENTS), False)}.{close}"]
    if style == 2:
        return [f"{open_}{quote_text(ctx)},{close} {who.rstrip(',')} said. {open_}{quote_text(ctx)}.{close}"]
    if style == 3:
        return [f"Speaking after the meeting, {who.rstrip(',')} said: {open_}{quote_text(ctx)}.{close}"]
    return [f"{who.rstrip(',')} described the proposal as {open_}{ctx.fill(rng.choice(QUOTE_FRAGMENTS), False)}.{close}"]


def reported_sentence(ctx: Context, person: Person, again: bool = False) -> str:
    """Reported speech by `person`; `again` when the previous sentence was theirs (a pronoun may do)."""
    rng = ctx.rng
    if again and rng.random() < 0.6:
        who = person.pronoun.capitalize()
    else:
        who = mention(ctx, person)
    clause = ctx.fill(ctx.pick(CLAUSES), False)
    style = rng.randrange(7)
    if style == 0:
        return f"{who} said that {clause}."
    if style == 1:
        return f"{who} argued that {clause}."
    if style == 2:
        return ctx.fill(f"According to {{org}}, {clause}.")
    if style == 3:
        return ctx.fill(f"{{capital2}} rejected the proposal, saying that {clause}.")
    if style == 4:
        return f"{who} warned that {clause}."
    if style == 5:
        return ctx.fill(f"In a statement, {{org}} said that {clause}.")
    return f"{who} added that {clause}."


def paragraph(ctx: Context, kind: str) -> list[str]:
    """One paragraph of the given kind, as a list of sentences (a quote may span paragraphs: see `article`)."""
    rng = ctx.rng
    people = ctx.people
    if kind == "quote":
        person = rng.choice(people)
        marks = rng.choice(["straight", "curly", "curly", "single"])
        sentences = quote_sentences(ctx, person, marks)
        if rng.random() < 0.5:
            sentences.append(reported_sentence(ctx, person, again=True))
        return sentences
    if kind == "reported":
        person = rng.choice(people)
        return [reported_sentence(ctx, person, again=n > 0) for n in range(rng.randint(1, 3))]
    if kind == "statistic":
        return [ctx.fill(ctx.pick(STATISTICS)), ctx.fill(ctx.pick(BACKGROUND))][: rng.randint(1, 2)]
    if kind == "analysis":
        return [ctx.fill(ctx.pick(ASSESSMENTS)), ctx.fill(ctx.pick(PREDICTIONS))][: rng.randint(1, 2)] + (
            [ctx.fill(ctx.pick(BACKGROUND))] if rng.random() < 0.4 else []
        )
    return [ctx.fill(ctx.pick(BACKGROUND)) for _ in range(rng.randint(2, 4))]


# Articles ---------------------------------------------------------------------------------------------


@dataclass
class Block:
    text: str
    kind: str = "paragraph"  # paragraph, heading, item, quote


@dataclass
class SyntheticArticle:
    index: int
    layout: str  # plain, gr, md
    title: str
    author: str
    published: dt.date
    outlet: str
    regions: list[str]
    theme: str
    tags: list[str]
    blocks: list[Block]
    genre: str

    @property
    def words(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)

    @property
    def file_name(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")[:50].rstrip("-")
        extension = "md" if self.layout == "md" else "txt"
        return f"{self.layout}-{self.index:05d}-{slug}.{extension}"


LAYOUTS = ("plain", "gr", "md")
START_DATE = dt.date(2025, 1, 1)
DAYS_SPREAD = 540  # about eighteen months


def make_article(index: int, seed: int = 0) -> SyntheticArticle:
    rng = random.Random(f"{seed}:{index}")
    layout = LAYOUTS[rng.randrange(len(LAYOUTS))]
    topic_name = rng.choice(sorted(TOPICS))
    topic = TOPICS[topic_name]
    states = rng.sample(STATES, 3)
    # People of the chosen states first, then anyone: a story has its protagonists.
    local = [Person(*p) for p in PEOPLE if p[3] in {s[0] for s in states}]
    others = [Person(*p) for p in PEOPLE if p[3] not in {s[0] for s in states}]
    rng.shuffle(local)
    people = local[:3] + rng.sample(others, rng.randint(1, 3))
    town = _invented_name(rng, 2) + rng.choice(["", "sk", "ovo", "abad", "port", "holm"])
    people += [_one_off_person(rng, town) for _ in range(rng.randint(0, 3))]
    orgs = rng.sample([o[0] for o in ORGANISATIONS], 2)
    if rng.random() < 0.5:
        orgs.append(f"{_invented_name(rng, 2)} {rng.choice(COMPANY_WORDS)}")
    published = START_DATE + dt.timedelta(days=rng.randrange(DAYS_SPREAD))
    ctx = Context(
        rng=rng, topic=topic, states=states, people=people, orgs=orgs, project=rng.choice(topic["projects"]),
        thing=rng.choice(topic["things"]), town=town, published=published,
    )
    genre = "analysis" if layout == "gr" else "news"
    target = rng.randint(300, 1500)
    title = ctx.fill(rng.choice(TITLES))
    blocks: list[Block] = [Block(" ".join([ctx.fill(rng.choice(LEADS)), reported_sentence(ctx, people[0])]))]
    weights = (
        {"quote": 3, "reported": 3, "background": 4, "statistic": 2, "analysis": 3}
        if genre == "analysis"
        else {"quote": 4, "reported": 4, "background": 4, "statistic": 2, "analysis": 1}
    )
    kinds, kind_weights = zip(*weights.items())
    words = len(blocks[0].text.split())
    while words < target:
        kind = rng.choices(kinds, kind_weights)[0]
        sentences = paragraph(ctx, kind)
        if kind == "quote" and rng.random() < 0.15:
            # A quotation running over two paragraphs: the first is left open, the next reopens it.
            open_, close = QUOTE_MARKS[rng.choice(["straight", "curly"])]
            person = rng.choice(people[:3])
            first = f"{open_}{quote_text(ctx)},{close} {mention(ctx, person).rstrip(',')} said. {open_}{quote_text(ctx)}."
            second = f"{open_}{quote_text(ctx)}.{close}"
            new = [Block(first), Block(second)]
        elif layout == "md" and kind == "background" and rng.random() < 0.25:
            new = [Block(rng.choice(SUBHEADINGS), "heading"), *[Block(s, "item") for s in sentences]]
        elif layout == "md" and kind == "quote" and rng.random() < 0.2:
            new = [Block(quote_text(ctx) + ".", "quote")]
        else:
            new = [Block(" ".join(sentences))]
        blocks.extend(new)
        words += sum(len(b.text.split()) for b in new)
    tags = sorted({topic_name, states[0][0], states[1][0]})
    return SyntheticArticle(
        index=index, layout=layout, title=title, author=rng.choice(AUTHORS), published=published,
        outlet=rng.choice(OUTLETS), regions=sorted({states[0][3], states[1][3]}), theme=topic["theme"],
        tags=tags, blocks=blocks, genre=genre,
    )


# Layouts ------------------------------------------------------------------------------------------


def _wrap(text: str, rng: random.Random, chance: float) -> str:
    return "\n".join(textwrap.wrap(text, 72)) if rng.random() < chance else text


def _link_first(text: str, phrase: str, url: str) -> str:
    return text.replace(phrase, f"[{phrase}]({url})", 1) if phrase in text else text


def render_plain(article: SyntheticArticle, rng: random.Random) -> str:
    date = f"{MONTHS[article.published.month - 1]} {article.published.day}, {article.published.year}"
    lines = [article.title, f"By {article.author}", date, ""]
    body = [b.text if b.kind != "item" else f"- {b.text}" for b in article.blocks if b.kind != "heading"]
    return "\n".join(lines) + "\n" + "\n\n".join(_wrap(p, rng, 0.3) for p in body) + "\n"


def render_gr(article: SyntheticArticle, rng: random.Random) -> str:
    date = f"{MONTHS[article.published.month - 1]} {article.published.day}, {article.published.year}"
    original = article.published - dt.timedelta(days=rng.randint(0, 3))
    original_date = f"{original.day} {MONTHS[original.month - 1]} {original.year}"
    regions = ", ".join(f"[{r}](#)" for r in article.regions)
    header = f"""

{article.title}

By [{article.author}](#)

Global Research, {date}

[{article.outlet}](#) {original_date}

Region: {regions}

Theme: [{article.theme}](#)

Every Global Research article can be read in 51 languages: choose one from the “Translate Website” menu in the top banner of our home page (desktop version).

To sign up for the Global Research Daily Newsletter (a selection of our articles), [click here](#).

Please follow us on Instagram at [@globalresearch_crg](#).

"""
    body = []
    for block in article.blocks:
        if block.kind == "heading":
            continue
        text = block.text
        if rng.random() < 0.15:
            names = re.findall(r"\b(?:[A-Z][a-z]+ ){1,2}(?:[A-Z][a-z]+)\b", text[1:])
            if names:
                text = _link_first(text, names[0], "#")
        body.append(_wrap(text, rng, 0.15))
    footer = f"""

*

Note to readers: Please use the share buttons above or below. Forward this article to your email lists and crosspost it on your blog or internet forums. Follow us on Instagram at @globalresearch_crg.

Featured image is from {article.outlet}

The original source of this article is [{article.outlet}](#)
Copyright © [{article.author}](#), [{article.outlet}](#), {article.published.year}

[Comment on Global Research Articles on our Facebook page](#)

[Become a Member of Global Research](#)

Articles by: [{article.author}](#)

Disclaimer: The author(s) alone are responsible for the contents of this article. The Centre for Research on Globalization accepts no responsibility for any inaccurate or incorrect statement it contains.
"""
    return header + "\n\n".join(body) + footer


def render_md(article: SyntheticArticle, rng: random.Random) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", article.title.lower()).strip("-")
    front = [
        "---",
        f'title: "{article.title}"',
        f"date: {article.published.isoformat()}",
        f"author: {article.author}",
        "tags:",
        *[f"  - {tag}" for tag in article.tags],
        f"categories: [{article.theme}]",
        f"source: https://example.com/{article.published.year}/{slug}",
        "---",
        "",
    ]
    body = []
    for block in article.blocks:
        if block.kind == "heading":
            body.append(f"## {block.text}")
        elif block.kind == "item":
            body.append(f"- {block.text}")
        elif block.kind == "quote":
            body.append(f"> {block.text}")
        else:
            text = block.text
            if rng.random() < 0.2:
                words = [w for w in text.split() if w[:1].isupper() and w.isalpha()]
                if words:
                    text = _link_first(text, words[-1], f"https://example.com/topics/{words[-1].lower()}")
            body.append(text)
    # Consecutive list items form one list; everything else is separated by a blank line.
    text = "\n".join(front) + "\n"
    previous_item = False
    for number, line in enumerate(body):
        is_item = line.startswith("- ")
        separator = "" if number == 0 else "\n" if previous_item and is_item else "\n\n"
        text += separator + line
        previous_item = is_item
    return text + "\n"


RENDERERS = {"plain": render_plain, "gr": render_gr, "md": render_md}


def render(article: SyntheticArticle, seed: int = 0) -> str:
    rng = random.Random(f"{seed}:{article.index}:layout")
    return RENDERERS[article.layout](article, rng)


def generate(out_dir: Path, count: int, seed: int = 0, start: int = 0) -> list[Path]:
    """Write articles `start .. start+count-1` of `seed` into `out_dir`; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(start, start + count):
        article = make_article(index, seed)
        path = out_dir / article.file_name
        text = render(article, seed)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def edit_article(path: Path, seed: int = 0, revision: int = 1) -> None:
    """A small editorial change to one article: a correction appended as a new last paragraph."""
    rng = random.Random(f"{seed}:edit:{path.name}:{revision}")
    sentence = (
        f"Correction, revision {revision}: an earlier version of this article gave the wrong date for the "
        f"meeting in {rng.choice([s[1] for s in STATES])}; it took place on a {rng.choice(WEEKDAYS)}."
    )
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".txt" and "Global Research," in text[:2000]:
        marker = "\n\n*\n\nNote to readers:"
        text = text.replace(marker, f"\n\n{sentence}{marker}", 1)
    else:
        text = text.rstrip("\n") + f"\n\n{sentence}\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the articles into")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = generate(args.out, args.count, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles, {words} words, in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
