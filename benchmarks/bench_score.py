"""Benchmark: score 10,000 forum posts and print the figures (target: under one second).

Run: `.venv/bin/python benchmarks/bench_score.py [N]`. The posts are the bundled demo thread's
posts (our own text, a real thread's mix of lengths, quotes and attachments) repeated to N, each
with its own number, id and author. The scorer keeps no cache, so a repeated post costs exactly
what a new one would. Times are CPU time (`process_time`, what this process itself used, so other
programs on the machine do not count against it) and wall time, best of three runs.
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
        quotes = [q for q in src.quotes if q.target is None or q.target <= i]
        posts.append(
            Post(
                number=i + 1,
                id=f"bench-{i}",
                author=f"user{i % 37}",
                body=src.body,
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
    cpu, wall, cards = [], [], []
    for _ in range(3):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        cards.append(score_thread(thread))  # kept, so freeing one is not timed in the next run
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    card = cards[-1]
    best = min(cpu)
    sentences = sum(len(p.sentences) for p in card.posts)
    cues = sum(len(p.cues) for p in card.posts)
    print(f"posts: {n}, sentences: {sentences}, cues: {cues}, characters: {chars}")
    print(
        f"score_thread: CPU best {best:.3f} s (median {statistics.median(cpu):.3f} s), "
        f"wall best {min(wall):.3f} s; {n / best:,.0f} posts/s"
    )
    ok = best <= TARGET_SECONDS
    print(f"target {TARGET_SECONDS:.1f} s CPU for {n} posts: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
