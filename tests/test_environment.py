"""environment.yml (conda) and pyproject.toml (pip) ask for the same packages at the same versions."""
from __future__ import annotations

import re
import tomllib

import yaml

from .conftest import ROOT


def canonical(requirement: str) -> tuple[str, str]:
    requirement = requirement.split("#")[0].strip()
    m = re.match(r"^([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*(.*)$", requirement)
    name = re.sub(r"[-_.]+", "-", m.group(1)).lower()
    return name, m.group(3).replace(" ", "")


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        reqs += [r for r in extra if not r.startswith("newsframes")]
    return dict(canonical(r) for r in reqs)


def environment_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    out = {}
    for dep in env["dependencies"]:
        items = dep["pip"] if isinstance(dep, dict) else [dep]
        for item in items:
            if item.startswith("-e") or item in ("pip",) or item.startswith("python"):
                continue
            name, spec = canonical(item)
            out[name] = spec
    return out


def test_same_packages_and_versions():
    assert environment_requirements() == pyproject_requirements()


def test_environment_installs_the_project_and_python():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert "conda-forge" in env["channels"]
    assert any(isinstance(d, str) and d.startswith("python>=3.11") for d in env["dependencies"])
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip


def test_lib_is_not_ignored():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "lib/" not in ignored and "/lib/" not in ignored
