# bgimpact — the two commands the README starts with:
#   make demo   set up .venv (first time only) and run the offline demo into runs/demo
#   make test   set up .venv (first time only) and run the whole test suite (what CI runs)
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: install browser demo test test-fast bench clean-runs report-asset docs preview quarto readme

install: $(VENV)/.installed

$(VENV)/.installed: setup.py settings.ini
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: install
	$(BIN)/bgimpact demo --out runs/demo

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

browser:   # the editor's browser test drives Debian's Chromium (no browser download)
	@command -v chromium >/dev/null || $(SUDO) apt-get install -y -q chromium || \
	  ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium)

test: install browser
	$(BIN)/python .ci/test.py

test-fast: install browser
	$(BIN)/python .ci/test.py --fast

bench: install
	$(BIN)/bgimpact bench $(if $(DATA),--data $(DATA))

clean-runs:
	rm -rf runs/

report-asset:   # after editing nbs/90_report.ipynb: ship the same notebook in the package
	cp nbs/90_report.ipynb bgimpact/assets/report.ipynb

# The docs site (Quarto, via nbdev_docs) goes to _docs/. Quarto comes from PATH; on machines that
# reach only package registries, ../shared/quarto (when present) is installed once into QUARTO_PREFIX.
QUARTO_PREFIX ?= $(HOME)/.cache/bgimpact-quarto
QUARTO_SRC ?= ../shared/quarto
QUARTO_PATH = $(QUARTO_PREFIX)/bin:$(abspath $(BIN)):$$PATH

quarto:
	@command -v quarto >/dev/null || [ -x $(QUARTO_PREFIX)/bin/quarto ] || \
	  { [ -x $(QUARTO_SRC)/install.sh ] && $(QUARTO_SRC)/install.sh $(QUARTO_PREFIX) >/dev/null; } || \
	  { echo "Quarto not found: install it from https://quarto.org/docs/get-started/ (or set QUARTO_SRC)"; exit 1; }

# README.md is generated from nbs/index.ipynb (nbdev_readme, also run by nbdev_docs when the index is newer);
# image links are relative to nbs/ there, so they are rewritten for the repository root.
README_FIX = sed -i -e 's@](figures/@](nbs/figures/@g' -e 's@](\([0-9a-z_]*\.ipynb\))@](nbs/\1)@g' README.md

docs: install quarto
	PATH="$(QUARTO_PATH)" $(BIN)/nbdev_docs
	$(BIN)/python tools/localize_links.py _docs
	$(README_FIX)

readme: install quarto
	PATH="$(QUARTO_PATH)" $(BIN)/nbdev_readme
	$(README_FIX)

preview: install quarto
	PATH="$(QUARTO_PATH)" $(BIN)/nbdev_preview
