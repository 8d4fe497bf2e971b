"""The whole flow in one import, for scripts and older notebooks: ``run`` and ``analyse`` live in
``analysis.run`` (see DESIGN: ingest -> measures -> run -> tables)."""
from .run import COLUMNS, TABLES, analyse, make_settings, process_article, run

__all__ = ["COLUMNS", "TABLES", "analyse", "make_settings", "process_article", "run"]
