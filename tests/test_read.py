"""Reading every kind of input, and every kind of bad input ending in `errors` with a clear sentence."""
from __future__ import annotations

import gzip
import json
import unicodedata

import pandas as pd
import pytest

import newsframes as nf
from newsframes.read import InputError, decode_bytes, expand_inputs, read_manifest

GOOD = "Tiêu đề tin\n\nTổng thống Nga Vladimir Putin cho biết Nga sẵn sàng hỗ trợ."


def parse_dir(tmp_path, files: dict[str, bytes | str], **kwargs):
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return nf.parse(tmp_path, **kwargs)


def only_error(corpus, stage: str | None = None) -> str:
    assert len(corpus.errors) == 1, corpus.errors
    row = corpus.errors.iloc[0]
    if stage:
        assert row["stage"] == stage
    return row["error"]


# ------------------------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    "data",
    [
        GOOD.encode("utf-8"),
        b"\xef\xbb\xbf" + GOOD.encode("utf-8"),  # UTF-8 byte-order mark
        GOOD.encode("utf-16"),  # UTF-16 with its byte-order mark
        GOOD.encode("utf-16-be").join([b"\xfe\xff", b""]),
        unicodedata.normalize("NFD", GOOD).encode("utf-8"),
    ],
)
def test_decodes_to_the_same_text(data):
    text, error = decode_bytes(data)
    assert error is None
    assert unicodedata.normalize("NFC", text).lstrip("\ufeff") == GOOD


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: precomposed base letters (ê, ơ, đ), tone marks as combining characters."""
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            while marks:
                try:  # compose the base with its vowel mark (ê, ơ, ư, ă, â) if the code page has it
                    candidate = unicodedata.normalize("NFC", base + marks[0])
                    candidate.encode("cp1258")
                    base, marks = candidate, marks[1:]
                except UnicodeEncodeError:
                    break
            out.append((base + "".join(marks)).encode("cp1258"))
    return b"".join(out)


def test_windows_1258_is_converted():
    # Windows-1258 stores tone marks as combining characters; the decoder composes them.
    data = to_cp1258(GOOD)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, error = decode_bytes(data)
    assert error is None and unicodedata.normalize("NFC", text) == GOOD


def test_unknown_legacy_encoding_names_the_problem():
    data = bytes(range(0x80, 0x100)) * 20  # not UTF-8, not Vietnamese in Windows-1258
    text, error = decode_bytes(data)
    assert text is None
    assert "not valid UTF-8" in error and "TCVN3" in error and "iconv" in error


@pytest.mark.parametrize(
    "name, content, stage, words",
    [
        ("empty.txt", b"", "decode", "empty"),
        ("blank.txt", b"  \n\t\n", "decode", "empty"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 100, "decode", "binary"),
        ("controls.txt", b"\x00\x00" + b"\x01" * 50, "decode", "binary"),
    ],
)
def test_bad_text_files_become_error_rows(tmp_path, name, content, stage, words):
    corpus = parse_dir(tmp_path, {"good.txt": GOOD, name: content})
    assert corpus.articles.article_id.tolist() == ["good"]
    error = only_error(corpus, stage)
    assert words in error
    assert corpus.errors.iloc[0]["source_path"].endswith(name)


def test_oversized_file(tmp_path):
    corpus = parse_dir(tmp_path, {"good.txt": GOOD, "huge.txt": "Câu dài. " * 2000}, max_bytes=5000)
    assert "more than the limit" in only_error(corpus, "read")
    assert "--max-bytes" in corpus.errors.iloc[0]["error"]


def test_only_whitespace_after_cleanup(tmp_path):
    corpus = parse_dir(tmp_path, {"good.txt": GOOD, "zw.txt": "\u200b\u200b\u200b\n\u00ad"})
    assert "no text" in only_error(corpus)


# ------------------------------------------------------------------------------------------- records


def write_jsonl(path, lines: list[str], gz: bool = False):
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_bad_lines_each_become_a_row(tmp_path, gz):
    lines = [
        json.dumps({"id": "a1", "title": "Tin A", "text": "Nội dung A.", "published_at": "2013-11-01T00:03:00+07:00"}),
        "{not json",
        json.dumps({"id": "a2", "title": "Tin B"}),
        json.dumps({"id": "a3", "text": ""}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "a4", "text": 42}),
        "",
        json.dumps({"text": "Không có id."}),
        json.dumps({"id": "a1", "text": "Trùng id."}),
    ]
    path = tmp_path / ("in.jsonl.gz" if gz else "in.jsonl")
    write_jsonl(path, lines, gz)
    corpus = nf.parse(path)
    assert corpus.articles.article_id.tolist() == ["a1", "in-8"]
    errors = corpus.errors.error.tolist()
    assert len(errors) == 6
    assert "not valid JSON" in errors[0]
    assert "no 'text' field" in errors[1]
    assert "empty" in errors[2]
    assert "JSON object" in errors[3]
    assert "not a string" in errors[4]
    assert "duplicate article_id 'a1'" in errors[5]
    assert corpus.errors.source_path.str.contains(r"#L\d+$").all()
    a1 = corpus.articles.iloc[0]
    assert a1.title == "Tin A" and a1.text.startswith("Tin A\n\n")
    assert a1.published_at == pd.Timestamp("2013-11-01 00:03:00")  # offset dropped, not converted
    assert a1.published_at_source == "input"


def test_truncated_gzip_is_reported_and_earlier_lines_kept(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(("\n".join(json.dumps({"id": f"x{i}", "text": f"Câu {i}."}) for i in range(200)) + "\n").encode())
    path.write_bytes(data[: len(data) // 2])
    corpus = nf.parse(path)
    assert len(corpus.articles) > 0
    assert "could not be read past line" in corpus.errors.error.iloc[-1]


def test_jsonl_invalid_utf8_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(json.dumps({"id": "ok", "text": "Tốt."}).encode() + b"\n" + b'{"id": "x", "text": "\xff\xfe"}\n')
    corpus = nf.parse(path)
    assert corpus.articles.article_id.tolist() == ["ok"]
    assert "UTF-8" in only_error(corpus, "decode")


def test_csv_and_parquet_rows(tmp_path):
    df = pd.DataFrame({"id": ["c1", "c2", "c3"], "title": ["T1", None, "T3"], "text": ["Nội dung một.", "Nội dung hai.", None],
                       "url": [None, "http://a.vn/x-20190305101010123.htm", None]})
    df.to_csv(tmp_path / "in.csv", index=False)
    df.assign(id=["p1", "p2", "p3"]).to_parquet(tmp_path / "in.parquet")
    corpus = nf.parse(tmp_path)
    assert sorted(corpus.articles.article_id) == ["c1", "c2", "p1", "p2"]
    assert len(corpus.errors) == 2 and corpus.errors.error.str.contains("empty").all()
    c2 = corpus.articles.set_index("article_id").loc["c2"]
    assert c2.published_at == pd.Timestamp("2019-03-05 10:10:10") and c2.published_at_source == "url"


def test_csv_without_text_column(tmp_path):
    (tmp_path / "x.csv").write_text("id,body\n1,abc\n", encoding="utf-8")
    corpus = nf.parse(tmp_path / "x.csv")
    assert "no 'text' column" in only_error(corpus)


def test_corrupt_parquet(tmp_path):
    (tmp_path / "x.parquet").write_bytes(b"PAR1 not really parquet")
    assert "Parquet file could not be read" in only_error(nf.parse(tmp_path / "x.parquet"))


def test_html_page(tmp_path):
    html = """<html><head><title>Nga và Triều Tiên</title>
    <meta property="og:url" content="http://baotintuc.vn/the-gioi/nga-20181123165057694.htm"></head><body>
    <nav>Trang chủ | Thế giới</nav><article><h1>Nga và Triều Tiên nhất trí</h1>
    <p>Theo hãng thông tấn Yonhap, Đại sứ quán Nga tại Triều Tiên ngày 23/11 cho biết hai bên nhất trí về cách tiếp cận.</p>
    <p>Nga đã kêu gọi nới lỏng các biện pháp trừng phạt Triều Tiên, theo thông báo của đại sứ quán.</p>
    </article><footer>Bản quyền</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    corpus = nf.parse(tmp_path / "page.html")
    art = corpus.articles.iloc[0]
    assert "Yonhap" in art.text and "Bản quyền" not in art.text and "Trang chủ" not in art.text
    assert art.published_at == pd.Timestamp("2018-11-23 16:50:57")


def test_empty_html(tmp_path):
    (tmp_path / "e.html").write_text("<html><body></body></html>", encoding="utf-8")
    assert "no article text" in only_error(nf.parse(tmp_path / "e.html"))


# ------------------------------------------------------------------------------------------- inputs


def test_folders_are_read_recursively_and_hidden_files_skipped(tmp_path):
    parse_dir(tmp_path, {"a.txt": GOOD, "sub/b.txt": GOOD, ".hidden/c.txt": GOOD, "notes.md": "x"})
    names = [p.name for p in expand_inputs([tmp_path])]
    assert names == ["a.txt", "b.txt"]


def test_missing_and_unsupported_inputs_raise(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        nf.parse(tmp_path / "nothere")
    (tmp_path / "x.docx").write_bytes(b"PK")
    with pytest.raises(InputError, match="unsupported input type"):
        nf.parse(tmp_path / "x.docx")


def test_manifest_supplies_metadata_and_input_fields_win(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(GOOD, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("article_id,published_at,url\na,2018-11-23T16:50:57+07:00,http://x.vn/a\n", encoding="utf-8")
    corpus = nf.parse(tmp_path / "in", manifest=manifest, reference_date="2018-07-19")
    arts = corpus.articles.set_index("article_id")
    assert arts.loc["a", "published_at"] == pd.Timestamp("2018-11-23 16:50:57")
    assert arts.loc["a", "published_at_source"] == "manifest"
    assert arts.loc["a", "url"] == "http://x.vn/a" and arts.loc["a", "site"] == "x.vn"
    assert arts.loc["b", "published_at"] == pd.Timestamp("2018-07-19")
    assert arts.loc["b", "published_at_source"] == "reference"


def test_manifest_by_file_column(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_text("file,published_at,url\nvn_0001.txt,2020-10-15T09:36:52,http://a.vn\n", encoding="utf-8")
    assert read_manifest(path) == {"vn_0001": {"published_at": "2020-10-15T09:36:52", "url": "http://a.vn"}}


def test_manifest_without_id_column(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("name,published_at\nx,2020-01-01\n", encoding="utf-8")
    with pytest.raises(InputError, match="needs an id column"):
        read_manifest(path)


def test_folder_manifest_is_found_and_not_read_as_articles(seeds_corpus):
    assert len(seeds_corpus.articles) == 2 and len(seeds_corpus.errors) == 0
    arts = seeds_corpus.articles.set_index("article_id")
    assert arts.loc["000_4af1e7082c8abb7e", "published_at_source"] == "reference"


def test_bad_reference_date():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        nf.parse("seeds", reference_date="19/07/2018x")


def test_strict_raises(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "g.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(nf.ParseError, match="1 article"):
        nf.parse(tmp_path, strict=True)


def test_record_with_null_title_has_no_title(tmp_path):
    path = tmp_path / "in.jsonl"
    write_jsonl(path, [
        json.dumps({"id": "n", "title": None, "text": "Binh sĩ tuần tra ở biên giới\nNgày 3/4, quân đội cho biết."}),
        json.dumps({"id": "m", "text": "Tiêu đề suy ra từ dòng đầu\nNgày 3/4, quân đội cho biết."}),
    ])
    arts = nf.parse(path).articles.set_index("article_id")
    assert pd.isna(arts.loc["n", "title"])
    assert arts.loc["m", "title"] == "Tiêu đề suy ra từ dòng đầu"
