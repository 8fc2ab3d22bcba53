"""One build at a time per site: a lock file beside the build cache.

Two builds writing the same `docs/` and `site/` at once would each remove what the other is
writing. The second build waits for the first, and says so; the lock is the operating system's
(`flock`), so a killed build releases it at once and never leaves a stale lock behind.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Callable, Iterator

try:
    import fcntl
except ImportError:  # not on Windows: builds there are not serialised
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "build.lock"


@contextlib.contextmanager
def build_lock(folder: Path, waiting: Callable[[str], None] = lambda message: None) -> Iterator[None]:
    """Hold the build lock of the site whose state lives in `folder` (`.briefing-gen/`); when
    another build holds it, call `waiting` with a message naming its process, then wait."""
    if fcntl is None:
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_NAME, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip()
            waiting(f"waiting for another build of this site to finish (process {holder or 'unknown'}, lock {folder / LOCK_NAME})")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
