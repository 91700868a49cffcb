"""Partners found in imported data: mapping them to known partners, and suggesting which."""
