"""`briefing-gen add` stays within its limits against hostile servers, feeds and files.

Pages come from a local HTTP server started by this module: it listens on 127.0.0.1 only, on a
free port, in a thread, and every slow answer is a loop with a fixed number of steps, so nothing
keeps running after the tests. Work is counted (files opened, folders listed) with an audit hook
of the interpreter, not timed.
"""
from __future__ import annotations

import gzip
import subprocess
import sys
import time
import tracemalloc
import zlib
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from conftest import local_http_server

from briefing_gen.cli import main
from briefing_gen.ingest.add import add
from briefing_gen.ingest.feeds import add_feed_file, word_count
from briefing_gen.ingest.fetch import WHOLE_FETCH_FACTOR, ArticleFolder, FetchError, fetch, with_source_url

LIMIT = 1024 * 1024  # max_bytes in these tests
BOMB_SIZE = 64 * 1024 * 1024  # what the bombs inflate to
TRICKLE_STEP = 0.2  # seconds between the bytes of a slow server
TRICKLE_STEPS = 150  # ... which stops by itself after 30 s at most
HOP_DELAY = 0.7  # seconds each redirect of /hop/ takes


def page(title: str, lead: str = "") -> str:
    lead = lead or f"{title}: the harbour board of Eastwick voted on Monday to build a new ferry terminal on the old fish market."
    paragraphs = [
        lead,
        "The board met for three hours before the vote, and members of the public filled the gallery of the old customs hall.",
        "Supporters said the plan would bring work to the town, while opponents warned that the cost had been underestimated.",
    ]
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{title}</title></head>\n<body><article><h1>{title}</h1>\n{body}</article></body></html>"


PAGE = page("Harbour board backs new ferry terminal").encode()
FULL_TEXT = " ".join(["The council debated the ferry terminal again, clause by clause, late into the evening."] * 8)


def rss(entries: list[tuple[str, str]], full_text: bool = True) -> str:
    """An RSS feed of `(title, link)` entries, each with its full text or only a teaser."""
    items = []
    for number, (title, link) in enumerate(entries):
        content = f"<content:encoded><![CDATA[<p>{title}: {FULL_TEXT}</p><p>Entry number {number}.</p>]]></content:encoded>" if full_text else ""
        items.append(f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid><description>A teaser for entry {number}.</description>{content}</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Bay Courier</title><link>https://bay.example/</link>{''.join(items)}</channel></rss>"
    )


def gzip_bomb() -> bytes:
    return gzip.compress(b"\0" * BOMB_SIZE)


class Handler(BaseHTTPRequestHandler):
    bodies: dict[str, tuple[bytes, dict[str, str]]] = {}  # path -> (body, extra headers)

    def log_message(self, *args):
        pass

    def send(self, status: int, body: bytes, headers: dict[str, str]):
        self.send_response(status)
        headers = {"Content-Type": "text/html; charset=utf-8", **headers}
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass  # the client stopped reading at its limit

    def trickle(self, head: bytes, step: bytes):
        """`head` at once, then `step` every TRICKLE_STEP seconds, a fixed number of times."""
        try:
            self.wfile.write(head)
            for _ in range(TRICKLE_STEPS):
                time.sleep(TRICKLE_STEP)
                self.wfile.write(step)
        except OSError:
            pass  # the client gave up

    def do_GET(self):
        if self.path in Handler.bodies:
            body, headers = Handler.bodies[self.path]
            self.send(200, body, headers)
        elif self.path == "/trickle-headers":
            self.trickle(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: ", b"a")
        elif self.path == "/trickle-body":
            self.trickle(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><body><p>", b"w")
        elif self.path.startswith("/hop/"):
            number = int(self.path.rsplit("/", 1)[1])
            time.sleep(HOP_DELAY)  # each answer well within the timeout, all of them together not
            self.send(302, b"", {"Location": f"/hop/{number + 1}"} if number < 5 else {"Location": "/page.html"})
        elif self.path == "/many-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n" + b"X-Header: a\r\n" * 200 + b"\r\n")
        elif self.path == "/redirect-to-file":
            self.send(302, b"", {"Location": "file:///etc/hostname"})
        else:
            self.send(404, b"<html><body>Not found</body></html>", {})


@pytest.fixture(scope="module")
def server():
    bomb = gzip_bomb()
    deflate_bomb = zlib.compress(b"\0" * BOMB_SIZE)
    Handler.bodies = {
        "/page.html": (PAGE, {}),
        "/gzip.html": (gzip.compress(PAGE), {"Content-Encoding": "gzip"}),
        "/two-members.html": (gzip.compress(PAGE[:100]) + gzip.compress(PAGE[100:]), {"Content-Encoding": "gzip"}),
        "/deflate.html": (zlib.compress(PAGE), {"Content-Encoding": "deflate"}),
        "/cut-short.html": (gzip.compress(PAGE)[:-30], {"Content-Encoding": "gzip"}),
        "/brotli.html": (PAGE, {"Content-Encoding": "br"}),
        "/bomb.html": (bomb, {"Content-Encoding": "gzip"}),
        "/deflate-bomb.html": (deflate_bomb, {"Content-Encoding": "deflate"}),
        "/bomb-feed.xml": (bomb, {"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"}),
    }
    with local_http_server(Handler) as base:
        yield base


@pytest.fixture
def articles(tmp_path) -> Path:
    return tmp_path / "articles"


# Compressed and malformed responses -----------------------------------------------------------


@pytest.mark.parametrize("path", ["/gzip.html", "/two-members.html", "/deflate.html"])
def test_compressed_pages_are_read(server, articles, path):
    [saved] = add(f"{server}{path}", articles, max_bytes=LIMIT)
    assert saved.error is None
    assert saved.path.name == "harbour-board-backs-new-ferry-terminal.html"


@pytest.mark.parametrize("path, encoding", [("/bomb.html", "gzip"), ("/deflate-bomb.html", "deflate"), ("/bomb-feed.xml", "gzip")])
def test_a_compression_bomb_stops_at_the_limit_without_inflating(server, articles, path, encoding):
    tracemalloc.start()
    try:
        [saved] = add(f"{server}{path}", articles, max_bytes=LIMIT)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert saved.url == f"{server}{path}"
    assert saved.error == f"page is over the 1 MB limit once decompressed ({encoding})"
    assert peak < 8 * LIMIT  # far below the 64 MB the body inflates to
    assert not articles.exists()


def test_the_size_error_names_the_address_and_the_limit(server, articles, capsys):
    assert main(["add", f"{server}/bomb.html", "--articles", str(articles)]) == 1  # the default limit, 10 MB
    err = capsys.readouterr().err
    assert err == f"briefing-gen: {server}/bomb.html: page is over the 10 MB limit once decompressed (gzip)\n"


@pytest.mark.parametrize("path, message", [("/cut-short.html", "invalid gzip data"), ("/brotli.html", "unsupported content encoding 'br'")])
def test_bad_compressed_bodies_are_one_line_errors(server, articles, path, message):
    with pytest.raises(FetchError) as error:
        fetch(f"{server}{path}", max_bytes=LIMIT)
    assert message in str(error.value)


def test_a_response_that_is_not_http_is_a_one_line_error(server, articles):
    [saved] = add(f"{server}/many-headers", articles)
    assert saved.error == "invalid HTTP response: got more than 100 headers"


def test_a_compressed_feed_file(tmp_path, articles):
    feed = tmp_path / "feed.xml.gz"
    feed.write_bytes(gzip.compress(rss([("Ferry fares to rise", "https://bay.example/1"), ("School gets a roof", "https://bay.example/2")]).encode()))
    saved = add(str(feed), articles, max_bytes=LIMIT)
    assert [s.path.name for s in saved] == ["ferry-fares-to-rise.html", "school-gets-a-roof.html"]


def test_a_compressed_feed_file_that_is_a_bomb(tmp_path, articles):
    feed = tmp_path / "feed.xml.gz"
    feed.write_bytes(gzip_bomb())
    tracemalloc.start()
    try:
        [saved] = add(str(feed), articles, max_bytes=LIMIT)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert saved.error == "file is over the 1 MB limit once decompressed (gzip)"
    assert peak < 8 * LIMIT


def test_a_feed_file_over_the_limit(tmp_path, articles):
    feed = tmp_path / "feed.xml"
    feed.write_text(rss([("Ferry fares to rise", "https://bay.example/1")]) + " " * LIMIT, encoding="utf-8")
    [saved] = add_feed_file(feed, articles, max_bytes=LIMIT)
    assert saved.error == "file is over the 1 MB limit"


def test_a_feed_body_that_names_a_local_file_is_not_opened(server, articles, tmp_path):
    local = tmp_path / "local-feed.xml"
    local.write_text(rss([("Local secret", "https://bay.example/secret")]), encoding="utf-8")
    Handler.bodies["/path-as-feed.xml"] = (str(local).encode(), {"Content-Type": "application/rss+xml"})
    [saved] = add(f"{server}/path-as-feed.xml", articles)
    assert "not an RSS or Atom feed" in saved.error
    assert not articles.exists()


# Slow servers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/trickle-headers", "/trickle-body", "/hop/1"])
def test_a_slow_server_is_cut_off_at_the_deadline(server, articles, capsys, path):
    timeout = 1
    assert main(["add", f"{server}{path}", "--articles", str(articles), "--timeout", str(timeout)]) == 1
    limit = timeout * WHOLE_FETCH_FACTOR
    # The deadline stopped it: without one the server would have finished (after 30 s) and no
    # error would be reported.
    assert capsys.readouterr().err == f"briefing-gen: {server}{path}: not complete after {limit} s ({WHOLE_FETCH_FACTOR} x the {timeout} s timeout), stopped\n"
    assert not articles.exists()


def test_redirects_within_the_deadline_are_followed(server, articles):
    [saved] = add(f"{server}/hop/1", articles, timeout=10)
    assert saved.error is None


# Only web addresses -----------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["file:///etc/hostname", "javascript:alert(1)", "data:text/html,<p>x</p>", "http://", "http://bay example/x", "http://bay.example/\nx"])
def test_only_http_and_https_addresses_are_fetched(articles, target):
    [saved] = add(target, articles)
    assert "not an http or https address" in saved.error
    assert "\n" not in saved.error
    assert not articles.exists()


def test_a_redirect_to_another_scheme_is_refused(server, articles):
    [saved] = add(f"{server}/redirect-to-file", articles)
    assert saved.error == "redirected to an address that is not http or https: file:///etc/hostname"


def test_feed_links_that_are_not_web_addresses_are_not_written(tmp_path, articles):
    feed = tmp_path / "feed.xml"
    feed.write_text(rss([("Ferry fares to rise", "javascript:alert(1)"), ("School gets a roof", "file:///etc/hostname")]), encoding="utf-8")
    saved = add(str(feed), articles)
    assert [s.error for s in saved] == [None, None]
    for entry in saved:
        text = entry.path.read_text(encoding="utf-8")
        assert "javascript:" not in text and "file:" not in text
        assert "briefing-gen:source-url" not in text


def test_with_source_url_takes_web_addresses_only():
    with pytest.raises(ValueError):
        with_source_url("<html><head></head></html>", "file:///etc/hostname")


# Saving many entries ----------------------------------------------------------------------------


class Work:
    """Files opened and folders listed under one folder while counting (an interpreter audit hook)."""

    counting: "Work | None" = None
    installed = False

    def __init__(self, folder: Path):
        self.folder = str(folder)
        self.opened = 0
        self.listed = 0

    def __enter__(self):
        if not Work.installed:
            sys.addaudithook(Work._hook)  # stays for the process: it only counts while a Work is open
            Work.installed = True
        Work.counting = self
        return self

    def __exit__(self, *exc):
        Work.counting = None

    @staticmethod
    def _hook(event, args):
        work = Work.counting
        if work is None or event not in ("open", "os.scandir", "os.listdir") or not args:
            return
        path = args[0]
        if isinstance(path, (str, Path)) and str(path).startswith(work.folder):
            if event == "open":
                work.opened += 1
            else:
                work.listed += 1


ENTRIES = 2000


def test_saving_a_large_full_text_feed_reads_the_folder_once(tmp_path, articles):
    feed = tmp_path / "feed.xml"
    feed.write_text(rss([(f"Ferry report number {n}", f"https://bay.example/news/{n}") for n in range(ENTRIES)]), encoding="utf-8")
    with Work(articles) as work:
        saved = add(str(feed), articles)
    assert [s.error for s in saved] == [None] * ENTRIES
    assert len({s.path for s in saved}) == ENTRIES
    assert work.listed <= 2  # the folder is listed once, not once per entry
    assert work.opened <= ENTRIES + 2  # one file written per entry, none read again

    # the same feed again: every entry is found among the files read once
    with Work(articles) as work:
        again = add(str(feed), articles)
    assert [s.existing for s in again] == [s.path for s in saved]
    assert work.listed <= 2
    assert work.opened <= ENTRIES + 2
    assert len(list(articles.iterdir())) == ENTRIES


def test_entries_with_one_title_get_numbers_without_counting_up_each_time(tmp_path, articles):
    count = 300
    articles.mkdir()
    (articles / "same-title-5.html").write_text("<html><body><p>Written by hand.</p></body></html>", encoding="utf-8")
    entries = [("Same title", f"https://bay.example/news/{n}") for n in range(count)]
    entries.append(("Same title", "https://bay.example/news/7"))  # twice in the feed: saved once
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(entries), encoding="utf-8")
    with Work(articles) as work:
        saved = add(str(feed), articles)
    names = [s.path.name for s in saved[:count]]
    assert names[:5] == ["same-title.html", "same-title-2.html", "same-title-3.html", "same-title-4.html", "same-title-6.html"]
    assert len(set(names)) == count
    assert saved[-1].existing == saved[7].path
    assert (articles / "same-title-5.html").read_text(encoding="utf-8") == "<html><body><p>Written by hand.</p></body></html>"
    assert work.opened <= count + 3  # each name tried once (and the file by hand read once)


def test_an_article_folder_shared_by_several_adds(tmp_path, articles):
    folder = ArticleFolder(articles)
    first, second = tmp_path / "first.xml", tmp_path / "second.xml"
    first.write_text(rss([("Ferry fares to rise", "https://bay.example/1")]), encoding="utf-8")
    second.write_text(rss([("Ferry fares to rise", "https://bay.example/1"), ("Ferry fares to rise", "https://bay.example/2")]), encoding="utf-8")
    [saved] = add(str(first), folder)
    again, other = add(str(second), folder)
    assert again.existing == saved.path
    assert other.path.name == "ferry-fares-to-rise-2.html"


# Markup that made regular expressions slow ------------------------------------------------------------


def test_unclosed_tags_cost_linear_time():
    """Open tags with no `>`, repeated over a page of a few MB, once took one scan to the end each."""
    code = (
        "from briefing_gen.ingest.fetch import with_source_url\n"
        "from briefing_gen.ingest.feeds import word_count\n"
        "for tag in ('<head ', '<html ', '<meta http-equiv=content-type ', '<p '):\n"
        "    page = tag * (2_000_000 // len(tag))\n"
        "    assert with_source_url(page, 'https://bay.example/x').count('briefing-gen:source-url') == 1\n"
        "    word_count(page)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)  # a stall guard: minutes to hours before


def test_tags_are_still_found():
    page = "<html lang='en'><head data-x='1'><meta http-equiv='Content-Type' content='text/html; charset=latin-1'><title>T</title></head></html>"
    result = with_source_url(page, "https://bay.example/x")
    assert result.startswith("<html lang='en'><head data-x='1'>\n<meta charset=\"utf-8\">")
    assert "latin-1" not in result
    assert word_count("<p class='a'>one <b>two</b></p> three") == 3
