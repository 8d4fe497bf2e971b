"""Run the numbered notebooks headlessly (papermill); the HTML report is ``python -m analysis report``.

python -m analysis.notebooks run notebooks/01_corpus.ipynb ...   executes in place, default parameters
Papermill's timing metadata is removed after execution so that a re-run leaves the
committed notebooks unchanged.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat

# The parameters cell of every analysis notebook (01-06), one text so that they cannot drift apart;
# tests/test_notebooks.py checks each notebook against it.
PARAMETERS = """\
# Parameters (papermill overrides these; paths are relative to notebooks/). The same in every notebook.
tables = "../results/ukraine_talks"  # the --out folder of `python -m analysis run` (`make figures` writes this one)
outlets = None            # e.g. ["Outlet 001", "Outlet 002"]: outlets to include, in this order
where = None              # e.g. {"event": "7"}: keep articles whose metadata column has this value
method = "textblob"       # sentiment method of the single-method figures: textblob | vader | trained
focal_actor = "Ukraine"   # actor group of the sidelining and summary figures
date_from = None          # "2025-01-01": keep articles dated from this day ...
date_to = None            # ... to this day (inclusive)
copies = "count"          # count | exclude: leave out text copied from another outlet's earlier article
formats = ["png", "svg", "pdf"]
out_dir = None            # None: ../figures for the bundled tables, <tables>/figures for any other
estimates = None          # estimates.csv of `validate estimate`: figures 4-6 then show corrected estimates
period = None             # day | week | month of the time figure (09); None: chosen from the dates' range"""

# The cell after it: open the tables (checking every parameter) and name what the cells below use.
SETUP = """\
import pandas as pd
from IPython.display import Image, display
from analysis import compare, figures, session

pd.set_option("display.max_colwidth", 80)
s = session.open_tables(tables, outlets, method, focal_actor, date_from, date_to, copies, formats, out_dir,
                        estimates, where, period)
tables, p, outlet_list, methods = s.tables, s.params, s.outlets, s.methods  # from here on `tables` holds the tables"""

ANALYSIS_NOTEBOOKS = ("01_corpus", "02_quotes", "03_sentiment", "04_framing", "05_summary", "06_syndication",
                      "08_voices", "09_time")


def _strip_volatile(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)


def run(paths: list[str], parameters: dict | None = None) -> None:
    import papermill as pm
    for p in paths:
        path = Path(p).resolve()
        print(f"executing {path.name}", file=sys.stderr)
        pm.execute_notebook(str(path), str(path), parameters=parameters or {}, cwd=str(path.parent),
                            kernel_name="python3", progress_bar=False, request_save_on_cell_execute=False,
                            # the kernel's warning about its loopback TCP transport is noise here
                            extra_arguments=["--IPKernelApp.log_level=ERROR"])
        _strip_volatile(path)


if __name__ == "__main__":
    cmd, *files = sys.argv[1:]
    if cmd != "run":
        sys.exit(f"python -m analysis.notebooks: unknown command '{cmd}' (run)")
    run(files)
