/**
 * The task pane: four tabs (模板, 计算, 评委, 签核导出) over one WorkbookHost. No Office calls here: the
 * host comes in through props and is handed down by context; the language comes from the entry
 * point (Office's display language, or zh in the preview) and can be switched.
 */
import {
  FluentProvider,
  Tab,
  TabList,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Lang } from '../../core/types';
import type { WorkbookHost } from '../../hosts/types';
import { createI18n } from '../i18n';
import type { Template } from '../../core/template';
import type { CellWrite } from '../../hosts/types';
import { sampleData, sampleKey } from '../model/sample';
import { changedSince, computeWorkbook, type Computation } from '../workflow';
import { Announcer, useAnnounce } from './Announcer';
import { ComputeTab } from './ComputeTab';
import { HostContext } from './HostContext';
import { RatersTab } from './RatersTab';
import { SignoffTab } from './SignoffTab';
import { TemplateTab } from './TemplateTab';
import { useHost } from './HostContext';
import { useAction } from './useAction';

export interface AppProps {
  host: WorkbookHost;
  lang: Lang;
}

type TabId = 'template' | 'compute' | 'raters' | 'signoff';

const useStyles = makeStyles({
  root: {
    minWidth: '300px',
    boxSizing: 'border-box',
    padding: '8px 10px 24px',
    display: 'flex',
    flexDirection: 'column',
    rowGap: '8px',
    fontFamily: tokens.fontFamilyBase,
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  tabs: { marginLeft: '-10px' },
  steps: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: '2px',
    rowGap: '2px',
  },
  step: { minWidth: 0, paddingLeft: '6px', paddingRight: '6px' },
  arrow: { color: tokens.colorNeutralForeground3 },
});

/** The pane, with its own i18next instance so two panes (tests) never share a language. */
export function App({ host, lang }: AppProps) {
  const i18n = useMemo(() => createI18n(lang), [lang]);
  return (
    <I18nextProvider i18n={i18n}>
      <HostContext.Provider value={host}>
        <FluentProvider theme={webLightTheme}>
          <Announcer>
            <Pane />
          </Announcer>
        </FluentProvider>
      </HostContext.Provider>
    </I18nextProvider>
  );
}

function Pane() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<TabId>('template');
  const [computation, setComputationState] = useState<Computation | null>(null);
  const [stale, setStale] = useState(false);
  const lang = i18n.language as Lang;
  const host = useHost();
  const announce = useAnnounce();
  const recompute = useAction();
  const rootRef = useRef<HTMLElement>(null);
  const checking = useRef(false);
  const [installed, setInstalled] = useState(false);
  const [pending, setPending] = useState(false);
  const [offered, setOffered] = useState<Template | null>(null);
  const sample = useAction();

  useEffect(() => {
    let live = true;
    host
      .findInstallation()
      .then((i) => live && setInstalled(i !== null))
      .catch(() => undefined); // the steps then start at 选模板, which is right for a book the pane cannot read
    return () => {
      live = false;
    };
  }, [host]);

  /** 载入示例: installs the sample template with its lists and types the sample scores. */
  const loadSample = () =>
    sample.run(async (progress) => {
      if (await host.findInstallation()) throw new Error(t('firstRun.sampleRefused'));
      const s = sampleData();
      progress({ step: t('firstRun.sampleInstalling') });
      await host.install({ template: s.template, ratees: s.ratees, raters: s.raters });
      const content = await host.readContent();
      const writes: CellWrite[] = [];
      for (const e of content.entries) {
        const cells = s.scores.get(sampleKey(e.source, e.rater, e.ratee));
        if (!cells || !e.loc) continue;
        for (const [id, v] of Object.entries(cells))
          writes.push({ where: `${e.loc.sheet}!${e.loc.columns[id]}${e.loc.row}`, value: v });
      }
      progress({ step: t('firstRun.sampleTyping') });
      await host.writeCells(writes);
      setOffered(s.template);
      setInstalled(true);
      setComputation(null);
      setTab('compute');
      announce(t('firstRun.sampleDone', { rows: content.entries.length }));
    });

  const step = !installed ? 1 : computation === null ? 2 : 3;
  const stepTabs: TabId[] = ['template', 'compute', computation ? 'signoff' : 'compute'];

  const setComputation = useCallback((c: Computation | null) => {
    setComputationState(c);
    setStale(false);
  }, []);

  /**
   * Results are only as new as the entries they were computed from: when the clerk comes back
   * to the pane (from typing in the sheet) or changes tab, the workbook is read again and its
   * fingerprint compared with the computation's; a difference marks the results stale.
   */
  const recheck = useCallback(async () => {
    if (!computation || checking.current) return;
    checking.current = true;
    try {
      const changed = await changedSince(host, computation);
      if (changed && !stale) announce(t('stale.body'));
      setStale(changed !== null);
    } catch {
      // The workbook cannot be read as it was (sheets renamed, installation removed): the
      // results can no longer be vouched for.
      setStale(true);
    } finally {
      checking.current = false;
    }
  }, [computation, host, stale, announce, t]);

  useEffect(() => {
    const root = rootRef.current;
    const onWindowFocus = () => void recheck();
    const onFocusIn = (e: FocusEvent) => {
      const from = e.relatedTarget as Node | null;
      if (!from || !root?.contains(from)) void recheck();
    };
    window.addEventListener('focus', onWindowFocus);
    root?.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('focus', onWindowFocus);
      root?.removeEventListener('focusin', onFocusIn);
    };
  }, [recheck]);

  const runAgain = () =>
    recompute.run(async (progress) => {
      const c = await computeWorkbook(host, lang, true, progress, (k) => t(`compute.step.${k}`));
      setComputation(c);
      announce(t('stale.done'));
    });

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  return (
    <main className={styles.root} aria-label={t('app.name')} ref={rootRef}>
      <div className={styles.header}>
        <h1 className={styles.title}>{t('app.name')}</h1>
        <Button
          size="small"
          appearance="subtle"
          data-testid="lang-switch"
          onClick={() => void i18n.changeLanguage(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('app.otherLanguage')}
        </Button>
      </div>
      <nav aria-label={t('firstRun.steps')}>
        <ol className={styles.steps}>
          {[1, 2, 3].map((n) => (
            <li key={n} className={styles.step}>
              {n > 1 && (
                <span className={styles.arrow} aria-hidden>
                  →{' '}
                </span>
              )}
              <Button
                size="small"
                appearance={n === step ? 'primary' : 'subtle'}
                className={styles.step}
                aria-current={n === step ? 'step' : undefined}
                data-testid={`step-${n}`}
                onClick={() => setTab(stepTabs[n - 1])}
              >
                {t(`firstRun.step${n}`)}
              </Button>
            </li>
          ))}
        </ol>
      </nav>
      {!installed && (
        <MessageBar intent="info" layout="multiline" data-testid="first-run">
          <MessageBarBody>
            {sample.error ??
              (sample.busy ? (sample.progress?.step ?? t('firstRun.sampleInstalling')) : t('firstRun.hint'))}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              disabled={sample.busy}
              data-testid="load-sample"
              onClick={() => void loadSample()}
            >
              {t('firstRun.sample')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {pending && tab !== 'template' && (
        <MessageBar intent="warning" layout="multiline" data-testid="pending-banner">
          <MessageBarBody>{t('template.pending.title')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setTab('template')}>
              {t('firstRun.toTemplate')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, d) => {
          setTab(d.value as TabId);
          void recheck();
        }}
        size="small"
      >
        <Tab value="template" data-testid="tab-template">
          {t('tabs.template')}
        </Tab>
        <Tab value="compute" data-testid="tab-compute">
          {t('tabs.compute')}
        </Tab>
        <Tab value="raters" data-testid="tab-raters">
          {t('tabs.raters')}
        </Tab>
        <Tab value="signoff" data-testid="tab-signoff">
          {t('tabs.signoff')}
        </Tab>
      </TabList>
      {stale && computation && (
        <MessageBar intent="warning" layout="multiline" data-testid="stale">
          <MessageBarBody>{recompute.error ?? t('stale.body')}</MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              appearance="primary"
              disabled={recompute.busy}
              data-testid="recompute"
              onClick={() => void runAgain()}
            >
              {recompute.busy ? t('compute.working') : t('stale.recompute')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div role="tabpanel" hidden={tab !== 'template'}>
        <TemplateTab
          onInstalled={() => {
            setComputation(null);
            setInstalled(true);
          }}
          onPending={setPending}
          offered={offered}
        />
      </div>
      <div role="tabpanel" hidden={tab !== 'compute'}>
        <ComputeTab computation={computation} onComputed={setComputation} stale={stale} />
      </div>
      <div role="tabpanel" hidden={tab !== 'raters'}>
        <RatersTab computation={computation} onComputed={setComputation} />
      </div>
      <div role="tabpanel" hidden={tab !== 'signoff'}>
        <SignoffTab active={tab === 'signoff'} />
      </div>
    </main>
  );
}
