"""Sentence splitting on the habits of forum text."""

from __future__ import annotations

import pytest

from scoring.sentences import sentences, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A poster seen on Mall Rd. of Lahore. I think it's a clear message.",
            ["A poster seen on Mall Rd. of Lahore.", "I think it's a clear message."],
        ),
        (
            "The U.S. troops left, e.g. in 2011. They came back.",
            ["The U.S. troops left, e.g. in 2011.", "They came back."],
        ),
        ("It was 317.4 KB and 3.5 MB. Fine.", ["It was 317.4 KB and 3.5 MB.", "Fine."]),
        (
            "Quieter, sure... Safer? I thought... maybe not.",
            ["Quieter, sure...", "Safer?", "I thought... maybe not."],
        ),
        (
            "lolzzxx. the govt put it up. plz check",
            ["lolzzxx.", "the govt put it up.", "plz check"],
        ),
        ("Funny :) I agree with you. haha", ["Funny :)", "I agree with you.", "haha"]),
        (
            "See https://example.org/a.b?x=1 for it. Next one.",
            ["See https://example.org/a.b?x=1 for it.", "Next one."],
        ),
        (
            "My points:\n- first item\n- second item\n1. numbered one\n2. numbered two",
            ["My points:", "- first item", "- second item", "1. numbered one", "2. numbered two"],
        ),
        (
            "TTP, Ahrar, ETIM, IMU e.t.c will be willing supporters. Same can be said.",
            ["TTP, Ahrar, ETIM, IMU e.t.c will be willing supporters.", "Same can be said."],
        ),
        (
            'He said "no." Then he left!!! Really?!',
            ['He said "no."', "Then he left!!!", "Really?!"],
        ),
        (
            "both Russia and Us needs Pakistan\nthis time we should decide wisely",
            ["both Russia and Us needs Pakistan", "this time we should decide wisely"],
        ),
    ],
)
def test_forum_text_splits_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_hard_wrapped_line_running_on_in_lower_case_is_one_sentence() -> None:
    text = (
        "This is a long line of hard wrapped forum text that goes on past sixty\n"
        "characters and only ends here."
    )
    assert sentences(text) == [text]


def test_spans_are_offsets_into_the_text_and_trimmed() -> None:
    text = "  First one.\n\n  Second one?  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one?"]
    assert spans[0][0] == 2


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []
