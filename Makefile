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

.PHONY: figures test lab report results bench clean-venv

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (media-framing)" >/dev/null
	touch $(STAMP)

# run every notebook headlessly on the bundled corpus; writes figures/ and updates the committed notebooks
figures: $(STAMP)
	$(PY) -m analysis.notebooks run $(NOTEBOOKS)

# the pipeline's tables for the bundled corpus (results/)
results: $(STAMP)
	$(PY) -m analysis run --out results --quiet

test: $(STAMP)
	$(PY) -m pytest tests
	$(PY) -m pytest --nbval notebooks --nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider -q

# throughput, time per stage, peak memory, the notebook baseline (needs ../shared; BENCH_ARGS="--generated 0" to skip 100k)
bench: $(STAMP)
	$(PY) benchmarks/bench.py $(BENCH_ARGS)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=.

report: $(STAMP)
	$(PY) -m analysis.notebooks report $(NOTEBOOKS)


clean-venv:
	rm -rf $(VENV)
