// A tiny static server for the browser tests: serves built sites under base paths, the way
// GitHub Pages serves a project site at https://user.github.io/repo/. No dependencies.
//
//   node tests/browser/server.mjs [--host 127.0.0.1] [--port 0] --mount /site/=DIR [--mount /other/=DIR2]
//
// Prints one line `listening http://HOST:PORT/` once it accepts connections (port 0 picks a
// free one). Folders are served by their index.html (a folder asked for without its trailing
// slash is redirected to it); anything missing gets the mount's 404.html with status 404;
// paths that climb out of a mount (`..`, encoded or not, backslashes, NUL) are refused with
// 400. Only GET and HEAD. Files are read from disk on each request, so a site can be (re)built
// into a mounted folder while the server runs.
//
// Also importable: `startServer({ host, port, mounts: { '/site/': dir } })` resolves to
// `{ server, url }`.
import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(file) {
  const base = path.basename(file);
  // Atom feeds are served as GitHub Pages serves .xml; the one name we know is atom.xml.
  if (base === 'atom.xml') return 'application/atom+xml; charset=utf-8';
  return CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/** The file a request path maps to inside `root`, or null when it would leave `root`. */
export function resolveInside(root, relative) {
  let decoded;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  const rootResolved = path.resolve(root);
  if (full !== rootResolved && !full.startsWith(rootResolved + path.sep)) return null;
  return full;
}

async function fileStat(file) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

async function send(req, res, status, file, extraHeaders = {}) {
  const body = await readFile(file);
  res.writeHead(status, {
    'Content-Type': contentType(file),
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function plain(req, res, status, text, extraHeaders = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(req.method === 'HEAD' ? undefined : text + '\n');
}

async function notFound(req, res, root) {
  const page = root && path.join(root, '404.html');
  if (page && (await fileStat(page))?.isFile()) return send(req, res, 404, page);
  return plain(req, res, 404, 'Not found');
}

export function makeHandler(mounts) {
  // Longest base path first, so /a/b/ wins over /a/.
  const entries = Object.entries(mounts)
    .map(([base, dir]) => [base.endsWith('/') ? base : base + '/', path.resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  return async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return plain(req, res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      }
      const rawPath = (req.url || '/').split('?')[0].split('#')[0];
      if (!rawPath.startsWith('/')) return plain(req, res, 400, 'Bad request');
      const mount = entries.find(([base]) => rawPath === base.slice(0, -1) || rawPath.startsWith(base));
      if (!mount) return notFound(req, res, null);
      const [base, root] = mount;
      if (rawPath === base.slice(0, -1)) {
        return plain(req, res, 301, 'Moved', { Location: base });
      }
      const file = resolveInside(root, rawPath.slice(base.length));
      if (file === null) return plain(req, res, 400, 'Bad request: path leaves the site');
      const info = await fileStat(file);
      if (info?.isDirectory()) {
        if (!rawPath.endsWith('/')) {
          const query = (req.url || '').includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
          return plain(req, res, 301, 'Moved', { Location: rawPath + '/' + query });
        }
        const index = path.join(file, 'index.html');
        if ((await fileStat(index))?.isFile()) return send(req, res, 200, index);
        return notFound(req, res, root);
      }
      if (info?.isFile()) return send(req, res, 200, file);
      return notFound(req, res, root);
    } catch (err) {
      if (!res.headersSent) plain(req, res, 500, 'Internal error: ' + err.message);
      else res.destroy();
    }
  };
}

export function startServer({ host = '127.0.0.1', port = 0, mounts }) {
  const server = createServer(makeHandler(mounts));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolve({ server, url: `http://${host}:${addr.port}/` });
    });
  });
}

function parseArgs(argv) {
  const opts = { host: '127.0.0.1', port: 0, mounts: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--host') opts.host = value();
    else if (arg === '--port') opts.port = Number(value());
    else if (arg === '--mount') {
      const spec = value();
      const eq = spec.indexOf('=');
      if (eq < 1 || !spec.startsWith('/')) throw new Error(`--mount wants /BASE/=DIR, got ${spec}`);
      opts.mounts[spec.slice(0, eq)] = spec.slice(eq + 1);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!Object.keys(opts.mounts).length) throw new Error('give at least one --mount /BASE/=DIR');
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`server.mjs: ${err.message}`);
    process.exit(2);
  }
  const { server, url } = await startServer(opts);
  console.log(`listening ${url}`);
  for (const [base, dir] of Object.entries(opts.mounts)) console.log(`  ${url.slice(0, -1)}${base} -> ${dir}`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
