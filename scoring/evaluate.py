"""Measure the scorer against labelled sentences or posts: precision, recall, F1, confusion.

Data are JSON lines `{"text": ..., "label": ...}`. Labels the data does not use are mapped
first (`--map reason=premise,evidence=premise`), with a default read off the data's own labels
(DEFAULT_MAPS): sentence data that says `premise` gets reason and evidence as premise, sentence
data without `reason` (written before reasons had a role) gets reason as claim, and post data
without `reasoned` gets reasoned as asserted. A predicted label the data still never uses (the
scorer says "claim" on a set labelled only evidence/none) counts as the data's "none" (or
"non-argument" for posts), so a set that does not separate claims from background is not
penalised for that distinction. Macro-F1 averages over the labels the data uses.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from parsing.errors import ThreadscoreError
from parsing.models import Post
from scoring.models import ROLES, VERDICTS
from scoring.roles import score_sentence
from scoring.verdicts import score_post

Level = Literal["sentence", "post"]

LABELS: dict[str, tuple[str, ...]] = {"sentence": (*ROLES, "premise"), "post": VERDICTS}
"""Labels data may use; `premise` is what argument corpora call reason and evidence alike."""
FALLBACK = {"sentence": "none", "post": "non-argument"}


def parse_map(text: str) -> dict[str, str]:
    """`reason=premise,evidence=premise` as a dict; a malformed pair is one clear error."""
    mapping: dict[str, str] = {}
    for pair in filter(None, (p.strip() for p in text.split(","))):
        source, sep, target = pair.partition("=")
        if not sep or not source.strip() or not target.strip():
            raise ThreadscoreError(f"--map: {pair!r} is not LABEL=LABEL")
        mapping[source.strip()] = target.strip()
    return mapping


def default_map(used: set[str], level: Level) -> dict[str, str]:
    """The mapping used when none is given, read off the labels the data uses."""
    if level == "sentence":
        if "premise" in used:
            return {"reason": "premise", "evidence": "premise"}
        return {} if "reason" in used else {"reason": "claim"}
    return {} if "reasoned" in used else {"reasoned": "asserted"}


@dataclass(frozen=True)
class Example:
    """One labelled line of the data file."""

    line: int
    text: str
    label: str
    opener: bool = False
    """A post that opens its thread (`"opener": true` in the data): its questions open a
    discussion rather than challenge another poster. A post the data says nothing about is
    read as a reply, as most posts of a thread are."""


def read_examples(path: str | Path, level: Level, also: Iterable[str] = ()) -> list[Example]:
    """Read a JSON-lines file; any bad line is one error naming the file and the line.
    `also`: labels allowed besides the level's own (the targets of a --map)."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ThreadscoreError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ThreadscoreError(f"{path}: cannot read: {exc}") from exc
    allowed = (*LABELS[level], *also)
    out = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ThreadscoreError(f"{where}: not valid JSON ({exc.msg})") from exc
        except RecursionError as exc:
            raise ThreadscoreError(f"{where}: JSON nested too deeply") from exc
        if not isinstance(item, dict):
            raise ThreadscoreError(f"{where}: expected an object with 'text' and 'label'")
        text, label = item.get("text"), item.get("label")
        if not isinstance(text, str) or not isinstance(label, str):
            raise ThreadscoreError(f"{where}: 'text' and 'label' must both be strings")
        if label not in allowed:
            other: Level = "post" if level == "sentence" else "sentence"
            hint = f"; it is a {other} label: use --level {other}"
            raise ThreadscoreError(
                f"{where}: label {label!r} is not a {level} label ({', '.join(allowed)})"
                + (hint if label in LABELS[other] else "")
            )
        opener = item.get("opener", False)
        if not isinstance(opener, bool):
            raise ThreadscoreError(f"{where}: 'opener' must be true or false")
        out.append(Example(number, text, label, opener))
    if not out:
        raise ThreadscoreError(f"{path}: no labelled lines")
    return out


def predict(text: str, level: Level, opener: bool = False) -> str:
    """The scorer's label for one sentence (its role) or one post (its verdict): a post as
    its thread's first post (`opener`) or as a reply, which is what the scorer is told of
    every post of a thread (a reply's open questions are put to the posters it answers)."""
    if level == "sentence":
        return score_sentence(text.strip()).role
    return score_post(Post(number=1 if opener else 2, id="eval", body=text)).verdict


def metrics(gold: list[str], pred: list[str], fallback: str) -> dict[str, Any]:
    """Per-label P/R/F1 over the labels the data uses, macro-F1, accuracy and confusion."""
    labels = sorted(set(gold))
    pred = [p if p in labels else fallback for p in pred]
    columns = sorted(set(labels) | set(pred))
    confusion = Counter(zip(gold, pred, strict=True))
    per_label = {}
    for label in labels:
        tp = confusion[(label, label)]
        npred = sum(p == label for p in pred)
        ntrue = sum(g == label for g in gold)
        precision = tp / npred if npred else 0.0
        recall = tp / ntrue if ntrue else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "support": ntrue,
        }
    macro = sum(v["f1"] for v in per_label.values()) / len(per_label)
    return {
        "n": len(gold),
        "labels": labels,
        "macro_f1": round(macro, 3),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 3),
        "per_label": per_label,
        "confusion": {g: {p: confusion[(g, p)] for p in columns} for g in labels},
    }


def evaluate(
    examples: Iterable[Example], level: Level, mapping: dict[str, str] | None = None
) -> dict[str, Any]:
    """Score every example and compare with its label, both mapped by `mapping` (or the
    default for the data's labels)."""
    examples = list(examples)
    if mapping is None:
        mapping = default_map({e.label for e in examples}, level)
    gold = [mapping.get(e.label, e.label) for e in examples]
    pred = [mapping.get(p, p) for p in (predict(e.text, level, e.opener) for e in examples)]
    result = metrics(gold, pred, FALLBACK[level])
    result["level"] = level
    result["map"] = mapping
    if level == "post":
        openers = sum(e.opener for e in examples)
        result["read_as"] = {"replies": len(examples) - openers, "openers": openers}
    return result


def format_report(result: dict[str, Any]) -> str:
    """The readable report `threadscore evaluate` prints."""
    labels = result["labels"]
    mapping = result.get("map", {})
    columns = list(next(iter(result["confusion"].values())).keys())
    width = max(12, *(len(c) + 2 for c in columns))
    out = [
        f"{result['n']} {result['level']}s, macro-F1 {result['macro_f1']:.3f}, "
        f"accuracy {result['accuracy']:.3f}",
        "mapped: " + (", ".join(f"{a}={b}" for a, b in mapping.items()) or "nothing"),
    ]
    if "read_as" in result:
        read_as = result["read_as"]
        out.append(
            f"read as replies: {read_as['replies']}, as thread openers: {read_as['openers']}"
            ' (a line with "opener": true is its thread\'s first post)'
        )
    out += [
        "",
        f"{'label':<14}{'precision':>10}{'recall':>10}{'f1':>8}{'support':>9}",
    ]
    for label in labels:
        m = result["per_label"][label]
        out.append(
            f"{label:<14}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>8.3f}"
            f"{m['support']:>9}"
        )
    out += ["", "confusion (rows: label, columns: predicted)"]
    out.append(f"{'':<14}" + "".join(f"{c:>{width}}" for c in columns))
    for label in labels:
        row = result["confusion"][label]
        out.append(f"{label:<14}" + "".join(f"{row[c]:>{width}}" for c in columns))
    return "\n".join(out)
