"""Run every benchmark and update docs/performance.md (``make bench``)."""

from __future__ import annotations

from benchmarks import demo_build, report


def main() -> None:
    demo_build.main()
    report.main()


if __name__ == "__main__":
    main()
