// Writes a .gz and a .br next to every compressible file of the build (dist/), for the server to send to browsers
// that accept them. A compressed copy that is not smaller than the file is not kept.
// Usage: node scripts/precompress.mjs dist
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.webmanifest', '.txt', '.map', '.xml']);
const dir = process.argv[2] ?? 'dist';

function* files(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

let count = 0;
for (const file of [...files(dir)]) {
  if (file.endsWith('.gz') || file.endsWith('.br')) {
    rmSync(file);
    continue;
  }
  if (!COMPRESSIBLE.has(extname(file))) continue;
  const data = readFileSync(file);
  const variants = {
    '.gz': gzipSync(data, { level: 9 }),
    '.br': brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  };
  for (const [ext, packed] of Object.entries(variants)) {
    if (packed.length < data.length) {
      writeFileSync(file + ext, packed);
      count++;
    }
  }
}
console.log(`precompress: ${count} .gz/.br files in ${dir}`);
