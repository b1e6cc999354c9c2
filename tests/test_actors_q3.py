"""Actor mentions on bench world-politics sentences: a body's name stops before the person after it, abbreviated
titles, an affiliation between a title and a name set off by a comma, lower-case words after 'và' inside a body's
name, names set off by a dash. Every sentence is quoted (or shortened) from the bench corpus."""
from __future__ import annotations

import pytest

from newsframes.actors import find_mentions


def _found(text: str) -> dict[str, tuple[str, str | None]]:
    return {m.surface: (m.actor_type, m.role) for m in find_mentions(text)}


# (text, surface, actor_type, role); actor_type "-" means no mention with that surface
CASES = [
    # 1. a body's name ends before an honorific, a verb, or the full name of the person a title introduces
    ("Trên trang web của Bộ Ngoại giao ông Vương cũng cho biết, Trung Quốc không muốn.",
     "Bộ Ngoại giao", "organization", None),
    ("Trên trang web của Bộ Ngoại giao ông Vương cũng cho biết, Trung Quốc không muốn.",
     "Bộ Ngoại giao ông Vương", "-", None),
    ("Trước đó, Bộ GD&ĐT ký Quyết định phê duyệt Danh mục sách giáo khoa.", "Bộ GD&ĐT", "organization", None),
    ("Trước đó, Bộ GD&ĐT ký Quyết định phê duyệt Danh mục sách giáo khoa.", "Bộ GD&ĐT ký Quyết định", "-", None),
    ("Kết luận cuộc họp, Thứ trưởng Bộ GTVT Lê Anh Tuấn yêu cầu ACV và Cảng HKQT Tân Sơn Nhất.",
     "Lê Anh Tuấn", "person", "Thứ trưởng"),
    ("Kết luận cuộc họp, Thứ trưởng Bộ GTVT Lê Anh Tuấn yêu cầu ACV và Cảng HKQT Tân Sơn Nhất.",
     "Bộ GTVT", "organization", None),
    ("Thứ trưởng Bộ GTVT Nguyễn Ngọc Đông cho biết, vốn cho duy tu đường bộ còn thiếu.",
     "Nguyễn Ngọc Đông", "person", "Thứ trưởng"),
    ("Tư lệnh Hải quân Margono cho biết các nhà chức trách cũng đã phát hiện.",
     "Margono", "person", "Tư lệnh Hải quân"),
    ("Tư lệnh Hải quân Margono cho biết các nhà chức trách cũng đã phát hiện.", "Hải quân Margono", "-", None),
    ("Theo SCMP, Tư lệnh Hải quân Mỹ Gary Ross cho biết quân đội nước này sẽ theo dõi.",
     "Gary Ross", "person", "Tư lệnh"),
    ("Hiệu trưởng Trường Đại học Tôn Đức Thắng cho biết.",
     "Trường Đại học Tôn Đức Thắng", "organization", None),
    ("Bộ Thông tin và Truyền thông ký Quyết định.", "Bộ Thông tin và Truyền thông", "organization", None),
    ("SHB tại Trung tâm Lưu ký Chứng khoán Việt Nam là 10%.",
     "Trung tâm Lưu ký Chứng khoán Việt Nam", "organization", None),
    ("Ngày 19/3/2021, Cục Thi hành án dân sự Hà Nội ban hành quyết định.",
     "Cục Thi hành án dân sự Hà Nội", "organization", None),
    ("Giám đốc Sở Y tế Hà Nam yêu cầu các đơn vị trong ngành.", "Hà Nam", "-", None),
    ("Người phát ngôn Bộ Ngoại giao ông Vương Văn Bân cho biết.", "Vương Văn Bân", "person", "Người phát ngôn"),
    # 2. abbreviated titles before a full Vietnamese name
    ("Liên quan đến vấn đề tín dụng, ĐB Hà Sỹ Đồng đánh giá tín dụng vẫn khó.", "Hà Sỹ Đồng", "person", "ĐB"),
    ("Góp ý với dự thảo, ĐB Khúc Thị Duyền, Thái Bình nói.", "Khúc Thị Duyền", "person", "ĐB"),
    ("Với Bộ trưởng Bộ NN&PTNT, ĐB Đỗ Văn Sinh cho rằng, vấn đề rất lớn.", "Đỗ Văn Sinh", "person", "ĐB"),
    ("“Đây là vấn đề lớn”, KTS Phạm Thanh Tùng phân tích.", "Phạm Thanh Tùng", "person", "KTS"),
    ("Đồng tình với nam nhạc sĩ, NSND Bạch Tuyết cho rằng.", "Bạch Tuyết", "person", "NSND"),
    ("Thám hiểm vương quốc Xì Trum, NSƯT Minh Vượng sẽ vào vai.", "Minh Vượng", "person", "NSƯT"),
    ("Phát biểu tại tọa đàm, TS. Trương Anh Dũng, Tổng cục trưởng nói.", "Trương Anh Dũng", "person", "TS"),
    ("Ths.Bs Nguyễn Đình Liên, Trưởng khoa Ngoại cho biết.", "Nguyễn Đình Liên", "person", "Ths.Bs"),
    ("Về vấn đề này, PGS.TS.BS Trịnh Thị Xuân Hòa - Nguyên Trưởng khoa nói.",
     "Trịnh Thị Xuân Hòa", "person", "PGS.TS.BS"),
    ("Có ông Tuấn vẫn được ứng cử đại biểu Quốc hội khóa XV.", "đại biểu Quốc hội khóa XV", "-", None),
    ("Bà Phạm Thu Hiền, Giám đốc Trung tâm Hô hấp và BSCK2 Lê Thanh Chương, Trưởng khoa Hồi sức cho biết.",
     "Lê Thanh Chương", "person", "BSCK2"),
    ("Bà Phạm Thu Hiền, Giám đốc Trung tâm Hô hấp và BSCK2 Lê Thanh Chương, Trưởng khoa Hồi sức cho biết.",
     "Trung tâm Hô hấp", "organization", None),
    # 3. a title, a body, a comma, then the name: the body is the affiliation, the name the person
    ("Sau đó, Phó chủ tịch EgyptAir, Ahmed Adel thừa nhận EgyptAir đưa ra thông tin sai.",
     "Ahmed Adel", "person", "Phó chủ tịch"),
    ("Sau đó, Phó chủ tịch EgyptAir, Ahmed Adel thừa nhận EgyptAir đưa ra thông tin sai.",
     "EgyptAir", "organization", None),
    ("Phó Chủ tịch EgyptAir, ông Ahmed Adel, không loại trừ khả năng.", "Ahmed Adel", "person", "Phó Chủ tịch"),
    ("Chủ tịch Juventus, Andrea Agnelli thừa nhận Super League không ổn.", "Andrea Agnelli", "person", "Chủ tịch"),
    ("2 giờ chiều: Chủ tịch UEFA, Aleksander Ceferin, lên án các CLB tham gia.",
     "Aleksander Ceferin", "person", "Chủ tịch"),
    ("Bộ trưởng Ngoại giao Mỹ, Nhật Bản và Hàn Quốc đã họp.", "Nhật Bản", "country", None),
    ("Khi đó, Thượng nghị sĩ bang Wisconsin, Gaylor Nelson là một trong những nhà lãnh đạo.",
     "Gaylor Nelson", "person", "Thượng nghị sĩ"),
    ("Khi đó, Thượng nghị sĩ bang Wisconsin, Gaylor Nelson là một trong những nhà lãnh đạo.", "Wisconsin", "-", None),
    # 4. lower-case words after 'và' inside a body's name, closed by a country
    ("Trước đó, Trung tâm Kiểm soát và phòng ngừa dịch bệnh Mỹ (US CDC) đã ra chỉ dẫn mới.",
     "Trung tâm Kiểm soát và phòng ngừa dịch bệnh Mỹ", "organization", None),
    ("Trung tâm Kiểm soát và phòng ngừa Dịch bệnh Hoa Kỳ (CDC) đã coi tình trạng này.",
     "Trung tâm Kiểm soát và phòng ngừa Dịch bệnh Hoa Kỳ", "organization", None),
    ("Bộ Ngoại giao và đại sứ quán Mỹ cho biết.", "Bộ Ngoại giao", "organization", None),
    ("Bộ Y tế và các địa phương đã yêu cầu.", "Bộ Y tế", "organization", None),
    # 5. names set off by a dash, with or without spaces; two places joined by a hyphen
    ("Tuy nhiên, người đứng đầu ủy ban ngoại giao thuộc Hội đồng Quốc gia Syria - Ammar al-Asad trả lời phỏng vấn.",
     "Ammar al-Asad", "person", "người đứng đầu"),
    ("Tổng Thư ký Liên Hợp Quốc-ông Ban Ki Moon đã lên án các cuộc tấn công.", "Ban Ki Moon", "person", "Tổng Thư ký"),
    ("Bill Gates; huyền thoại vùng Omaha-ông Warren Buffett; CEO Facebook.", "Warren Buffett", "person", None),
    ("Bill Gates; huyền thoại vùng Omaha-ông Warren Buffett; CEO Facebook.", "Omaha-ông", "-", None),
    ("Thắng cử đã khiến cho quan hệ Đài Bắc-Bắc Kinh thêm phần căng thẳng.", "Đài Bắc", "location", None),
    ("Thắng cử đã khiến cho quan hệ Đài Bắc-Bắc Kinh thêm phần căng thẳng.", "Bắc Kinh", "location", None),
    ("Thắng cử đã khiến cho quan hệ Đài Bắc-Bắc Kinh thêm phần căng thẳng.", "Đài Bắc-Bắc Kinh", "-", None),
    ("Bộ Y tế sẽ xử lý người đứng đầu các cơ sở vi phạm.", "người đứng đầu", "-", None),
    ("Người đứng đầu CLB Juventus chia sẻ: thành thật mà nói.", "Juventus", "-", None),
    ("Kỹ năng ở Châu Á - Thái Bình Dương. Em cũng sẽ có cơ hội.", "Châu Á - Thái Bình Dương", "location", None),
    ("Kỹ năng ở Châu Á - Thái Bình Dương. Em cũng sẽ có cơ hội.", "Thái Bình Dương", "-", None),
    ("Hôm qua, người đứng đầu Real Madrid còn khẳng định European Super League.", "Real Madrid", "-", None),
    ("Amy Simon, nhà khoa học hành tinh tại Trung tâm Không gian Goddard của NASA nói.", "Goddard", "-", None),
    ("Phó Giám đốc thường trực ĐHQGHN Nguyễn Hoàng Hải chủ trì tọa đàm.",
     "Nguyễn Hoàng Hải", "person", "Phó Giám đốc thường trực"),
]


@pytest.mark.parametrize("text, surface, actor_type, role", CASES)
def test_mention(text, surface, actor_type, role):
    assert surface in text, "the surface must be quoted from the text"
    found = _found(text)
    if actor_type == "-":
        assert surface not in found, f"{surface!r} should be no mention; got {found}"
        return
    assert surface in found, f"{surface!r} not found; got {found}"
    assert found[surface] == (actor_type, role)
