# Two commands matter: `make demo` and `make test` (see README). Everything runs from .venv.
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
PORT ?= 8501

.PHONY: demo test install serve build lint format docs bench bench-quick screenshots clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || python3 -m venv $(VENV) || \
		(python3 -m pip install --user --quiet virtualenv && python3 -m virtualenv $(VENV))
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

## build the demo warehouse and serve the dashboard on http://localhost:8501
demo: $(STAMP)
	$(BIN)/mobility demo
	$(MAKE) serve

serve: $(STAMP)
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT) --server.headless true

## the whole test suite: lint, generated docs up to date, unit, integration and browser tests
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mobility contract --check
	$(BIN)/pytest -q -n 2 --dist loadfile

build: $(STAMP)
	$(BIN)/mobility build

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

docs: $(STAMP)
	$(BIN)/mobility contract

## performance harness; writes docs/performance.md and docs/performance-scale.svg
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

## the scale benchmark at 100,000 records only (under 2 minutes)
bench-quick: $(STAMP)
	$(BIN)/python -m benchmarks.scale --quick

## docs/screenshots/*.png of every page on a fresh demo warehouse (needs /usr/bin/chromium)
screenshots: $(STAMP)
	$(BIN)/python -m scripts.screenshots

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis data/demo data/*.duckdb data/*.duckdb.wal
