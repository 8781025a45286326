"""Draw forum sentences to label by hand (docs/scoring.md, "Labelling guideline").

Run: `.venv/bin/python training/sample_forum.py IAC_FOLDER OUT.jsonl`, where IAC_FOLDER holds
`discussions/ID.json` and `quotes/ID.json` files of the Internet Argument Corpus v1 (fourforum).
The five discussions in ../shared/datasets/iac are skipped. Quoted text (the corpus' own quote
ranges, and "Originally posted by" headers) is cut out: only the poster's own words are
labelled. The draw is seeded, so the same folder gives the same sentences. The output holds
other people's words: keep it outside the repository.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from scoring.sentences import sentences

SHARED_IAC = frozenset({"10", "14253", "2140", "3458", "9455"})
POSTS_PER_DISCUSSION = 3
SENTENCES_PER_POST = 6
_HEADER = re.compile(r"(?i)\b(?:originally posted by|quote:)\s*\S*")


def own_words(text: str, ranges: list[tuple[int, int]]) -> str:
    """The post without its quoted ranges and quote headers."""
    keep, at = [], 0
    for start, end in sorted(ranges):
        keep.append(text[at:start])
        at = max(at, end)
    keep.append(text[at:])
    return _HEADER.sub(" ", "".join(keep))


def draw(folder: Path, rng: random.Random) -> list[dict[str, str]]:
    """Sentences from a few posts of each discussion, in a fixed order."""
    rows = []
    for path in sorted((folder / "discussions").glob("*.json"), key=lambda p: int(p.stem)):
        if path.stem in SHARED_IAC:
            continue
        posts = json.loads(path.read_text(encoding="utf-8"))[0]
        quote_file = folder / "quotes" / path.name
        quoted: dict[int, list[tuple[int, int]]] = {}
        if quote_file.exists():
            for post_id, (start, end, _info) in json.loads(quote_file.read_text()):
                quoted.setdefault(post_id, []).append((start, end))
        candidates = [p for p in posts if isinstance(p[3], str) and 40 <= len(p[3]) <= 1500]
        for post in rng.sample(candidates, min(POSTS_PER_DISCUSSION, len(candidates))):
            said = [s for s in sentences(own_words(post[3], quoted.get(post[0], []))) if s]
            for sentence in said[:SENTENCES_PER_POST]:
                rows.append({"text": sentence, "group": path.stem, "post": str(post[0])})
    return rows


def main() -> int:
    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    rows = draw(folder, random.Random(9))
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} sentences from {len({r['group'] for r in rows})} discussions -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
