"""One person, one name across the whole collection.

Each article is extracted on its own, so one briefing calls a man "Putin" and the next "Vladimir
Putin"; one writes "Donald J. Trump", another "Arseny" where a third has "Arseniy". Before the
pages are made, this step gives every person one name over all briefings:

- full names that differ only in middle initials, honorifics, a possessive or transliteration
  ("Arseniy"/"Arseny", "Zelensky"/"Zelenskyy") share a key, and take the form most briefings use;
  a first name that is a nickname ("Bob", "Ted") joins the one full form it is short for;
- a relative the article names only by a given name ("his father, Patrick") is the full name
  of that given name and the surname of whose relative they are, when the collection names such a
  person ("his wife, Jane" of Bernie Sanders: Jane Sanders); otherwise the page says whose
  relative it is ("Patrick (father of Jake Patterson)"), and no other Patrick shares it;
- a given name with a title of rule ("Queen Elizabeth", "Pope Francis") is the one numbered
  monarch of that name the collection names ("Elizabeth II"), and otherwise stays as written;
- a one-word name takes the full name of the one person in the collection whose first or last
  name it is; when two people share it ("Kim"), it stays as written and the ambiguity is reported
  for the editor, unless one of them is named in full in far more briefings than all the others
  together ("Obama" in election news is Barack Obama, not Michelle): then it is that person, and
  the editor is told so.

It runs over the extracted briefings on every build (a new article re-resolves the names without
re-extracting the others) and returns renamed copies: the extracted briefings are not changed.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources

import yaml
from nicknames import NickNamer
from text_unidecode import unidecode

from briefing_gen.extract.names import first_name_gender, has_regnal_title, is_name_suffix
from briefing_gen.model import Actor, Briefing

_INITIAL = re.compile(r"^[A-Z]\.?$")


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """Words before a name that are not part of it (read here, not through `extract.parse`, so a
    cached rebuild never imports spaCy)."""
    text = (resources.files("briefing_gen.data") / "language.yml").read_text(encoding="utf-8")
    words = {w.lower().rstrip(".") for w in yaml.safe_load(text)["honorifics"]}
    return frozenset(words | {"president", "prime", "minister", "senator", "governor", "mayor", "general", "chancellor", "king", "queen", "ag"})


def fold_word(word: str) -> str:
    """A word as transliterations agree on it: ASCII, lower case, doubled letters single, a
    final "iy", "ii" or "yy" as "y" (Arseniy, Arsenii and Arseny; Zelenskyy and Zelensky), "x"
    as "ks", a final "ander" as "andr" and an opening "ye" as "e" (Olexander and Oleksandr;
    Yevgeny and Evgeny)."""
    word = unidecode(word).lower()
    word = re.sub(r"[^a-z]", "", word)
    if len(word) > 3:
        # Olexander, Oleksander and Oleksandr; Yevgeny and Evgeny
        word = re.sub(r"^ye", "e", re.sub(r"ander$", "andr", word.replace("x", "ks")))
    word = re.sub(r"(.)\1+", r"\1", word)
    return re.sub(r"(?:iy|ii|yi|i)$", "y", word) if len(word) > 3 else word


_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "al", "el", "bin", "ibn", "ter", "ten"}
_INITIALS = re.compile(r"^(?:[A-Z]\.?){1,3}$")  # "G.W.", "RW", "J."


def name_words(name: str) -> list[str]:
    """The words of a person's name without honorifics, middle initials or a possessive; a
    particle stays with the surname it belongs to ("Louis van Gaal": Louis, van Gaal)."""
    name = re.sub(r"['’‘]s$", "", name.strip())
    name = re.sub(r"(?<=\w)-(?=[a-z])", " ", name)  # "Ban Ki-moon" is "Ban Ki Moon" written with a hyphen
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _honorifics():
        words = words[1:]  # "President Donald Trump"; a surname that is also a title stays ("Charlie King")
    words = [w for i, w in enumerate(words) if i == 0 or not _INITIAL.match(w)]  # a first initial is kept
    if len(words) >= 3 and _INITIALS.match(words[0]) and len(words[1]) > 2 and words[1][:1].isupper():
        words = words[1:]  # "N.J. Roger Ailes": a dateline's state before the name
    joined: list[str] = []
    for word in words:
        if joined and joined[-1].lower() in _PARTICLES:
            joined[-1] = f"{joined[-1]} {word}"
        else:
            joined.append(word)
    return joined


def _middle_initials(name: str) -> str:
    """The letters of a name's middle initials, sorted: "HW" for "George H.W. Bush" and "George
    W.H. Bush", "W" for "George W. Bush", "" for "George Bush"."""
    words = [w for w in name.split()[1:-1] if _INITIALS.match(w) and not is_name_suffix(w)]
    return "".join(sorted(c for w in words for c in w if c.isalpha()))


def _apart_by_middle_initials(forms: dict[str, Counter]) -> tuple[dict[str, Counter], dict[str, list[str]]]:
    """Names that share a key but give different middle initials are different people ("George
    H.W. Bush", "George W. Bush", "George P. Bush"); the form with none ("George Bush") could be
    any of them and stays apart, under its own key, which is returned with the keys of the people
    it could be. One set of initials alone ("Donald J. Trump" beside "Donald Trump") is one
    person, as before."""
    apart: dict[str, Counter] = {}
    bare: dict[str, list[str]] = {}
    for key, written in forms.items():
        initials = {_middle_initials(form) for form in written} - {""}
        if len(initials) < 2:
            apart[key] = written
            continue
        first, _, last = key.partition(" ")
        for form, count in written.items():
            middle = _middle_initials(form).lower()
            apart.setdefault(f"{first} {middle} {last}" if middle else key, Counter())[form] += count
        if key in apart:
            bare[key] = sorted(f"{first} {middle.lower()} {last}" for middle in initials)
    return apart, bare


def _has_extras(name: str) -> bool:
    """An honorific or a middle initial: the plain form is the better page name."""
    return any(_INITIAL.match(w) for w in name.split()[1:]) or name.split()[0].lower().rstrip(".") in _honorifics()


def _initials_only(words: list[str]) -> bool:
    """ "G.W. Bush", "RW Tillerson": a first name given only by its initials."""
    return len(words) == 2 and bool(_INITIALS.match(words[0]))


def person_key(name: str) -> str:
    """First and last name, folded: "Donald J. Trump", "President Donald Trump" and "Donald
    Trump's" share one key."""
    words = [w for w in name_words(name) if not is_name_suffix(w)] or name_words(name)
    if not words:
        return fold_word(name)
    if len(words) == 1:
        return fold_word(words[0])
    return f"{fold_word(words[0])} {fold_word(words[-1])}"


@dataclasses.dataclass
class Identities:
    """The name each person name of the collection is shown under, and the names left ambiguous."""

    names: dict[str, str]
    ambiguous: dict[str, list[str]]  # a one-word name -> the full names it could be
    prominent: dict[str, tuple[str, list[str]]] = dataclasses.field(default_factory=dict)  # a shared one-word name -> (the person taken, the others)
    nicknames: dict[tuple[str, str], str] = dataclasses.field(default_factory=dict)  # (name with a nickname, the full name) -> the name shown
    by_role: dict[tuple[str, str], str] = dataclasses.field(default_factory=dict)  # (shared one-word name, role head) -> the one bearer with that role
    bearers_of_bare: dict[str, list[str]] = dataclasses.field(default_factory=dict)  # "George Bush" -> "George H.W. Bush", "George W. Bush", ...
    briefing_counts: dict[str, int] = dataclasses.field(default_factory=dict)  # full name -> briefings naming that person in full
    bare_left: Counter = dataclasses.field(default_factory=Counter)  # "George Bush" -> briefings where it stays apart
    bare_taken: Counter = dataclasses.field(default_factory=Counter)  # ("George Bush", "George H.W. Bush") -> briefings
    by_key: dict[str, str] = dataclasses.field(default_factory=dict)  # person_key of a full name -> its collection name

    def name_of(self, name: str) -> str:
        return self.names.get(name, name)

    def warnings(self) -> list[str]:
        kept_apart = [
            f"actor '{single}' could be {' or '.join(full)}: kept apart; rename it in the notes file of the briefings that mean one of them"
            for single, full in sorted(self.ambiguous.items())
        ]
        taken = [
            f"actor '{single}' taken as {person}, named in far more briefings than {' or '.join(others)}; rename it in the notes file of a briefing that means another"
            for single, (person, others) in sorted(self.prominent.items())
        ]
        joined = [
            f"actors '{nickname}' and '{full}' taken as one person, {shown} ('{name_words(nickname)[0]}' is short for '{name_words(full)[0]}'); "
            "rename it in the notes file of a briefing that means someone else"
            for (nickname, full), shown in sorted(self.nicknames.items())
        ]
        bare_apart = [
            f"actor '{name}' could be {' or '.join(self.bearers_of_bare[name])}: kept apart in {count} briefing(s); "
            "rename it in the notes file of the briefings that mean one of them"
            for name, count in sorted(self.bare_left.items())
        ]
        bare_taken = [
            f"actor '{name}' taken as {person} in {count} briefing(s) that name the others apart; "
            "rename it in the notes file of a briefing that means another"
            for (name, person), count in sorted(self.bare_taken.items())
        ]
        return kept_apart + taken + joined + bare_apart + bare_taken

    def shared_names(self) -> dict[str, list[str]]:
        """The names kept apart in some briefing because several people bear them, with those
        people: for the pages of these names to say so."""
        return {**self.ambiguous, **{name: self.bearers_of_bare[name] for name in self.bare_left}}

    def bearer_of_bare(self, name: str, present: set[str]) -> str | None:
        """The person a full name without middle initials means in one briefing, when the
        collection knows several people of that name who differ in them ("George Bush": George
        H.W. Bush or George W. Bush): as for a shared one-word name, the one named in full in far
        more briefings than the others. A briefing that names some of them apart ("Prescott Bush,
        George Bush and George W. Bush") means one of the others by the bare name, so only those
        count there. A bearer named in few briefings is never taken, even when no other is left:
        that "John Kennedy" beside "John F. Kennedy" is not the senator John N. Kennedy, named once."""
        bearers = set(self.bearers_of_bare.get(name, ())) - present
        return _prominent(bearers, Counter(self.briefing_counts)) if bearers else None

    def name_of_relative(self, actor: Actor, of: str) -> str:
        """The name of a person known only as `of`'s relative by a given name: the collection's
        full name of that given name and `of`'s surname, or the given name with the relation."""
        surname = [w for w in name_words(of) if not is_name_suffix(w)][-1:]
        full = self.by_key.get(person_key(f"{actor.name} {surname[0]}")) if surname and len(name_words(of)) > 1 else None
        if full is not None and person_key(full) != person_key(of):  # a son Donald is not Donald Trump
            return full
        return f"{actor.name} ({actor.role or 'relative'} of {of})"


PROMINENT_SHARE = 5  # a shared one-word name goes to the person named in this many times the briefings of all the others
PROMINENT_MIN = 5  # ... and in at least this many briefings


def resolve_identities(briefings: list[Briefing]) -> Identities:
    forms: dict[str, Counter] = defaultdict(Counter)  # key of a full name -> its written forms
    singles: set[str] = set()
    regnal: set[str] = set()
    for briefing in briefings:
        for actor in briefing.actors:
            if actor.type != "person" or actor.relative_of:
                continue  # "his father, Patrick": a name no other person's could be
            if actor.speaks_for is not None:
                continue  # "a senior US defense official": an office as written, no name to join with another's
            if has_regnal_title(actor.name):
                regnal.add(actor.name)  # "Queen Elizabeth": never Elizabeth Warren
                continue
            words = name_words(actor.name)
            if len(words) >= 2 and not _initials_only(words):
                forms[person_key(actor.name)][actor.name] += 1  # each briefing lists an actor once
            elif words:
                singles.add(actor.name)
    forms, bare_keys = _apart_by_middle_initials(forms)
    nicknamed = _join_nicknames(forms)
    names: dict[str, str] = {}
    for written in forms.values():
        # The form most briefings use; on a tie the one without initials or honorifics, then the shortest.
        canonical = min(written, key=lambda form: (-written[form], _has_extras(form), len(form), form))
        for form in written:
            names[form] = canonical
    joined_nicknames = {pair: names[pair[1]] for pair in nicknamed}
    briefing_counts: Counter = Counter()  # canonical name -> briefings naming that person in full
    for written in forms.values():
        briefing_counts[names[next(iter(written))]] += sum(written.values())
    prominently: dict[str, tuple[str, list[str]]] = {}
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for canonical in set(names.values()):
        words = [w for w in name_words(canonical) if not is_name_suffix(w)]
        by_last[fold_word(words[-1])].add(canonical)
        by_first[fold_word(words[0])].add(canonical)
    ambiguous: dict[str, list[str]] = {}
    for single in singles:
        words = name_words(single)
        # News calls people by their surname: "Carson" is the one Carson by surname even when a
        # "Carson Palmer" is named elsewhere; a first name alone ("Bernie") only when no surname fits.
        key = fold_word(words[-1])
        candidates = by_last.get(key) or by_first.get(key, set())
        if _initials_only(words):  # "G.W. Bush": the Bush whose first name starts with G, and middle with W
            letters = [c for c in words[0] if c.isalpha()]
            candidates = {c for c in candidates if name_words(c)[0][:1].upper() == letters[0].upper() and name_words(c)[-1] == words[-1]
                          and (len(letters) == 1 or _middle_initials(c) in ("", "".join(sorted(letters[1:]))))}
        if len(candidates) == 1:
            names[single] = next(iter(candidates))
        elif len(candidates) > 1:
            prominent = _prominent(candidates, briefing_counts)
            if prominent is not None:
                names[single] = prominent
                prominently[single] = (prominent, sorted(candidates - {prominent}))
            else:
                ambiguous[single] = sorted(candidates)
    names.update(_numbered_monarchs(regnal, set(names.values())))
    unknown = {single for single in singles if single not in names and single not in ambiguous}
    by_role = _by_role(briefings, names, ambiguous, unknown)
    bearers = {
        names[next(iter(forms[key]))]: sorted(names[next(iter(forms[other]))] for other in others)
        for key, others in bare_keys.items() if key in forms and all(other in forms for other in others)
    }
    identities = Identities(names={k: v for k, v in names.items() if k != v}, ambiguous=ambiguous, prominent=prominently,
                            nicknames=joined_nicknames, by_role=by_role, bearers_of_bare=bearers,
                            briefing_counts=dict(briefing_counts),
                            by_key=_unique_keys(set(names.values())))
    if bearers:
        for briefing in briefings:
            present = {identities.name_of(a.name) for a in briefing.actors if a.type == "person"}
            for name in present & bearers.keys():
                person = identities.bearer_of_bare(name, present)
                if person is None:
                    identities.bare_left[name] += 1
                else:
                    identities.bare_taken[(name, person)] += 1
    return identities


def _unique_keys(full_names: set[str]) -> dict[str, str]:
    """person_key -> name, for the keys only one name has ("George Bush" fits two Presidents)."""
    keys = Counter(person_key(name) for name in full_names)
    return {person_key(name): name for name in full_names if keys[person_key(name)] == 1}


_NUMBERED = re.compile(r"^(\S+) ([IVX]+)$")  # "Abdullah II", "Elizabeth II"


def _numbered_monarchs(regnal: set[str], full_names: set[str]) -> dict[str, str]:
    """"King Abdullah" is the one numbered monarch of that name the collection names ("Abdullah
    II"); with none or several it stays as written."""
    numbered: dict[str, list[str]] = defaultdict(list)
    for name in full_names:
        if (match := _NUMBERED.match(name)) is not None:
            numbered[fold_word(match.group(1))].append(name)
    found = {}
    for name in regnal:
        bearers = numbered.get(fold_word(name.split()[1]), [])
        if len(bearers) == 1:
            found[name] = bearers[0]
    return found


_ROLE_WORDS = {"rep": "representative", "congressman": "representative", "congresswoman": "representative", "sen": "senator", "gov": "governor"}


def role_head(role: str) -> str:
    """The word a role ends in, as one word for its forms: "Supreme Court Justice" and "Justice"
    are "justice", "Rep." and "Congresswoman" are "representative"."""
    words = re.findall(r"[A-Za-z]+", role)
    word = words[-1].lower() if words else ""
    return _ROLE_WORDS.get(word, word)


def _by_role(briefings: list[Briefing], names: dict[str, str], ambiguous: dict[str, list[str]], unknown: set[str]) -> dict[tuple[str, str], str]:
    """A shared one-word name with a role that only one of its bearers holds in the collection
    ("Justice Kennedy": Anthony M. Kennedy, not John F. Kennedy, the President) is that person, in
    the briefings that give it that role. The office holders of `data/people.yml` count as bearers
    too, so "President Truman" is Harry S. Truman beside an economist Truman, and "Justice
    Brennan" William J. Brennan Jr. even when no briefing names him in full (`unknown` holds the
    one-word names no full name in the collection fits)."""
    if not ambiguous and not unknown:
        return {}
    roles: dict[str, set[str]] = defaultdict(set)  # full name -> the heads of its roles
    asked: set[tuple[str, str]] = set()
    for briefing in briefings:
        for actor in briefing.actors:
            if actor.type != "person" or not actor.role:
                continue
            if actor.name in ambiguous or actor.name in unknown:
                asked.add((actor.name, role_head(actor.role)))
            else:
                roles[names.get(actor.name, actor.name)].add(role_head(actor.role))
    collection_names = {person_key(name): name for name in set(names.values())}
    found = {}
    for single, head in asked:
        holders = {name for name in ambiguous.get(single, []) if head in roles[name]}
        listed = [holder for holder, heads in _office_holders() if head in heads and _surname_key(holder) == _surname_key(single)]
        if len(listed) == 1:  # not two Presidents Bush (whose names differ only in initials, so count them apart)
            holders.add(collection_names.get(person_key(listed[0]), listed[0]))  # as the collection writes them
        if head and len(holders) == 1:
            found[(single, head)] = holders.pop()
    return found


def _surname_key(name: str) -> str:
    words = [w for w in name_words(name) if not is_name_suffix(w)]
    return fold_word(words[-1]) if words else ""


@lru_cache(maxsize=1)
def _office_holders() -> tuple[tuple[str, frozenset[str]], ...]:
    """(name, role heads) of the people in `data/people.yml`."""
    text = (resources.files("briefing_gen.data") / "people.yml").read_text(encoding="utf-8")
    return tuple((entry["name"], frozenset(role_head(role) for role in entry["roles"])) for entry in yaml.safe_load(text)["people"])


MAX_NICKNAME_SENSES = 3  # a nickname short for more names than this ("Bill": Robert, William, ...) joins none


def _join_nicknames(forms: dict[str, Counter]) -> list[tuple[str, str]]:
    """"Bob Menendez" is "Robert Menendez", "Ted Kennedy" "Edward M. Kennedy": a full name whose
    first name is a nickname joins the one name of the collection with the same surname whose
    first name it is short for (by the `nicknames` package's list), and the pair is returned
    for the editor. It stays apart when two names there fit ("Ted" beside both an Edward and a
    Theodore), when the nickname is short for many names ("Bill Gates" is not "Robert Gates"),
    or when the given names are a man's and a woman's."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    first_of: dict[str, str] = {}
    for key, written in forms.items():
        words = name_words(next(iter(written)))
        first_of[key] = unidecode(words[0]).lower().rstrip(".")
        by_surname[key.rsplit(" ", 1)[-1]].append(key)
    joined = []
    for key in sorted(forms):
        if key not in forms:
            continue
        surname = key.rsplit(" ", 1)[-1]
        full_forms = _nicknamer().canonicals_of(first_of[key])
        if len(full_forms) > MAX_NICKNAME_SENSES:
            continue
        targets = [other for other in by_surname[surname] if other != key and other in forms and first_of[other] in full_forms]
        if len(targets) == 1 and _same_gender(first_of[key], first_of[targets[0]]):
            pair = (forms[key].most_common(1)[0][0], forms[targets[0]].most_common(1)[0][0])
            forms[targets[0]].update(forms.pop(key))
            joined.append(pair)
    return joined


def _same_gender(one: str, other: str) -> bool:
    """Not a man's and a woman's given name ("Pat" may be either)."""
    genders = {first_name_gender(one.capitalize()), first_name_gender(other.capitalize())}
    return not {"m", "f"} <= genders


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


def _prominent(candidates: set[str], briefing_counts: Counter) -> str | None:
    """The one person a shared name means in this collection: named in full in far more
    briefings than everyone else who bears it together ("Obama" in a collection with Barack
    Obama in 130 briefings and Michelle Obama in 9). None when it is close ("Bush": Jeb and
    George W.)."""
    ranked = sorted(candidates, key=lambda name: (-briefing_counts[name], name))
    first, others = briefing_counts[ranked[0]], sum(briefing_counts[name] for name in ranked[1:])
    return ranked[0] if first >= PROMINENT_MIN and first >= PROMINENT_SHARE * max(1, others) else None


def renamed(briefing: Briefing, identities: Identities) -> Briefing:
    """A copy of `briefing` with its people under their collection names; two actors that become
    one are merged (mentions added, aliases joined)."""
    here = names_in(briefing, identities)
    if not here:
        return briefing
    merged: dict[str, Actor] = {}
    for actor in briefing.actors:
        name = here.get(actor.name, actor.name)
        aliases = [a for a in [*actor.aliases, actor.name] if a != name]
        if name in merged:
            kept = merged[name]
            kept.mentions += actor.mentions
            kept.aliases = sorted(set(kept.aliases) | set(aliases))
            kept.role = kept.role or actor.role
        else:
            merged[name] = dataclasses.replace(actor, name=name, aliases=sorted(set(aliases)))
    claims = [
        dataclasses.replace(claim, claimant=here.get(claim.claimant, claim.claimant), about=[here.get(n, n) for n in claim.about])
        for claim in briefing.claims
    ]
    return dataclasses.replace(briefing, actors=list(merged.values()), claims=claims)


def names_in(briefing: Briefing, identities: Identities) -> dict[str, str]:
    """The collection name of each person of `briefing` whose name changes. A shared one-word
    name goes to the one bearer with its role here ("Justice Kennedy"); one taken for the
    prominent person stays as written where one of the others is named in full ("Obama" beside
    "Michelle Obama")."""
    people = [a for a in briefing.actors if a.type == "person"]
    present = {identities.name_of(a.name) for a in people}
    left_apart = {single for single, (_, others) in identities.prominent.items() if present & set(others)}
    here = {}
    for actor in people:
        if actor.relative_of:
            continue
        if actor.name in left_apart:
            continue
        name = (identities.by_role.get((actor.name, role_head(actor.role))) if actor.role else None) or identities.name_of(actor.name)
        name = identities.bearer_of_bare(name, present) or name
        if name != actor.name:
            here[actor.name] = name
    for actor in people:
        if actor.relative_of:  # after the others: whose relative it is may be renamed too
            here[actor.name] = identities.name_of_relative(actor, here.get(actor.relative_of, actor.relative_of))
    return here
