/**
 * scripts/validate-manifest.mjs, run as `npm run validate` runs it: the real manifest passes
 * offline, and each kind of mistake in a copy is reported with its line and what is expected.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'validate-manifest.mjs');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dp-manifest-'));
  cpSync(join(ROOT, 'assets'), join(dir, 'assets'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validate(xml: string) {
  const file = join(dir, 'manifest.xml');
  writeFileSync(file, xml);
  const r = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Replaces exactly one occurrence, so a test cannot silently change nothing. */
function edit(from: string | RegExp, to: string): string {
  const hits = MANIFEST.split(from).length - 1;
  if (hits < 1) throw new Error(`the manifest has no ${String(from)}`);
  return MANIFEST.replace(from, to);
}

it('passes the real manifest offline', () => {
  const r = validate(MANIFEST);
  expect(r.out).toContain('valid');
  expect(r.status).toBe(0);
});

it.each([
  ['a three-part version', edit('<Version>0.1.0.0</Version>', '<Version>0.1.0</Version>'), /four parts/],
  ['an id that is not a GUID', edit(/<Id>[^<]+<\/Id>/, '<Id>duanping</Id>'), /must be a GUID/],
  [
    'an http URL',
    edit(
      'https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
      'http://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
    ),
    /must use https/,
  ],
  [
    'an undefined resid',
    edit('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'),
    /resid "Group.Missing" of <Label> is not defined/,
  ],
  [
    'a resid of the wrong kind',
    edit('<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'),
    /must name a short resource/,
  ],
  [
    'elements out of order',
    edit('<Permissions>ReadWriteDocument</Permissions>', '').replace(
      '<Hosts>\n    <Host Name="Workbook"/>',
      '<Permissions>ReadWriteDocument</Permissions>\n  <Hosts>\n    <Host Name="Workbook"/>',
    ),
    /<Hosts> must come before <Permissions>|<Permissions>.*must come before/,
  ],
  [
    'an icon of the wrong size',
    edit('assets/icon-16.png', 'assets/icon-32.png'),
    /is 32×32 px, expected 16×16/,
  ],
  ['a missing icon file', edit('assets/icon-80.png', 'assets/icon-81.png'), /icon-81.png does not exist/],
  [
    'a string without zh-CN',
    edit('<bt:Override Locale="zh-CN" Value="端平"/>', ''),
    /"Group.Label" has no zh-CN/,
  ],
  ['broken XML', edit('</Group>', '</Grop>'), /not well-formed XML: line \d+/],
  [
    'a missing requirement set',
    edit('<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="WordApi" MinVersion="1.1"/>'),
    /ExcelApi/,
  ],
])('reports %s', (_what, xml, message) => {
  const r = validate(xml);
  expect(r.status).toBe(1);
  expect(r.out).toMatch(message);
});

it('declares the ExcelApi set the adapter needs without feature detection (1.7)', () => {
  // Data validation (1.8) and page layout (1.9) are feature-detected: see OfficeHost.features.
  expect(MANIFEST).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\/>/);
});

it('exits 2 with one line for an unreadable file', () => {
  const r = spawnSync(process.execPath, [SCRIPT, join(dir, 'nope.xml')], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
});
