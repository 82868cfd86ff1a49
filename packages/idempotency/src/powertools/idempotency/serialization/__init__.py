"""Output serializers: how a function's return value is stored and rebuilt on a repeat."""
