#!/usr/bin/env python3
"""What Chromium's HTML parser makes of pages: the URL attributes and ids of the tree
`DOMParser` builds (scripting off, nothing loaded, nothing run), by the same table as
html5lib_links.py. Imported by compare.py; needs chromium, chromium-driver and selenium.
"""
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

COLLECT = r"""
const HTML = 'http://www.w3.org/1999/xhtml', XLINK = 'http://www.w3.org/1999/xlink';
const ROLES = arguments[1];
return arguments[0].map(function (text) {
  const doc = new DOMParser().parseFromString(text, 'text/html');
  const links = [], ids = [];
  function visit(node) {
    for (let child = node.firstElementChild; child; child = child.nextElementSibling) {
      const name = child.localName, html = child.namespaceURI === HTML;
      for (const attribute of child.attributes) {
        let key = attribute.localName;
        if (attribute.namespaceURI === XLINK) key = '{' + XLINK + '}' + key;
        else if (attribute.namespaceURI) continue;
        const role = html ? (ROLES.html[key + ' '] || ROLES.html[key + ' ' + name]) : ROLES.foreign[key];
        if (role) (role === 'id' ? ids : links).push([role, attribute.value]);
      }
      if (html && name === 'template') visit(child.content);
      visit(child);
    }
  }
  visit(doc);
  return [links, ids.map(function (pair) { return pair[1]; })];
});
"""


class Chromium:
    """One headless Chromium for many pages."""

    def __init__(self):
        options = webdriver.ChromeOptions()
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
            options.add_argument(argument)
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.get("about:blank")

    def read(self, texts, html_roles, foreign_roles, srcset_urls, split_list=None):
        """For each page text, its URLs and ids (lists)."""
        roles = {
            "html": {f"{attribute} {element or ''}": role for (attribute, element), role in html_roles.items()},
            "foreign": foreign_roles,
        }
        results = []
        for start in range(0, len(texts), 200):
            for pairs, ids in self.driver.execute_script(COLLECT, texts[start:start + 200], roles):
                links = []
                for role, value in pairs:
                    if role == "url":
                        links.append(value)
                    elif role == "list":
                        links.extend(split_list(value) if split_list else value.split())
                    elif role == "srcset":
                        links.extend(srcset_urls(value))
                results.append((links, ids))
        return results

    def close(self):
        self.driver.quit()
