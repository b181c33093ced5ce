"""The chairs as hosts of the projected meetings of chair-hosted bodies (hosting.py), and
the meetings chained to those a chair's plan moves (chained.py)."""
