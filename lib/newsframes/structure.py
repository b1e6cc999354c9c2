"""The structure of a wire story: clean the text, then find its title, captions, byline, source line and date.

:func:`clean_text` makes the text every offset points into (NFC, one kind of newline and space, no stray
separators). :func:`structure_article` classifies its lines into paragraphs of kind ``title``, ``body``,
``caption``, ``byline`` or ``source`` and reads ``url``, ``site``, ``agency``, ``author`` and ``published_at``.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from .resources import load_yaml

# ------------------------------------------------------------------------------------------------ cleaning

_ZERO_WIDTH = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
_ODD_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Runs of spaces, and any space that is not a plain one (tab, no-break, thin, ideographic ...).
_ODD_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# "YONHAP/ TTXVN |": a separator left at the end (or start) of a line by the page layout.
_STRAY_SEPARATORS = re.compile(r"(?:[ \t]*[|¦]+[ \t]*)+$|^[ \t]*[|¦]+[ \t]*", re.M)
# "mỗi năm.Triều Tiên": a full stop glued to the next sentence (two lower-case letters before, a capital after).
_BLANK_RUNS = re.compile(r"\n{3,}")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")


# One scan tells whether a text needs any of the character-level clean-ups below.
_ODD_CHARS = re.compile(
    "[\ufeff\u200b\u200c\u200d\u2060\u00ad\r\u2028\u2029\x0b\x0c\x85\x00-\x08\x0e-\x1f\x7f"
    "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000|¦]"
)
# Two lower-case letters before the stop (the end of a word, not an initial or an abbreviation): checked by the
# pattern itself, so that "TP.Hồ", "V.Putin" and web addresses cost nothing in Python. A pattern that starts
# with a literal is scanned for ten times faster than one that starts with a class: the full stop has its own,
# and "!" and "?" (rarer) are looked for only in a text that has them.
_DOT_BEFORE_CAPITAL = re.compile(r"\.(?<=[a-zà-ỹđ]{2}\.)(?=[A-ZÀ-ỸĐ][a-zà-ỹđ])")
_MARK_BEFORE_CAPITAL = re.compile(r"[!?](?<=[a-zà-ỹđ]{2}[!?])(?=[A-ZÀ-ỸĐ][a-zà-ỹđ])")


def clean_text(text: str) -> str:
    """The cleaned text of an article: NFC, ``\\n`` newlines, single spaces, no stray separators, no trailing
    spaces, a space restored after a full stop glued to the next sentence, at most one blank line in a row.

    Idempotent: ``clean_text(clean_text(t)) == clean_text(t)``. Each step first checks cheaply whether it has
    anything to do, because most texts are already clean.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _ODD_CHARS.search(text):
        text = _ZERO_WIDTH.sub("", text)
        text = _ODD_NEWLINES.sub("\n", text)
        text = _CONTROLS.sub("", text)
        text = _ODD_SPACES.sub(" ", text)
        if "|" in text or "¦" in text:
            text = _STRAY_SEPARATORS.sub("", text)
    elif "  " in text:
        text = _ODD_SPACES.sub(" ", text)
    text = _fix_glued_stops(text)
    if " \n" in text or "\n " in text:
        text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip(" \n")


_URL_TOKEN = re.compile(r"https?://|www\.|@|\.(?:vn|com|net|org|gov|info|edu)\b", re.I)


def _fix_glued_stops(text: str) -> str:
    ends = [m.end() for m in _DOT_BEFORE_CAPITAL.finditer(text)]
    if "!" in text or "?" in text:
        ends = sorted(ends + [m.end() for m in _MARK_BEFORE_CAPITAL.finditer(text)])
    if not ends:
        return text
    out, last = [], 0
    for pos in ends:
        # Leave web addresses and e-mails alone ("VnExpress.net", "www.Abc.com").
        token_start = text.rfind(" ", 0, pos) + 1
        token_end = text.find(" ", pos)
        token = text[token_start:token_end if token_end >= 0 else len(text)].split("\n")[-1]
        if _URL_TOKEN.search(token):
            continue
        out.append(text[last:pos])
        out.append(" ")
        last = pos
    out.append(text[last:])
    return "".join(out)


# ------------------------------------------------------------------------------------------------ patterns


class _Patterns(NamedTuple):
    agencies: dict[str, str | None]
    agency_re: re.Pattern
    caption: re.Pattern
    caption_trigger: re.Pattern
    bylines: tuple[re.Pattern, ...]
    sources: tuple[re.Pattern, ...]
    datelines: tuple[re.Pattern, ...]
    byline_max_words: int
    byline_max_lines: int
    title_max_chars: int
    caption_max_chars: int


@functools.cache
def _patterns(language: str) -> _Patterns:
    data = load_yaml(language, "structure.yaml")
    agencies = dict(data["agencies"])
    names = sorted(agencies, key=len, reverse=True)
    agency_re = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")
    return _Patterns(
        agencies=agencies,
        agency_re=agency_re,
        caption=re.compile("|".join(f"(?:{p})" for p in data["caption_patterns"])),
        caption_trigger=re.compile("|".join(re.escape(w) for w in data["caption_triggers"])),
        bylines=tuple(re.compile(p) for p in data["byline_patterns"]),
        sources=tuple(re.compile(p, re.I) for p in data["source_patterns"]),
        datelines=tuple(re.compile(p) for p in data["dateline_patterns"]),
        byline_max_words=int(data["byline_max_words"]),
        byline_max_lines=int(data.get("byline_max_lines", 1)),
        title_max_chars=int(data["title_max_chars"]),
        caption_max_chars=int(data["caption_max_chars"]),
    )


# ------------------------------------------------------------------------------------------------ dates

_URL_STAMP = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\d{0,3}(?!\d)")
_URL_PATH_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$)")
_DMY = re.compile(
    r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?\s*$"
)


def _make(y, mo, d, h=0, mi=0, s=0) -> dt.datetime | None:
    try:
        return dt.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except (TypeError, ValueError):
        return None


def parse_datetime(value: Any) -> dt.datetime | None:
    """A timezone-naive local datetime from what an input gives, or None.

    ISO strings keep their wall-clock time and drop the offset (``2013-11-01T00:03:00+07:00`` ->
    ``2013-11-01 00:03:00``) because relative dates count from the article's own calendar day.
    Also reads ``dd/mm/yyyy [HH:MM[:SS]]``, dates, datetimes and pandas Timestamps.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if hasattr(value, "to_pydatetime"):
        try:
            return value.to_pydatetime().replace(tzinfo=None)
        except (ValueError, AttributeError):
            return None
    text = str(value).strip()
    if not text:
        return None
    m = _DMY.match(text)
    if m:
        return _make(m[3], m[2], m[1], m[4], m[5], m[6])
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def date_from_url(url: str | None) -> dt.datetime | None:
    """Publication time from a URL's timestamp (``...-20181123165057694.htm``) or date path (``/2018/11/23/``)."""
    if not url:
        return None
    # The part after the host (cheaper than urlsplit, and a host never holds a 14-digit stamp).
    path = url[url.find("/", url.find("://") + 3):] if "://" in url else url
    for m in _URL_STAMP.finditer(path):
        stamp = _make(*m.groups())
        if stamp is not None:
            return stamp
    m = _URL_PATH_DATE.search(path)
    if m:
        return _make(*m.groups())
    return None


_PLAIN_HOST = re.compile(r"https?://([A-Za-z0-9.-]+)(?=[/?#:]|$)", re.I)


def site_of(url: str | None) -> str | None:
    """The URL's host without ``www.``."""
    if not url:
        return None
    m = _PLAIN_HOST.match(url)
    if m:  # (the common shape, without urlsplit's cost; anything else goes through urlsplit)
        host = m.group(1).lower().removeprefix("www.")
        return host or None
    host = urlsplit(url if "://" in url else f"http://{url}").hostname or ""
    host = host.lower().removeprefix("www.")
    return host or None


# ------------------------------------------------------------------------------------------------ structure


class Paragraph(NamedTuple):
    paragraph_id: int
    kind: str  # title | body | caption | byline | source
    start: int
    end: int
    is_duplicate: bool


class Structured(NamedTuple):
    text: str
    paragraphs: list[Paragraph]
    title: str | None
    url: str | None
    site: str | None
    agency: str | None
    author: str | None
    published_at: dt.datetime | None
    published_at_source: str | None


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.append((pos, end))
        pos = end + 1
    return spans


def _dup_key(line: str) -> str:
    # The cleaned line itself: a repeat is an exact repeat after clean-up.
    return line


def _canonical_agency(pats: _Patterns, text: str) -> str | None:
    found = [pats.agencies.get(m.group(0)) for m in pats.agency_re.finditer(text)]
    found = [a for a in found if a]
    if not found:
        return None
    return "TTXVN" if "TTXVN" in found else found[-1]


def _caption(line: str, pats: _Patterns) -> bool:
    # The full caption patterns are costly to search; a line without any trigger word cannot match them, and a
    # credit sits at the end of a line (or starts a short one), so only the tail is searched.
    return bool(pats.caption_trigger.search(line) and pats.caption.search(line, max(0, len(line) - 160)))


def caption_trigger(language: str = "vi") -> re.Pattern:
    """The compiled pattern of the words every caption pattern needs (search it between offsets: no copies)."""
    return _patterns(language).caption_trigger


def has_caption_trigger(text: str, *, language: str = "vi") -> bool:
    """Could ``text`` hold a caption at all (does it contain a word every caption pattern needs)?"""
    return bool(_patterns(language).caption_trigger.search(text))


def is_caption(line: str, *, language: str = "vi") -> bool:
    """Does the line carry a photo credit (``Ảnh: YONHAP/TTXVN``, ``AFP/TTXVN``, ``(Ảnh: Reuters)``)?"""
    return _caption(line, _patterns(language))


def _looks_like_title(line: str, pats: _Patterns) -> bool:
    line = line.strip()
    if not line or len(line) > pats.title_max_chars or _caption(line, pats):
        return False
    if line[-1] in ".:;,":
        return False
    if line[-1] in "!?…" and len(line) > 160:
        return False
    return len(line.split()) >= 2


# The text after the last sentence end of a line: a candidate glued byline.
_LAST_FRAGMENT = re.compile(r"[.!?…][\"'”’)]*\s+([^.!?…\n]{2,60})$")


_AUTHOR_DASH = re.compile(r" [-–] ")


def _byline(line: str, pats: _Patterns) -> tuple[str | None, str | None] | None:
    """(author, agency) if the line is a byline."""
    if len(line) > 90 or line[-1:] in ".:;,!?" or ":" in line:
        return None
    for pattern in pats.bylines:
        m = pattern.match(line)
        if m:
            author = (m.groupdict().get("author") or "").strip(" -–,") or None
            agency_text = m.group("agency") or ""
            agency = _canonical_agency(pats, agency_text) or (agency_text.strip() or None if not author else None)
            return author, agency
    # A bare name, or co-authors' names joined by dashes ("Khánh Anh - Trường Thịnh"), each part short and every
    # word capitalised.
    parts = [p.split() for p in _AUTHOR_DASH.split(line)] if "-" in line or "–" in line else [line.split()]
    if all(1 <= len(p) <= pats.byline_max_words for p in parts) and len(parts) <= 3:
        words = [w for p in parts for w in p]
        if all(w[0].isalpha() and w[0].isupper() for w in words) and not any(c.isdigit() for c in line):
            return line, None
    return None


def structure_article(
    text: str, *, meta: dict[str, Any] | None = None, infer_title: bool = True, language: str = "vi"
) -> Structured:
    """Clean ``text`` and read the story's structure and metadata.

    Args:
        text: the article as read (any normalization; may or may not start with its title).
        meta: fields the input gave (``title``, ``url``, ``published_at``, ``author``, ``agency``, ``site``);
            they win over what the text says. With a ``title`` given, the text is taken to be the body and the
            title is put in front of it unless it is already its first line.
        infer_title: look for a title in the first line when none is given (off for records whose title
            field is present but empty: their first line is not a title).
        language: the language of the data files used.
    """
    meta = meta or {}
    pats = _patterns(language)
    text = clean_text(text)
    given_title = meta.get("title")
    if given_title is not None:
        given_title = clean_text(str(given_title)).replace("\n", " ").strip() or None
    if given_title:
        first = text.split("\n", 1)[0].strip()
        if _dup_key(first) != _dup_key(given_title):
            text = f"{given_title}\n\n{text}" if text else given_title

    spans = _lines(text)
    kinds = ["body"] * len(spans)
    url = author = agency = None
    dateline: dt.datetime | None = None

    # The tail: source line(s), byline and dateline, read from the end while they match.
    tail = len(spans) - 1
    bylines = 0
    while tail >= 1:
        line = text[spans[tail][0]:spans[tail][1]]
        matched = False
        for pattern in pats.sources:
            m = pattern.match(line)
            if m:
                kinds[tail], matched = "source", True
                url = url or m.group("url").rstrip(").,;")
                agency = agency or _canonical_agency(pats, m.group("label") or "")
                break
        if not matched and bylines < pats.byline_max_lines:
            by = _byline(line, pats)
            if by is not None:
                kinds[tail], matched = "byline", True
                bylines += 1
                author = author or by[0]
                agency = agency or by[1]
        if not matched:
            for pattern in pats.datelines:
                m = pattern.match(line)
                if m:
                    kinds[tail], matched = "byline", True
                    g = m.groupdict()
                    dateline = dateline or _make(g["year"], g["month"], g["day"], g.get("hour"), g.get("minute"), g.get("second"))
                    break
        if not matched:
            break
        tail -= 1

    # A byline glued to the end of the last body line, as crawlers that join paragraphs leave it
    # ("... trên biển Baltic. Tùng Dương"): split the line into its body and a byline paragraph.
    if not bylines and spans and kinds[tail] == "body" and tail >= 1:
        a, b = spans[tail]
        m = _LAST_FRAGMENT.search(text, a, b)
        if m and m.start(1) > a:
            by = _byline(m.group(1), pats)
            if by is not None:
                spans[tail:tail + 1] = [(a, m.start(1) - 1), (m.start(1), b)]
                kinds[tail:tail + 1] = ["body", "byline"]
                author = author or by[0]
                agency = agency or by[1]
    # Captions: short lines that carry a photo credit (a long line that ends with one is a body paragraph
    # with a caption glued in; its caption sentences are marked by the sentence splitter).
    if pats.caption_trigger.search(text):
        for i, (a, b) in enumerate(spans):
            if kinds[i] == "body" and b - a <= pats.caption_max_chars and _caption(text[a:b], pats):
                kinds[i] = "caption"
    title = None
    if spans:
        first = text[spans[0][0]:spans[0][1]]
        if given_title or (infer_title and kinds[0] == "body" and len(spans) > 1 and _looks_like_title(first, pats)):
            kinds[0] = "title"
            title = first
    # A dateline right under the title ("Thứ Sáu, 23/11/2018 16:50").
    for i in range(1, min(len(spans), 3)):
        line = text[spans[i][0]:spans[i][1]]
        for pattern in pats.datelines:
            m = pattern.match(line)
            if m and kinds[i] == "body":
                kinds[i] = "byline"
                g = m.groupdict()
                dateline = dateline or _make(g["year"], g["month"], g["day"], g.get("hour"), g.get("minute"), g.get("second"))

    seen: set[str] = set()
    paragraphs = []
    for i, (a, b) in enumerate(spans):
        key = text[a:b]  # (_dup_key: the cleaned line itself)
        paragraphs.append(Paragraph(i, kinds[i], a, b, key in seen))
        seen.add(key)

    if agency is None:
        # The credit of the story's photos ("YONHAP/TTXVN") says which agency carried it.
        credits = " ".join(text[a:b] for (a, b), k in zip(spans, kinds, strict=False) if k == "caption")
        if credits and re.search(r"/\s*(?:TTXVN|VNA)\b", credits):
            agency = "TTXVN"

    url = meta.get("url") or url
    published, source = None, None
    for candidate, name in (
        (parse_datetime(meta.get("published_at")), meta.get("published_at_source") or "input"),
        (date_from_url(url), "url"),
        (dateline, "text"),
        (parse_datetime(meta.get("reference_date")), "reference"),
    ):
        if candidate is not None:
            published, source = candidate, name
            break
    return Structured(
        text=text,
        paragraphs=paragraphs,
        title=title,
        url=url,
        site=meta.get("site") or site_of(url),
        agency=meta.get("agency") or agency,
        author=meta.get("author") or author,
        published_at=published,
        published_at_source=source,
    )
