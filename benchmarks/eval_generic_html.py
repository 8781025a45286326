"""Score the generic reader (parsing/html/generic.py) on saved pages, per engine and per split.

usage: eval_generic_html.py DIR [DIR ...] [--table] [--split dev|test|all] [--rows OUT.jsonl]

Every `NN_ENGINE.html` with a `.truth.json` beside it is read in-process with the engine table
switched off (`parse_html_pages(..., known_engines=False)`), so every page counts as a page of an
engine we never saw; `--table` reads with the table on (what users get). Each parse is scored by
../shared/tools/eval_html.py. Engines are split once, before any tuning, into a dev half (tuned
on) and a test half (only reported); docs/parsing.md ("Saved pages of unknown engines") lists
them. Prints posts found / true / predicted, authors right, quote links and F1 per engine.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsing.errors import ThreadscoreError  # noqa: E402
from parsing.html import parse_html_pages  # noqa: E402
from parsing.load import read_input  # noqa: E402

EVAL = ROOT.parent / "shared" / "tools" / "eval_html.py"
DEV_ENGINES = frozenset({"mybb", "xenforo1", "phpbb3", "vbulletin3", "ips", "vbulletin5"})
"""Tuned on. Everything else (xenforo2, hfr, vbulletin4, somethingawful, nodebb, forumotion, and
the ../shared pages) is the test half, chosen before tuning."""
KEYS = ("posts_true", "posts_found", "posts_pred", "authors_ok", "links_true", "links_pred")


def f1(tp: float, npred: float, ntrue: float) -> float:
    p = tp / npred if npred else (1.0 if not ntrue else 0.0)
    r = tp / ntrue if ntrue else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def engine_of(page: str) -> str:
    return os.path.basename(page)[:-5].split("_", 1)[1]


def score(page: str, table: bool) -> dict:
    truth = json.loads(Path(page[:-5] + ".truth.json").read_text(encoding="utf-8"))
    path = Path(page)
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            text, data, _warning = read_input(path)
            thread = parse_html_pages([(path, text, data)], known_engines=table)
    except ThreadscoreError as exc:
        on_page = {p["id"] for p in truth["posts"]}
        links = {(q["in_post"], q["quoted_post"]) for q in truth["quotes"]}
        return {
            "failed": str(exc)[:160],
            "posts_true": len(truth["posts"]),
            "posts_found": 0,
            "posts_pred": 0,
            "authors_ok": 0,
            "links_true": sum(1 for _i, q in links if q in on_page),
            "links_pred": 0,
            "links_tp": 0,
        }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(thread.to_json(), fh)
    run = subprocess.run(
        [sys.executable, str(EVAL), fh.name, page[:-5] + ".truth.json"],
        capture_output=True,
        text=True,
        check=True,
    )
    os.unlink(fh.name)
    out = json.loads(run.stdout)
    out["links_tp"] = round(out["link_r"] * out["links_true"])
    out["engine_read"] = thread.source.engine
    return out


def table_rows(rows: list[dict], label: str) -> None:
    print(
        f"{label:16s} {'pages':>5s} {'posts':>5s} {'found':>5s} {'pred':>5s} {'postF1':>6s} "
        f"{'auth%':>6s} {'links':>5s} {'lpred':>5s} {'ltp':>4s} {'linkF1':>6s}"
    )
    for eng in [*sorted({r["engine"] for r in rows}), "ALL"]:
        rs = [r for r in rows if eng == "ALL" or r["engine"] == eng]
        s = {k: sum(r[k] for r in rs) for k in (*KEYS, "links_tp")}
        print(
            f"{eng:16s} {len(rs):5d} {s['posts_true']:5d} {s['posts_found']:5d} "
            f"{s['posts_pred']:5d} {f1(s['posts_found'], s['posts_pred'], s['posts_true']):6.3f} "
            f"{s['authors_ok'] / max(1, s['posts_true']):6.3f} {s['links_true']:5d} "
            f"{s['links_pred']:5d} {s['links_tp']:4d} "
            f"{f1(s['links_tp'], s['links_pred'], s['links_true']):6.3f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--table", action="store_true", help="engine table on (default: off)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--rows")
    args = ap.parse_args()
    pages = sorted(
        p
        for d in args.dirs
        for p in glob.glob(os.path.join(d, "[0-9]*_*.html"))
        if os.path.exists(p[:-5] + ".truth.json")
    )
    rows = []
    for page in pages:
        eng = engine_of(page)
        split = "dev" if eng in DEV_ENGINES else "test"
        if args.split not in ("all", split):
            continue
        rows.append({"page": os.path.basename(page), "engine": eng, "split": split,
                     **score(page, args.table)})  # fmt: skip
    if args.rows:
        with open(args.rows, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row) + "\n")
    mode = "engine table ON" if args.table else "engine table OFF (generic reader only)"
    print(f"{len(rows)} pages, {mode}")
    for split in ("dev", "test"):
        part = [r for r in rows if r["split"] == split]
        if part:
            table_rows(part, split.upper())
    for r in rows:
        if "failed" in r:
            print(f"failed: {r['page']}: {r['failed']}")


if __name__ == "__main__":
    main()
