// Small DOM helpers shared by the page's modules.

const SVGNS = "http://www.w3.org/2000/svg";
const SVG_TAGS = new Set(["svg", "g", "rect", "line", "text", "title", "path"]);

export const $ = (selector) => document.querySelector(selector);

// el("p", {class: "x", onclick: f}, "text", child, [more]) -> an element; null/false children are skipped.
export function el(tag, attrs, ...children) {
  const svg = attrs && attrs.svg && SVG_TAGS.has(tag);
  const node = svg ? document.createElementNS(SVGNS, tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "svg" || value === null || value === undefined) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value); else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

// Replace a node's children; arrays are flattened and null/false skipped, as in el().
export function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}

export const svg = (tag, attrs, ...children) => el(tag, { ...attrs, svg: true }, ...children);

export async function getJSON(url) {
  const response = await fetch(url);
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`${url}: the server answered HTTP ${response.status} without JSON`);
  }
  if (!response.ok || body.ok === false) {
    const err = new Error(body.error || `${url}: HTTP ${response.status}`);
    err.body = body;  // the error's fields, e.g. merged_into for an event fused into another
    throw err;
  }
  return body;
}
