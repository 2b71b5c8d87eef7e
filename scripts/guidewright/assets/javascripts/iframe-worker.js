/* Worker stand-in for pages opened from file:// (USB stick, kiosk, shared folder), where
   browsers refuse `new Worker()` and so site search would never start. It runs the worker
   script in a hidden same-origin iframe and relays messages both ways, which is all
   Material's search worker needs. Our own code: nothing is fetched from a CDN. The file name
   contains "iframe-worker" so Material's offline plugin does not add its CDN shim. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.queue = [];
      const frame = document.createElement("iframe");
      frame.hidden = true;
      frame.tabIndex = -1;
      frame.title = "Search helper";
      frame.setAttribute("aria-hidden", "true");
      document.body.appendChild(frame);
      this.frame = frame;
      this.scope = frame.contentWindow;
      // The worker script's globals: what it posts comes back to this page.
      this.scope.postMessage = (data) => this.deliver(data);
      // Search in other languages loads its stemmers with importScripts. Material's worker
      // awaits it, so loading them in order as script tags in the frame does the job.
      this.scope.importScripts = (...urls) =>
        urls.reduce((done, next) => done.then(() => this.load(next)), Promise.resolve());
      this.load(url).then(() => {
        const waiting = this.queue;
        this.queue = null;
        waiting.forEach((data) => this.postMessage(data));
      }, (error) => {
        const event = new ErrorEvent("error", { message: error.message });
        if (this.onerror) this.onerror(event);
        this.dispatchEvent(event);
      });
    }

    load(url) {
      return new Promise((resolve, reject) => {
        const script = this.scope.document.createElement("script");
        script.src = new URL(url, location.href).href;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`Could not load ${script.src}`));
        this.scope.document.head.appendChild(script);
      });
    }

    postMessage(data) {
      if (this.queue) return void this.queue.push(data);
      // Clone into the frame's realm, as a real worker would receive a copy.
      const copy = this.scope.structuredClone(data);
      this.scope.dispatchEvent(new this.scope.MessageEvent("message", { data: copy }));
    }

    deliver(data) {
      const event = new MessageEvent("message", { data: structuredClone(data) });
      if (this.onmessage) this.onmessage(event);
      this.dispatchEvent(event);
    }

    terminate() {
      this.frame.remove();
    }
  }

  window.Worker = FrameWorker;
  // By this name Material's search worker knows it runs in a frame, and finds its language
  // files beside its own script rather than relative to the page.
  window.IFrameWorker = FrameWorker;
})();
