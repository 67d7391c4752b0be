/* global process, console */
// Validates xlsx files with the Open XML SDK (npm @ooxml-tools/validate, WASM, offline).
// Usage: node validate-xlsx.mjs FILE... → one JSON line: { file: ["part xpath: description", …] }
import validate from '@ooxml-tools/validate';
import { readFileSync } from 'node:fs';

const out = {};
for (const f of process.argv.slice(2)) {
  const issues = await validate(new Uint8Array(readFileSync(f)), 'xlsx');
  out[f] = issues.map((i) => `${i.path.partUri} ${i.path.xpath}: ${i.description}`);
}
console.log(JSON.stringify(out));
