"""Write truth for saved pages whose engine `make_real_heldout.py` does not know, from per-page
selectors written by hand after reading each page (a development set: pages we tune on).

usage: label_dev_html.py SPECS.json RAW_DIR OUT_DIR

SPECS.json maps an output name (`NN_ENGINE`) to {"raw": file in RAW_DIR, "source": one line
"REPO COMMIT PATH", "post": CSS selector of the post containers, "id_attr": attribute holding the
post id, "id_re": regex whose first group is the id, "author": CSS selector (inside a post, the
first match with text) of the author's name, optional "author_strip": regex removed from the
name, optional "skip": list of post ids that are not posts (templates)}. Nested posts (a reply
inside the comment it answers) are posts of their own; the author is looked up outside replies.
Quotes are not labelled here (these pages hold none in their comments; checked by hand).
Writes OUT_DIR/NN_ENGINE.html (byte copy), .truth.json and .source.txt. Standard library and
selectolax only.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode


def text_of(node: LexborNode) -> str:
    return " ".join(node.text(separator=" ").split())


def inside_reply(node: LexborNode, post: LexborNode, post_sel: str) -> bool:
    """`node` sits in a post nested inside `post` (a reply), not in `post` itself."""
    parent = node.parent
    while parent is not None and parent.mem_id != post.mem_id:
        if parent.css_matches(post_sel):
            return True
        parent = parent.parent
    return False


def label(spec: dict, html: str) -> list[dict]:
    tree = LexborHTMLParser(html)
    posts = []
    for node in tree.css(spec["post"]):
        m = re.search(spec["id_re"], node.attributes.get(spec["id_attr"]) or "")
        if m is None or m.group(1) in spec.get("skip", []):
            continue
        author = None
        for cand in node.css(spec["author"]):
            if not inside_reply(cand, node, spec["post"]) and text_of(cand):
                author = text_of(cand)
                break
        if author and spec.get("author_strip"):
            author = re.sub(spec["author_strip"], "", author).strip()
        posts.append({"id": m.group(1), "author": author})
    return posts


def main() -> None:
    specs_path, raw, out = (Path(a) for a in sys.argv[1:4])
    specs = json.loads(specs_path.read_text(encoding="utf-8"))
    for name, spec in specs.items():
        page = raw / spec["raw"]
        html = page.read_bytes().decode("utf-8", "replace")
        posts = label(spec, html)
        shutil.copyfile(page, out / f"{name}.html")
        truth = {
            "file": f"{name}.html",
            "n_posts": len(posts),
            "n_quotes": 0,
            "posts": posts,
            "quotes": [],
        }
        (out / f"{name}.truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        repo, commit, path = spec["source"].split()
        (out / f"{name}.source.txt").write_text(
            f"repo: {repo} (https://github.com/{repo})\npath: {path}\ncommit: {commit}\n"
            f"raw file: {spec['raw']}\nlabels: by hand-written selectors (specs.json)\n",
            encoding="utf-8",
        )
        named = sum(1 for p in posts if p["author"])
        print(f"{name}: {spec['raw']} {len(posts)} posts, authors {named}/{len(posts)}")


if __name__ == "__main__":
    main()
