// The test server itself: base paths, index.html, 404.html with status 404, content types,
// and refusal of paths that climb out of the site. No browser needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';

let dir;
let server;
let base;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'incidex-server-test-'));
  const site = path.join(dir, 'site');
  mkdirSync(path.join(site, 'regions', 'mali'), { recursive: true });
  writeFileSync(path.join(site, 'index.html'), '<h1>home</h1>');
  writeFileSync(path.join(site, '404.html'), '<h1>not here</h1>');
  writeFileSync(path.join(site, 'regions', 'mali', 'index.html'), '<h1>Mali</h1>');
  for (const ext of ['css', 'js', 'json', 'svg', 'xml', 'csv', 'geojson']) {
    writeFileSync(path.join(site, `f.${ext}`), 'x');
  }
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the site');
  ({ server, url: base } = await startServer({ mounts: { '/site/': site } }));
});

after(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request, so paths like /site/../x reach the server unnormalised. */
function get(rawPath, method = 'GET') {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves index.html for folders under the base path', async () => {
  const home = await get('/site/');
  assert.equal(home.status, 200);
  assert.equal(home.body, '<h1>home</h1>');
  assert.equal(home.headers['content-type'], 'text/html; charset=utf-8');
  const mali = await get('/site/regions/mali/');
  assert.equal(mali.body, '<h1>Mali</h1>');
});

test('redirects a folder asked for without its slash', async () => {
  const r = await get('/site/regions/mali?x=1');
  assert.equal(r.status, 301);
  assert.equal(r.headers.location, '/site/regions/mali/?x=1');
  assert.equal((await get('/site')).headers.location, '/site/');
});

test('missing pages get 404.html with status 404', async () => {
  for (const p of ['/site/nope/', '/site/nope.html', '/site/regions/niger/']) {
    const r = await get(p);
    assert.equal(r.status, 404, p);
    assert.equal(r.body, '<h1>not here</h1>', p);
  }
  const outside = await get('/elsewhere/');
  assert.equal(outside.status, 404);
});

test('content types', async () => {
  const want = {
    css: 'text/css',
    js: 'text/javascript',
    json: 'application/json',
    svg: 'image/svg+xml',
    xml: 'application/xml',
    csv: 'text/csv',
    geojson: 'application/geo+json',
  };
  for (const [ext, type] of Object.entries(want)) {
    const r = await get(`/site/f.${ext}`);
    assert.equal(r.status, 200, ext);
    assert.equal(r.headers['content-type'].split(';')[0], type, ext);
  }
});

test('refuses paths that leave the site', async () => {
  for (const p of [
    '/site/../secret.txt',
    '/site/%2e%2e/secret.txt',
    '/site/%2E%2E%2Fsecret.txt',
    '/site/regions/..%2f..%2fsecret.txt',
    '/site/..%5csecret.txt',
    '/site/%00',
    '/site/%zz',
  ]) {
    const r = await get(p);
    assert.ok(r.status === 400 || r.status === 404, `${p}: ${r.status}`);
    assert.ok(!r.body.includes('outside the site'), `${p} leaked a file outside the site`);
  }
});

test('HEAD has no body; other methods are refused', async () => {
  const head = await get('/site/', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  assert.equal((await get('/site/', 'POST')).status, 405);
});
