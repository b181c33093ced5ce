"""Judging expectations against the register: verdicts, the meetings each window counts, and why."""
