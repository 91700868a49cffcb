"""Reading, mapping, validating, pseudonymising and loading import files."""
