/* "Save to this phone" (guide/save_offline.py writes this file as sw.js, after the line above,
   which lists this language's files). It exists in the browser only after the reader taps
   "Save" and is gone with "Remove": the page registers and unregisters it. Saved pages open
   from the cache first, with or without signal; a new build (a new version above) is stored on
   the next visit with signal, and the old copy dropped. Other addresses go to the network. */
"use strict";
var SCOPE = self.registration.scope;
// One cache per language and version. Every language's worker shares the site's cache storage:
// each removes only its own old copies (the space ends its scope: "/" never matches "/es/").
var PREFIX = "guide-saved " + SCOPE + " ";
var CACHE = PREFIX + self.SAVED_FILES.version;
var NOT_FOUND = "404.html";

// The address a file is saved under: no query (search adds ?h=) or fragment; a folder's
// index.html is the folder, as the pages link it.
function savedKey(url) {
  var address = new URL(url, SCOPE);
  address.search = "";
  address.hash = "";
  if (/\/index\.html$/.test(address.pathname)) address.pathname = address.pathname.slice(0, -"index.html".length);
  return address.href;
}

var SAVED = new Set(self.SAVED_FILES.files.map(savedKey));

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // All or nothing: if one file fails to arrive, nothing is kept and the page says so.
    return cache.addAll(self.SAVED_FILES.files.map(function (file) {
      return new Request(savedKey(file), { cache: "no-cache" });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

// A missing page, without signal: the saved 404 page, its relative links pointed at the
// language's root (as the nginx config the build writes does), at any depth.
function notFound() {
  return caches.match(savedKey(NOT_FOUND), { cacheName: CACHE }).then(function (page) {
    if (!page) return Response.error();
    return page.text().then(function (html) {
      var base = '<base href="' + new URL(SCOPE).pathname + '">';
      return new Response(html.replace(/<head[^>]*>/i, function (head) { return head + base; }),
        { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  var key = savedKey(request.url);
  if (SAVED.has(key)) {
    // caches.match, not caches.open: opening would make the cache again after "Remove" deleted it
    // (the page stays under this worker until it is left), keeping an empty copy on the device.
    event.respondWith(caches.match(key, { cacheName: CACHE }).then(function (saved) {
      return saved || fetch(request);
    }));
  } else if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(notFound));
  }
});
