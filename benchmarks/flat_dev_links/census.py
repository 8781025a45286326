"""Error census of quote links: what went wrong with each true and each predicted link.

usage: census.py TRUTH_DIR PARSE_DIR [--show N] [--only STYLE]

PARSE_DIR holds `threadscore parse FILE --json` outputs named NAME.json (flat_eval.py --keep).
Every true link (a quote with a target on the page) is one of: `right` (a predicted quote
overlapping it names its target), `wrong_target` (overlapping quote, other target; split into
`target_quotes_it` when the predicted target holds the words only as a quote of the true one,
`target_later` / `target_earlier` otherwise), `unlinked` (overlapping quote, no target), `missed`
(no predicted quote overlaps it). Every predicted link not on a true quote is one of:
`on_external` (a quote of a post not on the page), `on_text` (lines that hold no quote).
Lines: `starts_early` (the predicted quote opens before the true one: an attribution or tag line
kept in it), `ends_late`, `split` (two or more predicted quotes on one true quote).
Standard library only.
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections import Counter
from pathlib import Path


def post_of(line: int, posts: list[dict]) -> int | None:
    for p in posts:
        if p["lines"][0] <= line <= p["lines"][1]:
            return p["number"]
    return None


def census(truth: dict, pred: dict, text: list[str], name: str, show: list) -> Counter:
    c: Counter = Counter()
    tposts = truth["posts"]
    tq = [(p["number"], q) for p in tposts for q in p.get("quotes", [])]
    ext = [e["lines"] for e in truth.get("external_quotes", [])]
    pq = []
    for p in pred["posts"]:
        for q in p.get("quotes", []):
            if not q.get("lines"):
                continue
            tgt = None
            if q.get("target") is not None:
                tp = next((x for x in pred["posts"] if x["number"] == q["target"]), None)
                if tp and tp.get("lines"):
                    tgt = post_of(tp["lines"][0], tposts)
            pq.append((q["lines"], tgt, q.get("target") is not None))
    used = set()
    for _num, q in tq:
        a, b = q["lines"]
        over = [k for k, (ln, _, _) in enumerate(pq) if ln[0] <= b and a <= ln[1]]
        used.update(over)
        if not over:
            c["missed"] += 1
            show.append((name, "missed", a, b, q["target"], text[a - 1][:100]))
            continue
        if len(over) > 1:
            c["split"] += 1
        tgts = [pq[k][1] for k in over if pq[k][2]]
        if q["target"] in tgts:
            c["right"] += 1
        elif not tgts:
            c["unlinked"] += 1
            show.append((name, "unlinked", a, b, q["target"], text[a - 1][:100]))
        else:
            got = tgts[0]
            holder = next((p for p in tposts if p["number"] == got), None)
            quotes_it = holder is not None and any(
                x["target"] == q["target"] for x in holder.get("quotes", [])
            )
            kind = (
                "target_quotes_it"
                if quotes_it
                else ("target_later" if got is not None and got > q["target"] else "target_earlier")
            )
            c[kind] += 1
            show.append((name, kind, a, b, f"{q['target']}->{got}", text[a - 1][:100]))
        ln = pq[over[0]][0]
        if ln[0] < a:
            c["starts_early"] += 1
            show.append((name, "starts_early", ln[0], a, "", text[ln[0] - 1][:100]))
        if pq[over[-1]][0][1] > b:
            c["ends_late"] += 1
    for k, (ln, tgt, linked) in enumerate(pq):
        if k in used or not linked:
            continue
        if any(e[0] <= ln[1] and ln[0] <= e[1] for e in ext):
            c["on_external"] += 1
        else:
            c["on_text"] += 1
            show.append((name, "on_text", ln[0], ln[1], tgt, text[ln[0] - 1][:100]))
    return c


def main() -> None:
    truth_dir, parse_dir = Path(sys.argv[1]), Path(sys.argv[2])
    n_show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    total: Counter = Counter()
    per_style: dict[str, Counter] = {}
    show: list = []
    for tf in sorted(truth_dir.glob("*.expected.toml")):
        name = tf.name[: -len(".expected.toml")]
        style = name.split(".")[1]
        if only and style != only:
            continue
        pf = parse_dir / f"{name}.json"
        if not pf.exists():
            continue
        truth = tomllib.loads(tf.read_text(encoding="utf-8"))
        pred = json.loads(pf.read_text(encoding="utf-8"))
        text = (truth_dir / f"{name}.txt").read_text(encoding="utf-8").split("\n")
        c = census(truth, pred, text, name, show)
        total.update(c)
        per_style.setdefault(style, Counter()).update(c)
    keys = [
        "right",
        "missed",
        "unlinked",
        "target_quotes_it",
        "target_later",
        "target_earlier",
        "on_text",
        "on_external",
        "starts_early",
        "ends_late",
        "split",
    ]
    print(f"{'style':16}" + "".join(f"{k[:12]:>13}" for k in keys))
    for style, c in sorted(per_style.items()):
        print(f"{style:16}" + "".join(f"{c[k]:>13}" for k in keys))
    print(f"{'ALL':16}" + "".join(f"{total[k]:>13}" for k in keys))
    for row in show[:n_show]:
        print(*row, sep=" | ")


if __name__ == "__main__":
    main()
