"""The whole pipeline on arbitrary text: it never raises, and every span of every table points into the text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsframes as nf
from newsframes.corpus import ParseOptions, parse_article
from newsframes.read import RawArticle

PIECES = [
    "Tổng thống Nga Vladimir Putin", "Đại sứ Nga tại Nhật Bản Mikhail Galuzin", "ông", "bà", "Triều Tiên", "Mỹ",
    "Điện Kremlin", "Liên hợp quốc (LHQ)", "cho biết", "cho rằng", "nêu rõ:", "khẳng định", "Theo ông,", "Theo",
    "ngày 31/5", "tháng 9 tới", "Cùng ngày,", "hôm qua", "3 ngày", "mỗi tháng", "năm 2018", "24/5/2018", "200 - 400",
    "60.000", "quý I/2019", "thứ Hai tuần trước", '"', "“", "”", "'", ".", ",", ":", "...", "\n", "\n\n",
    "Ảnh: YONHAP/TTXVN", "(TTXVN)", "Nguồn: http://a.vn/x-20181123165057694.htm", "hai bên", "quan chức này",
    "nói", "phía Nga", "Washington", "Bình Nhưỡng", "Hà Nội", "12h30", "<script>", "&", "—", "TP.HCM", "V.",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=50).map(" ".join)
OPTIONS = ParseOptions(reference_date="2018-07-19")


def check_spans(rows: dict, text: str) -> None:
    for r in rows["sentences"]:
        assert text[r[4]:r[5]] == r[6]
    for r in rows["mentions"]:
        assert text[r[2]:r[3]] == r[4]
    for r in rows["timexes"]:
        assert text[r[2]:r[3]] == r[4]
    for r in rows["statements"]:
        assert text[r[10]:r[11]] == r[9]


@given(texts)
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_parses_and_round_trips(text):
    try:
        rows = parse_article(RawArticle("x", "x.txt", text), OPTIONS)
    except Exception as exc:  # the only accepted failure: nothing left after clean-up
        assert "no text after clean-up" in str(exc)
        return
    check_spans(rows, rows["articles"][0][3])
    assert rows["articles"][0][-1] == len(rows["sentences"])


def test_every_article_is_accounted_for(tmp_path):
    (tmp_path / "a.txt").write_text("Tiêu đề\nTổng thống Mỹ Donald Trump cho biết hôm qua ông hài lòng.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes("\u200b".encode())
    corpus = nf.parse(tmp_path)
    assert len(corpus.articles) + len(corpus.errors) == 3
    assert sorted(corpus.errors.article_id) == ["b", "c"]
