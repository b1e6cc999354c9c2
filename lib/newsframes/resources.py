"""Language resources: the data files under ``newsframes/data/<language>/``, loaded lazily and cached."""
from __future__ import annotations

import csv
import functools
from importlib import resources
from typing import Any

DATA_PACKAGE = "newsframes.data"


@functools.cache
def supported_languages() -> tuple[str, ...]:
    """The languages that have a data folder."""
    root = resources.files(DATA_PACKAGE)
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))))


def check_language(language: str) -> str:
    """Return ``language`` if supported.

    Raises:
        ValueError: the language has no data folder; the message lists the supported ones.
    """
    if language not in supported_languages():
        raise ValueError(
            f"language {language!r} is not supported; supported: {', '.join(supported_languages())}"
        )
    return language


@functools.cache
def load_yaml(language: str, name: str) -> Any:
    """Load ``data/<language>/<name>`` (YAML) once."""
    import yaml

    # libyaml's loader when PyYAML has it (its wheels do): ten times faster, which every dask worker's start-up
    # and every short run feels; the same data either way.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    path = resources.files(DATA_PACKAGE) / check_language(language) / name
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 (a safe loader)


@functools.cache
def load_csv(language: str, name: str) -> tuple[dict[str, str], ...]:
    """Load ``data/<language>/<name>`` (CSV with a header; lines starting with # are comments) once."""
    path = resources.files(DATA_PACKAGE) / check_language(language) / name
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return tuple(dict(r) for r in rows)
