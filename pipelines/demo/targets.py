"""The targets file: about a dozen leadership targets for KPIs of ``pipelines.metrics``."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.demo.university import ECO, ENG, FACULTIES, MED, YEARS


def target_frame(realised_outbound: np.ndarray) -> pd.DataFrame:
    """Targets; the outbound mobility target is 30% above the realised flow of 2024/25."""
    base = realised_outbound[list(YEARS).index(2024)]
    outbound_target = max(10, int(round(base * 1.3, -1)))
    strategy = "Internationalisation strategy 2028"
    rows = [
        ("graduates_mobility_share", "2029/30", "23", "",
         "EU 2030 target (Council Recommendation of 13 May 2024)"),
        ("graduates_mobility_share", "2027/28", "17", "", f"{strategy}: step to the EU target"),
        ("fewer_opportunities_share", "2027/28", "20", "",
         "Own target following the 20 % proposed by the Commission (COM(2023) 719)"),
        ("outbound_mobility_ratio", "2027/28", "5", "", strategy),
        ("outbound_mobility_ratio", "2027/28", "6", FACULTIES[ECO], "Faculty development plan"),
        ("outbound_mobility_ratio", "2027/28", "3.5", FACULTIES[MED], "Faculty development plan"),
        ("outbound_mobilities", "2027/28", str(outbound_target), "", f"{strategy}: +30%"),
        ("inbound_mobility_rate", "2027/28", "3", "", strategy),
        ("agreement_utilisation", "2026/27", "95", "", "Partnership review: use agreed places"),
        ("dormant_agreements", "2026/27", "0", "", "Partnership review: renew or close"),
        ("recognition_rate", "2026/27", "98", "", "Erasmus Charter: full automatic recognition"),
        ("staff_mobility_rate", "2027/28", "30", FACULTIES[ENG], "Faculty development plan"),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["kpi_id", "academic_year", "value", "faculty", "note"])
