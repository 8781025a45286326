"""Shared test helpers: where ../shared is, and skipping cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"
SEED = SHARED / "fixtures" / "000_7a8e4cebb9525fcd.txt"
SEED_TRUTH = SHARED / "fixtures" / "000_7a8e4cebb9525fcd.expected.toml"

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared (real threads and truth files) is not beside the repo"
)
