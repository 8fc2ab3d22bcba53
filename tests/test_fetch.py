"""`briefing-gen add`: pages and RSS/Atom feeds fetched from a local HTTP server started by the test.

The server listens on 127.0.0.1 on a free port, in a thread, and is stopped at the end of the module.
"""
from __future__ import annotations

import socket
import time
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from conftest import local_http_server

from briefing_gen.cli import main
from briefing_gen.ingest.add import add
from briefing_gen.ingest.feeds import parse_feed
from briefing_gen.ingest.fetch import FetchError, fetch, with_source_url
from briefing_gen.readers import ReaderRegistry
from briefing_gen.readers.html import read_html


def article_page(title: str, lead: str, extra_head: str = "") -> str:
    paragraphs = [
        lead,
        "The harbour board met for three hours before the vote, and members of the public filled the gallery of the old customs hall.",
        "Supporters said the plan would bring work to the town, while opponents warned that the cost had been underestimated from the start.",
        "A final decision on the money is expected from the regional government before the end of the summer, the chair said.",
    ]
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>{title} | Bay Courier</title>"
        f"<meta property='og:site_name' content='Bay Courier'>{extra_head}</head>\n<body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>\n{body}</article>"
        "<footer>© Bay Courier. Cookie settings. Privacy.</footer></body></html>"
    )


PAGE = article_page(
    "Harbour board backs new ferry terminal",
    "The harbour board of Eastwick voted on Monday to build a new ferry terminal on the site of the old fish market.",
    "<meta name='author' content='Rosa Dahl'><meta property='article:published_time' content='2031-06-02T08:00:00Z'>",
)
SAME_TITLE_PAGE = article_page(
    "Harbour board backs new ferry terminal",
    "A different report of the same meeting: the board chose the fish market site after rejecting two others in the spring.",
)
LATIN1_PAGE = article_page("Café owners fight the façade rules", "The owners of forty cafés in Zürich met on Monday to oppose the façade rules.")

LONG_TEXT = " ".join(["The council debated the ferry terminal again, clause by clause, late into the evening."] * 8)
ENTRY_PAGES = {
    "/entry-1.html": article_page("Ferry fares to rise in autumn", "Ferry fares between Eastwick and the islands will rise by a tenth in the autumn, the operator said."),
    "/entry-2.html": article_page("Island school gets a new roof", "The island school will get a new roof before the winter storms, the council said on Friday."),
}


def rss(base: str, full_text: bool) -> str:
    items = []
    for number, (path, title) in enumerate([("/entry-1.html", "Ferry fares to rise in autumn"), ("/entry-2.html", "Island school gets a new roof")], 1):
        content = f"<content:encoded><![CDATA[<p>{title}: {LONG_TEXT}</p><p>Second paragraph of entry {number}, with <a href='/more'>a relative link</a>.</p>]]></content:encoded>" if full_text else ""
        items.append(
            f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
            f"<dc:creator>Rosa Dahl</dc:creator><pubDate>{format_datetime(datetime(2031, 6, number, 9, 30, tzinfo=timezone.utc))}</pubDate>"
            f"<category>ferries</category><description>A short teaser for entry {number}.</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bay Courier</title>'
        f"<link>{base}/</link><description>News from the bay</description>{''.join(items)}</channel></rss>"
    )


def atom(base: str, full_text: bool) -> str:
    entries = []
    for number, (path, title) in enumerate([("/entry-1.html", "Ferry fares to rise in autumn"), ("/entry-2.html", "Island school gets a new roof")], 1):
        content = f'<content type="html">&lt;p&gt;{title}: {LONG_TEXT}&lt;/p&gt;</content>' if full_text else f"<summary>A short teaser for entry {number}.</summary>"
        entries.append(
            f'<entry><title>{title}</title><link rel="alternate" href="{base}{path}"/><id>{base}{path}</id>'
            f"<author><name>Jon Berg</name></author><updated>2031-07-0{number}T10:00:00Z</updated>{content}</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Island Post</title>'
        f'<id>{base}/</id><updated>2031-07-02T10:00:00Z</updated>{"".join(entries)}</feed>'
    )


class Handler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def log_message(self, *args):  # keep the test output clean
        pass

    def send(self, status: int, body: bytes, content_type: str, headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the timeout and size-limit tests)

    def do_GET(self):
        Handler.requests.append(self.path)
        base = f"http://{self.headers['Host']}"
        routes = {
            "/article.html": (PAGE.encode(), "text/html; charset=utf-8"),
            "/same-title.html": (SAME_TITLE_PAGE.encode(), "text/html"),
            "/latin1.html": (LATIN1_PAGE.encode("latin-1"), "text/html; charset=iso-8859-1"),
            "/report.pdf": (b"%PDF-1.7\n", "application/pdf"),
            "/nav-only.html": (b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>", "text/html"),
            "/feed-full.rss": (rss(base, True).encode(), "application/rss+xml"),
            "/feed-summary.rss": (rss(base, False).encode(), "application/rss+xml"),
            "/atom-full.xml": (atom(base, True).encode(), "application/atom+xml"),
            "/atom-summary.xml": (atom(base, False).encode(), "text/xml"),
            **{path: (page.encode(), "text/html") for path, page in ENTRY_PAGES.items()},
        }
        if self.path in routes:
            body, content_type = routes[self.path]
            self.send(200, body, content_type)
        elif self.path == "/redirect":
            self.send(302, b"", "text/html", {"Location": "/article.html"})
        elif self.path == "/redirect-loop":
            self.send(302, b"", "text/html", {"Location": "/redirect-loop"})
        elif self.path == "/slow.html":
            time.sleep(2)
            self.send(200, PAGE.encode(), "text/html")
        elif self.path == "/big.html":
            self.send(200, b"<html><body>" + b"<p>word </p>" * 20000 + b"</body></html>", "text/html")
        elif self.path == "/big-unannounced.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the size is only known by reading
            try:
                for _ in range(40):
                    self.wfile.write(b"<p>" + b"word " * 2000 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading at its size limit
        else:
            self.send(404, b"<html><body>Not found</body></html>", "text/html")


@pytest.fixture(scope="module")
def server():
    with local_http_server(Handler) as base:
        yield base


@pytest.fixture
def articles(tmp_path) -> Path:
    return tmp_path / "articles"


def read(path: Path):
    return ReaderRegistry().read(path)


# Pages ----------------------------------------------------------------------------------------


def test_page_is_saved_with_its_address(server, articles):
    [saved] = add(f"{server}/article.html", articles)
    assert saved.error is None
    assert saved.path == articles / "harbour-board-backs-new-ferry-terminal.html"
    text = saved.path.read_text(encoding="utf-8")
    assert f'<meta name="briefing-gen:source-url" content="{server}/article.html">' in text
    article = read(saved.path)
    assert article.url == f"{server}/article.html"
    assert article.title == "Harbour board backs new ferry terminal"
    assert article.authors == ["Rosa Dahl"]
    assert article.published == "2031-06-02"
    assert article.paragraphs[0].text.startswith("The harbour board of Eastwick voted on Monday")
    assert "Sport" not in " ".join(p.text for p in article.paragraphs)


def test_same_address_twice_is_not_saved_twice(server, articles):
    add(f"{server}/article.html", articles)
    [again] = add(f"{server}/article.html", articles)
    assert again.existing == articles / "harbour-board-backs-new-ferry-terminal.html"
    assert len(list(articles.iterdir())) == 1


def test_same_title_never_overwrites(server, articles):
    [first] = add(f"{server}/article.html", articles)
    [second] = add(f"{server}/same-title.html", articles)
    assert second.path == articles / "harbour-board-backs-new-ferry-terminal-2.html"
    assert "The harbour board of Eastwick" in first.path.read_text(encoding="utf-8")
    assert "A different report of the same meeting" in second.path.read_text(encoding="utf-8")


def test_redirect_is_followed_and_the_final_address_recorded(server, articles):
    [saved] = add(f"{server}/redirect", articles)
    assert saved.error is None
    assert read(saved.path).url == f"{server}/article.html"


def test_page_in_latin_1_is_stored_as_utf_8(server, articles):
    [saved] = add(f"{server}/latin1.html", articles)
    assert saved.path.name == "cafe-owners-fight-the-facade-rules.html"
    article = read(saved.path)
    assert article.title == "Café owners fight the façade rules"
    assert "Zürich" in article.paragraphs[0].text


@pytest.mark.parametrize(
    "path, message",
    [
        ("/missing.html", "HTTP error 404"),
        ("/report.pdf", "not a web page or feed (content type application/pdf)"),
        ("/redirect-loop", "too many redirects"),
        ("/nav-only.html", "no article text"),
    ],
)
def test_failures_are_one_line_errors_and_save_nothing(server, articles, path, message):
    [saved] = add(f"{server}{path}", articles)
    assert saved.path is None
    assert message in saved.error
    assert "\n" not in saved.error
    assert not articles.exists() or not list(articles.iterdir())


def test_timeout(server):
    with pytest.raises(FetchError) as error:
        fetch(f"{server}/slow.html", timeout=0.5)
    assert "timed out" in str(error.value)  # the timeout fired: the slow page would take longer


@pytest.mark.parametrize("path", ["/big.html", "/big-unannounced.html"])
def test_size_limit(server, path):
    with pytest.raises(FetchError) as error:
        fetch(f"{server}{path}", max_bytes=100_000)
    assert "limit" in str(error.value)


def test_connection_refused():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError) as error:
        fetch(f"http://127.0.0.1:{port}/x.html", timeout=2)
    assert "cannot connect" in str(error.value)


def test_only_web_addresses(tmp_path):
    [saved] = add("ftp://files.example/article.html", tmp_path)
    assert "http" in saved.error
    [saved] = add(str(tmp_path / "no-such-feed.xml"), tmp_path)
    assert "no such file" in saved.error


def test_source_url_goes_into_the_head():
    page = with_source_url("<html><head><meta charset='windows-1252'><title>T</title></head><body></body></html>", "https://a.example/x?a=1&b=2")
    assert page.startswith('<html><head>\n<meta charset="utf-8">\n<meta name="briefing-gen:source-url" content="https://a.example/x?a=1&amp;b=2">')
    assert "windows-1252" not in page


# Feeds ----------------------------------------------------------------------------------------


def test_rss_with_full_text(server, articles):
    Handler.requests.clear()
    saved = add(f"{server}/feed-full.rss", articles)
    assert [s.error for s in saved] == [None, None]
    assert sorted(p.name for p in articles.iterdir()) == ["ferry-fares-to-rise-in-autumn.html", "island-school-gets-a-new-roof.html"]
    assert Handler.requests == ["/feed-full.rss"]  # the full text came with the feed: no page fetched
    article = read(articles / "ferry-fares-to-rise-in-autumn.html")
    assert article.title == "Ferry fares to rise in autumn"
    assert article.authors == ["Rosa Dahl"]
    assert article.published == "2031-06-01"
    assert article.url == f"{server}/entry-1.html"
    assert article.publisher == "Bay Courier"
    assert article.tags == ["ferries"]
    assert article.paragraphs[0].text.startswith("Ferry fares to rise in autumn: The council debated")
    assert article.paragraphs[1].links[0].url == f"{server}/more"


def test_rss_without_full_text_fetches_the_linked_pages(server, articles):
    Handler.requests.clear()
    saved = add(f"{server}/feed-summary.rss", articles)
    assert [s.error for s in saved] == [None, None]
    assert Handler.requests == ["/feed-summary.rss", "/entry-1.html", "/entry-2.html"]
    article = read(articles / "ferry-fares-to-rise-in-autumn.html")
    assert article.paragraphs[0].text == "Ferry fares between Eastwick and the islands will rise by a tenth in the autumn, the operator said."
    assert article.url == f"{server}/entry-1.html"
    # the page itself names no author or date: the feed entry's are kept
    assert article.authors == ["Rosa Dahl"]
    assert article.published == "2031-06-01"


def test_atom_with_full_text(server, articles):
    saved = add(f"{server}/atom-full.xml", articles)
    assert [s.error for s in saved] == [None, None]
    article = read(articles / "island-school-gets-a-new-roof.html")
    assert article.authors == ["Jon Berg"]
    assert article.published == "2031-07-02"
    assert article.publisher == "Island Post"
    assert article.url == f"{server}/entry-2.html"
    assert "The council debated the ferry terminal again" in article.paragraphs[0].text


def test_atom_without_full_text_fetches_the_linked_pages(server, articles):
    Handler.requests.clear()
    saved = add(f"{server}/atom-summary.xml", articles)
    assert [s.error for s in saved] == [None, None]
    assert "/entry-2.html" in Handler.requests
    article = read(articles / "island-school-gets-a-new-roof.html")
    assert article.paragraphs[0].text.startswith("The island school will get a new roof")
    assert article.authors == ["Jon Berg"]


def test_feed_from_a_local_file(server, articles, tmp_path):
    feed = tmp_path / "saved-feed.xml"
    feed.write_text(rss(server, True), encoding="utf-8")
    saved = add(str(feed), articles)
    assert [s.path.name for s in saved] == ["ferry-fares-to-rise-in-autumn.html", "island-school-gets-a-new-roof.html"]
    # adding it again saves nothing new
    again = add(str(feed), articles)
    assert all(s.existing for s in again)
    assert len(list(articles.iterdir())) == 2


def test_feed_entry_whose_page_fails_is_reported_and_the_others_saved(server, articles, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(server, False).replace("/entry-2.html", "/gone.html"), encoding="utf-8")
    first, second = add(str(feed), articles)
    assert first.path is not None
    assert "404" in second.error


def test_a_file_that_is_no_feed(articles, tmp_path):
    path = tmp_path / "notes.xml"
    path.write_text("just some words, not a feed at all", encoding="utf-8")
    [saved] = add(str(path), articles)
    assert "not an RSS or Atom feed" in saved.error


def test_parse_feed_resolves_relative_links():
    site, entries = parse_feed(rss("https://bay.example", True).replace("https://bay.example/entry-1.html", "/entry-1.html").encode(), "https://bay.example/feed.rss")
    assert site == "Bay Courier"
    assert entries[0].link == "https://bay.example/entry-1.html"
    assert entries[0].has_full_text and entries[0].published.startswith("2031-06-01")


# The command ----------------------------------------------------------------------------------


def test_add_command(server, articles, capsys):
    assert main(["add", f"{server}/article.html", f"{server}/feed-full.rss", "--articles", str(articles)]) == 0
    out = capsys.readouterr().out
    assert f"saved {articles / 'harbour-board-backs-new-ferry-terminal.html'} <- {server}/article.html" in out
    assert out.count("saved ") == 3
    assert main(["add", f"{server}/missing.html", "--articles", str(articles)]) == 1
    assert f"briefing-gen: {server}/missing.html: HTTP error 404" in capsys.readouterr().err


def test_saved_page_reads_without_the_network(server, articles):
    [saved] = add(f"{server}/article.html", articles)
    article = read_html(str(saved.path), saved.path.read_text(encoding="utf-8"))
    assert article.url == f"{server}/article.html"
