"""A small corpus that follows the contract, for the report tests: the two seeds plus a hostile article.

The articles and sentences are what ``newsframes.parse`` gives; mentions, timexes and statements are built from
the gold annotations (``seeds_gold.json``), so the report can be developed and tested whatever the state of the
extraction stages; events come from the real ``newsframes.timeline.iter_events``. The third article quotes
``<script>`` and ``<b>`` so that every HTML output can be checked to show them as text.

    python tests/data/report_fixture.py      # rewrites tests/data/report_fixture/ (CSV tables)

``tests/test_report.py`` checks that the committed tables equal what :func:`build` makes.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
import tempfile
from pathlib import Path

from newsframes.actors import Mention  # the pipeline's row types, so the fixture's rows are the contract's
from newsframes.statements import Statement
from newsframes.timexes import Timex

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = HERE / "report_fixture"
XSS_ID = "xss_probe"
XSS_SCRIPT = "<script>document.documentElement.setAttribute('data-xss','1')</script>"
XSS_BOLD = '<b id="xss-probe">x</b>'
XSS_TEXT = (
    f"Nga cảnh báo {XSS_BOLD} trong năm 2018\n\n"
    f'Ngày 1/6/2018, Tổng thống Nga Vladimir Putin cho biết "{XSS_SCRIPT} không được chấp nhận".\n\n'
    f"Trong quý 3/2018, Tổng thống Mỹ Donald Trump nói rằng {XSS_BOLD} và Nga sẽ hợp tác.\n\n"
    "Nguồn: TTXVN"
)



def _value_date(value: str) -> tuple[str, dt.date | None, str | None]:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        return "date", dt.date(*map(int, m.groups())), "day"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return "date", dt.date(int(m[1]), int(m[2]), 1), "month"
    if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
        return "date", dt.date(int(m[1]), 3 * int(m[2]) - 2, 1), "quarter"
    if re.fullmatch(r"\d{4}", value):
        return "date", dt.date(int(value), 1, 1), "year"
    if value.startswith("P"):
        return "duration", None, None
    return "date", None, None


def _sentence_of(sentences, offset: int) -> int:
    return next(s.sentence_id for s in sentences if s.start <= offset < s.end)


def _actor_id(key: str, spec: dict) -> str:
    return spec.get("qid") or re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


def _mentions(text: str, sentences, actors: dict) -> list[Mention]:
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    aliases = sorted(((alias, key) for key, spec in actors.items() for alias in [key, *spec.get("aliases", [])]),
                     key=lambda x: -len(x[0]))
    for alias, key in aliases:
        spec = actors[key]
        for m in re.finditer(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(Mention(_sentence_of(sentences, m.start()), m.start(), m.end(), alias,
                                 _actor_id(key, spec), key, spec["type"], spec.get("country"), None, "registry"))
    return sorted(found, key=lambda m: m.start)


def _timexes(text: str, sentences, gold_timexes: list[dict]) -> list[Timex]:
    out, pos = [], 0
    for t in gold_timexes:
        start = text.find(t["surface"], pos)
        if start < 0:
            start = text.find(t["surface"])
        if start < 0:
            continue
        pos = start + 1
        kind, date, precision = _value_date(t["value"])
        out.append(Timex(_sentence_of(sentences, start), start, start + len(t["surface"]), t["surface"], kind,
                         t["value"], date, precision, "absolute" if re.search(r"\d{4}", t["surface"]) else "published_at"))
    return sorted({(t.start, t.end): t for t in out}.values(), key=lambda t: t.start)


def _statements(text: str, sentences, mentions, gold: list[dict], actors: dict, published) -> list[Statement]:
    out = []
    for g in gold:
        start = text.find(g["content"])
        if start < 0:
            continue
        spec = actors[g["speaker"]]
        sid = _sentence_of(sentences, start)
        surface = next((m.surface for m in mentions if m.actor_name == g["speaker"] and m.sentence_id <= sid
                        and m.start < start), None)
        if "date" in g:
            _, date, precision = _value_date(g["date"])
            source = "sentence"
        else:
            date, precision, source = published, "day" if published else None, "published_at" if published else None
        out.append(Statement(sid, _actor_id(g["speaker"], spec), g["speaker"], spec["type"], spec.get("country"),
                             surface, g.get("verb") or "", g["content"], start, start + len(g["content"]),
                             g["quote_type"], date, precision, source))
    return sorted(out, key=lambda s: s.content_start)


XSS_GOLD = {
    "timexes": [{"surface": "năm 2018", "value": "2018"}, {"surface": "Ngày 1/6/2018", "value": "2018-06-01"},
                {"surface": "quý 3/2018", "value": "2018-Q3"}],
    "statements": [
        {"speaker": "Vladimir Putin", "verb": "cho biết", "quote_type": "direct", "date": "2018-06-01",
         "content": f"{XSS_SCRIPT} không được chấp nhận"},
        {"speaker": "Donald Trump", "verb": "nói rằng", "quote_type": "indirect", "date": "2018-Q3",
         "content": f"{XSS_BOLD} và Nga sẽ hợp tác"},
    ],
}


def build():
    """The fixture corpus (a ``newsframes.Corpus``)."""
    sys.path.insert(0, str(ROOT / "lib"))
    import pandas as pd

    import newsframes as nf
    from newsframes import schema
    from newsframes.timeline import iter_events

    gold = json.loads((HERE / "seeds_gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / f"{XSS_ID}.txt").write_text(XSS_TEXT, encoding="utf-8")
        (Path(tmp) / "empty.txt").write_text("   \n", encoding="utf-8")
        extra = nf.parse(Path(tmp), reference_date="2018-06-02")
    seeds = nf.parse(ROOT / "seeds")
    articles = pd.concat([seeds.articles, extra.articles], ignore_index=True)
    articles["source_path"] = articles["source_path"].map(lambda p: Path(p).name)
    sentences = pd.concat([seeds.sentences, extra.sentences], ignore_index=True)
    errors = extra.errors.assign(source_path=extra.errors["source_path"].map(lambda p: Path(p).name))

    rows: dict[str, list] = {"mentions": [], "timexes": [], "events": [], "statements": []}
    for art in articles.itertuples(index=False):
        aid, text = art.article_id, art.text
        sents = [nf.Sentence(*r) for r in
                 sentences[sentences["article_id"] == aid].drop(columns="article_id").itertuples(index=False)]
        g = XSS_GOLD if aid == XSS_ID else gold["articles"][aid]
        published = art.published_at.date() if pd.notna(art.published_at) else None
        mentions = _mentions(text, sents, gold["actors"])
        timexes = _timexes(text, sents, g["timexes"])
        statements = _statements(text, sents, mentions, g["statements"], gold["actors"], published)
        ids = [f"{aid}:{i}" for i in range(len(statements))]
        rows["mentions"] += [(aid, *m) for m in mentions]
        rows["timexes"] += [(aid, *t) for t in timexes]
        rows["statements"] += [(sid, aid, *s) for sid, s in zip(ids, statements, strict=True)]
        rows["events"] += [(aid, *e) for e in iter_events(sents, mentions, timexes, statements, ids)]
    tables = {name: schema.frame(name, r) for name, r in rows.items()}
    return nf.Corpus(articles=schema.conform(articles, "articles"), sentences=sentences, errors=errors, **tables)


if __name__ == "__main__":
    corpus = build()
    corpus.to_dir(OUT, format="csv")
    print(corpus, "->", OUT)
