"""Incidents and breaches, with the ICO's 72-hour clock and the national reporting form's summary."""
