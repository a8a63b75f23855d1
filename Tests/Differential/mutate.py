#!/usr/bin/env python3
"""Writes mutated HTML pages for the differential link-check test.

    mutate.py --count N --out DIR [--seed S] SEED_FOLDER...

Each page is a seed page (from the folders given) changed a few times: a piece of markup from
the pool below inserted, a range deleted or repeated, or a piece of another seed spliced in.
The pool holds the things tokenizers and tree builders get wrong: quotes, separators (tab, CR,
FF, NUL), `/` and `=` in odd places, comment and CDATA openers and closers, raw-text and
foreign-content elements, character references, table, select, form and frameset parts.
Same arguments, same pages.
"""
import argparse
import os
import random

POOL = [
    '<a href="../p{n}/">', "<a href='../p{n}/'>", "<a href=../p{n}/>", '<a\thref="../p{n}/">', '<a\rhref="../p{n}/">',
    '<a\fhref="../p{n}/">', '<a/href="../p{n}/">', '<A HREF="../p{n}/">', '<img src="../i{n}.png">', '<img srcset="../s{n}.png 1x, ../t{n}.png 2x">',
    '<p id="i{n}">', "<p id='i{n}'>", "<p ID=i{n}>", '<a name="n{n}">', '<form action="../f{n}/">', "<video poster=../v{n}.png>",
    '<object data="../o{n}">', '<svg>', '</svg>', '<math>', '</math>', '<foreignObject>', '</foreignObject>', '<mi>', '</mi>',
    '<annotation-xml encoding="text/html">', '</annotation-xml>', '<use xlink:href="#u{n}">', '<script>', '</script>', '<style>',
    '</style>', '<title>', '</title>', '<textarea>', '</textarea>', '<xmp>', '</xmp>', '<iframe>', '</iframe>', '<noscript>',
    '</noscript>', '<plaintext>', '<select>', '</select>', '<option>', '<table>', '</table>', '<tr>', '<td>', '</td>', '<caption>',
    '<frameset>', '</frameset>', '<frame src="../fr{n}/">', '<body id=b{n}>', '<html id=h{n}>', '<template>', '</template>',
    '<!--', '-->', '--!>', '<!-->', '<!---->', '<![CDATA[', ']]>', '<!DOCTYPE html>', '<?x', '</', '<', '>', '/>', '"', "'",
    '=', '/', ' ', '\t', '\n', '\r', '\r\n', '\f', '\x00', '&amp;', '&lt;', '&#x2F;', '&#47;', '&quot;', '&copy', '&notin;',
    '&#0;', '&#x110000;', '&#128;', '&', '&#', '&#x', '<br>', '</br>', '<p>', '</p>', '<div>', '</div>', '<font color=red>',
    '<input type=hidden>', '<input>', '<li>', '<image src="../im{n}.png">', '<!-- <a href="../c{n}/"> -->', '<script><!--',
    '<script><!--<script>', '</script >', '</script/>', '</SCRIPT>', 'class="x"href="../g{n}/"', ' href=../h{n}/', ' id=j{n}',
]


def mutate(page, seeds, rng, serial):
    for _ in range(rng.randint(1, 6)):
        choice = rng.random()
        at = rng.randint(0, len(page))
        if choice < 0.55 or not page:
            piece = rng.choice(POOL).format(n=f"{serial}-{rng.randint(0, 99)}")
            page = page[:at] + piece + page[at:]
        elif choice < 0.7:
            end = min(len(page), at + rng.randint(1, 12))
            page = page[:at] + page[end:]
        elif choice < 0.85:
            end = min(len(page), at + rng.randint(1, 40))
            page = page[:at] + page[at:end] * 2 + page[end:]
        else:
            other = rng.choice(seeds)
            start = rng.randint(0, len(other))
            page = page[:at] + other[start:start + rng.randint(1, 80)] + page[at:]
    return page


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("folders", nargs="+")
    arguments = parser.parse_args()
    seeds = []
    for folder in arguments.folders:
        for name in sorted(os.listdir(folder)):
            if name.endswith(".html") and not name.startswith("html5lib-"):
                with open(os.path.join(folder, name), encoding="utf-8", newline="") as page:
                    seeds.append(page.read())
    rng = random.Random(arguments.seed)
    os.makedirs(arguments.out, exist_ok=True)
    for serial in range(arguments.count):
        page = mutate(rng.choice(seeds), seeds, rng, serial)
        with open(os.path.join(arguments.out, f"m{serial:05}.html"), "w", encoding="utf-8", newline="") as out:
            out.write(page)


if __name__ == "__main__":
    main()
