"""Small wording helpers shared by the reader and the scorecard (no heavy imports: the reader
uses them at start-up)."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """Count and noun, "1 post" or "2 posts": notices and titles read as English."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


MODEL_LABELS = {"claim": "claim", "premise": "reason", "none": "no role"}
"""The learned model's sentence labels in the words the reader uses for cue roles."""

SIGNALS = {
    "#evidence": "a checkable-backing cue",
    "#reason": "a reason cue",
    "#claim": "a claim word",
    "#question": "a question",
    "#social": "thanks, laughter or a greeting",
    "#len:short": "a short sentence",
    "#len:mid": "a mid-length sentence",
    "#len:long": "a long sentence",
    "#len:very-long": "a very long sentence",
}
"""The model's own features (`scoring.roles.signals`) in words."""


def model_feature(gram: str) -> str:
    """One feature of the learned model (`scoring.learned.features`) as a reader reads it:
    forum words in quotes, with a number or a link named rather than shown as the model's
    placeholder ("0000", "url"), and the model's signals named instead of their internal
    names ("<s> but" is "“but” opening the sentence", "#cue:hedge" "a hedge cue")."""
    if gram in SIGNALS:
        return SIGNALS[gram]
    if gram.startswith("#cue:"):
        return f"a {gram.removeprefix('#cue:').replace('_', ' ')} cue"
    if gram.startswith("#rules:"):
        role = gram.removeprefix("#rules:")
        return f"the rules' reading: {'no role' if role == 'none' else role}"
    if gram.startswith("#"):
        return gram.removeprefix("#").replace("_", " ").replace(":", ": ")
    words = gram.split(" ")
    if len(words) == 1 and _token(words[0]) != words[0]:
        return _token(words[0]).strip("()")
    opening = words[0] == "<s>" and len(words) > 1
    shown = [_token(w) for w in (words[1:] if opening else words)]
    quoted = f"“{' '.join(shown)}”"
    return f"{quoted} opening the sentence" if opening else quoted


def _token(word: str) -> str:
    if word and set(word) == {"0"}:
        return "(a number)"
    return "(a link)" if word == "url" else word
