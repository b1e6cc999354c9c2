"""Tests of newsframes.timexes: real cases from the bench corpus and the seeds, the seeds scored as the scorer does,
the article-level rules (offsets, anchors, anaphora, skipped kinds) and properties on arbitrary text."""
from __future__ import annotations

import csv
import datetime as dt
import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsframes.sentences import Sentence
from newsframes.timexes import Timex, find_timexes, iter_timexes

DATA = Path(__file__).resolve().parent / "data"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


# --- real cases (tests/data/timex_cases.tsv) ---------------------------------------------------------------


def _load_cases() -> list[tuple[str, str, frozenset[tuple[str, str]]]]:
    """One case per (text, published_at): the set of (surface, value) expected, empty when nothing must match."""
    lines = [line for line in (DATA / "timex_cases.tsv").read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    expected: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        items = expected[(row["text"], row["published_at"])]
        if row["surface"]:
            items.add((row["surface"], row["value"]))
    return [(text, published, frozenset(items)) for (text, published), items in expected.items()]


CASES = _load_cases()


def test_case_table_is_large_and_covers_negatives():
    rows = sum(max(1, len(items)) for _, _, items in CASES)
    assert rows >= 150
    assert sum(1 for *_, items in CASES if not items) >= 25  # numbers that are not dates
    assert sum(1 for _, published, _ in CASES if not published) >= 5  # records without a date


@pytest.mark.parametrize("text, published_at, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_real_cases(text, published_at, expected):
    found = find_timexes(text, anchor_date=published_at or None)
    assert {(t.surface, t.value) for t in found} == expected
    for t in found:
        assert text[t.start:t.end] == t.surface


# --- single forms: value, kind, date, precision, anchor -------------------------------------------------------


@pytest.mark.parametrize(
    "text, published_at, surface, kind, value, date, precision, anchor",
    [
        ("Tại Bình Nhưỡng ngày 31/5.", "2018-07-19", "ngày 31/5", "date", "2018-05-31", "2018-05-31", "day", "published_at"),
        ("Tại Bình Nhưỡng ngày 31/5.", None, "ngày 31/5", "date", "XXXX-05-31", None, "day", None),
        ("phá hủy bãi thử ngày 24/5/2018.", "2018-11-23", "ngày 24/5/2018", "date", "2018-05-24", "2018-05-24", "day", "absolute"),
        ("phá hủy bãi thử ngày 24/5/2018.", None, "ngày 24/5/2018", "date", "2018-05-24", "2018-05-24", "day", "absolute"),
        ("trong một chuyến thăm 3 ngày", "2018-11-23", "3 ngày", "duration", "P3D", None, None, None),
        ("xuất khẩu 400 tấn dầu mỗi tháng.", "2018-07-19", "mỗi tháng", "set", "P1M", None, None, None),
        ("Trước đó, ông Khlopkov cho rằng", "2018-11-23", "Trước đó", "date", "PAST_REF", None, None, None),
        ("đã thực hiện cho đến nay như", "2018-11-23", "cho đến nay", "date", "PRESENT_REF", None, None, None),
        ("Mỹ tuần trước đã thông báo", "2021-04-20", "tuần trước", "date", "2021-W15", "2021-04-12", "week", "published_at"),
        ("Mỹ tuần trước đã thông báo", None, "tuần trước", "date", "XXXX-WXX", None, "week", None),
        ("Trong quý I/2021, lợi nhuận", "2021-04-29", "quý I/2021", "date", "2021-Q1", "2021-01-01", "quarter", "absolute"),
        ("yêu nhau vào những năm 1990.", "2021-04-19", "những năm 1990", "date", "199", "1990-01-01", "year", "absolute"),
        ("Hôm qua (22/10), Cuba thông báo", "2013-10-23", "Hôm qua (22/10)", "date", "2013-10-22", "2013-10-22", "day", "published_at"),
        ("Anh hôm qua cũng áp đặt trừng phạt", "2021-04-27", "hôm qua", "date", "2021-04-26", "2021-04-26", "day", "published_at"),
        ("Anh hôm qua cũng áp đặt trừng phạt", None, "hôm qua", "date", "XXXX-XX-XX", None, "day", None),
        ("rời khỏi khách sạn lúc 18h40 ngày 21/4.", "2021-04-30", "18h40", "time", "2021-04-21T18:40", "2021-04-21", "day", "published_at"),
        ("Mở màn lúc 20h30, muộn hơn dự kiến", "2013-11-03", "20h30", "time", "XXXX-XX-XXT20:30", None, None, None),
        ("vào mùa khô (từ tháng 10 đến tháng 2 năm sau)", None, "tháng 10", "date", "XXXX-10", None, "month", None),
        ("lên kệ vào ngày 25/9 sắp tới.", "2013-09-05", "ngày 25/9 sắp tới", "date", "2013-09-25", "2013-09-25", "day", "published_at"),
    ],
)
def test_single_forms(text, published_at, surface, kind, value, date, precision, anchor):
    found = {t.surface: t for t in find_timexes(text, anchor_date=published_at)}
    t = found[surface]
    assert (t.kind, t.value, t.precision, t.anchor) == (kind, value, precision, anchor)
    assert t.date == (dt.date.fromisoformat(date) if date else None)


@pytest.mark.parametrize(
    "text, published_at, value",
    [
        # Nearest year, looking back by default ...
        ("cuộc đảo chính ngày 1/2.", "2021-04-19", "2021-02-01"),
        ("Tại Bình Nhưỡng ngày 31/5.", "2018-07-19", "2018-05-31"),
        # ... forward when the modifier or the sentence says so ...
        ("Dự thảo sẽ được thảo luận vào ngày 5/11 tới.", "2013-10-23", "2013-11-05"),
        ("vào tháng 9 tới.", "2018-07-19", "2018-09"),
        ("Hồi tháng 1 vừa qua, quan chức này nêu rõ", "2018-07-19", "2018-01"),
        ("Nga sẽ giảm 35 nhà ngoại giao trước ngày 31/5.", "2021-04-24", "2021-05-31"),
        # ... and across the new year: a date a few days after the article's date is the coming one.
        ("Lễ hội diễn ra ngày 2/1.", "2018-12-30", "2019-01-02"),
        ("Sự kiện diễn ra ngày 28/12.", "2019-01-03", "2018-12-28"),
    ],
)
def test_year_of_a_yearless_date(text, published_at, value):
    assert [t.value for t in find_timexes(text, anchor_date=published_at) if t.kind == "date"] == [value]


# --- articles: offsets, anchors, anaphora, skipped kinds ------------------------------------------------------


def _sentences(lines: list[tuple[str, str]]) -> tuple[str, list[Sentence]]:
    """An article text and its Sentence tuples, one per (kind, line)."""
    text, out, pos = "", [], 0
    for i, (kind, line) in enumerate(lines):
        out.append(Sentence(i, i, kind, pos, pos + len(line), line, False))
        text += line + "\n"
        pos += len(line) + 1
    return text, out


def test_offsets_are_article_offsets():
    text, sentences = _sentences([("title", "Nga, Triều Tiên nhất trí"), ("body", "Đại sứ quán Nga ngày 23/11 cho biết.")])
    (t,) = list(iter_timexes(sentences, anchor_date=dt.date(2018, 11, 23)))
    assert t.sentence_id == 1
    assert text[t.start:t.end] == t.surface == "ngày 23/11"


def test_anaphora_resolve_against_the_previous_date_not_captions():
    lines = [
        ("body", "Trước đó, ngày 16/7, trả lời phỏng vấn hãng tin Fox News."),
        ("caption", "Triều Tiên phá hủy bãi thử hạt nhân Punggye-ri ngày 24/5/2018."),
        ("body", "Cùng ngày, Tổng thống Mỹ Donald Trump cho biết."),
        ("body", "Ngày hôm sau, hai bên gặp nhau."),
        ("body", "Một ngày trước đó, ông Lavrov đến Bình Nhưỡng."),
    ]
    _, sentences = _sentences(lines)
    found = {t.surface: t for t in iter_timexes(sentences, anchor_date=dt.date(2018, 7, 19), anchor="reference")}
    assert found["ngày 16/7"].anchor == "reference"
    assert (found["Cùng ngày"].value, found["Cùng ngày"].anchor) == ("2018-07-16", "previous")
    assert found["Ngày hôm sau"].value == "2018-07-17"
    assert found["Một ngày trước đó"].value == "2018-07-16"


def test_repeated_paragraphs_do_not_move_the_previous_date():
    _, sentences = _sentences([("body", "Ngày 22/11, hai bên gặp nhau."), ("body", "Ngày 24/5/2018, bãi thử bị phá hủy."),
                               ("body", "Cùng ngày, Nga ra thông cáo.")])
    sentences[1] = sentences[1]._replace(is_duplicate=True)
    found = {t.surface: t.value for t in iter_timexes(sentences, anchor_date=dt.date(2018, 11, 23))}
    assert found == {"Ngày 22/11": "2018-11-22", "Ngày 24/5/2018": "2018-05-24", "Cùng ngày": "2018-11-22"}


def test_anaphora_without_a_previous_date_fall_back_to_the_article_date():
    (t,) = find_timexes("Cùng ngày, Bộ Ngoại giao ra thông cáo.", anchor_date="2013-11-10")
    assert (t.value, t.anchor) == ("2013-11-10", "published_at")
    (t,) = find_timexes("Cùng ngày, Bộ Ngoại giao ra thông cáo.")
    assert (t.value, t.date, t.anchor) == ("XXXX-XX-XX", None, None)


def test_bylines_and_source_lines_are_skipped():
    _, sentences = _sentences(
        [("byline", "Thúc Anh (TTXVN) ngày 23/11"), ("source", "Nguồn: http://baotintuc.vn/a-20181123165057694.htm ngày 23/11")]
    )
    assert list(iter_timexes(sentences, anchor_date=dt.date(2018, 11, 23))) == []


def test_ranges_give_one_timex_per_endpoint():
    found = find_timexes("Lễ hội diễn ra từ ngày 20 đến 22/11 và từ 30/11 - 2/12/2018.", anchor_date="2018-11-01")
    assert [(t.surface, t.value) for t in found] == [
        ("ngày 20", "2018-11-20"),
        ("22/11", "2018-11-22"),
        ("30/11", "2018-11-30"),
        ("2/12/2018", "2018-12-02"),
    ]
    assert found[2].anchor == "absolute"  # its year comes from the other end of the range


def test_anchor_accepts_dates_datetimes_and_iso_strings():
    values = {
        find_timexes("hôm qua", anchor_date=anchor)[0].value
        for anchor in (dt.date(2021, 4, 27), dt.datetime(2021, 4, 27, 23, 59), "2021-04-27T10:00:00+07:00")
    }
    assert values == {"2021-04-26"}


def test_unsupported_language_lists_the_supported_ones():
    with pytest.raises(ValueError, match="supported: .*vi"):
        find_timexes("ngày 31/5", language="xx")


def test_timex_fields_follow_the_contract():
    assert Timex._fields == ("sentence_id", "start", "end", "surface", "kind", "value", "date", "precision", "anchor")


# --- the seeds, scored with the scorer's rules (../shared/eval/score.py) ---------------------------------------


def _norm(text) -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    text = unicodedata.normalize("NFC", str(text)).casefold()
    text = re.sub(r"[\u2010-\u2015\-_]", " ", text)
    text = re.sub(r"[\"'“”‘’«»(),.:;!?]", " ", text)
    return " ".join(text.split())


def _surfaces_match(pred: str, gold: str) -> bool:
    p, g = _norm(pred), _norm(gold)
    if not p or not g or not (p in g or g in p):
        return False
    gt = set(g.split())
    return len(gt & set(p.split())) / len(gt) >= 0.5


def _score(pred: list[tuple[str, str]], gold: list[dict]) -> tuple[int, int, int, int]:
    """(tp, strict, extra, missed) as score.py's score_timexes counts them."""
    seen: dict[tuple[str, str], str] = {}
    for surface, value in pred:
        seen.setdefault((_norm(surface), value), surface)
    preds = [(surface, value) for (_, value), surface in seen.items()]
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    used: set[int] = set()
    tp = strict = 0
    for g in required:
        cands = [i for i, (s, _) in enumerate(preds) if i not in used and _surfaces_match(s, g["surface"])]
        exact = [i for i in cands if preds[i][1] == g["value"]]
        pick = (exact or cands or [None])[0]
        if pick is None:
            continue
        used.add(pick)
        tp += 1
        strict += preds[pick][1] == g["value"]
    for g in optional:
        for i, (s, _) in enumerate(preds):
            if i not in used and _surfaces_match(s, g["surface"]):
                used.add(i)
    return tp, strict, len(preds) - len(used), len(required) - tp


def _seed_sentences(path: Path) -> list[Sentence]:
    """Sentence tuples of a seed file: one per sentence of each line, with the line's kind."""
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            if line.startswith("Nguồn"):
                kind = "source"
            elif re.search(r"\(TTXVN\)\s*$", line) and len(line) < 40:
                kind = "byline"
            elif "Ảnh:" in line or line.rstrip().endswith("|"):
                kind = "caption"
            else:
                kind = "body"
            for m in re.finditer(r"\S(?:.*?[.!?](?=\s|$)|.*$)", line):  # a stop followed by a space ends a sentence
                out.append(Sentence(len(out), 0, kind, pos + m.start(), pos + m.end(), m.group(0), False))
        pos += len(line) + 1
    return out


SEED_DATES = {"000_4af1e7082c8abb7e": ("2018-07-19", "reference"), "004_4cfb776a088c147b": ("2018-11-23", "published_at")}


@pytest.mark.parametrize("article_id", sorted(SEED_DATES))
def test_seeds_strict_f1_is_one(article_id, seeds_gold):
    anchor_date, anchor = SEED_DATES[article_id]
    sentences = _seed_sentences(SEEDS / f"{article_id}.txt")
    found = list(iter_timexes(sentences, anchor_date=dt.date.fromisoformat(anchor_date), anchor=anchor))
    tp, strict, extra, missed = _score([(t.surface, t.value) for t in found], seeds_gold["articles"][article_id]["timexes"])
    assert (strict, extra, missed) == (tp, 0, 0)
    assert tp == sum(1 for g in seeds_gold["articles"][article_id]["timexes"] if not g.get("optional"))


def test_seeds_parsed_end_to_end_score_strict_f1_one(seeds_corpus, seeds_gold):
    """The same through `newsframes.parse` (the lead's reader, structure and sentence splitter)."""
    timexes = seeds_corpus.timexes
    for article_id, spec in seeds_gold["articles"].items():
        part = timexes[timexes["article_id"] == article_id]
        tp, strict, extra, missed = _score(list(zip(part["surface"], part["value"], strict=True)), spec["timexes"])
        assert (strict, extra, missed) == (tp, 0, 0), article_id


# --- properties -------------------------------------------------------------------------------------------------

VI_WORDS = (
    "ngày tháng năm tuần quý hôm nay qua kia mai sáng chiều tối đêm rạng thứ Hai Ba Năm Chủ nhật cùng đó sau "
    "trước hiện tới vừa mỗi hàng hằng thập niên những các đầu giữa cuối lúc giờ h phút một hai mười mươi lăm nửa "
    "cách đây từ đến và hoặc số COVID-19 tỷ người"
).split()
TOKENS = st.one_of(
    st.sampled_from(VI_WORDS),
    st.from_regex(r"\d{1,4}([/.\-–]\d{1,4}){0,2}", fullmatch=True),
    st.sampled_from([",", ".", "(", ")", "-", "/", ":", "  ", "\n", "“", "”"]),
    st.text(max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(
    tokens=st.lists(TOKENS, max_size=30),
    anchor=st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))),
)
def test_arbitrary_text_never_raises_and_spans_round_trip(tokens, anchor):
    text = " ".join(tokens)
    found = find_timexes(text, anchor_date=anchor)
    for t in found:
        assert text[t.start:t.end] == t.surface
        assert t.kind in {"date", "duration", "set", "time"}
        assert t.precision in {None, "day", "week", "month", "quarter", "year"}
        assert t.anchor in {None, "absolute", "published_at", "previous", "reference"}
        assert t.date is None or isinstance(t.date, dt.date)
    spans = sorted((t.start, t.end) for t in found)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))  # no overlaps


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=200))
def test_any_unicode_never_raises(text):
    for t in find_timexes(text, anchor_date=dt.date(2018, 11, 23)):
        assert text[t.start:t.end] == t.surface


# --- months in words, bare positions, seasons and centuries (bench sentences) ----------------------------------

# (text, published_at, surface, value); an empty surface: nothing at all may be found in the text.
WORD_CASES = [
    ("Triều Tiên hồi tháng một tiến hành vụ thử hạt nhân thứ tư và một tháng sau phóng thử tên lửa tầm xa.", "",
     "tháng một", "XXXX-01"),
    ("Ông Lavrov là quan chức Nga cấp cao nhất gặp ông Trump kể từ khi Tổng thống Mỹ nhậm chức hồi tháng một.",
     "2017-05-11", "tháng một", "2017-01"),
    ("Đã có ít nhất ba cuộc tập trận đổ bộ, được tiến hành từ đầu tháng năm đến nay.", "2016-05-20",
     "đầu tháng năm", "2016-05"),
    ("Hồi tháng Giêng năm nay, Bắc Triều Tiên đã tiến hành vụ thử hạt nhân lần thứ tư và đến tháng Hai họ lại bắn "
     "thử tên lửa tầm xa.", "", "tháng Giêng năm nay", "XXXX-01"),
    ("Hồi tháng Giêng năm nay, Bắc Triều Tiên đã tiến hành vụ thử hạt nhân lần thứ tư và đến tháng Hai họ lại bắn "
     "thử tên lửa tầm xa.", "", "tháng Hai", "XXXX-02"),
    ("Một số cổ động viên quá khích tấn công nhà của Woodward vào tháng Giêng năm ngoái.", "2021-04-21",
     "tháng Giêng năm ngoái", "2020-01"),
    ("Theo BBC, quốc gia đã trao qui chế tị nạn tạm thời cho điệp viên này vào tháng Tám vừa qua.", "2013-11-01",
     "tháng Tám vừa qua", "2013-08"),
    ("Các cuộc đàm phán đã bị đình trệ từ tháng mười hai năm ngoái.", "2021-04-22",
     "tháng mười hai năm ngoái", "2020-12"),
    ("Hồi giữa tháng, cả Mỹ và Trung Quốc đều đưa các nhóm tác chiến tàu sân bay tới Biển Đông.", "2021-05-01",
     "giữa tháng", "2021-05"),
    ("Giám đốc CIA bày tỏ mối quan ngại trong phiên điều trần của Thượng viện vào hồi đầu tháng, mặc dù ông không có "
     "bằng chứng.", "", "đầu tháng", "XXXX-XX"),
    ("Nga sẽ đạt miễn dịch cộng đồng vào mùa Thu năm nay, đồng thời kêu gọi người dân tích cực tiêm vắc xin.",
     "2021-04-25", "mùa Thu năm nay", "2021-FA"),
    ("Leo bắt đầu hẹn hò với người mẫu Kelly Rohrbach vào mùa xuân năm 2015.", "2021-04-20",
     "mùa xuân năm 2015", "2015-SP"),
    ("Mùa hè vừa qua, Pavel Durov, nhà sáng lập mạng xã hội Vkontakte, đã công khai mời Snowden làm việc.",
     "2013-10-31", "Mùa hè vừa qua", "2013-SU"),
    ("Giới chức Mỹ không ngăn cản người dân du lịch đến châu Âu trong mùa hè này song kêu gọi công dân Mỹ đề phòng.",
     "2016-06-01", "mùa hè này", "2016-SU"),
    ("Người dân lo ngại giá điện tăng khi mùa đông tới gần.", "2016-06-01", "", ""),
    ("“Thật vô lý rằng trong thế kỷ 21, chúng ta phải sống với những tội ác man rợ như thế này”, ông Temer bức xúc.",
     "", "thế kỷ 21", "20"),
    ("Tính trên toàn cầu, 34% các thềm băng hiện có nguy cơ sụp vỡ vào cuối thế kỷ XXI.", "2021-04-20",
     "cuối thế kỷ XXI", "20"),
    ("Chung cư 727 được xây dựng từ những năm 60 của thế kỷ trước với tên gọi Building President.", "2021-04-20",
     "thế kỷ trước", "19"),
    ("Ông Vũ Khoan chia sẻ: “Những năm 80 thế kỷ trước, tôi được giao nhiệm vụ nghiên cứu.", "", "thế kỷ trước", "XX"),
    ("Anh Nguyễn Văn Vương (SN 1982) xác nhận, hóa đơn và những phản ánh trên mạng là đúng.", "2021-04-20",
     "1982", "1982"),
    ("Danh tính các nạn nhân được xác định là em Vũ Quang Minh (SN 2009) và Nguyễn Hữu Quân.", "", "2009", "2009"),
    ("Kristen Zang từng hẹn hò với Leo trong hai năm (1996-1998).", "2021-04-20", "1998", "1998"),
    ("Brie Larson giành giải Oscar cho nữ diễn viên xuất sắc nhất với vai diễn trong phim Room (2015).", "2021-04-20",
     "2015", "2015"),
    ("Cô tốt nghiệp đại học và có tổng cộng (2000 người) theo học.", "2021-04-20", "", ""),
    # numbers, not months; a century ago, not the last century; before the common era; lunar; "the years"
    ("Phụ nữ nên tự khám vú đều đặn mỗi tháng một lần, tốt nhất tự kiểm tra sau kỳ kinh nguyệt.", "2021-04-27",
     "mỗi tháng", "P1M"),
    ("Đồng thời, hãy thực hiện khám sức khỏe định kỳ 6 tháng một lần.", "2021-04-21", "6 tháng", "P6M"),
    ("Cô vẫn không quên được những tháng năm nhọc nhằn thời thơ ấu.", "2021-04-17", "", ""),
    ("Kể từ khi được phát hiện hơn 1,5 thế kỷ trước, hầu hết mọi thứ về nó vẫn chưa được giải quyết.", "2020-10-04",
     "", ""),
    ("Là ngọn đèn biển được xây dựng vào thế kỷ thứ 3 trước Công nguyên trên hòn đảo Pharos.", "", "", ""),
    ("Đã thành thường niên, vào dịp rằm tháng Ba, Lễ hội Sóong Cọ lại được diễn ra.", "2021-04-26", "", ""),
    ("Ung thư da sẽ có nguy cơ cao hơn ở những người tiếp xúc nhiều với ánh nắng, tích lũy theo tháng năm.",
     "2021-04-20", "", ""),
]


@pytest.mark.parametrize("text, published_at, surface, value", WORD_CASES, ids=[c[2] or c[0][:30] for c in WORD_CASES])
def test_word_months_seasons_centuries(text, published_at, surface, value):
    found = {(t.surface, t.value) for t in find_timexes(text, anchor_date=published_at or None)}
    if surface:
        assert (surface, value) in found
        assert not any(s != surface and (surface in s or s in surface) for s, _ in found)  # no overlapping reading
    else:
        assert found == set()


@pytest.mark.parametrize(
    "texts, values",
    [
        (["Theo Cảng vụ Hàng không, chiều 27/5, một người dân phát hiện vật thể lạ.",
          "Trong khoảng thời gian từ 12 – 13h cùng ngày có 4 chuyến bay hạ cánh."], ["XXXX-05-27", "XXXX-05-27"]),
        (["Ngày 21/5, bệnh nhân nhập viện.", "Cô lấy lại ý thức vào ngày hôm sau."], ["XXXX-05-21", "XXXX-05-22"]),
        (["Cùng ngày, đối tượng đến cơ quan Công an đầu thú."], ["XXXX-XX-XX"]),
    ],
)
def test_undated_anaphora_copy_the_previous_day(texts, values):
    """Without an article date, "cùng ngày" / "hôm sau" copy or shift a yearless day; no year is guessed."""
    sentences, at = [], 0
    for i, text in enumerate(texts):
        sentences.append(Sentence(i, 0, "body", at, at + len(text), text, False))
        at += len(text) + 1
    found = [t for t in iter_timexes(sentences) if t.kind == "date"]
    assert [t.value for t in found] == values
    assert all(t.date is None for t in found)


@pytest.mark.parametrize(
    "text, published_at, precision, date",
    [
        ("vào mùa Thu năm nay", "2021-04-25", "quarter", dt.date(2021, 9, 1)),
        ("vào mùa đông năm 2022", "2021-04-25", "quarter", dt.date(2022, 12, 1)),
        ("trong thế kỷ 21", "2021-04-25", "year", dt.date(2000, 1, 1)),
        ("hồi tháng mười một", "2021-04-25", "month", dt.date(2020, 11, 1)),
    ],
)
def test_seasons_and_centuries_are_dated(text, published_at, precision, date):
    (t,) = find_timexes(text, anchor_date=published_at)
    assert (t.kind, t.precision, t.date) == ("date", precision, date)


@pytest.mark.parametrize("text, values", [
    # (vmds, 22/10/2013) after the bracket "tới Nga" goes to Russia: the days are this year's, not next year's
    ("trong chuyến thăm kéo dài 2 ngày (20-21/10) tới Nga, hành động của Tổng thống Putin gây bất ngờ",
     {"2013-10-20", "2013-10-21"}),
    ("Hội nghị sẽ diễn ra vào ngày (25/10) tới, tại Hà Nội.", {"2013-10-25"}),
])
def test_toi_after_a_bracketed_date(text, values):
    assert {t.value for t in find_timexes(text, anchor_date="2013-10-22")} == values
