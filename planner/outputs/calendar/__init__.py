"""Calendars: iCalendar events and feed folders, their index page, and CalDAV publishing."""
