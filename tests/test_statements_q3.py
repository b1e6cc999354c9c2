"""Statements on world-politics news (third review, bench sentences, shortened): frames with appositions, "theo X"
after a quotation, documents that speak, names before an apposition, unnamed speakers and gendered pronouns."""
from __future__ import annotations

import pytest

from newsframes.reports import find_reports
from tests.test_statements import Article


def _got(text: str) -> list[tuple[str, str, str]]:
    return [(text[r.speaker_start:r.speaker_end] if r.speaker_start is not None else "", r.cue,
             text[r.content_start:r.content_end]) for r in find_reports(text)]


# -- reporting frames -------------------------------------------------------------------------------------------

FRAMES = [
    # "Theo X, apposition, ...": a long apposition that opens with "một" belongs to the speaker.
    ("Theo Moloy Banerjee, một lãnh đạo tại công ty sản xuất ôxy lớn nhất Ấn Độ Linde Plc, mức tiêu thụ ôxy y tế "
     "đã tăng gấp 8 lần.",
     [("Moloy Banerjee, một lãnh đạo tại công ty sản xuất ôxy lớn nhất Ấn Độ Linde Plc", "Theo",
       "mức tiêu thụ ôxy y tế đã tăng gấp 8 lần")]),
    # "theo X" after a whole quotation: X (a name, not only a person) said it.
    ('"Hãy coi sự khiêu khích này là lời kêu gọi mọi quốc gia áp đặt trừng phạt mạnh hơn", theo Nhà Trắng.',
     [("Nhà Trắng", "theo", "Hãy coi sự khiêu khích này là lời kêu gọi mọi quốc gia áp đặt trừng phạt mạnh hơn")]),
    # ... but not after an unquoted clause (a source or a plan), nor a medium.
    ("Máy bay sẽ cất cánh lúc 10 giờ sáng mai, theo Bộ Giao thông.", []),
    ('"Chúng tôi sẽ đáp trả", theo Reuters.', []),
    # A cue's content ends before a trailing ", theo X".
    ("Hãng EgyptAir cho hay máy bay mất liên lạc với mặt đất khi cách bờ biển Ai Cập khoảng 280 km, theo ông Adel.",
     [("Hãng EgyptAir", "cho hay", "máy bay mất liên lạc với mặt đất khi cách bờ biển Ai Cập khoảng 280 km")]),
    # A document (of a body) speaks.
    ('"Chúng tôi lên án vụ tấn công", thông báo của Nhà Trắng cho hay.',
     [("thông báo của Nhà Trắng", "cho hay", "Chúng tôi lên án vụ tấn công")]),
    ("Về vấn đề chủ quyền đối với quần đảo Hoàng Sa, tuyên bố của phái đoàn Việt Nam khẳng định: “Chúng tôi "
     "xin khẳng định”.",
     [("tuyên bố của phái đoàn Việt Nam", "khẳng định", "Chúng tôi xin khẳng định")]),
    ('"Washington D.C có nền kinh tế mạnh mẽ", tuyên bố viết.',
     [("tuyên bố", "viết", "Washington D.C có nền kinh tế mạnh mẽ")]),
    # After a quotation, a name and its appositions speak (not the last apposition).
    ('"Cảm giác như chúng tôi đang ở giữa chiến trường", Mamtesh Sharma, một quản lý tại nhà hỏa táng cho biết.',
     [("Mamtesh Sharma, một quản lý tại nhà hỏa táng", "cho biết", "Cảm giác như chúng tôi đang ở giữa chiến trường")]),
    ('"Hiện chưa thể đưa ra giải pháp nào", Xing Aiguo, giáo sư chuyên về kỹ thuật dân dụng tại Đại học Jiao Tong, '
     'một thành viên nhóm nghiên cứu, cho biết.',
     [("Xing Aiguo, giáo sư chuyên về kỹ thuật dân dụng tại Đại học Jiao Tong, một thành viên nhóm nghiên cứu",
       "cho biết", "Hiện chưa thể đưa ra giải pháp nào")]),
    # "với" and a share is no recipient.
    ("Bộ trưởng Nội vụ Wolfgang Sobotka cho biết với 50,3% số phiếu bầu, ông Van der Bellen đã vượt qua ông Hofer.",
     [("Bộ trưởng Nội vụ Wolfgang Sobotka", "cho biết",
       "với 50,3% số phiếu bầu, ông Van der Bellen đã vượt qua ông Hofer")]),
    ("Ông Lavrov nói với 3 phóng viên về chuyến thăm.", []),
    # A proposal that opens the sentence is no statement, and the verb after it has its own subject.
    ("Đáp lại đề nghị, Tổng thống Putin hôm qua tuyên bố sẵn sàng thảo luận với người đồng cấp Ukraine.",
     [("Đáp lại đề nghị, Tổng thống Putin", "tuyên bố", "sẵn sàng thảo luận với người đồng cấp Ukraine")]),
    # To claim sovereignty is no statement.
    ("Ngoài ra, Trung Quốc cũng đã tuyên bố chủ quyền đối với hầu hết Biển Đông.", []),
    ("Philippines khẳng định chủ quyền đối với bãi cạn Scarborough.", []),
    # A verb after "mới nhất", "đầu tiên" opens a relative clause of the subject.
    ("Nhật Bản, quốc gia mới nhất đề nghị giúp đỡ Ấn Độ, hôm nay thông báo rằng nước này sẽ gửi 300 máy thở.",
     [("Nhật Bản", "thông báo", "nước này sẽ gửi 300 máy thở")]),
    ('Denis Hayes, người tổ chức lễ kỷ niệm đầu tiên cho biết: "Hồi đó chúng tôi chưa có internet".',
     [("Denis Hayes, người tổ chức lễ kỷ niệm đầu tiên", "cho biết", "Hồi đó chúng tôi chưa có internet")]),
    # A document in lower case after an adverbial is no main subject for a verb further on.
    ("Từ hướng dẫn, thông báo của cơ sở đào tạo giáo viên, sinh viên trúng tuyển sẽ nộp đơn đề nghị hưởng hỗ trợ và "
     "cam kết bồi hoàn học phí.", []),
]


@pytest.mark.parametrize("text,expected", FRAMES)
def test_frames(text, expected):
    assert _got(text) == expected


# -- speakers -----------------------------------------------------------------------------------------------------

# (sentence, mentions (surface, id, name, type, country), expected speaker names of the statements)
UNNAMED = [
    # An unnamed speaker is nobody the table can name: not the place or body its description names.
    ('Theo một nhà ngoại giao Thổ Nhĩ Kỳ, Ankara "đang tự dồn mình vào góc" bằng việc ủng hộ Qatar.',
     [("Thổ Nhĩ Kỳ", "Q43", "Turkey", "country", "TUR")], []),
    ("Một số nhà khoa học Trung Quốc đề xuất Trung Quốc có thể tính đến đào một đường hầm khoảng 16km.",
     [("Trung Quốc", "Q148", "China", "country", "CHN")], []),
    ('"Việc hành động một cách an toàn thì có gì sai ở đây?", một tài khoản Twitter bình luận.',
     [("Twitter", "twitter", "Twitter", "organization", "USA")], []),
    # ... but one who speaks for a body by office, or its document, speaks for the body.
    ("Một lãnh đạo Sở Y tế TP Hải Phòng cho biết bệnh viện đã đủ giường.",
     [("Sở Y tế TP Hải Phòng", "soyt", "Sở Y tế TP Hải Phòng", "organization", "VNM")], ["Sở Y tế TP Hải Phòng"]),
    # A place after "tại", "ở" says where the speaker is.
    ("Tổ chức Theo dõi Nhân quyền có trụ sở tại Mỹ cho biết nhiều người đã bị bắt.",
     [("Mỹ", "Q30", "United States", "country", "USA")], []),
    ("Chị Nguyễn Huyền, người chuyên bán ve sầu ở Hà Nội cho biết giá đã tăng gấp đôi.",
     [("Hà Nội", "hanoi", "Hà Nội", "location", "VNM")], ["Nguyễn Huyền"]),
    # A person the actor pass left unnamed, with where they live or study after the name, speaks (bench).
    ("Chị L.A (Hà Nội), một người chơi Pchome cho biết, chị được một người quen giới thiệu ứng dụng.",
     [("Hà Nội", "hanoi", "Hà Nội", "location", "VNM")], ["L.A"]),
    ("Anh Phương - người dân ở Thừa Thiên Huế thường đi Đà Nẵng nói giá vé quá cao.",
     [("Thừa Thiên Huế", "hue", "Thừa Thiên Huế", "location", "VNM"), ("Đà Nẵng", "danang", "Đà Nẵng", "location", "VNM")],
     ["Phương"]),
    # A body the actor pass does not know, named after its city, speaks, not the city (bench).
    ("ĐH Quốc gia Hà Nội cho biết sinh viên sẽ học trực tuyến từ tuần sau.",
     [("Hà Nội", "hanoi", "Hà Nội", "location", "VNM")], ["ĐH Quốc gia Hà Nội"]),
    ("UBND TP. Hà Nội yêu cầu Tập đoàn Vingroup bàn giao kết quả đã nghiên cứu.",
     [("Hà Nội", "hanoi", "Hà Nội", "location", "VNM")], ["UBND TP. Hà Nội"]),
    # A named person inside still speaks.
    ("Một quan chức Mỹ, ông John Kirby, cho biết Washington sẽ gửi thêm viện trợ.",
     [("Mỹ", "Q30", "United States", "country", "USA"), ("John Kirby", "kirby", "John Kirby", "person", "USA")],
     ["John Kirby"]),
]


@pytest.mark.parametrize("sentence,mentions,expected", UNNAMED)
def test_unnamed_speakers_are_not_the_place_or_body_they_name(sentence, mentions, expected):
    art = Article([sentence])
    for surface, actor_id, name, actor_type, country in mentions:
        art.mention(surface, actor_id, name, actor_type, country)
    assert [st.speaker_name for st in art.statements()] == expected


def test_what_refers_back_to_an_unnamed_speaker_speaks_for_nobody():
    art = Article(["Hơn nữa, một quan chức Mỹ thừa nhận mối nguy hiểm tích tụ khi IS sử dụng mạng lưới buôn người.",
                   '"IS có thể lợi dụng người tị nạn để tấn công Mỹ" - quan chức này nhấn mạnh.'])
    art.mention("Mỹ", "Q30", "United States", "country", "USA")
    assert art.statements() == []


# (paragraphs, persons (surface, id, name), expected speaker ids)
GENDER = [
    # "cô", "bà" never speak for the last "ông X" ...
    (["Ông Emre Telci, luật sư của bị cáo, cho rằng bản án là vô lý.",
      "Về phía hoa hậu, cô nói rằng cô đã xóa bài thơ khỏi Instagram."],
     [("Emre Telci", "telci", "Emre Telci")], ["telci"]),
    # ... but for the last person an honorific made female, past a man named later.
    (["Bà Angela Merkel gặp ông Emmanuel Macron tại Berlin.", "Bà cho biết Đức ủng hộ kế hoạch này."],
     [("Angela Merkel", "merkel", "Angela Merkel"), ("Emmanuel Macron", "macron", "Emmanuel Macron")], ["merkel"]),
    (["Bà Angela Merkel gặp ông Emmanuel Macron tại Berlin.", "Ông cho biết Pháp ủng hộ kế hoạch này."],
     [("Angela Merkel", "merkel", "Angela Merkel"), ("Emmanuel Macron", "macron", "Emmanuel Macron")], ["macron"]),
    # A capitalised "Anh" before a name is England, no honorific.
    (["Thủ tướng Anh Theresa May gặp ông Emmanuel Macron.", "Bà nói rằng Anh sẽ rời EU đúng hạn."],
     [("Theresa May", "may", "Theresa May"), ("Emmanuel Macron", "macron", "Emmanuel Macron")], ["may"]),
]


@pytest.mark.parametrize("sentences,persons,expected", GENDER)
def test_a_gendered_pronoun_speaks_for_a_person_of_that_gender(sentences, persons, expected):
    art = Article(sentences)
    for surface, actor_id, name in persons:
        art.mention(surface, actor_id, name, "person")
    assert [st.speaker_id for st in art.statements()] == expected
