/** The readable lines of the review (issue 13): each flagged rater's consequence, unstable tiers. */
import { unstableSentences } from '../core/review/stability';
import { needsReview } from '../core/review/impact';
import type { Lang, Results } from '../core/types';

const DECISION = {
  zh: { keep: '保留', setAside: '不计入', verified: '已核实', mixed: '部分标记' },
  en: { keep: 'keep', setAside: 'set aside', verified: 'verified', mixed: 'partly marked' },
};

export function reviewReport(results: Results, lang: Lang): string {
  const flagged = results.raters.filter(needsReview);
  const lines: string[] = [];
  if (flagged.length > 0) {
    lines.push(
      lang === 'zh'
        ? `需复核 ${flagged.length} 位（不计入的后果，仅供参考，不会自动执行）：`
        : `${flagged.length} rater${flagged.length === 1 ? '' : 's'} to review (what setting each aside would change; never applied by itself):`,
    );
    for (const r of flagged) {
      const d = r.decision
        ? lang === 'zh'
          ? `（已记录：${DECISION.zh[r.decision.decision]}${r.decision.reason ? `，${r.decision.reason}` : ''}）`
          : ` (recorded: ${DECISION.en[r.decision.decision]}${r.decision.reason ? `, ${r.decision.reason}` : ''})`
        : '';
      const what = r.impact
        ? r.impact.message[lang]
        : lang === 'zh'
          ? `${r.rater} 已不计入，结果中已不含其评分表。`
          : `${r.rater} is set aside; the results already leave its sheets out.`;
      lines.push(`  - ${what}${d}`);
    }
  }
  const unstable = unstableSentences(
    Object.fromEntries(results.ratees.filter((r) => r.tierStability).map((r) => [r.ratee, r.tierStability!])),
  );
  const draws = results.ratees.find((r) => r.tierStability)?.tierStability?.draws;
  if (draws !== undefined) {
    if (unstable.length === 0)
      lines.push(
        lang === 'zh'
          ? `等次稳定性：重抽评委 ${draws} 次，每个单位的等次都在 80 % 以上的抽样中保持不变。`
          : `Tier stability: over ${draws} resamplings of the raters every unit keeps its tier in at least 80 % of draws.`,
      );
    else {
      lines.push(
        lang === 'zh'
          ? `等次稳定性（重抽评委 ${draws} 次，保持原等次的比例低于 80 % 的单位）：`
          : `Tier stability (${draws} resamplings of the raters; units keeping their tier in fewer than 80 % of draws):`,
      );
      for (const u of unstable) lines.push(`  - ${u[lang]}`);
    }
  }
  return lines.join('\n');
}
