"""Benchmark: score 10,000 forum posts and print the figures (target: under one second).

Run: `.venv/bin/python benchmarks/bench_score.py [N]`. The posts are built from the bundled demo
thread's posts (our own text), repeated with a counter so no two are identical, keeping their
quotes and attachments, so the scorer sees the mix of lengths a real thread has.
"""

from __future__ import annotations

import statistics
import sys
import time

from parsing import Post, Thread, load_thread
from scoring import score_thread

TARGET_SECONDS = 1.0


def build(n: int) -> Thread:
    demo = load_thread(None)
    posts = []
    for i in range(n):
        src = demo.posts[i % len(demo.posts)]
        body = f"{src.body}\nPost {i}." if i >= len(demo.posts) else src.body
        quotes = [q for q in src.quotes if q.target is None or q.target <= i]
        posts.append(
            Post(
                number=i + 1,
                id=f"bench-{i}",
                author=f"user{i % 37}",
                body=body,
                quotes=quotes,
                attachments=src.attachments,
            )
        )
    return demo.model_copy(update={"posts": posts})


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    thread = build(n)
    chars = sum(len(p.body) for p in thread.posts)
    score_thread(build(50))  # warm up: compile patterns, import everything
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        card = score_thread(thread)
        runs.append(time.perf_counter() - start)
    best = min(runs)
    sentences = sum(len(p.sentences) for p in card.posts)
    print(f"posts: {n}, sentences: {sentences}, characters: {chars}")
    print(
        f"score_thread: best {best:.3f} s, median {statistics.median(runs):.3f} s "
        f"({n / best:,.0f} posts/s, {chars / best / 1e6:.2f} MB/s)"
    )
    ok = best <= TARGET_SECONDS
    print(f"target {TARGET_SECONDS:.1f} s for {n} posts: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
