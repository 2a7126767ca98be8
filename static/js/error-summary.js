/* After a failed submit, focus starts on the error summary (templates/components/error_summary.html),
   and each of its links moves focus into the field it names, not only the scroll position. */
(function () {
  "use strict";
  if (window.soslabErrorSummary) return;
  window.soslabErrorSummary = true;

  function start() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    summary.focus();
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("[data-error-summary] a[href^='#']") : null;
      if (!link) return;
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      event.preventDefault();
      var label = field.closest(".field") || field;
      label.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
