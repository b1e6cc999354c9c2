"""Statements on world-politics news (second review, bench sentences, shortened): the dates a statement may take,
speakers, and reporting frames."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.test_statements import Article

# -- dates --------------------------------------------------------------------------------------------------------

# (paragraph, timexes (surface, date, precision), mentions (surface, id, name, type), published,
#  expected (date, date_source) of the one statement)
DATES = [
    # A period that starts after the article's date is a goal or a plan, not when anybody spoke.
    (["Xung quanh chủ trương đến năm 2015, Bộ trưởng Phạm Thị Hải Chuyền cho biết: Thủ tướng đã ban hành "
      "Quyết định số 167."],
     [("năm 2015", dt.date(2015, 1, 1), "year")],
     [("Phạm Thị Hải Chuyền", "chuyen", "Phạm Thị Hải Chuyền", "person")],
     dt.date(2013, 10, 20), (dt.date(2013, 10, 20), "published_at")),
    (["Singapore và Malaysia đã điều các tàu cứu hộ và dự kiến sẽ đến khu vực tìm kiếm vào ngày 24/4.",
      "Quân đội Indonesia cho biết Australia, Mỹ, Đức cũng đã đề nghị hỗ trợ."],
     [("ngày 24/4", dt.date(2021, 4, 24), "day")],
     [("Quân đội Indonesia", "tni", "Quân đội Indonesia", "organization")],
     dt.date(2021, 4, 23), (dt.date(2021, 4, 23), "published_at")),
    # A year before the statement is the story's background: it does not carry on to what is said next.
    (["Ông chủ điện Kremlin cũng nhắc lại lịch sử hồi đầu thập niên 1900.",
      "Thủ tướng Manmohan Singh khẳng định Ấn Độ sẽ không bao giờ quên tình bạn của Nga."],
     [("đầu thập niên 1900", dt.date(1900, 1, 1), "year")],
     [("Manmohan Singh", "singh", "Manmohan Singh", "person")],
     dt.date(2013, 10, 22), (dt.date(2013, 10, 22), "published_at")),
    (["Cụ thể, nếu bình quân giai đoạn 2008-2012 nguồn lực đầu tư khoảng 90.000 tỷ đồng/năm.",
      "Bộ trưởng Phạm Thị Hải Chuyền khẳng định, nguồn lực cho giảm nghèo không giảm mà còn tăng."],
     [("2008-2012", dt.date(2008, 1, 1), "year")],
     [("Phạm Thị Hải Chuyền", "chuyen", "Phạm Thị Hải Chuyền", "person")],
     dt.date(2013, 10, 20), (dt.date(2013, 10, 20), "published_at")),
    # So is a day long before the article's date.
    (["Cách đây 71 năm, ngày 6/8/1945, quân đội Mỹ đã thả quả bom nguyên tử đầu tiên xuống thành phố Hiroshima.",
      "Thủ tướng Abe cho biết ông không mong chờ lời xin lỗi từ Tổng thống Obama."],
     [("ngày 6/8/1945", dt.date(1945, 8, 6), "day")],
     [("Abe", "abe", "Shinzo Abe", "person"), ("Obama", "obama", "Barack Obama", "person")],
     dt.date(2016, 5, 27), (dt.date(2016, 5, 27), "published_at")),
    # A recent day still carries on in its paragraph.
    (["Hai nhà lãnh đạo Nga - Ấn Độ gặp gỡ tại Kremlin ngày 21/10.",
      "Thủ tướng Manmohan Singh khẳng định Ấn Độ sẽ không bao giờ quên tình bạn của Nga."],
     [("ngày 21/10", dt.date(2013, 10, 21), "day")],
     [("Manmohan Singh", "singh", "Manmohan Singh", "person")],
     dt.date(2013, 10, 22), (dt.date(2013, 10, 21), "previous")),
    # A year in the statement's own sentence still dates it.
    (["Năm 2011, ông Abe cho biết Nhật Bản sẽ tăng chi tiêu quốc phòng."],
     [("Năm 2011", dt.date(2011, 1, 1), "year")],
     [("Abe", "abe", "Shinzo Abe", "person")],
     dt.date(2013, 10, 22), (dt.date(2011, 1, 1), "sentence")),
]


@pytest.mark.parametrize("para,timexes,mentions,published,expected", DATES)
def test_background_and_coming_dates_do_not_date_a_statement(para, timexes, mentions, published, expected):
    art = Article(para)
    for surface, date, precision in timexes:
        art.timex(surface, date, precision)
    for surface, actor_id, name, actor_type in mentions:
        art.mention(surface, actor_id, name, actor_type)
    (st,) = art.statements(published=published)
    assert (st.date, st.date_source) == expected


# -- reporting frames -------------------------------------------------------------------------------------------

from newsframes.reports import find_reports  # noqa: E402


def _got(text: str) -> list[tuple[str, str, str]]:
    return [(text[r.speaker_start:r.speaker_end] if r.speaker_start is not None else "", r.cue,
             text[r.content_start:r.content_end]) for r in find_reports(text)]


FRAMES = [
    # After a quotation, what follows the verb is an adjunct however long, or a clause of its own.
    ('"Đó là một tàu ngầm cổ điển", Phó đô đốc hải quân Pháp Antoine Beaussant nói vớiAFP.',
     [("Phó đô đốc hải quân Pháp Antoine Beaussant", "nói", "Đó là một tàu ngầm cổ điển")]),
    ('"Hy vọng có thể tìm thấy tàu trước thời điểm này", ông Margono nói tại Bali trong cuộc họp báo có sự tham dự '
     'của Bộ trưởng Quốc phòng Prabowo Subianto và Tư lệnh Lực lượng vũ trang Hadi Tjahjanto.',
     [("ông Margono", "nói", "Hy vọng có thể tìm thấy tàu trước thời điểm này")]),
    ('"Nếu những thiết bị lọc đó bị hỏng, nó sẽ dẫn đến các vấn đề", SCMP dẫn lời ông Koh nói, đề cập đến thiết bị '
     'hấp thụ CO2.',
     [("ông Koh", "nói", "Nếu những thiết bị lọc đó bị hỏng, nó sẽ dẫn đến các vấn đề")]),
    ('"Apple tôn trọng quyền riêng tư", Apple cho biết trong phần mô tả ngắn gọn nội dung của bản cập nhật iOS 14.5.',
     [("Apple", "cho biết", "Apple tôn trọng quyền riêng tư")]),
    # A second verb right after such an attribution has its speaker ...
    ('"Nếu con tàu chìm xuống đáy biển, nó vượt xa so với độ sâu mà tàu chịu đựng được", Zachary Abuza, giáo sư '
     'nghiên cứu về Đông Nam Á, cho biết, nói thêm rằng số phận các thủy thủ rất mong manh.',
     [("Zachary Abuza, giáo sư nghiên cứu về Đông Nam Á", "cho biết",
       "Nếu con tàu chìm xuống đáy biển, nó vượt xa so với độ sâu mà tàu chịu đựng được"),
      ("Zachary Abuza, giáo sư nghiên cứu về Đông Nam Á", "nói thêm", "số phận các thủy thủ rất mong manh")]),
    ('"Thép là đầu ra của Hòa Phát", ông nói và cho biết điều này không ảnh hưởng biên lợi nhuận gộp của Hòa Phát.',
     [("ông", "nói", "Thép là đầu ra của Hòa Phát"),
      ("ông", "cho biết", "điều này không ảnh hưởng biên lợi nhuận gộp của Hòa Phát")]),
    # ... but not after "khi": the clause says when, not what.
    ('"Tôi không ngạc nhiên khi nó lập kỷ lục thế giới", Mark Salzberg cho biết, khi xác nhận tính xác thực của '
     'đồng xu.',
     [("Mark Salzberg", "cho biết", "Tôi không ngạc nhiên khi nó lập kỷ lục thế giới")]),
    # A marked verb, then where it was said ("trên" is no "nói trên" here), then "rằng" or a colon.
    ('Ông bình luận trên Twitter: "Việc rút dần quân khỏi biên giới hai nước sẽ hạ nhiệt căng thẳng".',
     [("Ông", "bình luận", "Việc rút dần quân khỏi biên giới hai nước sẽ hạ nhiệt căng thẳng")]),
    ('Công ty Thyssenkrupp viết trên trang web của mình rằng, Type 209 được lấy cảm hứng từ các tàu ngầm ven biển.',
     [("Công ty Thyssenkrupp", "viết", "Type 209 được lấy cảm hứng từ các tàu ngầm ven biển")]),
    ('Hôm 7/2, Bộ trưởng Ngoại giao Trung Quốc Vương Nghị phát biểu trước các phóng viên ở Canberra, Australia rằng: '
     '“Không thể có xung đột giữa Trung Quốc và Mỹ”.',
     [("Bộ trưởng Ngoại giao Trung Quốc Vương Nghị", "phát biểu", "Không thể có xung đột giữa Trung Quốc và Mỹ")]),
    # A comma before a clause ends the gap: the content starts at the verb.
    ('Cựu danh thủ Thái Lan nhận định trong tương lai xa, Kiatisuk có thể thay HLV Park Hang Seo: "Tôi nghĩ anh ấy '
     'có cơ hội rất lớn".',
     [("Cựu danh thủ Thái Lan", "nhận định",
       'trong tương lai xa, Kiatisuk có thể thay HLV Park Hang Seo: "Tôi nghĩ anh ấy có cơ hội rất lớn"')]),
    ('Tuyên bố trên cho thấy Mỹ sẽ không nhượng bộ.', []),
]


@pytest.mark.parametrize("text,expected", FRAMES)
def test_frames_after_a_quotation_and_gaps_before_the_content(text, expected):
    assert _got(text) == expected


# -- speakers -----------------------------------------------------------------------------------------------------


def test_a_description_speaks_for_the_one_the_last_statement_described():
    art = Article(["Thêm vào đó, trung tướng Mỹ Joseph Martin khẳng định: \"Đây là tội ác chống lại nhân dân Mosul\".",
                   "Hơn nữa, một quan chức Mỹ thừa nhận mối nguy hiểm tích tụ khi IS sử dụng các mạng lưới buôn người.",
                   "\"IS có thể lợi dụng người tị nạn từ Trung Đông để tấn công Mỹ\" - quan chức này nhấn mạnh."])
    art.mention("Mỹ", "Q30", "United States", "country", "USA")
    art.mention("Joseph Martin", "martin", "Joseph Martin", "person", "USA")
    art.mention("Mỹ", "Q30", "United States", "country", "USA", nth=1)
    art.mention("IS", "is", "IS", "organization", nth=0)
    art.mention("quan chức này", "martin", "Joseph Martin", "person", "USA", method="coreference")
    # (an unnamed official is nobody the table can name, not the United States: neither it nor "quan chức này",
    # which refers back to it, makes a row; Joseph Martin does not take them)
    (martin,) = art.statements()
    assert martin.speaker_id == "martin"


@pytest.mark.parametrize("text,expected", [
    ("Mẹ của bé 4 tuổi Yana, bà Tamara Clishova kể với đài phát thanh rằng bé gái bị mệt và xúc động một chút.",
     [("Mẹ của bé 4 tuổi Yana, bà Tamara Clishova", "kể", "bé gái bị mệt và xúc động một chút")]),
    ("Công ty TNHH Viphaco và 5 hộ kinh doanh kể trên đã có hành vi vi phạm hành chính: Hoạt động sản xuất trái phép.",
     []),
])
def test_ke_reports_only_with_a_marker(text, expected):
    assert _got(text) == expected
