/* The end of every page (overrides/partials/share.html, save-offline.html).
   Share: the phone's own share sheet where there is one; else the plain links stay, made from
   the address in the browser when the page has no public one.
   Save to this phone: shown only where a service worker can keep the guide (http(s), not the
   offline copy). The state is read from the browser itself (is this language's worker
   registered, is its cache there), never from storage of our own: nothing is kept before a tap. */
(function () {
  "use strict";

  var share = document.querySelector("[data-pe-share]");
  if (share) {
    var title = share.getAttribute("data-title");
    var url = share.getAttribute("data-url");
    var button = share.querySelector("[data-pe-share-button]");
    var links = share.querySelector("[data-pe-share-links]");
    if (navigator.share) {
      button.hidden = false;
      links.hidden = true;
      button.addEventListener("click", function () {
        navigator.share({ title: title, url: url || location.href.split("#")[0] }).catch(function () {});
      });
    } else if (!url && /^https?:$/.test(location.protocol)) {
      var here = location.href.split("#")[0];
      share.querySelector("[data-pe-share-text]").href = "sms:?&body=" + encodeURIComponent(title + " " + here);
      share.querySelector("[data-pe-share-email]").href =
        "mailto:?subject=" + encodeURIComponent(title) + "&body=" + encodeURIComponent(here);
      links.hidden = false;
    }
  }

  var save = document.querySelector("[data-pe-save]");
  if (!save || !/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator) || !window.caches) return;
  var worker = new URL(save.getAttribute("data-worker"), location.href).href;
  var scope = new URL(save.getAttribute("data-scope"), location.href).href;
  var prefix = "guide-saved " + scope + " ";  // the worker's cache names (guide/offline_worker.js)
  var saveButton = save.querySelector("[data-pe-save-button]");
  var saved = save.querySelector("[data-pe-saved]");
  var note = save.querySelector("[data-pe-save-note]");
  var status = save.querySelector("[data-pe-save-status]");

  function registration() {  // this language's own, not another language's that covers it too
    return navigator.serviceWorker.getRegistration(scope).then(function (found) {
      return found && found.scope === scope ? found : null;
    });
  }
  function ourCaches() {
    return caches.keys().then(function (names) {
      return names.filter(function (name) { return name.indexOf(prefix) === 0; });
    });
  }
  function show(isSaved, message) {
    saveButton.hidden = isSaved;
    note.hidden = isSaved;
    saved.hidden = !isSaved;
    status.textContent = message || "";
    save.hidden = false;
  }
  function refresh() {
    return Promise.all([registration(), ourCaches()]).then(function (found) {
      show(Boolean(found[0] && found[1].length));
    });
  }
  function active(found) {  // resolves once the worker has stored everything, or rejects
    return new Promise(function (resolve, reject) {
      var next = found.installing || found.waiting;
      if (!next) return found.active ? resolve() : reject(new Error("no worker"));
      next.addEventListener("statechange", function () {
        if (next.state === "activated") resolve();
        else if (next.state === "redundant") reject(new Error("not saved"));
      });
    });
  }
  function remove() {
    return registration().then(function (found) {
      return found ? found.unregister() : true;
    }).then(ourCaches).then(function (names) {
      return Promise.all(names.map(function (name) { return caches.delete(name); }));
    });
  }

  saveButton.addEventListener("click", function () {
    saveButton.disabled = true;
    status.textContent = status.getAttribute("data-saving");
    navigator.serviceWorker.register(worker, { scope: scope }).then(active).then(refresh).catch(function () {
      return remove().then(function () { show(false, status.getAttribute("data-failed")); });
    }).then(function () { saveButton.disabled = false; });
  });
  save.querySelector("[data-pe-remove]").addEventListener("click", function () {
    remove().then(refresh);
  });
  refresh();
})();
