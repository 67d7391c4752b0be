/**
 * Defined names added as one range are written from that range (src/hosts/xlsx/range-names.ts)
 * instead of exploring their cells: the written names are exactly what exceljs's exploring
 * gives, and any change to a name goes back to exploring.
 */
import ExcelJS from 'exceljs';
import { newWorkbook } from '../../src/hosts/xlsx/write';

interface Names {
  model: { name: string; ranges: string[] }[];
  matrixMap: Record<string, unknown>;
  getRanges(name: string, matrix: unknown): { name: string; ranges: string[] };
  add(ref: string, name: string): void;
  remove(ref: string, name: string): void;
  spliceRows(sheet: string, start: number, del: number, ins: number): void;
}

/** What exceljs's own exploring of the cells gives for every name. */
function explored(n: Names) {
  return Object.entries(n.matrixMap)
    .map(([name, m]) => n.getRanges(name, m))
    .filter((d) => d.ranges.length);
}

describe('defined names written from their range', () => {
  it('give the texts exceljs gives by exploring, for ranges, single cells and quoted sheet names', () => {
    const wb = newWorkbook();
    wb.addWorksheet('评分录入');
    wb.addWorksheet("It's");
    const n = wb.definedNames as unknown as Names;
    n.add("'评分录入'!$A$2:$AY$6052", 'DP_Entries');
    n.add("'评分录入'!$Z$3:$Z$6052", 'DP_EntrySource');
    n.add("'It''s'!$B$7", 'One');
    n.add('Plain!$C$1:$C$1', 'OneAsRange');
    n.add("'评分录入'!$A$1:$B$2", 'Two');
    n.add("'评分录入'!$D$1:$D$2", 'Two'); // a second range: explored
    // Kept as ranges: the big name has no cells, and only the name of two ranges is explored.
    const cells = (name: string) => Object.keys((n.matrixMap[name] as { sheets: object }).sheets).length;
    expect(cells('DP_Entries')).toBe(0);
    const written = n.model;
    expect(cells('DP_Entries')).toBe(0);
    // Looking a name up is exceljs's own, on cells.
    expect((n as unknown as { getNames(a: string): string[] }).getNames("'评分录入'!$Z$9")).toEqual([
      'DP_Entries',
      'DP_EntrySource',
    ]);
    expect(cells('DP_Entries')).toBe(1);
    expect(written).toEqual(explored(n));
    expect(n.model.find((d) => d.name === 'DP_Entries')!.ranges).toEqual(["'评分录入'!$A$2:$AY$6052"]);
    expect(n.model.find((d) => d.name === 'Two')!.ranges).toHaveLength(2);
  });

  it('explore again once a name changes', () => {
    const wb = newWorkbook();
    wb.addWorksheet('S');
    const n = wb.definedNames as unknown as Names;
    n.add('S!$A$1:$A$10', 'A');
    n.add('S!$B$1:$B$10', 'B');
    n.remove('S!$A$5', 'A');
    expect(n.model).toEqual(explored(n));
    expect(n.model.find((d) => d.name === 'A')!.ranges).toHaveLength(2);
    n.spliceRows('S', 1, 0, 2);
    expect(n.model).toEqual(explored(n));
    expect(n.model.find((d) => d.name === 'B')!.ranges).toEqual(['S!$B$3:$B$12']);
    n.model = [{ name: 'C', ranges: ['S!$C$1:$C$3'] }];
    expect(n.model).toEqual([{ name: 'C', ranges: ['S!$C$1:$C$3'] }]);
  });

  it('read back from a written file as they were added', async () => {
    const wb = newWorkbook();
    wb.addWorksheet('评分录入').getCell('A1').value = 1;
    wb.definedNames.add("'评分录入'!$A$2:$AY$6052", 'DP_Entries');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    expect((back.definedNames as unknown as Names).model).toEqual([
      { name: 'DP_Entries', ranges: ["'评分录入'!$A$2:$AY$6052"] },
    ]);
  });
});
