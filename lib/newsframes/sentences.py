"""Vietnamese sentence segmentation with offsets into the article text.

A full stop, question mark, exclamation mark or ellipsis (with any closing quotes or brackets after it) ends a
sentence when whitespace and then a capital letter, a digit-free opening quote or bracket follows, unless the
word before it is a known abbreviation (``TP.``, ``ThS.``) or an initial (``V. Putin``). Numbers such as
``60.000`` and ``24/5/2018`` never contain a boundary because no space follows their dots. Every sentence keeps
``text[start:end] == sentence.text``.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .resources import load_yaml
from .structure import Paragraph, has_caption_trigger, is_caption


class Sentence(NamedTuple):
    sentence_id: int
    paragraph_id: int
    kind: str
    start: int
    end: int
    text: str
    is_duplicate: bool = False


_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([-–—"
# A candidate end: terminal punctuation, optional closers, then whitespace.
_CANDIDATE = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s)")


_CREDIT_START = re.compile(r"[(\[]?\s*(?:Ảnh|ẢNH|Nguồn ảnh|Photo)\s*:")


@functools.cache
def _abbreviations(language: str) -> frozenset[str]:
    return frozenset(load_yaml(language, "structure.yaml")["abbreviations"])


def _word_before(text: str, pos: int) -> str:
    i = pos
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in _OPENERS:
        i -= 1
    return text[i:pos]


def _is_boundary(text: str, m: re.Match, abbreviations: frozenset[str]) -> bool:
    end = m.end()
    j = end
    n = len(text)
    while j < n and text[j].isspace():
        j += 1
    if j >= n:
        return True
    nxt = text[j]
    if nxt in _OPENERS:
        k = j + 1
        while k < n and (text[k] in _OPENERS or text[k].isspace()):
            k += 1
        nxt = text[k] if k < n else ""
        if not nxt or not (nxt.isupper() or nxt.isdigit()):
            return False
    elif not nxt.isupper():
        return False
    punct = m.group(0).rstrip(_CLOSERS)
    if punct == ".":
        word = _word_before(text, m.start())
        if word in abbreviations or word.rstrip(".") in abbreviations:
            return False
        # An initial: "V. Putin", "Donald J. Trump".
        if len(word) == 1 and word.isupper():
            return False
    return True


def split_sentences(text: str, *, language: str = "vi") -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of one paragraph, trimmed of surrounding whitespace.

    >>> split_sentences("Ông nói. Bà cười.")
    [(0, 8), (9, 17)]
    """
    abbreviations = _abbreviations(language)
    spans, start = [], 0
    for m in _CANDIDATE.finditer(text):
        if _is_boundary(text, m, abbreviations):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        piece = text[a:b]
        stripped = piece.strip()
        if stripped:
            a += len(piece) - len(piece.lstrip())
            out.append((a, a + len(stripped)))
    return out


def iter_sentences(
    text: str, paragraphs: Sequence[Paragraph], *, language: str = "vi"
) -> Iterator[Sentence]:
    """Yield the sentences of an article, paragraph by paragraph.

    Titles, bylines and source lines stay whole; body paragraphs and captions are split.
    """
    sid = 0
    for p in paragraphs:
        chunk = text[p.start:p.end]
        if p.kind in ("title", "byline", "source"):
            local = [(0, len(chunk))]
        else:
            local = split_sentences(chunk, language=language)
        kinds = [p.kind] * len(local)
        if len(local) > 1 and p.kind == "body" and has_caption_trigger(chunk, language=language):
            # A caption glued into a body line (crawled pages that join paragraphs): the sentence with the
            # credit, and the description before a sentence that starts with the credit ("... Mỹ. Ảnh: AFP").
            for j, (a, b) in enumerate(local):
                if is_caption(chunk[a:b], language=language):
                    kinds[j] = "caption"
                    if j and _CREDIT_START.match(chunk, a):
                        kinds[j - 1] = "caption"
        for (a, b), kind in zip(local, kinds):
            yield Sentence(sid, p.paragraph_id, kind, p.start + a, p.start + b, chunk[a:b], p.is_duplicate)
            sid += 1
