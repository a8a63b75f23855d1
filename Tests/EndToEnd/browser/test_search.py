"""Search: the header box and the /search/ page find "budget", move by keyboard, filter by
facet, and work at /, under /handbook/ and from file://."""
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from browserlib import console_errors, load, wait_for

DEPLOYS = ["root", "subpath", "file"]


def results(driver, selector):
    return driver.find_elements(By.CSS_SELECTOR, selector + " .search-result")


@pytest.mark.parametrize("deploy", DEPLOYS)
def test_header_box_finds_budget_and_opens_a_result_by_keyboard(driver, deploys, deploy):
    site = deploys[deploy]
    load(driver, site.url("compare/"))
    box = driver.find_element(By.ID, "site-search-input")
    box.click()
    box.send_keys("budget")
    found = wait_for(driver, lambda d: results(d, "#site-search-popup"))
    assert len(found) >= 2
    titles = [item.find_element(By.CSS_SELECTOR, "a").text for item in found]
    assert all(title for title in titles)
    assert "budget" in found[0].text.lower()
    # The word being typed is marked where it begins a word ("Budgeting").
    assert driver.find_element(By.CSS_SELECTOR, "#site-search-popup mark").text.lower().startswith("budget")
    target = found[0].find_element(By.CSS_SELECTOR, "a").get_attribute("href")
    keys = ActionChains(driver)
    keys.send_keys(Keys.ARROW_DOWN).perform()
    assert driver.switch_to.active_element.text == titles[0]
    keys.send_keys(Keys.ARROW_DOWN).perform()
    assert driver.switch_to.active_element.text == titles[1]
    keys.send_keys(Keys.ARROW_UP).perform()
    assert driver.switch_to.active_element.text == titles[0]
    keys.send_keys(Keys.ENTER).perform()
    wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "h1").text == titles[0])
    assert driver.current_url == target and target.startswith(site.base)
    assert console_errors(driver) == []


@pytest.mark.parametrize("deploy", DEPLOYS)
def test_enter_in_the_header_box_opens_the_search_page(driver, deploys, deploy):
    site = deploys[deploy]
    load(driver, site.url("roles/producer/"))
    box = driver.find_element(By.ID, "site-search-input")
    box.send_keys("budget", Keys.ENTER)
    wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "h1").text == "Search")
    assert driver.find_element(By.ID, "search-query").get_attribute("value") == "budget"
    wait_for(driver, lambda d: results(d, "#search-results"))
    assert console_errors(driver) == []


@pytest.mark.parametrize("deploy", DEPLOYS)
def test_search_page_results_keyboard_and_facets(driver, deploys, deploy):
    site = deploys[deploy]
    load(driver, site.url("search/"))
    status = driver.find_element(By.ID, "search-status")
    wait_for(driver, lambda d: "Type a word" in status.text)
    box = driver.find_element(By.ID, "search-query")
    box.send_keys("budget")
    found = wait_for(driver, lambda d: results(d, "#search-results"))
    total = len(found)
    assert total >= 3 and "match" in status.text
    # Keyboard: down into the results, down again, Enter opens the focused one.
    box.send_keys(Keys.ARROW_DOWN)
    first = driver.switch_to.active_element
    assert first.get_attribute("class") == "search-result-title"
    ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
    second = driver.switch_to.active_element
    assert second != first and second.get_attribute("class") == "search-result-title"
    # Facets narrow the results; each keeps the query.
    department = Select(driver.find_element(By.ID, "facet-department"))
    department.select_by_value("Production")
    wait_for(driver, lambda d: len(results(d, "#search-results")) < total)
    for item in results(driver, "#search-results"):
        assert item.find_element(By.CSS_SELECTOR, ".search-result-meta").text.startswith("Production")
    department.select_by_value("")
    medium = Select(driver.find_element(By.ID, "facet-media"))
    medium.select_by_value("video games")
    wait_for(driver, lambda d: all("video games" in i.text for i in results(d, "#search-results")))
    medium.select_by_value("")
    skill = Select(driver.find_element(By.ID, "facet-skills"))
    skill.select_by_value("Budgeting")
    wait_for(driver, lambda d: len(results(d, "#search-results")) <= total)
    assert results(driver, "#search-results")
    # The query and facets live in the address, so a result list can be shared (not from file://).
    if deploy != "file":
        assert "q=budget" in driver.current_url and "skills=Budgeting" in driver.current_url
    skill.select_by_value("")
    wait_for(driver, lambda d: len(results(d, "#search-results")) == total)
    box.send_keys(Keys.ARROW_DOWN)
    target = driver.switch_to.active_element.text
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "h1").text == target)
    assert console_errors(driver) == []


def test_search_page_reads_its_query_from_the_address(driver, deploys):
    load(driver, deploys["root"].url("search/") + "?q=budget&department=Production")
    found = wait_for(driver, lambda d: results(d, "#search-results"))
    assert found and all("Production" in item.text for item in found)
    assert Select(driver.find_element(By.ID, "facet-department")).first_selected_option.get_attribute("value") == "Production"


def test_search_with_no_match_says_so(driver, deploys):
    load(driver, deploys["root"].url("search/"))
    driver.find_element(By.ID, "search-query").send_keys("zzzqqqxxx")
    wait_for(driver, lambda d: "Nothing matches" in d.find_element(By.ID, "search-status").text)
    assert results(driver, "#search-results") == []
