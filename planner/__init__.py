"""planner: meeting calendar and schedule planner for intergovernmental organizations."""

from planner.errors import InputError, PlannerError, RegisterError, RuleBookError

__version__ = "0.1.0"

__all__ = ["InputError", "PlannerError", "RegisterError", "RuleBookError", "__version__"]
