/**
 * Every workbook Duanping writes passes Microsoft's Open XML SDK validator (npm
 * @ooxml-tools/validate, the SDK in WASM, offline): `init`, `build`, `signoff`, `export
 * --values-only` and `export --print`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/cli/commands/build';
import { exportCommand } from '../../src/cli/commands/export';
import { init } from '../../src/cli/commands/init';
import { signoffCommand } from '../../src/cli/commands/signoff';
import type { CliContext } from '../../src/cli/context';
import { fitHeaderText } from '../../src/hosts/xlsx/write';
import { makeCase } from '../workbook/cases';

const dir = mkdtempSync(join(tmpdir(), 'dp-validate-'));

function ctx(): { ctx: CliContext; code: () => number; err: string[] } {
  let code = 0;
  const err: string[] = [];
  return {
    ctx: { io: { out: () => undefined, err: (s) => err.push(s) }, exit: (c) => (code = Math.max(code, c)) },
    code: () => code,
    err,
  };
}

/** The validator's findings per file (one node process, the WASM loaded once). */
function validateFiles(paths: string[]): Record<string, string[]> {
  const out = execFileSync(process.execPath, [join(__dirname, '../helpers/validate-xlsx.mjs'), ...paths], {
    maxBuffer: 1 << 24,
    timeout: 10 * 60_000,
  });
  return JSON.parse(out.toString()) as Record<string, string[]>;
}

describe('written workbooks pass the Open XML SDK validator', () => {
  const files: Record<string, string> = {};

  beforeAll(async () => {
    files.init = join(dir, 'init.xlsx');
    await init({ template: 'democratic-ballot', out: files.init }, ctx().ctx);
    const c = makeCase(1003);
    const p = (f: string) => join(dir, f);
    const { writeFileSync } = await import('node:fs');
    const ids = c.template.indicators.map((i) => i.id);
    const field = (v: unknown) => {
      const s =
        v === null || v === undefined
          ? ''
          : typeof v === 'object'
            ? (v as { error: string }).error
            : String(v);
      return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    writeFileSync(
      p('ratings.csv'),
      [
        ['source', 'rater', 'ratee', ...ids].join(','),
        ...c.entries.map((e) =>
          [e.source, e.rater, e.ratee, ...ids.map((id) => e.cells[id])].map(field).join(','),
        ),
      ].join('\n'),
    );
    writeFileSync(p('ratees.csv'), ['id,name', ...c.ratees.map((r) => `${r.id},${r.name ?? ''}`)].join('\n'));
    writeFileSync(p('template.json'), JSON.stringify(c.template));
    files.build = p('build.xlsx');
    await build(
      { template: p('template.json'), ratings: p('ratings.csv'), ratees: p('ratees.csv'), out: files.build },
      ctx().ctx,
    );
    files.signoff = p('signed.xlsx');
    const s = ctx();
    await signoffCommand(
      files.build,
      {
        reviewer: '张科长',
        time: '2025-01-20T09:00:00+08:00',
        allowBackdate: true,
        override: '样例含错误输入',
        out: files.signoff,
      },
      s.ctx,
    );
    expect(s.err).toEqual([]);
    files.values = p('values.xlsx');
    await exportCommand(files.signoff, { out: files.values, valuesOnly: true }, ctx().ctx);
    files.print = p('print.xlsx');
    await exportCommand(files.signoff, { out: files.print, print: true }, ctx().ctx);
  }, 5 * 60_000);

  it(
    'init, build, signoff, export --values-only and export --print: no error',
    () => {
      const kinds = ['init', 'build', 'signoff', 'values', 'print'];
      const found = validateFiles(kinds.map((k) => files[k]));
      expect(kinds.map((k) => ({ k, issues: found[files[k]].slice(0, 5) }))).toEqual(
        kinds.map((k) => ({ k, issues: [] })),
      );
    },
    10 * 60_000,
  );
});

describe('texts within Excel’s limits', () => {
  it('cuts a header longer than 255 characters, never inside an && escape', () => {
    expect(fitHeaderText('短标题', 253)).toBe('短标题');
    const long = fitHeaderText('考'.repeat(400), 253);
    expect(long.length).toBe(253);
    expect(long.endsWith('…')).toBe(true);
    const amp = fitHeaderText(`${'a'.repeat(251)}&&b`, 253);
    expect(amp).toBe(`${'a'.repeat(251)}…`);
  });
});
