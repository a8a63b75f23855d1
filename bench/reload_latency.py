#!/usr/bin/env python3
"""Save-to-reload latency of `sitegen serve`.

Usage: start `sitegen serve --port PORT` on a site, then
    python3 bench/reload_latency.py PORT FILE [TRIALS] [KIND]
It opens the server's event stream (/__sitegen/events), edits FILE TRIALS times (default
10, half a second apart) and prints, for each, the milliseconds from the write until the
next `event: reload` arrives (the debounce, the rebuild and the hand-off to the browser),
then the median. KIND is what an edit does:
  body      (default) appends a sentence to FILE, a role: its body changes
  title     gives the role FILE a new `title:` (its pages, lists and comparisons change)
  template  appends an HTML comment to FILE, a layout or partial of Templates/
The edits stay in the file.
"""
import http.client
import re
import statistics
import sys
import time


def main() -> None:
    port, path = int(sys.argv[1]), sys.argv[2]
    trials = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    kind = sys.argv[4] if len(sys.argv) > 4 else "body"
    if kind not in ("body", "title", "template"):
        sys.exit(f"unknown edit kind {kind!r}: body, title or template")

    def edit(trial: int) -> None:
        if kind == "title":
            with open(path, encoding="utf-8") as role:
                text = role.read()
            text, count = re.subn(r'(?m)^title: .*$', f'title: "Edited Role {trial}"', text, count=1)
            if count != 1:
                sys.exit(f"{path} has no title: line")
            with open(path, "w", encoding="utf-8") as role:
                role.write(text)
        else:
            line = f"\nEdit {trial}.\n" if kind == "body" else f"<!-- edit {trial} -->\n"
            with open(path, "a", encoding="utf-8") as file:
                file.write(line)

    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/__sitegen/events")
    stream = connection.getresponse().fp

    def next_event() -> str:
        while True:
            line = stream.readline().decode()
            if not line:
                sys.exit("the event stream closed")
            if line.startswith("event:"):
                return line.split(":", 1)[1].strip()

    if next_event() != "hello":
        sys.exit("the event stream did not start with hello")
    times = []
    for trial in range(trials):
        time.sleep(0.5)
        start = time.perf_counter()
        edit(trial)
        while next_event() != "reload":
            pass
        times.append((time.perf_counter() - start) * 1000)
    print("save -> reload (ms):", " ".join(f"{t:.0f}" for t in times), f"| median {statistics.median(times):.0f}")


if __name__ == "__main__":
    main()
