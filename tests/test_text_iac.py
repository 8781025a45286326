"""Accuracy on real debates (IAC, 4forums), measured with the shared evaluation tool.

Each discussion comes in two layouts: `bare` (no names, no quote markers, like the seed) and
`marked` (header blocks and "X said: ... Click to expand..." frames). The floors below are what
the reader reaches today; raise them as it improves, never lower them to make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED, needs_shared
from tests.parse_support import evaluate, parse_json

IAC = SHARED / "datasets" / "iac"

# (start F1, link F1) floors per file; per-file figures are in docs/parsing.md.
FLOORS = {
    "10.bare": (0.95, 0.91),
    "14253.bare": (0.99, 0.99),
    "2140.bare": (0.96, 0.99),
    "3458.bare": (0.81, 0.94),
    "9455.bare": (0.95, 0.99),
    "10.marked": (1.0, 0.98),
    "14253.marked": (1.0, 1.0),
    "2140.marked": (1.0, 1.0),
    "3458.marked": (1.0, 0.96),
    "9455.marked": (1.0, 1.0),
}
STYLE_FLOORS = {"bare": (0.92, 0.95), "marked": (1.0, 0.99)}


@needs_shared
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_iac_thread_meets_its_floor(name: str, tmp_path: Path) -> None:
    scores = evaluate(
        parse_json(IAC / f"{name}.txt", tmp_path / "p.json"), IAC / f"{name}.expected.toml"
    )
    start_floor, link_floor = FLOORS[name]
    assert scores["start_f1"] >= start_floor, scores
    assert scores["link_f1"] >= link_floor, scores


@needs_shared
@pytest.mark.parametrize("style", sorted(STYLE_FLOORS))
def test_iac_style_pooled_f1(style: str, tmp_path: Path) -> None:
    """Pooled over the five debates of a layout (micro-averaged, as a whole corpus reads)."""
    tp_s = pred_s = true_s = tp_l = pred_l = true_l = 0.0
    for n, path in enumerate(sorted(IAC.glob(f"*.{style}.txt"))):
        s = evaluate(parse_json(path, tmp_path / f"{n}.json"), path.with_suffix(".expected.toml"))
        # eval_thread reports P and R; turn them back into counts to pool them.
        pred_starts = s["start_r"] * s["posts_true"] / s["start_p"] if s["start_p"] else 0
        tp_s += s["start_r"] * s["posts_true"]
        pred_s += pred_starts
        true_s += s["posts_true"]
        tp_l += s["link_r"] * s["links_true"]
        pred_l += s["links_pred"]
        true_l += s["links_true"]
    start_f1 = 2 * tp_s / (pred_s + true_s)
    link_f1 = 2 * tp_l / (pred_l + true_l)
    start_floor, link_floor = STYLE_FLOORS[style]
    assert start_f1 >= start_floor, (start_f1, link_f1)
    assert link_f1 >= link_floor, (start_f1, link_f1)


@needs_shared
def test_marked_layout_reads_authors_and_dates() -> None:
    """Header blocks give every post its author and date (the marked truth names authors)."""
    import tomllib

    from parsing import load_thread

    for path in sorted(IAC.glob("*.marked.txt")):
        thread = load_thread(path)
        truth = tomllib.loads(path.with_suffix(".expected.toml").read_text(encoding="utf-8"))
        assert [p.author for p in thread.posts] == [p["author"] for p in truth["posts"]]
        assert all(p.date is not None for p in thread.posts)
        assert thread.title == truth["title"]
