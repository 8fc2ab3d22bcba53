"""Generic news-page furniture (captions, credits, teasers) recognised from `data/furniture.yml`."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def _paragraph_patterns() -> list[re.Pattern]:
    text = (resources.files("briefing_gen.data") / "furniture.yml").read_text(encoding="utf-8")
    return [re.compile(pattern) for pattern in yaml.safe_load(text)["paragraph"]]


def is_furniture(text: str) -> bool:
    text = text.strip()
    return any(pattern.search(text) for pattern in _paragraph_patterns())
