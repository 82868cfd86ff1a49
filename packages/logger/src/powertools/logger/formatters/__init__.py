"""Formatters for log backends other than CloudWatch."""
