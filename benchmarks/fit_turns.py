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
import re
import sys
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import parsing.segment as segment
import parsing.turns as turns
from parsing.chrome import is_chrome
from parsing.edges import edge_cues
from parsing.frame import find_frame
from parsing.load import load_thread
from parsing.turns import CUES, STACK_CUES, PostSoFar, cues, turn_logit

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


SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _stack_x(before: str, line: str, post: PostSoFar) -> list[float]:
    return [
        1.0,
        turn_logit(before, line, post),
        *map(float, edge_cues(before, line)),
    ]


def stack_examples(path: Path, truth: dict) -> list[Example]:
    """Second-stage examples of one thread whose posts are known, whatever its layout: every
    single break between two own lines of a post is a negative, the step from a post's last
    own line to the next post's first is a positive unless the next post opens with a quote
    (quotes decide those). Header, footer, quote and chrome lines are left out."""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    frame = find_frame(lines)
    frame_lines: set[int] = set()
    if frame:
        for a, b in frame.footers:
            frame_lines.update(range(a + 1, b + 2))
        for h in frame.headers:
            frame_lines.update(range(h.start + 1, h.end + 2))
    out: list[Example] = []
    previous: tuple[str, PostSoFar] | None = None
    for number, post in enumerate(truth["posts"]):
        first, last = post["lines"]
        header = set(range(post["header"][0], post["header"][1] + 1)) if "header" in post else set()
        quoted = {
            k for q in post.get("quotes", []) for k in range(q["lines"][0], q["lines"][1] + 1)
        }
        own = [
            k
            for k in range(first, last + 1)
            if lines[k - 1].strip()
            and k not in header | quoted | frame_lines
            and not is_chrome(lines[k - 1])
        ]
        if not own:
            previous = None
            continue
        if previous is not None and own[0] not in quoted and own[0] - 1 not in quoted:
            out.append((_stack_x(previous[0], lines[own[0] - 1], previous[1]), True))
        paragraphs, in_paragraph = 1, 1
        for n in range(1, len(own)):
            k, j = own[n], own[n - 1]
            if k == j + 1:
                so_far = PostSoFar(
                    n, bool(quoted), False, paragraphs > 1, in_paragraph, number == 0
                )
                out.append((_stack_x(lines[j - 1], lines[k - 1], so_far), False))
            else:
                paragraphs, in_paragraph = paragraphs + 1, 0
            in_paragraph += 1
        previous = (
            lines[own[-1] - 1],
            PostSoFar(len(own), bool(quoted), False, paragraphs > 1, in_paragraph, number == 0),
        )
    return out


def _threads(folder: Path, pattern: str) -> list[tuple[Path, dict]]:
    return [
        (p, tomllib.loads(p.with_suffix(".expected.toml").read_text(encoding="utf-8")))
        for p in sorted(folder.glob(pattern))
        if p.with_suffix(".expected.toml").exists()
    ]


def stack_model(items: list[tuple[str, Path, dict]], l2: float = 1.0) -> tuple[list[float], float]:
    """The second stage fitted on flattened threads and the shared IAC debates (bare), with the
    threshold of best F1 on the same examples."""
    data = [e for _, path, truth in items for e in stack_examples(path, truth)]
    data += [
        e
        for p, t in _threads(SHARED / "datasets" / "iac", "*.bare.txt")
        for e in stack_examples(p, t)
    ]
    weights = fit(data, l2)
    return weights, best_threshold(weights, data)


def best_threshold(weights: list[float], data: list[Example]) -> float:
    """The probability threshold with the best F1 for post starts on `data`."""
    scored = [(sum(a * b for a, b in zip(weights, x, strict=True)), y) for x, y in data]
    positives = sum(y for _, y in scored)
    best = (0.0, 0.5)
    for t in (k / 40 for k in range(2, 39)):
        z = math.log(t / (1 - t))
        tp = sum(1 for s, y in scored if s >= z and y)
        predicted = sum(1 for s, _ in scored if s >= z)
        best = max(best, (2 * tp / (predicted + positives) if predicted + positives else 0.0, t))
    return best[1]


@contextmanager
def flat_fit(items: list[tuple[str, Path, dict]]) -> Iterator[None]:
    """The second stage of `parsing.turns` fitted on `items`, installed while the block runs."""
    weights, threshold = stack_model(items)
    saved = dict(turns.STACK_WEIGHTS), turns.STACK_THRESHOLD
    turns.STACK_WEIGHTS.clear()
    turns.STACK_WEIGHTS.update(zip(STACK_CUES, weights, strict=True))
    turns.STACK_THRESHOLD = threshold
    try:
        yield
    finally:
        turns.STACK_WEIGHTS.clear()
        turns.STACK_WEIGHTS.update(saved[0])
        turns.STACK_THRESHOLD = saved[1]


def write_stack(weights: list[float], threshold: float) -> None:
    """Replace STACK_WEIGHTS and STACK_THRESHOLD in `parsing/turns.py` with a new fit."""
    path = Path(turns.__file__)
    source = path.read_text(encoding="utf-8")
    start = source.index("STACK_WEIGHTS: dict[str, float] = {")
    end = source.index("}", start) + 1
    table = "STACK_WEIGHTS: dict[str, float] = {\n"
    table += "".join(f'    "{n}": {w:.2f},\n' for n, w in zip(STACK_CUES, weights, strict=True))
    source = source[:start] + table + "}" + source[end:]
    source = re.sub(
        r"^STACK_THRESHOLD = [0-9.]+$", f"STACK_THRESHOLD = {threshold:.3f}", source, flags=re.M
    )
    path.write_text(source, encoding="utf-8")


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
    d = len(examples[0][0])
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
    parser.add_argument("train", type=Path, nargs="?")
    parser.add_argument(
        "--stack",
        action="store_true",
        help="fit the second stage on ../shared/datasets/flat and the shared IAC debates",
    )
    parser.add_argument("--write", action="store_true", help="with --stack: write it to turns.py")
    parser.add_argument("--check", type=Path, action="append", default=[])
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args(argv)
    if args.stack:
        return _fit_stack(args.write)
    if args.train is None:
        parser.error("TRAIN_DIR is needed without --stack")
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


def _fit_stack(write: bool) -> int:
    folder = SHARED / "datasets" / "flat"
    items = [
        (p.name.split(".")[1], p, t) for p, t in _threads(folder, "*.txt") if p.name.count(".") > 1
    ]
    for layout in sorted({layout for layout, _, _ in items}):
        weights, _ = stack_model([i for i in items if i[0] != layout])
        held = [e for lay, p, t in items if lay == layout for e in stack_examples(p, t)]
        print(f"AUC on {layout}, fitted without it: {auc(weights, held):.3f}", file=sys.stderr)
    weights, threshold = stack_model(items)
    for name, weight in zip(STACK_CUES, weights, strict=True):
        print(f'    "{name}": {weight:.2f},')
    print(f"STACK_THRESHOLD = {threshold:.3f}")
    if write:
        write_stack(weights, threshold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
