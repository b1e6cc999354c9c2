"""Temporal expressions (the ``timexes`` table): Vietnamese dates, durations and sets with TIMEX3 values.

Each sentence is scanned by a handful of compiled patterns (dates with digits, dates in words, months, years,
quarters, decades, weeks, weekdays, relative and anaphoric days, durations, sets, clock times, a few vague
references). Every pattern proposes candidates; where candidates overlap the longest wins (then the earliest),
so "tháng 9 năm 2018" beats the duration "9 năm". The winners are resolved in article order:

* an explicit year gives an absolute value (``anchor="absolute"``);
* a date without a year takes the year that puts it nearest the article's own date (``anchor_date``), looking
  back unless the modifier ("tới", "sắp tới") or the sentence ("sẽ", "sắp", "dự kiến") looks forward; the
  other direction is allowed when it is less than half as far ("ngày 25/11" in an article of 23/11 is 2018);
* relative expressions ("hôm qua", "tháng trước", "năm ngoái", "thứ Hai tuần trước") count from the article's
  date (``anchor`` as given: ``published_at`` or ``reference``);
* anaphoric expressions ("cùng ngày", "hôm đó", "ngày hôm sau", "một ngày trước đó") count from the previous
  resolved date of the article (``anchor="previous"``); captions and repeated paragraphs (``is_duplicate``) are
  out of the story's flow and do not move that pointer, though their own expressions are found. With no previous
  date they fall back to the article's date.

Without an article date, nothing is guessed: yearless dates keep ``XXXX`` (``XXXX-05-31``), relative ones
become ``XXXX-XX-XX`` / ``XXXX-XX`` / ``XXXX-WXX`` / ``XXXX``, ``date`` and ``anchor`` stay ``None``; a day
anaphor after a yearless day copies or shifts its month and day ("ngày 23/5 ... cùng ngày" -> ``XXXX-05-23``,
anchor ``previous``, date ``None``). Today's date is never used.

Conventions (documented choices):

* Ranges give one Timex per endpoint: "từ ngày 20 đến 22/11" -> "ngày 20" (20/11) and "22/11"; "20-22/11"
  -> "20" and "22/11"; an endpoint without year takes the year of the next one ("từ 30/4 đến 2/5/2021").
* Parts of the day and weekdays belong to the date's surface ("sáng 26/4", "thứ Năm, ngày 8/1") and do not
  change its value (day precision). Clock times ("lúc 9h30", "18h ngày 29/4") are their own Timex of kind
  ``time`` with value ``2018-04-26T09:30`` when a date is next to them (``date`` = that day), else
  ``XXXX-XX-XXT09:30``.
* Decades: "thập niên 1990" -> value ``199`` (TIMEX3 decade), precision ``year``, date 1990-01-01. Centuries
  likewise: "thế kỷ 21" / "thế kỷ XXI" -> ``20`` (TIMEX3 century), precision ``year``, date 2000-01-01.
* Seasons with a year or a modifier ("mùa thu năm nay", "mùa đông 2020", "mùa hè vừa qua") -> ``2021-FA`` (SP,
  SU, FA, WI), dated from the season's first month (3, 6, 9, 12) with precision ``quarter``: the contract has no
  "season", and a season is a three-month period like a quarter (though not a calendar one; the value says
  which). A season with neither ("mùa hè") is generic and left out.
* Months in words ("tháng một" ... "tháng mười hai", "tháng giêng") are months like "tháng 1"; "tháng năm" is
  May only in context ("từ đầu tháng năm", "tháng Năm", "tháng năm năm ngoái"). A position with a bare
  "tháng" after "hồi / vào / trong / từ" ("hồi đầu tháng") is the article's month.
* Positions ("đầu / giữa / cuối tháng 9") are kept in the surface; the value is the period's.
* Durations (``P3D``, ``P2W``, ``PT24H``) and sets (``P1M``; "tháng 6 hàng năm" -> ``XXXX-06``) have no date,
  precision or anchor; nor do ``PAST_REF`` ("trước đó") and ``PRESENT_REF`` ("hiện nay", "hiện" as adverb).
* Lunar-calendar dates ("tháng 7 âm lịch") are left out.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .sentences import Sentence
from .timex_grammar import Grammar, _key, _new, _Spec, grammar

__all__ = ["Timex", "iter_timexes", "find_timexes"]


class Timex(NamedTuple):
    sentence_id: int
    start: int
    end: int
    surface: str
    kind: str  # date | duration | set | time
    value: str  # TIMEX3: 2018-05-31, 2018-09, 2018, 2018-W47, 2018-Q3, P3D, XXXX-05-31, PAST_REF
    date: dt.date | None  # first day of the period; None when unresolved or not a date
    precision: str | None  # day | week | month | quarter | year
    anchor: str | None  # absolute | published_at | previous | reference


_SKIP_KINDS = frozenset({"byline", "source"})
# Captions describe a photo, out of the story's order: their dates do not anchor "cùng ngày" in the body.
_NO_PREVIOUS_KINDS = frozenset({"caption"})


# ---------------------------------------------------------------------------------------------------------
# Resolution


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    i = year * 12 + month - 1 + k
    return i // 12, i % 12 + 1


def _period(d: dt.date, prec: str) -> tuple[str, dt.date]:
    """TIMEX3 value and first day of the period of ``prec`` containing ``d``."""
    if prec == "day":
        return d.isoformat(), d
    if prec == "week":
        iy, iw, _ = d.isocalendar()
        return f"{iy}-W{iw:02d}", d - dt.timedelta(days=d.weekday())
    if prec == "month":
        return f"{d.year:04d}-{d.month:02d}", d.replace(day=1)
    if prec == "quarter":
        q = (d.month - 1) // 3 + 1
        return f"{d.year:04d}-Q{q}", dt.date(d.year, 3 * q - 2, 1)
    return f"{d.year:04d}", dt.date(d.year, 1, 1)


_UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX"}


def _shift(d: dt.date, unit: str, k: int) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=k)
    if unit == "week":
        return d + dt.timedelta(weeks=k)
    if unit in ("month", "quarter"):
        y, m = _add_months(d.year, d.month, k * (3 if unit == "quarter" else 1))
        return dt.date(y, m, 1)
    return dt.date(d.year + k, 1, 1)


def _pick_year(anchor: dt.date, spec: _Spec, future: bool) -> int:
    """The year that puts a yearless day/month/quarter nearest ``anchor`` (see the module docstring)."""
    best = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if spec.prec == "day":
            try:
                diff = (dt.date(y, spec.month, spec.day) - anchor).days
            except ValueError:
                continue
        elif spec.prec == "quarter":
            diff = (y * 4 + spec.extra) - (anchor.year * 4 + (anchor.month - 1) // 3 + 1)
        else:
            diff = (y * 12 + spec.month) - (anchor.year * 12 + anchor.month)
        if spec.hint == -1 and diff > 0 or spec.hint == 1 and diff < 0:
            continue
        preferred = 1 if (spec.hint > 0 or spec.hint == 0 and future) else -1
        if spec.hint == 2:
            preferred = 1
        cost = abs(diff) * (1 if diff == 0 or (diff > 0) == (preferred > 0) else 2)
        if best is None or cost < best[0]:
            best = (cost, y)
    return best[1] if best else anchor.year


class _State:
    """Per-article state: the article's date and the previous resolved date (for anaphora)."""

    def __init__(self, anchor_date: dt.date | None, anchor: str):
        self.anchor_date = anchor_date
        self.anchor = anchor
        self.prev_day: dt.date | None = None
        self.prev_any: tuple[dt.date, str] | None = None
        # The previous day when its year is unknown (an undated article's "ngày 23/5" = XXXX-05-23): "cùng ngày"
        # copies it, "hôm sau" shifts it, still without a year.
        self.prev_partial: tuple[int, int] | None = None

    def base(self, unit: str) -> tuple[dt.date | None, str | None]:
        if unit == "day" and self.prev_day is not None:
            return self.prev_day, "previous"
        if unit != "day" and self.prev_any is not None:
            d, prec = self.prev_any
            ok = {"week": ("day", "week"), "month": ("day", "week", "month"),
                  "quarter": ("day", "week", "month", "quarter")}.get(unit)
            if ok is None or prec in ok:
                return d, "previous"
        if self.anchor_date is not None:
            return self.anchor_date, self.anchor
        return None, None


Resolved = tuple[str, str, "dt.date | None", "str | None", "str | None"]


def _resolve(spec: _Spec, state: _State, future: bool) -> Resolved:
    """``(kind, value, date, precision, anchor)`` of one spec."""
    tag = spec.tag
    if tag == "dur":
        return "duration", spec.extra, None, None, None
    if tag == "set":
        return "set", spec.extra, None, None, None
    if tag == "ref":
        return "date", spec.extra, None, None, None
    anchor_date = state.anchor_date
    try:
        if tag == "cal":
            return _resolve_cal(spec, state, future)
        if tag == "dec":
            return "date", str(spec.year // 10), dt.date(spec.year, 1, 1), "year", "absolute"
        if tag == "season":
            year, anchor = spec.year, "absolute"
            if year is None:
                if anchor_date is None:
                    return "date", f"XXXX-{spec.extra}", None, "quarter", None
                year, anchor = anchor_date.year + spec.offset, state.anchor
                if spec.unit == "season":
                    year = _season_year(anchor_date, spec.month, spec.offset)
            return "date", f"{year:04d}-{spec.extra}", dt.date(year, spec.month, 1), "quarter", anchor
        if tag == "cent":
            if spec.year is not None:
                return "date", str(spec.year // 100), dt.date(max(spec.year, 1), 1, 1), "year", "absolute"
            if anchor_date is None:
                return "date", "XX", None, "year", None
            century = anchor_date.year // 100 + spec.offset
            return "date", str(century), dt.date(max(century * 100, 1), 1, 1), "year", state.anchor
        if tag == "rel":
            if anchor_date is None:
                return "date", _UNKNOWN[spec.prec], None, spec.prec, None
            value, first = _period(_shift(anchor_date, spec.unit, spec.offset) if spec.unit in ("day", "week")
                                   else _shift(anchor_date.replace(day=1), spec.unit, spec.offset), spec.prec)
            return "date", value, first, spec.prec, state.anchor
        if tag == "ana":
            base, anchor = state.base(spec.unit)
            if base is None and spec.unit == "day" and state.prev_partial is not None:
                month, day = state.prev_partial
                d = dt.date(2000, month, day) + dt.timedelta(days=spec.offset)  # 2000: a leap year keeps 29/2
                return "date", f"XXXX-{d.month:02d}-{d.day:02d}", None, "day", "previous"
            if base is None:
                return "date", _UNKNOWN[spec.prec], None, spec.prec, None
            d = _shift(base, spec.unit, spec.offset) if spec.unit in ("day", "week") else _shift(
                base.replace(day=1), spec.unit, spec.offset)
            value, first = _period(d, spec.prec)
            return "date", value, first, spec.prec, anchor
        if tag == "wd":
            wd, mod = spec.extra
            if anchor_date is None:
                return "date", f"XXXX-WXX-{wd}", None, "day", None
            return "date", *_period(_weekday(anchor_date, wd, mod, future), "day"), "day", state.anchor
    except (OverflowError, ValueError):
        if spec.extra and isinstance(spec.extra, str):  # "60.000 năm trước": keep the duration
            return "duration", spec.extra, None, None, None
        return "date", _UNKNOWN.get(spec.prec or "day", "XXXX"), None, spec.prec, None
    raise AssertionError(tag)


# Resolutions that depend only on the spec, the article's date and anchor and the sentence's lean (not on the
# previous date, as anaphora do), computed once: most articles repeat the same years and days.
_CACHED_TAGS = frozenset({"cal", "rel", "wd", "dec", "season", "cent"})
# The kinds whose whole resolution is in the spec (_resolve's first cases); iter_timexes builds them directly.
_STATIC_KINDS = {"dur": "duration", "set": "set", "ref": "date"}
_RESOLVED: dict[tuple, Resolved] = {}


def _resolve_cached(spec: _Spec, state: _State, future: bool | None) -> Resolved:
    tag = spec.tag
    if tag not in _CACHED_TAGS:
        return _resolve(spec, state, future)
    # An explicit year or a decade needs nothing but the spec.
    key = spec if tag == "dec" or tag == "cal" and spec.year is not None else (spec, state.anchor_date, state.anchor, future)
    r = _RESOLVED.get(key)
    if r is None:
        r = _resolve(spec, state, future)
        if len(_RESOLVED) >= 100_000:
            _RESOLVED.clear()
        _RESOLVED[key] = r
    return r


def _resolve_cal(spec: _Spec, state: _State, future: bool) -> Resolved:
    anchor_date = state.anchor_date
    anchor = "absolute"
    year = spec.year
    if year is None:
        if anchor_date is None:
            if spec.prec == "day":
                value = f"XXXX-{spec.month:02d}-{spec.day:02d}"
            elif spec.prec == "quarter":
                value = f"XXXX-Q{spec.extra}"
            else:
                value = f"XXXX-{spec.month:02d}"
            return "date", value, None, spec.prec, None
        year = anchor_date.year + spec.offset if spec.unit == "year" else _pick_year(anchor_date, spec, future)
        anchor = state.anchor
    d = dt.date(year, spec.month or 1, spec.day or 1)
    value, first = _period(d, spec.prec)
    return "date", value, first, spec.prec, anchor


def _season_year(anchor: dt.date, month: int, offset: int) -> int:
    """The year of "mùa hè này" (0: the one under way or this year's), "vừa qua" (-1: the last one begun), "tới" (+1)."""
    starts = [(dt.date(y, month, 1), y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if offset < 0:
        return max(y for d, y in starts if d <= anchor)
    if offset > 0:
        return min(y for d, y in starts if d > anchor)
    return anchor.year - 1 if month == 12 and anchor.month <= 2 else anchor.year


def _weekday(anchor: dt.date, wd: int, mod: str | None, future: bool) -> dt.date:
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if mod and mod.startswith("tuần"):
        week = {"này": 0, "trước": -1, "qua": -1, "vừa qua": -1, "rồi": -1, "vừa rồi": -1}.get(
            _key(mod[4:]).replace("lễ ", ""), 1)
        return monday + dt.timedelta(days=7 * week + wd - 1)
    if mod == "này":
        return monday + dt.timedelta(days=wd - 1)
    delta = (wd - 1 - anchor.weekday()) % 7  # days forward to the next such weekday (0 = today)
    if mod in ("tới", "tới đây", "sắp tới"):
        return anchor + dt.timedelta(days=delta or 7)
    if mod in ("vừa qua", "vừa rồi", "rồi", "qua", "trước"):
        back = (anchor.weekday() - (wd - 1)) % 7
        return anchor - dt.timedelta(days=back or 7)
    if future:
        return anchor + dt.timedelta(days=delta)
    return anchor - dt.timedelta(days=(anchor.weekday() - (wd - 1)) % 7)


# ---------------------------------------------------------------------------------------------------------
# Public API


def _as_date(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    raise TypeError(f"anchor_date must be a date, a datetime or an ISO string, not {type(value).__name__}")


def iter_timexes(
    sentences: Sequence[Sentence],
    *,
    anchor_date: dt.date | None = None,
    anchor: str = "published_at",
    language: str = "vi",
) -> Iterator[Timex]:
    """Yield the temporal expressions of one article, in order of appearance.

    Args:
        sentences: the article's ``Sentence`` tuples (bylines and source lines are skipped).
        anchor_date: the article's own calendar day (publication or reference date), or ``None``; a
            ``datetime`` or an ISO string is cut to its day. Relative expressions count from it; without it
            they stay unresolved. Today's date is never used.
        anchor: where ``anchor_date`` came from (``"published_at"`` or ``"reference"``); it is the ``anchor``
            of every Timex resolved relative to it.
        language: the language of the data file to use.

    Yields:
        ``Timex`` tuples whose ``start``/``end`` are offsets in the article (``sentence.start`` + offset).

    Raises:
        ValueError: the language is not supported (the message lists the supported ones).
    """
    gram = grammar(language)
    state = _State(_as_date(anchor_date), anchor)
    kept = [s for s in sentences if s.kind not in _SKIP_KINDS and s.text]
    if not kept:
        return
    looks_forward, cache = gram.looks_forward, _RESOLVED
    for i, parts, low in gram.scan([s.text for s in kept]):
        sentence = kept[i]
        text = sentence.text
        future = None  # does the sentence look forward? Asked only by yearless dates and weekdays
        moves_previous = sentence.kind not in _NO_PREVIOUS_KINDS and not sentence.is_duplicate
        resolved: list[Resolved | None] = []
        times = False
        for part in parts:
            spec = part[2]
            tag = spec[0]
            kind = _STATIC_KINDS.get(tag)
            if kind is not None:
                # A duration, a set or PAST_REF/PRESENT_REF: its value is in the spec, and it moves no date.
                resolved.append((kind, spec[8], None, None, None))
                continue
            if tag == "time":
                resolved.append(None)
                times = True
                continue
            # _resolve_cached, inlined: most parts are dates of the cached kinds.
            if tag == "ana":
                r = _resolve(spec, state, future)
            else:
                if tag == "cal" and spec[2] is not None or tag == "dec":
                    key = spec  # an explicit year or a decade needs nothing but the spec
                else:
                    if future is None and (tag == "wd" or tag == "cal"):
                        future = looks_forward(low)
                    key = (spec, state.anchor_date, state.anchor, future)
                r = cache.get(key)
                if r is None:
                    r = _resolve(spec, state, future)
                    if len(cache) >= 100_000:
                        cache.clear()
                    cache[key] = r
            if spec[9]:
                r = (*r[:4], "absolute")  # the year came from the range's other, explicit endpoint
            resolved.append(r)
            if moves_previous and r[0] == "date":
                if r[2] is not None:
                    state.prev_any = (r[2], r[3])
                    if r[3] == "day":
                        state.prev_day, state.prev_partial = r[2], None
                elif r[3] == "day" and r[1][5:7].isdigit() and r[1][8:10].isdigit():  # XXXX-05-23
                    state.prev_day, state.prev_partial = None, (int(r[1][5:7]), int(r[1][8:10]))
        if times:
            for j in range(len(parts)):
                if resolved[j] is None:
                    resolved[j] = _resolve_time(gram, text, parts, resolved, j)
        offset, sid = sentence.start, sentence.sentence_id
        for (start, end, _), (kind, value, date, precision, anc) in zip(parts, resolved, strict=True):
            yield _new(Timex, (sid, offset + start, offset + end, text[start:end], kind, value, date, precision, anc))


def _resolve_time(grammar: Grammar, text: str, parts, resolved, i: int) -> Resolved:
    """A clock time takes the day of the date right after it ("18h ngày 29/4") or right before it."""
    part = parts[i]
    h, minute = part.spec.extra
    clock = f"T{h:02d}:{minute:02d}"
    day = None
    if i + 1 < len(parts) and resolved[i + 1] and resolved[i + 1][3] == "day":
        if grammar.r_time_gap_before.match(text[part.end:parts[i + 1].start]):
            day = resolved[i + 1]
    if day is None and i > 0 and resolved[i - 1] and resolved[i - 1][3] == "day":
        if grammar.r_time_gap_after.match(text[parts[i - 1].end:part.start]):
            day = resolved[i - 1]
    if day is None:
        return "time", "XXXX-XX-XX" + clock, None, None, None
    return "time", day[1] + clock, day[2], "day", day[4]


def find_timexes(
    text: str,
    *,
    anchor_date: dt.date | None = None,
    anchor: str = "published_at",
    language: str = "vi",
) -> list[Timex]:
    """The temporal expressions of one string, taken as a single body sentence (``sentence_id`` 0).

    >>> [(t.surface, t.value) for t in find_timexes("Hôm qua (22/11), hai bên gặp nhau 3 ngày.", anchor_date="2018-11-23")]
    [('Hôm qua (22/11)', '2018-11-22'), ('3 ngày', 'P3D')]
    """
    sentence = Sentence(0, 0, "body", 0, len(text), text, False)
    return list(iter_timexes([sentence], anchor_date=anchor_date, anchor=anchor, language=language))
