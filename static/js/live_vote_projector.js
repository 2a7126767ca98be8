/* Projector view of a live audience vote: polls the JSON results every few seconds and redraws
   the bars without reloading the page. No inline script, no third-party code (CSP-safe). */
(function () {
  "use strict";
  var box = document.querySelector("[data-live-results]");
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute("data-live-results");
  var seconds = parseInt(box.getAttribute("data-poll-seconds"), 10) || 4;
  var list = box.querySelector("[data-live-list]");
  var total = box.querySelector("[data-live-total]");
  var status = box.querySelector("[data-live-status]");
  var timer = null;

  function row(item) {
    var li = document.createElement("li");
    var title = document.createElement("span");
    title.className = "live-bars__title";
    title.textContent = item.title;
    var bar = document.createElement("span");
    bar.className = "live-bars__bar";
    bar.style.width = Math.max(0, Math.min(100, item.audience_percent)) + "%";
    var num = document.createElement("span");
    num.className = "live-bars__num";
    num.textContent = String(item.audience_votes);
    li.appendChild(title);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(bar);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(num);
    return li;
  }

  function render(data) {
    total.textContent = String(data.total_votes);
    status.textContent = data.status_label;
    var fragment = document.createDocumentFragment();
    var rows = data.ranking.slice().sort(function (a, b) { return b.audience_votes - a.audience_votes; });
    rows.forEach(function (item) { fragment.appendChild(row(item)); });
    list.replaceChildren(fragment);
    if (data.status === "closed" && timer) { window.clearInterval(timer); timer = null; }
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) { render(data); } })
      .catch(function () { /* keep the last results; the next poll retries */ });
  }

  timer = window.setInterval(poll, seconds * 1000);
})();
