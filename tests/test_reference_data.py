"""Checks of the reference data in briefing_gen/data: countries.yml, organizations.yml, media.yml.

The files are loaded with `yaml.safe_load` and checked for shape (required keys, types, no value
that YAML turned into a bool or a number), for uniqueness (no name twice, no alias shared by two
entries unless both mark it `ambiguous`), for cross-references (`country` values name an entry of
countries.yml), for the facts that actor resolution relies on, and that countries.yml is what
tools/make_countries.py makes of its packages and countries_extra.yml.
"""
from __future__ import annotations

import difflib
import importlib.util
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "briefing_gen" / "data"
FILES = ("countries", "organizations", "media")

REQUIRED = {
    "countries": {"name": str, "alternative_names": list, "capital": str,
                  "seats_of_government": list, "demonyms": list},
    "organizations": {"name": str, "type": str, "abbreviations": list, "alternative_names": list,
                      "country": (str, type(None))},
    "media": {"name": str, "alternative_names": list},
}
OPTIONAL = {
    "countries": {"capital_variants": list, "ambiguous": list},
    "organizations": {"ambiguous": list, "seats": list},
    "media": {"country": str, "ambiguous": list},
}
# Keys whose strings are names by which an entry can be mentioned.
ALIAS_KEYS = ("name", "alternative_names", "abbreviations", "capital", "capital_variants",
              "seats_of_government", "demonyms")
ORG_TYPES = {"organization", "group"}

UN_MEMBERS = """
Afghanistan; Albania; Algeria; Andorra; Angola; Antigua and Barbuda; Argentina; Armenia; Australia;
Austria; Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin; Bhutan;
Bolivia; Bosnia and Herzegovina; Botswana; Brazil; Brunei; Bulgaria; Burkina Faso; Burundi; Cambodia;
Cameroon; Canada; Cape Verde; Central African Republic; Chad; Chile; China; Colombia; Comoros;
Republic of the Congo; Democratic Republic of the Congo; Costa Rica; Ivory Coast; Croatia; Cuba; Cyprus;
Czech Republic; Denmark; Djibouti; Dominica; Dominican Republic; East Timor; Ecuador; Egypt;
El Salvador; Equatorial Guinea; Eritrea; Estonia; Eswatini; Ethiopia; Fiji; Finland; France; Gabon;
Gambia; Georgia; Germany; Ghana; Greece; Grenada; Guatemala; Guinea; Guinea-Bissau; Guyana; Haiti;
Honduras; Hungary; Iceland; India; Indonesia; Iran; Iraq; Ireland; Israel; Italy; Jamaica; Japan;
Jordan; Kazakhstan; Kenya; Kiribati; Kuwait; Kyrgyzstan; Laos; Latvia; Lebanon; Lesotho; Liberia;
Libya; Liechtenstein; Lithuania; Luxembourg; Madagascar; Malawi; Malaysia; Maldives; Mali; Malta;
Marshall Islands; Mauritania; Mauritius; Mexico; Federated States of Micronesia; Moldova; Monaco;
Mongolia; Montenegro; Morocco; Mozambique; Myanmar; Namibia; Nauru; Nepal; Netherlands; New Zealand;
Nicaragua; Niger; Nigeria; North Korea; North Macedonia; Norway; Oman; Pakistan; Palau; Panama;
Papua New Guinea; Paraguay; Peru; Philippines; Poland; Portugal; Qatar; South Korea; Romania; Russia;
Rwanda; Saint Kitts and Nevis; Saint Lucia; Saint Vincent and the Grenadines; Samoa; San Marino;
São Tomé and Príncipe; Saudi Arabia; Senegal; Serbia; Seychelles; Sierra Leone; Singapore; Slovakia;
Slovenia; Solomon Islands; Somalia; South Africa; South Sudan; Spain; Sri Lanka; Sudan; Suriname;
Sweden; Switzerland; Syria; Tajikistan; Tanzania; Thailand; Togo; Tonga; Trinidad and Tobago; Tunisia;
Turkey; Turkmenistan; Tuvalu; Uganda; Ukraine; United Arab Emirates; United Kingdom; United States;
Uruguay; Uzbekistan; Vanuatu; Venezuela; Vietnam; Yemen; Zambia; Zimbabwe
"""
UN_MEMBER_NAMES = [n.strip() for n in UN_MEMBERS.replace("\n", " ").split(";")]
NON_MEMBER_STATES = ["Taiwan", "Kosovo", "Palestine", "Vatican City"]


def norm(s: str) -> str:
    """Fold a string for collision checks: accents, case, dots and spacing do not tell names apart."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace(".", "").replace("’", "'")
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def data() -> dict[str, list[dict]]:
    return {f: yaml.safe_load((DATA / f"{f}.yml").read_text(encoding="utf-8")) for f in FILES}


def aliases(entry: dict) -> list[str]:
    out: list[str] = []
    for key in ALIAS_KEYS:
        value = entry.get(key)
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            out.extend(v for v in value if isinstance(v, str))  # non-strings: see clean-strings test
    return out


@pytest.fixture(scope="module")
def index(data) -> dict[str, set[tuple[str, str]]]:
    """Folded alias -> {(file, canonical name)}, the lookup a resolver would build."""
    idx: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for f, entries in data.items():
        for e in entries:
            for a in aliases(e):
                idx[norm(a)].add((f, e["name"]))
    return idx


def resolve(index, alias: str) -> set[tuple[str, str]]:
    return index.get(norm(alias), set())


def entry(data, f: str, name: str) -> dict:
    matches = [e for e in data[f] if e["name"] == name]
    assert len(matches) == 1, f"{f}: expected one entry named {name!r}, found {len(matches)}"
    return matches[0]


# --- Shape -------------------------------------------------------------------------------------

@pytest.mark.parametrize("f", FILES)
def test_file_starts_with_explanatory_comment(f):
    text = (DATA / f"{f}.yml").read_text(encoding="utf-8")
    assert text.startswith("#")
    header = text.split("\n- ", 1)[0]
    assert "actors.yml" in header and "Schema" in header


@pytest.mark.parametrize("f", FILES)
def test_entries_have_required_keys_and_types(data, f):
    entries = data[f]
    assert isinstance(entries, list) and entries
    required, optional = REQUIRED[f], OPTIONAL[f]
    for e in entries:
        assert isinstance(e, dict), e
        where = f"{f}: {e.get('name')!r}"
        for key, typ in required.items():
            assert key in e, f"{where} lacks {key}"
            assert isinstance(e[key], typ), f"{where}: {key} is {type(e[key]).__name__}"
        for key, typ in optional.items():
            if key in e:
                assert isinstance(e[key], typ), f"{where}: {key} is {type(e[key]).__name__}"
        unknown = set(e) - set(required) - set(optional)
        assert not unknown, f"{where} has unknown keys {sorted(unknown)}"


@pytest.mark.parametrize("f", FILES)
def test_all_strings_are_clean_strings(data, f):
    """Catches YAML turning NO/ON/YES into booleans, numbers into ints, and stray whitespace."""
    for e in data[f]:
        for key, value in e.items():
            items = value if isinstance(value, list) else [value]
            for item in items:
                if item is None and key == "country":
                    continue
                assert isinstance(item, str), f"{f}: {e.get('name')!r}.{key} holds {item!r}"
                assert item and item == item.strip() and "  " not in item, (
                    f"{f}: {e.get('name')!r}.{key} holds {item!r}")


@pytest.mark.parametrize("f", FILES)
def test_no_duplicates_within_a_list(data, f):
    for e in data[f]:
        for key, value in e.items():
            if isinstance(value, list):
                assert len(value) == len(set(value)), f"{f}: {e['name']!r}.{key} repeats an item"


def test_organization_types(data):
    for e in data["organizations"]:
        assert e["type"] in ORG_TYPES, f"{e['name']!r} has type {e['type']!r}"


# --- Uniqueness --------------------------------------------------------------------------------

def test_names_are_unique_across_files(data):
    seen: dict[str, str] = {}
    for f, entries in data.items():
        for e in entries:
            key = norm(e["name"])
            assert key not in seen, f"{e['name']!r} in {f} is also a name in {seen[key]}"
            seen[key] = f


def test_ambiguous_lists_only_aliases_of_their_entry(data):
    for f, entries in data.items():
        for e in entries:
            own = {norm(a) for a in aliases(e)}
            for a in e.get("ambiguous", []):
                assert norm(a) in own, f"{f}: {e['name']!r} marks {a!r}, which is not its alias"


def test_no_alias_maps_to_two_entries_unless_marked_ambiguous(data, index):
    ambiguous = {(f, e["name"]): {norm(a) for a in e.get("ambiguous", [])}
                 for f, entries in data.items() for e in entries}
    clashes = []
    for alias, owners in index.items():
        if len(owners) > 1:
            unmarked = sorted(o for o in owners if alias not in ambiguous[o])
            if unmarked:
                clashes.append((alias, sorted(owners), unmarked))
    assert not clashes, "aliases shared by several entries, not marked ambiguous:\n" + "\n".join(
        f"  {a!r}: {owners} (unmarked in {unmarked})" for a, owners, unmarked in clashes)


# --- Cross-references and coverage -------------------------------------------------------------

def test_country_references_exist(data):
    countries = {e["name"] for e in data["countries"]}
    for f in ("organizations", "media"):
        for e in data[f]:
            c = e.get("country")
            if c is not None:
                assert c in countries, f"{f}: {e['name']!r} names unknown country {c!r}"


def test_all_un_member_states_and_common_others_present(data):
    assert len(UN_MEMBER_NAMES) == 193
    names = {e["name"] for e in data["countries"]}
    missing = [n for n in UN_MEMBER_NAMES + NON_MEMBER_STATES if n not in names]
    assert not missing, f"missing states: {missing}"
    extra = names - set(UN_MEMBER_NAMES) - set(NON_MEMBER_STATES)
    assert not extra, f"unexpected states: {sorted(extra)}"


def test_sizes(data):
    assert len(data["countries"]) == 197
    assert len(data["organizations"]) >= 120
    assert len(data["media"]) >= 100


# --- Facts an analyst relies on ----------------------------------------------------------------

@pytest.mark.parametrize("alias, country", [
    ("Moscow", "Russia"), ("Kremlin", "Russia"), ("the Kremlin", "Russia"),
    ("Russian", "Russia"), ("Russians", "Russia"), ("Russian Federation", "Russia"),
    ("Kyiv", "Ukraine"), ("Kiev", "Ukraine"), ("Ukrainian", "Ukraine"),
    ("Washington", "United States"), ("White House", "United States"),
    ("the White House", "United States"), ("US", "United States"), ("U.S.", "United States"),
    ("USA", "United States"), ("America", "United States"), ("American", "United States"),
    ("Americans", "United States"), ("Washington, D.C.", "United States"),
    ("Berlin", "Germany"), ("German", "Germany"), ("Germans", "Germany"),
    ("Beijing", "China"), ("Peking", "China"), ("PRC", "China"), ("Chinese", "China"),
    ("Zhongnanhai", "China"),
    ("London", "United Kingdom"), ("UK", "United Kingdom"), ("Britain", "United Kingdom"),
    ("Downing Street", "United Kingdom"), ("British", "United Kingdom"),
    ("Paris", "France"), ("Élysée", "France"), ("Elysee", "France"), ("French", "France"),
    ("Amsterdam", "Netherlands"), ("The Hague", "Netherlands"), ("Dutch", "Netherlands"),
    ("La Paz", "Bolivia"), ("Pretoria", "South Africa"),
    ("DPRK", "North Korea"), ("Pyongyang", "North Korea"), ("ROK", "South Korea"),
    ("UAE", "United Arab Emirates"), ("Tehran", "Iran"), ("Israeli", "Israel"),
    ("Taipei", "Taiwan"), ("Pristina", "Kosovo"), ("Holy See", "Vatican City"),
    ("Czechia", "Czech Republic"), ("Türkiye", "Turkey"), ("Burma", "Myanmar"),
])
def test_country_spot_checks(index, alias, country):
    assert ("countries", country) in resolve(index, alias), f"{alias!r} does not resolve to {country}"


def test_netherlands_lists_the_hague_as_seat(data):
    nl = entry(data, "countries", "Netherlands")
    assert nl["capital"] == "Amsterdam"
    assert "The Hague" in nl["seats_of_government"]


def test_ukraine_capital_spellings(data):
    ua = entry(data, "countries", "Ukraine")
    assert ua["capital"] == "Kyiv" and "Kiev" in ua.get("capital_variants", [])


def test_pentagon_is_not_a_seat_of_the_us_state(data):
    us = entry(data, "countries", "United States")
    assert "Pentagon" not in aliases(us) and "the Pentagon" not in aliases(us)


@pytest.mark.parametrize("alias", ["EU", "the EU", "European Union", "Council of the European Union",
                                   "the Council of the European Union"])
def test_eu_aliases(index, alias):
    assert resolve(index, alias) == {("organizations", "European Union")}


def test_duma_is_the_russian_state_duma(data, index):
    assert resolve(index, "Duma") == {("organizations", "State Duma")}
    assert resolve(index, "the Duma") == {("organizations", "State Duma")}
    assert entry(data, "organizations", "State Duma")["country"] == "Russia"


@pytest.mark.parametrize("alias, name", [
    ("NATO", "NATO"), ("North Atlantic Treaty Organization", "NATO"),
    ("UN", "United Nations"), ("UNSC", "UN Security Council"), ("WHO", "World Health Organization"),
    ("IMF", "IMF"), ("ECB", "European Central Bank"), ("Pentagon", "Pentagon"),
    ("Department of Defense", "Pentagon"), ("CIA", "CIA"), ("Bundestag", "Bundestag"),
    ("ICC", "International Criminal Court"), ("ICJ", "International Court of Justice"),
    ("Daesh", "ISIS"), ("ISIL", "ISIS"), ("Hezbollah", "Hezbollah"), ("Hamas", "Hamas"),
    ("Wagner Group", "Wagner Group"), ("State Department", "US State Department"),
])
def test_organization_spot_checks(index, alias, name):
    assert ("organizations", name) in resolve(index, alias), f"{alias!r} does not resolve to {name}"


@pytest.mark.parametrize("name, typ", [
    ("Hamas", "group"), ("Hezbollah", "group"), ("Taliban", "group"), ("ISIS", "group"),
    ("Wagner Group", "group"), ("NATO", "organization"), ("European Union", "organization"),
])
def test_organization_types_spot_checks(data, name, typ):
    assert entry(data, "organizations", name)["type"] == typ


@pytest.mark.parametrize("name, country", [
    ("US Congress", "United States"), ("Pentagon", "United States"), ("CIA", "United States"),
    ("FBI", "United States"), ("Bundestag", "Germany"), ("Knesset", "Israel"),
    ("NATO", None), ("United Nations", None), ("European Union", None),
])
def test_organization_country_spot_checks(data, name, country):
    assert entry(data, "organizations", name)["country"] == country


@pytest.mark.parametrize("alias, name", [
    ("CBS", "CBS News"), ("CBS News", "CBS News"), ("AP", "Associated Press"),
    ("Associated Press", "Associated Press"), ("AFP", "Agence France-Presse"), ("Reuters", "Reuters"),
    ("TASS", "TASS"), ("RIA Novosti", "RIA Novosti"), ("Xinhua", "Xinhua"), ("CNN", "CNN"),
    ("BBC", "BBC"), ("NYT", "The New York Times"), ("New York Times", "The New York Times"),
    ("Washington Post", "The Washington Post"), ("Guardian", "The Guardian"), ("RT", "RT"),
    ("Russia Today", "RT"), ("Al Jazeera", "Al Jazeera"), ("Spiegel", "Der Spiegel"),
    ("FT", "Financial Times"), ("Kommersant", "Kommersant"), ("Izvestia", "Izvestia"),
    ("Global Research", "Global Research"), ("Indian Punchline", "Indian Punchline"),
    ("Strategic Culture Foundation", "Strategic Culture Foundation"), ("CTV News", "CTV News"),
    ("CBC", "CBC News"),
])
def test_media_spot_checks(index, alias, name):
    assert resolve(index, alias) == {("media", name)}, f"{alias!r} -> {resolve(index, alias)}"


def test_abc_is_marked_ambiguous_between_us_and_australia(data, index):
    assert resolve(index, "ABC") == {("media", "ABC News"),
                                     ("media", "Australian Broadcasting Corporation")}
    for name in ("ABC News", "Australian Broadcasting Corporation"):
        assert "ABC" in entry(data, "media", name)["ambiguous"]


@pytest.mark.parametrize("name, marked", [
    ("Georgia", "Georgia"), ("Jordan", "Jordan"), ("Chad", "Chad"), ("Maldives", "Male"),
    ("India", "Indian"), ("Seychelles", "Victoria"), ("Jamaica", "Kingston"),
    ("Guyana", "Georgetown"),
])
def test_ambiguous_country_strings_are_marked(data, name, marked):
    assert marked in entry(data, "countries", name).get("ambiguous", [])


# --- countries.yml is generated: tools/make_countries.py -------------------------------------------

TOOL = Path(__file__).resolve().parents[1] / "tools" / "make_countries.py"


@pytest.fixture(scope="module")
def make_countries():
    spec = importlib.util.spec_from_file_location("make_countries", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_countries_yml_is_what_the_generator_makes(make_countries):
    """Needs the packages of requirements-test.txt (skipped without them; CI has them)."""
    pytest.importorskip("pycountry")
    pytest.importorskip("countryinfo")
    made = make_countries.render()
    checked_in = (DATA / "countries.yml").read_text(encoding="utf-8")
    if made != checked_in:
        diff = list(difflib.unified_diff(checked_in.splitlines(), made.splitlines(), "checked in", "generated", lineterm=""))
        pytest.fail("countries.yml is not what `python tools/make_countries.py` makes from "
                    f"{', '.join(make_countries.versions().values())}:\n" + "\n".join(diff[:60]))


def test_extra_file_lists_every_state_of_countries_yml(make_countries, data):
    states = make_countries.read_extra((DATA / "countries_extra.yml").read_text(encoding="utf-8"))
    assert len(states) == len(data["countries"])
    for (code, additions), entry in zip(states.items(), data["countries"]):
        assert additions.get("name", entry["name"]) == entry["name"], code


@pytest.mark.parametrize("adjective, plural", [
    ("Russian", "Russians"), ("Iraqi", "Iraqis"), ("Cypriot", "Cypriots"), ("Greek", "Greeks"),
    ("Icelander", "Icelanders"), ("Argentine", "Argentines"), ("Filipino", "Filipinos"),
    ("Nigerien", "Nigeriens"), ("Chinese", None), ("British", None), ("French", None), ("Swiss", None),
    ("Malagasy", None), ("Basotho", None), ("I-Kiribati", None), ("Ni-Vanuatu", None),
])
def test_demonym_plurals(make_countries, adjective, plural):
    assert make_countries.plural(adjective) == plural


FACTS = {"name": "Ruritania", "names": ["Kingdom of Ruritania"], "capital": "Old Strelsau",
         "demonyms": ["Ruritanian", "Ruritanians", "Strelsau"]}


def test_merge_adds_ours_to_the_packages(make_countries):
    entry, notes = make_countries.merge("RT", {
        "capital": "Strelsau", "seats_of_government": ["the Palace"], "alternative_names": ["Ruri"],
        "demonyms": ["Rurito"], "drop": ["Kingdom of Ruritania"], "ambiguous": ["Ruri"], "notes": {"capital": "Moved in 1900."},
    }, FACTS)
    assert entry == {  # the package's old capital kept as a variant; "Strelsau" is no demonym
        "name": "Ruritania", "alternative_names": ["Ruri"], "capital": "Strelsau",
        "seats_of_government": ["the Palace"], "capital_variants": ["Old Strelsau"],
        "demonyms": ["Ruritanian", "Ruritanians", "Rurito"], "ambiguous": ["Ruri"],
    }
    assert notes == {"capital": ["Moved in 1900."]}


@pytest.mark.parametrize("extra, message", [
    ({"ambiguous": ["Zenda"]}, "not strings of Ruritania"),
    ({"capitol": "Zenda"}, "unknown keys"),
])
def test_merge_refuses_mistakes(make_countries, extra, message):
    with pytest.raises(ValueError, match=message):
        make_countries.merge("RT", extra, FACTS)


@pytest.mark.parametrize("text, message", [
    ("states:\n  RT: {}\n  RT: {}\n", "given twice"),
    ("states:\n  NO: {}\n", "not an ISO 3166-1 alpha-2 code"),
])
def test_extra_file_mistakes_are_refused(make_countries, text, message):
    with pytest.raises(ValueError, match=message):
        make_countries.read_extra(text)


# --- subdivisions.yml is generated: tools/make_subdivisions.py -------------------------------------


def test_subdivisions_yml_is_what_the_generator_makes():
    """Needs pycountry of requirements-test.txt (skipped without it; CI has it)."""
    pytest.importorskip("pycountry")
    spec = importlib.util.spec_from_file_location("make_subdivisions", TOOL.with_name("make_subdivisions.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = module.render()
    checked_in = (DATA / "subdivisions.yml").read_text(encoding="utf-8")
    assert made == checked_in, "subdivisions.yml is not what `python tools/make_subdivisions.py` makes"
    names = yaml.safe_load(checked_in)
    assert {"New Brunswick", "Prince Edward Island"} <= set(names["CA"]) and "Maharashtra" in names["IN"]
