/**
 * An in-memory workbook host: a small stand-in for Excel with a simplified layout (entry table,
 * lists, adjustments, summary, rater analysis) so the task pane can be tried and tested without
 * Office or the fake Excel API. Summary cells are "formula" cells whose values the preview fills
 * from the engine after every change — labelled as such in the grid.
 */
import { computeScores } from '../core/scoring';
import type { Template } from '../core/template';
import type { AdjustmentRow, EntryRow, RateeInfo, RaterInfo, RawCell, Results } from '../core/types';
import type {
  InstallOptions,
  InstallReport,
  Installation,
  Progress,
  WorkbookContent,
  WorkbookHost,
} from '../hosts/types';
import { columnLetter } from '../core/address';
import { parseAddress } from '../taskpane/model/address';
import { typedValue, type GridCell, type PreviewBook, type Selection } from './book';

const SHEETS = {
  entry: '评分录入',
  lists: '名单',
  adjustments: '加减分',
  summary: '汇总',
  analysis: '评委分析',
};
const HEADER_ROW = 2;

interface Sheet {
  cells: GridCell[][];
}

/** Pauses so progress can paint, as a real host's round trips would. */
const tick = () => new Promise((r) => setTimeout(r, 30));

export class MemoryHost implements WorkbookHost, PreviewBook {
  readonly kind = 'preview' as const;
  private book = new Map<string, Sheet>();
  private installed: { template: Template; names: typeof SHEETS } | null = null;
  private current: Selection | null = null;
  private listeners = new Set<() => void>();

  // ---- WorkbookHost ----

  async findInstallation(): Promise<Installation | null> {
    if (!this.installed) return null;
    return { templateId: this.installed.template.id, sheets: Object.values(this.installed.names) };
  }

  async sheetNames(): Promise<string[]> {
    return [...this.book.keys()];
  }

  async install(options: InstallOptions, progress?: Progress): Promise<InstallReport> {
    const { template } = options;
    const clash = Object.values(SHEETS).filter((n) => this.book.has(n));
    if (clash.length > 0 && !options.onClash)
      throw new Error(`工作簿中已有工作表 ${clash.join('、')}；请选择“升级”或“另建一套”后再安装。`);
    const renamed: Record<string, string> = {};
    const names = { ...SHEETS };
    if (options.onClash === 'rename') {
      for (const [k, n] of Object.entries(SHEETS)) {
        let i = 2;
        while (this.book.has(`${n} (${i})`)) i++;
        if (this.book.has(n)) {
          names[k as keyof typeof SHEETS] = `${n} (${i})`;
          renamed[n] = `${n} (${i})`;
        }
      }
    }
    const kept =
      options.onClash === 'upgrade' && this.installed ? this.entryRows(this.installed.names.entry) : [];
    const steps = 4;
    progress?.('建立评分录入表', 0, steps);
    await tick();
    const ids = template.indicators.map((x) => x.id);
    const entryHeader = ['source', 'rater', 'ratee', ...ids].map(head);
    this.book.set(names.entry, {
      cells: [[{ value: `${template.name} — 评分录入`, bold: true }], entryHeader, ...kept],
    });
    progress?.('写入名单', 1, steps);
    await tick();
    this.book.set(names.lists, { cells: listCells(options.ratees ?? [], options.raters ?? []) });
    progress?.('建立加减分表', 2, steps);
    await tick();
    this.book.set(names.adjustments, {
      cells: [[{ value: '加减分事项', bold: true }], ['ratee', 'kind', 'points', 'reason'].map(head)],
    });
    progress?.('建立汇总表', 3, steps);
    await tick();
    this.book.set(names.summary, { cells: [] });
    this.installed = { template, names };
    this.recalculate();
    progress?.('完成', steps, steps);
    this.emit();
    return { sheets: Object.values(names), renamed, keptEntries: kept.length };
  }

  async readContent(): Promise<WorkbookContent> {
    return this.content();
  }

  async writeAnalysis(results: Results): Promise<void> {
    const names = this.requireInstalled().names;
    const rows: GridCell[][] = [
      [{ value: '评委分析', bold: true }],
      ['评委', '评价主体', '标记', '说明'].map(head),
    ];
    for (const r of results.raters)
      for (const f of r.flags) rows.push([r.rater, r.source, f.code, f.message].map((v) => ({ value: v })));
    this.book.set(names.analysis, { cells: rows });
    this.emit();
  }

  async selectCell(where: string): Promise<void> {
    const a = parseAddress(where);
    if (!a || !this.book.has(a.sheet)) throw new Error(`找不到单元格 ${where}：工作表可能已改名或删除。`);
    this.select({ sheet: a.sheet, row: a.row - 1, col: a.col ?? 0 });
  }

  async highlightRows(sheet: string, rows: number[], color: string | null): Promise<void> {
    const s = this.book.get(sheet);
    if (!s) throw new Error(`找不到工作表“${sheet}”，无法标出行。`);
    const width = Math.max(...s.cells.map((r) => r.length));
    for (const r of rows) {
      const row = (s.cells[r - 1] ??= []);
      for (let c = 0; c < width; c++) row[c] = { ...(row[c] ?? { value: null }), fill: color ?? undefined };
    }
    this.emit();
  }

  // ---- PreviewBook ----

  sheets(): string[] {
    return [...this.book.keys()];
  }

  grid(sheet: string): GridCell[][] {
    return this.book.get(sheet)?.cells ?? [];
  }

  type(sheet: string, row: number, col: number, texts: string[][]): void {
    const s = this.book.get(sheet);
    if (!s) return;
    texts.forEach((line, i) =>
      line.forEach((text, j) => {
        const r = (s.cells[row + i] ??= []);
        for (let k = r.length; k < col + j; k++) r[k] = { value: null };
        r[col + j] = { ...(r[col + j] ?? {}), value: typedValue(text), formula: undefined };
      }),
    );
    this.recalculate();
    this.emit();
  }

  selection(): Selection | null {
    return this.current;
  }

  select(selection: Selection): void {
    this.current = selection;
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- internals ----

  private emit() {
    for (const l of this.listeners) l();
  }

  private requireInstalled() {
    if (!this.installed) throw new Error('工作簿中还没有端平工作表：请先在“模板”页选择模板并安装。');
    return this.installed;
  }

  /** Data rows of the entry sheet (below the header), trailing empty rows dropped. */
  private entryRows(sheet: string): GridCell[][] {
    const cells = this.book.get(sheet)?.cells.slice(HEADER_ROW) ?? [];
    let end = cells.length;
    while (end > 0 && cells[end - 1].every((c) => c?.value === null || c?.value === undefined)) end--;
    return cells.slice(0, end);
  }

  private content(): WorkbookContent {
    const { template, names } = this.requireInstalled();
    const header = (this.book.get(names.entry)?.cells[HEADER_ROW - 1] ?? []).map((c) =>
      String(c?.value ?? ''),
    );
    const columns = Object.fromEntries(header.map((h, i) => [h, columnLetter(i)]));
    const entries: EntryRow[] = [];
    this.entryRows(names.entry).forEach((row, i) => {
      const raw = (key: string): RawCell => row[header.indexOf(key)]?.value ?? null;
      if (row.every((c) => c?.value === null || c?.value === undefined)) return;
      entries.push({
        source: String(raw('source') ?? ''),
        rater: String(raw('rater') ?? ''),
        ratee: String(raw('ratee') ?? ''),
        cells: Object.fromEntries(template.indicators.map((x) => [x.id, raw(x.id)])),
        loc: { sheet: names.entry, row: HEADER_ROW + i + 1, columns },
      });
    });
    const lists = this.book.get(names.lists)?.cells.slice(1) ?? [];
    const text = (c: GridCell | undefined) =>
      c?.value === null || c?.value === undefined ? '' : String(c.value);
    const ratees: RateeInfo[] = lists
      .filter((r) => text(r[0]) !== '')
      .map((r) => ({ id: text(r[0]), ...(text(r[1]) ? { name: text(r[1]) } : {}) }));
    const raters: RaterInfo[] = lists
      .filter((r) => text(r[4]) !== '')
      .map((r) => ({ id: text(r[4]), source: text(r[5]) }));
    const adjustments: AdjustmentRow[] = (this.book.get(names.adjustments)?.cells.slice(HEADER_ROW) ?? [])
      .filter((r) => text(r[0]) !== '')
      .map((r) => ({
        ratee: text(r[0]),
        kind: r[1]?.value ?? null,
        points: r[2]?.value ?? null,
        reason: text(r[3]),
      }));
    return { template, entries, adjustments, ratees, raters };
  }

  /** The preview's calculation: summary "formula" cells filled from the engine. */
  private recalculate() {
    if (!this.installed) return;
    const { names, template } = this.installed;
    const { results } = computeScores(this.content(), { textNumbers: false });
    const rows: GridCell[][] = [
      [{ value: '汇总（预览：公式单元格的值由端平引擎计算）', bold: true }],
      ['ratee', 'name', ...template.sources.map((s) => s.id), 'final', 'rank', 'tier'].map(head),
    ];
    results.ratees.forEach((r, i) => {
      const n = i + HEADER_ROW + 1;
      const f = (formula: string, value: string | number | null): GridCell => ({ value, formula });
      rows.push([
        { value: r.ratee },
        { value: r.name ?? null },
        ...template.sources.map((s) => f(`=SOURCE_SCORE("${s.id}",A${n})`, r.sources[s.id] ?? null)),
        f(`=ROUND(composite+bonus-deduction,${template.decimals})`, r.final),
        f(`=RANK.EQ(F${n},DP_Final)`, r.rank),
        f(`=TIER(F${n})`, r.tier),
      ]);
    });
    this.book.set(names.summary, { cells: rows });
  }
}

function head(v: string): GridCell {
  return { value: v, bold: true, fill: '#E7EEF7' };
}

function listCells(ratees: RateeInfo[], raters: RaterInfo[]): GridCell[][] {
  const rows: GridCell[][] = [['id', 'name', 'group', '', 'id', 'source', 'name'].map(head)];
  const n = Math.max(ratees.length, raters.length);
  for (let i = 0; i < n; i++) {
    const a = ratees[i];
    const b = raters[i];
    rows.push(
      [a?.id, a?.name, a?.group, undefined, b?.id, b?.source, b?.name].map((v) => ({ value: v ?? null })),
    );
  }
  return rows;
}
