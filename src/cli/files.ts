/**
 * Files in and out of the command line, so that nothing is lost and nothing is read as garbage
 * (formats.md, "Precision, files out" additions; issue 11):
 * - text files are decoded by what they are: UTF-8 (BOM or not), UTF-16 LE/BE (Excel's
 *   "Unicode text"), GBK/GB18030 (Chinese Excel's "CSV") — through iconv-lite, with chardet
 *   naming anything else — and a workbook, PDF or other binary passed as text is refused;
 * - a file written goes to a temporary file in the same folder renamed into place, never over an
 *   input, and over an existing file only with `--force`;
 * - a workbook rewritten through exceljs is first put through exceljs's round trip in memory:
 *   when charts, shapes, pictures, comments … would be lost, the command refuses and names them.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { InputError } from '../core/errors';
import { repairForWrite } from '../hosts/xlsx/signoff';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** One line to tell the user when the file was not plain UTF-8 (GBK or UTF-16). */
  note?: string;
}

/** What a binary file is, from its first bytes; undefined for anything that may be text. */
function binaryKind(b: Buffer): string | undefined {
  const starts = (...xs: number[]) => xs.every((x, i) => b[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) {
    const head = b.subarray(0, Math.min(b.length, 4096)).toString('latin1');
    if (head.includes('xl/') || head.includes('[Content_Types].xml'))
      return 'an Excel workbook (.xlsx, a zip file)';
    return 'a zip file';
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old-format Excel/Office file (.xls)';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF file';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'a PNG image';
  if (starts(0xff, 0xd8, 0xff)) return 'a JPEG image';
  return undefined;
}

/** UTF-16 without a BOM: most ASCII characters leave a zero byte on one side. */
function bomlessUtf16(b: Buffer): TextEncoding | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

const CJK_TEXT = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2010-\u2027\u00b7]/u;

/** True when `b` decodes as GB18030 into text that reads as Chinese (not any byte soup). */
function readsAsGb18030(b: Buffer): string | undefined {
  const text = iconv.decode(b, 'gb18030');
  if (text.includes('\ufffd')) return undefined;
  const nonAscii = [...text].filter((c) => c.charCodeAt(0) > 0x7f);
  if (nonAscii.length === 0) return undefined;
  const cjk = nonAscii.filter((c) => CJK_TEXT.test(c)).length;
  return cjk / nonAscii.length >= 0.9 ? text : undefined;
}

/**
 * Decodes a text file by what it is. Throws a one-line InputError for a binary file or an
 * encoding that cannot be told apart from garbage; the message names what was found.
 */
export function decodeText(b: Buffer, name: string): DecodedText {
  const kind = binaryKind(b);
  if (kind) throw new InputError(`${name} is ${kind}, not a text (CSV) file`);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { text: iconv.decode(b.subarray(3), 'utf-8'), encoding: 'utf-8' };
  const utf16 =
    b[0] === 0xff && b[1] === 0xfe
      ? 'utf-16le'
      : b[0] === 0xfe && b[1] === 0xff
        ? 'utf-16be'
        : bomlessUtf16(b);
  if (utf16) {
    const text = iconv.decode(b, utf16).replace(/^\uFEFF/, '');
    if (text.includes('\0')) throw new InputError(`${name} is binary data, not a text (CSV) file`);
    return {
      text,
      encoding: utf16,
      note: `${name}: read as ${utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} (Excel's "Unicode text"); the result is the same as from UTF-8`,
    };
  }
  if (b.includes(0))
    throw new InputError(`${name} is binary data (it holds NUL bytes), not a text (CSV) file`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    // not UTF-8: GBK/GB18030 as Chinese Excel saves "CSV", or something we will not guess at
  }
  // GB18030 decodes most byte soup into some CJK text; chardet names what else it may be.
  const guesses = chardet.analyse(b);
  const other = guesses.find((g) => /^(Shift_JIS|EUC-JP|EUC-KR|Big5|ISO-2022)/i.test(g.name));
  const gbConfidence = guesses.find((g) => g.name === 'GB18030')?.confidence ?? 0;
  const gb =
    other && other.confidence >= 50 && other.confidence > gbConfidence ? undefined : readsAsGb18030(b);
  if (gb !== undefined)
    return {
      text: gb,
      encoding: 'gb18030',
      note: `${name}: read as GBK/GB18030 (Chinese Excel's "CSV"); the result is the same as from UTF-8`,
    };
  const guess = other?.name ?? guesses[0]?.name;
  throw new InputError(
    `${name} is not UTF-8, UTF-16 or GBK text${guess ? ` (it looks like ${guess})` : ''}: save it from Excel as "CSV UTF-8" and try again`,
  );
}

/** Reads and decodes a text file; a missing or unreadable file is a one-line InputError. */
export function readTextFile(path: string): DecodedText {
  let b: Buffer;
  try {
    b = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new InputError(`cannot read ${path}: ${why}`);
  }
  return decodeText(b, basename(path));
}

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    if (realpathSync(a) === realpathSync(b)) return true;
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

export interface OutputCheck {
  /** The option that names the file, for the message: `--out`, `--pdf`. */
  option: string;
  path: string;
  /** Input files this output must never replace. */
  inputs: string[];
  force?: boolean;
  /** `init --out` of an existing book installs into it: allowed with --force. */
  intoExisting?: boolean;
}

/** Refuses, in one line, an output that would replace an input or an existing file without --force. */
export function checkOutput(c: OutputCheck): void {
  for (const input of c.inputs)
    if (sameFile(c.path, input))
      throw new InputError(
        `${c.option} ${c.path} is the input file: write to a new file (the input is never overwritten)`,
      );
  if (!existsSync(c.path)) {
    if (!existsSync(dirname(resolve(c.path))))
      throw new InputError(`cannot write ${c.path}: the folder ${dirname(c.path)} does not exist`);
    return;
  }
  if (statSync(c.path).isDirectory()) throw new InputError(`cannot write ${c.path}: it is a folder`);
  if (!c.force)
    throw new InputError(
      c.intoExisting
        ? `${c.option} ${c.path} exists: add --force (or --on-clash upgrade|rename) to install into it, its own sheets kept, or name a new file`
        : `${c.option} ${c.path} exists: add --force to replace it, or name a new file`,
    );
}

/** Two different outputs of one command must not be the same file. */
export function checkDistinct(
  a: { option: string; path: string },
  b: { option: string; path: string },
): void {
  if (resolve(a.path) === resolve(b.path))
    throw new InputError(`${a.option} and ${b.option} name the same file ${a.path}: give two names`);
}

/**
 * Writes `path` through `write(tmp)` into a temporary file in the same folder, renamed into
 * place when complete: a failure half-way leaves the old file (or none) as it was.
 */
export async function writeAtomically(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await write(tmp);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot write ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Parts of a workbook, by kind, whose loss on rewriting we look for (counted per part). */
const PART_KINDS: [RegExp, string][] = [
  [/^xl\/charts\/chart[^/]*\.xml$/, 'charts'],
  [/^xl\/media\//, 'images'],
  [/^xl\/threadedComments\//, 'threaded comments'],
  [/^xl\/pivotTables\//, 'pivot tables'],
  [/^xl\/slicers\//, 'slicers'],
  [/^xl\/timelines\//, 'timelines'],
  [/^xl\/vbaProject\.bin$/, 'macros (VBA)'],
  [/^xl\/embeddings\//, 'embedded objects'],
  [/^xl\/ctrlProps\//, 'form controls'],
  [/^xl\/activeX\//, 'ActiveX controls'],
];

/** Objects inside drawing and comment parts, by kind (counted per element). */
const ELEMENT_KINDS: [RegExp, RegExp, string][] = [
  [/^xl\/drawings\/[^/]*\.xml$/, /<xdr:graphicFrame\b/g, 'charts in drawings'],
  [/^xl\/drawings\/[^/]*\.xml$/, /<xdr:sp\b/g, 'shapes or text boxes'],
  [/^xl\/drawings\/[^/]*\.xml$/, /<xdr:pic\b/g, 'pictures'],
  [/^xl\/drawings\/[^/]*\.xml$/, /<xdr:(cxnSp|grpSp)\b/g, 'connectors or grouped shapes'],
  [/^xl\/comments[^/]*\.xml$/, /<comment\b/g, 'comments (notes)'],
];

async function inventory(data: Buffer | ArrayBuffer | Uint8Array): Promise<Map<string, number>> {
  const zip = await JSZip.loadAsync(data);
  const found = new Map<string, number>();
  const add = (what: string, n: number) => n > 0 && found.set(what, (found.get(what) ?? 0) + n);
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    for (const [re, what] of PART_KINDS) if (re.test(name)) add(what, 1);
    const elements = ELEMENT_KINDS.filter(([re]) => re.test(name));
    if (elements.length === 0) continue;
    const xml = await zip.files[name].async('string');
    for (const [, el, what] of elements) add(what, xml.match(el)?.length ?? 0);
  }
  return found;
}

/**
 * What the xlsx library (exceljs) would drop from the workbook at `path` if it read and wrote
 * it: the workbook is put through that round trip in memory and its charts, drawings, pictures,
 * comments and the like are counted before and after. Each entry reads like "2 charts".
 */
export async function partsExceljsDrops(path: string): Promise<string[]> {
  const data = readFileSync(path);
  let before: Map<string, number>;
  let after: Map<string, number>;
  try {
    before = await inventory(data);
  } catch (e) {
    throw new InputError(
      `cannot read ${path}: not an .xlsx workbook (${(e as Error).message.split('\n')[0]})`,
    );
  }
  if (before.size === 0) return [];
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    repairForWrite(wb);
    after = await inventory(Buffer.from(await wb.xlsx.writeBuffer()));
  } catch (e) {
    throw new InputError(
      `cannot check what rewriting ${path} would lose (${(e as Error).message.split('\n')[0]}); nothing was written`,
    );
  }
  return [...before]
    .filter(([what, n]) => (after.get(what) ?? 0) < n)
    .map(([what, n]) => `${n - (after.get(what) ?? 0)} ${what}`);
}

/**
 * Refuses to rewrite the workbook at `path` when it holds parts that would be lost, naming them;
 * `what` says what the command was about to do ("sign", "install into").
 */
export async function refuseIfPartsWouldBeLost(path: string, what: string): Promise<void> {
  if (!existsSync(path)) return;
  const parts = await partsExceljsDrops(path);
  if (parts.length > 0)
    throw new InputError(
      `${basename(path)} holds ${parts.join(', ')} that would be lost if duanping were to ${what} it (the xlsx library does not keep them): remove them from a copy, or do this in Excel with the add-in`,
    );
}
