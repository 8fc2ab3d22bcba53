"""Reference data about actors: the project's files in `briefing_gen/data/` and the editor's `actors.yml`.

Everything ends up in one `ReferenceIndex` mapping a written name (`Moscow`, `the Kremlin`, `EU`,
`Russians`) to a canonical actor. The editor's file is loaded last, so what it says wins.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from briefing_gen.addresses import web_address
from briefing_gen.errors import FileProblems
from briefing_gen.model import ACTOR_TYPES
from briefing_gen.whitespace import fold_space

_DATA_FILES = ("countries.yml", "organizations.yml", "media.yml")


class ReferenceError(FileProblems):
    """An invalid `actors.yml`: `problems` holds one line per problem, each naming the file and the actor."""


@dataclass
class ReferenceActor:
    name: str
    type: str
    description: str | None = None
    link: str | None = None
    from_editor: bool = False
    aliases: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class AliasHit:
    actor: ReferenceActor
    kind: str  # name, alias, capital, seat, demonym
    ambiguous: bool = False


def alias_key(text: str) -> str:
    """The lookup key of a written name: case-folded, without a leading "the", apostrophes unified."""
    text = fold_space(text.replace("’", "'")).strip(" .,;:")
    lowered = text.casefold()
    if lowered.startswith("the "):
        lowered = lowered[4:]
    return lowered


class ReferenceIndex:
    def __init__(self) -> None:
        self.actors: dict[str, ReferenceActor] = {}
        self._aliases: dict[str, list[AliasHit]] = {}
        self._case_sensitive: dict[str, str] = {}
        self._seats: dict[str, str] = {}  # a city's key -> the organisation it stands for when it speaks
        self.fingerprint_parts: list[bytes] = []

    # Building -----------------------------------------------------------------------------------

    def add(self, name: str, type_: str, *, description=None, link=None, from_editor=False) -> ReferenceActor:
        actor = self.actors.get(name)
        if actor is None:
            actor = ReferenceActor(name=name, type=type_, description=description, link=link, from_editor=from_editor)
            self.actors[name] = actor
        else:
            actor.type = type_ if from_editor or not actor.type else actor.type
            actor.description = description or actor.description
            actor.link = link or actor.link
            actor.from_editor = actor.from_editor or from_editor
        self.add_alias(actor, name, "name")
        return actor

    def add_alias(self, actor: ReferenceActor, alias: str, kind: str, ambiguous: bool = False) -> None:
        alias = str(alias).strip()
        if not alias:
            return
        key = alias_key(alias)
        hits = self._aliases.setdefault(key, [])
        if actor.from_editor:
            # The editor's word replaces whatever the shipped data said about this name.
            hits[:] = [hit for hit in hits if hit.actor.from_editor]
        if all(hit.actor is not actor for hit in hits):
            hits.append(AliasHit(actor=actor, kind=kind, ambiguous=ambiguous))
        if alias.isupper() and len(alias) <= 5:
            self._case_sensitive[key] = alias
        if kind != "demonym":
            actor.aliases.add(alias)

    # Looking up ---------------------------------------------------------------------------------

    def lookup(self, text: str) -> AliasHit | None:
        """The canonical actor for a written name, or None when unknown or ambiguous between actors."""
        key = alias_key(text)
        hits = self._aliases.get(key)
        if not hits:
            return None
        stripped = text.strip()
        if key in self._case_sensitive and stripped.removeprefix("the ").removeprefix("The ") != self._case_sensitive[key]:
            # "US" is the United States, "us" is not.
            return None
        editor_hits = [hit for hit in hits if hit.actor.from_editor]
        if editor_hits:
            return editor_hits[0]
        distinct = {hit.actor.name for hit in hits}
        if len(distinct) > 1:
            return None
        return hits[0]

    def seat_of(self, text: str) -> AliasHit | None:
        """The organisation a city stands for when it speaks ("Brussels said": the EU)."""
        name = self._seats.get(alias_key(text))
        return self.lookup(name) if name else None

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for part in self.fingerprint_parts:
            digest.update(part)
        return digest.hexdigest()[:16]


def load_reference(editor_file: Path | None = None) -> ReferenceIndex:
    index = ReferenceIndex()
    data_dir = resources.files("briefing_gen.data")
    for file_name in _DATA_FILES:
        entry = data_dir / file_name
        if not entry.is_file():
            continue
        text = entry.read_text(encoding="utf-8")
        index.fingerprint_parts.append(text.encode())
        _load_shipped(index, file_name, yaml.safe_load(text) or [])
    if editor_file is not None and editor_file.is_file():
        text = editor_file.read_text(encoding="utf-8")
        index.fingerprint_parts.append(text.encode())
        load_editor_actors(index, text, str(editor_file))
    return index


def _load_shipped(index: ReferenceIndex, file_name: str, entries: list[dict]) -> None:
    for entry in entries:
        if file_name == "countries.yml":
            actor = index.add(entry["name"], "state")
            ambiguous = {str(a).casefold() for a in entry.get("ambiguous") or []}
            for kind, values in (
                ("alias", entry.get("alternative_names")),
                ("capital", [entry.get("capital")] if entry.get("capital") else []),
                ("capital", entry.get("capital_variants")),
                ("seat", entry.get("seats_of_government")),
                ("demonym", entry.get("demonyms")),
            ):
                for value in values or []:
                    index.add_alias(actor, value, kind, ambiguous=str(value).casefold() in ambiguous)
            if entry["name"].casefold() in ambiguous:
                index._aliases[alias_key(entry["name"])] = [
                    AliasHit(h.actor, h.kind, True) for h in index._aliases[alias_key(entry["name"])]
                ]
        else:
            type_ = entry.get("type") or ("media" if file_name == "media.yml" else "organization")
            actor = index.add(entry["name"], type_)
            ambiguous = {str(a).casefold() for a in entry.get("ambiguous") or []}
            for value in [*(entry.get("abbreviations") or []), *(entry.get("alternative_names") or [])]:
                index.add_alias(actor, value, "alias", ambiguous=str(value).casefold() in ambiguous)
            if entry["name"].casefold() in ambiguous:
                index._aliases[alias_key(entry["name"])] = [
                    AliasHit(h.actor, h.kind, h.actor is actor or h.ambiguous) for h in index._aliases[alias_key(entry["name"])]
                ]
            for seat in entry.get("seats") or []:
                index._seats[alias_key(seat)] = actor.name


def load_editor_actors(index: ReferenceIndex, text: str, where: str) -> None:
    """Load an editor's `actors.yml`: a list of actors (or `actors:` holding one). Every entry is
    checked before any is used, and `ReferenceError` lists every problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ReferenceError([f"{where}: invalid YAML: {str(error).splitlines()[0]}"]) from None
    if isinstance(data, dict):
        data = data.get("actors")
    if data is None:
        return
    if not isinstance(data, list):
        raise ReferenceError([f"{where}: expected a list of actors"])
    problems: list[str] = []
    for number, entry in enumerate(data, start=1):
        problems.extend(f"{where}: {problem}" for problem in _actor_entry_problems(entry, number))
    if problems:
        raise ReferenceError(problems)
    for entry in data:
        actor = index.add(
            entry["name"].strip(), entry.get("type", "other"), description=entry.get("description"), link=web_address(entry.get("link")),
            from_editor=True,
        )
        for alias in entry.get("aliases") or []:
            index.add_alias(actor, str(alias), "alias")


def _actor_entry_problems(entry, number: int) -> list[str]:
    """What is wrong with the `number`th entry of actors.yml, one line each (none: it can be used)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
        return [f"actor #{number} needs a 'name'"]
    name, problems = entry["name"], []
    type_ = entry.get("type", "other")
    if type_ not in ACTOR_TYPES:
        problems.append(f"actor '{name}' has type '{type_}', expected one of {', '.join(ACTOR_TYPES)}")
    if not isinstance(entry.get("aliases") or [], list):
        problems.append(f"actor '{name}': 'aliases' must be a list")
    description, link = entry.get("description"), entry.get("link")
    if description is not None and not isinstance(description, str):
        problems.append(f"actor '{name}': 'description' must be text, not {description!r}")
    if link is not None and (not isinstance(link, str) or web_address(link) is None):
        problems.append(f"actor '{name}': 'link' must be a web address (http or https), not {link!r}")
    return problems
