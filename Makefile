# The two commands a new user needs: `make figures` and `make test`. Each creates .venv from
# requirements.lock (exact versions) when it is missing or older than the lock file.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg
export JUPYTER_PLATFORM_DIRS := 1

NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
# the tables of the bundled corpus, which the notebooks read (their default `tables` parameter)
TABLES := results/ukraine_talks

.PHONY: figures test lab report report-check results bench clean-venv

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (media-framing)" >/dev/null
	touch $(STAMP)

# the tables of the bundled corpus, then every notebook headlessly on them; writes figures/ and updates
# the committed notebooks
figures: results
	$(PY) -m analysis.notebooks run $(NOTEBOOKS)

# the pipeline's tables for the bundled corpus (results/ukraine_talks)
results: $(STAMP)
	$(PY) -m analysis run --out $(TABLES) --quiet

# pytest, then nbval on every notebook against fresh tables: each step runs even if an earlier one
# failed, and the target fails if any did
test: $(STAMP)
	@status=0; \
	$(PY) -m pytest tests || status=1; \
	$(PY) -m analysis run --out $(TABLES) --quiet || status=1; \
	$(PY) -m pytest --nbval notebooks --nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider -q \
		|| status=1; \
	exit $$status

# throughput, time per stage, peak memory, the notebook baseline (needs ../shared; BENCH_ARGS="--generated 0" to skip 100k)
bench: $(STAMP)
	$(PY) benchmarks/bench.py $(BENCH_ARGS)

lab: results
	$(VENV)/bin/jupyter lab --notebook-dir=.

# the report of the bundled corpus: figures, captions, data tables and the sentences behind every number,
# one self-contained page (report/report.html); checked as it is written (parses, images embedded, links resolve)
report: results
	$(PY) -m analysis report --tables $(TABLES) --out report/report.html

# the report rendered by a headless Chromium into report/report.png (needs one: `apt-get install chromium`)
report-check: report
	$(PY) -m analysis report --check --out report/report.html --screenshot report/report.png


clean-venv:
	rm -rf $(VENV)
