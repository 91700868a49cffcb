"""Which hidden cells of a table can be worked out from its published totals, found a second way
for the suppression tests (tests/pipelines/report/): a hidden cell is recoverable exactly when its
unit vector lies in the row space of the total equations restricted to the hidden cells, i.e.
when adding it does not raise the matrix rank. pipelines/report/suppression.py uses the null
space instead."""

from __future__ import annotations

import numpy as np


def total_equations(shape: tuple[int, int], row_totals: bool, column_totals: bool) -> np.ndarray:
    """Written out independently of the module: one equation per published total."""
    n_rows, n_columns = shape
    index = np.arange(n_rows * n_columns).reshape(shape)
    rows = []
    if row_totals:
        for i in range(n_rows):
            eq = np.zeros(n_rows * n_columns)
            eq[index[i, : n_columns - 1]] = 1
            eq[index[i, n_columns - 1]] = -1
            rows.append(eq)
    if column_totals:
        for j in range(n_columns):
            eq = np.zeros(n_rows * n_columns)
            eq[index[: n_rows - 1, j]] = 1
            eq[index[n_rows - 1, j]] = -1
            rows.append(eq)
    return np.array(rows).reshape(len(rows), n_rows * n_columns)


def recoverable_cells(
    table: np.ndarray, hidden: np.ndarray, row_totals: bool, column_totals: bool
) -> list[tuple[int, int]]:
    equations = total_equations(table.shape, row_totals, column_totals)
    cells = [tuple(c) for c in np.argwhere(hidden)]
    columns = [c[0] * table.shape[1] + c[1] for c in cells]
    sub = equations[:, columns] if len(equations) else np.zeros((0, len(columns)))
    rank = np.linalg.matrix_rank(sub) if sub.size else 0
    found = []
    for k, cell in enumerate(cells):
        unit = np.zeros((1, len(cells)))
        unit[0, k] = 1
        if np.linalg.matrix_rank(np.vstack([sub, unit])) == rank:
            found.append(cell)
    return found
