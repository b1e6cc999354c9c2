"""Helpers shared by the benchmark scripts: where the corpus is, the machine, input slices, peak memory."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import platform
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The bench corpus, beside the repository (never the holdout).
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bench" / "articles.jsonl.gz"
PACKAGES = ("newsframes", "pandas", "pyarrow", "pyahocorasick", "dask", "distributed",
            "underthesea", "dateparser", "psutil", "pyinstrument")


def default_corpus() -> Path:
    """The bench corpus, or a clear exit when it is not where the repository expects it."""
    if not DEFAULT_CORPUS.is_file():
        sys.exit(
            f"bench: no corpus at {DEFAULT_CORPUS}; pass --corpus PATH (a .jsonl or .jsonl.gz of "
            '{"id", "text", ...} records, e.g. ../shared/corpus/bench/articles.jsonl.gz)'
        )
    return DEFAULT_CORPUS


def open_text(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.name.endswith(".gz") else open(path, encoding="utf-8")


# --------------------------------------------------------------------------------------------- the machine


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _git_commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "lib"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return sha + (" (lib/ modified)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine() -> dict[str, str]:
    """What the numbers were measured on: CPU, cores, memory, OS, Python, package versions, commit, date."""
    import psutil

    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _cpu_model(),
        "cores": f"{usable} usable ({psutil.cpu_count(logical=False)} physical, {os.cpu_count()} logical)",
        "memory": f"{psutil.virtual_memory().total / 2**30:.1f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": ", ".join(versions),
        "commit": _git_commit(),
        "load average at start": " / ".join(f"{x:.2f}" for x in load) + " (1 / 5 / 15 min)",
    }


# --------------------------------------------------------------------------------------------- inputs


@dataclass
class Slice:
    """An input file for one run: ``articles`` spread over the corpus (or all of it), and their text size."""

    label: str
    path: Path
    articles: int
    characters: int
    text_bytes: int


def count_lines(path: Path) -> int:
    with open_text(path) as fh:
        return sum(1 for line in fh if line.strip())


def spread(total: int, n: int) -> set[int]:
    """``n`` line numbers spread evenly over ``total`` lines (every k-th), so a slice has the corpus's mix."""
    n = min(n, total)
    return {i * total // n for i in range(n)}


def prepare_inputs(corpus: Path, sizes: list[int | None], peer_sample: int, workdir: Path) -> tuple[list[Slice], Slice]:
    """Write an input file for each size (``None``: the whole corpus, read in place) and one for the peers.

    Each slice takes every k-th article across the whole corpus, so its mix of sources and lengths is the
    corpus's and the cost curve compares like with like (the corpus is ordered by source, and the first articles
    are the longest). One pass reads the corpus; every slice is measured in characters and UTF-8 bytes of text.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    total = count_lines(corpus)
    cut = sorted({s for s in sizes if s is not None and s < total})
    picks = {size: spread(total, size) for size in cut}
    picks["sample"] = spread(total, peer_sample)
    paths = {size: workdir / f"spread-{size}.jsonl.gz" for size in cut}
    paths["sample"] = workdir / "peer-sample.jsonl"
    writers = {
        key: (gzip.open(path, "wt", encoding="utf-8", compresslevel=1) if path.name.endswith(".gz")
              else open(path, "w", encoding="utf-8"))
        for key, path in paths.items()
    }
    measured = {key: [0, 0] for key in paths}
    chars = nbytes = n = 0
    with open_text(corpus) as fh:
        for line in fh:
            if not line.strip():
                continue
            text = json.loads(line).get("text") or ""
            c, b = len(text), len(text.encode("utf-8"))
            chars += c
            nbytes += b
            for key, chosen in picks.items():
                if n in chosen:
                    writers[key].write(line if line.endswith("\n") else line + "\n")
                    measured[key][0] += c
                    measured[key][1] += b
            n += 1
    for w in writers.values():
        w.close()
    slices = []
    for size in sizes:
        if size is None or size >= total:
            slices.append(Slice("all", corpus, n, chars, nbytes))
        else:
            slices.append(Slice(f"{size:,}", paths[size], size, *measured[size]))
    sample = Slice(f"peer sample ({len(picks['sample'])})", paths["sample"], len(picks["sample"]), *measured["sample"])
    return slices, sample


# --------------------------------------------------------------------------------------------- memory


class PeakRSS:
    """Samples the resident memory of this process and all its children (dask workers) every ``interval`` s."""

    def __init__(self, interval: float = 0.05):
        import psutil

        self.proc = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        import psutil

        total = 0
        for p in [self.proc, *self.proc.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            time.sleep(self.interval)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())


def as_json(obj) -> str:
    return json.dumps(asdict(obj) if hasattr(obj, "__dataclass_fields__") else obj, default=str)
