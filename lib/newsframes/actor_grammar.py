"""The grammar of one sentence: titles and the names after them (*Đại sứ Nga tại Nhật Bản Mikhail Galuzin*),
honorifics (*ông Khlopkov*), names set off before a title or given with an age, descriptions ending in *này*
(organizations, outlets and registry forms in context: :mod:`newsframes.org_grammar`)."""
from __future__ import annotations

import functools
import re
from bisect import bisect_left

from .actor_lexicon import _at, _lower, _rules, _tokenize, _toks, _viet, _words2
from .org_grammar import _Item, _OrgGrammar
from .registry import Registry

_ROMAN = re.compile(r"[IVX]+")


@functools.cache
def _plain_heads(language: str) -> frozenset[str]:
    """Organization heads (as written) that read no lower-case words after them (not "Trung tâm an ninh ... của
    Nga") and are plain words: after one of them, a lower-case word means no body."""
    rules = _rules(language)
    return frozenset(w for w in rules.org_heads
                     if w.replace(" ", "").isalnum() and " ".join(_toks(w)) not in rules.org_descriptive)


def _longest_first(hit: tuple[int, int, int]) -> tuple[int, int]:
    return hit[0], hit[0] - hit[1]


class _Sentence(_OrgGrammar):
    """The grammar of one sentence: registry hits and triggers over its tokens."""

    def __init__(self, text: str, sid: int, base: int, reg: Registry):
        self.text, self.sid, self.base, self.reg, self.rules, self.types = text, sid, base, reg, reg.rules, reg.types
        self.items: list[_Item] = []

    # -- scanning -------------------------------------------------------------------------------------------
    def run(self, hits: list, trig: dict, credit: bool) -> list[_Item]:
        """The sentence's items, given the registry forms, triggers and credit hint :func:`_scan` found in it."""
        text = self.text
        if not hits and not trig:
            return []
        # registry forms: longest first, without overlap
        if len(hits) > 1:
            # (in this order every form taken starts at or before s, so s overlaps one iff it starts before the
            # end of the last one taken)
            chosen, reach = [], 0
            for hit in sorted(hits, key=_longest_first):
                if hit[0] >= reach:
                    chosen.append(hit)
                    reach = hit[1]
        else:
            chosen = hits
        self.admitted: set[int] = set()  # registry forms that a grammar put in a title's or body's slot
        self.used_chars: list[tuple[int, int]] = []
        if trig and not self._idle(hits, trig):
            self._grammar(chosen, trig)
        used = self.used_chars
        for s, e, idx in chosen:
            if not used or s in self.admitted or not any(a <= s < b for a, b in used):
                self._registry_item(s, e, idx)
        if "-" in text or "–" in text:
            self._compounds()
        if credit and self.items:
            self._drop_credits()
        return self.items

    def _idle(self, hits, trig) -> bool:
        """Whether no trigger of the sentence can find anything, so that it needs no tokens at all (a quarter of
        the sentences with triggers, mostly an organization head before a lower-case word: "Bộ trưởng", "Phòng
        chống", "Viện dẫn"; or a description with no "này" after it).

        Such a trigger leaves no trace either (no item, no used or admitted token): a head grammar stops at once
        when the token after the head is neither capitalised, an acronym nor a country or place
        (:meth:`_OrgGrammar._org`), a description when no "này" follows (:meth:`_description`). Other triggers
        are only read by the grammars of triggers that run, so a sentence whose triggers all stop at once reads
        the same with no grammar at all.
        """
        text, low, starts = self.text, None, None
        n = len(text)
        plain_heads = _plain_heads(self.reg.language)
        for e, kinds in trig.values():
            if "title" in kinds:
                return False
            if "desc" in kinds:
                if low is None:
                    low = _lower(text)
                if low.find("này", e) >= 0:
                    return False
            if "head" in kinds:
                if kinds["head"] not in plain_heads:
                    return False
                if e < n:
                    c = text[e]
                    if c == " ":  # (the next token starts right after the space: a lower-case letter, no acronym)
                        if not (e + 1 < n and text[e + 1].islower()):
                            return False
                    elif c.isalnum() or c.isspace():
                        return False  # (else a punctuation mark of its own)
                    if starts is None:
                        starts = {h[0] for h in hits}
                    if e in starts or e + 1 in starts:
                        return False  # (a registry form there: perhaps a country or place)
            elif "desc" not in kinds:
                return False
        return True

    def _grammar(self, chosen, trig) -> None:
        text = self.text
        stop = self._reach(chosen, trig)
        start = self._start(chosen, trig)
        self.tok, self.ts, self.te = tok, ts, te = _tokenize(text[start:stop] if start or stop is not None else text,
                                                             start)
        self.n = n = len(tok)
        self.low = list(map(str.lower, tok))
        self.reg_at: dict[int, tuple[int, int, int]] = {}
        self.hit_starts = {h[0] for h in chosen}
        covered = [False] * self.n
        for s, e, idx in chosen:  # (the token that starts at s and the one that ends at e, if there are such)
            ti, tj = bisect_left(ts, s), bisect_left(te, e)
            if ti < n and ts[ti] == s and tj < n and te[tj] == e:
                self.reg_at[ti] = (tj + 1, idx, s)
                covered[ti:tj + 1] = [True] * (tj + 1 - ti)
        self.trig_at = trig_at = {}
        for s, (e, kinds) in trig.items():
            ti, tj = bisect_left(ts, s), bisect_left(te, e)
            if ti < n and ts[ti] == s and tj < n and te[tj] == e:
                trig_at[ti] = (tj + 1, kinds)
        self.used = [False] * self.n
        for ti in sorted(self.trig_at):
            if not self.used[ti]:
                self._trigger_grammar(ti, covered)

    def _start(self, chosen, trig) -> int:
        """Where the grammar's reading of the sentence starts: 0, or the start of the word (between spaces) where the
        first trigger or a registry form holding it starts, if no trigger is a title or a description.

        Only titles and descriptions look back at the words before them (a prefix, a plural, a name set off by a
        comma); honorifics, organization heads, outlet words and ages read forward, so the words before the first of
        them need no tokens. A description with no "này" after it in the sentence finds nothing, whatever stands
        before it, so it needs no words before it either.
        """
        first, low = None, None
        for s, (e, kinds) in trig.items():
            if "title" in kinds or "orgapp" in kinds:
                return 0
            if "desc" in kinds:
                if low is None:
                    low = _lower(self.text)
                if low.find("này", e) >= 0:
                    return 0
            if first is None or s < first:
                first = s
        for s, e, _ in chosen:
            if s < first < e:
                first = s
        return self.text.rfind(" ", 0, first) + 1

    def _reach(self, chosen, trig) -> int | None:
        """Where the grammar's reading of the sentence stops: right after the first comma that follows the last
        trigger, or None (the end of the sentence).

        No grammar reads past a comma (names, affiliations, bodies and outlets stop there) except through a registry
        form or a portfolio that holds one ("Đặc khu Hành chính Hồng Kông, Trung Quốc", "Bộ trưởng Kinh tế, Thương
        mại và Công nghiệp"), so the words after that comma need no tokens: tokens are the costly part.
        """
        text, before = self.text, self.rules.comma_words
        at = text.find(",", max(e for e, _ in trig.values()))
        while at >= 0:
            word = text[text.rfind(" ", 0, at) + 1:at]
            if not word.isalnum():  # (the letters right before the comma)
                j = at
                while j > 0 and text[j - 1].isalnum():
                    j -= 1
                word = text[j:at]
            if word.lower() not in before and not (chosen and any(s <= at < e for s, e, _ in chosen)):
                return at + 1
            at = text.find(",", at + 1)
        return None

    def _add(self, kind, i, j, idx=None, name=None, role=None, base=None, group=None, country=None, posting=None,
             weak=False, anchor=None, org=None) -> _Item:
        item = _Item(kind, self.sid, self.base + self.ts[i], self.base + self.te[j - 1], idx, name, role, base, group,
                     country, posting, weak, anchor, org)
        self.items.append(item)
        return item

    def _use(self, i, j):
        if j > self.n:
            j = self.n
        if j > i:
            self.used[i:j] = [True] * (j - i)
            self.used_chars.append((self.ts[i], self.te[j - 1]))

    def _admit(self, toks) -> None:
        if toks:
            self.admitted.update(self.ts[k] for k in toks)

    def _word2(self, k: int) -> bool:
        """Whether tokens k and k+1 form a common two-syllable word ("Giao thông", "Phòng vệ", "tuyên bố")."""
        return k + 1 < self.n and f"{self.low[k]} {self.low[k + 1]}" in _words2(self.reg.language)

    def _cap_word(self, k: int) -> bool:
        if k < self.n:
            c = self.tok[k][0]
            return c.isalnum() and c.isupper()
        return False

    def _reg(self, k: int, types=("country", "location", "organization")):
        hit = self.reg_at.get(k)
        if hit and self.types[hit[1]] in types:
            return hit
        return None

    # -- the grammars -----------------------------------------------------------------------------------------
    def _trigger_grammar(self, ti: int, covered: list[bool]) -> None:
        tj, kinds = self.trig_at[ti]
        hit = self.reg_at.get(ti)
        if hit and hit[0] >= tj and ("head" not in kinds or self.types[hit[1]] != "organization"):
            return  # a registry form starting here is at least as long ("Hội đồng Bảo an", "Đài Loan")
        if covered[ti] and not hit:
            return  # inside a registry form
        if not hit and self.ts[ti] in self.hit_starts and ("head" in kinds or "media" in kinds):
            return  # "Đài Bắc-Bắc Kinh": a place whose name ends inside a hyphenated word, no body's head
        if "desc" in kinds and self._description(ti, tj, kinds["desc"]):
            return
        if "title" in kinds:
            self._name_before(ti)
            self._title(ti, tj, kinds["title"])
        elif "head" in kinds:
            org = self._org(ti, tj)
            # a registry organization starting here wins unless the pattern names a longer body of its own
            # ("Đảng Dân chủ Tự do" beyond "Đảng Dân chủ"), not a verb after it ("Bộ Ngoại giao Nga triệu tập")
            if org and (not hit or (org[0] > hit[0] and self._cap_word(hit[0]))):
                self._emit_org(ti, org)
        elif "hon" in kinds:
            self._honorific(ti, tj)
        elif "media" in kinds:
            self._media(ti, tj)
        elif "orgapp" in kinds:
            self._org_before(ti)
        elif "age" in kinds and not any(self.used[ti:tj]) and not any(k in self.reg_at for k in range(ti, tj)):
            if self.tok[ti] not in self.rules.not_names:
                self._add("person", ti, tj, name=self.text[self.ts[ti]:self.te[tj - 1]])
                self._use(ti, tj)

    def _name_before(self, ti: int) -> None:
        """'Mark Krikorian, giám đốc điều hành ...': a full name set off before a title is a person."""
        tok, ts, te, rules = self.tok, self.ts, self.te, self.rules
        p = ti - 1 if self.low[ti - 1] != "một" else ti - 2  # "Duncan Larcombe, một chuyên gia về hoàng gia"
        if p < 2 or tok[p] not in (",", "-", "–"):
            return
        j = k = p
        while k > 0 and not self.used[k - 1] and (k - 1) not in self.reg_at and (self._cap_word(k - 1) or (
                tok[k - 1] == "." and k > 1 and len(tok[k - 2]) == 1 and self._cap_word(k - 2))):
            k -= 1  # (an initial's full stop belongs to the name: "William H. Watson")
        while k < j and (tok[k] in rules.not_names or tok[k] in rules.name_stops):
            k += 1
        if j - k < 2 or (k > 0 and self._cap_word(k - 1)) or any(len(w) > 1 and w.isupper() for w in tok[k:j]) \
                or tok[k] in ("The", "THE"):
            return  # (not "cho The Conversation, một nhà nghiên cứu ...": an outlet)
        self._add("person", k, j, name=self.text[ts[k]:te[j - 1]])
        self._use(k, j)

    def _org_before(self, ti: int) -> None:
        """'Archegos, một công ty đầu tư', 'Fairfax Media - công ty truyền thông': a foreign name (Latin letters, one
        word not shaped like a Vietnamese syllable at least) set off before a noun for a kind of body is one."""
        tok, rules = self.tok, self.rules
        p = ti - 1 if self.low[ti - 1] != "một" else ti - 2
        if p < 1 or tok[p] not in (",", "-", "–"):
            return
        j = k = p
        while k > 0 and not self.used[k - 1] and (k - 1) not in self.reg_at and self._cap_word(k - 1) \
                and tok[k - 1].isascii():
            k -= 1
        if k > 0 and self._cap_word(k - 1):
            return  # part of a longer name, a known one or one in Vietnamese letters
        while k < j and (tok[k] in rules.not_names or tok[k] in rules.name_stops):
            k += 1
        if j == k or j - k > 4 or all(_viet(w) or w.isupper() for w in tok[k:j]) \
                or any(w in rules.org_legal_forms for w in tok[k:j]):
            return
        self._add("org", k, j, name=self.text[self.ts[k]:self.te[j - 1]])
        self._use(k, j)

    def _description(self, i: int, j: int, group: str) -> bool:
        """'quan chức ngoại giao này', 'nhà lãnh đạo Triều Tiên này', 'ông này' -> the last person that fits."""
        rules, k, nested = self.rules, j, []
        if i > 0 and self.low[i - 1] in rules.plural:
            return False  # "Những người này": many, not one
        if " ".join(self.low[i:j]) not in rules.desc_bare:
            for _ in range(3):
                m = _at(rules.desc_mods, self.low, k)
                hit = self._reg(k, ("country",))
                if m:
                    k += m
                elif hit:
                    nested.append(k)
                    k = hit[0]
                else:
                    break
        if k < self.n and self.low[k] == "này":
            self._add("ana", i, k + 1, group=group)
            self._use(i, k + 1)
            self._admit(nested)
            return True
        return False

    def _name_end(self, k: int) -> int:
        """End of the capitalised name starting at token ``k`` (``k`` itself if there is none)."""
        rules, tok, ts, te, n = self.rules, self.tok, self.ts, self.te, self.n
        if k in self.trig_at and ("head" in self.trig_at[k][1] or "title" in self.trig_at[k][1]):
            return k
        j = k
        while j < n:
            w = tok[j]
            if j == k and "-" in w and w.split("-", 1)[0] in rules.particles and w.split("-", 1)[1][:1].isupper():
                j += 1  # "Thủ tướng al-Abadi"
                continue
            c = w[0]
            if c.isalnum() and c.isupper() and w not in rules.name_stops and not (j == k and w in rules.not_names):
                if (len(w) > 1 and w.isupper() and not _ROMAN.fullmatch(w)) or (
                        not w.isalpha() and any(c.isdigit() for c in w)):
                    break
                hit = self.reg_at.get(j) if j > k else None
                if hit and hit[0] > j + 1 and tok[k] in rules.family_names and hit[0] - k <= 4 \
                        and self.types[hit[1]] in ("country", "location") and not self._cap_word(hit[0]) \
                        and all(map(_viet, tok[k:hit[0]])):
                    j = hit[0]  # "Nguyễn Hoàng Hải": a place's name ("Hoàng Hải") ends a Vietnamese full name
                    break
                if hit and (hit[0] > j + 1 or self.types[hit[1]] == "person"):
                    break  # a place or body of several words, or a known person, follows
                if hit and j - k >= 2 and self.types[hit[1]] == "country" and not (
                        _viet(w) and any(map(_viet, tok[k:j]))):
                    # "Tổng thống Rodrigo Duterte Philippines", "Scott Morrison Úc": a full foreign name, then the
                    # country's own name (not "Nguyễn Thúc Anh", whose last syllable only looks like a country)
                    self.admitted.add(ts[j])
                    break
                if j > k and j in self.trig_at:
                    break  # a title or an organization follows
                j += 1
                if len(w) == 1 and j < n and tok[j] == "." and ts[j] == te[j - 1]:
                    j += 1  # an initial: "Donald J. Trump"
            elif j > k and w in rules.particles and self._cap_word(j + 1):
                j += 1
            elif j > k and "-" in w and w.split("-", 1)[0] in rules.particles and w.split("-", 1)[1][:1].isupper():
                j += 1  # "Turki al-Faisal"
            else:
                break
        while j > k and tok[j - 1] == ".":
            j -= 1
        # "Salman Khurshid Tuyên bố": a sentence that lost its full stop glues its first word to a name
        # (not a Vietnamese full name of three syllables: "ĐB Hà Sỹ Đồng phát biểu", "đồng phát" is a word too)
        if j - k >= 2 and j < n and tok[j].islower() and self._word2(j - 1) and not (
                j - k == 3 and tok[k] in rules.family_names and all(map(_viet, tok[k:j]))):
            j -= 1
        return j

    def _title(self, i: int, j: int, group: str) -> None:
        rules, low, n = self.rules, self.low, self.n
        rs = i
        for back in (2, 1):
            if i - back >= 0 and _at(rules.prefixes, low, i - back) == back and not (
                    back == 1 and i >= 2 and self._word2(i - 2)):  # not "chính quyền Tổng thống"
                rs = i - back
                break
        k = j + _at(rules.portfolios, low, j)
        base_end = k
        while k < n:  # "Phó Thủ tướng kiêm Bộ trưởng Ngoại giao", "Trợ lý Tổng thống"
            nxt = k + 1 if low[k] == "kiêm" else k
            if nxt in self.trig_at and "title" in self.trig_at[nxt][1]:
                k = self.trig_at[nxt][0]
                k += _at(rules.portfolios, low, k)
                self.used[nxt] = True
            else:
                break
        k += _at(rules.suffixes, low, k)
        tok, ts, te = self.tok, self.ts, self.te
        while k + 1 < n and tok[k] == "." and ts[k] == te[k - 1] and ts[k + 1] == te[k] and k + 1 in self.trig_at \
                and "title" in self.trig_at[k + 1][1]:
            self.used[k + 1] = True  # "PGS.TS.BS", "Ths.Bs": abbreviated degrees joined by full stops
            k = self.trig_at[k + 1][0]
        role_end = k
        if k + 1 < n and tok[k] == "." and ts[k] == te[k - 1] and len(tok[k - 1]) <= 5 and self._cap_word(k + 1) \
                and not tok[k - 1].islower() and tok[k - 1] not in rules.name_stops:
            k += 1  # "TS. Trương Anh Dũng": the full stop of an abbreviated title
        base = " ".join(low[i:base_end])
        base = rules.equivalents.get(base, base)
        if base not in rules.title_class:
            base = rules.equivalents.get(" ".join(low[i:j]), " ".join(low[i:j]))
        country = posting = org_name = None
        nested: list[int] = []
        link = None
        for _ in range(10):
            hit = self._reg(k)
            if hit:
                actor = self.reg.actors[hit[1]]
                if link in ("tại", "ở"):
                    posting = posting or actor.country
                else:
                    country = country or actor.country
                    if actor.actor_type == "organization":
                        org_name = org_name or actor.actor_id
                nested.append(k)
                k, link = hit[0], None
                continue
            if k in self.trig_at and "head" in self.trig_at[k][1] and not (
                    k in self.reg_at and self.types[self.reg_at[k][1]] == "person"):  # not "Ban Ki-moon"
                hj = self.trig_at[k][0]
                org = self._org(k, hj)
                if org:
                    p = self._person_in_org(k, hj, org[0])
                    if p == hj:  # "Tư lệnh Hải quân Margono": the body is part of the role, the name a person's
                        k = role_end = hj
                        continue
                    if p is not None:  # "Thứ trưởng Bộ GTVT | Lê Anh Tuấn": the body ends where the name starts
                        org = (p, org[1] if all(x < p for x in org[3]) else None, None,
                               [x for x in org[3] if x < p])
                    item = self._emit_org(k, org)
                    country = country or item.country
                    org_name = org_name or (item.name.lower() if item.name else self.reg.actors[item.idx].actor_id)
                    country = country or (self.reg.actors[item.idx].country if item.idx is not None else None)
                    k, link = org[0], None
                    continue
            m = _at(rules.affiliations, low, k)
            if m:
                k += m
                continue
            if low[k:k + 1] == ["kiêm"] and k + 1 in self.trig_at and "title" in self.trig_at[k + 1][1]:
                k = self.trig_at[k + 1][0]  # "Thứ trưởng Bộ Công an kiêm Cảnh sát trưởng Bắc Kinh ..."
                k += _at(rules.portfolios, low, k)
                self.used[k - 1] = True
                role_end = k
                continue
            m = _at(rules.links, low, k)
            if m and (self._reg(k + m) or (k + m in self.trig_at and "head" in self.trig_at[k + m][1])):
                if not self._reg(k + m) and not self._org(k + m, self.trig_at[k + m][0]):
                    break  # "giám đốc điều hành của Trung tâm nghiên cứu ...": nothing the link could lead to
                link = " ".join(low[k:k + m])
                k += m
                continue
            if k < n and (len(self.tok[k]) > 1 and self.tok[k].isupper()) and not self.reg_at.get(k):
                k += 1
                continue
            # "Thanh tra cứu hỏa bang NSW ...": a short lower-case descriptor before an affiliation
            q = k
            while q < n and q - k < 2 and self.tok[q].isalpha() and self.tok[q].islower() \
                    and low[q] not in rules.org_stops and low[q] not in rules.org_verbs:
                q += 1
            if k < q < n and (_at(rules.affiliations, low, q) or self._reg(q) or (
                    len(self.tok[q]) > 1 and self.tok[q].isupper())):
                k = q
                continue
            while q < n and q - k < 3 and self.tok[q].isalpha() and self.tok[q].islower() \
                    and low[q] not in rules.org_stops and low[q] not in rules.org_verbs:
                q += 1
            m = _at(rules.desc_links, low, q) if k < q < n else 0
            if m and (self._reg(q + m) or (q + m in self.trig_at and "head" in self.trig_at[q + m][1])):
                k = q + m  # "người đứng đầu ủy ban ngoại giao thuộc | Hội đồng Quốc gia Syria": a link follows
                continue
            break
        if k + 1 < n and self.tok[k] in ("-", "–"):
            k = self._dashed_name(k)
            if base in rules.affiliation_only and (k + 1 >= n or self.tok[k] in ("-", "–")):
                return  # no name set off by the dash either
        elif base in rules.affiliation_only and (k == role_end or not (org_name or country)):
            return  # "người đứng đầu Real Madrid", "... CLB Juventus": no body or place recognised, no name either
        elif k + 1 < n and low[k] in ("ông", "bà", "ngài") and self._cap_word(k + 1) and k > role_end:
            k += 1  # "Người phát ngôn Bộ Ngoại giao ông Vương Văn Bân": the honorific opens the titled name
        role = self.text[self.ts[rs]:self.te[role_end - 1]]
        self._admit(nested)
        self._use(rs, k)
        end = self._name_end(k)
        nxt = end + 1 if end < n and self.tok[end] == "." else end
        if end == k + 1 and nxt in self.reg_at and self.types[self.reg_at[nxt][1]] == "person":
            k = nxt  # "Ngoại trưởng Mỹ Tony Blinken", "Tổng thống Nga V.Putin": the registry knows the surname
            end = self._name_end(k)
        hit = self.reg_at.get(k)
        anchor = self.base + self.ts[rs]
        one = end == k + 1 and not hit and not _viet(self.tok[k])
        if end < n and self.tok[end] == "," and (one or (end == k and org_name)):
            after = self._name_after_comma(self.te[end])
            if after:  # "Phó chủ tịch EgyptAir, Ahmed Adel", "Chủ tịch UEFA, Aleksander Ceferin": the body, then
                # its officer set off by a comma
                place = any(k >= b and self.tok[k - b].islower() and _at(rules.affiliations, low, k - b) == b
                            for b in (1, 2))  # ("Thượng nghị sĩ bang Wisconsin, Gaylor Nelson": a place)
                if one and not place:
                    self._add("org", k, end, name=self.tok[k])
                    self._use(k, end)
                    org_name = self.tok[k].lower()
                elif one:
                    self._use(k, end)
                s, e = after
                self.items.append(_Item("person", self.sid, self.base + s, self.base + e, None, self.text[s:e],
                                        role, base, group, country, posting, False, anchor, org_name))
                self.used_chars.append((s, e))
                q = end + 1
                while q < n and self.ts[q] < e:
                    self.used[q] = True
                    q += 1
                return
        if hit and self.types[hit[1]] == "person" and hit[0] >= end:
            self._add("reg", k, hit[0], idx=hit[1], role=role, base=base, group=group, country=country,
                      anchor=anchor, org=org_name)
            self._use(k, hit[0])
        elif end > k:
            # "Bộ trưởng Giao thông": one Vietnamese syllable before a lower-case one is a word, not a name,
            # unless the article names someone in full whose name it is part of (weak, checked later)
            weak = end == k + 1 and _viet(self.tok[k]) and end < n and self.tok[end].islower()
            if weak and self._word2(k):
                self._add("desc", rs, k, role=role, base=base, group=group, country=country, posting=posting,
                          org=org_name)
                return
            self._add("person", k, end, name=self.text[self.ts[k]:self.te[end - 1]], role=role,
                      base=base, group=group, country=country, posting=posting, anchor=anchor, weak=weak,
                      org=org_name)
            self._use(k, end)
        elif k < n and low[k] == "này":
            self._add("ana", rs, k + 1, group=rules.descriptions.get(base, group))
            self._use(k, k + 1)
        elif " ".join(low[i:j]) in rules.never_bare:
            return  # "Quyết định Thanh tra", "thanh tra việc ...": an activity, no one described
        elif not (rs > 0 and (low[rs - 1] in rules.plural or low[rs - 1].isdigit())) and not (
                rs > 1 and low[rs - 1] == "một" and self.tok[rs - 2] in (",", "-", "–")):
            # (not "5 đời tổng thống Mỹ"; nor ", một chuyên gia đã ...": someone new and unnamed, no one met before)
            self._add("desc", rs, k, role=role, base=base, group=group, country=country, posting=posting,
                      org=org_name)

    def _name_after_comma(self, at: int) -> tuple[int, int] | None:
        """The span of a foreign full name (two to four capitalised words, after an optional honorific) that starts
        after the comma ending at ``at`` and is followed by a lower-case word or a comma, or None."""
        text = self.text
        if not text.startswith(" ", at):
            return None
        words = text[at + 1:at + 80].split(" ")
        pos, first = at + 1, 0
        if words and words[0] in self.rules.honorifics:
            pos += len(words[0]) + 1
            first = 1
        names = []
        for w in words[first:first + 5]:
            core = w.rstrip(",")
            if not core[:1].isupper() or not core.replace("-", "").replace("'", "").isalpha():
                break
            names.append(core)
            if core != w:
                break
        nxt = words[first + len(names)] if first + len(names) < len(words) else ""
        ends_comma = bool(names) and words[first + len(names) - 1].endswith(",")
        if not 2 <= len(names) <= 4 or not (ends_comma or nxt[:1].islower()):
            return None
        if any(w in self.rules.not_names or w in self.rules.name_stops or (len(w) > 1 and w.isupper())
               for w in names) or all(map(_viet, names)) or names[0].lower() in self.rules.title_forms:
            return None  # (not "ĐB Đỗ Văn Sinh": a title, an acronym or a place in Vietnamese)
        return pos, pos + len(" ".join(names))

    def _person_in_org(self, i: int, j: int, end: int) -> int | None:
        """Where the name of the person a title introduces starts inside the body ``tok[i:end]`` (head ``tok[i:j]``)
        the organization grammar read after it, or None: a Vietnamese full name (a family name and one to three
        capitalised syllables: "Bộ GTVT Lê Anh Tuấn") or, right after a head that may stand alone as an affiliation,
        a foreign name ("Hải quân Margono"), when no other name follows the body."""
        tok, n = self.tok, self.n
        if end - j < 1 or (end < n and (self._cap_word(end) or end in self.reg_at)):
            return None
        if any(q in self.trig_at for q in range(j, end)):
            return None
        for p in range(max(j + 1, end - 4), end - 2):  # (three syllables: not a province, "Sở Y tế Hà Nam")
            # (a country's one-syllable name inside the name is a syllable of it: "Lê Anh Tuấn")
            if tok[p] in self.rules.family_names and p not in self.reg_at and all(
                    self._cap_word(q) and _viet(tok[q]) and self.reg_at.get(q, (q + 1,))[0] == q + 1
                    for q in range(p, end)):
                return p
        if any(q in self.reg_at for q in range(j, end)):
            return None
        if end - j <= 3 and _at(self.rules.affiliations, self.low, i) == j - i and all(
                self._cap_word(q) and not _viet(tok[q]) and not tok[q].isupper() for q in range(j, end)):
            return j
        return None

    def _dashed_name(self, k: int) -> int:
        """'Giám đốc SOHR - Rami Abdel Rahman', 'Tổng Thư ký Liên Hợp Quốc - ông Ban Ki Moon': where the name set off
        by the dash at token ``k`` after a title starts (past an honorific), or ``k`` if no name follows it: a known
        person, a name of two words or more, or any name after an honorific (never a place or a body: "Mỹ - Nhật")."""
        q = k + 1
        hon = self.low[q] in self.rules.honorifics
        if hon:
            q += 1
        if q >= self.n or not self._cap_word(q):
            return k
        hit = self.reg_at.get(q)
        if hit:
            return q if self.types[hit[1]] == "person" else k
        end = self._name_end(q)
        return q if end - q >= 2 or (hon and end > q) else k

    def _honorific(self, i: int, j: int) -> None:
        k = j
        if not self._cap_word(k) or f"{self.tok[i]} {self.tok[k]}" in self.rules.blocked_phrases:
            return
        if self._kin_word(self.text, self.te[i], self.tok[i]) != self.tok[i]:
            return  # the end of a word, not an honorific: "trẻ em Mỹ" (American children), "anh em Nga"
        hit = self.reg_at.get(k)
        if hit and self.types[hit[1]] == "person":
            self._add("reg", k, hit[0], idx=hit[1], anchor=self.base + self.ts[i])
            self._use(i, hit[0])
            return
        end = self._name_end(k)
        if end > k and (end > k + 1 or len(self.tok[k]) > 1):  # not "chị T." (a name withheld)
            self._add("person", k, end, name=self.text[self.ts[k]:self.te[end - 1]],
                      anchor=self.base + self.ts[i])
            self._use(i, end)
