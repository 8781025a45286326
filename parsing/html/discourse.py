"""Discourse in its three shapes: a saved topic page, the topic JSON, and cooked-HTML archives.

All three carry each post's "cooked" HTML, where a quote is
`<aside class="quote" data-username data-post data-topic>`. Discourse quotes name posts by their
number in the topic, so Discourse posts are identified by post number (what `/t/ID/N` links
use); a quote from another topic keeps "TOPIC/N" as its source id and is not linked.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsing.errors import ThreadscoreError
from parsing.html import dates
from parsing.html.extract import Engine, QuoteMeta, RawPost, digits, first, read_body, text_of
from parsing.models import Attachment

_ARCHIVE_POST = re.compile(r"^## Post #(\d+) by @(\S+?)(?:\s+\(([^)]*)\))?\s*$", re.MULTILINE)
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_SIZE = re.compile(r"\s*\(([\d.,]+\s*[KMG]?B)\)")
SMALL_ACTION = 3
"""`post_type` of "closed the topic", "pinned", "split" notices: the topic page shows them as
one-line events, not posts, and their cooked HTML is empty."""


def _replace(node: LexborNode) -> str | None:
    """A link preview ("onebox") is a link: keep its address, not the preview's copy."""
    if node.tag == "aside" and "onebox" in (node.attributes.get("class") or ""):
        src = node.attributes.get("data-onebox-src")
        if src:
            return src
        link = first(node, "a[href]")
        return link.attributes.get("href") if link is not None else ""
    return None


def _quote_meta(topic_id: str | None) -> Callable[[LexborNode], QuoteMeta]:
    def meta(node: LexborNode) -> QuoteMeta:
        attrs = node.attributes
        post = attrs.get("data-post")
        topic = attrs.get("data-topic")
        source = None
        if post:
            source = post if not topic or not topic_id or topic == topic_id else f"{topic}/{post}"
        content = None
        for child in node.css("blockquote"):
            if child.parent is not None and child.parent.mem_id == node.mem_id:
                content = child
                break
        text = (content.text(deep=True) if content is not None else "").rstrip()
        return QuoteMeta(
            author=attrs.get("data-username") or None,
            source_id=source,
            content=content,
            truncated=text.endswith("…") and attrs.get("data-full") != "true",
        )

    return meta


def _post_number(node: LexborNode) -> str | None:
    for key in ("data-post-number",):
        if node.attributes.get(key):
            return node.attributes.get(key)
    pos = first(node, "[itemprop=position]")
    if pos is not None:
        # 3.x prints "1"; 2.x crawler pages print "#1" and give the post no id
        value = (pos.attributes.get("content") or text_of(pos) or "").strip().lstrip("#")
        if value.isdigit():
            return value
    ident = node.attributes.get("id") or ""
    if ident.startswith("post_"):
        return digits(ident)
    parent = node.parent
    if parent is not None and parent.attributes.get("data-post-number"):
        return parent.attributes.get("data-post-number")
    return None


def _user_card(node: LexborNode) -> str | None:
    """The username (what quotes name), even where the page shows full names first."""
    card = first(node, ".topic-meta-data [data-user-card]")
    return card.attributes.get("data-user-card") if card is not None else None


def _attachments(node: LexborNode) -> list[Attachment]:
    """Cooked uploads: `<a class="attachment" href=U>name</a> (12.3 KB)`."""
    out = []
    for link in node.css("a.attachment"):
        name = text_of(link)
        if not name:
            continue
        after = link.next
        size = None
        if after is not None and after.tag == "-text":
            m = _SIZE.match(after.text_content or "")
            size = m[1] if m else None
        out.append(Attachment(name=name, size=size, url=link.attributes.get("href")))
    return out


def engine(topic_id: str | None) -> Engine:
    """The Discourse reader for one topic (quotes from other topics are told apart by id)."""
    return Engine(
        name="discourse",
        posts=("article[data-post-id]", "div.crawler-post", "[itemtype$=DiscussionForumPosting]"),
        post_id=_post_number,
        author=lambda n: (
            _user_card(n)
            or text_of(n, ".names .first a")
            or text_of(n, ".creator [itemprop=name]")
            or text_of(n, ".creator [itemprop=author]")
            or text_of(n, "[itemprop=author] [itemprop=name]")
        ),
        author_title=".user-title",
        date=lambda n: dates.from_node(
            first(n, ".post-date [data-time]")
            or first(n, "time[itemprop=datePublished]")
            or first(n, ".crawler-post-infos time")
            or first(n, "time")
        ),
        body=lambda n: (
            first(n, ".cooked")
            or first(n, "[itemprop=text]")
            or first(n, "[itemprop=articleBody]")
            or first(n, ".post")
        ),
        quotes="aside.quote",
        quote_meta=_quote_meta(topic_id),
        drop=(
            "aside.quote > .title, .quote-controls, .lightbox-wrapper .meta, "
            ".cooked-selection-barrier"
        ),
        attachments=_attachments,
        replace=_replace,
        title=("#topic-title h1", "h1 .fancy-title", "#topic-title", "h1"),
    )


def page_topic_id(tree: LexborHTMLParser) -> str | None:
    """The topic id of a saved page, to tell this topic's quotes from other topics'."""
    node = tree.css_first("article[data-topic-id]")
    if node is not None:
        return node.attributes.get("data-topic-id")
    canonical = tree.css_first("link[rel=canonical]")
    href = canonical.attributes.get("href") if canonical is not None else ""
    m = re.search(r"/t/(?:[^/]+/)?(\d+)", href or "")
    return m[1] if m else None


def cooked_post(
    cooked: str,
    *,
    number: str | None,
    author: str | None,
    date: dt.date | None,
    topic_id: str | None,
    author_title: str | None = None,
) -> RawPost:
    """One post from its cooked HTML."""
    body = LexborHTMLParser(cooked).body
    eng = engine(topic_id)
    if body is None:
        parts, quotes = [], []
    else:
        parts, quotes = read_body(body, eng)
    return RawPost(
        source_id=number,
        author=author,
        author_title=author_title,
        date=date,
        parts=parts,
        quotes=quotes,
        attachments=_attachments(body) if body is not None else [],
    )


@dataclass
class Topic:
    """What a Discourse archive or JSON document gives: title, posts, and anything to warn."""

    title: str | None
    posts: list[RawPost]
    warnings: list[str]


def is_archive(text: str) -> bool:
    """A Markdown rendering of a topic with each post's cooked HTML ("## Post #N by @user")."""
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype", "<html")):
        return False
    return _ARCHIVE_POST.search(text) is not None


def read_archive(text: str) -> Topic:
    """Posts of an archive: headers name number, author and date; the HTML under each is cooked."""
    front = _FRONT.match(text)
    meta: dict[str, str] = {}
    if front:
        for line in front[1].splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip()] = value.strip().strip('"')
    title = None
    if m := re.search(r"^# (.+)$", text, re.MULTILINE):
        title = m[1].strip()
    topic_id = meta.get("topic_id")
    heads = list(_ARCHIVE_POST.finditer(text))
    posts = []
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        chunk = text[head.end() : end].strip()
        if chunk.endswith("\n---") or chunk == "---":
            chunk = chunk[:-3]
        posts.append(
            cooked_post(
                chunk,
                number=head[1],
                author=head[2],
                date=dates.from_text(head[3]),
                topic_id=topic_id,
            )
        )
    return Topic(title=title or meta.get("title"), posts=posts, warnings=[])


def is_topic_json(text: str) -> bool:
    """Discourse's `/t/ID.json`: a JSON object with a `post_stream`."""
    return text.lstrip().startswith("{") and '"post_stream"' in text


def read_topic_json(text: str, where: str) -> Topic:
    """Posts of a topic JSON document (`post_stream.posts`, each with its cooked HTML)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ThreadscoreError(f"{where}: not a readable Discourse topic JSON ({exc})") from exc
    except RecursionError as exc:
        raise ThreadscoreError(f"{where}: JSON nested too deeply to be a topic") from exc
    stream = data.get("post_stream") if isinstance(data, dict) else None
    raw_posts = stream.get("posts") if isinstance(stream, dict) else None
    if not isinstance(raw_posts, list):
        raise ThreadscoreError(f"{where}: not a Discourse topic JSON (no post_stream.posts list)")
    topic_id = _scalar(data.get("id"))
    posts = [_json_post(item, topic_id) for item in raw_posts if _is_post(item)]
    warnings = []
    listed = stream.get("stream")
    total = len(listed) if isinstance(listed, list) else 0
    if total > len(raw_posts):
        warnings.append(
            f"{where}: the topic JSON holds {len(raw_posts)} of the topic's {total} posts "
            "(Discourse sends the rest on request); quotes of the others are not linked"
        )
    title = _scalar(data.get("title")) or _scalar(data.get("fancy_title"))
    return Topic(title=title, posts=posts, warnings=warnings)


def _scalar(value: object) -> str | None:
    """A JSON value that should be a string, as one: a number is written out, anything else
    (a list, an object, a boolean, null) counts as absent. The file is not ours to trust."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _is_post(item: object) -> bool:
    """A post with cooked HTML that is not a one-line event ("closed the topic")."""
    return (
        isinstance(item, dict)
        and isinstance(item.get("cooked"), str)
        and item.get("post_type") != SMALL_ACTION
    )


def _json_post(item: dict, topic_id: str | None) -> RawPost:
    created = item.get("created_at")
    return cooked_post(
        item["cooked"],
        number=_scalar(item.get("post_number")),
        author=_scalar(item.get("username")) or _scalar(item.get("name")),
        date=dates.from_iso(created) if isinstance(created, str) else None,
        topic_id=topic_id,
        author_title=_scalar(item.get("user_title")),
    )
