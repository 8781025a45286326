"""Helpers shared by the parser's accuracy tests: run `threadscore parse` for real, score its
output with the shared evaluation tool, and read the seed's truth file. (No tests here.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import SHARED

EVAL = SHARED / "tools" / "eval_thread.py"


def threadscore_cmd() -> list[str]:
    """The installed `threadscore` command of this environment."""
    script = Path(sys.executable).with_name("threadscore")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())"]


def parse_json(path: Path, out: Path) -> Path:
    """Run `threadscore parse PATH --json` for real and keep its output in `out`."""
    done = subprocess.run(
        [*threadscore_cmd(), "parse", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out.write_text(done.stdout, encoding="utf-8")
    return out


def evaluate(parse_out: Path, truth: Path) -> dict[str, float]:
    """Scores from ../shared/tools/eval_thread.py for one parse output and truth file."""
    done = subprocess.run(
        [sys.executable, str(EVAL), str(parse_out), str(truth)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout)


def truth_numbering(truth: dict[str, Any], starts: set[int]) -> dict[int, int]:
    """Truth post number -> the number it has when optional starts we did not take are merged."""
    optional = set(truth.get("optional_starts", []))
    alts = {int(k): set(v) for k, v in truth.get("alt_starts", {}).items()}
    merged: dict[int, int] = {}
    current = 0
    for post in truth["posts"]:
        start = post["lines"][0]
        taken = start in starts or bool(alts.get(start, set()) & starts)
        if start not in optional or taken or current == 0:
            current = post["number"]
        merged[post["number"]] = current
    return merged
