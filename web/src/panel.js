// The evidence panel: one event with every source passage and its highlighted words, or a list of events.
import { el, fill } from "./dom.js";
import { colour, label } from "./events.js";

const TIME_PRECISION = { 1: "day", 2: "week", 3: "month" };
const GEO_PRECISION = { 1: "the town itself", 2: "near a town", 3: "region", 4: "country only" };

const swatch = (type) => el("span", { class: "swatch", style: `background:${colour(type)}` });
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function showList(panel, events, total, onPick) {
  const sorted = [...events].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  fill(panel,
    el("h2", {}, `${total} events here`),
    total > events.length ? el("p", { class: "hint" }, `the first ${events.length} are listed; zoom in for the rest`) : null,
    el("ul", { class: "list" }, sorted.map((e) => el("li", {}, swatch(e.type),
      el("button", { type: "button", class: "link", "data-id": e.id, onclick: () => onPick(e.id) }, label(e))))));
}

export function showError(panel, message) {
  fill(panel, el("p", { class: "error" }, message));
}

function actor(a) {
  return a ? a.name + (a.kind ? ` (${a.kind})` : "") : "—";
}

function fatalities(f) {
  if (!f) return "none reported";
  return f.low !== f.high ? `${f.best} (${f.low}–${f.high})` : String(f.best);
}

export function showEvent(panel, detail) {
  const e = detail.event, p = e.place || {}, n = detail.sources.length;
  const rows = [
    ["When", `${e.date.start}${e.date.end !== e.date.start ? " – " + e.date.end : ""} (to the ${TIME_PRECISION[e.date.precision] || "?"})`],
    ["Where", `${p.name || "?"}${p.admin2 && p.admin2 !== p.name ? ", " + p.admin2 : ""}${p.admin1 && p.admin1 !== p.name ? ", " + p.admin1 : ""}, ${p.country || p.iso || "?"} (${GEO_PRECISION[p.precision] || "?"})`],
    ["Actor 1", actor(e.actor1)],
    ["Actor 2", actor(e.actor2)],
    ["Target", e.target || "—"],
    ["Fatalities", fatalities(e.fatalities)],
    ["Injured", e.injured ? fatalities(e.injured) : "none reported"],
    ["Claim status", el("span", { class: "claim claim-" + e.claim_status }, e.claim_status)],
    ["Outlets", `${e.corroboration} independent, ${plural(n, "source passage")}`],
  ];
  fill(panel,
    el("h2", {}, swatch(e.event_type), e.sub_event_type),
    el("p", { class: "type" }, e.event_type, " · ", el("code", {}, e.id)),
    el("dl", {}, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    e.notes && e.notes.length ? el("ul", { class: "notes" }, e.notes.map((note) => el("li", {}, note))) : null,
    merges(detail.merges || []),
    el("h3", {}, "Sources"),
    detail.sources.map(source),
  );
}

// Stored events that fusion merged into this one, each with the report that tied them.
function merges(list) {
  if (!list.length) return null;
  return [el("h3", {}, "Merged in"),
    el("ul", { class: "merges" }, list.map((m) => el("li", {}, el("code", {}, m.event_id), ` (${m.when}): `,
      el("span", { class: "reason" }, m.reason))))];
}

// Only web links become links: a stored URL is input, and javascript: must not run here.
function safeUrl(url) {
  try {
    const u = new URL(url);
    return ["http:", "https:"].includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

function source(src) {
  const a = src.article, url = a.url && safeUrl(a.url);
  const who = src.attribution.kind.replace(/_/g, " ") + (src.attribution.source ? `: ${src.attribution.source}` : "");
  const title = a.title || "article";
  return el("article", { class: "source" },
    el("header", {}, el("strong", {}, a.outlet || "unknown outlet"), ` · ${a.published || "no date"} · `,
      url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, title) : title),
    el("p", { class: "who" }, who, " · ", el("span", { class: "reason" }, src.merge_reason)),
    highlighted(src.passage, src.highlights),
    el("p", { class: "fields" }, Object.keys(src.fields).map((k) => el("mark", { class: "f-" + k, title: src.fields[k] }, k))));
}

// The passage cut at every highlight boundary; each piece inside a highlight is a <mark> naming its fields.
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
