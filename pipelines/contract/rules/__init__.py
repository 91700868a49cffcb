"""Column rules of the import contract: raw text in, clean value or a reason out.

Each rule is written once, vectorised over a pandas Series, so the bulk path (whole files,
millions of rows) and the single-record path (pydantic models, e.g. a form in the app) share
it: a rule placed in a field's ``Annotated[...]`` metadata is both read by
:func:`pipelines.ingest.validate.validate_frame` and turned into a pydantic before-validator.

A rule returns the cleaned Series; entries that were not empty on input but are missing on
output are invalid, and the rule's ``reason`` says why.

Split by kind of rule: ``base`` (the reading context, blank values, the ``Rule`` base),
``text`` (free text, identifiers, Erasmus codes, choices), ``reference_codes`` (countries,
languages, CEFR, EQF, ISCED-F), ``dates`` (dates, academic years) and ``numeric`` (numbers,
yes/no flags); every name is importable from ``pipelines.contract.rules`` itself.
"""

from pipelines.contract.rules.base import (
    DATE_WINDOW_SETTINGS,
    DEFAULT_CONTEXT,
    EARLIEST_DATE_YEAR,
    LATEST_DATE_YEARS_AHEAD,
    NULL_MARKERS,
    TEXT,
    UNBOUNDED_CONTEXT,
    ParseContext,
    Rule,
    blank,
    field_rule,
)
from pipelines.contract.rules.base import (
    _map_unique as _map_unique,  # the EC's own rules (pipelines.ingest.ec_schemas) reuse it
)
from pipelines.contract.rules.dates import AcademicYear, Date, academic_year_label
from pipelines.contract.rules.numeric import Flag, Number, parse_number, parse_numbers
from pipelines.contract.rules.reference_codes import (
    EQF_ALIASES,
    Cefr,
    Country,
    CountryList,
    Eqf,
    Isced,
    Language,
)
from pipelines.contract.rules.text import Choice, Code, ErasmusCode, Text

__all__ = [
    "DATE_WINDOW_SETTINGS",
    "DEFAULT_CONTEXT",
    "EARLIEST_DATE_YEAR",
    "EQF_ALIASES",
    "LATEST_DATE_YEARS_AHEAD",
    "NULL_MARKERS",
    "TEXT",
    "UNBOUNDED_CONTEXT",
    "AcademicYear",
    "Cefr",
    "Choice",
    "Code",
    "Country",
    "CountryList",
    "Date",
    "Eqf",
    "ErasmusCode",
    "Flag",
    "Isced",
    "Language",
    "Number",
    "ParseContext",
    "Rule",
    "Text",
    "academic_year_label",
    "blank",
    "field_rule",
    "parse_number",
    "parse_numbers",
]
