"""Reading a source file's bytes into normalised text, with one-line errors for what cannot be read."""
from __future__ import annotations

import codecs
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class ArticleError(Exception):
    """A source file that cannot become an article; the message is one line for the user."""


def read_text(path: Path, max_bytes: int | None = None) -> str:
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if path.is_dir():
        raise ArticleError("is a folder, not an article file")
    try:
        size = path.stat().st_size
        if size > limit:
            raise ArticleError(f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit")
        data = path.read_bytes()
    except PermissionError:
        raise ArticleError("permission denied") from None
    except FileNotFoundError:
        raise ArticleError("file not found") from None
    except OSError as error:
        raise ArticleError(f"cannot read file: {error.strerror or error}") from None
    if not data.strip():
        raise ArticleError("file is empty")
    return normalise_newlines(decode_bytes(data))


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) and UTF-16 with BOM; anything else is detected."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ArticleError(f"invalid {encoding} text") from None
    if b"\x00" in data[:4096] and not _looks_like_utf16(data):
        raise ArticleError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect_and_decode(data)


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:4096]
    return sample[1::2].count(0) > len(sample) * 0.4 or sample[0::2].count(0) > len(sample) * 0.4


def _detect_and_decode(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ArticleError("binary file or unknown text encoding")
    text = str(best)
    if _control_character_share(text) > 0.01:
        raise ArticleError("binary file, not text")
    return text


def _control_character_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / len(sample)


def normalise_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return text.replace("\u00a0", " ").replace("\ufeff", "")
