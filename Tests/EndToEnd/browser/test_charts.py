"""Reporting-line charts (inline SVG drawn at build time): on a department's chart page and on a
role page, every box is a link to the role it names, in every deploy (root, sub-path, file://);
the nested list beside the chart names exactly the roles and lines the chart draws; the SVG is
hidden from assistive technology with its links out of the tab order (the list carries them);
at 360 px the chart keeps its natural size in a scrolling box; printed, it fits the page.
Screenshots of each go to SITEGEN_SCREENSHOTS as chart-*.png."""
import base64
import subprocess
import urllib.request
from pathlib import Path
from urllib.parse import urlparse, unquote

import pytest
from selenium.webdriver.common.by import By

from browserlib import full_page_screenshot, load, set_viewport

CHARTS = {"department": "charts/production/", "role": "roles/producer/"}
DEPLOYS = ["root", "subpath", "file"]


def slug_of(url):
    """The role slug a resolved role-page URL names (`…/roles/producer/` → producer)."""
    parts = [p for p in urlparse(url).path.split("/") if p and p != "index.html"]
    assert parts[-2] == "roles", f"{url} is not a role page"
    return parts[-1]


def boxes(driver):
    """Each box of the chart: its slug, title and its link resolved against the page."""
    return driver.execute_script("""
        return [...document.querySelectorAll('svg.chart-svg a.chart-box')].map(a => ({
            role: a.dataset.role, title: a.querySelector('title').textContent,
            text: [...a.querySelectorAll('tspan')].map(t => t.textContent).join(' '),
            href: new URL(a.getAttribute('href'), document.baseURI).href,
            tabindex: a.getAttribute('tabindex')}));""")


def drawn_lines(driver):
    return {(p.get_attribute("data-from"), p.get_attribute("data-to"), "peer" if "chart-peer" in p.get_attribute("class") else "reports")
            for p in driver.find_elements(By.CSS_SELECTOR, "svg.chart-svg path.chart-line")}


def listed_lines(driver):
    """The lines the nested list states: (manager, report, 'reports') and (role, peer, 'peer')."""
    lines = set()
    for entry in driver.find_elements(By.CSS_SELECTOR, ".chart-list > li"):
        role = slug_of(entry.find_element(By.XPATH, "./a").get_attribute("href"))
        for relation in entry.find_elements(By.CSS_SELECTOR, "li[data-relation]"):
            key = relation.get_attribute("data-relation")
            for link in relation.find_elements(By.CSS_SELECTOR, "ul a"):
                other = slug_of(link.get_attribute("href"))
                lines.add({"reports_to": (other, role, "reports"), "supervises": (role, other, "reports"), "works_with": (role, other, "peer")}[key])
    return lines


def listed_roles(driver):
    return {slug_of(a.get_attribute("href")) for a in driver.find_elements(By.CSS_SELECTOR, ".chart-list a")}


def fetch_h1(url):
    """The first <h1> of the page at `url` (a file:// URL is read from disk)."""
    if url.startswith("file:"):
        path = Path(unquote(urlparse(url).path))
        html = (path / "index.html" if path.is_dir() else path).read_text()
    else:
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
            html = response.read().decode()
    return html.split("<h1>", 1)[1].split("</h1>", 1)[0]


@pytest.mark.parametrize("deploy", DEPLOYS)
@pytest.mark.parametrize("chart", list(CHARTS))
def test_every_box_is_a_link_to_the_role_it_names(driver, deploys, deploy, chart):
    load(driver, deploys[deploy].url(CHARTS[chart]))
    found = boxes(driver)
    assert len(found) >= 3
    for box in found:
        assert slug_of(box["href"]) == box["role"]
        assert box["text"].replace("…", "") in box["title"] or box["title"].startswith(box["text"].rstrip("…"))
        heading = fetch_h1(box["href"])
        assert heading.replace("&amp;", "&") == box["title"], f"{box['href']} is {heading!r}, the box says {box['title']!r}"


@pytest.mark.parametrize("chart", list(CHARTS))
def test_the_list_states_exactly_what_the_chart_draws(driver, deploys, chart):
    load(driver, deploys["root"].url(CHARTS[chart]))
    drawn = drawn_lines(driver)
    assert drawn, "the chart draws no line"
    assert listed_lines(driver) == drawn
    assert listed_roles(driver) == {box["role"] for box in boxes(driver)}
    # The list is visible text; the drawing is hidden from assistive technology and its links
    # are out of the tab order, so keyboard users meet each link once, in the list.
    assert driver.find_element(By.CSS_SELECTOR, ".chart-list").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, "svg.chart-svg").get_attribute("aria-hidden") == "true"
    assert all(box["tabindex"] == "-1" for box in boxes(driver))


def test_the_roles_chart_puts_managers_above_it_and_reports_below(driver, deploys):
    load(driver, deploys["root"].url("roles/producer/"))
    place = {a.get_attribute("data-role"): a.find_element(By.TAG_NAME, "rect").rect
             for a in driver.find_elements(By.CSS_SELECTOR, "svg.chart-svg a.chart-box")}
    me = place["producer"]
    for manager, report, kind in drawn_lines(driver):
        if kind == "reports":
            assert place[manager]["y"] + place[manager]["height"] <= place[report]["y"]
        else:
            assert abs(place[report]["y"] - me["y"]) < 1, "a peer sits beside the role"
    assert driver.find_element(By.CSS_SELECTOR, "a.chart-current").get_attribute("data-role") == "producer"


def test_clicking_a_box_opens_its_role(driver, deploys):
    load(driver, deploys["root"].url("charts/production/"))
    box = driver.find_element(By.CSS_SELECTOR, 'svg.chart-svg a.chart-box[data-role="line-producer"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    assert driver.current_url.endswith("/roles/line-producer/")


@pytest.mark.parametrize("chart", list(CHARTS))
def test_at_360px_the_chart_scrolls_at_its_natural_size(driver, deploys, screenshot_dir, chart):
    set_viewport(driver, 360, 740, mobile=True)
    load(driver, deploys["root"].url(CHARTS[chart]))
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
    svg = driver.find_element(By.CSS_SELECTOR, "svg.chart-svg")
    natural = int(svg.get_attribute("width"))
    assert abs(svg.rect["width"] - natural) < 1, "the chart is not scaled down (its text stays readable)"
    scroller = driver.find_element(By.CSS_SELECTOR, ".chart-scroll")
    if natural > scroller.rect["width"]:
        assert driver.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", scroller)
        assert scroller.get_attribute("tabindex") == "0", "keyboard users can scroll it"
    driver.execute_script("arguments[0].scrollIntoView()", svg)
    full_page_screenshot(driver, screenshot_dir / f"chart-{chart}-360.png", 360, True)


@pytest.mark.parametrize("chart", list(CHARTS))
def test_chart_screenshots_at_desktop_size(driver, deploys, screenshot_dir, chart):
    load(driver, deploys["root"].url(CHARTS[chart]))
    full_page_screenshot(driver, screenshot_dir / f"chart-{chart}-desktop.png", 1280, False)


def test_a_printed_chart_fits_the_page_with_every_box(driver, deploys, screenshot_dir):
    load(driver, deploys["root"].url("charts/production/"))
    titles = [box["text"] for box in boxes(driver)]
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})["data"])
    target = screenshot_dir / "chart-print.pdf"
    target.write_bytes(pdf)
    text = " ".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout.split())
    for title in titles:
        assert title.split()[0] in text, f"{title!r} is not printed"
    first_page = " ".join(subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(target), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert titles[0] in first_page, "the chart starts on the first printed page"
    assert "Search roles" not in text
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(target), str(screenshot_dir / "chart-print")], check=True)
    # Printed, the SVG shrinks to the page's width instead of being cut off.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        svg = driver.find_element(By.CSS_SELECTOR, "svg.chart-svg")
        page = driver.find_element(By.CSS_SELECTOR, "main")
        assert svg.rect["x"] + svg.rect["width"] <= page.rect["x"] + page.rect["width"] + 1
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
