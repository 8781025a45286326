"""Reader start-up and key latency: time to first frame (seed thread, 10k posts), cursor keys.

Run: `.venv/bin/python benchmarks/bench_tui.py [--posts 10000] [--keys 30]`

Each measurement runs headless in a fresh process, so imports count once per case as they do
for a user. "First frame" is the first frame Textual composes that shows the thread's posts
(the list filled and the first post open); headless Textual composes every frame and only skips
the final write to the terminal. Key latency is from sending a key event (as Pilot does, without
Pilot's idle waits) to the first frame after it, which shows the moved cursor (the reading
pane follows 60 ms after the last key, so holding `j` only redraws the list).
The machine is shared, so the process's CPU time at the first frame is printed too: wall time
above CPU time is time spent waiting for a CPU that other jobs held.
Targets on the 2-vCPU dev machine: seed <= 0.5 s, 10k posts <= 1.5 s, cursor key <= 16 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "fixtures" / "000_7a8e4cebb9525fcd.txt"

WORDS = (
    "Car-free centres are good for business.",
    "According to the 2019 survey, 41% of cars only pass through.",
    "I doubt that is true for a town like ours.",
    "Source?",
    "Here is the page: https://example.org/air (table 4).",
    "We counted for two weeks: 212 of 430 receipts had a village postcode.",
    "lol",
    "That is why I think this plan is a terrible idea.",
)


def generate_thread(path: Path, posts: int) -> None:
    """A flattened text dump in the seed's style: author, date, words, blank line."""
    rng = random.Random(1)
    lines = [f"A generated thread of {posts} posts", ""]
    for i in range(posts):
        lines += [
            f"user{rng.randrange(300)}",
            f"Sep {1 + i % 28}, 2026",
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 5))),
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


def child(thread: str, keys: int, spawned: float) -> None:
    """Runs in the measured process: start the app, time its first frame and cursor keys.

    Times are wall-clock from `spawned` (when the parent started this process), so interpreter
    start-up and imports count as they do for a user.
    """
    from tui.startup import pause_collector

    pause_collector()  # first, as `threadscore THREAD` does (tui.cli.main)

    import asyncio

    from textual import events

    from tui.app import ThreadscoreApp

    frames: list[float] = []
    first_with_posts: list[float] = []
    result: dict[str, float | int] = {}

    class Timed(ThreadscoreApp):
        def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
            now = time.time()
            frames.append(now)
            if not first_with_posts and self.reader.doc is not None and self.reader.pane.view:
                first_with_posts.append(now)
                usage = resource.getrusage(resource.RUSAGE_SELF)
                result["first_frame_cpu_s"] = usage.ru_utime + usage.ru_stime
            super()._display(screen, renderable)

    async def run() -> None:
        from tui.cli import build_parser

        args = build_parser()[0].parse_args([thread])  # as `threadscore THREAD` does
        app = Timed(args.thread)
        async with app.run_test(size=(120, 40)) as pilot:
            while not first_with_posts:
                if app.load_error or time.time() - spawned > 60:
                    raise SystemExit(f"the thread did not open: {app.load_error or 'timeout'}")
                await asyncio.sleep(0.001)
            result["first_frame_s"] = first_with_posts[0] - spawned
            assert app.reader.doc is not None
            result["posts"] = len(app.reader.doc.thread.posts)
            while not app.reader.scored and time.time() - spawned < 300:
                await asyncio.sleep(0.01)
            result["scored_s"] = time.time() - spawned
            await pilot.pause(0.2)
            latencies = []
            driver = app._driver
            assert driver is not None
            for i in range(keys):
                key = "j" if i % 2 == 0 or i < keys // 2 else "k"
                frames.clear()
                sent = time.time()
                driver.send_message(events.Key(key, key))
                # Let this key's frames land, including the reading pane's redraw 60 ms later,
                # so it is not counted against the next key.
                await pilot.pause(0.15)
                list_frames = [t for t in frames if t - sent < 0.05]
                if list_frames:
                    latencies.append(list_frames[0] - sent)
            result["key_ms_median"] = statistics.median(latencies) * 1000 if latencies else -1
            result["key_ms_p90"] = (
                sorted(latencies)[int(len(latencies) * 0.9)] * 1000 if latencies else -1
            )
            result["keys"] = len(latencies)
            await pilot.press("q")

    asyncio.run(run())
    print(json.dumps(result))


def measure(thread: Path, keys: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-home-") as home:
        env = {**os.environ, "THREADSCORE_HOME": home}
        env.pop("TEXTUAL_THEME", None)
        spawn = time.time()
        code = (
            f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); "
            f"import bench_tui; bench_tui.child({str(thread)!r}, {keys}, {spawn!r})"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
        )
    if out.returncode:
        sys.exit(f"benchmark process failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--keys", type=int, default=30)
    args = parser.parse_args()
    cases: list[tuple[str, Path, float]] = []
    if SEED.exists():
        cases.append(("seed", SEED, 0.5))
    else:
        print(f"seed thread not found at {SEED}; skipping it")
    scratch = tempfile.TemporaryDirectory(prefix="bench-thread-")
    big = Path(scratch.name) / f"generated-{args.posts}.txt"
    generate_thread(big, args.posts)
    cases.append((f"{args.posts} posts", big, 1.5))
    for name, path, target in cases:
        r = measure(path, args.keys)
        ok = "ok" if r["first_frame_s"] <= target else "OVER TARGET"
        print(
            f"{name:>12}: {int(r['posts'])} posts, first frame {r['first_frame_s']:.3f} s "
            f"(CPU {r['first_frame_cpu_s']:.3f} s; target {target} s: {ok}); "
            f"verdicts shown at {r['scored_s']:.2f} s"
        )
        key_ok = "ok" if r["key_ms_median"] <= 16 else "OVER TARGET"
        print(
            f"{'':>12}  cursor key to frame: median {r['key_ms_median']:.1f} ms, "
            f"p90 {r['key_ms_p90']:.1f} ms over {int(r['keys'])} keys (target 16 ms: {key_ok})"
        )
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
