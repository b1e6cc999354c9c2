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
from typing import Any, NamedTuple

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
_new = tuple.__new__
_QUOTE_CHARS = re.compile("[\"'“”‘’«»]")
_OPENERS = frozenset("\"'“‘«")
_DOUBLE_QUOTES = frozenset("\"“”«»")
_CLOSERS = frozenset("\"'”’»")
_TRIM = " \t\n.,;:…-–—"
_PUNCT_BOUNDARY = frozenset({",", ";", ":", "-", "–", "—", "…"})
# Words that make a phrase a clause rather than a noun phrase (an apposition has none of them).
# ("mà" opens a relative clause: "những cáo buộc mà Moscow bác bỏ"; "đưa tin" reports a source.)
_NOT_NP = frozenset({"đã", "sẽ", "đang", "bị", "được", "không", "chưa", "là", "thì", "rằng", "cần", "phải", "mà", "đưa"})


class _Tok(NamedTuple):
    text: str
    start: int
    end: int
    low: str


def _tokens(text: str, low: str, start: int, end: int) -> list[_Tok]:
    # tuple.__new__ skips the NamedTuple constructor's Python frame: this runs for every token of a candidate.
    return [_new(_Tok, (m.group(), m.start(), m.end(), low[m.start():m.end()])) for m in TOKEN.finditer(text, start, end)]


class _Phrases:
    """A set of multi-word phrases matched on token sequences (lower-cased), longest first."""

    def __init__(self, items: Iterable[str]):
        self.items = frozenset(" ".join(m.group().lower() for m in TOKEN.finditer(s)) for s in items)
        self.longest = max((p.count(" ") + 1 for p in self.items), default=0)
        # First and last words: most calls fail on them without building any string.
        self.firsts = frozenset(p.split(" ")[0] for p in self.items)
        self.lasts = frozenset(p.split(" ")[-1] for p in self.items)

    def ending_at(self, lows: Sequence[str], i: int, lo: int = 0) -> int:
        """Length of the longest phrase equal to ``lows[i-k:i]`` (``i-k >= lo``), 0 if none."""
        if i <= lo or lows[i - 1] not in self.lasts:
            return 0
        for k in range(min(self.longest, i - lo), 0, -1):
            if " ".join(lows[i - k:i]) in self.items:
                return k
        return 0

    def starting_at(self, lows: Sequence[str], i: int, hi: int | None = None) -> int:
        hi = len(lows) if hi is None else hi
        if i >= hi or lows[i] not in self.firsts:
            return 0
        for k in range(min(self.longest, hi - i), 0, -1):
            if " ".join(lows[i:i + k]) in self.items:
                return k
        return 0


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
        self.not_boundary = p["not_boundary"]
        self.not_subject_start = p["not_subject_start"]
        self.adjuncts = p["subject_adjuncts"]
        self.gap_starts = p["gap_starts"]
        self.trailing_adjuncts = p["trailing_adjuncts"]
        self.recipient_starts = p["recipient_starts"]
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
        self.same_date = re.compile(r"(?<!\w)(?:" + _alternation(data["same_date"]) + r")(?!\w)", re.IGNORECASE)
        self.adverbial_starts = p["adverbial_starts"]
        self.subject_time = re.compile(r"(?:^|\s)(?:" + re.sub(r"\s+", "", data["subject_time"]) + r")\s*$", re.I)
        self.theo_lead = re.compile(r"(?:[\s,;:(]*|.*[,;:(]\s*)(?:(?:cũng|và|nhưng|còn|song|tuy nhiên)\s+)?$", re.I | re.S)
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

    __slots__ = ("sentence", "sp", "cue", "cs", "ce", "a", "b", "kind", "link", "quote_open", "person_frame", "quotes")

    def __init__(self, sentence, sp, cue, cs, ce, a, b, kind, link=None, quote_open=None, person_frame=False):
        self.sentence, self.sp, self.cue, self.cs, self.ce = sentence, sp, cue, cs, ce
        self.a, self.b, self.kind, self.link = a, b, kind, link
        self.quote_open, self.person_frame = quote_open, person_frame
        self.quotes: list[tuple[int, int]] = []


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
                if c >= b - 1 or not text[c + 1:b].strip(_TRIM + "".join(_CLOSERS)):
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

    # -- subjects ----------------------------------------------------------------------------------------------
    def _boundary_back(self, toks: list[_Tok], lows: list[str], i: int, lo: int = 0) -> tuple[int, str]:
        """Walk back from token ``i`` to the start of a subject: returns (first subject token, boundary kind)."""
        v, depth, j = self.v, 0, i - 1
        while j >= lo:
            t = toks[j].text
            if t == ")":
                depth += 1
            elif t == "(":
                if not depth:
                    return j + 1, "("
                depth -= 1
            elif not depth:
                if t in _PUNCT_BOUNDARY and not (t in "-–" and j + 1 < i and toks[j + 1].text[0].isupper()
                                                 and j > lo and toks[j - 1].text[0] not in _CLOSERS) \
                        and not (t == "," and j > lo and self._name_comma(toks, lows, j, i)):
                    # (a dash between capitalised words joins a name: "Trường THCS - THPT Hồng Đức")
                    return j + 1, t
                k = v.boundaries.ending_at(lows, j + 1, lo)
                if k and not (
                    v.not_boundary.ending_at(lows, j + 2, lo) or v.not_boundary.ending_at(lows, j + 1, lo)
                    or v.not_boundary.ending_at(lows, j + 1 - k + 1, lo)
                ):
                    return j + 1, "word"
            j -= 1
        return lo, "start"

    @staticmethod
    def _name_comma(toks, lows, j: int, hi: int) -> bool:
        """A comma inside a name or a list of names ("Cục Phát thanh, Truyền hình và Thông tin điện tử",
        "Ai Cập, Bahrain và UAE"): capitalised words on both sides and "và" before a capital further on."""
        if not (toks[j - 1].text[0].isupper() and j + 1 < hi and toks[j + 1].text[0].isupper()):
            return False
        k = j + 1
        while k < hi - 1 and lows[k] not in (",", ";", ":"):
            if lows[k] == "và" and toks[k + 1].text[0].isupper():
                return True
            k += 1
        return False

    def _clean_subject(self, text: str, toks: list[_Tok], lows: list[str], a: int, b: int) -> tuple[int, int] | None:
        """Token range [a, b) of a subject, cleaned of adjuncts, times and a trailing parenthesis; None if it
        does not look like a noun phrase."""
        v = self.v
        for k in range(a + 1, b):
            if v.adjuncts.starting_at(lows, k, b):
                b = k
                break
        for _ in range(3):
            if b <= a:
                return None
            m = v.subject_time.search(text, toks[a].start, toks[b - 1].end)
            if m and m.start() > toks[a].start:
                cut = m.start()
                while b > a and toks[b - 1].start >= cut:
                    b -= 1
            if b > a and toks[b - 1].text == ")":
                depth = 0
                for k in range(b - 1, a, -1):
                    depth += toks[k].text == ")"
                    depth -= toks[k].text == "("
                    if not depth:
                        b = k
                        break
            k = v.adverbs.ending_at(self.lc, b, a + 1)
            if not k:
                break
            b -= k
        if b <= a or toks[b - 1].end - toks[a].start > 120:
            return None
        if v.not_subject_start.starting_at(lows, a, b) or v.adverbial_starts.starting_at(lows, a, b) == b - a:
            return None
        first = toks[a].text[0]
        if not (first.isupper() or first.isdigit() or v.subject_heads.starting_at(lows, a, b)):
            return None
        if toks[b - 1].text in ("và", "của", "với", "cho", "là", "rằng", "thì"):
            return None
        if v.first_person.starting_at(lows, a, b) or not self._np(toks, lows, a, b):
            return None
        if any(t.low in ("tôi", "mình") and t.text[0].islower() for t in toks[a:b]):
            return None  # "bạn bè tôi": a narrator's words, inside a quotation whatever the marks say
        return a, b

    def _is_adverbial(self, lows: list[str], a: int, b: int) -> bool:
        return bool(self.v.adverbial_starts.starting_at(lows, a, b))

    def _np(self, toks, lows, a: int, b: int) -> bool:
        """No verb-like word (aspect, passive, copula) and no quotation: a noun phrase, as far as one can tell."""
        # ("Theo" in any case: a caption glued in front, "Ảnh: KYODO Theo Kyodo, ...")
        return not any((t.low in _NOT_NP and t.text[0].islower()) or t.low == "theo" for t in toks[a:b]) and not any(
            w in _DOUBLE_QUOTES for w in lows[a:b])  # (an apostrophe may belong to a name: "Sotheby's")

    def _name_like(self, toks, lows, a: int, b: int) -> bool:
        """A name: an honorific and a name ("ông Lê Văn Thanh"), or capitalised words only ("Frank Owen")."""
        if self.v.person_pronouns.starting_at(lows, a, b):
            return True
        if all(t.text[0].isupper() or not t.text[0].isalpha() for t in toks[a:b]):
            return True
        # A title and a name: "Đô đốc Yudo Margono", "Chuẩn tướng Restituto Padilla".
        return toks[b - 1].text[0].isupper() and self._titled(toks, lows, a, b)

    def _titled(self, toks, lows, a: int, b: int) -> bool:
        """A title or description: a capital ("Phó Chủ tịch UBND"), or a person noun ("một quan chức ...",
        "nhà quan sát ..."), not a pronoun ("chị hay đi qua ..." starts a clause)."""
        v = self.v
        if lows[a] in ("một", "các", "những", "vị", "nữ") and a + 1 < b:
            a += 1
        if toks[a].text[0].isupper() or v.person_nouns.starting_at(lows, a, b):
            return True
        return bool(v.subject_heads.starting_at(lows, a, b)) and not v.person_pronouns.starting_at(lows, a, b)

    def _apposition(self, text, toks, lows, comma: int, s2: tuple[int, int], lo: int = 0) -> int | None:
        """``ông A, Giám đốc B, cho biết`` / ``Chủ tịch B, bà A, nhận định``: the start of the noun phrase
        before the comma at token ``comma`` when it and ``s2`` (the phrase after it) name one speaker."""
        a1, kind = self._boundary_back(toks, lows, comma, lo)
        if kind == "word" and not (a1 - self.v.source_links.ending_at(lows, a1, lo) > lo and
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
        v, i = self.v, 0
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
                and not v.adverbs_or_negators.starting_at(self.lc, j, upto):
            # A noun phrase ends at the first lower-case word after a capitalised one, past the first word
            # ("Tổng thống Trump | phản đối", "Trung Quốc | phản đối", "Ông Putin | chỉ trích").
            if j > i + 1 and toks[j].text[0].islower() and toks[j - 1].text[0].isupper() and (
                j + 1 >= upto or not toks[j + 1].text[0].isupper()
            ):
                break
            j += 1
        if j < upto and lows[j] == ":":  # "Ảnh: ..." is a credit, not a subject
            return None
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
        m = TOKEN.match(text, p, e)
        if m and v.complementizers.starting_at([m.group().lower()], 0):
            p, marker = m.end(), True
            while p < e and (text[p].isspace() or text[p] in ",:"):
                p += 1
        if not marker and p < e and text[p] not in _OPENERS:
            toks = [t.lower() for t in (m.group() for m in TOKEN.finditer(text, p, min(e, p + 30)))][:3]
            if toks and v.gap_starts.starting_at(toks, 0):
                g = v.gap_re.search(text, p, min(e, p + 90))
                if g and "," not in text[p:g.start()] and not _QUOTE_CHARS.search(text, p, g.start()):
                    p, marker = g.end(), True
                    while p < e and (text[p].isspace() or text[p] in ",:"):
                        p += 1
        if p < e and text[p] in _OPENERS:
            marker = True
        if marked and not marker:
            return None
        return p, marker

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
        quotes = _quote_spans(text, pstart, pend)
        consumed = pstart
        prev_last = carry
        v, low = self.v, self.low
        for idx, s, e, eligible in sentences:
            if not eligible:
                prev_last = None
                continue
            # Candidates, found on the lower-cased text: cues (a capitalised one is part of a name, "Phòng Dự
            # báo", or opens the sentence with no subject), "theo", "dẫn lời", a quotation that may continue.
            cues = [m for m in v.cue_re.finditer(low, s, e) if self._plausible(text, m, e, quotes, consumed)]
            theo = self._theo_candidate(text, s, e)
            cited = max(low.find("dẫn lời", s, e), low.find("trích lời", s, e))
            opening = prev_last is not None and text[s] in _OPENERS
            if cues or theo >= 0 or cited >= 0 or opening:
                # Tokens are needed up to a little past the last cue, unless a frame or a source may need more.
                end = e if theo >= 0 or cited >= 0 or not cues else min(e, cues[-1].end() + 40)
                here = self._sentence(text, idx, s, e, end, pend, quotes, consumed, prev_last, cues, theo)
            else:
                here = []
            for d in here:
                d.quotes = quotes
                consumed = max(consumed, d.b)
            out.extend(here)
            prev_last = here[-1] if here else None
        return prev_last

    def _theo_candidate(self, text: str, s: int, e: int) -> int:
        """The first "theo" of the sentence that may open a "Theo X," frame (cheap checks), or -1."""
        low, v = self.low, self.v
        pos = low.find("theo ", s, e)
        while pos >= 0:
            if (pos == s or not low[pos - 1].isalnum()) and v.theo_lead.match(text, s, pos):
                nxt = [w.lower() for w in TOKEN.findall(text, pos + 5, min(e, pos + 40))[:3]]
                if nxt and not v.theo_not_speaker.starting_at(nxt, 0) and not v.media.starting_at(nxt, 0):
                    return pos
            pos = low.find("theo ", pos + 5, e)
        return -1

    def _plausible(self, text: str, m: re.Match, e: int, quotes, consumed: int) -> bool:
        """Cheap checks on a cue match before the sentence is tokenised."""
        cs, ce = m.span()
        low = self.low
        if (cs and low[cs - 1].isalnum()) or text[cs].isupper() or cs < consumed or _inside(quotes, cs):
            # A capitalised cue is part of a name ("Phòng Dự báo") or opens the sentence with no subject.
            return False
        v = self.v
        base = m.group()
        base = base[:-5] if base.endswith(" thêm") else base
        # Followed by a word that makes it a noun or an idiom: "tuyên bố của", "nói chung", "nói trên".
        after = [w.lower() if not w[0].isupper() else "\x00" for w in TOKEN.findall(text, ce, min(e, ce + 40))[:3]]
        if v.not_after_all.starting_at(after, 0) or (base in v.not_after and v.not_after[base].starting_at(after, 0)):
            return False
        if base in v.marked and self._content_start(text, ce, e, True) is None:
            return False
        return True

    def _sentence(self, text, idx, s, e, end, pend, quotes, consumed, prev_last, cues, theo) -> list[_Draft]:
        v, low = self.v, self.low
        toks = _tokens(text, low, s, end)
        lows = [t.low for t in toks]
        # Function words (adverbs, negation, noun markers) are lower-case: "Không quân", "Nhật Bản" are names.
        self.lc = [t.low if not t.text[0].isupper() else "\x00" for t in toks]
        starts = [t.start for t in toks]
        here: list[_Draft] = []

        # "Theo X, ..." frames.
        frame = None
        while 0 <= theo < e:
            if (theo == 0 or not low[theo - 1].isalnum()) and theo >= consumed and not _inside(quotes, theo) \
                    and v.theo_lead.match(text, s, theo):
                i = bisect.bisect_left(starts, theo)
                frame = self._theo(text, toks, lows, i, i + 1, idx, e, pend, quotes)
                if frame:
                    here.append(frame)
                    break
            theo = low.find("theo ", theo + 5, e)

        for m in cues:
            cs, ce = m.span()
            if frame is not None and frame.cs <= cs < frame.a:  # "Theo ông A cho biết, ...": inside the frame
                continue
            ci, cj = bisect.bisect_left(starts, cs), bisect.bisect_left(starts, ce)
            d = self._cue(text, toks, lows, ci, cj, text[cs:ce], idx, s, e, pend, quotes, here)
            if d is None:
                continue
            if frame is not None and frame in here and d.kind in ("forward", "trailing") and frame.a <= d.sp[0] < frame.b:
                # "Theo Yonhap, Đại sứ quán Nga cho biết ...": the frame names a source, the cue the speaker.
                here.remove(frame)
            if d.kind == "trailing":  # what it attributes holds no statement of its own
                here = [x for x in here if not d.a <= x.cs < d.b]
            here.append(d)

        if (not here or here[-1].b < e - 1) and (low.find("dẫn lời", s, e) >= 0 or low.find("trích lời", s, e) >= 0):
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
        while k < len(toks) and not (lows[k] in (",", ";", ":") and not depth and not (
                lows[k] == "," and self._name_comma(toks, lows, k, len(toks)))):
            depth += lows[k] == "("
            depth -= lows[k] == ")"
            k += 1
        if k >= len(toks) or k == j or toks[k].start - toks[j].start > 120:
            return None
        a, b = j, k
        cue = v.cue_re.search(self.low, toks[a].start, toks[b - 1].end)
        if cue and cue.end() == toks[b - 1].end:  # "Theo ông A cho biết, ..."
            b = bisect.bisect_left([t.start for t in toks], cue.start(), a, b)
        else:
            # "Theo ông A, Giám đốc B, ...": the apposition belongs to the speaker, not to the content.
            k2 = k + 1
            while k2 < len(toks) and lows[k2] not in (",", ";", ":"):
                k2 += 1
            if k2 < len(toks) and k2 - k - 1 <= 12 and lows[k2] == "," and self._np(toks, lows, k + 1, k2) and (
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
        ca = toks[k].end
        cb = self._content_end(text, ca, e, pend, quotes)
        if not text[ca:cb].strip(_TRIM):
            return None
        person = bool(v.person_pronouns.starting_at(lows, sub[0], sub[1]) or v.person_nouns.starting_at(lows, sub[0], sub[1]))
        return _Draft(idx, (toks[sub[0]].start, toks[sub[1] - 1].end), toks[i].text, toks[i].start, toks[i].end,
                      ca, cb, "theo", person_frame=person)

    def _cue(self, text, toks, lows, ci, cj, cue, idx, s, e, pend, quotes, here: list[_Draft]) -> _Draft | None:
        """Analyse the cue at tokens [ci, cj); may cut the content of the report before it in the sentence."""
        v = self.v
        base = " ".join(cue.lower().split())
        base = base[:-5] if base.endswith(" thêm") else base
        lc = self.lc
        prev = here[-1] if here else None
        # The subject never reaches back over an earlier cue of the sentence.
        # (nor, after a "Theo X," frame, back into X: "Theo ông A, Giám đốc B cho biết, ...")
        lo = bisect.bisect_left([t.start for t in toks], max(d.a if d.kind == "theo" else d.ce for d in here)) if here else 0
        # Adverbs and negation between subject and cue.
        i, skipped, negated = ci, False, False
        while i > lo:
            k = v.adverbs_or_negators.ending_at(lc, i, lo)
            if not k:
                break
            negated = negated or v.negators.ending_at(lc, i, lo) == k
            i -= k
            skipped = True
        if negated:
            # "xác nhận A nhưng từ chối cho biết B": nothing more was said, and B is not part of A.
            k = v.coordinators.ending_at(lc, i, lo)
            if k and prev is not None and prev.a <= toks[i - k].start < prev.b:
                comma = i - k - 1 >= lo and lows[i - k - 1] == ","
                prev.b = min(prev.b, toks[i - k - 1 if comma else i - k].start)
            return None
        if not skipped and ci > lo and (v.noun_before.ending_at(lc, ci, lo) or lows[ci - 1] in ("theo", "trong")):
            return None
        start = self._content_start(text, toks[cj - 1].end, e, base in v.marked)
        if start is None:
            return None
        p, marker = start
        cs, ce = toks[ci].start, toks[cj - 1].end
        if not marker and self._recipient([w.lower() for w in TOKEN.findall(text, p, min(e, p + 30))[:3]]):
            return None  # "thông báo với Mỹ về vấn đề này": a recipient or a topic, no proposition
        # A cue right after a coordinator or a comma, with no subject of its own.
        k = v.coordinators.ending_at(lc, i, lo)
        if k or (i > lo and lows[i - 1] == ","):
            comma = i - k - 1 >= lo and lows[i - k - 1] in (",", ";")
            cut = toks[i - k - 1].start if comma else toks[i - k].start if k else toks[i - 1].start
            if prev is not None and prev.a <= cs <= max(prev.b, prev.a + 1):
                if k and v.subordinators.ending_at(lc, i, lo) == k:
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
                if sub and self._name_like(toks, lows, *sub) and sub[1] - sub[0] <= 6:
                    # "..., ông A, cho biết" / "... - Stephane Martinet, cho biết": the name is the speaker.
                    return self._finish(text, toks, lows, sub, lo, cue, ci, cj, p, marker, idx, s, e, pend, quotes)
            sub = self._main_subject(text, toks, lows, i - k)
            if sub is None:
                return None
            b = self._content_end(text, p, e, pend, quotes)
            return _Draft(idx, (toks[sub[0]].start, toks[sub[1] - 1].end), cue, cs, ce, p, b, "participial")
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
            kind = toks[a0 - 1].text if a0 - 1 >= lo else "start"
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
        if kind == ";" or (kind == "," and v.person_pronouns.starting_at(lows, sub[0], sub[1])):
            prev.b = min(prev.b, toks[a - 1].start)
        elif kind == "word" and lows[a - 2:a] == ["trong", "khi"]:
            prev.b = min(prev.b, toks[a - 2].start)
        else:
            return None
        return d

    def _recipient(self, rest_toks: list[str]) -> bool:
        v = self.v
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
        sp = (toks[sub[0]].start, toks[sub[1] - 1].end)
        cs, ce = toks[ci].start, toks[cj - 1].end
        rest = text[p:e].strip(_TRIM + "".join(_CLOSERS))
        rest_toks = [t.lower() for t in TOKEN.findall(rest)]
        trailing = not rest or (
            not marker and ":" not in rest and not _QUOTE_CHARS.search(rest) and (
                (len(rest_toks) <= 14 and v.trailing_adjuncts.starting_at(rest_toks, 0))
                or v.coordinators.starting_at(rest_toks, 0)
            )
        )
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

    def _trailing(self, text, toks, lows, punct_at, s, idx, sp, cue, cs, ce, quotes) -> _Draft | None:
        """``"...", ông X nói.`` / ``..., X cho biết.``: the content is before the attribution."""
        end = toks[punct_at].start
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
        for j in range(len(toks) - 1, 0, -1):
            if lows[j] != "lời":
                continue
            k = v.source_links.ending_at(lows, j + 1)
            if k > 1:
                a, b = j + 1, len(toks)
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
                sp = (toks[sub[0]].start, toks[sub[1] - 1].end)
                return self._trailing(text, toks, lows, pp, s, idx, sp, text[toks[j - k + 1].start:toks[j].end],
                                      toks[j - k + 1].start, toks[j].end, quotes)
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
                if c < e and text[c + 1:e].strip(_TRIM + "".join(_CLOSERS)):
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
    scanner.low = low
    drafts: list[_Draft] = []
    carry = None
    for para in paragraphs:
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
