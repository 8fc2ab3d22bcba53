"""Parallel extraction gives exactly what one process gives, and the faster attribute ruler sets
exactly the annotations of spaCy's own (slow: both load the spaCy model)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from briefing_gen.extract.reference import load_reference
from briefing_gen.pipeline import parallel
from briefing_gen.pipeline.sources import extract_outcomes

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_jobs_2_gives_the_json_of_jobs_1(monkeypatch):
    # Small chunks and no minimum, so six articles really go to two worker processes.
    monkeypatch.setattr(parallel, "CHUNK", 2)
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 1)
    paths = sorted((REPO_ROOT / "articles").iterdir())
    reference = load_reference()
    one = [json.dumps(o.to_dict(), sort_keys=True) for o in extract_outcomes(paths, reference=reference, jobs=1)]
    two = [json.dumps(o.to_dict(), sort_keys=True) for o in extract_outcomes(paths, reference=reference, jobs=2)]
    assert len(one) == len(paths) and all('"error"' not in item for item in one)
    assert two == one


def test_fast_attribute_match_sets_the_stock_annotations(gr_sample_text):
    import spacy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    from briefing_gen.extract.parse import MODEL_PACKAGE, FastAttributeMatch

    stock, fast = spacy.load(MODEL_PACKAGE), spacy.load(MODEL_PACKAGE)
    assert FastAttributeMatch.install(fast.get_pipe("attribute_ruler"))
    texts = [path.read_text(encoding="utf-8") for path in sorted((REPO_ROOT / "articles").iterdir())]
    texts += [
        gr_sample_text,
        "I ain't gonna do it, y'all. Nothin' doin'. Let's go, c'mon! Gotta run; we've got 'em.",
        "There is a man who'd say it's what I'd do.  \n\n  Then   there were none. You and it, I said.",
        "",
        " ",
    ]
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    for ours, theirs in zip(fast.pipe(texts), stock.pipe(texts)):
        assert np.array_equal(ours.to_array(attrs), theirs.to_array(attrs)), ours.text[:80]
