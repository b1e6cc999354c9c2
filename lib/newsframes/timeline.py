"""The timeline: dated happenings, one per dated sentence or per statement (the ``events`` table).

A sentence that reports statements gives one event per statement, dated when the statement was made, and one more
when it also dates another happening ("... cho biết tại cuộc gặp ngày 22/11, ...": the meeting), dated by the
first resolved date that is not a statement's. Any other sentence that carries a resolved date (a timex of kind
``date`` with a ``date``) gives one event, dated by the first such timex. Repeated captions and paragraphs
(``is_duplicate``), bylines and source lines give none.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

_NO_EVENTS = ("byline", "source")
_NO_ACTORS: dict[str, str] = {}
_new = tuple.__new__  # builds an Event without its Python-level __new__


class Event(NamedTuple):
    event_id: int
    sentence_id: int
    date: dt.date | None
    precision: str | None
    actor_ids: list[str]
    actor_names: list[str]
    text: str
    statement_id: str | None


def iter_events(
    sentences: Sequence[Any],
    mentions: Sequence[Any],
    timexes: Sequence[Any],
    statements: Sequence[Any] = (),
    statement_ids: Sequence[str] = (),
) -> Iterator[Event]:
    """Yield the events of one article in sentence order.

    Args:
        sentences: the article's ``Sentence`` tuples.
        mentions: its ``Mention`` tuples (their actors become the event's ``actor_ids``/``actor_names``).
        timexes: its ``Timex`` tuples.
        statements: its ``Statement`` tuples, and ``statement_ids`` their ids, in the same order.
    """
    # Only sentences with a statement or a resolved date give events: find those first (a few of some thirty),
    # and gather actors and build rows for them alone.
    said: dict[int, list[tuple[str, Any]]] = {}
    for sid, s in zip(statement_ids, statements, strict=False):
        i = s.sentence_id
        if i in said:
            said[i].append((sid, s))
        else:
            said[i] = [(sid, s)]
    dated: dict[int, list[Any]] = {}
    for t in timexes:
        if t.kind == "date" and t.date is not None:
            i = t.sentence_id
            if i in dated:
                dated[i].append(t)
            else:
                dated[i] = [t]
    if not said and not dated:
        return
    actors: dict[int, dict[str, str]] = {}
    for m in mentions:
        i = m.sentence_id
        if i in said or i in dated:
            named = actors.get(i)
            if named is None:
                actors[i] = {m.actor_id: m.actor_name}
            elif m.actor_id not in named:
                named[m.actor_id] = m.actor_name

    n = 0
    for sentence in sentences:
        i = sentence.sentence_id
        if i not in said and i not in dated or sentence.kind in _NO_EVENTS or sentence.is_duplicate:
            continue
        named = actors.get(i, _NO_ACTORS)
        ids, names = list(named), list(named.values())
        if i in said:
            for statement_id, s in said[i]:
                yield _new(Event, (n, i, s.date, s.precision, ids, names, sentence.text, statement_id))
                n += 1
            stated = {s.date for _, s in said[i]}
            other = next((t for t in dated.get(i, ()) if t.date not in stated), None)
            if other is not None:
                yield _new(Event, (n, i, other.date, other.precision, ids, names, sentence.text, None))
                n += 1
        else:
            t = dated[i][0]
            yield _new(Event, (n, i, t.date, t.precision, ids, names, sentence.text, None))
            n += 1
