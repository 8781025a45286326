"""Page chrome: the words a forum prints around posts (menus, counters, buttons, footers).

A crawl flattens these into lines of their own. They are recognised by whole-line shape only, so
a sentence that merely mentions "messages" or "likes" is never taken for chrome.
"""

from __future__ import annotations

import re

_CHROME = re.compile(
    r"""^(?:
        what'?s\ new | forums? | home | log\ ?in | register | sign\ ?up | search(?:\ forums)?
      | new\ posts | latest\ activity | members | menu | install\ the\ app | install
      | top | bottom | top\ bottom | back\ to\ top | prev | next | next\ ›? | ‹?\ prev
      | reply | quote | report | share | like | likes | reply\ with\ quote | multi-?quote
      | like\ reply | like\ quote\ reply | report\ like\ reply | share\ this\ page
      | similar\ threads
      | you\ must\ log\ in\ or\ register\ to\ reply\ here\.? | reaction\ score | reactions
      | click\ to\ expand\.{0,3} | click\ to\ shrink\.{0,3}
      | this\ user\ is\ on\ your\ ignore\ list\.? | this\ message\ is\ hidden\ because\ .{1,60}
      | (?:messages|posts|reaction\ score|points|likes\ received|trophy\ points|reputation)
          :?\ *[\d,.]+k?
      | joined:?\ *(?:[a-z]{3,9}\ \d{1,2},?\ )?\d{4} | joined:?\ *\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}
      | joined:?\ *[a-z]{3,9},?\ [a-z]{3,9}\ \d{1,2},?\ \d{4},?
          \ \d{1,2}:\d{2}(?::\d{2})?\ ?(?:[ap]\.?m\.?)?
      | location:\ .{1,40}
      | last\ edited(?:\ by\ [^:]{1,40})?:.* | [\d,.]+k?\ likes? | \d+\ people\ like\ this\.?
      | .{0,60}\ latest\ posts | latest\ posts | page\ \d+\ of\ \d+ | \d+\ of\ \d+ | go\ to\ page
      | thread\ starter\ .{1,40} | start\ date\ .{1,40} | tags | share:? | sort\ by\ date
      | sort\ by\ votes | view\ attachment\ \d+ | first | last | go | ‹ | › | « | » | ▲ | ▼
      | \(you\ must\ log\ in\ or\ sign\ up\ to\ reply\ here\.?\)
      | [\d,.]+k?\ (?:repl(?:y|ies)|upvotes?|votes?|views?|posts?)(?:\ last\ reply)?
      | last\ reply | quote\ reply | reply\ quote | reply\ to\ this\ post
      | [\d]+\ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\ ago
    )$""",
    re.VERBOSE | re.IGNORECASE,
)


MAX_CHROME_CHARS = 80
"""No chrome line is longer (stripped); sentences that long are someone's words."""


def is_chrome(line: str) -> bool:
    """Whether a whole line is forum chrome rather than anything a person wrote."""
    text = line.strip()
    return bool(text) and len(text) <= MAX_CHROME_CHARS and _CHROME.match(text) is not None


REPEAT_REACH = 4
"""How far under the title its repeat as the first post's subject may stand."""


def _heading_text(line: str) -> str:
    """A line as a heading reads: no markdown marks, no "Re:", lower case, single spaces."""
    text = line.strip().lstrip("#").strip().lower()
    while text.startswith("re:"):
        text = text[3:].lstrip()
    return " ".join(text.split())


def _menu_like(line: str) -> bool:
    """A line that can be a page's menu or path over its title: short, no sentence's end."""
    text = line.strip()
    return not text or (len(text) <= MAX_CHROME_CHARS and text[-1] not in ".!?:,;")


def find_title(lines: list[str], chrome: set[int], limit: int = 12) -> int | None:
    """The title line (0-based): the first short line before the posts that stands alone.

    A flattened page starts with menu chrome, then the thread title on a line of its own
    followed by a blank line. A first line running straight into more text is a post. Where a
    line standing alone is printed again right under it (the first post's subject repeating
    the title), that line is the title, whatever menu lines stand above it.
    """
    alone = [
        n
        for n, line in enumerate(lines[:limit])
        if line.strip()
        and n not in chrome
        and (n + 1 >= len(lines) or not lines[n + 1].strip())
        and len(line.strip()) <= 200
    ]
    for n in alone:
        if len(lines[n].split()) < 2 or not all(_menu_like(line) for line in lines[:n]):
            break  # a post's words above: the page opens with posts, not menus
        later = [k for k in range(n + 1, min(len(lines), n + 1 + REPEAT_REACH)) if lines[k].strip()]
        if any(_heading_text(lines[k]) == _heading_text(lines[n]) for k in later[:2]):
            return n
    for number, line in enumerate(lines[:limit]):
        text = line.strip()
        if not text or number in chrome:
            continue
        next_blank = number + 1 >= len(lines) or not lines[number + 1].strip()
        if next_blank and len(text) <= 200 and len(text.split()) <= 30:
            return number
        return None
    return None
