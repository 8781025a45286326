"""The benchmark's generator and scorer work (a 50-post smoke run; the benchmark itself is
`python benchmarks/bench_parse.py`, kept out of the test suite)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from parsing.models import Source
from parsing.text_reader import parse_text
from tests.conftest import ROOT


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_parse", ROOT / "benchmarks" / "bench_parse.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_generated_thread_parses_with_its_own_truth() -> None:
    bench = load_bench()
    text, truth = bench.generate(50, seed=11)
    assert len(truth) == 50
    kinds = {t is None for post in truth for _, _, t in post.quotes}
    assert kinds == {True, False}  # both linked and outside quotes are generated
    thread = parse_text(text, Source(path="g.txt", format="text", sha256="0" * 64))
    start_f1, link_f1 = bench.score(thread, truth)
    assert start_f1 >= 0.9 and link_f1 >= 0.8
    external = {(a, b) for post in truth for a, b, t in post.quotes if t is None}
    for post in thread.posts:
        for quote in post.quotes:
            if quote.lines in external:
                assert quote.target is None
