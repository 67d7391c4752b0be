/**
 * The preview in Chromium: time from navigation until the task pane is interactive (the
 * template picker can be used), over a production build of the preview served locally; and the
 * gzipped size of the preview's scripts (the add-in's task pane shares every component).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPreview, launchChromium, serveDir, tempDir } from '../test/browser/harness';

const LOADS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(): Promise<void> {
  const out = tempDir('dp-bench-preview-');
  const t0 = performance.now();
  await buildPreview(out, 'production');
  console.log(`preview production build: ${((performance.now() - t0) / 1000).toFixed(1)} s (no target)`);
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/src="?([^" >]+\.js)/g)].map((m) => m[1]);
  const size = (fs: string[]) => fs.reduce((a, f) => a + gzipSync(readFileSync(join(out, f))).length, 0);
  const lazy = readdirSync(out).filter((f) => f.endsWith('.js') && !initial.includes(f));
  console.log(
    `preview scripts gzipped: ${(size(initial) / 1024).toFixed(0)} KB at load (target for the task pane ≤ 400 KB),` +
      ` ${(size(lazy) / 1024).toFixed(0)} KB more loaded on demand (${lazy.join(', ') || 'none'})`,
  );

  const server = await serveDir(out);
  const context = await launchChromium();
  try {
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(server.url);
      await page.getByTestId('template-select').waitFor({ state: 'visible' });
      await page.getByTestId('template-select').click();
      await page.getByRole('option').first().waitFor();
      times.push(performance.now() - start);
      await page.close();
    }
    console.log(
      `preview interactive in Chromium (navigation → template list open), median of ${LOADS}: ${median(times).toFixed(0)} ms` +
        ` (first ${times[0].toFixed(0)} ms; the issue sets no figure)`,
    );
  } finally {
    await context.close();
    await server.close();
  }
}
