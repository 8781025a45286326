"""Shared helpers for the reader's tests: a small fixed thread and scorecard, app start-up, and a
host app for the scorecard screen alone.

The thread and scorecard are built here rather than parsed and scored, so the reader's tests and
snapshots do not change when the parser or the scorer improves. (No tests in this module.)
"""

from __future__ import annotations

import asyncio
import datetime as dt
import unicodedata
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.app import App
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.message_pump import MessagePump
from textual.pilot import Pilot

from parsing.models import Attachment, Part, Post, Quote, Source, Thread
from scoring.models import Cue, PostScore, Scorecard
from tui.app import ThreadscoreApp
from tui.contrast import ReadableColours
from tui.filters import ScorecardChoice
from tui.screens.scorecard import ScorecardScreen

FINGERPRINT = "f1" * 32
POLL = 0.005
"""Seconds between looks at the app while waiting for it (`until`, `settle`)."""


def _post(number: int, author: str | None, body: str, quotes: list[Quote] | None = None) -> Post:
    quotes = quotes or []
    parts = [Part(kind="quote", quote=i) for i in range(len(quotes))]
    parts.append(Part(kind="text", text=body))
    return Post(
        number=number,
        id=f"p{number}",
        author=author,
        date=dt.date(2026, 9, 12),
        body=body,
        quotes=quotes,
        parts=parts,
    )


def small_thread(path: str = "/tmp/threadscore-test/market-square.txt") -> Thread:
    """Six posts: quotes of one and of several posts, an attachment, a post with no author."""
    posts = [
        _post(
            1,
            "alice",
            "Car-free centres are good for business. According to the 2019 survey, "
            "41% of cars only pass through.",
        ),
        _post(
            2,
            "bob",
            "Source? I doubt that is true for a town like ours.",
            [Quote(target=1, author="alice", text="Car-free centres are good for business.")],
        ),
        _post(
            3,
            "carol",
            "Both of you should read the council report before arguing.",
            [
                Quote(target=1, author="alice", text="41% of cars only pass through."),
                Quote(target=2, author="bob", text="Source?", truncated=True),
            ],
        ),
        _post(
            4,
            "alice",
            "Here is the source: the council survey, table 4, counted 430 cars.",
            [Quote(target=2, author="bob", text="Source?")],
        ),
        _post(5, None, "lol the bridge queue is there every Saturday."),
        _post(6, "dave", "I just think it is a bad idea."),
    ]
    posts[3] = posts[3].model_copy(
        update={"attachments": [Attachment(name="survey-table-4.png", size="80 KB", views=12)]}
    )
    return Thread(
        title="Should the old town centre go car-free?",
        source=Source(path=path, format="text", sha256=FINGERPRINT),
        posts=posts,
    )


def long_thread() -> Thread:
    """The small thread with post 6 grown to a long post that quotes post 1 and ends with
    words found nowhere else."""
    thread = small_thread()
    body = " ".join(f"Filler sentence number {i} about the town." for i in range(60))
    body += " The zebra crossing by the bakery is the real problem."
    quote = Quote(target=1, author="alice", text="Car-free centres are good for business.")
    long_post = thread.posts[5].model_copy(
        update={
            "body": body,
            "quotes": [quote],
            "parts": [Part(kind="quote", quote=0), Part(kind="text", text=body)],
        }
    )
    return thread.model_copy(update={"posts": [*thread.posts[:5], long_post]})


VERDICTS = ["evidenced", "challenge", "asserted", "evidenced", "non-argument", "asserted"]


def fixed_scorer(thread: Thread) -> Scorecard:
    """A scorecard that never changes, whatever the real scorer does."""
    scores = []
    for post, verdict in zip(thread.posts, VERDICTS, strict=False):
        cues = []
        if post.number == 1 and "According to" in post.body:
            start = post.body.index("According to")
            cues = [
                Cue(kind="stance", role="claim", start=0, end=38, text=post.body[:38]),
                Cue(
                    kind="according-to",
                    role="evidence",
                    start=start,
                    end=start + 12,
                    text="According to",
                    evidence_type="source",
                ),
            ]
        scores.append(
            PostScore(
                number=post.number,
                post_id=post.id,
                author=post.author,
                verdict=verdict,  # type: ignore[arg-type]
                strength=0.5,
                claims=1,
                evidence=1 if verdict == "evidenced" else 0,
                cues=cues,
                reason=f"fixed verdict for post {post.number}",
            )
        )
    return Scorecard(
        fingerprint=thread.source.sha256,
        source_path=thread.source.path,
        title=thread.title,
        posts=scores,
    )


def make_app(home: Path, thread: Thread | None = None) -> ThreadscoreApp:
    """The reader on the fixed thread and scorecard, keeping its state under `home`."""
    return ThreadscoreApp(thread=thread or small_thread(), home=home, scorer=fixed_scorer)


async def ready(pilot: Pilot[None]) -> ThreadscoreApp:
    """Wait until the thread is read and scored and the first post is on screen."""
    app = pilot.app
    assert isinstance(app, ThreadscoreApp)
    await wait_loaded(app)
    await pilot.pause()
    assert app.reader.doc is not None and app.reader.scored
    return app


async def wait_loaded(app: ThreadscoreApp, timeout: float = 30.0) -> None:
    """Until the loader thread is done (scored, failed, or the thread could not be read);
    `timeout` bounds a hang (a deadline, not a count of polls)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not app.reader.loading_done:
        if loop.time() > deadline:
            raise AssertionError("the reader did not finish loading")
        await asyncio.sleep(0.01)


async def keys_at_once(pilot: Pilot[None], *keys: str, chars: dict[str, str] | None = None) -> None:
    """Queue `keys` as one terminal read delivers them (all on the app's queue before the first
    is handled, which `pilot.press` never does), and return once they are all queued.

    The driver's own path (`Driver.send_message`), with its futures kept: `pilot.pause()` right
    after `send_message` marks the queues before the keys are even on them."""
    await events_at_once(
        pilot,
        *(events.Key(key, (chars or {}).get(key, key if len(key) == 1 else None)) for key in keys),
    )


def key_event(key: str) -> events.Key:
    """The event the terminal sends for `key`, named as `pilot.press` names keys ("j", "/",
    "enter", "apostrophe"), with the character it types."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        )
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def press(pilot: Pilot[None], *keys: str, loading: bool = False) -> None:
    """Press `keys` one at a time, each handled in full (`settle`) before the next is sent, and
    return once the last is. `pilot.press` guesses that a key is done when the process stops
    using CPU, which a process a loaded machine has descheduled also does: the next key or the
    caller's assertion then came before the key had acted. `loading`: keys typed while the
    thread loads, which wait for the keys' own messages, not for the loader. Between keys the
    reading pane is not waited for (it follows the cursor 60 ms after a move, as it does for a
    user moving on); after the last it is."""
    for i, key in enumerate(keys, 1):
        await events_at_once(pilot, key_event(key))
        await settle(pilot, workers=not loading, pane=i == len(keys))


async def events_at_once(pilot: Pilot[None], *sent: events.Event) -> None:
    """Queue driver events (keys, pastes) as `keys_at_once` queues keys: all on the app's
    queue, in order, before the first is handled."""
    app = pilot.app
    loop = asyncio.get_running_loop()
    queued = []
    for event in sent:
        event.set_sender(app)
        queued.append(asyncio.run_coroutine_threadsafe(app._post_message(event), loop))
    await asyncio.gather(*(asyncio.wrap_future(future) for future in queued))


def waiting(node: MessagePump) -> bool:
    """`node` has nothing queued and is not in the middle of handling a message: its task,
    if started, is parked on the empty queue."""
    queue = node._message_queue
    if not queue.empty() or node._pending_message is not None:
        return False
    task = node._task
    return task is None or task.done() or bool(queue.ready_event._waiters)


def quiet(app: App[object], workers: bool = True, pane: bool = True) -> bool:
    """Nothing left to do: every message pump `waiting` (a key bubbles through several on its
    way to a binding), no callback waits for a refresh, the reading pane shows the post under
    the cursor, no animation or worker runs. An app told to exit is done (its timers, the
    pane's among them, are stopped)."""
    if app._exit:
        return True
    nodes: list[MessagePump] = [app]
    for screen in app.screen_stack:
        nodes.extend(screen.walk_children(with_self=True))
    if not all(waiting(node) for node in nodes):
        return False
    if any(screen._callbacks for screen in app.screen_stack):
        return False
    if pane and any(getattr(screen, "pane_due", False) for screen in app.screen_stack):
        return False  # the reading pane follows the cursor after a pause (a timer)
    animator = app.animator
    if animator._animations or animator._scheduled:
        return False  # a scroll by page glides to its place
    return not workers or not any(worker.is_running for worker in app.workers)


async def settle(
    pilot: Pilot[None], timeout: float = 30.0, workers: bool = True, pane: bool = True
) -> None:
    """Until the app is `quiet` twice in a row. A loaded machine only makes this take longer:
    it waits on the app's queues, not on the clock (`pilot.pause()` alone guesses idleness
    from CPU time, which a descheduled process does not use). `workers=False`: whatever
    workers (the loader) are still at work; `pane=False`: whether or not the reading pane has
    caught up with the cursor."""
    for _ in range(2):
        await until(
            pilot,
            lambda: quiet(pilot.app, workers, pane),
            "the app to finish handling its messages",
            timeout,
        )
        await pilot.pause(POLL)


async def until(
    pilot: Pilot[None], condition: Callable[[], object], what: str, timeout: float = 30.0
) -> None:
    """Pause until `condition()` holds; fail naming `what` after `timeout` seconds (a bound
    on a hang, not a speed target). Polled every `POLL` seconds: `pilot.pause()` would wait
    for the process to idle (20 ms at the least) each time."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(POLL)


NOT_SET = "not dismissed"


class ScorecardApp(ReadableColours, App[None]):
    """The smallest host: push the screen, remember what it dismissed with (and the readable
    colours its styles use, as the reader's App has them)."""

    def __init__(self, thread: Thread, scorecard: Scorecard) -> None:
        super().__init__()
        self.thread = thread
        self.scorecard = scorecard
        self.result: ScorecardChoice | str | None = NOT_SET

    def on_mount(self) -> None:
        self.push_screen(ScorecardScreen(self.thread, self.scorecard), callback=self._dismissed)

    def _dismissed(self, result: ScorecardChoice | None) -> None:
        self.result = result
