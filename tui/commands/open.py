"""`threadscore [THREAD...]`: open the reader on a thread; with none, on the list of recently
opened threads (the demo among them); `threadscore --demo` on the bundled demo thread.

The paths go to the app, whose worker reads the thread (`tui.screens.reader`); a thread it
cannot read ends the app with one line on stderr and exit code 1. A missing file is said here,
before the terminal switches to the app and back.
"""

from __future__ import annotations

import argparse

from parsing.errors import ThreadscoreError
from parsing.load import expand_paths


def run(args: argparse.Namespace) -> int:
    paths = args.thread or None
    for path in expand_paths(paths) if paths else []:
        if not path.exists():
            raise ThreadscoreError(f"{path}: no such file")
    from tui.app import ThreadscoreApp

    app = ThreadscoreApp(
        paths, recent=not getattr(args, "demo", False), post=getattr(args, "post", None)
    )
    app.run()
    if app.load_error:
        raise ThreadscoreError(app.load_error)
    return app.return_code or 0
