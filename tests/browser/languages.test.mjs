// The example site in French (its default), English and Arabic, built by .ci/browser.sh
// from this repository's site with `ar` added to its `languages`: each page says its
// language and direction, axe finds nothing serious, a phone shows it without sideways
// scrolling, the search page answers in the language, and the language switch leads to
// the same report in another language.
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
        if (site.name !== 'en') assert.notEqual(skip, 'Skip to content', 'the skip link is translated');
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
        if (site.name !== 'en') {
          assert.doesNotMatch(text, /incidents? match/, `the status line is not in English: ${text}`);
        }
      } finally {
        await context.close();
      }
    });
  });
}

describe('the language switch', () => {
  test('leads from a report to the same report in each other language (screenshots kept)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const first = languages[0];
      const report = await firstReport(page, first);
      const slug = new URL(report).pathname.split('/').filter(Boolean).pop();
      for (const site of languages) {
        await page.goto(report);
        const link = page.locator(`.language-switch a[lang="${site.name}"]`);
        await Promise.all([page.waitForURL(`${site.url}incidents/${slug}/`), link.click()]);
        assert.equal(await page.locator('html').getAttribute('lang'), site.name);
        const current = page.locator('.language-switch a[aria-current]');
        assert.equal(await current.getAttribute('lang'), site.name);
        await page.screenshot({ path: path.join(ARTIFACTS, `report-${site.name}.png`), fullPage: true });
        // Back to the first language, from this page's own switch.
        const back = page.locator(`.language-switch a[lang="${first.name}"]`);
        assert.equal(new URL(await back.getAttribute('href'), page.url()).href, report);
      }
    } finally {
      await context.close();
    }
  });
});
