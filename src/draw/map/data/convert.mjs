// Converts Natural Earth country outlines, as packaged by the npm package world-atlas, into
// countries.txt: the compact outline file src/draw/map embeds with include_str!.
//
// To rerun (in a scratch folder, never inside the repository):
//
//   cd "$(mktemp -d)"
//   npm install world-atlas@2.0.2 i18n-iso-countries@7.14.0
//   node /path/to/incidex/src/map/data/convert.mjs > /path/to/incidex/src/map/data/countries.txt
//
// Output, one country a line, tab-separated: ISO 3166-1 alpha-2 code (or "-" for land with
// no code of its own), English name, then rings separated by ";", each ring "lon,lat" pairs
// separated by spaces, in hundredths of a degree, the first point of a ring absolute and
// each next one relative to the one before, not closed (the last point joins the first
// implicitly). Holes are rings too: readers use the even-odd rule.
//
// Borders are simplified once per TopoJSON arc, before the arcs are joined into rings, so
// the border two neighbours share stays one identical line and no slivers or gaps open
// between them.

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "package.json"));
const atlasDir = path.dirname(require.resolve("world-atlas/package.json"));
const atlasVersion = require("world-atlas/package.json").version;
const topology = JSON.parse(readFileSync(path.join(atlasDir, "countries-50m.json"), "utf8"));
const isoCodes = require("i18n-iso-countries/codes.json");
const isoNames = require("i18n-iso-countries/langs/en.json").countries;

// Douglas-Peucker tolerance in degrees (about 2 km at the equator): finer than a pixel on a
// country-sized map, and it keeps the file near 200 KB.
const TOLERANCE = 0.025;
// Islands smaller than this (square degrees) are dropped unless they are all a country has;
// they would be under a pixel on any map the site draws.
const MIN_RING_AREA = 100; // square hundredths of a degree: 0.01 square degrees

// Features world-atlas leaves without an ISO numeric id. ISO 3166 counts Somaliland as part
// of Somalia and Northern Cyprus as part of Cyprus, so their outlines join those countries;
// Kosovo takes the user-assigned code XK that most data sets use; the rest is drawn as land
// with no code.
const UNNUMBERED = {
  Somaliland: "SO",
  "N. Cyprus": "CY",
  Kosovo: "XK",
};

// Natural Earth's short names read best ("China", "Gambia") except where abbreviated ("Dem.
// Rep. Congo"); there the ISO list's English name is used. A few of those lack accents.
const NAME_OVERRIDES = { CI: "Côte d'Ivoire", MK: "North Macedonia", SZ: "Eswatini" };

const numericToAlpha2 = new Map(isoCodes.map(([alpha2, , numeric]) => [numeric, alpha2]));

function englishName(code, naturalEarthName) {
  if (NAME_OVERRIDES[code]) return NAME_OVERRIDES[code];
  if (!naturalEarthName.includes(".")) return naturalEarthName;
  const name = isoNames[code];
  return (Array.isArray(name) ? name[0] : name) ?? naturalEarthName;
}

function decodeArcs({ arcs, transform }) {
  const [sx, sy] = transform.scale;
  const [tx, ty] = transform.translate;
  return arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
  const clamped = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + clamped * dx), py - (ay + clamped * dy));
}

// Iterative, so the longest coastlines cannot overflow the call stack.
function simplify(points) {
  if (points.length < 3) return points;
  const keep = new Array(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let farthest = -1;
    let farthestDistance = TOLERANCE;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > farthestDistance) {
        farthest = i;
        farthestDistance = d;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

// Coordinates are kept as integers in hundredths of a degree from here on, so that joining
// and comparing points is exact.
const hundredths = (value) => Math.round(value * 100);

function roundArc(points) {
  const rounded = [];
  for (const [x, y] of points) {
    const point = [hundredths(x), hundredths(y)];
    const previous = rounded[rounded.length - 1];
    if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) rounded.push(point);
  }
  return rounded;
}

const decodedArcs = decodeArcs(topology);
const rawArcs = decodedArcs.map(roundArc);
const simplifiedArcs = decodedArcs.map((arc) => roundArc(simplify(arc)));

function ringFromArcs(arcIndexes, arcs) {
  const ring = [];
  for (const index of arcIndexes) {
    const arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
    // Each arc starts where the previous one ended; keep that shared point once.
    ring.push(...(ring.length > 0 ? arc.slice(1) : arc));
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
  return ring;
}

function ringArea(ring) {
  let twiceArea = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    twiceArea += x1 * y2 - x2 * y1;
  }
  return Math.abs(twiceArea) / 2;
}

function polygonsOf(geometry) {
  if (geometry.type === "Polygon") return [geometry.arcs];
  if (geometry.type === "MultiPolygon") return geometry.arcs;
  return [];
}

const countries = new Map();
const uncoded = [];
for (const geometry of topology.objects.countries.geometries) {
  const featureName = geometry.properties.name;
  const code = geometry.id !== undefined
    ? numericToAlpha2.get(geometry.id)
    : UNNUMBERED[featureName];
  const ringsFrom = (arcs) =>
    polygonsOf(geometry)
      .flatMap((polygon) => polygon.map((ring) => ringFromArcs(ring, arcs)))
      .filter((ring) => ring.length >= 3);
  let rings = ringsFrom(simplifiedArcs);
  // A small island nation can simplify away entirely; it keeps its full outline instead.
  if (rings.length === 0) rings = ringsFrom(rawArcs);
  if (code === undefined) {
    uncoded.push({ code: "-", name: featureName, rings });
    continue;
  }
  // Several features can share an id (Australia and the Ashmore and Cartier Islands).
  const entry = countries.get(code) ?? { code, name: englishName(code, featureName), rings: [] };
  entry.rings.push(...rings);
  countries.set(code, entry);
}

// The first point is absolute and each next one a step from the one before: steps along a
// border are a few hundredths, which halves the file against absolute coordinates.
function formatRing(ring) {
  return ring
    .map(([x, y], i) => (i === 0 ? [x, y] : [x - ring[i - 1][0], y - ring[i - 1][1]]).join(","))
    .join(" ");
}

const lines = [
  `# Country outlines: Natural Earth 1:50m admin-0 countries (public domain), from the npm package`,
  `# world-atlas ${atlasVersion} (ISC, Mike Bostock); see LICENSE-natural-earth.md. Made by convert.mjs.`,
  `# code<TAB>name<TAB>rings: ";" between rings, " " between points, each point "lon,lat" in`,
  `# hundredths of a degree, the first of a ring absolute, the others relative to the previous.`,
];
const sorted = [...countries.values()].sort((a, b) => a.code.localeCompare(b.code));
for (const { code, name, rings } of [...sorted, ...uncoded]) {
  const largest = Math.max(...rings.map(ringArea));
  const kept = rings.filter((ring) => ringArea(ring) >= MIN_RING_AREA || ringArea(ring) === largest);
  if (kept.length === 0) continue;
  lines.push([code, name, kept.map(formatRing).join(";")].join("\t"));
}
process.stdout.write(lines.join("\n") + "\n");
