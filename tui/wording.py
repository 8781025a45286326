"""Small wording helpers shared by the reader and the scorecard (no heavy imports: the reader
uses them at start-up)."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """Count and noun, "1 post" or "2 posts": notices and titles read as English."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
