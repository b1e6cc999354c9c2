"""The project's scorer: perfect predictions score 1.0, and each kind of mistake costs what the ruler says."""
from __future__ import annotations

import pandas as pd
import pytest

import newsframes as nf
from newsframes import schema
from newsframes.evaluate import format_scores, main, normalize, score


def corpus_from_gold(gold: dict) -> nf.Corpus:
    """Tables that say exactly what the gold says (required items only)."""
    arts, timexes, mentions, statements = [], [], [], []
    for aid, spec in gold["articles"].items():
        arts.append({c: None for c in schema.TABLES["articles"].names} | {"article_id": aid, "text": "x", "n_sentences": 0})
        for i, t in enumerate(x for x in spec["timexes"] if not x.get("optional")):
            timexes.append({c: None for c in schema.TABLES["timexes"].names}
                           | {"article_id": aid, "sentence_id": 0, "start": i, "end": i + 1, "surface": t["surface"], "value": t["value"]})
        for i, a in enumerate(x for x in spec["actors"] if isinstance(x, str)):
            g = gold["actors"][a]
            mentions.append({c: None for c in schema.TABLES["mentions"].names}
                            | {"article_id": aid, "sentence_id": 0, "start": i, "end": i + 1, "surface": a,
                               "actor_id": g.get("qid") or a, "actor_name": a, "actor_type": g["type"], "country": g.get("country")})
        for i, s in enumerate(x for x in spec["statements"] if not x.get("optional")):
            statements.append({c: None for c in schema.TABLES["statements"].names}
                              | {"statement_id": f"{aid}:{i}", "article_id": aid, "sentence_id": 0, "speaker_name": s["speaker"],
                                 "content": s["content"], "content_start": 0, "content_end": 1,
                                 "date": pd.Timestamp(s["date"]) if s.get("date") else None})
    return nf.Corpus(
        articles=schema.frame("articles", arts), timexes=schema.frame("timexes", timexes),
        mentions=schema.frame("mentions", mentions), statements=schema.frame("statements", statements),
    )


def test_normalize():
    assert normalize("  Kim Jong-un, “Putin”! ") == "kim jong un putin"
    assert normalize(None) == ""


def test_perfect_prediction_scores_one(seeds_gold):
    figures, misses = score(corpus_from_gold(seeds_gold), seeds_gold)
    for name in ("timexes", "timexes_strict", "actors", "statements"):
        assert figures[name]["f1"] == 1.0, (name, misses)
    assert figures["statement_content_f1"] == 1.0
    assert figures["statement_date_accuracy"] == 1.0
    assert misses == []


def test_each_mistake_counts(seeds_gold):
    corpus = corpus_from_gold(seeds_gold)
    t = corpus.timexes
    t.loc[0, "value"] = "1999-01-01"  # a wrong value: matched, not strict
    corpus.timexes = pd.concat([t, t.iloc[[1]].assign(surface="hôm nay", value="2018-07-19", start=99, end=100)], ignore_index=True)
    corpus.mentions = corpus.mentions.iloc[1:]  # one actor missed
    s = corpus.statements
    s.loc[0, "speaker_name"] = "Nobody"  # a statement with the wrong speaker: one miss and one extra
    s.loc[2, "date"] = pd.Timestamp("2000-01-01")  # a gold statement with a date
    figures, misses = score(corpus, seeds_gold)
    n_timex = sum(1 for a in seeds_gold["articles"].values() for x in a["timexes"] if not x.get("optional"))
    assert figures["timexes"]["tp"] == n_timex and figures["timexes"]["fp"] == 1
    assert figures["timexes_strict"]["tp"] == n_timex - 1
    assert figures["actors"]["fn"] == 1
    assert figures["statements"]["fn"] == 1 and figures["statements"]["fp"] == 1
    assert figures["statement_date_accuracy"] < 1.0
    assert any("timex extra: 'hôm nay'" in m for m in misses)
    assert "timexes" in format_scores(figures)


def test_optional_items_are_neither_required_nor_penalized(seeds_gold):
    corpus = corpus_from_gold(seeds_gold)
    extra = corpus.mentions.iloc[[0]].assign(actor_id="x", actor_name="Bình Nhưỡng", actor_type="location", start=500, end=501)
    corpus.mentions = pd.concat([corpus.mentions, extra], ignore_index=True)
    figures, _ = score(corpus, seeds_gold)
    assert figures["actors"]["fp"] == 0


def test_cli_scores_a_folder(tmp_path, seeds_gold, capsys):
    corpus_from_gold(seeds_gold).to_dir(tmp_path)
    (tmp_path / "gold.json").write_text(__import__("json").dumps(seeds_gold), encoding="utf-8")
    assert main([str(tmp_path), str(tmp_path / "gold.json")]) == 0
    out = capsys.readouterr().out
    assert "actors          P 1.000  R 1.000  F1 1.000" in out


@pytest.mark.parametrize("args", [["nowhere", "nogold.json"]])
def test_cli_missing_files(args, capsys):
    assert main(args) == 2
    assert "error" in capsys.readouterr().err
