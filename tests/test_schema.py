"""The schema: every table has the contract's columns and dtypes, and builders enforce keys."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from newsframes import schema

from .conftest import ROOT


def contract_columns() -> dict[str, list[str]]:
    """The columns docs/CONTRACT.md lists for each table."""
    text = (ROOT / "docs" / "CONTRACT.md").read_text(encoding="utf-8")
    out = {}
    for name, body in re.findall(r"\*\*(\w+)\*\* — (.*?)(?=\n\n)", text, flags=re.S):
        body = re.sub(r"\([^()]*(?:\([^()]*\)[^()]*)*\)", "", body)  # drop parenthesised explanations
        out[name] = re.findall(r"`(\w+)`", body)
    return out


def test_every_contract_column_is_declared():
    declared = {name: table.names for name, table in schema.TABLES.items()}
    for name, columns in contract_columns().items():
        assert name in declared, name
        missing = [c for c in columns if c not in declared[name]]
        assert not missing, (name, missing)


def test_seed_tables_conform(seeds_corpus):
    for name, df in seeds_corpus.tables().items():
        assert list(df.columns[: len(schema.TABLES[name].names)]) == schema.TABLES[name].names
        pd.testing.assert_frame_equal(schema.conform(df, name), df)


def test_offsets_round_trip_in_every_table(seeds_corpus):
    text = seeds_corpus.articles.set_index("article_id").text
    for name, start, end, surface in (
        ("sentences", "start", "end", "text"),
        ("mentions", "start", "end", "surface"),
        ("timexes", "start", "end", "surface"),
        ("statements", "content_start", "content_end", "content"),
    ):
        df = getattr(seeds_corpus, name)
        for row in df.itertuples():
            assert text[row.article_id][getattr(row, start):getattr(row, end)] == getattr(row, surface), (name, row)


def test_key_must_be_unique():
    rows = [("a", 0, 0, "body", 0, 1, "x", False), ("a", 0, 0, "body", 0, 1, "x", False)]
    with pytest.raises(ValueError, match="not unique"):
        schema.frame("sentences", rows)


def test_missing_column_is_named():
    with pytest.raises(ValueError, match="lacks column"):
        schema.conform(pd.DataFrame({"article_id": ["a"]}), "articles")


def test_empty_tables_have_dtypes():
    df = schema.empty("events")
    assert str(df["date"].dtype) == "datetime64[us]" and df["sentence_id"].dtype == "int64"


def test_arrow_schema_matches_for_empty_and_full_lists():
    full = schema.frame("events", [("a", 0, 0, None, None, ["Q1"], ["X"], "t", None)])
    empty_lists = schema.frame("events", [("a", 0, 0, None, None, [], [], "t", None)])
    assert schema.to_arrow(full, "events").schema == schema.to_arrow(empty_lists, "events").schema


def test_describe_covers_every_column():
    df = schema.describe()
    assert len(df) == sum(len(t.columns) for t in schema.TABLES.values())
    assert df.description.str.len().min() > 3
