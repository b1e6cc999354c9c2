"""The pattern grammar of temporal expressions: what ``newsframes.timexes`` finds before it resolves dates.

The vocabulary comes from ``data/<language>/timex.yaml``; the patterns are built from it here, once per language
(:func:`grammar`). :meth:`Grammar.scan` reads all the sentences of an article at once and returns, for each
sentence that has any, its non-overlapping expressions as ``_Part`` tuples (offsets in the sentence) carrying a
``_Spec``: what the expression means before it is resolved against the article's dates (``timexes.py``).

How a scan runs, and why it is fast:

* the sentences are joined (one lower-cased copy of the article, same offsets) and one Aho-Corasick automaton
  finds every place where a pattern may begin: a number, or the words a pattern starts with ("tháng 9",
  "năm nay", "hôm qua", "thứ Hai" ...). Most sentences have none and cost nothing more;
* at each such place only the patterns that may begin there are tried (``re.match`` at that offset), and each
  match is judged by its handler (``_on_*``), which reads the words around it and may reject it ("1/3 số
  phiếu", "thực hiện") or widen it ("sáng 26/4");
* where candidates overlap the longest wins (then the earliest), so "tháng 9 năm 2018" beats "9 năm".

The patterns run case-sensitively on the lower-cased copy and each begins with a required literal or digit;
what may stand before that core (a part of the day, a weekday, "ngày", "cuối") is read backwards from the
match's start.
"""
from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

import ahocorasick

from .resources import load_yaml


class _Spec(NamedTuple):
    """What one expression means before it is resolved against the article's dates."""

    tag: str  # cal | rel | ana | wd | dec | dur | set | ref | time
    prec: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    unit: str | None = None  # rel/ana: day|week|month|quarter|year; cal: "year" when the year is relative
    offset: int = 0
    hint: int = 0  # -1 look back, +1 look forward, 2 lean forward ("đến tháng 10"), 0 nearest (the sentence leans)
    extra: Any = None  # quarter; weekday; duration/set value; (hour, minute); duration fallback of rel/ana
    inherited: bool = False  # the year was taken from the other end of a range


class _Part(NamedTuple):
    start: int
    end: int
    spec: _Spec


# The same meanings recur ("năm 2018", "P3D", PRESENT_REF): specs are immutable, so each is built once.
_spec = functools.lru_cache(maxsize=4096)(_Spec)

# ---------------------------------------------------------------------------------------------------------
# Helpers


def _alt(words) -> str:
    """An alternation of ``words`` (longest first), spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _lower(text: str) -> str:
    """``text`` in lower case with the same length (a character whose lower case is longer is kept)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_YEAR = r"(?:1[5-9]|20)\d\d"
_END_NUM = r"(?![\d]|[/.,-]\d|/[^\W\d_])"  # the number ends here: not 5/2018/NĐ-CP, not 1.500
_END_DATE = r"(?!\d|[/.,]\d|[-–]\d(?!\d?[/.]\d)|/[^\W\d_])"  # ... but "30/4-1/5" is two dates
_CLAUSE_END = re.compile(r"\s*(?:$|[,.;:!?)\]}”\"'…])")
_WORD_AFTER = (" ", "\n", "\t", "\u00a0", "(", "[", '"', "“", "'", "‘", "-", "–", "—", "/", ",", ".", ":", ";")
_NUMBER_AFTER = (" ", "\n", "\t", "\u00a0", "(", "[", '"', "“", "'", "‘", "-", "–", "—", "*", "~", "…", "=", "•", "·")
_CLOSING = re.compile(r"\s*\)")
_DATE_SEPARATORS = frozenset("/.-–—,")
_PUNCT = "()[]{}\"'“”‘’«»,.;:!?…-–—/"
_UNIT_EN = {"tuần": "week", "tháng": "month", "năm": "year", "quý": "quarter", "ngày": "day"}
_DAY_NUMBERS = re.compile(r"\d{1,2}")
_DASH = re.compile(r"[-–—]")
_DASH_RANGE = re.compile(r"\d{1,2}\s*[-–]")
_YEARS = re.compile(_YEAR)
_NEXT_WORD = re.compile(r"\s+(\w+)")
_WORD_SPACE_END = re.compile(r"\w\s+\Z")
_MONTH_TAIL = re.compile(r"tháng\s+\Z")
_SET_VALUE = re.compile(r"P(\d+)(\w)")
_new = tuple.__new__  # builds a named tuple without its Python-level __new__ (a third of the cost)
_START = operator.attrgetter("start")


def _LONGEST_FIRST(candidate):
    return candidate[0] - candidate[1], candidate[0]


_UNIT_OF_CODE = {"D": "day", "W": "week", "M": "month", "Y": "year", "Q": "quarter"}


def _peek(low: str, i: int) -> str:
    """The character at ``i``, or after it when it is a space: enough to tell that most short patterns fail there
    (a regex call costs more than the few patterns it saves); a whitespace result means "ask the regex"."""
    c = low[i:i + 1]
    return low[i + 1:i + 2] if c == " " else c


def _valid_day(year: int | None, month: int, day: int) -> bool:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    if day <= 28:
        return True
    try:
        dt.date(year if year else 2000, month, day)  # 2000 is a leap year: 29/2 stays possible
    except ValueError:
        return False
    return True


def _num_str(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


# ---------------------------------------------------------------------------------------------------------
# The grammar


class Grammar:
    def __init__(self, language: str):
        data = load_yaml(language, "timex.yaml")

        def words(name):
            return {_key(str(w)) for w in data[name]}

        def mapping(name):
            return {_key(str(k)): v for k, v in data[name].items()}

        self.pod_shift = mapping("parts_of_day")
        self.weekdays = mapping("weekdays")
        self.sunday = words("sunday")
        self.relative_days = mapping("relative_days")
        self.pod_relative = mapping("part_of_day_relative")
        self.period_mods = mapping("period_modifiers")
        self.year_mods = mapping("year_modifiers")
        self.unit_without = {u: {_key(m) for m in ms} for u, ms in data["unit_without"].items()}
        self.plural_before = words("plural_before")
        self.not_quarter_after = words("not_quarter_after")
        self.past_mods = words("past_modifiers")
        self.future_mods = words("future_modifiers")
        self.positions = words("positions")
        self.units = mapping("units")
        self.number_units = mapping("number_units")
        self.number_after_ten = mapping("number_after_ten")
        self.number_ten, self.number_tens = _key(data["number_ten"]), _key(data["number_tens"])
        self.number_half = _key(data["number_half"])
        self.numbers = set(self.number_units) | {self.number_ten, self.number_half}
        self.ordinal_before = words("ordinal_before")
        self.forward_before = words("forward_before")
        self.not_forward_before = words("not_forward_before")
        self.number_scales = words("number_scales")
        self.not_number_unit = words("not_number_unit")
        self.set_values = mapping("set_values")
        self.anaphoric = {k: tuple(v) for k, v in mapping("anaphoric").items()}
        self.anaphoric_pod = {k: tuple(v) for k, v in mapping("anaphoric_with_part_of_day").items()}
        self.vague = mapping("vague")
        self.hien_not_after = words("hien_not_after")
        self.hien_not_before = words("hien_not_before")
        self.bare_date_before = words("bare_date_before")
        self.bare_date_blocked = words("bare_date_not_followed_by")
        self.bare_year_strong = words("bare_year_strong")
        self.bare_year_weak = words("bare_year_weak")
        self.roman = {str(k).lower(): v for k, v in data["roman_quarters"].items()}
        self.time_before = words("time_before")
        self.date_nouns = words("date_nouns")
        self.month_words = mapping("month_words")
        self.month_ambiguous = words("month_words_ambiguous")
        self.month_context = words("month_word_context")
        self.month_not_followed = words("month_word_not_followed_by")
        self.month_not_after = words("month_word_not_after")
        self.position_alone_after = words("position_alone_after")
        self.seasons = {k: tuple(v) for k, v in mapping("seasons").items()}
        self.century_mods = mapping("century_modifiers")
        self.season_mods = mapping("season_modifiers")
        self.roman_numerals = {"i": 1, "v": 5, "x": 10, "l": 50}

        c = re.compile
        pod, pos, nouns = _alt(self.pod_shift), _alt(self.positions), _alt(self.date_nouns)
        wd = r"(?:thứ\s+(?:" + _alt(self.weekdays) + r")|" + _alt(self.sunday) + r")"
        mods = _alt(set(self.period_mods) | set(self.year_mods))
        date_mods = r"tới\s+đây|sắp\s+tới|vừa\s+qua|vừa\s+rồi|tới|qua|này"
        conn = r"(?:-|–|—|đến|tới|và|hoặc|,)"
        self.mod_after = c(r"\s+(" + date_mods + r")\b")
        self.year_mod_after = c(r"\s+(năm\s+(?:" + mods + r")|tới\s+đây|sắp\s+tới|vừa\s+qua|vừa\s+rồi|tới|này)\b")

        # Cores. Dates with digits (with a list/range head): "26/4", "20-22/11", "20 đến 22/11", "24.5.2018".
        year_after = r"(?:(?P=sep)(?P<y>" + _YEAR + r")|\s+năm\s+(?P<y2>" + _YEAR + r"))?" + _END_DATE
        self.r_dm = c(
            r"(?P<x>\d{1,2})(?P<more>(?:\s*" + conn + r"\s*(?:(?:" + nouns + r")\s+)?\d{1,2})*)"
            r"(?P<sep>[/.])(?P<m>\d{1,2})" + year_after
        )
        # "ngày 30-4", "24-5-2018", "ngày 30-4 và 1-5": with a dash as separator, lists are joined by words.
        self.r_dm_dash = c(
            r"(?P<x>\d{1,2})(?P<more>(?:\s*(?:đến|tới|và|hoặc|,)\s*(?:(?:" + nouns + r")\s+)?\d{1,2})*)"
            r"(?P<sep>-)(?P<m>\d{1,2})" + year_after
        )
        # A date just before, with a range or list word: "30/4 - 1/5", "30/4 và 1/5", "từ 15/3 đến hết 30/4".
        self.r_date_before = {
            sep: c(
                r"\d{1,2}" + re.escape(sep) + r"\d{1,2}(?:" + re.escape(sep) + r"\d{4})?\)?\s*(?:"
                + ("[-–—,]" if sep != "-" else "[–—,]") + r"|và|hoặc|(?:đến|tới)(?:\s+hết)?)\s*\Z"
            )
            for sep in "/.-"
        }
        self.r_date_after = c(r"\s*[-–—]\s*\d{1,2}/\d{1,2}(?!\d)")
        self.r_dmw = c(r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*,?\s*năm\s+(?P<y>" + _YEAR + r"))?" + _END_NUM)
        self.r_relday = c(
            r"(?:(?P<rd>" + _alt(self.relative_days) + r")|(?P<pod>" + pod + r")\s+(?P<rp>"
            + _alt(self.pod_relative) + r"))\b"
        )
        self.r_explicit = c(
            r"(?:\s*\(\s*|\s*,\s*|\s+)(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>"
            + _YEAR + r"))?" + _END_NUM + r"(?P<pc>\s*\))?"
        )
        self.r_weekday = c(
            r"(?P<wd>" + wd + r")\b(?:(?P<mod>\s+(?:tuần\s+(?:lễ\s+)?(?:" + _alt(self.period_mods) + r")|"
            + date_mods + r"|rồi)\b)|(?P<set>\s+(?:hàng|hằng|mỗi)\s+tuần\b)"
            r"|(?!\s*(?:,\s*)?(?:(?:" + nouns + r")\s+)?\(?\s*\d))"
        )
        self.r_month = c(
            r"tháng\s+(?P<head>(?:\d{1,2}\s*(?:-|–|và|đến|tới)\s*(?:tháng\s+)?)*)(?P<m>\d{1,2}|(?P<mw>"
            + _alt(self.month_words) + r")(?!\w))"
            r"(?:(?:\s*(?:[/.-]|,?\s*năm)\s*|(?<!\d)\s+)(?P<y>" + _YEAR + r"))?" + _END_NUM
            + r"(?!\s*(?:tháng|ngày|tuần|giờ|tiếng|phút|quý)\b)(?P<yearly>\s+(?:hàng|hằng|mỗi)\s+năm\b)?"
        )
        years = r"(?P<ys>" + _YEAR + r"(?:(?:\s*(?:-|–|—|đến|tới|và|hoặc)\s*(?:năm\s+)?|,\s*)" + _YEAR + r")*)"
        self.r_year = c(r"năm\s+" + years + r"(?![\d]|[/.,]\d)")
        self.r_bareyear = c(years + r"(?![\d]|[/.,]\d|\s*[%‰])")
        self.r_year_follow = c(
            r"\s*(?:$|[,.;:!?)\]}”\"'…–—-]|(?:" + _alt(data["bare_year_followers"]) + r")\b)"
        )
        self.r_quarter = c(
            r"quý\s+(?P<q>iv|i{1,3}|[1-4])(?!\w)(?:\s*(?:[/.-]|,?\s*năm)\s*(?P<y>" + _YEAR + r"))?" + _END_NUM
        )
        # Seasons and centuries: "mùa thu năm nay", "mùa đông 2020"; "thế kỷ 21", "thế kỷ XXI", "thế kỷ trước".
        self.r_season = c(
            r"mùa\s+(?P<s>" + _alt(self.seasons) + r")\s+(?:(?:năm\s+)?(?P<y>" + _YEAR + r")(?![\d]|[/.,]\d)"
            r"|năm\s+(?P<mod>" + _alt(set(self.year_mods) | {k for k, v in self.period_mods.items() if v}) + r")\b"
            r"|(?P<smod>" + _alt(self.season_mods) + r")\b)"
        )
        self.r_century = c(
            r"(?:" + _alt(data["century_nouns"]) + r")\s+(?:(?:thứ\s+)?(?P<n>\d{1,2}|[ivxl]{1,6})(?!\w)(?![.,/]\d)"
            r"|(?P<mod>" + _alt(self.century_mods) + r")\b)"
        )
        self.r_bce = c(r"\s*(?:\(\s*)?(?:" + _alt(data["before_common_era"]) + r")\b")
        self.set_words = words("set_words")
        self.lunar_before = words("lunar_before")
        self.approximately = words("approximately")
        self.r_decade = c(
            r"(?:" + _alt(data["decade_nouns"]) + r")\s+(?P<dec>(?:19|20)?\d0)(?:s)?(?!\w)"
            r"(?!\s*(?:-|–|và|,|đến|tới)\s*\d)"
        )
        self.r_periodrel = c(
            r"(?:(?P<unit>tuần(?:\s+lễ)?|tháng|năm|quý)\s+(?P<mod>" + mods + r")"
            r"|(?P<bpos>đầu|giữa|cuối)\s+(?P<bunit>năm|tháng)(?!\s+(?:" + mods + r"|\d|học|tài)))\b"
            r"(?!\s+(?:đó|ấy|khi|nữa|qua\s+năm|\d))"
        )
        self.r_ana = c(
            r"(?:(?P<fixed>" + _alt(set(self.anaphoric) | set(self.anaphoric_pod)) + r")\b"
            r"(?!\s+(?:\d|năm\b|tháng\b|ngày\b))|(?P<u1>ngày|tuần|tháng|năm|quý)\s+(?P<d1>trước|sau)\s+đó\b)"
        )
        units = _alt(self.units)
        tail = (
            r"(?P<tail>\s+(?:trước\s+đó|sau\s+đó|trước\s+đây|trở\s+lại\s+đây|gần\s+đây|trước|sau|nữa|qua|tới)"
            r"\b)?"
        )
        self.r_num = c(r"(?P<n>\d{1,3}(?:\.\d{3})+(?![\d.])|\d+(?:,\d+)?)\s+(?P<u>" + units + r")\b" + tail)
        unit_words, ten = _alt(self.number_units), re.escape(self.number_ten)
        number_words = (
            r"(?:(?:" + unit_words + r")\s+" + re.escape(self.number_tens) + r"|" + ten + r")(?:\s+(?:"
            + _alt(self.number_after_ten) + r"))?|" + unit_words + r"|" + re.escape(self.number_half)
        )
        self.r_numw = c(r"(?P<n>" + number_words + r")\s+(?P<u>" + units + r")\b" + tail)
        self.r_set = c(
            r"(?:mỗi|hàng|hằng)\s+(?:(?P<n>\d{1,3})\s+)?(?P<u>" + _alt(self.set_values) + r")\b(?!\s+trời)"
        )
        self.r_vague = c(r"(?:(?P<v>" + _alt(self.vague) + r")|(?P<hien>hiện))\b")
        self.r_time = c(
            r"(?P<h>\d{1,2})\s*(?:(?P<hh>h|g)(?P<mi>\d{2})?|giờ(?:\s*(?P<mi2>\d{1,2})(?:\s*phút)?)?)\b"
            r"(?:\s+(?P<pod>" + pod + r")(?!\s+(?:nay|qua|mai|hôm|ngày|cùng|thứ|chủ|\d)))?"
        )

        # What may stand before a core, read backwards (searched in a short window ending at the core).
        self.b_date = c(
            r"(?<!\w)(?:(?P<pod>" + pod + r")\s+)?(?:(?P<wdnoun>hôm|ngày)\s+(?=thứ|chủ))?"
            r"(?:(?P<wd>" + wd + r")(?:\s*,\s*|\s+))?"
            r"(?:(?P<noun>" + nouns + r")\s+)?(?P<po>\(\s*)?\Z"
        )
        self.b_pod = c(r"(?<!\w)(?:(?P<pod>" + pod + r")\s+)?(?:(?P<noun>hôm|ngày)\s+)?\Z")
        self.b_pos = c(r"(?<!\w)(?P<pos>" + pos + r")\s+\Z")
        self.b_year = c(
            r"(?<!\w)(?P<pre>" + _alt(self.bare_year_strong | self.bare_year_weak) + r")\s+"
            r"(?:(?P<pos>" + pos + r")\s+)?\Z"
        )
        self.b_cach = c(r"(?<!\w)cách\s+đây\s+(?:(?:" + _alt(data["approximately"]) + r")\s+)?\Z")
        self.b_time = c(r"(?<!\w)(?P<lead>" + _alt(self.time_before) + r")\s+\Z")

        def last(words_):
            return {_key(str(w)).split()[-1] for w in words_}

        pod_last, pos_last = last(self.pod_shift), last(self.positions)
        # Each backward pattern with the words its match can end with and the words it can contain (every word
        # of its source, syntax included: more words only make the shortcut in _back rarer). A pattern is no
        # dict key: its hash is computed over its whole compiled code on every lookup.
        def backward(regex, finals):
            return regex, frozenset(finals), frozenset(re.findall(r"[^\W\d_]+|\d+", regex.pattern))

        self.b_date = backward(self.b_date, self.date_nouns | pod_last | last(self.weekdays) | last(self.sunday))
        self.b_pod = backward(self.b_pod, pod_last | {"hôm", "ngày"})
        self.b_pos = backward(self.b_pos, pos_last)
        self.b_year = backward(self.b_year, last(self.bare_year_strong | self.bare_year_weak) | pos_last)
        self.b_cach = backward(self.b_cach, {"đây"} | last(data["approximately"]))
        self.b_time = backward(self.b_time, last(self.time_before))

        self.r_vague_after_number = c(r"\s+(?:" + _alt(data["vague_after_number"]) + r")\b")
        self.r_pod_after = c(r"\s+(" + pod + r")\b")
        self.r_lunar = c(r"\s*\(?\s*(?:" + _alt(data["lunar"]) + r")\b")
        self._lunar_initials = frozenset(_key(w)[0] for w in data["lunar"])
        self.r_future = c(r"(?<!\w)(?:" + _alt(data["future_cues"]) + r")(?!\w)")
        self.r_next_word = c(r"\s*(\w+)")
        self.r_date_word_after = c(r"\s*(?:ngày|tháng|năm|nay|hết|\d|giờ|lúc|tuần|quý)")
        self.r_range_gap = c(r"\s*(?:-|–|—|đến|tới|và|hoặc|cho\s+(?:đến|tới)|,)\s*(?:hết\s+)?\Z")
        self.r_time_gap_before = c(r"[\s,]*\(?\s*\Z")
        self.r_time_gap_after = c(r"\A[\s,]*(?:lúc|vào\s+lúc|vào|từ|khoảng)?\s*\Z")
        self.r_day_in_head = c(r"(?:(?:" + nouns + r")\s+)?(\d{1,2})")
        self.r_month_in_head = c(r"(?:tháng\s+)?(\d{1,2})")
        self.r_dated_after = c(r"\s*,?\s*(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng|cùng|\d{1,2}/\d)")
        number_info = r"(?P<digits>\d+)(?P<frac>(?:[.,]\d+)*)(?P<glued>[^\d\s]?){space}*(?P<dash>[-–—](?={space}*\d))?(?P<word>\w*)"
        self.r_number_info = c(number_info.format(space=r"\s"))
        self.range_words = {"đến", "tới", "và", "hoặc"}
        self.unit_first = {_key(u).split()[0] for u in self.units}
        # Where a number may begin a date, a duration, a clock time or a year: what must follow the digits in
        # the number patterns (r_dm, r_dm_dash, r_dmw, r_time, r_num: a separator, "h", or after spaces a dash, a
        # list word, "tháng", "giờ", a unit), or a year. Most numbers ("15 người", "100 triệu") fail at the first
        # character after them. It runs on the joined sentences, where it may look past a sentence's end: it has
        # only positive conditions there (and "no digit follows"), so it stays a superset.
        follow = _alt(self.range_words | self.unit_first | {"tháng", "giờ"})
        self.r_number_quick = c(
            r"\d++(?:[/.]\d{1,2}(?!\d)|(?:[.,]\d++)++\s++(?:" + _alt(self.units) + r")|\s*+(?:[-–—,hg]|" + follow
            + r"))|" + _YEAR + r"(?!\d)"
        )
        # Both at once on the joined sentences of the usual path (no newline inside a sentence): r_number_quick as
        # a lookahead, then r_number_info's groups, kept from crossing the newline that ends the sentence (so they
        # are what r_number_info reads on the sentence alone).
        self.r_number_head = c(
            r"(?=" + self.r_number_quick.pattern + r")"
            + number_info.format(space=r"[^\S\n]")
        )

        # _on_bareyear finds nothing right after "năm " (no word that may stand before a bare year ends so, nor
        # is it "("): _number_scanners does not try it there, which is where most four-digit numbers stand.
        self._year_word_space = "năm "
        assert not any(w.endswith("năm") for w in self.b_year[1])
        self.future_cues = tuple(_key(w) for w in data["future_cues"])
        self._build_automata(data)
        self._number_cache: dict[tuple, tuple] = {}
        self._number_words = self.range_words | self.unit_first | {"tháng", "giờ"}
        self._range_word_initials = frozenset(w[0] for w in self.range_words)
        # What may follow a date's space as a modifier ("tới", "sắp tới", "vừa qua", "này", "năm ngoái").
        self._mod_initials = frozenset(w[0] for w in ["năm", "tới", "sắp", "vừa", "qua", "này"])

    def _build_automata(self, data: dict) -> None:
        """Two Aho-Corasick automata that find where a pattern may begin, and which patterns may begin there.

        Keys carry their boundaries, so that the automata report only whole words and whole numbers: a word is
        preceded by a separator and followed by a space, a number's first digit by a separator. The *word*
        automaton knows only each pattern's first words ("năm" -> the year, period, anaphora and number-word
        patterns). The *phrase* automaton knows the words that must follow ("năm 20", "năm nay", "năm đó",
        "năm ngày"), so a common word such as "năm", "các" or "cho" costs nothing where no pattern can match;
        its keys are spelt with single spaces, so it serves text whose only whitespace is single spaces and
        the newlines between sentences (what ``structure`` makes); other text takes the word automaton. Both
        report the same matches: every phrase key starts with a word key, and every string a pattern can match
        starts with one of the pattern's phrase keys.
        """
        pod, units, mods = list(self.pod_shift), list(self.units), set(self.period_mods) | set(self.year_mods)
        digits = list("0123456789")
        month, periodrel = (self.r_month, self._on_month), (self.r_periodrel, self._on_periodrel)
        year, quarter = (self.r_year, self._on_year), (self.r_quarter, self._on_quarter)
        relday, weekday = (self.r_relday, self._on_relday), (self.r_weekday, self._on_weekday)
        decade, ana = (self.r_decade, self._on_decade), (self.r_ana, self._on_ana)
        season, century = (self.r_season, self._on_season), (self.r_century, self._on_century)
        numw, sets, vague = (self.r_numw, self._on_num), (self.r_set, self._on_set), (self.r_vague, self._on_vague)
        ana_words = set(self.anaphoric) | set(self.anaphoric_pod)
        unit_nouns = ("ngày", "tuần", "tháng", "năm", "quý")

        def cross(heads, tails):
            return [f"{h} {t}" for h in heads for t in tails]

        # (scanner, first words, phrases that every match of the scanner starts with). The order is the order
        # in which the scanners of one word are tried, which decides between two equal candidates.
        specs = [
            (month, ["tháng"], cross(["tháng"], digits + self._firsts(self.month_words))),
            (periodrel, ["tháng"], []),
            (year, ["năm"], cross(["năm"], ["15", "16", "17", "18", "19", "20"])),  # _YEAR
            (periodrel, ["năm"], []),
            (periodrel, ["tuần"], []),
            (quarter, ["quý"], cross(["quý"], ["i", "1", "2", "3", "4"])),
            (periodrel, ["quý", "đầu", "giữa", "cuối"],
             cross(["tuần", "tuần lễ", "tháng", "năm", "quý"], mods) + cross(["đầu", "giữa", "cuối"], ["năm", "tháng"])),
            (relday, self._firsts(list(self.relative_days) + pod), list(self.relative_days) + cross(pod, self.pod_relative)),
            (weekday, self._firsts(["thứ", *self.sunday]), cross(["thứ"], self.weekdays) + list(self.sunday)),
            (season, ["mùa"], cross(["mùa"], self.seasons)),
            (century, self._firsts(data["century_nouns"]), [_key(w) + " " for w in data["century_nouns"]]),
            (decade, self._firsts(data["decade_nouns"]), [_key(w) + " " for w in data["decade_nouns"]]),
            (ana, self._firsts(list(ana_words) + list(unit_nouns)), list(ana_words) + cross(unit_nouns, ["trước đó", "sau đó"])),
            (numw, sorted(self.numbers),
             cross(self.number_units, [self.number_tens, *units]) + [self.number_ten + " "] + cross([self.number_half], units)),
            (sets, ["mỗi", "hàng", "hằng"], cross(["mỗi", "hàng", "hằng"], digits + list(self.set_values))),
            (vague, self._firsts([*self.vague, "hiện"]), [*self.vague, "hiện "]),
        ]
        # The scanners of each first word, in order; a hit carries the word and a bit mask over its scanners.
        table: dict[str, list] = {}
        firsts_of: dict[tuple, set[str]] = {}
        for scanner, firsts, _ in specs:
            firsts_of.setdefault(scanner, set()).update(firsts)
            for w in firsts:
                if scanner not in table.setdefault(w, []):
                    table[w].append(scanner)
        self._words = list(table)
        self._word_scanners = [tuple(table[w]) for w in self._words]
        self._scanners_of: dict[tuple[int, int], tuple] = {}
        word_id = {w: i for i, w in enumerate(self._words)}
        phrases: dict[str, tuple[int, int]] = {}
        for scanner, _, keys in specs:
            for key in keys:
                key = _key(key) + (" " if key.endswith(" ") or " " not in _key(key) else "")
                w = key.split()[0]
                assert w in firsts_of[scanner] and key.startswith(w + " "), (key, scanner[1].__name__)
                i = word_id[w]
                bit = 1 << table[w].index(scanner)
                phrases[key] = (i, phrases.get(key, (i, 0))[1] | bit)

        def automaton(entries, word_before, number_before):
            a = ahocorasick.Automaton()
            for key, (i, mask) in entries.items():
                for before in word_before:
                    a.add_word(before + key, (len(key), i, mask))
            for d in digits:
                for before in number_before:
                    a.add_word(before + d, (1, -1, 0))
            a.make_automaton()
            return a

        self.word_automaton = automaton(
            {w + " ": (i, (1 << len(table[w])) - 1) for w, i in word_id.items()}, _WORD_AFTER, _NUMBER_AFTER
        )
        # The phrase automaton reads a copy of the text whose separators are all spaces (each character the
        # automaton has to try at every position costs time), and scan() checks the separator itself.
        self.phrase_automaton = automaton(phrases, " ", " ")
        self._separators = tuple(dict.fromkeys(c for c in _WORD_AFTER + _NUMBER_AFTER if c != " "))
        self._word_before, self._number_before = frozenset(_WORD_AFTER), frozenset(_NUMBER_AFTER)

    @staticmethod
    def _firsts(words_) -> list[str]:
        return sorted({_key(w).split()[0] for w in words_})

    # --- small helpers -----------------------------------------------------------------------------------

    def looks_forward(self, low: str) -> bool:
        """Does the sentence (in lower case) say "sẽ", "sắp", "dự kiến" ...? Then a yearless date looks forward."""
        for cue in self.future_cues:
            if cue in low:
                return self.r_future.search(low) is not None
        return False

    @staticmethod
    def _back(pattern: tuple[re.Pattern, frozenset, frozenset], low: str, start: int) -> re.Match | None:
        """What ``pattern`` finds right before ``start`` (in a window of 40); None when it finds nothing.

        ``pattern`` is a regex ending in ``\\Z``, the words its match can end with and the words it can contain.
        The search runs only when the last word before ``start`` is one of the former, and it starts at the
        last word when the word before that is a plain word that is none of the latter (no match can begin
        earlier: it would have to contain that word).
        """
        if not start:
            return None
        c = low[start - 1]
        if not (c.isspace() or c == "("):
            return None
        lo = start - 40 if start > 40 else 0
        chunk = low[lo:start]
        words = chunk.rstrip(" (\t\n,").rsplit(None, 1)
        regex, finals, inner = pattern
        if not words or words[-1].strip(_PUNCT) not in finals and not chunk.rstrip().endswith("("):
            return None
        tokens = chunk.rsplit(None, 2)
        if len(tokens) >= 2 and tokens[-2].isalnum() and tokens[-2] not in inner:
            m = regex.search(low, lo + chunk.rfind(tokens[-1]), start)
        else:
            m = regex.search(low, lo, start)
        return m if m and m.start() < start else None

    @staticmethod
    def _prev_words(low: str, start: int) -> tuple[str, str]:
        """The last word and the last two words before ``start`` (in a window of 30), without punctuation."""
        window = low[start - 30 if start > 30 else 0:start]
        tail = window.rsplit(None, 2)
        if len(tail) >= 2:  # the usual case: the last two words have letters
            w1, w2 = tail[-1].strip(_PUNCT), tail[-2].strip(_PUNCT)
            if w1 and w2:
                return w1, w2 + " " + w1
        last = ""
        for w in reversed(window.split()):
            w = w.strip(_PUNCT)
            if w:
                if last:
                    return last, w + " " + last
                last = w
        return last, last

    @staticmethod
    def _prev_word(low: str, start: int) -> str:
        """The last word before ``start``, without punctuation (the first of :meth:`_prev_words`)."""
        window = low[start - 30 if start > 30 else 0:start]
        tail = window.rsplit(None, 1)
        if tail:
            w = tail[-1].strip(_PUNCT)
            if w:
                return w
        for w in reversed(window.split()):
            w = w.strip(_PUNCT)
            if w:
                return w
        return ""

    def _after_mod(self, low: str, end: int, regex: re.Pattern | None = None) -> tuple[int, str | None]:
        """A modifier after a date ("tới", "vừa qua"), unless "tới"/"qua" is a verb or a range word."""
        if low[end:end + 1] != " " and not low[end:end + 1].isspace():
            return end, None  # the modifier patterns begin with whitespace
        c = low[end + 1:end + 2]
        if not (c in self._mod_initials or c.isspace()):
            return end, None
        m = (regex or self.mod_after).match(low, end)
        if not m:
            return end, None
        word = _key(m.group(1))
        if word == "qua" and not _CLAUSE_END.match(low, m.end()):
            return end, None  # "ngày 20/11 qua đời"
        if word == "tới" and self.r_date_word_after.match(low, m.end()):
            return end, None  # "từ tháng 6 tới tháng 9", "ngày 1/2 tới nay"
        return m.end(), word

    def _lunar(self, low: str, end: int) -> bool:
        """Is the date at ``end`` followed by "âm lịch" (lunar calendar)?"""
        c = _peek(low, end)
        return (c == "(" or c in self._lunar_initials or c.isspace()) and self.r_lunar.match(low, end) is not None

    @staticmethod
    def _dash_after(low: str, end: int) -> bool:
        """May a dash follow ``end`` (after spaces)? ("30/4-1/5")"""
        c = _peek(low, end)
        return c in "-–—" and c != "" or c.isspace()

    def _hint(self, mod: str | None) -> int:
        if mod in self.past_mods:
            return -1
        if mod in self.future_mods:
            return 1
        return 0

    def _lean(self, low: str, start: int, hint: int) -> int:
        """2 (lean forward) when a yearless date follows "đến", "trước" ... ("tập trận cho đến tháng 10")."""
        if hint:
            return hint
        prev1, prev2 = self._prev_words(low, start)
        if prev2 in self.not_forward_before:
            return 0  # "tính đến ngày 24/4": as of, looking back
        return 2 if prev1 in self.forward_before or prev2 in self.forward_before else 0

    def _year_mod(self, mod: str | None, hint: int) -> tuple[str | None, int, int]:
        """("year", offset, 0) for "năm ngoái"/"năm nay" after a month or a quarter, else (None, 0, hint)."""
        if mod and mod.startswith("năm"):
            word = _key(mod[3:])
            return "year", self.year_mods.get(word, self.period_mods.get(word, 0)), 0
        return None, 0, hint

    def _weekday(self, text: str, start: int, wd_low: str, context: bool) -> int | None:
        """ISO weekday of a weekday written at ``start``, or None when it is the ordinal "thứ hai" (second).

        A weekday is capitalised ("thứ Hai", "Chủ nhật") or has a context word (a part of the day, "hôm",
        "tuần trước", a date after it).
        """
        key = _key(wd_low)
        word = text[start:start + len(wd_low)].split()[-1]
        if key in self.sunday:
            return 7 if (text[start].isupper() or word[0].isupper() or context) else None
        ok = (word[0].isupper() and not word[0].isdigit()) or context
        return self.weekdays[key.split()[-1]] if ok else None

    # --- handlers: (lower-cased text, original text, match) -> parts or None -----------------------------

    def _on_dm(self, low: str, text: str, m: re.Match):
        x, more, sep, month, y, y2 = m.group("x", "more", "sep", "m", "y", "y2")
        nums = [int(x), *map(int, _DAY_NUMBERS.findall(more))] if more else [int(x)]
        d, mo, y = nums[-1], int(month), y or y2
        year = int(y) if y else None
        start = m.start()
        before = low[start - 1] if start else " "
        if before.isalnum() or before in "/.,_":
            return None
        continues = None  # a date with a range or list word just before: found when needed
        if before in "-–":
            continues = self.r_date_before[sep].search(low, max(0, start - 30), start) is not None
            if not continues:
                return None
        if len(nums) > 1 and (sep != "/" and _DASH.search(more) or any(
                a >= b for a, b in zip(nums, nums[1:], strict=False))):
            return None  # "4-2-3-1" is a football formation, "2-1/2" a score; days of a range go up
        for n in nums:
            if not _valid_day(year, mo, n):
                return None
        end, mod = self._after_mod(low, m.end())
        strong = False
        lead = self._back(self.b_date, low, start)
        if lead is not None:
            has_words = bool(lead.group("pod") or lead.group("wd") or lead.group("noun"))
            if lead.group("po"):
                closing = _CLOSING.match(low, m.end())
                if closing is None:
                    lead, has_words = None, False  # "(26/4 - 30/4)": not a bracketed date
                else:
                    strong = True  # "(26/4)"; with words before it the bracket belongs to the surface
                    if has_words:
                        end, mod = self._after_mod(low, closing.end())
                        if mod == "tới" and text[end + 1:end + 2].isupper():
                            # "chuyến thăm 2 ngày (20-21/10) tới Nga": after the bracket "tới" goes to a place
                            end, mod = closing.end(), None
            if has_words:
                strong, start = True, lead.start()
                if lead.group("wd"):
                    # A date after a weekday is context enough, unless an ordinal's noun precedes it.
                    prev1, prev2 = self._prev_words(low, lead.start("wd"))
                    ordinal = (prev1 in self.ordinal_before or prev2 in self.ordinal_before) and not lead.group(
                        "wd").startswith("chủ")
                    if self._weekday(text, lead.start("wd"), lead.group("wd"), not ordinal or lead.group("pod")) is None:
                        start = lead.start("noun") if lead.group("noun") else m.start()
                        if not lead.group("noun"):
                            end, mod = self._after_mod(low, m.end())
        if self._lunar(low, end):
            return None
        if sep == "/" and len(nums) == 1 and self._dash_after(low, end) and self.r_date_after.match(low, end):
            continues = True  # "30/4-1/5": the first end of a range of dates
        if year is None and not strong and continues is None:
            continues = self.r_date_before[sep].search(low, max(0, m.start() - 30), m.start()) is not None
        if year is None and not strong and not continues:
            prev1, prev2 = self._prev_words(low, start)
            dash_range = len(nums) > 1 and _DASH_RANGE.match(m.group(0))
            if not (dash_range or prev1 in self.bare_date_before or prev2 in self.bare_date_before):
                return None  # "1/3 số phiếu", "vòng 1/8", "đường 3/2"
            next_word = self.r_next_word.match(low, end)
            if sep != "/" or (next_word and next_word.group(1) in self.bare_date_blocked):
                return None
        hint = self._lean(low, start, self._hint(mod)) if year is None else 0
        parts = []
        if len(nums) > 1:  # a list or range of days: one part per day, the first one with the lead
            heads = list(self.r_day_in_head.finditer(low, m.start("x"), m.end("more")))
            for i, hm in enumerate(heads[:-1]):
                spec = _spec("cal", "day", year, mo, int(hm.group(1)), hint=hint)
                parts.append(_new(_Part, (start if i == 0 else hm.start(), hm.end(), spec)))
            start = heads[-1].start()
        parts.append(_new(_Part, (start, end, _spec("cal", "day", year, mo, d, hint=hint))))
        return parts

    def _on_dmw(self, low: str, text: str, m: re.Match):
        d, mo, y = int(m.group("d")), int(m.group("m")), m.group("y")
        year = int(y) if y else None
        if not _valid_day(year, mo, d) or m.start() and low[m.start() - 1].isalnum():
            return None
        lead = self._back(self.b_date, low, m.start())
        if not (year or lead and lead.group("noun")):
            return None
        end, mod = self._after_mod(low, m.end())
        if self._lunar(low, end):
            return None
        start = lead.start() if lead and not lead.group("po") else m.start() if not lead else lead.start("noun")
        return [_new(_Part, (start, end, _spec("cal", "day", year, mo, d, hint=self._lean(low, start, self._hint(mod)))))]

    def _on_relday(self, low: str, text: str, m: re.Match):
        if m.start() and low[m.start() - 1].isalnum():
            return None
        start, end = m.start(), m.end()
        if m.group("rd"):
            lead = self._back(self.b_pod, low, start)
            if lead and lead.group("pod"):
                start = lead.start()
            offset = self.relative_days[_key(m.group("rd"))]
        else:
            offset = self.pod_relative[_key(m.group("rp"))]
        ex = self.r_explicit.match(low, end)
        if ex:
            d, mo, y = int(ex.group("d")), int(ex.group("m")), ex.group("y")
            year = int(y) if y else None
            if _valid_day(year, mo, d):
                stop = ex.end() if ex.group("pc") and "(" in ex.group(0) else ex.end("m") if not y else ex.end("y")
                return [_new(_Part, (start, stop, _spec("cal", "day", year, mo, d)))]
        return [_new(_Part, (start, end, _spec("rel", "day", unit="day", offset=offset)))]

    def _on_weekday(self, low: str, text: str, m: re.Match):
        if m.start() and low[m.start() - 1].isalnum():
            return None
        mod = _key(m.group("mod")) if m.group("mod") else None
        end = m.end()
        if mod == "tới" and self.r_date_word_after.match(low, m.end("mod")):
            mod, end = None, m.start("mod")
        if mod == "qua" and not _CLAUSE_END.match(low, m.end("mod")):
            mod, end = None, m.start("mod")
        lead = self._back(self.b_pod, low, m.start())
        strong = bool(lead and (lead.group("pod") or lead.group("noun") == "hôm"))
        prev1, prev2 = self._prev_words(low, m.start())
        ordinal = prev1 in self.ordinal_before or prev2 in self.ordinal_before
        if prev1 == "ngày" and mod:
            ordinal = False  # "ngày thứ sáu vừa qua" is a Friday; "ngày thứ sáu" alone the sixth day
        context = strong or (bool(mod or m.group("set")) and not ordinal)
        wd = self._weekday(text, m.start(), m.group("wd"), context)
        if wd is None:
            return None
        start = lead.start() if lead and (lead.group("pod") or lead.group("noun")) else m.start()
        if m.group("set"):
            return [_new(_Part, (start, end, _spec("set", extra=f"XXXX-WXX-{wd}")))]
        return [_new(_Part, (start, end, _spec("wd", "day", extra=(wd, mod))))]

    def _on_month(self, low: str, text: str, m: re.Match):
        if m.start() and low[m.start() - 1].isalnum():
            return None
        mw, y = m.group("mw"), m.group("y")
        if mw:
            mo = self._word_month(low, text, m)
            if mo is None:
                return None
        else:
            mo = int(m.group("m"))
        months = [int(n) for n in self.r_month_in_head.findall(m.group("head"))] + [mo]
        if not all(1 <= n <= 12 for n in months):
            return None
        if self._prev_word(low, m.start()) in self.lunar_before:
            return None  # "rằm tháng 7" is a lunar date
        lead = self._back(self.b_pos, low, m.start())
        start = lead.start() if lead else m.start()
        if m.group("yearly"):  # "tháng 6 hàng năm", "từ tháng 9 tới tháng 3 hàng năm"
            heads = list(self.r_month_in_head.finditer(low, m.start("head"), m.end("head")))
            parts = [_new(_Part, (start if i == 0 else hm.start(), hm.end(), _spec("set", extra=f"XXXX-{int(hm.group(1)):02d}")))
                     for i, hm in enumerate(heads)]
            last = m.start("m") - (len(_MONTH_TAIL.search(low[:m.start("m")]).group(0)) if heads and _MONTH_TAIL.search(
                low[:m.start("m")]) else 0) if heads else start
            return parts + [_new(_Part, (last, m.end(), _spec("set", extra=f"XXXX-{mo:02d}")))]
        end, mod = self._after_mod(low, m.end(), self.year_mod_after)
        if self._lunar(low, end):
            return None
        year = int(y) if y else None
        unit, offset, hint = self._year_mod(mod, self._lean(low, start, self._hint(mod)))
        parts = []
        heads = list(self.r_month_in_head.finditer(low, m.start("head"), m.end("head")))
        for i, hm in enumerate(heads):
            hy = year - 1 if year and int(hm.group(1)) > mo else year
            spec = _spec("cal", "month", hy, int(hm.group(1)), None, unit, offset, hint)
            parts.append(_new(_Part, (start if i == 0 else hm.start(), hm.end(), spec)))
        if heads:
            tail = _MONTH_TAIL.search(low[m.start("head"):m.start("m")])
            start = m.start("m") - (len(tail.group(0)) if tail else 0)
        parts.append(_new(_Part, (start, end, _spec("cal", "month", year, mo, None, unit, offset, hint))))
        return parts

    def _word_month(self, low: str, text: str, m: re.Match) -> int | None:
        """The month of "tháng một" ... "tháng mười hai", or None where the word is a number ("tháng một lần")."""
        if m.group("head"):
            return None
        mw = _key(m.group("mw"))
        nxt = _NEXT_WORD.match(low, m.end("mw"))
        if nxt and nxt.group(1) in self.month_not_followed:
            return None  # "mỗi tháng một lần", "tháng hai chục"
        prev1, prev2 = self._prev_words(low, m.start())
        if prev1 in self.month_not_after or prev1 in self.numbers or prev1.isdigit() or prev1 in self.number_scales:
            return None  # "mỗi tháng hai triệu", "3 tháng một lần"
        if mw in self.month_ambiguous and not m.group("y") and not text[m.start("mw")].isupper():
            # "tháng năm" is May only after a context word or before a year ("năm ngoái", "năm 2019").
            lead = self._back(self.b_pos, low, m.start())
            before = self._prev_words(low, lead.start()) if lead else (prev1, prev2)
            context = lead is not None or before[0] in self.month_context or before[1] in self.month_context
            if not context and not low.startswith("năm", m.end() + 1):
                return None
        return self.month_words[mw]

    def _on_season(self, low: str, text: str, m: re.Match):
        if m.start() and low[m.start() - 1].isalnum():
            return None
        code, month = self.seasons[_key(m.group("s"))]
        lead = self._back(self.b_pos, low, m.start())
        start = lead.start() if lead else m.start()
        if m.group("y"):
            return [_new(_Part, (start, m.end(), _spec("season", "quarter", int(m.group("y")), month, extra=code)))]
        if m.group("smod"):
            smod = _key(m.group("smod"))
            if smod in ("qua", "tới", "trước") and not _CLAUSE_END.match(low, m.end()):
                return None  # "mùa hè qua đi", "mùa đông tới gần", "mùa hè trước khi": not modifiers
            return [_new(_Part, (start, m.end(), _spec("season", "quarter", None, month, unit="season",
                                                          offset=self.season_mods[smod], extra=code)))]
        mod = _key(m.group("mod"))
        offset = self.year_mods.get(mod, self.period_mods.get(mod, 0))
        return [_new(_Part, (start, m.end(), _spec("season", "quarter", None, month, unit="year", offset=offset, extra=code)))]

    def _on_century(self, low: str, text: str, m: re.Match):
        if m.start() and low[m.start() - 1].isalnum():
            return None
        n = m.group("n")
        lead = self._back(self.b_pos, low, m.start())
        start = lead.start() if lead else m.start()
        if n is None:
            prev1, prev2 = self._prev_words(low, start)
            decade = prev1[-1:].isdigit() and prev2.split()[0] in ("năm", "niên")  # "những năm 80 thế kỷ trước"
            if (prev1 in self.plural_before or prev1 in self.set_words or prev1 in self.numbers
                    or prev1[-1:].isdigit() and not decade or prev1 in self.approximately):
                return None  # "một thế kỷ trước", "1,5 thế kỷ trước" are a century ago; "hàng thế kỷ này"
            if low.startswith(" công nguyên", m.end()):
                return None  # "thế kỷ trước Công nguyên" is no last century
            return [_new(_Part, (start, m.end(), _spec("cent", "year", unit="century",
                                                          offset=self.century_mods[_key(m.group("mod"))])))]
        if n.isdigit():
            century = int(n)
        else:
            if not text[m.start("n"):m.end("n")].isupper():
                return None  # "thế kỷ xi" in lower case is no roman numeral
            century = self._roman(n)
        if not 1 <= century <= 21 or self.r_bce.search(low, m.end(), m.end() + 40):
            return None  # "thế kỷ thứ 3 trước Công nguyên" has no TIMEX3 value here
        return [_new(_Part, (start, m.end(), _spec("cent", "year", (century - 1) * 100)))]

    def _roman(self, s: str) -> int:
        values = [self.roman_numerals[c] for c in s]
        return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))

    @staticmethod
    def _years(m: re.Match, first_start: int):
        ys, at = m.group("ys"), m.start("ys")
        if len(ys) == 4:  # one year
            return [_new(_Part, (first_start, at + 4, _spec("cal", "year", int(ys))))]
        parts = []
        for i, ym in enumerate(_YEARS.finditer(ys)):
            s = first_start if i == 0 else at + ym.start()
            parts.append(_new(_Part, (s, at + ym.end(), _spec("cal", "year", int(ym.group(0))))))
        return parts

    def _on_year(self, low: str, text: str, m: re.Match):
        if m.start() and low[m.start() - 1].isalnum():
            return None
        lead = self._back(self.b_pos, low, m.start())
        return self._years(m, lead.start() if lead else m.start())

    def _on_bareyear(self, low: str, text: str, m: re.Match):
        lead = self._back(self.b_year, low, m.start())
        if not lead:
            if m.start() and low[m.start() - 1] == "(" and _CLOSING.match(low, m.end()):
                return self._years(m, m.start())  # "(2012-2020)", "Olof Palme (1927-1986)", "đại học (1997)"
            return None
        pre = _key(lead.group("pre"))
        if pre not in self.bare_year_strong and not self.r_year_follow.match(low, m.end()):
            nxt = _NEXT_WORD.match(text, m.end())
            if not (nxt and nxt.group(1)[0].isupper() and nxt.group(1)[1:].islower()):
                return None  # "đến 2000 người", "đến 2000 USD"; but "đến 2030 Hòa Phát ..." starts a clause
        first = lead.start("pos") if lead.group("pos") else lead.start() if pre in self.positions else m.start()
        return self._years(m, first)

    def _on_quarter(self, low: str, text: str, m: re.Match):
        if m.start() and low[m.start() - 1].isalnum():
            return None
        q = m.group("q")
        if q in self.roman:
            if not text[m.start("q"):m.end("q")].isupper():
                return None  # "quý i" is not a roman numeral
            q = self.roman[q]
        else:
            q = int(q)
        lead = self._back(self.b_pos, low, m.start())
        prev1, prev2 = self._prev_words(low, m.start())
        if not lead and (prev1 in self.not_quarter_after or prev2 in self.not_quarter_after):
            return None
        end, mod = self._after_mod(low, m.end(), self.year_mod_after)
        unit, offset, hint = self._year_mod(mod, self._lean(low, m.start(), self._hint(mod)))
        year = int(m.group("y")) if m.group("y") else None
        spec = _spec("cal", "quarter", year, 3 * q - 2, None, unit, offset, hint, extra=q)
        return [_new(_Part, (lead.start() if lead else m.start(), end, spec))]

    def _on_decade(self, low: str, text: str, m: re.Match):
        if m.start() and low[m.start() - 1].isalnum():
            return None
        dec = m.group("dec")
        decade = int(dec) if len(dec) == 4 else 1900 + int(dec)
        lead = self._back(self.b_pos, low, m.start())
        return [_new(_Part, (lead.start() if lead else m.start(), m.end(), _spec("dec", "year", decade)))]

    def _on_periodrel(self, low: str, text: str, m: re.Match):
        if m.start() and low[m.start() - 1].isalnum():
            return None
        start = m.start()
        prev1, prev2 = self._prev_words(low, start)
        if m.group("bpos"):
            # A position alone is vague ("cuối năm"), except after "từ": "từ đầu năm (đến nay)", and for the month
            # after "hồi", "vào", "trong": "hồi đầu tháng" is the article's month.
            if prev1 != "từ" and not (_key(m.group("bunit")) == "tháng" and prev1 in self.position_alone_after):
                return None
            unit_word, offset = _key(m.group("bunit")), 0
        else:
            lead = self._back(self.b_pos, low, start)
            if lead:
                start = lead.start()
                prev1, prev2 = self._prev_words(low, start)
            unit_word, mod = _key(m.group("unit")).split()[0], _key(m.group("mod"))
            if mod in self.unit_without.get(unit_word, ()) or mod in self.year_mods and unit_word != "năm":
                return None
            if mod == "tới" and self.r_date_word_after.match(low, m.end()):
                return None
            offset = self.year_mods.get(mod, self.period_mods.get(mod))
        if prev1 in self.plural_before or prev2 in self.plural_before:
            return None  # "những năm qua", "các tháng tới"
        if not m.group("bpos") and (prev1 in self.numbers or prev1 in self.number_scales or prev1.isdigit()) and low[
                :start].rstrip()[-1:].isalnum():
            return None  # "một năm sau khi", "5 tháng trước": a duration, not "năm sau"
        unit = _UNIT_EN[unit_word]
        if unit == "quarter" and (prev1 in self.not_quarter_after or prev2 in self.not_quarter_after):
            return None
        return [_new(_Part, (start, m.end(), _spec("rel", unit, unit=unit, offset=offset)))]

    def _on_ana(self, low: str, text: str, m: re.Match):
        if m.start() and low[m.start() - 1].isalnum():
            return None
        lead = self._back(self.b_pod, low, m.start())
        pod = lead is not None and lead.group("pod") is not None
        start = lead.start() if pod else m.start()
        prev1, prev2 = self._prev_words(low, start)
        if m.group("fixed"):
            key = _key(m.group("fixed"))
            if key in self.anaphoric_pod and not pod:
                return None  # "hôm trước" alone is vague; "tối hôm trước" is the evening before
            unit, offset = self.anaphoric.get(key) or self.anaphoric_pod[key]
            if key.split()[0] in ("tuần", "tháng", "năm") and (
                    prev1 in self.plural_before or prev2 in self.plural_before or prev1 == "năm"):
                return None  # "những năm đó", "những năm tháng đó"
        else:
            unit = _UNIT_EN[_key(m.group("u1"))]
            offset = -1 if _key(m.group("d1")) == "trước" else 1
            if prev1 in self.plural_before or prev2 in self.plural_before or prev1 in self.numbers:
                return None
        return [_new(_Part, (start, m.end(), _spec("ana", unit, unit=unit, offset=offset)))]

    def _on_num(self, low: str, text: str, m: re.Match):
        if m.start() and (low[m.start() - 1].isalnum() or low[m.start() - 1] in ".,/-_"):
            return None
        n_text, u = _key(m.group("n")), _key(m.group("u"))
        code = self.units[u]
        if not n_text[0].isdigit():
            if f"{n_text} {u}" in self.not_number_unit:
                return None
            before = low[max(0, m.start() - 12):m.start()].split()
            prev = before[-1] if before else ""
            if prev in ("thứ", "tháng") or prev.isdigit() or prev in self.numbers or n_text == "năm" and prev in self.plural_before:
                return None  # "thứ ba" is a weekday or an ordinal, "tháng mười hai năm" a month; in "60 năm ngày", "năm" is the unit of 60
            if self.r_vague_after_number.match(low, m.end("u")):
                return None  # "một ngày nào đó"
            n = self._number_value(n_text)
        else:
            if code == "Y" and low.endswith("tháng ", 0, m.start()):
                return None  # "rằm tháng 8 năm nay" is a month, not "8 năm" ("9 tháng 10 ngày" is a duration)
            n = float(n_text.replace(".", "").replace(",", "."))
        tail = _key(m.group("tail")) if m.group("tail") else None
        if code in ("H", "MIN"):
            value = f"PT{_num_str(n)}{'M' if code == 'MIN' else 'H'}"
            return [_new(_Part, (m.start(), m.end() if tail in ("qua", "tới") else m.end("u"), _spec("dur", extra=value)))]
        if code == "DE":
            code, n = "Y", n * 10
        value = f"P{_num_str(n * 3)}M" if code == "Q" else f"P{_num_str(n)}{code}"
        unit = _UNIT_OF_CODE[code]
        whole, k = n == int(n), int(n)
        cach = self._back(self.b_cach, low, m.start()) if whole else None
        if cach:
            return [_new(_Part, (cach.start(), m.end("u"), _spec("rel", unit, unit=unit, offset=-k, extra=value)))]
        clause_end = _CLAUSE_END.match(low, m.end()) is not None
        spec = None
        if whole and tail:
            if tail == "trước đó":
                spec = _spec("ana", unit, unit=unit, offset=-k, extra=value)
            elif tail == "sau đó" or tail == "sau" and clause_end:
                spec = _spec("ana", unit, unit=unit, offset=k, extra=value)
            elif tail == "trước đây" or tail == "trước" and clause_end:
                spec = _spec("rel", unit, unit=unit, offset=-k, extra=value)
            elif tail == "nữa":
                spec = _spec("rel", unit, unit=unit, offset=k, extra=value)
        if spec:
            return [_new(_Part, (m.start(), m.end(), spec))]
        if tail in ("qua", "tới", "trở lại đây", "gần đây"):
            return [_new(_Part, (m.start(), m.end(), _spec("dur", extra=value)))]
        return [_new(_Part, (m.start(), m.end("u"), _spec("dur", extra=value)))]

    def _number_value(self, words_: str) -> float:
        """The value of a number in words: "hai" 2, "mười lăm" 15, "hai mươi mốt" 21, "nửa" 0.5."""
        tokens = words_.split()
        if tokens == [self.number_half]:
            return 0.5
        if tokens[0] == self.number_ten:
            return 10 + (self.number_after_ten[tokens[1]] if len(tokens) > 1 else 0)
        if len(tokens) > 1:
            return 10 * self.number_units[tokens[0]] + (self.number_after_ten[tokens[2]] if len(tokens) > 2 else 0)
        return self.number_units[tokens[0]]

    def _on_set(self, low: str, text: str, m: re.Match):
        if m.start() and low[m.start() - 1].isalnum():
            return None
        value = self.set_values[_key(m.group("u"))]
        if m.group("n"):
            num, code = _SET_VALUE.match(value).groups()
            value = f"P{int(m.group('n')) * int(num)}{code}"
        return [_new(_Part, (m.start(), m.end(), _spec("set", extra=value)))]

    def _on_vague(self, low: str, text: str, m: re.Match):
        start = m.start()
        if start and low[start - 1].isalnum():
            return None
        word = _key(m.group(0))
        if word.startswith("hiện") and self._prev_word(low, start) in self.hien_not_after:
            return None  # "thực hiện tại Hà Nội", "phát hiện"
        if m.group("hien"):
            if text[start].isupper() and _WORD_SPACE_END.search(text[max(0, start - 3):start]):
                return None  # "phố Tạ Hiện": a capital inside a sentence is a name
            nxt = _NEXT_WORD.match(low, m.end())
            if not nxt or nxt.group(1) in self.hien_not_before:
                return None
            return [_new(_Part, (start, m.end(), _spec("ref", extra="PRESENT_REF")))]
        return [_new(_Part, (start, m.end(), _spec("ref", extra=self.vague[word])))]

    def _on_time(self, low: str, text: str, m: re.Match):
        if m.start() and (low[m.start() - 1].isalnum() or low[m.start() - 1] in ".,:/-_"):
            return None
        h, mi = int(m.group("h")), m.group("mi") or m.group("mi2")
        minute = int(mi) if mi else 0
        if h > 24 or minute > 59:
            return None
        lead = self._back(self.b_time, low, m.start())
        dated_after = self.r_dated_after.match(low, m.end())
        if m.group("hh"):
            if m.group("hh") == "g" and not m.group("mi"):
                return None  # "5G"
            if not (m.group("mi") or lead or m.group("pod") or dated_after):
                return None  # "24h" is also a newspaper
        elif not (lead or m.group("pod") or dated_after):
            return None  # "24 giờ" is a duration
        pod = m.group("pod")
        if not pod:
            pm = self.r_pod_after.match(low, m.end())
            pod = pm.group(1) if pm else None
        if pod and h < 12 and self.pod_shift.get(_key(pod), 0):
            h += 12
        return [_new(_Part, (m.start(), m.end(), _spec("time", extra=(0 if h == 24 else h, minute))))]

    def _number_scanners(self, low: str, start: int, info: tuple | None = None) -> tuple:
        """The patterns worth trying at a number, judged by what follows it ("/", "h", "ngày", "tháng" ...).

        Only for numbers that ``r_number_quick`` lets through (the others have none). ``info``: the groups of
        ``r_number_info`` at ``start`` when the caller has them already.
        """
        digits, frac, glued, dash, word = info or self.r_number_info.match(low, start).groups()
        n = len(digits)
        # A year after "năm" is r_year's: no bare year there (see _year_word_space), and the test is worth it.
        year_after_word = n == 4 and low.endswith(self._year_word_space, 0, start)
        key = (n if n < 5 else 5, frac[:1], glued, bool(dash), word if word in self._number_words else "",
               year_after_word)
        scanners = self._number_cache.get(key)
        if scanners is None:
            out = []
            # Dates, day-month words and clock times begin with one or two digits; a range or list of days goes
            # on with a separator, a space or a list word ("20-22/11", "20 và 21/11"); the dash form with no
            # "/" or "." after the day ("1.500" is no "1-5"). Patterns that cannot match here are not tried.
            short, after = n <= 2, frac[:1] or glued or " "
            if frac or glued in _DATE_SEPARATORS or dash or word in self.range_words:
                if short and (after in "/.-–—, " or after in self._range_word_initials):
                    out.append((self.r_dm, self._on_dm))
                if short and (after in "-, " or after in self._range_word_initials):
                    out.append((self.r_dm_dash, self._on_dm))
            if word == "tháng" and short:
                out.append((self.r_dmw, self._on_dmw))
            if word in self.unit_first:
                out.append((self.r_num, self._on_num))
            if (glued in ("h", "g") or word == "giờ") and short:
                out.append((self.r_time, self._on_time))
            if n == 4 and not year_after_word:
                out.append((self.r_bareyear, self._on_bareyear))
            scanners = tuple(out)
            if len(self._number_cache) < 4096:  # glued may be any character: keep the cache bounded
                self._number_cache[key] = scanners
        return scanners

    def _scanners(self, word: int, mask: int) -> tuple:
        """The scanners of first word number ``word`` whose bits are set in ``mask``, in their order."""
        scanners = self._scanners_of.get((word, mask))
        if scanners is None:
            scanners = tuple(sc for i, sc in enumerate(self._word_scanners[word]) if mask >> i & 1)
            self._scanners_of[(word, mask)] = scanners
        return scanners

    # --- an article ----------------------------------------------------------------------------------------

    def scan(self, texts: Sequence[str]) -> Iterator[tuple[int, list[_Part], str]]:
        """``(i, parts, low)`` for each of ``texts`` (an article's sentences) that has temporal expressions.

        ``parts`` are the non-overlapping expressions of ``texts[i]`` in order of appearance (offsets in it),
        ``low`` is ``texts[i]`` in lower case (same length).
        """
        if not texts:
            return
        joined = "\n".join(texts)
        low_all = joined.lower()
        if len(low_all) != len(joined):
            low_all = "\n".join(map(_lower, texts))
        # Whitespace other than single spaces (a double space, a tab, a no-break space, a newline inside a
        # sentence: all but " " are unprintable) takes the word automaton, which misses nothing.
        if "  " in joined or not all(map(str.isprintable, texts)):
            hits = self._hits(self.word_automaton, low_all)
        else:
            hits = self._phrase_hits(low_all)
        if not hits:
            return
        hits.sort()
        n_hits, k = len(hits), 0
        i, first, last = 0, 0, len(texts[0])  # the sentence, its start and end in low_all
        number_scanners, scanners_of = self._number_scanners, self._scanners_of
        while k < n_hits:
            at = hits[k][0]
            while at >= last:
                i += 1
                first, last = last + 1, last + 1 + len(texts[i])
            text = texts[i]
            low = low_all[first:last]
            found = []
            while k < n_hits and hits[k][0] < last:
                at, word, mask = hits[k]
                k += 1
                start = at - first
                if word < 0:
                    scanners = number_scanners(low, start, mask)
                else:
                    while k < n_hits and hits[k][0] == at:  # several phrases begin here: "năm trước", "năm trước đó"
                        mask |= hits[k][2]
                        k += 1
                    scanners = scanners_of.get((word, mask)) or self._scanners(word, mask)
                for regex, handler in scanners:
                    m = regex.match(low, start)
                    if m is not None:
                        parts = handler(low, text, m)
                        if parts:
                            found.append((parts[0].start, parts[-1].end, parts))
            if found:
                yield i, self._choose(low, found), low

    def _hits(self, automaton, low_all: str) -> list[tuple[int, int, int]]:
        """``(start, word, mask)`` of what ``automaton`` finds in ``low_all``, less numbers no pattern may start at."""
        quick = self.r_number_quick.match  # may look past a sentence's end: it only has to say "maybe"
        # A leading space lets the first word match; ``end - size`` is then a word's offset in ``low_all``.
        return [(end - size, word, mask) for end, (size, word, mask) in automaton.iter(" " + low_all)
                if word >= 0 or quick(low_all, end - size) is not None]

    def _phrase_hits(self, low_all: str) -> list[tuple]:
        """The same with the phrase automaton, on single-spaced text with no newline inside a sentence; a number's
        hit carries the groups of ``r_number_info`` in place of the mask (read with its filter, in one call)."""
        hay = low_all
        for c in self._separators:
            hay = hay.replace(c, " ")
        head = self.r_number_head.match
        word_before, number_before = self._word_before, self._number_before
        return [
            (start, word, mask if word >= 0 else m.groups())
            for end, (size, word, mask) in self.phrase_automaton.iter(" " + hay)
            if (not (start := end - size) or low_all[start - 1] in (word_before if word >= 0 else number_before))
            and (word >= 0 or (m := head(low_all, start)) is not None)
        ]

    def _choose(self, low: str, found: list) -> list[_Part]:
        """The non-overlapping candidates, in order of appearance."""
        if len(found) == 1 and len(found[0][2]) == 1:
            return found[0][2]
        # Longest first, then earliest: "tháng 9 năm 2018" beats "9 năm", "ngày 20 và 21/11" beats "2 ngày".
        found.sort(key=_LONGEST_FIRST)
        taken: list[tuple[int, int]] = []
        chosen: list[_Part] = []
        for start, end, parts in found:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            chosen.extend(parts)
        chosen.sort(key=_START)
        return self._link_ranges(low, chosen)

    def _link_ranges(self, low: str, parts: list[_Part]) -> list[_Part]:
        """An endpoint without a year takes the next endpoint's: "từ 30/4 đến hết ngày 2/5/2021"."""
        for i in range(len(parts) - 2, -1, -1):
            a, b = parts[i], parts[i + 1]
            sa, sb = a.spec, b.spec
            if not (sa.tag == sb.tag == "cal" and sa.year is None and sa.unit is None and sb.year is not None):
                continue
            if sa.prec != sb.prec and {sa.prec, sb.prec} != {"day", "month"} or sa.prec not in ("day", "month", "quarter"):
                continue
            gap = low[a.end:b.start]
            if not self.r_range_gap.match(gap) and not self.r_range_gap.match(re.sub(r"(?:ngày|tháng)\s*$", "", gap)):
                continue
            year = sb.year - 1 if (sa.month, sa.day or 1) > (sb.month, sb.day or 1) else sb.year
            parts[i] = a._replace(spec=sa._replace(year=year, inherited=True))
        return parts


@functools.cache
def grammar(language: str) -> Grammar:
    """The grammar of ``language``, built once."""
    return Grammar(language)


