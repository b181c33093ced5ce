"""Projection: placing the meetings the rules still need on real working days, clear of clashes, and comparing projections."""
