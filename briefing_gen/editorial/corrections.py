"""Editors' corrections from the front matter of `notes/<slug>.md`, applied after every extraction.

Extraction runs again whenever an article, the model or the code changes, so an editor cannot fix
its output in place: the fix would be lost on the next build. Instead the notes file says what to
change (the schema is documented in `templates/note.md.j2` and the README), and every build applies
it to freshly extracted briefings. Validation happens before anything is written and names the notes
file and the key, one line per problem, like MkDocs does for `mkdocs.yml`. A correction that no
longer matches anything (a claim whose text changed, an actor no longer found) is reported as a
warning on every build until the editor updates the notes: never dropped silently.

Front matter keys (all optional):

    status: draft | reviewed | published
    tags: [extra, tags]
    actors:                  # by the actor's name as the briefing shows it
      NAME: {rename: NEW NAME} | {merge: OTHER ACTOR} | {drop: true} | {type: TYPE, role: ROLE}
    claims:                  # by claim id
      c-0123456789: {drop: true} | {claimant: NAME, kind: KIND}
    verdicts:                # by claim id
      c-0123456789: VERDICT | {verdict: VERDICT, note: short Markdown}
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from briefing_gen.errors import FileProblems
from briefing_gen.model import ACTOR_TYPES, CLAIM_KINDS, Actor, Briefing, Claim
from briefing_gen.whitespace import fold_space

STATUSES = ("draft", "reviewed", "published")
VERDICTS = ("confirmed", "disputed", "false", "unverified")
AUTHOR = "author"  # the claimant name extraction uses for the article's own author
KNOWN_KEYS = ("status", "tags", "actors", "claims", "verdicts")
ACTOR_KEYS = ("rename", "merge", "drop", "type", "role")
CLAIM_KEYS = ("drop", "claimant", "kind")
VERDICT_KEYS = ("verdict", "note")


class CorrectionsError(FileProblems):
    """Invalid corrections in a notes file. `problems`: one line each, naming the file and the key."""


@dataclass
class ActorCorrection:
    rename: str | None = None
    merge: str | None = None
    drop: bool = False
    type: str | None = None
    role: str | None = None
    clear_role: bool = False  # `role: null` or `role: ""` removes an extracted role


@dataclass
class ClaimCorrection:
    drop: bool = False
    claimant: str | None = None
    kind: str | None = None


@dataclass
class Verdict:
    verdict: str
    note: str = ""  # one paragraph of the editor's Markdown


@dataclass
class Corrections:
    """The validated corrections of one notes file (`where` names it in messages)."""

    where: str = ""
    status: str | None = None
    tags: list[str] = field(default_factory=list)
    actors: dict[str, ActorCorrection] = field(default_factory=dict)
    claims: dict[str, ClaimCorrection] = field(default_factory=dict)
    verdicts: dict[str, Verdict] = field(default_factory=dict)


# Validation -----------------------------------------------------------------------------------------


class _Problems:
    def __init__(self, where: str):
        self.where = where
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, key: str, message: str) -> None:
        self.errors.append(f"{self.where}: '{key}': {message}")

    def warning(self, key: str, message: str) -> None:
        self.warnings.append(f"{self.where}: '{key}': {message}")


def describe(value) -> str:
    """What an editor wrote, said plainly in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{value!r} (a yes/no value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"{value!r} (a number)"
    return repr(value)


def as_text(value) -> str | None:
    """An editor's value as one line of text (a number written bare is its digits); None when it
    is no text at all."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    return fold_space(value)


def _text(problems: _Problems, key: str, value, what: str) -> str | None:
    text = as_text(value)
    if text is None:
        problems.error(key, f"expected {what} (text), got {describe(value)}")
    return text


def _choice(problems: _Problems, key: str, value, choices: tuple[str, ...]) -> str | None:
    if value not in choices:
        problems.error(key, f"expected one of {', '.join(choices)}, got {describe(value)}")
        return None
    return value


def _mapping(problems: _Problems, key: str, value, what: str) -> dict | None:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.error(key, f"expected a mapping of {what}, got {describe(value)}")
        return None
    return value


def _entry_key(problems: _Problems, key: str, name) -> str | None:
    """A mapping key as text: YAML reads `No:` as false and `2024:` as a number."""
    if isinstance(name, str) and name.strip():
        return name.strip()
    problems.error(f"{key}.{name}", "this key is not text; put it in quotes")
    return None


def _unknown_keys(problems: _Problems, key: str, entry: dict, known: tuple[str, ...]) -> None:
    for name in entry:
        if name not in known:
            problems.error(f"{key}.{name}", f"unrecognised key (expected {', '.join(known)})")


def _drop_flag(problems: _Problems, key: str, value) -> bool:
    if value is not True and value is not False:
        problems.error(key, f"expected true, got {describe(value)}")
        return False
    return value


def validate_corrections(metadata: dict, where: str) -> tuple[Corrections, list[str]]:
    """The corrections of one notes file's front matter, and warnings about keys it ignores.

    Raises `CorrectionsError` listing every problem found, so an editor fixes them in one go.
    """
    problems = _Problems(where)
    corrections = Corrections(where=where)
    for name in metadata:
        if name not in KNOWN_KEYS:
            problems.warning(str(name), f"unrecognised key, ignored (corrections use {', '.join(KNOWN_KEYS)})")

    if metadata.get("status") is not None:
        corrections.status = _choice(problems, "status", metadata["status"], STATUSES)

    tags = metadata.get("tags")
    if tags is not None:
        if isinstance(tags, list):
            for index, tag in enumerate(tags):
                value = _text(problems, f"tags.{index}", tag, "a tag")
                if value and value not in corrections.tags:
                    corrections.tags.append(value)
        else:
            problems.error("tags", f"expected a list of tags, got {describe(tags)}")

    actors = _mapping(problems, "actors", metadata.get("actors"), "actor names to corrections") or {}
    for raw_name, entry in actors.items():
        name = _entry_key(problems, "actors", raw_name)
        if name is not None:
            corrections.actors[name] = _actor_correction(problems, f"actors.{name}", entry)

    claims = _mapping(problems, "claims", metadata.get("claims"), "claim ids to corrections") or {}
    for raw_id, entry in claims.items():
        claim_id = _entry_key(problems, "claims", raw_id)
        if claim_id is not None:
            corrections.claims[claim_id] = _claim_correction(problems, f"claims.{claim_id}", entry)

    verdicts = _mapping(problems, "verdicts", metadata.get("verdicts"), "claim ids to verdicts") or {}
    for raw_id, entry in verdicts.items():
        claim_id = _entry_key(problems, "verdicts", raw_id)
        if claim_id is not None:
            verdict = _verdict(problems, f"verdicts.{claim_id}", entry)
            if verdict is not None:
                corrections.verdicts[claim_id] = verdict

    if problems.errors:
        raise CorrectionsError(problems.errors)
    return corrections, problems.warnings


def _actor_correction(problems: _Problems, key: str, entry) -> ActorCorrection:
    correction = ActorCorrection()
    if not isinstance(entry, dict) or not entry:
        problems.error(key, f"expected a mapping with one of {', '.join(ACTOR_KEYS)}, got {describe(entry)}")
        return correction
    _unknown_keys(problems, key, entry, ACTOR_KEYS)
    if "drop" in entry:
        correction.drop = _drop_flag(problems, f"{key}.drop", entry["drop"])
    if "rename" in entry:
        correction.rename = _text(problems, f"{key}.rename", entry["rename"], "the new name")
    if "merge" in entry:
        correction.merge = _text(problems, f"{key}.merge", entry["merge"], "the name of the actor to merge into")
    if "type" in entry:
        correction.type = _choice(problems, f"{key}.type", entry["type"], ACTOR_TYPES)
    if "role" in entry:
        if entry["role"] is None or entry["role"] == "":
            correction.clear_role = True
        else:
            correction.role = _text(problems, f"{key}.role", entry["role"], "a role")
    actions = [name for name in ("rename", "merge", "drop") if name in entry and entry[name] not in (None, False)]
    if len(actions) > 1:
        problems.error(key, f"use only one of rename, merge and drop (got {', '.join(actions)})")
    elif actions and actions[0] in ("merge", "drop") and {"type", "role"} & set(entry):
        problems.error(key, f"'{actions[0]}' cannot be combined with type or role")
    return correction


def _claim_correction(problems: _Problems, key: str, entry) -> ClaimCorrection:
    correction = ClaimCorrection()
    if not isinstance(entry, dict) or not entry:
        problems.error(key, f"expected a mapping with one of {', '.join(CLAIM_KEYS)}, got {describe(entry)}")
        return correction
    _unknown_keys(problems, key, entry, CLAIM_KEYS)
    if "drop" in entry:
        correction.drop = _drop_flag(problems, f"{key}.drop", entry["drop"])
    if "claimant" in entry:
        correction.claimant = _text(problems, f"{key}.claimant", entry["claimant"], "the name of who makes the claim")
    if "kind" in entry:
        correction.kind = _choice(problems, f"{key}.kind", entry["kind"], CLAIM_KINDS)
    if correction.drop and (correction.claimant or correction.kind):
        problems.error(key, "'drop' cannot be combined with claimant or kind")
    return correction


def _verdict_value(value):
    """YAML reads an unquoted `false` as a yes/no value; here it can only mean the verdict."""
    return "false" if value is False else value


def _verdict(problems: _Problems, key: str, entry) -> Verdict | None:
    if isinstance(entry, str) or entry is None or isinstance(entry, bool):
        value = _choice(problems, key, _verdict_value(entry), VERDICTS)
        return Verdict(value) if value else None
    if not isinstance(entry, dict):
        problems.error(key, f"expected a verdict ({', '.join(VERDICTS)}) or a mapping with verdict and note, got {describe(entry)}")
        return None
    _unknown_keys(problems, key, entry, VERDICT_KEYS)
    value = _choice(problems, f"{key}.verdict", _verdict_value(entry.get("verdict")), VERDICTS)
    note = entry.get("note")
    if note is None:
        note = ""
    elif not isinstance(note, str):
        problems.error(f"{key}.note", f"expected a short Markdown text, got {describe(note)}")
        note = ""
    elif re.search(r"\n[ \t]*\n", note.strip()):
        problems.error(f"{key}.note", "expected one paragraph (it is shown next to the claim); put longer text in the notes body")
        note = ""
    return Verdict(value, fold_space(note)) if value else None


# Applying -------------------------------------------------------------------------------------------


@dataclass
class Applied:
    """A briefing with corrections applied, and one warning per correction that matched nothing."""

    briefing: Briefing
    warnings: list[str] = field(default_factory=list)


def apply_corrections(briefing: Briefing, corrections: Corrections) -> Applied:
    """A corrected copy of `briefing`; the extracted one is left as it was (`serve` reuses it)."""
    where = corrections.where
    warnings: list[str] = []
    actors = [replace(actor, aliases=list(actor.aliases)) for actor in briefing.actors]
    claims = [replace(claim, about=list(claim.about)) for claim in briefing.claims]
    actors_changed = False

    # Actors: renames first, so a merge may name an actor by its new name.
    renamed: dict[str, str] = {}
    for name, correction in corrections.actors.items():
        actor = _find_actor(actors, name)
        if actor is None:
            warnings.append(f"{where}: 'actors.{name}': no actor '{name}' in this briefing (any more); correction not applied")
            continue
        actors_changed = True
        if correction.rename:
            renamed[actor.name] = correction.rename
            actor.name = correction.rename
        if correction.type:
            actor.type = correction.type
        if correction.role:
            actor.role = correction.role
        elif correction.clear_role:
            actor.role = None
    for old, new in renamed.items():
        _reassign_claims(claims, old, new)
    actors = _merge_same_names(actors)

    for name, correction in corrections.actors.items():
        if not (correction.merge or correction.drop):
            continue
        actor = _find_actor(actors, name)
        if actor is None:
            continue  # reported above
        if correction.drop:
            actors.remove(actor)
            _forget_actor(claims, actor.name)
            continue
        target = _find_actor(actors, correction.merge)
        if target is None or target is actor:
            warnings.append(
                f"{where}: 'actors.{name}.merge': no other actor '{correction.merge}' in this briefing; "
                "correction not applied (use rename for a name the briefing does not list)"
            )
            continue
        _merge_into(target, actor)
        actors.remove(actor)
        _reassign_claims(claims, actor.name, target.name)

    # Claims, by id.
    claims_changed = False
    for claim_id, correction in corrections.claims.items():
        claim = next((c for c in claims if c.id == claim_id), None)
        if claim is None:
            warnings.append(f"{where}: 'claims.{claim_id}': no claim with this id in this briefing (any more); correction not applied")
            continue
        claims_changed = True
        if correction.drop:
            claims.remove(claim)
            continue
        if correction.claimant:
            known = _find_actor(actors, correction.claimant)
            claim.claimant = AUTHOR if correction.claimant.casefold() == AUTHOR else (known.name if known else correction.claimant)
            claim.confidence = 1.0  # an editor said who it is: no longer to review
        if correction.kind:
            claim.kind = correction.kind

    ids = {claim.id for claim in claims}
    for claim_id in corrections.verdicts:
        if claim_id not in ids:
            dropped = claim_id in corrections.claims and corrections.claims[claim_id].drop
            reason = "that claim is dropped by this file" if dropped else "no claim with this id in this briefing (any more)"
            warnings.append(f"{where}: 'verdicts.{claim_id}': {reason}; verdict not shown")

    if actors_changed or claims_changed:
        _tidy_about(claims, actors)
    key_points = briefing.key_points
    if actors_changed or claims_changed:
        key_points = _recount_key_points(claims, briefing.summary, actors)
    corrected = replace(briefing, actors=actors, claims=claims, key_points=key_points)
    return Applied(briefing=corrected, warnings=warnings)


def _find_actor(actors: list[Actor], name: str) -> Actor | None:
    """The actor called `name` (case does not matter), else the one with `name` as an alias."""
    folded = name.casefold()
    for actor in actors:
        if actor.name.casefold() == folded:
            return actor
    for actor in actors:
        if any(alias.casefold() == folded for alias in actor.aliases):
            return actor
    return None


def _merge_into(target: Actor, actor: Actor) -> None:
    target.mentions += actor.mentions
    for alias in [actor.name, *actor.aliases]:
        if alias != target.name and alias not in target.aliases:
            target.aliases.append(alias)
    target.role = target.role or actor.role


def _merge_same_names(actors: list[Actor]) -> list[Actor]:
    """One actor per name after renames (renaming onto an existing actor merges the two)."""
    merged: list[Actor] = []
    for actor in actors:
        same = next((kept for kept in merged if kept.name.casefold() == actor.name.casefold()), None)
        if same is None:
            merged.append(actor)
        else:
            _merge_into(same, actor)
    return merged


def _reassign_claims(claims: list[Claim], old: str, new: str) -> None:
    """Claims by `old` become claims by `new`, and claims about `old` claims about `new`."""
    for claim in claims:
        if claim.claimant == old:
            claim.claimant = new
        if old in claim.about:
            claim.about = [new if name == old else name for name in claim.about]


def _forget_actor(claims: list[Claim], name: str) -> None:
    """A dropped actor is no actor: claims are no longer about it (its own claims keep its name)."""
    for claim in claims:
        if name in claim.about:
            claim.about = [other for other in claim.about if other != name]


def _tidy_about(claims: list[Claim], actors: list[Actor]) -> None:
    """After renames, merges and new claimants: each claim's `about` names each actor once, as the
    briefing now spells it, and never the claimant."""
    spelling = {actor.name.casefold(): actor.name for actor in actors}
    for claim in claims:
        about: list[str] = []
        for name in claim.about:
            name = spelling.get(name.casefold(), name)
            if name.casefold() != claim.claimant.casefold() and name not in about:
                about.append(name)
        claim.about = about


def _recount_key_points(claims: list[Claim], summary: list[str], actors: list[Actor]) -> list[str]:
    """Key points again from the corrected claims, so a dropped claim or old name does not linger."""
    from briefing_gen.extract.actors import ActorSet
    from briefing_gen.extract.reference import ReferenceIndex
    from briefing_gen.extract.summary import key_points

    return key_points(claims, summary, ActorSet(actors=actors, token_actor={}, mentions=[], reference=ReferenceIndex()))
