"""Benchmarks: newsframes' full parse against the peers, and its cost curve, on the bench corpus.

    python bench/run.py [--corpus PATH] [--sizes 1000,10000,all] [--peer-sample 200]
                        [--engine pandas|dask|both] [--workers N] [--out bench/results.md]

What it measures, each run in its own process (so peak memory is per run):

* newsframes' full parse (read, structure, sentences, timexes, actors, statements, timeline, tables written as
  Parquet) on 1k and 10k articles spread over the corpus (every k-th, so each slice has the corpus's mix) and
  on all of it: articles/s, MB/s of article text (UTF-8), and the peak resident memory of the process and its children (the dask workers);
* the peers on a sample of the same corpus (every k-th article): underthesea's ``sent_tokenize`` and ``ner`` on
  every sentence plus dateparser's ``search_dates(text, languages=["vi"])``, the pipeline a user would assemble
  today. Their rate is scaled to the corpus and compared with newsframes' rate, on the whole corpus and on the
  very same sample.

The result is printed as markdown and written to ``--out`` with the machine it ran on. Timed targets live here,
never in the tests.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import ROOT, Slice, default_corpus, machine, prepare_inputs  # noqa: E402

HERE = Path(__file__).resolve().parent
#: The issue's targets.
TARGET_RATE = 1000  # articles/s for the full parse on a 2-core machine
TARGET_RATIO = 300  # times the peers' rate


def parse_sizes(text: str) -> list[int | None]:
    sizes: list[int | None] = []
    for part in text.split(","):
        part = part.strip().lower().replace("_", "")
        if part == "all":
            sizes.append(None)
        elif part.endswith("k") and part[:-1].isdigit():
            sizes.append(int(part[:-1]) * 1000)
        elif part.isdigit() and int(part) > 0:
            sizes.append(int(part))
        else:
            raise argparse.ArgumentTypeError(f"--sizes: {part!r} is not a number of articles or 'all'")
    return sizes


def child(*args: str, library: Path | None = None) -> dict:
    """Run ``bench/child.py`` and return its JSON result; its stderr is passed through.

    With ``library``, the child imports ``newsframes`` from that folder instead of the checkout.
    """
    cmd = [sys.executable, str(HERE / "child.py"), *args]
    env = dict(os.environ)
    if library is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(library), env.get("PYTHONPATH")]))
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(args[:3])} failed (exit {proc.returncode}); see the messages above")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def mb(n: float) -> str:
    return f"{n / 1e6:,.1f}"


def rss(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


# --------------------------------------------------------------------------------------------- report


def render(info: dict, runs: list[tuple[Slice, dict]], peers: dict | None, sample_run: dict | None,
           sample: Slice | None, corpus: Path, engines: list[str]) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Written by `bench/run.py` (`make bench`) on {info['date']}. Corpus: `{corpus.name}` "
        "(the bench corpus; never the holdout).",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in info.items()],
        "",
    ]
    libraries = {r.get("library") for _, r in runs} | ({sample_run.get("library")} if sample_run else set())
    if len(libraries) > 1:
        lines += [
            f"**The library changed during the benchmark** ({len(libraries)} versions of `lib/newsframes` were "
            "measured), so the runs are not comparable with each other; rerun on a settled checkout.",
            "",
        ]
    stages = next((r["stages"] for _, r in runs if "stages" in r), {})
    missing = [s for s, ok in stages.items() if not ok]
    if missing:
        lines += [
            f"**Partial pipeline:** the stage module(s) {', '.join(missing)} did not exist at this commit, so "
            "those stages yielded nothing and cost nothing. Rerun once they land.",
            "",
        ]
    lines += [
        "## newsframes: full parse",
        "",
        "Read, structure, sentences, timexes, actors, statements, timeline, and every table written as Parquet. "
        "*s* is the parse as `RunStats` times it (for dask: from the first partition submitted to the last one "
        "written, the cluster already up); *process s* is the whole process: imports, cluster start and stop; "
        "*CPU s* is the CPU time of the whole process tree (all cores, start-up included), which other load on "
        "the machine disturbs less than wall time. "
        "MB/s counts the articles' text in UTF-8. Peak memory is the resident set of the process and its "
        "children (the dask workers and their nanny processes), sampled every 50 ms.",
        "",
        "| engine | articles | errors | text MB | s | articles/s | MB/s | process s | CPU s | peak memory | "
        "rows: sentences / mentions / timexes / statements |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for sl, r in runs:
        n = r["articles"] + r["errors"]
        rows = r["rows"]
        lines.append(
            f"| {r['engine']}{' (' + str(r['workers']) + ' workers)' if r.get('workers') else ''} | {n:,} | "
            f"{r['errors']:,} | {mb(sl.text_bytes)} | {r['seconds']:.2f} | {n / r['seconds']:,.0f} | "
            f"{sl.text_bytes / 1e6 / r['seconds']:.2f} | {r['process_seconds']:.1f} | {r['cpu_seconds']:.1f} | "
            f"{rss(r['peak_rss'])} | "
            f"{rows['sentences']:,} / {rows['mentions']:,} / {rows['timexes']:,} / {rows['statements']:,} |"
        )
    lines += ["", "### Cost curve", "",
              "Time should grow linearly with the number of articles (constant seconds per 1,000) and memory "
              "should stay flat (the tables are streamed to disk).", "",
              "| engine | articles | s per 1,000 articles | s per MB of text | CPU s per 1,000 articles | peak memory |",
              "|---|---:|---:|---:|---:|---:|"]
    for sl, r in runs:
        n = r["articles"] + r["errors"]
        lines.append(f"| {r['engine']} | {n:,} | {1000 * r['seconds'] / n:.3f} | "
                     f"{r['seconds'] / (sl.text_bytes / 1e6):.3f} | {1000 * r['cpu_seconds'] / n:.2f} | "
                     f"{rss(r['peak_rss'])} |")
    for engine in engines:
        mine = [(sl, r) for sl, r in runs if r["engine"] == engine]
        if len(mine) >= 2:
            (s0, r0), (s1, r1) = mine[0], mine[-1]
            n0, n1 = r0["articles"] + r0["errors"], r1["articles"] + r1["errors"]
            per_mb = (r1["seconds"] / s1.text_bytes) / (r0["seconds"] / s0.text_bytes)
            lines.append("")
            lines.append(
                f"{engine}: {n1 / n0:,.1f}x the articles took {r1['seconds'] / r0['seconds']:,.1f}x the time "
                f"(per article {(r1['seconds'] / n1) / (r0['seconds'] / n0):.2f}x, per MB of text {per_mb:.2f}x) "
                f"and {r1['peak_rss'] / r0['peak_rss']:.2f}x the peak memory."
            )

    largest = max(r["articles"] + r["errors"] for _, r in runs)
    at_largest = [r for _, r in runs if r["articles"] + r["errors"] == largest]
    best = max(at_largest, key=lambda r: (r["articles"] + r["errors"]) / r["seconds"])
    best_rate = (best["articles"] + best["errors"]) / best["seconds"]

    if peers and sample:
        peer_rate = peers["articles"] / peers["seconds"]
        lines += [
            "",
            "## Peers",
            "",
            f"underthesea `sent_tokenize` + `ner` on every sentence, and dateparser "
            f"`search_dates(text, languages=[\"vi\"])` on every article, on **a sample of {peers['articles']} "
            f"articles** (every k-th article of the corpus, {peers['characters'] / peers['articles']:,.0f} "
            f"characters on average) and **scaled** to the corpus. Loading their models "
            f"({peers['load_seconds']:.1f} s) is left out of their time.",
            "",
            "| step | s on the sample | share | per article |",
            "|---|---:|---:|---:|",
        ]
        for step, key in (("underthesea sent_tokenize", "split_seconds"), ("underthesea ner", "ner_seconds"),
                          ("dateparser search_dates", "dates_seconds"), ("peers together", "seconds")):
            lines.append(f"| {step} | {peers[key]:.1f} | {100 * peers[key] / peers['seconds']:.0f}% | "
                         f"{1000 * peers[key] / peers['articles']:.0f} ms |")
        corpus_articles = max(sl.articles for sl, _ in runs)
        lines += [
            "",
            f"They found {peers['entities']:,} named entities in {peers['sentences']:,} sentences and "
            f"{peers['dates']:,} dates. Peak memory {rss(peers['peak_rss'])}. At {peer_rate:,.2f} articles/s, "
            f"the {corpus_articles:,} articles would take them about "
            f"{corpus_articles / peer_rate / 3600:,.1f} hours on one core.",
            "",
            "## Ratio",
            "",
            "| newsframes run | newsframes articles/s | peers articles/s | ratio |",
            "|---|---:|---:|---:|",
            f"| {best['engine']}, {largest:,} articles | {best_rate:,.0f} | {peer_rate:,.2f} (scaled from the sample) "
            f"| **{best_rate / peer_rate:,.0f}x** |",
        ]
        if sample_run:
            same_rate = sample_run["articles"] / sample_run["seconds"]
            lines.append(f"| pandas, the same {sample.articles} sample articles (data loaded first) | "
                         f"{same_rate:,.0f} | {peer_rate:,.2f} | {same_rate / peer_rate:,.0f}x |")
        lines += [
            "",
            "The peers do less than newsframes: no title, caption or byline structure, no actor canonicalisation, "
            "no speaker attribution, and dateparser resolves relative dates against today.",
        ]
    else:
        peer_rate = None

    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---:|:-:|"]
    lines.append(f"| at least {TARGET_RATE:,} articles/s, full parse, {largest:,} articles | "
                 f"{best_rate:,.0f} ({best['engine']}) | {'yes' if best_rate >= TARGET_RATE else 'no'} |")
    if peer_rate:
        lines.append(f"| at least {TARGET_RATIO}x the peers | {best_rate / peer_rate:,.0f}x | "
                     f"{'yes' if best_rate / peer_rate >= TARGET_RATIO else 'no'} |")
    # On a busy machine wall time says little; CPU time says what an idle machine of this kind would do.
    cores = int(info["cores"].split()[0])
    estimates = []
    for r in at_largest:
        n = r["articles"] + r["errors"]
        usable = cores if r["engine"] == "dask" else 1
        estimates.append((usable * n / r["cpu_seconds"], r["engine"]))
    if estimates:
        est, engine = max(estimates)
        lines.append(f"| same, estimated for an idle machine from CPU time ({cores} cores / CPU s per article) | "
                     f"{est:,.0f} ({engine}) | {'yes' if est >= TARGET_RATE else 'no'} |")
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    if load:
        lines += ["", f"Load average at the end: {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}. Other processes "
                  "on the machine slow the runs down; compare runs made on a quiet machine."]
    return "\n".join(lines) + "\n"


def snapshot(tmp: Path) -> Path:
    """The committed ``lib/`` (``git archive HEAD``) unpacked under ``tmp``: a checkout others edit stays still."""
    import io
    import tarfile

    data = subprocess.run(["git", "archive", "HEAD", "lib"], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(tmp / "snapshot", filter="data")
    return tmp / "snapshot" / "lib"


# --------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, help="JSONL(.gz) corpus (default: ../shared/corpus/bench/articles.jsonl.gz)")
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("1000,10000,all"),
                        help="numbers of articles for the cost curve, 'all' for the whole corpus (default: 1000,10000,all)")
    parser.add_argument("--peer-sample", type=int, default=200, metavar="N",
                        help="articles the peers run on, spread over the corpus (default: 200; 0 skips the peers)")
    parser.add_argument("--engine", choices=("pandas", "dask", "both"), default="both", help="default: both")
    parser.add_argument("--workers", type=int, help="dask workers (default: all cores)")
    parser.add_argument("--partition-size", type=int, default=1000, help="articles per dask partition (default: 1000)")
    parser.add_argument("--out", type=Path, default=HERE / "results.md", help="markdown report (default: bench/results.md)")
    parser.add_argument("--snapshot", action="store_true",
                        help="measure the committed library (git archive HEAD), not the checkout's uncommitted edits")
    args = parser.parse_args(argv)

    corpus = args.corpus or default_corpus()
    if not corpus.is_file():
        parser.error(f"--corpus {corpus}: no such file")
    engines = ["pandas", "dask"] if args.engine == "both" else [args.engine]
    info = machine()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsframes-bench-") as tmp:
        tmp = Path(tmp)
        print(f"bench: preparing inputs from {corpus} ...", file=sys.stderr)
        slices, sample = prepare_inputs(corpus, args.sizes, args.peer_sample or 1, tmp)
        library = snapshot(tmp) if args.snapshot else None
        if library is not None:
            info["commit"] = info["commit"].split()[0] + " (the committed library, measured from a snapshot)"
        runs: list[tuple[Slice, dict]] = []
        for engine in engines:
            for sl in slices:
                print(f"bench: newsframes {engine} on {sl.label} articles ...", file=sys.stderr)
                extra = ["--partition-size", str(args.partition_size)]
                if engine == "dask" and args.workers:
                    extra += ["--workers", str(args.workers)]
                r = child("newsframes", "--engine", engine, "--input", str(sl.path), "--out", str(tmp / "out"), *extra,
                          library=library)
                if engine == "dask":
                    r["workers"] = args.workers or info["cores"].split()[0]
                runs.append((sl, r))
                n = r["articles"] + r["errors"]
                print(f"bench:   {n:,} articles in {r['seconds']:.2f} s = {n / r['seconds']:,.0f} articles/s, "
                      f"peak {r['peak_rss'] / 2**20:,.0f} MiB", file=sys.stderr)
        peers = sample_run = None
        if args.peer_sample:
            print(f"bench: newsframes on the {sample.articles}-article peer sample ...", file=sys.stderr)
            sample_run = child("newsframes", "--engine", "pandas", "--input", str(sample.path),
                               "--out", str(tmp / "out"), "--warm", library=library)
            print(f"bench: peers on the {sample.articles}-article sample (slow) ...", file=sys.stderr)
            peers = child("peers", "--input", str(sample.path))
            print(f"bench:   {peers['articles'] / peers['seconds']:,.2f} articles/s", file=sys.stderr)
    raw = HERE / "out" / "results.json"  # the measurements behind the report (bench/out/ is not committed)
    raw.parent.mkdir(parents=True, exist_ok=True)
    raw.write_text(json.dumps({"machine": info, "runs": [(vars(sl) | {"path": str(sl.path)}, r) for sl, r in runs],
                               "peers": peers, "sample_run": sample_run}, indent=1), encoding="utf-8")
    report = render(info, runs, peers, sample_run, sample, corpus, engines)
    report += f"\nThe whole benchmark took {time.perf_counter() - t0:,.0f} s.\n"
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(f"bench: written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
