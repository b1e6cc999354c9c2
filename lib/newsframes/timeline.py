"""The timeline: dated happenings, one per dated sentence or per statement (the ``events`` table).

A sentence that reports statements gives one event per statement, dated when the statement was made, and one more
when it also dates another happening ("... cho biết tại cuộc gặp ngày 22/11, ...": the meeting), dated by the
first resolved date that is not a statement's. Any other sentence that carries a resolved date (a timex of kind
``date`` with a ``date``) gives one event, dated by the first such timex. Repeated captions and paragraphs
(``is_duplicate``), bylines and source lines give none.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

_NO_EVENTS = ("byline", "source")


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
    actors: dict[int, dict[str, str]] = defaultdict(dict)
    for m in mentions:
        actors[m.sentence_id].setdefault(m.actor_id, m.actor_name)
    dated: dict[int, list[Any]] = defaultdict(list)
    for t in timexes:
        if t.kind == "date" and t.date is not None:
            dated[t.sentence_id].append(t)
    said: dict[int, list[tuple[str, Any]]] = defaultdict(list)
    for sid, s in zip(statement_ids, statements, strict=False):
        said[s.sentence_id].append((sid, s))

    n = 0
    for sentence in sentences:
        if sentence.kind in _NO_EVENTS or sentence.is_duplicate:
            continue
        i = sentence.sentence_id
        named = actors.get(i, {})
        ids, names = list(named), list(named.values())
        if i in said:
            for statement_id, s in said[i]:
                yield Event(n, i, s.date, s.precision, ids, names, sentence.text, statement_id)
                n += 1
            stated = {s.date for _, s in said[i]}
            other = next((t for t in dated.get(i, ()) if t.date not in stated), None)
            if other is not None:
                yield Event(n, i, other.date, other.precision, ids, names, sentence.text, None)
                n += 1
        elif i in dated:
            t = dated[i][0]
            yield Event(n, i, t.date, t.precision, ids, names, sentence.text, None)
            n += 1
