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
# A candidate end: terminal punctuation (1), optional closers, then whitespace (2, where the next sentence would
# start); the lookahead also captures the opening quotes or brackets (3) and the first character (4) of what
# follows, which decide the boundary.
_CANDIDATE = re.compile(
    r"([.!?…]+)[" + re.escape(_CLOSERS) + r"]*(?=(\s+)([" + re.escape(_OPENERS) + r"\s]*)(\S)?)"
)


_CREDIT_START = re.compile(r"[(\[]?\s*(?:Ảnh|ẢNH|Nguồn ảnh|Photo)\s*:")


@functools.cache
def _abbreviations(language: str) -> frozenset[str]:
    return frozenset(load_yaml(language, "structure.yaml")["abbreviations"])


def split_sentences(text: str, *, language: str = "vi") -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of one paragraph, trimmed of surrounding whitespace.

    >>> split_sentences("Ông nói. Bà cười.")
    [(0, 8), (9, 17)]
    """
    abbreviations = _abbreviations(language)
    # Each span runs from a non-space character to the end of its punctuation, so no piece needs stripping.
    out: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for m in _CANDIDATE.finditer(text):
        nxt = m.group(4)
        if nxt is None:  # the end of the paragraph: a boundary, unless only an opening mark follows
            if m.group(3).strip():
                continue
        else:
            if m.group(3).strip():  # an opening quote or bracket: a capital or a digit must follow it
                if not (nxt.isupper() or nxt.isdigit()):
                    continue
            elif not nxt.isupper():
                continue
            if m.group(1) == ".":
                # The word before the stop: an abbreviation ("TP.") or an initial ("V. Putin") goes on.
                cut = m.start()
                word = text[text.rfind(" ", 0, cut) + 1:cut].lstrip(_OPENERS)
                if word in abbreviations or word.rstrip(".") in abbreviations or (len(word) == 1 and word.isupper()):
                    continue
        end = m.end()
        if end > start:
            out.append((start, end))
        start = m.end(2)
    end = len(text.rstrip())
    if end > start:
        out.append((start, end))
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
        for (a, b), kind in zip(local, kinds, strict=False):
            yield Sentence(sid, p.paragraph_id, kind, p.start + a, p.start + b, chunk[a:b], p.is_duplicate)
            sid += 1
