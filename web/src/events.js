// The events as the page holds them: built from /api/points columns, filtered by date, binned by week.

export const TYPES = [
  ["Battles", "#c0392b"], ["Explosions/Remote violence", "#e67e22"], ["Violence against civilians", "#8e44ad"],
  ["Protests", "#27ae60"], ["Riots", "#a0522d"], ["Strategic developments", "#2471a3"],
];
const OTHER = "#7f8c8d";
const TYPE_INDEX = new Map(TYPES.map(([name], i) => [name, i]));

export const DAY = 86400000;
export const day = (iso) => Date.parse(iso + "T00:00:00Z");
export const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

export function colour(type) {
  const i = TYPE_INDEX.get(type);
  return i === undefined ? OTHER : TYPES[i][1];
}

// The slot of a type in TYPES, or TYPES.length for any other.
export function typeSlot(type) {
  const i = TYPE_INDEX.get(type);
  return i === undefined ? TYPES.length : i;
}

export function toEvents(columns) {
  const c = columns, out = new Array(c.id.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = {
      id: c.id[i], start: c.start[i], end: c.end[i], lon: c.lon[i], lat: c.lat[i], type: c.event_type[i],
      sub: c.sub_event_type[i], corroboration: c.corroboration[i], place: c.place[i], admin1: c.admin1[i], iso: c.iso[i],
    };
  }
  return out;
}

// The same rule as the API's since/until: the event's days overlap the range.
export const inRange = (e, since, until) => (!since || e.end >= since) && (!until || e.start <= until);

export const placed = (e) => e.lat !== null && e.lon !== null && e.lat !== undefined && e.lon !== undefined;

export function label(e) {
  const where = e.place ? e.place + (e.admin1 && e.admin1 !== e.place ? ", " + e.admin1 : "") : "no place";
  return `${e.start} · ${e.sub} · ${where} (${e.iso || "?"})`;
}

// Events per ISO week (keyed by Monday, in ms), in order; weeks with none are left out.
export function weeks(events) {
  const counts = new Map();
  for (const e of events) {
    const ms = day(e.start), monday = ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY;
    counts.set(monday, (counts.get(monday) || 0) + 1);
  }
  return [...counts].sort((a, b) => a[0] - b[0]).map(([start, count]) => ({ start, count }));
}
