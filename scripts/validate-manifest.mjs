#!/usr/bin/env node
/**
 * Checks an Office add-in XML manifest offline (`npm run validate`).
 *
 * `office-addin-manifest validate` posts the file to a Microsoft web service and fails without a
 * network, so this script checks locally what breaks sideloading most often:
 *   - well-formed XML; the root is a TaskPaneApp for the Workbook host with ReadWriteDocument;
 *   - element order and parentage for the elements this add-in uses (per the XSD sequences;
 *     Office refuses a manifest whose elements are out of order);
 *   - a GUID <Id>, a four-part <Version>, https for every URL, <AppDomain>s are origins;
 *   - every `resid` names a resource of the right kind (image / url / short / long string),
 *     resource ids are unique and at most 32 characters, strings within their length limits;
 *   - every user-visible string has a zh-CN override (DefaultLocale en-US);
 *   - every icon URL resolves to a PNG next to the manifest (or in dist/) with the pixel size
 *     the manifest claims; pages (taskpane.html, ribbon-functions.html) are checked when dist/ exists;
 *   - an ExcelApi requirement set is declared.
 *
 * Usage: node scripts/validate-manifest.mjs [manifest.xml] [--online]
 *   --online  also run Microsoft's validation service (office-addin-manifest), when installed.
 * Exit code 0 when valid, 1 with one line per problem otherwise, 2 when the file is unreadable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

// ---------------------------------------------------------------------------------------------
// A small strict XML reader: elements, attributes, text, comments, the XML declaration, CDATA.

/** Decodes the five predefined entities and numeric character references. */
function decodeEntities(text, where) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (all, ref) => {
    if (ref === undefined) throw new Error(`${where}: a bare "&" (write &amp;)`);
    if (ref[0] === '#')
      return String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref];
    if (named === undefined) throw new Error(`${where}: unknown entity &${ref};`);
    return named;
  });
}

/**
 * Parses XML text into `{name, attrs, children, text, line}` nodes (children: elements only;
 * text: the element's own text, trimmed). Throws an Error naming the line on malformed input.
 */
export function parseXml(xml) {
  let i = 0;
  const lineAt = (pos) => xml.slice(0, pos).split('\n').length;
  const root = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack = [root];
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (top === root) {
        if (raw.trim() !== '') throw new Error(`line ${lineAt(i)}: text outside the root element`);
      } else top.text += decodeEntities(raw, `line ${lineAt(i)}`);
    }
    if (lt === -1) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end === -1) throw new Error(`line ${lineAt(i)}: comment never closed`);
      if (xml.slice(i + 4, end).includes('--')) throw new Error(`line ${lineAt(i)}: "--" inside a comment`);
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end === -1) throw new Error(`line ${lineAt(i)}: processing instruction never closed`);
      i = end + 2;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end === -1) throw new Error(`line ${lineAt(i)}: CDATA never closed`);
      stack[stack.length - 1].text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      throw new Error(`line ${lineAt(i)}: DOCTYPE and other declarations are not allowed in a manifest`);
    } else if (xml.startsWith('</', i)) {
      const end = xml.indexOf('>', i);
      const name = xml.slice(i + 2, end).trim();
      const top = stack.pop();
      if (top === root || top.name !== name)
        throw new Error(
          `line ${lineAt(i)}: </${name}> closes <${top === root ? '(nothing)' : top.name}> (line ${top.line})`,
        );
      top.text = top.text.trim();
      i = end + 1;
    } else {
      const tag =
        /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(
          xml.slice(i),
        );
      if (!tag) throw new Error(`line ${lineAt(i)}: malformed tag ${JSON.stringify(xml.slice(i, i + 40))}`);
      const node = { name: tag[1], attrs: {}, children: [], text: '', line: lineAt(i) };
      for (const a of tag[2].matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1] in node.attrs) throw new Error(`line ${node.line}: attribute ${a[1]} given twice`);
        node.attrs[a[1]] = decodeEntities(a[2] ?? a[3], `line ${node.line}`);
      }
      const parent = stack[stack.length - 1];
      if (parent === root && root.children.length > 0)
        throw new Error(`line ${node.line}: a second root element`);
      parent.children.push(node);
      if (!tag[3]) stack.push(node);
      i += tag[0].length;
    }
  }
  if (stack.length > 1)
    throw new Error(
      `<${stack[stack.length - 1].name}> (line ${stack[stack.length - 1].line}) is never closed`,
    );
  if (root.children.length === 0) throw new Error('no root element');
  return root.children[0];
}

// ---------------------------------------------------------------------------------------------
// Schema order: the children each element may have, in the order the XSD sequences require.
// `required` lists the children that must be present. Keys are `Parent` or `Parent[xsi:type]`.

const LOCALE_AWARE = { order: ['Override'], required: [] };
const ICON = { order: ['bt:Image'], required: ['bt:Image'] };

const SCHEMA = {
  'OfficeApp[TaskPaneApp]': {
    order: [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'AllowSnapshot',
      'VersionOverrides',
      'ExtendedOverrides',
    ],
    required: [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'DefaultSettings',
      'Permissions',
    ],
  },
  DisplayName: LOCALE_AWARE,
  Description: LOCALE_AWARE,
  IconUrl: LOCALE_AWARE,
  HighResolutionIconUrl: LOCALE_AWARE,
  SupportUrl: LOCALE_AWARE,
  SourceLocation: LOCALE_AWARE,
  AppDomains: { order: ['AppDomain'], required: [] },
  Hosts: { order: ['Host'], required: ['Host'] },
  Requirements: { order: ['Sets', 'Methods'], required: [] },
  Sets: { order: ['Set'], required: ['Set'] },
  DefaultSettings: {
    order: ['SourceLocation', 'RequestedWidth', 'RequestedHeight'],
    required: ['SourceLocation'],
  },
  'VersionOverrides[VersionOverridesV1_0]': {
    order: [
      'Description',
      'Requirements',
      'Hosts',
      'Resources',
      'VersionOverrides',
      'WebApplicationInfo',
      'EquivalentAddins',
    ],
    required: ['Hosts'],
  },
  'Host[Workbook]': {
    order: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
    required: ['DesktopFormFactor'],
  },
  DesktopFormFactor: {
    order: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
    required: ['FunctionFile', 'ExtensionPoint'],
  },
  GetStarted: {
    order: ['Title', 'Description', 'LearnMoreUrl'],
    required: ['Title', 'Description', 'LearnMoreUrl'],
  },
  'ExtensionPoint[PrimaryCommandSurface]': { order: ['CustomTab', 'OfficeTab'], required: [] },
  OfficeTab: { order: ['Group'], required: ['Group'] },
  Group: {
    order: ['OverriddenByRibbonApi', 'Label', 'Icon', 'Control'],
    required: ['Label', 'Icon', 'Control'],
  },
  'Control[Button]': {
    order: ['OverriddenByRibbonApi', 'Label', 'Supertip', 'Icon', 'Action'],
    required: ['Label', 'Supertip', 'Icon', 'Action'],
  },
  Supertip: { order: ['Title', 'Description'], required: ['Title', 'Description'] },
  Icon: ICON,
  'Action[ShowTaskpane]': {
    order: ['TaskpaneId', 'SourceLocation', 'Title', 'SupportsPinning'],
    required: ['SourceLocation'],
  },
  'Action[ExecuteFunction]': { order: ['FunctionName'], required: ['FunctionName'] },
  Resources: { order: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'], required: [] },
  'bt:Images': { order: ['bt:Image'], required: [] },
  'bt:Urls': { order: ['bt:Url'], required: [] },
  'bt:ShortStrings': { order: ['bt:String'], required: [] },
  'bt:LongStrings': { order: ['bt:String'], required: [] },
  'bt:String': { order: ['bt:Override'], required: [] },
  'bt:Url': { order: ['bt:Override'], required: [] },
  'bt:Image': { order: ['bt:Override'], required: [] },
};

/** The schema rule for an element, by name and (when the rule needs it) its xsi:type. */
function ruleFor(node) {
  const typed = node.attrs['xsi:type'];
  return SCHEMA[`${node.name}[${typed}]`] ?? SCHEMA[node.name];
}

/** Reports children that the parent's sequence does not allow, or allows only earlier. */
function checkOrder(node, path, problems) {
  const rule = ruleFor(node);
  if (rule) {
    let last = -1;
    let lastName = '';
    for (const child of node.children) {
      const at = rule.order.indexOf(child.name);
      if (at === -1) {
        problems.push(
          `line ${child.line}: <${child.name}> is not a valid child of ${path} (allowed: ${rule.order.join(', ')})`,
        );
      } else if (at < last) {
        problems.push(`line ${child.line}: <${child.name}> must come before <${lastName}> in ${path}`);
      } else {
        last = at;
        lastName = child.name;
      }
    }
    for (const req of rule.required)
      if (!node.children.some((c) => c.name === req))
        problems.push(`line ${node.line}: ${path} has no <${req}>`);
  } else if (
    node.attrs['xsi:type'] &&
    ['Host', 'Control', 'Action', 'ExtensionPoint', 'VersionOverrides'].includes(node.name)
  ) {
    problems.push(
      `line ${node.line}: ${path} has xsi:type="${node.attrs['xsi:type']}", which this add-in does not use`,
    );
  }
  for (const child of node.children) checkOrder(child, `${path}/${child.name}`, problems);
}

// ---------------------------------------------------------------------------------------------
// Content checks.

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/;
const URL_ELEMENTS = new Set([
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'SourceLocation',
  'bt:Image',
  'bt:Url',
]);

/** All descendants (depth first), with their parent. */
function* walk(node, parent = null) {
  yield { node, parent };
  for (const c of node.children) yield* walk(c, node);
}

const child = (node, name) => node?.children.find((c) => c.name === name);

/** Reads the width and height of a PNG file, or explains why it is not one. */
export function pngSize(bytes) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, k) => bytes[k] !== b)) return { error: 'not a PNG file' };
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') return { error: 'a PNG without an IHDR chunk' };
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Validates manifest text. `files(relPath)` returns the bytes of a file served at that path
 * (relative to the add-in's base URL), or null when it does not exist; `pagesBuilt` says
 * whether HTML pages can be checked (a build exists). Returns a list of problems.
 */
export function validateManifestText(xml, { files, pagesBuilt }) {
  let root;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [`not well-formed XML: ${e.message}`];
  }
  const problems = [];
  if (root.name !== 'OfficeApp') return [`the root element is <${root.name}>, expected <OfficeApp>`];
  if (root.attrs.xmlns !== 'http://schemas.microsoft.com/office/appforoffice/1.1')
    problems.push(
      `OfficeApp xmlns is "${root.attrs.xmlns}", expected http://schemas.microsoft.com/office/appforoffice/1.1`,
    );
  if (root.attrs['xsi:type'] !== 'TaskPaneApp')
    return [...problems, `OfficeApp xsi:type is "${root.attrs['xsi:type']}", expected TaskPaneApp`];
  checkOrder(root, 'OfficeApp', problems);

  const id = child(root, 'Id')?.text ?? '';
  if (!GUID.test(id))
    problems.push(`<Id> must be a GUID like 01234567-89ab-cdef-0123-456789abcdef (found "${id}")`);
  const version = child(root, 'Version')?.text ?? '';
  const v = VERSION.exec(version);
  if (!v || v.slice(1).some((p) => Number(p) > 65535))
    problems.push(`<Version> must have four parts, each 0–65535, like 1.0.0.0 (found "${version}")`);
  const locale = child(root, 'DefaultLocale')?.text;
  if (locale !== 'en-US')
    problems.push(`<DefaultLocale> must be en-US, with zh-CN overrides (found "${locale}")`);
  const hosts = child(root, 'Hosts')?.children.map((h) => h.attrs.Name) ?? [];
  if (!hosts.includes('Workbook'))
    problems.push(`<Hosts> must list <Host Name="Workbook"/> (found ${hosts.join(', ') || 'none'})`);
  const perm = child(root, 'Permissions')?.text;
  if (perm !== 'ReadWriteDocument')
    problems.push(
      `<Permissions> must be ReadWriteDocument (found ${perm === undefined ? 'none' : `"${perm}"`})`,
    );
  const excelSet = child(child(child(root, 'Requirements'), 'Sets'), 'Set');
  if (excelSet?.attrs.Name !== 'ExcelApi' || !/^1\.\d+$/.test(excelSet.attrs.MinVersion ?? ''))
    problems.push('<Requirements> must declare <Set Name="ExcelApi" MinVersion="1.n"/>');

  // Lengths of locale-aware settings (ShortLocaleAwareSetting 125, LongLocaleAwareSetting 250).
  const limits = { DisplayName: 125, Description: 250 };
  for (const [name, max] of Object.entries(limits)) {
    const el = child(root, name);
    for (const text of [el?.attrs.DefaultValue, ...(el?.children.map((o) => o.attrs.Value) ?? [])])
      if (text !== undefined && text.length > max)
        problems.push(`<${name}> is longer than ${max} characters: "${text.slice(0, 40)}…"`);
    if (el && !el.children.some((o) => o.attrs.Locale === 'zh-CN'))
      problems.push(`<${name}> has no zh-CN <Override>`);
  }

  // URLs: https everywhere; map each to a file relative to the add-in's base URL.
  const base = child(child(root, 'DefaultSettings'), 'SourceLocation')?.attrs.DefaultValue ?? '';
  const baseUrl = base.slice(0, base.lastIndexOf('/') + 1);
  const urls = [];
  for (const { node } of walk(root)) {
    if (URL_ELEMENTS.has(node.name)) {
      const values = [node.attrs.DefaultValue, ...node.children.map((o) => o.attrs.Value)];
      for (const value of values) if (value !== undefined) urls.push({ value, node });
    }
    if (node.name === 'AppDomain') {
      if (!/^https:\/\/[^/\s]+$/.test(node.text))
        problems.push(
          `line ${node.line}: <AppDomain> must be an https origin without a path (found "${node.text}")`,
        );
    }
  }
  for (const { value, node } of urls) {
    let parsed;
    try {
      parsed = new URL(value);
    } catch {
      problems.push(`line ${node.line}: "${value}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') problems.push(`line ${node.line}: "${value}" must use https`);
  }

  // Resources: unique ids of at most 32 characters, each of one kind.
  const resources = new Map();
  const kinds = {
    'bt:Images': 'image',
    'bt:Urls': 'url',
    'bt:ShortStrings': 'short',
    'bt:LongStrings': 'long',
  };
  const maxLen = { short: 125, long: 250 };
  const resourcesNode = child(child(root, 'VersionOverrides'), 'Resources');
  for (const group of resourcesNode?.children ?? []) {
    const kind = kinds[group.name];
    for (const res of group.children) {
      const rid = res.attrs.id ?? '';
      if (!rid) problems.push(`line ${res.line}: <${res.name}> has no id`);
      else if (rid.length > 32)
        problems.push(`line ${res.line}: resource id "${rid}" is longer than 32 characters`);
      if (resources.has(rid)) problems.push(`line ${res.line}: resource id "${rid}" is defined twice`);
      resources.set(rid, { kind, node: res });
      if (kind === 'short' || kind === 'long') {
        for (const text of [res.attrs.DefaultValue, ...res.children.map((o) => o.attrs.Value)])
          if ((text ?? '').length > maxLen[kind])
            problems.push(`line ${res.line}: string "${rid}" is longer than ${maxLen[kind]} characters`);
        if (!res.children.some((o) => o.attrs.Locale === 'zh-CN'))
          problems.push(`line ${res.line}: string "${rid}" has no zh-CN <bt:Override>`);
      }
    }
  }

  // Every resid names a resource of the kind its element needs.
  const residKind = (node, parent) => {
    if (node.name === 'bt:Image') return 'image';
    if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(node.name)) return 'url';
    if (node.name === 'Description' && parent && ['Supertip', 'GetStarted'].includes(parent.name))
      return 'long';
    if (['Label', 'Title'].includes(node.name)) return 'short';
    return null;
  };
  const iconSizes = [];
  for (const { node, parent } of walk(root)) {
    const rid = node.attrs.resid;
    if (rid === undefined) continue;
    const res = resources.get(rid);
    const want = residKind(node, parent);
    if (!res)
      problems.push(`line ${node.line}: resid "${rid}" of <${node.name}> is not defined in <Resources>`);
    else if (want && res.kind !== want)
      problems.push(
        `line ${node.line}: resid "${rid}" of <${node.name}> must name a ${want} resource (it is a ${res.kind})`,
      );
    else if (node.name === 'bt:Image')
      iconSizes.push({ rid, size: Number(node.attrs.size), line: node.line });
  }
  for (const want of ['16', '32', '80'])
    if (!iconSizes.some((s) => String(s.size) === want))
      problems.push(`the ribbon icons lack a ${want}px image`);

  // Files behind the URLs: icons must exist with the right pixel size; pages when built.
  const fileFor = (url) => (url.startsWith(baseUrl) ? url.slice(baseUrl.length).split(/[?#]/)[0] : null);
  const checkImage = (url, size, line, what) => {
    const rel = fileFor(url);
    if (rel === null) return; // hosted elsewhere: cannot check offline
    const bytes = files(rel);
    if (!bytes) return problems.push(`line ${line}: ${what} ${url} → ${rel} does not exist`);
    const dim = pngSize(bytes);
    if (dim.error) problems.push(`line ${line}: ${what} ${rel} is ${dim.error}`);
    else if (dim.width !== size || dim.height !== size)
      problems.push(
        `line ${line}: ${what} ${rel} is ${dim.width}×${dim.height} px, expected ${size}×${size}`,
      );
  };
  for (const { rid, size, line } of iconSizes) {
    const res = resources.get(rid);
    for (const url of [res.node.attrs.DefaultValue, ...res.node.children.map((o) => o.attrs.Value)])
      if (url) checkImage(url, size, line, `icon "${rid}"`);
  }
  const iconUrl = child(root, 'IconUrl');
  if (iconUrl) checkImage(iconUrl.attrs.DefaultValue, 32, iconUrl.line, 'IconUrl');
  const hiRes = child(root, 'HighResolutionIconUrl');
  if (hiRes) checkImage(hiRes.attrs.DefaultValue, 64, hiRes.line, 'HighResolutionIconUrl');
  for (const { value, node } of urls) {
    const rel = fileFor(value);
    if (rel === null || node.name === 'bt:Image' || node.name.endsWith('IconUrl')) continue;
    const isPage = rel.endsWith('.html') && !rel.startsWith('assets/');
    if (isPage && !pagesBuilt) continue;
    if (!files(rel))
      problems.push(`line ${node.line}: ${value} → ${rel} does not exist${isPage ? ' in dist/' : ''}`);
  }
  return problems;
}

/** Runs Microsoft's online validator through office-addin-manifest; null when unavailable. */
function onlineCheck(file) {
  const cli = join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    'node_modules',
    'office-addin-manifest',
    'cli.js',
  );
  if (!existsSync(cli)) return 'office-addin-manifest is not installed: online check skipped';
  const run = spawnSync(process.execPath, [cli, 'validate', file], { encoding: 'utf8', timeout: 60000 });
  process.stdout.write(run.stdout ?? '');
  if (run.status === 0) return null;
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|Unable to contact|fetch failed/i.test(`${run.stdout}${run.stderr}`))
    return 'no network: online check skipped';
  throw new Error(`online validation failed:\n${run.stderr || run.stdout}`);
}

function main() {
  const args = process.argv.slice(2);
  const file = resolve(
    args.find((a) => !a.startsWith('--')) ??
      join(dirname(fileURLToPath(import.meta.url)), '..', 'manifest.xml'),
  );
  let xml;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`cannot read ${file}: ${e.code ?? e.message}`);
    process.exit(2);
  }
  const dir = dirname(file);
  const roots = [dir, join(dir, 'dist')];
  const pagesBuilt = existsSync(join(dir, 'taskpane.html')) || existsSync(join(dir, 'dist', 'taskpane.html'));
  const files = (rel) => {
    for (const r of roots) {
      const p = join(r, rel);
      if (existsSync(p)) return readFileSync(p);
    }
    return null;
  };
  const problems = validateManifestText(xml, { files, pagesBuilt });
  if (problems.length > 0) {
    for (const p of problems) console.error(`${file}: ${p}`);
    process.exit(1);
  }
  console.log(`${file}: valid${pagesBuilt ? '' : ' (pages not checked: run npm run build first)'}`);
  if (args.includes('--online')) {
    try {
      const note = onlineCheck(file);
      if (note) console.log(note);
    } catch (e) {
      console.error(e.message);
      process.exit(1);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
