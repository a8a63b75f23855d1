"""Printing a role, a duty page and a comparison (Chromium's print to PDF, read back with
poppler's pdftotext and drawn with pdftoppm for a human to look at): no navigation, search or
footer; the sources' addresses printed after their titles; the side-by-side table whole."""
import base64
import subprocess

import pytest

from browserlib import load

PAGES = {
    "role": ("roles/producer/", ["What the role is", "Sources", "https://www.bls.gov/ooh/"]),
    "duties": ("roles/producer/duties/", ["What does a Producer do?"]),
    "comparison": ("compare/producer-vs-executive-producer/", ["Producer and Executive Producer side by side", "Main focus"]),
}
# Text that belongs on screen only: the skip link, the search box, the footer's links.
SCREEN_ONLY = ["Skip to content", "Search roles", "Built with"]


@pytest.mark.parametrize("page", list(PAGES))
def test_a_printed_page_has_the_content_and_no_navigation(driver, deploys, screenshot_dir, page):
    path, expected = PAGES[page]
    load(driver, deploys["root"].url(path))
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})["data"])
    target = screenshot_dir / f"print-{page}.pdf"
    target.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    for words in expected:
        assert words in text, f"{words!r} is not on the printed {page}"
    for words in SCREEN_ONLY:
        assert words not in text, f"{words!r} was printed on the {page}"
    pages = text.count("\f")
    assert 1 <= pages <= 10, f"{pages} printed pages"
    # The first page drawn, for a human to look at.
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(target), str(screenshot_dir / f"print-{page}")], check=True)
    print(f"printed: {target} ({pages} pages)")
