"""Write SOURCES.md and GUIDELINE_DEV.md of a flat_dev_real folder from pages.tsv and the specs.

The page table (repository, commit, path, tool, cut) is pages.tsv beside this script; the address,
title and judgement notes come from the labelling specs (they stay with the data: they hold
names and phrases from the pages); engine and licence columns from the small tables below, keyed
by style and repository; the prose heads from sources_head.md and guide_head.md.

usage: write_sources.py DATA_DIR SPECS.py
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "flat_real2"))
from label_pages import load_specs

LICENCE = {
    "ris58h/blog-skipper": "no licence file (browser-extension test pages); page third-party",
    "adbar/trafilatura": "repository Apache-2.0; page third-party web content (extractor fixture)",
    "chaoss/grimoirelab-perceval": (
        "repository GPL-3.0 (test fixture); the Askbot sites state CC BY-SA 3.0 (askbot.org) / "
        "CC BY 3.0 (ask.openstack.org) for their content"
    ),
    "bushidocodes/usenet-comp-lang-cobol": (
        "repository MIT (pipeline); the messages are Usenet posts "
        "from archive.org's comp.lang.cobol mbox"
    ),
    "openenergymonitor/forum-archive": (
        "repository MIT (the project's own static archive of its Drupal 6 forum)"
    ),
    "pplante/maslowcnc-old-forums": "no licence stated; a scraper's export of a Muut forum",
    "iartarisi/newhackers": "repository AGPL-3.0; page third-party (Hacker News, test fixture)",
}
ENGINE = {
    "hackernews": "Hacker News item page",
    "oldreddit": "old reddit comment page",
    "habr": "Habr (article + threaded comments)",
    "disqus": "Disqus comment frame",
    "4pda": "4PDA news comments",
    "usenet": "Usenet thread, Markdown archive page",
    "drupal": "Drupal news comments",
    "pikabu": "Pikabu story + comments",
    "askbot": "Askbot Q&A",
    "drupalforum": "Drupal 6 forum",
    "muutmd": "Muut forum, Markdown export",
    "disqusstatic": "Disqus no-script comment list (blog)",
    "launchpad": "Launchpad bug comments",
    "livejournal": "LiveJournal entry + comments",
}


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    data, specs_path = sys.argv[1:]
    specs = load_specs(specs_path)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "pages.tsv"), encoding="utf-8") as f:
        rows = [x.rstrip("\n").split("\t") for x in f if x.strip() and not x.startswith("#")]
    with open(os.path.join(here, "sources_head.md"), encoding="utf-8") as f:
        table = [f.read().rstrip("\n")]
    with open(os.path.join(here, "guide_head.md"), encoding="utf-8") as f:
        guide = [f.read().rstrip("\n")]
    for name, repo, commit, path, tool, keep in rows:
        url = specs[name]["url"]
        tool_s = "none (verbatim)" if tool == "none" else tool
        if keep != "-":
            tool_s += f", cut after line {keep}"
        style = name.split(".")[1]
        cells = [name, url, ENGINE[style], tool_s, repo, path, commit, LICENCE[repo]]
        table.append("| " + " | ".join(cells) + " |")
        guide.append(f"- `{name}`:")
        guide += [f"  - {n}" for n in specs[name].get("notes", [])]
    with open(os.path.join(data, "SOURCES.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(table) + "\n")
    with open(os.path.join(data, "GUIDELINE_DEV.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(guide) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
