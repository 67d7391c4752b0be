/**
 * The corpus of bad and unusual inputs (issue 11, item 7): one command per case with the class
 * of answer it must give — the exit code, a message naming where, what and what is allowed, and
 * which files must come out unchanged. To add a case, add a row; `corpus.test.ts` runs them all.
 *
 * Files: `@name` in argv is a file of the case's own folder. A case's `files` are made from the
 * shared fixtures (`fx`, built once: the examples, a calculated book, a book with a chart …).
 */
import iconv from 'iconv-lite';
import { builtinTemplateJson } from '../../src/core/templates';

export interface Fixtures {
  ratings: string;
  /** `ratings` with the ratee codes replaced by the units' Chinese names. */
  ratingsZh: string;
  ratees: string;
  raters: string;
  adjustments: string;
  /** A calculated workbook (LibreOffice), ready for sign-off. */
  book: Buffer;
  /** `book` signed once (level 1). */
  signed: Buffer;
  /** `book` with a chart, a shape and a threaded comment that exceljs would drop. */
  charted: Buffer;
  /** `signed` with the names of the first two ratees swapped in 名单. */
  signedNamesSwapped: Buffer;
  /** `book` without its summary sheet (汇总). */
  noSummary: Buffer;
  /** `book` whose summary header 最终得分 was retyped. */
  summaryFinalRenamed: Buffer;
  /** `book` with a column inserted in the summary (C). */
  summaryColumnInserted: Buffer;
  /** `signed` whose stored template (DP_Template) gained a field this version does not know. */
  signedTemplateField: Buffer;
  /** `book` with the first indicator's score merged over the first three entry rows (D3:D5). */
  mergedScores: Buffer;
  /** `book` whose first score cell holds the date 4 March shown as 3月4日 (3/4 typed into Excel). */
  dateScore: Buffer;
  /** `book` with the first indicator's weight on the visible 指标 sheet (E2) raised by 5. */
  indicatorWeight: Buffer;
  /** `book` with the first tier's minimum on the 指标 sheet lowered by 5. */
  tierMin: Buffer;
  /** `signed` with the first indicator's weight on the 指标 sheet raised by 5 after signing. */
  signedIndicatorWeight: Buffer;
}

export type Fixture = string | Buffer | ((fx: Fixtures) => string | Buffer);

export interface Case {
  id: string;
  files?: Record<string, Fixture>;
  argv: string[];
  code: 0 | 1 | 2;
  /** stderr must match. */
  err?: RegExp;
  /** stdout must match. */
  out?: RegExp;
  /** These files (names in the case folder) must be byte-for-byte as before. */
  unchanged?: string[];
  /** These files must not exist afterwards. */
  absent?: string[];
  /** stdout must equal that of this other case. */
  sameOutAs?: string;
}

/** Template JSON as a person edits it: any field, any value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const T = (mutate: (t: Json) => void): Fixture => {
  const t = JSON.parse(JSON.stringify(builtinTemplateJson('duty-report')));
  mutate(t);
  return JSON.stringify(t, null, 2);
};

/** `score` with a template file; the answer: exit 2, one line naming the field. */
const tpl = (id: string, mutate: (t: Json) => void, err: RegExp): Case => ({
  id: `template/${id}`,
  files: { 't.json': T(mutate), 'r.csv': (fx) => fx.ratings },
  argv: ['score', '--template', '@t.json', '--ratings', '@r.csv'],
  code: 2,
  err,
});

/** Renames indicator Q1 (and its uses in the sources) to `id`. */
const renameQ1 = (id: string) => (t: Json) => {
  t.indicators[0].id = id;
  for (const s of t.sources)
    if (s.indicators) s.indicators = s.indicators.map((x: string) => (x === 'Q1' ? id : x));
};

const SCORE = (extra: string[] = []) => [
  'score',
  '--template',
  'duty-report',
  '--ratings',
  '@r.csv',
  '--ratees',
  '@ratees.csv',
  '--adjustments',
  '@adj.csv',
  '--json',
  ...extra,
];
const SCORE_FILES = (
  r: Fixture = (fx) => fx.ratings,
  ratees: Fixture = (fx) => fx.ratees,
  adj: Fixture = (fx) => fx.adjustments,
) => ({ 'r.csv': r, 'ratees.csv': ratees, 'adj.csv': adj });

const enc = (text: string, encoding: string, bom = false) => iconv.encode(text, encoding, { addBOM: bom });
const tsv = (csv: string) => csv.replace(/,/g, '\t');
/** The ratings with the first data row's ratee U01 spelt `variant`. */
const ratee =
  (variant: string): Fixture =>
  (fx) =>
    fx.ratings.replace(/\nleader,L01,U01,/, `\nleader,L01,${variant},`);
const rater =
  (variant: string): Fixture =>
  (fx) =>
    fx.ratings.replace(/\nleader,L01,U01,/, `\nleader,${variant},U01,`);
const source =
  (variant: string): Fixture =>
  (fx) =>
    fx.ratings.replace(/\nleader,L01,U01,/, `\n${variant},L01,U01,`);

const cases: Case[] = [];
const add = (...cs: Case[]) => cases.push(...cs);

// ---------------------------------------------------------------- baseline
add({
  id: 'baseline/utf8',
  files: SCORE_FILES(),
  argv: SCORE(),
  code: 0,
  out: /"schema": "duanping.results\/1"/,
});

/** The ratings with Chinese ratee codes (the unit names), so that an encoding shows in every row. */
const ZH_SCORE = ['score', '--template', 'duty-report', '--ratings', '@rz.csv', '--json'];
add({
  id: 'baseline/chinese-codes',
  files: { 'rz.csv': (fx) => fx.ratingsZh },
  argv: ZH_SCORE,
  code: 0,
  out: /"ratee": "城关镇党委"/,
});

// ---------------------------------------------------------------- encodings
add(
  {
    id: 'encoding/utf8-bom',
    files: SCORE_FILES((fx) => enc(fx.ratings, 'utf8', true)),
    argv: SCORE(),
    code: 0,
    sameOutAs: 'baseline/utf8',
  },
  ...(
    [
      ['gbk-ratings', (fx: Fixtures) => enc(fx.ratingsZh, 'gbk'), undefined, undefined, /read as GBK/],
      [
        'gb18030-ratings',
        (fx: Fixtures) => enc(fx.ratingsZh, 'gb18030'),
        undefined,
        undefined,
        /read as GBK/,
      ],
      [
        'gbk-ratees',
        undefined,
        (fx: Fixtures) => enc(fx.ratees, 'gbk'),
        undefined,
        /ratees.csv: read as GBK/,
      ],
      [
        'gbk-adjustments-加分',
        undefined,
        undefined,
        (fx: Fixtures) => enc(fx.adjustments.replace(/,bonus,/g, ',加分,'), 'gbk'),
        /adj.csv: read as GBK/,
      ],
      [
        'gbk-all',
        (fx: Fixtures) => enc(fx.ratings, 'gbk'),
        (fx: Fixtures) => enc(fx.ratees, 'gbk'),
        (fx: Fixtures) => enc(fx.adjustments, 'gbk'),
        /read as GBK/,
      ],
      [
        'utf16le-bom-tsv',
        (fx: Fixtures) => enc(tsv(fx.ratingsZh), 'utf16le', true),
        undefined,
        undefined,
        /read as UTF-16 LE/,
      ],
      [
        'utf16le-bom-csv',
        (fx: Fixtures) => enc(fx.ratingsZh, 'utf16le', true),
        undefined,
        undefined,
        /read as UTF-16 LE/,
      ],
      [
        'utf16be-bom-tsv',
        (fx: Fixtures) => enc(tsv(fx.ratingsZh), 'utf16be', true),
        undefined,
        undefined,
        /read as UTF-16 BE/,
      ],
      [
        'utf16le-no-bom',
        (fx: Fixtures) => enc(tsv(fx.ratingsZh), 'utf16le'),
        undefined,
        undefined,
        /read as UTF-16 LE/,
      ],
      [
        'utf16le-ratees',
        undefined,
        (fx: Fixtures) => enc(tsv(fx.ratees), 'utf16le', true),
        undefined,
        /ratees.csv: read as UTF-16/,
      ],
      [
        'utf16le-crlf',
        (fx: Fixtures) => enc(tsv(fx.ratingsZh).replace(/\n/g, '\r\n'), 'utf16le', true),
        undefined,
        undefined,
        /UTF-16/,
      ],
      [
        'gbk-crlf',
        (fx: Fixtures) => enc(fx.ratingsZh.replace(/\n/g, '\r\n'), 'gbk'),
        undefined,
        undefined,
        /GBK/,
      ],
    ] as [string, Fixture | undefined, Fixture | undefined, Fixture | undefined, RegExp][]
  ).map(([id, r, ratees, adj, err]): Case =>
    ratees === undefined && adj === undefined
      ? {
          id: `encoding/${id}`,
          files: { 'rz.csv': r! },
          argv: ZH_SCORE,
          code: 0,
          err,
          sameOutAs: 'baseline/chinese-codes',
        }
      : {
          id: `encoding/${id}`,
          files: SCORE_FILES(r, ratees, adj),
          argv: SCORE(),
          code: 0,
          err,
          sameOutAs: 'baseline/utf8',
        },
  ),
  ...(
    [
      ['xlsx-as-csv', (fx: Fixtures) => fx.book, /r.csv is an Excel workbook \(.xlsx/],
      [
        'xls-as-csv',
        Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600, 1)]),
        /old-format Excel/,
      ],
      ['pdf-as-csv', Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n', 'latin1'), /r.csv is a PDF file/],
      ['png-as-csv', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), /PNG image/],
      ['zip-as-csv', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from('hello.txt')]), /a zip file/],
      [
        'nul-bytes',
        Buffer.from([0x73, 0x6f, 0, 0x72, 0, 0, 0x12, 0xff, 0x00, 0x41, 0x01, 0x02, 0, 0, 0, 7]),
        /binary data/,
      ],
      [
        'shift-jis',
        iconv.encode(
          'source,rater,ratee,Q1\nleader,田中さん,山田さん,1\nleader,佐藤さん,鈴木さん,2\n',
          'shift_jis',
        ),
        /not UTF-8, UTF-16 or GBK text \(it looks like Shift_JIS\)/,
      ],
      [
        'latin1',
        Buffer.from('source,rater,ratee,Q1\nleader,Jos\xe9,Zo\xeb,1\n', 'latin1'),
        /not UTF-8, UTF-16 or GBK.*CSV UTF-8/,
      ],
    ] as [string, Fixture, RegExp][]
  ).map(([id, r, err]): Case => ({
    id: `encoding/refuse-${id}`,
    files: SCORE_FILES(r),
    argv: SCORE(),
    code: 2,
    err,
  })),
  {
    id: 'encoding/xlsx-as-ratees',
    files: SCORE_FILES(undefined, (fx) => fx.book),
    argv: SCORE(),
    code: 2,
    err: /ratees.csv is an Excel workbook/,
  },
  {
    id: 'encoding/gbk-template',
    files: {
      't.json': enc(T((t) => (t.name = '述职评议（GBK）')) as string, 'gbk'),
      'r.csv': (fx) => fx.ratings,
    },
    argv: ['score', '--template', '@t.json', '--ratings', '@r.csv'],
    code: 0,
    err: /t.json: read as GBK/,
    out: /述职评议（GBK）/,
  },
  {
    id: 'encoding/analyze-gbk',
    files: { 'r.csv': (fx) => enc(fx.ratingsZh, 'gbk') },
    argv: ['analyze', '--template', 'duty-report', '--ratings', '@r.csv', '--json'],
    code: 0,
    err: /read as GBK/,
  },
);

// ---------------------------------------------------------------- CSV structure
add(
  {
    id: 'csv/duplicate-indicator-column',
    files: SCORE_FILES((fx) =>
      fx.ratings
        .replace(/^(source,rater,ratee,Q1,Q2,Q3,Q4,B1,B2,B3)/, '$1,Q1')
        .replace(/\n(leader,[^\n]*)/g, (m) => `${m},10`),
    ),
    argv: SCORE(),
    code: 2,
    err: /r.csv: the header has "Q1" twice \(columns D and K\)/,
  },
  {
    id: 'csv/second-ratee-column',
    files: SCORE_FILES((fx) =>
      fx.ratings
        .replace(/^source,rater,ratee,/, 'source,rater,ratee,ratee,')
        .replace(/\n(\w+),(\w+),(\w+),/g, '\n$1,$2,$3,$3,'),
    ),
    argv: SCORE(),
    code: 2,
    err: /the header has "ratee" twice \(columns C and D\)/,
  },
  {
    id: 'csv/duplicate-adjustments-column',
    files: SCORE_FILES(undefined, undefined, (fx) =>
      fx.adjustments
        .replace(/^ratee,kind,points/, 'ratee,kind,points,points')
        .replace(/\n(U\d+,\w+,)([\d.]+),/g, '\n$1$2,$2,'),
    ),
    argv: SCORE(),
    code: 2,
    err: /adj.csv: the header has "points" twice/,
  },
  {
    id: 'csv/duplicate-ratee-in-list',
    files: SCORE_FILES(undefined, (fx) => `${fx.ratees.trimEnd()}\nU01,城关镇党委（重复）\n`),
    argv: SCORE(),
    code: 2,
    err: /ratees.csv: id "U01" is listed twice \(rows 2 and \d+\)/,
  },
  {
    id: 'csv/duplicate-rater-in-list',
    files: { ...SCORE_FILES(), 'raters.csv': 'id,source\nL01,leader\nL02,leader\nL01,leader\n' },
    argv: [...SCORE(), '--raters', '@raters.csv'],
    code: 2,
    err: /raters.csv: id "L01" is listed twice \(rows 2 and 4\)/,
  },
  {
    id: 'csv/ratee-list-row-without-id',
    files: SCORE_FILES(undefined, (fx) => `${fx.ratees.trimEnd()}\n,无编号单位\n`),
    argv: SCORE(),
    code: 2,
    err: /ratees.csv: row \d+ has no id/,
  },
  {
    id: 'csv/duplicate-list-header',
    files: SCORE_FILES(undefined, 'id,name,id\nU01,a,U01\n'),
    argv: SCORE(),
    code: 2,
    err: /the header has "id" twice/,
  },
  {
    id: 'csv/ragged-row',
    files: SCORE_FILES((fx) => fx.ratings.replace(/\nleader,L01,U01,([^\n]*)/, '\nleader,L01,U01,$1,99')),
    argv: SCORE(['--lang', 'en']),
    code: 1,
    out: /ragged-row/,
  },
  {
    id: 'csv/missing-rater-column',
    files: SCORE_FILES('source,ratee,Q1\nleader,U01,1\n'),
    argv: SCORE(),
    code: 2,
    err: /header needs the column rater/,
  },
  {
    id: 'csv/empty-file',
    files: SCORE_FILES(''),
    argv: SCORE(),
    code: 2,
    err: /r.csv is empty/,
  },
  {
    id: 'csv/missing-file',
    files: {},
    argv: ['score', '--template', 'duty-report', '--ratings', '@nope.csv'],
    code: 2,
    err: /cannot read .*nope.csv: no such file/,
  },
);

// ---------------------------------------------------------------- kinds read as the formulas' TRIM reads them
add(
  {
    id: 'kind/trailing-full-width-space-is-no-kind',
    files: SCORE_FILES(undefined, undefined, (fx) =>
      fx.adjustments.replace(/\nU03,bonus,/, '\nU03,加分\u3000,'),
    ),
    argv: SCORE(['--lang', 'en']),
    code: 1,
    out: /"code": "bad-adjustment-kind"[\s\S]*"found": "加分\[U\+3000\]"/,
  },
  {
    id: 'kind/trailing-tab-is-no-kind',
    files: SCORE_FILES(undefined, undefined, (fx) =>
      fx.adjustments.replace(/\nU03,bonus,/, '\nU03,"bonus\t",'),
    ),
    argv: SCORE(['--lang', 'en']),
    code: 1,
    out: /"found": "bonus\[U\+0009\]"/,
  },
  {
    id: 'kind/ascii-spaces-are-trimmed-as-trim-does',
    files: SCORE_FILES(undefined, undefined, (fx) =>
      fx.adjustments.replace(/\nU03,bonus,/, '\nU03,  bonus ,'),
    ),
    argv: SCORE(),
    code: 0,
    sameOutAs: 'baseline/utf8',
  },
  {
    id: 'kind/chinese-kind-with-ascii-space',
    files: SCORE_FILES(undefined, undefined, (fx) => fx.adjustments.replace(/\nU03,bonus,/, '\nU03, 加分 ,')),
    argv: SCORE(),
    code: 0,
    sameOutAs: 'baseline/utf8',
  },
);

// ---------------------------------------------------------------- look-alike codes
const lookalikes: [string, Fixture, RegExp][] = [
  ['ratee-full-width-digit', ratee('U0１'), /U\+FF11/],
  ['ratee-full-width-letter', ratee('Ｕ01'), /U\+FF35/],
  ['ratee-all-full-width', ratee('Ｕ０１'), /U\+FF10/],
  ['ratee-zero-width-space', ratee('U0\u200b1'), /U\+200B/],
  ['ratee-zero-width-joiner', ratee('U\u200d01'), /U\+200D/],
  ['ratee-word-joiner', ratee('U01\u2060'), /U\+2060/],
  ['ratee-soft-hyphen', ratee('U\u00ad01'), /U\+00AD/],
  ['ratee-excel-wrapper', ratee('"=""U01"""'), /U\+003D U\+0022 U\+0055/],
  ['ratee-full-width-zero', ratee('U０1'), /U\+FF10/],
  ['rater-full-width-letter', rater('Ｌ01'), /U\+FF2C/],
  ['rater-zero-width', rater('L0\u200b1'), /U\+200B/],
  ['rater-full-width', rater('L0１'), /U\+FF11/],
  ['source-cyrillic-e', source('lеader'), /U\+0435/],
  ['source-cyrillic-a', source('leаder'), /U\+0430/],
  ['source-full-width', source('ｌeader'), /U\+FF4C/],
  ['source-zero-width-non-joiner', source('leader\u200c'), /U\+200C/],
];
add(
  ...lookalikes.map(([id, r, codePoint]): Case => ({
    id: `lookalike/${id}`,
    files: SCORE_FILES(r),
    argv: SCORE(['--lang', 'en']),
    code: 1,
    out: new RegExp(`"code": "lookalike-code"[\\s\\S]*${codePoint.source}`),
  })),
  {
    id: 'lookalike/adjustment-ratee',
    files: SCORE_FILES(undefined, undefined, (fx) => fx.adjustments.replace(/\nU03,/, '\nU0３,')),
    argv: [...SCORE(['--lang', 'en'])].filter((a) => a !== '--json'),
    code: 1,
    out: /adj.csv!A2: the ratee code "U0３" \(U\+0055 U\+0030 U\+FF13\) looks like "U03"/,
  },
  {
    id: 'lookalike/in-the-ratee-list',
    files: SCORE_FILES(undefined, (fx) => fx.ratees.replace(/\nU02,/, '\nU0２,')),
    argv: SCORE(['--lang', 'en']),
    code: 1,
    out: /"code": "lookalike-code"[\s\S]*U\+FF12/,
  },
  {
    id: 'lookalike/without-a-list-no-phantom-silently',
    files: { 'r.csv': ratee('U0１') },
    argv: ['score', '--template', 'duty-report', '--ratings', '@r.csv', '--lang', 'en'],
    code: 1,
    out: /the ratee code "U0１" \(U\+0055 U\+0030 U\+FF11\) looks like "U01" \(U\+0055 U\+0030 U\+0031\)/,
  },
  {
    id: 'lookalike/chinese-message',
    files: { 'r.csv': ratee('U0１') },
    argv: ['score', '--template', 'duty-report', '--ratings', '@r.csv'],
    code: 1,
    out: /被考核对象编码“U0１”（U\+0055 U\+0030 U\+FF11）与“U01”.*看起来一样.*没有合并/,
  },
  {
    id: 'lookalike/leading-bom-is-trimmed-like-the-engine-does',
    files: SCORE_FILES(ratee('\ufeffU01')),
    argv: SCORE(),
    code: 0,
    sameOutAs: 'baseline/utf8',
  },
  {
    id: 'lookalike/trailing-space-is-the-same-code',
    files: SCORE_FILES(ratee('U01 ')),
    argv: SCORE(),
    code: 0,
    sameOutAs: 'baseline/utf8',
  },
  {
    id: 'lookalike/analyze-too',
    files: { 'r.csv': rater('L0１') },
    argv: ['analyze', '--template', 'duty-report', '--ratings', '@r.csv', '--lang', 'en'],
    code: 1,
    out: /the rater code "L0１" \(U\+004C U\+0030 U\+FF11\) looks like "L01"/,
  },
);

// ---------------------------------------------------------------- templates
const coercible = [
  '1-2',
  '2024-01',
  '2024-1-5',
  '1e3',
  '3月5日',
  '2024年3月',
  'TRUE',
  'false',
  '5-Mar',
  'Mar-24',
  '100',
  '12-30',
];
add(
  ...coercible.map((id) =>
    tpl(
      `coercible-id-${id}`,
      renameQ1(id),
      new RegExp(
        `indicators\\[0\\]\\.id "${id.replace(/[.]/g, '\\.')}" would be turned by Excel into a number, date`,
      ),
    ),
  ),
  ...['3/4', '12:30', '(5)', '¥5', '50%', '1,000', '0.5'].map((id) =>
    tpl(`id-pattern-${id}`, renameQ1(id), /indicators\[0\]\.id must be 1–24 letters, digits/),
  ),
  tpl(
    'coercible-source-id',
    (t) => (t.sources[0].id = '2024-01'),
    /sources\[0\]\.id "2024-01" would be turned by Excel/,
  ),
  tpl(
    'coercible-level-label',
    (t) =>
      (t.indicators[0].levels = [
        { label: 'TRUE', points: 10 },
        { label: '差', points: 0 },
      ]),
    /indicators\[0\]\.levels\[0\]\.label "TRUE" would be turned by Excel/,
  ),
  ...[
    'total',
    'Total',
    'STATUS',
    'source',
    'Rater',
    'RATEE',
    '合计',
    '状态',
    '评委',
    '评价主体',
    '被考核对象',
    '_src',
    '_status',
  ].map((id) =>
    tpl(`reserved-${id}`, renameQ1(id), new RegExp(`indicators\\[0\\]\\.id "${id}" is reserved`)),
  ),
  tpl('reserved-dp-prefix', renameQ1('DP_Final'), /indicators\[0\]\.id "DP_Final" is reserved/),
  tpl('reserved-helper-prefix', renameQ1('_p_Q2'), /indicators\[0\]\.id "_p_Q2" is reserved/),
  tpl(
    'case-clash-indicators',
    renameQ1('q2'),
    /indicators\[1\]\.id "Q2" differs from indicators\[0\]\.id only in upper\/lower case/,
  ),
  tpl('exact-duplicate-indicator', renameQ1('Q2'), /indicators\[1\]\.id "Q2" is used twice/),
  tpl(
    'case-clash-sources',
    (t) => (t.sources[1].id = t.sources[0].id.toUpperCase()),
    /sources\[1\]\.id "LEADER" differs from sources\[0\]\.id only in upper\/lower case/,
  ),
  tpl(
    'unknown-key-top',
    (t) => (t.tier = []),
    /^duanping: .*tier is not a template field \(did you mean "tiers"\?\)/,
  ),
  tpl(
    'unknown-key-indicator',
    (t) => (t.indicators[2].weigth = 3),
    /indicators\[2\]\.weigth is not a template field \(did you mean "weight"\?\)/,
  ),
  tpl(
    'unknown-key-indicator-case',
    (t) => (t.indicators[0].Max = 3),
    /indicators\[0\]\.Max is not a template field \(did you mean "max"\?\)/,
  ),
  tpl(
    'unknown-key-source',
    (t) => (t.sources[0].agregate = 'mean'),
    /sources\[0\]\.agregate is not a template field \(did you mean "aggregate"\?\)/,
  ),
  tpl(
    'unknown-key-tier',
    (t) => (t.tiers[0].minimum = 90),
    /tiers\[0\]\.minimum is not a template field \(did you mean "min"\?\)/,
  ),
  tpl(
    'unknown-key-adjustments',
    (t) => (t.adjustments = { ...t.adjustments, bonuscap: 3 }),
    /adjustments\.bonuscap is not a template field \(did you mean "bonusCap"\?\)/,
  ),
  tpl(
    'unknown-key-level',
    (t) => (t.indicators[0].levels = [{ lable: '好', points: 10 }]),
    /indicators\[0\]\.levels\[0\]\.lable is not a template field \(did you mean "label"\?\)/,
  ),
  tpl(
    'unknown-key-decimal',
    (t) => (t.decimal = 1),
    /decimal is not a template field \(did you mean "decimals"\?\)/,
  ),
  tpl(
    'weight-1e308',
    (t) => (t.indicators[0].weight = 1e308),
    /indicators\[0\]\.weight is 1e\+308: at most 1000000000/,
  ),
  tpl(
    'max-1e308',
    (t) => (t.indicators[0].max = 1e308),
    /indicators\[0\]\.max is 1e\+308: at most 1000000000/,
  ),
  tpl('max-1e10', (t) => (t.indicators[1].max = 1e10), /indicators\[1\]\.max is 10000000000/),
  tpl('source-weight-1e308', (t) => (t.sources[0].weight = 1e308), /sources\[0\]\.weight is 1e\+308/),
  tpl('bonus-cap-1e308', (t) => (t.adjustments.bonusCap = 1e308), /adjustments\.bonusCap is 1e\+308/),
  tpl(
    'deduction-cap-1e308',
    (t) => (t.adjustments.deductionCap = 1e308),
    /adjustments\.deductionCap is 1e\+308/,
  ),
  tpl('tier-min-1e308', (t) => (t.tiers[0].min = 1e308), /tiers\[0\]\.min is 1e\+308/),
  tpl(
    'tier-min-minus-1e308',
    (t) => (t.tiers[t.tiers.length - 1].min = -1e308),
    /tiers\[\d\]\.min is -1e\+308/,
  ),
  {
    id: 'template/max-infinite',
    files: {
      't.json': (T(() => undefined) as string).replace(/"max": \d+/, '"max": 1e400'),
      'r.csv': (fx) => fx.ratings,
    },
    argv: ['score', '--template', '@t.json', '--ratings', '@r.csv'],
    code: 2,
    err: /indicators\[\d\]\.max must be a number greater than 0/,
  },
  tpl('max-zero', (t) => (t.indicators[0].max = 0), /indicators\[0\]\.max must be a number greater than 0/),
  tpl(
    'max-text',
    (t) => (t.indicators[0].max = '20'),
    /indicators\[0\]\.max must be a number greater than 0/,
  ),
  tpl(
    'weight-negative',
    (t) => (t.indicators[0].weight = -1),
    /indicators\[0\]\.weight must be a number >= 0/,
  ),
  tpl(
    'weights-sum-zero',
    (t) => t.indicators.forEach((i: Record<string, unknown>) => (i.weight = 0)),
    /sources\[0\]: the weights of its indicators add up to 0/,
  ),
  tpl(
    'source-weight-zero',
    (t) => (t.sources[0].weight = 0),
    /sources\[0\]\.weight must be a number greater than 0/,
  ),
  tpl(
    'level-label-comma',
    (t) =>
      (t.indicators[0].levels = [
        { label: '好,很好', points: 10 },
        { label: '差', points: 0 },
      ]),
    /indicators\[0\]\.levels\[0\]\.label "好,很好" contains a comma/,
  ),
  tpl(
    'level-list-over-255',
    (t) =>
      (t.indicators[0].levels = Array.from({ length: 12 }, (_, k) => ({
        label: `等次${'甲'.repeat(20)}${k}`,
        points: k,
      }))),
    /indicators\[0\]\.levels: the labels joined by commas are \d+ characters; Excel's drop-down list keeps at most 255/,
  ),
  tpl(
    'sources-list-over-255',
    (t) => {
      const base = t.sources[0];
      t.sources = Array.from({ length: 12 }, (_, k) => ({
        ...base,
        id: `source_${'x'.repeat(14)}${String(k).padStart(2, '0')}`,
      }));
    },
    /sources: the ids joined by commas are \d+ characters/,
  ),
  tpl(
    'name-over-255',
    (t) => (t.name = '考'.repeat(300)),
    /^duanping: .*name has 300 characters: Excel keeps at most 255 in a page header/,
  ),
  tpl(
    'criteria-over-32767',
    (t) => (t.indicators[0].criteria = 'x'.repeat(40000)),
    /indicators\[0\]\.criteria has 40000 characters: Excel keeps at most 32767 in a cell/,
  ),
  tpl(
    'tier-name-over-32767',
    (t) => (t.tiers[0].name = 'x'.repeat(33000)),
    /tiers\[0\]\.name has 33000 characters/,
  ),
  tpl('schema-missing', (t) => delete t.schema, /schema must be "duanping.template\/1"/),
  tpl('tiers-out-of-order', (t) => (t.tiers[1].min = 999), /tiers\[1\]\.min \(999\) must not be above/),
  tpl(
    'max-share-above-1',
    (t) => (t.tiers[0].maxShare = 1.5),
    /tiers\[0\]\.maxShare must be between 0 and 1/,
  ),
  {
    id: 'template/not-json',
    files: { 't.json': '{ "schema": ', 'r.csv': (fx) => fx.ratings },
    argv: ['score', '--template', '@t.json', '--ratings', '@r.csv'],
    code: 2,
    err: /t.json: the template is not valid JSON/,
  },
  {
    id: 'template/xlsx-as-template',
    files: { 't.json': (fx) => fx.book, 'r.csv': (fx) => fx.ratings },
    argv: ['score', '--template', '@t.json', '--ratings', '@r.csv'],
    code: 2,
    err: /t.json is an Excel workbook/,
  },
  {
    id: 'template/init-refuses-bad-template',
    files: { 't.json': T(renameQ1('合计')) },
    argv: ['init', '--template', '@t.json', '--out', '@new.xlsx'],
    code: 2,
    err: /indicators\[0\]\.id "合计" is reserved/,
    absent: ['new.xlsx'],
  },
);

// ---------------------------------------------------------------- files out: never the input, never silently over a file
const BOOK = { 'book.xlsx': (fx: Fixtures) => fx.book };
const SIGNED = { 'signed.xlsx': (fx: Fixtures) => fx.signed };
const existing = {
  'old.xlsx': Buffer.from('a file the clerk keeps'),
  'old.pdf': Buffer.from('%PDF- keep me'),
};
add(
  {
    id: 'out/export-values-only-onto-input',
    files: BOOK,
    argv: ['export', '@book.xlsx', '--values-only', '--out', '@book.xlsx'],
    code: 2,
    err: /--out .*book.xlsx is the input file/,
    unchanged: ['book.xlsx'],
  },
  {
    id: 'out/export-onto-input-even-with-force',
    files: BOOK,
    argv: ['export', '@book.xlsx', '--values-only', '--out', '@book.xlsx', '--force'],
    code: 2,
    err: /is the input file/,
    unchanged: ['book.xlsx'],
  },
  {
    id: 'out/export-onto-existing',
    files: { ...BOOK, ...existing },
    argv: ['export', '@book.xlsx', '--values-only', '--out', '@old.xlsx'],
    code: 2,
    err: /--out .*old.xlsx exists: add --force to replace it/,
    unchanged: ['book.xlsx', 'old.xlsx'],
  },
  {
    id: 'out/export-onto-existing-with-force',
    files: { ...BOOK, ...existing },
    argv: ['export', '@book.xlsx', '--values-only', '--out', '@old.xlsx', '--force'],
    code: 0,
    out: /→ .*old.xlsx/,
    unchanged: ['book.xlsx'],
  },
  {
    id: 'out/export-pdf-onto-input',
    files: BOOK,
    argv: ['export', '@book.xlsx', '--print', '--pdf', '@book.xlsx', '--out', '@copy.xlsx'],
    code: 2,
    err: /--pdf .*book.xlsx is the input file/,
    unchanged: ['book.xlsx'],
    absent: ['copy.xlsx'],
  },
  {
    id: 'out/export-pdf-same-as-out',
    files: BOOK,
    argv: ['export', '@book.xlsx', '--print', '--pdf', '@copy.xlsx', '--out', '@copy.xlsx'],
    code: 2,
    err: /--out and --pdf name the same file/,
    absent: ['copy.xlsx'],
  },
  {
    id: 'out/export-pdf-onto-existing',
    files: { ...BOOK, ...existing },
    argv: ['export', '@book.xlsx', '--print', '--pdf', '@old.pdf', '--out', '@copy.xlsx'],
    code: 2,
    err: /--pdf .*old.pdf exists: add --force/,
    unchanged: ['old.pdf'],
    absent: ['copy.xlsx'],
  },
  {
    id: 'out/export-into-missing-folder',
    files: BOOK,
    argv: ['export', '@book.xlsx', '--values-only', '--out', '@nofolder/copy.xlsx'],
    code: 2,
    err: /the folder .*nofolder does not exist/,
  },
  {
    id: 'out/export-onto-a-folder',
    files: { ...BOOK, 'adir/.keep': '' },
    argv: ['export', '@book.xlsx', '--values-only', '--out', '@adir', '--force'],
    code: 2,
    err: /adir: it is a folder/,
  },
  {
    id: 'out/export-signed-over-signed',
    files: { ...SIGNED, 'other.xlsx': (fx) => fx.signed },
    argv: ['export', '@signed.xlsx', '--values-only', '--out', '@other.xlsx'],
    code: 2,
    err: /other.xlsx exists/,
    unchanged: ['other.xlsx', 'signed.xlsx'],
  },
  {
    id: 'out/export-missing-input',
    files: {},
    argv: ['export', '@nope.xlsx', '--values-only', '--out', '@copy.xlsx'],
    code: 2,
    err: /cannot read .*nope.xlsx: no such file/,
    absent: ['copy.xlsx'],
  },
  {
    id: 'out/signoff-onto-input',
    files: BOOK,
    argv: ['signoff', '@book.xlsx', '--reviewer', '张科长', '--out', '@book.xlsx'],
    code: 2,
    err: /--out .*book.xlsx is the input file/,
    unchanged: ['book.xlsx'],
  },
  {
    id: 'out/signoff-onto-input-with-force',
    files: BOOK,
    argv: ['signoff', '@book.xlsx', '--reviewer', '张科长', '--out', '@book.xlsx', '--force'],
    code: 2,
    err: /is the input file/,
    unchanged: ['book.xlsx'],
  },
  {
    id: 'out/signoff-onto-signed-book',
    files: { ...BOOK, ...SIGNED },
    argv: ['signoff', '@book.xlsx', '--reviewer', '张科长', '--out', '@signed.xlsx'],
    code: 2,
    err: /signed.xlsx exists: add --force/,
    unchanged: ['book.xlsx', 'signed.xlsx'],
  },
  {
    id: 'out/signoff-onto-existing-with-force',
    files: { ...BOOK, ...existing },
    argv: ['signoff', '@book.xlsx', '--reviewer', '张科长', '--out', '@old.xlsx', '--force'],
    code: 0,
    out: /已签核：第1级 张科长[\s\S]*防篡改证据[\s\S]*不是电子签名/,
    unchanged: ['book.xlsx'],
  },
  {
    id: 'out/signoff-new-file',
    files: BOOK,
    argv: ['signoff', '@book.xlsx', '--reviewer', 'Zhang', '--out', '@s.xlsx', '--lang', 'en'],
    code: 0,
    out: /Signed: level 1 Zhang .*[+-]\d\d:\d\d, checksum [\s\S]*What a checksum proves: [\s\S]*does not prove who signed — anyone holding the file can recompute it/,
    unchanged: ['book.xlsx'],
  },
  {
    id: 'out/signoff-missing-folder',
    files: BOOK,
    argv: ['signoff', '@book.xlsx', '--reviewer', 'Z', '--out', '@missing/s.xlsx'],
    code: 2,
    err: /does not exist/,
  },
  {
    id: 'out/withdraw-onto-input',
    files: SIGNED,
    argv: [
      'withdraw',
      '@signed.xlsx',
      '--level',
      '1',
      '--by',
      '张',
      '--reason',
      '更正',
      '--out',
      '@signed.xlsx',
    ],
    code: 2,
    err: /is the input file/,
    unchanged: ['signed.xlsx'],
  },
  {
    id: 'out/withdraw-onto-existing',
    files: { ...SIGNED, ...existing },
    argv: [
      'withdraw',
      '@signed.xlsx',
      '--level',
      '1',
      '--by',
      '张',
      '--reason',
      '更正',
      '--out',
      '@old.xlsx',
    ],
    code: 2,
    err: /old.xlsx exists: add --force/,
    unchanged: ['signed.xlsx', 'old.xlsx'],
  },
  {
    id: 'out/withdraw-new-file',
    files: SIGNED,
    argv: ['withdraw', '@signed.xlsx', '--level', '1', '--by', '张', '--reason', '更正', '--out', '@w.xlsx'],
    code: 0,
    out: /已撤回第1级签核/,
    unchanged: ['signed.xlsx'],
  },
  {
    id: 'out/init-onto-existing-file',
    files: existing,
    argv: ['init', '--template', 'duty-report', '--out', '@old.xlsx'],
    code: 2,
    err: /old.xlsx exists: add --force \(or --on-clash upgrade\|rename\) to install into it/,
    unchanged: ['old.xlsx'],
  },
  {
    id: 'out/init-onto-prepared-book',
    files: BOOK,
    argv: ['init', '--template', 'agency-annual', '--out', '@book.xlsx'],
    code: 2,
    err: /book.xlsx exists: add --force/,
    unchanged: ['book.xlsx'],
  },
  {
    id: 'out/init-with-force-still-refuses-a-clash',
    files: BOOK,
    argv: ['init', '--template', 'agency-annual', '--out', '@book.xlsx', '--force'],
    code: 2,
    err: /already holds a Duanping installation/,
    unchanged: ['book.xlsx'],
  },
  {
    id: 'out/init-out-is-the-ratee-list',
    files: { 'ratees.csv': (fx) => fx.ratees },
    argv: ['init', '--template', 'duty-report', '--ratees', '@ratees.csv', '--out', '@ratees.csv', '--force'],
    code: 2,
    err: /ratees.csv is the input file/,
    unchanged: ['ratees.csv'],
  },
  {
    id: 'out/init-new-file',
    files: { 'ratees.csv': (fx) => fx.ratees },
    argv: ['init', '--template', 'duty-report', '--ratees', '@ratees.csv', '--out', '@new.xlsx'],
    code: 0,
    out: /已写入 .*new.xlsx/,
  },
  {
    id: 'out/init-missing-folder',
    files: {},
    argv: ['init', '--template', 'duty-report', '--out', '@nofolder/new.xlsx'],
    code: 2,
    err: /the folder .*nofolder does not exist/,
  },
  {
    id: 'out/build-out-is-the-ratings',
    files: { 'r.csv': (fx) => fx.ratings },
    argv: ['build', '--template', 'duty-report', '--ratings', '@r.csv', '--out', '@r.csv', '--force'],
    code: 2,
    err: /r.csv is the input file/,
    unchanged: ['r.csv'],
  },
  {
    id: 'out/build-onto-existing',
    files: { 'r.csv': (fx) => fx.ratings, ...existing },
    argv: ['build', '--template', 'duty-report', '--ratings', '@r.csv', '--out', '@old.xlsx'],
    code: 2,
    err: /old.xlsx exists: add --force/,
    unchanged: ['old.xlsx'],
  },
  {
    id: 'out/build-onto-a-non-workbook-with-force',
    files: { 'r.csv': (fx) => fx.ratings, ...existing },
    argv: ['build', '--template', 'duty-report', '--ratings', '@r.csv', '--out', '@old.xlsx', '--force'],
    code: 2,
    err: /old.xlsx: not an .xlsx workbook|cannot read .*old.xlsx/,
    unchanged: ['old.xlsx'],
  },
);

// ---------------------------------------------------------------- parts exceljs would drop
const CHARTED = { 'charted.xlsx': (fx: Fixtures) => fx.charted };
add(
  {
    id: 'parts/signoff-refuses-a-book-with-a-chart',
    files: CHARTED,
    argv: ['signoff', '@charted.xlsx', '--reviewer', '张', '--out', '@s.xlsx'],
    code: 2,
    err: /charted.xlsx holds (?=.*charts)(?=.*shapes or text boxes).*would be lost if duanping were to sign it/,
    unchanged: ['charted.xlsx'],
    absent: ['s.xlsx'],
  },
  {
    id: 'parts/withdraw-refuses-a-book-with-a-chart',
    files: CHARTED,
    argv: ['withdraw', '@charted.xlsx', '--level', '1', '--by', '张', '--reason', 'x', '--out', '@w.xlsx'],
    code: 2,
    err: /threaded comments.*would be lost if duanping were to withdraw a sign-off in it/,
    absent: ['w.xlsx'],
  },
  {
    id: 'parts/init-into-a-book-with-a-chart',
    files: CHARTED,
    argv: ['init', '--template', 'agency-annual', '--out', '@charted.xlsx', '--on-clash', 'upgrade'],
    code: 2,
    err: /charts in drawings.*would be lost if duanping were to install into it/,
    unchanged: ['charted.xlsx'],
  },
  {
    id: 'parts/build-into-a-book-with-a-chart',
    files: { ...CHARTED, 'r.csv': (fx) => fx.ratings },
    argv: ['build', '--template', 'duty-report', '--ratings', '@r.csv', '--out', '@charted.xlsx', '--force'],
    code: 2,
    err: /would be lost if duanping were to install into it/,
    unchanged: ['charted.xlsx'],
  },
  {
    id: 'parts/export-notes-what-the-copy-leaves-out',
    files: CHARTED,
    argv: ['export', '@charted.xlsx', '--values-only', '--out', '@copy.xlsx', '--lang', 'en'],
    code: 0,
    err: /the copy leaves out .*charts.*the original is unchanged/,
    unchanged: ['charted.xlsx'],
  },
  {
    id: 'parts/pictures-and-notes-are-kept-so-signing-goes-on',
    files: BOOK,
    argv: ['signoff', '@book.xlsx', '--reviewer', '张', '--out', '@s.xlsx'],
    code: 0,
    out: /已签核/,
  },
);

// ---------------------------------------------------------------- what a sign-off covers
add(
  {
    id: 'summary/deleted-signoff-refused',
    files: { 'b.xlsx': (fx) => fx.noSummary },
    argv: ['signoff', '@b.xlsx', '--reviewer', '张', '--out', '@s.xlsx'],
    code: 2,
    err: /the workbook has no sheet "汇总": the results to sign are on it/,
    absent: ['s.xlsx'],
  },
  {
    id: 'names/swapped-after-signing-breaks-verify',
    files: { 'b.xlsx': (fx) => fx.signedNamesSwapped },
    argv: ['verify', '@b.xlsx', '--lang', 'en'],
    code: 1,
    out: /U01[\s\S]*U02|U02[\s\S]*U01/,
  },
  {
    id: 'names/unchanged-names-verify',
    files: { 'b.xlsx': (fx) => fx.signed },
    argv: ['verify', '@b.xlsx', '--lang', 'en'],
    code: 0,
  },
  {
    id: 'template/unknown-field-added-after-signing-breaks-verify',
    files: { 'b.xlsx': (fx) => fx.signedTemplateField },
    argv: ['verify', '@b.xlsx'],
    code: 1,
    out: /第1级签核失效：签核后内容被改动[\s\S]*模板：已修改/,
  },
  {
    id: 'template/unknown-field-added-after-signing-breaks-verify-en',
    files: { 'b.xlsx': (fx) => fx.signedTemplateField },
    argv: ['verify', '@b.xlsx', '--lang', 'en'],
    code: 1,
    out: /Sign-off level 1 is broken: the content changed after signing[\s\S]*template: changed/,
  },
  {
    id: 'summary/deleted-verify-refused',
    files: { 'b.xlsx': (fx) => fx.noSummary },
    argv: ['verify', '@b.xlsx'],
    code: 2,
    err: /no sheet "汇总"/,
  },
  {
    id: 'summary/header-retyped-refused',
    files: { 'b.xlsx': (fx) => fx.summaryFinalRenamed },
    argv: ['signoff', '@b.xlsx', '--reviewer', '张', '--out', '@s.xlsx'],
    code: 2,
    err: /汇总!2:2 has no column "最终得分" or "final" \(found: .*得分/,
    absent: ['s.xlsx'],
  },
  {
    id: 'summary/column-inserted-still-signs-the-finals',
    files: { 'b.xlsx': (fx) => fx.summaryColumnInserted },
    argv: ['signoff', '@b.xlsx', '--reviewer', '张', '--out', '@s.xlsx'],
    code: 0,
    out: /已签核/,
  },
);

// ---------------------------------------------------------------- read as the formulas read
const MERGED =
  /评分录入!D3:D5 是合并单元格：只有 D3 的值参与计算，D4、D5 为空（工作簿的公式也这样读）；请取消合并/;
add(
  {
    id: 'book/merged-score-cells',
    files: { 'b.xlsx': (fx) => fx.mergedScores },
    argv: ['score', '@b.xlsx'],
    code: 1,
    out: MERGED,
  },
  {
    id: 'book/merged-score-cells-en',
    files: { 'b.xlsx': (fx) => fx.mergedScores },
    argv: ['score', '@b.xlsx', '--lang', 'en'],
    code: 1,
    out: /评分录入!D3:D5 is a merged range: only D3's value counts, D4, D5 are blank/,
  },
  {
    id: 'book/merged-score-cells-json',
    files: { 'b.xlsx': (fx) => fx.mergedScores },
    argv: ['score', '@b.xlsx', '--json'],
    code: 1,
    out: /"code": "merged-cell",\s+"where": "评分录入!D3:D5",\s+"found": "D3"/,
  },
  {
    id: 'signoff/merged-cells-refused-by-the-gate',
    files: { 'b.xlsx': (fx) => fx.mergedScores },
    argv: ['signoff', '@b.xlsx', '--reviewer', '张', '--out', '@s.xlsx'],
    code: 1,
    err: /不能签核：录入还有 \d+ 个问题.*第一个：评分录入!D3:D5 是合并单元格/,
    absent: ['s.xlsx'],
  },
  {
    id: 'book/date-in-a-score-cell',
    files: { 'b.xlsx': (fx) => fx.dateScore },
    argv: ['score', '@b.xlsx'],
    code: 1,
    out: /评分录入!D3：评委 \S+ 对 U01 的“[^”]+”是日期“3月4日”（输入的数字被 Excel 当成了日期），不是分数；应为 0 到 \d+ 之间的数字/,
  },
  {
    id: 'book/date-in-a-score-cell-en',
    files: { 'b.xlsx': (fx) => fx.dateScore },
    argv: ['score', '@b.xlsx', '--lang', 'en'],
    code: 1,
    out: /评分录入!D3: rater \S+ for U01 has the date "3月4日" for "[^"]+" \(Excel took the number typed for a date\), not a score; allowed: a number from 0 to \d+/,
  },
  {
    id: 'book/indicator-weight-changed-on-the-sheet',
    files: { 'b.xlsx': (fx) => fx.indicatorWeight },
    argv: ['score', '@b.xlsx'],
    code: 1,
    out: /指标!E2：指标表上指标 \S+ 的权重是“(\d+)”，安装时保存的模板是“(\d+)”；公式和计算都按保存的模板（\2）算，指标表上的改动不起作用/,
  },
  {
    id: 'book/indicator-weight-changed-on-the-sheet-en',
    files: { 'b.xlsx': (fx) => fx.indicatorWeight },
    argv: ['score', '@b.xlsx', '--lang', 'en'],
    code: 1,
    out: /指标!E2: the indicator sheet shows the weight of indicator \S+ as "\d+" but the stored template has "\d+"; the formulas and the computation use the stored template/,
  },
  {
    id: 'book/tier-minimum-changed-on-the-sheet',
    files: { 'b.xlsx': (fx) => fx.tierMin },
    argv: ['score', '@b.xlsx'],
    code: 1,
    out: /指标!B\d+：指标表上等次“[^”]+”的最低分是“\d+”，安装时保存的模板是“\d+”/,
  },
  {
    id: 'signoff/indicator-weight-changed-refused-by-the-gate',
    files: { 'b.xlsx': (fx) => fx.indicatorWeight },
    argv: ['signoff', '@b.xlsx', '--reviewer', '张', '--out', '@s.xlsx'],
    code: 1,
    err: /不能签核：录入还有 1 个问题.*指标!E2：指标表上指标 \S+ 的权重/,
    absent: ['s.xlsx'],
  },
  {
    id: 'signoff/indicator-weight-changed-after-signing-verify-names-it',
    files: { 'b.xlsx': (fx) => fx.signedIndicatorWeight },
    argv: ['verify', '@b.xlsx'],
    code: 1,
    out: /全部 1 级签核有效[\s\S]*指标表有 1 处与签核所依据的模板不一致[\s\S]*指标!E2：指标表上指标 \S+ 的权重/,
  },
  {
    id: 'signoff/indicator-weight-changed-after-signing-verify-json',
    files: { 'b.xlsx': (fx) => fx.signedIndicatorWeight },
    argv: ['verify', '@b.xlsx', '--json', '--lang', 'en'],
    code: 1,
    out: /"indicatorSheet": \[\s+"指标!E2: the indicator sheet shows the weight/,
  },
  {
    id: 'signoff/verify-says-what-a-digest-proves-zh',
    files: SIGNED,
    argv: ['verify', '@signed.xlsx'],
    code: 0,
    out: /校验码证明：签核后评分、加减分、名单、结果和模板没有被改动；它不能证明签核人是谁/,
  },
);

// ---------------------------------------------------------------- score BOOK.xlsx, sign-off options
add(
  ...['--ratees', '--raters', '--template', '--ratings', '--adjustments'].map((opt): Case => ({
    id: `book/score-refuses-${opt.slice(2)}`,
    files: { ...BOOK, 'x.csv': (fx) => fx.ratees },
    argv: ['score', '@book.xlsx', opt, '@x.csv'],
    code: 2,
    err: new RegExp(`score BOOK.xlsx reads .* from the workbook: leave out ${opt} \\(it would be ignored\\)`),
  })),
  {
    id: 'book/score-refuses-two-ignored-options',
    files: { ...BOOK, 'x.csv': (fx) => fx.ratees },
    argv: ['score', '@book.xlsx', '--ratees', '@x.csv', '--raters', '@x.csv'],
    code: 2,
    err: /leave out --ratees, --raters/,
  },
  { id: 'book/score-a-book', files: BOOK, argv: ['score', '@book.xlsx', '--json'], code: 0, out: /"ratees"/ },
  {
    id: 'book/score-a-csv-as-book',
    files: { 'r.xlsx': (fx) => fx.ratings },
    argv: ['score', '@r.xlsx'],
    code: 2,
    err: /r.xlsx/,
  },
  {
    id: 'signoff/time-refused-without-allow-backdate',
    files: BOOK,
    argv: [
      'signoff',
      '@book.xlsx',
      '--reviewer',
      '张',
      '--time',
      '2020-01-01T09:00:00+08:00',
      '--out',
      '@s.xlsx',
    ],
    code: 2,
    err: /--time .* allowed only with --allow-backdate/,
    absent: ['s.xlsx'],
  },
  {
    id: 'signoff/time-with-allow-backdate',
    files: BOOK,
    argv: [
      'signoff',
      '@book.xlsx',
      '--reviewer',
      '张',
      '--allow-backdate',
      '--time',
      '2020-01-01T09:00:00+08:00',
      '--out',
      '@s.xlsx',
    ],
    code: 0,
    out: /2020-01-01T09:00:00\+08:00/,
  },
  {
    id: 'signoff/time-without-offset',
    files: BOOK,
    argv: [
      'signoff',
      '@book.xlsx',
      '--reviewer',
      '张',
      '--allow-backdate',
      '--time',
      '2020-01-01 09:00',
      '--out',
      '@s.xlsx',
    ],
    code: 2,
    err: /--time must be ISO 8601 with offset/,
    absent: ['s.xlsx'],
  },
  {
    id: 'signoff/withdraw-time-refused',
    files: SIGNED,
    argv: [
      'withdraw',
      '@signed.xlsx',
      '--level',
      '1',
      '--by',
      '张',
      '--reason',
      'x',
      '--time',
      '2020-01-01T09:00:00+08:00',
      '--out',
      '@w.xlsx',
    ],
    code: 2,
    err: /--allow-backdate/,
  },
  {
    id: 'signoff/verify-says-what-a-digest-proves',
    files: SIGNED,
    argv: ['verify', '@signed.xlsx', '--lang', 'en'],
    code: 0,
    out: /What a checksum proves: the scores, adjustments, names, results and template have not changed since sign-off; it does not prove who signed/,
  },
  {
    id: 'signoff/verify-json-says-it-too',
    files: SIGNED,
    argv: ['verify', '@signed.xlsx', '--json'],
    code: 0,
    out: /"proves": "What a checksum proves: .*it does not prove who signed/,
  },
  {
    id: 'signoff/verify-a-csv',
    files: { 'r.xlsx': (fx) => fx.ratings },
    argv: ['verify', '@r.xlsx'],
    code: 2,
    err: /not an .xlsx workbook/,
  },
  {
    id: 'signoff/level-not-a-number',
    files: SIGNED,
    argv: ['withdraw', '@signed.xlsx', '--level', 'x', '--by', '张', '--reason', 'x', '--out', '@w.xlsx'],
    code: 2,
    err: /--level must be a whole number/,
    absent: ['w.xlsx'],
  },
);

export { cases };
