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
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Lang } from '../../core/types';
import type { WorkbookHost } from '../../hosts/types';
import { createI18n } from '../i18n';
import type { Computation } from '../workflow';
import { ComputeTab } from './ComputeTab';
import { HostContext } from './HostContext';
import { RatersTab } from './RatersTab';
import { SignoffTab } from './SignoffTab';
import { TemplateTab } from './TemplateTab';

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
});

/** The pane, with its own i18next instance so two panes (tests) never share a language. */
export function App({ host, lang }: AppProps) {
  const i18n = useMemo(() => createI18n(lang), [lang]);
  return (
    <I18nextProvider i18n={i18n}>
      <HostContext.Provider value={host}>
        <FluentProvider theme={webLightTheme}>
          <Pane />
        </FluentProvider>
      </HostContext.Provider>
    </I18nextProvider>
  );
}

function Pane() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<TabId>('template');
  const [computation, setComputation] = useState<Computation | null>(null);
  const lang = i18n.language as Lang;

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  return (
    <main className={styles.root} aria-label={t('app.name')}>
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
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
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
      <div role="tabpanel" hidden={tab !== 'template'}>
        <TemplateTab onInstalled={() => setComputation(null)} />
      </div>
      <div role="tabpanel" hidden={tab !== 'compute'}>
        <ComputeTab computation={computation} onComputed={setComputation} />
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
