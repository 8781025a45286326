"""Quote links in flattened text, where the page marks a quote by a tag, an attribution line or
a picture beside the quoted poster's name: the link a reader follows must go to the post whose
words the quote repeats, and the marks themselves are nobody's words."""

from __future__ import annotations

from parsing.models import Source, Thread
from parsing.residue import words_of
from parsing.tag_quotes import find_tag_quotes
from parsing.text_reader import parse_text

SOURCE = Source(path="t.txt", format="text", sha256="0" * 64)
RULE = "-" * 25

# A Discourse /raw topic as the forum serves it: "user | date | #n" over each post, the post's
# Markdown as typed, a line of 25 dashes under it.
RAW_TOPIC = f"""marta | 2024-03-01 09:12:40 UTC | #1

Our build farm keeps timing out on the linker step (ld.gold, about 40 minutes per target).
I would like to split the monorepo into three packages so that each one links on its own.

Has anyone measured how much incremental linking (e.g. with mold) would save before we split?

{RULE}

oskar | 2024-03-01 10:03:17 UTC | #2

[quote="marta, post:1, topic:812"]
Our build farm keeps timing out on the linker step (ld.gold, about 40 minutes per target).
[/quote]

Forty minutes sounds like debug info. Try split DWARF before anything else.

[quote="marta, post:1, topic:812"]
Has anyone measured how much incremental linking (e.g. with mold) would save before we split?
[/quote]

We moved to mold last year; full links went from 25 minutes to under 3.

{RULE}

marta | 2024-03-01 11:40:02 UTC | #3

[quote="oskar, post:2, topic:812"]
We moved to mold last year; full links went from 25 minutes to under 3.
[/quote]

That is a bigger win than I hoped for. Did you keep gold as a fallback for the release builds?

[quote="oskar, post:7, topic:812"]
Nobody reads the release notes anyway (see the thread from May).
[/quote]

True, but we still have to write them.

{RULE}

petra | 2024-03-02 08:00:51 UTC | #4

[quote="marta, post:3, topic:812"]
[quote="oskar, post:2, topic:812"]
We moved to mold last year; full links went from 25 minutes to under 3.
[/quote]

That is a bigger win than I hoped for. Did you keep gold as a fallback for the release builds?
[/quote]

We keep gold for release builds only, because our symbol ordering script (order.py) needs it.
"""


def _parse(text: str) -> Thread:
    return parse_text(text, SOURCE)


def _links(thread: Thread) -> list[tuple[int, int | None, tuple[int, int] | None]]:
    return [(p.number, q.target, q.lines) for p in thread.posts for q in p.quotes]


def test_raw_topic_quotes_link_to_the_posts_their_tags_name() -> None:
    thread = _parse(RAW_TOPIC)
    assert [p.lines[0] for p in thread.posts if p.lines] == [1, 10, 26, 42]
    links = _links(thread)
    # each quote is the lines between its tags, linked to the post "post:N" names
    assert (2, 1, (13, 13)) in links
    assert (2, 1, (19, 19)) in links
    assert (3, 2, (29, 29)) in links
    # a quote of post 7, which is not on this page, links nowhere
    assert (3, None, (35, 35)) in links
    # a quote of a quote is one quote, of the post whose tag is outermost
    assert (4, 3, (45, 49)) in links
    assert len(links) == 5


def test_raw_topic_tags_are_not_quoted_words() -> None:
    thread = _parse(RAW_TOPIC)
    first = thread.posts[1].quotes[0]
    assert first.text.startswith("Our build farm keeps timing out")
    assert "[quote" not in first.text and "[/quote]" not in first.text
    assert "[quote" not in thread.posts[1].body
    assert first.author == "marta"


def test_glued_tags_of_a_migrated_post_leave_the_words_in_the_quote() -> None:
    text = RAW_TOPIC.replace(
        '[quote="oskar, post:2, topic:812"]\nWe moved to mold last year; full links went from 25 '
        "minutes to under 3.\n[/quote]\n\nThat is a bigger",
        '[quote="oskar"]We moved to mold last year; full links went from 25 minutes to under '
        "3.[/quote]\n\nThat is a bigger",
        1,
    )
    thread = _parse(text)
    third = thread.posts[2]
    glued = next(q for q in third.quotes if q.lines == (28, 28))
    assert glued.target == 2
    assert glued.text == "We moved to mold last year; full links went from 25 minutes to under 3."


def test_tag_finder_keeps_outermost_pairs_only() -> None:
    found = find_tag_quotes(RAW_TOPIC.split("\n"))
    spans = [(f.start, f.first, f.last, f.end, f.author) for f in found.frames]
    assert spans[-1] == (43, 44, 48, 49, "marta")
    assert len(spans) == 5
    assert found.post_numbers[44] == 3


# A Discourse topic page flattened by inscriptis: the quote's author printed as "name:" over it.
PAGE = """      vera 2024-09-13 14:02 UTC #1

      Our CT stacks are 11 GB each and the segment editor stalls on every stroke (10-20 s).

      Would downsampling the master volume (e.g. to 0.5 mm) lose the fine structures?

      tomas 2024-09-13 15:20 UTC #2
        vera:

      Our CT stacks are 11 GB each and the segment editor stalls on every stroke (10-20 s).

      Eleven gigabytes is a lot for one stack; crop it to the region you need first.

        vera:

      Would downsampling the master volume (e.g. to 0.5 mm) lose the fine structures?

      Only below the new voxel size. Try a cropped region at full resolution first.

      vera 2024-09-14 08:41 UTC #3
        tomas:

      Only below the new voxel size. Try a cropped region at full resolution first.

      Cropping worked: strokes are instant now, thanks.

      ines 2024-09-15 10:02 UTC #4

      Same here with a 9 GB micro-CT stack; cropping plus a smaller brush fixed it.
"""


def test_quote_under_a_name_line_is_linked_though_it_holds_brackets() -> None:
    thread = _parse(PAGE)
    links = _links(thread)
    assert (2, 1, (10, 10)) in links
    assert (2, 1, (16, 16)) in links  # the second, after the post's own words
    assert (3, 2, (23, 23)) in links


def test_a_picture_beside_a_name_is_the_name_not_a_quote() -> None:
    avatar = "![](https://cdn.example.org/user_avatar/forum.example.org/vera/48/5640_2.png) vera:"
    assert words_of(avatar) == " vera:"
    assert words_of("![5 stars](https://example.org/stars-5.svg)") == "![5 stars]"
    assert (
        words_of("[Re: Topic](https://example.org/t/1#p2)")
        == "[Re: Topic](https://example.org/t/1#p2)"
    )
    posts = [
        "[vera](/u/vera) 2024-09-13 14:02 UTC #1",
        "",
        "Our CT stacks are 11 GB each and the segment editor stalls on every stroke.",
        "",
        "[tomas](/u/tomas) 2024-09-13 15:20 UTC #2",
        "",
        avatar,
        "",
        "> Our CT stacks are 11 GB each and the segment editor stalls on every stroke.",
        "",
        "Only below the new voxel size. Try a cropped region at full resolution first.",
        "",
        "[vera](/u/vera) 2024-09-14 08:41 UTC #3",
        "",
        avatar,
        "",
        "> Only below the new voxel size. Try a cropped region at full resolution first.",
        "",
        "Cropping worked: strokes are instant now.",
        "",
        "[tomas](/u/tomas) 2024-09-14 09:10 UTC #4",
        "",
        avatar,
        "",
        "Glad it helped.",
    ]
    thread = _parse("\n".join(posts) + "\n")
    quoted = {q.lines for p in thread.posts for q in p.quotes if q.target is not None}
    assert (15, 15) not in quoted and (23, 23) not in quoted  # the avatar line repeats: no quote


# A topic page flattened by html2text: each quote a '>' run under the quoted poster's name.
MARKDOWN_PAGE = """[nadia](/u/nadia) 2024-05-02 09:10 UTC #1

The exporter crashes on every model over two million faces. Looks like radiomics is down
again too, so I cannot compare the volumes either.

[omar](/u/omar) 2024-05-02 10:22 UTC #2

nadia:

> The exporter crashes on every model over two million faces.

Decimate it first; the exporter keeps every face in memory.

[nadia](/u/nadia) 2024-05-02 11:40 UTC #3

omar:

> Decimate it first; the exporter keeps every face in memory.

That worked, thank you. It takes a minute but the file is a tenth of the size.

[omar](/u/omar) 2024-05-02 12:05 UTC #4

nadia:

> radiomics is down

It should be back soon; the maintainers moved the server last night.
"""


def test_a_marked_quote_too_short_to_find_alone_links_to_the_post_holding_it() -> None:
    thread = _parse(MARKDOWN_PAGE)
    links = _links(thread)
    assert (2, 1, (10, 10)) in links
    assert (3, 2, (18, 18)) in links
    # three words cut from the middle of a sentence of post 1: found because it is marked
    assert (4, 1, (26, 26)) in links
