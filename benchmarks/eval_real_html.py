"""Score a threadscore build on saved real forum pages (NN_ENGINE.html + .truth.json), per engine.

usage: eval_real_html.py DIR --parser PATH/threadscore [--rows OUT.jsonl]

Runs `PARSER parse PAGE --json` on every DIR/NN_ENGINE.html with a truth file beside it and scores
it with ../shared/tools/eval_html.py (posts matched by the forum's own post id). Prints, per
engine and overall: posts found / true / predicted, authors right, quote links true / predicted /
right (micro P, R, F1). A page the parser fails on counts as nothing found.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

EVAL = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "tools", "eval_html.py")


def f1(tp: float, npred: float, ntrue: float) -> float:
    p = tp / npred if npred else (1.0 if not ntrue else 0.0)
    r = tp / ntrue if ntrue else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(parser: str, page: str) -> dict:
    truth = page[:-5] + ".truth.json"
    r = subprocess.run([parser, "parse", page, "--json"], capture_output=True, timeout=300)
    t = json.loads(Path(truth).read_text(encoding="utf-8"))
    if r.returncode != 0:
        err = (r.stderr.decode("utf-8", "replace").strip().splitlines() or ["rc"])[-1][:160]
        return {
            "failed": err,
            "posts_true": len(t["posts"]),
            "posts_found": 0,
            "posts_pred": 0,
            "authors_ok": 0,
            "links_true": sum(q.get("quoted_post_on_this_page", False) for q in t["quotes"]),
            "links_pred": 0,
            "links_tp": 0,
        }
    with tempfile.NamedTemporaryFile("wb", suffix=".json", delete=False) as fh:
        fh.write(r.stdout)
    out = json.loads(
        subprocess.run(
            [sys.executable, EVAL, fh.name, truth], capture_output=True, text=True, check=True
        ).stdout
    )
    os.unlink(fh.name)
    out["links_tp"] = round(out["link_r"] * out["links_true"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--parser", required=True)
    ap.add_argument("--rows")
    args = ap.parse_args()
    pages = sorted(
        p
        for p in glob.glob(os.path.join(args.dir, "[0-9]*_*.html"))
        if os.path.exists(p[:-5] + ".truth.json")
    )
    rows = []
    for p in pages:
        row = {
            "page": os.path.basename(p),
            "engine": os.path.basename(p)[:-5].split("_", 1)[1],
            **score(args.parser, p),
        }
        rows.append(row)
    if args.rows:
        with open(args.rows, "w") as f:
            for row in rows:
                f.write(json.dumps(row) + "\n")
    keys = (
        "posts_true",
        "posts_found",
        "posts_pred",
        "authors_ok",
        "links_true",
        "links_pred",
        "links_tp",
    )
    print(f"real html pages: {len(rows)}, parser {args.parser}")
    print(
        f"{'engine':16s} {'pages':>5s} {'posts':>5s} {'found':>5s} {'pred':>5s} {'postF1':>6s} "
        f"{'auth%':>6s} {'links':>5s} {'lpred':>5s} {'ltp':>4s} {'linkF1':>6s} {'fail':>4s}"
    )
    for eng in [*sorted({r["engine"] for r in rows}), "ALL"]:
        rs = [r for r in rows if eng == "ALL" or r["engine"] == eng]
        s = {k: sum(r[k] for r in rs) for k in keys}
        print(
            f"{eng:16s} {len(rs):5d} {s['posts_true']:5d} {s['posts_found']:5d} "
            f"{s['posts_pred']:5d} "
            f"{f1(s['posts_found'], s['posts_pred'], s['posts_true']):6.3f} "
            f"{s['authors_ok'] / max(1, s['posts_true']):6.3f} {s['links_true']:5d} "
            f"{s['links_pred']:5d} "
            f"{s['links_tp']:4d} {f1(s['links_tp'], s['links_pred'], s['links_true']):6.3f} "
            f"{sum(1 for r in rs if 'failed' in r):4d}"
        )
    for r in rows:
        if "failed" in r:
            print(f"failed: {r['page']}: {r['failed']}")


if __name__ == "__main__":
    main()
