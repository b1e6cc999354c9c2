"""The `newsframes` command: parse writes every table, accounts for every article, fails with a sentence."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pandas as pd
import pytest

import newsframes as nf
from newsframes.cli import main

from .conftest import SEEDS


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsframes.cli", *args], capture_output=True, text=True)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_parse_writes_every_table(tmp_path, fmt, seeds_corpus):
    assert main(["parse", str(SEEDS), "--out", str(tmp_path), "--format", fmt, "--quiet"]) == 0
    for name in nf.TABLE_NAMES:
        assert (tmp_path / f"{name}.{fmt}").is_file(), name
    back = nf.Corpus.read(tmp_path)
    for name in nf.TABLE_NAMES:
        pd.testing.assert_frame_equal(getattr(back, name), getattr(seeds_corpus, name), obj=name)


def test_summary_counts_errors_and_rate(tmp_path):
    data = "\n".join([json.dumps({"id": "a", "text": "Một câu."}), "{bad", json.dumps({"id": "b"})]) + "\n"
    (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress(data.encode()))
    proc = run("parse", str(tmp_path / "in.jsonl.gz"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    assert "read 3 article(s): 1 parsed, 2 error(s)" in proc.stderr
    assert "articles/s" in proc.stderr and "errors.parquet" in proc.stderr
    errors = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert len(errors) == 2
    strict = run("parse", str(tmp_path / "in.jsonl.gz"), "--out", str(tmp_path / "out2"), "--strict", "-q")
    assert strict.returncode == 1 and strict.stderr == ""


@pytest.mark.parametrize(
    "args, words",
    [
        (["parse", "does/not/exist", "--out", "OUT"], "no such file or folder"),
        (["parse", "seeds", "--out", "OUT", "--reference-date", "yesterday"], "YYYY-MM-DD"),
        (["parse", "seeds", "--out", "OUT", "--manifest", "nope.csv"], "no such file"),
        (["parse", "seeds", "--out", "OUT", "--language", "xx"], "supported: vi"),
        (["describe", "nosuchtable"], "unknown table"),
    ],
)
def test_user_errors_are_one_sentence_not_a_traceback(tmp_path, args, words):
    args = [a.replace("OUT", str(tmp_path / "out")) for a in args]
    proc = run(*args)
    assert proc.returncode == 2
    assert words in proc.stderr
    assert "Traceback" not in proc.stderr


def test_help_lists_commands_and_examples():
    proc = run("--help")
    assert proc.returncode == 0 and "parse" in proc.stdout and "score" in proc.stdout
    proc = run("parse", "--help")
    assert "--reference-date" in proc.stdout and "examples:" in proc.stdout


def test_no_command_prints_help():
    proc = run()
    assert proc.returncode == 2 and "usage" in proc.stdout


def test_describe(capsys):
    assert main(["describe", "statements"]) == 0
    out = capsys.readouterr().out
    assert "speaker_surface" in out and "quote_type" in out


def test_rerun_replaces_stale_tables(tmp_path):
    assert main(["parse", str(SEEDS), "--out", str(tmp_path), "-q"]) == 0
    one = SEEDS / "004_4cfb776a088c147b.txt"
    assert main(["parse", str(one), "--out", str(tmp_path), "-q"]) == 0
    assert pd.read_parquet(tmp_path / "articles.parquet").article_id.tolist() == ["004_4cfb776a088c147b"]


def test_a_row_no_table_can_hold_becomes_an_error_not_a_lost_chunk(tmp_path, monkeypatch):
    """A stage bug that gives one article an impossible value costs that article only."""
    import newsframes.corpus as corpus

    real = corpus.parse_article

    def broken(raw, options):
        rows = real(raw, options)
        if raw.article_id == "004_4cfb776a088c147b":
            rows["sentences"][0] = rows["sentences"][0][:1] + ("not an int",) + rows["sentences"][0][2:]
        return rows

    monkeypatch.setattr(corpus, "parse_article", broken)
    for fmt in ("parquet", "csv"):
        stats = nf.parse_to_dir(SEEDS, tmp_path / fmt, format=fmt)
        assert (stats.articles, stats.errors) == (1, 1)
        back = nf.Corpus.read(tmp_path / fmt)
        assert back.articles.article_id.tolist() == ["000_4af1e7082c8abb7e"]
        assert "do not fit the tables" in back.errors.error.iloc[0]
    assert len(nf.parse(SEEDS).errors) == 1


def test_stats_count_characters():
    stats = nf.parse_to_dir(SEEDS, __import__("tempfile").mkdtemp())
    assert stats.characters == sum(len(t) for t in nf.parse(SEEDS).articles.text)


def test_unwritable_output_is_one_sentence(tmp_path):
    (tmp_path / "file").write_text("x")
    proc = run("parse", str(SEEDS), "--out", str(tmp_path / "file" / "sub"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "error" in proc.stderr
