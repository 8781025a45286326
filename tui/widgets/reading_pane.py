"""The reading pane: one post, its quotes as framed blocks, highlighted claims and evidence.

Every piece of forum text enters as `Content(text)` (never markup) after `safe.clean`, so a post
holding "[@click=app.quit]" shows those brackets and clicking them does nothing.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.widget import Widget
from textual.widgets import Static

from parsing.models import Post, Quote
from tui.safe import clean, one_line
from tui.verdicts import look
from tui.wording import MODEL_LABELS, model_feature

ROLE_STYLES = {
    "claim": "underline $cue-claim",
    "evidence": "bold $cue-evidence",
    "challenge": "italic $mark-warning",
    "hedge": "dim italic",
    "reason": "italic $cue-reason",
}
"""How each cue role is marked in the post text; the legend shows the same styles. The cue
colours are the theme's, made readable on its background (tui.contrast, via the App)."""

ROLE_LABELS = {
    "claim": "claim",
    "evidence": "evidence",
    "challenge": "challenge",
    "hedge": "hedge",
    "reason": "reason",
}


@dataclass(frozen=True)
class CueSpan:
    """A span of the post body that the scorer marked, with the role that decided it."""

    role: str
    start: int
    end: int
    text: str
    kind: str = ""
    evidence_type: str | None = None


@dataclass
class PostView:
    """Everything the pane shows for one post; the app assembles it from thread and scorecard."""

    post: Post
    verdict: str | None = None
    scored_verdict: str | None = None
    strength: float | None = None
    reason: str | None = None
    cues: list[CueSpan] = field(default_factory=list)
    rating: int | None = None
    bookmarked: bool = False
    note: str | None = None
    quoted_by: list[int] = field(default_factory=list)
    quoted_by_labels: list[str] = field(default_factory=list)
    """One line per quoting post ("#7 · bob · first words"), for the first few of them."""
    quote_authors: dict[int, str | None] = field(default_factory=dict)
    weighed: list[tuple[str, str, list[str]]] = field(default_factory=list)
    """Sentences the learned model decided: (its label, the sentence, the n-grams and signals
    that weighed most for that label), for the open post only (`scoring.roles.explain`)."""


SEARCH_STYLE = "reverse $mark-warning"
"""How the words of the current search are marked in the post and its quotes."""

PASSAGE_STYLE = "on $accent 30%"
"""How the passage a followed quote repeats is marked in the post it was followed to."""

Marks = Sequence[tuple[re.Pattern[str], str]]
"""Patterns to mark in the text, each with its style."""


CUE_LINES = 12
"""Cue lines under "Why this verdict" (one per role and wording; the rest are counted)."""


def repeated_cues(cues: Sequence[CueSpan]) -> list[tuple[tuple[str, str, str | None], int]]:
    """The cues once per (role, wording, evidence type), in order of first place, each with
    how often it comes: "claim “would”" three times over was three lines that said nothing
    more (the places themselves are marked in the post)."""
    seen: dict[tuple[str, str, str | None], tuple[str, int]] = {}
    for cue in cues:
        key = (cue.role, one_line(cue.text).casefold(), cue.evidence_type)
        text, times = seen.get(key, (cue.text, 0))
        seen[key] = (text, times + 1)
    return [((role, text, kind), times) for (role, _, kind), (text, times) in seen.items()]


WEIGHED_SENTENCES = 6
"""Sentences listed under "What weighed most for the model" (the first ones of the post)."""

LONG_LINK = 24
"""A web address this long or longer is drawn on a line of its own (see `link_lines`)."""


def link_lines(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is a long address) pieces of `text`: the text between long addresses
    (trimmed of the spaces around them), and each long address alone."""
    from tui.links import find_links

    pieces: list[tuple[int, int, bool]] = []
    at = 0
    for link in find_links(text):
        if len(link.text) < LONG_LINK:
            continue
        before = text[at : link.start]
        if before.strip():
            start = at + len(before) - len(before.lstrip())
            pieces.append((start, at + len(before.rstrip()), False))
        pieces.append((link.start, link.end, True))
        at = link.end
    rest = text[at:]
    if rest.strip() or not pieces:
        start = at + len(rest) - len(rest.lstrip()) if pieces else at
        pieces.append((start, at + len(rest.rstrip()) if pieces else len(text), False))
    return pieces


def highlighted(text: str, offset: int, cues: list[CueSpan], marks: Marks = ()) -> Content:
    """`text` (found at `offset` in the body) as Content with the cue spans that fall inside it,
    and the places `marks` match."""
    content = Content(clean(text))
    if len(content.plain) == len(text):
        end = offset + len(text)
        for cue in cues:
            start, stop = max(cue.start, offset), min(cue.end, end)
            if start < stop and cue.role in ROLE_STYLES:
                content = content.stylize(ROLE_STYLES[cue.role], start - offset, stop - offset)
    return marked(content, marks)


MAX_MARKS = 2000
"""At most this many places are marked per pattern and piece of text (a one-letter search in a
long post would otherwise mark tens of thousands)."""


def marked(content: Content, marks: Marks) -> Content:
    """`content` with the matches of each pattern in `marks` styled, added in one go (one
    `stylize` per match copies the spans each time: seconds for a one-letter search)."""
    spans = [
        Span(match.start(), match.end(), style)
        for pattern, style in marks
        for match in islice(pattern.finditer(content.plain), MAX_MARKS)
        if match.end() > match.start()
    ]
    return content.add_spans(spans) if spans else content


def quote_label(quote: Quote, authors: dict[int, str | None]) -> Content:
    """The frame title of a quote: which post it repeats, or where it came from."""
    if quote.target is not None:
        who = quote.author or authors.get(quote.target)
        label = f"↩ #{quote.target}" + (f" · {one_line(who)}" if who else "")
    elif quote.author:
        label = f"↩ {one_line(quote.author)} (not in this thread)"
    else:
        label = "↩ outside source"
    if quote.truncated:
        label += " · cut short"
    return Content(label)


class QuoteBlock(Vertical):
    """A framed quote; clicking its title folds it away (the `c` key folds them all)."""

    def __init__(
        self,
        quote: Quote,
        authors: dict[int, str | None],
        *,
        collapsed: bool,
        marks: Marks = (),
    ) -> None:
        super().__init__(classes="quote")
        self.quote = quote
        self._authors = authors
        self._marks = marks
        self.set_class(collapsed, "-collapsed")

    def compose(self) -> ComposeResult:
        yield Static(self._title(), classes="quote-title")
        with Vertical(classes="quote-body"):
            for nested in self.quote.nested:
                yield QuoteBlock(nested, self._authors, collapsed=False, marks=self._marks)
            text = Content(clean(self.quote.text))
            yield Static(marked(text, self._marks), classes="quote-text searchable")

    def _title(self) -> Content:
        symbol = "▶ " if self.has_class("-collapsed") else "▼ "
        return Content(symbol).append(quote_label(self.quote, self._authors))

    @property
    def collapsed(self) -> bool:
        return self.has_class("-collapsed")

    def set_collapsed(self, collapsed: bool) -> None:
        self.set_class(collapsed, "-collapsed")
        self.query_one(".quote-title", Static).update(self._title())

    def on_click(self, event: events.Click) -> None:
        if event.widget is not None and event.widget.has_class("quote-title"):
            event.stop()
            self.set_collapsed(not self.collapsed)


class ReadingPane(VerticalScroll, can_focus=True):
    """Scrolls one post; its keys scroll, the screen's keys act on the post."""

    BINDING_GROUP_TITLE = "Reading pane"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="pane.down"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="pane.up"),
        Binding(
            "space,pagedown",
            "page_down",
            "Page down (at the end: next post)",
            show=False,
            id="pane.page_down",
        ),
        Binding("pageup,b", "page_up", "Page up", show=False, id="pane.page_up"),
        Binding("g,home", "scroll_home", "Top of post", show=False, id="pane.top"),
        Binding("G,end", "scroll_end", "End of post", show=False, id="pane.end"),
        Binding("escape", "screen.focus_list", "Back to list", show=False, id="pane.to_list"),
    ]

    def __init__(self, *, read_on: Callable[[], None] | None = None, id: str | None = None) -> None:
        """`read_on` is called when the reader pages down at the end of the post: like a
        newsreader's pager, the next page is the next post."""
        super().__init__(id=id)
        self._read_on = read_on
        self.view: PostView | None = None
        self.highlight = True
        self.collapse_quotes = False
        self._showing = asyncio.Lock()
        self.opening = False
        """A post is on its way (enter was pressed): `G` now means the end of that post."""
        self._then_end = False
        self.search: re.Pattern[str] | None = None
        """The current search, marked wherever it stands in the post."""
        self.seek_match = False
        """The next post shown was reached by a search: scroll to its first match."""
        self.passage: tuple[int, re.Pattern[str]] | None = None
        """Post number and where in it stands the passage the followed quote repeats."""
        self._passages: tuple[int, list[re.Pattern[str]]] | None = None
        self._seek_passage = False
        self.scroll_on_show: float | None = None
        """Where to scroll the next post shown (going back to it): where it was left."""
        self.waiting_for = ""

    def compose(self) -> ComposeResult:
        if self.view is not None:  # set before mounting: the first frame shows the post
            yield from self._build(self.view)
        else:
            yield Static(Content(self.waiting_for or "No post open."), classes="placeholder")

    def waiting(self, text: str) -> None:
        """What the pane says while there is no post to show yet (the thread being read)."""
        self.waiting_for = text
        for placeholder in self.query(".placeholder").results(Static):
            placeholder.update(Content(text))

    async def show(self, view: PostView, *, keep_scroll: bool = False) -> None:
        """Replace the pane's contents with `view` (a post, or the same post after a change)."""
        # One at a time: two overlapping calls (a move, then enter, then the scores arriving)
        # would both clear and then both mount, showing the post's parts twice.
        async with self._showing:
            same_post = self.view is not None and self.view.post.number == view.post.number
            self.view = view
            self._find_passage(view)
            y = self.scroll_y
            with self.app.batch_update():
                await self.remove_children()
                await self.mount_all(self._build(view))
            if self._then_end:
                self._then_end = False
                self._to_end()
            elif keep_scroll and same_post:
                self.scroll_to(y=y, animate=False, immediate=True)
            elif self.scroll_on_show:
                self.scroll_home(animate=False, immediate=True)
                self.call_after_refresh(self.scroll_to, y=self.scroll_on_show, animate=False)
            else:
                self.scroll_home(animate=False, immediate=True)
            self.scroll_on_show = None
            followed = self._passages[0] if self._passages is not None else None
            if self._seek_passage and view.post.number == followed:
                self._seek_passage = False
                if self.passage is not None:
                    self.call_after_refresh(self.scroll_to_match, self.passage[1])
            elif self.seek_match:
                self.seek_match = False
                self.call_after_refresh(self.scroll_to_match)

    def follow_passage(self, number: int, patterns: list[re.Pattern[str]]) -> None:
        """Post `number`, shown next, is where a followed quote came from: mark the passage
        it repeats (`patterns`, best guess first, see `tui.search.passage_patterns`) and
        scroll to it."""
        self._passages = (number, patterns)
        self._seek_passage = True

    def _find_passage(self, view: PostView) -> None:
        """Which of the followed quote's patterns matches in `view`, if it is that post."""
        if self._passages is None or self._passages[0] != view.post.number:
            self.passage = None
            if not self._seek_passage:  # not still on its way to the followed post
                self._passages = None
            return
        if self.passage is not None and self.passage[0] == view.post.number:
            return
        post = view.post
        texts = [post.body, *(q.text for q in post.quotes)]
        number, patterns = self._passages
        found = next((p for p in patterns if any(p.search(t) for t in texts)), None)
        self.passage = (number, found) if found is not None else None

    def scroll_to_match(self, pattern: re.Pattern[str] | None = None) -> None:
        """Bring the first place `pattern` (the search) matches into view, with a line of
        context above it; the post stays where it is when the place is already on screen or
        nowhere to be seen."""
        pattern = pattern or self.search
        if pattern is None:
            return
        for widget in self.query(".searchable").results(Static):
            block = next((a for a in widget.ancestors if isinstance(a, QuoteBlock)), None)
            if block is not None and block.collapsed:
                continue
            plain = str(widget.render())
            match = pattern.search(plain)
            if match is None:
                continue
            width = max(1, widget.content_region.width)
            line = max(0, len(Content(plain[: match.start()]).wrap(width)) - 1)
            y = self._content_y(widget) + line
            if not self.scroll_y <= y < self.scroll_y + self.scrollable_content_region.height:
                self.scroll_to(y=max(0, y - 1), animate=False, immediate=True)
            return

    def _content_y(self, widget: Widget) -> int:
        """Where `widget`'s first line of text is, in the pane's scrollable coordinates."""
        y = widget.styles.gutter.top
        node: Widget = widget
        while node is not self and isinstance(node.parent, Widget):
            y += node.virtual_region.y
            node = node.parent
            if node is not self:
                y += node.styles.margin.top + node.styles.border.spacing.top
        return y

    def action_scroll_end(self) -> None:
        """To the end of the post; pressed while a post is being opened, to the end of that one
        once it is in (it would otherwise scroll the old post, or stop short of the new end)."""
        if self.opening or self._showing.locked():
            self._then_end = True
        else:
            self._to_end()

    def action_page_down(self) -> None:
        """A page down; at the end of the post, the next post."""
        if self._read_on is not None and self.scroll_y >= self.max_scroll_y and not self.opening:
            self._read_on()
        else:
            super().action_page_down()

    def _to_end(self) -> None:
        self.scroll_end(animate=False, immediate=True)
        self.call_after_refresh(self.scroll_end, animate=False, immediate=True)

    async def redraw(self) -> None:
        """Draw the same post again (highlighting or folding changed), keeping the scroll."""
        if self.view is not None:
            await self.show(self.view, keep_scroll=True)

    def fold_quotes(self, collapsed: bool) -> None:
        self.collapse_quotes = collapsed
        for block in self.query(QuoteBlock):
            if block.parent is not None and not isinstance(block.parent.parent, QuoteBlock):
                block.set_collapsed(collapsed)

    def _marks(self, view: PostView) -> list[tuple[re.Pattern[str], str]]:
        marks = [(self.search, SEARCH_STYLE)] if self.search is not None else []
        if self.passage is not None and self.passage[0] == view.post.number:
            marks.append((self.passage[1], PASSAGE_STYLE))
        return marks

    def _build(self, view: PostView) -> list[Static | Vertical]:
        post = view.post
        marks = self._marks(view)
        widgets: list[Static | Vertical] = [Static(self._header(view), classes="post-header")]
        if view.note:
            widgets.append(Static(Content("✎ ").append(Content(clean(view.note))), classes="note"))
        cursor = 0
        for part in post.reading_parts():
            if part.kind == "quote" and part.quote is not None and part.quote < len(post.quotes):
                quote = post.quotes[part.quote]
                widgets.append(
                    QuoteBlock(
                        quote,
                        view.quote_authors,
                        collapsed=self.collapse_quotes,
                        marks=marks,
                    )
                )
            elif part.text.strip():
                offset = post.body.find(part.text, cursor)
                if offset >= 0:
                    cursor = offset + len(part.text)
                cues = view.cues if self.highlight and offset >= 0 else []
                widgets.extend(self._text(part.text, offset, cues, marks))
        if view.cues or view.reason or view.weighed:
            widgets.append(Static(self._why(view), classes="why"))
        if post.attachments:
            widgets.append(Static(self._attachments(post), classes="attachments"))
        if post.signature:
            widgets.append(Static(Content(clean(post.signature)), classes="signature"))
        widgets.append(Static(self._quoted_by(view), classes="quoted-by"))
        return widgets

    @staticmethod
    def _text(text: str, offset: int, cues: list[CueSpan], marks: Marks) -> list[Static]:
        """A run of the post's own words; a long web address gets a line of its own that is
        never wrapped (cut with "…" at the pane's edge: `L` lists it whole), as folding it
        across lines would hand a reader who copies it a broken address."""
        pieces = link_lines(text)
        statics = []
        for index, (start, end, link) in enumerate(pieces):
            piece = highlighted(text[start:end], offset + start if offset >= 0 else -1, cues, marks)
            classes = "post-text searchable"
            if link:
                classes += " link-line"
            if index + 1 < len(pieces):
                classes += " joined"  # no blank line inside a paragraph
            statics.append(Static(piece, classes=classes))
        return statics

    def _header(self, view: PostView) -> Content:
        post = view.post
        bits = [f"#{post.number}", one_line(post.author) or "—"]
        if post.author_title:
            bits.append(one_line(post.author_title))
        if post.date:
            bits.append(post.date.isoformat())
        first = Content(" · ".join(bits)).stylize("bold")
        second = Content("")
        if view.verdict:
            seen = look(view.verdict)
            label = seen.label or view.verdict
            second = Content(f" {label} ").stylize(f"reverse {seen.colour}")
            if view.scored_verdict and view.scored_verdict != view.verdict:
                scored = look(view.scored_verdict).label or view.scored_verdict
                second = second.append(Content(f" your verdict (scored: {scored})").stylize("dim"))
            elif view.strength is not None:
                second = second.append(Content(f" strength {view.strength:.2f}").stylize("dim"))
        stars = "★" * (view.rating or 0) + "☆" * (5 - (view.rating or 0))
        extras = [f"  {stars}" if view.rating else "  unrated"]
        if view.bookmarked:
            extras.append("⚑ bookmarked")
        second = second.append(Content("  ".join(extras)).stylize("$text-muted"))
        return Content("\n").join([first, second])

    def _why(self, view: PostView) -> Content:
        lines = [Content("Why this verdict").stylize("bold")]
        if view.reason:
            lines.append(Content(one_line(view.reason)))
        cues = repeated_cues(view.cues)
        for (role_name, text, evidence_type), times in cues[:CUE_LINES]:
            role = Content(f"  {ROLE_LABELS.get(role_name, role_name):<9} ").stylize(
                ROLE_STYLES.get(role_name, "")
            )
            detail = one_line(text)
            if len(detail) > 70:
                detail = detail[:69] + "…"
            extra = f" ({one_line(evidence_type)})" if evidence_type else ""
            extra += f" ×{times}" if times > 1 else ""
            lines.append(role.append(Content(f"“{detail}”{extra}")))
        if len(cues) > CUE_LINES:
            lines.append(Content(f"  … and {len(cues) - CUE_LINES} more").stylize("dim"))
        lines.extend(self._weighed(view.weighed))
        if self.highlight:
            legend = Content("Legend: ").stylize("dim")
            for role, style in ROLE_STYLES.items():
                legend = legend.append(Content(ROLE_LABELS[role]).stylize(style)).append(" ")
            lines.append(legend)
        return Content("\n").join(lines)

    @staticmethod
    def _weighed(weighed: list[tuple[str, str, list[str]]]) -> list[Content]:
        """What weighed most in the model's reading of each sentence it decided: forum words
        and model features as plain text, one line per sentence."""
        if not weighed:
            return []
        lines = [Content("What weighed most for the model").stylize("dim")]
        for label, text, grams in weighed[:WEIGHED_SENTENCES]:
            detail = one_line(text)
            if len(detail) > 40:
                detail = detail[:39] + "…"
            words = ", ".join(one_line(model_feature(g)) for g in grams) or "nothing stood out"
            head = Content(f"  {MODEL_LABELS.get(label, one_line(label)):<9} ").stylize("dim")
            lines.append(head.append(Content(f"“{detail}”: {words}")))
        if len(weighed) > WEIGHED_SENTENCES:
            more = len(weighed) - WEIGHED_SENTENCES
            lines.append(Content(f"  … and {more} more sentences").stylize("dim"))
        return lines

    @staticmethod
    def _attachments(post: Post) -> Content:
        lines = [Content("Attachments").stylize("bold")]
        for attachment in post.attachments:
            extra = [x for x in (attachment.size,) if x]
            if attachment.views is not None:
                extra.append(f"{attachment.views} views")
            tail = f" ({', '.join(one_line(x) for x in extra)})" if extra else ""
            lines.append(Content(f"  • {one_line(attachment.name)}{tail}"))
        return Content("\n").join(lines)

    @staticmethod
    def _quoted_by(view: PostView) -> Content:
        if not view.quoted_by:
            return Content("No later post quotes this one.").stylize("dim")
        count = len(view.quoted_by)
        lines = [Content(f"Quoted by {count} post{'s' if count > 1 else ''}").stylize("bold")]
        lines += [Content(f"  ↪ {label}") for label in view.quoted_by_labels]
        if count > len(view.quoted_by_labels):
            rest = " ".join(f"#{n}" for n in view.quoted_by[len(view.quoted_by_labels) : 40])
            more = " …" if count > 40 else ""
            lines.append(Content(f"  and {rest}{more}").stylize("dim"))
        return Content("\n").join(lines)
