"""The import contract: one pydantic model per input table (DESIGN section 4).

One module per table (``mobility``, ``agreement``, ``project``, ``headcount``, ``target``),
their base (``base``), value lists (``vocabulary``), column rules (``rules``), reference
data (``reference``) and the tables by name (``tables``); this package exposes them.

Each field carries, in one place: its type, whether it is required, the rule that reads and checks
raw values (``pipelines.contract.rules``; used by the bulk validator and by pydantic alike), its
description, an example, and the other column names it is known by (``validation_alias``: EWP,
Erasmus+ and common spreadsheet headers). ``docs/data-contract.md`` and the templates under
``data/templates/`` are generated from these models (``mobility contract``).

Rules spanning several columns (an end before its start) are ``RowRule`` objects listed in
``row_rules`` and likewise shared by both paths.
"""

from __future__ import annotations

from pipelines.contract.agreement import Agreement
from pipelines.contract.base import ContractModel, RowRule, column, end_before_start
from pipelines.contract.headcount import Headcount
from pipelines.contract.mobility import Mobility
from pipelines.contract.project import Project
from pipelines.contract.tables import MODELS, PERSONAL_COLUMNS, model_for
from pipelines.contract.target import Target
from pipelines.contract.vocabulary import (
    ACTIVITIES,
    ACTIVITY_ALIASES,
    AGREEMENT_ACTIVITIES,
    AGREEMENT_TYPES,
    DIRECTIONS,
    GENDERS,
    HOST_TYPES,
    MODES,
    PERSON_ROLES,
    PROJECT_ROLES,
    STATUSES,
)

__all__ = [
    "ACTIVITIES",
    "ACTIVITY_ALIASES",
    "AGREEMENT_ACTIVITIES",
    "AGREEMENT_TYPES",
    "DIRECTIONS",
    "GENDERS",
    "HOST_TYPES",
    "MODELS",
    "MODES",
    "PERSONAL_COLUMNS",
    "PERSON_ROLES",
    "PROJECT_ROLES",
    "STATUSES",
    "Agreement",
    "ContractModel",
    "Headcount",
    "Mobility",
    "Project",
    "RowRule",
    "Target",
    "column",
    "end_before_start",
    "model_for",
]
