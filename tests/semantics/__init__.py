"""Rule semantics worked out by hand, round by round: each case's docstring derives its verdicts from the README's words."""
