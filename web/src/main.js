// wirewatch page: wires the map, the timeline, the filters and the evidence panel to this server's /api.
// Everything it draws comes from one request (/api/points); an event's sources are fetched when opened.
import { $, el, getJSON } from "./dom.js";
import { TYPES, inRange, placed, toEvents, weeks } from "./events.js";
import { createMap } from "./map.js";
import { showError, showEvent, showList } from "./panel.js";
import { createTimeline } from "./timeline.js";

// The date fields filter here, on what is loaded; the others go to the server.
const DATE_FIELDS = ["since", "until"];
const state = { events: [], selected: null, ticket: 0, populated: false };
// A debug and test hook: renderedAt (ms since navigation) is set once the first events are drawn.
const hook = (window.wirewatch = { renderedAt: null, loads: 0, state });

const form = () => $("#filters");
const dates = () => DATE_FIELDS.map((name) => form().elements[name].value);

function serverParams() {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form())) if (!DATE_FIELDS.includes(k) && String(v).trim()) p.set(k, String(v).trim());
  return p;
}

function populate(events) {
  const types = new Map();
  for (const e of events) (types.get(e.type) || types.set(e.type, new Set()).get(e.type)).add(e.sub);
  const select = form().elements.type;
  for (const [type, subs] of [...types].sort((a, b) => a[0].localeCompare(b[0]))) {
    select.append(el("option", { value: type }, type));
    for (const sub of [...subs].sort()) select.append(el("option", { value: sub }, "\u2003" + sub));
  }
  const isos = [...new Set(events.map((e) => e.iso).filter(Boolean))].sort();
  $("#countries").append(...isos.map((iso) => el("option", { value: iso })));
}

async function load(fit) {
  const ticket = ++state.ticket;
  $("#count").textContent = "loading…";
  let body;
  try {
    body = await getJSON("api/points?" + serverParams());
  } catch (err) {
    if (ticket === state.ticket) $("#count").textContent = "error: " + err.message;
    return;
  }
  if (ticket !== state.ticket) return;  // a newer filter won
  state.events = toEvents(body.columns);
  if (!state.populated) { populate(state.events); state.populated = true; }
  hook.loads += 1;
  apply(fit, body.truncated);
}

// Draw the loaded events that fall in the picked dates.
function apply(fit, truncated = false) {
  const [since, until] = dates();
  const shown = state.events.filter((e) => inRange(e, since, until)), onMap = shown.filter(placed);
  map.setEvents(onMap, fit);
  timeline.draw(weeks(state.events), since, until);
  const off = shown.length - onMap.length;
  $("#count").textContent = `${shown.length} event${shown.length === 1 ? "" : "s"}`
    + (since || until ? ` of ${state.events.length}` : "") + (off ? ` (${off} without coordinates)` : "")
    + (truncated ? " (truncated: narrow the filters)" : "");
  if (hook.renderedAt === null) requestAnimationFrame(() => setTimeout(() => { hook.renderedAt = performance.now(); }));
}

async function openEvent(id, followed = false) {
  state.selected = id;
  map.select(id);
  history.replaceState(null, "", "#" + encodeURIComponent(id));  // a link to this event
  try {
    showEvent($("#panel"), await getJSON("api/events/" + encodeURIComponent(id)));
  } catch (err) {
    // A link to an event that fusion has since merged into another opens that one. Once: merged_into is
    // already the end of the chain, and a store whose merge records loop must not send the page round them.
    const kept = err.body && err.body.merged_into;
    if (kept && !followed) return openEvent(kept, true);
    showError($("#panel"), err.message);
  }
}

function setDates(since, until) {
  form().elements.since.value = since;
  form().elements.until.value = until;
}

// The events are asked for first, so that the server works while the map is being built.
const first = load(true);
const map = createMap($("#map"), { onEvent: openEvent, onCluster: (events, total) => showList($("#panel"), events, total, openEvent) });
const timeline = createTimeline($("#timeline"), {
  onBrush(since, until, done) {
    setDates(since, until);
    if (done) apply(false); else timeline.draw(weeks(state.events), since, until);
  },
});

function setupFilters() {
  let timer = null;
  const changed = (ev) => (DATE_FIELDS.includes(ev.target.name) ? apply(false) : load(true));
  form().addEventListener("change", changed);
  form().addEventListener("input", (ev) => {
    if (ev.target.type !== "search" && ev.target.name !== "country") return;
    clearTimeout(timer);
    timer = setTimeout(() => load(true), 350);
  });
  form().addEventListener("submit", (ev) => { ev.preventDefault(); load(true); });
  form().addEventListener("reset", () => setTimeout(() => load(true), 0));
  $("#fit").addEventListener("click", () => map.fit());
  $("#world").addEventListener("click", () => map.world());
}

function drawLegend() {
  $("#legend").replaceChildren(...TYPES.map(([type, c]) => el("li", {}, el("span", { class: "swatch", style: `background:${c}` }), type)),
    el("li", { class: "note" }, "size: independent outlets; rings: clusters by type"));
}

hook.markers = () => map.markers();
hook.open = openEvent;
drawLegend();
setupFilters();
first.then(() => { if (location.hash.length > 1) openEvent(decodeURIComponent(location.hash.slice(1))); });
