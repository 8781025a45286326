"""Give a flattened page's truth the list-item reading of a comment's start (GUIDELINE2 rule 10).

usage: align_list_starts.py DIR

`make_real_flat.py` places a post's start at its first word (the sentinel), but lynx and w3m print
an ordered comment list's number ("1.") or a bullet on a line of its own above it; the hand
labelling rules of the real held-out sets start a threaded comment at its list-item marker. Where
the line right above a post's start holds only such a marker, that line is added to the truth's
`alt_starts` for the start, so either reading scores. Rewrites DIR/*.expected.toml in place (an
existing `alt_starts` is kept and merged). Standard library only.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

MARKER = re.compile(r"^\s*(?:\d{1,4}\.|[*+o•·-])\s*$")


def main() -> None:
    for truth_path in sorted(Path(sys.argv[1]).glob("*.expected.toml")):
        text_path = truth_path.with_name(truth_path.name.replace(".expected.toml", ".txt"))
        lines = text_path.read_text(encoding="utf-8").split("\n")
        raw = truth_path.read_text(encoding="utf-8")
        truth = tomllib.loads(raw)
        alts = {int(k): set(v) for k, v in truth.get("alt_starts", {}).items()}
        added = 0
        for post in truth["posts"]:
            start = post["lines"][0]
            if (
                start >= 2
                and MARKER.match(lines[start - 2])
                and start - 1 not in alts.get(start, ())
            ):
                alts.setdefault(start, set()).add(start - 1)
                added += 1
        if not added:
            continue
        body = re.sub(r"(?m)^alt_starts = .*\n", "", raw)
        table = ", ".join(f'"{k}" = {sorted(v)}' for k, v in sorted(alts.items()))
        head, sep, rest = body.partition("\n[[posts]]")
        truth_path.write_text(f"{head.rstrip()}\nalt_starts = {{ {table} }}\n{sep}{rest}", "utf-8")
        print(f"{truth_path.name}: {added} list-item starts")


if __name__ == "__main__":
    main()
