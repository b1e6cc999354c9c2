"""The actors stage: mentions found by registry, pattern and coreference, checked case by case and on the seeds."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from newsframes.actors import Mention, find_mentions, iter_mentions, load_registry, slug
from newsframes.evaluate import GoldActors, normalize
from newsframes.sentences import Sentence, split_sentences

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "seeds"


def _cases() -> list[tuple[str, ...]]:
    with (DATA / "actor_cases.tsv").open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t",
                              quoting=csv.QUOTE_NONE, escapechar="\\")
        return [(r["text"], r["surface"], r["actor_name"], r["actor_type"], r["country"], r["role"]) for r in rows]


CASES = _cases()


def test_enough_cases():
    assert len(CASES) >= 100


@pytest.mark.parametrize("text, surface, actor_name, actor_type, country, role", CASES)
def test_case(text, surface, actor_name, actor_type, country, role):
    assert surface in text, "the surface must be quoted from the text"
    found = [m for m in find_mentions(text) if m.surface == surface]
    if actor_name == "-":
        assert found == [], f"{surface!r} should not be an actor here, got {found}"
        return
    assert found, f"{surface!r} not found; mentions: {[(m.surface, m.actor_name) for m in find_mentions(text)]}"
    m = found[0]
    assert (m.actor_name, m.actor_type, m.country or "", m.role or "") == (actor_name, actor_type, country, role)


def _sentences(text: str, kind: str = "body") -> list[Sentence]:
    return [Sentence(i, 0, kind, a, b, text[a:b], False) for i, (a, b) in enumerate(split_sentences(text))]


def test_offsets_point_into_the_article():
    text = "Nga, Triều Tiên nhất trí.\nTổng thống Nga Vladimir Putin nói. Ông Putin cũng cho biết thêm."
    sents = [Sentence(0, 0, "title", 0, 25, text[:25], False)]
    sents += [Sentence(1 + i, 1, "body", 26 + a, 26 + b, text[26 + a:26 + b], False)
              for i, (a, b) in enumerate(split_sentences(text[26:]))]
    mentions = list(iter_mentions(sents))
    assert mentions and all(text[m.start:m.end] == m.surface for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(isinstance(m, Mention) and m.method in ("registry", "pattern", "coreference") for m in mentions)


@pytest.mark.parametrize("kind, expected", [("byline", []), ("source", []), ("body", ["Anh"])])
def test_bylines_and_source_lines_are_skipped(kind, expected):
    text = "Lan Anh (TTXVN) Anh, Pháp"
    sents = [Sentence(0, 0, kind, 0, len(text), text, False)]
    got = [m.surface for m in iter_mentions(sents) if m.surface == "Anh"]
    assert got == (expected if kind == "body" else [])


@pytest.mark.parametrize("caption, kept, dropped", [
    ("Triều Tiên phá hủy bãi thử hạt nhân Punggye-ri. Ảnh: YONHAP/TTXVN", "Triều Tiên", "TTXVN"),
    ("Nhà lãnh đạo Triều Tiên Kim Jong-un tại Bình Nhưỡng ngày 31/5. YONHAP/ TTXVN", "Kim Jong-un", "YONHAP"),
    ("Thủ tướng Anh Boris Johnson tại London. (Ảnh: Reuters)", "Boris Johnson", "Reuters"),
    ("Tổng thống Nga Vladimir Putin phát biểu. AFP/TTXVN", "Vladimir Putin", "AFP"),
])
def test_photo_credits_are_not_actors(caption, kept, dropped):
    sents = _sentences(caption, kind="caption")
    surfaces = {m.surface for m in iter_mentions(sents)}
    assert kept in surfaces and dropped not in surfaces


def test_unknown_title_without_a_name_invents_no_actor():
    mentions = find_mentions("Một nhà ngoại giao cao cấp Triều Tiên đã gặp Đại sứ Nga tại Bình Nhưỡng.")
    assert {m.actor_type for m in mentions} == {"country", "location"}


def test_title_before_the_name_resolves_over_the_whole_article():
    text = ("Đại sứ quán Nga cho biết đã gặp Đại sứ Nga tại Bình Nhưỡng. "
            "Đại sứ Nga tại Nhật Bản Mikhail Galuzin không dự. Đại sứ Nga Alexander Matsegora đã phát biểu.")
    desc = [m for m in find_mentions(text) if m.surface == "Đại sứ Nga tại Bình Nhưỡng"]
    assert [(m.actor_name, m.method) for m in desc] == [("Alexander Matsegora", "coreference")]


@pytest.mark.parametrize("text, names", [
    ("Moscow trả đũa. Moskva cũng nói.", {"Moskva"}),  # made
    ("Moscow trả đũa. Mátxcơva nói. Moscow cho biết.", {"Moskva"}),  # made: the article's forms do not matter
    ("Bộ Quốc phòng Mỹ cho biết.", {"Lầu Năm Góc"}),  # made
    ("Điện Kremlin thông báo, Moskva đã mời nhà lãnh đạo Triều Tiên.", {"Điện Kremlin", "Moskva", "Triều Tiên"}),
    ("Tại Bình Nhưỡng ngày 31/5. Washington muốn Pyongyang thực hiện.", {"Bình Nhưỡng", "Washington"}),  # made
    ("Hạn ngạch do LHQ quy định. Liên Hợp Quốc cho phép.", {"Liên hợp quốc"}),  # made
    ("Theo hãng thông tấn Yonhap, Tổng thống Nga Putin nói.", {"Yonhap", "Nga", "Vladimir Putin"}),  # seeds
])
def test_registry_actors_have_the_registry_name_whatever_the_form(text, names):
    found = find_mentions(text)
    assert {m.actor_name for m in found} == names
    assert len({m.actor_id for m in found}) == len(names)


def test_registry_names_are_one_per_actor():
    frame = load_registry().frame()
    assert frame["actor_id"].is_unique
    assert frame["actor_name"].is_unique, frame[frame["actor_name"].duplicated(keep=False)]


@pytest.mark.parametrize("text, found", [
    ("trong đó hai bên nhất trí về sự cần thiết giải quyết các vấn đề tồn tại", True),  # seeds
    ("Hai bên \"có quan điểm chung về sự cần thiết giải quyết các vấn đề\".", True),  # seeds
    ("Hàng cây xanh hai bên đường bị đốn hạ.", False),  # made
])
def test_both_sides_only_as_the_parties_of_a_talk(text, found):
    assert any(m.actor_type == "group" for m in find_mentions(text)) is found


def test_slugs_are_stable():
    assert slug("Trung tâm an ninh và năng lượng của Nga") == "trung-tam-an-ninh-va-nang-luong-cua-nga"
    assert find_mentions("Giám đốc Nga Anton Khlopkov nói.")[-1].actor_id == "person:anton-khlopkov"


# ------------------------------------------------------------------------ fast paths agree with the plain definitions
def _slug_plain(text: str) -> str:
    import re
    import unicodedata

    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@pytest.mark.parametrize("name", ["Trung tâm an ninh", "Nguyễn Thị Ánh Nguyệt", "Đặng Thùy Trâm", "İstanbul Üniversitesi",
                                  "Σωκράτης Ο'Νηλ", "Kim Jong-un (Triều Tiên)", "Ẩm thực Huế", "ǅemal Bijedić", ""])
def test_slug_table_matches_the_decomposition(name):
    assert slug(name) == _slug_plain(name)


@pytest.mark.parametrize("piece", ["Mỹ,", "(Nga", "Jong-un", "Jong-un),", "...", "a\xa0b", "\tNga", "O’Neil.", "AT&T:",
                                   "2020-2021", "-Mỹ-", "_x_"])
def test_pieces_split_like_the_word_pattern(piece):
    from newsframes.actor_lexicon import _WORD, _split_piece

    words, starts = _split_piece(piece)
    assert (words, list(starts)) == ([m.group() for m in _WORD.finditer(piece)], [m.start() for m in _WORD.finditer(piece)])


@pytest.mark.parametrize("a, b", [("Chanthouk", "Chanthuok"), ("Putin", "Putin"), ("Vladmir putin", "vladimir putin"),
                                  ("Kim", "Kimberley"), ("Abe", "Obama"), ("Nguyễn", "Nguyen")])
def test_similar_names_as_difflib_says(a, b):
    from difflib import SequenceMatcher

    from newsframes.coref import _similar

    assert _similar(a, b) == (SequenceMatcher(None, a, b).ratio() >= 0.85)


@pytest.mark.parametrize("text, found", [
    ("Bài và ảnh: Trang Phạm thực hiện.", []),  # a given name before a family name: a person, not an outlet
    ("Theo Trang Nguyễn Thu, giá vàng tăng.", []),
    ("Theo trang Axios, ông Trump sẽ đến.", [("Axios", "organization"), ("Trump", "person")]),
])
def test_trang_is_a_given_name_before_a_family_name(text, found):
    assert [(m.surface, m.actor_type) for m in find_mentions(text)] == found


@pytest.mark.parametrize("text", [
    "Trong cuộc họp hôm qua tại Hà Nội, ông Khlopkov nói rằng Nga sẵn sàng.",
    "Theo tin từ Washington, Bộ Ngoại giao Mỹ cho biết đã triệu tập Đại sứ Nga.",
    "Ngày 5/3, báo Khmer Times đưa tin Thủ tướng Campuchia Hun Manet sẽ thăm Nhật Bản.",
    "Hôm nay tại Nhà Trắng, Tổng thống Mỹ Joe Biden tiếp những cựu Tổng thống Mỹ.",
    "Mark Krikorian, giám đốc điều hành Trung tâm nghiên cứu nhập cư, và bà Lan, 44 tuổi, đã gặp nhau.",
    "Sau đó những người này gặp ông Lavrov, Ngoại trưởng Nga.",
])
def test_reading_from_the_first_trigger_finds_what_a_full_reading_finds(text, monkeypatch):
    from newsframes.actor_grammar import _Sentence

    fast = find_mentions(text)
    monkeypatch.setattr(_Sentence, "_start", lambda self, chosen, trig: 0)
    assert fast == find_mentions(text)
    assert fast  # (each sentence names someone)


# ---------------------------------------------------------------------------------------------- the seeds
def _seed_sentences(path: Path) -> list[Sentence]:
    """One Sentence per sentence of each line (the lead's splitter is not needed to score this stage)."""
    text = path.read_text(encoding="utf-8")
    out, offset = [], 0
    for pid, line in enumerate(text.split("\n")):
        for a, b in split_sentences(line):
            out.append(Sentence(len(out), pid, "body", offset + a, offset + b, line[a:b], False))
        offset += len(line) + 1
    # a TTXVN story may end with its byline ("Thúc Anh (TTXVN)") and its source line ("Nguồn ...: http://...")
    kinds = {pid: "byline" if line.strip().endswith("(TTXVN)") else "source"
             for pid, line in enumerate(text.split("\n"))
             if line.strip().endswith("(TTXVN)") or line.startswith("Nguồn")}
    return [s._replace(kind=kinds.get(s.paragraph_id, s.kind)) for s in out]


def _score(gold: dict, tables: dict[str, pd.DataFrame]) -> dict:
    """Actor precision/recall/F1 with the matching rules of the shared scorer (../shared/eval/score.py)."""
    index = GoldActors(gold["actors"])
    tp = fp = fn = 0
    for aid, spec in gold["articles"].items():
        pred = tables[aid]
        req = {g if isinstance(g, str) else g["actor"] for g in spec["actors"] if isinstance(g, str) or not g.get("optional")}
        opt = {g["actor"] for g in spec["actors"] if isinstance(g, dict) and g.get("optional")}
        found, extra = set(), set()
        for row in pred.drop_duplicates(["actor_id", "actor_name"]).itertuples(index=False):
            keys = index.keys(row.actor_id, row.actor_name, row.actor_type, row.country)
            if keys & req:
                found.add(sorted(keys & req)[0])
            elif not keys & opt:
                extra.add(row.actor_name)
        tp, fp, fn = tp + len(found), fp + len(extra), fn + len(req - found)
    p, r = tp / (tp + fp), tp / (tp + fn)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r), "extra": extra}


def test_seed_actors_score():
    gold = json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))
    tables = {}
    for aid in gold["articles"]:
        mentions = list(iter_mentions(_seed_sentences(SEEDS / f"{aid}.txt")))
        tables[aid] = pd.DataFrame(mentions, columns=Mention._fields)
    result = _score(gold, tables)
    assert result["f1"] >= 0.95, result
    assert result["precision"] == 1.0, result["extra"]


def test_gold_names_normalize_like_the_scorer():
    assert normalize("Kim Jong-un") == normalize("Kim Jong Un")


@pytest.mark.parametrize("text, anaphors", [
    ("Ông Dương Trung Quốc cho biết như vậy. Theo đơn vị này, sự việc đã được xử lý.", []),  # "đơn vị": a unit
    ("Ông Dương Trung Quốc cho biết như vậy. Theo ông này, sự việc đã được xử lý.", ["ông này"]),
])
def test_a_bare_description_is_a_word_of_its_own(text, anaphors):
    assert [m.surface for m in find_mentions(text) if m.method == "coreference"] == anaphors


@pytest.mark.parametrize("text", [
    # "thanh tra" is also the activity (inspection): bare, it refers back to no one
    "Thứ trưởng Phạm Ngọc Thưởng dẫn đầu đoàn công bố Quyết định Thanh tra trách nhiệm quản lý.",
    "Thứ trưởng Phạm Ngọc Thưởng cho biết, đoàn sẽ thanh tra việc tuyển dụng viên chức.",
])
def test_a_title_that_is_also_an_activity_describes_no_one_bare(text):
    assert [m.surface for m in find_mentions(text)] == ["Phạm Ngọc Thưởng"]


@pytest.mark.parametrize("text", [
    # Đông Anh is a district of Hanoi, not England (bench: news_health, news_society)
    "Các nước như Anh, Pháp đã gửi xe cứu thương. Bệnh nhân 2928 là F1 của nam bệnh nhân 2911 ở Đông Anh, Hà Nội.",
    "Các nước như Anh, Pháp đã gửi xe cứu thương. Cách ly toàn bộ xã Việt Hùng (huyện Đông Anh).",
])
def test_dong_anh_is_no_england(text):
    assert [m.surface for m in find_mentions(text) if m.actor_name == "Anh"] == ["Anh"]
