"""`threadscore`: the command line. Parses arguments, runs one command, turns errors into one line.

`threadscore [THREAD ...]` opens the reader (a list of recent threads when none is given,
`--demo` the bundled demo thread);
`threadscore COMMAND ...` runs a command. Every command module offers `add_parser` and `run`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from parsing import regex_cache
from tui.startup import pause_collector, resume_collector

COMMANDS = {
    "parse": "Parse a thread into posts and quote links.",
    "score": "Score claims and evidence and print the scorecard.",
    "evaluate": "Measure the scorer against labelled sentences or posts.",
}


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("threadscore")
    except PackageNotFoundError:
        return "0+unknown"


class VersionAction(argparse.Action):
    """`--version`, looked up only when asked: reading the package metadata costs the reader's
    every start ~40 ms otherwise (argparse's own action wants the string up front)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, help="show the version"
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"threadscore {package_version()}")
        parser.exit()


def positive_number(text: str) -> int:
    """A post number: a whole number from 1 up (argparse says what was wrong otherwise)."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a post number: {text!r}")
    return number


def build_parser(
    command: str | None = None,
) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The reader's parser (no command) and the commands' parser.

    Only `command`'s module is imported (for its options): the scorer behind `score` takes
    ~0.15 s to import, which opening the reader must not pay. The other commands are listed by
    name, so `threadscore COMMAND --help` still works for each.
    """
    epilog = "commands:\n" + "\n".join(f"  {n:<10} {h}" for n, h in COMMANDS.items())
    epilog += "\n\nRun 'threadscore COMMAND --help' for a command's options."
    reader = argparse.ArgumentParser(
        prog="threadscore",
        description="Read a forum debate thread in the terminal and keep a debate scorecard.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    reader.add_argument(
        "thread",
        nargs="*",
        help="saved thread: text dump, HTML page(s) or a folder of pages "
        "(default: a list of recently opened threads, the demo among them)",
    )
    reader.add_argument("--demo", action="store_true", help="open the bundled demo thread")
    reader.add_argument(
        "--post",
        type=positive_number,
        metavar="N",
        help="open at post N (as a link or a message names it: 'see #412')",
    )
    reader.add_argument("--version", action=VersionAction)
    commands = argparse.ArgumentParser(prog="threadscore")
    commands.add_argument("--version", action=VersionAction)
    sub = commands.add_subparsers(dest="command", required=True)
    for name, summary in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=summary, description=summary)
        if name == command:
            module = import_module(f"tui.commands.{name}")
            module.add_arguments(sub_parser)
            sub_parser.set_defaults(run=module.run)
    return reader, commands


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 ok, 1 bad input, 2 bad usage, 130 interrupted)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list and args_list[0] in COMMANDS else None
    regex_cache.warm(command or "reader")  # the patterns the imports compile, from the cache
    if command is None:
        pause_collector()  # before the imports (see tui.startup); the app resumes it
    from parsing.errors import ThreadscoreError

    reader, commands = build_parser(command)
    try:
        if command is not None:
            args = commands.parse_args(args_list)
            code = args.run(args)
        else:
            args = reader.parse_args(args_list)
            from tui.commands.open import run as open_reader

            code = open_reader(args)
    except ThreadscoreError as exc:
        from tui.safe import visible

        print(f"threadscore: error: {visible(str(exc))}", file=sys.stderr)
        return 1
    except RecursionError:  # a last guard: each reader refuses deep nesting in its own words
        print("threadscore: error: the input is nested too deeply to read", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    finally:
        resume_collector()  # when the app ended before its first frame, or never started
        if command is not None:
            regex_cache.keep()  # the reader keeps its patterns once start-up is over
    return int(code or 0)


def entry() -> None:
    """The `threadscore` command: `main`, then an exit that skips freeing every object one by
    one (after a 10,000-post thread that alone took 2-3 s on a blank screen). Everything the
    reader writes is written, flushed and closed before `main` returns."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    entry()
