"""How numbers are written on pages: thousands separators and units."""

from __future__ import annotations

import math


def kpi_value(value: float | None, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if unit == "%":
        return f"{value:,.1f} %"
    if unit == "EUR":
        return f"€{value:,.0f}"
    if unit == "days":
        return f"{value:,.0f} days"
    return f"{value:,.0f}"


def kpi_delta(value: float | None, previous: float | None, unit: str) -> str | None:
    if (
        value is None
        or previous is None
        or any(isinstance(v, float) and math.isnan(v) for v in (value, previous))
    ):
        return None
    change = value - previous
    if unit == "%":
        return f"{change:+,.1f} pp"
    return f"{change:+,.0f}"


def benchmark_value(value: float | None, unit: str) -> str:
    """A Benchmark-page figure: counts with separators, months and percentages to one decimal."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if unit == "months":
        return f"{value:,.1f} months"
    return kpi_value(value, unit)


def csv_bytes(frame) -> bytes:
    """A table as UTF-8 CSV for a download button (what is on screen, aggregates only)."""
    return frame.to_csv(index=False).encode("utf-8")
