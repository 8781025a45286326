"""What every process pays before its work: `--version`, `--help` and refused input import no
models, and the scorer's big rule pattern is compiled once and then read from the cache."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from parsing import regex_cache
from scoring.cues import RULES
from scoring.patterns import compile_rules, find
from tests.conftest import ROOT, SEED, needs_shared

HEAVY = ("pydantic", "pydantic_core", "textual", "rapidfuzz", "charset_normalizer", "tomli_w")

PROBE = """
import json, sys
from tui.cli import main
try:
    code = main(json.loads(sys.argv[1]))
except SystemExit as exc:
    code = exc.code
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.argv[2])))
models = sorted(m for m in sys.modules if m.endswith(".models"))
print(json.dumps([code, heavy, models]), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["parse", "--help"],
        ["score", "--help"],
        ["evaluate", "--help"],
        ["score", "--json", "--toml"],
        ["parse", "MISSING"],
        ["score", "MISSING", "--json"],
        ["score", "-o", "NO_FOLDER/card.toml"],
        ["MISSING"],
        ["parse", "EMPTY"],
    ],
)
def test_cheap_paths_import_no_models(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "EMPTY").write_text("\n\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args), json.dumps(HEAVY)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    *said, last = done.stderr.strip().splitlines()
    code, heavy, models = json.loads(last)
    assert (heavy, models) == ([], []), args
    if args[-1] in ("MISSING", "EMPTY", "--json") or "-o" in args or "--toml" in args:
        assert code != 0 and len(said) >= 1 and "Traceback" not in done.stderr


def test_a_thread_quoted_word_for_word_is_parsed_without_rapidfuzz(tmp_path: Path) -> None:
    """rapidfuzz aligns edited quotes only (~10 ms to import): the seed, whose quotes are all
    verbatim, is parsed and printed without it."""
    seed = ROOT.parent / "shared" / "fixtures" / "000_7a8e4cebb9525fcd.txt"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(["parse", str(seed), "--json"]), '["rapidfuzz"]'],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    code, heavy, models = json.loads(done.stderr.strip().splitlines()[-1])
    assert (code, heavy) == (0, []) and "parsing.models" in models
    assert json.loads(done.stdout)["posts"][2]["quotes"][0]["target"] == 2  # linked all the same


TEXTS = [
    "According to the 2019 census, 41% of trips are under 2 km. Source? I doubt it.",
    "Explain how that works. Studies show it; see https://example.org/x (table 4).",
]


def matches(rules, text: str) -> list[tuple[str, int, int]]:
    return [(rule.kind, start, end) for rule, start, end in find(rules, text)]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(regex_cache.CACHE_ENV, str(folder))
    return folder


def test_rules_from_the_cache_match_as_freshly_compiled(cache: Path) -> None:
    first = compile_rules(RULES)
    stored = list(cache.glob("regex-*.bin"))
    assert stored  # the scan pattern and the as-written patterns of cased rules
    again = compile_rules(RULES)
    assert again.scan is not first.scan  # read back from the file, not from `re`'s own cache
    assert again.words is not first.words and again.others is not first.others
    assert again.words.pattern == first.words.pattern
    assert again.scan.pattern == first.scan.pattern
    assert again.scan.flags == first.scan.flags
    assert again.scan.groupindex == first.scan.groupindex
    plain = re.compile(first.scan.pattern, re.MULTILINE)
    for text in TEXTS:
        lower = text.lower()
        assert [m.span() for m in again.scan.finditer(lower)] == [
            m.span() for m in plain.finditer(lower)
        ]
        assert matches(again, text) == matches(first, text) and matches(again, text)


def test_the_rules_built_once_are_read_back_as_built(cache: Path) -> None:
    first = compile_rules(RULES)
    (kept,) = cache.glob("rules-*.bin")  # the patterns built from the rules, once per install
    again = compile_rules(RULES)
    assert again.parts == first.parts and again.markers == first.markers
    assert again.cased.keys() == first.cased.keys()
    for text in TEXTS:
        assert matches(again, text) == matches(first, text) and matches(again, text)
    raw = kept.read_bytes()
    kept.write_bytes(raw[:-9])  # damaged: built again, and stored whole
    rebuilt = compile_rules(RULES)
    assert rebuilt.parts == first.parts and rebuilt.markers == first.markers
    assert kept.read_bytes() == raw
    fewer = compile_rules(RULES[1:])  # other rules: their own file, not the first one's
    assert len(list(cache.glob("rules-*.bin"))) == 2 and fewer.parts != first.parts


@pytest.mark.parametrize("damage", ["truncate", "flip", "foreign", "empty"])
def test_a_damaged_cache_file_falls_back_silently(cache: Path, damage: str) -> None:
    pattern = r"\b(?:alpha|beta)(?P<m0>)|gamma\d+(?P<m1>)"
    regex_cache.compile_cached(pattern, re.MULTILINE)
    (path,) = cache.glob("regex-*.bin")
    raw = path.read_bytes()
    damaged = {
        "truncate": raw[: len(raw) - 5],
        "flip": raw[:-4] + bytes([raw[-4] ^ 0xFF]) + raw[-3:],
        "foreign": b'{"key": "x"}\n' + raw.partition(b"\n")[2],
        "empty": b"",
    }[damage]
    path.write_bytes(damaged)
    compiled = regex_cache.compile_cached(pattern, re.MULTILINE)
    assert compiled.search("a gamma42 b").lastgroup == "m1"
    assert path.read_bytes() == raw  # rewritten whole


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(regex_cache.CACHE_ENV, str(blocker / "cache"))
    assert regex_cache.compile_cached("ab+c").match("abbbc")
    monkeypatch.setenv(regex_cache.CACHE_ENV, "")  # empty: no cache at all
    assert regex_cache.cache_dir() is None
    assert regex_cache.compile_cached("ab+c").match("abbbc")


def test_a_cache_file_is_keyed_by_pattern_and_flags(cache: Path) -> None:
    regex_cache.compile_cached("abc")
    regex_cache.compile_cached("abc", re.IGNORECASE)
    assert regex_cache.compile_cached("abc", re.IGNORECASE).match("ABC")
    assert not regex_cache.compile_cached("abc").match("ABC")
    assert len(list(cache.glob("regex-*.bin"))) == 2


WARM_PROBE = """
import json, re, sys
from parsing import regex_cache
regex_cache.warm("parse")  # as `main` does first: what the cache held before this process
before = set(regex_cache._warm.known)
from tui.cli import main
code = main(["parse", sys.argv[1], "--json"])
from parsing.literal import LOG_STAMP
warmed = (LOG_STAMP.pattern, 0) in before
print(json.dumps([code, warmed, len(before)]), file=sys.stderr)
"""


def _parse_in_process(cache: Path, cwd: Path) -> tuple[bytes, list]:
    done = subprocess.run(
        [sys.executable, "-c", WARM_PROBE, str(SEED)],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), regex_cache.CACHE_ENV: str(cache)},
        capture_output=True,
        check=False,
        timeout=60,
    )
    return done.stdout, json.loads(done.stderr.decode().strip().splitlines()[-1])


@needs_shared
def test_start_up_patterns_come_from_the_cache_the_second_time(tmp_path: Path) -> None:
    """The first `parse` stores the patterns its imports compiled; the next one finds them
    in the cache before its imports and prints the same document; a damaged file is
    replaced by a good one in silence."""
    cache = tmp_path / "cache"
    first, (code, warmed, _) = _parse_in_process(cache, tmp_path)
    assert (code, warmed) == (0, False)
    (stored,) = cache.glob("start-parse-*.bin")
    again, (code, warmed, kept) = _parse_in_process(cache, tmp_path)
    assert (code, warmed) == (0, True) and kept >= 50 and again == first
    stored.write_bytes(stored.read_bytes()[:-7])  # cut short
    damaged, (code, warmed, _) = _parse_in_process(cache, tmp_path)
    assert (code, warmed) == (0, False) and damaged == first
    assert _parse_in_process(cache, tmp_path)[1][1]  # written whole again


def test_warmed_patterns_match_as_freshly_compiled(cache: Path) -> None:
    """Every pattern a parse compiled, read back from the cache, is the pattern `re` makes:
    the same flags and groups, and the same matches over a real thread's text."""
    from re import _compiler  # type: ignore[attr-defined]

    import parsing.text_reader  # noqa: F401  (its imports compile the parser's patterns)

    regex_cache.warm("test")
    regex_cache.keep()
    (stored,) = cache.glob("start-test-*.bin")
    entries = json.loads(stored.read_bytes().partition(b"\n")[0])["patterns"]
    assert len(entries) >= 50
    text = SEED.read_text(encoding="utf-8") if SEED.exists() else "\n".join(TEXTS)
    loaded = regex_cache._warm
    loaded.known, loaded.entries = set(), []
    cache_of_re = re._cache  # type: ignore[attr-defined]
    cache_of_re.clear()
    regex_cache.warm("test")
    for pattern, flags, *_ in entries:
        warmed = cache_of_re[(str, pattern, flags)]
        fresh = _compiler.compile(pattern, flags)
        assert warmed is not fresh
        assert (warmed.flags, warmed.groups, warmed.groupindex) == (
            fresh.flags,
            fresh.groups,
            fresh.groupindex,
        ), pattern
        assert [m.span() for m in warmed.finditer(text)] == [
            m.span() for m in fresh.finditer(text)
        ], pattern


def _start_file(folder: Path, build: str, role: str, digest: str | None = None) -> Path:
    """A start file as `keep` writes it (formats 1 to 3 share this layout)."""
    digest = digest or hashlib.sha256(f"{build}|{role}".encode()).hexdigest()[:32]
    body = b"\x00" * 64
    meta = {"build": build, "sha256": hashlib.sha256(body).hexdigest(), "patterns": []}
    path = folder / f"start-{role}-{digest}.bin"
    path.write_bytes(json.dumps(meta).encode() + b"\n" + body)
    return path


def _pattern_file(folder: Path, key: str, build: str | None) -> Path:
    """A pattern's file as `compile_cached` writes it (formats 1 and 2 named no build)."""
    meta = {"flags": 32, "groups": 0, "groupindex": {}, "indexgroup": [None], "key": key}
    if build is not None:
        meta["build"] = build
    path = folder / f"regex-{key[:40]}.bin"
    path.write_bytes(json.dumps(meta).encode() + b"\n" + b"\x01" * 32)
    return path


@pytest.mark.parametrize("writer", ["pattern", "start"])
def test_writing_a_cache_file_removes_earlier_formats_and_nothing_else(
    cache: Path, tmp_path: Path, writer: str
) -> None:
    """A user upgrading from a version whose start files grew to 7 MB gets them removed the
    first time a file of the new format is written; a file not proven ours, of another Python
    build or of a later format, a link or a folder, stays."""
    cache.mkdir(parents=True)
    tag = regex_cache._build_tag()
    rest = tag.split("|", 1)[1]
    older = [
        _start_file(cache, f"1|{rest}", "parse"),
        _start_file(cache, f"2|{rest}", "reader"),
        _pattern_file(cache, hashlib.sha256(b"old rules").hexdigest(), None),
        _pattern_file(cache, hashlib.sha256(b"older").hexdigest(), f"1|{rest}"),
    ]
    outside = tmp_path / "outside.bin"
    outside.write_bytes(older[0].read_bytes())
    link = cache / f"start-score-{hashlib.sha256(f'1|{rest}|score'.encode()).hexdigest()[:32]}.bin"
    link.symlink_to(outside)
    kept = [
        _start_file(cache, f"{regex_cache.FORMAT}|{rest}", "evaluate"),
        _start_file(cache, f"1|cpython-399|{rest}", "parse", digest="0" * 32),  # name not its hash
        _start_file(cache, f"{regex_cache.FORMAT + 1}|{rest}", "parse"),  # a later version's
        _pattern_file(cache, "f" * 64, f"{regex_cache.FORMAT}|other build"),
        _pattern_file(cache, "e" * 64, None).rename(cache / f"regex-{'d' * 40}.bin"),  # key differs
        outside,
    ]
    for name in ("notes.txt", "rules-410d23b9b23b9d69d0d926c63708b3a810227fc7.bin"):
        (cache / name).write_bytes(older[0].read_bytes())
        kept.append(cache / name)
    (cache / f"start-parse-{'a' * 32}.bin").mkdir()
    if writer == "pattern":
        assert regex_cache.compile_cached("ab+c").match("abbbc")
    else:
        regex_cache._warm.known, regex_cache._warm.entries = set(), []
        regex_cache.warm("test")
        regex_cache.keep()
    assert all(path.exists() for path in kept) and link.is_symlink()
    assert not any(path.exists() for path in older)
    written = cache.glob("regex-*.bin" if writer == "pattern" else "start-test-*.bin")
    assert len([p for p in written if p not in kept]) == 1  # the new file itself stays
    assert (cache / f"start-parse-{'a' * 32}.bin").is_dir()
