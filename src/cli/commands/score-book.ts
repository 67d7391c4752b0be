/**
 * `duanping score BOOK.xlsx [--json] [--lang zh|en]`: reads whatever the clerk typed into a
 * prepared workbook and computes as `score` does from CSV files. Cells are taken as typed
 * (strict workbook mode: a number stored as text is a problem, as the formulas would not count
 * it), and problems carry cell addresses such as `评分录入!F12`.
 */
import { basename } from 'node:path';
import { scoreAndAnalyze } from '../../core/pipeline';
import { openXlsx, readWorkbookContent } from '../../hosts/xlsx/read';
import { parseLang, type CliContext } from '../context';
import { printResults } from '../report';

export interface ScoreBookOptions {
  json?: boolean;
  lang?: string;
}

export async function scoreBook(path: string, opts: ScoreBookOptions, ctx: CliContext): Promise<void> {
  const lang = parseLang(opts.lang);
  const wb = await openXlsx(path);
  const { content, outsideFormulas, stored } = readWorkbookContent(wb, basename(path));
  if (outsideFormulas.length > 0)
    ctx.io.err(
      lang === 'zh'
        ? `注意：${outsideFormulas.slice(0, 5).join('、')}${outsideFormulas.length > 5 ? ' 等' : ''} 在公式区域之外，工作簿中的公式不计入这些行（用 duanping init --out ${basename(path)} --on-clash upgrade 扩展）。`
        : `note: ${outsideFormulas.slice(0, 5).join(', ')}${outsideFormulas.length > 5 ? ' …' : ''} lie below the rows with formulas; the workbook's formulas do not count them (extend with duanping init --out ${basename(path)} --on-clash upgrade).`,
    );
  const { results } = scoreAndAnalyze(content, { lang, textNumbers: false });
  printResults(results, opts, ctx, stored.template.decimals);
}
