/** The pure pieces: `_xlfn.` prefixes, the template store, install decisions. */
import { getBuiltinTemplate } from '../../src/core/templates';
import { buildPlan } from '../../src/workbook/build';
import { addXlfnPrefixes, removeXlfnPrefixes } from '../../src/workbook/formula';
import { decideInstall, freeName } from '../../src/workbook/install';
import { SHEET_NAMES } from '../../src/workbook/names';
import { chunkText, readStore, storeRows } from '../../src/workbook/store';

describe('_xlfn. prefixes', () => {
  it('prefixes newer functions outside string literals only, and removes them again', () => {
    const f = '=IF(A1="RANK.EQ(",RANK.EQ(B1,DP_Final),AGGREGATE(14,6,X1:X9,1))+SUMIFS(A:A,B:B,1)';
    const withPrefix = addXlfnPrefixes(f);
    expect(withPrefix).toBe(
      '=IF(A1="RANK.EQ(",_xlfn.RANK.EQ(B1,DP_Final),_xlfn.AGGREGATE(14,6,X1:X9,1))+SUMIFS(A:A,B:B,1)',
    );
    expect(removeXlfnPrefixes(withPrefix)).toBe(f);
  });

  it('leaves every summary formula of a plan free of dynamic-array functions', () => {
    const plan = buildPlan({ template: getBuiltinTemplate('five-stage')!, ratees: [{ id: 'U1' }] });
    const all = plan.sheets.flatMap((s) => s.blocks.flatMap((b) => (b.formulas ?? []).flat())).join('\n');
    expect(all).not.toMatch(/\b(FILTER|LET|LAMBDA|XLOOKUP|SORT|UNIQUE|SEQUENCE)\(/);
    expect(all).not.toContain('_xlfn.');
  });
});

describe('the DP_Template store', () => {
  it('round-trips a template and layout, chunked below the cell limit', () => {
    const plan = buildPlan({ template: getBuiltinTemplate('duty-report')!, lang: 'en' });
    const rows = storeRows(plan.template, plan.layout, 'en');
    const back = readStore(rows);
    expect(back.template).toEqual(plan.template);
    expect(back.layout).toEqual(plan.layout);
    expect(back.lang).toBe('en');
    expect(chunkText('x'.repeat(70000)).map((c) => c.length)).toEqual([30000, 30000, 10000]);
  });

  it('names the cell when the store is damaged', () => {
    expect(() => readStore([['something else']])).toThrow(/DP_Template!A1/);
    expect(() =>
      readStore([
        ['duanping.workbook/1', 'zh'],
        ['template', '{"broken'],
      ]),
    ).toThrow(/row 2.*damaged/);
  });
});

describe('install decisions', () => {
  it('installs fresh when nothing clashes', () => {
    expect(decideInstall(['Sheet1'], 'zh', undefined)).toEqual({
      action: 'fresh',
      sheetNames: SHEET_NAMES.zh,
    });
  });

  it('refuses a clash with user sheets unless told to rename, and never picks a taken name', () => {
    const d = decideInstall(['汇总', '汇总 (2)'], 'zh', undefined);
    expect(d).toMatchObject({ action: 'refuse', clashes: ['汇总'] });
    const r = decideInstall(['汇总', '汇总 (2)'], 'zh', 'rename');
    expect(r).toMatchObject({ action: 'rename', renamed: { 汇总: '汇总 (3)' } });
    expect(decideInstall(['SUMMARY'], 'en', 'upgrade')).toMatchObject({
      action: 'refuse',
      clashes: ['Summary'],
    });
  });

  it('a sheet of the user named 计票 clashes only for templates that get a 计票 sheet', () => {
    expect(decideInstall(['计票'], 'zh', undefined)).toMatchObject({ action: 'refuse', clashes: ['计票'] });
    const d = decideInstall(['计票'], 'zh', undefined, undefined, false);
    expect(d.action).toBe('fresh');
    expect(d.action === 'fresh' && d.sheetNames.tally).toBeUndefined();
  });

  it('offers only upgrade over an existing installation', () => {
    expect(decideInstall(['汇总', 'DP_Template'], 'zh', undefined)).toMatchObject({ action: 'refuse' });
    expect(decideInstall(['汇总', 'DP_Template'], 'zh', 'rename')).toMatchObject({ action: 'refuse' });
    expect(decideInstall(['汇总', 'DP_Template'], 'zh', 'upgrade')).toMatchObject({ action: 'upgrade' });
  });

  it('keeps renamed sheet names within 31 characters', () => {
    const long = 'x'.repeat(31);
    expect(freeName(long, [long]).length).toBe(31);
    expect(freeName(long, [long])).toMatch(/ \(2\)$/);
  });
});
