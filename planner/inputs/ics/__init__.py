"""iCalendar inputs: .ics registers (as Outlook and Google export them) and calendars to avoid."""
