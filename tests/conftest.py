"""Shared test helpers: where ../shared is, and skipping cleanly when it is absent."""

from __future__ import annotations

from collections.abc import Iterator
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


def _hostile_builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location("hostile_build", DATA / "hostile" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOSTILE_BUILD = _hostile_builder()
"""tests/data/hostile/build.py: writes the hostile corpus (our fixtures with attacks put in)."""


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile corpus, built once per test run from the fixtures, so it cannot go stale."""
    folder = tmp_path_factory.mktemp("hostile")
    HOSTILE_BUILD.build(folder)
    return folder


@pytest.fixture
def hostile_thread(hostile: Path) -> Path:
    """The hostile text dump: the demo thread with escape sequences and controls in its lines."""
    return hostile / "thread.txt"


@pytest.fixture(autouse=True, scope="session")
def rule_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The scorer's compiled rules (`parsing.regex_cache`) go to a folder of this test run, not
    the user's ~/.cache/threadscore: a test run leaves nothing behind in the home folder, and
    starts with no cache, as CI does. Subprocesses inherit it through the environment."""
    from parsing.regex_cache import CACHE_ENV

    folder = tmp_path_factory.mktemp("threadscore-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(folder))
        yield folder
