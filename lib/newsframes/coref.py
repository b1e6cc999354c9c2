"""Article-level resolution: the sentence grammar's findings joined to actors (a full name and its short forms, a
title without a name and the person it fits, descriptions ending in *này*, an organization and its acronym),
then surnames and acronyms found again wherever the article repeats them."""
from __future__ import annotations

import functools
import re
from operator import attrgetter

from .actor_grammar import _Item
from .actor_lexicon import _name_key, _Rules, _viet, slug
from .actor_scan import _Joined
from .registry import Actor, Mention, Registry


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """Whether the words ``short`` stand in ``long``, in a row."""
    n, m = len(short), len(long)
    if n == 1:
        return short[0] in long
    if n >= m:
        return long == short
    return any(long[i:i + n] == short for i in range(m - n + 1))


class _Entity:
    __slots__ = ("actor", "keys", "words", "bases", "groups", "roles", "country", "posting", "orgs", "spots")

    def __init__(self, actor: Actor, keys, words: frozenset[str]):
        self.actor, self.keys = actor, list(keys)
        self.words = words  # every word of the keys: a quick test before the names are compared
        self.bases: set[str] = set()
        self.groups: set[str] = set()
        self.orgs: set[str] = set()
        self.roles: list[str] = []
        self.spots: list[int] = []  # where the article mentions it
        self.country, self.posting = actor.country, None

    def learn(self, item: _Item) -> None:
        self.spots.append(item.s)
        if item.base:
            self.bases.add(item.base)
        if item.group:
            self.groups.add(item.group)
        if item.org:
            self.orgs.add(item.org)
        if item.role and item.role not in self.roles:
            self.roles.append(item.role)
        self.country = self.country or item.country
        self.posting = self.posting or item.posting


def _nearest(ents: list[_Entity], pos: int, forward: bool) -> _Entity | None:
    """The entity mentioned last before ``pos``, else (if ``forward``) first after it."""
    best, best_pos = None, -1
    for ent in ents:
        before = [p for p in ent.spots if p < pos]
        if before and max(before) > best_pos:
            best, best_pos = ent, max(before)
    if best is None and forward:
        after = [(min(p for p in e.spots if p > pos), i) for i, e in enumerate(ents) if any(p > pos for p in e.spots)]
        if after:
            best = ents[min(after)[1]]
    return best


def _fits(desc: _Item, ent: _Entity, rules: _Rules) -> bool:
    """Whether a title without a name ('Đại sứ Nga tại Bình Nhưỡng') can be this person."""
    if ent.actor.actor_type != "person":
        return False
    if desc.country and ent.country != desc.country:
        return False
    if desc.posting and ent.posting and desc.posting != ent.posting:
        return False
    if desc.org and desc.org not in ent.orgs and not (desc.country and not ent.orgs):
        return False
    if desc.base in ent.bases:
        return True
    role = (ent.actor.role or "").lower()
    if desc.base and desc.country and rules.equivalents.get(role, role) == desc.base:
        return True
    generic = desc.base in rules.generic_titles
    return generic and bool(desc.country or desc.org) and (desc.group in ent.groups or not ent.groups)


_S = attrgetter("s")


def _by_length(pair: tuple) -> tuple[int, int]:
    return -len(pair[0]), pair[1].s


def _in_text_order(it: _Item) -> tuple[int, int]:
    return it.s, -it.e


def _resolve(items: list[_Item], reg: Registry, texts: dict[int, tuple[int, str]]) -> list[Mention]:
    """The article's mentions from what the sentence grammar found (``items``, offsets into the article)."""
    rules, actors, types, as_found = reg.rules, reg.actors, reg.types, reg.as_found
    persons: dict[str, _Entity] = {}
    regs, named, descs, bodies = [], [], [], []
    # 1. registry people, then names found by pattern (longest first, so a later full name catches "Matsegora")
    for it in items:
        kind = it.kind
        if kind == "reg":
            regs.append(it)
            if types[it.idx] == "person":
                a = actors[it.idx]
                ent = persons.get(a.actor_id)
                if ent is None:
                    ent = persons[a.actor_id] = _Entity(a, *reg.name_keys(it.idx))
                ent.learn(it)
                it.link = (ent, "registry")
        elif kind == "person":
            named.append(it)
        elif kind == "org":
            bodies.append(it)
        else:
            descs.append(it)
    if named:
        registered = list(persons.values())
        for key, it in sorted(((_name_key(it.name), it) for it in named), key=_by_length):
            ents = [e for e in persons.values() if (not key or key[0] in e.words) and any(_contains(k, key) for k in e.keys)]
            if not ents and len(key) > 1:  # "Vladmir Putin" next to the registry's "Vladimir Putin"
                ents = [e for e in registered if any(
                    len(k) == len(key) and k[-1] == key[-1] and _similar(" ".join(k), " ".join(key)) for k in e.keys)]
            elif not ents and len(key[0]) >= 5:  # "Chanthouk" in a caption, "Ong Chanthuok" in the story
                ents = [e for e in persons.values() if e.actor.actor_id.startswith("person:") and any(
                    len(k) > 1 and _similar(k[-1], key[0]) for k in e.keys)]
            ent = _nearest(ents, it.s, True) if ents else None
            if ent is not None:
                exact = key in ent.keys
                it.link = (ent, "pattern" if exact and ent.actor.actor_id.startswith("person:") else "coreference")
            elif it.weak:
                continue  # "Bộ trưởng Giao thông ...": no one of that name in the article
            else:
                actor = Actor(f"person:{slug(it.name)}", it.name, "person", it.country, it.role)
                ent = persons.get(actor.actor_id) or persons.setdefault(actor.actor_id,
                                                                        _Entity(actor, [key], frozenset(key)))
                it.link = (ent, "pattern")
            ent.learn(it)
    if descs and persons:
        people = list(persons.values())
        # 2. a title with no name right next to a named person ("Thứ trưởng X, bà Y") is that person
        ordered = sorted(items, key=_S)
        for a, b in zip(ordered, ordered[1:], strict=False):
            for desc, other, gap in ((a, b, b.anchor - a.e), (b, a, b.s - a.e)):
                if desc.kind == "desc" and other.link is not None and other.kind in ("reg", "person") \
                        and other.link[0].actor.actor_type == "person" and 0 <= gap <= 3:
                    desc.link = (other.link[0], "coreference")
                    other.link[0].learn(desc)
        # 3. titles without a name ("Đại sứ Nga tại Bình Nhưỡng") join the person they fit, anywhere in the article
        for it in descs:
            if it.kind == "desc" and it.link is None:
                ent = _nearest([e for e in people if _fits(it, e, rules)], it.s, bool(it.country or it.posting))
                if ent is not None:
                    it.link = (ent, "coreference")
                    ent.learn(it)
        # 4. descriptions ending in "này" join the last person before them that fits
        for it in descs:
            if it.kind == "ana":
                ent = _nearest([e for e in people if it.group in ("any", None) or it.group in e.groups], it.s, False)
                if ent is not None:
                    it.link = (ent, "coreference")
    # 5. organizations by pattern: a shorter form joins a longer one that starts with it
    if bodies:
        orgs: list[tuple[tuple[str, ...], _Entity]] = []
        for key, it in sorted(((_name_key(it.name), it) for it in bodies), key=_by_length):
            found = next((e for k, e in orgs if k[:len(key)] == key), None)
            if found is None:
                found = _Entity(Actor(f"org:{slug(it.name)}", it.name, "organization", it.country, None), [key],
                                frozenset(key))
                orgs.append((key, found))
                it.link = (found, "pattern")
            else:
                it.link = (found, "pattern" if key == _name_key(found.actor.actor_name) else "coreference")
    # 6. everything else from the registry; ambiguous forms only if the actor is named plainly elsewhere, and
    # never a one-word form the article uses as somebody's name ("anh Đức ... chia tay Đức")
    names = {it.name for it in named if " " not in it.name}
    plain = {it.idx for it in regs if not it.weak and it.name not in names}
    out: dict[tuple[int, int], tuple] = {}
    for it in sorted(items, key=_in_text_order):
        span = (it.s, it.e)
        if span in out:
            continue
        if it.link is not None:
            ent, method = it.link
            a = ent.actor
            if a.actor_type == "person":
                role = it.role or (ent.roles[0] if ent.roles else None)
                country = (it.country if it.kind == "person" else None) or ent.country
            else:
                role, country = None, ent.country
            out[span] = (it.sid, (a.actor_id, a.actor_name, a.actor_type, country or a.country, role, method))
        elif it.kind == "reg" and (not it.weak or it.idx in plain) and (it.name is None or it.name not in names):
            out[span] = (it.sid, as_found[it.idx])
    mentions = []
    new = tuple.__new__  # (a Mention without its Python-level constructor: the fields are all here, in order)
    for (s, e), (sid, rest) in sorted(out.items()):
        start, text = texts[sid]
        mentions.append(new(Mention, (sid, s, e, text[s - start:e - start]) + rest))
    return mentions


@functools.lru_cache(maxsize=1 << 14)
def _similar(a: str, b: str) -> bool:
    """Whether two spellings are close (difflib's ratio at least 0.85). Its cheap upper bounds are tried first, as
    difflib advises, and the same pairs recur: cached."""
    la, lb = len(a), len(b)
    if 2.0 * min(la, lb) / (la + lb) < 0.85:  # (real_quick_ratio, without building a matcher)
        return False
    from difflib import SequenceMatcher

    sm = SequenceMatcher(None, a, b)
    return sm.quick_ratio() >= 0.85 and sm.ratio() >= 0.85


_NER_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}


def _ner_mentions(mentions: list[Mention], texts: dict[int, tuple[int, str]], reg: Registry) -> list[Mention]:
    """Entities underthesea.ner finds where the rules found nothing (a fallback, ``method = "ner"``)."""
    from underthesea import ner as underthesea_ner

    rules = reg.rules
    taken = [(m.start, m.end) for m in mentions]
    extra = []
    for sid, (start, text) in texts.items():
        spans, pos, label = [], 0, None
        for word, _, _, tag in underthesea_ner(text):
            at = text.find(word, pos)
            if at < 0:
                continue
            pos = at + len(word)
            if tag.startswith("I-") and label == tag[2:]:
                spans[-1][1] = pos
            elif tag[:2] in ("B-", "I-"):
                label = tag[2:]
                spans.append([at, pos, label])
            else:
                label = None
        for a, b, label in spans:
            surface = text[a:b]
            words = surface.split()
            if label not in _NER_TYPES or not surface[:1].isupper() or len(surface) < 3 or reg.find(surface) \
                    or words[0] in rules.not_names or any(w in rules.name_stops for w in words) \
                    or any(s < start + b and start + a < e for s, e in taken):
                continue  # countries tagged as people, dates, words already read by the rules
            kind = _NER_TYPES[label]
            extra.append(Mention(sid, start + a, start + b, surface, f"{kind}:{slug(surface)}", surface, kind, None,
                                 None, "ner"))
    return sorted(mentions + extra, key=lambda m: (m.start, m.end)) if extra else mentions


_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-ZĐ][A-Za-zĐđ&]*[A-ZĐ][A-Za-zĐđ&]*)\s*\)")


def _acronym_mentions(mentions: list[Mention], doc: _Joined, texts: dict[int, tuple[int, str]]) -> list[Mention]:
    """'Phong trào Dân chủ (MoDem) ... thành viên MoDem': an organization's acronym given in brackets is it."""
    acronyms: dict[str, Mention] = {}
    for m in mentions:
        if m.actor_type == "organization":
            start, text = texts[m.sentence_id]
            hit = _ACRONYM_AFTER.match(text, m.end - start)
            if hit and hit.group(1) != m.surface:
                acronyms.setdefault(hit.group(1), m)
    if not acronyms:
        return mentions
    out = []
    for m in mentions:  # "đảng MoDem": a body named by the acronym joins it
        last = m.surface.split()[-1]
        if m.actor_type == "organization" and m.method == "pattern" and last in acronyms and len(m.surface.split()) <= 2 \
                and acronyms[last].actor_id != m.actor_id:
            a = acronyms[last]
            m = m._replace(actor_id=a.actor_id, actor_name=a.actor_name, country=a.country, method="coreference")
        out.append(m)
    taken = [(m.start, m.end) for m in out]
    extra = []
    for sid, a, b, _, _, word in doc.find_words(acronyms, "_-", "_-"):
        if not any(s < b and a < e for s, e in taken):
            org = acronyms[word]
            extra.append(org._replace(sentence_id=sid, start=a, end=b, surface=word, method="coreference"))
    return sorted(out + extra, key=lambda m: (m.start, m.end)) if extra else out


def _surname_mentions(mentions: list[Mention], doc: _Joined, reg: Registry) -> list[Mention]:
    """'Brad Parscale ... Parscale nói': the surname of a foreign name found in full is that person anywhere."""
    people: dict[str, Mention] = {}
    for m in mentions:
        if m.actor_id.startswith("person:") and " " in m.actor_name:
            last = m.actor_name.split()[-1]
            if len(last) >= 4 and last[0].isupper() and not _viet(last) and reg.find(last) is None:
                people[last] = m
    if not people:
        return mentions
    taken = sorted((m.start, m.end) for m in mentions)
    roles = {}
    for m in mentions:
        if m.role and m.actor_id not in roles:
            roles[m.actor_id] = m.role
    extra = []
    for sid, a, b, text, local, word in doc.find_words(people, "_-‐'’.", "_-‐'’"):
        if any(s < b and a < e for s, e in taken):
            continue
        before = text[:local].rstrip().split(" ")[-1:]
        if before and before[0][:1].isupper() and before[0][:1].isalpha() and before[0] not in reg.rules.neutral:
            continue  # "Taylor Kahle" is found in full; "Alice Kahle" would be someone else
        m = people[word]
        extra.append(m._replace(sentence_id=sid, start=a, end=b, surface=word, method="coreference",
                                role=roles.get(m.actor_id)))
    return sorted(mentions + extra, key=lambda m: (m.start, m.end)) if extra else mentions
