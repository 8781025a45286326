"""Truth for Discourse /raw topics, read off the text's own marks (a DEVELOPMENT set for issue 8).

usage: discourse_raw.py MIRROR_REPO OUT_DIR TOPIC_PATH... [--commit C]

A Discourse /raw topic prints each post as "user | date UTC | #n", its Markdown/BBCode source as
written, and a line of 25 dashes under it. Quotes are `[quote="user, post:n, topic:t"]` blocks:
the flat_real2 GUIDELINE2 rules 14-15 say how they are labelled, and this script applies them:
- a post runs from its header to its last non-blank line; the dashes, the archive's "# title"
  line above the first post are chrome (`boilerplate_lines`);
- a top-level quote's lines are those between its tags (a line holding a tag glued to words is
  in the quote); it targets the post headed "#n" when the topic is this one, else it is external;
  a quote naming no post targets the named user's latest earlier post holding its first words;
  an elided quote ("...") is no quote;
- a run of Markdown '>' lines is a quote only where its first long line repeats an earlier
  post's own words (else it quotes something outside the thread), targeting the earliest such.
Writes OUT_DIR/NAME.discourse_raw.txt (the file as stored) and NAME.discourse_raw.expected.toml.
Standard library only; reads the files from a `fetch`ed mirror with git.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from make_real_flat import quotes_row, toml_str

HEADER = re.compile(r"^(\S+) \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \| #(\d+)\s*$")
RULE = re.compile(r"^-{25}\s*$")
OPEN = re.compile(r'\[quote="([^",]*)(?:,\s*post:(\d+))?(?:,\s*topic:(\d+))?[^"]*"\]', re.I)
OPEN_BARE = re.compile(r"\[quote\]", re.I)
CLOSE = re.compile(r"\[/quote\]", re.I)
TOPIC_ID = re.compile(r"-id(\d+)\.md$")
MIN_REPEAT = 25


def words(s: str) -> str:
    return " ".join(re.sub(r"[^\w']+", " ", s.lower()).split())


def label(text: str, topic: str) -> tuple[list[dict], list[int], list[dict], list[str]]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    posts: list[dict] = []
    boiler: list[int] = []
    for i, line in enumerate(lines):
        m = HEADER.match(line)
        if m:
            posts.append(
                {
                    "number": len(posts) + 1,
                    "start": i,
                    "author": m.group(1),
                    "hash": int(m.group(2)),
                    "quotes": [],
                }
            )
        elif RULE.match(line) or (not posts and line.strip()):
            boiler.append(i + 1)
    for k, p in enumerate(posts):
        end = posts[k + 1]["start"] if k + 1 < len(posts) else len(lines)
        last = p["start"]
        for j in range(p["start"], end):
            if lines[j].strip() and not RULE.match(lines[j]):
                last = j
        p["end"] = last
    by_hash = {p["hash"]: p["number"] for p in posts}
    external: list[dict] = []
    notes: list[str] = []
    own: dict[int, str] = {}  # post number -> its own words (outside quotes), for '>' runs
    for p in posts:
        depth, start, who, target_hash, tpc, glued_open = 0, None, None, None, None, False
        own_lines: list[str] = []
        md_run: list[int] = []

        def flush_md(p: dict = p, md_run: list[int] = md_run) -> None:
            if not md_run:
                return
            body = [lines[j].lstrip("> ").strip() for j in md_run]
            first = next((b for b in body if len(b) >= MIN_REPEAT), None)
            if first:
                key = words(first)
                hit = next((n for n in sorted(own) if n < p["number"] and key in own[n]), None)
                if hit is not None:
                    p["quotes"].append({"target": hit, "lines": [md_run[0] + 1, md_run[-1] + 1]})
            md_run.clear()

        for j in range(p["start"] + 1, p["end"] + 1):
            line = lines[j]
            opens = list(OPEN.finditer(line)) + list(OPEN_BARE.finditer(line))
            closes = list(CLOSE.finditer(line))
            if depth == 0 and opens:
                flush_md()
                m = min(opens, key=lambda m: m.start())
                who = m.group(1) if m.re is OPEN else None
                target_hash = int(m.group(2)) if m.re is OPEN and m.group(2) else None
                tpc = m.group(3) if m.re is OPEN else None
                rest = line[m.end() :]
                glued_open = bool(CLOSE.sub("", rest).strip())
                start = j if glued_open else j + 1
            if opens or closes:
                depth += len(opens) - len(closes)
                if depth <= 0 and start is not None:
                    depth = 0
                    before = line[: min(c.start() for c in closes)] if closes else line
                    glued_close = bool(OPEN.sub("", before).strip()) and not (
                        opens and j == start - 1
                    )
                    stop = j if glued_close else j - 1
                    _add_quote(
                        p,
                        lines,
                        start,
                        stop,
                        who,
                        target_hash,
                        tpc,
                        topic,
                        by_hash,
                        posts,
                        own,
                        external,
                        notes,
                    )
                    start = None
                    continue
                if depth > 0:
                    continue
            if depth > 0:
                continue
            if line.startswith(">"):
                md_run.append(j)
                continue
            flush_md()
            own_lines.append(line)
        flush_md()
        own[p["number"]] = words(" ".join(own_lines))
    return posts, boiler, external, notes


def _add_quote(
    p, lines, start, stop, who, target_hash, tpc, topic, by_hash, posts, own, external, notes
) -> None:
    body = " ".join(lines[k] for k in range(start, stop + 1))
    body = CLOSE.sub("", OPEN.sub("", body)).strip()
    if stop < start or body in ("...", "\u2026", ""):
        return
    span = [start + 1, stop + 1]
    if target_hash is not None and (tpc is None or tpc == topic):
        if target_hash in by_hash and by_hash[target_hash] < p["number"]:
            p["quotes"].append({"target": by_hash[target_hash], "lines": span})
        else:
            external.append({"lines": span})
            notes.append(f"post {p['number']} quotes #{target_hash}, not on the page: external")
        return
    if tpc is not None and tpc != topic:
        external.append({"lines": span})
        return
    key = words(
        next(
            (lines[k] for k in range(start, stop + 1) if len(lines[k]) >= MIN_REPEAT), lines[start]
        )
    )[:60]
    for q in reversed(posts[: p["number"] - 1]):
        if (who is None or q["author"].lower() == (who or "").lower()) and key in own.get(
            q["number"], ""
        ):
            p["quotes"].append({"target": q["number"], "lines": span})
            notes.append(
                f"post {p['number']}: quote naming no post linked by its words to {q['number']}"
            )
            return
    external.append({"lines": span})


def toml(name: str, origin: str, posts, boiler, external, notes) -> str:
    out = [
        f"# {name}: Discourse /raw topic as stored ({origin}); truth read off the text's own",
        "# marks by benchmarks/flat_dev_links/discourse_raw.py (GUIDELINE2 rules 14-15).",
        "# Lines are 1-based and inclusive.",
    ]
    out += [f"# note: {n}" for n in notes]
    out.append(f"boilerplate_lines = [{', '.join(map(str, boiler))}]")
    if external:
        out.append(
            "external_quotes = ["
            + ", ".join(f"{{ lines = [{e['lines'][0]}, {e['lines'][1]}] }}" for e in external)
            + "]"
        )
    for p in posts:
        out += [
            "",
            "[[posts]]",
            f"number = {p['number']}",
            f"lines = [{p['start'] + 1}, {p['end'] + 1}]",
            f"author = {toml_str(p['author'])}",
        ]
        if p["quotes"]:
            out.append(quotes_row(p["quotes"]))
    return "\n".join(out) + "\n"


def main() -> None:
    repo, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for path in sys.argv[3:]:
        text = subprocess.run(
            ["git", "-C", str(repo), "show", f"HEAD:{path}"], capture_output=True, check=True
        ).stdout.decode("utf-8")
        topic = TOPIC_ID.search(path).group(1)
        name = "dr_" + Path(path).stem.split("-id")[0][11:40].rstrip("-")
        posts, boiler, external, notes = label(text, topic)
        (out / f"{name}.discourse_raw.txt").write_text(text, encoding="utf-8")
        (out / f"{name}.discourse_raw.expected.toml").write_text(
            toml(name, f"{repo.name} {path}", posts, boiler, external, notes), encoding="utf-8"
        )
        print(
            name,
            len(posts),
            "posts",
            sum(len(p["quotes"]) for p in posts),
            "links",
            len(external),
            "external",
        )


if __name__ == "__main__":
    main()
