# Set-up and everyday commands. Everything installs into .venv so that a
# Debian system Python (which refuses system-wide pip installs) works as is.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test install install-test bench eval eval-fit docs clean

$(BIN)/chartercheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/chartercheck
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/chartercheck

install-test: $(VENV)/.test-deps

## demo: install, then lint the shipped samples with the embedded default charter and a shipped charter
# (lint exits 1 when it finds errors: expected on the faulty samples, so "-")
demo: install
	$(BIN)/chartercheck lint sample_calendars/week48-clean.yaml --now 2026-11-21T09:00
	-$(BIN)/chartercheck lint sample_calendars/previous-weeks-published.yaml sample_calendars/week48-faulty.yaml \
	    --charter charters/velo-lumiere.yaml --from 2026-11-23 --until 2026-11-29 --now 2026-11-21T09:00
	-$(BIN)/chartercheck lint sample_calendars/tone-week.yaml --charter charters/velo-lumiere.yaml --now 2026-11-21T09:00
	-$(BIN)/chartercheck lint sample_calendars/week48-faulty.ics --charter charters/velo-lumiere.yaml --now 2026-11-21T09:00 --format json --output demo-report.json
	-$(BIN)/chartercheck lint sample_calendars/week48-faulty.yaml --charter charters/velo-lumiere.yaml --now 2026-11-21T09:00 --format html --output demo-report.html
	@echo "reports written: demo-report.json, demo-report.html"

## test: install with test extras, then run the whole suite
test: install-test
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/run.py

# The tone evaluation (benchmarks/eval): its own environment, because scikit-learn and
# scipy fit and judge the commercial score but are never runtime dependencies.
EVAL_VENV := .venv-eval
$(EVAL_VENV)/.ready: pyproject.toml benchmarks/eval/requirements.txt
	$(PYTHON) -m venv $(EVAL_VENV)
	$(EVAL_VENV)/bin/pip install --quiet --upgrade pip
	$(EVAL_VENV)/bin/pip install --quiet -e . -r benchmarks/eval/requirements.txt
	touch $@

## eval: grouped cross-validation of the commercial score on the real corpus, and the in-house set
eval: $(EVAL_VENV)/.ready
	cd benchmarks/eval && ../../$(EVAL_VENV)/bin/python evaluate.py $(EVAL_ARGS)

## eval-fit: fit the commercial score's weights again and write them into the package
eval-fit: $(EVAL_VENV)/.ready
	cd benchmarks/eval && ../../$(EVAL_VENV)/bin/python fit.py --write

docs: install
	$(BIN)/chartercheck rules --format markdown > docs/rules.md
	$(BIN)/chartercheck charter schema --format markdown > docs/charter.md
	$(BIN)/chartercheck charter schema > chartercheck/charter/charter.schema.json

clean:
	rm -rf $(VENV) $(EVAL_VENV) build *.egg-info
