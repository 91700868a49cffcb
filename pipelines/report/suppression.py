"""Small-cell suppression of count tables with totals: primary and complementary cells.

A published count of people below a threshold (setting ``small_cell_threshold``, default 5)
can identify someone ("the one inbound trainee from Kenya"), so it is shown as ``<5``
(*primary* suppression). That alone is not enough when the table also shows totals: a row
with exactly one hidden cell gives it away (total minus the visible cells). So further cells
are hidden (*complementary* or secondary suppression) until no hidden count can be worked out
from what is published.

How, in two steps that repeat until nothing changes:

1. The standard rule: every row and column that has a total (margins included) holds either
   no hidden cell or at least two; a line with one gets its next-smallest visible non-zero
   cell hidden as well (ties: the first such cell from the left or top).
2. An exact check. The two-per-line rule is the usual heuristic, but a hidden cell can still
   be recovered by combining several rows and columns (e.g. a cell linking two otherwise
   separate blocks of hidden cells). The published totals are linear equations over the
   hidden cells; a hidden cell is recoverable exactly when it takes the same value in every
   solution, i.e. when every vector of the equations' null space is zero there. For such a
   cell the smallest visible non-zero cell whose hiding makes it unrecoverable is hidden too.

Zeros are never hidden, neither as primary nor as complementary cells: a true zero does not
describe anybody, and hiding a zero protects little (everyone can see that the row is small).
Because every hidden cell is at least 1, a hidden cell that lies on a cycle of the equations
can move by +-1 around it while all cells stay non-negative: it has at least two possible
values, never exactly one.

The input is a matrix of whole numbers *with its margins*: ``row_totals`` says that the last
column is the sum of the others in each row, ``column_totals`` that the last row is the sum of
the rows above in each column. Tests in ``tests/pipelines/report/test_report_suppression.py`` check
these properties with hypothesis on random tables, with a second, independent recoverability
test (matrix rank instead of null space).
"""

from __future__ import annotations

import numpy as np

# Singular values below this (relative to the largest) count as zero; the equations have
# coefficients 0 and +-1, so their null space is well separated from this.
_TOLERANCE = 1e-9


def equations(shape: tuple[int, int], row_totals: bool, column_totals: bool) -> np.ndarray:
    """The published totals as linear equations over the cells (one row per equation).

    Cell (i, j) is column ``i * n_columns + j``; each equation sums to zero.
    """
    n_rows, n_columns = shape
    rows: list[np.ndarray] = []
    if row_totals:
        for i in range(n_rows):
            eq = np.zeros((n_rows, n_columns))
            eq[i, :-1] = 1
            eq[i, -1] = -1
            rows.append(eq.ravel())
    if column_totals:
        for j in range(n_columns):
            eq = np.zeros((n_rows, n_columns))
            eq[:-1, j] = 1
            eq[-1, j] = -1
            rows.append(eq.ravel())
    if not rows:
        return np.zeros((0, n_rows * n_columns))
    return np.vstack(rows)


def recoverable(system: np.ndarray, hidden: np.ndarray) -> np.ndarray:
    """Hidden cells whose value follows from the visible cells and the totals (same shape)."""
    flat = hidden.ravel()
    columns = np.flatnonzero(flat)
    result = np.zeros(flat.shape, dtype=bool)
    if columns.size == 0:
        return result.reshape(hidden.shape)
    sub = system[:, columns]
    if sub.shape[0] == 0 or not sub.any():
        # no equation touches a hidden cell: nothing can be worked out
        return result.reshape(hidden.shape)
    _, singular, vt = np.linalg.svd(sub, full_matrices=True)
    rank = int((singular > _TOLERANCE * singular.max()).sum())
    null = vt[rank:]
    if null.shape[0] == 0:
        result[columns] = True
    else:
        result[columns] = np.all(np.abs(null) < 1e-7, axis=0)
    return result.reshape(hidden.shape)


def _lines(shape: tuple[int, int], row_totals: bool, column_totals: bool) -> list[list[tuple]]:
    n_rows, n_columns = shape
    lines: list[list[tuple[int, int]]] = []
    if row_totals:
        lines += [[(i, j) for j in range(n_columns)] for i in range(n_rows)]
    if column_totals:
        lines += [[(i, j) for i in range(n_rows)] for j in range(n_columns)]
    return lines


def _complete_lines(values: np.ndarray, hidden: np.ndarray, lines: list[list[tuple]]) -> None:
    """Step 1: until every line holds zero or at least two hidden cells."""
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(hidden[cell] for cell in line) != 1:
                continue
            candidates = [cell for cell in line if not hidden[cell] and values[cell] > 0]
            if not candidates:  # cannot happen for consistent totals; nothing to hide
                continue
            best = min(candidates, key=lambda cell: (values[cell], line.index(cell)))
            hidden[best] = True
            changed = True


def protect(
    values: np.ndarray, row_totals: bool, column_totals: bool, threshold: int
) -> tuple[np.ndarray, np.ndarray]:
    """Which cells to hide: ``(primary, complementary)`` boolean masks of ``values``' shape.

    ``values`` holds whole numbers including the margins named by the two flags.
    """
    counts = np.asarray(values, dtype=np.int64)
    primary = (counts > 0) & (counts < threshold)
    hidden = primary.copy()
    if not primary.any():
        return primary, np.zeros_like(primary)
    lines = _lines(counts.shape, row_totals, column_totals)
    system = equations(counts.shape, row_totals, column_totals)
    order = np.arange(counts.size).reshape(counts.shape)
    while True:
        _complete_lines(counts, hidden, lines)
        exposed = recoverable(system, hidden)
        if not exposed.any():
            break
        target = tuple(np.argwhere(exposed)[0])
        visible = [tuple(c) for c in np.argwhere(~hidden & (counts > 0))]
        if not visible:  # everything non-zero is hidden already; nothing more to do
            break
        visible.sort(key=lambda c: (counts[c], order[c]))
        chosen = visible[0]
        for cell in visible:
            trial = hidden.copy()
            trial[cell] = True
            if not recoverable(system, trial)[target]:
                chosen = cell
                break
        hidden[chosen] = True
    return primary, hidden & ~primary
