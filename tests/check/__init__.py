"""`planner check`: the expectations engine, verdicts and their outputs, case by case."""
