"""The project's folders, defined once.

``ROOT`` is the repository root, found from this file's location (``lib/newsframes/paths.py`` -> two levels up,
confirmed by ``pyproject.toml`` and ``notebooks/`` or ``seeds/``). When the package is installed elsewhere
(``site-packages``) there is no repository around it, so ``ROOT`` falls back to the current directory: a user
who runs ``newsframes report`` in a checkout of their own gets that checkout's folders.

Nothing in the library writes into ``SEEDS_DIR``: the seeds are inputs.
"""
from __future__ import annotations

from pathlib import Path


def find_root(start: Path | None = None) -> Path:
    """The repository root above ``start`` (default: this file), or the current directory if there is none."""
    here = (start or Path(__file__)).resolve()
    for candidate in here.parents:
        if (candidate / "pyproject.toml").is_file() and (
            (candidate / "notebooks").is_dir() or (candidate / "seeds").is_dir()
        ):
            return candidate
    return Path.cwd()


#: The repository root (or the current directory when the package is installed outside a checkout).
ROOT: Path = find_root()
#: The two seed articles and their manifest; read-only.
SEEDS_DIR: Path = ROOT / "seeds"
#: Where ``make report`` leaves the figures, the executed notebooks and ``index.html``.
FIGURES_DIR: Path = ROOT / "figures"
#: The report notebooks (committed without outputs).
NOTEBOOKS_DIR: Path = ROOT / "notebooks"

__all__ = ["FIGURES_DIR", "NOTEBOOKS_DIR", "ROOT", "SEEDS_DIR", "find_root"]
