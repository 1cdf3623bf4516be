"""Reports for the funders of a support programme: what it did and what changed, month by month (ADR 13)."""
