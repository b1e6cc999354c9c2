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


def test_a_speaker_keeps_the_date_of_the_occasion_the_article_gave_earlier(parse_text):
    # An interview dated in the lead; the quotes from it, paragraphs later, are dated by it, not by the article.
    corpus = parse_text(
        "Ukraine kêu gọi đối thoại\n\n"
        "Trong cuộc phỏng vấn với Reuters ngày 21/4, Ngoại trưởng Ukraine Dmytro Kuleba cho biết Kiev muốn hòa bình.\n\n"
        "Nga đã điều thêm quân tới biên giới.\n\n"
        "Ông Kuleba nói rằng Ukraine sẽ không khiêu khích."
    )
    st = corpus.statements
    assert st.speaker_name.tolist() == ["Dmytro Kuleba", "Dmytro Kuleba"]
    assert [d.strftime("%Y-%m-%d") for d in st.date] == ["2021-04-21", "2021-04-21"]
    assert st.date_source.tolist() == ["sentence", "previous"]


def test_a_date_inside_a_quote_that_runs_over_sentences_does_not_date_what_follows(parse_text):
    corpus = parse_text(
        "Mỹ rút quân khỏi Afghanistan\n\n"
        'Ngày 14/4, Tổng thống Mỹ Joe Biden nói: "Chúng tôi sẽ rút quân. Việc này sẽ xong vào ngày 11/9."\n\n'
        "Ông Biden cũng cho biết Mỹ sẽ tiếp tục hỗ trợ Afghanistan."
    )
    st = corpus.statements
    assert st.speaker_name.tolist() == ["Joe Biden", "Joe Biden"]
    assert [d.strftime("%Y-%m-%d") for d in st.date] == ["2021-04-14", "2021-04-14"]


def test_a_new_occasion_without_a_date_takes_the_article_date_not_the_speakers_last(parse_text):
    corpus = parse_text(
        "Mỹ và Nga đối thoại\n\n"
        "Ngày 16/7, Tổng thống Mỹ Donald Trump cho biết Nga sẽ hỗ trợ.\n\n"
        'Trong một tuyên bố đăng tải trên Twitter, Tổng thống Trump nêu rõ: "Nga đã đồng ý hỗ trợ".'
    )
    st = corpus.statements
    assert st.speaker_name.tolist() == ["Donald Trump", "Donald Trump"]
    assert st.date_source.tolist() == ["sentence", "published_at"]
    assert [d.strftime("%Y-%m-%d") for d in st.date] == ["2021-07-16", "2021-04-20"]


@pytest.mark.parametrize("content, empty", [
    ("những cáo buộc này", True),
    ("cáo buộc trên", True),
    ("trước Quốc hội Mỹ", True),
    ("cách đây hai năm", True),
    ("Reuters)", True),
    ("", True),
    ("Nga sẵn sàng giúp sức", False),
    ("các cuộc đàm phán đang tiến triển", False),
    ("tại cuộc gặp ngày 22/11, hai bên đã trao đổi ý kiến về tình hình trên bán đảo", False),
    ("Mỹ sẽ không chấp nhận điều này", False),  # a clause that ends with a pointing word still reports
    ("Mỹ không chấp nhận điều này", False),
    ("việc này", True),
])
def test_contents_that_report_nothing(content, empty):
    from newsframes.statements import _empty_content

    assert _empty_content("vi", content) is empty


def test_a_verb_with_a_pointing_object_or_an_audience_reports_nothing(parse_text):
    corpus = parse_text(
        "Trung Quốc phản đối\n\nTrung Quốc nhiều lần bác bỏ những cáo buộc này. "
        "Tổng thống Biden phát biểu trước Quốc hội Mỹ tối ngày 28/4 (Ảnh: Reuters). "
        "Bộ Ngoại giao Trung Quốc khẳng định Bắc Kinh không can thiệp."
    )
    assert corpus.statements.verb.tolist() == ["khẳng định"]


@pytest.mark.parametrize("text, speakers", [
    # A document as subject: its issuer, who spoke last.
    ("EU lo ngại\n\nTrong tuyên bố ngày 24/4, EU nói rằng tình hình đang căng thẳng. "
     "Tuyên bố nêu rõ, EU ủng hộ tiến trình do ASEAN dẫn dắt.", ["Liên minh châu Âu", "Liên minh châu Âu"]),
    # "Người phát ngôn trên" with no person before: the spokesperson's organisation that spoke.
    ("Trung Quốc phản đối\n\nBộ Ngoại giao Trung Quốc cho biết Bắc Kinh phản đối. "
     'Người phát ngôn trên nói: "Biển Đông không nên trở thành công cụ".',
     ["Bộ Ngoại giao Trung Quốc", "Bộ Ngoại giao Trung Quốc"]),
])
def test_documents_and_descriptions_speak_for_the_last_speaker(parse_text, text, speakers):
    assert parse_text(text).statements.speaker_name.tolist() == speakers


@pytest.mark.parametrize("text, country", [
    # "trẻ em", "anh em" are words: their last syllable is no honorific, and the country after them is the country.
    ("Ông Biden cho rằng, Mỹ đang bị tụt hậu. Ông nói cần đầu tư vào các gia đình và trẻ em Mỹ. Mỹ sẽ thắng.", "Mỹ"),
    ("Chiến dịch tiêm chủng cho trẻ em Nga bắt đầu hôm qua tại Moskva.", "Nga"),
])
def test_a_word_ending_in_a_kinship_syllable_is_no_honorific(parse_text, text, country):
    mentions = parse_text(text).mentions
    named = mentions[mentions.surface == country]
    assert len(named) and set(named.actor_type) == {"country"}


@pytest.mark.parametrize("text, speakers", [
    # A bare role: the last person named with it.
    ("Nga và Nhật Bản\n\nĐại sứ Nga tại Nhật Bản Mikhail Galuzin cho biết Nga tin vào đối thoại. "
     "Đại sứ cũng bày tỏ hy vọng hai nước hợp tác.", ["Mikhail Galuzin", "Mikhail Galuzin"]),
    # A bare kind of body: the last one named of that kind.
    ("Tàu bị cướp\n\nHiệp hội Hàng hải Ấn Độ cho biết thủy thủ đoàn vẫn an toàn. "
     "Hiệp hội khẳng định sẽ làm việc với các bên.", None),
])
def test_a_bare_role_or_body_speaks_for_the_last_one_named(parse_text, text, speakers):
    got = parse_text(text).statements.speaker_name.tolist()
    if speakers is None:  # the body's own name, whatever the registry calls it, for both
        assert len(got) == 2 and got[0] == got[1] and got[0] is not None
    else:
        assert got == speakers


@pytest.mark.parametrize("text, name", [
    ("Bộ Y tế yêu cầu Hà Nam khẩn trương truy vết các ca bệnh.", "Bộ Y tế"),
    ("Bộ Y tế đánh giá Tây Nam Bộ là khu vực có nguy cơ cao.", "Bộ Y tế"),
    ("Ban Quản lý dự án Đường sắt cho biết tiến độ đang chậm.", "Ban Quản lý dự án Đường sắt"),  # no verb: one name
])
def test_a_verb_ends_the_lower_case_stretch_of_a_body_name(parse_text, text, name):
    mentions = parse_text(text).mentions
    assert name in set(mentions[mentions.actor_type == "organization"].actor_name)
