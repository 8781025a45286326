"""The commands' cost as a user pays it, with floors beside it, in one run.

usage: python benchmarks/bench_commands.py [--sizes seed 1000 10000 100000] [--runs N]
                                           [--against DIR] [--data DIR]
                                           [--commands parse score score-toml score-cues ...]

Each figure is one fresh process, start-up and imports included, as the installed `threadscore`
command runs it (`tui.cli.entry`, which ends with `os._exit` after flushing, so no process pays
for freeing its objects one by one): `parse THREAD --json` and `score THREAD --json` with stdout
to /dev/null (`--commands`: also `score --toml`, `--toml --cues`, the table). CPU is the
child's user + system time (os.wait4), the median of `--runs` (the
machine is shared: wall time would count the waits for a CPU other jobs held; the best run is
printed beside it); peak is the child's maximum resident set (VmHWM, read by the child as it
exits: `ru_maxrss` would count the benchmark's own size, which a forked child starts from).
Compiled bytecode is kept, as an installed package keeps it (in a cache folder beside the
threads, `PYTHONPYCACHEPREFIX`, so no checkout is written to; one untimed run of each checkout
fills it first); `--no-bytecode` compiles every module in every process instead, as a
development shell with `PYTHONDONTWRITEBYTECODE` does.

Floors, each its own fresh process over the same file:
- `start`: `python -c pass`; `models`: importing the parser's and the scorer's models (pydantic);
- `read`: reading, decoding and splitting the file into lines;
- `regex`: the scorer's cue scan (`scoring.patterns.spans`, every rule) over the lower-cased
  text (all the scanning scoring cannot avoid, without sentences, models or output);
- `naive`: a parser that cuts posts at blank lines and prints them as JSON (no quotes, no
  models): what any parser pays.
`--against DIR` runs the same commands from another checkout (its .venv) beside this one,
the two checkouts' runs taken in turn.

Threads: the seed (../shared/fixtures) and generated bare-style threads of N posts
(benchmarks/bench_parse.py's generator), written once to `--data` (outside the repository).
Targets (CPU, start-up included): parse seed <= 0.20 s, 10k <= 0.9 s; score seed <= 0.22 s,
10k <= 1.5 s, 100k <= 15 s; peak <= 15x the input; 10k -> 100k growth <= 10.5x.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "fixtures" / "000_7a8e4cebb9525fcd.txt"
TARGETS = {
    ("parse", "seed"): 0.20,
    ("parse", "10000"): 0.9,
    ("score", "seed"): 0.22,
    ("score", "10000"): 1.5,
    ("score", "100000"): 15.0,
}
PEAK_TARGET = 15.0
GROWTH_TARGET = 10.5

PEAK = """
import atexit, os

def _peak():
    try:
        with open("/proc/self/status") as status:
            kib = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
        with open(os.environ["BENCH_PEAK_FILE"], "w") as out:
            out.write(kib)
    except (OSError, StopIteration, KeyError):
        pass

atexit.register(_peak)
"""
COMMAND = """
import os, sys
from tui import cli

_exit = os._exit


def _exit_after_peak(code):
    _peak()
    _exit(code)


os._exit = _exit_after_peak  # `entry` ends with os._exit, which skips atexit
cli.entry()
"""
READ = """
import sys
from pathlib import Path
lines = Path(sys.argv[1]).read_bytes().decode("utf-8").splitlines()
"""
REGEX = """
import sys
from pathlib import Path
from scoring.cues import compiled_rules
from scoring.patterns import spans
text = Path(sys.argv[1]).read_bytes().decode("utf-8").lower()
n = sum(1 for _ in spans(compiled_rules(), text))
"""
NAIVE = """
import json, re, sys
from pathlib import Path
text = Path(sys.argv[1]).read_bytes().decode("utf-8")
posts, line = [], 1
for n, block in enumerate(re.split(r"\\n[ \\t]*\\n", text), start=1):
    height = block.count("\\n") + 1
    posts.append({"number": n, "lines": [line, line + height - 1], "body": block.strip()})
    line += height + 1
json.dump({"posts": posts}, sys.stdout, ensure_ascii=False, indent=1)
"""
MODELS = "import parsing.models, scoring.models"
OUTPUTS = {
    "parse": ["--json"],
    "score": ["--json"],
    "score-toml": ["--toml"],
    "score-cues": ["--toml", "--cues"],
    "score-table": [],
}
"""`--commands`: the command and the output each row measures."""


@dataclass
class Run:
    cpu: float
    """Median CPU seconds."""
    peak_mb: float
    best: float = 0.0
    """Least CPU seconds of the runs."""


BYTECODE: dict[str, str] = {}
"""Environment for the children: the bytecode cache folder (see the module's docstring)."""


def measure(python: str, code: str, args: list[str], cwd: Path, runs: int) -> Run:
    """Median and least CPU time, and the largest peak, of `runs` fresh `python -c code args`
    processes (stdout discarded)."""
    times: list[float] = []
    peak = 0.0
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "peak"
        env = {**os.environ, "PYTHONPATH": str(cwd), "BENCH_PEAK_FILE": str(report)}
        if BYTECODE:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env.update(BYTECODE)
        for _ in range(runs):
            with open(os.devnull, "wb") as sink:
                argv = [python, "-c", PEAK + code, *args]
                child = subprocess.Popen(argv, cwd=cwd, stdout=sink, env=env)
                _, status, usage = os.wait4(child.pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                raise SystemExit(f"failed: {' '.join(args)}")
            times.append(usage.ru_utime + usage.ru_stime)
            kib = int(report.read_text()) if report.exists() else usage.ru_maxrss
            peak = max(peak, kib / 1024)
    return Run(statistics.median(times), peak, min(times))


def interleaved(checkouts: list[tuple[str, Path]], args: list[str], runs: int) -> dict[str, Run]:
    """Each checkout's `runs` of the command, taken in turn (new, old, new, old, ...): the
    machine's load drifts, and runs of one checkout all before the other's moved a 10k figure
    by a fifth."""
    taken: dict[str, list[Run]] = {name: [] for name, _ in checkouts}
    for _ in range(runs):
        for name, checkout in checkouts:
            taken[name].append(measure(python_of(checkout), COMMAND, args, checkout, 1))
    return {
        name: Run(
            statistics.median(r.cpu for r in done),
            max(r.peak_mb for r in done),
            min(r.cpu for r in done),
        )
        for name, done in taken.items()
    }


def python_of(checkout: Path) -> str:
    venv = checkout / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def threads(sizes: list[str], data: Path) -> dict[str, Path]:
    """Each size's thread file, generating the missing ones."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_parse import generate

    out = {}
    for size in sizes:
        if size == "seed":
            out[size] = SEED
            continue
        path = data / f"generated-{size}.txt"
        if not path.exists():
            data.mkdir(parents=True, exist_ok=True)
            path.write_text(generate(int(size))[0], encoding="utf-8")
        out[size] = path
    return out


def runs_for(size: str, runs: int) -> int:
    return runs if size == "seed" or int(size) <= 10000 else 1


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["seed", "1000", "10000", "100000"])
    parser.add_argument("--commands", nargs="+", choices=list(OUTPUTS), default=["parse", "score"])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (fewer at 10k+)")
    parser.add_argument("--against", type=Path, help="another checkout to run beside this one")
    parser.add_argument(
        "--against-up-to",
        type=int,
        default=10000,
        help="largest thread (posts) to run the other checkout on (main took 6 GiB at 100k)",
    )
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "ts-bench")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="compile every module in every process"
    )
    args = parser.parse_args(argv)
    files = threads(args.sizes, args.data)
    checkouts = [("new", ROOT)] + ([("old", args.against.resolve())] if args.against else [])
    here = python_of(ROOT)
    if not args.no_bytecode:  # the cache mirrors each source's full path: one for all
        BYTECODE["PYTHONPYCACHEPREFIX"] = str(args.data / "pycache")
        for _name, checkout in checkouts:
            for command in ("parse", "score"):  # untimed: fills the cache
                measure(python_of(checkout), COMMAND, [command, str(SEED), "--json"], checkout, 1)
    bytecode = "kept" if BYTECODE else "compiled in every process (--no-bytecode)"
    print(f"CPU: median of {args.runs} runs (one above 10k posts), best in brackets")
    print(f"bytecode: {bytecode}")
    start = measure(here, "pass", [], ROOT, args.runs)
    models = measure(here, MODELS, [], ROOT, args.runs)
    print(
        f"floors: start {start.cpu:.3f} s {start.peak_mb:.0f} MiB; "
        f"models {models.cpu:.3f} s {models.peak_mb:.0f} MiB (CPU median of {args.runs})"
    )
    head = f"{'thread':>7} {'MB':>6} {'command':<6}"
    for name, _ in checkouts:
        head += f" {name + ' s':>8} {'(best)':>7} {'peak':>6} {'x in':>5} {'x+':>5}"
    head += f" {'target':>7} {'read':>6} {'regex':>6} {'naive':>6}"
    print(head)
    results: dict[tuple[str, str, str], Run] = {}
    for size, path in files.items():
        mb = path.stat().st_size / 1e6
        n = runs_for(size, args.runs)
        floors = [measure(here, code, [str(path)], ROOT, n) for code in (READ, REGEX, NAIVE)]
        for command in args.commands:
            row = f"{size:>7} {mb:>6.2f} {command:<6}"
            both = [
                (name, checkout)
                for name, checkout in checkouts
                if name == "new" or size == "seed" or int(size) <= args.against_up_to
            ]
            cmd = [command.split("-")[0], str(path), *OUTPUTS[command]]
            runs = interleaved(both, cmd, n)
            for name, _checkout in checkouts:
                if name not in runs:
                    row += f" {'-':>8} {'-':>7} {'-':>6} {'-':>5} {'-':>5}"
                    continue
                run = results[name, size, command] = runs[name]
                over = (run.peak_mb - models.peak_mb) * 1.048576 / mb
                row += (
                    f" {run.cpu:>8.3f} {f'({run.best:.3f})':>7} {run.peak_mb:>6.0f}"
                    f" {run.peak_mb * 1.048576 / mb:>5.0f}"
                    f" {over:>5.1f}"
                )
            target = TARGETS.get((command, size))
            row += f" {target if target else '':>7}"
            row += "".join(f" {f.cpu:>6.3f}" for f in floors)
            print(row, flush=True)
    for name, _ in checkouts:
        for command in args.commands:
            small, big = (
                results.get((name, "10000", command)),
                results.get((name, "100000", command)),
            )
            if small and big:
                print(
                    f"{name} {command} 10k -> 100k: {big.cpu / small.cpu:.1f}x CPU "
                    f"(target <= {GROWTH_TARGET}x), {big.peak_mb / small.peak_mb:.1f}x peak"
                )
    print(
        "peak: MiB; x in: peak / input size; x+: (peak - models floor peak) / input size "
        f"(target <= {PEAK_TARGET:.0f}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
