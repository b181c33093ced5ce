"""planner: meeting calendar and schedule planner for intergovernmental organizations.

The library in one breath::

    from planner import load_rulebook, load_meetings, check, project
    book = load_rulebook("rules/cica.toml")
    meetings = load_meetings("examples/cica-meetings.csv", book)
    report = check(book, meetings, today)          # findings, one per window
    schedule = project(book, meetings, today)       # projected meetings, dated

Nothing here prints or exits; the ``planner`` command (``planner.cli``) does.
"""

from planner.chairs_plan import chairs_report, with_chair_hosts
from planner.compliance import Finding, Report, Verdict, check
from planner.errors import (
    InputError,
    InputErrors,
    PlanError,
    PlannerError,
    RegisterError,
    RuleBookError,
)
from planner.expectations import Expectation, ExpectationEngine, expectations
from planner.ical import combined_calendar_bytes, write_feeds
from planner.model import Body, ChairTerm, Meeting, RuleBook
from planner.projection import Projection, project
from planner.register import load_chairs, load_meetings
from planner.rulebook import embedded_path, load_rulebook, parse_rulebook

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
