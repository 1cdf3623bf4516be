"""One-to-one help from a support organisation: bookable surgeries, the contact log with follow-ups, and providers
asking for help on a question."""
