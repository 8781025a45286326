"""`threadscore parse FILE... [--json]`: what the parser found, as a summary or as JSON.

The parser and its models are imported in `run`, not here: `threadscore parse --help` and the
argument checks must not pay for them.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from tui.safe import visible

if TYPE_CHECKING:
    from parsing.models import Thread


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "thread",
        nargs="*",
        help="text dump, HTML page(s) or a folder of pages (default: the bundled demo thread)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document")


def summary(thread: Thread) -> str:
    """A readable overview: a line per post with its quotes and attachments."""
    from parsing.html import engine_label

    engine = engine_label(thread.source.engine)
    out = [
        f"title: {thread.title or '(none found)'}",
        f"source: {visible(thread.source.path)} "
        f"({thread.source.format}{', ' + engine if engine else ''})",
        f"posts: {len(thread.posts)}, quote links: "
        f"{sum(q.target is not None for p in thread.posts for q in p.quotes)}",
        "",
    ]
    for post in thread.posts:
        where = f"lines {post.lines[0]}-{post.lines[1]}" if post.lines else ""
        who = post.author or "—"
        date = post.date.isoformat() if post.date else ""
        first = " ".join(post.body.split())[:60]
        out.append(f"#{post.number:<4} {who:<18.18} {date:<10} {where:<15} {first}")
        for quote in post.quotes:
            target = f"quotes #{quote.target}" if quote.target else "quotes an outside source"
            if quote.author and not quote.target:
                target = f"quotes {quote.author} (not on this page)"
            cut = ", cut short" if quote.truncated else ""
            snippet = " ".join(quote.text.split())[:50]
            out.append(f"       ↩ {target}{cut}: “{snippet}”")
        for att in post.attachments:
            views = f"{att.views} views" if att.views is not None else None
            extra = ", ".join(x for x in (att.size, views) if x)
            out.append(f"       📎 {att.name}{f' ({extra})' if extra else ''}")
    for warning in thread.warnings:
        out.append(f"warning: {visible(warning)}")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    from parsing.load import load_thread

    thread = load_thread(args.thread or None)
    if args.json:
        from parsing.json_output import thread_chunks, write_chunks

        for warning in thread.warnings:  # the summary lists them; JSON keeps stdout for data
            print(f"threadscore: {visible(warning)}", file=sys.stderr)

        write_chunks(thread_chunks(thread), sys.stdout)
    else:
        print(summary(thread))
    return 0
