"""Render IAC debates as the pages of forum engines we have no public dev pages of, for
make_real_flat.py to flatten with real text tools.

usage: python benchmarks/make_engine_pages.py CORPUS OUT [--per-style 5] [--seed 7]
                                              [--exclude DIR ...]

CORPUS is the Internet Argument Corpus as `make_flat_layouts.py` reads it; discussions named in
the files of each `--exclude` folder (`...iacNNN...`: the held-out flat_more set) and the five
in ../shared/datasets/iac are never drawn. Writes OUT/marked/NAME.html and OUT/NAME.truth.json
in the form make_real_heldout.py leaves them (sentinel words glued to the first and last word
of every post, its user block and footer included, and of every quote body), then:

    /work/data/.venv-flatten/bin/python benchmarks/make_real_flat.py OUT OUT/flat \
        --tools lynx,w3m,html2text,inscriptis --min-posts 1

The page shapes follow the engines' own public templates, written from reading them (no code
taken): SMF 2.0 (Themes/default/Display.template.php: name, member group, post group, stars,
"Posts: N", personal text, profile buttons; subject, "« Reply #N on: DATE »", Quote/Modify
buttons; the post; "« Last Edit: ... »", "Logged", signature; quotes under "Quote from: X on
DATE") and SMF 1.1 (the same in a two-column table), phpBB 2 (templates/subSilver/
viewtopic_body.tpl: the user column beside "Posted: DATE  Post subject: ...", "X wrote:" quotes,
"Back to top" and image buttons), ProBoards 5 (mini-profile beside the post, "Quote from X on
DATE" / "Post by X on DATE" quote headers, Like/Quote controls), Stack Exchange Q&A (votes, the
question, "Share Improve this question Follow", asked/answered user cards, comments as one line
"text – Name DATE", "N Answers") and phpBB 3 (prosilver) pages holding one post. Join dates,
ranks, counts, votes and signatures are made up per author; words, authors, dates and quote
structure are the corpus'. Output is other people's text: write it outside the repository.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flat_layouts import (
    DISC,
    QUOTES,
    SHARED_IAC,
    Corpus,
    Post,
    Thread,
    author_facts,
    load_thread,
    when,
)

MARK = "ZQ{}{:04d}QZ"


@dataclass
class Ctx:
    """One page being written: its posts' ids on the page and the quotes met so far."""

    rng: random.Random
    title: str
    on_page: set[int]
    quotes: list[dict] = field(default_factory=list)
    v: dict = field(default_factory=dict)


def e(text: str) -> str:
    return html.escape(text, quote=False)


def lines_html(lines: list[str]) -> str:
    """A run of text lines as paragraphs (blank line) and breaks (line)."""
    paras, cur = [], []
    for ln in lines:
        if ln:
            cur.append(e(ln))
        elif cur:
            paras.append("<br />".join(cur))
            cur = []
    if cur:
        paras.append("<br />".join(cur))
    return "<br /><br />".join(paras)


def glued(lines: list[str], start: str, end: str) -> list[str]:
    """The lines with `start` glued to the first word and `end` to the last."""
    out = list(lines)
    first = next(i for i, ln in enumerate(out) if ln)
    last = max(i for i, ln in enumerate(out) if ln)
    out[first] = start + out[first]
    out[last] = out[last] + end
    return out


def body(ctx: Ctx, k: int, post: Post, quote: Callable[[Post, str, str], str]) -> str:
    """The post's words with its quotes laid out by `quote(seg, header, text_html)`."""
    parts, j = [], 0
    for seg in post.segs:
        if not seg.is_quote:
            parts.append(lines_html(seg.lines))
            continue
        qid = seg.quote_of if seg.quote_of in ctx.on_page else None
        ctx.quotes.append(
            {"in_post": str(post.pid), "quoted_post": str(qid) if qid is not None else None}
        )
        text = lines_html(
            glued(seg.lines, MARK.format("QS", k * 100 + j), MARK.format("QE", k * 100 + j))
        )
        j += 1
        parts.append(quote(seg, seg.quote_author or "", text))
    return "\n".join(parts)


def stamp(post: Post, fmt: str) -> str:
    return when(post.time).strftime(fmt).replace(" 0", " ")


def fake_signature(name: str, rng_key: int) -> str:
    return [
        "",
        "",
        "",
        f"{name}: the truth will out.",
        "Facts do not cease to exist because they are ignored.",
        "",
        "Sapere aude.",
    ][rng_key % 7]


# ------------------------------------------------------------------------------ SMF 2.0 / 1.1


def smf_quote(ctx: Ctx, when_text: str) -> Callable:
    def q(seg, who: str, text: str) -> str:
        head = f"Quote from: {e(who)} on {when_text}" if who else "Quote"
        if ctx.v["smf21"]:
            return (
                f'<blockquote class="bbc_standard_quote"><cite><a href="#">{head}</a></cite>'
                f"{text}</blockquote>"
            )
        return (
            f'<div class="quoteheader"><div class="topslice_quote"><a href="#">{head}</a></div>'
            f'</div><blockquote class="bbc_standard_quote">{text}<br /></blockquote>'
            '<div class="quotefooter"><div class="botslice_quote"></div></div>'
        )

    return q


def smf(ctx: Ctx, k: int, post: Post, ps: str, pe: str) -> str:
    f = author_facts(post.author, post.time)
    group = ["Newbie", "Jr. Member", "Full Member", "Sr. Member", "Hero Member"][
        min(4, f["posts"] // 400)
    ]
    stars = '<img src="star.gif" alt="*" />' * (1 + f["posts"] // 1000 % 5)
    date = stamp(post, "%B %d, %Y, %I:%M:%S %p")
    reply = f"Reply #{ctx.v['first'] + k - 1} " if ctx.v["first"] + k > 1 else ""
    subject = f"Re: {e(ctx.title)}" if ctx.v["first"] + k > 1 else e(ctx.title)
    online = "Online" if f["rep"] % 3 == 0 else "Offline"
    blurb = f"<li class='blurb'>{e(post.author)} says hi</li>" if f["rep"] % 5 == 0 else ""
    sig = fake_signature(post.author, f["threads"])
    buttons = (
        '<li><a href="#"><img src="p.gif" alt="View Profile" /></a></li>'
        '<li><a href="#"><img src="e.gif" alt="Email" /></a></li>'
        if ctx.v["img_buttons"]
        else '<li><a href="#">View Profile</a></li><li><a href="#">Personal Message</a></li>'
    )
    text = body(ctx, k, post, smf_quote(ctx, stamp(post, "%B %d, %Y, %I:%M:%S %p")))
    tail = f'<div class="signature">{e(sig)}{pe}</div>' if sig else ""
    logged = "Logged" + ("" if sig else pe)
    if ctx.v["table"]:  # SMF 1.1: the user column beside the post
        return (
            f'<table width="100%" cellpadding="3" cellspacing="0"><tr><td valign="top" '
            f'width="16%" rowspan="2"><b><a href="#">{ps}{e(post.author)}</a></b><br />'
            f'<div class="smalltext">{group}<br />{stars}<br />{online}<br /><br />'
            f"Posts: {f['posts']}<br /><br />{blurb}<br />{buttons}</div></td>"
            f'<td valign="top" width="85%"><table width="100%"><tr><td><div><b><a href="#">'
            f'{subject}</a></b></div><div class="smalltext">&#171; <b>{reply}on:</b> {date} '
            '&#187;</div></td><td align="right"><a href="#">Quote</a></td></tr></table>'
            f'<hr /><div class="post">{text}</div></td></tr><tr><td valign="bottom" '
            f'class="smalltext"><table width="100%"><tr><td align="right">{logged}</td></tr>'
            f"</table>{tail}</td></tr></table>"
        )
    return (
        '<div class="windowbg"><div class="post_wrapper"><div class="poster">'
        f'<h4><a href="#">{ps}{e(post.author)}</a></h4><ul class="reset smalltext">'
        f'<li class="postgroup">{group}</li><li class="stars">{stars}</li>'
        f"<li>{online}</li><li class='postcount'>Posts: {f['posts']}</li>{blurb}"
        f'<li class="profile"><ul>{buttons}</ul></li></ul></div>'
        f'<div class="postarea"><div class="keyinfo"><h5><a href="#">{subject}</a></h5>'
        f'<div class="smalltext">&#171; <strong>{reply}on:</strong> {date} &#187;</div></div>'
        '<ul class="quickbuttons"><li><a href="#">Quote</a></li></ul>'
        f'<div class="post"><hr /><div class="inner">{text}</div></div></div>'
        '<div class="moderatorbar"><div class="smalltext floatright">'
        f'<img src="ip.gif" alt="" /> {logged}</div>{tail}</div></div></div><hr />'
    )


# ------------------------------------------------------------------------------ phpBB 2


def phpbb2(ctx: Ctx, k: int, post: Post, ps: str, pe: str) -> str:
    f = author_facts(post.author, post.time)
    rank = ["Newbie", "Member", "Regular", "Veteran"][min(3, f["posts"] // 1500)]
    date = stamp(post, "%a %b %d, %Y %I:%M %p").replace("AM", "am").replace("PM", "pm")
    subject = f"Re: {e(ctx.title)}" if ctx.v["first"] + k > 1 else e(ctx.title)

    def q(seg, who: str, text: str) -> str:
        head = f"{e(who)} wrote:" if who else "Quote:"
        return (
            '<table width="90%" cellspacing="1" cellpadding="3" border="0" align="center">'
            f'<tr><td><span class="genmed"><b>{head}</b></span></td></tr>'
            f'<tr><td class="quote">{text}</td></tr></table><span class="postbody">'
        )

    text = body(ctx, k, post, q)
    loc = f"<br />Location: {e(f['loc'])}" if f["loc"] else ""
    joined = f["joined"].strftime("%d %b %Y")
    sig = fake_signature(post.author, f["threads"])
    sig_html = f"<br />_________________<br />{e(sig)}" if sig else ""
    return (
        f'<tr><td width="150" align="left" valign="top" class="row1"><span class="name">'
        f"<b>{ps}{e(post.author)}</b></span><br /><span class='postdetails'>{rank}<br /><br />"
        f"Joined: {joined}<br />Posts: {f['posts']}{loc}</span><br /></td>"
        '<td class="row1" width="100%" valign="top"><table width="100%"><tr><td width="100%">'
        '<a href="#"><img src="icon_minipost.gif" alt="Post" /></a><span class="postdetails">'
        f"Posted: {date}&nbsp; &nbsp;Post subject: {subject}</span></td>"
        '<td valign="top" nowrap="nowrap"><a href="#"><img src="q.gif" alt="Reply with quote" '
        '/></a></td></tr><tr><td colspan="2"><hr /></td></tr><tr><td colspan="2">'
        f'<span class="postbody">{text}</span><span class="postbody">{sig_html}</span>'
        '</td></tr></table></td></tr><tr><td class="row1" valign="middle"><span class="nav">'
        f'<a href="#top">Back to top{pe}</a></span></td><td class="row1" valign="bottom">'
        '<a href="#"><img src="p.gif" alt="View user\'s profile" /></a> '
        '<a href="#"><img src="pm.gif" alt="Send private message" /></a></td></tr>'
        '<tr><td class="spaceRow" colspan="2" height="1"><img src="s.gif" alt="" /></td></tr>'
    )


# ------------------------------------------------------------------------------ ProBoards


def proboards(ctx: Ctx, k: int, post: Post, ps: str, pe: str) -> str:
    f = author_facts(post.author, post.time)
    title = ["New Member", "Junior Member", "Full Member", "Senior Member"][
        min(3, f["posts"] // 800)
    ]
    date = stamp(post, "%b %d, %Y at %I:%M%p").replace("AM", "am").replace("PM", "pm")

    def q(seg, who: str, text: str) -> str:
        head = ctx.v["qhead"].format(who=e(who), date=date) if who else "Quote"
        return (
            f'<div class="quote"><div class="quote_header">{head}</div>'
            f'<div class="quote_body">{text}</div></div>'
        )

    text = body(ctx, k, post, q)
    likes = f"<br />Likes: {f['rep']}" if ctx.v["likes"] else ""
    sig = fake_signature(post.author, f["threads"])
    sig_html = f'<div class="signature">{e(sig)}</div>' if sig else ""
    return (
        f'<tr class="post item" id="post-{post.pid}"><td class="left-panel">'
        f'<div class="mini-profile"><a class="user-link" href="#">{ps}{e(post.author)}</a>'
        f'<div class="info">{title}</div><div class="avatar"><img src="a.png" alt="Avatar" />'
        f"</div><div class='info'>Posts: {f['posts']}{likes}</div></div></td>"
        '<td class="content-cell"><div class="content-head"><div class="info">'
        f'<span class="date"><abbr class="time">{date}</abbr></span></div></div>'
        f'<article><div class="message">{text}</div></article><div class="foot">{sig_html}'
        '<ul class="controls"><li><a href="#">Like</a></li>'
        f'<li><a href="#">Quote{pe}</a></li></ul></div></td></tr>'
    )


# ------------------------------------------------------------------------------ Stack Exchange


def se_card(ctx: Ctx, post: Post, verb: str, ps: str = "", pe: str = "") -> str:
    f = author_facts(post.author, post.time)
    date = stamp(post, "%b %d, %Y at %H:%M")
    return (
        f'<div class="user-info"><div class="user-action-time">{verb} {date}</div>'
        f'<div class="user-gravatar32"><img src="g.png" alt="{e(post.author)}\'s user avatar" '
        f'/></div><div class="user-details"><a href="#">{ps}{e(post.author)}</a>'
        f'<div class="-flair"><span class="reputation-score">{f["rep"] * 37:,}</span>'
        f'<span class="badge1"></span><span class="badgecount">{f["threads"] % 9}</span>'
        f'<span class="badge2"></span><span class="badgecount">{f["threads"] % 23}{pe}</span>'
        "</div></div></div>"
    )


def se_quote(seg, who: str, text: str) -> str:
    return f"<blockquote><p>{text}</p></blockquote>"


def stackexchange(ctx: Ctx, k: int, post: Post, ps: str, pe: str) -> str:
    f = author_facts(post.author, post.time)
    if ctx.v["kind"][k] == "comment":
        words = " ".join(ln for seg in post.segs if not seg.is_quote for ln in seg.lines)
        return (
            f'<li class="comment"><div class="comment-score">{ps}{f["rep"] % 7 or ""}</div>'
            f'<div class="comment-text"><span class="comment-copy">{e(words)}</span> '
            f'&ndash;&nbsp;<a class="comment-user" href="#">{e(post.author)}</a> '
            f'<span class="comment-date">{stamp(post, "%b %d, %Y at %H:%M")}{pe}</span>'
            "</div></li>"
        )
    question = k == 0
    what = "question" if question else "answer"
    votes = f"{(f['rep'] * 7) % 40 - 3}"
    text = body(ctx, k, post, se_quote)
    tags = (
        '<div class="post-taglist"><a class="post-tag">politics</a> '
        '<a class="post-tag">ethics</a></div>'
        if question
        else ""
    )
    card = se_card(ctx, post, "asked" if question else "answered", "", pe)
    return (
        f'<div class="{what}"><div class="post-layout"><div class="votecell">'
        f'<button aria-label="Up vote"></button><div class="js-vote-count">{ps}{votes}</div>'
        '<button aria-label="Down vote"></button></div><div class="postcell">'
        f'<div class="s-prose js-post-body">{text}</div>{tags}<div class="mt24"><div '
        f'class="post-menu"><a href="#">Share</a> <a href="#">Improve this {what}</a> '
        f"<button>Follow</button></div>{card}</div></div></div>"
    )


def se_page(ctx: Ctx, posts: list[Post], marks: list[tuple[str, str]]) -> str:
    """Question, its comments, "N Answers", each answer with its comments."""
    out = [f'<div id="question-header"><h1><a href="#">{e(ctx.title)}</a></h1></div>']
    out.append(
        '<div class="d-flex"><div>Asked <time>12 years ago</time></div><div>Modified '
        "<a>11 years ago</a></div><div>Viewed 3k times</div></div>"
    )
    answers = sum(1 for x in ctx.v["kind"][1:] if x == "answer")
    open_comments = False
    for k, post in enumerate(posts):
        kind = ctx.v["kind"][k]
        if kind != "comment" and open_comments:
            out.append('</ul><a href="#">Add a comment</a></div>')
            open_comments = False
        if kind == "answer" and k == ctx.v["kind"].index("answer"):
            out.append(
                f'<div id="answers-header"><h2>{answers} Answers</h2><div>Sorted by: '
                "<select><option>Highest score (default)</option></select></div></div>"
            )
        if kind == "comment" and not open_comments:
            out.append('<div class="comments"><ul class="comments-list">')
            open_comments = True
        out.append(stackexchange(ctx, k, post, *marks[k]))
    if open_comments:
        out.append('</ul><a href="#">Add a comment</a></div>')
    return "\n".join(out)


# ------------------------------------------------------------------------------ phpBB 3


def phpbb3(ctx: Ctx, k: int, post: Post, ps: str, pe: str) -> str:
    f = author_facts(post.author, post.time)
    date = stamp(post, "%a %b %d, %Y %I:%M %p").replace("AM", "am").replace("PM", "pm")

    def q(seg, who: str, text: str) -> str:
        cite = f"<cite>{e(who)} wrote:</cite>" if who else ""
        return f"<blockquote><div>{cite}{text}</div></blockquote>"

    text = body(ctx, k, post, q)
    profile = (
        f'<dl class="postprofile"><dt><a href="#">{e(post.author)}</a></dt>'
        f'<dd class="profile-rank">Member</dd><dd><strong>Posts:</strong> {f["posts"]}</dd>'
        f"<dd><strong>Joined:</strong> {f['joined']:%a %b %d, %Y %I:%M %p}</dd></dl>"
    )
    return (
        '<div class="post bg2"><div class="inner">'
        + (profile if ctx.v["profile_first"] else "")
        + f'<div class="postbody"><h3 class="first"><a href="#">{ps}{e(ctx.title)}</a></h3>'
        f'<p class="author"><a href="#"><img src="p.gif" alt="Post" /></a>by <strong>'
        f'<a href="#">{e(post.author)}</a></strong> &raquo; {date}</p>'
        f'<div class="content">{text}</div></div>'
        + ("" if ctx.v["profile_first"] else profile)
        + f'<div class="back2top"><a href="#">Top{pe}</a></div></div></div>'
    )


# ------------------------------------------------------------------------------ pages

CHROME = {
    "smf": ("My Community &#187; Debate &#187; {title}", "Powered by SMF 2.0.15 | Simple Machines"),
    "phpbb2": ("Forum Index -&gt; Debate", "Powered by phpBB &copy; 2001, 2005 phpBB Group"),
    "proboards": ("Home &#187; Debate &#187; {title}", "Powered by ProBoards"),
    "stackexchange": ("Politics Stack Exchange", "Site design / logo &copy; Stack Exchange Inc"),
    "phpbb3": ("Board index &lsaquo; Debate", "Powered by phpBB&reg; Forum Software"),
}


def variant(style: str, rng: random.Random, n: int) -> dict:
    v: dict = {}
    if style == "smf":
        v = {
            "smf21": rng.random() < 0.4,
            "table": rng.random() < 0.4,
            "img_buttons": rng.random() < 0.5,
        }
    elif style == "proboards":
        v = {
            "qhead": rng.choice(["Quote from {who} on {date}", "Post by {who} on {date}"]),
            "likes": rng.random() < 0.6,
        }
    elif style == "stackexchange":
        kind = ["question"]
        for _ in range(n - 1):
            kind.append("comment" if rng.random() < 0.4 else "answer")
        if "answer" not in kind:
            kind[-1] = "answer"
        v = {"kind": kind}
    elif style == "phpbb3":
        v = {"profile_first": rng.random() < 0.5}
    return v


STYLES = {
    "smf": smf,
    "phpbb2": phpbb2,
    "proboards": proboards,
    "stackexchange": stackexchange,
    "phpbb3": phpbb3,
}


def render(style: str, th: Thread, rng: random.Random) -> tuple[str, dict]:
    posts = th.posts[:1] if style == "phpbb3" else th.posts
    ctx = Ctx(rng, th.title, {p.pid for p in posts})
    ctx.v = {"first": th.first_index, **variant(style, rng, len(posts))}
    marks = [(MARK.format("PS", k), MARK.format("PE", k)) for k in range(len(posts))]
    head, foot = CHROME[style]
    if style == "stackexchange":
        main = se_page(ctx, posts, marks)
    else:
        items = [STYLES[style](ctx, k, p, *marks[k]) for k, p in enumerate(posts)]
        main = "\n".join(items)
        if style == "phpbb2":
            main = (
                '<table class="forumline" width="100%" cellspacing="1" cellpadding="3">'
                '<tr><th class="thLeft">Author</th><th class="thRight">Message</th></tr>'
                f"{main}</table>"
            )
        elif style == "proboards":
            main = f'<table class="list"><tbody>{main}</tbody></table>'
    page = (
        f"<html><head><title>{e(th.title)}</title></head><body>"
        f"<div class='header'><a href='#'>Home</a> <a href='#'>Search</a> <a href='#'>Login</a>"
        f"</div><div class='nav'>{head.format(title=e(th.title))}</div>"
        f"<h2>{e(th.title)}</h2>\n{main}\n<div class='footer'>{foot}</div></body></html>"
    )
    truth = {
        "file": f"generated {style} page of IAC discussion {th.did}",
        "posts": [{"id": str(p.pid), "author": p.author} for p in posts],
        "quotes": ctx.quotes,
    }
    return page, truth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("out", type=Path)
    ap.add_argument("--per-style", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--exclude", action="append", default=[])
    args = ap.parse_args(argv)
    banned = set(SHARED_IAC)
    for folder in args.exclude:
        for p in Path(folder).iterdir():
            banned |= {int(m) for m in re.findall(r"iac(\d+)", p.name)}
    corpus = Corpus(args.corpus)
    qsizes, dsizes = corpus.sizes(QUOTES), corpus.sizes(DISC)
    pool = sorted(
        d
        for d, s in qsizes.items()
        if s >= 700 and d in dsizes and 3000 <= dsizes[d] <= 120_000 and d not in banned
    )
    rng = random.Random(args.seed)
    rng.shuffle(pool)
    (args.out / "marked").mkdir(parents=True, exist_ok=True)
    for style in STYLES:
        made = 0
        while made < args.per_style and pool:
            did = pool.pop()
            th = load_thread(corpus, did, rng)
            if th is None or len(th.posts) > 60:
                continue
            if style != "phpbb3" and not any(s.is_quote for p in th.posts for s in p.segs):
                continue
            page, truth = render(style, th, random.Random(f"{args.seed}-{did}-{style}"))
            name = f"e{did}_{style}"
            (args.out / "marked" / f"{name}.html").write_text(page, encoding="utf-8")
            (args.out / f"{name}.truth.json").write_text(json.dumps(truth), encoding="utf-8")
            made += 1
            print(f"{name}: {len(truth['posts'])} posts, {len(truth['quotes'])} quotes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
