"""The report: parameters, the tables behind each figure, and ``newsframes report`` (papermill + ``index.html``).

The notebooks in ``notebooks/`` hold a ``parameters`` cell and calls into this module and :mod:`newsframes.plots`:

- :func:`check_parameters` turns the notebook's parameters into a :class:`Parameters` (or stops the run with a
  sentence naming the parameter and what it accepts);
- :func:`load_corpus` reads a folder of parsed tables or parses input paths;
- ``*_frame`` / ``count_by`` / ... shape the tables into the data behind each figure (what its CSV holds);
- :func:`run_report` parses once, executes every notebook with papermill and writes ``index.html``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from . import paths
from .corpus import Corpus
from .plots import FORMATS, NONE, OTHER, check_formats, escape, shorten, top_values

#: The notebooks ``newsframes report`` runs, in order.
NOTEBOOKS = ("01_corpus.ipynb", "02_timeline.ipynb", "03_actor_statements.ipynb")
#: Every notebook's parameters, in the order of its ``parameters`` cell.
PARAMETERS = (
    "corpus", "reference_date", "manifest", "actors", "date_from", "date_to", "top_n", "figures_dir", "formats",
    "title",
)
DEFAULTS: dict[str, Any] = {
    "corpus": [str(paths.SEEDS_DIR)],
    "reference_date": None,
    "manifest": None,
    "actors": [],
    "date_from": None,
    "date_to": None,
    "top_n": 10,
    "figures_dir": str(paths.FIGURES_DIR),
    "formats": list(FORMATS),
    "title": "",
}
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
TABLE_FILES = ("articles.parquet", "articles.csv", "articles")


class ReportError(RuntimeError):
    """A notebook failed, or the report could not be made; the message says which notebook and cell."""


# ------------------------------------------------------------------------------------------ parameters


class Parameters(NamedTuple):
    """The checked parameters of a report notebook (paths absolute, dates ISO strings)."""

    corpus: list[str]
    reference_date: str | None
    manifest: str | None
    actors: list[str]
    date_from: str | None
    date_to: str | None
    top_n: int
    figures_dir: Path
    formats: list[str]
    title: str

    @property
    def save(self) -> dict[str, Any]:
        """``figures_dir`` and ``formats``, to pass on as ``plots.save_figure(fig, name, **p.save)``."""
        return {"figures_dir": self.figures_dir, "formats": self.formats}

    def heading(self, what: str) -> str:
        """A figure title: ``what``, after the report's ``title`` if one is set."""
        return f"{self.title}: {what}" if self.title else what

    def to_json(self) -> dict[str, Any]:
        """The parameters as JSON values (what papermill injects and ``index.html`` shows)."""
        out = self._asdict()
        out["figures_dir"] = str(self.figures_dir)
        return out


def _bad(name: str, accepts: str, value: Any) -> ValueError:
    return ValueError(f"parameter {name!r} must be {accepts}, got {value!r}")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _path(value: Any) -> bool:
    return isinstance(value, (str, os.PathLike)) and not _empty(value)


def _period(name: str, value: Any, *, last: bool) -> str | None:
    """An ISO day from ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (the period's first day, or its last if ``last``)."""
    if _empty(value):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    m = _ISO.match(str(value).strip()) if isinstance(value, (str, int)) else None
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        start = pd.Timestamp(year, month, day)
    except ValueError:
        raise _bad(name, "a date written YYYY-MM-DD (or YYYY-MM, YYYY; None for no limit)", value) from None
    if last and not m[3]:
        start = start + (pd.DateOffset(months=1) if m[2] else pd.DateOffset(years=1)) - pd.Timedelta(days=1)
    return start.date().isoformat()


def _str_list(name: str, value: Any, accepts: str) -> list[str]:
    if _empty(value):
        return []
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, (str, os.PathLike)) for v in value):
        raise _bad(name, accepts, value)
    return [str(v).strip() for v in value if str(v).strip()]


def check_parameters(params: dict[str, Any], *, base: str | os.PathLike | None = None) -> Parameters:
    """Check a notebook's parameters; missing ones take :data:`DEFAULTS`.

    Args:
        params: ``{name: value}`` with names from :data:`PARAMETERS`.
        base: the folder relative paths count from (default: the current directory, i.e. the notebook's).

    Returns:
        The :class:`Parameters`, paths made absolute.

    Raises:
        ValueError: a sentence naming the wrong parameter and what it accepts, e.g.
            ``parameter 'top_n' must be a positive integer, got 'x'``.
    """
    unknown = [k for k in params if k not in PARAMETERS]
    if unknown:
        raise ValueError(f"unknown parameter {unknown[0]!r}; the parameters are {', '.join(PARAMETERS)}")
    v = {**DEFAULTS, **params}
    root = Path(base) if base is not None else Path.cwd()

    corpus = v["corpus"]
    items = [corpus] if _path(corpus) else corpus
    accepts = "input paths (a list of files or folders) or one folder of parsed tables"
    if not isinstance(items, (list, tuple)) or not items or not all(_path(x) for x in items):
        raise _bad("corpus", accepts, corpus)
    corpus_paths = []
    for item in items:
        path = (root / Path(item).expanduser()).resolve()
        if not path.exists():
            raise ValueError(f"parameter 'corpus' must be {accepts}, and {str(item)!r} does not exist")
        corpus_paths.append(str(path))

    manifest = None
    if not _empty(v["manifest"]):
        if not _path(v["manifest"]) or not (root / v["manifest"]).is_file():
            raise _bad("manifest", "the path of a CSV file article_id,published_at,... (or None)", v["manifest"])
        manifest = str((root / v["manifest"]).resolve())

    reference_date = _period("reference_date", v["reference_date"], last=False)
    if reference_date and not (isinstance(v["reference_date"], dt.date) or len(str(v["reference_date"])) == 10):
        raise _bad("reference_date", "a date written YYYY-MM-DD (or None)", v["reference_date"])
    date_from = _period("date_from", v["date_from"], last=False)
    date_to = _period("date_to", v["date_to"], last=True)
    if date_from and date_to and date_to < date_from:
        raise ValueError(f"parameter 'date_to' ({date_to}) must not be before 'date_from' ({date_from})")

    actors = _str_list("actors", v["actors"], "a list of actor names or ids (empty for all)")

    top_n = v["top_n"]
    if isinstance(top_n, bool) or not isinstance(top_n, int) or top_n < 1:
        raise _bad("top_n", "a positive integer", top_n)

    if not _path(v["figures_dir"]):
        raise _bad("figures_dir", "the path of a folder for the figures", v["figures_dir"])
    figures_dir = (root / Path(v["figures_dir"]).expanduser()).resolve()
    if figures_dir == paths.SEEDS_DIR.resolve() or paths.SEEDS_DIR.resolve() in figures_dir.parents:
        raise ValueError(f"parameter 'figures_dir' must be outside seeds/ (the seeds are inputs), got {str(figures_dir)!r}")

    try:
        formats = check_formats(v["formats"]) if isinstance(v["formats"], (str, list, tuple)) else None
    except ValueError:
        formats = None
    if formats is None:
        raise _bad("formats", f"a list of some of {', '.join(FORMATS)}", v["formats"])

    title = "" if v["title"] is None else v["title"]
    if not isinstance(title, str):
        raise _bad("title", "a string", title)
    return Parameters(corpus_paths, reference_date, manifest, actors, date_from, date_to, top_n, figures_dir,
                      formats, title.strip())


def is_table_dir(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a folder of parsed tables (``articles.parquet``, ``articles.csv`` or ``articles/``)."""
    path = Path(path)
    return path.is_dir() and any((path / name).exists() for name in TABLE_FILES)


def load_corpus(params: Parameters, *, progress: bool | None = False) -> Corpus:
    """The corpus of ``params``: read if it is one folder of parsed tables, else parsed from its input paths."""
    if len(params.corpus) == 1 and is_table_dir(params.corpus[0]):
        return Corpus.read(params.corpus[0])
    from .corpus import parse

    return parse(params.corpus, reference_date=params.reference_date, manifest=params.manifest, progress=progress)


# ------------------------------------------------------------------------------------------ selection


def actor_matcher(actors: Sequence[str]) -> Callable[[Any], bool]:
    """A test ``f(name_or_id) -> bool``: does it name one of ``actors``? Empty ``actors`` match everything.

    A filter matches an id exactly or a name on whole words, ignoring case: ``Putin`` matches
    ``Vladimir Putin``, ``Q7747`` matches that id, ``Nga`` does not match ``Ngai``.
    """
    if not actors:
        return lambda value: True
    patterns = [
        re.compile(r"(?<!\w)" + re.escape(unicodedata.normalize("NFC", a).casefold()) + r"(?!\w)") for a in actors
    ]

    def match(value: Any) -> bool:
        if not isinstance(value, str):
            return False
        text = unicodedata.normalize("NFC", value).casefold()
        return any(p.search(text) for p in patterns)

    return match


def _any_match(match: Callable[[Any], bool], *columns: pd.Series) -> pd.Series:
    out = pd.Series(False, index=columns[0].index)
    for col in columns:
        out |= col.map(lambda v: any(map(match, v)) if isinstance(v, (list, tuple)) else match(v)).astype(bool)
    return out


def period_end(date: pd.Series, precision: pd.Series) -> pd.Series:
    """The first day after each period (``date`` + its precision; a day when the precision is unknown)."""
    date = pd.to_datetime(date)
    end = date + pd.Timedelta(days=1)
    for name, offset in (("week", pd.Timedelta(days=7)), ("month", pd.DateOffset(months=1)),
                         ("quarter", pd.DateOffset(months=3)), ("year", pd.DateOffset(years=1))):
        mask = (precision == name).fillna(False).to_numpy(dtype=bool)
        if mask.any():
            end[mask] = date[mask] + offset
    return end


def _in_range(start: pd.Series, end: pd.Series, date_from: str | None, date_to: str | None) -> pd.Series:
    keep = pd.Series(True, index=start.index)
    if date_from:
        keep &= (end > pd.Timestamp(date_from)).fillna(False)
    if date_to:
        keep &= (start <= pd.Timestamp(date_to)).fillna(False)
    return keep


def date_label(date: Any, precision: Any) -> str:
    """A date as a reader says it at its precision: ``31/5/2018``, ``6/2018``, ``Q3 2018``, ``2018``."""
    if date is None or date is pd.NaT or (isinstance(date, float) and date != date):
        return ""
    d = pd.Timestamp(date)
    if precision == "year":
        return f"{d.year}"
    if precision == "quarter":
        return f"Q{d.quarter} {d.year}"
    if precision == "month":
        return f"{d.month}/{d.year}"
    if precision == "week":
        return f"week {d.isocalendar().week}, {d.year}"
    return f"{d.day}/{d.month}/{d.year}"


def select_articles(corpus: Corpus, *, actors: Sequence[str] = (), date_from: str | None = None,
                    date_to: str | None = None) -> Corpus:
    """The articles published in ``[date_from, date_to]`` that name one of ``actors``, with their rows.

    Articles without a date are left out only when a date limit is set; ``errors`` are kept whole.
    """
    arts = corpus.articles
    keep = _in_range(arts["published_at"], arts["published_at"] + pd.Timedelta(days=1), date_from, date_to)
    if date_from or date_to:
        keep &= arts["published_at"].notna()
    if actors:
        match = actor_matcher(actors)
        m, s = corpus.mentions, corpus.statements
        hits = set(m.loc[_any_match(match, m["actor_id"], m["actor_name"], m["surface"]), "article_id"])
        hits |= set(s.loc[_any_match(match, s["speaker_id"], s["speaker_name"]), "article_id"])
        keep &= arts["article_id"].isin(hits)
    ids = set(arts.loc[keep, "article_id"])
    tables = {
        name: df[df["article_id"].isin(ids)].reset_index(drop=True) if name != "errors" else df
        for name, df in corpus.tables().items()
    }
    return Corpus(**tables)


# ------------------------------------------------------------------------------------------ the data behind figures


def count_by(df: pd.DataFrame, column: str, *, top_n: int = 10, missing: str = "(unknown)") -> pd.DataFrame:
    """Rows per value of ``column``, most frequent first; beyond ``top_n`` values one ``other`` row."""
    values = df[column].astype("string").fillna(missing).replace("", missing) if len(df) else df[column]
    counts = values.value_counts(sort=True)
    counts = counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    out = pd.DataFrame({column: counts.index.astype(str), "n": counts.to_numpy(dtype="int64")})
    if len(out) > top_n:
        rest = int(out["n"].iloc[top_n:].sum())
        out = pd.concat([out.iloc[:top_n], pd.DataFrame({column: [OTHER], "n": [rest]})], ignore_index=True)
    return out


def corpus_summary(corpus: Corpus) -> pd.DataFrame:
    """What is in the corpus, one line per item (``item``, ``value``)."""
    a = corpus.articles
    dated = a["published_at"].dropna()
    ev = corpus.events["date"].dropna()
    rows = [
        ("articles", len(a)),
        ("articles without a date", int(a["published_at"].isna().sum())),
        ("articles dated by the reference date", int((a["published_at_source"] == "reference").sum())),
        ("first published", f"{dated.min():%Y-%m-%d}" if len(dated) else ""),
        ("last published", f"{dated.max():%Y-%m-%d}" if len(dated) else ""),
        ("sites", a["site"].nunique()),
        ("agencies", a["agency"].nunique()),
        ("sentences", len(corpus.sentences)),
        ("repeated sentences (captions, paragraphs)", int(corpus.sentences["is_duplicate"].sum())),
        ("mentions", len(corpus.mentions)),
        ("distinct actors", corpus.mentions["actor_id"].nunique()),
        ("temporal expressions", len(corpus.timexes)),
        ("events", len(corpus.events)),
        ("first event", f"{ev.min():%Y-%m-%d}" if len(ev) else ""),
        ("last event", f"{ev.max():%Y-%m-%d}" if len(ev) else ""),
        ("statements", len(corpus.statements)),
        ("speakers", corpus.statements["speaker_name"].nunique()),
        ("errors", len(corpus.errors)),
    ]
    return pd.DataFrame(rows, columns=["item", "value"]).astype({"value": "string"})


def articles_by_date(articles: pd.DataFrame) -> tuple[pd.DataFrame, str, str]:
    """Articles per day, month or year (chosen from the span of dates): ``(counts, freq, note)``.

    ``counts`` has ``period`` (first day), ``n`` and ``reference`` (how many of them are dated only by the
    reference date); ``note`` says how many articles have no date or only the reference date.
    """
    dated = articles[articles["published_at"].notna()]
    dates = pd.to_datetime(dated["published_at"])
    span = (dates.max() - dates.min()).days if len(dates) else 0
    freq = "D" if span <= 62 else "M" if span <= 3 * 366 else "Y"
    period = dates.dt.to_period(freq).dt.start_time if len(dates) else dates
    by_reference = (dated["published_at_source"] == "reference").fillna(False).astype("int64")
    counts = (
        pd.DataFrame({"period": period, "n": 1, "reference": by_reference})
        .groupby("period", as_index=False)[["n", "reference"]].sum()
        .astype({"n": "int64", "reference": "int64"})
    )
    n_none = int(articles["published_at"].isna().sum())
    n_ref = int(by_reference.sum())
    parts = [f"{n_none} without a date"] if n_none else []
    if n_ref:
        parts.append(f"{n_ref} dated by the reference date")
    return counts, freq, "; ".join(parts)


def sentence_counts(corpus: Corpus) -> pd.DataFrame:
    """Sentences per article: ``article_title``, ``n_sentences``, one column per kind, and ``repeated``."""
    s = corpus.sentences
    kinds = pd.crosstab(s["article_id"], s["kind"]) if len(s) else pd.DataFrame()
    kinds = kinds.reindex(columns=["title", "body", "caption", "byline", "source"], fill_value=0)
    repeated = s.groupby("article_id")["is_duplicate"].sum().rename("repeated")
    out = corpus.articles[["article_id", "title", "n_sentences"]].rename(columns={"title": "article_title"})
    out = out.set_index("article_id")
    out = out.join(kinds).join(repeated)
    for col in ["n_sentences", *kinds.columns, "repeated"]:
        out[col] = out[col].fillna(0).astype("int64")
    return out.reset_index().sort_values(["n_sentences", "article_id"], ascending=[False, True], ignore_index=True)


def country_names(mentions: pd.DataFrame) -> dict[str, str]:
    """``{ISO alpha-3: display name}`` from the corpus's own country mentions (``RUS`` -> ``Russia``)."""
    m = mentions[(mentions["actor_type"] == "country") & mentions["country"].notna()]
    return {str(k): str(v) for k, v in m.groupby("country")["actor_name"].agg(lambda s: s.mode().iloc[0]).items()}


def _actor_countries(mentions: pd.DataFrame) -> dict[str, str]:
    """``{actor_id: ISO alpha-3}``, the country most often given to each actor's mentions."""
    m = mentions.dropna(subset=["country"])
    return {str(k): str(v) for k, v in m.groupby("actor_id")["country"].agg(lambda s: s.mode().iloc[0]).items()}


def _speaker_country(df: pd.DataFrame, actor_country: dict[str, str]) -> pd.Series:
    """The statement's ``speaker_country``, else the country the speaker's mentions carry elsewhere."""
    known = df["speaker_country"].astype(object)
    guess = df["speaker_id"].map(lambda a: actor_country.get(a) if isinstance(a, str) else None)
    return known.where(df["speaker_country"].notna(), guess).astype(object)


def _article_line(df: pd.DataFrame) -> pd.Series:
    def line(row) -> str:
        where = row.site if isinstance(row.site, str) else row.agency if isinstance(row.agency, str) else ""
        when = f", {row.published_at:%d/%m/%Y}" if pd.notna(row.published_at) else ""
        title = row.article_title if isinstance(row.article_title, str) else row.article_id
        return f"{title} — {where}{when} [{row.article_id}]" if where else f"{title}{when} [{row.article_id}]"

    return pd.Series([line(r) for r in df.itertuples(index=False)], index=df.index, dtype=object)


def _articles_part(corpus: Corpus) -> pd.DataFrame:
    return corpus.articles[["article_id", "title", "site", "agency", "url", "published_at"]].rename(
        columns={"title": "article_title"}
    )


def _collapse(groups: pd.Series, top_n: int) -> pd.Series:
    keep = set(top_values(groups, top_n)) | {NONE}
    return groups.where(groups.isin(keep), OTHER)


TIMELINE_COLUMNS = (
    "date", "end", "precision", "date_label", "group", "who", "label", "headline", "text", "content", "country",
    "actor_ids", "actor_names", "speaker_name", "statement_id", "article_id", "event_id", "sentence_id",
    "article", "article_title", "site", "url",
)


def timeline_frame(
    corpus: Corpus,
    *,
    actors: Sequence[str] = (),
    date_from: str | None = None,
    date_to: str | None = None,
    top_n: int = 10,
    color_by: str = "country",
) -> pd.DataFrame:
    """The events with everything the timeline draws: one row per dated event, in date order.

    Columns (:data:`TIMELINE_COLUMNS`): ``date`` (first day) and ``end`` (first day after the period),
    ``precision``, ``date_label``, ``group`` (colour: the speaker's or first actor's country, or the actor; the
    ``top_n`` most frequent, the rest ``other``), ``who`` (the speaker, else the actors named), ``label``
    (two short lines for the static chart), ``headline``, ``text`` (the sentence), ``content`` (a statement's
    content), the actors, the ids and the article (``article`` is one line: title — site, date [id]).

    Args:
        corpus: the tables (events, statements, mentions, articles are used).
        actors: keep events naming one of these actors (or said by them); empty keeps all.
        date_from, date_to: keep events whose period overlaps ``[date_from, date_to]`` (ISO days).
        top_n: colour groups kept; the rest become ``other``.
        color_by: ``"country"`` or ``"actor"``.
    """
    if color_by not in ("country", "actor"):
        raise ValueError(f"color_by must be 'country' or 'actor', got {color_by!r}")
    st = corpus.statements[["statement_id", "speaker_id", "speaker_name", "speaker_surface", "speaker_country",
                            "content", "verb", "quote_type"]]
    ev = corpus.events[corpus.events["date"].notna()].merge(st, on="statement_id", how="left")
    ev = ev.merge(_articles_part(corpus), on="article_id", how="left")
    ev["end"] = period_end(ev["date"], ev["precision"])
    keep = _in_range(ev["date"], ev["end"], date_from, date_to)
    if actors:
        match = actor_matcher(actors)
        keep &= _any_match(match, ev["actor_ids"], ev["actor_names"], ev["speaker_id"], ev["speaker_name"])
    ev = ev[keep].reset_index(drop=True)

    names = country_names(corpus.mentions)
    actor_country = _actor_countries(corpus.mentions)
    is_statement = ev["statement_id"].notna()
    first_country = ev["actor_ids"].map(lambda ids: next((actor_country[a] for a in ids if a in actor_country), None))
    # A statement takes its speaker's country (never another actor's); any other event its first actor's.
    ev["country"] = _speaker_country(ev, actor_country).where(is_statement, first_country)
    speaker = ev["speaker_name"].fillna(ev["speaker_surface"]).fillna("(unknown speaker)")
    actors_named = ev["actor_names"].map(lambda names_: ", ".join(names_[:3]))
    ev["who"] = speaker.astype(object).where(is_statement, actors_named)
    if color_by == "country":
        group = ev["country"].map(lambda c: names.get(c, c) if isinstance(c, str) else NONE)
    else:
        first_actor = ev["actor_names"].map(lambda n: n[0] if len(n) else NONE)
        group = speaker.astype(object).where(is_statement, first_actor)
    ev["group"] = _collapse(group.fillna(NONE).astype(object), top_n)
    ev["date_label"] = [date_label(d, p) for d, p in zip(ev["date"], ev["precision"], strict=True)]
    said = ev["content"].astype(object).where(is_statement & ev["content"].notna(), ev["text"])
    ev["label"] = [f"{d} · {shorten(w, 34) or '—'}\n{shorten(s, 42)}"
                   for d, w, s in zip(ev["date_label"], ev["who"], said, strict=True)]
    ev["headline"] = [f"{w}: {s}" if w else str(s) for w, s in zip(ev["who"], said, strict=True)]
    ev["article"] = _article_line(ev)
    ev = ev.sort_values(["date", "end", "article_id", "event_id"], kind="stable", ignore_index=True)
    return ev[list(TIMELINE_COLUMNS)]


def statements_frame(
    corpus: Corpus, *, actors: Sequence[str] = (), date_from: str | None = None, date_to: str | None = None
) -> pd.DataFrame:
    """The statements with their speaker, country name, cue, period and article, in date order.

    Adds ``speaker`` (name, else as written), ``country`` (display name), ``cue`` (the verb in lower case),
    ``end``, ``date_label``, ``article`` and the article's columns. ``actors`` filters on the speaker; with a
    date limit, undated statements are left out.
    """
    st = corpus.statements.merge(_articles_part(corpus), on="article_id", how="left")
    names = country_names(corpus.mentions)
    st["speaker"] = st["speaker_name"].fillna(st["speaker_surface"]).fillna("(unknown speaker)").astype(object)
    country = _speaker_country(st, _actor_countries(corpus.mentions))
    st["country"] = country.map(lambda c: names.get(c, c) if isinstance(c, str) else NONE)
    st["cue"] = st["verb"].fillna("").map(lambda v: unicodedata.normalize("NFC", v).strip().lower() or NONE)
    st["end"] = period_end(st["date"], st["precision"])
    keep = _in_range(st["date"], st["end"], date_from, date_to) if (date_from or date_to) else True
    if actors:
        keep = keep & _any_match(actor_matcher(actors), st["speaker_id"], st["speaker_name"], st["speaker_surface"])
    st = st[keep] if not isinstance(keep, bool) else st
    st = st.reset_index(drop=True)
    st["date_label"] = [date_label(d, p) for d, p in zip(st["date"], st["precision"], strict=True)]
    st["article"] = _article_line(st)
    return st.sort_values(["date", "article_id", "content_start"], kind="stable", na_position="last",
                          ignore_index=True)


def quote_types_by_speaker(statements: pd.DataFrame, *, top_n: int = 10) -> pd.DataFrame:
    """Statements per speaker (the ``top_n`` most quoted) and quote type: direct, indirect, mixed."""
    top = top_values(statements["speaker"], top_n)
    sub = statements[statements["speaker"].isin(top)]
    table = pd.crosstab(sub["speaker"], sub["quote_type"]) if len(sub) else pd.DataFrame(index=pd.Index([], name="speaker"))
    table = table.reindex(index=list(top), columns=["direct", "indirect", "mixed"], fill_value=0)
    table.columns.name = "quote_type"
    return table.astype("int64")


def speaker_mentions(corpus: Corpus, statements: pd.DataFrame, *, top_n: int = 10) -> pd.DataFrame:
    """Who speaks about whom: statements per speaker (rows) naming an actor (columns) in their content.

    A mention counts when it lies inside the statement's content span; the speaker naming themself does not.
    Rows and columns are the ``top_n`` most frequent; cells are statements (an actor named twice counts once).
    """
    m = corpus.mentions[["article_id", "start", "end", "actor_id", "actor_name"]]
    pairs = statements[["statement_id", "article_id", "speaker", "speaker_id", "content_start", "content_end"]].merge(
        m, on="article_id"
    )
    inside = (pairs["start"] >= pairs["content_start"]) & (pairs["end"] <= pairs["content_end"])
    pairs = pairs[inside & (pairs["actor_id"] != pairs["speaker_id"].fillna(""))]
    pairs = pairs.drop_duplicates(["statement_id", "actor_id"])
    if pairs.empty:
        return pd.DataFrame(dtype="int64").rename_axis(index="speaker", columns="mentioned")
    rows = top_values(pairs["speaker"], top_n)
    cols = top_values(pairs["actor_name"], top_n)
    table = pd.crosstab(pairs["speaker"], pairs["actor_name"]).reindex(index=rows, columns=cols, fill_value=0)
    return table.rename_axis(index="speaker", columns="mentioned").astype("int64")


QUOTE_COLUMNS = ("date_label", "speaker", "country", "verb", "quote_type", "content", "article_title", "site",
                 "published_at", "url", "article_id", "statement_id")


def quotes_table(statements: pd.DataFrame) -> pd.DataFrame:
    """The quotes as a reader wants them: date, speaker, country, cue, type, content and source."""
    return statements[list(QUOTE_COLUMNS)].rename(columns={"date_label": "date", "article_title": "article"})


# ------------------------------------------------------------------------------------------ running


class NotebookRun(NamedTuple):
    """One executed notebook: where it was written, with which parameters, which files it wrote."""

    name: str
    executed: Path
    parameters: dict[str, Any]
    files: list[Path]
    seconds: float


def _snapshot(folder: Path) -> dict[Path, tuple[int, int]]:
    if not folder.is_dir():
        return {}
    return {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir() if p.is_file()}


_NOT_FIGURES = {"index.html", "plotly.min.js"}


def _failure(exc: Exception, notebook: Path, executed: Path) -> ReportError:
    """A sentence for a failed cell: the notebook, the cell's number as the committed notebook counts it
    (papermill's injected parameters cell left out), its first working line, and the error."""
    cell_index = getattr(exc, "cell_index", None)
    where, first = "", ""
    if cell_index is not None:
        try:
            import nbformat

            cells = nbformat.read(notebook, as_version=4).cells
            tagged = [i for i, c in enumerate(cells) if "parameters" in c.metadata.get("tags", [])]
            # papermill inserts its cell right after the one tagged "parameters"
            number = cell_index + (0 if not tagged or cell_index <= tagged[0] else -1) + 1
            where = f" in cell {number}"
        except Exception:  # the message is still useful without the number
            pass
    lines = [ln.strip() for ln in str(getattr(exc, "source", "")).splitlines()]
    # The first line that does something: not a magic, an import or a comment.
    first = next((ln for ln in lines if ln and not ln.startswith(("%", "#", "import ", "from "))), "")
    ename, evalue = getattr(exc, "ename", type(exc).__name__), getattr(exc, "evalue", str(exc))
    shown = f" (`{shorten(first, 60)}`)" if first else ""
    return ReportError(f"notebook {notebook.name} failed{where}{shown}: {ename}: {evalue} "
                       f"(the executed notebook is {executed})")


def run_notebook(
    notebook: str | os.PathLike,
    *,
    parameters: dict[str, Any],
    out: str | os.PathLike,
    progress: bool = True,
    kernel_name: str | None = None,
) -> NotebookRun:
    """Execute one notebook with papermill into ``out/<name>``; returns what it wrote.

    Raises:
        ReportError: a cell failed (the message names the notebook and the cell).
    """
    import papermill as pm

    notebook, out = Path(notebook), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    executed = out / notebook.name
    figures_dir = Path(parameters.get("figures_dir", out))
    before = _snapshot(figures_dir)
    start = time.perf_counter()
    try:
        pm.execute_notebook(
            str(notebook), str(executed), parameters=parameters, cwd=str(notebook.parent), progress_bar=progress,
            kernel_name=kernel_name, log_output=False,
            # The kernel talks to us over localhost; its warning about unencrypted TCP is noise in a report run.
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
        )
    except pm.PapermillExecutionError as exc:
        raise _failure(exc, notebook, executed) from None
    seconds = time.perf_counter() - start
    after = _snapshot(figures_dir)
    # In the order the notebook wrote them, so index.html follows the notebook.
    files = sorted((p for p, sig in after.items()
                    if before.get(p) != sig and p.suffix != ".ipynb" and p.name not in _NOT_FIGURES),
                   key=lambda p: (after[p][0], p.name))
    return NotebookRun(notebook.name, executed, parameters, files, seconds)


def run_report(
    corpus: Sequence[str | os.PathLike] | str | os.PathLike | None = None,
    *,
    out: str | os.PathLike | None = None,
    parameters: dict[str, Any] | None = None,
    notebooks: Sequence[str] | None = None,
    notebooks_dir: str | os.PathLike | None = None,
    table_format: str = "parquet",
    progress: bool = True,
    log: Callable[[str], None] | None = None,
) -> list[NotebookRun]:
    """Parse the corpus once into ``<out>/data/``, run every notebook on it, write ``<out>/index.html``.

    Args:
        corpus: input paths, or one folder of parsed tables (used as is). Default: ``seeds/``.
        out: the figures folder (default ``figures/``); executed notebooks are kept there too.
        parameters: other notebook parameters (``top_n``, ``formats`` ...), checked before anything runs.
        notebooks: names from :data:`NOTEBOOKS` (default: all).
        notebooks_dir: where the notebooks are (default ``notebooks/``).
        table_format: ``parquet`` or ``csv`` for ``<out>/data/``.
        progress: show progress bars (papermill's per cell) besides the log lines.
        log: where the progress lines go (default: stderr).

    Raises:
        ValueError: a bad parameter (the sentence names it).
        ReportError: a notebook failed (the message names the notebook and the cell).
    """
    log = log or (lambda line: print(f"newsframes report: {line}", file=sys.stderr, flush=True))
    try:
        import papermill  # noqa: F401
    except ImportError:
        raise ReportError("running the notebooks needs papermill and ipykernel: "
                          "pip install 'newsframes[report]'") from None
    parameters = dict(parameters or {})
    for reserved, option in (("corpus", "--corpus"), ("figures_dir", "--out")):
        if reserved in parameters:
            raise ValueError(f"parameter {reserved!r} is set by {option} in `newsframes report`, not by -p")
    out = Path(out or paths.FIGURES_DIR).resolve()
    corpus = [corpus] if isinstance(corpus, (str, os.PathLike)) else list(corpus or [paths.SEEDS_DIR])
    params = check_parameters({**parameters, "corpus": [str(c) for c in corpus], "figures_dir": str(out)})
    folder = Path(notebooks_dir or paths.NOTEBOOKS_DIR)
    names = list(notebooks or NOTEBOOKS)
    missing = [n for n in names if not (folder / n).is_file()]
    if missing:
        raise ValueError(f"no notebook {missing[0]!r} in {folder}; the notebooks are {', '.join(NOTEBOOKS)}")

    if len(params.corpus) == 1 and is_table_dir(params.corpus[0]):
        data = Path(params.corpus[0])
        log(f"reading the parsed tables in {data}")
    else:
        from .corpus import parse_to_dir

        data = out / "data"
        log(f"parsing {', '.join(params.corpus)} into {data}")
        stats = parse_to_dir(params.corpus, data, format=table_format, reference_date=params.reference_date,
                             manifest=params.manifest, progress=progress)
        log(stats.summary())
    run_params = {**params.to_json(), "corpus": str(data)}

    runs = []
    for i, name in enumerate(names, 1):
        log(f"[{i}/{len(names)}] running {name}")
        run = run_notebook(folder / name, parameters=run_params, out=out, progress=progress)
        log(f"[{i}/{len(names)}] {name}: {len(run.files)} file(s) in {run.seconds:.1f} s")
        runs.append(run)
    index = write_index(out, runs, title=params.title or "newsframes report", corpus=params.corpus)
    log(f"{sum(len(r.files) for r in runs)} file(s) from {len(runs)} notebook(s); open {index}")
    return runs


# ------------------------------------------------------------------------------------------ index.html

INDEX_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<style>
body{{font-family:"DejaVu Sans",Arial,sans-serif;margin:1.5em auto;max-width:1200px;padding:0 1em;color:#222;}}
table.params{{border-collapse:collapse;font-size:90%;margin:.5em 0 1em;}}
table.params th,table.params td{{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top;}}
figure{{margin:1.5em 0;border-top:1px solid #eee;padding-top:.8em;}} figure img{{max-width:100%;max-height:1400px;}}
figure iframe{{width:100%;height:480px;border:1px solid #ddd;}} figcaption{{font-size:90%;color:#555;}}
code{{background:#f5f5f5;padding:0 3px;}}
</style></head><body>
<h1>{title}</h1>
<p>Made by <code>newsframes report</code> on {when} from {corpus}. Every figure keeps a stable file name;
the CSV beside it holds the data it shows.</p>
<ul>{toc}</ul>
{sections}
</body></html>
"""


def _href(path: Path, base: Path) -> str:
    from urllib.parse import quote

    try:
        rel = path.relative_to(base).as_posix()
    except ValueError:
        rel = path.as_uri()
    return escape(quote(rel, safe="/:"))


def write_index(out: str | os.PathLike, runs: Sequence[NotebookRun], *, title: str = "newsframes report",
                corpus: Iterable[str] = ()) -> Path:
    """Write ``<out>/index.html``: per notebook its parameters and every file it wrote, figures shown inline.

    PNG (or SVG) images are shown; HTML figures and tables without an image are shown in a frame; every file is
    linked. Every text on the page is escaped.
    """
    out = Path(out)
    sections, toc = [], []
    for run in runs:
        anchor = escape(Path(run.name).stem)
        toc.append(f'<li><a href="#{anchor}">{escape(run.name)}</a> ({len(run.files)} files)</li>')
        rows = "".join(
            f"<tr><th>{escape(k)}</th><td><code>{escape(json.dumps(v, ensure_ascii=False))}</code></td></tr>"
            for k, v in run.parameters.items()
        )
        by_stem: dict[str, list[Path]] = {}
        for f in run.files:
            by_stem.setdefault(f.name.split(".")[0], []).append(f)
        figures = []
        for stem, files in by_stem.items():
            suffixes = {f.suffix: f for f in files}
            links = " · ".join(f'<a href="{_href(f, out)}">{escape(f.suffix.lstrip(".") or f.name)}</a>'
                               for f in files)
            if ".png" in suffixes or ".svg" in suffixes:
                img = suffixes.get(".png") or suffixes[".svg"]
                shown = f'<img src="{_href(img, out)}" alt="{escape(stem)}" loading="lazy">'
            elif ".html" in suffixes:
                shown = f'<iframe src="{_href(suffixes[".html"], out)}" title="{escape(stem)}" loading="lazy"></iframe>'
            else:
                shown = ""
            figures.append(f'<figure id="{escape(stem)}">{shown}<figcaption><b>{escape(stem)}</b> '
                           f"from {escape(run.name)}: {links}</figcaption></figure>")
        sections.append(
            f'<section id="{anchor}"><h2>{escape(run.name)}</h2>'
            f'<p><a href="{_href(run.executed, out)}">the executed notebook</a>, {run.seconds:.1f} s</p>'
            f'<table class="params"><tr><th colspan="2">parameters</th></tr>{rows}</table>'
            + "".join(figures) + "</section>"
        )
    page = INDEX_PAGE.format(
        title=escape(title), when=escape(dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
        corpus=escape(", ".join(map(str, corpus)) or "the corpus"), toc="".join(toc), sections="\n".join(sections),
    )
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------ the command

EXAMPLES = """\
examples:
  newsframes report                                   # seeds/ into figures/
  newsframes report --corpus stories/ --out out/figures -p top_n 5 -p formats png,csv
  newsframes report --corpus out/tables -p actors "Putin,Trump" -p date_from 2018-06
  newsframes report --notebook 02_timeline.ipynb -p title "Triều Tiên 2018"

Parameters (-p NAME VALUE): reference_date, manifest, actors, date_from, date_to, top_n, formats, title.
Lists are comma-separated (png,svg) or JSON (["png", "svg"]). --corpus is parsed once into OUT/data/
unless it is one folder of parsed tables. The executed notebooks and index.html are written into OUT.
"""


def parse_cli_value(name: str, text: str) -> Any:
    """A ``-p NAME VALUE`` string as the notebook parameter's literal (lists, integers, None)."""
    if name in ("actors", "formats"):
        if text.strip().startswith("["):
            try:
                return json.loads(text)
            except json.JSONDecodeError:
                import yaml

                return yaml.safe_load(text)
        return [v.strip() for v in text.split(",") if v.strip()]
    if name == "top_n":
        return int(text) if re.fullmatch(r"[+-]?\d+", text.strip()) else text
    if name != "title" and text.strip().lower() in ("", "none", "null"):
        return None
    return text


def add_report_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register ``newsframes report`` on the CLI's subparsers."""
    p = sub.add_parser(
        "report",
        help="parse once and run the report notebooks with papermill; figures and index.html into --out",
        description="Parse the corpus once, run every report notebook on it with papermill, and write the "
                    "figures, the executed notebooks and index.html into --out.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--corpus", nargs="+", metavar="PATH", default=None,
                   help="input paths, or one folder of parsed tables (default: seeds/)")
    p.add_argument("--out", "-o", type=Path, metavar="DIR", default=None, help="the figures folder (default: figures/)")
    p.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                   help="a notebook parameter, e.g. -p top_n 5 (repeatable)")
    p.add_argument("--notebook", action="append", metavar="NAME", choices=NOTEBOOKS,
                   help="run only this notebook (repeatable; default: all)")
    p.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="format of OUT/data/ tables")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress")
    p.set_defaults(func=_cmd_report)
    return p


def _cmd_report(args: argparse.Namespace) -> int:
    parameters = {}
    for name, value in args.parameter:
        if name not in PARAMETERS:
            raise ValueError(f"unknown parameter {name!r}; the parameters are {', '.join(PARAMETERS)}")
        parameters[name] = parse_cli_value(name, value)
    try:
        run_report(args.corpus, out=args.out, parameters=parameters, notebooks=args.notebook,
                   table_format=args.format, progress=not args.quiet,
                   log=(lambda line: None) if args.quiet else None)
    except ReportError as exc:
        print(f"newsframes report: error: {exc}", file=sys.stderr)
        return 1
    return 0


__all__ = [
    "DEFAULTS",
    "NOTEBOOKS",
    "PARAMETERS",
    "NotebookRun",
    "Parameters",
    "ReportError",
    "actor_matcher",
    "add_report_parser",
    "articles_by_date",
    "check_parameters",
    "corpus_summary",
    "count_by",
    "country_names",
    "date_label",
    "is_table_dir",
    "load_corpus",
    "period_end",
    "quote_types_by_speaker",
    "quotes_table",
    "run_notebook",
    "run_report",
    "select_articles",
    "sentence_counts",
    "speaker_mentions",
    "statements_frame",
    "timeline_frame",
    "write_index",
]
