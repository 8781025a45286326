"""Match many hand-written rules against a text in one fast pass.

Speed matters: a long thread has tens of thousands of sentences, and Python's regex engine
tries the alternatives of a pattern one by one at every position. It rejects an alternative
after a single comparison only when the alternative starts with a plain literal, which
IGNORECASE and capture groups both spoil. So the rules are compiled twice:

- a *scan* pattern: no groups, run on lower-cased text, alternatives regrouped by their first
  character (`a(?:ccording to|s we saw)|b(?:ecause)`), sharing one leading word boundary;
- a *grouped* pattern with one named group per rule, tried only where the scan matched (a few
  places per sentence) to learn which rule matched, first in rule order, and how far.

Rules that need capitals (names, months, outlets) are `cased` and run on the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One way of arguing, as a pattern: what it is called, what it signals, which backing."""

    kind: str
    role: str
    pattern: str
    evidence_type: str | None = None
    cased: bool = False
    """Capitals matter (names, months, outlets): matched on the text as written, not lowered."""


def trie(phrases: str) -> str:
    """A regex matching any of the `|`-separated literal phrases, factored by common prefix,
    so a long word list costs a comparison or two per position instead of one per word."""
    tree: dict = {}
    for phrase in phrases.split("|"):
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else f"(?:{'|'.join(branches)})"
        return f"{body}?" if ends else body

    return build(tree)


def _scan_group(pattern: str, start: int) -> int:
    """Index just past the `)` closing the group that opens at `start` (or -1 at a `|`)."""
    depth, klass, i = 0, False, start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if klass:
            klass = char != "]"
        elif char == "[":
            klass = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def alternatives(pattern: str) -> list[str]:
    """The top-level `|` alternatives of a pattern (outside groups and character classes)."""
    parts, depth, klass, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if klass:
            klass = char != "]"
        elif char == "[":
            klass = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def lower_pattern(pattern: str) -> str:
    """Lower-case a pattern's letters but not its escapes (`\\S` must not become `\\s`)."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


def lower_text(text: str) -> str:
    """Lower-cased text of the same length, so offsets found in it hold in the original."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _expand(alt: str, limit: int = 400) -> list[str]:
    """Distribute a leading `(?:a|b)rest` into `arest|brest` (and `rest` when it is optional),
    repeatedly, so that every alternative starts with a literal character where it can."""
    if not alt.startswith("(?:"):
        return [alt]
    end = _scan_group(alt, 0)
    quant = alt[end : end + 1]
    if quant in ("*", "+", "{") or alt[end : end + 2] in ("??", "?+"):
        return [alt]
    optional = quant == "?"
    rest = alt[end + 1 :] if optional else alt[end:]
    out = [x for inner in alternatives(alt[3 : end - 1]) for x in _expand(inner + rest, limit)]
    if optional:
        out += _expand(rest, limit)
    return out if len(out) <= limit else [alt]


_NON_WORD_START = frozenset("'’\"-")
"""First characters of an alternative that cannot start a word."""

_TOKEN = re.compile(r"\\.|\[(?:\\.|[^\]])+\]|[^\\()\[|?*+{}.^$]")


def _by_first_token(alts: list[str], depth: int = 0) -> str:
    """Join alternatives as a prefix tree, `x(?:y(?:..|..)|z..)|w..`: at each character the
    engine then rejects most alternatives at one compare instead of trying each in turn."""
    groups: dict[str, list[str]] = {}
    for alt in alts:
        match = _TOKEN.match(alt)
        after = alt[match.end() : match.end() + 1] if match else ""
        if match is None or after in ("?", "*", "+", "{"):
            groups.setdefault("", []).append(alt)
        else:
            groups.setdefault(match.group(), []).append(alt[match.end() :])
    parts = []
    for key, rests in groups.items():
        if key == "":
            parts.extend(rests)
        elif len(rests) == 1:
            parts.append(key + rests[0])
        elif depth < 8:
            inner = _by_first_token([x for r in rests for x in _expand(r)], depth + 1)
            parts.append(f"{key}(?:{inner})")
        else:
            parts.append(f"{key}(?:{'|'.join(rests)})")
    return "|".join(parts)


def _first_token(alt: str) -> str | None:
    """The alternative's first character as a regex token, or None when it cannot be told."""
    if alt.startswith("\\b"):
        alt = alt[2:]
    match = _TOKEN.match(alt)
    if match is None or alt[match.end() : match.end() + 1] in ("*", "?", "{"):
        return None
    return match.group()


@dataclass(frozen=True)
class RuleSet:
    """Rules compiled for `find`: the scan pattern, what each named group is, the as-written
    patterns of cased rules (a lower-cased match must also hold there), and, per first
    character, the grouped pattern of only the rules that can start with it (built lazily)."""

    scan: re.Pattern[str]
    names: dict[str, Rule]
    cased: dict[str, re.Pattern[str]]
    parts: tuple[tuple[str, bool, tuple[tuple[str | None, str], ...]], ...]
    by_char: dict[str, re.Pattern[str]]

    def named(self, char: str) -> re.Pattern[str]:
        """The grouped pattern for matches starting with `char` (rule order kept)."""
        pattern = self.by_char.get(char)
        if pattern is None:
            at_word, other = [], []
            for name, word, alts in self.parts:
                keep = [a for key, a in alts if key is None or re.fullmatch(key, char)]
                if keep:
                    (at_word if word else other).append(f"(?P<{name}>{'|'.join(keep)})")
            chunks = ([f"\\b(?:{'|'.join(at_word)})"] if at_word else []) + other
            pattern = re.compile("|".join(chunks) or "(?!)", re.MULTILINE)
            self.by_char[char] = pattern
        return pattern


def compile_rules(rules: tuple[Rule, ...]) -> RuleSet:
    """Compile rules for `find`; earlier rules win where two match at the same place."""
    names: dict[str, Rule] = {}
    cased: dict[str, re.Pattern[str]] = {}
    parts: list[tuple[str, bool, tuple[tuple[str | None, str], ...]]] = []
    at_word: list[str] = []
    other: list[str] = []
    for i, rule in enumerate(rules):
        alts = [lower_pattern(a) for a in alternatives(rule.pattern)]
        word = [x for a in alts if a.startswith("\\b") for x in _expand(a[2:])]
        rest = [x for a in alts if not a.startswith("\\b") for x in _expand(a)]
        # After `\b`, an alternative starting with a non-word character ("'re going to")
        # needs a word just before it; it keeps its own `\b` among the others.
        rest += ["\\b" + a for a in word if a[:1] in _NON_WORD_START]
        word = [a for a in word if a[:1] not in _NON_WORD_START]
        for suffix, part, bucket in (("w", word, at_word), ("o", rest, other)):
            if part:
                name = f"r{i}{suffix}"
                names[name] = rule
                bucket.extend(part)
                parts.append((name, suffix == "w", tuple((_first_token(a), a) for a in part)))
                if rule.cased:
                    cased[name] = re.compile(rule.pattern, re.MULTILINE)
    # `(?<!\w)` after `\b`: a word start, so positions at word ends fail at once.
    scan = ([f"\\b(?<!\\w)(?:{_by_first_token(at_word)})"] if at_word else []) + (
        [_by_first_token(other)] if other else []
    )
    return RuleSet(
        scan=re.compile("|".join(scan), re.MULTILINE),
        names=names,
        cased=cased,
        parts=tuple(parts),
        by_char={},
    )


def find(rules: RuleSet, text: str) -> list[tuple[Rule, int, int]]:
    """Every (rule, start, end) in `text`, in order, without overlaps.

    One scan of the lower-cased text finds where matches start; the grouped pattern for that
    first character, tried there, says which rule (the first in rule order) matched and how
    far, as one joined pattern would. A cased rule's match must also hold as written.
    """
    lower = lower_text(text)
    out: list[tuple[Rule, int, int]] = []
    taken = 0
    by_char, names, cased = rules.by_char, rules.names, rules.cased
    for match in rules.scan.finditer(lower):
        start = match.start()
        if start < taken:
            continue
        char = lower[start]
        named = by_char.get(char) or rules.named(char)
        hit = named.match(lower, start)
        if hit is None:
            continue
        name = hit.lastgroup or ""
        end = hit.end()
        if name in cased:
            exact = cased[name].match(text, start)
            if exact is None or exact.end() != end:
                continue
        taken = end
        out.append((names[name], start, end))
    return out
