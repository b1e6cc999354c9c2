"""Vietnamese sentence segmentation: numbers, abbreviations, initials, ellipses and quotes."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsframes.sentences import iter_sentences, split_sentences
from newsframes.structure import structure_article


def sents(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ông nói. Bà cười.", ["Ông nói.", "Bà cười."]),
        ("Nga xuất khẩu hơn 60.000 tấn mỗi năm. Triều Tiên phụ thuộc.", ["Nga xuất khẩu hơn 60.000 tấn mỗi năm.", "Triều Tiên phụ thuộc."]),
        ("Bãi thử bị phá hủy ngày 24/5/2018. Ảnh: YONHAP/TTXVN", ["Bãi thử bị phá hủy ngày 24/5/2018.", "Ảnh: YONHAP/TTXVN"]),
        ("Ông làm việc tại TP. Hồ Chí Minh từ lâu.", ["Ông làm việc tại TP. Hồ Chí Minh từ lâu."]),
        ("Tại TP.HCM, ThS. Nguyễn Văn A cho biết như vậy.", ["Tại TP.HCM, ThS. Nguyễn Văn A cho biết như vậy."]),
        ("Tổng thống V. Putin và Donald J. Trump gặp nhau. Hai bên hài lòng.", ["Tổng thống V. Putin và Donald J. Trump gặp nhau.", "Hai bên hài lòng."]),
        ("Ông ấy nói... rồi im lặng. Cuộc họp kết thúc.", ["Ông ấy nói... rồi im lặng.", "Cuộc họp kết thúc."]),
        ("Ông ngập ngừng… Rồi ông nói tiếp.", ["Ông ngập ngừng…", "Rồi ông nói tiếp."]),
        ('Ông Trump nêu rõ: "Nga đã đồng ý hỗ trợ." Theo ông, quan hệ tốt.', ['Ông Trump nêu rõ: "Nga đã đồng ý hỗ trợ."', "Theo ông, quan hệ tốt."]),
        ("Có đúng vậy không? Ông không trả lời!", ["Có đúng vậy không?", "Ông không trả lời!"]),
        ("Giá tăng 3,5%. Lãi suất giữ nguyên.", ["Giá tăng 3,5%.", "Lãi suất giữ nguyên."]),
        ("Ngày 24.3.2021, UBND tỉnh ra quyết định.", ["Ngày 24.3.2021, UBND tỉnh ra quyết định."]),
        ("Ông Mr. Smith đến. Ông Dr. Lee đi.", ["Ông Mr. Smith đến.", "Ông Dr. Lee đi."]),
        ("Câu không có dấu chấm cuối", ["Câu không có dấu chấm cuối"]),
        ("Câu một. câu hai viết thường.", ["Câu một. câu hai viết thường."]),
        ("Kết thúc. (Ảnh: Reuters)", ["Kết thúc.", "(Ảnh: Reuters)"]),
        ("Ông nói: “Chúng tôi sẵn sàng.” Bà đồng ý.", ["Ông nói: “Chúng tôi sẵn sàng.”", "Bà đồng ý."]),
        ("Ông xem tài liệu No. A12 hôm qua.", ["Ông xem tài liệu No. A12 hôm qua."]),
        ("", []),
        ("   ", []),
    ],
)
def test_split_sentences(text, expected):
    assert sents(text) == expected


def test_abbreviations_are_read_as_words():
    # YAML reads a bare "No" as false: every abbreviation must come out of structure.yaml as a string
    from newsframes.sentences import _abbreviations

    assert all(isinstance(a, str) for a in _abbreviations("vi"))


def test_offsets_point_into_the_article_text():
    st_ = structure_article("Tiêu đề bài\n\nCâu một. Câu hai.\nẢnh: TTXVN\n\nCâu một. Câu hai.")
    out = list(iter_sentences(st_.text, st_.paragraphs))
    assert [s.text for s in out] == ["Tiêu đề bài", "Câu một.", "Câu hai.", "Ảnh: TTXVN", "Câu một.", "Câu hai."]
    assert [s.kind for s in out] == ["title", "body", "body", "caption", "body", "body"]
    assert [s.is_duplicate for s in out] == [False, False, False, False, True, True]
    assert [s.sentence_id for s in out] == list(range(6))
    for s in out:
        assert st_.text[s.start:s.end] == s.text


VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
words = st.text(alphabet=VIET + VIET.upper(), min_size=1, max_size=8)
tokens = st.one_of(words, st.sampled_from([".", "...", "…", "?", "!", ",", '"', "“", "”", "(", ")", "60.000", "24/5/2018", "TP.", "V.", "\n", "\n\n"]))


@given(st.lists(tokens, max_size=60).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_any_text_round_trips(text):
    """Arbitrary text never raises; spans are ordered, disjoint, trimmed, and cover every non-space character."""
    spans = split_sentences(text)
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        assert not text[last:a].strip()
        last = b
    assert not text[last:].strip()


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_any_unicode_article_round_trips(text):
    st_ = structure_article(text)
    for s in iter_sentences(st_.text, st_.paragraphs):
        assert st_.text[s.start:s.end] == s.text
        assert s.text.strip() == s.text and s.text


def test_caption_and_byline_glued_into_a_crawled_body_line():
    # baomoi crawls join the body into one line: captions and the byline end up inside it.
    text = (
        "Tiêu đề tin\nMở đầu bài viết.\n"
        "Câu một về tàu ngầm. Tàu của lực lượng bảo vệ bờ biển Mỹ. Ảnh: Reuters Ông Putin cho biết như vậy. "
        "Lực lượng cứu hộ tại hiện trường (Ảnh: Reuters) Câu cuối nói về Nga. Tùng Dương"
    )
    st_ = structure_article(text)
    got = [(s.kind, s.text) for s in iter_sentences(st_.text, st_.paragraphs)]
    assert got[2:] == [
        ("body", "Câu một về tàu ngầm."),
        ("caption", "Tàu của lực lượng bảo vệ bờ biển Mỹ."),
        ("caption", "Ảnh: Reuters Ông Putin cho biết như vậy."),
        ("body", "Lực lượng cứu hộ tại hiện trường (Ảnh: Reuters) Câu cuối nói về Nga."),
        ("byline", "Tùng Dương"),
    ]
    assert st_.author == "Tùng Dương"


def test_long_line_ending_with_a_credit_is_body_with_a_caption_sentence():
    body = "Nga và Mỹ đàm phán. " * 30 + "Binh sĩ tại biên giới. Ảnh: AFP"
    st_ = structure_article("Tiêu đề tin\n" + body)
    kinds = [s.kind for s in iter_sentences(st_.text, st_.paragraphs)]
    assert kinds.count("body") == 30 and kinds[-2:] == ["caption", "caption"]
