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
