"""White space folded to single spaces: the one helper every stage uses to compare, store and show
text the way it reads, whatever line breaks and runs of spaces the source had."""
from __future__ import annotations


def fold_space(text: str) -> str:
    """Runs of white space (any Unicode space, tabs, line breaks) as one space, none at the ends."""
    return " ".join(text.split())
