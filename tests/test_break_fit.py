"""The paragraph-break model learns from the breaks it will weigh, and its row cues read lists.

`benchmarks/fit_breaks.py` leaves out the breaks a rule of the segmenter decides first
(`kept_by_rule`): those are easy examples the model never meets at run time, and they tilted its
weights. That is only right if every break `kept_by_rule` names is indeed never weighed: checked
here on real flattened threads, with the models' calls recorded while the reader parses them.
"""

from __future__ import annotations

import pytest

import parsing.segment as segment
from parsing.breaks import CUES, WEIGHTS
from parsing.models import Source
from parsing.rows import ROW_CUES, row_cues
from parsing.segment import kept_by_rule
from parsing.text_reader import parse_text
from tests.conftest import SEED, SHARED, needs_shared

FLAT = SHARED / "datasets" / "flat"


def _weighed(path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every (line before, line) pair a break model weighed while the reader parsed `path`."""
    seen: list[tuple[str, str]] = []
    post_break, new_post = segment.is_post_break, segment.is_new_post

    def paragraph(before, line, post, around):  # type: ignore[no-untyped-def]
        seen.append((before, line))
        return post_break(before, line, post, around)

    def single(before, line, post):  # type: ignore[no-untyped-def]
        seen.append((before, line))
        return new_post(before, line, post)

    monkeypatch.setattr(segment, "is_post_break", paragraph)
    monkeypatch.setattr(segment, "is_new_post", single)
    text = path.read_text(encoding="utf-8")
    parse_text(text, Source(path=str(path), format="text", sha256="0" * 64))
    return seen


@needs_shared
@pytest.mark.parametrize(
    "path",
    [
        SEED,
        FLAT / "d114_d1626.discourse_likes.txt",
        FLAT / "d115_d15954.xf_seed.txt",
    ],
    ids=lambda p: p.name,
)
def test_no_break_a_rule_decides_is_ever_weighed(path, monkeypatch: pytest.MonkeyPatch) -> None:
    weighed = _weighed(path, monkeypatch)
    assert len(weighed) >= 5, "the thread must exercise the models"
    ruled = [(b, line) for b, line in weighed if kept_by_rule("", b, line)]
    assert not ruled, f"weighed although a rule decides them: {ruled[:3]}"


def test_kept_by_rule_names_the_segmenters_rules() -> None:
    assert kept_by_rule("", "Steps I took:", "1. opened the file")  # a list a colon opens
    assert kept_by_rule("", "I tried this and", "it failed again")  # a sentence running on
    assert kept_by_rule("", "My setup is as follows,", "Windows 10")  # "," leads on
    assert not kept_by_rule("", "It works now, thank you.", "Glad to hear it!")


def test_row_cues_read_lists_of_questions_and_label_rows() -> None:
    cues = dict(zip(ROW_CUES, row_cues("What card do you have?", "What driver?"), strict=True))
    assert cues["both_questions"] and cues["line_is_question"]
    cues = dict(zip(ROW_CUES, row_cues("CPU: Intel i7", "RAM: 16 GB"), strict=True))
    assert cues["both_label_rows"]
    cues = dict(zip(ROW_CUES, row_cues("PC1", "CPU: Intel i7"), strict=True))
    assert cues["before_is_short_head"] and cues["line_is_label_row"]
    assert not any(row_cues("It works now.", "Thanks!"))
    assert not row_cues("Read it", "https://example.org/a: b")[2]  # an address is no label


def test_every_cue_of_the_paragraph_model_has_a_fitted_weight() -> None:
    assert set(WEIGHTS) == set(CUES)
    assert set(ROW_CUES) <= set(CUES)
