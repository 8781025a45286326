"""Posts in another language than English are marked not scored, never given verdicts from
English cues: in the scorecard, the command's table and JSON, the TOML export and the reader.

The threads in tests/data/scoring/thread_{de,ru,mixed}.html are ours (written for these tests).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from parsing import load_thread
from scoring import language
from scoring.scorer import score_thread
from scoring.store import to_toml

DATA = Path(__file__).parent / "data" / "scoring"
ROOT = Path(__file__).resolve().parent.parent


def _card(name: str):
    return score_thread(load_thread(DATA / f"thread_{name}.html"))


def test_german_thread_is_not_scored_and_named() -> None:
    card = _card("de")
    assert len(card.posts) == 5
    # The last post ("Quelle?") is too short to tell: it takes the thread's language, and is
    # not made a challenge by the English rule for a question in a reply.
    assert card.posts[-1].language == "de"
    for post in card.posts:
        assert post.verdict == "not-scored" and post.language == "de"
        assert post.reason.startswith("not scored: language German")
        assert post.sentences == [] and post.cues == [] and post.claims == 0
    assert card.totals.verdicts["not-scored"] == 5 and card.totals.evidence_rate == 0.0


def test_russian_thread_is_not_scored_and_named() -> None:
    card = _card("ru")
    assert [p.language for p in card.posts] == ["ru", "ru", "ru"]
    assert {p.verdict for p in card.posts} == {"not-scored"}
    assert "language Russian" in card.posts[1].reason


def test_mixed_thread_scores_the_english_posts_only() -> None:
    card = _card("mixed")
    verdicts = [p.verdict for p in card.posts]
    assert verdicts[1] == "not-scored" and card.posts[1].language == "de"
    assert verdicts[0] == "evidenced" and card.posts[0].language is None
    assert verdicts[2] == "challenge"
    # Arguing posts exclude the unscored one: 1 evidenced of 1 arguing.
    assert card.totals.evidence_rate == 1.0


def test_toml_export_says_not_scored_and_the_language(tmp_path: Path) -> None:
    text = to_toml(_card("mixed"))
    data = tomllib.loads(text)
    posts = data["posts"]
    assert posts[1]["verdict"] == "not-scored" and posts[1]["language"] == "de"
    assert "language" not in posts[0]  # English posts carry no language key
    assert posts[1]["effective_verdict"] == "not-scored"


def test_score_command_prints_not_scored(tmp_path: Path) -> None:
    thread = DATA / "thread_de.html"
    run = subprocess.run(
        [sys.executable, "-m", "tui.cli", "score", str(thread), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    posts = json.loads(run.stdout)["posts"]
    assert {p["verdict"] for p in posts} == {"not-scored"}
    assert {p["language"] for p in posts} == {"de"}
    table = subprocess.run(
        [sys.executable, "-m", "tui.cli", "score", str(thread)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    assert "not scored: language German" in table


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Das stimmt einfach nicht, die Studie sagt etwas ganz anderes und du weißt das.", "de"),
        ("Ce n'est pas vrai, l'étude dit tout le contraire et tu le sais très bien.", "fr"),
        ("Eso no es verdad, el estudio dice todo lo contrario y tú lo sabes muy bien.", "es"),
        ("Dat is niet waar, het onderzoek zegt precies het omgekeerde en dat weet je.", "nl"),
        ("Это неправда, исследование говорит совсем другое, и ты это знаешь.", "ru"),
        ("Це неправда, дослідження каже зовсім інше, і ти це знаєш.", "uk"),
        ("Αυτό δεν είναι αλήθεια, η μελέτη λέει κάτι εντελώς διαφορετικό.", "el"),
        ("I think you are wrong: the study says the opposite, and you know it.", "en"),
        ("Source?", "en"),
        ("lol", "en"),
        ("The café on Rue de Rivoli said so in their newsletter, and I believe them.", "en"),
    ],
)
def test_detect_reads_the_language(text: str, code: str) -> None:
    assert language.detect(text) == code


def test_english_posts_leave_at_the_shortcut() -> None:
    """An ordinary English post is told by the English words alone (the cheap path)."""
    words = language.tokens("I think you are wrong about this and the figures show it.")
    table, gate, _ = language._gate()
    hits = sum(table.get(w, 0) % language.KNOWN for w in words)
    assert hits >= gate * len(words)


async def test_reader_shows_not_scored(tmp_path: Path) -> None:
    """The list's badge and the reading pane say the post was not scored, and in which
    language it is written."""
    from tests.reader_support import press, ready
    from tui.app import ThreadscoreApp
    from tui.verdicts import look

    thread = load_thread(DATA / "thread_mixed.html")
    app = ThreadscoreApp(thread=thread, home=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "j")  # and the pane follows the cursor after a pause
        assert app.reader.current == 2
        shown = "\n".join(str(w.render()) for w in app.reader.pane.query("Static"))
    assert look("not-scored").label == "Not scored"
    assert "Not scored" in shown and "not scored: language German" in shown


def test_a_short_post_takes_its_threads_language() -> None:
    """ "Quelle?" alone cannot be told; in a German thread it is German, in an English one the
    same word is read (and scored) as English."""
    german = ["Das glaube ich nicht, woher hast du diese Zahl aus dem Bericht?"] * 3
    english = ["I do not believe that, where did you get the figure from the report?"] * 3
    assert language.told("Quelle?") is None
    assert language.thread_language([*german, "Quelle?"]) == "de"
    assert language.thread_language([*english, "Quelle?"]) == "en"
    assert language.thread_language(["Quelle?", "+1"]) == "en"
