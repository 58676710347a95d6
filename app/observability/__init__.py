"""Metrics and logs: what the service tells its operators."""
