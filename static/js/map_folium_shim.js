/* folium's popup code calls jQuery's $(`<div>...</div>`)[0] to turn markup into an element.
   We do not ship jQuery: this shim does exactly that one thing (and nothing else). The markup
   comes from our own server-side builders (geo/maps.py), escaped there. */
(function () {
  "use strict";
  if (window.$) { return; }
  window.$ = function (html) {
    var template = document.createElement("template");
    template.innerHTML = String(html).trim();
    return [template.content.firstElementChild];
  };
})();
