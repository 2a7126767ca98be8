/* The problems map (/map/): loads problems for the current view from the GeoJSON API with the
   page's filters, draws them clustered and coloured by category, one layer per category in the
   layer control. At low zoom or with many problems the server sends grid clusters with counts.
   Hotspot areas come from their own GeoJSON API into the page's (empty) hotspot layer, so the
   page weighs the same whatever their number. The text alternatives below the map list the
   same problems and hotspots (/map/hotspots/); this file only enhances. */
(function () {
  "use strict";

  var container = document.querySelector("[data-problems-map]");
  if (!container || !window.L) { return; }
  var registry = (window.soslabMaps || {})[container.getAttribute("data-map-id")];
  if (!registry) { return; }
  var map = registry.map;
  var control = registry.control;
  var apiUrl = container.getAttribute("data-api");
  var hotspotsUrl = container.getAttribute("data-hotspots");
  var filterQuery = container.getAttribute("data-query") || "";
  var status = document.getElementById("map-status");
  var categories = JSON.parse(document.getElementById("map-categories").textContent);
  var labels = JSON.parse(document.getElementById("map-labels").textContent);

  var byCategory = {};
  var clusterOptions = { showCoverageOnHover: false, maxClusterRadius: 45, chunkedLoading: true };
  categories.forEach(function (category) {
    var group = L.markerClusterGroup ? L.markerClusterGroup(clusterOptions) : L.layerGroup();
    byCategory[category.id] = { info: category, layer: group };
    group.addTo(map);
    if (control) {
      var swatch = '<span class="map-swatch" style="background:' + category.colour + '"></span>';
      var name = document.createElement("span");
      name.textContent = category.name;
      control.addOverlay(group, swatch + name.innerHTML);
    }
  });
  var aggregated = L.layerGroup().addTo(map);
  if (control) { control.addOverlay(aggregated, labels.aggregated); }

  function popupFor(properties) {
    var root = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = properties.title;
    root.appendChild(title);
    var meta = document.createElement("p");
    meta.className = "map-popup__meta";
    meta.textContent = properties.status_label + " · " + labels.supports.replace("%(count)s", properties.supports);
    root.appendChild(meta);
    if (properties.approximate) {
      var approx = document.createElement("p");
      approx.className = "map-popup__meta";
      approx.textContent = labels.approximate;
      root.appendChild(approx);
    }
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = labels.open;
    root.appendChild(link);
    return root;
  }

  function announce(text) {
    if (status) { status.textContent = text; }
  }

  var pending = null;
  var timer = null;

  function load() {
    var bounds = map.getBounds();
    var bbox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
      .map(function (n) { return n.toFixed(5); }).join(",");
    var url = apiUrl + "?" + (filterQuery ? filterQuery + "&" : "") + "bbox=" + bbox + "&zoom=" + map.getZoom();
    if (pending) { pending.abort(); }
    pending = new AbortController();
    announce(labels.loading);
    fetch(url, { headers: { Accept: "application/geo+json" }, signal: pending.signal })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(draw)
      .catch(function (error) {
        if (error.name !== "AbortError") { announce(labels.failed); }
      });
  }

  function draw(data) {
    Object.keys(byCategory).forEach(function (id) { byCategory[id].layer.clearLayers(); });
    aggregated.clearLayers();
    if (data.mode === "clusters") {
      data.features.forEach(function (feature) {
        var c = feature.geometry.coordinates;
        var count = feature.properties.count;
        var size = Math.min(60, 26 + Math.round(Math.log(count + 1) * 5));
        var icon = L.divIcon({
          className: "map-aggregate",
          html: "<span>" + count + "</span>",
          iconSize: [size, size]
        });
        L.marker([c[1], c[0]], { icon: icon, keyboard: true, title: labels.cluster.replace("%(count)s", count) })
          .on("click", function () { map.setView([c[1], c[0]], Math.min(map.getZoom() + 2, 18)); })
          .addTo(aggregated);
      });
    } else {
      data.features.forEach(function (feature) {
        var entry = byCategory[feature.properties.category];
        if (!entry) { return; }
        var c = feature.geometry.coordinates;
        var marker = L.circleMarker([c[1], c[0]], {
          radius: 8, color: "#0f172a", weight: 1.5, fillColor: entry.info.colour, fillOpacity: 0.95
        });
        marker.bindPopup(function () { return popupFor(feature.properties); });
        marker.bindTooltip(feature.properties.title);
        entry.layer.addLayer(marker);
      });
    }
    announce(labels.shown.replace("%(count)s", data.total));
  }

  function hotspotPopup(properties) {
    var root = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = labels.hotspot;
    root.appendChild(title);
    [labels.hotspot_reports.replace("%(count)s", properties.reports), properties.top_category]
      .forEach(function (text) {
        if (!text) { return; }
        root.appendChild(document.createElement("br"));
        root.appendChild(document.createTextNode(text));
      });
    root.appendChild(document.createElement("br"));
    var link = document.createElement("a");
    link.href = "/map/hotspots/" + encodeURIComponent(properties.id) + "/";
    link.textContent = labels.hotspot_open;
    root.appendChild(link);
    return root;
  }

  function loadHotspots() {
    var layer = registry.layers && registry.layers.hotspots;
    if (!hotspotsUrl || !layer) { return; }
    fetch(hotspotsUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (data) {
        L.geoJSON(data, {
          style: { color: "#7c2d12", weight: 2, fillColor: "#f97316", fillOpacity: 0.25 },
          onEachFeature: function (feature, area) {
            // Counts written on the areas: no colour-only meaning.
            area.bindTooltip(labels.hotspot_reports.replace("%(count)s", feature.properties.reports),
              { permanent: true, direction: "center" });
            area.bindPopup(function () { return hotspotPopup(feature.properties); });
          }
        }).addTo(layer);
      })
      .catch(function () { /* the hotspot list below the map still works */ });
  }

  map.on("moveend", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(load, 250);
  });
  load();
  loadHotspots();
})();
