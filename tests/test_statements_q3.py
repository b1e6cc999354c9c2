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
]


@pytest.mark.parametrize("text,expected", FRAMES)
def test_frames(text, expected):
    assert _got(text) == expected
