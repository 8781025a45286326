"""Hostile sizes: work that must stay linear however an input is shaped. Prints figures.

Run: .venv/bin/python benchmarks/hostile_sizes.py [CASE ...] [--root CHECKOUT] [--scale 1.0]

Cases (each in a fresh process; CPU seconds and peak memory, VmHWM):
  reattach  `score -o`'s re-attachment of 4,000 marks whose posts were all edited, in a
            thread of 8,000 posts with repeats (`scoring.user_layer.reattach`)
  divs      one Discourse topic JSON post whose cooked HTML nests <div> 100,000 deep (`parse`)
  quotes    one XenForo 2 post with 100,000 quotes (`parse`)
  lines     a text dump of 100 KB: a few long lines, then lines of 500 to 2,900 characters
            that reshuffle their sentences with small edits, so every one is a fuzzy quote
            candidate of several earlier lines (`parse`); `lines1m` the same at 1 MB
  textquotes a text dump whose second half quotes each of its first 10,000 lines, each quote
            answered (`parse`; up to 999 quotes land in one post)
  textnest  a text dump with quotes ("NAME said:" ... "Click to expand...") nested 10,000 deep

`--root` runs another checkout's code (e.g. /work/main) on the same inputs, for before/after.
Inputs are generated under a temporary folder from our own words.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
XENFORO = ROOT / "tests" / "data" / "html" / "xenforo2_thread" / "page-2.html"

WORDS = ["the", "council", "plan", "buses", "shops", "air", "street", "bridge", "market", "survey"]


def _sentence(i: int) -> str:
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(12)]
    return f"Post {i}: " + " ".join(words) + f", as said on day {i % 97}."


def _reattach(scale: float) -> str:
    """Marks on half the posts of a thread with repeats, then every marked post edited."""
    from parsing.ids import post_id
    from parsing.models import Post, Source, Thread
    from scoring.user_layer import UserLayer, set_rating

    try:
        from scoring.user_layer import describe
    except ImportError:  # checkouts before marks knew their neighbours

        def describe(layer: UserLayer, thread: Thread) -> UserLayer:
            return layer

    n = int(8000 * scale)

    def thread(edited: bool) -> Thread:
        seen: dict[str, int] = {}
        posts = []
        for i in range(n):
            text = "I agree with this." if i % 10 == 5 else _sentence(i) * 3
            if edited and i % 2 == 0:
                text = text.replace("council", "councillors", 1) + " (edited)"
            posts.append(Post(number=i + 1, id=post_id("a", text, seen), body=text))
        return Thread(source=Source(path="t.txt", format="text", sha256="0" * 64), posts=posts)

    old, new = thread(False), thread(True)
    layer = UserLayer()
    for post in old.posts[::2]:
        layer = set_rating(layer, post, 3)
    layer = describe(layer, old)
    from scoring.user_layer import reattach

    start = time.process_time()
    after = reattach(layer, new)
    seconds = time.process_time() - start
    right = sum(m.post_number % 2 == 1 for m in after.marks.values())
    return (
        f"{len(layer.marks)} marks, {n} posts: {seconds:.2f} s CPU in reattach; "
        f"{right} on their post, {len(after.orphans)} orphans"
    )


def _divs(folder: Path, scale: float) -> Path:
    depth = int(100_000 * scale)
    cooked = "<div>" * depth + "<p>Deep words in the middle.</p>" + "</div>" * depth
    post = {"id": 1, "post_number": 1, "username": "alice", "cooked": cooked}
    second = {"id": 2, "post_number": 2, "username": "bob", "cooked": "<p>A normal reply.</p>"}
    topic = {"id": 7, "title": "Deep", "post_stream": {"posts": [post, second]}}
    path = folder / "deep.json"
    path.write_text(json.dumps(topic), encoding="utf-8")
    return path


def _quotes(folder: Path, scale: float) -> Path:
    page = XENFORO.read_text(encoding="utf-8")
    start = page.index('<div class="bbWrapper">') + len('<div class="bbWrapper">')
    quote = (
        '<blockquote class="bbCodeBlock bbCodeBlock--quote" data-quote="alice" '
        'data-source="post: 1"><div class="bbCodeBlock-content">Quoted {i}.</div>'
        "</blockquote>Reply {i}.<br>"
    )
    quotes = "".join(quote.format(i=i) for i in range(int(100_000 * scale)))
    path = folder / "quotes.html"
    path.write_text(page[:start] + quotes + page[start:], encoding="utf-8")
    return path


def near_duplicates(size: int, seed: int = 1) -> str:
    """Long lines that share sentences with earlier ones, shuffled and edited: quote candidates
    that never repeat an earlier line verbatim, so each one is aligned character by character."""
    import random

    rng = random.Random(seed)
    sentences = [_sentence(i) for i in range(360)]
    out = [" ".join(sentences[k * 120 : (k + 1) * 120]) for k in range(3)]
    total = sum(map(len, out))
    while total < size:
        length = rng.choice((500, 1000, 2900))
        pick = [rng.choice(sentences) for _ in range(length // 50)]
        pick = [p.replace("the", "a", 1) if rng.random() < 0.5 else p for p in pick]
        out.append(" ".join(pick)[:length])
        total += len(out[-1]) + 2
    return "\n\n".join(out) + "\n"


def _lines(folder: Path, scale: float, size: int) -> Path:
    path = folder / "near.txt"
    path.write_text(near_duplicates(int(size * scale)), encoding="utf-8")
    return path


def _text_quotes(folder: Path, scale: float) -> Path:
    n = int(10_000 * scale)
    said = [f"{_sentence(i)} Number {i} stands alone." for i in range(n)]
    reply = [f"{line}\nNo, {i} is wrong." for i, line in enumerate(said)]
    path = folder / "quoting.txt"
    path.write_text("\n\n".join(said) + "\n\n" + "\n".join(reply) + "\n", encoding="utf-8")
    return path


def _text_nest(folder: Path, scale: float) -> Path:
    n = int(10_000 * scale)
    lines = ["Deep thread", "", "alice said:", _sentence(0)]
    lines += [f"user{i} said:" for i in range(n)] + [_sentence(1)]
    lines += ["Click to expand..."] * n + ["My own reply at the end."]
    path = folder / "nest.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _parse(path: Path) -> str:
    from tui.cli import main

    start = time.process_time()
    code = main(["parse", str(path)])
    return f"parse exit {code}, {time.process_time() - start:.2f} s CPU"


def child(case: str, folder: Path, scale: float) -> None:
    inputs = {
        "divs": lambda: _divs(folder, scale),
        "quotes": lambda: _quotes(folder, scale),
        "lines": lambda: _lines(folder, scale, 100_000),
        "lines1m": lambda: _lines(folder, scale, 1_000_000),
        "textquotes": lambda: _text_quotes(folder, scale),
        "textnest": lambda: _text_nest(folder, scale),
    }
    said = _reattach(scale) if case == "reattach" else _parse(inputs[case]())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"RESULT {said}; peak {peak:.0f} MiB", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "cases",
        nargs="*",
        default=["reattach", "divs", "quotes", "lines", "lines1m", "textquotes", "textnest"],
    )
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        sys.path.insert(0, str(args.root))
        with tempfile.TemporaryDirectory() as folder:
            child(args.child, Path(folder), args.scale)
        return
    for case in args.cases:
        cmd = [sys.executable, __file__, "--child", case, "--root", str(args.root)]
        cmd += ["--scale", str(args.scale)]
        env = {**os.environ, "PYTHONPATH": str(args.root)}
        wall = time.perf_counter()
        try:
            done = subprocess.run(
                cmd, capture_output=True, text=True, timeout=args.timeout, env=env
            )
        except subprocess.TimeoutExpired:
            print(f"{case:10} over {args.timeout:.0f} s (stopped)")
            continue
        lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
        said = lines[-1][7:] if lines else (done.stderr.strip().splitlines() or ["?"])[-1]
        print(f"{case:10} {said} ({time.perf_counter() - wall:.1f} s wall)")


if __name__ == "__main__":
    main()
