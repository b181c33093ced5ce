"""Two projections compared: what moved, was added, dropped or held since the first."""
