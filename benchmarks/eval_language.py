"""Which language the scorer reads each post of real threads in: counts per thread.

usage: python benchmarks/eval_language.py FILE_OR_DIR [...]

Each thread file is parsed as `threadscore` parses it and each post's language detected
(scoring.language.detect on the post's own words); the table lists per thread how many posts
were read as each language, so a German or Russian thread shows what share of its posts is kept
from English-cue verdicts, and an English one how many were wrongly taken for another language.
Files: *.txt, *.html, *.htm (truth files beside them are skipped).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from parsing import load_thread
from scoring.language import detect

SUFFIXES = {".txt", ".html", ".htm"}


def threads(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.suffix in SUFFIXES)
        else:
            out.append(path)
    return out


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    total: Counter[str] = Counter()
    for path in threads(sys.argv[1:]):
        try:
            thread = load_thread(path)
        except Exception as error:  # a thread we cannot read is listed, not fatal
            print(f"{path.name}: not read ({type(error).__name__})")
            continue
        found = Counter(detect(post.body) for post in thread.posts if post.body.strip())
        total.update(found)
        shown = ", ".join(f"{lang} {n}" for lang, n in found.most_common())
        print(f"{path.name}: {sum(found.values())} posts: {shown}")
    print("all: " + ", ".join(f"{lang} {n}" for lang, n in total.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
