"""Speed, memory and quote-link accuracy of the text reader on generated bare-style threads.

usage: python benchmarks/bench_parse.py [SIZES ...]   (default: 1000 10000 100000 posts)

The generator writes threads the way the seed and IAC bare dumps look: posts follow one another
after a single line break, paragraphs inside a post are separated by blank lines, and quotes are
bare copies of earlier posts of every kind the reader must handle: whole posts, a sentence from
the middle, cut short with "..." at either end, several quotes in a row, quote / answer / quote /
answer, a quote standing after the reply, and words quoted from outside the thread (which must
stay unlinked). It knows its own truth, so each run reports post-start F1 and link F1.
Targets on a 2-core machine: 10k posts (about 5 MB) in <= 1 s, 100k posts <= 12x that, and peak
memory <= 10x the input size.
"""

from __future__ import annotations

import gc
import random
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from parsing.models import Source, Thread
from parsing.text_reader import parse_text

_ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "w",
    "z",
    "br",
    "ch",
    "cl",
    "dr",
    "fl",
    "gr",
    "pl",
    "sh",
    "sl",
    "st",
    "th",
    "tr",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "ou", "oa"]
_CODAS = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rk", "ck"]


@dataclass
class TruthPost:
    """A generated post: its first line and its quotes as (first, last, target or None)."""

    start: int
    quotes: list[tuple[int, int, int | None]] = field(default_factory=list)


class Writer:
    """Random forum prose over a made-up vocabulary, so no two sentences repeat by chance."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        words = {
            "".join(self.rng.choice(part) for part in (_ONSETS, _VOWELS, _CODAS))
            + self.rng.choice(["", "", "a", "o", "er", "ing", "ly", "ion"])
            for _ in range(12000)
        }
        self.words = sorted(words)

    def sentence(self) -> str:
        n = self.rng.randint(7, 20)
        words = self.rng.choices(self.words, k=n)
        return " ".join(words).capitalize() + self.rng.choice([".", ".", ".", "?", "!"])

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 4)))

    def post(self) -> list[str]:
        """A post as paragraphs (one line each); blank lines go between them."""
        return [self.paragraph() for _ in range(self.rng.choices([1, 2, 3], [6, 3, 1])[0])]


def _sentences(paragraph: str) -> list[str]:
    out, start = [], 0
    for i, ch in enumerate(paragraph):
        if ch in ".?!" and (i + 1 == len(paragraph) or paragraph[i + 1] == " "):
            out.append(paragraph[start : i + 1].strip())
            start = i + 1
    return [s for s in out if s]


def generate(n_posts: int, seed: int = 7) -> tuple[str, list[TruthPost]]:
    """A bare-style thread of `n_posts` posts and its truth."""
    w = Writer(seed)
    rng = w.rng
    lines: list[str] = ["What's new", "", "A generated debate about " + w.sentence()[:-1], ""]
    truth: list[TruthPost] = []
    own: list[list[str]] = []  # each post's own paragraphs (what can be quoted)

    def emit(text: str) -> int:
        lines.append(text)
        return len(lines)

    for number in range(1, n_posts + 1):
        post = TruthPost(start=len(lines) + 1)
        body = w.post()
        kind = rng.random() if number > 3 else 1.0
        recent = max(1, number - 1 - int(rng.expovariate(0.3)))

        if kind < 0.12:  # a whole earlier post, paragraphs and all
            t = recent
            first = len(lines) + 1
            _answer(emit, own[t - 1])
            post.quotes.append((first, len(lines), t))
            _answer(emit, body)
        elif kind < 0.24:  # a sentence from the middle, then the answer
            t = recent
            sents = _sentences(rng.choice(own[t - 1]))
            line = emit(sents[len(sents) // 2])
            post.quotes.append((line, line, t))
            _answer(emit, body)
        elif kind < 0.34:  # cut short with "..." at the start or the end
            t = recent
            words = rng.choice(own[t - 1]).split()
            cut = max(6, len(words) // 2)
            text = (
                " ".join(words[:cut]) + "..."
                if rng.random() < 0.5
                else "..." + " ".join(words[-cut:])
            )
            line = emit(text)
            post.quotes.append((line, line, t))
            _answer(emit, body)
        elif kind < 0.42:  # several quotes in a row, from two posts, then one answer
            t1 = recent
            t2 = max(1, t1 - 1 - rng.randint(1, 5))
            for t in (t1, t2):
                line = emit(_sentences(own[t - 1][0])[0])
                post.quotes.append((line, line, t))
            _answer(emit, body)
        elif kind < 0.52:  # quote / answer / quote / answer, forward through one post
            t = recent
            sents = [s for para in own[t - 1] for s in _sentences(para)]
            if len(sents) >= 2:
                picks = sorted(rng.sample(range(len(sents)), 2))
                for k, pick in enumerate(picks):
                    line = emit(sents[pick])
                    post.quotes.append((line, line, t))
                    emit(body[min(k, len(body) - 1)] if k == 0 else w.paragraph())
            else:
                _answer(emit, body)
        elif kind < 0.58:  # the answer first, the quote after it, cut short
            t = recent
            _answer(emit, body)
            emit("")
            emit("")
            words = _sentences(own[t - 1][0])[0].split()
            line = emit(" ".join(words[: max(6, len(words) - 3)]) + "...")
            post.quotes.append((line, line, t))
        elif kind < 0.64:  # words from outside the thread: an article quoted after a colon
            emit("As " + w.sentence()[:-1].lower() + " put it:")
            emit("")
            line = emit('"' + w.paragraph() + '"')
            post.quotes.append((line, line, None))
            emit("")
            _answer(emit, body)
        else:
            _answer(emit, body)
        own.append(body)
        truth.append(post)
    lines += ["", "Latest Posts", "", "Top Bottom"]
    return "\n".join(lines) + "\n", truth


def _answer(emit, body: list[str]) -> None:
    for k, para in enumerate(body):
        if k:
            emit("")
        emit(para)


def _f1(tp: int, npred: int, ntrue: int) -> float:
    p = tp / npred if npred else 1.0
    r = tp / ntrue if ntrue else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(thread: Thread, truth: list[TruthPost]) -> tuple[float, float]:
    """Post-start F1 and quote-link F1 (a link counts when its lines overlap a true quote of the
    same post and its target is the true target; external quotes must stay unlinked)."""
    true_starts = {p.start for p in truth}
    found_starts = {p.lines[0] for p in thread.posts if p.lines}
    start_f1 = _f1(len(true_starts & found_starts), len(found_starts), len(true_starts))
    post_of_start = {p.start: n for n, p in enumerate(truth, start=1)}
    true_links = [(a, b, t) for p in truth for a, b, t in p.quotes if t is not None]
    by_line: dict[int, list[int]] = {}  # truth quote lines -> their links, to match in O(1)
    for k, (a, b, _) in enumerate(true_links):
        for line in range(a, b + 1):
            by_line.setdefault(line, []).append(k)
    used: set[int] = set()
    tp = npred = 0
    for post in thread.posts:
        for q in post.quotes:
            if q.target is None or not q.lines:
                continue
            npred += 1
            target = post_of_start.get(thread.post(q.target).lines[0])
            near = {k for line in range(q.lines[0], q.lines[1] + 1) for k in by_line.get(line, [])}
            hit = min(
                (k for k in near if k not in used and true_links[k][2] == target), default=None
            )
            if hit is not None:
                used.add(hit)
                tp += 1
    return start_f1, _f1(tp, npred, len(true_links))


def measure(n_posts: int) -> dict[str, float]:
    text, truth = generate(n_posts)
    source = Source(path=f"generated-{n_posts}.txt", format="text", sha256="0" * 64)
    size = len(text.encode("utf-8"))
    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    thread = parse_text(text, source)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    start_f1, link_f1 = score(thread, truth)
    del thread
    gc.collect()
    tracemalloc.start()
    parse_text(text, source)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "posts": n_posts,
        "mb": size / 1e6,
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": peak / 1e6,
        "peak_x": peak / size,
        "start_f1": start_f1,
        "link_f1": link_f1,
    }


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [1000, 10000, 100000]
    print(
        f"{'posts':>7} {'input MB':>9} {'wall s':>7} {'cpu s':>6} {'peak MB':>8} "
        f"{'peak/in':>8} {'start F1':>9} {'link F1':>8}"
    )
    results = []
    for n in sizes:
        r = measure(n)
        results.append(r)
        print(
            f"{r['posts']:>7} {r['mb']:>9.2f} {r['seconds']:>7.2f} {r['cpu']:>6.2f} "
            f"{r['peak_mb']:>8.1f} {r['peak_x']:>8.1f} {r['start_f1']:>9.3f} {r['link_f1']:>8.3f}",
            flush=True,
        )
    by_size = {r["posts"]: r for r in results}
    if 10000 in by_size and 100000 in by_size:
        wall = by_size[100000]["seconds"] / by_size[10000]["seconds"]
        cpu = by_size[100000]["cpu"] / by_size[10000]["cpu"]
        print(f"100k / 10k: {wall:.1f}x wall, {cpu:.1f}x cpu (linear is 10x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
