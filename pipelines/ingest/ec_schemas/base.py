"""The base of the benchmark tables: the EC's files describe the whole programme, not the
university, so they are stored under their own ``ec_*`` names, never as ``raw_*`` imports."""

from __future__ import annotations

from pipelines.contract import ContractModel


class EcModel(ContractModel):
    """Base of the benchmark tables: stored as ``ec_<name>``, apart from ``raw_*``."""

    @classmethod
    def source_table(cls) -> str:
        return cls.table
