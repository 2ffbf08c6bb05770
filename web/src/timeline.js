// The weekly histogram under the map; dragging across it picks a date range (double click clears it).
import { svg } from "./dom.js";
import { DAY, isoDay } from "./events.js";

const PAD = 24;

function size(node) {
  const box = node.getBoundingClientRect();
  return [Math.max(box.width, 100), Math.max(box.height, 60)];
}

export function createTimeline(node, { onBrush }) {
  let bins = [], first = 0, last = 0, dates = ["", ""];

  function draw(weekBins, since, until) {
    bins = weekBins; dates = [since, until];
    const [w, h] = size(node);
    node.setAttribute("viewBox", `0 0 ${w} ${h}`);
    node.replaceChildren();
    if (!bins.length) { node.append(svg("text", { x: 8, y: h / 2, class: "empty" }, "no events")); return; }
    first = bins[0].start; last = bins[bins.length - 1].start + 7 * DAY;
    const base = h - 18, top = 8, max = Math.max(...bins.map((b) => b.count));
    const x = (ms) => PAD + ((ms - first) / (last - first)) * (w - 2 * PAD);
    const shown = (b) => (!since || isoDay(b.start + 6 * DAY) >= since) && (!until || isoDay(b.start) <= until);
    const bars = svg("g", { class: "bars" });
    for (const b of bins) {
      const x0 = x(b.start), x1 = x(b.start + 7 * DAY), bh = Math.max(((base - top) * b.count) / max, 1);
      bars.append(svg("rect", { class: "bar" + (shown(b) ? "" : " out"), x: x0 + 0.5, y: base - bh,
        width: Math.max(x1 - x0 - 1, 1), height: bh },
      svg("title", {}, `week from ${isoDay(b.start)}: ${b.count} event${b.count === 1 ? "" : "s"}`)));
    }
    node.append(bars, svg("line", { class: "axis", x1: PAD, x2: w - PAD, y1: base, y2: base }));
    const ticks = Math.min(6, Math.max(2, Math.floor(w / 140)));
    for (let i = 0; i <= ticks; i++) {
      const ms = first + ((last - first) * i) / ticks;
      node.append(svg("text", { class: "tick", x: x(ms), y: h - 4 }, isoDay(ms)));
    }
    if (since || until) {
      const a = x(since ? Math.max(Date.parse(since), first) : first), b = x(until ? Math.min(Date.parse(until) + DAY, last) : last);
      node.append(svg("rect", { class: "brush", x: a, y: top - 4, width: Math.max(b - a, 1), height: base - top + 4 }));
    }
  }

  // The Monday of the week under the pointer.
  function weekAt(ev) {
    const box = node.getBoundingClientRect();
    const f = Math.min(Math.max((ev.clientX - box.left - PAD) / (box.width - 2 * PAD), 0), 0.9999);
    return first + Math.floor((f * (last - first)) / (7 * DAY)) * 7 * DAY;
  }

  let from = null;
  const range = (a, b) => [isoDay(Math.min(a, b)), isoDay(Math.max(a, b) + 6 * DAY)];
  node.addEventListener("pointerdown", (ev) => {
    if (!bins.length) return;
    from = weekAt(ev);
    node.setPointerCapture(ev.pointerId);
    onBrush(...range(from, from), false);
  });
  node.addEventListener("pointermove", (ev) => { if (from !== null) onBrush(...range(from, weekAt(ev)), false); });
  node.addEventListener("pointerup", (ev) => {
    if (from === null) return;
    const picked = range(from, weekAt(ev));
    from = null;
    onBrush(...picked, true);
  });
  node.addEventListener("dblclick", () => onBrush("", "", true));
  window.addEventListener("resize", () => draw(bins, ...dates));
  return { draw };
}
