"""Read inputs into raw articles: text files and folders, JSONL (optionally gzipped), CSV, Parquet and HTML.

Every input article comes out of :func:`iter_raw` exactly once, either as a :class:`RawArticle` with its text
or as a :class:`ReadError` that says in a sentence what went wrong, so nothing is lost silently.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import math
import os
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Articles larger than this (in bytes of their file, or characters of their text) become an error row.
DEFAULT_MAX_BYTES = 5_000_000

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
CSV_SUFFIXES = (".csv",)
PARQUET_SUFFIXES = (".parquet",)
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED = TEXT_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES + PARQUET_SUFFIXES + HTML_SUFFIXES

#: A file of this name inside an input folder is that folder's manifest, not an article table.
MANIFEST_NAME = "manifest.csv"
#: Columns a manifest may name its articles by (a file name is reduced to its stem).
MANIFEST_ID_COLUMNS = ("article_id", "id", "file", "filename", "path")

#: Metadata fields an input may give, beside `id` and `text`.
META_FIELDS = ("title", "published_at", "url", "site", "agency", "author", "language", "reference_date")


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as read: its id, where it came from, its decoded text and the metadata the input gave."""

    article_id: str
    source_path: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    #: "text" when title/metadata must be read from the text itself, "record" when the input gave fields.
    origin: str = "text"
    #: The fields the record had, even when empty: a record with ``"title": null`` has no title to look for.
    fields: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input article (or a whole input) that could not be read."""

    source_path: str
    article_id: str | None
    stage: str
    error: str


class InputError(ValueError):
    """An input path that cannot be used at all (missing, unsupported type)."""


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(SUPPORTED, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def expand_inputs(inputs: Iterable[str | os.PathLike]) -> list[Path]:
    """Turn paths (files or folders) into the list of files to read, in a stable order.

    Folders are searched recursively for supported files; hidden files and folders are skipped.

    Raises:
        InputError: a path does not exist, or a file has an unsupported suffix.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and _suffix(p) in SUPPORTED
                and p.name != MANIFEST_NAME
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            files.extend(found)
        elif path.is_file():
            if _suffix(path) not in SUPPORTED:
                raise InputError(
                    f"{path}: unsupported input type {path.suffix or '(no suffix)'!r}; "
                    f"newsframes reads {', '.join(SUPPORTED)} files or folders of them"
                )
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


# --------------------------------------------------------------------------------------------- decoding


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 50)


def _vietnamese_ratio(text: str) -> float:
    """Share of letters that carry Vietnamese diacritics, a cheap plausibility check for a decoding."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return 0.0
    viet = sum(1 for c in letters if ord(c) > 127 and unicodedata.name(c, "").startswith("LATIN"))
    return viet / len(letters)


def decode_bytes(data: bytes) -> tuple[str | None, str | None]:
    """Decode the bytes of a text file.

    Handles UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, and the legacy Vietnamese
    Windows-1258 code page (converted to Unicode). Returns ``(text, None)`` or ``(None, error sentence)``.
    """
    if not data.strip():
        return None, "the file is empty"
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError as exc:
                return None, f"the file starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()} ({exc.reason} at byte {exc.start})"
    if _looks_binary(data):
        return None, "the file is binary, not text (it contains NUL or control bytes); give a UTF-8 text file"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Not UTF-8: Vietnamese files of the 2000s were often saved in Windows-1258, whose tone marks are combining
    # characters; decode, compose to NFC and keep the result only if it reads as Vietnamese.
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = None
    if text is not None and _vietnamese_ratio(text) >= 0.08:
        return text, None
    return None, (
        f"the file is not valid UTF-8 (byte {utf8_error.start}: {data[utf8_error.start:utf8_error.start + 1]!r}) and "
        "does not read as Vietnamese in the legacy Windows-1258 code page either; it may be in TCVN3/VNI or "
        "another encoding: convert it to UTF-8 (e.g. `iconv -f <encoding> -t utf-8`)"
    )


# --------------------------------------------------------------------------------------------- records


def _clean_value(value: Any) -> Any:
    """Missing values of every flavour (None, NaN, NaT, empty strings) become None."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    try:
        import pandas as pd

        if value is pd.NaT or (not isinstance(value, (str, list, dict)) and pd.isna(value)):
            return None
    except (TypeError, ValueError, ImportError):
        pass
    return value


def record_to_article(record: Any, *, source_path: str, fallback_id: str, max_bytes: int) -> RawArticle | ReadError:
    """Turn one JSONL/CSV/Parquet record into a raw article, or an error that names the missing piece."""
    if not isinstance(record, dict):
        return ReadError(source_path, None, "read", f"expected a JSON object with a 'text' field, got {type(record).__name__}")
    raw_id = _clean_value(record.get("id", record.get("article_id")))
    article_id = str(raw_id) if raw_id is not None else fallback_id
    text = _clean_value(record.get("text"))
    if text is None:
        if "text" not in record:
            return ReadError(source_path, article_id, "read", "the record has no 'text' field")
        return ReadError(source_path, article_id, "read", "the record's 'text' is empty")
    if not isinstance(text, str):
        return ReadError(source_path, article_id, "read", f"the record's 'text' is a {type(text).__name__}, not a string")
    if len(text) > max_bytes:
        return ReadError(
            source_path, article_id, "read",
            f"the text has {len(text):,} characters, more than the limit of {max_bytes:,} (raise it with --max-bytes)",
        )
    meta = {}
    for key in META_FIELDS:
        value = _clean_value(record.get(key))
        if value is not None:
            meta[key] = value
    return RawArticle(article_id, source_path, text, meta, origin="record", fields=frozenset(record))


def _iter_jsonl(path: Path, *, max_bytes: int) -> Iterator[RawArticle | ReadError]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    stem = path.name.split(".")[0]
    lineno = 0
    try:
        with opener(path, "rb") as fh:
            for lineno, line in enumerate(fh, start=1):
                where = f"{path}#L{lineno}"
                if not line.strip():
                    continue
                if len(line) > max_bytes * 4:
                    yield ReadError(where, None, "read", f"the line has {len(line):,} bytes, more than the limit (raise it with --max-bytes)")
                    continue
                try:
                    record = json.loads(line)
                except UnicodeDecodeError:
                    yield ReadError(where, None, "decode", "the line is not valid UTF-8; JSONL files must be UTF-8")
                    continue
                except json.JSONDecodeError as exc:
                    yield ReadError(where, None, "read", f"the line is not valid JSON ({exc.msg} at column {exc.colno})")
                    continue
                yield record_to_article(record, source_path=where, fallback_id=f"{stem}-{lineno}", max_bytes=max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadError(f"{path}#L{lineno + 1}", None, "read", f"the file could not be read past line {lineno}: {exc}")


def _iter_table_rows(path: Path, *, max_bytes: int) -> Iterator[RawArticle | ReadError]:
    stem = path.stem
    if _suffix(path) == ".parquet":
        try:
            import pyarrow.parquet as pq

            pf = pq.ParquetFile(path)
            names = pf.schema_arrow.names
            if "text" not in names:
                yield ReadError(str(path), None, "read", f"the table has no 'text' column (columns: {', '.join(names)})")
                return
            row = 0
            for batch in pf.iter_batches(batch_size=2000):
                for record in batch.to_pylist():
                    row += 1
                    yield record_to_article(record, source_path=f"{path}#R{row}", fallback_id=f"{stem}-{row}", max_bytes=max_bytes)
        except Exception as exc:  # pyarrow raises many types for damaged files
            yield ReadError(str(path), None, "read", f"the Parquet file could not be read: {exc}")
        return
    # CSV: the csv module streams, handles quoted newlines, and fails per file with a clear message.
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "text" not in reader.fieldnames:
                yield ReadError(str(path), None, "read", f"the CSV has no 'text' column (header: {', '.join(reader.fieldnames or [])})")
                return
            csv.field_size_limit(max(max_bytes * 4, 131072))
            for row, record in enumerate(reader, start=1):
                yield record_to_article(record, source_path=f"{path}#R{row}", fallback_id=f"{stem}-{row}", max_bytes=max_bytes)
    except UnicodeDecodeError as exc:
        yield ReadError(str(path), None, "decode", f"the CSV is not valid UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8")
    except csv.Error as exc:
        yield ReadError(str(path), None, "read", f"the CSV is malformed: {exc}")


def _read_bytes(path: Path, max_bytes: int) -> tuple[bytes | None, str | None]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, f"the file has {size:,} bytes, more than the limit of {max_bytes:,} (raise it with --max-bytes)"
        return path.read_bytes(), None
    except OSError as exc:
        return None, f"the file could not be read: {exc.strerror or exc}"


def _iter_text(path: Path, *, max_bytes: int) -> Iterator[RawArticle | ReadError]:
    data, error = _read_bytes(path, max_bytes)
    if error:
        yield ReadError(str(path), path.stem, "read", error)
        return
    text, error = decode_bytes(data)
    if error:
        yield ReadError(str(path), path.stem, "decode", error)
        return
    yield RawArticle(path.stem, str(path), text, {}, origin="text")


def _iter_html(path: Path, *, max_bytes: int) -> Iterator[RawArticle | ReadError]:
    data, error = _read_bytes(path, max_bytes)
    if error:
        yield ReadError(str(path), path.stem, "read", error)
        return
    if not data.strip():
        yield ReadError(str(path), path.stem, "read", "the file is empty")
        return
    try:
        from trafilatura import bare_extraction

        doc = bare_extraction(data, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura/lxml raise various errors on broken markup
        yield ReadError(str(path), path.stem, "read", f"the HTML page could not be parsed: {exc}")
        return
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        yield ReadError(str(path), path.stem, "read", "no article text was found in the HTML page")
        return
    meta = {}
    for key, attr in (("title", "title"), ("url", "url"), ("site", "hostname"), ("author", "author"), ("published_at", "date")):
        value = _clean_value(getattr(doc, attr, None))
        if value is not None:
            meta[key] = value
    text = doc.text
    # trafilatura repeats the headline as the first line of the text; the title is added back by `structure`.
    title = meta.get("title")
    if title and text.split("\n", 1)[0].strip() == title.strip():
        text = text.split("\n", 1)[1] if "\n" in text else ""
    yield RawArticle(path.stem, str(path), text, meta, origin="record", fields=frozenset(meta))


def iter_raw(inputs: Iterable[str | os.PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | ReadError]:
    """Yield every article of every input, in input order, as a RawArticle or a ReadError.

    Raises:
        InputError: an input path does not exist or has an unsupported type (before anything is read).
    """
    for path in expand_inputs(inputs):
        suffix = _suffix(path)
        if suffix in TEXT_SUFFIXES:
            yield from _iter_text(path, max_bytes=max_bytes)
        elif suffix in JSONL_SUFFIXES:
            yield from _iter_jsonl(path, max_bytes=max_bytes)
        elif suffix in CSV_SUFFIXES + PARQUET_SUFFIXES:
            yield from _iter_table_rows(path, max_bytes=max_bytes)
        elif suffix in HTML_SUFFIXES:
            yield from _iter_html(path, max_bytes=max_bytes)


def find_manifests(inputs: Iterable[str | os.PathLike]) -> list[Path]:
    """The ``manifest.csv`` files at the top of the input folders, read as manifests of their articles."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    return [Path(p) / MANIFEST_NAME for p in inputs if (Path(p) / MANIFEST_NAME).is_file()]


def read_manifest(path: str | os.PathLike) -> dict[str, dict[str, Any]]:
    """Read a manifest CSV into ``{article_id: {field: value}}``.

    The id column is ``article_id`` (or ``id``, or ``file``/``filename``/``path``, whose stem is the id); the
    metadata columns read are those of :data:`META_FIELDS` (``published_at``, ``reference_date``, ``url``,
    ``title``, ...). Lines starting with ``#`` are comments.

    Raises:
        InputError: the file is missing, not UTF-8, or has no id column.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"manifest {path}: no such file")
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            lines = [line for line in fh if not line.startswith("#")]
    except UnicodeDecodeError as exc:
        raise InputError(f"manifest {path}: not valid UTF-8 ({exc.reason}); save it as UTF-8") from None
    reader = csv.DictReader(io.StringIO("".join(lines)))
    id_column = next((c for c in MANIFEST_ID_COLUMNS if c in (reader.fieldnames or [])), None)
    if id_column is None:
        raise InputError(
            f"manifest {path}: needs an id column, one of {', '.join(MANIFEST_ID_COLUMNS)} "
            f"(header: {', '.join(reader.fieldnames or [])})"
        )
    out: dict[str, dict[str, Any]] = {}
    for record in reader:
        aid = (record.get(id_column) or "").strip()
        if id_column in ("file", "filename", "path"):
            aid = Path(aid).stem if aid else aid
        if aid:
            out[aid] = {k: v.strip() for k, v in record.items() if k in META_FIELDS and v and v.strip()}
    return out
