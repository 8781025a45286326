"""Which forum engine made a page, from markup only that engine emits.

Each engine is recognised by its post container (what we will read anyway), so a page is only
claimed by an engine whose posts we can actually find; the `generator` meta tag settles pages
whose post markup was themed away. Order matters where engines share ancestry (XenForo 2 before
1, vBulletin 5 before 4 before 3, Something Awful before vBulletin 3).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from parsing.html.discourse import engine as discourse_engine
from parsing.html.engines import ENGINES
from parsing.html.extract import Engine

_SIGNATURES: tuple[tuple[str, str], ...] = (
    ("xenforo2", "article.message--post[data-content], html#XF article.message"),
    ("xenforo1", "li.message[id^=post-] blockquote.messageText"),
    ("vbulletin5", "li.b-post[data-node-id] .js-post__content-text"),
    ("vbulletin4", "li[id^=post_] div[id^=post_message_]"),
    ("somethingawful", "table.post[id^=post] td.postbody"),
    ("vbulletin3", "div[id^=post_message_]"),
    ("phpbb3", "div.post[id^=p] div.postbody div.content"),
    ("smf", "div.post_wrapper div.poster"),
    ("vanilla", "li.ItemComment .Message, .ItemDiscussion .Message"),
    ("invision", "article[id^=elComment_] [data-role=commentContent]"),
    (
        "discourse",
        "article[data-post-id] .cooked, div.crawler-post [itemprop=text], "
        "div.crawler-post [itemprop=articleBody]",
    ),
)
_GENERATORS = (
    ("xenforo", "xenforo2"),
    ("vbulletin 5", "vbulletin5"),
    ("vbulletin 4", "vbulletin4"),
    ("vbulletin 3", "vbulletin3"),
    ("phpbb", "phpbb3"),
    ("smf", "smf"),
    ("simple machines", "smf"),
    ("vanilla", "vanilla"),
    ("invision", "invision"),
    ("discourse", "discourse"),
)


_PAGE_MARKERS: tuple[tuple[str, str], ...] = (
    ("xenforo2", "html#XF"),
    ("xenforo1", "html#XenForo"),
    ("vbulletin4", "html#vbulletin_html"),
    ("vbulletin5", "html#vbulletin"),
    ("phpbb3", "body#phpbb"),
    ("invision", "body.ipsApp"),
    ("vanilla", "body[id^=vanilla_]"),
    ("somethingawful", "body.somethingawful"),
)


def detect_engine(tree: LexborHTMLParser, text: str = "") -> str | None:
    """The engine name (a key of the engine table, or "discourse"), or None when unknown.

    Post markup decides first; failing that, the generator tag and page-wide markers still name
    the engine of a page without posts (an error or login page), so the user hears why.
    """
    for name, selector in _SIGNATURES:
        if tree.css_first(selector) is not None:
            return name
    meta = tree.css_first("meta[name=generator]")
    generator = (meta.attributes.get("content") or "").lower() if meta is not None else ""
    for hint, name in _GENERATORS:
        if hint in generator:
            return name
    for name, selector in _PAGE_MARKERS:
        if tree.css_first(selector) is not None:
            return name
    if "smf_scripturl" in text:
        return "smf"
    return None


def engine_for(name: str, topic_id: str | None = None) -> Engine:
    """The engine description for a detected name."""
    if name == "discourse":
        return discourse_engine(topic_id)
    return ENGINES[name]
