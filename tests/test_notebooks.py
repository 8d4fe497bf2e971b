"""The analysis notebooks share one parameters cell and one setup cell, and read tables, not corpora."""
import nbformat

from analysis.notebooks import ANALYSIS_NOTEBOOKS, PARAMETERS, SETUP
from conftest import ROOT


def test_every_analysis_notebook_has_the_shared_parameters_and_setup_cells():
    for name in ANALYSIS_NOTEBOOKS:
        nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert "parameters" in code[0].metadata.get("tags", []), name
        assert code[0].source == PARAMETERS, name
        assert code[1].source.replace(", syndication", "") == SETUP, name


def test_no_notebook_runs_the_pipeline():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        assert "analyse(" not in text and "pipeline" not in text and "session.load" not in text, path.name
