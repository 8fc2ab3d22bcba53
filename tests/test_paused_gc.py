"""The cycle collector pause of the collection steps (`briefing_gen.collection.paused_gc`)."""
from __future__ import annotations

import gc

import pytest

from briefing_gen.collection.paused_gc import cycle_collection_paused


def test_the_collector_is_off_inside_and_as_it_was_after_even_on_an_error():
    assert gc.isenabled()
    with cycle_collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()

    @cycle_collection_paused()
    def failing():
        assert not gc.isenabled()
        raise ValueError("boom")

    with pytest.raises(ValueError):
        failing()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with cycle_collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
