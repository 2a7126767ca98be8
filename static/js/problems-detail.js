/* Detail page: fill the official answer from a template (staff); everything works without it. */
(function () {
  "use strict";
  var form = document.querySelector(".js-answer-form");
  if (!form) return;
  var select = form.querySelector("[name=template]");
  var body = form.querySelector("[name=body]");
  if (!select || !body) return;
  select.addEventListener("change", function () {
    var tpl = form.querySelector('template[data-answer-template="' + select.value + '"]');
    if (tpl && !body.value.trim()) body.value = tpl.content.textContent.trim();
  });
})();
