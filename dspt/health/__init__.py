"""Whether this app server can serve: for a load balancer (/healthz)."""
