// The header's menu and language buttons. Without this script they are links to the panels
// (#site-menu, #site-languages), which CSS opens through :target; with it they are real
// buttons that say whether their panel is open, close each other, and close on Escape.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var toggles = Array.prototype.slice.call(document.querySelectorAll("a[data-panel-toggle]"));
  var buttons = toggles.map(function (link) {
    var panel = document.getElementById(link.getAttribute("aria-controls"));
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.innerHTML = link.innerHTML;
    button.setAttribute("aria-controls", panel.id);
    button.setAttribute("aria-expanded", "false");
    link.replaceWith(button);
    return { button: button, panel: panel };
  });
  function close(entry) {
    entry.panel.classList.remove("is-open");
    entry.button.setAttribute("aria-expanded", "false");
  }
  buttons.forEach(function (entry) {
    entry.button.addEventListener("click", function () {
      var opening = !entry.panel.classList.contains("is-open");
      buttons.forEach(close);
      if (opening) {
        entry.panel.classList.add("is-open");
        entry.button.setAttribute("aria-expanded", "true");
      }
    });
  });
  // A form sent back with mistakes: its error summary takes the focus, so the reader starts
  // there and can follow its links to each field (GOV.UK's pattern).
  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
  // Filters start open (so they work without this script); on a phone they fold behind their
  // "Filter" button so the results are on the first screen — unless the list is filtered, so
  // that the reader sees what narrows it.
  var filtered = /[?&](?!page=)[^=&]+=[^&]/.test(window.location.search);
  if (!filtered && window.matchMedia("(max-width: 40em)").matches) {
    document.querySelectorAll("details.filter-panel[open]").forEach(function (details) {
      details.open = false;
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    buttons.forEach(function (entry) {
      if (entry.panel.classList.contains("is-open")) {
        close(entry);
        entry.button.focus();
      }
    });
  });
})();
