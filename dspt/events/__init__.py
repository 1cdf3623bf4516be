"""A support organisation's webinars and workshops: the public listing, booking, waiting lists, calendar files,
reminders, attendance, and working along with the tutor."""
