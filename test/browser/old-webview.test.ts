/**
 * Old webviews (issue 10): the task pane in a page without ES2015 built-ins shows a message in
 * Chinese and English saying what to use instead, and never a blank pane; a normal load never
 * shows it. Both pages that carry the pane are built with the project's webpack config and
 * loaded in Chromium: the add-in's taskpane.html (Office.js, from Microsoft's CDN, replaced by a
 * stub — the test runs offline) and the preview.
 *
 * Chromium cannot become Internet Explorer 11; the page is made to lack what IE11 lacks
 * (Promise, Map, Symbol, Proxy, Reflect, Array.prototype.includes) before any of its scripts run.
 * Which syntax the bundles need (ES2022: Fluent UI's tabster ships class static blocks and ??=),
 * and that the check is ES5, is checked by parsing them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import type { BrowserContext, Page } from 'playwright-core';
import { buildAddin, buildPreview, launchChromium, serveDir, tempDir } from './harness';

/** What Internet Explorer 11 lacks, taken away before the page's scripts run. */
function removeEs2015(): void {
  const w = window as unknown as Record<string, unknown>;
  for (const name of ['Promise', 'Map', 'Symbol', 'Proxy', 'Reflect']) delete w[name];
  Object.defineProperty(Array.prototype, 'includes', {
    value: undefined,
    configurable: true,
    writable: true,
  });
}

/**
 * Office.js as the page sees it in an Excel without ExcelApi 1.7 (ES5: it must run in the
 * stripped page too): onReady calls back at once; no requirement set is supported.
 */
const OFFICE_STUB = `window.Office = {
  onReady: function (cb) { if (cb) cb({ host: 'Excel', platform: 'PC' }); return { then: function (f) { if (f) f(); } }; },
  context: { displayLanguage: 'zh-CN', requirements: { isSetSupported: function () { return false; } } }
};`;

const ZH = '端平无法在此版本的 Office 中运行';
const EN = 'Duanping cannot run in this version of Office';

let context: BrowserContext;
let addin: { url: string; close(): Promise<void> };
let preview: { url: string; close(): Promise<void> };
let addinDir: string;
let previewDir: string;

beforeAll(async () => {
  addinDir = tempDir('dp-addin-');
  previewDir = tempDir('dp-preview-');
  await buildAddin(addinDir);
  await buildPreview(previewDir);
  addin = await serveDir(addinDir);
  preview = await serveDir(previewDir);
  context = await launchChromium({ width: 360, height: 700 });
  await context.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STUB }),
  );
}, 300_000);

afterAll(async () => {
  await context?.close();
  await addin?.close();
  await preview?.close();
});

async function open(url: string, prepare?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await context.newPage();
  await prepare?.(page);
  await page.goto(url);
  return page;
}

/** The old-webview message is on screen, in both languages, with what to use instead. */
async function expectMessage(page: Page): Promise<void> {
  const message = page.locator('#dp-old-webview');
  await message.waitFor({ state: 'visible' });
  const text = await message.innerText();
  expect(text).toContain(ZH);
  expect(text).toContain(EN);
  for (const instead of ['Microsoft 365', 'Office 2021', 'Excel 网页版', 'Excel on the web', 'WebView2'])
    expect(text).toContain(instead);
  const box = await message.boundingBox();
  expect(box!.height).toBeGreaterThan(50);
}

describe('the task pane in an old webview', () => {
  test('taskpane.html without ES2015 built-ins shows the message, not a blank pane', async () => {
    const page = await open(`${addin.url}taskpane.html`, (p) => p.addInitScript(removeEs2015));
    await expectMessage(page);
    // Nothing of the pane rendered (the bundle ran no further than the check let it).
    expect(await page.locator('#root').innerHTML()).toBe('');
    await page.close();
  });

  test('the preview without ES2015 built-ins shows the message', async () => {
    const page = await open(preview.url, (p) => p.addInitScript(removeEs2015));
    await expectMessage(page);
    expect(await page.locator('#root').innerHTML()).toBe('');
    await page.close();
  });

  test('a bundle that cannot even be parsed still leaves the message, not a blank pane', async () => {
    // The check passes (Chromium has everything), then every bundle fails with a syntax error —
    // as an engine that passed the check but not the bundle's syntax would.
    const page = await open(preview.url, (p) =>
      p.route(/\.js(\?|$)/, (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: 'let = ;' }),
      ),
    );
    await expectMessage(page);
    await page.close();
  });
});

describe('the task pane in a current webview', () => {
  test('the preview starts and the message stays hidden', async () => {
    const page = await open(preview.url);
    await page.getByTestId('template-select').waitFor();
    expect(await page.locator('#dp-old-webview').isVisible()).toBe(false);
    expect(await page.locator('#dp-old-webview').count()).toBe(1);
    await page.close();
  });

  test('taskpane.html in an Excel without ExcelApi 1.7 gives its own message, not the old-webview one', async () => {
    const page = await open(`${addin.url}taskpane.html`);
    await page.getByText('此版本的 Excel 不支持端平加载项').waitFor();
    expect(await page.locator('#dp-old-webview').isVisible()).toBe(false);
    expect(await page.locator('#dp-old-webview').count()).toBe(1);
    await page.close();
  });
});

describe('what the check assumes', () => {
  const scripts = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(dir, f));

  test('the built bundles need ES2022 syntax (what the check tests for), and the check is ES5', () => {
    const bundles = [...scripts(addinDir), ...scripts(previewDir)];
    expect(bundles.length).toBeGreaterThan(2);
    const parses = (file: string, ecmaVersion: 5 | 2021 | 2022) => {
      try {
        parse(readFileSync(file, 'utf8'), { ecmaVersion, sourceType: 'script' });
        return true;
      } catch {
        return false;
      }
    };
    for (const file of bundles) expect([file, parses(file, 2022)]).toEqual([file, true]);
    // Not ES2021: if this changes (a dependency moved on), the check's syntax test must follow.
    expect(bundles.filter((f) => !parses(f, 2021)).length).toBeGreaterThan(0);
    const html = readFileSync(join(addinDir, 'taskpane.html'), 'utf8');
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(inline).toContain('__duanpingUnsupported');
    expect(() => parse(inline, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    // The check runs before any bundle or Office.js.
    expect(html.indexOf('__duanpingUnsupported')).toBeLessThan(
      html.indexOf('<script', html.indexOf('</script>')),
    );
  });
});
