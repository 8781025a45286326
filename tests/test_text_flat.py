"""Post boundaries and quote links on the 120 flattened threads of ../shared/datasets/flat, per
page layout, scored in-process with the shared scorer's own matching (flat_eval.py `counts`).

The floors sit a little under what the reader reaches (see docs/parsing.md); they are raised as
it improves. The frameless layouts (no header, no footer on most posts) are the hard ones.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT, SHARED, needs_shared

FLOORS = {
    "xf_marked": (0.99, 0.97),
    "vbulletin": (0.99, 0.97),
    "xf_seed": (0.85, 0.77),
    "discourse_likes": (0.73, 0.66),
}
"""Micro boundary F1 and quote-link F1 each layout must reach."""


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def per_layout() -> dict[str, tuple[float, float]]:
    bench = _load(ROOT / "benchmarks" / "flat_holdout.py", "flat_holdout")
    scorer = _load(SHARED / "tools" / "flat_eval.py", "flat_eval")
    counts = bench.score(bench.threads([SHARED / "datasets" / "flat"]), scorer)
    return {layout: bench.figures(c) for layout, c in counts.items()}


@needs_shared
@pytest.mark.parametrize("layout", sorted(FLOORS))
def test_layout_meets_its_floor(per_layout: dict[str, tuple[float, float]], layout: str) -> None:
    boundary, link = per_layout[layout]
    want_boundary, want_link = FLOORS[layout]
    assert boundary >= want_boundary, f"{layout} boundary F1 {boundary:.3f}"
    assert link >= want_link, f"{layout} link F1 {link:.3f}"


DEV_FLOORS = {
    "comments": (0.98, 0.6),
    "invision": (0.98, 0.9),
    "ubb": (0.95, 0.8),
    "smf": (0.8, 0.6),
    "phpbb": (0.75, 0.55),
}
"""The same threads re-laid out as other engines print them (benchmarks/make_dev_layouts.py)."""


@needs_shared
def test_other_engines_layouts_meet_their_floors(tmp_path: Path) -> None:
    make = _load(ROOT / "benchmarks" / "make_dev_layouts.py", "make_dev_layouts")
    bench = _load(ROOT / "benchmarks" / "flat_holdout.py", "flat_holdout")
    scorer = _load(SHARED / "tools" / "flat_eval.py", "flat_eval")
    assert make.main([str(tmp_path)]) == 0
    counts = bench.score(bench.threads([tmp_path]), scorer)
    for layout, (want_boundary, want_link) in DEV_FLOORS.items():
        boundary, link = bench.figures(counts[layout])
        assert boundary >= want_boundary, f"{layout} boundary F1 {boundary:.3f}"
        assert link >= want_link, f"{layout} link F1 {link:.3f}"
