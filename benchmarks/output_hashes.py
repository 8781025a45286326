"""Hash every output of `threadscore parse --json` and `score --json/--toml/(table)` over a set of
threads, one line per (thread, output): run before and after a change and `diff` the two lists
to prove the change output-identical.

usage: python benchmarks/output_hashes.py [--root CHECKOUT] [--bench DIR] [THREAD ...]
Default threads: the demo, the seed, ../shared/datasets iac/, flat/ (text dumps) and html/ pages,
and the generated bench threads given with --bench DIR (files gen*.txt). `--root` runs another
checkout's code (with its own venv's python: `../main/.venv/bin/python THIS --root ../main`).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--root" in sys.argv:
    ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve()
    del sys.argv[sys.argv.index("--root") : sys.argv.index("--root") + 2]
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
OUTPUTS = (("parse", "--json"), ("score", "--json"), ("score", "--toml"), ("score",))


def default_threads(bench: Path | None) -> list[str]:
    from parsing.load import demo_path

    data = SHARED / "datasets"
    threads = [str(demo_path()), *map(str, sorted((SHARED / "fixtures").glob("*.txt")))]
    for folder in ("iac", "flat"):
        threads += [str(p) for p in sorted((data / folder).glob("*.txt"))]
    threads += [str(p) for p in sorted((data / "html").glob("*.html"))]
    if bench is not None:
        threads += [str(p) for p in sorted(bench.glob("gen*.txt"))]
    return threads


def run_once(args: list[str]) -> tuple[int, bytes]:
    from tui.cli import main

    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
        out.flush()
    return code, raw.getvalue()


def main(argv: list[str]) -> int:
    bench = None
    if "--bench" in argv:
        at = argv.index("--bench")
        bench = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    threads = argv or default_threads(bench)
    for thread in threads:
        for command in OUTPUTS:
            code, out = run_once([command[0], thread, *command[1:]])
            digest = hashlib.sha256(out).hexdigest()[:16]
            name = Path(thread).name
            print(f"{name}\t{' '.join(command)}\t{code}\t{len(out)}\t{digest}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
