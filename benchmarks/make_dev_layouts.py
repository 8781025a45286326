"""Re-lay the flattened threads of ../shared/datasets/flat out as other engines print them, for
developing frame induction on layouts it was not written against.

usage: python benchmarks/make_dev_layouts.py OUT_DIR [--seed N]

Reads every `*.xf_marked.txt` (posts, authors, quotes and quote targets from its truth file and
its "X said:" / "Click to expand..." markers) and writes `NAME.STYLE.txt` with
`NAME.STYLE.expected.toml` for each style below, in the truth format of the flat set. The styles
are written from how phpBB, SMF, Invision, UBB, Disqus and Hacker News-like pages print a post,
a user block spread over blank-separated rows (`spread`), a page flattened to markdown
(`markdown`, html2text-like), a threaded comment widget (`widget`), a Disqus thread (`disqus`:
replies indented, vote/Reply/Share footers or none, sign-offs, comments glued together) and SMF
as crawled (`smf2`: "« on: DATE »" over the first post, per-user rank and signature, buttons),
with the details a crawl varies drawn at random per thread (blank lines between the parts, the
user block above or under the words, the date on the name's line or its own), written into
each truth file's `# variant:` comment. The output holds
other people's words: write it outside the repository (e.g. /work/data/...).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
_SAID = re.compile(r"^(?P<who>\S.{0,60}?)\s+said:$")


@dataclass
class Part:
    """Own words (`quote` None) or a quote of post `quote` by `author`."""

    lines: list[str]
    quote: int | None = None
    author: str | None = None


@dataclass
class SourcePost:
    author: str
    parts: list[Part] = field(default_factory=list)


def read_thread(path: Path) -> tuple[str, list[SourcePost]]:
    """The title and posts of an xf_marked thread, from its text and truth."""
    lines = path.read_text(encoding="utf-8").split("\n")
    truth = tomllib.loads(path.with_suffix(".expected.toml").read_text(encoding="utf-8"))
    posts: list[SourcePost] = []
    for p in truth["posts"]:
        first, last = p["lines"]
        body_from = p["header"][1] + 1 if "header" in p else first
        quotes = {q["lines"][0]: q for q in p.get("quotes", [])}
        post = SourcePost(author=p.get("author") or "someone")
        k = body_from
        own: list[str] = []
        while k <= last:
            text = lines[k - 1]
            if k + 1 in quotes and _SAID.match(text.strip()):
                if own:
                    post.parts.append(Part(own))
                    own = []
                q = quotes[k + 1]
                quoted = lines[q["lines"][0] - 1 : q["lines"][1]]
                post.parts.append(Part(quoted, q["target"], _SAID.match(text.strip())["who"]))
                k = q["lines"][1] + 2  # past "Click to expand..."
                continue
            if text.strip() or own:
                own.append(text)
            k += 1
        while own and not own[-1].strip():
            own.pop()
        if own:
            post.parts.append(Part(own))
        posts.append(post)
    return truth.get("title") or "Thread", posts


@dataclass
class Page:
    """Lines being written and the truth gathered on the way (1-based lines)."""

    lines: list[str] = field(default_factory=list)
    posts: list[dict] = field(default_factory=list)
    variant: str = ""
    """The crawl details drawn for this page, written into its truth file's comment."""

    def add(self, *new: str) -> None:
        self.lines.extend(new)

    @property
    def here(self) -> int:
        """The 1-based number of the next line."""
        return len(self.lines) + 1


Style = Callable[[Page, int, SourcePost, dict, random.Random, list[SourcePost]], None]


def _body(page: Page, post: SourcePost, quote_head: Callable[[Part], list[str]]) -> list[dict]:
    quotes = []
    for part in post.parts:
        if part.quote is None:
            page.add(*part.lines)
            continue
        page.add(*quote_head(part))
        start = page.here
        page.add(*part.lines)
        quotes.append({"target": part.quote, "lines": [start, page.here - 1]})
    return quotes


def _stamp(n: int, rng: random.Random) -> dt.datetime:
    return dt.datetime(2019, 1, 1, 9, 0) + dt.timedelta(hours=7 * n + rng.randrange(6))


def phpbb(page: Page, n: int, post: SourcePost, v: dict, rng: random.Random, _: list) -> None:
    when = _stamp(n, rng)
    stamp = when.strftime("%a %b %d, %Y %I:%M %p").replace(" 0", " ")
    user = [post.author, f"Posts: {rng.randrange(5, 3000)}", f"Joined: {when:%a %b %d, %Y}"]
    start = page.here
    if v["profile_first"]:
        page.add(*user, *[""] * v["gap"])
    page.add(f"Re: {v['title']}" if n else v["title"], f"Post by {post.author} » {stamp}")
    quotes = _body(page, post, lambda q: [f"{q.author} wrote: ↑ {stamp}"])
    if not v["profile_first"]:
        page.add("", *user)
    page.add("", "Top", *[""] * v["gap"])
    page.posts.append({"lines": [start, page.here - 1], "author": post.author, "quotes": quotes})


def smf(page: Page, n: int, post: SourcePost, v: dict, rng: random.Random, _: list) -> None:
    when = _stamp(n, rng)
    start = page.here
    page.add(post.author, rng.choice(["Newbie", "Full Member", "Sr. Member"]), "*" * (n % 4 + 1))
    page.add("Offline", "", f"Posts: {rng.randrange(5, 3000)}", "")
    page.add(f"Re: {v['title']}", f"« Reply #{n} on: {when:%B %d, %Y, %I:%M:%S %p} »")
    quotes = _body(page, post, lambda q: [f"Quote from: {q.author} on {when:%B %d, %Y}"])
    page.add("Logged", *[""] * v["gap"])
    page.posts.append({"lines": [start, page.here - 1], "author": post.author, "quotes": quotes})


def invision(page: Page, n: int, post: SourcePost, v: dict, rng: random.Random, _: list) -> None:
    when = _stamp(n, rng)
    start = page.here
    page.add(post.author, f"Posted {when:%B %d, %Y}", *[""] * v["inner"])
    quotes = _body(
        page, post, lambda q: [f"On {when:%m/%d/%Y} at {when:%I:%M %p}, {q.author} said:"]
    )
    page.add("", "Quote", *[""] * v["gap"])
    page.posts.append({"lines": [start, page.here - 1], "author": post.author, "quotes": quotes})


def ubb(page: Page, n: int, post: SourcePost, v: dict, rng: random.Random, _: list) -> None:
    when = _stamp(n, rng)
    start = page.here
    page.add(
        post.author, "Member", f"Registered: {when:%m/%d/%y}", f"Posts: {rng.randrange(9, 900)}"
    )
    page.add(f"Re: {v['title']}", f"#{40000 + n * 17} - {when:%m/%d/%y %I:%M %p}")
    quotes = _body(page, post, lambda q: ["Quote:", f"Originally Posted By: {q.author}"])
    page.add(*[""] * v["gap"])
    page.posts.append({"lines": [start, page.here - 1], "author": post.author, "quotes": quotes})


def comments(page: Page, n: int, post: SourcePost, v: dict, rng: random.Random, _: list) -> None:
    """A comment widget (Disqus, Hacker News): name and age on one line, a reply footer."""
    start = page.here
    age = f"{rng.randrange(2, 11)} {rng.choice(['days', 'months', 'years'])} ago"
    page.add(f"{post.author} • {age}" if v["one_line"] else post.author)
    if not v["one_line"]:
        page.add(age)
    quotes = _body(page, post, lambda q: [])
    page.add(*[""] * v["inner"], "Reply", *[""] * v["gap"])
    page.posts.append({"lines": [start, page.here - 1], "author": post.author, "quotes": quotes})


def spread(page: Page, n: int, post: SourcePost, v: dict, rng: random.Random, _: list) -> None:
    """A user block whose rows a crawl parts with blank lines (XenForo 2 as html2text or
    inscriptis print it): name, custom title (some users), the name again under the avatar,
    counters; a reactions line under some posts."""
    when = _stamp(n, rng)
    start = page.here
    title = v["ranks"].get(post.author)
    rows = [post.author, *([title] if title else []), post.author]
    for row in rows:
        page.add(row, "")
    page.add(f"Messages {rng.randrange(5, 3000):,}", f"Reaction score {rng.randrange(0, 900)}")
    page.add("", f"{when:%b %d, %Y}", f"#{n + 1}", *[""] * v["inner"])
    quotes = _body(page, post, lambda q: [f"{q.author} said:", ""])
    if rng.random() < 0.3:
        page.add("", f"Reactions: {rng.choice(v['names'])}")
    page.add(*[""] * (v["gap"] + 2))
    page.posts.append({"lines": [start, page.here - 1], "author": post.author, "quotes": quotes})


def markdown(page: Page, n: int, post: SourcePost, v: dict, rng: random.Random, _: list) -> None:
    """A page flattened to markdown (html2text): links with their addresses, a numbered list
    item holding the date and post number, quotes as `>` lines, a rule between posts."""
    when = _stamp(n, rng)
    uid = 100 + sum(map(ord, post.author)) % 900
    start = page.here
    link = f"showthread.php?p={5000 + n}#post{5000 + n}"
    page.add(f"  {n + 1}. {when:%m-%d-%Y, %I:%M %p} [#{n + 1}]({link})", "")
    page.add(f'[**{post.author}**](member.php/{uid}-{post.author} "{post.author} is offline")')
    page.add(f"     * [ View Profile ](member.php/{uid})", "")
    page.add("Join Date", f"    {when:%b %Y}", "Posts", f"    {rng.randrange(5, 3000):,}", "")
    quotes = []
    for part in post.parts:
        if part.quote is None:
            page.add(*part.lines)
            continue
        page.add(f"> Quote: Originally Posted by **{part.author}** [View Post](showthread.php)")
        first = page.here
        page.add(*(f"> {line}" if line else ">" for line in part.lines))
        quotes.append({"target": part.quote, "lines": [first, page.here - 1]})
        page.add("")
    page.add("", f"[Reply With Quote](newreply.php?do=newreply&p={5000 + n})", "", "* * *", "")
    page.posts.append({"lines": [start, page.here - 1], "author": post.author, "quotes": quotes})


def widget(page: Page, n: int, post: SourcePost, v: dict, rng: random.Random, _: list) -> None:
    """A threaded comment widget (a newspaper's, a blog's): avatar alt text, name, a vote count
    and an age on their own lines or one, replies indented, "Reply · Share" under each, one
    blank line between comments; quotes are the words repeated, sometimes after "> "."""
    start = page.here
    indent = "    " * (n % 3 if v["threaded"] else 0)
    age = f"{rng.randrange(2, 23)} hours ago" if n < 9 else f"{rng.randrange(1, 9)} days ago"
    votes = f"{rng.randrange(0, 40)} points"
    if v["one_line"]:
        page.add(f"{indent}{post.author} · {votes} · {age}")
    else:
        page.add(f"{indent}Avatar", f"{indent}{post.author}", f"{indent}{age}")
    quotes = []
    for part in post.parts:
        if part.quote is None:
            page.add(*(indent + line if line else "" for line in part.lines))
            continue
        first = page.here
        mark = "> " if v["inner"] else ""
        page.add(*(f"{indent}{mark}{line}" if line else "" for line in part.lines))
        quotes.append({"target": part.quote, "lines": [first, page.here - 1]})
    page.add(f"{indent}Reply · Share", *[""] * max(1, v["gap"]))
    page.posts.append({"lines": [start, page.here - 1], "author": post.author, "quotes": quotes})


def disqus(page: Page, n: int, post: SourcePost, v: dict, rng: random.Random, _: list) -> None:
    """A Disqus thread as a crawl prints it: replies indented under what they answer, the name
    of the one answered beside the replier's, an age, a vote count and "Reply • Share ›" as one
    line, one bullet a line or not at all (a crawl that drops buttons); a blank line between
    the rows (inscriptis prints one per block); quotes are earlier words pasted in, after "> "
    or bare, glued to the reply; some users sign off with their name under a blank line."""
    start = page.here
    parent = next((p.quote for p in post.parts if p.quote is not None), None)
    depth = min(v["depths"][parent - 1] + 1, 4) if parent else 0
    v["depths"].append(depth)
    pad = " " * (v["step"] * depth)
    row = [""] * v["rows_blank"]
    age = f"{rng.randrange(2, 11)} {rng.choice(['months', 'years'])} ago"
    who = post.author
    replied = v["authors"][parent - 1] if parent else None
    if replied and v["to_name"]:
        who = f"{who} {v['arrow']}{replied}"
    if v["avatar"]:
        page.add(f"{pad}Avatar", *row)
    if v["one_line"]:
        page.add(f"{pad}{who} • {age}")
    else:
        page.add(f"{pad}{who}", *row, f"{pad}• {age}")
    if replied and v["reply_line"]:
        page.add(f"{pad}in reply to {replied}")
    page.add(*[""] * max(v["inner"], v["rows_blank"]))
    quotes = []
    for part in post.parts:
        lines = [pad + line if line else "" for line in part.lines]
        if part.quote is None:
            page.add(*lines)
            continue
        first = page.here
        page.add(*(f"{pad}{v['mark']}{line.strip()}" if line.strip() else "" for line in lines))
        quotes.append({"target": part.quote, "lines": [first, page.here - 1]})
    if post.author in v["signoff"]:
        page.add("", pad + v["signoff"][post.author])
    votes = rng.randrange(0, 30) if rng.random() < 0.6 else 0
    if v["footer"] == "bullets":
        foot = [str(votes), "•", "Reply", "•", "Share ›"]
        for x in foot:
            page.add(*row, f"{pad}   {x}")
    elif v["footer"] == "line":
        bare = f"{pad}Reply • Share ›"
        page.add(*row, f"{pad}{votes} • Reply • Share ›" if votes or v["zero"] else bare)
    elif v["footer"] == "arrows":
        page.add(*row, f"{pad}▲ {votes} ▼", f"{pad}Reply")
    if n % 5 == 4 and v["more"]:
        page.add("", f"{pad}Show more replies")
    page.add(*[""] * v["gap"])
    page.posts.append({"lines": [start, page.here - 1], "author": post.author, "quotes": quotes})


def smf2(page: Page, n: int, post: SourcePost, v: dict, rng: random.Random, _: list) -> None:
    """SMF as a crawl prints it: a user block whose rank, stars and personal text stay with the
    user, "« on: DATE »" over the first post and "« Reply #N on: DATE »" over the others, quote
    headers glued to the quote and the reply glued under it, "Logged" and a signature some
    users have."""
    when = _stamp(n, rng)
    start = page.here
    rank, stars = v["smf_rank"][post.author]
    page.add(post.author, rank, stars)
    if v["online"]:
        page.add(rng.choice(["Offline", "Online"]))
    page.add(*[""] * v["inner"], f"Posts: {rng.randrange(5, 3000)}")
    if v["karma"]:
        page.add(f"Karma: +{rng.randrange(0, 40)}/-{rng.randrange(0, 9)}")
    if post.author in v["personal"]:
        page.add(v["personal"][post.author])
    page.add(*[""] * v["inner"])
    if v["buttons"]:
        page.add("Quote", "Modify")
    page.add(f"Re: {v['title']}" if n else v["title"])
    stamp = f"{when:%B %d, %Y, %I:%M:%S %p}"
    on = f"Reply #{n} on: {stamp}" if n else f"on: {stamp}"
    page.add(f"« {on} »" if v["guillemets"] else on)
    if v["inner"]:
        page.add("")
    quotes = _body(
        page, post, lambda q: [f"Quote from: {q.author} on {when:%B %d, %Y, %I:%M:%S %p}"]
    )
    page.add("Logged")
    if post.author in v["signature"]:
        page.add(*[""] * v["rows_blank"], v["signature"][post.author])
    page.add(*[""] * v["gap"])
    page.posts.append({"lines": [start, page.here - 1], "author": post.author, "quotes": quotes})


STYLES: dict[str, Style] = {
    "phpbb": phpbb,
    "smf": smf,
    "invision": invision,
    "ubb": ubb,
    "comments": comments,
    "spread": spread,
    "markdown": markdown,
    "widget": widget,
    "disqus": disqus,
    "smf2": smf2,
}


def render(title: str, posts: list[SourcePost], style: Style, rng: random.Random) -> Page:
    names = sorted({post.author for post in posts})
    ranks = ["Well-known member", "New member", "Moderator", "Active member"]
    v = {
        "title": title,
        "names": names,
        "ranks": {name: rng.choice(ranks) for name in names if rng.random() < 0.6},
        "gap": rng.choice([0, 1, 1, 2]),
        "inner": rng.choice([0, 1]),
        "profile_first": rng.random() < 0.5,
        "one_line": rng.random() < 0.5,
        "threaded": rng.random() < 0.5,
        "authors": [post.author for post in posts],
        "depths": [],
        "step": rng.choice([0, 2, 4]),
        "to_name": rng.random() < 0.5,
        "avatar": rng.random() < 0.5,
        "mark": rng.choice(["", "> "]),
        "footer": rng.choice(["bullets", "line", "none", "arrows"]),
        "arrow": rng.choice(["", "→ ", "> "]),
        "reply_line": rng.random() < 0.3,
        "more": rng.random() < 0.5,
        "rows_blank": rng.choice([0, 1]),
        "zero": rng.random() < 0.5,
        "smf_rank": {
            name: rng.choice([("Newbie", "*"), ("Full Member", "***"), ("Sr. Member", "****")])
            for name in names
        },
        "online": rng.random() < 0.5,
        "karma": rng.random() < 0.5,
        "buttons": rng.random() < 0.5,
        "guillemets": rng.random() < 0.5,
        "personal": {n: f"{n[:1].upper()}{n[1:]} here." for n in names if rng.random() < 0.3},
        "signoff": {n: n.split()[0][:8].title() for n in names if rng.random() < 0.4},
        "signature": {n: f"-- {n} / my two cents" for n in names if rng.random() < 0.4},
    }
    page = Page(variant=" ".join(f"{k}={x}" for k, x in v.items() if isinstance(x, int | str)))
    page.add("Forum index", "", title, "")
    for n, post in enumerate(posts):
        style(page, n, post, v, rng, posts)
    return page


def toml_of(name: str, title: str, page: Page) -> str:
    out = [
        f"# {name}: generated by benchmarks/make_dev_layouts.py",
        f"# variant: {page.variant}",
        f'title = "{_esc(title)}"',
        "title_line = 3",
        "",
    ]
    for n, post in enumerate(page.posts, start=1):
        out += [
            "[[posts]]",
            f"number = {n}",
            f"lines = {post['lines']}",
            f'author = "{_esc(post["author"])}"',
        ]
        if post["quotes"]:
            qs = ", ".join(
                f"{{ target = {q['target']}, lines = {q['lines']} }}" for q in post["quotes"]
            )
            out.append(f"quotes = [{qs}]")
        out.append("")
    return "\n".join(out)


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    sources = sorted((SHARED / "datasets" / "flat").glob("*.xf_marked.txt"))
    for path in sources:
        title, posts = read_thread(path)
        name = path.name.split(".")[0]
        for style_name, style in STYLES.items():
            rng = random.Random(f"{args.seed}-{name}-{style_name}")
            page = render(title, posts, style, rng)
            (args.out / f"{name}.{style_name}.txt").write_text(
                "\n".join(page.lines) + "\n", encoding="utf-8"
            )
            (args.out / f"{name}.{style_name}.expected.toml").write_text(
                toml_of(name, title, page), encoding="utf-8"
            )
    print(f"{len(sources)} threads x {len(STYLES)} styles written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
