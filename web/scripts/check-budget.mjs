// Fails the build when the JavaScript the sign-in page loads first is larger than the budget, gzipped: the entry
// chunk(s) index.html references (<script type="module" src> and <link rel="modulepreload" href>). The other routes
// are lazy chunks and do not count.
// Usage: node scripts/check-budget.mjs dist [budgetKiB]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const budgetKiB = Number(process.argv[3] ?? process.env.STEADFAST_WEB_BUDGET_KIB ?? 250);
const html = readFileSync(join(dir, 'index.html'), 'utf8');

const refs = new Set();
for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
  const isModuleScript = tag.startsWith('<script') && /\btype="module"/.test(tag);
  const isPreload = tag.startsWith('<link') && /\brel="modulepreload"/.test(tag);
  if (!isModuleScript && !isPreload) continue;
  const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
  if (url && url.startsWith('/') && !url.startsWith('//')) refs.add(url);
}
if (refs.size === 0) {
  console.error('budget: index.html references no module script: is this the built index.html?');
  process.exit(1);
}

let total = 0;
for (const url of refs) {
  const size = gzipSync(readFileSync(join(dir, url)), { level: 9 }).length;
  total += size;
  console.log(`budget: ${url} ${(size / 1024).toFixed(1)} KiB gzipped`);
}
const line = `budget: initial JS of the sign-in page ${(total / 1024).toFixed(1)} KiB gzipped (budget ${budgetKiB} KiB)`;
if (total > budgetKiB * 1024) {
  console.error(`${line}: OVER BUDGET. Lazy-load what the sign-in page does not need (React.lazy).`);
  process.exit(1);
}
console.log(line);
