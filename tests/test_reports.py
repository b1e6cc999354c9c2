"""The structural scan of reported speech: a table of real sentences (tests/data/statement_cases.tsv), quotation
marks, quotations over several sentences, cue words that report nothing."""
from __future__ import annotations

import csv
from collections import OrderedDict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsframes.reports import TOKEN, _Phrases, _Toks, find_reports

from .conftest import DATA

# --------------------------------------------------------------------------------------------------------------
# The structural scan, on real sentences


def _cases() -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    with (DATA / "statement_cases.tsv").open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t",
                              quoting=csv.QUOTE_NONE)
        grouped: OrderedDict[str, list] = OrderedDict()
        for row in rows:
            expected = grouped.setdefault(row["sentence"], [])
            if row["speaker"] or row["verb"]:
                expected.append((row["speaker"], row["verb"], row["content"], row["quote_type"]))
    return list(grouped.items())


CASES = _cases()


def test_the_case_table_is_large_and_has_negatives():
    assert len(CASES) >= 100
    assert sum(1 for _, expected in CASES if not expected) >= 30
    assert sum(1 for _, expected in CASES if len(expected) > 1) >= 8


@pytest.mark.parametrize("sentence, expected", CASES, ids=[s[:40] for s, _ in CASES])
def test_reports_in_real_sentences(sentence, expected):
    got = [
        (sentence[r.speaker_start:r.speaker_end] if r.speaker_start is not None else "", r.cue,
         sentence[r.content_start:r.content_end], r.quote_type)
        for r in find_reports(sentence)
    ]
    assert got == expected


@pytest.mark.parametrize("sentence, expected", CASES[:60], ids=[s[:40] for s, _ in CASES[:60]])
def test_report_offsets_point_into_the_text(sentence, expected):
    for r in find_reports(sentence):
        assert 0 <= r.content_start < r.content_end <= len(sentence)
        assert sentence[r.cue_start:r.cue_end] == r.cue
        if r.speaker_start is not None:  # the speaker never overlaps the cue or the content
            assert r.speaker_end <= r.cue_start or r.speaker_start >= r.cue_end
            assert r.speaker_end <= r.content_start or r.speaker_start >= r.content_end


@pytest.mark.parametrize(
    "text, expected",
    [
        # straight, curly and single quotation marks
        ('Ông A nêu rõ: "Nga sẵn sàng".', [("Ông A", "nêu rõ", "Nga sẵn sàng", "direct")]),
        ("Ông A nêu rõ: “Nga sẵn sàng”.", [("Ông A", "nêu rõ", "Nga sẵn sàng", "direct")]),
        ("Bà B cho rằng quan hệ đang 'rất tốt đẹp'.", [("Bà B", "cho rằng", "quan hệ đang 'rất tốt đẹp'", "mixed")]),
        # "rằng" and an adjunct before it are not content
        ("Ông C nói với các phóng viên rằng hai bên đã nhất trí.", [("Ông C", "nói", "hai bên đã nhất trí", "indirect")]),
        # cue words that report nothing
        ("Theo yêu cầu của Bộ Y tế, các bệnh viện phải báo cáo.", []),
        ("Nhìn chung, kinh tế Việt Nam nói chung vẫn tăng trưởng.", []),
        ("Bộ Ngoại giao đã ra thông báo về việc này.", []),
        ("Phía Israel từ chối bình luận.", []),
        ("Hội nghị dự kiến sẽ ra tuyên bố chung vào cuối tuần.", []),
        # no subject: no statement
        ("Cho biết thêm về dự án, đây là công trình lớn nhất.", []),
    ],
)
def test_reports_in_small_texts(text, expected):
    got = [(text[r.speaker_start:r.speaker_end], r.cue, text[r.content_start:r.content_end], r.quote_type)
           for r in find_reports(text)]
    assert got == expected


def test_a_quotation_over_several_sentences_is_one_content():
    text = 'Ông Lavrov nói: "Chúng tôi sẵn sàng. Nga không vội. Hai bên sẽ gặp lại". Sau đó ông rời đi.'
    (r,) = find_reports(text)
    assert text[r.content_start:r.content_end] == "Chúng tôi sẵn sàng. Nga không vội. Hai bên sẽ gặp lại"
    assert r.quote_type == "direct" and r.sentence == 0


def test_a_quotation_right_after_a_statement_continues_its_speaker():
    text = 'Ông Lavrov nói: "Chúng tôi sẵn sàng". "Nga không vội".'
    first, second = find_reports(text)
    assert second.kind == "continuation" and second.link == 0
    assert text[second.content_start:second.content_end] == "Nga không vội"
    # ... but not after a sentence that reported nothing
    assert find_reports('Hai bên gặp nhau. "Nga không vội".') == []


def test_a_trailing_attribution_after_a_long_quotation():
    text = '"Chúng tôi sẵn sàng. Nga không vội", ông Lavrov nói.'
    (r,) = find_reports(text)
    assert r.kind == "trailing" and r.sentence == 1
    assert text[r.content_start:r.content_end] == "Chúng tôi sẵn sàng. Nga không vội"


def test_quotation_marks_in_a_cue_are_not_cues():
    text = 'Ông A nói: "Tôi cho rằng hai bên sẽ nhất trí".'
    assert [r.cue for r in find_reports(text)] == ["nói"]


def test_an_unsupported_language_is_refused():
    with pytest.raises(ValueError, match="supported: vi"):
        find_reports("Hello.", language="xx")


# --------------------------------------------------------------------------------------------------------------
# The fast paths agree with the plain definitions they replace


_WORDS = ["cũng", "Cũng", "đã", "một", "Một", "lần", "nữa", "nhiều", "vừa", "qua", "không", "từ", "chối", "X", ",", "và"]


@given(st.lists(st.sampled_from(_WORDS), max_size=8), st.data())
@settings(max_examples=150, deadline=None)
def test_phrase_lookups_agree_with_joining_every_length(words, data):
    phrases = _Phrases(["một lần nữa", "nhiều lần", "cũng", "đã", "vừa qua", "từ chối", "không"])
    text = " ".join(words)
    low = text.lower()
    toks = _Toks(low, 0, len(low))
    lows = toks.low
    lc = [w if not text[p].isupper() else "\x00" for w, p in zip(lows, toks.start, strict=True)]

    def plain(seq, i, lo, hi, ending):
        for k in range(phrases.longest, 0, -1):
            a, b = (i - k, i) if ending else (i, i + k)
            if a >= lo and b <= hi and " ".join(seq[a:b]) in phrases.items:
                return k
        return 0

    i = data.draw(st.integers(0, len(lows)))
    lo = data.draw(st.integers(0, i))
    assert phrases.ending_at(lows, i, lo) == plain(lows, i, lo, len(lows), True)
    assert phrases.ending_at_lower(toks, text, i, lo) == plain(lc, i, lo, len(lows), True)
    assert phrases.starting_at(lows, lo, i) == plain(lows, lo, 0, i, False)
    assert phrases.starting_at_lower(toks, text, lo, i) == plain(lc, lo, 0, i, False)


@given(st.text(alphabet="aĐđ Bc-/.,:\"“”'…()0\n", max_size=40), st.data())
@settings(max_examples=150, deadline=None)
def test_tokens_are_those_of_the_text_up_to_the_limit(text, data):
    low = text.lower()
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    limit = data.draw(st.integers(end, len(text)))
    toks = _Toks(low, start, end, limit)
    # The tokens that start before ``end``, as they are when the text is read up to ``limit``.
    expected = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(low, start, limit) if m.start() < end]
    assert list(zip(toks.start, toks.end, toks.low, strict=True)) == expected
    assert all(text[a:b].lower() == w for a, b, w in expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # candidates found once for the whole text: a paragraph without one, then one with a cue
        ("Hai bên gặp nhau.\nÔng A cho biết hai bên đã nhất trí.", [("Ông A", "cho biết", "hai bên đã nhất trí")]),
        # a cue that ends its line is still a cue of that line only
        ("Ông A nói\nrõ ràng là vậy.", []),
        # "theo" far from the start is no frame; "dẫn lời" after the content names the speaker
        ("Các nước làm theo quy định, theo đó mọi thứ ổn.", []),
        ("Hai bên làm việc theo ông A, rất tốt.", []),
        # a frame after a clause and a comma, or after a conjunction of one or two words
        ("Trong khi đó, theo ông A, hai bên chưa nhất trí.", [("ông A", "theo", "hai bên chưa nhất trí")]),
        ("Tuy nhiên theo ông A, hai bên chưa nhất trí.", [("ông A", "theo", "hai bên chưa nhất trí")]),
        ('"Nga sẵn sàng", Reuters dẫn lời ông Lavrov.', [("ông Lavrov", "dẫn lời", "Nga sẵn sàng")]),
        # a function word in capitals is part of a name ("Nhật Bản"), not a noun marker ("ra thông báo")
        ("Nhật Bản tuyên bố sẽ tăng ngân sách quốc phòng.", [("Nhật Bản", "tuyên bố", "sẽ tăng ngân sách quốc phòng")]),
        ("Chính phủ ra thông báo về việc này.", []),
    ],
)
def test_candidates_across_paragraphs_and_sources(text, expected):
    got = [(text[r.speaker_start:r.speaker_end], r.cue, text[r.content_start:r.content_end])
           for r in find_reports(text)]
    assert got == expected
