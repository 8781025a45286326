"""Match many hand-written rules against a text in one fast pass.

Speed matters: a long thread has tens of thousands of sentences, and Python's regex engine
tries the alternatives of a pattern one by one at every position. It rejects an alternative
after a single comparison only when the alternative starts with a plain literal, which
IGNORECASE and leading groups both spoil. So all rules are compiled into one pattern that:

- runs on lower-cased text, without IGNORECASE;
- has every alternative start with a plain character (`(?:a|b)c` is distributed into
  `ac|bc`, `\\d+` into `0\\d*|1\\d*|...`) and merges neighbours into a prefix tree
  (`a(?:ccording to|s we saw)`), under one shared word-start check;
- ends each alternative in an empty named group, a marker that says which rule matched, so
  no second match is needed to tell.

Earlier rules win where two could match at the same place, as in one plain alternation.
Rules that need capitals (names, months, outlets) are `cased`: found in the lower-cased text,
then checked against the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from parsing.regex_cache import compile_cached


@dataclass(frozen=True)
class Rule:
    """One way of arguing, as a pattern: what it is called, what it signals, which backing."""

    kind: str
    role: str
    pattern: str
    evidence_type: str | None = None
    cased: bool = False
    """Capitals matter (names, months, outlets): matched on the text as written, not lowered."""
    extend_left: bool = False
    """The pattern matches from a telling point inside the cue (a domain from its ".com"),
    and the cue reaches back over the word characters, dots and hyphens before it. A
    pattern must start with a plain character to be cheap to look for; this lets it."""


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


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) for each character outside escapes and
    character classes: the one walk both group matching and alternative splitting need."""
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
        else:
            depth += (char == "(") - (char == ")")
            yield i, char, depth
        i += 1


def _scan_group(pattern: str, start: int) -> int:
    """Index just past the `)` closing the group that opens at `start`."""
    for i, char, depth in _structure(pattern, start):
        if char == ")" and depth == 0:
            return i + 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def alternatives(pattern: str) -> list[str]:
    """The top-level `|` alternatives of a pattern (outside groups and character classes)."""
    parts, begin = [], 0
    for i, char, depth in _structure(pattern):
        if char == "|" and depth == 0:
            parts.append(pattern[begin:i])
            begin = i + 1
    parts.append(pattern[begin:])
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


def _token_chars(token: str) -> str | None:
    """The literal characters a one-character token can match, or None if it is not that
    simple (`\\d` -> the digits, `[ab]` -> "ab", `\\(` -> "(", `a` -> "a")."""
    if token == "\\d":
        return "0123456789"
    if token.startswith("\\"):
        return None if token[1:].isalnum() else token[1:]
    if token.startswith("["):
        body = token[1:-1]
        if body.startswith("^") or "\\" in body:
            return None
        chars = ""
        i = 0
        while i < len(body):
            if i + 2 < len(body) and body[i + 1] == "-":
                chars += "".join(chr(c) for c in range(ord(body[i]), ord(body[i + 2]) + 1))
                i += 3
            else:
                chars += body[i]
                i += 1
        return chars if len(chars) <= 26 else None
    return token


def _literal_starts(alt: str) -> list[str]:
    """The alternative rewritten to start with literal characters (`\\d+x` -> `0\\d*x|1\\d*x|..`,
    `[ab]c` -> `ac|bc`), or [alt] unchanged when that cannot be done."""
    match = _TOKEN.match(alt)
    if match is None:
        return [alt]
    token, rest = match.group(), alt[match.end() :]
    chars = _token_chars(token)
    if chars is None:
        return [alt]
    if rest[:1] == "+":
        rest = token + "*" + rest[1:]
    elif rest[:1] == "{":
        close = rest.index("}")
        low, _, high = rest[1:close].partition(",")
        if not low.isdigit() or int(low) < 1:
            return [alt]
        bounds = f"{int(low) - 1},{int(high) - 1}" if high else str(int(low) - 1)
        rest = f"{token}{{{bounds}}}{rest[close + 1 :]}"
    elif rest[:1] in ("*", "?"):
        return [alt]
    return [re.escape(c) + rest for c in dict.fromkeys(chars)]


def _plain_key(alt: str) -> str | None:
    """The alternative's first token when it is one literal character not followed by a
    quantifier (alternatives sharing it can be merged), else None."""
    match = _TOKEN.match(alt)
    if match is None or alt[match.end() : match.end() + 1] in ("?", "*", "+", "{"):
        return None
    token = match.group()
    if token.startswith("[") or (token.startswith("\\") and token[1:].isalnum()):
        return None
    return token


def _tree(alts: list[str], depth: int = 0) -> str:
    """Join alternatives as a prefix tree, merging runs of neighbours that share their first
    character (`ab|ac` -> `a(?:b|c)`), at every depth after `_grouped` brought them together.
    Only neighbours are merged, so which alternative wins is exactly that of the list."""
    alts = _grouped(alts)
    parts = []
    i = 0
    while i < len(alts):
        key = _plain_key(alts[i])
        j = i + 1
        if key is not None:
            while j < len(alts) and _plain_key(alts[j]) == key:
                j += 1
        run = alts[i:j]
        if key is None or len(run) == 1 or depth >= 12:
            parts.extend(run)
        else:
            parts.append(f"{key}(?:{_tree([r[len(key) :] for r in run], depth + 1)})")
        i = j
    return "|".join(parts)


_FIRST_LETTERS = "tasowihcbmfpdrlengyuvjkqxz"
"""Letters by how many English words start with them: `re` tries a branch's alternatives in
turn, so the common ones go first."""


def _rank(alt: str) -> tuple[int, str]:
    key = _plain_key(alt) or ""
    at = _FIRST_LETTERS.find(key)
    return (at if at >= 0 else len(_FIRST_LETTERS), key)


def _grouped(alts: list[str]) -> list[str]:
    """The alternatives with those of one literal first character brought together, between
    the ones without a literal start (kept in place): alternatives starting with different
    characters never match at the same place, so they may be reordered, and `re` then tries
    one merged branch per character instead of each alternative in turn (`sub|ser|sa` and
    then `su|se`). Common first letters go first (`_rank`)."""
    out: list[str] = []
    run: list[str] = []
    for alt in alts:
        if _plain_key(alt) is None:
            out += sorted(run, key=_rank)
            out.append(alt)
            run = []
        else:
            run.append(alt)
    return out + sorted(run, key=_rank)


def _scan_pattern(alts: list[str]) -> str:
    """The tree of alternatives; those that cannot be given a literal start go first, in
    their own order (at the top only: a scan tries them at every place)."""
    loose = [a for a in alts if _plain_key(a) is None]
    return _tree(loose + [a for a in alts if _plain_key(a) is not None])


def _word_start(alt: str) -> bool:
    """Whether the alternative starts with one literal word character (`a`, `0`, `_`)."""
    key = _plain_key(alt)
    return key is not None and len(key) == 1 and (key.isalnum() or key == "_")


def _not_word_class() -> str:
    """A character class holding every non-word character below U+0100 and everything above:
    `re` tests it with a bitmap and one range, where `\\W` asks Unicode's tables for each
    character. It may hold word characters (above U+00FF): the `\\b` after it, then an
    alternative's first word character, rule them out."""
    below = "".join(f"\\x{i:02x}" for i in range(256) if not (chr(i).isalnum() or i == 95))
    return f"[{below}\\u0100-\\U0010ffff]"


@dataclass(frozen=True)
class RuleSet:
    """Rules compiled for `find`: every alternative ends in an empty named group (a marker)
    that says which rule matched; the as-written patterns of cased rules (a lower-cased match
    must also hold there).

    The rules are scanned as two patterns (see `spans`): `words`, the alternatives that start
    a word (`\\b...`), each match taking the character before the word with it, and
    `others`, the rest. Both start with a character from a known set, so `re` skips, in C,
    every place none of them can start (inside words: four in five characters), where one
    pattern of both tried each place in turn. `scan` is that one pattern, `words` then
    `others` (what `spans` finds, as `scan.finditer` finds it; compiled when asked for)."""

    words: re.Pattern[str] | None
    others: re.Pattern[str] | None
    markers: dict[str, Rule]
    cased: dict[str, re.Pattern[str]]
    parts: tuple[str, ...]
    """The source of the two scans' alternatives: words (`\\b(?:...)`), then others."""

    @cached_property
    def scan(self) -> re.Pattern[str]:
        """The rules as one pattern (what `spans` matches)."""
        return compile_cached("|".join(self.parts), re.MULTILINE)


def _sources(rules: tuple[Rule, ...]) -> tuple[str, str, list[int]]:
    """The two scans' patterns (`words`, `others`; "" for none) and, for each marker group
    `m0`, `m1`, ... in turn, the index in `rules` of the rule it stands for."""
    markers: list[int] = []
    at_word: list[str] = []
    other: list[str] = []

    seen: set[tuple[bool, str]] = set()

    def add(into: list[str], index: int, alt: str) -> None:
        """Append `alt`, ending in a marker group of its own named for the rule, unless the
        same alternative came earlier: a copy ("When|when" lower-cased) could never match
        where the first did not, and would only cost a second try at every place."""
        if (into is at_word, alt) in seen:
            return
        seen.add((into is at_word, alt))
        into.append(f"{alt}(?P<m{len(markers)}>)")
        markers.append(index)

    for index, rule in enumerate(rules):
        for alt in alternatives(lower_pattern(rule.pattern)):
            word = alt.startswith("\\b")
            body = alt[2:] if word else alt
            for one in _expand(body):
                # After `\b`, an alternative starting with a non-word character ("'re going
                # to") needs a word just before it: checked after its first character, which
                # stays a plain literal and so cheap to look for.
                if word and one[:1] in _NON_WORD_START:
                    first = re.escape(one[0])
                    add(other, index, f"{first}(?<=\\w{first}){one[1:]}")
                else:
                    for x in _literal_starts(one):
                        add(at_word if word else other, index, x)
    # `(?<!\w)` after `\b`: a word start, so positions at word ends fail at once; not needed
    # where every alternative starts with a word character (the word must start after `\b`).
    after = "" if all(_word_start(a) for a in at_word) else "(?<!\\w)"
    words = f"\\b{after}(?:{_scan_pattern(at_word)})" if at_word else ""
    others = _scan_pattern(other) if other else ""
    return words, others, markers


def _built_key(rules: tuple[Rule, ...]) -> str:
    """What the built patterns depend on: the rules, this module's code that builds them, and
    the Python version (`re.escape`)."""
    import hashlib
    import sys
    from pathlib import Path

    code = Path(__file__).read_bytes()
    said = repr((sys.version_info[:2], rules)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(code + b"\0" + said).hexdigest()


def _built(rules: tuple[Rule, ...]) -> tuple[str, str, list[int]]:
    """`_sources(rules)`, kept on disk once per install (parsing.regex_cache): building the
    patterns from the rules' text was a tenth of a second, in every process that scores."""
    import json

    from parsing.regex_cache import read_kept, store_kept

    try:
        key = _built_key(rules)
    except Exception:
        return _sources(rules)
    body = read_kept("rules", key)
    if body is not None:
        try:
            words, others, markers = json.loads(body)
            if type(words) is str and type(others) is str and type(markers) is list:
                return words, others, markers
        except ValueError:
            pass
    built = _sources(rules)
    store_kept("rules", key, json.dumps(built).encode("utf-8"))
    return built


def compile_rules(rules: tuple[Rule, ...]) -> RuleSet:
    """Compile rules for `find`; earlier rules win where two match at the same place."""
    words, others, indexes = _built(rules)
    own = {r: compile_cached(r.pattern, re.MULTILINE) for r in rules if r.cased}
    markers = {f"m{i}": rules[index] for i, index in enumerate(indexes)}
    cased = {name: own[rule] for name, rule in markers.items() if rule.cased}
    # Each compiled once per install (parsing.regex_cache).
    return RuleSet(
        words=compile_cached(_not_word_class() + words, re.MULTILINE) if words else None,
        others=compile_cached(others, re.MULTILINE) if others else None,
        markers=markers,
        cased=cased,
        parts=tuple(part for part in (words, others) if part),
    )


def spans(rules: RuleSet, lower: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, marker) of every match in `lower`, exactly as `rules.scan.finditer` gives
    them: at each place the first alternative of `words` then of `others` that matches, the
    next search from the end of the last match.

    Both scans run over `lower` after a line break (offsets one on), so a word at the very
    start has a character before it for `words` to take; no rule looks back past a line break
    differently from the text's start (no `\\A`, and no look-behind a line break satisfies).
    A word match taken from the character before it starts one place on; a pending match of
    either scan that starts inside the match just taken is searched again from its end.
    """
    text = "\n" + lower
    words, others = rules.words, rules.others
    w = words.search(text) if words is not None else None  # its word starts at w.start() + 1
    o = others.search(text) if others is not None else None
    while w is not None or o is not None:
        # In `lower`: a word match starts at w.start(), another at o.start() - 1.
        if o is None or (w is not None and w.start() <= o.start() - 1):
            match, start = w, w.start()
        else:
            match, start = o, o.start() - 1
        end = match.end() - 1
        yield start, end, match.lastgroup or ""
        if w is not None and w.start() < end:  # `words`: the place before the word's start
            w = words.search(text, end) if words is not None else None
        if o is not None and o.start() - 1 < end:
            o = others.search(text, end + 1) if others is not None else None


def find(rules: RuleSet, text: str) -> list[tuple[Rule, int, int]]:
    """Every (rule, start, end) in `text`, in order, without overlaps: one scan of the
    lower-cased text (`spans`); a cased rule's match must also hold in the text as written."""
    lower = lower_text(text)
    out: list[tuple[Rule, int, int]] = []
    markers, cased = rules.markers, rules.cased
    for start, end, name in spans(rules, lower):
        if name in cased:
            exact = cased[name].match(text, start)
            if exact is None or exact.end() != end:
                continue
        rule = markers[name]
        if rule.extend_left:
            while start > 0 and (lower[start - 1].isalnum() or lower[start - 1] in "._-"):
                start -= 1
            if out and start < out[-1][2]:
                continue
        out.append((rule, start, end))
    return out
