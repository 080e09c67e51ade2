"""Measuring newsgraph against hand-annotated gold files."""
