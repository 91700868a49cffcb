"""The reference calculations: every KPI of the registry computed a second way, with pandas
from the fixture's own records (tests/fixture_data.py), independently of the SQL models.
tests/pipelines/metrics/test_metrics.py compares kpi_values with them; page and report tests
take their expected numbers from here. One oracle, so a KPI's second computation exists once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from tests import fixture_data

DORMANT_YEARS = 2  # the default setting
REALISED = ("ongoing", "completed")


def academic_year(d: dt.date) -> int:
    return d.year if d.month >= 9 else d.year - 1


def label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def kind_of(row: pd.Series) -> str:
    if row["mode"] in ("virtual", "blended") or row["activity"] in ("virtual", "blended"):
        return "online"
    if row["activity"] == "dual_degree":
        return "dual_degree"
    if row["activity"] == "traineeship":
        return "internship"
    if row["person_role"] == "student":
        return "student_exchange"
    return "staff_research"


def partner_key(code: object, schac: object, name: object, country: str) -> str:
    if isinstance(code, str):
        return "erasmus:" + "".join(code.split()).upper()
    if isinstance(schac, str):
        return "schac:" + schac.lower()
    return f"name:{str(name).lower()}|{country}"


def mobilities() -> pd.DataFrame:
    m = fixture_data.frames()["mobilities"].copy()
    m["year"] = m["start_date"].map(academic_year)
    m["days"] = [(e - s).days + 1 for s, e in zip(m["start_date"], m["end_date"], strict=True)]
    m["realised"] = m["status"].isin(REALISED)
    m["kind"] = m.apply(kind_of, axis=1)
    m["physical"] = m["mode"] == "physical"
    ects = m["ects_achieved"].fillna(m["ects_planned"])
    m["credit"] = (
        (m["person_role"] == "student")
        & m["activity"].isin(["study", "traineeship", "dual_degree"])
        & m["physical"]
        & ((m["days"] >= 90) | (ects >= 15))
    )
    m["key"] = [
        partner_key(c, s, n, k)
        for c, s, n, k in zip(
            m["partner_erasmus_code"],
            m["partner_schac_code"],
            m["partner_name"],
            m["partner_country"],
            strict=True,
        )
    ]
    rank = {level: i for i, level in enumerate(fixture_data.CEFR, start=1)}
    m["before"] = m["cefr_before"].map(rank)
    m["after"] = m["cefr_after"].map(rank)
    return m


def dimension_values(m: pd.DataFrame, dimension: str) -> pd.Series:
    if dimension == "all":
        return pd.Series("all", index=m.index)
    if dimension == "faculty":
        return m["faculty"].fillna("(not set)")
    if dimension == "country":
        return m["partner_country"]
    if dimension == "level":
        return m["study_level"].map(lambda v: "(not set)" if pd.isna(v) else str(int(v)))
    if dimension == "degree_programme":
        return m["degree_programme"].fillna("(not set)")
    return m["kind"]


def headcount_sums(dimension: str) -> pd.DataFrame:
    h = fixture_data.frames()["headcounts"].copy()
    h["year"] = h["academic_year"].str[:4].astype(int)
    if dimension == "all":
        h["value"] = "all"
    elif dimension == "faculty":
        h["value"] = h["faculty"]
    elif dimension == "level":
        h = h[h["study_level"].notna()]
        h["value"] = h["study_level"].astype(int).astype(str)
    elif dimension == "degree_programme":
        h = h[h["degree_programme"].notna()]
        h["value"] = h["degree_programme"]
    else:
        return pd.DataFrame(
            columns=["year", "value", "enrolled_students", "graduates", "academic_staff"]
        )
    return (
        h.groupby(["year", "value"])[["enrolled_students", "graduates", "academic_staff"]]
        .sum(min_count=1)
        .reset_index()
    )


def pct(numerator: float, denominator: float) -> float | None:
    return 100.0 * numerator / denominator if denominator and denominator > 0 else None


def count(flag: Callable[[pd.DataFrame], pd.Series]) -> Callable[[pd.DataFrame], float]:
    return lambda g: float(flag(g).sum())


def people(flag: Callable[[pd.DataFrame], pd.Series]) -> Callable[[pd.DataFrame], float]:
    return lambda g: float(g.loc[flag(g), "person_id"].nunique())


def out(g: pd.DataFrame) -> pd.Series:
    return g["realised"] & (g["direction"] == "outbound")


def inbound(g: pd.DataFrame) -> pd.Series:
    return g["realised"] & (g["direction"] == "inbound")


def student(g: pd.DataFrame) -> pd.Series:
    return g["person_role"] == "student"


def ects_ratio(column: str) -> Callable[[pd.DataFrame], float | None]:
    def value(g: pd.DataFrame) -> float | None:
        rows = g[(g["status"] == "completed") & student(g) & (g["direction"] == "outbound")]
        rows = rows[rows["ects_planned"].notna() & rows[column].notna()]
        return pct(rows[column].sum(), rows["ects_planned"].sum())

    return value


def share(num: Callable[[pd.DataFrame], pd.Series], den: Callable[[pd.DataFrame], pd.Series]):
    return lambda g: pct(float(num(g).sum()), float(den(g).sum()))


# KPI id -> (value of a group of mobilities, headcount column or None)
MOBILITY_KPIS: dict[str, tuple[Callable, str | None]] = {
    "outbound_mobilities": (count(out), None),
    "inbound_mobilities": (count(inbound), None),
    "student_exchange_outbound": (
        count(lambda g: out(g) & (g["kind"] == "student_exchange")),
        None,
    ),
    "student_exchange_inbound": (
        count(lambda g: inbound(g) & (g["kind"] == "student_exchange")),
        None,
    ),
    "dual_degree_students": (people(lambda g: g["realised"] & (g["kind"] == "dual_degree")), None),
    "staff_mobility_outbound": (count(lambda g: out(g) & (g["kind"] == "staff_research")), None),
    "staff_mobility_inbound": (count(lambda g: inbound(g) & (g["kind"] == "staff_research")), None),
    "online_mobilities": (count(lambda g: g["realised"] & (g["kind"] == "online")), None),
    "internships_outbound": (count(lambda g: out(g) & (g["kind"] == "internship")), None),
    "outbound_mobility_ratio": (
        people(lambda g: out(g) & student(g) & g["physical"]),
        "enrolled_students",
    ),
    "inbound_mobility_rate": (
        people(lambda g: inbound(g) & student(g) & g["physical"]),
        "enrolled_students",
    ),
    "net_flow": (
        lambda g: (
            people(lambda x: inbound(x) & student(x) & x["physical"])(g)
            - people(lambda x: out(x) & student(x) & x["physical"])(g)
        ),
        None,
    ),
    "credit_mobility_outbound": (count(lambda g: out(g) & g["credit"]), None),
    "graduates_mobility_share": (people(lambda g: out(g) & g["credit"]), "graduates"),
    "fewer_opportunities_share": (
        share(
            lambda g: out(g) & student(g) & (g["fewer_opportunities"] == True),  # noqa: E712
            lambda g: out(g) & student(g),
        ),
        None,
    ),
    "recognition_rate": (ects_ratio("ects_recognised"), None),
    "credit_success_rate": (ects_ratio("ects_achieved"), None),
    "language_improvement_share": (
        share(
            lambda g: g["realised"] & (g["after"] >= g["before"] + 1),
            lambda g: g["realised"] & g["before"].notna() & g["after"].notna(),
        ),
        None,
    ),
    "online_share": (
        share(lambda g: g["realised"] & (g["kind"] == "online"), lambda g: g["realised"]),
        None,
    ),
    "staff_mobility_rate": (
        people(lambda g: out(g) & g["person_role"].isin(["staff", "researcher"]) & g["physical"]),
        "academic_staff",
    ),
    "female_share": (
        share(
            lambda g: g["realised"] & (g["gender"] == "female"),
            lambda g: g["realised"] & g["gender"].notna(),
        ),
        None,
    ),
    "average_duration_days": (
        lambda g: (lambda d: float(d.mean()) if len(d) else None)(
            g.loc[out(g) & student(g) & g["physical"], "days"]
        ),
        None,
    ),
    "cancellation_rate": (
        share(lambda g: g["status"] == "cancelled", lambda g: g["status"].notna()),
        None,
    ),
}


def expected_mobility_kpi(kpi_id: str, dimension: str) -> dict[tuple[str, str], float]:
    value_of, headcount = MOBILITY_KPIS[kpi_id]
    m = mobilities()
    m["value"] = dimension_values(m, dimension)
    result: dict[tuple[str, str], float] = {}
    groups = {key: g for key, g in m.groupby(["year", "value"])}
    if headcount is None:
        for (year, value), g in groups.items():
            v = value_of(g)
            if v is not None:
                result[(label(year), value)] = v
        return result
    sums = headcount_sums(dimension)
    keys = set(groups) | {(y, v) for y, v in zip(sums["year"], sums["value"], strict=True)}
    for year, value in keys:
        g = groups.get((year, value), m.iloc[0:0])
        den = sums.loc[(sums["year"] == year) & (sums["value"] == value), headcount]
        denominator = float(den.iloc[0]) if len(den) and pd.notna(den.iloc[0]) else None
        v = pct(value_of(g), denominator) if denominator is not None else None
        if v is not None:
            result[(label(year), value)] = v
    return result


def spine() -> list[int]:
    m = mobilities()
    h = fixture_data.frames()["headcounts"]
    years = set(m["year"]) | set(h["academic_year"].str[:4].astype(int))
    return list(range(min(years), max(years) + 1))


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 9, 1), dt.date(year + 1, 8, 31)


def agreement_links() -> dict[str, str]:
    """mobility_id -> agreement_id: given if it exists, else the single matching agreement."""
    m = mobilities()
    a = fixture_data.frames()["agreements"].copy()
    a["key"] = [
        partner_key(c, s, n, k)
        for c, s, n, k in zip(
            a["partner_erasmus_code"],
            a["partner_schac_code"],
            a["partner_name"],
            a["partner_country"],
            strict=True,
        )
    ]
    links = {}
    for row in m.itertuples():
        if isinstance(row.agreement_id, str):
            if row.agreement_id in set(a["agreement_id"]):
                links[row.mobility_id] = row.agreement_id
            continue
        activity = "study" if row.activity == "dual_degree" else row.activity
        match = a[
            (a["key"] == row.key)
            & (a["valid_from"] <= row.start_date)
            & (a["valid_to"] >= row.start_date)
            & a["activity"].isin(["any", activity])
        ]
        if len(match) == 1:
            links[row.mobility_id] = match["agreement_id"].iloc[0]
    return links


def expected_agreement_kpi(kpi_id: str, dimension: str) -> dict[tuple[str, str], float]:
    m = mobilities()
    a = fixture_data.frames()["agreements"]
    links = agreement_links()
    realised = m[m["realised"] & m["mobility_id"].isin(links)]
    used = pd.DataFrame(
        {"agreement_id": realised["mobility_id"].map(links), "year": realised["year"]}
    )
    rows = []
    for agreement in a.itertuples():
        for year in spine():
            first, last = year_bounds(year)
            if agreement.valid_from > last or agreement.valid_to < first:
                continue
            mine = used[used["agreement_id"] == agreement.agreement_id]
            window = mine[(mine["year"] > year - DORMANT_YEARS) & (mine["year"] <= year)]
            whole_window = agreement.valid_from <= dt.date(year - DORMANT_YEARS + 1, 9, 1)
            rows.append(
                {
                    "year": year,
                    "value": {
                        "all": "all",
                        "faculty": "(university-wide)"
                        if pd.isna(agreement.faculty)
                        else agreement.faculty,
                        "country": agreement.partner_country,
                    }[dimension],
                    "realised": int((mine["year"] == year).sum()),
                    "places": agreement.places_outbound + agreement.places_inbound,
                    "dormant": whole_window and window.empty,
                }
            )
    frame = pd.DataFrame(rows)
    result = {}
    for (year, value), g in frame.groupby(["year", "value"]):
        if kpi_id == "agreement_utilisation":
            v = pct(g["realised"].sum(), g["places"].sum())
        else:
            v = float(g["dormant"].sum())
        if v is not None:
            result[(label(year), value)] = v
    return result


def expected_project_kpi(kpi_id: str, dimension: str) -> dict[tuple[str, str], float]:
    p = fixture_data.frames()["projects"]
    result: dict[tuple[str, str], float] = {}
    for year in spine():
        first, last = year_bounds(year)
        active = p[(p["start_date"] <= last) & (p["end_date"] >= first)]
        if dimension == "all":
            groups = {"all": active}
        elif dimension == "faculty":
            groups = {
                v: g for v, g in active.assign(f=active["faculty"].fillna("(not set)")).groupby("f")
            }
        else:
            exploded = active.assign(c=active["partner_countries"].str.split(";")).explode("c")
            groups = {v: g for v, g in exploded.groupby("c")}
        for value, g in groups.items():
            if g.empty:
                continue
            if kpi_id == "projects_active":
                v = float(g["project_id"].nunique())
            else:
                starts = g[g["start_date"].map(academic_year) == year]
                v = float(starts["budget_own_share"].sum())
            result[(label(year), value)] = v
    return result


def expected(kpi_id: str, dimension: str) -> dict[tuple[str, str], float]:
    if kpi_id in MOBILITY_KPIS:
        return expected_mobility_kpi(kpi_id, dimension)
    if kpi_id in ("agreement_utilisation", "dormant_agreements"):
        return expected_agreement_kpi(kpi_id, dimension)
    return expected_project_kpi(kpi_id, dimension)
