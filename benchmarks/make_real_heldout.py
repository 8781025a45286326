"""Build held-out truth for real saved forum pages from the pages' own markup.

usage: make_real_heldout.py RAW_DIR SOURCES.txt OUT_DIR [FIRST_NUMBER]

RAW_DIR holds saved thread pages gathered from public repositories; SOURCES.txt has one line per
page: `FILE REPO COMMIT PATH`. For every page whose engine is recognised, writes to OUT_DIR
`NN_ENGINE.html` (byte copy; NN counts from FIRST_NUMBER, else 1),
`NN_ENGINE.truth.json` (the format of ../shared/datasets/html:
posts by the forum's own post id with authors, quotes with quoted author and post),
`NN_ENGINE.source.txt`, and `marked/NN_ENGINE.html`: the page with sentinel words glued to the
first and last words of every post and every quote body, which make_real_flat.py follows through
HTML-to-text tools to place each post and quote on the lines of the text.

Truth is read off markup only: post containers, post ids and authors as the engine renders them,
quote blocks with their attribution (quoted author, quoted post id where the link carries one).
A quote whose markup names no post on this page (no id, or an id the page does not hold, as after a
forum migration renumbered posts) is linked to the latest earlier post on the page (by the quoted
author, when named) whose words contain the quote's opening words (`resolved: "text"`, the
markup's own id kept as `markup_quoted_post`); otherwise it stays as the markup says.
Only top-level quotes count (a quote inside a quote is quoted text).
Standard library and selectolax only.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

Node = LexborNode


def text_of(node: Node | None) -> str:
    return " ".join(node.text(separator=" ").split()) if node is not None else ""


def num(pattern: str, value: str | None) -> str | None:
    m = re.search(pattern, value or "")
    return m.group(1) if m else None


def first_text(node: Node, sels: str) -> str | None:
    for sel in sels.split("|"):
        found = node.css_first(sel)
        if found is not None and text_of(found):
            return text_of(found)
    return None


def strip_said(s: str) -> str:
    """'Name said:' / 'Name wrote:' / 'Originally Posted by Name' -> 'Name'."""
    s = re.sub(r"\(\s*\d{1,2}-\d{1,2}-\d{4}[^)]*\)", " ", s)
    s = re.sub(r"^\s*(Originally Posted by|Zitat von|Quote from:?|Cita de)\s+", "", s, flags=re.I)
    s = re.sub(
        r"\s*(said|wrote|posted|Wrote|a écrit|schrieb|сказал|написал\(а\)|написал)\s*:?\s*[↑]?\s*$",
        "",
        s,
        flags=re.I,
    )
    s = s.rsplit(", ", 1)[-1]
    s = " ".join(s.split()).strip(" :")
    return "" if s.lower() in ("quote", "zitat", "цитата", "citation", "cita") else s


@dataclass
class Engine:
    name: str
    detect: Callable[[str], bool]
    post_sel: str
    post_id: Callable[[Node], str | None]
    author: Callable[[Node], str | None]
    quote_sel: str
    quote_author: Callable[[Node], str | None]
    quote_pid: Callable[[Node], str | None]
    header_sel: str = ""  # inside a quote: attribution / expand links, not quoted text
    body_sel: str = ""  # inside a post: where its own text (and quotes) live
    post_filter: Callable[[Node], bool] = field(default=lambda n: True)
    nested: bool = False  # replies nest inside the post they answer (comment trees)


def vb3_header(q: Node) -> Node | None:
    for d in q.css("td.alt2 > div"):
        if d.css_first("strong") is not None and re.search(
            r"Posted by|Zitat von|Cita de", text_of(d), re.I
        ):
            return d
    return None


def prev_el(node: Node | None) -> Node | None:
    """The element just before `node` among its siblings (text between them skipped)."""
    p = node.prev if node is not None else None
    while p is not None and p.tag in ("-text", "_comment", "-comment"):
        p = p.prev
    return p


def attr(node: Node | None, name: str) -> str:
    return (node.attributes.get(name) or "") if node is not None else ""


def has_name_cell(row: Node) -> bool:
    """A table row whose own cell holds the poster's name span (a phpBB 2 post row)."""
    return any(
        c.tag == "td"
        and any(g.tag == "span" and "name" in attr(g, "class").split() for g in c.iter())
        for c in row.iter()
    )


def smf_quote_author(q: Node) -> str | None:
    m = re.search(r"Quote from:\s*(.+?)(?:\s+on\s|$)", text_of(prev_el(q)))
    return m.group(1).strip() if m else None


def se_author(n: Node) -> str | None:
    """Stack Exchange: a comment names its user; a question or answer its owner, the last card."""
    if "comment" in attr(n, "class").split():
        return first_text(n, "a.comment-user|span.comment-user")
    cards = [
        c
        for c in n.css(".post-signature .user-details")
        if not any("comment" in attr(a, "class").split() for a in ancestors(c, n))
    ]
    return first_text(cards[-1], "a|span[itemprop=name]") if cards else None


def askbot_author(n: Node) -> str | None:
    if "comment" in attr(n, "class").split():
        return first_text(n, ".comment-controls a.author")
    return first_text(n, ".post-update-info .user-info a")


ENGINES = [
    Engine(
        "discourse",
        lambda h: "crawler-post" in h and 'itemprop="text"' in h.replace("'", '"'),
        "div.crawler-post[id^=post_]",
        lambda n: num(r"post_(\d+)$", attr(n, "id")),
        lambda n: first_text(n, "span[itemprop=name]"),
        "aside.quote|blockquote",  # a '>' quote typed by hand is linked by its words
        lambda q: q.attributes.get("data-username"),
        lambda q: q.attributes.get("data-post"),
        "div.title",
        "div.post[itemprop=text]",
    ),
    Engine(
        "smf2",
        lambda h: 'class="post_wrapper"' in h and 'id="msg_' in h,
        "div.post_wrapper",
        lambda n: num(r"msg_(\d+)$", attr(n.css_first("div.inner[id^=msg_]"), "id")),
        lambda n: first_text(n, ".poster h4 a|.poster h4"),
        "blockquote.bbc_standard_quote|blockquote.bbc_alternate_quote",
        smf_quote_author,
        lambda q: num(r"msg(\d+)", attr(prev_el(q).css_first("a") if prev_el(q) else None, "href")),
        "",
        "div.inner[id^=msg_]",
    ),
    Engine(
        "phpbb2",
        lambda h: 'class="postbody"' in h and '<span class="name"><a name="' in h,
        "tr",
        lambda n: attr(n.css_first("span.name a[name]"), "name") or None,
        lambda n: first_text(n, "span.name b|span.name"),
        "td.quote",
        lambda q: strip_said(text_of(prev_el(q.parent))) or None,
        lambda q: None,
        "",
        "",
        post_filter=has_name_cell,
    ),
    Engine(
        "proboards",
        lambda h: 'class="mini-profile' in h and 'id="post-' in h and "proboards" in h,
        "tr.post[id^=post-]",
        lambda n: num(r"post-(\d+)", attr(n, "id")),
        lambda n: first_text(n, ".mini-profile a.user-link|.mini-profile a"),
        "div.quote",
        lambda q: (
            attr(q.css_first(".quote_avatar_container .avatar-wrapper"), "title")
            or strip_said(text_of(q.css_first(".quote_header")))
            or None
        ),
        lambda q: num(r"/post/(\d+)", attr(q, "source")),
        ".quote_header|.quote_avatar_container",
        "div.message",
    ),
    Engine(
        "staticarchive",
        lambda h: '<article class="post"' in h and 'class="post-author"' in h,
        "article.post[id^=msg]",
        lambda n: num(r"msg(\d+)", attr(n, "id")),
        lambda n: first_text(n, ".post-author"),
        "blockquote.quote",
        lambda q: num(r"author=(\S+)", text_of(q.css_first("cite"))),
        lambda q: num(r"msg(\d+)", text_of(q.css_first("cite"))),
        "cite",
        ".post-body",
    ),
    Engine(
        "bangumi",
        lambda h: "postTopic" in h and "row_reply" in h,
        "div[id^=post_]",
        lambda n: num(r"post_(\d+)", attr(n, "id")),
        lambda n: first_text(n, "strong a.l"),
        "div.quote|blockquote",
        lambda q: None,
        lambda q: None,
        "",
        ".topic_content|.message|.cmt_sub_content",
        nested=True,
    ),
    Engine(
        "askbot",
        lambda h: "askbot" in h and "data-post-id=" in h,
        "div[id^=post-id-]",
        lambda n: num(r"post-id-(\d+)", attr(n, "id")),
        askbot_author,
        "blockquote",
        lambda q: None,
        lambda q: None,
        "",
        ".post-body|.comment-body",
        post_filter=lambda n: attr(n, "id") != "post-id-0",  # the new-comment template
        nested=True,
    ),
    Engine(
        "drupal",
        lambda h: 'class="comment comment-published' in h and 'class="submitted"' in h,
        "div.comment",
        lambda n: num(r"comment-(\d+)", attr(prev_el(n), "id")),
        lambda n: first_text(n, ".submitted a"),
        "blockquote",
        lambda q: None,
        lambda q: None,
        "",
        ".content",
    ),
    Engine(
        "stackexchange",
        lambda h: "js-answer" in h and "comment-copy" in h,
        "div.question[data-questionid]|div.answer[data-answerid]|li.comment[data-comment-id]",
        lambda n: (
            attr(n, "data-questionid") or attr(n, "data-answerid") or attr(n, "data-comment-id")
        ),
        se_author,
        "blockquote",
        lambda q: None,
        lambda q: None,
        "",
        ".s-prose|.comment-copy",
        nested=True,
    ),
    Engine(
        "wordpress",
        lambda h: 'class="comment-body"' in h and "comment-author vcard" in h,
        "li.comment[id^=comment-]",
        lambda n: num(r"comment-(\d+)", attr(n, "id")),
        lambda n: first_text(n, ".comment-author .fn"),
        "blockquote",
        lambda q: None,
        lambda q: None,
        "",
        ".comment-content",
        nested=True,
    ),
    Engine(
        "xenforo2",
        lambda h: "message--post" in h and 'data-content="post-' in h,
        "article.message--post",
        lambda n: num(r"post-(\d+)", n.attributes.get("data-content")),
        lambda n: n.attributes.get("data-author"),
        "blockquote.bbCodeBlock--quote",
        lambda q: (
            q.attributes.get("data-quote") or strip_said(text_of(q.css_first(".bbCodeBlock-title")))
        ),
        lambda q: (
            num(r"post:\s*(\d+)", q.attributes.get("data-source"))
            or num(
                r"id=(\d+)",
                (
                    q.css_first(".bbCodeBlock-title a").attributes.get("href")
                    if q.css_first(".bbCodeBlock-title a")
                    else ""
                ),
            )
        ),
        ".bbCodeBlock-title|.bbCodeBlock-expandLink",
        ".message-body|.message-content",
    ),
    Engine(
        "xenforo1",
        lambda h: "messageText" in h and 'class="message' in h,
        "li.message",
        lambda n: num(r"post-(\d+)", n.attributes.get("id")),
        lambda n: n.attributes.get("data-author"),
        "div.bbCodeQuote",
        lambda q: (
            q.attributes.get("data-author") or strip_said(text_of(q.css_first(".attribution")))
        ),
        lambda q: num(
            r"post-(\d+)|id=(\d+)",
            (
                q.css_first("a.AttributionLink").attributes.get("href")
                if q.css_first("a.AttributionLink")
                else ""
            ),
        ),
        ".attribution|.quoteExpand",
        ".messageText",
    ),
    Engine(
        "ips",
        lambda h: 'data-role="commentContent"' in h or "ipsComment" in h,
        "article[id^=elComment_]",
        lambda n: num(r"elComment_(\d+)", n.attributes.get("id")),
        lambda n: first_text(n, ".cAuthorPane_author a|.cAuthorPane_author"),
        "blockquote.ipsQuote",
        lambda q: q.attributes.get("data-ipsquote-username"),
        lambda q: q.attributes.get("data-ipsquote-contentcommentid"),
        ".ipsQuote_citation",
        "[data-role=commentContent]",
    ),
    Engine(
        "mybb",
        lambda h: "mycode_quote" in h or ("post_author" in h and "post_body" in h),
        "div.post[id^=post_]",
        lambda n: num(r"post_(\d+)", n.attributes.get("id")),
        lambda n: first_text(
            n, ".author_information .largetext a|.author_information strong a|.post_author strong"
        ),
        "blockquote.mycode_quote",
        lambda q: strip_said(
            " ".join(
                t.text_content
                for t in (
                    q.css_first("cite").iter(include_text=True) if q.css_first("cite") else []
                )
                if t.tag == "-text"
            )
        ),
        lambda q: num(
            r"pid=?(\d+)",
            (q.css_first("cite a").attributes.get("href") if q.css_first("cite a") else ""),
        ),
        "cite",
        ".post_body",
    ),
    Engine(
        "vbulletin5",
        lambda h: 'content="vBulletin 5' in h,
        "li.b-post[data-node-id]",
        lambda n: n.attributes.get("data-node-id"),
        lambda n: first_text(
            n, ".b-userinfo__details .author strong|.author strong|.b-post__author"
        ),
        "div.bbcode_quote",
        lambda q: first_text(q, ".bbcode_postedby strong"),
        lambda q: num(
            r"post(\d+)",
            (
                q.css_first(".bbcode_postedby a").attributes.get("href")
                if q.css_first(".bbcode_postedby a")
                else ""
            ),
        ),
        ".bbcode_postedby",
        ".js-post__content-text|.b-post__content",
    ),
    Engine(
        "vbulletin4",
        lambda h: ("postcontainer" in h and "bbcode_quote" in h) or 'content="vBulletin 4' in h,
        "li.postcontainer[id^=post_]",
        lambda n: num(r"post_(\d+)", n.attributes.get("id")),
        lambda n: first_text(n, ".username strong|a.username|.username"),
        "div.bbcode_quote",
        lambda q: first_text(q, ".bbcode_postedby strong"),
        lambda q: num(
            r"#post(\d+)",
            (
                q.css_first(".bbcode_postedby a").attributes.get("href")
                if q.css_first(".bbcode_postedby a")
                else ""
            ),
        ),
        ".bbcode_postedby",
        "div.content|blockquote.postcontent",
    ),
    Engine(
        "vbulletin3",
        lambda h: 'content="vBulletin 3' in h or 'id="post_message_' in h,
        "table[id^=post]",
        lambda n: num(r"^post(\d+)$", n.attributes.get("id")),
        lambda n: first_text(n, "a.bigusername|.bigusername"),
        "div[id^=post_message_] > div",
        lambda q: first_text(vb3_header(q), "strong") if vb3_header(q) is not None else None,
        lambda q: num(
            r"#post(\d+)",
            (
                vb3_header(q).css_first("a").attributes.get("href")
                if vb3_header(q) is not None and vb3_header(q).css_first("a")
                else ""
            ),
        ),
        "div.smallfont|td.alt2 > div:first-child",
        "div[id^=post_message_]",
        post_filter=lambda n: n.css_first("div[id^=post_message_]") is not None,
    ),
    Engine(
        "somethingawful",
        lambda h: "quote_link" in h or ('class="post"' in h and "userinfo" in h),
        "table.post[id^=post]",
        lambda n: num(r"post(\d+)", n.attributes.get("id")),
        lambda n: first_text(n, "dt.author"),
        "div.bbc-block",
        lambda q: strip_said(text_of(q.css_first("h4"))),
        lambda q: num(
            r"postid=(\d+)",
            (
                q.css_first("a.quote_link").attributes.get("href")
                if q.css_first("a.quote_link")
                else ""
            ),
        ),
        "h4",
        "td.postbody",
    ),
    Engine(
        "hfr",
        lambda h: "messagetable" in h,
        "table.messagetable",
        lambda n: num(
            r"t(\d+)",
            (n.css_first("a[name^=t]").attributes.get("name") if n.css_first("a[name^=t]") else ""),
        ),
        lambda n: first_text(n, "b.s2"),
        "table.citation|table.oldcitation|table.quote",
        lambda q: strip_said(text_of(q.css_first("b.s1"))),
        lambda q: num(
            r"#t(\d+)",
            (q.css_first("b.s1 a").attributes.get("href") if q.css_first("b.s1 a") else ""),
        ),
        "b.s1",
        "div[id^=para]",
        post_filter=lambda n: (
            n.css_first("a[name^=t]") is not None and n.css_first("b.s2") is not None
        ),
    ),
    Engine(
        "nodebb",
        lambda h: 'component="post"' in h,
        "li[component=post]",
        lambda n: n.attributes.get("data-pid"),
        lambda n: n.attributes.get("data-username"),
        "blockquote",
        lambda q: num(r"@?(\S+)\s+said", text_of(q.prev)) if q.prev is not None else None,
        lambda q: None,
        "",
        "[component='post/content']",
    ),
    # Comment systems and trees, added for the second held-out set (/work/data/html_new)
    Engine(
        "reddit_old",
        lambda h: 'data-type="comment"' in h and "thing_t1_" in h,
        "div.thing.comment",
        lambda n: num(r"t1_(\w+)", n.attributes.get("data-fullname")),
        lambda n: n.attributes.get("data-author"),
        "blockquote",
        lambda q: None,
        lambda q: None,
        "",
        ".entry .usertext-body .md",
        nested=True,
    ),
    Engine(
        "hackernews",
        lambda h: "athing comtr" in h,
        "tr.athing.comtr",
        lambda n: n.attributes.get("id"),
        lambda n: first_text(n, "a.hnuser"),
        "blockquote",
        lambda q: None,
        lambda q: None,
        ".reply",
        "div.comment",
    ),
    Engine(
        "disqus",
        lambda h: 'data-role="post-content"' in h and 'id="post-' in h,
        "li.post[id^=post-]",
        lambda n: num(r"post-(\d+)", n.attributes.get("id")),
        lambda n: first_text(n, ".post-byline .author a|.post-byline .author"),
        "blockquote",
        lambda q: None,
        lambda q: None,
        "",
        ".post-message",
        nested=True,
    ),
    Engine(
        "livejournal",
        lambda h: "mdspost-comment" in h,
        "article.mdspost-comment",
        lambda n: num(r"t(\d+)", n.attributes.get("id")),
        lambda n: n.attributes.get("data-username"),
        "blockquote",
        lambda q: None,
        lambda q: None,
        "",
        ".mdspost-comment__body",
    ),
    Engine(
        "pikabu",
        lambda h: 'class="comment__body' in h and "data-indent" in h,
        "div.comment[data-id]",
        lambda n: n.attributes.get("data-id"),
        lambda n: (
            n.css_first(".comment__user").attributes.get("data-name")
            if n.css_first(".comment__user")
            else None
        ),
        "blockquote",
        lambda q: None,
        lambda q: None,
        "",
        ".comment__content",
        nested=True,
    ),
    Engine(
        "vcru",
        lambda h: "comments__item__self" in h,
        "div.comments__item[data-id]",
        lambda n: n.attributes.get("data-id"),
        lambda n: first_text(n, ".comments__item__user__name"),
        "blockquote",
        lambda q: None,
        lambda q: None,
        "",
        ".comments__item__text",
        nested=True,
    ),
    Engine(
        "spotim",
        lambda h: "sppre_message-view" in h,
        "div.sppre_message-view[data-message-id]",
        lambda n: n.attributes.get("data-message-id"),
        lambda n: first_text(n, ".sppre_username"),
        "blockquote",
        lambda q: None,
        lambda q: None,
        "",
        ".sppre_message-text|[data-spot-im-class=message-text]",
        nested=True,
    ),
    Engine(
        "launchpad",
        lambda h: "boardCommentBody" in h,
        "div.boardComment",
        lambda n: num(
            r"/comments/(\d+)",
            (
                n.css_first(".bug-comment-index a").attributes.get("href")
                if n.css_first(".bug-comment-index a")
                else ""
            ),
        ),
        lambda n: first_text(n, ".boardCommentDetails a.person|.boardCommentDetails a"),
        "blockquote",
        lambda q: None,
        lambda q: None,
        "",
        ".comment-text",
    ),
    Engine(
        "4pda_blog",
        lambda h: "comment-list level-" in h,
        "div[id^=comment-]",
        lambda n: num(r"comment-(\d+)", n.attributes.get("id")),
        lambda n: first_text(n, "a.nickname"),
        "blockquote",
        lambda q: None,
        lambda q: None,
        "",
        "p.content",
    ),
    Engine(
        "forumotion",
        lambda h: "forumotion" in h.lower() or "forumieren" in h.lower(),
        "div.post[id^=p]",
        lambda n: num(r"^p(\d+)$", n.attributes.get("id")),
        lambda n: first_text(n, ".postprofile-head strong|.postprofile-head a"),
        "blockquote",
        lambda q: strip_said(text_of(q.css_first("cite"))) or None,
        lambda q: num(
            r"p=?(\d+)",
            (q.css_first("cite a").attributes.get("href") if q.css_first("cite a") else ""),
        ),
        "cite",
        ".content|.postbody",
    ),
    Engine(
        "phpbb3",
        lambda h: 'class="postbody"' in h and ("viewtopic" in h or "phpbb" in h.lower()),
        "div.post[id^=p]",
        lambda n: num(r"^p(\d+)$", n.attributes.get("id")),
        lambda n: first_text(
            n, ".author a.username|.author a.username-coloured|.author strong|.author a"
        ),
        "blockquote",
        lambda q: strip_said(text_of(q.css_first("cite"))) or None,
        lambda q: num(
            r"p=?(\d+)",
            (q.css_first("cite a").attributes.get("href") if q.css_first("cite a") else ""),
        ),
        "cite",
        "div.content",
    ),
]

# Selectors use "|" between alternatives: the first that matches (names), all of them (blocks).


def alts(node: Node, sels: str) -> list[Node]:
    out: list[Node] = []
    for sel in filter(None, sels.split("|")):
        out.extend(node.css(sel))
    return out


def norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", s.lower()).split())


def ancestors(node: Node, stop: Node):
    p = node.parent
    while p is not None and p.mem_id != stop.mem_id:
        yield p
        p = p.parent


def quote_text(q: Node, eng: Engine) -> str:
    drop = {h.mem_id for h in alts(q, eng.header_sel)}
    words = []
    for t in q.traverse(include_text=True):
        if t.tag == "-text" and not any(a.mem_id in drop for a in ancestors(t, q)):
            words.append(t.text_content)
    return " ".join(" ".join(words).split())


def detect(html: str) -> Engine | None:
    return next((e for e in ENGINES if e.detect(html)), None)


def extract(html: str, eng: Engine) -> tuple[LexborHTMLParser, list[dict]]:
    """Posts in page order with their nodes, ids, authors and top-level quotes."""
    tree = LexborHTMLParser(html)
    posts = []
    for n in alts(tree.root, eng.post_sel):
        if not eng.post_filter(n):
            continue
        pid = eng.post_id(n)
        if pid is None:
            continue
        body = alts(n, eng.body_sel) if eng.body_sel else [n]
        own = text_of(body[0]) if eng.nested and body else text_of(n)
        qs = []
        seen: set[int] = set()
        for b in body[:1] or [n]:
            cands = alts(b, eng.quote_sel)
            ids = {c.mem_id for c in cands}
            for q in cands:
                if q.mem_id in seen or any(a.mem_id in ids for a in ancestors(q, n)):
                    continue
                seen.add(q.mem_id)
                txt = quote_text(q, eng)
                if not txt:
                    continue
                qs.append(
                    {
                        "node": q,
                        "author": eng.quote_author(q) or None,
                        "pid": eng.quote_pid(q),
                        "text": txt,
                    }
                )
        posts.append({"node": n, "id": pid, "author": eng.author(n), "quotes": qs, "text": own})
    # a post nested in another matched post (layout tables) is not a post of its own, unless
    # the engine nests replies (a comment tree)
    ids = {p["node"].mem_id for p in posts}
    if not eng.nested:
        posts = [
            p for p in posts if not any(a.mem_id in ids for a in ancestors(p["node"], tree.root))
        ]
    order = {p["id"]: i for i, p in enumerate(posts)}
    for i, p in enumerate(posts):
        for q in p["quotes"]:
            q["resolved"] = "markup" if q["pid"] in order else None
            if q["resolved"] is None:
                key = norm(q["text"])[:60]
                cands = [
                    o
                    for o in posts[:i]
                    if key
                    and key in norm(o["text"])
                    and (q["author"] is None or (o["author"] or "").lower() == q["author"].lower())
                ]
                if cands and (q["author"] is not None or len(cands) == 1):
                    if q["pid"] is not None:
                        q["markup_pid"] = q["pid"]
                    q["pid"], q["resolved"] = cands[-1]["id"], "text"
    return tree, posts


MARK = "ZQ{}{:04d}QZ"


def hidden(node: Node) -> bool:
    """Elements a text tool may leave out: scripts, styles, display:none, the hidden attribute."""
    style = (node.attributes.get("style") or "").replace(" ", "").lower()
    return (
        node.tag in ("script", "style", "noscript", "template", "select", "option")
        or "display:none" in style
        or "visibility:hidden" in style
        or "hidden" in node.attributes
    )


def glue(node: Node, skip: set[int], text: str, at_end: bool) -> bool:
    """Glue `text` to the first (or last) word of `node`, outside the `skip` subtrees."""
    texts = [
        t
        for t in node.traverse(include_text=True)
        if t.tag == "-text"
        and t.text_content.strip()
        and not any(a.mem_id in skip for a in ancestors(t, node))
        and not any(hidden(a) for a in ancestors(t, node))
    ]
    if not texts:
        return False
    t = texts[-1] if at_end else texts[0]
    s = t.text_content
    if at_end:
        core = s.rstrip()
        t.replace_with(core + text + s[len(core) :])
    else:
        core = s.lstrip()
        t.replace_with(s[: len(s) - len(core)] + text + core)
    return True


def marked_html(html: str, eng: Engine) -> tuple[str, list[dict]]:
    tree, posts = extract(html, eng)
    for k, p in enumerate(posts):
        p["pmark"] = glue(p["node"], set(), MARK.format("PS", k), False) and glue(
            p["node"], set(), MARK.format("PE", k), True
        )
        p["k"] = k
        for j, q in enumerate(p["quotes"]):
            skip = {h.mem_id for h in alts(q["node"], eng.header_sel)}
            qk = k * 100 + j
            q["k"] = qk
            q["qmark"] = glue(q["node"], skip, MARK.format("QS", qk), False) and glue(
                q["node"], skip, MARK.format("QE", qk), True
            )
    return tree.html, posts


def truth_json(fname: str, posts: list[dict]) -> dict:
    ids = {p["id"] for p in posts}
    quotes = [
        {
            "in_post": p["id"],
            "quoted_author": q["author"],
            "quoted_post": q["pid"],
            "quoted_post_on_this_page": q["pid"] in ids,
            "resolved": q["resolved"],
            **({"markup_quoted_post": q["markup_pid"]} if "markup_pid" in q else {}),
        }
        for p in posts
        for q in p["quotes"]
    ]
    return {
        "file": fname,
        "n_posts": len(posts),
        "n_quotes": len(quotes),
        "posts": [{"id": p["id"], "author": p["author"]} for p in posts],
        "quotes": quotes,
    }


def main() -> None:
    raw, sources, out = sys.argv[1:4]
    first = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    os.makedirs(os.path.join(out, "marked"), exist_ok=True)
    rows = [
        ln.split() for ln in Path(sources).read_text(encoding="utf-8").splitlines() if ln.strip()
    ]
    n = 0
    for fname, repo, commit, path in rows:
        src = os.path.join(raw, fname)
        html = Path(src).read_text(encoding="utf-8", errors="replace")
        eng = detect(html)
        if eng is None:
            print(f"{fname}: engine not recognised, skipped")
            continue
        _, posts = extract(html, eng)
        if len(posts) < 2:
            print(f"{fname}: {eng.name}, {len(posts)} posts, skipped")
            continue
        name = f"{first + n:02d}_{eng.name}"
        n += 1
        shutil.copyfile(src, os.path.join(out, name + ".html"))
        truth = json.dumps(truth_json(name + ".html", posts), indent=1, ensure_ascii=False)
        Path(out, name + ".truth.json").write_text(truth, encoding="utf-8")
        marked, _ = marked_html(html, eng)
        Path(out, "marked", name + ".html").write_text(marked, encoding="utf-8")
        with open(os.path.join(out, name + ".source.txt"), "w", encoding="utf-8") as f:
            f.write(
                f"repo: {repo} (https://github.com/{repo})\npath: {path}\ncommit: {commit}\n"
                f"engine: {eng.name}\nraw file: {fname}\n"
            )
        nq = sum(len(p["quotes"]) for p in posts)
        linked = sum(1 for p in posts for q in p["quotes"] if q["resolved"])
        print(
            f"{name}: {fname} {len(posts)} posts, {nq} quotes ({linked} linked on page), "
            f"authors {sum(1 for p in posts if p['author'])}/{len(posts)}"
        )


if __name__ == "__main__":
    main()
