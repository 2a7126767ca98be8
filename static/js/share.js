/* Share buttons (templates/discovery/share_button.html): the Web Share API where the browser has
   it (phones), else copy the link and say so in the live region. Without JavaScript the button is
   a plain link to the page. */
(function () {
  "use strict";
  if (window.soslabShare) { return; }
  window.soslabShare = true;

  function say(box, text) {
    var status = box.querySelector(".share__status");
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copy(box, url) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(
        function () { say(box, box.dataset.shareCopied); },
        function () { say(box, box.dataset.shareFailed); }
      );
    } else {
      say(box, box.dataset.shareFailed);
    }
  }

  function share(box) {
    var url = box.dataset.shareUrl || window.location.href;
    var title = box.dataset.shareTitle || document.title;
    if (navigator.share) {
      navigator.share({ title: title, url: url }).catch(function (error) {
        if (error && error.name !== "AbortError") { copy(box, url); }
      });
    } else {
      copy(box, url);
    }
  }

  function enhance(box) {
    var button = box.querySelector(".share__button");
    button.setAttribute("role", "button");
    button.addEventListener("click", function (event) {
      event.preventDefault();
      share(box);
    });
    button.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        share(box);
      }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-share]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
