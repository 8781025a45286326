"""Fit the numbers by which a post's verdict weighs its sentences (scoring.verdicts.Fit).

Run: `.venv/bin/python training/fit_verdicts.py POSTS.jsonl [--check]`, where POSTS holds
hand-labelled forum posts (`{"text": ..., "label": VERDICT}` a line; the guideline is in
docs/scoring.md, "Post verdicts"). Give it the dev half only: the test half is for measuring.
Each post is scored once (sentence roles, cues and the model's votes); then every Fit on a
fixed grid chooses the verdicts, and the Fit with the best macro-F1 (then accuracy, then the
earliest on the grid) wins. Deterministic: the same posts give the same numbers, which
`--check` compares with the shipped `FIT`.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring.evaluate import metrics, read_examples
from scoring.roles import voted_sentences
from scoring.verdicts import FIT, Counts, Fit, choose, count

GRID = {
    "arguing": [-99.0, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0],
    "grounding": [99.0, 2.0, 1.5, 1.0, 0.5, 0.0, -0.5, -1.0],
    "open_questions": [0.0, 0.5, 1.0],
    "challenge_share": [1.0, 0.5, 1.5, 2.0],
}
"""Where each number is looked for; the first value of each is the scorer without it."""


def counted(text: str) -> Counts:
    """A post's counts, as score_post makes them for a reply without quotes (the posts are
    drawn from replies: sample_posts.py skips each discussion's first post)."""
    sentences, votes = voted_sentences(text)
    return count(sentences, [], votes, reply=True)


def best(posts: list[Counts], gold: list[str]) -> tuple[Fit, dict[str, object]]:
    """The Fit on GRID with the best macro-F1 (then accuracy; the earliest on ties)."""
    top: tuple[float, float] = (-1.0, -1.0)
    found = FIT
    result: dict[str, object] = {}
    for values in itertools.product(*GRID.values()):
        fit = Fit(*values)
        scored = metrics(gold, [choose(c, fit) for c in posts], "non-argument")
        key = (scored["macro_f1"], scored["accuracy"])
        if key > top:
            top, found, result = key, fit, scored
    return found, result


FOLDS = 5


def cross_checked(posts: list[Counts], gold: list[str]) -> float:
    """Macro-F1 of fits made without each fifth of the posts, on that fifth (every post is one
    discussion, so no fold shares a discussion with the posts it was fitted on): how much of
    the fitted figure is the fit learning these posts by heart."""
    pred = [""] * len(posts)
    for fold in range(FOLDS):
        held = [i for i in range(len(posts)) if i % FOLDS == fold]
        kept = [i for i in range(len(posts)) if i % FOLDS != fold]
        fit, _ = best([posts[i] for i in kept], [gold[i] for i in kept])
        for i in held:
            pred[i] = choose(posts[i], fit)
    return float(metrics(gold, pred, "non-argument")["macro_f1"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("posts", type=Path)
    parser.add_argument("--check", action="store_true", help="compare with the shipped FIT")
    args = parser.parse_args()
    examples = read_examples(args.posts, "post")
    posts = [counted(e.text) for e in examples]
    gold = [e.label for e in examples]
    shipped = metrics(gold, [choose(c, FIT) for c in posts], "non-argument")
    fit, result = best(posts, gold)
    print(f"{len(posts)} posts; shipped {FIT}: macro-F1 {shipped['macro_f1']:.3f}")
    print(f"fitted  {fit}: macro-F1 {result['macro_f1']:.3f}, accuracy {result['accuracy']:.3f}")
    print(f"{FOLDS}-fold cross-checked macro-F1 of the fitting: {cross_checked(posts, gold):.3f}")
    if args.check:
        same = fit == FIT
        print("the shipped FIT is the fitted one" if same else "the shipped FIT DIFFERS")
        return 0 if same else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
