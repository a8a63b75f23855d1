#!/usr/bin/env python3
"""The link check's reading of HTML pages, compared with two HTML5 parsers.

    compare.py [--chromium] [--allow N] DUMP FILE_OR_FOLDER...

DUMP is the output of `SitegenFuzz --dump-html` over the same files: one JSON object per page
with the URLs and ids sitegen's scanner read. Each page is parsed by html5lib (a WHATWG parser
in Python) and, with --chromium, by Chromium's own parser (`DOMParser` in headless Chromium,
chromium_links.py); the same attributes are collected from each tree (the table below is the
one in HTMLScanner.swift), and the URLs and the ids are compared as sets: the link check reads
each URL once, and a tree may hold an element's attributes twice where the parser cloned it
(WHATWG HTML, "reconstruct the active formatting elements" and "adoption agency algorithm",
https://html.spec.whatwg.org/multipage/parsing.html#reconstruct-the-active-formatting-elements
and #adoption-agency-algorithm, insert a new element with the formatting element's attributes).

A page where the scanner agrees with neither parser is a disagreement, and so is one where it
agrees with html5lib only (with Chromium 156 that has not happened: 0 of the shipped site, the
1k corpus, the adversarial pages and 12,000 mutants). html5lib 1.1 (2020) predates parts of the
current standard, so a page the scanner reads as Chromium does and html5lib otherwise is
counted apart and not as a disagreement; each such page is listed, marked when it has none of
the three constructs below. The differences seen, and the rules of WHATWG HTML
(https://html.spec.whatwg.org/multipage/parsing.html) that Chromium and the scanner follow:
  - `<select>`: html5lib drops other tags inside a select ("in select" insertion mode). The
    standard removed the "in select" and "in select in table" insertion modes in 2025
    (whatwg/html#10557, "Relax <select> parser"): a select's content is parsed by the "in body"
    rules (#parsing-main-inbody, start tags "select", "input", "textarea").
  - `<isindex>`: html5lib turns it into a form with a prompt and an input. The standard has no
    rule for isindex since 2016: it is "any other start tag" of the "in body" insertion mode,
    an ordinary element with its own attributes.
  - `</annotation-xml>` where the current node is an HTML element inside an `<annotation-xml
    encoding="text/html">`: html5lib closes the annotation-xml by its name. By the tree
    construction dispatcher (#tree-construction-dispatcher) a token whose adjusted current node
    is an HTML element goes to the "in body" rules, whose "any other end tag" stops at a node in
    the special category (#special lists MathML annotation-xml) and ignores the tag: the element
    stays open, and a `<style>` after it is HTML raw text, not a MathML element.
  - In random markup (mutants) also: an `<html>` tag while a `<template>` is open, whose
    attributes html5lib adds to the root ("in body", start tag "html": "If there is a template
    element on the stack of open elements, then ignore the token"); `</p>` inside SVG, which
    html5lib leaves in SVG ("rules for parsing tokens in foreign content", #parsing-main-
    inforeign: an end tag "br" or "p" pops up to an HTML element and is reprocessed). Two more
    kinds are not yet traced to their rule: an `<a name>` in an SVG `<title>` inside a
    `<font>` in SVG (html5lib drops the id), and a `<frameset>` after body content following
    `<math></form>` (html5lib keeps its id).
Without --chromium every difference from html5lib is a disagreement. Prints one line per page
that is not agreed on and a summary; exits 1 on any disagreement (on more than N with --allow N).
"""
import json
import os
import re
import sys

import html5lib

HTML = "http://www.w3.org/1999/xhtml"
XLINK = "http://www.w3.org/1999/xlink"
SPACE = "\t\n\f\r "

# (attribute, element or None for any HTML element) -> role
HTML_ROLES = {
    ("href", None): "url", ("src", None): "url", ("srcset", None): "srcset", ("id", None): "id",
    ("name", "a"): "id", ("action", "form"): "url", ("formaction", "button"): "url", ("formaction", "input"): "url",
    ("poster", "video"): "url", ("data", "object"): "url", ("cite", "blockquote"): "url", ("cite", "q"): "url",
    ("cite", "del"): "url", ("cite", "ins"): "url", ("background", "body"): "url", ("background", "table"): "url",
    ("background", "td"): "url", ("background", "th"): "url", ("manifest", "html"): "url", ("ping", "a"): "list",
    ("ping", "area"): "list", ("imagesrcset", "link"): "srcset",
}
FOREIGN_ROLES = {"href": "url", "src": "url", "srcset": "srcset", "id": "id", "{%s}href" % XLINK: "url"}


# The three constructs html5lib 1.1 reads by an older standard most often (above).
HTML5LIB_OUTDATED = re.compile(r"<(select|isindex)[\t\n\f\r />]|annotation-xml", re.IGNORECASE)


def split_on_ascii_whitespace(value):
    """HTML's "split on ASCII whitespace" (tab, LF, FF, CR, space; str.split() would also split
    on U+001C–U+001F and U+0085)."""
    return [part for part in re.split("[\t\n\f\r ]+", value) if part]


def srcset_urls(value):
    """The URL of each candidate, as the HTML standard's "parse a srcset attribute" splits them."""
    urls, position, n = [], 0, len(value)
    while True:
        while position < n and (value[position] in SPACE or value[position] == ","):
            position += 1
        if position >= n:
            return urls
        start = position
        while position < n and value[position] not in SPACE:
            position += 1
        url = value[start:position]
        if url.endswith(","):
            urls.append(url.rstrip(","))
            continue
        urls.append(url)
        in_parentheses = False
        while position < n:
            c = value[position]
            position += 1
            if in_parentheses:
                if c == ")":
                    in_parentheses = False
            elif c == "(":
                in_parentheses = True
            elif c == ",":
                break


def collect(role, value, links, ids):
    if role == "id":
        ids.append(value)
    elif role == "url":
        links.append(value)
    elif role == "list":
        links.extend(split_on_ascii_whitespace(value))
    elif role == "srcset":
        links.extend(srcset_urls(value))


def read(text):
    """The URLs (a list) and ids (a list) of a page, as html5lib's tree has them."""
    document = html5lib.parse(text, treebuilder="etree")
    links, ids = [], []
    for element in document.iter():
        tag = element.tag
        if not isinstance(tag, str) or not tag.startswith("{"):
            continue  # comments
        namespace, name = tag[1:].split("}", 1)
        for attribute, value in element.attrib.items():
            if namespace == HTML:
                role = HTML_ROLES.get((attribute, None)) or HTML_ROLES.get((attribute, name))
            else:
                role = FOREIGN_ROLES.get(attribute)
            collect(role, value, links, ids)
    return links, ids


def pages(paths):
    for path in paths:
        if os.path.isdir(path):
            for folder, _, files in sorted(os.walk(path)):
                for name in sorted(files):
                    if name.endswith((".html", ".htm")):
                        yield os.path.join(folder, name)
        else:
            yield path


def describe(reference, links, ids, scanned_links, scanned_ids):
    parts = []
    if set(links) != set(scanned_links):
        parts.append(f"{reference} only {sorted(set(links) - set(scanned_links))[:4]!r},"
                     f" scanner only {sorted(set(scanned_links) - set(links))[:4]!r}")
    if set(ids) != set(scanned_ids):
        parts.append(f"{reference} ids only {sorted(set(ids) - set(scanned_ids))[:4]!r},"
                     f" scanner ids only {sorted(set(scanned_ids) - set(ids))[:4]!r}")
    return "; ".join(parts)


def main():
    arguments = sys.argv[1:]
    use_chromium = "--chromium" in arguments
    arguments = [a for a in arguments if a != "--chromium"]
    allowed = 0
    if "--allow" in arguments:
        at = arguments.index("--allow")
        allowed = int(arguments[at + 1])
        del arguments[at:at + 2]
    dump_path, targets = arguments[0], arguments[1:]
    dumped = {}
    with open(dump_path, encoding="utf-8") as dump:
        for line in dump:
            if line.strip():
                entry = json.loads(line)
                dumped[os.path.normpath(entry["file"])] = entry
    paths = list(pages(targets))
    texts = []
    for path in paths:
        with open(path, "rb") as page:
            texts.append(page.read().decode("utf-8", "replace"))
    browser = []
    if use_chromium:
        import chromium_links

        chromium = chromium_links.Chromium()
        try:
            browser = chromium.read(texts, HTML_ROLES, FOREIGN_ROLES, srcset_urls, split_on_ascii_whitespace)
        finally:
            chromium.close()
    links_compared = ids_compared = disagreements = html5lib_differs = 0
    for index, (path, text) in enumerate(zip(paths, texts)):
        entry = dumped.get(os.path.normpath(path))
        if entry is None:
            print(f"{path}: not in the scanner's dump")
            disagreements += 1
            continue
        links, ids = read(text)
        scanned_links, scanned_ids = entry["links"], entry["ids"]
        links_compared += len(set(scanned_links) | set(links))
        ids_compared += len(set(scanned_ids) | set(ids))
        agrees_html5lib = set(links) == set(scanned_links) and set(ids) == set(scanned_ids)
        if not use_chromium:
            if not agrees_html5lib:
                disagreements += 1
                print(f"{path}: {describe('html5lib', links, ids, scanned_links, scanned_ids)}")
            continue
        browser_links, browser_ids = browser[index]
        agrees_chromium = set(browser_links) == set(scanned_links) and set(browser_ids) == set(scanned_ids)
        if agrees_html5lib and agrees_chromium:
            continue
        if agrees_chromium:
            html5lib_differs += 1
            known = "" if HTML5LIB_OUTDATED.search(text) else " (none of select, isindex, annotation-xml)"
            print(f"{path}: reads as Chromium does; html5lib differs{known}: {describe('html5lib', links, ids, scanned_links, scanned_ids)}")
        elif agrees_html5lib:
            disagreements += 1
            print(f"{path}: DISAGREES with Chromium (reads as html5lib does): "
                  f"{describe('Chromium', browser_links, browser_ids, scanned_links, scanned_ids)}")
        else:
            disagreements += 1
            print(f"{path}: DISAGREES with both: {describe('html5lib', links, ids, scanned_links, scanned_ids)};"
                  f" {describe('Chromium', browser_links, browser_ids, scanned_links, scanned_ids)}")
    summary = f"{len(paths)} pages, {links_compared} links and {ids_compared} ids compared, {disagreements} disagreements"
    if use_chromium:
        summary += f" (with html5lib and Chromium; {html5lib_differs} read as Chromium does where html5lib differs)"
    if allowed:
        summary += f"; up to {allowed} allowed"
    print(summary)
    sys.exit(1 if disagreements > allowed else 0)


if __name__ == "__main__":
    main()
