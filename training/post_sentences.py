"""Cut labelled dev posts into sentences to label by hand, and join the labels back.

Run: `.venv/bin/python training/post_sentences.py POSTS_DEV.jsonl OUT.jsonl` writes each
post's sentences as the scorer splits them (`{"text", "group", "post"}` a line, the post's
discussion as group, so training splits by discussion); with `--labels LETTERS.txt` it writes
the labelled file instead, one letter a sentence in order (c claim, r reason, e evidence,
q challenge, n none; whitespace between letters is free), by the sentence guideline in
docs/scoring.md; each line keeps its post's id (the sentences of one post stay together and
in order). Give it dev posts only: test posts are never labelled at sentence level (their
discussions must stay unseen by the sentence model). The output holds other people's words:
keep it outside the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring.sentences import split_sentences

LETTERS = {"c": "claim", "r": "reason", "e": "evidence", "q": "challenge", "n": "none"}


def sentences(posts: Path) -> list[dict[str, str]]:
    """Every non-blank sentence of every post, in order."""
    out = []
    for line in posts.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        for start, end in split_sentences(row["text"]):
            text = row["text"][start:end].strip()
            if text:
                out.append({"text": text, "group": row["group"], "post": row.get("post", "")})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("posts", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--labels", type=Path, help="one letter a sentence: c r e q n")
    args = parser.parse_args()
    rows = sentences(args.posts)
    if args.labels:
        letters = args.labels.read_text(encoding="utf-8").split()
        if len(letters) != len(rows) or any(x not in LETTERS for x in letters):
            print(f"{args.labels}: need {len(rows)} letters of c r e q n", file=sys.stderr)
            return 1
        rows = [
            {"text": r["text"], "label": LETTERS[x], "group": r["group"], "post": r["post"]}
            for r, x in zip(rows, letters, strict=True)
        ]
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} sentences -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
