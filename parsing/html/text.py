"""HTML to readable text: paragraphs and line breaks kept, links keep their address.

Posts are judged on their evidence, and evidence is often a link, so `<a href=U>label</a>`
becomes `label (U)`. Quotes are not flattened into the text: the walker hands each quote node
to a callback and returns the text runs and the callback's results in reading order, so a post
can be shown as quote, answer, quote, answer. The walk is iterative: a broken page can nest
thousands of unclosed tags, and recursion would fail on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from selectolax.lexbor import LexborNode

from parsing import textsafe

T = TypeVar("T")

_WS = re.compile(r"[ \t\n\r\f\v\u00a0\u200b]+")
_TRIM_LINES = re.compile(r"[ \t]+\n")

SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "button",
        "svg",
        "iframe",
        "input",
        "select",
        "textarea",
        "form",
        "head",
        "title",
        "meta",
        "link",
    }
)
BLOCK_TAGS = frozenset(
    {
        "div",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "nav",
        "main",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tr",
        "figure",
        "figcaption",
        "details",
        "summary",
        "center",
        "fieldset",
        "legend",
        "address",
    }
)
PARA_TAGS = frozenset({"p", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr"})
CELL_TAGS = frozenset({"td", "th"})
_SMILIE_HINT = ("smilie", "emoji", "emoticon", "emote", "inlineimg")
_SMILIE_SRC = ("/smilies/", "/emoticons/", "/emoji/", "/emot-", "/smileys/")


def clean(text: str) -> str:
    """Forum text is untrusted: entities like &#27; decode to controls, so strip them again."""
    return textsafe.clean(text).strip()


def inline_text(node: LexborNode | None) -> str:
    """All text under a node on one line (names, titles, dates)."""
    if node is None:
        return ""
    return clean(_WS.sub(" ", node.text(deep=True, separator=" ")))


class _Out:
    """Accumulates text with HTML whitespace rules and pending line breaks."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = 0
        self.space = False

    def text(self, raw: str) -> None:
        s = _WS.sub(" ", raw)
        if not s.strip():
            if s and self.parts:
                self.space = True
            return
        lead, trail = s[0] == " ", s[-1] == " "
        self._flush(lead)
        self.parts.append(s.strip())
        self.space = trail

    def verbatim(self, raw: str) -> None:
        raw = raw.strip("\n")
        if not raw.strip():
            return
        self.para()
        self._flush(False)
        self.parts.append(raw)
        self.para()

    def _flush(self, lead: bool) -> None:
        if self.pending and self.parts:
            self.parts.append("\n" * min(self.pending, 2))
        elif (lead or self.space) and self.parts:
            self.parts.append(" ")
        self.pending = 0
        self.space = False

    def br(self) -> None:
        self.pending += 1
        self.space = False

    def block(self) -> None:
        self.pending = max(self.pending, 1)
        self.space = False

    def para(self) -> None:
        self.pending = max(self.pending, 2)
        self.space = False

    def cut(self, mark: int) -> None:
        """Forget what was written since `mark` (a shortened link label, replaced by its URL)."""
        removed = self.parts[mark:]
        del self.parts[mark:]
        if removed and not removed[0].strip():
            self.parts.append(removed[0])
        self.space = False
        self.pending = 0

    def mark(self) -> int:
        return len(self.parts)

    def since(self, mark: int) -> str:
        return "".join(self.parts[mark:])

    def finish(self) -> str:
        text = "".join(self.parts)
        if "\n" in text:
            text = _TRIM_LINES.sub("\n", text)
        return clean(text)


def _is_absolute(href: str) -> bool:
    return href.startswith(("http://", "https://", "ftp://", "//"))


def _link_suffix(label: str, href: str) -> str:
    """What to add after a link's label so the address survives in plain text."""
    if not _is_absolute(href):
        return ""
    label = label.strip()
    if not label:
        return ""
    bare = href.split("://", 1)[-1].lstrip("/")
    if label in (href, bare) or label.rstrip("/") in (href.rstrip("/"), bare.rstrip("/")):
        return ""
    return f" ({href})"


def _looks_like_cut_url(label: str, href: str) -> bool:
    """Engines shorten long link labels ("https://x.com/a...b?c"); the label is then the URL."""
    for cut in ("...", "…"):
        if cut in label:
            head, _, tail = label.partition(cut)
            return href.startswith(head) and href.endswith(tail)
    return False


def _image_text(node: LexborNode) -> str:
    """Smilies read as their code (":)"), content images as "[image: URL]" (evidence, often)."""
    attrs = node.attributes
    alt = (attrs.get("alt") or "").strip()
    title = (attrs.get("title") or "").strip()
    cls = (attrs.get("class") or "").lower()
    src = (attrs.get("src") or attrs.get("data-src") or attrs.get("data-url") or "").strip()
    if "avatar" in cls:
        return ""
    code = next((t for t in (alt, title) if _is_code(t)), "")
    if any(h in cls for h in _SMILIE_HINT) or any(h in src.lower() for h in _SMILIE_SRC):
        return code or (alt if len(alt) <= 40 else "")
    if code:
        return code
    if _is_absolute(src):
        return f"[image: {src}]"
    return f"[image: {alt}]" if alt else ""


def _is_code(text: str) -> bool:
    """A smiley code as engines write them in alt/title: ":smith:", ":)", ";-)"."""
    return 1 < len(text) <= 40 and (
        (text.startswith(":") and text.endswith(":")) or (len(text) <= 4 and not text.isalnum())
    )


def render(
    root: LexborNode,
    *,
    quotes: set[int] | frozenset[int] = frozenset(),
    drops: set[int] | frozenset[int] = frozenset(),
    on_quote: Callable[[LexborNode], T] | None = None,
    replace: Callable[[LexborNode], str | None] | None = None,
    addresses: bool = True,
) -> list[str | T]:
    """Text runs and quote results under `root`, in reading order.

    `quotes` and `drops` are node `mem_id`s: quote nodes go to `on_quote`, dropped nodes (chrome
    such as "X said:" titles or "Click to expand...") are skipped with everything inside them.
    `replace` may render a node as a fixed text (a link preview as its address).
    `addresses=False` renders text as a browser shows it: link labels only, no images.
    """
    walk = _Walk(quotes, drops, on_quote, replace, addresses)
    stack: list[tuple[bool, LexborNode, int, str]] = []
    _push_children(stack, root)
    while stack:
        closing, node, mark, href = stack.pop()
        if closing:
            walk.close(node.tag, mark, href)
        elif walk.open(node):
            href = (node.attributes.get("href") or "").strip() if node.tag == "a" else ""
            stack.append((True, node, walk.out.mark(), href))
            _push_children(stack, node)
    walk.end_segment()
    return walk.segments


class _Walk:
    """One render: what each tag does when the walk enters it and when it leaves it."""

    def __init__(
        self,
        quotes: set[int] | frozenset[int],
        drops: set[int] | frozenset[int],
        on_quote: Callable[[LexborNode], T] | None,
        replace: Callable[[LexborNode], str | None] | None,
        addresses: bool,
    ) -> None:
        self.quotes = quotes if on_quote is not None else frozenset()
        self.drops = drops
        self.on_quote = on_quote
        self.replace = replace
        self.addresses = addresses
        self.segments: list = []
        self.out = _Out()

    def end_segment(self) -> None:
        text = self.out.finish()
        if text:
            self.segments.append(text)
        self.out = _Out()

    def open(self, node: LexborNode) -> bool:
        """Handle entering `node`; True when its children are to be walked."""
        tag = node.tag
        if tag == "-text":
            self.out.text(node.text_content or "")
            return False
        if tag is None or tag[0] == "-" or tag in SKIP_TAGS:
            return False
        mem_id = node.mem_id
        if mem_id in self.drops:
            return False
        if mem_id in self.quotes:
            self.end_segment()
            self.segments.append(self.on_quote(node))  # type: ignore[misc]
            return False
        if self.replace is not None and self._replaced(node):
            return False
        leaf = _LEAVES.get(tag)
        if leaf is not None:
            leaf(self, node)
            return False
        self._open_block(tag)
        return True

    def _replaced(self, node: LexborNode) -> bool:
        fixed = self.replace(node)  # type: ignore[misc]
        if fixed is None:
            return False
        self.out.block()
        self.out.text(fixed)
        self.out.block()
        return True

    def _open_block(self, tag: str) -> None:
        if tag in PARA_TAGS:
            self.out.para()
        elif tag in BLOCK_TAGS:
            self.out.block()
        if tag == "li":
            self.out.text("- ")

    def _br(self, _node: LexborNode) -> None:
        self.out.br()

    def _hr(self, _node: LexborNode) -> None:
        self.out.para()

    def _img(self, node: LexborNode) -> None:
        alt = _image_text(node) if self.addresses else ""
        if alt:
            self.out.text(" " + alt if self.out.space else alt)

    def _pre(self, node: LexborNode) -> None:
        self.out.verbatim(textsafe.clean(node.text(deep=True)))

    def close(self, tag: str | None, mark: int, href: str) -> None:
        """Handle leaving an element: a link may add its address, a block its line break."""
        if tag == "a":
            if self.addresses:
                self._close_link(mark, href)
        elif tag in PARA_TAGS:
            self.out.para()
        elif tag in BLOCK_TAGS:
            self.out.block()
        elif tag in CELL_TAGS:
            self.out.text(" ")

    def _close_link(self, mark: int, href: str) -> None:
        out = self.out
        label = out.since(mark)
        bare = label.strip()
        if not _is_absolute(href):
            if suffix := _link_suffix(label, href):
                out.text(suffix)
            return
        if bare.startswith("[image: ") and bare.endswith("]") and label.count("[image: ") == 1:
            out.cut(mark)
            out.text(f"[image: {href}]")
        elif _looks_like_cut_url(bare, href):
            out.cut(mark)
            out.text(href)
        elif suffix := _link_suffix(label, href):
            out.text(suffix)


_LEAVES: dict[str, Callable[[_Walk, LexborNode], None]] = {
    "br": _Walk._br,
    "hr": _Walk._hr,
    "img": _Walk._img,
    "pre": _Walk._pre,
}
"""Tags whose children are not walked: each is rendered whole by its handler."""


def _push_children(stack: list[tuple[bool, LexborNode, int, str]], node: LexborNode) -> None:
    child = node.last_child
    while child is not None:
        stack.append((False, child, 0, ""))
        child = child.prev


def plain(
    root: LexborNode | None, drops: set[int] | frozenset[int] = frozenset(), addresses: bool = True
) -> str:
    """The text under a node, paragraphs kept, nothing treated as a quote."""
    if root is None:
        return ""
    segments = render(root, drops=drops, addresses=addresses)
    return "\n\n".join(s for s in segments if isinstance(s, str))
