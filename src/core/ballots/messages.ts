/**
 * The engine's sentences about ballots (level shares, share rules, tallies), in Chinese and
 * English. ../i18n.ts adds them to the engine's catalogue, so `problem.<code>` and `note.<code>`
 * resolve as for every other problem and note.
 */
export const ballotMessages = {
  zh: {
    problem: {
      'bad-count':
        '{{at}}“{{ratee}}”“{{indicator}}”的“{{level}}”票数填的是“{{found}}”；应为 {{allowed}}。这一行计票暂不计入。',
      'duplicate-tally':
        '{{at}}“{{ratee}}”的“{{indicator}}”（{{source}}）计票录入了 {{found}} 行；重复的几行都暂不计入，请合并为一行。',
      'tally-indicator': '{{at}}计票中的指标“{{found}}”不是“{{source}}”测评的指标；应为 {{allowed}}。',
      'tally-not-levels':
        '{{at}}“{{source}}”有不按等次（好、较好……）评分的指标“{{indicator}}”，不能按计票录入；请逐张录入评分表。',
      'tally-aggregate':
        '“{{source}}”按计票录入，但模板规定按“{{found}}”汇总；计票没有每张票的总分，只能按平均（mean）汇总。请把该环节的 aggregate 改为 mean，或逐张录入。',
      'tallied-source-row':
        '{{at}}“{{source}}”已按计票录入，这张逐张评分表不计入；请把它计入计票，或删去该环节的计票。',
      'incomplete-tally': '“{{ratee}}”在“{{source}}”的计票中缺少“{{indicator}}”的票数，该环节得分空缺。',
    },
    note: {
      'requirement-unmet': '不满足“{{rule}}”（实际为 {{actual}}），不能评为{{tiers}}。',
    },
    ballot: {
      atLeast: '{{levels}}票占比不低于 {{bound}}',
      atMost: '{{levels}}票占比不超过 {{bound}}',
      both: '{{levels}}票占比在 {{low}} 至 {{high}} 之间',
      inSource: '（{{source}}）',
      noShares: '没有等次票',
      tiers: '“{{tiers}}”',
      tierSep: '”“',
      countAllowed: '不小于 0 的整数（可留空，表示 0 票）',
      notALevel: '留空（该指标没有这个等次）',
    },
  },
  en: {
    problem: {
      'bad-count':
        '{{at}}the count of "{{level}}" for "{{ratee}}", "{{indicator}}" is "{{found}}"; allowed: {{allowed}}. This tally row is not counted.',
      'duplicate-tally':
        '{{at}}"{{ratee}}", "{{indicator}}" ({{source}}) is tallied on {{found}} rows; none of them is counted — merge them into one.',
      'tally-indicator': '{{at}}"{{found}}" is not an indicator of "{{source}}"; allowed: {{allowed}}.',
      'tally-not-levels':
        '{{at}}"{{source}}" has an indicator scored without levels ("{{indicator}}"), so it cannot be entered as a tally; enter one row per score sheet.',
      'tally-aggregate':
        '"{{source}}" is entered as a tally but the template aggregates it as "{{found}}"; a tally has no per-ballot totals, so only mean is possible. Set the source\'s aggregate to mean, or enter one row per ballot.',
      'tallied-source-row':
        '{{at}}"{{source}}" is entered as a tally, so this score-sheet row is not counted; add it to the tally or remove the tally of that source.',
      'incomplete-tally':
        '"{{ratee}}" has no count for "{{indicator}}" in the tally of "{{source}}"; that source score is missing.',
    },
    note: {
      'requirement-unmet': 'Does not meet "{{rule}}" (actual {{actual}}), so cannot be {{tiers}}.',
    },
    ballot: {
      atLeast: 'share of {{levels}} at least {{bound}}',
      atMost: 'share of {{levels}} at most {{bound}}',
      both: 'share of {{levels}} between {{low}} and {{high}}',
      inSource: ' ({{source}})',
      noShares: 'no level marks',
      tiers: '"{{tiers}}"',
      tierSep: '", "',
      countAllowed: 'a whole number of 0 or more (blank means 0)',
      notALevel: 'blank (this item has no such level)',
    },
  },
};
