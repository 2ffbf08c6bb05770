# `make demo` and `make test` build .venv from scratch on first use (Python 3.11, pinned packages).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)

.PHONY: demo test test-deps web evaluate clean

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=/path/to/python3.11'"; exit 2; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/wirewatch demo --db out/demo.db --out out

# System packages (PostgreSQL 15, Chromium) and the web page's npm packages, for the store and browser tests.
test-deps:
	bash scripts/system-deps.sh
	@if command -v npm >/dev/null; then cd web && npm ci --no-audit --no-fund --loglevel=error \
	   || echo "note: npm ci failed (offline?); the test that rebuilds the web bundle will be skipped"; \
	 else echo "note: npm not found; the test that rebuilds the web bundle will be skipped"; fi

test: $(STAMP) test-deps
	$(BIN)/python -m pytest

# Rebuild the web page's bundle (committed under src/wirewatch/serve/web/) from web/.
web:
	cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build

evaluate: demo
	$(BIN)/wirewatch evaluate --db out/demo.db

clean:
	rm -rf $(VENV) out
