"""Figures from the tables: the timeline (static, interactive, TimelineJS) and bar, lane and heat-map charts.

Every function takes DataFrames shaped by :mod:`newsframes.report` (or by the contract) and returns a figure:
a :class:`matplotlib.figure.Figure` (made without ``pyplot``, so nothing accumulates in a long session) or a
``plotly`` figure. :func:`save_figure` writes a figure with a stable name, together with the CSV of the data
behind it; :func:`save_table` does the same for a table.

Text from articles ends up in HTML (plotly hovers, tables, TimelineJS slides), so every such string is passed
through :func:`html.escape` here: a story quoting ``<script>`` shows the characters and never runs them.
Matplotlib draws with DejaVu Sans, which ships with matplotlib and has every Vietnamese letter, so diacritics
render without a system font.
"""
from __future__ import annotations

import functools
import html
import json
import re
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

#: Formats :func:`save_figure` knows: images for matplotlib figures, ``html`` for plotly ones, ``csv`` for data.
FORMATS = ("png", "svg", "html", "csv")
#: Date precisions that are drawn as spans (a month is a month, not its first day).
SPAN_PRECISIONS = ("week", "month", "quarter", "year")
#: A font with the whole Vietnamese alphabet, bundled with matplotlib.
FONT = "DejaVu Sans"
RC = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "newsframes",  # stable SVG ids, so a re-run changes nothing
}
PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
    "#7f7f7f", "#aec7e8", "#ff9896", "#98df8a", "#ffbb78", "#c5b0d5", "#c49c94", "#f7b6d2", "#9edae5",
)
OTHER = "other"
NONE = "(none)"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


# ------------------------------------------------------------------------------------------ helpers


def _mpl():
    import matplotlib

    matplotlib.rcParams.update(RC)
    return matplotlib


def new_figure(width: float = 8.0, height: float = 4.5):
    """A matplotlib Figure in the house style, not registered with ``pyplot``."""
    _mpl()
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def colors_for(groups: Iterable[str]) -> dict[str, str]:
    """A colour per group, in the order given; ``other`` and ``(none)`` are grey."""
    out: dict[str, str] = {}
    i = 0
    for g in groups:
        if g in out:
            continue
        if g in (OTHER, NONE):
            out[g] = "#b8b8b8" if g == OTHER else "#8f8f8f"
            continue
        out[g] = PALETTE[i % len(PALETTE)]
        i += 1
    return out


def top_values(values: pd.Series, n: int) -> list:
    """The ``n`` most frequent values, ties in name order, so the same data always draws the same way."""
    counts = values.dropna().value_counts()
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:n]]


def shorten(text: Any, width: int) -> str:
    """``text`` cut to ``width`` characters at a word boundary, with an ellipsis if cut."""
    if text is None or text is pd.NA or (isinstance(text, float) and text != text):
        return ""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0] if " " in text[: width - 1] else text[: width - 1]
    return cut.rstrip(",;:.") + "…"


def escape(text: Any) -> str:
    """HTML-escaped text (quotes too); missing values become an empty string."""
    if text is None or text is pd.NA or (isinstance(text, float) and text != text):
        return ""
    return html.escape(str(text), quote=True)


def _escaped_wrap(text: Any, width: int = 80) -> str:
    # Escape first, then join lines with <br>: the only markup in the result is ours.
    return "<br>".join(escape(line) for line in textwrap.wrap(" ".join(str(text or "").split()), width)) or ""


def _empty_message(fig, ax, message: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555555", transform=ax.transAxes)


def _is_plotly(fig: Any) -> bool:
    return hasattr(fig, "to_plotly_json") and hasattr(fig, "write_html")


# ------------------------------------------------------------------------------------------ saving


def check_formats(formats: str | Iterable[str]) -> list[str]:
    """``formats`` as a list, each one of :data:`FORMATS`.

    Raises:
        ValueError: an unknown format.
    """
    items = [f.strip().lower() for f in formats.split(",")] if isinstance(formats, str) else list(formats)
    bad = [f for f in items if f not in FORMATS]
    if bad or not items:
        raise ValueError(f"formats must be some of {', '.join(FORMATS)}, got {bad or items!r}")
    return items


def _check_name(name: str) -> str:
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"a figure name is letters, digits, '_', '-' or '.', got {name!r}")
    return name


def data_to_csv(data: pd.DataFrame, path: Path) -> Path:
    """Write ``data`` as UTF-8 CSV; list cells become ``a; b`` so a spreadsheet reads them."""
    out = data.copy()
    for col in out.columns:
        if out[col].dtype == object and out[col].map(lambda v: isinstance(v, (list, tuple))).any():
            out[col] = out[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    out.to_csv(path, index=False, encoding="utf-8")
    return path


def save_figure(
    fig: Any,
    name: str,
    *,
    figures_dir: str | Path,
    formats: Iterable[str] = FORMATS,
    data: pd.DataFrame | None = None,
) -> list[Path]:
    """Write ``fig`` as ``<figures_dir>/<name>.<format>`` for each format that applies, and the data behind it.

    A matplotlib figure is written as ``png`` and ``svg``; a plotly figure as ``html`` (working offline: it
    refers to ``plotly.min.js``, written once beside it). ``csv`` writes ``data``. Formats that do not apply
    to the figure are skipped, so one call per figure with the report's ``formats`` is always right.

    Args:
        fig: a matplotlib Figure or a plotly Figure.
        name: the stable file stem, e.g. ``"timeline"``.
        figures_dir: the folder (created).
        formats: some of ``png``, ``svg``, ``html``, ``csv``.
        data: the table behind the figure.

    Returns:
        The files written.
    """
    name = _check_name(name)
    formats = check_formats(formats)
    folder = Path(figures_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if _is_plotly(fig):
        if "html" in formats:
            path = folder / f"{name}.html"
            fig.write_html(path, include_plotlyjs="directory", full_html=True,
                           config={"displaylogo": False, "responsive": True})
            written.append(path)
    else:
        with _mpl().rc_context(RC):
            for fmt in ("png", "svg"):
                if fmt in formats:
                    path = folder / f"{name}.{fmt}"
                    # No date in the metadata, so a re-run of the same data gives the same file.
                    meta = {"Date": None} if fmt == "svg" else {"Software": None}
                    fig.savefig(path, format=fmt, dpi=150, metadata=meta, facecolor="white")
                    written.append(path)
    if "csv" in formats and data is not None:
        written.append(data_to_csv(data, folder / f"{name}.csv"))
    return written


TABLE_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:"DejaVu Sans",Arial,sans-serif;margin:1.5em;}} table{{border-collapse:collapse;font-size:90%;}}
th,td{{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left;}} th{{background:#f2f2f2;}}</style>
</head><body><h1>{title}</h1>
{table}
</body></html>
"""


def save_table(
    table: pd.DataFrame, name: str, *, figures_dir: str | Path, formats: Iterable[str] = FORMATS, title: str = ""
) -> list[Path]:
    """Write a table as ``<name>.csv`` and, if ``html`` is asked for, ``<name>.html`` (every cell escaped)."""
    name = _check_name(name)
    formats = check_formats(formats)
    folder = Path(figures_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    if "csv" in formats:
        written.append(data_to_csv(table, folder / f"{name}.csv"))
    if "html" in formats:
        shown = table.copy()
        for col in shown.columns:
            shown[col] = shown[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        body = shown.to_html(index=False, escape=True, na_rep="", border=0)
        path = folder / f"{name}.html"
        path.write_text(TABLE_PAGE.format(title=escape(title or name), table=body), encoding="utf-8")
        written.append(path)
    return written


# ------------------------------------------------------------------------------------------ bar charts


def plot_counts(counts: pd.DataFrame, *, title: str = "", xlabel: str = "count", label: str | None = None):
    """A horizontal bar chart of ``counts`` (columns: a label column and ``n``), largest on top."""
    label = label or counts.columns[0]
    fig = new_figure(8, max(2.2, 0.9 + 0.32 * len(counts)))
    ax = fig.add_subplot()
    if counts.empty:
        _empty_message(fig, ax, "nothing to count in this selection")
        ax.set_title(title)
        return fig
    labels = [shorten(v, 48) for v in counts[label]]
    ys = range(len(counts))[::-1]
    bars = ax.barh(list(ys), counts["n"].tolist(), color=PALETTE[0])
    ax.set_yticks(list(ys), labels)
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    ax.margins(x=0.12)
    return fig


def plot_stacked(table: pd.DataFrame, *, title: str = "", xlabel: str = "count"):
    """Horizontal stacked bars: one bar per row of ``table`` (index = label), one colour per column."""
    fig = new_figure(8, max(2.4, 1.2 + 0.32 * len(table)))
    ax = fig.add_subplot()
    if table.empty or table.to_numpy().sum() == 0:
        _empty_message(fig, ax, "nothing to count in this selection")
        ax.set_title(title)
        return fig
    ys = list(range(len(table)))[::-1]
    left = pd.Series(0.0, index=table.index)
    colors = colors_for(table.columns)
    for col in table.columns:
        ax.barh(ys, table[col].tolist(), left=left.tolist(), color=colors[col], label=str(col))
        left = left + table[col]
    ax.set_yticks(ys, [shorten(v, 48) for v in table.index])
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    ax.legend(frameon=False, loc="lower right")
    return fig


def plot_dates(counts: pd.DataFrame, *, title: str = "", freq: str = "D", note: str = ""):
    """Bars on a date axis: ``counts`` has ``period`` (first day) and ``n``; ``freq`` D, W, M or Y sets the width.

    If ``counts`` has a ``reference`` column (articles dated only by the reference date), that part of each bar
    is hatched, so a guessed date is never shown as a known one.
    """
    from matplotlib import dates as mdates

    fig = new_figure(9, 3.4)
    ax = fig.add_subplot()
    if counts.empty:
        _empty_message(fig, ax, "no dated articles in this selection" + (f" ({note})" if note else ""))
        ax.set_title(title)
        return fig
    width = {"D": 0.8, "W": 6, "M": 27, "Y": 330}.get(freq, 0.8)
    x = mdates.date2num(pd.to_datetime(counts["period"]).dt.to_pydatetime())
    guessed = counts["reference"] if "reference" in counts else pd.Series(0, index=counts.index)
    known = counts["n"] - guessed
    ax.bar(x, known.tolist(), width=width, align="edge", color=PALETTE[0], label="date known")
    if guessed.any():
        ax.bar(x, guessed.tolist(), bottom=known.tolist(), width=width, align="edge", color="#c6dbef",
               hatch="//", edgecolor="white", label="reference date only")
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylabel("articles")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(x.min() - width * 2, x.max() + width * 3)
    ax.set_title(title, loc="left")
    if note:
        ax.text(1, 1.02, note, transform=ax.transAxes, ha="right", va="bottom", fontsize=8, color="#555555")
    return fig


def plot_histogram(values: Sequence[float], *, title: str = "", xlabel: str = "", bins: int = 20):
    """A histogram (integer bins when the values are few)."""
    fig = new_figure(8, 3.2)
    ax = fig.add_subplot()
    values = [v for v in values if v == v]
    if not values:
        _empty_message(fig, ax, "nothing to count in this selection")
        ax.set_title(title)
        return fig
    lo, hi = min(values), max(values)
    if hi - lo < bins:
        edges = [v - 0.5 for v in range(int(lo), int(hi) + 2)]
    else:
        edges = bins
    ax.hist(values, bins=edges, color=PALETTE[0], edgecolor="white")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("articles")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title, loc="left")
    return fig


def plot_heatmap(matrix: pd.DataFrame, *, title: str = "", xlabel: str = "", ylabel: str = ""):
    """A heat map of counts with the numbers written in the cells (rows = index, columns = columns)."""
    fig = new_figure(max(6.0, 2.5 + 0.55 * len(matrix.columns)), max(2.6, 1.6 + 0.4 * len(matrix)))
    ax = fig.add_subplot()
    if matrix.empty or matrix.to_numpy().sum() == 0:
        _empty_message(fig, ax, "no pairs in this selection")
        ax.set_title(title)
        return fig
    values = matrix.to_numpy()
    image = ax.imshow(values, cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(matrix.columns)), [shorten(c, 24) for c in matrix.columns], rotation=40, ha="right")
    ax.set_yticks(range(len(matrix.index)), [shorten(c, 32) for c in matrix.index])
    top = values.max() or 1
    for (i, j), v in pd.DataFrame(values).stack().items():
        if v:
            ax.text(j, i, str(int(v)), ha="center", va="center", fontsize=8,
                    color="white" if v > top * 0.6 else "black")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[:].set_visible(False)
    ax.set_title(title, loc="left")
    from matplotlib.ticker import MaxNLocator

    bar = fig.colorbar(image, ax=ax, shrink=0.8, label="statements")
    bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return fig


# ------------------------------------------------------------------------------------------ timeline


def text_width(text: str, font_size: float) -> float:
    """The width of one line of ``text`` in points, in the house font (measured, not estimated)."""
    from matplotlib.font_manager import FontProperties

    return _text_to_path().get_text_width_height_descent(text, FontProperties(family=FONT, size=font_size),
                                                         ismath=False)[0] if text else 0.0


@functools.cache
def _text_to_path():
    from matplotlib.textpath import TextToPath

    return TextToPath()


def _num(values) -> Any:
    from matplotlib import dates as mdates

    return mdates.date2num(pd.to_datetime(pd.Series(values)).dt.to_pydatetime())


def _assign_levels(starts, ends, widths, *, max_level: int = 8) -> list[int]:
    """A level (1, -1, 2, -2, ...) for each label so that labels on one level never overlap.

    Items come in date order; each takes the first level whose last label (or span) ends before it starts,
    trying levels closest to the axis first and alternating sides, so labels stagger above and below.
    """
    order = [s * k for k in range(1, max_level + 1) for s in (1, -1)]
    last: dict[int, float] = {}
    levels = []
    for start, end, width in zip(starts, ends, widths, strict=True):
        right = max(start + width, end)
        free = [lv for lv in order if last.get(lv, float("-inf")) < start]
        level = free[0] if free else min(order, key=lambda lv: last.get(lv, float("-inf")))
        last[level] = right
        levels.append(level)
    return levels


def _pick_labels(frame: pd.DataFrame, max_labels: int) -> pd.Series:
    """Which events get a label: all if few; else statements first, spread evenly over time, then the rest."""
    if len(frame) <= max_labels:
        return pd.Series(True, index=frame.index)
    chosen: list[int] = []
    for pool in (frame.index[frame["statement_id"].notna()], frame.index[frame["statement_id"].isna()]):
        room = max_labels - len(chosen)
        if room <= 0 or not len(pool):
            continue
        k = min(room, len(pool))
        chosen += [pool[int(i * len(pool) / k)] for i in range(k)]
    return pd.Series(frame.index.isin(chosen), index=frame.index)


def _visible_range(frame: pd.DataFrame, *, trim_above: int = 100) -> tuple[pd.DataFrame, int]:
    """Events inside the axis range. Few events are all shown; in a large corpus a handful of far-off dates
    (history recalled, plans decades ahead) would squeeze everything else into a line, so dates further than a
    quarter of the 1st-99th percentile span outside it are left out; their number is returned, to be said on
    the chart."""
    if len(frame) < trim_above:
        return frame, 0
    lo, hi = frame["date"].quantile(0.01), frame["date"].quantile(0.99)
    margin = max((hi - lo) / 4, pd.Timedelta(days=31))
    keep = (frame["date"] >= lo - margin) & (frame["date"] <= hi + margin)
    return frame[keep].reset_index(drop=True), int((~keep).sum())


def plot_timeline(
    frame: pd.DataFrame,
    *,
    title: str = "",
    max_labels: int = 40,
    width: float = 13.0,
    font_size: float = 7.5,
):
    """The static timeline: dated events on a time axis, labels staggered above and below it.

    ``frame`` is :func:`newsframes.report.timeline_frame`'s output (``date``, ``end``, ``precision``, ``group``,
    ``label``). Day-precision events are dots; week, month, quarter and year events are drawn as bars over their
    whole period, never as a false day. Colours follow ``group`` (country or actor). Labels never overlap: each
    takes the nearest free level above or below the axis. With more than ``max_labels`` events, statements are
    labelled first, spread over time, and the rest are marks on the axis; with a hundred events or more, dates
    far outside the bulk (see :func:`_visible_range`) are left out and the chart says how many.
    """
    from matplotlib import dates as mdates
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    frame = frame[frame["date"].notna()].sort_values(["date", "end"], kind="stable").reset_index(drop=True)
    if frame.empty:
        fig = new_figure(width, 2.5)
        ax = fig.add_subplot()
        _empty_message(fig, ax, "no dated events in this selection")
        ax.set_title(title, loc="left")
        return fig
    n_all = len(frame)
    frame, n_out = _visible_range(frame)

    starts, ends = _num(frame["date"]), _num(frame["end"])
    is_span = frame["precision"].isin(SPAN_PRECISIONS).to_numpy()
    sel = _pick_labels(frame, max_labels).to_numpy()
    idx = [i for i, ok in enumerate(sel) if ok]
    lines = {i: str(frame["label"].iat[i]).split("\n") for i in idx}

    # Label widths measured with the font itself, in inches; days per inch depend on how far labels reach.
    inches = {i: max(text_width(x, font_size) for x in lines[i]) / 72 + 0.08 for i in idx}
    lo, hi = float(starts.min()), float(ends.max())
    axis_in = width * 0.94
    widths: dict[int, float] = {}
    for _ in range(3):
        pad = max((hi - lo) * 0.02, 2.0)
        days_per_inch = (hi - lo + 2 * pad) / axis_in
        widths = {i: w * days_per_inch for i, w in inches.items()}
        new_hi = max(float(ends.max()), max(starts[i] + widths[i] for i in idx))
        if abs(new_hi - hi) < 0.5:
            break
        hi = new_hi
    levels = [0] * len(frame)
    assigned = _assign_levels([starts[i] for i in idx], [ends[i] for i in idx], [widths[i] for i in idx],
                              max_level=max(4, len(idx) // 2 + 1))
    for i, lv in zip(idx, assigned, strict=True):
        levels[i] = lv
    n_up = max([lv for lv in levels if lv > 0], default=0)
    n_down = -min([lv for lv in levels if lv < 0], default=0)

    groups = list(dict.fromkeys(frame["group"]))
    colors = colors_for(groups)
    color = frame["group"].map(colors).tolist()
    fig = new_figure(width, 1.9 + 0.5 * (n_up + n_down) + 0.25 * (len(groups) // 5 + 1))
    ax = fig.add_subplot()
    ax.axhline(0, color="#444444", lw=1, zorder=1)
    # Every event on the axis, drawn in two calls whatever their number: spans as thick segments, days as dots.
    span_i = [i for i in range(len(frame)) if is_span[i]]
    if span_i:
        ax.add_collection(LineCollection([[(starts[i], 0), (ends[i], 0)] for i in span_i], linewidths=5,
                                         colors=[color[i] for i in span_i], alpha=0.45, capstyle="butt", zorder=2))
    day_i = [i for i in range(len(frame)) if not is_span[i]]
    if day_i:
        ax.scatter([starts[i] for i in day_i], [0] * len(day_i), s=14, c=[color[i] for i in day_i], zorder=3)
    for i in idx:
        x0, x1, lv, c = starts[i], ends[i], levels[i], color[i]
        ax.vlines(x0, 0, lv, color=c, lw=0.7, alpha=0.7, zorder=1)
        if is_span[i]:
            ax.barh(lv, x1 - x0, left=x0, height=0.22, color=c, alpha=0.55, zorder=2)
        else:
            ax.plot([x0], [lv], "o", color=c, ms=5, zorder=3)
        up = lv > 0
        ax.text(x0, lv + (0.16 if up else -0.16), "\n".join(lines[i]), ha="left", va="bottom" if up else "top",
                fontsize=font_size, color="#222222", zorder=4, linespacing=1.15)

    pad = max((hi - lo) * 0.02, 2.0)
    ax.set_xlim(lo - pad, hi + pad)
    ax.set_ylim(-n_down - 0.9, n_up + 0.9)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    first, last = frame["date"].min(), frame["end"].max() - pd.Timedelta(days=1)
    note = f"{len(frame)} events, {first:%d/%m/%Y} – {last:%d/%m/%Y}"
    if len(idx) < len(frame):
        note += f"; {len(idx)} labelled"
    if n_out:
        note += f"; {n_out} of {n_all} outside this range not shown"
    ax.set_title(title, loc="left")
    ax.set_title(note, loc="right", fontsize=8, color="#555555", fontweight="normal")
    handles = [Patch(color=colors[g], label=shorten(g, 30)) for g in groups]
    handles += [Line2D([], [], marker="o", ls="", color="#444444", label="day"),
                Line2D([], [], lw=5, alpha=0.45, color="#444444", label="week, month, quarter or year")]
    fig.legend(handles=handles, loc="outside lower center", ncol=min(6, len(handles)), frameon=False,
               fontsize=8)
    return fig


_HOVER = ("<b>%{customdata[0]}</b> · %{customdata[1]}<br>%{customdata[2]}"
          "<br><i>%{customdata[3]}</i><extra></extra>")


def plot_timeline_interactive(frame: pd.DataFrame, *, title: str = "", lane: str = "who", max_lanes: int = 25):
    """The interactive timeline (plotly): one row per ``lane`` value, colour by ``group``, spans as bars.

    The ``max_lanes`` most frequent values get a row each, the rest share an ``other`` row. Hovering an event
    shows its date, who, the sentence and the article (title, site, id). Every string is HTML-escaped first;
    plotly turns the entities back into characters and draws them as text.
    """
    import plotly.graph_objects as go

    frame = frame[frame["date"].notna()].sort_values(["date", "end"], kind="stable").reset_index(drop=True)
    fig = go.Figure()
    if frame.empty:
        fig.add_annotation(text="no dated events in this selection", showarrow=False, x=0.5, y=0.5,
                           xref="paper", yref="paper")
    lanes = frame[lane].fillna(NONE).map(lambda v: escape(shorten(v, 40)) or NONE)
    lanes = lanes.where(lanes.isin(set(top_values(lanes, max_lanes))), OTHER)
    order = list(dict.fromkeys(lanes))
    custom = pd.DataFrame({
        "date": frame["date_label"].map(escape),
        "who": frame["who"].map(escape),
        "text": frame["text"].map(lambda t: _escaped_wrap(t, 90)),
        "article": frame["article"].map(lambda t: _escaped_wrap(t, 90)),
    })
    colors = colors_for(frame["group"])
    span = frame["precision"].isin(SPAN_PRECISIONS)
    for group in dict.fromkeys(frame["group"]):
        name = escape(shorten(group, 40))
        g = frame["group"] == group
        points, spans = g & ~span, g & span
        if spans.any():
            fig.add_trace(go.Bar(
                base=frame.loc[spans, "date"].dt.strftime("%Y-%m-%d").tolist(),
                x=((frame.loc[spans, "end"] - frame.loc[spans, "date"]).dt.total_seconds() * 1000).tolist(),
                y=lanes[spans].tolist(), orientation="h", name=name, legendgroup=name,
                marker={"color": colors[group], "opacity": 0.55}, width=0.5,
                customdata=custom[spans].to_numpy().tolist(), hovertemplate=_HOVER, showlegend=not points.any(),
            ))
        if points.any():
            fig.add_trace(go.Scatter(
                x=frame.loc[points, "date"].dt.strftime("%Y-%m-%d").tolist(), y=lanes[points].tolist(),
                mode="markers", name=name, legendgroup=name, marker={"color": colors[group], "size": 11},
                customdata=custom[points].to_numpy().tolist(), hovertemplate=_HOVER,
            ))
    fig.update_layout(
        title={"text": escape(title)},
        barmode="overlay",
        height=260 + 34 * max(len(order), 1),
        xaxis={"type": "date", "title": {"text": "date"}},
        yaxis={"categoryorder": "array", "categoryarray": order[::-1], "automargin": True},
        hoverlabel={"align": "left"},
        font={"family": "DejaVu Sans, Arial, sans-serif"},
        legend={"title": {"text": "colour"}},
        template="plotly_white",
    )
    return fig


def plot_lanes(frame: pd.DataFrame, *, lane: str, color: str, title: str = "", top_n: int = 10):
    """Dated items on lanes (one per ``lane`` value, the ``top_n`` most frequent), coloured by ``color``.

    Used for statements over time per speaker: dots for days, bars for longer periods.
    """
    from matplotlib import dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    frame = frame[frame["date"].notna()]
    lanes = top_values(frame[lane], top_n)
    frame = frame[frame[lane].isin(lanes)]
    fig = new_figure(10, max(2.6, 1.4 + 0.42 * len(lanes)))
    ax = fig.add_subplot()
    if frame.empty:
        _empty_message(fig, ax, "no dated statements in this selection")
        ax.set_title(title, loc="left")
        return fig
    y = {name: len(lanes) - 1 - i for i, name in enumerate(lanes)}
    colors = colors_for(sorted(frame[color].fillna(NONE).unique()))
    starts, ends = _num(frame["date"]), _num(frame["end"])
    for i, row in enumerate(frame.itertuples(index=False)):
        c = colors[getattr(row, color) if isinstance(getattr(row, color), str) else NONE]
        yy = y[getattr(row, lane)]
        if row.precision in SPAN_PRECISIONS:
            ax.barh(yy, ends[i] - starts[i], left=starts[i], height=0.35, color=c, alpha=0.5)
        else:
            ax.plot([starts[i]], [yy], "o", color=c, ms=7, alpha=0.85)
    ax.set_yticks(list(y.values()), [shorten(n, 36) for n in y])
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    lo, hi = float(starts.min()), float(ends.max())
    pad = max((hi - lo) * 0.03, 3.0)
    ax.set_xlim(lo - pad, hi + pad)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="y", color="#eeeeee")
    ax.set_axisbelow(True)
    ax.set_title(title, loc="left")
    handles = [Patch(color=c, label=k) for k, c in colors.items()]
    handles.append(Line2D([], [], lw=5, alpha=0.5, color="#444444", label="month or longer"))
    ax.legend(handles=handles, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return fig


# ------------------------------------------------------------------------------------------ TimelineJS


def _tljs_date(day: pd.Timestamp, precision: str | None) -> dict[str, str]:
    out = {"year": str(day.year)}
    if precision in ("month", "quarter", "week", "day", None) or precision is pd.NA:
        out["month"] = str(day.month)
    if precision in ("week", "day", None) or precision is pd.NA:
        out["day"] = str(day.day)
    return out


def timelinejs(frame: pd.DataFrame, *, title: str = "Timeline", text: str = "") -> dict[str, Any]:
    """The events in Knight Lab's TimelineJS JSON format (``{"title": ..., "events": [...]}``).

    A day is a ``start_date``; a longer period has a ``start_date`` with only the fields its precision knows
    (a month has no day) and an ``end_date`` on its last day. ``group`` is the colour group. TimelineJS renders
    ``headline`` and ``text`` as HTML, so both are escaped here.
    """
    events = []
    for row in frame[frame["date"].notna()].itertuples(index=False):
        precision = row.precision if isinstance(row.precision, str) else None
        event: dict[str, Any] = {
            "start_date": _tljs_date(row.date, precision),
            "text": {
                "headline": escape(shorten(row.headline, 110)),
                "text": f"<p>{escape(row.text)}</p><p><i>{escape(row.article)}</i></p>",
            },
            "group": escape(row.group),
            "display_date": escape(row.date_label),
            "unique_id": re.sub(r"[^A-Za-z0-9_-]", "-", f"{row.article_id}-{row.event_id}"),
            "autolink": False,
        }
        if precision in SPAN_PRECISIONS:
            event["end_date"] = _tljs_date(row.end - pd.Timedelta(days=1), "day")
        events.append(event)
    return {"title": {"text": {"headline": escape(title), "text": escape(text)}}, "events": events}


def write_timelinejs(frame: pd.DataFrame, path: str | Path, *, title: str = "Timeline", text: str = "") -> Path:
    """Write :func:`timelinejs` to ``path`` (UTF-8 JSON); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(timelinejs(frame, title=title, text=text), ensure_ascii=False, indent=1),
                    encoding="utf-8")
    return path


__all__ = [
    "FORMATS",
    "check_formats",
    "colors_for",
    "escape",
    "new_figure",
    "plot_counts",
    "plot_dates",
    "plot_heatmap",
    "plot_histogram",
    "plot_lanes",
    "plot_stacked",
    "plot_timeline",
    "plot_timeline_interactive",
    "save_figure",
    "save_table",
    "shorten",
    "timelinejs",
    "top_values",
    "write_timelinejs",
]
