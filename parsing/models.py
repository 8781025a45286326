"""The thread model every other layer reads: what a saved thread says, and nothing more.

`parsing` produces these; `scoring` and `tui` only consume them. Line numbers are 1-based and
inclusive in the input file, as the truth files count them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from parsing.textsafe import clean, visible

LineSpan = tuple[int, int]

Text = Annotated[str, AfterValidator(clean)]
"""Every string a thread model holds from its input passes here, whatever format it came from
(text dump, any HTML engine, topic JSON): no escape sequence, control, bidi control or
zero-width character can reach the reader, `parse` or the JSON and TOML outputs."""

SourceFormat = Literal["text", "html", "json"]


class Attachment(BaseModel):
    """A file shown under a post ("  • name.jpg" / "317.4 KB · Views: 64")."""

    model_config = ConfigDict(frozen=True)

    name: Text
    size: Text | None = None
    views: int | None = None
    url: Text | None = None
    lines: LineSpan | None = None


class Quote(BaseModel):
    """Words of another post (or of an outside source) repeated inside a post.

    `target` is the quoted post's number in this thread, or None when the quoted words come from
    outside the thread or from a post that is not on the page (then `author`/`source_id` may still
    name it). `score` is how sure the link is, 0..1; explicit markup gives 1.0.
    """

    model_config = ConfigDict(frozen=True)

    target: int | None = None
    author: Text | None = None
    source_id: Text | None = None
    text: Text
    truncated: bool = False
    lines: LineSpan | None = None
    score: float = 0.0
    nested: list[Quote] = Field(default_factory=list)


class Part(BaseModel):
    """One run of a post in reading order: the post's own words, or a quote (by index)."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["text", "quote"]
    text: Text = ""
    quote: int | None = None


class Post(BaseModel):
    """One post. `body` holds only the post's own words; quotes are kept apart in `quotes`."""

    number: int
    id: Text
    source_id: Text | None = None
    author: Text | None = None
    author_title: Text | None = None
    date: dt.date | None = None
    lines: LineSpan | None = None
    body: Text
    parts: list[Part] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    signature: Text | None = None

    def reading_parts(self) -> list[Part]:
        """Parts in reading order; a post built without parts reads as quotes then body."""
        if self.parts:
            return self.parts
        parts = [Part(kind="quote", quote=i) for i in range(len(self.quotes))]
        if self.body:
            parts.append(Part(kind="text", text=self.body))
        return parts


class Source(BaseModel):
    """Where a thread came from; `sha256` fingerprints the bytes so state can be re-attached."""

    path: str
    paths: list[str] = Field(default_factory=list)
    """Every page, in page order, when several pages were read as one thread."""
    format: SourceFormat
    sha256: str
    engine: Text | None = None


class Thread(BaseModel):
    """A parsed thread: title, posts in page order, and which input lines were page chrome."""

    title: Text | None = None
    title_line: int | None = None
    source: Source
    posts: list[Post] = Field(default_factory=list)
    chrome_lines: list[int] = Field(default_factory=list)
    warnings: list[Text] = Field(default_factory=list)

    def post(self, number: int) -> Post:
        """The post with this number (numbers run from 1 in page order)."""
        return self.posts[number - 1]

    def quoted_by(self) -> dict[int, list[int]]:
        """For each post number, the numbers of later posts that quote it."""
        back: dict[int, dict[int, None]] = {}  # ordered sets: a post quoted by thousands
        for post in self.posts:
            for quote in post.quotes:
                if quote.target is not None:
                    back.setdefault(quote.target, {})[post.number] = None
        return {target: list(refs) for target, refs in back.items()}

    def to_json(self) -> dict[str, Any]:
        """The `threadscore parse --json` document (the contract eval tools read)."""
        data = self.model_dump(mode="json", exclude={"posts"})
        source = data["source"]  # file names are not cleaned in the model (they name a file)
        source["path"] = visible(source["path"])
        source["paths"] = [visible(p) for p in source["paths"]]
        data["posts"] = [
            {
                "number": p.number,
                "id": p.id,
                "source_id": p.source_id,
                "author": p.author,
                "author_title": p.author_title,
                "date": p.date.isoformat() if p.date else None,
                "lines": list(p.lines) if p.lines else None,
                "body": p.body,
                "quotes": [q.model_dump(mode="json") for q in p.quotes],
                "attachments": [a.model_dump(mode="json") for a in p.attachments],
            }
            for p in self.posts
        ]
        return data


_Model = TypeVar("_Model", bound=BaseModel)


def trusted_builder(
    cls: type[_Model], given: Iterable[str] | None = None
) -> Callable[[dict[str, Any]], _Model]:
    """A builder of `cls` that skips validation, for values our own code typed: a dict of every
    field in field order, each value already of its type, and every `Text` value already passed
    through `clean` by the caller (once, as the validator would). The model is the one
    `cls(**{name: values[name] for name in given})` makes (`given`: the names the call passed,
    every field by default), as tests check; validating tens of thousands of posts, quotes,
    cues and scores a thread was a tenth of reading and of scoring it.

    Models of a frozen class, or with every field set, share one set of set fields: a set per
    model was 40% of the scorer's memory (728 bytes for a post score's 14 names), and pydantic
    only ever adds the name of a field being assigned to it (impossible when frozen, a no-op
    when every name is in) or copies the set first."""
    names = frozenset(cls.model_fields if given is None else given)
    every = names == frozenset(cls.model_fields)
    shared = set(names) if every or cls.model_config.get("frozen") else None
    new = object.__new__
    set_dict = object.__setattr__
    # BaseModel's own slots, set through their descriptors: cheaper than by name.
    slots = vars(BaseModel)
    set_fields = slots["__pydantic_fields_set__"].__set__
    set_extra = slots["__pydantic_extra__"].__set__
    set_private = slots["__pydantic_private__"].__set__

    def build(values: dict[str, Any]) -> _Model:
        model = new(cls)
        set_dict(model, "__dict__", values)
        set_fields(model, shared if shared is not None else set(names))
        set_extra(model, None)
        set_private(model, None)
        return model

    return build
