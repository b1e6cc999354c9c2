"""The tables of the data contract, declared once: each column's dtype and meaning, each table's key.

Every builder ends with :func:`frame` (rows -> DataFrame) or :func:`conform` (DataFrame -> DataFrame), which
cast to the declared dtypes, add missing optional columns and check the key, so the contract in
``docs/CONTRACT.md`` is enforced in one place.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

import pandas as pd


class Column(NamedTuple):
    name: str
    dtype: str  # "string", "int64", "Int64", "bool", "datetime", "list"
    description: str


class Table(NamedTuple):
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    description: str

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _t(name: str, key: tuple[str, ...], description: str, *cols: tuple[str, str, str]) -> Table:
    return Table(name, tuple(Column(*c) for c in cols), key, description)


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        _t(
            "articles", ("article_id",), "One row per article that could be read.",
            ("article_id", "string", "The file's stem, or the input's `id`."),
            ("source_path", "string", "The file the article came from (with `#line` for JSONL/CSV rows)."),
            ("title", "string", "The headline, null if the text has none."),
            ("text", "string", "The cleaned, NFC-normalized text; every offset points into it."),
            ("url", "string", "The source URL, given or read from the source line."),
            ("site", "string", "The URL's host without `www.`."),
            ("agency", "string", "News agency credited by byline or source line (e.g. TTXVN)."),
            ("author", "string", "The byline's author."),
            ("published_at", "datetime", "Local time of publication, timezone-naive; null if unknown."),
            ("published_at_source", "string", "input | manifest | url | text | reference."),
            ("language", "string", "ISO 639-1 language code."),
            ("n_sentences", "int64", "Number of rows in `sentences` for this article."),
        ),
        _t(
            "sentences", ("article_id", "sentence_id"), "Sentences in article order.",
            ("article_id", "string", "The article."),
            ("sentence_id", "int64", "0-based, article order."),
            ("paragraph_id", "int64", "0-based paragraph (line block) number."),
            ("kind", "string", "title | body | caption | byline | source."),
            ("start", "int64", "Offset of the first character in `articles.text`."),
            ("end", "int64", "Offset after the last character."),
            ("text", "string", "The sentence, equal to `articles.text[start:end]`."),
            ("is_duplicate", "bool", "A repeated caption or paragraph."),
        ),
        _t(
            "mentions", ("article_id", "start", "end"), "One row per actor mention.",
            ("article_id", "string", "The article."),
            ("sentence_id", "int64", "The sentence."),
            ("start", "int64", "Offset in `articles.text`."),
            ("end", "int64", "Offset after the mention."),
            ("surface", "string", "The mention as written."),
            ("actor_id", "string", "Wikidata QID where known, else a stable slug."),
            ("actor_name", "string", "Canonical display name."),
            ("actor_type", "string", "person | country | organization | location | group."),
            ("country", "string", "ISO 3166-1 alpha-3 of the actor or its affiliation."),
            ("role", "string", "Title as written, e.g. `Tổng thống`."),
            ("method", "string", "registry | pattern | coreference | ner."),
        ),
        _t(
            "timexes", ("article_id", "start", "end"), "One row per temporal expression.",
            ("article_id", "string", "The article."),
            ("sentence_id", "int64", "The sentence."),
            ("start", "int64", "Offset in `articles.text`."),
            ("end", "int64", "Offset after the expression."),
            ("surface", "string", "The expression as written."),
            ("kind", "string", "date | duration | set | time."),
            ("value", "string", "TIMEX3-style value: 2018-05-31, 2018-09, P3D, XXXX-05-31, PAST_REF ..."),
            ("date", "datetime", "First day of the period; null when unresolved or not a date."),
            ("precision", "string", "day | week | month | quarter | year."),
            ("anchor", "string", "absolute | published_at | previous | reference."),
        ),
        _t(
            "events", ("article_id", "event_id"), "The timeline: dated happenings, one row per sentence or statement.",
            ("article_id", "string", "The article."),
            ("event_id", "int64", "0-based within the article."),
            ("sentence_id", "int64", "The sentence."),
            ("date", "datetime", "First day of the period."),
            ("precision", "string", "day | week | month | quarter | year."),
            ("actor_ids", "list", "Actors the sentence names."),
            ("actor_names", "list", "Their display names."),
            ("text", "string", "The sentence."),
            ("statement_id", "string", "The statement, null unless the event is one."),
        ),
        _t(
            "statements", ("statement_id",), "Who said what, when.",
            ("statement_id", "string", "`<article_id>:<n>`, unique in the corpus."),
            ("article_id", "string", "The article."),
            ("sentence_id", "int64", "The sentence holding the reporting cue."),
            ("speaker_id", "string", "The speaker's actor_id."),
            ("speaker_name", "string", "The speaker's display name."),
            ("speaker_type", "string", "The speaker's actor_type."),
            ("speaker_country", "string", "The speaker's ISO alpha-3 country."),
            ("speaker_surface", "string", "The speaker as written, e.g. `ông`."),
            ("verb", "string", "The reporting cue as written, e.g. `cho biết`."),
            ("content", "string", "The reported content only."),
            ("content_start", "int64", "Offset of the content in `articles.text`."),
            ("content_end", "int64", "Offset after the content."),
            ("quote_type", "string", "direct | indirect | mixed."),
            ("date", "datetime", "When it was said (first day of the period)."),
            ("precision", "string", "day | week | month | quarter | year."),
            ("date_source", "string", "sentence | previous | published_at."),
        ),
        _t(
            "errors", (), "Inputs that could not be read, one row each.",
            ("source_path", "string", "The file (with `#line` for a JSONL/CSV row)."),
            ("article_id", "string", "The article, if known."),
            ("stage", "string", "read | decode | structure | parse ..."),
            ("error", "string", "What went wrong, in a sentence a person understands."),
        ),
    )
}

TABLE_NAMES = tuple(TABLES)


def _cast(series: pd.Series, dtype: str) -> pd.Series:
    if dtype == "string":
        # pandas' default string dtype (missing = NaN), the one a Parquet or CSV round trip gives back.
        return series.astype("str")
    if dtype == "int64":
        return series.astype("int64")
    if dtype == "Int64":
        return series.astype("Int64")
    if dtype == "bool":
        return series.astype("bool")
    if dtype == "datetime":
        if isinstance(series.dtype, pd.DatetimeTZDtype):
            series = series.dt.tz_localize(None)
        # Microseconds: the range covers any year a text can name (nanoseconds stop at 2262).
        return pd.to_datetime(series, errors="coerce").astype("datetime64[us]")
    if dtype == "list":
        return series.map(lambda v: list(v) if v is not None and not isinstance(v, float) else []).astype(object)
    raise ValueError(f"unknown dtype {dtype!r}")


def empty(name: str) -> pd.DataFrame:
    """An empty table with the declared columns and dtypes."""
    return conform(pd.DataFrame({c: [] for c in TABLES[name].names}), name)


def conform(df: pd.DataFrame, name: str, *, check: bool = True) -> pd.DataFrame:
    """Cast ``df`` to table ``name``: declared columns first, in order, with their dtypes; extra columns kept.

    Raises:
        ValueError: a declared column is missing, or the table's key is not unique.
    """
    table = TABLES[name]
    missing = [c for c in table.names if c not in df.columns]
    if missing:
        raise ValueError(f"table {name!r} lacks column(s) {', '.join(missing)}")
    out = pd.DataFrame(
        {c.name: _cast(df[c.name], c.dtype) for c in table.columns}, index=pd.RangeIndex(len(df))
    )
    for extra in df.columns:
        if extra not in out.columns:
            out[extra] = df[extra].to_numpy()
    if check and table.key and len(out):
        dup = out.duplicated(list(table.key))
        if dup.any():
            raise ValueError(
                f"table {name!r}: key {table.key} is not unique, e.g. {out.loc[dup, list(table.key)].iloc[0].tolist()}"
            )
    return out


def frame(name: str, rows: Iterable[tuple | dict], *, check: bool = True) -> pd.DataFrame:
    """Build table ``name`` from rows (tuples in declared column order, or dicts)."""
    rows = list(rows)
    if not rows:
        return empty(name)
    if isinstance(rows[0], dict):
        df = pd.DataFrame.from_records(rows)
    else:
        df = pd.DataFrame.from_records(rows, columns=TABLES[name].names)
    return conform(df, name, check=check)


def describe(name: str | None = None) -> pd.DataFrame:
    """The data dictionary: one row per column (of one table, or of all)."""
    names = [name] if name else list(TABLES)
    return pd.DataFrame(
        [(t, c.name, c.dtype, c.description) for t in names for c in TABLES[t].columns],
        columns=["table", "column", "dtype", "description"],
    )


def arrow_schema(name: str):
    """The pyarrow schema of table ``name`` (declared columns only), so every chunk written agrees."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "Int64": pa.int64(),
        "bool": pa.bool_(),
        "datetime": pa.timestamp("us"),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(c.name, types[c.dtype]) for c in TABLES[name].columns])


def to_arrow(df: pd.DataFrame, name: str):
    """``df`` (already conformed) as a pyarrow Table with the declared schema."""
    import pyarrow as pa

    return pa.Table.from_pandas(df[TABLES[name].names], schema=arrow_schema(name), preserve_index=False)


def _to_str(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value if isinstance(value, str) else str(value)


def _to_datetime(value: Any):
    if value is None or isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, float) and value != value:
        return None
    return pd.Timestamp(value).to_pydatetime()


def arrow_from_rows(name: str, rows: list[tuple]):
    """Table ``name`` as a pyarrow Table straight from rows (tuples in declared column order), without pandas.

    The fast path of the Parquet writer: same schema and the same key check as :func:`frame`.

    Raises:
        ValueError: the table's key is not unique.
    """
    import pyarrow as pa

    table = TABLES[name]
    arrow = arrow_schema(name)
    columns = list(zip(*rows, strict=False)) if rows else [()] * len(table.columns)
    arrays = []
    for col, values, field in zip(table.columns, columns, arrow, strict=False):
        if col.dtype == "datetime":
            values = [_to_datetime(v) for v in values]
        try:
            arrays.append(pa.array(values, type=field.type))
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
            if col.dtype != "string":
                raise
            arrays.append(pa.array([_to_str(v) for v in values], type=field.type))
    out = pa.Table.from_arrays(arrays, schema=arrow)
    # The key check hashes in Arrow (C++): half the cost of a Python set of tuples, which was a tenth of the
    # writer's time. The duplicate is looked for in Python only when there is one.
    if table.key and rows and out.group_by(list(table.key)).aggregate([]).num_rows != len(rows):
        key_columns = [columns[table.names.index(k)] for k in table.key]
        seen: set = set()
        dup = next(k for k in zip(*key_columns, strict=False) if k in seen or seen.add(k))
        raise ValueError(f"table {name!r}: key {table.key} is not unique, e.g. {list(dup)}")
    return out
