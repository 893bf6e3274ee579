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

## demo: install, then lint the shipped samples with the embedded default charter and a shipped charter;
# each step says what it shows. Findings are what a demo is for, so the faulty weeks run with
# --fail-on never (in CI, the exit code is what gates publication).
DEMO_NOW := --now 2026-11-21T09:00
demo: install
	@echo "== 1/5 A clean week, with the embedded default charter (no charter file needed): no findings"
	@$(BIN)/chartercheck lint sample_calendars/week48-clean.yaml $(DEMO_NOW)
	@echo
	@echo "== 2/5 A faulty week against the Velo Lumiere charter: cadence, windows, moderation, approvals;"
	@echo "   last week's published posts count for cadence (--from/--until limit the findings to week 48)"
	@$(BIN)/chartercheck lint sample_calendars/previous-weeks-published.yaml sample_calendars/week48-faulty.yaml \
	    --charter charters/velo-lumiere.yaml --from 2026-11-23 --until 2026-11-29 $(DEMO_NOW) --fail-on never
	@echo
	@echo "== 3/5 A week whose words are the point: commercial share (80/20), register, vocabulary, pillars"
	@$(BIN)/chartercheck lint sample_calendars/tone-week.yaml --charter charters/velo-lumiere.yaml \
	    --select CC2,CC3 $(DEMO_NOW) --fail-on never
	@echo
	@echo "== 4/5 The faulty week exported as iCalendar gives the same findings, here as JSON"
	@$(BIN)/chartercheck lint sample_calendars/week48-faulty.ics --charter charters/velo-lumiere.yaml $(DEMO_NOW) \
	    --format json --output demo-report.json --fail-on never
	@echo
	@echo "== 5/5 The same week as a self-contained HTML report (open it in a browser, on a phone too)"
	@$(BIN)/chartercheck lint sample_calendars/week48-faulty.yaml --charter charters/velo-lumiere.yaml $(DEMO_NOW) \
	    --format html --output demo-report.html --fail-on never

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
