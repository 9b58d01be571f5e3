// Browser end-to-end tests of built incidex sites (issue 6), in headless Debian Chromium
// driven by playwright-core. Run through .ci/browser.sh, which builds the example site and a
// generated corpus under base paths, serves them, and points INCIDEX_BROWSER_SITES here.
//
// Every test runs against every site. Pages are reached the way a reader reaches them (by
// clicking) where the test is about navigation; elsewhere by URL under the site's base path.
// What a page should show is checked against an oracle that does not come from the page:
// gen_corpus.py's corpus.json for a generated site, the site's /data/incidents.json.gz export
// for the example site.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import {
  ARTIFACTS,
  axeSerious,
  countFromStatus,
  fileSafe,
  formatErrors,
  formatViolations,
  lastPossibleDay,
  launch,
  loadOracle,
  loadSites,
  poll,
  slugOfHref,
  slugify,
  watchErrors,
  writeArtifact,
} from './lib/harness.mjs';

const sites = loadSites();
const TIMEOUT = 15000;
const errors = []; // console errors and page errors of every page of every site
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  writeArtifact('console-errors.json', JSON.stringify(errors, null, 1) + '\n');
  await browser?.close();
});

/** Opens a page in `context`, runs `fn(page)`, and on failure keeps a screenshot and the HTML. */
async function withPage(context, label, fn) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.setDefaultNavigationTimeout(TIMEOUT + 5000);
  try {
    return await fn(page);
  } catch (err) {
    const base = path.join('failures', fileSafe(label));
    try {
      await page.screenshot({ path: path.join(ARTIFACTS, base + '.png'), fullPage: true });
      // Drop the injected axe-core (half a megabyte inline) from the saved HTML.
      const html = (await page.content()).replace(/<script[^>]*>[\s\S]{20000,}?<\/script>/g, '<script>/* axe-core */</script>');
      writeArtifact(base + '.html', `<!-- ${page.url()} -->\n` + html);
      err.message += `\n  (page ${page.url()}; screenshot in ${path.join(ARTIFACTS, base + '.png')})`;
    } catch {
      // The page may be gone; the error itself is what matters.
    }
    throw err;
  } finally {
    await page.close();
  }
}

async function goto(page, url) {
  const res = await page.goto(url, { waitUntil: 'load' });
  assert.ok(res, `no response for ${url}`);
  assert.equal(res.status(), 200, `${url} answered HTTP ${res.status()}`);
  return res;
}

async function h1Of(page) {
  const h1 = page.locator('h1');
  await h1.first().waitFor({ state: 'visible' });
  assert.equal(await h1.count(), 1, `${page.url()} should have exactly one h1`);
  return (await h1.innerText()).trim();
}

/** Clicks `link`, waits for the new page under the site, and returns its h1. */
async function follow(page, site, link, what) {
  const href = await link.getAttribute('href');
  assert.ok(href, `${what}: link without href`);
  const target = new URL(href, page.url()).href;
  assert.ok(
    new URL(target).pathname.startsWith(site.basePath),
    `${what}: link ${href} leaves the base path ${site.basePath}`,
  );
  await Promise.all([page.waitForURL(target), link.click()]);
  return h1Of(page);
}

/** Text of each search result and the report it links to. */
async function readResults(page) {
  return page.$$eval('#search-results li', (items) =>
    items.map((li) => {
      const a = li.querySelector('a[href]');
      return { href: a ? a.getAttribute('href') : null, text: (a ? a.textContent : li.textContent).trim() };
    }),
  );
}

async function readStatus(page) {
  return (await page.locator('#search-status').textContent({ timeout: 2000 }).catch(() => '')) || '';
}

function regionUrl(site, countrySlug, regionSlug) {
  return `${site.url}regions/${countrySlug}/${regionSlug}/`;
}

/** Picks the pages the per-page tests visit: a located report with actors, its region and group. */
function samples(site, oracle) {
  const withActors = oracle.filter((r) => r.groups.length > 0);
  const report = withActors.find((r) => r.located) || withActors[0] || oracle[0];
  assert.ok(report, `${site.name}: the site has no reports`);
  return {
    incident: `${site.url}incidents/${report.slug}/`,
    region: regionUrl(site, report.country_slug, report.region_slugs[0]),
    group: report.groups.length ? `${site.url}groups/${slugify(report.groups[0])}/` : null,
    report,
  };
}

/** Types a query into the search box and waits for results to settle. */
async function searchFor(page, text) {
  const q = page.locator('#search-q');
  await q.waitFor({ state: 'visible' });
  await q.click();
  await q.pressSequentially(text, { delay: 40 });
  try {
    await page.locator('#search-results li').first().waitFor({ state: 'attached', timeout: TIMEOUT });
  } catch {
    assert.fail(
      `no #search-results li ${TIMEOUT / 1000}s after typing "${text}" in #search-q; ` +
        `#search-status says "${(await readStatus(page)).trim()}"`,
    );
  }
}

/** Waits until `check(snapshot)` holds (or times out) and returns the last snapshot. */
async function settle(page, check, timeout = 8000) {
  let snap;
  await poll(
    async () => {
      snap = { url: page.url(), status: await readStatus(page), results: await readResults(page) };
      snap.count = countFromStatus(snap.status);
      return check(snap);
    },
    { timeout, interval: 150 },
  );
  return snap;
}

for (const site of sites) {
  describe(`${site.name} site at ${site.url}`, () => {
    let context;
    let oracle;
    let sample;
    const bySlug = new Map();

    before(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      watchErrors(context, errors, site.name);
      oracle = await loadOracle(site);
      for (const r of oracle) bySlug.set(r.slug, r);
      sample = samples(site, oracle);
    });

    after(async () => {
      await context?.close();
    });

    test('1. home → country → region → incident → group by clicking links, each page with its h1', async () => {
      await withPage(context, `${site.name}-1-navigation`, async (page) => {
        await goto(page, site.url);
        const title = (await page.locator('.site-title').innerText()).trim();
        assert.equal(await h1Of(page), title, 'home h1 is the site title');

        // The main navigation's "Regions" link (the example site is in French, the
        // corpus in English: found by where it leads, not by its words).
        const nav = page.locator('nav.site-nav');
        const regionsH1 = await follow(page, site, nav.locator('a[href$="/regions/"]'), 'nav Regions');
        assert.match(regionsH1, /r[eé]gion/i, 'the regions page h1');
        assert.equal(page.url(), `${site.url}regions/`);
        await page.goBack();
        assert.equal(await h1Of(page), title);

        // Home's "By country" list → a country.
        const byCountry = page.locator('section').filter({ has: page.getByRole('heading', { name: /^(By country|Par pays)$/ }) });
        const country = byCountry.locator('ul a').first();
        const countryName = (await country.innerText()).trim();
        assert.equal(await follow(page, site, country, 'By country'), countryName, 'country page h1');
        assert.match(page.url(), new RegExp(`^${site.url}regions/[a-z0-9-]+/$`));

        // The country's first region with incidents.
        const regionItems = page.locator('.region-list li');
        const n = await regionItems.count();
        let region = null;
        for (let i = 0; i < n; i++) {
          const count = Number((await regionItems.nth(i).locator('.count').innerText().catch(() => '0')).replace(/\D/g, ''));
          if (count > 0) {
            region = regionItems.nth(i).locator('a').first();
            break;
          }
        }
        assert.ok(region, `no region with incidents listed on ${page.url()}`);
        const regionName = (await region.innerText()).trim();
        assert.equal(await follow(page, site, region, 'region link'), regionName, 'region page h1');
        assert.match(page.url(), new RegExp(`^${site.url}regions/[a-z0-9-]+/[a-z0-9-]+/$`));

        // An incident card, preferring one that names actors.
        const cards = page.locator('main article');
        assert.ok((await cards.count()) > 0, `no incident cards (main article) on ${page.url()}`);
        const withActors = cards.filter({ has: page.locator('a[href*="/groups/"]') });
        const card = (await withActors.count()) > 0 ? withActors.first() : cards.first();
        const incidentLink = card.locator('a[href*="/incidents/"]').first();
        const incidentTitle = (await incidentLink.innerText()).trim();
        assert.equal(await follow(page, site, incidentLink, 'incident card'), incidentTitle, 'incident page h1');
        const slug = slugOfHref(page.url());
        assert.ok(bySlug.has(slug), `incident page ${page.url()} is not a known report`);
        assert.equal(incidentTitle, bySlug.get(slug).title);

        // An actor → the group's page.
        const actor = page.locator('main a[href*="/groups/"]').first();
        assert.ok((await actor.count()) > 0, `no actor link (a[href*="/groups/"]) on ${page.url()}`);
        const href = await actor.getAttribute('href');
        assert.match(new URL(href, page.url()).pathname, new RegExp(`^${site.basePath}groups/[a-z0-9-]+/$`));
        const groupName = (await actor.innerText()).trim();
        assert.equal(await follow(page, site, actor, 'actor link'), groupName, 'group page h1');
        assert.ok(bySlug.get(slug).groups.includes(groupName), `${groupName} is not an actor of ${slug}`);
      });
    });

    test('2. skip link: Tab from the top focuses a.skip-link, Enter moves focus to #main', async () => {
      for (const url of [site.url, sample.incident]) {
        await withPage(context, `${site.name}-2-skip-link`, async (page) => {
          await goto(page, url);
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const el = document.activeElement;
            const r = el.getBoundingClientRect();
            return {
              isSkip: el.matches('a.skip-link'),
              html: el.outerHTML.slice(0, 120),
              visible: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.top < innerHeight,
            };
          });
          assert.ok(focused.isSkip, `${url}: Tab focused ${focused.html}, not a.skip-link`);
          assert.ok(focused.visible, `${url}: the focused skip link is not visible on screen`);
          await page.keyboard.press('Enter');
          const id = await poll(() => page.evaluate(() => (document.activeElement?.id === 'main' ? 'main' : null)), {
            timeout: 3000,
          });
          const now = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
          assert.equal(id, 'main', `${url}: after Enter focus is on ${now}, not #main`);
        });
      }
    });

    test('3. search: the alias "GSIM" finds the JNIM reports, with the count in #search-status', async () => {
      const expected = oracle.filter((r) => r.groups.includes('JNIM'));
      assert.ok(expected.length > 0, `${site.name}: no JNIM reports to search for`);
      const want = new Set(expected.map((r) => r.slug));
      await withPage(context, `${site.name}-3-search-alias`, async (page) => {
        await goto(page, `${site.url}search/`);
        await searchFor(page, 'GSIM');
        const snap = await settle(
          page,
          (s) =>
            s.count === expected.length &&
            s.results.length > 0 &&
            s.results.every((r) => want.has(slugOfHref(r.href))),
        );
        writeArtifact(
          `search-${site.name}-alias.json`,
          JSON.stringify({ query: 'GSIM', expected: expected.length, status: snap.status, count: snap.count, shown: snap.results.length, url: snap.url }, null, 1) + '\n',
        );
        assert.ok(snap.results.length > 0, 'no #search-results li');
        const wrong = snap.results.filter((r) => !want.has(slugOfHref(r.href)));
        assert.deepEqual(
          wrong,
          [],
          `results that are not JNIM reports (${wrong.length} of ${snap.results.length}; status "${snap.status}")`,
        );
        for (const r of snap.results) {
          const title = bySlug.get(slugOfHref(r.href)).title;
          assert.ok(r.text.includes(title), `result "${r.text}" should show the title "${title}"`);
        }
        assert.ok(snap.results.length <= expected.length);
        assert.equal(
          snap.count,
          expected.length,
          `#search-status "${snap.status}" should count the ${expected.length} JNIM reports`,
        );
        if (snap.results.length < expected.length) {
          // Results may be shown a page at a time; the count must still be all of them.
          assert.ok(snap.count > snap.results.length);
        } else {
          assert.deepEqual(new Set(snap.results.map((r) => slugOfHref(r.href))), want);
        }
      });
    });

    // The region with the most reports, and a `from` date that splits them without landing
    // inside any report's uncertain span (so "on or after" means one thing).
    function regionAndFrom() {
      const byRegion = new Map();
      for (const r of oracle) {
        for (const reg of r.region_slugs) {
          const key = `${r.country_slug}/${reg}`;
          if (!byRegion.has(key)) byRegion.set(key, []);
          byRegion.get(key).push(r);
        }
      }
      const [key, reports] = [...byRegion.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0];
      const dates = [...new Set(reports.map((r) => r.date))].sort();
      const clean = (d) => reports.every((r) => !(r.date < d && lastPossibleDay(r) >= d));
      const mid = Math.floor(dates.length / 2);
      let from = dates[0];
      for (let k = 0; k < dates.length; k++) {
        const cands = [dates[mid + k], dates[mid - k]].filter(Boolean);
        const ok = cands.find(clean);
        if (ok) {
          from = ok;
          break;
        }
      }
      const expected = reports.filter((r) => r.date >= from);
      return { key, reports, from, expected };
    }

    let filterState = null;

    test('4. search filters: region and from date go into the URL and narrow the results', async () => {
      const { key, reports, from, expected } = regionAndFrom();
      const want = new Set(expected.map((r) => r.slug));
      const inRegion = new Set(reports.map((r) => r.slug));
      await withPage(context, `${site.name}-4-search-filters`, async (page) => {
        await goto(page, `${site.url}search/`);
        const select = page.locator('#search-region');
        await select.waitFor({ state: 'visible' });
        await poll(async () => (await select.locator(`option[value="${key}"]`).count()) > 0, { timeout: 5000 });
        const options = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
        assert.ok(options.includes(key), `#search-region has no option "${key}" (has ${options.slice(0, 12).join(', ')} …)`);
        await page.waitForTimeout(300);
        const before = await settle(page, () => true, 0);

        await select.selectOption(key);
        const afterRegion = await settle(
          page,
          (s) => /[?&]region=/.test(s.url) && s.count === reports.length && s.results.every((r) => inRegion.has(slugOfHref(r.href))),
        );
        assert.match(afterRegion.url, /[?&]region=/, 'the URL should hold region=');
        assert.equal(new URL(afterRegion.url).searchParams.get('region'), key);
        assert.equal(afterRegion.count, reports.length, `status "${afterRegion.status}" with region ${key}`);
        const outside = afterRegion.results.filter((r) => !inRegion.has(slugOfHref(r.href)));
        assert.deepEqual(outside, [], `results outside ${key}`);

        await page.locator('#search-from').fill(from);
        await page.locator('#search-from').dispatchEvent('change');
        const after = await settle(
          page,
          (s) => /[?&]from=/.test(s.url) && s.count === expected.length && s.results.every((r) => want.has(slugOfHref(r.href))),
        );
        writeArtifact(
          `search-${site.name}-filters.json`,
          JSON.stringify(
            {
              region: key,
              from,
              before: { status: before.status, count: before.count },
              region_only: { expected: reports.length, status: afterRegion.status, count: afterRegion.count, url: afterRegion.url },
              region_and_from: { expected: expected.length, status: after.status, count: after.count, shown: after.results.length, url: after.url },
            },
            null,
            1,
          ) + '\n',
        );
        const params = new URL(after.url).searchParams;
        assert.equal(params.get('region'), key, `URL ${after.url} should keep region=`);
        assert.equal(params.get('from'), from, `URL ${after.url} should hold from=${from}`);
        assert.notEqual(after.count, before.count, `the count did not change (status before "${before.status}", after "${after.status}")`);
        if (expected.length < reports.length) {
          assert.ok(after.count < afterRegion.count, 'the from date should narrow the region results');
        }
        assert.equal(after.count, expected.length, `status "${after.status}": ${expected.length} reports in ${key} on or after ${from}`);
        const bad = after.results.filter((r) => !want.has(slugOfHref(r.href)));
        assert.deepEqual(bad, [], `results not in ${key} on or after ${from}`);
        assert.ok(after.results.length > 0);

        // Open the first and the last result: the report's page names the region and a date on or after `from`.
        const [countrySlug, regionSlug] = key.split('/');
        for (const r of [after.results[0], after.results[after.results.length - 1]]) {
          const report = await context.newPage();
          try {
            await goto(report, new URL(r.href, page.url()).href);
            const regionLinks = await report
              .locator(`main a[href$="/regions/${countrySlug}/${regionSlug}/"]`)
              .count();
            assert.ok(regionLinks > 0, `${report.url()} does not link to its region ${key}`);
            const date = await report.locator('main time[datetime]').first().getAttribute('datetime');
            assert.ok(date.slice(0, 10) >= from, `${report.url()} is dated ${date}, before ${from}`);
          } finally {
            await report.close();
          }
        }
        filterState = { url: after.url, key, from, count: after.count };
      });
    });

    test('4b. search filters live in the URL: reopening it restores them and the results', async (t) => {
      if (!filterState) return t.skip('test 4 did not get as far as a filtered URL');
      await withPage(context, `${site.name}-4b-search-url`, async (page) => {
        await goto(page, filterState.url);
        const snap = await settle(page, (s) => s.count === filterState.count);
        assert.equal(await page.locator('#search-region').inputValue(), filterState.key);
        assert.equal(await page.locator('#search-from').inputValue(), filterState.from);
        assert.equal(snap.count, filterState.count, `status "${snap.status}"`);
      });
    });

    test('4c. search by confidence grade: the filter goes into the URL, narrows to the graded reports, survives a reload, and each result shows its grade', async (t) => {
      const counts = new Map();
      for (const r of oracle) if (r.confidence) counts.set(r.confidence, (counts.get(r.confidence) ?? 0) + 1);
      if (!counts.size) return t.skip('no report of this site is graded');
      const [grade] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
      const want = new Set(oracle.filter((r) => r.confidence === grade).map((r) => r.slug));
      await withPage(context, `${site.name}-4c-search-confidence`, async (page) => {
        await goto(page, `${site.url}search/`);
        const select = page.locator('#search-confidence');
        await select.waitFor({ state: 'visible' });
        const label = (await select.locator(`option[value="${grade}"]`).textContent()).trim();
        await page.waitForTimeout(300);
        await select.selectOption(grade);
        const found = await settle(page, (s) => new URL(s.url).searchParams.get('confidence') === grade && s.count === want.size);
        assert.equal(found.count, want.size, `status "${found.status}" for confidence=${grade}`);
        assert.deepEqual(found.results.filter((r) => !want.has(slugOfHref(r.href))), [], `results not graded ${grade}`);

        await goto(page, found.url);
        const again = await settle(page, (s) => s.count === want.size);
        assert.equal(await page.locator('#search-confidence').inputValue(), grade, 'the reloaded form keeps the grade');
        assert.equal(again.count, want.size);

        await page.locator('#search-results a').first().click();
        await page.waitForLoadState('load');
        const shown = (await page.locator('.facts dd.grade').textContent()).trim();
        assert.ok(shown.startsWith(label), `the report shows its grade "${label}": "${shown}"`);
        const about = await page.locator('.facts dd.grade a').getAttribute('href');
        assert.match(about, /\/about\/#confidence$/);
      });
    });

    test('5. map: a.map-mark links lead to incident pages; .map-list beside it has links', async () => {
      await withPage(context, `${site.name}-5-map`, async (page) => {
        await goto(page, `${site.url}map/`);
        await h1Of(page);
        assert.ok((await page.locator('main svg').count()) > 0, 'no svg in main');
        const marks = page.locator('main svg a.map-mark');
        const n = await marks.count();
        assert.ok(n > 0, 'no a.map-mark inside an svg');
        const hrefs = await marks.evaluateAll((as) => as.map((a) => a.getAttribute('href') || a.getAttribute('xlink:href')));
        for (const href of hrefs) {
          const slug = slugOfHref(href);
          assert.ok(slug && bySlug.has(slug), `map mark href ${href} is not a report's page`);
          assert.ok(href.startsWith(site.basePath), `map mark href ${href} lacks the base path`);
        }
        const listLinks = page.locator('.map-list a[href]');
        assert.ok((await listLinks.count()) > 0, 'no links in .map-list');

        // Click a solid mark (a hollow ring has nothing to click at its centre), the topmost one.
        const solid = marks.filter({ has: page.locator('.map-dot') });
        const mark = (await solid.count()) > 0 ? solid.last() : marks.last();
        const href = await mark.evaluate((a) => a.getAttribute('href') || a.getAttribute('xlink:href'));
        const target = new URL(href, page.url()).href;
        await Promise.all([page.waitForURL(target), mark.click()]);
        const h1 = await h1Of(page);
        assert.equal(h1, bySlug.get(slugOfHref(target)).title, 'the mark led to its incident page');
      });
    });

    test('5b. incident: the locator dot sits on its base map; cite.js adds BibTeX and a download of the record, and without scripts the plain citation and the record stay', async () => {
      await withPage(context, `${site.name}-5b-incident`, async (page) => {
        await goto(page, sample.incident);
        const title = await h1Of(page);
        const map = page.locator('.locator .locator-map');
        if ((await map.count()) > 0) {
          const img = map.locator('img');
          await poll(() => img.evaluate((el) => el.complete && el.naturalWidth > 0), { timeout: 5000 });
          const box = await img.boundingBox();
          const marks = map.locator('.locator-dot, .locator-ring');
          assert.ok((await marks.count()) > 0, 'a locator without marks');
          for (const mark of await marks.all()) {
            const m = await mark.boundingBox();
            const [x, y] = [m.x + m.width / 2, m.y + m.height / 2];
            assert.ok(x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height,
              `a locator mark at (${x}, ${y}) lies off its map ${JSON.stringify(box)}`);
          }
        }
        const pre = page.locator('.cite details pre');
        await pre.waitFor({ state: 'attached', timeout: 5000 });
        const bibtex = await pre.textContent();
        const id = (await page.locator('.facts code').first().innerText()).trim();
        const permalink = (await page.locator('.cite .citation a').last().innerText()).trim();
        assert.ok(bibtex.startsWith(`@misc{${id},`), `BibTeX key is not the report id ${id}:\n${bibtex}`);
        assert.ok(bibtex.includes(`\\url{${permalink}}`), `BibTeX lacks the permalink ${permalink}:\n${bibtex}`);
        // Titles with TeX's special characters are written escaped; the others as they are.
        if (!/[\\{}%&#$_^~]/.test(title)) {
          assert.ok(bibtex.includes(`title = {${title}},`), `BibTeX lacks the title ${title}:\n${bibtex}`);
        }
        await page.locator('.cite details summary').click();
        assert.ok(await pre.isVisible(), 'the BibTeX does not open');
        // The record the page holds, offered as a file: clicking downloads the report's JSON.
        const link = page.locator('.cite .as-data a[download]');
        assert.equal(await link.getAttribute('download'), `${id}.json`);
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        const saved = await download.path();
        const record = JSON.parse(readFileSync(saved, 'utf8'));
        assert.equal(record.id, id, 'the downloaded record is another report\'s');
        assert.equal(record.title, title, 'the downloaded record has another title');
      });
      const plain = await browser.newContext({ javaScriptEnabled: false });
      try {
        await withPage(plain, `${site.name}-5b-incident-no-js`, async (page) => {
          await goto(page, sample.incident);
          const citation = (await page.locator('.cite .citation').innerText()).trim();
          assert.ok(citation.includes(await h1Of(page)), `the plain citation lacks the title: ${citation}`);
          const held = await page.locator('script#record').textContent();
          assert.equal(JSON.parse(held).title, await h1Of(page), 'without scripts the page still holds its record');
          assert.equal(await page.locator('.cite .as-data a[download]').count(), 0, 'a download link without scripts');
          assert.equal(await page.locator('.cite details').count(), 0, 'BibTeX without scripts');
        });
      } finally {
        await plain.close();
      }
    });

    test('6. stats: at least 4 svg.chart, each with a table of its numbers', async () => {
      await withPage(context, `${site.name}-6-stats`, async (page) => {
        await goto(page, `${site.url}stats/`);
        await h1Of(page);
        const charts = await page.locator('main svg.chart').evaluateAll((svgs) =>
          svgs.map((svg) => {
            const box = svg.closest('section, figure');
            const table = box && box.querySelector('table');
            return {
              name: svg.getAttribute('aria-label') || svg.querySelector('title')?.textContent || svg.id || '(unnamed)',
              box: box ? `${box.tagName.toLowerCase()}#${box.id}` : null,
              table: !!table,
              inDetails: !!(table && table.closest('details')),
              rows: table ? table.querySelectorAll('tbody tr').length : 0,
            };
          }),
        );
        assert.ok(charts.length >= 4, `only ${charts.length} svg.chart on /stats/`);
        const missing = charts.filter((c) => !c.table || c.rows === 0);
        assert.deepEqual(missing, [], 'charts without a table (with rows) in their section or figure');
      });
    });

    test('7. axe-core: no serious or critical violations on home, region, group, incident, search, map, stats', async (t) => {
      const pages = [
        ['home', site.url],
        ['region', sample.region],
        ['group', sample.group],
        ['incident', sample.incident],
        ['search after a query', `${site.url}search/`, async (page) => searchFor(page, 'GSIM')],
        ['map', `${site.url}map/`],
        ['stats', `${site.url}stats/`],
      ];
      const report = {};
      for (const [name, url, prepare] of pages) {
        if (!url) continue;
        await t.test(name, async () => {
          await withPage(context, `${site.name}-7-axe-${name}`, async (page) => {
            await goto(page, url);
            if (prepare) await prepare(page);
            const violations = await axeSerious(page);
            report[name] = { url, violations };
            assert.equal(violations.length, 0, '\n' + formatViolations(url, violations));
          });
        });
      }
      writeArtifact(`axe-${site.name}.json`, JSON.stringify(report, null, 1) + '\n');
    });

    test('7b. axe-core in dark mode (prefers-color-scheme: dark): home and incident', async (t) => {
      for (const [name, url] of [
        ['home', site.url],
        ['incident', sample.incident],
      ]) {
        await t.test(name, async () => {
          await withPage(context, `${site.name}-7b-axe-dark-${name}`, async (page) => {
            await page.emulateMedia({ colorScheme: 'dark' });
            await goto(page, url);
            const violations = await axeSerious(page);
            writeArtifact(`axe-${site.name}-dark-${name}.json`, JSON.stringify(violations, null, 1) + '\n');
            assert.equal(violations.length, 0, '\n' + formatViolations(url + ' (dark)', violations));
          });
        });
      }
    });

    test('9. phone (390×844): full-page screenshots of home and an incident, no horizontal overflow', async (t) => {
      await phoneCheck(t, [
        ['home', site.url],
        ['incident', sample.incident],
      ]);
    });

    test('9b. phone (390×844): no horizontal overflow on /search/, /map/, /stats/', async (t) => {
      await phoneCheck(t, [
        ['search', `${site.url}search/`],
        ['map', `${site.url}map/`],
        ['stats', `${site.url}stats/`],
      ]);
    });

    async function phoneCheck(t, list) {
      const phone = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      watchErrors(phone, errors, `${site.name} (phone)`);
      try {
        for (const [name, url] of list) {
          await t.test(name, async () => {
            await withPage(phone, `${site.name}-9-phone-${name}`, async (page) => {
              await goto(page, url);
              const file = path.join(ARTIFACTS, `${site.name}-phone-${name}.png`);
              await page.screenshot({ path: file, fullPage: true });
              const m = await page.evaluate(() => {
                const iw = window.innerWidth;
                const wide = [];
                for (const el of document.querySelectorAll('body *')) {
                  const r = el.getBoundingClientRect();
                  if (r.right > iw + 0.5 && r.width > 0) {
                    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
                    wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} (right edge ${Math.round(r.right)}px)`);
                  }
                }
                return { sw: document.scrollingElement.scrollWidth, iw, wide: wide.slice(0, 10) };
              });
              assert.ok(
                m.sw <= m.iw,
                `${url}: page is ${m.sw}px wide in a ${m.iw}px viewport; widest elements:\n    ${m.wide.join('\n    ')}`,
              );
            });
          });
        }
      } finally {
        await phone.close();
      }
    }

    test('10. a missing page gets the site 404 page, styled, with status 404', async () => {
      const plain = await browser.newContext();
      try {
        await withPage(plain, `${site.name}-10-not-found`, async (page) => {
          const failed = [];
          page.on('response', (res) => {
            if (res.status() >= 400 && res.request().resourceType() !== 'document') failed.push(`${res.status()} ${res.url()}`);
          });
          const res = await page.goto(`${site.url}no/such/page/`, { waitUntil: 'load' });
          assert.equal(res.status(), 404);
          await h1Of(page);
          const styled = await page.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 0));
          assert.ok(styled, 'the 404 page has no stylesheet loaded (links must carry the base path)');
          assert.deepEqual(failed, [], 'resources of the 404 page that failed to load');
        });
      } finally {
        await plain.close();
      }
    });

    test('8. no console errors and no page errors on any page visited', () => {
      const mine = errors.filter((e) => e.site === site.name || e.site === `${site.name} (phone)`);
      assert.equal(mine.length, 0, `${mine.length} console or page error(s):\n${formatErrors(mine)}`);
    });
  });
}
