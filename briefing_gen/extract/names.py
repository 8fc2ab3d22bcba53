"""First names, from the `gender-guesser` package's list of about 40,000 given names by country.

Two uses: a capitalised pair of words that starts with a given name is most likely a person, even
when the small model labels it an organisation or misses it ("Logan Couture", "Josh Leivo"); and
the gender a first name suggests helps choose whom "she" or "he" stands for when the text itself
says nothing.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def first_name_gender(word: str) -> str | None:
    """ "m" or "f" when the name is mostly given to men or to women, "a" when to both, None when
    it is not a known given name."""
    if not word[:1].isupper() or not word.isalpha() or len(word) < 2:
        return None
    answer = _detector().get_gender(word)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f", "andy": "a"}.get(answer)


def is_first_name(word: str) -> bool:
    return first_name_gender(word) is not None
