/**
 * The share rules of the tiers (`tiers[].requires`, scoring.md "Ballots"): per tier above the
 * floor, its rules — which levels, ≥ or ≤, the share, and whose marks — added, changed and
 * removed on the draft. The problems shown under each rule are validateTemplate's own checks
 * (src/core/ballots/schema.ts, `requirementProblems`) in the pane's language, naming the field.
 * The spec knows two bounds, at least and at most; there is no strict > or <.
 */
import { Button, Checkbox, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { requirementProblems } from '../../core/ballots/schema';
import type { Lang } from '../../core/types';
import {
  addRequirement,
  draftLevelLabels,
  editRequirement,
  removeRequirement,
  ruleOp,
  type RuleOp,
  type TemplateDraft,
} from '../model/templateEdit';
import { NumberField } from './NumberField';
import { usePaneStyles } from './paneStyles';

const useStyles = makeStyles({
  tier: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  rule: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
  },
  problem: { color: tokens.colorPaletteRedForeground1, paddingLeft: tokens.spacingHorizontalS, margin: 0 },
});

function percent(v: unknown): string {
  if (typeof v === 'number') return `${Math.round(v * 10000) / 100}%`;
  return v === undefined || v === null ? '' : String(v);
}

export function RequirementsEditor({
  draft,
  onChange,
}: {
  draft: TemplateDraft;
  onChange(next: TemplateDraft): void;
}) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const tiers = draft.tiers ?? [];
  const allLabels = draftLevelLabels(draft);
  const problems = useMemo(() => requirementProblems(draft, lang), [draft, lang]);
  const levelSources = (draft.sources ?? []).filter((s) => draftLevelLabels(draft, String(s.id)).length > 0);
  if (allLabels.length === 0) return null;
  const nameOf = (x: Record<string, unknown>) => String((lang === 'en' && x.nameEn) || x.name || '');

  return (
    <section
      className={pane.section}
      data-testid="requirements-editor"
      aria-label={t('template.rules.heading')}
    >
      <h3 className={pane.h3}>{t('template.rules.heading')}</h3>
      <p className={pane.muted}>{t('template.rules.hint')}</p>
      {tiers.slice(0, -1).map((tier, ti) => {
        const name = nameOf(tier) || String(ti + 1);
        const rules = Array.isArray(tier.requires) ? (tier.requires as Record<string, unknown>[]) : [];
        const whole = problems.filter((p) => p.tier === ti && p.index === null);
        return (
          <div
            key={ti}
            className={styles.tier}
            data-testid={`rules-tier-${ti}`}
            role="group"
            aria-label={t('template.rules.of', { tier: name })}
          >
            <strong>{name}</strong>
            {rules.map((rule, k) => {
              const n = k + 1;
              const source = typeof rule.source === 'string' ? rule.source : '';
              const labels = draftLevelLabels(draft, source || undefined);
              const chosen = Array.isArray(rule.levels) ? (rule.levels as unknown[]).map(String) : [];
              const op = ruleOp(rule);
              const mine = problems.filter((p) => p.tier === ti && p.index === k);
              const set = (edit: Parameters<typeof editRequirement>[3]) =>
                onChange(editRequirement(draft, ti, k, edit));
              return (
                <div key={k} data-testid={`rule-${ti}-${k}`}>
                  <div
                    className={styles.rule}
                    role="group"
                    aria-label={t('template.rules.levelsOf', { tier: name, n })}
                  >
                    {[...new Set([...labels, ...chosen])].map((label) => (
                      <Checkbox
                        key={label}
                        label={label}
                        checked={chosen.includes(label)}
                        data-testid={`rule-${ti}-${k}-level-${label}`}
                        onChange={(_, d) =>
                          set({
                            field: 'levels',
                            value: d.checked
                              ? labels.filter((l) => l === label || chosen.includes(l))
                              : chosen.filter((l) => l !== label),
                          })
                        }
                      />
                    ))}
                    <Select
                      size="small"
                      aria-label={t('template.rules.opOf', { tier: name, n })}
                      data-testid={`rule-${ti}-${k}-op`}
                      value={op}
                      onChange={(_, d) => set({ field: 'op', value: d.value as RuleOp })}
                    >
                      <option value="atLeast">{t('template.rules.atLeast')}</option>
                      <option value="atMost">{t('template.rules.atMost')}</option>
                    </Select>
                    <NumberField
                      label={t('template.rules.shareOf', { tier: name, n })}
                      value={percent(rule[op])}
                      testId={`rule-${ti}-${k}-share`}
                      invalid={mine.length > 0}
                      onCommit={(value) => set({ field: 'share', value })}
                    />
                    {levelSources.length > 1 && (
                      <Select
                        size="small"
                        aria-label={t('template.rules.sourceOf', { tier: name, n })}
                        data-testid={`rule-${ti}-${k}-source`}
                        value={source}
                        onChange={(_, d) => set({ field: 'source', value: d.value })}
                      >
                        <option value="">{t('template.rules.pooled')}</option>
                        {levelSources.map((s) => (
                          <option key={String(s.id)} value={String(s.id)}>
                            {nameOf(s)}
                          </option>
                        ))}
                      </Select>
                    )}
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={t('template.rules.remove', { tier: name, n })}
                      data-testid={`rule-${ti}-${k}-remove`}
                      onClick={() => onChange(removeRequirement(draft, ti, k))}
                    >
                      ✕
                    </Button>
                  </div>
                  {mine.map((p, m) => (
                    <p
                      key={m}
                      className={styles.problem}
                      role="alert"
                      data-testid={`rule-${ti}-${k}-problem`}
                    >
                      {p.message}
                    </p>
                  ))}
                </div>
              );
            })}
            {whole.map((p, m) => (
              <p key={m} className={styles.problem} role="alert">
                {p.message}
              </p>
            ))}
            <Button
              size="small"
              data-testid={`rule-${ti}-add`}
              aria-label={t('template.rules.addTo', { tier: name })}
              onClick={() => onChange(addRequirement(draft, ti, allLabels[0]))}
            >
              {t('template.rules.add')}
            </Button>
          </div>
        );
      })}
    </section>
  );
}
