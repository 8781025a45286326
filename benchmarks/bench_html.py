"""Time the HTML reader on a generated ~5 MB XenForo 2 page (target: <= 0.5 s to parse).

Run: .venv/bin/python benchmarks/bench_html.py [--mb 5] [--repeat 3]

The page is built from the XenForo 2 fixture in tests/data/html (real XenForo 2 markup, our
text): its posts are repeated with fresh post ids, quotes and all, until the page is big enough.
Prints the page size, the post count, and the best of N parse times in CPU seconds
(parse_html_pages alone, and the whole load_thread: read, decode, strip controls, parse), then
the same page read by the generic reader (engine table off: the path a page of an engine we
never saw takes).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsing import load_thread  # noqa: E402
from parsing.html import parse_html_pages  # noqa: E402

FIXTURE = ROOT / "tests" / "data" / "html" / "xenforo2_thread" / "page-2.html"


def build_page(megabytes: float) -> str:
    """A thread page of about `megabytes` MB: the fixture's posts repeated with new ids."""
    page = FIXTURE.read_text(encoding="utf-8")
    start = page.index('\t<article class="message')
    end = page.rindex("</article>") + len("</article>")
    posts = page[start:end]
    target = int(megabytes * 1_000_000)
    chunks = []
    size = start + len(page) - end
    n = 0
    while size < target:
        n += 1
        chunk = re.sub(
            r"(post[-/: ]+|post\?id=)(\d+)", lambda m, n=n: f"{m[1]}{int(m[2]) + n * 1000}", posts
        )
        chunks.append(chunk)
        size += len(chunk)
    return page[:start] + "\n".join(chunks) + page[end:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="page size in MB (default 5)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    args = parser.parse_args()
    html = build_page(args.mb)
    data = html.encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.html"
        path.write_bytes(data)
        parse_times, load_times = [], []
        thread = None
        for _ in range(args.repeat):
            t0 = time.process_time()
            thread = parse_html_pages([(path, html, data)])
            parse_times.append(time.process_time() - t0)
            t0 = time.process_time()
            load_thread(path)
            load_times.append(time.process_time() - t0)
    assert thread is not None
    links = sum(q.target is not None for p in thread.posts for q in p.quotes)
    print(
        f"page: {len(data) / 1e6:.1f} MB, engine {thread.source.engine}, "
        f"{len(thread.posts)} posts, {links} quote links"
    )
    print(f"parse_html_pages: {min(parse_times):.3f} s CPU (best of {args.repeat})")
    print(f"load_thread:      {min(load_times):.3f} s CPU (best of {args.repeat})")
    generic_times = []
    for _ in range(args.repeat):
        t0 = time.process_time()
        with contextlib.redirect_stderr(io.StringIO()):  # the "not recognised" warning
            generic = parse_html_pages([(path, html, data)], known_engines=False)
        generic_times.append(time.process_time() - t0)
    links = sum(q.target is not None for p in generic.posts for q in p.quotes)
    print(
        f"generic reader:   {min(generic_times):.3f} s CPU (best of {args.repeat}; "
        f"engine {generic.source.engine}, {len(generic.posts)} posts, {links} quote links)"
    )


if __name__ == "__main__":
    main()
