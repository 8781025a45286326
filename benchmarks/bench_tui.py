"""Reader start-up and key latency: time to first frame (seed thread, 10k posts), cursor keys.

Run: `.venv/bin/python benchmarks/bench_tui.py [--posts 10000] [--keys 30]`

Each measurement runs headless in a fresh process, so imports count once per case as they do
for a user. "First frame" is the first frame Textual composes that shows the thread's posts
(the list filled and the first post open); headless Textual composes every frame and only skips
the final write to the terminal. Key latency is from sending a key event (as Pilot does, without
Pilot's idle waits) to the first frame after it, which shows the moved cursor (the reading
pane follows 60 ms after the last key, so holding `j` only redraws the list).
A dump of 0.5 MB or more opens on a preview of its first posts (`parsing.load.preview_inputs`):
its first frame shows those, and "the whole thread in" is when the whole parse replaced them.
The machine is shared, so the process's CPU time at the first frame is printed too: wall time
above CPU time is time spent waiting for a CPU that other jobs held.
At 10k posts it also times the scorecard screen (first and later opening), an export (and a
cursor key while it runs), quitting, and on a copy of the thread with quote links added, the
reply tree's toggle and cursor keys in the tree.
Targets on the 2-vCPU dev machine: seed <= 0.5 s, 10k posts <= 1.5 s, cursor key <= 16 ms,
scorecard again <= 0.5 s, quit <= 0.5 s (issue 12: first frame CPU, seed <= 0.35 s, 10k <= 0.8 s).

Compiled bytecode is kept, as an installed package keeps it (`PYTHONPYCACHEPREFIX` in a temp
folder, filled by one untimed run first), as `bench_commands.py` does; `--no-bytecode` compiles
every module in every process, as a development shell with `PYTHONDONTWRITEBYTECODE` does
(figures before session 5 were taken that way: ~0.07 s more at the seed's first frame).
`--seed-runs N` opens the seed N times and prints the median first frame (CPU and wall) with
the range; `--seed-only` stops there.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
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
BYTECODE: dict[str, str] = {}
"""Set by `main`: where the measured processes keep compiled bytecode (empty: compiled anew)."""
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


def with_quotes(thread_path: str, share: float = 0.6):  # type: ignore[no-untyped-def]
    """The generated thread with quote links added (its flat text has none the parser can
    find): a `share` of posts quote one or two of the 40 posts before them, as debates do."""
    from parsing.load import load_thread
    from parsing.models import Part, Quote

    rng = random.Random(2)
    thread = load_thread([thread_path])
    posts = []
    for post in thread.posts:
        quotes = []
        if post.number > 1 and rng.random() < share:
            for _ in range(1 + (rng.random() < 0.2)):
                target = rng.randrange(max(1, post.number - 40), post.number)
                words = thread.posts[target - 1].body[:60]
                quotes.append(Quote(target=target, text=words, author=None))
        parts = [Part(kind="quote", quote=i) for i in range(len(quotes))]
        parts.append(Part(kind="text", text=post.body))
        posts.append(post.model_copy(update={"quotes": quotes, "parts": parts}))
    return thread.model_copy(update={"posts": posts})


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def verdicts_shown(app) -> bool:  # type: ignore[no-untyped-def]
    """Every post on the list's visible rows, and the open one, has its verdict."""
    reader = app.reader
    doc, posts = reader.doc, reader.post_list
    if doc is None or not posts.numbers:
        return False
    top = posts.scroll_offset.y
    shown = [*posts.numbers[top : top + posts.size.height], reader.current]
    return all(doc.score(n) is not None for n in shown if n is not None)


def child(
    thread: str,
    keys: int,
    spawned: float,
    tree: bool = False,
    quit_early: bool = False,
    keys_only: bool = False,
) -> None:
    """Runs in the measured process: start the app, time its first frame, cursor keys, the
    scorecard, an export and quitting (`tree`: on the thread with quote links, the tree toggle
    and keys in the tree instead; `quit_early`: quit as soon as the visible posts' verdicts
    are drawn and the whole thread is in, while the rest are still being scored; `keys_only`:
    the cursor keys, one at a time and in bursts, then quit).

    Times are wall-clock from `spawned` (when the parent started this process), so interpreter
    start-up and imports count as they do for a user.
    """
    from parsing import regex_cache
    from tui.startup import pause_collector

    if hasattr(regex_cache, "warm"):  # an older checkout measured with this script has none
        regex_cache.warm("reader")  # first, as `threadscore THREAD` does (tui.cli.main)
    pause_collector()

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
                result["first_frame_cpu_s"] = cpu()
            reader = self.reader
            if (
                "whole_thread_s" not in result
                and reader.doc is not None
                and not getattr(reader, "_provisional", False)
            ):
                result["whole_thread_s"] = now - spawned  # the same as the first frame without
                result["whole_thread_cpu_s"] = cpu()  # a preview (a thread of under 0.5 MB)
            if first_with_posts and "visible_verdicts_s" not in result and verdicts_shown(self):
                result["visible_verdicts_s"] = now - first_with_posts[0]
                result["visible_verdicts_cpu_s"] = cpu() - result["first_frame_cpu_s"]
            super()._display(screen, renderable)

    async def run() -> None:
        from tui.cli import build_parser

        if tree:
            app = Timed(thread=with_quotes(thread))
        else:
            args = build_parser()[0].parse_args([thread])  # as `threadscore THREAD` does
            app = Timed(args.thread)
        async with app.run_test(size=(120, 40)) as pilot:
            while not first_with_posts:
                if app.load_error or time.time() - spawned > 60:
                    raise SystemExit(f"the thread did not open: {app.load_error or 'timeout'}")
                await asyncio.sleep(0.001)
            result["first_frame_s"] = first_with_posts[0] - spawned
            assert app.reader.doc is not None
            result["first_frame_posts"] = len(app.reader.doc.thread.posts)
            if quit_early:  # quit as soon as the screen has its verdicts, the rest unscored
                while "visible_verdicts_s" not in result and time.time() - spawned < 60:
                    await asyncio.sleep(0.001)
                while "whole_thread_s" not in result and time.time() - spawned < 120:
                    await asyncio.sleep(0.001)  # after a preview: once the rest is in
                result["scored_before_quit"] = int(app.reader.scored)
                # As the terminal sends it: Pilot's press waits for the process to idle (up
                # to a second per wait), which it is not while the thread is parsed or scored.
                result["quit_sent"] = send(app, "q")
                while not app._exit and time.time() - spawned < 60:
                    await asyncio.sleep(0.001)
            else:
                await use_then_quit(app, pilot, frames, keys, result)
        result["app_exit_s"] = time.time() - result["quit_sent"]
        result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if app.reader.doc is not None and not getattr(app.reader, "_provisional", False):
            result["posts"] = len(app.reader.doc.thread.posts)

    async def use_then_quit(app, pilot, frames, keys, result) -> None:  # type: ignore[no-untyped-def]
        """Wait for every verdict, then time keys, the scorecard and an export; quit."""
        while not app.reader.scored and time.time() - spawned < 300:
            await asyncio.sleep(0.01)
        result["scored_s"] = time.time() - spawned
        result["scored_cpu_s"] = cpu()
        await pilot.pause(0.2)
        if tree:
            result["tree_toggle_s"] = await timed_key(app, pilot, frames, "t")
            await pilot.pause(0.3)
        result.update(await key_latencies(app, pilot, frames, keys))
        if keys_only:
            result.update(await burst_times(app, pilot, frames))
        elif not tree:
            result.update(await scorecard_times(app, pilot, frames))
            result.update(await export_times(app, pilot, frames))
        result["quit_sent"] = time.time()
        await pilot.press("q")

    asyncio.run(run())
    print(json.dumps(result), flush=True)
    os._exit(0)  # as the `threadscore` command ends (tui.cli.entry)


def send(app, key: str) -> float:  # type: ignore[no-untyped-def]
    """Queue `key` as the terminal would (no Pilot idle waits); the time it was sent."""
    from textual import events

    sent = time.time()
    app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
    return sent


async def timed_key(app, pilot, frames: list[float], key: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds from sending `key` to the first frame drawn after it was handled."""
    frames.clear()
    sent = send(app, key)
    for _ in range(3000):
        await pilot.pause(0.002)
        if frames:
            return frames[0] - sent
    return -1.0


async def key_latencies(app, pilot, frames: list[float], keys: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Cursor key to frame over `keys` presses of j (then k)."""
    latencies = []
    for i in range(keys):
        key = "j" if i % 2 == 0 or i < keys // 2 else "k"
        frames.clear()
        sent = send(app, key)
        # Let this key's frames land, including the reading pane's redraw 60 ms later,
        # so it is not counted against the next key.
        await pilot.pause(0.15)
        list_frames = [t for t in frames if t - sent < 0.05]
        if list_frames:
            latencies.append(list_frames[0] - sent)
    return {
        "key_ms_median": statistics.median(latencies) * 1000 if latencies else -1,
        "key_ms_p90": sorted(latencies)[int(len(latencies) * 0.9)] * 1000 if latencies else -1,
        "keys": len(latencies),
    }


async def burst_times(app, pilot, frames: list[float], size: int = 10) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Seconds from `size` cursor keys arriving in one terminal read (a held key on a busy
    machine, keys over ssh) to the first frame with the cursor `size` rows on: the cost of
    keys waiting for the keys before them (`tui.key_order`)."""
    from textual import events

    posts = app.reader.post_list
    times = []
    for rep in range(8):
        key = "j" if rep % 2 == 0 else "k"
        target = posts.cursor + (size if key == "j" else -size)
        frames.clear()
        sent = time.time()
        for _ in range(size):
            app._driver.send_message(events.Key(key, key))
        while posts.cursor != target and time.time() - sent < 10:
            await asyncio.sleep(0.0005)
        reached = time.time()
        while not any(t >= reached for t in frames) and time.time() - sent < 10:
            await asyncio.sleep(0.0005)
        times.append(min((t for t in frames if t >= reached), default=time.time()) - sent)
        await pilot.pause(0.2)
    return {"burst_ms_median": statistics.median(times) * 1000, "burst_size": size}


async def scorecard_times(app, pilot, frames: list[float]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Seconds from `s` to the scorecard's first frame: the first time, then again."""
    from tui.screens.scorecard import ScorecardScreen

    times = {}
    for name in ("scorecard_first_s", "scorecard_later_s"):
        sent = send(app, "s")
        while not isinstance(app.screen, ScorecardScreen) and time.time() - sent < 60:
            await asyncio.sleep(0.002)
        frames.clear()
        while not frames and time.time() - sent < 60:
            await asyncio.sleep(0.002)
        times[name] = (frames[0] if frames else time.time()) - sent
        await pilot.pause(0.2)
        send(app, "escape")
        await pilot.pause(0.3)
    return times


async def export_times(app, pilot, frames: list[float]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Seconds an export takes (enter in the box to the notice), the file's size, and the
    cursor key's latency while it runs."""
    from tui.screens.export import ExportScreen

    send(app, "e")
    while not isinstance(app.screen, ExportScreen):
        await asyncio.sleep(0.01)
    out = Path(tempfile.mkdtemp(prefix="bench-export-")) / "card.toml"
    app.screen.query_one("#path").value = str(out)
    await pilot.pause(0.05)
    sent = send(app, "enter")
    while not app.reader.busy and time.time() - sent < 5:
        await asyncio.sleep(0.001)
    during = []
    while app.reader.busy and time.time() - sent < 120:
        frames.clear()
        pressed = send(app, "j")
        await pilot.pause(0.1)
        if frames:
            during.append(frames[0] - pressed)
    took = time.time() - sent
    size = out.stat().st_size if out.exists() else 0
    return {
        "export_s": took,
        "export_mb": size / 1e6,
        "export_key_ms_median": statistics.median(during) * 1000 if during else -1,
    }


def measure(
    thread: Path,
    keys: int,
    *,
    tree: bool = False,
    quit_early: bool = False,
    keys_only: bool = False,
    code: Path | None = None,
) -> dict[str, float]:
    """Run `child` in a fresh process; `code`: the checkout whose reader it runs (this one by
    default; its own folder first on the path, and the process started there)."""
    with tempfile.TemporaryDirectory(prefix="bench-home-") as home:
        env = {**os.environ, "THREADSCORE_HOME": home}
        if code is not None:
            env["PYTHONPATH"] = str(code)
        env.pop("TEXTUAL_THEME", None)
        if BYTECODE:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env.update(BYTECODE)
        spawn = time.time()
        script = (
            f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); "
            f"import bench_tui; bench_tui.child({str(thread)!r}, {keys}, {spawn!r}, "
            f"{tree!r}, {quit_early!r}, {keys_only!r})"
        )
        out = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env=env,
            cwd=code,
            check=False,
        )
        ended = time.time()
    if out.returncode:
        sys.exit(f"benchmark process failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["quit_s"] = ended - result["quit_sent"]
    return result


def report(name: str, r: dict[str, float], target: float) -> None:
    ok = "ok" if r["first_frame_s"] <= target else "OVER TARGET"
    print(
        f"{name:>12}: {int(r['posts'])} posts, first frame {r['first_frame_s']:.3f} s "
        f"(CPU {r['first_frame_cpu_s']:.3f} s; target {target} s: {ok}), showing "
        f"{int(r['first_frame_posts'])} posts; the whole thread in at "
        f"{r.get('whole_thread_s', -1):.3f} s (CPU {r.get('whole_thread_cpu_s', -1):.3f} s)"
    )
    print(
        f"{'':>12}  verdicts on screen {r.get('visible_verdicts_s', -1):.3f} s after the first "
        f"frame (CPU {r.get('visible_verdicts_cpu_s', -1):.3f} s; target 0.3 s); all verdicts "
        f"at {r['scored_s']:.2f} s (CPU {r.get('scored_cpu_s', -1):.2f} s)"
    )
    key_ok = "ok" if r["key_ms_median"] <= 16 else "OVER TARGET"
    mode = "tree" if "tree_toggle_s" in r else "list"
    print(
        f"{'':>12}  cursor key to frame ({mode}): median {r['key_ms_median']:.1f} ms, "
        f"p90 {r['key_ms_p90']:.1f} ms over {int(r['keys'])} keys (target 16 ms: {key_ok})"
    )
    if "tree_toggle_s" in r:
        print(f"{'':>12}  tree toggle (t) to frame: {r['tree_toggle_s'] * 1000:.0f} ms")
    if "scorecard_first_s" in r:
        print(
            f"{'':>12}  scorecard open: first {r['scorecard_first_s']:.2f} s, "
            f"later {r['scorecard_later_s']:.2f} s (target later <= 0.5 s)"
        )
        print(
            f"{'':>12}  export: {r['export_s']:.2f} s, {r['export_mb']:.1f} MB, cursor key "
            f"meanwhile median {r['export_key_ms_median']:.0f} ms"
        )
    print(
        f"{'':>12}  quit: {r['app_exit_s']:.2f} s to the app's end, {r['quit_s']:.2f} s to the "
        "process's end (target 0.5 s)"
    )


def report_early_quit(name: str, r: dict[str, float]) -> None:
    still = "all scored already" if r["scored_before_quit"] else "the rest still scoring"
    print(
        f"{name:>12}: first frame {r['first_frame_s']:.3f} s (CPU {r['first_frame_cpu_s']:.3f} s) "
        f"showing {int(r['first_frame_posts'])} posts; the whole thread in at "
        f"{r.get('whole_thread_s', -1):.3f} s (CPU {r.get('whole_thread_cpu_s', -1):.3f} s); "
        "verdicts on screen "
        f"{r.get('visible_verdicts_s', -1):.3f} s after it "
        f"(CPU {r.get('visible_verdicts_cpu_s', -1):.3f} s)"
    )
    print(
        f"{name:>12}: quit once the screen's verdicts are drawn and the whole thread is in "
        f"({still}): "
        f"{r['app_exit_s']:.2f} s to the app's end, {r['quit_s']:.2f} s to the process's end"
    )


def report_first_frames(name: str, runs: list[dict[str, float]]) -> None:
    cpu = sorted(r["first_frame_cpu_s"] for r in runs)
    wall = sorted(r["first_frame_s"] for r in runs)
    print(
        f"{name:>12}: first frame over {len(runs)} runs: CPU median {statistics.median(cpu):.3f} s "
        f"({cpu[0]:.3f}-{cpu[-1]:.3f}), wall median {statistics.median(wall):.3f} s "
        f"({wall[0]:.3f}-{wall[-1]:.3f}); load average {os.getloadavg()[0]:.1f}"
    )


def median_range(results: list[dict[str, float]], field: str) -> str:
    values = sorted(r[field] for r in results)
    return f"{statistics.median(values):.1f} ({values[0]:.1f}-{values[-1]:.1f})"


def compare(other: Path, runs: int, keys: int, cases: list[tuple[str, Path, float]]) -> None:
    """Cursor key latency of this checkout beside `other`'s, runs interleaved (which goes
    first alternates) so the shared machine's load falls on both alike."""
    checkouts = {"this": ROOT, other.name: other.resolve()}
    for name, path, _target in cases:
        figures: dict[str, list[dict[str, float]]] = {label: [] for label in checkouts}
        for run in range(runs):
            order = list(checkouts.items())
            for label, code in order if run % 2 == 0 else order[::-1]:
                figures[label].append(measure(path, keys, keys_only=True, code=code))
        for label, results in figures.items():
            mid = functools.partial(median_range, results)
            print(
                f"{name:>12} {label:>8}: cursor key to frame median {mid('key_ms_median')} ms, "
                f"p90 {mid('key_ms_p90')} ms; {int(results[0]['burst_size'])} keys at once "
                f"to the frame showing them {mid('burst_ms_median')} ms "
                f"(median over {len(results)} runs, range)"
            )
    print(f"load average {os.getloadavg()[0]:.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--keys", type=int, default=30)
    parser.add_argument("--no-tree", action="store_true", help="skip the reply-tree case")
    parser.add_argument(
        "--seed-runs", type=int, default=0, help="time the seed's first frame N times"
    )
    parser.add_argument("--seed-only", action="store_true", help="only the seed's first frames")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="compile every module in every process"
    )
    parser.add_argument(
        "--ab",
        type=Path,
        metavar="CHECKOUT",
        help="only cursor keys, this checkout against another's (e.g. a worktree of main)",
    )
    parser.add_argument("--ab-runs", type=int, default=5, help="runs per checkout with --ab")
    args = parser.parse_args()
    cache = tempfile.TemporaryDirectory(prefix="bench-pycache-")
    if not args.no_bytecode:
        BYTECODE["PYTHONPYCACHEPREFIX"] = cache.name
        if SEED.exists():
            measure(SEED, 1, quit_early=True)  # untimed: fills the bytecode cache
            if args.ab:
                measure(SEED, 1, quit_early=True, code=args.ab.resolve())
    print(f"bytecode: {'compiled in every process' if args.no_bytecode else 'kept'}")
    if SEED.exists() and (args.seed_runs or args.seed_only):
        report_first_frames(
            "seed", [measure(SEED, 1, quit_early=True) for _ in range(max(1, args.seed_runs))]
        )
    if args.seed_only:
        return 0
    cases: list[tuple[str, Path, float]] = []
    if SEED.exists():
        cases.append(("seed", SEED, 0.5))
    else:
        print(f"seed thread not found at {SEED}; skipping it")
    scratch = tempfile.TemporaryDirectory(prefix="bench-thread-")
    big = Path(scratch.name) / f"generated-{args.posts}.txt"
    generate_thread(big, args.posts)
    cases.append((f"{args.posts} posts", big, 1.5))
    if args.ab:
        compare(args.ab, args.ab_runs, args.keys, cases)
        scratch.cleanup()
        cache.cleanup()
        return 0
    for name, path, target in cases:
        report(name, measure(path, args.keys), target)
    report_early_quit(f"{args.posts} posts", measure(big, args.keys, quit_early=True))
    if not args.no_tree:
        report(f"{args.posts} tree", measure(big, args.keys, tree=True), 99.0)
    scratch.cleanup()
    cache.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
