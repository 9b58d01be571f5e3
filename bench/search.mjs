// Search at scale: builds the index of 10,000 synthetic reports with the crate's own code
// (examples/search_index.rs, as tests/js/ does), then reports index sizes and the time
// static/search.js takes per keystroke, as queries are typed letter by letter.
//
//   node bench/search.mjs              (debug build of the example; RELEASE=1 for --release)
//
// "warm" times a keystroke once its files are loaded (what the reader waits for after
// the network); "cold" is its first run, reading and parsing its files from disk.

import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

import { Search } from '../static/search.js';
import { buildIndex, fileLoader } from '../tests/js/build-index.mjs';

const REPORTS = 10_000;
const REPEATS = 25;

// A small deterministic generator, so every run indexes the same text.
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

const REGIONS = {
  Mali: ['Kayes', 'Koulikoro', 'Sikasso', 'Ségou', 'Mopti', 'Tombouctou', 'Gao', 'Kidal', 'Ménaka', 'Taoudénit'],
  'Burkina Faso': ['Sahel', 'Est', 'Nord', 'Centre-Nord', 'Boucle du Mouhoun', 'Cascades', 'Hauts-Bassins'],
  Niger: ['Tillabéri', 'Tahoua', 'Diffa', 'Maradi', 'Zinder', 'Agadez', 'Dosso'],
  Nigeria: ['Borno', 'Yobe', 'Adamawa', 'Zamfara', 'Katsina', 'Kaduna', 'Sokoto'],
  Chad: ['Lac', 'Kanem', 'Tibesti', 'Ouaddaï'],
};
const TOWNS = ['Kéniéba', 'Diboli', 'Dioïla', 'Djenné', 'Boni', 'Djibo', 'Fada N’Gourma', 'Ayorou', 'Banibangou', 'Gwoza', 'Monguno', 'Bol', 'Nioro', 'Léré', 'Tessit', 'Ansongo', 'Arbinda', 'Kaya', 'Dori', 'Ouallam'];
const GROUPS = [
  ['jnim', 'JNIM', ["Jama'at Nusrat al-Islam wal-Muslimin", 'GSIM']],
  ['issp', 'ISSP', ['Islamic State Sahel Province', 'EIGS', 'ISGS']],
  ['iswap', 'ISWAP', ['Islamic State West Africa Province']],
  ['jas', 'JAS', ['Boko Haram', "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad"]],
  ['fama', 'FAMa', ['Malian Armed Forces', 'Forces armées maliennes']],
  ['vdp', 'VDP', ['Volunteers for the Defence of the Homeland']],
  ['africa-corps', 'Africa Corps', ['Wagner Group']],
  ['dozo', 'Dozo', ['Dozo hunters']],
  ['fla', 'FLA', ['Azawad Liberation Front', 'CSP-DPA']],
  ['bandits', 'Armed bandits', ['bandits']],
];
const TYPES = ['attack', 'clash', 'abduction', 'explosive-device', 'airstrike', 'protest', 'curfew', 'displacement'];

const FUNCTION = 'the of and to in a on was by for with that were at from as is it he his said they their had have has been which who an or this after also but not are into its her'.split(' ');
const DOMAIN = `attack attacks attacked attackers army soldiers militants fighters gunmen killed wounded
  civilians village villages town convoy checkpoint base barracks camp post patrol ambush
  explosive device mine roadside vehicle motorbikes motorcycles market mosque church school
  health centre road bridge river border district commune prefecture governor authorities
  government junta ministry defence security forces operation operations offensive airstrike
  drone helicopter claimed claim responsibility statement communique sources local residents
  witnesses humanitarian displaced displacement refugees aid blockade siege fuel food cattle
  herders farmers livestock looted burned abducted abduction kidnapped hostages released
  negotiations ceasefire dialogue election protest protesters curfew arrested detained
  executed reprisals massacre casualties fatalities toll figures independent verify unclear
  reported according regional national international observers monitors mission withdrawal
  dawn night morning evening week month year during before around near north south east west
  central northern southern eastern western several dozens hundreds many some least more most
  first second third two three four five ten twenty fifty hundred thousand`.split(/\s+/);

// A long tail of rarer words (names, places, uncommon terms), as real text has.
const SYLLABLES = ['ka', 'ye', 'mo', 'ti', 'ba', 'gou', 'sa', 'hel', 'ni', 'dar', 'lo', 'fa', 'ou', 'se', 'ri', 'ma', 'do', 'zan', 'ké', 'bou'];
const TAIL = Array.from({ length: 30_000 }, (_, n) => {
  let word = '';
  for (let m = n + 400; m > 0; m = Math.floor(m / SYLLABLES.length)) word += SYLLABLES[m % SYLLABLES.length];
  return word;
});
const VOCABULARY = [...FUNCTION, ...DOMAIN, ...TAIL];
// Zipf's law (s = 1): the word of rank r comes up in proportion to 1/r.
const CUMULATIVE = [];
VOCABULARY.reduce((sum, _, rank) => (CUMULATIVE[rank] = sum + 1 / (rank + 1)), 0);
function word() {
  const target = random() * CUMULATIVE.at(-1);
  let [low, high] = [0, CUMULATIVE.length - 1];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (CUMULATIVE[mid] < target) low = mid + 1;
    else high = mid;
  }
  return VOCABULARY[low];
}
const sentence = (length) => Array.from({ length }, word).join(' ');

function syntheticInput() {
  const countries = Object.keys(REGIONS);
  const regions = countries.flatMap((c) => REGIONS[c].map((r) => [c, r]));
  const slug = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const facets = {
    countries: countries.map((c) => ({ key: slug(c), name: c })),
    regions: regions.map(([c, r]) => ({ key: `${slug(c)}/${slug(r)}`, name: r })),
    groups: GROUPS.map(([key, name]) => ({ key, name })),
    types: TYPES.map((key) => ({ key, name: key.replace('-', ' ') })),
  };
  const docs = Array.from({ length: REPORTS }, (_, n) => {
    const region = Math.floor(random() * regions.length);
    const [country, regionName] = regions[region];
    const town = pick(TOWNS);
    const groups = [...new Set([Math.floor(random() * GROUPS.length), Math.floor(random() * GROUPS.length)])];
    const type = Math.floor(random() * TYPES.length);
    const [, groupName] = GROUPS[groups[0]];
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const mentions = `${town} ${regionName} ${groupName} ${country}`;
    return {
      url: `/monitor/incidents/${date.slice(0, 4)}/${date}-${slug(town)}-${n}/`,
      title: `${groupName} ${pick(['attack', 'fighters', 'ambush', 'clash'])} near ${town}, ${regionName}`,
      date,
      date_label: day.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      place: `${regionName}, ${country}`,
      country: countries.indexOf(country),
      regions: [region],
      groups,
      event_type: type,
      summary: `${sentence(12)} ${mentions} ${sentence(10)}.`,
      places: [town, regionName, country],
      group_names: groups.flatMap((g) => [GROUPS[g][1], ...GROUPS[g][2]]),
      body_text: Array.from({ length: 8 }, () => `${sentence(45)} ${pick(mentions.split(' '))}.`).join(' '),
    };
  });
  return { docs, facets };
}

function filesUnder(folder) {
  return readdirSync(folder, { recursive: true })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipped = (path) => gzipSync(readFileSync(path)).length;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Types `text` letter by letter with `filters`; times each keystroke cold and warm. */
async function typeQuery(index, text, filters = {}) {
  const loaded = new Map();
  const search = new Search(fileLoader(index, (path, bytes) => loaded.set(path, bytes)));
  const keystroke = async (q) => {
    const { numbers } = await search.run({ q, ...filters });
    await search.records(numbers.slice(0, 50));
    return numbers.length;
  };
  const cold = [];
  const warm = [];
  let matches = 0;
  const steps = text ? [...text].map((_, i) => text.slice(0, i + 1)) : [''];
  for (const q of steps) {
    let started = performance.now();
    matches = await keystroke(q);
    cold.push(performance.now() - started);
    for (let i = 0; i < REPEATS; i++) {
      started = performance.now();
      await keystroke(q);
      warm.push(performance.now() - started);
    }
  }
  const kinds = {};
  for (const path of loaded.keys()) {
    const kind = path.split('/')[0].replace('.json', '');
    kinds[kind] = (kinds[kind] ?? 0) + gzipped(join(index, path));
  }
  const raw = [...loaded.values()].reduce((a, b) => a + b, 0);
  const zipped = Object.values(kinds).reduce((a, b) => a + b, 0);
  return { steps: steps.length, matches, warm, cold, raw, zipped, kinds, files: loaded.size };
}

const input = syntheticInput();
const built = buildIndex(input, { release: process.env.RELEASE === '1' });
const files = filesUnder(built.index);
const size = (paths) => paths.reduce((sum, path) => sum + statSync(path).size, 0);
const largest = (prefix) =>
  files
    .filter((path) => relative(built.index, path).startsWith(prefix))
    .map((path) => ({ path: relative(built.index, path), size: statSync(path).size }))
    .sort((a, b) => b.size - a.size)[0];
const bodyWords = input.docs.reduce((sum, d) => sum + d.body_text.split(' ').length, 0) / REPORTS;

console.log(`${REPORTS} reports, ${Math.round(bodyWords)} body words each on average`);
console.log(`Rust build: ${built.buildMs} ms (${process.env.RELEASE === '1' ? 'release' : 'debug'} build)`);
console.log(`index: ${files.length} files, ${kb(size(files))} (${kb(files.reduce((s, p) => s + gzipped(p), 0))} gzipped)`);
const meta = join(built.index, 'meta.json');
console.log(`meta.json: ${kb(statSync(meta).size)} (${kb(gzipped(meta))} gzipped)`);
for (const prefix of ['terms/', 'prefixes/', 'docs/', 'filters/']) {
  const big = largest(prefix);
  const count = files.filter((p) => relative(built.index, p).startsWith(prefix)).length;
  console.log(`${prefix.padEnd(10)} ${String(count).padStart(4)} files, largest ${big.path} ${kb(big.size)} (${kb(gzipped(join(built.index, big.path)))} gzipped)`);
}

const QUERIES = [
  ['jnim', {}],
  ['kayes attack', {}],
  ['tillabéri', {}],
  ['motorbikes market', {}],
  ['jnim', { country: 'mali' }],
  ['kayes attack', { group: 'jnim', from: '2020-01-01', to: '2022-12-31' }],
  ['', { country: 'niger', type: 'abduction' }],
  ['', { region: 'mali/kayes', from: '2023-01-01' }],
];
console.log('\nper keystroke, typed letter by letter (results and their first 50 records):');
const header = ['query', 'filters', 'keys', 'matches', 'warm median', 'warm max', 'cold max', 'loaded (gzip)', 'of which (gzip)'];
const rows = [];
for (const [text, filters] of QUERIES) {
  const r = await typeQuery(built.index, text, filters);
  rows.push([
    text ? `"${text}"` : '(none)',
    Object.entries(filters).map(([k, v]) => `${k}=${v}`).join(' ') || '-',
    String(r.steps),
    String(r.matches),
    `${median(r.warm).toFixed(2)} ms`,
    `${Math.max(...r.warm).toFixed(2)} ms`,
    `${Math.max(...r.cold).toFixed(2)} ms`,
    `${kb(r.raw)} (${kb(r.zipped)}) in ${r.files} files`,
    Object.entries(r.kinds).map(([kind, bytes]) => `${kind} ${kb(bytes)}`).join(', '),
  ]);
}
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
rmSync(built.folder, { recursive: true, force: true });
