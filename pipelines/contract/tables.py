"""The contract's tables by name, and the personal columns no table stores."""

from __future__ import annotations

from pipelines.contract.agreement import Agreement
from pipelines.contract.base import ContractModel
from pipelines.contract.headcount import Headcount
from pipelines.contract.mobility import Mobility
from pipelines.contract.project import Project
from pipelines.contract.target import Target

MODELS: dict[str, type[ContractModel]] = {
    m.table: m for m in (Mobility, Agreement, Project, Headcount, Target)
}

# Columns holding personal data that the contract never stores: dropped at import, and the
# import summary says which were dropped.
PERSONAL_COLUMNS = frozenset(
    {
        "name",
        "full name",
        "first name",
        "firstname",
        "given name",
        "given names",
        "last name",
        "lastname",
        "surname",
        "family name",
        "student name",
        "participant name",
        "person name",
        "staff name",
        "e-mail",
        "email",
        "e mail",
        "mail",
        "email address",
        "e-mail address",
        "private email",
        "birth date",
        "date of birth",
        "birthdate",
        "dob",
        "birthday",
        "phone",
        "telephone",
        "mobile",
        "phone number",
        "address",
        "home address",
        "street",
        "passport",
        "passport number",
        "id card",
        "iban",
    }
)


def model_for(table: str) -> type[ContractModel]:
    """The contract model of a table; KeyError lists the known tables."""
    try:
        return MODELS[table]
    except KeyError:
        raise KeyError(f"unknown table {table!r}; known: {', '.join(MODELS)}") from None
