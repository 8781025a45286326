"""Find which earlier line a quote repeats, without comparing every pair of posts.

Every line of a post's own words is indexed under a few keys per sentence: the whole sentence,
its first words and its last words. A quote is usually whole sentences, or a sentence cut short
at one end ("...the picture of Putin instead of the relevant head..."), so one of its keys hits
the line it came from. The few candidate lines found that way are then confirmed: a plain
substring test first (most quotes are pasted verbatim), rapidfuzz for edited ones. Cost grows
with the length of the text, not with the number of post pairs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from parsing.normalize import clauses, split_sentences, strip_ellipses, words

AFFIX_WORDS = 5
"""Words in a sentence's prefix and suffix keys: specific, yet short enough to survive a cut."""

MIN_QUOTE_WORDS = 3
MIN_QUOTE_CHARS = 12
"""Shorter lines ("Yes.", "lol") repeat by chance far more often than by quoting."""

_CUT_MARKS = ("..", "\u2026")
"""How a line cut short starts or ends (see `strip_ellipses`)."""

_HEAD = ("^",)
_TAIL = ("$",)

MIN_SCORE = 0.88
MIN_SCORE_SHORT = 0.97
SHORT_CHARS = 40
ALIGN_CUTOFF = 75
"""rapidfuzz stops aligning a pair once it cannot reach this score (0-100); every use of a score
needs 75 or more (`MIN_SCORE`, the author match of the text reader), so lower ones read as 0."""
MAX_CANDIDATES = 6
MAX_FUZZY_CHARS = 1000
MAX_FUZZY_SOURCE = 30000
"""Longer texts are compared by their sentence keys instead of character by character: the
character alignment of a line with one of like length grows with the cube of its length
(2,900 characters: 0.38 s a pair, 1,000: 0.02 s), so a page of long lines that share
sentences could take minutes."""
ALIGN_WORK_START = 10**10
ALIGN_WORK_PER_CHAR = 100_000
"""Alignment work allowed at the start (ten pairs of 1,000-character lines, about 0.2 s) and
per character of text looked up since, a pair costing the cube of the line's length (683
characters: 3.2e8). Our 131 text threads always keep more than the starting allowance in
hand. Past it, lines are compared by their sentence keys, so a page of long lines that all
share sentences with earlier ones (each a candidate of six others, none repeating one
verbatim) still parses in time linear in its size: 1 MB in 2 s instead of minutes."""
MAX_JOINED = 2
"""How many lines before and after a candidate a rewrapped quote may join to it: a mail client
rewraps what it quotes, so one quoted line can hold two or three wrapped lines of its source."""


@dataclass(frozen=True, slots=True)
class Match:
    """The indexed line a quote repeats, how closely (0..1), and where in that line."""

    line: int
    score: float
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Probe:
    """A line prepared for the index: its words without cut marks, and its keys."""

    norm: str
    cut: str
    truncated: bool
    n_words: int
    keys: tuple[int, ...]

    @property
    def quotable(self) -> bool:
        """Long enough that repeating it is a quote rather than chance."""
        return len(self.cut) >= MIN_QUOTE_CHARS and self.n_words >= MIN_QUOTE_WORDS


def probe(norm: str) -> Probe:
    """Prepare a normalised line once, for both looking it up and indexing it.

    It runs on every line of a thread, so the usual case (no "..." at either end) skips
    `strip_ellipses` and the loop keeps its lookups local.
    """
    cut = norm.strip()
    if cut.startswith(_CUT_MARKS) or cut.endswith(_CUT_MARKS):
        cut, truncated = strip_ellipses(cut)
    else:
        truncated = False
    keys: list[int] = []
    add = keys.append
    n_words = 0
    for sentence in split_sentences(cut):
        if not sentence:
            continue
        toks = tuple(sentence.split())
        n = len(toks)
        n_words += n
        if n < MIN_QUOTE_WORDS:
            # "We're two-for-two." is two tokens but a sentence worth finding when quoted
            if len(sentence) >= MIN_QUOTE_CHARS:
                add(hash(toks))
            continue
        add(hash(toks))
        if n >= AFFIX_WORDS:
            add(hash(_HEAD + toks[:AFFIX_WORDS]))
            add(hash(_TAIL + toks[-AFFIX_WORDS:]))
        if n >= 2 * AFFIX_WORDS and ("," in sentence or ";" in sentence or " -" in sentence):
            # a quote cut at both ends inside a long sentence usually keeps a clause whole
            parts = [tuple(part.split()) for part in clauses(sentence)]
            for k, part in enumerate(parts):
                if len(part) >= AFFIX_WORDS:
                    if k:
                        add(hash(_HEAD + part[:AFFIX_WORDS]))
                    if k < len(parts) - 1:
                        add(hash(_TAIL + part[-AFFIX_WORDS:]))
    if n_words < MIN_QUOTE_WORDS and len(cut) >= MIN_QUOTE_CHARS:
        n_words = 0 if _bare_link(cut) else len(words(cut))  # count a short line's words
    return Probe(norm, cut, truncated, n_words, tuple(keys))


def _bare_link(cut: str) -> bool:
    """A link alone, behind a bullet at most ("o http://disq.us/p/1ry", the share link under
    every comment): its address is many words to `words` but says nothing when repeated."""
    toks = cut.split()
    return any("://" in t or t.startswith("www.") for t in toks) and all(
        len(t) <= 1 or "://" in t or t.startswith("www.") for t in toks
    )


class QuoteIndex:
    """Earlier lines of own words, by sentence keys; the first line to use a key keeps it.

    The first line is the original: later copies of the same words are quotes of it.
    """

    def __init__(self) -> None:
        self._keys: dict[int, int] = {}
        self._texts: dict[int, str] = {}
        self.aligned = 0
        """Character alignments run so far: the work bound a test can count."""
        self._allowance = ALIGN_WORK_START
        """Alignment work still allowed (see `ALIGN_WORK_PER_CHAR`)."""

    def __contains__(self, line: int) -> bool:
        return line in self._texts

    def add(self, line: int, found: Probe) -> None:
        """Index one line under its sentence keys."""
        if not found.cut:
            return
        self._texts[line] = found.cut
        for key in found.keys:
            self._keys.setdefault(key, line)

    def discard(self, line: int) -> None:
        """Forget a line indexed by mistake (it turned out to be part of a quote)."""
        text = self._texts.pop(line, None)
        if text is None:
            return
        for key in probe(text).keys:
            if self._keys.get(key) == line:
                del self._keys[key]

    def candidates(self, found: Probe) -> list[int]:
        """Indexed lines sharing a sentence key with this line, most shared keys first."""
        hits = [line for line in map(self._keys.get, found.keys) if line is not None]
        if not hits:
            return hits
        if len(set(hits)) <= 1:
            return hits[:1]
        return [line for line, _ in Counter(hits).most_common(MAX_CANDIDATES)]

    def align(self, cut: str, line: int, cutoff: float = ALIGN_CUTOFF) -> Match:
        """Where in an indexed line `cut` is repeated, and how closely (score 0 if nowhere or
        below `cutoff`, 0-100: rapidfuzz gives up on a pair sooner the higher it is, and the
        alignment it finds at or above it is the same whatever the cutoff)."""
        source = self._texts.get(line)
        if not source or len(cut) > 1.15 * len(source) + 5:
            return Match(line, 0.0)
        pos = source.find(cut)
        if pos >= 0:
            return Match(line, 1.0, pos, pos + len(cut))
        work = len(cut) ** 3
        if len(cut) > MAX_FUZZY_CHARS or len(source) > MAX_FUZZY_SOURCE or work > self._allowance:
            return self._align_by_keys(cut, line, len(source))
        self.aligned += 1
        self._allowance -= work
        from rapidfuzz import fuzz  # here, not at the top: ~10 ms of every start, and most
        # threads (the seed, the demo) repeat every quote verbatim and never get here

        found = fuzz.partial_ratio_alignment(cut, source, score_cutoff=cutoff)
        if found is None:
            return Match(line, 0.0)
        if len(cut) <= len(source):
            return Match(line, found.score / 100.0, found.dest_start, found.dest_end)
        return Match(line, found.score / 100.0, 0, len(source))

    def _align_by_keys(self, cut: str, line: int, length: int) -> Match:
        """For very long lines: the share of `cut`'s sentence keys that lead to `line`.

        Character alignment grows with the product of the lengths (minutes for two pasted
        articles); sentence keys tell nearly as well how much of one repeats the other.
        """
        keys = probe(cut).keys
        if not keys:
            return Match(line, 0.0)
        hits = sum(1 for key in keys if self._keys.get(key) == line)
        return Match(line, hits / len(keys), 0, length)

    def holds(self, line: int, cut: str) -> bool:
        """Whether an indexed line holds `cut` word for word."""
        text = self._texts.get(line)
        return text is not None and cut in text

    def similarity(self, norm: str, line: int) -> float:
        """How closely `norm` repeats part of an indexed line, 0..1."""
        return self.align(strip_ellipses(norm)[0], line).score

    def find(self, found: Probe) -> Match | None:
        """The earlier line this line quotes, if one matches closely enough."""
        if not found.quotable or not found.keys:
            return None
        self._allowance += len(found.cut) * ALIGN_WORK_PER_CHAR
        if self._keys.keys().isdisjoint(found.keys):  # most lines: words seen the first time
            return None
        candidates = self.candidates(found)
        need = MIN_SCORE_SHORT if len(found.cut) < SHORT_CHARS else MIN_SCORE
        best: Match | None = None
        for line in candidates:
            # Only a score of `need` or more, and above the best so far, can change the
            # answer; a hair under it, so float rounding never drops a score that reaches it.
            floor = max(need, best.score) if best is not None else need
            match = self.align(found.cut, line, max(ALIGN_CUTOFF, 100.0 * floor - 1e-6))
            if match.score >= need and (best is None or match.score > best.score):
                best = match
                if match.score == 1.0:
                    break
        if best is None:
            best = self._find_joined(found.cut, candidates)
        return best

    def _find_joined(self, cut: str, candidates: list[int]) -> Match | None:
        """A quote longer than the line it hits, repeated word for word by that line joined with
        its neighbours (the lines of one wrapped paragraph: rewrapping changes no words), placed
        at the line where it starts."""
        texts = self._texts
        for line in candidates:
            if len(cut) <= len(texts[line]):
                continue  # it fits in the line: aligned with it already
            first = last = line
            while first - 1 in texts and line - first < MAX_JOINED:
                first -= 1
            while last + 1 in texts and last - line < MAX_JOINED:
                last += 1
            pos = " ".join(texts[k] for k in range(first, last + 1)).find(cut)
            if first == last or pos < 0:
                continue
            for k in range(first, last + 1):
                if pos < len(texts[k]):
                    return Match(k, 1.0, pos, min(pos + len(cut), len(texts[k])))
                pos -= len(texts[k]) + 1
        return None
