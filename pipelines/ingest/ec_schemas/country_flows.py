"""The EC's Erasmus+ KA1 country-to-country flow table (open data) as a table: one row per
sending and receiving country."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pipelines.contract import column
from pipelines.contract.rules import Number
from pipelines.ingest.ec_schemas.base import EcModel
from pipelines.ingest.ec_schemas.column_rules import FlowCountry


class EcCountryFlow(EcModel):
    """One cell of the EC's country-to-country flow table (cumulative since 2014)."""

    table: ClassVar[str] = "ec_country_flows"
    label: ClassVar[str] = "EC Erasmus+ country flow table"
    grain: ClassVar[str] = "one row per sending and receiving country"
    key: ClassVar[tuple[str, ...]] = ("sending_country", "receiving_country")

    sending_country: Annotated[str, FlowCountry()] = column(
        "Sending country.", "Austria", "(from)", "from", "sending country"
    )
    receiving_country: Annotated[str, FlowCountry()] = column(
        "Receiving country.", "Belgium", "(to)", "to", "receiving country"
    )
    participants: Annotated[int, Number(maximum=1e9, integer=True)] = column(
        "Participants (all KA1 learning mobility, cumulative since 2014).",
        6825,
        "(weight)",
        "weight",
    )
