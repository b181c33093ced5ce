"""Readers: registers (CSV, JSON, .ics), rule books and their fast paths, and input files' bytes."""
