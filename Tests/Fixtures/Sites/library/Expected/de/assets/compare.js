/* sitegen comparison picker: any two or three roles side by side, on /compare/ and on role
 * pages. Hand-written, no libraries. Without it the page still works: the form stays hidden and
 * the picker lists the comparisons that have pages of their own.
 *
 * The data is written by sitegen (PickerData.swift describes it) as scripts that fill
 * window.SITEGEN_COMPARE, loaded with <script> elements (not fetch) so that they work from
 * file:// as well as from any static host and sub-path: a small manifest
 * (compare/compare-data.js), and files named by their content that it points at: role files
 * of a few roles each, and on a large site name files (by slug) and word files (by each word
 * of the titles, with their index in a file of its own, loaded when the reader types).
 * Nothing is loaded until the reader uses the form, or the address names a pair; a comparison
 * then loads the manifest and one role file a role at most (and on a large site the name or
 * word files that find them). The build computes everything the table and the split show as
 * the pair pages compute it; this script only matches the keys it gives. On /compare/ the
 * roles are kept in the address (?a=engineer&b=designer, and &c=writer for a third), so every
 * comparison shown can be shared. Three roles show as two do, with a column more, and their
 * duties and skills split into shared by all three, by two of them (named), and only one.
 */
(function () {
  "use strict";

  var picker = document.querySelector("[data-compare-picker]");
  if (!picker) return;
  var form = picker.querySelector("form");
  var fields = [form.elements.a, form.elements.b, form.elements.c];
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

  // The address of a comparison of two or three roles (slugs).
  function query(slugs) {
    return "?" + slugs.map(function (slug, index) { return "abc"[index] + "=" + encodeURIComponent(slug); }).join("&");
  }

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

  // The words of two roles or of three ("A vs B", "A vs B vs C"), by their keys for each.
  function named(two, three, roles) {
    if (roles.length === 2) return fill(data.words[two], { first: roles[0].title, second: roles[1].title });
    return fill(data.words[three], { first: roles[0].title, second: roles[1].title, third: roles[2].title });
  }

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

  function table(roles) {
    var rows = data.rows.map(function (label, index) {
      // Three roles' cells are named by their role too (a phone stacks them under the aspect).
      return element("tr", {}, [element("th", { scope: "row" }, [label])].concat(roles.map(function (role) {
        return element("td", roles.length === 3 ? { "data-role": role.title } : {}, [role.cells[index]]);
      })));
    });
    var head = element("tr", {}, [element("th", { scope: "col" }, [data.words.aspect])].concat(roles.map(function (role) {
      return element("th", { scope: "col" }, [link(role.title, siteURL(role.url))]);
    })));
    return element("div", { "class": "table-scroll", role: "region", "aria-labelledby": "picker-caption", tabindex: "0" }, [
      element("table", { "class": roles.length === 3 ? "side-by-side side-by-side-three" : "side-by-side" }, [
        element("caption", { id: "picker-caption" }, [named("pair_caption", "trio_caption", roles)]),
        element("thead", {}, [head]),
        element("tbody", {}, rows),
      ]),
    ]);
  }

  // A column of a split: its heading and its items, or the line saying there are none.
  function column(heading, items, none, item) {
    var list = items.length
      ? element("ul", {}, items.map(function (entry) { return element("li", {}, [item(entry)]); }))
      : element("p", { "class": "none" }, [none]);
    return element("div", {}, [element("h5", {}, [heading]), list]);
  }

  // Each role's items are [text, key]; `item` makes each one's content. Two roles: shared,
  // only the first, only the second. Three: shared by all three, by each two of them only,
  // and by each one only. An item is in the column of the roles that have its key, as the
  // first of them gives it.
  function split(roles, lists, item) {
    var keys = lists.map(function (items) {
      var have = {};
      items.forEach(function (entry) { have[entry[1]] = true; });
      return have;
    });
    var every = roles.map(function (role, index) { return index; });
    // The items held by exactly these roles (positions, in order).
    function heldBy(members) {
      return lists[members[0]].filter(function (entry) {
        return every.filter(function (index) { return keys[index][entry[1]]; }).join() === members.join();
      });
    }
    var byTwo = roles.length === 3 ? [[0, 1], [0, 2], [1, 2]] : [];
    var columns = [column(roles.length === 3 ? data.words.shared_all : data.words.shared, heldBy(every), data.words.none_in_common, item)].concat(
      byTwo.map(function (two) {
        return column(fill(data.words.only_two, { first: roles[two[0]].title, second: roles[two[1]].title }), heldBy(two), data.words.none, item);
      }),
      every.map(function (one) { return column(data.words.only + " " + roles[one].title, heldBy([one]), data.words.none, item); }));
    return element("div", { "class": roles.length === 3 ? "split split-three" : "split" }, columns);
  }

  // The pair's own page, in the page's order, when it has one: [first, second, url].
  function ownPage(first, second) {
    for (var i = 0; i < first.pages.length; i++) {
      var page = first.pages[i];
      if (page[0] === second.slug) return page[2] ? [first, second, page[1]] : [second, first, page[1]];
    }
    return null;
  }

  // The pages of the pairs among the roles that have one, in the pairs' order: two roles have
  // one pair, three have three.
  function ownPages(roles) {
    var pairs = roles.length === 2 ? [[0, 1]] : [[0, 1], [0, 2], [1, 2]];
    return pairs.map(function (pair) { return ownPage(roles[pair[0]], roles[pair[1]]); }).filter(Boolean);
  }

  function show(roles) {
    result.textContent = "";
    var name = named("pair_title", "trio_title", roles);
    var links = [];
    var pages = ownPages(roles);
    if (pages.length && roles.length === 2) {
      links.push(element("p", { "class": "picker-page" }, [data.words.picker_page + " ", link(pairName(pages[0][0], pages[0][1]), siteURL(pages[0][2]))]));
    } else if (pages.length) {
      var parts = [data.words.picker_pages];
      pages.forEach(function (page, index) { parts.push(index ? " · " : " ", link(pairName(page[0], page[1]), siteURL(page[2]))); });
      links.push(element("p", { "class": "picker-page" }, parts));
    }
    links.push(element("p", { "class": "picker-share" }, [link(data.words.picker_link, siteURL("compare/" + query(roles.map(function (role) { return role.slug; }))))]));
    [element("h3", {}, [name])].concat(links, [
      table(roles),
      element("h4", {}, [data.words.duties]),
      split(roles, roles.map(function (role) { return role.duties; }), function (entry) { return document.createTextNode(entry[0]); }),
      element("h4", {}, [data.words.skills]),
      split(roles, roles.map(function (role) { return role.skills; }), function (entry) { return link(entry[0], siteURL(entry[1])); }),
    ]).forEach(function (node) { result.appendChild(node); });
    say(name, false);
  }

  // Shows the roles of the entries (two, or three when a third is asked for; any may be null);
  // a promise of whether it could.
  function compare(entries) {
    var wrong = null;
    if (!entries[0] || !entries[1] || entries[0][0] === entries[1][0]) wrong = data.words.picker_same;
    else if (entries.length === 3 && (!entries[2] || entries[2][0] === entries[0][0] || entries[2][0] === entries[1][0])) wrong = data.words.picker_third_same;
    if (wrong) {
      result.textContent = "";
      say(wrong, true);
      return Promise.resolve(false);
    }
    return Promise.all(entries.map(details)).then(function (roles) {
      if (roles.some(function (role) { return !role; })) throw new Error("a role file lacks its role");
      show(roles);
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
    // The third field counts once something is typed in it.
    var asked = fields[2].value.trim() ? fields : fields.slice(0, 2);
    Promise.all(asked.map(function (field) { return byTitle(field.value); })).then(function (entries) {
      return compare(entries).then(function (shown) {
        if (shown && keepsAddress) history.replaceState(null, "", query(entries.map(function (entry) { return entry[0]; })));
      });
    }).catch(failed);
  });
  form.hidden = false;
  picker.querySelector("[data-compare-nojs]").hidden = true;

  // An address that names a pair (or three roles) shows it at once.
  var address = new URLSearchParams(location.search);
  if (keepsAddress && (address.get("a") || address.get("b") || address.get("c"))) {
    started = true;
    var slugs = address.get("c") ? ["a", "b", "c"] : ["a", "b"];
    Promise.all(slugs.map(function (name) { return bySlug(address.get(name) || ""); })).then(function (entries) {
      entries.forEach(function (entry, index) { if (entry) fields[index].value = entry[1]; });
      return compare(entries);
    }).then(function () { if (data.roles) fields.forEach(offer); }).catch(failed);
  }
})();
