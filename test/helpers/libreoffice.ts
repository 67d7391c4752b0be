/**
 * Recalculates xlsx files with a real LibreOffice Calc (headless), so tests can read back the
 * values that the workbook's live formulas produce outside Excel.
 *
 * LibreOffice keeps cached formula values unless told otherwise; each run uses a throw-away
 * profile whose `registrymodifications.xcu` sets OOXMLRecalcMode = 0 ("always recalculate").
 * Only one soffice runs at a time on this machine (a lock directory in the temp folder), and
 * many workbooks go through one soffice call (`recalcManyWithLibreOffice`).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const RECALC_ITEM =
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">' +
  '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>';

const LOCK_DIR = join(tmpdir(), 'duanping-soffice.lock');

/** The soffice binary (override with SOFFICE=/path). */
export function sofficePath(): string {
  return process.env.SOFFICE ?? 'soffice';
}

/** Writes a fresh LibreOffice profile that recalculates every xlsx on load; returns its directory. */
function makeProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dp-lo-profile-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" ' +
      'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      RECALC_ITEM +
      '\n</oor:items>\n',
  );
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Holds the machine-wide soffice lock while `fn` runs (stale locks older than 10 minutes are broken). */
export async function withSofficeLock<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK_DIR).mtimeMs > 10 * 60_000)
          rmSync(LOCK_DIR, { recursive: true, force: true });
      } catch {
        /* the holder just released it */
      }
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((ok, fail) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 << 20 }, (err, _stdout, stderr) => {
      if (err) fail(new Error(`${cmd} failed: ${err.message}\n${stderr}`));
      else ok();
    });
  });
}

/**
 * Opens every file in LibreOffice, recalculates all formulas and saves an xlsx copy into a new
 * temp directory. Returns the output paths in input order. Input base names must be distinct.
 */
export async function recalcManyWithLibreOffice(
  inputs: string[],
  timeoutMs = 15 * 60_000,
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const names = inputs.map((p) => basename(p));
  if (new Set(names).size !== names.length)
    throw new Error('recalcManyWithLibreOffice: input file names must differ');
  const outDir = mkdtempSync(join(tmpdir(), 'dp-lo-out-'));
  const profile = makeProfile();
  try {
    await withSofficeLock(() =>
      run(
        sofficePath(),
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          outDir,
          ...inputs.map((p) => resolve(p)),
        ],
        timeoutMs,
      ),
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const outs = names.map((n) => join(outDir, n.replace(/\.[^.]+$/, '') + '.xlsx'));
  const missing = outs.filter((o) => !existsSync(o));
  if (missing.length > 0) throw new Error(`LibreOffice produced no output for: ${missing.join(', ')}`);
  return outs;
}

/** Recalculates one workbook in LibreOffice; returns the path of the recalculated xlsx copy. */
export async function recalcWithLibreOffice(inXlsx: string): Promise<string> {
  const [out] = await recalcManyWithLibreOffice([inXlsx]);
  return out;
}

/** Converts a workbook to PDF with LibreOffice (for screenshots and print checks); returns the PDF path. */
export async function convertWithLibreOffice(input: string, format: 'pdf' | 'png'): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'dp-lo-out-'));
  const profile = makeProfile();
  try {
    await withSofficeLock(() =>
      run(
        sofficePath(),
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--norestore',
          '--convert-to',
          format,
          '--outdir',
          outDir,
          resolve(input),
        ],
        5 * 60_000,
      ),
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const out = join(outDir, basename(input).replace(/\.[^.]+$/, '') + '.' + format);
  if (!existsSync(out)) throw new Error(`LibreOffice produced no ${format} for ${input}`);
  return out;
}
