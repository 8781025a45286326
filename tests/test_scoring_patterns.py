"""The rule compiler: a repeated alternative is compiled once, which rule wins does not
change, and the two scans find what one pattern of all the rules finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsing.load import demo_path
from scoring.cues import compiled_rules
from scoring.patterns import Rule, alternatives, compile_rules, find, lower_text, spans
from tests.conftest import SHARED


def test_an_alternative_repeated_is_compiled_once_and_the_first_rule_wins() -> None:
    first = Rule("precedent", "evidence", r"\b(?:When|when) [A-Z]\w+ banned\b", "example", True)
    again = Rule("other", "claim", r"\bwhen [a-z]\w+ banned\b")
    rules = compile_rules((first, again))
    # Lower-cased, "When" and "when" are one alternative, and the second rule's is the same
    # again: it could never match where the first did not, so all is compiled once.
    assert list(rules.markers.values()) == [first]
    assert [(r.kind, a, b) for r, a, b in find(rules, "So when Oslo banned cars")] == [
        ("precedent", 3, 19)
    ]
    # The cased rule's match fails as written ("oslo"); the scan moves on past it, as it did
    # with the copies in (the first copy matched there and the others were never tried).
    assert find(rules, "when oslo banned cars") == []


RULES = (
    Rule("word", "claim", r"\bab|\bc\b"),
    Rule("run", "claim", r"b+c|ab+x"),
    Rule("quote", "claim", r"'a a|\b'x"),
    Rule("dot", "evidence", r"\.(?<=\w{2}\.)ab", "link", extend_left=True),
)
"""Word-start rules and others that can start inside words, inside each other's matches, at
the last character of each other's matches, and at the same place."""


def scanned(rules, lower: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.lastgroup or "") for m in rules.scan.finditer(lower)]


def kinds(rules, text: str) -> list[tuple[str, int, int]]:
    return [(rules.markers[name].kind, a, b) for a, b, name in spans(rules, text)]


def test_two_scans_merge_as_one_scan_would() -> None:
    rules = compile_rules(RULES)
    # A word match ("ab") hides the other scan's match starting inside it ("bc").
    assert kinds(rules, "abc") == [("word", 0, 2)]
    # Another match ("'a a") hides a word starting at its last character ("ab").
    assert kinds(rules, "'a ab c") == [("quote", 0, 4), ("word", 6, 7)]
    # At one place, the word rule wins ("ab", not "abbx"); back to back; at the very start.
    assert kinds(rules, "abbx ab ab.ab") == [
        ("word", 0, 2),
        ("word", 5, 7),
        ("word", 8, 10),
        ("dot", 10, 13),
    ]
    for text in ("abc", "'a ab c", "abbx ab ab.ab"):
        assert list(spans(rules, text)) == scanned(rules, text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcx' .\n_é’", max_size=60))
def test_two_scans_find_what_one_scan_of_both_finds(text: str) -> None:
    """`spans` runs the word-start alternatives and the others as two scans and merges them:
    the matches of one pattern of both, in every arrangement."""
    rules = compile_rules(RULES)
    assert list(spans(rules, text)) == scanned(rules, text)


def test_two_scans_of_the_shipped_rules_on_real_threads() -> None:
    rules = compiled_rules()
    texts = [demo_path().read_text(encoding="utf-8")]
    if SHARED.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("datasets/*/*.txt"))]
    found = 0
    for text in texts:
        lower = lower_text(text)
        assert list(spans(rules, lower)) == scanned(rules, lower)
        found += len(scanned(rules, lower))
    assert found > 100


def test_no_alternative_matches_nothing() -> None:
    """An empty match would move `finditer` on by itself; `spans` assumes none can happen."""
    for part in compiled_rules().parts:
        assert all(re._parser.parse(alt).getwidth()[0] > 0 for alt in alternatives(part))
