/**
 * A clerk's and a reviewer's day in the preview, in real Chromium: choose a template, install,
 * paste a block of scores, see a bad cell reported and fix it, compute, read the tiers, open the
 * rater panel and find the planted flat rater, highlight that rater's rows. Every step saves a
 * screenshot to test-output/screenshots/.
 *
 * The expected figures come from the engine run directly on the same scenario in this process,
 * so the test checks that the pane shows what the engine computes after the whole trip through
 * the host (install, paste, read back, compute).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { scoreAndAnalyze } from '../../src/core/pipeline';
import { DIGEST_PROVES, webCryptoDigester } from '../../src/core/signoff';
import { verifyWorkbook } from '../../src/hosts/xlsx/signoff';
import { FIELD_HEADERS } from '../../src/workbook/names';
import { buildPreview, launchChromium, serveDir, tempDir } from './harness';
import { asTsv, scenario } from './scenario';

const AXE = require.resolve('axe-core/axe.min.js');

/** axe-core over the task pane: the violations rated serious or critical (none allowed). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            el: Element,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    // Fluent UI's focus manager (tabster) puts aria-hidden <i data-tabster-dummy> elements around
    // focus groups to redirect Tab; they are not content, so they are left out.
    const r = await axe.run({
      include: [['[data-testid="taskpane"]']],
      exclude: [['[data-tabster-dummy]']],
    } as never);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  });
}

/** Types into one cell of the shown sheet, as a clerk does in the grid. */
async function typeInto(page: Page, a1: string, text: string): Promise<void> {
  await page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`).click();
  await page.getByTestId('cell-input').fill(text);
  await page.getByTestId('cell-input').press('Enter');
}

/** A Word indicator table as Word copies it: tabs, CR LF, merged 一级指标 cells empty below. */
const WORD_TABLE = [
  '序号\t一级指标\t二级指标\t分值\t评分标准',
  '1\t一、班子建设\t1．班子配备\t２０分\t班子成员配齐配强。',
  '2\t\t2．民主集中制\t20分\t按规定召开民主生活会。',
  '3\t二、党员队伍\t3．党员教育\t30\t“三会一课”落实到位。',
  '4\t三、作风建设\t4．作风建设\t30\t无违纪违规问题。',
  '\t合计\t\t100\t',
].join('\r\n');

const SHOTS = resolve(__dirname, '..', '..', 'test-output', 'screenshots');
const PANE_WIDTH = 320;

let context: BrowserContext;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  const out = tempDir('dp-preview-');
  await buildPreview(out);
  server = await serveDir(out);
  context = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
});

/** A fresh page of the preview with page errors collected (a test fails on any). */
async function openPreview(query = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + query);
  await page.getByTestId('template-select').waitFor();
  return { page, errors };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The task pane must be usable at 320 px: nothing wider than the pane. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, client } = await page
    .getByTestId('taskpane')
    .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(client).toBeLessThanOrEqual(PANE_WIDTH);
  expect(scroll).toBeLessThanOrEqual(client);
}

/** Chooses a built-in template by its Chinese name and installs it. */
async function chooseAndInstall(page: Page, name: string): Promise<void> {
  await page.getByTestId('template-select').click();
  await page.getByRole('option', { name }).click();
  await page.getByTestId('template-editor').waitFor();
  await page.getByTestId('install').click();
  await page.getByTestId('install-done').waitFor();
}

/** The sheet tab whose name contains `text`, clicked; returns the sheet's name. */
async function openSheet(page: Page, text: string): Promise<string> {
  const tab = page.getByTestId('sheet-tab').filter({ hasText: text }).first();
  await tab.click();
  return (await tab.getAttribute('data-sheet-name')) ?? '';
}

/** Reads the grid's cell text at an A1 address of the shown sheet. */
function cell(page: Page, a1: string) {
  return page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`);
}

describe('the preview in Chromium', () => {
  test("a clerk's and a reviewer's day", async () => {
    const s = scenario();
    const { page, errors } = await openPreview();
    await shot(page, '01-start');
    await expectNoHorizontalOverflow(page);

    // 模板: choose the star-rating template, install it.
    await chooseAndInstall(page, s.template.name);
    await expect(page.getByTestId('template-facts').textContent()).resolves.toContain(
      String(s.template.indicators.length),
    );
    await shot(page, '02-installed');
    await expectNoHorizontalOverflow(page);

    // Paste the block of scores at the first data cell of the entry sheet.
    const entrySheet = await openSheet(page, '评分录入');
    const header = await page.locator('[data-testid="grid"] tbody tr').nth(1).locator('td').allTextContents();
    const sourceCol = header.findIndex((h) => h === FIELD_HEADERS.zh.source);
    expect(sourceCol).toBeGreaterThanOrEqual(0);
    const firstCell = `${String.fromCharCode(65 + sourceCol)}3`;
    await cell(page, firstCell).click();
    await page.getByTestId('paste-area').fill(asTsv(s.rows));
    await page.getByTestId('paste-apply').click();
    const lastRow = 3 + s.rows.length - 1;
    await expect(
      cell(page, `${String.fromCharCode(65 + sourceCol + 1)}${lastRow}`).textContent(),
    ).resolves.toBe(s.rows[s.rows.length - 1][1]);
    await shot(page, '03-pasted');

    // 计算: check; the "18分" cell is reported, with the fix proposed.
    await page.getByTestId('tab-compute').click();
    await page.getByTestId('check').click();
    const problem = page.getByTestId('problem');
    await problem.first().waitFor();
    expect(await problem.count()).toBe(1);
    const where = (await problem.getAttribute('data-where')) ?? '';
    const badCol = String.fromCharCode(
      65 + sourceCol + 3 + s.template.indicators.findIndex((x) => x.id === s.bad.indicator),
    );
    expect(where).toBe(`${entrySheet}!${badCol}${3 + s.bad.row}`);
    await expect(cell(page, where.split('!')[1]).textContent()).resolves.toBe(s.bad.typed);
    await expect(problem.textContent()).resolves.toContain(s.bad.typed);
    await expect(problem.textContent()).resolves.toContain(s.bad.fixed);
    await shot(page, '04-problem');

    // Clicking the problem selects the cell; the clerk types the number and checks again.
    await problem.click();
    await expect(page.getByTestId('cell-address').textContent()).resolves.toBe(where);
    await page.getByTestId('cell-input').fill(s.bad.fixed);
    await page.getByTestId('cell-input').press('Enter');
    await page.getByTestId('check').click();
    await page.getByTestId('no-problems').waitFor();

    // Compute: the results table shows the engine's ranks, scores and tiers. No ratee list was
    // given, so the ratees of the score sheets are written into 名单 (the summary lists 名单).
    await page.getByTestId('compute').click();
    await page.getByTestId('results').waitFor();
    await expect(page.getByTestId('list-filled').textContent()).resolves.toContain('10 个被考核对象');
    const fixedRows = s.rows.map((r, i) =>
      i === s.bad.row ? r.map((v, k) => (k === 4 ? s.bad.fixed : v)) : r,
    );
    const ids = s.template.indicators.map((x) => x.id);
    const expected = scoreAndAnalyze(
      {
        template: s.template,
        entries: fixedRows.map((r) => ({
          source: r[0],
          rater: r[1],
          ratee: r[2],
          cells: Object.fromEntries(ids.map((id, i) => [id, Number(r[3 + i])])),
        })),
      },
      { lang: 'zh' },
    ).results;
    const shownRows = await page
      .getByTestId('result-row')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(shownRows).toHaveLength(expected.ratees.length);
    for (const r of expected.ratees) {
      const row = shownRows.find((cells) => cells[1].startsWith(r.name ?? r.ratee));
      expect(row).toBeDefined();
      expect(row![0]).toBe(String(r.rank));
      expect(row![2]).toBe(r.final!.toFixed(s.template.decimals));
      expect(row![3]).toBe(r.tier);
    }
    // The tier chart counts agree with the table.
    for (const tier of s.template.tiers) {
      const count = expected.ratees.filter((r) => r.tier === tier.name).length;
      await expect(
        page.locator(`[data-testid="tier-chart"] g[data-tier="${tier.name}"]`).getAttribute('data-count'),
      ).resolves.toBe(String(count));
    }
    // The summary sheet's formula cells show the same figures (filled by the preview's calculation).
    await openSheet(page, '汇总');
    const summaryRows = await page
      .locator('[data-testid="grid"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    for (const r of expected.ratees) {
      const row = summaryRows.find((cells) => cells.includes(r.ratee));
      expect(row).toBeDefined();
      expect(row).toContain(String(r.final));
      expect(row).toContain(r.tier);
    }
    await page.getByTestId('tier-chart').scrollIntoViewIfNeeded();
    await shot(page, '05-results');
    await expectNoHorizontalOverflow(page);

    // 评委: the reviewer finds the planted flat rater, with evidence, and highlights the rows.
    await page.getByTestId('tab-raters').click();
    const flat = page.locator(`[data-testid="flagged-rater"][data-rater="${s.flatRater}"]`);
    await flat.waitFor();
    await expect(flat.locator('[data-testid="flag"][data-code="flat"]').count()).resolves.toBe(1);
    await expect(page.getByTestId('reliability').first().textContent()).resolves.toMatch(/ICC/);
    // 需复核 N 位 at the top: the planted rater, in plain words, with the consequence of setting it aside.
    const review = page.getByTestId('needs-review');
    await expect(review.locator('h3').textContent()).resolves.toMatch(/^需复核 \d+ 位$/);
    const item = review.locator(`[data-testid="review-item"][data-rater="${s.flatRater}"]`);
    await expect(item.getByTestId('impact').textContent()).resolves.toMatch(
      new RegExp(`^不计 ${s.flatRater}：`),
    );
    // tier stability comes from the Web Worker
    await page.getByTestId('stability').waitFor({ timeout: 20000 });
    await expect(page.getByTestId('stability').textContent()).resolves.toMatch(/1000/);
    // every figure has its explanation on hover
    await page.locator('[data-testid="term"][data-term="icc"]').first().hover();
    await expect(page.getByRole('tooltip').first().textContent()).resolves.toMatch(/ICC/);
    await item.getByTestId('go-to-rows').click();
    await expect(page.getByTestId('raters-error').count()).resolves.toBe(0);
    await review.scrollIntoViewIfNeeded();
    await shot(page, '12-needs-review');
    await page.getByTestId('write-report').click();
    await expect(page.getByTestId('report-written').textContent()).resolves.toMatch(/评委分析报告/);
    await page.getByTestId('tab-raters').click();
    await page.getByTestId('spread-chart').first().scrollIntoViewIfNeeded();
    await shot(page, '06-raters');
    await flat.getByTestId('highlight').click();
    await expect(flat.getByTestId('highlight').getAttribute('aria-pressed')).resolves.toBe('true');
    await openSheet(page, '评分录入');
    const raterCol = String.fromCharCode(65 + sourceCol + 1);
    const flatRows = s.rows.map((r, i) => (r[1] === s.flatRater ? 3 + i : null)).filter((x) => x !== null);
    const otherRow = 3 + s.rows.findIndex((r) => r[1] !== s.flatRater);
    const fill = (a1: string) => cell(page, a1).evaluate((td) => getComputedStyle(td).backgroundColor);
    for (const r of flatRows) await expect(fill(`${raterCol}${r}`)).resolves.toBe('rgb(255, 224, 138)');
    await expect(fill(`${raterCol}${otherRow}`)).resolves.not.toBe('rgb(255, 224, 138)');
    await flat.scrollIntoViewIfNeeded();
    await cell(page, `${raterCol}${flatRows[0]}`).scrollIntoViewIfNeeded();
    await shot(page, '07-highlighted');
    await expectNoHorizontalOverflow(page);

    // English on demand.
    await page.getByTestId('lang-switch').click();
    await expect(page.getByTestId('tab-raters').textContent()).resolves.toBe('Raters');
    await expect(flat.locator('[data-testid="flag"][data-code="flat"]').textContent()).resolves.toMatch(
      /rater/i,
    );
    await shot(page, '08-english');

    expect(errors).toEqual([]);
    await page.close();
  });

  test('a reviewer signs two levels, withdraws one, sees a later change named, and exports the copy', async () => {
    const s = scenario();
    const { page, errors } = await openPreview();
    await chooseAndInstall(page, s.template.name);
    const entrySheet = await openSheet(page, '评分录入');
    const header = await page.locator('[data-testid="grid"] tbody tr').nth(1).locator('td').allTextContents();
    const sourceCol = header.findIndex((h) => h === FIELD_HEADERS.zh.source);
    const fixedRows = s.rows.map((r, i) =>
      i === s.bad.row ? r.map((v, k) => (k === 4 ? s.bad.fixed : v)) : r,
    );
    await cell(page, `${String.fromCharCode(65 + sourceCol)}3`).click();
    await page.getByTestId('paste-area').fill(asTsv(fixedRows));
    await page.getByTestId('paste-apply').click();

    await page.getByTestId('tab-compute').click();
    await page.getByTestId('compute').click();
    await page.getByTestId('results').waitFor();

    // 签核导出: nothing signed yet; the note on making a PDF in Excel is there.
    await page.getByTestId('tab-signoff').click();
    const status = page.getByTestId('signoff-status');
    await expect(status.textContent()).resolves.toBe('尚无有效签核。');
    await page.getByTestId('no-pdf').waitFor();
    // An empty reviewer is refused in a sentence, nothing is signed.
    await page.getByTestId('sign-submit').click();
    await expect(page.getByTestId('signoff-outcome').textContent()).resolves.toBe('请填写审核人姓名。');

    await page.getByTestId('sign-reviewer').fill('张科长');
    await page.getByTestId('sign-role').fill('科长');
    await page.getByTestId('sign-submit').click();
    await expect(page.getByTestId('signoff-outcome').textContent()).resolves.toMatch(
      /^已签核：第 1 级 张科长，校验码 [0-9a-f]{8}/,
    );
    await expect(status.textContent()).resolves.toMatch(/^全部 1 级签核有效/);
    // What the checksum proves and what it does not: the same sentence as `duanping verify`.
    await expect(page.getByTestId('signoff-proves').textContent()).resolves.toBe(DIGEST_PROVES.zh);

    // The entry sheet is protected now: typing into a score cell is refused, as Excel does.
    await openSheet(page, '评分录入');
    const scoreCell = `${String.fromCharCode(65 + sourceCol + 3)}3`;
    const before = await cell(page, scoreCell).textContent();
    await cell(page, scoreCell).click();
    await page.getByTestId('cell-input').fill('1');
    await page.getByTestId('cell-input').press('Enter');
    await expect(cell(page, scoreCell).textContent()).resolves.toBe(before);

    // Level 2, then withdrawn with a reason: level 1 stays valid.
    await page.getByTestId('sign-reviewer').fill('李主任');
    await page.getByTestId('sign-role').fill('副主任');
    await page.getByTestId('sign-submit').click();
    await expect(status.textContent()).resolves.toMatch(/^全部 2 级签核有效/);
    await page.getByTestId('withdraw-by').fill('李主任');
    await page.getByTestId('withdraw-reason').fill('加分依据待补');
    await page.getByTestId('withdraw-submit').click();
    await expect(page.getByTestId('signoff-outcome').textContent()).resolves.toContain('已撤回第 2 级签核');
    const levels = page.getByTestId('signoff-level');
    await expect(levels.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-state')))).resolves.toEqual([
      'valid',
      'withdrawn',
    ]);
    await expect(levels.nth(1).textContent()).resolves.toContain('加分依据待补');
    await page.getByTestId('signoff-tab').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, '10-signoff');
    await expectNoHorizontalOverflow(page);

    // The print sheet: written into the workbook, with the signature line of level 1, and how
    // to make its PDF in Excel (the pane makes no PDF itself).
    await page.getByTestId('export-print').click();
    const printed = await page.getByTestId('signoff-outcome').textContent();
    expect(printed).toContain('已生成并打开“打印版”工作表');
    expect(printed).toContain('文件 → 导出 → 创建 PDF/XPS');
    await openSheet(page, '打印版');
    await expect(page.locator('[data-testid="grid"]').textContent()).resolves.toContain(
      '第1级  科长：张科长',
    );

    // The values-only copy downloads; the command line's reader verifies it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-copy').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${s.template.name}-签核1-[0-9a-f]{8}\\.xlsx$`));
    const path = join(tempDir('dp-copy-'), 'copy.xlsx');
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    let formulas = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.formula ? formulas++ : 0))));
    expect(formulas).toBe(0);
    const v = await verifyWorkbook(wb, webCryptoDigester());
    expect(v.ok).toBe(true);
    if (v.ok)
      expect(v.levels.map((l) => [l.reviewer, l.state])).toEqual([
        ['张科长', 'valid'],
        ['李主任', 'withdrawn'],
      ]);

    // A later change outside the protected sheets (a ratee added to the list) breaks level 1,
    // and the pane names the summary row that differs; clicking it goes there.
    const listSheet = await openSheet(page, '名单');
    await cell(page, 'A3').click();
    await page.getByTestId('cell-input').fill('U99');
    await page.getByTestId('cell-input').press('Enter');
    await page.getByTestId('tab-signoff').click();
    await page.getByTestId('signoff-check').click();
    await expect(status.textContent()).resolves.toMatch(/^第1级签核失效：签核后内容被改动，\d+ 行有变动。/);
    const changed = page.getByTestId('signoff-changed').getByRole('button');
    await expect(changed.first().textContent()).resolves.toMatch(/^汇总 第\d+行/);
    await expect(page.getByTestId('sign-submit').isDisabled()).resolves.toBe(true);
    await changed.first().click();
    await expect(page.getByTestId('cell-address').textContent()).resolves.toMatch(/^汇总!A\d+$/);
    await page.getByTestId('signoff-changed').scrollIntoViewIfNeeded();
    await shot(page, '11-signoff-broken');
    expect(listSheet).toBe('名单');
    expect(entrySheet).toBe('评分录入');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the pane works by keyboard: tabs by arrow keys, actions by Enter', async () => {
    const { page, errors } = await openPreview();
    await page.getByTestId('tab-template').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tab-compute').getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByTestId('check').focus();
    await page.keyboard.press('Enter');
    // Nothing is installed yet: the clerk is told what to do, in one sentence.
    const error = page.getByTestId('compute-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/请先在“模板”页选择模板并安装/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a broken template file and a bad list line are reported, not installed', async () => {
    const { page, errors } = await openPreview('?lang=en');
    const file = join(tempDir('dp-tpl-'), 'broken.json');
    writeFileSync(
      file,
      JSON.stringify({
        schema: 'duanping.template/1',
        id: 'x',
        name: 'X',
        indicators: [],
        sources: [],
        tiers: [],
      }),
    );
    await page.getByTestId('template-file').setInputFiles(file);
    const errorsBar = page.getByTestId('template-import-errors');
    await errorsBar.waitFor();
    await expect(errorsBar.textContent()).resolves.toContain('indicators must be a non-empty array');
    await expect(page.getByTestId('install').count()).resolves.toBe(0);

    await page.getByTestId('template-select').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('rater-list').fill('R01\tleader\nR01\tleader\nR02\tnobody');
    await expect(page.getByText('Line 2: the code "R01" appears earlier too').count()).resolves.toBe(1);
    await expect(page.getByText(/Line 3: the source "nobody" is not in the template/).count()).resolves.toBe(
      1,
    );
    await expect(page.getByTestId('install').isDisabled()).resolves.toBe(true);
    await shot(page, '09-list-problems');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('first run: three steps, the sample, stale results, fixes with undo, all announced; axe finds nothing serious', async () => {
    const { page, errors } = await openPreview();
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await expect(page.getByTestId('step-1').getAttribute('aria-current')).resolves.toBe('step');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, '12-first-run');
    await expectNoHorizontalOverflow(page);

    // The main path by keyboard: from the template list to 安装 in a few Tab presses.
    await page.getByTestId('template-select').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByTestId('install').waitFor();
    let presses = 0;
    while (presses < 15) {
      presses++;
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'install')
        break;
    }
    expect(presses).toBeLessThanOrEqual(6);

    // 载入示例 (into this empty book): template, lists and scores; the pane moves to 计算.
    await page.getByTestId('load-sample').click();
    await expect(page.getByTestId('tab-compute').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByTestId('announce').textContent()).resolves.toContain('已载入示例');
    await page.getByTestId('compute').click();
    await page.getByTestId('results').waitFor();
    // Focus moved to the outcome, and the outcome was announced.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'no-problems',
    );
    await expect(page.getByTestId('announce').textContent()).resolves.toContain('计算完成');
    expect(workers.some((u) => /worker/.test(u))).toBe(true); // the engine ran in its Web Worker
    expect(await seriousViolations(page)).toEqual([]);

    // A score changed in the sheet: back in the pane, the results say they are stale.
    await openSheet(page, '评分录入');
    const header = await page.locator('[data-testid="grid"] tbody tr').nth(1).locator('td').allTextContents();
    const firstScore = `${String.fromCharCode(65 + header.findIndex((h) => h === FIELD_HEADERS.zh.source) + 3)}3`;
    const original = (await cell(page, firstScore).textContent()) ?? '';
    await typeInto(page, firstScore, `${original}分`);
    await page.getByTestId('tab-compute').click();
    await page.getByTestId('stale').waitFor();
    await expect(page.getByTestId('compute-stale').count()).resolves.toBe(1);
    await shot(page, '13-stale');

    // The check proposes the fix; 全部按建议修正 writes only that cell, and it can be undone.
    await page.getByTestId('check').click();
    await page.getByTestId('fix-one').waitFor();
    await expect(page.getByTestId('fix-one').textContent()).resolves.toBe(`改为 ${original}`);
    await shot(page, '14-fix');
    await page.getByTestId('fix-all').click();
    await page.getByTestId('no-problems').waitFor();
    await expect(cell(page, firstScore).textContent()).resolves.toBe(original);
    await page.getByTestId('undo').click();
    await page.getByTestId('fix-one').waitFor();
    await expect(cell(page, firstScore).textContent()).resolves.toBe(`${original}分`);
    await page.getByTestId('fix-one').click();
    await page.getByTestId('no-problems').waitFor();
    // The check read the workbook as it is now: nothing is stale any more.
    await expect(page.getByTestId('stale').count()).resolves.toBe(0);
    await page.getByTestId('compute').click();
    await page.getByTestId('results').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an empty sheet says so; CSV text pasted into one column is recognised and split', async () => {
    const s = scenario();
    const { page, errors } = await openPreview();
    await chooseAndInstall(page, s.template.name);
    await page.getByTestId('tab-compute').click();
    await page.getByTestId('check').click();
    await page.getByTestId('empty-sheet').waitFor();
    await expect(page.getByTestId('no-problems').count()).resolves.toBe(0);

    await openSheet(page, '评分录入');
    await cell(page, 'A3').click();
    const csv = s.rows
      .slice(0, 4)
      .map((r) => r.join(','))
      .join('\r\n');
    await page.getByTestId('paste-area').fill(csv);
    await page.getByTestId('paste-apply').click();
    await page.getByTestId('tab-compute').click();
    await page.getByTestId('check').click();
    await page.getByTestId('csv-pasted').waitFor();
    await expect(page.getByTestId('csv-pasted').textContent()).resolves.toContain(
      '4 行像是粘贴进来的 CSV 文本',
    );
    await shot(page, '15-csv');
    await page.getByTestId('csv-split').click();
    await page.getByTestId('csv-pasted').waitFor({ state: 'detached' });
    await expect(cell(page, 'B3').textContent()).resolves.toBe(s.rows[0][1]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('five-stage: row 1 says which source fills a column; a source typed by name counts; a score in the column of another source is reported', async () => {
    const { page, errors } = await openPreview();
    await chooseAndInstall(page, '党建工作责任制百分制考核（五个环节）');
    await openSheet(page, '评分录入');
    await expect(cell(page, 'D1').textContent()).resolves.toContain('目标考核填');
    await expect(cell(page, 'H1').textContent()).resolves.toContain('民主测评填');
    // 目标考核 typed by its name; a 民主测评 score (H = D1) typed on the same row by mistake.
    for (const [a1, v] of [
      ['A3', '目标考核'],
      ['B3', 'T01'],
      ['C3', 'U01'],
      ['D3', '25'],
      ['E3', '36'],
      ['F3', '27'],
      ['H3', '30'],
    ])
      await typeInto(page, a1, v);
    await page.getByTestId('tab-compute').click();
    await page.getByTestId('check').click();
    const problem = page.getByTestId('problem');
    await problem.first().waitFor();
    const texts = await problem.allTextContents();
    expect(texts.some((t) => t.includes('一栏由“民主测评”填写，本行评价主体是“目标考核”'))).toBe(true);
    expect(texts.some((t) => t.includes('不在模板中'))).toBe(false);
    await shot(page, '19-five-stage-other-column');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('signing with an open problem is refused in the pane, and allowed with a reason the record keeps', async () => {
    const { page, errors } = await openPreview();
    await page.getByTestId('load-sample').click();
    await page.getByTestId('compute').waitFor();
    await page.getByTestId('compute').click();
    await page.getByTestId('results').waitFor();
    await openSheet(page, '评分录入');
    await typeInto(page, 'D5', '十八');
    await page.getByTestId('tab-signoff').click();
    await page.getByTestId('signoff-gate').waitFor();
    await expect(page.getByTestId('signoff-gate').textContent()).resolves.toMatch(/录入还有 1 个问题/);
    await page.getByTestId('sign-reviewer').fill('张科长');
    await page.getByTestId('sign-submit').click();
    await expect(page.getByTestId('signoff-outcome').textContent()).resolves.toContain(
      '没有签核：还有未解决的问题',
    );
    await expect(page.getByTestId('signoff-level').count()).resolves.toBe(0);
    await page.getByTestId('sign-override').fill('主任同意先报，补录后重签');
    await page.getByTestId('sign-submit').click();
    await expect(page.getByTestId('signoff-outcome').textContent()).resolves.toContain(
      '理由“主任同意先报，补录后重签”已记入签核记录',
    );
    await expect(page.getByTestId('signoff-level').count()).resolves.toBe(1);
    await openSheet(page, '签核');
    await expect(page.locator('[data-testid="grid"]').textContent()).resolves.toContain(
      '主任同意先报，补录后重签',
    );
    await page.getByTestId('tab-signoff').click();
    await page.getByTestId('signoff-tab').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, '16-signoff-gate');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a Word indicator table becomes a template that installs; an edit after install offers the upgrade, which keeps every entry', async () => {
    const { page, errors } = await openPreview();
    await page.getByTestId('indicator-paste-open').click();
    await page.getByTestId('indicator-paste-name').fill('支部工作考核');
    await page.getByTestId('indicator-paste').fill(WORD_TABLE);
    await page.getByTestId('indicator-import').click();
    await expect(page.getByTestId('indicator-import-notes').textContent()).resolves.toContain('合计行');
    await expect(page.getByTestId('template-facts').textContent()).resolves.toContain('共 4 项指标');
    await shot(page, '17-word-table');
    await page.getByTestId('install').click();
    await page.getByTestId('install-done').waitFor();

    await openSheet(page, '评分录入');
    const rows = [
      ['rater', 'R1', 'U1', '18', '17', '25', '28'],
      ['rater', 'R2', 'U1', '19', '18', '27', '26'],
      ['rater', 'R1', 'U2', '15', '14', '22', '20'],
    ];
    await cell(page, 'A3').click();
    await page.getByTestId('paste-area').fill(rows.map((r) => r.join('\t')).join('\r\n'));
    await page.getByTestId('paste-apply').click();
    await page.getByTestId('tab-compute').click();
    await page.getByTestId('compute').click();
    await page.getByTestId('results').waitFor();

    // An edit after installing: the pane says it is not applied, everywhere, and offers the upgrade.
    await page.getByTestId('tab-template').click();
    await page.getByLabel('好 的最低分', { exact: true }).fill('85');
    await page.getByLabel('好 的最低分', { exact: true }).press('Enter');
    await page.getByTestId('template-pending').waitFor();
    await expect(page.getByTestId('template-pending').textContent()).resolves.toContain('尚未应用到工作簿');
    await page.getByTestId('tab-compute').click();
    await page.getByTestId('pending-banner').waitFor();
    await page.getByTestId('tab-template').click();
    await page.getByTestId('template-pending').scrollIntoViewIfNeeded();
    await shot(page, '18-template-pending');
    await page.getByTestId('template-upgrade').click();
    await expect(page.getByTestId('install-done').textContent()).resolves.toContain('3');
    await page.getByTestId('template-pending').waitFor({ state: 'detached' });
    await openSheet(page, '评分录入');
    for (const [i, r] of rows.entries())
      await expect(cell(page, `G${3 + i}`).textContent()).resolves.toBe(r[6]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a tier’s share rules are edited in the template editor, with the problem named in Chinese; the ballot template installs a 计票 sheet', async () => {
    const { page, errors } = await openPreview();
    await page.getByTestId('template-select').click();
    await page.getByRole('option', { name: '领导班子和领导干部民主测评' }).click();
    await page.getByTestId('requirements-editor').waitFor();
    const before = await page.locator('[data-testid^="rule-0-"][data-testid$="-remove"]').count();
    expect(before).toBeGreaterThan(0); // the built-in rule: 好 needs half of the marks at 好
    await page.getByTestId('rule-0-add').click();
    const k = before;
    const share = page.getByTestId(`rule-0-${k}-share`);
    await share.fill('150%');
    await share.press('Enter');
    await expect(page.getByTestId(`rule-0-${k}-problem`).first().textContent()).resolves.toContain(
      `比例须在 0% 到 100% 之间（tiers[0].requires[${k}].atLeast）`,
    );
    await expect(page.getByTestId('install').count()).resolves.toBe(0); // an invalid draft is never installed
    await share.fill('60%');
    await share.press('Enter');
    await expect(page.getByTestId(`rule-0-${k}-problem`).count()).resolves.toBe(0);
    await page.getByTestId(`rule-0-${k}-level-较好`).click();
    await page.getByTestId(`rule-0-${k}-op`).selectOption('atMost');
    await shot(page, '30-share-rules');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId(`rule-0-${k}-remove`).click();
    await expect(page.locator('[data-testid^="rule-0-"][data-testid$="-remove"]').count()).resolves.toBe(
      before,
    );
    await page.getByTestId('install').click();
    await page.getByTestId('install-done').waitFor();
    expect(await openSheet(page, '计票')).toBe('计票');
    await expect(cell(page, 'D2').textContent()).resolves.toBe('好');
    expect(errors).toEqual([]);
  });
});
