"""Read a flattened thread (a crawl's text dump) into a `Thread`: the orchestrator.

The jobs are done by their own modules: `chrome` (menus, counters, the title), `headers` (post
header blocks and quote markers), `attachments`, `segment` (where posts start and which lines
are quotes, with `quote_index` finding what a quote repeats). This module runs them in order and
turns their findings into the model: posts with their own words, quotes linked to the posts they
repeat, attachments, and reading-order parts.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from parsing.attachments import find_attachments
from parsing.chrome import MAX_CHROME_CHARS, find_title, is_chrome
from parsing.collector import collector_paused
from parsing.frame import find_frame, left_column, opening_article
from parsing.headers import PostHeader, find_post_headers, find_quote_frames, inner_quotes
from parsing.ids import post_id
from parsing.mail_frame import (
    bare_marks,
    find_mail_frame,
    find_mail_message,
    find_sender_rows,
)
from parsing.mail_quotes import is_marked, mail_quote_frames, telling, unmarked
from parsing.models import Attachment, Part, Post, Quote, Source, Thread, trusted_builder
from parsing.normalize import normalize, normalize_lines, strip_ellipses, words
from parsing.quote_index import QuoteIndex
from parsing.residue import plain_lines, words_of
from parsing.segment import (
    Kind,
    Layout,
    PostSpan,
    QuoteLine,
    segment,
    separator_from_quotes,
    sign_off,
)
from parsing.tag_quotes import find_tag_quotes, untagged
from parsing.textsafe import clean, is_plain

MIN_MARKED_HEADERS = 2
"""With two or more header blocks, or one numbered "#N", the page is marked: headers alone decide
where posts start. (The seed has one unnumbered header over its first post and is bare.)"""

MAX_AUTHOR_POSTS = 10
"""How many of the named author's latest posts a quote naming them is compared with."""

MIN_AUTHOR_MATCH = 0.75
"""How closely a quote that names its author must repeat one of their posts to be linked."""

MAX_FRAGMENT_POSTS = 20
"""How many posts back the words of a marked quote too short to find by its sentences
("disable smoothing") are looked for: people quote the posts they answer, a few back."""
MIN_FRAGMENT_WORDS = 2

_QUOTED_WHOLE = re.compile(r"""^\s*["“„«].{40,}["”»]\s*$""")
_SIGNATURE_RULE = re.compile(r"^\s*(?:_{5,}|-{2,}\s*|—{2,})\s*$")
_RULE_CHARS = ("_", "-", "—")
"""How a signature rule starts: a cheap test before the pattern, which runs on every line."""
MAX_SIGNATURE_LINES = 3
_TEXT, _QUOTE, _MARKER = Kind.TEXT, Kind.QUOTE, Kind.MARKER
"""Module names for the kinds looked up on every line of every post: an enum member is looked
up through its class's metaclass (~15x slower than a module name on Python 3.11)."""

# Posts, parts and quotes are built from values typed here, without validation; each string
# passes `clean` once, as the models' `Text` validator would have it (see trusted_builder).
_new_post = trusted_builder(Post)
_new_text_part = trusted_builder(Part, ("kind", "text"))
_new_quote_part = trusted_builder(Part, ("kind", "quote"))
_new_quote = trusted_builder(Quote, [name for name in Quote.model_fields if name != "source_id"])
_new_nested = trusted_builder(Quote, ("target", "author", "text", "lines", "score"))
_new_outside = trusted_builder(Quote, ("text", "lines"))


def _cleaned(text: str | None) -> str | None:
    return text if text is None else clean(text)


def _same(text: str) -> str:
    """`clean` for a plain text: nothing to remove."""
    return text


@dataclass(slots=True)
class _Group:
    """Consecutive quote lines of one post that repeat one passage."""

    lines: list[int]
    quote_lines: list[QuoteLine]
    external: bool = False


def parse_text(text: str, source: Source) -> Thread:
    """Parse a flattened thread: title, chrome, posts, quotes and attachments."""
    with collector_paused():
        return _parse(text, source)


def _parse(text: str, source: Source) -> Thread:
    raw = text.split("\n")
    # `unescape` written out: a call per line costs more than the test on most lines
    lines = [html.unescape(line) if "&" in line else line for line in raw]
    # A plain text (most are) holds nothing `clean` would change, nor does any part of it: the
    # posts' own words and quotes, cut from its lines, then skip the test one string at a time.
    plain = is_plain(text) and all(
        is_plain(line) for line, was in zip(lines, raw, strict=True) if line is not was
    )

    attachments = find_attachments(lines)
    attachment_lines = {
        k - 1 for a in attachments.values() if a.lines for k in range(a.lines[0], a.lines[1] + 1)
    }
    view = plain_lines(lines)  # markdown residue read through; the same lines without any
    # words are matched as they read: a picture is its alt text, not its address
    norms = normalize_lines([words_of(line) for line in lines] if view is not lines else lines)
    # a mail archive's messages open with header blocks: its own frame, read first
    page = find_mail_frame(view)
    mail = page is not None
    if page is None:
        page = find_frame(left_column(view), attachment_lines)
    if page is None or not (page.complete or page.headers):
        rows = find_sender_rows(view)  # messages under rows of a sender and a date, unlabelled
        if rows is not None:
            page, mail = rows, True
    if page is None:
        page = find_mail_message(view)
        mail = page is not None
    headers = page.headers if page and page.complete else find_post_headers(view)
    header_lines = {k for h in headers for k in range(h.start, h.end + 1)}
    footer_lines = {k for a, b in page.footers for k in range(a, b + 1)} if page else set()
    # A "Quote" the page prints under every post is a button, not a quote's label.
    authors = frozenset(h.author.casefold() for h in headers if h.author) if page else frozenset()
    frames = [
        f
        for f in find_quote_frames(view, authors=authors)
        if f.start not in footer_lines and f.start not in header_lines
    ]
    frames = mail_quote_frames(lines, frames, mail)
    tagged = find_tag_quotes(lines, frozenset(h.start for h in headers))
    if tagged.frames:  # quotes between tags left as text: the tags say where, and whom
        inside = {k for f in tagged.frames for k in range(f.start, f.end + 1)}
        frames = sorted(
            [f for f in frames if f.start not in inside and f.first not in inside] + tagged.frames,
            key=lambda f: f.start,
        )
        for k in tagged.glued:
            norms[k] = normalize(untagged(view[k]))
    mail_lines = {k for f in frames if f.end == f.last for k in range(f.first, f.last + 1)}
    for k in mail_lines:
        if is_marked(lines[k]):
            norms[k] = normalize(unmarked(lines[k]))
    frame_lines = {k for f in frames for k in (f.start, f.end)} | mail_lines
    if mail_lines:  # a mail quote's wordless lines (">", "> >") are nobody's text
        footer_lines |= bare_marks(lines, mail_lines, everywhere=mail)
    # Chrome is at most MAX_CHROME_CHARS long once stripped: longer lines skip the pattern.
    chrome = footer_lines | {
        i
        for i, line in enumerate(view)
        if (len(line) <= MAX_CHROME_CHARS or line[0].isspace() or line[-1].isspace())
        and i not in header_lines
        and i not in frame_lines
        and is_chrome(line)
    }
    # The title heads the page: a line after the first post header is part of a post.
    if page and page.complete:
        # Above a framed page's first post stand only the page's top lines (menus, the forum's
        # section, the title): none is a post, and the title is the one nearest the posts.
        # An article over a framed comment section is the opening post, its headline the title.
        article = opening_article(view, headers[0].start, chrome)
        if article is not None:
            headers = [PostHeader(article, article, None, None, None, None), *headers]
            header_lines.add(article)
        top = [i for i in range(headers[0].start) if lines[i].strip()]
        chrome.update(top)
        # every framed post closes with its footer: what stands under the last one is the
        # page's (sidebars, sign-up boxes, the site's footer), not the last post's words
        end = max((b for _, b in page.footers), default=-1)
        if end > headers[-1].end:
            chrome.update(i for i in range(end + 1, len(view)) if view[i].strip())
        title_at = article if article is not None else top[-1] if top else None
    else:
        title_at = find_title(view[: headers[0].start] if headers else view, chrome | header_lines)
        if title_at is not None:  # menus and a path over the title (see find_title)
            chrome.update(i for i in range(title_at) if view[i].strip())

    skip = set(chrome)
    if title_at is not None and title_at not in header_lines:  # an article's headline opens it
        skip.add(title_at)
    marked = (
        len(headers) >= MIN_MARKED_HEADERS
        or any(h.number is not None for h in headers)
        or bool(page and page.complete)  # a page of one mail message is framed too
    )
    title_key = " ".join(words(norms[title_at])) if title_at is not None else None
    layout = segment(
        lines,
        norms,
        skip,
        headers,
        frames,
        attachment_lines,
        marked=marked,
        title_key=title_key,
        opens=set(page.starts) if page and not page.complete else set(),
        separator=page.gap if page and not page.complete else None,
    )
    if page is None and not marked and (gap := separator_from_quotes(lines, layout.quotes)):
        # The quotes show posts parted by blank lines, as paragraphs are: read it so.
        layout = segment(
            lines, norms, skip, headers, frames, attachment_lines, False, title_key, separator=gap
        )
    for k in mail_lines:  # a mail quote reads without its marks ("> > words")
        if is_marked(lines[k]):
            lines[k] = unmarked(lines[k])
    # The index and the matching form are as big as the text. Building the posts needs them
    # only to compare a quote under a marker with its author's posts (`_by_author`): without
    # such quotes (a bare dump) they go now, before the posts are built beside them.
    del norms
    if not any(q.author is not None or q.frame is not None for q in layout.quotes.values()):
        layout.index = QuoteIndex()
    for k in tagged.glued:  # and a tagged one without its tags
        lines[k] = untagged(lines[k])
    text_clean = _same if plain else clean
    drafts = _draft_posts(
        lines,
        layout,
        frozenset(mail_lines),
        text_clean,
        tagged.post_numbers,
        frozenset(f.first for f in tagged.frames),
    )
    title = view[title_at].strip() if title_at is not None else None
    del layout, lines, raw  # the lines too: posts need none
    posts = _finish_posts(drafts, attachments, text_clean)

    return Thread(
        title=title,
        title_line=title_at + 1 if title_at is not None else None,
        source=source,
        posts=posts,
        chrome_lines=_chrome_outside_posts(chrome, title_at, posts),
    )


def _chrome_outside_posts(chrome: set[int], title_at: int | None, posts: list[Post]) -> list[int]:
    """Chrome lines (1-based) that no post covers; chrome inside a post is part of the post."""
    spans = [post.lines for post in posts if post.lines]
    firsts = [first for first, _ in spans]
    outside = []
    for i in sorted(chrome):
        k = bisect.bisect_right(firsts, i + 1) - 1
        if i != title_at and not (k >= 0 and spans[k][0] <= i + 1 <= spans[k][1]):
            outside.append(i + 1)
    return outside


def _groups(
    lines: list[str], span: PostSpan, layout: Layout, post_of: Callable[[int], int]
) -> list[_Group | int]:
    """A post's content in reading order: quote groups, and own-text line numbers."""
    out: list[_Group | int] = []
    current: _Group | None = None
    after_colon = False
    for k, kind in span.lines:
        if kind is _QUOTE:
            q = layout.quotes[k]
            if current is not None and not current.external and _same_passage(current, q, post_of):
                current.lines.append(k)
                current.quote_lines.append(q)
                continue
            current = _Group([k], [q])
            out.append(current)
        elif kind is _TEXT:
            if after_colon and _QUOTED_WHOLE.match(lines[k]):
                out.append(_Group([k], [], external=True))
                current = None
                continue
            after_colon = lines[k].rstrip().endswith(":")
            current = None
            out.append(k)
        elif kind is _MARKER:
            current = None
    return out


def _same_passage(group: _Group, q: QuoteLine, post_of: Callable[[int], int]) -> bool:
    """Whether a quote line continues the passage of the quote lines before it."""
    last = group.quote_lines[-1]
    if q.frame is not None or last.frame is not None:
        return q.frame == last.frame
    if q.source is None or last.source is None:
        return False
    return q.source > last.source and post_of(q.source) == post_of(last.source)


@dataclass(slots=True)
class _Context:
    """What quote resolution needs to know about the whole thread."""

    lines: list[str]
    layout: Layout
    starts: list[int]
    authors: dict[str, list[int]]
    mail: frozenset[int] = frozenset()
    """Lines of `>` quote runs (read without their marks)."""
    clean: Callable[[str], str] = clean
    """`clean`, or nothing where the text is plain (see `_parse`)."""
    quoted_numbers: dict[int, int] = field(default_factory=dict)
    """The post number a quote's tag names ("post:3"), by the quote's first line."""
    numbered: dict[int, int] = field(default_factory=dict)
    """Posts by the number their headers print ("#3")."""
    tagged: frozenset[int] = frozenset()
    """First lines of quotes marked by tags left as text."""
    framed: bool = False
    """Whether the page frames its posts (header blocks over them)."""

    def post_of(self, line: int) -> int:
        """The number (from 1) of the post a line belongs to."""
        return bisect.bisect_right(self.starts, line)


@dataclass(slots=True)
class _Draft:
    """A post with its quotes resolved, before it becomes a `Post`."""

    span: PostSpan
    signature: str | None
    items: list[str | Quote]


def _draft_posts(
    lines: list[str],
    layout: Layout,
    mail: frozenset[int] = frozenset(),
    text_clean: Callable[[str], str] = clean,
    quoted_numbers: dict[int, int] | None = None,
    tagged: frozenset[int] = frozenset(),
) -> list[_Draft]:
    """Resolve every post's quotes (the one step that needs the quote index)."""
    authors: dict[str, list[int]] = {}
    numbered: dict[int, int] = {}
    for n, span in enumerate(layout.posts, start=1):
        if span.header and span.header.author:
            authors.setdefault(span.header.author.casefold(), []).append(n)
        if quoted_numbers and span.header and span.header.number is not None:
            numbered.setdefault(span.header.number, n)
    ctx = _Context(
        lines,
        layout,
        [s.start for s in layout.posts],
        authors,
        mail,
        text_clean,
        quoted_numbers or {},
        numbered,
        tagged,
        any(span.header is not None for span in layout.posts),
    )
    drafts: list[_Draft] = []
    for number, span in enumerate(layout.posts, start=1):
        signature = _cut_signature(lines, span)
        items: list[str | Quote] = [
            item if isinstance(item, str) else _make_quote(item, ctx, number)
            for item in _reading_order(lines, span, ctx)
        ]
        drafts.append(_Draft(span, signature, items))
    return drafts


def _finish_posts(
    drafts: list[_Draft],
    attachments: dict[int, Attachment],
    text_clean: Callable[[str], str] = clean,
) -> list[Post]:
    """`Post`s from drafts: own words, quotes, attachments, and parts in reading order.
    `text_clean` cleans the words cut from the text (`clean`, or nothing for a plain text).

    Parts are only filled for posts with quotes: without quotes the reading order is the body,
    which `Post.reading_parts` already gives, and big threads need not hold the text twice.
    """
    posts: list[Post] = []
    seen: dict[str, int] = {}
    quote_parts: list[Part] = []  # Part(kind="quote", quote=n) at n: frozen, so shared
    drafts.reverse()  # popped from the end, each draft is freed once its post is made
    while drafts:
        draft = drafts.pop()
        number = len(posts) + 1
        span = draft.span
        quotes: list[Quote] = []
        runs: list[str] = []
        for item in draft.items:  # a str test is far cheaper than one for a model class
            if isinstance(item, str):
                runs.append(item)
            else:
                quotes.append(item)
        parts: list[Part] = []
        if quotes:
            while len(quote_parts) < len(quotes):
                quote_parts.append(
                    _new_quote_part({"kind": "quote", "text": "", "quote": len(quote_parts)})
                )
            n = 0
            for item in draft.items:
                if isinstance(item, str):
                    parts.append(
                        _new_text_part({"kind": "text", "text": text_clean(item), "quote": None})
                    )
                else:
                    parts.append(quote_parts[n])
                    n += 1
        body = "\n\n".join(runs)
        header = span.header
        first = header.start if header else span.lines[0][0]
        last = span.lines[-1][0]  # lines are kept in file order
        author = header.author if header else None
        posts.append(
            _new_post(
                {
                    "number": number,
                    "id": post_id(author, body or "\n".join(q.text for q in quotes), seen),
                    "source_id": None,
                    "author": _cleaned(author),
                    "author_title": _cleaned(header.author_title) if header else None,
                    "date": header.date if header else None,
                    "lines": (first + 1, last + 1),
                    "body": text_clean(body),
                    "parts": parts,
                    "quotes": quotes,
                    "attachments": (
                        [attachments[k] for k, _ in span.lines if k in attachments]
                        if attachments
                        else []
                    ),
                    "signature": _cleaned(draft.signature),
                }
            )
        )
    return posts


def _cut_signature(lines: list[str], span: PostSpan) -> str | None:
    """Take a signature off the end of a post: "__________" or "--" then a few lines, or a
    sign-off ("-Mach") alone on the last line after a blank one."""
    text_lines = [k for k, kind in span.lines if kind is _TEXT]
    for pos, k in enumerate(text_lines):
        if (
            lines[k].lstrip()[:1] in _RULE_CHARS
            and _SIGNATURE_RULE.match(lines[k])
            and 0 < len(text_lines) - pos - 1 <= MAX_SIGNATURE_LINES
        ):
            cut = set(text_lines[pos:])
            span.lines = [(j, Kind.CHROME if j in cut else kind) for j, kind in span.lines]
            return "\n".join(lines[j] for j in text_lines[pos + 1 :]).strip() or None
    if len(text_lines) >= 2 and span.lines[-1][0] == text_lines[-1]:
        last = text_lines[-1]
        name = sign_off(lines[last])
        if name and not lines[last - 1].strip():
            span.lines = [(j, Kind.CHROME if j == last else kind) for j, kind in span.lines]
            return name
    return None


def _reading_order(lines: list[str], span: PostSpan, ctx: _Context) -> list[str | _Group]:
    """Own-text runs (paragraph breaks kept) and quote groups, in the order they are read."""
    out: list[str | _Group] = []
    run: list[str] = []
    last_line: int | None = None

    def flush() -> None:
        chunk = "\n".join(run).strip("\n")
        if chunk.strip():
            out.append(chunk)
        run.clear()

    for item in _groups(lines, span, ctx.layout, ctx.post_of):
        if isinstance(item, int):
            if last_line is not None and run and item > last_line + 1:
                run.append("")
            run.append(lines[item].rstrip())
            last_line = item
            continue
        flush()
        last_line = None
        out.append(item)
    flush()
    return out


def _make_quote(group: _Group, ctx: _Context, number: int) -> Quote:
    """A `Quote` for a group of lines: its words, and the earlier post they repeat."""
    first, last = group.lines[0], group.lines[-1]
    span = (first + 1, last + 1)
    nested: list[Quote] = []
    own = list(range(first, last + 1))
    if group.quote_lines and group.quote_lines[0].frame is not None:
        for opener, closer, who in inner_quotes(ctx.lines, first, last):
            inner = _Group(list(range(opener + 1, closer)), [])
            who, theirs = _posts_by(ctx, who)
            earlier = bisect.bisect_left(theirs, number)
            target, score = (
                _by_author(inner, ctx, theirs, earlier) if earlier and inner.lines else (None, 0.0)
            )
            nested.append(
                _new_nested(
                    {
                        "target": target,
                        "author": _cleaned(who),
                        "source_id": None,
                        "text": ctx.clean("\n".join(ctx.lines[opener + 1 : closer]).strip()),
                        "truncated": False,
                        "lines": (opener + 2, closer) if closer > opener + 1 else None,
                        "score": float(round(score, 3)),
                        "nested": [],
                    }
                )
            )
            own = [k for k in own if not opener <= k <= closer]
    text = (
        "\n".join(ctx.lines[k] for k in own) if nested else "\n".join(ctx.lines[first : last + 1])
    ).strip()
    if group.external:
        return _new_outside(
            {
                "target": None,
                "author": None,
                "source_id": None,
                "text": ctx.clean(text),
                "truncated": False,
                "lines": span,
                "score": 0.0,
                "nested": [],
            }
        )
    qls = group.quote_lines
    truncated = qls[0].truncated or qls[-1].truncated
    author = qls[0].author
    target: int | None = None
    score = 0.0
    if first in ctx.quoted_numbers and ctx.numbered:
        # the tag names the post ("post:3") and the page numbers its posts ("#3"): no guess;
        # a number the page does not hold is a post on another page
        target = ctx.numbered.get(ctx.quoted_numbers[first])
        score = 1.0 if target is not None else 0.0
    elif author is None or (not ctx.authors and (ctx.framed or first in ctx.tagged)):
        # no name, or a name on a page whose frame prints no names (or a tag's): the quoted
        # words say whose they are. On a bare dump with no frame at all the name stays
        # unchecked and the quote unlinked: it may quote a post the dump does not hold.
        sources = [q for q in qls if q.source is not None]
        if first in ctx.mail:  # a mail quote is of the message whose words open it
            sources = (
                telling(
                    sources,
                    [
                        ctx.lines[k]
                        for k, q in zip(group.lines, qls, strict=True)
                        if q.source is not None
                    ],
                )
                or sources
            )
        if sources:
            target = ctx.post_of(sources[0].source)
            score = sum(q.score for q in sources) / len(sources)
        elif qls[0].frame is not None:
            target, score = _by_fragment(group, ctx, number)
    else:
        author, theirs = _posts_by(ctx, author)
        earlier = bisect.bisect_left(theirs, number)  # their posts before this one
        if earlier:
            target, score = _by_author(group, ctx, theirs, earlier)
    if target is not None and target >= number:
        target, score = None, 0.0
    if target is not None and author is None:
        header = ctx.layout.posts[target - 1].header
        author = header.author if header else None
    return _new_quote(
        {
            "target": target,
            "author": _cleaned(author),
            "source_id": None,
            "text": ctx.clean(text),
            "truncated": truncated,
            "lines": span,
            "score": float(round(score, 3)),
            "nested": nested,
        }
    )


def _posts_by(ctx: _Context, name: str | None) -> tuple[str | None, list[int]]:
    """The author a quote names, as their posts spell it, and their posts.

    A quote header may print more than the name ("Originally Posted by pieper View Post"):
    then it names the author with the longest name it starts or ends with.
    """
    if not name:
        return name, []
    key = name.casefold()
    if key not in ctx.authors:
        key = max(
            (a for a in ctx.authors if key.startswith(a + " ") or key.endswith(" " + a)),
            key=len,
            default=key,
        )
    theirs = ctx.authors.get(key, [])
    if not theirs or key == name.casefold():
        return name, theirs
    header = ctx.layout.posts[theirs[0] - 1].header
    return (header.author if header else name), theirs


def _by_fragment(group: _Group, ctx: _Context, number: int) -> tuple[int | None, float]:
    """The latest earlier post whose own words hold a marked quote word for word, where the
    quote is a fragment too short for its sentences to find it ("radiomics is down", cut from
    "Looks like radiomics is down again"): the page says it is a quote, so its words only need
    to be found, nearest first."""
    cut = strip_ellipses(normalize(" ".join(ctx.lines[k] for k in group.lines)))[0]
    if len(words(cut)) < MIN_FRAGMENT_WORDS:
        return None, 0.0
    index = ctx.layout.index
    for n in range(number - 1, max(0, number - 1 - MAX_FRAGMENT_POSTS), -1):
        for k, kind in ctx.layout.posts[n - 1].lines:
            if kind is Kind.TEXT and index.holds(k, cut):
                return n, 1.0
    return None, 0.0


def _by_author(
    group: _Group, ctx: _Context, theirs: list[int], earlier: int
) -> tuple[int | None, float]:
    """The named author's earlier post these words come from, or None when none of theirs has them.

    `theirs[:earlier]` are the author's posts before the quoting one. Their own posts are
    compared directly (newest first, a bounded number), so a quote edited too much for the index
    still finds its post; words that are in none of their posts come from elsewhere and stay
    unlinked rather than pointing at a guess.
    """
    last = theirs[earlier - 1]
    best: tuple[float, int] | None = None
    for q in group.quote_lines:
        if q.source is None:
            continue
        post = ctx.post_of(q.source)
        k = bisect.bisect_left(theirs, post)
        if post <= last and k < len(theirs) and theirs[k] == post:
            best = max(best or (q.score, post), (q.score, post))
    if best is not None:
        return best[1], best[0]
    norm = normalize(" ".join(ctx.lines[k] for k in group.lines))
    index = ctx.layout.index
    for number in reversed(theirs[max(0, earlier - MAX_AUTHOR_POSTS) : earlier]):
        for k, kind in ctx.layout.posts[number - 1].lines:
            if kind is Kind.TEXT and k in index:
                score = index.similarity(norm, k)
                if score >= MIN_AUTHOR_MATCH and (best is None or score > best[0]):
                    best = (score, number)
    return (best[1], best[0]) if best else (None, 0.0)
