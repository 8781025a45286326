"""`threadscore [THREAD...]`: open the reader (issue 5); until then, print the parse summary."""

from __future__ import annotations

import argparse

from parsing import load_thread
from tui.commands.parse import summary


def run(args: argparse.Namespace) -> int:
    print(summary(load_thread(args.thread or None)))
    return 0
