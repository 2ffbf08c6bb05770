// Builds the page into src/wirewatch/serve/web/ (app.js, style.css, index.html), minified, no source maps,
// so that the same sources and lock file give the same bytes: `npm ci && npm run build`.
// `node build.mjs DIR` writes into DIR instead (the Python tests compare such a build with the committed one).
import { build } from "esbuild";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";

const OUT = path.resolve(process.argv[2] || new URL("../src/wirewatch/serve/web/", import.meta.url).pathname);
const BUNDLED = ["leaflet", "supercluster", "kdbush", "topojson-client", "world-atlas"];

// One comment naming each bundled package, its version and its licence, read from what npm installed.
async function banner() {
  const names = [];
  for (const name of BUNDLED) {
    const meta = JSON.parse(await readFile(`node_modules/${name}/package.json`, "utf8"));
    names.push(`${name} ${meta.version} (${meta.license})`);
  }
  return `/* wirewatch page. Bundles ${names.join(", ")}; world-atlas draws on Natural Earth (public domain). */`;
}

const common = { bundle: true, minify: true, write: true, logLevel: "warning", legalComments: "eof", charset: "utf8" };
await mkdir(OUT, { recursive: true });
await build({ ...common, entryPoints: ["src/main.js"], outfile: path.join(OUT, "app.js"), format: "iife",
  target: ["es2020"], banner: { js: await banner() } });
// Leaflet's CSS names a few PNG icons: inlined, so the page needs no other file.
await build({ ...common, entryPoints: ["src/style.css"], outfile: path.join(OUT, "style.css"), loader: { ".png": "dataurl" } });
await copyFile("src/index.html", path.join(OUT, "index.html"));
