"""The `threadscore` command ends without freeing every object, but never before its output
is out: the end of a long TOML export is on stdout and the exit code is the command's."""

from __future__ import annotations

import subprocess
import sys


def run_entry(*args: str) -> subprocess.CompletedProcess[str]:
    code = "from tui.cli import entry; entry()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )


def test_the_command_flushes_its_output_and_keeps_its_exit_code() -> None:
    done = run_entry("score", "--toml")
    assert done.returncode == 0
    assert done.stdout.rstrip().endswith("# end of threadscore scorecard")
    failed = run_entry("parse", "/no/such/thread.txt")
    assert failed.returncode == 1 and "no such file" in failed.stderr.lower()
