/* Searchable pickers (knotenpunkt/core/widgets.py).
 *
 * Without JavaScript a picker is the plain list. With it, the search field above the list
 * shows, and htmx (loaded here once, if the page has not loaded it) sends what is typed to
 * the lookup view and puts the matching options into the list.
 */
(function () {
  "use strict";
  if (window.knotenpunktSearchSelect) {
    return;
  }
  window.knotenpunktSearchSelect = true;
  var htmxSource = document.currentScript && document.currentScript.dataset.htmx;

  function reveal() {
    document.querySelectorAll("[data-search-select]").forEach(function (box) {
      box.hidden = false;
    });
  }

  function start() {
    if (window.htmx) {
      reveal();
      return;
    }
    var script = document.createElement("script");
    script.src = htmxSource;
    script.onload = function () {
      window.htmx.process(document.body);
      reveal();
    };
    document.head.appendChild(script);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
