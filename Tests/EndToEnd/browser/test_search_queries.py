"""The search finds every kind of page: a table of queries on the shipped handbook with the page
that must come first, run at /, under /handbook/ and from file://; and search.js makes the same
words of a text as the index builder (SearchText.swift), on the samples both tests share."""
import json
from pathlib import Path
from urllib.parse import urlencode

import pytest
from selenium.webdriver.common.by import By

from browserlib import console_errors, load, wait_for

DEPLOYS = ["root", "subpath", "file"]

# (query, facets, title of the first result, its kind's label, why the query is in the table)
QUERIES = [
    ("producer", {}, "Producer", "Role", "a role's title"),
    ("producer vs executive", {}, "Producer vs Executive Producer", "Comparison", "both roles named: the pair first"),
    ("ep vs producer", {}, "Producer vs Executive Producer", "Comparison", "a role named by another of its titles"),
    ("game designer vs game director", {}, "Lead Game Designer vs Game Director", "Comparison", "a pair of longer titles"),
    ("line producer vs production accountant", {}, "Line Producer vs Production Accountant", "Comparison", "a pair without prose"),
    ("songwriter", {}, "Music Supervisor", "Role", "a word only in one role's body"),
    ("storyliner", {}, "Staff Writer", "Role", "another word only in a body"),
    ("songwritter", {}, "Music Supervisor", "Role", "a misspelling (a letter too many)"),
    ("exectuive producer", {}, "Executive Producer", "Role", "a misspelling (two letters swapped)"),
    ("stripbaord", {}, "Glossary", "Page", "a misspelling of a word of the glossary"),
    ("glossary", {}, "Glossary", "Page", "a plain page"),
    ("greenlight", {}, "Executive Producer (games)", "Role", "a word of a summary"),
    ("directors", {}, "Director", "Role", "a plural"),
    ("prod", {}, "Producer", "Role", "a prefix, as typed"),
    ("what does a line producer do", {}, "Line Producer", "Role", "stop words"),
    ("budgeting", {}, "Budgeting", "Skills", "a taxonomy's term"),
    ("qa", {}, "QA Lead", "Role", "a two-letter title"),
    ("budget", {"department": "Production"}, "Line Producer", "Role", "a word and a facet"),
]


def first_result(driver):
    found = wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-result"), timeout=20)
    return found[0]


@pytest.mark.parametrize("deploy", DEPLOYS)
def test_the_query_table(driver, deploys, deploy):
    site = deploys[deploy]
    wrong = []
    for query, facets, title, kind, why in QUERIES:
        load(driver, site.url("search/") + "?" + urlencode({"q": query, **facets}))
        first = first_result(driver)
        got = (first.find_element(By.CSS_SELECTOR, ".search-result-title").text, first.find_element(By.CSS_SELECTOR, ".search-result-kind").text)
        if got != (title, kind.upper()) and got != (title, kind):
            wrong.append(f"{query!r} ({why}): first is {got}, not {(title, kind)}")
    assert wrong == []
    assert console_errors(driver) == []


def test_a_body_only_word_is_shown_in_an_excerpt_and_the_result_opens(driver, deploys):
    site = deploys["root"]
    load(driver, site.url("search/") + "?q=songwriter")
    first = first_result(driver)
    marks = [mark.text.lower() for mark in first.find_elements(By.TAG_NAME, "mark")]
    assert marks and all(mark.startswith("songwriter") for mark in marks), marks
    assert "In the text" in first.text
    first.find_element(By.CSS_SELECTOR, "a").click()
    wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "h1").text == "Music Supervisor")


def test_a_query_loads_only_part_of_the_index(driver, deploys, site_dir):
    site = deploys["root"]
    load(driver, site.url("search/") + "?q=producer")
    first_result(driver)
    loaded = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
        ".filter(function (n) { return n.indexOf('/search/') >= 0; })")
    index_files = list((site_dir / "search").glob("*.js"))
    chunks = [name for name in loaded if "/search/t" in name]
    assert 1 <= len(chunks) <= 3, loaded
    assert len(loaded) < len(index_files) / 2, f"{len(loaded)} of {len(index_files)} files"


def test_the_script_makes_the_words_the_index_makes(driver, deploys):
    samples = json.loads((Path(__file__).parents[2] / "Fixtures" / "Search" / "words.json").read_text())["samples"]
    load(driver, deploys["root"].url("search/"))
    wait_for(driver, lambda d: d.execute_script("return !!(window.SITEGEN_SEARCH && SITEGEN_SEARCH.words)"))
    for text, expected in samples:
        words = driver.execute_async_script("var done = arguments[arguments.length - 1]; SITEGEN_SEARCH.words(arguments[0], done);", text)
        assert words == expected, text
