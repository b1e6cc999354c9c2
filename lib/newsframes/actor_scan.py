"""One pass of the registry's automaton over an article: registry forms, grammar triggers and photo-credit hints,
handed back to the sentence each lies in."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from operator import attrgetter

from .actor_lexicon import _UPPER, _lower, _words2
from .registry import Registry, _case_ok
from .sentences import Sentence

_AGE = re.compile(r"(?<![\w-])([" + _UPPER + r"][\w'’-]*(?: [" + _UPPER + r"][\w'’.-]*){1,4})(?:, | \()\d{1,3} tuổi")
_CAP_SOON = re.compile(r"(?: [^\W\d_]+){0,2} [" + _UPPER + "]")
_OPENING = '"“‘\'(:;-–—[,.!?…'
# What ends right before a lower-case title that follows a name set off before it ("Duncan Larcombe, một chuyên
# gia", "Des Ball - chuyên gia")
_SET_OFF = (", ", "- ", ", một ", "- một ")
# What may stand right before an honorific or an outlet word; "\n" joins the sentences, so a sentence may start
# with one ("... Nga. Ông Biden cho rằng ..."); a dash sets one off ("Liên Hợp Quốc-ông Ban Ki Moon").
_HON_OPENINGS = ' \n"“‘(\'-–'


def _trigger(trig: dict, s: int, e: int, kind: str, value) -> None:
    old = trig.get(s)
    if old is None or e > old[0]:
        trig[s] = (e, {kind: value})
    elif e == old[0]:
        old[1][kind] = value


_TEXT, _SID, _START = attrgetter("text"), attrgetter("sentence_id"), attrgetter("start")


class _Joined:
    """An article's sentences joined by line breaks, to be searched once; each hit is mapped back to its sentence."""

    __slots__ = ("texts", "sids", "bases", "starts", "text")

    def __init__(self, sentences: Sequence[Sentence]):
        self.texts = list(map(_TEXT, sentences))
        self.sids = list(map(_SID, sentences))
        self.bases = list(map(_START, sentences))
        self.starts = list(accumulate((len(t) + 1 for t in self.texts[:-1]), initial=0))
        self.text = "\n".join(self.texts)

    def find_words(self, words, before: str, after: str) -> list[tuple[int, int, int, str, int, str]]:
        """Where any of ``words`` stands with no word character nor one of ``before`` right before it and none of
        ``after`` right after it: (sentence id, article start, article end, sentence text, start in the sentence,
        word), in text order, leftmost first and without overlap (as a regular expression would find them; a few
        ``str.find`` calls are cheaper than compiling one per article)."""
        text, found = self.text, []
        n = len(text)
        for rank, word in enumerate(sorted(words)):
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                if not (at and (text[at - 1].isalnum() or text[at - 1] in before)) \
                        and not (end < n and (text[end].isalnum() or text[end] in after)):
                    found.append((at, rank, end, word))
                at = text.find(word, at + 1)
        out, last = [], 0
        for at, _, end, word in sorted(found):
            if at >= last:
                i = bisect_right(self.starts, at) - 1
                local = at - self.starts[i]
                out.append((self.sids[i], self.bases[i] + local, self.bases[i] + local + end - at, self.texts[i],
                            local, word))
                last = end
        return out


def _scan(doc: _Joined, reg: Registry) -> dict[int, list]:
    """Registry forms, grammar triggers and credit hints of the article's sentences, found in one pass.

    The sentences are joined by line breaks so that the automaton runs once per article; what it finds between word
    boundaries is handed back to the sentence it lies in: ``{sentence index: [hits, triggers, credit]}`` for the
    sentences where something was found, with offsets relative to the sentence; ``credit`` says whether the sentence
    may hold a photo credit.
    """
    texts, starts, joined = doc.texts, doc.starts, doc.text
    if "\xa0" in joined or "–" in joined or "—" in joined:  # (one character for one: offsets survive)
        joined = joined.replace("\xa0", " ").replace("–", "-").replace("—", "-")
    low = _lower(joined)
    n = len(joined)
    found: dict[int, list] = {}
    has_this = "này" in low
    apps = []  # (rank, start, end, word): the nouns of org_appositives, as written, handled last
    i, st, stop = 0, 0, len(texts[0])  # the sentence of the last hit: hits come in text order, mostly
    for end, (length, credit, loose, exact) in reg.automaton.iter(low):
        e = end + 1
        s = e - length
        if credit is not None:
            if s < st or s > stop:
                i = bisect_right(starts, s) - 1
                st, stop = starts[i], starts[i] + len(texts[i])
            surface = joined[s:e]
            if surface in credit:
                if credit[surface]:  # "(Theo AFP)": a bracket and spaces before the word, in the same sentence
                    j = s
                    while j > st and joined[j - 1].isspace():
                        j -= 1
                    if j > st and joined[j - 1] == "(":
                        found.setdefault(i, [[], {}, False])[2] = True
                else:
                    found.setdefault(i, [[], {}, False])[2] = True
        if (s and low[s - 1].isalnum()) or (e < n and low[e].isalnum()):
            continue
        if exact is not None:
            surface = joined[s:e]
            exact = exact.get(surface)  # heads, honorifics, outlet words and one-word forms keep their case
            if exact is None and not loose:
                continue
        elif loose:
            surface = joined[s:e]
        else:
            continue
        if s < st or s > stop:
            i = bisect_right(starts, s) - 1
            st, stop = starts[i], starts[i] + len(texts[i])
        if e > stop:
            continue
        slot = found.get(i)
        if slot is None:
            slot = found[i] = [[], {}, False]
        a, b = s - st, e - st  # (offsets in the sentence)
        if exact is not None:
            for kind, value in exact:
                if kind == "reg1":
                    slot[0].append((a, b, value))
                elif kind == "head":
                    _trigger(slot[1], a, b, kind, value)
                elif (s == 0 or joined[s - 1] in _HON_OPENINGS) and e + 1 < n and joined[e] == " " \
                        and joined[e + 1].isupper():  # honorifics, outlets: a name follows
                    if kind == "hon" and surface[0].isupper():
                        before = joined[st:s].rstrip()
                        if before and before[-1] not in _OPENING:
                            continue  # "Ông", "Bà" with a capital only where a sentence or clause starts
                    _trigger(slot[1], a, b, kind, value)
        for entry in loose:
            kind = entry[0]
            if kind == "reg":
                if surface in entry[2] or _case_ok(surface, entry[2]):
                    slot[0].append((a, b, entry[1]))
            elif kind == "title":
                # a title matters only before a capitalised affiliation or name ("tổng thống Mỹ ...", "trợ lý
                # tổng thống Nga ..."), or after a name set off by a comma
                if surface[0].isupper() or _CAP_SOON.match(joined, e) or joined.endswith(_SET_OFF, max(0, s - 6), s):
                    _trigger(slot[1], a, b, kind, entry[1])
            elif kind == "orgapp":
                if surface == entry[1]:
                    apps.append((entry[2], s, e, surface))
            elif has_this:  # descriptions: only where "này" follows somewhere
                _trigger(slot[1], a, b, kind, entry[1])
    if has_this:  # "ông này", "người này": a bare description right before "này"
        bare = reg.rules.desc_bare_forms
        at = joined.find(" này")
        while at >= 0:
            if at + 4 >= n or not (joined[at + 4].isalnum() or joined[at + 4] == "_"):
                word = joined[joined.rfind(" ", 0, at) + 1:at]  # (a plain word: no bare description unless listed)
                if word in bare or not word.isalnum():
                    for w in bare:
                        s = at - len(w)
                        if s >= 0 and joined.startswith(w, s) and not (s and (joined[s - 1].isalnum()
                                                                             or joined[s - 1] == "_")):
                            if s > 1 and joined[s - 1] == " ":  # not the end of a word: "đơn vị này" (this unit)
                                prev = joined[joined.rfind(" ", 0, s - 1) + 1:s - 1]
                                if f"{prev.lower()} {w.lower()}" in _words2(reg.language):
                                    break
                            i = bisect_right(starts, s) - 1
                            if at + 4 <= starts[i] + len(texts[i]):
                                slot = found.setdefault(i, [[], {}, False])
                                _trigger(slot[1], s - starts[i], at - starts[i], "desc", "any")
                            break
            at = joined.find(" này", at + 4)
    at = low.find(" tuổi")
    while at >= 0:  # "Brad Parscale, 44 tuổi", "Nguyễn Văn A (35 tuổi)"
        m = _AGE.search(joined, max(0, at - 80), at + 6)
        if m:
            i = bisect_right(starts, m.start(1)) - 1
            if m.end(1) <= starts[i] + len(texts[i]):
                slot = found.setdefault(i, [[], {}, False])
                _trigger(slot[1], m.start(1) - starts[i], m.end(1) - starts[i], "age", m.group(1))
        at = low.find(" tuổi", at + 6)
    # "Archegos, một công ty đầu tư": an organization set off before its kind (the nouns the automaton found between
    # word boundaries; the longest first, then in text order, after every other trigger: "hãng tin" before "hãng")
    for _, at, end, word in sorted(apps):
        if joined.endswith(_SET_OFF, max(0, at - 6), at):
            j = at - 2 if joined[at - 2] in ",-" else at - 6  # (the comma or dash)
            while j > 0 and joined[j - 1] == " ":
                j -= 1
            if not (j > 0 and joined[j - 1].isascii() and joined[j - 1].isalnum()):
                continue  # only a foreign name (in Latin letters) is read before the noun: no tokens else
            i = bisect_right(starts, at) - 1
            slot = found.setdefault(i, [[], {}, False])
            if at - starts[i] not in slot[1]:
                _trigger(slot[1], at - starts[i], end - starts[i], "orgapp", word)
    return found
