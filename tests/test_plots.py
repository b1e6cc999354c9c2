"""newsframes.plots: figures, stable file names, spans for coarse dates, TimelineJS, escaping, Vietnamese glyphs."""
from __future__ import annotations

import importlib.util
import json
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from newsframes import plots, report
from newsframes.corpus import Corpus

DATA = Path(__file__).resolve().parent / "data"
FIXTURE = DATA / "report_fixture"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def fixture_corpus() -> Corpus:
    return Corpus.read(FIXTURE)


@pytest.fixture(scope="module")
def events(fixture_corpus) -> pd.DataFrame:
    return report.timeline_frame(fixture_corpus, top_n=5)


def _frame(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """A minimal events table: (date, precision, text) rows, as the contract's events with one actor."""
    events = pd.DataFrame({
        "article_id": "a1",
        "event_id": range(len(rows)),
        "sentence_id": range(len(rows)),
        "date": pd.to_datetime([r[0] for r in rows]),
        "precision": [r[1] for r in rows],
        "actor_ids": [["Q7747"]] * len(rows),
        "actor_names": [["Vladimir Putin"]] * len(rows),
        "text": [r[2] for r in rows],
        "statement_id": None,
    })
    articles = pd.DataFrame({"article_id": ["a1"], "title": [f"Tin {SCRIPT}"], "text": ["x"]})
    from newsframes import schema

    for name in schema.TABLES["articles"].names:
        if name not in articles:
            articles[name] = None
    articles["n_sentences"] = 1
    corpus = Corpus(events=schema.conform(events, "events"), articles=schema.conform(articles, "articles"))
    return report.timeline_frame(corpus)


# ------------------------------------------------------------------------------------------ saving


def test_save_figure_writes_png_svg_csv_with_stable_names(tmp_path, events):
    fig = plots.plot_timeline(events, title="Timeline")
    written = plots.save_figure(fig, "timeline", figures_dir=tmp_path / "figs", data=events)
    assert [p.name for p in written] == ["timeline.png", "timeline.svg", "timeline.csv"]
    assert (tmp_path / "figs" / "timeline.png").read_bytes()[:8] == PNG_MAGIC
    ET.parse(tmp_path / "figs" / "timeline.svg")  # well-formed SVG
    back = pd.read_csv(tmp_path / "figs" / "timeline.csv")
    assert len(back) == len(events)
    assert list(back.columns) == list(report.TIMELINE_COLUMNS)


@pytest.mark.parametrize(
    "formats, expected",
    [
        (["png"], ["x.png"]),
        (["svg", "csv"], ["x.svg", "x.csv"]),
        ("png,csv", ["x.png", "x.csv"]),
        (["html"], []),  # a matplotlib figure has no HTML form
    ],
)
def test_save_figure_writes_only_the_formats_asked_for(tmp_path, formats, expected):
    fig = plots.plot_counts(pd.DataFrame({"site": ["a"], "n": [1]}), title="t")
    written = plots.save_figure(fig, "x", figures_dir=tmp_path, formats=formats, data=pd.DataFrame({"a": [1]}))
    assert [p.name for p in written] == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(expected)


def test_plotly_html_works_offline(tmp_path, events):
    fig = plots.plot_timeline_interactive(events, title="Timeline")
    written = plots.save_figure(fig, "timeline", figures_dir=tmp_path, formats=["html", "png", "csv"])
    assert [p.name for p in written] == ["timeline.html"]
    page = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    assert '<script charset="utf-8" src="plotly.min.js"></script>' in page
    assert "cdn.plot.ly" not in page and "https://" not in page.split("<body>")[0]
    assert (tmp_path / "plotly.min.js").stat().st_size > 1_000_000


@pytest.mark.parametrize("name", ["", "../x", "a b", "/abs", "x/y"])
def test_save_figure_refuses_names_that_are_not_plain_stems(tmp_path, name):
    with pytest.raises(ValueError, match="figure name"):
        plots.save_figure(plots.new_figure(), name, figures_dir=tmp_path)


@pytest.mark.parametrize("formats", [["jpg"], [], "png,gif"])
def test_unknown_formats_are_refused(tmp_path, formats):
    with pytest.raises(ValueError, match="formats must be some of png, svg, html, csv"):
        plots.save_figure(plots.new_figure(), "x", figures_dir=tmp_path, formats=formats)


def test_save_table_escapes_every_cell(tmp_path):
    table = pd.DataFrame({"content": [SCRIPT, "<b>x</b>"], "ids": [["a", "b"], []]})
    plots.save_table(table, "quotes", figures_dir=tmp_path, title="<i>Quotes</i>")
    page = (tmp_path / "quotes.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "<b>x</b>" not in page and "<i>Quotes" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert pd.read_csv(tmp_path / "quotes.csv")["ids"].tolist()[0] == "a; b"


# ------------------------------------------------------------------------------------------ fonts


@pytest.mark.parametrize(
    "text",
    ["Đại sứ quán Nga tại Triều Tiên", "Tổng thống Mỹ Donald Trump nêu rõ", "phi hạt nhân hóa Bán đảo",
     "ặ ẫ ẽ ỗ ự ữ ỹ Ỷ Ỵ đ Đ ơ ư"],
)
def test_vietnamese_letters_have_glyphs(tmp_path, text):
    fig = plots.plot_counts(pd.DataFrame({"speaker": [text], "n": [3]}), title=text)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font(s)"
        plots.save_figure(fig, "glyphs", figures_dir=tmp_path, formats=["png"])


# ------------------------------------------------------------------------------------------ timeline


@pytest.mark.parametrize(
    "starts, ends, widths, expected",
    [
        ([0, 10, 20], [1, 11, 21], [5, 5, 5], [1, 1, 1]),  # far apart: all on the first level
        ([0, 1, 2], [1, 2, 3], [5, 5, 5], [1, -1, 2]),  # crowded: alternate sides, then move out
        ([0, 1, 6], [1, 2, 7], [5, 5, 5], [1, -1, 1]),  # the first level is free again after 5
        ([0, 2], [30, 3], [1, 1], [1, -1]),  # a long span keeps its level busy until it ends
    ],
)
def test_labels_take_the_nearest_free_level(starts, ends, widths, expected):
    assert plots._assign_levels(starts, ends, widths) == expected


def _label_boxes(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    return [t.get_window_extent(renderer) for t in ax.texts if t.get_text()]


def test_timeline_labels_never_overlap(events):
    fig = plots.plot_timeline(events, title="Timeline")
    boxes = _label_boxes(fig)
    assert len(boxes) == len(events)
    overlaps = [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]
    assert overlaps == []


@pytest.mark.parametrize(
    "date, precision, days",
    [("2018-05-01", "month", 31), ("2018-02-01", "month", 28), ("2018-07-01", "quarter", 92),
     ("2018-01-01", "year", 365), ("2018-11-19", "week", 7)],
)
def test_coarse_dates_are_drawn_as_spans_over_their_period(date, precision, days):
    frame = _frame([(date, precision, "Một sự kiện"), ("2018-05-31", "day", "Một ngày")])
    fig = plots.plot_timeline(frame)
    bars = [p for p in fig.axes[0].patches if p.get_height() > 0]
    assert len(bars) == 1  # the day event is a dot, not a bar
    assert bars[0].get_width() == pytest.approx(days)


def test_too_many_events_label_statements_first():
    frame = _frame([(f"2018-05-{d:02d}", "day", f"câu {d}") for d in range(1, 29)])
    frame.loc[[3, 20], "statement_id"] = ["a1:0", "a1:1"]
    fig = plots.plot_timeline(frame, max_labels=5)
    labelled = [t.get_text() for t in fig.axes[0].texts]
    assert len(labelled) == 5
    assert any("câu 4" in t for t in labelled) and any("câu 21" in t for t in labelled)


def test_an_empty_timeline_says_so():
    fig = plots.plot_timeline(_frame([]).iloc[:0], title="Timeline")
    assert any("no dated events" in t.get_text() for t in fig.axes[0].texts)


def test_interactive_hover_holds_escaped_sentence_and_article(events):
    fig = plots.plot_timeline_interactive(events, title="<b>T</b>")
    custom = [row for trace in fig.data for row in trace.customdata]
    assert len(custom) == len(events)
    texts = " ".join(str(c) for row in custom for c in row)
    assert "<script" not in texts and "<b id" not in texts
    assert "&lt;script&gt;document.documentElement" in texts
    assert "Triều Tiên" in texts and "[004_4cfb776a088c147b]" in texts
    assert fig.layout.title.text == "&lt;b&gt;T&lt;/b&gt;"
    spans = [t for t in fig.data if t.type == "bar"]
    assert spans and all(t.orientation == "h" for t in spans)


# ------------------------------------------------------------------------------------------ TimelineJS


@pytest.mark.parametrize(
    "date, precision, start, end",
    [
        ("2018-05-31", "day", {"year": "2018", "month": "5", "day": "31"}, None),
        ("2018-06-01", "month", {"year": "2018", "month": "6"}, {"year": "2018", "month": "6", "day": "30"}),
        ("2018-07-01", "quarter", {"year": "2018", "month": "7"}, {"year": "2018", "month": "9", "day": "30"}),
        ("2018-01-01", "year", {"year": "2018"}, {"year": "2018", "month": "12", "day": "31"}),
        ("2018-11-19", "week", {"year": "2018", "month": "11", "day": "19"},
         {"year": "2018", "month": "11", "day": "25"}),
    ],
)
def test_timelinejs_dates_keep_their_precision(date, precision, start, end):
    doc = plots.timelinejs(_frame([(date, precision, "Một sự kiện")]), title="T")
    (event,) = doc["events"]
    assert event["start_date"] == start
    assert event.get("end_date") == end


def test_timelinejs_is_escaped_and_complete(tmp_path, events):
    path = plots.write_timelinejs(events, tmp_path / "timelinejs.json", title="Triều Tiên <2018>")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["title"]["text"]["headline"] == "Triều Tiên &lt;2018&gt;"
    assert len(doc["events"]) == len(events)
    raw = json.dumps(doc, ensure_ascii=False)
    assert "<script" not in raw and '<b id="xss' not in raw
    assert {"start_date", "text", "group", "unique_id"} <= set(doc["events"][0])
    assert len({e["unique_id"] for e in doc["events"]}) == len(events)
    groups = {e["group"] for e in doc["events"]}
    assert {"Russia", "United States"} <= groups


# ------------------------------------------------------------------------------------------ other charts


@pytest.mark.parametrize("n_rows", [0, 1, 12])
def test_bar_charts_have_one_bar_per_row(n_rows):
    counts = pd.DataFrame({"speaker": [f"người {i}" for i in range(n_rows)], "n": range(n_rows, 0, -1)})
    fig = plots.plot_counts(counts, title="t")
    assert len(fig.axes[0].patches) == n_rows


def test_heatmap_writes_the_counts_in_its_cells(fixture_corpus):
    said = report.statements_frame(fixture_corpus)
    pairs = report.speaker_mentions(fixture_corpus, said, top_n=5)
    fig = plots.plot_heatmap(pairs, title="who about whom")
    numbers = sorted(int(t.get_text()) for t in fig.axes[0].texts)
    assert numbers == sorted(v for v in pairs.to_numpy().ravel() if v)


def test_lanes_draw_one_lane_per_speaker(fixture_corpus):
    said = report.statements_frame(fixture_corpus)
    fig = plots.plot_lanes(said, lane="speaker", color="quote_type", top_n=4)
    ax = fig.axes[0]
    lanes = dict(zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels()), strict=True))
    assert len(lanes) == 4
    assert lanes[max(lanes)] == "Donald Trump"  # the most quoted speaker on top


def test_the_committed_fixture_is_what_its_builder_makes(fixture_corpus):
    spec = importlib.util.spec_from_file_location("report_fixture", DATA / "report_fixture.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build()
    cols = ["statement_id", "speaker_name", "content", "quote_type", "date", "precision"]
    pd.testing.assert_frame_equal(built.statements[cols], fixture_corpus.statements[cols], check_dtype=False)
    assert set(built.articles["article_id"]) == set(fixture_corpus.articles["article_id"])


def test_far_off_dates_in_a_large_corpus_are_left_out_and_counted():
    rows = [(f"2018-{m:02d}-{d:02d}", "day", f"câu {m}/{d}") for m in range(1, 11) for d in range(1, 21)]
    rows += [("1781-01-01", "year", "lịch sử"), ("2050-01-01", "year", "kế hoạch")]
    fig = plots.plot_timeline(_frame(rows), max_labels=10)
    left, right = fig.axes[0].get_xlim()
    from matplotlib import dates as mdates

    assert 2017 <= mdates.num2date(left).year and mdates.num2date(right).year <= 2019  # padding aside
    note = fig.axes[0].get_title(loc="right")
    assert "200 events, 01/01/2018 – 20/10/2018" in note and "2 of 202 outside this range not shown" in note


def test_labels_spread_over_the_statements():
    frame = _frame([(f"2018-05-{d:02d}", "day", f"câu {d}") for d in range(1, 29)])
    frame["statement_id"] = [f"a1:{i}" for i in range(len(frame))]
    chosen = plots._pick_labels(frame, 4)
    assert frame.loc[chosen, "text"].tolist() == ["câu 1", "câu 8", "câu 15", "câu 22"]


def test_interactive_lanes_are_capped():
    frame = _frame([(f"2018-05-{d:02d}", "day", f"câu {d}") for d in range(1, 29)])
    frame["who"] = [f"người {d}" for d in range(len(frame))]
    fig = plots.plot_timeline_interactive(frame, max_lanes=5)
    lanes = {y for trace in fig.data for y in trace.y}
    assert len(lanes) == 6 and "other" in lanes


@pytest.mark.parametrize(
    "values, n, expected",
    [(["b", "a", "b", "c", "a"], 2, ["a", "b"]), (["x", None, "x", "y"], 5, ["x", "y"]), ([], 3, [])],
)
def test_top_values_break_ties_by_name(values, n, expected):
    assert plots.top_values(pd.Series(values, dtype=object), n) == expected
