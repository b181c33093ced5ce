"""Chairmanship: the chair timeline checked against the rule book, and plans for the coming terms."""
