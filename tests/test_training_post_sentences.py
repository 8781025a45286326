"""training/post_sentences.py joins hand labels back to the sentences of whole posts: each
labelled line keeps its discussion and its post, in the post's order (what training/census.py
reads to place a sentence in its post)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_labelled_sentences_keep_their_post_and_order(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        json.dumps({"text": "Cars should go. They poison the air.", "group": "7", "post": "70"})
        + "\n"
        + json.dumps({"text": "Thanks! See the council report.", "group": "8", "post": "81"})
        + "\n",
        encoding="utf-8",
    )
    letters = tmp_path / "letters.txt"
    letters.write_text("c r\nn e\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    script = ROOT / "training" / "post_sentences.py"
    done = subprocess.run(
        [sys.executable, str(script), str(posts), str(out), "--labels", str(letters)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["post"], r["group"], r["label"]) for r in rows] == [
        ("70", "7", "claim"),
        ("70", "7", "reason"),
        ("81", "8", "none"),
        ("81", "8", "evidence"),
    ]
    assert rows[1]["text"] == "They poison the air."


def test_too_few_letters_is_one_line_and_exit_1(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text(json.dumps({"text": "One. Two.", "group": "1", "post": "2"}) + "\n")
    letters = tmp_path / "letters.txt"
    letters.write_text("c\n", encoding="utf-8")
    script = ROOT / "training" / "post_sentences.py"
    done = subprocess.run(
        [
            sys.executable,
            str(script),
            str(posts),
            str(tmp_path / "o.jsonl"),
            "--labels",
            str(letters),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "need 2 letters" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "o.jsonl").exists()
