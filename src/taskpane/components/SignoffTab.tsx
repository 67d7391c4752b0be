/**
 * 签核导出 — sign-off and export: the status of every level (checked against the workbook as it
 * is now), the rows changed since a level was signed (click to go there), signing the next
 * level, withdrawing the top one with a reason, and the exports (print sheet, with how to make
 * a PDF of it in Excel; values-only copy). The work is in ../signoff.ts; no Office calls here.
 */
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DIGEST_PROVES,
  activeRecords,
  describeChangedRow,
  verificationStatusLine,
  type LevelStatus,
} from '../../core/signoff';
import { describeGateIssue, type GateReport } from '../../core/signoff';
import { sheetIssueProblem } from '../../core/sheet-issues';
import type { Lang } from '../../core/types';
import type { BookVerification } from '../../workbook/signoff';
import {
  checkSignoffs,
  exportCopy,
  signNow,
  withdrawNow,
  writePrint,
  type PaneOutcome,
  type Say,
  type SignoffCheck,
  type SignForm,
  type WithdrawForm,
} from '../signoff';
import { displayTime } from '../model/time';
import { useHost } from './HostContext';
import { usePaneStyles } from './paneStyles';
import { useAction } from './useAction';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: '0',
    listStyle: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: '6px',
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  changed: { margin: 0, paddingLeft: '16px' },
  link: { textAlign: 'left', height: 'auto', minWidth: 0, padding: '0', whiteSpace: 'normal' },
});

const EMPTY_SIGN: SignForm = { reviewer: '', role: '', comment: '', password: '', override: '' };
const BADGE = { valid: 'success', withdrawn: 'informative', broken: 'danger' } as const;
const MAX_CHANGED = 20;

export interface SignoffTabProps {
  /** The tab is showing: check the sign-offs each time it opens. */
  active: boolean;
}

export function SignoffTab({ active }: SignoffTabProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const say: Say = useCallback((key, values) => t(key, values), [t]);
  const host = useHost();
  const action = useAction();
  const [verification, setVerification] = useState<BookVerification | null>(null);
  const [outcome, setOutcome] = useState<PaneOutcome | null>(null);
  const [gate, setGate] = useState<GateReport | null>(null);
  const [sign, setSign] = useState<SignForm>(EMPTY_SIGN);
  const [withdraw, setWithdraw] = useState<WithdrawForm>({ by: '', reason: '', password: '' });
  const files = host.fileExports();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const openIssues = gate?.issues ?? [];

  const { run } = action;
  const check = useCallback(
    () =>
      run(async (report) => {
        report({ step: say('signoff.checking') });
        const c: SignoffCheck = await checkSignoffs(host, say, lang);
        setVerification(c.verification);
        setGate(c.gate);
      }),
    [run, host, say, lang],
  );

  useEffect(() => {
    if (active) void check();
  }, [active, check]);

  const apply = (fn: () => Promise<PaneOutcome>, after?: () => void) =>
    action.run(async (report) => {
      setOutcome(null);
      report({ step: t('signoff.status.writing') });
      const r = await fn();
      setOutcome(r);
      if (r.ok) {
        if (r.verification) setVerification(r.verification);
        after?.();
      }
      // The outcome is announced (role=status) and focus moves to it, so a keyboard user hears it.
      requestAnimationFrame(() => outcomeRef.current?.focus());
    });

  const runMessage = (fn: () => Promise<string>) => apply(async () => ({ ok: true, message: await fn() }));

  const records = verification && verification.unreadable === undefined ? verification.records : [];
  const activeLevels = activeRecords(records);
  const top = activeLevels[activeLevels.length - 1];
  const nextLevel = activeLevels.length + 1;
  const broken =
    verification && verification.unreadable === undefined && !verification.ok ? verification : null;

  // The visible 指标 sheet against the stored template the sign-offs cover (signoff.md, Additions).
  const indicatorSheet =
    verification && verification.unreadable === undefined ? (verification.indicatorSheet ?? []) : [];

  const statusLine =
    verification === null
      ? null
      : verification.unreadable !== undefined
        ? verification.unreadable
        : verificationStatusLine(verification, lang);

  return (
    <section className={pane.section} data-testid="signoff-tab">
      <h2 className={pane.h2}>{t('signoff.heading')}</h2>
      <p className={pane.muted}>{t('signoff.hint')}</p>

      {statusLine && (
        <MessageBar
          layout="multiline"
          intent={
            verification!.ok
              ? verification!.unreadable === undefined && verification!.signed
                ? 'success'
                : 'info'
              : 'error'
          }
          data-testid="signoff-status"
        >
          <MessageBarBody>{statusLine}</MessageBarBody>
        </MessageBar>
      )}
      {records.length > 0 && (
        <p className={pane.muted} data-testid="signoff-proves">
          {DIGEST_PROVES[lang]}
        </p>
      )}
      <div className={pane.row}>
        <Button size="small" disabled={action.busy} onClick={() => void check()} data-testid="signoff-check">
          {t('signoff.check')}
        </Button>
      </div>
      {action.busy && (
        <Field validationMessage={action.progress?.step ?? t('signoff.checking')} validationState="none">
          <ProgressBar />
        </Field>
      )}
      {action.error && (
        <MessageBar layout="multiline" intent="error" data-testid="signoff-error">
          <MessageBarBody>{action.error}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <MessageBar
          ref={outcomeRef}
          tabIndex={-1}
          role="status"
          layout="multiline"
          intent={outcome.ok ? 'success' : 'warning'}
          data-testid="signoff-outcome"
        >
          <MessageBarBody>
            {outcome.message}
            {!outcome.ok && outcome.details && (
              <ul className={styles.changed}>
                {outcome.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {indicatorSheet.length > 0 && (
        <MessageBar layout="multiline" intent="warning" data-testid="signoff-indicator-sheet">
          <MessageBarBody>
            {t('signoff.indicatorSheet', { count: indicatorSheet.length })}
            <ul className={styles.changed}>
              {indicatorSheet.map((i, k) => (
                <li key={k}>{sheetIssueProblem(i, lang).message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {broken && broken.changedRows.length > 0 && (
        <div data-testid="signoff-changed">
          <p className={pane.muted}>{t('signoff.changed')}</p>
          <ul className={styles.changed}>
            {broken.changedRows.slice(0, MAX_CHANGED).map((c, i) => (
              <li key={i}>
                {c.sheet && c.row ? (
                  <Button
                    appearance="transparent"
                    size="small"
                    className={styles.link}
                    onClick={() => void action.run(() => host.selectCell(`${c.sheet}!A${c.row}`))}
                  >
                    {describeChangedRow(c, lang)}
                  </Button>
                ) : (
                  describeChangedRow(c, lang)
                )}
              </li>
            ))}
          </ul>
          {broken.changedRows.length > MAX_CHANGED && (
            <p className={pane.muted}>
              {t('signoff.moreChanged', { count: broken.changedRows.length - MAX_CHANGED })}
            </p>
          )}
        </div>
      )}

      <h3 className={pane.h3}>{t('signoff.chain')}</h3>
      {verification && verification.unreadable === undefined && verification.levels.length === 0 && (
        <p className={pane.muted}>{t('signoff.noRecords')}</p>
      )}
      {verification && verification.unreadable === undefined && verification.levels.length > 0 && (
        <ol className={styles.list} data-testid="signoff-chain">
          {verification.levels.map((l, i) => (
            <LevelItem key={i} status={l} />
          ))}
        </ol>
      )}

      {verification && verification.unreadable === undefined && (
        <form
          className={pane.section}
          noValidate
          data-testid="signoff-sign"
          onSubmit={(e) => {
            e.preventDefault();
            void apply(
              () => signNow(host, sign, lang, say),
              () => setSign(EMPTY_SIGN),
            );
          }}
        >
          <h3 className={pane.h3}>{t('signoff.sign.heading', { level: nextLevel })}</h3>
          {openIssues.length > 0 && (
            <MessageBar layout="multiline" intent="warning" data-testid="signoff-gate">
              <MessageBarBody>
                {t('signoff.gate.open')}
                <ul className={styles.changed}>
                  {openIssues.map((i, k) => (
                    <li key={k}>{describeGateIssue(i, lang)}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <TextField
            label={t('signoff.sign.reviewer')}
            required
            value={sign.reviewer}
            onChange={(v) => setSign({ ...sign, reviewer: v })}
            testId="sign-reviewer"
          />
          <TextField
            label={t('signoff.sign.role')}
            value={sign.role}
            onChange={(v) => setSign({ ...sign, role: v })}
            testId="sign-role"
          />
          <TextField
            label={t('signoff.sign.comment')}
            multiline
            value={sign.comment}
            onChange={(v) => setSign({ ...sign, comment: v })}
            testId="sign-comment"
          />
          <TextField
            label={t('signoff.sign.password')}
            password
            value={sign.password}
            onChange={(v) => setSign({ ...sign, password: v })}
            testId="sign-password"
          />
          {openIssues.length > 0 && (
            <TextField
              label={t('signoff.gate.override')}
              multiline
              value={sign.override}
              onChange={(v) => setSign({ ...sign, override: v })}
              testId="sign-override"
            />
          )}
          <div className={pane.row}>
            <Button
              appearance="primary"
              type="submit"
              disabled={action.busy || !!broken}
              data-testid="sign-submit"
            >
              {t('signoff.sign.submit')}
            </Button>
          </div>
        </form>
      )}

      {top && (
        <form
          className={pane.section}
          noValidate
          data-testid="signoff-withdraw"
          onSubmit={(e) => {
            e.preventDefault();
            void apply(
              () => withdrawNow(host, top.level, withdraw, say),
              () => setWithdraw({ by: '', reason: '', password: '' }),
            );
          }}
        >
          <h3 className={pane.h3}>{t('signoff.withdraw.heading', { level: top.level })}</h3>
          <TextField
            label={t('signoff.withdraw.by')}
            required
            value={withdraw.by}
            onChange={(v) => setWithdraw({ ...withdraw, by: v })}
            testId="withdraw-by"
          />
          <TextField
            label={t('signoff.withdraw.reason')}
            required
            multiline
            value={withdraw.reason}
            onChange={(v) => setWithdraw({ ...withdraw, reason: v })}
            testId="withdraw-reason"
          />
          <TextField
            label={t('signoff.withdraw.password')}
            password
            value={withdraw.password}
            onChange={(v) => setWithdraw({ ...withdraw, password: v })}
            testId="withdraw-password"
          />
          <div className={pane.row}>
            <Button type="submit" disabled={action.busy} data-testid="withdraw-submit">
              {t('signoff.withdraw.submit')}
            </Button>
          </div>
        </form>
      )}

      <h3 className={pane.h3}>{t('signoff.export.heading')}</h3>
      <p className={pane.muted}>{t('signoff.export.copyHint')}</p>
      <div className={pane.row}>
        <Button
          appearance="primary"
          disabled={action.busy || !files.copy}
          data-testid="export-copy"
          onClick={() => void apply(() => exportCopy(host, lang, say))}
        >
          {t('signoff.export.copy')}
        </Button>
        <Button
          disabled={action.busy}
          data-testid="export-print"
          onClick={() => void runMessage(() => writePrint(host, say))}
        >
          {t('signoff.export.print')}
        </Button>
      </div>
      {!files.copy && <p className={pane.muted}>{t('signoff.export.noCopy')}</p>}
      <p className={pane.muted} data-testid="no-pdf">
        {t('signoff.export.noPdf')}
      </p>
    </section>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  required?: boolean;
  multiline?: boolean;
  /** A password box: typed text hidden, never offered to the browser's password store. */
  password?: boolean;
}

/** One labelled text box of the sign and withdraw forms. */
function TextField({ label, value, onChange, testId, required, multiline, password }: TextFieldProps) {
  return (
    <Field label={label} required={required}>
      {multiline ? (
        <Textarea
          value={value}
          onChange={(_, d) => onChange(d.value)}
          resize="vertical"
          data-testid={testId}
        />
      ) : (
        <Input
          type={password ? 'password' : 'text'}
          autoComplete={password ? 'new-password' : undefined}
          value={value}
          onChange={(_, d) => onChange(d.value)}
          data-testid={testId}
        />
      )}
    </Field>
  );
}

function LevelItem({ status }: { status: LevelStatus }) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const role = status.role ? (i18n.language === 'zh' ? `（${status.role}）` : ` (${status.role})`) : '';
  return (
    <li className={pane.card} data-testid="signoff-level" data-state={status.state}>
      <div className={pane.cardHead}>
        <strong>
          {t('signoff.levelLine', {
            level: status.level,
            reviewer: status.reviewer,
            role,
          })}
        </strong>
        <Badge appearance="tint" color={BADGE[status.state]}>
          {t(`signoff.state.${status.state}`)}
        </Badge>
      </div>
      <span className={styles.mono}>
        <time dateTime={status.time} title={status.time}>
          {t('signoff.at', { time: displayTime(status.time, lang), digest: status.digest.slice(0, 8) })}
        </time>
      </span>
      {status.state === 'withdrawn' && (
        <span>
          {t('signoff.withdrawnLine', {
            by: status.withdrawn.by,
            time: displayTime(status.withdrawn.time, lang),
            reason: status.withdrawn.reason,
          })}
        </span>
      )}
    </li>
  );
}
