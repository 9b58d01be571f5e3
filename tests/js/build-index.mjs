// Builds a search index with the crate's own code (examples/search_index.rs), so the
// tests and the benchmark query the very files `incidex build` writes.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Writes the index of `input` ({docs, facets}, as SearchDoc and Facets) into a new
 *  temporary folder; returns the folder and the time `build` took in Rust, in ms. */
export function buildIndex(input, { release = false } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'incidex-search-'));
  const inputPath = join(folder, 'input.json');
  writeFileSync(inputPath, JSON.stringify(input));
  const index = join(folder, 'index');
  const args = ['run', '--quiet', ...(release ? ['--release'] : []), '--example', 'search_index'];
  const stdout = execFileSync('cargo', [...args, '--', inputPath, index], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return { folder, index, buildMs: Number(stdout.trim()) };
}

/** A `load` for Search reading `index` from disk; `onRead(path, bytes)` sees each read. */
export function fileLoader(index, onRead = () => {}) {
  return (path) => {
    const text = readFileSync(join(index, path), 'utf8');
    onRead(path, Buffer.byteLength(text));
    return JSON.parse(text);
  };
}
