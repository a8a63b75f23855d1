"""JSON-LD on every role page parses and is an Occupation; Open Graph and titles come from front
matter; a role titled with `</script><!--` stays text everywhere it appears."""
import shutil
import subprocess
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from browserlib import console_errors, json_ld, load, wait_for

REPO = Path(__file__).resolve().parents[3]
HOSTILE_TITLE = 'Hostile </script><!-- <script>window.pwned=1</script> "Producer" & co'


def role_slugs(site_dir):
    return sorted(p.parent.name for p in (site_dir / "roles").glob("*/index.html"))


def test_every_role_page_has_an_occupation(driver, deploys, site_dir):
    slugs = role_slugs(site_dir)
    assert len(slugs) >= 10
    for slug in slugs:
        load(driver, deploys["root"].url(f"roles/{slug}/"))
        blocks = json_ld(driver)
        assert len(blocks) == 1, slug
        occupation = blocks[0]
        assert occupation["@context"] == "https://schema.org"
        assert occupation["@type"] == "Occupation"
        assert occupation["name"] == driver.find_element(By.TAG_NAME, "h1").text
        assert occupation["description"] == driver.find_element(By.CSS_SELECTOR, ".lede").text
        assert len(occupation["responsibilities"]) >= 3
        assert occupation["skills"]
        source = (REPO / "Content" / "roles" / f"{slug}.md").read_text()
        if "\nonet:" in source:
            assert occupation["occupationalCategory"]
        assert console_errors(driver) == []


def test_head_has_title_description_and_open_graph(driver, deploys):
    load(driver, deploys["root"].url("roles/producer/"))
    meta = driver.execute_script("""
        var out = {};
        document.querySelectorAll('meta[name], meta[property]').forEach(function (m) {
            out[m.getAttribute('name') || m.getAttribute('property')] = m.getAttribute('content');
        });
        return out;""")
    assert driver.title.startswith("Producer · ")
    assert meta["og:title"] == "Producer"
    assert meta["og:description"] == meta["description"] == driver.find_element(By.CSS_SELECTOR, ".lede").text
    assert meta["og:type"] == "website" and meta["og:site_name"]
    # Without base_url there is no absolute URL to give: no canonical, no og:url.
    assert "og:url" not in meta
    assert not driver.find_elements(By.CSS_SELECTOR, "link[rel=canonical]")


@pytest.fixture(scope="module")
def hostile_site(work_dir):
    """A copy of the shipped site with one role whose title tries to break out of <script>."""
    source = work_dir / "hostile-source"
    if source.exists():
        shutil.rmtree(source)
    source.mkdir()
    for name in ("Content", "Templates"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name)
    shutil.copy(REPO / "sitegen.yml", source / "sitegen.yml")
    title = HOSTILE_TITLE.replace("\\", "\\\\").replace('"', '\\"')
    (source / "Content" / "roles" / "hostile-producer.md").write_text(
        f'---\ntitle: "{title}"\nsummary: "Tries </script> tricks & <b>markup</b>."\n'
        "department: Production\nduties: [Plans the budget, Breaks the page, Fails]\nskills: [Budgeting]\n---\nBody.\n")
    output = work_dir / "hostile-site"
    import os
    build = subprocess.run([os.environ["SITEGEN"], "build", "--source", str(source), "--output", str(output)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    return output


def test_hostile_title_stays_escaped(driver, hostile_site):
    base = hostile_site.resolve().as_uri() + "/"
    load(driver, base + "roles/hostile-producer/index.html")
    assert console_errors(driver) == []
    assert driver.execute_script("return window.pwned") is None
    assert driver.find_element(By.TAG_NAME, "h1").text == HOSTILE_TITLE
    assert driver.title.startswith(HOSTILE_TITLE)
    assert not driver.find_elements(By.CSS_SELECTOR, "main b")
    # The page's own scripts and nothing else: search, JSON-LD and the picker (its data loads
    # only once the picker is used).
    scripts = driver.execute_script("return Array.from(document.scripts).map(s => s.type || s.src.split('/').pop())")
    assert scripts == ["search.js", "application/ld+json", "compare.js"]
    blocks = json_ld(driver)
    assert len(blocks) == 1 and blocks[0]["name"] == HOSTILE_TITLE and blocks[0]["@type"] == "Occupation"
    html = (hostile_site / "roles" / "hostile-producer" / "index.html").read_text()
    assert html.count("</script>") == 3 and html.count("<!--") == 0
    # In the comparison picker too: the title is text in its menu, its table and its split.
    driver.find_element(By.ID, "picker-b").send_keys("Producer")
    driver.find_element(By.CSS_SELECTOR, ".picker-form button").click()
    heading = wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#picker-result h3"))[0]
    assert heading.text.startswith(HOSTILE_TITLE)
    assert driver.find_element(By.ID, "picker-a").get_attribute("value") == HOSTILE_TITLE
    scripts = driver.execute_script("return Array.from(document.scripts).map(s => s.type || s.src.split('/').pop().split('.')[0])")
    assert scripts[:4] == ["search", "application/ld+json", "compare", "compare-data"] and set(scripts[4:]) == {"r"}
    assert not driver.find_elements(By.CSS_SELECTOR, "main b")
    assert driver.execute_script("return window.pwned") is None
    # In the search index too: found and shown as text.
    load(driver, base + "search/index.html?q=hostile")
    link = wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-result-title"))[0]
    assert link.text == HOSTILE_TITLE
    assert driver.execute_script("return window.pwned") is None
    assert console_errors(driver) == []
