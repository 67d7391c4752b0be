/**
 * One sentence per flag, in Chinese and English, that a clerk understands. Every sentence ends by
 * asking for a review: a flag is a prompt, never a verdict (raters.md).
 */
import type { FlagDraft } from './context';
import type { FlagCode } from './types';

export interface Sentence {
  zh: string;
  en: string;
}

/**
 * The title of each flag: what was seen on the sheet, in words a clerk uses. (Not "一碗水端平":
 * that is the product's motto for fairness, not a fault.) The task pane's i18n `flag.<code>.name`
 * carries the same titles.
 */
export const FLAG_TITLES: Record<FlagCode, Sentence> = {
  flat: { zh: '打分拉不开差距', en: 'Scores barely differ' },
  lenient: { zh: '普遍偏高', en: 'Lenient' },
  severe: { zh: '普遍偏低', en: 'Severe' },
  halo: { zh: '不分项打分', en: 'Halo' },
  favoritism: { zh: '个别对象异常', en: 'One ratee out of line' },
  erratic: { zh: '打分与他人对不上', en: 'Order unlike the others' },
  copied: { zh: '评分格雷同', en: 'Sheets nearly identical' },
};

/** A p-value for display: never "0" (formats.md) — below 0.001 it reads "< 0.001". */
export function pText(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return '—';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

const n1 = (x: unknown) => (typeof x === 'number' ? Math.abs(x).toFixed(1) : '?');
const n2 = (x: unknown) => (typeof x === 'number' ? x.toFixed(2) : '?');
const pct = (x: unknown) => (typeof x === 'number' ? String(Math.round(x * 100)) : '?');

/** The sentence of a flag of rater `rater`. */
export function flagSentence(rater: string, d: FlagDraft): Sentence {
  const e = d.evidence;
  switch (d.code) {
    case 'flat':
      if (typeof e.topShare === 'number') {
        const top = typeof e.topLevel === 'string' ? e.topLevel : '最高档';
        const topEn = typeof e.topLevel === 'string' ? e.topLevel : 'the top level';
        return {
          zh: `评委 ${rater} 在 ${pct(e.topShare)}% 的项目上都勾选了“${top}”，各对象之间拉不开差距，请复核。`,
          en: `Rater ${rater} marked ${topEn} on ${pct(e.topShare)}% of the items, so the ballot does not tell the units apart; please review.`,
        };
      }
      return {
        zh: `评委 ${rater} 给出的总分最高与最低只差 ${n1(e.range)} 分，${pct(e.tiedShare)}% 的总分与别的单位相同（标准差 ${n1(e.sd)} 分，评委组中位数 ${n1(e.panelSd)} 分），打分拉不开差距，请复核。`,
        en: `Rater ${rater}'s totals span only ${n1(e.range)} points and ${pct(e.tiedShare)}% of them tie with another unit's (SD ${n1(e.sd)} points against a panel median of ${n1(e.panelSd)}), so the sheet barely tells units apart; please review.`,
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
        zh: `评委 ${rater} 对各单位的高低排序与其他评委基本对不上：别人打高分的单位，他不一定打高，别人打低分的，他也不一定打低（与共识的相关 ${n2(e.correlation)}，其他评委一般为 ${n2(e.panelMedianCorrelation)}），请复核是否随意打分。`,
        en: `Rater ${rater}'s order of the units barely matches the others': units the others scored high are not necessarily high on this sheet, nor the low ones low (correlation with the consensus ${n2(e.correlation)}, typically ${n2(e.panelMedianCorrelation)} for the others); please review whether the sheet was filled at random.`,
      };
    case 'copied': {
      const group = typeof e.group === 'string' && e.group.includes(',') ? e.group : null;
      return group
        ? {
            zh: `评委 ${group} 的评分表几乎一模一样：在双方都填了的 ${e.commonCells} 个评分格中，${pct(e.identicalShare)}% 的评分格分数完全相同，请复核是否互相照抄。`,
            en: `The sheets of raters ${group} are nearly identical: ${pct(e.identicalShare)}% of the ${e.commonCells} score cells both filled hold the same score; please review whether they were copied.`,
          }
        : {
            zh: `评委 ${rater} 与评委 ${e.other} 的评分表几乎一模一样：在双方都填了的 ${e.commonCells} 个评分格中，${pct(e.identicalShare)}% 的评分格分数完全相同，请复核是否照抄。`,
            en: `Rater ${rater}'s sheet and rater ${e.other}'s are nearly identical: ${pct(e.identicalShare)}% of the ${e.commonCells} score cells both filled hold the same score; please review whether one was copied.`,
          };
    }
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

/** The panel line of a ballot: voters who marked the top level (好) on (nearly) every item. */
export function allTopSentence(count: number, of: number, top: string | null, share: number): Sentence {
  const every = share >= 1;
  const lvl = top ?? '最高档';
  const lvlEn = top ?? 'the top level';
  return {
    zh: `${of} 名评委中有 ${count} 名在${every ? '每一项' : `${Math.round(share * 100)}% 以上的项目`}上都勾选了“${lvl}”；这些评委的票拉不开各对象的差距，其余评委的打分模式单独判断。`,
    en: `${count} of ${of} voters marked ${lvlEn} on ${every ? 'every item' : `at least ${Math.round(share * 100)}% of the items`}; their ballots do not tell the units apart, and the other voters' patterns are judged among themselves.`,
  };
}

/** Why a tallied ballot source has no per-rater flags. */
export function talliedSentence(): Sentence {
  return {
    zh: '本环节按票数汇总，没有逐人的评分表，不判断个人打分模式。',
    en: 'This source is tallied (vote counts, no sheet per voter), so individual rating patterns are not judged.',
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
