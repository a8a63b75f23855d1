"""Fixtures for the browser tests: the built site, local HTTP servers, headless Chromium.

Run through Tests/EndToEnd/browser.sh, which builds the shipped site and sets
SITEGEN_BROWSER_SITE (the output folder), SITEGEN_BROWSER_WORK (a scratch folder),
SITEGEN_SCREENSHOTS (where screenshots go) and SITEGEN (the binary).
"""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

# One page of every kind, by URL relative to the site root.
PAGE_TYPES = {
    "home": "",
    "roles-index": "roles/",
    "role": "roles/producer/",
    "duties": "roles/producer/duties/",
    "compare-hub": "compare/",
    "pair": "compare/producer-vs-executive-producer/",
    "skills": "skills/",
    "skill": "skills/budgeting/",
    "about": "about/",
    "search": "search/",
    "charts": "charts/",
    "chart": "charts/production/",
    "404": "404.html",
}


def _env_path(name):
    value = os.environ.get(name)
    if not value:
        pytest.exit(f"{name} is not set: run Tests/EndToEnd/browser.sh", returncode=2)
    return Path(value)


@pytest.fixture(scope="session")
def site_dir():
    path = _env_path("SITEGEN_BROWSER_SITE")
    assert (path / "index.html").is_file(), f"no built site in {path}"
    return path


@pytest.fixture(scope="session")
def work_dir():
    return _env_path("SITEGEN_BROWSER_WORK")


@pytest.fixture(scope="session")
def screenshot_dir():
    path = Path(os.environ.get("SITEGEN_SCREENSHOTS", "/tmp/sitegen-screenshots"))
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StaticServer:
    """`python3 -m http.server` on a free loopback port, serving one folder; with `not_found`,
    a missing address gets the nearest 404.html above it, as static hosts do."""

    def __init__(self, folder, not_found=False):
        self.port = _free_port()
        command = [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1", "--directory", str(folder)]
        if not_found:
            command = [sys.executable, str(Path(__file__).with_name("notfound_server.py")), str(self.port), str(folder)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.origin = f"http://127.0.0.1:{self.port}/"
        deadline = time.time() + 15
        while True:
            try:
                urllib.request.urlopen(self.origin, timeout=1).close()
                return
            except OSError:
                if time.time() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"http.server on port {self.port} did not start")
                time.sleep(0.1)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


class Deploy:
    """One way of publishing the same output: its base URL and how page URLs are formed."""

    def __init__(self, name, base, directory_index=False):
        self.name = name
        self.base = base
        self.directory_index = directory_index

    def url(self, path):
        if self.directory_index and (path == "" or path.endswith("/")):
            path += "index.html"
        return self.base + path

    def __repr__(self):
        return self.name


@pytest.fixture(scope="session")
def root_server(site_dir):
    server = StaticServer(site_dir)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def subpath_server(site_dir, work_dir):
    parent = work_dir / "subpath-parent"
    if parent.exists():
        shutil.rmtree(parent)
    parent.mkdir()
    shutil.copytree(site_dir, parent / "handbook")
    server = StaticServer(parent)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def notfound_servers(site_dir, subpath_server, work_dir):
    """The output at / and under /handbook/, answering missing addresses with its 404.html."""
    root = StaticServer(site_dir, not_found=True)
    subpath = StaticServer(work_dir / "subpath-parent", not_found=True)
    yield {"root": root.origin, "subpath": subpath.origin + "handbook/"}
    root.stop()
    subpath.stop()


@pytest.fixture(scope="session")
def deploys(root_server, subpath_server, site_dir):
    return {
        "root": Deploy("root", root_server.origin),
        "subpath": Deploy("subpath", subpath_server.origin + "handbook/"),
        "file": Deploy("file", site_dir.resolve().as_uri() + "/", directory_index=True),
    }


def make_driver(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--allow-file-access-from-files", "--hide-scrollbars",
                     "--force-color-profile=srgb", "--font-render-hinting=none"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


@pytest.fixture(scope="session")
def driver():
    browser = make_driver()
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def nojs_driver():
    browser = make_driver(javascript=False)
    yield browser
    browser.quit()


@pytest.fixture(autouse=True)
def reset_browser(request):
    """Each test starts in light mode at desktop size with an empty console log."""
    if "driver" in request.fixturenames:
        browser = request.getfixturevalue("driver")
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        browser.get_log("browser")
    yield


def pytest_terminal_summary(terminalreporter):
    folder = os.environ.get("SITEGEN_SCREENSHOTS")
    if folder and Path(folder).is_dir() and any(Path(folder).iterdir()):
        terminalreporter.write_line(f"screenshots: {folder}")
