"""The ``newsframes`` command: ``parse`` articles into tables, ``report`` them as figures, ``score`` against gold.

Every failure a user can cause ends in one sentence on stderr and a non-zero exit code, never a traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

EXAMPLES_PARSE = """\
examples:
  newsframes parse seeds/ --out out/
  newsframes parse articles.jsonl.gz --out out/ --format csv
  newsframes parse stories/ --manifest manifest.csv --reference-date 2018-07-19 --out out/
  newsframes parse corpus.jsonl.gz --engine dask --out out/      # all cores, partitioned Parquet

A manifest.csv at the top of an input folder is read as that folder's manifest.
Every input article ends in articles.* or in errors.* (a row with a sentence saying what went wrong).
"""


def _add_parse(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "parse",
        help="parse articles into the tables (articles, sentences, mentions, timexes, events, statements, errors)",
        description="Parse articles into the tables of the data contract, one file per table in --out.",
        epilog=EXAMPLES_PARSE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt files or folders of them, .jsonl/.jsonl.gz, .csv, .parquet or .html, in any mix")
    p.add_argument("--out", "-o", required=True, type=Path, metavar="DIR", help="folder for the tables (created)")
    p.add_argument("--reference-date", metavar="YYYY-MM-DD",
                   help="the date used where an article's own date is unknown (relative dates count from it)")
    p.add_argument("--manifest", type=Path, metavar="FILE",
                   help="CSV article_id,published_at,url,... supplying metadata by id")
    p.add_argument("--actors", type=Path, metavar="FILE",
                   help="CSV of extra actor registry rows (same columns as the built-in registry)")
    p.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="table file format (default: parquet)")
    p.add_argument("--engine", choices=("pandas", "dask"), default="pandas",
                   help="pandas: one process, streamed (default); dask: partitions in parallel")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: join this dask.distributed scheduler instead of a local cluster")
    p.add_argument("--workers", type=int, metavar="N", help="with --engine dask: local workers (default: all cores)")
    p.add_argument("--language", default="vi", help="language of the articles (default: vi)")
    p.add_argument("--max-bytes", type=int, default=None, metavar="N",
                   help="articles larger than this become an error row (default: 5,000,000)")
    p.add_argument("--strict", action="store_true", help="exit with status 1 if any article could not be parsed")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    p.set_defaults(func=_cmd_parse)


def _cmd_parse(args: argparse.Namespace) -> int:
    from .corpus import parse_to_dir
    from .read import DEFAULT_MAX_BYTES

    max_bytes = args.max_bytes or DEFAULT_MAX_BYTES
    progress = False if args.quiet else None
    if args.engine == "dask":
        from .engines import parse_dask_to_dir

        stats = parse_dask_to_dir(
            args.inputs, args.out, format=args.format, reference_date=args.reference_date,
            manifest=args.manifest, actors=args.actors, language=args.language, max_bytes=max_bytes,
            scheduler=args.scheduler, workers=args.workers, progress=progress,
        )
    else:
        stats = parse_to_dir(
            args.inputs, args.out, format=args.format, reference_date=args.reference_date,
            manifest=args.manifest, actors=args.actors, language=args.language, progress=progress,
            max_bytes=max_bytes,
        )
    if not args.quiet:
        print(f"newsframes: {stats.summary()}; tables in {args.out}/", file=sys.stderr)
        if stats.errors:
            print(f"newsframes: see {args.out}/errors.{args.format} for what went wrong with each failed article",
                  file=sys.stderr)
    return 1 if args.strict and stats.errors else 0


def _add_score(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "score",
        help="score parsed tables against a gold file (precision, recall, F1)",
        description="Score the tables in OUT_DIR against GOLD.json: timexes, actors, statements and statement dates.",
    )
    p.add_argument("out", type=Path, metavar="OUT_DIR")
    p.add_argument("gold", type=Path, metavar="GOLD.json")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--verbose", action="store_true", help="list every miss and extra")
    p.set_defaults(func=_cmd_score)


def _cmd_score(args: argparse.Namespace) -> int:
    from .evaluate import main as evaluate_main

    argv = [str(args.out), str(args.gold)] + (["--json"] if args.json else []) + (["--verbose"] if args.verbose else [])
    return evaluate_main(argv)


def _add_describe(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("describe", help="print the data dictionary (every table's columns)",
                       description="Print every table's columns, dtypes and meaning.")
    p.add_argument("table", nargs="?", help="one table (default: all)")
    p.set_defaults(func=_cmd_describe)


def _cmd_describe(args: argparse.Namespace) -> int:
    from .schema import TABLES, describe

    if args.table and args.table not in TABLES:
        raise _UsageError(f"unknown table {args.table!r}; tables: {', '.join(TABLES)}")
    df = describe(args.table)
    for table, group in df.groupby("table", sort=False):
        print(f"\n{table}")
        for row in group.itertuples():
            print(f"  {row.column:22} {row.dtype:9} {row.description}")
    return 0


def _add_report(sub: argparse._SubParsersAction) -> None:
    try:
        from .report import add_report_parser
    except ImportError:  # the report module needs the [report] extra
        return
    add_report_parser(sub)


class _UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsframes",
        description="Turn Vietnamese news articles into tables: who is mentioned, what happened when, who said what.",
        epilog="Run `newsframes COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"newsframes {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_parse(sub)
    _add_report(sub)
    _add_score(sub)
    _add_describe(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from .read import InputError

    try:
        return int(args.func(args) or 0)
    except (InputError, _UsageError, ValueError, OSError) as exc:
        print(f"newsframes {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsframes: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
