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


# A row of share buttons saved with a photo ("Facebook Twitter Pinterest"), a caption's photo
# credit ("... Photograph: Jo Lee/Reuters") ending a line, and a related link's "Read more": a
# picture or a link inside the paragraph the page set it in.
_SHARE_BUTTONS = frozenset({"facebook", "twitter", "pinterest", "linkedin", "whatsapp", "email", "reddit", "messenger"})
_CREDIT_ENDING = re.compile(r"\b(?:Photograph|Photo|Photos|Illustration|Composite)\s*:\s*[^.:]{2,60}$")
_TEASER_LINK = re.compile(r"(?i:read more)")


def _is_share_row(line: str) -> bool:
    words = line.split()
    return len(words) >= 2 and all(word.lower() in _SHARE_BUTTONS for word in words)


def without_caption_lines(lines: list[str]) -> list[str]:
    """The lines of one block less a photo's caption or a related link saved inside it: the share
    buttons, the picture's description above them when it opens the block, a line ending in a
    photo credit, and "Read more" with the linked headline that opens the block before it. What
    is left is the paragraph the page set them in."""
    dropped = set()
    for number, line in enumerate(lines):
        if _is_share_row(line):
            dropped.add(number)
            if number == 1:
                dropped.add(0)  # "Vladimir Putin and Rex Tillerson shaking hands", the photo's description
        elif _CREDIT_ENDING.search(line):
            dropped.add(number)
        elif _TEASER_LINK.fullmatch(line) and number <= 2:
            dropped.update(range(number + 1))  # "Why Europe is struggling ...", then "Read more"
    return [line for number, line in enumerate(lines) if number not in dropped]
