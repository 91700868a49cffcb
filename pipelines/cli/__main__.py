"""``python -m pipelines.cli``: the ``mobility`` command (tests and docs run it this way)."""

from pipelines.cli import main

main()
