"""The sidebar filters shared by every page, kept in the URL so a shared link shows the same view.

The widgets are drawn by ``app.py`` (the entry point) on every run, whatever the page: widgets
of the entry point keep their state when the user switches pages, and the values are written
to ``st.query_params`` on every run, so the address bar always reproduces the view. On the
first run of a session the values are read back from the URL (a shared link).

Pages never read widgets themselves: they call :func:`current` and pass the returned
:class:`Filters` to the query functions, which bind its values as parameters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import streamlit as st

from dashboard import auth, formatting, queries
from dashboard.data.shared import FilterOptions
from pipelines.contract.reference import NOT_SET
from pipelines.roles import Role

DIRECTION_CHOICES = ("both", "outbound", "inbound")
_STATE = "filters"
_LOADED = "filters_loaded_from_url"


@dataclass(frozen=True)
class ListFilter:
    """One multi-choice filter, declared once: its URL parameter, ``Filters`` field, SQL
    parameter (dashboard/sql/shared/filtered.sql), widget and how its values read."""

    url: str  # URL parameter (repeated for several values)
    field: str  # attribute of Filters and of FilterOptions; also the SQL parameter
    label: str
    placeholder: str
    help: str | None = None
    cast: Callable[[str], object] = str  # URL text -> value
    shown: Callable[[object], str] | None = None  # value -> words (widget, caption)

    @property
    def key(self) -> str:
        """The widget's session-state key."""
        return f"filter_{self.url}"

    def words(self, value: object) -> str:
        return self.shown(value) if self.shown else str(value)


LIST_FILTERS = (
    ListFilter(
        "faculty",
        "faculties",
        "Faculty",
        "All faculties",
        "Own faculty: the home faculty of outgoing people, the host faculty of incoming ones.",
    ),
    ListFilter(
        "level",
        "levels",
        "Study level",
        "All levels (and staff)",
        "EQF level of the student's programme; staff have none, so choosing a level leaves "
        "staff out.",
        cast=int,
        shown=formatting.level_label,
    ),
    ListFilter(
        "programme",
        "programmes",
        "Funding programme",
        "All funding programmes",
        "Funding or exchange programme of the mobility (Erasmus+, a bilateral exchange ...).",
    ),
    ListFilter(
        "degree",
        "degree_programmes",
        "Degree programme",
        "All degree programmes",
        "The student's degree programme: at home for outgoing students, the host programme "
        "for incoming ones. Staff have none, so choosing a programme leaves staff out; rates "
        "divide by the programme's own headcounts where the headcounts give them.",
    ),
    ListFilter(
        "kind",
        "kinds",
        "Kind of mobility",
        "All kinds",
        "Projects and grants are not mobilities: their figures follow the years and faculty only.",
        shown=formatting.kind_label,
    ),
)
PRINT_VIEW = "print_view"
# URL parameter -> session-state key of the widget, in the order the address bar shows them
URL_KEYS = {
    "from": "filter_year_from",
    "to": "filter_year_to",
    **{spec.url: spec.key for spec in LIST_FILTERS},
    "direction": "filter_direction",
}


@dataclass(frozen=True)
class Filters:
    """What the user chose; hashable so it can be part of a cache key."""

    year_from: int
    year_to: int
    faculties: tuple[str, ...] = ()
    levels: tuple[int, ...] = ()
    programmes: tuple[str, ...] = ()
    degree_programmes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    direction: str = "both"

    def params(self) -> dict[str, object]:
        """Named SQL parameters for ``dashboard/sql/shared/filtered.sql`` (None: no filter)."""
        return {
            "year_from": self.year_from,
            "year_to": self.year_to,
            **{f.field: list(getattr(self, f.field)) or None for f in LIST_FILTERS},
            "directions": None if self.direction == "both" else [self.direction],
        }

    def with_years(self, year_from: int, year_to: int) -> Filters:
        return replace(self, year_from=year_from, year_to=year_to)

    @property
    def single_faculty(self) -> str:
        """The one selected faculty, or 'all' (the key of university-wide KPI rows)."""
        return self.faculties[0] if len(self.faculties) == 1 else "all"

    @property
    def beyond_faculty(self) -> bool:
        """True when a filter other than years and one faculty is active."""
        return bool(
            self.levels
            or self.programmes
            or self.degree_programmes
            or self.kinds
            or self.direction != "both"
            or len(self.faculties) > 1
        )

    def describe(self) -> str:
        """The filters in words, for captions: what a number on the page counts."""
        years = formatting.year_range(self.year_from, self.year_to)
        parts = [years]
        for spec in LIST_FILTERS:
            if chosen := getattr(self, spec.field):
                parts.append(", ".join(spec.words(v) for v in chosen))
        if self.direction != "both":
            parts.append(self.direction)
        return " · ".join(parts)


def _load_from_url(options: FilterOptions) -> list[str]:
    """Copy a shared link's parameters into the widgets' state; returns what was ignored."""
    ignored = []
    params = st.query_params
    labels = options.year_labels

    def one(name: str, allowed: list[str]) -> None:
        value = params.get(name)
        if value is None:
            return
        if value in allowed:
            st.session_state[URL_KEYS[name]] = value
        else:
            ignored.append(f"{name}={value}")

    def many(name: str, allowed: list, cast=str) -> None:
        chosen = []
        for raw in params.get_all(name):
            try:
                value = cast(raw)
            except ValueError:
                value = None
            if value in allowed:
                chosen.append(value)
            else:
                ignored.append(f"{name}={raw}")
        if chosen:
            st.session_state[URL_KEYS[name]] = chosen

    one("from", labels)
    one("to", labels)
    for spec in LIST_FILTERS:
        many(spec.url, getattr(options, spec.field), spec.cast)
    one("direction", list(DIRECTION_CHOICES))
    return ignored


def _write_to_url(flt: Filters, options: FilterOptions) -> None:
    """Mirror the filters in the address bar; parameters at their default are left out."""
    labels = dict(zip(options.year_starts, options.year_labels, strict=True))
    wanted: dict[str, str | list[str]] = {}
    if flt.year_from != options.year_starts[0]:
        wanted["from"] = labels[flt.year_from]
    if flt.year_to != options.year_starts[-1]:
        wanted["to"] = labels[flt.year_to]
    for spec in LIST_FILTERS:
        if chosen := getattr(flt, spec.field):
            wanted[spec.url] = [str(v) for v in chosen]
    if flt.direction != "both":
        wanted["direction"] = flt.direction
    for name in URL_KEYS:
        current = st.query_params.get_all(name)
        value = wanted.get(name)
        target = [] if value is None else ([value] if isinstance(value, str) else value)
        if current == target:
            continue
        if target:
            st.query_params[name] = value
        else:
            del st.query_params[name]


def _keep_valid(key: str, allowed: list) -> None:
    """Drop remembered choices that no longer exist (the warehouse was rebuilt meanwhile)."""
    value = st.session_state.get(key)
    if isinstance(value, list):
        st.session_state[key] = [v for v in value if v in allowed]
    elif value is not None and value not in allowed:
        del st.session_state[key]


def sidebar() -> Filters | None:
    """Draw the filters in the sidebar (called by app.py on every run); None when no data."""
    if not queries.has_data():
        st.session_state.pop(_STATE, None)
        return None
    options = queries.filter_options()
    if not options.year_starts:
        return None
    labels = options.year_labels
    ignored: list[str] = []
    if not st.session_state.get(_LOADED):
        ignored = _load_from_url(options)
        st.session_state[_LOADED] = True
    for key, allowed in (
        (URL_KEYS["from"], labels),
        (URL_KEYS["to"], labels),
        *((spec.key, getattr(options, spec.field)) for spec in LIST_FILTERS),
        (URL_KEYS["direction"], list(DIRECTION_CHOICES)),
    ):
        _keep_valid(key, allowed)
    st.session_state.setdefault(URL_KEYS["from"], labels[0])
    st.session_state.setdefault(URL_KEYS["to"], labels[-1])

    with st.sidebar:
        st.header("Filters")
        if ignored:
            st.warning(f"Ignored in the link (no such value): {', '.join(ignored)}")
        left, right = st.columns(2)
        first = left.selectbox("From academic year", labels, key=URL_KEYS["from"])
        last = right.selectbox("To academic year", labels, key=URL_KEYS["to"])
        if labels.index(first) > labels.index(last):
            first, last = last, first
            st.caption("The years were swapped: 'from' was after 'to'.")
        chosen = {
            spec.field: tuple(
                st.multiselect(
                    spec.label,
                    getattr(options, spec.field),
                    format_func=spec.words,
                    key=spec.key,
                    placeholder=spec.placeholder,
                    help=spec.help,
                )
            )
            for spec in LIST_FILTERS
            if offers_a_choice(getattr(options, spec.field))
        }
        direction = st.radio(
            "Direction",
            DIRECTION_CHOICES,
            format_func=formatting.direction_label,
            key=URL_KEYS["direction"],
            horizontal=True,
        )
        st.caption("The address bar keeps these filters: copy it to share this view.")
        st.toggle(
            "Print view",
            key=PRINT_VIEW,
            help="Every table whole and charts sized for A4 landscape; then print with the "
            "browser (Ctrl+P or ⌘P, landscape). The sidebar is left out of the print.",
        )

    starts = dict(zip(labels, options.year_starts, strict=True))
    flt = Filters(year_from=starts[first], year_to=starts[last], direction=direction, **chosen)
    _write_to_url(flt, options)
    st.session_state[_STATE] = flt
    return flt


def offers_a_choice(values: list) -> bool:
    """A filter is drawn only when it has a value to choose other than "(not set)": a
    university whose files give no degree programme sees no empty programme filter."""
    return any(value != NOT_SET for value in values)


def print_view() -> bool:
    """True when the reader asked for the print view (sidebar switch)."""
    return bool(st.session_state.get(PRINT_VIEW))


def keep() -> None:
    """Keep the filters' values through a run that does not draw them.

    Streamlit forgets a widget's value after a run that did not draw it; assigning the value
    back to its key keeps it, so the filters come back unchanged on the next mobility page.
    """
    for key in [*URL_KEYS.values(), PRINT_VIEW]:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def current() -> Filters:
    """The filters of this run; with no data, shows the empty state and stops the page."""
    flt = st.session_state.get(_STATE)
    if flt is None:
        empty_warehouse()
        st.stop()
    return flt


def empty_warehouse() -> None:
    """Nothing to show: say which files to import and link to where they are described (the
    Import page only for those who may import: for anyone else it is not a page at all)."""
    actor = auth.session_actor()
    if actor is None or actor.role < Role.DATA_MANAGER:
        st.info(
            "**No data yet.** The figures appear once the university's mobility data has been "
            f"imported; ask {auth.access_rules().contact} to import it.",
            icon=":material/upload_file:",
        )
        st.page_link(
            "views/data_contract.py",
            label="What the data contains: the data contract",
            icon=":material/description:",
        )
        return
    st.info(
        "**The warehouse is empty.** Import your data first: at least a `mobilities` file "
        "(one row per person per mobility), ideally also `headcounts` (students, graduates "
        "and staff per year and faculty, the denominators of every rate), `agreements`, "
        "`projects` and `targets`.\n\n"
        "Import with `mobility ingest FILE...` (or try `mobility demo` for a demo university). "
        "Templates are in `data/templates/`.",
        icon=":material/upload_file:",
    )
    st.page_link(
        "views/import_data.py",
        label="Import files in the browser",
        icon=":material/upload_file:",
    )
    st.page_link(
        "views/data_contract.py",
        label="What each file must contain: the data contract",
        icon=":material/description:",
    )


def url_choice(label: str, options: list, key: str, **kwargs) -> object:
    """A selectbox on one page whose value is also kept in the URL under ``key``. A link
    asking for a value that is not among ``options`` is said to be ignored, as the sidebar
    does, rather than silently showing the first option."""
    state_key = f"page_{key}"
    asked = st.query_params.get(key)
    ignored = None
    if state_key not in st.session_state and asked is not None:
        if asked in options:
            st.session_state[state_key] = asked
        else:
            ignored = asked
    if st.session_state.get(state_key) not in options:
        st.session_state.pop(state_key, None)
    value = st.selectbox(label, options, key=state_key, **kwargs)
    if ignored is not None:
        shown = kwargs["format_func"](value) if "format_func" in kwargs else value
        st.warning(
            f"Ignored in the link (no such value): {key}={ignored}. {label}: showing {shown}."
        )
    if st.query_params.get(key) != value:
        st.query_params[key] = value
    return value


def url_choices(label: str, options: list, key: str, default: list, **kwargs) -> list:
    """A multiselect on one page whose choice is also kept in the URL under ``key``, one
    parameter per value (``?countries=ES&countries=DE``), so that a shared link shows the same
    choice. Values of a link that are not among ``options`` are said to be ignored."""
    state_key = f"page_{key}"
    ignored: list[str] = []
    if state_key not in st.session_state and key in st.query_params:
        asked = st.query_params.get_all(key)
        ignored = [v for v in asked if v not in options]
        if chosen := [v for v in asked if v in options]:
            st.session_state[state_key] = chosen
    if state_key in st.session_state:
        # choices that no longer exist (other filters, a rebuilt warehouse) are dropped
        st.session_state[state_key] = [v for v in st.session_state[state_key] if v in options]
    else:
        st.session_state[state_key] = [v for v in default if v in options]
    value = st.multiselect(label, options, key=state_key, **kwargs)
    if ignored:
        listed = ", ".join(f"{key}={v}" for v in ignored)
        st.warning(f"Ignored in the link (no such value): {listed}.")
    if st.query_params.get_all(key) != value:
        if value:
            st.query_params[key] = value
        else:
            del st.query_params[key]
    return value
