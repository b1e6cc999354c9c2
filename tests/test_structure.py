"""Clean-up and the structure of a wire story, with golden files from the seeds."""
from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsframes.structure import (
    clean_text,
    date_from_url,
    is_caption,
    parse_datetime,
    site_of,
    structure_article,
)

from .conftest import DATA, SEEDS


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("mỗi năm.Triều Tiên phụ thuộc", "mỗi năm. Triều Tiên phụ thuộc"),
        ("Ai thắng?Người Mỹ nói vậy.Chính phủ im lặng", "Ai thắng? Người Mỹ nói vậy. Chính phủ im lặng"),
        ("Tốt quá!Nga đồng ý", "Tốt quá! Nga đồng ý"),
        ("tại Bình Nhưỡng ngày 31/5. YONHAP/ TTXVN |", "tại Bình Nhưỡng ngày 31/5. YONHAP/ TTXVN"),
        ("| Tin mới", "Tin mới"),
        ("hai  khoảng\u00a0trắng\tvà tab", "hai khoảng trắng và tab"),
        ("dòng 1\r\ndòng 2\rdòng 3", "dòng 1\ndòng 2\ndòng 3"),
        ("\ufeffBOM ở đầu", "BOM ở đầu"),
        ("zero\u200bwidth", "zerowidth"),
        ("đoạn 1\n\n\n\nđoạn 2", "đoạn 1\n\nđoạn 2"),
        ("  lề  \n  lề  ", "lề\nlề"),
        # numbers, abbreviations and web addresses keep their dots
        ("60.000 tấn, TP.HCM và 24.3.2021", "60.000 tấn, TP.HCM và 24.3.2021"),
        ("xem www.baotintuc.vn.Tin", "xem www.baotintuc.vn.Tin"),
        ("theo VnExpress.net hôm nay", "theo VnExpress.net hôm nay"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_clean_text_composes_nfd():
    nfc = "Tổng thống Nga Vladimir Putin cho rằng"
    assert clean_text(unicodedata.normalize("NFD", nfc)) == nfc


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
@settings(max_examples=300, deadline=None)
def test_clean_text_is_idempotent_and_nfc(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once and "  " not in once


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Triều Tiên tiến hành phá hủy bãi thử hạt nhân Punggye-ri ngày 24/5/2018. Ảnh: YONHAP/TTXVN", True),
        ("Nhà lãnh đạo Triều Tiên Kim Jong-un tại Bình Nhưỡng ngày 31/5. YONHAP/ TTXVN", True),
        ("Tổng thống Mỹ Donald Trump. (Ảnh: Reuters)", True),
        ("Binh sĩ Mỹ tại Afghanistan (Ảnh minh họa)", True),
        ("Thủ tướng phát biểu tại hội nghị. Ảnh: TTXVN", True),
        ("Ảnh: AFP", True),
        ("Tổng thống Mỹ Donald Trump cho biết Nga sẽ hỗ trợ tiến trình phi hạt nhân hóa.", False),
        ("Theo TTXVN, hội nghị diễn ra ngày 12/3.", False),
        ("Hình ảnh vệ tinh cho thấy hoạt động tại bãi thử.", False),
    ],
)
def test_is_caption(line, expected):
    assert is_caption(line) is expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("http://baotintuc.vn/the-gioi/nga-trieu-tien-20181123165057694.htm", dt.datetime(2018, 11, 23, 16, 50, 57)),
        ("https://dantri.com.vn/the-gioi/abc-20201015093652344.htm", dt.datetime(2020, 10, 15, 9, 36, 52)),
        ("https://example.com/news/2019/03/07/story.html", dt.datetime(2019, 3, 7)),
        ("http://www.baomoi.com/a/c/21700123.epi", None),
        ("https://vnexpress.net/abc-4245628.html", None),
        ("http://x.vn/a-20181399165057694.htm", None),  # month 13: not a timestamp
        (None, None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2013-11-01T00:03:00+07:00", dt.datetime(2013, 11, 1, 0, 3)),  # offset dropped, not converted
        ("2018-11-23T16:50:57", dt.datetime(2018, 11, 23, 16, 50, 57)),
        ("2018-07-19", dt.datetime(2018, 7, 19)),
        ("23/11/2018 16:50", dt.datetime(2018, 11, 23, 16, 50)),
        ("1/11/2013 0:03", dt.datetime(2013, 11, 1, 0, 3)),
        (dt.date(2018, 7, 19), dt.datetime(2018, 7, 19)),
        (pd.Timestamp("2018-07-19 10:00", tz="Asia/Ho_Chi_Minh"), dt.datetime(2018, 7, 19, 10)),
        ("không phải ngày", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_datetime(value, expected):
    assert parse_datetime(value) == expected


@pytest.mark.parametrize(
    "url, site",
    [("http://www.baotintuc.vn/a.htm", "baotintuc.vn"), ("https://VnExpress.net/x", "vnexpress.net"), (None, None)],
)
def test_site_of(url, site):
    assert site_of(url) == site


def test_byline_source_and_url_date():
    text = (
        "Tiêu đề bài báo về ngoại giao\n\nHà Nội hôm nay đón đoàn đại biểu.\n\nMinh Hà (TTXVN)\n\n"
        "Nguồn Tin Tức TTXVN: http://baotintuc.vn/thoi-su/abc-20190305101010123.htm"
    )
    st_ = structure_article(text)
    assert st_.title == "Tiêu đề bài báo về ngoại giao"
    assert (st_.author, st_.agency, st_.site) == ("Minh Hà", "TTXVN", "baotintuc.vn")
    assert st_.published_at == dt.datetime(2019, 3, 5, 10, 10, 10)
    assert st_.published_at_source == "url"
    assert [p.kind for p in st_.paragraphs] == ["title", "body", "byline", "source"]


@pytest.mark.parametrize(
    "line, author, agency",
    [
        ("Thúc Anh (TTXVN)", "Thúc Anh", "TTXVN"),
        ("Minh Hà/VOV-Bắc Kinh", "Minh Hà", "VOV"),
        ("Theo Reuters", None, "Reuters"),
        ("Lan Anh (Theo AFP)", "Lan Anh", "AFP"),
        ("Trang Phạm", "Trang Phạm", None),
        # co-authors joined by a dash; a compiler's credit (quoted from bench articles' last lines)
        ("Hương Giang - Trường Thịnh", "Hương Giang - Trường Thịnh", None),
        ("Mai Chi (tổng hợp)", "Mai Chi", None),
        ("Nguyễn Tuyền (thực hiện)", "Nguyễn Tuyền", None),
        ("(Tổng hợp)", None, None),
    ],
)
def test_bylines(line, author, agency):
    st_ = structure_article(f"Một câu trong thân bài đủ dài để có nghĩa.\n{line}")
    assert st_.paragraphs[-1].kind == "byline"
    assert (st_.author, st_.agency) == (author, agency)


@pytest.mark.parametrize(
    "tail, author, agency",
    [
        ("Kim Dung\nTheo Nikkei Asia", "Kim Dung", "Nikkei Asia"),
        ("Thư Kỳ - Trường Thịnh\nTrường Thịnh", "Trường Thịnh", None),
        ("Lệ Thu\n(Tổng hợp)", "Lệ Thu", None),
    ],
)
def test_two_byline_lines_at_the_end(tail, author, agency):
    st_ = structure_article(f"Tiêu đề bài báo\nMột câu trong thân bài đủ dài để có nghĩa.\n{tail}")
    assert [p.kind for p in st_.paragraphs] == ["title", "body", "byline", "byline"]
    assert (st_.author, st_.agency) == (author, agency)


def test_at_most_two_byline_lines():
    # a third short capitalised line above two bylines stays in the body
    st_ = structure_article("Tiêu đề bài báo\nMột câu trong thân bài.\nHà Nội Mới\nKim Dung\nTheo Reuters")
    assert [p.kind for p in st_.paragraphs] == ["title", "body", "body", "byline", "byline"]


def test_last_sentence_is_not_a_byline():
    st_ = structure_article("Tiêu đề\nThân bài.\nNga đã kêu gọi nới lỏng các biện pháp trừng phạt.")
    assert st_.paragraphs[-1].kind == "body"
    assert st_.author is None


def test_dateline_gives_published_at():
    st_ = structure_article("Tiêu đề bài báo\nThứ Sáu, 23/11/2018 - 16:50\nNội dung bài báo ở đây.")
    assert st_.published_at == dt.datetime(2018, 11, 23, 16, 50)
    assert st_.published_at_source == "text"
    assert [p.kind for p in st_.paragraphs] == ["title", "byline", "body"]


def test_given_fields_win_and_title_is_prepended():
    st_ = structure_article(
        "Thân bài nói về hội nghị.",
        meta={"title": "Tiêu đề", "published_at": "2013-11-01T00:03:00+07:00", "url": "http://a.vn/x-20200101101010.htm"},
    )
    assert st_.text == "Tiêu đề\n\nThân bài nói về hội nghị."
    assert st_.title == "Tiêu đề"
    assert st_.published_at == dt.datetime(2013, 11, 1, 0, 3)
    assert st_.published_at_source == "input"


def test_title_not_duplicated_when_text_starts_with_it():
    st_ = structure_article("Tiêu đề\nThân bài.", meta={"title": "Tiêu đề"})
    assert st_.text == "Tiêu đề\nThân bài."


def test_reference_date_is_the_last_resort():
    st_ = structure_article("Thân bài không có ngày.", meta={"reference_date": "2018-07-19"})
    assert (st_.published_at, st_.published_at_source) == (dt.datetime(2018, 7, 19), "reference")


def test_no_date_means_null_never_today():
    st_ = structure_article("Tiêu đề\nThân bài không có ngày.")
    assert st_.published_at is None and st_.published_at_source is None


# ------------------------------------------------------------------------------------------ golden seeds


def test_seeds_articles_golden(seeds_corpus):
    golden = json.loads((DATA / "golden" / "seeds_articles.json").read_text(encoding="utf-8"))
    got = seeds_corpus.articles.drop(columns=["text", "source_path"])
    got = json.loads(got.to_json(orient="records", date_format="iso", force_ascii=False))
    assert got == golden


def test_seeds_sentences_golden(seeds_corpus):
    golden = pd.read_csv(DATA / "golden" / "seeds_sentences.csv", dtype={"article_id": str})
    got = seeds_corpus.sentences.drop(columns=["start", "end"])
    pd.testing.assert_frame_equal(
        got.astype(object).reset_index(drop=True), golden.astype(object).reset_index(drop=True), check_dtype=False
    )


def test_seed_captions_and_duplicate_flagged(seeds_corpus):
    s = seeds_corpus.sentences
    s4 = s[s.article_id == "004_4cfb776a088c147b"]
    captions = s4[s4.kind == "caption"]
    assert len(captions) == 4
    assert captions.is_duplicate.tolist() == [False, False, True, True]
    s0 = s[s.article_id == "000_4af1e7082c8abb7e"]
    assert s0.iloc[0].kind == "caption"
    assert s0.iloc[0].text.endswith("ngày 31/5.")
    assert (s4.kind == "byline").sum() == 1 and (s4.kind == "source").sum() == 1


def test_nfd_input_gives_the_nfc_tables(tmp_path):
    import newsframes as nf

    for path in SEEDS.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        (tmp_path / path.name).write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    (tmp_path / "manifest.csv").write_bytes((SEEDS / "manifest.csv").read_bytes())
    nfd = nf.parse(tmp_path)
    nfc = nf.parse(SEEDS)
    for name in nf.TABLE_NAMES:
        a, b = getattr(nfd, name), getattr(nfc, name)
        if "source_path" in a:
            a, b = a.drop(columns="source_path"), b.drop(columns="source_path")
        pd.testing.assert_frame_equal(a, b, obj=name)
