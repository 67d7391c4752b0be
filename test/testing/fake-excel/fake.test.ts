/**
 * The strict fake behaves as Excel does where the adapter could go wrong: unloaded properties,
 * queued writes, shapes, text reinterpretation, protection, limits, requirement sets.
 */
import { createFakeExcel, FakeOfficeError, UNCALCULATED } from '../../../src/testing/fake-excel';
import type { XlContext } from '../../../src/hosts/office/xl';

async function rejection(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('strict loading', () => {
  it('refuses to read a property before load + sync, and gives it after', async () => {
    const excel = createFakeExcel();
    await excel.run(async (ctx: XlContext) => {
      const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.values = [[1, 'x']];
      await ctx.sync();
      const fresh = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      expect(() => fresh.values).toThrow(/call the load method/);
      fresh.load('values');
      expect(() => fresh.values).toThrow(/not available/); // loaded but not synced yet
      await ctx.sync();
      expect(fresh.values).toEqual([[1, 'x']]);
      expect(() => fresh.address).toThrow(FakeOfficeError);
    });
  });

  it('applies writes only on sync, and counts each sync as a round trip', async () => {
    const excel = createFakeExcel();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('C3').values = [[42]];
      expect(excel.book.sheetOrThrow('Sheet1').value('C3')).toBe('');
      await ctx.sync();
      expect(excel.book.sheetOrThrow('Sheet1').value('C3')).toBe(42);
    });
    expect(excel.stats.roundTrips).toBe(1);
    expect(excel.stats.requestBytes).toBeGreaterThan(0);
  });

  it('flushes statements left queued at the end of a batch and records it', async () => {
    const excel = createFakeExcel();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['late']];
    });
    expect(excel.stats.autoFlushes).toBe(1);
    expect(excel.book.sheetOrThrow('Sheet1').value('A1')).toBe('late');
  });

  it('gives isNullObject only after a sync', async () => {
    const excel = createFakeExcel();
    await excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const there = ctx.workbook.worksheets.getItemOrNullObject('sheet1');
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });
});

describe('Excel semantics', () => {
  it('rejects arrays that do not match the range, naming both sizes', async () => {
    const excel = createFakeExcel();
    const e = await rejection(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C2').values = [[1, 2]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    expect(e.message).toContain('2×3');
  });

  it('reinterprets text as Excel does unless it starts with an apostrophe or the cell is text', async () => {
    const excel = createFakeExcel();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:E1').values = [['007', "'007", '=SUM(1,2)', 'TRUE', '#N/A']];
      ws.getRange('F1').numberFormat = [['@']];
      ws.getRange('F1').values = [['=not a formula']];
      await ctx.sync();
    });
    const s = excel.book.sheetOrThrow('Sheet1');
    expect(s.values('A1:F1')).toEqual([[7, '007', UNCALCULATED, true, '#N/A', '=not a formula']]);
    expect(s.formula('C1')).toBe('=SUM(1,2)');
    expect(s.valueTypeAt(0, 4)).toBe('Error');
    expect(s.valueTypeAt(0, 1)).toBe('String');
  });

  it('runs the calculate hook after writes, so formula cells get values', async () => {
    const excel = createFakeExcel({
      calculate: (book) => {
        for (const [addr] of book.sheetOrThrow('Sheet1').formulaCells())
          book.sheetOrThrow('Sheet1').setComputed(addr, 3);
      },
    });
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.formulas = [['=1+2']];
      await ctx.sync();
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([[3]]);
    });
    expect(excel.stats.calculations).toBeGreaterThan(0);
  });

  it('throws when protecting a protected sheet or unprotecting an unprotected one', async () => {
    const excel = createFakeExcel();
    const twice = await rejection(
      excel.run(async (ctx) => {
        const p = ctx.workbook.worksheets.getItem('Sheet1').protection;
        p.protect();
        p.protect();
        await ctx.sync();
      }),
    );
    expect(twice.code).toBe('InvalidOperation');
    expect(excel.book.sheetOrThrow('Sheet1').protected).toBe(true); // the first statement applied
    const write = await rejection(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
        await ctx.sync();
      }),
    );
    expect(write.code).toBe('AccessDenied');
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').protection.unprotect();
      await ctx.sync();
    });
    const again = await rejection(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').protection.unprotect();
        await ctx.sync();
      }),
    );
    expect(again.code).toBe('InvalidOperation');
  });

  it('refuses a request above the 5 MB limit without applying any of it', async () => {
    const excel = createFakeExcel();
    const big = Array.from({ length: 3000 }, () => Array(100).fill('x'.repeat(20)));
    const e = await rejection(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['first']];
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A2:CV3001').values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(excel.book.sheetOrThrow('Sheet1').value('A1')).toBe('');
  });

  it('fails APIs above its requirement set with ApiNotFound, and says so in isSetSupported', async () => {
    const excel = createFakeExcel({ apiVersion: '1.7' });
    expect(excel.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(excel.isSetSupported('ExcelApi', '1.8')).toBe(false);
    const e = await rejection(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.ignoreBlanks = true;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');
  });

  it('refuses duplicate and invalid sheet names, case-insensitively', async () => {
    const excel = createFakeExcel();
    const dup = await rejection(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('SHEET1');
        await ctx.sync();
      }),
    );
    expect(dup.code).toBe('ItemAlreadyExists');
    const bad = await rejection(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('a/b');
        await ctx.sync();
      }),
    );
    expect(bad.code).toBe('InvalidArgument');
  });

  it('rejects a context used after Excel.run finished', async () => {
    const excel = createFakeExcel();
    let saved: XlContext | undefined;
    await excel.run(async (ctx) => {
      saved = ctx;
    });
    await expect(saved!.sync()).rejects.toThrow(/no longer valid/);
  });
});
