"""The settings of a build, read and checked once.

- `BuildOptions`: what the command (or a caller) asks for: folders, limits and switches.
- `SiteSettings`: briefing-gen's own `briefing-gen.yml` beside mkdocs.yml. Each key has a type and
  a check (as MkDocs' `config_options` do); every problem is reported at once, each line naming the
  file and the key, and an unknown key is a problem too (a misspelt key would otherwise be ignored).
- `MkDocsSettings`: what the build needs of mkdocs.yml (the site's name, its URL style, its Markdown
  extensions, whether it reads the search choice from the environment). mkdocs.yml is MkDocs' file
  and may hold tags such as `!ENV` or `!!python/name:`; they are read as inert `Tagged` values,
  never run.

Both are read through `read_site_settings` and `read_mkdocs_settings`, which keep the last result
per file until the file changes, so a build (or a preview that runs many) reads each once.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Callable

import yaml

from briefing_gen.errors import FileProblems

SETTINGS_FILE = "briefing-gen.yml"
SEARCH_CHOICES = ("auto", "builtin", "pagefind")
NOTES_HTML_CHOICES = ("sanitised", "raw")
ENGINE_CHOICES = ("mkdocs", "zensical")  # what builds docs/ into the site: MkDocs (default) or Zensical


@dataclass
class BuildOptions:
    articles_dir: Path = Path("articles")
    docs_dir: Path = Path("docs")
    site_dir: Path = Path("site")
    config_file: Path = Path("mkdocs.yml")
    actors_file: Path = Path("actors.yml")
    notes_dir: Path = Path("notes")
    build_site: bool = True
    strict: bool = True
    force: bool = False  # replace pages edited by hand (after backing them up) instead of keeping them
    max_bytes: int | None = None  # article files over this size are refused unread (None: the readers' default)
    jobs: int | None = None  # processes for language analysis (None: one per core)
    cache: bool = True  # reuse what earlier builds read and extracted (.briefing-gen/cache/ beside mkdocs.yml)
    search: str | None = None  # auto, builtin or pagefind (None: briefing-gen.yml's `search`, else auto)
    engine: str | None = None  # mkdocs or zensical (None: mkdocs)
    offline: bool = False  # a site to open from disk (file://): file URLs and Material's offline plugin


class SettingsError(FileProblems):
    """Settings that cannot be used. `problems`: one line each, naming the file and the key."""


# briefing-gen.yml -----------------------------------------------------------------------------------


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if value in choices else f"must be one of {', '.join(choices)}, not {value!r}"

    return check


def _whole_number(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return f"must be a whole number, not {value!r}"
    return None


@dataclass(frozen=True)
class SiteSettings:
    """briefing-gen.yml. Each field's `check` returns what is wrong with a value, or None."""

    # auto, builtin or pagefind: the site's search (auto: Pagefind from `pagefind_threshold` briefings)
    search: str = field(default="auto", metadata={"check": _one_of(SEARCH_CHOICES)})
    pagefind_threshold: int = field(default=500, metadata={"check": _whole_number})
    # sanitised or raw: whether the HTML in editors' notes is cleaned (`briefing_gen.site.notes_html`)
    notes_html: str = field(default="sanitised", metadata={"check": _one_of(NOTES_HTML_CHOICES)})


def read_site_settings(config_file: Path) -> SiteSettings:
    """briefing-gen.yml beside `config_file` (mkdocs.yml); the defaults when there is none.
    Raises `SettingsError` listing every problem."""
    path = config_file.parent / SETTINGS_FILE
    return _cached(path, _parse_site_settings)


def _parse_site_settings(path: Path, text: str | None) -> SiteSettings:
    if text is None:
        return SiteSettings()
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise SettingsError([f"{path}: invalid YAML: {' '.join(str(error).split())}"]) from None
    data = {} if data is None else data
    if not isinstance(data, dict):
        raise SettingsError([f"{path}: expected keys such as 'search: auto', not {type(data).__name__}"])
    known = {f.name: f for f in fields(SiteSettings)}
    problems = []
    for key, value in data.items():
        if key not in known:
            problems.append(f"{path}: '{key}': not a setting (known: {', '.join(known)})")
        elif (problem := known[key].metadata["check"](value)) is not None:
            problems.append(f"{path}: '{key}' {problem}")
    if problems:
        raise SettingsError(problems)
    return SiteSettings(**data)


# mkdocs.yml ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tagged:
    """A value of mkdocs.yml written with a YAML tag (`!ENV [NAME, default]`), kept as it is."""

    tag: str
    value: Any


class _InertLoader(yaml.SafeLoader):
    """YAML's safe loader that reads any tag as a `Tagged` value instead of refusing or running it."""


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        value: Any = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    else:
        value = loader.construct_scalar(node)
    return Tagged(node.tag, value)


_InertLoader.add_multi_constructor("!", _tagged)
_InertLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


@dataclass(frozen=True)
class MkDocsSettings:
    site_name: str = "Briefings"
    use_directory_urls: bool = True
    site_url: str | None = None  # the site's address when mkdocs.yml gives one: feeds link to it absolutely
    # (name, options) of each `markdown_extensions` entry, in order
    markdown_extensions: tuple[tuple[str, dict], ...] = ()
    # whether the configuration reads `BRIEFING_GEN_SEARCH` (`!ENV`), so the build can choose the search
    reads_search_choice: bool = False


def read_mkdocs_settings(config_file: Path, offline: bool = False) -> MkDocsSettings:
    """What the build needs of mkdocs.yml; MkDocs' defaults when there is none (a build that
    writes only the pages needs none). Raises `SettingsError` when it is not valid YAML.

    A site built to open from disk (`offline`, `build --offline`) has file URLs whatever
    mkdocs.yml says, so the pages' links are written for them."""
    settings = _cached(config_file, _parse_mkdocs_settings)
    return replace(settings, use_directory_urls=False) if offline else settings


def _parse_mkdocs_settings(path: Path, text: str | None) -> MkDocsSettings:
    if text is None:
        return MkDocsSettings()
    try:
        data = yaml.load(text, Loader=_InertLoader)  # noqa: S506 - a safe loader that runs no tag
    except yaml.YAMLError as error:
        raise SettingsError([f"{path}: invalid YAML: {' '.join(str(error).split())}"]) from None
    if not isinstance(data, dict):
        return MkDocsSettings()
    defaults = MkDocsSettings()
    name = data.get("site_name")
    directory_urls = _untagged(data.get("use_directory_urls", True))
    site_url = _untagged(data.get("site_url"))
    return MkDocsSettings(
        site_name=str(_untagged(name)) if name is not None else defaults.site_name,
        use_directory_urls=directory_urls if isinstance(directory_urls, bool) else True,
        site_url=site_url.strip() if isinstance(site_url, str) and site_url.strip() else None,
        markdown_extensions=tuple(_extensions(data.get("markdown_extensions"))),
        reads_search_choice="BRIEFING_GEN_SEARCH" in repr(data),
    )


def _untagged(value: Any) -> Any:
    """`!ENV [NAME, default]` read as its default, the value MkDocs takes when NAME is not set."""
    if isinstance(value, Tagged):
        return value.value[-1] if isinstance(value.value, list) and value.value else None
    return value


def _extensions(entries: Any) -> list[tuple[str, dict]]:
    found: list[tuple[str, dict]] = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, str):
            found.append((entry, {}))
        elif isinstance(entry, dict):
            found.extend((str(name), options if isinstance(options, dict) else {}) for name, options in entry.items())
    return found


# Reading each file once -----------------------------------------------------------------------------

_CACHE: dict[Path, tuple[tuple[int, int] | None, Any]] = {}


def _cached(path: Path, parse: Callable[[Path, str | None], Any]) -> Any:
    """`parse(path, text)` of the file's text (None when there is no file), kept until the file's
    size or modification time changes."""
    key = path.absolute()
    try:
        status = path.stat()
        state: tuple[int, int] | None = (status.st_size, status.st_mtime_ns)
    except OSError:
        state = None
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == state:
        return cached[1]
    if state is None:
        text = None
    else:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise SettingsError([f"{path}: cannot read it: {error}"]) from None
    result = parse(path, text)
    _CACHE[key] = (state, result)
    return result
