"""Staff training register, the live share trained in 12 months, and confirmations by one-time link."""
