"""Bytes to text: encoding detection (UTF-8, byte-order marks, declared and guessed code pages).

What a terminal would execute is removed afterwards, by `parsing.textsafe.clean`.
"""

from __future__ import annotations

import codecs
import re

from parsing.errors import ThreadscoreError

_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def looks_binary(data: bytes) -> bool:
    """True for data no forum text would be: NUL bytes, or mostly control bytes."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and controls / len(head) > 0.1


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode saved-page bytes; returns the text and a warning when we had to guess the encoding.

    UTF-8 (with or without BOM) first; otherwise the best legacy encoding charset-normalizer finds.
    Text saved as UTF-16 or UTF-32 ("Unicode" in some editors) says so with a byte-order mark,
    and is full of zero bytes that would otherwise make it look binary.
    """
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), None
            except UnicodeDecodeError as exc:
                raise ThreadscoreError(
                    f"cannot decode the file as {encoding}: {exc.reason}"
                ) from exc
    if looks_binary(data):
        raise ThreadscoreError("this looks like a binary file, not a saved thread")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    declared = _declared_charset(data)
    if declared is not None:
        try:
            return data.decode(declared), None
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes  # only for files that are not UTF-8 (~15 ms)

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ThreadscoreError(
            f"cannot decode the file: invalid UTF-8 at byte {utf8_error.start} "
            "and no legacy encoding fits"
        )
    text, encoding = str(best), best.encoding
    if encoding in _LATIN_GUESSES and encoding != "cp1252":
        western = _try_decode(data, "cp1252")
        if western is not None and _misfits(western) <= _misfits(text):
            text, encoding = western, "cp1252"
    return text, f"not UTF-8: read as {encoding}"


# Single-byte Latin code pages that charset-normalizer confuses on short Western text (it reads
# "naïve" in Windows-1252 as Windows-1257 "naļve"); Windows-1252 wins unless it reads worse.
_LATIN_GUESSES = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp775",
        "cp850",
        "cp437",
        "hp_roman8",
        "iso8859_1",
        "iso8859_2",
        "iso8859_4",
        "iso8859_9",
        "iso8859_13",
        "iso8859_15",
        "iso8859_16",
        "latin_1",
        "mac_roman",
        "mac_iceland",
        "mac_latin2",
        "mac_turkish",
    }
)
_MISFIT = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f](?=[^\W\d_])")
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)


def _misfits(text: str) -> int:
    """Symbols wedged between letters ("Za¿ó³æ"): the mark of a wrong code page."""
    return len(_MISFIT.findall(text))


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _declared_charset(data: bytes) -> str | None:
    """The charset a saved page declares in its first bytes, as browsers pre-scan for it."""
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    # Browsers read pages labelled latin-1 or ascii as windows-1252 (WHATWG Encoding Standard).
    return "cp1252" if name in {"latin-1", "iso8859-1", "ascii"} else name
