# newsframes: `make help` lists the targets. Every target sets up .venv itself when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-test
CORPUS ?= ../shared/corpus/bench/articles.jsonl.gz

.DEFAULT_GOAL := help
.PHONY: help setup test test-fast chromium report lab bench lint clean

SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

setup: $(STAMP) ## create .venv and install the project with its test extras

test: $(STAMP) chromium ## run the whole test suite (what CI runs)
	$(BIN)/python -m pytest -q

test-fast: $(STAMP) ## the tests without notebooks and browser
	$(BIN)/python -m pytest -q -m "not slow"

chromium: ## install headless Chromium (Debian's chromium package) for the browser tests
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

report: $(STAMP) ## the main job: parse seeds/ once, run every notebook; figures and index.html into figures/
	$(BIN)/newsframes report --corpus seeds --out figures

lab: $(STAMP) ## open JupyterLab on notebooks/ with the project's kernel
	$(BIN)/python -m pip install --quiet "jupyterlab>=4"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (newsframes)"
	$(BIN)/python -m jupyter lab --ServerApp.root_dir=notebooks

bench: $(STAMP) ## benchmarks against the peers on the bench corpus (CORPUS=path)
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python bench/run.py --corpus $(CORPUS)

lint: $(STAMP) ## ruff
	$(BIN)/python -m ruff check lib tests bench

clean: ## remove outputs (figures, caches); keeps .venv and figures/README.md
	find figures -mindepth 1 ! -name README.md ! -name .gitkeep -exec rm -rf {} +
	rm -rf .pytest_cache .hypothesis bench/out
