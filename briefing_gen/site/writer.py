"""Writing generated files and editors' files: atomically, and only when their content changed.

Every page under `docs/` and every notes file is written here and nowhere else. A write goes to a
temporary file in the same folder, is flushed to disk, then renamed over the target, so a build
killed at any moment leaves each file either old or new, never half-written. Temporary files start
with a dot, which MkDocs (`exclude_docs` default `.*`) and the notes loader both skip.
"""
from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

TEMPORARY_SUFFIX = ".tmp"
# `.{target name}.{random}.tmp`, as made by `_temporary_file`; nothing else is ever swept.
_TEMPORARY_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


def write_if_changed(path: Path, content: str) -> bool:
    """Write `content` to `path` unless it already holds exactly that; True when written.

    Leaving unchanged files untouched keeps their modification times, so `mkdocs serve` and other
    watchers do not rebuild for nothing.
    """
    data = content.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write_bytes(path, data)
    return True


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace `path` with `data` in one rename. `durable`: flushed to the disk before the rename,
    so that even a power cut leaves the old file or the new one; the build cache, which can always
    be made again, skips that wait."""
    temporary = _temporary_file(path, data, durable)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def atomic_create(path: Path, data: bytes) -> None:
    """Create `path` holding `data`, atomically; FileExistsError if it exists (never overwrites).

    Used for files an editor owns (a new notes file) and for backups of edited pages: a hard link
    from the finished temporary file appears whole and fails if the name is taken.
    """
    temporary = _temporary_file(path, data)
    try:
        os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def remove_stale_temporaries(folder: Path, older_than: float = 60.0) -> list[Path]:
    """Remove temporary files a killed build left under `folder`.

    Only names made by this module are touched, and only old ones, so the temporary file of a
    build running at the same moment is left alone.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    limit = time.time() - older_than
    for path in folder.rglob(f".*{TEMPORARY_SUFFIX}"):
        try:
            if _TEMPORARY_NAME.match(path.name) and path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            continue
    return removed


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _temporary_file(path: Path, data: bytes, durable: bool = True) -> Path:
    """A complete, flushed copy of `data` in a hidden temporary file next to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX)
    temporary = Path(name)
    try:
        # mkstemp makes the file private (0600); a page must be readable like any file the user
        # writes, or a web server serving the site cannot read it.
        os.fchmod(handle, 0o666 & ~_current_umask())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError) and error.filename is None:  # a failed write names no file: name the target
            raise OSError(error.errno, error.strerror, str(path)) from error
        raise
    return temporary


# The built site: made in a new folder, then swapped in whole ------------------------------------------

_RENAME_EXCHANGE = 2  # renameat2(2) flag: swap two paths in one step (Linux 3.15+)
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one atomic step where the system can (Linux); False elsewhere."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0


def new_site_folder(site_dir: Path) -> Path:
    """An empty hidden folder next to `site_dir` to build the next site into (see `swap_in_site`)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))


def swap_in_site(built: Path, site_dir: Path) -> None:
    """Put the finished site `built` where `site_dir` is, so a reader or a publishing step sees the
    whole old site or the whole new one, never a mix: a build killed at any moment leaves the old
    site as it was. Where the system can, the two folders are exchanged in one step; elsewhere the
    old site is renamed away first (for an instant there is no `site_dir`, never half of one)."""
    import shutil

    if not site_dir.exists():
        os.replace(built, site_dir)
        return
    if _exchange(built, site_dir):
        old = built
    else:
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
        os.replace(site_dir, old / site_dir.name)
        os.replace(built, site_dir)
    shutil.rmtree(old, ignore_errors=True)


def remove_unfinished_sites(site_dir: Path) -> None:
    """Remove the folders a killed build left next to `site_dir` (`.site.new-*`, `.site.old-*`).
    Called only while holding the build lock, so no running build owns them."""
    import shutil

    if not site_dir.parent.is_dir():
        return
    for leftover in site_dir.parent.glob(f".{site_dir.name}.*-*"):
        if leftover.is_dir() and leftover.name[len(site_dir.name) + 2 :].startswith(("new-", "old-")):
            shutil.rmtree(leftover, ignore_errors=True)
