"""Progress towards a target: the recent trend extended to the target year, on track or at risk.

Method (stated on every page that shows a projection, from :data:`METHOD`): a least-squares
straight line through the KPI's values of the last :data:`WINDOW` academic years that have a
value, extended to the target year and kept within the KPI's sensible range (no negative
counts, no rate above 100 %). A target is

* **on track** when the extended line reaches the target in the KPI's good direction (at
  least the target for "higher is better", at most for "lower is better"; for a neutral KPI
  such as net flow, in the direction from the latest value to the target),
* **at risk** when it does not,
* **met** / **missed** once the target year has a value of its own (no projection then),
* **no trend** with fewer than two years of values (a line needs two points),
* **not available** when the caller knows the KPI cannot be computed for the scope (a rate
  over headcounts for a faculty without headcounts): nothing is projected and the reason is
  the explanation.

A value that does not exist is None in :func:`progress_table` (a column may hold only None):
round or format with that in mind (``pd.to_numeric`` first).

Three years follow a change of policy quickly but are noisy; the window is one constant so
that a university can argue for another in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from pipelines import metrics
from pipelines.contract.rules import academic_year_label

WINDOW = 3
Status = Literal["on track", "at risk", "met", "missed", "no trend", "not available"]
METHOD = (
    f"Least-squares straight line through the last {WINDOW} academic years with a value, "
    "extended to the target year and kept within the KPI's sensible range; on track when "
    "the line reaches the target in the KPI's good direction."
)


@dataclass(frozen=True)
class Projection:
    target_year: int  # start year of the target's academic year
    target_value: float
    status: Status
    years_used: tuple[int, ...] = ()
    slope: float | None = None  # change per academic year
    intercept: float | None = None
    latest_year: int | None = None
    latest_value: float | None = None
    projected_value: float | None = None  # on the line at the target year (clamped)

    def line(self, year: int) -> float | None:
        """The fitted line's value in a year (unclamped), or None without a trend."""
        if self.slope is None or self.intercept is None:
            return None
        return self.intercept + self.slope * year

    @property
    def explanation(self) -> str:
        """One sentence with the figures behind the status, for a caption."""
        target = f"target {self.target_value:,.1f} in {academic_year_label(self.target_year)}"
        if self.status in ("met", "missed"):
            return f"{academic_year_label(self.target_year)}: {self.latest_value:,.1f}, {target}."
        if self.status == "no trend":
            return f"Fewer than two academic years with a value: no trend to extend ({target})."
        first, last = self.years_used[0], self.years_used[-1]
        return (
            f"Trend of {academic_year_label(first)} to {academic_year_label(last)}: "
            f"{self.slope:+,.2f} a year, reaching {self.projected_value:,.1f} in "
            f"{academic_year_label(self.target_year)} ({target})."
        )


def _fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Slope and intercept of the least-squares line through (year, value) points."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def _reaches(value: float, target: float, direction: str, reference: float | None) -> bool:
    """Whether ``value`` is at or beyond ``target`` in the direction that counts."""
    if direction == "neutral":
        direction = "down" if reference is not None and reference > target else "up"
    return value <= target if direction == "down" else value >= target


def project(
    series: list[tuple[int, float]],
    target_year: int,
    target_value: float,
    good_direction: str,
    bounds: tuple[float, float] = (float("-inf"), float("inf")),
    window: int = WINDOW,
) -> Projection:
    """Where the recent trend of ``series`` (start year, value) leads by ``target_year``."""
    points = sorted((int(y), float(v)) for y, v in series if v is not None and not pd.isna(v))
    actual = dict(points)
    before = [p for p in points if p[0] < target_year]
    reference = before[-1][1] if before else None
    if target_year in actual:
        value = actual[target_year]
        met = _reaches(value, target_value, good_direction, reference)
        return Projection(
            target_year,
            target_value,
            "met" if met else "missed",
            latest_year=target_year,
            latest_value=value,
        )
    used = before[-window:]
    latest = used[-1] if used else (None, None)
    if len(used) < 2:
        return Projection(
            target_year, target_value, "no trend", latest_year=latest[0], latest_value=latest[1]
        )
    slope, intercept = _fit(used)
    low, high = bounds
    projected = min(max(intercept + slope * target_year, low), high)
    on_track = _reaches(projected, target_value, good_direction, reference)
    return Projection(
        target_year,
        target_value,
        "on track" if on_track else "at risk",
        years_used=tuple(y for y, _ in used),
        slope=slope,
        intercept=intercept,
        latest_year=latest[0],
        latest_value=latest[1],
        projected_value=projected,
    )


def project_kpi(
    kpi_id: str, series: list[tuple[int, float]], target_year: int, target_value: float
) -> Projection:
    """:func:`project` with the KPI's good direction and sensible range from the registry."""
    kpi = metrics.get(kpi_id)
    return project(
        series, target_year, target_value, kpi.good_direction, metrics.sensible_range(kpi_id)
    )


NUMERIC_COLUMNS = ("latest_value", "projected_value", "trend_start_year", "trend_start_value")


def progress_table(
    targets: pd.DataFrame,
    series: pd.DataFrame,
    unavailable: Mapping[tuple[str, str], str] | None = None,
) -> pd.DataFrame:
    """Every target with its latest value, projection and status.

    ``targets`` has kpi_id, faculty, year_start, target_value (one row per target);
    ``series`` has kpi_id, faculty, year_start, value (the KPI's actual values);
    ``unavailable`` maps (kpi_id, faculty) to why that KPI cannot be computed there: its
    targets get the status "not available" with that reason as explanation. Returns the
    targets' columns plus latest_year (label), latest_value, projected_value, the fitted
    line's first point (trend_start_year, trend_start_value: with projected_value, the two
    ends of the dashed line a chart draws), status and explanation; None where there is no
    value.
    """
    unavailable = unavailable or {}
    rows = []
    for target in targets.to_dict("records"):
        reason = unavailable.get((target["kpi_id"], target["faculty"]))
        if reason is not None:
            rows.append(
                {
                    **target,
                    "latest_year": None,
                    **dict.fromkeys(NUMERIC_COLUMNS),
                    "status": "not available",
                    "explanation": reason,
                }
            )
            continue
        values = series[
            (series["kpi_id"] == target["kpi_id"]) & (series["faculty"] == target["faculty"])
        ]
        result = project_kpi(
            target["kpi_id"],
            list(zip(values["year_start"], values["value"], strict=True)),
            int(target["year_start"]),
            float(target["target_value"]),
        )
        rows.append(
            {
                **target,
                "latest_year": (
                    academic_year_label(result.latest_year) if result.latest_year else None
                ),
                "latest_value": result.latest_value,
                "projected_value": result.projected_value,
                "trend_start_year": result.years_used[0] if result.years_used else None,
                "trend_start_value": (
                    result.line(result.years_used[0]) if result.years_used else None
                ),
                "status": result.status,
                "explanation": result.explanation,
            }
        )
    columns = [
        *targets.columns,
        "latest_year",
        "latest_value",
        "projected_value",
        "trend_start_year",
        "trend_start_value",
        "status",
        "explanation",
    ]
    return pd.DataFrame(rows, columns=columns)
