#!/bin/bash
# Rebuild the flat_dev_links DEVELOPMENT set (quote links in flattened text, issue 8).
# usage: build.sh MIRRORS OUT   (MIRRORS: folder of fetched snapshots, e.g. /work/.mirror)
# Needs the flattening venv (inscriptis, html2text, selectolax): $FLATTEN_PY, default
# /work/data/.venv-flatten/bin/python. Pages: see OUT/README.md.
set -euo pipefail
M=$1; OUT=$2; PY=${FLATTEN_PY:-/work/data/.venv-flatten/bin/python}
HERE=$(cd "$(dirname "$0")" && pwd); B=$HERE/..
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
DB=$M/jamesob+delving-bitcoin-archive/repo
# each topic once, its largest stored version (a renamed topic is kept under both names)
python3 "$HERE/discourse_raw.py" "$DB" "$OUT" $(git -C "$DB" ls-tree -r -l HEAD archive/rendered-topics \
  | grep -E -- "-id(327|556|1288|678|1818|494|934|383|839)\.md$" | sort -k4,4nr \
  | awk '{n=split($5,a,"-id"); if (!seen[a[n]]++) print $5}')
SL=$M/pieper+slicer-discourse-archive/repo
python3 "$HERE/discourse_page.py" "$SL" "$TMP/raw_sl" "$TMP/sl.txt" $(for id in 545 6692 41930 38362 559 43681 22465 16182 6930 1896 514 1170; do
  git -C "$SL" ls-tree -r --name-only HEAD archive/rendered-topics | grep -E -- "-id$id\.md$"; done)
"$PY" "$B/make_real_heldout.py" "$TMP/raw_sl" "$TMP/sl.txt" "$TMP/html_sl"
"$PY" "$B/make_real_flat.py" "$TMP/html_sl" "$TMP/f_sl"
for f in "$TMP"/f_sl/*; do cp "$f" "$OUT/sl_$(basename "$f")"; done
"$PY" "$B/make_real_flat.py" /work/data/html_dev3 "$TMP/f_h3"
for f in "$TMP"/f_h3/*; do case $f in *11_vbulletin4*|*09_stackexchange*) ;; *) cp "$f" "$OUT/h3_$(basename "$f")";; esac; done
mkdir -p "$TMP/raw_sh"; cp ../shared/datasets/html/07_somethingawful_vbulletin.html "$TMP/raw_sh/" 2>/dev/null \
  || cp /work/shared/datasets/html/07_somethingawful_vbulletin.html "$TMP/raw_sh/"
echo "07_somethingawful_vbulletin.html shared/datasets/html - 07_somethingawful_vbulletin.html" > "$TMP/sh.txt"
"$PY" "$B/make_real_heldout.py" "$TMP/raw_sh" "$TMP/sh.txt" "$TMP/html_sh"
"$PY" "$B/make_real_flat.py" "$TMP/html_sh" "$TMP/f_sh"
for f in "$TMP"/f_sh/*; do cp "$f" "$OUT/sh_02_$(basename "$f" | cut -d_ -f2-)"; done
