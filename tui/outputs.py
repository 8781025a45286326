"""Where an export may go: refused before anything is written when it could only go wrong.

A scorecard is written atomically, by renaming a finished file over the path, so an existing
device, pipe or socket there would be replaced by a plain file (as root, `-o /dev/null` would
leave the system without its /dev/null). Looking at the path can fail too (a name too long, a
folder that may not be read); that is said in one line, not raised.
"""

from __future__ import annotations

import stat
from pathlib import Path


def output_problem(path: Path) -> str | None:
    """Why `path` cannot take an export, or None when it is free or a regular file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return f"{path}: part of the path is a file, not a folder"
    except OSError as exc:
        return f"{path}: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return f"{path} is a folder; give a file name to write to"
    if not stat.S_ISREG(mode):
        return f"{path} is not a regular file (a device, pipe or socket); give a file name"
    return None
