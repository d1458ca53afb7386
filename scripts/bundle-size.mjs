// Checks that the JavaScript the cadre page loads stays small on a phone's poor network:
// gzips every .js file dist/cadre.html references (entry script and module preloads) and fails
// when the sum exceeds the budget. Run after `npm run build:dashboard`: `npm run check:bundle`.
// Node only, no dependencies. Usage: node scripts/bundle-size.mjs [page.html] [budgetKiB]
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'src', 'Dashboard', 'dist');
const page = process.argv[2] ?? 'cadre.html';
const budgetKiB = Number(process.argv[3] ?? 150);

const htmlPath = join(dist, page);
if (!existsSync(htmlPath)) {
  console.error(`bundle-size: ${htmlPath} not found; run npm run build:dashboard first.`);
  process.exit(2);
}
const html = readFileSync(htmlPath, 'utf8');
const refs = new Set();
for (const m of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
  const tag = m[0];
  const url = /\b(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
  if (!url || !/\.m?js(\?|#|$)/i.test(url) || /^(https?:)?\/\//i.test(url)) continue;
  refs.add(url.replace(/[?#].*$/, '').replace(/^\//, ''));
}
if (refs.size === 0) {
  console.error(`bundle-size: no JavaScript referenced by ${page}`);
  process.exit(2);
}
let total = 0;
for (const ref of [...refs].sort()) {
  const file = join(dist, ref);
  if (!existsSync(file)) {
    console.error(`bundle-size: ${page} references ${ref}, which is not in dist/`);
    process.exit(2);
  }
  const gz = gzipSync(readFileSync(file), { level: 9 }).length;
  total += gz;
  console.log(`${(gz / 1024).toFixed(1).padStart(8)} KiB  ${ref}`);
}
const verdict = total <= budgetKiB * 1024;
console.log(`${(total / 1024).toFixed(1).padStart(8)} KiB  total gzipped JS for ${page} (budget ${budgetKiB} KiB) ${verdict ? 'OK' : 'TOO BIG'}`);
if (!verdict) process.exit(1);
