"""The Lambda layer builder: combined, extras and per-package layers, reproducible zips."""
