"""The actor registry: its rows (``data/<language>/actors.csv`` plus the user's), the automaton that finds their
surface forms, and how a one-word form is judged in its context."""
from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import Any, NamedTuple

from .actor_lexicon import _is_acronym, _is_cap, _lower, _name_key, _norm, _Rules, _rules, _viet, _words2
from .resources import check_language, load_csv

COLUMNS = ("actor_id", "actor_name", "actor_type", "country", "aliases", "role", "note")
REQUIRED_COLUMNS = ("actor_id", "actor_name", "actor_type", "aliases")
ACTOR_TYPES = ("person", "country", "organization", "location", "group")


class Mention(NamedTuple):
    sentence_id: int
    start: int
    end: int
    surface: str
    actor_id: str
    actor_name: str
    actor_type: str
    country: str | None
    role: str | None
    method: str


class Actor(NamedTuple):
    actor_id: str
    actor_name: str
    actor_type: str
    country: str | None
    role: str | None


# ---------------------------------------------------------------------------------------------------- registry
class Registry:
    """The actor registry of one language: its actors and the automaton that finds their surface forms.

    Build it with :func:`load_registry`. ``len(registry)`` is the number of actors; :meth:`frame` gives the rows.
    """

    def __init__(self, rows: Sequence[dict[str, str]], language: str):
        import ahocorasick

        self.language = language
        self.rules = _rules(language)
        self.rows = tuple(rows)
        self.actors = tuple(
            Actor(r["actor_id"], r["actor_name"], r["actor_type"], r.get("country") or None, r.get("role") or None)
            for r in self.rows
        )
        self.types = tuple(a.actor_type for a in self.actors)  # (read per hit: one index instead of two)
        # the last fields of a Mention of each actor found in the registry, made once
        self.as_found = tuple((a.actor_id, a.actor_name, a.actor_type, a.country, None, "registry") for a in self.actors)
        self.by_country = {a.country: i for i, a in enumerate(self.actors) if a.actor_type == "country"}
        # One automaton over the lower-cased article finds every registry form, title, description, organization
        # head, honorific, outlet word and photo-credit hint; :func:`_scan` then checks what each key needs (word
        # boundaries, the case as written, the context). One-word forms, heads, honorifics and outlet words keep
        # their case as written ("Anh" the country, not "anh" the pronoun); longer forms, titles and descriptions
        # match in any case.
        one: dict[str, int] = {}
        multi: dict[str, list] = {}
        for i, row in enumerate(self.rows):
            for alias in dict.fromkeys(a.strip() for a in (row.get("aliases") or "").split("|")):
                if not alias:
                    continue
                if " " not in alias:
                    one[alias] = i  # later rows win
                else:
                    multi.setdefault(" ".join(alias.lower().split()), []).append((i, alias))
        self._one = one
        self._multi = {k: (pairs[-1][0], tuple(a for _, a in pairs)) for k, pairs in multi.items()}
        rules = self.rules
        # Each key (lower case) carries the entries that match in any case ("loose": forms of several words,
        # titles, descriptions) and those that must be written as listed ("exact", by form: one-word forms, heads,
        # honorifics, outlet words), so that "bộ" in "cán bộ" costs one look-up.
        loose: dict[str, list] = {}
        exact: dict[str, dict[str, list]] = {}
        for alias, i in one.items():
            exact.setdefault(_lower(alias), {}).setdefault(alias, []).append(("reg1", i))
        for w in rules.org_heads:
            exact.setdefault(_lower(w), {}).setdefault(w, []).append(("head", w))
        for kind, words in (("hon", rules.honorifics), ("media", rules.media_heads)):
            for w in sorted(set(words)):
                exact.setdefault(_lower(w), {}).setdefault(w, []).append((kind, w))
        for key, (i, forms) in self._multi.items():
            loose.setdefault(key, []).append(("reg", i, forms))
        for w, group in rules.title_forms.items():
            loose.setdefault(w, []).append(("title", group))
        for w, group in rules.descriptions.items():
            if w not in rules.desc_bare:
                loose.setdefault(w, []).append(("desc", group))
        # "Archegos, một công ty": the nouns for a kind of body that a foreign name set off before them may be, found
        # here in the same pass (as written, with their rank: the longest is tried first); none of them overlaps
        # itself, so the automaton sees each occurrence that a search from left to right would.
        for rank, w in enumerate(rules.org_appositives):
            loose.setdefault(_lower(w), []).append(("orgapp", w, rank))
        credit: dict[str, dict[str, bool]] = {}  # key -> {form as written: whether "(" must come before it}
        for form in rules.credit_bracketed:
            credit.setdefault(_lower(form), {})[form] = True
        for form in rules.credit_hints:  # (a form that counts anywhere needs no bracket: "TTXVN")
            credit.setdefault(_lower(form), {})[form] = False
        automaton = ahocorasick.Automaton()
        keys = loose.keys() | exact.keys() | credit.keys()
        # pyahocorasick looks a character up among a node's children one by one, in the order they were added, and
        # most characters of a text start no key (spaces alone are a fifth of them), so each cost a search of every
        # child of the root. So the keys go in by how common their characters are, and each common character that
        # starts no key gets a dead end first (itself and a NUL, no text's pair: its entry asks for nothing), found
        # at once. The matches are the same: the order of children changes no path. (Sorted: the same automaton
        # everywhere.)
        rank = _char_ranks(language)
        firsts = {k[0] for k in keys}
        dead = {c + "\0": (2, None, (), None) for c in rank if c not in firsts}
        for key in sorted(keys | dead.keys(), key=lambda k: [rank.get(c, 1 << 20 | ord(c)) for c in k]):
            if key in dead:
                automaton.add_word(key, dead[key])
                continue
            forms = exact.get(key)
            automaton.add_word(key, (len(key), credit.get(key), tuple(loose.get(key, ())),
                                     {f: tuple(v) for f, v in forms.items()} if forms else None))
        automaton.make_automaton()
        self.automaton = automaton
        self._verdicts: dict[tuple, int] = {}
        self._name_keys: dict[int, tuple] = {}
        self.country_aliases = {
            _norm(a): i for i, r in enumerate(self.rows) if r["actor_type"] == "country"
            for a in r["aliases"].split("|") if a
        }

    def __len__(self) -> int:
        return len(self.actors)

    def __repr__(self) -> str:
        return f"<Registry {self.language}: {len(self)} actors>"

    def frame(self):
        """The registry rows as a DataFrame with the registry columns."""
        import pandas as pd

        return pd.DataFrame([{c: r.get(c) or None for c in COLUMNS} for r in self.rows], columns=list(COLUMNS))

    def name_keys(self, idx: int) -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
        """The actor's name and aliases as lower-case words, and the set of those words (cached)."""
        got = self._name_keys.get(idx)
        if got is None:
            row = self.rows[idx]
            keys = tuple({_name_key(row["actor_name"]): None} | {_name_key(x): None for x in row["aliases"].split("|")})
            got = self._name_keys[idx] = keys, frozenset(w for k in keys for w in k)
        return got

    def verdict(self, surface: str, prev: str, nxt: str | None = None, initial: bool = False) -> int:
        """Whether a registry form standing between the words ``prev`` and ``nxt`` names its actor: 0 (no),
        1 (yes) or 2 (only if the article names the actor plainly elsewhere). Forms of several words are judged by
        the word before them alone (``nxt`` None). The same forms recur between the same words: cached."""
        key = (surface, prev, nxt, initial)
        got = self._verdicts.get(key)
        if got is None:
            if len(self._verdicts) > 200_000:
                self._verdicts.clear()
            got = self._verdicts[key] = _verdict(self.rules, self.language, surface, prev, nxt, initial)
        return got

    def find(self, surface: str) -> Actor | None:
        """The actor a surface form stands for (as written, or a form of several words in other case), or None."""
        surface = " ".join(surface.split())
        if " " not in surface:
            i = self._one.get(surface)
            return None if i is None else self.actors[i]
        hit = self._multi.get(surface.lower())
        if hit and _case_ok(surface, hit[1]):
            return self.actors[hit[0]]
        return None


@functools.cache
def _char_ranks(language: str) -> dict[str, int]:
    """Characters of running text, most common first: the space, the letters of the language's two-syllable words
    (``words2.txt``) by how often they occur there, then punctuation and digits."""
    from collections import Counter

    letters = Counter(c for w in _words2(language) for c in w if c != " ")
    order = [" "] + [c for c, _ in letters.most_common()] + list(",.\n\"-)(:;'“”/%0123456789")
    return {c: i for i, c in enumerate(dict.fromkeys(order))}


def _read_extra(extra: Any) -> list[dict[str, str]]:
    import pandas as pd

    if isinstance(extra, pd.DataFrame):
        frame, where = extra, "the extra actor table"
    else:
        path = os.fspath(extra)
        if not os.path.exists(path):
            raise ValueError(f"extra actor file {path} does not exist")
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#")
        except Exception as err:  # noqa: BLE001 - any parse failure is the user's file
            raise ValueError(f"extra actor file {path} is not a readable CSV: {err}") from None
        where = f"extra actor file {path}"
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{where} lacks the column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}")
    rows = []
    for n, rec in enumerate(frame.fillna("").astype(str).to_dict("records"), start=1):
        row = {c: str(rec.get(c, "") or "").strip() for c in COLUMNS}
        if row["actor_type"] not in ACTOR_TYPES:
            raise ValueError(
                f"{where}, row {n}: unknown actor_type {row['actor_type']!r}; use one of {', '.join(ACTOR_TYPES)}"
            )
        if not row["actor_id"] or not row["actor_name"] or not row["aliases"]:
            raise ValueError(f"{where}, row {n}: actor_id, actor_name and aliases must not be empty")
        rows.append(row)
    return rows


@functools.cache
def _builtin(language: str) -> Registry:
    return Registry(load_csv(check_language(language), "actors.csv"), language)


def load_registry(extra: Any = None, *, language: str = "vi") -> Registry:
    """The built-in actor registry, plus the rows of ``extra`` (a CSV path or a DataFrame, same columns).

    Raises:
        ValueError: unsupported language, or ``extra`` lacks a column, names an unknown actor_type or an ISO
            3166-1 alpha-3 code that does not exist.
    """
    base = _builtin(language)
    if extra is None:
        return base
    rows = _read_extra(extra)
    valid = set(base.by_country)
    for n, row in enumerate(rows, start=1):
        if row["country"] and row["country"] not in valid:
            raise ValueError(f"extra actor row {n} ({row['actor_name']}): {row['country']!r} is not an ISO 3166-1 "
                             "alpha-3 country code (e.g. RUS, USA, VNM)")
    return Registry(list(base.rows) + rows, language)


_WEAK = 2


def _verdict(rules: _Rules, language: str, w: str, prev: str, nxt: str | None, initial: bool) -> int:
    """See :meth:`Registry.verdict`."""
    if nxt is None:  # a form of several words: not the end of a personal name ("ĐB Lưu Bình Nhưỡng")
        return 0 if prev.isalpha() and _is_cap(prev) and _viet(prev) and prev not in rules.neutral \
            and prev not in rules.not_names else 1
    # a one-word form standing alone: not part of a personal or place name, not a common word
    if prev and prev.lower() in rules.blocked_prev:
        return 0
    if nxt and nxt.lower() in rules.blocked_next.get(w, ()) and prev.lower() not in rules.strong_prev:
        return 0  # "Anh kể", but "ở Anh kể từ"
    if (nxt and f"{w} {nxt}" in rules.blocked_phrases) or (prev and f"{prev} {w}" in rules.blocked_phrases):
        return 0
    if not _is_acronym(w):
        if nxt.islower() and f"{w.lower()} {nxt}" in _words2(language):
            return 0  # the first syllable of a common word: "Pháp luật", "Ý kiến", "Anh em", "Nhật ký"
        if initial:
            return 0  # an initial: "M.Anh"
        if prev and prev[0].isalnum() and _is_cap(prev) and prev not in rules.neutral and not _is_acronym(prev):
            return 0  # "Thúc Anh", "Phương Nga", "Thủ Đức", "Michael Jordan"
        if nxt and nxt[0].isalnum() and _is_cap(nxt) and nxt not in rules.neutral and not _is_acronym(nxt):
            return 0  # "Mỹ Tâm", "Lào Cai", "Anh Tuấn"
    # "Anh", "Ý", "Áo" ... vouched for by a neighbour ("nước Áo", "Pháp, Ý, Áo") or named plainly elsewhere
    weak = w in rules.weak and prev != "," and prev.lower() not in rules.strong_prev \
        and nxt not in (",", ".", ";", ")", "và", "-", "–")
    return _WEAK if weak else 1


def _case_ok(surface: str, forms: tuple[str, ...]) -> bool:
    if surface in forms:
        return True
    # A form of several words may change the case of its later words (Liên hợp quốc / Liên Hợp Quốc) but keeps
    # the case of its first letter and some capital ("biển Nhật Bản" is not the sea "Biển Nhật Bản").
    up = surface[0].isupper()
    return any(c.isupper() for c in surface) and any(
        f[0].isupper() == up and any(c.isupper() for c in f) for f in forms
    )
