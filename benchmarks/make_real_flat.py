"""Flatten real saved forum pages with real HTML-to-text tools and place the truth on the lines.

usage: make_real_flat.py HTML_REAL_DIR OUT_DIR [--tools inscriptis,html2text,lynx,w3m]
                         [--min-posts 2]

Reads HTML_REAL_DIR/marked/NAME.html (written by make_real_heldout.py: sentinel words glued to the
first and last word of every post and of every quote body) and HTML_REAL_DIR/NAME.truth.json.
Each tool turns the marked page into text the way a crawler would; the sentinels are located,
then removed (a line left holding nothing but sentinels is dropped, since without them the tool
would not have written it). Writes OUT_DIR/NAME.TOOL.txt and NAME.TOOL.expected.toml in the
flat truth format (../shared/datasets/flat): each post's lines from its first to its last line
(author block, date and footer included), author and forum post id, top-level quotes with their
lines and target post, `external_quotes` for quotes of posts not on the page. A post whose
sentinels the tool dropped is left out (its lines, if any, belong to no post).
Runs in a separate venv holding the tools (pip install inscriptis html2text); not project deps.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import subprocess
from itertools import pairwise
from pathlib import Path

SENT = re.compile(r"ZQ(PS|PE|QS|QE)(\d{4,})QZ")


def convert(tool: str, html: str) -> str:
    if tool == "inscriptis":
        import inscriptis

        return inscriptis.get_text(html)
    if tool == "html2text":
        import html2text

        h = html2text.HTML2Text()
        h.body_width = 0
        return h.handle(html)
    if tool in ("lynx", "w3m"):
        cmd = {
            "lynx": [
                "lynx",
                "-dump",
                "-nolist",
                "-width=200",
                "-assume_charset=utf-8",
                "-display_charset=utf-8",
                "-stdin",
            ],
            "w3m": [
                "w3m",
                "-dump",
                "-cols",
                "120",
                "-T",
                "text/html",
                "-I",
                "UTF-8",
                "-O",
                "UTF-8",
            ],
        }[tool]
        return subprocess.run(cmd, input=html, capture_output=True, text=True, check=True).stdout
    raise SystemExit(f"unknown tool {tool}")


def place(text: str) -> tuple[list[str], dict[tuple[str, int], int]]:
    """Strip sentinels; return clean lines and the 1-based line of each sentinel."""
    out: list[str] = []
    where: dict[tuple[str, int], int] = {}
    pending_starts: list[tuple[str, int]] = []
    for raw in text.split("\n"):
        marks = [(m.group(1), int(m.group(2))) for m in SENT.finditer(raw)]
        clean = SENT.sub("", raw).rstrip()
        if marks and not clean.strip():
            for kind, k in marks:
                if kind in ("PS", "QS"):
                    pending_starts.append((kind, k))
                elif out:
                    where.setdefault((kind, k), len(out))
            continue
        out.append(clean)
        for key in pending_starts:
            where.setdefault(key, len(out))
        pending_starts = []
        for kind, k in marks:
            where.setdefault((kind, k), len(out))
    while out and not out[-1].strip():
        out.pop()
    return out, where


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def quotes_row(quotes: list[dict]) -> str:
    """A truth post's `quotes = [...]` row (the flat truth format), one inline table per quote."""
    cells = (
        f"{{ target = {q['target']}, lines = [{q['lines'][0]}, {q['lines'][1]}] }}" for q in quotes
    )
    return "quotes = [" + ", ".join(cells) + "]"


def build(name: str, truth: dict, lines: list[str], where: dict, tool: str) -> tuple[str, dict]:
    posts = []
    for k, p in enumerate(truth["posts"]):
        a, b = where.get(("PS", k)), where.get(("PE", k))
        if a is None or b is None or b < a:
            continue
        # side-by-side table cells (user column beside the body) can put quote lines above the
        # line of the post's first word: the post spans all of its own sentinels
        own = [v for (kind, n), v in where.items() if kind in ("QS", "QE") and n // 100 == k]
        a, b = min([a, *own]), max([b, *own])
        while a < b and not lines[a - 1].strip():
            a += 1
        while b > a and not lines[b - 1].strip():
            b -= 1
        posts.append({"k": k, "id": p["id"], "author": p.get("author"), "lines": [a, b]})
    # posts must not overlap: a post ends before the next one starts
    for x, y in pairwise(posts):
        if x["lines"][1] >= y["lines"][0]:
            x["lines"][1] = y["lines"][0] - 1
            while x["lines"][1] > x["lines"][0] and not lines[x["lines"][1] - 1].strip():
                x["lines"][1] -= 1
    number = {p["id"]: i + 1 for i, p in enumerate(posts)}
    qk = {}
    for k, p in enumerate(truth["posts"]):
        j = 0
        for q in truth["quotes"]:
            if q["in_post"] == p["id"]:
                qk[(k, j)] = q
                j += 1
    external = []
    for p in posts:
        p["quotes"] = []
        a, b = p["lines"]
        for (k, j), q in qk.items():
            if k != p["k"]:
                continue
            x, y = where.get(("QS", k * 100 + j)), where.get(("QE", k * 100 + j))
            if x is None or y is None or y < x or not (a <= x <= y <= b):
                continue
            while x < y and not lines[x - 1].strip():
                x += 1
            while y > x and not lines[y - 1].strip():
                y -= 1
            tgt = number.get(q.get("quoted_post"))
            if tgt is not None and tgt < number[p["id"]]:
                p["quotes"].append({"target": tgt, "lines": [x, y]})
            else:
                external.append(
                    {
                        "lines": [x, y],
                        "note": "a post that is not on this page"
                        if q.get("quoted_post")
                        else "quoted post not named by the markup",
                    }
                )
    out = [
        f"# {name}.{tool}: real forum page ({truth['file']}) flattened by {tool};",
        "# truth read off the page markup (benchmarks/make_real_heldout.py, make_real_flat.py).",
        "# Lines are 1-based and inclusive; a post's header/footer lines belong to it; quote lines",
        "# are the quoted text without its attribution line; external_quotes quote posts that are",
        "# not on this page.",
    ]
    if external:
        out.append(
            "external_quotes = ["
            + ", ".join(
                f"{{ lines = [{e['lines'][0]}, {e['lines'][1]}], note = {toml_str(e['note'])} }}"
                for e in external
            )
            + "]"
        )
    for i, p in enumerate(posts, 1):
        out += ["", "[[posts]]", f"number = {i}", f"lines = [{p['lines'][0]}, {p['lines'][1]}]"]
        if p["author"]:
            out.append(f"author = {toml_str(p['author'])}")
        out.append(f"source_id = {toml_str(p['id'])}")
        if p["quotes"]:
            out.append(quotes_row(p["quotes"]))
    stats = {
        "posts": len(posts),
        "posts_in_truth": len(truth["posts"]),
        "links": sum(len(p["quotes"]) for p in posts),
        "external": len(external),
    }
    return "\n".join(out) + "\n", stats


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--tools", default="inscriptis,html2text")
    ap.add_argument("--min-posts", type=int, default=2)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(args.src, "marked", "*.html"))):
        name = os.path.basename(path)[:-5]
        truth = json.loads(Path(args.src, name + ".truth.json").read_text(encoding="utf-8"))
        html = Path(path).read_text(encoding="utf-8")
        for tool in args.tools.split(","):
            lines, where = place(convert(tool, html))
            toml, st = build(name, truth, lines, where, tool)
            if st["posts"] < args.min_posts:
                print(f"{name}.{tool}: only {st['posts']} posts survive, skipped")
                continue
            Path(args.out, f"{name}.{tool}.txt").write_text(
                "\n".join(lines) + "\n", encoding="utf-8"
            )
            Path(args.out, f"{name}.{tool}.expected.toml").write_text(toml, encoding="utf-8")
            print(
                f"{name}.{tool}: {len(lines)} lines, {st['posts']}/{st['posts_in_truth']} posts, "
                f"{st['links']} links, {st['external']} external quotes"
            )


if __name__ == "__main__":
    main()
