"""One measured run in its own process, so its peak memory is its own; prints one JSON line.

    python bench/child.py newsframes --engine pandas|dask --input FILE --out DIR [--workers N] [--warm]
    python bench/child.py peers --input SAMPLE.jsonl

Called by ``bench/run.py``; not a user-facing tool.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from itertools import islice
from pathlib import Path

START = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import PeakRSS, open_text  # noqa: E402


def table_rows(out: Path) -> dict[str, int]:
    """Rows per table in a parse output folder (single files or partitioned datasets), from Parquet metadata."""
    import pyarrow.dataset as ds

    import newsframes as nf

    counts = {}
    for name in nf.TABLE_NAMES:
        target = out / f"{name}.parquet" if (out / f"{name}.parquet").exists() else out / name
        counts[name] = ds.dataset(target, format="parquet").count_rows() if target.exists() else 0
    return counts


def stages_present() -> dict[str, bool]:
    """Which stages ran for real (corpus.py falls back to an empty stage while a module is missing)."""
    import importlib.util

    return {m: importlib.util.find_spec(f"newsframes.{m}") is not None for m in ("timexes", "actors", "statements")}


def library_hash() -> str:
    """A digest of the library's code and data as this run imported them (they change while others work)."""
    import hashlib

    import newsframes

    root = Path(newsframes.__file__).parent
    digest = hashlib.sha1()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def run_newsframes(args: argparse.Namespace) -> dict:
    import shutil

    import newsframes as nf

    out = Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    result: dict = {"engine": args.engine, "library": library_hash()}
    with PeakRSS() as mem:
        if args.warm:  # load data files and compile patterns before the clock starts
            t = time.perf_counter()
            nf.parse(islice(nf.iter_raw([args.input]), 10), progress=False)
            result["warm_seconds"] = time.perf_counter() - t
        t = time.perf_counter()
        if args.engine == "pandas":
            stats = nf.parse_to_dir([args.input], out, progress=False)
        else:
            from newsframes.engines import parse_dask_to_dir

            stats = parse_dask_to_dir([args.input], out, workers=args.workers, progress=False,
                                      partition_size=args.partition_size)
        result["call_seconds"] = time.perf_counter() - t
    result.update(
        articles=stats.articles, errors=stats.errors, seconds=stats.seconds,
        peak_rss=mem.peak, rows=table_rows(out), stages=stages_present(),
    )
    shutil.rmtree(out, ignore_errors=True)
    return result


def run_peers(args: argparse.Namespace) -> dict:
    """The pipeline a user would assemble today: underthesea's sentences and NER, dateparser's date search."""
    with open_text(Path(args.input)) as fh:
        texts = [json.loads(line).get("text") or "" for line in fh if line.strip()]
    with PeakRSS() as mem:
        t = time.perf_counter()
        from dateparser.search import search_dates
        from underthesea import ner, sent_tokenize

        ner("Tổng thống Mỹ phát biểu tại Hà Nội.")  # load the models before the clock starts
        search_dates("ngày 23/10/2018", languages=["vi"])
        load = time.perf_counter() - t
        split = tag = dates = 0.0
        n_sent = n_ent = n_dates = 0
        for text in texts:
            t0 = time.perf_counter()
            sentences = sent_tokenize(text)
            t1 = time.perf_counter()
            for s in sentences:
                n_ent += sum(1 for tok in ner(s) if tok[-1].startswith("B-"))
            t2 = time.perf_counter()
            found = search_dates(text, languages=["vi"]) or []
            t3 = time.perf_counter()
            split += t1 - t0
            tag += t2 - t1
            dates += t3 - t2
            n_sent += len(sentences)
            n_dates += len(found)
    return {
        "articles": len(texts), "characters": sum(map(len, texts)), "sentences": n_sent,
        "entities": n_ent, "dates": n_dates, "load_seconds": load,
        "split_seconds": split, "ner_seconds": tag, "dates_seconds": dates,
        "seconds": split + tag + dates, "peak_rss": mem.peak,
    }


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the dask nannies, which wait for their workers)."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("newsframes")
    p.add_argument("--engine", choices=("pandas", "dask"), default="pandas")
    p.add_argument("--input", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--workers", type=int)
    p.add_argument("--partition-size", type=int, default=1000)
    p.add_argument("--warm", action="store_true")
    q = sub.add_parser("peers")
    q.add_argument("--input", required=True)
    args = parser.parse_args()
    result = run_newsframes(args) if args.what == "newsframes" else run_peers(args)
    result["process_seconds"] = time.perf_counter() - START
    result["cpu_seconds"] = cpu_seconds()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
