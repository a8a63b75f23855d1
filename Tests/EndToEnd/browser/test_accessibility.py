"""axe-core (via axe-selenium-python) finds no violation on any page type, in light and dark mode,
including the search page with results showing and the header popup open."""
import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By

from browserlib import load, set_color_scheme, wait_for
from conftest import PAGE_TYPES

SCHEMES = ["light", "dark"]
CASES = [(kind, scheme) for kind in PAGE_TYPES for scheme in SCHEMES]


def violations(driver):
    axe = Axe(driver)
    axe.inject()
    report = axe.run()
    return report["violations"], axe


def assert_clean(driver, label):
    found, axe = violations(driver)
    count = sum(len(v["nodes"]) for v in found)
    print(f"axe {label}: {len(found)} violations ({count} nodes)")
    assert found == [], axe.report(found)


@pytest.mark.parametrize("kind,scheme", CASES, ids=[f"{k}-{s}" for k, s in CASES])
def test_axe_finds_no_violations(driver, deploys, kind, scheme):
    load(driver, deploys["root"].url(PAGE_TYPES[kind]))
    set_color_scheme(driver, scheme)
    assert driver.execute_script(f"return matchMedia('(prefers-color-scheme: {scheme})').matches")
    assert_clean(driver, f"{kind} {scheme}")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_on_search_results_and_the_open_header_popup(driver, deploys, scheme):
    set_color_scheme(driver, scheme)
    load(driver, deploys["root"].url("search/") + "?q=budget")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results mark"))
    assert_clean(driver, f"search results {scheme}")
    load(driver, deploys["root"].url("roles/"))
    driver.find_element(By.ID, "site-search-input").send_keys("budget")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#site-search-popup mark"))
    assert_clean(driver, f"header popup {scheme}")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_on_the_comparison_picker_showing_two_roles_and_three(driver, deploys, scheme):
    set_color_scheme(driver, scheme)
    load(driver, deploys["root"].url("compare/") + "?a=producer&b=director")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#picker-result .side-by-side"))
    assert_clean(driver, f"picker on /compare/ {scheme}")
    load(driver, deploys["root"].url("roles/producer/"))
    wait_for(driver, lambda d: d.find_element(By.ID, "picker-a").is_displayed())
    driver.find_element(By.ID, "picker-b").send_keys("Director")
    driver.find_element(By.CSS_SELECTOR, ".picker-form button").click()
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#picker-result .side-by-side"))
    assert_clean(driver, f"picker on a role page {scheme}")
    load(driver, deploys["root"].url("compare/") + "?a=producer&b=director&c=executive-producer")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#picker-result .side-by-side-three"))
    assert_clean(driver, f"picker on /compare/ with three roles {scheme}")


@pytest.mark.parametrize("path", ["compare/", "roles/producer/"])
def test_axe_on_the_pickers_list_of_pair_pages_as_shown_without_javascript(driver, deploys, path):
    load(driver, deploys["root"].url(path))
    wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".picker-form").is_displayed())
    # The page as it reads without the script: the list shown, the form hidden.
    driver.execute_script("document.querySelector('[data-compare-nojs]').hidden = false; document.querySelector('.picker-form').hidden = true;")
    assert driver.find_element(By.CSS_SELECTOR, "[data-compare-nojs] li a").is_displayed()
    assert_clean(driver, f"picker without the script on {path}")
