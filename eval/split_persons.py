#!/usr/bin/env python
"""Count the persons whose actor pages a combined site would split over several pages.

    python eval/split_persons.py [CORPUS_DIR] [--from-json FILE] [--only GLOB] [--json OUT]

The articles are found as `eval/evaluate.py` finds them (recursively, every layout, those with
gold) and extracted (`briefing_gen.pipeline.sources.extract_outcomes`, in parallel); or every
briefing of `--from-json` is taken, such as `briefing-gen extract --json` over all of
`../shared/corpus` including polnear-train's unannotated texts. They are
put into the site's own `briefing_gen.site.pages.Collection`, which keys the actor pages (one page
per case-folded actor name, slugs by `assign_actor_slugs`, types from the reference data as the
build applies them).  Of its person pages, two belong to one person when

* (surname) one name is a single word (after dropping honorifics and initials) that is the last
  word of the other ("Trump" / "Donald Trump"), or
* (variant) the names are equal once folded: ASCII transliteration, case, possessive 's, initials
  ("Donald J. Trump"), honorifics and titles ("Mr", "President"), doubled letters and y/i
  ("Arseniy" / "Arseny").

A page whose name ends in a description in brackets, as the site names a relative known only by a
given name ("Patrick (father of Jake Patterson)"), is that person alone: it is none of these.

See eval/README.md.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from eval.evaluate import DEFAULT_CORPUS, corpus_entries, load_precomputed  # noqa: E402

HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lady lord madam monsieur mme herr rev reverend fr father "
    "president vice senator sen rep representative congressman congresswoman gov governor mayor secretary "
    "minister prime chancellor premier king queen prince princess sheikh emir ayatollah pope general gen "
    "col colonel lt captain capt sgt judge justice ambassador chairman chairwoman chief former the "
    "jr sr".split()
)
# Words that start a surname of several words ("van Gaal", "al-Abadi"): such a surname alone is a
# surname-only page too.
SURNAME_PARTICLES = frozenset("van von der den de del della di da dos du le la al el bin ibn ben ter ten mac st".split())


# --------------------------------------------------------------------------------------------
# Name folding and grouping (pure)
# --------------------------------------------------------------------------------------------


def ascii_fold(text: str) -> str:
    """Latin letters for any script (text-unidecode, which the slugs use; accents stripped if absent)."""
    try:
        from text_unidecode import unidecode
    except ImportError:  # pragma: no cover - python-slugify depends on it
        text = unicodedata.normalize("NFKD", text)
        return "".join(ch for ch in text if not unicodedata.combining(ch))
    return unidecode(text)


def fold_word(word: str) -> str:
    """y and i alike, doubled letters once: "arseniy", "arseny" -> "arseni"."""
    return re.sub(r"(.)\1+", r"\1", word.replace("y", "i"))


def name_key(name: str) -> tuple[str, ...]:
    """The words of a person's name with case, transliteration, possessive 's, initials ("J.",
    "RW"), honorifics, doubled letters and y/i folded away."""
    text = ascii_fold(str(name or ""))
    described = re.search(r"\s*\((.+)\)$", text)
    if described:  # "Patrick (father of Jake Patterson)": the description tells this page's person apart
        return (*name_key(text[:described.start()]), f"({described.group(1).casefold()})")
    text = re.sub(r"['\u2019][sS]\b", "", text).replace("'", "").replace(".", ". ")
    words = re.findall(r"[A-Za-z]+", text)
    several = len(words) > 1
    kept = []
    for word in words:
        if len(word) == 1 or (several and len(word) == 2 and word.isupper()):
            continue  # an initial, with or without its dot
        folded = word.casefold()
        if folded not in HONORIFICS:
            kept.append(fold_word(folded))
    return tuple(kept)


def surname_of(key: tuple[str, ...]) -> bool:
    """The key is a surname alone: one word, or a particle and a word ("van gal")."""
    return len(key) == 1 or (len(key) == 2 and key[0] in SURNAME_PARTICLES)


def name_words(name: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", str(name))


def initials_fit(short: str, full: str) -> bool:
    """A name whose given names are initials ("P.J. Tucker", "E. J. Fleming") can be the full
    name only when its first initial is the full name's first letter (not "Chris Tucker")."""
    given = [w for w in re.findall(r"[A-Za-z]+", ascii_fold(short).replace(".", ". ")) if w.casefold() not in HONORIFICS][:-1]
    words = [w for w in re.findall(r"[A-Za-z]+", ascii_fold(full)) if w.casefold() not in HONORIFICS]
    if not given or not all(len(w) <= 2 and w.isupper() for w in given) or not words:
        return True
    return given[0][0] == words[0][0].upper()


def middle_initials(name: str) -> str:
    """The sorted letters of the initials between a name's first and last word ("HW" for "George
    H.W. Bush" and "George W.H. Bush")."""
    words = [w for w in str(name).split()[1:-1] if re.fullmatch(r"(?:[A-Z]\.?){1,3}", w) and w.casefold().rstrip(".") not in {"ii", "iii", "iv"}]
    return "".join(sorted(c for w in words for c in w if c.isalpha()))


def compatible_initials(one: str, other: str) -> bool:
    """Two forms of one name can be one person unless both give middle initials and these differ:
    "Donald J. Trump" is "Donald Trump", but "George H.W. Bush" is not "George W. Bush"."""
    a, b = middle_initials(one), middle_initials(other)
    return not a or not b or a == b


def split_groups(names: list[str]) -> list[dict]:
    """Groups of person-page names that look like one person; each `{"names", "reasons",
    "ambiguous"}` (reasons: `surname`, `variant`; ambiguous: the group holds full names with
    different first words, e.g. a bare surname shared by two people).  Groups sorted by name."""
    names = list(dict.fromkeys(n for n in names if n))
    keys = {n: name_key(n) for n in names}
    parent = {n: n for n in names}
    reasons: dict[str, set[str]] = {}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def union(a: str, b: str, reason: str) -> None:
        ra, rb = find(a), find(b)
        merged = reasons.pop(ra, set()) | reasons.pop(rb, set()) | {reason}
        root = min(ra, rb)
        parent[ra] = parent[rb] = root
        reasons[root] = merged

    by_key: dict[tuple[str, ...], list[str]] = {}
    for n in names:
        if keys[n]:
            by_key.setdefault(keys[n], []).append(n)
    for members in by_key.values():
        for i, one in enumerate(members):
            for other in members[i + 1:]:
                if compatible_initials(one, other):  # not "George H.W. Bush" and "George W. Bush"
                    union(one, other, "variant")
    for key, members in by_key.items():
        if not surname_of(key):
            continue
        for full_key, full_members in by_key.items():
            if len(full_key) > len(key) and full_key[-len(key):] == key:
                # a page named by the surname alone, or a name whose other words were initials or titles
                one_word = any(len(name_words(m)) <= len(key) for m in members)
                if not one_word and not any(initials_fit(m, f) for m in members for f in full_members):
                    continue  # "P.J. Tucker" is not Chris Tucker
                union(members[0], full_members[0], "surname" if one_word else "variant")

    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(find(n), []).append(n)
    out = []
    for root, members in groups.items():
        if len(members) < 2:
            continue
        firsts = {keys[m][0] for m in members if not surname_of(keys[m])}
        middles = {middle_initials(m) for m in members} - {""}
        out.append({"names": sorted(members, key=str.casefold), "reasons": sorted(reasons.get(root, ())),
                    "ambiguous": len(firsts) > 1 or len(middles) > 1})
    return sorted(out, key=lambda g: g["names"][0].casefold())


# --------------------------------------------------------------------------------------------
# The site's person pages
# --------------------------------------------------------------------------------------------


def briefing_from_dict(data: dict):
    """A Briefing with what the site's collection reads of it, from a JSON-contract dict."""
    from briefing_gen.model import Actor, Article, Briefing

    article = Article(
        source=str(data.get("source") or ""),
        title=str(data.get("title") or ""),
        authors=list(data.get("authors") or []),
        published=data.get("published"),
        original_published=data.get("original_published"),
        publisher=data.get("publisher"),
        regions=list(data.get("regions") or []),
        themes=list(data.get("themes") or []),
        tags=list(data.get("tags") or []),
    )
    actors = [
        Actor(name=a["name"], type=a.get("type") or "other", aliases=list(a.get("aliases") or []),
              mentions=int(a.get("mentions") or 0), role=a.get("role"), relative_of=a.get("relative_of"))
        for a in data.get("actors") or []
        if isinstance(a, dict) and a.get("name")
    ]
    return Briefing(article=article, slug=str(data.get("slug") or ""), actors=actors)


def person_pages(briefings) -> list[dict]:
    """The person pages the site would make of these briefings: `{"name", "slug", "briefings"}`,
    keyed, typed and slugged by `briefing_gen.site.pages.Collection` as the build does, after the
    build's collection-wide name resolution (`briefing_gen.collection.identity`)."""
    from briefing_gen.collection.identity import renamed, resolve_identities
    from briefing_gen.extract.reference import load_reference
    from briefing_gen.site.pages import Collection

    identities = resolve_identities(briefings)
    collection = Collection()
    for briefing in briefings:
        collection.add(renamed(briefing, identities))
    collection.apply_reference(load_reference())
    collection.assign_actor_slugs()
    return sorted(
        ({"name": e.name, "slug": e.slug, "briefings": len(e.briefings)} for e in collection.actors.values() if e.type == "person"),
        key=lambda p: p["name"].casefold(),
    )


def extract_briefings(paths: list[Path]) -> list:
    from briefing_gen.pipeline.sources import extract_outcomes

    out = []
    for outcome in extract_outcomes(paths, jobs=None):
        if outcome.briefing is not None:
            out.append(outcome.briefing)
        else:
            print(f"warning: {outcome.source}: {outcome.error}", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Count persons split over several actor pages of a combined site.")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, help=f"corpus folder (default {DEFAULT_CORPUS})")
    parser.add_argument("--from-json", type=Path, metavar="FILE", help="precomputed extraction output: a JSON array of dicts")
    parser.add_argument("--only", action="append", metavar="GLOB", help="only files whose relative path or name matches (repeatable)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the person pages and the groups as JSON")
    args = parser.parse_args(argv)

    if args.from_json and not args.only:
        # Every briefing the file holds: `briefing-gen extract --json` over a whole corpus,
        # annotated or not (polnear-train's 840 texts have no gold of this kind).
        corpus = args.corpus.resolve()
        data = json.loads(args.from_json.read_text(encoding="utf-8"))
        briefings = [briefing_from_dict(d) for d in data if isinstance(d, dict) and not d.get("error")]
        return report_splits(corpus, briefings, args.json)
    found = corpus_entries(args.corpus, args.only)
    if found is None:
        return 2
    corpus, entries = found
    if args.from_json:
        dicts = load_precomputed(args.from_json, entries)
        briefings = [briefing_from_dict(d) for d in dicts if not d.get("error")]
    else:
        briefings = extract_briefings([e.article for e in entries])
    return report_splits(corpus, briefings, args.json)


def report_splits(corpus: Path, briefings: list, json_out: Path | None) -> int:
    pages = person_pages(briefings)
    by_name = {p["name"]: p for p in pages}
    groups = split_groups([p["name"] for p in pages])
    extra = sum(len(g["names"]) - 1 for g in groups)
    print(f"corpus: {corpus}  ({len(briefings)} briefings, {len(pages)} person pages)")
    print(f"persons split over several pages: {len(groups)} ({extra} pages too many; "
          f"{sum(g['ambiguous'] for g in groups)} groups ambiguous)")
    for group in groups:
        shown = ", ".join(f"{n} ({by_name[n]['briefings']})" for n in group["names"])
        flag = "  [ambiguous]" if group["ambiguous"] else ""
        print(f"  - {'+'.join(group['reasons'])}: {shown}{flag}")
    if json_out:
        payload = {"corpus": str(corpus), "briefings": len(briefings), "person_pages": pages, "groups": groups,
                   "split_persons": len(groups), "extra_pages": extra}
        json_out.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
