#!/usr/bin/env python3
"""Save-to-reload latency of `sitegen serve`.

Usage: start `sitegen serve --port PORT` on a site, then
    python3 bench/reload_latency.py PORT Content/roles/some-role.md [TRIALS]
It opens the server's event stream (/__sitegen/events), appends a line to the role file
TRIALS times (default 10, half a second apart) and prints, for each, the milliseconds from
the write until the next `event: reload` arrives (the debounce, the rebuild and the
hand-off to the browser), then the median. The appended lines stay in the file.
"""
import http.client
import statistics
import sys
import time


def main() -> None:
    port, path = int(sys.argv[1]), sys.argv[2]
    trials = int(sys.argv[3]) if len(sys.argv) > 3 else 10
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
        with open(path, "a", encoding="utf-8") as role:
            role.write(f"\nEdit {trial}.\n")
        while next_event() != "reload":
            pass
        times.append((time.perf_counter() - start) * 1000)
    print("save -> reload (ms):", " ".join(f"{t:.0f}" for t in times), f"| median {statistics.median(times):.0f}")


if __name__ == "__main__":
    main()
