"""`threadscore evaluate DATA.jsonl [--level sentence|post] [--json]`: measure the scorer."""

from __future__ import annotations

import argparse
import json
import sys

from scoring.evaluate import evaluate, format_report, read_examples


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", help='JSON lines, one {"text": ..., "label": ...} per line')
    parser.add_argument(
        "--level",
        choices=["sentence", "post"],
        default="sentence",
        help="sentence labels claim/evidence/challenge/none (default); "
        "post labels evidenced/asserted/challenge/non-argument",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    result = evaluate(read_examples(args.data, args.level), args.level)
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        print(format_report(result))
    return 0
