"""Engines that run the parse pipeline: ``pandas`` (one process, the default) and ``dask`` (partitions in parallel).

The dask engine does not reimplement anything: the driver streams the inputs with :func:`newsframes.read.iter_raw`
(cheap: reading and JSON decoding only), turns repeated article ids into error rows, cuts the stream into
partitions of ``partition_size`` articles, and submits each partition to a ``dask.distributed`` cluster, where
:func:`newsframes.corpus.iter_article_rows` parses it exactly as the pandas engine would. At most a few partitions
per worker are in flight, so the driver's memory stays flat however large the corpus; each partition's tables are
written as soon as it completes, as ``DIR/<table>/part-NNNNN.parquet`` (numbered in input order, so a sorted read is
deterministic and equals the pandas engine's tables).

Without a scheduler address a :class:`distributed.LocalCluster` runs on loopback with one single-threaded worker
process per core (the pipeline is pure Python, so processes, not threads, give the speed-up). With an address the
run joins an existing cluster, whose workers must have ``newsframes`` installed.

In a script, call the dask engine under ``if __name__ == "__main__":``: the local workers are spawned processes
that import the main module.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema
from .corpus import (
    Corpus,
    ParseError,
    ParseOptions,
    RunStats,
    _Collector,
    _is_raw_stream,
    _options,
    iter_article_rows,
    iter_unique,
)
from .read import DEFAULT_MAX_BYTES, RawArticle, ReadError, expand_inputs, iter_raw

ENGINES = ("pandas", "dask")
#: Articles per partition: large enough that scheduling costs nothing, small enough to keep workers' memory low.
PARTITION_SIZE = 1000
#: A partition is also closed once its texts reach this many characters (a few huge articles stay one task).
PARTITION_CHARS = 8_000_000
#: Partitions in flight per worker thread: one running, one queued, so no worker idles while the driver reads.
IN_FLIGHT_PER_THREAD = 2
#: How long to wait for an existing scheduler to answer.
CONNECT_TIMEOUT = "10s"

_DASK_OPTIONS = ("scheduler", "workers", "partition_size", "progress")


class EngineError(ValueError):
    """The engine cannot run: unknown engine or option, dask missing, scheduler unreachable."""


# --------------------------------------------------------------------------------------------- partitions


@dataclass
class Partition:
    """One partition of the input: its number (input order) and its articles or read errors, in input order."""

    index: int
    items: list[RawArticle | ReadError]
    characters: int = 0

    def identities(self) -> list[tuple[str, str | None]]:
        """``(source_path, article_id)`` of every item, to account for them if the partition's task is lost."""
        return [(i.source_path, i.article_id) for i in self.items]


def iter_partitions(
    items: Iterable[RawArticle | ReadError],
    *,
    partition_size: int = PARTITION_SIZE,
    partition_chars: int = PARTITION_CHARS,
) -> Iterator[Partition]:
    """Cut a stream of articles into numbered partitions of at most ``partition_size`` items (fewer if long)."""
    if partition_size < 1:
        raise EngineError(f"partition_size must be at least 1, not {partition_size}")
    batch: list[RawArticle | ReadError] = []
    chars = 0
    index = 0
    for item in items:
        batch.append(item)
        if isinstance(item, RawArticle):
            chars += len(item.text)
        if len(batch) >= partition_size or chars >= partition_chars:
            yield Partition(index, batch, chars)
            index += 1
            batch, chars = [], 0
    if batch:
        yield Partition(index, batch, chars)


def parse_partition(items: list[RawArticle | ReadError], options: ParseOptions) -> dict[str, pd.DataFrame]:
    """Every table of one partition, built by the pandas engine's own pipeline (runs on a worker).

    The ids were checked for repeats by the driver. An article whose rows do not fit a table becomes an error row
    (the collector isolates it), so the rest of the partition is kept.
    """
    return _tables(list(iter_article_rows(iter(items), options, unique=False)))


def parse_partition_parquet(items: list[RawArticle | ReadError], options: ParseOptions) -> dict[str, Any]:
    """Every table of one partition as Parquet file contents (``bytes``), built without pandas (runs on a worker).

    The fast path of :func:`parse_dask_to_dir`: the rows go straight into Arrow tables and are encoded on the
    worker, so the driver only writes bytes to disk, and nothing is pickled but the bytes.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    encoded: dict[str, Any] = {}
    for name, table in _tables(list(iter_article_rows(iter(items), options, unique=False)), as_rows=True).items():
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink)
        encoded[name] = sink.getvalue().to_pybytes()
    encoded["_counts"] = {"articles": table_rows(encoded, "articles"), "errors": table_rows(encoded, "errors")}
    return encoded


def table_rows(tables: dict[str, Any], name: str) -> int:
    """The number of rows of table ``name`` in a partition's result (a DataFrame or Parquet file contents)."""
    counts = tables.get("_counts")
    if counts is not None and name in counts:
        return counts[name]
    value = tables[name]
    if isinstance(value, (bytes, bytearray)):
        import pyarrow as pa
        import pyarrow.parquet as pq

        return pq.ParquetFile(pa.BufferReader(value)).metadata.num_rows
    return len(value)


def _tables(rows: list[dict[str, list[tuple]]], *, as_rows: bool = False) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    # One flush: one frame (or Arrow table) per table.
    collector = _Collector(tables.__setitem__, chunk=len(rows) + 1, as_rows=as_rows)
    for article_rows in rows:
        collector.add(article_rows)
    collector.flush(final=True)
    return tables


def _lost_partition(part_ids: list[tuple[str, str | None]], exc: BaseException) -> dict[str, pd.DataFrame]:
    """Error rows for every article of a partition whose task failed (a worker died, ran out of memory ...)."""
    message = (
        f"the dask worker parsing this article's partition failed ({type(exc).__name__}: {exc}); "
        "rerun with fewer articles per partition or more memory per worker"
    )
    tables = {name: schema.empty(name) for name in schema.TABLE_NAMES}
    tables["errors"] = schema.frame("errors", [(path, aid, "parse", message) for path, aid in part_ids])
    return tables


# --------------------------------------------------------------------------------------------- writing


def _stale_outputs(out: Path, name: str) -> list[Path]:
    found = [out / f"{name}.parquet", out / f"{name}.csv"]
    if (out / name).is_dir():
        found += sorted((out / name).glob("part-*.parquet")) + sorted((out / name).glob("part-*.csv"))
    return [p for p in found if p.exists()]


class PartitionWriter:
    """Writes each table of each partition as ``out/<table>/part-NNNNN.<format>``.

    Every table gets a file for every partition (empty ones too), so the tables' partitions line up and each
    dataset exists with its schema even when it has no rows. Files are written under a hidden name and renamed,
    so a reader never sees half a file.
    """

    def __init__(self, out: str | os.PathLike, format: str = "parquet"):
        if format not in ("parquet", "csv"):
            raise ValueError(f"format {format!r} is not supported; use 'parquet' or 'csv'")
        self.out = Path(out)
        self.format = format
        for name in schema.TABLE_NAMES:
            # A table left by an earlier run (single file or more partitions) must not be read with this one.
            for stale in _stale_outputs(self.out, name):
                stale.unlink()
            (self.out / name).mkdir(parents=True, exist_ok=True)

    def path(self, name: str, index: int) -> Path:
        return self.out / name / f"part-{index:05d}.{self.format}"

    def write(self, index: int, tables: dict[str, pd.DataFrame]) -> None:
        for name in schema.TABLE_NAMES:
            target = self.path(name, index)
            tmp = target.with_name(f".{target.name}.tmp")
            df = tables[name]
            if isinstance(df, (bytes, bytearray)):  # Parquet file contents encoded by a worker
                if self.format != "parquet":
                    raise ValueError(f"table {name!r} arrived as Parquet but the format is {self.format!r}")
                tmp.write_bytes(df)
            elif self.format == "parquet":
                import pyarrow.parquet as pq

                pq.write_table(schema.to_arrow(df, name), tmp)
            else:
                import json

                lists = [c.name for c in schema.TABLES[name].columns if c.dtype == "list"]
                if lists:
                    df = df.copy()
                    for col in lists:
                        df[col] = df[col].map(lambda v: json.dumps(list(v), ensure_ascii=False))
                df.to_csv(tmp, index=False)
            os.replace(tmp, target)


# --------------------------------------------------------------------------------------------- cluster


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A ``distributed.Client``: joined to ``scheduler``, or on a local cluster of ``workers`` processes.

    The local cluster listens on 127.0.0.1 only, has no dashboard, one thread per worker, and is shut down when
    the block ends, whatever happens inside it.

    Raises:
        EngineError: dask.distributed is not installed, the scheduler cannot be reached, or ``workers`` is wrong.
    """
    try:
        from distributed import Client
    except ImportError as exc:
        raise EngineError(
            "the dask engine needs dask.distributed; install it with `pip install 'newsframes[dask]'`"
        ) from exc
    if scheduler:
        if workers:
            raise EngineError(
                f"--workers sets the size of a local cluster; the cluster at {scheduler} has its own workers"
            )
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise EngineError(
                f"cannot reach the dask scheduler at {scheduler} ({exc}); start one with `dask scheduler` "
                "or leave out --scheduler to run a local cluster"
            ) from exc
        with client:
            yield client
        return
    with local_cluster(workers) as cluster, Client(cluster) as client:
        yield client


def local_cluster(workers: int | None = None):
    """A ``distributed.LocalCluster`` for one machine: ``workers`` single-threaded processes (default: all cores).

    Everything listens on 127.0.0.1 only; there is no dashboard (the scheduler's small HTTP server, which it
    always runs, gets a free loopback port instead of 8787). Use it as a context manager so it shuts down.

    Raises:
        EngineError: ``workers`` is less than 1.
    """
    from distributed import LocalCluster

    n = _cores() if workers is None else workers
    if n < 1:
        raise EngineError(f"--workers must be at least 1, not {n}")
    return LocalCluster(
        n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        silence_logs=logging.ERROR,
    )


class _PartitionBar:
    """tqdm over partitions on stderr; with ``enabled=None`` it appears once the run has a second partition."""

    def __init__(self, enabled: bool | None):
        self.enabled = enabled
        self.bar = None
        self.done = 0
        self.articles = 0

    def submitted(self, index: int) -> None:
        if self.bar is None and (self.enabled or (self.enabled is None and index >= 1)):
            from tqdm.auto import tqdm

            self.bar = tqdm(desc="parsing (dask)", unit=" partitions", file=sys.stderr, initial=self.done,
                            mininterval=0.5)

    def completed(self, articles: int) -> None:
        self.done += 1
        self.articles += articles
        if self.bar is not None:
            self.bar.set_postfix_str(f"{self.articles:,} articles", refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run_dask(
    items: Iterable[RawArticle | ReadError],
    options: ParseOptions,
    on_partition: Callable[[int, dict[str, Any]], None],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = PARTITION_SIZE,
    progress: bool | None = None,
    task: Callable[[list, ParseOptions], dict[str, Any]] = parse_partition,
) -> RunStats:
    """Parse ``items`` partition by partition on a dask cluster; hand each partition's tables to ``on_partition``.

    Partitions complete in any order; ``on_partition(index, tables)`` gets the index that gives their input
    order. Every item ends in some partition's ``articles`` or ``errors``, even when a worker is lost.
    ``RunStats.seconds`` counts from the first submission (the cluster's start-up is not included).
    ``task`` (default :func:`parse_partition`) must be importable by the workers.
    """
    from distributed import as_completed

    stats = RunStats()
    partitions = iter_partitions(iter_unique(items), partition_size=partition_size)
    bar = _PartitionBar(progress)
    with dask_client(scheduler, workers) as client:
        threads = max(1, sum(client.nthreads().values()))
        max_in_flight = IN_FLIGHT_PER_THREAD * threads
        # Sent once to every worker, which keeps it (and the actor registry it loads on first use) for all tasks.
        shared = client.scatter(_for_workers(options), broadcast=True, hash=False)
        run = uuid.uuid4().hex[:8]
        pending = as_completed()
        owned: dict[str, tuple[int, list[tuple[str, str | None]]]] = {}

        def finish(future) -> None:
            index, part_ids = owned.pop(future.key)
            try:
                tables = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost task becomes error rows, never lost articles
                tables = _lost_partition(part_ids, exc)
            future.release()
            articles = table_rows(tables, "articles")
            stats.articles += articles
            stats.errors += table_rows(tables, "errors")
            on_partition(index, tables)
            bar.completed(articles)

        start = time.perf_counter()
        try:
            for part in partitions:
                future = client.submit(task, part.items, shared, key=f"newsframes-{run}-{part.index:05d}",
                                       pure=False, retries=1)
                owned[future.key] = (part.index, part.identities())
                stats.characters += part.characters
                pending.add(future)
                bar.submitted(part.index)
                del part
                while pending.count() >= max_in_flight:
                    finish(next(pending))
            for future in pending:
                finish(future)
        finally:
            bar.close()
        stats.seconds = time.perf_counter() - start
    return stats


def _for_workers(options: ParseOptions) -> ParseOptions:
    """A copy of ``options`` without a loaded registry: each worker loads its own instead of unpickling one."""
    import copy

    shipped = copy.copy(options)
    if hasattr(shipped, "_registry"):
        shipped._registry = None
    return shipped


def _raw_items(inputs: Any, max_bytes: int) -> Iterator[RawArticle | ReadError]:
    if _is_raw_stream(inputs):
        return inputs
    expand_inputs(inputs)  # a missing or unsupported path fails now, before a cluster starts
    return iter_raw(inputs, max_bytes=max_bytes)


# --------------------------------------------------------------------------------------------- entry points


def parse_with_engine(
    inputs: Any,
    *,
    engine: str,
    reference_date: str | dt.date | None = None,
    manifest: Any = None,
    actors: Any = None,
    language: str = "vi",
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
    **engine_options: Any,
) -> Corpus:
    """Parse ``inputs`` with ``engine`` into a :class:`Corpus` (what ``newsframes.parse(..., engine=...)`` calls).

    Args:
        inputs: as for :func:`newsframes.parse`.
        engine: ``"pandas"`` or ``"dask"``.
        engine_options: for ``"dask"``: ``scheduler`` (address of an existing cluster; default: a local cluster),
            ``workers`` (local worker processes; default: all cores), ``partition_size`` (articles per task,
            default 1,000) and ``progress``; for ``"pandas"``: ``progress``.

    Returns:
        The same tables the pandas engine gives, in input order.

    Raises:
        EngineError: unknown engine or option, dask missing, scheduler unreachable.
        ParseError: ``strict`` and some articles failed.
    """
    if engine not in ENGINES:
        raise EngineError(f"engine {engine!r} is not supported; engines: {', '.join(ENGINES)}")
    allowed = _DASK_OPTIONS if engine == "dask" else ("progress",)
    unknown = sorted(set(engine_options) - set(allowed))
    if unknown:
        raise EngineError(f"engine {engine!r} takes no option(s) {', '.join(unknown)}; it takes {', '.join(allowed)}")
    if engine == "pandas":
        from .corpus import parse

        return parse(inputs, reference_date=reference_date, manifest=manifest, actors=actors, language=language,
                     max_bytes=max_bytes, strict=strict, **engine_options)

    options = _options(reference_date, manifest, actors, language, inputs)
    parts: dict[int, dict[str, pd.DataFrame]] = {}
    stats = run_dask(
        _raw_items(inputs, max_bytes), options, parts.__setitem__,
        scheduler=engine_options.get("scheduler"), workers=engine_options.get("workers"),
        partition_size=engine_options.get("partition_size") or PARTITION_SIZE,
        progress=engine_options.get("progress"),
    )
    tables = {}
    for name in schema.TABLE_NAMES:
        frames = [parts[i][name] for i in sorted(parts)]
        if not frames:
            tables[name] = schema.empty(name)
        elif len(frames) == 1:
            tables[name] = frames[0]
        else:
            tables[name] = schema.conform(pd.concat(frames, ignore_index=True), name)
    corpus = Corpus(**tables, stats=stats)
    if strict and len(corpus.errors):
        raise ParseError(corpus.errors)
    return corpus


def parse_dask_to_dir(
    inputs: Any,
    out: str | os.PathLike,
    *,
    format: str = "parquet",
    reference_date: str | dt.date | None = None,
    manifest: Any = None,
    actors: Any = None,
    language: str = "vi",
    max_bytes: int = DEFAULT_MAX_BYTES,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: bool | None = None,
    partition_size: int = PARTITION_SIZE,
) -> RunStats:
    """Parse on a dask cluster and write every table as a partitioned dataset ``out/<table>/part-NNNNN.<format>``.

    What ``newsframes parse --engine dask [--scheduler ADDRESS] [--workers N] --out DIR`` runs. Read the result
    back with ``Corpus.read(out)`` (or ``dask.dataframe.read_parquet(out / "sentences")``). With a remote
    scheduler, ``out`` is written by this process, so it need not be shared with the workers.

    Raises:
        InputError: an input path does not exist or has an unsupported type.
        EngineError: dask missing, scheduler unreachable, bad ``workers``.
    """
    options = _options(reference_date, manifest, actors, language, inputs)
    items = _raw_items(inputs, max_bytes)
    writer = PartitionWriter(out, format)
    written: list[int] = []

    def write(index: int, tables: dict[str, pd.DataFrame]) -> None:
        writer.write(index, tables)
        written.append(index)

    stats = run_dask(items, options, write, scheduler=scheduler, workers=workers,
                     partition_size=partition_size, progress=progress,
                     task=parse_partition_parquet if format == "parquet" else parse_partition)
    if not written:  # no input articles at all: the datasets still exist, empty, with their schema
        writer.write(0, {name: schema.empty(name) for name in schema.TABLE_NAMES})
    return stats


__all__ = [
    "ENGINES",
    "EngineError",
    "Partition",
    "PartitionWriter",
    "dask_client",
    "iter_partitions",
    "local_cluster",
    "iter_unique",
    "parse_dask_to_dir",
    "parse_partition",
    "parse_partition_parquet",
    "parse_with_engine",
    "run_dask",
]
