"""Real organizations end to end: audits of their published rules and histories (tests/audit) and new-user trials (tests/trial)."""
