"""Policies and notices written from the organisation's own data, and the CQC evidence pack."""
