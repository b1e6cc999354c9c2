"""The sentence grammar of organizations, news outlets and registry forms in their context: a head and its name
(*Bộ Ngoại giao Mỹ*, *Đại sứ quán Nga tại Triều Tiên*, *Trung tâm an ninh và năng lượng của Nga*), an outlet word and
a name (*báo Khmer Times*), a one-word form that is a name or a common word (*Thúc Anh*, *Pháp luật*), countries
joined by a dash (*Triều-Mỹ*), photo credits. A mixin of :class:`newsframes.actor_grammar._Sentence`, whose tokens
and helpers it uses."""
from __future__ import annotations

import functools
import re

from .actor_lexicon import _at, _norm, _rules, _toks, _viet, _words2
from .registry import _WEAK, Registry


class _Item:
    """What the sentence grammar found, before the article-level resolution (offsets into the article)."""

    __slots__ = ("kind", "sid", "s", "e", "idx", "name", "role", "base", "group", "country", "posting", "weak",
                 "anchor", "org", "link")

    def __init__(self, kind, sid, s, e, idx=None, name=None, role=None, base=None, group=None, country=None,
                 posting=None, weak=False, anchor=None, org=None):
        self.kind, self.sid, self.s, self.e, self.idx, self.name = kind, sid, s, e, idx, name
        self.role, self.base, self.group, self.country, self.posting = role, base, group, country, posting
        self.weak, self.anchor, self.org = weak, anchor if anchor is not None else s, org
        self.link = None  # (entity, method), set by the article-level resolution


_ACRONYM = re.compile(r"[A-ZĐ][A-Za-zĐđ&]*[A-ZĐ][A-Za-zĐđ&]*")
_ROMAN = re.compile(r"[IVX]+")
_JOIN = "-‐'’"
_PLACES = ("country", "location")


@functools.cache
def _lower_heads(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """Organization heads of one syllable and of two, lower case ("bộ"; "đại sứ", "chính phủ"): a lower-case stretch of
    a name that holds one may be another body."""
    heads = {" ".join(h.lower().split(" ")[:2]) for h in _rules(language).org_heads}
    return frozenset(h for h in heads if " " not in h), frozenset(h for h in heads if " " in h)


def _neighbours(text: str, s: int, e: int) -> tuple[str, str]:
    """The word (or punctuation mark) before ``text[s:e]`` and the one after it, across spaces."""
    i = s - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    if i < 0:
        prev = ""
    elif text[i].isalnum():
        prev = text[text.rfind(" ", 0, i) + 1:i + 1]
        if not prev.isalnum():  # (a plain word, the usual case, is the whole chunk between spaces)
            j = i
            while j > 0 and (text[j - 1].isalnum() or (text[j - 1] in _JOIN and j > 1 and text[j - 2].isalnum())):
                j -= 1
            prev = text[j:i + 1]
    else:
        prev = text[i]
    n, k = len(text), e
    while k < n and text[k] == " ":
        k += 1
    if k >= n:
        nxt = ""
    elif text[k].isalnum():
        m = text.find(" ", k)
        nxt = text[k:m if m >= 0 else n]
        if not nxt.isalnum():
            m = k
            while m < n and (text[m].isalnum() or (text[m] in _JOIN and m + 1 < n and text[m + 1].isalnum())):
                m += 1
            nxt = text[k:m]
    else:
        nxt = text[k]
    return prev, nxt


class _OrgGrammar:
    """Organizations, outlets and registry forms in context; the attributes and helpers are those of ``_Sentence``."""

    def _org(self, i: int, j: int):
        """An organization named by its head: (end token, country, posting, nested registry tokens) or None."""
        rules, low, tok, n = self.rules, self.low, self.tok, self.n
        k, nested, country, posting = j, [], None, None
        hit = self._reg(k, ("country", "location"))
        if hit and hit[0] == k + 1 and hit[0] < n and tok[hit[0]].islower() and self._word2(k):
            hit = None  # "Trung tâm Pháp y": "Pháp y" is a word, not France
        if not hit:
            p = k
            if self._cap_word(p) or (p < n and (len(tok[p]) > 1 and tok[p].isupper())):
                last, free, viet = p, False, False
                while p < n:
                    w = tok[p]
                    if p > k and (p in self.reg_at or (p in self.trig_at and w[0].isupper())):
                        hit = self.reg_at.get(p)
                        inside = hit and hit[0] == p + 1 and self._cap_word(p + 1) and _viet(tok[p + 1]) \
                            and self._cap_word(p - 1) and _viet(tok[p - 1])
                        if not inside:  # ("Tôn Đức Thắng": a country's name between two syllables of a name)
                            if self._reg(p, ("country", "location")):
                                last = p  # "Lực lượng Phòng vệ biển | Nhật Bản": the country closes the name
                            elif p in self.trig_at and "head" in self.trig_at[p][1] and low[p - 1] == "và" \
                                    and not self._org(p, self.trig_at[p][0]):
                                p += 1  # "Kiểm soát và Phòng ngừa": not a second organization after all
                                last = p
                                free = True
                                continue
                            break  # a country or body ends the name, unless it is inside one ("Tôn Đức Thắng")
                    m = _at(rules.portfolios, low, p) if w[0].isupper() else 0
                    if m:
                        p = last = p + m
                        free, viet = False, True
                    elif w[0].isalnum() and (w[0].isupper() or (len(w) > 1 and w.isupper())) \
                            and w not in rules.name_stops:
                        if viet and not _viet(w) and not (len(w) > 1 and w.isupper()):
                            break  # "Tòa án Tối cao John Roberts": a foreign name after the body's own words
                        p = last = p + 1
                        free, viet = True, viet or _viet(w)
                    elif w[0].isalnum() and w.islower() and low[p] not in rules.org_stops:
                        if w in rules.honorifics and p > k and self._cap_word(p + 1):
                            break  # "Bộ Ngoại giao | ông Vương": an honorific ends the body, a person follows
                        nxt = tok[p + 1] if p + 1 < n else ""
                        if free and (self._word2(p - 1) or (low[p] not in rules.org_verbs and (
                                not nxt[:1].islower() or nxt in rules.org_stops or nxt in rules.org_verbs))):
                            p = last = p + 1  # the second syllable of "Ngoại giao", "Phòng vệ"
                            free = False
                            continue
                        q = p
                        while q < n and q - p < 3 and tok[q].isalpha() and tok[q].islower() and (
                                low[q] not in rules.org_stops or low[q] == "và") and not (
                                q + 1 < n and f"{low[q]} {low[q + 1]}" in rules.org_verb_phrases) and not (
                                q == p and low[q] in rules.org_verbs1 and not self._word2(q) and not self._word2(q - 1)
                                and not (self._cap_word(q - 1) and _viet(tok[q - 1]) and not self._word2(q - 2))):
                            q += 1  # (a verb ends the name: "Bộ Y tế | yêu cầu Hà Nam", "Bộ GD&ĐT | ký Quyết định"; not the second
                            # syllable of an open word: "Trung tâm Lưu ký Chứng khoán")
                        if q > p and (self._cap_word(q) or self._reg(q, ("country",))) and low[q - 1] != "và":
                            p = q
                            free = False
                            continue
                        break
                    elif low[p] == "và" and self._cap_word(p + 1) and not (
                            p + 1 in self.trig_at and "title" in self.trig_at[p + 1][1]):
                        p += 1  # (not "Trung tâm Hô hấp | và BSCK2 Lê Thanh Chương": a title after 'và')
                    elif low[p] == "và" and p > k and not free and self._and_lower(p + 1):
                        p = last = self._and_lower(p + 1)  # "Trung tâm Kiểm soát và phòng ngừa dịch bệnh | Mỹ"
                        free = False
                    else:
                        break
                k = last
            elif " ".join(low[i:j]) in rules.org_descriptive:
                while p < n and p - k < 9 and tok[p].isalpha() and tok[p].islower() and (
                        low[p] not in rules.org_stops and low[p] not in rules.org_verbs or low[p] == "và"):
                    p += 1
                if p == k or not self._reg(p, ("country",)):
                    return None
                k = p
            else:
                return None
            if k < n and low[k] == "của" and self._reg(k + 1, ("country",)):
                k += 1
            hit = self._reg(k, ("country", "location"))
        if hit:
            nested.append(k)
            country = self.reg.actors[hit[1]].country
            k = hit[0]
            if k == j + 1 or (k > j and self.reg_at.get(j, (0,))[0] == k):  # "đảng Hàn Quốc Tự do"
                while self._cap_word(k) and k not in self.reg_at and k not in self.trig_at and _viet(tok[k]):
                    k += 1
                    if k < n and tok[k].islower() and self._word2(k - 1):
                        k += 1
            m = _at(rules.links, low, k)
            if m and low[k] in ("tại", "ở") and self._reg(k + m, ("country", "location")):
                nested.append(k + m)
                posting = self.reg.actors[self.reg_at[k + m][1]].country
                k = self.reg_at[k + m][0]
        if k == j:
            return None
        return k, country, posting, nested

    def _and_lower(self, p: int) -> int:
        """After 'và' in a body's name: the end of one to five lower-case words or Vietnamese syllables (no function
        word, verb or head of another body: not "Bộ Y tế và các địa phương", "Bộ Ngoại giao và đại sứ quán Mỹ") that a
        country or place closes ("Trung tâm Kiểm soát và phòng ngừa dịch bệnh Mỹ"), or 0."""
        rules, low, tok, n = self.rules, self.low, self.tok, self.n
        heads1, heads2 = _lower_heads(self.reg.language)
        q = p
        while q < n and q - p < 5 and tok[q].isalpha() and (tok[q].islower() or (
                q > p and _viet(tok[q]) and q not in self.reg_at)) and low[q] not in rules.org_stops \
                and low[q] not in rules.org_verbs1 and not (low[q] in heads1 and not self._word2(q)) \
                and not (q + 1 < n and (f"{low[q]} {low[q + 1]}" in rules.org_verb_phrases
                                        or f"{low[q]} {low[q + 1]}" in heads2)):
            q += 1
        return q if q > p and self._reg(q, _PLACES) else 0

    def _emit_org(self, i: int, org) -> _Item:
        end, country, posting, nested = org
        tok, ts, te = self.tok, self.ts, self.te
        acronym = None
        if end + 2 < self.n and tok[end] == "(" and tok[end + 2] == ")" \
                and _ACRONYM.fullmatch(tok[end + 1]):
            acronym = end + 1  # "Cục Điều tra Liên bang (FBI)", "Phong trào Dân chủ (MoDem)"
        hit = self.reg_at.get(acronym) if acronym else None
        rest = self._kind_rest(i, end)
        if hit and self.types[hit[1]] == "organization":
            item = self._add("reg", i, end, idx=hit[1])  # the registry knows it by its acronym
        elif rest:
            q, stop, idx = rest
            if idx is not None:
                item = self._add("reg", q, stop, idx=idx)
            else:
                item = self._add("org", q, stop, name=self.text[ts[q]:te[stop - 1]], country=country,
                                 posting=posting)
        else:
            item = self._add("org", i, end, name=self.text[ts[i]:te[end - 1]],
                             country=country, posting=posting)
        self._use(i, end)
        self._admit(nested)
        return item


    def _kind_rest(self, i: int, end: int) -> tuple[int, int, int | None] | None:
        """'Báo Los Angeles Times', 'Tổ chức Nhà nước Hồi giáo', 'Tổ chức Walk Free Foundation': where the name after a
        head that only says what kind of body it is starts and ends, and the registry organization it is (or None),
        if the rest is a registry organization or a foreign name (and where it is: "của Anh"); else None."""
        trig = self.trig_at.get(i)
        if trig is None or trig[0] >= end or " ".join(self.low[i:trig[0]]) not in self.rules.org_kind_heads:
            return None
        q = trig[0]
        hit = self.reg_at.get(q)
        if hit and hit[0] >= end and self.types[hit[1]] == "organization":
            return q, hit[0], hit[1]  # ("Hãng tin RIA Novosti": the registry reads on where the grammar stopped)
        tok, legal = self.tok, self.rules.org_legal_forms
        if not self._cap_word(q):
            return None
        stop = end
        for k in range(q, end):
            w = tok[k]
            if k > q and self.low[k] in ("của", "tại", "ở"):
                hit = self.reg_at.get(k + 1)  # "Hãng tin The Sun của Anh": where it is, no part of its name
                if hit and hit[0] == end and self.types[hit[1]] in ("country", "location"):
                    stop = k
                    break
            if k > q and w.islower() and self.low[k] not in self.rules.media_particles:
                stop = k  # "Elliott Management Corporation mua ...": a verb ends the name
                break
            if not w.isascii() or w in legal or not (w[0].isalnum() or w in "&"):
                return None
        if stop == q + 1 and (len(tok[q]) == 1 or _ROMAN.fullmatch(tok[q]) or self.low[q] in self.rules.media_particles):
            return None  # "Nhóm II", "Nhóm T", "Tổ chức The ...": a label or a fragment, no name
        if (stop < end or stop == q + 1) and all(_viet(w) and not w.isupper() and w.lower() not in self.rules.media_particles
                                                 for w in tok[q:stop]):
            return None  # "Tạp chí Khoa học", "Quỹ Hoa ...": Vietnamese words written without their marks
        return q, stop, None

    def _media(self, i: int, j: int) -> None:
        """'báo Khmer Times', 'trang Axios', 'hãng tin Interfax': a news outlet named after its kind."""
        tok, ts, te, low, n = self.tok, self.ts, self.te, self.low, self.n
        at = ts[i]
        if j == i + 1 and at > 1 and self.text[at - 1] == " ":
            prev = self.text[self.text.rfind(" ", 0, at - 1) + 1:at - 1].lower()
            word = f"{prev} {low[i]}"
            if word in _words2(self.reg.language) and word not in self.rules.media_heads:  # (not "Nhật báo X")
                return  # "tổng đài Covid-19", "nhà báo Mark ...": the end of another word, no outlet
        if tok[i] in self.rules.media_given_names and j < n and tok[j] in self.rules.family_names:
            return  # "Trang Phạm": a given name before a family name, not the outlet word "Trang"
        k = j
        hit = self.reg_at.get(k)
        if hit and hit[0] == k + 1 and self.types[hit[1]] == "country" and self._cap_word(k + 1) \
                and k + 1 not in self.reg_at:
            self._admit([k])  # "tờ báo Pháp Canard Enchaine": the country says where the outlet is
            k = j = k + 1
            hit = None
        if hit:
            return  # the registry knows it ("tờ New York Times", "hãng tin Reuters")
        if k in self.trig_at and "head" in self.trig_at[k][1]:
            return  # "đài Phát thanh ..." is read by the organization grammar if it can be
        while k < n and (self._cap_word(k) or (k > j and tok[k][0].isalnum() and tok[k].isdigit()) or (
                k > j and low[k] in self.rules.media_particles and self._cap_word(k + 1))):
            if k > j and k in self.reg_at:
                break
            k += 1
        if k == j or (k == j + 1 and _viet(tok[j]) and self._word2(j)) or tok[j] in self.rules.not_names:
            return  # "đài Phát thanh": a word, not a name
        self._add("org", j, k, name=self.text[ts[j]:te[k - 1]])
        self._use(j, k)


    # -- registry forms in context ---------------------------------------------------------------------------
    def _registry_item(self, s: int, e: int, idx: int) -> None:
        text = self.text
        if (s and text[s - 1] in _JOIN) or (e < len(text) and text[e] in _JOIN):
            return  # inside a hyphenated word: compounds are read by _compounds
        weak, surface = False, text[s:e]
        kind = self.types[idx]
        if kind == "group":
            after = _toks(text[e:e + 40].lstrip(' "“”\'‘’'))
            if not _at(self.rules.group_verbs, after, 0):
                return  # "hai bên đường": not the two parties of a talk
        elif s not in self.admitted:
            reg = self.reg
            if " " in surface:
                if kind in _PLACES:
                    prev = _neighbours(text, s, e)[0]
                    verdict = reg._verdicts.get((surface, prev, None, False))
                    if verdict is None:
                        verdict = reg.verdict(surface, prev)
                    if not verdict:
                        return  # "ĐB Lưu Bình Nhưỡng": the end of a personal name
            else:
                prev, nxt = _neighbours(text, s, e)
                if prev.lower() in self.rules.honorifics:
                    prev = self._kin_word(text, s, prev)
                initial = prev == "." and s >= 2 and text[s - 1] == "." and text[s - 2].isupper()  # "M.Anh"
                verdict = reg._verdicts.get((surface, prev, nxt, initial))  # (the cache of reg.verdict, read inline)
                if verdict is None:
                    verdict = reg.verdict(surface, prev, nxt, initial)
                if not verdict:
                    return
                weak = verdict == _WEAK
        self.items.append(_Item("reg", self.sid, self.base + s, self.base + e, idx, None if " " in surface else surface,
                                None, None, None, None, None, weak))

    def _kin_word(self, text: str, s: int, prev: str) -> str:
        """``prev`` (an honorific that ends at ``s``, spaces aside), or the word it ends ("trẻ em" in "trẻ em Mỹ")."""
        before = text[:s].rstrip()
        before = before[:len(before) - len(prev)].rstrip()
        word = before[before.rfind(" ") + 1:]
        low = word.lower()
        if low and f"{low} {prev.lower()}" in self.rules.kin_compounds:
            return f"{word} {prev}"
        return prev

    def _compounds(self) -> None:
        """'Triều-Mỹ', 'Nga - Mỹ', 'Việt-Trung': each side of the hyphen names its country."""
        text, reg = self.text, self.reg
        forms, lasts, firsts = _compound_forms(reg)
        seen = None
        for m in _DASH.finditer(text):
            # (cheap test first: the word before the dash must end a form, the word after it start one)
            j, pos = m.start(), m.start()
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            if text[j:pos] not in lasts:
                continue
            k, pos = m.end(), m.end()
            while k < len(text) and text[k].isalpha():
                k += 1
            if text[pos:k] not in firsts:
                continue
            if seen is None:
                seen = {(it.s, it.e) for it in self.items}
            left = _side(text, m.start(), forms, -1)
            right = _side(text, m.end(), forms, 1) if left else None
            if not right:
                continue
            if " ".join(_norm(text[left[0]:right[1]]).split()) in reg._compound_whole:
                continue  # "Châu Á - Thái Bình Dương": one region the registry knows by the whole
            for s, e in (left, right):
                if (self.base + s, self.base + e) in seen:
                    continue
                seen.add((self.base + s, self.base + e))
                form = text[s:e]
                iso = reg.rules.compound.get(form)
                idx = reg.by_country.get(iso) if iso else reg.country_aliases.get(_norm(form))
                if idx is None:
                    idx = reg._compound_places.get(_norm(form))  # "Đài Bắc-Bắc Kinh": two cities
                if idx is not None:
                    self.items.append(_Item("reg", self.sid, self.base + s, self.base + e, idx=idx))

    def _drop_credits(self) -> None:
        spans = [(self.base + m.start(), self.base + m.end()) for m in self.rules.credit.finditer(self.text)
                 if m.end() > m.start()]
        if spans:
            self.items = [it for it in self.items if not any(a <= it.s < b for a, b in spans)]


_DASH = re.compile(r" ?[-–] ?")


def _compound_forms(reg: Registry) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The country forms (and places of two words or more) that may stand on either side of a dash, their last words
    and their first words."""
    forms = getattr(reg, "_compound_forms", None)
    if forms is None:
        names = set(reg.rules.compound)
        names.update(a for r in reg.rows if r["actor_type"] == "country" for a in r["aliases"].split("|")
                     if a and a[0].isupper() and "(" not in a and "-" not in a)
        # (places of two words or more too: "Đài Bắc-Bắc Kinh"; one word may be part of a hyphenated name)
        reg._compound_places = {_norm(a): i for i, r in enumerate(reg.rows) if r["actor_type"] == "location"
                                for a in r["aliases"].split("|")
                                if " " in a and a[0].isupper() and "(" not in a and "-" not in a}
        reg._compound_whole = {" ".join(_norm(a).split()) for r in reg.rows for a in r["aliases"].split("|")
                               if "-" in a or "–" in a}
        names.update(a for r in reg.rows if r["actor_type"] == "location" for a in r["aliases"].split("|")
                     if " " in a and a[0].isupper() and "(" not in a and "-" not in a)
        forms = reg._compound_forms = (frozenset(names), frozenset(f.split(" ")[-1] for f in names),
                                       frozenset(f.split(" ")[0] for f in names))
    return forms


def _side(text: str, pos: int, forms: frozenset[str], step: int) -> tuple[int, int] | None:
    """The longest country form (up to 4 words) ending at ``pos`` (step -1) or starting there (step 1)."""
    words, i = [], pos
    for _ in range(4):
        if step < 0:
            j = i
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            if j == i:
                break
            words.append((j, i))
            i = j - 1
            if i < 0 or text[i] != " ":
                break
        else:
            j = i
            while j < len(text) and text[j].isalpha():
                j += 1
            if j == i:
                break
            words.append((i, j))
            i = j + 1
            if j >= len(text) or text[j] != " ":
                break
    best = None
    for n in range(1, len(words) + 1):
        span = (words[n - 1][0], words[0][1]) if step < 0 else (words[0][0], words[n - 1][1])
        if text[span[0]:span[1]] in forms:
            best = span
    if best is None:
        return None
    edge = best[0] - 1 if step < 0 else best[1]
    if 0 <= edge < len(text) and text[edge].isalnum():
        return None
    return best
