#!/usr/bin/env bash
# bench/ab.sh BIN_A CORPUS_A BIN_B CORPUS_B RUNS: cold, warm and one-body-edit builds of two
# sitegen binaries, alternated, output on /dev/shm. Prints one TSV line per build:
# name kind wall user sys maxrss_kb
set -u
A=$1; CA=$2; B=$3; CB=$4; RUNS=${5:-5}
one() { # name bin corpus kind
  local name=$1 bin=$2 corpus=$3 kind=$4 out=/dev/shm/ab-out-$1
  case $kind in
    cold) rm -rf "$corpus/.sitegen-cache" "$out" /dev/shm/.ab-out-$name* ;;
    edit) f="$corpus/Content/roles/$(ls "$corpus/Content/roles" | head -1)"; echo "Edited $RANDOM." >> "$f" ;;
  esac
  /usr/bin/time -f "%e %U %S %M" -o "${TMPDIR:-/tmp}/ab-time" "$bin" build --source "$corpus" --output "$out" --quiet >/dev/null 2>&1 || echo "$name $kind FAILED"
  printf '%s\t%s\t%s\n' "$name" "$kind" "$(tr ' ' '\t' < "${TMPDIR:-/tmp}/ab-time")"
}
for r in $(seq "$RUNS"); do
  for kind in cold warm warm edit edit; do
    one A "$A" "$CA" $kind
    one B "$B" "$CB" $kind
  done
done
