"""Measuring helpers for the benchmarks: wall time and peak memory of a child process.

Each measurement runs in a fresh Python process so peak RSS (from the kernel's rusage of the
child) belongs to that step alone, and timings do not include the parent's imports.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PERFORMANCE_MD = REPO / "docs" / "performance.md"


@dataclass
class Measurement:
    name: str
    seconds: float
    peak_rss_mb: float
    extra: dict

    def row(self) -> str:
        extra = ", ".join(f"{k}: {v}" for k, v in self.extra.items())
        return f"| {self.name} | {self.seconds:,.1f} | {self.peak_rss_mb:,.0f} | {extra} |"


EPILOGUE = """
import resource as _r, sys as _s
print("PEAK_RSS_KB", _r.getrusage(_r.RUSAGE_SELF).ru_maxrss, file=_s.stderr)
"""


def measure(name: str, code: str, env: dict | None = None) -> Measurement:
    """Run ``code`` in a fresh Python; it may print one JSON object of extra figures last.

    Peak memory is the child's own maximum resident set size, reported by the child itself.
    """
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code + EPILOGUE],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"{name} failed:\n{done.stdout}\n{done.stderr}")
    peak_kb = next(
        int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_RSS_KB")
    )
    lines = [line for line in done.stdout.strip().splitlines() if line.startswith("{")]
    extra = json.loads(lines[-1]) if lines else {}
    return Measurement(name, seconds, peak_kb / 1024, extra)


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def write_section(title: str, intro: str, rows: list[Measurement]) -> None:
    """Replace (or add) one section of docs/performance.md."""
    section = (
        f"\n## {title}\n\n{intro}\n\nMeasured {time.strftime('%Y-%m-%d')} on {machine()}.\n\n"
        "| step | seconds | peak memory (MB) | figures |\n|---|---:|---:|---|\n"
        + "\n".join(r.row() for r in rows)
        + "\n"
    )
    replace_section(title, section)


def replace_section(title: str, section: str) -> None:
    """Put ``section`` (its text from ``\\n## title``) in place of the section ``title`` of
    docs/performance.md, or at its end; the other sections stay as they are."""
    text = (
        PERFORMANCE_MD.read_text()
        if PERFORMANCE_MD.exists()
        else (
            "# Performance\n\nFigures written by the harness in `benchmarks/` (`make bench`); "
            "never asserted in tests.\n"
        )
    )
    marker = f"\n## {title}\n"
    if marker in text:
        start = text.index(marker)
        end = text.find("\n## ", start + len(marker))
        text = text[:start] + section + (text[end:] if end != -1 else "")
    else:
        text = text.rstrip("\n") + "\n" + section
    PERFORMANCE_MD.write_text(text)
