#!/usr/bin/env python3
"""sitegen benchmark corpus generator (the project's own).

Writes, for --roles N and --seed S:

    OUT/sitegen.yml                 title, description, the schema (department, requirements, six dimensions)
    OUT/Content/index.md            home page
    OUT/Content/roles/<slug>.md     N role files

Each role has YAML front matter (title, summary, department, duties 8-12,
skills 6-10 drawn from a shared pool of ~200, requirements, one attribute per
dimension, related 3-5 slugs, compare_with 1-2 slugs) and a 1.5-3 KB
GitHub-flavoured Markdown body (## sections, paragraphs, bullet and numbered
lists, a table, emphasis, inline code, 2-3 relative links [Title](../slug/),
sometimes a footnote and strikethrough).

The layout matches the shared benchmark corpus (../shared/bench/gen_corpus.py)
so that ../shared/bench/hugo/hugo_build.sh can build the same files with Hugo:
`title:` is a double-quoted string on one line and `compare_with:` a one-line
flow list of double-quoted slugs.

Same --roles and --seed => byte-identical output (Python stdlib only; uses
random.Random seeded with a string, and only random(), randrange(), choice(),
sample() and shuffle(); checked on CPython 3.11).
"""

import argparse
import json
import os
import random
import shutil
import sys

GENERATOR_VERSION = 1

# --------------------------------------------------------------------------
# Vocabulary (written for this generator)
# --------------------------------------------------------------------------

DIMENSIONS = [
    ("budget_authority", "Budget authority"),
    ("creative_input", "Creative input"),
    ("time_on_set", "Time on set"),
    ("project_phase", "Main project phase"),
    ("decision_power", "Decision power"),
    ("team_size", "Team size"),
]

DIMENSION_VALUES = {
    "budget_authority": ["none", "advises", "tracks spending", "controls a department budget",
                         "signs off the whole budget"],
    "creative_input": ["minimal", "supporting", "shared", "shaping", "defining"],
    "time_on_set": ["rarely", "some days", "most days", "every day", "remote"],
    "project_phase": ["development", "pre-production", "principal photography",
                      "post-production", "release", "whole project"],
    "decision_power": ["executes decisions", "recommends", "decides within the department",
                       "decides with the producers", "final word"],
    "team_size": ["works alone", "2-5 people", "6-20 people", "20-100 people", "100+ people"],
}

# department -> base role names
DEPARTMENTS = {
    "Producing": ["Producer", "Line Producer", "Production Coordinator", "Development Executive",
                  "Production Accountant", "Production Secretary"],
    "Directing": ["Director", "Assistant Director", "Script Supervisor", "Second Unit Director",
                  "Dialogue Coach"],
    "Camera": ["Cinematographer", "Camera Operator", "Focus Puller", "Clapper Loader",
               "Digital Imaging Technician", "Steadicam Operator"],
    "Lighting": ["Gaffer", "Best Boy Electric", "Lighting Technician", "Rigging Gaffer"],
    "Grip": ["Key Grip", "Dolly Grip", "Crane Technician"],
    "Sound": ["Production Sound Mixer", "Boom Operator", "Sound Designer", "Foley Artist",
              "Re-recording Mixer", "Dialogue Editor"],
    "Art": ["Production Designer", "Art Director", "Set Decorator", "Prop Master",
            "Scenic Painter", "Storyboard Artist"],
    "Wardrobe": ["Costume Designer", "Costume Supervisor", "Wardrobe Assistant"],
    "Hair and Makeup": ["Makeup Artist", "Hair Stylist", "Prosthetics Designer"],
    "Editorial": ["Editor", "Assistant Editor", "Colorist", "Online Editor",
                  "Post Supervisor"],
    "Visual Effects": ["VFX Supervisor", "Compositor", "Matte Painter", "Rotoscope Artist",
                       "Pipeline Technical Director"],
    "Locations": ["Location Manager", "Location Scout", "Unit Manager"],
    "Casting": ["Casting Director", "Casting Associate", "Extras Coordinator"],
    "Distribution": ["Sales Agent", "Distribution Coordinator", "Publicist",
                     "Festival Strategist"],
}

# Qualifiers make titles unique across thousands of roles.
FORMATS = ["Feature Film", "Documentary", "Animation", "Broadcast", "Commercial", "Music Video",
           "Episodic", "Live Event", "Game Cinematics", "Short Form", "Streaming Series",
           "Virtual Production", "Stop Motion", "Reality Television", "News", "Sports",
           "Theatre Capture", "Branded Content", "Immersive Media", "Trailer"]
LEVELS = ["", "Senior", "Junior", "Lead", "Trainee", "Principal", "Associate", "Chief",
          "Deputy", "Supervising", "Freelance", "Staff"]

SKILL_STEMS = ["Budget", "Schedule", "Script", "Lens", "Lighting", "Audio", "Color", "Contract",
               "Crew", "Location", "Prop", "Costume", "Rigging", "Archive", "Stunt", "Casting",
               "Festival", "Rights", "Pipeline", "Render", "Storyboard", "Continuity", "Set",
               "Dialogue", "Music", "Safety"]
SKILL_ACTIONS = ["Planning", "Analysis", "Negotiation", "Management", "Review", "Design",
                 "Tracking", "Reporting"]
# 26 x 8 = 208 skills in the shared pool.
SKILL_POOL = ["%s %s" % (s, a) for s in SKILL_STEMS for a in SKILL_ACTIONS]

DUTY_VERBS = ["Prepare", "Review", "Coordinate", "Approve", "Track", "Negotiate", "Brief",
              "Inspect", "Organise", "Document", "Supervise", "Estimate", "Test", "Deliver",
              "Rehearse", "Archive"]
DUTY_OBJECTS = ["call sheets", "camera reports", "shot lists", "cost reports", "location permits",
                "lighting plots", "costume fittings", "sound logs", "continuity notes",
                "edit decision lists", "delivery schedules", "safety briefings", "prop lists",
                "crew rotas", "insurance paperwork", "festival entries", "review copies",
                "vendor quotes", "daily rushes", "rigging plans", "music cue sheets",
                "marketing assets", "rental returns", "travel bookings"]

EDUCATION = ["No formal degree required", "Diploma in media production", "BA in film studies",
             "BSc in audio engineering", "Degree in fine art or design",
             "Degree in accounting or business", "MFA in directing", "Apprenticeship"]
EXPERIENCE = ["Entry level", "1-2 years", "2-4 years", "3-5 years", "5-8 years", "8+ years",
              "10+ years"]
CERTIFICATION = ["None", "First aid at work", "Working at height", "Electrical safety card",
                 "Drone pilot licence", "Avid certified user", "DaVinci Resolve certification",
                 "Union membership"]

NOUNS = ["crew", "schedule", "budget", "scene", "camera", "script", "studio", "edit", "deadline",
         "unit", "department", "shoot", "location", "rehearsal", "client", "vendor", "cut",
         "take", "slate", "report", "plan", "network", "festival", "audience", "brief", "team"]
ADJECTIVES = ["careful", "busy", "early", "late", "tight", "flexible", "practical", "quiet",
              "complex", "routine", "urgent", "steady", "detailed", "shared", "final", "rough"]
VERBS = ["checks", "shapes", "protects", "moves", "balances", "records", "explains", "prepares",
         "follows", "adjusts", "confirms", "reviews", "supports", "delivers", "plans", "tests"]
LINKERS = ["before", "after", "while", "because", "so that", "unless", "once", "whenever"]
CODE_TOKENS = ["EDL", "ProRes 422 HQ", "call_sheet.pdf", "LUT_v3.cube", "24 fps", "-23 LUFS",
               "slate 42B", "4K DCI", "timecode 01:00:00:00", "rushes/day_07", "XML export",
               "ACES 1.3", "48 kHz", "mix_stems.wav"]
SECTION_TITLES = {
    "overview": ["Overview", "About the role", "The role in brief"],
    "work": ["What the work involves", "Main responsibilities", "Core tasks"],
    "day": ["A day on the job", "A typical shoot day", "How a working day runs"],
    "compare": ["At a glance", "Key facts", "The role in numbers"],
    "path": ["Getting in", "Career route", "How people move up"],
}


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def slugify(title):
    out, dash = [], False
    for ch in title.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def q(text):
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=True)


def sentence(rng, words_min=7, words_max=14, extra=None):
    n = rng.randrange(words_min, words_max + 1)
    words = []
    for i in range(n):
        r = rng.random()
        if r < 0.4:
            words.append(rng.choice(NOUNS))
        elif r < 0.6:
            words.append(rng.choice(ADJECTIVES))
        elif r < 0.85:
            words.append(rng.choice(VERBS))
        else:
            words.append(rng.choice(LINKERS))
    if extra:
        words.insert(rng.randrange(1, len(words)), extra)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, count, inserts=()):
    """count sentences; each insert (a Markdown fragment) lands in a random sentence."""
    slots = {}
    for frag in inserts:
        slots.setdefault(rng.randrange(count), []).append(frag)
    parts = []
    for i in range(count):
        frags = slots.get(i, [])
        s = sentence(rng, extra=" ".join(frags) if frags else None)
        parts.append(s)
    return " ".join(parts)


# --------------------------------------------------------------------------
# Roles
# --------------------------------------------------------------------------

def make_titles(rng, n):
    """n unique (title, department) pairs, deterministic for the rng state."""
    bases = [(b, d) for d in sorted(DEPARTMENTS) for b in DEPARTMENTS[d]]
    combos = []
    # Plain base titles first (so small corpora look natural), then qualified ones.
    plain = list(bases)
    rng.shuffle(plain)
    combos.extend((b, d) for b, d in plain)
    qualified = [(lvl, fmt, b, d) for lvl in LEVELS for fmt in FORMATS for b, d in bases]
    rng.shuffle(qualified)
    for lvl, fmt, b, d in qualified:
        if len(combos) >= n:
            break
        title = " ".join(x for x in (lvl, fmt, b) if x)
        combos.append((title, d))
    # Beyond the combinations (~20k), number the repeats.
    i = 0
    base_count = len(combos)
    while len(combos) < n:
        t, d = combos[i % base_count]
        combos.append(("%s %d" % (t, i // base_count + 2), d))
        i += 1
    combos = combos[:n]
    seen = set()
    for t, _ in combos:
        s = slugify(t)
        assert s not in seen, s
        seen.add(s)
    return combos


def pick_others(rng, index, n, k, prefer):
    """k distinct role indices != index, taken from prefer first, then anywhere."""
    k = min(k, n - 1)
    chosen = []
    pool = [j for j in prefer if j != index]
    rng.shuffle(pool)
    for j in pool:
        if len(chosen) >= k:
            break
        chosen.append(j)
    while len(chosen) < k:
        j = rng.randrange(n)
        if j != index and j not in chosen:
            chosen.append(j)
    return chosen


def build_roles(n, seed):
    rng = random.Random("sitegen-bench-%d-%d" % (seed, n))
    titles = make_titles(rng, n)
    by_dept = {}
    for i, (_, d) in enumerate(titles):
        by_dept.setdefault(d, []).append(i)
    roles = []
    for i, (title, dept) in enumerate(titles):
        # Related roles: nearby roles of the same department (a window, so this
        # stays O(n) for 10k+ roles), plus random ones if the department is small.
        peers = by_dept[dept]
        pos = peers.index(i) if len(peers) < 64 else None
        if pos is None:
            lo = rng.randrange(len(peers))
            window = peers[lo:lo + 12] or peers[:12]
        else:
            window = peers
        related = pick_others(rng, i, n, rng.randrange(3, 6), window)
        compare = pick_others(rng, i, n, rng.randrange(1, 3), related)
        roles.append({
            "index": i,
            "title": title,
            "slug": slugify(title),
            "department": dept,
            "related": related,
            "compare": compare,
        })
    return rng, roles


def render_role(rng, role, roles):
    title = role["title"]
    dept = role["department"]
    duties = []
    for verb, obj in zip(rng.sample(DUTY_VERBS, 12), rng.sample(DUTY_OBJECTS, 12)):
        duties.append("%s %s" % (verb, obj))
    duties = duties[:rng.randrange(8, 13)]
    skills = rng.sample(SKILL_POOL, rng.randrange(6, 11))
    attrs = [(k, rng.choice(DIMENSION_VALUES[k])) for k, _ in DIMENSIONS]
    summary = "The %s %s %s for the %s department on %s productions." % (
        title, rng.choice(VERBS), rng.choice(DUTY_OBJECTS), dept.lower(),
        rng.choice(ADJECTIVES))
    related = [roles[j]["slug"] for j in role["related"]]
    compare = [roles[j]["slug"] for j in role["compare"]]

    fm = ["---",
          "title: " + q(title),
          "summary: " + q(summary),
          "department: " + q(dept),
          "duties:"]
    fm += ["  - " + q(d) for d in duties]
    fm.append("skills:")
    fm += ["  - " + q(s) for s in skills]
    fm += ["requirements:",
           "  education: " + q(rng.choice(EDUCATION)),
           "  experience: " + q(rng.choice(EXPERIENCE)),
           "  certification: " + q(rng.choice(CERTIFICATION)),
           "attributes:"]
    fm += ["  %s: %s" % (k, q(v)) for k, v in attrs]
    fm.append("related: [%s]" % ", ".join(q(s) for s in related))
    fm.append("compare_with: [%s]" % ", ".join(q(s) for s in compare))
    fm.append("---")

    body = render_body(rng, role, roles, duties, attrs)
    return "\n".join(fm) + "\n\n" + body


def role_link(roles, j):
    return "[%s](../%s/)" % (roles[j]["title"], roles[j]["slug"])


def render_body(rng, role, roles, duties, attrs):
    title = role["title"]
    link_targets = role["related"][:rng.randrange(2, 4)]
    links = [role_link(roles, j) for j in link_targets]
    with_footnote = rng.random() < 0.35
    with_strike = rng.random() < 0.3

    code = "`%s`" % rng.choice(CODE_TOKENS)
    emph = "*%s*" % rng.choice(ADJECTIVES)
    strong = "**%s**" % rng.choice(NOUNS)

    out = []
    out.append("## " + rng.choice(SECTION_TITLES["overview"]))
    out.append("")
    out.append(paragraph(rng, 3, [links[0], code]))
    out.append("")
    out.append(paragraph(rng, 2, [emph]))
    out.append("")
    out.append("## " + rng.choice(SECTION_TITLES["work"]))
    out.append("")
    out.append("Most of the week as %s goes into a short list of recurring tasks:" % title)
    out.append("")
    for d in duties[:rng.randrange(4, 7)]:
        out.append("- %s, %s" % (d, sentence(rng, 3, 6)[:-1].lower()))
    out.append("")
    out.append("## " + rng.choice(SECTION_TITLES["day"]))
    out.append("")
    for k in range(rng.randrange(4, 7)):
        out.append("%d. %s" % (k + 1, sentence(rng, 5, 9)))
    out.append("")
    tail = [links[1], strong]
    if with_strike:
        tail.append("~~%s~~" % rng.choice(NOUNS))
    out.append(paragraph(rng, 3, tail))
    out.append("")
    out.append("## " + rng.choice(SECTION_TITLES["compare"]))
    out.append("")
    out.append("| Dimension | Value | Note |")
    out.append("| --- | --- | --- |")
    labels = dict(DIMENSIONS)
    for k, v in rng.sample(attrs, rng.randrange(3, 5)):
        out.append("| %s | %s | %s |" % (labels[k], v, sentence(rng, 3, 5)[:-1].lower()))
    out.append("")
    out.append("## " + rng.choice(SECTION_TITLES["path"]))
    out.append("")
    last = links[2:]
    para = paragraph(rng, 3, last)
    if with_footnote:
        para += " Titles and pay differ between countries.[^1]"
    out.append(para)
    out.append("")

    # Pad with plain paragraphs to a per-role target between 1.6 and 2.7 KB.
    target = rng.randrange(1600, 2700)
    text = "\n".join(out)
    while len(text.encode()) < target:
        out.append(paragraph(rng, rng.randrange(2, 4)))
        out.append("")
        text = "\n".join(out)
    if with_footnote:
        out.append("[^1]: " + sentence(rng, 6, 10))
        out.append("")
    return "\n".join(out)


def render_index(roles, n):
    depts = sorted({r["department"] for r in roles})
    lines = ["---",
             "title: " + q("Production Crew Roles"),
             "summary: " + q("A generated benchmark handbook of %d roles in %d departments."
                             % (n, len(depts))),
             "---",
             "",
             "## About this corpus",
             "",
             "This site was generated by `bench/gen_corpus.py` for the sitegen benchmark. "
             "It describes **%d roles** across %d departments." % (n, len(depts)),
             "",
             "## Departments",
             ""]
    lines += ["- " + d for d in depts]
    lines += ["", "## A few roles", ""]
    lines += ["- [%s](roles/%s/)" % (r["title"], r["slug"]) for r in roles[:8]]
    lines.append("")
    return "\n".join(lines)


def render_config(n):
    lines = [
        "title: %s" % q("Production Crew Roles (benchmark, %d roles)" % n),
        "description: %s" % q("Generated corpus for the sitegen benchmark (bench/gen_corpus.py)."),
        # The Hugo site's baseURL: both write a sitemap (sitegen writes none without one).
        "base_url: %s" % q("https://roles.example.org/"),
        "schema:",
        "  fields:",
        "    department: {type: term, label: Department, url: departments}",
    ]
    # Requirements and dimensions stay nested in the role files (`in:`), as the Hugo site
    # reads them (.Params.requirements, .Params.attributes).
    for k in ("education", "experience", "certification"):
        lines.append("    %s: {type: text, label: %s, in: requirements}" % (k, k.capitalize()))
    for k, label in DIMENSIONS:
        lines.append("    %s: {type: text, label: %s, in: attributes}" % (k, q(label)))
    dims = ", ".join(k for k, _ in DIMENSIONS)
    lines += [
        "  glance: [department, alternate_titles, reports_to, supervises, works_with, %s]" % dims,
        "  requirements: [education, experience, certification]",
        "  compare: [%s, department, reports_to, supervises, education, experience, certification]" % dims,
        "  matrix: [%s]" % dims,
        "  cards: [department]",
        "  facets: [department, skills]",
        "  group_by: department",
    ]
    return "\n".join(lines) + "\n"


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Write sitegen's deterministic benchmark corpus: OUT/sitegen.yml, "
                    "OUT/Content/index.md, OUT/Content/roles/<slug>.md.",
        epilog="Generator version %d. Same --roles and --seed => identical bytes." % GENERATOR_VERSION)
    ap.add_argument("--roles", type=int, required=True, metavar="N", help="number of roles (>= 6)")
    ap.add_argument("--out", required=True, metavar="DIR", help="output folder (its Content/ is replaced)")
    ap.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    args = ap.parse_args(argv)
    if args.roles < 6:
        ap.error("--roles must be at least 6 (each role links 3-5 others)")

    rng, roles = build_roles(args.roles, args.seed)
    content = os.path.join(args.out, "Content")
    if os.path.isdir(content):
        shutil.rmtree(content)
    os.makedirs(os.path.join(content, "roles"))
    write(os.path.join(args.out, "sitegen.yml"), render_config(args.roles))
    write(os.path.join(content, "index.md"), render_index(roles, args.roles))
    for role in roles:
        write(os.path.join(content, "roles", role["slug"] + ".md"), render_role(rng, role, roles))
    print("wrote %d roles to %s" % (args.roles, content), file=sys.stderr)


if __name__ == "__main__":
    main()
