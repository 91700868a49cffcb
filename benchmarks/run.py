"""Run every benchmark and update docs/performance.md (``make bench``)."""

from __future__ import annotations

from benchmarks import demo_build, erasmus_ec_import, page_render, report, scale


def main() -> None:
    demo_build.main()
    page_render.main()
    report.main()
    erasmus_ec_import.main()
    scale.main([])


if __name__ == "__main__":
    main()
