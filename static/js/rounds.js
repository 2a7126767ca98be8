// Live countdown to the next phase of a lab round. Progressive enhancement: the page already says
// how many days are left; this refines it to days, hours and minutes and keeps it current.
(function () {
  "use strict";
  var el = document.querySelector("[data-countdown]");
  if (!el) return;
  var target = Date.parse(el.getAttribute("data-countdown"));
  var out = el.querySelector("[data-countdown-left]");
  if (!out || isNaN(target)) return;
  var ko = (document.documentElement.lang || "ko").indexOf("ko") === 0;

  function render() {
    var left = Math.max(0, target - Date.now());
    var minutes = Math.floor(left / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var mins = minutes % 60;
    if (left === 0) {
      out.textContent = ko ? "곧 시작합니다. 새로고침해 주세요." : "Starting now: reload the page.";
      return false;
    }
    out.textContent = ko
      ? "남은 시간 " + days + "일 " + hours + "시간 " + mins + "분"
      : days + " d " + hours + " h " + mins + " min left";
    return true;
  }
  if (render()) {
    var timer = setInterval(function () { if (!render()) clearInterval(timer); }, 30000);
  }
})();
