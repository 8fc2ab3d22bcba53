"""Python's cycle collector paused while a collection step runs.

The collection steps (claim records, contradictions) build tens of thousands of small tuples, sets
and lists over a whole collection and let them go by reference counting. Each allocation counts
towards the cycle collector's thresholds, and each collection it triggers walks every object the
build holds: thousands of briefings with their paragraphs, actors and claims. On the corpus that
walking was about 40% of finding the claim records. The steps make no reference cycles, so nothing
is left for the collector to find afterwards; it is switched back on (if it was on) when the step
ends, however it ends.
"""
from __future__ import annotations

import gc
from contextlib import ContextDecorator


class cycle_collection_paused(ContextDecorator):
    """Use as a decorator or a `with` block: the cycle collector is off inside, as it was after."""

    def __enter__(self) -> "cycle_collection_paused":
        self.was_enabled = gc.isenabled()
        gc.disable()
        return self

    def __exit__(self, *exc) -> None:
        if self.was_enabled:
            gc.enable()


__all__ = ["cycle_collection_paused"]
