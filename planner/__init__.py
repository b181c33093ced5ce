"""planner: meeting calendar and schedule planner for intergovernmental organizations.

The library in one breath::

    from planner import load_rulebook, load_meetings, check, project
    book = load_rulebook("rules/cica.toml")
    meetings = load_meetings("examples/cica-meetings.csv", book)
    report = check(book, meetings, today)          # findings, one per window
    schedule = project(book, meetings, today)       # projected meetings, dated

Nothing here prints or exits; the ``planner`` command (``planner.cli``) does.
"""

# PEP 562: the public API is imported on first use, so ``import planner`` (and every command's
# start-up) loads nothing heavy; each command imports only what it uses.
_LAZY = {
    "Body": "planner.core.model",
    "ChairTerm": "planner.core.model",
    "Expectation": "planner.engine.expectations",
    "ExpectationEngine": "planner.engine.expectations",
    "Finding": "planner.engine.judging.compliance",
    "InputError": "planner.core.errors",
    "InputErrors": "planner.core.errors",
    "Meeting": "planner.core.model",
    "PlanError": "planner.core.errors",
    "PlannerError": "planner.core.errors",
    "Projection": "planner.engine.planning.projection",
    "RegisterError": "planner.core.errors",
    "Report": "planner.engine.judging.compliance",
    "RuleBook": "planner.core.model",
    "RuleBookError": "planner.core.errors",
    "Verdict": "planner.engine.judging.compliance",
    "chairs_report": "planner.engine.chairmanship.plan",
    "check": "planner.engine.judging.compliance",
    "combined_calendar_bytes": "planner.outputs.calendar.ical",
    "embedded_path": "planner.inputs.rulebook",
    "expectations": "planner.engine.expectations",
    "load_chairs": "planner.inputs.register",
    "load_meetings": "planner.inputs.register",
    "load_rulebook": "planner.inputs.rulebook",
    "parse_rulebook": "planner.inputs.rulebook",
    "project": "planner.engine.planning.projection",
    "with_chair_hosts": "planner.engine.chairmanship.plan",
    "write_feeds": "planner.outputs.calendar.folder.feeds",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'planner' has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "Body",
    "ChairTerm",
    "Expectation",
    "ExpectationEngine",
    "Finding",
    "InputError",
    "InputErrors",
    "Meeting",
    "PlanError",
    "PlannerError",
    "Projection",
    "RegisterError",
    "Report",
    "RuleBook",
    "RuleBookError",
    "Verdict",
    "__version__",
    "chairs_report",
    "check",
    "combined_calendar_bytes",
    "embedded_path",
    "expectations",
    "load_chairs",
    "load_meetings",
    "load_rulebook",
    "parse_rulebook",
    "project",
    "with_chair_hosts",
    "write_feeds",
]
