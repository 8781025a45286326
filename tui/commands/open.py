"""`threadscore [THREAD...]`: open the reader on a thread (the bundled demo thread when none given).

A small thread is parsed here, before the terminal switches to the app: parsing takes less than a
blink, any error is one line on stderr, and the app's first frame already shows the posts. A
big thread is parsed in the app's worker behind a loading indicator instead; an error there ends
the app and is reported the same way.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from parsing.errors import ThreadscoreError
from parsing.load import demo_path, expand_paths

if TYPE_CHECKING:
    from parsing.models import Thread

SMALL_BYTES = 256 * 1024
"""Inputs up to this size parse in ~0.1 s or less on a slow machine."""


def parse_if_small(paths: Sequence[str | Path] | None) -> Thread | None:
    """The parsed thread when the input is small, else None (the app parses it); raises
    ThreadscoreError for a missing file either way."""
    files = expand_paths(paths) if paths else [demo_path()]
    size = 0
    for path in files:
        if not path.exists():
            raise ThreadscoreError(f"{path}: no such file")
        try:
            size += path.stat().st_size
        except OSError:
            return None  # let the loader report it in its own words
    if size > SMALL_BYTES:
        return None
    from parsing.load import load_thread

    return load_thread(list(paths) if paths else None)


def run(args: argparse.Namespace) -> int:
    paths = args.thread or None
    thread = parse_if_small(paths)
    from tui.app import ThreadscoreApp

    app = ThreadscoreApp(paths, thread=thread)
    app.run()
    if app.load_error:
        raise ThreadscoreError(app.load_error)
    return app.return_code or 0
