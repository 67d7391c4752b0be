/**
 * The bundled program (scripts/build-cli.mjs → dist-cli/duanping.cjs, what `npx duanping` runs)
 * gives what the program run in-process gives: its start loads exceljs without the streaming
 * reader and the @stdlib distributions only when called, and `analyze` (which calls them),
 * `build` and `score BOOK.xlsx` (exceljs's writer and reader) work through those stand-ins.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './run';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'duanping-bundle-'));
const ratings = join(root, 'examples/ratings.csv');

function bundled(...argv: string[]): string {
  return execFileSync(process.execPath, [join(root, 'bin/duanping.js'), ...argv], {
    cwd: root,
    timeout: 120_000,
  }).toString();
}

describe('the bundled command line', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { cwd: root, timeout: 120_000 });
  }, 180_000);

  it('analyze: the same figures as in-process (the distributions load when first called)', async () => {
    const args = ['analyze', '--template', 'duty-report', '--ratings', ratings, '--json'];
    const own = await cli(...args);
    expect(own.code).toBe(0);
    expect(JSON.parse(bundled(...args))).toEqual(JSON.parse(own.out));
  }, 120_000);

  it('build then score the book: the finals of the in-process run', async () => {
    const book = join(dir, 'book.xlsx');
    bundled('build', '--template', 'duty-report', '--ratings', ratings, '--out', book);
    const fromBook = JSON.parse(bundled('score', book, '--json'));
    const own = await cli('score', '--template', 'duty-report', '--ratings', ratings, '--json');
    const finals = (r: { ratees: { ratee: string; final: number | null }[] }) =>
      r.ratees.map((x) => [x.ratee, x.final]);
    expect(finals(fromBook)).toEqual(finals(JSON.parse(own.out)));
  }, 120_000);

  it('loads neither the streaming reader nor the distributions to start', () => {
    const list = join(dir, 'modules.json');
    execFileSync(process.execPath, [
      '-e',
      `process.argv = [process.argv[0], 'duanping', 'templates'];
       process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));
       require(${JSON.stringify(join(root, 'dist-cli/duanping.cjs'))});`,
    ]);
    const modules = JSON.parse(readFileSync(list, 'utf8')) as string[];
    expect(modules.some((m) => m.includes('/exceljs/lib/doc/workbook.js'))).toBe(true);
    expect(modules.some((m) => m.includes('/unzipper/'))).toBe(false);
    expect(modules.some((m) => m.includes('/@stdlib/'))).toBe(false);
  });
});
