"""`threadscore evaluate DATA.jsonl [--level sentence|post] [--json]`: measure the scorer."""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", help='JSON lines, one {"text": ..., "label": ...} per line')
    parser.add_argument(
        "--level",
        choices=["sentence", "post"],
        default="sentence",
        help="sentence labels claim/reason/evidence/challenge/none or premise (default); "
        "post labels evidenced/reasoned/asserted/challenge/non-argument",
    )
    parser.add_argument(
        "--map",
        metavar="A=B,...",
        help="map labels the data does not use, e.g. reason=premise,evidence=premise "
        "(default: read off the data's labels; see docs/scoring.md)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from scoring.evaluate import evaluate, format_report, parse_map, read_examples  # not --help

    mapping = parse_map(args.map) if args.map else None
    also = set(mapping.values()) if mapping else set()
    result = evaluate(read_examples(args.data, args.level, also), args.level, mapping)
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        print(format_report(result))
    return 0
