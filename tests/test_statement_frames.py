"""Reporting frames found on world-politics news (bench sentences, shortened): a quotation attributed after it
with trailing material, "V + rằng" verbs, light-verb frames, "cho biết:" closing a sentence, dash
parentheticals between a speaker and the verb."""
from __future__ import annotations

import pytest

from newsframes.reports import find_reports


def _got(text: str) -> list[tuple[str, str, str]]:
    return [(text[r.speaker_start:r.speaker_end] if r.speaker_start is not None else "", r.cue,
             text[r.content_start:r.content_end]) for r in find_reports(text)]


# A quotation, then ", SPEAKER (đã) VERB" and an adjunct tail (a recipient, a time, a "khi" clause).
TRAILING = [
    ('"Tôi không làm sai bất cứ điều gì", ông nói với những người ủng hộ.',
     [("ông", "nói", "Tôi không làm sai bất cứ điều gì")]),
    ('"Chúng tôi đã tập trung vào các cuộc trao đổi quân sự", ông Mattis đã nói với báo chí hôm 09/5.',
     [("ông Mattis", "nói", "Chúng tôi đã tập trung vào các cuộc trao đổi quân sự")]),
    ('"Quyết định gặp hay không chẳng có ý nghĩa gì", So Se Pyong, đặc phái viên của Triều Tiên tại Liên Hợp '
     'Quốc, nói khi đang trên đường rời Bình Nhưỡng.',
     [("So Se Pyong, đặc phái viên của Triều Tiên tại Liên Hợp Quốc", "nói",
       "Quyết định gặp hay không chẳng có ý nghĩa gì")]),
    ('"Biết láng giềng của mình thực sự nghĩ gì là rất quan trọng" - giáo sư Ball nói với Fairfax Media.',
     [("giáo sư Ball", "nói", "Biết láng giềng của mình thực sự nghĩ gì là rất quan trọng")]),
    ('"Ấn Độ sẽ không nhượng bộ" - đại sứ Ấn Độ Ajai Malhotra tiết lộ với các phóng viên tại một cuộc họp báo.',
     [("đại sứ Ấn Độ Ajai Malhotra", "tiết lộ", "Ấn Độ sẽ không nhượng bộ")]),
    # A "nói ... rằng" inside the quotation neither takes nor blocks the attribution; a marked verb closes it.
    ('"Tôi đã nói với Chủ tịch Tập Cận Bình rằng Mỹ sẽ không lùi bước", ông phát biểu.',
     [("ông", "phát biểu", "Tôi đã nói với Chủ tịch Tập Cận Bình rằng Mỹ sẽ không lùi bước")]),
    ('"Tôi nghĩ jailbreak về cơ bản đã chết", Nicholas Allegra nói với Motherboard.',
     [("Nicholas Allegra", "nói", "Tôi nghĩ jailbreak về cơ bản đã chết")]),
    # A longer description of the speaker between the quotation and the verb.
    ('"Chúng tôi đã đập tan nghi vấn về khả năng của F-35", phi công Billie Flynn của hãng Lockheed Martin, nói.',
     [("phi công Billie Flynn của hãng Lockheed Martin", "nói", "Chúng tôi đã đập tan nghi vấn về khả năng của F-35")]),
    # A coordinated clause after the verb is not what was quoted.
    ('"Một vài vụ nổ phát ra từ căn cứ không quân", Giám đốc SOHR - Rami Abdel Rahman nói song nguyên nhân vụ nổ '
     '"chưa được xác định".',
     [("Giám đốc SOHR - Rami Abdel Rahman", "nói", "Một vài vụ nổ phát ra từ căn cứ không quân")]),
    # A quotation inside the sentence is not what a later cue with a recipient attributes.
    ('Dẫn câu tục ngữ "Có công mài sắt, có ngày nên kim", Thủ tướng cho rằng với quyết tâm, các doanh nghiệp '
     'sẽ thành công.', []),
    # A marked cue with a tail that is no adjunct: no statement (the quotation is not its content either).
    ('"Bạn bè tôi cũng liên tục gọi điện hỏi", Trần Quang Minh từng chia sẻ trước sự việc bị mạo danh.', []),
    # No quotation before it: a recipient is no content.
    ("Ông Putin đã nói với Tổng thống Pháp về vấn đề này.", []),
    ("Bộ trưởng sẽ phát biểu tại hội nghị.", []),
]


@pytest.mark.parametrize("text, expected", TRAILING, ids=[t[:40] for t, _ in TRAILING])
def test_trailing_attribution_after_a_quotation(text, expected):
    assert _got(text) == expected


# Verbs that report with "rằng", a colon or a quotation; light-verb frames; a person after "theo" at the end.
FRAMES = [
    ("Người phát ngôn của Phái đoàn Trung Quốc tại EU ngày 25/4 đã đáp trả rằng, tàu cá Trung Quốc tới đó là "
     "hợp lý và hợp pháp.",
     [("Người phát ngôn của Phái đoàn Trung Quốc tại EU", "đáp trả",
       "tàu cá Trung Quốc tới đó là hợp lý và hợp pháp")]),
    ("Ông Omran al-Zoubi đã thề rằng ông sẽ tiếp tục chiến đấu.",
     [("Ông Omran al-Zoubi", "thề", "ông sẽ tiếp tục chiến đấu")]),
    ("Bắc Kinh phản bác rằng các cáo buộc là vô căn cứ.", [("Bắc Kinh", "phản bác", "các cáo buộc là vô căn cứ")]),
    ("Hoàng gia Anh sau đó đã đưa ra tuyên bố rằng, Hoàng gia rất buồn khi biết những thông tin này.",
     [("Hoàng gia Anh", "đưa ra tuyên bố", "Hoàng gia rất buồn khi biết những thông tin này")]),
    ("Nhà Trắng phát đi thông báo rằng Tổng thống sẽ tới Hà Nội.",
     [("Nhà Trắng", "phát đi thông báo", "Tổng thống sẽ tới Hà Nội")]),
    ('Ông hi vọng "sẽ không có nước nào nghĩ tới việc vượt qua lằn ranh đỏ".',
     [("Ông", "hi vọng", "sẽ không có nước nào nghĩ tới việc vượt qua lằn ranh đỏ")]),
    # Without a marker these verbs take a plain object or an infinitive: no statement.
    ("Mỹ nhanh chóng xoay chiều, hứa cung cấp viện trợ cho Ấn Độ.", []),
    ("Các cơ quan y tế của Thái Lan nỗ lực trấn an người dân.", []),
    ("Ngân hàng Nhà nước vừa phát đi thông báo thoái vốn tại SaigonBank.", []),
    ("Song tên của trang web này không được tiết lộ, theo ông Kucherena.",
     [("ông Kucherena", "theo", "Song tên của trang web này không được tiết lộ")]),
    ("Chiến đấu cơ của Israel đã oanh kích một địa điểm gần Latakia, theo quan chức chính phủ Hoa Kỳ.",
     [("quan chức chính phủ Hoa Kỳ", "theo", "Chiến đấu cơ của Israel đã oanh kích một địa điểm gần Latakia")]),
    # After "theo": a plan, an outlet, a law is no speaker; a cue of the sentence keeps its own speaker.
    ("Dự án sẽ hoàn thành vào năm 2020, theo kế hoạch.", []),
    ("Số người chết đã lên tới 30, theo Reuters.", []),
    ("Ông A cho biết Nga sẽ đáp trả mạnh mẽ, theo ông B.", [("Ông A", "cho biết", "Nga sẽ đáp trả mạnh mẽ")]),
]


@pytest.mark.parametrize("text, expected", FRAMES, ids=[t[:40] for t, _ in FRAMES])
def test_reporting_frames(text, expected):
    assert _got(text) == expected


# "X cho biết:" closing a sentence: the content is what follows (the next sentences of the paragraph, or the next
# paragraph when it is a quotation or names no speaker), never the adverbial before the speaker.
COLON = [
    ("Liên quan đến tàu cá Trung Quốc tại bãi Ba Đầu, ngày 8/4, Người phát ngôn Lê Thị Thu Hằng cho biết:\n"
     "Cần phải nhắc lại Việt Nam có đầy đủ bằng chứng pháp lý. Bãi Ba Đầu thuộc quần đảo Trường Sa.",
     [("Người phát ngôn Lê Thị Thu Hằng", "cho biết",
       "Cần phải nhắc lại Việt Nam có đầy đủ bằng chứng pháp lý. Bãi Ba Đầu thuộc quần đảo Trường Sa")]),
    ('Tại cuộc họp báo, ông Lavrov cho biết:\n"Nga sẵn sàng đối thoại. Chúng tôi chờ đợi phản hồi."',
     [("ông Lavrov", "cho biết", "Nga sẵn sàng đối thoại. Chúng tôi chờ đợi phản hồi")]),
    ("Tại cuộc họp báo, ông Lavrov cho biết: Nga sẵn sàng đối thoại. Chúng tôi chờ đợi phản hồi.",
     [("ông Lavrov", "cho biết", "Nga sẵn sàng đối thoại")]),
    # The next paragraph has a speaker of its own: it is not the content, and the adverbial is not either.
    ("Tại cuộc họp báo, ông Lavrov cho biết:\nÔng Putin nói rằng Nga sẵn sàng.",
     [("Ông Putin", "nói", "Nga sẵn sàng")]),
    ("Liên quan đến vụ việc, ông Lavrov cho biết:", []),
    # An adverbial right after the cue opens the reported clause: a cue after it is part of the content.
    ("Ngoại trưởng Kuleba cho biết trong cuộc gặp với Ngoại trưởng Mỹ Antony Blinken tuần trước, ông đã yêu cầu "
     "Washington tăng cường hỗ trợ.",
     [("Ngoại trưởng Kuleba", "cho biết", "trong cuộc gặp với Ngoại trưởng Mỹ Antony Blinken tuần trước, ông đã "
       "yêu cầu Washington tăng cường hỗ trợ")]),
]


@pytest.mark.parametrize("text, expected", COLON, ids=[t[:40] for t, _ in COLON])
def test_content_after_a_closing_colon(text, expected):
    assert _got(text) == expected


# A parenthesis between dashes stands between the speaker and the verb like one between commas.
DASHES = [
    ("Ông Des Ball - một chuyên gia tình báo - nói rằng, Cơ quan Tình báo Australia đã hợp tác với Mỹ.",
     [("Ông Des Ball - một chuyên gia tình báo", "nói", "Cơ quan Tình báo Australia đã hợp tác với Mỹ")]),
    ("Fairfax Media - công ty truyền thông lớn tại Australia - cho hay các tài liệu đã bị rò rỉ.",
     [("Fairfax Media - công ty truyền thông lớn tại Australia", "cho hay", "các tài liệu đã bị rò rỉ")]),
    ("Trong khi đó ông Chulhe Jeong - trợ lý tổng giám đốc của Doosan lại nói khi có sự cố, ngư dân phải báo "
     "với hãng.",
     [("ông Chulhe Jeong - trợ lý tổng giám đốc của Doosan", "nói", "khi có sự cố, ngư dân phải báo với hãng")]),
    ('"Từ lâu, 2 đứa luôn coi nhau là bạn", ông Glen Meynardie - cha của Merce - cho hay.',
     [("ông Glen Meynardie - cha của Merce", "cho hay", "Từ lâu, 2 đứa luôn coi nhau là bạn")]),
]


@pytest.mark.parametrize("text, expected", DASHES, ids=[t[:40] for t, _ in DASHES])
def test_dash_parenthesis_before_the_verb(text, expected):
    assert _got(text) == expected


# A quotation opened in one paragraph and closed in the next: the next paragraph is still the quoted speaker's.
RUN_ON = [
    ('Người phát ngôn trên nói: "Biển Đông không nên trở thành công cụ gây áp lực.\n'
     'Trung Quốc kêu gọi EU chấm dứt các hành động tiêu cực".\nÔng Lavrov cho biết Nga sẵn sàng.',
     [("Người phát ngôn trên", "nói", "Biển Đông không nên trở thành công cụ gây áp lực.\n"
       "Trung Quốc kêu gọi EU chấm dứt các hành động tiêu cực"), ("Ông Lavrov", "cho biết", "Nga sẵn sàng")]),
    # Closed by an attribution of its own, or followed by a new quotation: scanned as before.
    ('Ông A nói: "Nga sẵn sàng.\nChúng tôi chờ đợi phản hồi", ông nói thêm.',
     [("Ông A", "nói", "Nga sẵn sàng"), ("ông", "nói thêm", "Chúng tôi chờ đợi phản hồi")]),
    ('Ông A nói: "Nga sẵn sàng.\n"Chúng tôi chờ đợi phản hồi".',
     [("Ông A", "nói", "Nga sẵn sàng"), ("", "", "Chúng tôi chờ đợi phản hồi")]),
]


@pytest.mark.parametrize("text, expected", RUN_ON, ids=[t[:40] for t, _ in RUN_ON])
def test_a_quotation_running_on_into_the_next_paragraph(text, expected):
    assert _got(text) == expected
