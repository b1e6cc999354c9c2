"""newsframes.report: parameters, the tables behind the figures, index.html and the `report` command."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newsframes import paths, report
from newsframes.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "data" / "report_fixture"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.read(FIXTURE)


@pytest.fixture(scope="module")
def said(corpus) -> pd.DataFrame:
    return report.statements_frame(corpus)


# ------------------------------------------------------------------------------------------ paths


def test_paths_point_into_the_repository():
    assert paths.ROOT == ROOT
    assert paths.SEEDS_DIR == ROOT / "seeds" and paths.FIGURES_DIR == ROOT / "figures"
    assert (paths.NOTEBOOKS_DIR / "02_timeline.ipynb").is_file()


def test_root_falls_back_to_the_current_directory_outside_a_checkout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert paths.find_root(tmp_path / "site-packages" / "newsframes" / "paths.py") == tmp_path


# ------------------------------------------------------------------------------------------ parameters


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("top_n", "x", "parameter 'top_n' must be a positive integer, got 'x'"),
        ("top_n", 0, "parameter 'top_n' must be a positive integer, got 0"),
        ("top_n", True, "parameter 'top_n' must be a positive integer, got True"),
        ("top_n", 2.5, "parameter 'top_n' must be a positive integer, got 2.5"),
        ("formats", ["png", "jpg"], "parameter 'formats' must be a list of some of png, svg, html, csv, got ['png', 'jpg']"),
        ("formats", [], "parameter 'formats' must be a list of some of png, svg, html, csv, got []"),
        ("date_from", "31/5/2018", "parameter 'date_from' must be a date written YYYY-MM-DD (or YYYY-MM, YYYY; None for no limit), got '31/5/2018'"),
        ("date_to", "2018-13-01", "parameter 'date_to' must be a date written YYYY-MM-DD"),
        ("reference_date", "2018-07", "parameter 'reference_date' must be a date written YYYY-MM-DD (or None), got '2018-07'"),
        ("actors", 3, "parameter 'actors' must be a list of actor names or ids (empty for all), got 3"),
        ("corpus", [], "parameter 'corpus' must be input paths (a list of files or folders) or one folder of parsed tables, got []"),
        ("corpus", ["no/such/folder"], "parameter 'corpus' must be input paths (a list of files or folders) or one folder of parsed tables, and 'no/such/folder' does not exist"),
        ("manifest", "missing.csv", "parameter 'manifest' must be the path of a CSV file"),
        ("title", 12, "parameter 'title' must be a string, got 12"),
        ("figures_dir", "", "parameter 'figures_dir' must be the path of a folder for the figures, got ''"),
        ("figures_dir", str(ROOT / "seeds" / "out"), "parameter 'figures_dir' must be outside seeds/"),
        ("colour", "red", "unknown parameter 'colour'; the parameters are corpus, reference_date, manifest"),
    ],
)
def test_a_bad_parameter_stops_with_a_sentence_naming_it(name, value, message):
    with pytest.raises(ValueError) as err:
        report.check_parameters({name: value}, base=ROOT)
    assert str(err.value).startswith(message)


def test_dates_after_each_other():
    with pytest.raises(ValueError, match=r"parameter 'date_to' \(2018-01-31\) must not be before 'date_from' \(2018-06-01\)"):
        report.check_parameters({"date_from": "2018-06", "date_to": "2018-01"}, base=ROOT)


@pytest.mark.parametrize(
    "given, expected",
    [
        ({}, {"top_n": 10, "actors": [], "formats": ["png", "svg", "html", "csv"], "date_from": None, "title": ""}),
        ({"date_from": "2018-06", "date_to": "2018-06"}, {"date_from": "2018-06-01", "date_to": "2018-06-30"}),
        ({"date_from": "2018", "date_to": "2018"}, {"date_from": "2018-01-01", "date_to": "2018-12-31"}),
        ({"date_from": "", "reference_date": "2018-07-19"}, {"date_from": None, "reference_date": "2018-07-19"}),
        ({"formats": "png,csv", "actors": "Putin, Trump"}, {"formats": ["png", "csv"], "actors": ["Putin", "Trump"]}),
        ({"actors": ("Q7747",), "title": " Triều Tiên "}, {"actors": ["Q7747"], "title": "Triều Tiên"}),
        ({"corpus": "seeds", "figures_dir": "out/figs"},
         {"corpus": [str(ROOT / "seeds")], "figures_dir": ROOT / "out" / "figs"}),
        ({"corpus": ["../seeds"], "figures_dir": "../figures"},
         {"corpus": [str(ROOT / "seeds")], "figures_dir": ROOT / "figures"}),
    ],
)
def test_good_parameters_are_normalised(given, expected):
    base = ROOT / "notebooks" if "../seeds" in str(given.get("corpus")) else ROOT
    p = report.check_parameters(given, base=base)
    assert {k: getattr(p, k) for k in expected} == expected


def test_parameters_round_trip_as_json():
    p = report.check_parameters({"top_n": 3}, base=ROOT)
    assert report.check_parameters(p.to_json()) == p
    assert p.save == {"figures_dir": p.figures_dir, "formats": p.formats}
    assert p.heading("Timeline") == "Timeline"
    assert p._replace(title="Seeds").heading("Timeline") == "Seeds: Timeline"


def test_defaults_are_the_notebooks_parameters():
    assert tuple(report.DEFAULTS) == report.PARAMETERS


# ------------------------------------------------------------------------------------------ loading


def test_load_corpus_reads_a_folder_of_tables_and_parses_inputs(corpus):
    read = report.load_corpus(report.check_parameters({"corpus": str(FIXTURE)}))
    assert len(read.statements) == len(corpus.statements) > 0
    parsed = report.load_corpus(report.check_parameters({"corpus": [str(ROOT / "seeds")]}))
    assert sorted(parsed.articles["article_id"]) == ["000_4af1e7082c8abb7e", "004_4cfb776a088c147b"]


def test_a_partitioned_dataset_counts_as_parsed_tables(tmp_path, corpus):
    (tmp_path / "articles").mkdir()
    corpus.articles.to_parquet(tmp_path / "articles" / "part-0.parquet")
    assert report.is_table_dir(tmp_path)
    assert not report.is_table_dir(ROOT / "seeds")
    assert len(report.load_corpus(report.check_parameters({"corpus": str(tmp_path)})).articles) == 3


# ------------------------------------------------------------------------------------------ helpers


@pytest.mark.parametrize(
    "actors, value, expected",
    [
        (["Putin"], "Vladimir Putin", True),
        (["putin"], "Vladimir Putin", True),
        (["Q7747"], "Q7747", True),
        (["Nga"], "Ngai", False),
        (["Nga"], "Đại sứ quán Nga", True),
        (["Kim Jong-un"], "Kim Jong-un", True),
        (["Trump"], None, False),
        ([], "anyone", True),
    ],
)
def test_actor_matcher(actors, value, expected):
    assert report.actor_matcher(actors)(value) is expected


@pytest.mark.parametrize(
    "date, precision, end, label",
    [
        ("2018-05-31", "day", "2018-06-01", "31/5/2018"),
        ("2018-05-31", None, "2018-06-01", "31/5/2018"),
        ("2018-11-19", "week", "2018-11-26", "week 47, 2018"),
        ("2018-06-01", "month", "2018-07-01", "6/2018"),
        ("2018-07-01", "quarter", "2018-10-01", "Q3 2018"),
        ("2018-01-01", "year", "2019-01-01", "2018"),
    ],
)
def test_period_end_and_label(date, precision, end, label):
    got = report.period_end(pd.Series(pd.to_datetime([date])), pd.Series([precision], dtype="string"))
    assert got.iloc[0] == pd.Timestamp(end)
    assert report.date_label(pd.Timestamp(date), precision) == label


@pytest.mark.parametrize("top_n, expected", [(1, ["Donald Trump", "other"]), (30, None)])
def test_count_by_keeps_top_n_and_sums_the_rest(said, top_n, expected):
    counts = report.count_by(said, "speaker", top_n=top_n)
    assert counts["n"].sum() == len(said)
    if expected:
        assert counts["speaker"].tolist() == expected
    else:
        assert "other" not in counts["speaker"].tolist()


@pytest.mark.parametrize(
    "text, name, expected",
    [("5", "top_n", 5), ("x", "top_n", "x"), ("png,svg", "formats", ["png", "svg"]),
     ('["png", "csv"]', "formats", ["png", "csv"]), ("[Putin, Trump]", "actors", ["Putin", "Trump"]),
     ("none", "date_from", None), ("2018-06", "date_from", "2018-06"), ("2018", "title", "2018")],
)
def test_cli_values(text, name, expected):
    assert report.parse_cli_value(name, text) == expected


# ------------------------------------------------------------------------------------------ the data behind figures


def test_timeline_frame(corpus):
    tf = report.timeline_frame(corpus, top_n=3)
    assert list(tf.columns) == list(report.TIMELINE_COLUMNS)
    assert tf["date"].is_monotonic_increasing and len(tf) == len(corpus.events)
    month = tf[tf["precision"] == "month"]
    assert (month["end"] == month["date"] + pd.DateOffset(months=1)).all()
    assert set(tf["group"]) <= {"Russia", "United States", "North Korea", "other", "(none)"}
    trump = tf[tf["statement_id"] == "000_4af1e7082c8abb7e:6"].iloc[0]
    assert (trump["who"], trump["group"], trump["date_label"]) == ("Donald Trump", "United States", "16/7/2018")
    assert trump["label"].startswith("16/7/2018 · Donald Trump\nNga sẽ hỗ trợ")


@pytest.mark.parametrize(
    "options, n, check",
    [
        ({"actors": ["Putin"]}, 4, lambda tf: tf["actor_names"].map(lambda n: "Vladimir Putin" in n).all()),
        ({"actors": ["Q22686"]}, 6, lambda tf: True),  # Trump by his Wikidata id
        # Month (6/2018) and year (2018) events overlap a range starting mid-June; the 1/6 day does not.
        ({"date_from": "2018-06-15", "date_to": "2018-06-30"}, 3, lambda tf: (tf["date_label"] == "6/2018").sum() == 2),
        ({"date_to": "2018-05-31"}, 4, lambda tf: tf["date"].max() == pd.Timestamp("2018-05-31")),
    ],
)
def test_timeline_filters(corpus, options, n, check):
    tf = report.timeline_frame(corpus, **options)
    assert len(tf) == n
    assert check(tf)


def test_timeline_by_actor_colours_by_speaker(corpus):
    tf = report.timeline_frame(corpus, color_by="actor", top_n=2)
    assert set(tf["group"]) == {"Donald Trump", "Anton Khlopkov", "other"}  # ties go by name
    with pytest.raises(ValueError, match="color_by"):
        report.timeline_frame(corpus, color_by="colour")


def test_statements_frame_has_the_seeds_speakers(said):
    speakers = set(said["speaker"])
    assert {"Vladimir Putin", "Donald Trump", "Mikhail Galuzin", "Alexander Matsegora", "Anton Khlopkov",
            "Embassy of Russia in North Korea"} <= speakers
    assert said.loc[said["speaker"] == "Vladimir Putin", "country"].unique().tolist() == ["Russia"]
    assert "cho biết" in set(said["cue"]) and "theo" in set(said["cue"])


def test_quote_types_by_speaker(said):
    table = report.quote_types_by_speaker(said, top_n=2)
    assert table.loc["Donald Trump"].to_dict() == {"direct": 1, "indirect": 4, "mixed": 1}
    assert list(table.columns) == ["direct", "indirect", "mixed"] and len(table) == 2


def test_speaker_mentions_counts_actors_inside_the_content(corpus, said):
    pairs = report.speaker_mentions(corpus, said, top_n=20)
    assert pairs.loc["Kremlin", "Kim Jong-un"] == 2
    assert pairs.loc["Donald Trump", "Russia"] == 3
    assert "Donald Trump" not in pairs.columns or pairs.loc["Donald Trump", "Donald Trump"] == 0


def test_quotes_table(said):
    quotes = report.quotes_table(said)
    assert list(quotes.columns[:6]) == ["date", "speaker", "country", "verb", "quote_type", "content"]
    assert quotes["date"].iloc[0] == "1/2018"


def test_corpus_summary_and_sentence_counts(corpus):
    summary = dict(report.corpus_summary(corpus).itertuples(index=False))
    assert (summary["articles"], summary["statements"], summary["errors"]) == ("3", "24", "1")
    assert summary["first event"] == "2018-01-01" and summary["last event"] == "2018-11-23"
    counts = report.sentence_counts(corpus)
    assert (counts["n_sentences"] == counts[["title", "body", "caption", "byline", "source"]].sum(axis=1)).all()


def test_articles_by_date_marks_reference_dates(corpus):
    counts, freq, note = report.articles_by_date(corpus.articles)
    assert freq == "M" and counts["n"].sum() == 3 and counts["reference"].sum() == 2
    assert note == "2 dated by the reference date"


@pytest.mark.parametrize(
    "options, ids",
    [
        ({"actors": ["Galuzin"]}, ["000_4af1e7082c8abb7e"]),
        ({"date_from": "2018-11-01"}, ["004_4cfb776a088c147b"]),
        ({}, ["000_4af1e7082c8abb7e", "004_4cfb776a088c147b", "xss_probe"]),
    ],
)
def test_select_articles(corpus, options, ids):
    picked = report.select_articles(corpus, **options)
    assert sorted(picked.articles["article_id"]) == ids
    assert set(picked.sentences["article_id"]) == set(ids)
    assert len(picked.errors) == 1


# ------------------------------------------------------------------------------------------ index and command


def test_index_shows_every_file_and_escapes_everything(tmp_path):
    for name in ("timeline.png", "timeline.svg", "timeline.csv", "timeline.html", "quotes.html", "quotes.csv"):
        (tmp_path / name).write_text("x")
    run = report.NotebookRun("02_timeline.ipynb", tmp_path / "02_timeline.ipynb",
                             {"title": "<script>alert(1)</script>", "top_n": 5},
                             [tmp_path / "timeline.png", tmp_path / "timeline.svg", tmp_path / "timeline.csv",
                              tmp_path / "timeline.html", tmp_path / "quotes.html", tmp_path / "quotes.csv"], 1.5)
    page = report.write_index(tmp_path, [run], title="<b>Report</b>").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>Report" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<img src="timeline.png"' in page and '<iframe src="quotes.html"' in page
    for name in ("timeline.svg", "timeline.csv", "timeline.html", "quotes.csv", "02_timeline.ipynb"):
        assert f'href="{name}"' in page


def test_the_cli_has_a_report_command():
    from newsframes.cli import build_parser

    args = build_parser().parse_args(["report", "--corpus", "seeds", "-p", "top_n", "3", "--out", "x"])
    assert args.func is report._cmd_report and args.parameter == [["top_n", "3"]]


@pytest.mark.parametrize(
    "argv, message",
    [
        (["-p", "top_n", "x"], "newsframes report: error: parameter 'top_n' must be a positive integer, got 'x'"),
        (["-p", "colour", "red"], "newsframes report: error: unknown parameter 'colour'"),
        (["-p", "corpus", "seeds"], "newsframes report: error: parameter 'corpus' is set by --corpus"),
        (["--corpus", "no/such/dir"], "newsframes report: error: parameter 'corpus' must be input paths"),
    ],
)
def test_the_command_stops_on_a_bad_parameter_before_running_anything(tmp_path, capsys, argv, message):
    from newsframes.cli import main

    assert main(["report", "--out", str(tmp_path / "figs"), *argv]) == 2
    assert capsys.readouterr().err.startswith(message)
    assert not (tmp_path / "figs").exists()


def test_the_command_says_which_notebook_and_cell_failed(tmp_path, capsys, monkeypatch):
    from newsframes.cli import main

    def fail(*args, **kwargs):
        raise report.ReportError("notebook 02_timeline.ipynb failed in cell 4 (`x = 1/0`): ZeroDivisionError")

    monkeypatch.setattr(report, "run_report", fail)
    assert main(["report", "--out", str(tmp_path)]) == 1
    assert "02_timeline.ipynb failed in cell 4" in capsys.readouterr().err


def test_a_speaker_without_a_country_takes_the_one_their_mentions_carry(corpus):
    statements = corpus.statements.copy()
    trump = statements["speaker_name"] == "Donald Trump"
    statements.loc[trump, "speaker_country"] = pd.NA
    statements.loc[statements["speaker_name"] == "Kremlin", ["speaker_country", "speaker_id"]] = [pd.NA, "nobody"]
    changed = Corpus(**{**corpus.tables(), "statements": statements})
    said = report.statements_frame(changed)
    assert set(said.loc[said["speaker"] == "Donald Trump", "country"]) == {"United States"}
    # Never another actor's country: the Kremlin's sentences name Russia, but the speaker is unknown to mentions.
    assert set(said.loc[said["speaker"] == "Kremlin", "country"]) == {"(none)"}
    tf = report.timeline_frame(changed, top_n=20)
    assert set(tf.loc[tf["who"] == "Kremlin", "group"]) == {"(none)"}
    assert set(tf.loc[tf["who"] == "Donald Trump", "group"]) == {"United States"}
