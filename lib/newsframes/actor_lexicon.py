"""The language knowledge of the actors stage: text helpers, and the rules of ``titles.yaml``, ``actor_rules.yaml``
and ``words2.txt`` (under ``data/<language>/``) loaded once and compiled for the sentence grammar."""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from itertools import accumulate, compress, repeat
from operator import add, not_
from typing import NamedTuple

from .resources import check_language, load_yaml

# ---------------------------------------------------------------------------------------------------- text
# Punctuation, symbols and unusual spaces become plain spaces, one for one, so offsets survive and every
# registry form can be looked up as " form " (whole syllables only).
_BLANK_RE = re.compile(r"[^\w ]|_")
# (a hyphen joins the parts of a word, not a word and an honorific: "Omaha-ông Warren Buffett")
_WORD = re.compile(r"[^\W_]+(?:[-‐'’&](?!(?:ông|bà)(?![^\W_]))[^\W_]+)*|\S")


_UPPER = "".join(c for r in (range(0x41, 0x250), range(0x1E00, 0x1F00)) for c in map(chr, r) if c.isupper())


def _blank(text: str) -> str:
    return _BLANK_RE.sub(" ", text)


def _lower(text: str) -> str:
    """``text`` in lower case, one character for one (offsets survive)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[0] for c in text)


def _norm(text: str) -> str:
    low = _blank(text).lower()
    if len(low) != len(text):  # "İ" lower-cases to two characters; keep offsets aligned
        low = "".join(c.lower()[0] for c in _blank(text))
    return low


def _tokenize(text: str, offset: int = 0) -> tuple[list[str], list[int], list[int]]:
    """Words (hyphenated names kept whole) and punctuation marks: their texts, start and end offsets (plus
    ``offset``: where ``text`` starts in the sentence, at the start of a word or of a piece between spaces).

    The same tokens as ``_WORD`` finds, built cheaply: the text split at spaces (most pieces are one plain word
    each, and their offsets are a running sum in C), and only the pieces with punctuation split further, each once
    per process (they recur: "Mỹ,", "(Nga", "Jong-un").
    """
    tok = text.split(" ")
    ts = list(accumulate(map(add, map(len, tok), repeat(1)), initial=offset))
    ts.pop()
    flags = list(map(str.isalnum, tok))
    if False in flags:
        for i in list(compress(range(len(flags)), map(not_, flags)))[::-1]:  # (from the end: splices keep indices)
            piece = tok[i]
            sub = _PIECES.get(piece)
            if sub is None:
                if len(_PIECES) > 100_000:
                    _PIECES.clear()
                sub = _PIECES[piece] = _split_piece(piece)
            tok[i:i + 1] = sub[0]
            ts[i:i + 1] = map(ts[i].__add__, sub[1])
    return tok, ts, list(map(add, ts, map(len, tok)))


_PIECES: dict[str, tuple[list[str], tuple[int, ...]]] = {}  # a piece of text between spaces -> its tokens


def _split_piece(piece: str) -> tuple[list[str], tuple[int, ...]]:
    """The tokens of a piece of text without spaces and their offsets in it. The tokens are found in C (findall);
    when they add up to the whole piece (no other white space inside) each starts where the one before ends."""
    words = _WORD.findall(piece)
    lens = list(map(len, words))
    if sum(lens) == len(piece):
        return words, tuple(accumulate(lens[:-1], initial=0)) if words else ()
    found = list(_WORD.finditer(piece))
    return [m.group() for m in found], tuple(m.start() for m in found)


_VIET = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{1,3}"
    r"(?:ng|nh|ch|[cmnpt])?")


def _viet(word: str) -> bool:
    """Whether ``word`` has the shape of one Vietnamese syllable ("Giao", "Nghiệp"; not "Putin", "John").

    Words recur: the answers are kept (a dict read first, cheaper than the regular expression)."""
    got = _VIET_SEEN.get(word)
    if got is None:
        if len(_VIET_SEEN) > 100_000:
            _VIET_SEEN.clear()
        got = _VIET_SEEN[word] = _VIET.fullmatch(word.lower()) is not None
    return got


_VIET_SEEN: dict[str, bool] = {}


def _is_word(t: str) -> bool:
    return t[0].isalnum()


def _is_cap(t: str) -> bool:
    return t[0].isupper()


def _is_acronym(t: str) -> bool:
    return len(t) > 1 and t.isupper()


@functools.lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """ASCII slug of a name: ``"Trung tâm an ninh"`` -> ``"trung-tam-an-ninh"``.

    Each character is decomposed (NFD), stripped of its combining marks and lower-cased once per process (a table
    ``str.translate`` reads): the same as doing so to the whole name, since decomposition works character by
    character and only reorders the marks it strips, at a fraction of the cost.
    """
    return _SLUG_RE.sub("-", text.translate(_SLUG_CHARS)).strip("-")


class _SlugChars(dict):
    """Code point -> its slug form before the final clean-up (``đ`` -> ``d``, ``Ấ`` -> ``a``), filled on demand."""

    def __missing__(self, code: int) -> str:
        text = unicodedata.normalize("NFD", chr(code).replace("đ", "d").replace("Đ", "D"))
        got = self[code] = _combining().sub("", text).lower()
        return got


_SLUG_CHARS = _SlugChars()
_SLUG_RE = re.compile(r"[^a-z0-9]+")


@functools.cache
def _combining() -> re.Pattern:
    """Every combining character (the accents NFD splits off), as one character class (none lies beyond the
    first two planes)."""
    marks = "".join(c for c in map(chr, range(0x20000)) if unicodedata.combining(c))
    return re.compile(f"[{re.escape(marks)}]")


def _toks(text: str) -> tuple[str, ...]:
    return tuple(m.group(0) for m in _WORD.finditer(text.lower()))


def _lexicon(phrases) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases keyed by their first lower-case token, longest first, for matching at a token position."""
    out: dict[str, list] = {}
    for p in phrases:
        t = _toks(p)
        if t:
            out.setdefault(t[0], []).append(t)
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in out.items()}


def _at(lex: dict, low: Sequence[str], k: int) -> int:
    """Length (in tokens) of the longest phrase of ``lex`` at token ``k``, or 0."""
    if k < len(low):
        for cand in lex.get(low[k], ()):
            if tuple(low[k:k + len(cand)]) == cand:
                return len(cand)
    return 0


@functools.lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> tuple[str, ...]:
    """A name as its lower-case words, hyphens and full stops ignored (names recur: cached)."""
    return tuple(_NAME_SEP.sub(" ", name.lower()).split())


_NAME_SEP = re.compile(r"[-‐'’.]")


# ---------------------------------------------------------------------------------------------------- rules
class _Rules(NamedTuple):
    title_class: dict[str, str]       # lower title (tokens joined by spaces) -> group
    title_forms: dict[str, str]       # lower title as written -> group
    media_heads: tuple[str, ...]
    descriptions: dict[str, str]      # lower head -> group
    desc_bare: frozenset[str]
    desc_mods: dict
    prefixes: dict
    suffixes: dict
    portfolios: dict
    affiliations: dict
    links: dict
    desc_links: dict                  # "thuộc": joins a lower-case descriptor after a title to its body
    affiliation_only: frozenset[str]  # "người đứng đầu": a title that takes no name right after it
    never_bare: frozenset[str]  # "thanh tra": a title that is also an activity: no description without a name
    honorifics: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]
    name_stops: frozenset[str]
    org_heads: tuple[str, ...]
    org_descriptive: frozenset[str]
    org_kind_heads: frozenset[str]           # lower heads that only say what kind of body the name after them is
    org_legal_forms: frozenset[str]          # "TNHH", "CP": a company's legal form, no name
    org_appositives: tuple[str, ...]         # "công ty" after ", (một)": a foreign name before it is an organization
    org_stops: frozenset[str]
    org_verbs: frozenset[str]
    org_verbs1: frozenset[str]               # "ký", "nói": one-syllable verbs that end a lower-case stretch
    org_verb_phrases: frozenset[str]         # "yêu cầu", "đánh giá": a lower-case stretch of a name stops there
    generic_titles: frozenset[str]
    plural: frozenset[str]
    equivalents: dict[str, str]
    neutral: frozenset[str]
    strong_prev: frozenset[str]
    weak: frozenset[str]
    blocked_next: dict[str, frozenset[str]]
    blocked_prev: frozenset[str]
    kin_compounds: frozenset[str]            # "trẻ em": a word ending in an honorific, not one
    blocked_phrases: frozenset[str]
    compound: dict[str, str]
    group_verbs: dict
    credit: re.Pattern
    credit_hints: tuple[str, ...]            # words that betray a credit, anywhere in a sentence
    credit_bracketed: frozenset[str]         # ... only after "(" and spaces (with the credited agencies)
    media_particles: frozenset[str]
    media_given_names: frozenset[str]
    family_names: frozenset[str]
    desc_bare_forms: tuple[str, ...]         # "ông", "Ông" ...: bare descriptions before "này"
    comma_words: frozenset[str]              # words before a comma inside a phrase of the lexicons ("Kinh tế, ...")


@functools.cache
def _rules(language: str) -> _Rules:
    t = load_yaml(check_language(language), "titles.yaml")
    r = load_yaml(language, "actor_rules.yaml")
    title_class = {" ".join(_toks(w)): group for group, words in t["titles"].items() for w in words}
    equivalents = {" ".join(_toks(k)): " ".join(_toks(v)) for k, v in (t.get("title_equivalents") or {}).items()}
    return _Rules(
        title_class=title_class,
        title_forms={w.lower(): group for group, words in t["titles"].items() for w in words},
        media_heads=tuple(t["media_heads"]),
        descriptions={" ".join(_toks(k)): v for k, v in t["descriptions"].items()},
        desc_bare=frozenset(t["description_bare"]),
        desc_mods=_lexicon(t["description_modifiers"]),
        prefixes=_lexicon(t["title_prefixes"]),
        suffixes=_lexicon(t["title_suffixes"]),
        portfolios=_lexicon(t["portfolios"]),
        affiliations=_lexicon(t["affiliation_words"]),
        links=_lexicon(t["affiliation_links"]),
        desc_links=_lexicon(t.get("descriptor_links", ())),
        affiliation_only=frozenset(" ".join(_toks(w)) for w in t.get("titles_affiliation_only", ())),
        never_bare=frozenset(" ".join(_toks(w)) for w in t.get("titles_never_bare", ())),
        honorifics=frozenset(t["honorifics"]),
        particles=frozenset(t["name_particles"]),
        not_names=frozenset(t["not_names"]),
        name_stops=frozenset(t["name_stops"]),
        org_heads=tuple(t["org_heads"]),
        org_descriptive=frozenset(" ".join(_toks(w)) for w in t["org_heads_descriptive"]),
        org_kind_heads=frozenset(" ".join(_toks(w.lower())) for w in t.get("org_kind_heads", ())),
        org_legal_forms=frozenset(t.get("org_legal_forms", ())),
        org_appositives=tuple(sorted(t.get("org_appositives", ()), key=len, reverse=True)),
        org_stops=frozenset(t["org_stops"]),
        org_verbs=frozenset(t["org_verbs"]),
        org_verbs1=frozenset(t.get("org_verbs_single", ())),
        org_verb_phrases=frozenset(" ".join(_toks(w)) for w in t.get("org_verb_phrases", ())),
        generic_titles=frozenset(" ".join(_toks(w)) for w in t["generic_titles"]),
        plural=frozenset(t["plural_markers"]),
        equivalents=equivalents,
        neutral=frozenset(r["neutral_neighbours"]),
        strong_prev=frozenset(r["strong_prev"]),
        weak=frozenset(r["weak_at_clause_start"]),
        blocked_next={k: frozenset(x.lower() for x in v) for k, v in r["blocked_next"].items()},
        blocked_prev=frozenset(x.lower() for x in r["blocked_prev"]),
        kin_compounds=frozenset(x.lower() for x in r.get("kin_compounds", ())),
        blocked_phrases=frozenset(r["blocked_phrases"]),
        compound={k: v for k, v in r["compound_forms"].items() if v},
        group_verbs=_lexicon(r["group_verbs"]),
        credit=re.compile("|".join(f"(?:{p})" for p in r["credit_patterns"])),
        credit_hints=tuple(r["credit_hints"]),
        credit_bracketed=frozenset(r["credit_hints_bracketed"]) | frozenset(r["credit_agencies"]),
        media_particles=frozenset(t["media_particles"]),
        media_given_names=frozenset(t.get("media_given_names", ())),
        family_names=frozenset(t.get("family_names", ())),
        comma_words=frozenset(p[i - 1] for lex in (t["portfolios"], t["title_suffixes"], t["title_prefixes"],
                                                    t["affiliation_words"], t["affiliation_links"],
                                                    t["description_modifiers"], r["group_verbs"])
                              for p in map(_toks, lex) for i in range(1, len(p)) if p[i] == ","),
        desc_bare_forms=tuple(w for b in t["description_bare"] for w in dict.fromkeys((b, b[0].upper() + b[1:]))),
    )


@functools.cache
def _words2(language: str) -> frozenset[str]:
    """Two-syllable words of the language (``data/<language>/words2.txt``), lower case."""
    from importlib import resources

    path = resources.files("newsframes.data") / check_language(language) / "words2.txt"
    with path.open(encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))
