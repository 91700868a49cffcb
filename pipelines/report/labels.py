"""Row labels of the report's tables and the order they are shown in.

The column names of the by-direction tables, the display names of coded values (study levels,
staff activities, host organisations, participant roles) and the helpers that turn a code into
its label; a missing value is shown as ``NOT_SET`` (``pipelines/contract/reference.py``, the
word the marts' label columns use) and sorts last.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from pipelines.contract import reference
from pipelines.contract.reference import NOT_SET
from pipelines.report.inputs import Inputs

OUT, IN, BOTH = "Outbound", "Inbound", "Total"
DIRECTION_COLUMNS = (OUT, IN, BOTH)
LEVELS = {level: reference.level_label(level) for level in reference.EQF_LEVELS}
STAFF_ACTIVITIES = {
    "teaching": "Teaching (STA)",
    "training": "Training (STT)",
    "research": "Research visit",
    "conference": "Conference",
}
HOST_TYPES = {
    "higher_education": "Higher education institution",
    "enterprise": "Enterprise",
    "public_body": "Public body",
    "ngo": "Non-governmental organisation",
    "research_institute": "Research institute",
    "other": "Other",
}
ROLES = {"student": "students", "staff": "staff", "researcher": "researchers"}
COUNTED = "Counts are realised mobilities (ongoing or completed) starting in the academic year."


def country_labeller(inputs: Inputs) -> Callable[[object], str]:
    c = inputs.counts
    names = dict(zip(c["partner_country"], c["partner_country_name"], strict=True))
    return lambda code: f"{names.get(code) or code} ({code})"


def plain_label(value: object) -> str:
    return (
        NOT_SET if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    )


def study_level_label(value: object) -> str:
    if pd.isna(value):  # None, NaN and pd.NA (a nullable integer column's empty value)
        return NOT_SET
    return reference.level_label(int(value))  # type: ignore[call-overload]


def faculty_order(labels: list[str]) -> dict[str, int]:
    ordered = [*sorted(v for v in labels if v != NOT_SET), NOT_SET]
    return {v: i for i, v in enumerate(ordered)}
