"""Benchmark of the timexes stage against dateparser, the peer a user would reach for.

    python bench/bench_timexes.py [--corpus PATH] [--limit 2000] [--peer-sample 300] [--spread] [--examples 8]

On the same bench articles in one run it measures:

* newsframes: ``iter_timexes`` on the article's sentences (the stage alone), and clean-up + sentence splitting +
  ``iter_timexes`` (from the raw text, as dateparser gets it); anchored on the record's ``published_at``;
* dateparser: ``dateparser.search.search_dates(text, languages=["vi"])`` on each article's text, with
  ``RELATIVE_BASE`` set to the record's ``published_at`` when it has one. It is slow, so it runs on
  ``--peer-sample`` of the articles (spread evenly over them) and its rate is measured there; newsframes is also
  measured on exactly that sample, so the ratio compares like with like;
* where the two disagree on the sample: expressions only one of them finds, and values that differ.

Prints markdown. Timings are wall clock and CPU time of this process; the machine may be shared (the load average
is printed), so CPU time is the steadier of the two.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import DEFAULT_CORPUS, machine, open_text  # noqa: E402

DATE_KINDS = ("date", "time")


def load_articles(corpus: Path, limit: int, spread: bool) -> list[dict]:
    """The first ``limit`` records, or ``limit`` records spread evenly over the corpus (``spread``)."""
    with open_text(corpus) as fh:
        if not spread:
            out = []
            for line in fh:
                if line.strip():
                    out.append(json.loads(line))
                    if len(out) >= limit:
                        break
            return out
        lines = [line for line in fh if line.strip()]
    step = max(1, len(lines) // limit)
    return [json.loads(lines[i]) for i in range(0, len(lines), step)][:limit]


def published(record: dict) -> dt.date | None:
    value = record.get("published_at")
    return dt.date.fromisoformat(value[:10]) if value else None


def prepare(records: list[dict]):
    """Clean-up and sentences of each record (what the pipeline hands to the timexes stage)."""
    from newsframes.sentences import iter_sentences
    from newsframes.structure import structure_article

    out = []
    for r in records:
        meta = {k: r[k] for k in ("title", "url", "published_at") if r.get(k)}
        st = structure_article(r.get("text") or "", meta=meta, infer_title=r.get("title") is None)
        out.append((st.text, list(iter_sentences(st.text, st.paragraphs))))
    return out


def run_newsframes(records, prepared):
    from newsframes.timexes import iter_timexes

    return [list(iter_timexes(sents, anchor_date=published(r))) for r, (_, sents) in zip(records, prepared, strict=True)]


def timed(fn, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def run_dateparser(records, texts):
    from dateparser.search import search_dates

    out = []
    for r, text in zip(records, texts, strict=True):
        base = published(r)
        settings = {"RELATIVE_BASE": dt.datetime.combine(base, dt.time())} if base else {}
        try:
            found = search_dates(text, languages=["vi"], settings=settings) or []
        except Exception as exc:  # noqa: BLE001 - a peer's failure is a result, not a crash of the benchmark
            found = [("<error>", repr(exc))]
        out.append(found)
    return out


def spans_of(text: str, found) -> list[tuple[int, int, str, object]]:
    """dateparser gives substrings in order: find them in the text, left to right."""
    spans, pos = [], 0
    for surface, value in found:
        i = text.find(surface, pos)
        if i < 0:
            i = text.find(surface)
        if i >= 0:
            spans.append((i, i + len(surface), surface, value))
            pos = i + len(surface)
    return spans


def same_value(t, value) -> bool:
    """Does dateparser's datetime fall in the period of our timex (at our precision)?"""
    if t.date is None or not isinstance(value, dt.datetime):
        return False
    d, p = value.date(), t.precision
    if p == "day":
        return d == t.date
    if p == "week":
        return d.isocalendar()[:2] == t.date.isocalendar()[:2]
    if p == "month":
        return (d.year, d.month) == (t.date.year, t.date.month)
    if p == "quarter":
        return d.year == t.date.year and (d.month - 1) // 3 == (t.date.month - 1) // 3
    return d.year == t.date.year


def compare(texts, ours, theirs):
    """Counts of agreement categories and examples of each."""
    counts: Counter = Counter()
    examples: dict[str, list] = {}

    def note(key, text, start, end, left, right):
        counts[key] += 1
        context = text[max(0, start - 30):end + 30].replace("\n", " ")
        examples.setdefault(key, []).append((context, left, right))

    for text, tx, found in zip(texts, ours, theirs, strict=True):
        spans = spans_of(text, found)
        matched = set()
        for t in tx:
            overlap = [k for k, (s, e, _, _) in enumerate(spans) if s < t.end and t.start < e]
            ours_label = f"{t.surface!r} = {t.value} ({t.kind})"
            if not overlap:
                if t.kind in DATE_KINDS and t.date is not None:
                    note("only newsframes finds a date", text, t.start, t.end, ours_label, "—")
                continue
            matched.update(overlap)
            s, e, surface, value = spans[overlap[0]]
            theirs_label = f"{surface!r} = {value:%Y-%m-%d}" if isinstance(value, dt.datetime) else f"{surface!r}"
            if t.kind not in DATE_KINDS or t.date is None:
                note(f"dateparser reads our {t.kind if t.kind not in DATE_KINDS else 'unresolved/vague'} as a date",
                     text, t.start, t.end, ours_label, theirs_label)
            elif same_value(t, value):
                counts["both find it, same period"] += 1
            else:
                note("both find it, different value", text, t.start, t.end, ours_label, theirs_label)
        for k, (s, e, surface, value) in enumerate(spans):
            if k not in matched:
                label = f"{surface!r} = {value:%Y-%m-%d}" if isinstance(value, dt.datetime) else repr(surface)
                note("only dateparser finds a date", text, s, e, "—", label)
    return counts, examples


def md_table(header: list[str], rows: list[list]) -> str:
    def cell(x):
        return str(x).replace("|", "\\|")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(x) for x in row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS if DEFAULT_CORPUS.is_file() else None,
                        help="JSONL(.gz) of {id, text, published_at, ...} records (default: the bench corpus)")
    parser.add_argument("--limit", type=int, default=2000, help="articles to read (default 2000)")
    parser.add_argument("--spread", action="store_true",
                        help="take the articles spread over the corpus instead of the first ones")
    parser.add_argument("--peer-sample", type=int, default=300, help="articles dateparser runs on (default 300)")
    parser.add_argument("--examples", type=int, default=8, help="examples shown per kind of disagreement")
    parser.add_argument("--seed", type=int, default=0, help="seed for picking the examples shown")
    args = parser.parse_args(argv)
    if args.corpus is None or not args.corpus.is_file():
        parser.error(f"no corpus at {args.corpus or DEFAULT_CORPUS}; pass --corpus PATH")

    info = machine()
    records = load_articles(args.corpus, args.limit, args.spread)
    n = len(records)
    chars = sum(len(r.get("text") or "") for r in records)

    # Warm up: data files loaded and patterns compiled before the clock starts (dateparser likewise).
    from dateparser.search import search_dates

    from newsframes.timexes import find_timexes

    find_timexes("ngày 31/5", anchor_date=dt.date(2018, 7, 19))
    search_dates("ngày 31/5/2018", languages=["vi"])

    prepared, prep_wall, prep_cpu = timed(prepare, records)
    ours, nf_wall, nf_cpu = timed(run_newsframes, records, prepared)
    sentences = sum(len(s) for _, s in prepared)

    step = max(1, n // max(1, args.peer_sample))
    sample = list(range(0, n, step))[: args.peer_sample]
    s_records = [records[i] for i in sample]
    s_texts = [prepared[i][0] for i in sample]
    s_prepared = [prepared[i] for i in sample]
    s_ours, s_nf_wall, s_nf_cpu = timed(run_newsframes, s_records, s_prepared)
    theirs, dp_wall, dp_cpu = timed(run_dateparser, s_records, s_texts)
    sn = len(sample)

    print("# Timexes: newsframes vs dateparser\n")
    print(f"- corpus: `{args.corpus}`, {'spread over the corpus' if args.spread else 'first records'}: "
          f"{n:,} articles, {chars / max(n, 1):,.0f} characters per article, {sentences:,} sentences; "
          f"{sum(1 for r in records if r.get('published_at')):,} with `published_at` (the anchor)")
    print(f"- dateparser ran on {sn} of them (every {step}th); its rate below is measured on that sample "
          f"and scaled to articles/s")
    print(f"- machine: {info['cpu']}, {info['cores']}; load average at start {info['load average at start']}; "
          f"{info['packages']}; commit {info['commit']}\n")

    def rate(k, seconds):
        return k / seconds if seconds else float("inf")

    rows = [
        ["newsframes `iter_timexes` (stage alone)", f"{n:,}", f"{nf_wall:.2f}", f"{nf_cpu:.2f}",
         f"{rate(n, nf_cpu):,.0f}", f"{1e3 * nf_cpu / n:.2f} ms", f"{1e6 * nf_cpu / max(sentences, 1):.0f} µs"],
        ["newsframes clean-up + sentences + `iter_timexes`", f"{n:,}", f"{prep_wall + nf_wall:.2f}",
         f"{prep_cpu + nf_cpu:.2f}", f"{rate(n, prep_cpu + nf_cpu):,.0f}", f"{1e3 * (prep_cpu + nf_cpu) / n:.2f} ms", ""],
        ["newsframes `iter_timexes` on the peer sample", f"{sn:,}", f"{s_nf_wall:.3f}", f"{s_nf_cpu:.3f}",
         f"{rate(sn, s_nf_cpu):,.0f}", f"{1e3 * s_nf_cpu / sn:.2f} ms", ""],
        ["dateparser `search_dates(languages=['vi'])` on the peer sample", f"{sn:,}", f"{dp_wall:.2f}",
         f"{dp_cpu:.2f}", f"{rate(sn, dp_cpu):,.1f}", f"{1e3 * dp_cpu / sn:.1f} ms", ""],
    ]
    print(md_table(["run", "articles", "wall s", "CPU s", "articles/s (CPU)", "per article", "per sentence"], rows))
    print(f"\nOn the same {sn} articles newsframes' timexes stage is **{rate(sn, s_nf_cpu) / rate(sn, dp_cpu):,.0f}×** "
          f"as fast as dateparser (CPU time); with clean-up and sentence splitting included, "
          f"{rate(n, prep_cpu + nf_cpu) / rate(sn, dp_cpu):,.0f}× (rates per article, scaled).\n")

    kinds = Counter(t.kind for tx in ours for t in tx)
    found_dates = sum(1 for tx in ours for t in tx if t.kind in DATE_KINDS and t.date is not None)
    print(f"newsframes found {sum(kinds.values()):,} expressions in the {n:,} articles "
          f"({', '.join(f'{v:,} {k}' for k, v in kinds.most_common())}); {found_dates:,} dated. "
          f"dateparser found {sum(len(f) for f in theirs):,} in the {sn} sample articles, newsframes "
          f"{sum(len(t) for t in s_ours):,} there.\n")

    counts, examples = compare(s_texts, s_ours, theirs)
    print("## Where they agree and disagree (peer sample)\n")
    print(md_table(["category", "count"], [[k, f"{v:,}"] for k, v in counts.most_common()]))
    rng = random.Random(args.seed)
    for key in sorted(examples):
        items = examples[key]
        shown = rng.sample(items, min(args.examples, len(items)))
        print(f"\n### {key} ({len(items)}; {len(shown)} shown)\n")
        print(md_table(["context", "newsframes", "dateparser"], [list(x) for x in shown]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
