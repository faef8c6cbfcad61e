# Two commands do all the set-up on a machine with Python 3.11+ and make:
#   make demo   create .venv, install kehoach, run the whole workflow on the embedded plan
#   make test   install the dev tools and run ruff (check and format), mypy (strict) and pytest
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell $(PYTHON) -c "import hashlib,sys;print(hashlib.sha1(open('pyproject.toml','rb').read()).hexdigest()[:10])")

.PHONY: demo test lint bench bytecode defaults pictures clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

demo: $(STAMP) bytecode
	$(BIN)/kehoach demo

# Compiled modules, as pip leaves them for an installed package and as Python writes them on
# first run, unless PYTHONDONTWRITEBYTECODE is set (it is on some CI machines): without them
# every command compiles pipeline/ again (about 60 ms).
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q pipeline

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests bench scripts
	$(BIN)/ruff format --check pipeline tests bench scripts
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

bench: $(STAMP) bytecode
	$(BIN)/python bench/run.py

# Rebuild the embedded default plan and form template (needs ../shared for the plan text).
defaults: $(STAMP)
	$(BIN)/python scripts/build_default_plan.py
	$(BIN)/kehoach make-template --force
	$(BIN)/python scripts/build_report_template.py

# Redraw docs/img/ from the demo's real outputs printed through LibreOffice (needs soffice, pdftoppm).
pictures: $(STAMP)
	$(BIN)/python scripts/render_pictures.py

clean:
	rm -rf $(VENV) demo .pytest_cache .mypy_cache .ruff_cache
