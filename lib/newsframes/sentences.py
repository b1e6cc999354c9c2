"""Sentences of an article (placeholder while the foundation is written)."""
from __future__ import annotations

from typing import NamedTuple


class Sentence(NamedTuple):
    sentence_id: int
    paragraph_id: int
    kind: str
    start: int
    end: int
    text: str
    is_duplicate: bool = False
