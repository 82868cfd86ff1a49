"""AppSync helpers under upstream's module name (``scalar_types_utils``)."""
