"""Shared fixtures: paths, and the seeds parsed once per test session."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds_corpus():
    """The two seed articles parsed with their manifest (as `newsframes parse seeds` does)."""
    import newsframes as nf

    return nf.parse(SEEDS)


@pytest.fixture(scope="session")
def seeds_gold() -> dict:
    return json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))
