/**
 * The printable 评委分析 report (issue 13) as a host-neutral sheet plan: panel reliability in
 * words, the raters that need review with their evidence and the decisions recorded, what setting
 * each aside would change, tier stability, and per flagged rater its totals against the others'
 * consensus per unit as in-cell bars (text bars of █, written as values: no chart object, so every
 * host and LibreOffice's PDF show them alike). A4 portrait, fitted to the page width.
 */
import { needsReview } from '../core/review/impact';
import { unstableSentences } from '../core/review/stability';
import { groupGapPoints } from '../core/review/words';
import type { Template } from '../core/template';
import type { Lang, Results, RowResult } from '../core/types';
import type { Block, CellStyle, PlanValue, SheetPlan } from './plan';

export const REPORT_SHEET: Record<Lang, string> = { zh: '评委分析报告', en: 'Rater review' };

const W = {
  zh: {
    title: (name: string) => `评委分析报告 — ${name}`,
    note: '由端平根据评分录入表计算。标记只是复核提示，不是结论；“不计入”的后果仅供参考，只有记录在“复核”列的决定才会改变结果。',
    s1: '一、评委组一致性',
    s2: (n: number) => `二、需复核的评委（${n} 位）`,
    s3: '三、不计入的后果',
    s4: '四、等次稳定性',
    s5: '五、评委给分与其他评委共识对比',
    scale: (step: number, base: number) => `每格 █ 代表 ${step} 分，从 ${base} 分起画。`,
    none: '没有需要复核的评委。',
    figures: (icc: string, w: string, a: string) => `ICC(2,k) ${icc}，W ${w}，α ${a}。`,
    gap: (p: string) => `相邻档次之间约相差 ${p} 分。`,
    head2: ['评委', '评价主体', '级别', '所见', '决定', '理由'],
    head3: ['单位', '现得分', '不计后', '名次', '等次', ''],
    head5: ['单位', '该评委', '其他评委', '相差', '该评委', '其他评委平均'],
    level: { alert: '重点复核', warn: '建议复核', info: '参考' } as Record<string, string>,
    decision: { keep: '保留', setAside: '不计入', verified: '已核实', mixed: '部分标记' } as Record<
      string,
      string
    >,
    undecided: '未记录',
    aside: (r: string) => `${r} 已不计入：结果中已不含其评分表。`,
    stable: (d: number) => `重抽评委 ${d} 次，每个单位的等次都在 80 % 以上的抽样中保持不变。`,
    loose: (d: number) => `重抽评委 ${d} 次，以下单位保持原等次的比例低于 80 %：`,
    headStab: ['单位', '等次', '保持比例'],
    noStab: '未计算等次稳定性。',
    page: '第 &P 页，共 &N 页',
  },
  en: {
    title: (name: string) => `Rater review — ${name}`,
    note: 'Computed by Duanping from the entry sheet. A flag is a prompt to review, never a verdict; what setting a rater aside would change is for information — only a decision recorded in the review column changes the results.',
    s1: '1. Panel reliability',
    s2: (n: number) => `2. Raters to review (${n})`,
    s3: '3. What setting each aside would change',
    s4: '4. Tier stability',
    s5: "5. The rater's totals against the others' consensus",
    scale: (step: number, base: number) => `Each █ is ${step} points, drawn from ${base}.`,
    none: 'No rater needs review.',
    figures: (icc: string, w: string, a: string) => `ICC(2,k) ${icc}, W ${w}, α ${a}.`,
    gap: (p: string) => `Neighbouring groups are about ${p} points apart.`,
    head2: ['Rater', 'Source', 'Level', 'Seen', 'Decision', 'Reason'],
    head3: ['Unit', 'Final', 'Without', 'Rank', 'Tier', ''],
    head5: ['Unit', 'Rater', 'Others', 'Gap', 'Rater', "Others' mean"],
    level: { alert: 'alert', warn: 'warn', info: 'info' } as Record<string, string>,
    decision: { keep: 'keep', setAside: 'set aside', verified: 'verified', mixed: 'partly marked' } as Record<
      string,
      string
    >,
    undecided: 'not recorded',
    aside: (r: string) => `${r} is set aside: the results already leave its sheets out.`,
    stable: (d: number) =>
      `Over ${d} resamplings of the raters every unit keeps its tier in at least 80 % of draws.`,
    loose: (d: number) =>
      `Over ${d} resamplings of the raters these units keep their tier in fewer than 80 % of draws:`,
    headStab: ['Unit', 'Tier', 'Kept'],
    noStab: 'Tier stability was not computed.',
    page: 'Page &P of &N',
  },
};

const COLS = 6;
const TITLE: CellStyle = { bold: true, fontSize: 14 };
const SECTION: CellStyle = { bold: true, fontSize: 12, fill: '#DDEBF7' };
const HEAD: CellStyle = { bold: true, fill: '#F2F2F2', border: true, wrap: true, vAlign: 'middle' };
const CELL: CellStyle = { border: true, wrap: true, vAlign: 'top' };
const TEXT: CellStyle = { wrap: true, vAlign: 'top' };
const BAR: CellStyle = { border: true, fontColor: '#2F5597', vAlign: 'middle' };
const BAR_OTHERS: CellStyle = { border: true, fontColor: '#A6A6A6', vAlign: 'middle' };

export interface ReportInput {
  template: Template;
  results: Results;
  rows: RowResult[];
  lang: Lang;
}

const fix = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? '—' : x.toFixed(d));
/** An in-cell bar: one █ per `step` points above `base` (at most about 20 characters). */
export const bar = (x: number | null, base = 0, step = 5) =>
  x === null ? '' : '█'.repeat(Math.max(0, Math.round((x - base) / step)));

/** A bar scale for the values shown: from a round number below the smallest, 20 steps to the largest. */
export function barScale(values: number[]): { base: number; step: number } {
  if (values.length === 0) return { base: 0, step: 5 };
  const base = Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10);
  const step = Math.max(0.5, Math.ceil((2 * (Math.max(...values) - base)) / 20) / 2);
  return { base, step };
}

/** The report sheet. */
export function reviewReportPlan({ template, results, rows, lang }: ReportInput): SheetPlan {
  const w = W[lang];
  const blocks: Block[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  let r = 1;
  /** A line of text over the whole width. */
  const line = (text: string, style: CellStyle = TEXT, height?: number) => {
    blocks.push({ at: `A${r}`, values: [[text, null, null, null, null, null]], style });
    merges.push(`A${r}:F${r}`);
    if (height) rowHeights[r] = height;
    r++;
  };
  /** A table: header row and body rows of up to six cells (missing cells merged into the last). */
  const table = (head: string[], body: PlanValue[][], styles?: (c: number) => CellStyle | undefined) => {
    const pad = (xs: PlanValue[]) => [...xs, ...Array(COLS - xs.length).fill(null)];
    blocks.push({ at: `A${r}`, values: [pad(head)], style: HEAD });
    if (head.length < COLS) merges.push(`${String.fromCharCode(64 + head.length)}${r}:F${r}`);
    r++;
    if (body.length === 0) return;
    blocks.push({ at: `A${r}`, values: body.map(pad), style: CELL });
    if (styles)
      for (let c = 0; c < COLS; c++) {
        const st = styles(c);
        if (st)
          blocks.push({ at: `${String.fromCharCode(65 + c)}${r}`, rows: body.length, cols: 1, style: st });
      }
    if (head.length < COLS)
      for (let k = 0; k < body.length; k++)
        merges.push(`${String.fromCharCode(64 + head.length)}${r + k}:F${r + k}`);
    r += body.length;
  };

  line(w.title(template.name), TITLE, 24);
  line(w.note, { ...TEXT, italic: true, fontColor: '#595959' }, 42);
  r++;

  // 1. Reliability in words.
  line(w.s1, SECTION);
  for (const s of template.sources) {
    const rel = results.reliability[s.id];
    if (!rel) continue;
    const detail = (rel.detail ?? {}) as {
      sentence?: Record<Lang, string>;
      separation?: { G?: number | null };
    };
    const gap = groupGapPoints(rows, s.id, detail.separation?.G);
    const text = [
      `${(lang === 'en' ? s.nameEn : undefined) ?? s.name}（${rel.raters}×${rel.ratees}）：`,
      rel.reason ?? '',
      detail.sentence?.[lang] ?? '',
      gap === null ? '' : w.gap(gap.toFixed(1)),
      w.figures(fix(rel.icc2k), fix(rel.kendallW), fix(rel.alpha)),
    ].join('');
    line(text, TEXT, 32);
  }
  r++;

  // 2. Who needs review, what was seen, what was decided.
  const flagged = results.raters.filter(needsReview);
  line(w.s2(flagged.length), SECTION);
  if (flagged.length === 0) line(w.none);
  else {
    const body = flagged.map((f) => {
      const top = f.flags.some((x) => x.level === 'alert') ? 'alert' : 'warn';
      return [
        f.rater,
        f.source,
        w.level[top],
        f.flags
          .filter((x) => x.level !== 'info')
          .map((x) => x.messages?.[lang] ?? x.message)
          .join('\n'),
        f.decision ? w.decision[f.decision.decision] : w.undecided,
        f.decision?.reason ?? '',
      ];
    });
    table(w.head2, body);
    const first = r - body.length;
    body.forEach(
      (b, k) =>
        (rowHeights[first + k] = Math.max(
          30,
          15 *
            String(b[3])
              .split('\n')
              .reduce((n, l) => n + Math.ceil(l.length / 14), 0),
        )),
    );
  }
  r++;

  // 3. The consequence of setting each aside.
  line(w.s3, SECTION);
  if (flagged.length === 0) line(w.none);
  for (const f of flagged) {
    if (!f.impact) {
      line(w.aside(f.rater));
      continue;
    }
    line(
      f.impact.message[lang],
      { ...TEXT, bold: true },
      f.impact.message[lang].length > 60 ? 30 : undefined,
    );
    if (f.impact.changes.length > 0)
      table(
        w.head3.slice(0, 5),
        f.impact.changes.map((c) => [
          c.ratee,
          c.final.from,
          c.final.to,
          c.rank
            ? `${c.rank.from ?? '—'} → ${c.rank.to ?? '—'}`
            : `${results.ratees.find((x) => x.ratee === c.ratee)?.rank ?? '—'}`,
          c.tier ? `${c.tier.from ?? '—'} → ${c.tier.to ?? '—'}` : '',
        ]),
      );
  }
  r++;

  // 4. Tier stability.
  line(w.s4, SECTION);
  const st = Object.fromEntries(
    results.ratees.filter((x) => x.tierStability).map((x) => [x.ratee, x.tierStability!]),
  );
  const draws = Object.values(st)[0]?.draws;
  if (draws === undefined) line(w.noStab);
  else {
    const loose = unstableSentences(st);
    if (loose.length === 0) line(w.stable(draws));
    else {
      line(w.loose(draws));
      table(
        w.headStab,
        loose.map((u) => [u.ratee, st[u.ratee].tier, `${Math.round(100 * st[u.ratee].share)} %`]),
      );
    }
  }
  r++;

  // 5. Each flagged rater's totals against the others' consensus, per unit.
  line(w.s5, SECTION);
  if (flagged.length === 0) line(w.none);
  for (const f of flagged) {
    line(`${f.rater}（${f.source}）`, { ...TEXT, bold: true });
    const counted = rows.filter((x) => x.source === f.source && x.total !== null && !x.excluded);
    const own = new Map(counted.filter((x) => x.rater === f.rater).map((x) => [x.ratee, x.total!]));
    const pairs: { ratee: string; mine: number; mean: number | null }[] = [];
    for (const ratee of results.ratees) {
      const mine = own.get(ratee.ratee);
      if (mine === undefined) continue;
      const others = counted
        .filter((x) => x.ratee === ratee.ratee && x.rater !== f.rater)
        .map((x) => x.total!);
      pairs.push({
        ratee: ratee.ratee,
        mine,
        mean: others.length > 0 ? others.reduce((a, b) => a + b, 0) / others.length : null,
      });
    }
    const { base, step } = barScale(pairs.flatMap((p) => (p.mean === null ? [p.mine] : [p.mine, p.mean])));
    line(w.scale(step, base), { ...TEXT, italic: true, fontColor: '#595959' });
    const body: PlanValue[][] = pairs.map((p) => [
      p.ratee,
      Math.round(p.mine * 100) / 100,
      p.mean === null ? null : Math.round(p.mean * 100) / 100,
      p.mean === null ? null : Math.round((p.mine - p.mean) * 100) / 100,
      bar(p.mine, base, step),
      bar(p.mean, base, step),
    ]);
    table(w.head5, body, (c) =>
      c === 4 ? BAR : c === 5 ? BAR_OTHERS : c >= 1 && c <= 3 ? { ...CELL, numFmt: '0.00' } : undefined,
    );
    r++;
  }

  return {
    key: 'report',
    name: REPORT_SHEET[lang],
    visibility: 'visible',
    tabColor: '#2F5597',
    columns: [
      { col: 'A', width: 9 },
      { col: 'B', width: 10 },
      { col: 'C', width: 10 },
      { col: 'D', width: 30 },
      { col: 'E', width: 30 },
      { col: 'F', width: 30 },
    ],
    rowHeights,
    blocks,
    merges,
    validations: [],
    conditionalFormats: [],
    tables: [],
    print: {
      orientation: 'portrait',
      paper: 'A4',
      fitToWidth: true,
      header: template.name,
      footer: w.page,
      area: `A1:F${r}`,
    },
  };
}
