/* Report form: a map picker that fills the hidden lat/lon inputs, and live suggestions of
   similar problems nearby. The form works without this script (dong list + description, and
   the server shows similar problems as a second step). */
(function () {
  "use strict";
  var picker = document.querySelector(".problem-map-picker");
  if (!picker || typeof L === "undefined") return;
  var latInput = document.getElementById(picker.dataset.latInput);
  var lonInput = document.getElementById(picker.dataset.lonInput);
  var status = picker.querySelector("[data-role=status]");
  var form = picker.closest("form");
  var live = document.querySelector(".problem-similar-live");
  picker.hidden = false;

  var start = [35.8242, 127.148];
  var map = L.map("problem-map", { scrollWheelZoom: false }).setView(start, 13);
  // settings.GEO_TILE_URL, the one tile URL the CSP allows; empty means no tiles.
  if (picker.dataset.tileUrl) {
    L.tileLayer(picker.dataset.tileUrl, {
      maxZoom: 19,
      attribution: "&copy; OpenStreetMap contributors",
    }).addTo(map);
  }
  // The base layer that needs no tile server: the city outline and dong boundaries (the same
  // GeoJSON the dong map uses), drawn under any tiles so the pin can be placed without them.
  if (picker.dataset.boundaries) {
    map.createPane("boundaries").style.zIndex = 250;  // above tiles (200), below overlays (400)
    fetch(picker.dataset.boundaries, { headers: { Accept: "application/geo+json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        var outline = L.geoJSON(data, {
          pane: "boundaries",
          interactive: false,
          style: { color: "#334155", weight: 1, fillColor: "#e2e8f0", fillOpacity: 0.35 },
        }).addTo(map);
        if (!latInput.value) map.fitBounds(outline.getBounds());
      })
      .catch(function () {});
  }
  var marker = null;

  function setPoint(lat, lon, message) {
    latInput.value = lat.toFixed(6);
    lonInput.value = lon.toFixed(6);
    if (marker) marker.setLatLng([lat, lon]);
    else marker = L.marker([lat, lon], { keyboard: false }).addTo(map);
    status.textContent = message || picker.dataset.chosen;
    suggest();
  }

  if (latInput.value && lonInput.value) {
    var lat = parseFloat(latInput.value), lon = parseFloat(lonInput.value);
    marker = L.marker([lat, lon], { keyboard: false }).addTo(map);
    map.setView([lat, lon], 16);
  }
  map.on("click", function (e) { setPoint(e.latlng.lat, e.latlng.lng); });
  // Keyboard: arrow keys pan (Leaflet), Enter or Space places the pin at the centre.
  map.getContainer().addEventListener("keydown", function (e) {
    if (e.target !== map.getContainer() || (e.key !== "Enter" && e.key !== " ")) return;
    e.preventDefault();
    var centre = map.getCenter();
    setPoint(centre.lat, centre.lng, picker.dataset.placedKeyboard);
  });

  picker.querySelector("[data-action=locate]").addEventListener("click", function () {
    if (!navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition(function (pos) {
      setPoint(pos.coords.latitude, pos.coords.longitude);
      map.setView([pos.coords.latitude, pos.coords.longitude], 17);
    });
  });
  picker.querySelector("[data-action=clear]").addEventListener("click", function () {
    latInput.value = ""; lonInput.value = "";
    if (marker) { map.removeLayer(marker); marker = null; }
    status.textContent = "";
    if (live) { live.hidden = true; live.textContent = ""; }
  });

  var timer = null;
  function suggest() {
    if (!live || !latInput.value) return;
    clearTimeout(timer);
    timer = setTimeout(function () {
      var params = new URLSearchParams({ lat: latInput.value, lon: lonInput.value });
      var title = form.querySelector("[name=title]");
      var category = form.querySelector("[name=category]:checked");
      if (title) params.set("title", title.value);
      if (category) params.set("category", category.value);
      fetch("/problems/similar.json?" + params.toString(), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) {
          live.textContent = "";
          if (!data.results.length) { live.hidden = true; return; }
          var heading = document.createElement("p");
          var strong = document.createElement("strong");
          strong.textContent = live.dataset.heading;
          heading.appendChild(strong);
          live.appendChild(heading);
          var list = document.createElement("ul");
          data.results.forEach(function (item) {
            var li = document.createElement("li");
            var a = document.createElement("a");
            a.href = item.url; a.textContent = item.title;
            li.appendChild(a);
            li.appendChild(document.createTextNode(" (" + item.distance_m + " m, " + item.category + ")"));
            list.appendChild(li);
          });
          live.appendChild(list);
          live.hidden = false;
        })
        .catch(function () { /* suggestions are a help, never a blocker */ });
    }, 400);
  }
  form.addEventListener("change", function (e) {
    if (e.target.name === "category" || e.target.name === "title") suggest();
  });
})();
