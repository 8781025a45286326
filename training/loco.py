"""Leave-one-corpus-out: how the hybrid scorer and the rules alone do on a corpus never trained on.

Run with the same corpus arguments as train_roles.py, plus `--forum-test FILE`, the held-out
forum sentences (other discussions than `--forum`), and optionally `--essays DIR` and
`--microtexts DIR`, corpora read for testing only (their licences do not allow shipping weights
derived from them: docs/scoring.md). For each training corpus, a model is trained on the other
ones and both scorers label the held-out corpus; each test-only corpus is labelled by a model
trained on all the training corpora. Macro-F1 is over claim / premise / none (premise = reason
+ evidence; a challenge counts as none) and over the labels the corpus uses. A last row trains
on everything but `--forum-test` and tests on it: the held-out forum figure.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import Item, load_all, read_labelled, three_way
from train_roles import train_model

from scoring.evaluate import metrics
from scoring.learned import Model
from scoring.roles import rules_role, sentence_role


def score(items: list[Item], model: Model | None) -> dict[str, float]:
    """Macro-F1 of the rules (model None) or the hybrid on `items`, three-way."""
    gold = [three_way(i.label) for i in items]
    if model is None:
        pred = [three_way(rules_role(i.text)) for i in items]
    else:
        pred = [three_way(sentence_role(i.text, model)) for i in items]
    return metrics(gold, pred, "none")


def row(name: str, test: list[Item], train: list[Item]) -> str:
    rules = score(test, None)
    hybrid = score(test, train_model(train))
    labels = "/".join(rules["labels"])
    return (
        f"{name:<12}{len(test):>7}  {labels:<22}{rules['macro_f1']:>8.3f}{hybrid['macro_f1']:>9.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--essays", type=Path)
    parser.add_argument("--microtexts", type=Path)
    parser.add_argument("--ibm", type=Path)
    parser.add_argument("--forum", type=Path, action="append", default=[])
    parser.add_argument("--forum-test", type=Path, required=True)
    parser.add_argument("--only", help="held-out corpus to run (default: all)")
    args = parser.parse_args()
    items = load_all(None, None, args.ibm, args.forum)
    test_only = load_all(args.essays, args.microtexts, None, [])
    forum_test = read_labelled(args.forum_test, "forum")
    print("macro-F1, claim / premise / none (labels the corpus uses)")
    print(f"{'held out':<12}{'n':>7}  {'labels':<22}{'rules':>8}{'hybrid':>9}")
    for corpus in dict.fromkeys(i.corpus for i in items):
        if args.only and corpus != args.only:
            continue
        test = [i for i in items if i.corpus == corpus]
        if corpus == "forum":
            test = test + forum_test
        train = [i for i in items if i.corpus != corpus]
        print(row(corpus, test, train), flush=True)
    for corpus in dict.fromkeys(i.corpus for i in test_only):
        if not args.only or args.only == corpus:
            test = [i for i in test_only if i.corpus == corpus]
            print(row(corpus, test, items), flush=True)
    if not args.only or args.only == "forum-test":
        print(row("forum-test", forum_test, items), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
