"""`briefing-gen add`: fetch a web page (or a feed) once and keep it under `articles/`.

The build never touches the network: a fetched page is stored as an `.html` file with the address
it came from recorded in its `<head>` (`<meta name="briefing-gen:source-url">`), which the HTML
reader turns into the article's `url`. Fetching uses the standard library only: a timeout on every
network operation and a deadline for the whole fetch of an address, a size limit (also on what a
compressed body inflates to, checked as it inflates), http and https addresses only (also after a
redirect; at most `MAX_REDIRECTS`), and a one-line `FetchError` for HTTP errors, connection
failures, responses that are not HTTP and content that is neither a web page nor a feed.
"""
from __future__ import annotations

import datetime as dt
import functools
import html
import http.client
import re
import socket
import threading
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from briefing_gen import __version__ as _version
from briefing_gen.addresses import is_web_address
from briefing_gen.pipeline.slugs import slugify
from briefing_gen.readers.decode import ArticleError, decode_bytes, normalise_newlines
from briefing_gen.readers.html import SOURCE_URL_META
from briefing_gen.whitespace import fold_space

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
#: The whole fetch of one address may take this many times the timeout of one network operation.
WHOLE_FETCH_FACTOR = 3
USER_AGENT = f"briefing-gen/{_version} (saves articles for an offline briefing site)"

HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json", "application/xml", "text/xml"}
_FEED_SNIFF = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<\?xml-stylesheet[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.DOTALL | re.IGNORECASE)


class FetchError(Exception):
    """A page or feed that could not be fetched or saved; the message is one line for the user."""


@dataclass
class Fetched:
    url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes

    @property
    def is_html(self) -> bool:
        return self.content_type in HTML_TYPES

    @property
    def is_feed(self) -> bool:
        return self.content_type in FEED_TYPES or looks_like_feed(self.body)

    def text(self) -> str:
        """The body as text: the charset the server names, else what the bytes say."""
        if self.charset:
            try:
                return normalise_newlines(self.body.decode(self.charset))
            except (LookupError, UnicodeDecodeError):
                pass
        try:
            return normalise_newlines(decode_bytes(self.body))
        except ArticleError as error:
            raise FetchError(f"{self.url}: {error}") from None


@dataclass
class Saved:
    """What `add` did for one page or feed entry: the file written, or why nothing was."""

    url: str
    path: Path | None = None
    error: str | None = None
    existing: Path | None = None  # already saved from the same address


def looks_like_feed(body: bytes) -> bool:
    return bool(_FEED_SNIFF.match(body[:4096].lstrip(b"\xef\xbb\xbf")))


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        # urllib refuses some schemes itself, with an error that reads like any other failed redirect
        location = headers.get("location") or headers.get("uri")
        if location and urlsplit(urljoin(req.full_url, location)).scheme.lower() not in ("http", "https"):
            fp.close()
            raise FetchError(f"redirected to an address that is not http or https: {' '.join(urljoin(req.full_url, location).split())}")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not is_web_address(newurl):
            raise FetchError(f"redirected to an address that is not http or https: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES, accept_feeds: bool = True) -> Fetched:
    """GET `url`, following redirects; raise `FetchError` for anything but a page (or a feed).

    Each network operation may take `timeout` seconds, and the whole fetch (connecting, every
    redirect, the headers and the body) `WHOLE_FETCH_FACTOR` times that: a server that keeps
    sending a byte now and then is cut off there.
    """
    if not is_web_address(url):
        raise FetchError(f"{url}: not an http or https address")
    limit = timeout * WHOLE_FETCH_FACTOR
    deadline = _Deadline(limit)
    failure: Exception | None = None
    try:
        fetched = _fetch(url, timeout, max_bytes, accept_feeds, deadline)
    except Exception as error:
        failure = error
    finally:
        deadline.cancel()
    if deadline.expired:  # whatever went wrong came from the shut-down sockets; a body may even look complete
        raise FetchError(f"{url}: not complete after {limit:g} s ({WHOLE_FETCH_FACTOR} x the {timeout:g} s timeout), stopped")
    if failure is None:
        return fetched
    if isinstance(failure, FetchError):
        raise failure
    raise FetchError(f"{url}: {_network_problem(failure, timeout)}") from None


def _network_problem(error: Exception, timeout: float) -> str:
    """One line for the user about a failed fetch."""
    if isinstance(error, urllib.error.HTTPError):
        if 300 <= error.code < 400:
            return f"too many redirects (more than {MAX_REDIRECTS}, or a loop)"
        reason = fold_space(str(error.reason or ""))
        return f"HTTP error {error.code} {reason}".rstrip()
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            return f"timed out after {timeout:g} s"
        return f"cannot connect: {' '.join(str(getattr(reason, 'strerror', None) or reason).split())}"
    if isinstance(error, (socket.timeout, TimeoutError)):
        return f"timed out after {timeout:g} s"
    if isinstance(error, http.client.HTTPException):  # a status line or headers that are not HTTP
        detail = fold_space(str(error))[:100] or type(error).__name__
        return f"invalid HTTP response: {detail}"
    if isinstance(error, OSError):
        return f"connection failed: {' '.join(str(error.strerror or error).split())}"
    if isinstance(error, ValueError):  # http.client's InvalidURL and friends
        return f"invalid address: {' '.join(str(error).split())}"
    raise error


def _fetch(url: str, timeout: float, max_bytes: int, accept_feeds: bool, deadline: "_Deadline") -> Fetched:
    accept = "text/html,application/xhtml+xml;q=0.9"
    if accept_feeds:
        accept += ",application/rss+xml,application/atom+xml,application/xml;q=0.8"
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept + ",*/*;q=0.1", "Accept-Encoding": "gzip, deflate"})
    opener = urllib.request.build_opener(_LimitedRedirects(), _DeadlineHTTPHandler(deadline), *_https_handlers(deadline))
    with opener.open(request, timeout=timeout) as response:
        final_url = response.geturl()
        headers: Message = response.headers
        content_type = (headers.get_content_type() or "").lower()
        allowed = HTML_TYPES | (FEED_TYPES if accept_feeds else set())
        if content_type not in allowed and not (accept_feeds and content_type == "text/plain"):
            raise FetchError(f"{url}: not a web page{' or feed' if accept_feeds else ''} (content type {content_type or 'unknown'})")
        length = headers.get("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise FetchError(f"{url}: page is {megabytes(int(length))}, over the {megabytes(max_bytes)} limit")
        inflater = Inflater((headers.get("Content-Encoding") or "").strip().lower(), max_bytes, url)
        body = _read_limited(response, max_bytes, inflater, url)
        charset = headers.get_content_charset()
    if content_type == "text/plain" and not looks_like_feed(body):
        raise FetchError(f"{url}: not a web page or feed (content type text/plain)")
    return Fetched(url=final_url, content_type=content_type, charset=charset, body=body)


def _read_limited(response, max_bytes: int, inflater: "Inflater", url: str) -> bytes:
    """The body, decompressed as it arrives: neither what is sent nor what it inflates to may pass `max_bytes`."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(64 * 1024)
        if not chunk:
            chunks.append(inflater.finish())
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: page is over the {megabytes(max_bytes)} limit")
        chunks.append(inflater.feed(chunk))


def megabytes(size: int) -> str:
    """`size` bytes for a message: `10 MB`, `0.1 MB`."""
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


class Inflater:
    """Undoes a content encoding (gzip or deflate) piece by piece, stopping as soon as the output
    passes `max_bytes`: a small compressed body never turns into more than the limit in memory."""

    _GZIP_MAGIC = b"\x1f\x8b"

    def __init__(self, encoding: str, max_bytes: int, label: str, what: str = "page"):
        if encoding in ("gzip", "x-gzip"):
            self.wbits: int | None = 16 + zlib.MAX_WBITS
        elif encoding == "deflate":
            self.wbits = zlib.MAX_WBITS
        elif encoding in ("", "identity"):
            self.wbits = None
        else:
            raise FetchError(f"{label}: unsupported content encoding {encoding!r}")
        self.encoding = encoding
        self.max_bytes = max_bytes
        self.label = label
        self.what = what
        self.size = 0
        self._decompressor = zlib.decompressobj(self.wbits) if self.wbits is not None else None
        self._started = False
        self._after_end = b""  # bytes after a complete gzip member: another member, or padding

    def feed(self, data: bytes) -> bytes:
        if self._decompressor is None:
            return data
        out: list[bytes] = []
        while data:
            self._started = True
            if self._decompressor.eof:
                data = self._next_member(data)
                continue
            try:
                piece = self._decompressor.decompress(data, self.max_bytes - self.size + 1)
            except zlib.error:
                raise FetchError(f"{self.label}: invalid {self.encoding} data") from None
            self.size += len(piece)
            if self.size > self.max_bytes:
                raise FetchError(f"{self.label}: {self.what} is over the {megabytes(self.max_bytes)} limit once decompressed ({self.encoding})")
            out.append(piece)
            data = self._decompressor.unused_data if self._decompressor.eof else self._decompressor.unconsumed_tail
        return b"".join(out)

    def _next_member(self, data: bytes) -> bytes:
        """What to decompress next after the end of a stream: a following gzip member, else nothing."""
        if self.wbits != 16 + zlib.MAX_WBITS or self._after_end is None:
            return b""
        self._after_end += data
        if len(self._after_end) < 2:
            return b""
        if self._after_end[:2] != self._GZIP_MAGIC:
            self._after_end = None  # trailing padding: ignored, as browsers do
            return b""
        data, self._after_end = self._after_end, b""
        self._decompressor = zlib.decompressobj(self.wbits)
        return data

    def finish(self) -> bytes:
        if self._decompressor is not None and self._started and not self._decompressor.eof:
            raise FetchError(f"{self.label}: invalid {self.encoding} data (cut short)")
        return b""


def inflate(data: bytes, encoding: str, max_bytes: int, label: str, what: str = "page") -> bytes:
    """`data` decompressed (`gzip` or `deflate`), or `FetchError` once it passes `max_bytes`."""
    inflater = Inflater(encoding, max_bytes, label, what)
    return inflater.feed(data) + inflater.finish()


# The deadline of one fetch --------------------------------------------------------------------------


class _Deadline:
    """The end of one address's fetch. When it comes, the sockets opened for the fetch are shut
    down, which ends any read waiting on them (a read that gets a byte now and then never times
    out on its own), and `expired` tells the fetch why its connection ended."""

    def __init__(self, seconds: float):
        self.at = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._sockets.clear()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        # the plain socket's shutdown, also for a TLS socket: it only wakes the reader; closing
        # the socket stays with its owner
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


class _DeadlineHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, deadline: _Deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self._deadline = deadline
        self._create_connection = self._connect_before_deadline

    def _connect_before_deadline(self, address, timeout, source_address=None):
        remaining = self._deadline.remaining()
        if remaining <= 0:
            raise TimeoutError("no time left to connect")
        sock = socket.create_connection(address, min(timeout, remaining) if timeout is not None else remaining, source_address)
        self._deadline.watch(sock)
        sock.settimeout(timeout)
        return sock


class _DeadlineHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self._deadline = deadline

    def http_open(self, req):
        return self.do_open(functools.partial(_DeadlineHTTPConnection, deadline=self._deadline), req)


if hasattr(http.client, "HTTPSConnection"):

    class _DeadlineHTTPSConnection(http.client.HTTPSConnection):
        def __init__(self, *args, deadline: _Deadline, **kwargs):
            super().__init__(*args, **kwargs)
            self._deadline = deadline
            self._create_connection = functools.partial(_DeadlineHTTPConnection._connect_before_deadline, self)

        def connect(self):
            http.client.HTTPConnection.connect(self)
            # the TLS handshake happens after the socket is watched, so it too ends at the deadline
            self.sock = self._context.wrap_socket(self.sock, server_hostname=self._tunnel_host or self.host, do_handshake_on_connect=False)
            self._deadline.watch(self.sock)
            self.sock.do_handshake()

    class _DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
        def __init__(self, deadline: _Deadline):
            super().__init__()
            self._deadline = deadline

        def https_open(self, req):
            return self.do_open(functools.partial(_DeadlineHTTPSConnection, deadline=self._deadline), req, context=self._context)

    def _https_handlers(deadline: _Deadline) -> list:
        return [_DeadlineHTTPSHandler(deadline)]

else:  # Python without ssl: no https

    def _https_handlers(deadline: _Deadline) -> list:
        return []


# Storing ------------------------------------------------------------------------------------------


def save_fetched_page(fetched: Fetched, articles_dir: "Path | ArticleFolder", requested_url: str | None = None, fallback: dict | None = None) -> Saved:
    """Store a fetched page as `<slug of its title>.html`, with its address recorded in it."""
    folder = ArticleFolder.of(articles_dir)
    url = fetched.url
    existing = folder.find({url, requested_url or url})
    if existing:
        return Saved(url=url, existing=existing)
    try:
        text = fetched.text()
    except FetchError as error:
        return Saved(url=url, error=message_without_url(str(error), url))
    return save_page_text(text, url, folder, fallback=fallback)


def save_page_text(text: str, url: str | None, articles_dir: "Path | ArticleFolder", fallback: dict | None = None) -> Saved:
    """Check that the page has article text, then write it (with its address) to a new file."""
    from briefing_gen.readers.html import read_html

    folder = ArticleFolder.of(articles_dir)
    label = url or "page"
    if url is not None and not is_web_address(url):
        return Saved(url=label, error="not an http or https address")
    page = with_source_url(text, url, fallback)
    try:
        article = read_html(label, page)
    except ArticleError as error:
        return Saved(url=label, error=str(error))
    if not article.paragraphs:
        return Saved(url=label, error="no article text found on the page")
    name = article.title or (urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] if url else "") or "article"
    path = folder.write_new(name, ".html", page, seed=url or page)
    folder.remember(url, path)
    return Saved(url=label, path=path)


def with_source_url(page: str, url: str | None, fallback: dict | None = None) -> str:
    """The page with its address (and, from a feed entry, fallback metadata) at the top of `<head>`.

    The page's own markup is left as it was. Its encoding declaration is replaced by UTF-8,
    the encoding the file is written in. `url` must be an http or https address (`ValueError`).
    """
    if url is not None and not is_web_address(url):
        raise ValueError(f"not an http or https address: {url!r}")
    fetched_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    tags = ['<meta charset="utf-8">']
    if url:
        tags.append(f'<meta name="{SOURCE_URL_META}" content="{html.escape(url, quote=True)}">')
    tags.append(f'<meta name="briefing-gen:saved" content="{fetched_at}">')
    for key, value in (fallback or {}).items():
        if value:
            tags.append(f'<meta name="briefing-gen:{key}" content="{html.escape(str(value), quote=True)}">')
    block = "\n" + "\n".join(tags) + "\n"
    page = _DECLARED_CHARSET.sub("", page)
    for pattern in (_HEAD_OPEN, _HTML_OPEN):
        match = pattern.search(page)
        if match:
            return page[:match.end()] + block + page[match.end():]
    return f"<!DOCTYPE html>\n<html><head>{block}</head>\n{page}</html>\n"


# A tag's attributes are read up to the next `<` at most: an open tag with no `>` (repeated all over a
# hostile page) then costs one look at the text up to the next tag, not one look to the end of the page.
_HEAD_OPEN = re.compile(r"<head(?:\s[^<>]*)?>", re.IGNORECASE)
_HTML_OPEN = re.compile(r"<html(?:\s[^<>]*)?>", re.IGNORECASE)
_DECLARED_CHARSET = re.compile(
    r"<meta\s+charset\s*=\s*[\"']?[\w.:-]+[\"']?\s*/?>|<meta\s+http-equiv\s*=\s*[\"']?content-type[\"']?[^<>]*>",
    re.IGNORECASE,
)


def write_new_file(folder: Path, title: str, suffix: str, text: str, seed: str = "") -> Path:
    """Write `text` to `folder/<slug><suffix>`, never over an existing file (`-2`, `-3`, ...)."""
    return ArticleFolder(folder).write_new(title, suffix, text, seed)


def find_saved(articles_dir: Path, urls: set[str]) -> Path | None:
    """An `.html` file in `articles_dir` already saved from one of `urls`."""
    return ArticleFolder(articles_dir).find(urls)


class ArticleFolder:
    """The articles folder as `add` sees it while saving many pages (every entry of a feed).

    The addresses already saved are read from the folder once, on the first look-up, and kept up to
    date as files are written; for each file name the next number to try is remembered. So saving
    `n` entries reads the folder once and tries each name at most once, instead of re-reading every
    saved file and counting up from `-2` again for each entry. A name is still only ever taken with
    an exclusive create, so a file that appears meanwhile is never overwritten.
    """

    _SOURCE = re.compile(rf'<meta name="{re.escape(SOURCE_URL_META)}" content="([^"]*)">')
    HEAD_CHARS = 8192  # the address is written at the top of `<head>`

    def __init__(self, path: Path):
        self.path = Path(path)
        self._saved: dict[str, Path] | None = None  # escaped address -> file
        self._next_number: dict[tuple[str, str], int] = {}

    @classmethod
    def of(cls, folder: "Path | ArticleFolder") -> "ArticleFolder":
        return folder if isinstance(folder, ArticleFolder) else cls(folder)

    def find(self, urls: set[str]) -> Path | None:
        """The file already saved from one of `urls` (the first by name if several were)."""
        saved = self._read_saved()
        found = [saved[key] for key in {html.escape(u, quote=True) for u in urls if u} if key in saved]
        return min(found) if found else None

    def remember(self, url: str | None, path: Path) -> None:
        if url and self._saved is not None:
            key = html.escape(url, quote=True)
            if key not in self._saved or path < self._saved[key]:
                self._saved[key] = path

    def write_new(self, title: str, suffix: str, text: str, seed: str = "") -> Path:
        """Write `text` to `<slug><suffix>` in the folder, never over an existing file (`-2`, `-3`, ...)."""
        self.path.mkdir(parents=True, exist_ok=True)
        base = slugify(title, fallback_seed=seed)
        number = self._next_number.get((base, suffix), 1)
        while True:
            path = self.path / (f"{base}{suffix}" if number == 1 else f"{base}-{number}{suffix}")
            try:
                with path.open("x", encoding="utf-8", newline="\n") as handle:
                    handle.write(text)
            except FileExistsError:
                number += 1
                continue
            self._next_number[(base, suffix)] = number + 1
            return path

    def _read_saved(self) -> dict[str, Path]:
        if self._saved is None:
            self._saved = {}
            if self.path.is_dir():
                for path in self.path.rglob("*.htm*"):
                    url = self._source_of(path)
                    if url is not None and (url not in self._saved or path < self._saved[url]):
                        self._saved[url] = path
        return self._saved

    def _source_of(self, path: Path) -> str | None:
        try:
            if not path.is_file():  # a folder, a pipe or a device named like a page
                return None
            with path.open("r", encoding="utf-8", errors="replace") as handle:
                head = handle.read(self.HEAD_CHARS)
        except OSError:
            return None
        match = self._SOURCE.search(head)
        return match.group(1) if match else None


def message_without_url(message: str, url: str) -> str:
    return message[len(url) + 2:] if message.startswith(url + ": ") else message


__all__ = ["ArticleFolder", "FetchError", "Fetched", "Saved", "fetch", "inflate", "save_fetched_page", "save_page_text", "with_source_url", "write_new_file"]
