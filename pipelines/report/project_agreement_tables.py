"""Tables of the university's international projects and grants and of its partner
agreements with their utilisation."""

from __future__ import annotations

import pandas as pd

from pipelines import metrics
from pipelines.report.inputs import Inputs
from pipelines.report.model import Table, finish_table, with_total_row


def projects(inputs: Inputs) -> Table:
    p = inputs.projects.sort_values(["programme", "role"])
    frame = pd.DataFrame(
        {
            "Programme": p["programme"].to_numpy(),
            "Our role": p["role"].str.capitalize().to_numpy(),
            "Projects running": p["projects"].astype("int64").to_numpy(),
            "Starting this year": p["starting"].astype("int64").to_numpy(),
            "Budget total (EUR)": p["budget_total"].astype(float).to_numpy(),
            "Own share (EUR)": p["budget_own_share"].astype(float).to_numpy(),
        }
    )
    frame = with_total_row(
        frame,
        ["Projects running", "Starting this year", "Budget total (EUR)", "Own share (EUR)"],
    )
    return finish_table(
        key="projects",
        title="International projects and grants",
        note=f"{metrics.get('projects_active').definition} Budgets are whole-project budgets "
        "and the university's own share, in EUR. Projects are not people: no suppression."
        + inputs.per_faculty_note("projects"),
        frame=frame,
        units={
            "Projects running": "projects",
            "Starting this year": "projects",
            "Budget total (EUR)": "EUR",
            "Own share (EUR)": "EUR",
        },
        suppression=inputs.suppression,
    )


def agreements(inputs: Inputs) -> Table:
    a = inputs.agreements.sort_values(["agreements", "partner_country"], ascending=[False, True])
    frame = pd.DataFrame(
        {
            "Partner country": [
                f"{n} ({c})"
                for n, c in zip(a["partner_country_name"], a["partner_country"], strict=True)
            ],
            "Agreements": a["agreements"].astype("int64").to_numpy(),
            "Places out": a["places_outbound"].astype("int64").to_numpy(),
            "Places in": a["places_inbound"].astype("int64").to_numpy(),
            "Realised out": a["realised_outbound"].astype("int64").to_numpy(),
            "Realised in": a["realised_inbound"].astype("int64").to_numpy(),
            "Dormant": a["dormant"].astype("int64").to_numpy(),
        }
    )
    frame = with_total_row(frame, list(frame.columns[1:]))
    places = frame["Places out"] + frame["Places in"]
    realised = frame["Realised out"] + frame["Realised in"]
    frame.insert(6, "Utilisation (%)", [_pct(r, p) for r, p in zip(realised, places, strict=True)])
    return finish_table(
        key="agreements",
        title="Partner agreements and their utilisation",
        note=f"Agreements valid in the academic year, by partner country. "
        f"{metrics.get('agreement_utilisation').definition} "
        f"{metrics.get('dormant_agreements').definition}" + inputs.per_faculty_note("agreements"),
        frame=frame,
        units={
            "Agreements": "agreements",
            "Places out": "places",
            "Places in": "places",
            "Realised out": "mobilities",
            "Realised in": "mobilities",
            "Utilisation (%)": "%",
            "Dormant": "agreements",
        },
        suppression=inputs.suppression,
        counts=("Realised out", "Realised in"),
        total_row=True,
        derived={"Utilisation (%)": ("Realised out", "Realised in")},
    )


def _pct(numerator: float, denominator: float) -> float | None:
    return 100.0 * numerator / denominator if denominator and denominator > 0 else None
