#!/bin/sh
# flat_dev_engines.sh OUT: dev pages of engines with no public real dev pages (SMF, phpBB 2,
# ProBoards, Stack Exchange, one-post phpBB 3), rendered from IAC debates by make_engine_pages.py
# (never the held-out flat_more discussions), flattened by lynx, w3m, html2text and inscriptis;
# OUT/flat holds NAME_TOOL.ENGINE.txt + .expected.toml (style = engine) for flat_eval.py.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$1
python3 "$HERE/make_engine_pages.py" /work/.mirror/sl-m-lab+Internet-Argument-Corpus/repo "$OUT" \
  --exclude /work/data/flat_more
/work/data/.venv-flatten/bin/python "$HERE/make_real_flat.py" "$OUT" "$OUT/raw" \
  --tools lynx,w3m,html2text,inscriptis --min-posts 1
mkdir -p "$OUT/flat"
for f in "$OUT"/raw/*; do
  b=$(basename "$f"); n=${b%%.*}; rest=${b#*.}; tool=${rest%%.*}; tail=${rest#*.}
  cp "$f" "$OUT/flat/${n%_*}_$tool.${n#*_}.$tail"
done
