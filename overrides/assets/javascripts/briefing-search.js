/* briefing-gen: the header's search box, bound to the Pagefind index in pagefind/ (large sites).
 *
 * Pagefind's loader and WebAssembly are fetched on the first keystroke, then only the index chunks
 * a query needs and the fragments of the results shown; the filters (region, theme, actor, kind)
 * only when the Filters panel is opened. Everything comes from this site: no other host. */
(function () {
  "use strict";
  var root = document.querySelector("[data-briefing-search]");
  if (!root) return;
  var input = root.querySelector("input[name=query]");
  var form = root.querySelector("form");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var panel = root.querySelector(".briefing-search__filters");
  var selects = root.querySelector(".briefing-search__selects");
  var toggle = document.getElementById("__search");
  var placeholder = meta.textContent;
  var base = new URL(root.getAttribute("data-base") + "/", window.location.href);
  var shown = 10;
  var pagefind = null;
  var chosen = {};
  var sequence = 0;

  // How Pagefind ranks results: a search for a name leads to the briefings that discuss it before
  // the actor's own page (issue 20). Most indexed pages are actor pages of a few dozen words and a
  // briefing has hundreds: with Pagefind's default length normalisation (pageLength 0.75) a word's
  // count was divided by about 8 in a 900-word briefing and multiplied by about 3 on a 12-word
  // actor page (the example site's average is 85 words). pageLength 0 ranks on the counts alone;
  // term saturation still keeps a long page from winning by repetition. A page's title is also its
  // h1, which the index already weighs 7 times a word of text; Pagefind's default title boost (5
  // times the words' rarity) added more than any text can score, so it is 1 (Pagefind's documented
  // way to remove the boost while still considering the title). Actor pages also weigh half (their
  // data-pagefind-weight, main.html).
  var RANKING = { pageLength: 0, metaWeights: { title: 1 } };

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (module) {
        return module.options({ baseUrl: base.pathname, ranking: RANKING }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function excerpt(html) {
    // Pagefind marks the matched words with <mark>; keep those, show everything else as text.
    var text = String(html).replace(/<(\/?)mark>/g, "\u0001$1\u0002");
    text = text.replace(/<[^>]*>/g, "").replace(/&(lt|gt|amp|quot|#39);/g, function (m, e) {
      return { lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'" }[e];
    });
    return escapeHtml(text).replace(/\u0001(\/?)\u0002/g, "<$1mark>");
  }

  function render(results, total) {
    meta.textContent = total === 0 ? "No matching documents" : total === 1 ? "1 matching document" : total + " matching documents";
    list.innerHTML = results.map(function (r) {
      return '<li class="md-search-result__item"><a href="' + escapeHtml(r.url) + '" class="md-search-result__link" tabindex="-1">' +
        '<article class="md-search-result__article md-typeset"><h1>' + escapeHtml((r.meta && r.meta.title) || r.url) + "</h1>" +
        "<p>" + excerpt(r.excerpt) + "</p></article></a></li>";
    }).join("");
  }

  function search() {
    var query = input.value.trim();
    var mine = ++sequence;
    var filters = {};
    Object.keys(chosen).forEach(function (k) { if (chosen[k]) filters[k] = chosen[k]; });
    if (!query && !Object.keys(filters).length) {
      meta.textContent = placeholder;
      list.innerHTML = "";
      return;
    }
    load().then(function (pf) {
      return pf.debouncedSearch(query || null, { filters: filters }, 200);
    }).then(function (found) {
      if (!found || mine !== sequence) return null;
      return Promise.all(found.results.slice(0, shown).map(function (r) { return r.data(); })).then(function (data) {
        if (mine === sequence) render(data, found.results.length);
      });
    }).catch(function (error) {
      meta.textContent = "Search is not available here (" + error.message + ")";
    });
  }

  function open() { if (toggle && !toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); } }
  function close() { if (toggle && toggle.checked) { toggle.checked = false; toggle.dispatchEvent(new Event("change")); } input.blur(); }

  input.addEventListener("focus", open);
  input.addEventListener("input", search);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", function () { setTimeout(search, 0); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle && toggle.checked) close();
    var typing = /input|textarea|select/i.test(event.target.tagName) || event.target.isContentEditable;
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      input.focus();
    }
  });
  if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });

  if (panel) panel.addEventListener("toggle", function once() {
    if (!panel.open || selects.childElementCount) return;
    load().then(function (pf) { return pf.filters(); }).then(function (filters) {
      ["region", "theme", "actor", "kind"].forEach(function (name) {
        var values = Object.entries(filters[name] || {}).sort(function (a, b) { return b[1] - a[1]; }).slice(0, 300);
        if (!values.length) return;
        var select = document.createElement("select");
        select.setAttribute("aria-label", name);
        select.innerHTML = '<option value="">any ' + name + "</option>" + values.map(function (v) {
          return '<option value="' + escapeHtml(v[0]) + '">' + escapeHtml(v[0]) + " (" + v[1] + ")</option>";
        }).join("");
        select.addEventListener("change", function () { chosen[name] = select.value; search(); });
        selects.appendChild(select);
      });
    });
  });
})();
