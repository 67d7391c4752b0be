/**
 * 评委 — the 一碗水端平 panel: per source, the panel's reliability in words, a spread chart of
 * every rater's totals, and each flagged rater with the flag in plain language, its evidence,
 * and a button that highlights that rater's score sheets in the entry sheet.
 * A flag is a prompt to review, never a verdict (raters.md); the panel says so.
 */
import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlagLevel, RaterFlag, RaterReport } from '../../core/raters/types';
import type { Lang } from '../../core/types';
import { talliedSentence } from '../../core/raters/messages';
import { flaggedRaters, raterSpreads, reliabilityWords, rowsOfRater, topLevel } from '../model/raters';
import { evidenceText, reviewItems, type ReviewItem } from '../model/review';
import { unstableSentences } from '../../core/review/stability';
import { groupGapPoints } from '../../core/review/words';
import { runStability, type StabilityMap } from '../review/runStability';
import { computeWorkbook, type Computation } from '../workflow';
import { SpreadChart } from './charts/SpreadChart';
import { useHost } from './HostContext';
import { usePaneStyles } from './paneStyles';
import { localName } from './TemplateTab';
import { useAction } from './useAction';

/** The fill used to mark a rater's rows in the entry sheet. */
export const HIGHLIGHT_COLOR = '#FFE08A';

const useStyles = makeStyles({
  rater: { fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace },
  flag: { margin: 0 },
  evidence: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: '8px',
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  dd: { margin: 0, fontFamily: tokens.fontFamilyMonospace },
  term: { textDecorationLine: 'underline', textDecorationStyle: 'dotted', cursor: 'help' },
  review: { margin: 0, paddingLeft: '18px' },
});

/** A figure's name with its one-line explanation on hover, focus or tap (issue 13). */
function Term({ k, children }: { k: string; children: ReactNode }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Tooltip content={t(`review.explain.${k}`)} relationship="description" withArrow>
      <span className={styles.term} tabIndex={0} data-testid="term" data-term={k}>
        {children}
      </span>
    </Tooltip>
  );
}

/** Evidence keys that have an explanation of their own. */
const EXPLAINED = new Set(['z', 'ownZ', 'tiedShare', 'correlation', 'identicalShare']);

const BADGE: Record<FlagLevel, 'danger' | 'warning' | 'informative'> = {
  alert: 'danger',
  warn: 'warning',
  info: 'informative',
};

export interface RatersTabProps {
  computation: Computation | null;
  onComputed(c: Computation): void;
}

export function RatersTab({ computation, onComputed }: RatersTabProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const host = useHost();
  const action = useAction();
  const [highlighted, setHighlighted] = useState<{ key: string; sheet: string; rows: number[] } | null>(null);
  const [stability, setStability] = useState<{ of: Computation; map: StabilityMap } | null>(null);
  const [stabilityError, setStabilityError] = useState<string | null>(null);

  // Tier stability: 1,000 seeded draws in a Web Worker, once per computation.
  useEffect(() => {
    if (!computation) return;
    let live = true;
    setStabilityError(null);
    runStability({
      template: computation.content.template,
      rows: computation.rows,
      ratees: computation.results.ratees,
    }).then(
      (map) => live && setStability({ of: computation, map }),
      (e: Error) => live && setStabilityError(e.message),
    );
    return () => {
      live = false;
    };
  }, [computation]);

  const [reportSheet, setReportSheet] = useState<string | null>(null);
  const writeReport = () =>
    action.run(async () => {
      if (!computation) return;
      const map = stability?.of === computation ? stability.map : {};
      const results = {
        ...computation.results,
        ratees: computation.results.ratees.map((r) =>
          map[r.ratee] ? { ...r, tierStability: map[r.ratee] } : r,
        ),
      };
      setReportSheet(await host.writeReviewReport(results, computation.rows));
    });

  const goTo = (item: ReviewItem) =>
    action.run(async () => {
      if (!item.where) throw new Error(t('raters.noRows', { rater: item.rater }));
      await host.selectRows(item.where.sheet, item.where.rows);
    });

  const compute = () =>
    action.run(async (progress) => {
      onComputed(await computeWorkbook(host, lang, true, progress, (k) => t(`compute.step.${k}`)));
    });

  const highlight = (report: RaterReport) =>
    action.run(async () => {
      if (!computation) return;
      const key = `${report.source}\u0000${report.rater}`;
      if (highlighted) await host.highlightRows(highlighted.sheet, highlighted.rows, null);
      if (highlighted?.key === key) {
        setHighlighted(null);
        return;
      }
      const where = rowsOfRater(computation.content.entries, report.rater, report.source);
      if (!where) throw new Error(t('raters.noRows', { rater: report.rater }));
      await host.highlightRows(where.sheet, where.rows, HIGHLIGHT_COLOR);
      setHighlighted({ key, ...where });
    });

  const header = (
    <>
      <h2 className={pane.h2}>{t('raters.heading')}</h2>
      <p className={pane.muted}>{t('raters.hint')}</p>
    </>
  );

  const status = (
    <>
      {action.busy && (
        <Field validationMessage={action.progress?.step ?? t('compute.working')} validationState="none">
          <ProgressBar value={action.progress?.fraction} />
        </Field>
      )}
      {action.error && (
        <MessageBar intent="error" data-testid="raters-error">
          <MessageBarBody>{action.error}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );

  if (!computation) {
    return (
      <section className={pane.section}>
        {header}
        <p>{t('raters.notYet')}</p>
        <div className={pane.row}>
          <Button
            appearance="primary"
            data-testid="raters-compute"
            disabled={action.busy}
            onClick={() => void compute()}
          >
            {t('compute.compute')}
          </Button>
        </div>
        {status}
      </section>
    );
  }

  const { results, rows, content } = computation;
  const template = content.template;
  const flagged = flaggedRaters(results.raters);
  const levels = new Map<string, FlagLevel>();
  for (const r of results.raters) {
    const level = topLevel(r);
    if (level) levels.set(`${r.source}\u0000${r.rater}`, level);
  }

  return (
    <section className={pane.section}>
      {header}
      <MessageBar intent="info">
        <MessageBarBody>{t('raters.notAVerdict')}</MessageBarBody>
      </MessageBar>
      <div className={pane.row}>
        <Button size="small" disabled={action.busy} onClick={() => void compute()}>
          {t('raters.recompute')}
        </Button>
      </div>
      {status}
      <ReviewList
        items={reviewItems(results, content.entries, lang)}
        busy={action.busy}
        onGo={(item) => void goTo(item)}
      />
      <div className={pane.row}>
        <Button
          size="small"
          data-testid="write-report"
          disabled={action.busy}
          onClick={() => void writeReport()}
        >
          {t('review.writeReport')}
        </Button>
      </div>
      {reportSheet && (
        <MessageBar intent="success" data-testid="report-written">
          <MessageBarBody>{t('review.reportWritten', { sheet: reportSheet })}</MessageBarBody>
        </MessageBar>
      )}
      <StabilityView map={stability?.of === computation ? stability.map : null} error={stabilityError} />
      {flagged.length === 0 && (
        <MessageBar intent="success" data-testid="no-flags">
          <MessageBarBody>{t('raters.noFlags')}</MessageBarBody>
        </MessageBar>
      )}
      {template.sources.map((source) => {
        const reports = results.raters.filter((r) => r.source === source.id);
        const rel = results.reliability[source.id];
        const words = rel ? reliabilityWords(rel, lang) : null;
        const G = (rel?.detail as { separation?: { G?: number | null } } | undefined)?.separation?.G;
        const gap = groupGapPoints(rows, source.id, G);
        const insufficient = reports.find((r) => r.insufficient)?.insufficient;
        const spreads = raterSpreads(rows, source.id);
        const sourceLevels = new Map(
          spreads.flatMap((s) => {
            const level = levels.get(`${source.id}\u0000${s.rater}`);
            return level ? [[s.rater, level] as const] : [];
          }),
        );
        const mine = flagged.filter((r) => r.source === source.id);
        const name = localName(source, lang);
        return (
          <div key={source.id} className={pane.section} data-testid="rater-source" data-source={source.id}>
            <h3 className={pane.h3}>
              {name}
              {t('raters.counts', { raters: spreads.length, flagged: mine.length })}
            </h3>
            {words && (
              <p data-testid="reliability">
                {t(`raters.band.${words.band}`, {
                  icc: words.icc === null ? '—' : words.icc.toFixed(2),
                })}{' '}
                {words.kendallW !== null && t('raters.kendall', { w: words.kendallW.toFixed(2) })}
                {words.sentence && <strong> {words.sentence}</strong>}
                {gap !== null && <strong>{t('review.gap', { points: gap.toFixed(1) })}</strong>}
                {words.band === 'undefined' && words.reason && (
                  <span className={pane.muted}> {words.reason}</span>
                )}
                <br />
                <span className={pane.muted}>
                  {t('review.figures')} <Term k="icc">ICC</Term> {fig(words.icc)} · <Term k="w">W</Term>{' '}
                  {fig(words.kendallW)} · <Term k="alpha">α</Term> {fig(words.alpha)} · <Term k="g">G</Term>{' '}
                  {fig(G ?? null)}
                </span>
              </p>
            )}
            {insufficient && (
              <MessageBar intent="info">
                <MessageBarBody>{insufficient}</MessageBarBody>
              </MessageBar>
            )}
            {results.tallied?.includes(source.id) && (
              <MessageBar intent="info" data-testid="tallied-source">
                <MessageBarBody>{talliedSentence()[lang]}</MessageBarBody>
              </MessageBar>
            )}
            {spreads.length > 0 && (
              <>
                <p className={pane.muted}>{t('raters.spreadHint')}</p>
                <SpreadChart
                  spreads={spreads}
                  levels={sourceLevels}
                  label={t('raters.spreadLabel', { source: name })}
                />
              </>
            )}
            {mine.map((report) => {
              const key = `${report.source}\u0000${report.rater}`;
              const on = highlighted?.key === key;
              return (
                <div key={key} className={pane.card} data-testid="flagged-rater" data-rater={report.rater}>
                  <div className={pane.cardHead}>
                    <span className={styles.rater}>{report.rater}</span>
                    <span className={pane.muted}>{t('raters.sheets', { count: report.rows })}</span>
                  </div>
                  {report.flags.map((f, k) => (
                    <FlagView key={k} flag={f} lang={lang} />
                  ))}
                  <div className={pane.row}>
                    <Button
                      size="small"
                      data-testid="highlight"
                      aria-pressed={on}
                      disabled={action.busy}
                      onClick={() => void highlight(report)}
                    >
                      {on ? t('raters.unhighlight') : t('raters.highlight')}
                    </Button>
                  </div>
                </div>
              );
            })}
          </div>
        );
      })}
    </section>
  );
}

/** One flag: its name and level, the engine's sentence, and the figures behind it. */
function FlagView({ flag, lang }: { flag: RaterFlag; lang: Lang }) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { t } = useTranslation();
  const evidence = Object.entries(flag.evidence);
  return (
    <div data-testid="flag" data-code={flag.code} data-level={flag.level}>
      <div className={pane.cardHead}>
        <Badge appearance="tint" color={BADGE[flag.level]}>
          {t(`level.${flag.level}`)}
        </Badge>
        <strong>{t(`flag.${flag.code}.name`)}</strong>
        {flag.ratee && <span>→ {flag.ratee}</span>}
      </div>
      <p className={styles.flag}>{flag.messages?.[lang] ?? flag.message}</p>
      <p className={pane.muted}>{t(`flag.${flag.code}.explain`)}</p>
      {evidence.length > 0 && (
        <dl className={styles.evidence} aria-label={t('raters.evidence')}>
          {evidence.map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>
                {EXPLAINED.has(k) ? (
                  <Term k={k}>{t(`evidence.${k}`, { defaultValue: k })}</Term>
                ) : (
                  t(`evidence.${k}`, { defaultValue: k })
                )}
              </dt>
              <dd className={styles.dd}>
                {typeof v === 'string' ? t(`evidenceValue.${v}`, { defaultValue: v }) : evidenceText(k, v)}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

const fig = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** 需复核 N 位: one line per rater flagged warn or alert, with the consequence and a jump. */
function ReviewList({
  items,
  busy,
  onGo,
}: {
  items: ReviewItem[];
  busy: boolean;
  onGo(item: ReviewItem): void;
}) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div className={pane.card} data-testid="needs-review">
      <h3 className={pane.h3}>{t('review.heading', { count: items.length })}</h3>
      {items.map((item) => (
        <div key={item.key} data-testid="review-item" data-rater={item.rater}>
          <div className={pane.cardHead}>
            <Badge appearance="tint" color={BADGE[item.level]}>
              {t(`level.${item.level}`)}
            </Badge>
            <span className={styles.rater}>{item.rater}</span>
            <span className={pane.muted}>{item.source}</span>
            {item.decision && (
              <Badge appearance="outline" data-testid="decision">
                {t(`review.decision.${item.decision.decision}`)}
                {item.decision.reason ? `：${item.decision.reason}` : ''}
              </Badge>
            )}
          </div>
          <ul className={styles.review}>
            {item.seen.map((line, k) => (
              <li key={k}>{line}</li>
            ))}
          </ul>
          <p data-testid="impact">{item.impact ?? t('review.alreadyAside', { rater: item.rater })}</p>
          <div className={pane.row}>
            <Button
              size="small"
              data-testid="go-to-rows"
              disabled={busy || !item.where}
              onClick={() => onGo(item)}
            >
              {t('review.goTo')}
            </Button>
          </div>
        </div>
      ))}
      <p className={pane.muted}>{t('review.howToDecide')}</p>
    </div>
  );
}

/** Tier stability: the units whose tier holds in fewer than 80 % of the draws, named. */
function StabilityView({ map, error }: { map: StabilityMap | null; error: string | null }) {
  const pane = usePaneStyles();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  if (error) return <p className={pane.muted}>{t('review.stabilityFailed', { error })}</p>;
  if (!map)
    return (
      <p className={pane.muted} data-testid="stability-running">
        {t('review.stabilityRunning')}
      </p>
    );
  const unstable = unstableSentences(map);
  const draws = Object.values(map)[0]?.draws ?? 0;
  return (
    <div data-testid="stability">
      <h3 className={pane.h3}>
        <Term k="stability">{t('review.stabilityHeading')}</Term>
      </h3>
      {unstable.length === 0 ? (
        <p>{t('review.allFirm', { draws })}</p>
      ) : (
        <>
          <p>{t('review.someLoose', { draws })}</p>
          <ul>
            {unstable.map((u) => (
              <li key={u.ratee} data-testid="unstable" data-ratee={u.ratee}>
                {u[lang]}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
