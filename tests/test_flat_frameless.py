"""Pages with no post frame: posts told apart by their words (thanks closing a post, code going
on, greetings opening one), and the separator between posts read from where quotes stand."""

from __future__ import annotations

from parsing.breaks import break_logit
from parsing.literal import is_literal
from parsing.models import Source, Thread
from parsing.segment import separator_from_quotes
from parsing.text_reader import parse_text
from parsing.turns import PostSoFar, stack_logit

SOURCE = Source(path="t.txt", format="text", sha256="0" * 64)


def parse(text: str) -> Thread:
    return parse_text(text, SOURCE)


def starts(thread: Thread) -> list[int]:
    return [p.lines[0] for p in thread.posts if p.lines]


def test_statements_of_code_are_code_and_sentences_are_not() -> None:
    for code in (
        "volume = loader.read_volume('scan_01')",
        "process.start()",
        "counts[counts > 0] = 0",
        "for name, value in settings.items():",
    ):
        assert is_literal(code), code
    for prose in (
        "I think x = 5 is a fair guess here.",
        "If you (really) want that, do it.",
        "Thanks (see above) for the pointer",
    ):
        assert not is_literal(prose), prose


def test_a_snippet_after_a_single_break_stays_in_its_post() -> None:
    text = (
        "Copying a volume\n"
        "\n"
        "How do I copy a volume in a script? This is what I have so far.\n"
        "volume = loader.read_volume('scan_01')\n"
        "copy = loader.clone(volume)\n"
        "values = reader.array_of(copy)\n"
    )
    # The prose line before may or may not be the same post; the snippet holds together.
    assert not {5, 6} & set(starts(parse(text)))


def test_a_line_that_only_thanks_is_less_likely_a_new_post_than_thanks_that_go_on() -> None:
    before = "The export keeps failing whenever the mesh has more than one part. Any idea why?"
    alone = "Thanks in advance!"
    going_on = "Thanks, merging the parts into one segment first made the export go through."
    post = PostSoFar(1, False, False, False, 1)
    assert stack_logit(before, alone, post) < stack_logit(before, going_on, post)
    assert break_logit(before, alone, post) < break_logit(before, going_on, post)


BLANK_PARTED = """Moving the lab archive

We plan to move the whole lab archive to the new storage cluster before the spring term starts.

The old disks are failing one after the other and the backups take a full night now.

Should we copy everything at once or move one project after another over several weeks?

We plan to move the whole lab archive to the new storage cluster before the spring term starts.

One project after another is safer, since each move can be checked before the next.

One project after another is safer, since each move can be checked before the next.

Then order new disks for the old machine too, so nothing is lost while the copy runs.
"""


def test_quotes_after_blank_lines_show_posts_parted_by_blank_lines() -> None:
    thread = parse(BLANK_PARTED)
    # The two replies open with the words they quote, each after a blank line: posts are
    # parted by blank lines here, and each reply starts at its quote.
    assert starts(thread)[:1] == [3]
    assert 9 in starts(thread) and 13 in starts(thread)
    assert [q.target for p in thread.posts for q in p.quotes] == [1, 2]


def test_quotes_after_single_breaks_keep_single_breaks_as_separators() -> None:
    lines = ["First post words that somebody will quote later on in the thread.", "Reply"]
    lines += ["", "First post words that somebody will quote later on in the thread."]
    lines += ["x", "First post words that somebody will quote later on in the thread."]
    from parsing.segment import QuoteLine

    quotes = {3: QuoteLine(0, 1.0, False), 5: QuoteLine(0, 1.0, False)}
    assert separator_from_quotes(lines, quotes) is None
    assert separator_from_quotes(lines, {3: QuoteLine(0, 1.0, False)}) is None


def test_a_share_link_under_every_comment_is_not_a_quote() -> None:
    comments = (
        "I have had this phone for a month and the battery easily lasts two days.",
        "Mine overheats when I play games for longer than half an hour, sadly.",
        "Does anyone know whether the camera update fixed the night mode?",
        "The price dropped again last week, so I finally ordered the blue one.",
    )
    text = "\n\n".join(f"{c}\n   o http://disq.us/p/1ry" for c in comments)
    assert not [q for post in parse(text).posts for q in post.quotes if q.target is not None]


def test_one_passage_after_a_single_break_does_not_outvote_the_rest() -> None:
    """A log quoted twice, or a passage going on over a single break, now and then opens on a
    single break even where posts are parted by blank lines: most passages decide."""
    from parsing.segment import QuoteLine

    words = "Words of an earlier post that a later reply quotes at its very start."
    lines = [words, "", "", words, "a", "", words, "b", words, "c", "", words]
    quotes = {k: QuoteLine(0, 1.0, False) for k in (3, 6, 8, 11)}
    assert separator_from_quotes(lines, quotes) == 1
    # Half of them after single breaks is no vote for blank lines.
    assert separator_from_quotes(lines, {6: quotes[6], 8: quotes[8]}) is None


LIKED = """Exporting a segmentation

I am trying to export my segmentation of the liver to an STL file for printing.

The export button stays grey whatever I select in the list of segments.

2 Likes

Select the segmentation node in the dropdown above the list first, then the button works.
"""


def test_a_likes_line_standing_apart_closes_the_post_on_a_page_without_quotes() -> None:
    # No quote shows how posts are parted here; the "2 Likes" under the words still closes
    # the post, and the words after it open the next one.
    thread = parse(LIKED)
    assert starts(thread) == [3, 9]


def test_a_paragraph_turning_from_i_to_you_more_likely_opens_a_post() -> None:
    from parsing.breaks import Paragraphs

    post = PostSoFar(4, False, False, True, 1)
    before = "I tried it again this morning and my export still fails."
    asking = "I also tried my other laptop, and my files fail there too."
    answering = "You need to select your segmentation node before you export it."
    question = "I am exporting my liver segmentation. " + before
    mine = Paragraphs(question, before, asking)
    yours = Paragraphs(question, before, answering)
    assert break_logit(before, answering, post, yours) > break_logit(before, asking, post, mine)


def test_a_log_pasted_again_is_not_a_quote_of_the_post_that_pasted_it_first() -> None:
    log = [
        "[ERROR][VTK] 19.12.2020 00:14:44 [vtkSlicerCLIModuleLogic] - Convert failed (code 1)",
        "[CRITICAL][Stream] 19.12.2020 00:14:44 [] (unknown:0) - SEG2NRRD did not complete",
    ]
    text = "\n\n".join(
        [
            "Loading a segmentation fails",
            "Loading my segmentation fails with this in the log:",
            "\n".join(log),
            "Please try the latest preview release and post the log again.",
            "Same with the preview release, the log says:",
            "\n".join(log),
        ]
    )
    assert not [q for post in parse(text + "\n").posts for q in post.quotes]
