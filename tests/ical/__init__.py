"""iCalendar feeds and CalDAV: the feed folder, its events, UIDs and revisions, and `planner publish` against Radicale."""
