// The street map: Leaflet drawing a PMTiles archive with protomaps-leaflet.
// Bundled by esbuild into the build's own folder (scripts/build-wasm.sh) and
// fetched only when a page shows a map (boot.js: showplanMap()); the wasm
// drives it through src/street_map.rs. No network of its own but the
// archive's range requests; no inline script or style (the page's CSP).
import * as Leaflet from "leaflet";
import { leafletLayer } from "protomaps-leaflet";
import { FileSource, PMTiles } from "pmtiles";
import "leaflet/dist/leaflet.css";
import "../style/map.css";

// protomaps-leaflet extends the global Leaflet (its 1.x convention).
globalThis.L = globalThis.L ?? Leaflet;

let styles = null;
/** The map's stylesheet, beside this file; resolves once it applies. */
function stylesheet() {
  styles ??= new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("map.css", import.meta.url).href;
    link.onload = () => resolve();
    // Without it the map still works, only plainer.
    link.onerror = () => resolve();
    document.head.append(link);
  });
  return styles;
}

/** An archive from an address, or from a copy kept on this device (a Blob). */
function archive(source) {
  if (source instanceof Blob) {
    return new PMTiles(new FileSource(new File([source], "kept.pmtiles")));
  }
  return new PMTiles(String(source));
}

// "Keep the map on this device": a service worker cannot cache range
// requests, so the whole archive is kept as one Blob in IndexedDB (this
// module owns the database "showplan-map": one record, the last archive
// kept, { id: "map", url, blob, saved }).
const DB = "showplan-map";
const STORE = "kept";

function database() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function inStore(mode, work) {
  const db = await database();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      let value;
      const request = work(tx.objectStore(STORE));
      request.onsuccess = () => (value = request.result);
      tx.oncomplete = () => resolve(value);
      tx.onabort = tx.onerror = () => reject(tx.error ?? request.error);
    });
  } finally {
    db.close();
  }
}

/** The kept archive: { url, size, saved, blob }, or null. */
export async function kept() {
  try {
    const record = await inStore("readonly", (s) => s.get("map"));
    return record?.blob instanceof Blob ? { url: record.url, size: record.blob.size, saved: record.saved, blob: record.blob } : null;
  } catch {
    return null;
  }
}

/** Removes the kept archive. */
export async function forget() {
  await inStore("readwrite", (s) => s.delete("map"));
}

/**
 * Reads the archive's header: resolves with its bounds, or rejects with
 * `{ reason }`: "unreachable" (no answer, or an error status) or "not-archive".
 */
async function check(pmtiles) {
  try {
    const h = await pmtiles.getHeader();
    return { south: h.minLat, west: h.minLon, north: h.maxLat, east: h.maxLon, maxZoom: h.maxZoom };
  } catch (e) {
    const words = String(e?.message ?? e);
    throw { reason: /magic number|spec version/i.test(words) ? "not-archive" : "unreachable", words };
  }
}

const STOP_CLASSES = { start: "map-pin map-start", end: "map-pin map-end", stop: "map-pin", out: "map-pin map-left-out", home: "map-pin map-home" };

/**
 * Opens a map in `element`. `options`: url (the archive: its kept copy when
 * there is one for this address, else read by range requests), lang, labels
 * ({ zoomIn, zoomOut, map }), onTap(lat, lon) for "tap the map to place".
 * Resolves with a handle, or rejects with `{ reason, words }`.
 */
export async function open(element, options) {
  const url = String(options.url);
  const copy = await kept();
  let source = url;
  if (copy && copy.url === url) source = copy.blob;
  else if (!navigator.onLine) throw { reason: "offline", words: "offline" };
  const pmtiles = archive(source);
  const [bounds] = await Promise.all([check(pmtiles), stylesheet()]);
  const labels = options.labels ?? {};
  const map = Leaflet.map(element, {
    zoomControl: false,
    attributionControl: true,
    // Tiles show at once: no fading on a tablet's slow GPU.
    fadeAnimation: false,
    tapTolerance: 15,
    maxZoom: 18,
    minZoom: 2,
  });
  Leaflet.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" rel="noopener">Leaflet</a>');
  const tiles = leafletLayer({
    url: pmtiles,
    flavor: "light",
    lang: options.lang ?? "en",
    maxDataZoom: Math.min(15, bounds.maxZoom || 15),
    attribution:
      '<a href="https://protomaps.com" rel="noopener">Protomaps</a> © <a href="https://openstreetmap.org/copyright" rel="noopener">OpenStreetMap</a>',
  });
  tiles.addTo(map);
  // The map's container is the region a screen reader names; its tiles are pictures.
  element.setAttribute("role", "region");
  if (labels.map) element.setAttribute("aria-label", labels.map);
  map.fitBounds(
    [
      [bounds.south, bounds.west],
      [bounds.north, bounds.east],
    ],
    { animate: false },
  );
  const drawn = Leaflet.layerGroup().addTo(map);
  // The route's line is a picture of what the stop list says in words.
  map.getPanes().overlayPane.setAttribute("aria-hidden", "true");
  let placing = false;
  map.on("click", (e) => {
    if (placing && options.onTap) options.onTap(e.latlng.lat, e.latlng.lng);
  });
  const handle = {
    /**
     * Draws `places`: [{ lat, lon, label, kind, name, selected }] (kind is
     * start, end, stop, out or home) and the route through `route` ([[lat, lon]]).
     * Fits the view to them when `fit`, or when one is out of view.
     */
    show(places, route, fit) {
      drawn.clearLayers();
      if (route.length > 1) {
        Leaflet.polyline(route, { className: "map-route", interactive: false }).addTo(drawn);
      }
      for (const p of places) {
        const icon = Leaflet.divIcon({
          className: `${STOP_CLASSES[p.kind] ?? "map-pin"}${p.selected ? " map-selected" : ""}`,
          html: `<span aria-hidden="true">${escapeText(p.label)}</span>`,
          iconSize: [30, 30],
          iconAnchor: [15, 15],
        });
        const marker = Leaflet.marker([p.lat, p.lon], { icon, interactive: false, keyboard: false });
        marker.addTo(drawn);
        const el = marker.getElement();
        if (el) {
          el.setAttribute("role", "img");
          el.setAttribute("aria-label", p.name);
          el.dataset.order = p.label;
          if (p.selected) el.setAttribute("aria-current", "true");
        }
      }
      // Fitted the first time, and again only when a place is out of view
      // (a place tapped or typed in view leaves the view as it is).
      const view = map.getBounds();
      const outside = places.some((p) => !view.contains([p.lat, p.lon]));
      if ((fit || outside) && places.length > 0) {
        const box = Leaflet.latLngBounds(places.map((p) => [p.lat, p.lon]));
        map.fitBounds(box.pad(0.15), { maxZoom: 16, animate: false });
      }
    },
    /** Whether a tap on the map places something (a crosshair cursor). */
    placing(on) {
      placing = Boolean(on);
      element.classList.toggle("map-placing", placing);
    },
    /** Pans to a place, keeping the zoom (at least a street's). */
    focus(lat, lon) {
      map.setView([lat, lon], Math.max(map.getZoom(), 15));
    },
    /** The map's size changed (a panel opened, the tablet turned). */
    resize() {
      map.invalidateSize();
    },
    remove() {
      map.remove();
    },
  };
  return handle;
}

function escapeText(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The archive's size in bytes (a HEAD request), or null when not said. */
export async function size(url) {
  const r = await fetch(url, { method: "HEAD", cache: "no-store" });
  if (!r.ok) throw { reason: "unreachable", words: `${r.status}` };
  const length = Number(r.headers.get("content-length"));
  return Number.isFinite(length) && length > 0 ? length : null;
}

/**
 * Downloads the whole archive and keeps it on this device, calling
 * onProgress(received, total) as bytes come. Resolves with its size once
 * kept (and checked to be an archive); rejects with `{ reason, words }`:
 * "unreachable", "not-archive", "no-room" or "not-kept".
 */
export async function keep(url, onProgress) {
  const blob = await download(url, onProgress);
  try {
    await inStore("readwrite", (s) => s.put({ id: "map", url, blob, saved: Date.now() }));
  } catch (e) {
    const words = String(e?.message ?? e);
    throw { reason: e?.name === "QuotaExceededError" ? "no-room" : "not-kept", words };
  }
  return blob.size;
}

async function download(url, onProgress) {
  let response;
  try {
    response = await fetch(url, { cache: "no-store" });
  } catch (e) {
    throw { reason: "unreachable", words: String(e?.message ?? e) };
  }
  if (!response.ok || !response.body) throw { reason: "unreachable", words: `${response.status}` };
  const total = Number(response.headers.get("content-length")) || 0;
  const reader = response.body.getReader();
  const parts = [];
  let received = 0;
  for (;;) {
    let step;
    try {
      step = await reader.read();
    } catch (e) {
      throw { reason: "unreachable", words: String(e?.message ?? e) };
    }
    if (step.done) break;
    parts.push(step.value);
    received += step.value.byteLength;
    onProgress?.(received, total);
  }
  const blob = new Blob(parts, { type: "application/vnd.pmtiles" });
  await check(archive(blob));
  return blob;
}
