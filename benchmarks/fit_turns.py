"""Fit the weights of `parsing.turns` on bare dumps whose post starts are known.

usage: python benchmarks/fit_turns.py TRAIN_DIR [--check DIR ...] [--l2 L]

Each folder holds NAME.bare.txt with NAME.bare.expected.toml beside it, laid out like
`../shared/datasets/iac/` (the truth gives each post's first and last line). Every place where
the text reader weighs a single line break between own words becomes one example: its cues
(`parsing.turns.cues`) and whether a post really starts there. A logistic regression with an
L2 penalty is fitted by Newton's method (pure Python: a few thousand examples, 30 cues), and the
weights are printed as the WEIGHTS table to paste into `parsing/turns.py`, with the ranking
quality (AUC) on the training folder and on each --check folder.

The weights shipped were fitted on 500 Internet Argument Corpus discussions that are not in
`../shared`, laid out the way `../shared/datasets/iac/` is, and checked on 90 others; fitting on
`../shared/datasets/iac/` alone works too, with fewer examples.
"""

from __future__ import annotations

import argparse
import math
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import parsing.segment as segment
from parsing.load import load_thread
from parsing.turns import CUES, PostSoFar, cues

Example = tuple[list[float], bool]


def collect(folder: Path) -> list[Example]:
    """The cues and the truth at every weighed line break of every bare dump in `folder`."""
    examples: list[Example] = []
    here = [0]
    starts: set[int] = set()
    read_content = segment._Scanner.content
    weigh = segment.is_new_post

    def content(scanner: segment._Scanner, i: int) -> None:
        here[0] = i  # which line is being read, for the truth (the cues do not need it)
        read_content(scanner, i)

    def recorded(before: str, line: str, post: PostSoFar) -> bool:
        values = cues(before, line, post)
        examples.append(([values[name] for name in CUES], here[0] + 1 in starts))
        return weigh(before, line, post)

    segment._Scanner.content = content  # type: ignore[method-assign]
    segment.is_new_post = recorded
    try:
        for path in sorted(folder.glob("*.bare.txt")):
            truth = tomllib.loads(path.with_suffix(".expected.toml").read_text(encoding="utf-8"))
            starts.clear()
            starts.update(post["lines"][0] for post in truth["posts"])
            load_thread(path)
    finally:
        segment._Scanner.content = read_content  # type: ignore[method-assign]
        segment.is_new_post = weigh
    return examples


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a x = b by Gaussian elimination with partial pivoting (a is small and dense)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def fit(examples: list[Example], l2: float, rounds: int = 12) -> list[float]:
    """Logistic regression weights (the first cue is the bias and is not penalised)."""
    d = len(CUES)
    w = [0.0] * d
    for _ in range(rounds):
        grad = [l2 * w[j] * (j > 0) for j in range(d)]
        hess = [[l2 * (i == j and i > 0) for j in range(d)] for i in range(d)]
        for x, y in examples:
            z = sum(a * b for a, b in zip(w, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            r, s = p - y, p * (1.0 - p)
            for i in range(d):
                if x[i]:
                    grad[i] += r * x[i]
                    si = s * x[i]
                    row = hess[i]
                    for j in range(i, d):
                        if x[j]:
                            row[j] += si * x[j]
        for i in range(d):
            for j in range(i):
                hess[i][j] = hess[j][i]
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(v) for v in step) < 1e-6:
            break
    return w


def auc(weights: list[float], examples: list[Example]) -> float:
    """How often a real post start is scored above a line break inside a post (ties count half)."""
    scored = sorted((sum(a * b for a, b in zip(weights, x, strict=True)), y) for x, y in examples)
    positives = sum(y for _, y in scored)
    negatives = len(scored) - positives
    if not positives or not negatives:
        return float("nan")
    wins, below, k = 0.0, 0, 0
    while k < len(scored):
        end = k
        while end < len(scored) and scored[end][0] == scored[k][0]:
            end += 1
        tied = scored[k:end]
        tied_negatives = sum(not y for _, y in tied)
        wins += sum(y for _, y in tied) * (below + tied_negatives / 2)
        below += tied_negatives
        k = end
    return wins / (positives * negatives)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--check", type=Path, action="append", default=[])
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args(argv)
    examples = collect(args.train)
    starts = sum(y for _, y in examples)
    print(f"{len(examples)} line breaks weighed, {starts} of them post starts", file=sys.stderr)
    weights = fit(examples, args.l2)
    print(f"AUC on {args.train}: {auc(weights, examples):.3f}", file=sys.stderr)
    for folder in args.check:
        print(f"AUC on {folder}: {auc(weights, collect(folder)):.3f}", file=sys.stderr)
    print("WEIGHTS: dict[str, float] = {")
    for name, weight in zip(CUES, weights, strict=True):
        print(f'    "{name}": {weight:.2f},')
    print("}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
