"""Error census of the sentence roles on labelled forum posts: what reads a premise as a claim.

Run: `.venv/bin/python training/census.py POST_SENTENCES.jsonl --ibm DIR --forum FILE ...`,
where POST_SENTENCES holds labelled sentences of whole posts in order (`training/post_sentences.py
--labels`: text, label, group, post) and the corpora are train_roles.py's. Each sentence is
scored by a model trained without its fifth of the discussions (fit_verdicts.py's folds), so its
votes are votes on an unseen discussion. Prints the labels against the roles given, which path
decided each premise read as a claim (the model sure of claim; the model unsure and the rules'
"a statement of five words or more is a claim" default; a claim or reason cue), the cues found
in those sentences, and where each label stands in its post. Dev data only: the test posts are
never labelled at sentence level.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import load_all
from fit_verdicts import FOLDS, fold
from train_roles import train_model

from scoring.roles import CONFIDENT, _role, _rules_role, find_cues

ROLES = ("claim", "reason", "evidence", "challenge", "none")


def path_of(rules: str, vote_label: str | None, margin: float, cued: bool) -> str:
    """Which part of the scorer made a sentence a claim."""
    if vote_label is None:
        return "rules only (model not asked)"
    if margin >= CONFIDENT:
        return f"model sure: {vote_label}"
    if cued:
        return f"model unsure ({vote_label}), a claim or reason cue: rules say {rules}"
    return f"model unsure ({vote_label}), rules' length default: {rules}"


def place(k: int, n: int) -> str:
    return "only" if n == 1 else "first" if k == 0 else "last" if k == n - 1 else "middle"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sentences", type=Path)
    parser.add_argument("--ibm", type=Path)
    parser.add_argument("--forum", type=Path, action="append", default=[])
    args = parser.parse_args()
    rows = [json.loads(x) for x in args.sentences.read_text(encoding="utf-8").splitlines() if x]
    items = load_all(None, None, args.ibm, args.forum)
    roles: list[str] = [""] * len(rows)
    paths: list[str] = [""] * len(rows)
    cues: list[list[str]] = [[] for _ in rows]
    for k in range(FOLDS):
        learned = train_model([i for i in items if i.corpus != "forum" or fold(i.group) != k])
        for j, row in enumerate(rows):
            if fold(str(row.get("group", j))) != k:
                continue
            found = find_cues(row["text"], 0, True)
            rules = _rules_role(found, row["text"].count(" ") + 1)
            role, _, vote = _role(row["text"], found, learned)
            roles[j] = role
            cues[j] = [c.kind for c in found.cues]
            cued = found.thin or found.claimish
            paths[j] = path_of(rules, vote and vote.label, vote.margin if vote else 0.0, cued)
    print("labels (rows) against roles given (columns):", " ".join(ROLES))
    for label in ROLES:
        line = [
            sum(1 for r, g in zip(roles, rows, strict=True) if g["label"] == label and r == c)
            for c in ROLES
        ]
        print(f"  {label:<10}", " ".join(f"{n:>5}" for n in line))
    for label in ("reason", "evidence", "none"):
        wrong = [j for j, g in enumerate(rows) if g["label"] == label and roles[j] == "claim"]
        print(f"\n{label} read as claim ({len(wrong)}): what decided")
        for why, n in Counter(paths[j] for j in wrong).most_common():
            print(f"  {n:>4}  {why}")
        fired = Counter(kind for j in wrong for kind in cues[j])
        print("  cues in them:", ", ".join(f"{kind} {n}" for kind, n in fired.most_common(8)))
    posts: dict[str, list[int]] = {}
    for j, row in enumerate(rows):
        posts.setdefault(str(row.get("post", j)), []).append(j)
    at: Counter[tuple[str, str]] = Counter()
    for members in posts.values():
        for k, j in enumerate(members):
            at[(rows[j]["label"], place(k, len(members)))] += 1
    print("\nwhere each label stands in its post: first / middle / last / only")
    for label in ROLES:
        print(f"  {label:<10}", " / ".join(str(at[(label, p)]) for p in PLACES))
    return 0


PLACES = ("first", "middle", "last", "only")


if __name__ == "__main__":
    raise SystemExit(main())
