"""`parse --json` and `score --json` are written by pydantic's serialiser a post at a time: the
bytes must be exactly what `json.dumps(document, ensure_ascii=False, indent=1)` wrote before,
and stable from one release to the next (compared with documents stored in tests/data/json)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from pydantic_core import to_json as to_json_bytes

from parsing.json_output import array, items, thread_chunks, write_chunks
from parsing.load import demo_path, load_thread
from parsing.models import Attachment, Part, Post, Quote, Source, Thread
from scoring.models import (
    AuthorTally,
    Cue,
    PostScore,
    Scorecard,
    SentenceScore,
    ThreadTotals,
    UserLayer,
    UserMark,
)
from scoring.report import json_chunks, scored_json_chunks, to_json
from scoring.scorer import score_thread
from scoring.tally import with_effective_tallies
from scoring.user_layer import set_override, set_rating
from tests.conftest import DATA, SEED, needs_shared
from tui.cli import main

STORED = DATA / "json"
HOSTILE = 'a "quote", a back\\slash, a tab\t, a line\nbreak, \x1b[31m, \x7f, é, \u2028, 🙂'


def old_bytes(document: dict) -> bytes:
    """How the commands wrote their documents before."""
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def handmade_thread() -> Thread:
    """Every kind of value a thread holds: None and set optionals, dates, nested quotes,
    attachments, parts and a signature (which the document leaves out), hostile text."""
    inner = Quote(target=1, text="the first words", truncated=True, lines=(3, 3), score=0.75)
    posts = [
        Post(number=1, id="p1", body="The first words of the thread.", lines=(3, 4)),
        Post(
            number=2,
            id="p2",
            source_id="post-77",
            author="Ann",
            author_title="Member",
            date=dt.date(2024, 2, 29),
            lines=(6, 12),
            body=HOSTILE,
            parts=[Part(kind="quote", quote=0), Part(kind="text", text=HOSTILE)],
            quotes=[
                Quote(author="Bo", source_id="x9", text="outside", nested=[inner], score=1.0),
            ],
            attachments=[Attachment(name="chart.png", size="12 KB", views=3, lines=(11, 11))],
            signature="-- Ann",
        ),
        Post(number=3, id="p3", body=""),
    ]
    source = Source(path="/t/ünïcode thread.txt", format="text", sha256="ab" * 32, engine=None)
    return Thread(
        title='A "handmade" thread',
        title_line=1,
        source=source,
        posts=posts,
        chrome_lines=[2, 5],
        warnings=["a warning"],
    )


def test_parse_document_is_the_stored_one_and_what_json_dumps_wrote() -> None:
    thread = handmade_thread()
    written = b"".join(thread_chunks(thread))
    assert written == old_bytes(thread.to_json())
    assert written == (STORED / "handmade_thread.parse.json").read_bytes()


def test_an_empty_thread_writes_empty_lists() -> None:
    thread = Thread(source=Source(path="e", format="html", sha256="0"))
    assert b"".join(thread_chunks(thread)) == old_bytes(thread.to_json())


def handmade_card() -> Scorecard:
    """A scorecard built by hand (not by the scorer, whose verdicts may change): cues with and
    without evidence types, an override, a rating, an orphaned mark, hostile text."""
    cue = Cue(kind="according-to", role="evidence", start=0, end=12, text=HOSTILE[:12])
    claim = Cue(kind="stance", role="claim", start=13, end=20, text="I think", evidence_type=None)
    typed = cue.model_copy(update={"evidence_type": "source"})
    sentence = SentenceScore(start=0, end=30, text=HOSTILE, role="evidence", cues=[cue, claim])
    posts = [
        PostScore(
            number=1,
            post_id="p1",
            verdict="evidenced",
            strength=0.85,
            claims=1,
            evidence=1,
            evidence_types=["source"],
            sentences=[sentence],
            cues=[typed, claim],
            reason=HOSTILE,
        ),
        PostScore(
            number=2,
            post_id="p2",
            author="Ann",
            verdict="challenge",
            strength=0.4,
            claims=0,
            evidence=0,
            challenges=1,
            rebuts=[1],
        ),
    ]
    authors = [
        AuthorTally(
            author="#1",
            known=False,
            posts=1,
            post_numbers=[1],
            claims=1,
            evidence=1,
            evidence_by_type={"source": 1},
            verdicts={"evidenced": 1},
            evidence_rate=1.0,
            computed_verdicts={"evidenced": 1},
            computed_evidence_rate=1.0,
            challenges_received=1,
        ),
        AuthorTally(
            author="Ann",
            posts=1,
            post_numbers=[2],
            verdicts={"asserted": 1},
            computed_verdicts={"challenge": 1},
            overridden=1,
            challenges_made=0,
        ),
    ]
    totals = ThreadTotals(
        posts=2,
        claims=1,
        evidence=1,
        verdicts={"evidenced": 1, "asserted": 1},
        evidence_rate=0.5,
        computed_verdicts={"evidenced": 1, "challenge": 1},
        computed_evidence_rate=1.0,
        overridden=1,
        challenges=0,
    )
    override = UserMark(
        post_id="p2",
        post_number=2,
        excerpt="x",
        verdict_override="asserted",
        computed_verdict="challenge",
        rating=4,
    )
    orphan = UserMark(post_id="gone", post_number=9, excerpt=HOSTILE, note="kept", bookmark=True)
    user = UserLayer(marks={"p2": override}, orphans=[orphan])
    return Scorecard(
        fingerprint="ab" * 32,
        source_path="/t/ünïcode.txt",
        title=None,
        posts=posts,
        authors=authors,
        totals=totals,
        user=user,
    )


def test_score_document_is_the_stored_one_and_what_json_dumps_wrote() -> None:
    card = handmade_card()
    written = b"".join(json_chunks(card, tallied=True))
    assert written == old_bytes(to_json(card, tallied=True))
    assert written == (STORED / "handmade_card.score.json").read_bytes()


def test_untallied_card_is_recounted_on_the_overrides() -> None:
    """Unless the caller says the tallies are the effective ones already, they are recounted
    (here the override moves post 2 from challenge to asserted), as `to_json` does."""
    card = handmade_card()
    recounted = b"".join(json_chunks(card))
    assert recounted == old_bytes(to_json(card))
    assert recounted == b"".join(json_chunks(with_effective_tallies(card), tallied=True))
    assert with_effective_tallies(card, tallied=True) is card


def test_score_thread_tallies_on_the_overrides() -> None:
    """The score command writes `score_thread(thread, marks)` without recounting: that card's
    tallies must be the recounted ones."""
    thread = handmade_thread()
    card = score_thread(thread)
    user = set_override(card.user, thread.posts[0], "challenge", card.posts[0].verdict)
    user = set_rating(user, thread.posts[1], 4)
    marked = score_thread(thread, user)
    assert marked.totals.overridden == 1
    assert b"".join(json_chunks(marked, tallied=True)) == old_bytes(
        to_json(card.model_copy(update={"user": user}))
    )


def cli_bytes(*args: str) -> bytes:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    with contextlib.redirect_stdout(out):
        assert main(list(args)) == 0
        out.flush()
    return raw.getvalue()


@pytest.mark.parametrize("path", [demo_path(), pytest.param(SEED, marks=needs_shared)])
def test_commands_write_what_json_dumps_wrote(path: Path) -> None:
    thread = load_thread(path)
    assert cli_bytes("parse", str(path), "--json") == old_bytes(thread.to_json())
    assert cli_bytes("score", str(path), "--json") == old_bytes(to_json(score_thread(thread)))


def test_score_json_to_a_file_is_the_same_document(tmp_path: Path) -> None:
    out = tmp_path / "card.json"
    assert main(["score", str(demo_path()), "--json", "-o", str(out)]) == 0
    assert out.read_bytes() == old_bytes(to_json(score_thread(load_thread(demo_path()))))


def test_write_chunks_to_a_text_stream_without_a_buffer() -> None:
    stream = io.StringIO()
    stream.write("before ")
    write_chunks(["é".encode(), b"!"], stream)
    assert stream.getvalue() == "before é!"


@needs_shared
@pytest.mark.parametrize(
    "name", ["html/08_discourse.html", "iac/9455.bare.txt", "iac/9455.marked.txt"]
)
def test_score_json_scored_as_written_is_the_whole_cards(name: str) -> None:
    """`score --json` scores each post as it writes it and counts the tallies after the last:
    the bytes of the whole card's document, on threads with known and unknown authors,
    challenges answered and not, and evidence of many types."""
    thread = load_thread(SEED.parent.parent / "datasets" / name)
    card = score_thread(thread)
    assert card.totals.challenges_answered
    assert b"".join(scored_json_chunks(thread)) == b"".join(json_chunks(card, tallied=True))


@pytest.mark.parametrize("batch", [1, 2, 3, 500])
def test_an_array_in_batches_is_its_items_one_by_one(batch: int) -> None:
    card = score_thread(load_thread(demo_path()))
    one_by_one = b"".join(items(card.authors, 1, lambda a: to_json_bytes(a, indent=1)))
    assert b"".join(array(card.authors, 1, batch)) == one_by_one
    assert b"".join(array(card.authors[:1], 2, batch)) == b"".join(
        items(card.authors[:1], 2, lambda a: to_json_bytes(a, indent=1))
    )
    assert b"".join(array([], 1, batch)) == b"[]"
