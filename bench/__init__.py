"""Benchmarks for briefing-gen: a synthetic article generator (`generate.py`) and a runner (`run.py`)."""
