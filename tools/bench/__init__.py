"""Benchmarks: every powertools utility against upstream and bare Python, as ratios."""
