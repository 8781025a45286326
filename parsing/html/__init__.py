"""Saved forum pages (issue 3): not read yet."""

from __future__ import annotations

from pathlib import Path

from parsing.errors import ThreadscoreError
from parsing.models import Thread


def parse_html_pages(pages: list[tuple[Path, str, bytes]]) -> Thread:
    """Read saved pages of one thread in page order."""
    raise ThreadscoreError(f"{pages[0][0]}: saved HTML pages are not supported yet")
