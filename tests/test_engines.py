"""Engines: the dask engine gives the pandas engine's tables, writes partitioned datasets, loses no article.

The cluster tests run a ``LocalCluster`` of two single-threaded worker processes on loopback (marked slow);
the partitioning, duplicate check and writer are tested without a cluster.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import newsframes as nf
from newsframes import engines, schema
from newsframes.cli import main
from newsframes.corpus import ParseOptions
from newsframes.engines import (
    EngineError,
    PartitionWriter,
    iter_partitions,
    iter_unique,
    parse_partition,
    parse_with_engine,
)
from newsframes.read import RawArticle, ReadError

from .conftest import DATA, SEEDS

#: 40 articles copied from the bench corpus (world news from four sources, and other topics).
BENCH_SAMPLE = DATA / "bench_sample.jsonl"


def raw(aid: str, text: str = "Hà Nội, ngày 23/10. Ông A cho biết như vậy.", path: str = "in.jsonl") -> RawArticle:
    return RawArticle(aid, f"{path}#{aid}", text, {}, "record")


def sort_table(df: pd.DataFrame, name: str) -> pd.DataFrame:
    key = list(schema.TABLES[name].key) or list(schema.TABLES[name].names)
    return df.sort_values(key, kind="stable").reset_index(drop=True)


def assert_same_tables(got: nf.Corpus, expected: nf.Corpus) -> None:
    for name in nf.TABLE_NAMES:
        pd.testing.assert_frame_equal(
            sort_table(getattr(got, name), name), sort_table(getattr(expected, name), name), obj=name
        )


@pytest.fixture(scope="module")
def mixed_inputs(tmp_path_factory) -> list[Path]:
    """Seeds, the bench sample, and a file of troubles: a repeated id, a record without text, a broken line."""
    folder = tmp_path_factory.mktemp("inputs")
    troubles = folder / "troubles.jsonl"
    first = json.loads(BENCH_SAMPLE.read_text(encoding="utf-8").splitlines()[0])
    troubles.write_text(
        "\n".join([
            json.dumps({"id": first["id"], "text": "Một bài khác mang cùng mã."}, ensure_ascii=False),
            json.dumps({"id": "no-text", "title": "Không có nội dung"}, ensure_ascii=False),
            "{not json",
            json.dumps({"id": "short", "text": "Ngày 2/9, Chủ tịch nước phát biểu tại Hà Nội."}, ensure_ascii=False),
        ]) + "\n",
        encoding="utf-8",
    )
    return [SEEDS, BENCH_SAMPLE, troubles]


@pytest.fixture(scope="module")
def pandas_corpus(mixed_inputs) -> nf.Corpus:
    return nf.parse(mixed_inputs, progress=False)


# --------------------------------------------------------------------------------------------- no cluster


@pytest.mark.parametrize(
    "ids, expected",
    [
        (["a", "b", "c"], ["a", "b", "c"]),
        (["a", "b", "a", "a"], ["a", "b", "dup", "dup"]),
        ([], []),
    ],
)
def test_iter_unique_turns_repeated_ids_into_errors(ids, expected):
    out = list(iter_unique(raw(i, path=f"f{n}.jsonl") for n, i in enumerate(ids)))
    assert ["dup" if isinstance(o, ReadError) else o.article_id for o in out] == expected
    for o in out:
        if isinstance(o, ReadError):
            assert o.stage == "read" and "duplicate article_id 'a'" in o.error and "f0.jsonl#a" in o.error


def test_iter_unique_passes_read_errors_through():
    err = ReadError("x.jsonl#3", None, "read", "line 3 is not JSON")
    assert list(iter_unique([raw("a"), err, raw("b")]))[1] is err


@pytest.mark.parametrize(
    "n, size, chars, lengths",
    [
        (10, 4, 10**9, [4, 4, 2]),
        (8, 4, 10**9, [4, 4]),
        (3, 1000, 10**9, [3]),
        (0, 5, 10**9, []),
        (5, 100, 100, [3, 2]),  # 40 characters each: the third article reaches the character cap
    ],
)
def test_partitions_keep_order_and_respect_both_caps(n, size, chars, lengths):
    items = [raw(f"a{i}", "x" * 40) for i in range(n)]
    parts = list(iter_partitions(items, partition_size=size, partition_chars=chars))
    assert [len(p.items) for p in parts] == lengths
    assert [p.index for p in parts] == list(range(len(parts)))
    assert [i.article_id for p in parts for i in p.items] == [f"a{i}" for i in range(n)]
    assert sum(p.characters for p in parts) == 40 * n


def test_partition_size_must_be_positive():
    with pytest.raises(EngineError, match="at least 1"):
        list(iter_partitions([raw("a")], partition_size=0))


def test_parse_partition_equals_the_pandas_engine():
    items = [raw("a"), ReadError("x#2", None, "read", "line 2 is not JSON"), raw("b", "Ngày 1/5, Bộ trưởng phát biểu.")]
    tables = parse_partition(items, ParseOptions())
    expected = nf.parse(iter(items), progress=False)
    for name in nf.TABLE_NAMES:
        pd.testing.assert_frame_equal(tables[name], getattr(expected, name), obj=name)


def test_parse_partition_parquet_holds_the_same_tables_as_parquet_bytes(tmp_path):
    import io

    items = [raw("a"), ReadError("x#2", None, "read", "line 2 is not JSON"), raw("b", "Ngày 1/5, Bộ trưởng phát biểu.")]
    encoded = engines.parse_partition_parquet(items, ParseOptions())
    expected = parse_partition(items, ParseOptions())
    assert encoded["_counts"] == {"articles": 2, "errors": 1}
    assert engines.table_rows(encoded, "sentences") == len(expected["sentences"]) > 0
    for name in nf.TABLE_NAMES:
        assert isinstance(encoded[name], bytes)
        back = schema.conform(pd.read_parquet(io.BytesIO(encoded[name])), name)
        pd.testing.assert_frame_equal(back, expected[name], obj=name)
    writer = engines.PartitionWriter(tmp_path, "parquet")
    writer.write(0, encoded)
    assert pd.read_parquet(writer.path("articles", 0)).article_id.tolist() == ["a", "b"]
    with pytest.raises(ValueError, match="arrived as Parquet"):
        engines.PartitionWriter(tmp_path / "csv", "csv").write(0, encoded)


def test_lost_partition_accounts_for_every_article():
    tables = engines._lost_partition([("f#1", "a"), ("f#2", None)], MemoryError("worker killed"))
    assert tables["articles"].empty
    assert tables["errors"]["article_id"].tolist()[0] == "a"
    assert tables["errors"]["stage"].tolist() == ["parse", "parse"]
    assert "worker killed" in tables["errors"]["error"].iloc[0]


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"engine": "spark"}, "engines: pandas, dask"),
        ({"engine": "dask", "partitions": 3}, "takes no option(s) partitions"),
        ({"engine": "pandas", "scheduler": "tcp://127.0.0.1:8786"}, "takes no option(s) scheduler"),
    ],
)
def test_unknown_engine_or_option_is_one_sentence(kwargs, words):
    with pytest.raises(EngineError) as err:
        parse_with_engine([SEEDS], **kwargs)
    assert words in str(err.value)


@pytest.mark.parametrize(
    "scheduler, workers, words",
    [(None, 0, "at least 1"), ("tcp://127.0.0.1:8786", 2, "has its own workers")],
)
def test_bad_cluster_options_fail_before_anything_starts(scheduler, workers, words):
    with pytest.raises(EngineError, match=words), engines.dask_client(scheduler, workers):
        pass


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_partition_writer_replaces_stale_outputs(tmp_path, fmt, seeds_corpus):
    (tmp_path / "articles.parquet").write_bytes(b"stale single-file table")
    (tmp_path / "sentences").mkdir()
    (tmp_path / "sentences" / f"part-00007.{fmt}").write_text("stale partition")
    writer = PartitionWriter(tmp_path, fmt)
    half = len(seeds_corpus.articles) // 2
    ids = seeds_corpus.articles["article_id"]
    for index, chosen in enumerate([ids[:half], ids[half:]]):
        writer.write(index, {
            name: schema.conform(df[df["article_id"].isin(chosen)].reset_index(drop=True), name)
            for name, df in seeds_corpus.tables().items()
        })
    assert not (tmp_path / "articles.parquet").exists()
    for name in nf.TABLE_NAMES:
        assert sorted(p.name for p in (tmp_path / name).iterdir()) == [f"part-00000.{fmt}", f"part-00001.{fmt}"]


def test_partitioned_parquet_reads_back_as_the_corpus(tmp_path, seeds_corpus):
    writer = PartitionWriter(tmp_path, "parquet")
    for index, aid in enumerate(seeds_corpus.articles["article_id"]):
        writer.write(index, {
            name: schema.conform(df[df["article_id"] == aid].reset_index(drop=True), name)
            for name, df in seeds_corpus.tables().items()
        })
    assert_same_tables(nf.Corpus.read(tmp_path), seeds_corpus)


# --------------------------------------------------------------------------------------------- cluster


@pytest.fixture(scope="module")
def cluster():
    pytest.importorskip("distributed")
    with engines.local_cluster(2) as local:  # two worker processes on loopback, no dashboard
        yield local


def fail_on_short(items, options):
    """A partition task that dies on the partition holding the article ``short`` (imported by the workers)."""
    if any(getattr(i, "article_id", None) == "short" for i in items):
        raise MemoryError("simulated worker failure")
    return parse_partition(items, options)


@pytest.mark.slow
@pytest.mark.parametrize("partition_size", [4, 1000])
def test_dask_tables_equal_the_pandas_engine(cluster, mixed_inputs, pandas_corpus, partition_size):
    got = nf.parse(mixed_inputs, engine="dask", scheduler=cluster.scheduler_address, partition_size=partition_size)
    assert_same_tables(got, pandas_corpus)
    # Input order survives whatever order the partitions complete in.
    assert got.articles["article_id"].tolist() == pandas_corpus.articles["article_id"].tolist()
    assert got.stats.articles == len(pandas_corpus.articles) and got.stats.errors == len(pandas_corpus.errors)
    # The repeated id, the broken line and the record without text are errors, not lost.
    assert len(got.errors) == 3 and got.errors["error"].str.contains("duplicate article_id").sum() == 1


@pytest.mark.slow
def test_dask_to_dir_writes_partitioned_parquet_that_reads_back(cluster, mixed_inputs, pandas_corpus, tmp_path):
    stats = engines.parse_dask_to_dir(mixed_inputs, tmp_path, scheduler=cluster.scheduler_address,
                                      partition_size=10, progress=False)
    n_inputs = len(pandas_corpus.articles) + len(pandas_corpus.errors)
    expected_parts = [f"part-{i:05d}.parquet" for i in range(-(-n_inputs // 10))]
    for name in nf.TABLE_NAMES:
        assert sorted(p.name for p in (tmp_path / name).iterdir()) == expected_parts, name
    assert stats.articles == len(pandas_corpus.articles) and stats.errors == len(pandas_corpus.errors)
    assert_same_tables(nf.Corpus.read(tmp_path), pandas_corpus)


@pytest.mark.slow
def test_a_failed_partition_becomes_error_rows(cluster, mixed_inputs, pandas_corpus):
    parts: dict[int, dict[str, pd.DataFrame]] = {}
    items = engines._raw_items(mixed_inputs, nf.read.DEFAULT_MAX_BYTES)
    stats = engines.run_dask(items, ParseOptions(), parts.__setitem__, scheduler=cluster.scheduler_address,
                             partition_size=2, task=fail_on_short)
    errors = pd.concat([p["errors"] for p in parts.values()], ignore_index=True)
    articles = pd.concat([p["articles"] for p in parts.values()], ignore_index=True)
    lost = errors[errors["error"].str.contains("simulated worker failure")]
    assert "short" in set(lost["article_id"]) and len(lost) == 2
    assert "short" not in set(articles["article_id"])
    # Every input item is still accounted for, exactly once.
    assert stats.articles + stats.errors == len(pandas_corpus.articles) + len(pandas_corpus.errors)


@pytest.mark.slow
@pytest.mark.parametrize("how", ["scheduler", "local"])
def test_cli_engine_dask_on_the_seeds(cluster, tmp_path, seeds_corpus, how):
    extra = ["--scheduler", cluster.scheduler_address] if how == "scheduler" else ["--workers", "2"]
    assert main(["parse", str(SEEDS), "--engine", "dask", *extra, "--out", str(tmp_path), "--quiet"]) == 0
    assert (tmp_path / "articles" / "part-00000.parquet").is_file()
    assert_same_tables(nf.Corpus.read(tmp_path), seeds_corpus)


@pytest.mark.slow
def test_cli_unreachable_scheduler_is_one_sentence(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(engines, "CONNECT_TIMEOUT", "1s")
    assert main(["parse", str(SEEDS), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--out", str(tmp_path)]) == 2
    assert "cannot reach the dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err


def test_an_article_whose_rows_do_not_fit_becomes_an_error_row(monkeypatch):
    from newsframes import corpus

    real = corpus.parse_article

    def bad_sentence_ids(item, options):
        rows = real(item, options)
        if item.article_id == "bad":
            rows["sentences"] = [(item.article_id, "not a number", *s[2:]) for s in rows["sentences"]]
        return rows

    monkeypatch.setattr(corpus, "parse_article", bad_sentence_ids)
    tables = parse_partition([raw("a"), raw("bad"), raw("c")], ParseOptions())
    assert tables["articles"]["article_id"].tolist() == ["a", "c"]
    assert set(tables["sentences"]["article_id"]) == {"a", "c"}
    assert tables["errors"]["article_id"].tolist() == ["bad"]
    assert "the sentences rows of the article do not fit" in tables["errors"]["error"].iloc[0]
