/* Leaflet's own strings in the page language, for every map (folium maps and our own). Load it
   right after leaflet.js and before any map is created; the translated strings come from the
   data attributes of this script tag (templates/geo/_leaflet_i18n.html, rendered with
   {% translate %}). Leaflet.markercluster has no strings of its own (its icons show counts). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!window.L || !script) { return; }
  var t = script.dataset;

  function escapeAttribute(text) {
    return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  L.Control.Zoom.mergeOptions({ zoomInTitle: t.zoomIn, zoomOutTitle: t.zoomOut });
  L.Control.Attribution.mergeOptions({
    prefix: L.Control.Attribution.prototype.options.prefix.replace(
      "A JavaScript library for interactive maps", escapeAttribute(t.library))
  });
  L.Marker.mergeOptions({ alt: t.marker });

  var initLayers = L.Control.Layers.prototype._initLayout;
  L.Control.Layers.prototype._initLayout = function () {
    initLayers.apply(this, arguments);
    this._layersLink.title = t.layers;
    this._layersLink.setAttribute("aria-label", t.layers);
  };

  var initPopup = L.Popup.prototype._initLayout;
  L.Popup.prototype._initLayout = function () {
    initPopup.apply(this, arguments);
    if (this._closeButton) { this._closeButton.setAttribute("aria-label", t.closePopup); }
  };
})();
