/* sitegen comparison picker: any two roles side by side, on /compare/ and on role pages.
 * Hand-written, no libraries. Without it the page still works: the form stays hidden and the
 * picker points at the comparisons that have pages of their own.
 *
 * The data is compare/compare-data.js, written by sitegen (PickerData.swift describes it): a
 * script that sets window.SITEGEN_COMPARE, loaded with a <script> element (not fetch) so that
 * it works from file:// as well as from any static host and sub-path. The build computes
 * everything the table and the split show as the pair pages compute it; this script only
 * matches the key numbers it gives. On /compare/ the pair is kept in the address
 * (?a=engineer&b=designer), so every comparison shown can be shared.
 */
(function () {
  "use strict";

  var picker = document.querySelector("[data-compare-picker]");
  if (!picker) return;
  var form = picker.querySelector("form");
  var status = document.getElementById("picker-status");
  var result = document.getElementById("picker-result");
  var root = new URL(document.documentElement.getAttribute("data-root") || "./", location.href).href;
  var fromDisk = location.protocol === "file:";
  var data = null;
  var positions = {};  // role slug -> its index in data.roles

  /* ---------- URLs ---------- */

  // Opened from disk, "roles/x/" shows a folder listing: point at the folder's index.html.
  function diskURL(url) {
    if (!fromDisk) return url;
    var match = /^([^?#]*\/)([?#].*)?$/.exec(url);
    return match ? match[1] + "index.html" + (match[2] || "") : url;
  }

  function siteURL(path) { return diskURL(root + path); }

  function pairQuery(a, b) { return "?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b); }

  /* ---------- Words ---------- */

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? values[name] : whole; });
  }

  function pairName(first, second) { return fill(data.words.pair_title, { first: first.title, second: second.title }); }

  /* ---------- Elements ---------- */

  // An element with attributes and children (strings become text).
  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function link(text, href) { return element("a", { href: href }, [text]); }

  /* ---------- The comparison ---------- */

  function table(first, second) {
    var rows = data.rows.map(function (label, index) {
      return element("tr", {}, [element("th", { scope: "row" }, [label]), element("td", {}, [first.cells[index]]), element("td", {}, [second.cells[index]])]);
    });
    var head = element("tr", {}, [
      element("th", { scope: "col" }, [data.words.aspect]),
      element("th", { scope: "col" }, [link(first.title, siteURL(first.url))]),
      element("th", { scope: "col" }, [link(second.title, siteURL(second.url))]),
    ]);
    var caption = fill(data.words.pair_caption, { first: first.title, second: second.title });
    return element("div", { "class": "table-scroll", role: "region", "aria-labelledby": "picker-caption", tabindex: "0" }, [
      element("table", { "class": "side-by-side" }, [
        element("caption", { id: "picker-caption" }, [caption]),
        element("thead", {}, [head]),
        element("tbody", {}, rows),
      ]),
    ]);
  }

  // Items are [text, key number]; `item` makes each one's content.
  function split(first, second, firstItems, secondItems, item) {
    var firstKeys = {}, secondKeys = {};
    firstItems.forEach(function (entry) { firstKeys[entry[1]] = true; });
    secondItems.forEach(function (entry) { secondKeys[entry[1]] = true; });
    function column(heading, items, none) {
      var list = items.length
        ? element("ul", {}, items.map(function (entry) { return element("li", {}, [item(entry)]); }))
        : element("p", { "class": "none" }, [none]);
      return element("div", {}, [element("h5", {}, [heading]), list]);
    }
    return element("div", { "class": "split" }, [
      column(data.words.shared, firstItems.filter(function (entry) { return secondKeys[entry[1]]; }), data.words.none_in_common),
      column(data.words.only + " " + first.title, firstItems.filter(function (entry) { return !secondKeys[entry[1]]; }), data.words.none),
      column(data.words.only + " " + second.title, secondItems.filter(function (entry) { return !firstKeys[entry[1]]; }), data.words.none),
    ]);
  }

  // The pair's own page, in the page's order, when it has one.
  function ownPage(a, b) {
    for (var i = 0; i < data.pages.length; i++) {
      var page = data.pages[i];
      if ((page[0] === a && page[1] === b) || (page[0] === b && page[1] === a)) return page;
    }
    return null;
  }

  function show(a, b) {
    result.textContent = "";
    if (!(a in positions) || !(b in positions) || a === b) {
      say(data.words.picker_same, true);
      return false;
    }
    var first = data.roles[positions[a]], second = data.roles[positions[b]];
    var name = pairName(first, second);
    var links = [];
    var page = ownPage(positions[a], positions[b]);
    if (page) {
      var title = pairName(data.roles[page[0]], data.roles[page[1]]);
      links.push(element("p", { "class": "picker-page" }, [data.words.picker_page + " ", link(title, siteURL(page[2]))]));
    }
    links.push(element("p", { "class": "picker-share" }, [link(data.words.picker_link, siteURL("compare/" + pairQuery(a, b)))]));
    [element("h3", {}, [name])].concat(links, [
      table(first, second),
      element("h4", {}, [data.words.duties]),
      split(first, second, first.duties, second.duties, function (entry) { return document.createTextNode(entry[0]); }),
      element("h4", {}, [data.words.skills]),
      split(first, second, first.skills, second.skills, function (entry) { return link(entry[0], siteURL(data.skills[entry[1]])); }),
    ]).forEach(function (node) { result.appendChild(node); });
    say(name, false);
    return true;
  }

  /* ---------- The form ---------- */

  // Tells the reader what happened: a message shown (a wrong pick, a failed load), or the
  // name of the pair shown, for screen readers only (the comparison's heading shows it).
  function say(text, visible) {
    status.textContent = text;
    status.classList.toggle("visually-hidden", !visible);
  }

  function fillSelect(select, picked) {
    data.roles.forEach(function (role) {
      var option = element("option", { value: role.slug }, [role.title]);
      if (role.slug === picked) option.selected = true;
      select.appendChild(option);
    });
  }

  function start() {
    data = window.SITEGEN_COMPARE;
    if (!data || data.version !== 1) { failed(); return; }
    data.roles.forEach(function (role, index) { positions[role.slug] = index; });
    var keepsAddress = picker.hasAttribute("data-compare-address");
    var query = new URLSearchParams(location.search);
    var a = keepsAddress ? query.get("a") || "" : picker.getAttribute("data-compare-role");
    var b = keepsAddress ? query.get("b") || "" : "";
    fillSelect(form.elements.a, a);
    fillSelect(form.elements.b, b);
    form.hidden = false;
    picker.querySelector("[data-compare-nojs]").hidden = true;
    if (keepsAddress && (a || b)) show(a, b);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var picked = [form.elements.a.value, form.elements.b.value];
      if (show(picked[0], picked[1]) && keepsAddress) history.replaceState(null, "", pairQuery(picked[0], picked[1]));
    });
  }

  function failed() { say(picker.getAttribute("data-compare-error"), true); }

  if (window.SITEGEN_COMPARE) { start(); return; }
  var script = document.createElement("script");
  script.src = picker.getAttribute("data-compare-data");
  script.onload = start;
  script.onerror = failed;
  document.head.appendChild(script);
})();
