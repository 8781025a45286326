"""Quote finding in text dumps does bounded work however the lines are shaped.

A page of long lines that each share sentences with earlier ones, without repeating any
verbatim, makes every line a candidate for character alignment with several earlier lines; an
alignment of two lines of like length costs the cube of their length, so such a page of 1 MB
took minutes. The work is now capped per character read (`ALIGN_WORK_PER_CHAR`).
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from parsing.normalize import normalize
from parsing.quote_index import (
    ALIGN_WORK_PER_CHAR,
    ALIGN_WORK_START,
    MIN_SCORE,
    QuoteIndex,
    probe,
)

WORDS = ["the", "council", "plan", "buses", "shops", "air", "street", "bridge", "market", "survey"]


def _sentence(i: int) -> str:
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(12)]
    return f"Post {i}: " + " ".join(words) + f", as said on day {i % 97}."


def _hostile_lines(size: int, length: int) -> list[str]:
    """Three long source lines, then lines of `length` characters reshuffling their sentences."""
    rng = random.Random(7)
    sentences = [_sentence(i) for i in range(360)]
    out = [" ".join(sentences[k * 120 : (k + 1) * 120]) for k in range(3)]
    while sum(map(len, out)) < size:
        pick = [rng.choice(sentences) for _ in range(length // 50)]
        pick = [p.replace("the", "a", 1) if rng.random() < 0.5 else p for p in pick]
        out.append(" ".join(pick)[:length])
    return out


def test_alignments_on_long_candidate_lines_stay_within_the_allowance() -> None:
    lines = _hostile_lines(300_000, 1000)
    index = QuoteIndex()
    looked_up = 0
    for n, line in enumerate(lines):
        found = probe(normalize(line))
        if index.find(found) is None:
            index.add(n, found)
        looked_up += len(found.cut)
    # Every line after the sources is a candidate of several lines: without a cap that is
    # thousands of alignments of 1,000 by 1,000 characters (minutes).
    candidates = sum(1 for line in lines[3:] if index.candidates(probe(normalize(line))))
    assert candidates > 250
    bound = (ALIGN_WORK_START + ALIGN_WORK_PER_CHAR * looked_up) // 1000**3
    assert 0 < index.aligned <= bound < candidates


def test_an_edited_long_quote_is_still_aligned_character_by_character() -> None:
    original = " ".join(_sentence(i) for i in range(9))  # about 650 characters
    edited = original.replace("council", "councils", 2).replace("day 3", "day three")
    index = QuoteIndex()
    index.add(0, probe(normalize("An opening line that nobody quotes at all.")))
    index.add(1, probe(normalize(original)))
    match = index.find(probe(normalize(edited)))
    assert index.aligned >= 1
    assert match is not None and match.line == 1 and MIN_SCORE <= match.score < 1.0


def test_a_megabyte_of_long_candidate_lines_parses(tmp_path: Path) -> None:
    """On the old code this file took several minutes; the timeout only guards against a hang."""
    path = tmp_path / "near.txt"
    lines = _hostile_lines(1_000_000, 2900)[:3] + _hostile_lines(1_000_000, 1000)[3:]
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "parse", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "posts:" in done.stdout
