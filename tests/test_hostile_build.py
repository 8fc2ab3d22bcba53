"""A corpus of hostile and broken article files, built end to end with `briefing-gen build`.

The corpus is written by this test into a temporary project (nothing here comes from the web):

- good files whose text, titles, authors, tags, actor names (through `actors.yml`) and editors'
  note tags carry script, event-handler attributes, iframes, raw HTML blocks, `javascript:` and
  `data:` links, Markdown link and image syntax, Jinja2 and MkDocs-macro-like text, admonition and
  attribute-list syntax, YAML-hostile titles and titles that make awkward slugs; plus text in
  Windows-1252 and in mixed encodings, a 120 KB line, and an article inside a folder named `x.txt`;
- bad files: empty, blank, only furniture, only front matter, binary, an image, invalid UTF-16,
  50 MB (over the size limit), a folder named like an article, a named pipe, invalid and code-
  executing YAML front matter, an unknown file type, an unreadable file (when not run as root) and
  an article longer than the language model takes.

The build must publish every good file, report every bad one on one line naming the file and the
reason, exit with status 1 and count the skipped files by reason; and a scan of every HTML file and
of the search index finds no script but the theme's own, no `on*=` attribute and no `javascript:`
or `data:` URL, while the hostile text is shown as text.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import pytest

from briefing_gen.readers import ArticleError, ReaderRegistry
from briefing_gen.site.escaping import inert_label
from briefing_gen.site.pages import html_front_matter, with_front_matter

REPO_ROOT = Path(__file__).resolve().parents[1]
BODY = "The Harbour Council said on Monday that shipping through the strait would resume after the talks ended."
PLACES = ["Tallinn", "Riga", "Vilnius", "Gdansk", "Turku", "Klaipeda", "Rostock", "Aarhus", "Malmo", "Visby", "Oulu", "Kiel",
          "Lubeck", "Szczecin", "Parnu", "Liepaja", "Ventspils", "Narva"]


def body(number: int) -> str:
    """Distinct text for each good file, so that none is merged into another as a duplicate."""
    place, other = PLACES[number % len(PLACES)], PLACES[(number * 7 + 3) % len(PLACES)]
    return (
        f"The port authority of {place} said on Monday that ferries to {other} would sail again from the {number + 2}th of "
        f"May, after {number + 11} days of talks with the shipping lines of {other} about fees and berths.\n\n"
        f"Officials in {place} expect about {number * 40 + 300} passengers a day, and the mayor of {other} welcomed the deal."
    )


SCRIPT_BODY = "<script>alert('body')</script>"

# A word too long for any line makes the theme cut the title, heading or tag short, and show it
# whole in a tooltip on hover: the way it reads the text back as HTML.
LONG_WORD = "Harbourtalksendedwithanagreementthatnobodyexpectedafterweeksofargument"
HOSTILE_TITLE = f"<img src=x onerror=alert('title')> {LONG_WORD} \"Q\": #1 --- !!python/object/apply:os.system ['id'] & <script>alert(2)</script>"
HOSTILE_MARKDOWN = f"""---
title: {json.dumps(HOSTILE_TITLE)}
author: "<b onmouseover=alert('author')>Eve</b> [x](javascript:alert('author-link'))"
date: 2026-03-01
tags: ["<svg onload=alert('tag')>", "<img src=x onerror=alert('long-tag')> {LONG_WORD}", "{{{{ config.extra }}}}", "Energy & Oil", "\\" onmouseover=\\"alert('tag-attr')"]
source: "javascript:alert('source')"
---

## <img src=x onerror=alert('heading')> &lt;img src=x onerror=alert('entity')&gt; {LONG_WORD}

The port authority of Tallinn said on Monday that {SCRIPT_BODY} and "quoted" <img src=x onerror="alert('img')"> text would not stop the ferries.

{body(0)}

{BODY}

"We will not accept <iframe src=javascript:alert('iframe')></iframe> at all," said Anna Berg, the council's chair.

<div onclick="alert('div')" markdown="1">A raw *HTML* block</div>

Officials said [a link](javascript:alert('md-link')) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and ![a pixel](https://evil.example/pixel.png) were removed.

The council said {{{{ config.site_name }}}} and {{% include 'secrets.txt' %}} and {{{{ 7*7 }}}} are template syntax, as is {{{{% raw %}}}}.

!!! danger "Injected admonition"

Text with an attribute list {{: onclick="alert('attr')" }} and {{ #p-0 .x onmouseover=alert(1) }} at the end.

<a href="javascript:alert('a')">an anchor</a> and <svg><script>alert('svg')</script></svg> and &lt;script&gt; and &#60;b&#62;.
"""

GOOD_FILES: dict[str, str | bytes] = {
    "hostile-title.md": HOSTILE_MARKDOWN,
    "macros.txt": (
        "Harbour Talks End\n\n"
        f"{body(1)}\n\n"
        "The minister said {{ config }} and {% if true %}x{% endif %} and {{ page.meta }} mean nothing here.\n\n"
        "!!! note \"not an admonition\"\n\n"
        "1. Not a list, said the council.\n\n"
        "# Not a heading, the council added.\n\n"
        "<!-- a comment --> <![CDATA[ x ]]> <?php echo 1; ?> \x02wzxhzdk:0\x03 were in the text too.\n"
    ),
    "path-traversal.txt": f"../../etc/passwd\n\n{body(2)}\n",
    "windows-device.txt": f"CON\n\n{body(3)}\n",
    "windows-device-again.txt": f"CON\n\n{body(4)}\n",
    "very-long-title.txt": f"{'Harbour' * 43}\n\n{body(5)}\n",
    "only-emoji.txt": f"🔥🌍🚢\n\n{body(6)}\n",
    "right-to-left.txt": f"مرحبا بالعالم \u202eevil\u202c\n\n{body(7)}\n",
    "empty-title.md": f"---\ntitle: ''\n---\n\n{body(8)}\n",
    "yaml-title.md": "---\ntitle: 'Deal: \"Yes\" --- # not a comment !!python/object:os.system'\n---\n\n" + body(9) + "\n",
    "windows-1252.txt": f"Café talks in Zürich\n\n{body(10)} The café in Zürich reopened.\n".encode("cp1252"),
    "mixed-encodings.txt": ("Mixed encodings\n\n" + body(11) + " “The café”, ").encode("utf-8") + "said the minister in Zürich.\n".encode("cp1252"),
    "x.txt/inside-a-folder.txt": f"Folder Article\n\n{body(12)}\n",
    # An address that would split the Source table's cell and give an attribute list an event handler.
    "pipe-address.md": f"---\ntitle: Ferry fees\nsource: \"https://example.org/a|*x*{{:onclick=alert('source-pipe')}}\"\n---\n\n{body(13)}\n",
    "pipe-address.html": (
        "<html><head><title>Berth talks</title>"
        "<link rel=\"canonical\" href=\"https://example.org/b|*y*{: onclick=alert('canonical')}\">"
        "<meta property=\"og:url\" content=\"https://example.org/c|*z*{: onclick=alert('og-url')}\">"
        f"</head><body><article><h1>Berth talks</h1><p>{body(14)}</p></article></body></html>"
    ),
}
LONG_LINE = "long-line.txt"

# name: (what the file is, the reason its error line must give)
BAD_FILES = {
    "empty.txt": "file is empty",
    "blank.md": "file is empty",
    "furniture.txt": r"no article text found",
    "only-front-matter.md": r"no article text found",
    "binary.txt": r"binary file",
    "image.md": r"binary file \(a PNG image\)",
    "bad-utf16.txt": r"invalid UTF-16",
    "huge.txt": r"file is 52\.4 MB, over the 20\.0 MB limit",
    "x.txt": r"is a folder, not an article file",
    "pipe.txt": r"not a regular file",
    "deep-yaml.md": r"invalid front matter",
    "code-in-yaml.md": r"invalid front matter: could not determine a constructor",
    "document.docx": r"no reader for '\.docx' files",
    "too-long.txt": r"million characters",
    r"bad-\udcff-name.txt": r"file name is not valid UTF-8",  # as printed: stderr escapes the undecodable byte
    "link-outside.txt": r"a link to a file outside articles \(not read",
    "linked-folder": r"a link to a folder outside articles \(not read",
}
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
if not IS_ROOT:
    BAD_FILES["unreadable.txt"] = "permission denied"

ACTORS_YML = """\
- name: "Harbour Council <img src=x onerror=alert('actor')>"
  type: organization
  aliases: ["Harbour Council", "the Harbour Council"]
  description: "<script>alert('description')</script> [x](javascript:alert('description-link'))"
  link: "https://example.org/council|*x*{: onclick=alert('actor-link') }"
"""
NOTE_TAGS = ["<script>alert('note-tag')</script>", "javascript:alert('note')"]


def write_corpus(project: Path) -> None:
    articles = project / "articles"
    for name, content in GOOD_FILES.items():
        path = articles / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    sentence = "The council said the *harbour* [would] <b>reopen</b> & the_ferries | {would} `return` soon! "
    (articles / LONG_LINE).write_text("A Very Long Line\n\n" + sentence * 1400 + "\n", encoding="utf-8")

    (articles / "empty.txt").write_bytes(b"")
    (articles / "blank.md").write_text("  \n\n\t\n", encoding="utf-8")
    (articles / "furniture.txt").write_text("Share this article\n\nClick here to subscribe to our newsletter\n\nAdvertisement\n", encoding="utf-8")
    (articles / "only-front-matter.md").write_text("---\ntitle: Nothing but a header\n---\n", encoding="utf-8")
    (articles / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (articles / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (articles / "bad-utf16.txt").write_bytes(b"\xff\xfe" + "Title\n\n".encode("utf-16-le") + b"\x00\xd8")
    with open(articles / "huge.txt", "wb") as stream:  # sparse: 50 MiB that take no disk space
        stream.truncate(50 * 1024 * 1024)
    os.mkfifo(articles / "pipe.txt")
    (articles / "deep-yaml.md").write_text("---\ntitle: " + "[" * 5000 + "]" * 5000 + f"\n---\n\n{BODY}\n", encoding="utf-8")
    (articles / "code-in-yaml.md").write_text(
        "---\ntitle: !!python/object/apply:os.system ['echo pwned > PWNED']\n---\n\n" + BODY + "\n", encoding="utf-8"
    )
    (articles / "document.docx").write_bytes(b"PK\x03\x04" + bytes(100))
    with open(os.fsencode(articles) + b"/bad-\xff-name.txt", "wb") as stream:  # a name in no encoding
        stream.write(f"Badly Named\n\n{BODY}\n".encode("utf-8"))
    numbered = " ".join(f"Sentence {i} of the dump says ferry {i * 7919 % 100_003} left berth {i % 97}." for i in range(110_000))
    (articles / "too-long.txt").write_text("Too Long\n\n" + numbered + "\n", encoding="utf-8")
    if not IS_ROOT:
        (articles / "unreadable.txt").write_text(f"Unreadable\n\n{BODY}\n", encoding="utf-8")
        (articles / "unreadable.txt").chmod(0)

    secret = project / "outside" / "secret.txt"  # a file the build must not publish through a link
    secret.parent.mkdir()
    secret.write_text(f"Outside Secret\n\n{BODY} The secret word is plover.\n", encoding="utf-8")
    (articles / "link-outside.txt").symlink_to(secret)
    (articles / "linked-folder").symlink_to(secret.parent, target_is_directory=True)
    (project / "actors.yml").write_text(ACTORS_YML, encoding="utf-8")
    notes = project / "notes"
    notes.mkdir()
    (notes / "harbour-talks-end.md").write_text(
        frontmatter.dumps(frontmatter.Post("An editor's note.", tags=NOTE_TAGS)) + "\n", encoding="utf-8"
    )
    copy_site_sources(project)


def copy_site_sources(project: Path) -> None:
    """What the example site is built with besides its articles: mkdocs.yml, its theme overrides
    (`custom_dir`) and the hand-written pages of docs/about/."""
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("overrides", "docs/about"):
        if (REPO_ROOT / folder).is_dir():
            shutil.copytree(REPO_ROOT / folder, project / folder)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile")
    write_corpus(project)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "briefing_gen", "build", "--max-size", "20"],
        cwd=project, capture_output=True, text=True, encoding="utf-8", errors="backslashreplace", env=env, timeout=1200,
    )
    if not IS_ROOT:
        (project / "articles" / "unreadable.txt").chmod(0o644)  # so tmp_path can be cleaned up
    return {"project": project, "result": result, "seconds": time.perf_counter() - started}


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("briefing-gen: articles/")]


# The build as a whole -----------------------------------------------------------------------------


@pytest.mark.slow
def test_build_reports_bad_files_and_exits_non_zero(hostile_build):
    result = hostile_build["result"]
    assert result.returncode == 1, result.stderr[-3000:]
    assert (hostile_build["project"] / "site" / "index.html").is_file(), result.stderr[-3000:]
    lines = error_lines(result)
    for name, reason in BAD_FILES.items():
        mine = [line for line in lines if line.startswith(f"briefing-gen: articles/{name}: ")]
        assert len(mine) == 1, (name, lines)
        assert re.search(reason, mine[0]), mine[0]
    assert len(lines) == len(BAD_FILES), lines
    assert not (hostile_build["project"] / "PWNED").exists()
    assert not [p for p in (hostile_build["project"] / "docs").rglob("*.md") if "plover" in p.read_text(encoding="utf-8")]


@pytest.mark.slow
def test_summary_counts_built_and_skipped_by_reason(hostile_build):
    result = hostile_build["result"]
    good = len(GOOD_FILES) + 1
    assert f"{good} briefings built, {len(BAD_FILES)} files skipped" in result.stdout
    (summary,) = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert summary.startswith(f"skipped {len(BAD_FILES)} files: ")
    counts = dict((reason, int(n)) for n, reason in re.findall(r"(\d+) ([^,]+)", summary.split(": ", 1)[1]))
    assert counts["empty"] == 2 and counts["binary"] == 2 and counts["invalid front matter"] == 2
    assert counts["only headers or site furniture"] == 2 and counts["over the size limit"] == 1
    assert counts["a link outside the articles folder"] == 2
    assert sum(counts.values()) == len(BAD_FILES)


@pytest.mark.slow
def test_every_good_file_is_published(hostile_build):
    project = hostile_build["project"]
    sources = {}
    for page in (project / "docs" / "briefings").glob("*.md"):
        if page.name != "index.md":
            post = frontmatter.load(page)
            sources[post["source"]] = page
    expected = {f"articles/{name}" for name in GOOD_FILES} | {f"articles/{LONG_LINE}"}
    assert set(sources) == expected
    for source, page in sources.items():
        assert (project / "site" / "briefings" / page.stem / "index.html").is_file(), source
    # Every page is a portable name inside docs/, and no two share one even ignoring case.
    names = [p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md")]
    assert all(re.fullmatch(r"(?:[a-z0-9-]+/)*[a-z0-9-]+\.md", n) for n in names), names
    assert len({n.casefold() for n in names}) == len(names)
    assert {"con-article.md", "con-article-2.md", "etc-passwd.md"} <= {p.name for p in sources.values()}


@pytest.mark.slow
def test_hostile_titles_round_trip_through_front_matter(hostile_build):
    pages = {frontmatter.load(p)["source"]: frontmatter.load(p) for p in (hostile_build["project"] / "docs" / "briefings").glob("*-*.md")}
    title = pages["articles/hostile-title.md"]["title"]
    # A `<` that would open a tag is the fullwidth `＜` (the theme reads titles back as HTML), and
    # the other markup characters are entities.
    assert title == inert_label(HOSTILE_TITLE).replace("<", "&lt;").replace(">", "&gt;")
    assert html.unescape(title) == inert_label(HOSTILE_TITLE)
    assert pages["articles/yaml-title.md"]["title"] == 'Deal: "Yes" --- # not a comment !!python/object:os.system'


@pytest.mark.slow
def test_long_and_mixed_encoding_texts_are_published_whole(hostile_build):
    project = hostile_build["project"]
    texts = {frontmatter.load(p)["source"]: visible_text((project / "site" / "briefings" / p.stem / "index.html").read_text("utf-8"))
             for p in (project / "docs" / "briefings").glob("*-*.md")}
    long_text = texts[f"articles/{LONG_LINE}"]
    sentence = "The council said the *harbour* [would] <b>reopen</b> & the_ferries | {would} `return` soon!"
    assert long_text.count(sentence) == 1400
    assert "The café in Zürich reopened." in texts["articles/windows-1252.txt"]
    assert "“The café”, said the minister in Zürich." in texts["articles/mixed-encodings.txt"]


# Nothing executable in the built site ---------------------------------------------------------------

# The theme's own scripts: its bundle, its JSON configuration and three small inline scripts.
THEME_SCRIPT_SRC = re.compile(r"(?:\.\./)*(?:\./)?/?assets/javascripts/(?:bundle|workers/search)\.[0-9a-f]+\.min\.js")
THEME_INLINE = ("__md_scope=new URL(", "var palette=__md_get(", "var target=document.getElementById(location.hash.slice(1))")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "srcset", "ping"}
EMBEDDING_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
TOOLTIP_ATTRIBUTES = {"title", "aria-label", "alt", "data-md-tooltip"}


class Scanner(HTMLParser):
    """Elements, attributes and scripts of an HTML document or fragment, and what is wrong in them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self.text: list[str] = []
        self._script: list | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if value and name in URL_ATTRIBUTES:
                target = re.sub(r"[\x00-\x20]+", "", html.unescape(value)).lower()
                if target.startswith(("javascript:", "vbscript:", "data:")):
                    self.problems.append(f"<{tag} {name}={value!r}>")
            if value and name in TOOLTIP_ATTRIBUTES and ("<" in value or "alert" in value):
                self.problems.append(f"<{tag} {name}={value!r}>")  # Material's tooltips show these
        if tag in EMBEDDING_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        if tag == "script":
            self._script = [attributes, ""]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], self._script[1]))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script[1] += data
        else:
            self.text.append(data)


def scan(markup: str) -> Scanner:
    scanner = Scanner()
    scanner.feed(markup)
    scanner.close()
    return scanner


def visible_text(markup: str) -> str:
    return " ".join("".join(scan(markup).text).split())


def foreign_scripts(scanner: Scanner) -> list[str]:
    foreign = []
    for attributes, body in scanner.scripts:
        if "src" in attributes:
            if not THEME_SCRIPT_SRC.fullmatch(attributes["src"]):
                foreign.append(f"<script src={attributes['src']!r}>")
        elif attributes.get("type") == "application/json" and attributes.get("id") == "__config":
            json.loads(body)  # data, never run
        elif not body.strip().startswith(THEME_INLINE) or "alert" in body:
            foreign.append(f"<script>{body[:80]}")
    return foreign


@pytest.mark.slow
def test_no_script_handler_or_script_url_in_any_html_file(hostile_build):
    site = hostile_build["project"] / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    problems = {}
    for page in pages:
        scanner = scan(page.read_text(encoding="utf-8"))
        found = scanner.problems + foreign_scripts(scanner)
        if found:
            problems[str(page.relative_to(site))] = found
    assert problems == {}


@pytest.mark.slow
def test_hostile_text_is_shown_as_text(hostile_build):
    project = hostile_build["project"]
    (page,) = [p for p in (project / "docs" / "briefings").glob("*-*.md") if frontmatter.load(p)["source"] == "articles/hostile-title.md"]
    markup = (project / "site" / "briefings" / page.stem / "index.html").read_text(encoding="utf-8")
    text = visible_text(markup)
    for shown in [
        SCRIPT_BODY, "<img src=x onerror=\"alert('img')\">", "<iframe src=javascript:alert('iframe')></iframe>",
        "<div onclick=\"alert('div')\" markdown=\"1\">A raw HTML block</div>", "{{ config.site_name }}",
        "{% include 'secrets.txt' %}", "{{ 7*7 }}", '!!! danger "Injected admonition"', "{: onclick=\"alert('attr')\" }",
        "<a href=\"javascript:alert('a')\">an anchor</a>", "<svg><script>alert('svg')</script></svg>", "&lt;script&gt;",
        "＜svg onload=alert('tag')>", "javascript:alert('source')",
    ]:
        assert shown in text, shown
    # The author field holds markup and a link, not a name: the reader leaves it out of the authors
    # (readers/names.py) rather than publishing it, so it is nowhere in the page, live or as text.
    assert "alert('author" not in markup
    head = markup.split("</head>", 1)[0]
    (title,) = re.findall(r"<title>(.*?)</title>", head, flags=re.DOTALL)
    assert html.unescape(title) == f"{inert_label(HOSTILE_TITLE)} - Briefings"
    (description,) = re.findall(r'<meta name="description" content="([^"]*)">', head)
    assert f"said on Monday that {SCRIPT_BODY} and \"quoted\" <img" in html.unescape(description)
    # Markdown links of the article whose target is not a web address keep their text and lose the target.
    assert "Officials said a link and data and were removed." in text
    assert "md-link" not in markup and "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg" not in markup
    assert "https://evil.example/pixel.png" not in markup  # images are not loaded from the article's hosts


@pytest.mark.slow
def test_actor_and_note_values_are_text(hostile_build):
    project = hostile_build["project"]
    site = project / "site"
    actor_pages = [p for p in site.glob("actors/*/index.html") if "img-src-x-onerror" in p.parent.name]
    assert actor_pages, sorted(p.parent.name for p in site.glob("actors/*/index.html"))
    text = visible_text(actor_pages[0].read_text(encoding="utf-8"))
    assert "Harbour Council <img src=x onerror=alert('actor')>" in text
    assert "<script>alert('description')</script>" in text
    tags_text = visible_text((site / "tags" / "index.html").read_text(encoding="utf-8"))
    for tag in [*NOTE_TAGS, "<svg onload=alert('tag')>", "Energy & Oil"]:
        assert inert_label(tag) in tags_text, tag


@pytest.mark.slow
def test_search_index_and_tags_export_hold_no_markup_from_content(hostile_build):
    """Material's search inserts titles, texts and tags of the index as HTML (innerHTML)."""
    site = hostile_build["project"] / "site"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems = []
    for doc in index["docs"]:
        for field in ("title", "text"):
            scanner = scan(doc.get(field) or "")
            problems += scanner.problems + [f"script in {doc['location']}" for _ in scanner.scripts]
            for tag in re.findall(r"<\s*([a-zA-Z][\w-]*)", doc.get(field) or ""):
                if tag.lower() not in {"p", "code", "ul", "ol", "li", "a", "strong", "em", "table", "thead", "tbody",
                                       "tr", "th", "td", "div", "span", "blockquote", "pre", "br", "h1", "h2", "h3",
                                       "h4", "h5", "h6", "figure", "figcaption", "svg", "g", "rect", "text", "title",
                                       "desc", "line", "path", "circle", "polyline", "tspan"}:
                    problems.append(f"<{tag}> in {doc['location']}")
        for tag in doc.get("tags") or []:
            if "<" in tag or ">" in tag:
                problems.append(f"tag {tag!r} in {doc['location']}")
    assert problems == []
    exported = (site / "tags.json").read_text(encoding="utf-8") if (site / "tags.json").is_file() else "{}"
    assert "<svg" not in exported and "<script" not in exported


# Fast checks of the pieces -------------------------------------------------------------------------


def test_file_over_the_size_limit_is_refused_without_reading(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as stream:
        stream.truncate(50 * 1024 * 1024)

    registry = ReaderRegistry(max_bytes=20_000_000)
    read_bytes, path_open, builtin_open = Path.read_bytes, Path.open, open

    def guard(original):
        def guarded(first, *args, **kwargs):
            if Path(first) == huge:
                raise AssertionError("the file was opened")
            return original(first, *args, **kwargs)
        return guarded

    monkeypatch.setattr(Path, "read_bytes", guard(read_bytes))
    monkeypatch.setattr(Path, "open", guard(path_open))
    monkeypatch.setattr("builtins.open", guard(builtin_open))
    with pytest.raises(ArticleError, match=r"file is 52\.4 MB, over the 20\.0 MB limit"):
        registry.read(huge)


def test_size_limit_is_configurable(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(f"Title\n\n{BODY * 30}\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"over the 0\.0 MB limit"):
        ReaderRegistry(max_bytes=1000).read(article)
    assert ReaderRegistry(max_bytes=10_000).read(article).paragraphs


def test_max_size_option(tmp_path):
    from briefing_gen.cli import make_parser, max_bytes

    assert max_bytes(make_parser().parse_args(["build"])) == 20_000_000
    assert max_bytes(make_parser().parse_args(["build", "--max-size", "0.5"])) == 500_000
    assert max_bytes(make_parser().parse_args(["extract", "--max-size", "3", "x.txt"])) == 3_000_000
    for bad in ("0", "-1", "many"):
        with pytest.raises(SystemExit):
            make_parser().parse_args(["build", "--max-size", bad])


@pytest.mark.skipif(IS_ROOT, reason="running as root: chmod 000 does not stop root from reading a file")
def test_unreadable_file_is_reported(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(f"Title\n\n{BODY}\n", encoding="utf-8")
    article.chmod(0)
    try:
        with pytest.raises(ArticleError, match="permission denied"):
            ReaderRegistry().read(article)
    finally:
        article.chmod(0o644)


def test_reader_bug_becomes_the_files_error(tmp_path):
    class Broken:
        name = "broken"
        extensions = (".txt",)

        def sniff(self, text):
            return True

        def read(self, source, text):
            raise KeyError("boom")

    article = tmp_path / "a.txt"
    article.write_text("Title\n\nText.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"the broken reader failed: KeyError: 'boom'"):
        ReaderRegistry([Broken()]).read(article)


def test_skip_reasons_are_grouped():
    from briefing_gen.cli import skipped_summary
    from briefing_gen.errors import SkipReason
    from briefing_gen.pipeline.run import BuildReport
    from briefing_gen.pipeline.sources import Outcome

    def skipped(name: str, reason: SkipReason) -> Outcome:
        return Outcome(name, error="(the file's own one-line message)", reason=reason)

    report = BuildReport(outcomes=[
        skipped("a.txt", SkipReason.EMPTY), skipped("b.txt", SkipReason.OVER_SIZE), skipped("c.txt", SkipReason.BINARY),
        skipped("d.md", SkipReason.EMPTY), skipped("e.txt", SkipReason.BINARY), skipped("f.txt", SkipReason.FOLDER),
        skipped("g.txt", SkipReason.EXTRACTION_FAILED), Outcome("h.txt"),
    ])
    assert skipped_summary(report) == (
        "skipped 7 files: 2 binary, 2 empty, 1 a folder, not a file, 1 extraction failed, 1 over the size limit"
    )


@pytest.mark.parametrize("title", [
    "---", "a: b", "# not a comment", "\"double\" and 'single' quotes", "line\nbreak", "!!python/object/apply:os.system ['id']",
    "&anchor *alias", "%TAG ! tag:x", "<script>alert(1)</script>", "x > y < z & w", "{{ config }}",
])
def test_front_matter_is_yaml_safe_and_html_safe(title):
    page = with_front_matter({"title": title, "description": title, "tags": [title]}, "Body")
    post = frontmatter.loads(page)  # the safe loader
    # What the theme shows: the title, with a `<` or `&` that would open markup in its fullwidth form.
    assert html.unescape(post["title"]) == inert_label(title)
    if "<" not in title and ">" not in title and "&" not in title:
        assert post["title"] == title  # exactly, for everything but markup characters
    for value in (post["title"], post["tags"][0]):  # the browser decodes them, the theme reads them back as HTML
        assert not re.search(r"<[A-Za-z/!?]|&[A-Za-z#]", html.unescape(value))
    assert html.unescape(post["description"]) == title
    for value in (post["title"], post["tags"][0], post["description"]):
        assert "<" not in value and ">" not in value
    assert '"' not in post["description"]
    assert html_front_matter({"title": 3}) == {"title": 3}


@pytest.mark.slow
@pytest.mark.browser
def test_no_script_runs_in_a_browser(hostile_build):
    """Every page of the hostile site, and search results for the hostile text (Material inserts
    those as HTML), opened in headless Chromium: no alert() ever runs, nothing is fetched from
    another host."""
    from test_offline_site import browse, in_own_thread, require_chromium

    require_chromium()
    site = hostile_build["project"] / "site"

    def visit(page, base):
        for html_file in sorted(site.rglob("*.html")):
            page.goto(base + html_file.relative_to(site).as_posix().removesuffix("index.html"), wait_until="load")
        for query in ("onerror", "svg onload", "Harbour Council", "Tallinn"):
            page.goto(base, wait_until="load")
            page.locator("label.md-search__icon, .md-search__input").first.click()
            page.locator("input.md-search__input").press_sequentially(query, delay=20)
            page.locator(".md-search-result__item").first.wait_for(timeout=20_000)
            page.wait_for_timeout(300)

    seen = in_own_thread(lambda: browse(site, visit))
    assert seen["dialogs"] == []
    assert sorted(set(seen["foreign"])) == []


@pytest.mark.slow
@pytest.mark.browser
def test_no_script_runs_from_tooltips(hostile_build):
    """With `content.tooltips`, the theme shows the text of a truncated title, table-of-contents
    entry or tag as a tooltip, inserting it as HTML. Every such entry of every page of the hostile
    site is hovered in Chromium: the tooltips show the hostile titles and headings as text, and no
    alert() runs.

    The entries of a page are taken once it has loaded, as element handles: the theme takes the
    `title` off an entry whose tooltip it made, so a selector counted again would skip entries. Only
    the entries that can have a tooltip (a title, or text wider than the entry) are hovered. The
    pages are shared among three browsers at once (hovering is mostly waiting)."""
    from concurrent.futures import ThreadPoolExecutor

    from playwright.sync_api import Error as PlaywrightError
    from test_offline_site import browse, require_chromium

    require_chromium()
    site = hostile_build["project"] / "site"
    pages = sorted(site.rglob("*.html"))

    def hover_every_entry(share: list[Path]) -> tuple[dict, list[str]]:
        tooltips: list[str] = []

        def visit(page, base):
            for html_file in share:
                page.goto(base + html_file.relative_to(site).as_posix().removesuffix("index.html"), wait_until="load")
                page.wait_for_timeout(200)  # the theme marks truncated entries once they are shown
                entries = page.locator(".md-ellipsis, .md-tag, [title]:not(.headerlink)").element_handles()
                # only an entry with a title or cut short gets a tooltip: the others need no hover
                tipped = page.evaluate("all => all.map(e => e.hasAttribute('title') || e.scrollWidth > e.clientWidth)", entries)
                for entry in [entry for entry, tip in zip(entries, tipped, strict=True) if tip]:
                    try:
                        entry.hover(timeout=2_000, force=True)
                    except PlaywrightError:  # hidden (a collapsed menu's entry): nothing to hover
                        continue
                    page.wait_for_timeout(50)
                    tooltips.extend(page.locator(".md-tooltip2, .md-tooltip").all_inner_texts())

        return browse(site, visit), tooltips

    # each browser runs in a thread of its own (Playwright's sync API refuses a thread where the
    # browser tests' session-wide browser already runs)
    with ThreadPoolExecutor(3, thread_name_prefix="playwright") as pool:
        outcomes = list(pool.map(hover_every_entry, [pages[i::3] for i in range(3)]))
    assert [dialog for seen, _ in outcomes for dialog in seen["dialogs"]] == []
    shown = " ".join(text for _, tooltips in outcomes for text in tooltips)
    for hovered in ("heading", "title", "long-tag"):  # each was cut short, hovered, and shown as text
        assert f"＜img src=x onerror=alert('{hovered}')>" in shown, hovered


@pytest.mark.slow
@pytest.mark.browser
def test_no_script_runs_in_pagefind_search_results(hostile_build):
    """The same site searched with Pagefind, whose results come from the built pages' text."""
    from test_offline_site import browse, in_own_thread, require_chromium

    require_chromium()
    project = hostile_build["project"]
    result = subprocess.run(
        [sys.executable, "-m", "briefing_gen", "build", "--quiet", "--search", "pagefind", "--site", "site-pagefind"],
        cwd=project, capture_output=True, text=True, encoding="utf-8", errors="backslashreplace", timeout=1200,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"},
    )
    site = project / "site-pagefind"
    assert (site / "pagefind").is_dir(), result.stderr[-3000:]
    shown = []

    def visit(page, base):
        for query in ("onerror", "svg onload", "script", "Harbour Council"):
            page.goto(base, wait_until="networkidle")
            page.locator("label.md-search__icon, .md-search__input").first.click()
            page.locator("input.md-search__input").press_sequentially(query, delay=20)
            page.locator(".md-search-result__item").first.wait_for(timeout=20_000)
            page.wait_for_timeout(500)
            shown.append(page.locator(".md-search-result__list").inner_text())

    seen = in_own_thread(lambda: browse(site, visit))
    assert seen["dialogs"] == []
    assert sorted(set(seen["foreign"])) == []
    assert "＜img src=x onerror=alert('title')>" in shown[0]  # shown as text
