#!/usr/bin/env python3
"""Run a command and record the peak of the summed RSS of its process tree.

usage: treerss.py OUTFILE CMD [ARG...]

GNU time's %M is the largest single process (wait4's ru_maxrss), which hides
the memory of worker processes. This samples every process below CMD (CMD
itself is excluded: bench/run.sh passes /usr/bin/time as CMD, so the tree is
the measured build and its children), sums their resident set sizes every
50 ms, and writes the maximum in KiB to OUTFILE. Exits with CMD's status.

It is sampled (a peak shorter than 50 ms can be missed) and it over-counts
pages shared between processes (e.g. the same binary mapped by a parent and
its workers counts once per process). Cost per 50 ms tick: a listdir of
/proc, one read of /proc/PID/stat per process started since the last tick and one
of /proc/PID/statm per process in the tree (about 1 % of one core).
"""
import os
import subprocess
import sys
import time

TICK = 0.05
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


class Tree:
    """Descendants of root. Each process's /proc/PID/stat is read once (its parent does
    not change while it belongs to the tree), so a scan costs one listdir of /proc plus
    a read per process started since the previous scan."""

    def __init__(self, root):
        self.root = root
        self.parent = {}

    def scan(self):
        live = set()
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            pid = int(name)
            live.add(pid)
            if pid in self.parent:
                continue
            try:
                with open("/proc/%d/stat" % pid, "rb") as f:
                    data = f.read()
            except OSError:
                continue
            # Fields after the command name (which may contain spaces and ')').
            self.parent[pid] = int(data[data.rfind(b")") + 2:].split()[1])
        for pid in list(self.parent):
            if pid not in live:
                del self.parent[pid]
        children = {}
        for pid, ppid in self.parent.items():
            children.setdefault(ppid, []).append(pid)
        found, todo = set(), [self.root]
        while todo:
            for c in children.get(todo.pop(), []):
                if c not in found:
                    found.add(c)
                    todo.append(c)
        return found


def rss_kib(pid):
    try:
        with open("/proc/%d/statm" % pid, "rb") as f:
            return int(f.read().split()[1]) * PAGE_KIB
    except (OSError, IndexError, ValueError):
        return None


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    out, cmd = sys.argv[1], sys.argv[2:]
    proc = subprocess.Popen(cmd)
    tree, peak = Tree(proc.pid), 0
    while proc.poll() is None:
        total = 0
        for pid in tree.scan():
            total += rss_kib(pid) or 0
        peak = max(peak, total)
        time.sleep(TICK)
    with open(out, "w") as f:
        f.write("%d\n" % peak)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
