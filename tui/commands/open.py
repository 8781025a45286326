"""`threadscore [THREAD...]`: open the reader on a thread (the bundled demo thread when none given).

Cheap checks (does the file exist?) run before the terminal switches to the app, so the common
mistakes cost one line on stderr; everything else is read in the app's worker, and a failure
there ends the app and reports the same way.
"""

from __future__ import annotations

import argparse

from parsing.errors import ThreadscoreError
from parsing.load import expand_paths


def run(args: argparse.Namespace) -> int:
    paths = args.thread or None
    if paths:
        for path in expand_paths(paths):
            if not path.exists():
                raise ThreadscoreError(f"{path}: no such file")
    from tui.app import ThreadscoreApp

    app = ThreadscoreApp(paths)
    app.run()
    if app.load_error:
        raise ThreadscoreError(app.load_error)
    return app.return_code or 0
