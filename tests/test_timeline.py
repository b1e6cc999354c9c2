"""The events table: one event per statement, else one per sentence with a resolved date."""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from newsframes.sentences import Sentence
from newsframes.timeline import iter_events


class T(NamedTuple):  # the fields of timexes.Timex that the timeline reads
    sentence_id: int
    kind: str
    date: dt.date | None
    precision: str | None


class M(NamedTuple):  # the fields of actors.Mention that the timeline reads
    sentence_id: int
    actor_id: str
    actor_name: str


class S(NamedTuple):  # the fields of statements.Statement that the timeline reads
    sentence_id: int
    date: dt.date | None
    precision: str | None


SENTENCES = [
    Sentence(0, 0, "title", 0, 5, "Tiêu đề", False),
    Sentence(1, 1, "body", 6, 20, "Ngày 31/5, Nga và Mỹ họp.", False),
    Sentence(2, 1, "body", 21, 40, "Putin cho biết A và cho rằng B.", False),
    Sentence(3, 2, "caption", 41, 60, "Ảnh ngày 24/5/2018.", False),
    Sentence(4, 3, "caption", 61, 80, "Ảnh ngày 24/5/2018.", True),
    Sentence(5, 4, "body", 81, 90, "Trước đó, Nga đã ...", False),
    Sentence(6, 5, "byline", 91, 99, "Thúc Anh (TTXVN)", False),
]
TIMEXES = [
    T(1, "date", dt.date(2018, 5, 31), "day"),
    T(1, "date", dt.date(2018, 6, 1), "day"),
    T(3, "date", dt.date(2018, 5, 24), "day"),
    T(4, "date", dt.date(2018, 5, 24), "day"),
    T(5, "date", None, None),  # PAST_REF: not a resolved date
    T(5, "duration", None, None),
    T(6, "date", dt.date(2018, 11, 23), "day"),
]
MENTIONS = [M(1, "Q159", "Nga"), M(1, "Q30", "Mỹ"), M(1, "Q159", "Nga"), M(2, "Q7747", "Vladimir Putin")]
STATEMENTS = [S(2, dt.date(2018, 7, 16), "day"), S(2, dt.date(2018, 7, 16), "day")]


def test_events():
    events = list(iter_events(SENTENCES, MENTIONS, TIMEXES, STATEMENTS, ["a:0", "a:1"]))
    assert [(e.event_id, e.sentence_id, e.statement_id) for e in events] == [
        (0, 1, None), (1, 2, "a:0"), (2, 2, "a:1"), (3, 3, None)
    ]
    assert events[0].date == dt.date(2018, 5, 31)  # the first resolved date of the sentence
    assert events[0].actor_ids == ["Q159", "Q30"] and events[0].actor_names == ["Nga", "Mỹ"]
    assert events[1].date == dt.date(2018, 7, 16) and events[1].actor_names == ["Vladimir Putin"]


def test_a_statement_sentence_also_dates_the_happening_it_reports():
    # "Đại sứ quán cho biết tại cuộc gặp ngày 22/11, ...", said on 23/11: the statement and the meeting.
    sentences = [Sentence(0, 0, "body", 0, 50, "Đại sứ quán cho biết tại cuộc gặp ngày 22/11, hai bên nhất trí.", False)]
    said = [S(0, dt.date(2018, 11, 23), "day")]
    met = [T(0, "date", dt.date(2018, 11, 22), "day")]
    events = list(iter_events(sentences, [], met, said, ["a:0"]))
    assert [(e.date, e.statement_id) for e in events] == [(dt.date(2018, 11, 23), "a:0"), (dt.date(2018, 11, 22), None)]
    # A date that is the statement's own ("ngày 23/11 cho biết") is not a second happening.
    same = [T(0, "date", dt.date(2018, 11, 23), "day")]
    assert [e.statement_id for e in iter_events(sentences, [], same, said, ["a:0"])] == ["a:0"]


def test_no_events_without_dates():
    assert list(iter_events(SENTENCES, MENTIONS, [], [], [])) == []


def test_seed_events(seeds_corpus):
    import pandas as pd

    ev = seeds_corpus.events
    assert ev[ev.statement_id.isna()].date.notna().all()
    # "Hồi tháng 1 vừa qua, quan chức ngoại giao này nêu rõ ..." (month precision) is the earliest.
    first = ev.loc[ev.date.idxmin()]
    assert (first.date, first.precision) == (pd.Timestamp("2018-01-01"), "month")
    assert ev[ev.statement_id.isna()].date.min() == pd.Timestamp("2018-05-24")  # the Punggye-ri caption of 004
    assert ev.date.max() == pd.Timestamp("2018-11-23")
    # "... Đại sứ quán Nga cho biết tại cuộc gặp ngày 22/11, ...": the meeting is on the timeline too.
    meeting = ev[ev.text.str.contains("cuộc gặp ngày 22/11")]
    assert sorted(meeting.date.dt.day) == [22, 23] and meeting.statement_id.isna().sum() == 1
    assert set(seeds_corpus.statements.statement_id) == set(ev.statement_id.dropna())
