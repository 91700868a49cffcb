"""The EC's list of Erasmus charter holders (EUC.json) as a table: one row per institution code."""

from __future__ import annotations

from typing import Annotated, ClassVar

import pandas as pd

from pipelines.contract import column
from pipelines.contract.rules import Code, Text
from pipelines.ingest.ec_schemas.base import EcModel
from pipelines.ingest.ec_schemas.column_rules import EcCountry
from pipelines.ingest.institutions import InstitutionCode, code_country


class EcInstitution(EcModel):
    """An institution of the EC's Erasmus charter list (EUC.json)."""

    table: ClassVar[str] = "ec_institutions"
    label: ClassVar[str] = "EC Erasmus institution list"
    grain: ClassVar[str] = "one row per Erasmus institution code"
    key: ClassVar[tuple[str, ...]] = ("erasmus_code",)

    @classmethod
    def derive(cls, frame: pd.DataFrame) -> pd.DataFrame:
        """Country from the code when missing; upper-case city names in title case."""
        frame["country"] = frame["country"].fillna(code_country(frame["erasmus_code"]))
        city = frame["city"].astype("string")
        upper = city.str.isupper().fillna(False).astype(bool)
        frame["city"] = city.where(~upper, city.str.title()).astype("object")
        return frame

    erasmus_code: Annotated[str, InstitutionCode()] = column(
        "Erasmus institution code.", "D  KONSTAN01", "institutional_code", "erasmus code"
    )
    name: Annotated[str, Text(max_length=300)] = column(
        "Name of the institution.",
        "UNIVERSITAET KONSTANZ",
        "organisation_name",
        "organization_name",
        "institution name",
    )
    country: Annotated[str | None, EcCountry()] = column(
        "Country (ISO alpha-2; UK and EL accepted).", "DE", default=None
    )
    city: Annotated[str | None, Text(max_length=100)] = column(
        "City (all-capital names are written in title case).", "Konstanz", default=None
    )
    charter: Annotated[str | None, Code(max_length=20, upper=True)] = column(
        "Charter type: EUC, EUCX (extended, incl. placements), EUCP.", "EUCX", "code", default=None
    )
    application_reference: Annotated[str | None, Code(max_length=100)] = column(
        "Charter application reference.",
        "28505-IC-1-2007-1-AT-ERASMUS-EUC-1",
        "application_reference_number",
        default=None,
    )
