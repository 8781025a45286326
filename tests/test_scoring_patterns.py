"""The one-scan rule compiler: a repeated alternative is compiled once, and which rule wins
does not change."""

from __future__ import annotations

from scoring.patterns import Rule, compile_rules, find


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
