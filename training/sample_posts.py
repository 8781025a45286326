"""Draw forum posts to label by hand with a post verdict (docs/scoring.md, "Post verdicts").

Run: `.venv/bin/python training/sample_posts.py IAC_FOURFORUM OUT.jsonl --skip FILE ...`, where
IAC_FOURFORUM is the Internet Argument Corpus v1 `data/fourforum` folder (`discussions/ID.json`,
`ranges/quotes/ID.json`) and each `--skip` file lists discussion ids (one a line, or file names
holding `iacID`) never to draw: the ones sentence labels, held-out layouts or ../shared already
use. One post per discussion, so the dev/test halves (`half`, fixed by the discussion id's hash
before any post is read) never share a discussion. Quoted ranges and quote headers are cut out:
only the poster's own words are labelled, as the scorer sees a post without its quotes. Seeded:
the same folder and skips give the same posts. The output holds other people's words: keep it
outside the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

from sample_forum import SHARED_IAC, own_words

DISCUSSIONS = 180
MIN_CHARS, MAX_CHARS = 30, 1200
_ID = re.compile(r"(?:iac)?(\d+)")


def skipped(paths: list[Path]) -> set[str]:
    """Discussion ids named in the skip files (bare ids, or `iacID` inside file names)."""
    out = set(SHARED_IAC)
    for path in paths:
        names = [p.name for p in path.iterdir()] if path.is_dir() else path.read_text().split()
        for name in names:
            match = re.search(r"iac(\d+)", name) or _ID.fullmatch(name.strip())
            if match:
                out.add(match.group(1))
    return out


def half(discussion: str) -> str:
    """dev or test, from the discussion id alone (fixed before any label is seen)."""
    return "dev" if hashlib.sha256(discussion.encode()).digest()[0] % 2 == 0 else "test"


def draw(
    folder: Path, skip: set[str], rng: random.Random, count: int = DISCUSSIONS
) -> list[dict[str, str]]:
    ids = sorted(
        (p.stem for p in (folder / "discussions").glob("*.json") if p.stem not in skip), key=int
    )
    rows: list[dict[str, str]] = []
    for discussion in rng.sample(ids, len(ids)):
        if len(rows) >= count:
            break
        posts = json.loads((folder / "discussions" / f"{discussion}.json").read_text())[0]
        quote_file = folder / "ranges" / "quotes" / f"{discussion}.json"
        quoted: dict[int, list[tuple[int, int]]] = {}
        if quote_file.exists():
            for post_id, (start, end, _info) in json.loads(quote_file.read_text()):
                quoted.setdefault(post_id, []).append((start, end))
        candidates = []
        for post in posts[1:]:  # the opening post is often only a title or a link
            if not isinstance(post[3], str):
                continue
            text = own_words(post[3], quoted.get(post[0], [])).strip()
            if MIN_CHARS <= len(text) <= MAX_CHARS:
                candidates.append((post[0], text, bool(quoted.get(post[0]))))
        if not candidates:
            continue
        post_id, text, quotes = rng.choice(candidates)
        rows.append(
            {
                "text": text,
                "group": discussion,
                "post": str(post_id),
                "quoted": "yes" if quotes else "no",
                "half": half(discussion),
            }
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--skip", type=Path, action="append", default=[])
    parser.add_argument("--count", type=int, default=DISCUSSIONS, help="posts to draw")
    parser.add_argument("--seed", type=int, default=2027)
    args = parser.parse_args()
    rows = draw(args.folder, skipped(args.skip), random.Random(args.seed), args.count)
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    dev = sum(r["half"] == "dev" for r in rows)
    print(f"{len(rows)} posts ({dev} dev, {len(rows) - dev} test) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
