"""Boundary and quote-link F1 of the text reader on real pages flattened by real tools, with the
development / held-out split fixed here so that anyone can re-run it.

usage: python benchmarks/eval_flat_split.py [DIR] [--split dev|heldout|all] [--tool NAME]
                                            [--by engine|tool|file]

DIR defaults to `/work/data/flat_html` (`NN_ENGINE.TOOL.txt` + `.expected.toml`: real saved
pages of twelve engines, each flattened by inscriptis and by html2text). Engines are split
before any tuning: the frame induction is developed on `DEV` pages only; `HELDOUT` engines are
scored to see how it does on engines it was never looked at with. `--tool` keeps one
flattening tool (leave one tool out: develop on `--tool inscriptis`, report `--tool html2text`).
Threads are parsed in-process and matched with the rules of `../shared/tools/flat_eval.py`
(its `counts`), pooled (micro F1) per engine, tool or file, and overall.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from flat_holdout import KEYS, SHARED, figures, load_script, parse_file, prediction, threads

DEV = frozenset(("xenforo2", "vbulletin4", "phpbb3", "somethingawful", "nodebb", "vbulletin3"))
HELDOUT = frozenset(("mybb", "hfr", "xenforo1", "vbulletin5", "ips", "forumotion"))
DEFAULT = Path("/work/data/flat_html")


def engine_of(path: Path) -> str:
    """`03_xenforo2.html2text.txt` -> `xenforo2`."""
    return path.name.split(".")[0].split("_", 1)[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--tool", default=None)
    parser.add_argument("--by", choices=("engine", "tool", "file"), default="engine")
    args = parser.parse_args(argv)
    scorer = load_script(SHARED / "tools" / "flat_eval.py", "flat_eval")
    engines = {"dev": DEV, "heldout": HELDOUT, "all": DEV | HELDOUT}[args.split]
    items = [
        (tool, path, truth)
        for tool, path, truth in threads([args.dir])
        if engine_of(path) in engines and (args.tool is None or tool == args.tool)
    ]
    totals: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(KEYS, 0))
    for tool, path, truth in items:
        group = {"engine": engine_of(path), "tool": tool, "file": path.name}[args.by]
        got = scorer.counts(prediction(parse_file(path)), truth)
        for key in KEYS:
            totals[group][key] += got[key]
            totals["ALL"][key] += got[key]
    print(f"split {args.split}, tool {args.tool or 'both'}: {len(items)} threads")
    print(f"{args.by:34s} {'posts':>6s} {'links':>6s}  boundary  link")
    for group in [*sorted(g for g in totals if g != "ALL"), "ALL"]:
        b, ln = figures(totals[group])
        counts = totals[group]
        print(f"{group:34s} {counts['s_true']:6d} {counts['l_true']:6d}  {b:8.3f} {ln:5.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
