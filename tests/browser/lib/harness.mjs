// PageParts pieces of the browser tests: which sites to test, the browser, pages that record
// console errors, axe-core, and what each site is known to hold (the oracle).
import { readFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const ARTIFACTS = path.resolve(
  process.env.ARTIFACTS || path.join(here, '..', '..', '..', 'target', 'browser-artifacts'),
);
mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The sites under test, from the JSON file named by INCIDEX_BROWSER_SITES (written by
 * .ci/browser.sh): [{ name, url, manifest? }]. `url` is the site's base URL, with its base
 * path; `manifest` is gen_corpus.py's corpus.json for a generated site.
 */
export function loadSites() {
  const file = process.env.INCIDEX_BROWSER_SITES;
  if (!file) {
    throw new Error(
      'INCIDEX_BROWSER_SITES is not set: run `bash .ci/browser.sh`, which builds and serves the sites and then runs these tests',
    );
  }
  const sites = JSON.parse(readFileSync(file, 'utf8'));
  for (const site of sites) {
    if (!site.url.endsWith('/')) site.url += '/';
    site.basePath = new URL(site.url).pathname;
  }
  return sites;
}

export async function launch() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Lower case, accents folded, every other run of characters to one '-', as incidex does. */
export function slugify(text) {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Records console errors and uncaught page errors of every page of a browser context, with
 * the URL they happened on, into `sink` (an array shared by the whole run).
 */
export function watchErrors(context, sink, label) {
  const attach = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        const loc = msg.location();
        sink.push({
          site: label,
          page: page.url(),
          kind: 'console.error',
          text: msg.text(),
          where: loc?.url ? `${loc.url}:${loc.lineNumber}` : '',
        });
      }
    });
    page.on('pageerror', (err) => {
      sink.push({ site: label, page: page.url(), kind: 'pageerror', text: String(err?.stack || err) });
    });
  };
  context.pages().forEach(attach);
  context.on('page', attach);
}

export function formatErrors(errors) {
  return errors
    .map((e) => `  [${e.site}] ${e.kind} on ${e.page}\n      ${e.text}${e.where ? `\n      at ${e.where}` : ''}`)
    .join('\n');
}

const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** Runs axe-core on the page; returns the violations with impact serious or critical. */
export async function axeSerious(page) {
  const has = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!has) await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html.slice(0, 300),
        summary: n.failureSummary,
      })),
    }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function formatViolations(url, violations) {
  const lines = [`${url}: ${violations.length} serious or critical axe violation(s)`];
  for (const v of violations) {
    lines.push(`  - ${v.id} (${v.impact}): ${v.help}  <${v.helpUrl}>`);
    for (const n of v.nodes.slice(0, 8)) {
      lines.push(`      at ${n.target}`);
      lines.push(`         ${n.html.replace(/\s+/g, ' ')}`);
      if (n.summary) lines.push(`         ${n.summary.replace(/\n\s*/g, ' | ')}`);
    }
    if (v.nodes.length > 8) lines.push(`      ... and ${v.nodes.length - 8} more nodes`);
  }
  return lines.join('\n');
}

export function writeArtifact(name, content) {
  const file = path.join(ARTIFACTS, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** A file-name-safe form of a test title. */
export function fileSafe(text) {
  return slugify(text).slice(0, 80) || 'test';
}

/**
 * What a site is known to hold, independently of the page under test. For a generated
 * corpus: gen_corpus.py's corpus.json. Otherwise: the site's own /data/
 * export, incidents.json.gz (another code path than the pages, search index, map and charts).
 * Each record: { slug, title, date, end_date, date_precision, country_slug, region_slugs,
 * groups: [group name] }.
 */
export async function loadOracle(site) {
  if (site.manifest) {
    const m = JSON.parse(readFileSync(site.manifest, 'utf8'));
    return m.reports.map((r) => ({
      slug: r.slug,
      title: r.title,
      date: r.date,
      end_date: r.end_date,
      date_precision: r.date_precision,
      country_slug: r.country_slug,
      region_slugs: r.region_slugs,
      groups: r.groups.map((g) => g.group),
      located: r.located,
      confidence: r.confidence ?? null,
    }));
  }
  const res = await fetch(new URL('data/incidents.json.gz', site.url));
  if (!res.ok) throw new Error(`${site.url}data/incidents.json.gz: HTTP ${res.status}`);
  // Served as application/gzip with no Content-Encoding, as GitHub Pages serves it; a
  // server that did set it would have fetch unpack it, hence the check of the magic bytes.
  const bytes = Buffer.from(await res.arrayBuffer());
  const unpacked = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const records = JSON.parse(unpacked.toString('utf8'));
  return records.map((r) => ({
    slug: r.slug,
    title: r.title,
    date: r.date,
    end_date: r.end_date ?? null,
    date_precision: r.date_precision || 'day',
    country_slug: slugify(r.country.name),
    region_slugs: r.regions.map((x) => slugify(x.name)),
    groups: r.actors.map((a) => a.group),
    located: (r.locations || []).some((l) => Array.isArray(l.coordinates) || l.latitude != null),
    confidence: r.confidence?.id ?? null,
  }));
}

/** The report slug a link points at (`…/incidents/SLUG/`), or null. */
export function slugOfHref(href) {
  const m = /\/incidents\/([a-z0-9-]+)\/?(?:[?#].*)?$/.exec(href || '');
  return m && m[1] !== 'page' ? m[1] : null;
}

/**
 * The number of matches a search status line gives: 0 for "no …", otherwise the largest
 * number in it once dates are taken out ("Showing 1–50 of 123 incidents" gives 123).
 */
export function countFromStatus(text) {
  const t = (text || '').replace(/\d{4}-\d{2}-\d{2}/g, ' ').replace(/(\d),(\d{3})/g, '$1$2');
  const nums = (t.match(/\d+/g) || []).map(Number);
  if (nums.length) return Math.max(...nums);
  if (/\b(no|aucun)\b/i.test(t)) return 0;
  return null;
}

/** The last day a report may have happened on, given its date, end_date and precision. */
export function lastPossibleDay(r) {
  if (r.end_date) return r.end_date;
  const d = new Date(r.date + 'T00:00:00Z');
  if (r.date_precision === 'week') d.setUTCDate(d.getUTCDate() + 6);
  else if (r.date_precision === 'month') {
    d.setUTCMonth(d.getUTCMonth() + 1, 0);
  }
  return d.toISOString().slice(0, 10);
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `fn` until it returns a truthy value or `timeout` ms pass; returns the last value. */
export async function poll(fn, { timeout = 10000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await fn();
    if (value || Date.now() > end) return value;
    await sleep(interval);
  }
}
