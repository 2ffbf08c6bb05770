# `make demo` and `make test` build .venv from scratch on first use (Python 3.11, pinned packages).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)

.PHONY: demo test evaluate clean

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=/path/to/python3.11'"; exit 2; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/wirewatch demo --db out/demo.db --out out

test: $(STAMP)
	$(BIN)/python -m pytest

evaluate: demo
	$(BIN)/wirewatch evaluate --db out/demo.db

clean:
	rm -rf $(VENV) out
