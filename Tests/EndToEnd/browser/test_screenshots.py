"""Screenshots (desktop 1280 px and mobile 360 px, light and dark) of the pages a reader sees
most, written to $SITEGEN_SCREENSHOTS for a human to look at."""
import pytest

from browserlib import console_errors, full_page_screenshot, load, set_color_scheme

PAGES = {
    "home": "",
    "role": "roles/producer/",
    "duties": "roles/producer/duties/",
    "comparison": "compare/producer-vs-executive-producer/",
    "search": "search/?q=budget",
    "picker": "compare/?a=producer&b=director",
    "picker-three": "compare/?a=producer&b=director&c=executive-producer",
}
SIZES = {"desktop": (1280, False), "mobile": (360, True)}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("page", list(PAGES))
def test_screenshot(driver, deploys, screenshot_dir, page, size, scheme):
    width, mobile = SIZES[size]
    set_color_scheme(driver, scheme)
    path = PAGES[page]
    url = deploys["root"].url(path.split("?")[0]) + ("?" + path.split("?")[1] if "?" in path else "")
    load(driver, url)
    if page == "search":
        from browserlib import wait_for
        from selenium.webdriver.common.by import By
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
    if page.startswith("picker"):
        from browserlib import wait_for
        from selenium.webdriver.common.by import By
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#picker-result .side-by-side"))
    target = screenshot_dir / f"{page}-{size}-{scheme}.png"
    full_page_screenshot(driver, target, width, mobile)
    print(f"screenshot: {target}")
    assert target.stat().st_size > 10_000
    assert console_errors(driver) == []
