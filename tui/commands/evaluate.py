"""`threadscore evaluate` (issue 4): not built yet."""

from __future__ import annotations

import argparse

from parsing.errors import ThreadscoreError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", nargs="*")


def run(args: argparse.Namespace) -> int:
    raise ThreadscoreError("'evaluate' is not built yet")
