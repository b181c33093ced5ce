"""What each kind of cadence rule requires: one module per rule kind (``every``, ``after``, the
per-period counts), each building :class:`~planner.engine.expectation.Expectation` windows for
:class:`~planner.engine.expectations.ExpectationEngine`."""
