"""Saved forum pages (issue 3): engine detection, posts, quotes, and several pages as one thread.

`parse_html_pages` is the entry point `parsing.load` calls. Each page is read on its own
(detect.py, engines.py, discourse.py, extract.py), then pages are merged and quotes linked
(pages.py); a page of an engine we do not know goes to the text reader (fallback.py).
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from parsing.errors import ThreadscoreError
from parsing.html import discourse
from parsing.html.depth import flatten_deep
from parsing.html.detect import detect_engine, engine_for
from parsing.html.extract import Engine, RawPost, extract_post, select
from parsing.html.fallback import main_text, read_as_text
from parsing.html.generic import read_generic
from parsing.html.pages import Page, build_posts, merge_pages
from parsing.html.text import inline_text
from parsing.models import Source, Thread
from parsing.textsafe import visible

__all__ = ["MAX_PAGE_BYTES", "engine_label", "parse_html_pages"]

MAX_PAGE_BYTES = 24 * 1024 * 1024
"""Larger pages are refused: a thread page is rarely over 2 MB, and this keeps a parse within
a few seconds."""

_LOGIN_HINTS = ("log in", "login", "sign in", "anmelden", "connexion", "password")
_ERROR_HINTS = (
    "error",
    "not found",
    "no permission",
    "not authorized",
    "not authorised",
    "does not exist",
    "has been deleted",
    "404",
)
ENGINE_NAMES = {
    "xenforo1": "XenForo 1",
    "xenforo2": "XenForo 2",
    "vbulletin3": "vBulletin 3",
    "vbulletin4": "vBulletin 4",
    "vbulletin5": "vBulletin 5",
    "somethingawful": "Something Awful",
    "phpbb3": "phpBB 3",
    "smf": "Simple Machines",
    "vanilla": "Vanilla",
    "invision": "Invision Community",
    "discourse": "Discourse",
    "generic": "engine not recognised, read by page structure",
}


def engine_label(name: str | None) -> str | None:
    """How a user is told which engine a thread was read as (`Source.engine` is a key)."""
    return ENGINE_NAMES.get(name, name) if name else None


class _UnknownEngine(Exception):
    """Internal: this page goes to the text reader."""

    def __init__(self, text: str) -> None:
        self.text = text


def parse_html_pages(pages: list[tuple[Path, str, bytes]], known_engines: bool = True) -> Thread:
    """Read saved pages of one thread in page order (HTML, Discourse JSON or archives).

    `known_engines=False` reads every HTML page by its structure alone (generic.py), as a page
    of an engine we never saw would be read: the held-out measure of the generic reader."""
    with _cycle_collector_paused():
        return _parse_pages(pages, known_engines)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Reading a page makes a few objects per element and per quote and no reference cycles
    worth collecting; Python's cycle collector would still sweep the growing heap again and
    again (a third of the time of a post with 100,000 quotes). Collection resumes after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse_pages(pages: list[tuple[Path, str, bytes]], known_engines: bool) -> Thread:
    if not pages:
        raise ThreadscoreError("no saved page given")
    for path, _text, data in pages:
        if len(data) > MAX_PAGE_BYTES:
            raise ThreadscoreError(
                f"{path}: {len(data) / 1e6:.0f} MB is too large for one saved thread page "
                f"(limit {MAX_PAGE_BYTES // (1024 * 1024)} MiB)"
            )
    digest = hashlib.sha256()
    for _path, _text, data in pages:
        digest.update(data)
    all_json = all(discourse.is_topic_json(text) for _p, text, _d in pages)
    path_label = _path_label([path for path, _t, _d in pages])

    read: list[Page] = []
    unknown: list[tuple[Path, str]] = []
    errors: list[str] = []
    flattened: list[str] = []
    for path, text, _data in pages:
        try:
            text, note = flatten_deep(text, visible(str(path)))  # before the parser's time
            flattened += [note] if note else []
            read.append(read_page(path, text, known_engines))
        except _UnknownEngine as exc:
            unknown.append((path, exc.text))
        except ThreadscoreError as exc:
            errors.append(str(exc))

    if not read and unknown and not errors:
        return _fallback(unknown, path_label, digest.hexdigest())
    if not read:
        raise ThreadscoreError(errors[0] if errors else f"{path_label}: no posts found")

    warnings = flattened + [w for page in read for w in page.warnings]
    warnings += [f"{msg}; page skipped" for msg in errors]
    warnings += [
        f"{visible(str(path))}: forum engine not recognised among pages of another engine; "
        "page skipped"
        for path, _ in unknown
    ]
    engines = [p.engine for p in read]
    if len(set(engines)) > 1:
        raise ThreadscoreError(
            f"these pages come from different forums ({', '.join(sorted(set(engines)))}); "
            "give the pages of one thread"
        )
    posts = build_posts(merge_pages(read))
    source = Source(
        path=path_label,
        paths=[str(path) for path, _t, _d in pages] if len(pages) > 1 else [],
        format="json" if all_json else "html",
        sha256=digest.hexdigest(),
        engine=engines[0],
    )
    title = next((p.title for p in read if p.title), None)
    return Thread(title=title, source=source, posts=posts, warnings=warnings)


def _path_label(paths: list[Path]) -> str:
    """One page names itself; several pages are named by the folder that holds them all."""
    if len(paths) == 1:
        return str(paths[0])
    folder = Path(os.path.commonpath([p.resolve().parent for p in paths]))
    return str(folder) if folder != Path(folder.anchor) else str(paths[0])


def read_page(path: Path, text: str, known_engines: bool = True) -> Page:
    """One page's posts; raises ThreadscoreError for a page with none (login, error, empty).

    The engine table first; a page of an engine it does not know is read by its repeating
    structure (generic.py); only a page without one goes to the text reader."""
    if known_engines and discourse.is_topic_json(text):
        topic = discourse.read_topic_json(text, visible(str(path)))
        return _topic_page(path, topic)
    if known_engines and discourse.is_archive(text):
        return _topic_page(path, discourse.read_archive(text))
    tree = LexborHTMLParser(text)
    name = detect_engine(tree, text) if known_engines else None
    if name is None:
        return _generic_page(path, tree)
    topic_id = discourse.page_topic_id(tree) if name == "discourse" else None
    engine = engine_for(name, topic_id)
    posts = _read_posts(tree, engine)
    warnings = []
    if not posts:
        raise ThreadscoreError(f"{path}: {_why_empty(tree, engine)}")
    if _looks_cut_off(text):
        warnings.append(
            f"{visible(str(path))}: the page looks cut off (it does not end with </html>)"
        )
    return Page(path, engine.name, _title(tree, engine), posts, warnings)


def _generic_page(path: Path, tree: LexborHTMLParser) -> Page:
    """A page of an engine the table does not know, read by its repeating structure; failing
    that, a login page is refused and anything else goes to the text reader."""
    title = _title(tree, None)
    posts = read_generic(tree)
    if posts:
        warning = (
            f"{visible(str(path))}: forum engine not recognised, so posts were read by page "
            "structure; check authors and quote links"
        )
        return Page(path, "generic", title, posts, [warning])
    if _looks_like_login(tree):
        raise ThreadscoreError(f"{path}: a login page, not a thread (save it signed in)")
    raise _UnknownEngine(main_text(tree))


def _topic_page(path: Path, topic: discourse.Topic) -> Page:
    if not topic.posts:
        raise ThreadscoreError(f"{path}: no posts found in this Discourse topic")
    return Page(path, "discourse", topic.title, topic.posts, topic.warnings)


def _read_posts(tree: LexborHTMLParser, engine: Engine) -> list[RawPost]:
    for selector in engine.posts:
        nodes = [n for n in select(tree, selector) if engine.keep_post(n)]
        if nodes:
            return [p for n in nodes if (p := extract_post(n, engine)) is not None]
    return []


def _title(tree: LexborHTMLParser, engine: Engine | None) -> str | None:
    for selector in engine.title if engine is not None else ("h1",):
        value = inline_text(tree.css_first(selector))
        if value:
            return value
    og = tree.css_first("meta[property='og:title']")
    if og is not None and (og.attributes.get("content") or "").strip():
        return inline_text(og) or (og.attributes.get("content") or "").strip()
    return inline_text(tree.css_first("title")) or None


def _looks_like_login(tree: LexborHTMLParser) -> bool:
    if tree.css_first("input[type=password]") is None:
        return False
    title = inline_text(tree.css_first("title")).lower()
    body = tree.body
    words = len(inline_text(body).split()) if body is not None else 0
    return any(h in title for h in _LOGIN_HINTS) or words < 400


def _why_empty(tree: LexborHTMLParser, engine: Engine) -> str:
    label = ENGINE_NAMES.get(engine.name, engine.name)
    if tree.css_first("input[type=password]") is not None:
        return f"a {label} login page, not a thread (no posts; save the page signed in)"
    said = inline_text(tree.css_first("title")) + " " + inline_text(tree.body)[:3000]
    if any(h in said.lower() for h in _ERROR_HINTS):
        return f"a {label} error page, not a thread (no posts)"
    return f"no posts found on this {label} page"


def _looks_cut_off(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    if not head.startswith(("<!doctype", "<html")):
        return False
    return "</html>" not in text[-4096:].lower()


def _fallback(unknown: list[tuple[Path, str]], path_label: str, sha256: str) -> Thread:
    text = "\n\n".join(t for _p, t in unknown if t.strip())
    source = Source(path=path_label, format="html", sha256=sha256, engine=None)
    warning = (
        f"{visible(path_label)}: forum engine not recognised; read the page's main text with the "
        "plain-text reader (no forum post ids; quotes only as the text shows them)"
    )
    thread = read_as_text(text, source) if text.strip() else None
    if thread is None or not thread.posts:
        raise ThreadscoreError(f"{path_label}: no posts found (forum engine not recognised)")
    return thread.model_copy(update={"warnings": [*thread.warnings, warning]})
