"""Checks on the built models: grain (unique keys), not-null columns, accepted values.

Declared here rather than in a YAML file so the accepted values come from the import contract itself
(one place). Reconciliations and other checks that need a query are SQL files in
``pipelines/transform/sql/checks/``: each returns the offending rows, so empty means passed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines import contract, metrics
from pipelines.ingest import ec_schemas
from pipelines.transform import quality

KINDS = tuple(metrics.KINDS)
# The mobilities mart's display labels (int_mobilities, macro display_label): what pages and
# reports group and filter on where a breakdown's value can be empty.
LABEL_COLUMNS = (
    "faculty_label",
    "programme_label",
    "study_level_label",
    "degree_programme_label",
    "gender_label",
    "field_broad_label",
    "language_label",
    "host_type_label",
    "partner_country_label",
)


@dataclass(frozen=True)
class ModelChecks:
    model: str
    unique: tuple[str, ...] = ()
    not_null: tuple[str, ...] = ()
    accepted: dict[str, tuple[str, ...]] = field(default_factory=dict)


CHECKS = (
    ModelChecks(
        "mobilities",
        unique=("mobility_id",),
        not_null=(
            "mobility_id",
            "person_id",
            "academic_year",
            "kind",
            "direction",
            "partner_country",
            "duration_days",
            "status",
            "mode",
            # display labels: the word for empty (macro display_label) rather than null
            *LABEL_COLUMNS,
        ),
        accepted={
            "kind": tuple(k for k in KINDS if k != "projects"),
            "direction": contract.DIRECTIONS,
            "status": contract.STATUSES,
            "mode": contract.MODES,
            "person_role": contract.PERSON_ROLES,
            "activity": contract.ACTIVITIES,
        },
    ),
    ModelChecks("filter_values", unique=("filter", "value"), not_null=("filter", "value")),
    ModelChecks(
        "partners",
        unique=("partner_key", "academic_year"),
        not_null=("partner_key", "academic_year", "partner_name", "partner_country"),
    ),
    ModelChecks(
        "agreements",
        unique=("agreement_id",),
        not_null=("agreement_id", "partner_key", "valid_from", "valid_to", "validity"),
        accepted={"validity": ("valid", "expiring", "expired", "not yet valid")},
    ),
    ModelChecks(
        "agreement_years",
        unique=("agreement_id", "academic_year"),
        not_null=("agreement_id", "academic_year", "places_total", "realised_total"),
    ),
    ModelChecks(
        "projects",
        unique=("project_id",),
        not_null=(
            "project_id",
            "programme",
            "role",
            "start_date",
            "end_date",
            "state",
            "faculty_label",
        ),
        accepted={"role": contract.PROJECT_ROLES, "state": ("planned", "running", "finished")},
    ),
    ModelChecks(
        "kpi_values",
        unique=("academic_year", "dimension", "dimension_value", "kpi_id"),
        not_null=("academic_year", "dimension", "dimension_value", "kpi_id", "value", "unit"),
        accepted={"kpi_id": metrics.KPI_IDS, "dimension": metrics.ALL_DIMENSIONS},
    ),
    ModelChecks(
        "kpi_by_year",
        unique=("academic_year", "faculty", "kpi_id"),
        not_null=("academic_year", "faculty", "kpi_id", "value"),
    ),
    ModelChecks(
        "headcounts",
        unique=contract.Headcount.key,
        not_null=("academic_year", "year_start", "faculty"),
    ),
    ModelChecks(
        "targets",
        unique=("kpi_id", "academic_year", "faculty"),
        not_null=("kpi_id", "academic_year", "faculty", "target_value"),
    ),
    # data management (issue 4): data-quality marts and partner mapping
    ModelChecks(
        "data_quality_issues",
        unique=("mobility_id", "rule_id"),
        not_null=("mobility_id", "rule_id", "academic_year", "detail"),
        accepted={"rule_id": quality.RULE_IDS},
    ),
    ModelChecks(
        "data_quality_rule_years",
        unique=("academic_year", "rule_id"),
        not_null=("academic_year", "rule_id", "applicable", "failing", "pass_pct"),
        accepted={"rule_id": quality.RULE_IDS},
    ),
    ModelChecks(
        "data_quality_scores",
        unique=("academic_year",),
        not_null=("academic_year", "score", "rules_counted", "mobilities"),
    ),
    ModelChecks(
        "data_quality_completeness",
        unique=("academic_year", "column_name"),
        not_null=("academic_year", "column_name", "column_position", "records", "filled"),
    ),
    ModelChecks(
        "known_partners",
        unique=("partner_key",),
        not_null=("partner_key", "partner_name", "known_from"),
    ),
    ModelChecks(
        "data_quality_unknown_partners",
        unique=("partner_key",),
        not_null=("partner_key", "mobilities"),
    ),
    # --- benchmark (EC Erasmus files) ---
    ModelChecks(
        "benchmark_mobilities",
        unique=("record_id",),
        not_null=("record_id", "academic_year", "home_country", "mobility_type", "participants"),
        accepted={"mobility_type": ec_schemas.MOBILITY_TYPES, "gender": contract.GENDERS},
    ),
    ModelChecks(
        "benchmark_institutions",
        unique=("code_key",),
        not_null=("erasmus_code", "code_key", "name", "in_institution_list"),
    ),
    ModelChecks(
        "benchmark_country_flows",
        unique=("source", "period", "sending_country", "receiving_country"),
        not_null=("source", "period", "sending_country", "receiving_country", "participants"),
        accepted={"source": ("records", "ec_flow_table")},
    ),
)
