"""The word lists the extractors read are data an editor may extend. YAML reads an unquoted "on",
"yes" or "true" as a boolean, so such a word would silently never match: every entry of every
list must come out of the file as the word it is."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

WORD_LIST_FILES = ["language.yml", "attribution.yml", "summary.yml", "furniture.yml"]


def entries(value, where):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from entries(item, f"{where}/{key}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list)):
                yield from entries(item, where)
            else:
                yield where, item


@pytest.mark.parametrize("file_name", WORD_LIST_FILES)
def test_every_word_in_a_word_list_is_read_as_a_word(file_name):
    data = yaml.safe_load((resources.files("briefing_gen.data") / file_name).read_text(encoding="utf-8"))
    not_words = [(where, item) for where, item in entries(data, file_name) if not isinstance(item, str)]
    assert not_words == [], "quote these in the file, YAML does not read them as words"

