"""The learned sentence model: is a sentence a claim, a premise (grounds given) or neither?

A linear model over the sentence's word n-grams (unigrams, bigrams, the first word) and the cue
rules' signals (`#evidence`, `#ev:source`, `#reason`, `#question`, a length bucket, ...), trained
by `training/train_roles.py` on public argument corpora and hand-labelled forum sentences. The
weights ship as int8 beside this module (`roles.weights.gz`): the n-grams the training data
gave weight, a scale and a bias. Inference is pure Python and cheap: each label's int8 weights
are packed into one integer per n-gram, so a sentence's three scores are one C-level sum of
dictionary look-ups. The model loads on first use (a few milliseconds), not at import.

Same text and signals, same features, same answer: training imports `features` from here, so
the shipped weights are scored exactly as they were fitted.
"""

from __future__ import annotations

import gzip
import json
import re
from array import array
from collections.abc import Iterable
from functools import cache
from importlib import resources
from itertools import repeat
from typing import NamedTuple

LABELS: tuple[str, str, str] = ("claim", "premise", "none")
"""What the model tells apart. A premise splits into `evidence` (a cue names checkable
backing) and `reason` (grounds with nothing checkable) in scoring.roles."""

WEIGHTS = "roles.weights.gz"
FORMAT = 1
MAX_FEATURES = 250
"""Features used from one sentence: keeps each packed 16-bit sum from overflowing."""

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|0|[?!%$\"]|<url>")


def tokens(text: str) -> list[str]:
    """Lower-cased words, numbers as `0`, links as `<url>`, and the telling marks ? ! % $ "."""
    low = text.lower()
    if "http" in low or "www." in low:
        low = _URL.sub(" <url> ", low)
    return _TOKEN.findall(_NUMBER.sub("0", low))


def features(text: str, signals: Iterable[str] = ()) -> list[str]:
    """The sentence's features: unigrams, bigrams (the first one after `<s>`), then `signals`."""
    words = tokens(text)
    grams = [a + " " + b for a, b in zip(["<s>", *words], words, strict=False)]
    grams += words
    grams += signals
    return grams[:MAX_FEATURES]


class Verdict(NamedTuple):
    """The model's label for one sentence, how sure it is, and the features behind it."""

    label: str
    margin: float
    """Score of the label minus the runner-up's (logits): near 0 is a close call."""


def _unpack(total: int) -> tuple[int, int, int]:
    """Three signed 16-bit sums from one packed integer (see Model)."""
    a = ((total + 0x8000) & 0xFFFF) - 0x8000
    total = (total - a) >> 16
    b = ((total + 0x8000) & 0xFFFF) - 0x8000
    return a, b, (total - b) >> 16


class Model:
    """Int8 weights by feature, packed as w0 + w1 * 2**16 + w2 * 2**32 (each sum of at most
    MAX_FEATURES of them stays within 16 bits), a bias in the same units, and the scale that
    turns the units back into logits."""

    def __init__(self, weights: dict[str, int], bias: tuple[int, int, int], scale: float) -> None:
        self.weights = weights
        self.bias = bias
        self.scale = scale

    def scores(self, grams: list[str]) -> tuple[int, int, int]:
        """Each label's score in weight units (bias included)."""
        a, b, c = _unpack(sum(map(self.weights.get, grams, repeat(0))))
        return a + self.bias[0], b + self.bias[1], c + self.bias[2]

    def predict(self, grams: list[str]) -> Verdict:
        """The best label and its margin over the runner-up, in logits."""
        s = self.scores(grams)
        best = max(range(3), key=s.__getitem__)
        second = max(s[i] for i in range(3) if i != best)
        return Verdict(LABELS[best], (s[best] - second) * self.scale)

    def weighed(self, grams: list[str], label: str, limit: int = 3) -> list[str]:
        """The features that pushed hardest toward `label` against the other two labels."""
        k = LABELS.index(label)
        pushes: dict[str, int] = {}
        for gram in grams:
            packed = self.weights.get(gram)
            if packed is None:
                continue
            w = _unpack(packed)
            push = 3 * w[k] - sum(w)
            pushes[gram] = pushes.get(gram, 0) + push
        ranked = sorted(pushes.items(), key=lambda kv: (-kv[1], kv[0]))
        return [g for g, push in ranked[:limit] if push > 0]


def pack(w: tuple[int, int, int]) -> int:
    """One integer holding three int8 weights (see Model)."""
    return w[0] + (w[1] << 16) + (w[2] << 32)


def encode(weights: dict[str, tuple[int, int, int]], bias: list[int], scale: float) -> bytes:
    """The weights file: a JSON header line, the features one a line, then three int8 columns.
    Gzipped with no timestamp, so the same weights give the same bytes."""
    names = sorted(weights)
    head = {"format": FORMAT, "labels": LABELS, "scale": scale, "bias": bias, "n": len(names)}
    columns = b"".join(array("b", [weights[g][k] for g in names]).tobytes() for k in range(3))
    body = (json.dumps(head) + "\n" + "\n".join(names) + "\n").encode() + columns
    return gzip.compress(body, compresslevel=9, mtime=0)


def decode(blob: bytes) -> Model:
    """A Model from the weights file's bytes."""
    raw = gzip.decompress(blob)
    head_end = raw.index(b"\n")
    head = json.loads(raw[:head_end])
    if head.get("format") != FORMAT or tuple(head.get("labels", ())) != LABELS:
        raise ValueError("weights file of another format")
    n = head["n"]
    text_end = len(raw) - 3 * n
    names = raw[head_end + 1 : text_end - 1].decode().split("\n") if n else []
    cols = [array("b", raw[text_end + k * n : text_end + (k + 1) * n]) for k in range(3)]
    packed = [a + (b << 16) + (c << 32) for a, b, c in zip(*cols, strict=True)]
    bias = head["bias"]
    return Model(dict(zip(names, packed, strict=True)), (bias[0], bias[1], bias[2]), head["scale"])


@cache
def model() -> Model:
    """The shipped model, read once on first use."""
    return decode(resources.files("scoring").joinpath(WEIGHTS).read_bytes())
