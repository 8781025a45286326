"""Where a parser's posts and quote links go wrong on a truth folder, by error kind.

Post starts: `ok` (on a true start or one of its alt starts), `chrome` (a start on a line outside
every true post: navigation, forms, sidebars), `late` (inside a true post's first lines, i.e. in
its header or user block, when the post itself got no start), `split` (inside a true post that
already has a start), `missed` (true posts with no predicted start anywhere in them).
Links: `ok`, `wrong_target` (the quote's lines are right, its target is not), `not_a_quote`
(predicted on lines that hold no true quote), `missed` (true quotes with no overlapping
prediction). Reads the JSON outputs kept by `flat_eval.py --keep DIR`.

usage: diagnose.py TRUTH_DIR PARSE_DIR [--late N]
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import tomllib
from collections import Counter


def diagnose(truth: dict, pred: dict, late: int) -> Counter:
    c: Counter = Counter()
    tposts = truth["posts"]
    alts = {int(k): set(v) for k, v in truth.get("alt_starts", {}).items()}
    ok_lines = {p["lines"][0]: p["lines"][0] for p in tposts}
    for k, v in alts.items():
        for x in v:
            ok_lines[x] = k

    def owner(line: int) -> dict | None:
        return next((p for p in tposts if p["lines"][0] <= line <= p["lines"][1]), None)

    starts = sorted({p["lines"][0] for p in pred["posts"] if p.get("lines")})
    hit_posts = {ok_lines[s] for s in starts if s in ok_lines}
    for s in starts:
        if s in ok_lines:
            c["start_ok"] += 1
            continue
        tp = owner(s)
        if tp is None:
            c["start_chrome"] += 1
        elif tp["lines"][0] not in hit_posts and s - tp["lines"][0] < late:
            c["start_late"] += 1
            hit_posts.add(tp["lines"][0])
        else:
            c["start_split"] += 1
    c["posts_true"] = len(tposts)
    c["posts_missed"] = sum(
        1 for p in tposts if not any(p["lines"][0] <= s <= p["lines"][1] for s in starts)
    )
    tq = [(q["lines"][0], q["lines"][1], q["target"]) for p in tposts for q in p.get("quotes", [])]
    ext = [(e["lines"][0], e["lines"][1]) for e in truth.get("external_quotes", [])]
    by_num = {p["number"]: p for p in pred["posts"]}
    used = set()
    for p in pred["posts"]:
        for q in p.get("quotes", []):
            if not q.get("lines") or q.get("target") is None or q["target"] not in by_num:
                continue
            a, b = q["lines"]
            tgt = owner(by_num[q["target"]]["lines"][0])
            hits = [i for i, (x, y, _) in enumerate(tq) if a <= y and x <= b]
            if any(tq[i][2] == (tgt or {}).get("number") for i in hits):
                c["link_ok"] += 1
                used.update(i for i in hits if tq[i][2] == tgt["number"])
            elif hits:
                c["link_wrong_target"] += 1
                used.update(hits)
            elif any(a <= y and x <= b for x, y in ext):
                c["link_to_external"] += 1
            else:
                c["link_not_a_quote"] += 1
    c["links_true"] = len(tq)
    c["links_missed"] = len(tq) - len(used)
    return c


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("truth_dir")
    ap.add_argument("parse_dir")
    ap.add_argument("--late", type=int, default=12, help="lines of a post counted as its header")
    args = ap.parse_args()
    total: Counter = Counter()
    keys = [
        "posts_true",
        "start_ok",
        "start_chrome",
        "start_late",
        "start_split",
        "posts_missed",
        "links_true",
        "link_ok",
        "link_wrong_target",
        "link_not_a_quote",
        "link_to_external",
        "links_missed",
    ]
    short = [k.replace("start_", "s_").replace("link_", "l_")[:9].rjust(9) for k in keys]
    print("thread".ljust(44) + " ".join(short))
    for f in sorted(glob.glob(os.path.join(args.truth_dir, "*.expected.toml"))):
        name = os.path.basename(f)[: -len(".expected.toml")]
        pj = os.path.join(args.parse_dir, name + ".json")
        if not os.path.exists(pj):
            continue
        with open(f, "rb") as tf, open(pj, encoding="utf-8") as pf:
            c = diagnose(tomllib.load(tf), json.load(pf), args.late)
        total += c
        print(name[:43].ljust(44) + " ".join(str(c[k]).rjust(9) for k in keys))
    print("ALL".ljust(44) + " ".join(str(total[k]).rjust(9) for k in keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
