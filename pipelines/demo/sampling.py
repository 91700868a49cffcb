"""Sampling and formatting helpers: weighted draws vectorised over rows, whole counts that add
up, and numbers and dates as the text the import files hold."""

from __future__ import annotations

import numpy as np


def cumulative(weights) -> np.ndarray:
    """Row-wise cumulative probabilities with the last column exactly 1 (zero rows stay 0)."""
    weights = np.asarray(weights, dtype=float)
    total = weights.sum(axis=-1, keepdims=True)
    cum = np.cumsum(weights, axis=-1) / np.where(total > 0, total, 1.0)
    cum[..., -1] = np.where(total[..., 0] > 0, 1.0, 0.0)
    return cum


def probabilities(cum: np.ndarray) -> np.ndarray:
    """Row-wise probabilities back from :func:`cumulative`."""
    return np.diff(cum, axis=-1, prepend=0.0)


def choice(rng: np.random.Generator, weights, size: int) -> np.ndarray:
    """``size`` indices drawn with the given weights."""
    return np.searchsorted(cumulative(weights), rng.random(size), side="right")


def choice_rows(rng: np.random.Generator, cum: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """One index per entry of ``rows``, drawn from its own distribution ``cum[row]``."""
    return (rng.random(len(rows))[:, None] >= cum[rows]).sum(axis=1)


def allocate(weights: np.ndarray, total: int) -> np.ndarray:
    """Whole counts proportional to ``weights`` that sum exactly to ``total``."""
    raw = weights / weights.sum() * total
    counts = np.floor(raw).astype(np.int64)
    order = np.argsort(-(raw - counts).ravel(), kind="stable")[: total - counts.sum()]
    counts.ravel()[order] += 1
    return counts


def text(values, missing: np.ndarray | None = None) -> np.ndarray:
    """Whole numbers as text (object array); ``missing`` entries become empty strings."""
    values = np.asarray(values, dtype=np.int64)
    if missing is not None:
        values = np.where(missing, 0, values)
    low, high = int(values.min(initial=0)), int(values.max(initial=0))
    out = np.array([str(v) for v in range(low, high + 1)], dtype=object)[values - low]
    if missing is not None:
        out[missing] = ""
    return out


def dates(values: np.ndarray) -> np.ndarray:
    """datetime64[D] values as YYYY-MM-DD text (object array)."""
    uniques, inverse = np.unique(values, return_inverse=True)
    return np.datetime_as_string(uniques, unit="D").astype(object)[inverse]


def blank_unless(values: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """``values`` where ``keep``, else empty strings (object array)."""
    return np.where(keep, values, "").astype(object)
