#!/usr/bin/env bash
# Browser checks of the shipped handbook in headless Chromium (selenium + axe-core), run by pytest:
# every page type with no console errors, search (header box and /search/ page, keyboard), the
# same output served at /, under /handbook/ and opened from file://, axe-core in light and dark,
# JSON-LD, escaping of a hostile title, 360 px layout, the comparison picker (any pair, its address,
# equal to the pair pages, keyboard, no JS, Nu checker on the page as shown), and screenshots for a
# human to look at.
# Needs: chromium, chromium-driver (Debian); selenium, axe-selenium-python, pytest (PyPI).
# Prints pytest's summary last ("N passed in …"); exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
SITEGEN=${SITEGEN:-.build/debug/sitegen}
SITEGEN=$(cd "$(dirname "$SITEGEN")" && pwd)/$(basename "$SITEGEN")
PYTHON=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! "$SITEGEN" build --output "$work/site" >"$work/build.log" 2>&1; then
  cat "$work/build.log"
  echo "browser: sitegen build of the shipped site failed"
  exit 1
fi

export SITEGEN
export SITEGEN_BROWSER_SITE="$work/site"
export SITEGEN_BROWSER_WORK="$work"
export SITEGEN_SCREENSHOTS=${SITEGEN_SCREENSHOTS:-${TMPDIR:-/tmp}/sitegen-screenshots}
"$PYTHON" -m pytest Tests/EndToEnd/browser -q -p no:cacheprovider -rfE "$@"
