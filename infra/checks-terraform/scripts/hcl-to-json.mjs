// Parses every Terraform file under a folder (*.tf, and the *.tfvars.example files) with @cdktf/hcl2json —
// HashiCorp's own HCL parser compiled to WebAssembly — and writes each one's JSON next to the others under the
// output folder, at the same relative path plus ".json". Every file that does not parse is named, with the
// parser's message (file:line,column), and the exit status is 1. No network, no Terraform binary.
//
//   node scripts/hcl-to-json.mjs <terraform dir> <output dir>
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import hcl2json from '@cdktf/hcl2json';

const [source, target] = process.argv.slice(2).map((p) => resolve(p));
if (!source || !target) {
  console.error('usage: node scripts/hcl-to-json.mjs <terraform dir> <output dir>');
  process.exit(2);
}

const SKIP = new Set(['.terraform', 'node_modules']);

async function terraformFiles(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) found.push(...(await terraformFiles(path)));
    } else if (entry.name.endsWith('.tf') || entry.name.endsWith('.tfvars.example')) {
      found.push(path);
    }
  }
  return found.sort();
}

await rm(target, { recursive: true, force: true });
await mkdir(target, { recursive: true });
const files = await terraformFiles(source);
const failures = [];
for (const file of files) {
  const name = relative(source, file);
  try {
    const json = await hcl2json.parse(name, await readFile(file, 'utf8'));
    const out = join(target, `${name}.json`);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(json, null, 2)}\n`);
  } catch (e) {
    failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
await writeFile(join(target, 'files.txt'), files.map((f) => relative(source, f)).join('\n') + '\n');

if (files.length === 0) {
  console.error(`[hcl] no Terraform files under ${source}`);
  process.exit(1);
}
if (failures.length > 0) {
  console.error(`[hcl] ${failures.length} of ${files.length} files do not parse:`);
  for (const f of failures) console.error(`  ${f}`);
  process.exit(1);
}
console.log(`[hcl] ${files.length} files parsed into ${relative(process.cwd(), target)}`);
