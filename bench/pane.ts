/**
 * The task pane's own timings (issue 12) in Chromium, over a production build of the preview:
 * 计算 (read the workbook, run the engine, write the rater analysis) at 160, 3,000 and 18,000
 * score sheets, with the engine in its Web Worker (as shipped) and, for comparison, on the
 * page's main thread (`?engine=page`). "Longest block" is the longest task the main thread ran
 * (Long Tasks API, tasks over 50 ms): while it runs the pane cannot paint or answer a key.
 * The simulated workbook's own recalculation is switched off: these are the pane's figures.
 */
import type { Page } from 'playwright-core';
import { buildPreview, launchChromium, serveDir, tempDir } from '../test/browser/harness';

/** star-rating has two sources: ratees × raters × 2 score sheets. */
const SIZES = [
  { ratees: 10, raters: 8 },
  { ratees: 50, raters: 30 },
  { ratees: 200, raters: 45 },
];
const TEMPLATE = 'star-rating';

interface Timing {
  total: number;
  longest: number;
  blocked: number;
  host: number;
}

const hostMs = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __duanpingBench: { hostMs(): number } }).__duanpingBench.hostMs(),
  );

async function computeOnce(page: Page): Promise<Timing> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __obs?: PerformanceObserver };
    w.__long = [];
    w.__obs?.disconnect();
    w.__obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    });
    w.__obs.observe({ type: 'longtask' });
  });
  const h0 = await hostMs(page);
  const t0 = Date.now();
  await page.getByTestId('compute').click();
  await page.getByTestId('results').waitFor({ timeout: 300_000 });
  await page.getByTestId('compute').waitFor({ state: 'visible' });
  await page.waitForFunction(
    () => !(document.querySelector('[data-testid="compute"]') as HTMLButtonElement).disabled,
    undefined,
    { timeout: 300_000 },
  );
  const total = Date.now() - t0;
  await page.waitForTimeout(200);
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  return {
    total,
    longest: Math.max(0, ...long),
    blocked: long.reduce((a, b) => a + b, 0),
    host: (await hostMs(page)) - h0,
  };
}

export async function run(): Promise<void> {
  const out = tempDir('dp-bench-pane-');
  await buildPreview(out, 'production');
  const server = await serveDir(out);
  const context = await launchChromium();
  try {
    for (const size of SIZES) {
      const sheets = size.ratees * size.raters * 2;
      const line: string[] = [];
      for (const engine of ['worker', 'page'] as const) {
        const page = await context.newPage();
        await page.goto(`${server.url}?bench${engine === 'page' ? '&engine=page' : ''}`);
        page.setDefaultTimeout(300_000);
        await page.getByTestId('template-select').waitFor();
        const typed = await page.evaluate(
          ([r, k, id]) =>
            (
              window as unknown as {
                __duanpingBench: { load(r: number, k: number, id: string): Promise<number> };
              }
            ).__duanpingBench.load(r, k, id),
          [size.ratees, size.raters, TEMPLATE] as [number, number, string],
        );
        if (typed !== sheets) throw new Error(`expected ${sheets} score sheets, typed ${typed}`);
        await page.getByTestId('tab-compute').click();
        await computeOnce(page); // warm-up (first run parses and compiles the engine)
        const t = await computeOnce(page);
        line.push(
          `${engine === 'worker' ? 'engine in worker' : 'engine on page  '}: 计算 ${t.total} ms, ` +
            `longest main-thread block ${t.longest.toFixed(0)} ms, blocked ${t.blocked.toFixed(0)} ms in all, ` +
            `of which ≈${t.host.toFixed(0)} ms inside the simulated Excel (on this page in the preview; Excel's own process in Office)`,
        );
        await page.close();
      }
      console.log(`${sheets} score sheets (${size.ratees} ratees):`);
      for (const l of line) console.log(`  ${l}`);
    }
    console.log(
      '  [target: the pane never freezes while the engine works. With the worker the main thread only reads and writes\n' +
        '   cells (the simulated Excel, on this page here) and draws the results; the issue saw 1.6–2.9 s frozen at 3,000]',
    );
  } finally {
    await context.close();
    await server.close();
  }
}
