"""The text reader builds its posts, parts and quotes without validation (for speed): each must
be exactly the model validation makes from the same values, and every string must still be
cleaned as the models' `Text` validator would clean it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from parsing import load_thread
from parsing.load import demo_path
from parsing.models import Post, Quote, Source, Thread
from parsing.text_reader import parse_text
from parsing.textsafe import clean
from tests.conftest import SEED, SHARED, needs_shared


def _same_as_validated(model: BaseModel) -> None:
    """`model` equals the model validation makes from the fields it has set: same values of
    the same types in field order, the same fields set, nothing extra or private."""
    cls = type(model)
    validated = cls(**{name: model.__dict__[name] for name in model.model_fields_set})
    assert model == validated
    assert list(model.__dict__) == list(cls.model_fields)
    assert model.model_fields_set == validated.model_fields_set
    assert model.__pydantic_extra__ is None and model.__pydantic_private__ is None
    assert model.model_dump_json() == validated.model_dump_json()
    for name, value in model.__dict__.items():
        assert type(value) is type(validated.__dict__[name]), name


def _quotes(quotes: list[Quote]) -> list[Quote]:
    return [q for quote in quotes for q in (quote, *_quotes(quote.nested))]


def _check(thread: Thread) -> int:
    checked = 0
    for post in thread.posts:
        for model in [post, *post.parts, *_quotes(post.quotes)]:
            _same_as_validated(model)
            checked += 1
    return checked


def _threads() -> list[Path]:
    found = [demo_path()]
    if SHARED.is_dir():
        found.append(SEED)
        found += sorted((SHARED / "datasets" / "iac").glob("*.txt"))[:8]
        found += sorted((SHARED / "datasets" / "flat").glob("*.txt"))[:12]
        found.append(SHARED / "datasets" / "flat" / "d111_d3737.xf_marked.txt")  # nested quotes
    return found


@pytest.mark.parametrize("path", _threads(), ids=lambda p: p.name)
def test_posts_quotes_and_parts_are_the_validated_models(path: Path) -> None:
    assert _check(load_thread([path])) > 0


@needs_shared
def test_the_checked_threads_hold_quotes_nested_quotes_and_parts() -> None:
    """The threads above exercise every way the reader builds a model."""
    quotes = nested = parts = 0
    for path in _threads():
        for post in load_thread([path]).posts:
            quotes += len(post.quotes)
            nested += sum(len(q.nested) for q in post.quotes)
            parts += len(post.parts)
    assert quotes and parts and nested


HOSTILE = """A thread\x1b]0;pwned\x07 about bikes

alice\u202e
Sep 3, 2026
Cars\x1b[31m are\u200b the problem in our town centre, every single day of the week.

bob\x1b[2J
Sep 4, 2026
alice said:
Cars\x1b[31m are\u200b the problem in our town centre, every single day of the week.
Click to expand...
No\x07 they are not, and the counts from last spring show it clearly enough.
"""


def test_strings_from_hostile_text_are_cleaned_once_as_validation_would() -> None:
    """Escape sequences, bells, bidi and zero-width characters in a title, authors, bodies
    and quotes are gone from every string the models hold, exactly as `clean` leaves them."""
    source = Source(path="hostile.txt", format="text", sha256="0" * 64)
    thread = parse_text(HOSTILE, source)
    assert _check(thread) > 0
    strings = [thread.title or ""]
    for post in thread.posts:
        strings += [post.id, post.author or "", post.body, post.signature or ""]
        strings += [part.text for part in post.parts]
        strings += [q.text for q in _quotes(post.quotes)]
        strings += [q.author or "" for q in _quotes(post.quotes)]
    for text in strings:
        assert text == clean(text)
        assert "\x1b" not in text and "\u202e" not in text and "\u200b" not in text
    assert len(thread.posts) == 2 and thread.posts[1].quotes
    assert isinstance(thread.posts[0], Post)


def test_posts_share_one_full_set_of_set_fields_and_assigning_leaves_it_whole() -> None:
    """Posts hold every field, so they share one set of set fields (memory: 728 bytes a post);
    assigning a field adds a name already in it, so no other post sees a change."""
    first, second = load_thread([demo_path()]).posts[:2]
    assert first.model_fields_set is second.model_fields_set
    first.source_id = "p1"
    assert second.model_fields_set == set(Post.model_fields) and second.source_id is None
    copied = first.model_copy()
    assert copied.model_fields_set is not first.model_fields_set
