"""The data-quality rules: what each checks, whom it applies to, whether it counts in the score.

Written once here and loaded by the build into ``ref_quality_rules`` and ``ref_duration_rules``, so
the SQL models (``pipelines/transform/sql/intermediate/int_mobility_quality.sql`` and the
``data_quality_*`` marts), the Data quality page and ``docs/data-management.md`` show the same
rules. The score of an academic year is the plain mean of the pass rates of the rules marked
``in_score`` that apply to at least one mobility of that year: equal weights, so a reader can
recompute it from the table on the page.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

from pipelines import contract
from pipelines.contract import rules

SOURCE_ERASMUS_GUIDE = "Erasmus+ Programme Guide (2021-2027)"


@dataclass(frozen=True)
class QualityRule:
    """One check on mobility records. ``name`` names the problem a failing record has."""

    id: str
    name: str
    description: str
    applies_to: str
    in_score: bool = True
    # only mobilities of these activities are checked (empty: all)
    activities: tuple[str, ...] = ()
    # rejected rows with one of these reasons belong to this rule (rules the importer enforces)
    rejection_reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class DurationRule:
    """A plausible range of days (end - start + 1) for an activity; ``None`` matches any."""

    activity: str
    mode: str | None
    study_level: int | None
    min_days: int
    max_days: int
    source: str


# Activities that need an inter-institutional agreement (for the unknown_partner rule).
AGREEMENT_ACTIVITIES = ("study", "dual_degree", "teaching", "training")


def _end_before_start_reasons() -> tuple[str, ...]:
    """The importer's own reasons for rejecting an end before its start, from the contract."""
    return tuple(
        sorted(
            {
                rule.reason
                for model in contract.MODELS.values()
                for rule in model.row_rules
                if rule.bad.__qualname__.startswith("end_before_start")
            }
        )
    )


RULES: tuple[QualityRule, ...] = (
    QualityRule(
        "suspected_duplicate",
        "Suspected duplicate",
        "Another mobility of the same (pseudonymised) person overlaps it in time; neither is "
        "cancelled. Often the same stay exported twice under two ids.",
        "every mobility that is not cancelled",
    ),
    QualityRule(
        "unknown_partner",
        "Unknown partner",
        "The partner (after partner mapping) has no agreement and has not been confirmed as "
        "a new partner: usually a misspelt name or another code for a known partner. Map it "
        "once on this page and later imports follow.",
        "study, dual degree, teaching and training: the activities that need an agreement",
        activities=AGREEMENT_ACTIVITIES,
    ),
    QualityRule(
        "outside_agreement",
        "Outside its agreement",
        "The mobility names an agreement (agreement_id) that was never imported, or starts "
        "before the agreement's first or after its last day of validity.",
        "mobilities that name an agreement",
    ),
    QualityRule(
        "implausible_duration",
        "Implausible duration",
        "The days from start to end fall outside every plausible range for the activity "
        "(see the table of durations).",
        "activities with a plausible range",
    ),
    QualityRule(
        "missing_reporting_fields",
        "Missing reporting fields",
        "A field the dashboards break figures down by is empty: faculty or gender, and for "
        "students also the study level.",
        "every mobility",
    ),
    QualityRule(
        "unknown_code",
        "Unknown country or partner code",
        "A country that is not ISO 3166-1 (nor UK/EL or a name), or an Erasmus code that is "
        "not one. The importer rejects such rows, so they are listed with the rejected rows "
        "and are not in the score.",
        "rejected rows of every table",
        in_score=False,
        rejection_reasons=(
            rules.Country.reason,
            rules.CountryList.reason,
            rules.ErasmusCode.reason,
        ),
    ),
    QualityRule(
        "end_before_start",
        "End before start",
        "The end date is before the start date. The importer rejects such rows, so they are "
        "listed with the rejected rows; they have no academic year and are not in the score.",
        "rejected rows of mobilities, agreements and projects",
        in_score=False,
        rejection_reasons=_end_before_start_reasons(),
    ),
)
RULE_IDS = tuple(r.id for r in RULES)
BY_ID = {r.id: r for r in RULES}

DURATION_RULES: tuple[DurationRule, ...] = (
    DurationRule(
        "study",
        "physical",
        None,
        60,
        366,
        f"{SOURCE_ERASMUS_GUIDE}: student mobility for studies, 2 to 12 months.",
    ),
    DurationRule(
        "study",
        "physical",
        8,
        5,
        30,
        f"{SOURCE_ERASMUS_GUIDE}: short-term physical mobility of doctoral candidates, "
        "5 to 30 days.",
    ),
    DurationRule(
        "traineeship",
        "physical",
        None,
        60,
        366,
        f"{SOURCE_ERASMUS_GUIDE}: student mobility for traineeships, 2 to 12 months.",
    ),
    DurationRule(
        "teaching",
        "physical",
        None,
        2,
        60,
        f"{SOURCE_ERASMUS_GUIDE}: staff mobility for teaching (STA), 2 to 60 days.",
    ),
    DurationRule(
        "training",
        "physical",
        None,
        2,
        60,
        f"{SOURCE_ERASMUS_GUIDE}: staff mobility for training (STT), 2 to 60 days.",
    ),
    DurationRule(
        "blended",
        None,
        None,
        5,
        30,
        f"{SOURCE_ERASMUS_GUIDE}: blended intensive programmes, 5 to 30 days physical.",
    ),
)


def rules_frame() -> pd.DataFrame:
    """The rules as the table ``ref_quality_rules``."""
    frame = pd.DataFrame([asdict(r) for r in RULES])
    for column in ("activities", "rejection_reasons"):
        frame[column] = frame[column].map(list)
    frame["position"] = range(1, len(frame) + 1)
    return frame.rename(columns={"id": "rule_id"})


def duration_rules_frame() -> pd.DataFrame:
    """The plausible durations as the table ``ref_duration_rules``."""
    return pd.DataFrame(
        [asdict(r) for r in DURATION_RULES],
    ).astype({"study_level": "Int64", "mode": "object"})
