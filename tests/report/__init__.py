"""`planner report`: the HTML page, read as text and in a real browser."""
