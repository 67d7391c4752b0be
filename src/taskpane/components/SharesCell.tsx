/**
 * The level shares of one ratee (scoring.md, "Ballots") as percentages — pooled over the ballot
 * sources, e.g. `好 62.5% · 较好 25% · 一般 12.5% · 差 0%` — for the results table of 计算.
 * Shown only when the template has level-coded indicators.
 */
import { TableCell, TableHeaderCell } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { POOLED } from '../../core/ballots/shares';
import type { LevelShares } from '../../core/types';

/** `62.5%`: a share as a percentage, up to one decimal. */
export function percentText(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

export function sharesText(shares: LevelShares | undefined): string {
  const all = shares?.[POOLED];
  if (!all) return '—';
  return Object.entries(all)
    .map(([label, share]) => `${label} ${percentText(share)}`)
    .join(' · ');
}

export function SharesHeaderCell() {
  const { t } = useTranslation();
  return <TableHeaderCell>{t('compute.shares')}</TableHeaderCell>;
}

export function SharesCell({ shares }: { shares: LevelShares | undefined }) {
  return <TableCell data-testid="result-shares">{sharesText(shares)}</TableCell>;
}
