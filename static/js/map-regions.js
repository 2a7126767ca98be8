/* Leaflet makes each map's container focusable (arrow keys pan, + and - zoom). The focus must land
   on something named: the container becomes a region named by its frame's data-map-label
   (templates/geo/_map.html, templates/blocks/map_block.html). Runs after the folium script. */
(function () {
  "use strict";
  var frames = document.querySelectorAll("[data-map-label]");
  Array.prototype.forEach.call(frames, function (frame) {
    var container = frame.querySelector(".leaflet-container");
    if (!container) { return; }
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", frame.getAttribute("data-map-label"));
  });
})();
