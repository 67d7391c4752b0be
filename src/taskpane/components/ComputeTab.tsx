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
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, Problem } from '../../core/types';
import type { CellWrite } from '../../hosts/types';
import { selectionTarget } from '../model/address';
import { csvPastedAsText, splitCsvLines } from '../model/delimited';
import { fixWrites, proposedFixes, type ProposedFix, type UndoStep } from '../model/fixes';
import {
  countByCode,
  messageWithoutWhere,
  noScores,
  rowsWithProblems,
  sortProblems,
} from '../model/problems';
import { tierDistribution } from '../model/tiers';
import { computeWorkbook, type Computation } from '../workflow';
import { TierChart } from './charts/TierChart';
import { useHost } from './HostContext';
import { SharesCell, SharesHeaderCell } from './SharesCell';
import { usePaneStyles } from './paneStyles';
import { localName } from './TemplateTab';
import { useAnnounce } from './Announcer';
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
  problemLine: { display: 'flex', alignItems: 'flex-start', columnGap: '4px' },
  fix: { flexShrink: 0, minWidth: 0 },
  stale: { opacity: 0.55 },
});

/** How many problems are listed before "show all". */
const PROBLEMS_SHOWN = 30;

export interface ComputeTabProps {
  computation: Computation | null;
  onComputed(c: Computation): void;
  /** The entries changed after `computation` was made: its results are out of date. */
  stale?: boolean;
}

export function ComputeTab({ computation, onComputed, stale = false }: ComputeTabProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const host = useHost();
  const action = useAction();
  const [showAll, setShowAll] = useState(false);
  const [selectError, setSelectError] = useState<string | null>(null);
  const [undo, setUndo] = useState<UndoStep[]>([]);
  const [changed, setChanged] = useState<string | null>(null);
  const announce = useAnnounce();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [focusOutcome, setFocusOutcome] = useState(0);

  /** The sentence that sums up a computation (shown, announced, and focused). */
  const summaryOf = (c: Computation): string => {
    const n = c.results.problems.length;
    if (noScores(c.content.entries)) return t('compute.empty');
    if (n > 0) return t('compute.problemsTitle', { count: n, rows: rowsWithProblems(c.results.problems) });
    return t('compute.noProblems', { rows: c.rows.length });
  };

  const run = (write: boolean, after?: string) =>
    action.run(async (progress) => {
      const c = await computeWorkbook(host, lang, write, progress, (k) => t(`compute.step.${k}`));
      setShowAll(false);
      onComputed(c);
      const done = write ? t('compute.doneComputed', { count: c.results.ratees.length }) + ' ' : '';
      announce(`${after ? after + ' ' : ''}${done}${summaryOf(c)}`);
      setFocusOutcome((k) => k + 1);
    });

  // After a check or a computation, focus moves to its outcome (a keyboard user lands on it).
  useEffect(() => {
    if (focusOutcome > 0) outcomeRef.current?.focus();
  }, [focusOutcome]);

  /** Writes cells the clerk agreed to, keeps what they held for undo, then checks again. */
  const write = (label: string, cells: CellWrite[], said: string) =>
    action
      .run(async () => {
        const previous = await host.writeCells(cells);
        setUndo((u) => [...u, { label, previous }]);
        setChanged(said);
        return true;
      })
      .then((ok) => (ok ? run(computation?.written ?? false, said) : undefined));

  const applyFixes = (fixes: ProposedFix[]) =>
    write(
      fixes.length === 1
        ? t('compute.fix.undoOne', { where: fixes[0].where })
        : t('compute.fix.undoAll', { count: fixes.length }),
      fixWrites(fixes),
      t('compute.fix.done', { count: fixes.length }),
    );

  const undoLast = () => {
    const step = undo[undo.length - 1];
    if (!step) return;
    return action
      .run(async () => {
        await host.writeCells(step.previous);
        setUndo((u) => u.slice(0, -1));
        setChanged(t('compute.fix.undone', { label: step.label }));
        return true;
      })
      .then((ok) =>
        ok ? run(computation?.written ?? false, t('compute.fix.undone', { label: step.label })) : undefined,
      );
  };

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
  const fixes = results ? proposedFixes(problems) : [];
  const fixAt = new Map(fixes.map((f) => [f.where, f]));
  const csv = computation ? csvPastedAsText(computation.content.entries) : [];
  const empty = computation !== null && noScores(computation.content.entries);
  const outside = computation?.content.outsideFormulas ?? [];
  const fixText = (v: string | number) => (typeof v === 'number' ? String(v) : `“${v}”`);
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

      {changed && (
        <p className={pane.muted} data-testid="changed">
          {changed}
        </p>
      )}
      {undo.length > 0 && (
        <div className={pane.row}>
          <Button size="small" disabled={action.busy} data-testid="undo" onClick={() => void undoLast()}>
            {t('compute.fix.undo', { label: undo[undo.length - 1].label })}
          </Button>
        </div>
      )}
      {empty && (
        <MessageBar intent="info" data-testid="empty-sheet" ref={outcomeRef} tabIndex={-1}>
          <MessageBarBody>{t('compute.empty')}</MessageBarBody>
        </MessageBar>
      )}
      {csv.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="csv-pasted">
          <MessageBarBody>
            <MessageBarTitle>{t('compute.csv.title', { count: csv.length })}</MessageBarTitle>
            {t('compute.csv.body')}
            <div className={pane.row}>
              <Button
                size="small"
                appearance="primary"
                disabled={action.busy}
                data-testid="csv-split"
                onClick={() => {
                  const split = splitCsvLines(csv, template?.indicators ?? []);
                  void write(
                    t('compute.csv.undo', { count: csv.length }),
                    split.writes,
                    t('compute.csv.done', { count: csv.length }),
                  );
                }}
              >
                {t('compute.csv.split')}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {outside.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="outside-formulas">
          <MessageBarBody>
            {t('compute.outside', {
              count: outside.length,
              first: outside[0],
              last: outside[outside.length - 1],
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {stale && computation && (
        <MessageBar intent="warning" data-testid="compute-stale">
          <MessageBarBody>{t('stale.body')}</MessageBarBody>
        </MessageBar>
      )}

      {results && !empty && problems.length === 0 && (
        <MessageBar intent="success" data-testid="no-problems" ref={outcomeRef} tabIndex={-1}>
          <MessageBarBody>{t('compute.noProblems', { rows: computation.rows.length })}</MessageBarBody>
        </MessageBar>
      )}
      {results && problems.length > 0 && (
        <div data-testid="problems">
          <MessageBar intent="warning" ref={outcomeRef} tabIndex={-1}>
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
          {fixes.length > 0 && (
            <div className={pane.row}>
              <Button
                size="small"
                appearance="primary"
                disabled={action.busy}
                data-testid="fix-all"
                onClick={() => void applyFixes(fixes)}
              >
                {t('compute.fix.all', { count: fixes.length })}
              </Button>
            </div>
          )}
          <ul className={styles.problems} aria-label={t('compute.problemList')}>
            {shownProblems.map((p, i) => (
              <li key={i} className={styles.problemLine}>
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
                {p.where && fixAt.get(p.where)?.problem === p && (
                  <Button
                    size="small"
                    className={styles.fix}
                    disabled={action.busy}
                    data-testid="fix-one"
                    data-where={p.where}
                    aria-label={t('compute.fix.oneLabel', {
                      where: p.where,
                      value: fixText(fixAt.get(p.where)!.value),
                    })}
                    onClick={() => void applyFixes([fixAt.get(p.where!)!])}
                  >
                    {t('compute.fix.one', { value: fixText(fixAt.get(p.where)!.value) })}
                  </Button>
                )}
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
          <h3 className={pane.h3}>{stale ? t('compute.resultsStale') : t('compute.results')}</h3>
          <Table
            size="extra-small"
            className={stale ? `${styles.table} ${styles.stale}` : styles.table}
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
