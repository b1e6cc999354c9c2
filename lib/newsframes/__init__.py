"""newsframes: Vietnamese wire stories into pandas tables.

>>> import newsframes as nf
>>> corpus = nf.parse("seeds/")            # doctest: +SKIP
>>> corpus.statements[["speaker_name", "verb", "content", "date"]]   # doctest: +SKIP

The tables and their columns are described in ``docs/CONTRACT.md`` and by :func:`describe`.
Heavy modules (plots, report, engines) are imported only when used, to keep ``import newsframes`` light.
"""
from __future__ import annotations

from .corpus import Corpus, ParseError, parse, parse_article, parse_to_dir
from .read import InputError, iter_raw
from .schema import TABLE_NAMES, describe
from .sentences import Sentence, iter_sentences, split_sentences
from .structure import clean_text, structure_article

__version__ = "0.1.0"

__all__ = [
    "Corpus",
    "InputError",
    "ParseError",
    "Sentence",
    "TABLE_NAMES",
    "__version__",
    "clean_text",
    "describe",
    "iter_raw",
    "iter_sentences",
    "parse",
    "parse_article",
    "parse_to_dir",
    "split_sentences",
    "structure_article",
]
