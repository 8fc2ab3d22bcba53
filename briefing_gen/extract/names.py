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
    return _GENDERS.get(_detector().get_gender(word))


@lru_cache(maxsize=65536)
def pronoun_gender(word: str) -> str | None:
    """ "m" or "f" when "he" or "she" may stand for a person of this given name, else None.

    The news read here is mostly American and British: a name given mostly to women overall but
    mostly to men in the United States or Britain ("Bernie", "Jean", "Robin") decides nothing, so
    that "he said" may still stand for Bernie Sanders."""
    answer = first_name_gender(word)
    if answer not in ("m", "f"):
        return None
    local = {_GENDERS.get(_detector().get_gender(word, country)) for country in ("usa", "great_britain")}
    return None if ({"m", "f"} - {answer}) & local else answer


def family_name_first(name: str) -> bool:
    """An East Asian name as the news writes it, family name first ("Lin Ying-chieh", "Kim
    Hye-won", "Kim Jong Un"): its first word is no given name to read a gender from ("Kim" and
    "Lin" are women's names in English)."""
    words = name.split()
    if len(words) < 2:
        return False
    given = words[-1].split("-")
    if len(given) == 2 and given[0].istitle() and given[1][:1].islower():
        return True  # "Ying-chieh", "Hye-won", "Jae-in"
    return len(words) == 3 and all(len(w) <= 4 and w.istitle() for w in words) and first_name_gender(words[1]) not in ("m", "f")


NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})  # a generation after a surname ("Jr."), lower case without its stop


def is_name_suffix(word: str) -> bool:
    return word.lower().rstrip(".,") in NAME_SUFFIXES


# Letters after a person's name for an office or an honour ("Jane Abara KC", "Tom Hale MP"): no
# part of the name, and no actor of their own. Written in capitals (PhD aside) right after the name.
POST_NOMINALS = frozenset("KC QC SC MP MEP MSP TD OBE CBE MBE KBE DBE PhD".split())


def is_post_nominal(word: str) -> bool:
    return word.rstrip(".,") in POST_NOMINALS


# Titles that are part of the name a person known by one given name goes by: "Pope Francis",
# "Prince William", "King Abdullah". Without the title the word is a given name that many share.
REGNAL_TITLES = frozenset("pope king queen prince princess emperor empress sultan emir sheikh tsar czar shah".split())


def has_regnal_title(name: str) -> bool:
    """A title of rule or of the Church and one more word: "Queen Elizabeth", not "Martin Luther King"."""
    words = name.split()
    return len(words) == 2 and words[0].lower() in REGNAL_TITLES


_GENDERS = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f", "andy": "a"}


def is_first_name(word: str) -> bool:
    return first_name_gender(word) is not None
