"""Lay a Discourse archive's rendered topic out as the page Discourse serves to crawlers.

usage: discourse_page.py MIRROR_REPO OUT_RAW_DIR SOURCES.txt TOPIC_PATH...

Archives such as pieper/slicer-discourse-archive keep each topic as Markdown: a front matter,
then per post "## Post #N by @user (date)" and the post's "cooked" HTML exactly as Discourse
rendered it (quotes as `<aside class="quote" data-username data-post data-topic>`). Discourse's
no-script view of a topic (what a crawler saves) wraps each cooked post in
`div.topic-body.crawler-post` with the poster's name, the time and the position above it and
the likes under it; this script writes that page around the cooked HTML unchanged, so that
`make_real_heldout.py` (engine `discourse`) reads its truth off the markup and
`make_real_flat.py` flattens it like any saved page. Appends `FILE REPO COMMIT PATH` lines to
SOURCES.txt. Standard library only.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

POST = re.compile(r"^## Post #(\d+) by @(\S+) \(([^)]*)\)\s*$", re.M)
TITLE = re.compile(r'^title:\s*"?(.*?)"?\s*$', re.M)
TOPIC = re.compile(r"^topic_id:\s*(\d+)", re.M)


def page(md: str) -> str:
    title = html.escape(TITLE.search(md).group(1)) if TITLE.search(md) else ""
    topic = TOPIC.search(md).group(1) if TOPIC.search(md) else ""
    heads = list(POST.finditer(md))
    out = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{title} - 3D Slicer Community</title></head><body>",
        "<header><a href='/'>3D Slicer Community</a></header>",
        f"<div id='main-outlet'><h1><a href='/t/{topic}'>{title}</a></h1>",
    ]
    for k, m in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else len(md)
        cooked = md[m.end() : end].strip()
        cooked = re.sub(r"\n---\s*$", "", cooked).strip()
        number, user, when = m.group(1), html.escape(m.group(2)), html.escape(m.group(3))
        out.append(
            f"<div id='post_{number}' itemprop='comment' class='topic-body crawler-post'>\n"
            "  <div class='crawler-post-meta'>\n"
            "    <span class='creator' itemprop='author'>\n"
            f"      <a itemprop='url' href='/u/{user}'><span itemprop='name'>{user}</span></a>\n"
            "    </span>\n"
            "    <span class='crawler-post-infos'>\n"
            f"      <time itemprop='datePublished' class='post-time'>\n        {when}\n"
            "      </time>\n"
            f"      <span itemprop='position'>{number}</span>\n"
            "    </span>\n"
            "  </div>\n"
            f"  <div class='post' itemprop='text'>\n{cooked}\n  </div>\n"
            "</div>"
        )
    out.append("</div><footer>Powered by Discourse</footer></body></html>")
    return "\n".join(out)


def main() -> None:
    repo, raw, sources = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    raw.mkdir(parents=True, exist_ok=True)
    name = repo.parent.name.replace("+", "/")
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    rows = []
    for path in sys.argv[4:]:
        md = subprocess.run(
            ["git", "-C", str(repo), "show", f"HEAD:{path}"], capture_output=True, check=True
        ).stdout.decode("utf-8")
        fname = "slicer_" + Path(path).stem.split("-id")[-1] + ".html"
        (raw / fname).write_text(page(md), encoding="utf-8")
        rows.append(f"{fname} {name} {commit} {path}")
    with sources.open("a", encoding="utf-8") as f:
        f.write("".join(r + "\n" for r in rows))


if __name__ == "__main__":
    main()
