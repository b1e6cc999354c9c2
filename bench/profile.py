"""Profile the full parse with pyinstrument and say where the time goes, by module and by function.

    python bench/profile.py [--corpus PATH] [--articles 2000] [--html bench/out/profile.html]

The articles (every k-th of the corpus, so its mix of sources) are read into memory first, so the profile covers the parse (structure, sentences, timexes,
actors, statements, timeline, the tables), not the reading. Time spent in C (regex matching, ``str`` methods) is
charged to the Python function that called it, so "self time by module" is the time each module's own code
costs; "inclusive" counts all time with that module on the stack (so its callees too).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import count_lines, default_corpus, spread  # noqa: E402


def module_of(path: str | None) -> str:
    """A short module name for a source file: ``newsframes.sentences``, ``pandas``, ``re`` ..."""
    if not path or path.startswith("<"):
        return path or "?"
    p = Path(path)
    parts = p.with_suffix("").parts
    if "newsframes" in parts:
        i = len(parts) - 1 - parts[::-1].index("newsframes")
        return ".".join(parts[i:]).removesuffix(".__init__")
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1]
    return p.stem if p.stem != "__init__" else p.parent.name


def attribute(root) -> tuple[Counter, Counter, Counter, float]:
    """Walk a pyinstrument frame tree: self time by module, inclusive time by module, self time by function."""
    self_mod: Counter = Counter()
    incl_mod: Counter = Counter()
    self_fn: Counter = Counter()
    total = root.time
    stack = [(root, ())]
    while stack:
        frame, ancestors = stack.pop()
        if frame.children:
            here = ancestors if frame.is_synthetic else ancestors + (frame,)
            stack.extend((child, here) for child in frame.children)
            continue
        chain = ancestors if frame.is_synthetic else ancestors + (frame,)
        if not chain:
            continue
        # C functions have no module of their own: their time is the calling Python code's cost.
        python = [f for f in chain if f.file_path and not f.file_path.startswith("<")]
        owner = python[-1] if python else chain[-1]
        leaf = chain[-1]
        self_mod[module_of(owner.file_path)] += frame.time
        label = f"{module_of(owner.file_path)}:{owner.function}"
        if leaf is not owner:
            label += f" -> {leaf.function}"
        self_fn[label] += frame.time
        for mod in {module_of(f.file_path) for f in python}:
            incl_mod[mod] += frame.time
    return self_mod, incl_mod, self_fn, total


def time_stages(raws: list, options) -> tuple[Counter, float]:
    """Wall-clock seconds per stage over the whole parse, without a sampling profiler's overhead.

    The stage functions ``parse_article`` calls are wrapped for the run (and restored after): each wrapper
    consumes the stage's generator and adds its time; the rest of the parse (rows, ids) is what is left.
    """
    from newsframes import corpus, schema
    from newsframes.engines import parse_partition

    spent: Counter = Counter()

    def timed(name, fn, consume):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            out = fn(*args, **kwargs)
            if consume:
                out = iter(list(out))
            spent[name] += time.perf_counter() - t
            return out
        return wrapper

    # The names parse_article looks up in its module; each is wrapped for the run and restored after.
    stages = {"structure_article": ("structure", False), "iter_sentences": ("sentences", True),
              "iter_timexes": ("timexes", True), "iter_mentions": ("actors (mentions)", True),
              "iter_statements": ("statements", True), "iter_events": ("timeline (events)", True)}
    saved = {name: getattr(corpus, name) for name in stages if hasattr(corpus, name)}
    saved_frame = schema.frame
    for name, fn in saved.items():
        setattr(corpus, name, timed(stages[name][0], fn, stages[name][1]))
    schema.frame = timed("tables (schema.frame)", saved_frame, False)
    try:
        start = time.perf_counter()
        for i in range(0, len(raws), 1000):
            parse_partition(raws[i : i + 1000], options)
        total = time.perf_counter() - start
    finally:
        for name, fn in saved.items():
            setattr(corpus, name, fn)
        schema.frame = saved_frame
    spent["rest (rows, ids, options)"] = total - sum(spent.values())
    return spent, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=None, help="JSONL(.gz) corpus (default: the bench corpus)")
    parser.add_argument("--articles", type=int, default=2000, help="articles to parse (default: 2000)")
    parser.add_argument("--top", type=int, default=25, help="functions to list (default: 25)")
    parser.add_argument("--html", type=Path, help="also write pyinstrument's HTML view here")
    args = parser.parse_args(argv)

    from pyinstrument import Profiler

    import newsframes as nf
    from newsframes.corpus import ParseOptions, iter_article_rows
    from newsframes.engines import parse_partition

    corpus = args.corpus or default_corpus()
    chosen = spread(count_lines(corpus), args.articles)  # every k-th article: the corpus's mix of sources
    raws = [r for i, r in enumerate(nf.iter_raw([corpus])) if i in chosen]
    options = ParseOptions()
    list(iter_article_rows(iter(raws[:20]), options))  # load data files and compile patterns outside the profile

    spent, wall = time_stages(raws, options)
    chars = sum(len(r.text) for r in raws if hasattr(r, "text"))
    print(f"# Profile: full parse of {len(raws):,} articles from {corpus.name}\n")
    print(f"Without the profiler: {wall:.2f} s, {len(raws) / wall:,.0f} articles/s on one core.\n")
    print("| stage | s | % | ms per article | µs per 1,000 characters |\n|---|---:|---:|---:|---:|")
    for stage, t in spent.most_common():
        print(f"| {stage} | {t:.2f} | {100 * t / wall:.1f} | {1000 * t / len(raws):.2f} | {1e9 * t / chars:,.0f} |")

    profiler = Profiler(interval=0.0005)
    start = time.perf_counter()
    profiler.start()
    # The pandas engine's pipeline, run per partition as the dask engine does: an article a table cannot hold
    # becomes an error row instead of stopping the profile.
    parts = [parse_partition(raws[i : i + 1000], options) for i in range(0, len(raws), 1000)]
    tables = {name: sum(len(p[name]) for p in parts) for name in nf.TABLE_NAMES}
    profiler.stop()
    seconds = time.perf_counter() - start

    self_mod, incl_mod, self_fn, total = attribute(profiler.last_session.root_frame())
    print(f"\n## pyinstrument\n\nrows: {tables}\n{seconds:.2f} s with the profiler on ({len(raws) / seconds:,.0f} articles/s); "
          f"sampled {total:.2f} s\n")
    print("| module | self s | self % | inclusive s | inclusive % |\n|---|---:|---:|---:|---:|")
    for mod, t in self_mod.most_common():
        if t / total < 0.002:
            continue
        print(f"| {mod} | {t:.2f} | {100 * t / total:.1f} | {incl_mod[mod]:.2f} | {100 * incl_mod[mod] / total:.1f} |")
    print("\n| function (self time, C calls charged to their caller) | s | % |\n|---|---:|---:|")
    for fn, t in self_fn.most_common(args.top):
        print(f"| `{fn}` | {t:.2f} | {100 * t / total:.1f} |")
    if args.html:
        args.html.parent.mkdir(parents=True, exist_ok=True)
        args.html.write_text(profiler.output_html(), encoding="utf-8")
        print(f"\nHTML profile: {args.html}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
