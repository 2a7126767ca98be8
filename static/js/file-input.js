/* File inputs (templates/components/file_input.html): show the chosen file names next to the
   page-language button. Without this script the button still opens the file picker. Included
   once per file field; the guard makes the second inclusion do nothing. */
(function () {
  "use strict";
  if (window.soslabFileInputs) { return; }
  window.soslabFileInputs = true;

  function show(input, names) {
    var files = Array.prototype.map.call(input.files || [], function (file) { return file.name; });
    names.textContent = files.length ? files.join(", ") : names.dataset.empty;
  }

  document.querySelectorAll(".file-input").forEach(function (root) {
    var input = root.querySelector("input[type=file]");
    var names = root.querySelector(".file-input__names");
    if (!input || !names) { return; }
    names.hidden = false;
    show(input, names);
    input.addEventListener("change", function () { show(input, names); });
  });
})();
