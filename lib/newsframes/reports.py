"""Reported speech in Vietnamese news, found from the text's structure alone (no actors, no dates).

:func:`find_reports` finds each reporting cue (``cho biết``, ``nêu rõ``, ``Theo X,`` ...), the noun phrase that
speaks, the reported content and its quote type, in the structures wire stories use::

    X cho biết (rằng) ...            X nêu rõ: "..."          Theo X, ...           "...", X nói.
    X cho rằng A và khẳng định B     (two statements, one speaker)
    X nói: "A. B."  "C."             (a quote over several sentences; a quote that continues the speaker)

:mod:`newsframes.statements` runs the same scan over an article's sentences (:func:`scan_paragraphs`) and
resolves the speakers and dates. The vocabulary lives in ``data/<language>/reporting.yaml``.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from itertools import accumulate, islice
from operator import sub
from re import Match
from typing import Any, NamedTuple

import ahocorasick

from .resources import check_language, load_yaml


class Report(NamedTuple):
    """One reported statement found in text, before its speaker is resolved. Offsets index the scanned text."""

    sentence: int  # index of the sentence holding the cue
    speaker_start: int | None
    speaker_end: int | None
    cue: str  # as written; "Theo" for a "Theo X," frame, "" for a quotation that continues a speaker
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    quote_type: str  # direct | indirect | mixed
    kind: str  # forward | trailing | theo | coordinated | participial | continuation
    link: int | None  # coordinated / continuation: index of the report whose speaker this one shares


#: Sentence kinds that never hold statements. Titles are skipped too: headlines repeat the lead without its
#: attribution ("Nga, Triều Tiên nhất trí '...'"), so a statement found there would be a duplicate or a guess.
SKIP_KINDS = frozenset({"title", "caption", "byline", "source"})

# TOKEN: a run of characters other than spaces and punctuation (so "16/7", "Jong-un" stay whole), or
# one punctuation mark.
TOKEN = re.compile(r"[^\s,;:.!?()\[\]\"'“”‘’«»…]+|\S")
_QUOTE_CHARS = re.compile("[\"'“”‘’«»]")
_OPENERS = frozenset("\"'“‘«")
_DOUBLE_QUOTES = frozenset("\"“”«»")
_CLOSERS = frozenset("\"'”’»")
_TRIM = " \t\n.,;:…-–—"
_TRIM_CLOSERS = _TRIM + "".join(sorted(_CLOSERS))
_PUNCT_BOUNDARY = frozenset({",", ";", ":", "-", "–", "—", "…"})
# Words that make a phrase a clause rather than a noun phrase (an apposition has none of them).
# ("mà" opens a relative clause: "những cáo buộc mà Moscow bác bỏ"; "đưa tin" reports a source.)
_NOT_NP = frozenset({"đã", "sẽ", "đang", "bị", "được", "không", "chưa", "là", "thì", "rằng", "cần", "phải", "mà", "đưa"})
_NOT_NP_OR_QUOTE = _NOT_NP | {"theo"} | _DOUBLE_QUOTES
_NARRATOR = frozenset({"tôi", "mình"})


_LEAD_SEPARATOR = re.compile("[,;:(]")
# A closing quotation mark, then a comma or a dash: what may stand before a trailing attribution
# ('"...", ông nói với báo chí.', '"..." - giáo sư Ball nói với Fairfax Media.').
_OPENING_MARK = re.compile("[“«‘\"]")
_QUOTE_THEN_SEP = re.compile(r"[\"”»’'][ \t]*[,\-–—]")
_SPACED_TOKEN = re.compile(r"\s*(?:" + TOKEN.pattern + ")")


class _Toks:
    """The tokens of ``text[start:end]`` as parallel lists, built by C loops (no Python code per token).

    With ``limit``, the last token is read on up to ``limit`` (the tokens of a cue: its last word may run past
    the cue's match). They are found on the lower-cased text, which has the same tokens at the same offsets (case never turns a
    letter into a space or a punctuation mark): ``low`` holds them lower-cased; as written, token ``j`` is
    ``text[start[j]:end[j]]`` and starts with ``text[start[j]]``.
    """

    __slots__ = ("start", "end", "low", "n")

    def __init__(self, low: str, start: int, end: int, limit: int | None = None):
        # Each chunk is a token with the spaces before it: the chunks' lengths add up to the tokens' ends.
        chunks = _SPACED_TOKEN.findall(low, start, end)
        self.end: list[int] = list(accumulate(map(len, chunks), initial=start))[1:]
        self.low: list[str] = list(map(str.lstrip, chunks))  # (str.isspace is what \s matches)
        self.start: list[int] = list(map(sub, self.end, map(len, self.low)))
        self.n = len(chunks)
        if limit is not None and chunks and self.end[-1] == end < limit:
            # The last token as it is when the text is tokenised up to ``limit`` (it may run on past ``end``).
            m = TOKEN.match(low, self.start[-1], limit)
            self.end[-1], self.low[-1] = m.end(), m.group()


def _first_tokens(text: str, n: int) -> list[str]:
    """The first ``n`` tokens of ``text`` (without tokenising the rest)."""
    return [m.group() for m in islice(TOKEN.finditer(text), n)]


class _Phrases:
    """A set of multi-word phrases matched on token sequences (lower-cased), longest first."""

    def __init__(self, items: Iterable[str]):
        self.items = frozenset(" ".join(m.group().lower() for m in TOKEN.finditer(s)) for s in items)
        self.longest = max((p.count(" ") + 1 for p in self.items), default=0)
        # By first and by last word, the lengths of the phrases (longest first): most calls fail on that word
        # without building any string, and the others join only lengths that exist.
        by_first: dict[str, set[int]] = {}
        by_last: dict[str, set[int]] = {}
        for p in self.items:
            words = p.split(" ")
            by_first.setdefault(words[0], set()).add(len(words))
            by_last.setdefault(words[-1], set()).add(len(words))
        self.firsts = {w: tuple(sorted(n, reverse=True)) for w, n in by_first.items()}
        self.lasts = {w: tuple(sorted(n, reverse=True)) for w, n in by_last.items()}

    def ending_at(self, lows: Sequence[str], i: int, lo: int = 0) -> int:
        """Length of the longest phrase equal to ``lows[i-k:i]`` (``i-k >= lo``), 0 if none."""
        if i <= lo or lows[i - 1] not in self.lasts:
            return 0
        for k in self.lasts[lows[i - 1]]:
            if k <= i - lo and (k == 1 or " ".join(lows[i - k:i]) in self.items):
                return k
        return 0

    def starting_at(self, lows: Sequence[str], i: int, hi: int | None = None) -> int:
        """Length of the longest phrase equal to ``lows[i:i+k]`` (``i+k <= hi``), 0 if none."""
        hi = len(lows) if hi is None else hi
        if i >= hi or lows[i] not in self.firsts:
            return 0
        for k in self.firsts[lows[i]]:
            if k <= hi - i and (k == 1 or " ".join(lows[i:i + k]) in self.items):
                return k
        return 0

    # Function words (adverbs, negation, noun markers) are lower-case: "Không quân", "Nhật Bản" are names. These
    # two match only words written in lower case (the first character of token j is text[starts[j]]).
    def ending_at_lower(self, toks: _Toks, text: str, i: int, lo: int = 0) -> int:
        lows, starts = toks.low, toks.start
        if i <= lo or lows[i - 1] not in self.lasts or text[starts[i - 1]].isupper():
            return 0
        for k in self.lasts[lows[i - 1]]:
            if k <= i - lo and (k == 1 or (" ".join(lows[i - k:i]) in self.items and not any(
                    text[p].isupper() for p in starts[i - k:i - 1]))):
                return k
        return 0

    def starting_at_lower(self, toks: _Toks, text: str, i: int, hi: int) -> int:
        lows, starts = toks.low, toks.start
        if i >= hi or lows[i] not in self.firsts or text[starts[i]].isupper():
            return 0
        for k in self.firsts[lows[i]]:
            if k <= hi - i and (k == 1 or (" ".join(lows[i:i + k]) in self.items and not any(
                    text[p].isupper() for p in starts[i + 1:i + k]))):
                return k
        return 0


def _cover(phrases: list[list[str]]) -> tuple[str, ...]:
    """A few words such that every phrase holds one of them: each time, the word in most phrases left."""
    words: list[str] = []
    left = phrases
    while left:
        counts: dict[str, int] = {}
        for p in left:
            for w in set(p):
                counts[w] = counts.get(w, 0) + 1
        best = min(counts, key=lambda w: (-counts[w], w))
        words.append(best)
        left = [p for p in left if best not in p]
    return tuple(words)


def _trie(words: Iterable[str]) -> str:
    """A regex that matches any of ``words`` (longest first), shaped as a trie so that a position fails fast."""
    root: dict = {}
    for w in words:
        node = root
        for ch in " ".join(w.lower().split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation that tries longer entries first (so "cho biết thêm" wins over "cho biết")."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


class _Vocab:
    def __init__(self, data: dict[str, Any]):
        cues = set(data["cues"]) | set(data["marked_cues"])
        self.marked = frozenset(w.lower() for w in data["marked_cues"])
        # One pattern for every cue, matched on the lower-cased text; "thêm" after a cue belongs to it
        # ("cho biết thêm", "nói thêm"). The left word boundary is checked on each match (cheaper than a
        # look-behind at every position).
        self.cue_re = re.compile("(?:" + _trie(cues) + r")(?: thêm)?(?!\w)")
        # Every place where a cue, "theo ", "dẫn lời" or "trích lời" starts, found in one pass over an article:
        # most sentences have none and are skipped before any other work.
        self.candidates = ahocorasick.Automaton()
        for w in {" ".join(w.lower().split()) for w in cues}:
            self.candidates.add_word(w, (len(w), 0))
        self.candidates.add_word("theo ", (5, 1))
        for w in ("dẫn lời", "trích lời"):
            self.candidates.add_word(w, (len(w), 2))
        self.candidates.make_automaton()
        p = {k: _Phrases(v) for k, v in data.items() if isinstance(v, list) and k not in ("cues",)}
        self.complementizers = p["complementizers"]
        self.noun_before = p["noun_before"]
        self.not_after_all = _Phrases(data["not_after"]["all"])
        self.not_after = {k.lower(): _Phrases(v) for k, v in data["not_after"].items() if k != "all"}
        self.adverbs = p["adverbs"]
        self.negators = p["negators"]
        self.adverbs_or_negators = _Phrases(data["adverbs"] + data["negators"])
        self.coordinators = p["coordinators"]
        self.subordinators = p["subordinators"]
        self.boundaries = p["subject_boundaries"]
        self.back_stops = frozenset({"(", ")"} | _PUNCT_BOUNDARY | self.boundaries.lasts.keys())
        self.not_boundary = p["not_boundary"]
        self.not_subject_start = p["not_subject_start"]
        self.adjuncts = p["subject_adjuncts"]
        self.gap_starts = p["gap_starts"]
        self.trailing_adjuncts = p["trailing_adjuncts"]
        self.recipient_starts = p["recipient_starts"]
        self.relative_ends = p["relative_ends"]
        self.document_heads = p["document_nouns"]
        self.not_recipient = p["not_recipient"]
        self.theo_not_speaker = p["theo_not_speaker"]
        self.media = p["media"]
        self.theo_nouns = p["theo_speech_nouns"]
        self.person_pronouns = p["person_pronouns"]
        self.group_pronouns = p["group_pronouns"]
        self.person_nouns = p["person_nouns"]
        self.subject_heads = p["subject_heads"]
        self.first_person = p["first_person"]
        self.source_links = p["source_links"]
        # Words of which every phrase holds one (lower-cased): a sentence without any of them has no match.
        self.same_date_words = _cover([w.lower().split() for w in data["same_date"]])
        self.same_date = re.compile(r"(?<!\w)(?:" + _alternation(data["same_date"]) + r")(?!\w)", re.IGNORECASE)
        self.adverbial_starts = p["adverbial_starts"]
        time_words = re.sub(r"\s+", "", data["subject_time"])
        self.subject_time = re.compile(r"(?:^|\s)(?:" + time_words + r")\s*$", re.I)
        # The same where "^" cannot match (a search that starts past the text's beginning): a pattern that starts
        # with a space class lets the regex engine skip to the spaces.
        self.subject_time_inner = re.compile(r"\s(?:" + time_words + r")\s*$", re.I)
        # What may stand before a "Theo X," frame in its sentence: nothing, a clause ending in ",;:(", and then
        # a conjunction of one or two words.
        self.theo_lead = re.compile(r"(?:[\s,;:(]*|.*[,;:(]\s*)(?:(?:cũng|và|nhưng|còn|song|tuy nhiên)\s+)?$", re.I | re.S)
        # _finish looks at the first words after a cue: enough of them to tell a short trailing adjunct.
        rest = (self.trailing_adjuncts, self.coordinators, self.recipient_starts, self.not_recipient)
        self.rest_tokens = max(15, *(x.longest for x in rest))
        self.rest_firsts = frozenset().union(*(x.firsts for x in rest))
        self.gap_re = re.compile(r"(?<!\w)rằng(?!\w)|:")
        self.source_tail = re.compile(r"(?:,\s*|\(\s*)theo\s+([^,()]{1,60}?)\)?\s*[.;]?\s*$", re.IGNORECASE)


@functools.cache
def vocabulary(language: str) -> _Vocab:
    """The reporting vocabulary of ``language``, compiled once."""
    return _Vocab(load_yaml(check_language(language), "reporting.yaml"))


# --------------------------------------------------------------------------------------------------------------
# Quotations


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) index pairs of quotations in ``text[start:end]``; an unclosed quote closes at ``end``."""
    spans: list[tuple[int, int]] = []
    open_at: dict[str, int] = {}
    for m in _QUOTE_CHARS.finditer(text, start, end):
        ch, i = m.group(), m.start()
        if ch in "“«‘":
            open_at.setdefault(ch, i)
        elif ch in "”»":
            key = "“" if ch == "”" else "«"
            if key in open_at or (ch == "”" and '"' in open_at):
                spans.append((open_at.pop(key if key in open_at else '"'), i))
        elif ch == "’":
            if "‘" in open_at:
                spans.append((open_at.pop("‘"), i))
        elif ch == '"':
            if '"' in open_at:
                spans.append((open_at.pop('"'), i))
            elif "“" in open_at:
                spans.append((open_at.pop("“"), i))
            elif i > start and not text[i - 1].isspace() and (i + 1 >= end or not text[i + 1].isalnum()):
                pass  # a closing mark whose quotation opened before this paragraph ('...", ông nói.')
            else:
                open_at['"'] = i
        else:  # straight single quote: a quotation mark only at word edges, else an apostrophe
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if "'" in open_at:
                if not after.isalnum() and not before.isspace():
                    spans.append((open_at.pop("'"), i))
            elif (before.isspace() or before in "(“\"") and after.isalnum():
                open_at["'"] = i
    for i in open_at.values():
        if text[i] != "'":  # an unclosed single quote is most likely an apostrophe
            spans.append((i, end))
    spans.sort()
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    for o, c in spans:
        if o > pos:
            break
        if o < pos < c:
            return True
    return False


# --------------------------------------------------------------------------------------------------------------
# The structural scan


class _Draft:
    """A report being built: its content end may still move (a second cue cuts the first content)."""

    __slots__ = ("sentence", "sp", "cue", "cs", "ce", "a", "b", "kind", "link", "quote_open", "person_frame", "quotes",
                 "open_colon")

    def __init__(self, sentence, sp, cue, cs, ce, a, b, kind, link=None, quote_open=None, person_frame=False):
        self.sentence, self.sp, self.cue, self.cs, self.ce = sentence, sp, cue, cs, ce
        self.a, self.b, self.kind, self.link = a, b, kind, link
        self.quote_open, self.person_frame = quote_open, person_frame
        self.quotes: list[tuple[int, int]] = []
        self.open_colon = False  # "X cho biết:" ends the sentence: the content follows it


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def _shape(text: str, a: int, b: int, quotes: list[tuple[int, int]], open_start: bool = False) -> tuple[int, int, str]:
    """Trim a content span and tell its quote type; a wholly quoted content loses its quotation marks."""
    a, b = _trim(text, a, b)
    if a >= b:
        return a, b, "indirect"
    if text[a] in _OPENERS:
        for o, c in quotes:
            if o == a:
                if c >= b - 1 or not text[c + 1:b].strip(_TRIM_CLOSERS):
                    ia, ib = _trim(text, a + 1, min(c, b))
                    return ia, ib, "direct"
                break
    if any(a <= o < b or a < c < b for o, c in quotes):
        return a, b, "mixed"
    if text[b - 1] in "”»\"" and not any(o < a < c for o, c in quotes):
        # The end of a quotation opened before the text at hand: the whole content when it starts the sentence
        # ("..., vậy thì con sẽ làm”, ông nói."), else a stray mark.
        ia, ib = _trim(text, a, b - 1)
        return ia, ib, "direct" if open_start else "indirect"
    return a, b, "indirect"


class _Scanner:
    def __init__(self, vocab: _Vocab):
        self.v = vocab
        self.later_cue = False  # another cue follows the one being analysed in its sentence

    # -- subjects ----------------------------------------------------------------------------------------------
    def _boundary_back(self, toks: _Toks, lows: list[str], i: int, lo: int = 0) -> tuple[int, str]:
        """Walk back from token ``i`` to the start of a subject: returns (first subject token, boundary kind)."""
        v, text, starts, depth, j = self.v, self.text, toks.start, 0, i - 1
        boundary_lasts, stops = v.boundaries.lasts, v.back_stops
        while j >= lo:
            t = lows[j]
            if t not in stops:  # most words: neither a bracket nor a boundary
                j -= 1
                continue
            if t == ")":
                depth += 1
            elif t == "(":
                if not depth:
                    return j + 1, "("
                depth -= 1
            elif not depth:
                if t in _PUNCT_BOUNDARY and not (t in "-–" and j + 1 < i and text[starts[j + 1]].isupper()
                                                 and j > lo and text[starts[j - 1]] not in _CLOSERS) \
                        and not (t == "," and j > lo and self._name_comma(toks, lows, j, i)):
                    # (a dash between capitalised words joins a name: "Trường THCS - THPT Hồng Đức")
                    return j + 1, t
                k = v.boundaries.ending_at(lows, j + 1, lo) if t in boundary_lasts else 0
                if k and not (
                    v.not_boundary.ending_at(lows, j + 2, lo) or v.not_boundary.ending_at(lows, j + 1, lo)
                    or v.not_boundary.ending_at(lows, j + 1 - k + 1, lo)
                ):
                    return j + 1, "word"
            j -= 1
        return lo, "start"

    def _name_comma(self, toks, lows, j: int, hi: int) -> bool:
        """A comma inside a name or a list of names ("Cục Phát thanh, Truyền hình và Thông tin điện tử",
        "Ai Cập, Bahrain và UAE"): capitalised words on both sides and "và" before a capital further on."""
        text, starts = self.text, toks.start
        if not (text[starts[j - 1]].isupper() and j + 1 < hi and text[starts[j + 1]].isupper()):
            return False
        k = j + 1
        while k < hi - 1 and lows[k] not in (",", ";", ":"):
            if lows[k] == "và" and text[starts[k + 1]].isupper():
                return True
            k += 1
        return False

    def _clean_subject(self, text: str, toks: _Toks, lows: list[str], a: int, b: int) -> tuple[int, int] | None:
        """Token range [a, b) of a subject, cleaned of adjuncts, times and a trailing parenthesis; None if it
        does not look like a noun phrase."""
        v = self.v
        adjuncts = v.adjuncts
        if not adjuncts.firsts.keys().isdisjoint(lows[a + 1:b]):
            for k in range(a + 1, b):
                if adjuncts.starting_at(lows, k, b):
                    b = k
                    break
        sa = toks.start[a]
        for _ in range(3):
            if b <= a:
                return None
            m = (v.subject_time_inner if sa else v.subject_time).search(text, sa, toks.end[b - 1])
            if m and m.start() > sa:
                cut = m.start()
                while b > a and toks.start[b - 1] >= cut:
                    b -= 1
            if b > a and lows[b - 1] == ")":
                depth = 0
                for k in range(b - 1, a, -1):
                    depth += lows[k] == ")"
                    depth -= lows[k] == "("
                    if not depth:
                        b = k
                        break
            k = v.adverbs.ending_at_lower(toks, text, b, a + 1)
            if not k:
                break
            b -= k
        if b <= a or toks.end[b - 1] - toks.start[a] > 120:
            return None
        w = lows[a]  # (each list is tried only when its phrases can start with this word)
        if (w in v.not_subject_start.firsts and v.not_subject_start.starting_at(lows, a, b)) or (
                w in v.adverbial_starts.firsts and v.adverbial_starts.starting_at(lows, a, b) == b - a):
            return None
        first = text[toks.start[a]]
        if not (first.isupper() or first.isdigit() or (w in v.subject_heads.firsts and v.subject_heads.starting_at(lows, a, b))):
            return None
        if text[toks.start[b - 1]:toks.end[b - 1]] in ("và", "của", "với", "cho", "là", "rằng", "thì"):
            return None
        if (w in v.first_person.firsts and v.first_person.starting_at(lows, a, b)) or not self._np(toks, lows, a, b):
            return None
        if not _NARRATOR.isdisjoint(lows[a:b]) and any(
                w in _NARRATOR and text[p].islower() for w, p in zip(lows[a:b], toks.start[a:b], strict=True)):
            return None  # "bạn bè tôi": a narrator's words, inside a quotation whatever the marks say
        return a, b

    def _adverbial_lead(self, toks, lows, pa: int, comma: int) -> bool:
        """The content starting at offset ``pa`` is one adverbial phrase up to the comma at token ``comma``."""
        i = bisect.bisect_left(toks.start, pa)
        return i < comma and self._is_adverbial(lows, i, comma) and "," not in lows[i:comma] \
            and self.text[toks.start[i]].islower()

    def _is_adverbial(self, lows: list[str], a: int, b: int) -> bool:
        return bool(self.v.adverbial_starts.starting_at(lows, a, b))

    def _np(self, toks, lows, a: int, b: int) -> bool:
        """No verb-like word (aspect, passive, copula) and no quotation: a noun phrase, as far as one can tell."""
        # ("Theo" in any case: a caption glued in front, "Ảnh: KYODO Theo Kyodo, ...")
        words = lows[a:b]
        if _NOT_NP_OR_QUOTE.isdisjoint(words):
            return True
        text = self.text
        return not any((w in _NOT_NP and text[p].islower()) or w == "theo" for w, p in zip(words, toks.start[a:b], strict=True)) \
            and _DOUBLE_QUOTES.isdisjoint(words)  # (an apostrophe may belong to a name: "Sotheby's")

    def _name_like(self, toks, lows, a: int, b: int) -> bool:
        """A name: an honorific and a name ("ông Lê Văn Thanh"), or capitalised words only ("Frank Owen")."""
        if self.v.person_pronouns.starting_at(lows, a, b):
            return True
        text = self.text
        if all(text[p].isupper() or not text[p].isalpha() for p in toks.start[a:b]):
            return True
        # A title and a name: "Đô đốc Yudo Margono", "Chuẩn tướng Restituto Padilla".
        return text[toks.start[b - 1]].isupper() and self._titled(toks, lows, a, b)

    def _titled(self, toks, lows, a: int, b: int) -> bool:
        """A title or description: a capital ("Phó Chủ tịch UBND"), or a person noun ("một quan chức ...",
        "nhà quan sát ..."), not a pronoun ("chị hay đi qua ..." starts a clause)."""
        v = self.v
        if lows[a] in ("một", "các", "những", "vị", "nữ") and a + 1 < b:
            a += 1
        if self.text[toks.start[a]].isupper() or v.person_nouns.starting_at(lows, a, b):
            return True
        return bool(v.subject_heads.starting_at(lows, a, b)) and not v.person_pronouns.starting_at(lows, a, b)

    def _apposition(self, text, toks, lows, comma: int, s2: tuple[int, int], lo: int = 0) -> int | None:
        """``ông A, Giám đốc B, cho biết`` / ``Chủ tịch B, bà A, nhận định``: the start of the noun phrase
        before the comma at token ``comma`` when it and ``s2`` (the phrase after it) name one speaker."""
        a1, kind = self._boundary_back(toks, lows, comma, lo)
        if kind == "word" and lows[comma] in ("-", "–", "—") and any(
                self.v.person_pronouns.starting_at_lower(toks, self.text, j, comma) for j in range(a1, min(a1 + 2, comma))):
            # "Trong khi đó ông Chulhe Jeong - trợ lý ... nói": an honorific and a name before a dash
            while not self.v.person_pronouns.starting_at_lower(toks, self.text, a1, comma):
                a1 += 1
        elif kind == "word" and not (a1 - self.v.source_links.ending_at(lows, a1, lo) > lo and
                                     self.v.source_links.ending_at(lows, a1, lo)):
            return None  # "Dẫn báo cáo của Sở Tài chính, ông A" (but "... dẫn lời ông A, đại sứ B, cho biết")
        if a1 >= comma or comma - a1 > 10 or self._is_adverbial(lows, a1, comma):
            return None
        if not self._clean_subject(text, toks, lows, a1, comma) or not self._np(toks, lows, a1, comma):
            return None
        if not self._np(toks, lows, *s2):
            return None
        if self._name_like(toks, lows, a1, comma) and self._titled(toks, lows, *s2):
            return a1
        if self._titled(toks, lows, a1, comma) and self._name_like(toks, lows, *s2):
            return a1
        return None

    def _main_subject(self, text, toks, lows, upto: int) -> tuple[int, int] | None:
        """The subject of the sentence's main clause (for ``X phản đối ..., cho rằng ...``)."""
        v, i, starts = self.v, 0, toks.start
        while i < upto:
            j = i
            while j < upto and lows[j] != ",":
                j += 1
            if j < upto and lows[j - 2:j] == ["đưa", "tin"]:
                i = j + 1  # "Báo chí Đức đưa tin, X nói rằng ...": a source, then the clause
                continue
            if v.adverbial_starts.starting_at(lows, i, upto) or v.not_subject_start.starting_at(lows, i, upto):
                j = i
                while j < upto and lows[j] != ",":
                    j += 1
                i = j + 1
                continue
            break
        if i >= upto:
            return None
        j = i
        while j < upto and j - i < 10 and lows[j] not in (",", ";", ":", "(") and lows[j][0] not in _OPENERS \
                and not v.adverbs_or_negators.starting_at_lower(toks, text, j, upto):
            # A noun phrase ends at the first lower-case word after a capitalised one, past the first word
            # ("Tổng thống Trump | phản đối", "Trung Quốc | phản đối", "Ông Putin | chỉ trích").
            if j > i + 1 and text[starts[j]].islower() and text[starts[j - 1]].isupper() and (
                j + 1 >= upto or not text[starts[j + 1]].isupper()
            ):
                break
            j += 1
        if j < upto and lows[j] == ":":  # "Ảnh: ..." is a credit, not a subject
            return None
        if v.document_heads.starting_at_lower(toks, text, i, j):
            return None  # "Từ hướng dẫn, thông báo của cơ sở đào tạo, sinh viên sẽ ... cam kết ...": no subject
        return self._clean_subject(text, toks, lows, i, j)

    # -- content ---------------------------------------------------------------------------------------------
    def _content_start(self, text: str, ce: int, e: int, marked: bool) -> tuple[int, bool] | None:
        """Where the content starts after a cue, and whether a marker (colon, "rằng", quote) introduced it."""
        v = self.v
        p = ce
        while p < e and text[p].isspace():
            p += 1
        marker = False
        if p < e and text[p] in ",:":
            marker = text[p] == ":" or marked
            p += 1
            while p < e and text[p].isspace():
                p += 1
        m = TOKEN.match(self.low, p, e)
        if m and v.complementizers.starting_at([m.group()], 0):
            p, marker = m.end(), True
            while p < e and (text[p].isspace() or text[p] in ",:"):
                p += 1
        if not marker and p < e and text[p] not in _OPENERS and m is not None and (
                m.group() in v.gap_starts.firsts or m.end() > p + 30):  # (else no gap phrase starts here)
            first = TOKEN.findall(self.low, p, min(e, p + 30))[:3]
            if first and v.gap_starts.starting_at(first, 0):
                g = self._gap_end(text, p, e)
                if g is not None:
                    p, marker = g, True
                    while p < e and (text[p].isspace() or text[p] in ",:"):
                        p += 1
        if p < e and text[p] in _OPENERS:
            marker = True
        if marked and not marker:
            return None
        return p, marker

    def _gap_end(self, text: str, p: int, e: int) -> int | None:
        """Where an adjunct gap that starts at ``p`` ends in "rằng" or a colon, up to 90 characters on ("nói với
        phóng viên TTXVN rằng", "viết trên Twitter:"), else None. A comma may stand only inside a list of names that
        runs to the end ("trước các phóng viên ở Canberra, Australia rằng"): else it ends a clause ("nhận định trong
        tương lai xa, Kiatisuk có thể ...:")."""
        g = self.v.gap_re.search(text, p, min(e, p + 90))
        if g is None or _QUOTE_CHARS.search(text, p, g.start()):
            return None
        c = text.find(",", p, g.start())
        if c >= 0 and not all(w[0].isupper() for w in text[c:g.start()].replace(",", " ").split() or ("x",)):
            return None
        return g.end()

    def _content_end(self, text: str, a: int, e: int, para_end: int, quotes) -> int:
        """The sentence end, or further if a quotation opened in the content runs on into later sentences."""
        b = e
        for o, c in quotes:
            if a <= o < e <= c:
                b = max(b, min(c + 1, para_end))
        m = self.v.source_tail.search(text, a, b)
        if m and self.v.media.starting_at([t.lower() for t in TOKEN.findall(m.group(1))], 0):
            b = m.start()
        return b

    # -- one paragraph ---------------------------------------------------------------------------------------
    def paragraph(self, text: str, sentences: Sequence[tuple[int, int, int, bool]], carry: _Draft | None,
                  out: list[_Draft]) -> _Draft | None:
        """Scan one paragraph's sentences ``(index, start, end, eligible)``; append drafts to ``out``.

        ``carry`` is the last report when the sentence just before this paragraph held one (a quotation at the
        start of the paragraph may continue it). Returns the same for the next paragraph.
        """
        if not sentences:
            return carry
        pstart, pend = sentences[0][1], sentences[-1][2]
        hits, low, kind_at = self.hits, self.low, self.kind_at
        nhits = len(hits)
        h = bisect.bisect_left(hits, pstart)
        if carry is None and (h == nhits or hits[h] >= pend):
            return None  # no candidate anywhere in the paragraph, and no quotation to continue
        quotes = None  # the paragraph's quotations, found when first needed
        if carry is not None and carry.open_colon:
            # The paragraph after "X cho biết:" is its content when it is a quotation or names no speaker itself.
            carry.open_colon = False
            _, s0, _, eligible0 = sentences[0]
            if not eligible0:
                return self.paragraph(text, sentences, None, out)
            if text[s0] not in _OPENERS and not (h == nhits or hits[h] >= pend):
                own: list[_Draft] = []
                last = self.paragraph(text, sentences, None, own)
                if any(d.sp is not None for d in own):
                    out.extend(own)
                    return last
            carry.a, carry.b, carry.quotes = pstart, pend, _quote_spans(text, pstart, pend)
            return None
        consumed = pstart
        if carry is not None and carry.b >= pstart - 1 and carry.quotes:
            consumed = self._quote_runs_on(text, carry, sentences, pstart, pend)
        prev_last = carry
        for idx, s, e, eligible in sentences:
            if not eligible:
                prev_last = None
                continue
            opening = prev_last is not None and text[s] in _OPENERS
            h = bisect.bisect_left(hits, s, h)
            if (h == nhits or hits[h] >= e) and not opening:
                prev_last = None
                continue
            # Candidates, found on the lower-cased text: cues (a capitalised one is part of a name, "Phòng Dự
            # báo", or opens the sentence with no subject), "theo", "dẫn lời", a quotation that may continue.
            # (each kind of candidate is looked at only when the automaton saw one in the sentence)
            cues = []
            kinds = 0
            for k in map(kind_at.__getitem__, hits[h:bisect.bisect_left(hits, e, h)]):
                kinds |= k
            if kinds & 1:
                for m in self._cue_matches(s, e):
                    if self._plausible(text, m, e, consumed):
                        if quotes is None:
                            quotes = _quote_spans(text, pstart, pend)
                        if not _inside(quotes, m.start()) and self._marked_ok(text, m, s, e):
                            cues.append(m)
            theo = self._theo_candidate(text, s, e) if kinds & 2 else -1
            cited = bool(kinds & 4) and (low.find("dẫn lời", s, e) >= 0 or low.find("trích lời", s, e) >= 0)
            if cues or theo >= 0 or cited or opening:
                if quotes is None:
                    quotes = _quote_spans(text, pstart, pend)
                here = self._sentence(text, idx, s, e, pend, quotes, consumed, prev_last, cues, theo, cited)
            else:
                here = []
            for d in here:
                d.quotes = quotes
                if d.open_colon and e < pend:  # "X cho biết:" and more sentences in the paragraph: they say it
                    d.a, d.b, d.open_colon = e, pend, False
                consumed = max(consumed, d.b)
            out.extend(here)
            prev_last = here[-1] if here else None
        return prev_last

    @staticmethod
    def _quote_runs_on(text: str, carry: _Draft, sentences, pstart: int, pend: int) -> int:
        """A quotation left open at the end of the last paragraph that closes in this one ('X nói: "A.' / 'B".'):
        the content of ``carry`` runs on to the closing mark. Returns where this paragraph's own scan starts."""
        o = next((o for o, c in carry.quotes if carry.a - 1 <= o and c >= carry.b - 1 and text[o] in _DOUBLE_QUOTES), None)
        if o is None:
            return pstart
        m = _QUOTE_CHARS.search(text, pstart, pend)
        if m is None or m.group() not in "\"”»" or text[m.start() - 1].isspace():
            return pstart  # the first mark opens a quotation: the old one was never closed
        q = m.start()
        for _, s, e, eligible in sentences:
            if s <= q < e:
                if not eligible or text[q + 1:e].strip(_TRIM_CLOSERS):
                    return pstart  # ('B", ông nói.': the attribution that closes it is scanned as usual)
                break
        carry.b = q + 1
        carry.quotes = [(a, q) if a == o else (a, c) for a, c in carry.quotes]
        return q + 1

    def _first_cue(self, s: int, e: int) -> Match | None:
        """What ``cue_re.search(low, s, e)`` finds, trying only where the automaton saw a cue start."""
        at, match, low = self.cue_at, self.v.cue_re.match, self.low
        for k in range(bisect.bisect_left(at, s), len(at)):
            if at[k] >= e:
                break
            m = match(low, at[k], e)
            if m:
                return m
        return None

    def _cue_matches(self, s: int, e: int) -> list[Match]:
        """What ``cue_re.finditer(low, s, e)`` finds, trying only where the automaton saw a cue start."""
        at, match, low = self.cue_at, self.v.cue_re.match, self.low
        out: list[Match] = []
        pos = s
        for k in range(bisect.bisect_left(at, s), len(at)):
            p = at[k]
            if p >= e:
                break
            if p >= pos:
                m = match(low, p, e)
                if m:
                    out.append(m)
                    pos = m.end()
        return out

    def _theo_candidate(self, text: str, s: int, e: int) -> int:
        """The first "theo" of the sentence that may open a "Theo X," frame (cheap checks), or -1."""
        low, v, at = self.low, self.v, self.theo_at
        for k in range(bisect.bisect_left(at, s), len(at)):
            pos = at[k]
            if pos + 5 > e:  # ("theo " within the sentence)
                break
            if (pos == s or not low[pos - 1].isalnum()) and self._theo_lead(text, s, pos):
                nxt = [m.group() for m in islice(TOKEN.finditer(low, pos + 5, min(e, pos + 40)), 3)]
                if nxt and not v.theo_not_speaker.starting_at(nxt, 0) and not v.media.starting_at(nxt, 0):
                    return pos
        return -1

    def _theo_lead(self, text: str, s: int, pos: int) -> bool:
        """``theo_lead`` matches ``text[s:pos]``. Without a ",;:(" there, only spaces and a conjunction of at
        most two words could precede: a longer lead is refused without running the pattern."""
        if _LEAD_SEPARATOR.search(text, s, pos) is None and len(text[s:pos].split()) > 2:
            return False
        return self.v.theo_lead.match(text, s, pos) is not None

    def _plausible(self, text: str, m: re.Match, e: int, consumed: int) -> bool:
        """Cheap checks on a cue match before the sentence is tokenised (then: not quoted, _marked_ok)."""
        cs, ce = m.span()
        low = self.low
        if (cs and low[cs - 1].isalnum()) or text[cs].isupper() or cs < consumed:
            # A capitalised cue is part of a name ("Phòng Dự báo") or opens the sentence with no subject.
            return False
        v = self.v
        base = m.group()
        base = base[:-5] if base.endswith(" thêm") else base
        # Followed by a word that makes it a noun or an idiom: "tuyên bố của", "nói chung", "nói trên".
        first = TOKEN.search(low, ce, min(e, ce + 40))
        if first is None:
            return True
        word = first.group() if not text[first.start()].isupper() else "\x00"
        not_after = v.not_after.get(base)
        if word not in v.not_after_all.firsts and (not_after is None or word not in not_after.firsts):
            return True
        if word == "trên" and self._gap_end(text, first.start(), e) is not None:
            # "viết trên Twitter:", "thông báo trên trang web rằng": where it was said, then the content (not "5 hộ
            # kinh doanh kể trên đã vi phạm:").
            nxt = TOKEN.search(low, first.end(), min(e, first.end() + 30))
            if nxt is not None and (text[nxt.start()].isupper() or nxt.group() in v.media.firsts):
                return True
        after = [m.group() if not text[m.start()].isupper() else "\x00"
                 for m in islice(TOKEN.finditer(low, ce, min(e, ce + 40)), 3)]
        return not (v.not_after_all.starting_at(after, 0) or (not_after is not None and not_after.starting_at(after, 0)))

    def _marked_ok(self, text: str, m: re.Match, s: int, e: int) -> bool:
        """A cue that reports only with a marker ("chia sẻ", "viết") has one, or may close a quotation
        ('"...", ông phát biểu.')."""
        base = m.group()
        base = base[:-5] if base.endswith(" thêm") else base
        return base not in self.v.marked or self._content_start(text, m.end(), e, True) is not None \
            or self._after_quote(text, s, m.start())

    @staticmethod
    def _after_quote(text: str, s: int, cs: int) -> bool:
        """A closing quotation mark and a comma or dash stand before the cue at ``cs``: it may be a trailing
        attribution, whatever follows it ('"...", ông nói với những người ủng hộ.')."""
        m = _QUOTE_THEN_SEP.search(text, s, cs)
        if m is None:
            return False
        # The quotation opens the sentence, or opened before it ("Dẫn câu tục ngữ "...", X cho rằng với ..." is
        # no attribution of the proverb).
        a = s
        while a < m.start() and text[a].isspace():
            a += 1
        return text[a] in _OPENERS or _OPENING_MARK.search(text, a, m.start()) is None

    def _sentence(self, text, idx, s, e, pend, quotes, consumed, prev_last, cues, theo, cited) -> list[_Draft]:
        low = self.low
        if theo >= 0 or cited or not cues:  # a frame, a source or a continuation may need every token
            toks = _Toks(low, s, e)
        else:  # cues need the tokens before them and their own (up to 40 characters past the last one)
            last = cues[-1].end()
            toks = _Toks(low, s, last, min(e, last + 40))
        lows, starts = toks.low, toks.start
        here: list[_Draft] = []

        # "Theo X, ..." frames.
        frame = after = None
        while 0 <= theo < e:
            if (theo == 0 or not low[theo - 1].isalnum()) and theo >= consumed and not _inside(quotes, theo) \
                    and self._theo_lead(text, s, theo):
                i = bisect.bisect_left(starts, theo)
                frame = self._theo(text, toks, lows, i, i + 1, idx, e, pend, quotes)
                if frame and frame.cs > frame.a:  # "CONTENT, theo ông X.": only if no cue reports CONTENT
                    after, frame = frame, None
                    break
                if frame:
                    here.append(frame)
                    break
            theo = low.find("theo ", theo + 5, e)

        for n, m in enumerate(cues):
            cs, ce = m.span()
            self.later_cue = n + 1 < len(cues)
            if frame is not None and frame.cs <= cs < frame.a:  # "Theo ông A cho biết, ...": inside the frame
                continue
            ci, cj = bisect.bisect_left(starts, cs), bisect.bisect_left(starts, ce)
            d = self._cue(text, toks, lows, ci, cj, text[cs:ce], m.group(), idx, s, e, pend, quotes, here)
            if d is None:
                continue
            if frame is not None and frame in here and d.kind in ("forward", "trailing") and frame.a <= d.sp[0] < frame.b:
                # "Theo Yonhap, Đại sứ quán Nga cho biết ...": the frame names a source, the cue the speaker.
                here.remove(frame)
            if d.kind == "trailing":  # what it attributes holds no statement of its own
                here = [x for x in here if not d.a <= x.cs < d.b]
            here.append(d)

        if after is not None:
            if not here:
                here.append(after)
            else:  # "X cho biết A, theo ông B.": the cue's speaker says A, and ", theo ông B" is not part of it
                comma = text.rfind(",", after.b, after.cs)
                for d in here:
                    if d.a <= after.cs < d.b and comma >= d.a:
                        d.b = comma
        if (not here or here[-1].b < e - 1) and cited:
            d = self._quoted_by(text, toks, lows, idx, s, quotes)
            if d is not None and not any(x.cs >= d.a for x in here):
                here = [x for x in here if not d.a <= x.cs < d.b]
                here.append(d)

        if not here and prev_last is not None and s >= consumed:
            d = self._continuation(text, idx, s, e, pend, quotes, prev_last)
            if d:
                here.append(d)
        return here

    def _theo(self, text, toks, lows, i, j, idx, e, pend, quotes) -> _Draft | None:
        """A ``Theo X, CONTENT`` frame: tokens ``i`` ("Theo") and ``j`` (first of X)."""
        v = self.v
        k = j
        depth = 0
        while k < toks.n and not (lows[k] in (",", ";", ":") and not depth and not (
                lows[k] == "," and self._name_comma(toks, lows, k, toks.n))):
            depth += lows[k] == "("
            depth -= lows[k] == ")"
            k += 1
        if k >= toks.n:
            return self._theo_after(text, toks, lows, i, j, idx, quotes)
        if k == j or toks.start[k] - toks.start[j] > 120:
            return None
        a, b = j, k
        cue = self._first_cue(toks.start[a], toks.end[b - 1])
        if cue and cue.end() == toks.end[b - 1]:  # "Theo ông A cho biết, ..."
            b = bisect.bisect_left(toks.start, cue.start(), a, b)
        else:
            # "Theo ông A, Giám đốc B, ...": the apposition belongs to the speaker, not to the content.
            k2 = k + 1
            while k2 < toks.n and lows[k2] not in (",", ";", ":"):
                k2 += 1
            # (an apposition that opens with "một" may be long: "một lãnh đạo tại công ty sản xuất ôxy lớn nhất Ấn Độ
            # Linde Plc")
            if k2 < toks.n and k2 - k - 1 <= (16 if lows[k + 1] == "một" else 12) and lows[k2] == "," \
                    and self._np(toks, lows, k + 1, k2) and (
                (self._name_like(toks, lows, j, k) and self._titled(toks, lows, k + 1, k2))
                or (self._titled(toks, lows, j, k) and self._name_like(toks, lows, k + 1, k2))
            ):
                k = b = k2
        n = v.theo_nouns.starting_at(lows, a, b)
        if n:
            if a + n < b and lows[a + n] in ("của", "từ"):
                a += n + 1
            elif lows[a] == "lời" and a + n < b:
                a += n
            else:
                return None
        if a >= b or v.theo_not_speaker.starting_at(lows, a, b) or v.media.starting_at(lows, a, b):
            return None
        sub = self._clean_subject(text, toks, lows, a, b)
        if not sub:
            return None
        ca = toks.end[k]
        cb = self._content_end(text, ca, e, pend, quotes)
        if not text[ca:cb].strip(_TRIM):
            return None
        person = bool(v.person_pronouns.starting_at(lows, sub[0], sub[1]) or v.person_nouns.starting_at(lows, sub[0], sub[1]))
        return _Draft(idx, (toks.start[sub[0]], toks.end[sub[1] - 1]), text[toks.start[i]:toks.end[i]], toks.start[i], toks.end[i],
                      ca, cb, "theo", person_frame=person)

    def _theo_after(self, text, toks, lows, i, j, idx, quotes) -> _Draft | None:
        """``CONTENT, theo ông X.``: a person named after "theo" at the end of the sentence says what is before
        it ("theo Reuters", "theo kế hoạch" are no such frame: a person pronoun or noun must open X)."""
        v = self.v
        b = toks.n
        while b > j and lows[b - 1] in (".", "!", "…", ")", "?"):
            b -= 1
        if i < 2 or lows[i - 1] != "," or b <= j or b - j > 10:
            return None
        a = j + 1 if lows[j] in ("một", "các", "những", "nhiều", "giới") and j + 1 < b else j
        if not (v.person_pronouns.starting_at(lows, a, b) or v.person_nouns.starting_at(lows, a, b)) and not (
                # '"...", theo Nhà Trắng.': after a whole quotation, a name says it (media are no speakers: see
                # _theo_candidate).
                text[toks.start[0]] in _OPENERS and text[toks.start[i - 2]] in _CLOSERS
                and text[toks.start[j]].isupper()):
            return None
        sub = self._clean_subject(text, toks, lows, j, b)
        if not sub or sub[1] != b:
            return None
        ca, cb = _trim(text, toks.start[0], toks.start[i - 1])
        if cb - ca < 15 or _inside(quotes, toks.start[i]):
            return None
        return _Draft(idx, (toks.start[sub[0]], toks.end[sub[1] - 1]), text[toks.start[i]:toks.end[i]],
                      toks.start[i], toks.end[i], ca, cb, "theo", person_frame=True)

    def _cue(self, text, toks, lows, ci, cj, cue, base, idx, s, e, pend, quotes, here: list[_Draft]) -> _Draft | None:
        """Analyse the cue at tokens [ci, cj) (``base``: as matched on the lower-cased text); may cut the content
        of the report before it in the sentence."""
        self.only_trailing = False
        d = self._cue_draft(text, toks, lows, ci, cj, cue, base, idx, s, e, pend, quotes, here)
        if d is not None and self.only_trailing and (d.kind != "trailing" or d.quote_open is None):
            # A marked cue with no marker, or a cue followed by a recipient, reports only the quotation before it.
            return None
        return d

    def _cue_draft(self, text, toks, lows, ci, cj, cue, base, idx, s, e, pend, quotes, here) -> _Draft | None:
        v = self.v
        base = base[:-5] if base.endswith(" thêm") else base
        prev = here[-1] if here else None
        # The subject never reaches back over an earlier cue of the sentence.
        # (nor, after a "Theo X," frame, back into X: "Theo ông A, Giám đốc B cho biết, ...")
        lo = bisect.bisect_left(toks.start, max(d.a if d.kind == "theo" else d.ce for d in here)) if here else 0
        # Adverbs and negation between subject and cue.
        i, skipped, negated = ci, False, False
        while i > lo:
            k = v.adverbs_or_negators.ending_at_lower(toks, text, i, lo)
            if not k:
                break
            negated = negated or v.negators.ending_at_lower(toks, text, i, lo) == k
            i -= k
            skipped = True
        if negated:
            # "xác nhận A nhưng từ chối cho biết B": nothing more was said, and B is not part of A.
            k = v.coordinators.ending_at_lower(toks, text, i, lo)
            if k and prev is not None and prev.a <= toks.start[i - k] < prev.b:
                comma = i - k - 1 >= lo and lows[i - k - 1] == ","
                prev.b = min(prev.b, toks.start[i - k - 1 if comma else i - k])
            return None
        if ci > lo and ((not skipped and (v.noun_before.ending_at_lower(toks, text, ci, lo) or lows[ci - 1] in ("theo", "trong")))
                        or v.noun_before.ending_at(lows, ci, lo) == ci):
            # (at the sentence's start in any case, even over an adverb-like word: "Đáp lại đề nghị, Tổng thống
            # Putin tuyên bố ...")
            return None
        if self.later_cue and v.relative_ends.ending_at_lower(toks, text, i, lo):
            # "Nhật Bản, quốc gia mới nhất đề nghị giúp đỡ Ấn Độ, hôm nay thông báo ...": a relative clause of the
            # subject, whose own verb comes later (not "Denis Hayes, người tổ chức lễ kỷ niệm đầu tiên cho biết:").
            return None
        start = self._content_start(text, toks.end[cj - 1], e, base in v.marked)
        if start is None and base in v.marked and self._after_quote(text, s, toks.start[ci]):
            start = self._content_start(text, toks.end[cj - 1], e, False)  # ('"...", ông phát biểu.')
            self.only_trailing = True
        if start is None:
            return None
        p, marker = start
        cs, ce = toks.start[ci], toks.end[cj - 1]
        if not marker and self._recipient_at(p, min(e, p + 30)):
            if not self._after_quote(text, s, cs):
                return None  # "thông báo với Mỹ về vấn đề này": a recipient or a topic, no proposition
            self.only_trailing = True  # ('"...", ông nói với những người ủng hộ.')
        named = self._named_after_quote(text, toks, lows, i, lo, s, cs)
        if named is not None:
            return self._finish(text, toks, lows, named, lo, cue, ci, cj, p, marker, idx, s, e, pend, quotes)
        if i - 1 > lo and lows[i - 1] in ("-", "–", "—"):
            # "Ông Des Ball - một chuyên gia tình báo - nói rằng": a parenthesis between dashes, like ", ... ,".
            a1, kind = self._boundary_back(toks, lows, i - 1, lo)
            sub = self._clean_subject(text, toks, lows, a1, i - 1)
            if sub and kind in ("-", "–", "—") and sub[1] == i - 1:
                a0 = self._apposition(text, toks, lows, a1 - 1, sub, lo)
                if a0 is not None:
                    return self._finish(text, toks, lows, (a0, sub[1]), lo, cue, ci, cj, p, marker, idx, s, e,
                                        pend, quotes)
        # A cue right after a coordinator or a comma, with no subject of its own.
        k = v.coordinators.ending_at_lower(toks, text, i, lo)
        if k or (i > lo and lows[i - 1] == ","):
            comma = i - k - 1 >= lo and lows[i - k - 1] in (",", ";")
            cut = toks.start[i - k - 1] if comma else toks.start[i - k] if k else toks.start[i - 1]
            if prev is not None and prev.kind == "trailing" and prev.sentence == idx and prev.ce <= cut \
                    and not text[prev.ce:cut].strip(_TRIM) \
                    and not (k and v.subordinators.ending_at_lower(toks, text, i, lo) == k):
                # '"...", Zachary Abuza cho biết, nói thêm rằng ...', '"...", ông nói và cho biết ...': a second verb
                # right after a trailing attribution has its speaker and reports what follows it (not after "khi":
                # '"...", X cho biết, khi xác nhận tính xác thực của đồng xu').
                b = self._content_end(text, p, e, pend, quotes)
                return _Draft(idx, prev.sp, cue, cs, ce, p, b, "coordinated", link=prev)
            if prev is not None and prev.a <= cs <= max(prev.b, prev.a + 1):
                if k and v.subordinators.ending_at_lower(toks, text, i, lo) == k:
                    return None  # "cho biết 20 bang từ chối vì cho rằng ...": the reported clause's own reason
                prev.b = min(prev.b, cut)
                b = self._content_end(text, p, e, pend, quotes)
                return _Draft(idx, prev.sp, cue, cs, ce, p, b, "coordinated", link=prev)
            if not k:  # "ông A, Giám đốc B, cho biết": an apposition, not a second clause
                a1, kind = self._boundary_back(toks, lows, i - 1, lo)
                sub = self._clean_subject(text, toks, lows, a1, i - 1)
                if sub and kind in (",", "-", "–", "word"):
                    a0 = self._apposition(text, toks, lows, a1 - 1, sub, lo) if kind != "word" else None
                    if a0 is not None:
                        return self._finish(text, toks, lows, (a0, sub[1]), lo, cue, ci, cj, p, marker, idx, s, e,
                                            pend, quotes)
                if sub and self._name_like(toks, lows, *sub) and (
                        sub[1] - sub[0] <= 6 or (sub[1] - sub[0] <= 10 and self._after_quote(text, s, cs))):
                    # "..., ông A, cho biết" / "... - Stephane Martinet, cho biết": the name is the speaker.
                    return self._finish(text, toks, lows, sub, lo, cue, ci, cj, p, marker, idx, s, e, pend, quotes)
            sub = self._main_subject(text, toks, lows, i - k)
            if sub is None:
                return None
            b = self._content_end(text, p, e, pend, quotes)
            return _Draft(idx, (toks.start[sub[0]], toks.end[sub[1] - 1]), cue, cs, ce, p, b, "participial")
        a, kind = self._boundary_back(toks, lows, i, lo)
        sub = self._clean_subject(text, toks, lows, a, i)
        if sub is None:
            return None
        for _ in range(2):  # "ông A, Trưởng phòng B, Sở C cho biết": up to three phrases name one speaker
            if kind not in (",", "-", "–") or sub[0] - 1 <= lo:
                break
            a0 = self._apposition(text, toks, lows, sub[0] - 1, (sub[0], sub[1]), lo)
            if a0 is None:
                break
            kind = lows[a0 - 1] if a0 - 1 >= lo else "start"
            sub, a = (a0, sub[1]), a0
        d = self._finish(text, toks, lows, sub, lo, cue, ci, cj, p, marker, idx, s, e, pend, quotes)
        if d is None or prev is None or not prev.a <= d.sp[0] < prev.b:
            return d
        if prev.kind == "theo":
            if not prev.person_frame:
                return d  # "Theo Yonhap, Đại sứ quán Nga cho biết ...": the caller drops the frame
            if d.sp[0] == _trim(text, prev.a, prev.b)[0] and base in ("cho biết", "cho hay", "nói"):
                prev.a = p  # "Theo ông A, Giám đốc B cho biết, ...": one frame
                return None
        # A clause inside the previous content ("cho biết Nga đã phủ nhận ..."): reported, not reporting,
        # unless the attribution closes the sentence or a boundary separates it ("...; X cho biết",
        # "..., trong khi X cho biết", "..., ông nói rằng ...").
        if d.kind == "trailing":
            if d.quote_open is not None and d.quote_open > prev.a:
                prev.b = min(prev.b, d.quote_open)
            return d
        if kind == "," and self._adverbial_lead(toks, lows, prev.a, a - 1):
            # "X cho biết trong cuộc gặp với B tuần trước, ông đã yêu cầu ...": the adverbial opens the reported
            # clause, which the second cue is part of.
            return None
        if kind == ";" or (kind == "," and v.person_pronouns.starting_at(lows, sub[0], sub[1])):
            prev.b = min(prev.b, toks.start[a - 1])
        elif kind == "word" and lows[a - 2:a] == ["trong", "khi"]:
            prev.b = min(prev.b, toks.start[a - 2])
        else:
            return None
        return d

    def _named_after_quote(self, text, toks, lows, i: int, lo: int, s: int, cs: int) -> tuple[int, int] | None:
        """``"...", Xing Aiguo, giáo sư ..., một thành viên nhóm nghiên cứu, cho biết``: after a quotation and its
        comma, a name and one or two appositions before the cue at token ``i`` are the speaker (the name speaks,
        not the last apposition); the subject's token range, else None."""
        m = _QUOTE_THEN_SEP.search(text, s, cs) if "," in lows[lo:i] else None
        if m is None or not self._after_quote(text, s, cs):
            return None
        a = bisect.bisect_left(toks.start, m.end())
        b = i - 1 if lows[i - 1] == "," else i
        if a < lo or b - a > 36:
            return None
        cuts = [k for k in range(a, b) if lows[k] == ","]
        if not 1 <= len(cuts) <= 2:
            return None
        first = self._clean_subject(text, toks, lows, a, cuts[0])
        if first is None or first[1] != cuts[0] or cuts[0] - a > 6 or not self._name_like(toks, lows, a, cuts[0]):
            return None
        for x, y in zip(cuts, cuts[1:] + [b], strict=True):
            # (an indefinite "một ..." is a description whatever its noun: "một quản lý tại nhà hỏa táng")
            if not 0 < y - x - 1 <= 16 or not self._np(toks, lows, x + 1, y) or not (
                    lows[x + 1] == "một" or self._titled(toks, lows, x + 1, y)):
                return None
        return a, b

    def _recipient_at(self, p: int, e: int) -> bool:
        """_recipient on the first words of ``text[p:e]``."""
        m = TOKEN.search(self.low, p, e)
        if m is None or m.group() not in self.v.recipient_starts.firsts:
            return False
        return self._recipient([m.group() for m in islice(TOKEN.finditer(self.low, p, e), 3)])

    def _recipient(self, rest_toks: list[str]) -> bool:
        v = self.v
        if len(rest_toks) > 2 and rest_toks[1][0].isdigit() and (rest_toks[1][-1] == "%" or rest_toks[2] in ",.%"):
            return False  # "cho biết với 50,3% số phiếu bầu, ông A đã thắng": a share, not whom it was told
        return bool(v.recipient_starts.starting_at(rest_toks, 0)) and not v.not_recipient.starting_at(rest_toks, 0)

    def _pre_punct(self, toks, lows, a: int, lo: int) -> int | None:
        """The comma or dash before a subject (or before its source: "..., Reuters dẫn lời X cho biết.")."""
        if a - 1 >= lo and lows[a - 1] in (",", "-", "–", "—"):
            return a - 1
        k = self.v.source_links.ending_at(lows, a, lo)
        if k:
            b0, kind = self._boundary_back(toks, lows, a - k, lo)
            if kind in (",", "-", "–", "—") and b0 - 1 >= lo:
                return b0 - 1
        return None

    def _finish(self, text, toks, lows, sub, lo, cue, ci, cj, p, marker, idx, s, e, pend, quotes) -> _Draft | None:
        """A subject is known: decide between a forward statement and a trailing attribution."""
        v = self.v
        sp = (toks.start[sub[0]], toks.end[sub[1] - 1])
        cs, ce = toks.start[ci], toks.end[cj - 1]
        rest = text[p:e].strip(_TRIM_CLOSERS)
        rest_toks = self._rest_tokens(p, e) if rest and not marker else []
        if not rest and marker and ":" in text[ce:e]:
            # "..., ngày 8/4, X cho biết:" closes the sentence: the content is what follows (the paragraph's next
            # sentences, or the next paragraph), never the adverbial before the speaker.
            d = _Draft(idx, sp, cue, cs, ce, e, e, "forward")
            d.open_colon = True
            return d
        trailing = not rest or (
            not marker and ":" not in rest and not _QUOTE_CHARS.search(rest) and (
                (len(rest_toks) <= 14 and v.trailing_adjuncts.starting_at(rest_toks, 0))
                or v.coordinators.starting_at(rest_toks, 0)
            )
        ) or (  # '"...", ông X nói song nguyên nhân "chưa được xác định".': the quotation is what X said
            not marker and ":" not in rest and v.coordinators.starting_at(rest_toks, 0) and self._after_quote(text, s, cs)
        )
        if not trailing and not marker and ":" not in rest and not _QUOTE_CHARS.search(rest) and (
                text[ce:e].lstrip().startswith(",") or v.trailing_adjuncts.starting_at(rest_toks, 0)
                or v.recipient_starts.starting_at(rest_toks, 0) or self._glued_adjunct(rest)) \
                and self._after_quote(text, s, cs):
            # After a quotation, what follows the verb is never what was said, however long: an adjunct ('ông
            # Margono nói tại Bali trong cuộc họp báo có sự tham dự của ...', 'ông Yasay nói về ý kiến của ông
            # Duterte', 'nói vớiAFP' with the space lost) or a clause of its own ('ông Koh nói, đề cập đến ...').
            trailing = True
        if trailing:
            pp = self._pre_punct(toks, lows, sub[0], lo)
            if pp is not None and pp > 0:
                d = self._trailing(text, toks, lows, pp, s, idx, sp, cue, cs, ce, quotes)
                if d:
                    return d
        if not rest:
            return None
        if not marker and self._recipient(rest_toks):
            return None  # "thông báo cho các thành viên về ...": a recipient or a topic, no proposition
        b = self._content_end(text, p, e, pend, quotes)
        return _Draft(idx, sp, cue, cs, ce, p, b, "forward")

    def _glued_adjunct(self, rest: str) -> bool:
        """``rest`` starts with an adjunct word glued to a capitalised name ("vớiAFP", "trênTwitter")."""
        k = 1
        while k < len(rest) and k < 6 and rest[k].islower():
            k += 1
        return 1 < k < len(rest) and rest[k].isupper() and self.v.trailing_adjuncts.starting_at([rest[:k].lower()], 0) == 1

    def _rest_tokens(self, p: int, e: int) -> list[str]:
        """The first words of what follows a cue (lower-cased), as far as _finish needs them: only the first
        when no phrase it checks starts with it."""
        v = self.v
        rest = self.low[p:e].strip(_TRIM_CLOSERS)
        m = TOKEN.search(rest)
        if m is None or m.group() not in v.rest_firsts:
            return [m.group()] if m else []
        return _first_tokens(rest, v.rest_tokens)

    def _trailing(self, text, toks, lows, punct_at, s, idx, sp, cue, cs, ce, quotes) -> _Draft | None:
        """``"...", ông X nói.`` / ``..., X cho biết.``: the content is before the attribution."""
        end = toks.start[punct_at]
        q = end
        while q > s and text[q - 1].isspace():
            q -= 1
        if q > s and text[q - 1] in _CLOSERS:
            for o, c in quotes:
                if c == q - 1:
                    if o < s or not text[s:o].strip(_TRIM):
                        return _Draft(idx, sp, cue, cs, ce, o, c + 1, "trailing", quote_open=o)
                    break
        if self._is_adverbial(lows, 0, punct_at) and "," not in lows[:punct_at]:
            return None  # "Phát biểu tại hội nghị, ông X cho biết." reports nothing: an adverbial is no content
        return _Draft(idx, sp, cue, cs, ce, s, end, "trailing")

    def _quoted_by(self, text, toks, lows, idx, s, quotes) -> _Draft | None:
        """``"...", CNN dẫn lời ông X.``: a quoted speaker at the end of the sentence, with no cue."""
        v = self.v
        for j in range(toks.n - 1, 0, -1):
            if lows[j] != "lời":
                continue
            k = v.source_links.ending_at(lows, j + 1)
            if k > 1:
                a, b = j + 1, toks.n
                while b > a and lows[b - 1] in (".", "!", "…", ")"):
                    b -= 1
                if "," in lows[a:b]:  # "dẫn lời Carlos Sorreta, đại sứ Philippines tại Nga."
                    b = a + lows[a:b].index(",")
                sub = self._clean_subject(text, toks, lows, a, b)
                pp = self._pre_punct(toks, lows, j - k + 1, 0) if sub else None
                if pp is None:
                    pp = self._pre_punct(toks, lows, self._boundary_back(toks, lows, j - k + 1)[0], 0) if sub else None
                if sub is None or pp is None or pp == 0:
                    return None
                sp = (toks.start[sub[0]], toks.end[sub[1] - 1])
                return self._trailing(text, toks, lows, pp, s, idx, sp, text[toks.start[j - k + 1]:toks.end[j]],
                                      toks.start[j - k + 1], toks.end[j], quotes)
        return None

    def _continuation(self, text, idx, s, e, pend, quotes, prev_last) -> _Draft | None:
        """A sentence that is one quotation, right after a statement: the same speaker goes on."""
        a = s
        while a < e and text[a].isspace():
            a += 1
        if a >= e or text[a] not in _OPENERS:
            return None
        for o, c in quotes:
            if o == a:
                if c < e and text[c + 1:e].strip(_TRIM_CLOSERS):
                    return None
                return _Draft(idx, None, "", a, a, a, min(c + 1, pend), "continuation", link=prev_last, quote_open=o)
        return None




def scan_paragraphs(text: str, paragraphs: Iterable[Sequence[tuple[int, int, int, bool]]], *,
                    language: str = "vi") -> list[Report]:
    """Reports in ``text``, paragraph by paragraph.

    Args:
        text: The whole text; every offset indexes it.
        paragraphs: Each paragraph as a list of its sentences ``(index, start, end, eligible)``, in order; an
            ineligible sentence (a caption, a duplicate) holds no report and breaks a quotation's continuation.
        language: The language of the text.

    Returns:
        The reports in order of their cues.
    """
    scanner = _Scanner(vocabulary(language))
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer ("İ"): keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    scanner.text, scanner.low = text, low
    at: tuple[set[int], set[int], set[int]] = (set(), set(), set())  # cues, "theo ", "dẫn lời" / "trích lời"
    kind_at: dict[int, int] = {}  # the kinds of candidates at each start, as bits (1 cue, 2 "theo ", 4 cited)
    for end, (n, kind) in scanner.v.candidates.iter(low):
        at[kind].add(end - n + 1)
        kind_at[end - n + 1] = kind_at.get(end - n + 1, 0) | 1 << kind
    if not kind_at:
        return []
    hits = sorted(kind_at)
    scanner.hits, scanner.cue_at, scanner.theo_at = hits, sorted(at[0]), sorted(at[1])
    scanner.kind_at = kind_at
    drafts: list[_Draft] = []
    carry = None
    for para in paragraphs:
        if carry is None and para:  # (the paragraph's own check, without the call: most have no candidate)
            h = bisect.bisect_left(hits, para[0][1])
            if h == len(hits) or hits[h] >= para[-1][2]:
                continue
        carry = scanner.paragraph(text, para, carry, drafts)
    # A trailing attribution that closes a quotation over several sentences ("'A. B', ông nói.") replaces the
    # continuation that its first sentence looked like.
    closing = {d.quote_open for d in drafts if d.kind == "trailing" and d.quote_open is not None}
    drafts = [d for d in drafts if not (d.kind == "continuation" and d.quote_open in closing)]
    reports: list[Report] = []
    number: dict[int, int] = {}
    for d in drafts:
        a, b, qtype = _shape(text, d.a, d.b, d.quotes, open_start=d.kind == "trailing")
        if b <= a:
            continue
        link = number.get(id(d.link)) if d.link is not None else None
        sp = d.sp or (None, None)
        number[id(d)] = len(reports)
        reports.append(Report(d.sentence, sp[0], sp[1], d.cue, d.cs, d.ce, a, b, qtype, d.kind, link))
    return reports


def find_reports(text: str, *, language: str = "vi") -> list[Report]:
    """Reported statements in a text, found from its structure alone (no actors, no dates).

    Lines are paragraphs; each is split into sentences. Offsets index ``text``.

    Args:
        text: One or more paragraphs.
        language: The language of the text.

    Returns:
        The reports in order of their cues.

    >>> text = 'Ông Lavrov nêu rõ: "Nga sẵn sàng đối thoại".'
    >>> [(text[r.speaker_start:r.speaker_end], r.cue, r.quote_type, text[r.content_start:r.content_end])
    ...  for r in find_reports(text)]
    [('Ông Lavrov', 'nêu rõ', 'direct', 'Nga sẵn sàng đối thoại')]
    """
    from .sentences import split_sentences

    check_language(language)
    paragraphs, idx, pos = [], 0, 0
    for line in text.split("\n"):
        para = []
        for a, b in split_sentences(line, language=language):
            para.append((idx, pos + a, pos + b, True))
            idx += 1
        paragraphs.append(para)
        pos += len(line) + 1
    return scan_paragraphs(text, paragraphs, language=language)
