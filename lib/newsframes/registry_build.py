"""Regenerate the country rows of the built-in actor registry from maintained data.

    python -m newsframes.registry_build            # rewrite the generated block of data/vi/actors.csv
    python -m newsframes.registry_build --check    # exit 1 if the shipped block is out of date

Every ISO 3166-1 country that pycountry knows becomes one ``country`` actor: its alpha-3 code from pycountry, its
Vietnamese name from CLDR (``babel.Locale("vi").territories`` — the forms the Vietnamese press uses: *Triều Tiên*,
*Hàn Quốc*, *Nga*, *Hoa Kỳ*; pycountry's own Vietnamese translations are dated, e.g. *Bắc Hàn*), its Wikidata QID
from ``country_qids.csv`` (copied from a public dataset, source noted there), then the press's display names and
variants from ``actor_countries.yaml`` (*Mỹ*, *Liên bang Nga*, *CHDCND Triều Tiên*, *Anh* ...).

This is the only module that imports Babel or pycountry; they are maintainer tools, and the runtime
(:mod:`newsframes.actors`) reads the CSV this script writes. Rows outside the generated block are curated by hand
and kept as they are.
"""
from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from importlib import resources
from pathlib import Path

COLUMNS = ("actor_id", "actor_name", "actor_type", "country", "aliases", "role", "note")
BEGIN = "# BEGIN generated countries"
END = "# END generated countries"


def _data_dir(language: str) -> Path:
    return Path(str(resources.files("newsframes.data") / language))


def _read_yaml(path: Path) -> dict:
    import yaml

    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def _read_qids(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {r["iso3"]: r["qid"] for r in rows}


def _split_cldr(name: str) -> list[str]:
    # "Myanmar (Miến Điện)" -> ["Myanmar", "Miến Điện"]; "Quần đảo Cocos (Keeling)" keeps its whole form too.
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if not m:
        return [name]
    return [m.group(1), m.group(2)] if len(m.group(2).split()) > 1 else [name, m.group(1)]


def country_rows(language: str = "vi") -> list[dict[str, str]]:
    """One registry row per ISO 3166-1 country, built from pycountry, CLDR and the press's variants.

    Raises:
        ValueError: the extra data names an ISO code pycountry does not know.
    """
    import babel
    import pycountry

    data = _data_dir(language)
    extra = _read_yaml(data / "actor_countries.yaml")
    qids = _read_qids(data / "country_qids.csv")
    display = extra.get("display") or {}
    aliases = extra.get("aliases") or {}
    drop = {k: set(v) for k, v in (extra.get("drop") or {}).items()}
    known = {c.alpha_3 for c in pycountry.countries}
    for section in (display, aliases, drop, qids):
        unknown = sorted(set(section) - known)
        if unknown:
            raise ValueError(f"actor_countries.yaml or country_qids.csv names unknown ISO codes: {', '.join(unknown)}")
    territories = babel.Locale(language).territories
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iso3 = c.alpha_3
        cldr = territories.get(c.alpha_2)
        forms: list[str] = []
        for form in ([display[iso3]] if iso3 in display else []) + (_split_cldr(cldr) if cldr else []) + list(
            aliases.get(iso3, [])
        ):
            if form and form not in forms and form not in drop.get(iso3, set()):
                forms.append(form)
        if not forms:
            continue
        note = f"CLDR {language}: {cldr}" if cldr else ""
        rows.append(
            {
                "actor_id": qids.get(iso3) or f"country:{iso3}",
                "actor_name": forms[0],
                "actor_type": "country",
                "country": iso3,
                "aliases": "|".join(forms),
                "role": "",
                "note": note,
            }
        )
    return rows


def render_block(rows: list[dict[str, str]]) -> str:
    """The generated block (markers included) as CSV text."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    for row in rows:
        writer.writerow(row)
    return f"{BEGIN} by `python -m newsframes.registry_build`: edit actor_countries.yaml, not these rows\n{buf.getvalue()}{END}\n"


def splice(text: str, block: str) -> str:
    """Replace the generated block in ``text`` (the registry CSV), or insert it after the header line."""
    lines = text.splitlines(keepends=True)
    begin = next((i for i, line in enumerate(lines) if line.startswith(BEGIN)), None)
    end = next((i for i, line in enumerate(lines) if line.startswith(END)), None)
    if begin is not None and end is not None and end > begin:
        return "".join(lines[:begin]) + block + "".join(lines[end + 1:])
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    return "".join(lines[: header + 1]) + block + "".join(lines[header + 1:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the country rows of the actor registry (actors.csv).")
    parser.add_argument("--language", default="vi")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the file is out of date")
    args = parser.parse_args(argv)
    path = _data_dir(args.language) / "actors.csv"
    header = ",".join(COLUMNS) + "\n"
    old = path.read_text(encoding="utf-8") if path.exists() else header
    rows = country_rows(args.language)
    new = splice(old, render_block(rows))
    if args.check:
        if new != old:
            print(f"{path} is out of date; run python -m newsframes.registry_build", file=sys.stderr)
            return 1
        print(f"{path}: {len(rows)} country rows up to date")
        return 0
    path.write_text(new, encoding="utf-8")
    print(f"{path}: wrote {len(rows)} country rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
