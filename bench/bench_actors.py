"""Benchmark of the actors stage against underthesea's named-entity recogniser, the peer a user would reach for.

    python bench/bench_actors.py [--corpus PATH] [--limit 2000] [--ner-sample 100] [--examples 8]

On the same bench articles in one run it measures:

* newsframes: ``iter_mentions`` on each article's sentences (the stage alone: clean-up and sentence splitting are
  done beforehand and not timed), over ``--limit`` articles spread evenly over the corpus;
* underthesea: ``underthesea.ner`` on each sentence of the same articles (bylines and source lines skipped, as
  newsframes skips them). It costs milliseconds per sentence, so it runs on ``--ner-sample`` of the articles
  (spread evenly over them); its rate is measured there, and newsframes is timed on exactly that sample too, so
  the ratio compares like with like;
* what each finds on the sample: mentions per article, and the share of underthesea's person/organization/place
  entities that newsframes also finds (by overlapping span).

Prints markdown. Timings are wall clock and CPU time of this process; the machine may be shared (the load average
is printed), so CPU time is the steadier of the two.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import DEFAULT_CORPUS, open_text  # noqa: E402


def load_articles(corpus: Path, limit: int) -> list[dict]:
    """``limit`` records spread evenly over the corpus."""
    with open_text(corpus) as fh:
        lines = [line for line in fh if line.strip()]
    step = max(1, len(lines) // limit)
    return [json.loads(lines[i]) for i in range(0, len(lines), step)][:limit]


def prepare(records: list[dict]) -> list[tuple[str, list]]:
    """Clean-up and sentences of each record (what the pipeline hands to the actors stage)."""
    from newsframes.sentences import iter_sentences
    from newsframes.structure import structure_article

    out = []
    for r in records:
        meta = {k: r[k] for k in ("title", "url", "published_at") if r.get(k)}
        st = structure_article(r.get("text") or "", meta=meta)
        out.append((st.text, list(iter_sentences(st.text, st.paragraphs))))
    return out


def timed(fn, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def run_newsframes(prepared, registry):
    from newsframes.actors import iter_mentions

    return [list(iter_mentions(sents, registry=registry)) for _, sents in prepared]


def run_ner(prepared):
    """underthesea.ner per sentence -> entity spans (start, end, label) in article offsets."""
    from underthesea import ner

    out = []
    for _, sents in prepared:
        spans = []
        for s in sents:
            if s.kind in ("byline", "source"):
                continue
            pos, label, start, end = 0, None, 0, 0
            for word, _, _, tag in ner(s.text):
                i = s.text.find(word, pos)
                if i < 0:
                    continue
                pos = i + len(word)
                if tag.startswith("B-") or (tag.startswith("I-") and label != tag[2:]):
                    if label:
                        spans.append((start, end, label))
                    label, start, end = tag[2:], s.start + i, s.start + pos
                elif tag.startswith("I-"):
                    end = s.start + pos
                else:
                    if label:
                        spans.append((start, end, label))
                    label = None
            if label:
                spans.append((start, end, label))
        out.append(spans)
    return out


def md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="JSONL(.gz) of {id, text, ...} records (default: the bench corpus beside the repo)")
    parser.add_argument("--limit", type=int, default=2000, help="articles, spread evenly over the corpus")
    parser.add_argument("--ner-sample", type=int, default=100, help="articles on which underthesea.ner runs")
    parser.add_argument("--examples", type=int, default=8, help="examples of entities only one side finds")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        sys.exit(f"bench_actors: no corpus at {args.corpus}; pass --corpus PATH")

    from newsframes.actors import load_registry

    records = load_articles(args.corpus, args.limit)
    prepared = prepare(records)
    n, n_sent = len(prepared), sum(len(s) for _, s in prepared)
    chars = sum(len(t) for t, _ in prepared)
    registry, t_load, _ = timed(load_registry)
    run_newsframes(prepared[:20], registry)  # warm the lazy data (word list, compiled patterns)
    mentions, nf_wall, nf_cpu = timed(run_newsframes, prepared, registry)

    step = max(1, n // max(1, args.ner_sample))
    sample = prepared[::step][: args.ner_sample]
    sn, sn_sent = len(sample), sum(len(s) for _, s in sample)
    _, snf_wall, snf_cpu = timed(run_newsframes, sample, registry)
    ner_spans, ner_wall, ner_cpu = timed(run_ner, sample)

    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    print("# Actors: newsframes vs underthesea.ner\n")
    print(f"- corpus: `{args.corpus}`, {n:,} articles spread over it ({n_sent:,} sentences, "
          f"{chars / max(n, 1):,.0f} characters per article); registry built in {t_load * 1000:.0f} ms "
          f"({len(registry):,} actors)")
    print(f"- underthesea.ner ran on {sn} of them (every {step}th article, {sn_sent:,} sentences); its rate is "
          "measured on that sample and newsframes is timed on the same sample for the ratio")
    print(f"- load average at the end: {load} (the machine may be shared; CPU time is steadier)\n")

    def rate(k, secs):
        return k / secs if secs else float("inf")

    rows = [
        ["newsframes iter_mentions", f"{n:,}", f"{nf_wall:.2f}", f"{nf_cpu:.2f}", f"{rate(n, nf_cpu):,.0f}",
         f"{nf_cpu / n * 1000:.2f} ms", f"{nf_cpu / n_sent * 1000:.3f} ms"],
        ["newsframes iter_mentions (sample)", f"{sn:,}", f"{snf_wall:.2f}", f"{snf_cpu:.2f}",
         f"{rate(sn, snf_cpu):,.0f}", f"{snf_cpu / sn * 1000:.2f} ms", f"{snf_cpu / sn_sent * 1000:.3f} ms"],
        ["underthesea.ner (sample)", f"{sn:,}", f"{ner_wall:.2f}", f"{ner_cpu:.2f}", f"{rate(sn, ner_cpu):,.1f}",
         f"{ner_cpu / sn * 1000:.1f} ms", f"{ner_cpu / sn_sent * 1000:.2f} ms"],
    ]
    print(md_table(["run", "articles", "wall s", "CPU s", "articles/s (CPU)", "per article", "per sentence"], rows))
    print(f"\nOn the same {sn} articles the actors stage is **{rate(sn, snf_cpu) / rate(sn, ner_cpu):,.0f}×** "
          "faster than underthesea.ner (CPU time).\n")

    methods = Counter(m.method for ms in mentions for m in ms)
    types = Counter(m.actor_type for ms in mentions for m in ms)
    print(f"newsframes found {sum(methods.values()):,} mentions in the {n:,} articles "
          f"({sum(methods.values()) / n:.1f} per article): "
          + ", ".join(f"{k} {v:,}" for k, v in methods.most_common()) + "; "
          + ", ".join(f"{k} {v:,}" for k, v in types.most_common()) + ".\n")

    sample_mentions = mentions[::step][: args.ner_sample]
    overlap = Counter()
    only_ner: Counter = Counter()
    for (text, _), spans, ms in zip(sample, ner_spans, sample_mentions, strict=True):
        for a, b, label in spans:
            hit = any(m.start < b and a < m.end for m in ms)
            overlap[(label, hit)] += 1
            if not hit:
                only_ner[(label, text[a:b])] += 1
    labels = sorted({label for label, _ in overlap})
    print("## underthesea's entities on the sample, and whether newsframes has a mention there\n")
    print(md_table(["label", "entities", "also found by newsframes"],
                   [[label, f"{overlap[(label, True)] + overlap[(label, False)]:,}",
                     f"{overlap[(label, True)] / max(1, overlap[(label, True)] + overlap[(label, False)]):.0%}"]
                    for label in labels]))
    print("\nMost frequent entities only underthesea reports (often fragments or mislabels, e.g. countries as PER):\n")
    for (label, surface), k in only_ner.most_common(args.examples):
        print(f"- {label} `{surface}` ×{k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
