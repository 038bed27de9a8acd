"""Private iCalendar feeds of a person's course days and live sessions."""
