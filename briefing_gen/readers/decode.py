"""Reading a source file's bytes into normalised text, with one-line errors for what cannot be read."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from briefing_gen.errors import ArticleError, SkipReason

DEFAULT_MAX_BYTES = 20_000_000  # "20 MB", as the messages and --max-size count: 10^6 bytes a MB


def read_text(path: Path, max_bytes: int | None = None) -> str:
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if path.is_dir():
        raise ArticleError("is a folder, not an article file", SkipReason.FOLDER)
    try:
        size = path.stat().st_size
        if size > limit:
            raise ArticleError(f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit", SkipReason.OVER_SIZE)
        with path.open("rb") as stream:
            data = stream.read(limit + 1)  # never more than the limit, even from a file that grows
        if len(data) > limit:
            raise ArticleError(f"file grew over the {limit / 1e6:.1f} MB limit while it was read", SkipReason.OVER_SIZE)
    except PermissionError:
        raise ArticleError("permission denied", SkipReason.PERMISSION) from None
    except FileNotFoundError:
        raise ArticleError("file not found", SkipReason.UNREADABLE) from None
    except OSError as error:
        raise ArticleError(f"cannot read file: {error.strerror or error}", SkipReason.UNREADABLE) from None
    if not data.strip():
        raise ArticleError("file is empty", SkipReason.EMPTY)
    return normalise_newlines(decode_bytes(data))


def decode_bytes(data: bytes) -> str:
    """Bytes to text: a byte order mark first, then UTF-16 without one (by its NUL pattern), UTF-8,
    UTF-8 with stray Windows-1252 bytes, a charset the page itself declares, and last what
    charset-normalizer detects. Binary data is refused with a one-line reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise ArticleError(f"invalid {encoding.upper()} text", SkipReason.ENCODING) from None
    kind = _binary_kind(data)
    if kind:
        raise ArticleError(f"binary file ({kind}), not a text or HTML article", SkipReason.BINARY)
    core = data.rstrip(b"\x00")  # NUL padding after the text: a file cut short by a crash
    if not core.strip():
        raise ArticleError("binary file, not text (only NUL bytes)", SkipReason.BINARY)
    if b"\x00" in core:
        encoding = _utf16_without_bom(core)
        if encoding:
            return _checked(_decode_utf16(core, encoding), encoding)
        if core.count(0) > max(2, len(core) // 1000):
            raise ArticleError("binary file, not text", SkipReason.BINARY)
        core = core.replace(b"\x00", b"")  # a few stray NULs in a text file
    try:
        return core.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(core):
        return _checked(core.decode("utf-8", errors="cp1252-fallback"), "utf-8")
    declared = _declared_charset(core)
    if declared:
        try:
            return _checked(core.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return _detect_and_decode(core)


# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"{\\rtf", "an RTF document"),
)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if magic == b"MZ" and b"\x00" not in data[:512]:
                continue  # a text that happens to start with "MZ"
            return kind
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` when the NULs fall on one byte of each pair, as in UTF-16 text
    that is mostly Latin script; None for anything else (binary data)."""
    sample = data[:65536]
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    high_le = sample[1::2].count(0)  # ASCII in little-endian: "A\x00"
    high_be = sample[0::2].count(0)  # ASCII in big-endian: "\x00A"
    if high_le >= pairs * 0.3 and sample[0::2].count(0) <= pairs * 0.02:
        return "utf-16-le"
    if high_be >= pairs * 0.3 and sample[1::2].count(0) <= pairs * 0.02:
        return "utf-16-be"
    return None


def _decode_utf16(core: bytes, encoding: str) -> str:
    if len(core) % 2:
        core += b"\x00"  # the trailing NUL of the last little-endian character was stripped as padding
    try:
        return core.decode(encoding).rstrip("\x00")
    except UnicodeDecodeError:
        raise ArticleError(f"invalid {encoding.upper()} text", SkipReason.ENCODING) from None


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _mostly_utf8(data: bytes) -> bool:
    """True for UTF-8 text with a few stray single-byte characters (a file pieced together from
    UTF-8 and Windows-1252 sources): most of its non-ASCII bytes form valid UTF-8 sequences."""
    valid = sum(len(m.group(0)) for m in _UTF8_MULTIBYTE.finditer(data))
    non_ascii = len(_NON_ASCII.findall(data))
    return valid > 0 and valid >= non_ascii * 0.5


def _cp1252_fallback(error: UnicodeDecodeError):
    return error.object[error.start:error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("cp1252-fallback", _cp1252_fallback)

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
# As browsers do (WHATWG Encoding Standard): pages labelled Latin-1 or ASCII are Windows-1252.
_LABEL_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes, if Python knows it."""
    match = _DECLARED.search(data[:8192])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "ignore").strip().lower()
    label = _LABEL_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _checked(text: str, encoding: str) -> str:
    if _control_character_share(text) > 0.01:
        raise ArticleError("binary file, not text", SkipReason.BINARY)
    return text


# Single-byte Western encodings that decode most European-language news text the same way;
# charset-normalizer often cannot tell them apart on a short article and ranks a Baltic or
# Central European code page first, which turns "naïve" into "naļve".
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def _detect_and_decode(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise ArticleError("binary file or unknown text encoding", SkipReason.BINARY)
    best = matches[0]
    for match in matches:
        if match.encoding in _WESTERN and match.chaos <= best.chaos + 0.1:
            best = match
            break
    return _checked(str(best), best.encoding)


def _control_character_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / len(sample)


def normalise_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return text.replace("\u00a0", " ").replace("\ufeff", "")
