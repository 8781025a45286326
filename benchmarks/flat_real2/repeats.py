"""List the lines of a labelled page that repeat N or more consecutive words of an earlier post.

Bare quotes (no marker, no attribution) are found this way as candidates; each one is then read
and decided by hand (a quote, a double post, a shared link title, a phrase under discussion...).

usage: repeats.py DIR SPECS.py NAME [N=7]
"""

from __future__ import annotations

import os
import re
import sys

from label_pages import build, load_specs


def words(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


def main() -> int:
    if len(sys.argv) < 4:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    folder, specs_path, name = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 7
    lines, posts = build(os.path.join(folder, name + ".txt"), load_specs(specs_path)[name])
    grams = []
    for p in posts:
        t = words(" ".join(lines[p["lines"][0] - 1 : p["lines"][1]]))
        grams.append({tuple(t[i : i + n]) for i in range(len(t) - n + 1)})
    for k, p in enumerate(posts):
        for i in range(p["lines"][0], p["lines"][1] + 1):
            t = words(lines[i - 1])
            line_grams = {tuple(t[x : x + n]) for x in range(len(t) - n + 1)}
            hits = [j + 1 for j in range(k) if line_grams & grams[j]]
            if hits:
                print(f"post {k + 1} line {i} <- {hits}: {lines[i - 1].strip()[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
