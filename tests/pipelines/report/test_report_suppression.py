"""Small-cell suppression, proved on random tables with hypothesis.

Recoverability is checked a second way (tests/recoverability.py): a hidden cell can be worked
out from the published totals exactly when its unit vector lies in the row space of the total
equations restricted to the hidden cells, i.e. when adding it does not raise the matrix rank.
The code under test uses the null space instead.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.report import suppression
from pipelines.report.suppression import protect
from tests.recoverability import recoverable_cells

THRESHOLD = 5


def with_margins(interior: np.ndarray, row_totals: bool, column_totals: bool) -> np.ndarray:
    table = interior
    if row_totals:
        table = np.c_[table, table.sum(axis=1)]
    if column_totals:
        table = np.r_[table, [table.sum(axis=0)]]
    return table


# Many small counts and zeros, some large ones: the cases where suppression has work to do.
counts = st.sampled_from([0, 0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 20, 35, 80])
tables = st.tuples(st.integers(1, 6), st.integers(1, 5), st.booleans(), st.booleans()).flatmap(
    lambda spec: st.tuples(
        st.lists(counts, min_size=spec[0] * spec[1], max_size=spec[0] * spec[1]).map(
            lambda values, spec=spec: np.array(values).reshape(spec[0], spec[1])
        ),
        st.just(spec[2]),
        st.just(spec[3]),
    )
)


def protected(case) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The table with its margins, and protect()'s primary and complementary masks."""
    interior, row_totals, column_totals = case
    table = with_margins(interior, row_totals, column_totals)
    return table, *protect(table, row_totals, column_totals, THRESHOLD)


@settings(max_examples=300, deadline=None)
@given(tables)
def test_no_suppressed_cell_can_be_recovered_from_the_totals(case):
    _, row_totals, column_totals = case
    table, primary, complementary = protected(case)
    hidden = primary | complementary
    assert recoverable_cells(table, hidden, row_totals, column_totals) == []


@settings(max_examples=300, deadline=None)
@given(tables)
def test_every_line_with_a_total_holds_zero_or_at_least_two_hidden_cells(case):
    _, row_totals, column_totals = case
    _, primary, complementary = protected(case)
    hidden = primary | complementary
    if row_totals:
        assert all(n != 1 for n in hidden.sum(axis=1))
    if column_totals:
        assert all(n != 1 for n in hidden.sum(axis=0))


@settings(max_examples=300, deadline=None)
@given(tables)
def test_small_counts_are_primary_and_zeros_are_never_hidden(case):
    table, primary, complementary = protected(case)
    assert np.array_equal(primary, (table >= 1) & (table <= THRESHOLD - 1))
    assert not (primary & complementary).any()
    assert (table[complementary] >= THRESHOLD).all()  # complements are visible-size counts
    assert not ((primary | complementary) & (table == 0)).any()


@settings(max_examples=100, deadline=None)
@given(tables)
def test_same_table_same_cells(case):
    interior, row_totals, column_totals = case
    table = with_margins(interior, row_totals, column_totals)
    first = protect(table, row_totals, column_totals, THRESHOLD)
    second = protect(table.copy(), row_totals, column_totals, THRESHOLD)
    assert all(np.array_equal(a, b) for a, b in zip(first, second, strict=True))


def test_the_two_per_line_rule_alone_would_leak_a_bridge_cell():
    """Two 2x2 blocks of hidden cells joined by one hidden cell: every row and column has two
    hidden cells, yet the joining cell follows from the totals. The exact check catches it."""
    interior = np.array(
        [
            [1, 1, 50, 50],
            [1, 1, 2, 50],
            [50, 50, 1, 1],
            [50, 50, 1, 1],
        ]
    )
    table = with_margins(interior, True, True)
    two_per_line = (table > 0) & (table < THRESHOLD)
    suppression._complete_lines(table, two_per_line, suppression._lines(table.shape, True, True))
    assert recoverable_cells(table, two_per_line, True, True) == [(1, 2)]
    primary, complementary = protect(table, True, True, THRESHOLD)
    hidden = primary | complementary
    assert hidden[1, 2]
    assert recoverable_cells(table, hidden, True, True) == []
    # the same pattern without complementary cells is recoverable: the check is not vacuous
    assert recoverable_cells(table, primary, True, True) != []


def test_a_single_row_is_protected_by_its_total():
    table = with_margins(np.array([[3, 40, 60]]), True, False)
    primary, complementary = protect(table, True, False, THRESHOLD)
    assert primary.tolist() == [[True, False, False, False]]
    assert complementary.tolist() == [[False, True, False, False]]  # the next-smallest: 40


def test_nothing_small_nothing_hidden():
    table = with_margins(np.array([[0, 10], [25, 5]]), True, True)
    primary, complementary = protect(table, True, True, THRESHOLD)
    assert not primary.any() and not complementary.any()
