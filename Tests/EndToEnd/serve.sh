#!/usr/bin/env bash
# End-to-end checks of `sitegen serve` on a copy of the shipped handbook:
#   - pages, MIME types, redirects, the 404 page, HEAD and 405 over real HTTP (curl);
#   - editing a role sends the reload event, and the new page is served, within 2 s;
#   - adding a role makes its page, deleting it makes the page 404;
#   - a broken file sends the error event while the last good page is still served;
#   - traversal probes (curl --path-as-is) and a symlink out of the site return no file contents;
#   - the live-reload stream refuses foreign origins and hosts; two Host headers get 400;
#   - a busy port is reported before anything is built; a non-loopback --host warns;
#   - SIGINT stops the server (with an event stream still open) with exit code 0.
# Started from the repository root with SITEGEN=path-to-binary. Prints "serve: N passed, N failed"
# last; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
SITEGEN=${SITEGEN:-.build/debug/sitegen}
SITEGEN=$(cd "$(dirname "$SITEGEN")" && pwd)/$(basename "$SITEGEN")
work=$(mktemp -d)
server_pid=""
stream_pid=""
cleanup() {
  [ -n "$stream_pid" ] && kill "$stream_pid" 2>/dev/null
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAILED: $1"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# A copy of the shipped site, and a secret beside it that must never be served.
site="$work/site"
mkdir -p "$site"
cp -r sitegen.yml Content "$site/"
# With a base URL, so that the site has a sitemap.xml to serve.
sed -i 's|^base_url: ""|base_url: https://example.org/handbook/|' "$site/sitegen.yml"
[ -d Templates ] && cp -r Templates "$site/"
echo "E2E-SECRET-OUTSIDE-THE-SITE" > "$work/secret.txt"

# A free port: nothing answers on it.
port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 40000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "no free port found"; echo "serve: 0 passed, 1 failed"; exit 1; }
base="http://127.0.0.1:$port"

"$SITEGEN" serve --source "$site" --port "$port" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  curl -s -o /dev/null --max-time 1 "$base/" && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if curl -s -o /dev/null --max-time 2 "$base/"; then
  pass "sitegen serve answers on port $port"
else
  cat "$work/serve.log"; fail "sitegen serve did not start"
  echo "serve: $passed passed, $failed failed"; exit 1
fi

# Fetches a URL; sets status, type, cache, location, and the body in $work/body.
fetch() {
  local headers
  headers=$(curl -s --path-as-is --max-time 5 -o "$work/body" -D - "$@" | tr -d '\r')
  status=$(printf '%s\n' "$headers" | awk 'NR==1 {print $2}')
  type=$(printf '%s\n' "$headers" | awk -F': ' 'tolower($1)=="content-type" {print $2}')
  cache=$(printf '%s\n' "$headers" | awk -F': ' 'tolower($1)=="cache-control" {print $2}')
  location=$(printf '%s\n' "$headers" | awk -F': ' 'tolower($1)=="location" {print $2}')
}
check() { # description, condition...
  local description=$1; shift
  if "$@"; then pass "$description"; else fail "$description (status $status, type '$type')"; fi
}

# 1. Serving.
fetch "$base/"
check "home page is served with the reload script" \
  test "$status" = 200 -a "$type" = "text/html; charset=utf-8" -a "$cache" = "no-store"
grep -q '/__sitegen/reload.js' "$work/body" || fail "home page lacks the reload script"
fetch "$base/roles/producer/"
check "role page is served" grep -q '<h1[^>]*>Producer</h1>' "$work/body"
fetch "$base/roles/producer"
check "folder without slash redirects to it" test "$status" = 301 -a "$location" = "/roles/producer/"
fetch "$base/assets/site.css"
check "stylesheet is text/css" test "$status" = 200 -a "$type" = "text/css; charset=utf-8"
fetch "$base/sitemap.xml"
check "sitemap is application/xml" test "$status" = 200 -a "$type" = "application/xml; charset=utf-8"
fetch "$base/roles/nobody/"
check "missing page is the site's 404 page with status 404" grep -q 'Page not found' "$work/body"
[ "$status" = 404 ] || fail "missing page status $status"
head_status=$(curl -s -I -o /dev/null --max-time 5 -w '%{http_code} %{size_download}' "$base/roles/producer/")
head_length=$(curl -s -I --max-time 5 "$base/roles/producer/" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-length" {print $2}')
if [ "$head_status" = "200 0" ] && [ "${head_length:-0}" -gt 0 ]; then pass "HEAD answers 200 with Content-Length $head_length and no body"; else fail "HEAD: $head_status, length '$head_length'"; fi
fetch -X POST "$base/"
check "POST is refused with 405" test "$status" = 405
if grep -rq '__sitegen' "$site/Output"; then fail "Output/ on disk contains the reload script"; else pass "Output/ on disk is free of the reload script"; fi

# 2. The live-reload stream: open one and keep it open for the rest of the run.
curl -sN "$base/__sitegen/events" >"$work/events" 2>/dev/null &
stream_pid=$!
for _ in $(seq 1 100); do grep -q '^event: hello' "$work/events" && break; sleep 0.02; done
check "event stream says hello" grep -q '^event: hello' "$work/events"
fetch -H "Origin: http://evil.example" "$base/__sitegen/events"
check "event stream refuses a foreign origin" test "$status" = 403
fetch -H "Host: rebind.evil.example:$port" "$base/__sitegen/events"
check "event stream refuses a foreign host" test "$status" = 403

# Two Host headers in one request: 400 (raw HTTP/1.1, as curl would merge or replace them).
exec 5<>"/dev/tcp/127.0.0.1/$port"
printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nHost: other.example\r\nConnection: close\r\n\r\n' "$port" >&5
two_hosts=$(head -n 1 <&5 | tr -d '\r')
exec 5>&-
check "two Host headers get 400 ($two_hosts)" test "${two_hosts#HTTP/1.1 }" = "400 Bad Request"

# A second server on the busy port: told so before anything is built, exit 3.
"$SITEGEN" serve --source "$site" --port "$port" >"$work/busy.log" 2>&1
busy_code=$?
if [ "$busy_code" = 3 ] && grep -q "error: port $port is in use; try --port $((port + 1)) or --port 0" "$work/busy.log" && ! grep -q '^\[1/' "$work/busy.log"; then
  pass "a busy port is reported before building, exit 3"
else
  cat "$work/busy.log"; fail "busy port: exit $busy_code"
fi

# Any host but loopback warns that the site is reachable from the network (port 0, no watch;
# nothing is sent to it).
"$SITEGEN" serve --source "$site" --host 0.0.0.0 --port 0 --no-watch --output "$work/exposed" >"$work/exposed.log" 2>&1 &
exposed_pid=$!
for _ in $(seq 1 100); do grep -q 'Serving' "$work/exposed.log" && break; sleep 0.1; done
kill -INT "$exposed_pid" 2>/dev/null; wait "$exposed_pid" 2>/dev/null
check "--host 0.0.0.0 warns that the site is reachable from the network" \
  grep -q 'warning: --host 0.0.0.0 makes the site reachable from the network' "$work/exposed.log"

count() { grep -c "^event: $1" "$work/events"; }
# Waits up to $2 ms for more than $3 "$1" events; prints the elapsed ms.
wait_event() {
  local start; start=$(now_ms)
  while [ "$(count "$1")" -le "$3" ] && [ $(($(now_ms) - start)) -lt "$2" ]; do sleep 0.01; done
  echo $(($(now_ms) - start))
}

# 3. Edit a role: reload event and new content within 2 s.
marker="Live-edit marker $RANDOM$RANDOM"
reloads=$(count reload)
printf '\n%s\n' "$marker" >>"$site/Content/roles/producer.md"
elapsed=$(wait_event reload 2000 "$reloads")
fetch "$base/roles/producer/"
if [ "$(count reload)" -gt "$reloads" ] && grep -q "$marker" "$work/body" && [ "$elapsed" -le 2000 ]; then
  pass "edited role: reload event after ${elapsed} ms and the new content is served"
else
  fail "edited role: no reload event or old content after ${elapsed} ms"
fi

# 4. Add a role, then delete it.
cat >"$site/Content/roles/e2e-test-role.md" <<'EOF'
---
title: End-to-End Test Role
summary: Exists only while the serve test runs.
department: Production
duties:
  - Appears when its file is added
  - Disappears when its file is deleted
  - Never links anywhere
---
A role made by the end-to-end test.
EOF
reloads=$(count reload)
elapsed=$(wait_event reload 5000 "$reloads")
fetch "$base/roles/e2e-test-role/"
check "added role is served (${elapsed} ms)" test "$status" = 200
reloads=$(count reload)
rm "$site/Content/roles/e2e-test-role.md"
elapsed=$(wait_event reload 5000 "$reloads")
fetch "$base/roles/e2e-test-role/"
check "deleted role's page is 404 (${elapsed} ms)" test "$status" = 404

# 5. Break a file: error event, the last good page still served; fix it: reload.
errors=$(count build-error)
cp "$site/Content/roles/producer.md" "$work/producer.md"
printf -- '---\ntitle: [unclosed\n---\n' >"$site/Content/roles/producer.md"
elapsed=$(wait_event build-error 5000 "$errors")
check "broken file sends the error event (${elapsed} ms)" test "$(count build-error)" -gt "$errors"
check "error event names the file and line" grep -q '^data: .*producer.md:3:1: error' "$work/events"
fetch "$base/roles/producer/"
check "last good page is still served while broken" grep -q "$marker" "$work/body"
grep -q 'producer.md:3:1: error' "$work/serve.log" && pass "terminal shows the located error" || fail "terminal lacks the located error"
reloads=$(count reload)
cp "$work/producer.md" "$site/Content/roles/producer.md"
elapsed=$(wait_event reload 5000 "$reloads")
check "fixed file reloads again (${elapsed} ms)" test "$(count reload)" -gt "$reloads"

# 6. Traversal probes: 400 or 404, never a file's contents.
ln -s "$work/secret.txt" "$site/Output/leak.txt"
ln -s "$work" "$site/Output/leak-folder"
for probe in '/../../../../etc/passwd' '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd' '/%2E%2E/' '/%2E%2E/secret.txt' \
             '/..%2f..%2f..%2f..%2fetc/passwd' '/%2e%2e%2f%2e%2e%2fetc%2fpasswd' '/..\..\..\..\etc\passwd' \
             '/%5c..%5c..%5cetc%5cpasswd' '/%00' '/index.html%00.css' '/%252e%252e/%252e%252e/etc/passwd' \
             '//etc/passwd' '/.sitegen-output' '/leak.txt' '/leak-folder/secret.txt' '/roles/../../secret.txt'; do
  fetch "$base$probe"
  if { [ "$status" = 400 ] || [ "$status" = 404 ]; } && ! grep -q -e 'root:x:0:0' -e 'E2E-SECRET' -e 'generated by sitegen' "$work/body"; then
    pass "probe $probe → $status"
  else
    fail "probe $probe → $status with $(head -c 80 "$work/body")"
  fi
done

# 7. SIGINT with the event stream still open: clean exit 0.
kill -INT "$server_pid"
code=""
for _ in $(seq 1 100); do
  if ! kill -0 "$server_pid" 2>/dev/null; then wait "$server_pid"; code=$?; break; fi
  sleep 0.1
done
server_pid_was=$server_pid
server_pid=""
if [ "$code" = 0 ]; then pass "SIGINT stops the server with exit code 0"; else kill -9 "$server_pid_was" 2>/dev/null; tail -5 "$work/serve.log"; fail "SIGINT: exit code '${code:-still running after 10 s}'"; fi
sleep 0.2
if kill -0 "$stream_pid" 2>/dev/null; then fail "event stream still open after the server stopped"; else pass "event stream closed at shutdown"; fi

echo "serve: $passed passed, $failed failed"
[ "$failed" = 0 ]
