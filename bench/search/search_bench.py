#!/usr/bin/env python3
"""Client-side search cost of sitegen's own search and of Pagefind, on the same built site.

What is measured, for one sitegen output folder (`--output DIR`):

* **sitegen** (the search already in the site). Index: the files of `DIR/search/` other than
  the page itself (the two manifests `search-index.js` and `search-terms.js`, the term chunks,
  word lists, page records and facet files; SearchIndex.swift describes them); they are
  written by the build, so there is no separate index time. Query: headless Chromium
  opens `/search/?q=QUERY`; we wait (up to `--timeout` s) until `#search-status` has text,
  which search.js sets once the query ran and its results are drawn (or nothing matched, or
  the index did not load), then `--settle` s more for late loads. Recorded: the results
  shown (`#search-results .search-result`), the total the status line announces, the first
  result's title (`.search-result a`).
* **Pagefind** (`pagefind_bin` from PyPI). The output is copied to a scratch folder (the
  original is never written to) and `pagefind --site COPY --output-subdir pagefind` is run
  under `/usr/bin/time -f "%e %M"`: index time = wall seconds, peak RSS = GNU time's %M. Index
  size / files = everything under `COPY/pagefind/`. Query: a small page written into the copy
  after indexing, `COPY/pagefind-bench.html?q=QUERY`, imports `/pagefind/pagefind.js`, runs
  `init()` and `search(QUERY)`, loads the first 10 results' `data()` (what Pagefind's own UI
  loads for a first page of results) and sets `document.title = "done:COUNT:FIRST TITLE"`.
  By default Pagefind indexes every HTML page whole (header, nav, footer included);
  `--pagefind-args="--root-selector main"` makes it read each page's main content only, as
  sitegen's index does.

Bytes loaded: each engine's folder is served by a `ThreadingHTTPServer` on 127.0.0.1 whose
handler adds up the body bytes of every file it sends (not headers; 404s count nothing and are
listed separately). The log is reset right before each query's navigation and every query
runs in a fresh Chromium (new profile, CDP `Network.setCacheDisabled`, and `Cache-Control:
no-store` on every response), so each query is a cold load. "search bytes" = total minus the
page that was navigated to and the site's page chrome (`assets/site.css`,
`assets/favicon.svg`); the total is reported too. The server sends files as they are on disk,
uncompressed: Pagefind's index files are already gzipped on disk, sitegen's JavaScript index
is not; the breakdown table therefore also estimates what a host that gzips responses
(gzip -6) would send, to compare like with like. KB = 1024 bytes, MB = 1024 KB.

Chromium is started with the options of Tests/EndToEnd/browser/conftest.py (make_driver).

Usage (a Python with selenium, e.g. .build-bench/venv/bin/python, which `make bench` makes):
    search_bench.py --output DIR --label NAME [--queries Q ...] [--engines sitegen,pagefind]
                    [--json FILE] [--pagefind PATH] [--pagefind-args "ARGS"] [--work DIR] [--keep]
Prints Markdown tables: one row per engine and query, then the bytes by kind of file.
"""
import argparse
import glob
import gzip
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DEFAULT_QUERIES = ["producer", "budget schedule", "stripboard"]
ENGINES = ("sitegen", "pagefind")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
GNU_TIME = "/usr/bin/time"
# Where to look for pagefind_bin's binary when --pagefind is not given (after PATH).
# Virtualenvs that may hold pagefind_bin: the one `make bench` makes, the tests', and the
# running interpreter's.
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENVS = (os.path.join(REPO, ".build-bench", "venv"), os.path.join(REPO, ".venv-test"), sys.prefix)
# Files every page of the site loads whatever the search: not counted as search bytes.
PAGE_CHROME = ("/assets/site.css", "/assets/favicon.svg")
KB = 1024
MB = 1024 * 1024

# The Pagefind query page. QUERY comes from ?q=; errors end up in the title too, so the
# wait always ends. Written into the copy only after indexing, so Pagefind never indexes it.
PAGEFIND_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>pagefind bench</title>
<link rel="icon" href="data:,">
</head>
<body>
<p id="out">running</p>
<script type="module">
const query = new URLSearchParams(location.search).get("q") || "";
try {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.init();
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  document.title = "done:" + search.results.length + ":" + (data[0] ? data[0].meta.title : "");
} catch (error) {
  document.title = "error:" + error;
}
</script>
</body>
</html>
"""


# ---------------------------------------------------------------- the byte-counting server

class ByteLog:
    """What the server sent since the last reset: (URL path, body bytes) per file, and 404s."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.files = []
            self.misses = []

    def add(self, path, size):
        with self.lock:
            self.files.append((path, size))

    def miss(self, path, code):
        with self.lock:
            self.misses.append((path, code))

    def snapshot(self):
        with self.lock:
            return list(self.files), list(self.misses)


class CountingHandler(SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler (what `python3 -m http.server` runs) that logs every body it sends."""

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def copyfile(self, source, outputfile):
        sent = 0
        while True:
            chunk = source.read(64 * 1024)
            if not chunk:
                break
            outputfile.write(chunk)
            sent += len(chunk)
        self.server.byte_log.add(urllib.parse.urlsplit(self.path).path, sent)

    def send_error(self, code, message=None, explain=None):
        self.server.byte_log.miss(urllib.parse.urlsplit(self.path).path, code)
        super().send_error(code, message, explain)

    def log_message(self, format, *args):  # quiet: one line per file would drown the tables
        pass


class Server:
    """A folder on a free loopback port, served from a thread."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(CountingHandler, directory=str(folder)))
        self.httpd.daemon_threads = True
        self.httpd.byte_log = ByteLog()
        self.log = self.httpd.byte_log
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# ---------------------------------------------------------------- browser

def make_driver(timeout):
    """Headless Chromium with the options of Tests/EndToEnd/browser/conftest.py, cache off."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--allow-file-access-from-files", "--hide-scrollbars",
                     "--force-color-profile=srgb", "--font-render-hinting=none"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(timeout)
    driver.set_script_timeout(timeout)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def wait_until(driver, timeout, condition):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition)


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def query_sitegen(driver, origin, query, timeout):
    """Opens /search/?q=QUERY; returns (page path, results dict) once the status line has text."""
    from selenium.webdriver.common.by import By

    page = "/search/"
    driver.get(f"{origin}{page}?{urllib.parse.urlencode({'q': query})}")
    status = wait_until(driver, timeout, lambda d: d.find_element(By.ID, "search-status").text.strip())
    items = driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result")
    links = items[0].find_elements(By.CSS_SELECTOR, "a") if items else []
    # The status line announces the total ("24 roles match “producer”. Showing the first 20");
    # the page shows at most a page of it.
    count = re.search(r"\d[\d,]*", status)
    total = int(count.group().replace(",", "")) if items and count else len(items)
    return page, {"results": total, "shown": len(items), "first": links[0].text if links else "",
                  "status": status}


def query_pagefind(driver, origin, query, timeout):
    """Opens pagefind-bench.html?q=QUERY; returns (page path, results dict) once the title says done."""
    page = "/pagefind-bench.html"
    driver.get(f"{origin}{page}?{urllib.parse.urlencode({'q': query})}")
    title = wait_until(driver, timeout, lambda d: d.title if d.title.startswith(("done:", "error:")) else None)
    if title.startswith("error:"):
        return page, {"results": 0, "shown": 0, "first": "", "status": title}
    _, count, first = title.split(":", 2)
    return page, {"results": int(count), "shown": min(int(count), 10), "first": first, "status": title}


# ---------------------------------------------------------------- bytes by kind of file

def kind(path):
    """A file's role in the search, from its URL path (both engines' naming)."""
    name = path.rsplit("/", 1)[-1]
    if path in PAGE_CHROME:
        return "page chrome"
    if name.startswith("search-index-"):
        return "index shards"
    if name == "search-index.js":
        return "index manifest"
    for suffix, label in ((".pagefind", "wasm"), (".pf_meta", "metadata"), (".pf_index", "chunks"),
                          (".pf_fragment", "fragments"), (".pf_filter", "filters"), (".json", "entry json"),
                          (".js", "js"), (".css", "css")):
        if name.endswith(suffix):
            return label
    return "other"


_gzip_sizes = {}


def gzip_size(root, path, size):
    """What a host that gzips (level 6) would send for a served file; already-gzipped files as is."""
    key = (str(root), path)
    if key not in _gzip_sizes:
        local = Path(root) / urllib.parse.unquote(path).lstrip("/")
        if local.is_dir():
            local = local / "index.html"
        try:
            data = local.read_bytes()
            _gzip_sizes[key] = size if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))
        except OSError:
            _gzip_sizes[key] = size
    return _gzip_sizes[key]


def measure_query(server, engine, query, args):
    """One cold query in a fresh browser: what was fetched, how many bytes, what was found."""
    driver = make_driver(args.timeout)
    try:
        server.log.reset()
        started = time.perf_counter()
        run = query_sitegen if engine == "sitegen" else query_pagefind
        page, found = run(driver, server.origin, query, args.timeout)
        seconds = time.perf_counter() - started
        time.sleep(args.settle)  # late loads (fragments, favicon) still count
        files, misses = server.log.snapshot()
        errors = console_errors(driver)
    finally:
        driver.quit()
    search = [(path, size) for path, size in files if path != page and path not in PAGE_CHROME]
    by_kind = {}
    for path, size in search:
        entry = by_kind.setdefault(kind(path), {"files": 0, "bytes": 0, "gzip_bytes": 0})
        entry["files"] += 1
        entry["bytes"] += size
        entry["gzip_bytes"] += gzip_size(server.folder, path, size)
    return {
        "engine": engine, "query": query, **found,
        "seconds_to_results": round(seconds, 3),
        "total_bytes": sum(size for _, size in files),
        "search_bytes": sum(size for _, size in search),
        "search_gzip_bytes": sum(entry["gzip_bytes"] for entry in by_kind.values()),
        "search_files": len(search),
        "by_kind": by_kind,
        "files": [{"path": path, "bytes": size} for path, size in files],
        "misses": [{"path": path, "code": code} for path, code in misses],
        "console_errors": errors,
    }


# ---------------------------------------------------------------- indexes

def folder_stats(folder, skip=()):
    """(files, bytes) of everything under folder, except file names in skip."""
    count = size = 0
    for path in Path(folder).rglob("*"):
        if path.is_file() and path.name not in skip:
            count += 1
            size += path.stat().st_size
    return count, size


def sitegen_index(output):
    """sitegen's index: DIR/search/ without the search page itself; written by the build."""
    files, size = folder_stats(output / "search", skip=("index.html",))
    manifest = output / "search" / "search-index.js"
    documents = None
    if manifest.is_file():
        match = re.search(r'"count"\s*:\s*(\d+)', manifest.read_text(encoding="utf-8", errors="replace")[:200000])
        documents = int(match.group(1)) if match else None
    return {"files": files, "bytes": size, "seconds": None, "peak_rss_kib": None, "documents": documents}


def find_pagefind(explicit):
    """--pagefind, else pagefind_extended/pagefind on PATH, else pagefind_bin's binary in a known venv."""
    if explicit:
        if not os.access(explicit, os.X_OK):
            sys.exit(f"--pagefind {explicit}: not an executable file")
        return explicit
    for name in ("pagefind_extended", "pagefind"):
        found = shutil.which(name)
        if found:
            return found
    for venv in VENVS:
        for pattern in ("bin/pagefind_extended", "bin/pagefind",
                        "lib/python*/site-packages/pagefind_bin*/pagefind_extended",
                        "lib/python*/site-packages/pagefind_bin*/pagefind"):
            for candidate in sorted(glob.glob(os.path.join(venv, pattern))):
                if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
                    return candidate
    try:  # the running interpreter may have pagefind_bin installed
        import pagefind_bin
        return str(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError):
        pass
    sys.exit("pagefind not found: pass --pagefind PATH, or run through `make bench` (it makes .build-bench/venv "
             "with pagefind_bin and selenium)")


def pagefind_index(output, copy, binary, extra):
    """Copies the output, runs Pagefind on the copy under GNU time, returns the index's stats."""
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(output, copy)  # real copies, so nothing can write through to the original
    shutil.rmtree(copy / "pagefind", ignore_errors=True)
    command = [binary, "--site", str(copy), "--output-subdir", "pagefind"]
    command += extra
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    timing = copy.parent / (copy.name + ".time")
    started = time.perf_counter()
    if os.access(GNU_TIME, os.X_OK):
        process = subprocess.run([GNU_TIME, "-f", "%e %M", "-o", str(timing)] + command, capture_output=True, text=True)
    else:  # no GNU time: wall clock here, peak RSS from the children's rusage
        import resource
        process = subprocess.run(command, capture_output=True, text=True)
        timing.write_text(f"{time.perf_counter() - started:.2f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n")
    if process.returncode != 0:
        sys.exit(f"pagefind failed ({process.returncode}):\n{process.stdout[-3000:]}\n{process.stderr[-3000:]}")
    wall, rss = timing.read_text().split()[-2:]
    timing.unlink()
    pages = re.search(r"Indexed (\d+) pages?", process.stdout)
    words = re.search(r"Indexed (\d+) words?", process.stdout)
    files, size = folder_stats(copy / "pagefind")
    (copy / "pagefind-bench.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    return {"files": files, "bytes": size, "seconds": float(wall), "peak_rss_kib": int(rss),
            "documents": int(pages.group(1)) if pages else None,
            "words": int(words.group(1)) if words else None,
            "command": command, "version": version}


# ---------------------------------------------------------------- report

def markdown(label, runs):
    """The two tables: one row per engine and query, then the search bytes by kind of file."""
    kb = lambda n: f"{n / KB:,.1f}"
    lines = [f"### Search cost: {label}", "",
             "| engine | index files | index size (MB) | index time (s) | peak RSS (MB) | query | "
             "bytes loaded (KB) | total loaded (KB) | results | first result |",
             "|---|---:|---:|---:|---:|---|---:|---:|---:|---|"]
    for run in runs:
        index = run["index"]
        time_cell = "n/a (part of the build)" if index["seconds"] is None else f"{index['seconds']:.2f}"
        rss_cell = "n/a" if index["peak_rss_kib"] is None else f"{index['peak_rss_kib'] / KB:,.0f}"
        for q in run["queries"]:
            results = f"{q['results']:,}" + (f" ({q['shown']} shown)" if q["engine"] == "sitegen" and q["shown"] < q["results"] else "")
            first = q["first"].replace("|", "\\|") or "—"
            if q["status"].startswith("error:") or (q["results"] == 0 and q["console_errors"]):
                first += f" ⚠ {q['status'][:80]}"
            lines.append(f"| {run['engine']} | {index['files']:,} | {index['bytes'] / MB:,.2f} | {time_cell} | {rss_cell} | "
                         f"{q['query']} | {kb(q['search_bytes'])} | {kb(q['total_bytes'])} | {results} | {first} |")
    lines += ["", "Search bytes by kind of file, KB as served (≈ if the host gzips; Pagefind's index files are gzipped on disk):", "",
              "| engine | query | files | by kind: KB served (≈ gzip) | total KB (≈ gzip) |", "|---|---|---:|---|---:|"]
    for run in runs:
        for q in run["queries"]:
            parts = ", ".join(f"{name} {v['files']}× {kb(v['bytes'])} ({kb(v['gzip_bytes'])})"
                              for name, v in sorted(q["by_kind"].items(), key=lambda item: -item[1]["bytes"]))
            lines.append(f"| {run['engine']} | {q['query']} | {q['search_files']} | {parts} | "
                         f"{kb(q['search_bytes'])} ({kb(q['search_gzip_bytes'])}) |")
    notes = []
    for run in runs:
        index = run["index"]
        if run["engine"] == "sitegen":
            notes.append(f"sitegen: index of {index['documents']} pages (roles, duty pages, comparisons, taxonomy and plain pages) in search/, written by the build.")
        else:
            notes.append(f"{index.get('version') or 'pagefind'}: {index['documents']} pages, {index['words']} words indexed; "
                         f"`{' '.join(index['command'][1:])}` on a copy.")
        for q in run["queries"]:
            if q["misses"]:
                notes.append(f"{run['engine']} “{q['query']}”: not found: " + ", ".join(f"{m['path']} ({m['code']})" for m in q["misses"]))
    return "\n".join(lines + [""] + [f"- {note}" for note in notes])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", required=True, type=Path, help="a built sitegen output folder (read only)")
    parser.add_argument("--label", required=True, help="name of the site in the report")
    parser.add_argument("--queries", nargs="+", default=DEFAULT_QUERIES, help="default: %(default)s")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma separated, default: %(default)s")
    parser.add_argument("--json", type=Path, help="also write every number (and every file fetched) here")
    parser.add_argument("--pagefind", help="the pagefind binary (default: PATH, then pagefind_bin in " + ", ".join(VENVS) + ")")
    parser.add_argument("--pagefind-args", default="", help="more pagefind options, one shell-quoted string given with =, e.g. "
                        "--pagefind-args=\"--glob 'roles/*/index.html' --root-selector main\" to index what sitegen's search "
                        "covers (role pages, main content); default: none, Pagefind indexes every HTML file whole")
    parser.add_argument("--work", type=Path, help="scratch folder for the Pagefind copy (default: a new temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the Pagefind copy")
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for a query's results (default 60)")
    parser.add_argument("--settle", type=float, default=0.5, help="seconds to wait after results for late loads (default 0.5)")
    args = parser.parse_args()

    output = args.output.resolve()
    if not (output / "index.html").is_file():
        sys.exit(f"{output}: no index.html, not a built site")
    engines = [name.strip() for name in args.engines.split(",") if name.strip()]
    unknown = [name for name in engines if name not in ENGINES]
    if unknown:
        sys.exit(f"unknown engine(s) {', '.join(unknown)}; known: {', '.join(ENGINES)}")
    try:
        import selenium  # noqa: F401
    except ImportError:
        sys.exit("selenium is missing: run with a Python that has it, e.g. .build-bench/venv/bin/python (make bench makes it)")

    work = args.work.resolve() if args.work else Path(tempfile.mkdtemp(prefix="search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if work == output or output in work.parents:
        sys.exit("--work must not be inside --output")
    runs = []
    try:
        for engine in engines:
            if engine == "sitegen":
                if not (output / "search" / "index.html").is_file():
                    sys.exit(f"{output}/search/index.html missing: this output has no sitegen search page")
                index, folder = sitegen_index(output), output
            else:
                binary = find_pagefind(args.pagefind)
                print(f"pagefind: indexing a copy of {output} with {binary} …", file=sys.stderr)
                folder = work / "pagefind-site"
                index = pagefind_index(output, folder, binary, shlex.split(args.pagefind_args))
            server = Server(folder)
            try:
                queries = []
                for query in args.queries:
                    print(f"{engine}: “{query}” …", file=sys.stderr)
                    queries.append(measure_query(server, engine, query, args))
            finally:
                server.stop()
            runs.append({"engine": engine, "index": index, "queries": queries})
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
        elif not args.keep:
            shutil.rmtree(work / "pagefind-site", ignore_errors=True)

    print(markdown(args.label, runs))
    if args.json:
        args.json.write_text(json.dumps({"label": args.label, "output": str(output), "runs": runs}, indent=2,
                                        ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
