"""The html-bench shingle metric on hand-written strings."""

import pytest

from eval.html_bench import prf, shingle_counts, shingles, tokens


def test_tokens_drop_punctuation_and_keep_case():
    assert tokens("Hello, World! It's 2024.") == ["Hello", "World", "It", "s", "2024"]


def test_shingles_are_overlapping_four_token_runs():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a b c") == {}


def test_identical_text_scores_one_whatever_the_punctuation():
    gold = "The cat sat on the mat today."
    assert shingle_counts(gold, "The cat -- sat on the mat, today") == (4, 0, 0)
    assert prf(4, 0, 0) == (1.0, 1.0, 1.0)


def test_case_is_kept():
    tp, fp, fn = shingle_counts("one two three four", "One two three four")
    assert (tp, fp, fn) == (0, 1, 1)


def test_extra_and_missing_text():
    gold = "w1 w2 w3 w4 w5 w6"  # 3 shingles
    extracted = "w1 w2 w3 w4 w5 menu home"  # 2 right, 2 wrong
    assert shingle_counts(gold, extracted) == (2, 2, 1)
    p, r, f = prf(2, 2, 1)
    assert p == pytest.approx(0.5)
    assert r == pytest.approx(2 / 3)
    assert f == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_repeated_shingles_count_with_multiplicity():
    gold = "a b c d a b c d"  # shingles: abcd x2, bcda, cdab, dabc
    assert shingle_counts(gold, "a b c d") == (1, 0, 4)
    assert shingle_counts("a b c d", gold) == (1, 4, 0)


def test_empty_sides():
    assert shingle_counts("", "") == (0, 0, 0)
    assert prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)
    assert prf(0, 3, 0) == (0.0, 0.0, 0.0)
