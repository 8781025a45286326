"""Fit the word profiles by which the scorer tells English posts from others (scoring/language.py).

Run: `.venv/bin/python training/fit_language.py --text en=EN_DEV.conllu --text de=DE_DEV.conllu
... [--measure LANG=FILE ...] [--out scoring/language.json] [--check]`

Each `--text` is a Universal Dependencies treebank file (its `# text =` lines) or a plain text
file, one sentence or post a line. The profile ships only from treebanks under CC BY-SA (the
English Web Treebank and the German, French, Spanish, Portuguese, Dutch and Russian GSD/Alpino
treebanks' dev files; docs/scoring.md, "Language"). Every other line (by position) fits the
words, the rest fits the two decision numbers, so the numbers are chosen on text the words never
saw; `--measure` files (e.g. the treebanks' test files, forum posts) are only measured on.

- words: each language's TOP most frequent alphabetic tokens (scoring.learned.tokens), with
  their log-probability; a word outside them gets the language's floor (its unseen mass spread
  over the types it has beyond TOP);
- gate: English leaves without weighing other languages when profile-English words make up at
  least this share of a post's tokens: the highest share seen in another language's chunks, plus
  a margin, so the shortcut never passes one;
- min_words: fewer profile words than this and the post is read as English: the least number at
  which no English chunk of the fitting half is called another language.
Chunks are one to three consecutive lines, as posts are a sentence or a few.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring import language
from scoring.language import tokens

TOP = 300
GATE_MARGIN = 0.05
EN_KEPT = 0.995
MIN_WORDS_GRID = [5, 6, 7, 8]
ACCENT_GRID = [0.05, 0.02, 0.01]
LOW_GRID = [0.0, 0.02, 0.04]
DISTINCT_GRID = [1.0, 1.5]
COVERAGE_GRID = [0.0, 0.1, 0.2, 0.3]
FORMAT = 1


def read_lines(path: Path) -> list[str]:
    """Sentences of a treebank file (`# text =` lines) or the lines of a plain text file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".conllu":
        return [line[9:].strip() for line in text.splitlines() if line.startswith("# text =")]
    if path.suffix == ".jsonl":
        return [json.loads(line)["text"] for line in text.splitlines() if line.strip()]
    return [line.strip() for line in text.splitlines() if line.strip()]


def chunks(lines: list[str]) -> list[str]:
    """Post-sized pieces: one, two, three lines in turn."""
    out, i, size = [], 0, 1
    while i < len(lines):
        out.append(" ".join(lines[i : i + size]))
        i += size
        size = size % 3 + 1
    return out


def words_of(text: str) -> list[str]:
    return [w for w in tokens(text) if w.isalpha()]


def fit_words(lines: list[str]) -> tuple[dict[str, float], float]:
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(words_of(line))
    total = sum(counts.values())
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    words = {w: round(math.log(n / total), 4) for w, n in top}
    seen = sum(n for _, n in top)
    rest_types = max(1, len(counts) - len(top))
    floor = round(math.log(max(total - seen, 1) / total / rest_types), 4)
    return words, floor


def detect_all(texts: list[str]) -> list[str]:
    return [language.detect(t) for t in texts]


def english_share(text: str) -> float:
    return language.english_share(tokens(text))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--text", action="append", default=[], help="LANG=FILE (fitted on)")
    parser.add_argument(
        "--unprofiled", action="append", default=[], help="LANG=FILE: no profile, tuned on"
    )
    parser.add_argument("--measure", action="append", default=[], help="LANG=FILE (measured)")
    parser.add_argument("--out", type=Path, default=Path("scoring/language.json"))
    parser.add_argument("--check", action="store_true", help="compare with --out, write nothing")
    args = parser.parse_args()
    fit_half: dict[str, list[str]] = {}
    tune_half: dict[str, list[str]] = {}
    for item in args.text:
        lang, _, path = item.partition("=")
        lines = read_lines(Path(path))
        fit_half.setdefault(lang, []).extend(lines[0::2])
        tune_half.setdefault(lang, []).extend(lines[1::2])
    if language.ENGLISH not in fit_half:
        parser.error("an English --text is needed")
    words, floor = {}, {}
    for lang in sorted(fit_half):
        words[lang], floor[lang] = fit_words(fit_half[lang])
    tune = {lang: chunks(lines) for lang, lines in tune_half.items()}
    data = {"format": FORMAT, "top": TOP, "gate": 1.0, "low": 0.0, "min_words": 1}
    data.update(accents=1.0, distinct=0.0, coverage=0.0)
    data["floor"] = floor
    data["words"] = words
    _install(data)
    foreign = [english_share(t) for lang, ts in tune.items() if lang != "en" for t in ts]
    gate = round(min(1.0, max(foreign, default=0.0) + GATE_MARGIN), 3)
    data["gate"] = gate
    # min_words, low and distinct: among the triples that keep at least EN_KEPT of the English
    # chunks English, the one that reads the fewest other-language chunks as English (mean
    # over the languages, unprofiled ones included), then names them best (mean accuracy;
    # unprofiled ones should come out "und"): English cues on another language is the harm.
    for item in args.unprofiled:
        lang, _, path = item.partition("=")
        tune["und:" + lang] = chunks(read_lines(Path(path)))
    best: tuple[float, ...] = (-1.0, -1.0, 0, 0.0, 1.0, 0.0, 0.0)
    for min_words, low, accents, distinct, coverage in itertools.product(
        MIN_WORDS_GRID, LOW_GRID, ACCENT_GRID, DISTINCT_GRID, COVERAGE_GRID
    ):
        data.update(
            min_words=min_words, low=low, accents=accents, distinct=distinct, coverage=coverage
        )
        _install(data)
        if _mean_accuracy({"en": tune[language.ENGLISH]}) >= EN_KEPT:
            caught, right = _caught(tune)
            best = max(best, (caught, right, -min_words, -low, accents, -distinct, -coverage))
    data.update(
        min_words=-best[2], low=-best[3], accents=best[4], distinct=-best[5], coverage=-best[6]
    )
    _install(data)
    en_shares = [english_share(t) for t in tune[language.ENGLISH]]
    passed = sum(s >= gate for s in en_shares) / len(en_shares)
    print(
        f"gate {gate} (highest other-language share {max(foreign):.3f}); "
        f"{passed:.1%} of English chunks pass it; min_words {data['min_words']}, "
        f"low {data['low']}, accents {data['accents']}, distinct {data['distinct']}, "
        f"coverage {data['coverage']}"
    )
    _report("fitting half (chunks)", tune)
    measured: dict[str, list[str]] = {}
    for item in args.measure:
        lang, _, path = item.partition("=")
        lines = read_lines(Path(path))
        texts = lines if path.endswith(".jsonl") else chunks(lines)
        measured.setdefault(lang if lang in fit_half else "und:" + lang, []).extend(texts)
    if measured:
        _report("measured (never fitted on)", measured)
    data["english"] = sorted(language.build(data).english)
    blob = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    if args.check:
        same = args.out.read_text(encoding="utf-8") == blob
        print("identical to the shipped profile" if same else "DIFFERS from the shipped profile")
        return 0 if same else 1
    args.out.write_text(blob, encoding="utf-8")
    print(f"wrote {args.out} ({len(blob):,} bytes)")
    return 0


def _install(data: dict[str, object]) -> None:
    """Make scoring.language use `data` as its profile (for measuring while fitting)."""
    built = language.build(data)
    language.profile = lambda: built  # type: ignore[assignment]
    gate = language.gate_table(data, built.english)
    language._gate = lambda: gate  # type: ignore[assignment]


def _expected(lang: str) -> str:
    return "und" if lang.startswith("und:") else lang


def _mean_accuracy(sets: dict[str, list[str]]) -> float:
    rates = [
        sum(d == _expected(lang) for d in detect_all(texts)) / len(texts)
        for lang, texts in sets.items()
        if texts
    ]
    return sum(rates) / len(rates)


def _caught(sets: dict[str, list[str]]) -> tuple[float, float]:
    """Mean share of other-language chunks not read as English, and mean accuracy."""
    others = {lang: texts for lang, texts in sets.items() if lang != language.ENGLISH}
    caught = [
        sum(d != language.ENGLISH for d in detect_all(texts)) / len(texts)
        for texts in others.values()
    ]
    return sum(caught) / len(caught), _mean_accuracy(others)


def _report(title: str, sets: dict[str, list[str]]) -> None:
    print(f"{title}: language -> share detected as itself (and what else)")
    for lang, texts in sorted(sets.items()):
        found = Counter(detect_all(texts))
        right = found.get(_expected(lang), 0) / len(texts) if texts else 0.0
        other = ", ".join(f"{k} {v}" for k, v in found.most_common() if k != _expected(lang))
        print(f"  {lang}: {right:.3f} of {len(texts)}  {other}")


if __name__ == "__main__":
    raise SystemExit(main())
