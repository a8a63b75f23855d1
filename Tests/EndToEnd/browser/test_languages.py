"""A site in two languages (Tests/Fixtures/Sites/library: English at the root, German under de/):
the language switcher stays on the same role and lands on the other language's home page when
a page has no translation, the hreflang links name both versions, search in German finds the
German page, and axe finds nothing on a German page — served at /, under a sub-path and from
file://."""

import shutil
import subprocess
from pathlib import Path

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By

from browserlib import console_errors, full_page_screenshot, load, wait_for
from conftest import Deploy, StaticServer

FIXTURE = Path(__file__).resolve().parents[2] / "Fixtures" / "Sites" / "library"


@pytest.fixture(scope="module")
def library(work_dir):
    """The fixture built with the sitegen under test, and served three ways."""
    import os
    output = work_dir / "library-parent" / "library"
    if output.parent.exists():
        shutil.rmtree(output.parent)
    output.parent.mkdir()
    source = work_dir / "library-source"
    if source.exists():
        shutil.rmtree(source)
    shutil.copytree(FIXTURE, source)
    result = subprocess.run([os.environ["SITEGEN"], "build", "--quiet", "--source", str(source), "--output", str(output)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    root = StaticServer(output)
    parent = StaticServer(output.parent)
    yield {
        "root": Deploy("root", root.origin),
        "subpath": Deploy("subpath", parent.origin + "library/"),
        "file": Deploy("file", output.resolve().as_uri() + "/", directory_index=True),
    }
    root.stop()
    parent.stop()


def switcher(driver):
    links = driver.find_elements(By.CSS_SELECTOR, ".language-switcher a")
    return {link.get_attribute("hreflang"): link for link in links}


def page_path(driver, deploy):
    url = driver.current_url
    assert url.startswith(deploy.base), url
    path = url[len(deploy.base):]
    return path[:-len("index.html")] if path.endswith("index.html") else path


@pytest.mark.parametrize("deploy", ["root", "subpath", "file"])
def test_the_switcher_stays_on_the_same_role_both_ways(driver, library, deploy):
    site = library[deploy]
    load(driver, site.url("roles/librarian/"))
    links = switcher(driver)
    assert set(links) == {"en", "de"}
    assert links["en"].get_attribute("aria-current") == "true"
    assert links["de"].text == "Deutsch"
    links["de"].click()
    wait_for(driver, lambda d: page_path(d, site) == "de/roles/librarian/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    assert driver.find_element(By.TAG_NAME, "h1").text == "Bibliothekarin / Bibliothekar"
    # The German page's header and field labels are German.
    assert [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".site-nav a")] == ["Rollen", "Vergleiche", "Über"]
    assert "Bereich" in driver.find_element(By.TAG_NAME, "main").text
    switcher(driver)["en"].click()
    wait_for(driver, lambda d: page_path(d, site) == "roles/librarian/")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Librarian"
    assert console_errors(driver) == []


@pytest.mark.parametrize("deploy", ["root", "file"])
def test_a_role_from_a_file_named_for_its_language_is_the_translation(driver, library, deploy):
    site = library[deploy]
    load(driver, site.url("roles/library-assistant/"))
    switcher(driver)["de"].click()
    wait_for(driver, lambda d: page_path(d, site) == "de/roles/library-assistant/")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Fachangestellte für Medien- und Informationsdienste"


@pytest.mark.parametrize("deploy", ["root", "subpath"])
def test_a_page_without_translation_switches_to_the_other_home_page(driver, library, deploy):
    site = library[deploy]
    load(driver, site.url("roles/archivist/"))
    links = switcher(driver)
    assert links["de"].get_attribute("title")
    links["de"].click()
    wait_for(driver, lambda d: page_path(d, site) == "de/")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Handbuch der Bibliotheksberufe"
    # The German home page shows the shared image from the default language's content.
    image = driver.find_element(By.CSS_SELECTOR, "main img")
    assert driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) > 0


def test_hreflang_links_name_both_versions_with_absolute_addresses(driver, library):
    load(driver, library["root"].url("de/roles/librarian/"))
    alternates = {link.get_attribute("hreflang"): link.get_attribute("href")
                  for link in driver.find_elements(By.CSS_SELECTOR, "link[rel=alternate][hreflang]")}
    assert alternates == {"en": "https://example.org/library/roles/librarian/",
                          "de": "https://example.org/library/de/roles/librarian/"}
    canonical = driver.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
    assert canonical == "https://example.org/library/de/roles/librarian/"
    load(driver, library["root"].url("roles/archivist/"))
    alternates = [link.get_attribute("hreflang") for link in driver.find_elements(By.CSS_SELECTOR, "link[rel=alternate][hreflang]")]
    assert alternates == ["en"]


@pytest.mark.parametrize("deploy", ["root", "file"])
def test_each_language_searches_its_own_pages(driver, library, deploy):
    site = library[deploy]
    load(driver, site.url("de/search/") + "?q=Theke")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results a"))
    first = driver.find_elements(By.CSS_SELECTOR, ".search-results a")[0]
    assert "Fachangestellte" in first.text
    load(driver, site.url("search/") + "?q=Theke")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".search-status") and d.find_element(By.CSS_SELECTOR, ".search-status").text)
    assert driver.find_elements(By.CSS_SELECTOR, ".search-results a") == []


def test_axe_finds_nothing_on_a_german_page_with_the_switcher(driver, library, screenshot_dir):
    load(driver, library["root"].url("de/roles/librarian/"))
    axe = Axe(driver)
    axe.inject()
    found = axe.run()["violations"]
    assert found == [], axe.report(found)
    full_page_screenshot(driver, screenshot_dir / "language-de-role-desktop.png", 1280, False)
    full_page_screenshot(driver, screenshot_dir / "language-de-role-360.png", 360, True)
