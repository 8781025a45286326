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
import sys
from array import array
from collections.abc import Iterable
from functools import cache
from importlib import resources
from itertools import chain, repeat
from typing import NamedTuple

LABELS: tuple[str, str, str] = ("claim", "premise", "none")
"""What the model tells apart. A premise splits into `evidence` (a cue names checkable
backing) and `reason` (grounds with nothing checkable) in scoring.roles."""

WEIGHTS = "roles.weights.gz"
FORMAT = 2
MAX_FEATURES = 250
"""Features used from one sentence: keeps each packed 16-bit sum from overflowing."""

_URL = re.compile(r"(?:https?://|www\.)\S+")


def _token_table() -> dict[int, str | None]:
    """What each character becomes in a token stream: letters stay, digits become `0`, the
    telling marks ? ! % $ " stand alone, apostrophes vanish ("don't" -> `dont`), every other
    ASCII character and the common typographic marks split words."""
    table: dict[int, str | None] = {i: " " for i in range(128) if not chr(i).isalpha()}
    table.update({ord(d): "0" for d in "0123456789"})
    table.update({ord(m): f" {m} " for m in '?!%$"'})
    table.update({ord(q): ' " ' for q in "“”«»"})
    table.update({ord(q): None for q in "'‘’"})
    table.update({ord(d): " " for d in "…–—\u00a0"})
    return table


_TABLE = str.maketrans(_token_table())


def _ascii_table() -> tuple[bytes, tuple[tuple[bytes, bytes], ...]]:
    """`_TABLE` for ASCII text as `bytes.translate` takes it: every character that stays one
    character (apostrophes are deleted apart), and the marks that stand alone, to be spaced."""
    table = bytearray(range(256))
    marks = []
    for i in range(128):
        to = _TABLE.get(i, chr(i))
        if to is None:
            continue
        if len(to) == 1:
            table[i] = ord(to)
        else:  # " ? ": kept in the bytes, then spaced
            marks.append((chr(i).encode(), to.encode()))
    return bytes(table), tuple(marks)


_ASCII, _MARKS = _ascii_table()
_DELETED = bytes(i for i in range(128) if _TABLE.get(i, "") is None)


def tokens(text: str) -> list[str]:
    """Lower-cased words, digits as `0` (a year is `0000`), a link as `url`, and the telling
    marks ? ! % $ ". One translation and a split: cheap enough for every sentence (ASCII
    text, most sentences, through `bytes.translate`: the character map's tokens, sooner)."""
    low = text.lower()
    if "http" in low or "www." in low:
        low = _URL.sub(" url ", low)
    if not low.isascii():
        return low.translate(_TABLE).split()
    raw = low.encode().translate(_ASCII, _DELETED)
    for mark, spaced in _MARKS:
        if mark in raw:
            raw = raw.replace(mark, spaced)
    return raw.decode().split()


_APART = "\x1c"
"""Between the texts `tokens_of` reads at once: whitespace to `re` (a link ends at it) and to
`str.split`, and kept by `_ASCII_APART`. Forum text does not hold it (where a text does, each
is read alone)."""


def _apart_table() -> bytes:
    table = bytearray(_ASCII)
    table[ord(_APART)] = ord(_APART)
    return bytes(table)


_ASCII_APART = _apart_table()


def tokens_of(texts: list[str]) -> list[list[str]]:
    """`[tokens(text) for text in texts]`, the ASCII texts read in one pass over them joined
    (the scorer reads every sentence of a post: one lower-casing and one translation for the
    post, not one per sentence). Texts with other characters are read one by one, as
    `str.lower` of a joined text may differ there."""
    joined = _APART.join(texts)
    if joined.count(_APART) != len(texts) - 1:
        return [tokens(text) for text in texts]
    if not joined.isascii():
        plain = [text for text in texts if text.isascii()]
        read = iter(tokens_of(plain)) if plain else iter(())
        return [next(read) if text.isascii() else tokens(text) for text in texts]
    low = joined.lower()
    if "http" in low or "www." in low:
        low = _URL.sub(" url ", low)
    raw = low.encode().translate(_ASCII_APART, _DELETED)
    for mark, spaced in _MARKS:
        if mark in raw:
            raw = raw.replace(mark, spaced)
    return [part.split() for part in raw.decode().split(_APART)]


def features(text: str, signals: Iterable[str] = ()) -> list[str]:
    """The sentence's features: bigrams (the first one after `<s>`), unigrams, then `signals`
    (what training fits on; `Model.judge` scores the same features without building them)."""
    words = tokens(text)
    grams = [a + " " + b for a, b in zip(["<s>", *words], words, strict=False)]
    grams += words
    grams += signals
    return grams if len(grams) <= MAX_FEATURES else grams[:MAX_FEATURES]


Key = str | tuple[str, str]
"""A feature as the model looks it up: a bigram "a b" as the pair (a, b), so a sentence's
bigrams are looked up straight from `zip` without building their strings."""


def _key(gram: str) -> Key:
    a, space, b = gram.partition(" ")
    return (a, b) if space else gram


class Verdict(NamedTuple):
    """The model's label for one sentence, how sure it is, and the features behind it."""

    label: str
    margin: float
    """Score of the label minus the runner-up's (logits): near 0 is a close call."""
    arguing: float = 0.0
    """How much more the sentence argues than not: max(claim, premise) - none (logits)."""
    grounding: float = 0.0
    """How much more it gives grounds than claims: premise - claim (logits)."""


_LANE = 0xFFFF
_OFFSET = 128
"""Each int8 weight is kept as weight + 128 (0..255) in its own 16-bit lane, so lanes never
borrow from each other: a sum of at most MAX_FEATURES of them still fits its lane."""


_START = ("<s>",)
_new_verdict = tuple.__new__
"""Builds a Verdict from its four values without the named tuple's Python-level `__new__`."""


def _unpack(total: int) -> tuple[int, int, int]:
    """Three signed sums from one packed sum of weights: the fourth lane counts the features
    summed, which says how many offsets to take off each lane (see Model)."""
    off = _OFFSET * (total >> 48)
    return (total & _LANE) - off, (total >> 16 & _LANE) - off, (total >> 32 & _LANE) - off


class Model:
    """Int8 weights by feature, packed in one integer of four 16-bit lanes (w0 + 128,
    w1 + 128, w2 + 128, 1: see `pack`), so a sentence's three scores are one sum of look-ups;
    a bias in the same units, and the scale that turns the units back into logits."""

    def __init__(self, weights: dict[Key, int], bias: tuple[int, int, int], scale: float) -> None:
        self.weights = weights
        self.bias = bias
        self.scale = scale

    def scores(self, grams: list[str]) -> tuple[int, int, int]:
        """Each label's score in weight units (bias included)."""
        a, b, c = _unpack(sum(map(self.weights.get, map(_key, grams), repeat(0))))
        return a + self.bias[0], b + self.bias[1], c + self.bias[2]

    def predict(self, grams: list[str]) -> Verdict:
        """The best label and its margin over the runner-up, in logits."""
        return self._verdict(sum(map(self.weights.get, map(_key, grams), repeat(0))))

    def judge(self, text: str, signals: list[str], words: list[str] | None = None) -> Verdict:
        """`predict(features(text, signals))`, without building the bigram strings: the
        scorer's path, run for most sentences of every thread (one sum of look-ups); `words`
        are `tokens(text)` where the caller has them (`tokens_of`)."""
        if words is None:
            words = tokens(text)
        if 2 * len(words) + len(signals) > MAX_FEATURES:
            return self.predict(features(text, signals))
        grams = chain(zip(chain(_START, words), words, strict=False), words, signals)
        return self._verdict(sum(map(self.weights.get, grams, repeat(0))))

    def _verdict(self, total: int) -> Verdict:
        off = _OFFSET * (total >> 48)  # `_unpack`, inline: this runs for every sentence
        a = (total & _LANE) - off + self.bias[0]
        b = (total >> 16 & _LANE) - off + self.bias[1]
        c = (total >> 32 & _LANE) - off + self.bias[2]
        # The first of equal scores wins, as max() over the labels would pick it.
        k = self.scale
        arguing, grounding = (max(a, b) - c) * k, (b - a) * k
        if a >= b and a >= c:
            return _new_verdict(Verdict, (LABELS[0], (a - max(b, c)) * k, arguing, grounding))
        if b >= c:
            return _new_verdict(Verdict, (LABELS[1], (b - max(a, c)) * k, arguing, grounding))
        return _new_verdict(Verdict, (LABELS[2], (c - max(a, b)) * k, arguing, grounding))

    def weighed(self, grams: list[str], label: str, limit: int = 3) -> list[str]:
        """The features that pushed hardest toward `label` against the other two labels."""
        k = LABELS.index(label)
        pushes: dict[str, int] = {}
        for gram in grams:
            packed = self.weights.get(_key(gram))
            if packed is None:
                continue
            w = _unpack(packed)
            push = 3 * w[k] - sum(w)
            pushes[gram] = pushes.get(gram, 0) + push
        ranked = sorted(pushes.items(), key=lambda kv: (-kv[1], kv[0]))
        return [g for g, push in ranked[:limit] if push > 0]


def pack(w: tuple[int, int, int]) -> int:
    """One integer holding three int8 weights and a count of one (see Model)."""
    return (w[0] + _OFFSET) | (w[1] + _OFFSET) << 16 | (w[2] + _OFFSET) << 32 | 1 << 48


def _is_pair(name: str) -> bool:
    return " " in name


def encode(weights: dict[str, tuple[int, int, int]], bias: list[int], scale: float) -> bytes:
    """The weights file: a JSON header line, the single features then the bigrams one a line,
    then three int8 columns. Gzipped with no timestamp, so the same weights give the same
    bytes."""
    singles = sorted(g for g in weights if not _is_pair(g))
    names = singles + sorted(g for g in weights if _is_pair(g))
    head = {
        "format": FORMAT,
        "labels": LABELS,
        "scale": scale,
        "bias": bias,
        "singles": len(singles),
        "n": len(names),
    }
    columns = b"".join(array("b", [weights[g][k] for g in names]).tobytes() for k in range(3))
    body = (json.dumps(head) + "\n" + "\n".join(names) + "\n").encode() + columns
    return gzip.compress(body, compresslevel=9, mtime=0)


_UNSIGNED = bytes((i + _OFFSET) & 0xFF for i in range(256))
"""An int8's byte to the byte of the int8 + 128."""


def decode(blob: bytes) -> Model:
    """A Model from the weights file's bytes. Built with C-level steps only (byte slices, one
    array, zip): the reader loads it while the user reads."""
    raw = gzip.decompress(blob)
    head_end = raw.index(b"\n")
    head = json.loads(raw[:head_end])
    if head.get("format") != FORMAT or tuple(head.get("labels", ())) != LABELS:
        raise ValueError("weights file of another format")
    n, singles = head["n"], head["singles"]
    text_end = len(raw) - 3 * n
    names = raw[head_end + 1 : text_end - 1].decode().split("\n") if n else []
    flat = " ".join(names[singles:]).split(" ") if n > singles else []
    keys: list[Key] = [*names[:singles], *zip(flat[0::2], flat[1::2], strict=True)]
    lanes = bytearray(8 * n)
    for k in range(3):
        lanes[2 * k :: 8] = raw[text_end + k * n : text_end + (k + 1) * n].translate(_UNSIGNED)
    lanes[6::8] = b"\x01" * n
    packed = array("Q", lanes)
    if sys.byteorder == "big":
        packed.byteswap()
    bias = head["bias"]
    return Model(dict(zip(keys, packed, strict=True)), (bias[0], bias[1], bias[2]), head["scale"])


@cache
def model() -> Model:
    """The shipped model, read once on first use."""
    return decode(resources.files("scoring").joinpath(WEIGHTS).read_bytes())
