"""Properties of the text reader that must hold for any input, checked on generated text.

The generator mixes arbitrary text with the lines forums are made of (chrome, dates, "#N",
quote markers, attachments, list items) and with copies of earlier lines, whole or cut short,
so the quote and header paths are exercised as much as the plain ones.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from parsing.load import demo_path
from parsing.models import Source, Thread
from parsing.text_reader import parse_text
from tests.conftest import ROOT

SOURCE = Source(path="generated.txt", format="text", sha256="0" * 64)

FORUM_LINES = [
    "What's new",
    "Reaction score",
    "Top Bottom",
    "Forums Latest Posts",
    "Mar 4, 2017",
    "Yesterday at 9:12 AM",
    "#12",
    "alice said:",
    "Click to expand...",
    "bob wrote:",
    "Quote:",
    "Originally Posted by carol",
    "  • photo.jpg",
    "    317.4 KB · Views: 64",
    "1) first point,",
    "- a bullet",
    "__________",
    "[QUOTE=dave]",
    "Senior Member",
    "",
    "",
]

sentence = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"),
    min_size=0,
    max_size=120,
)
words = st.lists(
    st.sampled_from(
        [
            "rail",
            "freight",
            "is",
            "cheaper",
            "than",
            "road",
            "but",
            "not",
            "always",
            "the",
            "cost",
            "of",
            "terminals",
            "matters",
            "really",
            "why",
            "so",
        ]
    ),
    min_size=1,
    max_size=30,
).map(lambda ws: " ".join(ws).capitalize() + ".")


@st.composite
def threads(draw: st.DrawFn) -> str:
    """Lines of forum-like text, some repeating earlier ones as quotes do."""
    lines: list[str] = []
    for _ in range(draw(st.integers(min_value=0, max_value=40))):
        choice = draw(st.integers(min_value=0, max_value=9))
        if choice <= 2:
            lines.append(draw(words))
        elif choice <= 4:
            lines.append(draw(st.sampled_from(FORUM_LINES)))
        elif choice <= 5:
            lines.append(draw(sentence))
        elif lines:
            earlier = draw(st.sampled_from(lines))
            cut = draw(st.sampled_from(["", "...", "end"]))
            lines.append(
                earlier
                if cut == ""
                else "..." + earlier[len(earlier) // 3 :]
                if cut == "..."
                else earlier[: len(earlier) // 2] + "..."
            )
    return "\n".join(lines)


def owners(text: str, thread: Thread) -> dict[int, list[str]]:
    """For each non-blank line, what claims it: the title, chrome, or a post (by number)."""
    claims: dict[int, list[str]] = {}
    for n, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            claims[n] = []
    if thread.title_line is not None:
        claims.setdefault(thread.title_line, []).append("title")
    for n in thread.chrome_lines:
        claims.setdefault(n, []).append("chrome")
    for post in thread.posts:
        assert post.lines is not None
        first, last = post.lines
        for n in range(first, last + 1):
            if n in claims:
                claims[n].append(f"post {post.number}")
    return claims


PROPERTY_SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)


@PROPERTY_SETTINGS
@given(threads())
@example("What's new\nMar 4, 2017\nWhat's new\nMar 4, 2017\n\nRail.")  # chrome as an author
@example("What's new\n0\nMar 4, 2017\nReaction score\nMar 4, 2017\n\nRail.")  # title after a header
def test_every_line_has_exactly_one_owner_and_parsing_never_raises(text: str) -> None:
    thread = parse_text(text, SOURCE)
    for n, claimed in owners(text, thread).items():
        assert len(claimed) == 1, (n, claimed)
    spans = [p.lines for p in thread.posts if p.lines]
    assert spans == sorted(spans)
    assert all(a <= b for a, b in spans)


@PROPERTY_SETTINGS
@given(threads())
def test_quotes_point_back_and_stay_inside_their_post(text: str) -> None:
    thread = parse_text(text, SOURCE)
    for post in thread.posts:
        assert post.number == thread.posts.index(post) + 1
        for quote in post.quotes:
            assert quote.target is None or 1 <= quote.target < post.number
            assert quote.lines is not None and post.lines is not None
            assert post.lines[0] <= quote.lines[0] <= quote.lines[1] <= post.lines[1]
            assert 0.0 <= quote.score <= 1.0
        kinds = [part.quote for part in post.parts if part.kind == "quote"]
        assert kinds == (list(range(len(post.quotes))) if post.parts else [])


@PROPERTY_SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text: str) -> None:
    thread = parse_text(text, SOURCE)
    Thread.model_validate(thread.model_dump())  # the result is a valid model
    json.dumps(thread.to_json())


@PROPERTY_SETTINGS
@given(threads())
def test_same_input_same_output_and_ids(text: str) -> None:
    first = parse_text(text, SOURCE).to_json()
    second = parse_text(text, SOURCE).to_json()
    assert first == second


def test_same_output_in_other_processes() -> None:
    """Ids and links do not depend on the interpreter's string-hash seed."""
    code = (
        "import json,sys; from parsing.load import load_thread; "
        "print(json.dumps(load_thread(sys.argv[1]).to_json()))"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code, str(demo_path())],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=ROOT,
            timeout=60,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
