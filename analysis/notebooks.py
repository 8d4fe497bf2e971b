"""Run the numbered notebooks headlessly (papermill) and render the HTML report.

python -m analysis.notebooks run notebooks/01_corpus.ipynb ...   executes in place, default parameters
python -m analysis.notebooks report notebooks/*.ipynb            writes report/report.html
Papermill's timing metadata is removed after execution so that a re-run leaves the
committed notebooks unchanged.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat


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
                            kernel_name="python3", progress_bar=False, request_save_on_cell_execute=False)
        _strip_volatile(path)


def report(paths: list[str], out: str = "report/report.html") -> None:
    from nbconvert import HTMLExporter
    merged = nbformat.v4.new_notebook()
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        merged.cells.append(nbformat.v4.new_markdown_cell(f"---\n# {Path(p).stem}"))
        merged.cells.extend(nb.cells)
    html, _ = HTMLExporter(exclude_input=False).from_notebook_node(merged)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(html, encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    cmd, *files = sys.argv[1:]
    {"run": run, "report": report}[cmd](files)
