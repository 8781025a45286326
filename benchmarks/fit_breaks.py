"""Fit the paragraph-break model of `parsing.breaks` on flattened threads whose posts are known.

usage: python benchmarks/fit_breaks.py [DIR ...] [--l2 L]

DIR defaults to `../shared/datasets/flat` (NAME.STYLE.txt + NAME.STYLE.expected.toml). Every
thread gives examples whatever its layout: each post's paragraph breaks (blank lines between
two lines of its own words) are negatives, and the step from a post's last own line to the next
post's first own line is a positive, unless the next post opens with a quote (quotes decide
those). Header, footer, quote and chrome lines are left out, so framed layouts teach what a
post's edges look like in words, and so are the breaks a rule of the segmenter decides before
the model is asked (`parsing.segment.kept_by_rule`): the model learns from the breaks it weighs.
The shared IAC debates (`../shared/datasets/iac/*.bare.txt`) are always added: debate writing
beside the forum layouts (they are never a layout scored by `flat_holdout.py`). A logistic
regression with an L2 penalty is fitted by Newton's method, and the threshold is the one with
the best F1 on the same examples. Prints the WEIGHTS and THRESHOLD to paste into
`parsing/breaks.py` (--write writes them), and each layout's ranking quality (AUC) with the
model fitted without it.

`flat_fit(items)` fits on the given threads and installs the result while its block runs: it is
how `benchmarks/flat_holdout.py` scores each layout with a model that never saw it.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))


import parsing.breaks as breaks
from parsing.chrome import is_chrome
from parsing.frame import find_frame
from parsing.segment import kept_by_rule
from parsing.turns import PostSoFar

Example = tuple[list[float], bool]
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def examples(path: Path, truth: dict) -> list[Example]:
    """The cues and the truth at every paragraph break and post step of one thread."""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    frame = find_frame(lines)
    frame_lines: set[int] = set()
    if frame:
        for a, b in frame.footers:
            frame_lines.update(range(a + 1, b + 2))
        for h in frame.headers:
            frame_lines.update(range(h.start + 1, h.end + 2))
    out: list[Example] = []
    previous: tuple[str, PostSoFar, str, str] | None = None

    def text(numbers: list[int]) -> str:
        return " ".join(lines[k - 1] for k in numbers)

    def paragraph_from(own: list[int], n: int) -> str:
        end = n + 1
        while end < len(own) and own[end] == own[end - 1] + 1:
            end += 1
        return text(own[n:end])

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
            before_before, before, so_far, post_text, last_paragraph = previous
            if not kept_by_rule(before_before, before, lines[own[0] - 1]):
                around = breaks.Paragraphs(post_text, last_paragraph, paragraph_from(own, 0))
                cues = breaks.break_cues(before, lines[own[0] - 1], so_far, around)
                out.append(([float(v) for v in cues], True))
        paragraphs, in_paragraph, opened = 1, 1, 0
        for n in range(1, len(own)):
            k, j = own[n], own[n - 1]
            if (
                k > j + 1
                and not any(lines[x - 1].strip() for x in range(j + 1, k))
                and not kept_by_rule(
                    lines[own[n - 2] - 1] if n > 1 else "", lines[j - 1], lines[k - 1]
                )
            ):
                so_far = PostSoFar(
                    n, bool(quoted), False, paragraphs > 1, in_paragraph, number == 0
                )
                around = breaks.Paragraphs(
                    text(own[:n]), text(own[opened:n]), paragraph_from(own, n)
                )
                cues = breaks.break_cues(lines[j - 1], lines[k - 1], so_far, around)
                out.append(([float(v) for v in cues], False))
                paragraphs, in_paragraph, opened = paragraphs + 1, 0, n
            in_paragraph += 1
        previous = (
            lines[own[-2] - 1] if len(own) > 1 else "",
            lines[own[-1] - 1],
            PostSoFar(len(own), bool(quoted), False, paragraphs > 1, in_paragraph, number == 0),
            text(own),
            text(own[opened:]),
        )
    return out


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a x = b by Gaussian elimination with partial pivoting (a is small and dense)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if not m[col][col]:
            continue
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        if m[r][r]:
            x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def fit(data: list[Example], l2: float = 1.0, rounds: int = 15) -> list[float]:
    """Logistic regression weights (the first cue is the bias and is not penalised)."""
    d = len(breaks.CUES)
    w = [0.0] * d
    for _ in range(rounds):
        grad = [l2 * w[j] * (j > 0) for j in range(d)]
        hess = [[l2 * (i == j and i > 0) + 1e-9 * (i == j) for j in range(d)] for i in range(d)]
        for x, y in data:
            z = sum(a * b for a, b in zip(w, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            r, s = p - y, p * (1.0 - p)
            for i in range(d):
                if x[i]:
                    grad[i] += r * x[i]
                    for j in range(i, d):
                        if x[j]:
                            hess[i][j] += s * x[i] * x[j]
        for i in range(d):
            for j in range(i):
                hess[i][j] = hess[j][i]
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(v) for v in step) < 1e-6:
            break
    return w


def best_threshold(weights: list[float], data: list[Example]) -> float:
    """The probability threshold with the best F1 for post breaks on `data`."""
    scored = [
        (1.0 / (1.0 + math.exp(-sum(a * b for a, b in zip(weights, x, strict=True)))), y)
        for x, y in data
    ]
    positives = sum(y for _, y in scored)
    best = (0.0, 0.5)
    for t in (k / 40 for k in range(2, 39)):
        tp = sum(1 for p, y in scored if p >= t and y)
        predicted = sum(1 for p, _ in scored if p >= t)
        f = 2 * tp / (predicted + positives) if predicted + positives else 0.0
        best = max(best, (f, t))
    return best[1]


def auc(weights: list[float], data: list[Example]) -> float:
    """How often a post break is scored above a paragraph break inside a post."""
    scored = sorted((sum(a * b for a, b in zip(weights, x, strict=True)), y) for x, y in data)
    positives = sum(y for _, y in scored)
    negatives = len(scored) - positives
    if not positives or not negatives:
        return float("nan")
    wins, below = 0.0, 0
    for _, y in scored:
        if y:
            wins += below
        else:
            below += 1
    return wins / (positives * negatives)


def threads(folders: list[Path]) -> list[tuple[str, Path, dict]]:
    out = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            truth_path = path.with_suffix(".expected.toml")
            if truth_path.exists():
                parts = path.name.split(".")
                layout = parts[1] if len(parts) > 2 else folder.name
                out.append((layout, path, tomllib.loads(truth_path.read_text(encoding="utf-8"))))
    return out


def fitted_model(items: list[tuple[str, Path, dict]], l2: float = 1.0) -> tuple[list[float], float]:
    debates = threads([SHARED / "datasets" / "iac"])
    debates = [item for item in debates if item[1].name.endswith(".bare.txt")]
    data = [e for _, path, truth in items + debates for e in examples(path, truth)]
    weights = fit(data, l2)
    return weights, best_threshold(weights, data)


def install_model(
    items: list[tuple[str, Path, dict]], l2: float = 1.0
) -> tuple[list[float], float]:
    """Fit the model on `items` and install it."""
    weights, threshold = fitted_model(items, l2)
    breaks.WEIGHTS.update(zip(breaks.CUES, weights, strict=True))
    breaks.THRESHOLD = threshold
    return weights, threshold


@contextmanager
def flat_fit(items: list[tuple[str, Path, dict]]) -> Iterator[None]:
    """The model of `parsing.breaks` fitted on `items`, installed while the block runs."""
    saved = dict(breaks.WEIGHTS), breaks.THRESHOLD
    install_model(items)
    try:
        yield
    finally:
        breaks.WEIGHTS.clear()
        breaks.WEIGHTS.update(saved[0])
        breaks.THRESHOLD = saved[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--write", action="store_true", help="write the fit into breaks.py")
    args = parser.parse_args(argv)
    items = threads(args.dirs or [SHARED / "datasets" / "flat"])
    layouts = sorted({layout for layout, _, _ in items})
    for layout in layouts:
        others = [item for item in items if item[0] != layout]
        held = [e for _, p, t in items if _ == layout for e in examples(p, t)]
        weights, _ = fitted_model(others, args.l2)
        print(f"AUC on {layout}, fitted without it: {auc(weights, held):.3f}", file=sys.stderr)
    weights, threshold = install_model(items, args.l2)
    table = "WEIGHTS: dict[str, float] = {\n"
    table += "".join(
        f'    "{name}": {weight:.2f},\n' for name, weight in zip(breaks.CUES, weights, strict=True)
    )
    table += "}"
    print(table)
    print(f"THRESHOLD = {threshold:.3f}")
    if args.write:
        write_model(Path(breaks.__file__), table, threshold)
    return 0


def write_model(path: Path, table: str, threshold: float) -> None:
    """Replace the WEIGHTS table and THRESHOLD in `parsing/breaks.py` with a new fit."""
    source = path.read_text(encoding="utf-8")
    start = source.index("WEIGHTS: dict[str, float] = {")
    end = source.index("}", start) + 1
    source = source[:start] + table + source[end:]
    source = re.sub(r"^THRESHOLD = [0-9.]+$", f"THRESHOLD = {threshold:.3f}", source, flags=re.M)
    path.write_text(source, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
