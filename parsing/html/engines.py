"""The engine table: how each forum engine marks up posts, quotes and chrome.

Selectors follow the engines' own templates (see tests/data/html/SOURCES.md for the pages and
templates they were checked against). Quote links come from the markup first: XenForo's
`data-source`, vBulletin's "View Post" link, phpBB's `data-post-id`, SMF's `#msgN` link,
Invision's `data-ipsquote-contentcommentid`, Discourse's `data-post`; Vanilla's classic quotes
name only the author, so they are linked later by author and text.
"""

from __future__ import annotations

import datetime as dt
import re

from selectolax.lexbor import LexborNode

from parsing.html import dates
from parsing.html.extract import Engine, QuoteMeta, digits, first, select, text_of, url_param
from parsing.html.text import inline_text
from parsing.models import Attachment

_SAID = re.compile(
    r"\s*(?:said|posted|wrote|writes|says|hat gesagt\.?|hat geschrieben|schrieb|a dit|a écrit"
    r"|ha scritto|ha detto|escribió|dijo|schreef|zei|napisał|skrev|sanoi|написал)\s*:?\s*$",
    re.IGNORECASE,
)
_SIZE = re.compile(r"(\d[\d.,]*\s*(?:[KMGT]i?B|bytes?))", re.IGNORECASE)
_VIEWS = re.compile(
    r"(?:views?|aufrufe|vues|viewed)\D{0,3}(\d[\d.,]*)|(\d[\d.,]*)\s*(?:views?|times)",
    re.IGNORECASE,
)


def said(title: str | None) -> str | None:
    """The author in a quote title: "Pepemaus said:", "Pepemaus hat gesagt.:", "X posted:"."""
    if not title:
        return None
    name = _SAID.sub("", title.strip()).strip().rstrip(":").strip()
    if not name or name.lower() in {"quote", "zitat", "citation", "code"}:
        return None
    return name


def own(node: LexborNode, selector: str, container: str) -> LexborNode | None:
    """The first `selector` match whose nearest `container` ancestor is `node` itself.

    A quote's title must not be taken from a quote nested inside it.
    """
    inner = {n.mem_id for n in select(node, container)} - {node.mem_id}
    for cand in select(node, selector):
        parent = cand.parent
        while parent is not None and parent.mem_id != node.mem_id:
            if parent.mem_id in inner:
                break
            parent = parent.parent
        else:
            return cand
    return None


def prev_element(node: LexborNode) -> LexborNode | None:
    sib = node.prev
    while sib is not None and (sib.tag or "").startswith("-"):
        sib = sib.prev
    return sib


def size_views(text: str) -> tuple[str | None, int | None]:
    """Size and view count from an attachment line ("317.4 KB · Views: 64")."""
    size = _SIZE.search(text)
    views = _VIEWS.search(text)
    count = None
    if views:
        raw = (views[1] or views[2]).replace(",", "").replace(".", "")
        count = int(raw) if raw.isdigit() else None
    return (size[1] if size else None), count


def _attachment(name: str | None, info: str, url: str | None) -> Attachment | None:
    if not name:
        return None
    size, views = size_views(info)
    return Attachment(name=name, size=size, views=views, url=url or None)


# XenForo 2 ----------------------------------------------------------------------------------


def _xf_source(kind: str, ident: str | None) -> str | None:
    """XenForo quotes posts, profile posts and conversation messages alike; only a post id can
    name a post of this thread, the others keep their kind so they never link by accident."""
    if not ident:
        return None
    kind = kind.strip().lower()
    return ident if kind in ("post", "") else f"{kind}:{ident}"


def _xf2_quote(node: LexborNode) -> QuoteMeta:
    attrs = node.attributes
    kind, _, ident = (attrs.get("data-source") or "").partition(":")
    source = _xf_source(kind, digits(ident))
    jump = own(node, "a.bbCodeBlock-sourceJump", "blockquote") if source is None else None
    if jump is not None:
        href = jump.attributes.get("href") or ""
        m = re.search(r"goto/([\w-]+)[?&]id=(\d+)", href)
        source = _xf_source(m[1], m[2]) if m else None
    author = attrs.get("data-quote") or said(text_of(own(node, ".bbCodeBlock-title", "blockquote")))
    return QuoteMeta(author=author, source_id=source)


def _xf2_attachments(node: LexborNode) -> list[Attachment]:
    out = []
    for item in select(node, ".message-attachments li, ul.attachmentList li"):
        name_node = first(item, ".file-name")
        name = (name_node.attributes.get("title") if name_node else None) or text_of(name_node)
        link = first(item, "a[href]")
        att = _attachment(
            name, text_of(item, ".file-meta") or "", link.attributes.get("href") if link else None
        )
        if att:
            out.append(att)
    return out


XENFORO2 = Engine(
    name="xenforo2",
    posts=("article.message--post",),
    post_id=lambda n: digits(n.attributes.get("data-content") or n.attributes.get("id")),
    author=lambda n: n.attributes.get("data-author") or text_of(n, ".message-name .username"),
    author_title=".message-userTitle",
    date=lambda n: dates.from_node(
        first(n, ".message-attribution-main time.u-dt") or first(n, "time.u-dt")
    ),
    body=lambda n: first(n, ".message-body .bbWrapper") or first(n, ".message-body"),
    quotes="blockquote.bbCodeBlock--quote",
    quote_meta=_xf2_quote,
    drop=(
        ".bbCodeBlock-title, .bbCodeBlock-expandLink, .js-selectToQuoteEnd, .message-signature, "
        ".bbCodeBlock--code .bbCodeBlock-title, .message-lastEdit, .reactionsBar"
    ),
    signature=".message-signature",
    attachments=_xf2_attachments,
    title=("h1.p-title-value",),
)

# XenForo 1 ----------------------------------------------------------------------------------


def _xf1_quote(node: LexborNode) -> QuoteMeta:
    link = own(node, "a.AttributionLink", "div.bbCodeQuote")
    source = None
    if link is not None:
        m = re.search(r"goto/([\w-]+)[?&]id=(\d+)", link.attributes.get("href") or "")
        source = _xf_source(m[1], m[2]) if m else None
    author = node.attributes.get("data-author") or said(
        text_of(own(node, ".attribution", "div.bbCodeQuote"))
    )
    content = own(node, ".quote", "div.bbCodeQuote")
    return QuoteMeta(author=author, source_id=source, content=content)


def _xf1_attachments(node: LexborNode) -> list[Attachment]:
    out = []
    for item in select(node, ".attachedFiles li.attachment"):
        link = first(item, ".attachmentInfo h6 a") or first(item, "h6 a")
        name = text_of(link) or item.attributes.get("title")
        att = _attachment(
            name,
            text_of(item, ".attachmentInfo") or "",
            link.attributes.get("href") if link else None,
        )
        if att:
            out.append(att)
    return out


XENFORO1 = Engine(
    name="xenforo1",
    posts=("li.message[id^=post-]",),
    post_id=lambda n: digits(n.attributes.get("id")),
    author=lambda n: n.attributes.get("data-author") or text_of(n, ".messageUserInfo .username"),
    author_title=".userTitle",
    date=lambda n: dates.from_node(first(n, ".messageMeta .DateTime") or first(n, ".DateTime")),
    body=lambda n: first(n, "blockquote.messageText"),
    quotes="div.bbCodeQuote",
    quote_meta=_xf1_quote,
    drop=".attribution, .quoteExpand, .messageTextEndMarker, .bbCodeBlock .type",
    signature=".signature",
    attachments=_xf1_attachments,
    title=(".titleBar h1",),
)

# vBulletin 3, 4, 5 and Something Awful ------------------------------------------------------


def _vb_quote(node: LexborNode) -> QuoteMeta:
    """vB 4/5 `div.bbcode_quote`: "Originally Posted by <strong>X</strong>" and a View Post link."""
    posted = own(node, ".bbcode_postedby", "div.bbcode_quote")
    author = text_of(posted, "strong") if posted is not None else None
    source = None
    if posted is not None:
        for link in select(posted, "a[href]"):
            href = link.attributes.get("href") or ""
            source = url_param(href, "p", "postid") or (
                digits(href.rpartition("#post")[2]) if "#post" in href else None
            )
            if source:
                break
    content = own(node, "div.message", "div.bbcode_quote") or own(
        node, "div.quote_container", "div.bbcode_quote"
    )
    return QuoteMeta(author=author, source_id=source, content=content)


_VB3_QUOTE = "td.alt2"
"""vB 3 quotes are `td.alt2` cells; a `div.alt2` is a [php] code block, the poster's own text."""


def elements(node: LexborNode) -> list[LexborNode]:
    """The element children of a node (text and comments left out)."""
    out = []
    child = node.child
    while child is not None:
        if child.tag and not child.tag.startswith("-"):
            out.append(child)
        child = child.next
    return out


def _vb3_quote(node: LexborNode) -> QuoteMeta:
    """vB 3 `td.alt2`: a first child div "Originally Posted by <strong>X</strong>" with a View
    Post link, then the italic message; an unattributed quote is bare text.

    Only the cell's own first child can be its header: an unattributed quote that holds a
    quoted quote must not take the inner quote's author and post.
    """
    kids = elements(node)
    head = kids[0] if kids and kids[0].tag == "div" else None
    strong = next((k for k in elements(head) if k.tag == "strong"), None) if head else None
    author = text_of(strong)
    if head is None or not author:
        return QuoteMeta()
    source = None
    link = first(head, "a[href]")
    if link is not None:
        href = link.attributes.get("href") or ""
        source = url_param(href, "p", "postid") or (
            digits(href.rpartition("#post")[2]) if "#post" in href else None
        )
    rest = kids[1:]
    content = next(
        (k for k in rest if "italic" in (k.attributes.get("style") or "")),
        rest[0] if len(rest) == 1 else None,
    )
    return QuoteMeta(author=author, source_id=source, content=content)


def _vb4_attachments(node: LexborNode) -> list[Attachment]:
    out = []
    for item in select(node, ".attachments li, .attachments td"):
        link = first(item, "a[href*=attachment]") or first(item, "a[href]")
        if link is None:
            continue
        att = _attachment(text_of(link), inline_text(item), link.attributes.get("href"))
        if att:
            out.append(att)
    return out


VBULLETIN4 = Engine(
    name="vbulletin4",
    posts=("li.postcontainer[id^=post_]", "li[id^=post_].postbit, li[id^=post_].postbitlegacy"),
    post_id=lambda n: digits(n.attributes.get("id")),
    author=lambda n: text_of(n, ".username_container .username") or text_of(n, ".username"),
    author_title=".usertitle",
    date=lambda n: dates.from_text(text_of(n, ".postdate .date") or text_of(n, ".date")),
    body=lambda n: first(n, "div[id^=post_message_]"),
    quotes="div.bbcode_quote",
    quote_meta=_vb_quote,
    drop=".bbcode_postedby, .bbcode_quote_container, .bbcode_description, .signaturecontainer",
    signature=".signaturecontainer",
    attachments=_vb4_attachments,
    title=("span.threadtitle", "#pagetitle .threadtitle", "h1"),
)


def _vb5_author(node: LexborNode) -> str | None:
    return (
        text_of(node, ".b-userinfo .author [itemprop=name]")
        or text_of(node, ".b-userinfo .author")
        or text_of(node, "[itemprop=author] [itemprop=name]")
    )


VBULLETIN5 = Engine(
    name="vbulletin5",
    posts=("li.b-post[data-node-id]",),
    post_id=lambda n: n.attributes.get("data-node-id"),
    author=_vb5_author,
    author_title=".b-userinfo .usertitle",
    date=lambda n: dates.from_node(first(n, ".b-post__timestamp time") or first(n, "time")),
    body=lambda n: first(n, ".js-post__content-text"),
    quotes="div.bbcode_quote",
    quote_meta=_vb_quote,
    drop=(
        ".bbcode_postedby, .bbcode_quote_container, .bbcode_description, .b-post__signature, "
        ".post-signature"
    ),
    signature=".b-post__signature, .post-signature",
    title=(".page-title-widget h1.main-title", "h1.main-title", "h1"),
)

VBULLETIN3 = Engine(
    name="vbulletin3",
    posts=("table[id^=post]", "div[id^=post]"),
    keep_post=lambda n: re.fullmatch(r"post\d+", n.attributes.get("id") or "") is not None,
    post_id=lambda n: digits(n.attributes.get("id")),
    author=lambda n: text_of(n, ".bigusername") or text_of(n, "[id^=postmenu_]"),
    author_title="div[id^=postmenu_] + div.smallfont",
    date=lambda n: dates.from_text(text_of(n, "td.thead")),
    body=lambda n: first(n, "div[id^=post_message_]"),
    quotes=_VB3_QUOTE,
    quote_meta=_vb3_quote,
    drop="div.smallfont",
    title=("td.navbar strong", "h1"),
)


_SA_BROKEN_TITLE = re.compile(r'^(.*?)"\s*post="(\d+)')


def _sa_quote(node: LexborNode) -> QuoteMeta:
    """Something Awful: `<h4><a class="quote_link" href="...postid=N">X posted:</a></h4>`."""
    head = own(node, "h4", "div.bbc-block")
    title = text_of(head) or ""
    link = first(head, "a.quote_link") if head is not None else None
    source = url_param(link.attributes.get("href"), "postid", "p") if link is not None else None
    author = said(title)
    broken = _SA_BROKEN_TITLE.match(title)
    if broken:
        author, source = broken[1], source or broken[2]
    return QuoteMeta(
        author=author, source_id=source, content=own(node, "blockquote", "div.bbc-block")
    )


SOMETHINGAWFUL = Engine(
    name="somethingawful",
    posts=("table.post[id^=post]",),
    post_id=lambda n: digits(n.attributes.get("id")),
    author=lambda n: text_of(n, "dt.author"),
    date=lambda n: dates.from_text(text_of(n, "td.postdate")),
    body=lambda n: first(n, "td.postbody"),
    quotes="div.bbc-block:not(.code)",
    quote_meta=_sa_quote,
    drop="div.bbc-block > h4, div.bbc-block > h5, p.editedby, .signature",
    signature="p.signature",
    title=("a.bclast", "#thread .title"),
)

# phpBB 3 ------------------------------------------------------------------------------------


def _phpbb_quote(node: LexborNode) -> QuoteMeta:
    cite = own(node, "cite", "blockquote")
    source = None
    author = None
    if cite is not None:
        for link in select(cite, "a[href]"):
            attrs = link.attributes
            href = attrs.get("href") or ""
            if attrs.get("data-post-id"):
                source = attrs.get("data-post-id")
            elif "memberlist.php" in href and author is None:
                author = text_of(link)
            elif source is None:
                source = url_param(href, "p") or (
                    digits(href.rpartition("#p")[2]) if "#p" in href else None
                )
        if author is None:
            stripped = cite.text(deep=False) or inline_text(cite)
            author = said(" ".join(stripped.split()))
    if source is None:
        source = url_param(node.attributes.get("cite"), "p")
    return QuoteMeta(author=author, source_id=source)


def _phpbb_author(node: LexborNode) -> str | None:
    return (
        text_of(node, ".postprofile .username")
        or text_of(node, ".postprofile .username-coloured")
        or text_of(node, "p.author strong")
        or text_of(node, ".author strong")
    )


def _phpbb_date(node: LexborNode) -> dt.date | None:
    author = first(node, "p.author") or first(node, ".author")
    if author is None:
        return None
    return dates.from_node(first(author, "time")) or dates.from_text(
        inline_text(author).rpartition("»")[2]
    )


def _phpbb_attachments(node: LexborNode) -> list[Attachment]:
    out = []
    for item in select(node, "dl.attachbox dl.file, dl.attachbox dl.thumbnail"):
        link = first(item, "a.postlink") or first(item, "a[href*=file]")
        img = first(item, "img.postimage")
        name = text_of(link) or (img.attributes.get("alt") if img is not None else None)
        url = link.attributes.get("href") if link else (img.attributes.get("src") if img else None)
        att = _attachment(name, text_of(item, "dd") or inline_text(item), url)
        if att:
            out.append(att)
    return out


PHPBB3 = Engine(
    name="phpbb3",
    posts=("div.post[id^=p]",),
    keep_post=lambda n: re.fullmatch(r"p\d+", n.attributes.get("id") or "") is not None,
    post_id=lambda n: digits(n.attributes.get("id")),
    author=_phpbb_author,
    author_title=".postprofile .profile-rank",
    date=_phpbb_date,
    body=lambda n: first(n, ".postbody .content") or first(n, ".content"),
    quotes="blockquote",
    quote_meta=_phpbb_quote,
    drop="cite, .codebox > p, .codebox > dt, div.notice, dl.attachbox > dt",
    signature=".signature",
    attachments=_phpbb_attachments,
    title=("h2.topic-title", "h2"),
)

# Simple Machines 2.0 / 2.1 ------------------------------------------------------------------

_SMF_FROM = re.compile(
    r"^[^:]*:\s*(.*?)(?:\s+(?:on|am|le|il|el|op|den|dnia)\s+.*)?$", re.IGNORECASE
)


def _smf_quote(node: LexborNode) -> QuoteMeta:
    head = own(node, "cite", "blockquote")
    if head is None:
        sib = prev_element(node)
        if sib is not None and "quoteheader" in (sib.attributes.get("class") or ""):
            head = sib
    if head is None:
        return QuoteMeta()
    link = first(head, "a[href]")
    source = None
    if link is not None:
        href = link.attributes.get("href") or ""
        m = re.search(r"msg=?(\d+)", href)
        source = m[1] if m else None
    title = text_of(head) or ""
    author = None
    if ":" in title:
        m = _SMF_FROM.match(title)
        author = m[1].strip() if m and m[1].strip() else None
    return QuoteMeta(author=author, source_id=source)


def _smf_id(node: LexborNode) -> str | None:
    inner = first(node, "div.inner[data-msgid]")
    if inner is not None:
        return inner.attributes.get("data-msgid")
    inner = first(node, "div[id^=msg_]") or first(node, "[id^=subject_]")
    return digits(inner.attributes.get("id")) if inner is not None else None


def _smf_date(node: LexborNode) -> dt.date | None:
    info = first(node, ".keyinfo .smalltext") or first(node, ".postinfo .smalltext")
    if info is None:
        return None
    return dates.from_text(info.attributes.get("title")) or dates.from_text(inline_text(info))


SMF = Engine(
    name="smf",
    posts=("div.post_wrapper",),
    post_id=_smf_id,
    author=lambda n: text_of(n, ".poster h4 a") or text_of(n, ".poster h4"),
    author_title=".poster .membergroup, .poster .postgroup",
    date=_smf_date,
    body=lambda n: first(n, "div.inner") or first(n, "div.post"),
    quotes="blockquote.bbc_standard_quote, blockquote.bbc_alternate_quote",
    quote_meta=_smf_quote,
    drop="div.quoteheader, div.quotefooter, blockquote > cite, div.codeheader, .signature",
    signature="div.signature",
    attachments=lambda n: [
        a
        for link in select(n, ".attachments a[href*=attach]")
        if (a := _attachment(text_of(link), inline_text(link.parent), link.attributes.get("href")))
    ],
    title=("#top_subject",),
)

# Vanilla ------------------------------------------------------------------------------------


def _vanilla_id(node: LexborNode) -> str | None:
    own_id = node.attributes.get("id") or ""
    if re.fullmatch(r"(?:Comment|Discussion)_\d+", own_id):
        return own_id
    link = first(node, "a.Permalink")
    href = link.attributes.get("href") if link is not None else ""
    m = re.search(r"/discussion/(\d+)", href or "")
    return f"Discussion_{m[1]}" if m else None


def _vanilla_quote(node: LexborNode) -> QuoteMeta:
    if "embedQuote" in (node.attributes.get("class") or ""):
        meta = first(node, "a.embedQuote-metaLink")
        href = meta.attributes.get("href") if meta is not None else ""
        source = None
        if m := re.search(r"/comment/(\d+)", href or ""):
            source = f"Comment_{m[1]}"
        elif m := re.search(r"/discussion/(\d+)", href or ""):
            source = f"Discussion_{m[1]}"
        return QuoteMeta(
            author=text_of(node, ".embedQuote-userName"),
            source_id=source,
            content=first(node, ".embedQuote-excerpt") or first(node, ".embedText-main"),
        )
    author = text_of(own(node, ".QuoteAuthor a", "blockquote")) or said(
        text_of(own(node, ".QuoteAuthor", "blockquote"))
    )
    if author is None:
        author = node.attributes.get("rel")
    return QuoteMeta(author=author, content=own(node, ".QuoteText", "blockquote"))


VANILLA = Engine(
    name="vanilla",
    posts=(".ItemDiscussion, li.ItemComment",),
    post_id=_vanilla_id,
    author=lambda n: text_of(n, ".Author .Username") or text_of(n, ".Username"),
    author_title=".AuthorInfo .RoleTitle",
    date=lambda n: dates.from_node(first(n, ".DateCreated time") or first(n, "time")),
    body=lambda n: first(n, ".Message.userContent") or first(n, ".Message"),
    quotes="blockquote.Quote, blockquote.UserQuote, .embedQuote",
    quote_meta=_vanilla_quote,
    drop=".QuoteAuthor, .embedText-header, .embedQuote-header",
    signature=".UserSignature",
    title=(".PageTitle h1", "h1"),
)

# Invision Community 4 -----------------------------------------------------------------------


def _ips_quote(node: LexborNode) -> QuoteMeta:
    attrs = node.attributes
    author = attrs.get("data-ipsquote-username") or attrs.get("data-cite")
    if not author:
        author = said(text_of(own(node, ".ipsQuote_citation", "blockquote")))
    return QuoteMeta(
        author=author,
        source_id=attrs.get("data-ipsquote-contentcommentid") or None,
        content=own(node, ".ipsQuote_contents", "blockquote"),
    )


INVISION = Engine(
    name="invision",
    posts=("article[id^=elComment_]",),
    post_id=lambda n: digits(n.attributes.get("id")),
    author=lambda n: (
        text_of(n, ".cAuthorPane_author a")
        or text_of(n, ".cAuthorPane_author")
        or text_of(n, ".ipsEntry__username a")
    ),
    author_title=".cAuthorPane_info [data-role=group]",
    date=lambda n: dates.from_node(first(n, ".ipsComment_meta time") or first(n, "time")),
    body=lambda n: first(n, "[data-role=commentContent]"),
    quotes="blockquote.ipsQuote",
    quote_meta=_ips_quote,
    # "Edited <date> by X" sits in the post's own HTML, marked data-excludequote
    drop=(".ipsQuote_citation, [data-role=memberSignature], .ipsItemControls, [data-excludequote]"),
    signature="[data-role=memberSignature]",
    attachments=lambda n: [
        a
        for link in select(n, "[data-role=commentContent] a.ipsAttachLink")
        if (a := _attachment(text_of(link), "", link.attributes.get("href")))
    ],
    title=("h1.ipsType_pageTitle", "h1"),
)

ENGINES: dict[str, Engine] = {
    e.name: e
    for e in (
        XENFORO2,
        XENFORO1,
        VBULLETIN5,
        VBULLETIN4,
        VBULLETIN3,
        SOMETHINGAWFUL,
        PHPBB3,
        SMF,
        VANILLA,
        INVISION,
    )
}
