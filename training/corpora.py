"""Read public argument corpora into labelled sentences: one shape for training and evaluation.

Every reader returns `Item`s: a sentence, its role label in the corpus' own terms mapped to
ours (`claim`, `reason`, `evidence`, `premise` where a corpus does not tell reasons from
evidence, `challenge`, `none`), the corpus name (for leave-one-corpus-out) and a group (the
essay, text, topic or discussion it comes from, so splits never cut a document in two).

The corpora are read from folders given on the command line (see docs/scoring.md, "Training"):
nothing of them is in the repository.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

PREMISES = frozenset({"reason", "evidence", "premise"})


@dataclass(frozen=True)
class Item:
    """One labelled sentence."""

    text: str
    label: str
    corpus: str
    group: str


def three_way(label: str) -> str:
    """claim / premise / none: what every corpus can be compared on (challenge counts as none
    for corpora that never label it; the rules, not the model, find challenges)."""
    if label in PREMISES:
        return "premise"
    return label if label in ("claim", "none") else "none"


_DETOK = [
    (re.compile(r" ([.,;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$]) "), r"\1"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b"), r"\1"),
    (re.compile(r" ' (s|t|re|ve|ll|d|m)\b"), r"'\1"),
    (re.compile(r"`` | ''"), '"'),
]


def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text


def _essay_sentence_label(tags: list[str]) -> str:
    """The component covering most of a sentence's tokens, if components cover a third of it
    (a sentence that only opens "I believe that" before its claim is still that claim)."""
    counts = {"claim": 0, "premise": 0}
    for tag in tags:
        if "Claim" in tag:
            counts["claim"] += 1
        elif "Premise" in tag:
            counts["premise"] += 1
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] * 3 >= len(tags) else "none"


def read_essays(folder: Path) -> list[Item]:
    """Persuasive Essays v2 (Stab & Gurevych 2017) in the CoNLL files of
    UKPLab/acl2017-neural_end2end_am, paragraph level: MajorClaim and Claim are claims,
    Premise is a premise (essays give reasons and examples alike), the rest none."""
    items: list[Item] = []
    for split in ("train", "dev", "test"):
        path = folder / "data" / "conll" / "Paragraph_Level" / f"{split}.dat"
        paragraph = 0
        tokens: list[str] = []
        tags: list[str] = []
        for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
            cols = line.split("\t") if line.strip() else []
            if cols:
                tokens.append(cols[1])
                tags.append(cols[-1])
            if tokens and (not cols or cols[1] in (".", "!", "?")):
                label = _essay_sentence_label(tags)
                group = f"{split}-{paragraph // 5}"
                items.append(Item(_detokenize(tokens), label, "essays", group))
                tokens, tags = [], []
            if not cols:
                paragraph += 1
    return items


def read_microtexts(folder: Path) -> list[Item]:
    """Argumentative microtexts part 1 (Peldszus & Stede 2016), English: the central claim
    (the argumentative unit that supports or attacks nothing) is the claim, every other unit a
    premise (a reason for or against)."""
    items: list[Item] = []
    for path in sorted((folder / "corpus" / "en").glob("*.xml")):
        root = ET.parse(path).getroot()
        edus = {e.get("id"): (e.text or "").strip() for e in root.iter("edu")}
        seg: dict[str, list[str]] = {}
        sources: set[str] = set()
        for edge in root.iter("edge"):
            src, trg, kind = edge.get("src"), edge.get("trg"), edge.get("type")
            if kind == "seg" and src is not None and trg is not None:
                seg.setdefault(trg, []).append(edus.get(src, ""))
            elif src is not None:
                sources.add(src)
        for adu in root.iter("adu"):
            aid = adu.get("id") or ""
            text = " ".join(t for t in seg.get(aid, []) if t)
            if text:
                label = "premise" if aid in sources else "claim"
                items.append(Item(text, label, "microtexts", path.stem))
    return items


def read_ibm(folder: Path) -> list[Item]:
    """IBM Debater sentences from ../shared/datasets/ibm: evidence sentences (evidence/none)
    and CE-EMNLP-2015 (claim/evidence); grouped by topic. The evidence set's negatives are
    left out: a model picked them as likely evidence and annotators said "not evidence for
    this topic", which is no label of their argumentative role (many are claims or premises
    of another point), so as `none` they would teach that a contentful statement argues
    nothing."""
    items: list[Item] = []
    names = [
        "evidence_sentences.train.jsonl",
        "evidence_sentences.test.jsonl",
        "claims_evidence_2015.jsonl",
    ]
    for name in names:
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row["label"] == "none":
                    continue
                items.append(Item(row["text"], row["label"], "ibm", str(row.get("topic", ""))))
    return items


def read_labelled(path: Path, corpus: str) -> list[Item]:
    """Sentences we labelled by the guideline in docs/scoring.md: JSON lines with text,
    label and group (the discussion)."""
    items: list[Item] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            items.append(Item(row["text"], row["label"], corpus, str(row.get("group", ""))))
    return items


def load_all(
    essays: Path | None,
    microtexts: Path | None,
    ibm: Path | None,
    forum: list[Path],
) -> list[Item]:
    """Every corpus given, in a fixed order (training is deterministic)."""
    items: list[Item] = []
    if essays is not None:
        items += read_essays(essays)
    if microtexts is not None:
        items += read_microtexts(microtexts)
    if ibm is not None:
        items += read_ibm(ibm)
    for path in forum:
        items += read_labelled(path, "forum")
    return items
