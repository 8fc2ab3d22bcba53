"""`briefing-gen init DIR`: a new site folder that builds at once.

The files come from `briefing_gen/skeleton/` (package data): mkdocs.yml, actors.yml with a
commented example, articles/ with one example article, an empty notes/ and a .gitignore. A file
whose name starts with `dot-` is written with a leading dot instead (package data skips dot files).
Nothing is ever overwritten: the folder must be new or empty, and every file is opened with
exclusive creation.
"""
from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

DOT_PREFIX = "dot-"


class ScaffoldError(Exception):
    pass


def skeleton_files() -> list[tuple[str, bytes]]:
    """(relative path in the new site, content) for every file of the skeleton, sorted."""
    files: list[tuple[str, bytes]] = []

    def walk(folder: Traversable, prefix: str) -> None:
        for entry in folder.iterdir():
            name = entry.name
            if name.startswith((".", "__")) or name.endswith((".pyc", ".py")):
                continue
            target = "." + name[len(DOT_PREFIX):] if name.startswith(DOT_PREFIX) else name
            if entry.is_dir():
                walk(entry, f"{prefix}{target}/")
            else:
                files.append((f"{prefix}{target}", entry.read_bytes()))

    walk(resources.files("briefing_gen").joinpath("skeleton"), "")
    return sorted(files)


def create_site(folder: Path) -> list[str]:
    """Write the skeleton into `folder` (created if missing); the relative paths written.

    Raises ScaffoldError when `folder` is a file or a folder that already holds anything.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(f"{folder} exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise ScaffoldError(f"{folder} is not empty; init only writes into a new or empty folder, so nothing is overwritten")
    files = skeleton_files()
    if not files:
        raise ScaffoldError("the site skeleton is missing from the installed package")
    folder.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    for relative, content in files:
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(path, "xb") as stream:  # exclusive: never replaces a file
                stream.write(content)
        except FileExistsError:
            raise ScaffoldError(f"{path} appeared while writing; left it as it is") from None
        written.append(relative)
    return written
