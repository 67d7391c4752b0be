/**
 * The 签核导出 tab's work (src/taskpane/signoff.ts) over the Office adapter and the strict fake:
 * the pane's own sentences for what the clerk got wrong, the refusal to sign or export on top of
 * a broken level (with the changed rows in words), and the exported file's name and type.
 */
import ExcelJS from 'exceljs';
import { createFakeExcel } from '../../src/testing/fake-excel';
import { FakeDocument } from '../../src/testing/fake-excel/document';
import { sampleWorkload, typeScores } from '../../src/testing/fake-excel/workload';
import { fakeBookToXlsx } from '../../src/testing/fake-excel/xlsx-file';
import { OfficeHost } from '../../src/hosts/office';
import type { ExportFile, SaveOutcome } from '../../src/hosts/types';
import { calculateFromEngine } from '../../src/preview/fakeWorkbook';
import { createI18n } from '../../src/taskpane/i18n';
import {
  checkSignoffs,
  exportCopy,
  safeFileName,
  signNow,
  withdrawNow,
  writePrint,
  type Say,
} from '../../src/taskpane/signoff';

const i18n = createI18n('zh');
const say: Say = (key, values) => i18n.t(key, values);
const empty = { reviewer: '', role: '', comment: '', password: '', override: '' };

async function pane(install = true, outcome: SaveOutcome = 'downloaded') {
  const excel = createFakeExcel({ calculate: (b) => calculateFromEngine(b, 'zh') });
  const saved: ExportFile[] = [];
  const document = new FakeDocument({ compressed: () => fakeBookToXlsx(excel.book, ExcelJS) });
  const host = new OfficeHost({
    run: excel.run,
    isSetSupported: excel.isSetSupported,
    kind: 'preview',
    document,
    fileTypes: { compressed: true },
    saveFile: async (f) => {
      saved.push(f);
      return outcome;
    },
  });
  if (install) {
    await host.install(sampleWorkload(8, 5));
    typeScores(excel.book);
    calculateFromEngine(excel.book, 'zh');
  }
  return { excel, host, saved, document };
}

describe('the sign-off tab’s work', () => {
  it('says what to do first in an empty workbook', async () => {
    const { host } = await pane(false);
    await expect(checkSignoffs(host, say, 'zh')).rejects.toThrow(
      '这个工作簿还没有安装端平考核模板，请先在“模板”页安装。',
    );
  });

  it('asks for the reviewer, and for who withdraws and why, before touching the workbook', async () => {
    const { host, excel } = await pane();
    excel.stats.reset();
    await expect(signNow(host, { ...empty, reviewer: '  ' }, 'zh', say)).resolves.toEqual({
      ok: false,
      message: '请填写审核人姓名。',
    });
    await expect(withdrawNow(host, 1, { by: '张', reason: '', password: '' }, say)).resolves.toEqual({
      ok: false,
      message: '请填写撤回人和撤回原因。',
    });
    expect(excel.stats.roundTrips).toBe(0);
  });

  it('signs, then refuses to sign or export on top of a changed score, naming the row in Chinese', async () => {
    const { host, excel, saved } = await pane();
    const signed = await signNow(host, { ...empty, reviewer: '张科长', role: '科长' }, 'zh', say);
    expect(signed.ok).toBe(true);
    expect(signed.message).toMatch(/^已签核：第 1 级 张科长，校验码 [0-9a-f]{8}。/);

    const entry = excel.book.sheetOrThrow('评分录入');
    entry.ensureCell(4, 3).value = 1; // D5, someone unprotected the sheet and typed
    const again = await signNow(host, { ...empty, reviewer: '李主任' }, 'zh', say);
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.message).toBe(say('signoff.sign.blocked'));
    // Installed books hold the entries in block order (ratee, then source): row 5 is U001's third.
    expect(again.details).toContain(
      '  评分录入 第5行（评价主体 leader，评委 leader-3，被考核对象 U001）：已修改',
    );

    const copy = await exportCopy(host, 'zh', say);
    expect(copy).toEqual(expect.objectContaining({ ok: false, message: '没有导出：签核检查未通过。' }));
    expect(saved).toHaveLength(0);
  });

  it('refuses to sign with an open problem, and signs with a reason the record keeps', async () => {
    const { host, excel } = await pane();
    excel.book.sheetOrThrow('评分录入').ensureCell(4, 3).value = '18分'; // D5: a problem, results not yet recalculated
    const check = await checkSignoffs(host, say, 'zh');
    expect(check.gate?.issues.map((i) => i.code)).toEqual(['input-problems', 'stale-results']);
    calculateFromEngine(excel.book, 'zh'); // as Excel recalculates
    expect((await checkSignoffs(host, say, 'zh')).gate?.issues.map((i) => i.code)).toEqual([
      'input-problems',
    ]);
    const refused = await signNow(host, { ...empty, reviewer: '张科长' }, 'zh', say);
    expect(refused).toMatchObject({ ok: false, message: say('signoff.gate.refused') });
    expect(!refused.ok && refused.details?.[0]).toMatch(/^录入还有 1 个问题.*评分录入!D5/);
    const signed = await signNow(host, { ...empty, reviewer: '张科长', override: '先报初稿' }, 'zh', say);
    expect(signed.ok).toBe(true);
    expect(signed.message).toContain('理由“先报初稿”已记入签核记录');
    const after = await checkSignoffs(host, say, 'zh');
    expect(after.verification).toMatchObject({ records: [{ override: '先报初稿' }] });
    expect(after.verification).toMatchObject({ ok: true });
  });

  it('names a weight changed on the 指标 sheet: in the content read, to the gate, and after signing', async () => {
    const { host, excel } = await pane();
    const signed = await signNow(host, { ...empty, reviewer: '张科长' }, 'zh', say);
    expect(signed.ok).toBe(true);
    const sheet = excel.book.sheetOrThrow('指标');
    const weight = sheet.ensureCell(1, 4).value as number; // E2: the first indicator's weight
    sheet.ensureCell(1, 4).value = weight + 5;
    // The pane's reading of the book (what 计算 computes from) carries it as a sheet issue …
    const content = await host.readContent();
    expect(content.sheetIssues).toEqual([
      expect.objectContaining({
        code: 'indicator-sheet-differs',
        where: '指标!E2',
        found: String(weight + 5),
      }),
    ]);
    // … the chain stays valid (it covers the stored template) but the check names the cell …
    const check = await checkSignoffs(host, say, 'zh');
    expect(check.verification).toMatchObject({ ok: true, indicatorSheet: [{ where: '指标!E2' }] });
    // … and the gate refuses the next level over it, as an input problem.
    expect(check.gate?.issues.map((i) => i.code)).toEqual(['input-problems']);
    const refused = await signNow(host, { ...empty, reviewer: '李主任' }, 'zh', say);
    expect(!refused.ok && refused.details?.[0]).toMatch(
      /^录入还有 1 个问题.*指标!E2：指标表上指标 \S+ 的权重/,
    );
  });

  it('exports the copy under the assessment name, the level and the short digest', async () => {
    const { host, saved } = await pane();
    const signed = await signNow(host, { ...empty, reviewer: '张科长' }, 'zh', say);
    if (!signed.ok) throw new Error(signed.message);
    const out = await exportCopy(host, 'zh', say);
    expect(out.ok).toBe(true);
    expect(saved).toHaveLength(1);
    expect(saved[0].type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(saved[0].name).toMatch(/^基层党组织书记抓党建述职评议-签核1-[0-9a-f]{8}\.xlsx$/);
    // A browser download cannot be confirmed: the pane says it was handed over, not that it was saved.
    expect(out.message).toBe(`已交给浏览器下载“${saved[0].name}”，请在浏览器的下载列表中确认。`);
    expect(out.message).not.toMatch(/已下载|已保存/);
  });

  it('never says a file was saved where the download was only offered (WebView2 blocks blob downloads)', async () => {
    const { host, saved } = await pane(true, 'offered');
    const signed = await signNow(host, { ...empty, reviewer: '张科长' }, 'zh', say);
    if (!signed.ok) throw new Error(signed.message);
    const out = await exportCopy(host, 'zh', say);
    expect(out.message).not.toMatch(/已下载|已导出/);
    expect(out.message).toContain(`已请求下载“${saved[0].name}”`);
    expect(out.message).toContain('可能没有保存');
    // What to do instead gives the values-only copy (File → Save As would keep the formulas).
    expect(out.message).toContain('duanping export');
    expect(out.message).not.toContain('另存为 PDF');
  });

  it('gives a PDF as the print sheet shown with Excel’s own export steps, never a file it cannot deliver', async () => {
    // Excel's PDF for add-ins would be "the entire document" (every sheet, every rater's scores)
    // and a WebView2 task pane cannot download it: the pane writes the print sheet and says how
    // to export it, reading and saving no file.
    const { excel, host, saved, document } = await pane(true, 'offered');
    const message = await writePrint(host, say);
    expect(excel.book.activeSheet).toBe('打印版');
    expect(message).toContain('已生成并打开“打印版”工作表');
    expect(message).toContain('文件 → 导出 → 创建 PDF/XPS');
    expect(message).toContain('活动工作表');
    expect(message).toContain('另存为 PDF');
    expect(document.stats.filesOpened).toBe(0);
    expect(saved).toHaveLength(0);
  });

  it('makes file names Windows accepts', () => {
    expect(safeFileName('A/B:C*D?"E"<F>|G')).toBe('A_B_C_D_E_F_G');
    expect(safeFileName('  ')).toBe('duanping');
  });
});
