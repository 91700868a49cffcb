"""Other processes for the concurrency tests: the environment the ``mobility`` command runs in,
and a process holding a warehouse's write lock (lock_holder.py, next to this file)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ENV = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
ENV.pop("MOBILITY_SECRET_FILE", None)


class Holder:
    """Another process holding the write lock (tests/pipelines/lock_holder.py)."""

    def __init__(self, warehouse: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "lock_holder.py"), str(warehouse)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout.readline().strip() == "holding"
        self.pid = self.process.pid

    def release(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)
