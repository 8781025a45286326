"""The open thread and its scorecard, and every question the widgets ask about them.

The app owns one `Document`; widgets never read the scorecard themselves. Edits return nothing
and replace `card` (the scorecard models are frozen), so the app can save after each one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from parsing.models import Post, Thread
from tui.filters import PostFacts
from tui.safe import one_line
from tui.widgets.post_list import Row
from tui.widgets.reading_pane import CueSpan, PostView

if TYPE_CHECKING:
    from scoring.models import PostScore, Scorecard, UserLayer, UserMark, Verdict

PREVIEW_CHARS = 200

QUOTERS = 8
"""The reading pane names this many quoting posts with their first words, then numbers."""


def empty_scorecard(thread: Thread) -> Scorecard:
    """A scorecard with no scores yet: it carries the user's marks until the scorer is done."""
    from scoring.models import Scorecard

    return Scorecard(
        fingerprint=thread.source.sha256, source_path=thread.source.path, title=thread.title
    )


def search_texts(thread: Thread) -> list[tuple[int, str]]:
    """What `/` searches: author and own words, then quoted words (a post's own text first)."""
    return [
        (p.number, "\n".join([p.author or "", p.body, *(q.text for q in p.quotes)]))
        for p in thread.posts
    ]


WEIGHED_LIMIT = 12
"""At most this many of an open post's sentences are explained (each costs a model pass)."""


def weighed(score: PostScore) -> list[tuple[str, str, list[str]]]:
    """For the sentences of `score` the learned model decided: its label, the sentence and the
    features that weighed most for it. Computed when a post is opened, never for all posts
    (the scorer has already imported the model by the time a score exists)."""
    from scoring.roles import explain

    decided = [s for s in score.sentences if s.weighed][:WEIGHED_LIMIT]
    return [(s.weighed[0], s.text, explain(s.text)) for s in decided]


class Document:
    """A thread, its scorecard (scores plus the user's marks) and derived lookups.

    `card` is None until the saved marks are read: the posts are shown before that.
    """

    def __init__(self, thread: Thread, card: Scorecard | None = None) -> None:
        self.thread = thread
        self.card: Scorecard | None = None
        self.quoted_by = thread.quoted_by()
        self._scores: dict[int, PostScore] = {}
        self._marks: dict[str, UserMark] = {}
        self._previews: dict[int, str] = {}
        self._authors = {p.number: one_line(p.author) for p in thread.posts}
        self.touched: set[str] = set()
        """Ids of the posts whose marks were edited this session (they win a merge)."""
        if card is not None:
            self.set_card(card)

    def set_card(self, card: Scorecard) -> None:
        """Take a new scorecard (marks read, scores done, or an edit)."""
        changed = self.card is None or card.posts is not self.card.posts
        if changed and (card.posts or self.card is not None):  # an empty card keeps early scores
            self._scores = {s.number: s for s in card.posts}
        self.card = card
        self._marks = card.user.marks

    def add_scores(self, scores: Iterable[PostScore]) -> None:
        """Verdicts for some posts before the full scorecard is in (posts on screen first)."""
        self._scores.update((s.number, s) for s in scores)

    # ----- lookups ----------------------------------------------------------------------------

    @property
    def numbers(self) -> list[int]:
        return [p.number for p in self.thread.posts]

    def has(self, number: int) -> bool:
        return 1 <= number <= len(self.thread.posts)

    def post(self, number: int) -> Post:
        return self.thread.post(number)

    def score(self, number: int) -> PostScore | None:
        return self._scores.get(number)

    def mark(self, number: int) -> UserMark | None:
        return self._marks.get(self.post(number).id)

    def verdict(self, number: int) -> str | None:
        """The user's override, else the scorer's verdict, else None (not scored)."""
        mark = self.mark(number)
        if mark is not None and mark.verdict_override is not None:
            return mark.verdict_override
        score = self._scores.get(number)
        return score.verdict if score else None

    def author(self, number: int) -> str:
        return self._authors.get(number, "")

    def authors(self) -> list[str]:
        """Distinct authors in order of first post ("" for posts with no author)."""
        return list(dict.fromkeys(self._authors.values()))

    def targets(self, number: int) -> list[int]:
        """Distinct posts that post `number` quotes, in reading order."""
        post = self.post(number)
        found = dict.fromkeys(
            q.target for q in post.quotes if q.target is not None and self.has(q.target)
        )
        return list(found)

    def bookmarks(self) -> list[int]:
        return sorted(m.post_number for m in self._marks.values() if m.bookmark)

    def preview(self, number: int) -> str:
        text = self._previews.get(number)
        if text is None:
            post = self.post(number)
            source = post.body or " ".join(q.text for q in post.quotes)
            text = self._previews[number] = one_line(source[:PREVIEW_CHARS]) or "(no text)"
        return text

    def label(self, number: int, width: int = 60) -> str:
        """ "#N · author · first words", one line, for choosers and the quoted-by list."""
        preview = self.preview(number)
        if len(preview) > width:
            preview = preview[: width - 1] + "…"
        return f"#{number} · {self.author(number) or '—'} · {preview}"

    def search_texts(self) -> list[tuple[int, str]]:
        return search_texts(self.thread)

    def facts(self) -> list[PostFacts]:
        marks = {m.post_number: m for m in self._marks.values()}
        return [
            PostFacts(
                number=p.number,
                author=self._authors[p.number],
                verdict=self.verdict(p.number),
                rating=marks[p.number].rating if p.number in marks else None,
                bookmarked=marks[p.number].bookmark if p.number in marks else False,
                noted=bool(marks[p.number].note) if p.number in marks else False,
            )
            for p in self.thread.posts
        ]

    def row(self, number: int) -> Row:
        mark = self.mark(number)
        post = self.post(number)
        return Row(
            number=number,
            author=self._authors[number] or "—",
            verdict=self.verdict(number),
            overridden=bool(mark and mark.verdict_override),
            rating=mark.rating if mark else None,
            bookmarked=bool(mark and mark.bookmark),
            preview=self.preview(number),
            targets=tuple(self.targets(number)),
            has_note=bool(mark and mark.note),
            date=post.date.isoformat() if post.date else "",
        )

    def view(self, number: int) -> PostView:
        post = self.post(number)
        score = self._scores.get(number)
        mark = self.mark(number)
        cues = [
            CueSpan(c.role, c.start, c.end, c.text, c.kind, c.evidence_type)
            for c in (score.cues if score else [])
        ]
        return PostView(
            post=post,
            verdict=self.verdict(number),
            scored_verdict=score.verdict if score else None,
            strength=score.strength if score else None,
            reason=score.reason if score else None,
            cues=cues,
            rating=mark.rating if mark else None,
            bookmarked=bool(mark and mark.bookmark),
            note=mark.note if mark else None,
            quoted_by=self.quoted_by.get(number, []),
            quoted_by_labels=[self.label(n) for n in self.quoted_by.get(number, [])[:QUOTERS]],
            quote_authors={
                q.target: self.post(q.target).author
                for q in post.quotes
                if q.target is not None and self.has(q.target)
            },
            weighed=weighed(score) if score else [],
        )

    # ----- edits ------------------------------------------------------------------------------

    def _set_layer(self, layer: UserLayer, number: int | None = None) -> None:
        assert self.card is not None, "edits wait until the marks are read"
        if number is not None:
            self.touched.add(self.post(number).id)
        self.set_card(self.card.model_copy(update={"user": layer}))

    def merge_saved(self, theirs: UserLayer) -> None:
        """Take the marks another reader saved: the later edit of each mark wins."""
        from tui.merge import merge_layers

        self._set_layer(merge_layers(self._layer, theirs))

    @property
    def _layer(self) -> UserLayer:
        assert self.card is not None, "edits wait until the marks are read"
        return self.card.user

    def rate(self, number: int, rating: int | None) -> None:
        from scoring.user_layer import set_rating

        self._set_layer(set_rating(self._layer, self.post(number), rating), number)

    def toggle_bookmark(self, number: int) -> bool:
        """Flip the bookmark; returns whether the post is now bookmarked."""
        from scoring.user_layer import toggle_bookmark

        self._set_layer(toggle_bookmark(self._layer, self.post(number)), number)
        mark = self.mark(number)
        return bool(mark and mark.bookmark)

    def set_note(self, number: int, text: str) -> None:
        from scoring.user_layer import set_note

        self._set_layer(set_note(self._layer, self.post(number), text), number)

    def set_override(self, number: int, verdict: Verdict | None) -> None:
        """Set the user's verdict; choosing the scorer's own verdict clears the override (an
        override equal to the verdict it replaces only adds a misleading `*`)."""
        from scoring.user_layer import set_override

        score = self._scores.get(number)
        computed = score.verdict if score else None
        if verdict is not None and verdict == computed:
            verdict = None
        self._set_layer(set_override(self._layer, self.post(number), verdict, computed), number)
