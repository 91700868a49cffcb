"""The benchmark contract: the European Commission's Erasmus files as three source tables.

These tables are kept apart from the university's own import contract (``pipelines.contract``):
they describe the whole programme, not the university, and are stored in ``ec_*`` tables,
never in ``raw_*``. Each model lists, per column, every header the EC has used for it over
the years (LLP 2008-09 to 2012-13 raw and cleaned files, Erasmus+ KA1 2014-2019 CSV and the
later releases); ``pipelines.ingest.erasmus_ec`` detects the variant and maps it.

The same machinery as the own contract reads them: the column rules of ``pipelines.contract.rules``
(reused where they fit, specialised here where the EC writes its own codes), the bulk
validator, and the transactional upsert of ``pipelines.ingest.load``.

One module per job: ``column_rules`` (the EC's own column rules and value lists), ``base``
(``EcModel``), one module per table (``mobility_records``, ``institution_list``,
``country_flows``); this package exposes them and ``EC_MODELS``, the tables by name.
"""

from __future__ import annotations

from pipelines.ingest.ec_schemas.base import EcModel
from pipelines.ingest.ec_schemas.column_rules import (
    EC_NULL_MARKERS,
    LLP_LEVELS,
    MOBILITY_TYPES,
    PROFILES,
    REST_OF_WORLD,
    EcActivity,
    EcCountry,
    EcDate,
    EcGender,
    EcStudyLevel,
    FlowCountry,
    Verbatim,
)
from pipelines.ingest.ec_schemas.country_flows import EcCountryFlow
from pipelines.ingest.ec_schemas.institution_list import EcInstitution
from pipelines.ingest.ec_schemas.mobility_records import EcMobility

EC_MODELS: dict[str, type[EcModel]] = {
    m.table: m for m in (EcMobility, EcInstitution, EcCountryFlow)
}

__all__ = [
    "EC_MODELS",
    "EC_NULL_MARKERS",
    "LLP_LEVELS",
    "MOBILITY_TYPES",
    "PROFILES",
    "REST_OF_WORLD",
    "EcActivity",
    "EcCountry",
    "EcCountryFlow",
    "EcDate",
    "EcGender",
    "EcInstitution",
    "EcMobility",
    "EcModel",
    "EcStudyLevel",
    "FlowCountry",
    "Verbatim",
]
