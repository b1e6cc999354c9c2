"""Score parsed tables against a gold file: the same metrics as the project's shared ruler.

    newsframes score OUT_DIR GOLD.json [--json] [--verbose]
    python -m newsframes.evaluate OUT_DIR GOLD.json

Over the articles the gold names:

* **timexes** — a predicted expression matches a gold one when their normalized surfaces overlap (one contains
  the other and shares at least half of the gold's tokens); *strict* also needs the TIMEX3 value to be equal.
* **actors** — the distinct actors of each article, matched to the gold actor table by Wikidata QID, by name or
  alias, or (countries) by ISO code.
* **statements** — same speaker and the predicted content covers at least half of the gold content's tokens;
  ``statement_content_f1`` is the mean token F1 of matched contents, ``statement_date_accuracy`` the share of
  matched statements with a gold date whose date agrees (at the gold's precision).

Gold items marked ``"optional": true`` are neither required nor counted against a prediction. The gold format is
that of ``tests/data/seeds_gold.json``: ``{"actors": {key: {type, country, qid, aliases}}, "articles": {id:
{"timexes": [{surface, value}], "actors": [key], "statements": [{speaker, content, date}]}}}``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

_DASHES = re.compile(r"[\u2010-\u2015\-_]")
_PUNCT = re.compile(r"[\"'“”‘’«»(),.:;!?]")


def normalize(text: Any) -> str:
    """Casefolded NFC text with dashes and punctuation turned into spaces, single-spaced."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    text = unicodedata.normalize("NFC", str(text)).casefold()
    return " ".join(_PUNCT.sub(" ", _DASHES.sub(" ", text)).split())


def _tokens(text: Any) -> set[str]:
    return set(normalize(text).split())


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _token_f1(pred: Any, gold: Any) -> float:
    p, g = _tokens(pred), _tokens(gold)
    common = len(p & g)
    return 2 * common / (len(p) + len(g)) if common else 0.0


def _surfaces_match(pred: str, gold: str) -> bool:
    p, g = normalize(pred), normalize(gold)
    if not p or not g or not (p in g or g in p):
        return False
    gold_tokens = set(g.split())
    return len(gold_tokens & set(p.split())) / len(gold_tokens) >= 0.5


def _date_matches(pred: Any, gold_value: str) -> bool:
    if pred is None or pd.isna(pred):
        return False
    stamp = pd.Timestamp(pred)
    if "-W" in gold_value:
        year, week, _ = stamp.isocalendar()
        return f"{year}-W{week:02d}" == gold_value
    fmt = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}.get(len(gold_value))
    return fmt is not None and stamp.strftime(fmt) == gold_value


def _split(items: list, key: str) -> tuple[list[dict], list[dict]]:
    required, optional = [], []
    for item in items:
        item = {key: item} if isinstance(item, str) else item
        (optional if item.get("optional") else required).append(item)
    return required, optional


class GoldActors:
    """Finds which gold actors a predicted actor (id, name, type, country) may stand for."""

    def __init__(self, table: dict[str, dict]):
        self.by_name: dict[str, set[str]] = {}
        self.by_qid: dict[str, str] = {}
        self.by_country: dict[str, str] = {}
        for key, spec in table.items():
            for alias in (key, *spec.get("aliases", [])):
                self.by_name.setdefault(normalize(alias), set()).add(key)
            if spec.get("qid"):
                self.by_qid[spec["qid"]] = key
            if spec.get("type") == "country" and spec.get("country"):
                self.by_country[spec["country"]] = key

    def keys(self, actor_id: Any, name: Any, actor_type: Any, country: Any) -> set[str]:
        if isinstance(actor_id, str) and actor_id in self.by_qid:
            return {self.by_qid[actor_id]}
        if normalize(name) in self.by_name:
            return self.by_name[normalize(name)]
        if actor_type == "country" and isinstance(country, str) and country in self.by_country:
            return {self.by_country[country]}
        return set()


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    strict: int = 0
    content_f1: list[float] = field(default_factory=list)
    dates_ok: int = 0
    dates_n: int = 0


def _score_timexes(pred: pd.DataFrame, gold: list, tally: _Tally, misses: list[str], aid: str) -> None:
    required, optional = _split(gold, "surface")
    distinct: dict[tuple[str, str], str] = {}
    for surface, value in zip(pred["surface"], pred["value"], strict=False):
        value = "" if pd.isna(value) else str(value)
        distinct.setdefault((normalize(surface), value), surface)
    preds = [(surface, value) for (_, value), surface in distinct.items()]
    used: set[int] = set()
    for g in required:
        candidates = [i for i, (s, _) in enumerate(preds) if i not in used and _surfaces_match(s, g["surface"])]
        exact = [i for i in candidates if preds[i][1] == g["value"]]
        pick = (exact or candidates or [None])[0]
        if pick is None:
            misses.append(f"{aid} timex missed: {g['surface']!r} = {g['value']}")
            tally.fn += 1
            continue
        used.add(pick)
        tally.tp += 1
        if preds[pick][1] == g["value"]:
            tally.strict += 1
        else:
            misses.append(f"{aid} timex value: {g['surface']!r} gold {g['value']} got {preds[pick][1]}")
    for g in optional:
        for i, (s, _) in enumerate(preds):
            if i not in used and _surfaces_match(s, g["surface"]):
                used.add(i)
    for i, (s, v) in enumerate(preds):
        if i not in used:
            tally.fp += 1
            misses.append(f"{aid} timex extra: {s!r} = {v}")


def _score_actors(pred: pd.DataFrame, gold: list, index: GoldActors, tally: _Tally, misses: list[str], aid: str) -> None:
    required, optional = _split(gold, "actor")
    req = {g["actor"] for g in required}
    opt = {g["actor"] for g in optional}
    found: set[str] = set()
    extra: set[str] = set()
    for row in pred.drop_duplicates(["actor_id", "actor_name"]).itertuples(index=False):
        keys = index.keys(row.actor_id, row.actor_name, row.actor_type, row.country)
        if keys & req:
            found.add(sorted(keys & req)[0])
        elif not keys & opt:
            extra.add(sorted(keys)[0] if keys else f"{row.actor_name} ({row.actor_type}, {row.actor_id})")
    tally.tp += len(found)
    tally.fp += len(extra)
    tally.fn += len(req - found)
    misses.extend(f"{aid} actor missed: {k}" for k in sorted(req - found))
    misses.extend(f"{aid} actor extra: {k}" for k in sorted(extra))


def _score_statements(pred: pd.DataFrame, gold: list, index: GoldActors, tally: _Tally, misses: list[str], aid: str) -> None:
    required, optional = _split(gold, "content")
    rows = [
        (index.keys(r.speaker_id, r.speaker_name, r.speaker_type, r.speaker_country), r.content,
         getattr(r, "date", None), r.speaker_name)
        for r in pred.itertuples(index=False)
    ]
    golds = required + optional
    pairs = []
    for gi, g in enumerate(golds):
        gold_tokens = _tokens(g["content"])
        if not gold_tokens:
            continue
        for i, (keys, content, _, _) in enumerate(rows):
            if g["speaker"] in keys:
                coverage = len(gold_tokens & _tokens(content)) / len(gold_tokens)
                if coverage >= 0.5:
                    pairs.append((coverage, _token_f1(content, g["content"]), gi, i))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, i in sorted(pairs, reverse=True):  # best first, one to one
        if gi not in matched and i not in used:
            matched[gi] = i
            used.add(i)
    for gi, g in enumerate(golds):
        if g.get("optional"):
            continue
        if gi not in matched:
            tally.fn += 1
            misses.append(f"{aid} statement missed: {g['speaker']}: {g['content'][:70]!r}")
            continue
        row = rows[matched[gi]]
        tally.tp += 1
        tally.content_f1.append(_token_f1(row[1], g["content"]))
        if g.get("date"):
            tally.dates_n += 1
            if _date_matches(row[2], g["date"]):
                tally.dates_ok += 1
            else:
                misses.append(f"{aid} statement date: {g['speaker']} gold {g['date']} got {row[2]}")
    for i, row in enumerate(rows):
        if i not in used:
            tally.fp += 1
            misses.append(f"{aid} statement extra: {row[3]}: {str(row[1])[:70]!r}")


def _tables(source: Any) -> dict[str, pd.DataFrame]:
    if hasattr(source, "tables"):
        return source.tables()
    from .corpus import Corpus

    return Corpus.read(source).tables()


def score(source: Any, gold: dict | str | Path) -> tuple[dict[str, Any], list[str]]:
    """Score a :class:`~newsframes.Corpus` (or a folder of tables) against gold.

    Args:
        source: a Corpus, or the ``--out`` folder of ``newsframes parse``.
        gold: the gold dict, or the path of a gold JSON file.

    Returns:
        ``(figures, misses)``: figures per measure (precision, recall, f1, tp, fp, fn, and the statement content
        F1 and date accuracy); misses lists every missed, wrong and extra item.
    """
    if not isinstance(gold, dict):
        gold = json.loads(Path(gold).read_text(encoding="utf-8"))
    tables = _tables(source)
    index = GoldActors(gold["actors"])
    misses: list[str] = []
    t, a, s = _Tally(), _Tally(), _Tally()
    known = set(tables["articles"]["article_id"].astype(str))
    missing = [aid for aid in gold["articles"] if aid not in known]
    ids = {name: tables[name]["article_id"].astype(str) for name in ("timexes", "mentions", "statements")}
    for aid, spec in gold["articles"].items():
        def part(name: str, aid: str = aid) -> pd.DataFrame:
            return tables[name][(ids[name] == aid).to_numpy()]

        _score_timexes(part("timexes"), spec.get("timexes", []), t, misses, aid)
        _score_actors(part("mentions"), spec.get("actors", []), index, a, misses, aid)
        _score_statements(part("statements"), spec.get("statements", []), index, s, misses, aid)
    figures = {
        "articles": len(gold["articles"]),
        "articles_missing": missing,
        "timexes": _prf(t.tp, t.fp, t.fn),
        "timexes_strict": _prf(t.strict, t.fp + t.tp - t.strict, t.fn + t.tp - t.strict),
        "actors": _prf(a.tp, a.fp, a.fn),
        "statements": _prf(s.tp, s.fp, s.fn),
        "statement_content_f1": round(sum(s.content_f1) / len(s.content_f1), 4) if s.content_f1 else 0.0,
        "statement_date_accuracy": round(s.dates_ok / s.dates_n, 4) if s.dates_n else 0.0,
    }
    return figures, misses


def format_scores(figures: dict[str, Any]) -> str:
    """The figures as the ruler prints them."""
    lines = []
    if figures["articles_missing"]:
        lines.append(f"articles missing from the output: {', '.join(figures['articles_missing'])}")
    for name in ("timexes", "timexes_strict", "actors", "statements"):
        r = figures[name]
        lines.append(
            f"{name:15} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
            f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']})"
        )
    lines.append(f"{'statement content F1':24} {figures['statement_content_f1']:.3f}")
    lines.append(f"{'statement date accuracy':24} {figures['statement_date_accuracy']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsframes score", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder of tables written by `newsframes parse --out`")
    parser.add_argument("gold", type=Path, help="gold JSON file")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", action="store_true", help="list every miss and extra")
    args = parser.parse_args(argv)
    if not args.gold.is_file():
        print(f"newsframes score: error: gold file {args.gold} not found", file=sys.stderr)
        return 2
    try:
        figures, misses = score(args.out, args.gold)
    except (FileNotFoundError, KeyError, json.JSONDecodeError) as exc:
        print(f"newsframes score: error: {exc}", file=sys.stderr)
        return 2
    if args.verbose:
        print("\n".join(misses))
    print(json.dumps(figures, ensure_ascii=False) if args.json else format_scores(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
