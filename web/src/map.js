// The map: Leaflet over country borders from world-atlas (no tiles), events clustered by supercluster.
// Only the clusters and points in view are in the DOM, so 10,000 events cost a few hundred elements.
import L from "leaflet";
import Supercluster from "supercluster";
import { feature } from "topojson-client";
import countries from "world-atlas/countries-110m.json";
import { TYPES, colour, label, typeSlot } from "./events.js";

const MAX_ZOOM = 12;
const BORDERS = { color: "#a9b6c5", weight: 0.8, fillColor: "#fbfaf6", fillOpacity: 1 };

// Natural Earth cuts Russia and Fiji at the antimeridian, and the stitched rings jump from 180° to -180°:
// drawn flat, that jump is a band across the whole map. Shifting by 360° keeps each ring continuous.
function unwrap(ring) {
  let shift = 0, previous = null;
  return ring.map(([lon, lat]) => {
    if (previous !== null) {
      const step = lon + shift - previous;
      if (step > 180) shift -= 360; else if (step < -180) shift += 360;
    }
    previous = lon + shift;
    return [previous, lat];
  });
}

function borders() {
  const world = feature(countries, countries.objects.countries);
  for (const f of world.features) {
    const g = f.geometry;
    if (g && g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
    if (g && g.type === "MultiPolygon") g.coordinates = g.coordinates.map((polygon) => polygon.map(unwrap));
  }
  return world;
}

const radius = (corroboration) => 4 + 3 * Math.sqrt(corroboration || 1);

function oneHot(type) {
  const counts = new Array(TYPES.length + 1).fill(0);
  counts[typeSlot(type)] = 1;
  return counts;
}

// A cluster's ring: one arc per event type, as wide as its share of the events.
function ring(counts, total) {
  let at = 0;
  const stops = [];
  counts.forEach((n, i) => {
    if (!n) return;
    const next = at + (360 * n) / total, c = i < TYPES.length ? TYPES[i][1] : colour(null);
    stops.push(`${c} ${at.toFixed(1)}deg ${next.toFixed(1)}deg`);
    at = next;
  });
  return `conic-gradient(${stops.join(", ")})`;
}

export function createMap(node, { onEvent, onCluster }) {
  const map = L.map(node, { center: [20, 0], zoom: 2, minZoom: 1, maxZoom: MAX_ZOOM, zoomSnap: 0.5,
    worldCopyJump: true, attributionControl: false });
  L.control.attribution({ prefix: false }).addAttribution("Borders: Natural Earth").addTo(map);
  L.geoJSON(borders(),
    { renderer: L.canvas({ padding: 0.2 }), interactive: false, style: BORDERS }).addTo(map);
  const layer = L.layerGroup().addTo(map);
  let index = null, events = [], drawn = [], selected = null;

  function pointMarker(e) {
    const d = Math.round(2 * radius(e.corroboration));
    const marker = L.marker([e.lat, e.lon], { icon: L.divIcon({ className: "ww-point", iconSize: [d, d] }),
      title: `${label(e)} · ${e.corroboration} outlet${e.corroboration === 1 ? "" : "s"}`, riseOnHover: true });
    marker.on("click", () => onEvent(e.id));
    layer.addLayer(marker);
    const icon = marker.getElement();
    icon.dataset.id = e.id;
    icon.style.background = colour(e.type);
    icon.classList.toggle("selected", e.id === selected);
    return { kind: "point", id: e.id, count: 1, marker };
  }

  function clusterMarker(f) {
    const { cluster_id: id, point_count: count, types } = f.properties;
    const [lon, lat] = f.geometry.coordinates, d = Math.round(26 + 8 * Math.log10(count));
    const marker = L.marker([lat, lon], { icon: L.divIcon({ className: "ww-cluster", iconSize: [d, d],
      html: `<span>${count}</span>` }), title: `${count} events here: click to list them and zoom in`,
      zIndexOffset: -1000 });  // Leaflet stacks markers by latitude; single events go above clusters
    marker.on("click", () => {
      const zoom = index.getClusterExpansionZoom(id);
      onCluster(index.getLeaves(id, 1000).map((leaf) => leaf.properties), count);
      if (zoom <= MAX_ZOOM) map.flyTo([lat, lon], zoom, { duration: 0.4 });
    });
    layer.addLayer(marker);
    const icon = marker.getElement();
    icon.dataset.cluster = id;
    icon.dataset.count = count;
    icon.style.background = ring(types, count);
    return { kind: "cluster", id, count, marker };
  }

  function draw() {
    layer.clearLayers();
    if (!index) return;
    const b = map.getBounds(), zoom = Math.floor(map.getZoom());
    const view = [b.getWest(), Math.max(b.getSouth(), -90), b.getEast(), Math.min(b.getNorth(), 90)];
    // largest first, so that small marks end on top and stay clickable
    const found = index.getClusters(view, zoom).sort((a, b) => (b.properties.point_count || 1) - (a.properties.point_count || 1));
    drawn = found.map((f) => (f.properties.cluster ? clusterMarker(f) : pointMarker(f.properties)));
  }
  map.on("moveend", draw);

  return {
    leaflet: map,
    // Replace the events on the map (only those with coordinates); fit: move the view onto them.
    setEvents(list, fit) {
      events = list;
      // extent 256: Leaflet's tile size, so that the radius is in screen pixels
      index = new Supercluster({ radius: 40, extent: 256, maxZoom: MAX_ZOOM, map: (e) => ({ types: oneHot(e.type) }),
        reduce: (acc, more) => { for (let i = 0; i < acc.types.length; i++) acc.types[i] += more.types[i]; } });
      index.load(list.map((e) => ({ type: "Feature", geometry: { type: "Point", coordinates: [e.lon, e.lat] }, properties: e })));
      if (fit) this.fit(); else draw();
    },
    fit() {
      if (!events.length) return this.world();
      let [s, w, n, e] = [90, 180, -90, -180];
      for (const ev of events) { s = Math.min(s, ev.lat); n = Math.max(n, ev.lat); w = Math.min(w, ev.lon); e = Math.max(e, ev.lon); }
      map.fitBounds([[s, w], [n, e]], { padding: [36, 36], maxZoom: 7, animate: false });  // moveend draws
    },
    world() { map.setView([20, 0], 2, { animate: false }); },
    select(id) {
      selected = id;
      for (const icon of node.querySelectorAll(".ww-point")) icon.classList.toggle("selected", icon.dataset.id === id);
    },
    // What is drawn now: [{kind, id, count, x, y}] with x, y in pixels from the map's top left corner.
    markers: () => drawn.map(({ kind, id, count, marker }) => {
      const p = map.latLngToContainerPoint(marker.getLatLng());
      return { kind, id, count, x: p.x, y: p.y };
    }),
  };
}
