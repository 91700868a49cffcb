"""The organisations mobilities go to or come from: the partner universities of
``seed/partner_universities.csv``, then the other hosts (companies, research institutes, NGOs,
public bodies) of ``seed/other_hosts.csv``."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipelines.demo.university import FACULTY_KEYS, FIRST_START_YEAR, read_seed


@dataclass
class Orgs:
    """Partner universities first, then other hosts; one array entry per organisation."""

    name: np.ndarray
    country: np.ndarray
    city: np.ndarray
    erasmus: np.ndarray
    schac: np.ndarray  # as written (empty for partners not (yet) in the EWP network)
    key: np.ndarray  # SCHAC code or name: how the seed files refer to an organisation
    kind: np.ndarray  # host type
    faculty: np.ndarray
    scope: np.ndarray  # F: faculty agreements; U: university-wide
    out: np.ndarray
    inbound: np.ndarray
    since: np.ndarray
    language: np.ndarray
    hei: np.ndarray  # bool
    europe: np.ndarray  # bool: has an Erasmus code

    def __len__(self) -> int:
        return len(self.name)


def organisations() -> Orgs:
    """Every organisation, with the popularity that weights how often it is chosen."""
    rows = []
    for hei in read_seed("partner_universities"):
        schac = hei["schac_code"]
        rows.append(
            (hei["name"], hei["country"], hei["city"], hei["erasmus_code"],
             schac if hei["in_ewp"] == "yes" else "", schac, "higher_education",
             FACULTY_KEYS[hei["faculty"]], hei["agreement_scope"],
             float(hei["outbound_popularity"]), float(hei["inbound_popularity"]),
             int(hei["cooperation_since"]), hei["language"], True, bool(hei["erasmus_code"]))
        )  # fmt: skip
    for host in read_seed("other_hosts"):
        rows.append(
            (host["name"], host["country"], host["city"], "", "", host["name"],
             host["host_type"], FACULTY_KEYS[host["faculty"]], "U", float(host["weight"]), 0.0,
             FIRST_START_YEAR, "", False, False)
        )  # fmt: skip
    cols = list(zip(*rows, strict=True))

    def obj(i: int) -> np.ndarray:
        return np.array(cols[i], dtype=object)

    return Orgs(
        name=obj(0),
        country=obj(1),
        city=obj(2),
        erasmus=obj(3),
        schac=obj(4),
        key=obj(5),
        kind=obj(6),
        faculty=np.array(cols[7], dtype=np.int64),
        scope=obj(8),
        out=np.array(cols[9]),
        inbound=np.array(cols[10]),
        since=np.array(cols[11], dtype=np.int64),
        language=obj(12),
        hei=np.array(cols[13], dtype=bool),
        europe=np.array(cols[14], dtype=bool),
    )
