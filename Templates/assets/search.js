/* sitegen search: the search box in the header and the /search/ page. Hand-written, no libraries.
 *
 * The index is a set of script files written by sitegen: search/search-index.js sets
 * window.SITEGEN_SEARCH_INDEX (facet tables and the list of shards) and each shard sets
 * window.SITEGEN_SEARCH_SHARDS[n] = {duties: [...], docs: [...]}, a doc being
 * [title, url, summary, meta, [[facet values], …], [skills], [duties], [alternate titles]].
 * Script files (not fetch) so that search works from any static host and from file://.
 * The page's way back to the site root comes from <html data-root="...">.
 */
(function () {
  "use strict";

  var root = new URL(document.documentElement.getAttribute("data-root") || "./", location.href).href;
  var fromDisk = location.protocol === "file:";
  var index = null;
  var waiting = [];
  var loadError = null;
  var HEADER_RESULTS = 6;
  var PAGE_RESULTS = 50;

  /* ---------- URLs ---------- */

  // Opened from disk, "roles/x/" shows a folder listing: point at the folder's index.html.
  function diskURL(url) {
    if (!fromDisk) return url;
    var match = /^([^?#]*\/)([?#].*)?$/.exec(url);
    return match ? match[1] + "index.html" + (match[2] || "") : url;
  }

  function siteURL(path) { return diskURL(root + path); }

  function fixLinksForDisk() {
    if (!fromDisk) return;
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      if (!/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href)) links[i].setAttribute("href", diskURL(href));
    }
  }

  /* ---------- Loading the index ---------- */

  function loadScript(src, done) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = done;
    script.onerror = function () { finish(null, loadError()); };
    document.head.appendChild(script);
  }

  function withIndex(callback) {
    if (index || loadError) { callback(index, loadError); return; }
    waiting.push(callback);
    if (waiting.length > 1) return;
    var folder = root + "search/";
    loadScript(folder + "search-index.js", function () {
      var manifest = window.SITEGEN_SEARCH_INDEX;
      if (!manifest) { finish(null, loadError()); return; }
      words = manifest.words || {};
      var left = manifest.shards.length;
      var done = function () {
        var shards = window.SITEGEN_SEARCH_SHARDS || {};
        var complete = manifest.shards.every(function (name, n) { return shards[n]; });
        finish(complete ? build(manifest, shards) : null, complete ? null : loadError());
      };
      if (!left) done();
      manifest.shards.forEach(function (name) {
        loadScript(folder + name, function () { if (--left === 0) done(); });
      });
    });
  }

  function finish(built, error) {
    if (index || loadError) return;
    index = built;
    loadError = error;
    var callbacks = waiting;
    waiting = [];
    callbacks.forEach(function (callback) { callback(index, loadError); });
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function build(manifest, shards) {
    var docs = [];
    manifest.shards.forEach(function (name, n) {
      var shard = shards[n];
      shard.docs.forEach(function (d) {
        var doc = {
          title: d[0], url: d[1], summary: d[2],
          meta: d[3],
          facets: {},
          skills: d[5].map(function (i) { return manifest.skills[i]; }),
          duties: d[6].map(function (i) { return shard.duties[i]; }),
          alternates: d[7]
        };
        var facetTexts = [];
        manifest.facets.forEach(function (facet, f) {
          doc.facets[facet.key] = (d[4][f] || []).map(function (i) { return facet.values[i]; });
          if (facet.key !== "skills") facetTexts = facetTexts.concat(doc.facets[facet.key]);
        });
        doc.fields = [
          [fold(doc.title), 10], [fold(doc.alternates.join("\n")), 8], [fold(doc.skills.join("\n")), 6],
          [fold(facetTexts.join("\n")), 4], [fold(doc.summary), 3], [fold(doc.duties.join("\n")), 2]
        ];
        docs.push(doc);
      });
    });
    return { docs: docs, manifest: manifest };
  }

  /* ---------- Matching ---------- */

  function terms(query) {
    return fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  var wordChar = /[\p{L}\p{N}]/u;

  // Every word must occur in some field. Each field it occurs in adds that field's weight,
  // doubled at the start of a word and half as much again for a whole word.
  function score(doc, words) {
    var total = 0;
    for (var w = 0; w < words.length; w++) {
      var word = words[w], points = 0;
      for (var f = 0; f < doc.fields.length; f++) {
        var text = doc.fields[f][0], at = text.indexOf(word);
        if (at < 0) continue;
        var starts = at === 0 || !wordChar.test(text[at - 1]);
        var whole = starts && !wordChar.test(text[at + word.length] || " ");
        points += doc.fields[f][1] * (starts ? 2 : 1) * (whole ? 1.5 : 1);
      }
      if (!points) return 0;
      total += points;
    }
    return doc.fields[0][0] === words.join(" ") ? total + 100 : total;
  }

  // Whether the doc has every chosen facet value (but the one of the facet `skip`).
  function passes(doc, filters, skip) {
    for (var key in filters) {
      if (key === skip || !filters[key]) continue;
      if ((doc.facets[key] || []).indexOf(filters[key]) < 0) return false;
    }
    return true;
  }

  // Matches for the words with their scores, before facet filtering.
  function matches(idx, words) {
    var found = [];
    idx.docs.forEach(function (doc) {
      var points = words.length ? score(doc, words) : 1;
      if (points) found.push({ doc: doc, score: points });
    });
    return found;
  }

  function ranked(found, filters) {
    return found.filter(function (r) { return passes(r.doc, filters); }).sort(function (a, b) {
      return b.score - a.score || (a.doc.title < b.doc.title ? -1 : a.doc.title > b.doc.title ? 1 : 0);
    });
  }

  /* ---------- Rendering ---------- */

  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  // The text with every occurrence of the words in <mark>, built as nodes (never as HTML).
  function highlighted(text, words) {
    var lower = text.toLowerCase(), spans = [];
    if (lower.length === text.length) {
      words.forEach(function (word) {
        for (var at = lower.indexOf(word); at >= 0 && word; at = lower.indexOf(word, at + word.length)) spans.push([at, at + word.length]);
      });
    }
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var fragment = document.createDocumentFragment(), pos = 0;
    spans.forEach(function (span) {
      if (span[1] <= pos) return;
      var start = Math.max(span[0], pos);
      if (start > pos) fragment.appendChild(document.createTextNode(text.slice(pos, start)));
      fragment.appendChild(el("mark", "", [text.slice(start, span[1])]));
      pos = span[1];
    });
    if (pos < text.length) fragment.appendChild(document.createTextNode(text.slice(pos)));
    return fragment;
  }

  // The items of a list that contain any of the words.
  function matching(items, words) {
    return items.filter(function (item) {
      var text = fold(item);
      return words.some(function (word) { return text.indexOf(word) >= 0; });
    });
  }

  // A result: title, the card fields, summary, and why it matched (duty, skills, other names).
  function resultItem(doc, words, compact) {
    var link = el("a", "search-result-title", [highlighted(doc.title, words)]);
    link.href = siteURL(doc.url);
    var meta = doc.meta;
    var item = el("li", "search-result", [link]);
    if (meta) item.appendChild(el("p", "search-result-meta", [meta]));
    var why = [];
    if (words.length) {
      var duty = matching(doc.duties, words)[0], skills = matching(doc.skills, words), names = matching(doc.alternates, words);
      if (duty) why.push([say("search_why_duty"), duty]);
      if (skills.length) why.push([say(skills.length > 1 ? "search_why_skills" : "search_why_skill"), skills.join(", ")]);
      if (names.length) why.push([say("search_why_also_called"), names.join(", ")]);
    }
    if (!compact || !why.length) item.appendChild(el("p", "search-result-text", [highlighted(doc.summary, words)]));
    why.slice(0, compact ? 1 : why.length).forEach(function (reason) {
      item.appendChild(el("p", "search-result-why", [el("span", "search-result-label", [reason[0] + ": "]), highlighted(reason[1], words)]));
    });
    return item;
  }

  // The theme's words in the site's language, from the index manifest (search_* keys of
  // Templates/i18n/<language>.yml); {name} is filled from `values`, `count` picks _one/_other.
  var words = {};
  function say(key, values) {
    values = values || {};
    if (values.count !== undefined) key += values.count === 1 ? "_one" : "_other";
    var text = words[key] !== undefined ? words[key] : key;
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values[name] !== undefined ? String(values[name]) : all; });
  }
  function loadError() { return document.documentElement.getAttribute("data-search-error") || "The search index could not be loaded."; }

  /* ---------- Keyboard: arrows move between the box and the result links ---------- */

  function arrowKeys(event, input, links) {
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < links.length - 1) {
      links[at + 1].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at === 0 ? input : links[at - 1]).focus();
    } else if (event.key === "Escape" && at >= 0) {
      input.focus();
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  function linksIn(container) { return Array.prototype.slice.call(container.querySelectorAll("a[href]")); }

  /* ---------- The header box ---------- */

  function initHeader() {
    var form = document.querySelector(".site-search-form");
    var fallback = document.querySelector(".site-search-fallback");
    if (fallback && document.querySelector("[data-search-page]")) fallback.hidden = true;
    if (!form || document.querySelector("[data-search-page]")) return;
    var input = form.querySelector("input");
    var popup = form.querySelector(".site-search-popup");
    var status = el("span", "visually-hidden");
    status.setAttribute("role", "status");
    form.appendChild(status);
    form.hidden = false;
    if (fallback) fallback.hidden = true;

    function close() { popup.hidden = true; popup.textContent = ""; }

    function update() {
      var query = input.value.trim();
      if (!query) { close(); status.textContent = ""; return; }
      withIndex(function (idx, error) {
        if (input.value.trim() !== query) return;
        popup.textContent = "";
        if (error) { popup.appendChild(el("p", "search-empty", [error])); popup.hidden = false; return; }
        var words = terms(query), results = ranked(matches(idx, words), {});
        var list = el("ul", "search-results compact");
        list.setAttribute("aria-label", say("search_matching_roles"));
        results.slice(0, HEADER_RESULTS).forEach(function (r) { list.appendChild(resultItem(r.doc, words, true)); });
        if (results.length) popup.appendChild(list);
        else popup.appendChild(el("p", "search-empty", [say("search_no_match", { query: query })]));
        var all = el("a", "search-all", [results.length > HEADER_RESULTS ? say("search_all_results", { count: results.length }) : say("search_page")]);
        all.href = siteURL("search/") + "?q=" + encodeURIComponent(query);
        popup.appendChild(el("p", "", [all]));
        popup.hidden = false;
        status.textContent = results.length ? say("search_found", { count: results.length }) : say("search_none_found");
      });
    }

    input.addEventListener("focus", function () { withIndex(function () {}); });
    input.addEventListener("input", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      location.href = siteURL("search/") + (input.value.trim() ? "?q=" + encodeURIComponent(input.value.trim()) : "");
    });
    form.addEventListener("keydown", function (event) {
      if (arrowKeys(event, input, linksIn(popup))) return;
      if (event.key === "Escape" && !popup.hidden) { close(); event.preventDefault(); }
    });
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) close();
    });
  }

  /* ---------- The search page ---------- */

  function initSearchPage() {
    var page = document.querySelector("[data-search-page]");
    if (!page) return;
    var form = page.querySelector("form");
    var input = form.querySelector("input");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
    var status = page.querySelector(".search-status");
    var list = page.querySelector(".search-results");
    var more = page.querySelector(".search-more");
    var nojs = page.querySelector("[data-search-nojs]");
    var showAll = false, timer = 0;
    form.hidden = false;
    if (nojs) nojs.hidden = true;

    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    selects.forEach(function (select) { select.value = params.get(select.name) || ""; });

    function filters() {
      var result = {};
      selects.forEach(function (select) { result[select.getAttribute("data-facet")] = select.value; });
      return result;
    }

    function remember() {
      var query = new URLSearchParams();
      if (input.value.trim()) query.set("q", input.value.trim());
      selects.forEach(function (select) { if (select.value) query.set(select.name, select.value); });
      var text = query.toString();
      try { history.replaceState(null, "", location.pathname + (text ? "?" + text : "")); } catch (e) { /* file:// may refuse */ }
    }

    function updateCounts(found, chosen) {
      selects.forEach(function (select) {
        var facet = select.getAttribute("data-facet"), counts = {};
        found.forEach(function (r) {
          if (!passes(r.doc, chosen, facet)) return;
          var values = r.doc.facets[facet] || [];
          values.forEach(function (value) { counts[value] = (counts[value] || 0) + 1; });
        });
        Array.prototype.forEach.call(select.options, function (option) {
          if (option.value) option.textContent = option.value + " (" + (counts[option.value] || 0) + ")";
        });
      });
    }

    function run() {
      withIndex(function (idx, error) {
        if (error) { status.textContent = error; return; }
        var query = input.value.trim(), words = terms(query), chosen = filters();
        var filtering = selects.some(function (select) { return select.value; });
        list.textContent = "";
        more.hidden = true;
        var found = matches(idx, words);
        updateCounts(found, chosen);
        if (!words.length && !filtering) {
          status.textContent = say("search_prompt", { count: idx.docs.length });
          return;
        }
        var results = ranked(found, chosen);
        var shown = showAll ? results : results.slice(0, PAGE_RESULTS);
        shown.forEach(function (r) { list.appendChild(resultItem(r.doc, words, false)); });
        more.hidden = shown.length === results.length;
        var matched = query ? say("search_matches_query", { count: results.length, query: query }) : say("search_matches_filters", { count: results.length });
        status.textContent = results.length
          ? matched + (shown.length < results.length ? say("search_showing_first", { first: shown.length }) : ".")
          : query ? say("search_no_match_query", { query: query }) : say("search_no_match_filters");
      });
    }

    function schedule() {
      showAll = false;
      clearTimeout(timer);
      timer = setTimeout(function () { remember(); run(); }, index && index.docs.length > 3000 ? 150 : 0);
    }

    input.addEventListener("input", schedule);
    selects.forEach(function (select) { select.addEventListener("change", schedule); });
    form.addEventListener("submit", function (event) { event.preventDefault(); remember(); run(); });
    more.querySelector("button").addEventListener("click", function () {
      var first = list.children.length;
      showAll = true;
      run();
      var next = list.children[first] && list.children[first].querySelector("a");
      if (next) next.focus();
    });
    input.addEventListener("keydown", function (event) { arrowKeys(event, input, linksIn(list)); });
    list.addEventListener("keydown", function (event) { arrowKeys(event, input, linksIn(list)); });
    run();
  }

  fixLinksForDisk();
  initHeader();
  initSearchPage();
})();
