#!/usr/bin/env python3
"""SIGKILL at many moments of a build: the output is always the old site or the new one.

For each kind of build -- a full build (--no-cache), an incremental build that changes every
page (the site title), one that changes one page (a role's body) -- the shipped handbook is
built, edited, and `sitegen build` is killed with SIGKILL at MOMENTS points spread over the
time an uninterrupted build takes. After each kill:
  - Output/ equals the site before the edit or the site after it, byte for byte, and nothing
    temporary is inside it;
  - the next build equals a clean (--no-cache) build of the edited site.
Usage: kill.py SITEGEN [MOMENTS]. Prints the counts; exits non-zero on any failure.
"""
import os, shutil, signal, subprocess, sys, tempfile, time

SITEGEN = os.path.abspath(sys.argv[1])
MOMENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 50
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def tree(folder):
    """Every entry below folder (not following links): path -> bytes, or a marker for others."""
    found = {}
    for base, dirs, files in os.walk(folder):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(base, d))]:
            path = os.path.join(base, name)
            rel = os.path.relpath(path, folder)
            if os.path.islink(path) or not os.path.isfile(path):
                found[rel] = b"<not a regular file>"
                continue
            with open(path, "rb") as f:
                data = f.read()
            if rel == ".sitegen-output":  # carries each build's own token
                data = b"\n".join(l for l in data.split(b"\n") if not l.startswith(b"build: "))
            found[rel] = data
    return found


def build(site, *extra, output=None):
    args = [SITEGEN, "build", "--source", site, "--quiet", *extra]
    if output:
        args += ["--output", output]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def edit(site, kind, forward):
    if kind in ("full", "every"):
        path, old, new = os.path.join(site, "sitegen.yml"), "title: Production Roles Handbook", "title: Production Roles Handbook (edited)"
    else:
        path, old, new = os.path.join(site, "Content/roles/producer.md"), "## What the role is", "## What the role is, briefly"
    with open(path) as f:
        text = f.read()
    a, b = (old, new) if forward else (new, old)
    assert a in text, (path, a)
    with open(path, "w") as f:
        f.write(text.replace(a, b, 1))


def main():
    work = tempfile.mkdtemp(prefix="sitegen-kill-")
    site = os.path.join(work, "site")
    os.makedirs(site)
    for name in ("Content", "Templates", "sitegen.yml"):
        src = os.path.join(ROOT, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(site, name))
        elif os.path.exists(src):
            shutil.copy(src, site)
    output = os.path.join(site, "Output")
    failures = 0
    counts = {}
    try:
        for kind in ("full", "every", "one"):
            extra = ("--no-cache",) if kind == "full" else ()
            build(site)
            old = tree(output)
            edit(site, kind, True)
            clean = os.path.join(work, "clean")
            build(site, "--no-cache", output=clean)
            new = tree(clean)
            shutil.rmtree(clean)
            edit(site, kind, False)
            started = time.monotonic()
            edit(site, kind, True)
            build(site, *extra)
            duration = time.monotonic() - started
            edit(site, kind, False)
            build(site)
            seen = {"old": 0, "new": 0, "neither": 0}
            for moment in range(MOMENTS):
                edit(site, kind, True)
                process = subprocess.Popen([SITEGEN, "build", "--source", site, "--quiet", *extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(duration * 1.2 * moment / MOMENTS)
                process.send_signal(signal.SIGKILL)
                process.wait()
                now = tree(output)
                temporary = [p for p in now if ".sitegen-" in p and p != ".sitegen-output"]
                if now == old:
                    seen["old"] += 1
                elif now == new:
                    seen["new"] += 1
                else:
                    seen["neither"] += 1
                    failures += 1
                    mixed = sorted(p for p in set(now) | set(old) if now.get(p) != old.get(p) and now.get(p) != new.get(p))
                    print(f"FAILED: {kind}: kill at {moment}/{MOMENTS}: output is neither the old nor the new site: {mixed[:5]}")
                if temporary:
                    failures += 1
                    print(f"FAILED: {kind}: temporary files inside the output: {temporary[:5]}")
                build(site)
                if tree(output) != new:
                    failures += 1
                    print(f"FAILED: {kind}: the build after a kill at {moment}/{MOMENTS} differs from a clean build")
                edit(site, kind, False)
                build(site)
                if tree(output) != old:
                    failures += 1
                    print(f"FAILED: {kind}: building the original site again after a kill differs from it")
            counts[kind] = seen
            verdict = "ok" if seen["neither"] == 0 else "FAILED"
            print(f"{verdict}: {kind}: {MOMENTS} kills over {duration * 1.2:.2f} s: old site {seen['old']}, new site {seen['new']}, neither {seen['neither']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"kill test: {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
