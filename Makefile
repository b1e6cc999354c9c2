# newsframes: `make help` lists the targets. Every target sets up .venv itself when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-test
CORPUS ?= ../shared/corpus/bench/articles.jsonl.gz

.DEFAULT_GOAL := help
.PHONY: help setup test test-fast report lab bench lint clean

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

setup: $(STAMP) ## create .venv and install the project with its test extras

test: $(STAMP) ## run the whole test suite (what CI runs)
	$(BIN)/python -m pytest -q

test-fast: $(STAMP) ## the tests without notebooks and browser
	$(BIN)/python -m pytest -q -m "not slow"

report: $(STAMP) ## the main job: parse seeds/ and run every notebook; figures into figures/
	$(BIN)/newsframes parse seeds --out figures/data

lab: $(STAMP) ## open JupyterLab with the project's environment
	$(BIN)/python -m pip install --quiet jupyterlab
	$(BIN)/python -m jupyter lab notebooks/

bench: $(STAMP) ## benchmarks against the peers on the bench corpus (CORPUS=path)
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python bench/run.py --corpus $(CORPUS)

lint: $(STAMP) ## ruff
	$(BIN)/python -m ruff check lib tests bench

clean: ## remove outputs (figures, caches); keeps .venv
	rm -rf figures/* .pytest_cache .hypothesis bench/out
	touch figures/.gitkeep
