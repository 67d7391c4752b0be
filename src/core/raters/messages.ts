/**
 * One sentence per flag, in Chinese and English, that a clerk understands. Every sentence ends by
 * asking for a review: a flag is a prompt, never a verdict (raters.md).
 */
import type { FlagDraft } from './context';

export interface Sentence {
  zh: string;
  en: string;
}

const n1 = (x: unknown) => (typeof x === 'number' ? Math.abs(x).toFixed(1) : '?');
const n2 = (x: unknown) => (typeof x === 'number' ? x.toFixed(2) : '?');
const pct = (x: unknown) => (typeof x === 'number' ? String(Math.round(x * 100)) : '?');

/** The sentence of a flag of rater `rater`. */
export function flagSentence(rater: string, d: FlagDraft): Sentence {
  const e = d.evidence;
  switch (d.code) {
    case 'flat':
      return {
        zh: `评委 ${rater} 给各单位的总分几乎拉不开差距（标准差 ${n1(e.sd)} 分，评委组中位数 ${n1(e.panelSd)} 分），区分度明显不足，请复核。`,
        en: `Rater ${rater} gave all units nearly the same total (SD ${n1(e.sd)} points against a panel median of ${n1(e.panelSd)}), so the sheet barely tells units apart; please review.`,
      };
    case 'lenient':
      return {
        zh: `评委 ${rater} 的总分普遍高于其他评委的共识，平均高出 ${n1(e.points)} 分，请复核是否普遍送分。`,
        en: `Rater ${rater} scored units ${n1(e.points)} points above the other raters' consensus on average; please review whether the scores are generally too generous.`,
      };
    case 'severe':
      return {
        zh: `评委 ${rater} 的总分普遍低于其他评委的共识，平均低 ${n1(e.points)} 分，请复核是否普遍压分。`,
        en: `Rater ${rater} scored units ${n1(e.points)} points below the other raters' consensus on average; please review whether the scores are generally too harsh.`,
      };
    case 'halo':
      return {
        zh: `评委 ${rater} 对 ${pct(e.share)}% 的单位各项指标打分几乎相同（评委组中位数 ${pct(e.panelMedianShare)}%），没有分项评分，请复核。`,
        en: `For ${pct(e.share)}% of the units (panel median ${pct(e.panelMedianShare)}%), rater ${rater} gave about the same level on every indicator instead of scoring each one; please review.`,
      };
    case 'favoritism':
      return e.direction === 'up'
        ? {
            zh: `评委 ${rater} 给 ${d.ratee} 的总分比其他评委的共识高 ${n1(e.points)} 分（已扣除该评委自身的打分习惯），请复核是否打感情分。`,
            en: `Rater ${rater} scored ${d.ratee} ${n1(e.points)} points above the other raters' consensus, beyond the rater's usual offset; please review for a favour.`,
          }
        : {
            zh: `评委 ${rater} 给 ${d.ratee} 的总分比其他评委的共识低 ${n1(e.points)} 分（已扣除该评委自身的打分习惯），请复核是否存在打压。`,
            en: `Rater ${rater} scored ${d.ratee} ${n1(e.points)} points below the other raters' consensus, beyond the rater's usual offset; please review whether the unit was marked down.`,
          };
    case 'erratic':
      return {
        zh: `评委 ${rater} 的打分与其他评委的共识几乎无关（相关系数 ${n2(e.correlation)}，评委组中位数 ${n2(e.panelMedianCorrelation)}），请复核是否随意打分。`,
        en: `Rater ${rater}'s scores barely follow the other raters' consensus (correlation ${n2(e.correlation)} against a panel median of ${n2(e.panelMedianCorrelation)}); please review whether the sheet was filled at random.`,
      };
    case 'copied':
      return {
        zh: `评委 ${rater} 与评委 ${e.other} 的评分表在共同的 ${e.commonCells} 项中有 ${pct(e.identicalShare)}% 完全相同，疑似雷同，请复核。`,
        en: `Rater ${rater}'s sheet matches rater ${e.other}'s in ${pct(e.identicalShare)}% of the ${e.commonCells} cells both scored; please review whether one was copied.`,
      };
  }
}

/** Why a whole source cannot be judged. */
export function sourceInsufficient(
  ratees: number,
  raters: number,
  minRatees: number,
  minRaters: number,
): Sentence {
  return {
    zh: `数据不足：本环节只有 ${ratees} 个被考核单位、${raters} 名评委，至少需要 ${minRatees} 个单位和 ${minRaters} 名评委才能判断打分模式。`,
    en: `Insufficient data: this source has ${ratees} units and ${raters} raters; at least ${minRatees} units and ${minRaters} raters are needed to judge rating patterns.`,
  };
}

/** Why one rater cannot be judged. */
export function raterInsufficient(rater: string, scored: number, minRatees: number): Sentence {
  return {
    zh: `数据不足：评委 ${rater} 只有 ${scored} 个单位的完整评分（且有其他评委可比），至少需要 ${minRatees} 个才能判断其打分模式。`,
    en: `Insufficient data: rater ${rater} has complete scores for ${scored} units that others also scored; at least ${minRatees} are needed to judge the pattern.`,
  };
}

/** The plain-language separation line. */
export function separationSentence(groups: number, G: number): Sentence {
  if (groups <= 1)
    return {
      zh: `该评委组的打分无法可靠地区分各单位的高低（分离指数 G = ${G.toFixed(2)}），好与一般差不多。`,
      en: `This panel cannot reliably tell the units apart (separation G = ${G.toFixed(2)}): good and average look alike.`,
    };
  return {
    zh: `该评委组能可靠地把各单位区分为约 ${groups} 个档次（分离指数 G = ${G.toFixed(2)}）。`,
    en: `This panel can reliably tell apart about ${groups} groups of units (separation G = ${G.toFixed(2)}).`,
  };
}
