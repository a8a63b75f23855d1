"""Helpers shared by the browser tests: loading pages, reading the console, colour schemes."""
import json

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

# Console messages that say nothing about the site (none expected today; kept explicit).
IGNORED_CONSOLE = ()


def console_errors(driver):
    """SEVERE console entries since the last call (errors, failed loads, uncaught exceptions)."""
    return [entry for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and not any(text in entry["message"] for text in IGNORED_CONSOLE)]


def load(driver, url):
    """Opens a page and waits for it to finish loading and for search.js to have run."""
    driver.get(url)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
    return driver


def set_color_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


def set_viewport(driver, width, height=800, mobile=False):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def text_of(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector).text


def json_ld(driver):
    """Every JSON-LD block on the page, parsed."""
    scripts = driver.find_elements(By.CSS_SELECTOR, 'script[type="application/ld+json"]')
    return [json.loads(script.get_attribute("textContent")) for script in scripts]


def wait_for(driver, condition, timeout=15):
    # A condition that reads a list the page is drawing again meets elements just removed:
    # it is asked again, as when an element is not there yet.
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(condition)


def full_page_screenshot(driver, path, width, mobile):
    """A PNG of the whole page at the given CSS width."""
    import base64
    set_viewport(driver, width, 800, mobile)
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    set_viewport(driver, width, min(height, 12000), mobile)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(shot["data"]))
