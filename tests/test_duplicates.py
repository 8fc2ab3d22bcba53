"""Duplicate articles: byte-identical copies and reposts with other furniture become one briefing."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from briefing_gen.model import Article, Paragraph
from briefing_gen.pipeline import duplicates
from briefing_gen.pipeline.duplicates import find_duplicates, merge_duplicate_files, merge_duplicates
from briefing_gen.pipeline.sources import briefing_json
from briefing_gen.readers import ReaderRegistry

PARAGRAPHS = [
    "The foreign ministers of the three Baltic states met in Riga on Thursday to discuss the future of the regional power grid, which is due to be cut off from the old eastern network next year.",
    "Officials said the talks focused on the timetable for switching to the continental grid, and on who would pay for the backup lines needed if a storm or an act of sabotage cut the undersea cables.",
    "“We will not be left in the dark by anyone,” one minister told reporters after the meeting, adding that the region had prepared for the switch for more than a decade.",
    "Analysts in the region say the move is as much about politics as about electricity: the old network tied the three states to a control centre far to the east, which they no longer trust.",
    "The grid operators expect to run a test of the isolated network in the spring, when demand is lower, and to complete the switch before the following winter.",
]
OTHER_PARAGRAPHS = [
    "Electricity prices in the Baltic states rose sharply in January after a cold snap pushed demand to a record, the regional market operator said on Monday.",
    "The operator said the grid had coped with the peak without cuts, but warned that the new undersea cables would be needed to keep prices down in future winters.",
    "“We will not be left in the dark by anyone,” the energy minister repeated at a press conference, using the phrase that has become a slogan of the switch to the continental grid.",
    "Consumer groups called for help for poorer households, many of which heat their homes with electricity, and asked the government to cut the tax on power bills.",
    "The market operator expects prices to fall again in the spring, when wind and solar output rise and demand for heating falls.",
]


def html_page(title: str, paragraphs: list[str], site: str, date: str, url: str, furniture: str = "") -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | {site}</title>"
        f"<meta property='og:site_name' content='{site}'><meta property='article:published_time' content='{date}'>"
        f"<link rel='canonical' href='{url}'></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/energy'>Energy</a></nav>{furniture}"
        f"<article><h1>{title}</h1>{body}</article><footer>© {site}. All rights reserved.</footer></body></html>"
    )


ORIGINAL = html_page("Baltic ministers plan the grid switch", PARAGRAPHS, "Nordic Lines", "2031-02-05T10:00:00Z", "https://nordic.example/grid-switch")
REPOST = (
    "# Baltic ministers plan the grid switch\n\n"
    "> Source: https://reposts.example/energy/grid_switch.htm\n\n"
    "by Ilse Berg February 07, 2031 from Nordic Lines Website\n"
    + "\n".join(PARAGRAPHS)
    + "\nReturn to Energy and Power\nReturn to Northern Europe\n"
)
OTHER = html_page("Cold snap pushes Baltic power prices to a record", OTHER_PARAGRAPHS, "Nordic Lines", "2031-01-20T10:00:00Z", "https://nordic.example/prices")


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder


def read_all(paths: list[Path]) -> list[Article]:
    registry = ReaderRegistry()
    return [registry.read(p) for p in paths]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_byte_identical_pair_is_merged(folder):
    first = write(folder, "grid-switch.html", ORIGINAL)
    second = write(folder, "grid-switch.saved-again.html", ORIGINAL)
    articles = read_all([second, first])
    kept, merges = merge_duplicates(articles)
    assert kept == [1]  # same date and no repost: the path decides, whatever the order
    assert articles[1].source == str(first)
    assert [(c.source, c.publisher, c.published, c.url) for c in articles[1].also_published] == [
        (str(second), "Nordic Lines", "2031-02-05", "https://nordic.example/grid-switch")
    ]
    assert merges[0].kept == str(first) and merges[0].merged == str(second) and merges[0].similarity == 1.0


def test_repost_with_other_furniture_is_merged_into_the_original(folder):
    repost = write(folder, "a-repost.md", REPOST)
    original = write(folder, "z-original.html", ORIGINAL)
    articles = read_all([repost, original])
    assert articles[0].original_source == "Nordic Lines"  # the repost names its original
    kept, merges = merge_duplicates(articles)
    assert kept == [1]
    [copy] = articles[1].also_published
    assert copy.source == str(repost)
    assert copy.published == "2031-02-07"
    assert copy.url == "https://reposts.example/energy/grid_switch.htm"
    assert merges[0].line() == (
        f"duplicate: {repost} is the same article as {original} ({merges[0].similarity:.0%} of the text shared); merged into it"
    )


def test_earliest_copy_is_kept_when_neither_is_a_repost(folder):
    later = write(folder, "a.html", ORIGINAL.replace("2031-02-05", "2031-03-01"))
    earlier = write(folder, "b.html", ORIGINAL.replace("Nordic Lines", "Baltic Wire"))
    articles = read_all([later, earlier])
    kept, _ = merge_duplicates(articles)
    assert kept == [1]


def test_different_articles_on_the_same_topic_are_not_merged(folder):
    paths = [write(folder, "grid-switch.html", ORIGINAL), write(folder, "prices.html", OTHER)]
    articles = read_all(paths)
    assert find_duplicates(articles) == []
    kept, merges = merge_duplicates(articles)
    assert kept == [0, 1] and merges == []
    assert all(not a.also_published for a in articles)


def test_an_excerpt_is_not_the_whole_article():
    whole = Article(source="whole", paragraphs=[Paragraph(text=p) for p in PARAGRAPHS + OTHER_PARAGRAPHS])
    excerpt = Article(source="excerpt", paragraphs=[Paragraph(text=p) for p in PARAGRAPHS[:2]])
    assert find_duplicates([whole, excerpt]) == []


def test_three_copies_become_one(folder):
    paths = [write(folder, "a.md", REPOST), write(folder, "b.html", ORIGINAL), write(folder, "c.html", ORIGINAL), write(folder, "d.html", OTHER)]
    articles = read_all(paths)
    kept, merges = merge_duplicates(articles)
    assert kept == [1, 3]
    assert sorted(c.source for c in articles[1].also_published) == [str(paths[0]), str(paths[2])]
    assert len(merges) == 2


def test_merge_duplicate_files_reports_each_merge_and_reads_each_file_once(folder):
    paths = [write(folder, "grid-switch.html", ORIGINAL), write(folder, "grid-switch-repost.md", REPOST), write(folder, "prices.html", OTHER)]
    registry = ReaderRegistry()
    lines: list[str] = []
    kept, served, merges = merge_duplicate_files(paths, registry, lines.append)
    assert kept == [paths[0], paths[2]]
    assert lines == [merges[0].line()]
    assert str(paths[0]) in lines[0] and str(paths[1]) in lines[0]
    article = served.read(paths[0], source=str(paths[0]))
    assert [c.source for c in article.also_published] == [str(paths[1])]
    assert served.read(paths[0]) is article  # not read again


def test_many_articles_are_compared_through_candidates_only(monkeypatch):
    """2,001 articles are 2 million pairs; only the candidates that share a MinHash band are
    compared on their shingles, and each article is hashed once: counted, not timed."""
    rng = random.Random(5)
    vocabulary = [f"w{i}" for i in range(5000)]
    articles = [Article(source=f"a{i}", paragraphs=[Paragraph(text=" ".join(rng.choices(vocabulary, k=300)))]) for i in range(2000)]
    articles.append(Article(source="copy", paragraphs=list(articles[123].paragraphs)))
    counts = {"signature": 0, "similarity": 0}

    def counted(name):
        original = getattr(duplicates, name)

        def count(*args):
            counts[name] += 1
            return original(*args)

        return count

    for name in counts:
        monkeypatch.setattr(duplicates, name, counted(name))
    pairs = find_duplicates(articles)
    assert [(i, j) for i, j, _ in pairs] == [(123, 2000)]
    assert counts["signature"] == len(articles)
    assert counts["similarity"] <= 20  # of 2,001,000 pairs; the copy is found identical without it


@pytest.mark.slow
def test_build_reports_the_merge_and_lists_every_copy(tmp_path, monkeypatch):
    from briefing_gen.config import BuildOptions
    from briefing_gen.pipeline.run import run_build

    monkeypatch.chdir(tmp_path)  # the other folders and files of the build default to here
    folder = tmp_path / "articles"
    folder.mkdir()
    original = write(folder, "grid-switch.html", ORIGINAL)
    repost = write(folder, "grid-switch-repost.md", REPOST)
    write(folder, "prices.html", OTHER)
    messages: list[str] = []
    options = BuildOptions(articles_dir=folder, docs_dir=tmp_path / "docs", build_site=False)
    report = run_build(options, progress=lambda message: messages.append(str(message)))
    assert len(report.built) == 2 and not report.errors
    merge_lines = [m for m in messages if m.startswith("duplicate:")]
    assert merge_lines == [f"duplicate: {repost} is the same article as {original} ({report.merges[0].similarity:.0%} of the text shared); merged into it"]
    kept = next(o.briefing for o in report.built if o.source == str(original))
    assert briefing_json(kept)["also_published"] == [
        {"source": str(repost), "publisher": "Nordic Lines", "published": "2031-02-07", "url": "https://reposts.example/energy/grid_switch.htm"}
    ]
    page = (tmp_path / "docs" / "briefings" / f"{kept.slug}.md").read_text(encoding="utf-8")
    assert ('<tr><th>Also published<td><a href="../../sources/publishers/nordic-lines/">Nordic Lines</a>, 2031-02-07, '
            '<a href="https://reposts.example/energy/grid_switch.htm">') in page  # the copy's publisher has a source page


def test_signature_of_a_long_text_is_computed_in_chunks_with_the_same_result():
    """A million-shingle text (a long report) once took a 126 x 1,000,000 matrix, gigabytes; the
    chunked signature is the same, permutation by permutation."""
    import numpy as np

    hashes = set(random.Random(3).sample(range(1 << 31), 3 * duplicates.SIGNATURE_CHUNK + 17))
    values = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    whole = ((duplicates._A[:, None] * values[None, :] + duplicates._B[:, None]) % duplicates._PRIME).min(axis=1)
    assert (duplicates.signature(hashes) == whole).all()


def test_signature_memory_does_not_grow_with_the_text():
    """The signature's working memory is one chunk's matrix, whatever the number of shingles
    (tracemalloc sees numpy's arrays): a whole 126 x 300,000 matrix would be 300 MB."""
    import tracemalloc

    peaks = []
    for count in (duplicates.SIGNATURE_CHUNK, 300_000):
        hashes = set(random.Random(count).sample(range(1 << 31), count))
        tracemalloc.start()
        duplicates.signature(hashes)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    values = 300_000 * 8  # the shingles' hashes as one array, the only part that grows
    assert peaks[1] - values < 1.5 * peaks[0], peaks
