"""Build the marts: the SQL models in layer order, the checks on them, the data-quality rules."""
