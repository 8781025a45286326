"""Census of the post starts the text reader misses and invents on flattened threads.

usage: python benchmarks/break_census.py [DIR ...] [--layout NAME] [--show N]

For every thread (NAME.STYLE.txt + NAME.STYLE.expected.toml) it parses the text in-process and
compares predicted with true post starts. Each miss and each invention is put in a kind: where
the break-weighing model (`parsing.breaks` on pages whose posts are blank lines apart,
`parsing.turns` where they are one line break apart) decided it, its log-odds; otherwise a rule
or a quote decided it. Prints the counts per kind and layout, then up to N examples of each
with the line before and the line itself, so the causes can be read before anything is changed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flat_holdout import SHARED, parse_file, threads

import parsing.segment as segment
from parsing.breaks import break_logit
from parsing.turns import stack_logit


def census(items: list[tuple[str, Path, dict]]) -> list[dict]:
    """One record per missed or invented post start."""
    weighed: dict[int, tuple[str, float]] = {}
    here = [0]
    read_content = segment._Scanner.content
    post_break, new_post = segment.is_post_break, segment.is_new_post

    def content(scanner: segment._Scanner, i: int) -> None:
        here[0] = i
        read_content(scanner, i)

    def paragraph(before, line, post, around) -> bool:  # type: ignore[no-untyped-def]
        weighed[here[0] + 1] = ("paragraph", break_logit(before, line, post, around))
        return post_break(before, line, post, around)

    def single(before, line, post) -> bool:  # type: ignore[no-untyped-def]
        weighed[here[0] + 1] = ("single", stack_logit(before, line, post))
        return new_post(before, line, post)

    segment._Scanner.content = content  # type: ignore[method-assign]
    segment.is_post_break, segment.is_new_post = paragraph, single
    out: list[dict] = []
    try:
        for layout, path, truth in items:
            weighed.clear()
            thread = parse_file(path)
            lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
            optional = set(truth.get("optional_starts", []))
            alts = {int(k): set(v) for k, v in truth.get("alt_starts", {}).items()}
            true = {p["lines"][0] for p in truth["posts"]} - optional
            quoted = {
                k
                for p in truth["posts"]
                for q in p.get("quotes", [])
                for k in range(q["lines"][0], q["lines"][1] + 1)
            }
            pred = set()
            for post in thread.posts:
                if post.lines:
                    s = post.lines[0]
                    pred.add(next((t for t, a in alts.items() if s in a), s))
            pred -= optional
            for what, starts in (("missed", true - pred), ("invented", pred - true)):
                for s in sorted(starts):
                    model, z = weighed.get(s, ("", 0.0))
                    k = s - 1
                    while k > 0 and not lines[k - 1].strip():
                        k -= 1
                    kind = model or ("quote" if s in quoted else "rule")
                    out.append(
                        {
                            "layout": layout,
                            "file": path.name,
                            "line": s,
                            "what": what,
                            "kind": kind,
                            "logit": z,
                            "gap": s - 1 - k,
                            "before": lines[k - 1] if k > 0 else "",
                            "text": lines[s - 1] if s - 1 < len(lines) else "",
                        }
                    )
    finally:
        segment._Scanner.content = read_content  # type: ignore[method-assign]
        segment.is_post_break, segment.is_new_post = post_break, new_post
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--layout", action="append", default=[])
    parser.add_argument("--show", type=int, default=15)
    args = parser.parse_args(argv)
    items = threads(args.dirs or [SHARED / "datasets" / "flat"])
    if args.layout:
        items = [item for item in items if item[0] in args.layout]
    records = census(items)
    tally = Counter((r["layout"], r["what"], r["kind"]) for r in records)
    for key, n in sorted(tally.items()):
        print(f"{key[0]:18s} {key[1]:9s} {key[2]:10s} {n:4d}")
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in records:
        groups[(r["what"], r["kind"])].append(r)
    for (what, kind), rows in sorted(groups.items()):
        print(f"\n== {what} / {kind}: {len(rows)}")
        for r in rows[: args.show]:
            print(f"{r['file']}:{r['line']} gap={r['gap']} z={r['logit']:+.2f}")
            print(f"    before: {r['before'][:110]!r}")
            print(f"    line:   {r['text'][:110]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
