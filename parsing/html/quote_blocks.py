"""Quotes in a post body of an unknown engine: which blocks are quotes, whom and what they name.

A quote is a `blockquote` or a block whose class says quote. Its attribution is a `cite`, a
head-like first child or the sibling just before it, or attributes on the block itself; the
name comes from a profile link there or from the words ("X wrote:", "Quote from: X on ...",
"Originally Posted by X", "X a écrit :", "@X said in T:"), the quoted post from a number in the
attribution's link (`pid=`, `#p123`, `/post/123`) or a numeric data attribute.
"""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborNode

from parsing.html.engines import elements
from parsing.html.extract import RawQuote
from parsing.html.text import clean, inline_text, render

_BLOCKS = frozenset(
    {"div", "blockquote", "aside", "table", "td", "section", "figure", "article", "dl", "dd",
     "fieldset", "q"}
)  # fmt: skip
_NOT_QUOTE = re.compile(r"head|title|foot|cite|author|expand|button|link|toggle|icon", re.I)
_HEAD_CLASS = re.compile(
    r"cite|title|head|author|attribution|postedby|posted-by|citation|source|by\b", re.I
)
_WHO = (
    r"said|wrote|writes|says|posted|a\s+écrit|a\s+dit|schrieb|hat\s+geschrieben|hat\s+gesagt"
    r"|ha\s+scritto|escribió|dijo|schreef|napisał|skrev|написал|发表于|發表於"
)
_SAID = re.compile(
    rf"^@?(?P<name>.{{1,60}}?)\s*(?:\([^)]*\)\s*)?(?:{_WHO})\b"
    r"(?:\s+(?:in|on|at|le|am)\b.*|\s+\d{1,4}[-./]\d{1,2}[-./]\d{1,4}\b.*)?[\s:.,↑]*$",
    re.I,
)
_FROM = re.compile(
    r"^(?:quote\s+from|originally\s+posted\s+by|posted\s+by|quoting|quote|citation|zitat"
    r"|cita|citazione)\b\s*[:(]?\s*(?P<name>[^:()]{1,60}?)\s*(?:\)|\s(?:on|le|am|il)\s.*|:)?\s*$",
    re.I,
)
_LEAD_DATE = re.compile(r"^\s*\([^)]{3,40}\)\s*")
_REF_QUERY = re.compile(r"[?&;](?:pid|p|post|postid|post_id|msg|comment|reply|id)=(\d{2,})", re.I)
_REF_FRAGMENT = re.compile(r"#[A-Za-z_-]{0,12}?(\d{2,})$")
_REF_PATH = re.compile(r"/(?:posts?|comments?|msgs?|messages?|p)/(\d{2,})", re.I)
_ATTR_NUM = re.compile(r"(\d{2,})")
MAX_HEAD_CHARS = 200
BOX_SLACK = 60
"""Characters (no spaces) a quote may hold beside its content box: an attribution line."""
INNER_SHARE = 0.8
"""A quote-classed block holding this much of its enclosing quote's text is that quote's inner
wrapper (a content box), not a quote in the quote."""


def _is_quote_block(node: LexborNode) -> bool:
    if node.tag not in _BLOCKS:
        return False
    if node.tag == "blockquote":
        return True
    return _quote_class(node.attributes.get("class") or "")


@lru_cache(maxsize=4096)
def _quote_class(cls: str) -> bool:
    """A class that says quote, and not a quote's head, button or icon."""
    tokens = [t for t in re.split(r"[\s_-]+|(?<=[a-z])(?=[A-Z])", cls) if t]
    if not any("quote" in t.lower() for t in tokens):
        return False
    return not any("quote" in t.lower() and _NOT_QUOTE.search(t) for t in tokens) and not any(
        _NOT_QUOTE.fullmatch(t) for t in tokens
    )


def _tlen(node: LexborNode) -> int:
    return len("".join((node.text(deep=True) or "").split()))


def _sig(node: LexborNode) -> tuple[str, str]:
    return node.tag or "", node.attributes.get("class") or ""


_QUOTE_LABEL = re.compile(
    r"^(?:quote|quotation|zitat|citation|cita|citazione|cytat|citaat|lainaus|цитата)\s*:?$", re.I
)


def _opens_with_attribution(node: LexborNode) -> bool:
    """An unmarked block whose first child names a quoted author ("Originally Posted by X")
    and that holds more than that line: a quote box drawn with plain tables or divs."""
    if node.tag not in _BLOCKS:
        return False
    kids = elements(node)
    if len(kids) < 2:
        return False
    text = inline_text(kids[0])
    if not 0 < len(text) <= MAX_HEAD_CHARS:
        return False
    return name_in(text) is not None or _QUOTE_LABEL.match(text) is not None


def find_quotes(body: LexborNode) -> set[int]:
    """The mem_ids of quote blocks in a body.

    A quote-classed block that holds nearly all of an enclosing quote of another kind is that
    quote's content box, not a quote in the quote; a block like its parent quote is a nested
    quote even when the quoter added little.
    """
    found = [
        n for n in body.css("blockquote, [class], table, td, div")
        if n.mem_id != body.mem_id and (_is_quote_block(n) or _opens_with_attribution(n))
    ]  # fmt: skip
    found = [n for n in found if not _body_box(n, body, found)]
    ids = {n.mem_id for n in found}
    keep = set()
    for node in found:
        if _tlen(node) == 0:
            continue
        outer = node.parent
        while outer is not None and outer.mem_id != body.mem_id and outer.mem_id not in ids:
            outer = outer.parent
        if outer is not None and outer.mem_id in ids and _content_box(outer, node):
            continue
        keep.add(node.mem_id)
    # an outer box kept and its content box dropped above: keep one of each chain
    return keep


def _body_box(node: LexborNode, body: LexborNode, found: list[LexborNode]) -> bool:
    """`node` is the box that holds the whole post (an engine that draws every post in a
    `<blockquote>`): every word of the body is in it, the post's quotes among them. (A post
    that is one quote and no words of its own stays a quote; one word beside it is a reply.)"""
    if node.parent is None or node.parent.mem_id != body.mem_id or not _sole_content(node):
        return False  # only the body's one child can be its box (and this check is cheap)
    if _tlen(node) < _tlen(body):
        return False
    return any(n.mem_id != node.mem_id and _within(n, node) and _tlen(n) for n in found)


def _content_box(outer: LexborNode, inner: LexborNode) -> bool:
    """`inner` is `outer`'s content box: of another kind, and `outer` holds little else
    (an attribution line, a "Click to expand")."""
    if _sig(outer) == _sig(inner):
        return False
    rest = _tlen(outer) - _tlen(inner)
    return rest <= BOX_SLACK or rest <= (1 - INNER_SHARE) * _tlen(outer)


def _prev_element(node: LexborNode) -> LexborNode | None:
    sib = node.prev
    while sib is not None:
        if sib.tag == "-text" and (sib.text_content or "").strip():
            return None
        if sib.tag and not sib.tag.startswith("-"):
            return sib
        sib = sib.prev
    return None


@lru_cache(maxsize=4096)
def name_in(text: str) -> str | None:
    """The quoted author in an attribution line, or None ("Quote:", "Code:")."""
    text = " ".join(text.split())
    text = _LEAD_DATE.sub("", text).strip()
    for pattern in (_SAID, _FROM):
        m = pattern.match(text)
        if m:
            name = m["name"].strip(" :,@\"'«»“”")
            name = _LEAD_DATE.sub("", name).strip()
            if name and len(name.split()) <= 5 and name.lower() not in {"quote", "code"}:
                return clean(name)
    return None


def _is_head(node: LexborNode, strict: bool) -> bool:
    text = inline_text(node)
    if not text or len(text) > MAX_HEAD_CHARS:
        return False
    cls = (node.attributes.get("class") or "") + " " + (node.attributes.get("id") or "")
    if node.tag == "cite" or _HEAD_CLASS.search(cls) or name_in(text) is not None:
        return True
    return not strict and node.tag in _HEAD_TAGS and text.rstrip().endswith(":")


_HEAD_TAGS = frozenset({"b", "strong", "div", "p", "span", "h4", "h5", "h6", "dt", "header"})
HEAD_SCAN = 8
"""Elements at the top of a quote searched for its attribution."""


def quote_heads(node: LexborNode, quotes: set[int]) -> list[LexborNode]:
    """The attribution lines of a quote: a line naming someone just before the quote box
    ("@X said in T:"), else lines near its top (outside nested quotes, and not a nested
    quote's own line) up to the first that names someone, plus a bare label before the box."""
    box = node
    while box.parent is not None and box.parent.tag != "body" and _sole_content(box):
        box = box.parent
    prev = _prev_element(box)
    if prev is not None and (prev.mem_id in quotes or not _is_head(prev, strict=False)):
        prev = None
    if prev is not None and name_in(inline_text(prev)):
        return [prev]
    inside = [n for n in node.css("*") if n.mem_id != node.mem_id]
    nested = [n for n in inside if n.mem_id in quotes]
    heads: list[LexborNode] = []
    for i, el in enumerate(inside):
        if i >= HEAD_SCAN or el.mem_id in quotes:
            break
        if any(_within(el, q) for q in nested) or any(_within(el, h) for h in heads):
            continue
        after = _next_element(el)
        if after is not None and after.mem_id in quotes and not _has_own_head(after):
            continue  # the line that introduces the nested quote after it ("@X said in T:")
        if _is_head(el, strict=i > 0):
            heads.append(el)
            if name_in(inline_text(el)) or el.css_first("a[href]") is not None:
                break
    return [*heads, prev] if prev is not None else heads


def _has_own_head(node: LexborNode) -> bool:
    """A quote whose first elements hold an attribution of its own (a `cite`, "X wrote:")."""
    for i, el in enumerate(node.css("*")):
        if i > HEAD_SCAN:
            break
        if el.mem_id != node.mem_id and _is_head(el, strict=True):
            return True
    return False


def _sole_content(node: LexborNode) -> bool:
    """Nothing but blank text and comments stands beside `node` in its parent."""
    sib = node.parent.child if node.parent is not None else None
    while sib is not None:
        if sib.mem_id != node.mem_id:
            if sib.tag == "-text" and (sib.text_content or "").strip():
                return False
            if sib.tag and not sib.tag.startswith("-"):
                return False
        sib = sib.next
    return True


def _next_element(node: LexborNode) -> LexborNode | None:
    sib = node.next
    while sib is not None:
        if sib.tag == "-text" and (sib.text_content or "").strip():
            return None
        if sib.tag and not sib.tag.startswith("-"):
            return sib
        sib = sib.next
    return None


def _within(node: LexborNode, ancestor: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


_CONTROL_CLASS = re.compile(r"expand|shrink|toggle|collapse|button|more-link|readmore", re.I)


def _controls(node: LexborNode) -> list[LexborNode]:
    """ "Click to expand..." and other widgets inside a quote: page controls, not quoted words."""
    out = []
    for el in node.css("[class]"):
        if _CONTROL_CLASS.search(el.attributes.get("class") or "") and _tlen(el) <= 40:
            out.append(el)
    return out


def _attr_meta(node: LexborNode) -> tuple[str | None, str | None]:
    author = source = None
    for name, value in node.attributes.items():
        if not name.startswith("data-") or not value:
            continue
        rest = name[5:]
        named = any(k in rest for k in ("author", "user", "name", "cite"))
        if author is None and named and not value.strip().isdigit():
            author = clean(value)
        numbered = any(k in rest for k in ("post", "pid", "source", "comment", "id"))
        m = _ATTR_NUM.search(value) if source is None and numbered else None
        if m and not any(k in rest for k in ("user", "author")):
            source = m[1]
    return author, source


def post_ref(href: str) -> str | None:
    """The post number a link names (`?pid=12`, `#p12`, `/post/12`), if any."""
    m = _REF_QUERY.search(href) or _REF_FRAGMENT.search(href) or _REF_PATH.search(href)
    return m[1] if m else None


def _head_meta(head: LexborNode) -> tuple[str | None, str | None]:
    author = source = None
    for link in head.css("a[href]"):
        href = link.attributes.get("href") or ""
        ref = post_ref(href)
        if ref and source is None:
            source = ref
        elif author is None and re.search(r"user|member|profil|/u/|uid=", href, re.I):
            text = inline_text(link)
            if text and len(text) <= 40:
                author = text
    text = inline_text(head)
    raw = _RAW_ATTRS.search(text)  # [quote author=X link=...] left raw by an export
    if source is None:
        source = next((r for t in text.split() if _URLISH.search(t) and (r := post_ref(t))), None)
    said = clean(raw["name"]) if raw else name_in(text)
    return said or author, source


_RAW_ATTRS = re.compile(r"(?:^|\s)(?:author|name|user)=(?P<name>[^\s=]{1,40})(?=\s|$)", re.I)
_URLISH = re.compile(r"[=/.][^#\s]*#")
"""A word of an attribution that is a link written out (`topic=9.msg12#msg12`), whose post
reference counts like a link's."""


_EDITED = re.compile(
    r"^\(?\s*(?:last\s+)?(?:edited|modified|updated)\b|^this post was (?:last )?(?:edited|modified)"
    r"|^(?:message\s+)?(?:édité|edité|modifié)\s+par|^zuletzt\s+(?:bearbeitet|geändert)",
    re.I,
)


def edit_notes(body: LexborNode) -> set[int]:
    """ "Edited by X" lines inside a body: a note about the post, not its words."""
    out = set()
    for node in body.css("p, div, span, em, i, small"):
        text = inline_text(node)
        if len(text) <= MAX_HEAD_CHARS and _EDITED.match(text):
            out.add(node.mem_id)
    return out


def body_parts(body: LexborNode, quotes: set[int]) -> tuple[list[str | int], list[RawQuote]]:
    """A body's own text runs and top-level quotes in reading order (attributions left out)."""
    drops: set[int] = edit_notes(body)
    heads: dict[int, list[LexborNode]] = {}
    for node in body.css("*"):
        if node.mem_id in quotes and node.mem_id != body.mem_id:
            heads[node.mem_id] = quote_heads(node, quotes)
            drops.update(h.mem_id for h in heads[node.mem_id])
            drops.update(c.mem_id for c in _controls(node))

    def on_quote(qnode: LexborNode) -> RawQuote:
        author, source = _attr_meta(qnode)
        for head in heads.get(qnode.mem_id, []):
            h_author, h_source = _head_meta(head)
            author = author or h_author
            source = source or h_source
        inner = render(qnode, quotes=quotes - {qnode.mem_id}, drops=drops, on_quote=on_quote)
        return RawQuote(
            author=author,
            source_id=source,
            text="\n\n".join(s for s in inner if isinstance(s, str)),
            nested=[s for s in inner if isinstance(s, RawQuote)],
        )

    parts: list[str | int] = []
    found: list[RawQuote] = []
    for seg in render(body, quotes=quotes, drops=drops, on_quote=on_quote):
        if isinstance(seg, RawQuote):
            parts.append(len(found))
            found.append(seg)
        else:
            parts.append(seg)
    return parts, found
