"""Statements: speaker resolution with hand-built mentions, dates, and the seeds through the whole pipeline.
(The structural scan, on a table of real sentences, is tested in test_reports.py.)"""
from __future__ import annotations

import datetime as dt
import re

import pytest

from newsframes import reports, statements
from newsframes.actors import Mention
from newsframes.sentences import Sentence
from newsframes.statements import Statement, iter_statements
from newsframes.timexes import Timex


def test_the_structural_scan_is_re_exported():
    assert statements.find_reports is reports.find_reports and statements.Report is reports.Report


def test_an_unsupported_language_is_refused():
    with pytest.raises(ValueError, match="supported: vi"):
        list(iter_statements([], [], [], language="xx"))


# --------------------------------------------------------------------------------------------------------------
# Articles built by hand: speakers and dates


class Article:
    """A tiny article: paragraphs of (kind, sentence) with offsets, plus helpers for mentions and timexes."""

    def __init__(self, *paragraphs: list[str | tuple[str, str]]):
        self.sentences: list[Sentence] = []
        parts, pos = [], 0
        for pid, para in enumerate(paragraphs):
            if pid:
                parts.append("\n")
                pos += 1
            for k, item in enumerate(para):
                kind, text = item if isinstance(item, tuple) else ("body", item)
                if k:
                    parts.append(" ")
                    pos += 1
                self.sentences.append(Sentence(len(self.sentences), pid, kind, pos, pos + len(text), text, False))
                parts.append(text)
                pos += len(text)
        self.text = "".join(parts)
        self.mentions: list[Mention] = []
        self.timexes: list[Timex] = []

    def _span(self, surface: str, nth: int) -> tuple[int, int, int]:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(surface, start + 1)
        sid = next(s.sentence_id for s in self.sentences if s.start <= start < s.end)
        return sid, start, start + len(surface)

    def mention(self, surface, actor_id, name, actor_type, country=None, role=None, nth=0, method="registry"):
        sid, a, b = self._span(surface, nth)
        self.mentions.append(Mention(sid, a, b, surface, actor_id, name, actor_type, country, role, method))
        return self

    def timex(self, surface, date, precision="day", nth=0, kind="date"):
        sid, a, b = self._span(surface, nth)
        self.timexes.append(Timex(sid, a, b, surface, kind, str(date), date, precision, "published_at"))
        return self

    def statements(self, published=dt.date(2018, 11, 23)) -> list[Statement]:
        mentions = sorted(self.mentions, key=lambda m: m.start)
        timexes = sorted(self.timexes, key=lambda t: t.start)
        out = list(iter_statements(self.sentences, mentions, timexes, published=published))
        for st in out:
            assert self.text[st.content_start:st.content_end] == st.content
        return out


def test_the_person_wins_over_the_country_inside_the_speaker():
    art = Article(["Trước đó, ngày 16/7, Tổng thống Nga Putin cho rằng cần có sự đảm bảo của quốc tế."])
    art.mention("Nga", "Q159", "Russia", "country", "RUS").mention("Putin", "Q7747", "Vladimir Putin", "person", "RUS")
    (st,) = art.statements()
    assert (st.speaker_id, st.speaker_name, st.speaker_type, st.speaker_country) == ("Q7747", "Vladimir Putin", "person", "RUS")
    assert st.speaker_surface == "Tổng thống Nga Putin" and st.verb == "cho rằng"


def test_the_institution_wins_over_the_place_and_a_source_in_front_does_not_speak():
    art = Article(["Theo hãng thông tấn Yonhap, Đại sứ quán Nga tại Triều Tiên ngày 23/11 cho biết hai bên đã gặp nhau."])
    art.mention("Yonhap", "yonhap", "Yonhap", "organization", "KOR")
    art.mention("Đại sứ quán Nga", "emb", "Embassy of Russia in North Korea", "organization", "RUS")
    art.mention("Triều Tiên", "Q423", "North Korea", "country", "PRK")
    art.timex("ngày 23/11", dt.date(2018, 11, 23))
    (st,) = art.statements()
    assert st.speaker_id == "emb" and st.speaker_surface == "Đại sứ quán Nga tại Triều Tiên"
    assert (st.date, st.precision, st.date_source) == (dt.date(2018, 11, 23), "day", "sentence")


@pytest.mark.parametrize(
    "second",
    [
        "Theo ông, quan hệ hai nước đang rất tốt đẹp.",
        "Hồi tháng 1, quan chức ngoại giao này nêu rõ hạn ngạch là 60.000 tấn.",
        "Ông cũng cho biết thêm các bên không vội vàng.",
    ],
)
def test_pronouns_and_descriptions_take_the_last_person(second):
    art = Article(["Đại sứ Matsegora cho biết Nga xuất khẩu dầu sang Triều Tiên.", second])
    art.mention("Matsegora", "matsegora", "Alexander Matsegora", "person", "RUS")
    art.mention("Nga", "Q159", "Russia", "country", "RUS").mention("Triều Tiên", "Q423", "North Korea", "country", "PRK")
    first, st = art.statements()
    assert st.speaker_id == "matsegora" and first.speaker_id == "matsegora"


def test_a_person_inside_the_reported_content_is_not_the_antecedent():
    art = Article(["Ông Lavrov cho biết Tổng thống Putin sẽ thăm Nhật Bản.", "Theo ông, chuyến thăm rất quan trọng."])
    art.mention("Lavrov", "lavrov", "Sergei Lavrov", "person", "RUS")
    art.mention("Putin", "Q7747", "Vladimir Putin", "person", "RUS")
    assert [st.speaker_id for st in art.statements()] == ["lavrov", "lavrov"]


@pytest.mark.parametrize(
    "sentence, mentions, expected",
    [
        ("Cố vấn của Tổng thống Trump, ông John Bolton, cho biết Mỹ sẽ rút quân.",
         [("Trump", "Q22686", "person"), ("John Bolton", "bolton", "person")], "bolton"),
        ('"Không có những tràng vỗ tay", Jon Meacham, nhà sử học nghiên cứu về các đời tổng thống Mỹ, nhận định.',
         [("tổng thống Mỹ", "Q22686", "person")], None),
        ("Người phát ngôn của Bộ Ngoại giao Trung Quốc cho biết Bắc Kinh phản đối.",
         [("Bộ Ngoại giao Trung Quốc", "mfa-chn", "organization"), ("Trung Quốc", "Q148", "country")], "mfa-chn"),
    ],
)
def test_a_person_the_speaker_is_related_to_does_not_speak(sentence, mentions, expected):
    art = Article([sentence])
    for surface, actor_id, actor_type in mentions:
        art.mention(surface, actor_id, surface, actor_type)
    (st,) = art.statements()
    assert st.speaker_id == expected


def test_a_coreference_mention_is_used_as_it_is():
    art = Article(["Ông Galuzin và ông Abe gặp nhau.", "Nhà ngoại giao này cho biết hai nước sẽ hợp tác."])
    art.mention("Galuzin", "galuzin", "Mikhail Galuzin", "person", "RUS").mention("Abe", "abe", "Shinzo Abe", "person", "JPN")
    art.mention("Nhà ngoại giao này", "galuzin", "Mikhail Galuzin", "person", "RUS", method="coreference")
    (st,) = art.statements()
    assert st.speaker_id == "galuzin" and st.speaker_surface == "Nhà ngoại giao này"


def test_a_title_alone_takes_the_person_who_holds_it():
    art = Article(["Ngoại trưởng Nga Sergei Lavrov đến Bình Nhưỡng.", "Ngoại trưởng Nga nói hai bên đã nhất trí."])
    art.mention("Nga", "Q159", "Russia", "country", "RUS")
    art.mention("Sergei Lavrov", "lavrov", "Sergei Lavrov", "person", "RUS", role="Ngoại trưởng")
    art.mention("Bình Nhưỡng", "pyongyang", "Pyongyang", "location", "PRK")
    art.mention("Nga", "Q159", "Russia", "country", "RUS", nth=1)
    (st,) = art.statements()
    assert st.speaker_id == "lavrov"


def test_a_capital_speaks_for_its_country_and_a_country_speaks_for_itself():
    art = Article(["Triều Tiên cảnh báo Mỹ.", "Nga đã kêu gọi nới lỏng các biện pháp trừng phạt.",
                   "Bình Nhưỡng cho biết sẽ đáp trả."])
    art.mention("Triều Tiên", "Q423", "North Korea", "country", "PRK").mention("Mỹ", "Q30", "United States", "country", "USA")
    art.mention("Nga", "Q159", "Russia", "country", "RUS")
    art.mention("Bình Nhưỡng", "pyongyang", "Pyongyang", "location", "PRK")
    warn, call, answer = art.statements()
    assert (warn.speaker_id, warn.content) == ("Q423", "Mỹ")
    assert (call.speaker_id, call.verb, call.content) == ("Q159", "kêu gọi", "nới lỏng các biện pháp trừng phạt")
    assert answer.speaker_id == "Q423" and answer.speaker_surface == "Bình Nhưỡng"


def test_two_cues_in_one_sentence_share_the_speaker():
    art = Article(["Cùng ngày, Tổng thống Mỹ Donald Trump cho biết Nga sẽ hỗ trợ đồng thời cho biết các cuộc đàm phán đang tiến triển."])
    art.mention("Mỹ", "Q30", "United States", "country", "USA").mention("Donald Trump", "Q22686", "Donald Trump", "person", "USA")
    art.mention("Nga", "Q159", "Russia", "country", "RUS")
    one, two = art.statements()
    assert one.content == "Nga sẽ hỗ trợ" and two.content == "các cuộc đàm phán đang tiến triển"
    assert one.speaker_id == two.speaker_id == "Q22686"


def test_an_unresolved_group_keeps_its_words_and_an_unresolved_pronoun_stays_empty():
    group = Article(["Hai bên nhất trí cho rằng cần tăng cường hợp tác."]).statements()
    assert [(st.speaker_id, st.speaker_name, st.speaker_type) for st in group] == [(None, "Hai bên", "group")]
    # a pronoun with nobody before it: there is no one to attribute the statement to, so it is left out
    assert Article(["Ông cho biết hai bên sẽ gặp lại."]).statements() == []
    # a person the registry does not know keeps the name as written, without its honorific
    named = Article(["Trước đó, ông Khlopkov cho rằng Triều Tiên sẽ không đơn phương."]).statements()
    assert [(st.speaker_id, st.speaker_name, st.speaker_type) for st in named] == [(None, "Khlopkov", "person")]


@pytest.mark.parametrize("kind", ["caption", "byline", "source", "title"])
def test_no_statement_outside_the_body(kind):
    art = Article([(kind, "Ông Putin cho biết Nga sẵn sàng.")])
    assert art.statements() == []


def test_no_statement_in_a_duplicate_paragraph():
    art = Article(["Ông Putin cho biết Nga sẵn sàng."])
    art.sentences = [s._replace(is_duplicate=True) for s in art.sentences]
    assert art.statements() == []


# -- dates -------------------------------------------------------------------------------------------------------


def test_a_date_inside_the_content_dates_what_is_reported_not_the_saying():
    art = Article(["Đại sứ quán Nga cho biết tại cuộc gặp ngày 22/11, hai bên đã trao đổi ý kiến."])
    art.timex("ngày 22/11", dt.date(2018, 11, 22))
    art.mention("Đại sứ quán Nga", "embassy", "Đại sứ quán Nga tại Triều Tiên", "organization", "RUS")
    (st,) = art.statements(published=dt.date(2018, 11, 23))
    assert (st.date, st.date_source) == (dt.date(2018, 11, 23), "published_at")


def test_a_month_before_the_cue_dates_the_statement_at_month_precision():
    art = Article(["Hồi tháng trước, Điện Kremlin thông báo, Moskva đã mời ông Kim tới thăm Nga vào tháng 9 tới."])
    art.timex("tháng trước", dt.date(2018, 6, 1), "month").timex("tháng 9 tới", dt.date(2018, 9, 1), "month")
    art.mention("Điện Kremlin", "Q40408", "Điện Kremlin", "organization", "RUS")
    (st,) = art.statements(published=dt.date(2018, 7, 19))
    assert (st.date, st.precision, st.date_source) == (dt.date(2018, 6, 1), "month", "sentence")


def test_the_paragraph_carries_its_date_and_cung_ngay_carries_the_last_one():
    art = Article(
        ["Ngày 18/7, Đại sứ Galuzin cho biết Nga tin vào đối thoại.", "Ông cũng bày tỏ hy vọng hai nước hợp tác."],
        ["Cùng ngày, ông Trump cho biết Nga sẽ hỗ trợ."],
        ["Ông Trump nói các bên không vội."],
    )
    art.timex("Ngày 18/7", dt.date(2018, 7, 18))
    art.mention("Galuzin", "galuzin", "Mikhail Galuzin", "person", "RUS")
    art.mention("Trump", "Q22686", "Donald Trump", "person", "USA").mention("Trump", "Q22686", "Donald Trump", "person", "USA", nth=1)
    a, b, c, d = art.statements(published=dt.date(2018, 7, 19))
    assert (a.date, a.date_source) == (dt.date(2018, 7, 18), "sentence")
    assert (b.date, b.date_source) == (dt.date(2018, 7, 18), "previous")
    assert (c.date, c.date_source) == (dt.date(2018, 7, 18), "previous")
    # the same speaker later, with no date and no new occasion: the occasion the article dated for him
    assert (d.date, d.date_source) == (dt.date(2018, 7, 18), "previous")


def test_an_unresolved_date_before_the_cue_falls_back_to_the_article_date():
    art = Article(["Trước đó, ông Khlopkov cho rằng Triều Tiên sẽ không đơn phương.", "Theo ông, cần có đi có lại."])
    art.timexes.append(Timex(0, 0, 8, "Trước đó", "date", "PAST_REF", None, None, None))
    art.mention("Khlopkov", "khlopkov", "Anton Khlopkov", "person", "RUS")
    first, second = art.statements()
    assert (first.date, first.date_source) == (dt.date(2018, 11, 23), "published_at")
    assert (second.date, second.date_source) == (dt.date(2018, 11, 23), "previous")


def test_the_same_date_words_are_found_in_lower_case_wherever_the_pattern_finds_them():
    # The case-blind "Cùng ngày" pattern runs only on sentences whose lower case holds one of its key words:
    # every character the pattern takes for one of their letters must lower-case to that letter.
    vocab = reports.vocabulary("vi")
    every = "".join(map(chr, range(0x110000)))
    for letter in sorted(set("".join(vocab.same_date_words))):
        assert {x.lower() for x in re.findall(re.escape(letter), every, re.IGNORECASE)} == {letter}


def test_no_article_date_means_no_date():
    (st,) = Article(["Ông Putin cho biết Nga sẵn sàng."]).statements(published=None)
    assert (st.date, st.precision, st.date_source) == (None, None, None)


# --------------------------------------------------------------------------------------------------------------
# The seeds through the whole pipeline


def test_seed_statements_structure_and_dates(seeds_corpus):
    st = seeds_corpus.statements
    art = seeds_corpus.articles.set_index("article_id")["text"]
    for row in st.itertuples():
        assert art[row.article_id][row.content_start:row.content_end] == row.content
    got = [(r.article_id[:3], r.verb, r.content, r.quote_type) for r in st.itertuples()]
    for aid, verb, start, qtype in [
        ("000", "thông báo", "Moskva đã mời nhà lãnh đạo", "indirect"),
        ("000", "khẳng định", "Nga sẵn sàng giúp sức", "indirect"),
        ("000", "nêu rõ", "Nga đã đồng ý hỗ trợ trong", "direct"),
        ("000", "Theo", 'quan hệ giữa Mỹ và Triều Tiên đang "rất', "mixed"),
        ("004", "cho biết", "tại cuộc gặp ngày 22/11, Thứ trưởng", "indirect"),
        ("004", "kêu gọi", "nới lỏng các biện pháp trừng phạt Triều Tiên", "indirect"),
    ]:
        assert any(g[:2] == (aid, verb) and g[2].startswith(start) and g[3] == qtype for g in got), (aid, verb, start)
    dates = {(r.article_id[:3], r.content[:20]): (str(r.date)[:10], r.date_source) for r in st.itertuples()}
    assert dates[("000", "Moskva đã mời nhà lã")] == ("2018-06-01", "sentence")
    assert dates[("000", "hạn ngạch do Liên hợ")] == ("2018-01-01", "sentence")
    assert dates[("000", "để đạt được mục tiêu")] == ("2018-07-16", "sentence")
    assert dates[("000", "Nga sẽ hỗ trợ tiến t")][0] == "2018-07-16"
    assert dates[("000", "Nga và Nhật Bản có c")] == ("2018-07-18", "previous")
    assert dates[("004", "một nhà ngoại giao c")] == ("2018-11-23", "sentence")
    assert dates[("004", "tại cuộc gặp ngày 22")][0] == "2018-11-23"
    assert len(st) == 18


def test_seed_statements_score_against_the_gold(seeds_corpus, seeds_gold):
    actors = pytest.importorskip("newsframes.actors", reason="speakers resolve to mentions: needs the actors stage")
    if not hasattr(actors, "iter_mentions"):
        pytest.skip("the actors stage does not yield mentions yet")
    from newsframes.evaluate import score

    figures, misses = score(seeds_corpus, seeds_gold)
    assert figures["statements"]["f1"] >= 0.9, "\n".join(m for m in misses if "statement" in m)
    assert figures["statement_date_accuracy"] == 1.0, "\n".join(m for m in misses if "statement" in m)


@pytest.mark.parametrize(
    "sentence, mentions, expected",
    [
        # Every mention lies in the apposition after a name the actor pass did not take: the name speaks.
        ("Fairfax Media - công ty truyền thông lớn tại Australia - cho hay các tài liệu đã bị rò rỉ.",
         [("Australia", "Q408", "Australia", "country")], (None, "Fairfax Media")),
        ("Carl Chenetski, Đại học Wilkes ở Pennsylvania, cho biết IgA là tuyến phòng vệ đầu tiên.",
         [("Đại học Wilkes", "wilkes", "Wilkes University", "organization")], (None, "Carl Chenetski")),
        # A role, a dash and a name the actor pass did not take: the person of that name, not the organisation.
        ('"Một vài vụ nổ đã xảy ra", Giám đốc SOHR - Rami Abdel Rahman nói.',
         [("SOHR", "sohr", "Syrian Observatory for Human Rights", "organization")], (None, "Rami Abdel Rahman")),
        # A lower-case role and a name the actor pass did not take: that name; not after kin or a place noun.
        ('"Chúng tôi đã đập tan nghi vấn", phi công Billie Flynn của hãng Lockheed Martin, nói.', [],
         (None, "Billie Flynn")),
        ("Tại buổi tiếp xúc, cử tri Trần Vinh cho rằng phiên chất vấn đã đề cập đến những vấn đề nóng.", [],
         (None, "Trần Vinh")),
        # A person in the apposition is still the speaker; a known name before it too.
        ("ĐẮC LẮC - Sáng 7-2, bác sĩ Huỳnh Như Đồng cho biết cháu An đã qua cơn nguy kịch.",
         [("Huỳnh Như Đồng", "p1", "Huỳnh Như Đồng", "person")], ("p1", "Huỳnh Như Đồng")),
    ],
)
def test_a_name_before_an_apposition_speaks(sentence, mentions, expected):
    art = Article([sentence])
    for surface, aid, name, atype in mentions:
        art.mention(surface, aid, name, atype)
    (st,) = art.statements()
    assert (st.speaker_id, st.speaker_name) == expected


@pytest.mark.parametrize("sentence", [
    "Trong khi đó, chồng Phi Thanh Vân thừa nhận rằng anh đã say rượu.",
    "Cũng theo báo cáo, thành phố Đà Lạt cho rằng phiên chất vấn đã đề cập đến những vấn đề nóng.",
])
def test_kin_or_a_place_before_a_name_gives_no_speaker(sentence):
    assert Article([sentence]).statements() == []
