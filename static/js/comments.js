/* Progressive enhancement for comment forms: a character counter tied to the field
   with aria-describedby (read on focus, not announced at every keystroke).
   Everything works without this file. */
(function () {
  "use strict";
  function attach(textarea) {
    var max = parseInt(textarea.getAttribute("maxlength"), 10);
    if (!max || textarea.dataset.counterAttached) { return; }
    textarea.dataset.counterAttached = "1";
    var counter = document.createElement("p");
    counter.className = "comment-counter";
    counter.id = (textarea.id || "comment") + "-counter";
    textarea.insertAdjacentElement("afterend", counter);
    var describedBy = textarea.getAttribute("aria-describedby");
    textarea.setAttribute("aria-describedby", describedBy ? describedBy + " " + counter.id : counter.id);
    function update() {
      var length = textarea.value.length;
      counter.textContent = length + " / " + max;
      counter.classList.toggle("comment-counter--over", length > max);
    }
    textarea.addEventListener("input", update);
    update();
  }
  function init() {
    var areas = document.querySelectorAll(".comments textarea");
    for (var i = 0; i < areas.length; i++) { attach(areas[i]); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
