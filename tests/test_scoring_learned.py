"""The learned sentence model: shipped weights load, answers are deterministic, the rules keep
their part, and old scorecards and label sets still work with the new roles and verdicts."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
import tomli_w

from parsing import Post, load_thread
from scoring import SCHEMA_VERSION, score_thread
from scoring.evaluate import evaluate, read_examples
from scoring.learned import _TABLE, _URL, LABELS, decode, encode, features, model, tokens
from scoring.roles import explain, score_sentence
from scoring.store import HEADER, TRAILER, load_scorecard, save_scorecard, to_toml
from scoring.user_layer import set_note, set_override, set_rating, toggle_bookmark
from scoring.verdicts import score_post
from tui.cli import main

WEIGHTS = Path(__file__).resolve().parent.parent / "scoring" / "roles.weights.gz"


def test_the_shipped_weights_load_and_are_small() -> None:
    learned = model()
    assert len(learned.weights) > 10_000
    assert WEIGHTS.stat().st_size < 160_000
    assert decode(WEIGHTS.read_bytes()).weights == learned.weights


def test_the_model_is_deterministic_and_encoding_is_byte_exact() -> None:
    text = "Clothes have become cheap, thus they are no longer a status symbol."
    grams = features(text, ["#len:long"])
    again = decode(WEIGHTS.read_bytes())
    assert model().predict(grams) == again.predict(grams)
    assert model().weighed(grams, "premise") == again.weighed(grams, "premise")
    weights = {"because": (-3, 90, -50), "i think": (80, -20, -60), "<s> thanks": (-9, -9, 127)}
    blob = encode(weights, [1, -2, 3], 0.01)
    assert blob == encode(dict(reversed(weights.items())), [1, -2, 3], 0.01)
    back = decode(blob)
    assert back.scores(["because", "because", "nothing"]) == (-6 + 1, 180 - 2, -100 + 3)
    assert back.predict(["<s> thanks"]).label == LABELS[2]


def test_rules_keep_challenges_thanks_and_links() -> None:
    assert score_sentence("Can you give evidence for that?").role == "challenge"
    assert score_sentence("Thanks, that is helpful.").role == "none"
    assert score_sentence("Δ, you changed my view on this.").role == "none"
    source = score_sentence("Source: https://www.bbc.co.uk/news/uk-12345678")
    assert source.role == "evidence"
    assert source.weighed == []


def test_explain_names_the_ngrams_that_weighed_most() -> None:
    words = explain("Clothes have become cheap, thus they are no longer a status symbol.")
    assert 1 <= len(words) <= 3
    assert all(
        w in features("Clothes have become cheap, thus they are no longer a status symbol.", [])
        or w.startswith("#")
        for w in words
    )


def test_a_post_of_claim_and_reasons_is_reasoned_and_says_why() -> None:
    body = (
        "Cities should ban cars from their centres. "
        "Most trips into the centre are short enough to walk or cycle."
    )
    score = score_post(Post(number=1, id="p1", body=body))
    assert score.verdict == "reasoned"
    assert "nothing checkable" in score.reason
    assert score.claims >= 1


def test_a_version_1_scorecard_opens_upgrades_on_save_and_keeps_every_mark(
    tmp_path: Path,
) -> None:
    thread = load_thread(None)
    card = score_thread(thread)
    first, second = thread.posts[0], thread.posts[1]
    user = set_rating(card.user, first, 5)
    user = set_note(user, first, "check the figure")
    user = toggle_bookmark(user, second)
    user = set_override(user, second, "asserted", card.posts[1].verdict)
    card = card.model_copy(update={"user": user})
    # The same card as version 1 wrote it: no reasoned verdict, no reason role, no new keys.
    doc = tomllib.loads(to_toml(card))
    doc["schema_version"] = 1
    for post in doc["posts"]:
        post.pop("reasons", None)
        for key in ("verdict", "effective_verdict"):
            post[key] = "asserted" if post[key] == "reasoned" else post[key]
        for sentence in post.get("sentences", []):
            sentence.pop("weighed", None)
            sentence["role"] = "claim" if sentence["role"] == "reason" else sentence["role"]
    for tally in [doc["totals"], *doc["authors"]]:
        for key in ("verdicts", "computed_verdicts"):
            tally[key]["asserted"] += tally[key].pop("reasoned")
    text = f"{HEADER}\n" + tomli_w.dumps(doc) + f"\n{TRAILER}\n"
    old = tmp_path / "card.toml"
    old.write_text(text, encoding="utf-8")
    assert tomllib.loads(text)["schema_version"] == 1
    opened = load_scorecard(old)
    assert opened.schema_version == SCHEMA_VERSION
    assert opened.user == card.user
    rescored = score_thread(thread, opened.user)
    assert save_scorecard(rescored, old) is None  # read, so replaced, not set aside
    saved = tomllib.loads(old.read_text(encoding="utf-8"))
    assert saved["schema_version"] == SCHEMA_VERSION
    assert load_scorecard(old).user == card.user


def write(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    path = tmp_path / "data.jsonl"
    path.write_text("".join(json.dumps({"text": t, "label": g}) + "\n" for t, g in rows))
    return path


PREMISE_DATA = [
    ("The council should close the road.", "claim"),
    ("Most trips there are short, so people can walk.", "premise"),
    ("According to the 2019 survey, 41% of cars only pass through.", "premise"),
    ("Thanks, that is helpful.", "none"),
]


def test_evaluate_maps_reason_and_evidence_to_premise_by_default(tmp_path: Path) -> None:
    result = evaluate(read_examples(write(tmp_path, PREMISE_DATA), "sentence"), "sentence")
    assert result["map"] == {"reason": "premise", "evidence": "premise"}
    assert result["labels"] == ["claim", "none", "premise"]
    assert result["confusion"]["premise"]["premise"] >= 1
    assert result["confusion"]["none"]["none"] == 1


def test_evaluate_map_option_and_its_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = [(t, "argument" if g != "none" else "none") for t, g in PREMISE_DATA]
    path = write(tmp_path, data)
    spec = "claim=argument,reason=argument,evidence=argument"
    assert main(["evaluate", str(path), "--map", spec]) == 0
    out = capsys.readouterr().out
    assert "mapped: claim=argument, reason=argument, evidence=argument" in out
    assert "confusion (rows: label, columns: predicted)" in out
    assert main(["evaluate", str(path), "--map", "claim"]) == 1
    err = capsys.readouterr().err
    assert "--map: 'claim' is not LABEL=LABEL" in err
    assert "Traceback" not in err


def test_the_fast_path_scores_exactly_the_features_training_fits() -> None:
    learned = model()
    thread = load_thread(None)
    texts = [s.text for p in score_thread(thread).posts for s in p.sentences]
    texts.append(" ".join(["word"] * 200) + ".")  # past MAX_FEATURES: the slow path
    for text in texts:
        signals = ["#len:long", "#rules:claim"]
        assert learned.judge(text, signals) == learned.predict(features(text, signals))


def test_quoted_lines_are_never_scored_as_the_posters_words() -> None:
    body = (
        "> Cars should be banned from every city centre. Studies show 40% less smog.\n"
        "> Everyone agrees.\n\n"
        "Shops need the customers who drive in. Where is your source for that?"
    )
    score = score_post(Post(number=2, id="p2", body=body))
    quoted = [s for s in score.sentences if s.start < body.index("\n\n")]
    assert [s.role for s in quoted] == ["none", "none", "none"]
    assert all(not s.cues and not s.weighed for s in quoted)
    assert score.sentences[-1].role == "challenge"  # put to the quoted poster
    assert "40%" not in " ".join(c.text for c in score.cues)


def test_tokens_of_ascii_text_are_the_character_maps() -> None:
    """ASCII text is tokenised through `bytes.translate`, other text through the character
    map: both give the character map's tokens (what the weights were trained on), for every
    ASCII character between words, at either end, and beside non-ASCII text."""
    texts = [
        "Don't say \"never\"! 45% of $3 isn't much?",
        "See https://example.org/a?b=1 or WWW.X.COM: it's 2019.",
        "It’s “naïve” — café…",
        "",
    ]
    texts += [f"{c}a{c}b {c}1{c}" for c in map(chr, range(128))]
    texts += [f"é{c}a{c}" for c in map(chr, range(128))]
    for text in texts:
        low = text.lower()
        if "http" in low or "www." in low:
            low = _URL.sub(" url ", low)
        assert tokens(text) == low.translate(_TABLE).split(), repr(text)
