"""One benchmark step in its own process, with a memory ceiling and a time limit.

Like ``harness.measure``, but a step that fails, runs out of memory or out of time is a
result ("failed: <reason>"), not the end of the run: the scale benchmark attempts sizes
this machine may not manage (10 million records), and the figures of the other steps and
sizes must still be written.

The parent watches the child's resident memory (``/proc/<pid>/status``, every 0.2 s) and
kills its process group above the ceiling; a kernel limit on address space
(``RLIMIT_AS``) would stop DuckDB long before its resident memory gets there, because
DuckDB and the allocator reserve far more address space than they touch. Peak memory is the
child's own maximum RSS when it finishes, and the highest sample seen when it is killed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.harness import EPILOGUE, REPO

POLL_SECONDS = 0.2


@dataclass
class Step:
    """What one step measured: seconds and peak MB, its own figures, or why it failed."""

    name: str
    seconds: float
    peak_mb: float
    extra: dict = field(default_factory=dict)
    failed: str | None = None

    @property
    def ok(self) -> bool:
        return self.failed is None

    def row(self) -> str:
        figures = ", ".join(f"{k}: {v}" for k, v in self.extra.items())
        if self.failed:
            said = self.failed if self.failed.startswith("not run") else f"failed: {self.failed}"
            figures = f"**{said}**" + (f"; {figures}" if figures else "")
        return f"| {self.name} | {self.seconds:,.1f} | {self.peak_mb:,.0f} | {figures} |"


def resident_mb(pid: int) -> float:
    """The resident memory of a running process in MB (0 once it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reason(returncode: int, stderr: str) -> str:
    """The last line of the child's error output, shortened for a table cell."""
    lines = [
        line.strip()
        for line in stderr.splitlines()
        if line.strip() and not line.startswith("PEAK_RSS_KB")
    ]
    last = lines[-1] if lines else f"exit code {returncode}"
    if returncode < 0:
        last = f"killed by signal {-returncode} ({last})"
    return last.replace("|", "/")[:160]


def run_step(
    name: str,
    code: str,
    env: dict | None = None,
    memory_limit_mb: float = 12_000,
    timeout_s: float = 1_800,
) -> Step:
    """Run ``code`` in a fresh Python (it may print one JSON object of figures last)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", code + EPILOGUE],
            cwd=REPO,
            stdout=out,
            stderr=err,
            text=True,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )
        sampled, killed = 0.0, None
        while child.poll() is None:
            sampled = max(sampled, resident_mb(child.pid))
            elapsed = time.perf_counter() - started
            if sampled > memory_limit_mb:
                killed = f"out of memory: above the {memory_limit_mb:,.0f} MB ceiling"
            elif elapsed > timeout_s:
                killed = f"timed out after {timeout_s:,.0f} s"
            if killed:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
                break
            time.sleep(POLL_SECONDS)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    load = round(os.getloadavg()[0], 1)
    peaks = [int(line.split()[1]) for line in stderr.splitlines() if line.startswith("PEAK_RSS_KB")]
    peak_mb = peaks[-1] / 1024 if peaks else sampled
    if killed or child.returncode:
        reason = killed or _reason(child.returncode, stderr)
        return Step(name, seconds, peak_mb, {"load": load}, failed=reason)
    extra = _figures(stdout)
    return Step(name, seconds, peak_mb, {**extra, "load": load})


def _figures(stdout: str) -> dict:
    """The last JSON object a step printed. DuckDB's progress bar (a query over a few seconds)
    is drawn on the same line, so the object is looked for from its first brace."""
    for line in reversed(stdout.splitlines()):
        start = line.find("{")
        if start == -1:
            continue
        try:
            found = json.loads(line[start:])
        except ValueError:
            continue
        if isinstance(found, dict):
            return found
    return {}
