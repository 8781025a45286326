"""The one exception type the command line turns into a one-line message and a non-zero exit."""


class ThreadscoreError(Exception):
    """A problem with the user's input that we can explain in one line (no traceback)."""
