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
  resolved date of the article (``anchor="previous"``); captions are out of the story's flow and do not move
  that pointer. With no previous date they fall back to the article's date.

Without an article date, nothing is guessed: yearless dates keep ``XXXX`` (``XXXX-05-31``), relative ones
become ``XXXX-XX-XX`` / ``XXXX-XX`` / ``XXXX-WXX`` / ``XXXX``, ``date`` and ``anchor`` stay ``None``. Today's
date is never used.

Conventions (documented choices):

* Ranges give one Timex per endpoint: "từ ngày 20 đến 22/11" -> "ngày 20" (20/11) and "22/11"; "20-22/11"
  -> "20" and "22/11"; an endpoint without year takes the year of the next one ("từ 30/4 đến 2/5/2021").
* Parts of the day and weekdays belong to the date's surface ("sáng 26/4", "thứ Năm, ngày 8/1") and do not
  change its value (day precision). Clock times ("lúc 9h30", "18h ngày 29/4") are their own Timex of kind
  ``time`` with value ``2018-04-26T09:30`` when a date is next to them (``date`` = that day), else
  ``XXXX-XX-XXT09:30``.
* Decades: "thập niên 1990" -> value ``199`` (TIMEX3 decade), precision ``year``, date 1990-01-01.
* Positions ("đầu / giữa / cuối tháng 9") are kept in the surface; the value is the period's.
* Durations (``P3D``, ``P2W``, ``PT24H``) and sets (``P1M``; "tháng 6 hàng năm" -> ``XXXX-06``) have no date,
  precision or anchor; nor do ``PAST_REF`` ("trước đó") and ``PRESENT_REF`` ("hiện nay", "hiện" as adverb).
* Lunar-calendar dates ("tháng 7 âm lịch") are left out.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from .resources import load_yaml
from .sentences import Sentence

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


class _Spec(NamedTuple):
    """What one expression means before it is resolved against the article's dates."""

    tag: str  # cal | rel | ana | wd | dec | dur | set | ref | time
    prec: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    unit: str | None = None  # rel/ana: day|week|month|quarter|year; cal: "year" when the year is relative
    offset: int = 0
    hint: int = 0  # -1 look back, +1 look forward, 0 nearest (sentence decides the bias)
    extra: Any = None  # quarter; weekday; duration/set value; (hour, minute); duration fallback of rel/ana


class _Part(NamedTuple):
    start: int
    end: int
    spec: _Spec


# ---------------------------------------------------------------------------------------------------------
# Grammar: the vocabulary comes from data/<language>/timex.yaml, the patterns are built here once.


def _alt(words) -> str:
    """An alternation of ``words`` (longest first), spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _key(text: str) -> str:
    return " ".join(text.lower().split())


_YEAR = r"(?:1[5-9]|20)\d\d"
_END_NUM = r"(?![\d]|[/.,-]\d|/[^\W\d_])"  # the number ends here: not 24/5/2018/NĐ-CP, not 1.500
_NUM_DATE = r"(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>" + _YEAR + r"))?" + _END_NUM
_MODS_AFTER_DATE = r"tới\s+đây|sắp\s+tới|vừa\s+qua|vừa\s+rồi|tới|qua|này"


class _Grammar:
    def __init__(self, language: str):
        data = load_yaml(language, "timex.yaml")
        self.pod_shift = {_key(k): v for k, v in data["parts_of_day"].items()}
        self.weekdays = {_key(str(k)): v for k, v in data["weekdays"].items()}
        self.sunday = {_key(w) for w in data["sunday"]}
        self.relative_days = {_key(k): v for k, v in data["relative_days"].items()}
        self.pod_relative = {_key(k): v for k, v in data["part_of_day_relative"].items()}
        self.period_mods = {_key(k): v for k, v in data["period_modifiers"].items()}
        self.year_mods = {_key(k): v for k, v in data["year_modifiers"].items()}
        self.unit_without = {u: {_key(m) for m in ms} for u, ms in data["unit_without"].items()}
        self.plural_before = {_key(w) for w in data["plural_before"]}
        self.not_quarter_after = {_key(w) for w in data["not_quarter_after"]}
        self.past_mods = {_key(w) for w in data["past_modifiers"]}
        self.future_mods = {_key(w) for w in data["future_modifiers"]}
        self.positions = [_key(w) for w in data["positions"]]
        self.units = {_key(k): v for k, v in data["units"].items()}
        self.numbers = {_key(k): v for k, v in data["numbers"].items()}
        self.not_number_unit = {_key(w) for w in data["not_number_unit"]}
        self.set_values = {_key(k): v for k, v in data["set_values"].items()}
        self.anaphoric = {_key(k): tuple(v) for k, v in data["anaphoric"].items()}
        self.anaphoric_pod = {_key(k): tuple(v) for k, v in data["anaphoric_with_part_of_day"].items()}
        self.vague = {_key(k): v for k, v in data["vague"].items()}
        self.hien_not_after = {_key(w) for w in data["hien_not_after"]}
        self.hien_not_before = {_key(w) for w in data["hien_not_before"]}
        self.bare_date_before = {_key(w) for w in data["bare_date_before"]}
        self.bare_date_blocked = {_key(w) for w in data["bare_date_not_followed_by"]}
        self.bare_year_strong = {_key(w) for w in data["bare_year_strong"]}
        self.bare_year_weak = {_key(w) for w in data["bare_year_weak"]}
        self.roman = {str(k): v for k, v in data["roman_quarters"].items()}
        self.time_before = {_key(w) for w in data["time_before"]}
        self.date_nouns = {_key(w) for w in data["date_nouns"]}

        pod = _alt(self.pod_shift)
        wd = r"(?:thứ\s+(?:" + _alt(self.weekdays) + r")|" + _alt(self.sunday) + r")"
        pos = _alt(self.positions)
        nouns = _alt(self.date_nouns)
        mods = _alt(self.period_mods) + "|" + _alt(self.year_mods)
        units = _alt(self.units)
        numbers = _alt(self.numbers)
        conn = r"(?:-|–|—|đến|tới|và|hoặc|,)"
        flags = re.IGNORECASE
        lead = (
            r"(?P<lead>(?:(?P<pod>" + pod + r")\s+)?(?:(?P<wd>" + wd + r")(?:\s*,\s*|\s+))?"
            r"(?:(?P<noun>" + nouns + r")\s+)?)"
        )
        mod_after = r"(?P<mod>\s+(?:" + _MODS_AFTER_DATE + r"))?"
        # Dates with digits, with an optional list/range head: "sáng 26/4", "thứ Năm, ngày 8/1", "20-22/11".
        self.r_dm = re.compile(
            r"(?<![\w/.,-])" + lead + r"(?P<po>\(\s*)?"
            r"(?P<head>(?:\d{1,2}\s*" + conn + r"\s*(?:(?:" + nouns + r")\s+)?)*)"
            + _NUM_DATE + r"(?(po)\s*\))" + mod_after,
            flags,
        )
        # Dates in words: "ngày 8 tháng 1 năm 2015", "mùng 2 tháng 9".
        self.r_dmw = re.compile(
            r"(?<![\w/.,-])" + lead + r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})"
            r"(?:\s*,?\s*năm\s+(?P<y>" + _YEAR + r"))?" + _END_NUM + mod_after,
            flags,
        )
        # Days relative to the article's date, with an optional explicit date: "Hôm qua (25/4)", "sáng nay".
        ex = (
            r"(?P<ex>(?:\s*\(\s*|\s*,\s*|\s+)(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})"
            r"(?:(?P=sep)(?P<y>" + _YEAR + r"))?" + _END_NUM + r"(?P<pc>\s*\))?)?"
        )
        self.r_relday = re.compile(
            r"(?<!\w)(?:(?:(?P<pod>" + pod + r")\s+)?(?P<rd>" + _alt(self.relative_days) + r")"
            r"|(?P<pod2>" + pod + r")\s+(?P<rp>" + _alt(self.pod_relative) + r"))\b" + ex,
            flags,
        )
        # Weekdays without a date after them: "thứ Hai tuần trước", "tối thứ Năm", "hôm Chủ nhật".
        self.r_weekday = re.compile(
            r"(?<!\w)(?:(?P<pod>" + pod + r")\s+)?(?:(?P<noun>hôm|ngày)\s+)?(?P<wd>" + wd + r")\b"
            r"(?P<mod>\s+(?:tuần\s+(?:" + _alt(self.period_mods) + r")|" + _MODS_AFTER_DATE + r"|rồi)\b)?"
            r"(?P<set>\s+(?:hàng|hằng|mỗi)\s+tuần\b)?"
            r"(?!\s*(?:,\s*)?(?:(?:" + nouns + r")\s+)?\(?\s*\d)",
            flags,
        )
        # Months: "tháng 9/2018", "tháng 12 năm 1999", "cuối tháng 9", "tháng 9 tới", "tháng 5-6".
        self.r_month = re.compile(
            r"(?<!\w)(?:(?P<pos>" + pos + r")\s+)?tháng\s+"
            r"(?P<head>(?:\d{1,2}\s*(?:-|–|và|đến|tới)\s*(?:tháng\s+)?)*)(?P<m>\d{1,2})"
            r"(?:\s*(?:[/.-]|,?\s*năm)\s*(?P<y>" + _YEAR + r"))?" + _END_NUM +
            r"(?!\s*(?:tháng|ngày|tuần|giờ|tiếng|phút|quý)\b)"
            r"(?P<mod>\s+(?:năm\s+(?:" + mods + r")|tới\s+đây|sắp\s+tới|vừa\s+qua|vừa\s+rồi|tới|này)\b)?"
            r"(?P<yearly>\s+(?:hàng|hằng|mỗi)\s+năm\b)?",
            flags,
        )
        years = r"(?P<ys>" + _YEAR + r"(?:(?:\s*(?:-|–|—|đến|tới|và|hoặc)\s*(?:năm\s+)?|,\s*)" + _YEAR + r")*)"
        self.r_year = re.compile(
            r"(?<!\w)(?:(?P<pos>" + pos + r")\s+)?năm\s+" + years + r"(?![\d]|[/.,]\d)", flags
        )
        self.r_bareyear = re.compile(
            r"(?<!\w)(?P<pre>" + _alt(self.bare_year_strong | self.bare_year_weak) + r")\s+"
            r"(?:(?P<pos>" + pos + r")\s+)?" + years + r"(?![\d]|[/.,]\d|\s*[%‰])", flags
        )
        self.r_year_follow = re.compile(
            r"\s*(?:$|[,.;:!?)\]}”\"'…–—-]|(?:" + _alt(data["bare_year_followers"]) + r")\b)", flags
        )
        self.r_quarter = re.compile(
            r"(?<!\w)(?:(?P<pos>" + pos + r")\s+)?quý\s+(?P<q>(?-i:IV|I{1,3})|[1-4])(?!\w)"
            r"(?:\s*(?:[/.-]|,?\s*năm)\s*(?P<y>" + _YEAR + r"))?" + _END_NUM +
            r"(?P<mod>\s+(?:năm\s+(?:" + mods + r")|tới\s+đây|sắp\s+tới|vừa\s+qua|tới|này)\b)?",
            flags,
        )
        self.r_decade = re.compile(
            r"(?<!\w)(?:(?P<pos>" + pos + r")\s+)?(?:" + _alt(data["decade_nouns"]) + r")\s+"
            r"(?P<dec>(?:19|20)?\d0)(?:s)?(?!\w)(?!\s*(?:-|–|và|,|đến|tới)\s*\d)",
            flags,
        )
        # "tuần trước", "tháng tới", "năm ngoái", "quý này", "cuối năm nay"; "từ đầu năm".
        self.r_periodrel = re.compile(
            r"(?<!\w)(?:(?P<pos>" + pos + r")\s+)?(?P<unit>tuần(?:\s+lễ)?|tháng|năm|quý)"
            r"(?:\s+(?P<mod>" + mods + r"))?\b(?!\s+(?:đó|ấy|khi|nữa|qua\s+năm|\d))",
            flags,
        )
        ana_words = _alt(set(self.anaphoric) | set(self.anaphoric_pod))
        self.r_ana = re.compile(
            r"(?<!\w)(?:(?P<pod>" + pod + r")\s+)?(?:(?P<fixed>" + ana_words + r")\b"
            r"(?!\s+(?:\d|năm\b|tháng\b|ngày\b))"
            r"|(?P<u1>ngày|tuần|tháng|năm)\s+(?P<d1>trước|sau)\s+đó\b)",
            flags,
        )
        self.r_num = re.compile(
            r"(?<![\w.,/-])(?P<cach>cách\s+đây\s+)?(?P<n>\d{1,3}(?:\.\d{3})+(?![\d.])|\d+(?:,\d+)?|" + numbers
            + r")\s+(?P<u>" + units + r")\b"
            r"(?P<tail>\s+(?:trước\s+đó|sau\s+đó|trước\s+đây|trở\s+lại\s+đây|gần\s+đây|trước|sau|nữa|qua|tới)"
            r"\b)?",
            flags,
        )
        self.r_set = re.compile(
            r"(?<!\w)(?:mỗi|hàng|hằng)\s+(?:(?P<n>\d{1,3})\s+)?(?P<u>" + _alt(self.set_values) + r")\b"
            r"(?!\s+trời)",
            flags,
        )
        self.r_vague = re.compile(r"(?<!\w)(?:(?P<v>" + _alt(self.vague) + r")|(?P<hien>hiện))\b", flags)
        self.r_time = re.compile(
            r"(?<![\w.,:/-])(?:(?P<lead>" + _alt(self.time_before) + r")\s+)?(?P<h>\d{1,2})\s*"
            r"(?:(?P<hh>h|g)(?P<mi>\d{2})?|giờ(?:\s*(?P<mi2>\d{1,2})(?:\s*phút)?)?)\b"
            r"(?:\s+(?P<pod>" + pod + r")(?!\s+(?:nay|qua|mai|hôm|ngày|cùng|thứ|chủ|\d)))?",
            flags,
        )
        self.r_pod_after = re.compile(r"\s+(" + pod + r")\b", flags)
        self.r_lunar = re.compile(r"\s*\(?\s*(?:" + _alt(data["lunar"]) + r")\b", flags)
        self.r_future = re.compile(r"(?<!\w)(?:" + _alt(data["future_cues"]) + r")(?!\w)", flags)
        self.r_prev_words = re.compile(r"(\w+)(?:\W+(\w+))?\W*$")
        self.r_next_word = re.compile(r"\s*(\w+)")
        self.r_after_date_noun = re.compile(r"\s*(?:ngày|tháng|năm|nay|hết|\d|giờ|lúc|tuần|quý)", flags)
        self.r_range_gap = re.compile(
            r"\s*(?:-|–|—|đến|tới|và|hoặc|cho\s+(?:đến|tới)|,)\s*(?:hết\s+)?(?:ngày\s+)?\Z", flags
        )
        self.r_time_gap_before = re.compile(r"[\s,]*\(?\s*\Z")
        self.r_time_gap_after = re.compile(r"\A[\s,]*(?:lúc|vào\s+lúc|vào|từ|khoảng)?\s*\Z", flags)
        self.r_digit = re.compile(r"\d")

        # Each pattern runs only when one of its trigger strings is in the lower-cased sentence.
        self.scanners = (
            (self.r_dm, ("/", "-", ".", "–"), True, self._on_dm),
            (self.r_dmw, ("tháng",), True, self._on_dmw),
            (self.r_relday, ("hôm", "mai", "nay", "qua", "kia", "mốt"), False, self._on_relday),
            (self.r_weekday, ("thứ", "chủ nhật"), False, self._on_weekday),
            (self.r_month, ("tháng",), True, self._on_month),
            (self.r_year, ("năm",), True, self._on_year),
            (self.r_bareyear, ("1", "2"), True, self._on_bareyear),
            (self.r_quarter, ("quý",), False, self._on_quarter),
            (self.r_decade, ("thập", "năm"), True, self._on_decade),
            (self.r_periodrel, ("tuần", "tháng", "năm", "quý"), False, self._on_periodrel),
            (self.r_ana, ("cùng", "hôm", "đó", "ấy"), False, self._on_ana),
            (self.r_num, tuple(self.units), False, self._on_num),
            (self.r_set, ("mỗi", "hàng", "hằng"), False, self._on_set),
            (self.r_vague, ("trước đó", "hiện", "nay"), False, self._on_vague),
            (self.r_time, ("h", "giờ", "g"), True, self._on_time),
        )

    # --- small helpers -----------------------------------------------------------------------------------

    def _prev_words(self, text: str, start: int) -> tuple[str, str]:
        """The last word and the last two words before ``start`` (lower case)."""
        m = self.r_prev_words.search(text, max(0, start - 40), start)
        if not m:
            return "", ""
        if m.group(2):
            return m.group(2).lower(), f"{m.group(1)} {m.group(2)}".lower()
        return m.group(1).lower(), m.group(1).lower()

    def _next_word(self, text: str, end: int) -> str:
        m = self.r_next_word.match(text, end)
        return m.group(1).lower() if m else ""

    def _hint(self, mod: str | None) -> int:
        if not mod:
            return 0
        mod = _key(mod)
        if mod in self.past_mods:
            return -1
        if mod in self.future_mods:
            return 1
        return 0

    def _trim_mod(self, text: str, m: re.Match) -> tuple[int, str | None]:
        """End of the match and its modifier, dropping a "tới"/"qua" that is a verb or a range word."""
        end = m.end("mod") if m.group("mod") else m.end()
        mod = m.group("mod")
        if not mod:
            return end, None
        word = _key(mod)
        after = text[m.end("mod"):]
        if word == "qua" and not re.match(r"\s*(?:$|[,.;:!?)\]”\"])", after):
            return m.start("mod"), None  # "ngày 20/11 qua đời"
        if word == "tới" and self.r_after_date_noun.match(after):
            return m.start("mod"), None  # "từ tháng 6 tới tháng 9", "ngày 1/2 tới nay"
        return end, word

    def _is_lunar(self, text: str, end: int) -> bool:
        return self.r_lunar.match(text, end) is not None

    def _weekday_ok(self, text: str, m: re.Match, context: bool) -> bool:
        """A weekday is capitalised ("thứ Hai", "Chủ nhật") or has a context word; "thứ hai" alone is "second"."""
        wd = m.group("wd")
        word = wd.split()[-1]
        if _key(wd) in self.sunday:
            return word[0].isupper() or wd[0].isupper() or context
        return (word[0].isupper() and not word[0].isdigit()) or context

    def _weekday_number(self, wd: str) -> int:
        key = _key(wd)
        if key in self.sunday:
            return 7
        return self.weekdays[key.split()[-1]]

    # --- handlers: match -> candidate (start, end, parts) or None -----------------------------------------

    def _on_dm(self, text: str, m: re.Match):
        d, mo, y = int(m.group("d")), int(m.group("m")), m.group("y")
        year = int(y) if y else None
        if not _valid_day(year, mo, d):
            return None
        end, mod = self._trim_mod(text, m)
        if self._is_lunar(text, end):
            return None
        head = m.group("head")
        lead_start = m.start()
        if m.group("wd") and not self._weekday_ok(text, m, bool(m.group("pod") or m.group("noun"))):
            # "lần thứ hai 5/6": keep the date, drop the ordinal.
            lead_start = m.end("wd")
            while lead_start < len(text) and not text[lead_start].isalnum():
                lead_start += 1
        strong = bool(m.group("pod") or m.group("wd") or m.group("noun") or m.group("po"))
        if year is None and not strong:
            dash_range = head and re.match(r"\d{1,2}\s*[-–]", head)
            prev1, prev2 = self._prev_words(text, m.start())
            after_ok = self._next_word(text, end) not in self.bare_date_blocked
            if not ((dash_range or prev1 in self.bare_date_before or prev2 in self.bare_date_before)
                    and after_ok and m.group("sep") == "/"):
                return None
        hint = self._hint(mod)
        has_lead = lead_start < m.start("lead") + len(m.group("lead") or "")
        parts = []
        if head:
            for i, hm in enumerate(re.finditer(r"(?:(?:" + _alt(self.date_nouns) + r")\s+)?(\d{1,2})", head, re.I)):
                hd = int(hm.group(1))
                if not _valid_day(year, mo, hd):
                    return None
                s = lead_start if i == 0 and has_lead else m.start("head") + hm.start()
                parts.append(_Part(s, m.start("head") + hm.end(), _Spec("cal", "day", year, mo, hd, hint=hint)))
        start = lead_start if has_lead and not head else m.start("d")
        if m.group("po") and not has_lead:
            end = m.end("y") if y else m.end("m")  # "(26/4)" alone: the date without its brackets
        parts.append(_Part(start, end, _Spec("cal", "day", year, mo, d, hint=hint)))
        return parts

    def _on_dmw(self, text: str, m: re.Match):
        d, mo, y = int(m.group("d")), int(m.group("m")), m.group("y")
        year = int(y) if y else None
        if not _valid_day(year, mo, d) or not (m.group("noun") or year):
            return None
        end, mod = self._trim_mod(text, m)
        if self._is_lunar(text, end):
            return None
        return [_Part(m.start(), end, _Spec("cal", "day", year, mo, d, hint=self._hint(mod)))]

    def _on_relday(self, text: str, m: re.Match):
        end = m.end()
        if m.group("ex"):
            d, mo, y = int(m.group("d")), int(m.group("m")), m.group("y")
            year = int(y) if y else None
            if _valid_day(year, mo, d):
                if m.group("pc") and "(" not in m.group("ex"):
                    end = m.start("pc")
                return [_Part(m.start(), end, _Spec("cal", "day", year, mo, d))]
            end = m.start("ex")
        if m.group("rd"):
            offset = self.relative_days[_key(m.group("rd"))]
        else:
            offset = self.pod_relative[_key(m.group("rp"))]
            if offset == -1 and not re.match(r"\s*(?:$|[^\w\s]|\w)", text[end:]):
                return None
        return [_Part(m.start(), end, _Spec("rel", "day", unit="day", offset=offset))]

    def _on_weekday(self, text: str, m: re.Match):
        mod = _key(m.group("mod")) if m.group("mod") else None
        end = m.end()
        if mod == "tới" and self.r_after_date_noun.match(text, m.end("mod")):
            mod, end = None, m.start("mod")
        context = bool(m.group("pod") or (m.group("noun") or "").lower() == "hôm" or mod or m.group("set"))
        if not self._weekday_ok(text, m, context):
            return None
        wd = self._weekday_number(m.group("wd"))
        if m.group("set"):
            return [_Part(m.start(), end, _Spec("set", extra=f"XXXX-WXX-{wd}"))]
        return [_Part(m.start(), end, _Spec("wd", "day", extra=(wd, mod)))]

    def _on_month(self, text: str, m: re.Match):
        mo, y = int(m.group("m")), m.group("y")
        if not 1 <= mo <= 12:
            return None
        end = m.end()
        if m.group("yearly"):
            return [_Part(m.start(), end, _Spec("set", extra=f"XXXX-{mo:02d}"))]
        end, mod = self._trim_mod(text, m)
        if self._is_lunar(text, end):
            return None
        year = int(y) if y else None
        unit, offset, hint = None, 0, self._hint(mod)
        if mod and mod.startswith("năm"):
            word = _key(mod[3:])
            unit, offset, hint = "year", self.year_mods.get(word, self.period_mods.get(word, 0)), 0
        parts = []
        head = m.group("head")
        if head:
            for hm in re.finditer(r"(?:tháng\s+)?(\d{1,2})", head, re.I):
                hmo = int(hm.group(1))
                if not 1 <= hmo <= 12:
                    return None
                s = m.start() if not parts else m.start("head") + hm.start()
                hy = year - 1 if year and hmo > mo else year
                parts.append(_Part(s, m.start("head") + hm.end(), _Spec("cal", "month", hy, hmo, None, unit, offset, hint)))
        start = m.start("m") if head and not re.search(r"tháng\s*$", head, re.I) else (
            m.start("m") - len(re.search(r"tháng\s*$", head, re.I).group(0)) if head else m.start())
        parts.append(_Part(start, end, _Spec("cal", "month", year, mo, None, unit, offset, hint)))
        return parts

    def _years(self, m: re.Match, first_start: int):
        parts = []
        for i, ym in enumerate(re.finditer(_YEAR, m.group("ys"))):
            s = first_start if i == 0 else m.start("ys") + ym.start()
            parts.append(_Part(s, m.start("ys") + ym.end(), _Spec("cal", "year", int(ym.group(0)))))
        return parts

    def _on_year(self, text: str, m: re.Match):
        return self._years(m, m.start())

    def _on_bareyear(self, text: str, m: re.Match):
        pre = _key(m.group("pre"))
        if pre not in self.bare_year_strong and not self.r_year_follow.match(text, m.end()):
            return None
        if m.group("pos"):
            first = m.start("pos")
        elif pre in self.positions:
            first = m.start("pre")
        else:
            first = m.start("ys")
        return self._years(m, first)

    def _on_quarter(self, text: str, m: re.Match):
        prev1, prev2 = self._prev_words(text, m.start())
        if not m.group("pos") and (prev1 in self.not_quarter_after or prev2 in self.not_quarter_after):
            return None
        q = m.group("q")
        q = self.roman[q] if q in self.roman else int(q)
        end, mod = self._trim_mod(text, m)
        year = int(m.group("y")) if m.group("y") else None
        unit, offset, hint = None, 0, self._hint(mod)
        if mod and mod.startswith("năm"):
            word = _key(mod[3:])
            unit, offset, hint = "year", self.year_mods.get(word, self.period_mods.get(word, 0)), 0
        return [_Part(m.start(), end, _Spec("cal", "quarter", year, 3 * q - 2, None, unit, offset, hint, extra=q))]

    def _on_decade(self, text: str, m: re.Match):
        dec = m.group("dec")
        decade = int(dec) if len(dec) == 4 else 1900 + int(dec)
        return [_Part(m.start(), m.end(), _Spec("dec", "year", decade))]

    def _on_periodrel(self, text: str, m: re.Match):
        unit_word = _key(m.group("unit")).split()[0]
        unit = {"tuần": "week", "tháng": "month", "năm": "year", "quý": "quarter"}[unit_word]
        prev1, prev2 = self._prev_words(text, m.start())
        if prev1 in self.plural_before or prev2 in self.plural_before:
            return None
        mod = _key(m.group("mod")) if m.group("mod") else None
        if mod is None:
            # Only "từ đầu năm", "kể từ đầu tháng": a position without modifier is otherwise vague.
            if not m.group("pos") or prev1 not in ("từ",) or unit not in ("year", "month"):
                return None
            offset = 0
        else:
            if mod in self.unit_without.get(unit_word, ()):
                return None
            if mod in self.year_mods and unit != "year":
                return None
            offset = self.year_mods.get(mod, self.period_mods.get(mod))
        if unit == "quarter" and (prev1 in self.not_quarter_after or prev2 in self.not_quarter_after):
            return None
        end = m.end()
        if mod == "tới" and self.r_after_date_noun.match(text, end):
            return None
        return [_Part(m.start(), end, _Spec("rel", unit, unit=unit, offset=offset))]

    def _on_ana(self, text: str, m: re.Match):
        prev1, prev2 = self._prev_words(text, m.start())
        if m.group("fixed"):
            key = _key(m.group("fixed"))
            if key in self.anaphoric_pod:
                if not m.group("pod"):
                    return None
                unit, offset = self.anaphoric_pod[key]
            else:
                unit, offset = self.anaphoric[key]
            if key.split()[0] in ("tuần", "tháng", "năm") and (prev1 in self.plural_before or prev2 in self.plural_before):
                return None
        else:
            unit = {"ngày": "day", "tuần": "week", "tháng": "month", "năm": "year"}[_key(m.group("u1"))]
            offset = -1 if _key(m.group("d1")) == "trước" else 1
            if prev1 in self.plural_before or prev2 in self.plural_before:
                return None
        return [_Part(m.start(), m.end(), _Spec("ana", unit, unit=unit, offset=offset))]

    def _on_num(self, text: str, m: re.Match):
        n_text = _key(m.group("n"))
        u = _key(m.group("u"))
        code = self.units[u]
        if n_text in self.numbers:
            if f"{n_text} {u}" in self.not_number_unit or u == "tháng" and n_text == "năm":
                return None
            prev1, _ = self._prev_words(text, m.start())
            if prev1 == "thứ":
                return None  # "thứ ba" is a weekday or an ordinal
            if re.match(r"\s+(?:nào|kia|đẹp\s+trời)\b", text[m.end("u"):], re.I):
                return None
            n = self.numbers[n_text]
        else:
            n = float(n_text.replace(".", "").replace(",", "."))
        n_str = _num_str(n)
        if code in ("H", "MIN"):
            value = f"PT{n_str}{'M' if code == 'MIN' else 'H'}"
            return [_Part(m.start("n"), m.end("u"), _Spec("dur", extra=value))]
        if code == "DE":
            value, code, n = f"P{_num_str(n * 10)}Y", "Y", n * 10
        elif code == "Q":
            value = f"P{_num_str(n * 3)}M"
        else:
            value = f"P{n_str}{code}"
        unit = {"D": "day", "W": "week", "M": "month", "Y": "year", "Q": "quarter"}[code]
        tail = _key(m.group("tail")) if m.group("tail") else None
        start = m.start("cach") if m.group("cach") else m.start("n")
        whole = n == int(n)
        after_tail = text[m.end():]
        end_of_clause = re.match(r"\s*(?:$|[,.;:!?)\]”\"])", after_tail) is not None
        if m.group("cach") and whole:
            return [_Part(start, m.end("u"), _Spec("rel", unit, unit=unit, offset=-int(n), extra=value))]
        start = m.start("n")
        if tail and whole:
            if tail == "trước đó":
                return [_Part(start, m.end(), _Spec("ana", unit, unit=unit, offset=-int(n), extra=value))]
            if tail == "sau đó" or (tail == "sau" and end_of_clause):
                return [_Part(start, m.end(), _Spec("ana", unit, unit=unit, offset=int(n), extra=value))]
            if tail == "trước đây" or (tail == "trước" and end_of_clause):
                return [_Part(start, m.end(), _Spec("rel", unit, unit=unit, offset=-int(n), extra=value))]
            if tail == "nữa":
                return [_Part(start, m.end(), _Spec("rel", unit, unit=unit, offset=int(n), extra=value))]
        if tail in ("qua", "tới", "trở lại đây", "gần đây"):
            return [_Part(start, m.end(), _Spec("dur", extra=value))]
        return [_Part(start, m.end("u"), _Spec("dur", extra=value))]

    def _on_set(self, text: str, m: re.Match):
        u = _key(m.group("u"))
        value = self.set_values[u]
        if m.group("n"):
            n = int(m.group("n"))
            num, code = re.match(r"P(\d+)(\w)", value).groups()
            value = f"P{n * int(num)}{code}"
        return [_Part(m.start(), m.end(), _Spec("set", extra=value))]

    def _on_vague(self, text: str, m: re.Match):
        word = _key(m.group(0))
        if word.startswith("hiện"):
            prev1, _ = self._prev_words(text, m.start())
            if prev1 in self.hien_not_after:
                return None  # "thực hiện tại Hà Nội", "phát hiện"
        if m.group("hien"):
            nxt = self._next_word(text, m.end())
            if not nxt or nxt in self.hien_not_before or not re.match(r"\s+\w", text[m.end():]):
                return None
            return [_Part(m.start(), m.end(), _Spec("ref", extra="PRESENT_REF"))]
        return [_Part(m.start(), m.end(), _Spec("ref", extra=self.vague[word]))]

    def _on_time(self, text: str, m: re.Match):
        h = int(m.group("h"))
        mi = m.group("mi") or m.group("mi2")
        minute = int(mi) if mi else 0
        if h > 24 or minute > 59:
            return None
        lead = _key(m.group("lead")) if m.group("lead") else None
        after = text[m.end():]
        dated_after = re.match(r"\s*,?\s*(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng|cùng|\d{1,2}/\d)", after, re.I)
        if m.group("hh"):
            if m.group("hh").lower() == "g" and not m.group("mi"):
                return None  # "5G"
            if not (m.group("mi") or lead or m.group("pod") or dated_after):
                return None  # "24h" is also a newspaper
        elif not (lead or m.group("pod") or dated_after):
            return None  # "24 giờ" is a duration
        pod = m.group("pod")
        if not pod:
            pm = self.r_pod_after.match(text, m.end())
            pod = pm.group(1) if pm else None
        if pod and h < 12 and self.pod_shift.get(_key(pod), 0):
            h += 12
        return [_Part(m.start("h"), m.end(), _Spec("time", extra=(h % 24 if h == 24 else h, minute)))]

    # --- one sentence --------------------------------------------------------------------------------------

    def candidates(self, text: str) -> list[_Part]:
        """The non-overlapping parts of one sentence, in order of appearance."""
        low = text.lower()
        has_digit = self.r_digit.search(text) is not None
        found = []
        for regex, triggers, needs_digit, handler in self.scanners:
            if needs_digit and not has_digit:
                continue
            if not any(t in low for t in triggers):
                continue
            for m in regex.finditer(text):
                parts = handler(text, m)
                if parts:
                    found.append((min(p.start for p in parts), max(p.end for p in parts), parts))
        if not found:
            return []
        # Longest first, then earliest: "tháng 9 năm 2018" beats "9 năm", "ngày 20 và 21/11" beats "2 ngày".
        found.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken: list[tuple[int, int]] = []
        chosen: list[_Part] = []
        for start, end, parts in found:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            chosen.extend(parts)
        chosen.sort(key=lambda p: p.start)
        return self._link_ranges(text, chosen)

    def _link_ranges(self, text: str, parts: list[_Part]) -> list[_Part]:
        """An endpoint without a year takes the next endpoint's: "từ 30/4 đến hết ngày 2/5/2021"."""
        for i in range(len(parts) - 2, -1, -1):
            a, b = parts[i], parts[i + 1]
            sa, sb = a.spec, b.spec
            if not (sa.tag == sb.tag == "cal" and sa.year is None and sa.unit is None and sb.year is not None):
                continue
            if sa.prec not in ("day", "month") or sb.prec not in ("day", "month"):
                continue
            if not self.r_range_gap.match(text[a.end:b.start]):
                continue
            later = (sb.month, sb.day or 1)
            year = sb.year - 1 if (sa.month, sa.day or 1) > later else sb.year
            parts[i] = a._replace(spec=sa._replace(year=year, extra=("inherited", sa.extra)))
        return parts


@functools.cache
def _grammar(language: str) -> _Grammar:
    return _Grammar(language)


# ---------------------------------------------------------------------------------------------------------
# Resolution


def _valid_day(year: int | None, month: int, day: int) -> bool:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    try:
        dt.date(year if year else 2000, month, day)  # 2000 is a leap year: 29/2 stays possible
    except ValueError:
        return False
    return True


def _num_str(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


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
        if spec.hint < 0 and diff > 0 or spec.hint > 0 and diff < 0:
            continue
        preferred = 1 if (spec.hint > 0 or spec.hint == 0 and future) else -1
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
        if tag == "rel":
            if anchor_date is None:
                return "date", _UNKNOWN[spec.prec], None, spec.prec, None
            value, first = _period(_shift(anchor_date, spec.unit, spec.offset) if spec.unit in ("day", "week")
                                   else _shift(anchor_date.replace(day=1), spec.unit, spec.offset), spec.prec)
            return "date", value, first, spec.prec, state.anchor
        if tag == "ana":
            base, anchor = state.base(spec.unit)
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
    grammar = _grammar(language)
    state = _State(_as_date(anchor_date), anchor)
    for sentence in sentences:
        if sentence.kind in _SKIP_KINDS or not sentence.text:
            continue
        text = sentence.text
        parts = grammar.candidates(text)
        if not parts:
            continue
        future = grammar.r_future.search(text) is not None
        moves_previous = sentence.kind not in _NO_PREVIOUS_KINDS
        resolved: list[Resolved | None] = []
        for part in parts:
            if part.spec.tag == "time":
                resolved.append(None)
                continue
            r = _resolve(part.spec, state, future)
            if part.spec.tag == "cal" and isinstance(part.spec.extra, tuple) and r[4] is not None:
                r = (*r[:4], "absolute")  # the year came from the range's other, explicit endpoint
            resolved.append(r)
            if moves_previous and r[0] == "date" and r[2] is not None:
                state.prev_any = (r[2], r[3])
                if r[3] == "day":
                    state.prev_day = r[2]
        for i, part in enumerate(parts):
            if resolved[i] is None:
                resolved[i] = _resolve_time(grammar, text, parts, resolved, i)
        for part, (kind, value, date, precision, anc) in zip(parts, resolved):
            yield Timex(
                sentence.sentence_id,
                sentence.start + part.start,
                sentence.start + part.end,
                text[part.start:part.end],
                kind,
                value,
                date,
                precision,
                anc,
            )


def _resolve_time(grammar: _Grammar, text: str, parts, resolved, i: int) -> Resolved:
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

    >>> [t.value for t in find_timexes("Hôm qua, ngày 22/11, hai bên gặp nhau.", anchor_date="2018-11-23")]
    ['2018-11-22']
    """
    sentence = Sentence(0, 0, "body", 0, len(text), text, False)
    return list(iter_timexes([sentence], anchor_date=anchor_date, anchor=anchor, language=language))
