"""Every page type loads cleanly at /, under /handbook/ and from file://, with its landmarks,
headings, tables and links in order; links and assets work in each deploy."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browserlib import console_errors, load, set_viewport
from conftest import PAGE_TYPES

DEPLOYS = ["root", "subpath", "file"]
# The 404 page uses root-absolute links (hosts serve it at any depth): test it at the root.
CASES = [(deploy, kind) for deploy in DEPLOYS for kind in PAGE_TYPES if kind != "404" or deploy == "root"]


@pytest.mark.parametrize("deploy,kind", CASES, ids=[f"{d}-{k}" for d, k in CASES])
def test_page_loads_without_console_errors(driver, deploys, deploy, kind):
    load(driver, deploys[deploy].url(PAGE_TYPES[kind]))
    assert console_errors(driver) == []
    assert driver.title.strip()
    assert len(driver.find_elements(By.TAG_NAME, "h1")) == 1
    # The stylesheet applied (the header has its panel background and a bottom border) …
    border = driver.execute_script("return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle")
    assert border == "solid", "site.css did not load"
    # … and search.js ran: the header box replaced its no-JS link (the search page has its own box).
    if kind == "search":
        assert driver.find_element(By.ID, "search-query").is_displayed()
    else:
        assert driver.find_element(By.ID, "site-search-input").is_displayed()
        assert not driver.find_element(By.CSS_SELECTOR, ".site-search-fallback").is_displayed()


@pytest.mark.parametrize("kind", [k for k in PAGE_TYPES])
def test_landmarks_skip_link_headings_and_tables(driver, deploys, kind):
    load(driver, deploys["root"].url(PAGE_TYPES[kind]))
    for selector in ("body > header.site-header", "nav[aria-label='Main']", "main#main", "body > footer"):
        assert driver.find_elements(By.CSS_SELECTOR, selector), f"missing landmark {selector}"
    # The skip link is the first thing Tab reaches, becomes visible, and targets main.
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    assert active.get_attribute("href").endswith("#main")
    assert active.is_displayed() and active.rect["x"] >= 0
    # Visible focus: the next link gets an outline.
    active.send_keys(Keys.TAB)
    outline = driver.execute_script("var s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]")
    assert outline[0] != "none" and outline[1] != "0px", f"no visible focus: {outline}"
    # Headings never skip a level on the way down.
    levels = driver.execute_script("return Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map(h => +h.tagName[1])")
    assert levels[0] == 1
    for previous, level in zip(levels, levels[1:]):
        assert level <= previous + 1, f"heading order jumps from h{previous} to h{level}: {levels}"
    # Tables have a caption and scoped header cells.
    for table in driver.find_elements(By.TAG_NAME, "table"):
        assert table.find_element(By.TAG_NAME, "caption").text.strip()
        for th in table.find_elements(By.TAG_NAME, "th"):
            assert th.get_attribute("scope") in ("col", "row")


@pytest.mark.parametrize("kind", [k for k in PAGE_TYPES if k != "404"])
def test_nothing_overflows_a_360px_screen(driver, deploys, kind):
    set_viewport(driver, 360, 740, mobile=True)
    load(driver, deploys["root"].url(PAGE_TYPES[kind]))
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, f"the page is {width}px wide on a 360px screen"
    # The roles table and the side-by-side comparison reflow to fit; only the role × dimension
    # matrix may scroll sideways, inside its own focusable region, with its role column in view.
    for table in driver.find_elements(By.CSS_SELECTOR, "table"):
        region = table.find_element(By.XPATH, "..")
        assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"
        if "matrix" in table.get_attribute("class"):
            first = table.find_element(By.CSS_SELECTOR, "tbody th")
            assert driver.execute_script("return getComputedStyle(arguments[0]).position", first) == "sticky"
        else:
            assert table.rect["width"] <= region.rect["width"] + 1, f"{table.get_attribute('class')} is wider than the screen"


@pytest.mark.parametrize("deploy", DEPLOYS)
def test_links_and_assets_work_in_every_deploy(driver, deploys, deploy):
    site = deploys[deploy]
    load(driver, site.url(""))
    driver.find_element(By.LINK_TEXT, "Roles").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "All roles"
    driver.find_element(By.LINK_TEXT, "Producer").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "Producer"
    driver.find_element(By.PARTIAL_LINK_TEXT, "What does a Producer do?").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "What does a Producer do?"
    driver.find_element(By.PARTIAL_LINK_TEXT, "Producer vs").click()
    assert " vs " in driver.find_element(By.TAG_NAME, "h1").text
    driver.find_element(By.CSS_SELECTOR, "a.site-title").click()
    assert driver.current_url.startswith(site.base)
    assert driver.find_elements(By.CSS_SELECTOR, ".cards .card")
    assert console_errors(driver) == []


def test_without_javascript_the_header_box_is_a_link_to_the_roles_index(nojs_driver, deploys):
    load(nojs_driver, deploys["root"].url("roles/producer/"))
    fallback = nojs_driver.find_element(By.CSS_SELECTOR, ".site-search-fallback")
    assert fallback.is_displayed()
    assert fallback.get_attribute("href") == deploys["root"].url("roles/")
    assert not nojs_driver.find_element(By.ID, "site-search-input").is_displayed()
    load(nojs_driver, deploys["root"].url("search/"))
    message = nojs_driver.find_element(By.CSS_SELECTOR, "[data-search-nojs]")
    assert message.is_displayed() and "needs JavaScript" in message.text
    assert not nojs_driver.find_element(By.ID, "search-query").is_displayed()


@pytest.mark.parametrize("deploy", ["root", "subpath"])
@pytest.mark.parametrize("missing", ["roles/nope/", "compare/a/b/c/", "nope.html"])
def test_the_404_page_is_styled_and_links_into_the_site_at_any_depth(driver, notfound_servers, deploy, missing):
    # A host answers any missing address with 404.html; published under /handbook/ without a
    # base_url, the page finds the site's root from its own address.
    base = notfound_servers[deploy]
    load(driver, base + missing)
    assert driver.execute_script("return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid"
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.querySelector('.link-list a').href") == base)
    links = driver.execute_script("return Array.from(document.querySelectorAll('.link-list a')).map(a => a.href)")
    assert links[:3] == [base, base + "roles/", base + "compare/"]
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "site-search-input").is_displayed())
    # Nothing failed but the page's own status.
    assert [e for e in console_errors(driver) if base + missing not in e["message"]] == []
    driver.find_element(By.CSS_SELECTOR, ".link-list li:nth-child(2) a").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url == base + "roles/")
    assert driver.find_elements(By.CSS_SELECTOR, "h1") and "404" not in driver.title
