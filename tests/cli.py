"""Run the ``mobility`` command as a user would: a separate process on a given warehouse."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MOBILITY = [sys.executable, "-m", "pipelines.cli"]


def run(*args: str, warehouse: Path, check_code: int | None = 0) -> subprocess.CompletedProcess:
    env = {**os.environ, "MOBILITY_WAREHOUSE": str(warehouse), "COLUMNS": "200", "NO_COLOR": "1"}
    done = subprocess.run([*MOBILITY, *args], capture_output=True, text=True, env=env, timeout=120)
    if check_code is not None:
        assert done.returncode == check_code, done.stdout + done.stderr
    return done
