#!/usr/bin/env bash
# Re-create the page texts of /work/data/mail_dev (real mail archives of several programs, a
# DEV set for the mail reader, parsing/mail_frame.py) from the fetched repository snapshots, and
# check them byte for byte against the labelled copies. Truth: OUT/src/specs.py with
# benchmarks/flat_dev_real/label_dev.py review|write OUT OUT/src/specs.py.
# usage: rebuild.sh MIRRORS OUT   (MIRRORS = /work/.mirror, each snapshot at OWNER+NAME/repo)
set -euo pipefail
mirrors=$1 out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
perceval=$mirrors/chaoss+grimoirelab-perceval/repo
digest=$mirrors/GaloisField2718+Bitcoin-dev-digest/repo
charter=$mirrors/matthewpalmer+Charter/repo
speakup=$mirrors/linux-mailinglist-archives+speakup.linux-speakup.org.0/repo
git -C "$perceval" show 78fd474:tests/data/pipermail/pipermail_2015_november.mbox > "$tmp/m01_metrics_2015nov.pipermail.txt"
git -C "$perceval" show 78fd474:tests/data/pipermail/pipermail_2016_april.mbox > "$tmp/m02_metrics_2016apr.pipermail.txt"
# the digests are saved with CRLF line ends: read as LF
git -C "$digest" show 081ac2e:bitcoin-dev_Digest_Vol_101/bitcoin-dev_Digest_Vol_101_Issue_7.md | sed 's/\r$//' > "$tmp/m03_bitcoindev_101_7.mmdigest.txt"
git -C "$digest" show 081ac2e:bitcoin-dev_Digest_Vol_101/bitcoin-dev_Digest_Vol_101_Issue_33.md | sed 's/\r$//' > "$tmp/m04_bitcoindev_101_33.mmdigest.txt"
git -C "$perceval" show 78fd474:tests/data/mbox/mbox_complex.mbox > "$tmp/m05_gnome_desktop.mbox.txt"
git -C "$charter" show c60fd2e:Backend/importer/sample/List-5 > "$tmp/m06_swiftusers_list5.pipermail.txt"
git -C "$charter" show c60fd2e:Backend/importer/sample/List-4 > "$tmp/m07_swiftevolution_list4.pipermail.txt"
# a public-inbox archive keeps one message per commit (file m): the thread's first 14, oldest
# first, each behind the separator lore prints in a thread mbox
: > "$tmp/m08_speakup_nointerrupt.mbox.txt"
for c in $(git -C "$speakup" log --reverse --format=%H --grep='About no_interrupt' b6f9ce8 | head -14); do
  printf 'From mboxrd@z Thu Jan  1 00:00:00 1970\n' >> "$tmp/m08_speakup_nointerrupt.mbox.txt"
  git -C "$speakup" show "$c:m" >> "$tmp/m08_speakup_nointerrupt.mbox.txt"
  printf '\n' >> "$tmp/m08_speakup_nointerrupt.mbox.txt"
done
# Hypermail message pages (HTML) laid out as text by lynx
everything=$mirrors/riceissa+everything-list-1998-2009/repo
for n in 5000 12000; do
  git -C "$everything" show "b3b6ccb:$n.html" | lynx -dump -nolist -width=200 -stdin > "$tmp/m09_everything_$n.hypermail.txt"
done
# m10/m11 (Google Groups thread pages saved as markdown, found in the code search index, not in
# a fetched snapshot) are written by OUT/src/gg_redtitanium.py and OUT/src/gg_purple.py, their
# transcriptions (kept beside the data: they hold other people's words)
(cd "$out/src" && python3 gg_redtitanium.py "$tmp/m10_chromium_redtitanium.googlegroups.txt" \
  && python3 gg_purple.py "$tmp/m11_chromium_purplepotassium.googlegroups.txt")
status=0
for f in "$tmp"/*.txt; do
  name=$(basename "$f")
  if [ -e "$out/$name" ] && ! cmp -s "$f" "$out/$name"; then echo "differs: $name"; status=1; fi
  [ -e "$out/$name" ] || cp "$f" "$out/$name"
done
[ $status = 0 ] && echo "all $(ls "$tmp"/*.txt | wc -l) pages equal"
exit $status
