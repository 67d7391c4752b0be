/**
 * `npm run bench`: every bench/<area>.ts exporting `run()` prints its own figures against the
 * targets its issue names. Pass area names to run only some: `npm run bench -- engine raters`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const areas = readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'))
    .map((f) => f.replace(/\.ts$/, ''))
    .filter((a) => only.length === 0 || only.includes(a))
    .sort((a, b) => (a === 'engine' ? -1 : b === 'engine' ? 1 : a.localeCompare(b)));
  for (const area of areas) {
    console.log(`\n== ${area} ==`);
    const mod = (await import(pathToFileURL(join(__dirname, `${area}.ts`)).href)) as {
      run?: () => Promise<void>;
    };
    if (typeof mod.run !== 'function') {
      console.log(`(bench/${area}.ts exports no run())`);
      continue;
    }
    await mod.run();
  }
}

main().catch((e: Error) => {
  console.error(`bench: ${e.message}`);
  process.exitCode = 1;
});
