"""Fit the sentence model (claim / premise / none) and write the weights the scorer ships.

Run (numpy and scikit-learn come with `pip install -e '.[train]'`; never needed at run time):

    .venv/bin/python training/train_roles.py --ibm ../shared/datasets/ibm \\
        --forum FILE [--forum FILE ...] --out scoring/roles.weights.gz

Only corpora whose licences allow shipping derived weights in the package are trained on
(docs/scoring.md, "Training" and "Licences"); the essays and microtexts are read by
training/loco.py as held-out test corpora only. Deterministic: the same data gives the same
bytes (sorted features, a fixed solver, no random state, gzip without a timestamp), which
`--check` verifies against the shipped file.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import Item, load_all, three_way

from scoring.learned import LABELS, Model, decode, encode
from scoring.roles import sentence_features

C = 0.5
"""Inverse regularisation strength; chosen by leave-one-corpus-out on the training corpora."""
MIN_COUNT = 4
"""A feature must occur in this many training sentences to get a weight: 4 ships 25,440
features in 152 KB (3: 32,686 in 191 KB) at the same leave-one-corpus-out figures on the
training corpora (essays 0.353 / 0.351, microtexts 0.255 / 0.255, ibm 0.707 / 0.708,
forum-train 0.529 / 0.531); the forum test split played no part."""
CLIP_QUANTILE = 0.999
"""Weights are scaled so this quantile of |w| maps to 127 (the few larger ones are clipped)."""


def trainable(items: list[Item]) -> list[Item]:
    """Sentences the model learns from: challenges are the rules' job, not the model's."""
    return [i for i in items if i.label != "challenge" and i.text.strip()]


ABSENT = -1000.0
"""The bias (logits) of a label no training sentence has: it never wins."""


def _three_rows(
    coef: np.ndarray, intercept: np.ndarray, classes: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """One weight row and bias per label of LABELS, whatever labels the data had: a model
    fitted on two labels (a corpus without `none`, held out by loco.py) splits its one row
    between them, as a multinomial model of the two would, and the third never wins."""
    if len(classes) == len(LABELS):
        return coef, intercept
    w = np.zeros((len(LABELS), coef.shape[1]))
    b = np.full(len(LABELS), ABSENT)
    if len(classes) == 2:
        w[classes[0]], w[classes[1]] = -coef[0] / 2, coef[0] / 2
        b[classes[0]], b[classes[1]] = -intercept[0] / 2, intercept[0] / 2
    return w, b


def fit(items: list[Item]) -> bytes:
    """The weights file for a model fitted on `items` (each corpus weighs the same in total)."""
    items = trainable(items)
    grams = [sentence_features(i.text) for i in items]
    counts: Counter[str] = Counter()
    for g in grams:
        counts.update(set(g))
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: k for k, f in enumerate(names)}
    rows, cols, vals = [], [], []
    for r, g in enumerate(grams):
        for f, n in Counter(x for x in g if x in index).items():
            rows.append(r)
            cols.append(index[f])
            vals.append(float(n))
    x = csr_matrix((vals, (rows, cols)), shape=(len(items), len(names)))
    y = np.array([LABELS.index(three_way(i.label)) for i in items])
    per_corpus = Counter(i.corpus for i in items)
    weights = np.array([len(items) / (len(per_corpus) * per_corpus[i.corpus]) for i in items])
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    clf.fit(x, y, sample_weight=weights)
    w, intercept = _three_rows(clf.coef_, clf.intercept_, clf.classes_)
    scale = float(np.quantile(np.abs(w[w != 0]), CLIP_QUANTILE)) / 127
    q = np.clip(np.rint(w / scale), -127, 127).astype(int)
    kept = {
        names[k]: (int(q[0, k]), int(q[1, k]), int(q[2, k]))
        for k in range(len(names))
        if q[:, k].any()
    }
    bias = [round(float(b) / scale) for b in intercept]
    return encode(kept, bias, round(scale, 8))


def train_model(items: list[Item]) -> Model:
    """A model fitted on `items`, as the scorer would load it."""
    return decode(fit(items))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ibm", type=Path)
    parser.add_argument("--forum", type=Path, action="append", default=[])
    parser.add_argument("--out", type=Path, default=Path("scoring/roles.weights.gz"))
    parser.add_argument("--check", action="store_true", help="compare with --out, write nothing")
    args = parser.parse_args()
    items = load_all(None, None, args.ibm, args.forum)
    print(f"{len(items)} sentences: {dict(Counter(i.corpus for i in items))}")
    blob = fit(items)
    model = decode(blob)
    print(f"{len(model.weights)} features, {len(blob):,} bytes gzipped")
    if args.check:
        same = args.out.read_bytes() == blob
        print("identical to the shipped weights" if same else "DIFFERS from the shipped weights")
        return 0 if same else 1
    args.out.write_bytes(blob)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
