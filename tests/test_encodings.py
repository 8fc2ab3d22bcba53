"""Encodings and line endings: every file is written here by the test, then read through the registry."""
from __future__ import annotations

import codecs
import random

import pytest

from briefing_gen.readers import ArticleError, ReaderRegistry
from briefing_gen.readers.decode import decode_bytes, normalise_newlines

TITLE = "Café owners in Zürich protest the naïve façade rules"
PARAGRAPHS = [
    "The owners of forty cafés met on Monday and said the city’s new “façade code” would cost each of them €4,000 – money few of them have.",
    "Señora Niño, who runs a bakery near the lake, called the rules “déjà vu”: the same plan was dropped in 2019 after a month of protests.",
    "The council said it would reply to the objections before the summer recess.",
]
TEXT = TITLE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
# Latin-1 has no curly quotes, euro sign or dashes: the same article in straight ASCII punctuation.
LATIN1_PARAGRAPHS = [p.replace("’", "'").replace("“", '"').replace("”", '"').replace("€", "EUR ").replace("–", "-") for p in PARAGRAPHS]
LATIN1_TEXT = TITLE + "\n\n" + "\n\n".join(LATIN1_PARAGRAPHS) + "\n"


@pytest.fixture
def read(tmp_path):
    registry = ReaderRegistry()

    def read_bytes(name: str, data: bytes):
        path = tmp_path / name
        path.write_bytes(data)
        return registry.read(path)

    return read_bytes


def assert_article(article, paragraphs=PARAGRAPHS):
    assert article.title == TITLE
    assert [p.text for p in article.paragraphs] == paragraphs


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(lambda t: t.encode("utf-8"), id="utf-8"),
        pytest.param(lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda t: t.encode("utf-16"), id="utf-16-bom"),
        pytest.param(lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(lambda t: t.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(lambda t: t.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(lambda t: t.encode("utf-32"), id="utf-32-bom"),
        pytest.param(lambda t: t.encode("cp1252"), id="windows-1252"),
    ],
)
def test_encodings(read, encoded):
    assert_article(read("cafes.txt", encoded(TEXT)))


def test_latin_1(read):
    assert_article(read("cafes.txt", LATIN1_TEXT.encode("latin-1")), LATIN1_PARAGRAPHS)


def test_windows_1252_is_not_taken_for_another_code_page():
    # a short text where charset detection alone ranks a Baltic code page first ("naļve")
    text = "Café Müller’s “quoted” report – the naïve façade cost €5.\n"
    assert decode_bytes(text.encode("cp1252")) == text


def test_utf_8_with_stray_windows_1252_bytes(read):
    # pieced together from two sources: UTF-8, with one paragraph in Windows-1252
    data = (TITLE + "\n\n" + PARAGRAPHS[0] + "\n\n").encode("utf-8") + PARAGRAPHS[1].encode("cp1252") + ("\n\n" + PARAGRAPHS[2]).encode("utf-8")
    assert_article(read("cafes.txt", data))


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_endings(read, newline):
    assert_article(read("cafes.txt", TEXT.replace("\n", newline).encode("utf-8")))


def test_mixed_line_endings(read):
    lines = TEXT.split("\n")
    endings = ["\r\n", "\n", "\r", "\r\n", "\n", "\r"]
    mixed = "".join(line + endings[i % len(endings)] for i, line in enumerate(lines))
    assert_article(read("cafes.txt", mixed.encode("utf-8")))


def test_crlf_windows_1252_markdown_with_front_matter(read):
    markdown = (
        "---\ntitle: Café owners protest\nauthor: Zoë Brandt\ndate: 2031-05-06\ntags: [cafés, Zürich]\n---\n\n"
        "## The façade code\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    )
    article = read("cafes.md", markdown.replace("\n", "\r\n").encode("cp1252"))
    assert article.title == "Café owners protest"
    assert article.authors == ["Zoë Brandt"]
    assert article.published == "2031-05-06"
    assert article.tags == ["cafés", "Zürich"]
    assert [p.text for p in article.paragraphs] == ["The façade code", *PARAGRAPHS]


def test_utf_16_html_page(read):
    html = "<!DOCTYPE html><html><head><title>" + TITLE + "</title></head><body><article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>"
    article = read("cafes.html", html.replace(">", ">\r\n").encode("utf-16"))
    assert article.layout == "html"
    assert [p.text for p in article.paragraphs] == PARAGRAPHS


def test_nul_padding_after_the_text_is_dropped(read):
    article = read("cafes.txt", TEXT.encode("utf-8") + b"\x00" * 3000)
    assert_article(article)


def test_no_line_break_characters_survive():
    assert normalise_newlines("a\r\nb\rc\u2028d\u2029e\u00a0f\ufeff") == "a\nb\nc\nd\n\ne f"


@pytest.mark.parametrize(
    "data, reason",
    [
        pytest.param(b"\x00" * 4096, "binary", id="only-nul"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG", id="png"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 10, "PDF", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), "ZIP", id="docx"),
        pytest.param(random.Random(3).randbytes(6000), "binary", id="noise"),
        pytest.param(random.Random(4).randbytes(6000).replace(b"\x00", b"\x01"), "binary", id="noise-without-nul"),
        pytest.param(codecs.BOM_UTF16_LE + "text".encode("utf-16-le") + b"\x00\xd8", "UTF-16", id="broken-utf-16"),
    ],
)
def test_undecodable_input_is_a_one_line_error(read, data, reason):
    for name in ("x.txt", "x.md", "x.html"):
        with pytest.raises(ArticleError) as error:
            read(name, data)
        message = str(error.value)
        assert reason.lower() in message.lower()
        assert "\n" not in message and len(message) < 120
