#!/usr/bin/env python
"""Score the extracted claims against the PolNeAR attribution annotations.

    python eval/polnear.py [FOLDER] [--limit N] [--jobs N] [--from-json FILE] [--json OUT] [--verbose]

FOLDER defaults to ../shared/corpus/polnear-train beside the repository: `text/NAME.txt` are the
articles, `attributions/NAME[_ANNOTATOR].ann` their brat standoff annotations (Source, Cue and
Content spans linked by `E` lines).  One annotation file is used per article: the first in sorted
order.  The articles go through the project's extraction (`briefing_gen.pipeline.sources.
extract_outcomes`, in parallel over the cores), or `--from-json` reads precomputed output.

Everything is matched by words, not by character offsets: a gold content is covered by an
extracted claim when each holds at least half of the other's lowercased `\\w+` tokens.  The figures
and the heuristics (pronoun sources, name matching) are described in eval/README.md.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = REPO_ROOT.parent / "shared" / "corpus" / "polnear-train"

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from eval.scoring import fold_phrase, tokens  # noqa: E402

MIN_CONTENT_WORDS = 3  # shorter gold contents ("it", "the plan") are left out of recall
DIRECT_MARKS = ('"', "\u201c", "\u201d", "''")  # '' : two apostrophes, the mark of archive copies of US papers
AUTHOR = "author"

# --------------------------------------------------------------------------------------------
# Brat standoff
# --------------------------------------------------------------------------------------------


@dataclass
class Part:
    """One annotated part (Source, Cue or Content): its character spans and the text they cover."""

    spans: list[tuple[int, int]]
    text: str

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else 0


@dataclass
class Attribution:
    id: str
    kind: str  # Attribution or Attribution-no-source
    source: Part | None = None
    cue: Part | None = None
    content: Part | None = None


_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ROLES = {"Source": "source", "Cue": "cue", "Content": "content"}


def _span_text(text: str, spans: list[tuple[int, int]]) -> str:
    return " ".join(" ".join(text[start:end].split()) for start, end in spans)


def parse_brat(ann: str, text: str) -> list[Attribution]:
    """The attributions of one brat `.ann` file, their parts' text taken from the article `text`.

    `T` lines give a type and one or more spans (`start end;start end`: a discontinuous span);
    `E` lines link `Attribution:T..` (or `Attribution-no-source:T..`) to `Source:`, `Cue:` and
    `Content:` parts.  A role given twice (`Content:T3 Content2:T5`) joins its spans.  Other lines
    (notes, relations, text that ran on after a newline inside a span) are ignored, and an
    `E` line naming a missing `T` keeps the parts it can find.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        match = _T_LINE.match(line)
        if match:
            pairs = [tuple(int(n) for n in chunk.split()) for chunk in match.group(3).split(";")]
            spans[match.group(1)] = [(a, b) for a, b in pairs if 0 <= a <= b]
            continue
        match = _E_LINE.match(line)
        if match:
            args = [tuple(arg.split(":", 1)) for arg in match.group(2).split() if ":" in arg]
            events.append((match.group(1), args))
    out = []
    for event_id, args in events:
        if not args:
            continue
        kind = args[0][0]
        parts: dict[str, list[tuple[int, int]]] = {}
        for role, ref in args[1:]:
            name = _ROLES.get(re.sub(r"\d+$", "", role))
            if name and ref in spans:
                parts.setdefault(name, []).extend(spans[ref])
        attribution = Attribution(id=event_id, kind=kind)
        for name, found in parts.items():
            found = sorted(set(found))
            setattr(attribution, name, Part(spans=found, text=_span_text(text, found)))
        out.append(attribution)
    return out


def annotation_file(folder: Path, name: str) -> Path | None:
    """The first (sorted) of `attributions/NAME.ann` and `attributions/NAME_ANNOTATOR.ann`."""
    candidates = [
        p
        for p in (folder / "attributions").glob(f"{glob_escape(name)}*.ann")
        if p.stem == name or (p.stem.startswith(name + "_") and "_" not in p.stem[len(name) + 1:])
    ]
    return min(candidates, key=lambda p: p.name) if candidates else None


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


# --------------------------------------------------------------------------------------------
# Matching contents and claims
# --------------------------------------------------------------------------------------------


def overlap(gold_text: str, claim_text: str) -> tuple[float, float]:
    """(share of the gold text's tokens found in the claim, share of the claim's tokens found in
    the gold text), over lowercased `\\w+` tokens counted with repeats."""
    gold, claim = Counter(tokens(gold_text)), Counter(tokens(claim_text))
    common = sum((gold & claim).values())
    n_gold, n_claim = sum(gold.values()), sum(claim.values())
    return (common / n_gold if n_gold else 0.0, common / n_claim if n_claim else 0.0)


def covers(claim_text: str, gold_text: str) -> bool:
    """The claim holds at least half of the gold content's tokens, and the gold content at least
    half of the claim's (a whole-paragraph claim does not cover each content inside it)."""
    gold_share, claim_share = overlap(gold_text, claim_text)
    return gold_share >= 0.5 and claim_share >= 0.5


def match_score(claim_text: str, gold_text: str) -> float:
    """How well a covering claim fits the content (F1 of the two shares); 0 when it does not cover."""
    gold_share, claim_share = overlap(gold_text, claim_text)
    if gold_share < 0.5 or claim_share < 0.5:
        return 0.0
    return 2 * gold_share * claim_share / (gold_share + claim_share)


def is_direct(content: str) -> bool:
    """A direct quote: the content holds a quotation mark (straight or curly double quote, or two apostrophes)."""
    return any(mark in content for mark in DIRECT_MARKS)


# --------------------------------------------------------------------------------------------
# Sources and claimants
# --------------------------------------------------------------------------------------------

PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself "
    "she her hers herself it its itself they them their theirs themselves who whom whose which that this "
    "these those one someone somebody".split()
)
# Words that never make two names the same person, and capitalised words that are no names.
NAME_STOPWORDS = frozenset(
    "the a an and or of for to in on at by with from as but not no about after over under s "
    "mr mrs ms miss mx dr sir madam lady lord rev president presidential vice senator sen rep representative "
    "congressman congresswoman gov governor mayor secretary minister prime chairman chairwoman chair "
    "chief judge justice general gen sheriff attorney ambassador speaker leader candidate nominee former "
    "spokesman spokeswoman spokesperson aide aides adviser advisor official officials campaign house "
    "party committee department office administration press news says said told tv "
    "republican republicans democratic democrat democrats gop american americans national united new "
    "jr sr ii iii".split()
) | PRONOUNS
SHORT_DESCRIPTION_WORDS = 5  # a source of at most this many words with no name is resolved like a pronoun
_SENTENCE_END = re.compile(r"(?:^|[.!?\"\u201c\u201d:\n])\s*$")
_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019.\-]*")


def name_words(text: str) -> list[str]:
    """Case-folded letter words of a name, accents removed, possessive `'s` dropped."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['\u2019]s\b", "", text)
    return re.findall(r"[^\W\d_]+", text)


def has_name(source: Part, article_text: str) -> bool:
    """The source holds a capitalised word that is not a title, a function word or a pronoun.

    The first word of a source that starts a sentence ("Officials said") does not count: it is
    capitalised because of its place.
    """
    for index, match in enumerate(_WORD_RE.finditer(source.text)):
        word = match.group(0)
        if not word[0].isupper():
            continue
        folded = name_words(word)
        if not folded or all(w in NAME_STOPWORDS or len(w) < 2 for w in folded):
            continue
        if index == 0 and _SENTENCE_END.search(article_text[: source.start]):
            continue
        return True
    return False


def is_pronoun(text: str) -> bool:
    words = name_words(text)
    return bool(words) and all(w in PRONOUNS for w in words)


FIRST_PERSON = frozenset("i me my mine myself we us our ours ourselves".split())


def inside_quote(article_text: str, position: int) -> bool:
    """`position` is inside a quotation of its paragraph: more opening than closing curly quotes
    before it, or an odd number of straight double quotes."""
    paragraph = article_text[article_text.rfind("\n", 0, position) + 1: position]
    return paragraph.count("\u201c") > paragraph.count("\u201d") or paragraph.count('"') % 2 == 1


def resolve_sources(attributions: list[Attribution], article_text: str) -> dict[str, str | None]:
    """For each attribution with a Source: the source a reader takes it to be.

    A source that holds a name is itself.  A first-person pronoun outside quotation marks ("I",
    "we") is the article's author (`author`).  A relative pronoun ("Gordon Pike, who told ...") is
    the words right before it (`antecedent_words`).  Another pronoun, or a short description
    without a name (at most `SHORT_DESCRIPTION_WORDS` words: "the senator", "officials"), is the
    nearest preceding gold Source in the text that holds a name (None when there is none).  A
    longer description is itself.
    """
    with_source = sorted((a for a in attributions if a.source), key=lambda a: (a.source.start, a.id))
    resolved: dict[str, str | None] = {}
    last_named: str | None = None
    for attribution in with_source:
        source = attribution.source
        words = name_words(source.text)
        if words and all(w in FIRST_PERSON for w in words) and not inside_quote(article_text, source.start):
            resolved[attribution.id] = AUTHOR
        elif source.text.strip().lower() in RELATIVE_PRONOUNS:
            resolved[attribution.id] = antecedent_words(article_text, source.start)
        elif has_name(source, article_text):
            resolved[attribution.id] = source.text
            last_named = source.text
        elif is_pronoun(source.text) or len(source.text.split()) <= SHORT_DESCRIPTION_WORDS:
            resolved[attribution.id] = last_named
        else:
            resolved[attribution.id] = source.text
    return resolved


RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
ANTECEDENT_WORDS = 4  # how many words before a relative pronoun stand for its antecedent


def antecedent_words(article_text: str, start: int) -> str | None:
    """The last few words before a relative pronoun, in its sentence ("U.S. Sen. Gordon Humphrey"
    for "former U.S. Sen. Gordon Humphrey, who told ..."): whom it stands for. The nearest named
    source, which other pronouns resolve to, is usually someone else."""
    before = article_text[max(0, start - 200):start]
    before = re.split(r"[.!?\n]\s", before)[-1].rstrip(" ,\u2014-")
    words = before.split()[-ANTECEDENT_WORDS:]
    return " ".join(words) or None


def _contains_words(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def names_match(claimant: str, source: str | None) -> bool:
    """Case-folded, the two share a word of 3+ letters that is no title or function word ("Mr.
    Trump" / "Donald Trump"), or one's words are a run of the other's ("officials" / "some
    officials")."""
    if not claimant or not source:
        return False
    if AUTHOR in (claimant.casefold(), source.casefold()):
        return claimant.casefold() == source.casefold()
    a, b = name_words(claimant), name_words(source)
    if not a or not b:
        return False
    if {w for w in a if len(w) >= 3 and w not in NAME_STOPWORDS} & {w for w in b if len(w) >= 3 and w not in NAME_STOPWORDS}:
        return True
    return _contains_words(a, b) or _contains_words(b, a)


_NOT_IN_NAME = frozenset({"the", "a", "an", "government", "administration"})


def _same_name(alias: str, source: str | None) -> bool:
    """The alias is the source, but for articles and "government" ("the German government" /
    "German", "The White House" / "White House")."""
    core = [w for w in name_words(alias) if w not in _NOT_IN_NAME]
    return bool(core) and core == [w for w in name_words(source) if w not in _NOT_IN_NAME]


def claimant_matches_source(claimant: str, source: Part, resolved: str | None, aliases: list[str] = ()) -> bool:
    """The claimant names the gold source: as written (unless it is a pronoun) or as resolved,
    by its name or, whole, by one of the names the article gives the same actor (its `aliases`
    in the extraction: "The Saudis" for Saudi Arabia, "the AP" for the Associated Press)."""
    if not is_pronoun(source.text) and names_match(claimant, source.text):
        return True
    if names_match(claimant, resolved):
        return True
    targets = [resolved] if is_pronoun(source.text) else [source.text, resolved]
    return any(_same_name(alias, target) for alias in aliases for target in targets)


# --------------------------------------------------------------------------------------------
# One article
# --------------------------------------------------------------------------------------------


def found_in_text(snippet: str, folded_text: str) -> bool:
    needle = fold_phrase(snippet)
    return bool(needle) and needle in folded_text


def score_article(claims: list[dict], attributions: list[Attribution], article_text: str, actors: list[dict] = ()) -> dict:
    """Counts for one article (summed over the corpus by `totals`) and its misses. `actors` are the
    extraction's, whose aliases are the other names a claimant goes by in the article."""
    claims = [c for c in claims if isinstance(c, dict) and str(c.get("text") or "").strip()]
    aliases = {str(a.get("name")): [str(x) for x in a.get("aliases") or []] for a in actors if isinstance(a, dict)}
    with_content = [a for a in attributions if a.content and tokens(a.content.text)]
    gold = [a for a in with_content if a.cue and len(tokens(a.content.text)) >= MIN_CONTENT_WORDS]
    resolved = resolve_sources(attributions, article_text)
    counts = Counter()
    counts["gold"] = len(gold)
    missed = []
    for attribution in gold:
        direct = is_direct(attribution.content.text)
        group = "direct" if direct else "indirect"
        counts[f"gold_{group}"] += 1
        if any(covers(str(c["text"]), attribution.content.text) for c in claims):
            counts["covered"] += 1
            counts[f"covered_{group}"] += 1
        else:
            missed.append(
                {"source": attribution.source.text if attribution.source else None, "direct": direct,
                 "cue": attribution.cue.text, "content": attribution.content.text}
            )
    unmatched, wrong = [], []
    folded_text = fold_phrase(article_text)
    for claim in claims:
        text, claimant = str(claim["text"]), str(claim.get("claimant") or "")
        is_author = claimant.casefold() == AUTHOR
        counts["claims"] += 1
        counts["claims_author"] += is_author
        counts["claims_in_text"] += found_in_text(text, folded_text)
        scored = [(match_score(text, a.content.text), a) for a in with_content]
        score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        if best is None or score == 0.0:
            # a fragment: most of its words are inside one gold content, but it holds less than half of it
            fragment = any(overlap(a.content.text, text)[1] >= 0.5 for a in with_content)
            counts["claims_fragment"] += fragment
            unmatched.append({"claimant": claimant, "text": text, "fragment": fragment})
            continue
        counts["claims_matched"] += 1
        counts["claims_author_matched"] += is_author
        if best.source is None:
            continue
        target = resolved.get(best.id)
        if target is None and is_pronoun(best.source.text):
            counts["speaker_unresolved"] += 1
            continue
        named = target == best.source.text  # the gold source names someone: no resolution involved
        counts["speaker_n"] += 1
        counts["speaker_n_named"] += named
        if claimant_matches_source(claimant, best.source, target, aliases.get(claimant, [])):
            counts["speaker_right"] += 1
            counts["speaker_right_named"] += named
        else:
            wrong.append({"source": best.source.text, "resolved": target, "claimant": claimant, "text": text})
    return {"counts": counts, "missed": missed, "unmatched_claims": unmatched, "wrong_speakers": wrong}


def _share(num: int, den: int) -> float | None:
    return num / den if den else None


def figures(counts: Counter) -> dict:
    """The corpus figures from the summed counts (pooled over articles, not averaged)."""
    non_author = counts["claims"] - counts["claims_author"]
    return {
        "content_recall": _share(counts["covered"], counts["gold"]),
        "content_recall_direct": _share(counts["covered_direct"], counts["gold_direct"]),
        "content_recall_indirect": _share(counts["covered_indirect"], counts["gold_indirect"]),
        "precision": _share(counts["claims_matched"], counts["claims"]),
        "precision_not_author": _share(counts["claims_matched"] - counts["claims_author_matched"], non_author),
        "speaker_accuracy": _share(counts["speaker_right"], counts["speaker_n"]),
        "speaker_accuracy_named": _share(counts["speaker_right_named"], counts["speaker_n_named"]),
        "speaker_accuracy_resolved": _share(
            counts["speaker_right"] - counts["speaker_right_named"], counts["speaker_n"] - counts["speaker_n_named"]
        ),
        "claims_in_text": _share(counts["claims_in_text"], counts["claims"]),
    }


# --------------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------------


def articles(folder: Path, limit: int | None = None) -> list[tuple[Path, Path | None]]:
    """(text file, annotation file or None) for each article, sorted by name, at most `limit`."""
    texts = sorted((folder / "text").glob("*.txt"))
    if limit is not None:
        texts = texts[: max(0, limit)]
    return [(path, annotation_file(folder, path.stem)) for path in texts]


def progress(done: int, total: int) -> None:
    end = "\n" if done == total else ""
    print(f"\rextracted {done}/{total}", end=end, file=sys.stderr, flush=True)


def run_extraction(paths: list[Path], jobs: int | None) -> list[dict]:
    from briefing_gen.pipeline.sources import extract_outcomes

    out = []
    for outcome in extract_outcomes(paths, jobs=jobs):
        out.append(outcome.to_dict())
        if len(out) % 10 == 0 or len(out) == len(paths):
            progress(len(out), len(paths))
    return out


def load_precomputed(path: Path, paths: list[Path]) -> list[dict]:
    """The dicts of a JSON array, matched to the article paths by the basename of `source`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    by_name = {}
    for item in data if isinstance(data, list) else [data]:
        if isinstance(item, dict) and item.get("source"):
            by_name.setdefault(str(item["source"]).replace("\\", "/").rsplit("/", 1)[-1], item)
    return [by_name.get(p.name, {"source": p.name, "error": f"not in {path.name}"}) for p in paths]


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_report(folder: Path, n_articles: int, counts: Counter, result: dict) -> None:
    rows = [
        ("articles", str(n_articles), f"{counts['no_annotation']} without annotation, {counts['failed']} failed"),
        ("gold attributions", str(counts["gold"]), f"with a cue and a content of {MIN_CONTENT_WORDS}+ words"),
        ("  direct", str(counts["gold_direct"]), "content holds a quotation mark"),
        ("  indirect", str(counts["gold_indirect"]), ""),
        ("extracted claims", str(counts["claims"]), f"{counts['claims_author']} by `author`"),
        ("content recall", _fmt(result["content_recall"]), f"{counts['covered']}/{counts['gold']}"),
        ("  direct", _fmt(result["content_recall_direct"]), f"{counts['covered_direct']}/{counts['gold_direct']}"),
        ("  indirect", _fmt(result["content_recall_indirect"]), f"{counts['covered_indirect']}/{counts['gold_indirect']}"),
        ("precision", _fmt(result["precision"]), f"{counts['claims_matched']}/{counts['claims']}"),
        ("  not `author`", _fmt(result["precision_not_author"]),
         f"{counts['claims_matched'] - counts['claims_author_matched']}/{counts['claims'] - counts['claims_author']}"),
        ("  fragments", str(counts["claims_fragment"]), "unmatched claims lying inside a gold content (under half of it)"),
        ("speaker accuracy", _fmt(result["speaker_accuracy"]),
         f"{counts['speaker_right']}/{counts['speaker_n']} ({counts['speaker_unresolved']} pronoun sources left unresolved)"),
        ("  source as written", _fmt(result["speaker_accuracy_named"]),
         f"{counts['speaker_right_named']}/{counts['speaker_n_named']} gold source kept as it is"),
        ("  source resolved", _fmt(result["speaker_accuracy_resolved"]),
         f"{counts['speaker_right'] - counts['speaker_right_named']}/{counts['speaker_n'] - counts['speaker_n_named']} "
         "pronoun or short description resolved (heuristic)"),
        ("claim texts in article", _fmt(result["claims_in_text"]), "check: claim text found verbatim (folded) in the article"),
    ]
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    print(f"PolNeAR: {folder}")
    for label, value, note in rows:
        print(f"{label.ljust(width)}  {value.rjust(value_width)}  {note}".rstrip())


def print_misses(name: str, scored: dict) -> None:
    lines = []
    for item in scored["missed"]:
        lines.append(f"missed {'direct' if item['direct'] else 'indirect'} [{item['source']}]: {item['content']!r}")
    for item in scored["wrong_speakers"]:
        resolved = f" = {item['resolved']}" if item["resolved"] and item["resolved"] != item["source"] else ""
        lines.append(f"wrong speaker: gold [{item['source']}{resolved}], extracted [{item['claimant']}] for {item['text']!r}")
    for item in scored["unmatched_claims"]:
        what = "claim only a fragment of an attribution" if item["fragment"] else "claim not an attribution"
        lines.append(f"{what} [{item['claimant']}]: {item['text']!r}")
    if lines:
        print(f"  {name}:")
        for line in lines:
            print(f"    - {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score extracted claims against PolNeAR attributions.")
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER, help=f"PolNeAR folder (default {DEFAULT_FOLDER})")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N articles (sorted by name)")
    parser.add_argument("--jobs", type=int, metavar="N", help="extraction processes (default: one per core)")
    parser.add_argument("--from-json", type=Path, metavar="FILE", help="precomputed extraction output: a JSON array of dicts")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the figures, counts and misses as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="list missed contents, wrong speakers, unmatched claims")
    args = parser.parse_args(argv)

    folder: Path = args.folder
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        print(f"error: PolNeAR folder not found (needs text/ and attributions/): {folder}", file=sys.stderr)
        return 2
    pairs = articles(folder, args.limit)
    if not pairs:
        print(f"error: no articles in {folder / 'text'}", file=sys.stderr)
        return 2
    paths = [text for text, _ in pairs]
    extractions = load_precomputed(args.from_json, paths) if args.from_json else run_extraction(paths, args.jobs)

    total = Counter()
    files = []
    if args.verbose:
        print("misses:")
    for (text_path, ann_path), extraction in zip(pairs, extractions):
        if ann_path is None:
            total["no_annotation"] += 1
            continue
        total["failed"] += bool(extraction.get("error"))
        text = text_path.read_text(encoding="utf-8")
        attributions = parse_brat(ann_path.read_text(encoding="utf-8"), text)
        scored = score_article(extraction.get("claims") or [], attributions, text, extraction.get("actors") or [])
        total.update(scored["counts"])
        files.append({"article": text_path.name, "annotation": ann_path.name, "error": extraction.get("error"), **scored})
        if args.verbose:
            print_misses(text_path.name, scored)
    result = figures(total)
    if args.verbose:
        print()
    print_report(folder, len(pairs), total, result)
    if args.json:
        payload = {"folder": str(folder), "articles": len(pairs), "figures": result, "counts": dict(total), "files": files}
        args.json.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
