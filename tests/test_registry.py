"""The actor registry: a data file that must stay consistent, and the user's extra rows (--actors FILE)."""
from __future__ import annotations

import collections
import csv
import re
from importlib import resources

import pandas as pd
import pytest

from newsframes.actor_lexicon import _blank, _norm
from newsframes.actors import ACTOR_TYPES, COLUMNS, find_mentions, load_registry
from newsframes.resources import load_csv

ROWS = load_csv("vi", "actors.csv")


def _key(alias: str) -> tuple[str, str]:
    # the automaton's own notion of "the same form": one-word forms keep their case, longer ones are case-blind
    blank = _blank(alias).strip()
    return ("case", blank) if " " not in blank else ("low", " ".join(_norm(alias).split()))


def test_columns_and_types():
    with (resources.files("newsframes.data") / "vi" / "actors.csv").open(encoding="utf-8") as fh:
        header = next(line for line in fh if not line.startswith("#")).strip().split(",")
    assert tuple(header) == COLUMNS
    assert {r["actor_type"] for r in ROWS} <= set(ACTOR_TYPES)
    assert all(r["actor_name"] and r["aliases"] for r in ROWS)


def test_actor_ids_are_unique_and_well_formed():
    ids = [r["actor_id"] for r in ROWS]
    assert [i for i, n in collections.Counter(ids).items() if n > 1] == []
    bad = [i for i in ids if not re.fullmatch(r"Q\d+|(?:person|country|organization|org|location|group):[a-z0-9-]+"
                                               r"|country:[A-Z]{3}", i)]
    assert bad == []


def test_no_alias_points_at_two_actors():
    owners: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for r in ROWS:
        for alias in r["aliases"].split("|"):
            owners[_key(alias)].add(r["actor_id"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_every_iso_code_is_valid():
    pycountry = pytest.importorskip("pycountry")
    codes = {c.alpha_3 for c in pycountry.countries}
    assert {r["country"] for r in ROWS if r["country"]} <= codes
    # every country pycountry knows is in the registry once
    countries = collections.Counter(r["country"] for r in ROWS if r["actor_type"] == "country")
    assert set(countries) == codes - {"ATA"}  # Antarctica is a place here (Nam Cực), not a country actor
    assert max(countries.values()) == 1


def test_country_qids_come_from_the_qid_table():
    with (resources.files("newsframes.data") / "vi" / "country_qids.csv").open(encoding="utf-8") as fh:
        qids = {r["iso3"]: r["qid"] for r in csv.DictReader(line for line in fh if not line.startswith("#"))}
    for r in ROWS:
        if r["actor_type"] == "country":
            assert r["actor_id"] == qids.get(r["country"], f"country:{r['country']}"), r["actor_name"]


@pytest.mark.parametrize("iso, name, alias", [
    ("PRK", "Triều Tiên", "CHDCND Triều Tiên"),
    ("KOR", "Hàn Quốc", "Hàn Quốc"),
    ("RUS", "Nga", "Liên bang Nga"),
    ("USA", "Mỹ", "Hoa Kỳ"),
    ("GBR", "Anh", "Vương quốc Anh"),
    ("MMR", "Myanmar", "Miến Điện"),
])
def test_press_names_of_countries(iso, name, alias):
    row = next(r for r in ROWS if r["actor_type"] == "country" and r["country"] == iso)
    assert row["actor_name"] == name and alias in row["aliases"].split("|")
    assert "Bắc Hàn" != row["actor_name"]


def test_generated_block_is_up_to_date():
    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    from newsframes import registry_build

    assert registry_build.main(["--check"]) == 0


@pytest.mark.parametrize("cldr, forms", [
    ("Myanmar (Miến Điện)", ["Myanmar", "Miến Điện"]),
    ("Quần đảo Cocos (Keeling)", ["Quần đảo Cocos (Keeling)", "Quần đảo Cocos"]),
    ("Nga", ["Nga"]),
])
def test_cldr_names_with_brackets(cldr, forms):
    from newsframes.registry_build import _split_cldr

    assert _split_cldr(cldr) == forms


def test_splice_replaces_only_the_generated_block():
    from newsframes.registry_build import BEGIN, END, splice

    text = f"# c\nh\n{BEGIN} x\nold\n{END}\ncurated\n"
    assert splice(text, f"{BEGIN} x\nnew\n{END}\n") == f"# c\nh\n{BEGIN} x\nnew\n{END}\ncurated\n"
    assert splice("# c\nh\ncurated\n", f"{BEGIN}\nnew\n{END}\n") == f"# c\nh\n{BEGIN}\nnew\n{END}\ncurated\n"


# ------------------------------------------------------------------------------------------ user rows
EXTRA = pd.DataFrame([
    {"actor_id": "person:ri-son-gwon", "actor_name": "Ri Son-gwon", "actor_type": "person", "country": "PRK",
     "aliases": "Ri Son-gwon|Ri Son Gwon", "role": "Ngoại trưởng", "note": ""},
    {"actor_id": "org:vcci", "actor_name": "VCCI", "actor_type": "organization", "country": "VNM",
     "aliases": "VCCI", "role": "", "note": ""},
])


def test_extra_rows_from_a_frame():
    reg = load_registry(EXTRA)
    assert len(reg) == len(load_registry()) + 2
    found = {(m.surface, m.actor_id) for m in find_mentions("Ông Ri Son Gwon gặp đại diện VCCI.", registry=reg)}
    assert found == {("Ri Son Gwon", "person:ri-son-gwon"), ("VCCI", "org:vcci")}
    assert not [m for m in find_mentions("Đại diện VCCI.") if m.surface == "VCCI"]


def test_extra_rows_from_a_csv_file(tmp_path):
    path = tmp_path / "extra.csv"
    EXTRA.to_csv(path, index=False)
    reg = load_registry(path)
    assert reg.find("VCCI").actor_id == "org:vcci"


def test_an_extra_row_wins_a_shared_form():
    extra = pd.DataFrame([{"actor_id": "Q7747x", "actor_name": "Putin (user)", "actor_type": "person",
                           "country": "RUS", "aliases": "Putin"}])
    assert load_registry(extra).find("Putin").actor_name == "Putin (user)"
    assert load_registry().find("Putin").actor_name == "Vladimir Putin"


@pytest.mark.parametrize("frame, message", [
    (pd.DataFrame([{"actor_id": "x", "actor_name": "X", "aliases": "X"}]), "lacks the column"),
    (pd.DataFrame([{"actor_id": "x", "actor_name": "X", "actor_type": "thing", "aliases": "X"}]), "unknown actor_type"),
    (pd.DataFrame([{"actor_id": "x", "actor_name": "X", "actor_type": "country", "country": "XYZ", "aliases": "X"}]),
     "not an ISO 3166-1 alpha-3"),
    (pd.DataFrame([{"actor_id": "x", "actor_name": "X", "actor_type": "person", "aliases": ""}]), "must not be empty"),
])
def test_bad_extra_rows_say_what_is_wrong(frame, message):
    with pytest.raises(ValueError, match=message):
        load_registry(frame)


def test_missing_extra_file(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        load_registry(tmp_path / "nope.csv")


def test_unsupported_language_lists_the_supported_ones():
    with pytest.raises(ValueError, match="supported: .*vi"):
        load_registry(language="xx")
