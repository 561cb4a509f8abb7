// Copy the few front-end files the dashboard needs from node_modules into static/vendor/.
// Run after `npm ci` with `npm run vendor`; the copies are committed, so a fresh clone
// serves the dashboard with no network and no npm.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));  // src/counterclaim/serve
const root = join(here, "..", "..", "..");
const vendor = join(here, "static", "vendor");
const files = [
  ["leaflet/dist/leaflet.js", "leaflet.js"],
  ["leaflet/dist/leaflet.css", "leaflet.css"],
  ["leaflet/LICENSE", "leaflet.LICENSE"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client/LICENSE", "topojson-client.LICENSE"],
  ["world-atlas/countries-110m.json", "countries-110m.json"],
  ["world-atlas/LICENSE", "world-atlas.LICENSE"],
];
mkdirSync(vendor, { recursive: true });
for (const [from, to] of files) {
  copyFileSync(join(root, "node_modules", from), join(vendor, to));
  console.log(`vendored ${from} -> static/vendor/${to}`);
}
