/**
 * Issue 12, items 3 and 10, in the built workbook: the five-stage entry sheet says which source
 * fills each indicator column (row 1 and the cells' input message) and reports a score typed
 * into another source's column; ballot headers show the level labels, never "(100)"; the source
 * drop-down shows the sources' Chinese names. A five-stage book with names and a stray score is
 * recalculated by LibreOffice and must agree with the engine row by row.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeScores } from '../../src/core/scoring';
import { getBuiltinTemplate } from '../../src/core/templates';
import type { EntryRow } from '../../src/core/types';
import { openXlsx, readWorkbookContent } from '../../src/hosts/xlsx/read';
import { writePlanXlsx } from '../../src/hosts/xlsx/write';
import { buildPlan } from '../../src/workbook/build';
import type { SheetPlan, WorkbookPlan } from '../../src/workbook/plan';
import { recalcManyWithLibreOffice } from '../helpers/libreoffice';

const five = getBuiltinTemplate('five-stage')!;
const entrySheet = (plan: WorkbookPlan): SheetPlan => plan.sheets.find((s) => s.key === 'entry')!;
const row1 = (plan: WorkbookPlan) => entrySheet(plan).blocks.find((b) => b.at === 'D1')!.values![0];

describe('what goes where in the entry sheet', () => {
  it('names the source that fills each five-stage column, in row 1 and in the input message', () => {
    const plan = buildPlan({ template: five });
    expect(row1(plan).slice(0, 5)).toEqual([
      '责任落实（30）\n目标考核填',
      '基层组织建设（40）\n目标考核填',
      '党员管理（30）\n目标考核填',
      '专项任务完成情况（100）\n专项述职填',
      '政治素质（35）\n民主测评填',
    ]);
    const d1 = entrySheet(plan).validations.find((v) => v.range.startsWith('H'))!;
    expect(d1.prompt).toBe('只由“民主测评”填写（0–35 分）；其他评价主体的行请留空。');
    const en = buildPlan({ template: five, lang: 'en' });
    expect(row1(en)[0]).toBe('Responsibility in place (30)\nby Target assessment');
  });

  it('gives a ballot column its level labels, never "(100)"', () => {
    for (const id of ['democratic-ballot', 'competence-ballot']) {
      const plan = buildPlan({ template: getBuiltinTemplate(id)! });
      const heads = row1(plan) as string[];
      const labels = getBuiltinTemplate(id)!.indicators.map((i) => i.levels!.map((l) => l.label).join('/'));
      expect(heads.map((h, i) => h.endsWith(`（${labels[i]}）`))).toEqual(heads.map(() => true));
      expect(heads.join()).not.toContain('100');
      expect(entrySheet(plan).validations.some((v) => v.prompt)).toBe(false);
    }
  });

  it('offers the sources by their Chinese names in the drop-down, ids still accepted', () => {
    const plan = buildPlan({ template: getBuiltinTemplate('duty-report')! });
    const dv = entrySheet(plan).validations.find((v) => v.range.startsWith('A'))!;
    expect(dv).toMatchObject({
      type: 'list',
      list: ['上级领导', '党代表和班子成员', '群众代表'],
      allowOther: true,
      error: '请选择评价主体：上级领导（leader）、党代表和班子成员（member）、群众代表（public）',
    });
    const lists = plan.sheets.find((s) => s.key === 'lists')!;
    expect(lists.validations[0]).toMatchObject({ list: ['上级领导', '党代表和班子成员', '群众代表'] });
  });
});

describe('a five-stage book typed with source names and a score in the column of another source', () => {
  const full = (ids: string[], v: number) => Object.fromEntries(ids.map((id) => [id, v]));
  const entries: EntryRow[] = [];
  for (const j of ['U1', 'U2'])
    five.sources.forEach((s, k) => {
      for (let r = 1; r <= 5; r++)
        entries.push({
          source: r % 2 === 0 ? s.name : s.id,
          rater: `${s.id}-${r}`,
          ratee: j,
          cells: full(
            s.indicators,
            Math.min(...s.indicators.map((id) => five.indicators.find((x) => x.id === id)!.max)) - r - k,
          ),
        });
    });
  // A democratic-evaluation score typed on a target row: reported, the row not counted.
  entries[2] = { ...entries[2], cells: { ...entries[2].cells, D1: 30 } };
  // The same on a row of an unknown source: only the unknown source is reported.
  entries.push({ source: '领导', rater: 'x-1', ratee: 'U1', cells: { T1: 10, D1: 20 } });

  let recalculated = '';
  let fresh = '';
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-hints-'));
    fresh = join(dir, 'five.xlsx');
    await writePlanXlsx(buildPlan({ template: five, ratees: [{ id: 'U1' }, { id: 'U2' }], entries }), fresh);
    [recalculated] = await recalcManyWithLibreOffice([fresh]);
  }, 5 * 60_000);

  it('reports the stray score where it is, and leaves the row out, in the engine', async () => {
    const { content } = readWorkbookContent(await openXlsx(fresh));
    const out = computeScores(content, { textNumbers: false });
    const stray = out.results.problems.filter((p) => p.code === 'other-source-cell');
    expect(stray).toHaveLength(1);
    expect(stray[0]).toMatchObject({ indicator: 'D1', found: '30', source: 'target', rater: 'target-3' });
    expect(stray[0].where).toMatch(/^评分录入!H\d+$/);
    expect(stray[0].message).toContain('“政治素质”一栏由“民主测评”填写，本行评价主体是“目标考核”');
    const strayRow = out.rows.find((r) => r.rater === 'target-3' && r.ratee === 'U1')!;
    expect(strayRow.status).toBe('invalid-cell');
    expect(out.rows.filter((r) => r.status === 'counted')).toHaveLength(49);
    expect(out.results.problems.filter((p) => p.code === 'unknown-source')).toHaveLength(1);
  });

  it('is counted the same way by the formulas LibreOffice recalculates, row by row and in the finals', async () => {
    const wb = await openXlsx(recalculated);
    const { content } = readWorkbookContent(await openXlsx(fresh));
    const out = computeScores(content, { textNumbers: false });
    const ws = wb.getWorksheet('评分录入')!;
    const { stored } = readWorkbookContent(wb);
    const e = stored.layout.entry;
    const statuses = out.rows.map((_, i) => ws.getCell(`${e.validCol}${e.firstRow + i}`).result);
    const engine = out.rows.map((r) => (r.status === 'counted' ? 0 : r.status === 'invalid-cell' ? 6 : 2));
    expect(statuses).toEqual(engine);
    const finals = out.results.ratees.map((r) => r.final);
    const summary = wb.getWorksheet('汇总')!;
    const { layout } = stored;
    const fromBook = [0, 1].map(
      (i) => summary.getCell(`${layout.summary.finalCol}${layout.summary.firstRow + i}`).result,
    );
    expect(fromBook).toEqual(finals);
  });
});
