"""Write the hostile corpus in this folder: our own fixtures with terminal attacks put in.

usage: python tests/data/hostile/build.py FOLDER

Every input format threadscore reads gets a hostile copy: the demo text dump, each HTML fixture
page of tests/data/html (one per engine), the Discourse topic JSON, a hand-edited scorecard and
the reader's two state files. Escape sequences (OSC 52 clipboard writes, OSC 0 window titles,
CSI screen clears, 7- and 8-bit DCS), C0 and C1 controls, bidi overrides and zero-width
characters go into text, names, titles, dates, attributes, links, quote headers and attachment
names, raw and as HTML character references (`&#27;`). Nothing is committed: the tests build
the corpus once per run into a temporary folder (the `hostile` fixture in tests/conftest.py),
so it always matches the fixtures; pass a folder to look at it.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

import tomli_w

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

RAW = [
    "\x1b]52;c;SGVsbG8=\x07",  # OSC 52: write the clipboard
    "\x1b]0;PWNED\x1b\\",  # OSC 0: set the window title
    "\x1b[2J",  # CSI: clear the screen
    "\x9b31m",  # 8-bit CSI
    "\x9d0;x\x9c",  # 8-bit OSC
    "\x90qdcs\x9c",  # 8-bit DCS
    "\x1bP1;2|x\x1b\\",  # 7-bit DCS
    "\x1b_apc\x1b\\",  # APC
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u200f\u061c",  # right-to-left mark, Arabic letter mark
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\ufeff",  # zero-width no-break space
    "\u2060",  # word joiner
    "\x07\x08\x7f",  # bell, backspace, delete
]
ENTITIES = [
    "&#27;]52;c;SGVsbG8=&#7;",
    "&#x1b;]0;PWNED&#x1b;\\",
    "&#27;[2J",
    "&#x202e;",
    "&#8203;",
    "&#x2060;",
    "&#65279;",
    "&#x200d;",
]
_ATTRS = re.compile(
    r"\b(title|alt|href|src|datetime|data-author|data-username|data-user-card|"
    r'data-ipsquote-username|data-time)="([^"]*)"'
)
_TEXT = re.compile(r">([^<>]*\S[^<>]*)<")


def _cycle(items: list[str]) -> itertools.cycle[str]:
    return itertools.cycle(items)


def hostile_html(page: str) -> str:
    """Every text run and every named attribute carries an attack, raw or as a reference."""
    raw, refs = _cycle(RAW), _cycle(ENTITIES)
    page = _TEXT.sub(lambda m: f">{next(raw)}{m[1]}{next(refs)}<", page)
    return _ATTRS.sub(lambda m: f'{m[1]}="{m[2]}{next(refs)}"', page)


def hostile_text(text: str) -> str:
    """An attack at the start and in the middle of every other line of a text dump."""
    raw = _cycle(RAW)
    out = []
    for i, line in enumerate(text.split("\n")):
        if i % 2 == 0 and line.strip():
            half = len(line) // 2
            line = f"{next(raw)}{line[:half]}{next(raw)}{line[half:]}"
        out.append(line)
    return "\n".join(out)


def hostile_topic(data: dict) -> dict:
    """Topic JSON with attacks in the title, every name, user title, date and cooked HTML."""
    raw = _cycle(RAW)
    data["title"] = f"{next(raw)}{data.get('title', 'Topic')}{next(raw)}"
    data["fancy_title"] = data["title"]
    for post in data["post_stream"]["posts"]:
        for key in ("username", "name", "user_title", "display_username"):
            post[key] = f"{next(raw)}{post.get(key) or 'x'}{next(raw)}"
        post["created_at"] = f"{post.get('created_at', '')}{next(raw)}"
        post["cooked"] = hostile_html(post["cooked"]) + (
            '<p><a class="attachment" href="/uploads/r.pdf&#27;]52;c;eA==&#7;">'
            "report&#27;[2J\x1b]0;PWNED\x07.pdf</a> (12.3 KB)</p>"
        )
    return data


def hostile_card(thread_path: Path) -> str:
    """A hand-edited scorecard of the hostile text dump: attacks in notes, excerpts, title."""
    from parsing.load import load_thread
    from scoring import score_thread
    from scoring.store import HEADER, TRAILER, to_document

    thread = load_thread(thread_path)
    card = score_thread(thread)
    doc = to_document(card)
    raw = _cycle(RAW)
    doc["title"] = f"{next(raw)}{doc.get('title', '')}"
    doc["source_path"] = f"hostile{next(raw)}.txt"
    doc["marks"] = [
        {
            "post_id": post.id,
            "post_number": post.number,
            "excerpt": f"{next(raw)}{post.body[:40]}",
            "note": f"note{next(raw)} on {next(raw)}post {post.number}",
            "bookmark": True,
            "rating": 3,
        }
        for post in thread.posts[:6]
    ]
    doc["orphans"] = [
        {"post_id": "gone", "post_number": 99, "excerpt": f"gone{next(raw)}", "note": next(raw)}
    ]
    return f"{HEADER} hostile, hand-edited\n" + tomli_w.dumps(doc) + f"\n{TRAILER}\n"


def hostile_ui() -> str:
    """The reader's UI state with an attack as its saved search."""
    return tomli_w.dumps({"version": 1, "search": f"car{RAW[0]}{RAW[8]}", "number": 3})


def _pages() -> list[tuple[str, Path]]:
    """(corpus name, fixture page): one page per engine, and one of an engine we do not know."""
    html = ROOT / "tests" / "data" / "html"
    pages = [
        *sorted(html.glob("*.html")),
        html / "xenforo2_thread" / "page-1.html",
        html / "other" / "mybb.html",  # an engine we do not know: read by the generic reader
    ]
    return [
        ("xenforo2" if page.parent.name == "xenforo2_thread" else page.stem, page) for page in pages
    ]


def input_names() -> list[str]:
    """The corpus files that are threads to open (text dump, every HTML page, topic JSON)."""
    return sorted(["thread.txt", "discourse_topic.json", *(f"{n}.html" for n, _p in _pages())])


def build(folder: Path) -> None:
    """Write the whole corpus into `folder`."""
    demo = (ROOT / "parsing" / "demo" / "demo_thread.txt").read_text(encoding="utf-8")
    text_path = folder / "thread.txt"
    text_path.write_text(hostile_text(demo), encoding="utf-8")
    for name, page in _pages():
        source = page.read_text(encoding="utf-8")
        (folder / f"{name}.html").write_text(hostile_html(source), encoding="utf-8")
    html = ROOT / "tests" / "data" / "html"
    topic = json.loads((html / "discourse_topic.json").read_text(encoding="utf-8"))
    (folder / "discourse_topic.json").write_text(
        json.dumps(hostile_topic(topic), ensure_ascii=False), encoding="utf-8"
    )
    (folder / "scorecard.toml").write_text(hostile_card(text_path), encoding="utf-8")
    (folder / "state.ui.toml").write_text(hostile_ui(), encoding="utf-8")
    lines = [
        {"text": f"According to the{r} 2019 survey, 41% of cars pass through.", "label": "evidence"}
        for r in RAW
    ]
    (folder / "evaluate.jsonl").write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    build(out)
