/* Load the theme's scripts only when the reader first uses the page (a click or a key that
   isn't just following a link), not on every view. Reading, the crisis links, the menu and
   the device's dark mode need no script; search, the colour switch and tap-to-define do.
   Readers on slow or costly data who only read save about two thirds of each page's weight.
   The scripts wait, unrun, in <template id="pe-deferred-scripts"> (overrides/main.html). */
(function () {
  "use strict";
  var loaded = false;

  function plainLink(target) {
    var link = target && target.closest && target.closest("a[href]");
    return link && link.getAttribute("href").charAt(0) !== "#";
  }

  function load(event) {
    if (loaded || (event && plainLink(event.target))) return;
    loaded = true;
    // The search button opens the search box without scripts. Open it here, in the same tap,
    // and put the cursor there as the theme would: focus must move before the first key
    // arrives, or on a busy phone the first letters land on the page.
    var target = event && event.target;
    if (target && target.closest && target.closest('label[for="__search"]')) {
      var toggle = document.getElementById("__search");
      var input = document.querySelector(".md-search__input");
      if (toggle && input && event.type === "click") {
        event.preventDefault();
        toggle.checked = true;
        input.focus();
      }
    }
    // A tap on the colour switch is replayed once the theme runs: on starting, the theme
    // restores the current scheme and would undo it.
    var palette = target && target.closest && target.closest('[data-md-component="palette"] label');
    if (palette && event.type === "click") event.preventDefault();
    ["click", "keydown", "focusin"].forEach(function (type) {
      document.removeEventListener(type, load, true);
    });
    var held = document.getElementById("pe-deferred-scripts");
    var scripts = held.content.querySelectorAll("script");
    Array.prototype.forEach.call(scripts, function (waiting, index) {
      var script = document.createElement("script");
      Array.prototype.forEach.call(waiting.attributes, function (a) { script.setAttribute(a.name, a.value); });
      script.async = false;  // keep their order
      script.text = waiting.text;
      if (index === scripts.length - 1) {
        // Only now has the theme taken over the search controls this page kept showing.
        script.onload = function () {
          document.documentElement.classList.remove("pe-scripts-pending");
          if (palette) setTimeout(function () { palette.click(); }, 50);
        };
      }
      document.body.appendChild(script);
    });
  }

  ["click", "keydown", "focusin"].forEach(function (type) {
    document.addEventListener(type, load, true);
  });
  // Scripts run in this browser: show the search controls Material hides for no-JS readers,
  // so tapping them is what loads the scripts.
  document.documentElement.classList.add("pe-scripts-pending");
  window.__peLoadScripts = load;  // for tests and for anything that needs the theme now
})();
