/* sitegen comparison picker: any two roles side by side, on /compare/ and on role pages.
 * Hand-written, no libraries. Without it the page still works: the form stays hidden and the
 * picker points at the comparisons that have pages of their own.
 *
 * The data is written by sitegen (PickerData.swift describes it) as scripts that fill
 * window.SITEGEN_COMPARE, loaded with <script> elements (not fetch) so that they work from
 * file:// as well as from any static host and sub-path: a small manifest
 * (compare/compare-data.js), and files named by their content that it points at: role files
 * of a few roles each, and on a large site name files (by slug) and word files (by each word
 * of the titles, with their index in a file of its own, loaded when the reader types).
 * Nothing is loaded until the reader uses the form, or the address names a pair; a comparison then loads the manifest and one or two role files (and
 * on a large site the name or word files that find them). The build computes everything the
 * table and the split show as the pair pages compute it; this script only matches the keys it
 * gives. On /compare/ the pair is kept in the address (?a=engineer&b=designer), so every
 * comparison shown can be shared.
 */
(function () {
  "use strict";

  var picker = document.querySelector("[data-compare-picker]");
  if (!picker) return;
  var form = picker.querySelector("form");
  var fields = [form.elements.a, form.elements.b];
  var status = document.getElementById("picker-status");
  var result = document.getElementById("picker-result");
  var root = new URL(document.documentElement.getAttribute("data-root") || "./", location.href).href;
  var manifestURL = new URL(picker.getAttribute("data-compare-data"), location.href);
  var folder = new URL("./", manifestURL).href;
  var fromDisk = location.protocol === "file:";
  var data = null;     // the manifest, once loaded
  var known = {};      // folded title -> [slug, title, file], for every role seen so far
  var loads = {};      // script URL -> a promise of its load
  var MOST_SHOWN = 50; // matching titles offered in a field's list

  /* ---------- URLs ---------- */

  // Opened from disk, "roles/x/" shows a folder listing: point at the folder's index.html.
  function diskURL(url) {
    if (!fromDisk) return url;
    var match = /^([^?#]*\/)([?#].*)?$/.exec(url);
    return match ? match[1] + "index.html" + (match[2] || "") : url;
  }

  function siteURL(path) { return diskURL(root + path); }

  function pairQuery(a, b) { return "?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b); }

  /* ---------- Loading ---------- */

  function load(url) {
    if (!loads[url]) {
      loads[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loads[url];
  }

  function manifest() {
    return load(manifestURL.href).then(function () {
      data = window.SITEGEN_COMPARE && window.SITEGEN_COMPARE.manifest;
      if (!data || data.version !== 2) throw new Error("sitegen-compare version");
      if (data.roles) data.roles.forEach(remember);
      return data;
    });
  }

  // A file the manifest names, by its name (its slot).
  function file(name) {
    return load(folder + name + ".js").then(function () { return window.SITEGEN_COMPARE.files[name]; });
  }

  function remember(entry) { known[fold(entry[1])] = known[fold(entry[1])] || entry; return entry; }

  /* ---------- Finding roles ---------- */

  function fold(text) { return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").trim(); }

  // As PickerData.words(of:) splits a title.
  function words(text) { return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean); }

  // The words of a title as the word files key them ("head nurse").
  function titleKey(text) { return words(text).join(" "); }

  // UTF-16 order, which is sitegen's (UTF-8 bytes) for every key but astral characters.
  function before(x, y) { return x < y; }

  // The position of the last run of an index ([[boundary, file]…]) whose boundary is not after key.
  function run(index, key) {
    var low = 0, high = index.length - 1, at = 0;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (!before(key, index[middle][0])) { at = middle; low = middle + 1; } else { high = middle - 1; }
    }
    return at;
  }

  // The roles whose title has, for every word typed, a word beginning with it.
  function matching(entries, typed) {
    var wanted = words(typed);
    return entries.filter(function (entry) {
      var have = words(entry[1]);
      return wanted.every(function (word) { return have.some(function (own) { return own.indexOf(word) === 0; }); });
    });
  }

  function unique(entries) {
    var seen = {};
    return entries.filter(function (entry) { return seen[entry[0]] ? false : (seen[entry[0]] = true); });
  }

  // A promise of the roles matching what is typed (every role for nothing typed, on a site
  // whose manifest lists them; on a large site from the word files whose keys begin with it).
  function candidates(typed) {
    return manifest().then(function () {
      if (data.roles) return matching(data.roles, typed);
      var word = titleKey(typed);
      if (!word) return [];
      var found = [];
      return file(data.find).then(function (index) {
        function from(position, left) {
          return file(index[position][1]).then(function (entries) {
            found = unique(found.concat(matching(entries, typed).map(remember)));
            var next = index[position + 1];
            // The next file may hold more keys starting with the word.
            if (left > 1 && found.length < MOST_SHOWN && next && (before(next[0], word) || next[0].indexOf(word) === 0)) return from(position + 1, left - 1);
            return found;
          });
        }
        return from(run(index, word), 2);
      });
    });
  }

  // A promise of the role [slug, title, file] with this slug, or null.
  function bySlug(slug) {
    return manifest().then(function () {
      var found = function (entries) {
        for (var i = 0; i < entries.length; i++) if (entries[i][0] === slug) return remember(entries[i]);
        return null;
      };
      return data.roles ? found(data.roles) : file(data.names[run(data.names, slug)][1]).then(found);
    });
  }

  // A promise of the role whose title is the field's text, or null: on a large site from the
  // word file that holds the title's own key.
  function byTitle(text) {
    var key = titleKey(text);
    if (!key) return Promise.resolve(null);
    if (known[fold(text)]) return Promise.resolve(known[fold(text)]);
    var hit = function (entries) {
      for (var i = 0; i < entries.length; i++) if (titleKey(entries[i][1]) === key) return remember(entries[i]);
      return null;
    };
    return manifest().then(function () {
      if (data.roles) return hit(data.roles);
      return file(data.find).then(function (index) { return file(index[run(index, key)][1]).then(hit); });
    });
  }

  // A promise of a role's full entry in its role file.
  function details(entry) {
    return file(entry[2]).then(function (roles) {
      return roles.filter(function (role) { return role.slug === entry[0]; })[0] || null;
    });
  }

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

  // Items are [text, key]; `item` makes each one's content.
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

  // The pair's own page, in the page's order, when it has one: [first, second, url].
  function ownPage(first, second) {
    for (var i = 0; i < first.pages.length; i++) {
      var page = first.pages[i];
      if (page[0] === second.slug) return page[2] ? [first, second, page[1]] : [second, first, page[1]];
    }
    return null;
  }

  function show(first, second) {
    result.textContent = "";
    var name = pairName(first, second);
    var links = [];
    var page = ownPage(first, second);
    if (page) {
      links.push(element("p", { "class": "picker-page" }, [data.words.picker_page + " ", link(pairName(page[0], page[1]), siteURL(page[2]))]));
    }
    links.push(element("p", { "class": "picker-share" }, [link(data.words.picker_link, siteURL("compare/" + pairQuery(first.slug, second.slug)))]));
    [element("h3", {}, [name])].concat(links, [
      table(first, second),
      element("h4", {}, [data.words.duties]),
      split(first, second, first.duties, second.duties, function (entry) { return document.createTextNode(entry[0]); }),
      element("h4", {}, [data.words.skills]),
      split(first, second, first.skills, second.skills, function (entry) { return link(entry[0], siteURL(entry[1])); }),
    ]).forEach(function (node) { result.appendChild(node); });
    say(name, false);
  }

  // Shows the pair of entries (either may be null); a promise of whether it could.
  function compare(entries) {
    if (!entries[0] || !entries[1] || entries[0][0] === entries[1][0]) {
      result.textContent = "";
      say(data.words.picker_same, true);
      return Promise.resolve(false);
    }
    return Promise.all(entries.map(details)).then(function (roles) {
      if (!roles[0] || !roles[1]) throw new Error("a role file lacks its role");
      show(roles[0], roles[1]);
      return true;
    });
  }

  /* ---------- The form ---------- */

  // Tells the reader what happened: a message shown (a wrong pick, a failed load), or the
  // name of the pair shown, for screen readers only (the comparison's heading shows it).
  function say(text, visible) {
    status.textContent = text;
    status.classList.toggle("visually-hidden", !visible);
  }

  function failed() { say(picker.getAttribute("data-compare-error"), true); }

  // Fills a field's list with the titles matching its text (the latest typing wins).
  function offer(field) {
    var typed = field.value;
    candidates(typed).then(function (entries) {
      if (field.value !== typed) return;
      var list = document.getElementById(field.getAttribute("list"));
      list.textContent = "";
      entries.slice(0, MOST_SHOWN).forEach(function (entry) { list.appendChild(element("option", { value: entry[1] })); });
    }, failed);
  }

  var keepsAddress = picker.hasAttribute("data-compare-address");
  var started = false;

  // The first use of the form loads the manifest (and fills the lists).
  // (On a large site the lists are filled only as the reader types.)
  function start() {
    if (started) return;
    started = true;
    manifest().then(function () { if (data.roles) fields.forEach(offer); }, failed);
  }

  fields.forEach(function (field) {
    field.addEventListener("focus", start);
    field.addEventListener("pointerdown", start);
    // A list for what is typed once the reader pauses (not a file per keystroke).
    var timer = null;
    field.addEventListener("input", function () {
      start();
      clearTimeout(timer);
      timer = setTimeout(function () { offer(field); }, 150);
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    start();
    Promise.all(fields.map(function (field) { return byTitle(field.value); })).then(function (entries) {
      return compare(entries).then(function (shown) {
        if (shown && keepsAddress) history.replaceState(null, "", pairQuery(entries[0][0], entries[1][0]));
      });
    }).catch(failed);
  });
  form.hidden = false;
  picker.querySelector("[data-compare-nojs]").hidden = true;

  // An address that names a pair shows it at once.
  var query = new URLSearchParams(location.search);
  if (keepsAddress && (query.get("a") || query.get("b"))) {
    started = true;
    Promise.all([bySlug(query.get("a") || ""), bySlug(query.get("b") || "")]).then(function (entries) {
      entries.forEach(function (entry, index) { if (entry) fields[index].value = entry[1]; });
      return compare(entries);
    }).then(function () { if (data.roles) fields.forEach(offer); }).catch(failed);
  }
})();
