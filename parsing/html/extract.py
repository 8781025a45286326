"""One post out of its markup, driven by an engine's description (see engines.py).

Every engine is read the same way: find the post containers, read id, author, date, the body
node and its quotes, leave out chrome. Only what differs between engines (selectors, and how a
quote names its author and post) lives in the engine table. The result is a `RawPost`: a post as
the page shows it, before pages are merged and quotes are linked to post numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsing.html.text import clean, inline_text, plain, render
from parsing.models import Attachment

_DIGITS = re.compile(r"(\d+)")


@dataclass
class RawQuote:
    """A quote as the markup shows it: who and which post it names, and its own words."""

    author: str | None
    source_id: str | None
    text: str
    nested: list[RawQuote] = field(default_factory=list)
    truncated: bool = False


@dataclass
class RawPost:
    """A post as one page shows it; `parts` is reading order: text runs and quote indexes."""

    source_id: str | None
    author: str | None
    parts: list[str | int]
    quotes: list[RawQuote]
    author_title: str | None = None
    date: dt.date | None = None
    attachments: list[Attachment] = field(default_factory=list)
    signature: str | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(p for p in self.parts if isinstance(p, str))


@dataclass(frozen=True)
class QuoteMeta:
    """What a quote's markup says about its source; `content` narrows what is quoted text."""

    author: str | None = None
    source_id: str | None = None
    content: LexborNode | None = None
    truncated: bool = False


@dataclass(frozen=True)
class Engine:
    """How one forum engine marks up a thread page (selectors are CSS, callables get nodes)."""

    name: str
    posts: tuple[str, ...]
    post_id: Callable[[LexborNode], str | None]
    author: Callable[[LexborNode], str | None]
    body: Callable[[LexborNode], LexborNode | None]
    quotes: str
    quote_meta: Callable[[LexborNode], QuoteMeta]
    date: Callable[[LexborNode], dt.date | None] = lambda _node: None
    drop: str = ""
    author_title: str = ""
    signature: str = ""
    attachments: Callable[[LexborNode], list[Attachment]] = lambda _node: []
    title: tuple[str, ...] = ()
    keep_post: Callable[[LexborNode], bool] = lambda _node: True
    replace: Callable[[LexborNode], str | None] | None = None


def select(node: LexborNode | LexborHTMLParser, selector: str) -> list[LexborNode]:
    """Matches in document order, each once (lexbor repeats a node matched by two selectors
    of a comma list)."""
    seen: set[int] = set()
    out = []
    for match in node.css(selector):
        if match.mem_id not in seen:
            seen.add(match.mem_id)
            out.append(match)
    return out


def first(node: LexborNode | None, selector: str) -> LexborNode | None:
    """The first match under `node`, or None (also when `node` is None)."""
    return node.css_first(selector) if node is not None else None


def text_of(node: LexborNode | None, selector: str = "") -> str | None:
    """Inline text of a node or of its first match; None when absent or empty."""
    target = first(node, selector) if selector else node
    value = inline_text(target)
    return value or None


def digits(value: str | None) -> str | None:
    """The first run of digits in an id attribute or address ("post-123", "?p=123#post123")."""
    if not value:
        return None
    m = _DIGITS.search(value)
    return m[1] if m else None


def url_param(href: str | None, *names: str) -> str | None:
    """A numeric query or fragment parameter of a link (p=, postid=, id=, #post123)."""
    if not href:
        return None
    for name in names:
        m = re.search(rf"[?&;]{name}=(\d+)", href)
        if m:
            return m[1]
    return None


def _mem_ids(root: LexborNode, selector: str) -> set[int]:
    return {n.mem_id for n in root.css(selector)} if selector else set()


def extract_post(node: LexborNode, engine: Engine) -> RawPost | None:
    """Read one post container; None when it has no body (a deleted or ignored post)."""
    body = engine.body(node)
    if body is None:
        return None
    drops = _mem_ids(body, engine.drop)
    sig_node = first(node, engine.signature) if engine.signature else None
    if sig_node is not None:
        drops.add(sig_node.mem_id)
    parts, quotes = read_body(body, engine, drops)
    title = text_of(node, engine.author_title) if engine.author_title else None
    return RawPost(
        source_id=engine.post_id(node),
        author=_name(engine.author(node)),
        author_title=title,
        date=engine.date(node),
        parts=parts,
        quotes=quotes,
        attachments=engine.attachments(node),
        signature=(plain(sig_node) or None) if sig_node is not None else None,
    )


MAX_QUOTE_DEPTH = 16
"""Quotes nested deeper than this are read as text of the quote that holds them. Real threads
nest a few levels; a hostile page nests hundreds, and each level is a call (and a model)."""


def read_body(
    body: LexborNode, engine: Engine, drops: set[int] | None = None
) -> tuple[list[str | int], list[RawQuote]]:
    """A body's own text runs and top-level quotes in reading order."""
    quote_ids = frozenset(_mem_ids(body, engine.quotes))
    drops = drops if drops is not None else _mem_ids(body, engine.drop)
    depth = [0]

    def on_quote(qnode: LexborNode) -> RawQuote:
        meta = engine.quote_meta(qnode)
        depth[0] += 1
        deepest = depth[0] >= MAX_QUOTE_DEPTH
        inner = render(
            meta.content if meta.content is not None else qnode,
            quotes=frozenset() if deepest else quote_ids,  # (render never opens its root)
            drops=drops,
            on_quote=on_quote,
            replace=engine.replace,
        )
        depth[0] -= 1
        return RawQuote(
            author=_name(meta.author),
            source_id=meta.source_id,
            text="\n\n".join(s for s in inner if isinstance(s, str)),
            nested=[s for s in inner if isinstance(s, RawQuote)],
            truncated=meta.truncated,
        )

    parts: list[str | int] = []
    quotes: list[RawQuote] = []
    for seg in render(
        body, quotes=quote_ids, drops=drops, on_quote=on_quote, replace=engine.replace
    ):
        if isinstance(seg, RawQuote):
            parts.append(len(quotes))
            quotes.append(seg)
        else:
            parts.append(seg)
    return parts, quotes


def _name(value: str | None) -> str | None:
    if value is None:
        return None
    value = clean(" ".join(value.split()))
    return value or None
