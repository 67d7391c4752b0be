/**
 * The preview page: the task pane beside an in-browser workbook, so the whole flow can be tried
 * without Excel. Language: zh by default, `?lang=en` for English (the pane also has a switch).
 */
import { createRoot } from 'react-dom/client';
import { startEngineWorker } from '../taskpane/engine/start';
import { App } from '../taskpane/components/App';
import type { Lang } from '../core/types';
import { createPreviewWorkbook } from './fakeWorkbook';
import { PREVIEW_CSS } from './styles';
import { WorkbookView } from './WorkbookView';
import { markStarted, webviewUnsupported } from '../taskpane/startup';

/**
 * `?bench`: exposes a loader for `npm run bench` (bench/pane.ts) — installs a generated workload
 * and types every score, with the simulated workbook's own recalculation switched off so the
 * timings are the pane's. `?engine=page` runs the engine on the page, for comparison.
 */
function benchHooks(preview: ReturnType<typeof createPreviewWorkbook>) {
  (window as unknown as { __duanpingBench?: unknown }).__duanpingBench = {
    async load(ratees: number, raters: number, templateId: string) {
      const { sampleWorkload, typeScores } = await import('../testing/fake-excel/workload');
      preview.excel.setCalculate(undefined);
      await preview.host.install(sampleWorkload(ratees, raters, templateId));
      return typeScores(preview.excel.book);
    },
    /** Milliseconds spent in the simulated Excel so far (it runs on this page; Excel runs in its own process). */
    hostMs: () => preview.hostTime.ms,
  };
}

function start() {
  // The page's old-webview check has shown its message: nothing of the pane runs.
  if (webviewUnsupported()) return;
  const params = new URLSearchParams(location.search);
  if (params.get('engine') !== 'page') startEngineWorker();
  const style = document.createElement('style');
  style.textContent = PREVIEW_CSS;
  document.head.appendChild(style);

  const lang: Lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  const preview = createPreviewWorkbook(lang);
  const { host, book } = preview;
  if (params.has('bench')) benchHooks(preview);
  const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
  createRoot(root).render(
    <div className="pv">
      <div className="pv-banner">
        端平预览：左边是浏览器中的模拟工作簿（不是
        Excel），公式单元格（ƒ）的值由端平引擎计算；右边是任务窗格。 Preview: a simulated workbook (not Excel)
        — formula cells (ƒ) show values computed by the engine.
      </div>
      <div className="pv-main">
        {!params.has('bench') && (
          <div className="pv-book" data-testid="workbook">
            <WorkbookView book={book} />
          </div>
        )}
        <aside className="pv-pane" data-testid="taskpane">
          <App host={host} lang={lang} />
        </aside>
      </div>
    </div>,
  );
  markStarted();
  (window as unknown as { __duanpingReady?: number }).__duanpingReady = performance.now();
}

start();
