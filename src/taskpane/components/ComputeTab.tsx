/**
 * 计算: check the entries (a problem list; clicking a problem selects its cell), compute, and
 * read the results table and the tier distribution with its quota check.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, Problem } from '../../core/types';
import { selectionTarget } from '../model/address';
import { countByCode, messageWithoutWhere, rowsWithProblems, sortProblems } from '../model/problems';
import { tierDistribution } from '../model/tiers';
import { computeWorkbook, type Computation } from '../workflow';
import { TierChart } from './charts/TierChart';
import { useHost } from './HostContext';
import { SharesCell, SharesHeaderCell } from './SharesCell';
import { usePaneStyles } from './paneStyles';
import { localName } from './TemplateTab';
import { useAction } from './useAction';

const useStyles = makeStyles({
  problems: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: '2px',
  },
  problem: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    padding: '4px 6px',
    height: 'auto',
    minHeight: 0,
    whiteSpace: 'normal',
  },
  where: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorPaletteRedForeground1,
    marginRight: '4px',
  },
  table: { width: '100%' },
  rank: { width: '40px' },
  score: { width: '64px', textAlign: 'right' },
  note: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** How many problems are listed before "show all". */
const PROBLEMS_SHOWN = 30;

export interface ComputeTabProps {
  computation: Computation | null;
  onComputed(c: Computation): void;
}

export function ComputeTab({ computation, onComputed }: ComputeTabProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const host = useHost();
  const action = useAction();
  const [showAll, setShowAll] = useState(false);
  const [selectError, setSelectError] = useState<string | null>(null);

  const run = (write: boolean) =>
    action.run(async (progress) => {
      const c = await computeWorkbook(host, lang, write, progress, (k) => t(`compute.step.${k}`));
      setShowAll(false);
      onComputed(c);
    });

  const select = async (p: Problem) => {
    setSelectError(null);
    const target = p.where ? selectionTarget(p.where) : null;
    if (!target) return;
    try {
      await host.selectCell(target);
    } catch {
      setSelectError(t('compute.selectFailed', { where: p.where }));
    }
  };

  const results = computation?.results;
  const problems = results ? sortProblems(results.problems) : [];
  const shownProblems = showAll ? problems : problems.slice(0, PROBLEMS_SHOWN);
  const template = computation?.content.template;
  const ranked = results
    ? [...results.ratees].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
    : [];
  const dist = results && template ? tierDistribution(template, results) : null;
  const withShares = !!results?.ratees.some((r) => r.levelShares !== undefined);
  const tierName = (name: string | null) => {
    const tier = template?.tiers.find((x) => x.name === name);
    return tier ? localName(tier, lang) : (name ?? '—');
  };

  return (
    <section className={pane.section} aria-labelledby="compute-h">
      <h2 id="compute-h" className={pane.h2}>
        {t('compute.heading')}
      </h2>
      <p className={pane.muted}>{t('compute.hint')}</p>
      <div className={pane.row}>
        <Button data-testid="check" disabled={action.busy} onClick={() => void run(false)}>
          {t('compute.check')}
        </Button>
        <Button
          appearance="primary"
          data-testid="compute"
          disabled={action.busy}
          onClick={() => void run(true)}
        >
          {t('compute.compute')}
        </Button>
      </div>
      {action.busy && (
        <Field validationMessage={action.progress?.step ?? t('compute.working')} validationState="none">
          <ProgressBar value={action.progress?.fraction} data-testid="compute-progress" />
        </Field>
      )}
      {action.error && (
        <MessageBar intent="error" data-testid="compute-error">
          <MessageBarBody>{action.error}</MessageBarBody>
        </MessageBar>
      )}

      {results && problems.length === 0 && (
        <MessageBar intent="success" data-testid="no-problems">
          <MessageBarBody>{t('compute.noProblems', { rows: computation.rows.length })}</MessageBarBody>
        </MessageBar>
      )}
      {results && problems.length > 0 && (
        <div data-testid="problems">
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>
                {t('compute.problemsTitle', { count: problems.length, rows: rowsWithProblems(problems) })}
              </MessageBarTitle>
              {countByCode(problems)
                .map((c) => t('compute.problemCount', { kind: t(`problemCode.${c.code}`), count: c.count }))
                .join(lang === 'zh' ? '；' : '; ')}
            </MessageBarBody>
          </MessageBar>
          <p className={pane.muted}>{t('compute.clickToSelect')}</p>
          <ul className={styles.problems} aria-label={t('compute.problemList')}>
            {shownProblems.map((p, i) => (
              <li key={i}>
                <Button
                  appearance="subtle"
                  className={styles.problem}
                  data-testid="problem"
                  data-where={p.where ?? ''}
                  disabled={!p.where}
                  onClick={() => void select(p)}
                >
                  {p.where && <span className={styles.where}>{p.where}</span>}
                  {messageWithoutWhere(p)}
                </Button>
              </li>
            ))}
          </ul>
          {problems.length > shownProblems.length && (
            <Button size="small" appearance="transparent" onClick={() => setShowAll(true)}>
              {t('compute.showAll', { count: problems.length })}
            </Button>
          )}
          {selectError && (
            <MessageBar intent="error">
              <MessageBarBody>{selectError}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}

      {computation?.written && results && (
        <>
          {computation.listed > 0 && (
            <MessageBar intent="info" layout="multiline" data-testid="list-filled">
              <MessageBarBody>{t('compute.listFilled', { count: computation.listed })}</MessageBarBody>
            </MessageBar>
          )}
          <h3 className={pane.h3}>{t('compute.results')}</h3>
          <Table
            size="extra-small"
            className={styles.table}
            data-testid="results"
            aria-label={t('compute.results')}
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.rank}>{t('compute.rank')}</TableHeaderCell>
                <TableHeaderCell>{t('compute.ratee')}</TableHeaderCell>
                <TableHeaderCell className={styles.score}>{t('compute.final')}</TableHeaderCell>
                <TableHeaderCell>{t('compute.tier')}</TableHeaderCell>
                {withShares && <SharesHeaderCell />}
              </TableRow>
            </TableHeader>
            <TableBody>
              {ranked.map((r) => (
                <TableRow key={r.ratee} data-testid="result-row" data-ratee={r.ratee}>
                  <TableCell>{r.rank ?? '—'}</TableCell>
                  <TableCell>
                    {r.name ? `${r.name}` : r.ratee}
                    {r.veto && <span className={styles.note}>{t('compute.vetoed')}</span>}
                    {r.notes.map((n, k) => (
                      <span key={k} className={styles.note}>
                        {n.message}
                      </span>
                    ))}
                  </TableCell>
                  <TableCell className={styles.score}>
                    {r.final === null ? '—' : r.final.toFixed(template?.decimals ?? 2)}
                  </TableCell>
                  <TableCell data-testid="result-tier">{r.tier === null ? '—' : tierName(r.tier)}</TableCell>
                  {withShares && <SharesCell shares={r.levelShares} />}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {dist && (
            <>
              <h3 className={pane.h3}>{t('compute.distribution')}</h3>
              <TierChart distribution={dist} lang={lang} />
              {dist.bars.every((b) => b.withinQuota) ? (
                <MessageBar intent="success" data-testid="quota-ok">
                  <MessageBarBody>{t('compute.quotaOk')}</MessageBarBody>
                </MessageBar>
              ) : (
                <MessageBar intent="error" data-testid="quota-over">
                  <MessageBarBody>
                    {dist.bars
                      .filter((b) => !b.withinQuota)
                      .map((b) =>
                        t('compute.quotaOver', {
                          tier: localName(b, lang),
                          count: b.cumulative,
                          limit: b.limit,
                        }),
                      )
                      .join(' ')}
                  </MessageBarBody>
                </MessageBar>
              )}
              {dist.bars
                .filter((b) => b.quotaTies.length > 0)
                .map((b) => (
                  <MessageBar key={b.name} intent="warning" data-testid="quota-tie">
                    <MessageBarBody>
                      {t('compute.quotaTie', {
                        tier: localName(b, lang),
                        ratees: b.quotaTies.join(lang === 'zh' ? '、' : ', '),
                      })}
                    </MessageBarBody>
                  </MessageBar>
                ))}
            </>
          )}
        </>
      )}
    </section>
  );
}
