"""Property: the readers' text cleaner loses no text and invents none.

`fold_space` only folds white space; `parse_inline_links` turns `[label](url)` into the label plus a
link span pointing at exactly the label's words, and leaves every other character where it was;
`join_broken_paragraphs` only joins paragraphs, keeping every word, every link (still over the same
words) and the order; `split_blocks` keeps every non-blank line. Fixed seed, bounded examples.
"""
from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefing_gen.model import Link, Paragraph
from briefing_gen.readers.text import fold_space, join_broken_paragraphs, parse_inline_links, split_blocks, split_long_paragraphs

SETTINGS = settings(max_examples=300, derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SYNTAX = ["[", "]", "(", ")", "](", "[]", "()", "#", "\"", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "http://e.x/a", "word", "."]
any_text = st.one_of(
    st.text(max_size=50),
    st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(max_size=3)), max_size=20).map("".join),
)
plain = st.text(alphabet=st.characters(blacklist_characters="[]()", blacklist_categories=["Cs"]), max_size=20)
label = st.text(alphabet=st.characters(blacklist_characters="[]", blacklist_categories=["Cs"]), max_size=15)
url = st.one_of(st.just("#"), st.just(""), st.from_regex(r"https?://[a-z]{1,8}\.org/[a-z0-9_/-]{0,10}", fullmatch=True))


def linked_text(paragraph: Paragraph) -> list[tuple[str, str]]:
    return [(paragraph.text[link.start:link.end], link.url) for link in paragraph.links]


def is_subsequence(small: str, big: str) -> bool:
    letters = iter(big)
    return all(char in letters for char in small)


def assert_well_formed(paragraph: Paragraph) -> None:
    assert paragraph.text == paragraph.text.strip() == fold_space(paragraph.text)
    previous_end = 0
    for link in paragraph.links:
        assert previous_end <= link.start < link.end <= len(paragraph.text)
        span = paragraph.text[link.start:link.end]
        assert span == span.strip() and span
        previous_end = link.end


@SETTINGS
@given(text=any_text)
def test_fold_space_only_folds_white_space(text):
    folded = fold_space(text)
    assert folded.split() == text.split()
    assert folded == folded.strip() and "  " not in folded


@SETTINGS
@given(segments=st.lists(st.one_of(plain.map(lambda t: ("text", t, None)), st.tuples(st.just("link"), label, url)), max_size=8))
def test_links_become_their_label_and_a_span_over_it(segments):
    source = "".join(text if kind == "text" else f"[{text}]({target})" for kind, text, target in segments)
    paragraph = parse_inline_links(source)
    assert_well_formed(paragraph)
    assert paragraph.text == fold_space("".join(text for _, text, _ in segments))
    expected_links = [(fold_space(text), target) for kind, text, target in segments
                      if kind == "link" and target and not target.startswith("#") and text.strip()]
    assert linked_text(paragraph) == expected_links


@SETTINGS
@given(text=any_text)
def test_inline_links_invent_nothing_and_lose_nothing_but_markup(text):
    paragraph = parse_inline_links(text)
    assert_well_formed(paragraph)
    assert is_subsequence(paragraph.text.replace(" ", ""), "".join(text.split()))
    if "](" not in text:
        assert paragraph.text == fold_space(text) and not paragraph.links


def as_paragraph(pair: tuple[str, str]) -> Paragraph:
    parsed = parse_inline_links(pair[0])
    return Paragraph(text=parsed.text, links=parsed.links, kind=pair[1])


paragraphs = st.lists(
    st.tuples(any_text, st.sampled_from(["paragraph", "paragraph", "heading", "item", "quote"])).map(as_paragraph),
    max_size=10,
).map(lambda items: [p for p in items if p.text])


@SETTINGS
@given(items=paragraphs)
def test_joining_broken_paragraphs_keeps_every_word_and_link(items):
    joined = join_broken_paragraphs([Paragraph(p.text, list(p.links), p.kind) for p in items])
    assert " ".join(p.text for p in joined).split() == " ".join(p.text for p in items).split()
    assert len(joined) <= len(items)
    assert [link for p in joined for link in linked_text(p)] == [link for p in items for link in linked_text(p)]
    assert [p.kind for p in joined if p.kind != "paragraph"] == [p.kind for p in items if p.kind != "paragraph"]
    for paragraph in joined:
        for link in paragraph.links:
            assert 0 <= link.start < link.end <= len(paragraph.text)


@SETTINGS
@given(text=any_text)
def test_split_blocks_keeps_every_line(text):
    blocks = split_blocks(text)
    assert [line for block in blocks for line in block] == [line.strip() for line in text.split("\n") if line.strip()]
    assert all(block for block in blocks)


long_text = st.lists(st.one_of(st.sampled_from(["word ", "End. ", "x" * 40, "Ünï ", "  ", "!? ", "“Q.” "]), st.text(max_size=8)),
                     max_size=60).map("".join)


@SETTINGS
@given(text=long_text, data=st.data(), max_chars=st.integers(10, 120))
def test_splitting_long_paragraphs_keeps_every_character_and_link(text, data, max_chars):
    paragraph = parse_inline_links(text)
    assume(paragraph.text)  # readers drop empty paragraphs
    if len(paragraph.text) >= 2:
        start = data.draw(st.integers(0, len(paragraph.text) - 2))
        end = data.draw(st.integers(start + 1, len(paragraph.text)))
        if paragraph.text[start:end].strip() == paragraph.text[start:end]:
            paragraph.links = [Link(start, end, "https://example.org/x")]
    paragraph.kind = data.draw(st.sampled_from(["paragraph", "heading", "item", "quote"]))
    pieces = split_long_paragraphs([paragraph], max_chars=max_chars)
    assert "".join(p.text for p in pieces).replace(" ", "") == paragraph.text.replace(" ", "")
    assert all(len(p.text) <= max_chars and p.text == p.text.strip() and p.text for p in pieces)
    assert all(p.kind == paragraph.kind for p in pieces)
    if len(paragraph.text) <= max_chars:
        assert pieces == [paragraph]
    linked = "".join(p.text[link.start:link.end] for p in pieces for link in p.links).replace(" ", "")
    assert linked == "".join(paragraph.text[link.start:link.end] for link in paragraph.links).replace(" ", "")
    for piece in pieces:
        for link in piece.links:
            assert 0 <= link.start < link.end <= len(piece.text) and piece.text[link.start:link.end].strip()


def test_long_paragraph_is_cut_at_sentence_ends():
    text = " ".join(f"Sentence number {i} ends here." for i in range(400))
    pieces = split_long_paragraphs([Paragraph(text)], max_chars=1000)
    assert len(pieces) > 1 and all(p.text.endswith(".") for p in pieces)
    assert " ".join(p.text for p in pieces) == text


def test_link_offsets_after_folding_point_at_the_label():
    paragraph = parse_inline_links("  Read   the [ harbour\n report ](https://example.org/r)  today ")
    assert paragraph.text == "Read the harbour report today"
    assert linked_text(paragraph) == [("harbour report", "https://example.org/r")]
    assert paragraph.links == [Link(9, 23, "https://example.org/r")]
