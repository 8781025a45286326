"""Fit the numbers by which a post's verdict weighs its sentences (scoring.verdicts.Fit).

Run: `.venv/bin/python training/fit_verdicts.py POSTS.jsonl [--ibm DIR --forum FILE ...]
[--check]`, where POSTS holds hand-labelled forum posts (`{"text": ..., "label": VERDICT,
"group": DISCUSSION}` a line; the guideline is in docs/scoring.md, "Post verdicts"). Give it the
dev half only: the test half is for measuring.

The sentence model is trained on forum sentences of these very posts, so its votes on them are
surer than on a thread it never saw, and numbers fitted to those votes would not hold on one.
Given the sentence model's corpora (as train_roles.py takes them), each post is scored by a
model trained without the sentences of its fifth of the discussions (FOLDS, by a hash of the
discussion id): the votes the fit sees are votes on unseen discussions. Without them the
shipped model scores the posts. Then every Fit on a fixed grid chooses the verdicts, and the
Fit with the best macro-F1 (then accuracy, then the earliest on the grid) wins.
Deterministic: the same data give the same numbers, which `--check` compares with `FIT`.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import roles
from scoring.evaluate import metrics, read_examples
from scoring.learned import Model
from scoring.roles import voted_sentences
from scoring.verdicts import FIT, Counts, Fit, choose, count

FOLDS = 5

GRID = {
    "arguing": [-99.0, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0],
    "grounding": [99.0, 2.0, 1.5, 1.0, 0.5, 0.0, -0.5, -1.0],
    "open_questions": [0.5, 1.0],
    "challenge_share": [1.0, 0.5, 1.5, 2.0],
}
"""Where each number is looked for; the first value of each is the scorer without it, except
open_questions: the guideline makes a reply that only asks a question put to nobody a challenge
("still questions the debate"), which a weight of 0 would make a non-argument."""


def counted(text: str, opener: bool = False) -> Counts:
    """A post's counts, as score_post makes them for a post without quotes: a reply unless
    the data say it opens its thread (sample_posts.py draws replies only)."""
    sentences, votes = voted_sentences(text)
    return count(sentences, [], votes, reply=not opener)


def fold(group: str) -> int:
    """The fifth of the discussions a post or sentence belongs to (fixed by its id alone)."""
    return hashlib.sha256(group.encode()).digest()[1] % FOLDS


def scored_by(learned: Model, texts: list[tuple[str, bool]]) -> list[Counts]:
    """Counts of each (text, opener) as the scorer makes them with `learned` as its model."""
    shipped = roles.model
    roles.model = lambda: learned
    try:
        return [counted(text, opener) for text, opener in texts]
    finally:
        roles.model = shipped


def cross_fitted(posts: Path, ibm: Path | None, forum: list[Path]) -> list[Counts]:
    """Each post's counts under a sentence model trained without its discussions' fold."""
    from corpora import load_all
    from train_roles import train_model

    rows = [json.loads(line) for line in posts.read_text(encoding="utf-8").splitlines() if line]
    items = load_all(None, None, ibm, forum)
    out: list[Counts | None] = [None] * len(rows)
    for k in range(FOLDS):
        learned = train_model([i for i in items if i.corpus != "forum" or fold(i.group) != k])
        held = [j for j, r in enumerate(rows) if fold(str(r.get("group", j))) == k]
        texts = [(rows[j]["text"], rows[j].get("opener", False) is True) for j in held]
        for j, counts in zip(held, scored_by(learned, texts), strict=True):
            out[j] = counts
    return [c for c in out if c is not None]


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


def cross_checked(posts: list[Counts], gold: list[str]) -> float:
    """Macro-F1 of fits made without each fifth of the posts, on that fifth (every post is one
    discussion, so no fold shares a discussion with the posts it was fitted on): how much of
    the fitted figure is the fit learning these posts by heart."""
    pred = [""] * len(posts)
    for k in range(FOLDS):
        held = [i for i in range(len(posts)) if i % FOLDS == k]
        kept = [i for i in range(len(posts)) if i % FOLDS != k]
        fit, _ = best([posts[i] for i in kept], [gold[i] for i in kept])
        for i in held:
            pred[i] = choose(posts[i], fit)
    return float(metrics(gold, pred, "non-argument")["macro_f1"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("posts", type=Path)
    parser.add_argument("--ibm", type=Path, help="the sentence model's corpora (train_roles.py)")
    parser.add_argument("--forum", type=Path, action="append", default=[])
    parser.add_argument("--check", action="store_true", help="compare with the shipped FIT")
    args = parser.parse_args()
    examples = read_examples(args.posts, "post")
    if args.ibm or args.forum:
        posts = cross_fitted(args.posts, args.ibm, args.forum)
        print("votes from sentence models that never saw the post's discussions")
    else:
        posts = [counted(e.text, e.opener) for e in examples]
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
