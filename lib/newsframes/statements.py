"""Who said what, and when: reported speech in Vietnamese news, resolved to actors and dated.

:func:`iter_statements` runs the structural scan of :mod:`newsframes.reports` (cues, speakers, contents, quote
types) over one article's sentences, resolves each speaker to an actor of the ``mentions`` table (pronouns and
descriptions such as ``ông``, ``quan chức này`` to the last fitting person) and dates each statement (a date in
its sentence outside the content, ``Cùng ngày`` and the paragraph flow, else the article's date). The
vocabulary lives in ``data/<language>/reporting.yaml``.

:func:`find_reports` and :class:`Report` are re-exported from :mod:`newsframes.reports`.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter, sub
from typing import Any, NamedTuple

from .actor_lexicon import _is_acronym, _viet
from .reports import SKIP_KINDS, TOKEN, Report, find_reports, scan_paragraphs, vocabulary
from .resources import check_language, load_yaml

__all__ = ["Report", "SKIP_KINDS", "Statement", "find_reports", "iter_statements"]


class Statement(NamedTuple):
    """One row of the ``statements`` table (without its ids), in the order of the contract's columns."""

    sentence_id: int
    speaker_id: str | None
    speaker_name: str | None
    speaker_type: str | None
    speaker_country: str | None
    speaker_surface: str | None
    verb: str
    content: str
    content_start: int
    content_end: int
    quote_type: str  # direct | indirect | mixed
    date: dt.date | None
    precision: str | None
    date_source: str | None  # sentence | previous | published_at



# --------------------------------------------------------------------------------------------------------------
# Speakers and dates

_START, _END, _SENTENCE_ID = attrgetter("start"), attrgetter("end"), attrgetter("sentence_id")
_TYPE_RANK = {"person": 0, "organization": 1, "group": 2, "country": 3, "location": 4}
# Between the previous mention (or a comma) and a mention, one of these makes the mention a modifier of the
# speaker, not the speaker: "Cố vấn của Tổng thống Trump", "nhà sử học nghiên cứu về các đời tổng thống Mỹ".
_DEPENDENT = re.compile(r"(?<!\w)(?:của|với|cho|và|về|tại|ở|thuộc|trong|từ)(?!\w)", re.IGNORECASE)


# Before a place, one of these makes it where the speaker is, not who speaks.
_WHERE = re.compile(r"(?<!\w)(?:tại|ở)\s*$", re.IGNORECASE)

# Where an apposition after a speaker's name starts ("Des Ball - một chuyên gia", "Jon Meacham, nhà sử học").
_APPOSITION = re.compile(r",| [-–—] ")


class _Speaker(NamedTuple):
    id: str | None
    name: str | None
    type: str | None
    country: str | None


_NOBODY = _Speaker(None, None, None, None)



def _as_speaker(m) -> _Speaker:
    return _Speaker(m.actor_id, m.actor_name, m.actor_type, m.country)


class _Resolver:
    """Resolves speaker spans against the article's mentions."""

    def __init__(self, vocab: Any, text: str, mentions: Sequence[Any], language: str = "vi"):
        self.v = vocab
        self.text = text
        # By start, the longest first (two stable sorts with C keys: cheaper than a Python key per mention).
        self.mentions = sorted(mentions, key=_END, reverse=True)
        self.mentions.sort(key=_START)
        self.starts = list(map(_START, self.mentions))
        # A mention that overlaps [a, b) starts after a - longest: the search for them starts there.
        self.longest = max(map(sub, map(_END, self.mentions), self.starts), default=0)
        self._countries: dict[str, Any] | None = None
        self.contents: list[tuple[int, int]] = []  # reported contents so far: their mentions do not speak
        self.last_speaker: _Speaker | None = None  # the speaker of the last statement with one
        self.last_surface: str | None = None  # and how the text named it
        rules = _rules(language)
        self.document_nouns, self.organization_nouns, self.role_nouns = (
            rules.document_nouns, rules.organization_nouns, rules.role_nouns)
        self.rules = rules
        self._genders: dict[str, str] | None = None  # by actor: the gender an honorific gave (built when needed)
        self.unnamed = False  # the last speaker resolved was described, not named

    @property
    def countries(self) -> dict[str, Any]:
        """The first mention of each country, by ISO code (built when a place first speaks)."""
        if self._countries is None:
            self._countries = {}
            for m in self.mentions:
                if m.actor_type == "country" and m.country:
                    self._countries.setdefault(m.country, m)
        return self._countries

    def overlapping(self, a: int, b: int) -> list[Any]:
        lo = bisect.bisect_left(self.starts, a - self.longest + 1)
        hi = bisect.bisect_left(self.starts, b, lo)
        return [m for m in self.mentions[lo:hi] if m.end > a]

    def _reported(self, m) -> bool:
        return any(a <= m.start < b for a, b in self.contents)

    def gender_of(self, m) -> str | None:
        """The gender of a person mention's actor, from an honorific right before any of its mentions ("ông
        Lavrov", "bà Merkel") or a gendered pronoun that spoke for it; None if none says."""
        if self._genders is None:
            self._genders = {}
            gender, text = self.rules.gender, self.text
            for x in self.mentions:
                if x.actor_type != "person":
                    continue
                before = text[max(0, x.start - 8):x.start].split()
                # (a capitalised "Anh" is England: "Thủ tướng Anh Theresa May")
                g = gender.get(before[-1].lower()) if before and before[-1] != "Anh" else None
                if g is not None:
                    self._genders.setdefault(x.actor_id or x.actor_name, g)
        return self._genders.get(m.actor_id or m.actor_name)

    def _last_person(self, before: int, role: str | None = None, country: str | None = None,
                     gender: str | None = None) -> Any:
        hi = bisect.bisect_left(self.starts, before)
        for m in reversed(self.mentions[:hi]):
            if m.actor_type != "person" or self._reported(m):
                continue
            if gender is not None and self.gender_of(m) not in (None, gender):
                continue  # "cô nói" never speaks for the last "ông X"
            if role is not None and not (m.role and role.startswith(m.role.lower())):
                continue
            if country is not None and m.country != country:
                continue
            return m
        return None

    def _last_of_type(self, before: int, actor_type: str) -> Any:
        hi = bisect.bisect_left(self.starts, before)
        for m in reversed(self.mentions[:hi]):
            if m.actor_type == actor_type and not self._reported(m):
                return m
        return None

    def _role_and_name(self, words: list[re.Match]) -> str | None:
        """``phi công Billie Flynn (của hãng ...)``: a lower-case role noun, then a name of two to four capitalised
        words the actor pass did not take; the name, else None."""
        v = self.v
        lows = [w.group().lower() for w in words]
        k = v.person_nouns.starting_at(lows, 0) or self.role_nouns.starting_at(lows, 0)
        if not k or not words[0].group()[0].islower():
            return None
        j = k
        while j < len(words) and words[j].group()[0].isupper():
            j += 1
        if not 2 <= j - k <= 4 or (j < len(words) and lows[j] not in ("của", "thuộc", "tại", "ở")):
            return None
        return " ".join(w.group() for w in words[k:j])

    def _honorific_name(self, surface: str) -> _Speaker | None:
        """``ông Khlopkov``, ``chị Hòa``: a person the actor registry does not know keeps the name as written."""
        words = list(TOKEN.finditer(surface))
        k = self.v.person_pronouns.starting_at([w.group().lower() for w in words[:3]], 0)
        if k and 0 < len(words) - k <= 6 and all(w.group()[0].isupper() or w.group() in ".-" for w in words[k:]):
            return _Speaker(None, surface[words[k].start():], "person", None)
        return None

    def _last_org_named(self, before: int, head: str) -> Any:
        hi = bisect.bisect_left(self.starts, before)
        for m in reversed(self.mentions[:hi]):
            if m.actor_type == "organization" and not self._reported(m) and m.actor_name.lower().startswith(head + " "):
                return m
        return None

    def resolve(self, a: int, b: int) -> _Speaker:
        v = self.v
        surface = self.text[a:b]
        lows = TOKEN.findall(surface.lower())
        n = len(lows)
        over = self.overlapping(a, b)
        dash = surface.rfind(" - ")
        if dash > 0 and all(m.actor_type != "person" and m.start < a + dash for m in over) \
                and v.person_nouns.starting_at(lows, 0):
            # "Giám đốc SOHR - Rami Abdel Rahman": a role, a dash and the name of the person who holds it.
            named = _proper_name(v, surface[dash + 3:])
            if named is not None and " " in named:
                return _Speaker(None, named, "person", None)
        described = n > 1 and lows[-1] in ("này", "ấy", "đó", "trên") and v.person_nouns.starting_at(lows, 0)
        if described and lows[0] not in ("vị", "người") and self.last_speaker is not None and self.last_surface is not None and \
                f" {' '.join(lows[:-1])} " in f" {' '.join(TOKEN.findall(self.last_surface.lower()))} ":
            # "quan chức này nhấn mạnh" right after "một quan chức Mỹ thừa nhận": the one the last statement
            # described, not the last person named (nor the actor pass's guess for the description).
            return self.last_speaker
        k = v.person_pronouns.starting_at(lows, 0)
        gender = self.rules.gender.get(" ".join(lows[:k])) if k == n else None
        coref = [m for m in over if m.method == "coreference"]
        if coref and (gender is None or coref[-1].actor_type != "person" or self.gender_of(coref[-1]) in (None, gender)):
            return _as_speaker(coref[-1])
        u = self.rules.unnamed_starts.starting_at(lows, 0)
        if 0 < u < n and not any(m.actor_type == "person" and m.method != "coreference" for m in over) and not (
                (self.rules.speaks_for.starting_at(lows, u) or self.document_nouns.starting_at(lows, u))
                and any(m.actor_type == "organization" for m in over)):
            # "một nhà ngoại giao Thổ Nhĩ Kỳ", "Một số nhà khoa học Trung Quốc", "một tài khoản Twitter": nobody
            # named, and not the place or body the description names; what refers back to it speaks for nobody.
            self.unnamed = True
            return _NOBODY
        pronoun = k == n or described
        if pronoun and not [m for m in over if m.actor_type == "person" and m.method != "coreference"]:
            m = self._last_person(a, gender=gender)
            if m is not None and gender is not None and self._genders is not None:
                self._genders.setdefault(m.actor_id or m.actor_name, gender)
            if m is None and n > 1 and self.last_speaker is not None:
                return self.last_speaker  # "Người phát ngôn trên nói" after the spokesperson's organisation spoke
            return _as_speaker(m) if m else _NOBODY
        if v.group_pronouns.starting_at(lows, 0) == n:
            groups = [m for m in over if m.actor_type == "group"]
            if groups:
                return _as_speaker(groups[-1])
            return _Speaker(None, surface if lows[0] != "họ" else None, "group", None)
        if not over and self.document_nouns.starting_at(lows, 0) and self.last_speaker is not None:
            return self.last_speaker  # "Tuyên bố nêu rõ": the document's issuer, who spoke last
        if not over and n > 1 and lows[-1] in ("này", "ấy", "đó", "trên") and self.organization_nouns.starting_at(lows, 0):
            m = self._last_of_type(a, "organization")  # "Cơ quan này cho biết"
            return _as_speaker(m) if m else _NOBODY
        if not over and n <= 4 and v.person_nouns.starting_at(lows, 0) == n:
            # A bare role ("Đại sứ cho biết", "Người phát ngôn nói"): the last person named with that role.
            m = self._last_person(a, role=" ".join(lows))
            if m is not None:
                return _as_speaker(m)
        if not over and n <= 3 and self.organization_nouns.starting_at(lows, 0) == n:
            # A bare kind of body ("Hiệp hội khẳng định", "Quân đội cho biết"): the last one named of that kind.
            m = self._last_org_named(a, " ".join(lows))
            if m is not None:
                return _as_speaker(m)
        if not over:
            named = self._honorific_name(surface)
            if named is not None:
                return named
            named = self._role_and_name(list(TOKEN.finditer(surface)))
            return _Speaker(None, named, "person", None) if named else _NOBODY

        text = self.text
        cut = _APPOSITION.search(surface)
        if cut is not None and over[0].start >= a + cut.end() and all(m.actor_type != "person" for m in over):
            # "Fairfax Media - công ty truyền thông lớn tại Australia", "Daniel Pinkston, một chuyên gia ... của Đại
            # học Troy": every mention (none a person) lies in the apposition; the name before it speaks.
            named = _proper_name(v, surface[:cut.start()])
            if named is not None:
                return _Speaker(None, named, None, None)

        def rank(m):
            gap = max([a, text.rfind(",", a, m.start) + 1] + [o.end for o in over if o.end <= m.start])
            dependent = bool(_DEPENDENT.search(text, gap, m.start))
            return (dependent, _TYPE_RANK.get(m.actor_type, 5), -(m.end - m.start), m.start)

        ranks = list(map(rank, over))
        first = ranks.index(min(ranks))  # (the first of the best, as min(over, key=rank) gives)
        best = over[first]
        if best.actor_type == "person" and ranks[first][0]:
            return _NOBODY  # only a person the speaker is related to ("Cố vấn của Tổng thống Trump")
        if best.actor_type in ("country", "location") and ranks[first][0] and _WHERE.search(text, a, best.start):
            # Only where the speaker is ("Tổ chức quan sát Nhân quyền có trụ sở tại Mỹ"); a person named before an
            # apposition still speaks ("Chị Nguyễn Huyền, người chuyên bán ve sầu ở Hà Nội").
            return self._honorific_name(_APPOSITION.split(surface, maxsplit=1)[0]) or _NOBODY
        if best.actor_type in ("country", "location") and best.start > a:
            # "Chị L.A (Hà Nội), một người chơi ...", "Em Nguyễn Thị Minh Nguyệt, học sinh ... Hà Nội": a person the
            # actor pass did not name, with where they live or study after the name; the person speaks, not the place.
            named = self._honorific_name(_APPOSITION.split(surface.split(" (", 1)[0], maxsplit=1)[0])
            if named is not None:
                return named
            body = self.text[a:best.end]
            if best.actor_type == "location" and "," not in body and self.organization_nouns.starting_at(lows, 0):
                # "ĐH Quốc gia Hà Nội", "Trung tâm kiểm soát bệnh tật TP Hà Nội": a body the actor pass does not
                # know, named after its city; the body speaks (under its name as written), not the city.
                return _Speaker(None, body, "organization", best.country)
        if best.actor_type in ("country", "location"):
            # "Ngoại trưởng Nga nói" after "Ngoại trưởng Nga Sergei Lavrov": the person with that role.
            m = self._last_person(a, role=surface.lower(), country=best.country)
            if m is not None:
                return _as_speaker(m)
        if best.actor_type == "location" and best.country in self.countries:
            # A capital speaks for its country ("Washington muốn ...", "Bình Nhưỡng cho biết").
            return _as_speaker(self.countries[best.country])
        return _as_speaker(best)


def _article_text(sentences: Sequence[Any]) -> str:
    """The article text rebuilt from its sentences (what lies between them becomes spaces)."""
    parts, pos = [], 0
    for s in sorted(sentences, key=_START):
        if s.start < pos:
            continue
        parts.append(" " * (s.start - pos))
        parts.append(s.text)
        pos = s.end
    return "".join(parts)


def _date_of(timex) -> tuple[dt.date | None, str | None]:
    d = timex.date
    if d is not None and not isinstance(d, dt.date):
        d = getattr(d, "date", lambda: None)()
    return d, timex.precision


def iter_statements(
    sentences: Iterable[Any],
    mentions: Iterable[Any],
    timexes: Iterable[Any],
    *,
    published: dt.date | None = None,
    language: str = "vi",
) -> Iterator[Statement]:
    """Yield the statements of one article in order.

    Args:
        sentences: The article's :class:`newsframes.sentences.Sentence` tuples; captions, bylines, source lines,
            titles and duplicates hold no statements.
        mentions: Its :class:`newsframes.actors.Mention` tuples: speakers resolve to them.
        timexes: Its :class:`newsframes.timexes.Timex` tuples: a date in a statement's sentence, outside any
            reported content, dates the statement.
        published: The article's date (or reference date), the date of statements with no other.
        language: The article's language.

    Raises:
        ValueError: the language is not supported.
    """
    vocab = vocabulary(check_language(language))
    sentences = sorted(sentences, key=_SENTENCE_ID)
    if not sentences:
        return
    # The paragraphs to scan, and the article text rebuilt on the way (as _article_text does, when the sentences
    # are in text order: the rule).
    paragraphs: list[list[tuple[int, int, int, bool]]] = []
    para: list[tuple[int, int, int, bool]] = []
    last_pid = None
    parts: list[str] = []
    pos = prev_start = 0
    in_order = True
    for s in sentences:
        start = s.start
        if s.paragraph_id != last_pid:
            para = []
            paragraphs.append(para)
            last_pid = s.paragraph_id
        para.append((s.sentence_id, start, s.end, s.kind not in SKIP_KINDS and not s.is_duplicate))
        if start < prev_start:
            in_order = False
        prev_start = start
        if start >= pos:
            parts.append(" " * (start - pos))
            parts.append(s.text)
            pos = s.end
    text = "".join(parts) if in_order else _article_text(sentences)
    reports = scan_paragraphs(text, paragraphs, language=language)
    if not reports:
        return
    by_id = {s.sentence_id: s for s in sentences}
    dates_in: dict[int, list[Any]] = {}
    for t in timexes:
        if t.kind in ("date", "time"):
            dates_in.setdefault(t.sentence_id, []).append(t)
    resolver = _Resolver(vocab, text, list(mentions), language)
    resolver.contents = [(r.content_start, r.content_end) for r in reports]

    speakers: list[tuple[_Speaker, str | None]] = []
    last_date: tuple[dt.date | None, str | None] | None = None  # the last date seen, any paragraph
    para_date: dict[int, tuple[dt.date | None, str | None]] = {}  # the last date seen in each paragraph
    seen_sentence = -1
    # The reported contents over each sentence they cover (a quote may run over several): a date inside one dates
    # what is reported, never a statement nor the dates that carry on.
    contents_in: dict[int, list[tuple[int, int]]] = {}
    for r in reports:
        contents_in.setdefault(r.sentence, []).append((r.content_start, r.content_end))
        sid = r.sentence + 1
        while sid in by_id and by_id[sid].start < r.content_end:
            contents_in.setdefault(sid, []).append((r.content_start, r.content_end))
            sid += 1
    # The last date each speaker's statements had from the text (interviews, addresses: the quotes that follow).
    speaker_date: dict[str, tuple[dt.date | None, str | None]] = {}

    for sentence, sp_a, sp_b, cue, _cs, _ce, ca, cb, quote_type, kind, link in reports:
        sent = by_id[sentence]
        # The speaker.
        if link is not None and kind in ("coordinated", "continuation"):
            speaker, surface = speakers[link]
        elif sp_a is not None:
            resolver.unnamed = False
            speaker = resolver.resolve(sp_a, sp_b)
            surface = text[sp_a:sp_b]
            if resolver.unnamed:  # ("quan chức này" after "một quan chức Mỹ thừa nhận": the same nobody)
                resolver.last_speaker, resolver.last_surface = speaker, surface
        else:
            speaker, surface = _NOBODY, None
        speakers.append((speaker, surface))
        if speaker.name is not None:
            resolver.last_speaker, resolver.last_surface = speaker, surface

        # Dates of sentences between the last statement and this one carry on in their paragraph (a background date
        # does not: see _carries).
        for sid in range(seen_sentence + 1, sentence):
            if sid not in dates_in or sid not in by_id:
                continue
            own = _sentence_date(dates_in[sid], contents_in.get(sid, ()), published, narrative=True)
            if own is not None and _carries(own, published):
                para_date[by_id[sid].paragraph_id] = own
                last_date = own
        if sentence - 1 > seen_sentence:
            seen_sentence = sentence - 1
        own = _sentence_date(dates_in[sentence], contents_in[sentence], published) if sentence in dates_in else None
        if own is not None:
            (date, precision), source = own, "sentence"
        elif last_date is not None and _same_date(vocab, sent.text):
            (date, precision), source = last_date, "previous"
        elif sent.paragraph_id in para_date:  # the paragraph goes on about the same occasion
            (date, precision), source = para_date[sent.paragraph_id], "previous"
        elif (speaker.id or speaker.name) in speaker_date and not _new_occasion(language, text[sent.start:ca]):
            # The speaker's occasion (an interview, an address) that the article dated earlier.
            (date, precision), source = speaker_date[speaker.id or speaker.name], "previous"
        elif published is not None:
            date, precision, source = published, "day", "published_at"
        else:
            date = precision = source = None
        if date is None:
            source = None
        else:
            para_date[sent.paragraph_id] = (date, precision)
            last_date = (date, precision)
            if source != "published_at" and (speaker.id or speaker.name):
                speaker_date[speaker.id or speaker.name] = (date, precision)
        if _empty_content(language, text[ca:cb]):
            continue
        if speaker.name is None and surface is not None:
            # A name the actor pass did not take ("Kate Winslet", "Solskjaer", "CDC"): the speaker is that name.
            named = _proper_name(vocab, surface)
            if named is not None:
                speaker = _Speaker(None, named, None, None)
        if speaker.name is None:
            # Nobody to attribute it to ("Nhiều người", "Theo các nguồn tin", an unresolved "ông", a clause taken for
            # a subject): a row that says who said what cannot be made; its date still carries on.
            continue
        yield Statement(
            sentence, speaker.id, speaker.name, speaker.type, speaker.country, surface, cue,
            text[ca:cb], ca, cb, quote_type, date, precision, source,
        )


def _proper_name(vocab: Any, surface: str) -> str | None:
    """``surface`` if it reads as a proper name, else None.

    A name is one to five words, each capitalised, that do not start with a pronoun or a quantifier ("Ông",
    "Họ", "Nhiều người", "Các chuyên gia"); a single word must be an acronym ("CDC") or not a Vietnamese
    syllable ("Solskjaer"), since a capitalised syllable opening a sentence is mostly a common word ("Đáng").
    """
    # An apposition after the name ("Jon Meacham, nhà sử học ...", "Des Ball - một chuyên gia") is not part of it.
    surface = _APPOSITION.split(surface, maxsplit=1)[0]
    words = surface.strip(" ,:;-–—\"'“”‘’()").split()
    if not words or len(words) > 5 or not all(w[0].isupper() for w in words):
        return None
    if any(not ch.isalpha() and ch not in "-'’." for w in words for ch in w):
        return None
    lows = [w.lower() for w in words]
    for phrases in (vocab.person_pronouns, vocab.group_pronouns, vocab.subject_heads, vocab.first_person):
        if phrases.starting_at(lows, 0):
            return None
    if len(words) == 1 and not (_is_acronym(words[0]) or (len(words[0]) >= 3 and not _viet(words[0]))):
        return None
    return " ".join(words)


class _Rules(NamedTuple):
    """The parts of ``reporting.yaml`` read here (speakers, empty contents, occasions), compiled once."""

    document_nouns: Any
    organization_nouns: Any
    role_nouns: Any
    empty_max_words: int
    empty_pointing_ends: tuple[str, ...]
    empty_adjunct_starts: tuple[str, ...]
    new_occasion: tuple[str, ...]
    gender: dict[str, str]  # pronoun or honorific -> "male" | "female"
    unnamed_starts: Any
    speaks_for: Any


@functools.cache
def _rules(language: str) -> _Rules:
    from .reports import _Phrases

    data = load_yaml(check_language(language), "reporting.yaml")
    empty = data.get("empty_content") or {}
    return _Rules(
        _Phrases(data.get("document_nouns", ())), _Phrases(data.get("organization_nouns", ())),
        _Phrases(data.get("role_nouns", ())),
        int(empty.get("max_words", 0)), tuple(f" {w}" for w in empty.get("pointing_ends", ())),
        tuple(f"{w} " for w in empty.get("adjunct_starts", ())),
        tuple(data.get("new_occasion", ())),
        {w: g for g, words in (data.get("pronoun_gender") or {}).items() for w in words},
        _Phrases(data.get("unnamed_starts", ())), _Phrases(data.get("speaks_for", ())),
    )


def _empty_content(language: str, content: str) -> bool:
    """Does ``content`` report nothing: a short phrase pointing back ("những cáo buộc này"), an audience or a time
    ("trước Quốc hội Mỹ", "cách đây hai năm"), or the tail of a photo credit ("Reuters)")?"""
    rules = _rules(language)
    most, ends, starts = rules.empty_max_words, rules.empty_pointing_ends, rules.empty_adjunct_starts
    # (at most most + 1 pieces: all the words of a short content; of a longer one, more than ``most``)
    words = content.split(None, most)
    if not words:
        return True
    if content.rstrip().endswith(")") and "(" not in content:  # "... phát biểu (Ảnh: Reuters)": a credit's tail
        return True
    if len(words) > most:
        return False
    low = " " + " ".join(words).lower().rstrip(".,;:!?\"”’'")
    # A clause has a subject, mostly a name ("Mỹ không chấp nhận điều này"); an object phrase starts in lower case.
    return (low.endswith(ends) and words[0][0].islower()) or low[1:].startswith(starts)


def _new_occasion(language: str, frame: str) -> bool:
    """Does the text around the cue (before the content) name a new occasion ("Trong một tuyên bố trên Twitter")?"""
    low = frame.lower()
    return any(w in low for w in _rules(language).new_occasion)


def _same_date(vocab: Any, text: str) -> bool:
    """The sentence says "Cùng ngày" (or the like). The pattern runs only where its key words occur."""
    low = text.lower()
    return any(w in low for w in vocab.same_date_words) and vocab.same_date.search(text) is not None


def _sentence_date(timexes: Sequence[Any], contents: Sequence[tuple[int, int]], published: dt.date | None = None,
                   narrative: bool = False) -> tuple[dt.date | None, str | None] | None:
    """The date a sentence gives its statements: its last resolved date outside every reported content, or None.

    An unresolved one ("Trước đó") gives nothing: the statement then takes the date of the paragraph or the
    article, as any other that its sentence does not date. Nor does a year that starts after the article's date: it
    names a goal ("Xung quanh chủ trương đến năm 2015, Bộ trưởng cho biết" in 2013). In a ``narrative`` sentence
    (one without a statement, whose date would carry on) no date after the article's does: it names what is coming
    ("dự kiến sẽ đến khu vực tìm kiếm vào ngày 24/4"). (A day or a month in the statement's own sentence is kept:
    the article's date may be a reference date, earlier than the events.)
    """
    best = None
    for t in timexes:
        if t.kind != "date" or t.date is None or any(a <= t.start < b for a, b in contents):
            continue
        d = _date_of(t)
        if published is not None and d[0] is not None and d[0] > published and (narrative or d[1] == "year"):
            continue
        best = d
    return best


# A date that a sentence without a statement gives carries on to the statements after it in its paragraph only
# if it names a day, a week or a month of about the article's time: a year ("Tám chiếc còn lại sẽ được giao vào
# năm 2015", "giai đoạn 2012-2015", "đầu thập niên 1900") or an old date is the background of the story, not the
# occasion of what is said next.
_CARRIED_PRECISIONS = frozenset({"day", "week", "month"})
_CARRY_DAYS = 730


def _carries(date: tuple[dt.date | None, str | None], published: dt.date | None) -> bool:
    """May a date read in a sentence without a statement date the statements that follow it?"""
    d, precision = date
    if d is None or precision not in _CARRIED_PRECISIONS:
        return False
    return published is None or (published - d).days <= _CARRY_DAYS
