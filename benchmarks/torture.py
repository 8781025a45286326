"""Kill writers at random while they save, and run two writers on one thread: is anything lost?

usage: python benchmarks/torture.py [TRIALS] [SECONDS]   (default: 200 trials, 120 s at most)

Three kinds of trial, in turn, each with the hostile text dump (tests/data/hostile/build.py
writes it into the work folder):
- a reader's save: a process that rates posts one after another through `tui.state.save_marks`
  (what the reader calls on every edit) is killed with SIGKILL at a random moment;
- `threadscore score -o CARD` onto a card holding marks, killed at a random moment;
- two readers on one state file, each rating its own posts through `save_marks` at once.
After each trial every file is read back: `corrupt` counts files that no longer read as a
scorecard, `lost` counts marks a finished save had written that are gone or changed. Stale
temp files a kill left must be gone after the next save. Prints trials / corrupt / lost.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
THREAD = Path("thread.txt")
"""The hostile text dump every trial reads; `main` writes it into its work folder."""


def write_hostile_thread(folder: Path) -> Path:
    """The demo thread with escape sequences and controls in its lines (the hostile corpus's
    text dump), written into `folder`."""
    import importlib.util

    build = ROOT / "tests" / "data" / "hostile" / "build.py"
    spec = importlib.util.spec_from_file_location("hostile_build", build)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    demo = (ROOT / "parsing" / "demo" / "demo_thread.txt").read_text(encoding="utf-8")
    path = folder / "thread.txt"
    path.write_text(module.hostile_text(demo), encoding="utf-8")
    return path


WRITER = """
import json, sys
from pathlib import Path
from parsing.load import load_thread
from scoring.models import Scorecard
from scoring.store import load_scorecard
from scoring.user_layer import set_rating
from tui.state import save_marks
thread = load_thread(sys.argv[1])
path, log, posts = Path(sys.argv[2]), Path(sys.argv[3]), [int(n) for n in sys.argv[4].split(",")]
card = Scorecard(fingerprint=thread.source.sha256, source_path=thread.source.path)
if path.exists():
    card = card.model_copy(update={"user": load_scorecard(path).user})
for round_ in range(int(sys.argv[5])):
    for number in posts:
        rating = 1 + (round_ + number) % 5
        layer = set_rating(card.user, thread.post(number), rating)
        with log.open("a") as handle:  # a save that may or may not be on disk
            handle.write(json.dumps(["try", number, rating]) + "\\n")
        saved = save_marks(path, card.model_copy(update={"user": layer}), thread)
        card = card.model_copy(update={"user": saved.layer})
        with log.open("a") as handle:  # the save returned: it is on disk
            handle.write(json.dumps(["done", number, rating]) + "\\n")
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _marks(path: Path) -> dict[int, int] | None:
    """The ratings in a scorecard file, or None when it does not read as one."""
    from scoring.store import load_scorecard

    try:
        card = load_scorecard(path)
    except Exception:
        return None
    return {m.post_number: m.rating for m in card.user.marks.values() if m.rating}


def _expected(log: Path) -> dict[int, set[int]]:
    """For each post, the ratings the file may hold: the last finished save's, or one tried
    after it (a kill between the rename and the log line leaves the newer one on disk)."""
    out: dict[int, set[int]] = {}
    if log.exists():
        for line in log.read_text().splitlines():
            try:
                state, number, rating = json.loads(line)
            except ValueError:
                continue  # the kill cut the log line, not the save
            if state == "done":
                out[number] = {rating}
            elif number in out:
                out[number].add(rating)
    return out


def _lost(expected: dict[int, set[int]], found: dict[int, int]) -> int:
    return sum(found.get(number) not in allowed for number, allowed in expected.items())


def killed_reader(folder: Path, rng: random.Random) -> tuple[bool, int]:
    path, log = folder / "state.scorecard.toml", folder / "log.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(THREAD), str(path), str(log), "1,2,3,4,5,6,7,8", "50"],
        env=_env(),
    )
    time.sleep(rng.uniform(0.3, 1.5))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if not path.exists():
        return False, 0
    found = _marks(path)
    if found is None:
        return True, 0
    return False, _lost(_expected(log), found)


def killed_score(folder: Path, rng: random.Random) -> tuple[bool, int]:
    card = folder / "card.toml"
    if not card.exists():
        subprocess.run(
            [sys.executable, "-m", "tui.cli", "score", "-o", str(card), str(THREAD)],
            env=_env(),
            check=True,
            capture_output=True,
        )
        text = card.read_text().replace("post_number = 1\n", "post_number = 1\nrating = 4\n", 1)
        card.write_text(text)
    before = {n: {r} for n, r in (_marks(card) or {}).items()}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "score", "-o", str(card), str(THREAD)],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(rng.uniform(0.2, 1.2))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    found = _marks(card)
    if found is None:
        return True, 0
    return False, _lost(before, found)


def two_readers(folder: Path, rng: random.Random) -> tuple[bool, int]:
    path = folder / "shared.scorecard.toml"
    logs = [folder / "a.jsonl", folder / "b.jsonl"]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(THREAD), str(path), str(log), posts, "3"],
            env=_env(),
        )
        for log, posts in zip(logs, ["1,3,5,7", "2,4,6,8"], strict=True)
    ]
    for proc in procs:
        proc.wait()
    found = _marks(path)
    if found is None:
        return True, 0
    expected = {**_expected(logs[0]), **_expected(logs[1])}
    return False, _lost(expected, found)


def _finish_one_save(folder: Path) -> None:
    """One save that is not killed, in a folder earlier kills left temp files in."""
    if folder.name == "killed_reader":
        path, log = folder / "state.scorecard.toml", folder / "log.jsonl"
        argv = ["-c", WRITER, str(THREAD), str(path), str(log), "1", "1"]
    else:
        argv = ["-m", "tui.cli", "score", "-o", str(folder / "card.toml"), str(THREAD)]
    subprocess.run([sys.executable, *argv], env=_env(), check=True, capture_output=True)


def main() -> None:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    budget = float(sys.argv[2]) if len(sys.argv) > 2 else 120.0
    rng = random.Random(13)
    kinds = [killed_reader, killed_score, two_readers]
    counts = {k.__name__: [0, 0, 0] for k in kinds}
    stale = 0
    start = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="threadscore-torture-"))
    global THREAD
    THREAD = write_hostile_thread(work)
    try:
        for trial in range(trials):
            if time.monotonic() - start > budget:
                break
            kind = kinds[trial % len(kinds)]
            folder = work / kind.__name__ if kind is not two_readers else work / f"two-{trial}"
            folder.mkdir(exist_ok=True)
            corrupt, lost = kind(folder, rng)
            row = counts[kind.__name__]
            row[0] += 1
            row[1] += corrupt
            row[2] += lost
        from scoring.store import STALE_TEMP_SECONDS

        old = time.time() - STALE_TEMP_SECONDS - 1
        for tmp in work.rglob(".*.tmp"):  # left by kills: the next save must sweep them
            os.utime(tmp, (old, old))
        for folder in (work / "killed_reader", work / "killed_score"):
            if folder.exists():
                _finish_one_save(folder)
                stale += len(list(folder.glob(".*.tmp")))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'kind':<15} {'trials':>6} {'corrupt':>7} {'lost':>5}")
    for name, (n, corrupt, lost) in counts.items():
        print(f"{name:<15} {n:>6} {corrupt:>7} {lost:>5}")
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    print(f"{'all':<15} {total[0]:>6} {total[1]:>7} {total[2]:>5}")
    print(f"stale temp files left after the next save: {stale}")
    print(f"time: {time.monotonic() - start:.0f} s")


if __name__ == "__main__":
    main()
