"""Build held-out crawl-flattened threads in page layouts the shared flat/ set does not have.

usage: python benchmarks/make_flat_layouts.py CORPUS OUT [--seed 2026] [--per-layout 20]

CORPUS is the Internet Argument Corpus (sl-m-lab/Internet-Argument-Corpus), either a checked-out
tree or the bare git directory that the `fetch` tool leaves (read with `git cat-file`). Its 4forums
discussions give real posts, authors, dates, reply parents and hand-made quote annotations
(character ranges naming the quoted post). Each chosen discussion (or one page window of it) is
laid out as a crawler flattens one of ten forum engines' pages, and NAME.LAYOUT.expected.toml
gives the truth in the format of ../shared/datasets/flat: post line ranges (header and footer
lines belong to the post), authors, quote line ranges (without their attribution line) with the
quoted post, `alt_links` where a quote's words also stand in another earlier post, and
`external_quotes` for quotes of posts that are not on the page. Join dates, post counts, ranks,
points and places are made up; words, authors, dates and quote structure are the corpus'.

Nothing here is tuned to a parser: the layouts follow how the engines' pages render, and the
choice of discussions, windows and per-thread variants is a seeded random draw. Output stays
outside the repository (it is other people's text).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import subprocess
import sys
from dataclasses import dataclass, field

SHARED_IAC = {10, 14253, 2140, 3458, 9455}  # the five discussions in ../shared/datasets/iac
DISC = "v1/data/fourforum/discussions"
QUOTES = "v1/data/fourforum/ranges/quotes"


class Corpus:
    """Reads corpus files from a work tree or, through `git cat-file`, from a bare mirror."""

    def __init__(self, path: str) -> None:
        self.tree = os.path.isdir(os.path.join(path, DISC))
        self.path = path
        self.proc = None
        if not self.tree:
            self.proc = subprocess.Popen(
                ["git", "--git-dir", path, "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )

    def sizes(self, folder: str) -> dict[int, int]:
        """File id -> size for every NNN.json in a corpus folder."""
        out: dict[int, int] = {}
        if self.tree:
            for name in os.listdir(os.path.join(self.path, folder)):
                if name.endswith(".json"):
                    out[int(name[:-5])] = os.path.getsize(os.path.join(self.path, folder, name))
            return out
        listing = subprocess.run(
            ["git", "--git-dir", self.path, "ls-tree", "-l", "HEAD", folder + "/"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for row in listing.splitlines():
            meta, name = row.split("\t")
            base = name.rsplit("/", 1)[-1]
            if base.endswith(".json"):
                out[int(base[:-5])] = int(meta.split()[3])
        return out

    def read(self, rel: str) -> bytes | None:
        if self.tree:
            full = os.path.join(self.path, rel)
            return open(full, "rb").read() if os.path.exists(full) else None
        assert self.proc and self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(f"HEAD:{rel}\n".encode())
        self.proc.stdin.flush()
        head = self.proc.stdout.readline().split()
        if len(head) < 3 or head[1] == b"missing":
            return None
        data = self.proc.stdout.read(int(head[2]))
        self.proc.stdout.read(1)
        return data


@dataclass
class Seg:
    """One run of a post's text: its own words, or a quote of another post."""

    lines: list[str]
    quote_of: int | None = None  # corpus post id quoted
    quote_author: str | None = None
    is_quote: bool = False


@dataclass
class Post:
    pid: int
    author: str
    time: float
    parent: int | None
    segs: list[Seg]
    depth: int = 0


@dataclass
class Thread:
    did: int
    title: str
    posts: list[Post]
    first_index: int  # 1-based position of the page's first post in the whole discussion
    total: int


def text_lines(text: str) -> list[str]:
    """A post's text as lines: stripped, blank runs collapsed to one, no blank at either end."""
    out: list[str] = []
    for raw in text.replace("\r", "").split("\n"):
        ln = " ".join(raw.split())
        if ln or (out and out[-1]):
            out.append(ln)
    while out and not out[-1]:
        out.pop()
    return out


def segments(text: str, ranges: list) -> list[Seg]:
    """Cut a post's text at its annotated quotes (outermost only, adjacent ones merged)."""
    ranges = sorted(ranges, key=lambda r: (r[0], -r[1]))
    outer: list = []
    for a, b, info in ranges:
        if outer and a < outer[-1][1]:
            continue
        outer.append((a, b, info))
    segs: list[Seg] = []
    pos = 0
    for a, b, info in outer:
        own = text_lines(text[pos:a])
        if own:
            segs.append(Seg(own))
        quoted = text_lines(text[a:b])
        if quoted:
            qid = info.get("quote_id")
            if segs and segs[-1].is_quote and segs[-1].quote_of == qid:
                segs[-1].lines += ["", *quoted]
            else:
                segs.append(Seg(quoted, qid, info.get("author") or None, True))
        pos = b
    own = text_lines(text[pos:])
    if own:
        segs.append(Seg(own))
    return segs


def load_thread(corpus: Corpus, did: int, rng: random.Random) -> Thread | None:
    raw = corpus.read(f"{DISC}/{did}.json")
    if not raw:
        return None
    data = json.loads(raw)
    qraw = corpus.read(f"{QUOTES}/{did}.json")
    quotes: dict[int, list] = {}
    for pid, rng_ in json.loads(qraw) if qraw else []:
        quotes.setdefault(pid, []).append(rng_)
    meta = data[2] if len(data) > 2 and isinstance(data[2], dict) else {}
    title = re.sub(
        r"^4Forums\.com Political Debates and Polls -\s*", "", meta.get("title", "")
    ).strip()
    posts: list[Post] = []
    for row in data[0]:
        pid, author, text, parent, when = row[0], row[2], row[3] or "", row[5], row[7] or 0.0
        segs = segments(text, quotes.get(pid, []))
        if not segs or not author:
            continue
        posts.append(Post(pid, author, float(when), parent, segs))
    if len(posts) < 2:
        return None
    if not title:
        title = (data[0][0][4] or {}).get("post_info", {}).get(
            "post_title", ""
        ) or f"Discussion {did}"
    total = len(posts)
    first = 1
    if total > 150 or rng.random() < 0.45:
        size = rng.choice([10, 15, 20, 25, 30, 40, 50])
        pages = max(1, -(-total // size))
        page = rng.randrange(pages)
        first = page * size + 1
        posts = posts[page * size : (page + 1) * size]
        if len(posts) < 2:
            return None
    return Thread(did, title, posts, first, total)


# ---------------------------------------------------------------- made-up per-author facts


def h(*parts: object) -> int:
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:12], 16)


def pick(seq: list, *key: object):
    return seq[h(*key) % len(seq)]


def author_facts(name: str, first_time: float) -> dict:
    joined = dt.datetime.fromtimestamp(first_time - 86400 * (30 + h(name, "j") % 1500), dt.UTC)
    return {
        "posts": 12 + h(name, "p") % 9000,
        "joined": joined,
        "loc": pick(
            [
                "",
                "",
                "Texas",
                "Ohio",
                "London, UK",
                "Pacific Northwest",
                "Toronto",
                "Sydney",
                "Florida",
                "Midwest",
                "",
                "Colorado",
            ],
            name,
            "l",
        ),
        "rep": h(name, "r") % 400,
        "avatar": h(name, "a") % 10 < 6,
        "threads": h(name, "t") % 300,
    }


def when(t: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(t, dt.UTC)


def num(n: int) -> str:
    return f"{n:,}"


# ---------------------------------------------------------------- page assembly


@dataclass
class Page:
    lines: list[str] = field(default_factory=list)
    boiler: list[int] = field(default_factory=list)
    posts: list[dict] = field(default_factory=list)
    title_line: int = 0

    def add(self, text: str, boiler: bool = False) -> int:
        self.lines.append(text)
        if boiler and text.strip():
            self.boiler.append(len(self.lines))
        return len(self.lines)


@dataclass
class Ctx:
    """What a layout may know while rendering one post."""

    thread: Thread
    post: Post
    index: int  # 1-based number of the post on the page
    abs_index: int  # 1-based number in the whole discussion
    rng: random.Random
    variant: dict
    by_pid: dict
    facts: dict


class Out:
    """Lines of one post as they are written, with the roles the truth needs."""

    def __init__(self, page: Page, indent: str = "", lossy: random.Random | None = None) -> None:
        self.page, self.indent, self.lossy = page, indent, lossy
        self.start: int | None = None
        self.header: list[int] = []
        self.footer: list[int] = []
        self.quotes: list[dict] = []
        self.last = 0

    def line(self, text: str, role: str = "body") -> int:
        if (
            role == "header"
            and self.lossy is not None
            and self.header
            and self.lossy.random() < 0.15
        ):
            return len(self.page.lines)  # a crawl that lost part of this header
        n = self.page.add(self.indent + text if text else "")
        if text.strip():
            if self.start is None:
                self.start = n
            self.last = n
            if role == "header":
                self.header.append(n)
            elif role == "footer":
                self.footer.append(n)
        return n

    def text(self, lines: list[str], prefix: str = "") -> tuple[int, int]:
        first = last = 0
        for ln in lines:
            n = self.line(prefix + ln if ln else (prefix.rstrip() if prefix.strip() else ""))
            if ln:
                first = first or n
                last = n
        return first, last

    def quote(self, seg: Seg, lines: list[str], prefix: str = "") -> None:
        a, b = self.text(lines, prefix)
        self.quotes.append({"pid": seg.quote_of, "lines": [a, b], "text": seg.lines})


def body(
    o: Out,
    ctx: Ctx,
    quote_open,
    quote_close=None,
    glue: bool = False,
    qprefix: str = "",
    para: str = "",
) -> None:
    """The post's words in order; quotes framed by the layout's attribution lines."""
    segs = ctx.post.segs
    for i, seg in enumerate(segs):
        if seg.is_quote:
            if i and not glue:
                o.line("")
            for ln in quote_open(seg, ctx):
                o.line(ln)
            o.quote(seg, seg.lines, qprefix)
            for ln in quote_close(seg, ctx) if quote_close else []:
                o.line(ln)
            if not glue and i + 1 < len(segs):
                o.line("")
        else:
            for ln in seg.lines:
                o.line(ln if ln else para)


def quoted_time(seg: Seg, ctx: Ctx) -> dt.datetime:
    target = ctx.by_pid.get(seg.quote_of)
    if target is not None:
        return when(target.time)
    return when(ctx.post.time - 3600 * (1 + h(seg.quote_of, "qt") % 200))


def quoted_name(seg: Seg, ctx: Ctx) -> str | None:
    target = ctx.by_pid.get(seg.quote_of)
    return target.author if target is not None else seg.quote_author


# ---------------------------------------------------------------- the layouts


def phpdate(t: dt.datetime) -> str:
    return t.strftime("%a %b %d, %Y %-I:%M ") + t.strftime("%p").lower()


def phpbb3(o: Out, ctx: Ctx) -> None:
    """phpBB 3.1+ prosilver: profile first ('User avatar' only where the member has one)."""
    p, f = ctx.post, ctx.facts
    if f["avatar"]:
        o.line("User avatar", "header")
    o.line(p.author, "header")
    if ctx.variant["rank"]:
        o.line(
            pick(
                ["Senior Member", "Member", "Regular", "Newbie", "Site Admin", "Frequent Poster"],
                p.author,
                "rk",
            ),
            "header",
        )
    o.line(f"Posts: {f['posts']}", "header")
    o.line("Joined: " + phpdate(f["joined"]), "header")
    if f["loc"]:
        o.line(f"Location: {f['loc']}", "header")
    o.line("")
    t = when(p.time)
    o.line(("Re: " if ctx.abs_index > 1 else "") + ctx.thread.title, "header")
    o.line(f"Post by {p.author} » {phpdate(t)}", "header")

    def qopen(seg: Seg, ctx: Ctx) -> list[str]:
        name = quoted_name(seg, ctx)
        if not name:
            return ["Quote:"]
        if ctx.variant["arrow"]:
            return [f"{name} wrote: ↑ " + phpdate(quoted_time(seg, ctx))]
        return [f"{name} wrote:"]

    body(o, ctx, qopen)
    o.line("Top", "footer")


def smf(o: Out, ctx: Ctx) -> None:
    """SMF 2.0: poster info, 'Re: title', '« Reply #n on: date »', quotes glued, 'Logged'."""
    p, f = ctx.post, ctx.facts
    o.line(p.author, "header")
    o.line(
        pick(
            [
                "Full Member",
                "Sr. Member",
                "Jr. Member",
                "Hero Member",
                "Newbie",
                "Global Moderator",
            ],
            p.author,
            "g",
        ),
        "header",
    )
    o.line("*" * (1 + f["posts"] % 5), "header")
    if ctx.variant["blank_block"]:
        o.line("")
    o.line(pick(["Offline", "Offline", "Online"], p.author, ctx.index), "header")
    if ctx.variant["blank_block"]:
        o.line("")
    o.line(f"Posts: {num(f['posts'])}", "header")
    if ctx.variant["blank_block"]:
        o.line("")
    if f["loc"] and ctx.variant["personal"]:
        o.line(f["loc"], "header")
    o.line(("Re: " if ctx.abs_index > 1 else "") + ctx.thread.title, "header")
    t = when(p.time).strftime("%B %d, %Y, %I:%M:%S %p")
    n = ctx.abs_index - 1
    o.line(f"« Reply #{n} on: {t} »" if n else f"« on: {t} »", "header")

    def qopen(seg: Seg, ctx: Ctx) -> list[str]:
        name = quoted_name(seg, ctx)
        if not name:
            return ["Quote"]
        return [
            f"Quote from: {name} on " + quoted_time(seg, ctx).strftime("%B %d, %Y, %I:%M:%S %p")
        ]

    body(o, ctx, qopen, glue=True)
    o.line("Logged", "footer")
    if ctx.variant["sig"] and h(p.author, "sig") % 3 == 0:
        o.line(
            pick(
                [
                    "If you can't be kind, at least be vague.",
                    "Sic semper tyrannis",
                    "Question everything.",
                    "Facts do not cease to exist because they are ignored.",
                ],
                p.author,
                "s",
            ),
            "footer",
        )


def vanilla(o: Out, ctx: Ctx) -> None:
    """Vanilla 2: name, date (and 'edited'), words, 'X said:' quotes, a flag/quote footer."""
    p = ctx.post
    o.line(p.author, "header")
    t = when(p.time)
    o.line(
        t.strftime("%B %Y") if ctx.variant["month"] else t.strftime("%B %d, %Y %-I:%M%p"), "header"
    )
    if h(p.pid, "ed") % 7 == 0:
        o.line("edited " + when(p.time + 3600).strftime("%B %Y"), "header")

    def qopen(seg: Seg, ctx: Ctx) -> list[str]:
        name = quoted_name(seg, ctx)
        return [f"{name} said:" if ctx.variant["said"] else f"{name} wrote: »"] if name else []

    body(o, ctx, qopen)
    if ctx.variant["footer"]:
        o.line(
            "Flag · Quote" if ctx.variant["footer"] == 1 else "Quote Insightful Awesome LOL",
            "footer",
        )


def ipb(o: Out, ctx: Ctx) -> None:
    """Invision 4: author block, 'Posted date', 'On d at t, X said:' quotes, share footer."""
    p, f = ctx.post, ctx.facts
    o.line(p.author, "header")
    o.line(
        pick(["Members", "Advanced Member", "Newbie", "Contributor", "Moderators"], p.author, "g"),
        "header",
    )
    o.line(
        "  " + num(f["posts"]) + " posts"
        if ctx.variant["indent_count"]
        else num(f["posts"]) + " posts",
        "header",
    )
    if ctx.variant["rep"]:
        o.line(f"Reputation: {f['rep']}", "header")
    if f["loc"] and ctx.variant["loc"]:
        o.line(f["loc"], "header")
    o.line("")
    t = when(p.time)
    o.line(
        "Posted " + t.strftime("%B %-d, %Y") + (" (edited)" if h(p.pid, "e") % 6 == 0 else ""),
        "header",
    )
    if ctx.variant["quote_btn"]:
        o.line("Quote", "header")

    def qopen(seg: Seg, ctx: Ctx) -> list[str]:
        name = quoted_name(seg, ctx)
        if not name:
            return ["Quote"]
        return [quoted_time(seg, ctx).strftime("On %-m/%-d/%Y at %-I:%M %p, ") + f"{name} said:"]

    body(o, ctx, qopen)
    likes = h(p.pid, "l") % 5
    if likes and ctx.variant["likes"]:
        o.line("")
        o.line(f"  {likes}", "footer")
    o.line("")
    o.line("Link to comment", "footer")
    o.line("Share on other sites", "footer")


def ubb(o: Out, ctx: Ctx) -> None:
    """UBB.threads 7: '#id - date Re: title [Re: parent]', profile, 'Originally Posted By: X'."""
    p, f = ctx.post, ctx.facts
    t = when(p.time).strftime("%m/%d/%y %I:%M %p")
    parent = ctx.by_pid.get(p.parent) if p.parent else None
    title = ctx.thread.title if ctx.abs_index == 1 else f"Re: {ctx.thread.title}"
    if parent is not None and ctx.abs_index > 1:
        title += f" [Re: {parent.author}]"
    o.line(f"#{p.pid} - {t} {title}", "header")
    o.line(p.author + (" Offline" if ctx.variant["online"] else ""), "header")
    o.line(
        pick(["member", "old hand", "stranger", "journeyman", "addict", "veteran"], p.author, "u"),
        "header",
    )
    o.line("Registered: " + f["joined"].strftime("%m/%d/%y"), "header")
    o.line(f"Posts: {num(f['posts'])}", "header")
    if f["loc"]:
        o.line(f"Loc: {f['loc']}", "header")

    def qopen(seg: Seg, ctx: Ctx) -> list[str]:
        name = quoted_name(seg, ctx)
        return ["Quote:", f"Originally Posted By: {name}"] if name else ["Quote:"]

    body(o, ctx, qopen)
    o.line("Top", "footer")


def xf1_list(o: Out, ctx: Ctx) -> None:
    """XenForo 1 as an ordered list: '  n. name', the user block, words, 'name, date #n'."""
    p, f = ctx.post, ctx.facts
    marker = f"{ctx.index:>3}. "
    o.indent = ""
    o.line(marker + p.author, "header")
    o.indent = " " * len(marker)
    if ctx.variant["dl_split"]:
        for label, val in (
            ("Joined:", f["joined"].strftime("%b %-d, %Y")),
            ("Messages:", num(f["posts"])),
            ("Likes Received:", num(f["rep"])),
        ):
            o.line(label, "header")
            o.line(val, "header")
    else:
        o.line(
            pick(["Well-Known Member", "Active Member", "Member", "New Member"], p.author, "x"),
            "header",
        )
    t = when(p.time).strftime("%b %-d, %Y")

    def qopen(seg: Seg, ctx: Ctx) -> list[str]:
        name = quoted_name(seg, ctx)
        return [f"{name} said: ↑"] if name else []

    def qclose(seg: Seg, ctx: Ctx) -> list[str]:
        return ["Click to expand..."]

    body(o, ctx, qopen, qclose)
    o.line(f"{p.author}, {t}" + (f"   #{ctx.abs_index}" if ctx.variant["num"] else ""), "footer")
    likes = h(p.pid, "lk") % 6
    if likes == 1:
        o.line(f"{pick([x.author for x in ctx.thread.posts], p.pid, 'who')} likes this.", "footer")
    o.indent = ""


def debate(o: Out, ctx: Ctx) -> None:
    """A debate site's argument box: points, words, side, author (score), dispute marks."""
    p, f = ctx.post, ctx.facts
    pts = h(p.pid, "pt") % 9
    o.line(f"{pts} point" + ("" if pts == 1 else "s"), "header")
    o.line("")

    def qopen(seg: Seg, ctx: Ctx) -> list[str]:
        return []

    segs = p.segs
    for i, seg in enumerate(segs):
        if seg.is_quote:
            if i:
                o.line("")
            lines = list(seg.lines)
            lines[0] = "\u201c" + lines[0]
            lines[-1] = lines[-1] + "\u201d"
            o.quote(seg, lines)
            o.line("")
        else:
            for ln in seg.lines:
                o.line(ln)
    o.line("")
    side = "For" if h(p.author, ctx.thread.did, "side") % 2 else "Against"
    if ctx.variant["sides"]:
        side = ctx.variant["sides"][h(p.author, ctx.thread.did, "side") % 2]
    o.line(f"Side: {side}", "footer")
    o.line(f"{p.author}({f['rep'] * 7 + 3})", "footer")
    mark = h(p.pid, "mk") % 5
    if mark == 1:
        o.line("Disputed", "footer")
    elif mark == 2:
        o.line("Clarified", "footer")
        o.line("1 time", "footer")
    if ctx.variant["report"]:
        o.line("Report", "footer")


def oldreddit(o: Out, ctx: Ctx) -> None:
    """old.reddit: '[–]name N points age', '>' quotes, 'permalink ... reply', nested indent."""
    p = ctx.post
    o.indent = "    " * min(p.depth, 6) if ctx.variant["indent"] else ""
    pts = int(h(p.pid, "r") % 60) - 5
    crawl = max(x.time for x in ctx.thread.posts) + 86400 * 365 * 4
    years = int((crawl - p.time) // (86400 * 365))
    age = f"{years} years ago" if years > 1 else "1 year ago"
    o.line(f"[–]{p.author} {pts} point{'' if abs(pts) == 1 else 's'} {age}", "header")

    def qopen(seg: Seg, ctx: Ctx) -> list[str]:
        return []

    body(o, ctx, qopen, qprefix="> ")
    o.line(
        "permalink"
        + ("embedsaveparentreportreply" if ctx.variant["glued"] else " save parent report reply")
        if p.depth
        else "permalink"
        + ("embedsavereportreply" if ctx.variant["glued"] else " save report reply"),
        "footer",
    )
    o.indent = ""


def disqus(o: Out, ctx: Ctx) -> None:
    """Disqus: 'Avatar', name (and whom it answers), '• age', words, votes, '• Reply • Share ›'."""
    p = ctx.post
    parent = ctx.by_pid.get(p.parent) if p.parent else None
    if ctx.variant["avatar"]:
        o.line("Avatar", "header")
    o.line(p.author + (f"  {parent.author}" if parent is not None and p.depth else ""), "header")
    years = 2 + h(ctx.thread.did, "y") % 9
    o.line(f"• {years} years ago" + (" edited" if h(p.pid, "e") % 9 == 0 else ""), "header")

    def qopen(seg: Seg, ctx: Ctx) -> list[str]:
        return []

    body(o, ctx, qopen, glue=ctx.variant["glue"])
    votes = h(p.pid, "v") % 7
    o.line(f"{votes} △ ▽" if votes else "△ ▽", "footer")
    o.line("• Reply • Share ›", "footer")


def mybb(o: Out, ctx: Ctx) -> None:
    """MyBB 1.8: profile block, '#n', date, words, 'X Wrote:' quotes, 'Find Reply' footer."""
    p, f = ctx.post, ctx.facts
    o.line(p.author + (" Offline" if ctx.variant["online"] else ""), "header")
    o.line(
        pick(
            ["Member", "Senior Member", "Posting Freak", "Junior Member", "Moderator"],
            p.author,
            "m",
        ),
        "header",
    )
    o.line("*" * (1 + f["posts"] % 5), "header")
    o.line("", "header")
    o.line(f"Posts: {num(f['posts'])}", "header")
    o.line(f"Threads: {f['threads']}", "header")
    o.line("Joined: " + f["joined"].strftime("%b %Y"), "header")
    if ctx.variant["rep"]:
        o.line(f"Reputation: {f['rep'] % 60}", "header")
    o.line(f"#{ctx.abs_index}", "header")
    o.line(when(p.time).strftime("%m-%d-%Y, %I:%M %p"), "header")

    def qopen(seg: Seg, ctx: Ctx) -> list[str]:
        name = quoted_name(seg, ctx)
        if not name:
            return ["Quote:"]
        return [f"{name} Wrote: " + quoted_time(seg, ctx).strftime("(%m-%d-%Y, %I:%M %p)")]

    body(o, ctx, qopen)
    o.line("")
    o.line("Find", "footer")
    o.line("Reply", "footer")


LAYOUTS = {
    "phpbb3": (
        phpbb3,
        {"sep": [["", ""], [""], ["", "", ""]], "rank": [True, False], "arrow": [True, False]},
    ),
    "smf": (
        smf,
        {
            "sep": [[], [""], [" "]],
            "blank_block": [True, False],
            "personal": [True, False],
            "sig": [True, False],
        },
    ),
    "vanilla": (
        vanilla,
        {
            "sep": [[""], ["", ""]],
            "month": [True, False],
            "said": [True, False],
            "footer": [0, 1, 2],
        },
    ),
    "ipb": (
        ipb,
        {
            "sep": [["", "", ""], ["", ""]],
            "indent_count": [True, False],
            "rep": [True, False],
            "loc": [True, False],
            "quote_btn": [True, False],
            "likes": [True, False],
        },
    ),
    "ubb": (ubb, {"sep": [[" "], ["", " ", ""], [""]], "online": [True, False]}),
    "xf1_list": (xf1_list, {"sep": [[], [""]], "dl_split": [True, False], "num": [True, False]}),
    "debate": (
        debate,
        {
            "sep": [["", ""], [""], ["", "", ""]],
            "sides": [None, ["Yes", "No"], ["Pro", "Con"]],
            "report": [True, False],
        },
    ),
    "oldreddit": (oldreddit, {"sep": [[], [""]], "indent": [True, False], "glued": [True, False]}),
    "disqus": (disqus, {"sep": [[], [""], [" "]], "avatar": [True, False], "glue": [True, False]}),
    "mybb": (mybb, {"sep": [[""], ["", ""]], "online": [True, False], "rep": [True, False]}),
}
TREE_ORDER = {"oldreddit", "disqus"}


def page_top(page: Page, layout: str, th: Thread, rng: random.Random) -> None:
    """Site chrome above the posts, marked as boilerplate; the title line is recorded."""
    n = th.total
    pages = max(1, -(-n // 20))
    tops = {
        "phpbb3": [
            ["Skip to content", "", "Board index ‹ Politics ‹ Debates", ""],
            ["Post Reply", "", f"{len(th.posts)} posts • Page 1 of {pages}"],
        ],
        "smf": [
            [
                "Home Help Search Login Register",
                "",
                "Debate Forum » General » " + th.title[:40],
                "",
            ],
            [
                "« previous next »",
                f"Pages: [1] {' '.join(str(i) for i in range(2, min(pages, 4) + 1))}   Go Down",
                "",
                f"Author Topic: {th.title}  (Read {num(200 + h(th.did) % 9000)} times)",
                "",
            ],
        ],
        "vanilla": [["Categories", "Discussions", "Activity", ""], [""]],
        "ipb": [
            ["Sign in to follow this", "Followers 0", ""],
            [
                f"By {th.posts[0].author}, "
                + when(th.posts[0].time).strftime("%B %-d, %Y")
                + " in Politics",
                "",
                "Recommended Posts",
                "",
            ],
        ],
        "ubb": [["Forums » Politics » Debate", ""], ["Print Thread", "Hop to", ""]],
        "xf1_list": [
            ["Forums > Debate > Politics >", ""],
            [
                "Discussion in 'Politics' started by "
                + th.posts[0].author
                + ", "
                + when(th.posts[0].time).strftime("%b %-d, %Y")
                + ".",
                "",
            ],
        ],
        "debate": [
            ["CreateDebate", "Browse Debates", ""],
            [
                "Debate Score: " + str(h(th.did, "sc") % 90),
                f"Arguments: {len(th.posts)}",
                "Total Votes: " + str(h(th.did, "tv") % 120),
                "",
            ],
        ],
        "oldreddit": [
            ["jump to content", "my subreddits", ""],
            [
                f"{h(th.did) % 900} points",
                "submitted " + "by " + th.posts[0].author,
                f"all {n} comments",
                "sorted by: old",
                "",
            ],
        ],
        "disqus": [
            ["Comments", "Community", "Login", ""],
            [f"{len(th.posts)} comments", "Sort by Oldest", ""],
        ],
        "mybb": [
            ["Debate Board › Politics", ""],
            ["Pages (" + str(pages) + "): 1 2 Next »", "Thread Rating:", ""],
        ],
    }[layout]
    for ln in tops[0]:
        page.add(ln, boiler=True)
    page.title_line = page.add(th.title)
    for ln in tops[1]:
        page.add(ln, boiler=True)


def page_bottom(page: Page, layout: str) -> None:
    tail = {
        "phpbb3": [
            "Display: All posts Sort by Post time Direction Ascending",
            "Return to “Debates”",
        ],
        "smf": ["Pages: [1]   Go Up", "« previous next »"],
        "vanilla": ["Leave a Comment"],
        "ipb": ["Create an account or sign in to comment"],
        "ubb": ["Moderator:  admin"],
        "xf1_list": ["(You must log in or sign up to reply here.)"],
        "debate": ["Add New Argument"],
        "oldreddit": ["about blog advertise"],
        "disqus": ["Load more comments"],
        "mybb": ["« Next Oldest | Next Newest »", "Users browsing this thread: 1 Guest(s)"],
    }[layout]
    page.add("")
    page.add("")
    for ln in tail:
        page.add(ln, boiler=True)


def tree_order(posts: list[Post]) -> list[Post]:
    """Depth-first by reply parent (children by time), as threaded comment pages show them."""
    on = {p.pid for p in posts}
    kids: dict[int | None, list[Post]] = {}
    for p in posts:
        kids.setdefault(p.parent if p.parent in on else None, []).append(p)
    out: list[Post] = []

    def walk(parent: int | None, depth: int) -> None:
        for p in sorted(kids.get(parent, []), key=lambda x: x.time):
            p.depth = depth
            out.append(p)
            walk(p.pid, depth + 1)

    walk(None, 0)
    return out


def norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", s.lower()).split())


def render(th: Thread, layout: str, rng: random.Random) -> tuple[str, dict]:
    fn, opts = LAYOUTS[layout]
    variant = {k: rng.choice(v) for k, v in {**opts, "lossy": [False, False, True]}.items()}
    posts = tree_order(th.posts) if layout in TREE_ORDER else th.posts
    if layout not in TREE_ORDER:
        for p in posts:
            p.depth = 0
    by_pid = {p.pid: p for p in posts}
    index_of = {p.pid: i + 1 for i, p in enumerate(posts)}
    first_time: dict[str, float] = {}
    for p in posts:
        first_time[p.author] = min(first_time.get(p.author, p.time), p.time)
    page = Page()
    page_top(page, layout, th, rng)
    outs: list[Out] = []
    for i, p in enumerate(posts):
        if i:
            for ln in variant["sep"]:
                page.add(ln)
        o = Out(page, lossy=rng if variant["lossy"] else None)
        abs_index = th.first_index + th.posts.index(p)
        fn(
            o,
            Ctx(
                th,
                p,
                i + 1,
                abs_index,
                rng,
                variant,
                by_pid,
                author_facts(p.author, first_time[p.author]),
            ),
        )
        outs.append(o)
    page_bottom(page, layout)
    # truth
    texts = {p.pid: norm(" ".join(ln for s in p.segs for ln in s.lines)) for p in posts}
    truth_posts, external, alt_links = [], [], []
    for i, (p, o) in enumerate(zip(posts, outs, strict=True)):
        entry: dict = {
            "number": i + 1,
            "lines": [o.start, o.last],
            "author": p.author,
            "source_post": p.pid,
        }
        if o.header:
            entry["header"] = [o.header[0], o.header[-1]]
        if o.footer:
            entry["footer"] = [o.footer[0], o.footer[-1]]
        qs = []
        for q in o.quotes:
            tgt = index_of.get(q["pid"])
            if tgt is None or tgt == i + 1:
                note = (
                    "a post on another page"
                    if q["pid"] is not None and q["pid"] != p.pid
                    else "a text that is in no post of this page"
                )
                external.append({"lines": q["lines"], "note": note})
                continue
            qs.append({"target": tgt, "lines": q["lines"]})
            words = [norm(ln) for ln in q["text"] if len(norm(ln)) >= 30]
            for other in posts[:i]:
                k = index_of[other.pid]
                if k != tgt and any(w in texts[other.pid] for w in words):
                    alt_links.append([q["lines"][0], k])
        if qs:
            entry["quotes"] = qs
        truth_posts.append(entry)
    truth = {
        "title": th.title,
        "title_line": page.title_line,
        "boilerplate_lines": page.boiler,
        "alt_links": alt_links,
        "external_quotes": external,
        "posts": truth_posts,
        "variant": {k: v for k, v in variant.items()},
    }
    return "\n".join(page.lines) + "\n", truth


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return (
            "{ " + ", ".join(f"{json.dumps(str(k))} = {toml_value(x)}" for k, x in v.items()) + " }"
        )
    if v is None:
        return '"none"'
    raise TypeError(v)


def write_truth(path: str, name: str, layout: str, th: Thread, truth: dict, seed: int) -> None:
    links = sum(len(p.get("quotes", [])) for p in truth["posts"])
    last = th.first_index + len(th.posts) - 1
    head = [
        f"# {name}: Internet Argument Corpus v1, 4forums discussion {th.did}, "
        f"posts {th.first_index}-{last} "
        f"of {th.total} as one page;",
        f"# layout {layout}: {LAYOUTS[layout][0].__doc__}",
        f"# variant: {json.dumps(truth['variant'], ensure_ascii=False)}",
        f"# {len(truth['posts'])} posts, {links} quote links; "
        f"generated by benchmarks/make_flat_layouts.py (seed {seed}).",
        "# Lines are 1-based and inclusive; a post's header/footer lines belong to it; quote lines",
        "# are the quoted text without its attribution line; external_quotes quote posts that are",
        "# not on this page.",
        f"title = {toml_value(truth['title'])}",
        f"title_line = {truth['title_line']}",
        f"boilerplate_lines = {toml_value(truth['boilerplate_lines'])}",
    ]
    if truth["alt_links"]:
        head.append(
            f"alt_links = {toml_value(truth['alt_links'])}   # [line, post]: also acceptable links"
        )
    if truth["external_quotes"]:
        head.append(f"external_quotes = {toml_value(truth['external_quotes'])}")
    for p in truth["posts"]:
        head.append("")
        head.append("[[posts]]")
        for k in ("number", "lines", "author", "source_post", "header", "footer"):
            if k in p:
                head.append(f"{k} = {toml_value(p[k])}")
        if "quotes" in p:
            head.append(
                "quotes = ["
                + ", ".join(
                    f"{{ target = {q['target']}, lines = {toml_value(q['lines'])} }}"
                    for q in p["quotes"]
                )
                + "]"
            )
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(head) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", help="Internet-Argument-Corpus work tree or bare git directory")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--per-layout", type=int, default=20)
    ap.add_argument("--layouts", nargs="*", default=sorted(LAYOUTS))
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        print(f"make_flat_layouts: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    corpus = Corpus(args.corpus)
    rng = random.Random(args.seed)
    qsizes = corpus.sizes(QUOTES)
    dsizes = corpus.sizes(DISC)
    # discussions with several annotated quotes (an entry is ~170 bytes) and a size worth a page
    cands = sorted(
        d
        for d, s in qsizes.items()
        if s >= 700 and d in dsizes and 3000 <= dsizes[d] <= 300_000 and d not in SHARED_IAC
    )
    rng.shuffle(cands)
    os.makedirs(args.out, exist_ok=True)
    made = 0
    it = iter(cands)
    for layout in args.layouts:
        k = 0
        while k < args.per_layout:
            did = next(it)
            th = load_thread(corpus, did, rng)
            if th is None or len(th.posts) > 150:
                continue
            text, truth = render(th, layout, rng)
            links = sum(len(p.get("quotes", [])) for p in truth["posts"])
            if links == 0 and rng.random() < 0.8:
                continue
            k += 1
            made += 1
            name = f"f{made:03d}_iac{did}"
            base = os.path.join(args.out, f"{name}.{layout}")
            with open(base + ".txt", "w", encoding="utf-8") as f:
                f.write(text)
            write_truth(base + ".expected.toml", name, layout, th, truth, args.seed)
    print(f"wrote {made} threads in {len(args.layouts)} layouts to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
