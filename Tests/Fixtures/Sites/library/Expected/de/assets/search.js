/* sitegen search: the search box in the header and the /search/ page. Hand-written, no libraries.
 *
 * The index is a set of script files written by sitegen (SearchIndex.swift describes them):
 * search/search-index.js and search/search-terms.js set SITEGEN_SEARCH.index and .terms, the
 * manifests; term chunks, word lists, page records and facet files are named by their content
 * and each fill the slot of that name in SITEGEN_SEARCH.chunks / .dicts / .docs / .facets. A
 * query loads the manifests, the chunks of its words, and the records of the results it shows;
 * nothing else. Script files (not fetch) so that search works from any
 * static host and from file://. The page's way back to the site root comes from
 * <html data-root="...">.
 */
(function () {
  "use strict";

  var root = new URL(document.documentElement.getAttribute("data-root") || "./", location.href).href;
  var folder = root + "search/";
  var fromDisk = location.protocol === "file:";
  var S = window.SITEGEN_SEARCH = window.SITEGEN_SEARCH || { chunks: {}, dicts: {}, docs: {}, facets: {}, names: {} };
  var HEADER_RESULTS = 6;
  // Results the page shows at first (each needs its record loaded); more on request.
  var PAGE_RESULTS = 20;
  // Points per field a word is found in: title, headings and summary, duties and skills, text.
  var FIELD_POINTS = [1, 3, 5, 10];
  // How much each kind of page weighs: role, comparison, duty page, taxonomy page, plain page.
  var KIND_WEIGHT = [1, 0.9, 0.7, 0.8, 0.85];

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

  /* ---------- Loading: each file once, callbacks when all of a set are in ---------- */

  var loading = {};   // file name -> callbacks waiting, or true once loaded
  var failed = false;

  function loadFile(name, done) {
    if (loading[name] === true) { done(); return; }
    if (loading[name]) { loading[name].push(done); return; }
    loading[name] = [done];
    var script = document.createElement("script");
    script.src = folder + name;
    script.onload = function () {
      var waiting = loading[name];
      loading[name] = true;
      waiting.forEach(function (callback) { callback(); });
    };
    script.onerror = function () { failed = true; var waiting = loading[name]; loading[name] = undefined; waiting.forEach(function (callback) { callback(); }); };
    document.head.appendChild(script);
  }

  function loadAll(names, done) {
    var left = names.length;
    if (!left) { done(); return; }
    names.forEach(function (name) { loadFile(name, function () { if (--left === 0) done(); }); });
  }

  function withIndex(callback) {
    loadAll(["search-index.js", "search-terms.js"], function () {
      if (!S.index || !S.terms) { callback(loadError()); return; }
      words = S.index.words || {};
      rules();
      callback(null);
    });
  }

  function loadError() { return document.documentElement.getAttribute("data-search-error") || "The search index could not be loaded."; }

  // The last entry of a manifest list (first keys of files, sorted) whose key is not after `key`.
  function entryFor(list, key) {
    var low = 0, high = list.length - 1, found = 0;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (list[middle] <= key) { found = middle; low = middle + 1; } else high = middle - 1;
    }
    return found;
  }

  // Files other than the manifests are named by their content and fill the slot of that name.
  function chunkName(n) { return S.terms.chunkFiles[n]; }
  function dictName(n) { return S.terms.dictFiles[n]; }
  // Record files' names come in lists of docsPerList, loaded as needed.
  function namesName(n) { return S.index.docs[Math.floor(n / S.index.docsPerList)]; }
  function docsName(n) { var list = S.names[namesName(n)]; return list && list[n % S.index.docsPerList]; }
  function namesFile(n) { return "n." + namesName(n) + ".js"; }
  function facetName(n) { return S.index.facets[n].file; }
  function chunkFile(n) { return "t." + chunkName(n) + ".js"; }
  function dictFile(n) { return "w." + dictName(n) + ".js"; }
  function docsFile(n) { return "d." + docsName(n) + ".js"; }
  function facetFile(n) { return "f." + facetName(n) + ".js"; }

  /* ---------- Words: the same steps as SearchText.swift ---------- */

  var words = {}, stopwords = {}, versus = {}, plurals = [], keep = [];

  function list(key) { return (words[key] || "").split(" ").filter(Boolean); }

  function rules() {
    stopwords = {}; versus = {};
    list("search_stopwords").forEach(function (word) { stopwords[word] = true; });
    list("search_versus").forEach(function (word) { versus[word] = true; });
    plurals = list("search_plurals").map(function (rule) { var at = rule.indexOf(">"); return at > 0 ? [rule.slice(0, at), rule.slice(at + 1)] : null; }).filter(Boolean);
    keep = list("search_plural_keep");
  }

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function split(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (word) { return Array.from(word).length > 1; });
  }

  function singular(word) {
    for (var k = 0; k < keep.length; k++) if (word.endsWith(keep[k])) return word;
    for (var r = 0; r < plurals.length; r++) {
      var rule = plurals[r];
      if (!word.endsWith(rule[0])) continue;
      var stem = Array.from(word.slice(0, word.length - rule[0].length));
      return stem.length + Array.from(rule[1]).length >= 3 ? stem.join("") + rule[1] : word;
    }
    return word;
  }

  function indexWords(text) {
    return split(text).filter(function (word) { return !stopwords[word] && !versus[word]; }).map(singular);
  }

  function prefixOf(term) { return Array.from(term).slice(0, 2).join(""); }

  // Whether two words are one edit apart (a letter changed, added, dropped or two swapped).
  function oneEdit(a, b) {
    if (a === b) return false;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* ---------- A query: its words, the terms each may be, their pages ---------- */

  // The words of a query; the last one, still being typed, also stands for the terms it begins.
  function parse(query) {
    var all = split(query);
    var wantsComparison = all.some(function (word) { return versus[word]; });
    var kept = all.filter(function (word) { return !stopwords[word] && !versus[word]; });
    var typing = kept.length && !/\s$/.test(query) && all[all.length - 1] === kept[kept.length - 1];
    return {
      words: kept.map(function (word, n) { return { typed: word, term: singular(word), prefix: typing && n === kept.length - 1 }; }),
      comparison: wantsComparison
    };
  }

  // Finds, for every word, the terms it matches (exact, begun, one typo off) and their
  // postings; calls back when the chunks are loaded.
  function lookUp(parsed, done) {
    var index = S.terms;
    var chunks = {};
    parsed.words.forEach(function (word) { chunks[chunkFile(entryFor(index.chunks, word.term))] = true; });
    loadAll(Object.keys(chunks), function () {
      var dicts = {};
      parsed.words.forEach(function (word) {
        word.exact = postingsOf(word.term);
        var long = Array.from(word.term).length;
        if ((word.prefix && long >= 2) || (!word.exact && long >= 5)) dicts[dictFile(entryFor(index.dicts, prefixOf(word.term)))] = true;
      });
      loadAll(Object.keys(dicts), function () {
        var more = {};
        parsed.words.forEach(function (word) {
          word.others = [];
          var list = S.dicts[dictName(entryFor(index.dicts, prefixOf(word.term)))] || [];
          var begun = [], near = [];
          list.forEach(function (entry) {
            var term = entry[0];
            if (term === word.term) return;
            if (word.prefix && term.lastIndexOf(word.typed, 0) === 0) begun.push(entry);
            else if (!word.exact && Array.from(word.term).length >= 5 && oneEdit(word.term, term)) near.push(entry);
          });
          var byPages = function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); };
          begun.sort(byPages).slice(0, 5).forEach(function (entry) { word.others.push({ term: entry[0], quality: 0.6 }); });
          if (!word.exact && !begun.length) near.sort(byPages).slice(0, 3).forEach(function (entry) { word.others.push({ term: entry[0], quality: 0.5 }); });
          word.others.forEach(function (other) { more[chunkFile(entryFor(index.chunks, other.term))] = true; });
        });
        loadAll(Object.keys(more), function () {
          parsed.words.forEach(function (word) {
            word.others.forEach(function (other) { other.postings = postingsOf(other.term); });
            word.others = word.others.filter(function (other) { return other.postings; });
          });
          done();
        });
      });
    });
  }

  // A term's postings, decoded: {ids, fields, titles, excerpts}; null when no page has it.
  function postingsOf(term) {
    var chunk = S.chunks[chunkName(entryFor(S.terms.chunks, term))];
    var value = chunk && chunk[term];
    if (!value) return null;
    var numbers = Array.isArray(value) ? value : value.p;
    var result = { ids: [], fields: [], titles: [], excerpts: Array.isArray(value) ? null : value.x };
    var id = 0;
    for (var i = 0; i < numbers.length; i++) {
      var n = numbers[i];
      id += Math.floor(n / 32);
      result.ids.push(id);
      result.titles.push((n >> 2) & 7);
      result.fields.push(n & 3);
    }
    return result;
  }

  // The manifest's entry for the kind of page `id` is: [kind, first id, records per file, first file].
  function kindEntry(id) {
    var kinds = S.index.kinds, entry = kinds[0];
    for (var k = 0; k < kinds.length; k++) if (kinds[k][1] <= id) entry = kinds[k];
    return entry;
  }

  function kindOf(id) { return kindEntry(id)[0]; }

  // The pages that have every word, best first: [{id, score, excerpt}].
  function rank(parsed) {
    var count = S.index.count;
    var found = null;
    parsed.words.forEach(function (word) {
      var scores = {};
      var alternatives = (word.exact ? [{ term: word.term, quality: 1, postings: word.exact }] : []).concat(word.others);
      // The terms a word begins (or is one typo from) weigh as one: as much as the commonest,
      // so a rare completion does not outrank the word meant.
      var others = word.others.reduce(function (most, other) { return Math.max(most, other.postings.ids.length); }, 1);
      alternatives.forEach(function (alternative) {
        var postings = alternative.postings;
        var pages = alternative.quality === 1 ? postings.ids.length : others;
        var weight = alternative.quality * Math.log(1 + count / pages);
        for (var i = 0; i < postings.ids.length; i++) {
          var id = postings.ids[i], points = FIELD_POINTS[postings.fields[i]] * weight;
          // A word of a short title says more than one of a long title.
          if (postings.fields[i] === 3) points /= Math.sqrt(Math.max(1, postings.titles[i]));
          var known = scores[id];
          if (!known || known.points < points) {
            scores[id] = {
              points: points, title: postings.fields[i] === 3 ? Math.max(1, postings.titles[i]) : 0,
              excerpt: postings.excerpts && postings.excerpts[i] ? postings.excerpts[i] : (known ? known.excerpt : ""),
              term: alternative.term
            };
          }
        }
      });
      if (found === null) {
        found = {};
        for (var id in scores) found[id] = { id: +id, points: scores[id].points, titleHits: scores[id].title ? 1 : 0, titleWords: scores[id].title, excerpt: scores[id].excerpt, terms: [scores[id].term] };
      } else {
        for (var seen in found) {
          var score = scores[seen];
          if (!score) { delete found[seen]; continue; }
          var entry = found[seen];
          entry.points += score.points;
          if (score.title) { entry.titleHits += 1; entry.titleWords = score.title; }
          entry.excerpt = entry.excerpt || score.excerpt;
          entry.terms.push(score.term);
        }
      }
    });
    var results = [];
    for (var key in found || {}) {
      var result = found[key];
      var kind = kindOf(result.id);
      if (parsed.comparison && kind !== 1) continue;
      var score = result.points * KIND_WEIGHT[kind];
      // Every word asked for is in the title, and the title is no more: this is the page
      // named. (A comparison is named by its roles' other titles too.)
      var words = parsed.words.length;
      if (result.titleHits >= words && (result.titleHits >= result.titleWords || (kind === 1 && parsed.comparison))) score *= 2;
      results.push({ id: result.id, score: score, excerpt: result.excerpt, terms: result.terms });
    }
    return results.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
  }

  /* ---------- Records and facets ---------- */

  // Where a page's record is: its file and its place in it.
  function recordPlace(id) {
    var entry = kindEntry(id), offset = id - entry[1];
    return { file: entry[3] + Math.floor(offset / entry[2]), at: offset % entry[2] };
  }

  function withRecords(ids, done) {
    var lists = {};
    ids.forEach(function (id) { lists[namesFile(recordPlace(id).file)] = true; });
    loadAll(Object.keys(lists), function () {
      var files = {};
      ids.forEach(function (id) { if (docsName(recordPlace(id).file)) files[docsFile(recordPlace(id).file)] = true; });
      loadAll(Object.keys(files), done);
    });
  }

  function record(id) {
    var place = recordPlace(id);
    var docs = S.docs[docsName(place.file)];
    var r = docs && docs[place.at];
    if (!r) return null;
    return { kind: kindOf(id), title: r[0], url: r[1], summary: r[2], meta: r[3] || "", duties: r[4] || [], skills: r[5] || [], alternates: r[6] || [], label: r[7] };
  }

  // Each facet's values' role ids, once every facet file is in.
  var facetSets = null;
  function withFacets(done) {
    if (facetSets) { done(); return; }
    var facets = S.index.facets;
    loadAll(facets.map(function (facet, n) { return facetFile(n); }), function () {
      facetSets = facets.map(function (facet, n) {
        return (S.facets[facetName(n)] || []).map(function (gaps) {
          var set = {}, id = 0;
          gaps.forEach(function (gap) { id += gap; set[id] = true; });
          return set;
        });
      });
      done();
    });
  }

  // Whether a page has every chosen facet value (but the one of the facet `skip`).
  function passes(id, filters, skip) {
    var facets = S.index.facets;
    for (var f = 0; f < facets.length; f++) {
      var chosen = filters[facets[f].key];
      if (!chosen || facets[f].key === skip) continue;
      var value = facets[f].values.indexOf(chosen);
      if (value < 0 || !facetSets || !facetSets[f][value] || !facetSets[f][value][id]) return false;
    }
    return true;
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

  // Whether a word of a shown text is one the query found (or begins the word being typed).
  function isMatch(word, terms, typing) {
    var folded = fold(word), term = singular(folded);
    if (terms.indexOf(term) >= 0) return true;
    return typing && Array.from(folded).length >= 2 && folded.lastIndexOf(typing, 0) === 0;
  }

  // The text with the words the query found in <mark>, built as nodes (never as HTML).
  function highlighted(text, terms, typing) {
    var fragment = document.createDocumentFragment(), pos = 0, pattern = /[\p{L}\p{N}]+/gu, match;
    while ((match = pattern.exec(text))) {
      if (!isMatch(match[0], terms, typing)) continue;
      if (match.index > pos) fragment.appendChild(document.createTextNode(text.slice(pos, match.index)));
      fragment.appendChild(el("mark", "", [match[0]]));
      pos = match.index + match[0].length;
    }
    if (pos < text.length) fragment.appendChild(document.createTextNode(text.slice(pos)));
    return fragment;
  }

  function hasMatch(text, terms, typing) {
    var pattern = /[\p{L}\p{N}]+/gu, match;
    while ((match = pattern.exec(text))) if (isMatch(match[0], terms, typing)) return true;
    return false;
  }

  // A result: its kind, title, and why it matched (a duty, skills, other names, a passage of
  // the text) or else its summary.
  function resultItem(result, parsed, compact) {
    var doc = record(result.id);
    if (!doc) return null;
    var terms = result.terms || [];
    var last = parsed.words[parsed.words.length - 1];
    var typing = last && last.prefix ? last.typed : "";
    var link = el("a", "search-result-title", [highlighted(doc.title, terms, typing)]);
    link.href = siteURL(doc.url);
    var item = el("li", "search-result", [el("span", "search-result-kind", [doc.label || S.index.labels[doc.kind] || ""]), " ", link]);
    if (doc.meta) item.appendChild(el("p", "search-result-meta", [doc.meta]));
    var why = [];
    if (terms.length) {
      var match = function (items) { return items.filter(function (text) { return hasMatch(text, terms, typing); }); };
      var duty = match(doc.duties)[0], skills = match(doc.skills), names = match(doc.alternates);
      if (duty) why.push([say("search_why_duty"), duty]);
      if (skills.length) why.push([say(skills.length > 1 ? "search_why_skills" : "search_why_skill"), skills.join(", ")]);
      if (names.length) why.push([say("search_why_also_called"), names.join(", ")]);
      if (!why.length && result.excerpt && !hasMatch(doc.summary + " " + doc.title, terms, typing)) why.push([say("search_why_text"), result.excerpt]);
    }
    if (doc.summary && (!compact || !why.length)) item.appendChild(el("p", "search-result-text", [highlighted(doc.summary, terms, typing)]));
    why.slice(0, compact ? 1 : why.length).forEach(function (reason) {
      item.appendChild(el("p", "search-result-why", [el("span", "search-result-label", [reason[0] + ": "]), highlighted(reason[1], terms, typing)]));
    });
    return item;
  }

  // The theme's words in the site's language, from the index manifest (search_* keys of
  // Templates/i18n/<language>.yml); {name} is filled from `values`, `count` picks _one/_other.
  function say(key, values) {
    values = values || {};
    if (values.count !== undefined) key += values.count === 1 ? "_one" : "_other";
    var text = words[key] !== undefined ? words[key] : key;
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values[name] !== undefined ? String(values[name]) : all; });
  }

  // Runs a query: calls back with the error, the parsed query and the ranked results.
  function search(query, done) {
    withIndex(function (error) {
      if (error) { done(error); return; }
      var parsed = parse(query);
      if (!parsed.words.length) { done(null, parsed, []); return; }
      lookUp(parsed, function () { done(failed ? loadError() : null, parsed, rank(parsed)); });
    });
  }

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
      search(input.value, function (error, parsed, results) {
        if (input.value.trim() !== query) return;
        if (error) { popup.textContent = ""; popup.appendChild(el("p", "search-empty", [error])); popup.hidden = false; return; }
        var shown = results.slice(0, HEADER_RESULTS);
        withRecords(shown.map(function (r) { return r.id; }), function () {
          if (input.value.trim() !== query) return;
          popup.textContent = "";
          var list = el("ul", "search-results compact");
          list.setAttribute("aria-label", say("search_matching_roles"));
          shown.forEach(function (r) { var item = resultItem(r, parsed, true); if (item) list.appendChild(item); });
          if (results.length) popup.appendChild(list);
          else popup.appendChild(el("p", "search-empty", [say("search_no_match", { query: query })]));
          var all = el("a", "search-all", [results.length > HEADER_RESULTS ? say("search_all_results", { count: results.length }) : say("search_page")]);
          all.href = siteURL("search/") + "?q=" + encodeURIComponent(query);
          popup.appendChild(el("p", "", [all]));
          popup.hidden = false;
          status.textContent = results.length ? say("search_found", { count: results.length }) : say("search_none_found");
        });
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
    var showAll = false, timer = 0, runs = 0, lastDrawn = null;
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

    function filtering() { return selects.some(function (select) { return select.value; }); }

    function remember() {
      var query = new URLSearchParams();
      if (input.value.trim()) query.set("q", input.value.trim());
      selects.forEach(function (select) { if (select.value) query.set(select.name, select.value); });
      var text = query.toString();
      try { history.replaceState(null, "", location.pathname + (text ? "?" + text : "")); } catch (e) { /* file:// may refuse */ }
    }

    // The options' counts over the results (roles only; the page shows every role's counts
    // until the facet files are in).
    function updateCounts(results, chosen) {
      if (!facetSets) return;
      selects.forEach(function (select) {
        var key = select.getAttribute("data-facet");
        var f = S.index.facets.map(function (facet) { return facet.key; }).indexOf(key);
        var counts = {};
        results.forEach(function (r) {
          if (!passes(r.id, chosen, key)) return;
          S.index.facets[f].values.forEach(function (value, v) { if (facetSets[f][v][r.id]) counts[value] = (counts[value] || 0) + 1; });
        });
        Array.prototype.forEach.call(select.options, function (option) {
          if (option.value) option.textContent = option.value + " (" + (counts[option.value] || 0) + ")";
        });
      });
    }

    // Every role, for facets without words.
    function allRoles() {
      var kinds = S.index.kinds, end = kinds.length > 1 ? kinds[1][1] : S.index.count, roles = [];
      if (kinds[0][0] !== 0) return roles;
      for (var id = 0; id < end; id++) roles.push({ id: id, score: 0, terms: [] });
      return roles;
    }

    function run() {
      var ticket = ++runs;
      var query = input.value.trim();
      var chosen = filters();
      var needFacets = filtering() || (query && selects.length && facetSets);
      var go = function () {
        search(query, function (error, parsed, found) {
          if (ticket !== runs) return;
          if (error) { status.textContent = error; return; }
          if (!parsed.words.length && !filtering()) {
            list.textContent = "";
            more.hidden = true;
            status.textContent = say("search_prompt", { count: allRoles().length });
            return;
          }
          if (!parsed.words.length) found = allRoles();
          updateCounts(found, chosen);
          var results = found.filter(function (r) { return passes(r.id, chosen); });
          var shown = showAll ? results : results.slice(0, PAGE_RESULTS);
          withRecords(shown.map(function (r) { return r.id; }), function () {
            if (ticket !== runs) return;
            // The same results as shown: nothing is drawn again (a link being followed stays).
            var drawn = query + "\n" + JSON.stringify(chosen) + "\n" + shown.map(function (r) { return r.id; }).join(",");
            if (drawn === lastDrawn) { updateCounts(found, chosen); return; }
            lastDrawn = drawn;
            list.textContent = "";
            shown.forEach(function (r) { var item = resultItem(r, parsed, false); if (item) list.appendChild(item); });
            more.hidden = shown.length === results.length;
            var matched = query ? say("search_matches_query", { count: results.length, query: query }) : say("search_matches_filters", { count: results.length });
            status.textContent = results.length
              ? matched + (shown.length < results.length ? say("search_showing_first", { first: shown.length }) : ".")
              : query ? say("search_no_match_query", { query: query }) : say("search_no_match_filters");
          });
        });
      };
      if (needFacets && S.index) withFacets(go); else if (needFacets) withIndex(function () { withFacets(go); }); else go();
    }

    function schedule() {
      showAll = false;
      clearTimeout(timer);
      remember();
      timer = setTimeout(run, 60);
    }

    input.addEventListener("input", schedule);
    selects.forEach(function (select) {
      select.addEventListener("change", schedule);
      // The counts follow the query once a facet is looked at.
      select.addEventListener("focus", function () { if (!facetSets) withIndex(function () { withFacets(run); }); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); remember(); run(); });
    more.querySelector("button").addEventListener("click", function () {
      var first = list.children.length;
      showAll = true;
      run();
      var tries = 0;
      var check = setInterval(function () {
        if (list.children.length <= first && ++tries < 250) return;
        clearInterval(check);
        if (list.children.length <= first) return;
        var next = list.children[first].querySelector("a");
        if (next) next.focus();
      }, 20);
    });
    input.addEventListener("keydown", function (event) { arrowKeys(event, input, linksIn(list)); });
    list.addEventListener("keydown", function (event) { arrowKeys(event, input, linksIn(list)); });
    run();
  }

  // For tests: the steps that make words of a text, as the index made them; a query's ranked
  // results ({id, score, kind}).
  S.words = function (text, done) { withIndex(function () { done(indexWords(text)); }); };
  S.query = function (text, done) {
    search(text, function (error, parsed, results) {
      done(error ? { error: error } : (results || []).slice(0, 10).map(function (r) { return { id: r.id, score: r.score, kind: kindOf(r.id), terms: r.terms }; }));
    });
  };

  fixLinksForDisk();
  initHeader();
  initSearchPage();
})();
