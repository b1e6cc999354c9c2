"""Who a statement is attributed to: honorifics that open a later sentence, names the actor pass did not take, and
statements with nobody to attribute them to (left out). Sentences quoted from the bench corpus or built on its
patterns."""
from __future__ import annotations

import pytest

import newsframes as nf
from newsframes.reports import vocabulary
from newsframes.statements import _proper_name


@pytest.fixture(scope="module")
def parse_text():
    from newsframes.read import RawArticle

    def run(text: str) -> nf.Corpus:
        return nf.parse(iter([RawArticle("test#1", "a", text)]), reference_date="2021-04-20", progress=False)

    return run


@pytest.mark.parametrize("text, speaker", [
    # "Ông"/"Bà" opening any sentence, not only the first, introduce the person.
    ("Nga sẽ phản đối. Ông Biden cho rằng Nga đã sai.", "Joe Biden"),
    ("Mỹ đang bị tụt hậu. Ông Putin nói rằng Moskva sẵn sàng đối thoại.", "Vladimir Putin"),
    ("Hội nghị kết thúc hôm qua. Bà Merkel khẳng định châu Âu cần đoàn kết.", "Angela Merkel"),
])
def test_an_honorific_opening_a_later_sentence_names_the_speaker(parse_text, text, speaker):
    corpus = parse_text(text)
    assert corpus.statements.speaker_name.tolist() == [speaker]
    assert corpus.statements.speaker_id.notna().all()
    assert speaker in set(corpus.mentions.actor_name)


@pytest.mark.parametrize("surface, name", [
    ("Kate Winslet", "Kate Winslet"),
    ("Solskjaer", "Solskjaer"),
    ("CDC", "CDC"),
    ("Trương Hằng", "Trương Hằng"),
    ("Jon Meacham, nhà sử học nghiên cứu về các đời tổng thống Mỹ", "Jon Meacham"),
    ("Ông Des Ball - một chuyên gia tình báo -", None),
    ("Des Ball - một chuyên gia tình báo -", "Des Ball"),
    ("Ông", None),
    ("Họ", None),
    ("Nhiều người", None),
    ("Các chuyên gia", None),
    ("các nhà khoa học", None),
    ("Đáng", None),  # "Đáng chú ý, ..." opens a sentence: a word, not a name
    ("H", None),
    ("Một nguồn tin", None),
    ("Bất chấp việc các lệnh trừng phạt", None),
])
def test_proper_name_fallback(surface, name):
    assert _proper_name(vocabulary("vi"), surface) == name


def test_a_statement_with_nobody_to_attribute_it_to_is_left_out(parse_text):
    corpus = parse_text(
        "Nhiều người cho rằng giá xăng sẽ tăng. Bộ trưởng Tài chính Mỹ Janet Yellen cho biết lạm phát sẽ giảm."
    )
    assert corpus.statements.speaker_name.tolist() == ["Janet Yellen"]
    assert corpus.statements.speaker_name.notna().all()
