#!/usr/bin/env bash
# bench/cold-alt.sh BIN_A BIN_B CORPUS RUNS [extra build args]: cold builds of two binaries alternated
# on one corpus (cache, output and spare removed before each). TSV: name wall user sys rss_kb
A=$1; B=$2; C=$3; RUNS=$4; shift 4
for r in $(seq "$RUNS"); do
  for n in A B; do
    bin=$A; [ $n = B ] && bin=$B
    rm -rf "$C/.sitegen-cache" /dev/shm/ca-out /dev/shm/.ca-out*
    /usr/bin/time -f "%e %U %S %M" -o "${TMPDIR:-/tmp}/ca-time" "$bin" build --source "$C" --output /dev/shm/ca-out --quiet "$@" >/dev/null 2>&1 || echo "$n FAILED"
    printf '%s\t%s\n' "$n" "$(tr ' ' '\t' < "${TMPDIR:-/tmp}/ca-time")"
  done
done
