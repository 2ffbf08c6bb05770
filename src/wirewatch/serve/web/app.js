// wirewatch page: an SVG map (equirectangular), a weekly timeline, filters and the evidence panel.
// Plain JS, no library, no network beyond this server's /api.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const COLOURS = {
  "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
  "Protests": "#27ae60", "Riots": "#a0522d", "Strategic developments": "#2471a3",
};
const TIME_PRECISION = { 1: "day", 2: "week", 3: "month" };
const GEO_PRECISION = { 1: "the town itself", 2: "near a town", 3: "region", 4: "country only" };
const CELL = 14;        // px: events closer than this on screen are drawn as one cluster
const MAX_SCALE = 400;  // px per degree at the closest zoom

const state = { events: [], view: { lon: 0, lat: 20, scale: 0 }, selected: null, weeks: [], loading: 0 };
const $ = (sel) => document.querySelector(sel);

// --- small DOM helpers -------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = ["svg", "g", "rect", "circle", "line", "text", "title", "path"].includes(tag) && attrs && attrs.svg
    ? document.createElementNS(SVGNS, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "svg" || v === null || v === undefined) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}
const s = (tag, attrs, ...children) => el(tag, { ...attrs, svg: true }, ...children);

async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function params(withDates = true) {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData($("#filters"))) if (String(v).trim()) p.set(k, String(v).trim());
  if (!withDates) { p.delete("since"); p.delete("until"); }
  return p;
}

// --- data --------------------------------------------------------------------------------------

async function loadEvents(fit) {
  const ticket = ++state.loading;
  const p = params();
  p.set("limit", "5000");
  let events = [], cursor = null;
  try {
    do {
      if (cursor) p.set("cursor", cursor);
      const page = await getJSON("api/events?" + p);
      if (ticket !== state.loading) return;  // a newer filter won
      events = events.concat(page.events);
      cursor = page.next;
    } while (cursor);
  } catch (err) {
    $("#count").textContent = "error: " + err.message;
    return;
  }
  state.events = events.filter((e) => e.place && e.place.latitude !== null && e.place.longitude !== null);
  $("#count").textContent = `${events.length} event${events.length === 1 ? "" : "s"}`;
  if (fit) fitView();
  drawMap();
  drawTimeline();
}

async function loadStats(populate) {
  const stats = await getJSON("api/stats?" + params(false));
  state.weeks = stats.by_week;
  if (populate) {
    const select = $("#filters select[name=type]");
    const byType = {};
    for (const t of stats.by_type) (byType[t.event_type] ||= []).push(t.sub_event_type);
    for (const [type, subs] of Object.entries(byType).sort()) {
      select.append(el("option", { value: type }, type));
      for (const sub of subs.sort()) select.append(el("option", { value: sub }, "\u2003" + sub));
    }
    const isos = [...new Set(stats.by_admin1.map((r) => r.iso).filter(Boolean))].sort();
    $("#countries").append(...isos.map((iso) => el("option", { value: iso })));
  }
  drawTimeline();
}

// --- map ---------------------------------------------------------------------------------------

function size(svgNode) {
  const box = svgNode.getBoundingClientRect();
  return [Math.max(box.width, 100), Math.max(box.height, 100)];
}

function project(lon, lat) {
  const [w, h] = size($("#map"));
  const v = state.view;
  return [w / 2 + (lon - v.lon) * v.scale, h / 2 - (lat - v.lat) * v.scale];
}

function unproject(x, y) {
  const [w, h] = size($("#map"));
  const v = state.view;
  return [v.lon + (x - w / 2) / v.scale, v.lat - (y - h / 2) / v.scale];
}

function worldView() {
  const [w, h] = size($("#map"));
  state.view = { lon: 0, lat: 0, scale: Math.min(w / 360, h / 180) };
}

function fitView() {
  if (!state.events.length) return worldView();
  const lons = state.events.map((e) => e.place.longitude), lats = state.events.map((e) => e.place.latitude);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const [w, h] = size($("#map"));
  const scale = Math.min(w / (maxLon - minLon + 10), h / (maxLat - minLat + 10), 60);
  state.view = { lon: (minLon + maxLon) / 2, lat: (minLat + maxLat) / 2, scale: Math.max(scale, Math.min(w / 360, h / 180)) };
}

function gridStep() {
  for (const step of [1, 2, 5, 10, 15, 30]) if (step * state.view.scale >= 60) return step;
  return 30;
}

function drawMap() {
  const map = $("#map");
  const [w, h] = size(map);
  if (!state.view.scale) worldView();
  map.setAttribute("viewBox", `0 0 ${w} ${h}`);
  map.replaceChildren();
  const [x0, y0] = project(-180, 90), [x1, y1] = project(180, -90);
  map.append(s("rect", { class: "globe", x: x0, y: y0, width: x1 - x0, height: y1 - y0 }));
  const grid = s("g", { class: "graticule" });
  const step = gridStep();
  const [lonA, latA] = unproject(0, 0), [lonB, latB] = unproject(w, h);
  for (let lon = Math.ceil(Math.max(lonA, -180) / step) * step; lon <= Math.min(lonB, 180); lon += step) {
    const [x] = project(lon, 0);
    grid.append(s("line", { x1: x, x2: x, y1: Math.max(y0, 0), y2: Math.min(y1, h) }),
      s("text", { x: x + 3, y: h - 4 }, `${Math.abs(lon)}°${lon < 0 ? "W" : lon > 0 ? "E" : ""}`));
  }
  for (let lat = Math.ceil(Math.max(latB, -90) / step) * step; lat <= Math.min(latA, 90); lat += step) {
    const [, y] = project(0, lat);
    grid.append(s("line", { x1: Math.max(x0, 0), x2: Math.min(x1, w), y1: y, y2: y }),
      s("text", { x: 4, y: y - 3 }, `${Math.abs(lat)}°${lat < 0 ? "S" : lat > 0 ? "N" : ""}`));
  }
  map.append(grid);
  const layer = s("g", { class: "events" });
  for (const group of clusters(w, h)) layer.append(group.length === 1 ? dot(group[0]) : cluster(group));
  map.append(layer);
}

function radius(e) { return 4 + 3 * Math.sqrt(e.corroboration || 1); }

function clusters(w, h) {
  const cells = new Map();
  for (const e of state.events) {
    const [x, y] = project(e.place.longitude, e.place.latitude);
    if (x < -CELL || y < -CELL || x > w + CELL || y > h + CELL) continue;
    const key = `${Math.floor(x / CELL)},${Math.floor(y / CELL)}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(e);
  }
  // largest first, so small marks stay on top and clickable
  return [...cells.values()].sort((a, b) => b.length - a.length || radius(b[0]) - radius(a[0]));
}

function label(e) {
  const p = e.place;
  return `${e.date.start} · ${e.sub_event_type} · ${p.name}${p.admin1 && p.admin1 !== p.name ? ", " + p.admin1 : ""} (${p.iso || "?"})`;
}

function dot(e) {
  const [x, y] = project(e.place.longitude, e.place.latitude);
  return s("circle", {
    cx: x, cy: y, r: radius(e), fill: COLOURS[e.event_type] || "#777", "data-id": e.id, tabindex: 0,
    class: "event" + (e.id === state.selected ? " selected" : ""),
    onclick: () => showEvent(e.id), onkeydown: (ev) => { if (ev.key === "Enter") showEvent(e.id); },
  }, s("title", {}, `${label(e)} · ${e.corroboration} outlet${e.corroboration === 1 ? "" : "s"}`));
}

function cluster(events) {
  const pts = events.map((e) => project(e.place.longitude, e.place.latitude));
  const x = pts.reduce((a, p) => a + p[0], 0) / pts.length, y = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  const r = 9 + 3 * Math.sqrt(events.length);
  return s("g", { class: "cluster", tabindex: 0, onclick: () => showList(events), onkeydown: (ev) => { if (ev.key === "Enter") showList(events); } },
    s("circle", { cx: x, cy: y, r }), s("text", { x, y: y + 4 }, String(events.length)),
    s("title", {}, `${events.length} events here: click to list them, scroll to zoom in`));
}

function setupMapGestures() {
  const map = $("#map");
  map.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const box = map.getBoundingClientRect();
    const [lon, lat] = unproject(ev.clientX - box.left, ev.clientY - box.top);
    const [w, h] = size(map);
    const scale = Math.min(Math.max(state.view.scale * Math.exp(-ev.deltaY * 0.002), Math.min(w / 360, h / 180)), MAX_SCALE);
    // keep the point under the cursor where it is
    state.view = { scale, lon: lon - (ev.clientX - box.left - w / 2) / scale, lat: lat + (ev.clientY - box.top - h / 2) / scale };
    drawMap();
  }, { passive: false });
  let drag = null;
  map.addEventListener("pointerdown", (ev) => { drag = { x: ev.clientX, y: ev.clientY, view: { ...state.view }, moved: false }; });
  map.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) map.setPointerCapture(ev.pointerId);
    drag.moved = true;
    state.view = { ...drag.view, lon: drag.view.lon - dx / drag.view.scale, lat: drag.view.lat + dy / drag.view.scale };
    drawMap();
  });
  const end = () => { drag = null; };
  map.addEventListener("pointerup", end);
  map.addEventListener("pointercancel", end);
  $("#fit").addEventListener("click", () => { fitView(); drawMap(); });
  $("#world").addEventListener("click", () => { worldView(); drawMap(); });
}

function drawLegend() {
  $("#legend").replaceChildren(...Object.entries(COLOURS).map(([type, colour]) =>
    el("li", {}, el("span", { class: "swatch", style: `background:${colour}` }), type)),
    el("li", { class: "note" }, "size: independent outlets"));
}

// --- timeline ----------------------------------------------------------------------------------

const DAY = 86400000;
const day = (iso) => Date.parse(iso + "T00:00:00Z");
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

function drawTimeline() {
  const svg = $("#timeline");
  const [w, h] = size(svg);
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  svg.replaceChildren();
  const weeks = state.weeks;
  if (!weeks.length) { svg.append(s("text", { x: 8, y: h / 2, class: "empty" }, "no events")); return; }
  const first = day(weeks[0].start), last = day(weeks[weeks.length - 1].start) + 7 * DAY;
  const pad = 24, base = h - 18, top = 8;
  const x = (ms) => pad + (ms - first) / (last - first) * (w - 2 * pad);
  const max = Math.max(...weeks.map((b) => b.count));
  const since = $("#filters [name=since]").value, until = $("#filters [name=until]").value;
  const inRange = (b) => (!since || b.start >= iso(day(since) - 6 * DAY)) && (!until || b.start <= until);
  for (const b of weeks) {
    const x0 = x(day(b.start)), x1 = x(day(b.start) + 7 * DAY), bh = (base - top) * b.count / max;
    svg.append(s("rect", { class: "bar" + (inRange(b) ? "" : " out"), x: x0 + 0.5, y: base - bh, width: Math.max(x1 - x0 - 1, 1), height: bh },
      s("title", {}, `week ${b.week} (from ${b.start}): ${b.count} event${b.count === 1 ? "" : "s"}`)));
  }
  svg.append(s("line", { class: "axis", x1: pad, x2: w - pad, y1: base, y2: base }));
  const ticks = Math.min(6, Math.max(2, Math.floor(w / 140)));
  for (let i = 0; i <= ticks; i++) {
    const ms = first + (last - first) * i / ticks;
    svg.append(s("text", { class: "tick", x: x(ms), y: h - 4 }, iso(ms)));
  }
  if (since || until) {
    const a = x(since ? day(since) : first), b = x(until ? day(until) + DAY : last);
    svg.append(s("rect", { class: "brush", x: a, y: top - 4, width: Math.max(b - a, 1), height: base - top + 4 }));
  }
  svg.dataset.first = first; svg.dataset.last = last; svg.dataset.pad = pad;
}

function setupBrush() {
  const svg = $("#timeline");
  let start = null;
  const when = (ev) => {
    const box = svg.getBoundingClientRect(), pad = +svg.dataset.pad, first = +svg.dataset.first, last = +svg.dataset.last;
    const f = Math.min(Math.max((ev.clientX - box.left - pad) / (box.width - 2 * pad), 0), 1);
    const ms = first + f * (last - first);
    return first + Math.floor((ms - first) / (7 * DAY)) * 7 * DAY;  // the week's Monday
  };
  const apply = (a, b) => {
    $("#filters [name=since]").value = iso(Math.min(a, b));
    $("#filters [name=until]").value = iso(Math.max(a, b) + 6 * DAY);
  };
  svg.addEventListener("pointerdown", (ev) => {
    if (!state.weeks.length) return;
    start = when(ev);
    svg.setPointerCapture(ev.pointerId);
    apply(start, start);
    drawTimeline();
  });
  svg.addEventListener("pointermove", (ev) => { if (start !== null) { apply(start, when(ev)); drawTimeline(); } });
  svg.addEventListener("pointerup", (ev) => {
    if (start === null) return;
    apply(start, when(ev));
    start = null;
    loadEvents(false);
  });
  svg.addEventListener("dblclick", () => {
    $("#filters [name=since]").value = ""; $("#filters [name=until]").value = "";
    loadEvents(false);
  });
}

// --- evidence panel ----------------------------------------------------------------------------

function showList(events) {
  const sorted = [...events].sort((a, b) => a.date.start.localeCompare(b.date.start));
  $("#panel").replaceChildren(
    el("h2", {}, `${events.length} events here`),
    el("ul", { class: "list" }, sorted.map((e) => el("li", {},
      el("span", { class: "swatch", style: `background:${COLOURS[e.event_type] || "#777"}` }),
      el("button", { type: "button", class: "link", onclick: () => showEvent(e.id) }, label(e))))));
}

async function showEvent(id) {
  state.selected = id;
  history.replaceState(null, "", "#" + encodeURIComponent(id));  // a link to this event
  drawMap();
  let detail;
  try {
    detail = await getJSON("api/events/" + encodeURIComponent(id));
  } catch (err) {
    $("#panel").replaceChildren(el("p", { class: "error" }, err.message));
    return;
  }
  const e = detail.event, p = e.place, f = e.fatalities;
  const rows = [
    ["When", `${e.date.start}${e.date.end !== e.date.start ? " – " + e.date.end : ""} (to the ${TIME_PRECISION[e.date.precision] || "?"})`],
    ["Where", `${p.name}${p.admin1 && p.admin1 !== p.name ? ", " + p.admin1 : ""}, ${p.country || p.iso || "?"} (${GEO_PRECISION[p.precision] || "?"})`],
    ["Actor 1", e.actor1 ? e.actor1.name + (e.actor1.kind ? ` (${e.actor1.kind})` : "") : "—"],
    ["Actor 2", e.actor2 ? e.actor2.name + (e.actor2.kind ? ` (${e.actor2.kind})` : "") : "—"],
    ["Target", e.target || "—"],
    ["Fatalities", f ? (f.low !== f.high ? `${f.best} (${f.low}–${f.high})` : String(f.best)) : "none reported"],
    ["Claim status", el("span", { class: "claim claim-" + e.claim_status }, e.claim_status)],
    ["Outlets", `${e.corroboration} independent, ${detail.sources.length} source passage${detail.sources.length === 1 ? "" : "s"}`],
  ];
  $("#panel").replaceChildren(...[
    el("h2", {}, el("span", { class: "swatch", style: `background:${COLOURS[e.event_type] || "#777"}` }), e.sub_event_type),
    el("p", { class: "type" }, e.event_type, " · ", el("code", {}, e.id)),
    el("dl", {}, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    e.notes && e.notes.length ? el("ul", { class: "notes" }, e.notes.map((n) => el("li", {}, n))) : null,
    el("h3", {}, "Sources"),
    detail.sources.map(source),
  ].flat().filter(Boolean));
}

function safeUrl(url) {
  try { const u = new URL(url); return ["http:", "https:"].includes(u.protocol) ? u.href : null; } catch { return null; }
}

function source(src) {
  const a = src.article, url = a.url && safeUrl(a.url);
  const who = src.attribution.kind.replace(/_/g, " ") + (src.attribution.source ? `: ${src.attribution.source}` : "");
  return el("article", { class: "source" },
    el("header", {}, el("strong", {}, a.outlet || "unknown outlet"), ` · ${a.published || "no date"} · `,
      url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, a.title || "article") : (a.title || "article")),
    el("p", { class: "who" }, who, " · ", el("span", { class: "reason" }, src.merge_reason)),
    highlighted(src.passage, src.highlights),
    el("p", { class: "fields" }, Object.keys(src.fields).map((k) => el("mark", { class: "f-" + k, title: src.fields[k] }, k))));
}

function highlighted(passage, spans) {
  const cuts = [...new Set([0, passage.length, ...spans.flatMap((h) => [h.start, h.end])])].sort((a, b) => a - b);
  const out = el("p", { class: "passage" });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i], b = cuts[i + 1], text = passage.slice(a, b);
    const on = spans.filter((h) => h.start <= a && b <= h.end).map((h) => h.field);
    out.append(on.length ? el("mark", { class: on.map((f) => "f-" + f).join(" "), title: on.join(", ") }, text) : text);
  }
  return out;
}

// --- start -------------------------------------------------------------------------------------

function setupFilters() {
  const form = $("#filters");
  let timer = null;
  const reload = () => { loadStats(false); loadEvents(true); };
  form.addEventListener("change", reload);
  form.addEventListener("input", (ev) => {
    if (ev.target.type !== "search" && ev.target.name !== "country") return;
    clearTimeout(timer);
    timer = setTimeout(reload, 350);
  });
  form.addEventListener("submit", (ev) => { ev.preventDefault(); reload(); });
  form.addEventListener("reset", () => setTimeout(reload, 0));
}

window.addEventListener("DOMContentLoaded", async () => {
  drawLegend();
  setupMapGestures();
  setupBrush();
  setupFilters();
  window.addEventListener("resize", () => { drawMap(); drawTimeline(); });
  try {
    await loadStats(true);
  } catch (err) {
    $("#count").textContent = "error: " + err.message;
  }
  await loadEvents(true);
  if (location.hash.length > 1) showEvent(decodeURIComponent(location.hash.slice(1)));
});
