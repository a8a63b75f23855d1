#!/usr/bin/env bash
# Differential test of the link check's reading of HTML against two HTML5 parsers, html5lib
# (WHATWG, Python) and Chromium's own (DOMParser in headless Chromium, when chromium,
# chromedriver and selenium are there): every URL attribute and id sitegen's scanner reads must
# be what one of their trees has (see compare.py), on
#   - the shipped handbook's output,
#   - the output of a generated corpus of DIFF_ROLES roles (default 1000; `make fuzz` uses 10000),
#   - the adversarial pages in Tests/Differential/adversarial/,
#   - DIFF_MUTANTS pages made by mutating those (default 2000, seeded; see mutate.py), of which
#     DIFF_MUTANTS_ALLOWED may disagree (default 1, the one the seeded 2,000 have; `make fuzz`
#     allows 10 of its 50,000). This allowance is not one the HTML standard gives: it is where
#     the scanner's model of tree construction is coarser than the standard's, table parts as
#     the first content of a `<template>`, e.g. `<template><td><tr id="x">`, where the tr is
#     dropped. WHATWG HTML's "in template" insertion mode
#     (https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intemplate) pushes "in
#     row", "in table body" or "in table" onto the stack of template insertion modes for the
#     first table part, and those modes then drop or move what follows; the scanner keeps no
#     such stack. html5lib and Chromium agree on these pages.
#   - with DIFF_CORPUS=FOLDER, every file in it (`make fuzz` passes the html fuzz target's
#     corpus, inputs libFuzzer found new behaviour with).
# Needs SITEGEN, FUZZ (the SitegenFuzz replay build) and PYTHON (with html5lib: `make setup-test`
# makes .venv-test/). Prints "differential: N passed, N failed" last.
set -uo pipefail
cd "$(dirname "$0")/../.."
SITEGEN=${SITEGEN:-.build/debug/sitegen}
FUZZ=${FUZZ:-.build/debug/SitegenFuzz}
PYTHON=${PYTHON:-.venv-test/bin/python}
ROLES=${DIFF_ROLES:-1000}
MUTANTS=${DIFF_MUTANTS:-2000}
CHROMIUM=""
if command -v chromium >/dev/null && command -v chromedriver >/dev/null && "$PYTHON" -c 'import selenium' 2>/dev/null; then
  CHROMIUM=--chromium
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
compare() {  # name allowed folder...
  local name=$1 allowed=$2
  shift 2
  "$FUZZ" --dump-html "$@" >"$work/dump.jsonl"
  if "$PYTHON" Tests/Differential/compare.py $CHROMIUM --allow "$allowed" "$work/dump.jsonl" "$@" >"$work/compare.log" 2>&1; then
    passed=$((passed + 1)); grep 'DISAGREES' "$work/compare.log" | cut -c1-240; echo "ok: $name: $(tail -n 1 "$work/compare.log")"
  else
    failed=$((failed + 1)); grep -v 'reads as' "$work/compare.log" | tail -n 40; echo "FAILED: $name"
  fi
}

# A build that fails is a failure of the test, never a check skipped.
built() { "$@" || { failed=$((failed + 1)); echo "FAILED: $*"; return 1; }; }

built "$SITEGEN" build --output "$work/site" --quiet && compare "shipped handbook" 0 "$work/site"
# The project's own generator writes the corpus with its schema (../shared's predates it).
"$PYTHON" bench/gen_corpus.py --roles "$ROLES" --out "$work/corpus" >/dev/null 2>&1
if [ -d "$work/corpus/Content" ]; then
  built "$SITEGEN" build --source "$work/corpus" --output "$work/corpus-out" --quiet --no-cache && compare "$ROLES-role corpus" 0 "$work/corpus-out"
else
  failed=$((failed + 1)); echo "FAILED: no corpus generator (bench/gen_corpus.py)"
fi
compare "adversarial pages" 0 Tests/Differential/adversarial
"$PYTHON" Tests/Differential/mutate.py --count "$MUTANTS" --out "$work/mutants" Tests/Differential/adversarial &&
  compare "$MUTANTS mutated pages" "${DIFF_MUTANTS_ALLOWED:-1}" "$work/mutants"

if [ -n "${DIFF_CORPUS:-}" ] && [ -d "$DIFF_CORPUS" ]; then
  mkdir -p "$work/fuzzed"
  for file in "$DIFF_CORPUS"/*; do [ -f "$file" ] && cp "$file" "$work/fuzzed/$(basename "$file").html"; done
  # libFuzzer keeps the inputs that reach new code, so this corpus is all corners: up to 1 % may
  # disagree. As with the mutants, not an allowance of the standard but the scanner's coarser
  # model: the "in template" modes (above), the adoption agency algorithm (#adoption-agency-
  # algorithm) run on formatting elements inside MathML, tables inside SVG inside tables
  # (the table insertion modes' "clear the stack back to a table context", #clear-the-stack-
  # back-to-a-table-context, through foreign elements).
  inputs=$(ls "$work/fuzzed" | wc -l)
  compare "the html fuzz corpus ($inputs inputs)" $((inputs / 100)) "$work/fuzzed"
fi

echo "differential: $passed passed, $failed failed"
[ "$failed" = 0 ]
