// Registers the service worker that keeps Showplan working offline, and
// tells the app when a new version is installed and waiting: a window event,
// and `window.showplanUpdateReady`, since the worker can report before the
// app has started listening (on every load while an update waits).
// A file, not inline script: the Content-Security-Policy allows no inline script.
if ("serviceWorker" in navigator) {
  const announce = (worker) => {
    window.showplanUpdateReady = true;
    window.dispatchEvent(new CustomEvent("showplan:update-ready", { detail: worker }));
  };
  navigator.serviceWorker
    .register("sw.js")
    .then((reg) => {
      if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
      reg.addEventListener("updatefound", () => {
        const worker = reg.installing;
        worker?.addEventListener("statechange", () => {
          if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
        });
      });
    })
    .catch(() => {
      // No service worker (a development server, or a host without one): the app still runs.
    });
  // The app's "Reload" button asks the waiting worker to take over; the page
  // reloads once it has, so it never mixes files of two versions.
  window.addEventListener("showplan:apply-update", () => {
    navigator.serviceWorker.getRegistration().then((reg) => reg?.waiting?.postMessage({ type: "SKIP_WAITING" }));
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!reloading) {
      reloading = true;
      location.reload();
    }
  });
}
