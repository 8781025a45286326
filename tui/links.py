"""Web addresses in a post: found, checked, and opened only after the reader has seen them.

Forum text is untrusted. A link is never made a clickable terminal hyperlink by itself (an
OSC 8 link's visible text can hide where it goes); `L` lists each address in full, and only an
absolute http(s) address without spaces or control characters is offered for opening.
Textual-free; the browser is Python's `webbrowser`.
"""

from __future__ import annotations

import re
import webbrowser
from dataclasses import dataclass
from urllib.parse import urlsplit

_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'`\x00-\x1f\x7f-\x9f]+")
_TRAILING = ".,;:!?'\"”’»…"
_CLOSERS = {")": "(", "]": "[", "}": "{"}


@dataclass(frozen=True)
class Link:
    """An address as written in the post (`start`/`end` in the text) and as it would open."""

    text: str
    start: int
    end: int

    @property
    def url(self) -> str:
        return self.text if "://" in self.text else f"http://{self.text}"


def _trim(candidate: str) -> str:
    """Drop sentence punctuation after an address, and a closing bracket it did not open
    ("(see https://x.org/a)" ends at "a"; "https://en.wikipedia.org/wiki/Foo_(bar)" keeps it)."""
    while candidate and (candidate[-1] in _TRAILING or _unopened(candidate)):
        candidate = candidate[:-1]
    return candidate


def _unopened(candidate: str) -> bool:
    """Whether `candidate` ends with a closing bracket that it did not open."""
    last = candidate[-1]
    return last in _CLOSERS and candidate.count(_CLOSERS[last]) < candidate.count(last)


def find_links(text: str) -> list[Link]:
    """The addresses in `text`, in order, each once (the first place it appears)."""
    found: list[Link] = []
    seen: set[str] = set()
    for match in _URL.finditer(text):
        address = _trim(match.group())
        if "://" not in address and "." not in address[4:]:
            continue  # "www." alone
        if address and address not in seen and safe_url(Link(address, 0, 0).url):
            seen.add(address)
            found.append(Link(address, match.start(), match.start() + len(address)))
    return found


def safe_url(url: str) -> str | None:
    """`url` when it is an absolute http(s) address with a host and nothing invisible in it."""
    if not url or any(c.isspace() or not c.isprintable() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def opens_in_terminal(browser: webbrowser.BaseBrowser) -> bool:
    """Whether the browser runs in this terminal (lynx, w3m, links: Python registers those as
    GenericBrowser and waits for them), so the reader must hand the terminal over first."""
    return isinstance(browser, webbrowser.GenericBrowser) and not isinstance(
        browser, webbrowser.BackgroundBrowser
    )


def system_browser() -> webbrowser.BaseBrowser | None:
    """The browser `webbrowser.open` would use, or None when there is none."""
    try:
        return webbrowser.get()
    except webbrowser.Error:
        return None
