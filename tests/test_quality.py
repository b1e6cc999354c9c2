"""Quality gate: the seeds scored against their gold may not fall below the floors in quality_floors.json."""
from __future__ import annotations

import json

import pytest

from newsframes.evaluate import score

from .conftest import DATA

FLOORS = {k: v for k, v in json.loads((DATA / "quality_floors.json").read_text(encoding="utf-8")).items() if k != "about"}


@pytest.fixture(scope="module")
def seed_scores(seeds_corpus, seeds_gold):
    return score(seeds_corpus, seeds_gold)


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_seed_score_floor(seed_scores, measure):
    figures, misses = seed_scores
    value = figures[measure] if isinstance(figures[measure], float) else figures[measure]["f1"]
    assert value >= FLOORS[measure], f"{measure} {value} < floor {FLOORS[measure]}:\n" + "\n".join(misses)


def test_no_article_missing(seed_scores):
    assert seed_scores[0]["articles_missing"] == []
