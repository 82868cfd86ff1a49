"""Typed Lambda event shapes that more than one powertools utility reads."""
