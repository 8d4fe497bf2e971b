"""Quotations, their speakers, and reported speech (see ``extract`` for the rules)."""
from .extract import COLUMNS, extract_quotes
from .measure import Quotes

__all__ = ["COLUMNS", "Quotes", "extract_quotes"]
