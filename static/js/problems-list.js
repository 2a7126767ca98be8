/* List: "Nearest to me" fills near=lat,lon from the browser's location and sorts by distance.
   Without JavaScript, "Nearest" with a dong sorts by distance from that dong's centre. */
(function () {
  "use strict";
  var button = document.getElementById("near-me");
  var near = document.getElementById("id_near");
  if (!button || !near || !navigator.geolocation) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.geolocation.getCurrentPosition(function (pos) {
      near.value = pos.coords.latitude.toFixed(5) + "," + pos.coords.longitude.toFixed(5);
      var sort = document.getElementById("id_sort");
      if (sort) sort.value = "near";
      button.form.submit();
    });
  });
})();
