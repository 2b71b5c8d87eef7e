/* The signs check (a page's <!-- signs-check -->, rendered by guidewright.boxes.urgency_boxes): ticking
   signs shows, at the top of the form, the most urgent level ticked and what to do, with that
   box's call links and its link to more. The words come from the page (each group's
   data-action), so every language works and none live here. Nothing is stored or sent: the
   state is read from the checkboxes, on load (a restored page) and on every change. It needs
   no theme script, so it works before the deferred ones load (load-on-use.js). */
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-signs-check]");
  if (!forms.length) return;  // loaded only where the form is; nothing to do elsewhere

  function copyOf(node) {
    return node ? node.cloneNode(true) : null;
  }

  function show(form) {
    var result = form.querySelector("[data-signs-result]");
    var groups = form.querySelectorAll("fieldset[data-level]");  // most urgent first
    var found = null;
    for (var i = 0; i < groups.length && !found; i++) {
      if (groups[i].querySelector("input[type=checkbox]:checked")) found = groups[i];
    }
    var level = found ? found.getAttribute("data-level") : "";
    if (result.getAttribute("data-level") === level && (level || !result.firstChild)) return;
    result.textContent = "";
    result.setAttribute("data-level", level);
    if (!found) return;
    var action = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = found.getAttribute("data-action");
    action.appendChild(strong);
    result.appendChild(action);
    [found.querySelector(".pe-calls"), found.querySelector(".pe-signs-check__next")].forEach(function (node) {
      var copy = copyOf(node);
      if (copy) result.appendChild(copy);
    });
  }

  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("change", function () { show(form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });  // never sent
    show(form);
  });
  // A page restored from the back/forward cache keeps its ticks: show them again.
  window.addEventListener("pageshow", function () { Array.prototype.forEach.call(forms, show); });
})();
