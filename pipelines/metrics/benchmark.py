"""Benchmark indicators over the European Commission's Erasmus files (the Benchmark page)."""

from __future__ import annotations

from pipelines.metrics.kpi import (
    Kpi,
)

# --- Benchmark indicators (EC Erasmus files; Benchmark page) ---
# Computed over the European Commission's record-level files (marts benchmark_*), not over
# the university's own records, so they are not part of KPIS (kpi_values.sql): one definition
# each, shown as help on the Benchmark page. Every record counts its `participants` weight.

SOURCE_EC_ERASMUS = (
    "European Commission, DG EAC: Erasmus student mobility record-level files 2008-09 to "
    "2012-13 and Erasmus+ KA1 mobility open data (aggregated rows with a Participants count)."
)

BENCHMARK_INDICATORS: tuple[Kpi, ...] = (
    Kpi(
        "benchmark_participants",
        "Outbound mobilities",
        "Participants in the EC records sent by the institution, country or whole programme "
        "in the academic year (an aggregated Erasmus+ row counts its Participants).",
        "mobilities",
        "up",
        SOURCE_EC_ERASMUS,
        dimensions=("all",),
    ),
    Kpi(
        "benchmark_average_duration_months",
        "Average stay abroad",
        "Participant-weighted mean length in months, over records with a known length: LLP "
        "study plus placement months; Erasmus+ calendar days / 30.44.",
        "months",
        "neutral",
        SOURCE_EC_ERASMUS,
        dimensions=("all",),
    ),
    Kpi(
        "benchmark_placement_share",
        "Share with a work placement",
        "Participants whose mobility is a work placement (LLP P, Erasmus+ traineeship) or "
        "combines study and placement (LLP C), as a percentage of all participants.",
        "%",
        "neutral",
        SOURCE_EC_ERASMUS,
        dimensions=("all",),
    ),
    Kpi(
        "benchmark_female_share",
        "Women",
        "Women as a percentage of participants whose gender is recorded.",
        "%",
        "neutral",
        SOURCE_EC_ERASMUS,
        dimensions=("all",),
    ),
    Kpi(
        "benchmark_destination_share",
        "Destination-country share",
        "Participants going to a country as a percentage of all participants of the "
        "institution, country or programme (destination: the host institution's country, "
        "else the placement's country).",
        "%",
        "neutral",
        SOURCE_EC_ERASMUS,
        dimensions=("all",),
    ),
    Kpi(
        "benchmark_level_share",
        "Study-level mix",
        "Participants at a study level (EQF 5 short cycle, 6 first cycle, 7 second cycle, "
        "8 doctorate) as a percentage of participants whose level is recorded.",
        "%",
        "neutral",
        SOURCE_EC_ERASMUS,
        dimensions=("all",),
    ),
)
BENCHMARK_BY_ID: dict[str, Kpi] = {kpi.id: kpi for kpi in BENCHMARK_INDICATORS}
