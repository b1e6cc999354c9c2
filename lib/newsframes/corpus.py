"""The parse pipeline and the :class:`Corpus` it returns.

``parse(inputs) -> Corpus`` reads every article, structures and splits it, finds its dates, actors and
statements, and builds the tables of the data contract. :func:`parse_to_dir` does the same but streams the
tables to disk in chunks, so memory does not grow with the number of articles.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema
from .actors import iter_mentions, load_registry
from .read import (
    DEFAULT_MAX_BYTES,
    InputError,
    RawArticle,
    ReadError,
    find_manifests,
    iter_raw,
    read_manifest,
)
from .resources import check_language
from .sentences import iter_sentences
from .statements import iter_statements
from .structure import parse_datetime, structure_article
from .timeline import iter_events
from .timexes import iter_timexes

#: Articles per chunk when tables are streamed to disk.
CHUNK_ARTICLES = 2000
#: A progress bar appears once this many articles have been read.
PROGRESS_AFTER = 200

Rows = dict[str, list[tuple]]


class ParseOptions:
    """What :func:`parse_article` needs besides the article: resolved once per run, reused for every article."""

    def __init__(
        self,
        *,
        reference_date: Any = None,
        manifest: dict[str, dict[str, Any]] | None = None,
        actors: Any = None,
        language: str = "vi",
    ):
        self.language = check_language(language)
        ref = parse_datetime(reference_date) if reference_date is not None else None
        if reference_date not in (None, "") and ref is None:
            raise ValueError(f"reference date {reference_date!r} is not a date; give it as YYYY-MM-DD")
        self.reference_date = ref
        self.manifest = manifest or {}
        self.actors = actors
        self._registry = None

    @property
    def registry(self):
        if self._registry is None:

            self._registry = load_registry(self.actors, language=self.language)
        return self._registry


def _meta_for(raw: RawArticle, options: ParseOptions) -> dict[str, Any]:
    """The article's metadata: the input's fields win over the manifest's, which win over the text's."""
    meta = dict(options.manifest.get(raw.article_id, {}))
    if "published_at" in meta:
        meta["published_at_source"] = "manifest"
    for key, value in raw.meta.items():
        meta[key] = value
        if key == "published_at":
            meta["published_at_source"] = "input"
    if "reference_date" not in meta and options.reference_date is not None:
        meta["reference_date"] = options.reference_date
    return meta


def parse_article(raw: RawArticle, options: ParseOptions) -> Rows:
    """Every table's rows for one article (tuples in the schema's column order)."""
    aid = raw.article_id
    meta = _meta_for(raw, options)
    st = structure_article(
        raw.text, meta=meta, infer_title="title" not in raw.fields, language=options.language
    )
    if not st.text.strip():
        raise _ArticleError("structure", "the article has no text after clean-up (only whitespace or control characters)")
    sentences = list(iter_sentences(st.text, st.paragraphs, language=options.language))
    anchor_date = st.published_at.date() if st.published_at else None
    anchor = "reference" if st.published_at_source == "reference" else "published_at"

    timexes = list(iter_timexes(sentences, anchor_date=anchor_date, anchor=anchor, language=options.language))
    mentions = list(iter_mentions(sentences, registry=options.registry, language=options.language))
    statements = list(
        iter_statements(sentences, mentions, timexes, published=anchor_date, language=options.language)
    )
    statement_ids = [f"{aid}:{i}" for i in range(len(statements))]
    events = list(iter_events(sentences, mentions, timexes, statements, statement_ids))

    return {
        "articles": [
            (
                aid, raw.source_path, st.title, st.text, st.url, st.site, st.agency, st.author,
                st.published_at, st.published_at_source, options.language, len(sentences),
            )
        ],
        "sentences": [(aid, *s) for s in sentences],
        "mentions": [(aid, *m) for m in mentions],
        "timexes": [(aid, *t) for t in timexes],
        "events": [(aid, *e) for e in events],
        "statements": [(sid, aid, *s) for sid, s in zip(statement_ids, statements, strict=True)],
        "errors": [],
    }


class _ArticleError(Exception):
    def __init__(self, stage: str, message: str):
        super().__init__(message)
        self.stage = stage


def _error_rows(err: ReadError) -> Rows:
    return {"errors": [(err.source_path, err.article_id, err.stage, err.error)]}


def iter_unique(items: Iterable[RawArticle | ReadError]) -> Iterator[RawArticle | ReadError]:
    """Pass articles through, turning a repeated ``article_id`` into a :class:`ReadError`.

    Every engine runs this where the whole stream is seen (the driver), so ids are unique across the corpus.
    """
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, RawArticle):
            first = seen.get(item.article_id)
            if first is not None:
                item = ReadError(
                    item.source_path, item.article_id, "read",
                    f"duplicate article_id {item.article_id!r}: already read from {first}",
                )
            else:
                seen[item.article_id] = item.source_path
        yield item


def iter_article_rows(
    inputs: Iterable[str | os.PathLike] | Iterable[RawArticle | ReadError],
    options: ParseOptions,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    unique: bool = True,
) -> Iterator[Rows]:
    """Rows for each input article (or its error), in input order: exactly one ``Rows`` per item.

    Never raises for a bad article. ``unique=False`` skips the duplicate-id check (done by the caller).
    """
    items = inputs if _is_raw_stream(inputs) else iter_raw(inputs, max_bytes=max_bytes)
    if unique:
        items = iter_unique(items)
    for item in items:
        if isinstance(item, ReadError):
            yield _error_rows(item)
            continue
        try:
            yield parse_article(item, options)
        except _ArticleError as exc:
            yield _error_rows(ReadError(item.source_path, item.article_id, exc.stage, str(exc)))
        except Exception as exc:  # a bug must not sink the corpus: report it on the article and go on
            yield _error_rows(
                ReadError(item.source_path, item.article_id, "parse",
                          f"internal error while parsing the article ({type(exc).__name__}: {exc}); "
                          "please report it with the article")
            )


def _is_raw_stream(inputs: Any) -> bool:
    return not isinstance(inputs, (str, os.PathLike)) and isinstance(inputs, Iterator)


# --------------------------------------------------------------------------------------------- sinks


class _Collector:
    """Collects rows per article; every ``chunk`` articles builds each table (DataFrames, or Arrow tables with
    ``as_rows``) and hands them to ``emit``.

    If an article's rows do not fit a table (a stage bug, e.g. a value the dtype cannot hold), that article is
    found by bisection and becomes an error row, instead of the whole chunk failing.
    """

    def __init__(self, emit: Callable[[str, Any], None], chunk: int = CHUNK_ARTICLES, *, as_rows: bool = False):
        self.emit = emit
        self.chunk = chunk
        self.build = schema.arrow_from_rows if as_rows else schema.frame
        self.pending: list[Rows] = []
        self.n_articles = 0
        self.n_errors = 0
        self.characters = 0

    def add(self, rows: Rows) -> None:
        self.pending.append(rows)
        if len(self.pending) >= self.chunk:
            self.flush()

    def _tables(self, pending: list[Rows]) -> dict[str, Any]:
        merged: dict[str, list[tuple]] = {name: [] for name in schema.TABLE_NAMES}
        for rows in pending:
            for name, items in rows.items():
                merged[name].extend(items)
        return {name: self.build(name, items) for name, items in merged.items()}

    def _fitting(self, pending: list[Rows]) -> list[Rows]:
        try:
            self._tables(pending)
            return pending
        except Exception:  # noqa: BLE001 - isolate the article(s) at fault
            if len(pending) > 1:
                mid = len(pending) // 2
                return self._fitting(pending[:mid]) + self._fitting(pending[mid:])
            rows, table = pending[0], "its"
            for name, items in rows.items():
                try:
                    self.build(name, items)
                except Exception as first:  # noqa: BLE001
                    exc, table = first, f"the {name}"
                    break
            article = rows["articles"][0]
            return [_error_rows(ReadError(
                article[1], article[0], "parse",
                f"{table} rows of the article do not fit the tables ({type(exc).__name__}: {exc}); "
                "please report it with the article",
            ))]

    def flush(self, *, final: bool = False) -> None:
        pending, self.pending = self.pending, []
        try:
            tables = self._tables(pending)
        except Exception:  # noqa: BLE001
            pending = self._fitting(pending)
            tables = self._tables(pending)
        for rows in pending:
            self.n_articles += len(rows.get("articles", ()))
            self.n_errors += len(rows.get("errors", ()))
            self.characters += sum(len(a[3]) for a in rows.get("articles", ()))
        for name, table in tables.items():
            if final or len(table):
                self.emit(name, table)


class _Progress:
    """A tqdm bar on stderr that appears only once a run is long enough to need one."""

    def __init__(self, enabled: bool | None):
        self.enabled = enabled
        self.count = 0
        self.bar = None

    def update(self) -> None:
        self.count += 1
        if self.enabled is False:
            return
        if self.bar is None and (self.count >= PROGRESS_AFTER or self.enabled):
            from tqdm.auto import tqdm

            self.bar = tqdm(desc="parsing", unit=" articles", file=sys.stderr, initial=self.count, mininterval=0.5)
        elif self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@dataclass
class RunStats:
    """What a run did: counts and time, for the command's summary."""

    articles: int = 0
    errors: int = 0
    seconds: float = 0.0
    characters: int = 0

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        total = self.articles + self.errors
        return (
            f"read {total:,} article(s): {self.articles:,} parsed, {self.errors:,} error(s) "
            f"in {self.seconds:.1f} s ({self.rate:,.0f} articles/s)"
        )


def _run(
    rows: Iterable[Rows], emit: Callable[[str, Any], None], *, progress: bool | None, chunk: int,
    as_rows: bool = False,
) -> RunStats:
    stats = RunStats()
    collector = _Collector(emit, chunk, as_rows=as_rows)
    bar = _Progress(progress)
    start = time.perf_counter()
    try:
        for item in rows:
            collector.add(item)
            bar.update()
    finally:
        bar.close()
    collector.flush(final=True)
    stats.articles, stats.errors = collector.n_articles, collector.n_errors
    stats.characters = collector.characters
    stats.seconds = time.perf_counter() - start
    return stats


# --------------------------------------------------------------------------------------------- Corpus


@dataclass
class Corpus:
    """The tables of a parsed corpus, each a :class:`pandas.DataFrame` (see ``docs/CONTRACT.md``)."""

    articles: pd.DataFrame = field(default_factory=lambda: schema.empty("articles"))
    sentences: pd.DataFrame = field(default_factory=lambda: schema.empty("sentences"))
    mentions: pd.DataFrame = field(default_factory=lambda: schema.empty("mentions"))
    timexes: pd.DataFrame = field(default_factory=lambda: schema.empty("timexes"))
    events: pd.DataFrame = field(default_factory=lambda: schema.empty("events"))
    statements: pd.DataFrame = field(default_factory=lambda: schema.empty("statements"))
    errors: pd.DataFrame = field(default_factory=lambda: schema.empty("errors"))
    stats: RunStats | None = field(default=None, repr=False, compare=False)

    def tables(self) -> dict[str, pd.DataFrame]:
        """``{table name: DataFrame}`` in contract order."""
        return {name: getattr(self, name) for name in schema.TABLE_NAMES}

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(df):,}" for name, df in self.tables().items())
        return f"Corpus({counts})"

    def to_dir(self, out: str | os.PathLike, *, format: str = "parquet") -> Path:
        """Write one file per table (``articles.parquet`` ...) into ``out``; returns the folder."""
        out = Path(out)
        sink = _FileSink(out, format)
        for name, df in self.tables().items():
            sink.emit(name, df)
        sink.close()
        return out

    @classmethod
    def read(cls, path: str | os.PathLike) -> Corpus:
        """Read the tables written by ``newsframes parse --out`` (files or partitioned Parquet datasets).

        Raises:
            FileNotFoundError: the folder holds no ``articles`` table.
        """
        path = Path(path)
        tables = {}
        for name in schema.TABLE_NAMES:
            tables[name] = _read_table(path, name)
        if tables["articles"] is None:
            raise FileNotFoundError(
                f"{path} holds no articles table (articles.parquet, articles.csv or an articles/ dataset); "
                "write one with `newsframes parse INPUT --out DIR`"
            )
        return cls(**{n: (df if df is not None else schema.empty(n)) for n, df in tables.items()})


def _read_table(path: Path, name: str) -> pd.DataFrame | None:
    import json

    dataset = path / name
    csv_parts = sorted(dataset.glob("part-*.csv")) if dataset.is_dir() else []
    if (path / f"{name}.parquet").exists() or (dataset.is_dir() and not csv_parts):
        target = path / f"{name}.parquet" if (path / f"{name}.parquet").exists() else dataset
        df = pd.read_parquet(target)
    elif (path / f"{name}.csv").exists() or csv_parts:
        files = [path / f"{name}.csv"] if (path / f"{name}.csv").exists() else csv_parts
        df = pd.concat(
            [pd.read_csv(f, dtype=str, keep_default_na=False, na_values=[""]) for f in files], ignore_index=True
        )
        for col in schema.TABLES[name].columns:
            if col.name not in df.columns:
                continue
            if col.dtype == "list":
                df[col.name] = df[col.name].map(lambda v: json.loads(v) if isinstance(v, str) and v else [])
            elif col.dtype in ("int64", "Int64"):
                df[col.name] = pd.to_numeric(df[col.name])
            elif col.dtype == "bool":
                df[col.name] = df[col.name].map({"True": True, "False": False, "true": True, "false": False})
    else:
        return None
    return schema.conform(df, name, check=False)


class _FileSink:
    """Writes tables chunk by chunk: one Parquet file (several row groups) or one CSV per table."""

    def __init__(self, out: Path, format: str = "parquet"):
        if format not in ("parquet", "csv"):
            raise ValueError(f"format {format!r} is not supported; use 'parquet' or 'csv'")
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.format = format
        self.writers: dict[str, Any] = {}
        self.started: set[str] = set()
        for name in schema.TABLE_NAMES:  # a stale table from an earlier run (of either engine) must not survive
            for suffix in ("parquet", "csv"):
                (self.out / f"{name}.{suffix}").unlink(missing_ok=True)
            if (self.out / name).is_dir():
                shutil.rmtree(self.out / name)

    def emit_arrow(self, name: str, table) -> None:
        """Write an Arrow table built by :func:`schema.arrow_from_rows` (the fast path of Parquet output)."""
        self._write_arrow(name, table)

    def _write_arrow(self, name: str, table) -> None:
        import pyarrow.parquet as pq

        if name not in self.writers:
            self.writers[name] = pq.ParquetWriter(self.out / f"{name}.parquet", table.schema)
        self.writers[name].write_table(table)

    def emit(self, name: str, df: pd.DataFrame) -> None:
        path = self.out / f"{name}.{self.format}"
        if self.format == "parquet":
            self._write_arrow(name, schema.to_arrow(df, name))
        else:
            import json

            df = df.copy()
            for col in schema.TABLES[name].columns:
                if col.dtype == "list":
                    df[col.name] = df[col.name].map(lambda v: json.dumps(list(v), ensure_ascii=False))
            df.to_csv(path, mode="a" if name in self.started else "w", header=name not in self.started, index=False)
            self.started.add(name)

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()
        self.writers.clear()


def _options(reference_date, manifest, actors, language, inputs) -> ParseOptions:
    manifests: dict[str, dict[str, Any]] = {}
    if not _is_raw_stream(inputs):
        for path in find_manifests(inputs):
            manifests.update(read_manifest(path))
    if manifest is not None:
        given = manifest if isinstance(manifest, dict) else read_manifest(manifest)
        for aid, fields in given.items():
            manifests.setdefault(aid, {}).update(fields)
    return ParseOptions(reference_date=reference_date, manifest=manifests, actors=actors, language=language)


def parse(
    inputs: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    reference_date: str | dt.date | None = None,
    manifest: str | os.PathLike | dict | None = None,
    actors: str | os.PathLike | pd.DataFrame | None = None,
    language: str = "vi",
    engine: str = "pandas",
    progress: bool | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
    **engine_options: Any,
) -> Corpus:
    """Parse articles into the tables of the data contract.

    Args:
        inputs: ``.txt`` files or folders of them, ``.jsonl``/``.jsonl.gz``, ``.csv``, ``.parquet``, ``.html``,
            in any mix. A ``manifest.csv`` at the top of an input folder is read as its manifest.
        reference_date: the date used where an article's own date is unknown (``YYYY-MM-DD``).
        manifest: a CSV ``article_id,published_at,url,...`` (or a dict) that supplies metadata by id.
        actors: extra actor registry rows (CSV path or DataFrame, same columns as the built-in registry).
        language: the language of the articles; ``"vi"`` is supported.
        engine: ``"pandas"`` (one process) or ``"dask"`` (partitions in parallel; see ``newsframes.engines``).
        progress: show a progress bar (None: only for runs of more than a few hundred articles).
        max_bytes: articles larger than this become an error row.
        strict: raise :class:`ParseError` if any article ends in ``errors``.

    Returns:
        A :class:`Corpus` whose attributes are the tables.

    Raises:
        InputError: an input path does not exist or has an unsupported type.
        ParseError: ``strict`` and some articles failed.
    """
    if engine != "pandas":
        from .engines import parse_with_engine

        return parse_with_engine(
            inputs, engine=engine, reference_date=reference_date, manifest=manifest, actors=actors,
            language=language, max_bytes=max_bytes, strict=strict, progress=progress, **engine_options,
        )
    options = _options(reference_date, manifest, actors, language, inputs)
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in schema.TABLE_NAMES}
    stats = _run(
        iter_article_rows(inputs, options, max_bytes=max_bytes),
        lambda name, df: parts[name].append(df),
        progress=progress,
        chunk=CHUNK_ARTICLES,
    )
    tables = {
        name: schema.conform(pd.concat(frames, ignore_index=True), name) if len(frames) > 1 else frames[0]
        for name, frames in parts.items()
    }
    corpus = Corpus(**tables, stats=stats)
    if strict and len(corpus.errors):
        raise ParseError(corpus.errors)
    return corpus


def parse_to_dir(
    inputs: str | os.PathLike | Iterable[str | os.PathLike],
    out: str | os.PathLike,
    *,
    format: str = "parquet",
    reference_date: str | dt.date | None = None,
    manifest: str | os.PathLike | dict | None = None,
    actors: str | os.PathLike | pd.DataFrame | None = None,
    language: str = "vi",
    progress: bool | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    chunk: int = CHUNK_ARTICLES,
) -> RunStats:
    """Parse and stream the tables into ``out`` chunk by chunk; memory stays flat however many articles."""
    options = _options(reference_date, manifest, actors, language, inputs)
    sink = _FileSink(Path(out), format)
    try:
        stats = _run(
            iter_article_rows(inputs, options, max_bytes=max_bytes),
            sink.emit_arrow if format == "parquet" else sink.emit,
            progress=progress, chunk=chunk, as_rows=format == "parquet",
        )
    finally:
        sink.close()
    return stats


class ParseError(RuntimeError):
    """Raised by ``parse(..., strict=True)`` when some articles could not be parsed."""

    def __init__(self, errors: pd.DataFrame):
        self.errors = errors
        first = errors.iloc[0]
        super().__init__(
            f"{len(errors)} article(s) could not be parsed; first: {first['source_path']}: {first['error']}"
        )


__all__ = [
    "Corpus", "InputError", "ParseError", "ParseOptions", "RunStats", "iter_article_rows", "iter_unique", "parse",
    "parse_article", "parse_to_dir",
]
