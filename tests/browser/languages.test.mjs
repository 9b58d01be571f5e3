// The example site with its interface in French and in Arabic, built by .ci/browser.sh
// from this repository's site with only `language` changed: each page says its language
// and direction, axe finds nothing serious, a phone shows it without sideways scrolling,
// and the search page answers in the language.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, axeSerious, formatViolations, launch, writeArtifact } from './lib/harness.mjs';

const file = process.env.INCIDEX_BROWSER_LANGUAGES;
if (!file) {
  throw new Error('INCIDEX_BROWSER_LANGUAGES is not set: run `bash .ci/browser.sh`');
}
const languages = JSON.parse(readFileSync(file, 'utf8'));
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** The URL of the first report listed on the home page. */
async function firstReport(page, site) {
  await page.goto(site.url);
  const href = await page.locator('main article a[href*="/incidents/"]').first().getAttribute('href');
  return new URL(href, site.url).href;
}

for (const site of languages) {
  describe(`the example site in '${site.name}' at ${site.url}`, () => {
    test('the page says its language and direction, and its frame is not in English', async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(site.url);
        const root = page.locator('html');
        assert.equal(await root.getAttribute('lang'), site.name);
        assert.equal(await root.getAttribute('dir'), site.dir);
        const skip = (await page.locator('a.skip-link').textContent()).trim();
        assert.notEqual(skip, 'Skip to content', 'the skip link is translated');
        const direction = await page.evaluate(() => getComputedStyle(document.body).direction);
        assert.equal(direction, site.dir, 'the browser lays the page out in that direction');
      } finally {
        await context.close();
      }
    });

    test('axe-core: no serious or critical violations on home, a report and search', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const report = await firstReport(page, site);
        const found = [];
        for (const url of [site.url, report, `${site.url}search/`]) {
          await page.goto(url);
          const violations = await axeSerious(page);
          if (violations.length) found.push(formatViolations(url, violations));
        }
        writeArtifact(`axe-language-${site.name}.txt`, found.join('\n') + '\n');
        assert.equal(found.length, 0, found.join('\n'));
      } finally {
        await context.close();
      }
    });

    test('a phone shows home and a report with no sideways scrolling (screenshots kept)', async () => {
      const phone = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      try {
        const page = await phone.newPage();
        const report = await firstReport(page, site);
        for (const [name, url] of [['home', site.url], ['incident', report]]) {
          await page.goto(url);
          const shot = path.join(ARTIFACTS, `${site.name}-phone-${name}.png`);
          await page.screenshot({ path: shot, fullPage: true });
          const m = await page.evaluate(() => ({
            sw: document.scrollingElement.scrollWidth,
            iw: window.innerWidth,
          }));
          assert.ok(m.sw <= m.iw, `${url}: ${m.sw}px wide in a ${m.iw}px viewport`);
        }
      } finally {
        await phone.close();
      }
    });

    test('the search page answers in the language', async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${site.url}search/`);
        await page.locator('#search-q').fill('kayes');
        const status = page.locator('#search-status');
        await status.filter({ hasText: /\d/ }).waitFor({ timeout: 10000 });
        const text = (await status.textContent()).trim();
        assert.doesNotMatch(text, /incidents? match/, `the status line is not in English: ${text}`);
      } finally {
        await context.close();
      }
    });
  });
}
