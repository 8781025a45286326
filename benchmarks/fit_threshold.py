"""The threshold of a fitted break model chosen by what the reader then gets right.

The break models are fitted on examples read off the truth (every own-line break of a known
post), but at run time they weigh only the breaks no rule has taken, after quotes and frames
have decided theirs: the threshold of best F1 on the examples is not the reader's best. So,
with the weights fitted, the threshold is chosen by parsing the training threads at each value
of a grid and keeping the one with the best micro boundary F1 plus link F1 (pooled over the
threads, scored by `../shared/tools/flat_eval.py`'s `counts`). Only training threads are
parsed: `benchmarks/flat_holdout.py` still scores each layout with a fit that never saw it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flat_holdout import SHARED, figures, load_script, score

GRID = tuple(k / 40 for k in range(8, 25))
"""Thresholds tried: 0.20 to 0.60 in steps of 0.025."""

_KEYS = ("s_tp", "s_pred", "l_tp", "l_pred")


def reader_threshold(
    items: list[tuple[str, Path, dict]], install: Callable[[float], None], default: float
) -> float:
    """The value of GRID, installed by `install`, with the reader's best F1 on `items`
    (`default`, the examples' best, where no thread's reading depends on it)."""
    scorer = load_script(SHARED / "tools" / "flat_eval.py", "flat_eval")
    # a thread read alike at both ends of the grid (a framed one) is read alike at every value
    ends = []
    for t in (GRID[0], GRID[-1]):
        install(t)
        ends.append([score([item], scorer)["ALL"] for item in items])
    items = [
        item
        for item, low, high in zip(items, *ends, strict=True)
        if any(low[k] != high[k] for k in _KEYS)
    ]
    if not items:
        install(default)
        return default
    best = (-1.0, GRID[0])
    for t in GRID:
        install(t)
        boundary, link = figures(score(items, scorer)["ALL"])
        best = max(best, (boundary + link, -t))
    install(-best[1])
    return -best[1]
