"""Post-boundary and quote-link F1 of the text reader on flattened threads, per layout, in-sample
and with each layout held out (leave one layout out).

usage: python benchmarks/flat_holdout.py [DIR ...] [--check DIR ...] [--in-sample-only]

DIR defaults to `../shared/datasets/flat` (NAME.STYLE.txt + NAME.STYLE.expected.toml; the
layout is STYLE). Threads are parsed in-process and matched with the rules of
`../shared/tools/flat_eval.py` (its `counts`), pooled per layout (micro F1).

The reader's parts fitted on flattened threads (every `benchmarks/fit_*.py` that defines
`flat_fit`) are fitted on all layouts for the in-sample figures; for each held-out layout they
are refitted on the other layouts and the held-out one is scored with that fit. --check folders
are scored with the fit on every DIR (never fitted on themselves). The frame induction of
`parsing.frame` has no fitted numbers: it reads each page's own repetitions, so its held-out
and in-sample figures differ only through the fitted parts.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tomllib
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from parsing.models import Source, Thread
from parsing.text_reader import parse_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KEYS = ("s_tp", "s_pred", "s_true", "l_tp", "l_pred", "l_true")


def load_script(path: Path, name: str) -> ModuleType:
    """A standalone script (the shared scorer, a sibling benchmark) as a module."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def threads(folders: list[Path]) -> list[tuple[str, Path, dict]]:
    """(layout, text path, truth) of every thread with a truth file beside it."""
    out = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            truth_path = path.with_suffix(".expected.toml")
            if not truth_path.exists():
                continue
            parts = path.name.split(".")
            layout = parts[1] if len(parts) > 2 else folder.name
            out.append((layout, path, tomllib.loads(truth_path.read_text(encoding="utf-8"))))
    return out


def prediction(thread: Thread) -> dict:
    """The parts of `threadscore parse --json` that the scorer reads."""
    return {
        "posts": [
            {
                "number": post.number,
                "lines": list(post.lines) if post.lines else None,
                "quotes": [
                    {"target": q.target, "lines": list(q.lines) if q.lines else None}
                    for q in post.quotes
                ],
            }
            for post in thread.posts
        ]
    }


def parse_file(path: Path) -> Thread:
    text = path.read_text(encoding="utf-8", errors="replace")
    return parse_text(text, Source(path=str(path), format="text", sha256="0" * 64))


def f1(tp: int, npred: int, ntrue: int) -> float:
    p = tp / npred if npred else (1.0 if not ntrue else 0.0)
    r = tp / ntrue if ntrue else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(items: list[tuple[str, Path, dict]], scorer: ModuleType) -> dict[str, dict[str, int]]:
    """Pooled counts per layout (and "ALL")."""
    totals: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(KEYS, 0))
    for layout, path, truth in items:
        got = scorer.counts(prediction(parse_file(path)), truth)
        for key in KEYS:
            totals[layout][key] += got[key]
            totals["ALL"][key] += got[key]
    return dict(totals)


def figures(counts: dict[str, int]) -> tuple[float, float]:
    """Micro boundary F1 and link F1."""
    return (
        f1(counts["s_tp"], counts["s_pred"], counts["s_true"]),
        f1(counts["l_tp"], counts["l_pred"], counts["l_true"]),
    )


FITTERS = [p for p in (ROOT / "benchmarks").glob("fit_*.py") if "flat_fit" in p.read_text()]
"""Fit scripts that refit a part of the reader from flattened threads (they define `flat_fit`:
a context manager that fits on the given threads and installs the result while it is open)."""


@contextmanager
def fitted(fitters: list[ModuleType], items: list[tuple[str, Path, dict]]) -> Iterator[None]:
    """Every fitted part refitted on `items` while the block runs."""
    with ExitStack() as stack:
        for fitter in fitters:
            stack.enter_context(fitter.flat_fit(items))
        yield


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--check", type=Path, action="append", default=[])
    parser.add_argument("--in-sample-only", action="store_true")
    args = parser.parse_args(argv)
    folders = args.dirs or [SHARED / "datasets" / "flat"]
    scorer = load_script(SHARED / "tools" / "flat_eval.py", "flat_eval")
    items = threads(folders)
    layouts = sorted({layout for layout, _, _ in items})
    fitters = [load_script(path, path.stem) for path in sorted(FITTERS)]
    with fitted(fitters, items):
        inside = score(items, scorer)
        checks = {str(folder): score(threads([folder]), scorer) for folder in args.check}
    held: dict[str, tuple[float, float]] = {}
    if not args.in_sample_only:
        for layout in layouts:
            train = [item for item in items if item[0] != layout]
            test = [item for item in items if item[0] == layout]
            with fitted(fitters, train):
                held[layout] = figures(score(test, scorer)[layout])
    print(f"{'layout':18s} {'posts':>6s} {'links':>6s} | in-sample B    L | held-out B    L")
    for layout in [*layouts, "ALL"]:
        b, ln = figures(inside[layout])
        row = f"{layout:18s} {inside[layout]['s_true']:6d} {inside[layout]['l_true']:6d} |"
        row += f"       {b:6.3f} {ln:6.3f} |"
        if layout in held:
            row += f"      {held[layout][0]:6.3f} {held[layout][1]:6.3f}"
        print(row)
    for folder, counts in checks.items():
        for layout in sorted(counts):
            b, ln = figures(counts[layout])
            print(f"check {folder} {layout}: boundary {b:.3f} link {ln:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
