"""Errors that say what went wrong to a user, typed so that no one has to read a message to sort it.

- `ArticleError`: a source file that cannot become a briefing, with its one-line message and its
  `SkipReason`, the kind the build counts it under ("skipped 5 files: 2 empty, 1 binary, ...").
- `FileProblems`: an editor's or a site's file that cannot be used (notes, corrections, settings),
  with one line per problem, each naming the file and the key, all reported together.
"""
from __future__ import annotations

from enum import Enum


class SkipReason(str, Enum):
    """Why a source file was skipped; the value is how the closing summary counts it."""

    TOO_LONG = "text too long to extract from"
    OVER_SIZE = "over the size limit"
    EMPTY = "empty"
    FURNITURE_ONLY = "only headers or site furniture"
    BINARY = "binary"
    ENCODING = "unreadable text encoding"
    PERMISSION = "permission denied"
    FOLDER = "a folder, not a file"
    NOT_REGULAR = "not a regular file"
    LINK_OUTSIDE = "a link outside the articles folder"
    FILE_NAME = "file name not valid UTF-8"
    NO_READER = "no reader for the file type"
    FRONT_MATTER = "invalid front matter"
    READER_FAILED = "reader failed"
    EXTRACTION_FAILED = "extraction failed"
    UNREADABLE = "cannot read the file"


class ArticleError(Exception):
    """A source file that cannot become an article: `str(error)` is one line for the user."""

    def __init__(self, message: str, reason: SkipReason):
        super().__init__(message)
        self.reason = reason


class FileProblems(ValueError):
    """Files that cannot be used; `problems` holds one line per problem, each naming the file (and key)."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems
